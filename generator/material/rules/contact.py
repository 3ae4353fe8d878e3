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
    # (a street named for someone: "Piet Heinkade 55")
    r"|\b(?:[A-Z][a-z]{1,20}\s{1,3}){0,2}[A-Z][a-zäöüåß]{1,30}(?:straße|strasse|str\.|weg|platz|gasse|allee|laan|straat|gracht|kade|singel|plein|dijk|markt|steeg|dreef"
    r"|gade|vej|gatan|gata|vägen|väg|veien|vei|gate|katu|tie|via|rue)"
    r"\s{1,3}\d{1,4}[a-z]?\b"
    # a Dutch postcode: "1016 GC Amsterdam"
    r"|\b\d{4}\s?[A-Z]{2}\s{1,3}[A-Z][a-z]{2,30}\b"
    # a Nordic postcode before its town: "111 34 Stockholm"
    r"|\b\d{3}\s\d{2}\s{1,3}[A-ZÅÄÖ][a-zåäö]{2,30}\b"
    # the number, then the kind of street, then its name: "17 rue des Tanneurs", "8 quai Saint-Antoine", "12 via Roma"
    r"|\b\d{1,5}(?:\s?(?:bis|ter))?,?\s{1,3}(?i:rue|quai|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|via|viale|piazza|corso"
    r"|calle|avenida|plaza|paseo|carrer|rua|praça|travessa)(?:\s{1,3}(?:(?:de la|de|des|du|la|le|di|del|della|da|do)\s{1,3})?[A-ZÀ-Ý][\w'’-]{0,30}){1,3}"
    # the kind of street, its name, then the number: "Via Ghibellina 118", "Viale Spartaco Lavagnini 7", "Calle Mayor 5"
    r"|\b(?i:via|viale|piazza|piazzale|corso|largo|vicolo|calle|avenida|plaza|paseo|carrer|rua|avinguda)"
    r"(?:\s{1,3}(?:(?:de la|de|del|della|di|da|do)\s{1,3})?[A-ZÀ-Ý][\w'’-]{0,30}){1,4},?\s{1,3}\d{1,5}[a-z]?\b"
)
_DIGIT = re.compile(r"\d")


# What each kind needs in a text before its pattern can match, looked for at C speed (a look for
# each character or word, where a pattern tries every position of the text). In other text than
# ASCII, digits are any script's and case is folded more widely: the patterns are searched as they are.
def _has_digit(text: str) -> bool:
    if not text.isascii():
        return _DIGIT.search(text) is not None
    # (ten looks written out: each costs less than a call of ``text.__contains__`` through ``map``)
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)


def _may_be_email(text: str) -> bool:
    return "@" in text


def _may_be_phone(text: str) -> bool:
    """A digit, and a "+" or a word for a telephone ("phone", "call", "tel.", "fax")."""
    if not _has_digit(text):
        return False
    if "+" in text or not text.isascii():
        return True
    lower = text.lower()
    return "phone" in lower or "call" in lower or "tel" in lower or "fax" in lower


def _may_be_postal(text: str) -> bool:
    """A digit, or "Suite", "Floor" or "Box" (written as they are: the pattern is case-sensitive)."""
    return _has_digit(text) or "Suite" in text or "Floor" in text or "Box" in text


#: Each kind of contact detail: its name, its pattern, and what a text needs before the pattern can match it.
KINDS = (
    ("e-mail address", _EMAIL, _may_be_email),
    ("telephone number", _PHONE, _may_be_phone),
    ("postal address", _POSTAL, _may_be_postal),
)


# The word a telephone number was found by ("Phone: ", "call us on "): not part of the number.
_PHONE_WORD = re.compile(r"^(?:phone|call(?: us)?(?: at| on)?|tel\.?|telephone|fax)[^\w+(]{1,5}", re.I)


def _written(kind: str, found: str) -> str:
    """A contact detail as it is quoted: one space apart, lower case; a telephone number without the
    word before it, or a bracket it opened and did not close ("+91 80 4718 2200 (10:00 am …")."""
    value = " ".join(found.split()).rstrip(".").lower()
    if kind == "telephone number":
        value = _PHONE_WORD.sub("", value)
        if value.count("(") > value.count(")"):
            value = value[: value.rindex("(")].rstrip()
    return value


def details(text: str) -> dict[str, set[str]]:
    """Contact details in ``text`` by kind."""
    return {
        kind: {_written(kind, m.group()) for m in pattern.finditer(text)} if may_be(text) else set()
        for kind, pattern, may_be in KINDS
    }


def _candidate(text: str) -> bool:
    """True when ``text`` has an @ or a digit: only such a text can hold an e-mail address, a
    telephone number or a postal address."""
    return "@" in text or _has_digit(text)


def _new_candidate(change: ClauseChange) -> bool:
    """:func:`_candidate` of the new text, for a change whose old text is none.

    In an edited ASCII clause every digit stands in a word, and the words outside its changed spans
    are the old clause's: when the old text has no digit, the new one has one only in the words put
    in (an @ may stand outside a word, and is looked for in the whole text)."""
    if change.kind == "edited" and change.old_text.isascii() and change.new_text.isascii():
        return "@" in change.new_text or _has_digit(change.changed_new_text())
    return _candidate(change.new_text)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A contact detail changed (substantive)."""
    if not (_candidate(change.old_text) or _new_candidate(change)):
        return None
    old, new = details(change.old_text), details(change.new_text)
    for kind, _, _ in KINDS:
        gone, came = sorted(old[kind] - new[kind]), sorted(new[kind] - old[kind])
        if gone and came:
            return change.finding("contact", "substantive", f"The {kind} {listing(gone)} is now {listing(came)}.")
        if came:
            return change.finding("contact", "substantive", f"A new {kind} is given: {listing(came)}.")
        if gone:
            return change.finding("contact", "substantive", f"The {kind} {listing(gone)} is no longer given.")
    return None
