"""The verdict and findings as text for people: the terminal (``statement diff``, ``statement check``)
and Markdown (the pull-request report). Each finding shows its clause before and after, the changed
words marked (``[-…-]`` / ``{+…+}`` in text, ``<del>`` / ``<ins>`` in Markdown)."""

from __future__ import annotations

import re
from typing import Callable

from ..escape import markdown_text, no_mentions, terminal_text
from ..i18n import DEFAULT, N_, gettext
from .findings import Classification, Finding

__all__ = ["text_lines", "finding_text_lines", "finding_markdown_lines"]

#: The terminal report's own words (the clause before and after a finding, the verdict line).
REPORT_WORDS = (N_("was:"), N_("now:"), N_("Verdict: %(verdict)s"))


def _plain(text: str) -> str:
    # escape sequences and control characters never reach a terminal from a statement
    return terminal_text(" ".join(text.split()))


def finding_text_lines(finding: Finding, indent: str = "    ", language: str = DEFAULT) -> list[str]:
    """The clause before and after a finding, for a terminal (its labels in ``language``)."""
    lines = []
    old = finding.marked("old", "[-", "-]", _plain_piece)
    new = finding.marked("new", "{+", "+}", _plain_piece)
    if old is not None:
        lines.append(f"{indent}{gettext('was:', language)} {old}")
    if new is not None:
        lines.append(f"{indent}{gettext('now:', language)} {new}")
    return lines


def _plain_piece(text: str) -> str:
    # keep the spaces at the ends of a piece: they separate it from the marked words
    return terminal_text(re.sub(r"\s+", " ", text))


def text_lines(classification: Classification, language: str = DEFAULT) -> list[str]:
    """``Verdict: …`` and each finding with its clauses, for a terminal, in ``language`` (the
    statement's quoted words stay as written; see :func:`.wording.finding_text`)."""
    from ..report_language import word
    from .wording import finding_text

    lines = [gettext("Verdict: %(verdict)s", language) % {"verdict": word(classification.verdict, language)}]
    for finding in classification.findings:
        where = f" [{' › '.join(_plain(s) for s in finding.section)}]" if finding.section else ""
        message = finding_text(finding.message, language)
        lines.append(f"  - {word(finding.severity, language)}: {finding.rule}{where}: {_plain(message)}")
        lines.extend(finding_text_lines(finding, language=language))
    return lines


def _markdown_piece(text: str) -> str:
    """A piece of a clause for the Markdown report: nothing of it read as Markdown or HTML, no @mention;
    the spaces at its ends kept (they separate it from the marked words)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + no_mentions(markdown_text(text)) + trail


def finding_markdown_lines(
    finding: Finding, indent: str = "  ", escape: Callable[[str], str] = _markdown_piece, language: str = DEFAULT,
) -> list[str]:
    """The clause before and after a finding, as nested Markdown list items for a pull-request comment."""
    lines = []
    old = finding.marked("old", "<del>", "</del>", escape)
    new = finding.marked("new", "<ins>", "</ins>", escape)
    if old is not None:
        lines.append(f"{indent}- {gettext('was:', language)} {old}")
    if new is not None:
        lines.append(f"{indent}- {gettext('now:', language)} {new}")
    return lines
