"""Imports on first use: a package's names that live in its modules (PEP 562), and other packages'
modules that an import would run without needing them (:func:`import_with_stand_ins`).

A command imports only what it uses: ``from generator.diff import render_text`` loads the text
renderer alone, not the whole engine, and ``import generator`` loads nothing heavy.
"""

from __future__ import annotations

import importlib
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["lazy_exports", "import_with_stand_ins", "FUNCTION", "TYPE_ARGUMENT"]


def lazy_exports(package: str, where: Mapping[str, str], namespace: dict[str, Any]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__``: each name of ``where`` comes from its module
    (relative to ``package``) on first use, and is then kept in ``namespace`` (the package's globals)."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted([*namespace, *where])

    return __getattr__, __dir__


#: Kinds of names an import takes from a module stood in for (:func:`import_with_stand_ins`).
FUNCTION = "function"
TYPE_ARGUMENT = "type argument"


class _StandIn(types.ModuleType):
    """Stands in for a module while another is imported (:func:`import_with_stand_ins`).

    Reading one of its attributes reads it from the real module, imported then if it is not yet
    (the stand-in first withdrawn, so that the import is an ordinary one) — except the names it was
    told the import only binds or names, while it is in place: a :data:`FUNCTION` reads as a function
    that calls the real one (:func:`_forwarding`), a :data:`TYPE_ARGUMENT` as a forward reference to
    it. It has no ``__path__``: importing a module of a package it stands in for fails, and the import
    is done again without stand-ins.
    """

    def __init__(self, name: str, names: Mapping[str, str]) -> None:
        super().__init__(name)
        self.__names = dict(names)

    def __getattr__(self, name: str) -> Any:
        if name == "__path__" or name.startswith("_StandIn__"):
            raise AttributeError(name)
        kind = self.__names.get(name)
        if kind is not None and sys.modules.get(self.__name__) is self:
            if kind == FUNCTION:
                return _forwarding(self.__name__, name)
            return typing.ForwardRef(f"{self.__name__}.{name}")  # as if written in quotes: Option["pathspec.gitignore.GitIgnoreSpec"]
        return getattr(_real_module(self.__name__), name)


def _real_module(name: str) -> types.ModuleType:
    """The module ``name``, imported the usual way (its stand-in first withdrawn) if it is not yet."""
    module = sys.modules.get(name)
    if module is None or isinstance(module, _StandIn):
        if module is not None:
            _withdraw(module)
        module = importlib.import_module(name)
    return module


def _forwarding(module: str, name: str) -> Callable[..., Any]:
    """A function that calls ``module.name``, importing ``module`` on the first call."""

    def forward(*args: Any, **kwargs: Any) -> Any:
        return getattr(_real_module(module), name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    forward.__module__ = module
    forward.__doc__ = f"Calls {module}.{name}, importing {module} on the first call."
    return forward


def _withdraw(stand_in: types.ModuleType, *, keep_binding: bool = False) -> None:
    """Take ``stand_in`` out of ``sys.modules`` and, unless ``keep_binding``, off its parent package."""
    name = stand_in.__name__
    if sys.modules.get(name) is stand_in:
        del sys.modules[name]
    parent, _, child = name.rpartition(".")
    package = sys.modules.get(parent) if parent else None
    if not keep_binding and package is not None and package.__dict__.get(child) is stand_in:
        delattr(package, child)


def import_with_stand_ins(module: str, stand_ins: Iterable[str] | Mapping[str, Mapping[str, str]]) -> types.ModuleType:
    """Import ``module`` while each of ``stand_ins`` not imported yet is a stand-in that runs nothing.

    For a module that imports others at the top only to use them later, if ever: the stand-ins are
    bound where the import binds those (``import jinja2``, ``from mkdocs import localization``), and
    are withdrawn from ``sys.modules`` when the import is done, so that any later import of them is an
    ordinary one. Reading an attribute of a stand-in — during the import or at any time after — reads
    it from the real module, importing it then (once, the usual way; never a second copy). If the import
    fails while stand-ins are in place (it imported a module of a package stood in for), it is done
    again without them. Not thread-safe: for a process's start, before it runs threads.

    ``stand_ins`` may map each module to the names the import reads from it without using them, and
    what each is:

    * :data:`FUNCTION`, for ``from urllib.request import pathname2url`` in a module that calls it only
      later: bound as a function that calls the real one, importing the module on the first call;
    * :data:`TYPE_ARGUMENT`, for ``class PathSpec(BaseConfigOption[pathspec.gitignore.GitIgnoreSpec])``
      where the class is only a generic's type argument: read as ``typing.ForwardRef`` to it, what the
      argument would be written in quotes (``BaseConfigOption["pathspec.gitignore.GitIgnoreSpec"]``).

    Name only what the import does nothing else with: a class read as a :data:`FUNCTION` would be a
    function in its place.

    A stand-in may be a module of ``module`` itself (``importlib.metadata._adapters`` while
    ``importlib.metadata`` is imported): it stays bound in the package, whose code reads it there.
    """
    if module in sys.modules:
        return sys.modules[module]
    named = stand_ins if isinstance(stand_ins, Mapping) else dict.fromkeys(stand_ins, {})
    placed = []
    for name, names in named.items():
        if name in sys.modules:
            continue
        stand_in = _StandIn(name, names)
        stand_in.__spec__ = None  # read by every import of the name: not a module being initialised
        sys.modules[name] = stand_in
        parent, _, child = name.rpartition(".")
        if parent and parent != module:
            setattr(importlib.import_module(parent), child, stand_in)  # as the import system binds a submodule
        placed.append(stand_in)
    try:
        return importlib.import_module(module)
    except ImportError:
        for stand_in in placed:
            _withdraw(stand_in)
        placed = []
        return importlib.import_module(module)
    finally:
        for stand_in in placed:
            # A module of the package being imported stays bound in it: the package's own code reads it
            # by that name (``from . import _adapters``); the real module replaces it when imported.
            _withdraw(stand_in, keep_binding=stand_in.__name__.rpartition(".")[0] == module)
