"""The stored reproduction cases (``../shared/repro/redline``), where they are present.

Each case once hung, closed an element another held open, read back wrongly or hid a change; the
engine must now pass every check of ``tests/diff_support/checks.py`` on it. The same failures are
covered without these files by ``tests/test_redline_robustness.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator.model import split_front_matter
from tests.diff_support.checks import check_pair

REPRO = Path(__file__).resolve().parents[2] / "shared" / "repro" / "redline"
SITE = {"extensions": ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "def_list",
                       "pymdownx.details", "pymdownx.superfences"],
        "extension_configs": {"toc": {"permalink": True, "permalink_title": "Link to this section"}}}
#: A termination bound (the hang cases did not finish in 240 s), not a speed measurement.
FINISHES = 60.0

CASES = sorted(p.parent.name for p in REPRO.glob("*/case.json")) if REPRO.is_dir() else []
MINIMAL = sorted(p.name[: -len("-old.md")] for p in (REPRO / "minimal").glob("*-old.md")) if REPRO.is_dir() else []

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not CASES, reason="../shared/repro/redline is not here")]


def body(path: Path) -> str:
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("name", CASES)
def test_each_reproduction_case_now_passes_every_check(name):
    folder = REPRO / name
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    markdown = SITE if case["ext"] == "site" else {}
    started = time.perf_counter()
    _, failures, _ = check_pair(body(folder / "old.md"), body(folder / "new.md"), **markdown)
    assert time.perf_counter() - started < FINISHES
    assert failures == []


@pytest.mark.parametrize("name", MINIMAL)
def test_each_minimal_pair_now_passes_every_check(name):
    markdown = {"extensions": ["pymdownx.tilde"]} if "tilde" in name else (SITE if "site" in name else {})
    old, new = (REPRO / "minimal" / f"{name}-{side}.md" for side in ("old", "new"))
    _, failures, diff = check_pair(body(old), body(new), **markdown)
    assert failures == []
    if name.startswith("moved-renumbered"):
        assert any(c.kind == "moved" and 'class="redline-del"' in c.redline for c in diff.changes)
