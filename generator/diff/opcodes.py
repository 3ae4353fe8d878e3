"""Opcodes between two sequences, as ``difflib.SequenceMatcher.get_opcodes()`` gives them, but fast.

``_plain_opcodes`` is ``SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`` exactly (same
matches, same tie-breaking), found by runs and bisection instead of a scan per element.
``_word_opcodes`` is the same below :data:`WORD_PAIR_LIMIT` word pairs and past it lines the words
up on rare anchors first, so that a very long paragraph stays near-linear.
"""

from __future__ import annotations

import bisect
from collections import Counter


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
