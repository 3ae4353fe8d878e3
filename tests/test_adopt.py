"""Adopting a policy repository as it is: a file moved to a new path in the same commit that rewrote it.

git sees that commit as a deletion and an addition, not a rename, so ``--follow`` stops there; the
plugin option ``earlier_paths`` puts the old path's history before the current file's, for build,
log, diff, check and notify alike.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import GitRepo, run, write_project

OLD = "Policies/privacy-policy.md"

FIRST = """\
# Privacy Policy

Effective date: March 1, 2019

We collect your e-mail address to answer your questions.

We keep it for one year.
"""

SECOND = """\
# Privacy Policy

Effective date: June 1, 2021

We collect your e-mail address and your name to answer your questions.

We keep them for one year.
"""

# A rewrite under a new name: too different for git to call it a rename.
REWRITE = """\
---
title: Privacy Statement
effective: 2024-02-01
---

## Who we are

Fernhill Labs Ltd runs the forum at forum.example.test and answers for what it does with data.

## Information we hold

Account details, forum posts and server logs are all that we store, in data centres in Ireland.

## Your choices

Delete your account from the settings page at any time; nothing remains after thirty days.
"""


@pytest.fixture
def moved(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    write_project(repo.path, "earlier_paths:\n  privacy: [Policies/privacy-policy.md]")
    repo.commit("First policy", date="2019-02-20", files={OLD: FIRST, "pages/.gitkeep": ""})
    repo.commit("Names too", date="2021-05-10", files={OLD: SECOND})
    (repo.path / OLD).unlink()
    repo.commit("New statement", date="2024-01-10", files={"statements/privacy.md": REWRITE})
    assert "privacy-policy" not in repo.git("log", "--follow", "--name-only", "--format=", "--", "statements/privacy.md")
    monkeypatch.chdir(repo.path)
    return repo


def log_versions() -> list[dict]:
    result = run("log", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["versions"]


def test_the_earlier_paths_history_comes_before_the_current_file(moved):
    versions = log_versions()
    assert [v["effective"] for v in versions] == ["2019-03-01", "2021-06-01", "2024-02-01"]
    assert [len(v["commits"]) for v in versions] == [1, 1, 1]


def test_without_earlier_paths_the_history_starts_at_the_move(moved):
    write_project(moved.path)
    assert [v["effective"] for v in log_versions()] == ["2024-02-01"]


def test_the_build_publishes_every_version_and_a_redline_across_the_move(moved):
    result = run("build", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    site = moved.path / "site" / "privacy"
    assert (site / "2019-03-01" / "index.html").is_file()
    changes = (site / "2024-02-01" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "We keep them for one year." in changes  # the old text, struck through
    history = (site / "history" / "index.html").read_text(encoding="utf-8")
    assert history.count('href="../2021-06-01/"') >= 1


def test_diff_compares_a_version_from_the_earlier_path(moved):
    result = run("diff", "privacy", "2019-03-01", "2021-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["from"] == "2019-03-01" and document["to"] == "2021-06-01"
    assert document["stats"]["words_added"] > 0


def test_check_knows_the_earlier_versions_on_the_base(moved):
    text = REWRITE.replace("effective: 2024-02-01", "effective: 2020-01-01").replace("thirty days", "30 days")
    moved.write("statements/privacy.md", text)
    result = run("check", "--base", "HEAD", "--as-of", "2024-06-01")
    assert result.exit_code == 1, result.output
    assert "effective-order" in result.output and "2024-02-01" in result.output


def test_notify_baseline_records_the_earlier_versions_too(moved):
    write_project(moved.path, """
        earlier_paths:
          privacy: [Policies/privacy-policy.md]
        notify:
          channels:
            - type: command
              run: [cat]
              versions: all
    """)
    result = run("notify", "--baseline", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (moved.path / "notifications" / "ledger.jsonl").read_text().splitlines()]
    assert {line["version"] for line in lines} == {"2019-03-01", "2021-06-01", "2024-02-01"}


def test_an_earlier_path_for_an_unknown_statement_is_a_one_line_error(moved):
    write_project(moved.path, "earlier_paths:\n  privcy: [Policies/privacy-policy.md]")
    result = run("build")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: mkdocs.yml:11: earlier_paths: no statement 'privcy' in statements; "
        "use the id of a statement file (its name without .md)"
    )


def test_an_earlier_path_without_history_is_a_warning(moved):
    write_project(moved.path, "earlier_paths:\n  privacy: [Policies/privacy.md]")
    result = run("log")
    assert result.exit_code == 0
    assert "earlier_paths: Policies/privacy.md has no history" in result.output
