"""The message catalogues: complete in every language, placeholders and markup kept, compiled, current.

These read the catalogues a translator edits (``generator/locales/<lang>/LC_MESSAGES/statements.po``),
the compiled ``.mo`` files the generator reads, and the template Babel extracts from the code.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator import i18n
from tests.conftest import REPO_ROOT

LOCALES = REPO_ROOT / "generator" / "locales"
TRANSLATED = [language for language in i18n.SUPPORTED if language != i18n.DEFAULT]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%%")
TAG = re.compile(r"</?\w+(?:\s[^>]*)?>")


def catalogue(language: str):
    with open(LOCALES / language / "LC_MESSAGES" / "statements.po", "rb") as file:
        return read_po(file, locale=language)


def template():
    with open(LOCALES / "statements.pot", "rb") as file:
        return read_po(file)


def messages(cat):
    return [message for message in cat if message.id]


def test_english_is_the_source_language_and_four_others_have_catalogues():
    assert i18n.SUPPORTED == ("en", "de", "fr", "es", "nl")
    assert sorted(p.name for p in LOCALES.iterdir() if p.is_dir()) == sorted(TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    cat = catalogue(language)
    untranslated = [m.id for m in messages(cat) if not all(m.string if isinstance(m.string, tuple) else [m.string])]
    fuzzy = [m.id for m in messages(cat) if m.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert len(messages(cat)) > 250  # the whole of what the generator writes, not a sample


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_every_placeholder_and_every_tag(language):
    problems = []
    for message in messages(catalogue(language)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        tags = sorted(TAG.findall(ids[-1]))
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders of {ids[0]!r}: {string!r}")
            if sorted(TAG.findall(string)) != tags:
                problems.append(f"markup of {ids[0]!r}: {string!r}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogues_hold_exactly_the_template_messages(language):
    assert {m.id for m in messages(catalogue(language))} == {m.id for m in messages(template())}


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_the_translators_file(language):
    compiled = stdlib_gettext.GNUTranslations(open(LOCALES / language / "LC_MESSAGES" / "statements.mo", "rb"))
    stale = []
    for message in messages(catalogue(language)):
        if isinstance(message.id, tuple):
            forms = tuple(compiled._catalog.get((message.id[0], n)) for n in range(len(message.string)))
            if forms != tuple(message.string):
                stale.append(message.id)
        elif compiled.gettext(message.id) != message.string:
            stale.append(message.id)
    assert stale == [], "run: pybabel compile -d generator/locales -D statements"


def test_template_holds_every_message_the_code_and_templates_use(tmp_path):
    pybabel = shutil.which("pybabel", path=str(Path(sys.executable).parent)) or shutil.which("pybabel")
    assert pybabel, "Babel's pybabel command comes with the package's dependencies"
    out = tmp_path / "statements.pot"
    subprocess.run(
        [pybabel, "extract", "-F", "babel.cfg", "-k", "N_", "-k", "N_plural:1,2", "--no-location", "--sort-output", "-o", str(out), "."],
        cwd=REPO_ROOT, check=True, capture_output=True,
    )
    with open(out, "rb") as file:
        extracted = {m.id for m in messages(read_po(file))}
    assert extracted == {m.id for m in messages(template())}, "run the extract and update steps of docs/architecture.md"


def test_german_reads_its_catalogue_and_unknown_languages_read_english():
    assert i18n.gettext("In force", "de") == "In Kraft"
    assert i18n.gettext("In force", "fr") == "En vigueur"
    assert i18n.gettext("In force", "en") == "In force"
    assert i18n.gettext("In force", "xx") == "In force"
    assert type(i18n.translations("en")) is stdlib_gettext.NullTranslations
    assert i18n.translations("de") is i18n.translations("de")  # cached


def test_a_regional_tag_reads_its_language():
    assert i18n.gettext("In force", "de-CH") == "In Kraft"
    assert i18n.gettext("In force", "nl_BE") == "Van kracht"


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "History (1 version)", "History (2 versions)"),
        ("de", "Verlauf (1 Fassung)", "Verlauf (2 Fassungen)"),
        ("fr", "Historique (1 version)", "Historique (2 versions)"),
    ],
)
def test_plurals_follow_the_language(language, one, two):
    single, plural = "History (%(num)d version)", "History (%(num)d versions)"
    assert i18n.ngettext(single, plural, 1, language) % {"num": 1} == one
    assert i18n.ngettext(single, plural, 2, language) % {"num": 2} == two


def test_the_browser_script_asks_only_for_messages_the_page_hands_it():
    """Every gettext/ngettext of statements.js is among the messages a page passes in ``data-messages``."""
    from babel.messages.extract import extract

    from generator.redline_words import REDLINE_MESSAGES

    script = REPO_ROOT / "generator" / "assets" / "statements.js"
    with open(script, "rb") as file:
        used = {message if isinstance(message, str) else message[0] for _, message, _, _ in extract("javascript", file)}
    handed = {m if isinstance(m, str) else m[0] for m in i18n.SCRIPT_MESSAGES + REDLINE_MESSAGES}
    assert used and used <= handed


def test_script_messages_are_empty_in_english_and_complete_in_german():
    assert i18n.script_messages("en") == {}
    german = i18n.script_messages("de")
    assert set(german) == {m if isinstance(m, str) else m[0] for m in i18n.SCRIPT_MESSAGES}
    assert german["Comparing\u2026"] == "Vergleich läuft…"
