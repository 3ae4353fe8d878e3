"""The page templates, compiled to Python ahead of time.

Jinja turns a template into Python source and compiles that on first use: for the page templates
(``templates/pages/``) that cost a cold build about as much as rendering all of them. The package
therefore carries their compiled form, one module per template in ``generator/compiled_pages/``,
which Python caches as bytecode like any other module (pip compiles it on install).

A compiled module is used only while it is what compiling the template now would give: its
``FINGERPRINT`` is a digest of the template's source, its name, Jinja's version and every
environment setting that shapes the generated code (delimiters, whitespace handling, autoescape,
finalize, extensions, new-style gettext). A template edited without compiling again is compiled
from its source as before, never served stale; ``tests/test_precompiled.py`` fails until the
modules are written again::

    python -m generator.precompiled     # rewrite generator/compiled_pages/ from templates/pages/

Each environment (one per language) executes a module's code in a namespace of its own, as Jinja
does for a template compiled from source: the code refers to its environment's filters and
globals through the module-level name ``environment``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any, Callable, MutableMapping

import jinja2

__all__ = ["PrecompiledLoader", "fingerprint", "write_modules"]

PACKAGE = "generator.compiled_pages"
FOLDER = Path(__file__).resolve().parent / "compiled_pages"
TEMPLATES = Path(__file__).resolve().parent / "templates" / "pages"

_HEADER = '''\
"""{name}, compiled by Jinja {version}. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "{fingerprint}"
JINJA = "{version}"

'''


def module_name(template: str) -> str:
    """The module that holds ``template`` compiled: ``changes.md`` → ``changes_md``."""
    return re.sub(r"\W", "_", template)


def environment_settings(env: jinja2.Environment) -> str:
    """Every setting of ``env`` that the generated code depends on, as text."""
    finalize = env.finalize
    return repr(
        (
            env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", repr(env.autoescape)),
            None if finalize is None else (getattr(finalize, "__module__", ""), getattr(finalize, "__qualname__", repr(finalize))),
            sorted(env.extensions), getattr(env, "newstyle_gettext", None), env.is_async,
        )
    )


def fingerprint(env: jinja2.Environment, name: str, source: str, version: str = jinja2.__version__) -> str:
    """The digest a compiled module of ``name`` must carry to be used by ``env`` under Jinja ``version``."""
    hasher = hashlib.sha256()
    for part in (version, environment_settings(env), name, source):
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


class PrecompiledLoader(jinja2.PackageLoader):
    """``PackageLoader("generator", "templates/pages")`` that takes a template's compiled module when it is current."""

    def __init__(self) -> None:
        super().__init__("generator", "templates/pages")
        self._fingerprints: dict[tuple[int, str], str] = {}

    def load(self, environment: jinja2.Environment, name: str, globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        # (as jinja2.BaseLoader.load, with the compiled module in place of compiling the source)
        if globals is None:
            globals = {}
        source, filename, uptodate = self.get_source(environment, name)
        code = _compiled(name)
        if code is not None:
            template = environment.template_class.from_code(environment, code, globals, uptodate)
            if template.root_render_func.__globals__.get("FINGERPRINT") == fingerprint(environment, name, source):  # type: ignore[attr-defined]
                return template
        code = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, globals, uptodate)


def _compiled(name: str) -> Any:
    """The code object of ``name``'s compiled module (from Python's bytecode cache), or None."""
    try:
        spec = importlib.util.find_spec(f"{PACKAGE}.{module_name(name)}")
    except ImportError:
        return None
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_code"):
        return None
    try:
        return spec.loader.get_code(spec.name)  # type: ignore[union-attr]
    except (ImportError, SyntaxError, OSError):
        return None


def write_modules(env: jinja2.Environment, folder: Path = FOLDER) -> list[Path]:
    """Compile every page template with ``env``'s settings into ``folder``; the modules written."""
    folder.mkdir(exist_ok=True)
    for stale in folder.glob("*.py"):
        if stale.name != "__init__.py":
            stale.unlink()
    (folder / "__init__.py").write_text(
        '"""The page templates compiled to Python (see generator/precompiled.py). Generated: do not edit."""\n',
        encoding="utf-8",
    )
    written = []
    loader = jinja2.PackageLoader("generator", "templates/pages")
    for name in sorted(loader.list_templates()):
        source, filename, _ = loader.get_source(env, name)
        code = env.compile(source, name, filename, raw=True, defer_init=True)
        path = folder / f"{module_name(name)}.py"
        header = _HEADER.format(name=name, version=jinja2.__version__, fingerprint=fingerprint(env, name, source))
        path.write_text(header + code + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None, out: Callable[[str], Any] = print) -> int:
    """``python -m generator.precompiled``: write ``generator/compiled_pages/``."""
    from .pages import _templates

    for path in write_modules(_templates()):
        out(str(path.relative_to(FOLDER.parent.parent)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
