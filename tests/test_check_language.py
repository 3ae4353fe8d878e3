"""`statement check --language` and `statement diff --language`: reports a legal team reads in its language.

The same real git repositories as the gate's tests; the words come from the site's catalogues, the
JSON output stays as it is in every language.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import GitRepo, statement_text, write_project
from tests.test_check import BODY, MATERIAL_BODY, PATH, propose


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def published(in_repo: GitRepo) -> GitRepo:
    """A project on main with one published version (effective 2024-01-01, committed 2023-12-01)."""
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    return in_repo


def test_check_in_german_writes_the_problem_the_verdict_and_the_findings_in_german(published):
    propose(published, effective="2024-08-01")
    result = run("check", "--as-of", "2024-06-01", "--language", "de")
    assert result.exit_code == 1, result.output
    assert "Stand 2024-06-01, Ankündigungsfrist 30 Tage" in result.output
    assert "privacy 2024-08-01 (neu gegenüber 2024-01-01): wesentlich, nicht als wesentlich erklärt" in result.output
    assert ("✗ undeclared-material: die Fassung gültig ab 2024-08-01 ändert die Erklärung wesentlich "
            "(1 Feststellung), sagt aber nicht 'material: true'") in result.output
    assert "  Feststellungen:\n    - wesentlich: " in result.output
    assert "      vorher: We [-do not-] sell" in result.output  # the statement's own words stay as written
    assert result.output.rstrip().endswith("nicht bestanden: 1 Problem")


def test_check_in_french_gives_the_notice_rule_its_french_timing(published):
    propose(published, effective="2024-06-10", material=True, summary="We may sell.")
    result = run("check", "--as-of", "2024-06-01", "--language", "fr")
    assert result.exit_code == 1, result.output
    assert ("la version substantielle entre en vigueur le 2024-06-10, seulement 9 jours après sa publication le "
            "2024-06-01 ; les lecteurs bénéficient d’au moins 30 jours de préavis, indiquez donc 'effective: 2024-07-01' "
            "ou une date ultérieure") in result.output


def test_check_without_language_writes_the_sites_default_language(tmp_path, monkeypatch):
    path = tmp_path / "repo"
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, "languages: [nl, en]")
    repo.commit("Site", date="2023-12-01")
    repo.commit("v1", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    monkeypatch.chdir(path)
    result = run("check", "--as-of", "2024-06-01")
    assert "Er is geen versie van een verklaring toegevoegd of gewijzigd." in result.output
    assert result.output.rstrip().endswith("geslaagd")


def test_check_in_english_is_the_report_it_always_was(published):
    propose(published, effective="2024-08-01")
    plain = run("check", "--as-of", "2024-06-01")
    english = run("check", "--as-of", "2024-06-01", "--language", "en")
    assert english.output == plain.output
    assert "the version effective 2024-08-01 changes the statement materially (1 finding) but does not say 'material: true'" in plain.output
    assert plain.output.rstrip().endswith("failed: 1 problem")


def test_the_json_output_is_the_same_in_every_language(published):
    propose(published, effective="2024-08-01")
    english = json.loads(run("check", "--as-of", "2024-06-01", "--format", "json").output)
    german = json.loads(run("check", "--as-of", "2024-06-01", "--format", "json", "--language", "de").output)
    assert german == english
    assert english["problems"][0]["message"].startswith("the version effective 2024-08-01 changes the statement materially")


def test_an_unknown_language_is_a_usage_error(published):
    result = run("check", "--language", "xx-nowhere")
    assert result.exit_code == 2
    assert "'xx-nowhere' is not a language code; use one of en, de, fr, es, nl" in result.output


def test_diff_in_spanish_writes_the_verdict_and_findings_in_spanish(published):
    propose(published, effective="2024-08-01")
    result = run("diff", "--language", "es", "--no-color")
    assert result.exit_code == 0, result.output
    assert "Valoración: sustancial" in result.output
    assert "    antes: We [-do not-] sell" in result.output
    assert "    ahora: We {+may+} sell" in result.output


def test_diff_in_english_keeps_its_words(published):
    propose(published, effective="2024-08-01")
    result = run("diff", "--no-color")
    assert "Verdict: material" in result.output and "    was: We [-do not-] sell" in result.output


def test_the_pull_request_report_in_german(published, tmp_path):
    propose(published, effective="2024-08-01")
    report = tmp_path / "check.md"
    run("check", "--as-of", "2024-06-01", "--language", "de", "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert "## ❌ Prüfung der Erklärungen nicht bestanden (1 Problem)" in text
    assert "| Erklärung | Fassung | Änderung | Bewertung | Erklärt | Ergebnis |" in text
    assert "| privacy | 2024-08-01 | neu | **wesentlich** | — | ❌ undeclared-material |" in text
    assert "### privacy: Fassung gültig ab 2024-08-01 (neu)" in text
    assert "**Feststellungen**" in text and "  - vorher: We <del>do not</del> sell" in text
    assert "<details><summary>Änderungsansicht</summary>" in text


def test_github_annotations_in_german(published):
    propose(published, effective="2024-08-01")
    result = run("check", "--as-of", "2024-06-01", "--language", "de", "--format", "github")
    error = next(line for line in result.output.splitlines() if line.startswith("::error"))
    assert "::die Fassung gültig ab 2024-08-01 ändert die Erklärung wesentlich" in error
    assert "%0A- Die Klausel sagt nicht mehr" in error


def test_diff_in_german_labels_the_redline_in_german(published):
    propose(published, effective="2024-08-01")
    result = run("diff", "--language", "de", "--no-color")
    assert "1 geändert; +1 / -2 Wörter" in result.output
    assert "  geändert: We [-do not-] {+may+} sell your personal information." in result.output


def test_diff_as_markdown_in_dutch_labels_the_redline_in_dutch(published):
    propose(published, effective="2024-08-01")
    result = run("diff", "--language", "nl", "--format", "markdown")
    assert "**1 gewijzigd; +1 / -2 woorden** · secties: Sharing" in result.output
    assert "- *gewijzigd*: We <del>do not</del> <ins>may</ins> sell" in result.output
