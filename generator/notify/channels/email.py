"""E-mail channel: one message per event to the configured recipients, over SMTP.

``security: starttls`` upgrades the connection before anything else is said (and fails if the
server does not offer STARTTLS); ``tls`` speaks TLS from the first byte; ``none`` is for relays on
the same host. The text and HTML parts come from Jinja templates (``subject.txt``,
``message.txt``, ``message.html``); a ``templates`` folder may override any of them. Parts that
are not plain ASCII are quoted-printable, so servers without 8BITMIME get them intact.

Outcomes are kept per recipient: a recipient the server refuses with a 4xx reply is tried again by
the next run — alone, never the recipients already reached — and one refused with a 5xx reply is
not tried again. ``per_recipient: true`` sends each recipient a message of their own, so no
subscriber sees another's address. ``timeout`` bounds a whole attempt, however slowly the server
answers.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import hashlib
import smtplib
import ssl
from email.message import EmailMessage
from collections.abc import Mapping
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

import jinja2

from markupsafe import Markup

from ... import i18n
from ...escape import paragraphs_html
from ...i18n import DEFAULT as DEFAULT_LANGUAGE
from ..config import EmailChannelConfig
from ..events import Event, translated
from .base import Channel, ChannelContext, Delivered, Watchdog

__all__ = ["EmailChannel", "BUILTIN_TEMPLATES"]

#: RFC 5322's line limit, so that headers such as List-Unsubscribe stay on one line
_POLICY = email.policy.default.clone(max_line_length=998)

#: the built-in templates, in the package's ``templates/email`` folder
BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "email"


def _long_date(value: str | dt.date) -> str:
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


def _strong(text: str) -> Markup:
    return Markup("<strong>{}</strong>").format(text)


class EmailChannel(Channel):
    """Renders and sends one message per event; see the module docstring."""

    type = "email"
    config: EmailChannelConfig

    def __init__(self, config: EmailChannelConfig, context: ChannelContext):
        super().__init__(config, context)
        context.redact.add(self.secret("password_env"))
        self._environments: dict[str, jinja2.Environment] = {}
        self.templates = self.environment(DEFAULT_LANGUAGE)

    def environment(self, language: str) -> jinja2.Environment:
        """The templates speaking ``language`` (gettext installed, dates written its way); made once."""
        found = self._environments.get(language)
        if found is not None:
            return found
        loaders: list[jinja2.BaseLoader] = []
        if self.config.templates:
            loaders.append(jinja2.FileSystemLoader(self.config.templates))
        loaders.append(jinja2.FileSystemLoader(BUILTIN_TEMPLATES))
        environment = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        i18n.install(environment, language)
        # English notices keep the date form they always had ("1 March 2025").
        environment.filters["long_date"] = _long_date if language == DEFAULT_LANGUAGE else environment.filters["date"]
        environment.globals["strong"] = _strong
        self._environments[language] = environment
        return environment

    def language_of(self, event: Event, recipient: str | None = None) -> str:
        """The language of a notice: the recipient's, else the channel's, else the statement's."""
        return (
            getattr(recipient, "language", None) or self.config.language
            or event.payload["statement"].get("language") or DEFAULT_LANGUAGE
        )

    @property
    def recipients(self) -> list[str]:
        """The bare addresses of ``to`` (the envelope recipients)."""
        return [parseaddr(item)[1] for item in self.config.to]

    def check_environment(self) -> None:
        if self.config.username_env:
            self.require("username_env")
            self.require("password_env")

    def message(self, event: Event, to: list[str] | None = None, language: str | None = None) -> EmailMessage:
        """The complete message for ``event``: headers, text part and HTML part.

        ``to`` is the ``To:`` header (default: every configured recipient); ``language`` the
        language of the message (default: the channel's, else the statement's).
        """
        config = self.config
        language = language or self.language_of(event)
        templates = self.environment(language)
        context = self._template_context(event, language)
        subject = " ".join(templates.get_template("subject.txt").render(context).split())
        text = templates.get_template("message.txt").render(context)
        html = templates.get_template("message.html").render(context)

        message = EmailMessage(policy=_POLICY)
        message["Subject"] = f"[Test] {subject}" if _is_test(event) else subject
        message["From"] = config.sender
        message["To"] = ", ".join(to if to is not None else config.to)
        if config.reply_to:
            message["Reply-To"] = config.reply_to
        message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
        message["Message-ID"] = self.message_id(
            event, to[0] if to is not None and self.config.per_recipient else None,
            language=None if language == self.language_of(event) else language,
        )
        message["Auto-Submitted"] = "auto-generated"
        message["X-Statement-Event"] = f"{event.type} {event.id}"
        if _is_test(event):
            message["X-Statement-Test"] = "yes"
        message["List-Id"] = self.list_id
        if config.list_unsubscribe:
            message["List-Unsubscribe"] = ", ".join(f"<{address}>" for address in config.list_unsubscribe)
            if config.list_unsubscribe_post:
                message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(text, cte=_transfer_encoding(text))
        message.add_alternative(html, subtype="html", cte=_transfer_encoding(html))
        if language != DEFAULT_LANGUAGE or event.payload["statement"].get("language"):
            message["Content-Language"] = language  # after the parts: setting content clears Content-* headers
        return message

    @property
    def list_id(self) -> str:
        """The ``List-Id`` header (RFC 2919): the ``list_id`` option, or one made of the channel's name and the sender's domain."""
        if self.config.list_id:
            return self.config.list_id.strip()
        domain = parseaddr(self.config.sender)[1].rpartition("@")[2] or "localhost"
        label = self.context.site_name or "Statement notices"
        quoted = label.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{quoted}" <{self.name}.{domain}>'

    def message_id(self, event: Event, recipient: str | None = None, *, language: str | None = None) -> str:
        """``<event id.channel@sender domain>``: the same for every re-send of the event.

        A message of its own per recipient (``per_recipient``) is a message of its own to RFC 5322,
        so its identifier adds a digest of the recipient's address: still the same on a re-send.
        The message of a group of recipients in another language than the channel's adds the
        language (``<evt_….news.de@…>``).
        """
        domain = parseaddr(self.config.sender)[1].rpartition("@")[2] or "localhost"
        if recipient is None:
            return f"<{event.id}.{self.name}{'.' + language if language else ''}@{domain}>"
        digest = hashlib.sha256(parseaddr(recipient)[1].lower().encode()).hexdigest()[:12]
        return f"<{event.id}.{self.name}.{digest}@{domain}>"

    def _template_context(self, event: Event, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        statement, version = translated(event.payload, language)
        summary = version.get("summary")
        # A version whose translation is missing, or says nothing of its own, keeps the original's
        # summary: the message says so, and marks it with the original's language.
        entry = (event.payload.get("translations") or {}).get(language)
        original = event.payload["statement"].get("language")
        original_words = None
        if summary and entry is not None and original and (entry["status"] == "missing" or not entry.get("summary")):
            from ...localized import language_name

            original_words = {"lang": original, "name": language_name(original, language)}
        as_of = self.context.as_of or dt.date.today()
        return {
            # A notice sent on or after the effective date (a late run, a catch-up) speaks in the past.
            "in_effect": as_of >= event.effective,
            "test": _is_test(event),
            "event": event.payload,
            "kind": "published" if _is_test(event) else event.kind,
            "statement": statement,
            "version": version,
            "language": language,
            "previous": event.payload["previous"],
            "classification": event.payload["classification"],
            "site_name": self.context.site_name,
            # Summaries are Markdown written by the statement's authors, so they are trusted HTML.
            # The summary is plain text from front-matter: escaped, one paragraph per blank-line block.
            "summary_html": paragraphs_html(summary) if summary else None,
            "original_words": original_words,
        }

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.config.ca_file)

    def send(self, event: Event, prior: Mapping[str, str] | None = None) -> Delivered:
        config, redact = self.config, self.context.redact
        prior = dict(prior or {})
        # Reached, or refused for good, by an earlier attempt: never mailed again.
        pending = [address for address in self.recipients if not _finished(prior.get(address))]
        try:
            if config.per_recipient:
                messages = [
                    (self.message(event, [item], self.language_of(event, item)), [parseaddr(item)[1]])
                    for item in config.to if parseaddr(item)[1] in pending
                ]
            else:
                # one message per language, to the recipients who read it
                groups: dict[str, list[str]] = {}
                for item in config.to:
                    groups.setdefault(self.language_of(event, item), []).append(item)
                messages = []
                for language, items in groups.items():
                    envelope = [parseaddr(item)[1] for item in items if parseaddr(item)[1] in pending]
                    if envelope:
                        messages.append((self.message(event, items if len(groups) > 1 else None, language), envelope))
        except jinja2.TemplateError as exc:
            where = f"{exc.name}: " if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name else ""
            return Delivered(False, 1, error=f"template {where}{exc}")
        # Nothing left to send (e.g. the address still due was removed from 'to'): no connection.
        outcomes = self._transmit(messages) if messages else {}
        if isinstance(outcomes, str):  # the server could not be used at all
            return Delivered(False, 1, error=redact(outcomes), recipients={**prior, **{a: f"temporary: {outcomes}" for a in pending}} or None)
        recipients = {address: prior[address] for address in self.recipients if address in prior}
        recipients.update(outcomes)
        recipients = {address: recipients[address] for address in self.recipients if address in recipients}
        earlier = sum(1 for address in self.recipients if address not in pending and prior.get(address) == "delivered")
        now = sum(1 for address in pending if outcomes.get(address) == "delivered")
        problems = {address: status for address, status in outcomes.items() if status != "delivered"}
        if not problems and all(status == "delivered" for status in recipients.values()):
            detail = f"accepted for {now} recipient(s)" + (f", {earlier} reached earlier" if earlier else "")
            return Delivered(True, 1, detail=detail, recipients=recipients)
        refused = "; ".join(f"{address} ({status})" for address, status in recipients.items() if status != "delivered")
        permanent = not any(status.startswith("temporary") for status in recipients.values())
        reached = f"; reached {now + earlier} of {len(self.recipients)}"
        prefix = "recipient refused for good: " if permanent else "recipient refused: "
        return Delivered(False, 1, error=redact(prefix + refused + reached), recipients=recipients, permanent=permanent)

    def _transmit(self, messages: list[tuple[EmailMessage, list[str]]]) -> dict[str, str] | str:
        """Send each message to its envelope recipients in one SMTP session.

        Returns address → outcome, or a string when the session failed before any message was
        accepted (every recipient stays due).
        """
        config = self.config
        host, port = config.host, config.effective_port
        seconds = self.context.limit(config.timeout)
        outcomes: dict[str, str] = {}
        sender = parseaddr(config.sender)[1]
        with Watchdog(seconds) as watchdog:
            try:
                client = _client(config.security == "tls", watchdog, host, port, seconds, self._tls)
            except (smtplib.SMTPException, OSError) as exc:
                self.circuit.record(False)
                if watchdog.expired or isinstance(exc, TimeoutError):
                    return f"{host}:{port}: no answer within {seconds:g} s"
                return f"{host}:{port}: {type(exc).__name__}: {exc}"
            self.circuit.record(True)
            try:
                with client:
                    if config.security == "starttls":
                        client.ehlo()
                        if not client.has_extn("starttls"):
                            return f"{host}:{port} does not offer STARTTLS"
                        client.starttls(context=self._tls())
                        watchdog.watch(client.sock)
                        client.ehlo()
                    if config.username_env:
                        client.login(self.require("username_env"), self.require("password_env"))
                    for message, envelope in messages:
                        outcomes.update(_send_one(client, message, sender, envelope))
            except smtplib.SMTPResponseException as exc:
                return f"{host}:{port} answered {exc.smtp_code} {_text(exc.smtp_error)}"
            except (smtplib.SMTPException, OSError) as exc:
                if not outcomes:
                    if watchdog.expired:
                        return f"{host}:{port}: no complete answer within {seconds:g} s"
                    return f"{host}:{port}: {type(exc).__name__}: {exc}"
                # Messages already accepted stay accepted; the rest are tried again.
                why = f"no complete answer within {seconds:g} s" if watchdog.expired else f"{type(exc).__name__}: {exc}"
                for _message, envelope in messages:
                    for address in envelope:
                        outcomes.setdefault(address, f"temporary: {why}")
        return outcomes

    def preview(self, event: Event, outbox: Path) -> Path:
        path = self._outbox_file(outbox, event, ".eml")
        path.write_bytes(bytes(self.message(event)))
        # recipients in other languages: one more file per language, beside the first
        for language in sorted({self.language_of(event, item) for item in self.config.to} - {self.language_of(event)}):
            path.with_name(f"{path.stem}.{language}{path.suffix}").write_bytes(bytes(self.message(event, None, language)))
        return path


def _client(
    implicit_tls: bool, watchdog: Watchdog, host: str, port: int, seconds: float, tls: Any
) -> smtplib.SMTP:
    """An SMTP client connected to ``host``; its socket is in ``watchdog`` from the first byte,
    so that even a greeting trickled line by line cannot outlast the deadline."""
    base = smtplib.SMTP_SSL if implicit_tls else smtplib.SMTP

    class Client(base):  # type: ignore[valid-type, misc]
        def _get_socket(self, host: str, port: int, timeout: float) -> Any:
            sock = super()._get_socket(host, port, timeout)
            watchdog.watch(sock)
            return sock

    if implicit_tls:
        return Client(host, port, timeout=seconds, context=tls())
    return Client(host, port, timeout=seconds)


def _is_test(event: Event) -> bool:
    return bool(event.payload.get("test"))


def _finished(status: str | None) -> bool:
    """True for a recipient reached, or refused for good, by an earlier attempt."""
    return status is not None and (status == "delivered" or status.startswith("permanent"))


def _text(reply: object) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _status(code: int, reply: object) -> str:
    # RFC 5321: 4yz is a transient failure (try again), 5yz a permanent one.
    kind = "permanent" if 500 <= code < 600 else "temporary"
    return f"{kind}: {code} {_text(reply)}"


def _send_one(client: smtplib.SMTP, message: EmailMessage, sender: str, envelope: list[str]) -> dict[str, str]:
    """One message to ``envelope``: each address and what became of it."""
    try:
        refused = client.send_message(message, from_addr=sender, to_addrs=envelope)
    except smtplib.SMTPRecipientsRefused as exc:
        return {address: _status(code, reply) for address, (code, reply) in exc.recipients.items()}
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        status = _status(exc.smtp_code, exc.smtp_error)
        try:
            client.rset()  # the session stays usable for the next message
        except smtplib.SMTPException:
            pass
        return {address: status for address in envelope}
    outcomes = {address: "delivered" for address in envelope}
    outcomes.update({address: _status(code, reply) for address, (code, reply) in refused.items()})
    return outcomes


def _transfer_encoding(text: str) -> str:
    """``7bit`` for short ASCII lines, else quoted-printable: never 8bit, which needs the server's 8BITMIME."""
    if text.isascii() and all(len(line) <= 900 for line in text.splitlines()):
        return "7bit"
    return "quoted-printable"
