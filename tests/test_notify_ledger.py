"""The delivery ledger: append-only JSON lines, durable per line, committed to git on request."""

from __future__ import annotations

import json

import pytest
from notify_support.factories import committer  # noqa: F401 - fixture

from generator.errors import NotifyError
from generator.notify import Ledger, LedgerRecord, commit_ledger
from generator.notify import ledger as ledger_module


def record(event="evt_1", channel="ops", outcome="delivered", **fields) -> LedgerRecord:
    return LedgerRecord(
        event=event, type="statement.version.published", statement="privacy", version="2025-03-01",
        channel=channel, time="2025-02-01T09:00:00Z", outcome=outcome, attempts=1, **fields,
    )


def test_records_read_back_as_written(tmp_path):
    ledger = Ledger(tmp_path / "notifications" / "ledger.jsonl")
    written = [record(), record("evt_2", outcome="failed", error="HTTP 500 from https://hooks.test")]

    for item in written:
        ledger.append(item)

    assert ledger.records() == written
    assert len((tmp_path / "notifications" / "ledger.jsonl").read_text().splitlines()) == 2


def test_delivered_and_skipped_settle_a_pair_but_failed_does_not(tmp_path):
    ledger = Ledger(tmp_path / "ledger.jsonl")
    ledger.append(record("evt_1", outcome="delivered"))
    ledger.append(record("evt_2", outcome="skipped"))
    ledger.append(record("evt_3", outcome="failed"))

    assert ledger.settled() == {("evt_1", "ops"), ("evt_2", "ops")}


def test_a_pair_is_per_channel(tmp_path):
    ledger = Ledger(tmp_path / "ledger.jsonl")
    ledger.append(record("evt_1", channel="ops"))

    assert ("evt_1", "newsletter") not in ledger.settled()


def test_appending_never_rewrites_earlier_lines(tmp_path):
    ledger = Ledger(tmp_path / "ledger.jsonl")
    ledger.append(record("evt_1", outcome="failed"))
    before = ledger.path.read_bytes()

    ledger.append(record("evt_1", outcome="delivered"))

    assert ledger.path.read_bytes().startswith(before)


def test_every_append_is_fsynced_before_it_returns(tmp_path, monkeypatch):
    synced: list[int] = []
    real_fsync = ledger_module.os.fsync
    monkeypatch.setattr(ledger_module.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    ledger = Ledger(tmp_path / "ledger.jsonl")

    ledger.append(record("evt_1"))
    count_after_first = len(synced)
    ledger.append(record("evt_2"))

    assert count_after_first >= 1
    assert len(synced) > count_after_first


def test_a_line_torn_by_a_crash_is_ignored_with_a_warning_and_does_not_swallow_the_next(tmp_path):
    path = tmp_path / "ledger.jsonl"
    path.write_text(record("evt_1").to_json() + "\n" + '{"event": "evt_2", "chan')
    ledger = Ledger(path)

    ledger.append(record("evt_3"))

    assert [r.event for r in ledger.records()] == ["evt_1", "evt_3"]
    assert ledger.warnings == [f"{path}:2: not a ledger record (not JSON), ignored"]


def test_unknown_keys_from_newer_versions_are_ignored(tmp_path):
    path = tmp_path / "ledger.jsonl"
    path.write_text(json.dumps({**json.loads(record().to_json()), "receipt": "r-1"}) + "\n")

    assert Ledger(path).records() == [record()]


def test_a_second_run_cannot_hold_the_ledger_at_the_same_time(tmp_path):
    ledger = Ledger(tmp_path / "ledger.jsonl")

    with ledger.lock():
        with pytest.raises(NotifyError, match="another notification run holds the ledger"):
            with Ledger(tmp_path / "ledger.jsonl").lock():
                pass


def test_commit_records_the_ledger_and_nothing_else(repo, committer):
    repo.commit("Start", files={"README.md": "hello\n"})
    repo.write("README.md", "staged change\n")
    repo.git("add", "README.md")
    ledger = Ledger(repo.path / "notifications" / "ledger.jsonl")
    ledger.append(record())

    sha = commit_ledger(repo.path, ledger.path, "Record notification deliveries")

    assert sha == repo.git("rev-parse", "HEAD")
    assert repo.git("show", "--name-only", "--format=%s", "HEAD").splitlines() == [
        "Record notification deliveries", "", "notifications/ledger.jsonl",
    ]
    assert repo.git("diff", "--cached", "--name-only") == "README.md"


def test_commit_does_nothing_when_the_ledger_is_unchanged(repo, committer):
    repo.commit("Start", files={"README.md": "hello\n"})
    ledger = Ledger(repo.path / "notifications" / "ledger.jsonl")
    ledger.append(record())
    commit_ledger(repo.path, ledger.path, "Record notification deliveries")

    assert commit_ledger(repo.path, ledger.path, "Record notification deliveries") is None


def test_commit_outside_a_repository_is_an_error(tmp_path):
    ledger = Ledger(tmp_path / "ledger.jsonl")
    ledger.append(record())

    with pytest.raises(NotifyError, match="git add failed"):
        commit_ledger(tmp_path, ledger.path, "Record notification deliveries")


def test_in_a_repository_the_lock_lives_in_the_git_folder_and_nothing_appears_beside_the_ledger(repo):
    ledger = Ledger(repo.path / "notifications" / "ledger.jsonl")

    with ledger.lock():
        ledger.append(record())

    assert [p.name for p in (repo.path / "notifications").iterdir()] == ["ledger.jsonl"]
    assert ledger.lock_path().parent == repo.path / ".git" / "statements-notify"
    assert repo.git("status", "--porcelain", "--untracked-files=all") == "?? notifications/ledger.jsonl"
