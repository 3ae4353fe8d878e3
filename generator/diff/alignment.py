"""Block alignment: which blocks are unchanged, moved, modified, added or removed; :func:`diff_blocks`
and :func:`diff_markdown`, the engine's entry points.

Blocks are aligned on their normalised key with ``difflib.SequenceMatcher``; unmatched blocks with
the same key anywhere are *moved*; leftover blocks inside one replaced region are paired by word
similarity (*modified*); leftover blocks very similar across regions are moved and edited. Regions
too large to pair stay whole removals and additions, so the cost stays near-linear.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence

from ..collector import paused
from ..render import Block, blocks_from_versions, fold_key
from ..patterns import LazyPattern
from .markup import _common_prefix, _common_suffix, _strip_ids, _tag_name
from .model import Aligned, Change, Diff, Stats
from .opcodes import _plain_opcodes, _resync
from .redline import _redline_pair, _redline_whole
from .tokens import words_of


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


#: SequenceMatcher's cost grows with (old blocks) × (copies of each in new). Past this many steps,
#: keys repeated more than CROWD_COPIES times are matched only by extension (SequenceMatcher junk).
CROWD_STEPS = 2_000_000


CROWD_COPIES = 50


def _crowd(a: list[str], b: list[str]):
    """A junk test for keys so frequent that aligning on them would be quadratic, or None."""
    counts: dict[str, int] = defaultdict(int)
    for key in b:
        counts[key] += 1
    if sum(counts.get(key, 0) for key in a) <= CROWD_STEPS:
        return None
    crowded = {key for key, n in counts.items() if n > CROWD_COPIES}
    return crowded.__contains__


_LINK = LazyPattern(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _links(html: str) -> list[tuple[str, str]]:
    return _LINK.findall(html) if ("href" in html or "src" in html) else []


def _source_form(source: str | None) -> str | None:
    return " ".join(source.split()) if source is not None else None


_NUMBER = LazyPattern(r"\s*(\d+[.)])\s")


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
    return frozenset(words_of(block.key))


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
    # The collector paused: a diff allocates many small acyclic objects (freed by reference
    # counting anyway), and collections triggered by them cost about 15% on large documents.
    with paused():
        old_blocks, new_blocks = blocks_from_versions(old_md, new_md, extensions=extensions, extension_configs=extension_configs)
        return diff_blocks(old_blocks, new_blocks)


