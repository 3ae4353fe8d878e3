"""The detector's verdicts and findings where people read them: the changes and history pages (what
a version declares leads; the generator's verdict only with ``public_assessment: true``),
versions.json, ``statement diff`` as JSON and as text."""

from __future__ import annotations

import json

import pytest

from tests.conftest import built_page as page, run, statement_text, write_project

PATH = "statements/privacy.md"

BODY = """\
## Overview

We built Orchard Plate to help you plan meals.

## Sharing

We do not sell your personal information.
"""


def history(repo) -> None:
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01", body=BODY.replace("help you plan", "help you to plan"))}, date="2024-05-01")
    repo.commit(
        files={PATH: statement_text(effective="2024-09-01", review="the new wording only describes the app", body=BODY.replace("help you to plan meals", "help you plan meals and shop").replace("help you plan meals.", "help you plan meals and shop."))},
        date="2024-08-01",
    )
    repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We may sell information.", body=BODY.replace("help you plan meals.", "help you plan meals and shop.").replace("do not sell", "may sell"))},
        date="2024-11-01",
    )


@pytest.fixture
def built(in_repo):
    history(in_repo)
    result = run("build", "--as-of", "2025-02-01")
    assert result.exit_code == 0, result.output
    return in_repo.path / "site"


@pytest.fixture
def built_public(in_repo):
    write_project(in_repo.path, "public_assessment: true")
    in_repo.commit("Publish the generator's assessment", date="2023-12-01")
    history(in_repo)
    result = run("build", "--as-of", "2025-02-01")
    assert result.exit_code == 0, result.output
    return in_repo.path / "site"


def test_the_changes_page_shows_the_declaration_not_the_generators_verdict(built):
    html = page(built, "privacy/2025-01-01/changes")
    assert "Declared a <strong>material</strong> change." in html
    assert "generator's assessment" not in html
    assert "statement-finding--material" not in html


def test_the_changes_page_shows_a_persons_review_reason(built):
    html = page(built, "privacy/2024-09-01/changes")
    assert "Reviewed: not a material change — the new wording only describes the app" in html


def test_each_finding_shows_the_clause_before_and_after_with_the_changed_words_marked(built):
    html = page(built, "privacy/2025-01-01/changes")
    assert 'data-rule="commitments"' in html
    assert "The clause no longer says “not”." in html
    assert '<dd class="statement-finding__old">We <del>do not</del> sell your personal information.</dd>' in html
    assert '<dd class="statement-finding__new">We <ins>may</ins> sell your personal information.</dd>' in html


def test_the_history_page_shows_declarations_and_no_assessment_by_default(built):
    html = page(built, "privacy/history")
    assert "(assessed)" not in html
    assert "Reviewed: not a material change — the new wording only describes the app" in html
    assert 'statement-chip--material">Material</span>' in html


def test_versions_json_carries_no_generator_verdict_by_default(built):
    data = json.loads((built / "privacy/versions.json").read_text(encoding="utf-8"))
    assert {v["verdict"] for v in data["versions"]} == {None}


def test_with_public_assessment_the_pages_show_the_generators_verdict(built_public):
    changes = page(built_public, "privacy/2025-01-01/changes")
    assert "The generator's assessment: <strong>material</strong>." in changes
    assert "statement-finding--material" in changes
    assert "Substantive (assessed)" in page(built_public, "privacy/history")


def test_with_public_assessment_versions_json_carries_each_verdict(built_public):
    data = json.loads((built_public / "privacy/versions.json").read_text(encoding="utf-8"))
    assert [(v["effective"], v["verdict"]) for v in data["versions"]] == [
        ("2024-01-01", None), ("2024-06-01", "substantive"), ("2024-09-01", "substantive"), ("2025-01-01", "material"),
    ]


def test_statement_diff_json_includes_the_classification_with_marked_clauses(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-06-01", body=BODY.replace("do not sell", "may sell")))
    result = run("diff", "--format", "json")
    assert result.exit_code == 0, result.output
    finding = json.loads(result.output)["classification"]["findings"][0]
    assert finding["rule"] == "commitments" and finding["section"] == ["Sharing"]
    assert finding["old_marked"] == "We [-do not-] sell your personal information."
    assert finding["new_marked"] == "We {+may+} sell your personal information."


def test_statement_diff_text_ends_with_the_verdict_and_each_finding(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-06-01", body=BODY.replace("do not sell", "may sell")))
    result = run("diff", "--no-color")
    assert result.exit_code == 0, result.output
    assert "Verdict: material" in result.output
    assert "    was: We [-do not-] sell your personal information." in result.output
    assert "    now: We {+may+} sell your personal information." in result.output
