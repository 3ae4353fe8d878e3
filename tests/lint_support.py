"""The lint fixtures and held-out statements, read the same way by the tests and by ``bench/lint.py``.

``tests/fixtures/lint/<regime>.yml`` maps each check id to passages that should ``pass``, ``fail``
or ``warn`` it; each passage is linted on its own. ``tests/fixtures/lint/statements/`` holds whole
statements (written for this purpose, never tuned against) and ``expected.yml`` says, check by check,
what a careful reader finds in each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
STATEMENTS = FIXTURES / "statements"
#: statements the checks were never tuned on (see the comment at the top of its expected.yml)
HELD_OUT = STATEMENTS / "held-out"
AS_OF = dt.date(2026, 11, 30)


@dataclass(frozen=True)
class Case:
    """One passage and the status a check should give it."""

    check_id: str
    expected: str
    text: str
    context: Any  # LintContext
    label: str


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _context(entry: dict[str, Any]) -> Any:
    from generator.lint import HistoryFacts, LintContext

    history = entry.get("history", "absent")
    facts = None
    if isinstance(history, dict):
        facts = HistoryFacts(
            versions=tuple((_date(e), _date(p)) for e, p in history.get("versions", [])),
            last_commit=_date(history.get("last_commit")), reviewed=_date(history.get("reviewed")),
        )
    elif history == "absent":
        # passages with no history of their own are read as a statement published this year
        facts = HistoryFacts(versions=((AS_OF - dt.timedelta(days=40), AS_OF - dt.timedelta(days=60)),), last_commit=AS_OF - dt.timedelta(days=60))
    return LintContext(
        as_of=_date(entry.get("as_of")) or AS_OF, notice_days=entry.get("notice_days", 30),
        effective=_date(entry.get("effective")), history=facts,
    )


@lru_cache(maxsize=None)
def fixture_cases() -> tuple[Case, ...]:
    """Every fixture passage with the check it is for and the status it should get."""
    cases = []
    for path in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for check_id, groups in data.items():
            for expected, entries in groups.items():
                for number, entry in enumerate(entries, start=1):
                    entry = entry if isinstance(entry, dict) else {"text": entry}
                    cases.append(Case(check_id, expected, entry["text"], _context(entry), f"{check_id}:{expected}-{number}"))
    return tuple(cases)


@lru_cache(maxsize=None)
def heldout() -> dict[str, dict[str, str]]:
    """Whole statements the checks were tuned on: file name → check id → the status a careful reader gives it."""
    return yaml.safe_load((STATEMENTS / "expected.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def held_out() -> dict[str, dict[str, str]]:
    """Whole statements never tuned on, in the same shape as :func:`heldout`."""
    return yaml.safe_load((HELD_OUT / "expected.yml").read_text(encoding="utf-8"))


def heldout_body(name: str) -> str:
    """The Markdown body of a whole statement (tuned on or held out)."""
    from generator.model import split_front_matter

    path = STATEMENTS / name if (STATEMENTS / name).is_file() else HELD_OUT / name
    _, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return body


def lint_case(case: Case) -> Any:
    """The result of the case's check on the case's passage."""
    from generator.lint import lint_body

    report = lint_body(case.text, statement="fixture", regimes=["all"], context=case.context)
    return next(r for r in report.results if r.check.id == case.check_id)
