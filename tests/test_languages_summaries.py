"""A summary a language's pages show in the original's words says so: its language, and a note in the reader's.

The original has four versions; German translates the first, the second without a summary of its
own, the third with one, and not the fourth (published, upcoming on the build's date).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import GitRepo, statement_text, write_project
from tests.test_languages_site import build, html

PATH = "statements/privacy.md"
DE = "statements/privacy.de.md"
NOTE = '<span class="statement-original-wording">Im Wortlaut des Originals (Englisch):</span>'
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def body(words: str) -> str:
    return f"## Overview\n\n{words}\n\n## Contact\n\nWrite to privacy@example.test.\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summaries")
    path = folder / "repo"
    path.mkdir()
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, "languages: [en, de]")
    repo.commit("Site", date="2023-12-01")
    original = [
        ("2024-02-01", None, "We collect little."),
        ("2024-06-01", "We collect more.", "We collect a little more."),
        ("2024-09-01", "We now collect your location.", "We collect more, and your location."),
        ("2025-01-01", "We now share with partners.", "We collect more, and your location, and share it."),
    ]
    german = {
        "2024-02-01": (None, "Wir erheben wenig."),
        "2024-06-01": (None, "Wir erheben etwas mehr."),
        "2024-09-01": ("Wir erheben jetzt Ihren Standort.", "Wir erheben mehr, auch Ihren Standort."),
    }
    for month, (effective, summary, words) in enumerate(original, start=1):
        meta = {"material": True, "summary": summary} if summary else {}
        repo.commit(f"v{month}", date=f"2024-0{month * 2}-01", files={PATH: statement_text(effective=effective, body=body(words), **meta)})
        if effective in german:
            own, text = german[effective]
            meta = {"summary": own} if own else {}
            repo.commit(f"de v{month}", date=f"2024-0{month * 2}-05", files={DE: statement_text(
                title="Datenschutzerklärung", effective=effective, body=body(text), **meta)})
    result = build(path, folder / "site")
    assert result.returncode == 0, result.stderr
    return folder / "site"


def summary_cell(page: str, key: str) -> str:
    row = page[page.index(f'id="v{key}"'):]
    return re.search(r'<td data-label="Zusammenfassung">(.*?)</td>', row[: row.index("</tr>")], re.S)[1]


def test_a_missing_versions_summary_is_marked_as_the_originals_english_words(site):
    cell = summary_cell(html(site, "de/privacy/history"), "2025-01-01")
    assert cell == f'{NOTE} <span lang="en">We now share with partners.</span>'


def test_a_translated_version_without_a_summary_of_its_own_marks_the_originals(site):
    cell = summary_cell(html(site, "de/privacy/history"), "2024-06-01")
    assert cell == f'{NOTE} <span lang="en">We collect more.</span>'


def test_a_translations_own_summary_is_shown_unmarked(site):
    assert summary_cell(html(site, "de/privacy/history"), "2024-09-01") == "Wir erheben jetzt Ihren Standort."


def test_the_changes_page_marks_a_summary_in_the_originals_words(site):
    page = html(site, "de/privacy/2024-06-01/changes")
    assert f'<strong>Zusammenfassung:</strong> {NOTE} <span lang="en">We collect more.</span></p>' in page
    assert "statement-original-wording" not in html(site, "de/privacy/2024-09-01/changes")


def test_the_default_languages_pages_mark_nothing(site):
    for address in ("privacy/history", "privacy/2024-06-01/changes", "privacy/2025-01-01/changes"):
        assert "statement-original-wording" not in html(site, address)


def test_the_languages_feed_says_which_summaries_are_in_english(site):
    feed = ET.parse(site / "de" / "privacy" / "feed.xml").getroot()
    languages = {
        entry.find(f"{ATOM}id").text.rsplit("/", 1)[1]: entry.find(f"{ATOM}summary").get(XML_LANG)
        for entry in feed.iter(f"{ATOM}entry")
    }
    assert languages == {"2024-02-01": None, "2024-06-01": "en", "2024-09-01": None}
