"""How to reach the company (GDPR Art. 13(1)(a)–(b); CCPA § 1798.130(a)(1)): e-mail, postal address, telephone.

Substantive: a contact detail replaced, added or removed — never editorial, even when it differs by
one letter. Material only when the controller itself changes (the controller rule).
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..text import listing
from .context import Context

# Bounded, and anchored so that a long token is tried from its start only: linear on a 200 KB hash.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
# A telephone number: one that starts with "+" or follows a word for it ("call us on", "tel.").
_PHONE = re.compile(
    r"(?:(?<![\w+])\+\d{1,4}|\b(?:phone|call(?: us)?(?: at| on)?|tel\.?|telephone|fax)\W{1,5}\+?\(?\d{1,4}\)?)(?:[ .-]?\(?\d{2,5}\)?){2,5}(?!\w)",
    re.I,
)
_POSTAL = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]{2}\s{1,3}\d{5}(?:-\d{4})?\b|\b\d{4,5}\s{1,3}[A-Z][a-zäöüß]{2,30}\b"
    r"|\b\d{1,5}[A-Za-z]?,?\s{1,3}(?:[A-Z][\w'-]{0,30}\s{1,3}){1,3}(?:Street|St\.|Road|Rd\.|Lane|Avenue|Ave\.|Way|Boulevard|Blvd\.|"
    r"Place|Square|Drive|Court|Row|Terrace|Close|Straße|Strasse|Quay)(?!\w)|\b(?:Suite|Floor|P\.?\s?O\.? Box)\s{1,3}\w{1,10}"
    r"|\b[A-Z][a-zäöüß]{1,30}(?:straße|strasse|str\.|weg|platz|gasse|allee|laan|straat|gade|vej|gatan|via|rue)\s{1,3}\d{1,4}[a-z]?\b"
)
# Only a text with an @ or a digit can hold an e-mail address, a telephone number or a postal address.
_CANDIDATE = re.compile(r"[@\d]")
KINDS = (("e-mail address", _EMAIL), ("telephone number", _PHONE), ("postal address", _POSTAL))


def details(text: str) -> dict[str, set[str]]:
    """Contact details in ``text`` by kind."""
    return {kind: {" ".join(m.group().split()).rstrip(".").lower() for m in pattern.finditer(text)} for kind, pattern in KINDS}


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A contact detail changed (substantive)."""
    if not (_CANDIDATE.search(change.old_text) or _CANDIDATE.search(change.new_text)):
        return None
    old, new = details(change.old_text), details(change.new_text)
    for kind, _ in KINDS:
        gone, came = sorted(old[kind] - new[kind]), sorted(new[kind] - old[kind])
        if gone and came:
            return change.finding("contact", "substantive", f"The {kind} {listing(gone)} is now {listing(came)}.")
        if came:
            return change.finding("contact", "substantive", f"A new {kind} is given: {listing(came)}.")
        if gone:
            return change.finding("contact", "substantive", f"The {kind} {listing(gone)} is no longer given.")
    return None
