"""Benchmark: `statement build` against the MkDocs floor, rebuilds with the cache, memory, planning, start-up.

Usage::

    python bench/build.py                  # every figure (about 20 minutes on two busy cores)
    python bench/build.py --quick          # small sizes only: no 1,000-version runs, fewer rounds
    python bench/build.py --only build     # one section: build, rebuild, planning, start

Everything is measured in this run, on this machine, and printed as ratios against a reference
measured alongside it, so the figures compare across machines:

**The floor** is a plain `mkdocs build` of a site with exactly the pages the plugin makes, at the
same addresses, made of the same statement texts (each version's page and changes page carry that
version's text), with the same theme, Markdown extensions and navigation, and the same pages
excluded from search. Whatever `statement build` takes beyond the floor is the plugin's cost.

**Interleaving**: the two sides of every ratio run in turn (A B A B …) and the medians are
compared, so a change in the machine's load falls on both sides rather than on one.

**CPU time**: every figure is the CPU time (user + system) of the whole process, from the kernel's
accounting of the child (``wait4``), not the wall clock: on a machine shared with other work, wall
time measures the neighbours as much as the build. Wall-clock medians are printed alongside.

Figures (targets from issue 12):

(a) `statement build` ÷ floor, with an empty cache (a first build, or CI without the cache), on the
    corpus and on synthetic histories of 19 and 32 versions (target ≤ 1.3); with a warm cache too.
(b) no-change rebuild ÷ full build, at 300 and 1,000 versions (≤ 0.5); rebuild after one new
    version ÷ full build (≤ 0.6); peak memory of a 1,000-version build ÷ the floor's (≤ 2).
(c) planning (the plugin's ``on_files``: history, diffs, verdicts, pages) at 1,000 ÷ 100 versions
    (≤ 10), with an empty cache.
(d) `statement --help`, whole process (≤ 0.15 s), and its ratio to `python -c pass`;
    `statement diff --format json` on a 60 KB pair, whole process (≤ 0.3 s).
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
# This folder holds bench/material.py, which must not shadow mkdocs-material's package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"
AS_OF = "2100-01-01"
CACHE = Path(".cache") / "statements"

# The example site's theme and Markdown extensions: what a real site builds with.
SITE = """\
site_name: Bench
docs_dir: pages
theme:
  name: material
  font: false
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - md_in_html
  - admonition
  - footnotes
  - def_list
  - pymdownx.details
  - pymdownx.superfences
"""

WORDS = (
    "we collect use share store retain process personal information data account service provider "
    "request email address security access delete correct transfer cookie law notice period days "
    "purpose consent contract partner analytics support payment device location children rights"
).split()

#: Subprocesses run this checkout's code, whatever is installed. They may write bytecode: an
#: installed package has it (pip compiles a wheel's modules when it installs them), so a run with
#: ``PYTHONDONTWRITEBYTECODE`` set would time the compiler on the plugin's side only, since
#: MkDocs' own modules were compiled when it was installed.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(ROOT),
    "GIT_CONFIG_GLOBAL": os.devnull,
}


# --- inputs ------------------------------------------------------------------------------------


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def synthetic_versions(count: int, *, seed: int = 7, sections: int = 12, paragraphs: int = 4) -> list[str]:
    """``count`` statement files (~15 KB each), each three sentences away from the one before."""
    rng = random.Random(seed)
    body = [
        [f"## Section {s + 1}"] + [" ".join(sentence(rng) for _ in range(4)) for _ in range(paragraphs)]
        for s in range(sections)
    ]
    texts = []
    for index in range(count):
        for _ in range(3):  # three edits per version, spread through the document
            section = rng.randrange(sections)
            paragraph = rng.randrange(1, paragraphs + 1)
            sentences = body[section][paragraph].split(". ")
            sentences[rng.randrange(len(sentences))] = sentence(rng).rstrip(".")
            body[section][paragraph] = ". ".join(sentences)
        effective = f"{2000 + index // 12:04d}-{index % 12 + 1:02d}-01"
        front = f"---\ntitle: Privacy Statement\neffective: {effective}\npublished: {effective}\n---\n\n"
        texts.append(front + "\n\n".join("\n\n".join(part) for part in body) + "\n")
    return texts


def corpus_versions() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("[0-9][0-9][0-9]_*.md"))]


def corpus_dates() -> list[int]:
    """The corpus' commit days (from the file names), as timestamps at noon UTC."""
    import datetime as dt

    days = [dt.date.fromisoformat(p.name.split("_")[1]) for p in sorted(CORPUS.glob("[0-9][0-9][0-9]_*.md"))]
    return [int(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.timezone.utc).timestamp()) for d in days]


def _commit_stream(
    texts: list[str], relpath: str, start_index: int = 0, parent: bool = False, dates: list[int] | None = None,
) -> bytes:
    stream = []
    start = 946_684_800  # 2000-01-01
    for offset, text in enumerate(texts):
        index = start_index + offset
        data = text.encode("utf-8")
        message = f"Version {index}".encode()
        stamp = dates[offset] if dates else start + index * 86_400 * 30
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Bench <bench@example.test> %d +0000\n" % stamp)
        stream.append(b"data %d\n%s\n" % (len(message), message))
        if parent and offset == 0:
            stream.append(b"from refs/heads/main^0\n")
        stream.append(b"M 100644 inline %s\n" % relpath.encode())
        stream.append(b"data %d\n%s\n" % (len(data), data))
    return b"".join(stream)


def replay(folder: Path, texts: list[str], relpath: str = "statements/privacy.md", dates: list[int] | None = None) -> None:
    """A git repository whose history of ``relpath`` is ``texts``, one commit each (git fast-import)."""
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True, env=ENV)
    stream = _commit_stream(texts, relpath, dates=dates)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=stream, check=True, env=ENV)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True, env=ENV)


def append_version(folder: Path, text: str, index: int, relpath: str = "statements/privacy.md") -> None:
    """Commit one more version on top of ``folder``'s history."""
    stream = _commit_stream([text], relpath, start_index=index, parent=True)
    subprocess.run(["git", "fast-import", "--quiet", "--force"], cwd=folder, input=stream, check=True, env=ENV)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True, env=ENV)


def statements_project(folder: Path, texts: list[str], dates: list[int] | None = None) -> Path:
    replay(folder, texts, dates=dates)
    (folder / "pages").mkdir()
    (folder / "mkdocs.yml").write_text(SITE + "plugins:\n  - search\n  - statements\n", encoding="utf-8")
    return folder


def floor_project(folder: Path, ours: Path) -> Path:
    """The plain MkDocs site with the plugin's pages, addresses, navigation and search coverage."""
    import datetime as dt

    from generator.model import split_front_matter
    from generator.plugin import make_plan
    from generator.project import load_project

    import yaml

    project = load_project(ours / "mkdocs.yml", as_of=dt.date.fromisoformat(AS_OF), warn=lambda message: None)
    plan = make_plan(project.statements, project.config, project.options, as_of=project.as_of, home=True)
    bodies = {}
    for statement in project.statements:
        for version in statement.versions:
            bodies[version.key] = split_front_matter(version.text)[1]
    newest = split_front_matter(project.statements[0].versions[-1].text)[1]
    pages = folder / "pages"
    for page in plan.pages:
        meta = {key: page.meta[key] for key in ("title", "search", "hide") if key in page.meta}
        key = (page.meta.get("statement") or {}).get("effective")
        body = bodies.get(key, newest)
        path = pages / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{yaml.safe_dump(meta)}---\n\n{body}", encoding="utf-8")
    nav = [{"Home": "index.md"}, *plan.nav]
    (folder / "mkdocs.yml").write_text(
        SITE + "plugins:\n  - search\n" + yaml.safe_dump({"nav": nav}, sort_keys=False), encoding="utf-8"
    )
    return folder


# --- measuring ---------------------------------------------------------------------------------


def run(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """CPU seconds (user + system), peak resident memory (MB) and wall seconds of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, elapsed


def statement_build(folder: Path, *, cache: str = "keep") -> tuple[float, float, float]:
    """`statement build`; ``cache``: keep what is there, or ``empty`` it first (a full build)."""
    if cache == "empty":
        shutil.rmtree(folder / CACHE, ignore_errors=True)
    return run([sys.executable, "-m", "generator.cli", "build", "-q", "--as-of", AS_OF, "-f", "mkdocs.yml"], folder)


def floor_build(folder: Path) -> tuple[float, float, float]:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], folder)


def interleaved(sides: dict[str, Callable[[], Any]], rounds: int) -> dict[str, list[Any]]:
    """Run every side once per round, in turn; the samples of each side."""
    samples: dict[str, list[Any]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, side in sides.items():
            samples[name].append(side())
    return samples


def median(samples: list[Any], index: int | None = None) -> float:
    return statistics.median(s[index] if index is not None else s for s in samples)


# --- sections ----------------------------------------------------------------------------------


def section_build(work: Path, rounds: int, quick: bool) -> None:
    print(f"(a) statement build ÷ floor (plain mkdocs build, same pages), interleaved, CPU seconds, medians of {rounds}")
    print(f"{'input':<22}{'commits':>9}{'pages':>7}{'floor s':>9}{'full s':>9}{'warm s':>9}{'full÷floor':>12}{'warm÷floor':>12}{'wall ratio':>12}")
    cases = [("synthetic 19", synthetic_versions(19), None), ("synthetic 32", synthetic_versions(32), None)]
    if CORPUS.is_dir():
        cases.insert(0, ("corpus github-tos", corpus_versions(), corpus_dates()))
    for label, texts, dates in cases:
        name = label.replace(" ", "-")
        ours = statements_project(work / f"{name}-statements", texts, dates)
        statement_build(ours, cache="empty")  # warm the interpreter's bytecode and git's objects
        plain = floor_project(work / f"{name}-floor", ours)
        floor_build(plain)
        pages = sum(1 for _ in (ours / "site").rglob("index.html"))
        samples = interleaved(
            {
                "full": lambda: statement_build(ours, cache="empty"),
                "floor": lambda: floor_build(plain),
                "warm": lambda: statement_build(ours),
            },
            rounds,
        )
        full, floor, warm = (median(samples[k], 0) for k in ("full", "floor", "warm"))
        wall = median(samples["full"], 2) / median(samples["floor"], 2)
        verdict = "ok" if full / floor <= 1.3 else "MISS"
        print(
            f"{label:<22}{len(texts):>9}{pages:>7}{floor:>9.2f}{full:>9.2f}{warm:>9.2f}{full / floor:>12.2f}"
            f"{warm / floor:>12.2f}{wall:>12.2f}  {verdict} (≤ 1.3)"
        )
    print()


def section_rebuild(work: Path, rounds: int, quick: bool, sizes: list[int] | None = None) -> None:
    sizes = sizes or ([60, 120] if quick else [300, 1000])
    print(f"(b) rebuilds ÷ a full build (empty cache), interleaved, CPU seconds, medians of {rounds}; peak memory ÷ the floor's")
    print(
        f"{'versions':>9}{'floor s':>9}{'full s':>9}{'no-change s':>13}{'one-new s':>11}"
        f"{'full÷floor':>12}{'no-change÷full':>16}{'one-new÷full':>14}{'full MB':>9}{'floor MB':>10}{'MB÷floor':>10}"
    )
    for count in sizes:
        texts = synthetic_versions(count)
        ours = statements_project(work / f"r{count}-statements", texts[:-1])
        statement_build(ours, cache="empty")
        before = work / f"r{count}-cache-before"
        if (ours / CACHE).is_dir():
            shutil.copytree(ours / CACHE, before)
        append_version(ours, texts[-1], count - 1)
        plain = floor_project(work / f"r{count}-floor", ours)

        def one_new() -> tuple[float, float, float]:
            shutil.rmtree(ours / CACHE, ignore_errors=True)
            if before.is_dir():
                shutil.copytree(before, ours / CACHE)
            return statement_build(ours)

        samples = interleaved(
            {
                "full": lambda: statement_build(ours, cache="empty"),
                "no-change": lambda: statement_build(ours),
                "one-new": one_new,
                "floor": lambda: floor_build(plain),
            },
            rounds,
        )
        full, unchanged, new, floor = (median(samples[k], 0) for k in ("full", "no-change", "one-new", "floor"))
        full_mb, floor_mb = median(samples["full"], 1), median(samples["floor"], 1)
        print(
            f"{count:>9}{floor:>9.2f}{full:>9.2f}{unchanged:>13.2f}{new:>11.2f}{full / floor:>12.2f}"
            f"{unchanged / full:>16.2f}{new / full:>14.2f}{full_mb:>9.0f}{floor_mb:>10.0f}{full_mb / floor_mb:>10.2f}"
        )
    print("targets: no-change ≤ 0.5, one-new ≤ 0.6 of a full build; peak memory ≤ 2× the floor's (at 1,000)")
    print()


def section_planning(work: Path, rounds: int, quick: bool) -> None:
    sizes = (50, 500) if quick else (100, 1000)
    print(f"(c) planning (on_files: history, diffs, verdicts, pages; empty cache), interleaved, CPU seconds, medians of {rounds}")
    projects = {count: statements_project(work / f"p{count}", synthetic_versions(count)) for count in sizes}
    samples = interleaved({count: (lambda folder=folder: planning_time(folder)) for count, folder in projects.items()}, rounds)
    small, large = (median(samples[count]) for count in sizes)
    ratio = large / small
    print(f"{sizes[0]:>5} versions {small:8.2f} s   {sizes[1]:>5} versions {large:8.2f} s   ratio {ratio:.2f}  {'ok' if ratio <= 10 else 'MISS'} (≤ 10)")
    print()


def planning_time(folder: Path) -> float:
    """CPU seconds of the plugin's on_files on a fresh configuration, in a fresh process."""
    shutil.rmtree(folder / CACHE, ignore_errors=True)
    script = (
        "import sys, time, datetime\n"
        "from mkdocs.structure.files import get_files\n"
        "from generator.project import load_mkdocs_config\n"
        "config = load_mkdocs_config('mkdocs.yml')\n"
        "plugin = config.plugins['statements']\n"
        f"plugin.config['as_of'] = datetime.date.fromisoformat('{AS_OF}')\n"
        "plugin.on_config(config)\n"
        "config.plugins._current_plugin = 'statements'\n"
        "files = get_files(config)\n"
        "started = time.process_time()\n"
        "plugin.on_files(files, config)\n"
        "print(time.process_time() - started)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=folder, env=ENV, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return float(out.stdout.strip().splitlines()[-1])


def section_start(work: Path, rounds: int, quick: bool) -> None:
    rounds = max(rounds * 5, 9)
    print(f"(d) whole processes, interleaved with `python -c pass`, CPU seconds (wall in brackets), medians of {rounds}")
    statement = [sys.executable, "-c", "import sys; from generator.cli import main; sys.argv[0] = 'statement'; sys.exit(main())"]
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_diff", ROOT / "bench" / "diff.py")
    bench_diff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_diff)  # bench/diff.py's synthetic statements
    document, edit = bench_diff.document, bench_diff.edit

    old = document(60_000, seed=60)
    new = edit(old, 200, seed=61)
    project = work / "diff60"
    texts = [
        f"---\ntitle: Privacy Statement\neffective: 2024-01-01\n---\n\n{old}",
        f"---\ntitle: Privacy Statement\neffective: 2024-06-01\n---\n\n{new}",
    ]
    statements_project(project, texts)
    samples = interleaved(
        {
            "pass": lambda: run([sys.executable, "-c", "pass"], work),
            "help": lambda: run([*statement, "--help"], work),
            "diff": lambda: run([*statement, "diff", "privacy", "2024-01-01", "2024-06-01", "--format", "json"], project),
        },
        rounds,
    )
    bare, help_, diff = (median(samples[k], 0) for k in ("pass", "help", "diff"))
    walls = {k: median(samples[k], 2) for k in ("pass", "help", "diff")}
    print(f"python -c pass                          {bare:6.3f} s ({walls['pass']:.3f})")
    print(
        f"statement --help                        {help_:6.3f} s ({walls['help']:.3f})  {help_ / bare:.1f}× python -c pass"
        f"  {'ok' if help_ <= 0.15 else 'MISS'} (≤ 0.15 s)"
    )
    print(
        f"statement diff --format json, 60 KB     {diff:6.3f} s ({walls['diff']:.3f})  {diff / bare:.1f}× python -c pass"
        f"  {'ok' if diff <= 0.3 else 'MISS'} (≤ 0.3 s)"
    )
    print()


SECTIONS = {"build": section_build, "rebuild": section_rebuild, "planning": section_planning, "start": section_start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer rounds")
    parser.add_argument("--rounds", type=int, default=None, help="rounds per measurement (default 3, quick 2)")
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append", help="run only these sections")
    parser.add_argument("--rebuild-sizes", type=int, nargs="+", help="version counts of (b) (default 300 1000)")
    args = parser.parse_args()
    rounds = args.rounds or (2 if args.quick else 3)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs; code under test: {ROOT}\n")
    compileall.compile_dir(ROOT / "generator", quiet=1)  # as an install would have it: see ENV
    work = Path(tempfile.mkdtemp(prefix="statements-bench-"))
    try:
        for name, section in SECTIONS.items():
            if not args.only or name in args.only:
                if name == "rebuild" and args.rebuild_sizes:
                    section_rebuild(work, rounds, args.quick, args.rebuild_sizes)
                else:
                    section(work, rounds, args.quick)
                sys.stdout.flush()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
