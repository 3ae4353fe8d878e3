"""End to end, in headless Chromium: the compare page (any two versions, diffed in the browser).

The example site is built once per session as of 2026-12-01 (see test_browser_reader.py).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect


pytestmark = pytest.mark.browser
#: one build, one server and one browser for the whole session, whichever modules run
pytest_plugins = ["tests.browser_support.fixtures"]

VERSIONS = ["2024-03-01", "2025-01-15", "2026-02-01", "2027-01-15", "2027-03-01"]
CONSECUTIVE = list(zip(VERSIONS, VERSIONS[1:]))


def open_compare(page, site, query: str = "") -> None:
    page.goto(site.url("privacy/compare/") + query)
    expect(page.locator("[data-compare-result]")).to_be_visible()


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


#: The redline as a reader can check it: each changed passage's kind and its deleted and inserted
#: words, whitespace folded, screen-reader markers left out.
REDLINE_RUNS = """root => [...root.querySelectorAll('[data-kind]')].map(block => {
  const runs = [...block.querySelectorAll('ins, del')].map(run => {
    const copy = run.cloneNode(true);
    copy.querySelectorAll('.redline-sr').forEach(sr => sr.remove());
    return run.tagName.toLowerCase() + ':' + copy.textContent.replace(/\\s+/g, ' ').trim();
  }).filter(run => !run.endsWith(':'));
  return [block.dataset.kind, runs];
})"""


@pytest.mark.parametrize(("old", "new"), CONSECUTIVE, ids=[f"{a}..{b}" for a, b in CONSECUTIVE])
def test_the_browser_comparison_of_consecutive_versions_equals_the_changes_page(site_server, page, old, new):
    page.goto(site_server.url(f"privacy/{new}/changes/"))
    built = page.locator(".redline-inline").evaluate(REDLINE_RUNS)
    open_compare(page, site_server, f"?from={old}&to={new}")
    computed = page.locator("[data-compare-inline]").evaluate(REDLINE_RUNS)
    assert built, "the changes page shows changes"
    assert computed == built


def test_the_compare_page_opens_on_the_version_in_force_against_the_one_before(site_server, page):
    open_compare(page, site_server)
    assert page.get_by_label("From the version effective").input_value() == "2025-01-15"
    assert page.get_by_label("To the version effective").input_value() == "2026-02-01"


def test_a_shared_address_opens_the_comparison_it_names(site_server, page):
    open_compare(page, site_server, "?from=2024-03-01&to=2027-01-15")
    assert page.get_by_label("From the version effective").input_value() == "2024-03-01"
    assert page.get_by_label("To the version effective").input_value() == "2027-01-15"
    assert page.get_by_role("heading", level=2).first.inner_text() == "From March 1, 2024 to January 15, 2027 (upcoming)"


def test_choosing_a_version_updates_the_address_so_the_comparison_can_be_shared(site_server, page):
    open_compare(page, site_server)
    page.get_by_label("From the version effective").select_option("2024-03-01")
    expect(page.get_by_role("heading", level=2).first).to_have_text("From March 1, 2024 to February 1, 2026 (in force)")
    assert query_of(page) == {"from": ["2024-03-01"], "to": ["2026-02-01"]}
    shared = page.get_by_role("link", name="Link to this comparison").get_attribute("href")
    assert parse_qs(urlparse(shared).query) == {"from": ["2024-03-01"], "to": ["2026-02-01"]}


def test_the_two_selects_are_reached_and_changed_with_the_keyboard_alone(site_server, page):
    open_compare(page, site_server)
    from_select = page.get_by_label("From the version effective")
    for _ in range(80):
        page.keyboard.press("Tab")
        if from_select.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first select")
    assert from_select.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("ArrowDown")  # the list is newest first: one step down is one version earlier
    expect(page.get_by_role("heading", level=2).first).to_have_text("From March 1, 2024 to February 1, 2026 (in force)")
    page.keyboard.press("Tab")  # the swap button
    page.keyboard.press("Tab")
    assert page.get_by_label("To the version effective").evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("heading", level=2).first).to_have_text("From March 1, 2024 to January 15, 2027 (upcoming)")
    assert query_of(page) == {"from": ["2024-03-01"], "to": ["2027-01-15"]}


def test_the_swap_button_exchanges_the_two_versions(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    page.get_by_role("button", name="Swap the two versions").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text("From February 1, 2026 (in force) to January 15, 2025")
    assert "way back to the earlier text" in page.locator("[data-compare-summary]").inner_text()


def test_the_side_by_side_view_shows_both_versions_and_is_kept_in_the_address(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    page.get_by_label("Side by side").check()
    table = page.locator("[data-compare-side-by-side] table.redline-sbs")
    expect(table).to_be_visible()
    assert not page.locator("[data-compare-inline]").is_visible()
    assert table.locator("thead th").all_inner_texts() == ["Version effective January 15, 2025", "Version effective February 1, 2026 (in force)"]
    assert query_of(page)["view"] == ["side-by-side"]
    page.reload()
    expect(page.locator("[data-compare-side-by-side]")).to_be_visible()


def test_the_side_by_side_copy_does_not_repeat_the_section_ids(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    duplicates = page.evaluate(
        "() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        " return ids.filter((id, i) => ids.indexOf(id) !== i); }"
    )
    assert duplicates == []


def test_only_changed_passages_folds_the_unchanged_text_away(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    unchanged = page.locator("[data-compare-inline] > p").filter(has_text="We collect only what we need")
    expect(unchanged).to_be_visible()
    page.get_by_label("Only changed passages").check()
    expect(unchanged).to_be_hidden()
    expect(page.locator("[data-compare-inline] .redline-change").first).to_be_visible()
    expect(page.locator("[data-compare-inline] h2").first).to_be_visible()


def test_choosing_the_same_version_twice_asks_for_two_different_versions(site_server, page):
    open_compare(page, site_server)
    page.get_by_label("From the version effective").select_option("2026-02-01")
    expect(page.get_by_role("status")).to_have_text(re.compile("Choose two different versions"))
    assert not page.locator("[data-compare-result]").is_visible()


def test_an_unknown_version_in_the_address_is_reported_and_the_default_is_shown(site_server, page):
    page.goto(site_server.url("privacy/compare/?from=2023-01-01&to=2026-02-01"))
    expect(page.locator("[data-compare-notice]")).to_have_text(re.compile("no version effective 2023-01-01"))
    expect(page.get_by_role("heading", level=2).first).to_have_text("From January 15, 2025 to February 1, 2026 (in force)")


def test_insertions_and_deletions_are_announced_to_screen_readers(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    spoken = page.locator("[data-compare-inline] .redline-sr").all_inner_texts()
    assert "inserted:" in [s.strip() for s in spoken] and "deleted:" in [s.strip() for s in spoken]
    expect(page.get_by_role("status")).to_have_text(re.compile(r"Showing the changes from January 15, 2025 to February 1, 2026 \(in force\): \d+ words added"))


def test_the_comparison_needs_nothing_but_the_site_itself(site_server, page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_compare(page, site_server, "?from=2024-03-01&to=2027-01-15")
    compare_requests = [url for url in requests if "/compare/" in url or "statements-diff" in url]
    assert {urlparse(url).path for url in compare_requests} >= {
        "/privacy/compare/2024-03-01.json", "/privacy/compare/2027-01-15.json", "/assets/statements/statements-diff.js",
    }
    assert all(url.startswith(site_server.url()) for url in compare_requests)


def test_a_printed_comparison_has_no_controls_and_keeps_insertions_and_deletions(site_server, page):
    open_compare(page, site_server, "?from=2025-01-15&to=2026-02-01")
    page.emulate_media(media="print")
    assert not page.locator(".statement-compare__panel").is_visible()
    assert not page.locator(".md-header").is_visible()
    reference = page.locator("[data-compare-print]")
    assert reference.is_visible()
    assert site_server.url("privacy/compare/?from=2025-01-15&to=2026-02-01") in reference.inner_text()
    ins = page.locator("[data-compare-inline] ins").first
    assert ins.evaluate("el => getComputedStyle(el).textDecorationLine") == "underline"
    assert ins.evaluate("el => getComputedStyle(el, '::before').content") == '"[+"'
