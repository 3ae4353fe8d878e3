"""mkdocs.yml's own ``extra.alternate`` on a site with ``languages``: merged with each page's, never lost.

The site: English and German (the German translation has the first version only), and mkdocs.yml
with the usual site-wide selector (English, German) plus a Japanese site elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.switcher import merge_alternates
from generator.translations import SiteLanguages
from tests.conftest import GitRepo, statement_text, write_project
from tests.test_languages_site import alternates, build, html, switcher

PATH = "statements/privacy.md"
DE = "statements/privacy.de.md"

USER_ALTERNATE = """
extra:
  alternate:
    - {name: English, link: /, lang: en}
    - {name: Deutsch, link: /de/, lang: de}
    - {name: 日本語, link: /ja/, lang: ja}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("alternate")
    path = folder / "repo"
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    config = write_project(path, "languages: [en, de]")
    config.write_text(config.read_text(encoding="utf-8") + USER_ALTERNATE, encoding="utf-8")
    repo.write("pages/about.md", "# About\n\nWho we are.\n")
    repo.commit("Site", date="2023-12-01")
    repo.commit("v1", date="2024-01-01", files={PATH: statement_text(effective="2024-02-01")})
    repo.commit("de v1", date="2024-01-10", files={DE: statement_text(title="Datenschutzerklärung", effective="2024-02-01")})
    repo.commit("v2", date="2024-05-01", files={PATH: statement_text(effective="2024-06-01", body="## Overview\n\nMore.\n")})
    result = build(path, folder / "site")
    assert result.returncode == 0, result.stderr
    return folder / "site"


def hreflangs(page: str) -> list[str]:
    return re.findall(r'<link rel="alternate" href="[^"]*" hreflang="([^"]*)">', page)


def test_a_translated_page_names_its_own_translations_and_keeps_the_users_other_language(site):
    page = html(site, "privacy/2024-02-01")
    assert alternates(page) == {
        "en": "./", "de": "../../de/privacy/2024-02-01/", "x-default": "./", "ja": "/ja/",
    }


def test_each_language_is_named_once_in_a_pages_alternates(site):
    for address in ("privacy/2024-02-01", "de/privacy/2024-02-01", "privacy", "de/privacy/history"):
        names = hreflangs(html(site, address))
        assert len(names) == len(set(names)), (address, names)


def test_a_page_without_a_german_translation_names_no_german_alternate_not_even_the_users(site):
    assert alternates(html(site, "privacy/2024-06-01")) == {"en": "./", "ja": "/ja/", "x-default": "./"}


def test_the_switcher_of_a_statement_page_lists_the_users_other_language_after_the_sites(site):
    entries = switcher(html(site, "de/privacy/2024-02-01"))
    assert [(language, link) for language, link, _ in entries] == [
        ("en", "../../../privacy/2024-02-01/"), ("de", "./"), ("ja", "/ja/"),
    ]


def test_a_page_the_plugin_did_not_make_keeps_the_users_alternate_as_written(site):
    assert alternates(html(site, "about")) == {"en": "/", "de": "/de/", "ja": "/ja/"}


LANGUAGES = SiteLanguages("en", ("de",))
GENERATED = [
    {"name": "English", "link": "./", "lang": "en"},
    {"name": "Deutsch", "link": "../de/x/", "lang": "de"},
    {"name": "English", "link": "./", "lang": "x-default"},
]


def test_merging_keeps_a_user_entry_of_another_language_once():
    user = [{"name": "日本語", "link": "/ja/", "lang": "ja"}, {"name": "日本語", "link": "/ja/", "lang": "ja"}]
    assert merge_alternates(user, GENERATED, LANGUAGES) == [*GENERATED, user[0]]


def test_merging_replaces_the_users_entries_of_the_sites_languages_and_x_default():
    user = [{"name": "Deutsch", "link": "/de/", "lang": "de"}, {"name": "Home", "link": "/", "lang": "x-default"}]
    assert merge_alternates(user, GENERATED, LANGUAGES) == GENERATED


def test_merging_without_entries_of_the_page_gives_the_users_list_and_ignores_a_malformed_one():
    user = [{"name": "Deutsch", "link": "/de/", "lang": "de"}]
    assert merge_alternates(user, [], LANGUAGES) == user
    assert merge_alternates("not a list", GENERATED, LANGUAGES) == GENERATED
