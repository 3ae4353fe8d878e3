"""In headless Chromium: every page loads cleanly, follows the theme's palette, and prints its address.

The example site (this repository's statement, built once per session) and, for the palette, a small
site of its own with another primary colour.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.browser_support.site import build_site, serve
from tests.conftest import GitRepo, statement_text, write_project

pytestmark = pytest.mark.browser
pytest_plugins = ["tests.browser_support.fixtures"]

PAGES = [
    "", "privacy/", "privacy/2024-03-01/", "privacy/2026-02-01/", "privacy/2027-01-15/", "privacy/history/",
    "privacy/2026-02-01/changes/", "privacy/compare/", "privacy/compare/?from=2024-03-01&to=2027-01-15&view=side-by-side",
    "about/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_makes_a_failed_request_or_logs_an_error(site_server, watched, path):
    page, problems = watched
    page.goto(site_server.url(path), wait_until="networkidle")
    page.wait_for_timeout(300)  # Material fetches sitemaps after the page has loaded
    assert problems == []


def test_a_printed_changes_page_ends_with_its_permanent_address_and_leaves_the_legend_out(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/changes/"))
    page.emulate_media(media="print")
    assert not page.locator(".redline-legend").is_visible()
    last = page.evaluate(
        """() => {
            const shown = [...document.querySelectorAll('.md-content article > *')]
                .filter(el => el.getClientRects().length && getComputedStyle(el).display !== 'none');
            return shown[shown.length - 1].innerText;
        }"""
    )
    assert "Permanent address:" in last
    assert last.strip().endswith(site_server.url("privacy/2026-02-01/changes/"))
    page.emulate_media(media="screen")
    assert page.locator(".redline-legend").is_visible()
    assert not page.locator(".statement-print-foot").is_visible()


@pytest.fixture(scope="module")
def indigo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A one-statement site whose theme's primary colour is indigo, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("indigo")
    repo = GitRepo(folder)
    repo.git("init", "-q", "-b", "main")
    config = write_project(folder)
    config.write_text(
        config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  palette:\n    primary: indigo\n"),
        encoding="utf-8",
    )
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-01-01"), "pages/.gitkeep": ""})
    repo.commit("v2", date="2024-03-01", files={"statements/privacy.md": statement_text(effective="2024-04-01", body="## Overview\n\nWe collect less.\n")})
    server = serve(build_site(folder, folder / "site", as_of="2024-05-01"))
    try:
        yield server
    finally:
        server.stop()


PRIMARY = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(document.querySelector('.md-header')).backgroundColor]"


@pytest.mark.parametrize("path, button", [("", ".statement-link--primary"), ("privacy/", ".statement-link--primary")])
def test_buttons_take_the_themes_primary_colour(indigo_site, page, path, button):
    page.goto(indigo_site.url + path)
    background, header = page.locator(button).first.evaluate(PRIMARY)
    assert background == header  # Material's header wears the palette's primary colour
    assert background == "rgb(64, 81, 181)"  # indigo, not the example's teal


def test_links_and_the_timeline_take_the_themes_link_colour(indigo_site, page):
    page.goto(indigo_site.url + "privacy/history/")
    link = page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
    stem = page.locator(".statement-timeline__svg .tl-point").first.evaluate("el => getComputedStyle(el).color")
    probe = page.evaluate(
        "c => { const s = document.createElement('span'); s.style.color = c; document.body.append(s); return getComputedStyle(s).color; }",
        link,
    )
    assert stem == probe and "0, 121, 107" not in stem
