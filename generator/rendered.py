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

A page that is not kept yet need not be converted either (:func:`prerendered`): cutting the
statement's texts into blocks for the redlines rendered them already, chunk by chunk, with the
same extensions (:func:`generator.render.render_page`), so a version's page is put together from
those chunks, and what MkDocs would have recorded while converting it (table of contents, anchors,
links to anchors) is read from that HTML. This is done only where the reading is exact: a page
whose Markdown has no HTML of its own but comment lines (the generator's placeholders), no fenced
code (whose HTML Python-Markdown keeps out of the tree MkDocs looks at) and no link MkDocs
resolves; every other page is converted by MkDocs as usual.
"""

from __future__ import annotations

import functools
import html as htmlmod
import json
import logging
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from mkdocs.structure.toc import get_toc

from .cache import Store, config_digest, digest, generator_digest

__all__ = ["PURE_EXTENSIONS", "page_salt", "pure_extensions", "prerendered", "Rendered", "PageCache", "convert_nothing"]

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


def pure_extensions(config: Any) -> bool:
    """True when every Markdown extension of the site reads nothing but the Markdown and its options."""
    return all(isinstance(ext, str) and _short(ext) in PURE_EXTENSIONS for ext in config.markdown_extensions)


def page_salt(config: Any) -> str | None:
    """The part of every page key that comes from the configuration; None when pages cannot be kept."""
    extensions = list(config.markdown_extensions)
    if not pure_extensions(config):
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


# What keeps a page from being put together from rendered chunks (see the module's docstring):
# HTML of its own, other than comment lines standing alone, and fenced code.
_COMMENT_LINE = re.compile(r"^<!--(?:(?!-->).)*-->[ \t]*$", re.M)
# Comments, and start tags of Python-Markdown's own output: attribute values are always quoted
# with '"' and have '<', '>' and '"' escaped, so the pattern can neither stop short nor run over.
_COMMENT_OR_START_TAG = re.compile(r"<!--.*?-->|<([a-zA-Z][\w:-]*)(\s[^>]*)?>", re.S)
_ATTRIBUTE = re.compile(r'\s([^\s="]+)="([^"]*)"')


@dataclass(frozen=True)
class Prerendered:
    """A page put together without converting it: what MkDocs' conversion would have left on it."""

    #: the HTML, table of contents and anchors (``links`` holds in-page anchors only)
    rendered: Rendered
    #: MkDocs' ``links_to_anchors``: linked pages (``File``) -> {anchor: link as written}
    links_to_anchors: Mapping[Any, Mapping[str, str]]

    def keepable(self, file: Any) -> bool:
        """True when the page links to anchors of its own only, so the cache may keep it."""
        return all(target == file for target in self.links_to_anchors)


def prerendered(markdown: str, file: Any, files: Any, config: Any) -> Prerendered | None:
    """What MkDocs' conversion of the page of ``file`` would give, without converting it; None where not exact.

    The HTML is :func:`generator.render.render_page`'s. MkDocs, while it converts, passes every
    link and image address through its ``_RelativePathTreeprocessor`` (which rewrites links to
    pages, warns about missing ones and records links to anchors) and records every ``id`` in the
    document tree and in the page's raw HTML (there is none here); the same processor is run on
    the same addresses, in document order, read off the HTML's start tags, and the ids with them.
    An attribute with an ``&`` (whose escaping Python-Markdown does not always undo) gives None:
    MkDocs then converts the page.
    """
    if "```" in markdown or "~~~" in markdown:
        return None
    if "<" in markdown and "<" in _COMMENT_LINE.sub("", markdown):
        return None
    try:
        from markdown.serializers import _escape_attrib_html
        from mkdocs.structure.pages import _RelativePathTreeprocessor
    except ImportError:  # another MkDocs or Python-Markdown than the ones this was written for
        return None
    from .render import render_page

    made = render_page(markdown, extensions=list(config.markdown_extensions), extension_configs=dict(config.mdx_configs or {}))
    if made is None:
        return None
    html, toc = made
    links = _RelativePathTreeprocessor(file, files, config)
    anchors: set[str] = set()
    parts: list[str] = []
    pos = 0
    for tag in _COMMENT_OR_START_TAG.finditer(html):
        name = tag.group(1)
        if name is None:  # a comment
            continue
        attributes = tag.group(2)
        if not attributes:
            continue
        found = dict(_ATTRIBUTE.findall(attributes))
        if "&" in attributes and any("&" in found.get(key, "") for key in ("id", "name", "href", "src")):
            return None
        if "id" in found:
            anchors.add(found["id"])
        name = name.lower()
        if name == "a":
            if "name" in found:
                anchors.add(found["name"])
            key = "href"
        elif name == "img":
            key = "src"
        else:
            continue
        url = found.get(key)
        if url is None:
            return None  # MkDocs would fail on it
        new_url = links.path_to_url(url)
        if new_url != url:
            start = tag.start(2)
            old = f' {key}="{found[key]}"'
            at = attributes.find(old)
            if at < 0:
                return None
            parts.append(html[pos:start + at])
            parts.append(f' {key}="{_escape_attrib_html(new_url)}"')
            pos = start + at + len(old)
    if parts:
        parts.append(html[pos:])
        html = "".join(parts)
    own = {anchor: link for target, kept in links.links_to_anchors.items() if target == file for anchor, link in kept.items()}
    rendered = Rendered(html, tuple(_toc_from_tokens(toc)), tuple(sorted(anchors)), {file.src_uri: own} if own else {})
    return Prerendered(rendered, links.links_to_anchors)


def convert_nothing(page: Any) -> None:
    """Let MkDocs' conversion of ``page``, whose Markdown is now empty, be done without a Markdown instance.

    MkDocs makes a Markdown instance with every extension for each page (about a millisecond with
    the example's extensions) before it converts the page's Markdown; for a page whose HTML comes
    from the cache or from rendered chunks there is nothing to convert. The page's ``render`` is
    replaced, for this one call, by what converting empty Markdown leaves on the page.
    """
    page.render = functools.partial(_render_nothing, page)


def _render_nothing(page: Any, config: Any, files: Any) -> None:
    # What mkdocs.structure.pages.Page.render sets after converting "" (Python-Markdown returns ""
    # for blank text before any processor runs).
    del page.render  # the class's own from now on
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def _toc_from_tokens(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"name": token["name"], "id": token["id"], "level": token["level"], "children": _toc_from_tokens(token["children"])}
        for token in tokens
    ]


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

    def to_data(self) -> str:
        """A text entry for the cache: a line of JSON (toc, anchors, links), then the HTML as it is.

        (As a JSON string every quote of the HTML was escaped on the way in and unescaped on the
        way out, which a no-change rebuild paid for every page.)
        """
        head = json.dumps({"toc": list(self.toc), "anchors": list(self.anchors), "links": self.links}, ensure_ascii=False, separators=(",", ":"))
        return head + "\n" + self.html

    @classmethod
    def from_data(cls, data: Any) -> Rendered:
        """The value of :meth:`to_data`'s form."""
        if not isinstance(data, str):
            raise ValueError("not a rendered page")
        head, newline, html = data.partition("\n")
        if not newline:
            raise ValueError("not a rendered page")
        meta = json.loads(head)
        toc, anchors, links = meta["toc"], meta["anchors"], meta["links"]
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
    """Kept conversions of the plugin's own pages, for one build.

    ``prerender(markdown, page, files)`` (:func:`prerendered` for the site's configuration) makes
    a page that is not kept without converting it; such a page counts as converted, and is kept
    where a converted one would be.
    """

    KIND = "page"

    def __init__(self, store: Store, salt: str | None, prerender: Callable[[str, Any, Any], Prerendered | None] | None = None) -> None:
        self.store = store
        self.salt = salt if store.enabled else None
        self.prerender = prerender
        self._keys: dict[str, str] = {}
        self._found: dict[str, Rendered] = {}
        self._made: dict[str, Prerendered] = {}
        #: source paths of the pages whose conversion was reused, and of those converted (and kept)
        self.reused: list[str] = []
        self.converted: list[str] = []
        #: source paths of the converted pages that were put together rather than converted by MkDocs
        self.prerendered: list[str] = []

    def lookup(self, page: Any, markdown: str, files: Any = None) -> str:
        """The Markdown to convert: nothing when the page's conversion is kept or made, else ``markdown``."""
        src = page.file.src_uri
        if self.salt is not None and _portable(markdown):
            key = digest(self.salt, src, markdown)
            data = self.store.get(self.KIND, key)
            if data is not None:
                try:
                    self._found[src] = Rendered.from_data(data)
                    return ""
                except Exception:  # noqa: BLE001 - a damaged entry is converted afresh
                    pass
            self._keys[src] = key
        made = self.prerender(markdown, page, files) if self.prerender is not None else None
        if made is not None:
            self._made[src] = made
            return ""
        return markdown

    def content(self, page: Any, html: str, files: Any) -> str:
        """The page's HTML: the kept or made one (restored on the page), else ``html``, kept for next time."""
        src = page.file.src_uri
        found = self._found.pop(src, None)
        if found is not None:
            self.store.counts[(self.KIND, "reused")] += 1
            self.reused.append(src)
            return found.restore(page, files)
        made = self._made.pop(src, None)
        if made is not None:
            html = made.rendered.restore(page, files)
            if page.links_to_anchors is not None:  # (recorded, as MkDocs does, only when not debugging)
                page.links_to_anchors = {target: dict(kept) for target, kept in made.links_to_anchors.items()}
            self.prerendered.append(src)
        key = self._keys.pop(src, None)
        if key is not None:
            self.store.counts[(self.KIND, "computed")] += 1
            self.converted.append(src)
            rendered = (made.rendered if made.keepable(page.file) else None) if made else Rendered.of(page, html)
            if rendered is not None:
                self.store.put(self.KIND, key, rendered.to_data())
        return html
