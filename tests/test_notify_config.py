"""The ``notify`` options: defaults, and one clear line naming mkdocs.yml, the key and the fix."""

from __future__ import annotations

import datetime as dt

import pytest
from mkdocs.config import base
from mkdocs.config import config_options as c
from notify_support.factories import WEBHOOK_SECRET

from generator.errors import NotifyError
from generator.notify import EVENT_EFFECTIVE, EVENT_PUBLISHED, NotifyConfig, load_notify_config

HOOK = {"type": "webhook", "url": "https://hooks.example.com/statements", "secret_env": "HOOK_SECRET"}
MAIL = {"type": "email", "host": "smtp.example.com", "sender": "privacy@example.com", "to": ["updates@example.com"]}


def error_for(data) -> str:
    with pytest.raises(NotifyError) as error:
        load_notify_config(data)
    return str(error.value)


def test_defaults_keep_the_ledger_under_notifications():
    config = load_notify_config(None)

    assert (config.ledger, config.outbox, config.since, config.channels) == (
        "notifications/ledger.jsonl", "notifications/outbox", None, [],
    )


def test_a_channel_gets_both_events_material_versions_and_its_type_as_name():
    [channel] = load_notify_config({"channels": [HOOK]}).channels

    assert (channel.name, channel.events, channel.versions) == ("webhook", (EVENT_PUBLISHED, EVENT_EFFECTIVE), "material")


def test_webhook_retry_defaults():
    [channel] = load_notify_config({"channels": [HOOK]}).channels

    assert (channel.timeout, channel.retries, channel.backoff, channel.retry_after_max) == (10.0, 4, 1.0, 120.0)


def test_email_port_follows_the_security_mode():
    ports = [
        load_notify_config({"channels": [{**MAIL, "security": security}]}).channels[0].effective_port
        for security in ("starttls", "tls", "none")
    ]

    assert ports == [587, 465, 25]


def test_events_may_be_named_short_or_in_full():
    [channel] = load_notify_config({"channels": [{**HOOK, "events": ["statement.version.effective"]}]}).channels
    [short] = load_notify_config({"channels": [{**HOOK, "events": "published"}]}).channels

    assert (channel.events, short.events) == ((EVENT_EFFECTIVE,), (EVENT_PUBLISHED,))


def test_since_accepts_a_yaml_date_or_text():
    assert load_notify_config({"since": dt.date(2025, 1, 1)}).since == dt.date(2025, 1, 1)
    assert load_notify_config({"since": "2025-01-01"}).since == dt.date(2025, 1, 1)


def test_command_line_string_is_split_like_a_shell_would():
    [channel] = load_notify_config({"channels": [{"type": "command", "run": "python scripts/post.py --to 'ops room'"}]}).channels

    assert channel.run == ["python", "scripts/post.py", "--to", "ops room"]


def test_missing_required_key_names_the_file_the_key_and_the_fix():
    message = error_for({"channels": [{**MAIL, "to": None}]})

    assert message == (
        "mkdocs.yml: notify.channels[0] (email 'email'): to: missing; "
        "list at least one address, e.g. 'to: [privacy-updates@example.com]'"
    )


def test_unknown_channel_type_is_rejected():
    assert "type: 'slack' is not a channel type; write 'type: webhook'" in error_for({"channels": [{"type": "slack"}]})


def test_unknown_channel_key_is_rejected_with_the_options_there_are():
    message = error_for({"channels": [{**HOOK, "retry": 3}]})

    assert "channels[0] (webhook 'webhook'): retry: not an option of a webhook channel; use one of" in message
    assert "retries" in message


def test_a_secret_written_into_the_file_is_rejected_without_repeating_it():
    message = error_for({"channels": [{**HOOK, "secret": WEBHOOK_SECRET}]})

    assert "secret: secrets never go in mkdocs.yml" in message and "'secret_env'" in message
    assert WEBHOOK_SECRET not in message


def test_a_secret_given_as_secret_env_is_rejected_without_repeating_it():
    message = error_for({"channels": [{**HOOK, "secret_env": WEBHOOK_SECRET}]})

    assert "secret_env: holds a secret instead of naming the environment variable" in message
    assert WEBHOOK_SECRET not in message


def test_env_names_must_be_capitals_so_a_pasted_password_is_never_echoed():
    message = error_for({"channels": [{**MAIL, "username_env": "SMTP_USER", "password_env": "hunter2-pass"}]})

    assert "password_env: must be the name of an environment variable, in capitals" in message
    assert "hunter2-pass" not in message


def test_webhook_address_must_be_http_and_is_not_repeated():
    message = error_for({"channels": [{**HOOK, "url": "ftp://files.example.com/t0ken"}]})

    assert "url: must be an http:// or https:// address" in message
    assert "t0ken" not in message


def test_user_name_without_password_is_rejected():
    assert "password_env: missing: the user name and the password come as a pair" in error_for(
        {"channels": [{**MAIL, "username_env": "SMTP_USER"}]}
    )


def test_password_over_an_unencrypted_connection_is_rejected():
    message = error_for({"channels": [{**MAIL, "security": "none", "username_env": "U", "password_env": "P"}]})

    assert "security: 'none' would send the password unencrypted; use 'starttls' or 'tls'" in message


def test_two_channels_with_one_name_are_rejected():
    message = error_for({"channels": [HOOK, {**HOOK, "url": "https://other.example.com/"}]})

    assert "channels[1] (webhook 'webhook'): name: two channels are named 'webhook'" in message


def test_unknown_event_is_rejected():
    assert "events: 'changed' is not an event; list 'published', 'effective' or both" in error_for(
        {"channels": [{**HOOK, "events": ["changed"]}]}
    )


def test_invalid_timeout_is_rejected():
    assert "timeout: 0 is too small; give a number of seconds greater than 0" in error_for(
        {"channels": [{**HOOK, "timeout": 0}]}
    )


def test_unknown_notify_option_is_rejected():
    assert error_for({"ledgers": "x.jsonl"}) == (
        "mkdocs.yml: notify.ledgers: not an option of notify; use one of ledger, ledger_branch, since, budget, outbox, channels"
    )


def test_since_that_is_no_date_is_rejected():
    assert error_for({"since": "last year"}) == (
        "mkdocs.yml: notify.since: 'last year' is not a date; write the date as YYYY-MM-DD, e.g. 'since: 2025-01-01'"
    )


def test_ca_file_and_templates_are_found_relative_to_mkdocs_yml(tmp_path):
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "relay.pem").write_text("")
    (tmp_path / "mail").mkdir()
    channel = {**MAIL, "ca_file": "certs/relay.pem", "templates": "mail"}

    [email] = load_notify_config({"channels": [channel]}, config_file=str(tmp_path / "mkdocs.yml")).channels

    assert (email.ca_file, email.templates) == (str(tmp_path / "certs" / "relay.pem"), str(tmp_path / "mail"))


def test_a_ca_file_that_does_not_exist_is_rejected(tmp_path):
    with pytest.raises(NotifyError, match="ca_file: The path .* isn't an existing file"):
        load_notify_config({"channels": [{**MAIL, "ca_file": "nowhere.pem"}]}, config_file=str(tmp_path / "mkdocs.yml"))


def test_mounted_as_a_sub_config_mkdocs_reports_the_same_problem():
    class PluginConfig(base.Config):
        notify = c.SubConfig(NotifyConfig)

    config = PluginConfig(config_file_path="mkdocs.yml")
    config.load_dict({"notify": {"channels": [{**HOOK, "url": None}]}})
    failed, _warnings = config.validate()

    [(key, error)] = failed
    assert key == "notify"
    assert "channels[0] (webhook 'webhook'): url: missing" in str(error)
