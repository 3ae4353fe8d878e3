"""Material's search is spared the pages it has nothing to do with, and the site stays the same."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator import search
from tests.test_cache import files_of
from tests.test_languages_site import make_repo


@pytest.fixture
def handler(tmp_path):
    """Material's search plugin, loaded from a real mkdocs.yml, and its page-context handler as MkDocs will call it."""
    # (the index's own method is replaced by a recorder: it shows whether the handler ran at all)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: S\ntheme: material\nplugins:\n  - search\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["material/search"]
    plugin.on_config(config)
    seen: list[str] = []
    plugin.search_index.add_entry_from_context = lambda page: seen.append(page.url)
    events, origins = config.plugins.events, config.plugins._event_origins
    search.skip_excluded_pages(events, origins)
    search.skip_excluded_pages(events, origins)  # a second call (mkdocs serve reloads) wraps nothing twice
    (wrapped,) = [h for h in events["page_context"] if getattr(h, "_skips_excluded", False)]
    assert origins[wrapped] == origins.get(plugin.on_page_context, "search")

    def call(meta: dict, content: str) -> tuple[list[str], str]:
        page = SimpleNamespace(meta=meta, content=content, url="page/")
        wrapped({}, page=page, config=config, nav=None)
        return seen, page.content

    return call


def test_a_page_excluded_from_search_without_search_attributes_is_left_alone(handler):
    assert handler({"search": {"exclude": True}}, '<p class="x">text</p>') == ([], '<p class="x">text</p>')


def test_an_excluded_page_with_search_attributes_is_still_handed_to_search_which_removes_them(handler):
    seen, content = handler({"search": {"exclude": True}}, '<p data-search-exclude="x">text</p>')
    assert (seen, content) == (["page/"], "<p>text</p>")


def test_a_page_that_is_searched_is_still_indexed(handler):
    seen, _ = handler({}, "<h1>Title</h1><p>text</p>")
    assert seen == ["page/"]


def test_a_site_is_byte_identical_with_and_without_sparing_the_search(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo", "[en, de]")
    monkeypatch.chdir(repo.path)
    # (an in-process `statement build --no-cache` of an earlier test leaves its override behind)
    monkeypatch.setattr("generator.plugin.RUNTIME_OVERRIDES", {})
    sites, counts = {}, {}
    # spared: a first build (search entries computed and kept); kept: they are read back; plain: Material alone
    for name in ("spared", "kept", "plain"):
        if name == "plain":
            monkeypatch.setattr(search, "skip_excluded_pages", lambda events, origins, kept=None: None)
        config = load_config("mkdocs.yml", site_dir=str(tmp_path / name))
        config.plugins["statements"].config["as_of"] = dt.date(2024, 12, 1)
        mkdocs_build(config)
        sites[name] = files_of(tmp_path / name)
        counts[name] = config.plugins["statements"].store.counts
    assert sites["spared"] == sites["kept"] == sites["plain"]
    assert any(path.endswith("changes/index.html") for path in sites["spared"])
    assert counts["spared"][("search", "computed")] > 0 and not counts["spared"][("search", "reused")]
    assert counts["kept"][("search", "reused")] == counts["spared"][("search", "computed")]
    assert not counts["kept"][("search", "computed")]


def test_kept_search_entries_are_keyed_by_the_pages_html_and_what_material_reads_of_the_page(tmp_path):
    from generator.cache import Store

    kept = search.KeptEntries(lambda: Store(tmp_path / "cache"))
    toc = [SimpleNamespace(title="Overview", id="overview", level=2, children=[])]
    page = SimpleNamespace(meta={"title": "T"}, content="<h2 id=overview>Overview</h2>", url="p/", title="T", toc=toc)
    key = kept.key(page, None)
    variants = [
        {"content": "<h2 id=overview>Overview!</h2>"}, {"url": "q/"}, {"title": "U"}, {"meta": {"title": "U"}},
        {"meta": {"title": "T", "search": {"boost": 2}}}, {"meta": {"title": "T", "tags": ["a"]}},
        {"toc": [SimpleNamespace(title="Overview", id="other", level=2, children=[])]},
    ]
    for change in variants:
        assert kept.key(SimpleNamespace(**{**vars(page), **change}), None) != key, change
    assert kept.key(page, SimpleNamespace(jieba=object())) != key  # Chinese text is segmented with jieba
    assert search.KeptEntries(lambda: Store(None)).key(page, None) is None  # no cache, no key
