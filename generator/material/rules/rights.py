"""The reader's rights and choices (GDPR Art. 13(2)(b)–(d), 15–22, 77; CCPA/CPRA §§ 1798.100–1798.125).

Access, correction, deletion, portability, objection, restriction, withdrawing consent, opting out
of sale, sharing or marketing, complaining to an authority, appeal, non-discrimination, and the
settings that give effect to them, and the first of them: being allowed to use the service at all.
Material: a right removed, negated, or made conditional; a clause that bars readers from the
service by who they are (age, residence, sanctions status). A new right, or a right stated more
broadly, is substantive.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..clauses import Clause
from ..findings import Finding
from ..reading import LEADING_CONDITION, content_words, last_sentence, negates, negates_what_it_says, root_stems
from ..text import Anchored, WordTable, plain_words
from .context import Context, contact_line, in_examples
from .practices import BY_A_PERSON, PERSON_WORDS, person_left, review_lessened, review_made_optional

# A reader by what they are to the company, in the singular: "A Member may …", "the patient can …".
# (from the noun on: an article is too common a word to begin where the pattern is tried)
_A_READER = r"(?:user|member|customer|client|patient|parent|consumer|individual|account holder|data subject)"
_READER_MAY = (
    rf"\b(?:you|users|members|customers|parents|account holders|{_A_READER}) "
    r"(?:can|may|could|has the right to|have the right to|is entitled to|are entitled to|have the option to|has the option to)"
)  # the reader (or the readers, by what they are to the company) as who may do something
_RIGHT = Anchored(re.compile(
    r"\bright(?:s)? (?:to|of)\b[^.;]{0,20}\b(?:access|request|know|correct|rectif\w{0,6}|delet\w{0,3}|eras\w{0,3}|port\w{0,8}|object|restrict\w{0,3}|"
    r"withdraw|opt|lodge|complain\w{0,2}|appeal|non-discrimination|be informed|be forgotten)"
    r"|" + _READER_MAY + r"\b[^.;]{0,40}\b(?:access|correct|update|delete|erase|request|"
    r"object|withdraw|download|export|restrict|review|manage|receive|port|ask(?: us)? (?:for|to)|obtain)\b[^.;]{0,60}\b(?:data|information|account|content|profile|details|records?|copy|logs?|history|files?|entries|notes|messages|photos|decisions?|"
    # (a list of those to whom it was disclosed: "You may request a list of the requesters to whom …")
    r"lists?|accounting|"
    r"processing|profiling|marketing)\b"
    # another way for a reader who says no: "A customer who does not give such consent may have his or
    # her identity verified in person at any branch" (consent is free only where refusing costs nothing)
    r"|\b(?:who|if\s{1,3}you)\s{1,3}(?:does|do|did)\s{1,3}not\s{1,3}(?:give|consent|agree|wish)\b[^.;]{0,60}\b(?:may|can)\b"
    # the reader's freedom to say no: "You are not required to consent to biometric verification"
    r"|\b(?:you|users|members|customers|parents)\s{1,3}(?:are|is)\s{1,3}(?:not|under no obligation)\s{1,3}(?:required|obliged|obligated|bound)?\s{0,3}to\s{1,3}(?:consent|agree|provide|give|share|use|accept)\b"
    # a request the reader may make is a right, whatever it asks for: "You may request the Company to suspend the use of, or erase, …"
    r"|" + _READER_MAY + r" (?:also )?(?:request|demand|require)\s{1,3}(?:us|the\s{1,3}company|that)\b"
    # (the reader's organisation's administrator chooses for it: "Administrators can turn the assistant off")
    rf"|\b(?:you|users|members|customers|parents|account holders|administrators|admins|{_A_READER}) (?:can|may|could)\b[^.;]{{0,80}}?\b(?:opt[- ]out|opt[- ]in|unsubscribe|complain\w{{0,3}}|appeal|object"
    r"|turn off|switch off|(?:turn|switch)(?:\s{1,3}[\w'-]{1,20}){1,3}?\s{1,3}off|disable|deactivate|limit|refuse|block|reject|decline"
    r"|switch between|choose between"
    # a complaint to the regulator (GDPR Art. 77): "A Member may contact either regulator at any time"
    r"|contact(?:\s{1,3}[\w'-]{1,20}){0,2}?\s{1,3}(?:regulators?|commissioner|ombuds\w{1,6}|(?:supervisory|data protection) authorit(?:y|ies))"
    # without giving one's name: "you may book a consultation using a pseudonym" (Australia's APP 2)
    r"|anonymously|pseudonym\w{0,3}"
    r"|stop (?:sending|contacting|emailing|e-mailing|calling)|stop(?: [\w-]{1,20}){0,2} (?:messages|reminders|emails|e-mails|notifications|texts|calls|newsletters?))\b"
    r"|\bopt[- ]out\b|\bunsubscrib\w{0,3}\b|\bsupervisory authority\b|\bdata protection authority\b|\bdo not sell or share\b|"
    r"\bglobal privacy control\b|\bGPC\b|\bwithdraw (?:your )?consent\b"
    # a person to look at an automated decision again (GDPR Art. 22(3))
    r"|\bhuman (?:review|intervention)\b"
    # giving information is the reader's choice: "Providing your SIN for this purpose is optional"
    r"|(?:(?<=\bis )|(?<=\bare )|(?<=\bis entirely )|(?<=\bare entirely )|(?<=\bis completely )|(?<=\bare completely )"
    r"|(?<=\bis always )|(?<=\bare always )|(?<=\bis generally )|(?<=\bare generally )|(?<=\bis usually )|(?<=\bare usually )"
    r"|(?<=\bis normally )|(?<=\bare normally )|(?<=\bis typically )|(?<=\bare typically ))(?:optional|voluntary)\b|\bunder no obligation to\b"
    # how long a choice the reader made holds: "Your choice will apply until you tell us to change it"
    r"|\byour (?:choice|opt[- ]out|preference|election)s? (?:will|shall|does|do) (?:apply|remain|stay|last|continue)\b"
    r"|\b(?:method|format|way|means|language|channel) you (?:designate|choose|select|prefer|specify)\b"
    # rights given as a whole: "we give every user the same rights", "you have the same rights" (not a
    # list's lead-in, "you have the following rights:", which its entries say)
    r"|\byou\s{1,3}have\s{1,3}(?:these|the\s{1,3}same)\s{1,3}rights\b"
    # (the company giving them to the reader: "you grant us the rights …" is a licence, not a right of the reader's)
    r"|\bwe\s{1,3}(?:give|grant|extend)\s{1,3}(?:you|(?:all|every)\s{1,3}(?:of\s{1,3}our\s{1,3})?(?:[\w-]{1,20}\s{1,3})?users?|our\s{1,3}users)\b[^.;]{0,30}?\brights\b",
    re.I,
), starts=("right", "you", "we", "who", "if", "users", "members", "customers", "parents", "account", "administrators", "admins", "opt", "unsubscrib", "supervisory",
           "data", "do", "global", "gpc", "withdraw", "human", "optional", "voluntary", "user", "member", "customer", "client", "patient", "parent",
           "consumer", "individual", "method", "format", "way", "means", "language", "channel", "under"))
_CONDITIONS = Anchored(re.compile(
    r"\b(?:only|unless|except|provided that|subject to|within|limited|refuse|decline|fee|charge|verify|verification|no longer|reasonable"
    # proof the reader must bring: "include a certified copy of your photo identification"
    r"|identification|proof of (?:identity|address)|certified|notari[sz]ed"
    # only for those who live somewhere: "Wherever you live" → "If you live in Washington, Nevada or Connecticut"
    r"|if you (?:live|reside|are (?:a )?residents?) in|residents of"
    r"|(?:located|living|resident) in (?:states|countries|jurisdictions|certain)|whose laws require|where (?:the )?law requires|where required by law"
    # a right kept as a rule with exceptions: "we will not normally charge a fee"
    r"|normally|usually|generally|typically|ordinarily"
    # a choice that lapses: "Your choice will apply for five years, after which you will need to renew it"
    r"|renew|renewed|expire|expires|lapse|lapses"
    # a limit left to the company: "… and to any longer period for which the Company considers the retention necessary"
    r"|considers|deems|discretion"
    # some of the information only: "personal information we maintain about you" → "… we collected directly from you"
    r"|directly"
    # only on some grounds, or for a time: "to request that the Clinic limit the processing of his or
    # her data while the accuracy of the data is being verified"
    # ("[as] long as", "[in] certain cases": looked for from their rarer word)
    r"|while|long as|certain (?:cases|circumstances)|some (?:cases|circumstances))\b",
    re.I,
), starts=(
    "only", "unless", "except", "provided", "subject", "within", "limited", "refuse", "decline", "fee", "charge",
    "verify", "verification", "no", "reasonable", "identification", "proof", "certified", "notari", "if", "residents",
    "located", "living", "resident", "whose", "where", "normally", "usually", "generally", "typically", "ordinarily",
    "renew", "expire", "lapse", "considers", "deems", "discretion", "directly", "while", "long", "certain", "some",
))
# Only for those who live somewhere, said of the reader: "… and we can determine that you are a
# California or Colorado resident" (looked for only where the clause gained "resident").
_RESIDENT_ONLY = re.compile(r"\byou\s{1,3}are\s{1,3}an?\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}?residents?\b", re.I)


# The reader barred from the service by who they are — their age (GDPR Art. 8, COPPA), where they
# live, their status under sanctions — rather than by what they do: the first choice a reader has
# is whether they may use the service at all, and a bar closes the accounts (and the information)
# of those it excludes. ("You may not use it to send spam" limits conduct and is not a bar.)
_BARRED = Anchored(re.compile(
    r"\b(?:may not|cannot|can't|must not|are not (?:permitted|allowed|eligible) to|will not be able to)\s{1,3}"
    r"(?:use|access|register for|sign up for|create an account|open an account)\b[^.;]{0,80}?"
    r"\b(?:if|unless|while) you (?:are|reside|live)\b"
    r"|\byou must be (?:at least |over |aged? )?\d{1,2}\b[^.;]{0,40}\bto (?:use|access|register|sign up|create)\b",
    re.I,
), starts=("may", "can", "must", "are", "will", "you"))
# The same age bar, what it bars first: "To create an account you must be at least 18 years old" (looked
# for only where a clause now bars, to tell a bar said again from a new one).
_AGE_AFTER = re.compile(r"\bto (?:use|access|register|sign up|create)\b[^.;]{0,40}\byou must be (?:at least |over |aged? )?\d{1,2}\b", re.I)


# An age below which the service is not for the reader: "not for anyone under 18", "you must be 18
# or older", "not directed to children under 13".
_AGE_BAR = re.compile(
    r"\b(?:under|below|younger than|at least|over|aged?)\s{1,3}(?:the age of\s{1,3})?(\d{1,2})\b|\b(\d{1,2})\s{0,3}(?:or older|or over|years (?:of age )?or older|\+)",
    re.I,
)


def _ages(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _AGE_BAR.finditer(text)}


def _same_age_bar(change: ClauseChange, context: Context) -> bool:
    """True when a new clause that bars readers by age names an age the old version already named
    ("Lantern is not for anyone under 18" → "You must be 18 or older to use Lantern"): the same bar."""
    ages = _ages(change.new_text)
    return bool(ages) and ages <= context.anywhere("old", _ages)


#: The ways a request can be made (GDPR Art. 12(2): exercising a right is to be made easy; CCPA
#: § 1798.130(a)(1): two or more ways): "by email, phone or in writing" → "in writing".
_WAYS_TO_ASK = frozenset(("email", "e-mail", "phone", "telephone", "online", "form", "portal", "chat", "app", "setting", "dashboard"))


# Stems of what a right is to and over (to access, correct, delete … the information, a copy, an
# account): one of them gone is a right narrowed, whatever came in its place.
_WHAT_A_RIGHT_COVERS = frozenset((
    "access", "copy", "copie", "correct", "rectif", "rectify", "update", "delete", "delet", "erase", "eras", "port", "portab", "portable",
    "portability", "export", "download", "object", "restrict", "withdraw", "opt", "opt-out", "unsubscribe", "complain", "complaint",
    "appeal", "information", "data", "account", "content", "free", "charge", "time",
    "authority", "authoritie", "supervisory", "regulator", "commissioner", "ombudsman",
    # where the data the right reaches is held: "including from our service providers' systems"
    "provider", "processor", "partner", "backup", "third",
    # who they are, not only what kind ("the identities of all recipients" → "the categories of recipients")
    "identit",
    # the decisions a person reviews: "a decision to decline your loan application or reduce your limit" → "… to decline your first loan application"
    "decline", "declin", "reduce", "reduc", "refuse", "refus", "suspend", "reject", "terminate", "terminat", "cancel",
)) | _WAYS_TO_ASK


# Words that name the same thing in a right: "your personal information" → "your personal data".
# (and the rights' own names: "rectify" → "correct", "erase" → "delete")
_SAME_THING = {
    "data": "information", "detail": "information", "details": "information",
    "rectify": "correct", "rectif": "correct", "rectification": "correct", "erase": "delete", "eras": "delete",
    "erasure": "delete", "delet": "delete", "remov": "delete", "remove": "delete", "portab": "port", "portability": "port", "portable": "port",
    # "at any time" said as "whenever you like"
    "whenever": "time", "anytime": "time",
    # the right named by its noun: "to have it corrected" → "to obtain the correction of it"
    "correction": "correct", "deletion": "delete", "restriction": "restrict", "objection": "object",
    "withdrawal": "withdraw",
}


#: Words that make a clause a statement of a right or choice: one of them gone is the right gone.
_RIGHT_WORDS = frozenset(("right", "rights", "can", "may", "entitled", "option", "choose", "choice"))


def _covers_lost(change: ClauseChange) -> set[str]:
    """What the right was to or over and no longer is (one name of a thing put in place of another
    of the same thing loses nothing)."""
    removed = {_SAME_THING.get(w, w) for w in change.removed_words}
    added = {_SAME_THING.get(w, w) for w in change.added_words}
    return (removed - added) & _WHAT_A_RIGHT_COVERS


def _only_removed(change: ClauseChange) -> bool:
    """True when words were only taken out, none put in their place or anywhere else: the right says
    less. ("ask for a copy" → "request a copy" puts a word in place of another, and "complain to
    the Swedish Authority for Privacy Protection (IMY)" → "… to Integritetsskyddsmyndigheten (IMY),
    the Swedish data protection authority" takes a name out and writes another: rewordings.)"""
    # (a conjunction put in where others were taken out carries nothing: ", where …, where …" → ", or where …")
    return all(not span.new or _JOINING.issuperset(w.norm for w in span.new) for span in change.spans if span.old) and not any(
        span.new and content_words([w.norm for w in span.new]) for span in change.spans
    ) and not _name_shortened(change)


def _name_shortened(change: ClauseChange) -> bool:
    """True when all an edited clause lost is the rest of a name after its first word, up to the end
    of the clause: "a complaint to the Commission d'accès à l'information du Québec" → "… to the
    Commission" (a name the statement shortens, not an authority taken away)."""
    spans = [span for span in change.spans if span.old or span.new]
    if len(spans) != 1 or spans[0].new:
        return False
    lost = spans[0].old
    text = change.old_text
    before = text[:lost[0].start].rstrip()
    head = before.rsplit(" ", 1)[-1]
    return head[:1].isupper() and any(w.written[:1].isupper() for w in lost) and _JOINING.isdisjoint(w.norm for w in lost) \
        and not text[lost[-1].end:].strip(" .;)")


_JOINING = frozenset(("or", "and", "nor"))
#: Words that make a right cover the whole of something: "some or all of your information".
_WHOLE = frozenset(("all", "any", "every", "each", "whole", "entire"))


def _whole_lost(change: ClauseChange) -> bool:
    """True when an edited right lost a word that made it cover the whole ("some or all of your
    personal health information" → "some of your …"): a word of no substance, that says how much."""
    return any(w.norm in _WHOLE for span in change.spans for w in span.old)


# A condition on making a request: a fee, a check of identity, a refusal.
_ON_REQUESTS = re.compile(
    r"\b(?:fee|fees|charge|charges|verify|verification|identity|refuse|decline)\b[^.;]{0,80}\b(?:requests?|exercis\w{0,3})\b"
    r"|\b(?:requests?|exercis\w{0,3})\b[^.;]{0,80}\b(?:fee|fees|charge|charges|verify|verification|identity|refuse|decline)\b",
    re.I,
)
#: The words without which :data:`_FREE` does not match.
_FREE_WORDS = frozenset(("free", "no", "without", "not", "never", "won't"))
# Phrases with a condition's word that set no condition: "free of charge", "at no cost", "we will
# not charge you a fee".
_FREE = re.compile(
    r"\bfree of (?:charge|cost)\b|\b(?:at|for) no (?:charge|cost|fee)\b|\bwithout (?:a |any )?(?:charge|fee|cost)\b|\bno (?:charge|fee)s?\b"
    r"|\b(?:not|never|won't)\s{1,3}charge\b(?:\s{1,3}(?:you|them))?(?:\s{1,3}(?:a|any))?(?:\s{1,3}fees?\b)?"
    # said of the reader: "You do not have to pay a fee to exercise any of these rights"
    r"|\b(?:do(?:es)?\s{1,3}not|don't|doesn't|will\s{1,3}not|won't|never)\s{1,3}(?:have|need)\s{1,3}to\s{1,3}pay\b(?:\s{1,3}(?:a|any))?(?:\s{1,3}fees?\b)?",
    re.I,
)
#: Words of the reader's requests.
_REQUEST_WORDS = frozenset(("request", "requests"))
#: Words of a fee the reader pays.
_FEE_WORDS = frozenset(("fee", "fees", "charge", "charges"))


def _fee_now(change: ClauseChange, context: Context) -> bool:
    """True when a clause asks a fee ("We may charge a reasonable fee to cover the cost") where its
    block said there was none and says so no more ("… and there's no charge" taken out), or asked
    none beside it: exercising a right is to be free of charge (GDPR Art. 12(5); CCPA §
    1798.100(d); NZ Privacy Act s 66; LGPD Art. 18 § 5)."""
    if change.new is None or _FEE_WORDS.isdisjoint(change.new.wordset):
        return False
    asked = _FREE.sub(" ", change.new_text).lower()
    if "fee" not in asked and "charge" not in asked:
        return False
    old_block, new_block = context.block_text(change, "old"), context.block_text(change, "new")
    # (or says so still, with a fee for some requests beside it: "free of charge. Repeated requests …
    # may be subject to a fee"; "We won't charge you …, but we may charge a reasonable fee for …")
    return old_block is not None and _FREE.search(old_block) is not None and new_block is not None \
        and (_FREE.search(new_block) is None or not _asks_a_fee(old_block) and _asks_a_fee(new_block))


def _asks_a_fee(text: str) -> bool:
    """True when ``text`` speaks of a fee or charge other than to say there is none."""
    return _FEE_ASKED.search(_FREE.sub(" ", text)) is not None


# A fee or a charge named ("the Person in Charge" is the DPO's title in Brazil's LGPD: no charge).
_FEE_ASKED = re.compile(r"\bfees?\b|(?<!\bin )\bcharg(?:e|es|ed|ing)\b", re.I)


# What every match of :data:`_ON_REQUESTS` holds: a condition's word and a request's.
_CONDITION_STEMS = ("fee", "charge", "verif", "identity", "refuse", "decline")


def _on_requests(clause: Clause | None) -> bool:
    """True when ``clause`` sets a condition on making a request (:data:`_ON_REQUESTS`, "free of
    charge" aside). Its text is looked at first: most clauses hold neither kind of word."""
    if clause is None:
        return False
    low = clause.text.lower()
    if "request" not in low and "exercis" not in low or not any(stem in low for stem in _CONDITION_STEMS):
        return False
    return _ON_REQUESTS.search(_FREE.sub(" ", clause.text)) is not None and not _answers_a_refusal(clause.text)


#: What a right is exercised over, in general: the object a qualifier after it narrows.
_GENERAL_OBJECTS = frozenset(("consent", "data", "information", "details", "processing", "use", "records"))
#: Words that open a qualifier of what a right covers: "to personalised offers", "about your orders".
_QUALIFIES = frozenset(("to", "for", "about", "regarding", "concerning", "relating", "over"))


def _right_narrowed(change: ClauseChange) -> bool:
    """True when the only words an edited right gained qualify, right after it, what it is exercised
    over ("withdraw your consent" → "withdraw your consent to personalised offers and marketing
    communications"): the right covers part of what it covered."""
    assert change.new is not None
    gained = [(span, start) for span, (start, _) in zip(change.spans, change.new_changed) if span.new]
    if len(gained) != 1 or any(span.old for span in change.spans):
        return False
    span, start = gained[0]
    before = change.new.norms[start - 1] if start > 0 else ""
    return before in _GENERAL_OBJECTS and span.new[0].norm in _QUALIFIES and len(span.new) > 1 and change.reading.actor == "reader"


# Where a right's exceptions begin: "unless its retention is required by law", "except where …".
_EXCEPTION_OPENER = re.compile(
    r"\b(?:unless|except|save\s{1,3}(?:where|when|if|as|for)|other\s{1,3}than|subject\s{1,3}to|with\s{1,3}the\s{1,3}exception\s{1,3}of)\b", re.I)


def _exception_gained_ground(change: ClauseChange) -> bool:
    """True when every word an edited right gained stands in its exceptions, which it had before:
    "request the erasure of your data, unless its retention is required by law or by the decisions
    of the Authority" → "…, by the decisions of the Authority or for the Company's legitimate
    business purposes": one more case in which the right does not apply."""
    new_opener = _EXCEPTION_OPENER.search(change.new_text)
    if new_opener is None or _EXCEPTION_OPENER.search(change.old_text) is None:
        return False
    gained = [span.new for span in change.spans if span.new]
    # (a case of its own, joined to those before: "… or for the Company's legitimate business purposes")
    return all(words[0].start >= new_opener.end() for words in gained) \
        and any(len(words) >= 3 and words[0].norm in ("or", "and") for words in gained)


# What the company owes the reader when it refuses: "If we decline all or part of your request, we
# will inform you in writing of the reasons" (GDPR Art. 12(4)) gives, and sets no condition.
_REFUSES = re.compile(r"\b(?:refus|declin|reject|den(?:y|ies|ied))\w{0,4}\b", re.I)
_TELLS_READER = re.compile(r"\b(?:will|shall|must)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:inform|notify|tell|explain|give|provide|let)\b", re.I)


def _answers_a_refusal(text: str) -> bool:
    """True when a refusal stands only in the condition a clause opens with, and its main clause
    promises to tell the reader (of the reasons, of the right to complain)."""
    condition = LEADING_CONDITION.match(text)
    return condition is not None and _REFUSES.search(text, 0, condition.end()) is not None \
        and _REFUSES.search(text, condition.end()) is None and _TELLS_READER.search(text, condition.end()) is not None


# A default that waits for the reader (data protection by default, GDPR Art. 25(2); consent is
# no default, Art. 4(11), 7), and one that no longer does.
_OFF_BY_DEFAULT = re.compile(
    r"\b(?:off|disabled|deactivated|turned off|switched off|opt-in) by default\b|\bnot (?:turned |switched )?on by default\b"
    r"|\b(?:is|are|stays?|remains?) (?:off|disabled|deactivated|inactive) until you\b|\bonly\s(?:[\w-]{1,20}\s){0,2}?(?:if|when|once|after) you (?:have )?(?:switch|turn|opt|enable|activate|choose to|consent|agree|accept)"
    r"|\b(?:switched |turned )?off unless you\b",
    re.I,
)
_ON_BY_DEFAULT = re.compile(
    r"\b(?:on|enabled|activated|turned on|switched on) by default\b|\bautomatically\b|\bwhen(?:ever)? you (?:visit|use|open|start)\b"
    r"|\b(?:switched |turned )?on unless you\b", re.I,
)


_DEFAULT_WORDS = frozenset(("default", "off", "only", "disabled", "deactivated"))
_IS_OFF = re.compile(r"\b(?:is|are) (?:off|disabled|turned off|switched off)\b", re.I)
# The reader must act to turn it off: "unless you switch it off", "you can turn this off".
_TURN_IT_OFF = re.compile(r"\b(?:unless|until) you (?:switch|turn) (?:it |them |this )?off\b|\byou (?:can|may) (?:switch|turn) (?:it|them|this) off\b"
    r"|\byou (?:can|may) (?:disable|deactivate|switch off|turn off) (?:it|them|this|these)\b"
    # (whoever the reader is called: "Members who reside in Quebec can turn off the profiling features")
    r"|\b(?:you|members?|users?|customers?|account holders?|parents?)\b[^.;]{0,60}?\b(?:can|may)\s{1,3}(?:(?:switch|turn)\s{1,3}off|disable|deactivate|opt\s{1,3}out)\b", re.I)
_IS_ON = re.compile(r"\b(?:is|are) (?:on|enabled|turned on|switched on)\b", re.I)
#: Words of a decision about the reader that a person may review.
#: The words of the reader's freedom to say no ("You are not required to consent to …").
_FREE_TO_REFUSE = frozenset(("you", "not", "required"))
# Consent that is no condition of the service: "That authorization is never a condition of receiving care".
_NOT_A_CONDITION = re.compile(
    r"\b(?:consent|authori[sz]ation|permission|agreement|it)\s{1,3}(?:is|are|will\s{1,3}be)\s{1,3}(?:never|not)\s{1,3}(?:a\s{1,3})?(?:condition|prerequisite)\b", re.I)
#: The words of another way for one who does not consent: "A customer who does not give such consent may …".
_ANOTHER_WAY = frozenset(("not", "consent"))


def _review_weakened(change: ClauseChange, context: Context) -> Finding | None:
    """A person's part in decisions about the reader lessened or gone (GDPR Art. 22(3): human
    intervention as a safeguard), in an edited clause."""
    if PERSON_WORDS.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        return None
    if person_left(change) and _about_decisions(change, context):
        # "when it restricts an account a member of our trust team reviews the decision if you
        # appeal" taken out: a person looking at a decision again
        return change.finding("rights", "material", "The clause no longer says a person takes part in the decision.")
    if review_lessened(change) and _about_decisions(change, context):
        return change.finding("rights", "material", "A person now reviews fewer decisions about the reader, or only when asked.")
    if review_made_optional(change) and _about_decisions(change, context):
        return change.finding("rights", "material", "A person's review of decisions about the reader is now only possible, no longer assured.")
    return None


def _about_decisions(change: ClauseChange, context: Context) -> bool:
    """True when a clause speaks of decisions about the reader, or stands where they are spoken of:
    in its paragraph ("To request a review, choose 'Review of credit decision'. The review will be
    carried out by a person …"), under its heading ("Are decisions automated?"), or in a paragraph
    about what a system does ("… whether a permit applies that the system could not detect")."""
    if not _DECISIONS.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        return True
    block = plain_words(context.block_text(change, "old") or "")
    heading = plain_words(" ".join(change.section[-1:]))
    return not _DECISIONS.isdisjoint(block) or not _DECISIONS.isdisjoint(heading) or not _AUTOMATION.isdisjoint(block + heading)


# Decisions ruled out being left to a machine: "No decision … is taken solely by automated means".
_SOLELY_AUTOMATED = re.compile(r"\b(?:solely|only|exclusively|purely|entirely|fully)\s{1,3}(?:(?:by|on|through|via)\s{1,3})?(?:the\s{1,3})?(?:automated|automatic)\b", re.I)


def _safeguard_removed(change: ClauseChange, context: Context) -> bool:
    """True when a removed clause said a person takes part in decisions about the reader, or that
    none is left to a machine alone, and its section does not say it again."""
    old = change.old
    assert old is not None
    if PERSON_WORDS.isdisjoint(old.wordset) and _AUTOMATION.isdisjoint(old.wordset):
        return False
    said = BY_A_PERSON.search(change.old_text) is not None \
        or not _AUTOMATION.isdisjoint(old.wordset) and _SOLELY_AUTOMATED.search(change.old_text) is not None and negates(change.old_text)
    return said and _about_decisions(change, context) and not context.said_in_section(change)


#: Words that say a machine acts.
_AUTOMATION = frozenset(("automated", "automatic", "automatically", "algorithm", "algorithms", "system", "systems", "model", "models"))
_DECISIONS = frozenset(("decision", "decisions", "decide", "decides", "decided", "restrict", "restricts", "restricting", "suspend", "suspends",
                        "suspending", "suspended", "reject", "rejects", "rejecting", "decline", "declines", "declining", "appeal", "ban", "bans",
                        "banning", "block", "blocks", "blocking"))


def _switched_on(change: ClauseChange) -> bool:
    """True when an edited clause said something is off until the reader turns it on and now says
    it is on (or happens automatically): "Coaching is off by default" → "Coaching is on by
    default"; "Sent only if you turn them on (off by default)" → "Sent automatically (you can turn
    this off in Settings)"."""
    if _DEFAULT_WORDS.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        return False
    if len(_IS_OFF.findall(change.old_text)) > len(_IS_OFF.findall(change.new_text)) and (
            # "GPS tracking is switched off outside working hours" → "… stays on outside working
            # hours unless you switch it off in the driver app"
            _TURN_IT_OFF.search(change.new_text)
            # under "Privacy by default": "the public leaderboard is off" → "… is on"
            or change.section and "default" in change.section[-1].lower()
            and len(_IS_ON.findall(change.new_text)) > len(_IS_ON.findall(change.old_text))):
        return True
    return (_OFF_BY_DEFAULT.search(change.old_text) is not None and _OFF_BY_DEFAULT.search(change.new_text) is None
            and _ON_BY_DEFAULT.search(change.new_text) is not None)


def _switched_on_in_block(change: ClauseChange, context: Context) -> bool:
    """True when a removed clause said something is off until the reader turns it on, and its block
    now says it is on by default or comes on by itself, and no longer that it is off: "Reading History
    is off unless you turn it on." → "Reading History is turned on automatically when you get a new
    library card."."""
    if _OFF_BY_DEFAULT.search(change.old_text) is None:
        return False
    now = context.block_text(change, "new")
    return now is not None and _ON_BY_DEFAULT.search(now) is not None and _OFF_BY_DEFAULT.search(now) is None


# The reader as who may do something about their information, anywhere in a clause: "…, and you
# can opt out at any time" ("projects you may like" is no right).
_READER_CAN = re.compile(
    _READER_MAY + r"(?: (?:also|always|at any time))? (?:opt|unsubscribe|ask|request|object|withdraw|access|delete|erase|correct|turn|switch|choose|change|"
    r"manage|refuse|complain|download|export|stop|limit|disable|update|review|receive|obtain|port)\b"
    # the reader's choice inside what the company does: "by the method you designate"
    r"|\b(?:method|format|form|way|means|language|channel) you (?:designate|choose|select|prefer|specify|request)\b",
    re.I,
)


# The reader's choice sent by their browser or device: honouring it is their opt-out (CCPA regs § 7025).
_SIGNAL = re.compile(r"\bglobal privacy control\b|\bGPC\b|\bopt-out preference signals?\b|\bdo not track\b", re.I)
_SIGNAL_WORDS = frozenset(("global", "gpc", "signal", "signals", "track"))


def _signal(change: ClauseChange) -> bool:
    """True when either side speaks of a signal the reader's browser sends to opt out ("We honor Global Privacy Control signals")."""
    return any(clause is not None and not _SIGNAL_WORDS.isdisjoint(clause.wordset) and _SIGNAL.search(clause.text) is not None
               for clause in (change.old, change.new))


def _signal_kept(change: ClauseChange, context: Context) -> bool:
    """True when the new version of a removed clause's block still speaks of the signal."""
    text = context.block_text(change, "new")
    return text is not None and _SIGNAL.search(text) is not None


def _right_said_again(change: ClauseChange, context: Context) -> bool:
    """True when the block of a removed clause that stated a right gained a clause that states one
    with two of its words of substance at least and half of them ("The provision of personal data
    is voluntary." → "The User is under no obligation to provide personal data; …"), or its section
    gained clauses that, together, say again nearly all of it (a list written as a sentence, or a
    sentence as a list)."""
    if change.old is None:
        return False
    wanted = root_stems(change.old.wordset)
    for clause in context.gained_clauses(change):
        if _RIGHT.search(clause.text) is None:
            continue
        shared = len(wanted & root_stems(clause.wordset))
        if shared >= 2 and shared * 2 >= len(wanted):
            return True
    if len(wanted) >= 2:
        # a list written as a sentence, or a sentence as a list, in its section, nearly every word
        # said again, a right among them: "- the 'My Privacy' page in your account" → "… through the
        # 'My Privacy' page in your account, by e-mail …"; "You can change your choices at any time in
        # your account, or by using the unsubscribe link" → "You can change your choices at any time:
        # - in your account; - by clicking the unsubscribe link …"
        gained = context.gained_in_section(change)
        said = set().union(*(root_stems(clause.wordset) for clause in gained)) if gained else set()
        # (every thing a right was to or over among them: "… to object to our use of it" left out is a right gone)
        if len(wanted & said) * 5 >= len(wanted) * 4 and wanted & _WHAT_A_RIGHT_COVERS <= said \
                and any(_RIGHT.search(clause.text) or _EXERCISE.search(clause.text) for clause in gained):
            return True
    return False


def _reader_can(change: ClauseChange) -> bool:
    """True when either side of a clause says the reader can or may do something."""
    return any(clause is not None and "you" in clause.wordset and _READER_CAN.search(clause.text) is not None
               for clause in (change.old, change.new))


# A clause about how the reader exercises a right: "To exercise your rights, …", "send us a request",
# "submit an appeal".
_EXERCISE = Anchored(re.compile(
    # (the reader named in the third person: "The Holder may exercise his or her rights through any branch")
    r"\bto exercise (?:your|these|those|any of (?:your|these|those)|the|this|that|them|it)\b|\b(?:exercise|assert|enforce) (?:any of )?(?:your|these|those|the above|such|his or her|his|her|their) rights\b"
    # "To use any of your rights, email …"
    # (looked for from "use": "to", "can" and "may" begin too many words)
    r"|(?:(?<=\bto )|(?<=\bcan )|(?<=\bmay )|(?<=\bonly ))use (?:any of )?(?:your|these|those|the above|such) rights\b"
    r"|\bexercis\w{0,3} of (?:(?:your|these|those|the|any|such|their|his|her) )?rights?\b|\bcomplain\w{0,2} to\b"
    r"|\b(?:make|making|submit|submits|submitting|send|sends|sending|file|filing|lodge|lodging|mail|mailing)\b(?:\s{1,3}[\w,'-]{1,20}){0,4}?\s{1,3}(?:requests?|appeals?|complaints?|disputes?)\b"
    # the same in the passive: "Requests may be submitted by e-mail"
    r"|\b(?:requests?|appeals?|complaints?|disputes?)\b(?:\s{1,3}[\w,'-]{1,20}){0,3}?\s{1,3}(?:made|submitted|sent|filed|lodged|mailed|addressed)\b"
    # the rights exercised, in the passive: "These rights may be exercised by the Data Subject"
    r"|\brights?\b(?:\s{1,3}[\w-]{1,20}){0,3}?\s{1,3}exercised\b"
    # the ways to make a choice, listed: "You can change your marketing preferences at any time by:"
    r"|\b(?:opt(?:ing)?[- ]out|unsubscrib\w{0,3}|withdraw\w{0,3}\s{1,3}(?:your\s{1,3})?consent|(?:change|update|manage)\s{1,3}your\s{1,3}(?:[\w-]{1,20}\s{1,3})?preferences)\b"
    r"[^.;:]{0,40}\bby\s{0,3}:",
    re.I,
), starts=("to", "exercis", "assert", "enforce", "complain", "mak", "submit", "send", "fil", "lodg", "mail", "request", "appeal", "opt", "unsubscrib", "withdraw",
           "change", "update", "manage", "use", "dispute", "right"))
#: The words without which :data:`_EXERCISE` does not match.
#: Words that make what a clause states a rule with exceptions.
_HEDGED = frozenset(("generally", "usually", "typically", "normally", "ordinarily", "mostly", "often", "sometimes", "principle"))
# A right to bring a request or complaint ("has the right to file a proposal for the initiation of
# proceedings", "the right to lodge a complaint"), or rights said to be exercised ("The rights under
# paragraph ① may be exercised in writing, by e-mail …").
_RIGHT_TO_FILE = re.compile(r"\bright,?\s{1,3}to\s{1,3}(?:file|lodge|submit|make|bring)\b"
                            r"|\brights?\b[^.;]{0,40}?\b(?:may|can|shall|are|is)\s{1,3}(?:be\s{1,3})?exercised\b", re.I)
_EXERCISE_WORDS = frozenset(("exercise", "request", "requests", "appeal", "appeals", "complaint", "complaints", "complain", "rights", "dispute", "disputes"))


def _proof_asked_in_block(change: ClauseChange, context: Context) -> bool:
    """True for an edited clause that gained a word of a proof hard to bring, in a block that speaks
    of exercising rights."""
    return change.kind == "edited" and not _PROOF_WORDS.isdisjoint(change.changed_new_words) \
        and _EXERCISE.search(context.block_text(change, "old") or "") is not None


#: Words of a proof that is hard to bring: a notary's, a certified copy.
_PROOF_WORDS = frozenset(("notary", "notarised", "notarized", "authenticated", "certified", "apostille", "apostilled"))
#: The verbs of :data:`_EXERCISE` that send a request (without "exercise" in a clause, one of them must stand there).
_SENDING = frozenset(("make", "submit", "send", "file", "lodge", "mail", "made", "submitted", "sent", "filed", "lodged", "mailed", "addressed",
                      "making", "submitting", "sending", "filing", "lodging", "mailing"))
#: Stems of the ways a request can be made (and of replying, calling); what makes one harder: proof, a signature, post only.
_CHANNELS = _WAYS_TO_ASK | frozenset(("reply", "call", "toll-free", "website", "branch", "branche", "store", "shop", "letter", "post", "mail", "fax",
                                       "person", "desk", "counter"))
_HARDER = re.compile(
    # ("in person" among other ways is no condition; "only in person" and "must … in person" are, by their own words)
    r"\b(?:must|only|solely|signed|notari[sz]ed|certified|authenticated|before a notary(?: public)?|registered (?:post|mail)|in person only|by (?:postal )?(?:post|mail) only)\b"
    r"|\b(?:will not|won't|do not|does not|cannot|can't|are not|is not)\s{1,3}(?:be\s{1,3})?(?:accept|process|consider|honou?r|respond)\w{0,3}\b"
    # proof of identity sent with every request: "accompanied by a copy of a piece of identification"
    r"|\b(?:accompanied\s{1,3}by|together\s{1,3}with|along\s{1,3}with|enclosing|attaching)\s{1,3}(?:an?\s{1,3})?(?:certified\s{1,3})?(?:copy|photocopy|scan)\s{1,3}of\b"
    # another remedy to be used up first: "after having first exhausted the internal complaint procedure"
    # (GDPR Art. 77: a complaint to the authority is open without prejudice to any other remedy)
    r"|\b(?:after\s{1,3}(?:having\s{1,3})?(?:first\s{1,3})?|first\s{1,3})exhaust(?:ed|ing)?\b",
    re.I,
)


#: The words without which :data:`_CHOOSING` does not match.
_CHOOSING_WORDS = frozenset(("withdraw", "opt", "opt-out", "unsubscribe", "object", "ask", "wish"))
# A clause on how the reader makes a choice about their information, or asks for it: "you can
# withdraw your consent", "to opt out", "you may object", "to ask for a copy of your records", "if
# you do not wish your data to be processed for these purposes, you may tell us …".
_CHOOSING = re.compile(
    r"\b(?:withdraw\w{0,3}\s{1,3}(?:(?:your|any|the|this|that|such|their|his|her)\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,3}?consent"
    r"|opt(?:ing)?[- ]out|unsubscrib\w{0,3}|(?:can|may|to|right\s{1,3}to)\s{1,3}object"
    r"|ask\w{0,3}\s{1,3}(?:us\s{1,3})?for\s{1,3}(?:a\s{1,3})?(?:copy|access|correction|deletion|erasure)"
    r"|(?:does|do)\s{1,3}not\s{1,3}wish)\b",
    re.I,
)


#: Verbs of using one's rights, besides exercising them: "To use any of your rights", "You can assert your rights …".
_USING_RIGHTS = frozenset(("use", "assert", "enforce"))
#: Stems of the words that turn a way to ask into an instruction, and nothing more: "To do so, a request must be sent to …".
_INSTRUCTING = frozenset(("must", "do", "so", "need", "needs"))
#: Whether a heading (a statement has a few dozen) speaks of making a choice or asking for one's own.
_choosing_heading = WordTable(lambda heading: _CHOOSING.search(heading) is not None)


def _a_way_to_ask(change: ClauseChange) -> bool:
    """True for a removed entry of a list of the ways to make a request: it names a way (e-mail, a
    form, a telephone line) and its lead-in speaks of requests or of exercising rights."""
    clause = change.old
    assert clause is not None
    return not _CHANNELS.isdisjoint(root_stems(clause.wordset)) and _EXERCISE.search(clause.lead) is not None


def _asks_in(lead: str) -> bool:
    """True when a lead-in (lower case) holds a word :data:`_EXERCISE` needs."""
    return "request" in lead or "exercis" in lead or "complain" in lead or "appeal" in lead


def _way_kept(change: ClauseChange, context: Context) -> bool:
    """True when the ways a removed entry named (its e-mail address, form, telephone …) all stand in
    its section's new text: a list of the ways to ask written as a sentence ("through any of the
    following channels: - by e-mail to privacy@…; - by calling …" → "through …, by e-mail to
    privacy@… or by calling …")."""
    ways = _CHANNELS & root_stems(change.old.wordset)  # type: ignore[union-attr]
    if not ways:
        return False
    said = plain_words(context.section_text(change, "new"))
    addresses = {w for w in change.old.wordset if "@" in w}  # type: ignore[union-attr]
    return ways <= root_stems(frozenset(said)) and addresses <= set(said)


def _harder_to_exercise(change: ClauseChange, context: Context) -> bool:
    """True when a clause about how the reader exercises a right lost a way to make the request
    ("by e-mail or by post" → "by registered post"), or gained a condition on it ("you must send
    a signed request", "requests sent any other way will not be processed") — GDPR Art. 12(2):
    the company is to make exercising rights easy; CCPA § 1798.130(a): two or more ways. An inserted
    clause counts where its block spoke of exercising rights before."""
    clause = change.old or change.new
    # (an entry of a list of the ways to ask: "you may submit your requests as follows: 1. in person at any branch")
    # (or a proof asked of every request, in a sentence of its own: "These rights may be exercised by
    # the Data Subject …. In all cases, the Data Subject shall prove their identity by attaching an
    # authenticated copy of their identity document, with the signature recognised before a notary public")
    about_requests = clause is not None and clause.item and _asks_in(clause.lead.lower()) and _EXERCISE.search(clause.lead) is not None
    vocabulary = change.vocabulary
    # (or how the reader makes a choice or asks for their own: "You can withdraw any consent … in the
    # app or by e-mail" → "… by letter"; "To ask for a copy of your records, write … or use the online
    # form" → "… enclosing two forms of identification": GDPR Art. 7(3), withdrawing as easy as giving)
    if not about_requests and change.kind == "edited" and (
            not _CHOOSING_WORDS.isdisjoint(vocabulary) and _CHOOSING.search(change.old_text) is not None
            # (or under a heading that says so: "How do I ask for a copy of my information?" above "You can make it …")
            or change.section and _choosing_heading(change.section[-1])):
        about_requests = True
    if not about_requests and (_EXERCISE_WORDS.isdisjoint(vocabulary) or "exercise" not in vocabulary and "complain" not in vocabulary
                               and _SENDING.isdisjoint(vocabulary) and not ("rights" in vocabulary and not _USING_RIGHTS.isdisjoint(vocabulary))):
        if not _proof_asked_in_block(change, context):
            return False
        about_requests = True
    if change.kind == "edited":
        if not about_requests and _EXERCISE.search(change.old_text) is None and _EXERCISE.search(change.new_text) is None \
                and _RIGHT_TO_FILE.search(change.old_text) is None:
            return False
        added = {_SAME_THING.get(w, w) for w in change.added_words}
        if change.removed_words & _CHANNELS - added:
            return True
        # (an e-mail address to write to, taken out with no other put in: "send your request to
        # privacy@… , use … or deliver a written request" → "complete our form and deliver it in person")
        if any("@" in w for w in change.changed_old_words) and not any("@" in w for w in change.new.wordset):  # type: ignore[union-attr]
            return True
        # (a condition among the words it gained that the old clause did not set: "must" said before
        # is no new condition, "accompanied by a copy of" your ID is)
        gained = change.gained_matches(_HARDER.finditer(change.new_text))
        if not gained:
            return False
        had = {match.group().lower() for match in _HARDER.finditer(change.old_text)}
        new_conditions = [match for match in gained if match.group().lower() not in had]
        if new_conditions and all(match.group().lower() == "must" for match in new_conditions) and change.added_words <= _INSTRUCTING:
            # ("by means of a request sent to privacy@… or delivered in writing" → "To do so, a request
            # must be sent to privacy@… or delivered in writing": the same ways, said as an instruction)
            return False
        return bool(new_conditions)
    if change.kind == "inserted":
        old_block = context.block_text(change, "old")
        if old_block is None or _EXERCISE.search(old_block) is None and _EXERCISE.search(change.new_text) is None \
                or _HARDER.search(change.new_text) is None:
            return False
        had = {match.group().lower() for match in _HARDER.finditer(old_block)}
        if not had or any(match.group().lower() not in had for match in _HARDER.finditer(change.new_text)):
            # (a condition its block did not set: "you must send a written request by post …, together
            # with a copy of a valid identity document", where the block said "only your participant number")
            return True
        # (the block offered "in person" among other ways, and lost the others: "by phone, by email,
        # by letter or in person" → "You must make a request in writing, using the form")
        return not _CHANNELS.intersection(plain_words(old_block)) <= set(plain_words(context.block_text(change, "new") or ""))
    return False


def _alternative_dropped(change: ClauseChange) -> bool:
    """True when a clause stating a right lost one of the alternatives it covered, joined by "or",
    whose words of substance it no longer says: "delete personal data provided by or obtained about
    you" → "delete personal data you have provided to us"."""
    assert change.new is not None
    had = root_stems(change.new.wordset)
    # (or what it named as included: "the data you provided to us, including your purchase history" →
    # "… the data you provided to us when enrolling")
    return any((any(w.norm == "or" for w in span.old) or span.old and span.old[0].norm == "including")
               and (lost := root_stems(content_words([w.norm for w in span.old]))) and lost.isdisjoint(had)
               for span in change.spans)


def _leads_rights(text: str, context: Context) -> bool:
    """True when ``text`` introduces a list of the reader's rights."""
    return text.endswith(":") and context.lead_topic(text) == "rights"


# A lead-in whose entries are the grounds on which the reader's request may be refused: "The
# Controller may deny the exercise of a right when:", "We may refuse your request if:".
_REFUSAL_LEAD = re.compile(
    r"\b(?:may|can|will|shall|might)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:deny|refuse|decline|reject|restrict|limit)\b[^.;:]{0,80}"
    r"\b(?:request|requests|right|rights|exercise)\b[^.;:]{0,60}\b(?:when|where|if|in\s{1,3}the\s{1,3}following\s{1,3}(?:cases|circumstances))\s{0,3}:$", re.I)
# The time to answer made longer than it says: "This period may be extended once by an equal term".
_EXTENDED = re.compile(
    r"\b(?:period|deadline|time\s{1,3}limit|term|time)\b[^.;]{0,40}?\b(?:may|can|will|shall|might)\s{1,3}(?:be\s{1,3})?(?:extended|prolonged)\b"
    r"|\b(?:may|can|might)\s{1,3}extend\b[^.;]{0,40}?\b(?:period|deadline|time|response)\b", re.I)
# An answer promised within a time: "The Controller shall respond to your request within ten (10) business days".
_ANSWERS_WITHIN = re.compile(r"\b(?:respond|reply|answer|deal\s{1,3}with|process|handle)\w{0,3}\b[^.;]{0,80}?\bwithin\b", re.I)


def _extension_new(old_block: str) -> bool:
    """True when a block promised an answer within a time and said nothing of extending it."""
    return "extend" not in old_block.lower() and "prolong" not in old_block.lower() and _ANSWERS_WITHIN.search(old_block) is not None


def _right_stated_plainly(text: str) -> bool:
    """True when a clause states a right in a part of its own that no negation governs: "This means
    storing your records with Tidewell is not treated as a disclosure …, and you can bring any request
    or complaint about those records to us"."""
    found = _RIGHT.search(text)
    if found is None:
        return False
    part = max(text.rfind(", and ", 0, found.start()), text.rfind(", but ", 0, found.start()), text.rfind(";", 0, found.start()))
    if part >= 0:
        return not negates(text[part: found.end()])
    # (or in a part before the one a negation governs: "Watching one is always optional: if you skip
    # it, you simply don't get the bonus")
    ends = [at for at in (text.find(":", found.end()), text.find(";", found.end())) if at >= 0]
    return bool(ends) and not negates(text[: min(ends)])


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A right removed, negated or made conditional (material); a right added (substantive)."""
    entry = (change.new or change.old) if change.kind != "edited" else None
    if entry is not None and entry.item and entry.lead and context.memo(("refusal lead", entry.lead), lambda: _REFUSAL_LEAD.search(last_sentence(entry.lead)) is not None):
        # "The Controller may deny the exercise of a right when: … 4. the request is manifestly
        # repetitive or abusive": each entry a ground to refuse; one more limits the reader's rights
        if change.kind == "inserted":
            return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
        return change.finding("rights", "substantive", "A clause stating a right or choice of the reader now says more.")
    if change.kind != "removed" and ("extended" in change.new.wordset or "extend" in change.new.wordset or "prolonged" in change.new.wordset) \
            and _EXTENDED.search(change.new_text) is not None and _extension_new(context.block_text(change, "old") or ""):  # type: ignore[union-attr]
        # "The Controller shall respond to your request within ten (10) business days" gains "This
        # period may be extended once by an equal term …": the reader may wait longer
        return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
    if change.new_text and _BARRED.search(change.new_text) and not (change.old_text and (_BARRED.search(change.old_text) or _AGE_AFTER.search(change.old_text))) \
            and not (change.kind == "inserted" and _same_age_bar(change, context)):
        return change.finding("rights", "material", "A clause now bars some readers from using the service because of who they are.")
    listed = context.list_topic(change) == "rights"
    # (an edited lead-in of a list of rights says who has them and when: "Wherever you live, you have
    # the right to:" → "If you live in Washington, …"; "you may at any time:" → "you may, within
    # thirty days of the decision:"; removed or added, the rights are its entries)
    lead = change.kind == "edited" and _leads_rights(change.new_text, context)
    if contact_line(change):
        return None
    if change.kind != "removed" and _fee_now(change, context) \
            and (context.section_topic(change) == "rights" or not _REQUEST_WORDS.isdisjoint(change.vocabulary)):
        # (a fee for the reader's requests, wherever the section: "Can you see or correct your information?")
        return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
    if change.kind == "removed" and change.old.item and _a_way_to_ask(change) and not _way_kept(change, context):  # type: ignore[union-attr]
        # "You can send ARCO requests: - by e-mail to …; - through the in-app form" loses the e-mail;
        # "You can change your marketing preferences at any time by: … - replying STOP to any of our texts"
        return change.finding("rights", "material", "Exercising a right of the reader is now harder: a way to ask was removed, or a condition added.")
    if change.kind == "removed" and "condition" in change.old.wordset and _NOT_A_CONDITION.search(change.old_text) is not None \
            and _NOT_A_CONDITION.search(context.block_text(change, "new") or "") is None:  # type: ignore[union-attr]
        # "That authorization is never a condition of receiving care or medication." gone: consent
        # the reader may refuse without losing the service (GDPR Art. 7(4); HIPAA § 164.508(b)(4))
        return change.finding("rights", "material", "A clause stating a right or choice of the reader was removed.")
    if change.kind == "removed" and _safeguard_removed(change, context):
        # "No decision to restrict or close Your Account is taken solely by automated means" gone;
        # "An underwriter reviews every proposal that the system declines …, and you may ask for any
        # such decision to be reconsidered by a member of our staff" gone (GDPR Art. 22(1), (3))
        return change.finding("rights", "material", "A clause that said a person takes part in decisions about the reader was removed.")
    if not listed and not lead and "rights" not in change.topics and not _FREE_TO_REFUSE <= change.vocabulary and not _ANOTHER_WAY <= change.vocabulary:
        # (a person's review of decisions is the reader's safeguard wherever it is said: "Each file
        # is reviewed by an enforcement officer before a fee notice is issued")
        # (one that names the machine itself is read by the practices rule: "our pricing system would decline")
        if change.kind != "edited" or not _AUTOMATION.isdisjoint(change.old.wordset) or not _AUTOMATION.isdisjoint(change.new.wordset):  # type: ignore[union-attr]
            return None
        return _review_weakened(change, context)
    if change.kind != "removed" and _harder_to_exercise(change, context):
        return change.finding("rights", "material", "Exercising a right of the reader is now harder: a way to ask was removed, or a condition added.")
    if change.kind == "edited" and _switched_on(change) or change.kind == "removed" and _switched_on_in_block(change, context):
        return change.finding("rights", "material", "What was off until the reader turned it on is now on until they turn it off.")
    found = _review_weakened(change, context) if change.kind == "edited" else None
    if found is not None:
        return found
    if change.kind != "removed" and _on_requests(change.new) and context.section_topic(change) == "rights" and not change.reading.negated \
            and not _on_requests(change.old):
        # "we charge a fee of £10 for each request" added under "Your rights", or "We will not
        # charge you a fee" made "We may charge a reasonable fee for requests": a condition on every
        # right of the section (GDPR Art. 12(5)-(6): free of charge; identity checked only when in
        # doubt), whoever it names as acting
        return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
    if change.reading.actor == "company" and not listed and not _reader_can(change) and not _signal(change):
        # "we have the right to remove content" is the company's right, not the reader's (but in
        # "We send e-mails only with your consent, and you can opt out at any time" the reader has one)
        return None
    old_right = bool(change.old_text and (listed or lead or _RIGHT.search(change.old_text)))
    new_right = bool(change.new_text and (listed or lead or _RIGHT.search(change.new_text)))
    if not (old_right or new_right):
        return None
    if change.kind == "removed":
        if _signal(change) and _signal_kept(change, context) or _right_said_again(change, context):
            # "We honor Global Privacy Control signals." → "If your browser sends a Global Privacy
            # Control signal, we treat it as your request to opt out.": said again, in other words
            return change.finding("rights", "substantive", "A clause stating a right or choice of the reader was reworded.")
        return change.finding("rights", "material", "A clause stating a right or choice of the reader was removed.")
    if change.kind == "inserted":
        if change.reading.actor != "company" and negates_what_it_says(change.reading, change.new_text) and not _right_stated_plainly(change.new_text):
            return change.finding("rights", "material", "A new clause says the reader cannot do something about their information.")
        return change.finding("rights", "substantive", "A new clause states a right or choice of the reader.")
    old, new = change.old_reading, change.new_reading
    assert old is not None and new is not None
    if new.negated and not old.negated:
        return change.finding("rights", "material", "A clause stating a right or choice of the reader now negates it.")
    if old_right and not new_right and (_covers_lost(change) or _only_removed(change) or not _RIGHT_WORDS.isdisjoint(change.removed_words)):
        # (a right in other words the patterns do not know keeps what it covered: "ask for a member
        # of our team to review the decision" → "ask for one of our underwriters to look at it again")
        return change.finding("rights", "material", "A clause no longer states the right or choice it stated.")
    # ("free of charge" sets no condition)
    # (a condition counts where a word of it changed: "Wherever you live in …" → "If you live in …")
    added_conditions: set[str] = set()
    if any(span.new for span in change.spans):
        # (the text is searched where a word of it changed; "free of charge" blanked out first, where it may stand)
        free = change.new_text if _FREE_WORDS.isdisjoint(change.new.wordset) else _FREE.sub(lambda m: " " * len(m.group()), change.new_text)  # type: ignore[union-attr]
        found = {m.group().lower() for m in change.gained_matches(_CONDITIONS.finditer(free))}
        if found:
            added_conditions = found - {m.group().lower() for m in _CONDITIONS.finditer(change.old_text)}
        if not added_conditions and ("resident" in change.changed_new_words or "residents" in change.changed_new_words):
            added_conditions = {m.group().lower() for m in change.gained_matches(_RESIDENT_ONLY.finditer(change.new_text))} \
                - {m.group().lower() for m in _RESIDENT_ONLY.finditer(change.old_text)}
    if added_conditions or not _HEDGED.isdisjoint(change.changed_new_words) and _HEDGED.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        # (or made a rule with exceptions: "These questions are always optional" → "… generally optional")
        return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
    if in_examples(change):
        return None  # "for example the Berlin Commissioner …" → "for example the one where you live": the example changed
    if (change.removed_words or _whole_lost(change)) and (_covers_lost(change) or _only_removed(change) or _alternative_dropped(change)) \
            and not ("consent" in change.removed_words and "withdraw" in change.old.wordset and "consent" not in change.new.wordset):  # type: ignore[union-attr]
        # (the right to withdraw a consent the clause no longer relies on went with it: "your consent,
        # which you can withdraw at any time" → "our legitimate interest …, and you can object at any
        # time" is a change of legal basis, the legal-basis rule's)
        return change.finding("rights", "material", "A clause stating a right or choice of the reader now says less.")
    if change.added_words and not change.removed_words and (_right_narrowed(change) or _exception_gained_ground(change)):
        # "You may withdraw your consent at any time" → "You may withdraw your consent to personalised
        # offers and marketing communications at any time": the right now covers only some of it
        return change.finding("rights", "material", "A right or choice of the reader now comes with a condition or limit.")
    if change.added_words:
        return change.finding("rights", "substantive", "A clause stating a right or choice of the reader now says more.")
    return None
