"""The diff's value objects: :class:`Change`, :class:`Stats`, :class:`Aligned` and :class:`Diff`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..render import Block


ChangeKind = Literal["formatting", "added", "removed", "modified", "moved"]


@dataclass(frozen=True)
class Change:
    """One changed block.

    ``section`` is where the change stands: the new side's section path, the old side's for a
    removal. ``redline`` is the block's HTML with ``<del>``/``<ins>`` inside. Blocks moved together
    (one contiguous run in both versions) share a ``move`` number. ``words_added`` and
    ``words_removed`` count the words inside the redline's insertions and deletions.
    """

    kind: ChangeKind
    section: tuple[str, ...]
    old: Block | None
    new: Block | None
    redline: str
    move: int | None = None
    words_added: int = 0
    words_removed: int = 0

    @property
    def anchor(self) -> str | None:
        """Id of the nearest heading at or above the change (new side; old side for a removal)."""
        block = self.new if self.new is not None else self.old
        return block.anchor if block is not None else None


@dataclass(frozen=True)
class Stats:
    """Counts over a diff. ``sections_touched`` lists top-level section titles with a content change."""

    words_added: int
    words_removed: int
    added: int
    removed: int
    modified: int
    moved: int
    formatting: int
    sections_touched: tuple[str, ...]


class Aligned(NamedTuple):
    """One entry of the merged document a redline shows, in order.

    An unchanged block (``change`` None), a change, or — when ``moved_away`` is set — the place a
    moved run of blocks used to stand. ``container`` and ``node`` place the entry in the new
    document's lists and tables (old-side entries are mapped onto the new structure where they can be).
    """

    old: Block | None
    new: Block | None
    change: Change | None
    container: tuple[tuple[int, str], ...] = ()
    node: int = -1
    moved_away: int | None = None


@dataclass(frozen=True)
class Diff:
    """What changed between two versions: both block sequences, the changes in document order, stats."""

    old: tuple[Block, ...]
    new: tuple[Block, ...]
    changes: tuple[Change, ...]
    stats: Stats
    alignment: tuple[Aligned, ...] = field(default=(), compare=False, repr=False)

    @property
    def content_changes(self) -> tuple[Change, ...]:
        """The changes without the formatting-only ones."""
        return tuple(c for c in self.changes if c.kind != "formatting")

    @property
    def is_empty(self) -> bool:
        """True when nothing changed, not even formatting."""
        return not self.changes
