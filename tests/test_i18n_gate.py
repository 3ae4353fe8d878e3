"""`statement check` on a site of several languages: missing and stale translations, on real git repositories.

The base (main) has the statement in English and German, with ``languages: [en, de, fr]`` and
French optional; the change under review is the working tree or a branch.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import GitRepo, statement_text, write_project
from tests.test_check import BODY, MATERIAL_BODY

PATH = "statements/privacy.md"
GERMAN = "statements/privacy.de.md"
DE_BODY = "## Überblick\n\nWir verkaufen Ihre personenbezogenen Daten nicht.\n\n## Speicherung\n\nWir speichern Serverprotokolle 30 Tage lang.\n"
LANGUAGES = """\
languages: [en, de, fr]
translations: {de: required, fr: optional}
"""


def run(*args: str):
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def bilingual(in_repo: GitRepo) -> GitRepo:
    """main: the statement effective 2024-01-01 in English and German, committed 2023-12-01/02."""
    write_project(in_repo.path, LANGUAGES)
    in_repo.commit("Languages", date="2023-11-30")
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    in_repo.commit("Datenschutzerklärung", files={GERMAN: statement_text(title="Datenschutzerklärung", effective="2024-01-01", body=DE_BODY)}, date="2023-12-02")
    return in_repo


def propose_material(repo: GitRepo) -> None:
    repo.write(PATH, statement_text(effective="2024-08-01", material=True, summary="We may now sell information.", body=MATERIAL_BODY))


def test_a_material_version_without_its_required_translation_fails_naming_the_language(bilingual):
    propose_material(bilingual)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 1, result.output
    assert "✗ translation-missing: the material version effective 2024-08-01 is published on 2024-06-01 without its translation into 'de'" in result.output
    assert "add statements/privacy.de.md with 'effective: 2024-08-01' in this change" in result.output
    assert "translations: de missing, fr missing (optional)" in result.output
    assert "into 'fr'" not in result.output and "failed: 1 problem" in result.output  # the optional language is only reported


def test_the_same_change_with_the_german_translation_passes(bilingual):
    propose_material(bilingual)
    bilingual.write(GERMAN, statement_text(title="Datenschutzerklärung", effective="2024-08-01", material=True,
                                           summary="Wir dürfen Daten jetzt verkaufen.", body=DE_BODY.replace("verkaufen", "dürfen verkaufen")))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "translations: de translated, fr missing (optional)" in result.output


def test_a_translation_is_due_only_by_the_versions_publication_date(bilingual):
    bilingual.write(PATH, statement_text(effective="2024-09-01", published="2024-07-01", material=True,
                                         summary="We may now sell information.", body=MATERIAL_BODY))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "translations: de missing" in result.output


def test_a_version_that_is_not_material_may_wait_for_its_translation(bilingual):
    bilingual.write(PATH, statement_text(effective="2024-08-01", body=BODY.replace("recieve", "receive")))
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "translations: de missing, fr missing (optional)" in result.output


def test_an_optional_language_is_reported_and_never_fails(in_repo):
    write_project(in_repo.path, "languages: [en, de]\ntranslations: optional\n")
    in_repo.commit("Languages", date="2023-11-30")
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    propose_material(in_repo)
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "translations: de missing (optional)" in result.output


def test_a_correction_that_leaves_the_german_translation_behind_is_stale(bilingual):
    bilingual.git("checkout", "-q", "-b", "fix")
    bilingual.commit("Typo", files={PATH: statement_text(effective="2024-01-01", body=BODY.replace("recieve", "receive"))}, date="2024-02-01")
    result = run("--base", "main", "--head", "fix", "--as-of", "2024-02-02")
    assert result.exit_code == 1, result.output
    assert ("✗ translation-stale: the translation into 'de' of the version effective 2024-01-01 was made before the original "
            "was corrected on 2024-02-01") in result.output
    assert "correct statements/privacy.de.md in the same change" in result.output


def test_a_correction_with_the_translation_corrected_after_it_passes(bilingual):
    bilingual.git("checkout", "-q", "-b", "fix")
    bilingual.commit("Typo", files={PATH: statement_text(effective="2024-01-01", body=BODY.replace("recieve", "receive"))}, date="2024-02-01")
    bilingual.commit("Tippfehler", files={GERMAN: statement_text(title="Datenschutzerklärung", effective="2024-01-01", body=DE_BODY + "\n")}, date="2024-02-02")
    result = run("--base", "main", "--head", "fix", "--as-of", "2024-02-03")
    assert result.exit_code == 0, result.output
    assert "translations: de translated" in result.output


def test_both_problems_are_in_the_json_and_the_pull_request_report(bilingual, tmp_path):
    propose_material(bilingual)
    report = tmp_path / "report.md"
    result = run("--as-of", "2024-06-01", "--format", "json", "--report", str(report))
    assert result.exit_code == 1
    data = json.loads(result.output)
    (review,) = data["reviews"]
    assert review["translations"] == {"de": {"status": "missing", "requirement": "required"},
                                      "fr": {"status": "missing", "requirement": "optional"}}
    assert [p["rule"] for p in data["problems"]] == ["translation-missing"]
    markdown = report.read_text(encoding="utf-8")
    assert "**Translations:** ❌ `de` missing, ❌ `fr` missing (optional)" in markdown
    assert "- ❌ **translation-missing** (`statements/privacy.md:" in markdown


def test_a_one_language_sites_json_has_no_translations(in_repo):
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    propose_material(in_repo)
    data = json.loads(run("--as-of", "2024-06-01", "--format", "json").output)
    assert "translations" not in data["reviews"][0]


def test_a_translation_is_never_taken_for_the_statement_it_translates(in_repo):
    write_project(in_repo.path, "languages: [en, nl]\n")  # privacy.nl.md sorts after privacy.md
    in_repo.commit("Languages", date="2023-11-30")
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY),
                                               "statements/privacy.nl.md": statement_text(title="Privacyverklaring", effective="2024-01-01")},
                   date="2023-12-01")
    propose_material(in_repo)
    in_repo.write("statements/privacy.nl.md", statement_text(title="Privacyverklaring", effective="2024-08-01"))
    data = json.loads(run("--as-of", "2024-06-01", "--format", "json").output)
    (review,) = data["reviews"]
    assert (review["path"], review["compared_with"], review["verdict"] if "verdict" in review else review["classification"]["verdict"]) == \
        ("statements/privacy.md", "2024-01-01", "material")
    assert review["translations"] == {"nl": {"status": "translated", "requirement": "required"}}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("translations: {it: required}", "translations: 'it' is not one of the site's languages [en, de]; add it to 'languages' or remove it here"),
        ("translations: {de: must}", "translations: de: 'must' is not 'required' or 'optional'; write 'de: required' or 'de: optional'"),
        ("translations: {en: required}", "translations: 'en' is the default language, which is the original, not a translation"),
        ("translations: sometimes", "translations: 'sometimes' is not 'required' or 'optional'"),
    ],
)
def test_a_bad_translations_option_is_one_line_naming_it(in_repo, option, message):
    write_project(in_repo.path, f"languages: [en, de]\n{option}\n")
    in_repo.commit("Languages", date="2023-11-30")
    result = run("--as-of", "2024-06-01")
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.startswith("error: mkdocs.yml:") and result.output.count("\n") == 1
