"""The detector's value objects: a :class:`Finding` per reason, a :class:`Classification` per version pair."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

__all__ = ["VERDICTS", "RANK", "Finding", "Classification", "mark"]

#: Verdicts from least to most severe.
VERDICTS: tuple[str, ...] = ("none", "formatting", "editorial", "substantive", "material")
RANK = {name: rank for rank, name in enumerate(VERDICTS)}

Marks = tuple[tuple[int, int], ...]


def mark(text: str, marks: Marks, opening: str, closing: str, escape: Callable[[str], str] = lambda s: s) -> str:
    """``text`` with each marked span wrapped in ``opening`` … ``closing``; ``escape`` applies to the text only."""
    out, at = [], 0
    for start, end in marks:
        if start < at or end > len(text) or start >= end:
            continue
        out.append(escape(text[at:start]))
        out.append(opening + escape(text[start:end]) + closing)
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


@dataclass(frozen=True)
class Finding:
    """One reason for a verdict: which rule, how severe, where, the clause before and after, and what changed.

    ``old`` and ``new`` are the clause (a sentence or a list item) on each side, trimmed around the
    change but never before it; ``old_marks`` and ``new_marks`` are the character spans of the words
    that changed, within ``old`` and ``new``. ``message`` states the change as a fact ("30 days is
    now 90 days"); ``severity`` is the rule's judgement of it.
    """

    rule: str
    severity: str
    section: tuple[str, ...]
    old: str | None
    new: str | None
    message: str
    old_marks: Marks = ()
    new_marks: Marks = ()

    def marked(self, side: str, opening: str, closing: str, escape: Callable[[str], str] = lambda s: s) -> str | None:
        """The ``old`` or ``new`` excerpt with its changed words wrapped in ``opening`` … ``closing``."""
        text = self.old if side == "old" else self.new
        if text is None:
            return None
        return mark(text, self.old_marks if side == "old" else self.new_marks, opening, closing, escape)

    @property
    def old_html(self) -> str | None:
        """The old excerpt as HTML, changed words in ``<del>``."""
        return self.marked("old", "<del>", "</del>", html.escape)

    @property
    def new_html(self) -> str | None:
        """The new excerpt as HTML, changed words in ``<ins>``."""
        return self.marked("new", "<ins>", "</ins>", html.escape)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output; ``*_marked`` show the changed words as ``[-…-]`` and ``{+…+}``."""
        return {
            "rule": self.rule, "severity": self.severity, "section": list(self.section),
            "old": self.old, "new": self.new, "message": self.message,
            "old_marks": [list(m) for m in self.old_marks], "new_marks": [list(m) for m in self.new_marks],
            "old_marked": self.marked("old", "[-", "-]"), "new_marked": self.marked("new", "{+", "+}"),
        }


@dataclass(frozen=True)
class Classification:
    """A version's verdict against its predecessor, with the findings behind it (most severe first)."""

    verdict: str
    findings: tuple[Finding, ...] = ()

    @property
    def is_material(self) -> bool:
        """True when the verdict is ``material``."""
        return self.verdict == "material"

    def at_least(self, verdict: str) -> bool:
        """True when the verdict is ``verdict`` or more severe."""
        return RANK[self.verdict] >= RANK[verdict]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}
