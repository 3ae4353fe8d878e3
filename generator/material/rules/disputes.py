"""Dispute resolution and the law that applies (FTC: terms that change how a consumer can seek redress).

Arbitration, class-action waivers, jury waivers, courts, venue, injunctive relief, governing law.
Material: a clause about any of them added or removed, or edited to name another way, court,
place or law (or negated) — which way it cuts depends on the reader's country, so every such change
is one a reader must be told of. Substantive: a clause reworded that names the same ways, courts
and law.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..text import Anchored
from .context import Context

_DISPUTES = Anchored(re.compile(
    r"\barbitrat\w{0,5}|\bclass[- ]action|(?<!grand )\bjury\b|\bgoverning law\b|\bgoverned by\b[^.;]{0,40}\blaws?\b|"
    r"\blaws? of\b[^.;]{0,60}\b(?:govern|appl(?:y|ies) to (?:this|these|any dispute))|"
    r"\b(?:exclusive|personal|non-exclusive) jurisdiction\b|\bjurisdiction (?:of|over)\b|\bsubmit to\b[^.;]{0,20}\bjurisdiction\b|"
    r"\bvenue\b|\bcourts? (?:of|in|located)\b|\binjunct\w{0,5}|\bequitable relief\b|\bdispute resolution\b|"
    r"\bsmall claims\b|\bwaive\w{0,2}\b[^.;]{0,60}\b(?:right|claim|restriction)s?\b|\blegal proceedings?\b"
    # a court by its kind: "the District Court whose jurisdiction covers the User's domicile"
    r"|\b(?:district|county|regional|high|supreme|civil|commercial|administrative) courts?\b"
    # an appeal of the company's decision to a court or tribunal: "may be appealed to the administrative court"
    r"|\bappeal(?:ed|s)?\s{1,3}to\s{1,3}(?:the\s{1,3}|a\s{1,3}|an\s{1,3})?(?:[\w-]{1,30}\s{1,3}){0,2}?(?:courts?|tribunals?)\b",
    re.I,
), starts=(
    "arbitrat", "class", "jury", "governing", "governed", "law", "exclusive", "personal", "non", "jurisdiction", "administrative", "appeal",
    "submit", "venue", "court", "injunct", "equitable", "dispute", "small", "waive", "legal",
    "district", "county", "regional", "high", "supreme", "civil", "commercial",
))

# An ombudsman that settles complaints out of court: "refer the matter to the Ombudsman for Financial
# Services". One named only as a way to do something else settles nothing: "You decide which doctors
# may see which documents, in the app or, without a smartphone, through the ombudsman office set up by us".
_OMBUDSMAN = re.compile(r"\bombudsm[ae]n\b", re.I)
#: Words of a complaint or a dispute, one of which a clause naming an ombudsman must hold.
_REDRESS = frozenset((
    "complain", "complains", "complained", "complaint", "complaints", "dispute", "disputes", "disputed", "refer", "referred",
    "escalate", "escalated", "resolve", "resolved", "resolution", "settle", "settled", "redress", "dissatisfied", "unhappy",
    "satisfied", "grievance", "grievances", "appeal", "appeals", "decision", "decisions", "independent", "free",
))


def _about_disputes(text: str, words: frozenset[str]) -> bool:
    """True when ``text`` (whose words are ``words``) speaks of a way of resolving disputes or the law that applies."""
    return _DISPUTES.search(_unregistered(text)) is not None \
        or ("ombudsman" in words or "ombudsmen" in words) and not _REDRESS.isdisjoint(words) and _OMBUDSMAN.search(text) is not None


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Any change in substance to how disputes are resolved or which law applies."""
    if "disputes" not in change.topics:
        return None
    if not (change.new is not None and _about_disputes(change.new_text, change.new.wordset)
            or change.old is not None and _about_disputes(change.old_text, change.old.wordset)):
        return None
    if change.kind == "inserted":
        return change.finding("disputes", "material", "A new clause about resolving disputes, courts or the law that applies.")
    if change.kind == "removed":
        return change.finding("disputes", "material", "A clause about resolving disputes, courts or the law that applies was removed.")
    if change.added_words or change.removed_words:
        old, new = _terms(change.old_text), _terms(change.new_text)
        if old != new or change.old_reading.negated != change.new_reading.negated:  # type: ignore[union-attr]
            return change.finding("disputes", "material", "A clause about resolving disputes, courts or the law that applies changed.")
        return change.finding("disputes", "substantive",
                              "A clause about resolving disputes was reworded; it names the same ways, courts and law.")
    return None


# Where a company is registered: "registered with the Local Court of Berlin-Charlottenburg under
# HRB 241877 B" names a commercial register kept by a court, not a court that decides disputes.
_REGISTERED = re.compile(r"\bregistered\s{1,3}(?:with|at|in)\s{1,3}(?:the\s{1,3})?(?:commercial\s{1,3}register\s{1,3}of\s{1,3}(?:the\s{1,3})?)?(?:[\w-]{1,30}\s{1,3}){0,2}?courts?\b(?:\s{1,3}of\s{1,3}[\w-]{1,30})?", re.I)


def _unregistered(text: str) -> str:
    """``text`` without where a company is registered (see :data:`_REGISTERED`)."""
    return _REGISTERED.sub(" ", text) if "egistered" in text else text


# The ways of resolving a dispute a clause names, each under one name whatever the wording ("the
# courts of Munich have jurisdiction" and "disputes are decided by the courts of Munich" name the
# same court); the names themselves (places, courts, bodies) are compared as written.
_WAYS = (
    ("court", re.compile(r"\bcourts?\b|\bjurisdiction|\bvenue|\btribunal", re.I)),
    ("arbitration", re.compile(r"\barbitrat", re.I)),
    ("class action", re.compile(r"\bclass[- ]action|\bclass\b|\brepresentative action", re.I)),
    ("jury", re.compile(r"\bjury\b", re.I)),
    ("waiver", re.compile(r"\bwaive", re.I)),
    ("law", re.compile(r"\bgovern(?:ed|ing|s)?\b|\blaws?\b", re.I)),
    ("injunction", re.compile(r"\binjunct|\bequitable relief", re.I)),
    ("small claims", re.compile(r"\bsmall claims", re.I)),
    ("mediation", re.compile(r"\bmediat", re.I)),
    ("ombudsman", re.compile(r"\bombudsm[ae]n\b", re.I)),
    ("home", re.compile(r"\bat home\b|\bwhere you live\b|\byour (?:country|state) of residence\b|\bdomicile\b|\bplace of residence\b", re.I)),
    # whether the courts named are the only ones: "exclusive jurisdiction" → "non-exclusive jurisdiction"
    # opens other courts (and the other way closes them)
    ("exclusive", re.compile(r"(?<!non-)(?<!non )\bexclusive(?:ly)?\b|\bonly\s{1,3}(?:the\s{1,3})?courts?\b", re.I)),
    ("non-exclusive", re.compile(r"\bnon[- ]exclusive(?:ly)?\b", re.I)),
)
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'-]+")
_NOT_NAMES = frozenset("The This These Those We You Our Your Any Each All If Unless Disputes Dispute Courts Court".split())


def _terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The ways a clause names and the names it gives (capitalised words but the common ones)."""
    ways = frozenset(name for name, pattern in _WAYS if pattern.search(text))
    names = frozenset(m.group() for m in _NAME.finditer(text) if m.group() not in _NOT_NAMES)
    return ways, names
