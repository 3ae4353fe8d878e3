"""The delivery ledger: an append-only JSON-lines file, committed to git as the proof of notice.

One line per delivery attempt of one event to one channel::

    {"event": "evt_…", "type": "statement.version.published", "statement": "privacy",
     "version": "2025-03-01", "channel": "ops", "time": "2025-02-01T09:00:03Z",
     "outcome": "delivered", "attempts": 2, "detail": "HTTP 204", "error": null,
     "payload_sha256": "…"}

A pair (event, channel) is *settled* once a line says ``delivered`` or ``skipped``; a ``failed``
line leaves it due, so the next run tries again. Each line is flushed and fsynced before the next
delivery starts. A crash after sending but before the line is on disk means the next run sends the
event again, with the same event id: delivery is at-least-once, recording is exactly-once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from ..errors import NotifyError

__all__ = ["Ledger", "LedgerRecord", "Outcome", "commit_ledger"]

Outcome = Literal["delivered", "failed", "skipped"]
_SETTLED = ("delivered", "skipped")


@dataclass(frozen=True)
class LedgerRecord:
    """One line of the ledger."""

    event: str
    type: str
    statement: str
    version: str
    channel: str
    time: str
    outcome: Outcome
    attempts: int
    detail: str | None = None
    error: str | None = None
    payload_sha256: str | None = None

    def to_json(self) -> str:
        """The record as one line of JSON (without the newline)."""
        return json.dumps(asdict(self), ensure_ascii=False, separators=(", ", ": "))

    @classmethod
    def from_dict(cls, data: dict) -> LedgerRecord:
        """Read a record back; unknown keys (from newer versions) are ignored."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    @property
    def settled(self) -> bool:
        """True when this line ends the duty to deliver: ``delivered`` or ``skipped``."""
        return self.outcome in _SETTLED


def now_utc() -> str:
    """The current time as recorded in the ledger: UTC, whole seconds, ``Z`` suffix."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Ledger:
    """Read and append the ledger file at ``path``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        #: problems met while reading, e.g. a line torn by a crash or a merge conflict marker
        self.warnings: list[str] = []

    def records(self) -> list[LedgerRecord]:
        """Every readable record, oldest first. Unreadable lines are reported in :attr:`warnings`."""
        self.warnings = []
        if not self.path.exists():
            return []
        result = []
        with self.path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    result.append(LedgerRecord.from_dict(json.loads(line)))
                except (ValueError, TypeError):
                    # Ignoring the line can only cause a re-send, never a lost notice.
                    self.warnings.append(f"{self.path}:{number}: not a ledger record, ignored")
        return result

    def settled(self) -> set[tuple[str, str]]:
        """The (event id, channel name) pairs that need no further delivery."""
        return {(record.event, record.channel) for record in self.records() if record.settled}

    def append(self, record: LedgerRecord) -> None:
        """Add one line and make it durable (flush + fsync) before returning."""
        created = not self.path.exists()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a+b") as handle:
            prefix = b""
            if handle.tell() > 0:
                # A line torn by an earlier crash must not swallow this one.
                handle.seek(-1, os.SEEK_END)
                if handle.read(1) != b"\n":
                    prefix = b"\n"
            handle.write(prefix + record.to_json().encode("utf-8") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        if created:
            _fsync_dir(self.path.parent)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold an exclusive lock for a run, so two runs on one machine cannot both deliver.

        The lock file lives in the temporary folder, keyed by the ledger's path, so that nothing
        besides the ledger appears in the repository.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        key = hashlib.sha256(str(self.path.resolve()).encode()).hexdigest()[:16]
        lock_path = Path(tempfile.gettempdir()) / f"statements-notify-{key}.lock"
        with lock_path.open("a") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise NotifyError(
                    "another notification run holds the ledger", path=self.path, fix="wait for it to finish"
                ) from None
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)


def commit_ledger(root: str | Path, ledger: str | Path, message: str) -> str | None:
    """``git add`` and ``git commit`` the ledger file alone; return the new commit's sha.

    Other staged or modified files are left as they are. Returns None when the ledger has no
    changes to commit. Raises :class:`NotifyError` when git refuses (the message says why).
    """
    root = Path(root)
    ledger_path = Path(ledger)
    relative = ledger_path.relative_to(root) if ledger_path.is_absolute() else ledger_path
    target = relative.as_posix()

    def git(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        completed = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        if check and completed.returncode != 0:
            lines = (completed.stderr or completed.stdout).strip().splitlines() or [f"status {completed.returncode}"]
            raise NotifyError(f"git {args[0]} failed: {lines[-1]}", path=target)
        return completed

    git("add", "--", target)
    if git("diff", "--cached", "--quiet", "--", target, check=False).returncode == 0:
        return None
    # '--only' with a path commits that path alone, whatever else is staged.
    git("commit", "--quiet", "--only", "-m", message, "--", target)
    return git("rev-parse", "HEAD").stdout.strip()
