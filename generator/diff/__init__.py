"""Block alignment, moves and word redlines; the :class:`Diff` model and its renderers.

How a diff is made (see ``docs/architecture.md``, "Diff engine"):

1. Both versions are rendered and cut into blocks (:mod:`generator.render`).
2. Blocks are aligned on their normalised key with ``difflib.SequenceMatcher``.
3. Unmatched blocks with the same key anywhere in the document are *moved*; leftover blocks inside
   one replaced region are paired by word similarity (*modified*); leftover blocks that are very
   similar across regions are moved and edited. Regions too large to pair are left as whole-block
   removals and additions, so the cost stays near-linear.
4. Only inside modified or moved-and-edited blocks are words compared, and only between the first
   and last difference of the two HTML strings.

Every redline is balanced HTML: ``<del>``/``<ins>`` runs open and close around inline elements,
never across block structure, and each starts with a visually hidden ``redline-sr`` marker so that
screen readers announce it.

The package, one stage a module, each importing only the ones above it:

=================  ==================================================================================
``model``          ``Change``, ``Stats``, ``Aligned``, ``Diff``
``markup``         HTML patterns, element classes, ids, links, escaping shared by the stages below
``opcodes``        difflib's opcodes computed faster; anchored word opcodes for very long blocks
``tokens``         the word tokeniser: HTML → words and tags with their open elements
``redline``        the word redline of one modified block (and the marking of a whole block)
``alignment``      block alignment, moves, pairing, stats: :func:`diff_blocks`, :func:`diff_markdown`
``render_html``    the inline redline and the side-by-side table
``render_plain``   JSON, terminal text, Markdown, unified diff
=================  ==================================================================================

The public API is what this module exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .alignment import diff_blocks, diff_markdown
    from .model import Aligned, Change, ChangeKind, Diff, Stats
    from .render_html import render_redline, render_side_by_side
    from .render_plain import render_markdown, render_text, render_unified, to_json

# Exports are imported on first use: the detector's options (``generator.material.config``) and its
# text helpers import ``markup`` alone, and loading mkdocs.yml must not load the whole engine (and
# Python-Markdown with it).
_EXPORTS = {
    "diff_blocks": "alignment", "diff_markdown": "alignment",
    "Aligned": "model", "Change": "model", "ChangeKind": "model", "Diff": "model", "Stats": "model",
    "render_redline": "render_html", "render_side_by_side": "render_html",
    "render_markdown": "render_plain", "render_text": "render_plain", "render_unified": "render_plain", "to_json": "render_plain",
}

__all__ = [
    "ChangeKind",
    "Change",
    "Stats",
    "Diff",
    "Aligned",
    "diff_blocks",
    "diff_markdown",
    "render_redline",
    "render_side_by_side",
    "to_json",
    "render_text",
    "render_markdown",
    "render_unified",
]


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
