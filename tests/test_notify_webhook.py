"""The webhook channel against a real HTTP receiver on 127.0.0.1 that verifies signatures."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import time
from pathlib import Path

import pytest
from notify_support.factories import WEBHOOK_SECRET, environment, notify_config, privacy, webhook
from notify_support.servers import closed_port, webhook_receiver  # noqa: F401 - fixture

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from generator.errors import NotifyError
from generator.notify import EVENT_PUBLISHED, WebhookChannel, build_event
from generator.notify.channels import ChannelContext, Redactor
from generator.notify.channels.webhook import parse_retry_after


def make_channel(tmp_path: Path, url: str, delays: list[float] | None = None, environ=None, **options) -> WebhookChannel:
    config = notify_config(webhook(url, **options)).channels[0]
    sleep = delays.append if delays is not None else (lambda seconds: None)
    context = ChannelContext(tmp_path, environment() if environ is None else environ, Redactor(), sleep=sleep)
    return WebhookChannel(config, context)


@pytest.fixture
def event():
    statement = privacy()
    return build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url="https://statements.test/")


def test_request_is_signed_so_that_standard_webhooks_verifies_it(tmp_path, webhook_receiver, event):
    outcome = make_channel(tmp_path, webhook_receiver.url).send(event)

    assert outcome.ok
    assert [request.error for request in webhook_receiver.requests] == [None]


def test_tampered_body_would_not_verify(tmp_path, webhook_receiver, event):
    channel = make_channel(tmp_path, webhook_receiver.url)
    headers = channel.headers(event)

    with pytest.raises(WebhookVerificationError):
        Webhook(WEBHOOK_SECRET).verify(event.body.replace("2025-03-01", "2025-04-01"), headers)


def test_webhook_id_header_is_the_event_id(tmp_path, webhook_receiver, event):
    make_channel(tmp_path, webhook_receiver.url).send(event)

    assert webhook_receiver.ids == [event.id]


def test_body_is_the_event_payload_as_json(tmp_path, webhook_receiver, event):
    make_channel(tmp_path, webhook_receiver.url).send(event)

    request = webhook_receiver.requests[0]
    assert request.headers["content-type"] == "application/json"
    assert request.payload == json.loads(json.dumps(event.payload))


def test_server_error_is_retried_until_accepted(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(500, 200)

    outcome = make_channel(tmp_path, webhook_receiver.url).send(event)

    assert (outcome.ok, outcome.attempts, outcome.detail) == (True, 2, "HTTP 200")
    assert webhook_receiver.ids == [event.id, event.id]
    assert all(request.verified for request in webhook_receiver.requests)


def test_backoff_doubles_between_retries(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(503, 502, 500, 200)
    delays: list[float] = []

    outcome = make_channel(tmp_path, webhook_receiver.url, delays, retries=3, backoff=0.5).send(event)

    assert outcome.ok
    assert delays == [0.5, 1.0, 2.0]


def test_retry_after_in_seconds_is_honoured(tmp_path, webhook_receiver, event):
    webhook_receiver.respond((429, {"Retry-After": "7"}), 200)
    delays: list[float] = []

    outcome = make_channel(tmp_path, webhook_receiver.url, delays).send(event)

    assert outcome.ok and outcome.attempts == 2
    assert delays == [7.0]


def test_retry_after_as_http_date_is_honoured(tmp_path, webhook_receiver, event):
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)
    webhook_receiver.respond((503, {"Retry-After": email.utils.format_datetime(later, usegmt=True)}), 200)
    delays: list[float] = []

    make_channel(tmp_path, webhook_receiver.url, delays).send(event)

    assert len(delays) == 1 and 25 <= delays[0] <= 30


def test_retry_after_is_capped_by_retry_after_max(tmp_path, webhook_receiver, event):
    webhook_receiver.respond((429, {"Retry-After": "3600"}), 200)
    delays: list[float] = []

    make_channel(tmp_path, webhook_receiver.url, delays, retry_after_max=5).send(event)

    assert delays == [5.0]


def test_client_error_is_not_retried(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(400)

    outcome = make_channel(tmp_path, webhook_receiver.url).send(event)

    assert (outcome.ok, outcome.attempts) == (False, 1)
    assert "HTTP 400" in outcome.error
    assert len(webhook_receiver.requests) == 1


def test_persistent_server_error_fails_after_the_configured_retries(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(500, 500, 500, 500)

    outcome = make_channel(tmp_path, webhook_receiver.url, retries=2).send(event)

    assert (outcome.ok, outcome.attempts) == (False, 3)
    assert "HTTP 500" in outcome.error
    assert len(webhook_receiver.requests) == 3


def test_receiver_down_is_retried_then_reported(tmp_path, event):
    url = f"http://127.0.0.1:{closed_port()}/hooks"
    delays: list[float] = []

    outcome = make_channel(tmp_path, url, delays, retries=2).send(event)

    assert (outcome.ok, outcome.attempts) == (False, 3)
    assert outcome.error.startswith("cannot reach http://127.0.0.1:")
    assert len(delays) == 2


def test_hanging_receiver_times_out(tmp_path, webhook_receiver, event):
    webhook_receiver.respond("hang", "hang")
    started = time.monotonic()

    outcome = make_channel(tmp_path, webhook_receiver.url, timeout=0.2, retries=1).send(event)

    assert (outcome.ok, outcome.attempts) == (False, 2)
    assert "no complete answer" in outcome.error and "within 0.2 s" in outcome.error
    assert time.monotonic() - started < 3


def test_errors_show_the_receivers_origin_but_not_its_path(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(400)
    url = webhook_receiver.url.replace("/hooks/statements", "/T0001/B0002/tokenXYZ123")

    outcome = make_channel(tmp_path, url).send(event)

    assert "tokenXYZ123" not in outcome.error
    assert "http://127.0.0.1:" in outcome.error


def test_unset_secret_variable_is_a_configuration_error(tmp_path, webhook_receiver):
    channel = make_channel(tmp_path, webhook_receiver.url, environ={})

    with pytest.raises(NotifyError, match="STATEMENTS_WEBHOOK_SECRET is not set"):
        channel.check_environment()


def test_secret_that_is_not_a_whsec_secret_is_reported_without_its_value(tmp_path, webhook_receiver):
    channel = make_channel(tmp_path, webhook_receiver.url, environ={"STATEMENTS_WEBHOOK_SECRET": "not*base64*at*all"})

    with pytest.raises(NotifyError) as error:
        channel.check_environment()

    assert "does not hold a whsec_" in str(error.value)
    assert "not*base64" not in str(error.value)


def test_preview_writes_the_request_without_a_signature(tmp_path, webhook_receiver, event):
    path = make_channel(tmp_path, webhook_receiver.url).preview(event, tmp_path / "outbox")

    preview = json.loads(path.read_text())
    assert preview["headers"] == {"content-type": "application/json", "webhook-id": event.id}
    assert preview["body"] == json.loads(event.body)
    assert "signature" not in path.read_text()
    assert webhook_receiver.requests == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [("120", 120.0), ("0", 0.0), ("soon", None), (None, None), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_values(header, expected):
    assert parse_retry_after(header) == expected


def test_a_receiver_trickling_its_headers_is_cut_off_at_the_timeout_and_not_counted_as_delivered(
    tmp_path, webhook_receiver, event
):
    webhook_receiver.respond(("trickle", 0.2))
    started = time.monotonic()

    outcome = make_channel(tmp_path, webhook_receiver.url, timeout=1, retries=0).send(event)

    assert (outcome.ok, outcome.attempts) == (False, 1)
    assert "no complete answer" in outcome.error and "within 1 s" in outcome.error
    assert time.monotonic() - started < 10  # the trickle alone would last two minutes


def test_every_secret_signs_while_rotating_so_receivers_on_either_verify(tmp_path, event):
    from notify_support.servers import WebhookReceiver

    new_secret = "whsec_" + __import__("base64").b64encode(b"the-new-secret-after-rotation!!").decode()
    on_old = WebhookReceiver(WEBHOOK_SECRET).start()
    on_new = WebhookReceiver(new_secret).start()
    try:
        environ = environment(NEW_WEBHOOK_SECRET=new_secret)
        for receiver in (on_old, on_new):
            channel = make_channel(
                tmp_path, receiver.url, environ=environ, secret_env=["NEW_WEBHOOK_SECRET", "STATEMENTS_WEBHOOK_SECRET"]
            )
            assert channel.send(event).ok
    finally:
        on_old.stop()
        on_new.stop()

    for receiver in (on_old, on_new):
        [request] = receiver.requests
        assert request.verified, request.error
        assert [part.split(",")[0] for part in request.headers["webhook-signature"].split(" ")] == ["v1", "v1"]


def test_every_rotating_secret_must_be_set(tmp_path, webhook_receiver):
    channel = make_channel(tmp_path, webhook_receiver.url, secret_env=["NEW_WEBHOOK_SECRET", "STATEMENTS_WEBHOOK_SECRET"])

    with pytest.raises(NotifyError, match="NEW_WEBHOOK_SECRET is not set"):
        channel.check_environment()


def test_410_gone_fails_at_once_and_marks_the_channel_gone(tmp_path, webhook_receiver, event):
    webhook_receiver.respond(410)

    outcome = make_channel(tmp_path, webhook_receiver.url).send(event)

    assert (outcome.ok, outcome.gone, outcome.attempts) == (False, True, 1)
    assert "HTTP 410" in outcome.error and "disabled until its settings in mkdocs.yml change" in outcome.error
