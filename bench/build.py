"""Benchmark: `statement build` against a plain `mkdocs build` of the same page count, and history reading.

Usage::

    python bench/build.py                 # 100 synthetic versions, history at 100 and 1,000, corpus when present
    python bench/build.py --versions 50 --history 100 500 --repeat 3

Everything is measured in this run, on this machine, so the figures are ratios, not seconds to
compare across machines:

(a) build ratio = `statement build` of a repository with N versions ÷ a plain `mkdocs build` (same
    theme, same Markdown extensions, search on) of a site with exactly as many pages, made of the
    same texts. Target: under 1.5 for N = 100.
(b) history = seconds to read a statement's git history, per version, at N and 10·N versions.
    Target: linear growth (10·N versions under 10× the time of N).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "github-tos"

MKDOCS_YML = """\
site_name: Bench
docs_dir: pages
theme:
  name: material
  font: false
plugins:
  - search{plugin}
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - md_in_html
"""

WORDS = (
    "we collect use share store retain process personal information data account service provider "
    "request email address security access delete correct transfer cookie law notice period days "
    "purpose consent contract partner analytics support payment device location children rights"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def synthetic_versions(count: int, *, seed: int = 7, sections: int = 12, paragraphs: int = 4) -> list[str]:
    """``count`` statement files (~15 KB each), each a few sentences away from the one before."""
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
    files = sorted(p for p in CORPUS.glob("[0-9][0-9][0-9]_*.md"))
    return [p.read_text(encoding="utf-8") for p in files]


def replay(folder: Path, texts: list[str], relpath: str = "statements/privacy.md") -> None:
    """A git repository whose history of ``relpath`` is ``texts``, one commit each (git fast-import)."""
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    stream = []
    start = 946_684_800  # 2000-01-01
    for index, text in enumerate(texts):
        data = text.encode("utf-8")
        stamp = start + index * 86_400 * 30
        message = f"Version {index}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Bench <bench@example.test> %d +0000\n" % stamp)
        stream.append(b"data %d\n%s\n" % (len(message), message))
        stream.append(b"M 100644 inline %s\n" % relpath.encode())
        stream.append(b"data %d\n%s\n" % (len(data), data))
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True)


def timed(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def mkdocs_build(folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")], check=True, cwd=folder)


def statement_build(folder: Path, as_of: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "-q", "--as-of", as_of, "-f", str(folder / "mkdocs.yml")],
        check=True, cwd=folder,
    )


def build_ratio(texts: list[str], label: str, work: Path, repeat: int) -> dict[str, float]:
    """Time `statement build` and a plain MkDocs build with as many pages."""
    ours = work / f"{label}-statements"
    replay(ours, texts)
    (ours / "pages").mkdir()
    (ours / "mkdocs.yml").write_text(MKDOCS_YML.format(plugin="\n  - statements:\n      nav: true"), encoding="utf-8")
    statement_build(ours, "2100-01-01")  # warm caches once (bytecode, git objects)
    pages = sum(1 for _ in (ours / "site").rglob("index.html")) - 1  # minus 404's folder-less page
    plain = work / f"{label}-plain"
    (plain / "pages").mkdir(parents=True)
    (plain / "mkdocs.yml").write_text(MKDOCS_YML.format(plugin=""), encoding="utf-8")
    from generator.model import split_front_matter

    for index in range(pages):
        text = texts[index % len(texts)]
        _, body, _ = split_front_matter(text)
        (plain / "pages" / f"page-{index:04d}.md").write_text(f"# Page {index}\n\n{body}", encoding="utf-8")
    mkdocs_build(plain)
    t_ours = timed(lambda: statement_build(ours, "2100-01-01"), repeat)
    t_plain = timed(lambda: mkdocs_build(plain), repeat)
    return {"pages": pages, "statement": t_ours, "mkdocs": t_plain, "ratio": t_ours / t_plain}


def history_time(texts: list[str], work: Path, label: str, repeat: int) -> float:
    from generator.history import HistoryOptions, read_statement

    folder = work / f"{label}-history"
    replay(folder, texts)
    path = folder / "statements" / "privacy.md"
    options = HistoryOptions(include_working_tree=False)
    read_statement(path, options=options)
    return timed(lambda: read_statement(path, options=options, warn=lambda m: None), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, default=100, help="versions in the build benchmark")
    parser.add_argument("--history", type=int, nargs="+", default=[100, 1000], help="version counts for history reading")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is reported)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the real corpus even when present")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="statements-bench-"))
    try:
        print(f"(a) build: statement build vs plain mkdocs build, same page count (median of {args.repeat})")
        print(f"{'input':<24}{'versions':>9}{'pages':>7}{'statement s':>13}{'mkdocs s':>10}{'ratio':>8}")
        cases = [("synthetic", synthetic_versions(args.versions))]
        if CORPUS.is_dir() and not args.no_corpus:
            cases.append(("corpus github-tos", corpus_versions()))
        for label, texts in cases:
            result = build_ratio(texts, label.split()[0], work, args.repeat)
            print(
                f"{label:<24}{len(texts):>9}{result['pages']:>7}{result['statement']:>13.2f}"
                f"{result['mkdocs']:>10.2f}{result['ratio']:>8.2f}"
            )
        print()
        print(f"(b) history reading (median of {args.repeat})")
        print(f"{'versions':>9}{'total s':>10}{'ms/version':>12}{'vs first':>10}")
        first = None
        for count in args.history:
            seconds = history_time(synthetic_versions(count, sections=6, paragraphs=2), work, f"h{count}", args.repeat)
            first = first or seconds
            print(f"{count:>9}{seconds:>10.3f}{seconds / count * 1000:>12.2f}{seconds / first:>10.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("GIT_CONFIG_GLOBAL", os.devnull)
    main()
