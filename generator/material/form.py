"""Changes of form: what changes how the text is written but not what it says.

Links and page addresses, spelling, punctuation, capitalisation, abbreviations, a renamed product or
defined term, renumbered sections and cross-references, the date line, a section's title. These are
editorial wherever they happen, in a section about sharing as much as anywhere — unless the changed
words carry substance themselves: a number with a unit, a negation or a limit, an e-mail or postal
address, a company's legal name, or a name in a clause that says who receives information.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Callable, Sequence

from .changes import ClauseChange, Span
from .clauses import DATE_LINE
from .config import Options
from .reading import SMALL_NAME_WORDS
from .text import LEGAL_FORMS, LIMITS, Word, WordTable, distance, negative

__all__ = ["form_of", "DATE_LINE", "typo", "page_address"]

_ARTICLES = frozenset(("a", "an", "the"))
_JOINERS = frozenset(("and", "also"))
_REFERENCE_WORDS = frozenset(("section", "sections", "paragraph", "paragraphs", "clause", "clauses", "article", "articles", "part", "item", "items", "schedule", "annex", "appendix"))
_ENUMERATOR = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[ivxlcdm]{1,6}|[a-z]\.\d{1,3}(?:\.\d{1,3}){0,2})$")
_SECTION_NUMBER = re.compile(r"^[a-z]\.\d{1,3}(?:\.\d{1,3}){0,2}$")
_LEADING_NUMBER = re.compile(r"^\s*(?:(?:\d{1,3}(?:\.\d{1,3}){0,3}|[A-Za-z]|[IVXLCDM]{1,6})[.):]|\(\s*(?:\d{1,3}|[a-z]|[ivx]{1,5})\s*\))\s+")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}$")
# A page address written as text: a domain with a known ending, or a path.
_ADDRESS = re.compile(r"^(?:https?:/?/?)?(?:[a-z0-9-]{1,63}\.){1,5}[a-z]{2,12}(?:/\S{0,300})?$|^/[\w./-]{1,300}$")
# Words capitalised for grammar, not because they name something.
_COMMON_CAPITALS = frozenset("we you our your i if the a an this these those it in on for to by with and or".split())


def page_address(text: str) -> bool:
    """True when ``text`` is only the address of a page ("northgatecredit.co.uk/crain", "https://…")."""
    return _ADDRESS.match(text.strip().lower()) is not None


def _facts(word: str) -> frozenset[str]:
    """What a changed word is, of what decides a span's form."""
    facts = {
        "e-mail": _EMAIL.match(word) is not None,
        "negates or limits": negative(word) or word in LIMITS,
        "address": _ADDRESS.match(word) is not None,
        "digit": _DIGIT.search(word) is not None,
        "article or joiner": word in _ARTICLES or word in _JOINERS,
        "legal form": word in LEGAL_FORMS,
    }
    return frozenset(fact for fact, true in facts.items() if true)


# The facts of single changed words, worked out once per word (see WordTable): a span's words are
# looked up once for all of them.
_FACTS = WordTable(_facts)
_EVERY_FACT = frozenset(("e-mail", "negates or limits", "address", "digit", "article or joiner", "legal form"))


def _numbered(text: str) -> "re.Match[str] | None":
    """``_LEADING_NUMBER.match(text)``, told without the pattern for a text that begins with a
    letter followed by a lower-case letter (most do): no alternative of the pattern can begin so."""
    if text[:1].isalpha() and text[1:2].islower():
        return None
    return _LEADING_NUMBER.match(text)


def _dated(text: str) -> bool:
    """True when ``DATE_LINE`` matches ``text``; told without the pattern for a text that begins
    with an ASCII letter or digit no word of the pattern begins with (most do)."""
    first = text[:1]
    if first.isascii() and first.isalnum() and first not in "eElLuUrRvVcCaAiI":
        return False
    return DATE_LINE.match(text) is not None


def _strip_number(text: str) -> str:
    match = _LEADING_NUMBER.match(text)
    return text[match.end():] if match else text


def _plain(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "and", "the", "for"))


def _allowed(a: str, b: str, limit: int) -> int:
    # Short words get less room: "him" → "her" is not a typo, "recieve" → "receive" is.
    return min(limit, max(1, max(len(a), len(b)) // 3))


def _typo(a: str, b: str, limit: int) -> bool:
    """True when ``b`` is ``a`` mistyped: no further apart than words this long are allowed."""
    allowed = _allowed(a, b, limit)
    # Each letter put in or replaced brings at most one letter the other word lacks, and each taken
    # out or replaced at most one the other word has: two words that differ in more letters than
    # allowed are further apart (told at C speed, before the edit distance is worked out).
    if len(set(a).difference(b)) > allowed or len(set(b).difference(a)) > allowed:
        return False
    return distance(a, b, limit) <= allowed


#: ``_typo`` for the rules: ``b`` is ``a`` mistyped.
typo = _typo


def _capitalised(word: Word, first: bool) -> bool:
    return word.written[:1].isupper() and not first and word.norm not in _COMMON_CAPITALS


_NAME_JOINERS = frozenset(("for", "of", "and", "&", "on", "by"))


def _neighbours(words_: Sequence[Word], clause_words: Sequence[Word]) -> tuple[Word | None, Word | None]:
    if not words_:
        return None, None
    index = clause_words.index(words_[0])
    end = index + len(words_)
    return (clause_words[index - 1] if index > 0 else None), (clause_words[end] if end < len(clause_words) else None)


def _named(words_: Sequence[Word], clause_words: Sequence[Word]) -> bool:
    """True when the words name something: capitalised, or one plain word completing a name ("Business plan")."""
    first = clause_words[0] if clause_words else None
    plain = [w for w in words_ if w.norm not in _ARTICLES]
    if not plain:
        return True
    named = [w for w in plain if _capitalised(w, w is first)]
    if len(plain) - len(named) > 1:
        return False
    if named:
        return True
    before, after = _neighbours(words_, clause_words)
    return any(n is not None and _capitalised(n, n is first) for n in (before, after))


def _inside_name(span: Span, change: ClauseChange) -> bool:
    """A word added to or dropped from inside a name: "GitHub for mobile" → "GitHub Mobile"."""
    assert change.old is not None and change.new is not None
    present, absent_side = (span.old, change.new) if span.old else (span.new, change.old)
    present_clause = change.old if span.old else change.new
    first = present_clause.words[0]
    if not all(_capitalised(w, w is first) or w.norm in _NAME_JOINERS for w in present):
        return False
    if any(w.norm in ("and", "or") for w in present) and sum(_capitalised(w, w is first) for w in present) >= 1 and len(present) >= 2:
        return False  # a named item taken from a list of them: "Vela Business and Vela Enterprise" → "Vela Enterprise"
    before, _ = _neighbours(present, present_clause.words)
    if before is None or not _capitalised(before, before is first):
        return False
    # Where the words are missing, the name goes on: the next word is capitalised there.
    position = absent_side.words.index(next(w for w in absent_side.words if w.norm == before.norm)) if any(
        w.norm == before.norm for w in absent_side.words) else -1
    following = absent_side.words[position + 1] if 0 <= position < len(absent_side.words) - 1 else None
    return following is not None and _capitalised(following, False)


def _abbreviation_added(span: Span, change: ClauseChange) -> bool:
    """An abbreviation put after (or taken from after) the words it stands for: "clauses (SCC)"."""
    present = span.old or span.new
    clause = change.old if span.old else change.new
    if len(present) != 1 or clause is None:
        return False
    letters = present[0].written
    if not (2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    index = clause.words.index(present[0])
    before = [w for w in clause.words[max(0, index - 8): index] if w.norm not in ("of", "and", "the", "for")]
    # The initials of the words before it, read backwards; a word in capitals gives all its letters
    # ("HM Revenue & Customs (HMRC)").
    initials = ""
    for word in reversed(before):
        initials = (word.written if word.written.isupper() and len(word.written) <= 4 else word.written[0]) + initials
        if len(initials) >= len(letters):
            return initials.lower() == letters.lower()
    return False


# A name that says who receives information, who is responsible, where it goes or which court
# decides is substance, not a product name: a clause touching one of these topics names a party.
_PARTY_TOPICS = frozenset(("sharing", "controller", "transfer", "disputes"))


#: Units after a number that make it a quantity, not a reference.
_COUNTED = frozenset(("day", "week", "month", "year", "hour", "minute", "percent", "%", "time", "calendar", "business", "working", "consecutive"))


#: Modal verbs: how a clause binds, never part of a name.
_MODALS = frozenset(("will", "shall", "must", "may", "might", "can", "could", "would", "should"))


def _by_its_term(span: Span, terms: "Callable[[], dict[str, frozenset[str]]]") -> bool:
    """True when one side of a changed span is a name the statement defines a term for and the other
    that term: "the Personal Data Protection Agency of the Ministry of Justice" → "the Authorised
    Body", where the statement says "Authorised Body – the Personal Data Protection Agency of …"."""
    for short, long in ((span.new, span.old), (span.old, span.new)):
        named = [w for w in short if w.norm != "the"]
        if not named or len(named) > 5 or len(long) < 2 or not all(w.written[:1].isupper() for w in named):
            continue
        meant = terms().get(" ".join(w.norm for w in named))
        words = {w.norm for w in long} - SMALL_NAME_WORDS
        if meant is not None and len(words) >= 2 and words <= meant:
            return True
    return False


def _span_form(span: Span, change: ClauseChange, options: Options, terms: "Callable[[], dict[str, frozenset[str]]] | None" = None) -> str | None:
    """How one changed span is a change of form (``editorial``, ``renumbering``, ``link-target``,
    ``renaming``), or None when it changes substance."""
    old = [w.norm for w in span.old]
    new = [w.norm for w in span.new]
    if (any(w.norm in _MODALS and w.written == w.norm for w in span.old) or any(w.norm in _MODALS and w.written == w.norm for w in span.new)) \
            and "".join(old) != "".join(new):
        # "will notify" → "may notify" beside a name is no renaming ("May" written so is a month;
        # "can not" → "cannot" is the same words joined)
        return None
    if old in (["and"], ["or"]) and new in (["and"], ["or"]) and old != new:
        # "approved by the Panel and by an ethics committee" → "… or by …": conditions that were all
        # needed, now one of them is enough (or the other way), whatever names stand beside them
        return None
    facts = _FACTS.each(old + new)
    some = frozenset().union(*facts)  # what any of the words is
    if some:  # (most changed words are none of these)
        if "e-mail" in some:
            return None  # a contact address is a contact detail, never a matter of form
        if "negates or limits" in some:
            # "can not" → "cannot" keeps its meaning; any other negation or limit does not
            return "editorial" if "".join(old) == "".join(new) else None
    if change.aliases and all(w in change.aliases for w in old) and all(w in change.aliases for w in new):
        # one of the company's own names for another ("Tallyforge" → "Ledgerly", as the statement
        # defines them): a renaming wherever it stands; a new legal name is the controller rule's
        return "renaming"
    if terms is not None and old and new and _by_its_term(span, terms):
        return "renaming"  # a name written as the term the statement defines for it, or the other way
    each = _EVERY_FACT.intersection(*facts) if some else some  # what every one of the words is
    if not old or not new:
        # Only articles (and "and" where a sentence was split) may come or go, or a word inside a name.
        if "article or joiner" in each:
            return "editorial"
        if _abbreviation_added(span, change):
            return "editorial"
        if "legal form" not in some and change.topics.isdisjoint(_PARTY_TOPICS) and _inside_name(span, change):
            return "renaming"
        return None
    if "address" in each:
        return "link-target"
    if "digit" in some:
        # "Section 3" → "Section 4", "D.7" → "D.1", "B(4)" → "B(5)": a cross-reference renumbered.
        context = change.old.words if change.old is not None else ()
        start = next((i for i, w in enumerate(context) if w is span.old[0]), -1)
        before = {w.norm for w in context[max(0, start - 3): max(0, start)]}
        # (a number followed by a unit counts something: in "the address in Section 16 within 30 days"
        # the 30 is a period, whatever reference word stands near it)
        after = context[start + len(old)].norm if 0 <= start and start + len(old) < len(context) else ""
        if after.rstrip("s") in _COUNTED:
            before = set()
        if len(old) == len(new) and all(
            (_ENUMERATOR.match(o) and _ENUMERATOR.match(n) and before & _REFERENCE_WORDS) or (_SECTION_NUMBER.match(o) and _SECTION_NUMBER.match(n))
            for o, n in zip(old, new)
        ):
            return "renumbering"
        return None
    if len(old) == len(new) and all(map(_typo, old, new, repeat(options.distance))):
        return "editorial"
    # (one word for one: the words joined are the words just compared)
    if (len(old) != 1 or len(new) != 1) and _typo("".join(old), "".join(new), options.distance):
        return "editorial"  # words joined or split: "e mail" → "email", "set up" → "setup"
    short, long_ = (old, new) if len(old) < len(new) else (new, old)
    if len(short) == 1 and len(long_) >= 2 and short[0].replace(".", "") == _initials(long_):
        return "editorial"  # an abbreviation written out or shortened: "EEA" ↔ "European Economic Area"
    if "legal form" not in some and change.topics.isdisjoint(_PARTY_TOPICS):  # (the look-up before reading the words around)
        if _named(span.old, change.old.words if change.old else ()) and _named(span.new, change.new.words if change.new else ()) \
                and not _names_a_company(span, change):
            return "renaming"
    return None


def _names_a_company(span: Span, change: ClauseChange) -> bool:
    """True when the changed name is followed by a legal form on either side ("Threadle Ltd" →
    "Craftworks Media Ltd"): another company, which the controller rule judges, not a product renamed."""
    for words_, clause in ((span.new, change.new), (span.old, change.old)):
        if words_ and clause is not None:
            _, after = _neighbours(words_, clause.words)
            if after is not None and after.norm.rstrip(".") in LEGAL_FORMS:
                return True
    return False


# A citation of the article that names the bases of processing (GDPR Art. 6(1), and Art. 9(2) for
# special categories), up to its letter.
_CITES_BASIS = re.compile(r"\bart(?:icle)?\.?\s{0,2}[69]\b[^.;]{0,40}", re.I)


def _basis_citations(text: str) -> list[tuple[int, int]]:
    """Where ``text`` cites Art. 6 or Art. 9 GDPR (a citation needs its digit: most clauses have neither)."""
    if "6" not in text and "9" not in text:
        return []
    return [(m.start(), m.end()) for m in _CITES_BASIS.finditer(text)]


#: Words a label may not hold and still only name what follows it ("Not shared:", "Optional:" say something).
_SAYING_LABEL = frozenset(("except", "exception", "exceptions", "optional", "required", "mandatory", "voluntary", "new"))


def _label_only(change: ClauseChange) -> bool:
    """True when an edited clause only gained (or lost) a label of a few words before a colon at its
    start: "The masked number stops working two hours after the ride" → "Expiry: the masked
    number stops …" (a paragraph made a list of labelled entries). A label that negates, limits or
    says what is optional says something of its own."""
    span = change.spans[0]
    if span.old and span.new:
        return False
    words, text = (span.new, change.new.text) if span.new else (span.old, change.old.text)  # type: ignore[union-attr]
    clause = change.new if span.new else change.old
    if len(words) > 5 or clause is None or not clause.words or words[0].start != clause.words[0].start:
        return False
    if any(negative(w.norm) or w.norm in LIMITS or w.norm in _SAYING_LABEL for w in words):
        return False
    return text[words[-1].end:].lstrip("*_ ").startswith(":")


def form_of(change: ClauseChange, options: Options, terms: "Callable[[], dict[str, frozenset[str]]] | None" = None) -> str | None:
    """The kind of form change of an edited clause pair, or None when the clause changed in substance
    (``terms``: the terms the statement defines for names, asked for only where a span may be one)."""
    assert change.old is not None and change.new is not None
    old_text, new_text = change.old.text, change.new.text
    numbered = _numbered(old_text) or _numbered(new_text)
    if change.old.heading and change.new.heading:
        # A section's title: renumbered, renamed or reworded, it names the section; the text says the rest.
        if numbered and _plain(_strip_number(old_text)) == _plain(_strip_number(new_text)):
            return "renumbering"
        if change.old_reading.negated == change.new_reading.negated:  # type: ignore[union-attr]
            return "renaming"
        return None
    if numbered and _plain(_strip_number(old_text)) == _plain(_strip_number(new_text)):
        return "renumbering"
    if _dated(old_text) and _dated(new_text) or (
        options.effective is not None and ("ffective" in old_text or "pdated" in old_text)
        and options.effective.search(old_text) and options.effective.search(new_text)
    ):
        from ..model import _HUMAN_DATE

        if _plain(_HUMAN_DATE.sub(" ", old_text)) == _plain(_HUMAN_DATE.sub(" ", new_text)):
            return "effective-date"
    if not change.spans:
        return "editorial"
    citations = _basis_citations(old_text)
    # "Art. 6(1)(a) GDPR" → "Art. 6(1)(f) GDPR" changes the legal basis: the rules read it
    if citations and any(start <= span.old[0].start < end for span in change.spans if span.old for start, end in citations):
        return None
    if len(change.spans) == 1 and _label_only(change):
        return "renaming"
    kinds = set()
    for span in change.spans:
        kind = _span_form(span, change, options, terms)
        if kind is None:
            return None
        kinds.add(kind)
    for kind in ("renaming", "link-target", "renumbering", "editorial"):
        if kind in kinds:
            return kind
    return "editorial"
