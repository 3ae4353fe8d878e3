"""Publish statements kept as Markdown in git as a versioned MkDocs site.

The public API is what this module exports; the pipeline runs
history → render → diff → material → pages → adapter (MkDocs plugin or export).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import ConfigError, InputError, NotifyError, ShallowCloneError, StatementError
    from .history import HistoryOptions, read_statement, read_statements
    from .model import FrontMatter, Revision, Statement, Version, parse_document

# Exports are imported on first use: ``statement --help`` and the MkDocs plugin's entry point
# import this package, and neither needs pydantic or YAML to get going.
_EXPORTS = {
    "ConfigError": "errors", "InputError": "errors", "NotifyError": "errors",
    "ShallowCloneError": "errors", "StatementError": "errors",
    "HistoryOptions": "history", "read_statement": "history", "read_statements": "history",
    "FrontMatter": "model", "Revision": "model", "Statement": "model", "Version": "model",
    "parse_document": "model",
}

__all__ = [
    "ConfigError",
    "FrontMatter",
    "HistoryOptions",
    "InputError",
    "NotifyError",
    "Revision",
    "ShallowCloneError",
    "Statement",
    "StatementError",
    "Version",
    "parse_document",
    "read_statement",
    "read_statements",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
