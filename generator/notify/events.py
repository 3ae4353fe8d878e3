"""Events: what happened to which version, as a stable id and a versioned JSON payload.

Two events exist per version:

``statement.version.published``
    due on the first run with ``as_of >= version.published`` (readers get their notice period);
``statement.version.effective``
    due on the first run with ``as_of >= version.effective`` (the new text is now in force).

An event's id depends only on the statement id, the version's effective date and the event type, so
every re-send of an event carries the same id and receivers can deduplicate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Statement, Version
from .config import EVENT_EFFECTIVE, EVENT_PUBLISHED, EVENT_TYPES

__all__ = [
    "EVENT_PUBLISHED",
    "EVENT_EFFECTIVE",
    "EVENT_TYPES",
    "SCHEMA",
    "Event",
    "Classifier",
    "event_id",
    "build_event",
    "due_events",
    "test_event",
    "EVENT_TEST",
    "version_url",
    "changes_url",
    "statement_url",
    "translated",
]

#: Version of the payload layout; bumped on any incompatible change.
SCHEMA = 1
#: the type of ``statement notify test`` events: never recorded, never a notice
EVENT_TEST = "statement.test"


class _Finding(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class _Classification(Protocol):
    verdict: str
    findings: list[_Finding]


#: ``classify_version(statement, version)`` from :mod:`generator.material`, or a stand-in
Classifier = Callable[[Statement, Version], "_Classification | None"]


def event_id(statement_id: str, effective: dt.date, event_type: str) -> str:
    """The stable id of an event: the same on every run, never derived from time."""
    digest = hashlib.sha256(f"{event_type}\n{statement_id}\n{effective.isoformat()}".encode()).hexdigest()
    return f"evt_{digest[:32]}"


def _join(site_url: str | None, path: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path


def statement_url(site_url: str | None, statement_id: str) -> str | None:
    """``{site_url}{id}/``: the version in force."""
    return _join(site_url, f"{statement_id}/")


def version_url(site_url: str | None, version: Version) -> str | None:
    """``{site_url}{id}/{effective}/``: the version's permanent address."""
    return _join(site_url, f"{version.statement_id}/{version.key}/")


def changes_url(site_url: str | None, version: Version) -> str | None:
    """``{site_url}{id}/{effective}/changes/``: the redline against the previous version."""
    return _join(site_url, f"{version.statement_id}/{version.key}/changes/")


@dataclass(frozen=True)
class Event:
    """One thing that happened to one version; ``payload`` is what every channel sends."""

    id: str
    type: str
    statement_id: str
    title: str
    effective: dt.date
    published: dt.date
    #: the day the event took place: the version's published or effective date
    date: dt.date
    #: declared ``material: true`` in the version's front-matter
    material: bool
    payload: Mapping[str, Any] = field(compare=False, hash=False)

    @property
    def kind(self) -> str:
        """``published`` or ``effective``."""
        return self.type.rsplit(".", 1)[-1]

    @property
    def body(self) -> str:
        """The payload as compact JSON: the exact bytes a webhook signs and sends."""
        return json.dumps(self.payload, ensure_ascii=False, separators=(",", ":"))

    @property
    def payload_sha256(self) -> str:
        """sha256 of :attr:`body`, recorded in the ledger as proof of what was sent."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


def _translations(
    statement: Statement, version: Version, site_url: str | None, languages: Any, translations: Any,
) -> dict[str, Any]:
    """``{language: {status, title, summary, url, changes_url, statement_url}}`` for every other language of the site."""
    out: dict[str, Any] = {}
    previous = statement.previous(version)
    for language in languages.others:
        prefix = languages.prefix(language)
        translation = translations.get(language) if translations is not None else None
        paired = translation.version(version.effective) if translation is not None else None
        text = paired.text if paired is not None else None
        out[language] = {
            "status": paired.status if paired is not None else "missing",
            "title": text.title if text is not None else None,
            "summary": text.summary if text is not None else None,
            "url": _join(site_url, f"{prefix}{statement.id}/{version.key}/"),
            "changes_url": _join(site_url, f"{prefix}{statement.id}/{version.key}/changes/") if previous is not None else None,
            "statement_url": _join(site_url, f"{prefix}{statement.id}/"),
        }
    return out


def translated(payload: Mapping[str, Any], language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The payload's ``statement`` and ``version`` as a notice in ``language`` tells them.

    A translated (or stale) version gives its own title, summary and addresses; a missing one,
    the translated pages' addresses (which show the original with a note) and the original's words.
    The payload of a one-language site, or another language, gives them as they are.
    """
    statement, version = dict(payload["statement"]), dict(payload["version"])
    entry = (payload.get("translations") or {}).get(language)
    if entry is None:
        return statement, version
    statement["url"] = entry["statement_url"]
    version["url"], version["changes_url"] = entry["url"], entry["changes_url"]
    if entry["status"] != "missing":
        statement["title"] = entry["title"] or statement["title"]
        version["summary"] = entry["summary"] or version["summary"]
    return statement, version


def build_event(
    statement: Statement,
    version: Version,
    event_type: str,
    *,
    site_url: str | None = None,
    classification: _Classification | None = None,
    languages: Any = None,
    translations: Any = None,
) -> Event:
    """Make the event of ``event_type`` for ``version``, payload included.

    On a site of several languages (``languages``, a :class:`~generator.translations.SiteLanguages`
    with others), the payload also names the statement's language and, under ``translations``,
    each other language's status, title, summary and addresses (``translations`` is the
    statement's :class:`~generator.translations.StatementTranslations`). A one-language site's
    payload is as it always was.
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    identifier = event_id(statement.id, version.effective, event_type)
    date = version.published if event_type == EVENT_PUBLISHED else version.effective
    previous = statement.previous(version)
    payload: dict[str, Any] = {
        "schema": SCHEMA,
        "id": identifier,
        "type": event_type,
        "date": date.isoformat(),
        "statement": {
            "id": statement.id,
            "title": version.title,
            "url": statement_url(site_url, statement.id),
        },
        "version": {
            "effective": version.effective.isoformat(),
            "published": version.published.isoformat(),
            "notice_days": (version.effective - version.published).days,
            "material": version.material,
            "summary": version.summary,
            "sha256": version.sha256,
            "commit": version.commit,
            "url": version_url(site_url, version),
            "changes_url": changes_url(site_url, version) if previous is not None else None,
        },
        "previous": (
            {"effective": previous.effective.isoformat(), "url": version_url(site_url, previous)}
            if previous is not None
            else None
        ),
        "classification": (
            {
                "verdict": classification.verdict,
                "findings": [finding.to_dict() for finding in classification.findings],
            }
            if classification is not None
            else None
        ),
    }
    if languages is not None and getattr(languages, "others", ()):
        payload["statement"]["language"] = languages.default
        payload["translations"] = _translations(statement, version, site_url, languages, translations)
    return Event(
        id=identifier,
        type=event_type,
        statement_id=statement.id,
        title=version.title,
        effective=version.effective,
        published=version.published,
        date=date,
        material=version.material,
        payload=payload,
    )


def due_events(
    statements: Iterable[Statement],
    as_of: dt.date,
    *,
    since: dt.date | None = None,
    site_url: str | None = None,
    classify: Classifier | None = None,
    warnings: list[str] | None = None,
    languages: Any = None,
    translations: Mapping[str, Any] | None = None,
) -> list[Event]:
    """Every event that has taken place by ``as_of``, oldest version first.

    Drafts (uncommitted text) never notify, nor do versions published before ``since``. Whether an
    event was already delivered is the ledger's business, not this function's. ``languages`` and
    ``translations`` (statement id → its translations) add each translation to the payloads.
    """
    events: list[Event] = []
    for statement in statements:
        for version in statement.versions:
            if version.is_draft or (since is not None and version.published < since):
                continue
            types = [t for t in EVENT_TYPES if _date_of(version, t) <= as_of]
            if not types:
                continue
            classification = _classify(classify, statement, version, warnings)
            for event_type in types:
                events.append(build_event(
                    statement, version, event_type, site_url=site_url, classification=classification,
                    languages=languages, translations=(translations or {}).get(statement.id),
                ))
    return events


def _date_of(version: Version, event_type: str) -> dt.date:
    return version.published if event_type == EVENT_PUBLISHED else version.effective


def _classify(
    classify: Classifier | None, statement: Statement, version: Version, warnings: list[str] | None
) -> _Classification | None:
    if classify is None:
        return None
    try:
        return classify(statement, version)
    except Exception as exc:  # noqa: BLE001 - a classifier bug must not hold back the notice itself
        if warnings is not None:
            warnings.append(f"{statement.id} {version.key}: no verdict in the payload, classification failed ({exc})")
        return None



def test_event(
    statement: Statement, version: Version, *, site_url: str | None = None, sent: dt.datetime | None = None,
    languages: Any = None, translations: Any = None,
) -> Event:
    """A clearly marked test event: the published notice of ``version`` with ``"test": true``,
    type ``statement.test`` and an id of its own (``evt_test_…``, new on every call, so receivers
    that deduplicate still see each test)."""
    sent = sent or dt.datetime.now(dt.timezone.utc)
    real = build_event(statement, version, EVENT_PUBLISHED, site_url=site_url, languages=languages, translations=translations)
    digest = hashlib.sha256(f"{real.id}\n{sent.isoformat()}".encode()).hexdigest()
    identifier = f"evt_test_{digest[:23]}"
    payload = {**real.payload, "id": identifier, "type": EVENT_TEST, "test": True}
    return Event(
        id=identifier, type=EVENT_TEST, statement_id=real.statement_id, title=real.title, effective=real.effective,
        published=real.published, date=real.date, material=real.material, payload=payload,
    )
