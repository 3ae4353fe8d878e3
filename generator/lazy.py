"""Imports on first use: a package's names that live in its modules (PEP 562), and other packages'
modules that an import would run without needing them (:func:`defer_imports`).

A command imports only what it uses: ``from generator.diff import render_text`` loads the text
renderer alone, not the whole engine, and ``import generator`` loads nothing heavy.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports", "defer_imports"]


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


class _Deferred(types.ModuleType):
    """A module found but not run yet: reading an attribute it does not have runs its code first.

    The import system's own attributes (``__spec__``, ``__name__``, ``__loader__``, ``__file__``) are
    set, so an ``import`` statement naming the module again does not run it.
    """

    def __getattr__(self, name: str) -> Any:
        spec = self.__spec__
        self.__class__ = types.ModuleType  # from now on an ordinary module, whatever happens below
        spec.loader.exec_module(self)
        return getattr(self, name)


def defer_imports(*names: str) -> None:
    """Register each module of ``names`` that is not imported yet as one whose code runs on first use.

    The module is found now (a missing one is still an ``ImportError`` here) and bound where an import
    would bind it; its code runs the first time one of its attributes is read, wherever that happens
    (``from module import name`` reads one). Only modules, not packages: importing a package's module
    must run the package first, which a deferred package would not. A module whose loader cannot run
    it this way is left to be imported as usual.
    """
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is not None or not hasattr(spec.loader, "exec_module"):
            continue
        module = importlib.util.module_from_spec(spec)
        if type(module) is not types.ModuleType:  # a loader with a module type of its own
            continue
        module.__class__ = _Deferred
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, module)  # as the import system binds a submodule
