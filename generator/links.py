"""Relative links in a statement, made to work from every page that shows its text.

A statement is written as if it stood at its own address, ``/<id>/``: a link such as
``../security/`` means the address it reaches from there, and a link to a Markdown file such as
``processors.md`` names a document beside the statement — another statement of the statements
folder (published at ``/processors/``), else a page of the docs folder. The same text is also shown
at ``/<id>/<effective>/`` and, as a redline, at ``/<id>/<effective>/changes/``, one or two folders
deeper; there each such link is rewritten so that it reaches the same place.

No MkDocs import: the site plan (and ``statement export``) use this.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Collection

__all__ = ["LinkContext", "site_target", "rebase_markdown", "rebase_html"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# [text](target "title") and ![alt](target): the target, up to whitespace or the closing bracket.
_INLINE = re.compile(r"(?P<head>\]\(\s*<?)(?P<target>[^)\s>]+)")
# [label]: target
_REFERENCE = re.compile(r"^(?P<head> {0,3}\[[^\]]+\]:\s*<?)(?P<target>\S+?)(?=>|\s|$)", re.M)
_ATTRIBUTE = re.compile(r"(?P<head>\s(?:href|src)=\")(?P<target>[^\"]*)(?=\")")
_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")


@dataclass(frozen=True)
class LinkContext:
    """What rebasing needs to know about the site."""

    statement_id: str
    statement_ids: Collection[str]
    #: site-root-relative URL of a source path (``page_url`` of pages.py)
    page_url: Callable[[str], str]


def _split(target: str) -> tuple[str, str]:
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    return target[:cut], target[cut:]


def _document(path: str, context: LinkContext) -> str | None:
    """The source path a ``.md`` link names: a statement's page, else a page of the docs folder."""
    normal = posixpath.normpath(path)
    if normal.startswith("../"):
        return None
    stem = normal[: -len(".md")]
    return f"{stem}/index.md" if stem in context.statement_ids else normal


def _is_relative(target: str) -> bool:
    return bool(target) and not target.startswith(("#", "/")) and not _SCHEME.match(target)


def site_target(target: str, context: LinkContext) -> str | None:
    """Where a link written in the statement leads, as a URL relative to the site root; None to leave it."""
    if not _is_relative(target):
        return None
    path, rest = _split(target)
    if not path:
        return None
    if path.endswith(".md"):
        document = _document(path, context)
        return None if document is None else context.page_url(document) + rest
    base = context.page_url(f"{context.statement_id}/index.md")
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../"):
        return None  # above the site: nothing to keep in step
    if path.endswith("/") and joined != ".":
        joined += "/"
    return ("" if joined == "." else joined) + rest


def _relative(url: str, page: str, context: LinkContext) -> str:
    base = context.page_url(page)
    folder = base if base.endswith("/") or base == "" else posixpath.dirname(base)
    path, rest = _split(url)
    relative = posixpath.relpath(path or ".", folder or ".")
    if path.endswith("/") or path == "":
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative + rest


def _rebased(target: str, page: str, context: LinkContext) -> str:
    url = site_target(target, context)
    return target if url is None else _relative(url, page, context)


def _rebased_markdown(target: str, page: str, context: LinkContext) -> str:
    # A link to a document stays a link to its .md source, which MkDocs checks and turns into its URL.
    path, rest = _split(target) if _is_relative(target) else ("", "")
    if path.endswith(".md"):
        document = _document(path, context)
        if document is None:
            return target
        return posixpath.relpath(document, posixpath.dirname(page) or ".") + rest
    return _rebased(target, page, context)


def rebase_markdown(body: str, page: str, context: LinkContext) -> str:
    """The statement's Markdown with every relative link made to work on ``page`` (a source path)."""
    lines = body.split("\n")
    fence: str | None = None
    out = []
    for line in lines:
        marker = _FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if marker:
            fence = marker.group(1)
            out.append(line)
            continue
        if "](" in line or "]:" in line or "=\"" in line:
            line = _INLINE.sub(lambda m: m["head"] + _rebased_markdown(m["target"], page, context), line)
            line = _REFERENCE.sub(lambda m: m["head"] + _rebased_markdown(m["target"], page, context), line)
            line = _ATTRIBUTE.sub(lambda m: m["head"] + _rebased(m["target"], page, context), line)
        out.append(line)
    return "\n".join(out)


def rebase_html(text: str, page: str, context: LinkContext) -> str:
    """HTML made from the statement (a redline) with every relative ``href``/``src`` made to work on ``page``."""
    if 'href="' not in text and 'src="' not in text:
        return text  # most redlines link nowhere; looking is much cheaper than the pattern's scan
    return _ATTRIBUTE.sub(
        lambda m: m["head"] + html.escape(_rebased(html.unescape(m["target"]), page, context), quote=True), text,
    )
