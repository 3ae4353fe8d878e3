"""The pages in another language: every sentence the generator writes, and dates written the local way.

The plan is made from a real git repository with the real diff engine, once in English (as
before) and once with ``PlanOptions(language=…)``.
"""

from __future__ import annotations

import datetime as dt
import re

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


# --- every page ---------------------------------------------------------------------------------


def _english_left(text: str, language: str) -> list[str]:
    """Messages of the catalogue that appear in ``text`` in English although they have a translation."""
    from babel.messages.pofile import read_po

    from tests.test_i18n_catalogues import LOCALES

    with open(LOCALES / language / "LC_MESSAGES" / "statements.po", "rb") as file:
        catalogue = read_po(file, locale=language)
    left = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            # the fixed words of the message, between its placeholders
            for piece in re.split(r"%\(\w+\)[sd]|<[^>]+>", msgid):
                piece = piece.strip(" .,:;")
                if len(piece) >= 12 and piece in text and not any(piece in s for s in strings):
                    left.append(piece)
    return left


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
def test_no_sentence_of_the_generator_is_left_in_english_on_any_page(three_versions, language):
    site_plan = plan(three_versions, language)
    for generated in site_plan.pages:
        text = generated.fill(generated.markdown) + generated.title
        text = re.sub(r"data-messages='[^']*'", "", text)  # English ids handed to the script, with their translations
        assert _english_left(text, language) == [], generated.path


def test_the_german_history_page_names_statuses_changes_and_dates_in_german(three_versions):
    markdown = page(plan(three_versions, "de"), "privacy/history/index.md")
    assert "# Privacy Statement: Verlauf" in markdown
    assert '<span class="statement-chip statement-chip--upcoming">Bevorstehend</span>' in markdown
    assert '<span class="statement-chip statement-chip--material">Wesentlich</span>' in markdown
    assert 'Veröffentlicht am <time datetime="2024-11-01">1. November 2024</time>' in markdown
    assert "Erste Fassung" in markdown
    assert '<th scope="col">Fassung</th><th scope="col">Änderung</th>' in markdown


def test_the_timeline_speaks_the_pages_language(three_versions):
    markdown = page(plan(three_versions, "fr"), "privacy/history/index.md")
    assert "<title id=\"timeline-privacy-horizontal-title\">Chronologie : Privacy Statement</title>" in markdown
    assert "3 versions, dont 1 avec une modification substantielle, la plus récente d’abord" in markdown
    assert ">1 janv. 2025</text>" in markdown  # axis labels: the language's medium date
    assert "Version en vigueur à partir du 1 juin 2024, en vigueur, modification" in markdown
    assert "Nous sommes le 1 décembre 2024." in markdown
    assert markdown.count('class="tl-today-label"') == 2 and markdown.count(">Aujourd’hui</text>") == 2


def test_the_spanish_changes_page_translates_the_legend_and_the_declaration(three_versions):
    markdown = page(plan(three_versions, "es"), "privacy/2025-01-01/changes/index.md")
    assert markdown.startswith("# Privacy Statement: qué ha cambiado")
    assert "Declarado como cambio <strong>sustancial</strong>." in markdown
    assert "El <del>texto eliminado</del> y el <ins>texto insertado</ins> están marcados" in markdown
    assert "palabras: " in markdown and " añadidas, " in markdown
    assert "<strong>Resumen:</strong> We now collect your location." in markdown  # the summary is the author's text


def test_the_dutch_compare_page_hands_the_script_its_sentences(three_versions):
    import html
    import json

    markdown = page(plan(three_versions, "nl"), "privacy/compare/index.md")
    assert "# Privacy Statement: versies vergelijken" in markdown
    assert '<option value="2024-06-01" selected>1 juni 2024 (van kracht)</option>' in markdown
    messages = json.loads(html.unescape(re.search(r"data-messages='([^']*)'", markdown).group(1)))
    assert messages["Comparing\u2026"] == "Bezig met vergelijken…"
    assert messages["%(added)d word added, %(removed)d removed"] == ["%(added)d woord toegevoegd, %(removed)d verwijderd", "%(added)d woorden toegevoegd, %(removed)d verwijderd"]


def test_english_pages_carry_no_script_sentences(three_versions):
    site_plan = plan(three_versions, "en")
    assert all("data-messages" not in p.fill(p.markdown) for p in site_plan.pages)


def test_navigation_page_titles_and_home_are_translated(three_versions):
    site_plan = plan(three_versions, "de")
    assert site_plan.nav == ({"Privacy Statement": [
        {"In Kraft": "privacy/index.md"}, {"Verlauf": "privacy/history/index.md"}, {"Fassungen vergleichen": "privacy/compare/index.md"},
    ]},)
    titles = {p.path: p.title for p in site_plan.pages}
    assert titles["privacy/2025-01-01/changes/index.md"] == "Was sich am 1. Januar 2025 geändert hat"
    assert titles["index.md"] == "Erklärungen"
    home = page(site_plan, "index.md")
    assert '<span class="statement-chip statement-chip--in-force">In Kraft</span> seit <time datetime="2024-06-01">1. Juni 2024</time>' in home


def test_the_banner_is_written_in_the_plans_language(three_versions):
    (banner,) = plan(three_versions, "fr").banners
    assert banner.text == "Une nouvelle version de « Privacy Statement » entre en vigueur le 1 janvier 2025."
    assert banner.link_text == "Voir ce qui a changé"


def test_feeds_are_written_in_the_plans_language(three_versions):
    site_plan = plan(three_versions, "de")
    feed = next(a.content for a in site_plan.assets if a.path == "privacy/feed.xml")
    assert "<title>Privacy Statement: Fassungen</title>" in feed
    assert "<title>Privacy Statement, tritt am 1. Januar 2025 in Kraft</title>" in feed
    assert "<title>Privacy Statement, gültig ab 1. Juni 2024</title>" in feed
    assert 'label="Wesentliche Änderung"' in feed
    assert "Erste veröffentlichte Fassung." in feed


def test_the_findings_on_a_german_changes_page_are_worded_in_german(three_versions):
    from generator.material import classify

    def classifier(statement, version):
        previous = statement.previous(version)
        return classify(previous.body, version.body) if previous is not None else None

    statement = read_statement(three_versions.path / PATH)
    site_plan = plan_site([statement], PlanOptions(as_of=D("2024-12-01"), language="de"), diff=diff_engine, classify=classifier)
    markdown = page(site_plan, "privacy/2025-01-01/changes/index.md")
    assert '<h2 id="findings">Feststellungen</h2>' in markdown
    findings = re.findall(r'<li class="statement-finding[^"]*" data-rule="[^"]*">(.*?)\n', markdown)
    assert findings and all("In <em>" in f for f in findings)
    assert _english_left(markdown, "de") == []
    english = [f.message for f in classifier(statement, statement.versions[-1]).findings]
    assert not any(message in markdown for message in english)


def test_a_site_in_one_language_other_than_english_gets_the_generators_words_in_it(project, monkeypatch, tmp_path):
    from tests.conftest import built_page, run

    config = project.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  font: false\n", "  font: false\n  language: fr\n"), encoding="utf-8")
    project.commit("Statement", date="2024-01-02", files={PATH: statement_text(title="Déclaration de confidentialité", effective="2024-02-01", body=V1)})
    monkeypatch.chdir(project.path)
    result = run("build", "--as-of", "2024-03-01", "-d", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    html = built_page(tmp_path / "site", "privacy")
    assert '<html lang="fr"' in html
    assert ">En vigueur<" in html and '<time datetime="2024-02-01">1 février 2024</time>' in html
