"""The detector's verdicts and findings on the built site: changes page, history page, versions.json,
and ``statement diff --format json``."""

from __future__ import annotations

import json

import pytest

from tests.conftest import built_page as page, run, statement_text

PATH = "statements/privacy.md"

BODY = """\
## Overview

We built Orchard Plate to help you plan meals.

## Sharing

We do not sell your personal information.
"""




@pytest.fixture
def built(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body=BODY.replace("help you plan", "help you to plan"))}, date="2024-05-01")
    in_repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We may sell information.", body=BODY.replace("do not sell", "may sell"))},
        date="2024-11-01",
    )
    result = run("build", "--as-of", "2025-02-01")
    assert result.exit_code == 0, result.output
    return in_repo.path / "site"


def test_the_changes_page_shows_the_verdict_and_each_finding(built):
    html = page(built, "privacy/2025-01-01/changes")
    assert 'class="statement-verdict statement-verdict--material"' in html
    assert "Assessment: <strong>material</strong> (declared material)" in html
    assert 'data-rule="negation"' in html
    assert "A negation was removed in “Sharing”" in html


def test_the_history_page_marks_an_undeclared_version_as_assessed(built):
    html = page(built, "privacy/history")
    assert "Substantive (assessed)" in html


def test_versions_json_carries_each_verdict(built):
    data = json.loads((built / "privacy/versions.json").read_text(encoding="utf-8"))
    assert [(v["effective"], v["verdict"]) for v in data["versions"]] == [
        ("2024-01-01", None), ("2024-06-01", "substantive"), ("2025-01-01", "material"),
    ]


def test_statement_diff_json_includes_the_classification(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-06-01", body=BODY.replace("do not sell", "may sell")))
    result = run("diff", "--format", "json")
    assert result.exit_code == 0, result.output
    classification = json.loads(result.output)["classification"]
    assert classification["verdict"] == "material"
    assert classification["findings"][0]["rule"] == "negation"
