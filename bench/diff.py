"""Benchmark of the diff engine against ``git diff --no-index --word-diff=porcelain``.

Both run from this process on the same inputs: synthetic privacy statements of about 15, 60, 240 and
960 KB with word edits spread through them (about 200 per 60 KB), a 60 KB full rewrite, and for
scale a 60 KB version with 20 edits, closer to how statements usually change. Every round runs
every case with both tools in turn; the table shows medians over the rounds. The engine's time
includes rendering both Markdown versions; nothing is cached from one run to the next.

Usage::

    python bench/diff.py            # the full table (about a minute on two cores)
    python bench/diff.py --quick    # fewer runs, no 960 KB case

Targets: 60 KB with 200 edits within 3x git's time; 960 KB under 25x the 60 KB time; a 60 KB
full rewrite under 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import render  # noqa: E402
from generator.diff import diff_blocks, diff_markdown  # noqa: E402
from generator.render import blocks_from_versions  # noqa: E402

VOCABULARY = (
    "we you your data personal information collect use share process service account provider company store "
    "retain delete request law security rights access contact consent purpose cookies third parties may not "
    "will must days period notice changes statement transfer country email address name payment location "
    "device browser analytics marketing partners legal basis children processor controller regulator "
    "newsletter order delivery courier warehouse tasting club subscription refund invoice support"
).split()
HEADINGS = ["Who we are", "Information we collect", "How we use information", "Sharing", "Retention",
            "Your rights", "Children", "International transfers", "Security", "Cookies", "Contact",
            "Changes to this statement"]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 18))]
    roll = rng.random()
    k = rng.randrange(len(words))
    if roll < 0.12:
        words[k] = f"*{words[k]}*"
    elif roll < 0.2:
        words[k] = f"**{words[k]}**"
    elif roll < 0.26:
        words[k] = f"[{words[k]}](https://example.com/{words[k]})"
    elif roll < 0.34:
        words.insert(k, str(rng.randint(2, 90)))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    sentences = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
    # hard-wrapped at about 100 characters, as statements usually are
    lines, line = [], ""
    for word in sentences.split(" "):
        if line and len(line) + len(word) > 100:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def document(size: int, seed: int) -> str:
    """A statement of about ``size`` bytes: numbered sections of paragraphs and lists."""
    rng = random.Random(seed)
    parts = ["# Privacy Statement", _paragraph(rng)]
    total = sum(len(p) for p in parts)
    number = 0
    while total < size:
        number += 1
        section = [f"## {number}. {rng.choice(HEADINGS)}"]
        previous_list = False
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.3 and not previous_list:
                section.append("\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 6))))
                previous_list = True
            else:
                section.append(_paragraph(rng))
                previous_list = False
        if rng.random() < 0.3:
            section.insert(2, f"### {number}.1 {rng.choice(HEADINGS)}")
        text = "\n\n".join(section)
        parts.append(text)
        total += len(text) + 2
    return "\n\n".join(parts) + "\n"


def edit(source: str, count: int, seed: int) -> str:
    """``count`` word edits (replace, insert, delete) on distinct lines spread through the text."""
    rng = random.Random(seed)
    lines = source.split("\n")
    candidates = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    for i in rng.sample(candidates, min(count, len(candidates))):
        words = lines[i].split(" ")
        k = rng.randrange(1, len(words)) if len(words) > 1 else 0
        roll = rng.random()
        if roll < 0.4:
            words[k] = rng.choice(VOCABULARY)
        elif roll < 0.75 or len(words) < 3:
            words.insert(k, rng.choice(VOCABULARY))
        else:
            del words[k]
        lines[i] = " ".join(words)
    return "\n".join(lines)


def _git(old: Path, new: Path) -> None:
    subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", str(old), str(new)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def _time(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def _one_round(old: str, new: str, old_path: Path, new_path: Path) -> dict[str, float]:
    """Seconds of git, of the engine, and of the engine's two stages (rendering both versions;
    aligning and redlining), for one run on one case."""
    # the renderer keeps texts and chunks for the process: each round starts without them, as a
    # pair the process has not seen would, so repeated rounds measure the engine, not look-ups
    render._SHARED.clear()
    render.guard_markdown.cache_clear()  # (guarding too is kept per text)
    times = {"git": _time(_git, old_path, new_path), "ours": _time(diff_markdown, old, new)}
    render._SHARED.clear()
    render.guard_markdown.cache_clear()
    start = time.perf_counter()
    blocks = blocks_from_versions(old, new)
    times["render"] = time.perf_counter() - start
    times["align"] = _time(diff_blocks, *blocks)
    return times


def measure(cases: list[tuple[str, int, str, str]], runs: int, folder: Path) -> dict[str, dict[str, float]]:
    """Medians per case over ``runs`` rounds; every round runs every case, so that a change in the
    machine's load falls on all cases alike rather than on one."""
    paths = {}
    for n, (name, _, old, new) in enumerate(cases):
        old_path, new_path = folder / f"{n}-old.md", folder / f"{n}-new.md"
        old_path.write_text(old, encoding="utf-8")
        new_path.write_text(new, encoding="utf-8")
        paths[name] = (old_path, new_path)
        _git(old_path, new_path)  # warm the file cache and the binary
    diff_markdown(cases[0][2][:2000], cases[0][3][:2000])  # build the Markdown instance (configuration, not content)
    samples: dict[str, dict[str, list[float]]] = {name: {} for name, *_ in cases}
    for _ in range(runs):
        for name, _, old, new in cases:
            for key, value in _one_round(old, new, *paths[name]).items():
                samples[name].setdefault(key, []).append(value)
    return {name: {k: statistics.median(v) for k, v in s.items()} for name, s in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 960 KB case")
    parser.add_argument("--runs", type=int, default=None, help="runs per case (default 7, quick 3)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    sizes = [15, 60, 240] if args.quick else [15, 60, 240, 960]
    cases = []
    for kb in sizes:
        old = document(kb * 1000, seed=kb)
        cases.append((f"{kb} KB, {200 * kb // 60} edits", kb, old, edit(old, 200 * kb // 60, seed=kb + 1)))
    old = document(60_000, seed=60)
    cases.append(("60 KB, full rewrite", 60, old, document(60_000, seed=6060)))
    # not a target: a version as statements usually change, for scale
    cases.append(("60 KB, 20 edits", 60, old, edit(old, 20, seed=62)))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{runs} runs per case, medians; load average {load:.1f} on {os.cpu_count()} CPUs\n")
    print(f"{'case':<24}{'git ms':>9}{'ours ms':>9}{'ours/git':>10}{'render ms':>11}{'align+redline ms':>18}")
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(cases, runs, Path(tmp))
    for name, *_ in cases:
        r = results[name]
        print(f"{name:<24}{r['git'] * 1e3:>9.1f}{r['ours'] * 1e3:>9.1f}{r['ours'] / r['git']:>10.2f}"
              f"{r['render'] * 1e3:>11.1f}{r['align'] * 1e3:>18.1f}")

    print()
    at60 = results["60 KB, 200 edits"]
    checks = [("60 KB with 200 edits within 3x git", at60["ours"] / at60["git"], 3.0, "x git")]
    if "960 KB, 3200 edits" in results:
        checks.append(("960 KB under 25x the 60 KB time", results["960 KB, 3200 edits"]["ours"] / at60["ours"], 25.0, "x"))
    checks.append(("60 KB full rewrite under 200 ms", results["60 KB, full rewrite"]["ours"] * 1e3, 200.0, " ms"))
    failed = False
    for label, value, limit, unit in checks:
        ok = value <= limit
        failed |= not ok
        print(f"{'ok  ' if ok else 'MISS'} {label}: {value:.2f}{unit}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
