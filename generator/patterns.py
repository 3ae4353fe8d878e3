"""Regular expressions compiled on first use.

Python compiles a pattern in Python code: a long, case-insensitive alternation of words costs a
fraction of a millisecond to a few milliseconds, and a table of them compiled at import is paid by
every process that imports the module, whether it searches with them or not. A :class:`LazyPattern`
is compiled the first time it searches; after that its methods are the compiled pattern's own, so
a search costs what it would have cost anyway.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LazyPattern"]

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression with the methods of :class:`re.Pattern`, compiled when one is first called.

    ``pattern`` and ``flags`` are the source and flags as given. A pattern that does not compile
    raises :class:`re.error` on first use, not when it is made: build lazy patterns from sources a
    test compiles (the lint catalogue's are all searched by its tests).
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = re.compile(self.pattern, self.flags)
        for name in _METHODS:  # instance attributes from now on: no lookup through this class
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set yet: the first search (or groupindex, groups …).
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"
