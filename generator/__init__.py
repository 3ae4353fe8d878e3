"""Publish statements kept as Markdown in git as a versioned MkDocs site.

The public API is what this module exports; the pipeline runs
history → render → diff → material → pages → adapter (MkDocs plugin or export).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
