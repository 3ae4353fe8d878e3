"""The word redline inside one modified block: cut to the differing middle, compare words, emit balanced
``<del>``/``<ins>`` runs.

:func:`_redline_pair` first trims the common prefix and suffix of the two HTML strings (at token
boundaries, never inside an atomic element), then diffs the words of the middle only; a middle made
of phrasing content alone takes the fast path of :func:`_inline_words`. :func:`_redline_whole` marks a
whole added or removed block.
"""

from __future__ import annotations

import bisect
import re

from ..render import Block
from ..patterns import LazyPattern
from .markup import (
    _ATOMIC,
    _INLINE,
    _OPEN,
    _SR,
    _TAG_ONLY,
    _VOID,
    _after_links,
    _changed_links,
    _common_prefix,
    _common_suffix,
    _href,
    _link_free,
    _link_note,
    _noted,
    _strip_ids,
    _tag_name,
)
from .opcodes import _merge_small_equal, _word_opcodes
from .tokens import (
    _PHRASE_WORDS,
    _Tok,
    _keys,
    _open_stack,
    _split_root,
    _structural_ids,
    _structure,
    _text_length,
    _tokenize,
    _word_count,
    _words_in,
    has_cjk,
    is_cjk,
    words_of,
)


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


_OPEN_INLINE = LazyPattern(rf"<(?:{_INLINE_NAMES})\b[^>]*>", re.I)


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
    if q == 0 or is_cjk(c):
        return True
    prev = s[q - 1]
    return prev.isspace() or prev == ">" or is_cjk(prev)


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
    if has_cjk(o_mid) or has_cjk(n_mid):
        return None  # words of one character each: the general tokeniser's
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


def _word_ops(o_tokens: list[_Tok], n_tokens: list[_Tok], *, at_end: bool) -> list[tuple[str, int, int, int, int]]:
    okeys, nkeys = _keys(o_tokens, at_end), _keys(n_tokens, at_end)
    if not okeys or not nkeys:
        return [("replace", 0, len(okeys), 0, len(nkeys))] if okeys or nkeys else []
    ops = _word_opcodes(okeys, nkeys)
    return _merge_small_equal(ops, [len(t.word) for t in o_tokens], [len(t.word) for t in n_tokens])


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
        # within one change, deletions then insertions per structural element (cell by cell), in an
        # order that keeps each side's words in their order: a word whose element's group comes
        # before the last group its side wrote a word to opens a new group (an old cell mapped onto
        # a new one after other cells would otherwise pull its words ahead of theirs); whitespace
        # alone is layout and joins its element's group wherever it is
        groups: list[list[tuple[tuple, str | None, str]]] = []
        latest: dict[tuple, int] = {}

        def group_of(stack: tuple, word: str, after: int) -> int:
            key = tuple(e[0] for e in _structure(stack))
            index = latest.get(key)
            if index is None or (word and index < after):
                index = latest[key] = len(groups)
                groups.append([])
            return index

        last = 0
        owner: dict[int, tuple] = {}  # group → the old element its last deleted word came from
        for a in range(i1, i2):
            t = o_tokens[a]
            stack = old_stack(t.stack)
            index = group_of(stack, t.word, last)
            if t.word:
                last = index
                source = tuple(e[0] for e in _structure(t.stack))
                group = groups[index]
                if owner.get(index, source) != source and group and not group[-1][2][-1:].isspace():
                    # words of two old elements (cells) meet in one: keep them apart, as they were
                    group.append((stack, "del", " "))
                owner[index] = source
                group.append((stack, "del", t.word))
            if t.ws:
                groups[index].append((old_stack(t.ws_stack), "del" if t.word else _ws_mark(t.ws_stack, root, "del"), t.ws))
        last = 0
        for b in range(j1, j2):
            t = n_tokens[b]
            index = group_of(t.stack, t.word, last)
            if t.word:
                last = index
                groups[index].append((t.stack, "ins", t.word))
            if t.ws:
                groups[index].append((t.ws_stack, "ins" if t.word else _ws_mark(t.ws_stack, root, "ins"), t.ws))
        for group in groups:
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
    words = len(words_of(block.text))
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
