"""`statement check`: the gate, on real git repositories, one policy rule per test."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import GitRepo, statement_text, write_project

PATH = "statements/privacy.md"

BODY = """\
## Overview

We built Orchard Plate to help you plan meals.

## Sharing

We do not sell your personal information. We recieve crash reports from the app.

## Retention

We keep server logs for 30 days.
"""

MATERIAL_BODY = BODY.replace("We do not sell", "We may sell")
EDITORIAL_BODY = BODY.replace("recieve", "receive")


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=True, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def published(in_repo: GitRepo) -> GitRepo:
    """A project on main with one published version (effective 2024-01-01, committed 2023-12-01)."""
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    return in_repo


def propose(repo: GitRepo, **meta: object) -> None:
    """Edit the statement in the working tree, as legal does in a pull request."""
    body = meta.pop("body", MATERIAL_BODY)
    repo.write(PATH, statement_text(body=body, **meta))


# --- passing -----------------------------------------------------------------------------------


def test_nothing_changed_passes(published):
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "No statement version was added or changed." in result.output


def test_a_declared_material_change_with_enough_notice_passes(published):
    propose(published, effective="2024-08-01", material=True, summary="We may now sell information.")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "privacy 2024-08-01 (new against 2024-01-01): material, declared material" in result.output


def test_a_non_material_new_version_passes_without_declaration(published):
    propose(published, effective="2024-08-01", body=EDITORIAL_BODY)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "editorial, not declared material" in result.output


def test_a_statement_new_in_the_change_is_its_own_first_version(in_repo):
    in_repo.write(PATH, statement_text(effective="2024-08-01", body=BODY))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "first version" in result.output


# --- undeclared material ---------------------------------------------------------------------


def test_an_undeclared_material_change_fails_and_lists_the_findings(published):
    propose(published, effective="2024-08-01")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "✗ undeclared-material" in result.output
    assert "commitments [Sharing]: The clause no longer says “not”." in result.output
    assert "was: We [-do not-] sell" in result.output and "now: We {+may+} sell" in result.output
    assert result.output.rstrip().endswith("failed: 1 problem")


def test_a_review_reason_lets_an_undeclared_material_change_pass(published):
    propose(published, effective="2024-08-01", review="A. Counsel - selling here only restates the marketplace terms")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "reviewed: A. Counsel - selling here only restates the marketplace terms" in result.output


# --- notice and summary ------------------------------------------------------------------------


def test_a_material_version_with_too_little_notice_fails(published):
    propose(published, effective="2024-06-20", material=True, summary="We may now sell information.")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "✗ notice" in result.output
    assert "only 19 days after it is published on 2024-06-01" in result.output
    assert "set 'effective: 2024-07-01' or later" in result.output


def test_an_effective_date_before_publication_is_said_in_words_never_as_negative_days(published):
    propose(published, effective="2023-08-05", material=True, summary="We may now sell information.")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "takes effect on 2023-08-05, 301 days before it is published on 2024-06-01" in result.output
    assert "-301" not in result.output


@pytest.mark.parametrize("effective", ["2023-08-05", "2024-06-10", "2024-01-01"])
def test_the_suggested_effective_date_satisfies_every_rule(published, effective):
    published.commit("Second version", files={PATH: statement_text(effective="2024-09-01", published="2024-05-01", body=EDITORIAL_BODY)}, date="2024-05-01")
    propose(published, effective=effective, material=True, summary="We may now sell information.", body=MATERIAL_BODY)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    suggestions = set(re.findall(r"set 'effective: (\d{4}-\d\d-\d\d)' or later", result.output))
    assert suggestions == {"2024-09-02"}, result.output  # after 2024-09-01, and 30 days after today
    propose(published, effective="2024-09-02", material=True, summary="We may now sell information.", body=MATERIAL_BODY)
    assert run("--as-of", "2024-06-01").exit_code == 0


def test_notice_days_is_configured_under_the_plugin(published):
    write_project(published.path, "notice_days: 10")
    published.commit("Ten days' notice", date="2023-12-02")
    propose(published, effective="2024-06-20", material=True, summary="We may now sell information.")
    assert run("--as-of", "2024-06-01").exit_code == 0


def test_notice_counts_from_a_later_published_date(published):
    propose(published, effective="2024-08-01", published="2024-07-15", material=True, summary="We may now sell information.")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "published on 2024-07-15" in result.output


def test_a_material_version_without_a_summary_in_the_working_tree_is_bad_input(published):
    propose(published, effective="2024-08-01", material=True)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 2
    assert result.output.startswith("error: statements/privacy.md:")
    assert "material: true needs a summary" in result.output


def test_an_earlier_material_version_without_a_summary_fails(published):
    published.git("checkout", "-q", "-b", "proposal")
    published.commit("Material, no summary", files={PATH: statement_text(effective="2024-08-01", material=True, body=MATERIAL_BODY)}, date="2024-05-01")
    published.commit("Next version", files={PATH: statement_text(effective="2024-09-01", body=MATERIAL_BODY + "\nWe answer within 30 days.\n")}, date="2024-05-02")
    result = run("--as-of", "2024-06-01", "--base", "main")
    assert result.exit_code == 1
    assert "✗ summary: the version effective 2024-08-01 is declared material but has no summary" in result.output


# --- effective order ---------------------------------------------------------------------------


def test_a_new_effective_date_must_be_later_than_every_published_one(published):
    published.commit("Second version", files={PATH: statement_text(effective="2024-06-01", body=EDITORIAL_BODY)}, date="2024-05-01")
    propose(published, effective="2024-03-01", body=EDITORIAL_BODY + "\nWe answer within a week.\n")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "✗ effective-order: the new version's effective date 2024-03-01 is not later than 2024-06-01" in result.output


# --- corrections -------------------------------------------------------------------------------


def test_an_editorial_correction_to_a_published_version_passes(published):
    propose(published, effective="2024-01-01", body=EDITORIAL_BODY)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "privacy 2024-01-01 (correction against 2024-01-01): editorial" in result.output


def test_a_substantive_edit_to_a_published_version_fails_as_a_silent_change(published):
    propose(published, effective="2024-01-01", body=BODY.replace("help you plan meals", "make planning meals quick"))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "✗ silent-change" in result.output and "is substantive, not a correction" in result.output


def test_a_material_edit_to_a_published_version_fails_even_when_declared(published):
    propose(published, effective="2024-01-01", material=True, summary="We may now sell information.")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "silent change to a published version" in result.output


def test_an_edit_to_a_version_not_yet_published_is_checked_as_a_new_version(published):
    published.commit("Scheduled", files={PATH: statement_text(effective="2024-09-01", published="2024-07-01", body=EDITORIAL_BODY)}, date="2024-05-01")
    propose(published, effective="2024-09-01", published="2024-07-01")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "privacy 2024-09-01 (update against 2024-01-01)" in result.output
    assert "✗ undeclared-material" in result.output


def test_a_deleted_statement_fails(published):
    (published.path / PATH).unlink()
    published.write("statements/cookies.md", statement_text(title="Cookie Notice", body=BODY))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "✗ statement-removed" in result.output


# --- base and head -----------------------------------------------------------------------------


def test_the_default_base_is_the_merge_base_with_main(published):
    published.git("checkout", "-q", "-b", "proposal")
    published.commit("Undeclared", files={PATH: statement_text(effective="2024-08-01", body=MATERIAL_BODY)}, date="2024-05-01")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1
    assert "merge base of HEAD and main" in result.output
    assert "privacy 2024-08-01 (new against 2024-01-01)" in result.output


def test_head_checks_a_commit_instead_of_the_working_tree(published):
    published.git("checkout", "-q", "-b", "proposal")
    published.commit("Declared", files={PATH: statement_text(effective="2024-08-01", material=True, summary="We may sell.", body=MATERIAL_BODY)}, date="2024-05-01")
    propose(published, effective="2024-08-01")  # an undeclared working tree that --head ignores
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 0, result.output
    assert "→ proposal" in result.output


def test_without_a_default_branch_the_error_says_what_to_pass(tmp_path, monkeypatch):
    repo = GitRepo(tmp_path)
    repo.git("init", "-q", "-b", "trunk")
    write_project(tmp_path)
    repo.commit("Statement", files={PATH: statement_text(body=BODY)}, date="2023-12-01")
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot find the default branch to compare with")
    assert "pass --base REF" in result.output


def test_an_unknown_base_is_bad_input(published):
    result = run("--base", "no-such-branch")
    assert result.exit_code == 2
    assert result.output == "error: --base 'no-such-branch' is not a commit in this repository; name a branch, tag or commit, e.g. --base origin/main (in CI, fetch it first)\n"


def test_a_shallow_clone_is_bad_input_that_says_how_to_fetch(published, tmp_path, monkeypatch):
    published.commit("Second", files={PATH: statement_text(effective="2024-06-01", body=EDITORIAL_BODY)}, date="2024-05-01")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{published.path}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    result = run("--base", "HEAD")
    assert result.exit_code == 2
    assert "shallow clone" in result.output and "fetch-depth: 0" in result.output


# --- output formats ----------------------------------------------------------------------------


def test_github_format_prints_an_error_annotation_with_file_and_line(published):
    propose(published, effective="2024-08-01")
    result = run("--as-of", "2024-06-01", "--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    assert result.exit_code == 1
    line = next(l for l in result.output.splitlines() if l.startswith("::error "))
    assert line.startswith("::error file=statements/privacy.md,line=2,title=statement check%3A undeclared-material::")
    assert "%0A- The clause no longer says “not”." in line


def test_github_format_notes_a_version_that_passes(published):
    propose(published, effective="2024-08-01", material=True, summary="We may sell.")
    result = run("--as-of", "2024-06-01", "--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    assert result.exit_code == 0
    assert "::notice file=statements/privacy.md,title=statement check::privacy 2024-08-01 (new): material, declared material" in result.output


def test_github_format_appends_the_markdown_report_to_the_step_summary(published, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    propose(published, effective="2024-08-01")
    run("--as-of", "2024-06-01", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    report = summary.read_text(encoding="utf-8")
    assert report.startswith("earlier step\n<!-- statement-check -->\n## ❌ Statement check failed (1 problem)")
    assert "| privacy | 2024-08-01 | new | **material** | — | ❌ undeclared-material |" in report
    assert "- `material` commitments in *Sharing*: The clause no longer says “not”&#46;" in report
    assert "  - was: We <del>do not</del> sell your personal information&#46;" in report
    assert "  - now: We <ins>may</ins> sell your personal information&#46;" in report


def test_the_report_includes_the_redline(published, tmp_path):
    report = tmp_path / "report.md"
    propose(published, effective="2024-08-01")
    run("--as-of", "2024-06-01", "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert "<details><summary>Redline</summary>" in text
    assert "sell" in text.split("<details><summary>Redline</summary>", 1)[1]


def test_json_format_has_the_verdict_findings_and_problems(published):
    propose(published, effective="2024-08-01")
    result = run("--as-of", "2024-06-01", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["passed"] is False and data["as_of"] == "2024-06-01"
    (review,) = data["reviews"]
    assert review["effective"] == "2024-08-01" and review["classification"]["verdict"] == "material"
    assert [p["rule"] for p in data["problems"]] == ["undeclared-material"]
    assert data["problems"][0]["findings"][0]["rule"] == "commitments"
