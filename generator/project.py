"""Load a project: mkdocs.yml, the ``statements`` plugin's options, and every statement's history.

Shared by the MkDocs plugin and the commands that do not build (``log``, ``validate``, ``diff``,
``check``, ``notify``), so that all of them read the same configuration the same way.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import ConfigError
from .history import HistoryOptions, display_path, read_statements
from .model import Statement

__all__ = [
    "Project", "load_project", "load_mkdocs_config", "statements_options", "read_project_statements", "history_options",
]

log = logging.getLogger("mkdocs.plugins.statements")


@dataclass(frozen=True)
class Project:
    """A loaded project."""

    root: Path
    config_file: Path
    config: Any  # MkDocsConfig
    options: Any  # StatementsConfig
    statements: tuple[Statement, ...]
    as_of: dt.date

    @property
    def site_url(self) -> str:
        """The site's base URL with a trailing slash, or "" when ``site_url`` is not set."""
        url = self.config.site_url or ""
        return url if not url or url.endswith("/") else url + "/"

    def statement(self, statement_id: str | None) -> Statement:
        """One statement by id; with None, the only one (or ``privacy`` when there are several)."""
        if statement_id is None:
            if len(self.statements) == 1:
                return self.statements[0]
            for statement in self.statements:
                if statement.id == "privacy":
                    return statement
            raise ConfigError(
                "several statements: " + ", ".join(s.id for s in self.statements),
                fix="name one, e.g. 'statement log privacy'",
            )
        for statement in self.statements:
            if statement.id == statement_id:
                return statement
        raise ConfigError(
            f"no statement '{statement_id}'",
            fix="choose one of: " + ", ".join(s.id for s in self.statements),
        )


def _key_line(config_file: Path, key: str) -> int | None:
    """Best effort: the line of ``key:`` in mkdocs.yml, for error messages."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return None


_CONFIG_MESSAGE = re.compile(r"Config value '(?P<key>[^']+)': (?:Plugin '[^']+' option '(?P<option>[^']+)': )?(?P<message>.*)")


def load_mkdocs_config(config_file: str | Path = "mkdocs.yml", **overrides: Any):
    """Load and validate mkdocs.yml; problems become one-line :class:`ConfigError` messages."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    path = Path(config_file)
    if not path.is_file():
        raise ConfigError("configuration file not found", path=path, fix="run in the folder with mkdocs.yml or pass --config-file")
    handler = _Capture()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        return load_config(config_file=str(path), **overrides)
    except (exceptions.ConfigurationError, exceptions.Abort) as exc:
        errors = [r for r in handler.records if r.levelno >= logging.ERROR]
        text = errors[0].getMessage() if errors else str(exc)
        match = _CONFIG_MESSAGE.search(text)
        key = match["option"] or match["key"] if match else None
        message = match["message"] if match else text
        line = _key_line(path, key) if key else None
        if match and match["option"] and message.startswith("Unrecognised configuration name"):
            raise ConfigError(
                f"unknown option '{key}' of the statements plugin", path=path, line=line,
                fix="remove it or correct its spelling (see the README's configuration reference)",
            ) from None
        label = f"{key}: " if key else ""
        raise ConfigError(f"{label}{message}", path=path, line=line) from None
    except exceptions.MkDocsException as exc:  # YAML errors and the like
        raise ConfigError(str(exc).splitlines()[0], path=path) from None
    finally:
        mkdocs_log.removeHandler(handler)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def statements_options(config: Any) -> Any:
    """The ``statements`` plugin's options from a loaded MkDocs config."""
    plugin = config.plugins.get("statements")
    if plugin is None:
        raise ConfigError(
            "the statements plugin is not enabled", path=config.config_file_path,
            fix="add '- statements' under 'plugins:' in mkdocs.yml",
        )
    return plugin.config


def history_options(root: Path, options: Any, *, include_working_tree: bool, ref: str = "HEAD") -> HistoryOptions:
    """How to read history with the plugin's options; ``earlier_paths`` are relative to mkdocs.yml's folder."""
    earlier = {key: tuple(str(root / path) for path in paths) for key, paths in (options.earlier_paths or {}).items()}
    folder = root / options.statements_dir
    for key in earlier:
        if not (folder / f"{key}.md").is_file() and include_working_tree:
            config_file = root / "mkdocs.yml"
            raise ConfigError(
                f"earlier_paths: no statement '{key}' in {display_path(folder)}", path=display_path(config_file),
                line=_key_line(config_file, key), fix="use the id of a statement file (its name without .md)",
            )
    return HistoryOptions(
        include_working_tree=include_working_tree, effective_pattern=options.effective_pattern, ref=ref,
        earlier_paths=earlier,
    )


def read_project_statements(
    root: Path, options: Any, *, committed_only: bool | None = None, warn: Callable[[str], None] | None = None,
    ref: str = "HEAD",
) -> tuple[Statement, ...]:
    """Read every statement of the project with the plugin's history options."""
    folder = root / options.statements_dir
    only_committed = options.committed_only if committed_only is None else committed_only
    history = history_options(root, options, include_working_tree=not only_committed, ref=ref)
    return read_statements(Path(display_path(folder)), options=history, warn=warn or log.warning)


def load_project(
    config_file: str | Path = "mkdocs.yml", *, as_of: dt.date | None = None, committed_only: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Project:
    """Load mkdocs.yml and every statement's history."""
    config = load_mkdocs_config(config_file)
    options = statements_options(config)
    root = Path(config.config_file_path).resolve().parent
    as_of = as_of or options.as_of or dt.date.today()
    statements = read_project_statements(root, options, committed_only=committed_only or None, warn=warn)
    return Project(root=root, config_file=Path(config_file), config=config, options=options, statements=statements, as_of=as_of)

