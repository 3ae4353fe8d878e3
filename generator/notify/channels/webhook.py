"""Webhook channel: POST the event JSON with Standard Webhooks headers.

Headers: ``webhook-id`` (the event id, the same on every re-send), ``webhook-timestamp`` and
``webhook-signature`` (``v1,<base64 HMAC-SHA256>`` over ``id.timestamp.body``, made with the
``standardwebhooks`` library and the ``whsec_…`` secret from the environment). Connection errors,
timeouts, 408, 429 and 5xx are retried with exponential backoff, honouring ``Retry-After`` up to
``retry_after_max``; any other answer outside 2xx fails at once.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.utils
import json
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from standardwebhooks.webhooks import Webhook

from ...errors import NotifyError
from ..config import WebhookChannelConfig
from ..events import Event
from .base import Channel, ChannelContext, Delivered

__all__ = ["WebhookChannel", "parse_retry_after"]

_RETRY_STATUS = {408, 429}
_USER_AGENT = "statements-generator (notify)"


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait per a ``Retry-After`` header: delay-seconds or an HTTP date; None if absent or unusable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


class WebhookChannel(Channel):
    """Signs and POSTs events; see the module docstring for the retry rules."""

    type = "webhook"
    config: WebhookChannelConfig

    def __init__(self, config: WebhookChannelConfig, context: ChannelContext):
        super().__init__(config, context)
        # The address may carry a token; only its origin is ever shown.
        context.redact.add(config.url)
        context.redact.add(self.secret("secret_env"))

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the receiver: the part of the address safe to show."""
        parts = urlsplit(self.config.url)
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{parts.hostname}{port}"

    def check_environment(self) -> None:
        if not _usable_secret(self.require("secret_env")):
            # The value is never shown: it is a secret even when malformed.
            raise NotifyError(
                f"channel '{self.name}': secret_env: {self.config.secret_env} does not hold a whsec_… secret",
                fix="store 'whsec_' followed by the base64 of 24 to 64 random bytes",
            )

    def headers(self, event: Event, timestamp: dt.datetime | None = None) -> dict[str, str]:
        """The request headers for ``event``, signed at ``timestamp`` (default: now)."""
        timestamp = timestamp or dt.datetime.now(dt.timezone.utc)
        signature = Webhook(self.require("secret_env")).sign(event.id, timestamp, event.body)
        return {
            "content-type": "application/json",
            "user-agent": _USER_AGENT,
            "webhook-id": event.id,
            "webhook-timestamp": str(int(timestamp.timestamp())),
            "webhook-signature": signature,
        }

    def send(self, event: Event) -> Delivered:
        config = self.config
        body = event.body.encode("utf-8")
        attempts = 0
        with httpx.Client(timeout=httpx.Timeout(config.timeout), follow_redirects=False) as client:
            while True:
                attempts += 1
                retry_after: float | None = None
                try:
                    # Signed afresh each attempt: receivers reject stale timestamps.
                    response = client.post(config.url, content=body, headers=self.headers(event))
                except httpx.TimeoutException:
                    error = f"no answer from {self.origin} within {config.timeout:g} s"
                except httpx.TransportError as exc:
                    error = f"cannot reach {self.origin} ({type(exc).__name__}: {exc})"
                else:
                    status = response.status_code
                    if 200 <= status < 300:
                        return Delivered(True, attempts, detail=f"HTTP {status}")
                    error = f"HTTP {status} from {self.origin}{_reason(response)}"
                    if not (status in _RETRY_STATUS or status >= 500):
                        return Delivered(False, attempts, error=self.context.redact(error))
                    retry_after = parse_retry_after(response.headers.get("retry-after"))
                if attempts > config.retries:
                    return Delivered(False, attempts, error=self.context.redact(error))
                if retry_after is not None:
                    delay = min(retry_after, config.retry_after_max)
                else:
                    delay = config.backoff * 2 ** (attempts - 1)
                self.context.sleep(delay)

    def preview(self, event: Event, outbox: Path) -> Path:
        path = self._outbox_file(outbox, event, ".json")
        preview = {
            "method": "POST",
            "to": self.origin,
            # The signature is left out: a preview needs no secret and must not leak one.
            "headers": {"content-type": "application/json", "webhook-id": event.id},
            "body": json.loads(event.body),
        }
        path.write_text(json.dumps(preview, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return path


def _usable_secret(secret: str) -> bool:
    # The library's own decoding skips stray characters, so check strictly here.
    if not secret.startswith("whsec_"):
        return False
    try:
        key = base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except (ValueError, binascii.Error):
        return False
    return len(key) >= 16


def _reason(response: httpx.Response) -> str:
    text = response.text.strip().splitlines()[0][:120] if response.text.strip() else ""
    return f": {text}" if text else ""
