"""Block alignment, moves and word redlines; the :class:`Diff` model and its renderers.

How a diff is made (see ``docs/architecture.md``, "Diff engine"):

1. Both versions are rendered and cut into blocks (:mod:`generator.render`).
2. Blocks are aligned on their normalised key with ``difflib.SequenceMatcher``.
3. Unmatched blocks with the same key anywhere in the document are *moved*; leftover blocks inside
   one replaced region are paired by word similarity (*modified*); leftover blocks that are very
   similar across regions are moved and edited. Regions too large to pair are left as whole-block
   removals and additions, so the cost stays near-linear.
4. Only inside modified or moved-and-edited blocks are words compared, and only between the first
   and last difference of the two HTML strings.

Every redline is balanced HTML: ``<del>``/``<ins>`` runs open and close around inline elements,
never across block structure, and each starts with a visually hidden ``redline-sr`` marker so that
screen readers announce it.
"""

from __future__ import annotations

import bisect
import difflib
import gc
import heapq
import html as htmlmod
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .render import Block, blocks_from_versions, fold_key

__all__ = [
    "ChangeKind",
    "Change",
    "Stats",
    "Diff",
    "Aligned",
    "diff_blocks",
    "diff_markdown",
    "render_redline",
    "render_side_by_side",
    "to_json",
    "render_text",
    "render_markdown",
    "render_unified",
]

ChangeKind = Literal["formatting", "added", "removed", "modified", "moved"]

#: Replaced regions with more block pairs than this are not paired by similarity.
REGION_PAIR_LIMIT = 2500
#: Least word similarity for two blocks of one replaced region to count as one modified block.
MODIFIED_SIMILARITY = 0.5
#: Least word similarity, and least words, for a block found elsewhere to count as moved and edited.
MOVED_SIMILARITY = 0.6
MOVED_MIN_WORDS = 4
#: A word found in at most this many leftover blocks points at a moved block; commoner words do not.
RARE_WORD_BLOCKS = 4
#: How many blocks sharing the most rare words are compared with each leftover block.
MOVE_CANDIDATES = 4
#: Below this share of unchanged text a modified block is shown as wholly replaced, not word by word.
REWRITE_SIMILARITY = 0.4


@dataclass(frozen=True)
class Change:
    """One changed block.

    ``section`` is where the change stands: the new side's section path, the old side's for a
    removal. ``redline`` is the block's HTML with ``<del>``/``<ins>`` inside. Blocks moved together
    (one contiguous run in both versions) share a ``move`` number. ``words_added`` and
    ``words_removed`` count the words inside the redline's insertions and deletions.
    """

    kind: ChangeKind
    section: tuple[str, ...]
    old: Block | None
    new: Block | None
    redline: str
    move: int | None = None
    words_added: int = 0
    words_removed: int = 0

    @property
    def anchor(self) -> str | None:
        """Id of the nearest heading at or above the change (new side; old side for a removal)."""
        block = self.new if self.new is not None else self.old
        return block.anchor if block is not None else None


@dataclass(frozen=True)
class Stats:
    """Counts over a diff. ``sections_touched`` lists top-level section titles with a content change."""

    words_added: int
    words_removed: int
    added: int
    removed: int
    modified: int
    moved: int
    formatting: int
    sections_touched: tuple[str, ...]


class Aligned(NamedTuple):
    """One entry of the merged document a redline shows, in order.

    An unchanged block (``change`` None), a change, or — when ``moved_away`` is set — the place a
    moved run of blocks used to stand. ``container`` and ``node`` place the entry in the new
    document's lists and tables (old-side entries are mapped onto the new structure where they can be).
    """

    old: Block | None
    new: Block | None
    change: Change | None
    container: tuple[tuple[int, str], ...] = ()
    node: int = -1
    moved_away: int | None = None


@dataclass(frozen=True)
class Diff:
    """What changed between two versions: both block sequences, the changes in document order, stats."""

    old: tuple[Block, ...]
    new: tuple[Block, ...]
    changes: tuple[Change, ...]
    stats: Stats
    alignment: tuple[Aligned, ...] = field(default=(), compare=False, repr=False)

    @property
    def content_changes(self) -> tuple[Change, ...]:
        """The changes without the formatting-only ones."""
        return tuple(c for c in self.changes if c.kind != "formatting")

    @property
    def is_empty(self) -> bool:
        """True when nothing changed, not even formatting."""
        return not self.changes


# --- alignment ---------------------------------------------------------------------------------------

#: SequenceMatcher's cost grows with (old blocks) × (copies of each in new). Past this many steps,
#: keys repeated more than CROWD_COPIES times are matched only by extension (SequenceMatcher junk).
CROWD_STEPS = 2_000_000
CROWD_COPIES = 50


def _resync(a: list[str], b: list[str], i: int, i2: int, j: int, j2: int) -> list[tuple[str, int, int, int, int]]:
    """Linear, greedy alignment of a region: equal keys in order, one-step lookahead to resynchronise."""
    ops: list[list] = []

    def add(tag: str, di: int, dj: int) -> None:
        if ops and ops[-1][0] == tag:
            ops[-1][2] += di
            ops[-1][4] += dj
        else:
            ops.append([tag, i, i + di, j, j + dj])

    while i < i2 and j < j2:
        if a[i] == b[j]:
            add("equal", 1, 1)
            i, j = i + 1, j + 1
        elif i + 1 < i2 and j + 1 < j2 and a[i + 1] == b[j + 1]:
            add("replace", 1, 1)
            i, j = i + 1, j + 1
        elif j + 1 < j2 and a[i] == b[j + 1]:
            add("insert", 0, 1)
            j += 1
        elif i + 1 < i2 and a[i + 1] == b[j]:
            add("delete", 1, 0)
            i += 1
        else:
            add("replace", 1, 1)
            i, j = i + 1, j + 1
    if i < i2 or j < j2:
        add("replace" if i < i2 and j < j2 else ("delete" if i < i2 else "insert"), i2 - i, j2 - j)
    return [tuple(op) for op in ops]  # type: ignore[misc]


def _crowd(a: list[str], b: list[str]):
    """A junk test for keys so frequent that aligning on them would be quadratic, or None."""
    counts: dict[str, int] = defaultdict(int)
    for key in b:
        counts[key] += 1
    if sum(counts.get(key, 0) for key in a) <= CROWD_STEPS:
        return None
    crowded = {key for key, n in counts.items() if n > CROWD_COPIES}
    return crowded.__contains__

_LINK = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _links(html: str) -> list[tuple[str, str]]:
    return _LINK.findall(html) if ("href" in html or "src" in html) else []


def _source_form(source: str | None) -> str | None:
    return " ".join(source.split()) if source is not None else None


_NUMBER = re.compile(r"\s*(\d+[.)])\s")


def _wording(text: str) -> str:
    """Text as a reader compares it: the key, but a leading number ("2. Scraping") still counts."""
    m = _NUMBER.match(text)
    return m.group(1) + " " + fold_key(text[m.end():]) if m else fold_key(text)


def _equal_kind(old: Block, new: Block) -> str | None:
    """Kind of change between two blocks with equal keys: None, "formatting" or "modified"."""
    if old is new:
        return None
    if old.html == new.html:
        if old.source is None or new.source is None or old.source == new.source:
            return None
        return None if _source_form(old.source) == _source_form(new.source) else "formatting"
    if _links(old.html) != _links(new.html):
        return "modified"  # where a link points is content, even when its words stay
    if old.text != new.text and _wording(old.text) != _wording(new.text):
        return "modified"  # a renumbered heading or item
    if old.kind != new.kind or old.level != new.level:
        return "formatting"
    if old.text == new.text and _strip_ids(old.html) == _strip_ids(new.html):
        return None
    return "formatting"


def _wordset(block: Block) -> frozenset[str]:
    return frozenset(block.key.split())


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def _pair_region(olds: list[int], news: list[int], old: Sequence[Block], new: Sequence[Block], sets: dict) -> list[tuple[int, int]]:
    """Order-preserving pairs of most total similarity (each at least MODIFIED_SIMILARITY)."""
    n, m = len(olds), len(news)
    if n == 1 and m == 1:
        i, j = olds[0], news[0]
        if old[i].kind != new[j].kind:
            return []
        a, b = old[i].key, new[j].key
        # most edits leave the head and tail of a block alone: that alone proves it similar
        longest = max(len(a), len(b))
        if longest and (_common_prefix(a, b) + _common_suffix(a, b, min(len(a), len(b)))) >= 0.8 * longest:
            return [(i, j)]
        return [(i, j)] if _similarity(_wordset(old[i]), _wordset(new[j])) >= MODIFIED_SIMILARITY else []
    sim = [[0.0] * m for _ in range(n)]
    for a, i in enumerate(olds):
        ob = old[i]
        sa = sets.get(("o", i))
        if sa is None:
            sa = sets[("o", i)] = _wordset(ob)
        row = sim[a]
        for b, j in enumerate(news):
            nb = new[j]
            if nb.kind != ob.kind:
                continue
            sb = sets.get(("n", j))
            if sb is None:
                sb = sets[("n", j)] = _wordset(nb)
            row[b] = _similarity(sa, sb)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = best[a], best[a + 1]
        srow = sim[a]
        for b in range(m - 1, -1, -1):
            value = below[b] if below[b] > row[b + 1] else row[b + 1]
            s = srow[b]
            if s >= MODIFIED_SIMILARITY and below[b + 1] + s > value:
                value = below[b + 1] + s
            row[b] = value
    pairs = []
    a = b = 0
    while a < n and b < m:
        s = sim[a][b]
        if s >= MODIFIED_SIMILARITY and abs(best[a][b] - (best[a + 1][b + 1] + s)) < 1e-9:
            pairs.append((olds[a], news[b]))
            a += 1
            b += 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return pairs


def _similar_moves(old_left: list[int], new_left: list[int], old: Sequence[Block], new: Sequence[Block], sets: dict,
                   region_of: dict[tuple[str, int], int]) -> list[tuple[int, int]]:
    """Pairs of leftover blocks in different regions that are nearly the same text (moved and edited).

    Candidates are found through rare words (in at most a few leftover blocks), so the cost is
    linear in the words of the leftover blocks.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i in old_left:
        s = sets.get(("o", i))
        if s is None:
            s = sets[("o", i)] = _wordset(old[i])
        if len(s) >= MOVED_MIN_WORDS:
            for w in s:
                index[w].append(i)
    rare = {w: holders for w, holders in index.items() if len(holders) <= RARE_WORD_BLOCKS}
    if not rare:
        return []
    taken: set[int] = set()
    pairs = []
    for j in new_left:
        s = sets.get(("n", j))
        if s is None:
            s = sets[("n", j)] = _wordset(new[j])
        if len(s) < MOVED_MIN_WORDS:
            continue
        counts: dict[int, int] = defaultdict(int)
        for w in s:
            holders = rare.get(w)
            if holders is not None:
                for i in holders:
                    counts[i] += 1
        if not counts:
            continue
        best, best_i = 0.0, -1
        # Most shared rare words first; equal counts in block order, so the result never depends
        # on set iteration (hash seeds) and the browser port gives the same answer.
        for i, _ in heapq.nlargest(MOVE_CANDIDATES, counts.items(), key=lambda item: (item[1], -item[0])):
            if i in taken or old[i].kind != new[j].kind or region_of[("o", i)] == region_of[("n", j)]:
                continue
            score = _similarity(sets[("o", i)], s)
            if score > best:
                best, best_i = score, i
        if best >= MOVED_SIMILARITY:
            taken.add(best_i)
            pairs.append((best_i, j))
    return pairs


def diff_blocks(old: Sequence[Block], new: Sequence[Block]) -> Diff:
    """Compare two block sequences: align, find moves, pair modified blocks, redline their words."""
    old = tuple(old)
    new = tuple(new)
    n_old, n_new = len(old), len(new)
    okeys = [b.key for b in old]
    nkeys = [b.key for b in new]

    # Common head and tail need no SequenceMatcher.
    head = 0
    limit = min(n_old, n_new)
    while head < limit and okeys[head] == nkeys[head]:
        head += 1
    tail = 0
    while tail < limit - head and okeys[n_old - 1 - tail] == nkeys[n_new - 1 - tail]:
        tail += 1
    opcodes: list[tuple[str, int, int, int, int]] = []
    if head:
        opcodes.append(("equal", 0, head, 0, head))
    if head < n_old - tail or head < n_new - tail:
        a_keys, b_keys = okeys[head:n_old - tail], nkeys[head:n_new - tail]
        crowded = _crowd(a_keys, b_keys)
        if crowded is None:
            block_ops = _plain_opcodes(a_keys, b_keys)  # what SequenceMatcher without junk gives, faster
        else:
            block_ops = difflib.SequenceMatcher(crowded, a_keys, b_keys, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in block_ops:
            if crowded is not None and tag == "replace":
                # repeated blocks the matcher could not place: line them up in order instead
                for op in _resync(okeys, nkeys, i1 + head, i2 + head, j1 + head, j2 + head):
                    opcodes.append(op)
            else:
                opcodes.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        opcodes.append(("equal", n_old - tail, n_old, n_new - tail, n_new))

    # how each block was matched: ("modified" | "moved", other index)
    old_match: dict[int, tuple[str, int]] = {}
    new_match: dict[int, tuple[str, int]] = {}
    regions = [op for op in opcodes if op[0] != "equal"]
    sets: dict = {}

    # 1. the same text elsewhere: moved
    by_key: dict[str, list[int]] = defaultdict(list)
    for _, i1, i2, _, _ in regions:
        for i in range(i1, i2):
            if okeys[i]:
                by_key[okeys[i]].append(i)
    if by_key:
        cursor: dict[str, int] = defaultdict(int)
        for _, _, _, j1, j2 in regions:
            for j in range(j1, j2):
                candidates = by_key.get(nkeys[j])
                if candidates:
                    k = cursor[nkeys[j]]
                    if k < len(candidates):
                        cursor[nkeys[j]] = k + 1
                        i = candidates[k]
                        old_match[i] = ("moved", j)
                        new_match[j] = ("moved", i)

    # 2. similar blocks in one replaced region: modified
    syncs_of: dict[int, list[tuple[int, int]]] = {}
    for _, i1, i2, j1, j2 in regions:
        olds = [i for i in range(i1, i2) if i not in old_match]
        news = [j for j in range(j1, j2) if j not in new_match]
        if olds and news and len(olds) * len(news) <= REGION_PAIR_LIMIT:
            pairs = _pair_region(olds, news, old, new, sets)
            syncs_of[i1] = pairs
            for i, j in pairs:
                old_match[i] = ("modified", j)
                new_match[j] = ("modified", i)

    # 3. nearly the same text in another region: moved and edited
    old_left = [i for _, i1, i2, _, _ in regions for i in range(i1, i2) if i not in old_match]
    new_left = [j for _, _, _, j1, j2 in regions for j in range(j1, j2) if j not in new_match]
    if old_left and new_left:
        region_of = {}
        for r, (_, i1, i2, j1, j2) in enumerate(regions):
            region_of.update({("o", i): r for i in range(i1, i2)})
            region_of.update({("n", j): r for j in range(j1, j2)})
        for i, j in _similar_moves(old_left, new_left, old, new, sets, region_of):
            old_match[i] = ("moved", j)
            new_match[j] = ("moved", i)

    # Runs of blocks moved together share one move number, in new-document order.
    move_of_new: dict[int, int] = {}
    move_first_old: dict[int, int] = {}  # move number → old index where the run stood
    previous = (-2, -2)
    number = 0
    for j in sorted(j for j, (how, _) in new_match.items() if how == "moved"):
        i = new_match[j][1]
        if not (j == previous[1] + 1 and i == previous[0] + 1):
            number += 1
            move_first_old[number] = i
        move_of_new[j] = number
        previous = (i, j)
    move_of_old = {new_match[j][1]: m for j, m in move_of_new.items()}

    builder = _AlignmentBuilder(old, new)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                builder.pair(i, j, _equal_kind(old[i], new[j]))
            continue
        # walk the region: modified pairs are fixed points; between them removed before added
        syncs = syncs_of.get(i1, [])
        oi, nj = i1, j1
        for si, sj in syncs + [(i2, j2)]:
            left_old = [i for i in range(oi, si) if i not in old_match]
            left_new = [j for j in range(nj, sj) if j not in new_match]
            if len(left_old) == 1 and len(left_new) == 1 and old[left_old[0]].kind == new[left_new[0]].kind:
                # one block replaced by one block in place: modified, however much it changed
                fi, fj = left_old[0], left_new[0]
                _gap(builder, oi, fi, nj, fj, old_match, new_match, move_of_old, move_of_new, move_first_old)
                builder.pair(fi, fj, "modified")
                _gap(builder, fi + 1, si, fj + 1, sj, old_match, new_match, move_of_old, move_of_new, move_first_old)
            else:
                _gap(builder, oi, si, nj, sj, old_match, new_match, move_of_old, move_of_new, move_first_old)
            if si < i2:
                builder.pair(si, sj, "modified")
            oi, nj = si + 1, sj + 1
    return builder.finish()


def _gap(builder: "_AlignmentBuilder", oi: int, si: int, nj: int, sj: int, old_match: dict, new_match: dict,
         move_of_old: dict, move_of_new: dict, move_first_old: dict) -> None:
    """Entries for a stretch between fixed points: what was removed (or moved away), then what was added (or moved here)."""
    for i in range(oi, si):
        if i in old_match:
            if old_match[i][0] == "moved" and move_first_old.get(move_of_old[i]) == i:
                builder.moved_away(i, move_of_old[i], old_match[i][1])
        else:
            builder.removed(i)
    for j in range(nj, sj):
        if j in new_match:
            builder.moved(new_match[j][1], j, move_of_new[j])
        else:
            builder.added(j)


class _AlignmentBuilder:
    """Collects aligned entries and changes in document order; maps old structure onto new."""

    def __init__(self, old: tuple[Block, ...], new: tuple[Block, ...]) -> None:
        self.old = old
        self.new = new
        self.entries: list[tuple] = []  # (kind, old index | None, new index | None, change | None, move)
        self.node_map: dict[int, int] = {}

    def _map(self, i: int, j: int) -> None:
        o, n = self.old[i], self.new[j]
        if o is n or (not o.container and o.node < 0):
            return
        if len(o.container) == len(n.container):
            for (oid, ostart), (nid, nstart) in zip(o.container, n.container):
                if _tag_name(ostart) != _tag_name(nstart):
                    break
                self.node_map.setdefault(oid, nid)
        if o.node >= 0 and n.node >= 0:
            self.node_map.setdefault(o.node, n.node)

    def pair(self, i: int, j: int, kind: str | None) -> None:
        self._map(i, j)
        o, n = self.old[i], self.new[j]
        if kind is None:
            self.entries.append(("same", i, j, None))
            return
        if kind == "formatting":
            # typography (quotes, bullets written in the text) is shown word by word; markup alone is not
            redline = _redline_pair(o, n, coarse_below=0.0)[0] if o.text != n.text else n.html
            change = Change("formatting", n.section, o, n, redline)
        else:
            redline, added, removed = _redline_pair(o, n, coarse_below=REWRITE_SIMILARITY)
            change = Change("modified", n.section, o, n, redline, None, added, removed)
        self.entries.append(("change", i, j, change))

    def removed(self, i: int) -> None:
        o = self.old[i]
        redline, words = _redline_whole(o, "del")
        self.entries.append(("change", i, None, Change("removed", o.section, o, None, redline, None, 0, words)))

    def added(self, j: int) -> None:
        n = self.new[j]
        redline, words = _redline_whole(n, "ins")
        self.entries.append(("change", None, j, Change("added", n.section, None, n, redline, None, words, 0)))

    def moved(self, i: int, j: int, move: int) -> None:
        self._map(i, j)
        o, n = self.old[i], self.new[j]
        # a leading number or a link target is outside the key but is content: a move that changed it is edited
        if o.key == n.key and _equal_kind(o, n) != "modified":
            # typography changed on the way (quotes, invisible characters) is shown word by word, as in
            # place, but counts no words; markup alone is not shown
            redline = _redline_pair(o, n, coarse_below=0.0)[0] if o.text != n.text else n.html
            change = Change("moved", n.section, o, n, redline, move)
        else:
            redline, added, removed = _redline_pair(o, n, coarse_below=0.0)
            change = Change("moved", n.section, o, n, redline, move, added, removed)
        self.entries.append(("change", i, j, change))

    def moved_away(self, i: int, move: int, j: int) -> None:
        self.entries.append(("away", i, j, move))

    def _old_container(self, block: Block) -> tuple[tuple[int, str], ...]:
        # old ids that have no counterpart become negative so they never collide with new ids
        return tuple((self.node_map.get(cid, -cid - 1), start) for cid, start in block.container)

    def finish(self) -> Diff:
        aligned: list[Aligned] = []
        changes: list[Change] = []
        for kind, i, j, payload in self.entries:
            if kind == "away":
                o = self.old[i]
                aligned.append(Aligned(o, self.new[j], None, self._old_container(o), -1, payload))
                continue
            change = payload
            if j is not None:
                n = self.new[j]
                aligned.append(Aligned(self.old[i] if i is not None else None, n, change, n.container, n.node))
            else:
                o = self.old[i]
                node = self.node_map.get(o.node, -o.node - 1) if o.node >= 0 else -1
                aligned.append(Aligned(o, None, change, self._old_container(o), node))
            if change is not None:
                changes.append(change)
        return Diff(self.old, self.new, tuple(changes), _stats(changes, self.old, self.new), tuple(aligned))


def _tag_name(start: str) -> str:
    m = _NAME.match(start)
    return m.group(1).lower() if m else ""


def _document_title(blocks: Sequence[Block]) -> str | None:
    """The text of a lone top heading that titles the document (one h1 above all other headings)."""
    headings = [b for b in blocks if b.kind == "heading"]
    if len(headings) < 2:
        return None
    first = headings[0]
    if all(h.level > first.level for h in headings[1:]):
        return first.text
    return None


def _stats(changes: list[Change], old: Sequence[Block], new: Sequence[Block]) -> Stats:
    counts = {"added": 0, "removed": 0, "modified": 0, "moved": 0, "formatting": 0}
    words_added = words_removed = 0
    titles_new, titles_old = _document_title(new), _document_title(old)
    touched: list[str] = []
    seen: set[str] = set()
    for change in changes:
        counts[change.kind] += 1
        words_added += change.words_added
        words_removed += change.words_removed
        if change.kind == "formatting":
            continue
        section = change.section
        title = titles_new if change.new is not None else titles_old
        if section and title is not None and section[0] == title and len(section) > 1:
            section = section[1:]
        if section and section[0] not in seen:
            seen.add(section[0])
            touched.append(section[0])
    return Stats(words_added, words_removed, counts["added"], counts["removed"], counts["modified"],
                 counts["moved"], counts["formatting"], tuple(touched))


def diff_markdown(old_md: str, new_md: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> Diff:
    """Render two Markdown bodies with the site's extensions and diff their blocks (front-matter excluded)."""
    with _cyclic_gc_paused():
        old_blocks, new_blocks = blocks_from_versions(old_md, new_md, extensions=extensions, extension_configs=extension_configs)
        return diff_blocks(old_blocks, new_blocks)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a diff allocates many small acyclic objects (freed by
    reference counting anyway), and collections triggered by them cost about 15% on large documents."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- word redline --------------------------------------------------------------------------------------

_NAME = re.compile(r"<\s*/?\s*([a-zA-Z][\w:-]*)")
_HTML_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<[a-zA-Z/!?][^>]*>?|[^<]+|<", re.S)
_TAG_ONLY = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][\w:-]*)[^>]*>", re.S)
_WORDS = re.compile(r"(\S+)(\s*)")
_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_ATOMIC = frozenset(("code", "kbd", "samp", "svg", "math", "script", "style", "textarea", "select", "button", "audio", "video", "object", "iframe"))
_INLINE = frozenset(
    "a abbr b bdi bdo cite data del dfn em i ins label mark q s small span strong sub sup time u var font".split()
)
_SR = {"del": '<span class="redline-sr">deleted: </span>', "ins": '<span class="redline-sr">inserted: </span>'}
#: The redline's own runs carry a class, so that they are never taken for a version's own ``<del>``/``<ins>``.
_OPEN = {"del": '<del class="redline-del">', "ins": '<ins class="redline-ins">'}


def _strip_ids(html: str) -> str:
    """Drop id and name attributes: an old block shown in the new page must not claim its anchors."""
    if " id" not in html and " name" not in html:
        return html
    return re.sub(r"<[a-zA-Z][^>]*>", lambda m: _ID.sub("", m.group(0)), html)


def _split_root(html: str) -> tuple[str, str, str]:
    """(start tag, inner HTML, end tag) of a block with one root element; ("", html, "") otherwise."""
    if html.startswith("<"):
        m = _NAME.match(html)
        if m:
            name = m.group(1).lower()
            end = f"</{name}>"
            close = html.find(">")
            if close > 0 and html.endswith(end) and name not in _VOID and name not in _ATOMIC:
                return html[: close + 1], html[close + 1 : -len(end)], end
    return "", html, ""


@dataclass
class _Tok:
    """A word (or an atomic inline element) with the elements it stands in."""

    word: str  # HTML of the word itself
    ws: str  # whitespace after it (HTML)
    stack: tuple  # ((id, name, start), ...) open elements around the word
    ws_stack: tuple  # open elements around the whitespace
    text: str  # plain text of the word, for counting
    key: tuple = ()


def _open_stack(prefix: str, next_id: list[int]) -> list[tuple[int, str, str]]:
    """The elements open at the end of a balanced-so-far HTML prefix."""
    stack: list[tuple[int, str, str]] = []
    for m in _TAG_ONLY.finditer(prefix):
        name = m.group(2)
        if name is None:
            continue
        name = name.lower()
        if m.group(1):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == name:
                    del stack[k:]
                    break
        elif name not in _VOID and not m.group(0).endswith("/>"):
            next_id[0] += 1
            stack.append((next_id[0], name, m.group(0)))
    return stack


def _tokenize(html: str, stack: list[tuple[int, str, str]], next_id: list[int]) -> tuple[list[_Tok], list[tuple[int, str, str]]]:
    """Words of an HTML fragment, each with its element stack; returns the stack at the end too."""
    tokens: list[_Tok] = []
    stack = list(stack)
    pos = 0
    n = len(html)
    current = tuple(stack)
    while pos < n:
        m = _HTML_TOKEN.match(html, pos)
        assert m is not None
        piece = m.group(0)
        pos = m.end()
        if piece[0] == "<" and len(piece) > 1 and piece[1] != "<":
            if piece.startswith("<!") or piece.startswith("<?"):
                continue
            nm = _NAME.match(piece)
            if nm is None:
                continue
            name = nm.group(1).lower()
            if piece[1] == "/":
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][1] == name:
                        del stack[k:]
                        break
                current = tuple(stack)
                continue
            if name in _VOID or piece.endswith("/>"):
                tokens.append(_Tok(piece, "", current, current, ""))
                continue
            if name in _ATOMIC and not (name == "code" and any(e[1] == "pre" for e in stack)):
                end = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
                stop = end.end() if end else n
                whole = piece + html[pos:stop] + ("" if end else f"</{name}>")
                pos = stop
                text = htmlmod.unescape(re.sub(r"<[^>]*>", "", whole))
                tokens.append(_Tok(whole, "", current, current, text))
                continue
            next_id[0] += 1
            stack.append((next_id[0], name, piece))
            current = tuple(stack)
            continue
        # text
        start = 0
        lead = len(piece) - len(piece.lstrip())
        if lead:
            if tokens and not tokens[-1].ws and _structure(tokens[-1].stack) == _structure(current):
                tokens[-1].ws = piece[:lead]
                tokens[-1].ws_stack = current
            else:
                tokens.append(_Tok("", piece[:lead], current, current, ""))
            start = lead
        for w in _WORDS.finditer(piece, start):
            word, ws = w.group(1), w.group(2)
            tokens.append(_Tok(word, ws, current, current, word))
    return tokens, stack


def _structure(stack: tuple) -> tuple:
    k = len(stack)
    while k and stack[k - 1][1] in _INLINE:
        k -= 1
    return stack[:k]


_A_START = re.compile(r"<a\b[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _link_free(html: str) -> str:
    """HTML with every link's start tag reduced to ``<a>``: a link whose target changed keeps its words."""
    return _A_START.sub("<a>", html) if "<a" in html or "<A" in html else html


def _href(start: str) -> str:
    m = _HREF.search(start)
    return next((g for g in m.groups() if g is not None), "") if m else ""


def _link_note(old_start: str) -> str:
    """What a reader is told where a link's words stayed and its target changed."""
    old = _esc(htmlmod.unescape(_href(old_start)))
    return f'<span class="redline-note redline-link-changed"> (link changed; it pointed to {old})</span>'


def _changed_links(old: str, new: str) -> list[str]:
    """Start tags of the old links in a pair of words that differ only in where their links point."""
    return [o for o, n in zip(_A_START.findall(old), _A_START.findall(new)) if _href(o) != _href(n)]


def _keys(tokens: list[_Tok], at_end: bool) -> list[tuple]:
    """Comparison keys: the word, the elements around it, and whether a space follows.

    A missing space counts only where the next token of the same structure follows directly
    ("word<em>x</em>"); at the end of a block or a cell it does not.
    """
    keys = []
    last = len(tokens) - 1
    for idx, t in enumerate(tokens):
        if idx == last:
            spaced = bool(t.ws) or at_end
        else:
            spaced = bool(t.ws) or _structure(tokens[idx + 1].stack) != _structure(t.stack)
        t.key = (tuple(_link_free(e[2]) if e[1] == "a" else e[2] for e in t.stack), t.word, spaced)
        keys.append(t.key)
    return keys


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix of two strings (binary search on C-level slice comparisons)."""
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, most: int) -> int:
    lo, hi = 0, most
    if hi and a[len(a) - hi:] == b[len(b) - hi:]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _spans(html: str) -> list[tuple[int, int]]:
    """Ranges no cut may fall inside: tags, comments, and atomic elements with their content."""
    spans: list[tuple[int, int]] = []
    atomic: tuple[int, str] | None = None
    pre = 0
    for m in _TAG_ONLY.finditer(html):
        name = m.group(2)
        if name is None:
            if atomic is None:
                spans.append((m.start(), m.end()))
            continue
        name = name.lower()
        closing = bool(m.group(1))
        if atomic is not None:
            if closing and name == atomic[1]:
                spans.append((atomic[0], m.end()))
                atomic = None
            continue
        if name == "pre":
            pre += -1 if closing else 1
        if not closing and name in _ATOMIC and not (name == "code" and pre > 0) and not m.group(0).endswith("/>"):
            atomic = (m.start(), name)
            continue
        spans.append((m.start(), m.end()))
    if atomic is not None:
        spans.append((atomic[0], len(html)))
    return spans


_ATOMIC_OPEN = re.compile(r"<(?:" + "|".join(sorted(_ATOMIC)) + r")\b", re.I)


def _span_in(spans: list[tuple[int, int]], starts: list[int], q: int) -> tuple[int, int] | None:
    """The span that strictly contains position q, if any."""
    k = bisect.bisect_right(starts, q - 1) - 1
    if k >= 0 and spans[k][0] < q < spans[k][1]:
        return spans[k]
    return None


_INLINE_NAMES = "a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|label|mark|q|s|small|span|strong|sub|sup|time|u|var|font"
_OPEN_INLINE = re.compile(rf"<(?:{_INLINE_NAMES})\b[^>]*>", re.I)
_CLOSE_INLINE = re.compile(rf"</(?:{_INLINE_NAMES})\s*>", re.I)


def _element_end(html: str, span: tuple[int, int]) -> int:
    """End of the element whose start tag is ``span`` (the span's own end for other spans)."""
    m = _TAG_ONLY.match(html, span[0])
    if m is None or m.group(2) is None or m.group(1) or m.end() != span[1] or m.group(0).endswith("/>"):
        return span[1]
    name = m.group(2).lower()
    if name in _VOID:
        return span[1]
    depth = 0
    for t in _TAG_ONLY.finditer(html, span[0]):
        if t.group(2) is None or t.group(2).lower() != name:
            continue
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return t.end()
    return len(html)


def _token_start(s: str, q: int) -> bool:
    """Whether a token of :func:`_tokenize` starts at q (or the text ends there)."""
    if q >= len(s):
        return True
    c = s[q]
    if c == "<":
        return True
    if c.isspace():
        return False
    if q == 0:
        return True
    prev = s[q - 1]
    return prev.isspace() or prev == ">"


def _cuts(a: str, b: str) -> tuple[int, int]:
    """Common head and tail lengths of two inner HTML strings, cut where a token starts on both sides
    and never inside a tag or an atomic element; words are compared only between the cuts."""
    p = _common_prefix(a, b)
    tagged = "<" in b
    atomic = tagged and _ATOMIC_OPEN.search(b) is not None
    spans = _spans(b) if atomic else []
    starts = [sp[0] for sp in spans]

    def _span_at(_spans: list, _starts: list, q: int) -> tuple[int, int] | None:
        if not tagged:
            return None
        if atomic:
            return _span_in(spans, starts, q)
        lt = b.rfind("<", 0, q)
        if lt >= 0 and b.rfind(">", 0, q) < lt:
            gt = b.find(">", q)
            return (lt, gt + 1 if gt >= 0 else len(b))
        return None

    while p > 0:
        inside = _span_at(spans, starts, p)
        if inside is not None:
            p = inside[0]
            continue
        if _token_start(a, p) and _token_start(b, p):
            break
        p -= 1
    # a cut right after an inline start tag would leave an empty element behind: cut before it
    while p > 0 and b[p - 1] == ">":
        lt = b.rfind("<", 0, p)
        m = _OPEN_INLINE.match(b, lt) if lt >= 0 else None
        if m is None or m.end() != p:
            break
        p = lt
    s = _common_suffix(a, b, min(len(a), len(b)) - p)
    while s > 0:
        rb, ra = len(b) - s, len(a) - s
        inside = _span_at(spans, starts, rb)
        if inside is not None:
            # a start tag that differs (a link's target) puts the element's words in the middle too
            s = len(b) - _element_end(b, inside)
            continue
        if _token_start(a, ra) and _token_start(b, rb):
            break
        s -= 1
    # likewise a suffix that starts by closing an inline element takes the closing tag along
    while s > 0:
        m = _CLOSE_INLINE.match(b, len(b) - s)
        if m is None:
            break
        s -= m.end() - m.start()
    return p, s


def _redline_pair(old: Block, new: Block, *, coarse_below: float) -> tuple[str, int, int]:
    """Redline of a changed block: (HTML, words inserted, words deleted)."""
    o_start, o_inner, _ = _split_root(_strip_ids(old.html))
    n_start, n_inner, n_end = _split_root(new.html)
    if _tag_name(o_start) != _tag_name(n_start):
        o_inner = _strip_ids(old.html)
        n_start, n_inner, n_end = "", new.html, ""
    p, s = _cuts(o_inner, n_inner)
    o_mid, n_mid = o_inner[p:len(o_inner) - s], n_inner[p:len(n_inner) - s]
    longest = max(len(o_inner), len(n_inner), 1)
    # Unchanged head and tail of more than 60% of the block: it cannot count as rewritten.
    surely_edited = (p + s) / longest >= 1 - coarse_below / 2 if coarse_below else True
    if not (o_mid[:1].isspace() or n_mid[:1].isspace()):
        quick = _inline_words(o_mid, n_mid, at_end=s == 0)
        if quick is not None:
            body, added, removed, matched, trailing = quick
            if surely_edited or (p + s + matched) / longest >= coarse_below:
                tail = _after_links(n_inner[len(n_inner) - s:], trailing)
                return n_start + n_inner[:p] + body + tail + n_end, added, removed
    next_id = [0]
    base = _open_stack(n_inner[:p], next_id)
    o_tokens, _ = _tokenize(o_mid, base, [-1_000_000_000])
    n_tokens, end_stack = _tokenize(n_mid, base, next_id)
    ops = _word_ops(o_tokens, n_tokens, at_end=s == 0)
    if coarse_below and not surely_edited:
        # share of the text left unchanged: the common head and tail, and the words matched between
        common = _text_length(o_inner[:p]) + _text_length(o_inner[len(o_inner) - s:])
        common += sum(len(o_tokens[k].text) + 1 for tag, i1, i2, _, _ in ops if tag == "equal" for k in range(i1, i2))
        if common / max(len(old.text), len(new.text), 1) < coarse_below:
            # little left in common: the old block struck out and the new one inserted, not confetti
            p = s = 0
            next_id = [0]
            base = []
            o_tokens, _ = _tokenize(o_inner, [], [-1_000_000_000])
            n_tokens, end_stack = _tokenize(n_inner, [], next_id)
            ops = [("replace", 0, len(o_tokens), 0, len(n_tokens))]
    body, added, removed, trailing = _render_ops(o_tokens, n_tokens, ops, base, end_stack, _tag_name(n_start))
    return n_start + n_inner[:p] + body + _after_links(n_inner[len(n_inner) - s:], trailing) + n_end, added, removed


def _after_links(tail: str, notes: list[str]) -> str:
    """The unchanged tail of a block with the notes of links that end in it put after their end tags."""
    if not notes:
        return tail
    parts = tail.split("</a>")
    out = [parts[0]]
    for part in parts[1:]:
        out.append("</a>" + (notes.pop(0) if notes else "") + part)
    return "".join(out) + "".join(notes)


# A word with the tags inside or around it, and the whitespace after. (Runs of plain characters are
# taken whole rather than one by one, which is faster; nothing after the word can fail, so the
# nested repeat never backtracks.)
_PHRASE_WORDS = re.compile(r"((?:[^\s<]+|<[^>]*>)+)(\s*)")


def _phrasing_only(html: str) -> bool:
    """Whether every tag in a fragment is an inline (phrasing) element."""
    for m in _TAG_ONLY.finditer(html):
        name = m.group(2)
        if name is None:
            return False  # a comment: leave it to the general path
        name = name.lower()
        if name not in _INLINE and name not in _VOID and name not in _ATOMIC:
            return False
    return True


def _balanced(html: str) -> bool:
    """Whether a run of HTML closes every element it opens and nothing else."""
    depth: list[str] = []
    for m in _TAG_ONLY.finditer(html):
        name = m.group(2)
        if name is None:
            continue
        name = name.lower()
        if m.group(1):
            if not depth or depth[-1] != name:
                return False
            depth.pop()
        elif name not in _VOID and not m.group(0).endswith("/>"):
            depth.append(name)
    return not depth


def _inline_words(o_mid: str, n_mid: str, *, at_end: bool) -> tuple[str, int, int, int, list[str]] | None:
    """Word redline of two runs of text with inline markup, tags kept inside the words they touch.

    Each deleted or inserted run must be balanced HTML on its own; the unchanged words are the new
    version's, so the result is balanced wherever the new text was. Returns (HTML, words inserted,
    words deleted, characters matched, notes of changed links that end after the fragment), or None
    when the general path must do it: block structure in the runs, a run that would cut an element
    in two, or a side that is only whitespace.
    """
    if ("<" in o_mid and not _phrasing_only(o_mid)) or ("<" in n_mid and not _phrasing_only(n_mid)):
        return None
    o_tokens, n_tokens = _PHRASE_WORDS.findall(o_mid), _PHRASE_WORDS.findall(n_mid)
    if (o_mid and not o_tokens) or (n_mid and not n_tokens):
        return None

    def keys(tokens: list[tuple[str, str]]) -> list[str]:
        out = [_link_free(w) + " " if ws else _link_free(w) for w, ws in tokens]
        if at_end and out:
            out[-1] = _link_free(tokens[-1][0]) + " "
        return out

    if not o_tokens or not n_tokens or set(_link_free(w) for w, _ in o_tokens).isdisjoint(_link_free(w) for w, _ in n_tokens):
        ops = [("replace", 0, len(o_tokens), 0, len(n_tokens))]
    else:
        ops = _word_opcodes(keys(o_tokens), keys(n_tokens))
        ops = _merge_small_equal(ops, [len(w) for w, _ in o_tokens], [len(w) for w, _ in n_tokens])
    out: list[str] = []
    added = removed = matched = 0
    pending: list[str] = []  # old start tags of changed links whose end is still to come
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for (ow, ows), (nw, nws) in zip(o_tokens[i1:i2], n_tokens[j1:j2]):
                matched += len(nw) + 1
                if ow != nw and "<" in nw:
                    pending.extend(_changed_links(ow, nw))
                if pending and "</a>" in nw:
                    nw = _noted(nw, pending)
                out.append(nw + (nws or ows))
            continue
        if i2 > i1:
            run = "".join(w + ws for w, ws in o_tokens[i1:i2])
            if "<" in run and not _balanced(run):
                return None
            out.append(f"{_OPEN['del']}{_SR['del']}{run}</del>")
            removed += _words_in(run)
        if j2 > j1:
            run = "".join(w + ws for w, ws in n_tokens[j1:j2])
            if "<" in run and not _balanced(run):
                return None
            out.append(f"{_OPEN['ins']}{_SR['ins']}{run}</ins>")
            added += _words_in(run)
    return "".join(out), added, removed, matched, [_link_note(start) for start in pending]


def _noted(word: str, pending: list[str]) -> str:
    """A word with the note of each changed link that it closes put after the link."""
    parts = word.split("</a>")
    out = [parts[0]]
    for part in parts[1:]:
        out.append("</a>" + (_link_note(pending.pop(0)) if pending else "") + part)
    return "".join(out)


def _words_in(html: str) -> int:
    return len((_TAGS.sub("", html) if "<" in html else html).split())


def _text_length(html: str) -> int:
    if "<" in html:
        html = _TAGS.sub("", html)
    if "&" in html:
        html = htmlmod.unescape(html)
    return len(" ".join(html.split()))


def _matches_by_runs(a: list, b2j: dict, la: int, lb: int) -> list[tuple[int, int, int]]:
    """The matching runs difflib's search finds, unsorted, from the diagonal runs of equal elements.

    difflib rescans every element of each sub-range for the longest run, which costs the range's
    size at each level of a lopsided recursion (a long document with edits spread through it).
    Here the maximal diagonal runs are listed once; the longest run within a range is the longest
    clipped run (on a tie the one starting earliest in ``a``, then in ``b``: the one difflib's
    scan reaches first), and only the runs that reach into a sub-range are looked at again there.
    """
    runs: list[list[int]] = []  # [start in a, start in b, length], by start in a then in b
    ending: dict[int, list[int]] = {}  # j → the run whose last pair is (i - 1, j)
    for i, x in enumerate(a):
        indices = b2j.get(x)
        if indices is None:
            ending = {}
            continue
        following: dict[int, list[int]] = {}
        for j in indices:
            run = ending.get(j - 1)
            if run is None:
                run = [i, j, 1]
                runs.append(run)
            else:
                run[2] += 1
            following[j] = run
        ending = following
    matches: list[tuple[int, int, int]] = []
    queue = [(0, la, 0, lb, runs)]
    while queue:
        alo, ahi, blo, bhi, candidates = queue.pop()
        inside = []
        besti = bestj = bestsize = 0
        for si, sj, length in candidates:
            # the run clipped to the range
            lo = alo - si
            if blo - sj > lo:
                lo = blo - sj
            if lo < 0:
                lo = 0
            hi = ahi - si
            if bhi - sj < hi:
                hi = bhi - sj
            if length < hi:
                hi = length
            size = hi - lo
            if size <= 0:
                continue
            ci, cj = si + lo, sj + lo
            inside.append((ci, cj, size))
            if size > bestsize or (size == bestsize and (ci < besti or (ci == besti and cj < bestj))):
                besti, bestj, bestsize = ci, cj, size
        if bestsize:
            matches.append((besti, bestj, bestsize))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj, inside))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi, inside))
    return matches


def _matches_by_search(a: list, b: list, b2j: dict, la: int, lb: int) -> list[tuple[int, int, int]]:
    """difflib's get_matching_blocks search, unsorted (for inputs with many repeated elements)."""
    matches: list[tuple[int, int, int]] = []
    queue = [(0, la, 0, lb)]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        # difflib's find_longest_match: j2len[j] is the length of the match ending at a[i-1], b[j]
        besti, bestj, bestsize = alo, blo, 0
        j2len: dict[int, int] = {}
        for i in range(alo, ahi):
            j2lenget = j2len.get
            newj2len: dict[int, int] = {}
            for j in b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2lenget(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
        # (difflib extends the run over equal neighbours here; without junk there are none, but
        # the loops are kept so that the result is difflib's by construction)
        while besti > alo and bestj > blo and a[besti - 1] == b[bestj - 1]:
            besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
        while besti + bestsize < ahi and bestj + bestsize < bhi and a[besti + bestsize] == b[bestj + bestsize]:
            bestsize += 1
        if bestsize:
            matches.append((besti, bestj, bestsize))
            if alo < besti and blo < bestj:
                queue.append((alo, besti, blo, bestj))
            if besti + bestsize < ahi and bestj + bestsize < bhi:
                queue.append((besti + bestsize, ahi, bestj + bestsize, bhi))
    return matches


def _plain_opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """``difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``, computed faster.

    For word comparisons and block alignments without junk. difflib's junk and popularity
    bookkeeping, its Match objects and its per-call setup are dropped, and the matching runs are
    found as difflib finds them: the longest run of equal elements (the earliest in ``a``, then in
    ``b``, on a tie), then recursively the same left and right of it. So the opcodes are identical.
    """
    la, lb = len(a), len(b)
    b2j: dict = {}
    for j, x in enumerate(b):
        indices = b2j.get(x)
        if indices is None:
            b2j[x] = [j]
        else:
            indices.append(j)
    pairs = 0
    for x in a:
        indices = b2j.get(x)
        if indices is not None:
            pairs += len(indices)
    # Listing the runs pays where elements are nearly unique (blocks of a long document); with many
    # repeated elements the many short runs are carried down the recursion, and difflib's scan is cheaper.
    if pairs <= la + lb:
        matches = _matches_by_runs(a, b2j, la, lb)
    else:
        matches = _matches_by_search(a, b, b2j, la, lb)
    matches.sort()
    # adjacent runs merged, then the opcodes between them (difflib's get_matching_blocks, get_opcodes)
    merged: list[tuple[int, int, int]] = []
    i1 = j1 = k1 = 0
    for i2, j2, k2 in matches:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                merged.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        merged.append((i1, j1, k1))
    merged.append((la, lb, 0))
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for ai, bj, size in merged:
        if i < ai and j < bj:
            ops.append(("replace", i, ai, j, bj))
        elif i < ai:
            ops.append(("delete", i, ai, j, bj))
        elif j < bj:
            ops.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            ops.append(("equal", ai, i, bj, j))
    return ops


#: Word runs with more token pairs than this are not compared by difflib's search (its cost grows with
#: the product): they are cut at anchors first (see :func:`_word_opcodes`).
WORD_PAIR_LIMIT = 1_000_000
#: Lengths of the runs of tokens tried as anchors, shortest first.
ANCHOR_RUNS = (1, 8)
#: How many times a stretch between anchors is cut again before it is lined up greedily.
ANCHOR_DEPTH = 8
#: Runs of several tokens are tried as anchors only where their first token's number is a multiple of this.
ANCHOR_SAMPLE = 8


def _word_opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """Opcodes of two token sequences: difflib's when they are small enough; otherwise, in bounded time,
    the tokens both sides share at the ends, then anchors (a token or a run of tokens found exactly
    once on each side, taken in an order both sides agree on), and between anchors the same again;
    a stretch without anchors is lined up greedily. So a long block with a few edits is redlined
    word by word, however long it is."""
    if len(a) * len(b) <= WORD_PAIR_LIMIT:
        return _plain_opcodes(a, b)
    ids: dict = {}
    ia = [ids.setdefault(x, len(ids)) for x in a]
    ib = [ids.setdefault(x, len(ids)) for x in b]
    ops: list[list] = []
    _anchored(ia, ib, 0, len(ia), 0, len(ib), ops, 0)
    return [tuple(op) for op in ops]  # type: ignore[misc]


def _emit_op(ops: list[list], tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
    if i1 == i2 and j1 == j2:
        return
    if ops and ops[-1][0] == tag:
        ops[-1][2], ops[-1][4] = i2, j2
    elif ops and tag != "equal" and ops[-1][0] != "equal":
        ops[-1][0] = "replace"
        ops[-1][2], ops[-1][4] = i2, j2
    else:
        ops.append([tag, i1, i2, j1, j2])


def _anchored(a: list[int], b: list[int], i1: int, i2: int, j1: int, j2: int, ops: list[list], depth: int) -> None:
    head = i1
    while i1 < i2 and j1 < j2 and a[i1] == b[j1]:
        i1 += 1
        j1 += 1
    _emit_op(ops, "equal", head, i1, j1 - (i1 - head), j1)
    tail = 0
    while i1 < i2 - tail and j1 < j2 - tail and a[i2 - 1 - tail] == b[j2 - 1 - tail]:
        tail += 1
    i2, j2 = i2 - tail, j2 - tail
    if i1 == i2 or j1 == j2:
        _emit_op(ops, "delete" if i1 < i2 else "insert", i1, i2, j1, j2)
    elif (i2 - i1) * (j2 - j1) <= WORD_PAIR_LIMIT:
        for tag, x1, x2, y1, y2 in _plain_opcodes(a[i1:i2], b[j1:j2]):
            _emit_op(ops, tag, x1 + i1, x2 + i1, y1 + j1, y2 + j1)
    else:
        anchors = _anchors(a, b, i1, i2, j1, j2) if depth < ANCHOR_DEPTH else []
        if anchors:
            ci, cj = i1, j1
            for ai, bj, k in anchors:
                _anchored(a, b, ci, ai, cj, bj, ops, depth + 1)
                _emit_op(ops, "equal", ai, ai + k, bj, bj + k)
                ci, cj = ai + k, bj + k
            _anchored(a, b, ci, i2, cj, j2, ops, depth + 1)
        else:
            for tag, x1, x2, y1, y2 in _resync(a, b, i1, i2, j1, j2):
                _emit_op(ops, tag, x1, x2, y1, y2)
    _emit_op(ops, "equal", i2, i2 + tail, j2, j2 + tail)


def _anchors(a: list[int], b: list[int], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int, int]]:
    """(start in a, start in b, length) of runs found once on each side, in an order both agree on.

    Single tokens first; failing those, runs of ANCHOR_RUNS[-1] tokens, of which only those starting
    with a token whose number is a multiple of ANCHOR_SAMPLE are looked at (the same ones on both
    sides, since the choice depends on the text alone), which keeps the work small.
    """
    for k in ANCHOR_RUNS:
        if i2 - i1 < k or j2 - j1 < k:
            break
        if k == 1:
            starts_a, grams_a = range(i1, i2), a[i1:i2]
            starts_b, grams_b = range(j1, j2), b[j1:j2]
        else:
            starts_a = [i for i in range(i1, i2 - k + 1) if a[i] % ANCHOR_SAMPLE == 0]
            starts_b = [j for j in range(j1, j2 - k + 1) if b[j] % ANCHOR_SAMPLE == 0]
            grams_a = [tuple(a[i:i + k]) for i in starts_a]
            grams_b = [tuple(b[j:j + k]) for j in starts_b]
        count_a = Counter(grams_a)
        count_b = Counter(grams_b)
        at_a = {g: i for i, g in zip(starts_a, grams_a) if count_a[g] == 1}
        pairs = sorted((at_a[g], j) for j, g in zip(starts_b, grams_b) if count_b[g] == 1 and g in at_a)
        anchors: list[tuple[int, int, int]] = []
        for pa, pb in _increasing(pairs):
            if anchors and (pa < anchors[-1][0] + k or pb < anchors[-1][1] + k):
                continue  # overlaps the previous anchor
            anchors.append((pa, pb, k))
        if anchors:
            return anchors
    return []


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both (pairs sorted by the first); ties: the earliest."""
    tails: list[int] = []  # tails[k]: second value ending the best chain of length k + 1
    tail_at: list[int] = []
    back: list[int] = []
    for idx, (_, pb) in enumerate(pairs):
        k = bisect.bisect_left(tails, pb)
        if k == len(tails):
            tails.append(pb)
            tail_at.append(idx)
        else:
            tails[k] = pb
            tail_at[k] = idx
        back.append(tail_at[k - 1] if k else -1)
    chain: list[tuple[int, int]] = []
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        chain.append(pairs[idx])
        idx = back[idx]
    return chain[::-1]


def _word_ops(o_tokens: list[_Tok], n_tokens: list[_Tok], *, at_end: bool) -> list[tuple[str, int, int, int, int]]:
    okeys, nkeys = _keys(o_tokens, at_end), _keys(n_tokens, at_end)
    if not okeys or not nkeys:
        return [("replace", 0, len(okeys), 0, len(nkeys))] if okeys or nkeys else []
    ops = _word_opcodes(okeys, nkeys)
    return _merge_small_equal(ops, [len(t.word) for t in o_tokens], [len(t.word) for t in n_tokens])


def _merge_small_equal(ops: list, o_lens: list[int], n_lens: list[int]) -> list:
    """Fold a short unchanged run between two larger changes into one change (less word confetti)."""
    merged: list = []
    for op in ops:
        if op[0] != "equal" and merged and merged[-1][0] != "equal":
            prev = merged.pop()
            op = ("replace", prev[1], op[2], prev[3], op[4])
        merged.append(op)

    def chars(op: tuple) -> int:
        return max(sum(o_lens[op[1]:op[2]]), sum(n_lens[op[3]:op[4]]))

    k = 1
    while k < len(merged) - 1:
        op = merged[k]
        before, after = merged[k - 1], merged[k + 1]
        if op[0] == "equal" and before[0] != "equal" and after[0] != "equal" and op[2] - op[1] <= 3:
            if chars(op) <= min(chars(before), chars(after)):
                merged[k - 1:k + 2] = [("replace", before[1], after[2], before[3], after[4])]
                k = max(1, k - 1)
                continue
        k += 1
    return merged


def _word_count(tokens: Iterable[_Tok]) -> int:
    return sum(len(t.text.split()) for t in tokens)


def _structural_ids(tokens: list[_Tok]) -> list[tuple[int, str, str]]:
    """Structural elements (cells, paragraphs) in order of appearance, as (id, name, start tag)."""
    seen: dict[int, tuple[int, str, str]] = {}
    for t in tokens:
        for entry in _structure(t.stack):
            if entry[0] not in seen:
                seen[entry[0]] = entry
    return list(seen.values())


_LAYOUT = frozenset(("tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "colgroup", "select"))


def _ws_mark(stack: tuple, root: str, mark: str) -> str | None:
    """Mark for whitespace standing alone: none where it is layout between rows, cells or items."""
    structure = _structure(stack)
    context = structure[-1][1] if structure else root
    return None if context in _LAYOUT else mark


def _render_ops(o_tokens: list[_Tok], n_tokens: list[_Tok], ops: list, base: list, end_stack: list,
                root: str = "") -> tuple[str, int, int, list[str]]:
    """Emit segments for diff ops as balanced HTML, starting and ending at the given element stacks.

    Returns the HTML, the words inserted and deleted, and the notes of changed links that are
    still open at the end (they go after the link's end tag in the block's unchanged tail)."""
    # Old elements map onto new ones through the words both sides share, then structure by position
    # (the second cell of a row onto the second cell), so that a deletion stays in its cell.
    # An old element mapped onto a new one opens as the new one (a link with its new target), and a
    # link whose words stayed while its target changed gets a note after it.
    id_map: dict[int, int] = {}
    starts: dict[int, str] = {}
    notes: dict[int, str] = {}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for a, b in zip(range(i1, i2), range(j1, j2)):
                for eo, en in zip(o_tokens[a].stack, n_tokens[b].stack):
                    if eo[0] != en[0]:
                        id_map.setdefault(eo[0], en[0])
                        starts[en[0]] = en[2]
                        if eo[1] == "a" and en[0] not in notes and eo[2] != en[2] and _href(eo[2]) != _href(en[2]):
                            notes[en[0]] = _link_note(eo[2])
    targets = set(id_map.values())
    for (oid, oname, _), (nid, nname, nstart) in zip(_structural_ids(o_tokens), _structural_ids(n_tokens)):
        if oname == nname and oid not in id_map and nid not in targets:
            id_map[oid] = nid
            starts[nid] = nstart
            targets.add(nid)

    def old_stack(stack: tuple) -> tuple:
        if not id_map:
            return stack
        mapped = []
        for e in stack:
            nid = id_map.get(e[0], e[0])
            mapped.append((nid, e[1], starts.get(nid, e[2])))
        return tuple(mapped)

    segments: list[tuple[tuple, str | None, str]] = []
    added = removed = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for a, b in zip(range(i1, i2), range(j1, j2)):
                t = n_tokens[b]
                if t.word:
                    segments.append((t.stack, None, t.word))
                ws = t.ws or o_tokens[a].ws
                if ws:
                    segments.append((t.ws_stack if t.ws else t.stack, None, ws))
            continue
        # within one change, deletions then insertions per structural element (cell by cell)
        groups: dict[tuple, list[tuple[tuple, str | None, str]]] = {}
        for a in range(i1, i2):
            t = o_tokens[a]
            stack = old_stack(t.stack)
            group = groups.setdefault(tuple(e[0] for e in _structure(stack)), [])
            if t.word:
                group.append((stack, "del", t.word))
            if t.ws:
                group.append((old_stack(t.ws_stack), "del" if t.word else _ws_mark(t.ws_stack, root, "del"), t.ws))
        for b in range(j1, j2):
            t = n_tokens[b]
            group = groups.setdefault(tuple(e[0] for e in _structure(t.stack)), [])
            if t.word:
                group.append((t.stack, "ins", t.word))
            if t.ws:
                group.append((t.ws_stack, "ins" if t.word else _ws_mark(t.ws_stack, root, "ins"), t.ws))
        for group in groups.values():
            segments.extend(group)
        removed += _word_count(o_tokens[i1:i2])
        added += _word_count(n_tokens[j1:j2])
    trailing: list[str] = []
    return _emit(segments, tuple(base), tuple(end_stack), notes, trailing), added, removed, trailing


def _emit(segments: list[tuple[tuple, str | None, str]], base: tuple, end: tuple, notes: dict[int, str] | None = None,
          trailing: list[str] | None = None) -> str:
    """Balanced HTML for (element stack, mark, text) segments: marks sit inside block structure and
    outside inline elements, which close and reopen around them. ``notes`` (element id → HTML)
    stand after the last end tag of their element; those of elements still open at the end go to
    ``trailing``, in order."""
    out: list[str] = []
    open_: list[tuple] = list(base)  # entries (id, name, start) or ("mark", kind, "")
    closed_at: dict[int, int] = {}

    def target_of(stack: tuple, mark: str | None) -> list[tuple]:
        if mark is None:
            return list(stack)
        k = len(stack)
        while k and stack[k - 1][1] in _INLINE:
            k -= 1
        return list(stack[:k]) + [("mark", mark, "")] + list(stack[k:])

    def move_to(target: list[tuple]) -> None:
        k = 0
        limit = min(len(open_), len(target))
        while k < limit and open_[k][0] == target[k][0] and open_[k][1] == target[k][1]:
            k += 1
        for entry in reversed(open_[k:]):
            out.append(f"</{entry[1]}>")
            if notes and entry[0] in notes:
                closed_at[entry[0]] = len(out)
        del open_[k:]
        for entry in target[k:]:
            if entry[0] == "mark":
                out.append(_OPEN[entry[1]] + _SR[entry[1]])
            else:
                out.append(entry[2])
            open_.append(entry)

    for stack, mark, text in segments:
        move_to(target_of(stack, mark))
        out.append(text)
    move_to(list(end))
    if notes:
        still_open = [e[0] for e in end if e[0] in notes]
        for at, ident in sorted(((at, ident) for ident, at in closed_at.items() if ident not in still_open), reverse=True):
            out.insert(at, notes[ident])
        if trailing is not None:
            trailing.extend(notes[ident] for ident in still_open)
    return "".join(out)


def _has_structure(inner: str) -> bool:
    for m in _TAG_ONLY.finditer(inner):
        name = m.group(2)
        if name is not None and name.lower() not in _INLINE and name.lower() not in _VOID and name.lower() not in _ATOMIC:
            return True
    return False


def _redline_whole(block: Block, mark: str) -> tuple[str, int]:
    """A whole block struck out (``del``) or inserted (``ins``), with its word count."""
    html = _strip_ids(block.html) if mark == "del" else block.html
    start, inner, end = _split_root(html)
    words = len(block.text.split())
    if not inner.strip():
        return html, words
    if "<" not in inner or not _has_structure(inner):
        return f"{start}{_OPEN[mark]}{_SR[mark]}{inner}</{mark}>{end}", words
    tokens, end_stack = _tokenize(inner, [], [0])
    segments = []
    for t in tokens:
        if t.word:
            segments.append((t.stack, mark, t.word))
        if t.ws:
            segments.append((t.ws_stack, mark if t.word else None, t.ws))
    return start + _emit(segments, (), tuple(end_stack)) + end, words


# --- renderers -----------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return htmlmod.escape(text, quote=True)


def _section_label(section: Sequence[str]) -> str:
    return " › ".join(section) if section else "the beginning"


def _moved_from(old: Block | None) -> str:
    """Where a moved block came from, for a reader: its old section (a moved heading: its parent)."""
    if old is None:
        return "elsewhere"
    section = old.section[:-1] if old.kind == "heading" else old.section
    return _section_label(section) if section else "the beginning of the document"


def _add_attrs(start: str, classes: str, attrs: str) -> str:
    """Add classes and attributes to a start tag, merging an existing class attribute."""
    m = re.match(r"""(<[a-zA-Z][\w:-]*)(.*?)(\s*/?>)$""", start, re.S)
    if m is None:
        return start
    head, rest, close = m.groups()
    cm = re.search(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", rest)
    if cm:
        existing = cm.group(1) if cm.group(1) is not None else cm.group(2)
        rest = rest[: cm.start()] + f' class="{_esc(existing)} {classes}"' + rest[cm.end():]
    else:
        rest = f' class="{classes}"' + rest
    return f"{head}{rest}{attrs}{close}"


_SELF_ANNOTATED = frozenset(("li", "dt", "dd", "tr", "summary"))


def _wrap(html: str, block: Block, classes: str, attrs: str, note: str = "") -> str:
    """Mark a changed block: on its own element inside lists and tables, else in a ``div``."""
    tag = block.tag
    if tag in _SELF_ANNOTATED:
        start_end = html.find(">") + 1
        start = _add_attrs(html[:start_end], classes, attrs)
        body = html[start_end:]
        if note:
            if tag == "tr":
                m = re.search(r"<t[dh]\b[^>]*>", body)
                if m:
                    body = body[: m.end()] + note + body[m.end():]
            else:
                body = note + body
        return start + body
    return f'<div class="{classes}"{attrs}>{note}{html}</div>'


def _change_html(change: Change, note: str = "") -> str:
    block = change.new if change.new is not None else change.old
    assert block is not None
    attrs = f' data-kind="{change.kind}"'
    if change.move is not None:
        attrs += f' data-move="{change.move}"'
    return _wrap(change.redline, block, f"redline-change redline-{change.kind}", attrs, note)


def _moved_note(change: Change, first: bool) -> str:
    if not first:
        return ""
    where = _esc(_moved_from(change.old))
    return f'<span class="redline-note">Moved from <a href="#redline-moved-from-{change.move}">{where}</a>. </span>'


def _moved_away_html(entry: Aligned) -> str:
    old = entry.old
    assert old is not None and entry.moved_away is not None
    to = _esc(_section_label(entry.new.section[:-1] if entry.new is not None and entry.new.kind == "heading" else (entry.new.section if entry.new else ())))
    note = f'<span class="redline-note">Moved to <a href="#redline-moved-to-{entry.moved_away}">{to}</a>.</span>'
    attrs = f' id="redline-moved-from-{entry.moved_away}" data-move="{entry.moved_away}"'
    tag = old.tag
    if tag in ("li", "dt", "dd"):
        return f'<{tag} class="redline-moved-away"{attrs}>{note}</{tag}>'
    if tag == "tr":
        cells = max(1, len(re.findall(r"<t[dh]\b", old.html)))
        return f'<tr class="redline-moved-away"{attrs}><td colspan="{cells}">{note}</td></tr>'
    return f'<div class="redline-moved-away"{attrs}>{note}</div>'


def _entry_html(entry: Aligned, first_of_move: set[int]) -> str:
    if entry.moved_away is not None:
        return _moved_away_html(entry)
    change = entry.change
    if change is None:
        assert entry.new is not None
        return entry.new.html
    note = ""
    html = None
    if change.kind == "moved":
        first = change.move not in first_of_move
        if first and change.move is not None:
            first_of_move.add(change.move)
        note = _moved_note(change, first)
        html = _change_html(change, note)
        if first:
            # the target of the "Moved to" link sits on the first moved block
            html = _add_id(html, f"redline-moved-to-{change.move}")
        return html
    return _change_html(change)


def _add_id(html: str, ident: str) -> str:
    end = html.find(">")
    if end < 0:
        return html
    start = html[:end]
    if start.endswith("/"):
        start = start[:-1]
    return f'{start} id="{ident}"{html[end:]}' if " id=" not in start else html


def _alignment(diff: Diff) -> tuple[Aligned, ...]:
    if diff.alignment:
        return diff.alignment
    # a Diff made by hand: its changes alone, in order
    return tuple(
        Aligned(c.old, c.new, c, (c.new or c.old).container if (c.new or c.old) else (), -1) for c in diff.changes
    )


def _assemble(entries: Sequence[tuple[Aligned, str]]) -> str:
    """Join entry HTML back into lists and tables, nesting sub-lists inside their parent items."""
    out: list[str] = []
    open_: list[tuple[int, str]] = []  # (id, name)
    parents = {cid for entry, _ in entries for cid, _ in entry.container}
    for entry, html in entries:
        path = entry.container
        k = 0
        while k < len(open_) and k < len(path) and open_[k][0] == path[k][0]:
            k += 1
        for _, name in reversed(open_[k:]):
            out.append(f"</{name}>")
        del open_[k:]
        for cid, start in path[k:]:
            out.append(start)
            open_.append((cid, _tag_name(start)))
        name = _tag_name(html) if html.startswith("<") else ""
        if entry.node != -1 and entry.node in parents and name in ("li", "dt", "dd") and html.endswith(f"</{name}>"):
            out.append(html[: -len(f"</{name}>")])
            open_.append((entry.node, name))
        else:
            out.append(html)
        out.append("\n")
    for _, name in reversed(open_):
        out.append(f"</{name}>")
    return "".join(out).rstrip("\n")


def render_redline(diff: Diff, *, context: bool = True) -> str:
    """The inline redline: an HTML fragment of the new document with the changes marked.

    With ``context`` every unchanged block is shown too; without, only changed blocks and the
    headings of their sections. Each changed block carries ``class="redline-change redline-<kind>"``
    and ``data-kind``; formatting-only changes carry ``redline-formatting`` so that a page may hide
    them; moved blocks say where they came from, and the place they left says where they went;
    removed blocks stand where they were.
    """
    entries = _alignment(diff)
    first_of_move: set[int] = set()
    chosen: list[tuple[Aligned, str]] = []
    if context:
        for entry in entries:
            chosen.append((entry, _entry_html(entry, first_of_move)))
        return _assemble(chosen)
    shown: set[int] = set()
    chain: list[tuple[int, Aligned]] = []  # open headings (level, entry) of the new document
    for entry in entries:
        new = entry.new
        is_heading_entry = new is not None and new.kind == "heading" and entry.moved_away is None
        if is_heading_entry:
            while chain and chain[-1][0] >= new.level:
                chain.pop()
        if entry.change is None and entry.moved_away is None:
            if is_heading_entry:
                chain.append((new.level, entry))
            continue
        for _, heading in chain:
            if id(heading) not in shown:
                shown.add(id(heading))
                chosen.append((heading, _entry_html(heading, first_of_move)))
        chosen.append((entry, _entry_html(entry, first_of_move)))
        if is_heading_entry and entry.change is not None and entry.change.kind != "removed":
            chain.append((new.level, entry))
            shown.add(id(entry))
    return _assemble(chosen)


def _one_sided(change: Change, side: str) -> str:
    """One side of a modified block for side-by-side view: deletions only, or insertions only."""
    return _drop_runs(change.redline, "ins" if side == "old" else "del")


def _drop_runs(html: str, mark: str) -> str:
    """The HTML without the redline's runs of one mark (a version's own ``<del>``/``<ins>`` inside stay)."""
    opening = _OPEN[mark]
    if opening not in html:
        return html
    tags = re.compile(rf"<(/?){mark}\b[^>]*>")
    out: list[str] = []
    pos = 0
    while True:
        k = html.find(opening, pos)
        if k < 0:
            break
        out.append(html[pos:k])
        depth = 0
        end = len(html)
        for m in tags.finditer(html, k):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                end = m.end()
                break
        pos = end
    out.append(html[pos:])
    return "".join(out)


def _cell(block: Block | None, html: str) -> str:
    """Block HTML made valid inside a table cell (list items and rows get their container back)."""
    if block is None:
        return ""
    tag = block.tag
    if tag == "li":
        outer = _tag_name(block.container[-1][1]) if block.container else "ul"
        return f"<{outer}>{html}</{outer}>"
    if tag in ("dt", "dd"):
        return f"<dl>{html}</dl>"
    if tag == "tr":
        return f'<table class="redline-row">{html}</table>'
    return html


def render_side_by_side(diff: Diff, *, old_label: str = "Previous version", new_label: str = "This version",
                        caption: str = "Changes between the two versions, block by block") -> str:
    """A two-column table, one row per aligned block pair: the old version left, the new right.

    It carries no ids (the inline redline on the same page keeps the anchors); deletions show on
    the left, insertions on the right.
    """
    rows = []
    first_of_move: set[int] = set()
    for entry in _alignment(diff):
        change = entry.change
        if entry.moved_away is not None:
            note = _moved_away_html(entry)
            old_html = _cell(entry.old, note) if entry.old is not None and entry.old.tag in ("li", "dt", "dd", "tr") else note
            rows.append(f'<tr class="redline-row-moved-away" data-move="{entry.moved_away}"><td>{_strip_ids(old_html)}</td><td></td></tr>')
            continue
        if change is None:
            assert entry.new is not None
            old_html = _cell(entry.old, entry.old.html) if entry.old is not None else ""
            rows.append(f'<tr class="redline-row-same"><td>{_strip_ids(old_html)}</td><td>{_strip_ids(_cell(entry.new, entry.new.html))}</td></tr>')
            continue
        kind = change.kind
        if kind == "removed":
            left, right = _cell(change.old, change.redline), ""
        elif kind == "added":
            left, right = "", _cell(change.new, change.redline)
        elif kind == "formatting" and _OPEN["del"] not in change.redline:
            left = _cell(change.old, change.old.html) if change.old else ""
            right = _cell(change.new, change.new.html) if change.new else ""
        else:
            left = _cell(change.old, _one_sided(change, "old"))
            right = _cell(change.new, _one_sided(change, "new"))
            if kind == "moved":
                first = change.move not in first_of_move
                if change.move is not None:
                    first_of_move.add(change.move)
                if first:
                    right = _moved_note(change, True) + right
        move = f' data-move="{change.move}"' if change.move is not None else ""
        rows.append(
            f'<tr class="redline-change redline-{kind}" data-kind="{kind}"{move}>'
            f"<td>{_strip_ids(left)}</td><td>{_strip_ids(right)}</td></tr>"
        )
    return (
        f'<table class="redline-sbs">\n<caption>{_esc(caption)}</caption>\n'
        f'<thead><tr><th scope="col">{_esc(old_label)}</th><th scope="col">{_esc(new_label)}</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def _stats_dict(stats: Stats) -> dict:
    return {
        "words_added": stats.words_added,
        "words_removed": stats.words_removed,
        "added": stats.added,
        "removed": stats.removed,
        "modified": stats.modified,
        "moved": stats.moved,
        "formatting": stats.formatting,
        "sections_touched": list(stats.sections_touched),
    }


#: Version of the JSON document :func:`to_json` returns; it changes only when a key changes meaning.
JSON_SCHEMA = 1


def to_json(diff: Diff, *, statement: str, from_: str, to: str) -> dict:
    """A JSON-ready dict: statement, from, to, stats and every change (kind, section, texts, redline).

    Each change also has ``anchor`` (the heading id it stands under), ``move`` (the number shared by
    blocks moved together, else null) and, for a move, ``moved_from`` (its old section path).
    """
    return {
        "schema": JSON_SCHEMA,
        "statement": statement,
        "from": from_,
        "to": to,
        "stats": _stats_dict(diff.stats),
        "changes": [
            {
                "kind": c.kind,
                "section": list(c.section),
                "old": c.old.text if c.old is not None else None,
                "new": c.new.text if c.new is not None else None,
                "redline": c.redline,
                "anchor": c.anchor,
                "move": c.move,
                "moved_from": list(c.old.section) if c.kind == "moved" and c.old is not None else None,
            }
            for c in diff.changes
        ],
    }


_MARK_TAG = re.compile(r"<(/?)(del|ins)\b([^>]*)>")
_SR_SPAN = re.compile(r'<span class="redline-sr">[^<]*</span>')
_TAGS = re.compile(r"<[^>]*>")


def _plain_runs(redline: str) -> list[tuple[str | None, str]]:
    """(mark, plain text) pieces of a redline, in order; a version's own ``<del>``/``<ins>`` are its text."""
    html = _SR_SPAN.sub("", redline)
    pieces: list[tuple[str | None, str]] = []
    stack: list[tuple[str, str | None]] = []  # (element name, the redline mark it carries or None)
    pos = 0

    def add(part: str) -> None:
        mark = next((m for _, m in reversed(stack) if m is not None), None)
        if pieces and pieces[-1][0] == mark:
            pieces[-1] = (mark, pieces[-1][1] + part)
        else:
            pieces.append((mark, part))

    for m in _MARK_TAG.finditer(html):
        if m.start() > pos:
            add(html[pos:m.start()])
        pos = m.end()
        name = m.group(2)
        if m.group(1):
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == name:
                    del stack[k:]
                    break
        else:
            stack.append((name, name if m.group(0) == _OPEN[name] else None))
    if pos < len(html):
        add(html[pos:])
    out = []
    for mark, part in pieces:
        text = htmlmod.unescape(_TAGS.sub("", part))
        text = re.sub(r"\s+", " ", text)
        if text:
            out.append((mark, text))
    return out


def _marked(runs: list[tuple[str | None, str]], mark_of: dict[str, tuple[str, str]]) -> str:
    """Join plain runs, wrapping marked ones; whitespace at a run's edges stays outside the marks."""
    parts = []
    for mark, text in runs:
        if mark is None:
            parts.append(text)
            continue
        core = text.strip()
        if not core:
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        opening, closing = mark_of[mark]
        parts.append(f"{lead}{opening}{core}{closing}{trail}")
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _ruled_text(redline: str, color: bool) -> str:
    marks = {"del": ("\x1b[31m", "\x1b[0m"), "ins": ("\x1b[32m", "\x1b[0m")} if color else {"del": ("[-", "-]"), "ins": ("{+", "+}")}
    return _marked(_plain_runs(redline), marks)


def _stats_line(stats: Stats) -> str:
    kinds = [f"{n} {k}" for k, n in (("modified", stats.modified), ("added", stats.added), ("removed", stats.removed),
                                       ("moved", stats.moved), ("formatting", stats.formatting)) if n]
    line = ", ".join(kinds) if kinds else "no changes"
    return f"{line}; +{stats.words_added} / -{stats.words_removed} words"


def render_text(diff: Diff, *, color: bool) -> str:
    """Terminal output: a stats line, then per section a header line and its changes.

    Removed words read ``[-like this-]`` and added ones ``{+like this+}``; with ``color`` they are
    red and green instead. Formatting-only changes are counted, not shown.
    """
    lines = [_stats_line(diff.stats)]
    current: tuple[str, ...] | None = None
    for change in diff.content_changes:
        if change.section != current:
            current = change.section
            header = f"§ {_section_label(change.section)}"
            lines.append("")
            lines.append(f"\x1b[1m{header}\x1b[0m" if color else header)
        label = change.kind
        if change.kind == "moved":
            label = f"moved from {_moved_from(change.old)}"
        lines.append(f"  {label}: {_ruled_text(change.redline, color)}")
    return "\n".join(lines) + "\n"


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>&~]")


def _md_text(text: str) -> str:
    """Plain text made inert in GitHub Markdown (HTML-escaped, Markdown punctuation as entities)."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)


def render_markdown(diff: Diff, *, title: str | None = None) -> str:
    """Markdown for a pull-request comment: a stats line first, then changes grouped by section.

    Deleted and inserted words are ``<del>``/``<ins>``, which GitHub renders; statement text is
    escaped so that it cannot become markup.
    """
    lines: list[str] = []
    if title:
        lines += [f"### {_md_text(title)}", ""]
    stats = diff.stats
    summary = f"**{_stats_line(stats)}**"
    if stats.sections_touched:
        summary += " · sections: " + ", ".join(_md_text(s) for s in stats.sections_touched)
    lines += [summary, ""]
    current: tuple[str, ...] | None = None
    for change in diff.content_changes:
        if change.section != current:
            current = change.section
            lines += [f"#### {_md_text(_section_label(change.section))}", ""]
        runs = [(mark, _md_text(text)) for mark, text in _plain_runs(change.redline)]
        label = change.kind
        if change.kind == "moved":
            label = f"moved from {_md_text(_moved_from(change.old))}"
        lines.append(f"- *{label}*: " + _marked(runs, {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}))
    if stats.formatting:
        lines += ["", f"{stats.formatting} formatting-only change{'s' if stats.formatting != 1 else ''} not shown."]
    return "\n".join(lines).rstrip() + "\n"


def render_unified(old_source: str, new_source: str, *, fromfile: str, tofile: str) -> str:
    """A plain unified diff of the Markdown sources (difflib), for reviewers who want the raw text."""
    old_lines = old_source.splitlines(keepends=True)
    new_lines = new_source.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(old_lines, new_lines, fromfile=fromfile, tofile=tofile):
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
