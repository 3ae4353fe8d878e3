"""The aligner: blocks cut into clauses (sentences and list items), aligned old ↔ new.

A rule judges one clause at a time: an aligned pair (the same sentence before and after), an
inserted clause or a removed one. So a finding about a negation, a number, a party or a right is
only ever about the same clause on both sides — never an old phrase set against an unrelated new
sentence from elsewhere in the section.

Alignment inside a block: difflib on the clauses' folded keys, then the leftover clauses of each
replaced region paired by shared words. A sentence split in two (or two joined into one) is paired
as one clause with its parts. Everything is bounded: regions beyond a few hundred clauses are paired
in order rather than compared all against all.
"""

from __future__ import annotations

import re
import zlib
from difflib import SequenceMatcher
from typing import Sequence

from .reading import VERB_START as _VERBS, root_stems
from .text import Word, collapsed, common_ends, key_of_folded, once, pieces, similarity, words_of_pieces

__all__ = ["Clause", "split", "align", "merge", "PAIR_SIMILARITY", "DATE_LINE"]

#: The line that dates a statement ("Effective: 1 May 2025", "Last updated on …").
DATE_LINE = re.compile(
    r"(?i)^\W{0,5}(?:effective|last\s+updated|updated|last\s+revised|revised|last\s+modified|version|last\s+changed|changed|last\s+amended|amended"
    r"|last\s+reviewed|in\s+effect\s+from|valid\s+from)(?:\s+(?:date|on|as\s+of))?\b"
)

#: Shared words (Jaccard index) from which two clauses of a replaced region are the same clause edited.
PAIR_SIMILARITY = 0.45
#: A replaced region with more clause pairs than this is paired in order, not all against all.
PAIR_REGION = 400
#: Two clauses left unpaired in a region are the same sentence reworded when they share at least
#: this many words of substance (stems), and at least this share of the words of substance of each.
REWORDED_SHARED, REWORDED_SHARE = 2, 0.45
#: A "sentence" longer than this (a pasted blob, a paragraph without full stops) is read in pieces
#: of about this size, cut at spaces, so that every rule reads short texts whatever the input.
LONGEST_CLAUSE = 1200

# A sentence ends at . ! ? or ; followed by space and something that can start a sentence; an inline
# list item ("…: - item") starts after a colon, semicolon or full stop.
# (Written to begin with the stop it follows, so that the regular-expression engine skips ahead to
# stops; the cut itself is group 1.)
# (an entry lettered by hand counts, after a colon or a semicolon: "… only where: a) …; b) …")
_BOUNDARY = re.compile(r"[.!?;:]((?<=[.!?;])\s+(?=[\"'(\[]?[A-Z0-9])|(?<=;)\s+|(?<=[:;.])\s+(?:[-*\u2022+]|\d{1,3}[.)])\s+|(?<=[:;])\s+[a-z]\)\s+)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|no|nos|vs|mr|mrs|ms|dr|st|sec|art|para|approx|incl|u\.s|u\.k|e\.u|pte|pty|sdn|bhd)|\b[A-Za-z])\.$",
    re.I,
)

#: A code in capitals just before a stop's single letter: "SGB V", "BGB I".
_CODE_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,6} $")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """True when the stop at ``text[stop]`` ends an abbreviation: ``_ABBREVIATION.search`` of the
    eight characters ending there, asked only where it can match. Every abbreviation ends in a full
    stop and is at most six characters before it, starting at a word boundary: after seven letters
    or digits in a row there is none."""
    if text[stop] != ".":
        return False
    before = text[max(0, stop - 7): stop]
    if len(before) == 7 and before.isalnum():
        return False
    found = _ABBREVIATION.search(text[max(0, stop - 7): stop + 1])
    if found is None:
        return False
    # (a capital after a code in capitals numbers a part of it, as a name's initial does not
    # follow one: "… under § 342a SGB V. Before setting it up, …")
    return not (len(found.group()) == 2 and text[stop - 1].isupper() and _CODE_BEFORE.search(text[max(0, stop - 10): stop - 1]) is not None)


class Clause:
    """One sentence or list item of a block, as plain text (folded, spaces collapsed), and its words.

    A value: nothing changes it once made. (A plain class rather than a frozen dataclass, whose
    ``__init__`` sets each field through ``object.__setattr__``: thousands are made per diff.)
    """

    text: str
    item: bool
    lead: str
    heading: bool
    #: The words, lower case, one space apart: what alignment compares.
    key: str
    #: The words' lower-case forms, in order.
    norms: list[str]
    #: The clause's words as a set (for pairing).
    wordset: frozenset[str]

    def __init__(self, text: str, item: bool = False, lead: str = "", heading: bool = False) -> None:
        self.text = text
        self.item = item
        self.lead = lead
        self.heading = heading
        # One cut gives the key, the words and their positions: every clause is compared by its key.
        self._pieces = parts = pieces(text)
        if text.isascii():
            # Lower case changes no ASCII letter's length or class: the words of the text put in
            # lower case are the words of the lower-case text, so the cut serves key and words.
            self.key = key = " ".join(parts[1::2]).lower()
            self.norms = norms = key.split()
            self.wordset = frozenset(norms)
        else:
            self.key = key = key_of_folded(text)
            self.norms = [w.lower() for w in parts[1::2]]
            self.wordset = frozenset(key.split())

    def __repr__(self) -> str:
        return f"Clause({self.text!r}, item={self.item!r}, lead={self.lead!r}, heading={self.heading!r})"

    @staticmethod
    def make(text: str, *, item: bool = False, lead: str = "", heading: bool = False) -> "Clause":
        """A clause of ``text`` (already folded)."""
        return Clause(text, item, lead, heading)

    @once
    def stems(self) -> set[str]:
        """The stems of its words of substance (:func:`.reading.root_stems`), for telling whether
        two clauses say the same in other words."""
        return root_stems(self.wordset)

    @once
    def words(self) -> tuple[Word, ...]:
        """The words with their positions (made only for clauses that changed)."""
        return words_of_pieces(self._pieces, self.norms)


def _may_cut(text: str) -> bool:
    """False when :data:`_BOUNDARY` cannot match: every cut it makes is a space after ``.``, ``!``,
    ``?``, ``;`` or ``:``, and a text with its spaces collapsed has no other space. Most changed
    stretches are one sentence, and these look-ups cost less than the pattern's scan."""
    return ". " in text or "; " in text or ": " in text or "! " in text or "? " in text


def split(text: str, *, item: bool = False, lead: str = "", heading: bool = False, normalised: bool = False) -> list[Clause]:
    """The clauses of a block's text: its sentences, and the items of a list written inside it.

    A block that is itself a list item gives item clauses with ``lead``, the sentence that introduces
    its list; a list inside a paragraph ("We collect: - your name - your e-mail") gives item clauses
    whose lead is the sentence before them. ``normalised``: ``text`` is already folded, its spaces
    collapsed (the caller compared the two versions that way).
    """
    if not normalised:
        text = collapsed(text)
    if not text:
        return []
    if heading:
        return [Clause.make(text, heading=True)]
    parts: list[tuple[str, bool]] = []
    start = 0
    in_list = False
    if _may_cut(text):
        for match in _BOUNDARY.finditer(text):
            cut = match.group(1)
            piece = text[start: match.start(1)]
            if piece.endswith(".") and _ends_abbreviation(piece, len(piece) - 1) and not cut.strip():
                continue  # "e.g. Google", "Acme Inc. and", "U.S. law": not the end of a sentence
            parts.append((piece, in_list))
            in_list = bool(cut.strip()) or (in_list and piece.endswith(";"))
            start = match.end()
    parts.append((text[start:], in_list))
    if len(parts) > 1 and parts[-1][0].strip().lower() in ("and", "or", "and/or"):
        # "… to do their jobs; and" ends an entry before the last: the "and" is not a clause
        parts[-2:] = [(f"{parts[-2][0]} {parts[-1][0].strip()}", parts[-2][1])]
    if len(parts) > 1 and not parts[0][1] and _is_label(parts[0][0]):
        # "Service providers. We share your information with …": a label in front of a sentence
        # is part of it (a list's entries and a paragraph's run-in headings often begin so)
        parts[0:2] = [(f"{parts[0][0]} {parts[1][0]}", parts[1][1])]
    clauses: list[Clause] = []
    own_lead = lead
    if len(text) > LONGEST_CLAUSE and any(len(piece) > LONGEST_CLAUSE for piece, _ in parts):
        parts = [(chunk, inline) for piece, inline in parts for chunk in _pieces(piece)]
    listing = False
    for piece, inline_item in parts:
        piece = piece.strip()
        if not piece:
            continue
        if inline_item:
            clauses.append(Clause(piece, True, own_lead))
            listing = True
        else:
            clauses.append(Clause(piece, item and not clauses, lead if item else ""))
            # Once a list has begun, a further sentence of an entry belongs to that entry and does
            # not introduce the entries after it ("Rules: - Be 13 or older. A paid plan may provide
            # access to others. - Do not …": the last entry's lead-in is still "Rules:"), unless it
            # ends with a colon and so opens a list of its own.
            if not listing or piece.endswith(":"):
                own_lead = piece
    return clauses


#: Most words of a label run in before a sentence ("Service providers.", "Analytics cookies.").
LABEL_WORDS = 4


def _is_label(piece: str) -> bool:
    """True for a few words that end in a full stop and begin in capitals, with no verb among them:
    a run-in heading, not a sentence."""
    words = piece.split()
    # (one word is a label whatever it is: "Delete. Ask us to delete …" in a list of rights)
    return (len(words) <= LABEL_WORDS and piece.endswith(".") and piece[:1].isupper()
            and (len(words) == 1 and len(piece) > 2 or not any(w.lower().strip(".,") in _VERBS for w in words)))


_END = re.compile(r"[.!?;]\s")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` starts: after the last :data:`_END` (not an
    abbreviation's full stop) that ends before ``at``, looking back at most 4,000 characters."""
    # Read backwards from ``at``: the nearest stop is found at C speed and usually ends the search.
    lo = max(0, at - 4000)
    end = at - 1  # the stop and the space after it both stand before ``at``
    while end > lo:
        i = max(text.rfind(".", lo, end), text.rfind("!", lo, end), text.rfind("?", lo, end), text.rfind(";", lo, end))
        if i < 0:
            break
        if text[i + 1].isspace() and not _ends_abbreviation(text, i):
            return i + 2
        end = i
    return 0


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` ends (after its full stop)."""
    for match in _END.finditer(text, at):
        if not _ends_abbreviation(text, match.start()):
            return match.start() + 1
    return len(text)


def changed_window(a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The stretch of ``a`` and of ``b`` that differs, widened to whole sentences (None: no difference).

    The common head and tail are found by comparing halves (C speed), so the cost is linear.
    """
    if a == b:
        return None
    head, tail = common_ends(a, b)
    start = _sentence_start(a, head)
    end_a = _sentence_end(a, len(a) - tail)
    # the tail is common, so the sentence ends at the same distance from the end on both sides
    end_b = len(b) - (len(a) - end_a)
    if end_b < start or not b[start:end_b].strip() and not a[start:end_a].strip():
        return (0, len(a)), (0, len(b))
    return (start, end_a), (start, end_b)


_TOKEN = re.compile(r"\S+")


def _pieces(text: str) -> list[str]:
    """``text`` cut at spaces into pieces of at most :data:`LONGEST_CLAUSE` characters.

    Where to cut is decided by the words themselves (a checksum of two neighbouring words), not by
    position, so an edit near the start does not move every later cut: the same pieces come out of
    both versions except around the edit, and alignment stays cheap.
    """
    out = []
    start = 0
    previous = ""
    for match in _TOKEN.finditer(text):
        word = match.group()
        length = match.end() - start
        if length >= LONGEST_CLAUSE // 4 and (zlib.crc32(f"{previous} {word}".encode()) & 31 == 0 or length >= LONGEST_CLAUSE):
            out.append(text[start: match.end()])
            start = match.end()
        previous = word
    out.append(text[start:])
    return out


def _pair_region(olds: Sequence[Clause], news: Sequence[Clause]) -> list[tuple[Clause | None, Clause | None]]:
    """Pairs within one replaced region: the same clause edited, or a clause inserted or removed."""
    if not olds or not news:
        return [(o, None) for o in olds] + [(None, n) for n in news]
    if len(olds) == 1 and len(news) == 1:
        # one clause each side: the same clause edited when they share enough words, or both the
        # statement's date line ("Effective: 1 May 2025" → "Effective: 15 March 2026" share one)
        if similarity(olds[0].wordset, news[0].wordset) >= PAIR_SIMILARITY / 2 or (
                DATE_LINE.match(olds[0].text) and DATE_LINE.match(news[0].text)) or _reworded(olds[0], news[0]):
            return [(olds[0], news[0])]
        return [(olds[0], None), (None, news[0])]
    if len(olds) != len(news):
        # A sentence split in two, or two joined: the words on both sides are nearly the same.
        joined_old = [w for c in olds for w in c.key.split()]
        joined_new = [w for c in news for w in c.key.split()]
        if joined_old and joined_new and similarity(frozenset(joined_old), frozenset(joined_new)) >= 0.8 \
                and abs(len(joined_old) - len(joined_new)) <= max(2, len(joined_old) // 10):
            return [(merge(olds), merge(news))]

    if len(olds) * len(news) > PAIR_REGION:
        pairs: list[tuple[Clause | None, Clause | None]] = list(zip(olds, news))
        pairs += [(o, None) for o in olds[len(news):]] + [(None, n) for n in news[len(olds):]]
        return pairs
    sets_old = [c.wordset for c in olds]
    sets_new = [c.wordset for c in news]
    threshold = PAIR_SIMILARITY if len(olds) > 1 or len(news) > 1 else PAIR_SIMILARITY / 2
    scored = sorted(
        ((similarity(a, b), i, j) for i, a in enumerate(sets_old) for j, b in enumerate(sets_new)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    matched: dict[int, int] = {}
    merged: list[Clause] = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        matched[i] = j
    # A sentence split in two where one half also gained words: the other half carries old words
    # its partner lost ("… sell it or use it elsewhere." → "… sell it. Nor use it elsewhere, except …").
    for i, j in list(matched.items()):
        lost = sets_old[i] - sets_new[j]
        if len(lost) < 3:
            continue
        for k in (j + 1, j - 1):
            if 0 <= k < len(news) and k not in used_new and len(lost & sets_new[k]) >= 0.6 * len(lost):
                pair = (news[j], news[k]) if k > j else (news[k], news[j])
                matched[i] = -1 - len(merged)
                merged.append(merge(pair))
                used_new.add(k)
                break
    _pair_reworded(olds, news, matched, used_old, used_new)
    if matched and min(len(olds), len(news)) == 1 and max(len(olds), len(news)) <= 3 and _merged_in(olds, news, used_old, used_new):
        return [(merge(olds), merge(news))]
    if not matched and min(len(olds), len(news)) == 1 and max(len(olds), len(news)) <= 3:
        # one sentence reworded as two or three, or two or three as one, no one of them its match
        # ("Correct inaccurate information, taking into account …" → "Correct information that is
        # inaccurate; in handling a request, we consider …"): the same words of substance, mostly
        merged_old, merged_new = merge(olds), merge(news)
        if _reworded(merged_old, merged_new):
            return [(merged_old, merged_new)]
    out: list[tuple[Clause | None, Clause | None]] = [
        (olds[i], news[j] if j >= 0 else merged[-1 - j]) for i, j in sorted(matched.items())
    ]
    out += [(o, None) for i, o in enumerate(olds) if i not in used_old]
    out += [(None, n) for j, n in enumerate(news) if j not in used_new]
    return out


def _reworded_share(old: Clause, new: Clause) -> float:
    """How much two clauses say in the same words of substance (the share of the stems of the one
    with more that the other has), or 0 when too little for one to be the other reworded."""
    a, b = old.stems, new.stems
    shared = len(a & b)
    longer = max(len(a), len(b))
    if shared >= 3 and len(b) > len(a) and shared >= 0.8 * len(a):
        # the new one says all the old one said and more: the sentence grew (an exception, a qualifier
        # put before it: "No decision is taken solely by automated means" → "Except where …, no decision …")
        return max(shared / longer, REWORDED_SHARE)
    if shared < REWORDED_SHARED or shared < REWORDED_SHARE * longer:
        return 0.0
    return shared / longer


def _reworded(old: Clause, new: Clause) -> bool:
    """True when ``new`` says what ``old`` said in other words ("We delete card details after the
    payment is settled" → "Card details are erased once the payment has been settled"): few of
    their words are the same, most of their words of substance are."""
    return _reworded_share(old, new) > 0


def _pair_reworded(olds: Sequence[Clause], news: Sequence[Clause], matched: dict[int, int],
                   used_old: set[int], used_new: set[int]) -> None:
    """Pairs, in ``matched``, the clauses of a region left over by word-for-word pairing that are
    the same sentence reworded (:func:`_reworded`), best first, each pair keeping the order of the
    pairs around it: a paragraph rewritten sentence by sentence is judged sentence by sentence,
    not as every sentence removed and another added."""
    left_old = [i for i in range(len(olds)) if i not in used_old]
    left_new = [j for j in range(len(news)) if j not in used_new]
    if not left_old or not left_new or len(left_old) * len(left_new) > PAIR_REGION:
        return
    scored = sorted(
        ((score, i, j) for i in left_old for j in left_new if (score := _reworded_share(olds[i], news[j])) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _, i, j in scored:
        if i in used_old or j in used_new:
            continue
        # (a pair may not cross another: the old clauses before it pair with new clauses before it)
        if any((k < i) != (m < j) for k, m in matched.items() if m >= 0):
            continue
        used_old.add(i)
        used_new.add(j)
        matched[i] = j


def _merged_in(olds: Sequence[Clause], news: Sequence[Clause], used_old: set[int], used_new: set[int]) -> bool:
    """True when, one clause on one side and two or three on the other, a clause left unpaired on
    the side with more has most of its words of substance (three in five, two at least) in the one
    clause of the other side: two sentences merged into one, or one split in two, and reworded
    ("… tied to the browser or device you use. If you use multiple browsers or devices, you must
    opt out on each one." → "… tied to the browser or device you use, so you must opt out
    separately on each browser or device that you use.")."""
    single, many, used = (olds[0], news, used_new) if len(olds) == 1 else (news[0], olds, used_old)
    had = single.stems
    left = [clause for index, clause in enumerate(many) if index not in used]
    if not left:
        return False
    for clause in left:
        stems = clause.stems
        shared = len(stems & had)
        if len(stems) < 2 or shared < 2 or shared * 5 < len(stems) * 3:
            return False
    return True


def merge(clauses: Sequence[Clause]) -> Clause:
    """One clause of several, their texts one space apart (a sentence split in two, seen as one).

    Made from the parts' cuts rather than by cutting the joined text again: no word holds a space,
    so the words of the joined text are the parts' words in turn, the text between the last word
    of one part and the first of the next is theirs with the space between, and the key (the
    words, lower case, one space apart) is the parts' keys one space apart. (Lower case too is the
    parts' in turn: a space is where a final sigma's context ends.)
    """
    first = clauses[0]
    merged = Clause.__new__(Clause)
    merged.text = " ".join(c.text for c in clauses)
    merged.item, merged.lead, merged.heading = first.item, first.lead, first.heading
    parts = list(first._pieces)
    norms = list(first.norms)
    for clause in clauses[1:]:
        parts[-1] += " " + clause._pieces[0]
        parts += clause._pieces[1:]
        norms += clause.norms
    merged._pieces = parts
    merged.key = " ".join(c.key for c in clauses if c.key)
    merged.norms = norms
    merged.wordset = frozenset().union(*(c.wordset for c in clauses))
    return merged


def align(old: Sequence[Clause], new: Sequence[Clause]) -> list[tuple[Clause | None, Clause | None]]:
    """The clauses that differ between two versions of a block: edited pairs, insertions, removals."""
    a = [c.key for c in old]
    b = [c.key for c in new]
    if a == b:
        return []
    if len(a) == 1 and len(b) == 1:
        return _pair_region(old, new)
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head: len(a) - tail], b[head: len(b) - tail]
    if len(set(a)) == len(a) and len(set(b)) == len(b) and set(middle_a).isdisjoint(middle_b):
        # No clause repeats and none of the changed stretch reappears on the other side: the only
        # matches are the common head and tail, so difflib would give exactly this one region.
        return _pair_region(old[head: len(a) - tail], new[head: len(b) - tail])
    # difflib's popularity heuristic keeps a block of thousands of identical sentences linear.
    matcher = SequenceMatcher(None, a, b, autojunk=len(b) >= 200)
    out: list[tuple[Clause | None, Clause | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.extend(_pair_region(old[i1:i2], new[j1:j2]))
    return out
