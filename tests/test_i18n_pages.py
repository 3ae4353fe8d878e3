"""The pages in another language: every sentence the generator writes, and dates written the local way.

The plan is made from a real git repository with the real diff engine, once in English (as
before) and once with ``PlanOptions(language=…)``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator import diff as diff_engine
from generator.history import read_statement
from generator.i18n import format_date
from generator.pages import PlanOptions, plan_site
from tests.conftest import statement_text
from tests.test_pages import PATH, V1, V2, V3, header, page

D = dt.date.fromisoformat


@pytest.fixture
def three_versions(repo):
    """2024-01-01 (archived), 2024-06-01 (in force on 2024-12-01), 2025-01-01 (material, upcoming)."""
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body=V1)}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01", body=V2)}, date="2024-05-01")
    repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We now collect your location.", body=V3)},
        date="2024-11-01",
    )
    return repo


def plan(repo, language: str, as_of: str = "2024-12-01"):
    statement = read_statement(repo.path / PATH)
    return plan_site([statement], PlanOptions(as_of=D(as_of), language=language), diff=diff_engine)


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("en", "February 1, 2024"),
        ("de", "1. Februar 2024"),
        ("fr", "1 février 2024"),
        ("es", "1 de febrero de 2024"),
        ("nl", "1 februari 2024"),
        ("ja", "2024年2月1日"),
    ],
)
def test_a_date_is_written_the_way_its_language_writes_it(language, written):
    assert format_date(D("2024-02-01"), language) == written


def test_an_iso_date_string_and_a_short_format_are_accepted():
    assert format_date("2024-02-01", "de", "short") == "01.02.24"
    assert format_date("2024-02-01", "fr", "medium") == "1 févr. 2024"


def test_a_language_babel_does_not_know_writes_english_dates():
    assert format_date(D("2024-02-01"), "xx-unknown") == "February 1, 2024"


# --- the version header -------------------------------------------------------------------------


def test_the_german_header_names_status_and_dates_in_german(three_versions):
    top = header(page(plan(three_versions, "de"), "privacy/index.md"))
    assert ">In Kraft<" in top
    assert '<dt>Gültig ab</dt><dd><time datetime="2024-06-01">1. Juni 2024</time>' in top
    assert "<dt>Zuletzt aktualisiert</dt>" in top
    assert 'aria-label="Über diese Fassung"' in top
    assert "Verlauf (3 Fassungen)" in top and ">Fassungen vergleichen</a>" in top
    assert "In force" not in top and "June" not in top


def test_the_german_header_announces_the_upcoming_version_with_its_links(three_versions):
    top = header(page(plan(three_versions, "de"), "privacy/index.md"))
    assert (
        'Eine neue Fassung tritt am <time datetime="2025-01-01">1. Januar 2025</time> in Kraft: '
        '<a href="2025-01-01/">jetzt lesen</a> oder <a href="2025-01-01/changes/">ansehen, was sich ändert</a>.'
    ) in top


def test_a_french_archived_version_says_what_replaced_it(three_versions):
    top = header(page(plan(three_versions, "fr"), "privacy/2024-01-01/index.md"))
    assert (
        'elle a été remplacée le <time datetime="2024-06-01">1 juin 2024</time> par la '
        '<a href="../2024-06-01/">version suivante</a>'
    ) in top


def test_a_dutch_upcoming_version_says_which_version_applies_until_then(three_versions):
    top = header(page(plan(three_versions, "nl"), "privacy/2025-01-01/index.md"))
    assert 'Deze versie treedt in werking op <time datetime="2025-01-01">1 januari 2025</time>.' in top
    assert '<a href="../2024-06-01/">versie geldig vanaf 1 juni 2024</a> van kracht' in top
    assert ">Wezenlijke wijziging<" in top


def test_a_title_inside_a_translated_sentence_is_escaped(repo):
    repo.commit(files={PATH: statement_text(title="Privacy <b>& Cookies</b>", effective="2024-01-01")}, date="2023-12-01")
    markdown = page(plan(repo, "es"), "privacy/index.md")
    assert "Privacy &lt;b&gt;&amp; Cookies&lt;/b&gt;, versión en vigor desde el 1 de enero de 2024" in markdown
