"""Publish statements kept as Markdown in git as a versioned MkDocs site.

The public API is what this module exports; the pipeline runs
history → render → diff → material → pages → adapter (MkDocs plugin or export).
"""

from .errors import ConfigError, InputError, NotifyError, ShallowCloneError, StatementError
from .history import HistoryOptions, read_statement, read_statements
from .model import FrontMatter, Revision, Statement, Version, parse_document

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
