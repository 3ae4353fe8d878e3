"""Headless Chromium from the system (never downloaded), kept to 127.0.0.1."""

from __future__ import annotations

import os
from typing import Any

CHROMIUM = os.environ.get("STATEMENTS_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # No name resolves except 127.0.0.1: nothing can leave the machine, whatever a page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def launch(playwright: Any) -> Any:
    """Launch the system Chromium headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def local_only(target: Any) -> None:
    """Abort every request of a page or context that does not go to 127.0.0.1: the site must work offline."""

    def route(route: Any) -> None:
        if route.request.url.endswith("/search/search_index.json"):
            route.abort()  # building the search index is the busiest thing a page does, and no test searches
        elif route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    target.route("**/*", route)
