"""Cookies and similar trackers listed in a table (ePrivacy Directive Art. 5(3); GDPR Art. 13(1)(e);
CCPA § 1798.140(ah), sharing for cross-context behavioural advertising).

A statement's cookie table gives each cookie, pixel or SDK a row: its name, who sets it, what it is
for, how long it lasts. Read as plain text a row says little ("_fbp Meta Platforms Measures how
well our adverts work 3 months"); read with its table's header it says who receives what the
reader's browser sends, and why. A table is a cookie table when its header, its lead-in or its
section's heading speaks of cookies or trackers.

Material: a new row set by a party the table did not name before, or marked third-party (someone
else now receives what the browser sends it); a new row for advertising, marketing or tracking; a
row whose party or purpose changed so. Substantive: a new cookie of the company's own for another
purpose; a cookie no longer listed. How long a cookie lasts is the quantities rule's.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any, NamedTuple

from ..changes import ClauseChange
from ..findings import Finding
from ..text import LEGAL_FORMS, collapsed, quote
from .context import Context

__all__ = ["judge", "Table", "table_of", "cells", "row", "about_trackers"]

_CELL = re.compile(r"<t([dh])\b[^>]{0,500}>(.*?)</t[dh]\s{0,3}>", re.S | re.I)
_TAG = re.compile(r"<[^<>]{0,2000}>")
# What a cookie table speaks of: in its header, its lead-in or its section's heading.
_TRACKERS = re.compile(r"\bcookies?\b|\btrackers?\b|\btracking technolog|\bsimilar technolog|\bpixels?\b|\bsdks?\b|\blocal storage\b|\bweb beacons?\b", re.I)
# The column of who sets a cookie, by its header.
_PARTY_HEADER = re.compile(
    r"\b(?:set by|placed by|provided by|served by|provider|vendor|party|parties|company|owner|domain|source|service|host|origin)\b", re.I)
# A cell that says the cookie is someone else's.
_THIRD_PARTY = re.compile(r"\bthird[- ]part(?:y|ies)\b", re.I)
# What a cookie is for, when it follows the reader for advertising or across sites.
_ADVERTISING = re.compile(
    r"\badvert\w{0,8}|\bads?\b|\bmarketing\b|\bretarget\w{0,3}|\bremarketing\b|\btarget(?:ed|ing)\b|\binterest-based\b"
    r"|\bsocial media\b|\bconversions?\b|\btrack(?:s|ing)? (?:you|users|visitors) across\b|\bcross-site\b"
    r"|\b(?:across|on) (?:other|partner|partners'|third-party|other companies') (?:sites|websites|apps)\b|\bacross (?:sites|websites|apps)\b",
    re.I,
)
# Words that name the company itself in a party cell ("us", "first party", "our own server").
_OWN = frozenset(("we", "us", "our", "ours", "own", "first", "first-party", "party", "this", "site", "website", "service"))
_WORD = re.compile(r"[^\W_]+(?:['.&-][^\W_]+)*")


class Table(NamedTuple):
    """One side's table: its header's cells and its rows' cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def column(self, pattern: "re.Pattern[str]") -> int | None:
        """The first column whose header matches ``pattern`` (the first column, a cookie's name, aside)."""
        return next((n for n, cell in enumerate(self.header) if n > 0 and pattern.search(cell)), None)

    def cell(self, row: tuple[str, ...], pattern: "re.Pattern[str]") -> str:
        """The cell of ``row`` in the column whose header matches ``pattern`` ("" when there is none)."""
        column = self.column(pattern)
        return row[column] if column is not None and column < len(row) else ""


def cells(html: str) -> tuple[str, ...]:
    """The text of each cell of a table row's HTML."""
    return tuple(collapsed(unescape(_TAG.sub(" ", m.group(2)))) for m in _CELL.finditer(html))


def _table_id(block: Any) -> Any:
    container = getattr(block, "container", ())
    return container[0][0] if container and container[0][1][:6].lower() == "<table" else None


def table_of(context: Context, side: str, table: Any) -> Table:
    """The table with node id ``table`` on one side (worked out once per table and diff)."""

    def read() -> Table:
        blocks = context.old_blocks if side == "old" else context.new_blocks
        header: tuple[str, ...] = ()
        rows = []
        for block in blocks:
            if block.kind == "row" and _table_id(block) == table:
                if not header and "<th" in block.html:
                    header = cells(block.html)
                else:
                    rows.append(cells(block.html))
        return Table(header, tuple(rows))

    return context.memo(("table", side, table), read)  # type: ignore[no-any-return]


def _names(cell: str, aliases: frozenset[str]) -> frozenset[str]:
    """The words of a party cell that name someone other than the company."""
    # (names are capitalised: "Acme (analytics, on our own server)" names Acme alone)
    words = {w.lower() for w in _WORD.findall(cell) if w[:1].isupper() or w[:1].isdigit()}
    return frozenset(w for w in words if w not in _OWN and w not in aliases and w.rstrip(".") not in LEGAL_FORMS and len(w) > 1)


def _known_parties(context: Context, aliases: frozenset[str]) -> frozenset[str]:
    """Every party the old version's tables name in a column of who sets a cookie."""

    def read() -> frozenset[str]:
        names: set[str] = set()
        for table in {_table_id(b) for b in context.old_blocks if b.kind == "row"} - {None}:
            found = table_of(context, "old", table)
            for row in found.rows:
                names |= _names(found.cell(row, _PARTY_HEADER), aliases)
        return frozenset(names)

    return context.memo(("table parties", aliases), read)  # type: ignore[no-any-return]


def row(context: Context, change: ClauseChange, side: str) -> tuple[Table, tuple[str, ...]] | None:
    """A row clause's table and cells on one side, or None when it stands in no table (read once
    per row: a long row is cut into several clauses)."""
    if change.order >= len(context.changes):
        return None

    def read() -> tuple[Table, tuple[str, ...]] | None:
        block = getattr(context.changes[change.order], side)
        if block is None or block.kind != "row" or "<th" in block.html:
            return None
        table = _table_id(block)
        return (table_of(context, side, table), cells(block.html)) if table is not None else None

    return context.memo(("row", side, change.order), read)  # type: ignore[no-any-return]


def about_trackers(table: Table, change: ClauseChange) -> bool:
    """True when the table's header, its lead-in or its section's heading speaks of cookies or trackers."""
    clause = change.new if change.new is not None else change.old
    said = " ".join((*table.header, clause.lead if clause is not None else "", *change.section[-1:]))
    return _TRACKERS.search(said) is not None


def _third_party(row: tuple[str, ...]) -> str | None:
    return next((cell for cell in row[1:] if _THIRD_PARTY.search(cell)), None)


def _advertising(row: tuple[str, ...]) -> str | None:
    """The first cell but the name that speaks of advertising or tracking across sites."""
    return next((cell for cell in row[1:] if _ADVERTISING.search(cell)), None)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A new cookie or tracker set by a new party or for advertising (material); another new or
    removed cookie (substantive)."""
    if change.block_kind != "row":
        return None
    old = row(context, change, "old")
    new = row(context, change, "new")
    either = new or old
    if either is None or not about_trackers(either[0], change):
        return None
    name = quote(either[1][0] if either[1] else "", 40)
    if new is None:
        return change.finding("cookies", "substantive", f"A cookie or tracker is no longer listed: {name}.")
    table, entry = new
    aliases = change.aliases
    before = old[0].cell(old[1], _PARTY_HEADER) if old is not None else ""
    party = table.cell(entry, _PARTY_HEADER)
    came = _names(party, aliases) - _names(before, aliases) - _known_parties(context, aliases)
    if came:
        if old is None:
            return change.finding("cookies", "material", f"A new cookie or tracker, {name}, is set by {quote(party, 60)}, whom the statement's cookie tables did not name before.")
        return change.finding("cookies", "material", f"The cookie or tracker {name} is now set by {quote(party, 60)}, whom the statement's cookie tables did not name before.")
    marked = _third_party(entry)
    if marked and not (old is not None and _third_party(old[1])) and not _names(party, aliases):
        if old is None:
            return change.finding("cookies", "material", f"A new cookie or tracker, {name}, is set by a third party ({quote(marked, 60)}).")
        return change.finding("cookies", "material", f"The cookie or tracker {name} is now set by a third party ({quote(marked, 60)}).")
    advertising = _advertising(entry)
    if advertising and not (old is not None and _advertising(old[1])):
        if old is None:
            return change.finding("cookies", "material", f"A new cookie or tracker, {name}, is used for advertising or tracking ({quote(advertising, 60)}).")
        return change.finding("cookies", "material", f"The cookie or tracker {name} is now used for advertising or tracking ({quote(advertising, 60)}).")
    if old is None:
        return change.finding("cookies", "substantive", f"A new cookie or tracker is listed: {name}.")
    return None
