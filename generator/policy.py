"""The gate's policy, read from a revision's ``mkdocs.yml`` as data — never by running it.

``statement check`` judges a pull request by the policy of its *base*: the ``statements`` plugin's
options that decide a verdict or the gate (``notice_days``, the material-change rules, where the
statements are and how their dates are read, ``policy_changes``) and the Markdown extensions that
render a statement for the diff. The pull request's own ``mkdocs.yml`` is only compared with it:
a difference is a *policy change*, reported for a person to approve.

Loading ``mkdocs.yml`` through MkDocs would run what it names — hook scripts, plugins, and YAML's
``!!python/object`` tags — so neither revision's file goes through MkDocs here. The text is parsed
with a safe YAML loader: tags (``!ENV``, ``!relative``, ``!!python/name:…``) become inert
:class:`Tagged` values. Only the base's tags are resolved, because the base is the reviewed
revision: ``!ENV`` reads the environment and ``!!python/name:`` imports from installed packages
(never from the repository, whose files the pull request may have changed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from .errors import ConfigError

__all__ = [
    "Policy", "PolicyChange", "Tagged", "POLICY_OPTIONS", "POLICY_CHANGE_MODES", "BUILTIN_EXTENSIONS",
    "parse_config", "read_policy", "default_policy", "policy_changes", "installed_packages_only",
]

#: Options of the ``statements`` plugin that decide a verdict or the gate. The others (``home``,
#: ``nav``, ``banner_days``, ``feed_entries``, ``notify``, ``committed_only``) shape the site only.
POLICY_OPTIONS = (
    "statements_dir", "effective_pattern", "as_of", "notice_days", "material", "policy_changes", "lint", "translations",
)

#: What ``statement check`` does when a pull request changes the policy (``policy_changes`` option).
POLICY_CHANGE_MODES = ("fail", "report")

#: Extensions MkDocs always enables before the ones mkdocs.yml lists.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag (``!ENV NAME``, ``!!python/name:module.attr``), kept as inert data."""

    tag: str
    value: Any

    def __str__(self) -> str:
        return f"{self.tag} {self.value}" if self.value not in ("", None) else self.tag


@dataclass(frozen=True)
class Policy:
    """The policy of one revision: validated plugin options and the Markdown extensions."""

    #: where it was read from, for the report: "mkdocs.yml at 1a2b3c4" or "the plugin's defaults"
    source: str
    #: the ``statements`` plugin's options (a validated StatementsConfig; ``notify`` left out)
    options: Any
    #: Markdown extensions as MkDocs passes them (built-ins first) and their configurations
    extensions: tuple[str, ...]
    extension_configs: dict[str, Any]
    #: the compared values, by name (``notice_days``, ``material.risk_terms``, ``markdown_extensions``)
    values: dict[str, Any]
    #: mkdocs.yml's text (for line numbers), "" when there is none
    text: str = ""

    @property
    def mode(self) -> str:
        """``fail`` (a policy change fails the check) or ``report`` (it is shown, and the check may pass)."""
        return str(self.options.policy_changes)


@dataclass(frozen=True)
class PolicyChange:
    """One policy value that differs between the base and the head."""

    key: str
    old: Any
    new: Any
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {"key": self.key, "old": _plain(self.old), "new": _plain(self.new), "line": self.line}

    def describe(self) -> str:
        """``notice_days: 30 → 5`` in words a reviewer reads."""
        return f"{self.key}: {_show(self.old)} → {_show(self.new)}"


# --- YAML as data ------------------------------------------------------------------------------


class _DataLoader(yaml.SafeLoader):
    """Safe YAML; every tag becomes a :class:`Tagged` value."""


class _BaseLoader(yaml.SafeLoader):
    """Safe YAML for the base revision: ``!ENV`` and ``!!python/name:`` resolved, nothing else run."""


def _inert(loader: yaml.SafeLoader, suffix: str, node: yaml.Node, *, prefix: str) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = tuple(loader.construct_sequence(node, deep=True))
    else:
        value = tuple(sorted(loader.construct_mapping(node, deep=True).items(), key=lambda kv: str(kv[0])))
    return Tagged(prefix + suffix, value)


def _inert_local(loader, suffix, node):
    return _inert(loader, suffix, node, prefix="!")


def _inert_python(loader, suffix, node):
    return _inert(loader, suffix, node, prefix="!!python/")


_DataLoader.add_multi_constructor("!", _inert_local)
_DataLoader.add_multi_constructor("tag:yaml.org,2002:python/", _inert_python)


def _base_env(loader, node):
    import yaml_env_tag  # MkDocs' own !ENV implementation: reads environment variables, nothing else

    return yaml_env_tag.construct_env_tag(loader, node)


def _base_python_name(loader, suffix, node):
    module_name, _, attribute = str(suffix).rpartition(".")
    with installed_packages_only():
        try:
            return getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError, ValueError) as exc:
            raise yaml.YAMLError(f"!!python/name:{suffix} cannot be imported from the installed packages ({exc})") from None


def _base_other_python(loader, suffix, node):
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag !!python/{suffix} is not allowed in a policy (it would run code)", node.start_mark,
    )


_BaseLoader.add_constructor("!ENV", _base_env)
_BaseLoader.add_multi_constructor("!", _inert_local)  # !relative: a path placeholder, no use to the check
_BaseLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _base_python_name)
_BaseLoader.add_multi_constructor("tag:yaml.org,2002:python/", _base_other_python)


def parse_config(text: str, *, path: str, trusted: bool = False) -> dict[str, Any]:
    """mkdocs.yml's text as plain data (``trusted``: the base revision, whose tags are resolved)."""
    try:
        data = yaml.load(text, Loader=_BaseLoader if trusted else _DataLoader)  # noqa: S506 - safe loaders
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"cannot read the YAML: {problem}", path=path, line=mark.line + 1 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("is not a mapping of settings", path=path, line=1, fix="start it with 'site_name: …'")
    return data


def _interpreter_dirs() -> tuple[Path, ...]:
    """Where the running interpreter's standard library and installed packages are."""
    import site
    import sysconfig

    found = {sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    found.update(getattr(site, "getsitepackages", list)())
    return tuple(Path(path).resolve() for path in found)


@functools.lru_cache(maxsize=64)
def _tracked_under(root: Path, folder: Path) -> bool:
    """True when git tracks a file under ``folder`` in the repository at ``root`` (or cannot say):
    a pull request could have put code there."""
    result = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", str(folder.relative_to(root))],
                            capture_output=True, check=False)
    return result.returncode != 0 or bool(result.stdout)


@contextlib.contextmanager
def installed_packages_only(*folders: Path) -> Iterator[None]:
    """Import nothing from the current folder or ``folders`` (the repository) while inside.

    The interpreter's own installed packages stay importable when its virtual environment lies in
    the repository's folder (``python -m venv .venv`` there), as long as git tracks no file in them:
    those are what pip installed, not what the pull request brought."""
    saved = list(sys.path)
    here = Path.cwd().resolve()
    roots = [here, *(f.resolve() for f in folders)]
    own = _interpreter_dirs()

    def inside(entry: str) -> bool:
        if entry in ("", "."):
            return True
        try:
            resolved = Path(entry).resolve()
        except OSError:
            return False
        for root in roots:
            if resolved == root or root in resolved.parents:
                installed = next((d for d in own if resolved == d or d in resolved.parents), None)
                return installed is None or root not in installed.parents or _tracked_under(root, installed)
        return False

    sys.path[:] = [entry for entry in saved if not inside(entry)]
    try:
        yield
    finally:
        sys.path[:] = saved


# --- reading a revision's policy -----------------------------------------------------------------


def _git_show(top: Path, commit: str, relpath: str) -> str | None:
    result = subprocess.run(
        ["git", "show", f"{commit}:{relpath}"], cwd=top, capture_output=True, check=False,
    )
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def _load(top: Path, commit: str | None, relpath: str, *, trusted: bool, depth: int = 0) -> tuple[dict[str, Any], str] | None:
    """mkdocs.yml at ``commit`` (None: the working tree) as data, with ``INHERIT`` merged in."""
    if commit is None:
        try:
            text = (top / relpath).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
    else:
        found = _git_show(top, commit, relpath)
        if found is None:
            return None
        text = found
    data = parse_config(text, path=relpath, trusted=trusted)
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and depth < 5:
        parent_path = os.path.normpath(os.path.join(os.path.dirname(relpath), parent))
        loaded = _load(top, commit, parent_path, trusted=trusted, depth=depth + 1)
        if loaded is None:
            raise ConfigError(f"INHERIT: '{parent}' does not exist", path=relpath, line=_key_line(text, "INHERIT"))
        data = _merge(loaded[0], data)
    return data, text


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' ``INHERIT``: mappings merge key by key, everything else is replaced."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _plugin_options(data: dict[str, Any]) -> dict[str, Any] | None:
    """The ``statements`` plugin's options, ``{}`` when it has none, None when it is not enabled."""
    plugins = data.get("plugins")
    if isinstance(plugins, dict):
        items = list(plugins.items())
    elif isinstance(plugins, list):
        items = []
        for item in plugins:
            if isinstance(item, str):
                items.append((item, {}))
            elif isinstance(item, dict):
                items.extend(item.items())
    else:
        return None
    for name, options in items:
        if name == "statements":
            return dict(options) if isinstance(options, dict) else {}
    return None


def _extensions(value: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    """MkDocs' reading of ``markdown_extensions`` (a list of names or one-key mappings, or a mapping)."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    items = value.items() if isinstance(value, dict) else (
        (next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)) for item in (value or [])
    )
    for name, config in items:
        names.append(str(name))
        if isinstance(config, dict) and config:
            configs[str(name)] = config
    ordered: list[str] = []
    for name in (*BUILTIN_EXTENSIONS, *names):
        if name not in ordered:
            ordered.append(name)
    return tuple(ordered), configs


def _validated(raw: dict[str, Any], *, path: str, text: str) -> Any:
    from mkdocs.config.base import ValidationError  # noqa: F401 - the schema raises it

    from .config import StatementsConfig

    config = StatementsConfig(config_file_path=path)
    config.load_dict({k: v for k, v in raw.items() if k != "notify"})  # channels are not policy
    failed, _warnings = config.validate()
    if failed:
        key, error = failed[0]
        raise ConfigError(f"{key}: {error}", path=path, line=_key_line(text, key.split(".")[0]))
    return config


def _values(options: Any, extensions: tuple[str, ...], configs: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in POLICY_OPTIONS:
        value = options[name]
        if name in ("material", "lint"):
            for key in sorted(value.keys()):
                values[f"material.{key}"] = _plain(value[key])
        else:
            values[name] = _plain(value)
    values["markdown_extensions"] = [
        {name: _plain(configs[name])} if name in configs else name for name in extensions
    ]
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict) or hasattr(value, "keys") and hasattr(value, "__getitem__"):
        return {str(k): _plain(value[k]) for k in value.keys()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Tagged):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    # A resolved !!python/name: its dotted name, so that the base and the head compare alike.
    module, name = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
    return f"!!python/name:{module}.{name}" if module and name else repr(value)


def _show(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) if not isinstance(v, dict) else str(v) for v in value) + "]"
    return str(value)


def _key_line(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def read_policy(top: Path, relpath: str, *, commit: str | None, trusted: bool, label: str) -> Policy | None:
    """The policy of mkdocs.yml at ``commit`` (None: the working tree), or None without the plugin.

    A revision without mkdocs.yml has the plugin's defaults, so that the pull request that adds the
    site is judged by them. ``trusted`` resolves the base's tags (and imports its extensions from the
    installed packages); the head's file is data only, and a tagged value in it is compared as written.
    """
    loaded = _load(top, commit, relpath, trusted=trusted)
    if loaded is None:
        return default_policy(f"the plugin's defaults ({relpath} does not exist at {label})")
    (data, text), source = loaded, f"{relpath} at {label}"
    raw = _plugin_options(data)
    if raw is None:
        return None
    # Values are compared as written (tags unresolved), the same way for the base and the head.
    written = _load(top, commit, relpath, trusted=False)[0] if trusted else data  # type: ignore[index]
    tagged = dict(_tagged(_plugin_options(written) or {}))
    if not trusted:
        raw = _without(raw, tagged)
    options = _validated(raw, path=relpath, text=text)
    extensions, configs = _extensions(data.get("markdown_extensions"))
    if trusted:
        _import_extensions(extensions, top=top, path=relpath, text=text)
    values = _values(options, *_extensions(written.get("markdown_extensions")))
    values.update(tagged)
    return Policy(source, options, extensions, configs, values, text)


def _tagged(raw: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(policy key, text)`` of each option written with a tag (``notice_days: !ENV …``)."""
    for key, value in raw.items():
        if isinstance(value, Tagged):
            yield key, str(value)
        elif key == "material" and isinstance(value, dict):
            yield from ((f"material.{k}", str(v)) for k, v in value.items() if isinstance(v, Tagged))


def _without(raw: dict[str, Any], tagged: dict[str, str]) -> dict[str, Any]:
    """The options without the tagged ones (the head's tags are never resolved, so not validated either)."""
    kept = {k: v for k, v in raw.items() if k not in tagged}
    if isinstance(kept.get("material"), dict):
        kept["material"] = {k: v for k, v in kept["material"].items() if f"material.{k}" not in tagged}
    return kept


def default_policy(source: str = "the plugin's defaults") -> Policy:
    """The policy of a revision that does not configure the plugin: its defaults, MkDocs' built-in extensions."""
    options = _validated({}, path="mkdocs.yml", text="")
    extensions, configs = _extensions(None)
    return Policy(source, options, extensions, configs, _values(options, extensions, configs), "")


def _import_extensions(extensions: tuple[str, ...], *, top: Path, path: str, text: str) -> None:
    """Import the base's Markdown extensions now, from installed packages only.

    Python-Markdown imports an extension by its dotted name when it first renders; importing each one
    here, outside the repository, means that a module of the same name added by the pull request is
    never the one that runs.
    """
    from importlib.metadata import entry_points

    registered = {entry.name for entry in entry_points(group="markdown.extensions")}
    with installed_packages_only(top):
        for name in extensions:
            if name in registered:
                continue  # an entry point of an installed package (Python-Markdown's own, pymdownx, …)
            module = name.split(":", 1)[0]
            try:
                importlib.import_module(module)
            except ImportError as exc:
                raise ConfigError(
                    f"markdown_extensions: '{name}' cannot be imported from the installed packages ({exc})",
                    path=path, line=_key_line(text, name) or _key_line(text, "markdown_extensions"),
                    fix="install the package that provides it (statement check never imports code from the repository)",
                ) from None


def policy_changes(base: Policy | None, head: Policy | None) -> tuple[PolicyChange, ...]:
    """Every policy value that differs between the base and the head, in a stable order."""
    if base is None and head is None:
        return ()
    if head is None:
        return (PolicyChange("plugins.statements", "enabled", "removed"),)
    if base is None:
        return (PolicyChange("plugins.statements", "not enabled", "enabled"),)
    changes = []
    for key in dict.fromkeys([*base.values, *head.values]):
        old, new = base.values.get(key), head.values.get(key)
        if old != new:
            line = _key_line(head.text, key.split(".")[-1]) if head.text else None
            changes.append(PolicyChange(key, old, new, line))
    return tuple(changes)
