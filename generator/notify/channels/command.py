"""Command channel: run a program with the event JSON on standard input.

The program runs in the mkdocs.yml folder with a small environment: ``PATH``, ``HOME`` and
``LANG`` from the caller, the variables the channel lists in ``env``, and ``STATEMENT_EVENT_ID`` and
``STATEMENT_EVENT_TYPE`` — never the rest of the caller's environment (in CI that holds tokens).
Exit status 0 is a delivery; any other status, a program that cannot start, or one still running
after ``timeout`` seconds is a failure. A timed out program is stopped together with everything it
started. The last line of its standard error is recorded, with secret-looking values replaced.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ...errors import NotifyError
from ..config import CommandChannelConfig
from ..events import Event
from .base import Channel, Delivered

#: passed to every program: enough to find programs and to read and write text
_BASE_ENVIRONMENT = ("PATH", "HOME", "LANG")

__all__ = ["CommandChannel"]


class CommandChannel(Channel):
    """Runs the configured program once per event; see the module docstring."""

    type = "command"
    config: CommandChannelConfig

    def environment(self, event: Event) -> dict[str, str]:
        """The program's environment: PATH, HOME, LANG, the listed ``env`` variables, and the event's id and type."""
        source = self.context.environ
        names = (*_BASE_ENVIRONMENT, *self.config.env)
        environ = {name: source[name] for name in names if name in source}
        return {**environ, "STATEMENT_EVENT_ID": event.id, "STATEMENT_EVENT_TYPE": event.type}

    def program(self) -> str | None:
        """Where the program is: found on the PATH it will get, or relative to the mkdocs.yml folder."""
        program = self.config.run[0]
        if os.sep in program or (os.altsep and os.altsep in program):
            path = Path(program) if Path(program).is_absolute() else self.context.root / program
            return str(path) if path.is_file() and os.access(path, os.X_OK) else None
        return shutil.which(program, path=self.context.environ.get("PATH", os.defpath))

    def check_environment(self) -> None:
        if self.program() is None:
            raise NotifyError(
                f"channel '{self.name}': run: the program {self.config.run[0]!r} is not found or not executable",
                fix="install it, or give its path relative to mkdocs.yml",
            )
        for name in self.config.env:
            if name not in self.context.environ:
                raise NotifyError(
                    f"channel '{self.name}': env: the environment variable {name} is not set",
                    fix="set it, or remove it from the channel's 'env' list",
                )

    def send(self, event: Event, prior: Mapping[str, str] | None = None) -> Delivered:
        argv = self.config.run
        environ = self.environment(event)
        timeout = self.context.limit(self.config.timeout)
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
            _stdout, stderr = process.communicate(event.body.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            return Delivered(False, 1, error=f"{argv[0]} still running after {timeout:g} s, stopped")
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
