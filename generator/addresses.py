"""Where everything the statements add to a site lives: permanent addresses, links between them,
and the plain value object of a generated file.

The first stage of the site plan: :mod:`.compare` and :mod:`.feeds` build on it, :mod:`.pages`
on all three, so the plan reads one way (model → addresses → compare, feeds → pages). No MkDocs
import here either.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Any

from .model import Version

__all__ = [
    "statement_path", "version_path", "changes_path", "history_path", "compare_path", "source_path",
    "page_url", "relative_url", "Asset", "dump_json",
]


# --- addresses -------------------------------------------------------------------------------


def statement_path(statement_id: str) -> str:
    """Source path of the page with the version in force."""
    return f"{statement_id}/index.md"


def version_path(version: Version) -> str:
    """Source path of a version's permanent page."""
    return f"{version.statement_id}/{version.key}/index.md"


def changes_path(version: Version) -> str:
    """Source path of a version's "what changed" page."""
    return f"{version.statement_id}/{version.key}/changes/index.md"


def history_path(statement_id: str) -> str:
    """Source path of a statement's history page."""
    return f"{statement_id}/history/index.md"


def compare_path(statement_id: str) -> str:
    """Source path of a statement's compare page."""
    return f"{statement_id}/compare/index.md"


def source_path(version: Version) -> str:
    """Path of the downloadable Markdown source of a version."""
    return f"{version.statement_id}/{version.key}/{version.statement_id}-{version.key}.md"


def page_url(src_path: str, *, directory_urls: bool = True) -> str:
    """The URL path (relative to the site root) a page's source path is published at."""
    if not src_path.endswith(".md"):
        return src_path
    stem = src_path[: -len(".md")]
    if directory_urls:
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"
    return stem + ".html"


def relative_url(from_src: str, to: str, *, directory_urls: bool = True, to_page: bool = True) -> str:
    """A link from the page ``from_src`` to the page (or, with ``to_page=False``, file) ``to``."""
    base = page_url(from_src, directory_urls=directory_urls)
    target = page_url(to, directory_urls=directory_urls) if to_page else to
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base)
    rel = _relpath(target or ".", base_dir or ".")
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            rel = "./"
    return rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two site paths, without its two ``os.getcwd()`` calls.

    A site plan makes some thirty links a page; ``relpath`` makes both paths absolute first, which
    for paths inside the site changes nothing but costs a system call each.
    """
    path, start = posixpath.normpath(path), posixpath.normpath(start)
    if path.startswith(("/", "..")) or start.startswith(("/", "..")):
        return posixpath.relpath(path, start)
    to = [] if path == "." else path.split("/")
    base = [] if start == "." else start.split("/")
    common = 0
    for a, b in zip(to, base):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


@dataclass(frozen=True)
class Asset:
    """A generated non-page file (JSON, XML, the Markdown source of a version, …)."""

    path: str
    content: str



def dump_json(data: Any) -> str:
    """JSON as the site publishes it: UTF-8, stable key order, two-space indent."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
