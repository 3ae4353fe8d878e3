"""Lint in ``statement check``: the report lists checks that changed status; ``gate: true`` refuses regressions."""

from __future__ import annotations

import json

from tests.conftest import run, statement_text, write_project
from tests.test_lint import FULL_GDPR

WITHOUT_COMPLAINT = FULL_GDPR.replace("You can lodge a complaint with a supervisory authority.", "")


def start(repo, plugin_options: str = "lint:\n  regimes: [gdpr]") -> None:
    write_project(repo.path, plugin_options)
    repo.commit("Published statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=FULL_GDPR)}, date="2026-02-01")


def edit(repo, body: str) -> None:
    """A pull request's change: a new version, declared material, with enough notice."""
    body = body.replace("Effective date: March 1, 2026", "Effective date: September 1, 2026")
    repo.write("statements/privacy.md", statement_text(effective="2026-09-01", material=True, summary="Changes.", body=body))


def test_the_report_lists_checks_that_changed_status(in_repo):
    start(in_repo)
    edit(in_repo, WITHOUT_COMPLAINT)

    result = run("check", "--base", "HEAD", "--as-of", "2026-06-01", "--format", "json")

    report = json.loads(result.output)
    assert report["lint"] == [{"statement": "privacy", "id": "gdpr.complaint", "before": "pass", "after": "fail",
                               "reason": "Not found: the right to complain to a data protection supervisory authority"}]
    assert report["passed"] is True and result.exit_code == 0


def test_the_markdown_report_has_a_table_of_changed_checks(in_repo, tmp_path):
    start(in_repo)
    edit(in_repo, WITHOUT_COMPLAINT)

    run("check", "--base", "HEAD", "--as-of", "2026-06-01", "--report", str(tmp_path / "report.md"))

    report = (tmp_path / "report.md").read_text()
    assert "### Lint: checks that changed status" in report
    assert "| privacy | `gdpr.complaint` Right to lodge a complaint with a supervisory authority | ✅ pass | ❌ fail |" in report
    assert "(lint gate off: reported only)" in report


def test_with_the_gate_a_check_the_base_passed_may_not_fail(in_repo):
    start(in_repo, "lint:\n  regimes: [gdpr]\n  gate: true")
    edit(in_repo, WITHOUT_COMPLAINT)

    result = run("check", "--base", "HEAD", "--as-of", "2026-06-01")

    assert result.exit_code == 1
    assert "privacy: ✗ lint: the lint check gdpr.complaint (Right to lodge a complaint with a supervisory authority" in result.output
    assert "lint gdpr.complaint: pass → fail" in result.output


def test_with_the_gate_a_check_that_now_passes_is_reported_not_refused(in_repo):
    write_project(in_repo.path, "lint:\n  regimes: [gdpr]\n  gate: true")
    in_repo.commit("Published statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=WITHOUT_COMPLAINT)},
                   date="2026-02-01")
    edit(in_repo, FULL_GDPR)

    result = run("check", "--base", "HEAD", "--as-of", "2026-06-01", "--format", "json")

    report = json.loads(result.output)
    assert [(c["id"], c["before"], c["after"]) for c in report["lint"]] == [("gdpr.complaint", "fail", "pass")]
    assert result.exit_code == 0


def test_the_gate_ignores_checks_that_failed_on_the_base_already(in_repo):
    write_project(in_repo.path, "lint:\n  regimes: [gdpr]\n  gate: true")
    in_repo.commit("Published statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=WITHOUT_COMPLAINT)},
                   date="2026-02-01")
    edit(in_repo, WITHOUT_COMPLAINT + "\nWe added a sentence.\n")

    result = run("check", "--base", "HEAD", "--as-of", "2026-06-01", "--format", "json")

    assert json.loads(result.output)["lint"] == []
    assert result.exit_code == 0


def test_a_pull_request_cannot_switch_the_gate_off_for_itself(in_repo):
    start(in_repo, "lint:\n  regimes: [gdpr]\n  gate: true")
    write_project(in_repo.path, "lint:\n  regimes: [gdpr]\n  gate: false")
    edit(in_repo, WITHOUT_COMPLAINT)

    result = run("check", "--base", "HEAD", "--as-of", "2026-06-01", "--format", "json")

    report = json.loads(result.output)
    assert {p["rule"] for p in report["problems"]} >= {"lint", "policy-change"}
    assert result.exit_code == 1
