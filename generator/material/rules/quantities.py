"""Periods, ages, amounts and percentages (GDPR Art. 8, 12(3), 13(2)(a); COPPA; notice periods).

Material: a quantity in a clause changed or removed — "30 days is now 90 days", a minimum age,
a fee. Which way a change cuts depends on what the clause counts, and where that is clear a
period changed to the reader's side is substantive: a longer notice before a change or a longer
time the reader is given to act, a shorter time the company takes to answer, to delete or to keep.
Every other change is material, a minimum age either way (a lower one takes in younger children, a
higher one bars readers who could use the service). Substantive too: a quantity
added to a clause that had none of that kind (a new, definite limit). Dates and cross-references
are not quantities.
"""

from __future__ import annotations

import re
from collections import Counter

from ..changes import ClauseChange
from ..findings import Finding
from ..text import WordTable, quote
from .context import Context

_NUMBER_WORDS = {
    w: n for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100})
# Every repetition is bounded, so a 200 KB run of digits costs no more than a short one per start.
# (tens and units joined: "twenty-five")
_TENS_AND_UNITS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)\b"
_NUM = r"(?P<num>\d{1,12}(?:[.,]\d{1,3}){0,4}|" + _TENS_AND_UNITS + "|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_PERIOD = r"(?:consecutive |full |calendar |business |working |school )?(?:day|week|month|year|hour|minute|second)s?"
#: Currencies written as words or codes after the amount ("1,000 yen", "R 50", "CHF 30" is written before).
_CURRENCY_WORDS = ("dollar", "euro", "pound", "usd", "eur", "gbp", "yen", "jpy", "won", "krw", "rupee", "inr", "rand", "zar", "franc", "chf",
                   "real", "reais", "brl", "krona", "kronor", "krone", "kroner", "sek", "nok", "dkk")
_CURRENCIES = "|".join(sorted({f"{w}s?" if not w.endswith("s") else w for w in _CURRENCY_WORDS}, key=len, reverse=True))
_MONEY = re.compile(rf"(?P<cur>[$€£])\s?{_NUM}(?:\s{{0,3}}(?P<mag>thousand|million|billion))?", re.I)
_AGE = re.compile(
    rf"\b(?:under|over|aged?|age of|younger than|older than|at least)\s{{1,3}}(?:the age of\s{{1,3}})?{_NUM}\b"
    # (nor years that are not of age: "at least 5 years from when you tell us", not "under 16 years of age")
    r"(?!\s{0,3}[-–]?\s{0,3}(?:calendar |business |working )?(?:days?|weeks?|months?|hours?|minutes?|seconds?|percent|%)(?!\w))"
    r"(?!\s{1,3}years?\s{1,3}(?!of\s{1,3}age\b|old\b))",
    re.I,
)
_WITH_UNIT = re.compile(
    # (a number written out may repeat itself in figures, and one in figures in words: "three (3) years", "5 (five) years")
    rf"\b{_NUM}(?:\s{{1,3}}\((?:\d{{1,12}}|[a-zA-Z]{{3,12}}(?:[- ][a-zA-Z]{{3,12}})?)\))?(?:\s{{0,3}}[-–]\s{{0,3}}|\s{{1,3}}|(?=%))"
    rf"(?P<unit>{_PERIOD}|percent|per cent|%|(?:kilo)?met(?:er|re)s?|km|miles?|thousand|million|billion|times"
    rf"|{_CURRENCIES})(?!\w)",
    re.I,
)


# The least number of people a figure or a group must cover before it is shown, so that no one can
# be picked out of it: "a minimum audience size of 50 customers", "groups of fewer than 10 (ten)
# Beneficiaries are suppressed".
_GROUP_SIZE = re.compile(
    rf"\b(?:minimum(?:\s{{1,3}}[\w-]{{1,20}}){{0,3}}?\s{{1,3}}of|at least|fewer than|less than|no fewer than|groups? of(?:\s{{1,3}}fewer than)?)\s{{1,3}}{_NUM}"
    rf"(?:\s{{1,3}}\((?:\d{{1,12}}|[a-zA-Z]{{3,12}})\))?\s{{1,3}}(?:customers|people|persons|users|individuals|members|households|respondents|participants"
    rf"|beneficiaries|patients|employees|subscribers|records)\b",
    re.I,
)
#: Abbreviations written for a unit: "1 km" is "one kilometre".
_SAME_UNIT = {"km": "kilometer", "kms": "kilometers"}

_UNITS = frozenset("day week month year hour minute second percent cent meter metre km mile thousand million billion time age old".split()) | frozenset(_CURRENCY_WORDS) \
    | frozenset(("calendar", "business", "working", "school"))  # (the kind of day: "30 calendar days" → "30 business days")


#: Whether a word may be part of a quantity: it holds a digit, is a number word or is a unit.
_COUNTS = WordTable(lambda w: any(ch.isdigit() for ch in w) or w in _NUMBER_WORDS or w.split("-")[0] in _NUMBER_WORDS or w.rstrip("s") in _UNITS)


def _number(text: str) -> str:
    lower = text.lower()
    if "-" in lower or " " in lower:  # "twenty-five"
        tens, _, units = lower.replace(" ", "-").partition("-")
        return str(_NUMBER_WORDS[tens] + _NUMBER_WORDS[units])
    return str(_NUMBER_WORDS.get(lower, text.replace(",", "")))


def quantities(text: str) -> list[tuple[str, str, str]]:
    """(value, unit, as written) for every quantity in ``text``: money, ages, numbers with a unit."""
    if not any(map(str.isdigit, text)):
        lower = text.lower()  # (once, not once per number word)
        if not any(map(lower.__contains__, _NUMBER_WORDS)):
            return []
    out: list[tuple[int, str, str, str]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return all(match.end() <= lo or match.start() >= hi for lo, hi in taken)

    for match in _MONEY.finditer(text):
        taken.append(match.span())
        unit = match["cur"] + (" " + match["mag"].lower() if match["mag"] else "")
        out.append((match.start(), _number(match["num"]), unit, match.group()))
    for match in _GROUP_SIZE.finditer(text):
        taken.append(match.span())
        out.append((match.start(), _number(match["num"]), "people", " ".join(match.group().split())))
    for match in _AGE.finditer(text):
        if free(match):
            taken.append(match.span())
            out.append((match.start(), _number(match["num"]), "years of age", match.group()))
    for match in _WITH_UNIT.finditer(text):
        if free(match):
            unit = match["unit"].lower().replace("per cent", "percent").replace("%", "percent").replace("metre", "meter")
            unit = _SAME_UNIT.get(unit, unit)
            if unit != "times":
                unit = unit.removesuffix("s")
            out.append((match.start(), _number(match["num"]), unit, " ".join(match.group().split())))
    return [(value, unit, written) for _, value, unit, written in sorted(out)]


def _kind(unit: str) -> str:
    if unit == "years of age":
        return "age"
    if unit == "people":
        return "group size"
    if unit.startswith(("$", "€", "£")) or unit in _CURRENCY_WORDS:
        return "amount"
    if unit == "percent":
        return "percentage"
    return "period" if unit.rstrip("s").split()[-1] in ("day", "week", "month", "year", "hour", "minute", "second") else "quantity"


#: Days in each unit of a period, to compare "two weeks" with "10 days".
_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
# Time the reader is given ahead of something: a notice period ("30 days before it takes effect",
# "30 days' notice", "in advance").
_AHEAD = re.compile(r"\b(?:before|in advance|prior|ahead|notice)\b", re.I)


# A limit that a quantity sets as its most: "no more than 0.2%", "at most 3 partners", "up to".
_CAPPED = re.compile(r"\b(?:no more than|not more than|at most|up to|a maximum of|maximum of|less than|fewer than|not exceeding)\s{1,3}[$€£]?\d", re.I)


# A wait before something is done: "90 days after the item is checked in", "within 30 days of".
_WAITS = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s{1,3}(?:after|following|from)\b", re.I)
# Information deleted or taken out: "removes your name from the record", "we delete it".
_DELETES = re.compile(r"\b(?:delet|eras|remov|destroy|anonymi[sz]|purg|discard)\w{0,4}\b", re.I)


# The reader given time to act, beside the period: "you may contest them within 30 days".
_READER_ACTS = re.compile(
    r"\byou\s{1,3}(?:may|can|have|will have)\b[^.;]{0,40}\bwithin\b"
    # what happens unless the reader acts in time: "If you do not object within six weeks of receipt …, we set up the record"
    r"|\b(?:if|unless|until)\s{1,3}you\s{1,3}(?:do\s{1,3}not\s{1,3}|don't\s{1,3})?[\w-]{2,20}\b[^.;,]{0,30}\bwithin\b"
    # the reader's own application, in the passive: "Your application must be made within 28 days of the conduct"
    r"|\byour\s{1,3}(?:application|request|complaint|appeal|claim|objection)\s{1,3}(?:should|must|shall|needs?\s{1,3}to|has\s{1,3}to)\s{1,3}be\s{1,3}"
    r"(?:made|lodged|filed|submitted|sent|received)\b[^.;]{0,20}\bwithin\b",
    re.I,
)
# The reader told to act in time, in the imperative: "To opt out, submit the Opt-Out Form … within 30 calendar days".
_READER_TOLD = re.compile(
    r"(?:to\s{1,3}[\w-]{1,20}(?:\s{1,3}[\w-]{1,20}){0,2},\s{1,3})?(?:submit|send|return|complete|sign|contact|write|call|notify|tell|email|e-mail)\b[^.;]{0,100}\bwithin\b",
    re.I,
)


# A cap on how often something may be done, right before its period: "once in any", "once every", "once per".
_ONCE_IN = re.compile(r"\bonce\s{1,3}(?:in|every|per|a)\s{1,3}(?:any\s{1,3}|each\s{1,3})?$", re.I)

# A time that must pass before something is done, right before its period: "more than", "after",
# "at least", or what was not done within it ("has not been returned within").
_TRIGGER = re.compile(r"\b(?:(?:more|longer)\s{1,3}than|over|after|at\s{1,3}least|exceed(?:s|ing)?|beyond|not\s{1,3}(?:been\s{1,3})?[\w-]{2,20}\s{1,3}within)\s{1,3}$", re.I)
# What the company does with the reader's information once that time has passed (not deleting it).
_ACTS_ON = re.compile(r"\b(?:pass(?:es)?\s{1,3}on|disclos\w{0,3}|shar(?:e|es|ed|ing)|report\w{0,3}|transfer\w{0,5}|access\w{0,3}|locat(?:e|es|ed|ing)|track\w{0,3}|refer\w{0,3}|contact\w{0,3})\b", re.I)


def _days(value: str, unit: str) -> float | None:
    base = unit.split()[-1]
    # (five business days are a calendar week: "30 calendar days" → "30 business days" is six weeks)
    # (and school days fewer still: holidays are none; read as working days, the least they can be)
    working = 7 / 5 if unit.startswith(("business", "working", "school")) else 1
    try:
        return float(value) * _DAYS[base] * working if base in _DAYS else None
    except ValueError:
        return None


#: Months in each unit of a period counted in months.
_MONTHS = {"month": 1, "year": 12}


def _months(value: str, unit: str) -> float | None:
    try:
        return float(value) * _MONTHS[unit.split()[-1]]
    except ValueError:
        return None


# How long a choice the reader made holds (FCRA § 624: an affiliate-marketing opt-out lasts at least five years).
_CHOICE_LASTS = re.compile(r"\b(?:your|the)\s{1,3}(?:choice|opt[- ]out|election|preference|request)\b[^.;]{0,60}?\b(?:will\s{1,3})?(?:apply|applies|remain|remains|last|lasts|be\s{1,3}honou?red)\s{1,3}(?:in\s{1,3}effect\s{1,3})?for\b", re.I)


def _to_readers_side(change: ClauseChange, before: tuple[str, str], after: tuple[str, str], written: str) -> bool:
    """True when the new quantity is on the reader's side of the old one (see the module's docstring)."""
    if _kind(before[1]) == "group size" == _kind(after[1]):
        # a larger group before anything is shown hides each person better
        try:
            return float(after[0]) > float(before[0])
        except ValueError:
            return False
    if _kind(before[1]) in ("amount", "percentage", "quantity") and _kind(after[1]) == _kind(before[1]):
        # a cap lowered: "Reviewers hear no more than 0.2% of the recordings" → "… 0.1% …"
        try:
            lower = float(after[0]) < float(before[0])
        except ValueError:
            return False
        return lower and _CAPPED.search(change.old_text) is not None and _CAPPED.search(change.new_text) is not None
    if _kind(before[1]) != "period" or _kind(after[1]) != "period":
        return False  # (an age cuts both ways: a lower one takes in younger children, a higher one bars readers)
    old, new = _days(*before), _days(*after)
    if old is None or new is None:
        return False
    if before[1].split()[-1] in _MONTHS and after[1].split()[-1] in _MONTHS:
        old, new = _months(*before), _months(*after)  # ("24 months" → "2 years" is the same time: a year is twelve months, not 360 days)
    if old == new:
        return True  # the same time written another way: "one month" → "30 days"
    at = change.new_text.find(written)
    around = change.new_text[max(0, at - 60): at + len(written) + 60] if at >= 0 else change.new_text
    # ("30 days before the change", "notice of at least 30 days": not "proof of identity before
    # acting on a request, and will respond within 30 days", whose "before" is another phrase's)
    if _AHEAD.search(change.new_text, max(0, at - 25), at + len(written) + 40) if at >= 0 else _AHEAD.search(around):
        return new > old  # more notice
    if _CHOICE_LASTS.search(change.new_text) is not None:
        return new > old  # how long a choice the reader made holds: "Your choice … will apply for at least 5 years" → "… 2 years"
    if at >= 0 and _ONCE_IN.search(change.new_text[max(0, at - 30): at]) is not None:
        return new < old  # how often the reader may ask: "no more than once in any 12-month period" → "… 36-month period"
    if at >= 0 and _TRIGGER.search(change.new_text[max(0, at - 40): at]) is not None and _DELETES.search(change.new_text) is None \
            and (_ACTS_ON.search(change.new_text) is not None or change.new is not None and _ACTS_ON.search(change.new.lead) is not None):
        # the time after which the company acts on the reader's information: "Only if your arrears are
        # more than three months of rent do we pass on your name … to the municipality" → "… one
        # month …"; "we access the vehicle's location when it has not been returned within 24 hours" →
        # "… 2 hours": shorter, and it happens sooner and more often
        return new > old
    if (change.reading.actor == "reader" or _READER_ACTS.search(around) or _READER_TOLD.match(change.new_text)) and "retention" not in change.topics:
        return new > old  # more time for the reader to act ("…; you may contest them within 60 days of the invoice")
    # the company answers, deletes or stops keeping sooner ("If you have not logged in for 3 years,
    # we erase your account data" → "… 5 years …": kept longer, whoever the condition names)
    return new < old


#: Words that say a quantity of several things, one by one.
_EACH = frozenset(("each", "respectively", "apiece"))


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A quantity changed or removed (material), or added (substantive)."""
    if change.kind != "edited":
        return None
    # A quantity is read only where a word that counts changed: a number, a number word or a unit.
    # (A currency sign or "%" is never part of a word, so the changed words never hold one.)
    if not any(_COUNTS.each(change.changed_old_words + change.changed_new_words)):
        return None
    old_q, new_q = quantities(change.old_text), quantities(change.new_text)
    old = Counter((v, u) for v, u, _ in old_q)
    new = Counter((v, u) for v, u, _ in new_q)
    if old == new:
        return None
    written = {(v, u): w for v, u, w in old_q} | {(v, u): w for v, u, w in new_q}
    gone, came = list((old - new).elements()), list((new - old).elements())
    for b in gone:
        after = next((a for a in came if a[1] == b[1]), None) or next((a for a in came if _kind(a[1]) == _kind(b[1])), None)
        if after is not None:
            severity = "substantive" if _to_readers_side(change, b, after, written[after]) else "material"
            return change.finding("quantities", severity, f"{quote(written[b])} is now {quote(written[after])}.")
    if gone and all(b in new for b in gone) and not _EACH.isdisjoint(change.changed_new_words) and _EACH.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        # said once of several things it was said of one by one: "… offers: 5 years (…) Records of
        # payment: 5 years (…)" → "… offers, and records of payment: 5 years each (…)"
        gone = []
        if not came:
            return None
    if gone:
        return change.finding("quantities", "material", f"The {_kind(gone[0][1])} {quote(written[gone[0]])} was removed.")
    if _kind(came[0][1]) == "period" and _WAITS.search(change.new_text) is not None and _WAITS.search(change.old_text) is None \
            and _DELETES.search(change.new_text) is not None:
        # a deletion that happened at once now waits: "When an item is checked in, our system removes
        # your name" → "… removes your name 90 days after the item is checked in"
        return change.finding("quantities", "material", f"The {_kind(came[0][1])} {quote(written[came[0]])} was added.")
    return change.finding("quantities", "substantive", f"The {_kind(came[0][1])} {quote(written[came[0]])} was added.")
