"""The compare page's data: every version's blocks as JSON, for the diff engine's browser port.

The compare page (``/<id>/compare/``) lets a reader pick any two versions. The site is static, so
the comparison runs in the browser (``assets/statements/statements-diff.js``, a port of
:mod:`generator.diff`) on data the build writes: one file per version,
``/<id>/compare/<effective>.json``, fetched only when a reader picks that version::

    {
      "schema": 1,
      "statement": "privacy", "effective": "2026-02-01", "title": "Privacy Statement",
      "blocks": [                              # generator.render.Block, in document order
        {"kind": "heading", "level": 2, "section": ["Overview"], "anchor": "overview",
         "html": "<h2 id=\\"overview\\">Overview</h2>", "text": "Overview", "key": "Overview",
         "container": [[12, "<ul>"]], "node": 13, "source": "## Overview"}, …
      ]
    }

``container``, ``node`` and ``source`` are what the engine needs beyond the block's text: where the
block sits in lists and tables, and its Markdown (to tell formatting-only edits from no edit).
Element ids are numbered from 1 in document order, so a version's file is the same in every build.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from .i18n import DEFAULT, N_, format_date, gettext
from .model import Statement, Version
from .render import Block

__all__ = ["SCHEMA_VERSION", "compare_data_path", "block_data", "version_blocks_document", "version_choices"]

SCHEMA_VERSION = 1

_STATUS = {"in-force": N_("in force"), "archived": N_("archived"), "upcoming": N_("upcoming"), "draft": N_("draft")}


def compare_data_path(version: Version) -> str:
    """Path of a version's blocks file, next to the compare page."""
    return f"{version.statement_id}/compare/{version.key}.json"


def block_data(block: Block, ids: dict[int, int] | None = None) -> dict[str, Any]:
    """One block as the browser engine reads it; ``ids`` renumbers element ids (kept when None)."""

    def number(nid: int) -> int:
        if ids is None or nid < 0:
            return nid
        return ids.setdefault(nid, len(ids) + 1)

    return {
        "kind": block.kind,
        "level": block.level,
        "section": list(block.section),
        "anchor": block.anchor,
        "html": block.html,
        "text": block.text,
        "key": block.key,
        "container": [[number(node), start] for node, start in block.container],
        "node": number(block.node),
        "source": block.source,
    }


def version_blocks_document(version: Version, blocks: Iterable[Block]) -> dict[str, Any]:
    """The JSON document of one version's blocks."""
    ids: dict[int, int] = {}
    return {
        "schema": SCHEMA_VERSION,
        "statement": version.statement_id,
        "effective": version.key,
        "title": version.title,
        "blocks": [block_data(block, ids) for block in blocks],
    }


def version_choices(
    statement: Statement, statuses: dict[str, str], *, newest_first: bool = True, language: str = DEFAULT,
) -> list[dict[str, Any]]:
    """The options of the compare page's two selects: value, label, status, material flag.

    ``statuses`` maps a version's key to its status on the build's date; labels are written in ``language``.
    """
    versions: Sequence[Version] = list(reversed(statement.versions)) if newest_first else list(statement.versions)
    choices = []
    for version in versions:
        status = statuses.get(version.key, "archived")
        label = format_date(version.effective, language)
        if status != "archived":
            label += f" ({gettext(_STATUS[status], language) if status in _STATUS else status})"
        choices.append({"value": version.key, "label": label, "status": status, "material": version.material})
    return choices
