"""Translations as a model: ``privacy.de.md`` is the German text of ``privacy.md``, version by version.

Real git repositories: a translation's own history decides whether it is translated, missing or stale.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from generator.errors import InputError
from generator.history import HistoryOptions, read_statements
from generator.translations import SiteLanguages, read_translations, translation_files
from tests.conftest import GitRepo, run, statement_text, write_project

DE = SiteLanguages("en", ("de",))

GERMAN = "## Überblick\n\nWir erheben wenig.\n\n## Kontakt\n\nSchreiben Sie an privacy@example.test.\n"


def read(repo: GitRepo, languages: SiteLanguages = DE, options: HistoryOptions = HistoryOptions()):
    folder = repo.path / "statements"
    warnings: list[str] = []
    statements = read_statements(folder, options=options)
    translations = read_translations(folder, statements, languages, options=options, warn=warnings.append)
    return statements, translations, warnings


def german(repo: GitRepo, **kwargs):
    return read(repo, **kwargs)[1][0].get("de")


def test_a_translation_file_is_not_a_statement_of_its_own(repo):
    repo.commit("v1", date="2024-01-01", files={
        "statements/privacy.md": statement_text(effective="2024-02-01"),
        "statements/privacy.de.md": statement_text(title="Datenschutzerklärung", effective="2024-02-01", body=GERMAN),
    })
    statements, translations, _ = read(repo)
    assert [s.id for s in statements] == ["privacy"]
    assert translation_files(repo.path / "statements") == {("privacy", "de"): repo.path / "statements" / "privacy.de.md"}
    assert translations[0].statement is statements[0]


def test_a_translation_pairs_with_the_version_of_the_same_effective_date(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    repo.commit("v2", date="2024-06-01", files={"statements/privacy.md": statement_text(effective="2024-07-01", body="## Overview\n\nWe collect more.\n")})
    repo.commit("de v1", date="2024-01-10", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN)})
    translation = german(repo)
    first, second = translation.versions
    assert (first.key, first.status, first.text.title) == ("2024-02-01", "translated", "Datenschutz")
    assert "Wir erheben wenig." in first.text.body
    assert (second.key, second.status, second.text) == ("2024-07-01", "missing", None)
    assert translation.missing == (second,)


def test_a_translation_made_before_a_correction_of_the_original_is_stale(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    repo.commit("de", date="2024-01-05", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN)})
    repo.commit("fix", date="2024-03-01", files={"statements/privacy.md": statement_text(effective="2024-02-01", body="## Overview\n\nWe collect little data.\n")})
    statements, translations, _ = read(repo)
    assert statements[0].versions[0].corrections  # the fix came after publication
    assert translations[0].get("de").status("2024-02-01") == "stale"


def test_a_translation_updated_after_the_correction_is_translated_again(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    repo.commit("de", date="2024-01-05", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN)})
    repo.commit("fix", date="2024-03-01", files={"statements/privacy.md": statement_text(effective="2024-02-01", body="## Overview\n\nWe collect little data.\n")})
    repo.commit("de fix", date="2024-03-04", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN + "\nKorrigiert.\n")})
    assert german(repo).status("2024-02-01") == "translated"


def test_material_and_review_belong_to_the_original_and_a_translation_may_give_its_own_summary(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    repo.commit("v2", date="2024-05-01", files={"statements/privacy.md": statement_text(effective="2024-07-01", material=True, summary="We now share data.")})
    repo.commit("v3", date="2024-08-01", files={"statements/privacy.md": statement_text(effective="2024-09-01", material=True, summary="Longer retention.")})
    repo.commit("de", date="2024-05-02", files={"statements/privacy.de.md": statement_text(
        title="Datenschutz", effective="2024-07-01", material=False, review="nur Übersetzung", summary="Wir geben jetzt Daten weiter.",
    )})
    repo.commit("de", date="2024-08-02", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-09-01")})
    second, third = german(repo).versions[1:]
    shown = second.localized()
    assert (shown.material, shown.review, shown.summary) == (True, None, "Wir geben jetzt Daten weiter.")
    assert shown.title == "Datenschutz" and shown.effective == dt.date(2024, 7, 1)
    assert third.summary == "Longer retention."  # no summary of its own: the original's


def test_a_translated_version_has_its_own_publication_and_corrections(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    repo.commit("de", date="2024-01-20", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN)})
    repo.commit("de typo", date="2024-04-01", files={"statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN.replace("wenig", "sehr wenig"))})
    shown = german(repo).versions[0].localized()
    assert shown.published == dt.date(2024, 1, 20)
    assert len(shown.corrections) == 1 and shown.last_updated == dt.date(2024, 4, 1)
    assert german(repo).status("2024-02-01") == "translated"  # the original was never corrected


def test_a_translation_of_a_date_the_original_does_not_have_is_left_out_with_a_warning(repo, monkeypatch):
    monkeypatch.chdir(repo.path)
    repo.commit("v1", date="2024-01-01", files={
        "statements/privacy.md": statement_text(effective="2024-02-01"),
        "statements/privacy.de.md": statement_text(title="Datenschutz", effective="2024-02-03"),
    })
    statements, translations, warnings = read(repo)
    translation = translations[0].get("de")
    assert translation.status("2024-02-01") == "missing"
    assert [v.key for v in translation.orphans] == ["2024-02-03"]
    assert warnings == [
        "statements/privacy.de.md: its version effective 2024-02-03 translates no version of "
        f"{statements[0].path}; it is not published (give it the effective date of the version it translates)"
    ]


def test_a_configured_language_without_a_file_is_missing_everywhere(repo):
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-02-01")})
    translation = read(repo, languages=SiteLanguages("en", ("de", "fr")))[1][0].get("fr")
    assert [v.status for v in translation.versions] == ["missing"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("privacy.it.md", "a translation into 'it', which is not one of the site's languages [en, de]; add 'it' to 'languages'"),
        ("privacy.en.md", "'en' is the site's default language, whose text is privacy.md"),
        ("cookies.de.md", "a translation of 'cookies', but there is no cookies.md"),
    ],
)
def test_a_translation_file_the_site_cannot_place_is_an_error_naming_it(repo, monkeypatch, name, problem):
    monkeypatch.chdir(repo.path)
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(), f"statements/{name}": statement_text()})
    with pytest.raises(InputError) as raised:
        read(repo)
    assert f"statements/{name}:1: {problem}" in str(raised.value)


def test_earlier_paths_of_a_translation_are_keyed_by_its_file_name(repo):
    repo.commit("v1", date="2024-01-01", files={
        "statements/privacy.md": statement_text(effective="2024-02-01"),
        "old/datenschutz.md": statement_text(title="Datenschutz", effective="2024-02-01", body=GERMAN),
    })
    repo.git("rm", "-q", "old/datenschutz.md")
    repo.commit("moved and rewritten", date="2024-03-01", files={
        "statements/privacy.de.md": statement_text(title="Datenschutz neu", effective="2024-02-01", body="## Ganz neu\n\nAnders.\n"),
    })
    options = HistoryOptions(earlier_paths={"privacy.de": (str(repo.path / "old/datenschutz.md"),)})
    version = german(repo, options=options).versions[0]
    assert [r.path for r in version.text.revisions] == ["old/datenschutz.md", "statements/privacy.de.md"]


# --- the option --------------------------------------------------------------------------------


def test_an_unknown_language_code_is_a_one_line_error_with_its_line(in_repo):
    write_project(in_repo.path, "languages: [en, xx]")
    in_repo.commit("v1", files={"statements/privacy.md": statement_text()})
    result = run("log")
    assert result.exit_code == 2
    line = next(n for n, text in enumerate((in_repo.path / "mkdocs.yml").read_text().splitlines(), 1) if "languages" in text)
    assert result.output.strip() == (
        f"error: mkdocs.yml:{line}: languages: 'xx' is not a language code Material for MkDocs has; "
        "write codes such as en, de, fr, es, nl or pt-BR"
    )


def test_the_default_language_must_be_the_themes(in_repo):
    config = write_project(in_repo.path, "languages: [de, en]")
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n  language: en\n"))
    in_repo.commit("v1", files={"statements/privacy.md": statement_text()})
    for command in (["log"], ["build", "--quiet"]):
        result = run(*command)
        assert result.exit_code == 2, command
        line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if "languages" in text)
        assert result.output.strip() == (
            f"error: mkdocs.yml:{line}: languages: the default language 'de' (the first) is not theme.language 'en'; "
            "list 'en' first, or set 'language: de' under theme"
        ), command
    assert not (in_repo.path / "site").exists()
