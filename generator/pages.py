"""The site plan: which pages and files exist, and what they contain.

No MkDocs import here: the plan is plain data (Markdown pages with front-matter and raw files),
so the MkDocs plugin can add it to a build and ``statement export`` can write it out for other
generators. Addresses (DESIGN.md, "Site plan"):

======================================  =============================================
``<id>/``                               the version in force
``<id>/<effective>/``                   each version, exact text
``<id>/<effective>/changes/``           redline against the previous version
``<id>/history/``                       every version, with a timeline
``<id>/compare/``                       any two versions (in the browser)
``<id>/feed.xml``, ``<id>/versions.json``  Atom feed, machine-readable index
======================================  =============================================
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping, Sequence

import jinja2
import yaml
from markupsafe import Markup

from . import feeds, i18n
from .addresses import (
    Asset, changes_path, compare_path, dump_json, history_path, page_url, relative_url, source_path,
    statement_path, version_path,
)
from .compare import compare_data_path, version_choices
from .derived import Derived
from .escape import markdown_text, plain, safe_url
from .guard import guard_markdown
from .material.wording import finding_text
from .redline_words import REDLINE_MESSAGES, localize_redline
from .links import LinkContext, rebase_html, rebase_markdown
from .model import Statement, Version
from .precompiled import PrecompiledLoader
from .timeline import TimelinePoint, timeline_svg

__all__ = [
    "Page", "Asset", "SitePlan", "PlanOptions", "plan_site", "page_url", "relative_url",
    "version_path", "changes_path", "history_path", "statement_path", "compare_path",
    "Banner", "banner_for",
]


# --- plan ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A generated Markdown page: its source path, title, meta and Markdown body."""

    path: str
    title: str
    markdown: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: placeholder comment -> HTML that replaces it after Markdown conversion
    fragments: Mapping[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        """The page as a self-contained Markdown file with YAML front-matter (fragments inline)."""
        return self.fill(self.template)

    @property
    def template(self) -> str:
        """The page as a Markdown file whose fragments are still placeholders."""
        front = yaml.safe_dump(dict(self.meta), sort_keys=False, allow_unicode=True, default_flow_style=False)
        return f"---\n{front}---\n\n{self.markdown}"

    def fill(self, text: str) -> str:
        """Put the fragments in place of their placeholders in ``text`` (Markdown or HTML).

        Newest first: a fragment (a version's footer) may hold placeholders of older ones (the
        redlines of its corrections).
        """
        for token, html in reversed(self.fragments.items()):
            text = text.replace(token, html, 1)
        return text


@dataclass(frozen=True)
class Banner:
    """The site-wide announcement for a published material version."""

    statement_id: str
    version: Version
    kind: str  # "upcoming" | "changed"
    text: str
    link: str  # source path of the changes page
    #: the language of the pages that show it ("" or the default language: today's pages)
    language: str = ""
    link_text: str = "See what changed"  # the words of the link, in the banner's language


@dataclass(frozen=True)
class SitePlan:
    """Everything the statements add to a site."""

    pages: tuple[Page, ...]
    assets: tuple[Asset, ...]
    nav: tuple[Any, ...]
    banners: tuple[Banner, ...]
    statements: tuple[Statement, ...]
    as_of: dt.date
    #: source path of every page in the site's languages -> the same page in each language
    #: (``generator.localized.Alternate``); empty for a site of one language
    alternates: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    #: source path of every page of a language other than the default -> that language
    page_languages: Mapping[str, str] = field(default_factory=dict)
    #: the navigation of each language other than the default (``nav`` is the default language's)
    navs: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    #: (language, statement id) -> the statement's title in that language, for the other languages
    titles: Mapping[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanOptions:
    """Inputs of the plan besides the statements."""

    as_of: dt.date
    site_url: str = ""
    site_name: str = ""
    directory_urls: bool = True
    home: bool = True
    banner_days: int = 30
    feed_entries: int = 50
    markdown_extensions: Sequence[Any] = ()
    markdown_configs: Mapping[str, Any] = field(default_factory=dict)
    #: show the generator's own verdict on public pages and feeds (else only what versions declare)
    public_assessment: bool = False
    #: the language of everything the generator writes on the pages (generator/i18n.py)
    language: str = i18n.DEFAULT
    #: the folder of the language's pages: "" for the default language, "de/" for German
    #: (the planner plans paths without it; :mod:`.localized` moves the pages there)
    prefix: str = ""


#: A classifier gives a version's verdict against its predecessor (see material.py), or None.
Classifier = Callable[[Statement, Version], Any]


@lru_cache(maxsize=None)
def _templates(language: str = i18n.DEFAULT) -> jinja2.Environment:
    """The page templates, speaking ``language`` (one environment per language, made once)."""
    env = jinja2.Environment(
        # templates/pages/, from their compiled modules where those are current (see precompiled.py)
        loader=PrecompiledLoader(),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # Every value is plain text on one line (a blank line would end the raw HTML block it stands
        # in, and Markdown would read the rest); ready-made HTML comes as Markup and stays as it is.
        finalize=_one_line,
    )
    i18n.install(env, language)
    # Values put into a translated sentence are plain text on one line too, as any other value.
    catalogue = i18n.translations(language)
    env.globals["gettext"] = env.globals["_"] = _plain_gettext(catalogue.gettext)  # (no alias that looks gettext up)
    env.globals["ngettext"] = _plain_ngettext(catalogue.ngettext)
    env.filters["md"] = markdown_text  # text in a Markdown line (a heading): no character of it is Markdown
    env.globals["time"] = lambda key, day: Markup('<time datetime="{}">{}</time>').format(key, i18n.format_date(day, language))
    env.globals["section_links"] = _section_links
    env.globals["finding_message"] = lambda finding: finding_text(finding.message, language)
    return env


def _section_links(titles: Sequence[str], anchors: Mapping[str, str]) -> Markup:
    """The touched sections, each a link into the redline where its heading has an anchor."""
    return Markup(", ").join(
        Markup('<a href="#{}">{}</a>').format(plain(anchors[title]), plain(title)) if anchors.get(title) else Markup.escape(plain(title))
        for title in titles
    )


def _one_line(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        # Most values are printable text on one line already (no control character, no whitespace
        # but single spaces between words): plain() would give them back unchanged.
        if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
            return value
        return plain(value)
    return value


# Jinja's new-style gettext and ngettext (jinja2.ext._make_new_gettext: every message a format
# string, escaped in an autoescaping template) with each value made plain text on one line first.
# Written out rather than wrapped around Jinja's: a sentence went through four context.call
# levels, which was a third of rendering the page templates.
def _plain_gettext(translate: Callable[[str], str]) -> Callable[..., Any]:
    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, **variables: Any) -> Any:
        text = translate(message)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % {key: _one_line(value) for key, value in variables.items()}

    return gettext


def _plain_ngettext(translate: Callable[[str, str, int], str]) -> Callable[..., Any]:
    @jinja2.pass_context
    def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, number: int, **variables: Any) -> Any:
        values = {key: _one_line(value) for key, value in variables.items()}
        values.setdefault("num", number)
        text = translate(singular, plural, number)
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % values

    return ngettext


def _render(language: str, name: str, **context: Any) -> str:
    return _templates(language).get_template(name).render(**context).strip() + "\n"


_H1 = re.compile(r"\A\s*(?:#\s+\S|[^\n]+\n=+\s*\n)")


def _body_has_h1(body: str) -> bool:
    return bool(_H1.match(body))


def _visible(statement: Statement, as_of: dt.date) -> tuple[Version, ...]:
    """Versions the public may see: published on or before ``as_of`` (drafts always shown)."""
    return tuple(v for v in statement.versions if v.published <= as_of or v.is_draft)


class _Planner:
    def __init__(
        self, statements: Sequence[Statement], options: PlanOptions, classify: Classifier | None, diff: Any,
        diff_bodies: Callable[[str, str], Any] | None = None, derived: Derived | None = None,
    ):
        self.options = options
        self.classify = classify
        self.diff = diff
        self.diff_bodies = diff_bodies or (memoised_diff(diff, options) if diff is not None else None)
        #: redlines, change summaries and compare data, computed once (and cached when a store is given)
        self.derived = derived or Derived(diff, self.diff_bodies, markdown=self._md())  # type: ignore[arg-type]
        self._fragments: dict[str, str] = {}
        self._ready_made: set[str] = set()
        self._fragment_count = 0
        self.statements = tuple(statements)
        self.pages: list[Page] = []
        self.assets: list[Asset] = []
        #: (statement id, version key) -> the diff stats of the version against its predecessor
        self.change_stats: dict[tuple[str, str], Any] = {}
        #: the corrections of the version the statement's own address shows, as its version page made them
        self._shown_corrections: dict[tuple[str, str], list[tuple[Any, str, Any]]] = {}

    # helpers
    def original_wording(self, version: Version) -> Mapping[str, str] | None:
        """Where ``version``'s summary is in another language than the page's: that language (``lang``,
        ``name``); ``None`` here, where every summary is the page's own (see :mod:`.localized`)."""
        return None

    def gettext(self, message: str) -> str:
        """``message`` in the plan's language."""
        return i18n.gettext(message, self.options.language)

    def words(self, redline: str) -> str:
        """A redline of the engine with its own words (announcements, notes) in the plan's language."""
        return localize_redline(redline, self.options.language)

    def date(self, day: dt.date) -> str:
        """``day`` as the plan's language writes it."""
        return i18n.format_date(day, self.options.language)

    def link(self, from_src: str, to: str, *, to_page: bool = True) -> str:
        return relative_url(from_src, to, directory_urls=self.options.directory_urls, to_page=to_page)

    def fragment(self, html: str, *, ready_made: bool = False) -> Markup:
        """A placeholder for ready-made HTML (a redline) in the page's Markdown.

        Markdown never parses the redline: the MkDocs adapter puts it in after conversion, and
        an export writes it inline. Parsing large raw HTML is most of a Markdown run's time.
        """
        token = f"<!-- statements-fragment:{self._fragment_count} -->"
        self._fragment_count += 1
        self._fragments[token] = html
        if ready_made:  # the generator's own HTML (a header): its links need no rebasing
            self._ready_made.add(token)
        return Markup(token)

    def ready_made(self, html: str) -> Markup:
        """A page template's own block of raw HTML (the history's table, the compare page's picker) as a fragment.

        Python-Markdown passes a raw HTML block through as it is, after parsing all of it: the
        history of 1,000 versions is 2.7 MB of it, converted again whenever a version is added.
        As a fragment the page's Markdown is the same from one version to the next (so its
        conversion is kept), and the HTML is put in after conversion, the same bytes.
        """
        return self.fragment(str(html).strip("\n"), ready_made=True)

    def links(self, statement_id: str) -> LinkContext:
        """How relative links in a statement's text are kept working on each page that shows it."""
        return LinkContext(
            statement_id, {s.id for s in self.statements},
            lambda src: page_url(src, directory_urls=self.options.directory_urls),
        )

    def add_page(self, path: str, title: str, markdown: str, **meta: Any) -> None:
        meta = {"title": title, **meta}
        # Every fragment made since the last page belongs to this one, nested ones included.
        fragments = dict(self._fragments)
        statement_id = meta.get("statement", {}).get("id")
        if statement_id:  # redlines carry the statement's own links; headers and footers are ours
            context = self.links(statement_id)
            fragments = {
                token: html if token in self._ready_made else rebase_html(html, self.options.prefix + path, context)
                for token, html in fragments.items()
            }
        self._fragments.clear()
        self._ready_made.clear()
        # Numbered per page: a page's Markdown must not change because another page was added
        # (the build cache keeps each page's conversion by its Markdown).
        self._fragment_count = 0
        self.pages.append(Page(path=path, title=title, markdown=markdown, meta=meta, fragments=fragments))

    # pages
    def plan(self) -> SitePlan:
        nav: list[Any] = []
        banners: list[Banner] = []
        as_of = self.options.as_of
        visible_statements = []
        for statement in self.statements:
            versions = _visible(statement, as_of)
            if not versions:
                continue
            view = Statement(id=statement.id, path=statement.path, versions=versions, warnings=statement.warnings)
            visible_statements.append(view)
            self.plan_statement(view)
            nav.append(
                {
                    view.title: [
                        {self.gettext("In force"): statement_path(view.id)},
                        {self.gettext("History"): history_path(view.id)},
                        {self.gettext("Compare versions"): compare_path(view.id)},
                    ]
                }
            )
            banner = banner_for(view, as_of, banner_days=self.options.banner_days, language=self.options.language)
            if banner:
                banners.append(banner)
        if self.options.home:
            self.plan_home(visible_statements)
        return SitePlan(
            pages=tuple(self.pages), assets=tuple(self.assets), nav=tuple(nav), banners=tuple(banners),
            statements=tuple(visible_statements), as_of=as_of,
        )

    def plan_home(self, statements: Sequence[Statement]) -> None:
        rows = []
        for statement in statements:
            current = statement.current(self.options.as_of)
            upcoming = statement.upcoming(self.options.as_of)
            rows.append(
                {
                    "title": statement.title,
                    "url": self.link("index.md", statement_path(statement.id)),
                    "history": self.link("index.md", history_path(statement.id)),
                    "compare": self.link("index.md", compare_path(statement.id)),
                    "current": current,
                    "upcoming": upcoming[0] if upcoming else None,
                    "upcoming_changes": self.link("index.md", changes_path(upcoming[0])) if upcoming else None,
                    "versions": len(statement.versions),
                }
            )
        self.home_rows = rows
        self.add_page("index.md", self.gettext("Statements"), _render(self.options.language, "home.md", rows=rows), statements_page="home")

    def plan_statement(self, statement: Statement) -> None:
        as_of = self.options.as_of
        current = statement.current(as_of)
        verdicts: dict[str, Any] = {}
        for version in statement.versions:
            # One version at a time: its verdict, pages and redlines share one diff, which can then
            # go (the build keeps only the last few diffs in memory).
            verdicts[version.key] = self.classify(statement, version) if self.classify else None
            self.plan_version(statement, version, current, verdicts[version.key], path=version_path(version))
            self.plan_changes(statement, version, verdicts[version.key])
            self.assets.append(Asset(source_path(version), version.text))
        # The address of the statement itself shows the version in force, or else the first upcoming one.
        shown = current or statement.versions[0]
        self.plan_version(statement, shown, current, verdicts[shown.key], path=statement_path(statement.id))
        self.plan_history(statement, current, verdicts)
        self.plan_compare(statement, current)

    def version_links(self, statement: Statement, version: Version, path: str) -> dict[str, Any]:
        previous = statement.previous(version)
        following = statement.next(version)
        current = statement.current(self.options.as_of)
        upcoming = statement.upcoming(self.options.as_of)
        return {
            "self": self.link(path, version_path(version)),
            "changes": self.link(path, changes_path(version)) if previous else None,
            "history": self.link(path, history_path(statement.id)),
            "statement": self.link(path, statement_path(statement.id)),
            "previous": self.link(path, version_path(previous)) if previous else None,
            "next": self.link(path, version_path(following)) if following else None,
            "current": self.link(path, version_path(current)) if current else None,
            "source": self.link(path, source_path(version), to_page=False),
            "compare": self.link(path, compare_path(statement.id)),
            "compare_previous": (
                self.link(path, compare_path(statement.id)) + f"?from={previous.key}&to={version.key}" if previous else None
            ),
            "next_changes": self.link(path, changes_path(following)) if following else None,
            "upcoming": self.link(path, version_path(upcoming[0])) if upcoming else None,
            "upcoming_changes": self.link(path, changes_path(upcoming[0])) if upcoming and statement.previous(upcoming[0]) else None,
        }

    def plan_version(
        self, statement: Statement, version: Version, current: Version | None, verdict: Any, *, path: str,
    ) -> None:
        as_of = self.options.as_of
        status = "draft" if version.is_draft else version.status(as_of, current)
        following = statement.next(version)
        previous = statement.previous(version)
        links = self.version_links(statement, version, path)
        upcoming = statement.upcoming(as_of)
        is_latest_address = path == statement_path(statement.id)
        # The quiet "updated" line: on the statement's own address, for banner_days after a change.
        recently_updated = (
            is_latest_address and status == "in-force" and previous is not None
            and 0 <= (as_of - version.effective).days <= self.options.banner_days
        )
        # Header and footer are ready-made HTML: fragments, so that Markdown parses only the text.
        header = self.fragment(ready_made=True, html=_render(
            self.options.language, "version_header.html",
            statement=statement, version=version, status=status, links=links,
            previous=previous, following=following, current=current, verdict=verdict, as_of=as_of,
            upcoming=upcoming[0] if upcoming else None, is_latest_address=is_latest_address,
            permalink=self.absolute(version_path(version)), recently_updated=recently_updated,
            messages=i18n.script_messages(self.options.language, i18n.PAGE_SCRIPT_MESSAGES),
        ))
        corrections = [
            {"revision": revision, "redline": self.fragment(redline), "stats": stats}
            for revision, redline, stats in self.correction_redlines(statement, version)
        ]
        footer = self.fragment(ready_made=True, html=_render(
            self.options.language, "version_footer.html", version=version, corrections=corrections, links=links,
            permalink=self.absolute(version_path(version)),
        ))
        title_md = "" if _body_has_h1(version.body) else f"# {markdown_text(version.title)}\n\n"
        # the guard makes paragraphs that Python-Markdown would take minutes over harmless (history warned)
        body = rebase_markdown(guard_markdown(version.body)[0].rstrip(), self.options.prefix + path, self.links(statement.id))
        markdown = f"{title_md}{header}\n\n{body}\n\n{footer}\n"
        meta: dict[str, Any] = {
            "statement": {"id": statement.id, "effective": version.key, "status": status, "kind": "version"},
        }
        # Only the address of the statement itself is searchable, so search finds each text once.
        if not (path == statement_path(statement.id)):
            meta["search"] = {"exclude": True}
        self.add_page(path, version.title, markdown, **meta)

    def correction_redlines(self, statement: Statement, version: Version) -> list[tuple[Any, str, Any]]:
        """Each correction of ``version`` with its redline (changed passages) and stats.

        The version in force is shown twice, at its own address and at the statement's: its
        corrections (a version corrected twenty times has twenty) are redlined once.
        """
        key = (statement.id, version.key)
        found = self._shown_corrections.pop(key, None)
        if found is not None:
            return found
        found = []
        if version.corrections and self.diff is not None:
            before = version.revisions[version.published_count - 1]
            for revision in version.corrections:
                redline = self.words(self.derived.redline(before.body, revision.body, context=False))
                stats = self.derived.summary(before.body, revision.body).stats
                found.append((revision, redline, stats))
                before = revision
        current = statement.current(self.options.as_of)
        if version.key == (current or statement.versions[0]).key:
            self._shown_corrections[key] = found
        return found

    def plan_changes(self, statement: Statement, version: Version, verdict: Any) -> None:
        path = changes_path(version)
        previous = statement.previous(version)
        links = self.version_links(statement, version, path)
        if previous is None:
            diff = None
            redline = side = None
        else:
            diff = self.derived.summary(previous.body, version.body) if self.diff else None
            redline = self.fragment(self.words(self.derived.redline(previous.body, version.body, context=True))) if diff is not None else None
            side = self.fragment(self.words(self.derived.side_by_side(previous.body, version.body))) if diff is not None else None
            if diff is not None:
                self.change_stats[(statement.id, version.key)] = diff.stats
        markdown = _render(
            self.options.language, "changes.md", statement=statement, version=version, previous=previous, diff=diff,
            redline=redline, side_by_side=side, links=links, verdict=verdict,
            public_assessment=self.options.public_assessment, original_wording=self.original_wording,
            previous_link=self.link(path, version_path(previous)) if previous else None,
        )
        self.add_page(
            path, self.gettext("What changed on %(date)s") % {"date": self.date(version.effective)}, markdown,
            statement={"id": statement.id, "effective": version.key, "kind": "changes"},
            search={"exclude": True},
            hide=["toc"],
        )

    def plan_history(self, statement: Statement, current: Version | None, verdicts: Mapping[str, Any]) -> None:
        path = history_path(statement.id)
        as_of = self.options.as_of
        rows = []
        for version in reversed(statement.versions):
            previous = statement.previous(version)
            rows.append(
                {
                    "version": version,
                    "status": "draft" if version.is_draft else version.status(as_of, current),
                    "url": self.link(path, version_path(version)),
                    "changes": self.link(path, changes_path(version)) if previous else None,
                    "verdict": verdicts.get(version.key),
                    "previous_key": previous.key if previous else None,
                    "source": self.link(path, source_path(version), to_page=False),
                }
            )
        points = [
            TimelinePoint(
                key=row["version"].key, effective=row["version"].effective, url=row["url"], status=row["status"],
                material=row["version"].material, first=row["changes"] is None,
                words_added=self.change_stats.get((statement.id, row["version"].key), {}).get("words_added"),
                words_removed=self.change_stats.get((statement.id, row["version"].key), {}).get("words_removed"),
            )
            for row in rows
        ]
        for row, point in zip(rows, points):
            row["words_added"], row["words_removed"] = point.words_added, point.words_removed
        title = self.gettext("Timeline of the %(title)s") % {"title": plain(statement.title)}
        timeline = {
            orientation: Markup(
                timeline_svg(
                    points, as_of=as_of, title=title, id_prefix=f"timeline-{statement.id}-{orientation}", orientation=orientation,
                    language=self.options.language,
                )
            )
            for orientation in ("horizontal", "vertical")
        }
        markdown = _render(
            self.options.language, "history.md", statement=statement, rows=rows, timeline=timeline,
            compare=self.link(path, compare_path(statement.id)), public_assessment=self.options.public_assessment,
            original_wording=self.original_wording, ready_made=self.ready_made,
        )
        self.add_page(
            path, self.gettext("%(title)s: history") % {"title": statement.title}, markdown,
            statement={"id": statement.id, "kind": "history"},
            hide=["toc"],
        )

    def plan_compare(self, statement: Statement, current: Version | None, statuses: Mapping[str, str] | None = None) -> None:
        """The compare page, and each version's blocks for the browser's diff engine.

        ``statuses`` (version key -> status) are given where ``current`` is not the version in force:
        a translation compares only its translated versions, and the one in force may be missing.
        """
        path = compare_path(statement.id)
        as_of = self.options.as_of
        if statuses is None:
            statuses = {v.key: "draft" if v.is_draft else v.status(as_of, current) for v in statement.versions}
        for version in statement.versions:
            self.assets.append(Asset(compare_data_path(version), self.derived.compare_data(version)))
        choices = version_choices(statement, dict(statuses), language=self.options.language)
        for choice in choices:
            version = statement.version(choice["value"])
            assert version is not None
            choice["data"] = self.link(path, compare_data_path(version), to_page=False)
            choice["url"] = self.link(path, version_path(version))
            choice["changes"] = self.link(path, changes_path(version)) if statement.previous(version) else None
        shown = current or statement.versions[-1]
        earlier = statement.previous(shown)
        defaults = {"from": (earlier or shown).key, "to": shown.key}
        markdown = _render(
            self.options.language, "compare.md", statement=statement, choices=choices, defaults=defaults,
            messages=i18n.script_messages(self.options.language, i18n.SCRIPT_MESSAGES + REDLINE_MESSAGES),
            ready_made=self.ready_made,
        )
        self.add_page(
            path, self.gettext("Compare versions of the %(title)s") % {"title": statement.title}, markdown,
            statement={"id": statement.id, "kind": "compare"},
            search={"exclude": True},
            hide=["toc"],
        )

    def absolute(self, src_path: str) -> str:
        """The address of a page as readers see it: absolute with ``site_url``, else from the site root."""
        url = page_url(self.options.prefix + src_path, directory_urls=self.options.directory_urls)
        base = (self.options.site_url or "").rstrip("/")
        return safe_url(f"{base}/{url}" if base else f"/{url}")

    def _md(self) -> dict[str, Any]:
        return {
            "extensions": list(self.options.markdown_extensions) or None,
            "extension_configs": dict(self.options.markdown_configs) or None,
        }


def memoised_diff(engine: Any, options: PlanOptions) -> Callable[[str, str], Any]:
    """``diff(old_body, new_body)`` with the site's Markdown extensions, computed once per pair.

    A build hands the same function to the planner (changes pages, corrections) and to the
    material-change classifier (verdicts, feeds), so each pair of versions is diffed once.
    """
    markdown = {
        "extensions": list(options.markdown_extensions) or None,
        "extension_configs": dict(options.markdown_configs) or None,
    }

    @lru_cache(maxsize=8)  # a pair's uses come together (see _Planner.plan_statement); diffs are large
    def diff_bodies(old: str, new: str) -> Any:
        return engine.diff_markdown(old, new, **markdown)

    return diff_bodies


def banner_for(statement: Statement, as_of: dt.date, *, banner_days: int, language: str = i18n.DEFAULT) -> Banner | None:
    """The site-wide banner a statement needs on ``as_of``, in ``language``: a material version upcoming or just in force.

    Of several upcoming material versions the banner names the next to take effect, the one the
    version pages' notice names too; its changes page leads on to the later ones.
    """
    announced = [v for v in statement.versions if v.material and not v.is_draft and v.published <= as_of]
    upcoming = [v for v in announced if v.effective > as_of]
    if upcoming:
        version = min(upcoming, key=lambda v: v.effective)
        text = i18n.gettext("Our %(title)s changes on %(date)s.", language) % {
            "title": statement.title, "date": i18n.format_date(version.effective, language),
        }
        return Banner(statement.id, version, "upcoming", text, changes_path(version), link_text=i18n.gettext("See what changed", language))
    for version in reversed(announced):
        if (as_of - version.effective).days <= banner_days:
            text = i18n.gettext("Our %(title)s changed on %(date)s.", language) % {
                "title": statement.title, "date": i18n.format_date(version.effective, language),
            }
            return Banner(statement.id, version, "changed", text, changes_path(version), link_text=i18n.gettext("See what changed", language))
        break
    return None


def plan_site(
    statements: Iterable[Statement], options: PlanOptions, *, classify: Classifier | None = None, diff: Any = None,
    diff_bodies: Callable[[str, str], Any] | None = None, derived: Derived | None = None,
    translations: Sequence[Any] = (), languages: Any = None,
) -> SitePlan:
    """Plan every page and file for ``statements`` as of ``options.as_of``.

    ``diff`` is the diff engine module (``generator.diff``), passed in so that the plan stays
    testable without it; ``classify`` gives a version's material-change verdict. With
    ``languages`` (:class:`generator.translations.SiteLanguages`) of more than one language and
    the statements' ``translations``, every other language gets the same pages under its prefix
    (:mod:`.localized`).
    """
    statements = list(statements)
    if languages is not None and languages.several:
        from .localized import plan_languages

        default = dataclasses.replace(options, language=languages.default, prefix="")
        return plan_languages(
            plan_site(statements, default, classify=classify, diff=diff, diff_bodies=diff_bodies, derived=derived),
            translations, languages, default, classify=classify, diff=diff, diff_bodies=diff_bodies, derived=derived,
        )
    planner = _Planner(list(statements), options, classify, diff, diff_bodies, derived)
    plan = planner.plan()
    # Feeds and versions.json carry the generator's verdict only where the site publishes it.
    public_classify = classify if options.public_assessment else None
    assets = list(plan.assets) + list(feeds.feed_assets(plan, options, classify=public_classify))
    return SitePlan(
        pages=plan.pages, assets=tuple(assets), nav=plan.nav, banners=plan.banners,
        statements=plan.statements, as_of=plan.as_of,
    )
