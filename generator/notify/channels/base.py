"""What every channel shares: the outcome of a delivery, secret redaction, deadlines, the circuit
breaker, and the base class."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from ...errors import NotifyError
from ..config import ChannelConfig
from ..events import Event
from ..ledger import fingerprint

__all__ = ["Channel", "ChannelContext", "Circuit", "Delivered", "Redactor", "Watchdog", "secret_looking_values"]


@dataclass(frozen=True)
class Delivered:
    """How one delivery went: ``ok``, after how many attempts, with what answer or error."""

    ok: bool
    attempts: int
    #: the receiver's answer on success, e.g. ``HTTP 204``, ``250 queued``, ``exit 0``
    detail: str | None = None
    #: why it failed, free of secrets
    error: str | None = None
    #: e-mail: address → ``delivered``, ``temporary: <reply>`` or ``permanent: <reply>``
    recipients: Mapping[str, str] | None = None
    #: nothing is left to retry: every recipient not reached refused permanently
    permanent: bool = False
    #: the receiver answered 410 Gone: stop sending to it until its settings change
    gone: bool = False


#: parts of a variable's name that say its value is a secret (``GITHUB_TOKEN``, ``SMTP_PASSWORD``, …)
_SECRET_NAME_PARTS = {
    "TOKEN", "SECRET", "SECRETS", "PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS",
    "PRIVATE", "KEY", "APIKEY", "AUTH", "SESSION", "COOKIE", "SIGNATURE", "DSN", "WEBHOOK",
}
#: values that are secrets whatever their variable is called
_SECRET_VALUE = re.compile(
    r"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|whsec_[A-Za-z0-9+/=]{8,}|xox[abprs]-[\w-]{8,}"
    r"|sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}|glpat-[\w-]{16,}|eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,})"
)


def secret_looking_values(environ: Mapping[str, str]) -> list[str]:
    """Values of ``environ`` that look like secrets, by the variable's name or by the value's shape."""
    found = []
    for name, value in environ.items():
        if len(value) < 8:
            continue  # too short to be a credential, too common to replace safely
        parts = set(re.split(r"[^A-Z0-9]+", name.upper()))
        if parts & _SECRET_NAME_PARTS or _SECRET_VALUE.fullmatch(value):
            found.append(value)
    return found


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
        # Shapes of well-known tokens, even when no variable holds them here.
        text = _SECRET_VALUE.sub("***", text)
        # user:password@ in an address
        return self._URL.sub(r"\1***@", text)


@dataclass
class Circuit:
    """Counts consecutive connection failures of one channel; open at ``threshold`` (0: never)."""

    threshold: int
    failures: int = 0

    def record(self, connected: bool) -> None:
        """Note one attempt: whether the receiver could be reached at all."""
        self.failures = 0 if connected else self.failures + 1

    @property
    def open(self) -> bool:
        """True when the channel is to be skipped for the rest of the run."""
        return self.threshold > 0 and self.failures >= self.threshold


class Watchdog:
    """A total deadline for one attempt: when it passes, the attempt's sockets are shut down.

    Socket timeouts count per read, so a receiver that trickles a byte every few seconds would hold
    an attempt for ever; shutting the socket down makes the blocked read return at once.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket | None) -> None:
        """Shut ``sock`` down at the deadline (at once if it has passed)."""
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self._timer.cancel()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: the attempt is over anyway


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
    #: ``time.monotonic()`` value at which the run's budget is spent (None: no budget)
    deadline: float | None = None
    #: the run's date: a notice sent after the version took effect says so
    as_of: dt.date | None = None

    def remaining(self) -> float | None:
        """Seconds left in the run's budget (None: unlimited)."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def limit(self, seconds: float) -> float:
        """``seconds``, or less when the run's budget ends sooner."""
        remaining = self.remaining()
        return seconds if remaining is None else min(seconds, remaining)


class Channel(ABC):
    """A destination for events. Subclasses implement :meth:`send` and :meth:`preview`."""

    type: str = ""

    def __init__(self, config: ChannelConfig, context: ChannelContext):
        self.config = config
        self.context = context
        self.circuit = Circuit(int(config.get("circuit_breaker") or 0))

    @property
    def name(self) -> str:
        """The channel's name, as recorded in the ledger."""
        return self.config.label

    @property
    def fingerprint(self) -> str:
        """A digest of the channel's settings: a 410 Gone disables the channel until it changes."""
        return fingerprint({key: self.config.get(key) for key in sorted(self.config.keys())})

    def wants(self, event: Event) -> bool:
        """True when this channel is configured to receive ``event``."""
        if event.type not in self.config.events:
            return False
        return self.config.versions == "all" or event.material

    def secret(self, key: str) -> str | None:
        """The value of the environment variable named by option ``key`` (None when unset)."""
        name = self.config.get(key)
        if name is None:
            return None
        return self.context.environ.get(name) or None

    def require(self, key: str, name: str | None = None) -> str:
        """Like :meth:`secret`, but a missing variable is a configuration error (exit status 2)."""
        name = name or self.config.get(key)
        value = self.context.environ.get(name) if name else None
        if not value:
            raise NotifyError(
                f"channel '{self.name}': {key}: the environment variable {name} is not set",
                fix="set it in the environment, e.g. as a repository secret in GitHub Actions",
            )
        return value

    def check_environment(self) -> None:
        """Raise :class:`NotifyError` when something this channel needs is missing or malformed."""

    @abstractmethod
    def send(self, event: Event, prior: Mapping[str, str] | None = None) -> Delivered:
        """Deliver ``event``; never raise for a failed delivery, report it.

        ``prior`` is what earlier attempts recorded per recipient (e-mail resends only to those
        not reached); other channels ignore it.
        """

    @abstractmethod
    def preview(self, event: Event, outbox: Path) -> Path:
        """Write what :meth:`send` would send into ``outbox``; return the file written."""

    def _outbox_file(self, outbox: Path, event: Event, suffix: str) -> Path:
        outbox.mkdir(parents=True, exist_ok=True)
        return outbox / f"{event.statement_id}-{event.effective.isoformat()}-{event.kind}.{self.name}{suffix}"
