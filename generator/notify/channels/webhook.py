"""Webhook channel: POST the event JSON with Standard Webhooks headers.

Headers: ``webhook-id`` (the event id, the same on every re-send), ``webhook-timestamp`` and
``webhook-signature`` (``v1,<base64 HMAC-SHA256>`` over ``id.timestamp.body``, made with the
``standardwebhooks`` library and the ``whsec_…`` secret from the environment; while rotating, one
signature per secret, separated by spaces, so receivers verify with either). Connection errors,
timeouts, 408, 429 and 5xx are retried with exponential backoff, honouring ``Retry-After`` up to
``retry_after_max``; 410 Gone disables the channel until its settings change; any other answer
outside 2xx fails at once.

``timeout`` bounds each attempt as a whole — connecting, sending, and reading the complete answer —
not each read: a receiver that trickles its headers cannot hold an attempt longer.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.utils
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from standardwebhooks.webhooks import Webhook

if TYPE_CHECKING:
    import httpx

from ...errors import NotifyError
from ..config import WebhookChannelConfig
from ..events import Event
from .base import Channel, ChannelContext, Delivered, Watchdog

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
        context.redact.add(*self.secrets(required=False))

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of the receiver: the part of the address safe to show."""
        parts = urlsplit(self.config.url)
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{parts.hostname}{port}"

    def secrets(self, *, required: bool = True) -> list[str]:
        """The signing secrets, in the order ``secret_env`` names them (unset ones skipped unless ``required``)."""
        values = []
        for name in self.config.secret_env:
            value = self.require("secret_env", name) if required else self.context.environ.get(name)
            if value:
                values.append(value)
        return values

    def check_environment(self) -> None:
        for name in self.config.secret_env:
            if not _usable_secret(self.require("secret_env", name)):
                # The value is never shown: it is a secret even when malformed.
                raise NotifyError(
                    f"channel '{self.name}': secret_env: {name} does not hold a whsec_… secret",
                    fix="store 'whsec_' followed by the base64 of 24 to 64 random bytes",
                )

    def headers(self, event: Event, timestamp: dt.datetime | None = None) -> dict[str, str]:
        """The request headers for ``event``, signed at ``timestamp`` (default: now) with every secret."""
        timestamp = timestamp or dt.datetime.now(dt.timezone.utc)
        signatures = [Webhook(secret).sign(event.id, timestamp, event.body) for secret in self.secrets()]
        return {
            "content-type": "application/json",
            "user-agent": _USER_AGENT,
            "webhook-id": event.id,
            "webhook-timestamp": str(int(timestamp.timestamp())),
            "webhook-signature": " ".join(signatures),
        }

    def send(self, event: Event, prior: Mapping[str, str] | None = None) -> Delivered:
        import httpx  # 40 ms to import: only when a webhook is really sent

        config, context = self.config, self.context
        body = event.body.encode("utf-8")
        attempts = 0
        # No kept-alive connections: every attempt connects afresh, so its deadline covers its socket.
        limits = httpx.Limits(max_keepalive_connections=0)
        with httpx.Client(follow_redirects=False, limits=limits) as client:
            while True:
                attempts += 1
                retry_after: float | None = None
                seconds = context.limit(config.timeout)
                connected = False
                with Watchdog(seconds) as watchdog:

                    def trace(name: str, info: dict[str, Any], watchdog: Watchdog = watchdog) -> None:
                        if name == "connection.connect_tcp.complete" and info.get("return_value") is not None:
                            watchdog.watch(info["return_value"].get_extra_info("socket"))

                    try:
                        # Signed afresh each attempt: receivers reject stale timestamps.
                        response = client.post(
                            config.url, content=body, headers=self.headers(event),
                            timeout=httpx.Timeout(max(seconds, 0.001)), extensions={"trace": trace},
                        )
                    except httpx.TransportError as exc:
                        if watchdog.expired or isinstance(exc, httpx.TimeoutException):
                            error = f"no complete answer from {self.origin} within {_seconds(seconds, config.timeout)}"
                        else:
                            error = f"cannot reach {self.origin} ({type(exc).__name__}: {exc})"
                    else:
                        connected = True
                        status = response.status_code
                        if 200 <= status < 300:
                            self.circuit.record(True)
                            return Delivered(True, attempts, detail=f"HTTP {status}")
                        error = f"HTTP {status} from {self.origin}{_reason(response)}"
                        if status == 410:
                            self.circuit.record(True)
                            return Delivered(
                                False, attempts, gone=True,
                                error=context.redact(f"{error}; the channel is disabled until its settings in mkdocs.yml change"),
                            )
                        if not (status in _RETRY_STATUS or status >= 500):
                            self.circuit.record(True)
                            return Delivered(False, attempts, error=context.redact(error))
                        retry_after = parse_retry_after(response.headers.get("retry-after"))
                self.circuit.record(connected)
                if self.circuit.open:
                    return Delivered(False, attempts, error=context.redact(f"{error}; circuit open after {self.circuit.failures} consecutive connection failures"))
                if attempts > config.retries:
                    return Delivered(False, attempts, error=context.redact(error))
                if retry_after is not None:
                    delay = min(retry_after, config.retry_after_max)
                else:
                    delay = config.backoff * 2 ** (attempts - 1)
                remaining = context.remaining()
                if remaining is not None and delay >= remaining:
                    return Delivered(False, attempts, error=context.redact(f"{error}; the run's budget ends before the next retry"))
                context.sleep(delay)

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


def _seconds(seconds: float, timeout: float) -> str:
    if seconds < timeout:
        return f"{round(seconds, 2):g} s (what was left of the run's budget)"
    return f"{seconds:g} s"


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
