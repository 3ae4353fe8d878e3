"""One clause-level change — an edited pair, an inserted clause or a removed one — and its excerpts.

A :class:`ClauseChange` is what every rule judges. It knows its clauses on both sides, the word
spans that changed between them, how each side reads, and how to quote itself: the clause trimmed
around the change (never cut before it) with the changed words marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, Sequence

from .clauses import Clause
from .findings import Finding, Marks
from .reading import Reading, content_words, topics_of
from .text import Word, WordTable, once, where, word_opcodes

__all__ = ["ClauseChange", "ClauseFinding", "Span", "excerpt"]

#: A clause up to this long is quoted whole; a longer one is trimmed around its changes.
QUOTE_WHOLE = 320
#: Context kept either side of the changed words in a trimmed quote.
CONTEXT = 90
#: Longest trimmed quote.
QUOTE_MAX = 480


class Span(NamedTuple):
    """One changed run of words: the old words and the new words that replace them."""

    old: tuple[Word, ...]
    new: tuple[Word, ...]


def _marks(clause_words: Sequence[Word], spans: Sequence[tuple[int, int]]) -> Marks:
    out: list[tuple[int, int]] = []
    for i1, i2 in spans:
        if i2 > i1:
            start, end = clause_words[i1].start, clause_words[i2 - 1].end
            if out and start <= out[-1][1] + 1:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return tuple(out)


_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit (str.isalnum)


def _whole(text: str) -> Marks:
    """The mark of a whole inserted or removed clause: from its first to its last letter or digit."""
    first = _ALNUM.search(text)
    if first is None:
        return ()
    return ((first.start(), len(text) - _ALNUM.search(text[::-1]).start()),)  # type: ignore[union-attr]


def excerpt(text: str, marks: Marks) -> tuple[str, Marks]:
    """``text`` trimmed around its marks (never before the first), with the marks moved to match."""
    if len(text) <= QUOTE_WHOLE or not marks:
        if len(text) > QUOTE_WHOLE:
            cut = text.rfind(" ", 0, QUOTE_WHOLE)
            return text[: cut if cut > 0 else QUOTE_WHOLE] + "…", ()
        return text, marks
    first, last = marks[0][0], marks[-1][1]
    lo = max(0, first - CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, first)
        lo = space + 1 if space >= 0 else lo
    hi = min(len(text), max(last, first) + CONTEXT, max(first + QUOTE_MAX, marks[0][1]))
    if hi < len(text):
        space = text.rfind(" ", max(marks[0][1], lo), hi)
        hi = space if space > 0 else hi
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    shift = len(prefix) - lo
    kept = tuple((max(s, lo) + shift, min(e, hi) + shift) for s, e in marks if e > lo and s < hi)
    return prefix + text[lo:hi] + suffix, kept


#: The topics of a section's heading (the words of the heading, lower case), kept per heading.
_HEADING_TOPICS = WordTable(lambda heading: topics_of(_heading_words(heading)))


def _heading_words(heading: str) -> set[str]:
    """A heading's words, lower case, and the parts of those joined by a hyphen ("Cross-Border Data
    Flows": "cross-border", "cross", "border"): a heading's topic may stand in either."""
    words = set(heading.lower().split())
    return words | {part for word in words if "-" in word for part in word.split("-") if part}


#: The topics of each word as a set, kept per word: a clause's topics are the union of its words'
#: sets (what :func:`topics_of` gives), which ``frozenset.union`` merges without hashing each again.
_WORD_TOPICS = WordTable(lambda word: topics_of(frozenset((word,))))


def _reading(clause: Clause, aliases: frozenset[str]) -> Reading:
    return Reading(clause.text, clause.wordset, clause.lead if clause.item else "", aliases, clause.key)


@dataclass(eq=False)
class ClauseChange:
    """A clause edited, inserted or removed, where it stands, and what the rules need to judge it."""

    old: Clause | None
    new: Clause | None
    section: tuple[str, ...]
    order: int
    block_kind: str = "paragraph"
    spans: tuple[Span, ...] = field(default=())
    old_changed: tuple[tuple[int, int], ...] = field(default=())
    new_changed: tuple[tuple[int, int], ...] = field(default=())
    #: the names the statement gives the company besides "we"
    aliases: frozenset[str] = field(default=frozenset())
    #: ``edited``, ``inserted`` or ``removed``
    kind: str = field(init=False)
    #: the clauses' texts ("" for the side that is missing)
    old_text: str = field(init=False)
    new_text: str = field(init=False)

    @staticmethod
    def edited(old: Clause, new: Clause, section: tuple[str, ...], order: int, block_kind: str,
               aliases: frozenset[str] = frozenset()) -> "ClauseChange":
        """An aligned pair, with the word spans that changed between its sides."""
        a, b = old.words, new.words
        spans, old_changed, new_changed = [], [], []
        for tag, i1, i2, j1, j2 in word_opcodes(old.norms, new.norms):
            if tag == "equal":
                continue
            spans.append(Span(a[i1:i2], b[j1:j2]))
            old_changed.append((i1, i2))
            new_changed.append((j1, j2))
        return ClauseChange(old, new, section, order, block_kind, tuple(spans), tuple(old_changed), tuple(new_changed), aliases)

    def __post_init__(self) -> None:
        # Asked by nearly every rule: kept as plain attributes rather than worked out on each use.
        self.kind = "edited" if self.old is not None and self.new is not None else "inserted" if self.new is not None else "removed"
        self.old_text = self.old.text if self.old is not None else ""
        self.new_text = self.new.text if self.new is not None else ""

    @once
    def old_reading(self) -> Reading | None:
        """How the old clause reads (None when inserted)."""
        return _reading(self.old, self.aliases) if self.old is not None else None

    @once
    def new_reading(self) -> Reading | None:
        """How the new clause reads (None when removed)."""
        return _reading(self.new, self.aliases) if self.new is not None else None

    @once
    def vocabulary(self) -> frozenset[str]:
        """Every word of both sides, lower case."""
        old = self.old.wordset if self.old is not None else frozenset()
        new = self.new.wordset if self.new is not None else frozenset()
        return old | new

    @once
    def heading_topics(self) -> frozenset[str]:
        """The topics of the heading of the clause's section."""
        return _HEADING_TOPICS(self.section[-1]) if self.section else frozenset()

    @once
    def topics(self) -> frozenset[str]:
        """The topics either side touches (a cheap test before a rule reads the clause)."""
        found = frozenset().union(*_WORD_TOPICS.each(self.vocabulary))  # topics_of(self.vocabulary)
        return found | _HEADING_TOPICS(self.section[-1]) if self.section else found

    def touches(self, *topics: str) -> bool:
        """True when either side touches any of ``topics``. (The rules look in :attr:`topics`
        themselves — ``"rights" in change.topics`` — a dozen times a clause: a call costs more than the look.)"""
        return not self.topics.isdisjoint(topics)

    @once
    def reading(self) -> Reading:
        """The new side's reading, or the old side's for a removal."""
        return self.new_reading or self.old_reading  # type: ignore[return-value]

    @once
    def changed_old_words(self) -> list[str]:
        """The old words of every changed span, lower case, in order (several rules read them)."""
        return [w.norm for s in self.spans for w in s.old]

    @once
    def changed_new_words(self) -> list[str]:
        """The new words of every changed span, lower case, in order."""
        return [w.norm for s in self.spans for w in s.new]

    @once
    def added_words(self) -> set[str]:
        """Stems of meaningful words the new clause has and the old one has not."""
        if self.old is None:
            return content_words(self.new.wordset) if self.new is not None else set()
        if self.new is None:
            return set()
        # (the stems of a clause's words are those of its set of words: each word is looked up once;
        # words put in that carry no meaning need no look at the old clause)
        added = content_words(self.changed_new_words)
        return added - content_words(self.old.wordset) if added else added

    @once
    def removed_words(self) -> set[str]:
        """Stems of meaningful words the old clause has and the new one has not."""
        if self.new is None:
            return content_words(self.old.wordset) if self.old is not None else set()
        if self.old is None:
            return set()
        removed = content_words(self.changed_old_words)
        return removed - content_words(self.new.wordset) if removed else removed

    def changed_new_text(self) -> str:
        """The new words of every changed span, one space apart."""
        return " ".join(w.written for s in self.spans for w in s.new) if self.old is not None else self.new_text

    def gained_matches(self, matches: "Iterable[re.Match[str]]") -> "list[re.Match[str]]":
        """Those of ``matches`` (of a pattern in the new text, or in a text of its length) that hold
        a word the clause gained: what a change put in, read with the words around it ("Where [the
        custodian] determines …", "Wherever you live" → "If you live in …")."""
        starts = [w.start for span in self.spans for w in span.new]
        return [m for m in matches if any(m.start() <= at < m.end() for at in starts)] if starts else []

    def changed_old_text(self) -> str:
        """The old words of every changed span, one space apart."""
        return " ".join(w.written for s in self.spans for w in s.old) if self.new is not None else self.old_text

    @once
    def quoted(self) -> tuple[str | None, Marks, str | None, Marks]:
        """:meth:`quote`, made once (several rules may report the same clause)."""
        return self.quote()

    def quote(self) -> tuple[str | None, Marks, str | None, Marks]:
        """Both sides trimmed around the change, with the changed words marked."""
        old = new = None
        old_marks: Marks = ()
        new_marks: Marks = ()
        if self.old is not None:
            old, old_marks = excerpt(self.old.text, _marks(self.old.words, self.old_changed) if self.new is not None else _whole(self.old.text))
        if self.new is not None:
            new, new_marks = excerpt(self.new.text, _marks(self.new.words, self.new_changed) if self.old is not None else _whole(self.new.text))
        if old is not None and old == new:
            # Only punctuation or spacing changed (no word span to trim around): quote both whole.
            old, new = self.old_text, self.new_text  # type: ignore[union-attr]
        return old, old_marks, new, new_marks

    def finding(self, rule: str, severity: str, message: str) -> "ClauseFinding":
        """A finding about this change, quoting both sides (quoted when :meth:`ClauseFinding.made`)."""
        return ClauseFinding(rule, severity, self.section, message, self)

    def no_rule(self) -> "ClauseFinding":
        """The finding for a change no rule of substance speaks to (``content``, substantive)."""
        what = {"edited": "reworded", "inserted": "added", "removed": "removed"}[self.kind]
        return self.finding("content", "substantive", f"A clause was {what}{where(self.section)}; no rule of substance (collection, use, recipients, "
                            "retention, transfers, rights, controller, disputes, commitments) applies to it.")


class ClauseFinding(NamedTuple):
    """A rule's finding about one clause change, before its excerpts are made.

    The detector counts findings with the same rule, severity, section and message as one, quoting
    only the first: the excerpts of the others would be thrown away, so they are made on demand.
    """

    rule: str
    severity: str
    section: tuple[str, ...]
    message: str
    change: ClauseChange

    def made(self) -> Finding:
        """The finding, quoting both sides of its change."""
        old, old_marks, new, new_marks = self.change.quoted
        return Finding(self.rule, self.severity, self.section, old, new, self.message, old_marks, new_marks)



