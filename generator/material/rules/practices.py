"""Sensitive practices and kinds of information (CPRA § 1798.121, 1798.140(ae); GDPR Art. 9, 22; COPPA).

Selling, targeted advertising, profiling, tracking across sites, precise location, biometric,
genetic and health data, children, government requests, AI training, automated decisions, data
brokers, government identifiers (the configurable ``risk_terms``). Material: a clause now says the company (or someone it
lets) does one of them — read in the clause, so "we do not sell" or "we never use it to train"
is a limit (commitments rule), not a new risk. Substantive: such a mention removed.
"""

from __future__ import annotations

from ..changes import ClauseChange
from ..findings import Finding
from ..text import listing, quote
from .context import Context


def practices_in(text: str, norms: "frozenset[str]", context: Context) -> dict[str, str]:
    """Families present in a clause: only those with a spelling whose first word starts a word here."""
    options = context.options
    found: dict[str, str] = {}
    for index in sorted(options.families_in(norms)):
        family = options.families[index]
        match = family.pattern.search(text)
        if match:
            found.setdefault(family.label, match.group())
    return found


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A sensitive practice now stated (material), or no longer mentioned (substantive)."""
    if not context.options.families_in(change.vocabulary):
        return None
    old = practices_in(change.old_text, change.old.wordset, context) if change.old is not None else {}
    new = practices_in(change.new_text, change.new.wordset, context) if change.new is not None else {}
    came = [term for label, term in new.items() if label not in old]
    gone = [term for label, term in old.items() if label not in new]
    reading = change.reading
    if came and not reading.restricts and reading.actor != "reader":
        return change.finding("practices", "material", f"The clause now speaks of {listing([quote(t, 40) for t in came])}.")
    if gone and change.kind != "inserted" and not (change.old_reading and change.old_reading.restricts):
        return change.finding("practices", "substantive", f"The clause no longer speaks of {listing([quote(t, 40) for t in gone])}.")
    return None
