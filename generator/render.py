"""Markdown → HTML with the site's extensions; HTML → blocks with section paths.

The diff engine compares documents block by block: a heading, a paragraph, a list item, a table
row, a block quote, a code block. :func:`blocks_from_markdown` renders a statement's body with the
same Python-Markdown extensions as the site (so heading ids match the anchors of the version pages)
and cuts the HTML into :class:`Block` values that know their section path.

Speed. Python-Markdown renders about 1 MB/s, which would dominate the cost of a redline. Most of a
statement is plain prose, so :func:`blocks_from_markdown` cuts the source into independent top-level
chunks (only where a blank line is followed by a line that cannot continue the previous construct),
renders the simple ones (headings, paragraphs, tight lists with plain inline markup) with a small
renderer that produces exactly Python-Markdown's output for that subset, sends every other chunk to
Python-Markdown, and assigns heading ids over the whole document the way the ``toc`` extension does.
Anything with document-wide meaning (reference links, footnotes, abbreviations, raw HTML blocks,
explicit ids, definition lists) makes the whole document go through Python-Markdown in one piece, as
does any extension or configuration outside the known-safe set. The equivalence
``chunked HTML == render_html(...)`` is a tested property.
"""

from __future__ import annotations

import html as htmlmod
import itertools
import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown
from markdown.extensions import toc as toc_ext

from .guard import Neutralised, guard_markdown
from .patterns import LazyPattern

__all__ = [
    "DEFAULT_EXTENSIONS",
    "Block",
    "BlockKind",
    "render_html",
    "blocks_from_html",
    "blocks_from_markdown",
    "blocks_from_versions",
    "render_page",
    "fold_key",
    "guard_markdown",
    "Neutralised",
]

#: The site's Markdown extensions, used when a caller passes none.
DEFAULT_EXTENSIONS: list = [
    "toc",
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "footnotes",
    "def_list",
    "pymdownx.superfences",
    "pymdownx.details",
    "pymdownx.tilde",
]

BlockKind = str  # "heading" | "paragraph" | "item" | "row" | "quote" | "code" | "other"


@dataclass(frozen=True)
class Block:
    """One block of a rendered document, the unit the diff engine aligns.

    ``container`` and ``node`` describe where the block sits in its document's HTML (enclosing
    list, table or admonition elements as ``(node id, start tag)`` pairs, and the block's own node
    id) so that a redline can put blocks back into well-formed lists and tables. ``source`` is the
    Markdown the block came from, when that is known; it lets the engine tell a formatting-only
    edit (``*x*`` → ``_x_``) from no edit at all. None of the three takes part in equality.
    """

    kind: BlockKind
    level: int
    section: tuple[str, ...]
    anchor: str | None
    html: str
    text: str
    key: str
    container: tuple[tuple[int, str], ...] = field(default=(), compare=False, repr=False)
    node: int = field(default=-1, compare=False, repr=False)
    source: str | None = field(default=None, compare=False, repr=False)

    @property
    def tag(self) -> str:
        """Name of the block's own element (``p``, ``li``, ``tr``, ``h2`` …; ``""`` for bare text)."""
        m = _START_NAME.match(self.html)
        return m.group(1).lower() if m else ""

    @property
    def container_tags(self) -> tuple[str, ...]:
        """Names of the enclosing container elements, outermost first (e.g. ``("ol",)``)."""
        return tuple(_START_NAME.match(start).group(1).lower() for _, start in self.container)  # type: ignore[union-attr]


# --- Markdown → HTML ---------------------------------------------------------------------------

_CACHE: dict[tuple[Any, ...], tuple[markdown.Markdown, threading.Lock, "_Profile"]] = {}
_CACHE_LOCK = threading.Lock()


def _ext_name(ext: Any) -> str | None:
    if not isinstance(ext, str):
        return None
    return ext[len("markdown.extensions."):] if ext.startswith("markdown.extensions.") else ext


def _cache_key(extensions: Sequence[Any], configs: dict | None) -> tuple[Any, ...]:
    # an extension object is keyed by itself (the cache keeps it alive, so its identity stays its own)
    exts = tuple(e if isinstance(e, str) else ("object", e) for e in extensions)
    return exts, json.dumps(configs or {}, sort_keys=True, default=repr)


def _instance(extensions: list | None, extension_configs: dict | None) -> tuple[markdown.Markdown, threading.Lock, "_Profile"]:
    exts = list(DEFAULT_EXTENSIONS if extensions is None else extensions)
    key = _cache_key(exts, extension_configs)
    entry = _CACHE.get(key)
    if entry is None:
        with _CACHE_LOCK:
            entry = _CACHE.get(key)
            if entry is None:
                md = markdown.Markdown(extensions=exts, extension_configs=dict(extension_configs or {}))
                entry = (md, threading.Lock(), _Profile.of(md, exts, extension_configs or {}))
                _CACHE[key] = entry
    return entry


def render_html(markdown: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> str:
    """Render Markdown to an HTML fragment with the site's extensions (default :data:`DEFAULT_EXTENSIONS`).

    One ``markdown.Markdown`` per (extensions, configs) is kept and reset between documents.
    Heading ids come from the ``toc`` extension with its configured slugify, as on the site.
    Paragraphs that Python-Markdown would take minutes over are made harmless first
    (:func:`generator.guard.guard_markdown`).
    """
    return _convert(guard_markdown(markdown)[0], extensions, extension_configs)


def _convert(markdown: str, extensions: list | None, extension_configs: dict | None) -> str:
    md, lock, _ = _instance(extensions, extension_configs)
    with lock:
        md.reset()
        return md.convert(markdown)


# --- HTML → tree --------------------------------------------------------------------------------

_START_NAME = LazyPattern(r"<([a-zA-Z][\w:-]*)")
_TOKEN = re.compile(
    r"""(?P<comment><!--.*?(?:-->|\Z))
      |(?P<decl><![^>]*>|<\?.*?>)
      |</(?P<end>[a-zA-Z][\w:-]*)\s*>
      |(?P<start><(?P<name>[a-zA-Z][\w:-]*)(?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*(?P<selfclose>/?)>)
      |(?P<text>[^<]+|<)""",
    re.S | re.X,
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW_TEXT = frozenset(("script", "style", "textarea", "title"))


class _Node:
    __slots__ = ("name", "start", "children", "nid", "void")

    def __init__(self, name: str, start: str, nid: int, void: bool = False) -> None:
        self.name = name
        self.start = start
        self.children: list[_Node | str] = []
        self.nid = nid
        self.void = void


#: Element ids for structure (lists, tables) are unique across all documents of a process, so that
#: blocks of an unchanged chunk can be shared between two versions.
_NODE_IDS = itertools.count(1)


def _parse(html: str) -> _Node:
    """A forgiving HTML tree: unknown end tags are ignored, open elements closed at the end."""
    root = _Node("", "", -1)
    stack = [root]
    pos = 0
    n = len(html)
    match = _TOKEN.match
    while pos < n:
        m = match(html, pos)
        assert m is not None  # the text alternative matches any character
        pos = m.end()
        text = m.group("text")
        if text is not None:
            stack[-1].children.append(text)
            continue
        name = m.group("name")
        if name is not None:
            lname = name.lower()
            void = lname in _VOID or bool(m.group("selfclose"))
            node = _Node(lname, m.group("start"), next(_NODE_IDS), void)
            stack[-1].children.append(node)
            if void:
                continue
            if lname in _RAW_TEXT:
                end = re.compile(rf"</{lname}\s*>", re.I).search(html, pos)
                stop = end.start() if end else n
                if stop > pos:
                    node.children.append(html[pos:stop])
                pos = end.end() if end else n
                continue
            stack.append(node)
            continue
        end = m.group("end")
        if end is not None:
            lname = end.lower()
            for i in range(len(stack) - 1, 0, -1):
                if stack[i].name == lname:
                    del stack[i:]
                    break
            continue
        comment = m.group("comment")
        if comment is not None:
            stack[-1].children.append(_Comment(comment))
            continue
        stack[-1].children.append(_Comment(m.group("decl")))
    return root


class _Comment(str):
    """A comment or declaration: kept in HTML, never in text."""


def _serialize(node: _Node, out: list[str], text: list[str], skip: frozenset[str] = frozenset()) -> None:
    out.append(node.start)
    if node.void:
        return
    _serialize_children(node.children, out, text, skip, raw=node.name in _RAW_TEXT)
    out.append(f"</{node.name}>")


#: Elements that stand on lines of their own: their text never runs into the text around them.
_TEXT_BREAKS = frozenset(
    "address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)


def _serialize_children(children: list, out: list[str], text: list[str], skip: frozenset[str], raw: bool = False) -> None:
    for child in children:
        if isinstance(child, _Node):
            if child.name in skip or (child.name == "a" and _is_headerlink(child.start)):
                continue
            if child.name in _TEXT_BREAKS:
                # "<li>item<pre>code</pre>" reads "item code", as a reader sees it, not "itemcode"
                text.append(" ")
                _serialize(child, out, text, skip)
                text.append(" ")
                continue
            _serialize(child, out, text, skip)
        elif isinstance(child, _Comment):
            out.append(child)
        else:
            out.append(child)
            if not raw:
                text.append(child)


def _is_headerlink(start: str) -> bool:
    return 'class="headerlink"' in start


# --- normalisation ------------------------------------------------------------------------------

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\u00ad": "",
        "\u2026": "...",
    }
)
# str.translate looks every character up in the table; the folded characters are rare in a block,
# so a search for them (one pass in C) and a replacement of each found is several times faster.
_FOLDED = {chr(code): "" if value is None else (value if isinstance(value, str) else chr(value)) for code, value in _FOLD.items()}
_FOLDABLE = LazyPattern("[" + re.escape("".join(_FOLDED)) + "]")
_EMPHASIS_MARKS = LazyPattern(r"(?<!\w)[*_~]+|[*_~]+(?!\w)")
_LIST_MARK = re.compile(r"^(?:[-*+\u2022]|\d+[.)])\s+")
_LONE_MARK = LazyPattern(r" [-+\u2022](?= )")
_LIST_MARK_START = frozenset("-*+\u20220123456789")
_DASH_RUN = LazyPattern(r"-{2,3}")


def _fold_one(match: re.Match[str]) -> str:
    return _FOLDED[match.group()]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def fold_key(text: str) -> str:
    """The alignment key of a block's plain text.

    Folds what does not change meaning: whitespace and line wraps, curly and straight quotes,
    dash styles, leftover emphasis markers and bullet markers. Case and numbers are kept.
    """
    if text.isascii():
        # the common case, plain collapsed ASCII prose, is its own key (cheap substring tests first)
        if not ("--" in text or "*" in text or "_" in text or "~" in text or " - " in text or " + " in text
                or "  " in text or "\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text):
            if not text or (text[0] not in _LIST_MARK_START and text[0] != " " and text[-1] != " "):
                return text
        key = text
    else:
        key = _FOLDABLE.sub(_fold_one, text)
    if "--" in key:
        key = _DASH_RUN.sub("-", key)
    if "*" in key or "_" in key or "~" in key:
        key = _EMPHASIS_MARKS.sub("", key)
    key = " ".join(key.split())
    if key and key[0] in _LIST_MARK_START:
        key = _LIST_MARK.sub("", key)
    if " - " in key or " + " in key or "\u2022" in key:
        key = _LONE_MARK.sub("", key)
    return key


def _plain(parts: Iterable[str]) -> str:
    joined = "".join(parts)
    if "&" in joined:
        joined = htmlmod.unescape(joined)
    return _collapse(joined)


# --- tree → blocks --------------------------------------------------------------------------------

_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_LISTS = frozenset(("ul", "ol", "dl"))
_ITEMS = frozenset(("li", "dt", "dd"))
_TABLE_SECTIONS = frozenset(("thead", "tbody", "tfoot"))
_GROUPS = frozenset(("div", "details", "section", "article", "aside", "main", "nav", "header", "footer", "figure", "form", "fieldset", "center"))
_INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em i img input ins kbd label mark q s samp small span "
    "strong sub sup time u var wbr".split()
)
_ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


class _Builder:
    """Turns parsed HTML into blocks; keeps the heading stack across chunks of one document."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str, str | None]] = []
        self.section: tuple[str, ...] = ()
        self.anchor: str | None = None

    def push_heading(self, level: int, text: str, hid: str | None) -> None:
        headings = self.headings
        while headings and headings[-1][0] >= level:
            headings.pop()
        headings.append((level, text, hid))
        self.section = tuple(t for _, t, _ in headings)
        self.anchor = next((h for _, _, h in reversed(headings) if h), None)

    def add_html(self, html: str) -> None:
        self.walk(_parse(html).children, ())

    def _emit(self, kind: str, node: _Node | None, container: tuple[tuple[int, str], ...], html: str, text: str, level: int = 0) -> None:
        if kind == "heading":
            m = _ID_ATTR.search(node.start) if node is not None else None
            hid = next((g for g in m.groups() if g is not None), None) if m else None
            self.push_heading(level, text, hid)
        section, anchor = self.section, self.anchor
        self.blocks.append(
            Block(kind, level, section, anchor, html, text, fold_key(text), container, node.nid if node is not None else -1)
        )

    def _node_block(self, kind: str, node: _Node, container: tuple[tuple[int, str], ...], level: int = 0, skip: frozenset[str] = frozenset()) -> None:
        out: list[str] = []
        text: list[str] = []
        _serialize(node, out, text, skip)
        self._emit(kind, node, container, "".join(out), _plain(text), level)

    def walk(self, children: list, container: tuple[tuple[int, str], ...]) -> None:
        loose: list = []  # inline content directly inside a container: one "other" block
        for child in children:
            if isinstance(child, _Comment):
                continue
            if isinstance(child, str) or child.name in _INLINE:
                loose.append(child)
                continue
            self._flush(loose, container)
            name = child.name
            if name in _HEADINGS:
                self._node_block("heading", child, container, _HEADINGS[name])
            elif name == "p":
                self._node_block("paragraph", child, container)
            elif name in _LISTS:
                inner = container + ((child.nid, child.start),)
                for item in child.children:
                    if isinstance(item, _Node) and item.name in _ITEMS:
                        self._node_block("item", item, inner, skip=_LISTS)
                        nested = [c for c in item.children if isinstance(c, _Node) and c.name in _LISTS]
                        for sub in nested:
                            self.walk([sub], inner + ((item.nid, item.start),))
                    elif isinstance(item, _Node):
                        self.walk([item], inner)
                    elif item.strip():
                        self._flush([item], inner)
            elif name == "table":
                self._table(child, container)
            elif name == "blockquote":
                self._node_block("quote", child, container)
            elif name == "pre":
                self._node_block("code", child, container)
            elif name in _GROUPS and self._has_blocks(child):
                self.walk(child.children, container + ((child.nid, child.start),))
            else:
                self._node_block("other", child, container)
        self._flush(loose, container)

    @staticmethod
    def _has_blocks(node: _Node) -> bool:
        for c in node.children:
            if isinstance(c, _Comment):
                continue
            if isinstance(c, str):
                if c.strip():
                    return False
            elif c.name in _INLINE:
                return False
        return True

    def _table(self, table: _Node, container: tuple[tuple[int, str], ...]) -> None:
        inner = container + ((table.nid, table.start),)
        for child in table.children:
            if not isinstance(child, _Node):
                continue
            if child.name in _TABLE_SECTIONS:
                for row in child.children:
                    if isinstance(row, _Node):
                        self._node_block("row", row, inner + ((child.nid, child.start),))
            elif child.name == "tr":
                self._node_block("row", child, inner)
            else:  # caption, colgroup
                self._node_block("other", child, inner)

    def _flush(self, loose: list, container: tuple[tuple[int, str], ...]) -> None:
        if not loose:
            return
        out: list[str] = []
        text: list[str] = []
        _serialize_children(loose, out, text, frozenset())
        loose.clear()
        html = "".join(out).strip()
        if html:
            plain = _plain(text)
            if plain or "<" in html:
                self._emit("other", None, container, html, plain)


def blocks_from_html(html: str) -> list[Block]:
    """Cut rendered HTML into blocks, in document order, each with its section path and anchor.

    Headings, paragraphs, list items (without their nested lists, which follow as blocks of their
    own), table rows, block quotes and code blocks are blocks; admonitions and other ``div``-like
    containers are looked into; anything else is one ``other`` block. Comments are dropped.
    """
    builder = _Builder()
    builder.add_html(html)
    return builder.blocks


# --- chunked rendering ------------------------------------------------------------------------------

#: Extensions whose effect on a chunk does not depend on the rest of the document, given the
#: document-level checks in :data:`_DOC_UNSAFE`.
_CHUNK_SAFE = frozenset(DEFAULT_EXTENSIONS) | {"fenced_code", "abbr"}
#: toc options the chunked renderer reproduces (ids are assigned over the whole document).
_TOC_OPTIONS = frozenset(
    ("permalink", "permalink_title", "permalink_class", "permalink_leading", "anchorlink", "anchorlink_class",
     "slugify", "separator", "title", "title_class", "toc_class", "marker")
)

# Constructs with document-wide meaning: reference and footnote definitions, abbreviations,
# definition lists (which merge across blank lines) and explicit ids (which the toc must see).
_DOC_UNSAFE = re.compile(r"\n {0,3}(?:\[[^\]\n]*\]:|\*\[|:[ \t])")
_EXPLICIT_ID = LazyPattern(r"\{[^}\n]*(?:#|\bid\s*=)")
_RAW_LINE = re.compile(r"\n {0,3}<")
_FENCE_OPEN = LazyPattern(r"^[ \t>]*(`{3,}|~{3,})")
_COMMENT_LINE = LazyPattern(r"^<!--(?:(?!-->).)*-->[ \t]*$")
# A line after a blank line that may continue the previous construct: list items and block quotes
# (lists and quotes merge across blank lines), definitions, indented content.
_CONTINUES = LazyPattern(r"^(?:[ \t]|[*+-](?:[ \t]|$)|\d+\.(?:[ \t]|$)|>|:)")
_SPLIT = re.compile(r"\n(?:[ \t]*\n)+(?![ \t\n]|[*+-](?:[ \t]|$)|\d+\.(?:[ \t]|$)|>|:)", re.M)


@dataclass
class _Profile:
    """What the chunked renderer may do for one Markdown configuration."""

    chunked: bool
    marker: str | None = None
    slugify: Any = None
    separator: str = "-"
    heading_templates: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    block_templates: dict[int, tuple[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, md: markdown.Markdown, exts: list, configs: dict) -> "_Profile":
        names = [_ext_name(e) for e in exts]
        toc = next((e for e in md.registeredExtensions if isinstance(e, toc_ext.TocExtension)), None)
        toc_config = {}
        other_configs = False
        for name, value in configs.items():
            if _ext_name(name) == "toc":
                toc_config.update(value or {})
            elif value:
                other_configs = True
        chunked = (
            toc is not None
            and all(n is not None and n in _CHUNK_SAFE for n in names)
            and set(toc_config) <= _TOC_OPTIONS
            and not other_configs
        )
        profile = cls(chunked)
        if chunked and toc is not None:
            profile.marker = toc.getConfig("marker") or None
            profile.slugify = toc.getConfig("slugify")
            profile.separator = toc.getConfig("separator")
            profile.chunked = profile._learn_headings(md)
        return profile

    def _learn_headings(self, md: markdown.Markdown) -> bool:
        """Learn what a heading looks like under this toc configuration (permalinks, anchor links)."""
        probe, probe_id = "Qzxqvj", "qzxqvj"
        if self.slugify(probe, self.separator) != probe_id:
            return False
        for level in range(1, 7):
            md.reset()
            out = md.convert(f"{'#' * level} {probe}")
            if out.count(probe) != 1 or not out.startswith(f'<h{level} id="{probe_id}"'):
                return False
            head, tail = out.split(probe, 1)
            self.heading_templates[level] = (head, tail, probe_id)
            bhead, btail = blocks_from_html(out)[0].html.split(probe, 1)
            self.block_templates[level] = (bhead, btail)
        md.reset()
        return True


def _chunks(text: str, profile: _Profile) -> list[str] | None:
    """Split Markdown at blank lines where no construct can continue; None when that is unsafe.

    Rendering the chunks one by one gives the same HTML as rendering the whole (heading ids apart,
    which :func:`_page_chunked` and :func:`_blocks_chunked` assign over the whole document).
    """
    # Patterns start with a newline so that the regex engine can skip ahead (a ``^`` in MULTILINE
    # mode is tried at every position and costs ten times as much).
    lined = "\n" + text
    if _DOC_UNSAFE.search(lined) or "\x02" in text or "\x03" in text:
        return None
    if "{" in text and _EXPLICIT_ID.search(text):
        return None
    if profile.marker and profile.marker in text:
        return None
    if "```" in text or "~~~" in text or _RAW_LINE.search(lined):
        return _chunks_by_line(text)
    return [c for c in _SPLIT.split(text) if c.strip()]


def _chunks_by_line(text: str) -> list[str] | None:
    """The careful splitter: follows fences, lets a one-line comment stand alone, refuses raw HTML."""
    chunks: list[list[str]] = []
    current: list[str] = []
    fence: tuple[str, int] | None = None
    blank_before = False
    after_comment = False
    for line in text.split("\n"):
        if fence is not None:
            current.append(line)
            stripped = line.strip(" \t>")
            if stripped.startswith(fence[0] * fence[1]) and not stripped.strip(fence[0]):
                fence = None
            continue
        if not line.strip():
            if current:
                current.append(line)
            blank_before = True
            continue
        if line.lstrip(" ").startswith("<"):
            # Raw HTML is gathered over the whole document; only a one-line comment standing alone is local.
            if not (_COMMENT_LINE.match(line) and (blank_before or not current)):
                return None
            if current:
                chunks.append(current)
            current = [line]
            blank_before = False
            after_comment = True
            continue
        if current and blank_before and (after_comment or not _CONTINUES.match(line)):
            chunks.append(current)
            current = []
        elif after_comment and current:
            return None
        after_comment = False
        m = _FENCE_OPEN.match(line)
        if m:
            fence = (m.group(1)[0], len(m.group(1)))
        current.append(line)
        blank_before = False
    if current:
        chunks.append(current)
    for c in chunks:
        while c and not c[-1].strip():
            c.pop()
    return ["\n".join(c) for c in chunks]


# --- the fast renderer ------------------------------------------------------------------------------

_INLINE_SPAN = re.compile(
    r"`(?P<code>[^`\n]+)`"
    r"|\[(?P<ltext>[^\[\]\n]+)\]\((?P<href>[^\s()<>\"'\\`]+)\)"
    r"|(?<![\w*])\*\*(?P<strong>[^\s*](?:[^*\n]*[^\s*])?)\*\*(?![\w*])"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*\n]*[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])__(?P<ustrong>[^\s_](?:[^_\n]*[^\s_])?)__(?![\w_])"
    r"|(?<![\w_])_(?P<uem>[^\s_](?:[^_\n]*[^\s_])?)_(?![\w_])"
)
_SPAN_START = re.compile(r"[`\[*_]")
_INLINE_SPECIAL = re.compile(r"[`\[\]*_\\<>&{}~|!\t]")
# Characters or sequences whose Python-Markdown meaning the fast renderer does not reproduce.
# (Two patterns rather than one alternation: a lone character class lets the regex engine scan
# ahead quickly, and the entity pattern is only needed where there is an "&".)
_INLINE_UNSAFE = re.compile(r"[\\`*_\[\]<{}~|\t]")
_ENTITY = LazyPattern(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
_ITEM = re.compile(r"^(?:[*+-]|\d+\.)[ ]+(?=\S)(.*)$")
_ANY_ITEM = re.compile(r"^(?:[*+-]|\d+\.)[ ]", re.M)
# _ANY_ITEM after the first line (a "^" in MULTILINE mode is tried at every position; a leading
# newline lets the engine skip ahead).
_LATER_ITEM = re.compile(r"\n(?:[*+-]|\d+\.)[ ]")
_HEADING = re.compile(r"^(#{1,6})[ ]+(.*?)[ ]*$")
_HEADING_LINE = re.compile(r"^(#.*)(?:\n|\Z)", re.M)
# Lines the fast renderer leaves to Python-Markdown: indented or code, quotes, admonitions, details,
# tables, fences, setext underlines and rules, definitions, headings without a space, trailing
# whitespace (hard line breaks).
_CHUNK_UNSAFE = re.compile(r"\n(?:[ \t]|>|!!!|\?\?\?|:|\||`{3}|~{3}|[=-]+[ ]*(?:\n|$)|#+(?=[^ #]|$)|(?:[-*_][ ]{0,2}){3,}\s*(?:\n|$))", re.M)
_ITEM_TEXT_UNSAFE = re.compile(r"^(?:#|>|!!!|\?\?\?|:|[*+-](?:[ ]|$)|\d+\.(?:[ ]|$)|`{3}|~{3}|(?:[-*_][ ]{0,2}){3,}\s*$)")


def _plain_escape(text: str) -> str | None:
    if _INLINE_UNSAFE.search(text) or ("&" in text and _ENTITY.search(text)):
        return None
    if "&" in text:
        text = text.replace("&", "&amp;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _fast_inline(text: str) -> str | None:
    """Inline Markdown → HTML for the plain subset, or None when Python-Markdown must do it."""
    if not _INLINE_SPECIAL.search(text):
        return text
    if "![" in text:
        return None
    out: list[str] = []
    pos = 0
    scan = 0
    while True:
        c = _SPAN_START.search(text, scan)
        if c is None:
            break
        m = _INLINE_SPAN.match(text, c.start())
        if m is None:
            return None  # a marker the subset does not cover
        plain = _plain_escape(text[pos:m.start()])
        if plain is None:
            return None
        out.append(plain)
        pos = scan = m.end()
        kind = m.lastgroup
        if kind == "code":
            code = m.group("code").strip()
            if not code:
                return None
            out.append("<code>" + code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</code>")
        elif kind == "href":
            inner = _plain_escape(m.group("ltext"))
            href = m.group("href")
            if inner is None or ("&" in href and _ENTITY.search(href)):
                return None
            out.append(f'<a href="{href.replace("&", "&amp;")}">{inner}</a>')
        else:
            inner = _plain_escape(m.group(kind))  # type: ignore[arg-type]
            if inner is None:
                return None
            tag = "strong" if kind in ("strong", "ustrong") else "em"
            out.append(f"<{tag}>{inner}</{tag}>")
    tail = _plain_escape(text[pos:])
    if tail is None:
        return None
    out.append(tail)
    return "".join(out)


@dataclass
class _Piece:
    """A top-level element of a chunk, rendered."""

    kind: str  # "heading" | "paragraph" | "list" | "html" (rendered by Python-Markdown)
    source: str
    html: str = ""
    inner: str = ""
    level: int = 0
    items: list[tuple[str, str]] = field(default_factory=list)  # list items: (inner HTML, source line)


def _fast_chunk(text: str) -> list[_Piece] | None:
    """Render a chunk made only of headings, paragraphs and tight lists; None for anything else."""
    if "\t" in text or " \n" in text or text.endswith(" ") or _CHUNK_UNSAFE.search("\n" + text):
        return None
    pieces: list[_Piece] = []
    previous_list = False
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block:
            continue
        groups = _HEADING_LINE.split(block) if "#" in block else [block]
        for group in groups:
            group = group.strip("\n")
            if not group:
                continue
            if group[0] == "#":
                m = _HEADING.match(group)
                if m is None or m.group(2).endswith("#"):
                    return None
                inner = _fast_inline(m.group(2))
                if not inner:
                    return None
                pieces.append(_Piece("heading", group, inner=inner, level=len(m.group(1))))
                previous_list = False
            elif _ANY_ITEM.match(group):
                if previous_list:  # a list after a blank line continues the previous one, loosely
                    return None
                items = []
                for line in group.split("\n"):
                    m = _ITEM.match(line)
                    if m is None or _ITEM_TEXT_UNSAFE.match(m.group(1)):
                        return None
                    inner = _fast_inline(m.group(1))
                    if inner is None:
                        return None
                    items.append((inner, line))
                tag = "ol" if group[0].isdigit() else "ul"
                pieces.append(_Piece("list", group, inner=tag, items=items))
                previous_list = True
            else:
                # (the first line is no item: _ANY_ITEM.match failed above)
                if "\n" in group and _LATER_ITEM.search(group):
                    return None
                inner = _fast_inline(group)
                if inner is None:
                    return None
                pieces.append(_Piece("paragraph", group, inner=inner))
                previous_list = False
    return pieces


_HEADING_HTML = LazyPattern(r"<h([1-6])\b[^>]*>.*?</h\1>", re.S)


def _fix_heading_ids(out: str, md: markdown.Markdown | None, profile: _Profile, used: set[str], counters: dict[str, int],
                     tokens: list[dict] | None = None, ids: list[str] | None = None) -> str | None:
    """Give the headings of a chunk rendered alone the ids the toc extension gives them in the whole document.

    ``tokens`` are the chunk's toc tokens, flattened, when it was not just converted by ``md``;
    the ids given are appended to ``ids``, when given, in document order.
    """
    if tokens is None:
        tokens = _flatten_toc(getattr(md, "toc_tokens", []))
    headings = list(_HEADING_HTML.finditer(out)) if "<h" in out else []
    if len(tokens) != len(headings):
        return None
    if not headings:
        return out
    parts = []
    pos = 0
    for m, token in zip(headings, tokens):
        local = token["id"]
        hid = _unique(profile.slugify(htmlmod.unescape(token["name"]), profile.separator), used, counters)
        if ids is not None:
            ids.append(hid)
        parts.append(out[pos:m.start()])
        h = m.group(0)
        if hid != local:
            h = h.replace(f'id="{local}"', f'id="{hid}"').replace(f'href="#{local}"', f'href="#{hid}"')
        parts.append(h)
        pos = m.end()
    parts.append(out[pos:])
    return "".join(parts)


def _heading_id(inner: str, profile: _Profile, used: set[str], counters: dict[str, int], slugs: dict[str, str] | None = None) -> str:
    # ``slugs`` remembers the slug of each heading's HTML across the versions of one document
    # (slugify is a pure function of it; making it unique is not, so that is done every time)
    slug = slugs.get(inner) if slugs is not None else None
    if slug is None:
        slug = profile.slugify(htmlmod.unescape(toc_ext.strip_tags(inner)), profile.separator)
        if slugs is not None:
            slugs[inner] = slug
    return _unique(slug, used, counters)


def _flatten_toc(tokens: list[dict]) -> list[dict]:
    flat: list[dict] = []
    for token in tokens:
        flat.append(token)
        flat.extend(_flatten_toc(token.get("children", [])))
    return flat


def _unique(hid: str, used: set[str], counters: dict[str, int]) -> str:
    try:
        return toc_ext.unique(hid, used, counters)  # type: ignore[call-arg]
    except TypeError:  # Markdown < 3.11 has no counters argument
        return toc_ext.unique(hid, used)


def _piece_html(piece: _Piece) -> str:
    if piece.kind == "paragraph":
        return f"<p>{piece.inner}</p>"
    if piece.kind == "list":
        tag = piece.inner
        return f"<{tag}>\n" + "\n".join(f"<li>{inner}</li>" for inner, _ in piece.items) + f"\n</{tag}>"
    return piece.html


def _render_chunked_html(markdown: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> str | None:
    """The chunked renderer's HTML for a document (equal to :func:`render_html`), or None if not chunkable.

    The same path as :func:`render_page`, with memos of its own, so nothing rendered before counts.
    """
    md, lock, profile = _instance(extensions, extension_configs)
    if not profile.chunked:
        return None
    markdown = guard_markdown(markdown)[0]
    with lock:
        made = _page_chunked(markdown, md, profile, _Shared())
    return None if made is None else made[0]


def render_page(markdown: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> tuple[str, list[dict]] | None:
    """A whole page's HTML and its table of contents, as Python-Markdown converts it; None where that cannot be exact.

    The HTML equals ``render_html(markdown)`` (and so a conversion by MkDocs of a page whose
    Markdown has no relative link); the table of contents is the ``toc`` extension's tokens,
    nested, each with ``level``, ``id`` and ``name``. It is made chunk by chunk from what cutting
    the same texts into blocks already rendered (:class:`_Shared`): a version's page costs a
    fraction of converting it. None when the configuration or the text is outside what the
    chunked renderer reproduces, or when guarding would change the text (the page is then
    converted as it stands).
    """
    md, lock, profile = _instance(extensions, extension_configs)
    if not profile.chunked or guard_markdown(markdown)[0] != markdown:
        return None
    shared = _shared(md)
    with lock:
        made = _page_chunked(markdown, md, profile, shared)
    if made is None:
        return None
    html, flat = made
    return html, toc_ext.nest_toc_tokens(flat)


def _page_chunked(text: str, md: markdown.Markdown, profile: _Profile, shared: "_Shared") -> tuple[str, list[dict]] | None:
    """A chunkable document's HTML, chunk by chunk from the shared pieces and conversions, with the flat toc tokens."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _chunks(text, profile)
    if chunks is None:
        return None
    out: list[str] = []
    toc: list[dict] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    after_raw = False
    for chunk in chunks:
        if chunk in shared.pieces:
            fast = shared.pieces[chunk]
        else:
            fast = shared.pieces[chunk] = _fast_chunk(chunk)
        if fast is not None:
            for piece in fast:  # (shared pieces are never changed: headings are made here)
                if out:
                    out.append("\n\n" if after_raw else "\n")
                if piece.kind == "heading":
                    head, tail, probe_id = profile.heading_templates[piece.level]
                    hid = _heading_id(piece.inner, profile, used, counters, shared.slugs)
                    out.append(head.replace(probe_id, hid) + piece.inner + tail.replace(probe_id, hid))
                    toc.append({"level": piece.level, "id": hid, "name": toc_ext.strip_tags(piece.inner)})
                else:
                    out.append(_piece_html(piece))
                after_raw = False
            continue
        converted = shared.conversions.get(chunk)
        if converted is None:
            md.reset()
            converted = shared.conversions[chunk] = (md.convert(chunk), _flatten_toc(getattr(md, "toc_tokens", [])))
        ids: list[str] = []
        html = _fix_heading_ids(converted[0], None, profile, used, counters, converted[1], ids)
        if html is None:
            md.reset()
            return None
        if out:
            out.append("\n\n" if after_raw else "\n")
        out.append(html)
        toc.extend({"level": token["level"], "id": hid, "name": token["name"]} for token, hid in zip(converted[1], ids))
        after_raw = _COMMENT_LINE.match(chunk) is not None
    md.reset()
    return "".join(out), toc


_TAGS = re.compile(r"<[^>]*>")


def _inline_text(inner: str) -> str:
    if "<" in inner:
        inner = _TAGS.sub("", inner)
    if "&" in inner:
        inner = htmlmod.unescape(inner)
    return " ".join(inner.split())


def blocks_from_markdown(markdown: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> list[Block]:
    """Render Markdown with the site's extensions and cut it into blocks (see :func:`blocks_from_html`).

    The blocks equal ``blocks_from_html(render_html(markdown, ...))``; where the Markdown source of
    a block is known it is attached, so that formatting-only edits can be told from no edit.
    """
    return blocks_from_versions(markdown, extensions=extensions, extension_configs=extension_configs)[0]


def blocks_from_versions(*versions: str, extensions: list | None = None, extension_configs: dict | None = None) -> list[list[Block]]:
    """Blocks of several versions of one document, as :func:`blocks_from_markdown` gives them.

    Versions share most of their text: a chunk that is the same, in the same section, is rendered
    once and its blocks are shared between the versions (and between calls: see :class:`_Shared`).
    """
    md, lock, profile = _instance(extensions, extension_configs)
    shared = _shared(md)
    results = []
    given: set[str] = set()
    for original in versions:
        # A text given twice in one call gets blocks of its own each time, as it always has: only
        # chunks without a heading are shared within a call.
        kept = shared.texts.get(original) if original not in given else None
        given.add(original)
        if kept is not None:
            results.append(list(kept))
            continue
        text = guard_markdown(original)[0]
        blocks = None
        if profile.chunked:
            with lock:
                blocks = _blocks_chunked(text, md, profile, shared.blocks, shared.pieces, shared.slugs, shared.conversions,
                                         shared.headed)
        if blocks is None:
            blocks = blocks_from_html(_convert(text, extensions, extension_configs))  # (guarded above)
        shared.texts.setdefault(original, blocks)
        results.append(list(blocks))
    return results


#: What a Markdown instance keeps between calls, counted in chunks and texts (a long history has a
#: few thousand distinct chunks); past this it starts again from nothing.
SHARED_CHUNKS = 20_000


@dataclass
class _Shared:
    """What the chunked renderer shares between versions, kept for the process and not per call.

    A build renders every revision for the diff with the one before it and again with the one
    after it, and each version once more for the compare page: kept across calls, a text is cut
    into blocks once per build and a chunk rendered once. Blocks of a chunk without a heading
    depend on its text, section and anchor alone; those of a chunk with headings on its text, the
    headings above it and the ids its headings get, which are made
    first (``headed``: most versions repeat most headings); the fast renderer's pieces
    and the heading slugs on a chunk's text alone, so versions share them even where a chunk's
    blocks cannot be shared; so does Python-Markdown's HTML of a chunk it renders (with the chunk's
    toc tokens, from which the headings' ids in the whole document are made again each time). A
    whole text's blocks are kept too; they share their chunks' blocks with every later text, as
    they would have in one call, because both are cleared together.
    """

    blocks: dict[tuple, list[Block]] = field(default_factory=dict)
    pieces: dict[str, list[_Piece] | None] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)
    conversions: dict[str, tuple[str, list[dict]]] = field(default_factory=dict)
    texts: dict[str, list[Block]] = field(default_factory=dict)
    headed: dict[tuple, tuple[list[Block], list, tuple[str, ...], str | None]] = field(default_factory=dict)

    def size(self) -> int:
        return len(self.blocks) + len(self.pieces) + len(self.conversions) + len(self.texts) + len(self.headed)


_SHARED: dict[int, _Shared] = {}


def _shared(md: markdown.Markdown) -> _Shared:
    """The memos of ``md``, which lives as long as the process (:func:`_instance` keeps it), so its id names it."""
    shared = _SHARED.get(id(md))
    if shared is None or shared.size() > SHARED_CHUNKS:
        shared = _SHARED[id(md)] = _Shared()
    return shared


def _blocks_chunked(text: str, md: markdown.Markdown, profile: _Profile, memo: dict[tuple, list[Block]],
                    fast_memo: dict[str, list[_Piece] | None], slugs: dict[str, str],
                    conversions: dict[str, tuple[str, list[dict]]],
                    headed_memo: dict[tuple, tuple[list[Block], list, tuple[str, ...], str | None]] | None = None) -> list[Block] | None:
    """Blocks of a chunkable document, chunk by chunk; None when it cannot be cut into chunks.

    ``memo`` keeps the blocks of chunks without a heading by chunk, section and anchor;
    ``headed_memo`` those of chunks with headings by chunk, the headings above it and the ids its
    headings get in this document, with the headings after it.
    """
    if headed_memo is None:
        headed_memo = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _chunks(text, profile)
    if chunks is None:
        return None
    builder = _Builder()
    blocks = builder.blocks
    templates = profile.block_templates
    used: set[str] = set()
    counters: dict[str, int] = {}
    for chunk in chunks:
        key = (chunk, builder.section, builder.anchor)
        shared = memo.get(key)
        if shared is not None:
            blocks.extend(shared)
            continue
        start = len(blocks)
        if chunk in fast_memo:
            fast = fast_memo[chunk]
        else:
            fast = fast_memo[chunk] = _fast_chunk(chunk)
        if fast is None:
            converted = conversions.get(chunk)
            if converted is None:
                md.reset()
                html = md.convert(chunk)
                converted = conversions[chunk] = (html, _flatten_toc(getattr(md, "toc_tokens", [])))
            ids: list[str] = []
            out = _fix_heading_ids(converted[0], None, profile, used, counters, converted[1], ids)
            if out is None:
                md.reset()
                return None
            if ids:
                headed_key = (chunk, tuple(builder.headings), tuple(ids))
                kept = headed_memo.get(headed_key)
                if kept is not None:
                    blocks.extend(kept[0])
                    builder.headings[:] = kept[1]
                    builder.section, builder.anchor = kept[2], kept[3]
                    continue
            builder.add_html(out)
            made = blocks[start:]
            if len(made) == 1:
                blocks[start] = _with_source(made[0], chunk)
            if ids:
                headed_memo[headed_key] = (blocks[start:], list(builder.headings), builder.section, builder.anchor)
                continue
        else:
            hids: list[str] | None = None
            if any(piece.kind == "heading" for piece in fast):
                # A heading's id depends on the document's earlier ids, its section on the headings above.
                hids = [_heading_id(piece.inner, profile, used, counters, slugs) for piece in fast if piece.kind == "heading"]
                headed_key = (chunk, tuple(builder.headings), tuple(hids))
                kept = headed_memo.get(headed_key)
                if kept is not None:
                    blocks.extend(kept[0])
                    builder.headings[:] = kept[1]
                    builder.section, builder.anchor = kept[2], kept[3]
                    continue
            given = iter(hids or ())
            for piece in fast:
                kind = piece.kind
                if kind == "paragraph":
                    text = _inline_text(piece.inner)
                    blocks.append(_block("paragraph", 0, builder.section, builder.anchor, f"<p>{piece.inner}</p>", text,
                                        fold_key(text), (), -1, piece.source))
                elif kind == "heading":
                    text = _inline_text(piece.inner)
                    head, tail = templates[piece.level]
                    hid = next(given)
                    builder.push_heading(piece.level, text, hid)
                    blocks.append(_block("heading", piece.level, builder.section, builder.anchor,
                                        head.replace("qzxqvj", hid) + piece.inner + tail.replace("qzxqvj", hid),
                                        text, fold_key(text), (), next(_NODE_IDS), piece.source))
                else:
                    tag = piece.inner
                    container = ((next(_NODE_IDS), f"<{tag}>"),)
                    section, anchor = builder.section, builder.anchor
                    for inner, source in piece.items:
                        text = _inline_text(inner)
                        blocks.append(_block("item", 0, section, anchor, f"<li>{inner}</li>", text, fold_key(text),
                                            container, next(_NODE_IDS), source))
            if hids is not None:
                headed_memo[headed_key] = (blocks[start:], list(builder.headings), builder.section, builder.anchor)
                continue
        memo[key] = blocks[start:]  # (a chunk with a heading went to headed_memo above)
    md.reset()
    return blocks


_new_object = object.__new__


def _block(kind: str, level: int, section: tuple[str, ...], anchor: str | None, html: str, text: str, key: str,
           container: tuple[tuple[int, str], ...], node: int, source: str | None) -> Block:
    """``Block(...)`` for the fast renderer's hot loop: the same fields, set straight into the
    instance dict (a frozen dataclass's ``__init__`` sets each through ``object.__setattr__``,
    which costs more than the rest of making a block)."""
    block = _new_object(Block)
    d = block.__dict__
    d["kind"] = kind
    d["level"] = level
    d["section"] = section
    d["anchor"] = anchor
    d["html"] = html
    d["text"] = text
    d["key"] = key
    d["container"] = container
    d["node"] = node
    d["source"] = source
    return block


def _with_source(block: Block, source: str) -> Block:
    return Block(block.kind, block.level, block.section, block.anchor, block.html, block.text, block.key, block.container, block.node, source)
