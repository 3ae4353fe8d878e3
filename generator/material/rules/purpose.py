"""Why information is used (GDPR Art. 13(1)(c), 5(1)(b); CCPA § 1798.100(a)(1)): a new purpose.

Material: a new entry in a list of purposes; a new clause in which the company uses or processes
information for something; an edited one that gains words and loses none, or names a further
purpose. Substantive: a purpose removed, or reworded (words put in place of others).
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..text import Anchored, quote
from .context import Context, illustrates

_USES = Anchored(re.compile(
    r"\b(?:use|uses|used|using|process|processes|processed|processing|analy[sz]e|combine|train)\b[^.;]{0,60}"
    r"\b(?:information|data|content|details|activity|history)\b[^.;]{0,80}\b(?:to|for|in order to|so that)\b"
    r"|\bfor (?:the )?purposes? of\b|\bin order to\b[^.;]{0,40}\b(?:information|data|content)\b",
    re.I,
), starts=("use", "using", "process", "analy", "combine", "train", "for", "in"))


# A purpose named in the words a clause gained: "… to provide the Service, including improving it".
_FURTHER = Anchored(re.compile(
    r"\b(?:improv|develop|personali[sz]|train|research|advertis|market|analy[sz]|profil|measur|sell|monetis|monetiz)\w{0,6}\b",
    re.I,
), starts=(
    "improv", "develop", "personali", "train", "research", "advertis", "market", "analy", "profil", "measur",
    "sell", "monetis", "monetiz",
))


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A purpose added (material) or removed (substantive)."""
    if context.list_topic(change) == "purpose":
        if change.kind == "inserted":
            return change.finding("purpose", "material", f"{quote(change.new_text)} is now listed among the purposes information is used for.")
        if change.kind == "removed":
            return change.finding("purpose", "substantive", f"{quote(change.old_text)} is no longer listed among the purposes.")
        if change.added_words and not illustrates(change):
            return change.finding("purpose", "material", f"A listed purpose now reads {quote(change.new_text)}.")
        return None
    if not change.touches("use"):
        return _further(change)
    reading = change.reading
    if reading.actor == "reader" or reading.restricts or not _USES.search(change.new_text or change.old_text):
        return _further(change)
    if change.kind == "inserted":
        return change.finding("purpose", "material", "A new clause says what information is used for.")
    if change.kind == "removed":
        return change.finding("purpose", "substantive", "A clause saying what information is used for was removed.")
    if change.added_words and not change.removed_words and not change.old_reading.restricts:  # type: ignore[union-attr]
        # (words put in place of others — "the newsletter you asked for" → "you signed up for" —
        # reword the purposes; a further purpose among them is caught below)
        return change.finding("purpose", "material", "A clause saying what information is used for now says more.")
    return _further(change)


def _further(change: ClauseChange) -> Finding | None:
    """An edited clause about information that gained a purpose ("… including improving the Service")."""
    if change.kind != "edited" or not change.touches("data") or change.reading.restricts or change.reading.actor == "reader":
        return None
    gained = _FURTHER.search(change.changed_new_text())
    if gained and gained.group().lower()[:5] not in change.old_text.lower():
        return change.finding("purpose", "material", f"The clause now also names {quote(gained.group(), 40)} as a purpose.")
    return None
