"""Value objects of the lint: checks, the phrasings they recognise, results and reports.

No Markdown, git or MkDocs here: the catalogue (``catalogue.py``) is data made of these types, the
engine (``engine.py``) fills results in, the formats (``output.py``) read them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal, Union

if TYPE_CHECKING:
    from ..patterns import LazyPattern

__all__ = [
    "REGIMES", "Status", "Phrasing", "Check", "Evidence", "CheckResult", "LintReport", "LintContext", "HistoryFacts",
]

#: Regimes a check belongs to; ``general`` checks run with every regime.
REGIMES: tuple[str, ...] = ("gdpr", "ccpa", "caloppa")

Status = Literal["pass", "fail", "warn"]
#: A compiled pattern, or one compiled on first use (the catalogue's)
Pattern = Union["re.Pattern[str]", "LazyPattern"]


@dataclass(frozen=True)
class Phrasing:
    """One way a statement meets a requirement, recognised in a single sentence.

    Every pattern of ``text`` must match the sentence itself; every pattern of ``near`` must match
    the sentence or its context (the headings above it, the sentence before it in its paragraph
    and, for a list item or table row, the sentence that introduces the list). ``sections`` narrows
    the headings the sentence may stand under; ``unless`` rules a sentence out.
    """

    name: str
    example: str
    text: tuple[Pattern, ...]
    near: tuple[Pattern, ...] = ()
    sections: Pattern | None = None
    #: a sentence matching this does not count ("not considered to provide adequate protection")
    unless: Pattern | None = None


@dataclass(frozen=True)
class Check:
    """One requirement of one regime: what the law asks for, where it says so, and how to see it met."""

    id: str
    regime: str
    title: str
    citation: str
    #: what the check looks for, in a lawyer's words (shown on failure and in docs/lint.md)
    looks_for: str
    phrasings: tuple[Phrasing, ...] = ()
    #: status when nothing is found: most checks fail; a few (a DPO, where applicable) only warn
    absent: Status = "fail"
    #: headings under which a sentence never counts (a children's clause is no rights clause)
    exclude_sections: Pattern | None = None
    #: a check that needs more than one sentence (history, notice period, two facts together)
    evaluate: Callable[..., "CheckResult"] | None = field(default=None, compare=False)
    #: phrasings a custom ``evaluate`` recognises, for the documentation only
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where a check found what it looked for: the section path and the words."""

    section: tuple[str, ...]
    excerpt: str
    anchor: str | None = None
    #: 1-based line in the statement file, when known
    line: int | None = None

    @property
    def section_label(self) -> str | None:
        """The section path as a reader names it: ``Your rights › Portability``; None before any heading."""
        return " › ".join(self.section) if self.section else None

    def to_dict(self) -> dict[str, Any]:
        """``{"section", "excerpt"}`` as the JSON format promises."""
        return {"section": self.section_label, "excerpt": self.excerpt}


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check on one text."""

    check: Check
    status: Status
    reason: str
    evidence: Evidence | None = None
    #: the name of the phrasing that matched, when one did
    phrasing: str | None = None

    @property
    def id(self) -> str:
        return self.check.id

    def to_dict(self) -> dict[str, Any]:
        """One entry of the JSON format's ``checks`` list."""
        return {
            "id": self.check.id, "regime": self.check.regime, "status": self.status, "title": self.check.title,
            "citation": self.check.citation, "evidence": self.evidence.to_dict() if self.evidence else None,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class LintReport:
    """Every check run on one version of one statement."""

    statement: str
    version: str | None
    regimes: tuple[str, ...]
    results: tuple[CheckResult, ...]

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if r.status == "fail")

    @property
    def warned(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if r.status == "warn")

    @property
    def passed(self) -> bool:
        """True when no check fails (warnings do not fail)."""
        return not self.failed

    def status_of(self, check_id: str) -> Status | None:
        """The status of one check, or None when it did not run."""
        return next((r.status for r in self.results if r.check.id == check_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON format: ``{"statement", "version", "checks": [...]}``."""
        return {"statement": self.statement, "version": self.version, "checks": [r.to_dict() for r in self.results]}


@dataclass(frozen=True)
class HistoryFacts:
    """What git says about a statement, for the checks no text-only tool can make."""

    #: (effective, published) of every committed version, oldest first
    versions: tuple[tuple[dt.date, dt.date], ...]
    #: the day the statement file last changed in a commit
    last_commit: dt.date | None = None
    #: a ``reviewed:`` date from the front-matter of the newest version
    reviewed: dt.date | None = None


@dataclass(frozen=True)
class LintContext:
    """Facts from outside the text: the build's date, the site's notice period, the version's dates."""

    as_of: dt.date = field(default_factory=dt.date.today)
    #: the site's minimum notice for a material change (``notice_days``); None when not set
    notice_days: int | None = 30
    #: the version's ``effective`` date from its front-matter, to compare with the date in the text
    effective: dt.date | None = None
    history: HistoryFacts | None = None
