"""Sensitive practices and kinds of information (CPRA § 1798.121, 1798.140(ae); GDPR Art. 9, 22; COPPA).

Selling, targeted advertising, profiling, tracking across sites, precise location, biometric,
genetic and health data, children, government requests, AI training, automated decisions, data
brokers, government identifiers (the configurable ``risk_terms``). Material: a clause now says the company (or someone it
lets) does one of them — read in the clause, so "we do not sell" or "we never use it to train"
is a limit (commitments rule), not a new risk. Substantive: such a mention removed.
"""

from __future__ import annotations

import re
from collections import Counter

from ..changes import ClauseChange
from ..findings import Finding
from ..clauses import split
from ..reading import MAY_WORDS, negates
from ..text import listing, plain_words, quote
from .context import Context


def practices_in(text: str, norms: "frozenset[str]", context: Context) -> dict[str, str]:
    """Families present in a clause: only those with a spelling whose first word starts a word here,
    and not as a word of a title ("the My Health My Data Act", "our Consumer Health Data Privacy
    Policy", "the Children's Online Privacy Protection Act": citing a law or a document is no practice)."""
    options = context.options
    found: dict[str, str] = {}
    for index in sorted(options.families_in(norms)):
        family = options.families[index]
        match = family.pattern.search(text)
        if match is not None and _not_the_practice(text, match):
            match = next((m for m in family.pattern.finditer(text) if not _not_the_practice(text, m)), None)
        if match:
            found.setdefault(family.label, match.group())
    return found


#: The label of the family of automated decisions (GDPR Art. 22) among the default risk terms.
_AUTOMATED = "automated decision"
#: Words without which no clause says a person takes part in a decision.
PERSON_WORDS = frozenset(("person", "human", "people", "member", "staff", "employee", "manually", "manual", "underwriter", "underwriters",
                           "officer", "officers", "caseworker", "reviewer"))
# A person in the decision: "is always made by a person", "a member of our underwriting team
# reviews", "with human review", "checked manually".
BY_A_PERSON = re.compile(
    r"\b(?:made|taken|reviewed|checked|decided|approved|assessed|carried out|conducted|examined) by (?:a|an|one of our|our)(?: [\w-]{1,20}){0,2}? "
    r"(?:person|human|member|staff|people|employee|underwriters?|officers?|caseworkers?|reviewers?|analysts?)\b"
    r"|\bhuman (?:review|involvement|intervention|oversight|decision)|\b(?:a|an|our) (?:person|human|staff member|employee|underwriter|officer|caseworker|reviewer"
    r"|member of (?:our|the)(?: [\w-]{1,20}){0,3} team)(?: (?:of|from) (?:our|the)(?: [\w-]{1,20}){0,3}? team)?(?: (?:will|may|can|must|shall|always))? (?:reviews?|decides?|checks?|looks? at|makes?|assess\w{0,2})\b"
    # a person the reader may turn to about the decision: "submit observations to a member of our staff"
    r"|\bto (?:a|an) (?:member of (?:our|the) staff|staff member|person|human reviewer)\b"
    r"|\bmanual(?:ly)? (?:review|check)|\b(?:reviewed|checked|assessed) manually\b",
    re.I,
)


#: Words of a measure that protects information.
_MEASURE_WORDS = frozenset((
    "encryption", "encrypted", "encrypt", "encrypting", "locked", "lockable", "password", "passwords", "firewall", "firewalls",
    "pseudonymisation", "pseudonymization", "pseudonymised", "pseudonymized", "backup", "backups", "authentication", "two-factor",
    "multi-factor", "shredding", "shredded", "safes",
))
# A heading or a lead-in about security: "Security of personal data", "… technical and organisational measures, including:".
_SECURITY = re.compile(r"\bsecur|\b(?:technical|organi[sz]ational|protective)\s{1,3}(?:and\s{1,3}organi[sz]ational\s{1,3})?(?:measures|safeguards|controls)\b", re.I)

# "his or her", just before what it names (up to two words between): a person other than the reader's own.
_HIS_OR_HER = re.compile(r"\b(?:his\s{1,3}or\s{1,3}her|her\s{1,3}or\s{1,3}his|his/her|his|her)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}$")


def _about_security(change: ClauseChange) -> bool:
    """True when a clause stands under a heading about security, or is an entry of a list of measures."""
    clause = change.new or change.old
    return any(_SECURITY.search(heading) for heading in change.section[-2:]) or bool(clause and clause.lead and _SECURITY.search(clause.lead))


def person_left(change: ClauseChange) -> bool:
    """True when an edited clause about automated decisions no longer says a person takes part in
    them (GDPR Art. 22(1), (3)): "… but the decision is always made by a person" taken out."""
    if PERSON_WORDS.isdisjoint(change.changed_old_words):
        return False
    return BY_A_PERSON.search(change.old_text) is not None and BY_A_PERSON.search(change.new_text) is None


# What makes a person's review of decisions one that waits or covers fewer: "if you ask us", "on request".
_ON_REQUEST = re.compile(r"\bif you (?:ask|request|appeal|apply|object)\b|\b(?:on|upon) (?:your )?request\b|\bonly (?:if|when|where)\b", re.I)


def review_lessened(change: ClauseChange) -> bool:
    """True when an edited clause in which a person reviews decisions now has the person review fewer
    of them: only on the reader's request ("An officer reviews every decision to refuse or reduce an
    award" → "An officer reviews a decision to refuse an award if you ask us to reconsider it"), or
    no longer every one (GDPR Art. 22(3): human intervention as a safeguard)."""
    if change.old is None or BY_A_PERSON.search(change.old_text) is None:
        return False
    lost_every = not {"every", "all", "each", "always"}.isdisjoint(change.changed_old_words)
    waits = _ON_REQUEST.search(change.new_text) is not None and _ON_REQUEST.search(change.old_text) is None
    return lost_every or waits


def review_made_optional(change: ClauseChange) -> bool:
    """True when an edited clause in which a person reviews decisions now only says they may: "The
    review will be carried out by a person from our credit team" → "may be carried out"."""
    old_words, new_words = change.changed_old_words, change.changed_new_words
    # ("an employee of our fraud team reviews it" → "… may review it": the verb's own present tense was as firm)
    firm = not _FIRM.isdisjoint(old_words) or any(w.endswith("s") and w[:-1] in new_words for w in old_words)
    return firm and not MAY_WORDS.isdisjoint(new_words) \
        and BY_A_PERSON.search(change.old_text) is not None and BY_A_PERSON.search(change.new_text) is not None


#: What says a thing is done (against :data:`.reading.MAY_WORDS`, what says it only may be).
_FIRM = frozenset(("will", "is", "are", "must", "shall", "always"))


def _not_the_practice(text: str, match: "re.Match[str]") -> bool:
    """True when a family's words stand in a title, or sell to the reader ("the dealer that sold
    you the vehicle": a sale of goods, not of the reader's information)."""
    found = match.group()[:5].lower()
    if found == "finge":
        # a file's fingerprint is a hash, not a person's: "compares a digital fingerprint of each file"
        # (and so are the others the sentence compares it with: "… with fingerprints of previously identified CSAM")
        return _FILE_PRINT.search(text) is not None
    if found == "train":
        if _A_TRAIN.search(text, max(0, match.start() - 20), match.start()) is not None or _TRAIN_NOUN.match(text, match.end()) is not None:
            return True  # a train one travels on: "a regional train", "the train operator"
        return _TRAINS_PEOPLE.match(text, match.end()) is not None or _PEOPLE_TRAINED.search(text, max(0, match.start() - 60), match.start()) is not None \
            or _in_title(text, match.start(), match.end())
    if found == "polic" and _POLICE_OWN.match(text, match.end()) is not None and _HANDED_OVER.search(text) is None:
        # the police named where nothing goes to them: "MoPI groups police records into three
        # categories" (a police force's own records), not information given to the police
        return True
    return _in_title(text, match.start(), match.end()) or (
        found[:4] in ("sell", "sold") and _TO_THE_READER.match(text, match.end()) is not None
    )


# What belongs to the police, after the word: "police records", "police officers".
_POLICE_OWN = re.compile(r"\s{1,3}(?:records?|data|information|files?|systems?|databases?|forces?|services?|officers?|staff|national\s{1,3}computer)\b", re.I)
# Information going to someone, or asked for: the police as those who receive it.
_HANDED_OVER = re.compile(
    r"\b(?:disclos|shar|provid|pass|hand|respond|request|ask|demand|order|compel|requir|suppl|report|giv|gave|sen[dt]|transfer|access"
    r"|obtain|receiv|cooperat|co-operat|assist|investigat|warrant|subpoena)", re.I)


# A train that runs on rails: "a regional train", "by train", "the train operator".
_A_TRAIN = re.compile(r"\b(?:a|by|regional|local|express|commuter|night|intercity|high-speed|suburban|passenger|freight)\s{1,3}$", re.I)
_TRAIN_NOUN = re.compile(r"\w{0,1}\s{1,3}(?:operators?|stations?|tickets?|journeys?|lines?|services?|fares?|companies|timetables?)\b", re.I)


# People trained, not a model: "trains its employees regularly", "our staff are trained in data protection".
_PEOPLE = r"(?:employees|staff|personnel|team|workers|agents|volunteers|drivers|riders|people|advisers|advisors|colleagues|partners|lawyers|solicitors|clinicians)"
# ("training of employees", "training for all staff", "training for all partners and staff", "training on data protection and security")
_TRAINS_PEOPLE = re.compile(
    r"\w{0,4}\s{1,3}(?:(?:[\w-]{1,20}\s{1,3}){0,4}?" + _PEOPLE + r"|(?:on|in|about)\s{1,3}(?:data\s{1,3}protection|privacy|security|confidentiality))\b", re.I,
)
# ("staff training", "our staff are trained in …", "employees receive regular training")
_PEOPLE_TRAINED = re.compile(_PEOPLE + r"\s{1,3}(?:(?:are|is|were|have\s{1,3}been|get|receive|undergo)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2})?$", re.I)


# A fingerprint of data, not of a finger: "a digital fingerprint of each file", "file fingerprints".
_FILE_PRINT = re.compile(r"\b(?:digital|file|content|hash|audio|video|image|photo)\s{1,3}fingerprints?\b|\bfingerprints?\s{1,3}of\s{1,3}(?:each|every|the|a|an|its|your)?\s{0,3}(?:files?|images?|photos?|content|videos?|data)\b", re.I)


# What follows a verb of selling when the reader is who buys: "sold you", "sells to you".
_TO_THE_READER = re.compile(r"\w{0,4}\s{1,3}(?:to\s{1,3})?you\b(?!r)", re.I)


# A run of capitalised words (small linking words allowed inside): a name or a title.
_TITLE_WORD = re.compile(r"[A-Z][\w'’.-]*|of|and|for|the|on|in|to|&")


def _in_title(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a capitalised word inside a run of at least three capitalised
    words (besides a linking word or two)."""
    if not text[start:start + 1].isupper():
        return False
    before = text[:start].split()[-4:]
    after = text[end:].split()[:4]
    words = 1
    for word in reversed(before):
        if not _TITLE_WORD.fullmatch(word.strip("(\"“”")):
            break
        words += word[:1].isupper()
    for word in after:
        if not _TITLE_WORD.fullmatch(word.rstrip(".,;:)\"“”")):
            break
        words += word[:1].isupper()
    return words >= 3


def _blocks_came_or_went(change: ClauseChange, context: Context) -> bool:
    """True when a block of the change's section came or went in this diff (a list written as a
    paragraph, or the other way): only then may a practice have moved from one block to another."""
    section = tuple(change.section)
    return section in context.memo(("sections with blocks that came or went",), lambda: {
        tuple(c.section) for c in context.changes if c.old is None or c.new is None})


def _said_in_section(change: ClauseChange, context: Context, side: str) -> "Counter[str]":
    """How many clauses of the change's section, on one side, state each practice (and do not rule it out)."""
    text = context.section_text(change, side)
    return context.memo(("practices in section", side, text), lambda: Counter(
        label for clause in split(text) if not negates(clause.text) for label in practices_in(clause.text, clause.wordset, context)))


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A sensitive practice now stated (material), or no longer mentioned (substantive)."""
    if not context.options.families_in(change.vocabulary):
        return None
    old = practices_in(change.old_text, change.old.wordset, context) if change.old is not None else {}
    new = practices_in(change.new_text, change.new.wordset, context) if change.new is not None else {}
    if change.kind != "edited" and new != old:
        # a clause added to (or taken from) a block that stays: what the block already said (or
        # still says) is no new practice ("… are 'sharing' for cross-context behavioral advertising."
        # gains "A disclosure counts as 'sharing' whenever it is made for cross-context behavioral advertising.")
        other = context.block_text(change, "old" if change.kind == "inserted" else "new")
        if other is not None:
            # (said, not ruled out: "We do not show ads in the app" says no practice)
            said = {label for clause in split(other) if not negates(clause.text) for label in practices_in(clause.text, clause.wordset, context)}
            old, new = ({k: v for k, v in old.items() if k not in said}, new) if change.kind == "removed" else (old, {k: v for k, v in new.items() if k not in said})
    came = [term for label, term in new.items() if label not in old]
    if came and change.kind == "edited":
        # (a practice its paragraph already spoke of, now named in the clause: "Law enforcement and
        # legal requests. We may share … We review every request" → "Our law enforcement response
        # team reviews every request")
        block = context.block_text(change, "old")
        if block is not None and not {label for label in new if label not in old}.isdisjoint(
                context.memo(("practices named", block), lambda: practices_in(block, frozenset(plain_words(block)), context))):
            # (its clauses that do not rule the practice out, looked at only when the paragraph names it at all)
            said = context.memo(("practices said", block), lambda: {
                label for clause in split(block) if not negates(clause.text) for label in practices_in(clause.text, clause.wordset, context)})
            came = [term for label, term in new.items() if label not in old and label not in said]
    if came and change.kind != "removed" and _blocks_came_or_went(change, context):
        # (a practice its section says no more often than before, in clauses that do not rule it
        # out: a list written as a paragraph, "… - advertising and analytics partners, which tell us
        # how our ads performed" → "… and our advertising and analytics partners, which tell us how
        # our ads performed", moves the practice, it does not add one)
        before, after = _said_in_section(change, context, "old"), _said_in_section(change, context, "new")
        came = [term for label, term in new.items() if label not in old and after.get(label, 0) > before.get(label, 0)]
    if came and len(change.section) > 1 and not (change.new or change.old).item:  # type: ignore[union-attr]
        # (a practice a heading of the section names is what the section is about: under "4. Biometric
        # Information", "We will confirm by email once your Biometric Data has been destroyed"; an
        # entry of a list may still name a new case of it, which its list's rule reads)
        named = context.memo(("practices of headings", change.section), lambda: {
            label for heading in change.section[1:] for label in practices_in(heading, frozenset(plain_words(heading)), context)})
        if named:
            came = [term for label, term in new.items() if label not in old and label not in named]
    if came and not _MEASURE_WORDS.isdisjoint((change.new or change.old).wordset) and _about_security(change):  # type: ignore[union-attr]
        # a measure that protects it, under "Security" or among "technical and organisational
        # measures": "encryption of the electronic folders in which scanned passports are stored"
        # names what is protected, not a practice
        came = []
    if came and change.reading.actor == "other":
        # someone else's own, not the reader's: "the Field Officer must show you his or her identity card"
        text = (change.new_text or change.old_text).lower()
        came = [term for term in came if not _HIS_OR_HER.search(text, 0, max(0, text.find(term.lower())))]
    if came and change.old_text and "advertis" in change.old_text.lower():
        # ("ads" in a clause that spoke of advertising names no new practice: "… to serve targeted
        # advertising and measure ad performance" → "… and to measure how ads perform")
        came = [term for label, term in new.items() if term in came and label != "ads"]
    gone = [term for label, term in old.items() if label not in new]
    reading = change.reading
    if came and not reading.restricts and reading.actor != "reader":
        return change.finding("practices", "material", f"The clause now speaks of {listing([quote(t, 40) for t in came])}.")
    if change.kind == "edited" and (_AUTOMATED in new or _AUTOMATED in old) and person_left(change):
        return change.finding("practices", "material", "The clause no longer says a person takes part in the decision.")
    if gone and change.kind != "inserted" and not (change.old_reading and change.old_reading.restricts):
        return change.finding("practices", "substantive", f"The clause no longer speaks of {listing([quote(t, 40) for t in gone])}.")
    return None
