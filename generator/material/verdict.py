"""The verdict: a diff's changes cut into clause changes, judged by form and by the rules of substance.

Walk: every changed block of the :class:`~generator.diff.Diff` becomes clause changes (the aligner
for edited and moved-and-edited blocks, whole clauses for added and removed blocks). A clause that
left one place and arrived unchanged at another is a move. An edited clause whose changes are all
of form (:mod:`.form`) is editorial. Every other clause change goes to the rules of substance
(:mod:`.rules`); when none of them speaks, it is a substantive change of wording. The verdict is the
most severe finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..collector import paused
from .changes import ClauseChange, ClauseFinding
from .clauses import Clause, align, changed_window, merge, split
from .config import Options
from .findings import RANK, Classification, Finding
from .form import form_of
from .rules import RULE_FUNCTIONS, Context
from .rules.tables import read_row
from .reading import NUMBERING, aliases_of, content_words, defined_terms, defines, explanations, root_stems, topics_of
from .text import LIMITS, NEGATIONS, collapsed, fold, listing, plain_words, quote, same_words, similarity, where

__all__ = ["Detector"]

_HREF = re.compile(r"""\b(?:href|src)\s{0,3}=\s{0,3}(?:"([^"]{0,2000})"|'([^']{0,2000})')""")
_ID = re.compile(r"""\bid\s{0,3}=\s{0,3}(?:"([^"]{0,500})"|'([^']{0,500})')""")

#: Shared words (Jaccard index) from which a removed sentence and an inserted one elsewhere are the
#: same sentence, moved and edited.
MOVED_SIMILARITY = 0.6
#: Most removed × inserted sentence pairs compared for moves.
MOVED_PAIRS = 40_000

_EDITORIAL_MESSAGES = {
    "editorial": "Spelling, punctuation, capitalisation or an abbreviation changed{where}{example}; the words mean the same.",
    "renaming": "A name or title changed{where}{example}; what the text says of it stays the same.",
    "renumbering": "Numbering or a cross-reference changed{where}{example}; the words stay the same.",
    "link-target": "The address of a link or page changed{where}{example}; the words stay the same.",
    "effective-date": "The date written in the text changed{example}.",
}


@dataclass
class _Tally:
    finding: Finding
    count: int = 1


# A list written inside a paragraph ("We collect: - your name - your e-mail").
# A paragraph numbered by hand as a list's entry: "(1) ", "(b) ", "(iv) ", "2) ", "IV – " (Brazil's, Portugal's roman items).
# A sentence about the statement itself: "This Client Privacy Policy (the "Policy") explains what …".
_ABOUT_THE_STATEMENT = re.compile(
    # ("In this Privacy Policy, we explain in plain English what information we collect, …"; "1.3 The
    # purpose of this Privacy Notice is to tell you which personal information we collect, …")
    r"(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?\s{1,3})?(?:in\s{1,3}plain\s{1,3}(?:language|words|english),\s{1,3})?"
    r"(?:in\s{1,3}|the\s{1,3}(?:purpose|aim)\s{1,3}of\s{1,3})?(?:this|the|our)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?"
    # ("the pages that follow set out what personal data we collect …")
    r"(?:policy|notice|statement|document|pages\s{1,3}that\s{1,3}follow|sections\s{1,3}(?:that\s{1,3}follow|below))\b(?:\s{1,3}\([^()]{0,40}\))?,?\s{1,3}"
    # (or the company by its name: "In this notice, Lotus Ridge International School ("LRIS", "we" …) sets out …")
    r"(?:we\s{1,3}|is\s{1,3}to\s{1,3}|(?-i:[A-Z])[\w&.'-]*(?:\s{1,3}(?-i:[A-Z])[\w&.'-]*){0,5}(?:\s{1,3}\([^()]{0,120}\))?\s{1,3})?"
    r"(?:explains?|describes?|sets?\s{1,3}out|outlines?|summari[sz]es?|tells?\s{1,3}you|informs?\s{1,3}you|explains?\s{1,3}to\s{1,3}you)\b",
    re.I,
)
_ENUMERATED = re.compile(r"(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|[IVXLC]{1,6}\s{0,2}[\u2013\u2014-])\s")
_INLINE_LIST = re.compile(r"[:;.]\s{1,3}(?:[-*\u2022+]|\d{1,3}[.)])\s|[:;]\s{1,3}[a-z]\)\s")
# Each character of ASCII text by what it may be in an inline list: a stop (":"), the first
# character of a marker ("-"), a space, or nothing ("x").
_INLINE_CLASSES = bytes(58 if c in b":;." else 45 if c in b"-*+0123456789" else 32 if c == 32 else 120 for c in range(256))


def _inline_list(text: str, collapsed_text: str) -> bool:
    """True when ``text`` (``collapsed_text``: the same, collapsed) writes a list inside it (:data:`_INLINE_LIST`)."""
    # ASCII text that collapsing left as it was has only single spaces: a list needs a stop, a space
    # and the first character of a marker in a row there, which most texts lack (found at C speed).
    # (an entry lettered by hand, "a) ", needs its closing bracket and a space)
    if text is collapsed_text and text.isascii() and b": -" not in text.encode().translate(_INLINE_CLASSES) and ") " not in text:
        return False
    return _INLINE_LIST.search(text) is not None


#: Marks a table cell answers yes or no with.
_TICKS = frozenset("✓✔☑✗✘☒")


def _ticks(text: str) -> list[str]:
    """The yes-or-no marks of a row's text, in order."""
    return [c for c in text if c in _TICKS] if not text.isascii() else []


_MARKER = re.compile(r"(?:^|(?<=\s))(?:[-*+\u2022]|\d{1,3}[.)])(?=\s)")


def _layout(text: str) -> str:
    """A block's text with list markers and spacing folded: what is left differs only in punctuation or case."""
    return " ".join(_MARKER.sub(" ", fold(text)).split())


def _links(block: Any) -> tuple[list[str], list[str]]:
    if block is None:
        return [], []
    hrefs = [m.group(1) if m.group(1) is not None else m.group(2) for m in _HREF.finditer(block.html)]
    ids = [m.group(1) if m.group(1) is not None else m.group(2) for m in _ID.finditer(block.html)]
    if block.anchor and block.kind == "heading":
        ids.append(block.anchor)
    return hrefs, ids


#: Words that say how a clause binds: its negation, its limit, its modal ("not", "only", "will").
_BINDING = NEGATIONS | LIMITS | frozenset(("will", "shall", "must", "may", "might", "can", "always"))


#: Words whose place decides what a clause says: a negation, a limit ("not", "only", "unless").
_UNBOUND = NEGATIONS | LIMITS


def _rearrangeable(clauses: "Sequence[Clause | None]") -> set[str] | None:
    """The words of substance of one side's changed clauses of a section, or None when one of them
    is a heading, negates, limits or holds a number (where a word stands is then what it says)."""
    words: set[str] = set()
    for clause in clauses:
        if clause is None:
            continue
        # (a clause's own number or letter is nothing it says: "4.2 The Company may also collect …", "(b) referees …")
        own = NUMBERING.match(clause.text)
        if clause.heading or not _UNBOUND.isdisjoint(clause.wordset) or any(c.isdigit() for c in (clause.text[own.end():] if own else clause.key)):
            return None
        words |= _substance(frozenset(plain_words(clause.text[own.end():])) if own else clause.wordset)
    return words


def _substance_of(clauses: "Sequence[Clause | None]") -> set[str]:
    """The words of substance of one side's changed clauses of a section, whatever they hold."""
    words: set[str] = set()
    for clause in clauses:
        if clause is not None:
            words |= _substance(clause.wordset)
    return words


def _mark(word: str) -> str | None:
    """What a word counts as when a list is compared with sentences: a number or a word that
    negates or limits as itself, a word of substance as its stem, any other word not at all."""
    if word.isdigit() or word in _UNBOUND:
        return word
    stems = root_stems((word,))
    return next(iter(stems)) if stems else None


def _bound(mark: str) -> bool:
    return mark.isdigit() or mark in _UNBOUND


def _lands(wanted: list[str], marks: "list[str | None]", unclaimed: set[int]) -> bool:
    """True when ``wanted`` stands in ``marks`` in its order, in a stretch that holds no number,
    negation or limit but its own (tried from each place its first word stands: "not impersonate
    …, not suppress …"); the stretch's own are then claimed."""
    for first in (i for i, m in enumerate(marks) if m == wanted[0]):
        found = [first]
        at = first + 1
        for mark in wanted[1:]:
            at = next((i for i in range(at, len(marks)) if marks[i] == mark), -1)
            if at < 0:
                return False  # (from a later start it is not found either)
            found.append(at)
            at += 1
        own = set(found)
        if not any(marks[i] is not None and _bound(marks[i]) and i not in own for i in range(found[0], found[-1] + 1)):  # type: ignore[arg-type]
            unclaimed -= own
            return True
    return False


def _lands_whole(entries: "Sequence[Clause]", sentences: "Sequence[Clause]", skip: "set[str] | frozenset[str]" = frozenset()) -> bool:
    """True when each entry's words of substance, numbers, negations and limits stand, in their
    order, in one of ``sentences``, in a stretch that holds no number, negation or limit of another,
    and every number, negation and limit of the sentences is an entry's so found: a list written as
    sentences, or sentences as a list, each period, count or limit still beside what it is of
    ("- Security logs: 12 months" → "… and security logs for 12 months"; "account data for 7 years
    and invoices for 24 months" would not land "Account data: 24 months")."""
    marked = [[_mark(w) for w in s.norms] for s in sentences]
    unclaimed = [{i for i, m in enumerate(ms) if m is not None and _bound(m)} for ms in marked]
    for entry in entries:
        # (the lead-in's own words, ``skip``, need not stand in the sentences)
        wanted = [m for m in map(_mark, entry.norms) if m is not None and (entry.item or m not in skip)]
        if not entry.item and not any(map(_bound, wanted)) and any(set(wanted) <= set(ms) for ms in marked):
            # (a lead-in with no number, negation or limit may say its words in another order: "The
            # categories of health data we may share are: …" → "We may share the following categories of health data:")
            continue
        if wanted and not any(_lands(wanted, ms, unclaimed[k]) for k, ms in enumerate(marked)) \
                and (entry.item or not _lands_across(wanted, marked, unclaimed)):
            return False
    return not any(unclaimed)


def _lands_across(wanted: list[str], marked: "list[list[str | None]]", unclaimed: "list[set[int]]") -> bool:
    """:func:`_lands` over the sentences read as one: a lead-in may become a sentence and the
    beginning of the next ("We protect it with measures including:" → "We protect it with
    measures. These include …")."""
    joined = [m for ms in marked for m in ms]
    starts = [0]
    for ms in marked:
        starts.append(starts[-1] + len(ms))
    free = {starts[k] + i for k, found in enumerate(unclaimed) for i in found}
    if not _lands(wanted, joined, free):
        return False
    for k, found in enumerate(unclaimed):
        found.intersection_update(i - starts[k] for i in free if starts[k] <= i < starts[k + 1])
    return True


# The beginning of a list entry, up to a comma, bracket, colon or dash: what the entry names.
_HEAD = re.compile(r"([^,(:;\u2013\u2014]{3,80}?)\s{0,3}(?:,|\(|:|;|\s-\s|\s\u2013|\s\u2014)")


def _head(key: str, text: str) -> str | None:
    """What a list entry names, lower case, when it goes on to say more of it: at least two words,
    one of them of substance."""
    match = _HEAD.match(text)
    if match is None:
        return None
    head = " ".join(match.group(1).lower().split())
    words = head.split()
    return head if len(words) >= 2 and content_words(words) and len(head) < len(key) else None


def _substance(words: frozenset[str]) -> set[str]:
    """The stems of a clause's words of substance (:func:`.reading.root_stems`), and the words that
    say how it binds."""
    return root_stems(words) | (words & _BINDING)


#: Words that let the reader do something ("you may ask us for a copy").
_PERMISSIONS = frozenset(("may", "can", "could"))


#: Words with which a lead-in names what its list holds.
#: Verbs that say what a list holds, in the sentence a list was written as ("It contains the vehicle ID, …").
_INTRODUCING = frozenset(("contain", "contains", "include", "includes", "comprise", "comprises", "consist", "consists", "cover", "covers"))
_LIST_NOUNS = frozenset(("data", "information", "detail", "details", "item", "items", "categori", "category", "categories"))


def _made_a_right(item: ClauseChange, missing: set[str], said: set[str]) -> bool:
    """True when all a removed sentence's words not said again are the reader's permission ("You
    may ask us for a copy …"), and the new clauses state a right ("You have the right to: ask for a
    copy …"): a right gives the reader no less than leave to ask."""
    return bool(missing) and missing <= _PERMISSIONS and "right" in said and item.reading.actor == "reader"


# What a name just written is, set after it at the end of its sentence: ", an open standard that
# lets a city receive the same kind of data from every operator".
_APPOSITIVE = re.compile(
    r",\s{1,3}(?:an?|the)\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,4}?(?:that|which|whose|used|designed|operated|maintained|run|developed|published)\b[^.;:]*[.;]?$",
    re.I,
)


def _entry_key(clause: Clause) -> str:
    """A clause's key, and of a list entry without the "and" or "or" that joins it to the entry
    after it ("Harbour & Pine Home Insurance; and"): where an entry is added at the end, the last
    entry gains it."""
    key = clause.key
    if clause.item and (key.endswith(" and") or key.endswith(" or")):
        return key.rsplit(" ", 1)[0]
    return key


def _explains_a_name(item: ClauseChange) -> bool:
    """True when an edited clause only gained, at its end, a phrase after a name that says what the
    named thing is ("… the Mobility Data Specification (MDS), an open standard that …"), and the
    phrase says nothing of the company."""
    if len(item.spans) != 1 or item.spans[0].old or item.removed_words:
        return False
    added = item.spans[0].new
    before = item.new_text[: added[0].start].rstrip()
    if not before.endswith(","):
        return False
    named = before[:-1].rstrip()
    if not (named.endswith(")") or named.rsplit(" ", 1)[-1][:1].isupper()):
        return False
    if any(w.norm in ("we", "us", "our") or w.norm in item.aliases for w in added):
        return False
    return _APPOSITIVE.match(item.new_text, len(before) - 1) is not None


def _explains_a_term(item: ClauseChange) -> bool:
    """True when an edited clause only gained remarks in brackets that say what a term it named
    means (see :func:`.reading.explanations`), or a phrase after a name that says what it is (see
    :func:`_explains_a_name`)."""
    if "(" not in item.new_text and "," not in item.new_text or item.removed_words or not item.spans:
        return False
    if _explains_a_name(item):
        return True
    if "(" not in item.new_text:
        return False
    remarks = explanations(item.new_text, item.old.wordset)  # type: ignore[union-attr]
    return bool(remarks) and all(
        not span.old and any(start <= span.new[0].start and span.new[-1].end <= end for start, end in remarks)
        for span in item.spans if span.new or span.old
    )


#: What a statement the rules cannot read is told (see :func:`reads_english`).
NOT_ENGLISH = ("The statement is not written in English, the one language the detector's rules read: no change of its words "
               "can be found material. Declare a material change yourself (material: true in the version's front-matter).")
#: Words English uses in every sentence or two, in any statement.
_ENGLISH = frozenset("the and of to a in is are we you your our for with or by not may will that this be it as on".split())


def reads_english(blocks: Sequence[Any]) -> bool:
    """True when a statement (its blocks) is written in English: an eighth or more of its first
    2,000 words are among English's commonest (:data:`_ENGLISH`; a third or more in English prose,
    a few in a hundred in Spanish, French, German or Dutch). Too few words to tell count as English."""
    words: list[str] = []
    for block in blocks:
        words += block.text.lower().split()  # (words with their punctuation: "the", "and," … — enough to count the bare ones)
        if len(words) >= 2000:
            break
    if len(words) < 40:
        return True
    words = words[:2000]
    return sum(map(_ENGLISH.__contains__, words)) * 8 >= len(words)


class Detector:
    """Judges one diff; :meth:`run` gives its :class:`Classification`."""

    def __init__(self, diff: Any, options: Options) -> None:
        self.diff = diff
        self.options = options
        self.context = Context(options, tuple(diff.old), tuple(diff.new), tuple(diff.changes))
        #: the rules of substance the options leave on, in order
        self.rules = tuple(rule for name, rule in RULE_FUNCTIONS if options.on(name))
        self.tallies: dict[tuple[str, str, tuple[str, ...], str], _Tally] = {}
        self.order: dict[tuple[str, str, tuple[str, ...], str], int] = {}
        self.formatting = 0
        self._positions: dict[str, dict[int, int]] = {}
        self._leads: dict[int, str] = {}
        self.forms: dict[str, list[Any]] = {}
        # The company's own names, from where the statement defines them (near its start).
        self.aliases = aliases_of([b.text for b in list(diff.new[:60]) + list(diff.old[:60])])
        self._terms: dict[str, frozenset[str]] | None = None

    def terms(self) -> dict[str, frozenset[str]]:
        """The terms the statement defines for those it names in full, in either version (worked out
        when a change of form first asks)."""
        if self._terms is None:
            self._terms = defined_terms([b.text for b in self.diff.old] + [b.text for b in self.diff.new])
        return self._terms

    # -- findings ---------------------------------------------------------------------------

    def add(self, order: int, finding: Finding | ClauseFinding) -> None:
        """Record a finding; the same finding again in the same section only counts (and a
        :class:`ClauseFinding` is quoted only when it is the first)."""
        key = (finding.rule, finding.severity, finding.section, finding.message)
        tally = self.tallies.get(key)
        if tally is None:
            self.tallies[key] = _Tally(finding.made() if type(finding) is ClauseFinding else finding)  # type: ignore[union-attr]
            self.order[key] = order
        else:
            tally.count += 1

    def result(self) -> Classification:
        """The findings, most severe first, and the verdict."""
        self.form_findings()
        if self.formatting:
            self.add(1 << 30, Finding(
                "formatting", "formatting", (),
                None, None,
                f"Only formatting changed in {self.formatting} place{'s' if self.formatting != 1 else ''} "
                "(spacing, emphasis, list markers, line breaks or markup); the words are the same.",
            ))
        if any(key[0] == "content" for key in self.tallies) and not reads_english(self.diff.new):
            # (the rules read English: in another language every change of words is one no rule
            # speaks to, and the reader of the verdict must know why)
            self.add(-1, Finding("content", "substantive", (), None, None, NOT_ENGLISH))
        ranked = sorted(self.tallies.items(), key=lambda kv: (-RANK[kv[0][1]], self.order[kv[0]]))
        findings = []
        for _, tally in ranked:
            finding = tally.finding
            if tally.count > 1 and finding.rule not in ("formatting",):
                finding = Finding(
                    finding.rule, finding.severity, finding.section, finding.old, finding.new,
                    f"{finding.message} ({tally.count} clauses like this here; the first is quoted.)",
                    finding.old_marks, finding.new_marks,
                )
            findings.append(finding)
        verdict = findings[0].severity if findings else "formatting"
        return Classification(verdict, tuple(findings))

    # -- walk -------------------------------------------------------------------------------

    def run(self) -> Classification:
        """Judge every change of the diff (the collector paused, as the diff engine does while it
        diffs: judging allocates many small acyclic objects — words, clauses, readings — and the
        collections they trigger cost about a tenth of the time)."""
        with paused():
            return self._run()

    def _run(self) -> Classification:
        changes = tuple(self.diff.changes)
        if not changes:
            return Classification("none")
        clause_changes: list[ClauseChange] = []
        for index, change in enumerate(changes):
            clause_changes.extend(self.clause_changes(index, change))
        for item in self.restated(self.rearranged(self.merged_entries(self.same_entries(self.moves(clause_changes))))):
            self.judge(item)
        return self.result()

    def position(self, side: str, block: Any) -> int | None:
        """Where a block stands in its version (None for one that is not there)."""
        positions = self._positions.get(side)
        if positions is None:
            # (made at C speed: a run asks for one side's map once, and it holds every block)
            blocks: Sequence[Any] = self.diff.new if side == "new" else self.diff.old
            positions = self._positions[side] = dict(zip(map(id, blocks), range(len(blocks))))
        return positions.get(id(block))

    def lead(self, side: str, block: Any) -> str:
        """The lead-in of the list a block belongs to: the nearest block before it that is not a list
        entry. An entry whose list stands under an entry that ends in a colon ("2. The Company does
        not collect data on:" above "- political views", "- Account data:" above "- your name")
        has that entry too, after the list's own lead-in — whether Markdown nested the list in it
        or, indented too little, made the two lists one."""
        blocks: Sequence[Any] = self.diff.new if side == "new" else self.diff.old
        position = self.position(side, block)
        if position is None:
            return ""
        depth = len(block.container) if block.kind == "item" else -1
        label = ""
        closed = False  # (an entry beside it, before it, ends a sentence: the entries a colon led ended there)
        for index in range(position - 1, max(-1, position - 200), -1):
            candidate = blocks[index]
            if candidate.kind == "item" and depth >= 0 and len(candidate.container) <= depth:
                # (an entry beside this one leads it only when no list is nested in it — "1. Basic
                # data:" with its own entries below it does not lead "2. Payment data" — and when
                # no entry between them ends with a full stop: "e) … laws." ends the entries that
                # "1. … for the following purposes:" led, and "2. The Company shall not …" is not one)
                nested = len(candidate.container) < depth
                text = candidate.text
                if (text[-1:] == ":" or text[-1:].isspace() and text.rstrip().endswith(":")) and (
                        nested or not closed and len(blocks[index + 1].container) <= len(candidate.container)):
                    label = collapsed(candidate.text)
                    depth = -1  # (the list's own lead-in is looked for on: entries before it lead no more)
                elif nested:
                    depth = len(candidate.container)  # (the entry a nested list stands in, without a colon: its list's lead-in leads)
                    closed = False
                elif text[-1:] == "." or text[-1:].isspace() and text.rstrip().endswith("."):
                    closed = True
            if candidate.kind not in ("item", "row"):
                if candidate.kind == "heading":
                    break
                lead = self._leads.get(id(candidate))  # (every entry of a list has the same)
                if lead is None:
                    lead = self._leads[id(candidate)] = collapsed(candidate.text)[-400:]
                return f"{lead} {label}"[-400:] if label else lead
        return label[-400:]

    def enumerated(self, side: str, block: Any) -> str | None:
        """The lead-in of a paragraph numbered as an entry of a list ("(1) collate it with other
        information …", "(b) …"), or None: drafting that numbers a list's entries by hand (Japan,
        Korea, India …) makes a list, though Markdown reads paragraphs. The lead-in is the block
        before its run of numbered paragraphs, and ends in a colon."""
        if block.kind != "paragraph" or _ENUMERATED.match(block.text) is None:
            return None
        blocks: Sequence[Any] = self.diff.new if side == "new" else self.diff.old
        position = self.position(side, block)
        if position is None:
            return None
        for index in range(position - 1, max(-1, position - 100), -1):
            candidate = blocks[index]
            if candidate.kind == "paragraph" and _ENUMERATED.match(candidate.text):
                continue
            lead = collapsed(candidate.text)[-400:]
            return lead if lead.endswith(":") else None
        return None

    def clauses(self, side: str, block: Any, text: str | None = None) -> list[Clause]:
        """A block cut into clauses (``text``: its text already folded, spaces collapsed, if known)."""
        lead = self.enumerated(side, block)
        item = block.kind in ("item", "row") or lead is not None
        return split(block.text if text is None else text, item=item, lead=(lead or self.lead(side, block)) if item else "",
                     heading=block.kind == "heading", normalised=text is not None)

    def edited_clauses(self, old: Any, new: Any, a: str, b: str,
                       window: tuple[tuple[int, int], tuple[int, int]] | None) -> list[tuple[Clause | None, Clause | None]]:
        """The clauses that differ between two versions of a block (``a`` and ``b``: their texts
        folded, spaces collapsed; ``window``: where they differ, in whole sentences, or None to cut
        the blocks whole).

        Only the stretch between the first and the last changed character, widened to whole
        sentences, is cut into clauses: a one-word edit in a long paragraph costs one sentence,
        not the paragraph. Blocks of list entries and list items are cut whole (an entry needs its
        lead-in).
        """
        if window is None:
            return align(self.clauses("old", old, a), self.clauses("new", new, b))
        (a1, a2), (b1, b2) = window
        return align(split(a[a1:a2], normalised=True), split(b[b1:b2], normalised=True))

    def clause_changes(self, index: int, change: Any) -> list[ClauseChange]:
        """The clause changes of one changed block (form-only blocks are recorded on the way)."""
        section = tuple(change.section)
        old, new = change.old, change.new
        kind = old.kind if old is not None else new.kind if new is not None else "paragraph"
        if old is not None and new is not None:
            a, b = collapsed(old.text), collapsed(new.text)
            # Blocks of list entries and list items are cut whole (an entry needs its lead-in); of
            # a paragraph only the window: the stretch that differs, widened to whole sentences.
            whole = old.kind in ("item", "row", "heading") or _inline_list(old.text, a) or _inline_list(new.text, b) \
                or self.enumerated("old", old) is not None or self.enumerated("new", new) is not None
            window = None if whole else changed_window(a, b)
            # Outside the window both texts are the same, and it begins and ends at a space (no
            # word holds one): the words are the same when the window's are.
            same = same_words(a, b) if window is None else same_words(a[window[0][0]: window[0][1]], b[window[1][0]: window[1][1]])
            if change.kind == "moved" and same:
                title = section[-1] if section else quote(new.text, 40)
                self.add(index, Finding("moved", "editorial", section, None, None,
                                        f"“{title.strip('“”')}” moved to another place in the statement; its wording did not change."))
                self.links(index, change, section, count_formatting=False)
                return []
            # a table's "✗" made "✓": no word changed, but the row says the opposite
            ticked = old.kind == "row" and _ticks(old.text) != _ticks(new.text)
            if same and ticked:
                same = False
            if same:
                if _layout(old.text) != _layout(new.text):
                    self.add(index, ClauseChange(Clause.make(a), Clause.make(b),
                                                 section, index, kind).finding("editorial", "editorial", _EDITORIAL_MESSAGES["editorial"].format(where=where(section), example="")))
                else:
                    self.links(index, change, section, count_formatting=True)
                return []
            if change.kind == "moved":
                self.add(index, Finding("moved", "editorial", section, None, None,
                                        f"“{(section[-1] if section else quote(new.text, 40)).strip('“”')}” moved to another place in the statement and was edited there."))
            pairs = self.edited_clauses(old, new, a, b, window)
            if not pairs and ticked:
                # (the clauses' words are the same: the row, whole, is the clause that changed)
                pairs = [(self.clauses("old", old, a)[0], self.clauses("new", new, b)[0])]
        elif new is not None:
            pairs = [(None, c) for c in self.clauses("new", new)]
        elif old is not None:
            pairs = [(c, None) for c in self.clauses("old", old)]
        else:
            return []
        out = []
        for a, b in pairs:
            if a is not None and b is not None:
                out.append(ClauseChange.edited(a, b, section, index, kind, self.aliases))
            elif (a or b).key:  # type: ignore[union-attr]
                out.append(ClauseChange(a, b, section, index, kind, aliases=self.aliases))
        if not out:
            self.formatting += 1  # a rule or an empty block came or went
        return out

    def links(self, index: int, change: Any, section: tuple[str, ...], *, count_formatting: bool) -> None:
        """Same words: a link's address changed (editorial), a link added around its own text
        (formatting), or nothing but markup (formatting)."""
        old_hrefs, old_ids = _links(change.old)
        new_hrefs, new_ids = _links(change.new)
        gone = [h for h in old_hrefs if h not in new_hrefs]
        came = [h for h in new_hrefs if h not in old_hrefs]
        text = change.new.text.lower()
        if old_hrefs == new_hrefs and old_ids == new_ids or (
            # a link wrapped around (or taken off) its own words: "privacy@acme.example" → its mailto link
            not (gone and came) and all(h.lower().removeprefix("mailto:").removeprefix("tel:") in text for h in gone + came)
            and (gone or came)
        ):
            if count_formatting:
                self.formatting += 1
            return
        old_mail = {h.lower().removeprefix("mailto:") for h in gone if h.lower().startswith("mailto:")}
        new_mail = {h.lower().removeprefix("mailto:") for h in came if h.lower().startswith("mailto:")}
        if old_mail or new_mail:
            self.add(index, Finding("contact", "substantive", section, listing(sorted(old_mail)) or None, listing(sorted(new_mail)) or None,
                                    f"The e-mail address behind a link is now {listing(sorted(new_mail)) or 'gone'}"
                                    f"{', not ' + listing(sorted(old_mail)) if old_mail else ''}."))
            return
        if gone and came:
            message = f"A link now points to {came[0]} instead of {gone[0]}; the linked words stay the same."
        elif came:
            message = f"A link to {came[0]} was added; the words stay the same."
        elif gone:
            message = f"A link to {gone[0]} was removed; the words stay the same."
        else:
            message = "A section's anchor (the address of a link to it) changed; its words stay the same."
        self.add(index, Finding("link-target", "editorial", section, gone[0] if gone else None, came[0] if came else None, message))

    def moves(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes left after taking out clauses that moved unchanged (removed here, inserted there)."""
        removed: dict[str, list[int]] = {}
        for n, item in enumerate(items):
            if item.kind == "removed":
                removed.setdefault(_entry_key(item.old), []).append(n)  # type: ignore[arg-type]
        if not removed:
            return items
        dropped: set[int] = set()
        for n, item in enumerate(items):
            if item.kind == "inserted":
                candidates = removed.get(_entry_key(item.new))  # type: ignore[arg-type]
                if candidates:
                    index = candidates.pop()
                    gone = items[index]
                    dropped.add(index)
                    dropped.add(n)
                    if gone.old.key != item.new.key:  # type: ignore[union-attr]
                        # "- Cinelight Cinemas." → "- Cinelight Cinemas; and" with an entry put after it: the list's "and" moved
                        self.formatting += 1
                        continue
                    self.add(item.order, Finding("moved", "editorial", item.section, None, item.new_text[:200],
                                                 "A sentence moved to another place in the statement; its wording did not change."))
        kept = [item for n, item in enumerate(items) if n not in dropped]
        return self.moved_and_edited(kept)

    def moved_and_edited(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes with each sentence that left one place and arrived edited at another judged
        as one edited clause: a sentence moved into another section and reworded there is a
        rewording, not a new clause and a removed one. Pairs need most of their words in common
        (:data:`MOVED_SIMILARITY`) and are taken best first; beyond :data:`MOVED_PAIRS` candidate
        pairs (a statement rewritten throughout) nothing is paired, so the cost stays bounded."""
        gone = [n for n, item in enumerate(items) if item.kind == "removed" and len(item.old.wordset) >= 5]  # type: ignore[union-attr]
        came = [n for n, item in enumerate(items) if item.kind == "inserted" and len(item.new.wordset) >= 5]  # type: ignore[union-attr]
        if not gone or not came or len(gone) * len(came) > MOVED_PAIRS:
            return items
        scored = sorted(
            ((similarity(items[i].old.wordset, items[j].new.wordset), i, j) for i in gone for j in came),  # type: ignore[union-attr]
            key=lambda t: (-t[0], t[1], t[2]),
        )
        paired: dict[int, ClauseChange] = {}
        used: set[int] = set()
        for score, i, j in scored:
            if score < MOVED_SIMILARITY:
                break
            if i in used or j in used:
                continue
            if self.split_elsewhere(items[i], items[j], [items[k] for k in came if k != j]):
                continue
            used.update((i, j))
            old, new = items[i], items[j]
            self.add(new.order, Finding("moved", "editorial", new.section, None, new.new_text[:200],
                                        "A sentence moved to another place in the statement and was edited there."))
            paired[j] = ClauseChange.edited(old.old, new.new, new.section, new.order, new.block_kind, self.aliases)  # type: ignore[arg-type]
        if not paired:
            return items
        return [paired.get(n, item) for n, item in enumerate(items) if n not in used or n in paired]

    def same_entries(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes with a list entry that went and one that came in the same section, both
        beginning with the same words up to a comma or bracket, judged as one entry edited: "the
        vehicle's location, when you use navigation" → "the vehicle's location, at all times" still
        names the vehicle's location; what it says of it changed. Only where one entry of each side
        has that beginning."""
        heads: dict[tuple[tuple[str, ...], str], list[int]] = {}
        for n, item in enumerate(items):
            clause = item.old if item.kind == "removed" else item.new if item.kind == "inserted" else None
            if clause is not None and clause.item:
                head = _head(clause.key, clause.text)
                if head:
                    heads.setdefault((item.section, head), []).append(n)
        paired: dict[int, ClauseChange] = {}
        dropped: set[int] = set()
        for found in heads.values():
            kinds = [items[n].kind for n in found]
            if len(found) == 2 and sorted(kinds) == ["inserted", "removed"]:
                gone, came = (items[n] for n in (found if kinds[0] == "removed" else found[::-1]))
                index = found[kinds.index("inserted")]
                paired[index] = ClauseChange.edited(gone.old, came.new, came.section, came.order, came.block_kind, self.aliases)  # type: ignore[arg-type]
                dropped.add(found[kinds.index("removed")])
        if not paired:
            return items
        return [paired.get(n, item) for n, item in enumerate(items) if n not in dropped]

    def merged_entries(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes with two entries of a list made one, judged as that: an entry that went,
        and the entry beside it edited to say what it said too ("Records of contracts: 5 years (Act
        …)" and "Records of payment: 5 years (Act …)" → "Records of contracts, and records of
        payment: 5 years each (Act …)"). Where every word of substance of the entry that went
        stands in the edited one, some of them among the words it gained, the two old entries
        are one clause edited."""
        gone = [n for n, item in enumerate(items) if item.kind == "removed" and item.old.item]  # type: ignore[union-attr]
        if not gone:
            return items
        merged: dict[int, ClauseChange] = {}
        dropped: set[int] = set()
        for n in gone:
            removed = items[n]
            words = _substance(removed.old.wordset)  # type: ignore[union-attr]
            if len(words) < 3:
                continue
            for m, item in enumerate(items):
                if item.kind != "edited" or m in merged or item.section != removed.section or not item.new.item \
                        or abs(item.order - removed.order) > 1 or not words <= _substance(item.new.wordset) \
                        or words.isdisjoint(item.added_words):  # type: ignore[union-attr]
                    continue
                pair = (removed.old, item.old) if removed.order <= item.order else (item.old, removed.old)
                merged[m] = ClauseChange.edited(merge(pair), item.new, item.section, item.order, item.block_kind, self.aliases)  # type: ignore[arg-type]
                dropped.add(n)
                break
        if not merged:
            return items
        return [merged.get(n, item) for n, item in enumerate(items) if n not in dropped]

    def restated(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes left after taking out each removed sentence whose words of substance new
        clauses of its section all say again: a sentence rewritten as a list ("You have the right
        to access your data, to have it corrected …" → "You have the right to:" and an entry for
        each) or as several sentences. The new clauses are still judged, each on its own: what
        they say that is new is found there; what the sentence said is not lost."""
        said: dict[tuple[str, ...], set[str]] = {}
        for item in items:
            if item.kind == "inserted":
                said.setdefault(item.section, set()).update(_substance(item.new.wordset))  # type: ignore[union-attr]
            elif item.kind == "edited" and item.new.text.endswith(".") and item.old.text.endswith(":"):  # type: ignore[union-attr]
                # (a list's lead-in that took its entries in: "…, including:" and "- encryption of …" →
                # "…, including encryption of …, two-factor authentication …")
                said.setdefault(item.section, set()).update(_substance(item.new.wordset))  # type: ignore[union-attr]
        if not said:
            return items
        kept = []
        for item in items:
            if item.kind == "removed" and item.section in said and not item.old.heading:  # type: ignore[union-attr]
                words = _substance(item.old.wordset)  # type: ignore[union-attr]
                if len(words) >= 3 and (words <= said[item.section] or _made_a_right(item, words - said[item.section], said[item.section])):
                    self.add(item.order, Finding("moved", "editorial", item.section, item.old_text[:200], None,
                                                 f"A sentence was rewritten as a list or as other sentences{where(item.section)}; "
                                                 "every word of substance it had is still there."))
                    continue
            kept.append(item)
        return kept

    def rearranged(self, items: list[ClauseChange]) -> list[ClauseChange]:
        """Clause changes left after taking out each section whose changed clauses say, before and
        after, exactly the same words of substance — a list written as a paragraph ("We use the
        information we collect to: - provide …; - process payments …" → "We use the information
        we collect to provide …; to process payments …") or a paragraph as a list. Only where no
        changed clause of the section negates, limits or counts: there, which clause a word stands
        in is what it says ("not", "only", "30 days" moved from one clause to another)."""
        sections: dict[tuple[str, ...], list[ClauseChange]] = {}
        for item in items:
            sections.setdefault(item.section, []).append(item)
        dropped: set[int] = set()
        for section, changes in sections.items():
            if len(changes) < 2 or all(c.kind == "edited" for c in changes):
                continue
            before = _rearrangeable([c.old for c in changes])
            after = _rearrangeable([c.new for c in changes])
            if before and before == after or self.listed_anew(changes):
                dropped.update(id(c) for c in changes)
                first = min(changes, key=lambda c: c.order)
                self.add(first.order, Finding("moved", "editorial", section, None, None,
                                              f"Text was rearranged{where(section)} (a list written as sentences, or sentences as a list); "
                                              "its words of substance are the same."))
        return [item for item in items if id(item) not in dropped] if dropped else items

    @staticmethod
    def listed_anew(changes: list[ClauseChange]) -> bool:
        """True when a section's changed clauses are a list on one side (its entries, and the
        lead-in that ends in a colon) and sentences on the other that say the same, each entry
        whole in one sentence (:func:`_lands_whole`), numbers, negations and limits included. Words
        of substance on one side only must be words of what the section's heading is about (a list
        under "Retention" needs no verb; its sentences say "we keep"), or words of the lead-in that
        no rule reads ("We protect consumer health data by:", "… from the following sources:")."""
        changes = sorted(changes, key=lambda c: c.order)  # (in the order of the statement: entries are looked for in turn)
        olds = [c.old for c in changes if c.old is not None]
        news = [c.new for c in changes if c.new is not None]
        if not olds or not news:
            return False
        listed_old = all(c.item or c.text.endswith(":") for c in olds) and any(c.item for c in olds)
        listed_new = all(c.item or c.text.endswith(":") for c in news) and any(c.item for c in news)
        if listed_old == listed_new:
            return False
        entries, sentences = (olds, news) if listed_old else (news, olds)
        topics = changes[0].heading_topics
        lead = {w for c in entries if not c.item for w in _substance(c.wordset)}
        for word in _substance_of(olds) ^ _substance_of(news):
            found = topics_of(frozenset((word,)))
            # (a lead-in's word for what it lists names no more: "we communicate the following data to the authority:")
            if not (found and topics and found <= topics or (not found or word in _LIST_NOUNS) and word in lead
                    or word in _INTRODUCING):
                return False
        return _lands_whole(entries, sentences, skip=lead - _substance_of(sentences))

    @staticmethod
    def split_elsewhere(gone: ClauseChange, came: ClauseChange, others: list[ClauseChange]) -> bool:
        """True when the words a sentence would lose in this pair arrived in other new sentences: it
        was split across several ("You may ask for a copy, and ask us to correct or delete it" →
        one entry for each right), so no one of them is that sentence edited."""
        lost = content_words(gone.old.wordset - came.new.wordset)  # type: ignore[union-attr]
        if not lost:
            return False
        elsewhere = set().union(*(content_words(other.new.wordset) for other in others))  # type: ignore[union-attr]
        return len(lost & elsewhere) * 2 >= len(lost)

    # -- judging ----------------------------------------------------------------------------

    def judge(self, item: ClauseChange) -> None:
        """A table's row by its columns; else form first, then the rules of substance."""
        if item.block_kind == "row":
            findings = read_row(item, self.context)
            if findings is not None:
                kept = [finding for finding in findings if self.options.on(finding.rule)]
                for finding in kept:
                    self.add(item.order, finding)
                if findings and not kept:
                    self.content(item)  # (every rule that spoke is switched off: a change no rule speaks to)
                return
        if item.kind == "edited":
            form = form_of(item, self.options, self.terms)
            if form is None and item.new.heading:  # type: ignore[union-attr]
                # A heading names its section; what the section says is in its clauses, judged on
                # their own ("No advertising, no sale" → "Our commitments on advertising and sales")
                form = "renaming"
            if form is not None:
                self.editorial(item, form)
                return
        elif (item.new or item.old).heading:  # type: ignore[union-attr]
            # A heading that comes or goes names a section; what the section says is in its clauses,
            # which are judged on their own ("Automated decisions" above "We do not make automated
            # decisions" is not a new practice).
            title = quote(item.new_text or item.old_text, 80)
            if item.kind == "inserted":
                message = f"A section titled {title} was added."
            else:
                message = f"A section titled {title} was removed."
            self.add(item.order, item.finding("heading", "editorial", message))
            return
        if item.kind == "edited" and item.old_text[:1] in "TtOoIi0123456789" and _ABOUT_THE_STATEMENT.match(item.old_text) is not None \
                and _ABOUT_THE_STATEMENT.match(item.new_text) is not None:
            # "This Policy explains what personal information we collect, how we use it, when we
            # share it …" → "This Policy describes the personal information we collect, …": what the
            # statement is about; what the company does is said where the statement says it
            self.content(item)
            return
        if item.kind != "edited" and (item.new_text or item.old_text)[:1] in "TtOoIi0123456789" \
                and _ABOUT_THE_STATEMENT.match(item.new_text or item.old_text) is not None:
            # "In plain language, the pages that follow set out what personal data we collect, …" came
            # (or "This notice explains … which personal data we collect" went): what the statement is
            # about, not what the company does
            self.content(item)
            return
        if item.kind == "edited" and _explains_a_term(item):
            # "… records of payment of fees" → "… (the ISEE is the indicator that measures the
            # household's economic situation)": what a term the clause named means, nothing more
            self.content(item)
            return
        if item.kind == "inserted" and defines(item.new_text, item.new.wordset, item.aliases):  # type: ignore[union-attr]
            # A new sentence that says what a term means ("Global Privacy Control is a browser
            # setting that tells websites you want to opt out of the sale of your data") explains
            # the statement; what the company does is said where the term is used.
            self.content(item)
            return
        found = False
        for rule in self.rules:
            finding = rule(item, self.context)
            if finding is not None:
                self.add(item.order, finding)
                found = True
                if finding.severity == "material":
                    break  # one material reason per clause
        if not found:
            self.content(item)

    def content(self, item: ClauseChange) -> None:
        """Record a clause change no rule of substance speaks to (substantive)."""
        self.add(item.order, item.no_rule())

    def editorial(self, item: ClauseChange, form: str) -> None:
        """Form changes are counted per kind; :meth:`result` reports each kind once, quoting the first."""
        first = self.forms.get(form)
        if first is None:
            self.forms[form] = [item, 1, {item.section}]
        else:
            first[1] += 1
            first[2].add(item.section)

    def form_findings(self) -> None:
        for form, (item, count, sections) in self.forms.items():
            example = ""
            pair = next(((s.old, s.new) for s in item.spans if s.old and s.new), None)
            if pair and form != "effective-date":
                example = f" (e.g. {quote(' '.join(w.written for w in pair[0]), 40)} → {quote(' '.join(w.written for w in pair[1]), 40)})"
            place = where(item.section) if len(sections) == 1 and count == 1 else f" in {count} places"
            message = _EDITORIAL_MESSAGES[form].format(where=place, example=example)
            self.add(item.order, item.finding(form, "editorial", message))


def source_only(old_body: str, new_body: str) -> Classification:
    """The verdict when the rendered text is the same but the Markdown source differs."""
    if old_body == new_body:
        return Classification("none")
    return Classification("formatting", (Finding(
        "formatting", "formatting", (), None, None,
        "Only the Markdown source changed (blank lines, comments or markup that does not show); the text reads the same.",
    ),))
