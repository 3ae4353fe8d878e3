"""Whole statements through the diff engine and the detector: fixture pairs with known verdicts.

The pairs live in tests/fixtures/material/ (cases.yml names the old and new text, the expected
verdict and the rules expected among the findings). The text is the project's own, about a
fictional company.
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
    return (FIXTURES / case["old"]).read_text(encoding="utf-8"), (FIXTURES / case["new"]).read_text(encoding="utf-8")


def test_the_fixtures_cover_material_and_non_material_pairs():
    verdicts = {case["verdict"] for case in CASES.values()}
    assert len(CASES) >= 10
    assert {"material", "substantive", "editorial", "formatting"} <= verdicts


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
