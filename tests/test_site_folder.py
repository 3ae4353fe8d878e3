"""The folder `statement build` writes: the site before the last is written over, never trusted blindly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run, statement_text

PATH = "statements/privacy.md"
PREVIOUS = ".site.previous"


@pytest.fixture
def history(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="## Overview\n\nWe collect more.\n")}, date="2024-05-01")
    return in_repo


def build(*args: str) -> None:
    result = run("build", "--as-of", "2024-12-01", *args)
    assert result.exit_code == 0, result.output


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def folders_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())


def test_the_site_a_build_replaces_is_kept_for_the_next_build(history):
    build()
    assert not (history.path / PREVIOUS).exists()  # nothing was replaced
    first = files_of(history.path / "site")
    build()
    assert files_of(history.path / PREVIOUS) == first


def test_a_build_writes_over_the_files_of_the_site_before_the_last(history):
    build()
    inode = (history.path / "site/privacy/index.html").stat().st_ino
    build()
    build()  # stages in the first build's folder
    assert (history.path / "site/privacy/index.html").stat().st_ino == inode
    assert not [p.name for p in history.path.iterdir() if p.name.startswith(".site.") and p.name != PREVIOUS]


def test_a_site_built_over_an_earlier_one_is_the_site_built_into_an_empty_folder(history, tmp_path):
    history.write("pages/extra.md", "# Extra\n\nA page that goes.\n")
    history.write("pages/notes/deep/page.md", "# Deep\n\nA page in folders that go too.\n")
    build()
    build()
    (history.path / "pages/extra.md").unlink()
    (history.path / "pages/notes/deep/page.md").unlink()
    history.commit(files={PATH: statement_text(effective="2025-01-01", body="## Overview\n\nWe collect less.\n")}, date="2024-11-01")
    build()  # over the first build's files, which have the pages that went
    build("--site-dir", str(tmp_path / "fresh"))
    site = history.path / "site"
    assert files_of(site) == files_of(tmp_path / "fresh")
    assert folders_of(site) == folders_of(tmp_path / "fresh")
    assert not (site / "extra").exists() and not (site / "notes").exists()


@pytest.mark.parametrize("kind", ["symbolic link", "hard link"])
def test_a_previous_site_with_a_link_is_not_written_through(history, tmp_path, kind):
    build()
    build()
    outside = tmp_path / "outside.html"
    outside.write_text("someone else's file\n", encoding="utf-8")
    page = history.path / PREVIOUS / "privacy/index.html"
    page.unlink()
    if kind == "symbolic link":
        page.symlink_to(outside)
    else:
        os.link(outside, page)
    build()
    assert outside.read_text(encoding="utf-8") == "someone else's file\n"
    build("--site-dir", str(tmp_path / "fresh"))
    assert files_of(history.path / "site") == files_of(tmp_path / "fresh")


def test_a_failed_build_leaves_the_site_and_no_staging_folder(history):
    build()
    build()
    before = files_of(history.path / "site")
    history.write(PATH, "---\ntitle: [oops\n---\n")
    assert run("build", "--as-of", "2024-12-01").exit_code == 2
    assert files_of(history.path / "site") == before
    assert not [p.name for p in history.path.iterdir() if p.name.startswith(".site.") and p.name != PREVIOUS]
