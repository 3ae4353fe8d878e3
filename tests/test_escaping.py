"""Front-matter fields are plain text in every output: pages, feeds, JSON, e-mail, the PR report,
GitHub annotations and the terminal. Each payload, if it ran, would set ``window.__xss``.

One hostile project is built once (real git history, ``statement build``), served on 127.0.0.1 and
read in headless Chromium; the e-mail (``statement notify --dry-run``) and the pull-request report
(``statement check``) are rendered in the same browser.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterator

import markdown
import pytest

from generator.escape import safe_url
from tests.browser_support.site import build_site, serve
from tests.conftest import GitRepo, statement_text, write_project

#: one browser for the whole session, whichever modules run
pytest_plugins = ["tests.browser_support.fixtures"]

PATH = "statements/privacy.md"
AS_OF = "2024-08-01"

#: Every way a field could run: a script element, an event handler, an attribute break-out, a
#: Markdown link to a script address, an HTML comment that hides the rest, a mention.
PAYLOAD = (
    '<script>window.__xss="script"</script><img src=x onerror="window.__xss=\'img\'">'
    '"><svg onload="window.__xss=\'svg\'"> [click](javascript:window.__xss=\'link\') @octocat <!-- hidden'
)
#: An ampersand too: text escaped twice would show readers "&amp;".
TITLE = "Privacy & Cookies " + PAYLOAD
#: A blank line inside a field would end the raw HTML block it stands in.
SUMMARY = "We now sell data.\n\n[read](javascript:window.__xss='blank-line') " + PAYLOAD
REVIEW = "Counsel " + PAYLOAD + "\n::error::forged annotation"

BODY_V1 = "## Sharing\n\nWe do not sell your personal information.\n\n## Contact\n\nWrite to privacy@example.test.\n"
BODY_V2 = BODY_V1.replace("We do not sell", "We may sell")


def front(**fields: Any) -> dict[str, str]:
    """Front-matter values as YAML double-quoted strings (JSON is YAML), newlines included."""
    return {key: json.dumps(value) for key, value in fields.items()}


def hostile_repo(path: Path) -> GitRepo:
    path.mkdir(parents=True, exist_ok=True)
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, """
        notify:
          outbox: outbox
          channels:
            - type: email
              name: subscribers
              host: 127.0.0.1
              port: 2525
              security: none
              sender: Privacy <privacy@example.test>
              to: [updates@example.test]
    """)
    repo.write("pages/.gitkeep", "")
    repo.commit("Site", date="2023-12-01")
    repo.commit("First version", date="2023-12-02", files={PATH: statement_text(
        effective="2024-01-01", body=BODY_V1, **front(title=TITLE, tracking=PAYLOAD))})
    repo.commit("Material change", date="2024-07-01", files={PATH: statement_text(
        effective="2024-09-01", material=True, body=BODY_V2,
        **front(title=TITLE, summary=SUMMARY, review=REVIEW, tracking=PAYLOAD))})
    return repo


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> GitRepo:
    return hostile_repo(tmp_path_factory.mktemp("hostile") / "repo")


@pytest.fixture(scope="module")
def hostile_site(hostile: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    site = build_site(hostile.path, tmp_path_factory.mktemp("hostile-site") / "site", as_of=AS_OF)
    server = serve(site)
    try:
        yield server
    finally:
        server.stop()


def inert(page: Any) -> None:
    """Nothing of the payload ran, and no link the page has goes to a script address."""
    page.wait_for_timeout(150)  # error and load handlers of broken images run after the load event
    assert page.evaluate("window.__xss") is None
    scripts = page.eval_on_selector_all(
        "a[href], link[href], area[href]",
        "els => els.map(e => e.getAttribute('href')).filter(h => /^\\s*(javascript|data|vbscript):/i.test(h))",
    )
    assert scripts == []


@pytest.fixture
def visit(page: Any) -> Any:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def go(url: str) -> Any:
        page.goto(url)
        page.wait_for_load_state("load")
        inert(page)
        assert dialogs == []
        return page

    return go


# --- pages ---------------------------------------------------------------------------------------

PAGES = ["", "privacy/", "privacy/2024-01-01/", "privacy/2024-09-01/", "privacy/2024-09-01/changes/", "privacy/history/"]


@pytest.mark.browser
@pytest.mark.parametrize("address", PAGES)
def test_no_field_runs_on_a_page(hostile_site, visit, address):
    page = visit(hostile_site.url + address)
    head_titles = page.eval_on_selector_all("link[rel=alternate]", "els => els.map(e => e.title)")
    assert f"{TITLE}: versions" in head_titles  # the feed's <link title>, as text


@pytest.mark.browser
def test_the_title_reads_as_text_in_the_tab_the_header_and_the_navigation(hostile_site, visit):
    page = visit(hostile_site.url + "privacy/2024-01-01/")
    assert page.title() == f"{TITLE} - Test Statements"
    assert page.locator(".md-header__topic").last.inner_text().strip() == TITLE
    assert TITLE in page.locator("nav.md-nav--primary").first.text_content()


@pytest.mark.browser
def test_the_title_heading_is_text_not_markdown(hostile_site, visit):
    page = visit(hostile_site.url + "privacy/2024-01-01/")
    assert page.locator("article h1").first.inner_text().removesuffix("¶") == TITLE  # ¶: the heading's own link
    assert page.locator("article a", has_text="click").count() == 0


@pytest.mark.browser
def test_the_summary_is_text_on_the_version_changes_and_history_pages(hostile_site, visit):
    for address in ("privacy/2024-09-01/", "privacy/2024-09-01/changes/", "privacy/history/"):
        page = visit(hostile_site.url + address)
        summary = page.locator(".statement-summary, td[data-label=Summary]").first.inner_text()
        assert "[read](javascript:window.__xss='blank-line')" in summary
        assert "<script>" in summary


@pytest.mark.browser
def test_the_banner_shows_the_title_as_text(hostile_site, visit):
    page = visit(hostile_site.url + "privacy/2024-01-01/")
    banner = page.locator(".statement-banner strong").inner_text()
    assert banner.startswith(f"Our {TITLE} changes")


@pytest.mark.browser
def test_the_compare_page_runs_nothing(hostile_site, visit):
    page = visit(hostile_site.url + "privacy/compare/?from=2024-01-01&to=2024-09-01")
    page.locator("[data-compare-result]").wait_for(state="visible")
    inert(page)


def test_feeds_versions_json_and_compare_data_carry_the_fields_as_data(hostile_site):
    root = Path(hostile_site.root)
    feed = ET.parse(root / "privacy" / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}title").text == f"{TITLE}: versions"
    summaries = [e.find(f"{atom}summary") for e in feed.iter(f"{atom}entry")]
    assert any(s.text == SUMMARY and s.get("type") == "text" for s in summaries)
    versions = json.loads((root / "privacy" / "versions.json").read_text(encoding="utf-8"))
    assert versions["title"] == TITLE
    assert any(v["summary"] == SUMMARY for v in versions["versions"])
    compare = json.loads((root / "privacy" / "compare" / "2024-09-01.json").read_text(encoding="utf-8"))
    assert compare["title"] == TITLE


# --- e-mail --------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_email_renders_the_summary_as_text(hostile, page, tmp_path):
    outbox = tmp_path / "outbox"
    result = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "notify", "--dry-run", "--as-of", AS_OF, "--outbox", str(outbox)],
        cwd=hostile.path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    [eml] = sorted(outbox.rglob("*.eml"))
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    html = message.get_body(("html",)).get_content()
    assert "<script>" not in html and "<img" not in html
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.set_content(html)
    inert(page)
    assert "[read](javascript:window.__xss='blank-line')" in page.inner_text("body")


# --- the pull-request report, annotations and the terminal ---------------------------------------------


def check(repo: GitRepo, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "check", "--as-of", "2024-06-01",
         "--base", "HEAD~1", "--head", "HEAD", *args],
        cwd=repo.path, capture_output=True, text=True, env={**os.environ, "GITHUB_STEP_SUMMARY": ""},
    )


@pytest.fixture(scope="module")
def report(hostile: GitRepo, tmp_path_factory: pytest.TempPathFactory) -> str:
    target = tmp_path_factory.mktemp("report") / "report.md"
    check(hostile, "--report", str(target))
    return target.read_text(encoding="utf-8")


def test_the_report_has_no_raw_html_comment_or_mention_from_a_field(report):
    head, _, _redline = report.partition("<details>")
    assert head.startswith("<!-- statement-check -->\n")
    body = head.removeprefix("<!-- statement-check -->\n")
    assert "<!--" not in body and "<script" not in body and "<img" not in body and "<svg" not in body
    assert "@octocat" not in body and "@\u200boctocat" in body
    assert "](javascript:" not in body and "](" not in body.partition("### ")[2]


@pytest.mark.browser
def test_the_report_renders_without_running_anything(report, page):
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.set_content(markdown.markdown(report, extensions=["tables"]))
    inert(page)
    text = page.inner_text("body")
    assert "Counsel <script>" in text


@pytest.fixture
def reviewed(tmp_path: Path) -> GitRepo:
    """An undeclared material change let through by a review whose text is hostile: it is printed."""
    repo = GitRepo(tmp_path)
    repo.git("init", "-q", "-b", "main")
    write_project(tmp_path)
    repo.commit("First version", date="2023-12-02", files={PATH: statement_text(effective="2024-01-01", body=BODY_V1)})
    repo.commit("Reviewed change", date="2024-05-01", files={PATH: statement_text(
        effective="2024-08-01", body=BODY_V2, **front(title="Privacy\x1b]0;owned\x07\x1b[2J Statement"),
        **front(review="Counsel\x1b]0;owned\x07\x1b[2J\n::error::forged annotation\r\n::add-mask::x %0A"))})
    return repo


def test_annotations_keep_each_field_inside_its_own_command(reviewed):
    result = check(reviewed, "--format", "github")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::notice"]
    assert "Counsel%0A::error::forged annotation%0A::add-mask::x %250A" in lines[0]  # front-matter reads CRLF as LF


def test_terminal_output_has_no_control_sequences_and_no_field_starts_a_line(reviewed):
    result = check(reviewed)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "reviewed: Counsel ::error::forged annotation ::add-mask::x %0A" in result.stdout
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_the_diff_header_shows_the_title_without_control_sequences(reviewed):
    result = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "diff", "privacy", "2024-01-01", "2024-08-01"],
        cwd=reviewed.path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Privacy Statement: 2024-01-01 → 2024-08-01\n")
    assert "\x1b" not in result.stdout


# --- links ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("address", [
    "https://statements.test/privacy/", "http://127.0.0.1:8000/", "mailto:privacy@example.test",
    "/privacy/2024-01-01/", "../history/", "2024-01-01/changes/", "?from=a&to=b", "#findings",
])
def test_links_may_be_http_mailto_or_relative(address):
    assert safe_url(address) == address


@pytest.mark.parametrize("address", [
    "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "data:text/html,<script>", "vbscript:msgbox", "file:///etc/passwd", "ftp://example.test/",
])
def test_every_other_address_becomes_a_link_to_nowhere(address):
    assert safe_url(address) == "#"
