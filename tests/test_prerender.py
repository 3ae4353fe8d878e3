"""A version's page is put together from the chunks its redlines rendered, exactly as MkDocs converts it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.plugin import StatementsPlugin
from generator.rendered import prerendered
from tests.conftest import CORPUS, run, statement_text
from tests.test_cache import build_in_process, files_of

PATH = "statements/privacy.md"
PAGE = "privacy/2024-01-01/index.md"

TEXT = """\
# Privacy Statement

<!-- statements-fragment:0 -->

We collect **little**, see [sharing](#sharing) and [who we are](../../about.md#team).

## Overview

| Data | Why |
| --- | --- |
| e-mail | [contact](https://example.com/contact) |

!!! note "Retention"
    We keep it for `30` days.

### Overview

- one, with [our page](/articles/privacy/)
- two, with ![a logo](https://example.com/logo.png)
- three, [write to us](mailto:privacy@example.com)

## Sharing

We share *nothing* with [anyone](../../about.md), nor [a missing page](missing.md).

<!-- statements-fragment:1 -->
"""


@pytest.fixture
def site(in_repo):
    """A site with a page of its own (``about.md``), so that links between pages resolve."""
    in_repo.write("pages/about.md", "# About\n\n## Team\n\nUs.\n")
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## Overview\n\nWe collect little.\n")}, date="2023-12-01")
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, get_files

    config = load_config(str(in_repo.path / "mkdocs.yml"))
    config.plugins._current_plugin = None  # (MkDocs sets it while a plugin's hook runs)
    files = get_files(config)
    files.append(File.generated(config, "privacy/index.md", content="# In force\n"))
    return config, files


def converted(markdown: str, config, files) -> tuple[object, list[str]]:
    """The page after MkDocs' own conversion, and what MkDocs logged while converting it."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    file = File.generated(config, PAGE, content=markdown)
    page = Page(None, file, config)
    page.read_source(config)
    with _logged() as messages:
        page.render(config, files)
    return page, messages


def toc_of(items) -> list[dict]:
    """A page's table of contents as data: each entry's title, id, level and children."""
    return [{"name": i.title, "id": i.id, "level": i.level, "children": toc_of(i.children)} for i in items]


class _logged:
    """The messages MkDocs' page module logs inside the block."""

    def __enter__(self) -> list[str]:
        self.messages: list[str] = []
        self.handler = logging.Handler(logging.DEBUG)
        self.handler.emit = lambda record: self.messages.append(f"{record.levelname}: {record.getMessage()}")  # type: ignore[method-assign]
        self.logger = logging.getLogger("mkdocs.structure.pages")
        self.logger.addHandler(self.handler)
        return self.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)


def test_a_page_put_together_equals_mkdocs_conversion_html_toc_anchors_and_links(site):
    config, files = site
    page, mkdocs_logged = converted(TEXT, config, files)
    with _logged() as our_logged:
        made = prerendered(TEXT, page.file, files, config)
    assert made is not None
    assert made.rendered.html == page.content
    assert list(made.rendered.toc) == toc_of(page.toc)
    assert set(made.rendered.anchors) == page.present_anchor_ids
    assert made.links_to_anchors == page.links_to_anchors
    assert list(made.links_to_anchors[page.file]) == list(page.links_to_anchors[page.file])  # in document order
    assert our_logged == mkdocs_logged  # the same notes on the absolute link and the missing page
    assert 'href="../../about/#team"' in made.rendered.html  # links to pages are rewritten as MkDocs does


def test_a_page_linking_to_another_pages_anchor_is_not_kept_in_the_cache(site):
    config, files = site
    page, _ = converted(TEXT, config, files)
    made = prerendered(TEXT, page.file, files, config)
    assert made is not None and not made.keepable(page.file)
    own = TEXT.replace("(../../about.md#team)", "(#overview)")
    assert prerendered(own, page.file, files, config).keepable(page.file)


@pytest.mark.parametrize(
    "text",
    [
        TEXT + "\n<div id=\"extra\">raw HTML</div>\n",  # raw HTML: MkDocs reads ids from it
        TEXT + "\n```\nfenced code\n```\n",  # fenced code is kept out of the tree MkDocs reads
        TEXT + "\nSee [the form](https://example.com/?a=1&b=2).\n",  # an escaped '&' cannot be read back for sure
        TEXT + "\n[^1]: a footnote\n",  # not cut into chunks
    ],
    ids=["raw-html", "fenced-code", "ampersand-in-link", "footnote"],
)
def test_pages_it_cannot_read_exactly_are_left_to_mkdocs(site, text):
    config, files = site
    page, _ = converted(text, config, files)
    assert prerendered(text, page.file, files, config) is None


def test_a_build_puts_version_pages_together_and_converts_the_others(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## Overview\n\nWe collect little.\n")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="## Overview\n\nWe collect more.\n")}, date="2024-05-01")
    plugin = build_in_process(in_repo.path)
    assert {"privacy/index.md", "privacy/2024-01-01/index.md", "privacy/2024-06-01/index.md"} <= set(plugin.converted.prerendered)
    assert "privacy/history/index.md" not in plugin.converted.prerendered  # raw HTML: converted by MkDocs


def test_a_site_is_byte_identical_with_pages_put_together_or_converted(in_repo, tmp_path, monkeypatch):
    in_repo.write("pages/about.md", "# About\n\n## Team\n\nUs.\n")
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=TEXT.split("\n", 4)[4])}, date="2023-12-01")
    corrected = TEXT.split("\n", 4)[4].replace("*nothing*", "*nothing at all*")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body=corrected)}, date="2024-05-01")
    sites = []
    for name, prerender in (("converted", False), ("together", True)):
        monkeypatch.setattr(StatementsPlugin, "prerender", prerender)
        result = run("build", "--as-of", "2024-12-01", "--no-cache", "-d", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        sites.append(files_of(tmp_path / name))
    assert sites[0] == sites[1]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_the_corpus_is_byte_identical_with_pages_put_together_or_converted(tmp_path, monkeypatch):
    from tests.test_corpus_history import replay

    folder = tmp_path / "site-policy"
    replay(folder)
    (folder / "pages").mkdir()
    (folder / "mkdocs.yml").write_text(
        "site_name: Terms\ndocs_dir: pages\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - statements:\n      statements_dir: Policies/github-terms\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - tables\n  - attr_list\n  - md_in_html\n  - admonition\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    sites = []
    for name, prerender in (("converted", False), ("together", True)):
        monkeypatch.setattr(StatementsPlugin, "prerender", prerender)
        result = run("build", "--as-of", "2026-11-29", "--no-cache", "-d", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        sites.append(files_of(tmp_path / name))
    assert sites[0] == sites[1]


def test_the_example_is_byte_identical_with_pages_put_together_or_converted(tmp_path, monkeypatch):
    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    sites = []
    for name, prerender in (("converted", False), ("together", True)):
        monkeypatch.setattr(StatementsPlugin, "prerender", prerender)
        result = run("build", "--as-of", "2026-12-01", "--no-cache", "--committed-only", "-d", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        sites.append(files_of(tmp_path / name))
    assert sites[0] == sites[1]
