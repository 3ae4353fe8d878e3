"""How often each lint check is right, and what linting costs next to rendering.

    python bench/lint.py

Accuracy: every check on its fixtures (tests/fixtures/lint/*.yml: passages written to pass or to
come close and fail) and on whole statements (tests/fixtures/lint/statements/, with a careful
reader's verdict per check in expected.yml). Statements are listed in ``ROUNDS`` in the order they
were written; each round was run once as unseen text and the checks were then fixed for what it
showed (the first-run figures are kept in docs/lint.md). The statements in
tests/fixtures/lint/statements/held-out/ have never been tuned on: their column is the honest
figure for unseen text. "Right" means the status the reader
gives; a miss is a requirement the statement meets that the check did not see (false fail), a
false pass is the reverse.

Cost: linting the example and the newest corpus version, as a ratio to rendering the same text into
blocks (``render.blocks_from_markdown``), measured in the same run.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.lint import CHECK_IDS, LintContext, lint_body  # noqa: E402
from generator.model import split_front_matter  # noqa: E402
from tests.lint_support import fixture_cases, held_out, heldout, heldout_body, lint_case  # noqa: E402

#: whole statements by round of writing; the checks were tuned after each round's first run …
ROUNDS = {
    1: ("kestrel-gmbh.md", "bluejay-outfitters.md", "pocketful-app.md", "northwind-travel.md"),
    2: ("fjord-fitness.md", "lumen-learning.md"),
    3: ("maple-finch.md", "quill-health.md"),
}
#: … except the statements in tests/fixtures/lint/statements/held-out/, never tuned on
CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"


class Tally:
    def __init__(self) -> None:
        self.right = 0
        self.total = 0
        self.misses = 0
        self.false_passes = 0

    def add(self, expected: str, got: str) -> None:
        self.total += 1
        if expected == got:
            self.right += 1
        elif got == "pass":
            self.false_passes += 1
        else:
            self.misses += 1

    def cell(self) -> str:
        if not self.total:
            return "—"
        return f"{self.right}/{self.total}"


def accuracy() -> None:
    fixtures: dict[str, Tally] = defaultdict(Tally)
    tuned: dict[str, Tally] = defaultdict(Tally)
    held: dict[str, Tally] = defaultdict(Tally)
    for case in fixture_cases():
        fixtures[case.check_id].add(case.expected, lint_case(case).status)
    statements = [(name, expected, tuned) for name, expected in heldout().items()]
    statements += [(name, expected, held) for name, expected in held_out().items()]
    for name, expected, target in statements:
        report = lint_body(heldout_body(name), statement=name, regimes=["all"], context=LintContext(notice_days=30))
        for result in report.results:
            if result.check.id in expected:
                target[result.check.id].add(expected[result.check.id], result.status)
    print("| check | fixtures | statements, rounds 1–3 (tuned on) | statements held out | misses | false passes |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = {"fixtures": Tally(), "tuned": Tally(), "held": Tally()}
    for check_id in CHECK_IDS:
        f, t, h = fixtures[check_id], tuned[check_id], held[check_id]
        misses = f.misses + t.misses + h.misses
        false_passes = f.false_passes + t.false_passes + h.false_passes
        print(f"| `{check_id}` | {f.cell()} | {t.cell()} | {h.cell()} | {misses} | {false_passes} |")
        for key, tally in (("fixtures", f), ("tuned", t), ("held", h)):
            total = totals[key]
            total.right += tally.right
            total.total += tally.total
            total.misses += tally.misses
            total.false_passes += tally.false_passes
    for key, label in (("fixtures", "fixtures"), ("tuned", "statements, rounds 1–3 (tuned on after their first run)"), ("held", "statements held out")):
        tally = totals[key]
        share = 100 * tally.right / tally.total if tally.total else 0
        print(f"{label}: {tally.right}/{tally.total} right ({share:.1f} %), {tally.misses} misses, {tally.false_passes} false passes")


def _median_ms(function, rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def cost() -> None:
    from generator.render import blocks_from_markdown

    texts = [("example (statements/privacy.md)", (ROOT / "statements" / "privacy.md").read_text(encoding="utf-8"))]
    newest = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.md"))[-1:] if CORPUS.is_dir() else []
    texts += [(f"corpus newest ({path.name[:3]})", path.read_text(encoding="utf-8")) for path in newest]
    lint_body("warm up", regimes=["all"])
    print()
    print("| text | KB | render ms | lint ms (all regimes, render included) | lint / render |")
    print("|---|---:|---:|---:|---:|")
    for label, text in texts:
        _, body, _ = split_front_matter(text)
        render = _median_ms(lambda: blocks_from_markdown(body))
        lint = _median_ms(lambda: lint_body(body, regimes=["all"]))
        print(f"| {label} | {len(body.encode()) / 1024:.0f} | {render:.1f} | {lint:.1f} | {lint / render:.1f}× |")


if __name__ == "__main__":
    accuracy()
    cost()
