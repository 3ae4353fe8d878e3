"""The detector's options (``material:`` under the ``statements`` plugin) and their compiled form.

The only MkDocs import of the detector is the configuration schema here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

if TYPE_CHECKING:  # pragma: no cover
    from .text import Anchored

__all__ = [
    "RULES", "JUDGING_RULES", "LEGACY_RULES", "DEFAULT_SECTIONS", "DEFAULT_RISK_TERMS",
    "MaterialConfig", "Options", "compile_options",
]

#: Every rule, by the name used in findings and in ``material: disable: [...]``.
RULES: dict[str, str] = {
    "collection": "what information is collected, or from where",
    "purpose": "why information is used",
    "legal-basis": "the legal basis of processing (consent, contract, legitimate interests, legal obligation)",
    "recipients": "who receives information: sharing, selling, new recipients, affiliates, advertisers",
    "retention": "how long information is kept",
    "transfers": "where information goes: countries and the safeguards of transfers",
    "rights": "the reader's rights and choices",
    "controller": "who is responsible for the information (the controller's identity)",
    "contact": "how to reach the company: e-mail, postal address, telephone, representative",
    "disputes": "dispute resolution and the law that applies",
    "commitments": "a limit or commitment of the company removed or weakened (not, never, only, unless, will)",
    "cookies": "a cookie or tracker listed in a cookie table: a new party that sets it, or advertising",
    "practices": "a sensitive practice or kind of data (sale, targeted advertising, profiling, biometrics, children …)",
    "quantities": "a period, age, amount or percentage changed",
    "content": "wording changed where no rule of substance applies",
    "effective-date": "the date written in the text changed",
    "editorial": "spelling, punctuation, capitalisation or abbreviation changed",
    "renaming": "a product, service or defined term renamed",
    "renumbering": "sections, items or cross-references renumbered",
    "link-target": "the address of a link or page changed while the words stayed",
    "moved": "a passage moved without changing its words",
    "heading": "a section heading added or removed (the section's clauses are judged on their own)",
    "formatting": "spacing, emphasis or list markers changed",
}

#: Rules of substance, which a configuration may switch off.
JUDGING_RULES: tuple[str, ...] = (
    "collection", "purpose", "legal-basis", "recipients", "retention", "transfers", "rights",
    "controller", "contact", "disputes", "commitments", "cookies", "practices", "quantities",
)

#: Names of earlier releases still accepted in ``disable``, and the rules they switch off now.
LEGACY_RULES: dict[str, tuple[str, ...]] = {
    "material-section": (),
    "risk-vocabulary": ("practices",),
    "negation": ("commitments",),
    "quantity": ("quantities",),
    "list-item": ("collection", "recipients"),
    "rights-removed": ("rights",),
    "party": ("controller", "contact"),
}

#: Headings of sections about personal data, as case-insensitive regular expressions. A list whose
#: own lead-in does not say what it lists is read by the heading of its section ("What we collect").
DEFAULT_SECTIONS: list[str] = [
    r"\bcollect|\binformation (?:we|you) (?:get|receive|provide|give)|\bcategories of (?:personal )?(?:data|information)"
    r"|\b(?:data|information) we (?:process|hold)\b|\bwhat we hold\b"
    # (Japan's APPI: "Personal Information to Be Acquired")
    r"|\b(?:information|data)\s(?:to\sbe\s)?acquired\b|\b(?:information|data) (?:we|the company) acquires?\b|\bacquisition of (?:personal )?(?:information|data)\b",
    r"\b(?:how|why) we use\b|\buse of (?:your )?(?:personal )?(?:data|information)|\bpurposes?\b|\blegal bases?\b",
    r"\bshar(?:e|es|ing)\b|\bdisclos|\bsell\b|\bsale\b|\bthird[- ]part|\brecipients?\b|\bprocessors?\b|\bjoint(?:ly)? us(?:e|ers?)\b"
    r"|\bwho (?:we share|receives?)\b|\btransferees?\b",
    r"\bchild|\bminors?\b|\bkids?\b",
    r"\bretention\b|\bretain|\bhow long\b|\bstorage\b|\bdelet",
    r"\btransfers?\b|\binternational\b|\bcross[- ]border\b",
    r"\brights?\b|\bchoices?\b|\bopt(?:ing)?[- ]out\b|\bcorrection\b",
    r"\bcontact\b|\bcontroller\b|\bwho we are\b|\babout us\b|\bdata protection officer\b|\bDPO\b",
    r"\bgoverning law\b|\bjurisdiction\b|\bdisputes?\b|\barbitration\b",
]

#: Sensitive practices and kinds of data. Each entry is one family: word starts separated by ``|``
#: (``sell`` also finds ``selling``); an entry in capitals (``AI``) matches exactly. A family counts
#: only where a clause says the company (or someone it lets) does it — never in "we do not sell".
DEFAULT_RISK_TERMS: list[str] = [
    "sell|sold|sale of|rent out|renting", "targeted advertising|interest-based advertising|behavioral advertising|behavioural advertising|personalized advertising|personalised advertising|cross-context",
    "profil", "track you|tracking across|across websites|across sites|across apps",
    "precise location|precise geolocat|GPS", "biometric|face recognition|facial recognition|face template|face scan|faceprint|facial geometry|facial feature|face feature|fingerprint|voiceprint",
    "genetic", "health|medical|HIV|diagnos|prescription|medicinal product|medication", "sensitive personal|sensitive data|sensitive information|special categor|sexual orientation|religious belief",
    "children|child|minor|kids",
    "law enforcement|government request|government agenc|public authorit|police|court order|subpoena|search warrant",
    "train|machine learning|artificial intelligence", "AI|LLM", (
        "automated decision|automated means|automated processing|automated scoring|automated screening|automated assessment|"
        "automatically scor|automatically rank|automatically screen|automatically assess|automatically evaluat|automatically reject|"
        "scor … automatically|rank … automatically|screen … automatically|assess … automatically|evaluat … automatically|"
        "reject … automatically|algorithmic decision|automatically declin|declin … automatically|automatically refus|refus … automatically|"
        "automatically approv|approv … automatically|automatically decid|decid … automatically|solely automated|fully automated|"
        "without human review|without human involvement|without human intervention"
    ),
    "data broker", "racial|ethnic origin|religio|sexual orientation|sex life|trade union|political opinion|criminal",
    "financial|credit card|payment card|bank account|credit score",
    "government-issued|government issued|social security number|driver's licen|passport|national id|identity card|identity document",
    "ads|ad network|ad networks|advertising id|advertising identifier",
]


class _RegexList(c.ListOfItems):
    """A list of regular expressions, each checked when mkdocs.yml is loaded."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=list(default))

    def run_validation(self, value: object) -> list[str]:
        items = super().run_validation(value)
        for item in items:
            try:
                re.compile(item, re.I)  # as compile_options compiles it: re's cache then has it
            except re.error as exc:
                raise ValidationError(f"{item!r} is not a valid regular expression ({exc}); check brackets and escapes")
        return items


class MaterialConfig(base.Config):
    """Options of the material-change detector (``material:`` under the ``statements`` plugin)."""

    sections = _RegexList(DEFAULT_SECTIONS)
    """Headings of sections about personal data (regular expressions, case-insensitive); they give a list its meaning when its lead-in does not. Replaces the defaults."""

    extra_sections = _RegexList([])
    """More such headings, added to ``sections``."""

    risk_terms = c.ListOfItems(c.Type(str), default=list(DEFAULT_RISK_TERMS))
    """Sensitive practices and kinds of data: one family per entry, word starts separated by ``|``. Replaces the defaults."""

    extra_risk_terms = c.ListOfItems(c.Type(str), default=[])
    """More sensitive terms, added to ``risk_terms``."""

    disable = c.ListOfItems(c.Choice(JUDGING_RULES + tuple(LEGACY_RULES)), default=[])
    """Rules to switch off, e.g. ``[practices]``."""

    editorial_distance = c.Type(int, default=2)
    """Largest edit distance (letters inserted, deleted, replaced or swapped) of a word still counted as a typo fix."""


@dataclass(frozen=True)
class Family:
    """One family of sensitive terms: its first spelling names it."""

    label: str
    pattern: "re.Pattern[str] | Anchored"
    source: str = ""


@dataclass(frozen=True)
class Options:
    """The detector's compiled configuration."""

    sections: tuple[re.Pattern[str], ...]
    families: tuple[Family, ...]
    disabled: frozenset[str]
    distance: int
    effective: re.Pattern[str] | None
    #: the first word of every spelling of every family, lower case, and its family's index
    family_starts: tuple[tuple[str, int], ...] = ()
    #: which families each word may begin (see :meth:`families_in`)
    _families_of_word: Any = field(default=None, compare=False, repr=False)

    def on(self, rule: str) -> bool:
        """True unless the configuration switched ``rule`` off."""
        return rule not in self.disabled

    def families_in(self, words: "frozenset[str] | set[str]") -> frozenset[int]:
        """Indexes of the families one of whose spellings begins with a word that starts one of ``words``
        (lower case): only their patterns can match the clause. Each word is looked up once."""
        return frozenset().union(*self._families_of_word.each(words))

    def __post_init__(self) -> None:
        from .text import WordTable  # the detector's; the schema above is loaded without it

        starts = self.family_starts

        def families(word: str) -> frozenset[int]:
            return frozenset(index for start, index in starts if word.startswith(start))

        object.__setattr__(self, "_families_of_word", WordTable(families))


def _family(entry: str) -> Family | None:
    parts = [p.strip() for p in entry.split("|") if p.strip()]
    if not parts:
        return None
    exact = [p for p in parts if p.isupper()]
    starts = [p for p in parts if not p.isupper()]
    alternatives = []
    if starts:
        # A word start matches its inflections (sell → selling); spaces match any whitespace. The
        # tail is bounded so that a long token costs no more than a short one.
        # "…" stands for up to four words between ("scor … automatically": "score your application
        # automatically")
        body = "|".join(
            re.escape(w).replace(r"\ …\ ", r"[\w'-]{0,24}(?:\s+[\w'-]{1,24}){0,4}?\s+").replace(r"\ ", r"\s+") for w in starts
        )
        alternatives.append(rf"(?i:\b(?:{body})[\w'-]{{0,24}})")
    if exact:
        alternatives.append(r"\b(?:" + "|".join(re.escape(w) for w in exact) + r")s?\b")
    pattern = re.compile("|".join(alternatives))
    # Every spelling's first letters and digits: when each spelling has some, the pattern is tried
    # only where a word starts with one of them (see Anchored).
    leading = [_LEADING_RUN.match(p.lower()) for p in parts]
    if all(leading):
        from .text import Anchored  # the detector's; the schema above is loaded without it

        return Family(parts[0], Anchored(pattern, tuple(m.group() for m in leading if m)), "|".join(parts))
    return Family(parts[0], pattern, "|".join(parts))


_LEADING_RUN = re.compile(r"[a-z0-9]+")


def _starts(families: tuple[Family, ...]) -> tuple[tuple[str, int], ...]:
    """(first word of a spelling, family index) for every spelling: a word of a clause that starts with
    one of them is where a family may begin, so the family's pattern runs only on such clauses."""
    out = []
    for index, family in enumerate(families):
        for alternative in family.source.split("|"):
            words = alternative.strip().split()
            if words:
                out.append((words[0].lower(), index))
    return tuple(out)


def _option(options: Any, name: str, default: Any) -> Any:
    if options is None:
        return default
    if isinstance(options, Mapping):
        value = options.get(name, default)
        return default if value is None else value
    return getattr(options, name, default)


_COMPILED: dict[Any, Options] = {}


def compile_options(options: Any) -> Options:
    """The compiled configuration from the plugin's StatementsConfig, a MaterialConfig, a dict or None."""
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
    disabled: set[str] = set()
    for name in _option(material, "disable", []) or []:
        disabled.update(LEGACY_RULES.get(name, (name,)))
    distance = int(_option(material, "editorial_distance", 2))
    key = (tuple(sections), tuple(terms), frozenset(disabled), distance, effective)
    compiled = _COMPILED.get(key)
    if compiled is None:
        from ..history import DEFAULT_EFFECTIVE_PATTERN

        families = tuple(f for f in (_family(t) for t in terms) if f)
        compiled = Options(
            sections=tuple(re.compile(s, re.I) for s in sections),
            families=families,
            family_starts=_starts(families),
            disabled=frozenset(disabled),
            distance=distance,
            effective=re.compile(effective or DEFAULT_EFFECTIVE_PATTERN),
        )
        _COMPILED[key] = compiled
    return compiled
