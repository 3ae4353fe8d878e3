"""The diff engine on real history: 56 versions of a public Terms of Service (../shared/corpora).

Each version is compared with its ``base_seq`` (its parent commit's version). The corpus is read
where it is present and these tests skip otherwise; no corpus text is kept in the project.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from generator.diff import Diff, diff_markdown, render_redline, render_side_by_side
from generator.render import blocks_from_markdown
from test_diff_properties import text_of_blocks
from tests.diff_support.readback import new_text, old_text, parse

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/github-tos"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "lineage.tsv").exists(), reason="corpus ../shared/corpora/github-tos not present"),
]


def _rows(name: str) -> list[dict[str, str]]:
    if not (CORPUS / name).exists():
        return []
    with open(CORPUS / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


LINEAGE = {row["seq"]: row for row in _rows("lineage.tsv")}
SUBJECTS = {row["seq"]: row["subject"] for row in _rows("index.tsv")}
PAIRS = [(row["base_seq"], seq) for seq, row in LINEAGE.items() if row["base_seq"]]


def body(seq: str) -> str:
    """A version's Markdown without its front-matter (callers of the engine pass bodies only)."""
    [path] = CORPUS.glob(f"{seq}_*.md")
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\r?\n.*?\r?\n---[ \t]*\r?\n", text, re.S)
    return text[match.end():] if match else text


@lru_cache(maxsize=None)
def diff_of(base: str, seq: str) -> Diff:
    return diff_markdown(body(base), body(seq))


def pairs_where(kind: str) -> list[tuple[str, str]]:
    return [(base, seq) for base, seq in PAIRS if LINEAGE[seq]["kind_vs_base"] == kind]


def version_with_subject(pattern: str) -> tuple[str, str]:
    [seq] = [seq for seq, subject in SUBJECTS.items() if re.search(pattern, subject)]
    return LINEAGE[seq]["base_seq"], seq


@pytest.mark.parametrize("base,seq", pairs_where("whitespace-only"))
def test_whitespace_only_versions_show_no_content_change(base, seq):
    assert diff_of(base, seq).content_changes == ()


@pytest.mark.parametrize("base,seq", pairs_where("frontmatter-only"))
def test_front_matter_only_versions_show_no_change_at_all(base, seq):
    assert diff_of(base, seq).is_empty


def test_a_list_marker_only_version_shows_only_formatting():
    diff = diff_of(*version_with_subject(r"dash to asterisk"))
    assert diff.content_changes == ()
    assert diff.stats.formatting > 0


def test_an_emphasis_switch_is_formatting_only():
    diff = diff_of(*version_with_subject(r"consistent emphasis"))
    assert diff.content_changes == ()
    assert diff.stats.formatting > 0


def test_a_section_moved_out_of_the_document_is_one_removal_per_block():
    base, seq = version_with_subject(r"Acceptable Use Policies doc")
    diff = diff_of(base, seq)
    old, new = blocks_from_markdown(body(base)), blocks_from_markdown(body(seq))
    new_words = [set(b.key.split()) for b in new]

    def absent(block) -> bool:  # nothing in the new version shares a fifth of its words
        words = set(block.key.split())
        return all(5 * len(words & other) < len(words) + len(other) for other in new_words)

    headings = [b for b in old if b.kind == "heading"]
    gone = {h.text for h in headings if all(absent(b) for b in old if b.section[: len(h.section)] == h.section)}
    assert len(gone) >= 3, "the version removes whole sections"
    gone_blocks = [b for b in old if any(title in b.section for title in gone)]
    removals = [c for c in diff.changes if c.kind == "removed"]
    assert [c.old for c in removals if c.old in gone_blocks] == gone_blocks
    assert sum(1 for c in diff.changes if c.old in gone_blocks) == len(gone_blocks)
    assert not any(c.kind in ("moved", "added") for c in diff.changes)


def test_an_effective_date_change_is_one_tight_modification():
    base, seq = "005", "006"
    changes = [c for c in diff_of(base, seq).changes if "Effective date" in (c.new.text if c.new else "")]
    [change] = changes
    assert change.kind == "modified"
    assert change.words_removed <= 3 and change.words_added <= 3


@pytest.mark.parametrize("base,seq", PAIRS)
def test_redline_reads_back_as_both_versions(base, seq):
    html = render_redline(diff_of(base, seq))
    assert new_text(html) == text_of_blocks(body(seq))
    assert old_text(html) == text_of_blocks(body(base))


@pytest.mark.parametrize("base,seq", PAIRS)
def test_every_rendering_is_balanced(base, seq):
    diff = diff_of(base, seq)
    parse(render_redline(diff, context=False))
    parse(render_side_by_side(diff))
