"""``statement diff --format json`` keeps the README's schema: validated with JSON Schema, both ways."""

from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
import pytest

from tests.conftest import REPO_ROOT, run, statement_text

PATH = "statements/privacy.md"

BODY = """\
## Overview

We collect little.

## Children

Our service is not meant for children under 13.

## Contact

Write to privacy@example.test.
"""

# The Children section moves to the end and its age changes; Overview gains a sentence.
NEW_BODY = """\
## Overview

We collect little. We never sell it.

## Contact

Write to privacy@example.test.

## Children

Our service is not meant for children under 16.
"""


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("generator").joinpath("schemas/diff-1.schema.json").read_text(encoding="utf-8"))


def validate(document: dict, schema: dict) -> None:
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())


def test_the_readme_example_is_valid_under_the_schema(schema):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("`--format json` is a stable schema"):]
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)
    validate(json.loads(example), schema)


@pytest.fixture
def edited(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2026-02-01", body=BODY)}, date="2026-01-01")
    in_repo.write(PATH, statement_text(effective="2027-01-15", body=NEW_BODY))
    return in_repo


def diff_json(*args: str) -> dict:
    result = run("diff", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_previous_to_working_is_valid_with_effective_dates_on_both_sides(edited, schema):
    document = diff_json()
    validate(document, schema)
    assert (document["from"], document["to"]) == ("2026-02-01", "2027-01-15")


def test_every_change_has_move_and_moved_from_null_unless_it_moved(edited, schema):
    changes = diff_json()["changes"]
    moved = [c for c in changes if c["kind"] == "moved"]
    others = [c for c in changes if c["kind"] != "moved"]
    assert moved and others
    assert all(c["moved_from"] == ["Children"] and isinstance(c["move"], int) for c in moved)
    assert all(c["moved_from"] is None and c["move"] is None for c in others)


def test_named_versions_and_current_give_their_effective_dates(edited, schema):
    edited.commit(date="2026-06-01")
    document = diff_json("privacy", "current", "2027-01-15", "--as-of", "2026-07-01")
    validate(document, schema)
    assert (document["from"], document["to"]) == ("2026-02-01", "2027-01-15")


def test_a_document_with_a_label_instead_of_a_date_is_rejected_by_the_schema(edited, schema):
    document = diff_json()
    document["from"] = "2026-02-01 (committed)"
    with pytest.raises(jsonschema.ValidationError):
        validate(document, schema)


def marked(text: str, marks: list[list[int]], opening: str, closing: str) -> str:
    """``text`` with each [start, end) span wrapped, as the schema describes ``old_marked``/``new_marked``."""
    out, at = [], 0
    for start, end in marks:
        out += [text[at:start], opening, text[start:end], closing]
        at = end
    return "".join(out) + text[at:]


def test_every_finding_carries_its_marks_and_marked_clauses(edited, schema):
    document = diff_json()
    validate(document, schema)
    findings = document["classification"]["findings"]
    assert any(f["old"] is not None and f["new"] is not None for f in findings)
    for finding in findings:
        for side, opening, closing in (("old", "[-", "-]"), ("new", "{+", "+}")):
            text, marks = finding[side], finding[f"{side}_marks"]
            if text is None:
                assert marks == [] and finding[f"{side}_marked"] is None
                continue
            assert all(0 <= start < end <= len(text) for start, end in marks)
            assert [start for start, _ in marks] == sorted(start for start, _ in marks)
            assert finding[f"{side}_marked"] == marked(text, marks, opening, closing)


def test_the_changed_number_is_what_a_finding_marks(edited, schema):
    finding = next(f for f in diff_json()["classification"]["findings"] if f["rule"] == "quantities")
    assert finding["old_marked"] == "Our service is not meant for children under [-13-]."
    assert finding["new_marked"] == "Our service is not meant for children under {+16+}."


@pytest.mark.parametrize("key", ["old_marks", "new_marks", "old_marked", "new_marked"])
def test_a_finding_without_its_marks_is_rejected_by_the_schema(edited, schema, key):
    document = diff_json()
    del document["classification"]["findings"][0][key]
    with pytest.raises(jsonschema.ValidationError):
        validate(document, schema)


def test_a_finding_with_a_key_schema_1_does_not_have_is_rejected(edited, schema):
    document = diff_json()
    document["classification"]["findings"][0]["confidence"] = "high"
    with pytest.raises(jsonschema.ValidationError):
        validate(document, schema)
