"""The detector over real history: every version of the GitHub Terms of Service corpus.

Each version is diffed against its ``base_seq`` (lineage.tsv), front-matter stripped. The corpus is
read from ../shared/corpora where present; the tests skip otherwise, and no corpus text is copied
into the project.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from generator.material import Classification, classify
from generator.model import split_front_matter

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/github-tos"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "lineage.tsv").is_file(), reason="corpus ../shared/corpora/github-tos not present"),
]


@lru_cache(maxsize=None)
def lineage() -> tuple[dict[str, str], ...]:
    with open(CORPUS / "lineage.tsv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


@lru_cache(maxsize=None)
def body(seq: str) -> str:
    (path,) = CORPUS.glob(f"{seq}_*.md")
    _, text, _ = split_front_matter(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
    return text


@lru_cache(maxsize=None)
def labels() -> tuple[dict[str, str], ...]:
    with open(CORPUS / "labels.tsv", encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


@lru_cache(maxsize=None)
def verdict(seq: str, base: str | None = None) -> Classification:
    if base is None:
        base = next(r for r in lineage() if r["seq"] == seq)["base_seq"]
    return classify(body(base), body(seq))


def pairs(*kinds: str) -> list[str]:
    return [r["seq"] for r in lineage() if r["base_seq"] and (not kinds or r["kind_vs_base"] in kinds)] if CORPUS.is_dir() else []


@pytest.mark.parametrize("seq", pairs("whitespace-only"))
def test_a_whitespace_only_version_is_never_material(seq):
    assert verdict(seq).verdict in ("none", "formatting")


@pytest.mark.parametrize("seq", pairs("frontmatter-only"))
def test_a_front_matter_only_version_has_no_text_change(seq):
    assert verdict(seq).verdict == "none"


def test_a_list_marker_and_emphasis_overhaul_is_not_material():
    # 032 rewrites list markers and emphasis throughout (60 lines) without changing a word.
    assert verdict("032").verdict == "formatting"


def test_version_053_with_access_reciprocity_and_governing_law_is_material():
    result = verdict("053")
    assert result.verdict == "material"
    sections = {f.section[-1] for f in result.findings if f.severity == "material"}
    assert "8. Access Reciprocity" in sections
    assert "1. Governing Law" in sections


def test_version_053_names_ai_training_as_a_sensitive_practice():
    messages = " ".join(f.message for f in verdict("053").findings if f.rule == "practices")
    assert "training" in messages or "artificial intelligence" in messages


def test_no_version_whose_changes_are_all_formatting_is_more_than_editorial():
    # Formatting changes may carry a new link target (editorial), never more.
    from generator import diff as engine

    for seq in pairs():
        row = next(r for r in lineage() if r["seq"] == seq)
        result = engine.diff_markdown(body(row["base_seq"]), body(seq))
        if not result.content_changes:
            assert verdict(seq).verdict in ("none", "formatting", "editorial"), seq


# --- calibration against the labels (targets of bench/material.py) ------------------------------


def labelled() -> list[tuple[str, str, Classification]]:
    return [(row["verdict"], row["seq"], verdict(row["seq"], row["base_seq"])) for row in labels()]


def test_every_labelled_material_change_is_found():
    missed = [seq for label, seq, result in labelled() if label == "material" and not result.is_material]
    assert missed == []


def test_at_most_two_labelled_non_material_changes_are_called_material():
    wrong = [seq for label, seq, result in labelled() if label != "material" and result.is_material]
    assert len(wrong) <= 2, wrong


def test_at_least_45_of_the_55_labelled_pairs_get_the_labels_verdict():
    results = labelled()
    assert sum(1 for label, _, result in results if label == result.verdict) >= 45


def test_every_finding_over_the_corpus_that_quotes_both_sides_shows_a_change():
    for _, seq, result in labelled():
        for finding in result.findings:
            if finding.old is not None and finding.new is not None:
                assert finding.old != finding.new, (seq, finding)
                assert finding.old_marks or finding.new_marks or finding.rule in ("link-target", "contact", "editorial"), (seq, finding)


def test_every_marked_span_lies_inside_its_excerpt():
    for _, seq, result in labelled():
        for finding in result.findings:
            for text, marks in ((finding.old, finding.old_marks), (finding.new, finding.new_marks)):
                assert all(text is not None and 0 <= start < end <= len(text) for start, end in marks), (seq, finding)
