"""``statement notify``: exit status, human and JSON output, --dry-run, --baseline, --commit."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from notify_support.factories import WEBHOOK_SECRET, committer, notify_config, privacy, webhook  # noqa: F401
from conftest import statement_text, write_project
from notify_support.servers import webhook_receiver  # noqa: F401 - fixture

from generator.notify import command_line
from generator.notify.command_line import notify
from generator.project import Project

@pytest.fixture
def site(tmp_path, monkeypatch):
    """``site(*channels, root=...)``: the project the command loads, with the channels' secrets set."""
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setattr(command_line, "default_classifier", lambda options, config=None: None)

    def make(*channels, root=tmp_path, statements=None, load_error=None):
        (root / "mkdocs.yml").write_text("site_name: Fernhill Statements\n")
        config = notify_config(*channels)

        def load_project(config_file, as_of):
            if load_error is not None:
                raise load_error
            return Project(
                root=root, config_file=root / "mkdocs.yml",
                config={"site_url": "https://statements.test/", "site_name": "Fernhill Statements"},
                options=SimpleNamespace(notify=config), statements=tuple(statements or [privacy()]),
                as_of=as_of,
            )

        monkeypatch.setattr(command_line, "load_project", load_project)
        return root / "mkdocs.yml"

    return make


def invoke(config_file, *args):
    return CliRunner().invoke(notify, ["-f", str(config_file), *args])


def test_exit_status_0_and_a_summary_when_everything_was_delivered(site, webhook_receiver):
    result = invoke(site(webhook(webhook_receiver.url)))

    assert result.exit_code == 0, result.output
    assert "✓ delivered  privacy 2025-03-01 published → ops (webhook)  HTTP 204" in result.stdout
    assert "2 delivered, 0 failed, 0 already recorded." in result.stdout


def test_a_rerun_reports_everything_as_already_recorded(site, webhook_receiver):
    config_file = site(webhook(webhook_receiver.url))
    invoke(config_file)

    result = invoke(config_file)

    assert result.exit_code == 0
    assert "nothing due" in result.stdout and "2 already recorded" in result.stdout
    assert len(webhook_receiver.requests) == 2


def test_exit_status_1_when_a_delivery_failed_and_the_others_still_go_out(site, webhook_receiver):
    webhook_receiver.respond(400)

    result = invoke(site(webhook(webhook_receiver.url)))

    assert result.exit_code == 1
    assert "✗ failed" in result.stdout and "HTTP 400" in result.stdout
    assert "1 delivered, 1 failed" in result.stdout
    assert "tried again on the next run" in result.stdout


def test_exit_status_2_on_bad_configuration(site):
    from generator.errors import NotifyError

    config_file = site(load_error=NotifyError("notify.channels[0] (webhook 'ops'): url: missing", path="mkdocs.yml"))

    result = invoke(config_file)

    assert result.exit_code == 2
    assert result.stderr.strip() == "error: mkdocs.yml: notify.channels[0] (webhook 'ops'): url: missing"


def test_exit_status_2_and_nothing_sent_when_a_secret_is_missing(site, webhook_receiver, monkeypatch):
    config_file = site(webhook(webhook_receiver.url))
    monkeypatch.delenv("STATEMENTS_WEBHOOK_SECRET")

    result = invoke(config_file)

    assert result.exit_code == 2
    assert "STATEMENTS_WEBHOOK_SECRET is not set" in result.stderr
    assert webhook_receiver.requests == []


def test_exit_status_2_for_a_future_as_of_without_dry_run(site, webhook_receiver):
    later = (dt.date.today() + dt.timedelta(days=2)).isoformat()

    result = invoke(site(webhook(webhook_receiver.url)), "--as-of", later)

    assert result.exit_code == 2
    assert "lies in the future" in result.stderr


def test_json_format_prints_the_report(site, webhook_receiver):
    result = invoke(site(webhook(webhook_receiver.url, events=["published"])), "--format", "json")

    report = json.loads(result.stdout)
    assert (report["delivered"], report["failed"], report["exit_code"]) == (1, 0, 0)
    assert report["results"][0]["event"] == webhook_receiver.ids[0]
    assert report["results"][0]["outcome"] == "delivered"


def test_output_never_shows_the_webhook_secret(site, webhook_receiver):
    webhook_receiver.respond(500, 500, 500)

    result = invoke(site(webhook(webhook_receiver.url, events=["published"])), "--format", "json")

    assert WEBHOOK_SECRET not in result.output


def test_dry_run_lists_what_would_be_sent_and_sends_nothing(site, webhook_receiver, tmp_path):
    result = invoke(site(webhook(webhook_receiver.url)), "--dry-run", "--outbox", str(tmp_path / "preview"))

    assert result.exit_code == 0
    assert "→ would send" in result.stdout and "2 would be sent (nothing sent, nothing recorded)" in result.stdout
    assert webhook_receiver.requests == []
    assert len(list((tmp_path / "preview").iterdir())) == 2


def test_baseline_records_without_sending(site, webhook_receiver, tmp_path):
    result = invoke(site(webhook(webhook_receiver.url)), "--baseline")

    assert result.exit_code == 0
    assert "2 recorded as skipped without sending" in result.stdout
    assert webhook_receiver.requests == []
    assert (tmp_path / "notifications" / "ledger.jsonl").exists()


def test_commit_commits_the_ledger(site, webhook_receiver, repo, committer):
    repo.commit("Start", files={"README.md": "hello\n"})

    result = invoke(site(webhook(webhook_receiver.url), root=repo.path), "--commit", "--as-of", "2025-03-01")

    assert result.exit_code == 0, result.output
    assert repo.git("log", "-1", "--format=%s") == "Notification ledger: 2 lines (2 delivered)"
    assert repo.git("show", "--name-only", "--format=", "HEAD") == "notifications/ledger.jsonl"
    assert f"Committed ledger.jsonl as {repo.git('rev-parse', '--short=7', 'HEAD')}." in result.stdout


def test_commit_and_dry_run_exclude_each_other(site, webhook_receiver):
    result = invoke(site(webhook(webhook_receiver.url)), "--commit", "--dry-run")

    assert result.exit_code == 2
    assert "--commit and --dry-run exclude each other" in result.stderr
    assert webhook_receiver.requests == []


def material_change(repo, webhook_url):
    """A project notifying ``webhook_url``, with a first version and a material change published 2025-02-01."""
    write_project(repo.path, f"""
        notify:
          channels:
            - type: webhook
              name: ops
              url: {webhook_url}
              secret_env: STATEMENTS_WEBHOOK_SECRET
              backoff: 0
    """)
    repo.commit("Notify ops", date="2024-12-01")
    repo.commit("First version", date="2024-12-02", files={"statements/privacy.md": statement_text(effective="2025-01-01")})
    body = "## Overview\n\nWe collect little and sell it to advertisers.\n\n## Contact\n\nWrite to privacy@example.test.\n"
    repo.commit("Material change", date="2025-02-01", files={
        "statements/privacy.md": statement_text(effective="2025-03-01", material=True, summary="We now sell data.", body=body),
    })


def test_notify_reads_channels_and_history_from_a_real_project(in_repo, webhook_receiver, monkeypatch):
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    material_change(in_repo, webhook_receiver.url)

    result = CliRunner().invoke(notify, ["--as-of", "2025-02-15"])

    assert result.exit_code == 0, result.output
    [request] = webhook_receiver.requests
    assert request.payload["type"] == "statement.version.published"
    assert request.payload["version"]["url"] == "https://statements.test/privacy/2025-03-01/"
    assert request.payload["version"]["summary"] == "We now sell data."
    assert request.payload["version"]["commit"] == in_repo.commits[-1]


def test_the_payload_carries_the_detectors_verdict(in_repo, webhook_receiver, monkeypatch):
    pytest.importorskip("generator.diff", reason="the detector needs the diff engine")
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    material_change(in_repo, webhook_receiver.url)

    result = CliRunner().invoke(notify, ["--as-of", "2025-02-15"])

    assert result.exit_code == 0, result.output
    assert webhook_receiver.requests[0].payload["classification"]["verdict"] == "material"


def test_a_pinned_as_of_in_mkdocs_yml_does_not_hold_notices_back(in_repo, webhook_receiver, monkeypatch):
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    write_project(in_repo.path, f"""
        as_of: 2024-12-15
        notify:
          channels:
            - type: webhook
              name: ops
              url: {webhook_receiver.url}
              secret_env: STATEMENTS_WEBHOOK_SECRET
    """)
    in_repo.commit("Notify ops", date="2024-12-01")
    in_repo.commit("Material change", date="2025-02-01", files={
        "statements/privacy.md": statement_text(effective="2025-03-01", material=True, summary="Logs for 90 days."),
    })

    result = CliRunner().invoke(notify, [])

    assert result.exit_code == 0, result.output
    assert [request.payload["type"] for request in webhook_receiver.requests] == [
        "statement.version.published", "statement.version.effective",
    ]


def test_bad_channel_in_mkdocs_yml_exits_2_with_one_line(in_repo, webhook_receiver):
    write_project(in_repo.path, """
        notify:
          channels:
            - type: webhook
              url: ftp://hooks.example.com/
              secret_env: STATEMENTS_WEBHOOK_SECRET
    """)

    result = CliRunner().invoke(notify, [])

    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and "mkdocs.yml" in line
    assert webhook_receiver.requests == []


def test_bad_channel_in_mkdocs_yml_is_named_with_key_and_fix(in_repo):
    write_project(in_repo.path, """
        notify:
          channels:
            - type: webhook
              url: ftp://hooks.example.com/
              secret_env: STATEMENTS_WEBHOOK_SECRET
    """)

    result = CliRunner().invoke(notify, [])

    assert "channels[0] (webhook 'webhook'): url: must be an http:// or https:// address" in result.stderr


def test_exit_status_1_when_the_ledger_cannot_be_written(site, webhook_receiver, monkeypatch):
    from generator.notify import Ledger

    def disk_full(self, record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Ledger, "append", disk_full)

    result = invoke(site(webhook(webhook_receiver.url)))

    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "sent again by the next run" in result.stderr
    assert len(webhook_receiver.requests) == 1  # the run stopped after the first unrecorded delivery


def test_commit_picks_up_a_ledger_an_earlier_run_left_uncommitted(site, webhook_receiver, repo, committer):
    repo.commit("Start", files={"README.md": "hello\n"})
    config_file = site(webhook(webhook_receiver.url), root=repo.path)
    invoke(config_file, "--as-of", "2025-03-01")  # delivered, but not committed

    result = invoke(config_file, "--as-of", "2025-03-01", "--commit")

    assert result.exit_code == 0, result.output
    assert repo.git("show", "--name-only", "--format=", "HEAD") == "notifications/ledger.jsonl"
    assert len(webhook_receiver.requests) == 2


# Configuration found wrong only while sending: now found first, with exit status 2 and nothing sent


@pytest.mark.parametrize(
    ("channel", "problem"),
    [
        ("type: webhook\n  url: https://hooks.example.test:99999/x\n  secret_env: STATEMENTS_WEBHOOK_SECRET",
         "url: has a port that is not a number from 1 to 65535"),
        ("type: webhook\n  url: https://hooks.example.test/my hook\n  secret_env: STATEMENTS_WEBHOOK_SECRET",
         "url: contains a space or a control character"),
        ("type: email\n  host: 127.0.0.1\n  port: true\n  sender: a@example.test\n  to: [b@example.test]",
         "port: True is not a port number"),
        ("type: command\n  run: [no-such-program-for-statements]",
         "run: the program 'no-such-program-for-statements' is not found"),
    ],
    ids=["port-out-of-range", "space-in-url", "port-true", "missing-program"],
)
def test_bad_configuration_exits_2_with_one_line_before_any_channel_sends(in_repo, monkeypatch, channel, problem):
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    marker = in_repo.path / "announced"
    lines = [line.strip() for line in channel.splitlines()]
    second = "\n".join(["    - " + lines[0], *("      " + line for line in lines[1:]), "      versions: all"])
    write_project(in_repo.path, "notify:\n  channels:\n    - type: command\n      name: first\n"
                  "      run: [python3, -c, \"open('announced', 'w')\"]\n      versions: all\n" + second + "\n")
    in_repo.commit("Notify", date="2024-12-01", files={"statements/privacy.md": statement_text(effective="2025-01-01")})

    result = CliRunner().invoke(notify, ["--as-of", "2025-01-01"])

    assert result.exit_code == 2, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and problem in line
    assert not marker.exists()
    assert not (in_repo.path / "notifications" / "ledger.jsonl").exists()


# Exit status for a held lock, and what --commit writes


def test_lock_contention_exits_1_naming_the_run_that_holds_it(site, webhook_receiver, tmp_path):
    from generator.notify import Ledger

    config_file = site(webhook(webhook_receiver.url))
    with Ledger(tmp_path / "notifications" / "ledger.jsonl").lock():
        result = invoke(config_file)

    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert f"another notification run holds the ledger: pid {__import__('os').getpid()} on " in line
    assert webhook_receiver.requests == []


def test_commit_message_lists_every_ledger_line_it_commits(site, webhook_receiver, repo, committer):
    repo.commit("Start", files={"README.md": "hello\n"})
    webhook_receiver.respond(400)

    invoke(site(webhook(webhook_receiver.url), root=repo.path), "--commit", "--as-of", "2025-03-01")

    ledger = [json.loads(line) for line in (repo.path / "notifications" / "ledger.jsonl").read_text().splitlines()]
    assert repo.git("log", "-1", "--format=%B").strip().splitlines() == [
        "Notification ledger: 2 lines (1 failed, 1 delivered)",
        "",
        f"- failed privacy 2025-03-01 published → ops: {ledger[0]['error']} ({ledger[0]['event']}, {ledger[0]['time']})",
        f"- delivered privacy 2025-03-01 effective → ops: HTTP 204 ({ledger[1]['event']}, {ledger[1]['time']})",
    ]


# resend and test


def test_resend_command_sends_the_event_again_and_says_so(site, webhook_receiver, tmp_path):
    config_file = site(webhook(webhook_receiver.url))
    invoke(config_file, "--as-of", "2025-03-01")
    published = webhook_receiver.ids[0]

    result = CliRunner().invoke(notify, ["resend", published, "-f", str(config_file), "--as-of", "2025-03-01"])

    assert result.exit_code == 0, result.output
    assert "✓ delivered  privacy 2025-03-01 published → ops (webhook)  HTTP 204 [resend]" in result.stdout
    assert webhook_receiver.ids == [published, webhook_receiver.ids[1], published]


def test_resend_command_with_an_unknown_event_exits_2(site, webhook_receiver):
    result = CliRunner().invoke(notify, ["resend", "evt_nope", "-f", str(site(webhook(webhook_receiver.url))), "--as-of", "2025-03-01"])

    assert result.exit_code == 2
    assert "no event evt_nope has taken place by 2025-03-01" in result.stderr
    assert webhook_receiver.requests == []


def test_test_command_sends_a_marked_event_and_records_nothing(site, webhook_receiver, tmp_path):
    result = CliRunner().invoke(notify, ["test", "--channel", "ops", "-f", str(site(webhook(webhook_receiver.url)))])

    assert result.exit_code == 0, result.output
    assert "(not recorded in the ledger)" in result.stdout
    assert webhook_receiver.requests[0].payload["test"] is True
    assert not (tmp_path / "notifications" / "ledger.jsonl").exists()


def test_test_command_names_the_channels_there_are(site, webhook_receiver):
    result = CliRunner().invoke(notify, ["test", "--channel", "nope", "-f", str(site(webhook(webhook_receiver.url)))])

    assert result.exit_code == 2
    assert "no channel named 'nope'" in result.stderr and "use one of ops" in result.stderr


def test_the_statement_command_loads_no_notification_machinery_until_notify_runs():
    import subprocess
    import sys

    code = (
        "import sys, generator.cli\n"
        "print(sorted(m for m in ('httpx', 'smtplib', 'standardwebhooks', 'generator.notify.channels',"
        " 'generator.notify.runner') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()

    assert loaded == "[]"


def test_commit_outside_a_repository_sends_nothing_and_exits_1(site, webhook_receiver, tmp_path):
    result = invoke(site(webhook(webhook_receiver.url)), "--commit")

    assert result.exit_code == 1
    assert "the ledger cannot be committed, so nothing was sent: the folder is not in a git repository" in result.stderr
    assert webhook_receiver.requests == []
    assert not (tmp_path / "notifications" / "ledger.jsonl").exists()
