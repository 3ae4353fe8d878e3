"""The detector finishes on any input: every pattern, distance and pairing loop is bounded.

Build, check and notify run the detector on whatever a pull request contains — a pasted hash, an
encoded blob, a paragraph of thousands of repeated lines. Each case here once took from seconds to
hours; each must now finish well inside its deadline (a guard against a hang, not a measurement:
bench/material.py measures speed).
"""

from __future__ import annotations

import json
import random
import signal
import string
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from generator.diff import diff_markdown
from generator.material import classify_diff
from generator.render import DEFAULT_EXTENSIONS

from test_material import FakeDiff, modified

REPRO = Path(__file__).resolve().parents[2] / "shared" / "repro" / "redline"


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail the test if the block runs longer than ``seconds``."""

    def expired(signum, frame):  # pragma: no cover - only when the detector hangs
        raise TimeoutError(f"the detector did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def classify_changes(*changes):
    return classify_diff(FakeDiff(tuple(c.old for c in changes), tuple(c.new for c in changes), tuple(changes)))


def token(size: int, alphabet: str, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(size))


@pytest.mark.skipif(not (REPRO / "slow-classify-10025").is_dir(), reason="repro cases ../shared/repro not present")
def test_the_slow_classify_repro_case_finishes():
    case = REPRO / "slow-classify-10025"
    assert json.loads((case / "case.json").read_text())["ext"] == "site"
    diff = diff_markdown((case / "old.md").read_text(encoding="utf-8"), (case / "new.md").read_text(encoding="utf-8"),
                         extensions=list(DEFAULT_EXTENSIONS))
    with deadline(20):
        result = classify_diff(diff)
    assert result.verdict == "material"


def test_a_4_kb_token_with_one_letter_added_finishes_and_is_not_a_typo():
    old = token(4_000, string.ascii_lowercase, 1)
    new = old[:2_000] + "x" + old[2_000:]
    with deadline(5):
        result = classify_changes(modified(f"Our key is {old} today.", f"Our key is {new} today."))
    assert result.verdict == "substantive"


def test_a_200_kb_token_finishes():
    # A pasted hash or encoded blob: letters, digits, dots, pluses and hyphens, no @.
    old = token(200_000, string.ascii_letters + string.digits + ".+-", 2)
    new = old[:100_000] + "Q" + old[100_000:]
    with deadline(10):
        result = classify_changes(modified(f"Checksum {old}", f"Checksum {new}"))
    assert result.verdict in ("editorial", "substantive")


def test_a_200_kb_run_of_digits_finishes():
    old = token(200_000, string.digits + ".,", 3)
    with deadline(10):
        result = classify_changes(modified(f"Reference {old} days.", f"Reference {old}1 days."))
    assert result.verdict in ("substantive", "material")


def test_a_paragraph_of_ten_thousand_identical_lines_finishes():
    line = "We keep your data safe and we do not sell it."
    old = " ".join([line] * 10_000)
    new = " ".join([line] * 4_999 + ["We keep your data safe and we may sell it."] + [line] * 5_000)
    with deadline(20):
        result = classify_changes(modified(old, new))
    assert result.verdict == "material"
    assert result.findings[0].old == line


def test_a_5_mb_paragraph_with_its_first_and_last_word_changed_finishes():
    rng = random.Random(4)
    words = [rng.choice(["data", "share", "service", "account", "logs", "keep", "partners", "notice"]) for _ in range(800_000)]
    old = " ".join(words)
    new = " ".join(["Information"] + words[1:-1] + ["today"])
    assert len(old) > 5_000_000
    with deadline(60):
        result = classify_changes(modified(old, new))
    assert result.verdict in ("substantive", "material")
    assert all(len(f.old or "") < 2_000 and len(f.new or "") < 2_000 for f in result.findings)


def test_a_table_of_two_thousand_rows_with_a_1_mb_cell_finishes():
    # Every row is read with its table's header; the table is read once per diff, not once per row,
    # and a huge cell is read in one pass.
    rng = random.Random(5)
    rows = [f"| Purpose {n} | {rng.choice(['Name', 'E-mail address', 'IP address'])} | Consent | {n % 90 + 1} days |" for n in range(2_000)]
    header = "| Purpose | Data | Legal basis | How long we keep it |\n|---|---|---|---|\n"
    old = header + "\n".join(rows) + "\n"
    big = " ".join(rng.choice(["data", "share", "logs"]) for _ in range(200_000))
    new_rows = list(rows)
    new_rows[1_000] = f"| Purpose 1000 | {big} | Legitimate interests | 30 days |"
    new_rows[1_500] = new_rows[1_500].replace("Consent", "Contract")
    new = header + "\n".join(new_rows) + "\n"
    assert len(big) > 1_000_000
    with deadline(60):
        result = classify_diff(diff_markdown(old, new), bodies=(old, new))
    assert result.verdict == "material"
    assert any(f.rule == "legal-basis" for f in result.findings)
    assert all(len(f.old or "") < 2_000 and len(f.new or "") < 2_000 for f in result.findings)
