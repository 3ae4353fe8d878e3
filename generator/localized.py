"""The site plan of every language other than the default: the same pages under ``/<code>/``.

The default language keeps today's addresses. Each other language gets the full set of pages
under its prefix — ``/de/privacy/``, ``/de/privacy/<effective>/``, its changes, history and compare
pages, feeds, ``versions.json`` — planned by the same planner as the default language's, on a
*language view* of each statement (:class:`LanguageView`):

* every version of the original keeps its place and its address; one with a translation shows the
  translation's text, title, publication and corrections (the original's effective date, material
  declaration and review);
* a version whose translation is missing (or not yet published on the build's date) gets a page that
  says so in the reader's language and links to the original, and so does its changes page;
* redlines compare a translation with the translation's own previous version, never with the
  original's text; the compare page offers the translated versions;
* the verdict of the material-change detector is the original's: a translation of a material
  version is material.

Every page then knows its *alternates* — the same page in each language (:class:`Alternate`) —
which the MkDocs adapter turns into ``<link rel="alternate" hreflang>`` and the language switcher.
No MkDocs import here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence
from xml.etree import ElementTree as ET

from . import feeds
from .addresses import (
    Asset, changes_path, compare_path, dump_json, page_url, relative_url, source_path, statement_path, version_path,
)
from .i18n import gettext
from .model import Statement, Version
from .pages import Page, PlanOptions, SitePlan, _Planner, _render
from .translations import SiteLanguages, StatementTranslations, Translation, TranslationStatus

__all__ = ["Alternate", "LanguageView", "language_view", "plan_languages", "language_name", "sitemap_path"]


@dataclass(frozen=True)
class Alternate:
    """The same page in one language."""

    language: str
    #: the page's source path (``de/privacy/2026-02-01/index.md``)
    path: str
    #: False when the page only says that the translation is missing (it is no translation of the page)
    translated: bool
    #: True when the page is a translation the original was corrected after (a stale translation)
    stale: bool = False


@dataclass(frozen=True)
class LanguageView:
    """One statement as the pages of one language show it."""

    language: str
    #: the original, as the default language's pages show it (the versions visible on the build's date)
    original: Statement
    #: every version of ``original``: the translation's where there is one, else the original's own
    statement: Statement
    #: only the versions with a text in this language (what redlines, compare and the feed use); None: none
    texts: Statement | None
    #: version key -> translated | missing | stale, on the build's date
    status: Mapping[str, TranslationStatus]
    #: keys of the versions whose summary this language shows in the original's words (missing, or
    #: translated without a summary of its own)
    borrowed: frozenset[str] = frozenset()

    def missing(self, version: Version) -> bool:
        """Whether this language has no text of ``version`` (its pages link to the original)."""
        return self.status.get(version.key, "missing") == "missing"


def language_view(original: Statement, translation: Translation | None, language: str, as_of: dt.date) -> LanguageView:
    """The language view of ``original`` (its visible versions) with ``translation`` as of ``as_of``.

    A translation committed after ``as_of`` is not published yet: that version is missing.
    """
    versions: list[Version] = []
    texts: list[Version] = []
    status: dict[str, TranslationStatus] = {}
    borrowed: set[str] = set()
    for version in original.versions:
        paired = translation.version(version.key) if translation is not None else None
        text = paired.text if paired is not None else None
        if paired is None or text is None or not (text.published <= as_of or text.is_draft):
            status[version.key] = "missing"
            versions.append(version)
            if version.summary:
                borrowed.add(version.key)
            continue
        status[version.key] = paired.status
        if version.summary and not text.summary:
            borrowed.add(version.key)
        localized = paired.localized()
        versions.append(localized)
        texts.append(localized)
    if texts:
        # The statement's name in this language, on its history, home card and navigation, even
        # where the newest version is not translated yet.
        title = texts[-1].title
        versions = [v if status[v.key] != "missing" else dataclasses.replace(v, title=title) for v in versions]
    statement = Statement(id=original.id, path=translation.path if translation and translation.path else original.path, versions=tuple(versions))
    only_texts = Statement(id=original.id, path=statement.path, versions=tuple(texts)) if texts else None
    return LanguageView(language, original, statement, only_texts, status, frozenset(borrowed))


def language_name(code: str, in_language: str) -> str:
    """The name of language ``code`` as ``in_language`` writes it in a sentence (``en`` in ``de``: "Englisch",
    in ``fr``: "anglais")."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(Locale.parse(in_language.replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return name or code


class _LanguagePlanner(_Planner):
    """The default language's planner, on language views: missing translations become notes."""

    def __init__(self, views: Mapping[str, LanguageView], default_language: str, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.views = views
        self.default_language = default_language
        #: source paths (without the prefix) of pages that only say a translation is missing
        self.notes: set[str] = set()
        self.stale: set[str] = set()  # pages of a stale translation
        self._classify = self.classify
        # The detector judges the original: its verdict is the translation's too.
        self.classify = None

    def verdict(self, view: LanguageView, version: Version) -> Any:
        original = view.original.version(version.key)
        return self._classify(view.original, original) if self._classify and original is not None else None

    def original_wording(self, version: Version) -> dict[str, str] | None:
        """The original's language (code and name in the page's language) where ``version``'s summary is the original's."""
        view = self.views.get(version.statement_id)
        if view is None or version.key not in view.borrowed:
            return None
        return {"lang": self.default_language, "name": language_name(self.default_language, self.options.language)}

    def plan_statement(self, statement: Statement) -> None:
        view = self.views[statement.id]
        as_of = self.options.as_of
        current = statement.current(as_of)
        verdicts: dict[str, Any] = {}
        texts = view.texts
        for version in statement.versions:
            verdicts[version.key] = self.verdict(view, version)
            if view.missing(version):
                self.plan_note(statement, version, path=version_path(version), original=version_path(version), kind="version")
                self.plan_note(statement, version, path=changes_path(version), original=changes_path(version), kind="changes")
                continue
            self.plan_version(statement, version, current, verdicts[version.key], path=version_path(version))
            assert texts is not None
            original = view.original.version(version.key)
            if texts.previous(version) is None and original is not None and view.original.previous(original) is not None:
                # The translation's first version: the original's changes are all there is to read.
                self.plan_note(statement, version, path=changes_path(version), original=changes_path(version), kind="first")
            else:
                # The findings quote the original's clauses: they stay on the original's changes page.
                self.plan_changes(texts, version, None)
            self.assets.append(Asset(source_path(version), version.text))
        shown = current or statement.versions[0]
        if view.missing(shown):
            self.plan_note(statement, shown, path=statement_path(statement.id), original=statement_path(statement.id), kind="version")
        else:
            self.plan_version(statement, shown, current, verdicts[shown.key], path=statement_path(statement.id))
        self.plan_history(statement, current, verdicts)
        if texts is not None:
            statuses = {v.key: "draft" if v.is_draft else v.status(as_of, current) for v in texts.versions}
            self.plan_compare(texts, texts.current(as_of), statuses=statuses)
        else:
            self.plan_note(statement, None, path=compare_path(statement.id), original=compare_path(statement.id), kind="compare")

    def plan_version(self, statement: Statement, version: Version, current: Version | None, verdict: Any, *, path: str) -> None:
        """The version's page; a stale translation says, above the version's facts, that the original was corrected since."""
        super().plan_version(statement, version, current, verdict, path=path)
        view = self.views[statement.id]
        if view.status.get(version.key) != "stale":
            return
        original = view.original.version(version.key)
        assert original is not None and original.corrections
        page = self.pages[-1]
        self.stale.add(page.path)
        note = _render(
            self.options.language, "translation_stale.html", version=version,
            corrected=original.corrections[-1].committed.date(),
            original=_relative(self.options.prefix + path, path, directory_urls=self.options.directory_urls),
            original_name=language_name(self.default_language, self.options.language), original_language=self.default_language,
        )
        first = next(iter(page.fragments), None)  # the version header's placeholder
        markdown = page.markdown.replace(first, f"{note.strip()}\n\n{first}", 1) if first else f"{note}\n{page.markdown}"
        self.pages[-1] = dataclasses.replace(page, markdown=markdown)

    def plan_changes(self, statement: Statement, version: Version, verdict: Any) -> None:
        """The changes page; its printed permanent address (the text; scripts rewrite it) carries the language's folder."""
        super().plan_changes(statement, version, verdict)
        page = self.pages[-1]
        address = f"{version.statement_id}/{version.key}/changes/"
        markdown = page.markdown.replace(f"data-statement-permalink>{address}</a>", f"data-statement-permalink>{self.options.prefix}{address}</a>")
        self.pages[-1] = dataclasses.replace(page, markdown=markdown)

    def plan_history(self, statement: Statement, current: Version | None, verdicts: Mapping[str, Any]) -> None:
        """The history, every version listed; one not translated yet is marked so, and its Markdown source is the original's."""
        super().plan_history(statement, current, verdicts)
        view = self.views[statement.id]
        page = self.pages[-1]
        path = page.path
        markdown = page.markdown
        chip = _render(self.options.language, "translation_chip.html").strip()
        directory_urls = self.options.directory_urls
        compare = self.link(path, compare_path(statement.id))
        original_compare = _relative(self.options.prefix + path, compare_path(statement.id), directory_urls=directory_urls)

        def marked(text: str) -> str:
            for version in statement.versions:
                row = text.find(f'id="v{version.key}"')
                if not view.missing(version) or row < 0:
                    continue
                end = text.find("</tr>", row)
                # Its Markdown source and its comparison are the original's: this language has no text of it.
                own = self.link(path, source_path(version), to_page=False)
                original = relative_url(self.options.prefix + path, source_path(version), directory_urls=directory_urls, to_page=False)
                segment = text[row:end].replace(f'href="{own}"', f'href="{original}" hreflang="{self.default_language}"')
                segment = segment.replace(f'href="{compare}?', f'href="{original_compare}?')
                date = segment.find("</a>")  # beside the version's date, like its status
                segment = segment[: date + 4] + "\n" + chip + segment[date + 4:] if date >= 0 else segment
                text = text[:row] + segment + text[end:]
            return text

        # The rows are in the page's ready-made fragment (see _Planner.ready_made).
        fragments = {token: marked(html) for token, html in page.fragments.items()}
        self.pages[-1] = dataclasses.replace(page, markdown=marked(markdown), fragments=fragments)

    def plan_note(self, statement: Statement, version: Version | None, *, path: str, original: str, kind: str) -> None:
        """A page in place of a missing translation: what is missing, in the reader's language, and the original."""
        language = self.options.language
        default = self.default_language
        view = self.views[statement.id]
        title = (view.texts or statement).title
        link = _relative(self.options.prefix + path, original, directory_urls=self.options.directory_urls)
        markdown = _render(
            language, "translation_missing.md", kind=kind, version=version, title=title,
            language_name=language_name(language, language), original_name=language_name(default, language),
            original=link, original_language=default,
        )
        meta: dict[str, Any] = {"statement": {"id": statement.id, "kind": kind if kind != "first" else "changes", "translation": "missing"}}
        if version is not None:
            meta["statement"]["effective"] = version.key
        self.notes.add(path)
        self.add_page(path, title, markdown, search={"exclude": True}, hide=["toc"], **meta)


def _relative(from_src: str, to_src: str, *, directory_urls: bool) -> str:
    base = page_url(from_src, directory_urls=directory_urls)
    target = page_url(to_src, directory_urls=directory_urls)
    folder = base if base.endswith("/") or base == "" else posixpath.dirname(base)
    relative = posixpath.relpath(target or ".", folder or ".")
    return relative.rstrip("/") + "/" if target.endswith("/") or target == "" else relative


def sitemap_path(page_path: str, *, directory_urls: bool = True) -> str:
    """The ``sitemap.xml`` in the folder of a page's address.

    Material's script fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page (it
    looks for the same page in another language there); each page's alternates are pages, so each
    page's folder has one, listing the page and its alternates.
    """
    url = page_url(page_path, directory_urls=directory_urls)
    folder = url if url.endswith("/") or url == "" else posixpath.dirname(url) + "/"
    return f"{folder}sitemap.xml"


_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML = "http://www.w3.org/1999/xhtml"


def _page_sitemap(path: str, alternates: Sequence[Alternate], options: PlanOptions, default: str) -> str:
    """A sitemap of one page with its translations (``xhtml:link hreflang``), as search engines read them.

    Absolute addresses need ``site_url``; without it the sitemap is empty, as the statements' are.
    """
    ET.register_namespace("", _SITEMAP)
    ET.register_namespace("xhtml", _XHTML)
    urlset = ET.Element(f"{{{_SITEMAP}}}urlset")
    base = (options.site_url or "").rstrip("/")
    if base:
        def url(src: str) -> str:
            return f"{base}/{page_url(src, directory_urls=options.directory_urls)}"

        entry = ET.SubElement(urlset, f"{{{_SITEMAP}}}url")
        ET.SubElement(entry, f"{{{_SITEMAP}}}loc").text = url(path)
        for alternate in alternates:
            if alternate.translated:
                ET.SubElement(entry, f"{{{_XHTML}}}link", rel="alternate", hreflang=alternate.language, href=url(alternate.path))
        default_page = next((a for a in alternates if a.language == default), None)
        if default_page is not None:
            ET.SubElement(entry, f"{{{_XHTML}}}link", rel="alternate", hreflang="x-default", href=url(default_page.path))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"


def _language_feeds(
    plan: SitePlan, views: Sequence[LanguageView], options: PlanOptions, classify: Callable | None,
    original_language: str,
) -> list[Asset]:
    """versions.json (every version, with its translation status), the Atom feeds (translated versions) and sitemaps.

    A feed entry whose summary is the original's (``LanguageView.borrowed``) says it is in ``original_language``.
    """
    assets: list[Asset] = []
    base_id = (options.site_url or "").rstrip("/") or "tag:statements,2000-01-01:site"

    def original_verdict(view: LanguageView) -> Callable | None:
        if classify is None:
            return None

        def verdict(statement: Statement, version: Version) -> Any:
            original = view.original.version(version.key)
            return classify(view.original, original) if original is not None and view.original.previous(original) else None

        return verdict

    def borrowed_language(view: LanguageView) -> Callable[[Version], str | None]:
        # A summary in the original's words is in the original's language.
        return lambda version: original_language if version.key in view.borrowed else None

    for view in views:
        statement_id = view.original.id
        document = feeds.versions_document(view.statement, options, classify=original_verdict(view))
        document["language"] = view.language
        document["title"] = (view.texts or view.statement).title
        for entry in document["versions"]:
            entry["translation"] = view.status[entry["effective"]]
            if entry["translation"] == "missing":  # no text in this language: nothing to hash or cite
                entry.update(sha256=None, commit=None, revisions=[])
                entry["urls"]["source"] = None
        assets.append(Asset(feeds.versions_json_path(statement_id), dump_json(document)))
        title = (view.texts or view.statement).title
        shown = view.texts or Statement(id=statement_id, path=view.statement.path, versions=())
        assets.append(Asset(
            feeds.feed_path(statement_id),
            feeds.atom_feed(
                [shown], options, title=gettext("%(title)s: versions", view.language) % {"title": title},
                self_path=feeds.feed_path(statement_id),
                feed_id=f"{base_id}/{options.prefix}{statement_id}/", classify=original_verdict(view),
                summary_language=borrowed_language(view),
            ),
        ))
        assets.append(Asset(feeds.sitemap_path(statement_id), feeds.statement_sitemap(statement_id, plan.pages, options)))
    texts = [view.texts for view in views if view.texts is not None]
    by_id = {view.original.id: view for view in views}
    assets.append(Asset(
        feeds.site_feed_path(),
        feeds.atom_feed(
            texts, options,
            title=gettext("%(site)s: all statement versions", options.language)
            % {"site": options.site_name or gettext("Statements", options.language)},
            self_path=feeds.site_feed_path(), feed_id=f"{base_id}/{options.prefix}", limit=options.feed_entries,
            summary_language=lambda version: borrowed_language(by_id[version.statement_id])(version) if version.statement_id in by_id else None,
        ),
    ))
    return assets


def plan_languages(
    default_plan: SitePlan, translations: Sequence[StatementTranslations], languages: SiteLanguages,
    options: PlanOptions, *, classify: Callable | None = None, diff: Any = None,
    diff_bodies: Callable[[str, str], Any] | None = None, derived: Any = None,
) -> SitePlan:
    """``default_plan`` with the pages of every other language of ``languages`` added under its prefix.

    Each page of every language knows its alternates; each page's folder gets the ``sitemap.xml``
    Material's script looks for beside them.
    """
    by_id = {entry.statement.id: entry for entry in translations}
    pages: list[Page] = list(default_plan.pages)
    assets: list[Asset] = list(default_plan.assets)
    banners = list(default_plan.banners)
    navs: dict[str, tuple[Any, ...]] = {}
    page_languages: dict[str, str] = {}
    translated: dict[tuple[str, str], bool] = {}  # (language, unprefixed path) -> the page is in that language
    stale: set[tuple[str, str]] = set()  # (language, unprefixed path) of pages of a stale translation
    public_classify = classify if options.public_assessment else None
    titles: dict[tuple[str, str], str] = {}
    for language in languages.others:
        prefix = languages.prefix(language)
        local = dataclasses.replace(options, language=language, prefix=prefix)
        views: dict[str, LanguageView] = {}
        for statement in default_plan.statements:
            entry = by_id.get(statement.id)
            views[statement.id] = language_view(
                statement, entry.get(language) if entry is not None else None, language, options.as_of,
            )
            titles[(language, statement.id)] = (views[statement.id].texts or views[statement.id].statement).title
        planner = _LanguagePlanner(
            views, languages.default, [view.statement for view in views.values()], local, classify, diff, diff_bodies, derived,
        )
        plan = planner.plan()
        for asset in list(plan.assets) + _language_feeds(plan, list(views.values()), local, public_classify, languages.default):
            assets.append(Asset(prefix + asset.path, asset.content))
        for page in plan.pages:
            pages.append(dataclasses.replace(page, path=prefix + page.path))
            page_languages[prefix + page.path] = language
            translated[(language, page.path)] = page.path not in planner.notes
            if page.path in planner.stale:
                stale.add((language, page.path))
        banners.extend(dataclasses.replace(banner, link=prefix + banner.link, language=language) for banner in plan.banners)
        navs[language] = tuple(_prefixed_nav(section, prefix) for section in plan.nav)
    alternates: dict[str, tuple[Alternate, ...]] = {}
    for page in default_plan.pages:
        same = [Alternate(languages.default, page.path, True)]
        same += [
            Alternate(language, languages.prefix(language) + page.path, translated[(language, page.path)],
                      (language, page.path) in stale)
            for language in languages.others if (language, page.path) in translated
        ]
        for alternate in same:
            alternates[alternate.path] = tuple(same)
    existing = {asset.path for asset in assets}
    for path, same in alternates.items():
        target = sitemap_path(path, directory_urls=options.directory_urls)
        if target != "sitemap.xml" and target not in existing:  # MkDocs writes the site's own
            existing.add(target)
            assets.append(Asset(target, _page_sitemap(path, same, options, languages.default)))
    for language in languages.others:  # beside each language's site-wide feed
        target = f"{languages.prefix(language)}sitemap.xml"
        if target not in existing:
            existing.add(target)
            assets.append(Asset(target, _page_sitemap(f"{languages.prefix(language)}index.md", (), options, languages.default)))
    return dataclasses.replace(
        default_plan, pages=tuple(pages), assets=tuple(assets), banners=tuple(banners),
        alternates=alternates, page_languages=page_languages, navs=navs, titles=titles,
    )


def _prefixed_nav(item: Any, prefix: str) -> Any:
    if isinstance(item, dict):
        return {key: _prefixed_nav(value, prefix) for key, value in item.items()}
    if isinstance(item, list):
        return [_prefixed_nav(value, prefix) for value in item]
    return prefix + item if isinstance(item, str) else item
