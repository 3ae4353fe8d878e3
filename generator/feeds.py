"""Machine-readable outputs: Atom feeds (RFC 4287) and ``versions.json``.

``versions.json`` schema (``"schema": 1``)::

    {
      "schema": 1,
      "statement": "privacy", "title": "Privacy Statement",
      "generated": "2025-03-01",             # the build's as_of date
      "current": "2025-02-01" | null,         # effective date of the version in force
      "versions": [                           # oldest first
        {"effective": "2025-02-01", "published": "2025-01-01", "last_updated": "2025-01-03",
         "status": "in-force" | "archived" | "upcoming" | "draft",
         "material": true, "verdict": "material" | null, "summary": "…" | null,
         "sha256": "<hex of the version's file text>", "commit": "<sha>" | null,
         "revisions": [{"commit": "<sha>", "date": "2025-01-01", "correction": false}, …],
         "urls": {"version": "…", "changes": "…" | null, "source": "…"}}
      ]
    }

URLs are absolute when ``site_url`` is set, else relative to the site root.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterable, Iterator
from xml.etree import ElementTree as ET

from .addresses import Asset, changes_path, dump_json, page_url, source_path, version_path
from .i18n import DEFAULT, format_date, gettext
from .escape import safe_url
from .model import Statement, Version

__all__ = [
    "feed_assets", "versions_document", "atom_feed", "site_feed_path", "feed_path", "versions_json_path",
    "sitemap_path", "statement_sitemap",
]

ATOM = "http://www.w3.org/2005/Atom"
SCHEMA_VERSION = 1


def feed_path(statement_id: str) -> str:
    """Path of a statement's Atom feed."""
    return f"{statement_id}/feed.xml"


def versions_json_path(statement_id: str) -> str:
    """Path of a statement's versions.json."""
    return f"{statement_id}/versions.json"


def sitemap_path(statement_id: str) -> str:
    """Path of a statement's sitemap, beside its feed."""
    return f"{statement_id}/sitemap.xml"


def statement_sitemap(statement_id: str, pages: Iterable[Any], options: Any) -> str:
    """A sitemap of one statement's pages (absolute addresses need ``site_url``; without it, none).

    Material's script fetches ``sitemap.xml`` beside every ``<link rel="alternate">``, the feed
    links included: without this file every page of the statement would make a failed request.
    """
    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    if options.site_url:
        for page in pages:
            if page.path.startswith(f"{statement_id}/"):
                ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = _url(options, page.path)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def site_feed_path() -> str:
    """Path of the site-wide Atom feed (every statement)."""
    return "feed.xml"


def _url(options: Any, src_path: str, *, page: bool = True) -> str:
    # a language's pages are planned without its folder (de/), which their addresses carry
    src_path = getattr(options, "prefix", "") + src_path
    path = page_url(src_path, directory_urls=options.directory_urls) if page else src_path
    base = (options.site_url or "").rstrip("/")
    return safe_url(f"{base}/{path}" if base else f"/{path}")


def _verdict_name(verdict: Any) -> str | None:
    return getattr(verdict, "verdict", None) if verdict is not None else None


def versions_document(statement: Statement, options: Any, *, classify: Callable | None = None) -> dict[str, Any]:
    """The ``versions.json`` document of one statement."""
    as_of = options.as_of
    current = statement.current(as_of)
    versions = []
    for version in statement.versions:
        previous = statement.previous(version)
        verdict = classify(statement, version) if classify and previous else None
        versions.append(
            {
                "effective": version.key,
                "published": version.published.isoformat(),
                "last_updated": version.last_updated.isoformat(),
                "status": "draft" if version.is_draft else version.status(as_of, current),
                "title": version.title,
                "material": version.material,
                "verdict": _verdict_name(verdict),
                "summary": version.summary,
                "sha256": version.sha256,
                "commit": version.commit,
                "revisions": [
                    {
                        "commit": revision.commit,
                        "date": revision.committed.date().isoformat(),
                        "correction": index >= version.published_count,
                    }
                    for index, revision in enumerate(version.revisions)
                ],
                "urls": {
                    "version": _url(options, version_path(version)),
                    "changes": _url(options, changes_path(version)) if previous else None,
                    "source": _url(options, source_path(version), page=False),
                },
            }
        )
    return {
        "schema": SCHEMA_VERSION,
        "statement": statement.id,
        "title": statement.title,
        "generated": as_of.isoformat(),
        "current": current.key if current else None,
        "versions": versions,
    }


def _timestamp(day: dt.date) -> str:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _entries(statements: Iterable[Statement]) -> Iterator[tuple[Statement, Version]]:
    for statement in statements:
        for version in statement.versions:
            if not version.is_draft:
                yield statement, version


def atom_feed(
    statements: Iterable[Statement], options: Any, *, title: str, self_path: str, feed_id: str,
    limit: int | None = None, classify: Callable | None = None, summary_language: Callable[[Version], str | None] | None = None,
) -> str:
    """An Atom feed with one entry per published version, newest first, in the language of ``options``.

    ``summary_language(version)`` names the language of a summary that is not in the feed's own (a
    translation's feed showing the original's words): that entry's summary says so with ``xml:lang``.
    """
    language = getattr(options, "language", DEFAULT)
    statements = list(statements)
    entries = sorted(_entries(statements), key=lambda sv: (sv[1].published, sv[1].effective), reverse=True)
    if limit:
        entries = entries[:limit]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id
    updated = max((v.last_updated for _, v in entries), default=options.as_of)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _timestamp(updated)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=_url(options, self_path), type="application/atom+xml")
    home = statements[0].id + "/index.md" if len(statements) == 1 else "index.md"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=_url(options, home), type="text/html")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = options.site_name or title
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "statements"
    for statement, version in entries:
        previous = statement.previous(version)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        heading = gettext("%(title)s takes effect %(date)s", language) if version.effective > options.as_of else gettext("%(title)s effective %(date)s", language)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = heading % {"title": version.title, "date": format_date(version.effective, language)}
        # Stable ids: the same version keeps its id in every build, whatever the site URL.
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"tag:statements,{version.published.isoformat()}:{statement.id}/{version.key}"
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _timestamp(version.published)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(max(version.last_updated, version.published))
        target = changes_path(version) if previous else version_path(version)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=_url(options, target), type="text/html")
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="related", href=_url(options, version_path(version)), type="text/html")
        ET.SubElement(entry, f"{{{ATOM}}}category", term=statement.id, label=statement.title)
        verdict = classify(statement, version) if classify and previous else None
        if version.material or _verdict_name(verdict) == "material":
            ET.SubElement(entry, f"{{{ATOM}}}category", term="material", label=gettext("Material change", language))
        summary = version.summary or (
            gettext("First published version.", language) if previous is None
            else gettext("Changes against the version effective %(date)s.", language) % {"date": format_date(previous.effective, language)}
        )
        element = ET.SubElement(entry, f"{{{ATOM}}}summary", type="text")
        element.text = summary
        other = summary_language(version) if summary_language and version.summary else None
        if other:
            element.set("{http://www.w3.org/XML/1998/namespace}lang", other)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def feed_assets(plan: Any, options: Any, *, classify: Callable | None = None) -> Iterator[Any]:
    """Atom feeds and versions.json for every statement of the plan, plus the site-wide feed."""
    base_id = (options.site_url or "").rstrip("/") or "tag:statements,2000-01-01:site"
    language = getattr(options, "language", DEFAULT)
    for statement in plan.statements:
        yield Asset(versions_json_path(statement.id), dump_json(versions_document(statement, options, classify=classify)))
        yield Asset(
            feed_path(statement.id),
            atom_feed(
                [statement], options, title=gettext("%(title)s: versions", language) % {"title": statement.title}, self_path=feed_path(statement.id),
                feed_id=f"{base_id}/{statement.id}/", classify=classify,
            ),
        )
        yield Asset(sitemap_path(statement.id), statement_sitemap(statement.id, plan.pages, options))
    if plan.statements:
        yield Asset(
            site_feed_path(),
            atom_feed(
                plan.statements, options, title=gettext("%(site)s: all statement versions", language) % {"site": options.site_name or gettext("Statements", language)},
                self_path=site_feed_path(), feed_id=f"{base_id}/", limit=options.feed_entries, classify=classify,
            ),
        )
