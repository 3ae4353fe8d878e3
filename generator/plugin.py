"""The MkDocs adapter: ``plugins: - statements``. Hooks only; the work is done by plain modules."""

from __future__ import annotations

import copy
import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .addresses import page_url
from .cache import DEFAULT_FOLDER, Store
from .config import StatementsConfig, load_options
from .errors import ConfigError
from .escape import html_text
from .project import read_project_statements, read_project_translations
from .translations import SiteLanguages

if TYPE_CHECKING:
    from .pages import SitePlan
    from .rendered import PageCache

__all__ = ["StatementsPlugin", "RUNTIME_OVERRIDES", "in_ci"]

log = logging.getLogger("mkdocs.plugins.statements")

PACKAGE_DIR = Path(__file__).parent
THEME_DIR = PACKAGE_DIR / "templates" / "theme"
ASSETS_DIR = PACKAGE_DIR / "assets"
ASSET_URI = "assets/statements"

#: Options the ``statement`` command sets for a build or serve (e.g. ``--as-of``); they win over mkdocs.yml.
RUNTIME_OVERRIDES: dict[str, Any] = {}


class StatementsPlugin(BasePlugin[StatementsConfig]):
    """Adds every version of every statement, their redlines, history, feeds and banners to the site."""

    supports_multiple_instances = False
    #: Put pages together from rendered chunks where that is exact (see rendered.prerendered);
    #: False converts every page with MkDocs (the tests compare the two).
    prerender = True

    def __init__(self) -> None:
        self.ci_committed_only = False
        self.plan: SitePlan | None = None
        self.store: Store = Store(None)
        self.converted: PageCache | None = None
        self._pages: dict[str, Any] = {}
        self.as_of: dt.date = dt.date.today()
        #: True under ``mkdocs serve``/``statement serve``: the preview shows lint panels, a build never does
        self.serving = False
        self._lint_panels: dict[str, str] = {}
        self.languages = SiteLanguages("en")
        self._search: Any = None  # Material's search plugin, on a site of several languages

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        if command == "build":
            _spare_the_collector_at_exit()

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None):
        # The same validation as the commands that do not build (unknown options are errors).
        self.config, errors, warnings = load_options(options, config_file_path)
        return errors, warnings

    # --- configuration ---------------------------------------------------------------------

    @event_priority(100)  # before Material's search reads theme.language and fills in its defaults
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for key, value in RUNTIME_OVERRIDES.items():
            self.config[key] = value
        # A CI build publishes: text nobody committed must never reach the public site from there.
        self.ci_committed_only = in_ci() and not self.config.committed_only
        if self.ci_committed_only:
            self.config.committed_only = True
        self.as_of = self.config.as_of or dt.date.today()
        _require_material(config)
        from .translations import site_languages

        self.languages = site_languages(config, self.config)
        if self.config.languages:
            # Material writes its own words and <html lang> in theme.language: the default language's.
            config.theme["language"] = self.languages.default
        self._search = _search_plugin(config) if self.languages.several else None
        if self._search is not None:
            from .search import UserSearchOptions

            # What mkdocs.yml says, before the search plugin fills in the default language's defaults.
            options = self._search.config
            self._search_options = UserSearchOptions(
                tuple(options.lang) if options.lang else None, options.separator,
                tuple(options.pipeline) if options.pipeline is not None else None,
            )
        from .search import KeptEntries, skip_excluded_pages

        # The search entries of indexed pages are kept in the build's cache (opened in on_files).
        skip_excluded_pages(config.plugins.events, config.plugins._event_origins, KeptEntries(lambda: self.store))
        # Our templates come after the user's custom_dir (overrides win) and before the theme's.
        dirs = config.theme.dirs
        position = 1 if config.theme.custom_dir else 0
        if str(THEME_DIR) not in dirs:
            dirs.insert(position, str(THEME_DIR))
        for css in ("statements.css",):
            uri = f"{ASSET_URI}/{css}"
            if uri not in config.extra_css:
                config.extra_css.append(uri)
        scripts = [str(s) for s in config.extra_javascript]
        for js in ("statements.js",):
            uri = f"{ASSET_URI}/{js}"
            if uri not in scripts:
                config.extra_javascript.append(uri)
        return config

    # --- content ---------------------------------------------------------------------------

    @event_priority(50)  # before search and other plugins see the files
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path or ".").resolve().parent
        statements = read_project_statements(root, self.config)
        # Read even for one language: a translation file the site cannot place is an error, not ignored.
        translations = read_project_translations(root, config, self.config, statements)
        has_home = files.get_file_from_path("index.md") is not None
        self.store = cache_store(config, self.config)
        self.plan = make_plan(
            statements, config, self.config, as_of=self.as_of, home=self.config.home and not has_home, store=self.store,
            translations=translations, languages=self.languages,
        )
        from .rendered import PageCache, page_salt, prerendered, pure_extensions

        # A version's page is put together from the chunks its redlines rendered, not converted again.
        prerender = (
            (lambda markdown, page, files: prerendered(markdown, page.file, files, config))
            if self.prerender and pure_extensions(config) else None
        )
        self.converted = PageCache(self.store, page_salt(config), prerender)
        self._pages = {page.path: page for page in self.plan.pages}
        for page in self.plan.pages:
            # The Markdown alone: the page's meta is handed over in on_page_markdown, not written
            # as YAML for MkDocs to parse back.
            self._add(files, config, page.path, page.markdown)
        for asset in self.plan.assets:
            self._add(files, config, asset.path, asset.content, static=True)
        for name in sorted(os.listdir(ASSETS_DIR)):
            self._add(files, config, f"{ASSET_URI}/{name}", (ASSETS_DIR / name).read_bytes(), static=True)
        self._generated_nav = bool(self.config.nav and not config.nav)
        if self._generated_nav:
            config.nav = _nav(self.plan, files)
        self._lint_panels = _lint_panels(self.plan, config, self.config) if self.serving else {}
        return files

    @staticmethod
    def _add(files: Files, config: MkDocsConfig, path: str, content: str | bytes, *, static: bool = False) -> None:
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise ConfigError(
                f"the docs folder already has '{path}', an address the statements plugin publishes",
                path=Path(config.docs_dir, path), fix="rename or remove that file",
            )
        cls = _StaticFile if static else File
        files.append(cls.generated(config, path, content=content))

    @event_priority(100)  # before other plugins read the page's meta
    def _hand_over_meta(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        planned = self._pages.get(page.file.src_uri)
        if planned is not None:
            page.meta = _copied(dict(planned.meta))
            # Material writes page titles into <title>, the header and the navigation without escaping
            # them (MkDocs' theme templates do not autoescape); ours come from front-matter, so as text.
            if isinstance(page.meta.get("title"), str):
                page.meta["title"] = str(html_text(page.meta["title"]))
        return markdown

    @event_priority(-100)  # after every other plugin: the key is the Markdown as it would be converted
    def _reuse_conversion(self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self._pages and self.converted:
            found = self.converted.lookup(page, markdown, files)
            if not found:  # the HTML is kept or made: MkDocs need not set up a conversion of nothing
                from .rendered import convert_nothing

                convert_nothing(page)
            return found
        return markdown

    on_page_markdown = CombinedEvent(_hand_over_meta, _reuse_conversion)

    @event_priority(100)  # kept HTML and fragments in place before other plugins see the page's HTML
    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        planned = self._pages.get(page.file.src_uri)
        if planned is not None:
            html = self.converted.content(page, html, files) if self.converted else html
            html = planned.fill(html) if planned.fragments else html
        panel = self._lint_panels.get(page.file.src_uri)
        if panel:
            # below the version's facts, above its text
            end = html.find("</nav>\n</div>")
            html = html[: end + 13] + "\n" + panel + html[end + 13 :] if end >= 0 else panel + html
        return html

    @event_priority(50)  # before Material's search writes its index: the other languages' entries leave it
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._search is not None and self.plan is not None:
            _write_language_indexes(self._search, self.plan, config, self._search_options)
        if self.store.enabled:
            log.info(f"statements cache {DEFAULT_FOLDER}/: {self.store.summary()}")
        self.store.close()

    # --- templates -------------------------------------------------------------------------

    @event_priority(-100)  # after every other plugin has added its filters and tests
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        from .theme_cache import keep_compiled_templates

        # The theme's templates, compiled once and kept in the cache, not compiled again every build.
        keep_compiled_templates(env, self.store)
        return env

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Each other language's pages get a navigation of their own, in their language, so that they
        # neither flood the default navigation nor show it in English.
        self._navs = {
            language: _language_nav(self.plan, language, files, nav.homepage) for language in (self.plan.navs if self.plan else {})
        } if getattr(self, "_generated_nav", False) else {}
        return nav

    def on_page_context(self, context: dict[str, Any], *, page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        context["statements"] = self._template_context(page, config)
        language = self.plan.page_languages.get(page.file.src_uri) if self.plan else None
        if language in getattr(self, "_navs", {}):
            context["nav"] = self._navs[language]
        if self.languages.several:
            from .switcher import page_languages

            self._user_alternate = config.extra.get("alternate") if not hasattr(self, "_user_alternate") else self._user_alternate
            languages = page_languages(self.plan, page.file.src_uri, self.languages, config, user=self._user_alternate)
            context["statements"]["language"] = languages.language
            context["statements"]["switcher"] = languages.switcher
            # Material writes <link rel="alternate" hreflang> for each entry of extra.alternate (and
            # its own selector, which partials/alternate.html of our theme folder replaces): the
            # entries are this page's, so each page names its own translations (and keeps the
            # user's entries for languages the site does not have).
            config.extra["alternate"] = languages.hreflang or self._user_alternate
        return context

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str:
        if hasattr(self, "_user_alternate"):  # the next page (or template) starts from the user's own
            config.extra["alternate"] = self._user_alternate
        language = self.plan.page_languages.get(page.file.src_uri) if self.plan and self._search is not None else None
        if language:
            from .search import rebase_page

            # Material's script fetches the search index beside `base`: the page's language's own.
            output = rebase_page(output, language)
        return output

    def _template_context(self, page: Any, config: MkDocsConfig) -> dict[str, Any]:
        plan = self.plan
        meta = page.meta.get("statement") if isinstance(page.meta.get("statement"), dict) else {}
        statement_id = meta.get("id")
        from . import i18n  # only when a page is rendered: the light start does not need it

        # A page of another language shows that language's banners and feeds (under its prefix).
        language = plan.page_languages.get(page.file.src_uri, "") if plan else ""
        prefix = f"{language}/" if language else ""
        words = language or self.languages.default  # the language the page's words are in
        banners = []
        if plan:
            for banner in plan.banners:
                if banner.language != language:
                    continue
                # The prominent banner is site-wide, except on the changes page it links to.
                banners.append(
                    {
                        "kind": banner.kind,
                        "text": banner.text,
                        "link_text": banner.link_text,
                        "label": i18n.gettext("Statement change notice", words),
                        "url": page_url(banner.link, directory_urls=config.use_directory_urls),
                        "statement": banner.statement_id,
                        "summary": banner.version.summary,
                    }
                )
        feeds = []
        if plan:
            for statement in plan.statements:
                if statement_id in (None, statement.id):
                    name = plan.titles.get((language, statement.id), statement.title)
                    title = i18n.gettext("%(title)s: versions", words) % {"title": name}
                    feeds.append({"title": title, "url": f"{prefix}{statement.id}/feed.xml"})
            if len(plan.statements) > 1 or statement_id is None:
                feeds.append({"title": i18n.gettext("All statements", words), "url": f"{prefix}feed.xml"})
        return {"banners": banners, "feeds": feeds, "page": meta, "as_of": self.as_of.isoformat()}

    # --- serve -----------------------------------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path or ".").resolve().parent
        folder = root / self.config.statements_dir
        if folder.is_dir():
            server.watch(str(folder))
        # A commit changes no statement file but turns a draft into a published revision:
        # git appends to logs/HEAD on every commit, checkout and reset.
        head_log = _git_head_log(root)
        if head_log is not None:
            server.watch(str(head_log), recursive=False)
        return server


def _copied(value: Any) -> Any:
    """A deep copy of plain data (what a planned page's meta holds), without ``copy.deepcopy``'s
    bookkeeping, which a rebuild of 300 versions paid 600 times; anything else is deep-copied."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool, dt.date)):
        return value
    return copy.deepcopy(value)


def _require_material(config: MkDocsConfig) -> None:
    """The pages are made for Material's templates and styles: any other theme would look broken."""
    name = config.theme.name
    if name != "material":
        from .history import display_path
        from .project import _key_line

        path = Path(config.config_file_path or "mkdocs.yml")
        line = _key_line(path, "name") or _key_line(path, "theme")
        raise ConfigError(
            f"theme: '{name}' is not supported; the statements plugin needs Material for MkDocs",
            path=display_path(path), line=line,
            fix="set 'theme: {name: material}' in mkdocs.yml (pip install mkdocs-material)",
        )


def _search_plugin(config: MkDocsConfig) -> Any:
    """Material's search plugin when it is enabled (``search`` in mkdocs.yml), else ``None``."""
    for name, plugin in config.plugins.items():
        if name in ("search", "material/search") and getattr(plugin.config, "enabled", True):
            return plugin
    return None


def _write_language_indexes(search: Any, plan: SitePlan, config: MkDocsConfig, user: Any) -> None:
    """Leave the default language's entries in Material's index and write each other language's own."""
    from jinja2 import TemplateNotFound

    from .search import index_json, language_settings, split_entries

    index = getattr(search, "search_index", None)
    if index is None:
        return
    urls = {page_url(path, directory_urls=config.use_directory_urls): language for path, language in plan.page_languages.items()}
    index.entries, others = split_entries(index.entries, urls)
    env = config.theme.get_env()

    def word(language: str, key: str) -> str:
        # As Material's partials/language.html reads them: the language's word, else the English one.
        for code in (language, "en"):
            try:
                value = str(env.get_template(f"partials/languages/{code}.html").module.t(key)).strip()
            except TemplateNotFound:
                continue
            if value:
                return value
        return ""

    offline = any(name in ("offline", "material/offline") and getattr(p.config, "enabled", True) for name, p in config.plugins.items())
    for language, entries in others.items():
        data = index_json(language_settings(word, language, user), search.config.fields, entries)
        folder = Path(config.site_dir, language, "search")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:  # Material's offline plugin inlines the index for pages read from the file system
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


_EXIT_FREEZE: list[bool] = []


def _spare_the_collector_at_exit() -> None:
    """At the exit of a process that built a site, leave its objects to the operating system.

    While the interpreter shuts down, the cyclic garbage collector goes over every object left,
    several times: after a build (the statements' texts, blocks and pages, MkDocs' navigation and
    templates, the modules of both) that took a tenth of a cold build's CPU time. Frozen
    objects (``gc.freeze``) are out of its reach, and the memory is the process's to give back
    at once. Registered once per process, so a process that goes on after a build (tests,
    ``mkdocs serve``) collects as usual until its own exit.
    """
    if not _EXIT_FREEZE:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _EXIT_FREEZE.append(True)


def in_ci() -> bool:
    """Whether this runs in continuous integration: ``CI`` is set (GitHub Actions, GitLab, … set it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class _StaticFile(File):
    """A generated file published as it is, even when its name ends in .md (version sources)."""

    def is_documentation_page(self) -> bool:
        return False


def _git_head_log(folder: Path) -> Path | None:
    """The reflog of HEAD of the repository around ``folder``, if there is one."""
    for candidate in (folder, *folder.parents):
        dot_git = candidate / ".git"
        if dot_git.is_dir():
            log_file = dot_git / "logs" / "HEAD"
            return log_file if log_file.is_file() else None
        if dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
            target = dot_git.read_text(encoding="utf-8").partition("gitdir:")[2].strip()
            log_file = (candidate / target / "logs" / "HEAD").resolve()
            return log_file if log_file.is_file() else None
    return None


def make_plan(
    statements: Any, config: Any, options: Any, *, as_of: dt.date, home: bool, store: Store | None = None,
    translations: Any = (), languages: Any = None,
) -> SitePlan:
    """The site plan for a loaded MkDocs config: pages, redlines and verdicts share one diff per pair.

    With a ``store``, redlines, verdicts and compare data computed by an earlier build are reused.
    """
    # The planning stack loads only for a build: commands that merely load mkdocs.yml (diff, log,
    # check) instantiate this plugin too.
    from . import diff as engine
    from . import material
    from .derived import Derived
    from .pages import PlanOptions, memoised_diff, plan_site

    plan_options = PlanOptions(
        as_of=as_of,
        site_url=config.site_url or "",
        site_name=config.site_name,
        directory_urls=config.use_directory_urls,
        home=home,
        banner_days=options.banner_days,
        feed_entries=options.feed_entries,
        markdown_extensions=config.markdown_extensions,
        markdown_configs=config.mdx_configs,
        public_assessment=options.public_assessment,
        # A site of one language other than English (theme.language: de) gets the generator's words in it too.
        language=languages.default if languages is not None else "en",
    )
    diff_bodies = memoised_diff(engine, plan_options)
    markdown = {
        "extensions": list(plan_options.markdown_extensions) or None,
        "extension_configs": dict(plan_options.markdown_configs) or None,
    }
    derived = Derived(engine, diff_bodies, store=store, markdown=markdown)
    # A verdict depends on the two texts, the Markdown extensions and these options.
    verdict_options = [dict(options.material), options.effective_pattern]
    classify = derived.classifier(material.classifier(options, diff=diff_bodies), verdict_options)
    return plan_site(
        statements, plan_options, classify=classify, diff=engine, diff_bodies=diff_bodies, derived=derived,
        translations=translations, languages=languages,
    )


def cache_store(config: Any, options: Any) -> Store:
    """The build's cache: ``.cache/statements/`` next to mkdocs.yml, or none with ``cache: false``."""
    if not options.cache:
        return Store(None)
    root = Path(config.config_file_path or ".").resolve().parent
    return Store(root / DEFAULT_FOLDER)


def _lint_panels(plan: SitePlan | None, config: MkDocsConfig, options: Any) -> dict[str, str]:
    """The preview's lint panel for each statement's newest version (the draft, when there is one), by page path."""
    from .lint.engine import lint_version
    from .lint.output import panel_html
    from .pages import statement_path, version_path

    panels: dict[str, str] = {}
    for statement in plan.statements if plan else ():
        newest = statement.versions[-1]
        report = lint_version(statement, newest, options=options, config=config, as_of=plan.as_of)
        html = panel_html(report)
        panels[version_path(newest)] = html
        shown = statement.current(plan.as_of) or statement.versions[0]
        if shown.key == newest.key:
            panels[statement_path(statement.id)] = html
    return panels


def _language_nav(plan: SitePlan, language: str, files: Files, site_home: Any = None) -> Any:
    """The navigation of a language other than the default: its home, one section per statement
    (labels in the language), then the site's own pages. Without a home of its own (the docs folder
    has ``index.md``), the logo leads to the site's."""
    from mkdocs.structure.nav import Navigation, Section

    from .switcher import nav_label

    items: list[Any] = []
    pages: list[Any] = []

    def page(path: str, label: str) -> Any:
        found = files.get_file_from_path(path)
        if found is None or found.page is None:
            return None
        found.page.title = nav_label(label, language)  # the label, as MkDocs gives pages in nav
        pages.append(found.page)
        return found.page

    home = page(f"{language}/index.md", "Home")
    if home is not None:
        items.append(home)
    for section in plan.navs.get(language, ()):
        for title, entries in section.items():
            children = [page(path, label) for entry in entries for label, path in entry.items()]
            children = [child for child in children if child is not None]
            group = Section(str(html_text(title)), children)
            for child in children:
                child.parent = group
            items.append(group)
    generated = {planned.path for planned in plan.pages}
    for file in files.documentation_pages():
        if file.src_uri not in generated and file.src_uri != "index.md" and file.page is not None:
            items.append(file.page)
    navigation = Navigation(items, pages)
    navigation.homepage = home if home is not None else site_home
    return navigation


def _nav(plan: SitePlan, files: Files) -> list[Any]:
    """Home, one section per statement, then the user's own pages in file order."""
    nav: list[Any] = []
    if files.get_file_from_path("index.md") is not None:
        nav.append({"Home": "index.md"})
    # Section titles are statement titles: text, written unescaped by the theme.
    nav.extend({str(html_text(title)): items for title, items in section.items()} for section in plan.nav)
    generated = {page.path for page in plan.pages}
    for file in files.documentation_pages():
        if file.src_uri not in generated and file.src_uri != "index.md":
            nav.append(file.src_uri)
    return nav
