"""Reusing a generated page's converted HTML from the cache, where MkDocs allows it.

Archived versions' pages do not change from one build to the next, yet MkDocs converts every
page's Markdown on every build. The plugin therefore keeps what a page's conversion produced —
the HTML, its table of contents, the anchors it defines and the anchors it links to — keyed by the
Markdown exactly as it would be converted (after every plugin's ``on_page_markdown``), the page's
address, the Markdown extensions and their options, and the versions of MkDocs, Python-Markdown,
pymdown-extensions, Pygments and the generator. On a hit, the page is converted from nothing (a
fraction of a millisecond) and the kept HTML is put in its place before any other plugin sees it.

MkDocs allows it only where a conversion depends on nothing else:

* every configured extension must be one known to read nothing but the Markdown and its options
  (:data:`PURE_EXTENSIONS`); otherwise no page HTML is kept (redlines and verdicts still are);
* a page whose Markdown has any link or image with a relative or site-absolute address is never
  kept: MkDocs resolves those against the site's files and may warn about them, so they are
  converted every time (a statement with only absolute links and in-page anchors is kept; the
  addresses in raw HTML, such as the generator's own headers, MkDocs never touches).

MkDocs' anchor validation works the same on a hit: the kept anchors and links to anchors are
restored on the page.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any, Mapping

from mkdocs.structure.toc import get_toc

from .cache import Store, config_digest, digest, generator_digest

__all__ = ["PURE_EXTENSIONS", "page_salt", "Rendered", "PageCache"]

#: Extensions whose output depends only on the Markdown and their options.
PURE_EXTENSIONS = frozenset(
    {
        "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
        "legacy_attrs", "legacy_em", "md_in_html", "nl2br", "sane_lists", "smarty", "tables", "toc",
        "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
        "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.extra", "pymdownx.fancylists", "pymdownx.highlight",
        "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.progressbar",
        "pymdownx.saneheaders", "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed",
        "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.blocks.admonition", "pymdownx.blocks.details",
        "pymdownx.blocks.tab", "pymdownx.blocks.caption", "pymdownx.blocks.definition", "pymdownx.blocks.html",
    }
)

_DISTRIBUTIONS = ("mkdocs", "Markdown", "pymdown-extensions", "Pygments")

# Link targets in Markdown: [text](target), ![alt](target), [label]: target. Raw HTML is not
# looked at: MkDocs leaves its addresses alone.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)(?=>|\s|$)", re.M)
# An in-page anchor, or an address with a scheme (https:, mailto:) or a host (//): MkDocs leaves
# these as they are; anything else it resolves against the site's files.
_OUTSIDE = re.compile(r"^(?:#|[A-Za-z][A-Za-z0-9+.-]*:|//)")


def _short(name: str) -> str:
    return name.removeprefix("markdown.extensions.")


@functools.lru_cache(maxsize=1)
def _versions() -> tuple[str, ...]:
    from importlib import metadata

    found = []
    for name in _DISTRIBUTIONS:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} absent")
    return tuple(found)


def page_salt(config: Any) -> str | None:
    """The part of every page key that comes from the configuration; None when pages cannot be kept."""
    extensions = list(config.markdown_extensions)
    if not all(isinstance(ext, str) and _short(ext) in PURE_EXTENSIONS for ext in extensions):
        return None
    return digest(
        generator_digest(),
        config_digest([_short(ext) for ext in extensions], dict(config.mdx_configs), bool(config.use_directory_urls)),
        *_versions(),
    )


def _portable(markdown: str) -> bool:
    """True when every link and image of ``markdown`` is one MkDocs leaves as it is, without a word."""
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(markdown):
            if not _OUTSIDE.match(match.group(1)):
                return False
    return True


def _toc_tokens(items: Any) -> list[dict[str, Any]]:
    return [{"name": item.title, "id": item.id, "level": item.level, "children": _toc_tokens(item.children)} for item in items]


@dataclass(frozen=True)
class Rendered:
    """What converting a page's Markdown produced, as MkDocs keeps it on the page."""

    html: str
    #: the table of contents as MkDocs' toc tokens (name, id, level, children)
    toc: tuple[Mapping[str, Any], ...]
    #: ids the page defines (MkDocs validates links to them)
    anchors: tuple[str, ...]
    #: in-page anchors the page links to: its own source path -> {anchor: original link}
    links: Mapping[str, Mapping[str, str]]

    @classmethod
    def of(cls, page: Any, html: str) -> Rendered | None:
        """What ``page`` holds after conversion, or None when it cannot be kept."""
        if page.links_to_anchors is None:  # MkDocs is debugging
            return None
        links = {file.src_uri: dict(anchors) for file, anchors in page.links_to_anchors.items()}
        if any(uri != page.file.src_uri for uri in links):  # only in-page anchors are portable
            return None
        return cls(html, tuple(_toc_tokens(page.toc)), tuple(sorted(page.present_anchor_ids or ())), links)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {"html": self.html, "toc": list(self.toc), "anchors": list(self.anchors), "links": self.links}

    @classmethod
    def from_data(cls, data: Any) -> Rendered:
        """The value of :meth:`to_data`'s form."""
        html, toc, anchors, links = data["html"], data["toc"], data["anchors"], data["links"]
        if not isinstance(html, str) or not isinstance(toc, list) or not isinstance(anchors, list):
            raise ValueError("not a rendered page")
        if not isinstance(links, dict):
            raise ValueError("not a rendered page")
        get_toc(toc)  # a malformed table of contents fails here, not later in a template
        return cls(html, tuple(toc), tuple(anchors), links)

    def restore(self, page: Any, files: Any) -> str:
        """Put the kept conversion on ``page`` as MkDocs' own ``render`` would; its HTML."""
        page.toc = get_toc(list(self.toc))
        page.present_anchor_ids = set(self.anchors)
        # MkDocs records links to anchors only when not debugging (Page.render does the same).
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {page.file: dict(anchors) for anchors in self.links.values()}
        return self.html


class PageCache:
    """Kept conversions of the plugin's own pages, for one build."""

    KIND = "page"

    def __init__(self, store: Store, salt: str | None) -> None:
        self.store = store
        self.salt = salt if store.enabled else None
        self._keys: dict[str, str] = {}
        self._found: dict[str, Rendered] = {}
        #: source paths of the pages whose conversion was reused, and of those converted (and kept)
        self.reused: list[str] = []
        self.converted: list[str] = []

    def lookup(self, page: Any, markdown: str) -> str:
        """The Markdown to convert: nothing when the page's conversion is kept, else ``markdown``."""
        if self.salt is None or not _portable(markdown):
            return markdown
        key = digest(self.salt, page.file.src_uri, markdown)
        data = self.store.get(self.KIND, key)
        if data is not None:
            try:
                self._found[page.file.src_uri] = Rendered.from_data(data)
                return ""
            except Exception:  # noqa: BLE001 - a damaged entry is converted afresh
                pass
        self._keys[page.file.src_uri] = key
        return markdown

    def content(self, page: Any, html: str, files: Any) -> str:
        """The page's HTML: the kept one on a hit (restored on the page), else ``html``, kept for next time."""
        src = page.file.src_uri
        found = self._found.pop(src, None)
        if found is not None:
            self.store.counts[(self.KIND, "reused")] += 1
            self.reused.append(src)
            return found.restore(page, files)
        key = self._keys.pop(src, None)
        if key is not None:
            self.store.counts[(self.KIND, "computed")] += 1
            self.converted.append(src)
            rendered = Rendered.of(page, html)
            if rendered is not None:
                self.store.put(self.KIND, key, rendered.to_data())
        return html
