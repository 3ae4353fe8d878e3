"""Material-change detection: rules that turn a :class:`~generator.diff.Diff` into findings and a verdict.

Each rule is small and named, looks at the changed blocks of a diff, and reports
:class:`Finding` values a lawyer can read ("A negation was removed: …"). The verdict of a version
is the most severe finding:

============  =====================================================================
``none``      the text did not change
``formatting``  only spacing, emphasis, list markers or other markup changed
``editorial``   typo-level edits (spelling, punctuation, capitalisation, a link target,
                renumbering, the date written in the text) or a section moved unchanged
``substantive`` wording changed, but no rule for material changes fired
``material``    a material section changed in substance, or a risk term, negation,
                quantity, list of collected data or recipients, right or obligation,
                or the controller's name, address or e-mail changed
============  =====================================================================

A typo-level edit is editorial wherever it stands, material sections included, as long as no risk
term, number, negation or party is involved; everything beyond that is judged by the rules.
Configuration lives under the ``statements`` plugin as ``material: {...}`` (:class:`MaterialConfig`).
The only MkDocs import is the configuration schema.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from .diff import Diff
    from .model import Statement, Version

__all__ = [
    "VERDICTS",
    "RULES",
    "Finding",
    "Classification",
    "MaterialConfig",
    "classify_diff",
    "classify",
    "classifier",
    "DEFAULT_SECTIONS",
    "DEFAULT_RISK_TERMS",
]

#: Verdicts from least to most severe.
VERDICTS: tuple[str, ...] = ("none", "formatting", "editorial", "substantive", "material")
_RANK = {name: rank for rank, name in enumerate(VERDICTS)}

#: Every rule, by the name used in findings and in ``material: disable: [...]``.
RULES: dict[str, str] = {
    "material-section": "a change in substance inside a material section (collection, use, sharing, …)",
    "risk-vocabulary": "a risk term (sell, share, location, biometric, AI training, arbitration, …) added or removed",
    "negation": "a negation or a limiting word (not, never, only, unless) added or removed",
    "quantity": "a period, age, amount or percentage changed, added or removed",
    "list-item": "a new entry in a list of collected information or of recipients",
    "rights-removed": "a right of the reader or an obligation of the company removed",
    "party": "the controller's name, postal address or contact e-mail changed",
    "content": "wording changed where no material rule applies",
    "effective-date": "the date written in the text changed",
    "editorial": "spelling, punctuation or capitalisation corrected",
    "renumbering": "sections or list items renumbered",
    "link-target": "a link target or anchor changed while the words stayed",
    "moved": "a passage moved without changing its words",
    "formatting": "spacing, emphasis or list markers changed",
}

#: Rules a configuration may switch off (the others describe what is left when they do).
JUDGING_RULES: tuple[str, ...] = (
    "material-section", "risk-vocabulary", "negation", "quantity", "list-item", "rights-removed", "party",
)

#: Headings of material sections, as case-insensitive regular expressions searched in every
#: heading of a block's section path. One line per topic of DESIGN.md's "Material-change rules".
DEFAULT_SECTIONS: list[str] = [
    r"\bcollect|\binformation (?:we|you) (?:get|receive|provide|give)|\bcategories of (?:personal )?(?:data|information)",
    r"\b(?:how|why) we use\b|\buse of (?:your )?(?:personal )?(?:data|information)|\bpurposes?\b|\blegal bases?\b",
    r"\bshar(?:e|es|ing)\b|\bdisclos|\bsell\b|\bsale\b|\bthird[- ]part|\brecipients?\b|\bprocessors?\b",
    r"\bchild|\bminors?\b|\bkids?\b",
    r"\bretention\b|\bretain|\bhow long\b|\bstorage\b|\bdelet",
    r"\btransfers?\b|\binternational\b|\bcross[- ]border\b",
    r"\brights?\b|\bchoices?\b|\bopt(?:ing)?[- ]out\b|\bcorrection\b|\baccess(?:ing)? (?:and|to) (?:correct|your|delet)",
    r"\bsecurity\b|\bsecuring\b|\bsafeguards?\b",
    r"\bcontact\b|\bcontroller\b|\bwho we are\b|\babout us\b|\bdata protection officer\b|\bDPO\b",
    r"\bchanges? (?:to|in) (?:this|these|our|the)\b|\bupdates? to (?:this|these|our|the)\b|\bamendments?\b",
    r"\bgoverning law\b|\bjurisdiction\b|\bdisputes?\b|\barbitration\b",
]

#: Risk vocabulary. Each entry is one family: alternatives separated by ``|``, each matched as the
#: start of a word (``sell`` also finds ``selling``); an entry in capitals (``AI``) matches exactly.
DEFAULT_RISK_TERMS: list[str] = [
    "sell|sold|sale", "rent", "share|sharing", "disclos", "advertis|ads", "target", "marketing",
    "profil", "track", "cross-context|cross-site", "location|geolocat|GPS", "biometric|face recognition|facial",
    "genetic", "health|medical", "sensitive", "children|child|minor|kids", "retain|retention",
    "transfer", "law enforcement|police|government|subpoena|search warrant", "train|machine learning|artificial intelligence",
    "AI|LLM", "automated decision|automated means", "arbitrat", "class action", "jurisdiction|governing law|laws of",
    "waive|waiver", "indemnif", "liabilit", "data broker|broker", "affiliate", "consent", "opt out|opt-out|opt in|opt-in",
    "camera|microphone|contacts", "financial|credit card|payment card|bank account",
]


class _RegexList(c.ListOfItems):
    """A list of regular expressions, each checked when mkdocs.yml is loaded."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=list(default))

    def run_validation(self, value: object) -> list[str]:
        items = super().run_validation(value)
        for item in items:
            try:
                re.compile(item)
            except re.error as exc:
                raise ValidationError(f"{item!r} is not a valid regular expression ({exc}); check brackets and escapes")
        return items


class MaterialConfig(base.Config):
    """Options of the material-change detector (``material:`` under the ``statements`` plugin)."""

    sections = _RegexList(DEFAULT_SECTIONS)
    """Headings of material sections (regular expressions, case-insensitive). Replaces the defaults."""

    extra_sections = _RegexList([])
    """More material section headings, added to ``sections``."""

    risk_terms = c.ListOfItems(c.Type(str), default=list(DEFAULT_RISK_TERMS))
    """Risk vocabulary: one family per entry, word starts separated by ``|``. Replaces the defaults."""

    extra_risk_terms = c.ListOfItems(c.Type(str), default=[])
    """More risk terms, added to ``risk_terms``."""

    disable = c.ListOfItems(c.Choice(JUDGING_RULES), default=[])
    """Rules to switch off, e.g. ``[material-section]``."""

    editorial_distance = c.Type(int, default=2)
    """Largest edit distance (letters inserted, deleted, replaced or swapped) of a word still counted as a typo fix."""


# --- findings and verdicts -------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One reason for a verdict: which rule, how severe, where, the text before and after, and why."""

    rule: str
    severity: str
    section: tuple[str, ...]
    old: str | None
    new: str | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "rule": self.rule, "severity": self.severity, "section": list(self.section),
            "old": self.old, "new": self.new, "message": self.message,
        }


@dataclass(frozen=True)
class Classification:
    """A version's verdict against its predecessor, with the findings behind it (most severe first)."""

    verdict: str
    findings: tuple[Finding, ...] = ()

    @property
    def is_material(self) -> bool:
        """True when the verdict is ``material``."""
        return self.verdict == "material"

    def at_least(self, verdict: str) -> bool:
        """True when the verdict is ``verdict`` or more severe."""
        return _RANK[self.verdict] >= _RANK[verdict]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}


# --- compiled options ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Family:
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class _Rules:
    sections: tuple[re.Pattern[str], ...]
    families: tuple[_Family, ...]
    disabled: frozenset[str]
    distance: int
    effective: re.Pattern[str] | None

    def on(self, rule: str) -> bool:
        return rule not in self.disabled


def _family(entry: str) -> _Family | None:
    parts = [p.strip() for p in entry.split("|") if p.strip()]
    if not parts:
        return None
    exact = [p for p in parts if p.isupper()]
    words = [p for p in parts if not p.isupper()]
    alternatives = []
    if words:
        # A word start matches its inflections (sell → selling); spaces match any whitespace.
        body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        alternatives.append(rf"(?i:\b(?:{body})[\w'-]*)")
    if exact:
        alternatives.append(r"\b(?:" + "|".join(re.escape(w) for w in exact) + r")s?\b")
    return _Family(parts[0], re.compile("|".join(alternatives)))


def _option(options: Any, name: str, default: Any) -> Any:
    if options is None:
        return default
    if isinstance(options, Mapping):
        value = options.get(name, default)
        return default if value is None else value
    return getattr(options, name, default)


_COMPILED: dict[Any, _Rules] = {}


def _compile(options: Any) -> _Rules:
    """The detector's compiled configuration from StatementsConfig, MaterialConfig, a dict or None."""
    material: Any = None
    effective: str | None = None
    if isinstance(options, MaterialConfig):
        material = options
    elif isinstance(options, Mapping):
        # The plugin's StatementsConfig (or a dict shaped like it) carries ``material``; else a bare dict.
        if any(key in options for key in ("material", "effective_pattern", "statements_dir", "notice_days")):
            material, effective = options.get("material"), options.get("effective_pattern")
        else:
            material = options
    elif options is not None:
        material, effective = getattr(options, "material", None), getattr(options, "effective_pattern", None)
    sections = list(_option(material, "sections", DEFAULT_SECTIONS) or []) + list(_option(material, "extra_sections", []) or [])
    terms = list(_option(material, "risk_terms", DEFAULT_RISK_TERMS) or []) + list(_option(material, "extra_risk_terms", []) or [])
    disabled = frozenset(_option(material, "disable", []) or [])
    distance = int(_option(material, "editorial_distance", 2))
    key = (tuple(sections), tuple(terms), disabled, distance, effective)
    rules = _COMPILED.get(key)
    if rules is None:
        from .history import DEFAULT_EFFECTIVE_PATTERN

        rules = _Rules(
            sections=tuple(re.compile(s, re.I) for s in sections),
            families=tuple(f for f in (_family(t) for t in terms) if f),
            disabled=disabled,
            distance=distance,
            effective=re.compile(effective or DEFAULT_EFFECTIVE_PATTERN),
        )
        _COMPILED[key] = rules
    return rules


# --- text helpers ----------------------------------------------------------------------------

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_WORD = re.compile(r"[^\W_]+(?:['@.\-+][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_NEGATIONS = frozenset(
    "not no never none nor neither cannot without nothing nobody nowhere unable".split()
)
_LIMITS = frozenset("only solely exclusively unless except".split())
_ARTICLES = frozenset(("a", "an", "the"))
_REFERENCE_WORDS = frozenset(("section", "sections", "paragraph", "paragraphs", "clause", "clauses", "article", "articles", "part", "item"))
_ENUMERATOR = re.compile(r"^(?:\d+(?:\.\d+)*|[a-z]|[ivxlcdm]+|[a-z]\.\d+(?:\.\d+)*)$")
_SECTION_NUMBER = re.compile(r"^[a-z]\.\d+(?:\.\d+)*$")
_LEADING_NUMBER = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[A-Za-z]|[IVXLCDM]+)[.):]|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\))\s+")
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _fold(text: str) -> str:
    return text.translate(_FOLD)


@dataclass(frozen=True)
class _Word:
    norm: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    return [_Word(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _negative(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of two letters counts once), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _allowed(a: str, b: str, limit: int) -> int:
    # Short words get less room: "him" → "her" is not a typo, "recieve" → "receive" is.
    return min(limit, max(1, max(len(a), len(b)) // 3))


def _excerpt(text: str, start: int = 0, end: int | None = None, width: int = 70) -> str:
    """The passage around ``text[start:end]``, cut at word boundaries, with ellipses where cut."""
    text = " ".join(_fold(text).split()) if end is None else text
    if end is None:
        end = len(text)
        if len(text) <= 2 * width:
            return text
        start, end = 0, min(len(text), 2 * width)
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    if lo > 0:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < start else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space > end else hi
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + snippet + ("…" if hi < len(text) else "")


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def _where(section: tuple[str, ...]) -> str:
    return f" in “{section[-1]}”" if section else ""


# --- typo level ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edit:
    """How the words of one block changed."""

    kind: str  # "same" | "editorial" | "renumbering" | "date" | "content"
    #: (old words, new words) of each changed span, for rules that read the changed words
    spans: tuple[tuple[tuple[_Word, ...], tuple[_Word, ...]], ...] = ()


_DATE_LINE = re.compile(r"(?i)^\W*(?:effective|last\s+updated|updated|last\s+revised|revised)(?:\s+(?:date|on))?\b")


def _date_line(text: str, rules: _Rules) -> bool:
    """True for the line that states a version's date ("Effective date: …"), even while its date is blank."""
    return bool(_DATE_LINE.match(text) or rules.effective is not None and rules.effective.search(text))


def _strip_number(text: str) -> tuple[str, bool]:
    match = _LEADING_NUMBER.match(text)
    return (text[match.end():], True) if match else (text, False)


def _compare(old: str, new: str, rules: _Rules, *, kind: str) -> _Edit:
    """Classify the word-level edit between two block texts: typo-level or a change of content."""
    old, new = _fold(old), _fold(new)
    renumbered = False
    if kind in ("heading", "item", "paragraph"):
        old_rest, old_numbered = _strip_number(old)
        new_rest, new_numbered = _strip_number(new)
        if old_numbered or new_numbered:
            if old_rest.split() != old.split() or new_rest.split() != new.split():
                renumbered = old != new and (old_rest.split() == new_rest.split() or old_rest.lower().split() == new_rest.lower().split())
            old, new = old_rest, new_rest
    dated = False
    if _date_line(old, rules) and _date_line(new, rules):
        # "Effective date: May 1, 2024" → "…: June 1, 2025" is routine; compare the rest of the block.
        from .model import _HUMAN_DATE

        stripped_old, stripped_new = _HUMAN_DATE.sub(" ", old), _HUMAN_DATE.sub(" ", new)
        if stripped_old != old or stripped_new != new:
            dated = _HUMAN_DATE.findall(old) != _HUMAN_DATE.findall(new)
            old, new = stripped_old, stripped_new
    a, b = _words(old), _words(new)
    a_norm, b_norm = [w.norm for w in a], [w.norm for w in b]
    if a_norm == b_norm:
        if dated:
            return _Edit("date")
        if renumbered:
            return _Edit("renumbering")
        return _Edit("same" if old.split() == new.split() else "editorial")
    spans = []
    kinds = set()
    matcher = SequenceMatcher(None, a_norm, b_norm, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = tuple(a[i1:i2]), tuple(b[j1:j2])
        spans.append((olds, news))
        kinds.add(_typo_span(olds, news, a, i1, rules))
    if None in kinds:
        return _Edit("content", tuple(spans))
    if "typo" in kinds:
        return _Edit("editorial", tuple(spans))
    return _Edit("renumbering" if renumbered or "reference" in kinds else "date" if dated else "editorial", tuple(spans))


def _typo_span(olds: Sequence[_Word], news: Sequence[_Word], context: Sequence[_Word], i1: int, rules: _Rules) -> str | None:
    """How one changed span is typo-level: ``typo``, ``reference`` (a renumbered cross-reference), or None."""
    old_words = [w.norm for w in olds]
    new_words = [w.norm for w in news]
    if any(_negative(w) or w in _LIMITS for w in old_words + new_words):
        return None
    if not old_words or not new_words:
        # Only articles may come or go ("the logs" → "logs").
        return "typo" if all(w in _ARTICLES for w in old_words + new_words) else None
    if len(old_words) == len(new_words):
        kind: str | None = "reference"
        for index, (o, n) in enumerate(zip(old_words, new_words)):
            previous = context[i1 + index - 1].norm if i1 + index > 0 else ""
            if (previous in _REFERENCE_WORDS and _ENUMERATOR.match(o) and _ENUMERATOR.match(n)) or (_SECTION_NUMBER.match(o) and _SECTION_NUMBER.match(n)):
                continue  # "Section 3" → "Section 4", "D.7" → "D.1": a cross-reference renumbered
            if _DIGIT.search(o) or _DIGIT.search(n) or _distance(o, n, rules.distance) > _allowed(o, n, rules.distance):
                kind = None
                break
            kind = "typo"
        if kind is not None:
            return kind
    # Words joined or split ("e mail" → "email", "set up" → "setup").
    joined_old, joined_new = "".join(old_words), "".join(new_words)
    if _DIGIT.search(joined_old) or _DIGIT.search(joined_new):
        return None
    return "typo" if _distance(joined_old, joined_new, rules.distance) <= _allowed(joined_old, joined_new, rules.distance) else None


# --- per-change analysis ---------------------------------------------------------------------


@dataclass
class _Item:
    """One change of the diff with what the rules need to know about it."""

    change: Any
    section: tuple[str, ...]
    old_text: str
    new_text: str
    edit: _Edit
    index: int


def _text(block: Any) -> str:
    return _fold(block.text) if block is not None else ""


def _links(block: Any) -> tuple[list[str], list[str]]:
    if block is None:
        return [], []
    html = block.html
    hrefs = [m.group(1) if m.group(1) is not None else m.group(2) for m in _HREF.finditer(html)]
    ids = [m.group(1) if m.group(1) is not None else m.group(2) for m in _ID.finditer(html)]
    if block.anchor and block.kind == "heading":
        ids.append(block.anchor)
    return hrefs, ids


def _families(text: str, rules: _Rules) -> dict[str, re.Match[str]]:
    found: dict[str, re.Match[str]] = {}
    for family in rules.families:
        match = family.pattern.search(text)
        if match:
            found[family.label] = match
    return found


def _material_section(section: tuple[str, ...], rules: _Rules) -> str | None:
    for heading in reversed(section):
        for pattern in rules.sections:
            if pattern.search(heading):
                return heading
    return None


# quantities: a number with a unit, an age, or an amount of money
_NUMBER_WORDS = {
    w: n for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100})
_NUM = r"(?P<num>\d+(?:[.,]\d+)*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_PERIOD = r"(?:calendar |business |working )?(?:day|week|month|year|hour|minute|second)s?"
_MONEY = re.compile(rf"(?P<cur>[$€£])\s?{_NUM}(?:\s*(?P<mag>thousand|million|billion))?", re.I)
_AGE = re.compile(
    rf"\b(?:under|over|aged?|age of|younger than|older than)\s+(?:the age of\s+)?{_NUM}\b"
    r"(?!\s*[-–]?\s*(?:calendar |business |working )?(?:days?|weeks?|months?|hours?|minutes?|seconds?|percent|%)(?!\w))",
    re.I,
)
_WITH_UNIT = re.compile(
    rf"\b{_NUM}(?:\s*[-–]\s*|\s+|(?=%))"
    rf"(?P<unit>{_PERIOD}|percent|per cent|%|(?:kilo)?met(?:er|re)s?|km|miles?|thousand|million|billion|times"
    rf"|dollars?|euros?|pounds?|usd|eur|gbp)(?!\w)",
    re.I,
)


def _number(text: str) -> str:
    return str(_NUMBER_WORDS.get(text.lower(), text.replace(",", "")))


def _quantities(text: str) -> list[tuple[str, str, str]]:
    """(value, unit, as written) for every quantity in ``text``: money, ages, numbers with a unit."""
    out: list[tuple[int, str, str, str]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match[str]) -> bool:
        return all(match.end() <= lo or match.start() >= hi for lo, hi in taken)

    for match in _MONEY.finditer(text):
        taken.append(match.span())
        unit = match["cur"] + (" " + match["mag"].lower() if match["mag"] else "")
        out.append((match.start(), _number(match["num"]), unit, match.group()))
    for match in _AGE.finditer(text):
        if free(match):
            taken.append(match.span())
            out.append((match.start(), _number(match["num"]), "years of age", match.group()))
    for match in _WITH_UNIT.finditer(text):
        if free(match):
            unit = match["unit"].lower().replace("per cent", "percent").replace("%", "percent").replace("metre", "meter")
            if unit != "times":
                unit = unit.removesuffix("s")
            out.append((match.start(), _number(match["num"]), unit, " ".join(match.group().split())))
    return [(value, unit, written) for _, value, unit, written in sorted(out)]


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_COMPANY = re.compile(
    r"\b((?:[A-Z][\w&'.-]*\s+){0,4}[A-Z][\w&'.-]*),?\s+"
    r"(Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SAS|B\.V\.|N\.V\.|plc|PLC|Corp\.?|Corporation|LLP|Pty\.? Ltd\.?)(?!\w)"
)
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"  # UK
    r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"  # US state and ZIP
    r"|\d{4,5}\s+[A-Z][a-zäöüß]+)\b"  # most of Europe: 10115 Berlin
)
_STREET = re.compile(
    r"\b\d+[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St\.|Road|Rd\.|Lane|Avenue|Ave\.|Way|Boulevard|Blvd\.|Place|Square|Drive|Court|Row|Terrace|Close|Straße|Strasse|Quay)(?!\w)"
    r"|\b(?:Suite|Floor|P\.?\s?O\.? Box)\s+\w+"
)


def _parties(text: str, html: str = "") -> dict[str, set[str]]:
    mailto = set(re.findall(r"mailto:([^\"'?>\s]+)", html))
    companies = {" ".join((m.group(1) + " " + m.group(2)).split()).rstrip(".") for m in _COMPANY.finditer(text)}
    return {
        "e-mail address": {e.lower().rstrip(".") for e in _EMAIL.findall(text)} | {e.lower() for e in mailto},
        "company name": {c for c in companies if not c.split()[0] in ("The", "This", "Our", "We")},
        "postal address": {" ".join(m.group().split()) for m in _POSTCODE.finditer(text)} | {" ".join(m.group().split()) for m in _STREET.finditer(text)},
    }


_RIGHT = re.compile(
    r"\byou (?:also |still )?(?:may|can|could|will be able to|have (?:the|a) right|are entitled|have the option)\b(?! not\b)"
    r"|\b(?:your |the )?right (?:to|of)\b|\bopt[- ]out\b",
    re.I,
)
_OBLIGATION = re.compile(
    r"\bwe (?:also |will always |always )?(?:will|must|shall|are required to|commit to|agree to|promise|undertake)\b"
    r"|\bwe(?:'ll| won't)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")

_COLLECTION_CONTEXT = re.compile(r"\bcollect|\bgather|\bobtain|\breceive|\bwe (?:ask|record|process|store)\b|\bcategories\b|\binformation (?:we|you)|\bpersonal (?:data|information)\b", re.I)
_RECIPIENT_CONTEXT = re.compile(r"\bshar|\bdisclos|\brecipient|\bthird[- ]part|\bsell|\bsale\b|\btransfer|\bprocessors?\b|\bpartners?\b|\bproviders?\b", re.I)


# --- the detector ----------------------------------------------------------------------------


class _Detector:
    def __init__(self, diff: Any, rules: _Rules) -> None:
        self.diff = diff
        self.rules = rules
        self.findings: list[tuple[int, Finding]] = []
        self.seen: set[tuple[str, tuple[str, ...], str]] = set()
        self.party_sections: set[tuple[str, ...]] = set()
        self.renumbered: list[_Item] = []
        self.typos: list[_Item] = []

    def add(self, order: int, rule: str, severity: str, section: tuple[str, ...], message: str, old: str | None = None, new: str | None = None, *, once: str | None = None) -> None:
        if once is not None:
            key = (rule, section, once)
            if key in self.seen:
                return
            self.seen.add(key)
        self.findings.append((order, Finding(rule, severity, tuple(section), old, new, message)))

    # -- walk -------------------------------------------------------------------------------

    def run(self) -> Classification:
        changes = tuple(self.diff.changes)
        if not changes:
            return Classification("none")
        content: list[_Item] = []
        formatting = 0
        for index, change in enumerate(changes):
            section = tuple(change.section)
            if change.kind == "moved":
                self.moved(index, change, section)
            old_text, new_text = _text(change.old), _text(change.new)
            if change.kind in ("formatting", "modified", "moved") and change.old is not None and change.new is not None:
                edit = _compare(old_text, new_text, self.rules, kind=change.new.kind)
                if edit.kind == "same" and change.kind == "moved":
                    continue  # moved and not edited: not a content change
                if edit.kind == "same":
                    outcome = self.links(index, change, section)
                    if outcome == "formatting":
                        formatting += 1
                    if outcome != "content":
                        continue
            elif not _words(old_text) and not _words(new_text):
                formatting += 1  # a rule or an empty block came or went
                continue
            else:
                edit = _Edit("content")
            content.append(_Item(change, section, old_text, new_text, edit, index))
        if formatting:
            self.add(
                len(changes), "formatting", "formatting", (),
                f"Only formatting changed in {formatting} place{'s' if formatting != 1 else ''} "
                "(spacing, emphasis, list markers or line breaks); the words are the same.",
            )
        self.parties(content)
        by_section: dict[tuple[str, ...], list[_Item]] = {}
        for item in content:
            by_section.setdefault(item.section, []).append(item)
        for section, items in by_section.items():
            self.judge_section(section, items)
        if self.typos:
            self.typo_finding()
        if self.renumbered:
            first, count = self.renumbered[0], len(self.renumbered)
            self.add(
                first.index, "renumbering", "editorial", first.section,
                f"Numbering changed in {count} heading{'s' if count != 1 else ''} or item{'s' if count != 1 else ''}; "
                "their words stay the same.",
                _excerpt(first.old_text, width=40), _excerpt(first.new_text, width=40),
            )
        self.findings.sort(key=lambda pair: (-_RANK[pair[1].severity], pair[0]))
        findings = tuple(f for _, f in self.findings)
        verdict = findings[0].severity if findings else "formatting"
        return Classification(verdict, findings)

    # -- rules ------------------------------------------------------------------------------

    def moved(self, index: int, change: Any, section: tuple[str, ...]) -> None:
        block = change.new or change.old
        title = section[-1] if section else _excerpt(block.text, width=30)
        self.add(
            index, "moved", "editorial", section,
            f"“{title}” moved to another place in the statement; its wording did not change.",
            once="moved",
        )

    def links(self, index: int, change: Any, section: tuple[str, ...]) -> str:
        """Same words: ``formatting``, an ``editorial`` link-target change, or ``content`` (a new e-mail behind a link)."""
        old_hrefs, old_ids = _links(change.old)
        new_hrefs, new_ids = _links(change.new)
        if old_hrefs == new_hrefs and old_ids == new_ids:
            return "formatting"
        old_mail = _parties(_text(change.old), change.old.html)["e-mail address"]
        new_mail = _parties(_text(change.new), change.new.html)["e-mail address"]
        if old_mail != new_mail:
            return "content"  # a new e-mail behind a link is a party change; the party rule reports it
        gone = [h for h in old_hrefs if h not in new_hrefs]
        came = [h for h in new_hrefs if h not in old_hrefs]
        if gone and came:
            message = f"A link now points to {came[0]} instead of {gone[0]}; the linked words stay the same."
        elif came:
            message = f"A link to {came[0].removeprefix('mailto:')} was added; the words stay the same."
        elif gone:
            message = f"A link to {gone[0].removeprefix('mailto:')} was removed; the words stay the same."
        else:
            message = "A section's anchor (the address of a link to it) changed; its words stay the same."
        self.add(index, "link-target", "editorial", section, message, gone[0] if gone else None, came[0] if came else None)
        return "editorial"

    def parties(self, items: list[_Item]) -> None:
        """Names, postal addresses and e-mail addresses in the changed blocks, compared across the document."""
        if not self.rules.on("party"):
            return
        old: dict[str, set[str]] = {}
        new: dict[str, set[str]] = {}
        for item in items:
            if item.change.old is not None:
                for kind, values in _parties(item.old_text, item.change.old.html).items():
                    old.setdefault(kind, set()).update(values)
            if item.change.new is not None:
                for kind, values in _parties(item.new_text, item.change.new.html).items():
                    new.setdefault(kind, set()).update(values)
        for kind in ("company name", "postal address", "e-mail address"):
            gone = sorted(old.get(kind, set()) - new.get(kind, set()))
            came = sorted(new.get(kind, set()) - old.get(kind, set()))
            if not gone and not came:
                continue
            involved = [
                i for i in items
                if any(v.lower() in _searchable(i, new=True) for v in came) or any(v.lower() in _searchable(i, new=False) for v in gone)
            ] or items[:1]
            item = involved[0]
            if gone and came:
                message = f"The {kind} changed from {gone[0]} to {came[0]}; readers and authorities use it to reach the company."
            elif came:
                message = f"A new {kind} appears{_where(item.section)}: {came[0]}."
            else:
                message = f"The {kind} {gone[0]} was removed{_where(item.section)}."
            self.add(item.index, "party", "material", item.section, message, ", ".join(gone) or None, ", ".join(came) or None)
            for other in involved:
                # A party is never a typo: the block is judged as a change of content.
                other.edit = _Edit("content", other.edit.spans)
                self.party_sections.add(other.section)

    def judge_section(self, section: tuple[str, ...], items: list[_Item]) -> None:
        rules = self.rules
        # Risk terms, quantities and parties decide whether a typo-level edit stays editorial.
        old_text = "\n".join(i.old_text for i in items)
        new_text = "\n".join(i.new_text for i in items)
        signals = section in self.party_sections
        if rules.on("risk-vocabulary"):
            signals |= self.risk(section, items, old_text, new_text)
        if rules.on("quantity"):
            signals |= self.quantity(section, items, old_text, new_text)
        if rules.on("negation"):
            signals |= self.negation(section, items)
        for item in items:
            if item.edit.kind in ("editorial", "renumbering", "date"):
                for old_word, new_word in ((o, n) for olds, news in item.edit.spans for o, n in zip(olds, news)):
                    if _families(old_word.norm, rules).keys() != _families(new_word.norm, rules).keys():
                        item.edit = _Edit("content", item.edit.spans)
        typo = [i for i in items if i.edit.kind in ("editorial", "renumbering", "date")]
        real = [i for i in items if i.edit.kind == "content"]
        for item in typo:
            self.typo(item)
        if not real:
            return
        if rules.on("list-item"):
            signals |= self.list_items(section, real)
        if rules.on("rights-removed"):
            signals |= self.rights(section, real)
        heading = _material_section(section, rules) if rules.on("material-section") else None
        counts = Counter(i.change.kind for i in real)
        parts = []
        for kind, word in (("modified", "reworded"), ("formatting", "reworded"), ("added", "added"), ("removed", "removed")):
            if counts.get(kind):
                parts.append((word, counts[kind]))
        merged: dict[str, int] = {}
        for word, count in parts:
            merged[word] = merged.get(word, 0) + count
        summary = ", ".join(f"{n} passage{'s' if n != 1 else ''} {w}" for w, n in merged.items())
        first = real[0]
        old_excerpt = _excerpt(first.old_text) if first.old_text else None
        new_excerpt = _excerpt(first.new_text) if first.new_text else None
        if heading is not None and not signals:
            self.add(
                first.index, "material-section", "material", section,
                f"Text changed in substance in “{section[-1] if section else heading}”, a section about "
                f"{_topic(heading)} that is material by default ({summary}).",
                old_excerpt, new_excerpt,
            )
        elif not signals:
            self.add(
                first.index, "content", "substantive", section,
                f"Wording changed{_where(section)} ({summary}); no risk term, number, negation, list of data "
                "or recipients, right, obligation or party is involved.",
                old_excerpt, new_excerpt,
            )

    def typo(self, item: _Item) -> None:
        if item.edit.kind == "renumbering":
            self.renumbered.append(item)
        elif item.edit.kind == "date":
            self.add(item.index, "effective-date", "editorial", item.section,
                     "The date written in the text changed.", _excerpt(item.old_text), _excerpt(item.new_text), once="date")
        else:
            self.typos.append(item)

    def typo_finding(self) -> None:
        """One finding for every typo-level fix, naming the first and counting the rest."""
        first, count = self.typos[0], len(self.typos)
        pair = next(((o, n) for item in self.typos for o, n in item.edit.spans if o and n and [w.norm for w in o] != [w.norm for w in n]), None)
        example = f" (e.g. {_quote(' '.join(w.norm for w in pair[0]))} → {_quote(' '.join(w.norm for w in pair[1]))})" if pair else ""
        where = _where(first.section) if count == 1 else f" in {count} places"
        self.add(
            first.index, "editorial", "editorial", first.section,
            f"Spelling, punctuation or capitalisation corrected{where}{example}; the meaning stays the same.",
            _excerpt(first.old_text), _excerpt(first.new_text),
        )

    def risk(self, section: tuple[str, ...], items: list[_Item], old_text: str, new_text: str) -> bool:
        old = _families(old_text, self.rules)
        new = _families(new_text, self.rules)
        came = [new[label] for label in new if label not in old]
        gone = [old[label] for label in old if label not in new]
        for matches, is_new in ((came, True), (gone, False)):
            if not matches:
                continue
            terms = _listing([_quote(m.group()) for m in matches])
            kinds = _listing(list(dict.fromkeys(_risk_kind(label) for label in (new if is_new else old) if (new if is_new else old)[label] in matches)))
            item = _holder(items, matches[0].group(), new=is_new)
            text = item.new_text if is_new else item.old_text
            where = _pos(text, matches[0].group())
            plural = "s" if len(matches) != 1 else ""
            if is_new:
                message = f"The text now mentions {terms}{_where(section)}: risk term{plural} ({kinds}) it did not use there before."
                excerpts = (_excerpt(item.old_text) if item.old_text else None, _excerpt(text, *where))
            else:
                message = f"The text no longer mentions {terms}{_where(section)}: risk term{plural} ({kinds}); check what was removed with {'them' if plural else 'it'}."
                excerpts = (_excerpt(text, *where), _excerpt(item.new_text) if item.new_text else None)
            self.add(item.index, "risk-vocabulary", "material", section, message, *excerpts)
        return bool(came or gone)

    def quantity(self, section: tuple[str, ...], items: list[_Item], old_text: str, new_text: str) -> bool:
        old = Counter((v, u) for v, u, _ in _quantities(old_text))
        new = Counter((v, u) for v, u, _ in _quantities(new_text))
        if old == new:
            return False
        written_old = {(v, u): w for v, u, w in _quantities(old_text)}
        written_new = {(v, u): w for v, u, w in _quantities(new_text)}
        gone = list((old - new).elements())
        came = list((new - old).elements())
        fired = False
        for unit in dict.fromkeys(u for _, u in gone + came):
            before = [q for q in gone if q[1] == unit]
            after = [q for q in came if q[1] == unit]
            while before and after:
                b, a = before.pop(0), after.pop(0)
                item = _holder(items, written_new[a], new=True)
                self.add(
                    item.index, "quantity", "material", section,
                    f"A {_unit_kind(unit)} changed{_where(section)}: {_quote(written_old[b])} is now {_quote(written_new[a])}.",
                    _excerpt(item.old_text, *_pos(item.old_text, written_old[b])) if item.old_text else written_old[b],
                    _excerpt(item.new_text, *_pos(item.new_text, written_new[a])),
                )
                fired = True
            for a in after:
                item = _holder(items, written_new[a], new=True)
                self.add(item.index, "quantity", "material", section,
                         f"A {_unit_kind(unit)} was added{_where(section)}: {_quote(written_new[a])}.",
                         None, _excerpt(item.new_text, *_pos(item.new_text, written_new[a])))
                fired = True
            for b in before:
                item = _holder(items, written_old[b], new=False)
                self.add(item.index, "quantity", "material", section,
                         f"A {_unit_kind(unit)} was removed{_where(section)}: {_quote(written_old[b])}.",
                         _excerpt(item.old_text, *_pos(item.old_text, written_old[b])), None)
                fired = True
        return fired

    def negation(self, section: tuple[str, ...], items: list[_Item]) -> bool:
        fired = False
        for item in items:
            if item.change.old is None or item.change.new is None:
                continue
            a, b = _words(item.old_text), _words(item.new_text)
            if sum(_negative(w.norm) for w in a) == sum(_negative(w.norm) for w in b) and \
                    sum(w.norm in _LIMITS for w in a) == sum(w.norm in _LIMITS for w in b):
                continue
            matcher = SequenceMatcher(None, [w.norm for w in a], [w.norm for w in b], autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                olds, news = [w.norm for w in a[i1:i2]], [w.norm for w in b[j1:j2]]
                lost = [w for w in olds if (_negative(w) or w in _LIMITS) and w not in news]
                won = [w for w in news if (_negative(w) or w in _LIMITS) and w not in olds]
                if not lost and not won:
                    continue
                # A few words around the negation on each side, not the whole replaced passage.
                pivot = next(k for k in range(i1, i2) if a[k].norm in lost) if lost else i1
                new_pivot = next(k for k in range(j1, j2) if b[k].norm in won) if won else min(j1 + (pivot - i1), max(j1, j2 - 1))
                old_phrase = _phrase(item.old_text, a, max(i1, pivot - 3), min(i2, pivot + 4), context=2) if i2 > i1 else _phrase(item.old_text, a, i1, i1, context=3)
                new_phrase = _phrase(item.new_text, b, max(j1, new_pivot - 3), min(j2, new_pivot + 4), context=2) if j2 > j1 else _phrase(item.new_text, b, j1, j1, context=3)
                if lost and any(_negative(w) for w in lost):
                    message = f"A negation was removed{_where(section)}: {_quote(old_phrase)} now reads {_quote(new_phrase)}, so something ruled out may now be allowed."
                elif won and any(_negative(w) for w in won):
                    message = f"A negation was added{_where(section)}: {_quote(old_phrase)} now reads {_quote(new_phrase)}, which reverses its meaning."
                elif lost:
                    message = f"A limit was removed{_where(section)}: {_quote(lost[0])} no longer restricts {_quote(old_phrase)}, which now reads {_quote(new_phrase)}."
                else:
                    message = f"A limit was added{_where(section)}: {_quote(old_phrase)} now reads {_quote(new_phrase)}."
                start, end = _span(a, i1, i2, item.old_text)
                nstart, nend = _span(b, j1, j2, item.new_text)
                self.add(item.index, "negation", "material", section, message,
                         _excerpt(item.old_text, start, end, width=50), _excerpt(item.new_text, nstart, nend, width=50))
                fired = True
                if item.edit.kind != "content":
                    item.edit = _Edit("content", item.edit.spans)
        return fired

    def list_items(self, section: tuple[str, ...], items: list[_Item]) -> bool:
        fired = False
        positions = {id(block): n for n, block in enumerate(self.diff.new)}
        for item in items:
            block = item.change.new
            if item.change.kind != "added" or block is None or block.kind not in ("item", "row"):
                continue
            context = _list_context(self.diff.new, positions.get(id(block)), block)
            heading = " ".join(section)
            if _COLLECTION_CONTEXT.search(context) or _COLLECTION_CONTEXT.search(heading) and not _RECIPIENT_CONTEXT.search(context):
                what = "the information collected"
            elif _RECIPIENT_CONTEXT.search(context) or _RECIPIENT_CONTEXT.search(heading):
                what = "those who receive information"
            else:
                continue
            self.add(item.index, "list-item", "material", section,
                     f"{_quote(item.new_text)} was added to the list of {what}{_where(section)}.",
                     None, _excerpt(item.new_text))
            fired = True
        return fired

    def rights(self, section: tuple[str, ...], items: list[_Item]) -> bool:
        fired = False
        for pattern, what in ((_RIGHT, "a right of the reader"), (_OBLIGATION, "an obligation the company took on")):
            old_sentences = [s for i in items for s in _SENTENCE.split(i.old_text) if pattern.search(s)]
            new_sentences = [s for i in items for s in _SENTENCE.split(i.new_text) if pattern.search(s)]
            if len(old_sentences) <= len(new_sentences):
                continue
            kept = {" ".join(w.norm for w in _words(s)) for s in new_sentences}
            lost = [s for s in old_sentences if " ".join(w.norm for w in _words(s)) not in kept] or old_sentences
            item = _holder(items, lost[0], new=False)
            self.add(item.index, "rights-removed", "material", section,
                     f"A sentence stating {what} was removed or weakened{_where(section)}: {_quote(lost[0], 120)}.",
                     _excerpt(lost[0]), _excerpt(item.new_text) if item.new_text else None)
            fired = True
        # A removed entry in a list of rights is a removed right, whatever its wording.
        if _material_section(section, _RIGHTS_ONLY):
            for item in items:
                if item.change.kind == "removed" and item.change.old is not None and item.change.old.kind in ("item", "row"):
                    self.add(item.index, "rights-removed", "material", section,
                             f"{_quote(item.old_text)} was removed from the list{_where(section)}.",
                             _excerpt(item.old_text), None)
                    fired = True
        return fired


_RIGHTS_ONLY = _Rules(
    sections=(re.compile(r"\brights?\b|\bchoices?\b|\bopt(?:ing)?[- ]out\b", re.I),),
    families=(), disabled=frozenset(), distance=2, effective=None,
)

_TOPICS = (
    (r"collect|information (?:we|you)|categories", "collecting information"),
    (r"\buse\b|purpose|legal bas", "how information is used"),
    (r"shar|disclos|sell|sale|third|recipient|processor", "sharing or selling information"),
    (r"child|minor|kid", "children"),
    (r"retention|retain|how long|storage|delet", "keeping and deleting information"),
    (r"transfer|international|border", "international transfers"),
    (r"right|choice|opt|correction|access", "the reader's rights and choices"),
    (r"secur|safeguard", "security"),
    (r"contact|controller|who we are|about us|protection officer|dpo", "who is responsible and how to reach them"),
    (r"change|update|amendment", "how the statement changes"),
    (r"law|jurisdiction|dispute|arbitration", "disputes and the law that applies"),
)


def _topic(heading: str) -> str:
    for pattern, topic in _TOPICS:
        if re.search(pattern, heading, re.I):
            return topic
    return "a material topic"


_RISK_KINDS = {
    "sell": "sale of information", "rent": "renting out information", "share": "sharing", "disclos": "disclosure",
    "advertis": "advertising", "target": "targeting", "marketing": "marketing", "profil": "profiling", "track": "tracking",
    "cross-context": "cross-context tracking", "location": "location", "biometric": "biometric data", "genetic": "genetic data",
    "health": "health data", "sensitive": "sensitive data", "children": "children", "retain": "retention",
    "transfer": "transfers", "law enforcement": "requests from authorities", "train": "AI or machine-learning training",
    "AI": "artificial intelligence", "automated decision": "automated processing", "arbitrat": "arbitration",
    "class action": "class actions", "jurisdiction": "the law and courts that apply", "waive": "waiving rights",
    "indemnif": "indemnities", "liabilit": "liability", "data broker": "data brokers", "affiliate": "affiliates",
    "consent": "consent", "opt out": "opting out", "camera": "device access", "financial": "financial data",
}


def _listing(parts: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _risk_kind(label: str) -> str:
    return _RISK_KINDS.get(label, "configured risk term")


def _unit_kind(unit: str) -> str:
    if unit in ("day", "week", "month", "year", "hour", "minute", "second") or unit.endswith(("day", "week", "month")):
        return "period"
    if unit == "years of age":
        return "minimum or maximum age"
    if unit.startswith(("$", "€", "£")) or unit in ("dollar", "euro", "pound", "usd", "eur", "gbp"):
        return "amount of money"
    if unit == "percent":
        return "percentage"
    return "quantity"


def _searchable(item: _Item, *, new: bool) -> str:
    block = item.change.new if new else item.change.old
    text = item.new_text if new else item.old_text
    return (text + " " + (block.html if block is not None else "")).lower()


def _holder(items: Sequence[_Item], needle: str, *, new: bool) -> _Item:
    folded = " ".join(needle.lower().split())
    for item in items:
        text = item.new_text if new else item.old_text
        if folded in " ".join(text.lower().split()):
            return item
    return items[0]


def _pos(text: str, needle: str) -> tuple[int, int]:
    index = text.lower().find(needle.lower())
    if index < 0:
        return 0, min(len(text), len(needle))
    return index, index + len(needle)


def _span(words: Sequence[_Word], i1: int, i2: int, text: str) -> tuple[int, int]:
    if not words:
        return 0, 0
    if i1 >= len(words):
        return len(text), len(text)
    start = words[max(0, i1)].start
    end = words[i2 - 1].end if i2 > i1 else start
    return start, end


def _phrase(text: str, words: Sequence[_Word], i1: int, i2: int, context: int = 3) -> str:
    """The changed words with a few words of context either side."""
    if not words:
        return ""
    lo = max(0, i1 - context)
    hi = min(len(words), max(i2, i1) + context)
    if hi <= lo:
        return ""
    return text[words[lo].start: words[hi - 1].end]


def _list_context(blocks: Sequence[Any], position: int | None, block: Any) -> str:
    """The paragraph that introduces the list a block belongs to (the nearest non-item block before it)."""
    if position is None:
        return ""
    for index in range(position - 1, -1, -1):
        candidate = blocks[index]
        if candidate.kind not in ("item", "row"):
            return candidate.text
    return ""


# --- public API ------------------------------------------------------------------------------


def classify_diff(diff: "Diff", *, options: Any = None) -> Classification:
    """The verdict and findings for a diff (``options``: the plugin's StatementsConfig, a MaterialConfig, or None)."""
    return _Detector(diff, _compile(options)).run()


def classify(
    old_body: str, new_body: str, *, options: Any = None,
    extensions: list | None = None, extension_configs: dict | None = None,
) -> Classification:
    """Diff two Markdown bodies with the diff engine and classify the result."""
    from . import diff as engine

    result = engine.diff_markdown(old_body, new_body, extensions=extensions, extension_configs=extension_configs)
    return classify_diff(result, options=options)


def classifier(
    options: Any = None, *, extensions: list | None = None, extension_configs: dict | None = None,
    diff: Callable[[str, str], Any] | None = None,
) -> Callable[["Statement", "Version"], Classification | None]:
    """A function giving each version's classification against its predecessor (None for a first version).

    Results are kept per pair of texts, so the changes page, the history page and the feeds
    share one computation. ``diff(old_body, new_body)``, when given, supplies the diff (a build
    passes its memoised one, so each pair of versions is diffed once for pages and verdicts).
    """
    cache: dict[tuple[str, str], Classification] = {}

    def classify_version(statement: "Statement", version: "Version") -> Classification | None:
        previous = statement.previous(version)
        if previous is None:
            return None
        key = (_digest(previous.body), _digest(version.body))
        found = cache.get(key)
        if found is None:
            if diff is not None:
                found = classify_diff(diff(previous.body, version.body), options=options)
            else:
                found = classify(previous.body, version.body, options=options, extensions=extensions, extension_configs=extension_configs)
            cache[key] = found
        return found

    return classify_version


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
