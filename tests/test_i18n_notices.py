"""Notices per language: e-mail in each recipient's language over a real SMTP server on 127.0.0.1,
and the payload of a site with translations (language, and the addresses of every translation)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path
from types import SimpleNamespace

import pytest
from notify_support.factories import email_channel, environment, notify_config, privacy
from notify_support.servers import smtp_server, webhook_receiver  # noqa: F401 - fixtures

from generator.errors import NotifyError
from generator.notify import EVENT_EFFECTIVE, EVENT_PUBLISHED, EmailChannel, build_event, load_notify_config
from generator.notify.channels import ChannelContext, Redactor

PUBLISHED = dt.date(2025, 2, 1)
SITE = "https://statements.test/"


def make_channel(tmp_path: Path, port: int, as_of=PUBLISHED, **options) -> EmailChannel:
    config = notify_config(email_channel(port, **options)).channels[0]
    context = ChannelContext(tmp_path, environment(), Redactor(), site_name="Fernhill Statements", as_of=as_of)
    return EmailChannel(config, context)


def languages(*others: str, default: str = "en"):
    """The site's languages as the translations model gives them (default first, then the others)."""
    return SimpleNamespace(default=default, others=others, prefix=lambda code: "" if code == default else f"{code}/")


def german_translation(status: str = "translated"):
    """The statement's translations as the model pairs them: a German text of the update."""
    text = SimpleNamespace(title="Datenschutzerklärung", summary="Wir speichern Serverprotokolle jetzt **90 Tage** statt 30.")
    paired = SimpleNamespace(status=status, text=None if status == "missing" else text)
    german = SimpleNamespace(version=lambda effective: paired)
    return SimpleNamespace(get=lambda language: german if language == "de" else None)


@pytest.fixture
def event():
    statement = privacy()
    return build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE)


def parts(message):
    return message["Subject"], message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


# --- e-mail ------------------------------------------------------------------------------------


def test_a_channel_in_german_writes_its_notice_in_german(tmp_path, smtp_server, event):
    server = smtp_server()

    assert make_channel(tmp_path, server.port, language="de").send(event).ok

    subject, text, html = parts(server.messages[0].message)
    assert subject == "Privacy Statement: Änderungen treten am 1. März 2025 in Kraft"
    assert text.startswith("Wir haben eine neue Fassung von „Privacy Statement“ veröffentlicht. Die neue Fassung tritt am 1. März 2025 in Kraft.")
    assert "Die neue Fassung lesen: https://statements.test/privacy/2025-03-01/" in text
    assert "Fassung vom 2025-03-01, veröffentlicht am 2025-02-01, sha256 " in text
    assert '<html lang="de">' in html and "<strong>1. März 2025</strong>" in html
    assert ">Alle Änderungen ansehen</a>" in html
    assert server.messages[0].message["Content-Language"] == "de"


def test_a_late_effective_notice_in_french_speaks_in_the_past(tmp_path, smtp_server):
    statement = privacy()
    effective = build_event(statement, statement.versions[-1], EVENT_EFFECTIVE, site_url=SITE)
    server = smtp_server()

    assert make_channel(tmp_path, server.port, as_of=dt.date(2025, 3, 4), language="fr").send(effective).ok

    subject, text, _ = parts(server.messages[0].message)
    assert subject == "Privacy Statement : la version mise à jour est désormais en vigueur"
    assert "est désormais en vigueur (depuis le 1 mars 2025)." in text


def test_recipients_with_a_language_get_one_message_per_language(tmp_path, smtp_server, event):
    server = smtp_server()
    to = ["en@lists.fernhill.test", {"address": "de@lists.fernhill.test", "language": "de"},
          {"address": "Anna <anna@fernhill.test>", "language": "de"}, {"address": "nl@lists.fernhill.test", "language": "nl"}]

    outcome = make_channel(tmp_path, server.port, to=to).send(event)

    assert outcome.ok, outcome.error
    by_envelope = {tuple(mail.rcpt_tos): mail.message for mail in server.messages}
    assert set(by_envelope) == {("en@lists.fernhill.test",), ("de@lists.fernhill.test", "anna@fernhill.test"), ("nl@lists.fernhill.test",)}
    assert by_envelope[("en@lists.fernhill.test",)]["Subject"] == "Privacy Statement: changes take effect on 1 March 2025"
    german = by_envelope[("de@lists.fernhill.test", "anna@fernhill.test")]
    assert german["Subject"] == "Privacy Statement: Änderungen treten am 1. März 2025 in Kraft"
    assert german["To"] == "de@lists.fernhill.test, Anna <anna@fernhill.test>"  # each message shows its own readers only
    assert by_envelope[("nl@lists.fernhill.test",)]["Subject"] == "Privacy Statement: wijzigingen treden op 1 maart 2025 in werking"
    ids = {message["Message-ID"] for message in by_envelope.values()}
    assert len(ids) == 3 and any(".subscribers.de@" in i for i in ids)
    assert outcome.recipients == {address: "delivered" for address in
                                  ("en@lists.fernhill.test", "de@lists.fernhill.test", "anna@fernhill.test", "nl@lists.fernhill.test")}


def test_per_recipient_messages_are_each_in_their_recipients_language(tmp_path, smtp_server, event):
    server = smtp_server()
    to = [{"address": "es@fernhill.test", "language": "es"}, "en@fernhill.test"]

    assert make_channel(tmp_path, server.port, to=to, per_recipient=True).send(event).ok

    subjects = {mail.rcpt_tos[0]: mail.message["Subject"] for mail in server.messages}
    assert subjects == {
        "es@fernhill.test": "Privacy Statement: los cambios entran en vigor el 1 de marzo de 2025",
        "en@fernhill.test": "Privacy Statement: changes take effect on 1 March 2025",
    }


def test_a_german_notice_of_a_translated_version_links_the_german_pages_and_uses_its_title(tmp_path, smtp_server):
    statement = privacy()
    event = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                        languages=languages("de"), translations=german_translation())
    server = smtp_server()

    assert make_channel(tmp_path, server.port, to=[{"address": "de@fernhill.test", "language": "de"}]).send(event).ok

    subject, text, html = parts(server.messages[0].message)
    assert subject == "Datenschutzerklärung: Änderungen treten am 1. März 2025 in Kraft"
    assert "Wir speichern Serverprotokolle jetzt **90 Tage** statt 30." in text
    assert "Die neue Fassung lesen: https://statements.test/de/privacy/2025-03-01/" in text
    assert "Alle Änderungen ansehen: https://statements.test/de/privacy/2025-03-01/changes/" in text
    assert "https://statements.test/de/privacy/" in html


def test_a_notice_of_a_version_missing_in_german_keeps_the_originals_words(tmp_path, smtp_server):
    statement = privacy()
    event = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                        languages=languages("de"), translations=german_translation("missing"))
    server = smtp_server()

    assert make_channel(tmp_path, server.port, language="de").send(event).ok

    subject, text, _ = parts(server.messages[0].message)
    assert subject == "Privacy Statement: Änderungen treten am 1. März 2025 in Kraft"
    assert "We now keep server logs for **90 days** instead of 30." in text


def test_a_notice_in_german_marks_the_originals_summary_as_english_words(tmp_path, smtp_server):
    statement = privacy()
    event = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                        languages=languages("de"), translations=german_translation("missing"))
    server = smtp_server()

    assert make_channel(tmp_path, server.port, language="de").send(event).ok

    _, text, html = parts(server.messages[0].message)
    assert "Was sich ändert:\nIm Wortlaut des Originals (Englisch):\n\nWe now keep server logs" in text.replace("\r\n", "\n")
    assert "<p><em>Im Wortlaut des Originals (Englisch):</em></p>\n<div lang=\"en\"><p>We now keep server logs" in html.replace("\r\n", "\n")


def test_a_notice_of_a_translated_version_with_its_own_summary_marks_nothing(tmp_path, smtp_server):
    statement = privacy()
    event = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                        languages=languages("de"), translations=german_translation())
    server = smtp_server()

    assert make_channel(tmp_path, server.port, language="de").send(event).ok

    _, text, html = parts(server.messages[0].message)
    assert "Wortlaut des Originals" not in text and "Wortlaut des Originals" not in html and 'lang="en"' not in html


def test_the_outbox_preview_writes_one_message_per_language(tmp_path, event):
    to = ["en@fernhill.test", {"address": "fr@fernhill.test", "language": "fr"}]
    channel = make_channel(tmp_path, 2525, to=to)

    path = channel.preview(event, tmp_path / "outbox")

    written = sorted(p.name for p in path.parent.iterdir())
    assert written == sorted([path.name, f"{path.stem}.fr{path.suffix}"])
    french = email.message_from_bytes((path.parent / f"{path.stem}.fr{path.suffix}").read_bytes(), policy=email.policy.default)
    assert french["Subject"] == "Privacy Statement : des modifications entrent en vigueur le 1 mars 2025"


# --- configuration -----------------------------------------------------------------------------


def test_a_recipient_with_an_unknown_language_is_one_clear_line():
    with pytest.raises(NotifyError) as error:
        load_notify_config({"channels": [{"type": "email", "host": "smtp.example.com", "sender": "p@example.com",
                                          "to": [{"address": "a@example.com", "language": "klingon"}]}]})
    assert "to: language 'klingon' of 'a@example.com' is not a language code such as 'de' or 'pt-BR'" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_recipient_entry_with_other_keys_is_refused():
    with pytest.raises(NotifyError) as error:
        load_notify_config({"channels": [{"type": "email", "host": "smtp.example.com", "sender": "p@example.com",
                                          "to": [{"mail": "a@example.com"}]}]})
    assert "is not a recipient: write an address, or 'address:' with an optional 'language:'" in str(error.value)


def test_a_channel_language_must_be_a_language():
    with pytest.raises(NotifyError) as error:
        load_notify_config({"channels": [{"type": "email", "host": "smtp.example.com", "sender": "p@example.com",
                                          "to": ["a@example.com"], "language": "german"}]})
    assert "language: 'german' is not a language code such as 'de' or 'pt-BR'" in str(error.value)


# --- the payload -------------------------------------------------------------------------------


def test_a_one_language_sites_payload_has_no_language_keys(event):
    assert "translations" not in event.payload and "language" not in event.payload["statement"]


def test_the_payload_of_a_site_with_translations_names_every_translations_addresses():
    statement = privacy()
    event = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                        languages=languages("de", "fr"), translations=german_translation())

    assert event.payload["statement"]["language"] == "en"
    assert event.payload["translations"] == {
        "de": {
            "status": "translated", "title": "Datenschutzerklärung",
            "summary": "Wir speichern Serverprotokolle jetzt **90 Tage** statt 30.",
            "url": "https://statements.test/de/privacy/2025-03-01/",
            "changes_url": "https://statements.test/de/privacy/2025-03-01/changes/",
            "statement_url": "https://statements.test/de/privacy/",
        },
        "fr": {
            "status": "missing", "title": None, "summary": None,
            "url": "https://statements.test/fr/privacy/2025-03-01/",
            "changes_url": "https://statements.test/fr/privacy/2025-03-01/changes/",
            "statement_url": "https://statements.test/fr/privacy/",
        },
    }


# --- a whole run: `statement notify` on a project with a German translation --------------------------


def test_a_notify_run_sends_the_translations_addresses_and_german_mail(repo, monkeypatch, webhook_receiver, smtp_server):
    from click.testing import CliRunner
    from notify_support.factories import WEBHOOK_SECRET

    from generator.cli import cli
    from tests.conftest import statement_text, write_project

    server = smtp_server()
    monkeypatch.setenv("STATEMENTS_WEBHOOK_SECRET", WEBHOOK_SECRET)
    write_project(repo.path, f"""
        languages: [en, de]
        notify:
          channels:
            - {{type: webhook, name: ops, url: "{webhook_receiver.url}", secret_env: STATEMENTS_WEBHOOK_SECRET, events: [published]}}
            - type: email
              name: subscribers
              host: 127.0.0.1
              port: {server.port}
              security: none
              sender: privacy@fernhill.test
              to: [en@fernhill.test, {{address: de@fernhill.test, language: de}}]
              events: [published]
    """)
    repo.commit("Site", date="2025-01-01")
    repo.commit("Privacy statement", date="2025-02-01", files={
        "statements/privacy.md": statement_text(effective="2025-03-01", material=True, summary="We keep logs for 90 days."),
        "statements/privacy.de.md": statement_text(title="Datenschutzerklärung", effective="2025-03-01", summary="Wir speichern Protokolle 90 Tage lang."),
    })
    monkeypatch.chdir(repo.path)

    result = CliRunner().invoke(cli, ["notify", "--as-of", "2025-02-02"])

    assert result.exit_code == 0, result.output
    (request,) = webhook_receiver.requests
    import jsonschema

    assert list(jsonschema.Draft202012Validator(_schema()).iter_errors(request.payload)) == []
    assert request.payload["statement"]["language"] == "en"
    assert request.payload["translations"]["de"] == {
        "status": "translated", "title": "Datenschutzerklärung", "summary": "Wir speichern Protokolle 90 Tage lang.",
        "url": "https://statements.test/de/privacy/2025-03-01/", "changes_url": None,
        "statement_url": "https://statements.test/de/privacy/",
    }
    subjects = {tuple(mail.rcpt_tos): mail.message["Subject"] for mail in server.messages}
    assert subjects == {
        ("en@fernhill.test",): "Privacy Statement published",
        ("de@fernhill.test",): "Datenschutzerklärung veröffentlicht",
    }
    german = next(mail.message for mail in server.messages if mail.rcpt_tos == ["de@fernhill.test"])
    text = german.get_body(("plain",)).get_content()
    assert "Wir haben die erste Fassung von „Datenschutzerklärung“ veröffentlicht. Sie tritt am 1. März 2025 in Kraft." in text
    assert "Die neue Fassung lesen: https://statements.test/de/privacy/2025-03-01/" in text


# --- the payload's schema ----------------------------------------------------------------------------


def _schema():
    import json
    from importlib import resources

    return json.loads(resources.files("generator").joinpath("schemas/event-1.schema.json").read_text(encoding="utf-8"))


def test_every_kind_of_payload_is_valid_against_the_published_schema():
    import jsonschema

    from generator.notify.events import test_event

    validator = jsonschema.Draft202012Validator(_schema(), format_checker=jsonschema.FormatChecker())
    statement = privacy()
    payloads = [
        build_event(statement, statement.versions[0], EVENT_PUBLISHED).payload,
        build_event(statement, statement.versions[-1], EVENT_EFFECTIVE, site_url=SITE).payload,
        build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                    languages=languages("de", "fr"), translations=german_translation("stale")).payload,
        test_event(statement, statement.versions[-1], site_url=SITE, languages=languages("de"), translations=german_translation()).payload,
    ]
    for payload in payloads:
        assert list(validator.iter_errors(payload)) == []


def test_the_schema_refuses_a_translation_without_its_addresses():
    import jsonschema

    statement = privacy()
    payload = build_event(statement, statement.versions[-1], EVENT_PUBLISHED, site_url=SITE,
                          languages=languages("de"), translations=german_translation()).payload
    broken = {**payload, "translations": {"de": {"status": "translated"}}}
    assert list(jsonschema.Draft202012Validator(_schema()).iter_errors(broken))
