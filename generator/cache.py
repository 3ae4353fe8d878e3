"""A content-addressed cache of what a build computes, so a rebuild recomputes only what changed.

Every entry is keyed by a sha256 over everything its value depends on: the inputs (the texts of
a pair of versions, a version's text and identity), the configuration that shapes the result
(Markdown extensions and their options, the material-change options), and the generator itself
(a digest of its own source files and templates, so any change to the code is a new key).
Nothing is ever looked up by name alone, so an entry cannot go stale: a changed input is a
different key.

The folder (``.cache/statements/`` next to mkdocs.yml) holds one file per entry::

    .cache/statements/<kind>/<key>

(one folder per kind, not git's fan-out by the key's first digits: a build of a thousand versions
writes a few thousand entries of a kind, which a file system lists without trouble, and making a
folder is one of the dearest things a cold build did per entry).

Each file is ``<key> <sha256 of the payload>\\n<payload as JSON>``. An entry whose first line does
not match its name and its payload, or whose payload does not parse into the expected shape, is
ignored (and replaced): a corrupt cache costs time, never correctness. Entries are written to a
temporary file in the same folder and renamed into place, so a reader sees a whole entry or none.
The folder is safe to delete at any time; it carries its own ``.gitignore``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

__all__ = ["Store", "DEFAULT_FOLDER", "generator_digest", "config_digest", "digest"]

#: Where the cache lives, relative to mkdocs.yml.
DEFAULT_FOLDER = ".cache/statements"

_PACKAGE = Path(__file__).resolve().parent


@functools.lru_cache(maxsize=1)
def generator_digest() -> str:
    """A digest of the generator's code and templates: any change to them changes every key."""
    hasher = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".html", ".md", ".js", ".css", ".txt"}:
            hasher.update(path.relative_to(_PACKAGE).as_posix().encode())
            hasher.update(b"\0")
            hasher.update(path.read_bytes())
            hasher.update(b"\0")
    return hasher.hexdigest()


def _stable(value: Any) -> Any:
    """A JSON-able form of a configuration value that is the same in every process.

    Functions (a toc ``slugify``) are named by module and qualified name; anything else without a
    plain form falls back to ``repr``, which for most objects holds an address — a key that never
    matches again, which is safe.
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(_stable(v)) for v in value)
    if isinstance(value, functools.partial):
        return {"partial": _stable(value.func), "args": _stable(value.args), "keywords": _stable(value.keywords)}
    name = getattr(value, "__qualname__", None)
    module = getattr(value, "__module__", None)
    if callable(value) and name and module and "<" not in name:
        return f"{module}.{name}"
    return repr(value)


def config_digest(*parts: Any) -> str:
    """A digest of configuration values (extensions, their options, detector options)."""
    text = json.dumps([_stable(part) for part in parts], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(*parts: str) -> str:
    """sha256 over several strings, each length-prefixed so that no two lists of parts collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()


#: How the first line of an entry marks a text payload (UTF-8 as it is, not JSON).
_TEXT = b" text"


class Store:
    """The cache folder: ``get`` and ``put`` JSON values by kind and key.

    ``Store(None)`` is a cache that keeps nothing (``cache: false``, ``--no-cache``). ``counts``
    records every look-up as ``(kind, "reused")`` or ``(kind, "computed")``, so a build can say
    what it recomputed.
    """

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.counts: Counter[tuple[str, str]] = Counter()
        self._ready: set[str] = set()
        self._written = 0

    @property
    def enabled(self) -> bool:
        """False for a cache that keeps nothing."""
        return self.folder is not None

    def _path(self, kind: str, key: str) -> str:
        assert self.folder is not None
        return f"{self.folder}{os.sep}{kind}{os.sep}{key}"

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under ``key``, or None when it is missing or not intact."""
        if self.folder is None:
            return None
        try:
            with open(self._path(kind, key), "rb") as entry:
                data = entry.read()
        except OSError:
            return None
        head, newline, payload = data.partition(b"\n")
        if not newline:
            return None
        sealed = f"{key} {hashlib.sha256(payload).hexdigest()}".encode()
        try:
            if head == sealed + _TEXT:
                return payload.decode("utf-8")
            if head == sealed:
                return json.loads(payload)
        except ValueError:
            pass
        return None

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store ``value`` (JSON-able) under ``key``, atomically; a failure to write is not an error."""
        if self.folder is None:
            return
        # Text (a redline, a page's HTML) is kept as it is: as a JSON string every quote of its
        # HTML would be escaped on the way in and out, which cost more than the rest of the entry.
        text = isinstance(value, str)
        payload = value.encode("utf-8") if text else json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path = self._path(kind, key)
        head = f"{key} {hashlib.sha256(payload).hexdigest()}".encode() + (_TEXT if text else b"") + b"\n"
        try:
            folder = self._prepare(kind)
            # A name of this process's own (pid and a count) in the same folder, then one rename:
            # a reader sees the whole entry or none, and no two writers share a temporary file.
            self._written += 1
            temporary = f"{folder}{os.sep}.tmp-{os.getpid()}-{self._written}"
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(head + payload)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            pass  # a read-only or full disk makes the next build slower, not wrong

    def _prepare(self, kind: str) -> str:
        """The folder of ``kind``'s entries, made (with the cache's own .gitignore) on first use."""
        assert self.folder is not None
        folder = f"{self.folder}{os.sep}{kind}"
        if folder not in self._ready:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / ".gitignore").write_text("# The statements plugin's cache: safe to delete.\n*\n", encoding="utf-8")
            os.makedirs(folder, exist_ok=True)
            self._ready.add(folder)
        return folder

    def through(
        self, kind: str, key: str, compute: Callable[[], Any], *,
        encode: Callable[[Any], Any] = lambda value: value, decode: Callable[[Any], Any] = lambda data: data,
    ) -> Any:
        """The cached value of ``compute()`` under ``key``; computed (and stored) when missing.

        ``encode`` turns the value into JSON-able data and ``decode`` back; an entry that does not
        decode is treated as missing.
        """
        data = self.get(kind, key)
        if data is not None:
            try:
                value = decode(data)
            except Exception:  # noqa: BLE001 - whatever a damaged entry makes decode raise
                value = None
            if value is not None:
                self.counts[(kind, "reused")] += 1
                return value
        value = compute()
        self.counts[(kind, "computed")] += 1
        if value is not None:
            data = encode(value)
            if data is not None:  # None: a value this cache cannot keep faithfully
                self.put(kind, key, data)
        return value

    def summary(self) -> str:
        """``reused N, computed M (page 2, redline 1)`` over every kind, for the build's log."""
        reused = sum(n for (_, what), n in self.counts.items() if what == "reused")
        kinds = sorted((kind, n) for (kind, what), n in self.counts.items() if what == "computed" and n)
        detail = f" ({', '.join(f'{kind} {n}' for kind, n in kinds)})" if kinds else ""
        return f"reused {reused}, computed {sum(n for _, n in kinds)}{detail}"

    def computed(self, kinds: Iterable[str] | None = None) -> int:
        """How many values were computed (not reused), optionally of some kinds only."""
        wanted = set(kinds) if kinds is not None else None
        return sum(n for (kind, what), n in self.counts.items() if what == "computed" and (wanted is None or kind in wanted))
