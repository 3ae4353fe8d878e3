"""Screenshots of the example site for the README: ``python -m tests.browser_support.screenshots [NAME …]``.

With names, only those shots are taken (``python -m tests.browser_support.screenshots statement-german``).

Builds the bundled example (as of the same date as the browser suite), serves it on 127.0.0.1 and
writes PNGs to docs/screenshots/. Nothing leaves the machine: the browser resolves no other host.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .browser import launch, local_only
from .site import REPO_ROOT, build_site, serve

OUT = REPO_ROOT / "docs" / "screenshots"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Shot:
    """One screenshot: which page, how it is shown, and what is captured."""

    name: str
    path: str
    viewport: dict
    scheme: str = "light"
    media: str = "screen"
    #: CSS selector of the element to capture (with some room around it); None: the viewport
    element: str | None = None
    #: scroll this selector to the top of the viewport first
    scroll_to: str | None = None
    full_page: bool = False
    #: JavaScript run before the capture
    script: str | None = None


SHOTS = [
    Shot("statement", "privacy/", DESKTOP),
    Shot("statement-archived", "privacy/2025-01-15/", DESKTOP, element=".md-content__inner > h1, .statement-header"),
    Shot("history", "privacy/history/", {"width": 1280, "height": 1180}),
    Shot("changes", "privacy/2026-02-01/changes/", DESKTOP),
    Shot("redline", "privacy/2026-02-01/changes/", {"width": 1280, "height": 1000}, scroll_to="#information-we-collect"),
    Shot("compare", "privacy/compare/?from=2024-03-01&to=2027-01-15", {"width": 1280, "height": 1100}),
    Shot("compare-side-by-side-dark", "privacy/compare/?from=2025-01-15&to=2026-02-01&view=side-by-side", {"width": 1280, "height": 1000},
         scheme="dark", scroll_to="[data-compare-title]"),
    Shot("phone-statement", "privacy/", PHONE),
    Shot("phone-history-dark", "privacy/history/", {"width": 390, "height": 1100}, scheme="dark", scroll_to="h1"),
    Shot("print-changes", "privacy/2026-02-01/changes/", {"width": 820, "height": 1160}, media="print"),
    # The German statement in force (a stale translation), the language switcher open.
    Shot("statement-german", "de/privacy/", DESKTOP, script="document.querySelector('.statement-switcher .md-header__button').focus()"),
]


def capture(base_url: str, out: Path, shots: list[Shot] = SHOTS) -> list[Path]:
    """Take every shot against the site at ``base_url``; return the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for shot in shots:
                context = browser.new_context(viewport=shot.viewport, color_scheme=shot.scheme, device_scale_factor=1)
                local_only(context)
                page = context.new_page()
                page.emulate_media(media=shot.media)
                page.goto(base_url + shot.path)
                page.wait_for_load_state("networkidle")
                if "compare" in shot.path:
                    page.locator("[data-compare-result]").wait_for(state="visible")
                if shot.script:
                    page.evaluate(shot.script)
                if shot.scroll_to:
                    page.evaluate(
                        "selector => { const el = document.querySelector(selector);"
                        " window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60); }",
                        shot.scroll_to,
                    )
                page.wait_for_timeout(250)  # let the theme's transitions settle
                target = out / f"{shot.name}.png"
                if shot.element:
                    boxes = [page.locator(s).first.bounding_box() for s in shot.element.split(", ")]
                    x0 = min(b["x"] for b in boxes) - 24
                    y0 = min(b["y"] for b in boxes) - 16
                    x1 = max(b["x"] + b["width"] for b in boxes) + 24
                    y1 = max(b["y"] + b["height"] for b in boxes) + 16
                    page.screenshot(path=str(target), clip={"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0})
                else:
                    page.screenshot(path=str(target), full_page=shot.full_page)
                written.append(target)
                context.close()
        finally:
            browser.close()
    return written


def main() -> None:
    """Build, serve and capture (every shot, or those named on the command line)."""
    names = sys.argv[1:]
    shots = [shot for shot in SHOTS if not names or shot.name in names]
    if names and len(shots) != len(set(names)):
        sys.exit(f"unknown shot: {', '.join(sorted(set(names) - {shot.name for shot in shots}))}")
    with tempfile.TemporaryDirectory() as folder:
        site = build_site(REPO_ROOT, Path(folder) / "site")
        server = serve(site)
        try:
            for path in capture(server.url, OUT, shots):
                print(path.relative_to(REPO_ROOT))
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
