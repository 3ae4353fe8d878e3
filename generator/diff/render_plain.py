"""The other output formats of a :class:`~generator.diff.Diff`: JSON (:func:`to_json`, the schema of
``statement diff --format json``), terminal text, Markdown, and a unified diff of the sources.
"""

from __future__ import annotations

import difflib
import html as htmlmod
import re

from .. import i18n
from ..patterns import LazyPattern
from ..i18n import N_, N_plural
from .markup import _OPEN, _TAGS
from .model import Diff, Stats
from .render_html import _moved_from, _section_label

#: The terminal and Markdown reports' words, in the reader's language (``statement diff --language``,
#: the pull-request report); English is the message ids, so English output is as it always was.
_COUNTS = (
    ("modified", N_plural("%(num)d modified", "%(num)d modified")),
    ("added", N_plural("%(num)d added", "%(num)d added")),
    ("removed", N_plural("%(num)d removed", "%(num)d removed")),
    ("moved", N_plural("%(num)d moved", "%(num)d moved")),
    ("formatting", N_plural("%(num)d formatting", "%(num)d formatting")),
)
#: A change's kind as its line's label.
_KINDS = {"modified": N_("modified"), "added": N_("added"), "removed": N_("removed"), "formatting": N_("formatting")}


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


_MARK_TAG = LazyPattern(r"<(/?)(del|ins)\b([^>]*)>")


_SR_SPAN = LazyPattern(r'<span class="redline-sr">[^<]*</span>')


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


def _stats_line(stats: Stats, language: str = i18n.DEFAULT) -> str:
    kinds = [
        i18n.ngettext(*forms, getattr(stats, name), language) % {"num": getattr(stats, name)}
        for name, forms in _COUNTS if getattr(stats, name)
    ]
    line = ", ".join(kinds) if kinds else i18n.gettext("no changes", language)
    return i18n.gettext("%(kinds)s; +%(added)d / -%(removed)d words", language) % {
        "kinds": line, "added": stats.words_added, "removed": stats.words_removed,
    }


def _label(change: object, section: str, language: str) -> str:
    kind = getattr(change, "kind")
    if kind == "moved":
        return i18n.gettext("moved from %(section)s", language) % {"section": section}
    return i18n.gettext(_KINDS[kind], language) if kind in _KINDS else kind


def render_text(diff: Diff, *, color: bool, language: str = i18n.DEFAULT) -> str:
    """Terminal output: a stats line, then per section a header line and its changes.

    Removed words read ``[-like this-]`` and added ones ``{+like this+}``; with ``color`` they are
    red and green instead. Formatting-only changes are counted, not shown. The report's own words
    are in ``language``; the statement's are as written.
    """
    lines = [_stats_line(diff.stats, language)]
    current: tuple[str, ...] | None = None
    for change in diff.content_changes:
        if change.section != current:
            current = change.section
            header = f"§ {_section_label(change.section)}"
            lines.append("")
            lines.append(f"\x1b[1m{header}\x1b[0m" if color else header)
        label = _label(change, _moved_from(change.old) if change.kind == "moved" else "", language)
        lines.append(f"  {label}: {_ruled_text(change.redline, color)}")
    return "\n".join(lines) + "\n"


_MD_SPECIAL = LazyPattern(r"[\\`*_{}\[\]()#+\-.!|<>&~]")


def _md_text(text: str) -> str:
    """Plain text made inert in GitHub Markdown (HTML-escaped, Markdown punctuation as entities)."""
    return _MD_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", text)


def render_markdown(diff: Diff, *, title: str | None = None, language: str = i18n.DEFAULT) -> str:
    """Markdown for a pull-request comment: a stats line first, then changes grouped by section.

    Deleted and inserted words are ``<del>``/``<ins>``, which GitHub renders; statement text is
    escaped so that it cannot become markup. The report's own words are in ``language``.
    """
    lines: list[str] = []
    if title:
        lines += [f"### {_md_text(title)}", ""]
    stats = diff.stats
    summary = f"**{_stats_line(stats, language)}**"
    if stats.sections_touched:
        summary += i18n.gettext(" · sections: %(sections)s", language) % {
            "sections": ", ".join(_md_text(s) for s in stats.sections_touched)}
    lines += [summary, ""]
    current: tuple[str, ...] | None = None
    for change in diff.content_changes:
        if change.section != current:
            current = change.section
            lines += [f"#### {_md_text(_section_label(change.section))}", ""]
        runs = [(mark, _md_text(text)) for mark, text in _plain_runs(change.redline)]
        label = _label(change, _md_text(_moved_from(change.old)) if change.kind == "moved" else "", language)
        lines.append(f"- *{label}*: " + _marked(runs, {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}))
    if stats.formatting:
        lines += ["", i18n.ngettext(
            "%(num)d formatting-only change not shown.", "%(num)d formatting-only changes not shown.", stats.formatting, language,
        ) % {"num": stats.formatting}]
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
