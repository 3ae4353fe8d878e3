"""HTML pieces every stage of the diff engine shares: tag patterns, element classes, ids, links, escaping.

Links get a note when only their target changed (the words are the same, the address is not), so
the link helpers live here with the patterns: the word redline and the block alignment both use them.
"""

from __future__ import annotations

import html as htmlmod
import re
from ..patterns import LazyPattern


def _tag_name(start: str) -> str:
    m = _NAME.match(start)
    return m.group(1).lower() if m else ""


_NAME = re.compile(r"<\s*/?\s*([a-zA-Z][\w:-]*)")


_HTML_TOKEN = LazyPattern(r"<!--.*?(?:-->|\Z)|<[a-zA-Z/!?][^>]*>?|[^<]+|<", re.S)


_TAG_ONLY = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][\w:-]*)[^>]*>", re.S)


_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


_ATOMIC = frozenset(("code", "kbd", "samp", "svg", "math", "script", "style", "textarea", "select", "button", "audio", "video", "object", "iframe"))


_INLINE = frozenset(
    "a abbr b bdi bdo cite data del dfn em i ins label mark q s small span strong sub sup time u var font".split()
)


_SR = {"del": '<span class="redline-sr">deleted: </span>', "ins": '<span class="redline-sr">inserted: </span>'}


#: The redline's own runs carry a class, so that they are never taken for a version's own ``<del>``/``<ins>``.
_OPEN = {"del": '<del class="redline-del">', "ins": '<ins class="redline-ins">'}


def _strip_ids(html: str) -> str:
    """Drop id and name attributes: an old block shown in the new page must not claim its anchors."""
    if " id" not in html and " name" not in html:
        return html
    return re.sub(r"<[a-zA-Z][^>]*>", lambda m: _ID.sub("", m.group(0)), html)


_A_START = re.compile(r"<a\b[^>]*>", re.I)


_HREF = LazyPattern(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _link_free(html: str) -> str:
    """HTML with every link's start tag reduced to ``<a>``: a link whose target changed keeps its words."""
    return _A_START.sub("<a>", html) if "<a" in html or "<A" in html else html


def _href(start: str) -> str:
    m = _HREF.search(start)
    return next((g for g in m.groups() if g is not None), "") if m else ""


def _link_note(old_start: str) -> str:
    """What a reader is told where a link's words stayed and its target changed."""
    old = _esc(htmlmod.unescape(_href(old_start)))
    return f'<span class="redline-note redline-link-changed"> (link changed; it pointed to {old})</span>'


def _changed_links(old: str, new: str) -> list[str]:
    """Start tags of the old links in a pair of words that differ only in where their links point."""
    return [o for o, n in zip(_A_START.findall(old), _A_START.findall(new)) if _href(o) != _href(n)]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two strings (binary search on C-level slice comparisons)."""
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, most: int) -> int:
    lo, hi = 0, most
    if hi and a[len(a) - hi:] == b[len(b) - hi:]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _after_links(tail: str, notes: list[str]) -> str:
    """The unchanged tail of a block with the notes of links that end in it put after their end tags."""
    if not notes:
        return tail
    parts = tail.split("</a>")
    out = [parts[0]]
    for part in parts[1:]:
        out.append("</a>" + (notes.pop(0) if notes else "") + part)
    return "".join(out) + "".join(notes)


def _noted(word: str, pending: list[str]) -> str:
    """A word with the note of each changed link that it closes put after the link."""
    parts = word.split("</a>")
    out = [parts[0]]
    for part in parts[1:]:
        out.append("</a>" + (_link_note(pending.pop(0)) if pending else "") + part)
    return "".join(out)


def _esc(text: str) -> str:
    return htmlmod.escape(text, quote=True)


_TAGS = re.compile(r"<[^>]*>")
