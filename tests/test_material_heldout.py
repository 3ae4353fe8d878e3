"""The labelled edits of ``bench/heldout.py`` stay usable: each names a fixture statement, each edit
applies to exactly one place of it, and every label is a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "material"
EDITS = sorted((FIXTURES / "edits").glob("*.json"))
VERDICTS = {"material", "substantive", "editorial", "formatting"}


def test_there_are_labelled_edits():
    assert len(EDITS) >= 100


@pytest.mark.parametrize("path", EDITS, ids=lambda p: p.stem)
def test_each_edit_applies_once_and_is_labelled(path):
    case = json.loads(path.read_text(encoding="utf-8"))
    text = (FIXTURES / case["statement"]).read_text(encoding="utf-8")
    ids = [edit["id"] for edit in case["edits"]]
    assert len(ids) == len(set(ids))
    for edit in case["edits"]:
        assert text.count(edit["find"]) == 1, edit["id"]
        assert edit["find"] != edit["replace"], edit["id"]
        assert edit["verdict"] in VERDICTS, edit["id"]
        assert edit["why"].strip(), edit["id"]
    # half of each statement's edits are material, so that a detector calling everything one way scores half
    material = sum(edit["verdict"] == "material" for edit in case["edits"])
    assert material * 2 == len(case["edits"])
