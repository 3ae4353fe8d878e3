"""A long fuzz run of the diff engine over mutated versions of the corpus.

Pairs are made from ``../shared/corpora/github-tos`` (read only, never copied): a version (or, for
nine pairs in ten, a stretch of its sections) against a mutation of itself, against a mutation of
the next version, or two mutations of one version (see ``tests/diff_support/mutations.py``: word edits, moves, duplicated, swapped and
deleted sections, renumbered headings, tables, footnotes, emphasis and a version's own
``<del>``/``~~``, link targets, code in list items, long lines and paragraphs with unclosed
brackets, CRLF, unusual Unicode), with Python-Markdown's defaults, or the example site's
extensions, or the defaults plus strikethrough. Every pair goes through ``diff_markdown`` and every
renderer and is checked as ``tests/diff_support/checks.py`` says (balanced HTML, read-back both
ways, side-by-side columns, moves that changed); a sample is also run through the browser engine
(``generator/assets/statements-diff.js``, under Node.js when it is installed) and compared byte
for byte. A pair that takes more than ``--hang`` seconds of CPU time is stopped and counted as a hang
(CPU time, not wall-clock time: on a shared machine a pair waiting for a core is not hanging; a
wall-clock limit of ten times as much still stops one waiting on the browser engine's process).

Usage::

    python bench/fuzz.py --pairs 20000 --workers 2 --save /tmp/fuzz-failures

It prints the number of pairs, failures by class (with the first example of each), the slowest
pair, the median and the 99th percentile time, and how many pairs took over 1 s and over 2 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.compare import block_data  # noqa: E402
from generator.model import split_front_matter  # noqa: E402
from generator.render import blocks_from_versions  # noqa: E402
from tests.diff_support.checks import check_pair  # noqa: E402
from tests.diff_support.mutations import mutate  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"
SITE = {"extensions": ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "def_list",
                       "pymdownx.details", "pymdownx.superfences"],
        "extension_configs": {"toc": {"permalink": True, "permalink_title": "Link to this section"}}}
#: How many of the slowest pairs are timed again, alone, after the run.
RETIME = 50
#: Share of pairs made of whole versions; the others take a stretch of sections of one.
WHOLE = 0.1
CONFIGS = {"default": {}, "site": SITE, "tilde": {"extensions": ["toc", "tables", "footnotes", "pymdownx.tilde"]}}
NODE_RUNNER = r"""
const ctx = {};
new Function("window", require("fs").readFileSync(process.argv[1], "utf8"))(ctx);
const D = ctx.StatementsDiff;
require("readline").createInterface({ input: process.stdin }).on("line", (line) => {
  const [old, neu] = JSON.parse(line);
  let out;
  try {
    const d = D.diffBlocks(old, neu);
    out = [D.renderRedline(d, true), D.renderRedline(d, false), D.renderSideBySide(d, "Old", "New", "Both"), d.stats];
  } catch (e) { out = ["error", String(e)]; }
  process.stdout.write(JSON.stringify(out) + "\n");
});
"""


class Hang(BaseException):
    """A pair past its limit (a BaseException, so no ``except Exception`` on the way swallows it)."""


def _alarm(signum, frame):  # noqa: ANN001
    raise Hang()


def _disarm() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)


_node: subprocess.Popen | None = None


def _stop_browser() -> None:
    global _node
    if _node is not None:
        _node.kill()
        _node.wait()
        _node = None


def _browser_differs(old: str, new: str, diff, markdown: dict) -> str | None:  # noqa: ANN001
    """Where the browser engine's output differs from the Python engine's, or None."""
    global _node
    if _node is None:
        _node = subprocess.Popen(["node", "-e", NODE_RUNNER, str(ROOT / "generator" / "assets" / "statements-diff.js")],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    from generator import diff as engine

    blocks = []
    for side in blocks_from_versions(old, new, **markdown):
        ids: dict[int, int] = {}
        blocks.append([block_data(b, ids) for b in side])
    assert _node.stdin is not None and _node.stdout is not None
    _node.stdin.write(json.dumps(blocks) + "\n")
    _node.stdin.flush()
    got = json.loads(_node.stdout.readline())
    fresh = engine.diff_blocks(*blocks_from_versions(old, new, **markdown))
    stats = dataclasses.asdict(fresh.stats)
    stats["sections_touched"] = list(stats["sections_touched"])
    want = [engine.render_redline(fresh, context=True), engine.render_redline(fresh, context=False),
            engine.render_side_by_side(fresh, old_label="Old", new_label="New", caption="Both"), stats]
    for name, w, g in zip(("redline", "redline without context", "side by side", "stats"), want, got):
        if w != g:
            return name
    return None


def _versions() -> list[str]:
    return [split_front_matter(p.read_text(encoding="utf-8"))[1] for p in sorted(CORPUS.glob("*.md"))]


def _window(text: str, first: int, count: int) -> str:
    """Sections ``first`` to ``first + count`` of a version (cut before its headings)."""
    parts = re.split(r"(?m)^(?=#{1,6} )", text)
    return "".join(parts[first:first + count]) if first < len(parts) else text


def _make(seed: int, versions: list[str]) -> dict:
    rng = random.Random(seed)
    k = rng.randrange(len(versions))
    mode = rng.choice(("mutate-new", "mutate-new", "real-next", "mutate-both"))
    old = versions[k]
    following = versions[k + 1] if k + 1 < len(versions) else None
    if rng.random() >= WHOLE:
        # most pairs take a stretch of sections (the same stretch of the next version): cheaper, as varied
        first, count = rng.randrange(0, 40), rng.randint(2, 14)
        old = _window(old, first, count)
        following = _window(following, first, count) if following is not None else None
    ops_old: list[str] = []
    if mode == "real-next" and following is not None:
        new, ops = mutate(following, rng, most=4)
    else:
        new, ops = mutate(old, rng)
        if mode == "mutate-both":
            old, ops_old = mutate(old, rng, most=4)
    return {"seed": seed, "mode": mode, "ext": rng.choice(list(CONFIGS)), "old": old, "new": new, "ops_old": ops_old, "ops": ops}


def _run(args: tuple[int, bool, float]) -> dict:
    seed, browser, hang = args
    try:
        case = _make(seed, _VERSIONS)
    except Exception as exc:  # noqa: BLE001 - a broken mutation is the harness's fault, counted apart
        return {"seed": seed, "seconds": 0.0, "failures": [("harness", repr(exc))], "size": 0, "case": {}}
    markdown = CONFIGS[case["ext"]]
    signal.signal(signal.SIGPROF, _alarm)
    signal.signal(signal.SIGALRM, _alarm)
    compared = False
    try:
        try:
            signal.setitimer(signal.ITIMER_PROF, hang)
            signal.setitimer(signal.ITIMER_REAL, 10 * hang)
            seconds, failures, diff = check_pair(case["old"], case["new"], **markdown)
            if browser and diff is not None and not failures and len(case["old"]) + len(case["new"]) < 600_000:
                compared = True
                where = _browser_differs(case["old"], case["new"], diff, markdown)
                if where:
                    failures.append(("browser", where))
        finally:
            _disarm()
    except Hang:
        _disarm()
        _stop_browser()  # its answer to the pair stopped half-way would be read as the next pair's
        seconds, failures = hang, [("hang", f"stopped after {hang} s of CPU time")]
    size = len(case["old"]) + len(case["new"])
    return {"seed": seed, "seconds": seconds, "failures": failures, "size": size, "compared": compared,
            "case": {k: case[k] for k in ("mode", "ext", "ops_old", "ops")}}


_VERSIONS: list[str] = []


def _init() -> None:
    global _VERSIONS
    os.nice(5)
    _VERSIONS = _versions()
    for markdown in CONFIGS.values():  # each configuration's first use builds its Markdown instance: not timed
        check_pair("# A\n\nWarm up.\n", "# A\n\nWarm up, again.\n", **markdown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang", type=float, default=60.0, help="CPU seconds after which a pair is stopped")
    parser.add_argument("--browser-every", type=int, default=4, help="compare every Nth pair with the browser engine (0: never)")
    parser.add_argument("--save", type=Path, help="write each failing pair (old.md, new.md, case.json) here")
    parser.add_argument("--log", type=Path, help="append each pair's result here as a JSON line, as it comes")
    parser.add_argument("--summarize", type=Path, nargs="+", help="print the summary of earlier --log files, run nothing")
    options = parser.parse_args()
    if options.summarize:
        results = [json.loads(line) for path in options.summarize for line in path.read_text().splitlines() if line]
        _summary(results, sum(1 for r in results if r.get("compared")), options.save, started=None)
        return
    if not CORPUS.is_dir():
        sys.exit(f"the corpus is not at {CORPUS}")
    browser = options.browser_every > 0 and shutil.which("node") is not None
    jobs = [(options.seed * 1_000_003 + n, browser and n % max(1, options.browser_every) == 0, options.hang)
            for n in range(options.pairs)]
    results = []
    started = time.perf_counter()
    log = options.log.open("a", encoding="utf-8") if options.log else None
    with multiprocessing.Pool(options.workers, initializer=_init) as pool:
        for n, result in enumerate(pool.imap_unordered(_run, jobs, chunksize=4), 1):
            results.append(result)
            if log is not None:
                log.write(json.dumps(result) + "\n")
                log.flush()
            if n % 1000 == 0:
                failing = sum(1 for r in results if r["failures"])
                print(f"{n} pairs, {failing} failing, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    _summary(results, sum(1 for r in results if r.get("compared")), options.save, started)


def _summary(results: list[dict], compared: int | None, save: Path | None, started: float | None) -> None:
    by_class: dict[str, list[dict]] = {}
    for r in results:
        for kind in {k for k, _ in r["failures"]}:
            by_class.setdefault(kind, []).append(r)
    # times taken in parallel on a shared machine are noisy: the slowest pairs are timed again, alone
    _init()
    for r in sorted(results, key=lambda r: -r["seconds"])[:RETIME]:
        if any(k == "hang" for k, _ in r["failures"]):
            continue
        case = _make(r["seed"], _VERSIONS)
        r["seconds"] = min(check_pair(case["old"], case["new"], **CONFIGS[case["ext"]])[0] for _ in range(2))
    times = sorted(r["seconds"] for r in results)
    slowest = max(results, key=lambda r: r["seconds"])
    print(f"pairs: {len(results)}" + (f" (browser engine compared on {compared})" if compared is not None else ""))
    print(f"failing pairs: {sum(1 for r in results if r['failures'])}")
    for kind in sorted(by_class):
        first = by_class[kind][0]
        detail = next(d for k, d in first["failures"] if k == kind)
        print(f"  {kind}: {len(by_class[kind])}  e.g. seed {first['seed']} {first['case']}: {detail[:300]}")
    print(f"median: {statistics.median(times) * 1000:.1f} ms; 99th percentile: {times[int(len(times) * 0.99) - 1] * 1000:.0f} ms; "
          f"over 1 s: {sum(t > 1 for t in times)}; over 2 s: {sum(t > 2 for t in times)}")
    print(f"slowest (the {RETIME} slowest timed again alone): {slowest['seconds']:.2f} s, seed {slowest['seed']}, {slowest['size'] / 1000:.0f} KB, {slowest['case']}")
    if started is not None:
        print(f"wall time: {time.perf_counter() - started:.0f} s")
    if save:
        _init_versions = _versions()
        for kind, failed in by_class.items():
            for r in failed[:5]:
                case = _make(r["seed"], _init_versions)
                folder = save / f"{kind}-{r['seed']}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "old.md").write_text(case["old"], encoding="utf-8")
                (folder / "new.md").write_text(case["new"], encoding="utf-8")
                (folder / "case.json").write_text(json.dumps({**r["case"], "failures": r["failures"]}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
