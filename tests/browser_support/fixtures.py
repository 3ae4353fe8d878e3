"""pytest fixtures for the browser suite: one build, one server and one browser per session.

Import them into a test module: ``from tests.browser_support.fixtures import *``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from .browser import launch, local_only
from .site import REPO_ROOT, StaticServer, build_site, serve

__all__ = ["example_site", "site_server", "browser", "page", "phone_page", "Site"]


class Site:
    """The built example as the tests see it: its folder and its address."""

    def __init__(self, root: Path, server: StaticServer) -> None:
        self.root = root
        self.server = server

    def url(self, path: str = "") -> str:
        """Absolute URL of a path on the site (no leading slash)."""
        return self.server.url + path.lstrip("/")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example, built once per session from this repository's real history."""
    prebuilt = os.environ.get("STATEMENTS_TEST_SITE")
    if prebuilt:  # a site built beforehand, e.g. by a CI step
        return Path(prebuilt)
    return build_site(REPO_ROOT, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="session")
def site_server(example_site: Path) -> Iterator[Site]:
    """The example site served on 127.0.0.1."""
    server = serve(example_site)
    try:
        yield Site(example_site, server)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = launch(playwright)
        try:
            yield instance
        finally:
            instance.close()


def _page(browser: Any, **context: Any) -> Iterator[Any]:
    ctx = browser.new_context(**context)
    try:
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        local_only(page)
        yield page
    finally:
        ctx.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop page (own cookies and storage), offline except for 127.0.0.1."""
    yield from _page(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser: Any) -> Iterator[Any]:
    """A fresh phone-sized page."""
    yield from _page(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
