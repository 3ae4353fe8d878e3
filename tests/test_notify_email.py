"""The e-mail channel against a real SMTP server on 127.0.0.1 (plain, STARTTLS, implicit TLS)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest
from notify_support.factories import SMTP_PASSWORD, email_channel, environment, notify_config, privacy
from notify_support.servers import certificate, smtp_server  # noqa: F401 - fixtures

from generator.errors import NotifyError
from generator.notify import EVENT_EFFECTIVE, EVENT_PUBLISHED, EmailChannel, build_event
from generator.notify.channels import ChannelContext, Redactor


PUBLISHED = dt.date(2025, 2, 1)


def make_channel(tmp_path: Path, port: int, environ=None, as_of=PUBLISHED, **options) -> EmailChannel:
    """The channel as a run on ``as_of`` (default: the publication day of the update) makes it."""
    config = notify_config(email_channel(port, **options)).channels[0]
    context = ChannelContext(
        tmp_path, environment() if environ is None else environ, Redactor(), site_name="Fernhill Statements", as_of=as_of
    )
    return EmailChannel(config, context)


@pytest.fixture
def event():
    statement = privacy()
    return build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url="https://statements.test/")


def test_message_reaches_every_recipient_in_one_message(tmp_path, smtp_server, event):
    server = smtp_server()
    to = ["a@lists.fernhill.test", "b@lists.fernhill.test"]

    outcome = make_channel(tmp_path, server.port, to=to).send(event)

    assert outcome.ok, outcome.error
    assert [mail.rcpt_tos for mail in server.messages] == [to]
    assert server.messages[0].mail_from == "privacy@fernhill.test"


def test_message_has_text_and_html_parts_rendered_from_the_templates(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port).send(event)

    message = server.messages[0].message
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "takes effect on 1 March 2025" in text
    assert "https://statements.test/privacy/2025-03-01/changes/" in text
    assert "**90 days**" in html and "<strong>90 days" not in html  # the summary is plain text, shown as written
    assert 'href="https://statements.test/privacy/2025-03-01/"' in html


def test_subject_says_when_the_change_takes_effect(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port).send(event)

    assert server.messages[0].message["Subject"] == "Privacy Statement: changes take effect on 1 March 2025"


def test_effective_event_says_the_version_is_now_in_effect(tmp_path, smtp_server):
    statement = privacy()
    effective = build_event(statement, statement.versions[-1], EVENT_EFFECTIVE)
    server = smtp_server()

    make_channel(tmp_path, server.port).send(effective)

    assert server.messages[0].message["Subject"] == "Privacy Statement: the updated version is now in effect"


def test_message_id_is_derived_from_the_event_id(tmp_path, smtp_server, event):
    server = smtp_server()
    channel = make_channel(tmp_path, server.port)

    channel.send(event)
    channel.send(event)

    ids = [mail.message["Message-ID"] for mail in server.messages]
    assert ids == [f"<{event.id}.subscribers@fernhill.test>"] * 2


def test_list_unsubscribe_header_is_added_when_configured(tmp_path, smtp_server, event):
    server = smtp_server()
    channel = make_channel(
        tmp_path, server.port,
        list_unsubscribe=["mailto:leave@lists.fernhill.test", "https://fernhill.test/unsubscribe"],
        list_unsubscribe_post=True,
    )

    channel.send(event)

    message = server.messages[0].message
    assert message["List-Unsubscribe"] == "<mailto:leave@lists.fernhill.test>, <https://fernhill.test/unsubscribe>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_list_unsubscribe_header_unless_configured(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port).send(event)

    assert server.messages[0].message["List-Unsubscribe"] is None


def test_starttls_encrypts_before_logging_in_with_credentials_from_the_environment(
    tmp_path, smtp_server, certificate, event
):
    server = smtp_server(security="starttls", certificate=certificate, login="notifier")
    channel = make_channel(
        tmp_path, server.port, security="starttls", ca_file=str(certificate.cert_file),
        username_env="SMTP_USERNAME", password_env="SMTP_PASSWORD",
    )

    outcome = channel.send(event)

    assert outcome.ok, outcome.error
    assert [(mail.encrypted, mail.login) for mail in server.messages] == [(True, "notifier")]


# The test relay cannot tell aiosmtpd that implicit TLS counts as TLS for AUTH.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls_delivers_over_an_encrypted_connection(tmp_path, smtp_server, certificate, event):
    server = smtp_server(security="tls", certificate=certificate, login="notifier")
    channel = make_channel(
        tmp_path, server.port, security="tls", ca_file=str(certificate.cert_file),
        username_env="SMTP_USERNAME", password_env="SMTP_PASSWORD",
    )

    outcome = channel.send(event)

    assert outcome.ok, outcome.error
    assert [(mail.encrypted, mail.login) for mail in server.messages] == [(True, "notifier")]


def test_untrusted_certificate_fails_the_delivery(tmp_path, smtp_server, certificate, event):
    server = smtp_server(security="tls", certificate=certificate)

    outcome = make_channel(tmp_path, server.port, security="tls").send(event)

    assert not outcome.ok
    assert "CERTIFICATE_VERIFY_FAILED" in outcome.error
    assert server.messages == []


def test_starttls_is_never_skipped_when_the_server_does_not_offer_it(tmp_path, smtp_server, event):
    server = smtp_server(security="none")

    outcome = make_channel(tmp_path, server.port, security="starttls").send(event)

    assert not outcome.ok
    assert "does not offer STARTTLS" in outcome.error
    assert server.messages == []


def test_wrong_password_fails_without_showing_it(tmp_path, smtp_server, certificate, event):
    server = smtp_server(security="starttls", certificate=certificate, login="notifier")
    wrong = "wrong-" + SMTP_PASSWORD
    channel = make_channel(
        tmp_path, server.port, environ=environment(SMTP_PASSWORD=wrong), security="starttls",
        ca_file=str(certificate.cert_file), username_env="SMTP_USERNAME", password_env="SMTP_PASSWORD",
    )

    outcome = channel.send(event)

    assert not outcome.ok
    assert "535" in outcome.error
    assert wrong not in outcome.error and SMTP_PASSWORD not in outcome.error


def test_a_rejected_recipient_fails_the_delivery_but_the_others_are_recorded_as_reached(tmp_path, smtp_server, event):
    server = smtp_server(refuse=("gone@lists.fernhill.test",))
    to = ["updates@lists.fernhill.test", "gone@lists.fernhill.test"]

    outcome = make_channel(tmp_path, server.port, to=to).send(event)

    assert not outcome.ok
    assert outcome.error.startswith("recipient refused for good: gone@lists.fernhill.test (permanent: 550")
    assert outcome.recipients == {
        "updates@lists.fernhill.test": "delivered",
        "gone@lists.fernhill.test": "permanent: 550 5.1.1 mailbox unavailable",
    }


def test_all_recipients_rejected_fails_the_delivery(tmp_path, smtp_server, event):
    server = smtp_server(refuse=("updates@lists.fernhill.test",))

    outcome = make_channel(tmp_path, server.port).send(event)

    assert not outcome.ok
    assert "recipient refused for good: updates@lists.fernhill.test (permanent: 550" in outcome.error
    assert server.messages == []


def test_templates_folder_overrides_a_built_in_template(tmp_path, smtp_server, event):
    templates = tmp_path / "mail"
    templates.mkdir()
    (templates / "subject.txt").write_text("[{{ site_name }}] {{ statement.title }} {{ kind }}")
    server = smtp_server()

    make_channel(tmp_path, server.port, templates=str(templates)).send(event)

    message = server.messages[0].message
    assert message["Subject"] == "[Fernhill Statements] Privacy Statement published"
    assert "takes effect on 1 March 2025" in message.get_body(("plain",)).get_content()


def test_broken_template_fails_the_delivery_with_the_reason(tmp_path, smtp_server, event):
    templates = tmp_path / "mail"
    templates.mkdir()
    (templates / "subject.txt").write_text("{{ no_such_variable }}")
    server = smtp_server()

    outcome = make_channel(tmp_path, server.port, templates=str(templates)).send(event)

    assert not outcome.ok
    assert "no_such_variable" in outcome.error
    assert server.messages == []


def test_unset_password_variable_is_a_configuration_error(tmp_path, event):
    channel = make_channel(
        tmp_path, 25, environ={"SMTP_USERNAME": "notifier"}, security="starttls",
        username_env="SMTP_USERNAME", password_env="SMTP_PASSWORD",
    )

    with pytest.raises(NotifyError, match="password_env: the environment variable SMTP_PASSWORD is not set"):
        channel.check_environment()


def test_preview_writes_the_complete_message_as_an_eml_file(tmp_path, event):
    path = make_channel(tmp_path, 25).preview(event, tmp_path / "outbox")

    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert path.suffix == ".eml"
    assert message["To"] == "updates@lists.fernhill.test"
    assert message["Message-ID"] == f"<{event.id}.subscribers@fernhill.test>"


def test_a_first_version_is_announced_as_published_not_updated(tmp_path, smtp_server):
    statement = privacy()
    first = build_event(statement, statement.versions[0], EVENT_PUBLISHED)
    server = smtp_server()

    make_channel(tmp_path, server.port, as_of=dt.date(2024, 2, 20)).send(first)

    message = server.messages[0].message
    assert message["Subject"] == "Privacy Statement published"
    assert message.get_body(("plain",)).get_content().startswith(
        "We have published our Privacy Statement. It takes effect on 1 March 2024."
    )


# Per-recipient outcomes across runs (issue: one refused recipient re-mailed the others every run)


def run_email(tmp_path, channel, as_of=dt.date(2025, 2, 1)):
    from generator.notify import run_notifications

    return run_notifications(
        [privacy()], config=notify_config(channel), root=tmp_path, as_of=as_of, site_url="https://statements.test/",
        environ=environment(), sleep=lambda seconds: None,
    )


def test_a_temporarily_refused_recipient_is_retried_alone_on_the_next_run(tmp_path, smtp_server):
    server = smtp_server(defer=("b@lists.fernhill.test",))
    channel = email_channel(server.port, to=["a@lists.fernhill.test", "b@lists.fernhill.test"], events=["published"])

    first = run_email(tmp_path, channel)
    server.handler.defer.clear()
    second = run_email(tmp_path, channel)
    third = run_email(tmp_path, channel)

    assert [mail.rcpt_tos for mail in server.messages] == [["a@lists.fernhill.test"], ["b@lists.fernhill.test"]]
    assert [r.outcome for r in first.results] == ["failed"]
    assert first.results[0].recipients == {
        "a@lists.fernhill.test": "delivered",
        "b@lists.fernhill.test": "temporary: 451 4.3.0 mailbox busy, try again later",
    }
    assert [r.outcome for r in second.results] == ["delivered"]
    assert second.results[0].detail == "accepted for 1 recipient(s), 1 reached earlier"
    assert third.results == ()


def test_a_permanently_refused_recipient_is_not_tried_again(tmp_path, smtp_server):
    server = smtp_server(refuse=("b@lists.fernhill.test",))
    channel = email_channel(server.port, to=["a@lists.fernhill.test", "b@lists.fernhill.test"], events=["published"])

    first = run_email(tmp_path, channel)
    second = run_email(tmp_path, channel)

    assert [mail.rcpt_tos for mail in server.messages] == [["a@lists.fernhill.test"]]
    assert [r.outcome for r in first.results] == ["refused"]
    assert first.exit_code == 1
    assert (second.results, second.exit_code) == ((), 0)
    lines = (tmp_path / "notifications" / "ledger.jsonl").read_text().splitlines()
    assert len(lines) == 1 and '"outcome": "refused"' in lines[0]


def test_per_recipient_sends_each_address_a_message_of_its_own(tmp_path, smtp_server, event):
    server = smtp_server()
    to = ["Ann <a@lists.fernhill.test>", "b@lists.fernhill.test"]

    outcome = make_channel(tmp_path, server.port, to=to, per_recipient=True).send(event)

    assert outcome.ok, outcome.error
    assert [(mail.rcpt_tos, mail.message["To"]) for mail in server.messages] == [
        (["a@lists.fernhill.test"], "Ann <a@lists.fernhill.test>"),
        (["b@lists.fernhill.test"], "b@lists.fernhill.test"),
    ]


def test_per_recipient_resends_only_to_the_recipient_not_reached(tmp_path, smtp_server):
    server = smtp_server(defer=("b@lists.fernhill.test",))
    channel = email_channel(
        server.port, to=["a@lists.fernhill.test", "b@lists.fernhill.test", "c@lists.fernhill.test"],
        per_recipient=True, events=["published"],
    )

    run_email(tmp_path, channel)
    server.handler.defer.clear()
    run_email(tmp_path, channel)

    assert [mail.rcpt_tos for mail in server.messages] == [
        ["a@lists.fernhill.test"], ["c@lists.fernhill.test"], ["b@lists.fernhill.test"],
    ]


# What senders of notice e-mail are expected to do


def test_list_id_names_the_channel_and_the_sender_domain(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port).send(event)

    assert server.messages[0].message["List-Id"] == '"Fernhill Statements" <subscribers.fernhill.test>'


def test_list_id_can_be_configured(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port, list_id="Privacy updates <privacy-updates.fernhill.test>").send(event)

    assert server.messages[0].message["List-Id"] == "Privacy updates <privacy-updates.fernhill.test>"


def test_a_notice_sent_after_the_effective_date_says_the_change_took_effect(tmp_path, smtp_server, event):
    server = smtp_server()

    make_channel(tmp_path, server.port, as_of=dt.date(2025, 3, 4)).send(event)

    message = server.messages[0].message
    assert message["Subject"] == "Privacy Statement: changes took effect on 1 March 2025"
    assert "The new version took effect on 1 March 2025." in message.get_body(("plain",)).get_content()
    assert "took effect on <strong>1 March 2025</strong>" in message.get_body(("html",)).get_content()


def test_a_server_without_8bitmime_receives_only_7bit_data_that_decodes_intact(tmp_path, smtp_server):
    from generator.notify import build_event
    from notify_support.factories import statement, version

    server = smtp_server(eight_bit=False)
    café = statement(version("2024-03-01", "2024-02-20", material=False, summary=None),
                     version("2025-03-01", "2025-02-01", summary="Le café garde les journaux **90 jours** — pas 30."))
    event = build_event(café, café.versions[-1], EVENT_PUBLISHED, site_url="https://statements.test/")

    outcome = make_channel(tmp_path, server.port).send(event)

    assert outcome.ok, outcome.error
    raw = server.messages[0].raw
    assert raw.isascii() and max(len(line) for line in raw.splitlines()) <= 998
    message = server.messages[0].message
    assert "Le café garde les journaux **90 jours** — pas 30." in message.get_body(("html",)).get_content()  # plain text
    assert "Le café garde les journaux **90 jours** — pas 30." in message.get_body(("plain",)).get_content()


def test_a_server_that_trickles_its_replies_is_cut_off_at_the_timeout(tmp_path, event):
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def trickle():
        connection, _ = listener.accept()
        with connection:
            connection.sendall(b"220-relay.test slow greeting\r\n")
            while not stop.wait(0.2):
                try:
                    connection.sendall(b"220-still here\r\n")
                except OSError:
                    return

    threading.Thread(target=trickle, daemon=True).start()
    started = time.monotonic()
    try:
        outcome = make_channel(tmp_path, listener.getsockname()[1], timeout=1).send(event)
    finally:
        stop.set()
        listener.close()

    assert not outcome.ok
    assert "no answer within 1 s" in outcome.error or "no complete answer within 1 s" in outcome.error
    assert time.monotonic() - started < 10  # the trickle alone would last two minutes


def test_an_unreachable_mail_server_opens_the_circuit_for_the_rest_of_the_run(tmp_path):
    from generator.notify import run_notifications
    from notify_support.factories import statement, version
    from notify_support.servers import closed_port

    versions = statement(*(version(f"2025-0{month}-01", f"2025-0{month - 1}-01") for month in (3, 4, 5)))
    channel = email_channel(closed_port(), events=["published"], circuit_breaker=2)

    report = run_notifications(
        [versions], config=notify_config(channel), root=tmp_path, as_of=dt.date(2025, 5, 1), environ=environment(),
    )

    assert [(r.outcome, (r.error or "").split(":")[0]) for r in report.results] == [
        ("failed", "127.0.0.1"), ("failed", "127.0.0.1"), ("failed", "circuit open"),
    ]


def test_per_recipient_messages_have_identifiers_of_their_own_that_a_resend_keeps(tmp_path, smtp_server, event):
    server = smtp_server()
    channel = make_channel(tmp_path, server.port, to=["Ann <a@lists.fernhill.test>", "b@lists.fernhill.test"],
                           per_recipient=True)

    channel.send(event)
    channel.send(event)

    ids = [mail.message["Message-ID"] for mail in server.messages]
    assert len(set(ids[:2])) == 2 and ids[2:] == ids[:2]
    assert all(i.startswith(f"<{event.id}.subscribers.") and i.endswith("@fernhill.test>") for i in ids)
