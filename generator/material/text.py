"""Text helpers of the detector: folding, words, a bounded edit distance and a bounded word diff.

Every function here runs in time linear in its input or bounded by a constant: the detector runs
in build, check and notify on whatever a pull request contains (a pasted hash, a 5 MB paragraph),
so no pattern backtracks over a whole token and no comparison is quadratic in a block's length.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import accumulate, compress, count, repeat
from typing import Any, Callable, Generic, NamedTuple, Sequence, TypeVar

from ..diff.markup import _common_prefix, _common_suffix

__all__ = [
    "Word", "fold", "collapsed", "words", "distance", "word_opcodes", "key_of", "NEGATIONS", "RULES_OUT", "LIMITS", "LEGAL_FORMS", "once", "WordTable", "same_words",
    "common_ends", "Anchored", "plain_words",
]

_T = TypeVar("_T")


class once(Generic[_T]):
    """A property worked out on first use and kept in the instance (``functools.cached_property``
    without its lock, which costs more than most of the detector's answers: one diff is judged by
    one thread)."""

    def __init__(self, function: Callable[[Any], _T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.function(instance)
        return value


# (an em dash parts the words on either side of it, written with spaces or not: "at your university—for example")
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": " - ", "\u00a0": " ",
    "\u200b": "", "\u200e": "", "\u200f": "", "\u2066": "", "\u2067": "", "\u2068": "", "\u2069": "",
})
# A word: letters and digits, joined by an apostrophe, @, dot, hyphen, plus or slash inside it
# ("don't", "privacy@acme.example", "e-mail", "help.acme.example/privacy"). No part repeats
# ambiguously, so matching is linear. (Possessive: a run of letters ends where the next character
# is not one, and a joiner not followed by a letter or digit ends the word, so giving back
# characters can never let a match go on — the matches are those of the plain greedy pattern, found
# without the engine keeping every repetition's place to backtrack to.)
_WORD = re.compile(r"[^\W_]++(?:['@.\-+/:][^\W_]++)*+")
# The same, captured: ``split`` gives the text between words and the words in turn, in one C call;
# for ASCII text, the same pattern with ASCII classes (the same words, found faster).
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_ASCII_WORD_SPLIT = re.compile(r"([a-zA-Z0-9]++(?:['@.\-+/:][a-zA-Z0-9]++)*+)")

#: Words that negate the clause they stand in.
NEGATIONS = frozenset("not no never none nor neither cannot without nothing nobody nowhere unable".split())
#: Words that rule something out: a negation, or a bar ("contractually barred from using them").
RULES_OUT = NEGATIONS | frozenset(("barred", "bars", "prohibited", "prohibit", "prohibits", "forbidden", "forbid", "forbids"))
#: Words that limit what a clause allows.
LIMITS = frozenset("only solely exclusively unless except".split())
#: The legal forms of companies, as words (lower case, without their dots).
LEGAL_FORMS = frozenset(
    "ltd limited inc llc gmbh ag sa sas bv nv plc corp corporation llp pty "
    # Europe's other common forms: Spain, Italy, Romania, Luxembourg, the Nordics, Germany, the EU
    "s.a s.l s.l.u sl slu s.r.l srl s.p.a spa sarl ab oy oyj a/s aps se kg ug b.v n.v "
    # central and eastern Europe's: Bulgaria, the Czech Republic and Slovakia, the former Yugoslavia, Hungary, the Baltics
    "ead eood ood s.r.o a.s d.o.o kft zrt nyrt uab sia".split()
)

#: Above this many words on one side of a changed region, the word diff gives the region as one
#: replaced span instead of running difflib on it (difflib is quadratic on repetitive text).
WORD_DIFF_LIMIT = 400
#: Longest word compared letter by letter; longer tokens (hashes, encoded blobs) only compare equal or not.
DISTANCE_LIMIT = 64


class WordTable(Generic[_T]):
    """A fact about single words (their topics, their stem …), worked out once per word and kept.

    A statement's vocabulary is a few thousand words, so after the first clauses every look-up is a
    dictionary hit, and :meth:`each` does them all at C speed. At most :data:`LIMIT` words are kept,
    so a pasted blob of distinct tokens cannot grow the table without end.
    """

    LIMIT = 100_000

    def __init__(self, fact: Callable[[str], _T]) -> None:
        self.fact = fact
        self.known: dict[str, _T] = {}

    def __call__(self, word: str) -> _T:
        known = self.known
        if word in known:
            return known[word]
        value = self.fact(word)
        if len(known) < self.LIMIT:
            known[word] = value
        return value

    def each(self, words: "Sequence[str] | frozenset[str] | set[str]") -> list[_T]:
        """The fact of every word of a collection, in its order."""
        try:
            return list(map(self.known.__getitem__, words))
        except KeyError:
            return [self(word) for word in words]


_RUN = re.compile(r"[a-z0-9]+")
#: The characters ``\s`` matches in a str pattern and not in an ASCII one (the information separators).
_WIDE_SPACE = re.compile(r"[\x1c-\x1f]")
#: The first words of every anchored pattern searched so far, by the pattern's number (none for a
#: pattern not searched yet: ``startswith(())`` is false, so no piece opens it).
_ANCHORS: list[tuple[str, ...]] = []


class _Recent(dict):  # type: ignore[type-arg]
    """Where the anchored patterns may begin in the last few texts (see :func:`_openings`): the rules
    search the two sides of one clause change with several patterns in turn. A text seen before is
    a look-up at C speed; a few dozen are kept, so nothing outlives the clause changes that needed it."""

    LIMIT = 32

    def __missing__(self, text: str) -> "dict[int, list[int]] | None":
        if len(self) >= self.LIMIT:
            self.clear()
        found = self[text] = _openings(text)
        return found


_RECENT = _Recent()


def _piece_openings(piece: str) -> tuple[tuple[int, int], ...]:
    """(pattern number, offset) for every anchored pattern a run of ASCII letters and digits of
    ``piece`` (lower case, no space in it) may begin, in order of offset."""
    return tuple(
        (number, run.start())
        for run in _RUN.finditer(piece)
        for number, starts in enumerate(_ANCHORS) if run.group().startswith(starts)
    )


#: The openings of each piece of text between two spaces ("data,", "(share"), kept per piece.
_PIECE_OPENINGS = WordTable(_piece_openings)


def _openings(text: str) -> "dict[int, list[int]] | None":
    """For each anchored pattern (by number), where a run of ASCII letters and digits of ``text``
    that may begin it starts, in order; None for a text the shortcut does not apply to (see
    :class:`Anchored`); searches ask :data:`_RECENT`, which keeps it."""
    found: "dict[int, list[int]] | None" = None
    # (a printable text holds no separator: they are control characters)
    if text.isascii() and (text.isprintable() or _WIDE_SPACE.search(text) is None):
        # No run holds a space: the text is cut at its spaces at C speed, each piece's openings are
        # looked up (a statement repeats its pieces), and the k-th piece starts k spaces past the
        # length of the pieces before it.
        pieces = text.lower().split(" ")
        opened = _PIECE_OPENINGS.each(pieces)
        found = {}
        # only the pieces that may begin a pattern (most begin none)
        for before, spaces, pairs in compress(zip(accumulate(map(len, pieces), initial=0), count(), opened), opened):
            start = before + spaces
            for number, offset in pairs:
                found.setdefault(number, []).append(start + offset)
    return found


def _ascii_twin(pattern: "re.Pattern[str]") -> "re.Pattern[str]":
    r"""``pattern`` compiled with ASCII classes and case folding: on ASCII text without information
    separators it matches exactly as ``pattern`` does (``\w``, ``\d``, ``\b`` and case agree on
    ASCII letters; ``\s`` differs only on the separators), and faster — the engine folds case and
    tests classes by table instead of asking the Unicode database for every character."""
    try:
        return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)
    except (re.error, ValueError):  # a pattern that asks for Unicode inside itself
        return pattern


class Anchored:
    """A pattern whose every match starts at a word boundary with one of a few word beginnings,
    searched only where such a word begins.

    ``starts`` must hold, in lower case, the first letters of every way the pattern can begin (for
    ``\\b(?:shar\\w*|sold)\\b`` : ``shar`` and ``sold``). In ASCII text a match can then only start
    where a run of letters and digits starts with one of them, so instead of trying the pattern at
    every character (what ``search`` does: slow for a case-insensitive pattern that begins with
    ``\\b``, which the regular-expression engine cannot skip ahead for), it is tried at those runs
    only, in order — the first match found is the one ``search`` finds — and in its ASCII form (see
    :func:`_ascii_twin`). Other text (non-ASCII, whose case folding is wider, or holding an
    information separator) is searched as usual. ``tests/test_material_shortcuts.py`` checks every
    anchored pattern against the plain one on text made to match it.
    """

    def __init__(self, pattern: "re.Pattern[str]", starts: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.starts = starts
        self._match = _ascii_twin(pattern).match
        # Every text's pieces are looked up once for all anchored patterns, but a pattern takes part
        # only from its first search on: one the rules never get to (its rule is off, or no clause
        # has the words it needs) costs the texts nothing.
        self.number = len(_ANCHORS)
        self._searched = False
        _ANCHORS.append(())

    def _first_search(self) -> None:
        # The pieces known so far are incomplete without this pattern: they are looked up afresh
        # (at most once per pattern; patterns are made on import and when options are compiled).
        self._searched = True
        _ANCHORS[self.number] = self.starts
        _PIECE_OPENINGS.known.clear()
        _RECENT.clear()

    def search(self, text: str) -> "re.Match[str] | None":
        """``pattern.search(text)``."""
        if not self._searched:
            self._first_search()
        found = _RECENT[text]
        if found is None:
            return self.pattern.search(text)
        match = self._match
        for start in found.get(self.number, ()):
            matched = match(text, start)
            if matched is not None:
                return matched
        return None

    def finditer(self, text: str) -> "list[re.Match[str]]":
        """``list(pattern.finditer(text))``."""
        if not self._searched:
            self._first_search()
        found = _RECENT[text]
        if found is None:
            return list(self.pattern.finditer(text))
        out = []
        end = 0
        match = self._match
        for start in found.get(self.number, ()):
            if start >= end:
                matched = match(text, start)
                if matched is not None:
                    out.append(matched)
                    end = max(matched.end(), start + 1)
        return out

    def sub(self, replacement: str, text: str) -> str:
        """``pattern.sub(replacement, text)`` for a replacement without group references."""
        found = self.finditer(text)
        if not found:
            return text
        out = []
        end = 0
        for match in found:
            out.append(text[end: match.start()])
            out.append(replacement)
            end = match.end()
        out.append(text[end:])
        return "".join(out)


def plain_words(text: str) -> list[str]:
    """The words of ``text`` (see :data:`_WORD`), lower case: "won't", "e-mail", "privacy@acme.example"."""
    return _WORD.findall(text.lower())


def fold(text: str) -> str:
    """Curly quotes, dashes and invisible marks folded to plain ASCII forms."""
    return text if text.isascii() else text.translate(_FOLD)


def collapsed(text: str) -> str:
    """``text`` folded, every run of spaces made one space, none at either end: what clauses are cut from."""
    # Most blocks' texts already are; finding that out costs less than cutting the text at its
    # spaces. ASCII's spaces other than " " are the nine control characters looked for here (each
    # look-up at C speed: less than asking of every character whether it is printable).
    if (text.isascii() and "  " not in text and text[:1] != " " and text[-1:] != " " and "\n" not in text
            and "\t" not in text and "\r" not in text and "\x0b" not in text and "\x0c" not in text
            and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text):
        return text
    return " ".join(fold(text).split())


class Word(NamedTuple):
    """One word of a clause: its lower-case form, as written, and its place in the clause."""

    norm: str
    written: str
    start: int
    end: int


_new_word = tuple.__new__


def pieces(text: str) -> list[str]:
    """``text`` cut at its words: what stands before the first word, the word, what stands between it
    and the next, … — the words are at the odd places."""
    return (_ASCII_WORD_SPLIT if text.isascii() else _WORD_SPLIT).split(text)


def words_of_pieces(parts: list[str], norms: "Sequence[str] | None" = None) -> tuple[Word, ...]:
    """The words, with their positions, of a text cut by :func:`pieces` (``norms``: their lower-case
    forms, when known)."""
    # Every position is a running sum of the pieces' lengths: no Python code runs per word. The
    # sums alternate: where a word starts (the end of the text before it), where it ends. One
    # iterator given to ``zip`` twice deals them out in turn, with no list of them made.
    if len(parts) == 1:
        return ()
    written = parts[1::2]
    ends = accumulate(map(len, parts))
    return tuple(map(_new_word, repeat(Word), zip(map(str.lower, written) if norms is None else norms, written, ends, ends)))


def words(text: str) -> list[Word]:
    """The words of ``text`` with their positions."""
    return list(words_of_pieces(pieces(text)))


def key_of(text: str) -> str:
    """The comparison key of a text: its words, lower case, one space apart."""
    return " ".join(_WORD.findall(fold(text).lower()))


def key_of_folded(text: str) -> str:
    """:func:`key_of` for text that is already folded."""
    return " ".join(_WORD.findall(text.lower()))


_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


def common_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the longest common head of ``a`` and ``b`` and of their longest common tail that
    does not overlap it. Halves are compared at C speed, so the cost is linear."""
    if a.isascii() and b.isascii():
        # Read as numbers, the first (last) byte where two byte strings differ holds the highest
        # bit of their exclusive or: one C operation over the whole length each way.
        x, y = a.encode(), b.encode()
        n = min(len(x), len(y))
        head = n - ((int.from_bytes(x[:n], "big") ^ int.from_bytes(y[:n], "big")).bit_length() + 7) // 8
        most = n - head
        tail = most - ((int.from_bytes(x[len(x) - most:], "little") ^ int.from_bytes(y[len(y) - most:], "little")).bit_length() + 7) // 8
        return head, tail
    head = _common_prefix(a, b)
    return head, _common_suffix(a, b, min(len(a), len(b)) - head)


def same_words(a: str, b: str) -> bool:
    """``key_of(a) == key_of(b)``, tokenising only the stretch where the two texts differ.

    No word holds a space, so the texts are cut at the last space of their common head and the
    first space of their common tail: the words before and after the cuts are the same on both sides.
    """
    if a == b:
        return True
    if a.isascii() and b.isascii() and a.encode().translate(_LOWER, _NOT_ALNUM) != b.encode().translate(_LOWER, _NOT_ALNUM):
        # Every letter and digit stands in a word, and words hold nothing else but joiners: texts
        # whose letters and digits differ (in lower case) differ in their words. (Most do.)
        return False
    a, b = fold(a).lower(), fold(b).lower()
    if a == b:
        return True
    head, tail = common_ends(a, b)
    start = a.rfind(" ", 0, head) + 1
    end_a = a.find(" ", len(a) - tail)
    end_a = len(a) if end_a < 0 else end_a
    end_b = end_a + len(b) - len(a)
    return _WORD.findall(a, start, end_a) == _WORD.findall(b, start, end_b)


def negative(word: str) -> bool:
    """True for a negating word (``not``, ``never``, ``don't`` …)."""
    return word in NEGATIONS or word.endswith("n't")


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance of two words (a swap of two letters counts once), ``limit + 1`` when above ``limit``.

    Only the band of cells within ``limit`` of the diagonal is computed, so the cost is
    ``len(a) * (2 * limit + 1)`` at most; words longer than :data:`DISTANCE_LIMIT` are compared whole.
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit or len(a) > DISTANCE_LIMIT or len(b) > DISTANCE_LIMIT:
        return limit + 1
    big = limit + 1
    width = len(b)
    previous2: list[int] = []
    previous = [j if j <= limit else big for j in range(width + 1)]
    for i in range(1, len(a) + 1):
        current = [big] * (width + 1)
        if i <= limit:
            current[0] = i
        lo, hi = max(1, i - limit), min(width, i + limit)
        for j in range(lo, hi + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current[lo - 1: hi + 1]) > limit:
            return big
        previous2, previous = previous, current
    return min(previous[width], big)


def word_opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes between two word lists, in bounded time.

    The common head and tail are cut first; a middle longer than :data:`WORD_DIFF_LIMIT` words on
    either side is given as one ``replace`` (the rules then read it as a rewritten passage).
    """
    n, m = len(a), len(b)
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    ops: list[tuple[str, int, int, int, int]] = []
    if head:
        ops.append(("equal", 0, head, 0, head))
    i2, j2 = n - tail, m - tail
    if head < i2 or head < j2:
        if i2 - head <= 2 and j2 - head <= 2 or i2 == head or j2 == head:
            # a word or two changed, inserted or deleted: nothing for difflib to find
            tag = "replace" if head < i2 and head < j2 else "delete" if head < i2 else "insert"
            ops.append((tag, head, i2, head, j2))
        elif i2 - head > WORD_DIFF_LIMIT or j2 - head > WORD_DIFF_LIMIT:
            tag = "replace" if head < i2 and head < j2 else "delete" if head < i2 else "insert"
            ops.append((tag, head, i2, head, j2))
        else:
            matcher = SequenceMatcher(None, a[head:i2], b[head:j2], autojunk=False)
            for tag, x1, x2, y1, y2 in matcher.get_opcodes():
                ops.append((tag, x1 + head, x2 + head, y1 + head, y2 + head))
    if tail:
        ops.append(("equal", i2, n, j2, m))
    return ops


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of words two clauses have in common (Jaccard index of their word sets)."""
    if not a and not b:
        return 1.0
    # |a ∪ b| = |a| + |b| - |a ∩ b|: one set made instead of two, the same integers divided.
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def quote(text: str, limit: int = 80) -> str:
    """``text`` in curly quotes, shortened to ``limit`` characters."""
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def where(section: Sequence[str]) -> str:
    """`` in “Heading”`` for a section path, or nothing."""
    return f" in “{section[-1]}”" if section else ""


def listing(parts: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    parts = list(parts)
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
