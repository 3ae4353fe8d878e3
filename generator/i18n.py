"""The words the generator writes for readers, in the reader's language.

Every sentence the generator itself writes — version headers, status sentences, the banner, the
history table and timeline, the compare page, the redline legend, changes pages, feed titles,
e-mail notices — is an English message id translated through a gettext catalogue:

``generator/locales/<lang>/LC_MESSAGES/statements.po``  a translator's file (one per language)
``generator/locales/<lang>/LC_MESSAGES/statements.mo``  its compiled form, read at run time
``generator/locales/statements.pot``                     the template, extracted with Babel

English is the source language: its text is the message ids themselves, so it has no catalogue,
and an unknown language reads English. Dates are written the local way by Babel's CLDR data
(:func:`format_date`). Material for MkDocs translates its own words through ``theme.language``;
nothing of Material's is repeated here.

The translator's workflow (extract, update, compile) is in ``docs/architecture.md``, "Languages".
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import jinja2
    from babel import Locale

__all__ = [
    "SUPPORTED", "DEFAULT", "DOMAIN", "LOCALES", "translations", "gettext", "ngettext", "N_",
    "format_date", "install", "known_language", "SCRIPT_MESSAGES", "script_messages", "N_plural",
]

#: Languages with a complete catalogue of the generator's messages; the first is the source.
SUPPORTED: tuple[str, ...] = ("en", "de", "fr", "es", "nl")
#: The language of the message ids, and of every renderer unless it is given another.
DEFAULT = "en"
#: The gettext domain: the catalogues' file name.
DOMAIN = "statements"
#: The folder of the catalogues, inside the package so that any install carries them.
LOCALES = Path(__file__).parent / "locales"


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (it is translated where it is shown)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for extraction without translating it (``-k N_plural:1,2``)."""
    return (singular, plural)


@lru_cache(maxsize=None)
def translations(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of ``language``; English, or any language without one, is the ids as they are."""
    if not language or language == DEFAULT:
        return _gettext.NullTranslations()
    # "de-CH" / "de_CH" read the German catalogue when there is no Swiss one (gettext tries both).
    names = [language.replace("-", "_")]
    if "_" in names[0]:
        names.append(names[0].split("_", 1)[0])
    return _gettext.translation(DOMAIN, localedir=str(LOCALES), languages=names, fallback=True)


def gettext(message: str, language: str) -> str:
    """``message`` in ``language`` (the English text when the catalogue has no translation)."""
    return translations(language).gettext(message)


def ngettext(singular: str, plural: str, n: int, language: str) -> str:
    """The form of a message for the number ``n`` in ``language`` (plural rules of that language)."""
    return translations(language).ngettext(singular, plural, n)


@lru_cache(maxsize=None)
def _locale(language: str) -> Locale:
    from babel import Locale, UnknownLocaleError  # Babel's data loads on the first date written

    try:
        return Locale.parse((language or DEFAULT).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(DEFAULT)


def known_language(language: str) -> bool:
    """Whether Babel knows how to write dates in ``language`` (a BCP 47 or POSIX tag)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return False
    return True


@lru_cache(maxsize=4096)  # a site writes each version's few dates on many pages; Babel takes ~0.1 ms a date
def format_date(date: dt.date | str, language: str, format: str = "long") -> str:
    """``date`` written the way ``language`` writes it: ``February 1, 2024``, ``1. Februar 2024``, ``1 février 2024``.

    ``format`` is one of Babel's ``short``, ``medium``, ``long``, ``full`` or a CLDR pattern. An
    ISO string is read as a date; a language Babel does not know writes English.
    """
    from babel.dates import format_date as babel_format_date

    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    elif isinstance(date, dt.datetime):
        date = date.date()
    return babel_format_date(date, format=format, locale=_locale(language))


def install(env: jinja2.Environment, language: str) -> jinja2.Environment:
    """Give ``env``'s templates ``_``, ``gettext``, ``ngettext`` and ``{% trans %}`` in ``language``.

    New-style gettext (``_("… %(name)s", name=value)``): every message is a format string, and in
    an autoescaping template the values are escaped while the translated text is kept as markup,
    so a translator may move a link within a sentence. The environment also gets a ``date`` filter
    (``{{ day|date }}``) that writes dates in the same language, and ``language`` as a global.
    """
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    env.filters["date"] = lambda day, format="long": format_date(day, language, format)
    env.globals["language"] = language
    return env


#: The sentences the browser script (``assets/statements.js``) writes, which the page hands it in
#: its language (``data-messages`` on the compare page). Plural pairs are ``(singular, plural)``.
SCRIPT_MESSAGES: tuple[str | tuple[str, str], ...] = (
    N_("Link to the section \u201c%(name)s\u201d"),
    N_("Link to \u201c%(name)s\u201d copied"),
    N_("Search"),
    N_("the comparison engine did not load"),
    N_("version %(key)s could not be loaded (%(status)s)"),
    N_("Both lists show the version effective %(date)s. Choose two different versions."),
    N_("Comparing\u2026"),
    N_("Version effective %(date)s"),
    N_("Changes from the version effective %(from)s to the version effective %(to)s, passage by passage"),
    N_("From %(from)s to %(to)s"),
    N_("%(title)s: from the version effective %(from)s to the version effective %(to)s. Address: %(url)s"),
    N_("The two versions have the same text."),
    N_("\u201cFrom\u201d is the later version here, so this shows the way back to the earlier text."),
    N_("Link to this comparison"),
    N_("Read %(date)s"),
    N_("Findings for these changes"),
    N_plural("%(added)d word added, %(removed)d removed", "%(added)d words added, %(removed)d removed"),
    N_("Showing the changes from %(from)s to %(to)s: %(words)s."),
    N_("The versions effective %(from)s and %(to)s have the same text."),
    N_("The comparison could not be made: %(error)s. Reload the page to try again."),
    N_("The address names no version effective %(keys)s; the comparison below uses the default instead."),
    N_(" or "),
    N_plural("%(num)d passage changed", "%(num)d passages changed"),
    N_plural("%(num)d modified", "%(num)d modified"),
    N_plural("%(num)d added", "%(num)d added"),
    N_plural("%(num)d removed", "%(num)d removed"),
    N_plural("%(num)d moved", "%(num)d moved"),
    N_plural("%(num)d formatting-only change", "%(num)d formatting-only changes"),
    N_("Sections: %(sections)s."),
    N_("words:"),
)


#: The few of them every page needs (section links, the search dialog's name).
PAGE_SCRIPT_MESSAGES = SCRIPT_MESSAGES[:3]


def script_messages(language: str, messages: tuple[str | tuple[str, str], ...] = SCRIPT_MESSAGES) -> dict[str, str | list[str]]:
    """The browser script's sentences in ``language``: ``{id: text}``, plurals as ``[one, other]``.

    Empty for English, so that English pages stay as they were (the script's own text is English).
    The plural list gives the forms for 1 and for any other count, which is right for the
    supported languages.
    """
    if not language or language == DEFAULT:
        return {}
    catalogue = translations(language)
    out: dict[str, str | list[str]] = {}
    for message in messages:
        if isinstance(message, tuple):
            out[message[0]] = [catalogue.ngettext(*message, 1), catalogue.ngettext(*message, 2)]
        else:
            out[message] = catalogue.gettext(message)
    return out
