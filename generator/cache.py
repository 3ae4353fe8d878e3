"""A content-addressed cache of what a build computes, so a rebuild recomputes only what changed.

Every entry is keyed by a sha256 over everything its value depends on: the inputs (the texts of
a pair of versions, a version's text and identity), the configuration that shapes the result
(Markdown extensions and their options, the material-change options), and the generator itself
(a digest of its own source files and templates, so any change to the code is a new key).
Nothing is ever looked up by name alone, so an entry cannot go stale: a changed input is a
different key.

The folder (``.cache/statements/`` next to mkdocs.yml) holds one SQLite database,
``entries.sqlite``, with one row per entry: its kind, its key and its data. A build of a thousand
versions makes some five thousand entries; as one file each, creating the files was the one part of
planning that grew faster than the number of versions (a file system's cost of making a file grows
with the files just deleted: ext4 without a journal looks at every recently freed inode of the
folder's group on each creation, so a first build right after emptying the cache paid quadratically).

An entry's data is ``<key> <sha256 of the payload>\\n<payload as JSON>``. An entry whose first line
does not match its key and its payload, or whose payload does not parse into the expected shape, is
ignored (and replaced): a corrupt cache costs time, never correctness. Each entry is written in a
transaction of its own, so a reader sees a whole entry or none; a database SQLite cannot read is
deleted and made again. The folder is safe to delete at any time; it carries its own ``.gitignore``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    import sqlite3

__all__ = ["Store", "DEFAULT_FOLDER", "DATABASE", "generator_digest", "config_digest", "digest"]

#: Where the cache lives, relative to mkdocs.yml.
DEFAULT_FOLDER = ".cache/statements"

#: The database in that folder.
DATABASE = "entries.sqlite"

#: The database's layout (``PRAGMA user_version``); a database of another layout is made again.
_LAYOUT = 1

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
    what it recomputed. The database is opened on first use (a look-up in a cache that does not
    exist yet creates nothing) and closed by :meth:`close`.
    """

    def __init__(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.counts: Counter[tuple[str, str]] = Counter()
        self._db: sqlite3.Connection | None = None
        self._unusable = False  # the database cannot be opened or made: keep nothing this build

    @property
    def enabled(self) -> bool:
        """False for a cache that keeps nothing."""
        return self.folder is not None

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under ``key``, or None when it is missing or not intact."""
        db = self._open(create=False)
        if db is None:
            return None
        import sqlite3

        try:
            row = db.execute("SELECT data FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        except sqlite3.Error as error:
            self._damaged(error)
            return None
        data = row[0] if row is not None else None
        if not isinstance(data, bytes):
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
        """Store ``value`` (JSON-able) under ``key``; a failure to write is not an error."""
        db = self._open(create=True)
        if db is None:
            return
        import sqlite3

        # Text (a redline, a page's HTML) is kept as it is: as a JSON string every quote of its
        # HTML would be escaped on the way in and out, which cost more than the rest of the entry.
        text = isinstance(value, str)
        payload = value.encode("utf-8") if text else json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        head = f"{key} {hashlib.sha256(payload).hexdigest()}".encode() + (_TEXT if text else b"") + b"\n"
        try:
            db.execute("INSERT OR REPLACE INTO entries (kind, key, data) VALUES (?, ?, ?)", (kind, key, head + payload))
        except sqlite3.Error as error:
            self._damaged(error)  # a read-only, locked or full disk makes the next build slower, not wrong

    def close(self) -> None:
        """Close the database (a later look-up opens it again)."""
        if self._db is not None:
            import sqlite3

            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _open(self, *, create: bool) -> sqlite3.Connection | None:
        """The database, opened (and with ``create``, made) on first use; None when there is none."""
        if self._db is not None or self.folder is None or self._unusable:
            return self._db
        path = self.folder / DATABASE
        if not create and not path.is_file():
            return None
        # Imported here: commands that only load mkdocs.yml (diff, check) never open the cache.
        import sqlite3

        for attempt in range(2):
            try:
                new = not path.is_file()
                if new:
                    self.folder.mkdir(parents=True, exist_ok=True)
                    ignore = self.folder / ".gitignore"
                    if not ignore.is_file():
                        ignore.write_text("# The statements plugin's cache: safe to delete.\n*\n", encoding="utf-8")
                self._db = _connect(path)
                if new:
                    _remove_file_entries(self.folder)
                return self._db
            except sqlite3.DatabaseError as error:
                if attempt or isinstance(error, sqlite3.OperationalError):
                    break  # locked, read-only or unopenable: this build goes without
                _remove(path)  # not a database, or one SQLite finds damaged: made again
            except OSError:
                break
        self._unusable = True
        return None

    def _damaged(self, error: sqlite3.Error) -> None:
        """After a failed statement: a damaged database is removed, so that the next build makes it again."""
        import sqlite3

        if isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError) and self.folder:
            self.close()
            _remove(self.folder / DATABASE)
            self._unusable = True

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


def _connect(path: Path) -> sqlite3.Connection:
    """The cache database at ``path``, made with its table when new or of another layout.

    Every statement commits on its own (``isolation_level=None``): an entry is whole or absent. No
    fsync (``synchronous=OFF``): after a crash an entry may be lost or damaged, which its checksum
    catches. The rollback journal is truncated, not deleted, after each entry, so writing an entry
    creates no file.
    """
    import sqlite3

    db = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=TRUNCATE")
        db.execute("PRAGMA synchronous=OFF")
        if db.execute("PRAGMA user_version").fetchone()[0] != _LAYOUT:
            db.execute("BEGIN IMMEDIATE")  # two builds making it at once: one makes it, the other waits
            if db.execute("PRAGMA user_version").fetchone()[0] != _LAYOUT:
                db.execute("DROP TABLE IF EXISTS entries")
                db.execute("CREATE TABLE entries (kind TEXT NOT NULL, key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (kind, key))")
                db.execute(f"PRAGMA user_version = {_LAYOUT}")
            db.execute("COMMIT")
    except BaseException:
        db.close()
        raise
    return db


def _remove(path: Path) -> None:
    for name in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            os.unlink(name)


def _remove_file_entries(folder: Path) -> None:
    """Remove the entries of the cache's first layout, a file each in a folder per kind.

    The folder is the cache's own, and no build reads those entries any more: left alone they
    would be kept (and saved by ``actions/cache``) for ever.
    """
    import shutil

    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
