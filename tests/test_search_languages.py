"""Search on a site of several languages: one index per language, read with that language's word rules.

The site: the statement in English and German (German translated for the first version only) plus
an English docs page, built once with the real plugin and Material's search plugin; a second
build of the same history without ``languages`` is the reference for the default language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.search import UserSearchOptions, language_base, language_settings, rebase_page, split_entries
from tests.conftest import GitRepo, statement_text, write_project
from tests.test_languages_site import build

PATH = "statements/privacy.md"
DE = "statements/privacy.de.md"
EN = "## Overview\n\nFernhill collects little data.\n\n## Contact\n\nWrite to privacy@example.test.\n"
GERMAN = "## Überblick\n\nFernhill erhebt wenige Daten.\n\n## Kontakt\n\nSchreiben Sie an privacy@example.test.\n"


def make_repo(path: Path, options: str) -> Path:
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, options)
    repo.write("pages/about.md", "# About\n\nFernhill, who we are.\n")
    repo.commit("Site", date="2023-12-01")
    repo.commit("v1", date="2024-01-01", files={PATH: statement_text(effective="2024-02-01", body=EN)})
    if "languages" in options:
        repo.commit("de v1", date="2024-01-10", files={DE: statement_text(title="Datenschutzerklärung", effective="2024-02-01", body=GERMAN)})
    return path


def built(folder: Path, options: str) -> Path:
    result = build(make_repo(folder / "repo", options), folder / "site")
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("search"), "languages: [en, de, fr]")


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("search-plain"), "")


def index(site: Path, language: str = "") -> dict:
    return json.loads((site / language / "search" / "search_index.json").read_text(encoding="utf-8"))


def pages(document: dict) -> set[str]:
    return {doc["location"].split("#")[0] for doc in document["docs"]}


def base(page: str) -> str:
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)[1]
    return json.loads(config)["base"]


# --- the built site ---------------------------------------------------------------------------


def test_the_root_index_holds_the_default_languages_pages_only(site):
    assert pages(index(site)) == {"", "about/", "privacy/", "privacy/history/"}


def test_the_root_index_is_what_the_same_site_without_languages_has(site, plain):
    assert index(site) == index(plain)


def test_each_other_language_has_an_index_of_its_own_pages_at_addresses_relative_to_its_folder(site):
    german = index(site, "de")
    assert pages(german) == {"", "privacy/", "privacy/history/"}
    assert all((site / "de" / location / "index.html").is_file() for location in pages(german))
    texts = " ".join(doc["text"] for doc in german["docs"])
    assert "Fernhill erhebt wenige Daten" in texts and "collects" not in texts


def test_each_index_is_read_with_its_languages_search_settings(site):
    assert index(site)["config"]["lang"] == ["en"]
    assert index(site, "de")["config"]["lang"] == ["de"]
    assert index(site, "fr")["config"]["lang"] == ["fr"]
    # the rest as Material sets it for a site of that language alone, and the fields as configured
    assert index(site, "de")["config"]["pipeline"] == index(site)["config"]["pipeline"]
    assert index(site, "de")["config"]["fields"] == index(site)["config"]["fields"]


def test_a_language_page_names_its_languages_folder_as_materials_base(site):
    assert base((site / "de" / "privacy" / "index.html").read_text(encoding="utf-8")) == "../../de/"
    assert base((site / "de" / "index.html").read_text(encoding="utf-8")) == "../de/"
    assert base((site / "fr" / "privacy" / "2024-02-01" / "index.html").read_text(encoding="utf-8")) == "../../../fr/"


def test_a_default_language_page_keeps_materials_base(site, plain):
    for address in ("privacy", "about", ""):
        assert base((site / address / "index.html").read_text(encoding="utf-8")) == base((plain / address / "index.html").read_text(encoding="utf-8"))


def test_a_site_of_one_language_has_one_index(plain):
    assert not list(plain.glob("*/search/search_index.json"))


def test_search_options_of_mkdocs_yml_apply_to_every_languages_index(tmp_path):
    folder = make_repo(tmp_path / "repo", "languages: [en, de]")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", "  - search:\n      pipeline: [stemmer, stopWordFilter]\n      separator: '[\\s\\-\\.]+'\n"))
    result = build(folder, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for language in ("", "de"):
        settings = index(tmp_path / "site", language)["config"]
        assert settings["pipeline"] == ["stemmer", "stopWordFilter"] and settings["separator"] == "[\\s\\-\\.]+"
    assert index(tmp_path / "site", "de")["config"]["lang"] == ["de"]


# --- the parts ----------------------------------------------------------------------------------

WORDS = {
    ("en", "search.config.lang"): "en", ("en", "search.config.separator"): "[\\s\\-]+",
    ("en", "search.config.pipeline"): "stopWordFilter",
    ("ja", "search.config.lang"): "ja", ("ja", "search.config.separator"): "[\\s\\-　、。，．]+",
    ("ja", "search.config.pipeline"): "stemmer",
    ("de", "search.config.lang"): "de",
}


def material_word(language: str, key: str) -> str:
    """Material's words as its language partials give them (English where a language has none)."""
    return WORDS.get((language, key)) or WORDS[("en", key)]


def test_a_language_takes_materials_settings_for_it_with_english_where_it_has_none():
    german = language_settings(material_word, "de", UserSearchOptions())
    assert (german.lang, german.separator, german.pipeline) == (("de",), "[\\s\\-]+", ("stopWordFilter",))
    japanese = language_settings(material_word, "ja", UserSearchOptions())
    assert (japanese.lang, japanese.separator, japanese.pipeline) == (("ja",), "[\\s\\-　、。，．]+", ("stemmer",))


def test_the_lunr_language_is_always_the_languages_own_even_when_mkdocs_yml_names_others():
    assert language_settings(material_word, "de", UserSearchOptions(lang=("en", "fr"))).lang == ("de",)


def test_entries_of_a_languages_pages_leave_the_default_index_with_relative_addresses():
    entries = [
        {"location": "privacy/", "title": "Privacy"},
        {"location": "de/privacy/#kontakt", "title": "Kontakt"},
        {"location": "de/about/", "title": "A page of the docs folder under de/ that the plan did not make"},
    ]
    default, others = split_entries(entries, {"de/privacy/": "de", "de/": "de"})
    assert [e["location"] for e in default] == ["privacy/", "de/about/"]
    assert others == {"de": [{"location": "privacy/#kontakt", "title": "Kontakt"}]}


@pytest.mark.parametrize(("base_url", "expected"), [("../..", "../../de/"), ("..", "../de/"), ("", "./de/")])
def test_a_languages_base_is_its_folder_with_a_slash(base_url, expected):
    assert language_base(base_url, "de") == expected


def test_rebasing_a_page_changes_the_base_and_keeps_every_other_key_and_escape():
    page = ('<p>x</p><script id="__config" type="application/json">{"base": "../..", "extra": "a \\u003c b", '
            '"search": "../../assets/w.js"}</script><script id="other">{"base": ".."}</script>')
    rebased = rebase_page(page, "de")
    assert rebased == page.replace('"base": "../.."', '"base": "../../de/"', 1)


def test_with_materials_offline_plugin_each_languages_index_is_inlined_beside_it_too(tmp_path):
    folder = make_repo(tmp_path / "repo", "languages: [en, de]")
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", "  - search\n  - offline\n"))
    result = build(folder, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    inlined = (tmp_path / "site" / "de" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert inlined == "var __index = " + (tmp_path / "site" / "de" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "privacy/index.html" in pages(index(tmp_path / "site", "de"))  # offline: no directory URLs
    assert not any(location.startswith("de/") for location in pages(index(tmp_path / "site")))
    assert base((tmp_path / "site" / "de" / "privacy" / "index.html").read_text(encoding="utf-8")) == "../../de/"


def test_a_site_whose_default_language_is_german_searches_its_root_in_german(tmp_path):
    path = tmp_path / "repo"
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, "languages: [de, en]")  # theme.language unset: the plugin sets it before search reads it
    repo.commit("Site", date="2023-12-01")
    repo.commit("v1", date="2024-01-01", files={PATH: statement_text(title="Datenschutzerklärung", effective="2024-02-01", body=GERMAN)})
    repo.commit("en v1", date="2024-01-10", files={"statements/privacy.en.md": statement_text(effective="2024-02-01", body=EN)})
    result = build(path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert index(tmp_path / "site")["config"]["lang"] == ["de"]
    assert index(tmp_path / "site", "en")["config"]["lang"] == ["en"]
