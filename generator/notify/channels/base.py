"""What every channel shares: the outcome of a delivery, secret redaction, and the base class."""

from __future__ import annotations

import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import NotifyError
from ..config import ChannelConfig
from ..events import Event

__all__ = ["Channel", "ChannelContext", "Delivered", "Redactor"]


@dataclass(frozen=True)
class Delivered:
    """How one delivery went: ``ok``, after how many attempts, with what answer or error."""

    ok: bool
    attempts: int
    #: the receiver's answer on success, e.g. ``HTTP 204``, ``250 queued``, ``exit 0``
    detail: str | None = None
    #: why it failed, free of secrets
    error: str | None = None


class Redactor:
    """Replaces known secret values in any text that leaves the process (output, ledger, errors)."""

    _URL = re.compile(r"\b(https?://)[^\s/?#]*@")

    def __init__(self, secrets: Iterable[str] = ()):
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def add(self, *secrets: str | None) -> None:
        """Treat more values as secret."""
        self._secrets = sorted({*self._secrets, *(s for s in secrets if s and len(s) >= 4)}, key=len, reverse=True)

    def __call__(self, text: str | None) -> str | None:
        if text is None:
            return None
        for secret in self._secrets:
            text = text.replace(secret, "***")
        # user:password@ in an address
        return self._URL.sub(r"\1***@", text)


@dataclass
class ChannelContext:
    """What a channel needs from its surroundings; tests swap the environment and the clock."""

    #: the mkdocs.yml folder: commands run there, relative paths start there
    root: Path
    environ: Mapping[str, str]
    redact: Redactor = field(default_factory=Redactor)
    #: waits between retries; tests record the delays instead of sleeping
    sleep: Callable[[float], None] = time.sleep
    site_name: str | None = None


class Channel(ABC):
    """A destination for events. Subclasses implement :meth:`send` and :meth:`preview`."""

    type: str = ""

    def __init__(self, config: ChannelConfig, context: ChannelContext):
        self.config = config
        self.context = context

    @property
    def name(self) -> str:
        """The channel's name, as recorded in the ledger."""
        return self.config.label

    def wants(self, event: Event) -> bool:
        """True when this channel is configured to receive ``event``."""
        if event.type not in self.config.events:
            return False
        return self.config.versions == "all" or event.material

    def secret_names(self) -> tuple[str, ...]:
        """Environment variables holding this channel's secrets."""
        return ()

    def secret(self, key: str) -> str | None:
        """The value of the environment variable named by option ``key`` (None when unset)."""
        name = self.config.get(key)
        if name is None:
            return None
        return self.context.environ.get(name) or None

    def require(self, key: str) -> str:
        """Like :meth:`secret`, but a missing variable is a configuration error (exit status 2)."""
        value = self.secret(key)
        if value is None:
            raise NotifyError(
                f"channel '{self.name}': {key}: the environment variable {self.config.get(key)} is not set",
                fix="set it in the environment, e.g. as a repository secret in GitHub Actions",
            )
        return value

    def check_environment(self) -> None:
        """Raise :class:`NotifyError` when a secret this channel needs is missing or malformed."""

    @abstractmethod
    def send(self, event: Event) -> Delivered:
        """Deliver ``event``; never raise for a failed delivery, report it."""

    @abstractmethod
    def preview(self, event: Event, outbox: Path) -> Path:
        """Write what :meth:`send` would send into ``outbox``; return the file written."""

    def _outbox_file(self, outbox: Path, event: Event, suffix: str) -> Path:
        outbox.mkdir(parents=True, exist_ok=True)
        return outbox / f"{event.statement_id}-{event.effective.isoformat()}-{event.kind}.{self.name}{suffix}"
