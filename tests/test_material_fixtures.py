"""Whole statements through the diff engine and the detector: fixture pairs with known verdicts.

The pairs live in tests/fixtures/material/ (cases.yml names the old text, the new text or the
edits that make it, the expected verdict and the rules expected among the findings). The text is
the project's own, about fictional companies, and covers each rule of docs/material-rules.md in
both directions: a change it must call material and a neighbouring one it must not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.material import classify

FIXTURES = Path(__file__).parent / "fixtures" / "material"
CASES = yaml.safe_load((FIXTURES / "cases.yml").read_text(encoding="utf-8"))


def pair(name: str) -> tuple[str, str]:
    case = CASES[name]
    old = (FIXTURES / case["old"]).read_text(encoding="utf-8")
    if "new" in case:
        return old, (FIXTURES / case["new"]).read_text(encoding="utf-8")
    new = old
    for find, replace in case["edits"]:
        assert new.count(find) == 1, f"{name}: {find!r} must occur once"
        new = new.replace(find, replace)
    return old, new


def test_every_case_has_a_name_of_its_own():
    # (YAML keeps the last of two cases with one name: the first would silently never run)
    names = [line[:-1] for line in (FIXTURES / "cases.yml").read_text(encoding="utf-8").splitlines()
             if line.endswith(":") and line[:1].isalnum()]
    assert len(names) == len(set(names)) == len(CASES)


def test_the_fixtures_cover_material_and_non_material_pairs():
    verdicts = {case["verdict"] for case in CASES.values()}
    assert len(CASES) >= 10
    assert {"material", "substantive", "editorial", "formatting"} <= verdicts


def test_every_rule_of_substance_has_a_case_that_fires_and_a_neighbour_that_is_not_material():
    from generator.material import JUDGING_RULES

    named = {rule for case in CASES.values() for rule in case["rules"]}
    material = {rule for case in CASES.values() if case["verdict"] == "material" for rule in case["rules"]}
    not_material = {rule for case in CASES.values() if case["verdict"] != "material" for rule in case["rules"]}
    assert set(JUDGING_RULES) - {"contact"} <= material, set(JUDGING_RULES) - material
    assert {"collection", "recipients", "commitments", "rights", "contact"} <= not_material
    assert set(JUDGING_RULES) <= named


def test_every_finding_that_quotes_both_sides_shows_a_change():
    for name in sorted(CASES):
        for finding in classify(*pair(name)).findings:
            if finding.old is not None and finding.new is not None:
                assert finding.old != finding.new, (name, finding)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_pair_gets_its_known_verdict(name):
    old, new = pair(name)
    result = classify(old, new)
    assert result.verdict == CASES[name]["verdict"], [f.message for f in result.findings]


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_pair_names_the_rules_behind_its_verdict(name):
    old, new = pair(name)
    found = {f.rule for f in classify(old, new).findings}
    assert set(CASES[name]["rules"]) <= found


def test_an_unchanged_statement_is_verdict_none():
    old, _ = pair("typo-fix")
    assert classify(old, old).verdict == "none"


def test_every_finding_of_a_material_pair_says_where_it_is():
    old, new = pair("negation-flip")
    findings = classify(old, new).findings
    assert findings and all(f.section[-1] == "Sharing" for f in findings)


def test_a_finding_marks_the_changed_words_within_its_clause():
    finding = classify(*pair("negation-flip")).findings[0]
    assert finding.old == "We do not sell your personal information."
    assert finding.marked("old", "[", "]") == "We [do not] sell your personal information."
    assert finding.marked("new", "[", "]") == "We [may] sell your personal information."


# --- classifier: one verdict per version, for the site ------------------------------------------


def _statement(*bodies: str):
    import datetime as dt

    from generator.model import Revision, Statement, Version

    versions = []
    for number, text in enumerate(bodies, start=1):
        day = dt.date(2024, number, 1)
        revision = Revision(
            "privacy", "statements/privacy.md", text, f"{number:040x}", dt.datetime(2024, number, 1, tzinfo=dt.timezone.utc),
            "Legal", "update", None, text, day,
        )
        versions.append(Version("privacy", "Privacy Statement", day, day, False, None, None, (revision,), 1))
    return Statement("privacy", "statements/privacy.md", tuple(versions))


def test_the_classifier_gives_no_verdict_for_a_first_version():
    from generator.material import classifier

    statement = _statement(*pair("typo-fix"))
    assert classifier()(statement, statement.versions[0]) is None


def test_the_classifier_compares_a_version_with_the_one_before_it():
    from generator.material import classifier

    statement = _statement(*pair("negation-flip"))
    assert classifier()(statement, statement.versions[1]).verdict == "material"


def test_the_classifier_computes_each_version_pair_once(monkeypatch):
    from generator import material

    calls = []
    real = material.classify
    monkeypatch.setattr(material, "classify", lambda *a, **k: calls.append(1) or real(*a, **k))
    statement = _statement(*pair("retention-days"))
    classify_version = material.classifier()
    first = classify_version(statement, statement.versions[1])
    second = classify_version(statement, statement.versions[1])
    assert first is second and len(calls) == 1


# --- property: layout never changes the verdict beyond formatting ------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _relayout(text: str, width: int, marker: str) -> str:
    """Re-wrap every plain paragraph at ``width`` and write list items with ``marker``."""
    import textwrap

    out = []
    for chunk in text.split("\n\n"):
        lines = chunk.split("\n")
        if all(line.startswith("- ") for line in lines):
            out.append("\n".join(marker + line[2:] for line in lines))
        elif chunk.startswith("#"):
            out.append(chunk)
        else:
            out.append(textwrap.fill(" ".join(chunk.split()), width=width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(out)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(width=st.integers(min_value=30, max_value=120), marker=st.sampled_from(["- ", "* ", "+ "]))
def test_rewrapping_lines_and_changing_list_markers_is_at_most_formatting(width, marker):
    old, _ = pair("typo-fix")
    assert classify(old, _relayout(old, width, marker)).verdict in ("none", "formatting")


def test_a_notification_payload_carries_each_finding_with_its_marked_clauses():
    from generator.material import classifier
    from generator.notify.events import build_event

    statement = _statement(*pair("negation-flip"))
    version = statement.versions[1]
    event = build_event(statement, version, "statement.version.published", classification=classifier()(statement, version))
    finding = event.payload["classification"]["findings"][0]
    assert finding["rule"] == "commitments" and finding["section"][-1] == "Sharing"
    assert finding["old_marked"] == "We [-do not-] sell your personal information."
    assert finding["new_marked"] == "We {+may+} sell your personal information."
