"""The verdict and findings as text for people: the terminal (``statement diff``, ``statement check``)
and Markdown (the pull-request report). Each finding shows its clause before and after, the changed
words marked (``[-…-]`` / ``{+…+}`` in text, ``<del>`` / ``<ins>`` in Markdown)."""

from __future__ import annotations

import re
from typing import Callable

from ..escape import markdown_text, no_mentions, terminal_text
from .findings import Classification, Finding

__all__ = ["text_lines", "finding_text_lines", "finding_markdown_lines"]



def _plain(text: str) -> str:
    # escape sequences and control characters never reach a terminal from a statement
    return terminal_text(" ".join(text.split()))


def finding_text_lines(finding: Finding, indent: str = "    ") -> list[str]:
    """The clause before and after a finding, for a terminal."""
    lines = []
    old = finding.marked("old", "[-", "-]", _plain_piece)
    new = finding.marked("new", "{+", "+}", _plain_piece)
    if old is not None:
        lines.append(f"{indent}was: {old}")
    if new is not None:
        lines.append(f"{indent}now: {new}")
    return lines


def _plain_piece(text: str) -> str:
    # keep the spaces at the ends of a piece: they separate it from the marked words
    return terminal_text(re.sub(r"\s+", " ", text))


def text_lines(classification: Classification) -> list[str]:
    """``Verdict: …`` and each finding with its clauses, for a terminal."""
    lines = [f"Verdict: {classification.verdict}"]
    for finding in classification.findings:
        where = f" [{' › '.join(_plain(s) for s in finding.section)}]" if finding.section else ""
        lines.append(f"  - {finding.severity}: {finding.rule}{where}: {_plain(finding.message)}")
        lines.extend(finding_text_lines(finding))
    return lines


def _markdown_piece(text: str) -> str:
    """A piece of a clause for the Markdown report: nothing of it read as Markdown or HTML, no @mention;
    the spaces at its ends kept (they separate it from the marked words)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + no_mentions(markdown_text(text)) + trail


def finding_markdown_lines(finding: Finding, indent: str = "  ", escape: Callable[[str], str] = _markdown_piece) -> list[str]:
    """The clause before and after a finding, as nested Markdown list items for a pull-request comment."""
    lines = []
    old = finding.marked("old", "<del>", "</del>", escape)
    new = finding.marked("new", "<ins>", "</ins>", escape)
    if old is not None:
        lines.append(f"{indent}- was: {old}")
    if new is not None:
        lines.append(f"{indent}- now: {new}")
    return lines
