"""Sentences around a statement's title are right whatever the title's gender and number.

German, Spanish, French and Dutch make articles, possessives and participles agree with a noun:
"Unsere Datenschutzerklärung hat sich geändert" is right, "Unsere Impressum hat sich geändert" is
not, and the generator cannot know which noun a title is. So no translation puts an agreeing word
next to the title: the sentence's subject is a fixed noun ("Fassung", "versión", "version",
"versie") and the title stands beside it, quoted, or before a colon.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator import i18n
from generator.history import read_statement
from generator.pages import banner_for
from tests.conftest import statement_text
from tests.test_i18n_catalogues import TRANSLATED, catalogue, messages
from tests.test_pages import PATH, V1, V2

TITLE = "%(title)s"


def title_messages(language: str) -> list[tuple[str, str]]:
    """(message id, translation) of every message of ``language`` with the title in it, plural forms included."""
    found = []
    for message in messages(catalogue(language)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if TITLE in ids[0]:
            found.extend((ids[0], string) for string in strings)
    return found


def test_the_catalogues_have_sentences_with_the_title_to_check():
    assert all(len(title_messages(language)) >= 20 for language in TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_word_stands_right_before_the_title_to_agree_with_it(language):
    # an article, possessive, demonstrative or adjective before the title would have to agree with it
    wrong = [
        (message, text) for message, text in title_messages(language)
        if re.search(r"\w\s*" + re.escape(TITLE), text)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", ["es", "fr"])
def test_no_word_follows_the_title_to_agree_with_it_in_spanish_and_french(language):
    # "%(title)s publicada" / "%(title)s publiée": a participle after the title agrees with it
    wrong = [
        (message, text) for message, text in title_messages(language)
        if re.search(re.escape(TITLE) + r"\s*\w", text)
    ]
    assert wrong == []


@pytest.fixture
def upcoming(repo):
    """A version in force and a material one announced, for a title of any gender."""

    def make(title: str):
        repo.commit(files={PATH: statement_text(title=title, effective="2024-01-01", body=V1)}, date="2023-12-01")
        repo.commit(files={PATH: statement_text(title=title, effective="2025-01-01", material=True, summary="More.", body=V2)},
                    date="2024-11-01")
        return read_statement(repo.path / PATH)

    return make


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("de", "Impressum", "Am 1. Januar 2025 tritt eine neue Fassung von „Impressum“ in Kraft."),
        ("de", "Datenschutzhinweise", "Am 1. Januar 2025 tritt eine neue Fassung von „Datenschutzhinweise“ in Kraft."),
        ("es", "Aviso de privacidad", "El 1 de enero de 2025 entra en vigor una nueva versión de «Aviso de privacidad»."),
        ("fr", "Conditions générales", "Une nouvelle version de « Conditions générales » entre en vigueur le 1 janvier 2025."),
        ("nl", "Privacybeleid", "Op 1 januari 2025 treedt een nieuwe versie van ‘Privacybeleid’ in werking."),
        ("en", "Privacy Statement", "Our Privacy Statement changes on January 1, 2025."),
    ],
)
def test_the_banner_reads_right_for_a_title_of_any_gender_and_english_is_unchanged(upcoming, language, title, text):
    banner = banner_for(upcoming(title), dt.date(2024, 12, 1), banner_days=30, language=language)
    assert banner is not None and banner.text == text


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_pronoun_after_the_first_publication_refers_to_the_version_not_the_title(language):
    # "We have published …" is followed by "It takes effect on …": the pronoun's noun is the version
    published = i18n.gettext("We have published our %(title)s.", language)
    version = {"de": "Fassung", "es": "versión", "fr": "version", "nl": "versie"}[language]
    assert f"{version} " in published
