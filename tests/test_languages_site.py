"""A site in several languages: every page of the default language again under /de/ and /fr/.

One statement with three versions in English; a German translation with real history (the first
version translated, the second translated and then made stale by a correction of the original, the
third not translated); French configured but with no file at all. Built once, with the real plugin.
"""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GitRepo, statement_text, write_project

PATH = "statements/privacy.md"
DE = "statements/privacy.de.md"

EN1 = "## Overview\n\nWe collect little.\n\n## Contact\n\nWrite to privacy@example.test.\n"
EN2 = "## Overview\n\nWe collect a little more.\n\n## Contact\n\nWrite to privacy@example.test.\n"
EN2_FIXED = "## Overview\n\nWe collect a little more data.\n\n## Contact\n\nWrite to privacy@example.test.\n"
EN3 = "## Overview\n\nWe collect a little more data, and your location.\n\n## Contact\n\nWrite to privacy@example.test.\n"
DE1 = "## Überblick\n\nWir erheben wenig. Mehr [über uns](about.md).\n\n## Kontakt\n\nSchreiben Sie an privacy@example.test.\n"
DE2 = "## Überblick\n\nWir erheben etwas mehr.\n\n## Kontakt\n\nSchreiben Sie an privacy@example.test.\n"

KINDS = ["", "2024-02-01/", "2024-06-01/", "2025-01-01/", "2024-06-01/changes/", "history/", "compare/"]


def build(folder: Path, site: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from generator.cli import main; main()", "build", "--as-of", "2024-12-01", "--quiet",
               "--site-dir", str(site), *(["--strict"] if strict else [])]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True)


def make_repo(path: Path, languages: str | None) -> GitRepo:
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, f"languages: {languages}" if languages else "")
    repo.write("pages/about.md", "# About\n\nWho we are.\n")
    repo.commit("Site", date="2023-12-01")
    repo.commit("v1", date="2024-01-01", files={PATH: statement_text(effective="2024-02-01", body=EN1)})
    if languages:
        repo.commit("de v1", date="2024-01-10", files={DE: statement_text(title="Datenschutzerklärung", effective="2024-02-01", body=DE1)})
    repo.commit("v2", date="2024-05-01", files={PATH: statement_text(effective="2024-06-01", material=True, summary="We collect more.", body=EN2)})
    if languages:
        repo.commit("de v2", date="2024-05-05", files={DE: statement_text(
            title="Datenschutzerklärung", effective="2024-06-01", summary="Wir erheben mehr.", body=DE2)})
    repo.commit("v2 corrected", date="2024-07-01", files={PATH: statement_text(
        effective="2024-06-01", material=True, summary="We collect more.", body=EN2_FIXED)})
    repo.commit("v3", date="2024-11-01", files={PATH: statement_text(effective="2025-01-01", body=EN3)})
    return repo


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("languages")
    make_repo(folder / "repo", "[en, de, fr]")
    result = build(folder / "repo", folder / "site")
    assert result.returncode == 0, result.stderr
    return folder / "site"


def html(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def text(page: str) -> str:
    article = page[page.index("<article"): page.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def alternates(page: str) -> dict[str, str]:
    """hreflang -> href of the page's <link rel="alternate" hreflang> tags."""
    return {lang: href for href, lang in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">', page)}


def switcher(page: str) -> list[tuple[str, str, str]]:
    """(language, link, note) of each entry of the header's language switcher."""
    return [
        (lang, href, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", rest)).strip())
        for href, lang, rest in re.findall(
            r'<a href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" class="md-select__link statement-switcher__link"[^>]*>(.*?)</a>', page, re.S,
        )
    ]


@pytest.mark.parametrize("language", ["de", "fr"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_page_kind_exists_under_each_other_languages_prefix(site, language, kind):
    assert (site / language / "privacy" / kind / "index.html").is_file()


@pytest.mark.parametrize("name", ["feed.xml", "versions.json", "sitemap.xml", "compare/2024-02-01.json", "2024-02-01/privacy-2024-02-01.md"])
def test_feeds_versions_json_and_data_files_exist_in_the_translation(site, name):
    assert (site / "de" / "privacy" / name).is_file()


def test_each_language_has_its_home_page_and_site_feed(site):
    assert (site / "de" / "index.html").is_file() and (site / "de" / "feed.xml").is_file()


def test_the_default_language_keeps_every_address_it_had(site, tmp_path):
    make_repo(tmp_path / "repo", None)
    result = build(tmp_path / "repo", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    before = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    after = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert before <= after
    added = {path for path in after - before if not path.startswith(("de/", "fr/"))}
    # only the sitemaps Material's script looks for beside each page's alternates
    assert added and all(path.endswith("/sitemap.xml") for path in added)
    for address in ["privacy", "privacy/2024-06-01", "privacy/2024-06-01/changes", "privacy/history"]:
        assert text(html(site, address)) == text(html(tmp_path / "site", address))


@pytest.mark.parametrize(("address", "lang"), [("privacy", "en"), ("de/privacy", "de"), ("de/privacy/2025-01-01", "de"), ("fr/privacy/history", "fr"), ("de", "de")])
def test_each_page_says_its_language_on_html(site, address, lang):
    assert re.search(r'<html lang="([^"]+)"', html(site, address))[1] == lang


def test_materials_own_words_follow_the_pages_language(site):
    assert 'aria-label="Sprache wechseln"' in html(site, "de/privacy")  # Material's German for "Select language"
    assert 'aria-label="Select language"' in html(site, "privacy")


def test_the_switcher_links_the_same_version_in_every_language(site):
    assert switcher(html(site, "privacy/2024-02-01")) == [
        ("en", "./", "English"),
        ("de", "../../de/privacy/2024-02-01/", "Deutsch"),
        ("fr", "../../fr/privacy/2024-02-01/", "Français (not yet translated)"),
    ]
    assert switcher(html(site, "de/privacy/2024-06-01/changes")) == [
        ("en", "../../../../privacy/2024-06-01/changes/", "English"),
        ("de", "./", "Deutsch"),
        ("fr", "../../../../fr/privacy/2024-06-01/changes/", "Français (noch nicht übersetzt)"),
    ]


def test_the_switcher_marks_a_stale_translation(site):
    assert switcher(html(site, "privacy/2024-06-01")) == [
        ("en", "./", "English"),
        ("de", "../../de/privacy/2024-06-01/", "Deutsch (translation out of date)"),
        ("fr", "../../fr/privacy/2024-06-01/", "Français (not yet translated)"),
    ]
    assert ("de", "../../de/privacy/2024-02-01/", "Deutsch") in switcher(html(site, "privacy/2024-02-01"))
    assert ("de", "./", "Deutsch (Übersetzung veraltet)") in switcher(html(site, "de/privacy/2024-06-01"))


def test_the_current_language_is_marked_in_the_switcher(site):
    page = html(site, "de/privacy/history")
    assert re.search(r'hreflang="de"[^>]*aria-current="page"', page)
    assert len(re.findall(r'aria-current="page"', page[page.index("statement-switcher"):page.index("</ul>", page.index("statement-switcher"))])) == 1


def test_hreflang_names_the_translations_and_x_default(site):
    assert alternates(html(site, "privacy/2024-02-01")) == {
        "en": "./", "de": "../../de/privacy/2024-02-01/", "x-default": "./",
    }
    # a history page is the generator's own words: French has one even before any French text
    assert alternates(html(site, "de/privacy/history")) == {
        "en": "../../../privacy/history/", "de": "./", "fr": "../../../fr/privacy/history/",
        "x-default": "../../../privacy/history/",
    }


def test_a_missing_translation_is_no_hreflang_alternate(site):
    assert alternates(html(site, "privacy/2025-01-01")) == {"en": "./", "x-default": "./"}
    assert "fr" not in alternates(html(site, "privacy/2024-02-01"))


def test_a_missing_translation_links_to_the_original_with_a_note_in_the_readers_language(site):
    page = html(site, "de/privacy/2025-01-01")
    assert "Die ab 1. Januar 2025 geltende Fassung ist noch nicht auf Deutsch verfügbar." in text(page)
    assert '<a class="statement-link statement-link--primary" href="../../../privacy/2025-01-01/" hreflang="en">Auf Englisch lesen</a>' in page
    assert "We collect" not in text(page)  # the original's text is one click away, not shown as German
    french = html(site, "fr/privacy/2024-02-01")
    assert "n’est pas encore traduite en français" in text(french) and "La lire en anglais" in text(french)


def test_the_statement_address_of_a_language_without_any_translation_says_so(site):
    assert "Aucune version n’est encore traduite en français." in text(html(site, "fr/privacy/compare"))
    assert 'href="../../../privacy/compare/"' in html(site, "fr/privacy/compare")


def test_a_translated_version_shows_its_own_text_title_and_summary(site):
    page = text(html(site, "de/privacy/2024-06-01"))
    assert "Wir erheben etwas mehr." in page and "Datenschutzerklärung" in page and "Wir erheben mehr." in page
    assert "We collect" not in page


def test_a_stale_translation_says_when_the_original_was_corrected(site):
    page = html(site, "de/privacy/2024-06-01")
    assert "Diese Übersetzung entstand, bevor das Original am 1. Juli 2024 berichtigt wurde" in text(page)
    assert 'data-statement-translation="stale"' in page
    assert 'data-statement-translation="stale"' not in html(site, "de/privacy/2024-02-01")


def test_the_redline_of_a_translation_compares_it_with_the_translations_previous_version(site):
    page = html(site, "de/privacy/2024-06-01/changes")
    redline = page[page.index('<div class="redline redline-inline"'):]
    assert re.search(r"<del[^>]*>.*wenig", redline) and re.search(r"<ins[^>]*>.*etwas mehr", redline)
    assert "collect" not in redline


def test_the_first_translated_version_has_no_redline_against_the_original(site):
    page = text(html(site, "de/privacy/2024-02-01/changes"))
    assert "There is nothing earlier" not in page


def test_versions_json_of_a_translation_lists_each_versions_translation_status(site):
    document = json.loads((site / "de" / "privacy" / "versions.json").read_text())
    assert document["language"] == "de" and document["title"] == "Datenschutzerklärung"
    assert [(v["effective"], v["translation"]) for v in document["versions"]] == [
        ("2024-02-01", "translated"), ("2024-06-01", "stale"), ("2025-01-01", "missing"),
    ]
    assert document["versions"][1]["material"] is True  # the original's declaration
    assert document["versions"][1]["urls"]["version"] == "https://statements.test/de/privacy/2024-06-01/"
    assert document["versions"][2]["sha256"] is None


def test_the_feed_of_a_translation_has_only_translated_versions(site):
    feed = (site / "de" / "privacy" / "feed.xml").read_text()
    assert feed.count("<entry>") == 2
    assert "https://statements.test/de/privacy/2024-06-01/changes/" in feed


def test_a_translations_feeds_are_titled_in_its_language(site):
    atom = "{http://www.w3.org/2005/Atom}"
    title = lambda path: ET.parse(site / path).getroot().find(f"{atom}title").text  # noqa: E731
    assert title("de/privacy/feed.xml") == "Datenschutzerklärung: Fassungen"
    assert title("de/feed.xml") == "Test Statements: alle Fassungen aller Erklärungen"
    head = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)"', html(site, "de/privacy/history"))
    assert head == ["Datenschutzerklärung: Fassungen"]


def test_permanent_addresses_of_a_translation_carry_its_prefix(site):
    assert "https://statements.test/de/privacy/2024-06-01/" in html(site, "de/privacy/2024-06-01")


def test_each_pages_folder_has_the_sitemap_materials_script_fetches(site):
    sitemap = (site / "privacy" / "2024-06-01" / "sitemap.xml").read_text()
    assert 'hreflang="de" href="https://statements.test/de/privacy/2024-06-01/"' in sitemap
    assert 'hreflang="x-default" href="https://statements.test/privacy/2024-06-01/"' in sitemap
    for address in ["de/privacy/2025-01-01", "fr/privacy/history", "de", "privacy/compare"]:
        assert (site / address / "sitemap.xml").is_file()


def test_the_other_languages_pages_stay_out_of_the_default_navigation(site):
    nav = html(site, "privacy")
    primary = nav[nav.index('md-nav--primary'):nav.index("</nav>", nav.index('md-nav--primary'))]
    assert "de/privacy" not in primary and "fr/" not in primary


def test_a_language_page_links_that_languages_feed(site):
    feeds = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]*)">', html(site, "de/privacy/history"))
    assert feeds == ["../feed.xml"]  # /de/privacy/feed.xml


def primary_nav(page: str) -> str:
    start = page.index("md-nav--primary")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page[start: page.index("</nav>", start)]))


def test_a_languages_pages_have_a_navigation_in_that_language(site):
    nav = primary_nav(html(site, "de/privacy/history"))
    assert "Startseite" in nav and "Datenschutzerklärung" in nav and "In Kraft" in nav and "Verlauf" in nav
    assert "Fassungen vergleichen" in nav and "History" not in nav
    page = html(site, "de/privacy/history")
    nav_html = page[page.index("md-nav--primary"):]
    assert re.search(r'class="md-nav__link md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">\s*Verlauf', nav_html)


def test_the_example_builds_strict_with_its_german_translation(tmp_path):
    from tests.conftest import REPO_ROOT

    command = [sys.executable, "-c", "from generator.cli import main; main()", "build", "--as-of", "2026-12-01",
               "--committed-only", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / "site" / "de" / "privacy" / "versions.json").read_text())
    # the example's history: three versions translated, the last of them before the original's correction
    assert [v["translation"] for v in document["versions"]] == ["translated", "translated", "stale", "missing", "missing"]


def test_validate_counts_a_translation_apart_from_the_statements(tmp_path, monkeypatch):
    from tests.conftest import run

    make_repo(tmp_path / "repo", "[en, de]")
    monkeypatch.chdir(tmp_path / "repo")
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 statement and 1 translation valid: privacy.md, privacy.de.md"


def test_a_relative_link_in_a_translation_reaches_the_docs_page_from_every_page_that_shows_it(site):
    assert '<a href="../../../about/">über uns</a>' in html(site, "de/privacy/2024-02-01")  # MkDocs checked it (--strict)


def test_a_translation_file_without_languages_is_an_error_for_a_build_too(tmp_path):
    repo = make_repo(tmp_path / "repo", None)
    repo.commit("de", date="2024-01-10", files={DE: statement_text(title="Datenschutzerklärung", effective="2024-02-01", body=DE1)})
    result = build(tmp_path / "repo", tmp_path / "site")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: statements/privacy.de.md:1: a translation into 'de', which is not one of the site's languages [en]; "
        "add 'de' to 'languages' under the statements plugin in mkdocs.yml, or remove the file"
    )
    assert not (tmp_path / "site").exists()


def history_row(page: str, key: str) -> str:
    start = page.index(f'id="v{key}"')
    return page[start: page.index("</tr>", start)]


def test_the_history_of_a_language_marks_a_version_not_yet_translated(site):
    page = html(site, "de/privacy/history")
    missing = history_row(page, "2025-01-01")
    assert '<span class="statement-chip statement-chip--translation-missing">noch nicht übersetzt</span>' in missing
    assert "translation-missing" not in history_row(page, "2024-06-01")


def test_the_history_of_a_language_gives_the_originals_source_and_comparison_for_a_missing_version(site):
    missing = history_row(html(site, "de/privacy/history"), "2025-01-01")
    assert 'href="../../../privacy/2025-01-01/privacy-2025-01-01.md" hreflang="en"' in missing
    assert 'href="../../../privacy/compare/?from=2024-06-01&amp;to=2025-01-01"' in missing
    translated = history_row(html(site, "de/privacy/history"), "2024-06-01")
    assert 'href="../2024-06-01/privacy-2024-06-01.md"' in translated and 'href="../compare/?from=' in translated


def test_the_printed_address_of_a_languages_changes_page_has_its_folder(site):
    assert re.findall(r"data-statement-permalink>([^<]*)</a>", html(site, "de/privacy/2024-06-01/changes")) == [
        "de/privacy/2024-06-01/changes/", "de/privacy/2024-06-01/changes/",
    ]


def test_with_a_home_page_of_its_own_a_languages_logo_leads_to_it(tmp_path):
    repo = make_repo(tmp_path / "repo", "[en, de]")
    repo.commit("home", date="2024-11-02", files={"pages/index.md": "# Welcome\n\nOur statements.\n"})
    result = build(tmp_path / "repo", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "de" / "index.html").exists()
    assert re.search(r'<a href="../.." title="Test Statements" class="md-header__button md-logo"', html(tmp_path / "site", "de/privacy"))
