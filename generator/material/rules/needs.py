"""What a rule's pattern cannot match without: words a clause must have before the pattern is searched.

A pattern such as "a verb of keeping, up to sixty characters, what is kept, up to sixty characters,
for how long" tries its gaps at every place a verb of keeping stands, and most clauses a rule asks
about have no word that can end it ("for", "until", "after" …). The words of a clause are known
(its key, made when the clauses were aligned), so a look at them rules such clauses out at C speed.

A :class:`Branch` is one alternative of a pattern with what every match of it holds: one word of
each group of ``words`` as a whole word. A whole word of a match — letters and digits between
``\\b`` and ``\\b`` — is a run of letters and digits of the clause: one of its words, or a part
of a word joined by a mark (``e-mail``, ``don't``). Only ASCII text is looked at this way: in
other text a case-insensitive pattern matches more than lower case gives (``K`` is ``k``, ``ſ`` is
``s``), and the pattern is searched as it is.
``tests/test_material_rule_shortcuts.py`` checks every branch on text made to match it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clauses import Clause
from ..text import Anchored

__all__ = ["Branch", "any_match", "may_match", "runs"]

_CUT = re.compile(r"[ '@.\-+/:]")  # a space, or a mark a word may hold between its letters (see ``text._WORD``)


def runs(clause: Clause) -> frozenset[str]:
    """The runs of letters and digits of an ASCII clause, lower case: its words, and the parts of
    its words that hold a mark."""
    key = clause.key
    # (a key without marks is its words and spaces only; one look for each mark costs least)
    if "'" in key or "@" in key or "." in key or "-" in key or "+" in key or "/" in key or ":" in key:
        return frozenset(_CUT.split(key))
    return clause.wordset


@dataclass(frozen=True)
class Branch:
    """One alternative of a pattern, and what it cannot match without (one of each group)."""

    pattern: Anchored
    words: tuple[frozenset[str], ...] = ()

    def may_match(self, runs: frozenset[str]) -> bool:
        """False when an ASCII clause with these runs of letters and digits cannot match the pattern."""
        for group in self.words:
            if group.isdisjoint(runs):
                return False
        return True


def may_match(branches: tuple[Branch, ...], clause: Clause | None) -> bool:
    """False when no branch can match the clause's text (a missing or empty clause matches nothing)."""
    if clause is None or not clause.text:
        return False
    if not clause.text.isascii():
        return True
    found = runs(clause)
    return any(branch.may_match(found) for branch in branches)


def any_match(branches: tuple[Branch, ...], clause: Clause | None) -> bool:
    """True when any branch's pattern matches the clause's text — when the alternation of the
    branches would find a match — each branch searched only where it may match."""
    if clause is None or not clause.text:
        return False
    text = clause.text
    if not text.isascii():
        return any(branch.pattern.search(text) is not None for branch in branches)
    found = runs(clause)
    return any(branch.may_match(found) and branch.pattern.search(text) is not None for branch in branches)
