"""pytest fixtures for the browser suite: one build, one server and one browser per session.

A test module asks for them with ``pytest_plugins = ["tests.browser_support.fixtures"]``: registered as
a plugin, each session fixture exists once, however many modules use it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from .browser import CHROMIUM, launch, local_only
from .site import REPO_ROOT, StaticServer, build_site, serve

#: Read once at import, before the suite's per-test fixture hides CI from the code under test.
IN_CI = bool(os.environ.get("CI"))

__all__ = ["example_site", "site_server", "browser", "desktop", "phone", "page", "phone_page", "watched", "Site"]


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
    if not Path(CHROMIUM).exists():
        # On a developer's machine without the browser the rest of the suite still runs; in CI
        # (.ci/run installs Debian's chromium) a missing browser is a failure, never a skip.
        if IN_CI:
            pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run should have installed Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM}: 'apt-get install chromium' (or run .ci/run) for the browser tests")
    with sync_api.sync_playwright() as playwright:
        instance = launch(playwright)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture(scope="session")
def desktop(browser: Any) -> Iterator[Any]:
    """One desktop browser context for the session: pages share its cache, so each loads fast."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    local_only(context)
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone(browser: Any) -> Iterator[Any]:
    """One phone-sized browser context for the session."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    local_only(context)
    yield context
    context.close()


def _page(context: Any) -> Iterator[Any]:
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        page.close()


@pytest.fixture
def page(desktop: Any) -> Iterator[Any]:
    """A fresh desktop page (1280 × 900), offline except for 127.0.0.1."""
    yield from _page(desktop)


@pytest.fixture
def phone_page(phone: Any) -> Iterator[Any]:
    """A fresh phone page (390 × 844)."""
    yield from _page(phone)


@pytest.fixture
def watched(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page that records every failed request, HTTP error, console error and script error; requests
    to any host but 127.0.0.1 are refused and recorded too."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"request to another host: {route.request.url}")
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400 and problems.append(f"HTTP {response.status}: {response.url}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    try:
        yield page, problems
    finally:
        context.close()
