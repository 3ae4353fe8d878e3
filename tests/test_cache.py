"""The build cache (.cache/statements/): reused where the inputs are the same, never trusted blindly."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from generator.cache import DATABASE, Store
from generator.plugin import make_plan
from generator.project import load_project
from tests.conftest import CORPUS, run, statement_text

PATH = "statements/privacy.md"
CACHE = Path(".cache/statements")

V1 = "## Overview\n\nWe collect little.\n\n## Sharing\n\nWe share nothing.\n"
V2 = "## Overview\n\nWe collect a little more.\n\n## Sharing\n\nWe share nothing.\n"
V3 = "## Overview\n\nWe collect a little more.\n\n## Sharing\n\nWe share your email address with partners.\n"
V4 = "## Overview\n\nWe collect a little more, and your location.\n\n## Sharing\n\nWe share your email address with partners.\n"


@pytest.fixture
def history(in_repo):
    """Three versions, the second corrected after publication, the third material."""
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body=V1)}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body=V2)}, date="2024-05-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body=V2.replace("more.", "more!"))}, date="2024-07-01")
    in_repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We share your email.", body=V3)},
        date="2024-11-01",
    )
    return in_repo


def build(folder: Path, name: str, *args: str) -> Path:
    result = run("build", "--as-of", "2024-12-01", "-d", str(folder / name), *args)
    assert result.exit_code == 0, result.output
    return folder / name


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def entries(folder: Path) -> dict[tuple[str, str], bytes]:
    """Every entry of the project's cache, by kind and key."""
    database = folder / CACHE / DATABASE
    if not database.is_file():
        return {}
    with sqlite3.connect(database) as db:
        return {(kind, key): data for kind, key, data in db.execute("SELECT kind, key, data FROM entries")}


def write_entry(folder: Path, kind: str, key: str, data: bytes) -> None:
    """Replace an entry's data in the project's cache, as a damaged disk or another program might."""
    with sqlite3.connect(folder / CACHE / DATABASE) as db:
        db.execute("UPDATE entries SET data = ? WHERE kind = ? AND key = ?", (data, kind, key))


def plan_counts(folder: Path, as_of: str = "2024-12-01") -> Store:
    """Plan the site with the project's cache; the store's counts say what was computed."""
    project = load_project(folder / "mkdocs.yml", as_of=dt.date.fromisoformat(as_of), warn=lambda message: None)
    store = Store(folder / CACHE)
    make_plan(project.statements, project.config, project.options, as_of=project.as_of, home=True, store=store)
    return store


# --- the same site ---------------------------------------------------------------------------------


def test_a_build_with_the_cache_is_byte_identical_to_one_without(history, tmp_path):
    first = build(tmp_path, "first")  # fills the cache
    assert entries(history.path)
    second = build(tmp_path, "second")  # reads it
    without = build(tmp_path, "without", "--no-cache")
    assert files_of(second) == files_of(first) == files_of(without)


def test_no_cache_neither_reads_nor_writes_the_folder(history, tmp_path):
    build(tmp_path, "site", "--no-cache")
    assert not (history.path / CACHE).exists()


def test_the_cache_folder_ignores_itself_in_git(history, tmp_path):
    build(tmp_path, "site")
    assert (history.path / CACHE / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert history.git("status", "--porcelain", "--untracked-files=all") == ""


def test_the_option_cache_false_turns_it_off(history, tmp_path):
    config = history.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - statements\n", "  - statements:\n      cache: false\n"), encoding="utf-8")
    build(tmp_path, "site")
    assert not (history.path / CACHE).exists()


# --- never trusted ------------------------------------------------------------------------------------


def _sealed(key: str, payload: bytes) -> bytes:
    """An entry with ``payload`` and a valid first line (the damage is in the data, not the checksum)."""
    return f"{key} {hashlib.sha256(payload).hexdigest()}\n".encode() + payload


def test_corrupt_entries_are_ignored_and_the_site_is_the_same(history, tmp_path):
    expected = files_of(build(tmp_path, "without", "--no-cache"))
    build(tmp_path, "first")
    damaged = entries(history.path)
    assert len(damaged) >= 6
    for number, ((kind, key), data) in enumerate(sorted(damaged.items())):
        match number % 6:
            case 0:
                data = data[: len(data) // 2]  # torn write
            case 1:
                data = data.replace(b"e", b"a", 3)  # bytes changed under the checksum
            case 2:
                data = b""
            case 3:
                data = _sealed(key, b'{"unexpected": "shape"}')  # intact, but not what the kind holds
            case 4:
                data = _sealed(key, b"[1, 2")  # intact, but not JSON
            case 5:
                data = _sealed("0" * 64, json.dumps("<p>another page's redline</p>").encode())  # not its key
        write_entry(history.path, kind, key, data)
    assert files_of(build(tmp_path, "again")) == expected
    # …and the damaged entries were replaced by good ones: the next build reuses everything.
    assert plan_counts(history.path).computed() == 0


def test_a_cache_that_is_not_a_database_is_made_again_and_the_site_is_the_same(history, tmp_path):
    expected = files_of(build(tmp_path, "without", "--no-cache"))
    build(tmp_path, "first")
    database = history.path / CACHE / DATABASE
    database.write_bytes(b"not a database, " * 1000)
    assert files_of(build(tmp_path, "again")) == expected
    assert plan_counts(history.path).computed() == 0


def test_a_damaged_database_costs_time_not_correctness(history, tmp_path):
    expected = files_of(build(tmp_path, "without", "--no-cache"))
    build(tmp_path, "first")
    database = history.path / CACHE / DATABASE
    data = bytearray(database.read_bytes())
    for offset in range(4096, len(data), 4096):  # every page but the first: the tables' pages are garbage
        data[offset : offset + 64] = b"\xff" * 64
    database.write_bytes(bytes(data))
    assert files_of(build(tmp_path, "again")) == expected
    assert files_of(build(tmp_path, "third")) == expected


def test_a_cache_of_the_first_layout_is_removed_when_the_database_is_made(history, tmp_path):
    old = history.path / CACHE / "redline"
    old.mkdir(parents=True)
    (old / ("0" * 64)).write_bytes(b"an entry of the layout with a file per entry")
    build(tmp_path, "site")
    assert sorted(p.name for p in (history.path / CACHE).iterdir()) == [".gitignore", DATABASE, DATABASE + "-journal"]


def test_writing_an_entry_creates_no_file(history, tmp_path):
    build(tmp_path, "first")
    files = sorted(p.relative_to(history.path).as_posix() for p in (history.path / CACHE).rglob("*"))
    history.commit(files={PATH: statement_text(effective="2025-06-01", body=V4)}, date="2024-11-20")
    assert plan_counts(history.path).computed() > 0
    assert sorted(p.relative_to(history.path).as_posix() for p in (history.path / CACHE).rglob("*")) == files


def test_an_entry_from_another_configuration_is_not_used(history, tmp_path):
    build(tmp_path, "first")
    config = history.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("permalink: true", "permalink: '#'"), encoding="utf-8")
    store = plan_counts(history.path)
    assert store.counts[("redline", "reused")] == 0
    assert store.counts[("compare", "reused")] == 0


def test_changed_detector_options_recompute_the_verdicts_only(history, tmp_path):
    build(tmp_path, "first")
    config = history.path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - statements\n", "  - statements:\n      material:\n        disable: [negation]\n"),
        encoding="utf-8",
    )
    store = plan_counts(history.path)
    assert store.computed(["verdict"]) == 2
    assert store.computed(["redline", "side-by-side", "summary", "compare"]) == 0


# --- only what changed ---------------------------------------------------------------------------------


def test_a_rebuild_without_changes_recomputes_nothing(history, tmp_path):
    build(tmp_path, "first")
    assert plan_counts(history.path).computed() == 0


def test_a_new_version_recomputes_only_its_own_diff_verdict_and_compare_data(history, tmp_path):
    build(tmp_path, "first")
    history.commit(files={PATH: statement_text(effective="2025-06-01", body=V4)}, date="2024-11-20")
    store = plan_counts(history.path)
    # one new pair (2025-01-01 → 2025-06-01): its summary, redline, side by side and verdict; one
    # new version: its compare data. Every other version's are reused.
    assert {kind: n for (kind, what), n in store.counts.items() if what == "computed"} == {
        "summary": 1, "redline": 1, "side-by-side": 1, "verdict": 1, "compare": 1,
    }
    assert store.counts[("compare", "reused")] == 3
    assert store.counts[("verdict", "reused")] >= 2


def test_a_correction_recomputes_its_redline_and_its_version_pair_only(history, tmp_path):
    build(tmp_path, "first")
    corrected = V3.replace("partners.", "partners we name.")
    history.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We share your email.", body=corrected)},
        date="2024-11-25",
    )
    store = plan_counts(history.path)
    computed = {kind: n for (kind, what), n in store.counts.items() if what == "computed"}
    # the corrected version against its predecessor, its correction's own redline, its compare data
    assert computed == {"summary": 2, "redline": 1, "redline-changes": 1, "side-by-side": 1, "verdict": 1, "compare": 1}


def test_a_version_of_another_site_with_the_same_texts_reuses_the_entries(history, tmp_path):
    build(tmp_path, "first")
    shutil.copytree(history.path / CACHE, tmp_path / "copy")
    shutil.rmtree(history.path / CACHE)
    shutil.copytree(tmp_path / "copy", history.path / CACHE)
    assert plan_counts(history.path).computed() == 0


# --- pages' converted HTML ------------------------------------------------------------------------


def build_in_process(folder: Path, as_of: str = "2024-12-01"):
    """Build with MkDocs in this process; the plugin (its store and page cache) for inspection.

    MkDocs hands the same plugin instance to every build of a process (as ``serve`` does): read
    what a build did before starting the next.
    """
    from mkdocs.commands.build import build as mkdocs_build

    from generator.cli import _load_for_build

    config = _load_for_build(str(folder / "mkdocs.yml"), dt.date.fromisoformat(as_of), False)
    config.site_dir = str(folder / "out")
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return config.plugins["statements"]


def test_a_rebuild_without_changes_converts_none_of_the_pages_it_kept(history):
    converted_first = list(build_in_process(history.path).converted.converted)
    assert "privacy/2024-01-01/index.md" in converted_first
    second = build_in_process(history.path)
    assert second.converted.converted == []
    assert sorted(second.converted.reused) == sorted(converted_first)


def test_a_new_version_converts_only_the_pages_whose_markdown_changed(history):
    build_in_process(history.path)
    history.commit(files={PATH: statement_text(effective="2025-06-01", body=V4)}, date="2024-11-20")
    plugin = build_in_process(history.path)
    converted = set(plugin.converted.converted)
    # the new version's own pages, and the home page that counts the versions
    assert {"privacy/2025-06-01/index.md", "privacy/2025-06-01/changes/index.md"} <= converted
    assert converted <= {"privacy/2025-06-01/index.md", "privacy/2025-06-01/changes/index.md", "index.md"}
    # the pages of every earlier version are the same Markdown (their headers are fragments)
    assert "privacy/2024-01-01/index.md" in plugin.converted.reused
    assert "privacy/2024-06-01/changes/index.md" in plugin.converted.reused
    # and so are the pages that list every version (the list is a fragment too)
    assert {"privacy/history/index.md", "privacy/compare/index.md"} <= set(plugin.converted.reused)


def test_a_page_with_relative_links_in_its_text_is_converted_every_time(history):
    history.commit(
        files={PATH: statement_text(effective="2025-06-01", body=V4 + "\nSee [our cookies](cookies.md).\n")},
        date="2024-11-20",
    )
    build_in_process(history.path)
    plugin = build_in_process(history.path)
    assert "privacy/2025-06-01/index.md" not in plugin.converted.reused
    assert "privacy/2024-01-01/index.md" in plugin.converted.reused


def test_a_kept_page_keeps_its_table_of_contents_and_anchors(history, tmp_path):
    cold = build(tmp_path, "cold")
    warm = build(tmp_path, "warm")
    page = "privacy/2024-06-01/index.html"
    assert (warm / page).read_bytes() == (cold / page).read_bytes()
    assert 'href="#sharing"' in (warm / page).read_text(encoding="utf-8")  # the table of contents


def test_unknown_markdown_extensions_turn_the_page_cache_off(history):
    config = history.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - pymdownx.snippets\n", encoding="utf-8")
    build_in_process(history.path)
    plugin = build_in_process(history.path)
    assert plugin.converted.reused == [] and plugin.converted.converted == []
    assert plugin.store.counts[("redline", "reused")] > 0  # the rest of the cache still works


# --- the corpus ---------------------------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_the_corpus_builds_byte_identically_with_and_without_the_cache(tmp_path, monkeypatch):
    from tests.test_corpus_history import replay

    folder = tmp_path / "site-policy"
    replay(folder)
    (folder / "pages").mkdir()
    (folder / "mkdocs.yml").write_text(
        "site_name: Terms\ndocs_dir: pages\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - statements:\n      statements_dir: Policies/github-terms\n"
        "markdown_extensions:\n  - toc:\n      permalink: true\n  - tables\n  - attr_list\n  - md_in_html\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder)
    out = tmp_path / "out"
    sites = []
    for name, extra in (("cold", ()), ("warm", ()), ("none", ("--no-cache",))):
        result = run("build", "--as-of", "2026-11-29", "-d", str(out / name), *extra)
        assert result.exit_code == 0, result.output
        sites.append(files_of(out / name))
    assert sites[0] == sites[1] == sites[2]
