"""Running notifications: due deliveries go out once, every outcome is recorded, reruns are safe."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from notify_support.factories import (
    SMTP_PASSWORD,
    WEBHOOK_SECRET,
    email_channel,
    environment,
    notify_config,
    privacy,
    statement,
    version,
    webhook,
)
from notify_support.servers import closed_port, smtp_server, webhook_receiver  # noqa: F401 - fixtures

from generator.errors import NotifyError
from generator.notify import EVENT_EFFECTIVE, EVENT_PUBLISHED, Ledger, event_id, plan_deliveries, run_notifications

PUBLISHED = dt.date(2025, 2, 1)
EFFECTIVE = dt.date(2025, 3, 1)


@pytest.fixture
def run(tmp_path):
    """``run(statements, *channels, as_of=..., **options)``: one notification run in ``tmp_path``."""

    def run_(statements, *channels, as_of=EFFECTIVE, environ=None, config=None, **options):
        return run_notifications(
            statements,
            config=config or notify_config(*channels),
            root=tmp_path,
            as_of=as_of,
            site_url="https://statements.test/",
            environ=environment() if environ is None else environ,
            sleep=lambda seconds: None,
            **options,
        )

    return run_


def ledger_lines(tmp_path):
    path = tmp_path / "notifications" / "ledger.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def command(tmp_path, name="announce", code="import sys; sys.stdin.read()"):
    path = tmp_path / f"{name}.py"
    path.write_text(code)
    return {"type": "command", "name": name, "run": [sys.executable, str(path)], "timeout": 10}


def test_due_deliveries_are_sent_and_recorded(tmp_path, run, webhook_receiver):
    report = run([privacy()], webhook(webhook_receiver.url))

    published = event_id("privacy", EFFECTIVE, EVENT_PUBLISHED)
    effective = event_id("privacy", EFFECTIVE, EVENT_EFFECTIVE)
    assert webhook_receiver.ids == [published, effective]
    assert [(line["event"], line["channel"], line["outcome"]) for line in ledger_lines(tmp_path)] == [
        (published, "ops", "delivered"),
        (effective, "ops", "delivered"),
    ]
    assert report.exit_code == 0


def test_a_second_run_sends_nothing(tmp_path, run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url))

    report = run([privacy()], webhook(webhook_receiver.url))

    assert len(webhook_receiver.requests) == 2
    assert (report.results, report.already) == ((), 2)
    assert len(ledger_lines(tmp_path)) == 2


def test_effective_event_waits_for_the_effective_date(run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url), as_of=PUBLISHED)

    assert webhook_receiver.ids == [event_id("privacy", EFFECTIVE, EVENT_PUBLISHED)]


def test_effective_event_goes_out_on_the_first_run_on_or_after_the_date(run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url), as_of=PUBLISHED)

    run([privacy()], webhook(webhook_receiver.url), as_of=EFFECTIVE + dt.timedelta(days=3))

    assert webhook_receiver.ids == [
        event_id("privacy", EFFECTIVE, EVENT_PUBLISHED),
        event_id("privacy", EFFECTIVE, EVENT_EFFECTIVE),
    ]


def test_nothing_is_due_before_publication(run, webhook_receiver):
    report = run([privacy()], webhook(webhook_receiver.url), as_of=PUBLISHED - dt.timedelta(days=1))

    assert (report.results, report.exit_code) == ((), 0)
    assert webhook_receiver.requests == []


def test_failed_delivery_is_recorded_and_retried_on_the_next_run(tmp_path, run, webhook_receiver):
    webhook_receiver.respond(400)
    first = run([privacy()], webhook(webhook_receiver.url, events=["published"]))

    second = run([privacy()], webhook(webhook_receiver.url, events=["published"]))
    third = run([privacy()], webhook(webhook_receiver.url, events=["published"]))

    assert [r.outcome for r in first.results] == ["failed"]
    assert [r.outcome for r in second.results] == ["delivered"]
    assert third.results == ()
    assert [line["outcome"] for line in ledger_lines(tmp_path)] == ["failed", "delivered"]
    assert (first.exit_code, second.exit_code, third.exit_code) == (1, 0, 0)


def test_one_failing_channel_does_not_hold_back_the_others(tmp_path, run):
    down = webhook(f"http://127.0.0.1:{closed_port()}/hooks", events=["published"])

    report = run([privacy()], down, command(tmp_path, code="import sys; open('ran', 'w').write(sys.stdin.read())"))

    assert [(r.channel, r.outcome) for r in report.results] == [
        ("ops", "failed"), ("announce", "delivered"), ("announce", "delivered"),
    ]
    assert (tmp_path / "ran").exists()
    assert report.exit_code == 1


def test_crash_between_sending_and_recording_resends_with_the_same_event_id(tmp_path, run, webhook_receiver, monkeypatch):
    append = Ledger.append
    calls = []

    def crash_once(self, record):
        calls.append(record)
        if len(calls) == 1:
            raise OSError("disk full")
        append(self, record)

    monkeypatch.setattr(Ledger, "append", crash_once)
    channel = webhook(webhook_receiver.url, events=["published"])

    with pytest.raises(OSError, match="disk full"):
        run([privacy()], channel)
    report = run([privacy()], channel)

    same = event_id("privacy", EFFECTIVE, EVENT_PUBLISHED)
    assert webhook_receiver.ids == [same, same]
    assert [r.outcome for r in report.results] == ["delivered"]
    assert [(line["event"], line["outcome"]) for line in ledger_lines(tmp_path)] == [(same, "delivered")]


def test_ledger_records_attempts_answer_and_payload_hash(tmp_path, run, webhook_receiver):
    webhook_receiver.respond(503, 204)

    report = run([privacy()], webhook(webhook_receiver.url, events=["published"]))

    [line] = ledger_lines(tmp_path)
    assert (line["attempts"], line["detail"], line["error"]) == (2, "HTTP 204", None)
    assert line["payload_sha256"] == report.results[0].event.payload_sha256
    assert (line["statement"], line["version"], line["type"]) == ("privacy", "2025-03-01", EVENT_PUBLISHED)
    assert line["time"].endswith("Z")


def test_only_material_versions_notify_by_default(run, webhook_receiver):
    editorial = statement(version("2025-03-01", "2025-02-01", material=False))

    report = run([editorial], webhook(webhook_receiver.url))

    assert report.results == ()


def test_versions_all_notifies_non_material_versions_too(run, webhook_receiver):
    editorial = statement(version("2025-03-01", "2025-02-01", material=False))

    run([editorial], webhook(webhook_receiver.url, versions="all"))

    assert len(webhook_receiver.requests) == 2


def test_a_channel_receives_only_its_events(run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url, events=["effective"]))

    assert webhook_receiver.ids == [event_id("privacy", EFFECTIVE, EVENT_EFFECTIVE)]


def test_draft_versions_never_notify(run, webhook_receiver):
    drafted = statement(version("2025-03-01", "2025-02-01", draft=True))

    report = run([drafted], webhook(webhook_receiver.url, versions="all"))

    assert report.results == ()


def test_versions_published_before_since_never_notify(run, webhook_receiver):
    config = notify_config(webhook(webhook_receiver.url, versions="all"), since="2025-01-01")
    old_and_new = statement(version("2024-06-01", "2024-05-01"), version("2025-03-01", "2025-02-01"))

    run([old_and_new], config=config)

    assert {request.payload["version"]["effective"] for request in webhook_receiver.requests} == {"2025-03-01"}


def test_dry_run_sends_and_records_nothing_but_writes_the_mail_to_the_outbox(tmp_path, run, smtp_server, webhook_receiver):
    server = smtp_server()

    report = run([privacy()], email_channel(server.port, events=["published"]), webhook(webhook_receiver.url), dry_run=True)

    assert server.messages == [] and webhook_receiver.requests == []
    assert not (tmp_path / "notifications" / "ledger.jsonl").exists()
    outbox = tmp_path / "notifications" / "outbox"
    assert sorted(p.name for p in outbox.iterdir()) == [
        "privacy-2025-03-01-effective.ops.json",
        "privacy-2025-03-01-published.ops.json",
        "privacy-2025-03-01-published.subscribers.eml",
    ]
    assert [r.outcome for r in report.results] == ["previewed"] * 3
    assert report.exit_code == 0


def test_dry_run_needs_no_secrets_and_says_which_are_missing(tmp_path, run, webhook_receiver):
    report = run([privacy()], webhook(webhook_receiver.url), dry_run=True, environ={})

    assert [r.outcome for r in report.results] == ["previewed", "previewed"]
    assert any("STATEMENTS_WEBHOOK_SECRET is not set" in warning for warning in report.warnings)


def test_dry_run_writes_into_the_outbox_given(tmp_path, run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url, events=["published"]), dry_run=True, outbox=tmp_path / "preview")

    assert [p.suffix for p in (tmp_path / "preview").iterdir()] == [".json"]


def test_baseline_records_due_deliveries_as_skipped_without_sending(tmp_path, run, webhook_receiver):
    report = run([privacy()], webhook(webhook_receiver.url), baseline=True)

    assert webhook_receiver.requests == []
    assert [line["outcome"] for line in ledger_lines(tmp_path)] == ["skipped", "skipped"]
    assert report.exit_code == 0


def test_after_a_baseline_only_later_events_are_sent(run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url), baseline=True)
    updated = statement(*privacy().versions, version("2025-09-01", "2025-08-01"))

    run([updated], webhook(webhook_receiver.url), as_of=dt.date(2025, 8, 1))

    assert webhook_receiver.ids == [event_id("privacy", dt.date(2025, 9, 1), EVENT_PUBLISHED)]


def test_a_missing_secret_stops_the_run_before_anything_is_sent(tmp_path, run, webhook_receiver):
    announce = command(tmp_path, code="open('ran', 'w').close()")

    with pytest.raises(NotifyError, match="STATEMENTS_WEBHOOK_SECRET is not set"):
        run([privacy()], announce, webhook(webhook_receiver.url), environ={"PATH": "/usr/bin:/bin"})

    assert not (tmp_path / "ran").exists()
    assert webhook_receiver.requests == [] and ledger_lines(tmp_path) == []


def test_secrets_never_reach_the_ledger_or_the_report(tmp_path, run, webhook_receiver, smtp_server):
    webhook_receiver.respond(400)
    tokened = webhook(webhook_receiver.url.replace("/hooks/statements", "/hooks/tok3n-in-path"), events=["published"])
    mail = email_channel(smtp_server().port, username_env="SMTP_USERNAME", password_env="SMTP_PASSWORD",
                         security="starttls", events=["published"])
    leaky = command(tmp_path, code=(
        "import os, sys; sys.exit('leaked ' + os.environ['STATEMENTS_WEBHOOK_SECRET'] + ' ' + os.environ['SMTP_PASSWORD'])"
    ))
    leaky["events"] = ["published"]
    leaky["env"] = ["STATEMENTS_WEBHOOK_SECRET", "SMTP_PASSWORD"]

    report = run([privacy()], tokened, mail, leaky)

    written = (tmp_path / "notifications" / "ledger.jsonl").read_text() + json.dumps(report.to_dict())
    assert [r.outcome for r in report.results] == ["failed", "failed", "failed"]
    assert "leaked *** ***" in report.results[2].error
    for secret in (WEBHOOK_SECRET, SMTP_PASSWORD, "tok3n-in-path"):
        assert secret not in written


def test_a_future_as_of_is_refused_unless_dry_run(run, webhook_receiver):
    later = dt.date.today() + dt.timedelta(days=1)

    with pytest.raises(NotifyError, match="lies in the future"):
        run([privacy()], webhook(webhook_receiver.url), as_of=later)
    run([privacy()], webhook(webhook_receiver.url), as_of=later, dry_run=True)

    assert webhook_receiver.requests == []


def test_plan_lists_due_and_settled_deliveries_without_sending(tmp_path, run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url, events=["published"]))

    plan = plan_deliveries([privacy()], config=notify_config(webhook(webhook_receiver.url)), root=tmp_path, as_of=EFFECTIVE)

    assert [(d.event.kind, d.settled) for d in plan.deliveries] == [("published", True), ("effective", False)]
    assert [d.event.kind for d in plan.due] == ["effective"]
    assert len(webhook_receiver.requests) == 1


def test_renaming_a_channel_makes_its_deliveries_due_again(tmp_path, run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url, events=["published"]))

    plan = plan_deliveries(
        [privacy()], config=notify_config(webhook(webhook_receiver.url, name="ops-2", events=["published"])),
        root=tmp_path, as_of=EFFECTIVE,
    )

    assert [d.channel for d in plan.due] == ["ops-2"]


def test_without_channels_nothing_is_due_and_the_report_says_why(run):
    report = run([privacy()])

    assert (report.results, report.exit_code) == ((), 0)
    assert report.warnings == (
        "no notification channels are configured; add 'notify: channels:' under the statements plugin in mkdocs.yml",
    )


def test_without_site_url_the_report_warns_that_notices_carry_no_links(tmp_path, webhook_receiver):
    report = run_notifications(
        [privacy()], config=notify_config(webhook(webhook_receiver.url)), root=tmp_path, as_of=EFFECTIVE,
        environ=environment(), sleep=lambda seconds: None,
    )

    assert any("site_url is not set" in warning for warning in report.warnings)
    assert webhook_receiver.requests[0].payload["version"]["url"] is None


# A damaged ledger never stops notices


def test_damaged_ledger_lines_are_skipped_and_reported_and_the_valid_ones_still_count(tmp_path, run, webhook_receiver):
    run([privacy()], webhook(webhook_receiver.url, events=["published"]))
    ledger = tmp_path / "notifications" / "ledger.jsonl"
    valid = ledger.read_bytes()
    ledger.write_bytes(
        "{\"event\": \"evt_caf\u00e9\"}".encode()[:-3] + b"\n"  # a multi-byte character cut in half
        + b"\xff\xfe stray bytes\n"
        + b'{"event": ["x"]}\n'
        + b"[1, 2, 3]\n"
        + valid
    )

    report = run([privacy()], webhook(webhook_receiver.url))

    assert [r.event.kind for r in report.results] == ["effective"]  # the published one stays settled
    assert len(webhook_receiver.requests) == 2
    assert [w for w in report.warnings if "ledger.jsonl" in w] == [
        f"{ledger}:1: not UTF-8 (byte 19), ignored",
        f"{ledger}:2: not UTF-8 (byte 1), ignored",
        f"{ledger}:3: not a ledger record ('event' is a list), ignored",
        f"{ledger}:4: not a ledger record (a JSON list, not an object), ignored",
    ]
    assert ledger.read_bytes().startswith(b'{"event": "evt_caf')  # never rewritten


# Deadlines and the run's budget


def test_the_run_budget_bounds_the_whole_run_and_what_is_left_is_recorded_for_the_next(tmp_path, run, webhook_receiver):
    import time

    webhook_receiver.respond("hang", "hang", "hang")
    config = notify_config(webhook(webhook_receiver.url, timeout=8, retries=0), budget=1)
    started = time.monotonic()

    report = run([privacy()], config=config)

    assert time.monotonic() - started < 10  # unbounded, the two attempts would take 16 s
    assert [r.outcome for r in report.results] == ["failed", "failed"]
    assert "what was left of the run's budget" in report.results[0].error
    assert report.results[1].error == "the run's budget of 1 s is spent; tried again next run"
    assert [(line["outcome"], line["attempts"]) for line in ledger_lines(tmp_path)] == [("failed", 1), ("failed", 0)]


# The circuit breaker and 410 Gone


def four_versions():
    return statement(*(version(f"2025-0{month}-01", f"2025-0{month - 1}-01") for month in (3, 4, 5, 6)))


def test_after_consecutive_connection_failures_the_channel_is_skipped_for_the_rest_of_the_run(tmp_path, run):
    dead = webhook(f"http://127.0.0.1:{closed_port()}/hooks", events=["published"], retries=0, circuit_breaker=2)
    announce = command(tmp_path, code="import sys; open('ran-' + sys.stdin.read()[-12:-2], 'w')")
    announce["events"] = ["published"]

    report = run([four_versions()], dead, announce, as_of=dt.date(2025, 6, 1))

    outcomes = [(r.channel, r.outcome, (r.error or "")[:12]) for r in report.results]
    assert [o for o in outcomes if o[0] == "ops"] == [
        ("ops", "failed", "cannot reach"), ("ops", "failed", "cannot reach"),
        ("ops", "failed", "circuit open"), ("ops", "failed", "circuit open"),
    ]
    assert [o[1] for o in outcomes if o[0] == "announce"] == ["delivered"] * 4
    recorded = [line for line in ledger_lines(tmp_path) if line["channel"] == "ops"]
    assert [line["attempts"] for line in recorded] == [1, 1, 0, 0]
    assert recorded[2]["error"].startswith("circuit open: 2 consecutive connection failures")


def test_410_gone_disables_the_channel_until_its_settings_change(tmp_path, run, webhook_receiver):
    webhook_receiver.respond(410)
    channel = webhook(webhook_receiver.url)

    first = run([privacy()], channel)
    second = run([privacy()], channel)
    third = run([privacy()], webhook(webhook_receiver.url, timeout=3))  # any change of settings

    assert [(r.outcome, r.recorded) for r in first.results] == [("failed", True), ("failed", False)]
    assert first.results[1].error.startswith("channel disabled: the receiver answered 410 Gone")
    assert [(r.outcome, r.recorded) for r in second.results] == [("failed", False), ("failed", False)]
    assert any("channel 'ops' is disabled" in w and "change the channel's settings" in w for w in second.warnings)
    assert [r.outcome for r in third.results] == ["delivered", "delivered"]
    assert len(webhook_receiver.requests) == 3
    assert [line["outcome"] for line in ledger_lines(tmp_path)] == ["failed", "delivered", "delivered"]


# Configuration found only while sending


def test_a_command_whose_program_does_not_exist_stops_the_run_before_anything_is_sent(tmp_path, run, webhook_receiver):
    missing = {"type": "command", "name": "chat", "run": ["no-such-program-for-statements"]}

    with pytest.raises(NotifyError, match="run: the program 'no-such-program-for-statements' is not found"):
        run([privacy()], webhook(webhook_receiver.url), missing)

    assert webhook_receiver.requests == [] and ledger_lines(tmp_path) == []


# Secrets in the environment


def test_secret_looking_environment_values_never_reach_the_ledger(tmp_path, run, webhook_receiver):
    token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a"
    leaky = command(tmp_path, code="import os, sys; sys.exit('token=' + os.environ['GITHUB_TOKEN'])")
    leaky["env"] = ["GITHUB_TOKEN"]
    leaky["events"] = ["published"]

    report = run([privacy()], leaky, environ={**environment(), "PATH": "/usr/bin:/bin", "GITHUB_TOKEN": token})

    assert report.results[0].error.endswith("token=***")
    assert token not in (tmp_path / "notifications" / "ledger.jsonl").read_text()


# Resend and test events


def test_resend_appends_a_new_attempt_and_never_edits_the_ledger(tmp_path, run, webhook_receiver):
    from generator.notify import resend

    run([privacy()], webhook(webhook_receiver.url))
    before = (tmp_path / "notifications" / "ledger.jsonl").read_bytes()
    published = event_id("privacy", EFFECTIVE, EVENT_PUBLISHED)

    report = resend(
        [privacy()], published, config=notify_config(webhook(webhook_receiver.url)), root=tmp_path, as_of=EFFECTIVE,
        site_url="https://statements.test/", environ=environment(), sleep=lambda seconds: None,
    )

    assert webhook_receiver.ids[-1] == published and len(webhook_receiver.requests) == 3
    assert [(r.outcome, r.trigger) for r in report.results] == [("delivered", "resend")]
    assert (tmp_path / "notifications" / "ledger.jsonl").read_bytes().startswith(before)
    assert [(line["event"], line.get("trigger")) for line in ledger_lines(tmp_path)][-1] == (published, "resend")


def test_resend_of_an_unknown_event_is_an_error_and_sends_nothing(tmp_path, webhook_receiver):
    from generator.notify import resend

    with pytest.raises(NotifyError, match="no event evt_nope has taken place by 2025-03-01"):
        resend([privacy()], "evt_nope", config=notify_config(webhook(webhook_receiver.url)), root=tmp_path,
               as_of=EFFECTIVE, environ=environment())

    assert webhook_receiver.requests == []


def test_resend_to_one_channel_only(tmp_path, run, webhook_receiver):
    from generator.notify import resend

    announce = command(tmp_path, code="open('ran', 'a').write('x')")
    published = event_id("privacy", EFFECTIVE, EVENT_PUBLISHED)

    report = resend(
        [privacy()], published, channel="ops", config=notify_config(webhook(webhook_receiver.url), announce),
        root=tmp_path, as_of=EFFECTIVE, environ=environment(), sleep=lambda seconds: None,
    )

    assert [r.channel for r in report.results] == ["ops"]
    assert not (tmp_path / "ran").exists()


def test_a_test_event_is_marked_and_not_recorded(tmp_path, webhook_receiver):
    from generator.notify import send_test

    result = send_test(
        [privacy()], "ops", config=notify_config(webhook(webhook_receiver.url)), root=tmp_path,
        site_url="https://statements.test/", environ=environment(),
    )

    [request] = webhook_receiver.requests
    assert result.outcome == "delivered"
    assert request.verified
    assert (request.payload["type"], request.payload["test"]) == ("statement.test", True)
    assert request.headers["webhook-id"].startswith("evt_test_")
    assert not (tmp_path / "notifications" / "ledger.jsonl").exists()


def test_a_test_e_mail_says_it_is_a_test(tmp_path, smtp_server):
    from generator.notify import send_test

    server = smtp_server()

    send_test([privacy()], "subscribers", config=notify_config(email_channel(server.port)), root=tmp_path, environ=environment())

    message = server.messages[0].message
    assert message["Subject"].startswith("[Test] Privacy Statement")
    assert message["X-Statement-Test"] == "yes"
    assert message.get_body(("plain",)).get_content().startswith("This is a test message")
    assert not (tmp_path / "notifications" / "ledger.jsonl").exists()


# The run lock


def test_two_runs_with_different_temporary_folders_still_exclude_each_other(tmp_path, run, webhook_receiver, monkeypatch):
    import os
    import subprocess
    import tempfile

    ledger = tmp_path / "notifications" / "ledger.jsonl"
    holder_tmp, our_tmp = tmp_path / "tmp-a", tmp_path / "tmp-b"
    holder_tmp.mkdir(), our_tmp.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from generator.notify import Ledger\n"
         f"with Ledger({str(ledger)!r}).lock():\n    print('held', flush=True); time.sleep(30)"],
        env={**os.environ, "TMPDIR": str(holder_tmp)}, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(tempfile, "tempdir", str(our_tmp))
        from generator.notify import LedgerLocked

        with pytest.raises(LedgerLocked, match=f"another notification run holds the ledger: pid {holder.pid} on "):
            run([privacy()], webhook(webhook_receiver.url))
    finally:
        holder.kill()
        holder.wait()

    assert webhook_receiver.requests == []
