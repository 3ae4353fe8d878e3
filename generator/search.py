"""The site's search, one index per language: a German reader searches the German pages.

Material for MkDocs writes one search index, ``search/search_index.json``, under the search
settings of ``theme.language``, and its script fetches it from the site's root (``base`` in the
page's ``__config``). On a site of several languages that mixes every language in one index read
with the default language's word rules. mkdocs-static-i18n avoids it by building each language as a
site of its own under ``/<code>/``, each with its own index; this does the same within one build:

- the default language's pages (and every page the statements do not make) stay in the root index,
  which Material writes as before;
- each other language's pages go to ``<code>/search/search_index.json``, with their addresses
  relative to ``<code>/`` and Material's search settings for that language (its lunr language, word
  separator and pipeline — what Material would use with ``theme.language: <code>``);
- each page of that language names ``<code>/`` as its ``base``, so that Material's script fetches
  the language's index and resolves its results there.

No MkDocs import: the adapter hands over the entries Material's search plugin collected.
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SearchSettings", "UserSearchOptions", "language_settings", "split_entries", "index_json",
    "language_base", "rebase_page", "skip_excluded_pages", "KeptEntries",
]

#: Material's keys for its search settings in ``partials/languages/<code>.html``.
_KEYS = {"lang": "search.config.lang", "separator": "search.config.separator", "pipeline": "search.config.pipeline"}


@dataclass(frozen=True)
class SearchSettings:
    """How one language's index cuts and reduces words (Material's ``lang``, ``separator``, ``pipeline``)."""

    lang: tuple[str, ...]
    separator: str
    pipeline: tuple[str, ...]


@dataclass(frozen=True)
class UserSearchOptions:
    """What mkdocs.yml sets on the search plugin itself (``None``: left to Material's default)."""

    lang: tuple[str, ...] | None = None
    separator: str | None = None
    pipeline: tuple[str, ...] | None = None


def language_settings(word: Callable[[str, str], str], language: str, user: UserSearchOptions) -> SearchSettings:
    """The search settings of ``language``'s index.

    ``word(language, key)`` is Material's word for ``key`` in ``language`` (its English word where
    the language has none, as Material reads them). The lunr language is always the language's own;
    a separator or pipeline set on the search plugin applies to every language, as it would on a
    site of that language alone.
    """
    lang = tuple(code for code in re.split(r"\s*,\s*", word(language, _KEYS["lang"])) if code) or ("en",)
    separator = user.separator if user.separator is not None else word(language, _KEYS["separator"])
    if user.pipeline is not None:
        pipeline = user.pipeline
    else:
        pipeline = tuple(step for step in re.split(r"\s*,\s*", word(language, _KEYS["pipeline"])) if step)
    return SearchSettings(lang, separator, pipeline)


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def split_entries(
    entries: Iterable[Mapping[str, Any]], page_languages: Mapping[str, str],
) -> tuple[list[Mapping[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The index entries of the default language, and each other language's with addresses made relative to it.

    ``page_languages`` maps a page's URL (``de/privacy/``) to its language, for the pages of the
    languages other than the default; an entry of any other page is the default language's.
    """
    default: list[Mapping[str, Any]] = []
    others: dict[str, list[dict[str, Any]]] = {code: [] for code in sorted(set(page_languages.values()))}
    for entry in entries:
        location = str(entry.get("location", ""))
        language = page_languages.get(_page_of(location))
        prefix = f"{language}/"
        if language is None or not location.startswith(prefix):
            default.append(entry)
            continue
        others[language].append({**entry, "location": location[len(prefix):]})
    return default, others


def index_json(settings: SearchSettings, fields: Mapping[str, Any], entries: list[dict[str, Any]]) -> str:
    """A search index as Material's plugin writes it: ``{"config": {...}, "docs": [...]}``."""
    config = {
        "lang": list(settings.lang), "separator": settings.separator, "pipeline": list(settings.pipeline),
        "fields": dict(fields),
    }
    return json.dumps({"config": config, "docs": entries}, separators=(",", ":"), default=str)


def language_base(base_url: str, language: str) -> str:
    """The ``base`` of a page of ``language``: its language's folder, relative to the page (``../../de/``).

    With the slash: Material's script resolves ``search/search_index.json`` against it as a URL.
    """
    return posixpath.join(base_url or ".", language, "")


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def rebase_page(html: str, language: str) -> str:
    """``html`` with the ``base`` of Material's ``__config`` set to ``language``'s folder.

    The configuration is read and written as JSON, the way Material's template writes it (sorted
    keys, HTML-safe escapes), so a theme override that adds keys keeps them. A page without it is
    returned as it is.
    """
    from jinja2.utils import htmlsafe_json_dumps

    found = _CONFIG.search(html)
    if found is None:
        return html
    try:
        config = json.loads(found.group(2))
    except ValueError:
        return html
    if not isinstance(config, dict) or not isinstance(config.get("base"), str):
        return html
    config["base"] = language_base(config["base"], language)
    written = str(htmlsafe_json_dumps(config, sort_keys=True))
    return html[: found.start(2)] + written + html[found.end(2):]


class KeptEntries:
    """Material's search entries of a page, kept in the build cache by everything Material reads to make them.

    Material's search handler parses every page it indexes with ``html.parser``; a statement's
    history is indexed, and at 1,000 versions it is 2.7 MB of HTML, parsed again on every build
    (about a twentieth of a no-change rebuild). Its entries depend only on what Material 9's
    ``SearchIndex.add_entry_from_context`` reads: the page's HTML, address, title, table of
    contents and the meta keys ``title``, ``tags`` and ``search``, and on Material's release and
    whether ``jieba`` is installed (it segments Chinese text). All of it is in the key; entries
    that do not read back from JSON as the same data are not kept. ``store_of()`` gives the
    build's :class:`generator.cache.Store` (opened after the hook is wrapped).
    """

    KIND = "search"

    def __init__(self, store_of: Callable[[], Any]) -> None:
        self.store_of = store_of

    def key(self, page: Any, module: Any) -> str | None:
        """The page's key, or None when the cache is off or the page has something without a plain form."""
        from .cache import digest, generator_digest

        store = self.store_of()
        if store is None or not store.enabled:
            return None
        try:
            head = json.dumps(
                [
                    getattr(sys.modules.get("material"), "__version__", None), getattr(module, "jieba", None) is not None,
                    page.url, str(page.title), {name: page.meta.get(name) for name in ("title", "tags", "search")},
                    _toc(page.toc),
                ],
                sort_keys=True, ensure_ascii=False,
            )
        except (TypeError, ValueError):
            return None
        return digest(generator_digest(), self.KIND, head, page.content or "")

    def get(self, key: str) -> list[dict[str, Any]] | None:
        """The kept entries, or None."""
        data = self.store_of().get(self.KIND, key)
        if isinstance(data, list) and all(isinstance(entry, dict) for entry in data):
            self.store_of().counts[(self.KIND, "reused")] += 1
            return data
        return None

    def put(self, key: str, entries: list[dict[str, Any]]) -> None:
        """Keep ``entries`` when they read back as the same data."""
        store = self.store_of()
        store.counts[(self.KIND, "computed")] += 1
        try:
            if json.loads(json.dumps(entries)) != entries:
                return
        except (TypeError, ValueError):
            return
        store.put(self.KIND, key, entries)


def _toc(items: Any) -> list[Any]:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items or ()]


def skip_excluded_pages(events: dict[str, list[Callable]], origins: dict[Callable, str], kept: KeptEntries | None = None) -> None:
    """Spare Material's search the pages it has nothing to do with: excluded, without its attributes.

    For every page, Material's ``on_page_context`` indexes the page unless its meta says
    ``search: {exclude: true}``, then strips ``data-search-*`` attributes from its HTML with a
    regular expression that tries every character (it begins with an optional space). A site of
    statements has many large pages excluded from search (each version's changes page carries its
    redline, the compare page every version); on 1,000 versions that expression was about a tenth of
    a rebuild. On a page that is excluded and has no ``data-search-`` in its HTML the handler
    changes nothing, so it is not called for it: the site is byte for byte the same.

    With ``kept``, a page that is indexed and has no ``data-search-`` in its HTML gets the entries a
    build before made of the same page (:class:`KeptEntries`) instead of being parsed again.

    ``events`` and ``origins`` are MkDocs' plugin collection's (``config.plugins``); only the
    search plugin of Material 9 is wrapped, once.
    """
    handlers = events.get("page_context", [])
    for number, handler in enumerate(handlers):
        owner = getattr(handler, "__self__", None)
        if (
            type(owner).__module__ != "material.plugins.search.plugin"
            or getattr(handler, "__name__", "") != "on_page_context"
            or getattr(handler, "_skips_excluded", False)
        ):
            continue
        module = sys.modules.get(type(owner).__module__)

        def on_page_context(
            context: Any, *, page: Any, config: Any, nav: Any, _handler: Callable = handler, _owner: Any = owner,
        ) -> Any:
            search = page.meta.get("search") or {}
            content = page.content or ""
            if "data-search-" in content:
                return _handler(context, page=page, config=config, nav=nav)
            if search.get("exclude"):
                return None  # what the handler returns: the context as it was
            index = getattr(_owner, "search_index", None)
            key = kept.key(page, module) if kept is not None and index is not None and getattr(_owner.config, "enabled", True) else None
            if key is None:
                return _handler(context, page=page, config=config, nav=nav)
            found = kept.get(key)  # type: ignore[union-attr]
            if found is not None:
                index.entries.extend(found)
                return None  # the handler's data-search- expression would change nothing
            before = len(index.entries)
            result = _handler(context, page=page, config=config, nav=nav)
            kept.put(key, index.entries[before:])  # type: ignore[union-attr]
            return result

        on_page_context._skips_excluded = True  # type: ignore[attr-defined]
        handlers[number] = on_page_context
        origins[on_page_context] = origins.get(handler, "search")
