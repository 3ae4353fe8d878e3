"""The lint panel: on ``statement serve``'s preview of the newest version, never on a built site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import built_page, run, statement_text
from tests.test_lint import FULL_GDPR

WITHOUT_PORTABILITY = FULL_GDPR.replace("to data portability, ", "")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(in_repo):
    """``statement serve`` on a free loopback port, for a draft that fails one check."""
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=FULL_GDPR)}, date="2026-02-01")
    in_repo.write("statements/privacy.md", statement_text(effective="2026-09-01", body=WITHOUT_PORTABILITY.replace("March 1", "September 1")))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}", "--as-of", "2026-06-01"],
        cwd=in_repo.path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ),
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "privacy/2026-09-01/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        else:
            pytest.fail("statement serve did not answer within 60 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_preview_shows_the_drafts_lint_with_failures_first_and_evidence_linked(served):
    page = httpx.get(served + "privacy/2026-09-01/").text

    start = page.index("data-statement-lint")
    panel = page[start: page.index("</aside>", start)]
    assert "(preview only; not on the published site)" in panel
    first = panel.index('data-check="gdpr.right-portability" data-status="fail"')
    assert first < panel.index('data-status="pass"')
    assert '<a href="#retention">Retention</a>: “We keep order records for six years.”' in panel


def test_the_preview_of_an_older_version_has_no_panel(served):
    page = httpx.get(served + "privacy/2026-03-01/").text

    assert "data-statement-lint" not in page


def test_a_built_site_never_shows_the_lint_panel(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=WITHOUT_PORTABILITY)}, date="2026-02-01")

    result = run("build", "--as-of", "2026-06-01", "--quiet")

    assert result.exit_code == 0, result.output
    assert "data-statement-lint" not in built_page(in_repo.path / "site", "privacy/2026-03-01")
    assert "data-statement-lint" not in built_page(in_repo.path / "site", "privacy")


def test_the_panel_follows_an_edit_of_the_draft(served, in_repo):
    in_repo.write("statements/privacy.md", statement_text(effective="2026-09-01", body=FULL_GDPR.replace("March 1", "September 1")))

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = httpx.get(served + "privacy/2026-09-01/").text
        if 'data-check="gdpr.right-portability" data-status="pass"' in page:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the preview did not rebuild the lint panel after the edit")
    assert 'data-check="gdpr.right-portability" data-status="fail"' not in page
