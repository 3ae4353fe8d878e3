"""A page's languages, for the theme: its ``lang``, the language switcher and ``hreflang`` alternates.

The site plan knows, for every page of every language, the same page in each language
(:class:`generator.localized.Alternate`). This turns one page's alternates into what the templates
write: Material's ``extra.alternate`` entries (its ``<link rel="alternate" hreflang>`` tags, plus
``x-default``, the default language's page) — only for pages that really are translations — and the
switcher's entries, which list every language and say where a translation is missing. No MkDocs
import: the adapter hands the result to the templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import i18n
from .addresses import page_url
from .localized import language_name
from .translations import SiteLanguages

__all__ = ["PageLanguages", "page_languages", "merge_alternates", "nav_label", "NAV_LABELS"]

#: The generated navigation's labels (generator/pages.py), translated in each language's navigation.
NAV_LABELS = (i18n.N_("Home"), i18n.N_("In force"), i18n.N_("History"), i18n.N_("Compare versions"))


def nav_label(label: str, language: str) -> str:
    """A label of the generated navigation in ``language``."""
    return i18n.gettext(label, language)


@dataclass(frozen=True)
class PageLanguages:
    """What the theme needs to know about one page's languages."""

    #: the language the page is written in (``<html lang>``, Material's own words)
    language: str
    #: the switcher: one entry per language (name in its own language, link, current, translated, note)
    switcher: list[dict[str, Any]] = field(default_factory=list)
    #: Material's ``extra.alternate`` for this page: translations only, then ``x-default``; empty: none
    hreflang: list[dict[str, str]] = field(default_factory=list)


def _own_name(code: str) -> str:
    name = language_name(code, code)
    return name[:1].upper() + name[1:]


def page_languages(
    plan: Any, src_path: str, languages: SiteLanguages, config: Any, user: Any = None,
) -> PageLanguages:
    """The languages of the page ``src_path`` of ``plan`` (a page the plan did not make: the default's).

    ``user`` is mkdocs.yml's own ``extra.alternate``: its entries for languages that are not the
    site's (another site's address, say) stay in the page's alternates and its switcher; see
    :func:`merge_alternates`.
    """
    language = plan.page_languages.get(src_path, languages.default) if plan else languages.default
    alternates = plan.alternates.get(src_path, ()) if plan else ()
    if not alternates:
        return PageLanguages(language)
    directory_urls = getattr(config, "use_directory_urls", True)
    switcher = []
    hreflang = []
    note = i18n.gettext("not yet translated", language)
    out_of_date = i18n.gettext("translation out of date", language)
    for alternate in alternates:
        url = page_url(alternate.path, directory_urls=directory_urls) or "./"
        switcher.append(
            {
                "language": alternate.language, "name": _own_name(alternate.language), "link": url,
                "current": alternate.path == src_path, "translated": alternate.translated,
                "note": out_of_date if alternate.stale else "" if alternate.translated else note,
            }
        )
        if alternate.translated:
            hreflang.append({"name": _own_name(alternate.language), "link": url, "lang": alternate.language})
    default = next((a for a in alternates if a.language == languages.default), None)
    if default is not None:
        url = page_url(default.path, directory_urls=directory_urls) or "./"
        hreflang.append({"name": _own_name(languages.default), "link": url, "lang": "x-default"})
    kept = _kept_user_entries(user, languages)
    for entry in kept:
        switcher.append(
            {
                "language": str(entry.get("lang", "")), "name": str(entry.get("name", entry.get("lang", ""))),
                "link": str(entry.get("link", "")), "current": False, "translated": True, "note": "",
            }
        )
    return PageLanguages(language, switcher, merge_alternates(user, hreflang, languages))


def _kept_user_entries(user: Any, languages: SiteLanguages) -> list[dict[str, Any]]:
    """The entries of mkdocs.yml's ``extra.alternate`` that a page's own alternates do not replace."""
    if not isinstance(user, list):
        return []
    own = {*languages.all, "x-default"}
    kept: list[dict[str, Any]] = []
    for entry in user:
        if isinstance(entry, dict) and entry.get("lang") not in own and entry not in kept:
            kept.append(entry)
    return kept


def merge_alternates(user: Any, generated: list[dict[str, str]], languages: SiteLanguages) -> list[dict[str, Any]]:
    """A page's ``extra.alternate``: its own translations and ``x-default``, then the user's other entries.

    An entry of mkdocs.yml for one of the site's languages (``{lang: de, link: /de/}``, the usual
    site-wide selector) is replaced by the page's own translation — or dropped where the page has
    none, since ``hreflang`` must name a translation of this very page; an entry for any other
    language (a site elsewhere) is kept as written, once. Without entries of its own, the page
    keeps the user's list as it is.
    """
    if not generated:
        return list(user) if isinstance(user, list) else []
    return [*generated, *(entry for entry in _kept_user_entries(user, languages) if entry not in generated)]
