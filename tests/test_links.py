"""Relative links in a statement reach the same place from every page that shows its text."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.conftest import GitRepo, run, statement_text, write_project

BODY = """\
## Security

Read [how we protect data](../security/) and [our processors](processors.md#list), and the
[cookie statement](cookies.md).

## Contact

Write to [us](mailto:privacy@example.test) or see [the top](#security). {change}
"""

LINKS = {"how we protect data": "security/index.html", "our processors": "processors/index.html", "cookie statement": "cookies/index.html"}


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The file a browser would fetch for ``href`` on the page at ``page_url`` (a path from the site root)."""
    path = unquote(urlparse(urljoin("http://site.test/" + page_url, href)).path).lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


@pytest.fixture(params=[True, False], ids=["directory-urls", "html-urls"])
def built(request, repo: GitRepo, monkeypatch: pytest.MonkeyPatch):
    directory_urls = request.param
    config = write_project(repo.path)
    if not directory_urls:
        config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    repo.write("pages/security/index.md", "# Security\n")
    repo.write("pages/processors.md", "# Processors\n\n## List\n")
    repo.commit("Cookies", date="2024-01-01", files={"statements/cookies.md": statement_text(title="Cookies", effective="2024-01-01")})
    repo.commit("v1", date="2024-01-01", files={"statements/privacy.md": statement_text(effective="2024-01-01", body=BODY.format(change="First."))})
    repo.commit("v2", date="2024-06-01", files={"statements/privacy.md": statement_text(effective="2024-07-01", body=BODY.format(change="Second."))})
    monkeypatch.chdir(repo.path)
    result = run("build", "--strict", "--as-of", "2024-08-01")
    assert result.exit_code == 0, result.output
    return repo.path / "site", directory_urls


def pages(directory_urls: bool) -> list[str]:
    suffix = "" if directory_urls else "index.html"
    return [f"privacy/{suffix}", f"privacy/2024-01-01/{suffix}", f"privacy/2024-07-01/{suffix}", f"privacy/2024-07-01/changes/{suffix}"]


def test_every_page_with_the_statements_text_links_to_the_sibling_documents(built):
    site, directory_urls = built
    for page in pages(directory_urls):
        html = (site / (page if page.endswith(".html") else page + "index.html")).read_text(encoding="utf-8")
        for text, expected in LINKS.items():
            hrefs = re.findall(r'<a href="([^"]+)"[^>]*>(?:<[^>]+>)*' + re.escape(text), html)
            assert hrefs, f"{page}: no link '{text}'"
            for href in hrefs:
                target = resolve(site, page, href)
                assert target.is_file(), f"{page}: '{text}' → {href} → {target.relative_to(site)} is missing"
                if expected.startswith("processors"):
                    assert href.endswith("#list")


def test_links_that_leave_the_site_or_stay_on_the_page_are_kept(built):
    site, directory_urls = built
    for page in pages(directory_urls):
        html = (site / (page if page.endswith(".html") else page + "index.html")).read_text(encoding="utf-8")
        assert 'href="mailto:privacy@example.test"' in html
        assert 'href="#security"' in html
