"""In headless Chromium: the German compare page computes a redline whose own words are German, the
same words the German changes page was built with, and the script's sentences are German too."""

from __future__ import annotations

import pytest

from playwright.sync_api import expect

pytestmark = pytest.mark.browser
pytest_plugins = ["tests.browser_support.fixtures"]

def open_compare(page, site, query: str, prefix: str) -> None:
    page.goto(site.url(f"{prefix}privacy/compare/") + query)
    expect(page.locator("[data-compare-result]")).to_be_visible()


#: The words the redline writes itself: screen-reader announcements and notes, in document order.
OWN_WORDS = """root => [...root.querySelectorAll('.redline-sr, .redline-note')].map(el => el.textContent.trim())"""


def test_the_browser_redline_speaks_german_like_the_built_changes_page(site_server, page):
    page.goto(site_server.url("de/privacy/2025-01-15/changes/"))
    built = page.locator(".redline-inline").evaluate(OWN_WORDS)
    open_compare(page, site_server, "?from=2024-03-01&to=2025-01-15", prefix="de/")
    computed = page.locator("[data-compare-inline]").evaluate(OWN_WORDS)
    assert built and computed == built
    assert {"gestrichen:", "eingefügt:"} & set(computed) and not {"deleted:", "inserted:"} & set(computed)


def test_the_compare_script_writes_its_sentences_in_german(site_server, page):
    open_compare(page, site_server, "?from=2024-03-01&to=2025-01-15", prefix="de/")
    summary = page.locator("[data-compare-summary]").inner_text()
    assert "Wörter:" in summary and "hinzugefügt" in summary
    assert page.locator("[data-compare-title]").inner_text() == "Von 1. März 2024 bis 15. Januar 2025"
    links = page.locator("[data-compare-links] a").all_inner_texts()
    assert links[0] == "Link zu diesem Vergleich"
