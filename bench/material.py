"""Benchmark and verdict table: the material-change detector over every version of the corpus.

Usage::

    python bench/material.py              # table + cost, corpus at ../shared/corpora/github-tos
    python bench/material.py --repeat 5   # more timing runs per pair (the median is reported)
    python bench/material.py --findings 3 # how many findings to show per version

Each version is diffed against its ``base_seq`` from ``lineage.tsv`` (front-matter stripped).
Cost is measured in this run, on this machine: the detector's time per version pair (median),
and its ratio to the diff engine's own time (``diff_markdown``) for the same pairs.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"


def load(corpus: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Bodies by seq (front-matter stripped) and the lineage rows."""
    from generator.model import split_front_matter

    bodies = {}
    for path in sorted(corpus.glob("[0-9][0-9][0-9]_*.md")):
        _, body, _ = split_front_matter(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        bodies[path.name[:3]] = body
    with open(corpus / "lineage.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return bodies, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--findings", type=int, default=2)
    args = parser.parse_args()
    if not (args.corpus / "lineage.tsv").is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from generator import diff as engine
    from generator.material import classify_diff

    bodies, rows = load(args.corpus)
    diff_times: list[float] = []
    detect_times: list[float] = []
    print(f"{'seq':>3} {'base':>4} {'kind':<17} {'verdict':<11} findings")
    for row in rows:
        seq, base = row["seq"], row["base_seq"]
        if not base:
            print(f"{seq:>3} {'':>4} {row['kind_vs_base']:<17} {'(first)':<11}")
            continue
        old, new = bodies[base], bodies[seq]
        d_runs, c_runs = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            diff = engine.diff_markdown(old, new)
            d_runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = classify_diff(diff)
            c_runs.append(time.perf_counter() - started)
        diff_times.append(statistics.median(d_runs))
        detect_times.append(statistics.median(c_runs))
        top = "; ".join(
            f"{f.rule}: {f.message}" for f in result.findings[: args.findings]
        )
        if len(top) > 160:
            top = top[:159] + "…"
        print(f"{seq:>3} {base:>4} {row['kind_vs_base']:<17} {result.verdict:<11} {top}")
    pairs = len(detect_times)
    detect = statistics.median(detect_times)
    diff_median = statistics.median(diff_times)
    ratio = statistics.median(c / d for c, d in zip(detect_times, diff_times) if d > 0)
    print()
    print(f"{pairs} version pairs, median of {args.repeat} runs each")
    print(f"diff engine  median {diff_median * 1000:.2f} ms per pair (total {sum(diff_times):.2f} s)")
    print(f"detector     median {detect * 1000:.2f} ms per pair (total {sum(detect_times):.2f} s)")
    print(f"detector / diff engine: median ratio {ratio:.3f}, total ratio {sum(detect_times) / sum(diff_times):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
