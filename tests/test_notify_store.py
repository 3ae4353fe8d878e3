"""Where the ledger goes: a branch of its own, and a push probed before anything is sent.

Real repositories: a bare repository is the remote, with a pre-receive hook that rejects every push
to ``main`` the way branch protection does.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess

import pytest
from click.testing import CliRunner
from conftest import GitRepo, statement_text, write_project
from notify_support.factories import WEBHOOK_SECRET, committer  # noqa: F401 - fixture
from notify_support.servers import webhook_receiver  # noqa: F401 - fixture

from generator.notify.command_line import notify

PROTECT_MAIN = """#!/bin/sh
while read old new ref; do
  if [ "$ref" = refs/heads/main ]; then
    echo "GH006: Protected branch update failed for refs/heads/main." >&2
    exit 1
  fi
done
"""


@pytest.fixture
def protected(tmp_path, webhook_receiver, committer, monkeypatch):
    """A clone of a remote whose ``main`` is protected; the project notifies ``webhook_receiver``."""
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    origin = tmp_path / "origin.git"
    work = GitRepo(tmp_path / "work")
    work.path.mkdir()
    work.git("init", "-q", "-b", "main")
    write_project(work.path, f"""
        notify:
          channels:
            - type: webhook
              name: ops
              url: {webhook_receiver.url}
              secret_env: STATEMENTS_WEBHOOK_SECRET
              backoff: 0
    """)
    work.commit("Site", date="2024-12-01", files={"pages/.gitkeep": ""})
    work.commit("First version", date="2024-12-02", files={"statements/privacy.md": statement_text(effective="2025-01-01")})
    work.commit("Material change", date="2025-02-01", files={
        "statements/privacy.md": statement_text(effective="2025-03-01", material=True, summary="Logs for 90 days."),
    })
    subprocess.run(["git", "clone", "-q", "--bare", str(work.path), str(origin)], check=True)
    hook = origin / "hooks" / "pre-receive"
    hook.write_text(PROTECT_MAIN)
    hook.chmod(hook.stat().st_mode | stat.S_IEXEC)
    return clone(origin, tmp_path / "checkout")


def clone(origin, path) -> GitRepo:
    subprocess.run(["git", "clone", "-q", str(origin), str(path)], check=True)
    return GitRepo(path)


def notify_in(repo: GitRepo, *args: str):
    cwd = os.getcwd()
    os.chdir(repo.path)
    try:
        return CliRunner().invoke(notify, ["--as-of", "2025-03-01", *args])
    finally:
        os.chdir(cwd)


def remote_ledger(repo: GitRepo, branch: str) -> list[dict]:
    repo.git("fetch", "-q", "origin")
    text = repo.git("show", f"origin/{branch}:notifications/ledger.jsonl")
    return [json.loads(line) for line in text.splitlines()]


def test_a_protected_main_refuses_the_probe_and_nothing_is_sent(protected, webhook_receiver):
    main_before = protected.git("ls-remote", "origin", "refs/heads/main")

    result = notify_in(protected, "--push")

    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: notifications/ledger.jsonl: the ledger cannot be recorded, so nothing was sent: ")
    assert "Protected branch update failed" in line and "ledger_branch" in line
    assert webhook_receiver.requests == []
    assert protected.git("ls-remote", "origin", "refs/heads/main") == main_before
    assert protected.git("log", "-1", "--format=%s") == "Material change"  # the probe left no commit behind


def test_a_ledger_branch_records_what_was_sent_where_the_workflow_can_push(protected, webhook_receiver):
    result = notify_in(protected, "--push", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 0, result.output
    assert len(webhook_receiver.requests) == 2
    lines = remote_ledger(protected, "statements-ledger")
    assert [(line["event"], line["outcome"]) for line in lines] == [(i, "delivered") for i in webhook_receiver.ids]
    assert "Pushed the ledger to origin statements-ledger." in result.stdout
    # main is untouched, locally and on the remote; the working tree shows nothing new
    assert protected.git("status", "--porcelain", "--untracked-files=all") == ""
    assert protected.git("rev-parse", "origin/main") == protected.git("rev-parse", "HEAD")


def test_the_ledger_branch_holds_the_announcement_then_a_commit_describing_the_lines(protected, webhook_receiver):
    notify_in(protected, "--push", "--ledger-branch", "statements-ledger")

    protected.git("fetch", "-q", "origin")
    subjects = protected.git("log", "--format=%s", "origin/statements-ledger").splitlines()
    body = protected.git("log", "-1", "--format=%b", "origin/statements-ledger")
    assert subjects == [
        "Notification ledger: 2 lines (2 delivered)",
        "Notification run as of 2025-03-01: sending 2 due deliveries",
        "Start the notification ledger",
    ]
    assert body.splitlines() == [
        f"- delivered privacy 2025-03-01 {kind} → ops: HTTP 204 ({event}, {time})"
        for (kind, event), time in zip(
            [("published", webhook_receiver.ids[0]), ("effective", webhook_receiver.ids[1])],
            [line["time"] for line in remote_ledger(protected, "statements-ledger")],
        )
    ]


def test_a_fresh_clone_reads_the_ledger_branch_and_sends_nothing_again(protected, webhook_receiver, tmp_path):
    notify_in(protected, "--push", "--ledger-branch", "statements-ledger")
    origin = protected.git("remote", "get-url", "origin")

    result = notify_in(clone(origin, tmp_path / "next-day"), "--push", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 0, result.output
    assert "nothing due" in result.stdout and "2 already recorded" in result.stdout
    assert len(webhook_receiver.requests) == 2


def test_the_ledger_branch_can_be_set_in_mkdocs_yml(protected, webhook_receiver):
    config = protected.path / "mkdocs.yml"
    config.write_text(config.read_text().replace("      notify:\n", "      notify:\n        ledger_branch: statements-ledger\n"))
    protected.git("commit", "-qam", "Keep the ledger on its own branch")

    result = notify_in(protected, "--push")

    assert result.exit_code == 0, result.output
    assert len(remote_ledger(protected, "statements-ledger")) == 2


def test_a_failed_delivery_is_recorded_on_the_ledger_branch_too(protected, webhook_receiver):
    webhook_receiver.respond(400)

    result = notify_in(protected, "--push", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 1
    assert [line["outcome"] for line in remote_ledger(protected, "statements-ledger")] == ["failed", "delivered"]


def test_a_dry_run_reads_the_ledger_branch_and_commits_nothing(protected, webhook_receiver):
    notify_in(protected, "--push", "--ledger-branch", "statements-ledger")
    tip = protected.git("rev-parse", "statements-ledger")

    result = notify_in(protected, "--dry-run", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 0, result.output
    assert "nothing due" in result.stdout and "2 already recorded" in result.stdout
    assert protected.git("rev-parse", "statements-ledger") == tip
    assert len(webhook_receiver.requests) == 2


def test_lines_a_crashed_run_left_uncommitted_are_committed_and_pushed_by_the_next(protected, webhook_receiver):
    from generator.notify import Ledger

    notify_in(protected, "--ledger-branch", "statements-ledger")  # delivered and written, not committed
    worktree = protected.path / ".git" / "statements-notify" / "worktrees" / "statements-ledger"
    assert len(Ledger(worktree / "notifications" / "ledger.jsonl").records()) == 2

    result = notify_in(protected, "--push", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 0, result.output
    assert len(webhook_receiver.requests) == 2
    assert len(remote_ledger(protected, "statements-ledger")) == 2


def test_without_channels_a_push_run_records_nothing_and_succeeds(protected, webhook_receiver):
    config = protected.path / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("      notify:")] + text[text.index("markdown_extensions:"):])
    protected.git("commit", "-qam", "No channels yet")

    result = notify_in(protected, "--push", "--ledger-branch", "statements-ledger")

    assert result.exit_code == 0, result.output
    assert "nothing due" in result.stdout
    assert protected.git("ls-remote", "origin", "refs/heads/statements-ledger") == ""
