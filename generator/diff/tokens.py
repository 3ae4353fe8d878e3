"""The word tokeniser of the redline: HTML → tokens (a word with its trailing whitespace, or a tag),
each with the stack of open elements it stands in, and the keys that compare them.

Inline elements that must not be split (``code``, ``svg`` …) are one token; structural elements
(cells, paragraphs, list items) are tracked in the stack so that a redline never crosses them.
"""

from __future__ import annotations

import functools
import html as htmlmod
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..patterns import LazyPattern
from .markup import _ATOMIC, _HTML_TOKEN, _INLINE, _NAME, _TAGS, _TAG_ONLY, _VOID, _link_free


#: Scripts written without spaces between words — Chinese and Japanese: CJK radicals, punctuation,
#: kana, bopomofo, ideographs (the Basic Multilingual Plane's), compatibility and full-width forms.
#: Each of their characters is a word of its own, so that a changed word is marked alone rather
#: than the whole run between two spaces (often a whole sentence). The browser engine uses the same
#: class (``CJK`` in ``assets/statements-diff.js``).
CJK = (
    "\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
)
_CJK_SOURCES = {"char": f"[{CJK}]", "words": rf"([{CJK}]|[^\s{CJK}]+)(\s*)"}
#: A word and the whitespace after it, in a text without CJK characters (where ``_cjk("words")``
#: finds exactly these).
_PLAIN_WORDS = LazyPattern(r"(\S+)(\s*)")


@functools.cache
def _cjk(kind: str) -> re.Pattern[str]:
    # Compiled on first use: a class of these ranges costs the compiler milliseconds (it visits
    # every code point of them), and ASCII text, which cannot hold one, never needs it.
    return re.compile(_CJK_SOURCES[kind])


def is_cjk(char: str) -> bool:
    """Whether the character ``char`` is of a script written without spaces."""
    return not char.isascii() and _cjk("char").match(char) is not None


def has_cjk(text: str) -> bool:
    """Whether ``text`` has a character of a script written without spaces."""
    return not text.isascii() and _cjk("char").search(text) is not None


def words_of(text: str) -> list[str]:
    """The words of a text: runs between whitespace, and each CJK character on its own."""
    return [word for word, _ in _cjk("words").findall(text)] if has_cjk(text) else text.split()


def _split_root(html: str) -> tuple[str, str, str]:
    """(start tag, inner HTML, end tag) of a block with one root element; ("", html, "") otherwise."""
    if html.startswith("<"):
        m = _NAME.match(html)
        if m:
            name = m.group(1).lower()
            end = f"</{name}>"
            close = html.find(">")
            if close > 0 and html.endswith(end) and name not in _VOID and name not in _ATOMIC:
                return html[: close + 1], html[close + 1 : -len(end)], end
    return "", html, ""


@dataclass
class _Tok:
    """A word (or an atomic inline element) with the elements it stands in."""

    word: str  # HTML of the word itself
    ws: str  # whitespace after it (HTML)
    stack: tuple  # ((id, name, start), ...) open elements around the word
    ws_stack: tuple  # open elements around the whitespace
    text: str  # plain text of the word, for counting
    key: tuple = ()


def _open_stack(prefix: str, next_id: list[int]) -> list[tuple[int, str, str]]:
    """The elements open at the end of a balanced-so-far HTML prefix."""
    stack: list[tuple[int, str, str]] = []
    for m in _TAG_ONLY.finditer(prefix):
        name = m.group(2)
        if name is None:
            continue
        name = name.lower()
        if m.group(1):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == name:
                    del stack[k:]
                    break
        elif name not in _VOID and not m.group(0).endswith("/>"):
            next_id[0] += 1
            stack.append((next_id[0], name, m.group(0)))
    return stack


def _tokenize(html: str, stack: list[tuple[int, str, str]], next_id: list[int]) -> tuple[list[_Tok], list[tuple[int, str, str]]]:
    """Words of an HTML fragment, each with its element stack; returns the stack at the end too."""
    tokens: list[_Tok] = []
    stack = list(stack)
    pos = 0
    n = len(html)
    current = tuple(stack)
    while pos < n:
        m = _HTML_TOKEN.match(html, pos)
        assert m is not None
        piece = m.group(0)
        pos = m.end()
        if piece[0] == "<" and len(piece) > 1 and piece[1] != "<":
            if piece.startswith("<!") or piece.startswith("<?"):
                continue
            nm = _NAME.match(piece)
            if nm is None:
                continue
            name = nm.group(1).lower()
            if piece[1] == "/":
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][1] == name:
                        del stack[k:]
                        break
                current = tuple(stack)
                continue
            if name in _VOID or piece.endswith("/>"):
                tokens.append(_Tok(piece, "", current, current, ""))
                continue
            if name in _ATOMIC and not (name == "code" and any(e[1] == "pre" for e in stack)):
                end = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
                stop = end.end() if end else n
                whole = piece + html[pos:stop] + ("" if end else f"</{name}>")
                pos = stop
                text = htmlmod.unescape(re.sub(r"<[^>]*>", "", whole))
                tokens.append(_Tok(whole, "", current, current, text))
                continue
            next_id[0] += 1
            stack.append((next_id[0], name, piece))
            current = tuple(stack)
            continue
        # text
        start = 0
        lead = len(piece) - len(piece.lstrip())
        if lead:
            if tokens and not tokens[-1].ws and _structure(tokens[-1].stack) == _structure(current):
                tokens[-1].ws = piece[:lead]
                tokens[-1].ws_stack = current
            else:
                tokens.append(_Tok("", piece[:lead], current, current, ""))
            start = lead
        for w in (_cjk("words") if has_cjk(piece) else _PLAIN_WORDS).finditer(piece, start):
            word, ws = w.group(1), w.group(2)
            tokens.append(_Tok(word, ws, current, current, word))
    return tokens, stack


def _structure(stack: tuple) -> tuple:
    k = len(stack)
    while k and stack[k - 1][1] in _INLINE:
        k -= 1
    return stack[:k]


def _keys(tokens: list[_Tok], at_end: bool) -> list[tuple]:
    """Comparison keys: the word, the elements around it, and whether a space follows.

    A missing space counts only where the next token of the same structure follows directly
    ("word<em>x</em>"); at the end of a block or a cell it does not.
    """
    keys = []
    last = len(tokens) - 1
    for idx, t in enumerate(tokens):
        if idx == last:
            spaced = bool(t.ws) or at_end
        else:
            spaced = bool(t.ws) or _structure(tokens[idx + 1].stack) != _structure(t.stack)
        t.key = (tuple(_link_free(e[2]) if e[1] == "a" else e[2] for e in t.stack), t.word, spaced)
        keys.append(t.key)
    return keys


# A word with the tags inside or around it, and the whitespace after. (Runs of plain characters are
# taken whole rather than one by one, which is faster; nothing after the word can fail, so the
# nested repeat never backtracks.)
_PHRASE_WORDS = re.compile(r"((?:[^\s<]+|<[^>]*>)+)(\s*)")


def _words_in(html: str) -> int:
    return len((_TAGS.sub("", html) if "<" in html else html).split())


def _text_length(html: str) -> int:
    if "<" in html:
        html = _TAGS.sub("", html)
    if "&" in html:
        html = htmlmod.unescape(html)
    return len(" ".join(html.split()))


def _word_count(tokens: Iterable[_Tok]) -> int:
    return sum(len(words_of(t.text)) for t in tokens)


def _structural_ids(tokens: list[_Tok]) -> list[tuple[int, str, str]]:
    """Structural elements (cells, paragraphs) in order of appearance, as (id, name, start tag)."""
    seen: dict[int, tuple[int, str, str]] = {}
    for t in tokens:
        for entry in _structure(t.stack):
            if entry[0] not in seen:
                seen[entry[0]] = entry
    return list(seen.values())
