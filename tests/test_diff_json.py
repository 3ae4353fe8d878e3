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
