"""Lint in ``statement check``: which checks changed status between the base and the head, and the gate.

For every statement the head changes, the newest version on the base and the newest on the head
are linted with the project's ``lint:`` options; checks whose status differs are reported. With
``lint: {gate: true}``, a check the base passed and the head fails is a policy problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

from .output import StatusChange, status_changes

__all__ = ["lint_changes", "regressions"]


def lint_changes(
    base: Mapping[str, Any], head: Mapping[str, Any], touched: Iterable[str], *, options: Any, as_of: dt.date,
    markdown: Mapping[str, Any] | None = None,
) -> list[StatusChange]:
    """Status changes of every check, for each statement in ``touched``, from the base's newest version to the head's.

    ``options`` are the plugin's options of the policy in force (the base's); ``markdown`` the
    ``extensions`` and ``extension_configs`` to render with.
    """
    from .engine import lint_version

    changes: list[StatusChange] = []
    for statement_id in sorted(set(touched)):
        head_statement = head.get(statement_id)
        if head_statement is None or not head_statement.versions:
            continue
        after = lint_version(head_statement, head_statement.versions[-1], options=options, markdown=markdown, as_of=as_of)
        before = None
        base_statement = base.get(statement_id)
        if base_statement is not None and base_statement.versions:
            before = lint_version(base_statement, base_statement.versions[-1], options=options, markdown=markdown, as_of=as_of)
        changes.extend(status_changes(before, after))
    return changes


def regressions(changes: Iterable[StatusChange]) -> list[StatusChange]:
    """The changes the gate refuses: a check the base passed that the head fails."""
    return [c for c in changes if c.regressed]
