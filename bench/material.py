"""Calibration and cost of the material-change detector.

Usage::

    python bench/material.py              # verdict table, confusion matrix, cost; corpus at ../shared/corpora/github-tos
    python bench/material.py --repeat 5   # more timing runs per pair (the median is reported)
    python bench/material.py --findings 3 # how many findings to show per version
    python bench/material.py --quiet      # figures only, no per-pair table

**Calibration.** ``labels.tsv`` of the corpus labels version pairs (``seq``, ``base_seq``,
``verdict``) the way a privacy lawyer reads each diff. Each pair is diffed (front-matter stripped)
and classified; the confusion matrix puts the labels in rows and the detector's verdicts in
columns. Targets: every material pair found, at most 2 of the non-material pairs called material,
at least 45 of 55 pairs with exactly the label's verdict.

**Cost.** Measured in this run, on this machine, as CPU time of this process, against the diff
engine (``diff_markdown``) on the same inputs: the corpus pairs (target: the detector's total time at most 25% of the engine's), and
a dense synthetic statement of 60 KB with 200 word edits from ``bench/diff.py`` (target: at most
the engine's own time).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"
VERDICTS = ("none", "formatting", "editorial", "substantive", "material")


def load(corpus: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Bodies by seq (front-matter stripped) and the label rows."""
    from generator.model import split_front_matter

    bodies = {}
    for path in sorted(corpus.glob("[0-9][0-9][0-9]_*.md")):
        _, body, _ = split_front_matter(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        bodies[path.name[:3]] = body
    with open(corpus / "labels.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return bodies, rows


def _timed(fn, *args):
    # CPU time of this process, not the wall clock: on a shared machine wall time measures the
    # neighbours as much as the code (both sides of every ratio are measured the same way).
    started = time.process_time()
    result = fn(*args)
    return result, time.process_time() - started


def _diff_cold(old: str, new: str):  # noqa: ANN202
    """The diff engine on a pair it has not seen: the renderer's process-wide memo of texts and chunks
    (which a build fills once) is emptied first, so repeated rounds measure work, not look-ups."""
    from generator import diff as engine, render

    render._SHARED.clear()
    render.guard_markdown.cache_clear()  # (guarding too is kept per text)
    return engine.diff_markdown(old, new)


def confusion(pairs: list[tuple[str, str]]) -> str:
    """The confusion matrix (labels in rows, verdicts in columns) as text."""
    width = max(len(v) for v in VERDICTS) + 1
    lines = [f"{'label / detector':<18}" + "".join(f"{v:>{width}}" for v in VERDICTS) + f"{'total':>{width}}"]
    for label in VERDICTS:
        row = [sum(1 for lab, got in pairs if lab == label and got == v) for v in VERDICTS]
        lines.append(f"{label:<18}" + "".join(f"{n:>{width}}" for n in row) + f"{sum(row):>{width}}")
    return "\n".join(lines)


def dense_case() -> tuple[str, str]:
    """The 60 KB statement with 200 word edits of ``bench/diff.py``."""
    spec = importlib.util.spec_from_file_location("bench_diff", ROOT / "bench" / "diff.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    old = module.document(60_000, seed=60)
    return old, module.edit(old, 200, seed=61)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--findings", type=int, default=2)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "labels.tsv").is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from generator.material import classify_diff

    bodies, rows = load(args.corpus)
    diff_times: list[float] = []
    detect_times: list[float] = []
    pairs: list[tuple[str, str]] = []
    if not args.quiet:
        print(f"{'seq':>3} {'base':>4} {'label':<11} {'verdict':<11} findings")
    for row in rows:
        seq, base, label = row["seq"], row["base_seq"], row["verdict"]
        old, new = bodies[base], bodies[seq]
        d_runs, c_runs = [], []
        for _ in range(args.repeat):
            diff, spent = _timed(_diff_cold, old, new)
            d_runs.append(spent)
            result, spent = _timed(lambda d: classify_diff(d, bodies=(old, new)), diff)
            c_runs.append(spent)
        diff_times.append(statistics.median(d_runs))
        detect_times.append(statistics.median(c_runs))
        pairs.append((label, result.verdict))
        if not args.quiet:
            top = "; ".join(f"{f.rule}: {f.message}" for f in result.findings[: args.findings])
            if len(top) > 150:
                top = top[:149] + "…"
            mark = " " if label == result.verdict else "*"
            print(f"{seq:>3} {base:>4} {label:<11}{mark}{result.verdict:<11} {top}")

    material = [got for lab, got in pairs if lab == "material"]
    other = [got for lab, got in pairs if lab != "material"]
    exact = sum(1 for lab, got in pairs if lab == got)
    print()
    print(confusion(pairs))
    print()
    found, false_material = material.count("material"), other.count("material")
    print(f"exact agreement        {exact} of {len(pairs)}   (target at least 45 of 55)")
    print(f"material recall        {found} of {len(material)}   (target all)")
    print(f"non-material called material  {false_material} of {len(other)}   (target at most 2)")

    old, new = dense_case()
    dense_diff, dense_detect = [], []
    for _ in range(max(args.repeat, 7)):  # one case: more rounds, interleaved, for a steadier median
        diff, spent = _timed(_diff_cold, old, new)
        dense_diff.append(spent)
        _, spent = _timed(classify_diff, diff)
        dense_detect.append(spent)
    total_ratio = sum(detect_times) / sum(diff_times)
    median_ratio = statistics.median(c / d for c, d in zip(detect_times, diff_times) if d > 0)
    dense_ratio = statistics.median(dense_detect) / statistics.median(dense_diff)
    print()
    print(f"cost in CPU time, median of {args.repeat} runs per pair and {max(args.repeat, 7)} of the dense case")
    print(f"corpus: diff engine total {sum(diff_times):.2f} s, detector total {sum(detect_times):.2f} s over {len(pairs)} pairs")
    print(f"corpus: detector / diff engine  total {total_ratio:.3f}, median per pair {median_ratio:.3f}   (target at most 0.25)")
    print(f"dense 60 KB, 200 edits: diff engine {statistics.median(dense_diff) * 1e3:.1f} ms, "
          f"detector {statistics.median(dense_detect) * 1e3:.1f} ms, ratio {dense_ratio:.2f}   (target at most 1.00)")
    met = (found == len(material) and false_material <= 2 and exact >= 45 and total_ratio <= 0.25 and dense_ratio <= 1.0)
    print("all targets met" if met else "targets not met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
