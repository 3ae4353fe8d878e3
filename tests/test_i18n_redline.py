"""A redline's own words (announcements, move and link notes, side-by-side headings) in the reader's language.

The engine writes them in English in Python and in the browser alike; ``redline_words`` translates
a finished redline. Real diffs of the engine are used throughout.
"""

from __future__ import annotations

from generator.diff import diff_markdown, render_redline, render_side_by_side
from generator.redline_words import localize_redline
from tests.test_diff import BASE, fixture

OLD = "## Cookies\n\nWe use cookies. Read the [cookie policy](https://example.com/cookies).\n"
NEW = "## Cookies\n\nWe use few cookies. Read the [cookie policy](https://example.com/tracking).\n"


def test_english_redlines_are_returned_unchanged():
    html = render_redline(diff_markdown(OLD, NEW))
    assert localize_redline(html, "en") is html


def test_screen_reader_announcements_are_translated():
    html = localize_redline(render_redline(diff_markdown(OLD, NEW)), "de")
    assert '<ins class="redline-ins"><span class="redline-sr">eingefügt: </span>few </ins>' in html
    assert "inserted: " not in html


def test_a_changed_link_says_where_it_pointed_in_the_readers_language():
    html = localize_redline(render_redline(diff_markdown(OLD, NEW)), "fr")
    assert "(lien modifié ; il pointait vers https://example.com/cookies)" in html
    assert "link changed" not in html


def test_move_notes_keep_their_links_and_section_titles():
    english = render_redline(diff_markdown(BASE, fixture("section-swap")))
    html = localize_redline(english, "es")
    assert "Moved from" not in html and "Moved to" not in html
    assert html.count("Movido desde <a href=\"#redline-moved-from-") == english.count("Moved from <a href=\"#redline-moved-from-")
    assert html.count("Movido a <a href=\"#redline-moved-to-") == english.count("Moved to <a href=\"#redline-moved-to-")


def test_translating_the_words_keeps_the_statement_text_and_every_tag():
    import re

    english = render_redline(diff_markdown(BASE, fixture("section-swap")))
    html = localize_redline(english, "nl")
    tags = re.compile(r"<[^>]+>")
    assert tags.findall(html) == tags.findall(english)


def test_the_side_by_side_table_gets_translated_headings():
    html = localize_redline(render_side_by_side(diff_markdown(OLD, NEW)), "de")
    assert "<caption>Änderungen zwischen den beiden Fassungen, Abschnitt für Abschnitt</caption>" in html
    assert '<th scope="col">Vorherige Fassung</th><th scope="col">Diese Fassung</th>' in html
