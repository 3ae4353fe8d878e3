"""Adopting a real repository: 56 versions of a public Terms of Service, replayed into git.

The corpus lives beside the project (../shared/corpora/github-tos) and is read only where present;
nothing of its text is kept in the project. The replay keeps the real paths (the file moved into a
folder in 2022) and the real commit dates, and the files as they are: no `effective` in the
front-matter, an effective date written in the body, unknown keys (`redirect_from`), and a draft
whose date line is blank.
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.history import HistoryOptions, read_statement
from tests.conftest import CORPUS, run

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")]

NEW_PATH = "Policies/github-terms/github-terms-of-service.md"


def replay(folder: Path) -> int:
    """One commit per corpus version, at its path and date; returns the number of commits."""
    rows = list(csv.DictReader((CORPUS / "index.tsv").open(encoding="utf-8"), delimiter="\t"))
    files = {p.name[:3]: p for p in CORPUS.glob("[0-9][0-9][0-9]_*.md")}
    stream: list[bytes] = []
    previous_path = None
    for row in rows:
        data = files[row["seq"]].read_bytes()
        stamp = int(dt.datetime.fromisoformat(row["date"] + "T12:00:00+00:00").timestamp())
        message = f"Version {row['seq']}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(b"committer Legal <legal@example.test> %d +0000\n" % stamp)
        stream.append(b"data %d\n%s\n" % (len(message), message))
        if previous_path and previous_path != row["path"]:
            stream.append(b"D %s\n" % previous_path.encode())
        stream.append(b"M 100644 inline %s\n" % row["path"].encode())
        stream.append(b"data %d\n%s\n" % (len(data), data))
        previous_path = row["path"]
    folder.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=folder, check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=b"".join(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True)
    return len(rows)


@pytest.fixture(scope="module")
def corpus_repo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "site-policy"
    replay(folder)
    return folder


@pytest.fixture(scope="module")
def statement(corpus_repo):
    warnings: list[str] = []
    result = read_statement(corpus_repo / NEW_PATH, options=HistoryOptions(include_working_tree=False), warn=warnings.append)
    return result, warnings


def test_every_revision_is_read_across_the_move_into_a_folder(statement):
    result, _ = statement
    revisions = [r for v in result.versions for r in v.revisions]
    assert len(revisions) == 56
    assert revisions[0].path == "Policies/github-terms-of-service.md"
    assert revisions[-1].path == NEW_PATH


def test_effective_dates_come_from_the_date_line_in_the_text(statement):
    result, _ = statement
    keys = [v.key for v in result.versions]
    assert "2017-05-22" in keys and "2020-11-16" in keys
    assert keys == sorted(keys)


def test_the_draft_with_a_blank_date_line_falls_back_to_its_commit_date_with_a_warning(statement):
    result, warnings = statement
    assert any("no effective date" in w for w in warnings)
    first_draft = next(r for v in result.versions for r in v.revisions if r.subject == "Version 001")
    assert first_draft.effective_source == "commit"


def test_unknown_front_matter_keys_are_kept(statement):
    result, _ = statement
    assert "redirect_from" in result.versions[0].extra


def test_later_edits_under_the_same_effective_date_are_corrections(statement):
    result, _ = statement
    version = result.version("2020-11-16")
    assert len(version.corrections) > 10


def test_the_whole_history_builds_into_a_site(corpus_repo, monkeypatch):
    (corpus_repo / "pages").mkdir()
    (corpus_repo / "mkdocs.yml").write_text(
        "site_name: Terms\ndocs_dir: pages\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - statements:\n      statements_dir: Policies/github-terms\n"
        "markdown_extensions:\n  - toc\n  - tables\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(corpus_repo)
    result = run("build", "--as-of", "2026-11-29")
    assert result.exit_code == 0, result.output
    site = corpus_repo / "site" / "github-terms-of-service"
    assert (site / "2020-11-16" / "index.html").is_file()
    assert "Access Reciprocity" in (site / "index.html").read_text(encoding="utf-8")


def test_naming_the_earlier_path_too_reads_each_revision_once(corpus_repo):
    old = corpus_repo / "Policies/github-terms-of-service.md"
    options = HistoryOptions(include_working_tree=False, earlier_paths={"github-terms-of-service": (str(old),)})
    result = read_statement(corpus_repo / NEW_PATH, options=options, warn=lambda message: None)
    revisions = [r for v in result.versions for r in v.revisions]
    assert len(revisions) == 56
    assert [r.committed for r in revisions] == sorted(r.committed for r in revisions)
