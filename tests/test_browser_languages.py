"""In headless Chromium: the example's German pages load cleanly, say they are German, and switch language.

The example (this repository's history, built as of 2026-12-01) has a German translation of the
versions effective 2024-03-01, 2025-01-15 and 2026-02-01 (stale: the original was corrected after
it), and none yet of the two upcoming versions.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser
pytest_plugins = ["tests.browser_support.fixtures"]

GERMAN = [
    "de/", "de/privacy/", "de/privacy/2024-03-01/", "de/privacy/2026-02-01/", "de/privacy/2027-01-15/",
    "de/privacy/2025-01-15/changes/", "de/privacy/2026-02-01/changes/", "de/privacy/history/",
    "de/privacy/compare/", "de/privacy/compare/?from=2024-03-01&to=2026-02-01&view=side-by-side",
]


@pytest.mark.parametrize("path", GERMAN)
def test_a_german_page_loads_without_a_failed_request_or_an_error_and_says_it_is_german(site_server, watched, path):
    page, problems = watched
    page.goto(site_server.url(path), wait_until="networkidle")
    page.wait_for_timeout(300)  # Material fetches the sitemaps beside the alternates after the load
    assert problems == []
    assert page.evaluate("document.documentElement.lang") == "de"


def switch_to(page: Any, language_name: str) -> None:
    """Open the header's language switcher and choose a language, as a reader does."""
    page.locator(".statement-switcher .md-header__button").hover()
    page.locator(".statement-switcher .md-select__link", has_text=language_name).click()
    page.wait_for_load_state("load")


def test_the_switcher_leads_from_a_german_version_to_the_same_english_version(site_server, page):
    page.goto(site_server.url("de/privacy/2025-01-15/"))
    switch_to(page, "English")
    assert page.url == site_server.url("privacy/2025-01-15/")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_switcher_leads_from_an_english_changes_page_to_the_german_one(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/changes/"))
    switch_to(page, "Deutsch")
    assert page.url == site_server.url("de/privacy/2026-02-01/changes/")
    assert page.locator(".redline-inline del", has_text="30").count() >= 1  # the German text's own redline


def test_the_switcher_marks_the_current_language_and_a_missing_translation(site_server, page):
    page.goto(site_server.url("privacy/2027-01-15/"))
    page.locator(".statement-switcher .md-header__button").hover()
    links = page.locator(".statement-switcher .md-select__link")
    assert links.all_inner_texts() == ["English", "Deutsch (not yet translated)"]
    assert links.nth(0).get_attribute("aria-current") == "page"


def test_a_missing_translation_says_so_in_german_and_leads_to_the_original(site_server, page):
    page.goto(site_server.url("de/privacy/2027-01-15/"))
    note = page.locator(".statement-notice--translation")
    assert "noch nicht auf Deutsch verfügbar" in note.inner_text()
    note.get_by_role("link", name="Auf Englisch lesen").click()
    page.wait_for_load_state("load")
    assert page.url == site_server.url("privacy/2027-01-15/")


def test_the_german_compare_page_compares_two_german_versions(site_server, page):
    page.goto(site_server.url("de/privacy/compare/?from=2025-01-15&to=2026-02-01"))
    result = page.locator("[data-compare-result]")
    result.wait_for(state="visible")
    assert result.locator("ins", has_text="Standort").count() >= 1


def search(page: Any, site: Any, path: str, words: str) -> list[str]:
    """Open ``path``, type ``words`` into the header's search box as a reader does, and return the
    addresses (without the highlight query) of the results, as paths of the site."""
    page.goto(site.url(path), wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(words, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    return [href.removeprefix(site.url()).split("?")[0] for href in hrefs]


def test_searching_on_a_german_page_finds_german_pages_only(site_server, watched):
    page, problems = watched
    # "Fernhill", the company's name, is a word of every page in either language
    found = search(page, site_server, "de/privacy/", "Fernhill")
    assert found and all(path.startswith("de/") for path in found), found
    assert problems == []


def test_a_german_search_finds_german_words_and_leads_to_the_german_page(site_server, watched):
    page, problems = watched
    found = search(page, site_server, "de/privacy/history/", "Datenschutzerklärung")
    assert "de/privacy/" in found and all(path.startswith("de/") for path in found), found
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(site_server.url("de/privacy/"))
    assert page.evaluate("document.documentElement.lang") == "de"
    assert problems == []


def test_searching_on_an_english_page_finds_english_pages_only(site_server, watched):
    page, problems = watched
    found = search(page, site_server, "privacy/", "Fernhill")
    assert found and not any(path.startswith("de/") for path in found), found
    assert problems == []


def test_a_summary_in_the_originals_words_reads_as_english_after_a_german_note(site_server, page):
    # 2027-01-15 is not translated yet: the German history shows the original's summary
    page.goto(site_server.url("de/privacy/history/"))
    cell = page.locator("#v2027-01-15 td").nth(1)
    note = cell.locator(".statement-original-wording")
    assert note.inner_text() == "Im Wortlaut des Originals (Englisch):"
    assert note.evaluate("element => element.closest('[lang]').lang") == "de"
    summary = cell.locator("span[lang]").last
    assert summary.evaluate("element => element.lang") == "en"
    assert summary.is_visible() and summary.inner_text().split()[0] in ("Our", "We")
    assert note.evaluate("element => getComputedStyle(element).fontStyle") == "italic"
