"""The delivery ledger: an append-only JSON-lines file, committed to git as the proof of notice.

One line per delivery attempt of one event to one channel::

    {"event": "evt_…", "type": "statement.version.published", "statement": "privacy",
     "version": "2025-03-01", "channel": "ops", "time": "2025-02-01T09:00:03Z",
     "outcome": "delivered", "attempts": 2, "detail": "HTTP 204", "error": null,
     "payload_sha256": "…"}

Optional keys appear only when they say something: ``recipients`` (e-mail: each address and what
became of it), ``trigger`` (``resend`` for a resend), ``channel_config`` (a fingerprint of the
channel's settings) and ``disabled`` (the receiver answered 410 Gone).

A pair (event, channel) is *settled* once a line says ``delivered``, ``refused`` (every recipient
not reached refused permanently) or ``skipped``; a ``failed`` line leaves it due, so the next run
tries again. Each line is flushed and fsynced before the next delivery starts. A crash after sending
but before the line is on disk means the next run sends the event again, with the same event id:
delivery is at-least-once, recording is exactly-once.

A damaged line — not UTF-8, not JSON, or JSON of another shape — is skipped and reported with its
file and line number; it can only cause a re-send, never a lost notice, and the lines around it
still count.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import NotifyError

__all__ = ["Ledger", "LedgerRecord", "LedgerLocked", "Outcome", "commit_ledger", "describe_records"]

Outcome = Literal["delivered", "failed", "refused", "skipped"]
_SETTLED = ("delivered", "refused", "skipped")
#: keys written only when set, so that ordinary lines stay short
_OPTIONAL = ("recipients", "trigger", "channel_config", "disabled")
#: each required key and the types its value may have
_SHAPE: dict[str, tuple[type, ...]] = {
    "event": (str,),
    "type": (str,),
    "statement": (str,),
    "version": (str,),
    "channel": (str,),
    "time": (str,),
    "outcome": (str,),
    "attempts": (int,),
    "detail": (str, type(None)),
    "error": (str, type(None)),
    "payload_sha256": (str, type(None)),
    "recipients": (dict, type(None)),
    "trigger": (str, type(None)),
    "channel_config": (str, type(None)),
    "disabled": (bool, type(None)),
}
_REQUIRED = ("event", "type", "statement", "version", "channel", "time", "outcome", "attempts")


class LedgerLocked(NotifyError):
    """Another run holds the ledger: not bad input, so the command exits with status 1."""


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
    #: e-mail: address → ``delivered``, ``temporary: <reply>`` or ``permanent: <reply>``
    recipients: Mapping[str, str] | None = field(default=None, compare=True)
    #: ``resend`` when a person asked for this attempt (``statement notify resend``)
    trigger: str | None = None
    #: fingerprint of the channel's settings at the time (never a secret)
    channel_config: str | None = None
    #: the receiver answered 410 Gone: the channel stays disabled until its settings change
    disabled: bool | None = None

    def to_json(self) -> str:
        """The record as one line of JSON (without the newline)."""
        data = asdict(self)
        for key in _OPTIONAL:
            if data[key] is None:
                del data[key]
        return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))

    @classmethod
    def from_dict(cls, data: object) -> LedgerRecord:
        """Read a record back; unknown keys (from newer versions) are ignored.

        Raises :class:`ValueError` naming the first key of the wrong shape.
        """
        if not isinstance(data, dict):
            raise ValueError(f"a JSON {type(data).__name__}, not an object")
        for key, types in _SHAPE.items():
            value = data.get(key)
            if key in data and (not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
                raise ValueError(f"'{key}' is a {type(value).__name__}")
        for key in _REQUIRED:
            if key not in data:
                raise ValueError(f"no '{key}'")
        recipients = data.get("recipients")
        if recipients is not None and not all(isinstance(k, str) and isinstance(v, str) for k, v in recipients.items()):
            raise ValueError("'recipients' is not a mapping of addresses to outcomes")
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    @property
    def settled(self) -> bool:
        """True when this line ends the duty to deliver: ``delivered``, ``refused`` or ``skipped``."""
        return self.outcome in _SETTLED


def now_utc() -> str:
    """The current time as recorded in the ledger: UTC, whole seconds, ``Z`` suffix."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Ledger:
    """Read and append the ledger file at ``path``.

    ``lock_dir`` is where the run lock lives (default: the repository's git folder when ``path`` is
    in a git repository, else the ledger's own folder).
    """

    def __init__(self, path: str | Path, *, lock_dir: str | Path | None = None):
        self.path = Path(path)
        self.lock_dir = Path(lock_dir) if lock_dir is not None else None
        #: problems met while reading, e.g. a line torn by a crash or a merge conflict marker
        self.warnings: list[str] = []

    def records(self) -> list[LedgerRecord]:
        """Every readable record, oldest first. Damaged lines are reported in :attr:`warnings`."""
        self.warnings = []
        if not self.path.exists():
            return []
        return parse_records(self.path.read_bytes(), str(self.path), self.warnings)

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

    def lock_path(self) -> Path:
        """The run lock's file: in the git folder (never in the working tree), else beside the ledger.

        Not in the temporary folder: two runs with different ``TMPDIR`` must still exclude each other.
        """
        resolved = self.path.resolve()
        key = hashlib.sha256(str(resolved).encode()).hexdigest()[:16]
        folder = self.lock_dir or _git_dir(resolved.parent)
        if folder is not None:
            return folder / "statements-notify" / f"ledger-{key}.lock"
        return resolved.parent / f".{resolved.name}.lock"

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold an exclusive lock for a run, so two runs on one checkout cannot both deliver.

        Raises :class:`LedgerLocked` naming the run that holds it.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        lock_path = self.lock_path()
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        with lock_path.open("a+") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "a run that has not said who it is"
                raise LedgerLocked(
                    f"another notification run holds the ledger: {holder}",
                    path=self.path,
                    fix="wait for it to finish (in CI, give notify jobs one concurrency group)",
                ) from None
            try:
                handle.seek(0)
                handle.truncate()
                started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
                handle.write(f"pid {os.getpid()} on {socket.gethostname()}, since {started}\n")
                handle.flush()
                yield
            finally:
                handle.seek(0)
                handle.truncate()
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def parse_records(data: bytes, name: str, warnings: list[str]) -> list[LedgerRecord]:
    """The records in ``data`` (the ledger's bytes); each damaged line adds ``name:line: …`` to ``warnings``."""
    result = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            # Ignoring the line can only cause a re-send, never a lost notice.
            warnings.append(f"{name}:{number}: not UTF-8 (byte {exc.start + 1}), ignored")
            continue
        try:
            result.append(LedgerRecord.from_dict(json.loads(line)))
        except ValueError as exc:
            reason = "not JSON" if isinstance(exc, json.JSONDecodeError) else str(exc)
            warnings.append(f"{name}:{number}: not a ledger record ({reason}), ignored")
    return result


def _git_dir(folder: Path) -> Path | None:
    """The git folder shared by every worktree of the repository holding ``folder``, or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            break
    else:
        return None
    completed = subprocess.run(
        ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
        cwd=candidate, capture_output=True, text=True,
    )
    if completed.returncode != 0 or not completed.stdout.strip():
        return None
    return Path(completed.stdout.strip())


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


def describe_records(records: list[LedgerRecord]) -> str:
    """A commit message for ``records``: a subject counting outcomes, then one line per record."""
    counts: dict[str, int] = {}
    for record in records:
        counts[record.outcome] = counts.get(record.outcome, 0) + 1
    tally = ", ".join(f"{count} {outcome}" for outcome, count in counts.items()) or "no new lines"
    noun = "line" if len(records) == 1 else "lines"
    subject = f"Notification ledger: {len(records)} {noun} ({tally})"
    body = []
    for record in records:
        kind = record.type.rsplit(".", 1)[-1]
        trigger = f" [{record.trigger}]" if record.trigger else ""
        why = f": {record.error}" if record.error else f": {record.detail}" if record.detail else ""
        body.append(f"- {record.outcome} {record.statement} {record.version} {kind} → {record.channel}{trigger}{why} ({record.event}, {record.time})")
    return subject + ("\n\n" + "\n".join(body) if body else "") + "\n"


def commit_ledger(root: str | Path, ledger: str | Path, message: str | None = None) -> str | None:
    """``git add`` and ``git commit`` the ledger file alone; return the new commit's sha.

    Without ``message`` the commit message describes the lines being committed (those not yet in
    the last commit). Other staged or modified files are left as they are. Returns None when the
    ledger has no changes to commit. Raises :class:`NotifyError` when git refuses (the message says why).
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
    if message is None:
        message = describe_records(_added_records(root, target))
    # '--only' with a path commits that path alone, whatever else is staged.
    completed = subprocess.run(
        ["git", "commit", "--quiet", "--only", "-F", "-", "--", target],
        cwd=root, capture_output=True, text=True, input=message,
    )
    if completed.returncode != 0:
        lines = (completed.stderr or completed.stdout).strip().splitlines() or [f"status {completed.returncode}"]
        raise NotifyError(f"git commit failed: {lines[-1]}", path=target)
    return git("rev-parse", "HEAD").stdout.strip()


def _added_records(root: Path, target: str) -> list[LedgerRecord]:
    """The records the staged ledger adds to the last commit's."""
    diff = subprocess.run(
        ["git", "diff", "--cached", "--no-color", "--unified=0", "--", target], cwd=root, capture_output=True
    ).stdout
    added = b"\n".join(line[1:] for line in diff.split(b"\n") if line.startswith(b"+") and not line.startswith(b"+++"))
    return parse_records(added, target, [])


def fingerprint(settings: Mapping[str, Any]) -> str:
    """A short, stable digest of a channel's settings: changes when any setting changes."""
    text = json.dumps(settings, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
