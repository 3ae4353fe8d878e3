"""How a redline looks in a browser (headless Chromium, the site's own stylesheet)."""

from __future__ import annotations

import pytest

from generator.diff import diff_markdown, render_redline
from tests.browser_support.site import REPO_ROOT

pytestmark = pytest.mark.browser
pytest_plugins = ["tests.browser_support.fixtures"]

CSS = REPO_ROOT / "generator" / "assets" / "statements.css"


@pytest.fixture
def redline_page(browser):
    def show(old: str, new: str):
        page = browser.new_page()
        html = render_redline(diff_markdown(old, new))
        page.set_content(f'<!doctype html><html><body><article class="md-typeset"><div class="redline">{html}</div></article></body></html>')
        page.add_style_tag(path=str(CSS))
        return page

    return show


def test_a_deletion_followed_by_an_insertion_is_visibly_apart(redline_page):
    page = redline_page("Effective date: January 15, 2025", "Effective date: February 1, 2026")
    deleted, inserted = page.locator("del.redline-del"), page.locator("ins.redline-ins")
    # the runs touch in the markup ("2025</del><ins>February"): the stylesheet must put space between
    assert deleted.evaluate("el => el.nextElementSibling && el.nextElementSibling.matches('ins.redline-ins')")
    gap = inserted.bounding_box()["x"] - (deleted.bounding_box()["x"] + deleted.bounding_box()["width"])
    assert gap >= 3
    page.close()


def test_a_versions_own_strike_out_looks_unlike_a_deletion_of_the_redline(redline_page):
    page = redline_page("We will <del>never</del> sell your data to anyone at all.", "We will <del>never</del> sell your data.")
    own = page.locator("del:not(.redline-del)").first
    ours = page.locator("del.redline-del").first
    background = "el => getComputedStyle(el).backgroundColor"
    assert own.evaluate(background) == "rgba(0, 0, 0, 0)"
    assert ours.evaluate(background) != "rgba(0, 0, 0, 0)"
    page.close()


def test_a_changed_link_says_so_on_the_page(redline_page):
    page = redline_page("Read the [cookie policy](https://example.com/cookies) first.",
                        "Read the [cookie policy](https://example.com/tracking) first.")
    assert page.locator(".redline-link-changed").inner_text() == "(link changed; it pointed to https://example.com/cookies)"
    assert page.locator("del, ins").count() == 0
    page.close()
