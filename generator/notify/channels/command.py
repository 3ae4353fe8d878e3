"""Command channel: run a program with the event JSON on standard input.

The program runs in the mkdocs.yml folder with the caller's environment plus
``STATEMENT_EVENT_ID`` and ``STATEMENT_EVENT_TYPE``. Exit status 0 is a delivery; any other status,
a program that cannot start, or one still running after ``timeout`` seconds is a failure. A timed
out program is stopped together with everything it started.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from ..config import CommandChannelConfig
from ..events import Event
from .base import Channel, Delivered

__all__ = ["CommandChannel"]


class CommandChannel(Channel):
    """Runs the configured program once per event; see the module docstring."""

    type = "command"
    config: CommandChannelConfig

    def send(self, event: Event) -> Delivered:
        argv = self.config.run
        environ = {**self.context.environ, "STATEMENT_EVENT_ID": event.id, "STATEMENT_EVENT_TYPE": event.type}
        try:
            process = subprocess.Popen(
                argv,
                cwd=self.context.root,
                env=environ,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                # A session of its own, so a timeout can stop the program's children too.
                start_new_session=True,
            )
        except OSError as exc:
            return Delivered(False, 1, error=self.context.redact(f"cannot run {argv[0]}: {exc.strerror or exc}"))
        try:
            _stdout, stderr = process.communicate(event.body.encode("utf-8"), timeout=self.config.timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            return Delivered(False, 1, error=f"{argv[0]} still running after {self.config.timeout:g} s, stopped")
        if process.returncode != 0:
            return Delivered(False, 1, error=self.context.redact(f"{argv[0]} exited with status {process.returncode}{_last_line(stderr)}"))
        return Delivered(True, 1, detail="exit 0")

    def preview(self, event: Event, outbox: Path) -> Path:
        path = self._outbox_file(outbox, event, ".json")
        path.write_text(event.body + "\n", encoding="utf-8")
        return path


def _stop(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (AttributeError, ProcessLookupError, PermissionError):  # pragma: no cover - not POSIX, or gone
        process.kill()
    try:
        process.communicate(timeout=5)
    except subprocess.TimeoutExpired:  # pragma: no cover - a child that ignores SIGKILL's group
        pass


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return f": {lines[-1][:200]}" if lines else ""
