"""Load a project: mkdocs.yml, the ``statements`` plugin's options, and every statement's history.

Shared by the MkDocs plugin and the commands that do not build (``log``, ``validate``, ``diff``,
``check``, ``notify``), so that all of them read the same configuration the same way.

Two loaders read mkdocs.yml. :func:`load_mkdocs_config` is MkDocs' own ``load_config``: the whole
file validated, which loads the theme and imports every plugin (and everything our plugin module
imports) — what ``build``, ``serve``, ``export`` and ``validate`` need. :func:`load_command_config`
reads the same file with MkDocs' own YAML loader (``!ENV``, ``!relative``, ``INHERIT``) and
validates only what a command that does not build uses: ``site_url``, ``docs_dir``,
``markdown_extensions`` (with MkDocs' own option classes) and the ``statements`` plugin's options
(with the plugin's own validation). Errors read the same from both.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import ConfigError
from .lazy import FUNCTION, TYPE_ARGUMENT, import_with_stand_ins
from .patterns import LazyPattern
from .history import HistoryOptions, display_path, read_statements
from .model import Statement
from .translations import SiteLanguages, StatementTranslations, read_translations, site_languages

__all__ = [
    "Project", "load_project", "load_mkdocs_config", "statements_options", "read_project_statements", "history_options",
    "option_error", "yaml_error", "read_project_translations", "CommandConfig", "load_command_config",
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
    #: each statement with its translations (one entry per statement, in the same order)
    translations: tuple[StatementTranslations, ...] = ()
    languages: SiteLanguages = SiteLanguages("en")

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


_CONFIG_MESSAGE = LazyPattern(r"Config value '(?P<key>[^']+)': (?:Plugin '[^']+' option '(?P<option>[^']+)': )?(?P<message>.*)")


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
        if not match:
            first = text.strip().splitlines()[0] if text.strip() else "invalid configuration"
            raise yaml_error(path) or ConfigError(first, path=path) from None
        raise option_error(path, match["option"] or match["key"], match["message"], plugin=bool(match["option"])) from None
    except exceptions.MkDocsException as exc:  # YAML errors and the like
        raise yaml_error(path) or ConfigError(str(exc).strip().splitlines()[0], path=path) from None
    finally:
        mkdocs_log.removeHandler(handler)


@dataclass(frozen=True)
class CommandConfig:
    """What a command that does not build reads from mkdocs.yml (see :func:`load_command_config`).

    The attributes have the names and values of MkDocs' config (``config.markdown_extensions`` …), so
    code that renders or links takes either.
    """

    #: the absolute path of mkdocs.yml, as MkDocs records it
    config_file_path: str
    site_url: str | None
    docs_dir: str
    #: extension names, MkDocs' built-ins (toc, tables, fenced_code) first, and their configurations
    markdown_extensions: list[str]
    mdx_configs: dict[str, Any]
    #: ``theme:`` as written (a mapping; empty when it is only a name)
    theme: Mapping[str, Any]
    #: the ``statements`` plugin's validated options (a StatementsConfig); None when it is not enabled
    statements: Any


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "invalid value"


#: Plugins' names for ours: as listed, and with the explicit no-namespace prefix MkDocs accepts.
_PLUGIN_NAMES = ("statements", "/statements")


def load_command_config(config_file: str | Path = "mkdocs.yml") -> CommandConfig:
    """Read mkdocs.yml for a command that does not build: MkDocs' YAML, its option classes, our options.

    MkDocs' ``load_config`` validates the whole file, which loads the theme and imports every plugin
    (search, Material's, and ours with everything it imports); ``diff``, ``log``, ``lint`` and
    ``notify`` need only the Markdown extensions and the plugin's options. The file is read exactly as
    MkDocs reads it (``!ENV``, ``!relative`` and ``INHERIT`` included), and those options are validated
    by the classes MkDocs validates them with, so both loaders give the same values and the same
    one-line errors. What is left out (theme, nav, other plugins, hooks) is ``build``'s and
    ``validate``'s to check.
    """
    _import_option_classes()
    from mkdocs import exceptions
    from mkdocs.config import base
    from mkdocs.config import config_options as c
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    path = Path(config_file)
    if not path.is_file():
        raise ConfigError("configuration file not found", path=path, fix="run in the folder with mkdocs.yml or pass --config-file")

    class Site(base.Config):
        # Declared as in mkdocs.config.defaults.MkDocsConfig (a test compares the two loaders).
        site_url = c.Optional(c.URL(is_dir=True))
        docs_dir = c.DocsDir(default="docs", exists=True)
        markdown_extensions = c.MarkdownExtensions(builtins=["toc", "tables", "fenced_code"], configkey="mdx_configs")
        mdx_configs = c.Private[dict]()

    config_file_path = os.path.abspath(path)
    site = Site(config_file_path=config_file_path)
    try:
        with open(config_file_path, "rb") as fd:  # a file, not text: INHERIT is resolved beside it
            raw = yaml_load(fd, get_yaml_loader(config=site))
        site.load_dict({key: raw[key] for key in ("site_url", "docs_dir", "markdown_extensions") if key in raw} if isinstance(raw, dict) else raw)
    except exceptions.MkDocsException as exc:  # not YAML, a missing INHERIT file, not a mapping
        raise yaml_error(path) or ConfigError(str(exc).strip().splitlines()[0], path=path) from None
    if isinstance(raw, dict):
        _import_extension_helpers(raw.get("markdown_extensions"))
    errors, warnings = site.validate()
    statements, plugin_errors = _statements_options(raw.get("plugins"), config_file_path, errors, warnings)
    config_log = logging.getLogger("mkdocs.config")
    for key, warning in warnings:
        config_log.warning(f"Config value '{key}': {warning}")
    if errors:  # in MkDocs' order: its own options come before plugins
        key, error = errors[0]
        raise option_error(path, key, _first_line(error)) from None
    if plugin_errors:
        key, error = plugin_errors[0]
        raise option_error(path, key, _first_line(error), plugin=True) from None
    theme = raw.get("theme")
    return CommandConfig(
        config_file_path=config_file_path, site_url=site.site_url, docs_dir=site.docs_dir,
        markdown_extensions=list(site.markdown_extensions), mdx_configs=dict(site.mdx_configs),
        theme=dict(theme) if isinstance(theme, dict) else {}, statements=statements,
    )


#: What ``mkdocs.config.config_options`` imports for its ``Theme`` option alone (through
#: ``mkdocs.theme``): Jinja2, MkDocs' localization (Jinja2's i18n extension, Babel) and its template
#: filters (MarkupSafe); and for its ``PathSpec`` option alone (``exclude_docs``, ``not_in_nav``,
#: ``watch``'s ignores): pathspec, which reads its ``GitIgnoreSpec`` only as the option's type
#: argument while it is imported.
_OPTION_CLASSES_STAND_INS: dict[str, dict[str, str]] = {  # a package before its modules
    "jinja2": {}, "mkdocs.localization": {}, "mkdocs.utils.templates": {},
    "pathspec": {}, "pathspec.gitignore": {"GitIgnoreSpec": TYPE_ARGUMENT},
}


#: What ``importlib.metadata`` (imported by Python-Markdown, which finds extensions by their entry
#: points, and by MkDocs) imports for reading a distribution's metadata file and its list of files
#: alone: its ``_adapters``, which import ``email.message`` and with it the e-mail package, ``socket``
#: and ``calendar``; and ``csv``. Finding entry points reads neither. And what ``importlib.resources``
#: (imported on the way, by ``importlib.abc``) imports for extracting a resource to a temporary file
#: alone: ``tempfile``, with ``random``.
_METADATA_STAND_INS: dict[str, dict[str, str]] = {"importlib.metadata._adapters": {}, "csv": {}, "tempfile": {}}


def _import_option_classes() -> None:
    """Import MkDocs' option classes without running what only its ``Theme`` and ``PathSpec`` options use.

    ``config_options`` imports ``mkdocs.theme``, which imports Jinja2, MkDocs' localization (and with
    it Babel) and template filters at the top and uses them only when a theme is loaded — which the
    light loader never does; and it imports pathspec (with its backends and ``typing_extensions``),
    which only validating ``exclude_docs`` and the like uses. They stand in for themselves during that
    import (:func:`generator.lazy.import_with_stand_ins`), so they are imported on first use in the
    process, if any (a later ``load_config``, ``notify``'s e-mail templates), instead of costing every
    ``diff`` and ``log`` their import. Nothing of MkDocs runs differently: were ``mkdocs.theme`` to use
    them when imported, they would simply be imported then. The one difference is a declaration: the
    ``PathSpec`` option's type argument is the forward reference ``"pathspec.gitignore.GitIgnoreSpec"``
    rather than the class (nothing reads it at run time; a type checker resolves either the same way).
    ``importlib.metadata``, which Python-Markdown and MkDocs import for entry points, is imported
    first without the module it reads metadata files with (:data:`_METADATA_STAND_INS`).
    """
    import_with_stand_ins("importlib.metadata", _METADATA_STAND_INS)
    import_with_stand_ins("mkdocs.config.config_options", _OPTION_CLASSES_STAND_INS)


#: What ``pymdownx.util``, which every pymdown extension imports, takes from ``urllib.request`` at the
#: top: two path helpers that only its path-handling functions call (``pymdownx.b64``,
#: ``pymdownx.pathconverter``). ``urllib.request`` imports ``http.client``, ``ssl`` and ``email``'s
#: parser (9 M instructions of a ``diff`` that renders with a pymdown extension).
_PYMDOWNX_STAND_INS = {"urllib.request": {"pathname2url": FUNCTION, "url2pathname": FUNCTION}}


def _import_extension_helpers(extensions: Any) -> None:
    """Import ``pymdownx.util`` without ``urllib.request`` when mkdocs.yml names a pymdown extension.

    Its two helpers stand in as functions that import ``urllib.request`` on their first call
    (:func:`generator.lazy.import_with_stand_ins`); the extensions themselves are then imported,
    validated and run exactly as before. Without pymdown-extensions installed nothing is imported here
    and the validation reports the extension as MkDocs does.
    """
    items = extensions.keys() if isinstance(extensions, dict) else extensions if isinstance(extensions, list) else ()
    names = [name for item in items for name in (item.keys() if isinstance(item, dict) else [item]) if isinstance(name, str)]
    if not any(name.startswith("pymdownx.") for name in names):
        return
    try:
        import_with_stand_ins("pymdownx.util", _PYMDOWNX_STAND_INS)
    except ImportError:
        pass  # not installed: the validation below says which extension failed to load


def _statements_options(plugins: Any, config_file_path: str, errors: list, warnings: list) -> tuple[Any, list]:
    """The ``statements`` entry of ``plugins:`` validated as MkDocs' ``Plugins`` option validates it.

    Returns ``(options or None, errors of the plugin's options)``; errors of ``plugins:`` itself and
    warnings are appended to ``errors`` and ``warnings``.
    """
    from mkdocs.config import base
    from mkdocs.config import config_options as c

    from .config import load_options

    if plugins is None:
        plugins = ["search"]  # MkDocs' default
    if not isinstance(plugins, (list, tuple, dict)):
        errors.append(("plugins", base.ValidationError("Invalid Plugins configuration. Expected a list or dict.")))
        return None, []
    try:
        found = [options for name, options in c.Plugins._parse_configs(plugins) if name in _PLUGIN_NAMES]
    except base.ValidationError as exc:
        errors.append(("plugins", exc))
        return None, []
    if not found:
        return None, []
    options = found[0] or {}  # MkDocs keeps the first instance; no options is None
    if not isinstance(options, dict):
        errors.append(("plugins", base.ValidationError("Invalid config options for the 'statements' plugin.")))
        return None, []
    enabled = options.pop("enabled", True)  # MkDocs' generic option: StatementsConfig has none of its own
    if not isinstance(enabled, bool):
        return None, [("enabled", f"Expected boolean but received: {type(enabled)}")]
    if not enabled:
        return None, []
    statements, plugin_errors, plugin_warnings = load_options(options, config_file_path)
    warnings.extend(("plugins", f"Plugin 'statements' option '{key}': {text}") for key, text in plugin_warnings)
    return statements, plugin_errors


# The patterns that read MkDocs' error messages are compiled when there is an error to read.
_SUB_OPTION = LazyPattern(r"^Sub-option '(?P<key>[^']+)': ")
_EXPECTED = LazyPattern(r"Expected type: <class '(?P<want>\w+)'> but received: <class '(?P<got>\w+)'>")
_ITEM = LazyPattern(r"^(?P<key>\w+)\[\d+\][^:]*: (?P<sub>\w+): ")
_TYPE_WORDS = {
    "int": "a whole number", "float": "a number", "bool": "true or false", "str": "text", "list": "a list",
    "dict": "a mapping of options", "NoneType": "empty",
}


def option_error(path: Path, key: str, message: str, *, plugin: bool = False) -> ConfigError:
    """One line ``file:line: option: problem; fix`` for an option MkDocs rejected, in this project's words.

    MkDocs says "Sub-option 'channels': …" and "Expected type: <class 'int'> but received: <class
    'str'>"; every option of mkdocs.yml, the plugin's and its sub-configurations' (material,
    notify) alike, is reported here as the dotted option, its line and what to write instead.
    """
    keys = [key]
    while found := _SUB_OPTION.match(message):
        keys.append(found["key"])
        message = message[found.end():]
    lines = _read_lines(path)
    item = _ITEM.match(message)
    if item and item["key"] == keys[-1]:
        # The message names the list item itself ("channels[0] (webhook 'ops'): timeout: …") and
        # carries its own fix: prefix the options above it, point at the item's key.
        line = _nested_line(lines, [*keys, item["sub"]])
        return _config_error(path, line, ".".join([*keys[:-1], message]))
    line = _nested_line(lines, keys)
    value = _value_at(lines, line)
    label = ".".join(keys)
    expected = _EXPECTED.search(message)
    if expected:
        want = _TYPE_WORDS.get(expected["want"], expected["want"])
        shown = f"{value} is not {want}" if value else f"must be {want}, not {_TYPE_WORDS.get(expected['got'], expected['got'])}"
        return ConfigError(f"{label}: {shown}", path=path, line=line, fix=f"write {want} (see the README's configuration reference)")
    if "Expected a key-value mapping" in message:
        return ConfigError(
            f"{label}: must be a mapping of options", path=path, line=line,
            fix="write its options indented below it, one 'key: value' per line",
        )
    if message.startswith("Unrecognised configuration name"):
        owner = " of the statements plugin" if plugin and len(keys) == 1 else ""
        return ConfigError(
            f"unknown option '{label}'{owner}", path=path, line=line,
            fix="remove it or correct its spelling (see the README's configuration reference)",
        )
    if message.startswith("Required configuration not provided"):
        return ConfigError(f"{label}: missing", path=path, line=line, fix=f"add '{keys[-1]}:' to mkdocs.yml")
    return _config_error(path, line, f"{label}: {message}")


def _config_error(path: Path, line: int | None, text: str) -> ConfigError:
    problem, _, fix = text.rstrip(".").partition("; ")
    return ConfigError(problem, path=path, line=line, fix=fix or "see the README's configuration reference")


def yaml_error(path: Path) -> ConfigError | None:
    """mkdocs.yml that is not YAML: one line with the line to look at (MkDocs gives several, with an absolute path)."""
    import yaml

    try:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # nodes only: custom tags need no constructor
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context", None) or ""
        if getattr(exc, "context_mark", None) is not None and (mark is None or context.startswith(("while scanning", "while parsing a flow"))):
            mark = exc.context_mark  # a key without ':', an unclosed quote or bracket: where it starts
        problem = getattr(exc, "problem", None) or "malformed YAML"
        return ConfigError(
            f"not valid YAML ({problem})", path=path, line=mark.line + 1 if mark is not None else None,
            fix="check the indentation (spaces, two per level) and quote values that contain ':' or '#'",
        )
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _nested_line(lines: list[str], keys: list[str]) -> int | None:
    """The line of the last of ``keys``, each searched below the one before it."""
    found, start = None, 0
    for key in keys:
        pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
        for number in range(start, len(lines)):
            if pattern.match(lines[number]):
                found, start = number + 1, number + 1
                break
    return found


def _value_at(lines: list[str], line: int | None) -> str | None:
    """The scalar written after ``key:`` on ``line``, as the user wrote it; None for a block."""
    if not line:
        return None
    value = lines[line - 1].partition(":")[2].split(" #", 1)[0].strip()
    if not value or value[0] in "[{|>&*!":
        return None
    return value if value[0] in "'\"" else repr(value)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def statements_options(config: Any) -> Any:
    """The ``statements`` plugin's options from a loaded MkDocs config or :class:`CommandConfig`."""
    if isinstance(config, CommandConfig):
        plugin: Any = config if config.statements is not None else None
    else:
        plugin = config.plugins.get("statements")
    if plugin is None:
        raise ConfigError(
            "the statements plugin is not enabled", path=config.config_file_path,
            fix="add '- statements' under 'plugins:' in mkdocs.yml",
        )
    return plugin.statements if isinstance(plugin, CommandConfig) else plugin.config


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


def read_project_translations(
    root: Path, config: Any, options: Any, statements: tuple[Statement, ...], *, committed_only: bool | None = None,
    warn: Callable[[str], None] | None = None, ref: str = "HEAD",
) -> tuple[StatementTranslations, ...]:
    """Every statement's translations (``privacy.de.md``), read with the same history options as the statements."""
    folder = root / options.statements_dir
    only_committed = options.committed_only if committed_only is None else committed_only
    history = history_options(root, options, include_working_tree=not only_committed, ref=ref)
    return read_translations(
        Path(display_path(folder)), statements, site_languages(config, options), options=history, warn=warn or log.warning,
    )


def load_project(
    config_file: str | Path = "mkdocs.yml", *, as_of: dt.date | None = None, committed_only: bool = False,
    warn: Callable[[str], None] | None = None, light: bool = False,
) -> Project:
    """Load mkdocs.yml and every statement's history.

    ``light``: read mkdocs.yml with :func:`load_command_config` (for commands that do not build;
    ``project.config`` is then a :class:`CommandConfig`), else with MkDocs' ``load_config``.
    """
    config = load_command_config(config_file) if light else load_mkdocs_config(config_file)
    options = statements_options(config)
    root = Path(config.config_file_path).resolve().parent
    as_of = as_of or options.as_of or dt.date.today()
    statements = read_project_statements(root, options, committed_only=committed_only or None, warn=warn)
    languages = site_languages(config, options)
    translations = read_project_translations(
        root, config, options, statements, committed_only=committed_only or None, warn=warn,
    )
    return Project(
        root=root, config_file=Path(config_file), config=config, options=options, statements=statements, as_of=as_of,
        translations=translations, languages=languages,
    )

