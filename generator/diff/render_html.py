"""The HTML renderers of a :class:`~generator.diff.Diff`: the inline redline (:func:`render_redline`) and
the side-by-side table (:func:`render_side_by_side`), as the changes and compare pages show them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..render import Block
from .markup import _OPEN, _esc, _strip_ids, _tag_name
from .model import Aligned, Change, Diff


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
