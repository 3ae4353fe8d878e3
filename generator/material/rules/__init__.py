"""The rules of substance, one module per family of privacy law.

Each rule is a function ``judge(change, context) -> Finding | None`` over one
:class:`~generator.material.changes.ClauseChange`. A rule says ``material`` when the change widens
what the company may do with information or narrows what the reader can do about it, and
``substantive`` when it states a change of substance in the other direction (less collected, a new
limit, a new right). Rules never count words: they read the clause (:mod:`..reading`).

The order below is the order the rules read a clause in: the most specific first. The first rule
that finds a clause change material gives its finding; the rest are not asked about that clause
(one reason per clause is what a reader needs, and a statement rewritten throughout stays cheap).
"""

from __future__ import annotations

from typing import Callable

from ..changes import ClauseChange
from ..findings import Finding
from . import (
    collection, commitments, contact, controller, disputes, legal_basis, practices, purpose, quantities,
    recipients, retention, rights, transfers,
)
from .context import Context

__all__ = ["RULE_FUNCTIONS", "Context", "Rule"]

Rule = Callable[[ClauseChange, Context], "Finding | None"]

#: The rules of substance that read clauses, by their names in findings and in ``material: disable``.
#: (A table's rows are read first, by :func:`.tables.read_row`, which gives a cookie table's rows to
#: :func:`.cookies.judge`: the ``cookies`` rule reads nothing else, so it is not asked again here.)
RULE_FUNCTIONS: tuple[tuple[str, Rule], ...] = (
    ("controller", controller.judge),
    ("quantities", quantities.judge),
    ("commitments", commitments.judge),
    ("rights", rights.judge),
    ("practices", practices.judge),
    ("legal-basis", legal_basis.judge),
    ("transfers", transfers.judge),
    ("disputes", disputes.judge),
    ("recipients", recipients.judge),
    ("collection", collection.judge),
    ("purpose", purpose.judge),
    ("retention", retention.judge),
    ("contact", contact.judge),
)
