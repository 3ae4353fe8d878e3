"""End to end, in headless Chromium: what a reader sees and can do on the example site.

The example is this repository's own privacy statement, built once per session as of
2026-12-01: 2024-03-01 and 2025-01-15 archived, 2026-02-01 in force (corrected once),
2027-01-15 and 2027-03-01 upcoming.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser_support.site import REPO_ROOT

pytestmark = pytest.mark.browser
#: one build, one server and one browser for the whole session, whichever modules run
pytest_plugins = ["tests.browser_support.fixtures"]

MAIN_PAGES = ["privacy/", "privacy/2024-03-01/", "privacy/2027-01-15/", "privacy/history/", "privacy/2026-02-01/changes/", "privacy/compare/"]
#: the home page, the main pages, and the compare page showing the most text side by side
CHECKED_PAGES = [""] + MAIN_PAGES[:-1] + ["privacy/compare/?from=2024-03-01&to=2027-01-15&view=side-by-side"]


def header(page):
    return page.get_by_role("region", name="About this version")


# --- the statement and its versions -----------------------------------------------------------


def test_the_statement_shows_status_effective_date_and_last_updated_at_the_top(site_server, page):
    page.goto(site_server.url("privacy/"))
    top = header(page)
    assert top.locator(".statement-chip").first.inner_text().strip().lower() == "in force"
    assert re.search(r"Effective\s+February 1, 2026", top.inner_text())
    assert re.search(r"Last updated\s+\w+ \d+, \d{4}", top.inner_text())
    box = top.bounding_box()
    assert box["y"] < 400, "the version facts are above the fold"


def test_the_statement_links_to_what_changed_and_to_the_history(site_server, page):
    page.goto(site_server.url("privacy/"))
    links = page.get_by_role("navigation", name="This version")
    links.get_by_role("link", name="What changed").click()
    assert page.url.endswith("/privacy/2026-02-01/changes/")
    page.go_back()
    links.get_by_role("link", name=re.compile(r"^History")).click()
    assert page.url.endswith("/privacy/history/")


def test_the_version_in_force_announces_the_upcoming_version(site_server, page):
    page.goto(site_server.url("privacy/"))
    notice = header(page).locator(".statement-notice")
    assert "A new version takes effect on January 15, 2027" in notice.inner_text()
    notice.get_by_role("link", name="read it").click()
    assert page.url.endswith("/privacy/2027-01-15/")


def test_a_reader_follows_the_history_to_an_archived_version_and_back_to_the_version_in_force(site_server, page):
    page.goto(site_server.url("privacy/history/"))
    page.get_by_role("table").get_by_role("link", name="March 1, 2024", exact=True).click()
    assert page.url.endswith("/privacy/2024-03-01/")
    assert "no longer in force" in header(page).inner_text()
    header(page).get_by_role("link", name="next version").click()
    assert page.url.endswith("/privacy/2025-01-15/")
    header(page).get_by_role("link", name="next version").click()
    assert page.url.endswith("/privacy/2026-02-01/")
    assert header(page).locator(".statement-chip").first.inner_text().strip().lower() == "in force"


def test_an_archived_version_not_followed_directly_by_the_one_in_force_links_to_it_too(site_server, page):
    page.goto(site_server.url("privacy/2024-03-01/"))
    header(page).get_by_role("link", name="Read the version in force").click()
    assert page.url.endswith("/privacy/2026-02-01/")


def test_an_upcoming_version_says_when_it_takes_effect_and_which_version_applies_until_then(site_server, page):
    page.goto(site_server.url("privacy/2027-01-15/"))
    text = header(page).inner_text()
    assert "This version takes effect on January 15, 2027" in text
    header(page).get_by_role("link", name="version effective February 1, 2026").click()
    assert page.url.endswith("/privacy/2026-02-01/")


def test_a_corrected_version_says_so_next_to_its_last_updated_date(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/"))
    header(page).get_by_role("link", name="corrected").click()
    assert page.url.endswith("#corrections-heading")
    assert page.get_by_role("heading", name="Corrections to this version").is_visible()


def test_the_markdown_source_of_a_version_is_linked_and_served_as_its_exact_text(site_server, page):
    page.goto(site_server.url("privacy/2025-01-15/"))
    link = header(page).get_by_role("link", name="Markdown source")
    href = link.get_attribute("href")
    assert link.get_attribute("download") is not None
    response = page.request.get(site_server.url("privacy/2025-01-15/") + href)
    assert response.ok
    assert response.headers["content-type"].startswith("text/")
    versions = json.loads((site_server.root / "privacy/versions.json").read_text(encoding="utf-8"))
    commit = next(v["commit"] for v in versions["versions"] if v["effective"] == "2025-01-15")
    committed = subprocess.run(
        ["git", "show", f"{commit}:statements/privacy.md"], cwd=REPO_ROOT, capture_output=True, check=True,
    ).stdout
    assert response.body() == committed


# --- history ---------------------------------------------------------------------------------------


def test_the_history_timeline_is_a_named_picture_with_one_link_per_version(site_server, page):
    page.goto(site_server.url("privacy/history/"))
    timeline = page.get_by_role("group", name="Timeline of the Privacy Statement").first
    assert timeline.is_visible()
    points = timeline.get_by_role("link")
    assert points.count() == 5
    assert re.match(r"Version effective March 1, 2027, upcoming, material change, \d+ words added, \d+ removed", points.first.get_attribute("aria-label"))


def test_a_point_on_the_timeline_opens_its_version(site_server, page):
    page.goto(site_server.url("privacy/history/"))
    page.get_by_role("link", name=re.compile(r"^Version effective January 15, 2025")).first.click()
    assert page.url.endswith("/privacy/2025-01-15/")


def test_the_timeline_points_are_reached_with_the_keyboard_and_show_focus(site_server, page):
    page.goto(site_server.url("privacy/history/"))
    newest = page.locator(".statement-timeline__svg--horizontal a").first
    for _ in range(40):
        page.keyboard.press("Tab")
        if newest.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the timeline")
    assert newest.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.wait_for_url("**/privacy/2027-03-01/")


def test_the_history_table_lists_every_version_newest_first_with_the_size_of_each_change(site_server, page):
    page.goto(site_server.url("privacy/history/"))
    rows = page.locator(".statement-history-table tbody tr")
    assert [rows.nth(i).locator("th time").first.get_attribute("datetime") for i in range(rows.count())] == [
        "2027-03-01", "2027-01-15", "2026-02-01", "2025-01-15", "2024-03-01",
    ]
    assert re.search(r"\+\d+ −\d+ words", rows.nth(1).inner_text())


def test_on_a_phone_the_timeline_is_drawn_upright_and_nothing_scrolls_sideways(site_server, phone_page):
    phone_page.goto(site_server.url("privacy/history/"))
    assert phone_page.locator(".statement-timeline__svg--vertical").is_visible()
    assert not phone_page.locator(".statement-timeline__svg--horizontal").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path", ["privacy/", "privacy/2024-03-01/", "privacy/2026-02-01/changes/", "privacy/compare/"])
def test_on_a_phone_no_page_scrolls_sideways(site_server, phone_page, path):
    phone_page.goto(site_server.url(path))
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# --- changes -------------------------------------------------------------------------------------------


def test_the_changes_page_marks_insertions_and_deletions_for_screen_readers(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/changes/"))
    redline = page.locator(".redline-inline")
    assert redline.locator("ins").count() > 0 and redline.locator("del").count() > 0
    spoken = redline.locator(".redline-sr").all_inner_texts()
    assert any("inserted" in s for s in spoken) and any("deleted" in s for s in spoken)


def test_the_changes_page_switches_to_side_by_side(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/changes/"))
    page.get_by_label("Side by side").check()
    assert page.locator(".redline-side-by-side").is_visible()
    assert not page.locator(".redline-inline").is_visible()


# --- section links ------------------------------------------------------------------------------------------


def test_each_section_has_a_labelled_link_that_shows_when_focused(site_server, page):
    page.goto(site_server.url("privacy/"))
    link = page.get_by_role("link", name="Link to the section \u201cOverview\u201d")
    link.focus()
    expect(link).to_have_css("opacity", "1")  # after Material's fade-in
    assert link.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert link.get_attribute("href") == "#overview"


def test_following_a_section_link_puts_its_address_in_the_location_bar(site_server, page):
    page.goto(site_server.url("privacy/"))
    page.get_by_role("link", name="Link to the section \u201cChildren\u201d").click()
    assert page.url.endswith("/privacy/#children")


# --- print ---------------------------------------------------------------------------------------------------


def test_a_printed_version_has_no_navigation_and_names_its_version_and_permanent_address(site_server, page):
    page.goto(site_server.url("privacy/"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".statement-links"):
        assert not page.locator(chrome).first.is_visible(), chrome
    top = page.locator(".statement-print-ref")
    assert top.is_visible()
    assert "version effective February 1, 2026" in top.inner_text()
    assert site_server.url("privacy/2026-02-01/") in top.inner_text()
    assert site_server.url("privacy/2026-02-01/") in page.locator(".statement-print-foot").inner_text()


def test_a_printed_version_includes_its_corrections_unfolded(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/"))
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    correction = page.locator("details.statement-correction").first
    assert correction.evaluate("d => d.open")
    assert correction.locator(".redline").is_visible()


def test_a_printed_redline_shows_insertions_and_deletions_without_colour(site_server, page):
    page.goto(site_server.url("privacy/2026-02-01/changes/"))
    page.emulate_media(media="print")
    ins = page.locator(".redline-inline > :not(.redline-legend) ins").first  # the legend is not printed
    dele = page.locator(".redline-inline > :not(.redline-legend) del").first
    assert ins.is_visible() and dele.is_visible()
    style = "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.color, s.backgroundColor]; }"
    assert ins.evaluate(style) == ["underline", "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"]
    assert dele.evaluate(style) == ["line-through", "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"]
    marks = "el => [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content]"
    assert ins.evaluate(marks) == ['"[+"', '"]"']
    assert dele.evaluate(marks) == ['"[\u2212"', '"]"']


# --- accessibility ----------------------------------------------------------------------------------------------


AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
}


def serious_violations(page) -> list[str]:
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"] if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", CHECKED_PAGES)
def test_main_pages_have_no_serious_accessibility_violations_in_light_and_dark(site_server, page, path):
    from axe_playwright_python.base import AXE_SCRIPT  # axe-core ships inside the package: no network

    page.goto(site_server.url(path))
    if "compare" in path:
        expect(page.locator("[data-compare-result]")).to_be_visible()
    page.evaluate(AXE_SCRIPT)
    # Colours are measured at rest, not halfway through the theme's transitions.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important; }")
    found = {"light": serious_violations(page)}
    # The palette toggle does exactly this: Material reads the scheme from the body's attribute.
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    found["dark"] = serious_violations(page)
    assert found == {"light": [], "dark": []}


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_headings_go_down_one_level_at_a_time(site_server, page, path):
    page.goto(site_server.url(path))
    levels = page.evaluate(
        "() => [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .md-content h4')]"
        ".filter(h => h.offsetParent !== null).map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_keyboard_focus_is_visible_on_the_header_links(site_server, page):
    page.goto(site_server.url("privacy/"))
    link = header(page).get_by_role("link", name="What changed")
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached 'What changed'")
    assert link.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
