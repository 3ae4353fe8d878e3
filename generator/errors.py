"""The one small exception tree of the generator.

Every error a user can cause is a :class:`StatementError` and prints as one line::

    statements/privacy.md:4: effective: 'next week' is not a date; write it as YYYY-MM-DD

The hierarchy::

    StatementError (mkdocs PluginError: MkDocs prints it as one clean line too)
    ├── InputError          a statement file, its front-matter or its history is unusable
    │   └── ShallowCloneError   history is cut short; the message says how to fetch it
    ├── ConfigError         an option of the ``statements`` plugin is wrong
    └── NotifyError         a notification channel is misconfigured (not a failed delivery)

The command line turns each into ``error: <message>`` on stderr and exit status 2.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

__all__ = ["StatementError", "InputError", "ShallowCloneError", "ConfigError", "NotifyError", "where"]


def where(path: str | Path | None, line: int | None = None) -> str:
    """Format a location as ``path:line`` (either part may be missing)."""
    if path is None:
        return ""
    text = str(path)
    return f"{text}:{line}" if line else text


class StatementError(PluginError):
    """Base class: a problem the user can fix, reported as a single line."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None, fix: str | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.fix = fix
        self.detail = message
        text = message
        location = where(path, line)
        if location:
            text = f"{location}: {text}"
        if fix:
            text = f"{text}; {fix}"
        super().__init__(text)

    def __str__(self) -> str:  # PluginError/ClickException keep .message
        return self.message


class InputError(StatementError):
    """A statement file, its front-matter or its git history cannot be used."""


class ShallowCloneError(InputError):
    """The repository is a shallow clone, so the statement's history is incomplete."""


class ConfigError(StatementError):
    """An option of the ``statements`` plugin (in mkdocs.yml) is invalid."""


class NotifyError(StatementError):
    """A notification channel is misconfigured."""
