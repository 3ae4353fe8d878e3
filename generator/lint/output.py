"""How lint results read: a terminal, JSON, GitHub annotations, the preview panel, a pull-request report."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from .. import json_text
from .model import CheckResult, LintReport

__all__ = [
    "format_text", "format_json", "format_github", "panel_html", "StatusChange", "status_changes",
    "format_changes_markdown", "format_changes_text",
]

_MARK = {"pass": "✓", "fail": "✗", "warn": "!"}
_REGIME_NAMES = {"gdpr": "GDPR", "ccpa": "CCPA/CPRA", "caloppa": "CalOPPA", "general": "general"}
_ORDER = {"fail": 0, "warn": 1, "pass": 2}


def _counts(report: LintReport) -> str:
    passed = sum(1 for r in report.results if r.status == "pass")
    parts = [f"{passed} passed"]
    if report.warned:
        parts.append(f"{len(report.warned)} warning{'s' if len(report.warned) != 1 else ''}")
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    return ", ".join(parts)


def _title(report: LintReport) -> str:
    regimes = ", ".join(_REGIME_NAMES[r] for r in report.regimes)
    version = f" {report.version}" if report.version else ""
    return f"{report.statement}{version} ({regimes} + general checks): {_counts(report)}"


def format_text(report: LintReport, *, path: str | None = None, verbose: bool = False) -> str:
    """One line per check (failures and warnings first), with the reason, and the evidence for passes."""
    lines = [_title(report)]
    for result in sorted(report.results, key=lambda r: _ORDER[r.status]):
        lines.append(f"{_MARK[result.status]} {result.check.id}: {result.check.title} [{result.check.citation}]")
        if result.status != "pass":
            lines.append(f"    {result.reason}")
            if result.evidence is not None:
                lines.append(f"    “{result.evidence.excerpt}”{_at(result, path)}")
        elif result.evidence is not None:
            where = result.evidence.section_label or "introduction"
            lines.append(f"    {where}: “{result.evidence.excerpt}”{_at(result, path)}")
            if verbose:
                lines.append(f"    {result.reason}")
    lines.append("passed" if report.passed else f"failed: {len(report.failed)} check{'s' if len(report.failed) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _at(result: CheckResult, path: str | None) -> str:
    if path and result.evidence is not None and result.evidence.line:
        return f" ({path}:{result.evidence.line})"
    return ""


def format_json(report: LintReport) -> str:
    """The JSON format: ``{"statement", "version", "checks": [{"id", "regime", "status", …}]}``."""
    return json_text.dumps(report.to_dict()) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: LintReport, *, path: str, title_line: int = 1) -> str:
    """GitHub Actions workflow commands: ``::error`` per failed check, ``::warning`` per warning, one ``::notice``."""
    lines = []
    for result in report.results:
        if result.status == "pass":
            continue
        command = "error" if result.status == "fail" else "warning"
        line = result.evidence.line if result.evidence is not None and result.evidence.line else title_line
        props = f"file={_escape_property(path)},line={line},title={_escape_property(f'statement lint: {result.check.id} ({result.check.citation})')}"
        lines.append(f"::{command} {props}::{_escape_data(result.reason)}")
    lines.append(f"::notice file={_escape_property(path)},title=statement lint::{_escape_data(_title(report))}")
    return "\n".join(lines) + "\n"


def panel_html(report: LintReport, *, anchor_prefix: str = "#") -> str:
    """The preview's lint panel: every check, failures first, passes linked to the section that satisfies them.

    Shown by ``statement serve`` only; statement text is escaped here, as nothing else escapes it.
    """
    e = html.escape
    state = "fail" if report.failed else "warn" if report.warned else "pass"
    items = []
    for result in sorted(report.results, key=lambda r: _ORDER[r.status]):
        check = result.check
        parts = [
            f'<li class="statement-lint__check statement-lint__check--{result.status}" data-check="{e(check.id)}" data-status="{result.status}">',
            f'<span class="statement-lint__status">{ {"pass": "Pass", "fail": "Fail", "warn": "Warn"}[result.status] }</span> ',
            f'<code>{e(check.id)}</code> {e(check.title)} <span class="statement-lint__citation">{e(check.citation)}</span>',
        ]
        evidence = result.evidence
        if evidence is not None:
            label = e(evidence.section_label or "Introduction")
            where = f'<a href="{e(anchor_prefix + evidence.anchor)}">{label}</a>' if evidence.anchor else label
            parts.append(f'<br><span class="statement-lint__evidence">{where}: “{e(evidence.excerpt)}”</span>')
        if result.status != "pass" or evidence is None:
            parts.append(f'<br><span class="statement-lint__reason">{e(result.reason)}</span>')
        parts.append("</li>")
        items.append("".join(parts))
    return (
        f'<aside class="statement-lint statement-lint--{state}" role="region" aria-label="Lint of this draft" data-statement-lint>\n'
        f'<details{" open" if state != "pass" else ""}>\n'
        f'<summary><strong>Lint</strong>: {e(_counts(report))} <span class="statement-lint__note">(preview only; not on the published site)</span></summary>\n'
        f'<ul class="statement-lint__list">\n' + "\n".join(items) + "\n</ul>\n</details>\n</aside>\n"
    )


@dataclass(frozen=True)
class StatusChange:
    """A check whose status differs between the base's version and the head's."""

    statement: str
    check_id: str
    title: str
    citation: str
    before: str | None
    after: str | None
    reason: str

    @property
    def regressed(self) -> bool:
        """True when the base passed the check and the head fails it."""
        return self.before == "pass" and self.after == "fail"

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {"statement": self.statement, "id": self.check_id, "before": self.before, "after": self.after, "reason": self.reason}


def status_changes(base: LintReport | None, head: LintReport) -> list[StatusChange]:
    """Checks whose status changed from ``base`` to ``head`` (all of them when there is no base)."""
    before = {r.check.id: r for r in base.results} if base is not None else {}
    changes = []
    for result in head.results:
        old = before.get(result.check.id)
        if old is not None and old.status == result.status:
            continue
        changes.append(StatusChange(head.statement, result.check.id, result.check.title, result.check.citation,
                                    old.status if old else None, result.status, result.reason))
    return changes


def format_changes_markdown(changes: Iterable[StatusChange], *, gate: bool) -> list[str]:
    """Lines of the pull-request report's lint section (a table of checks that changed status)."""
    changes = list(changes)
    out = ["### Lint: checks that changed status", ""]
    if not changes:
        return out + ["No check changed status.", ""]
    out += ["| Statement | Check | Base | Head | Why |", "|---|---|---|---|---|"]
    icon = {"pass": "✅ pass", "fail": "❌ fail", "warn": "⚠️ warn", None: "—"}
    for change in changes:
        why = " ".join(change.reason.split()).replace("|", "\\|")
        out.append(f"| {change.statement} | `{change.check_id}` {change.title} | {icon[change.before]} | {icon[change.after]} | {why} |")
    if any(c.regressed for c in changes):
        out += ["", "A check the base passed fails on the head" + (" (the lint gate is on: this fails the check)." if gate else " (lint gate off: reported only).")]
    return out + [""]


def format_changes_text(changes: Iterable[StatusChange]) -> list[str]:
    """Lines for the terminal report of ``statement check``."""
    return [f"  lint {c.check_id}: {c.before or 'new'} → {c.after}" for c in changes]
