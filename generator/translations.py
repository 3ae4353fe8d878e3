"""Translations: one statement in several languages, kept in step.

The files follow the suffix convention of mkdocs-static-i18n: ``statements/privacy.md`` is the
statement in the site's default language, ``statements/privacy.de.md`` its German text. A
translation is never a statement of its own: it has its own git history and front-matter (read by
:mod:`.history`, so ``earlier_paths`` and the rest apply to it too), and it is paired with the
original version by version:

* a translation's version is the one whose ``effective`` date is the original's;
* a version of the original without a translation at that date is **missing** in that language;
* a translation whose text was last changed before a correction of the original is **stale**;
* otherwise it is **translated**.

``material``, ``summary`` and ``review`` belong to the original; a translation may give its own
``summary`` in its language, which its pages show instead of the original's.

Nothing here imports MkDocs: the plugin, ``statement check`` and ``statement notify`` read the
same model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Mapping

from .errors import ConfigError, InputError
from .history import HistoryOptions, display_path, read_statement, translation_of
from .model import Statement, Version
from .patterns import LazyPattern

__all__ = [
    "TranslationStatus", "SiteLanguages", "TranslatedVersion", "Translation", "StatementTranslations",
    "known_language", "site_languages", "translation_status", "pair", "translation_files", "read_translations",
]

TranslationStatus = Literal["translated", "missing", "stale"]

Warn = Callable[[str], None]

_CODE = LazyPattern(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def known_language(code: str) -> bool:
    """Whether ``code`` is a language Material for MkDocs has strings for (``de``, ``pt-BR``, …).

    The site's pages take Material's own words (search, navigation, "Skip to content") and the
    ``lang`` of ``<html>`` from that language, so a code Material does not know cannot be built.
    """
    if not _CODE.match(code):
        return False
    from importlib import resources  # here: reading mkdocs.yml imports it without tempfile (project.py)

    try:
        folder = resources.files("material") / "templates" / "partials" / "languages"
        return (folder / f"{code}.html").is_file()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - Material is a dependency
        return True


@dataclass(frozen=True)
class SiteLanguages:
    """The site's languages: the default (today's addresses) and the others (under ``/<code>/``)."""

    default: str
    others: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        """Every language, the default first."""
        return (self.default, *self.others)

    @property
    def several(self) -> bool:
        """True when the site has more than one language."""
        return bool(self.others)

    def prefix(self, language: str) -> str:
        """The folder a language's pages live in: ``""`` for the default, ``"de/"`` for German."""
        return "" if language == self.default else f"{language}/"


def site_languages(config: Any, options: Any) -> SiteLanguages:
    """The site's languages from a loaded MkDocs config and the plugin's options.

    The first of ``languages`` is the default and must be ``theme.language`` when mkdocs.yml sets
    it (Material writes its own words and ``<html lang>`` in that language); when mkdocs.yml does
    not set it, the plugin sets it (see :meth:`StatementsPlugin.on_config`). Raises
    :class:`ConfigError` naming mkdocs.yml's line otherwise.
    """
    codes = list(getattr(options, "languages", None) or [])
    theme_language = _theme_language(config)
    if not codes:
        return SiteLanguages(default=theme_language or "en")
    if theme_language and theme_language != codes[0]:
        path = Path(config.config_file_path or "mkdocs.yml")
        line = _option_line(path, "languages") or _option_line(path, "language")
        raise ConfigError(
            f"languages: the default language '{codes[0]}' (the first) is not theme.language '{theme_language}'",
            path=display_path(path), line=line,
            fix=f"list '{theme_language}' first, or set 'language: {codes[0]}' under theme",
        )
    return SiteLanguages(default=codes[0], others=tuple(codes[1:]))


def _theme_language(config: Any) -> str | None:
    """``theme.language`` as mkdocs.yml writes it; None when it is only the theme's default."""
    path = Path(getattr(config, "config_file_path", None) or "mkdocs.yml")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    # Only a value the user wrote counts: MkDocs fills in the theme's default ("en") otherwise.
    in_theme = False
    for line in lines:
        if re.match(r"^theme\s*:", line):
            in_theme = True
            continue
        if in_theme and line and not line[0].isspace() and not line.lstrip().startswith("#"):
            in_theme = False
        if in_theme and re.match(r"^\s+language\s*:", line):
            theme = getattr(config, "theme", None)
            value = theme["language"] if theme is not None and "language" in theme else None
            return str(value) if value else None
    return None


def _option_line(path: Path, key: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^\s*-?\s*{re.escape(key)}\s*:")
    return next((number for number, line in enumerate(lines, start=1) if pattern.match(line)), None)


# --- the model -------------------------------------------------------------------------------


def translation_status(original: Version, text: Version | None) -> TranslationStatus:
    """Whether ``text`` (the translation's version at ``original.effective``) keeps up with ``original``.

    *Stale* when the translation's text was last changed before the original's last correction:
    the original was corrected after the translation was made, so the translation says what the
    original no longer does.
    """
    if text is None:
        return "missing"
    if original.corrections and text.revisions[-1].committed < original.corrections[-1].committed:
        return "stale"
    return "translated"


@dataclass(frozen=True)
class TranslatedVersion:
    """One version of the original in one language: its translation, if any, and how it keeps up."""

    language: str
    #: the original's version (its effective date is the version's identity in every language)
    original: Version
    #: the translation's version with the same effective date; None when missing
    text: Version | None
    status: TranslationStatus

    @property
    def key(self) -> str:
        """The version's address segment, the same in every language."""
        return self.original.key

    @property
    def title(self) -> str:
        """The translation's title, or the original's when missing."""
        return self.text.title if self.text is not None else self.original.title

    @property
    def summary(self) -> str | None:
        """The translation's own summary, else the original's."""
        return (self.text.summary if self.text is not None else None) or self.original.summary

    def localized(self) -> Version:
        """The version as this language's pages show it: the original's facts, the translation's text.

        ``effective``, ``material`` and ``review`` are the original's; title, text, revisions (and
        so its own corrections), publication and summary are the translation's. A missing
        translation gives the original itself.
        """
        if self.text is None:
            return self.original
        return dataclasses.replace(
            self.original,
            title=self.text.title,
            published=self.text.published,
            summary=self.summary,
            revisions=self.text.revisions,
            published_count=self.text.published_count,
            extra=self.text.extra,
        )


@dataclass(frozen=True)
class Translation:
    """A statement in one language other than the default: every version of the original, paired."""

    statement_id: str
    language: str
    #: the translation's file, as the user would type it (``statements/privacy.de.md``)
    path: str
    #: one per version of the original, in the original's order
    versions: tuple[TranslatedVersion, ...]
    #: versions of the translation whose effective date no version of the original has
    orphans: tuple[Version, ...] = ()
    warnings: tuple[str, ...] = ()
    _by_key: dict[str, TranslatedVersion] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {version.key: version for version in self.versions})

    def version(self, effective: dt.date | str) -> TranslatedVersion | None:
        """The paired version by effective date."""
        key = effective if isinstance(effective, str) else effective.isoformat()
        return self._by_key.get(key)

    def status(self, effective: dt.date | str) -> TranslationStatus:
        """``translated``, ``missing`` or ``stale`` for the original's version at ``effective``."""
        found = self.version(effective)
        return found.status if found is not None else "missing"

    @property
    def missing(self) -> tuple[TranslatedVersion, ...]:
        """Versions of the original with no translation."""
        return tuple(v for v in self.versions if v.status == "missing")

    @property
    def stale(self) -> tuple[TranslatedVersion, ...]:
        """Translations made before the original's last correction."""
        return tuple(v for v in self.versions if v.status == "stale")


@dataclass(frozen=True)
class StatementTranslations:
    """A statement and its translations, by language (the default language is the statement itself)."""

    statement: Statement
    translations: Mapping[str, Translation] = field(default_factory=dict)

    def get(self, language: str) -> Translation | None:
        """The translation into ``language``; None for the default language or one without a file.

        A configured language without a file is a :class:`Translation` whose versions are all missing
        (see :func:`read_translations`); None means the language is not the site's.
        """
        return self.translations.get(language)


def pair(original: Statement, translated: Statement | None, language: str, *, path: str = "") -> Translation:
    """Pair each version of ``original`` with the version of ``translated`` at the same effective date."""
    texts = {version.key: version for version in (translated.versions if translated else ())}
    versions = tuple(
        TranslatedVersion(language, version, texts.get(version.key), translation_status(version, texts.get(version.key)))
        for version in original.versions
    )
    keys = {version.key for version in original.versions}
    orphans = tuple(version for version in texts.values() if version.key not in keys)
    return Translation(
        statement_id=original.id, language=language, path=path, versions=versions, orphans=orphans,
        warnings=translated.warnings if translated else (),
    )


def translation_files(folder: str | Path) -> dict[tuple[str, str], Path]:
    """Every translation file in the statements folder: ``(statement id, language) -> path``."""
    found: dict[tuple[str, str], Path] = {}
    folder = Path(folder)
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.md")):
        parsed = translation_of(path)
        if parsed and path.is_file():
            found[parsed] = path
    return found


def read_translations(
    folder: str | Path, statements: Iterable[Statement], languages: SiteLanguages, *,
    options: HistoryOptions = HistoryOptions(), warn: Warn | None = None,
    files: Mapping[tuple[str, str], Path] | None = None,
) -> tuple[StatementTranslations, ...]:
    """Read every translation in ``folder`` and pair it with its statement, one entry per statement.

    ``files`` (from :func:`translation_files`) may name the translation files instead of the folder's
    working tree, e.g. files that exist at another git revision. A translation file in a language
    that is not the site's, of the default language, or of no statement is an :class:`InputError`.
    A version of a translation that matches no version of the original is a warning.
    """
    warn = warn or (lambda message: None)
    statements = tuple(statements)
    by_id = {statement.id: statement for statement in statements}
    files = translation_files(folder) if files is None else files
    for (statement_id, language), path in sorted(files.items()):
        shown = display_path(path)
        if language == languages.default:
            raise InputError(
                f"'{language}' is the site's default language, whose text is {statement_id}.md",
                path=shown, line=1, fix=f"merge it into {statement_id}.md or remove it",
            )
        if language not in languages.others:
            listed = ", ".join(languages.all)
            raise InputError(
                f"a translation into '{language}', which is not one of the site's languages [{listed}]",
                path=shown, line=1,
                fix=f"add '{language}' to 'languages' under the statements plugin in mkdocs.yml, or remove the file",
            )
        if statement_id not in by_id:
            raise InputError(
                f"a translation of '{statement_id}', but there is no {statement_id}.md", path=shown, line=1,
                fix=f"add {statement_id}.md in the default language, or rename the file after the statement it translates",
            )
    result = []
    for statement in statements:
        translations: dict[str, Translation] = {}
        for language in languages.others:
            path = files.get((statement.id, language))
            translated = read_statement(path, options=options, warn=warn) if path is not None else None
            translation = pair(statement, translated, language, path=display_path(path) if path is not None else "")
            for orphan in translation.orphans:
                warn(
                    f"{translation.path}: its version effective {orphan.key} translates no version of {statement.path}; "
                    "it is not published (give it the effective date of the version it translates)"
                )
            translations[language] = translation
        result.append(StatementTranslations(statement, translations))
    return tuple(result)
