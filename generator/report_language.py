"""The gate's and the diff's reports in a reader's language (``statement check/diff --language de``).

``statement check`` and ``statement diff`` print for people — a legal team reads them in a pull
request — so their sentences are messages of the site's catalogues, like every page's. The JSON
output is data and stays in English words (its schema does not change): a problem keeps its English
``message``, and carries a :class:`Phrase` from which any other language is written.

A :class:`Phrase` is a catalogue message with its values; a value that is itself a phrase, or a
:class:`Word` (a verdict, a kind of change, a translation status), is written in the same language.
English is the message ids themselves, so English output is what it always was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import i18n
from .i18n import N_

__all__ = ["Phrase", "Word", "say", "say_plural", "word", "default_language", "theme_language"]


class Word(str):
    """One of the generator's words used as a value (``material``, ``correction``, ``missing``)."""


#: The words a report puts into its sentences, as the catalogues hold them.
WORDS = (
    N_("none"), N_("formatting"), N_("editorial"), N_("substantive"), N_("material"), N_("first version"),
    N_("new"), N_("update"), N_("correction"), N_("translated"), N_("missing"), N_("stale"),
)


def word(value: str, language: str) -> str:
    """``value`` in ``language`` when it is one of :data:`WORDS`, else as it is (a rule's name, a code)."""
    return i18n.gettext(value, language) if value in WORDS else value


@dataclass(frozen=True)
class Phrase:
    """A catalogue message and its values, written in any language on demand."""

    message: str
    values: Mapping[str, Any] = field(default_factory=dict)
    #: the plural message and the number that chooses between them (``ngettext``)
    plural: str | None = None
    count: int | None = None

    def render(self, language: str = i18n.DEFAULT) -> str:
        """The sentence in ``language`` (English: the message id with its values)."""
        if self.plural is not None:
            text = i18n.ngettext(self.message, self.plural, int(self.count or 0), language)
        else:
            text = i18n.gettext(self.message, language)
        return text % {name: _value(value, language) for name, value in self.values.items()}

    def english(self) -> str:
        """The sentence as the JSON output and the English report give it."""
        return self.render(i18n.DEFAULT)


def _value(value: Any, language: str) -> Any:
    if isinstance(value, Phrase):
        return value.render(language)
    if isinstance(value, Word):
        return word(value, language)
    return value


def say(message: str, **values: Any) -> Phrase:
    """A phrase of ``message`` (marked for extraction where it is written: ``say(N_("…"), …)``)."""
    return Phrase(message, values)


def say_plural(singular: str, plural: str, count: int, **values: Any) -> Phrase:
    """A phrase whose form follows ``count`` (``num`` is given the count too)."""
    return Phrase(singular, {"num": count, **values}, plural, count)


_THEME = re.compile(r"^theme\s*:")
_LANGUAGE = re.compile(r"^\s+language\s*:\s*['\"]?([A-Za-z_-]+)")


def theme_language(mkdocs_yml: str) -> str | None:
    """``theme.language`` as mkdocs.yml's text writes it, if it does."""
    in_theme = False
    for line in mkdocs_yml.splitlines():
        if _THEME.match(line):
            in_theme = True
            continue
        if in_theme and line and not line[0].isspace() and not line.lstrip().startswith("#"):
            in_theme = False
        found = _LANGUAGE.match(line) if in_theme else None
        if found:
            return found.group(1)
    return None


def default_language(options: Any, mkdocs_yml: str = "") -> str:
    """A report's language when ``--language`` is not given: the site's default language (the first
    of ``languages``, else ``theme.language``, else English)."""
    codes = list(getattr(options, "languages", None) or [])
    return codes[0] if codes else theme_language(mkdocs_yml) or i18n.DEFAULT
