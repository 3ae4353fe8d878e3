"""Where information goes (GDPR Art. 13(1)(f), 44–49): transfers abroad and their safeguards.

Material: a new transfer, an edited clause about transfers that names another place or way (a
word of transfer or place, or a name), or a removed safeguard (standard contractual clauses,
adequacy decision, binding corporate rules, a data privacy framework). Substantive: a clause about a
transfer removed, or reworded naming no new place, way or safeguard.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..text import Anchored
from .context import Context, named_beside

_TRANSFERS = Anchored(re.compile(
    # ("US" in capitals only: "send emails for us" names no country)
    r"\b(?:transfer\w{0,4}|stor\w{0,3}|process\w{0,4}|host\w{0,3}|sent|moved?)\b[^.;]{0,80}(?:\b(?:outside|abroad|countr(?:y|ies)|"
    r"international\w{0,2}|across borders|cross-border|EEA|European Economic Area|European Union|EU|UK|United (?:States|Kingdom)|(?-i:US|USA))\b"
    r"|(?-i:\bU\.S\.))"
    r"|\b(?:international|cross-border) (?:data )?transfers?\b",
    re.I,
), starts=("transfer", "stor", "process", "host", "sent", "move", "international", "cross"))
SAFEGUARD = Anchored(re.compile(
    r"\bstandard contractual clauses\b|\bSCCs?\b|\badequacy decisions?\b|\bbinding corporate rules\b|\bBCRs?\b|"
    r"\bdata privacy framework\b|\bprivacy shield\b|\bappropriate safeguards\b|\binternational data transfer (?:agreement|addendum)\b",
    re.I,
), starts=("standard", "scc", "adequacy", "binding", "bcr", "data", "privacy", "appropriate", "international"))


# Words that name a safeguard or a place abroad: "stored with our provider in the United Kingdom"
# is about where information goes, whatever its verb's topic.
_ABROAD = frozenset((
    "scc", "sccs", "bcr", "bcrs", "framework", "shield", "eea", "eu", "uk", "us", "usa", "united", "states", "kingdom",
    "abroad", "outside", "country", "countries", "international", "worldwide",
))


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Transfers widened or a safeguard lost (material); a transfer dropped (substantive)."""
    if "transfer" not in change.topics and _ABROAD.isdisjoint(change.vocabulary):
        return None
    old_safe, new_safe = bool(SAFEGUARD.search(change.old_text)), bool(SAFEGUARD.search(change.new_text))
    if not (_TRANSFERS.search(change.new_text or change.old_text) or old_safe or new_safe or _names_a_place_here(change)):
        return None
    if change.reading.actor == "reader":
        return None
    if change.kind == "inserted":
        if change.reading.negated:
            return change.finding("transfers", "substantive", "A new clause limits transfers of information abroad.")
        return change.finding("transfers", "material", "A new clause says information is transferred abroad or how.")
    if change.kind == "removed":
        if old_safe:
            return change.finding("transfers", "material", "A clause naming a safeguard for transfers abroad was removed.")
        return change.finding("transfers", "substantive", "A clause about transfers abroad was removed.")
    old_guards, new_guards = _safeguards(change.old_text), _safeguards(change.new_text)
    if new_guards > old_guards and not _names_a_place(change):
        # "protected by standard contractual clauses" → "… and, where the provider is certified, by
        # the Data Privacy Framework": the transfers are better protected, not sent further
        return change.finding("transfers", "substantive", "A clause about transfers abroad now names a further safeguard.")
    if old_guards - new_guards or _goes_further(change) and not _describes_a_safeguard(change):
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    if change.added_words or change.removed_words:
        return change.finding("transfers", "substantive", "A clause about transfers abroad was reworded; it names no new place, way or safeguard.")
    return None


#: Stems of words that take information somewhere new, or open where it may go, when added.
_FURTHER = frozenset((
    "transfer", "store", "stor", "host", "process", "sent", "send", "move", "moved", "access", "outside", "abroad", "worldwide",
    "anywhere", "international", "global", "countr", "country", "countrie", "region", "affiliate", "affiliat", "subsidiar",
    "partner", "vendor", "provider", "third",
))
_NAMES = frozenset(
    "we you our your i the a an this these those it in on for to by with and or if when "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_US = re.compile(r"\bUSA?\b|\bU\.S\.")
#: Words of :data:`_ABROAD` that name a place or way abroad in any case ("us" is a pronoun too).
_PLACE_WORDS = _ABROAD - {"us"}
#: Stems of words that say where information goes (not who takes it there).
_PLACES = frozenset(("outside", "abroad", "worldwide", "anywhere", "international", "global", "countr", "country", "countrie", "region"))


def _names_a_place_here(change: ClauseChange) -> bool:
    """True for a clause that names a place abroad in a section about transfers ("Some of our
    service providers are in the United States", under "International transfers"): where the
    information goes, whatever its verb. ("us" counts only as "US".)"""
    if "transfer" not in change.heading_topics:
        return False
    return not _PLACE_WORDS.isdisjoint(change.vocabulary) or any(_US.search(text) for text in (change.old_text, change.new_text))


def _safeguards(text: str) -> set[str]:
    return {m.group().lower() for m in SAFEGUARD.finditer(text)} if text else set()


def _names_a_place(change: ClauseChange) -> bool:
    """True when the words an edited clause gained name a place: a word of place, or a name (a
    capitalised word) that is not part of a safeguard's name ("the EU-US Data Privacy Framework")."""
    if change.added_words & _PLACES:
        return True
    if change.new is None:
        return False
    guards = [(m.start(), m.end()) for m in SAFEGUARD.finditer(change.new_text)]
    first = change.new.words[0] if change.new.words else None
    return any(
        w.written[:1].isupper() and w is not first and w.norm not in _NAMES
        and not any(start <= w.start < end for start, end in guards)
        and not any(start <= w.end + 1 < end for start, end in guards)  # "EU-US" just before "Data Privacy Framework"
        for span in change.spans for w in span.new
    )


def _describes_a_safeguard(change: ClauseChange) -> bool:
    """True when every run of words an edited clause gained follows a safeguard's name, set off by
    a comma or a bracket: it says something of the safeguard ("the EU-U.S. Data Privacy Framework,
    to which our main providers have certified, or …"), not where information goes."""
    guards = [m.end() for m in SAFEGUARD.finditer(change.new_text)]
    added = [span for span in change.spans if span.new]
    if not guards or not added or any(span.old for span in change.spans) or _names_a_place(change):
        return False
    text = change.new_text
    return all(
        any(0 < span.new[0].start - end <= 3 and text[end: span.new[0].start].strip() in (",", "(") for end in guards)
        for span in added
    )


#: The states of the European Economic Area (the EU's, Iceland, Liechtenstein, Norway), as words:
#: information moving among them is no transfer abroad (GDPR Art. 1(3), 44).
_EEA_STATES = frozenset(
    "austria belgium bulgaria croatia cyprus czechia czech republic denmark estonia finland france germany greece hungary "
    "ireland italy latvia lithuania luxembourg malta netherlands poland portugal romania slovakia slovenia spain sweden "
    "iceland liechtenstein norway".split()
)
_NAMES_THE_EEA = re.compile(r"\b(?:EU|EEA|European Union|European Economic Area)\b")


def _goes_further(change: ClauseChange) -> bool:
    """True when an edited clause about transfers gained a place or a way for information to go:
    a word of transfer or of place, or a name (a capitalised word: "the United States and India")
    — but not a state of the European Economic Area where the clause already named the EU or the
    EEA ("hosted in the European Union" → "… (Ireland)": where within it, not further)."""
    if change.added_words & _FURTHER:
        return True
    first = change.new.words[0] if change.new is not None and change.new.words else None
    names = [
        w.norm for span in change.spans if not named_beside(change, span) for w in span.new
        if w.written[:1].isupper() and w is not first and w.norm not in _NAMES
    ]
    if names and _EEA_STATES.issuperset(names) and _NAMES_THE_EEA.search(change.old_text):
        return False
    return bool(names)
