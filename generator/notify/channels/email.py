"""E-mail channel: one message per event to the configured recipients, over SMTP.

``security: starttls`` upgrades the connection before anything else is said (and fails if the
server does not offer STARTTLS); ``tls`` speaks TLS from the first byte; ``none`` is for relays on
the same host. The text and HTML parts come from Jinja templates (``subject.txt``,
``message.txt``, ``message.html``); a ``templates`` folder may override any of them. A recipient
the server refuses makes the delivery fail, so the next run sends the message again.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

from ..config import EmailChannelConfig
from ..events import Event
from .base import Channel, ChannelContext, Delivered

__all__ = ["EmailChannel", "BUILTIN_TEMPLATES"]

#: RFC 5322's line limit, so that headers such as List-Unsubscribe stay on one line
_POLICY = email.policy.default.clone(max_line_length=998)

#: the built-in templates, in the package's ``templates/email`` folder
BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "email"


def _long_date(value: str | dt.date) -> str:
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {day:%B %Y}"


class EmailChannel(Channel):
    """Renders and sends one message per event; see the module docstring."""

    type = "email"
    config: EmailChannelConfig

    def __init__(self, config: EmailChannelConfig, context: ChannelContext):
        super().__init__(config, context)
        context.redact.add(self.secret("password_env"))
        loaders: list[jinja2.BaseLoader] = []
        if config.templates:
            loaders.append(jinja2.FileSystemLoader(config.templates))
        loaders.append(jinja2.FileSystemLoader(BUILTIN_TEMPLATES))
        self.templates = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
        self.templates.filters["long_date"] = _long_date

    @property
    def recipients(self) -> list[str]:
        """The bare addresses of ``to`` (the envelope recipients)."""
        return [parseaddr(item)[1] for item in self.config.to]

    def check_environment(self) -> None:
        if self.config.username_env:
            self.require("username_env")
            self.require("password_env")

    def message(self, event: Event) -> EmailMessage:
        """The complete message for ``event``: headers, text part and HTML part."""
        config = self.config
        context = self._template_context(event)
        subject = " ".join(self.templates.get_template("subject.txt").render(context).split())
        text = self.templates.get_template("message.txt").render(context)
        html = self.templates.get_template("message.html").render(context)

        message = EmailMessage(policy=_POLICY)
        message["Subject"] = subject
        message["From"] = config.sender
        message["To"] = ", ".join(config.to)
        if config.reply_to:
            message["Reply-To"] = config.reply_to
        message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
        message["Message-ID"] = self.message_id(event)
        message["Auto-Submitted"] = "auto-generated"
        message["X-Statement-Event"] = f"{event.type} {event.id}"
        if config.list_unsubscribe:
            message["List-Unsubscribe"] = ", ".join(f"<{address}>" for address in config.list_unsubscribe)
            if config.list_unsubscribe_post:
                message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(text)
        message.add_alternative(html, subtype="html")
        return message

    def message_id(self, event: Event) -> str:
        """``<event id.channel@sender domain>``: the same for every re-send of the event."""
        domain = parseaddr(self.config.sender)[1].rpartition("@")[2] or "localhost"
        return f"<{event.id}.{self.name}@{domain}>"

    def _template_context(self, event: Event) -> dict[str, Any]:
        summary = event.payload["version"].get("summary")
        return {
            "event": event.payload,
            "kind": event.kind,
            "statement": event.payload["statement"],
            "version": event.payload["version"],
            "previous": event.payload["previous"],
            "classification": event.payload["classification"],
            "site_name": self.context.site_name,
            # Summaries are Markdown written by the statement's authors, so they are trusted HTML.
            "summary_html": Markup(markdown.markdown(summary)) if summary else None,
        }

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.config.ca_file)

    def send(self, event: Event) -> Delivered:
        config = self.config
        try:
            message = self.message(event)
        except jinja2.TemplateError as exc:
            where = f"{exc.name}: " if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name else ""
            return Delivered(False, 1, error=f"template {where}{exc}")
        host, port, redact = config.host, config.effective_port, self.context.redact
        try:
            if config.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=config.timeout, context=self._tls())
            else:
                client = smtplib.SMTP(host, port, timeout=config.timeout)
            with client:
                if config.security == "starttls":
                    client.ehlo()
                    if not client.has_extn("starttls"):
                        return Delivered(False, 1, error=f"{host}:{port} does not offer STARTTLS")
                    client.starttls(context=self._tls())
                    client.ehlo()
                if config.username_env:
                    client.login(self.require("username_env"), self.require("password_env"))
                refused = client.send_message(
                    message, from_addr=parseaddr(config.sender)[1], to_addrs=self.recipients
                )
        except smtplib.SMTPRecipientsRefused as exc:
            return Delivered(False, 1, error=redact(_refused(exc.recipients)))
        except smtplib.SMTPResponseException as exc:
            reply = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
            return Delivered(False, 1, error=redact(f"{host}:{port} answered {exc.smtp_code} {reply}"))
        except (smtplib.SMTPException, OSError) as exc:
            return Delivered(False, 1, error=redact(f"{host}:{port}: {type(exc).__name__}: {exc}"))
        if refused:
            return Delivered(False, 1, error=redact(_refused(refused)))
        return Delivered(True, 1, detail=f"accepted for {len(self.recipients)} recipient(s)")

    def preview(self, event: Event, outbox: Path) -> Path:
        path = self._outbox_file(outbox, event, ".eml")
        path.write_bytes(bytes(self.message(event)))
        return path


def _refused(recipients: dict[str, tuple[int, bytes]]) -> str:
    parts = []
    for address, (code, reply) in recipients.items():
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        parts.append(f"{address} ({code} {text})")
    return "recipient refused: " + "; ".join(parts)
