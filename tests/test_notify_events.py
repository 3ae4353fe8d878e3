"""Events: which are due, their stable ids, and the versioned payload every channel sends."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from notify_support.factories import privacy, statement, version

from generator.notify import EVENT_EFFECTIVE, EVENT_PUBLISHED, SCHEMA, build_event, due_events, event_id

SITE = "https://statements.test/"


@dataclass
class Finding:
    rule: str

    def to_dict(self):
        return {"rule": self.rule}


@dataclass
class Classification:
    verdict: str
    findings: list


def test_event_id_depends_on_statement_version_and_type_only():
    ids = {
        event_id("privacy", dt.date(2025, 3, 1), EVENT_PUBLISHED),
        event_id("privacy", dt.date(2025, 3, 1), EVENT_EFFECTIVE),
        event_id("cookies", dt.date(2025, 3, 1), EVENT_PUBLISHED),
        event_id("privacy", dt.date(2025, 3, 2), EVENT_PUBLISHED),
    }

    assert len(ids) == 4
    assert all(re.fullmatch(r"evt_[0-9a-f]{32}", identifier) for identifier in ids)


def test_the_same_event_built_twice_has_the_same_id_and_bytes():
    first = build_event(privacy(), privacy().versions[-1], EVENT_PUBLISHED, site_url=SITE)
    again = build_event(privacy(), privacy().versions[-1], EVENT_PUBLISHED, site_url=SITE)

    assert (first.id, first.body) == (again.id, again.body)


def test_payload_describes_the_statement_and_version():
    subject = privacy()
    current = subject.versions[-1]

    payload = build_event(subject, current, EVENT_PUBLISHED, site_url=SITE).payload

    assert payload == {
        "schema": SCHEMA,
        "id": event_id("privacy", dt.date(2025, 3, 1), EVENT_PUBLISHED),
        "type": "statement.version.published",
        "date": "2025-02-01",
        "statement": {"id": "privacy", "title": "Privacy Statement", "url": "https://statements.test/privacy/"},
        "version": {
            "effective": "2025-03-01",
            "published": "2025-02-01",
            "notice_days": 28,
            "material": True,
            "summary": "We now keep server logs for **90 days** instead of 30.",
            "sha256": current.sha256,
            "commit": current.commit,
            "url": "https://statements.test/privacy/2025-03-01/",
            "changes_url": "https://statements.test/privacy/2025-03-01/changes/",
        },
        "previous": {"effective": "2024-03-01", "url": "https://statements.test/privacy/2024-03-01/"},
        "classification": None,
    }
    assert SCHEMA == 1


def test_effective_event_is_dated_on_the_effective_day():
    event = build_event(privacy(), privacy().versions[-1], EVENT_EFFECTIVE)

    assert (event.payload["type"], event.payload["date"]) == ("statement.version.effective", "2025-03-01")


def test_first_version_has_no_previous_version_and_no_changes_page():
    subject = privacy()

    payload = build_event(subject, subject.versions[0], EVENT_PUBLISHED, site_url=SITE).payload

    assert (payload["previous"], payload["version"]["changes_url"]) == (None, None)


def test_without_site_url_the_payload_has_no_addresses():
    payload = build_event(privacy(), privacy().versions[-1], EVENT_PUBLISHED).payload

    assert (payload["statement"]["url"], payload["version"]["url"], payload["version"]["changes_url"]) == (None, None, None)


def test_site_url_without_trailing_slash_gives_the_same_addresses():
    payload = build_event(privacy(), privacy().versions[-1], EVENT_PUBLISHED, site_url="https://statements.test").payload

    assert payload["version"]["url"] == "https://statements.test/privacy/2025-03-01/"


def test_classifier_adds_verdict_and_findings():
    def classify(statement, version):
        return Classification("material", [Finding("retention-period")])

    [event] = due_events([privacy()], dt.date(2025, 2, 1), classify=classify, since=dt.date(2025, 1, 1))

    assert event.payload["classification"] == {"verdict": "material", "findings": [{"rule": "retention-period"}]}


def test_a_failing_classifier_leaves_the_verdict_out_and_warns():
    def classify(statement, version):
        raise RuntimeError("rule crashed")

    warnings: list[str] = []
    [event] = due_events([privacy()], dt.date(2025, 2, 1), classify=classify, since=dt.date(2025, 1, 1), warnings=warnings)

    assert event.payload["classification"] is None
    assert warnings == ["privacy 2025-03-01: no verdict in the payload, classification failed (rule crashed)"]


def test_due_events_in_order_of_statement_version_and_event():
    events = due_events([privacy(), statement(version("2025-01-01", "2024-12-01", statement_id="cookies"), statement_id="cookies")], dt.date(2025, 3, 1))

    assert [(e.statement_id, e.effective.isoformat(), e.kind) for e in events] == [
        ("privacy", "2024-03-01", "published"),
        ("privacy", "2024-03-01", "effective"),
        ("privacy", "2025-03-01", "published"),
        ("privacy", "2025-03-01", "effective"),
        ("cookies", "2025-01-01", "published"),
        ("cookies", "2025-01-01", "effective"),
    ]


def test_body_is_compact_json_of_the_payload():
    event = build_event(privacy(), privacy().versions[-1], EVENT_PUBLISHED)

    assert json.loads(event.body) == event.payload
    assert "\n" not in event.body
