"""The findings' sentences in the reader's language.

The detector writes each finding as an English sentence; ``material.wording`` reads it back with
the pattern it was made from and writes it again in another language, keeping the statement's
quoted words. Every finding of the material fixtures (each rule, both directions) must be
translated — a new rule's sentence without a pattern fails here rather than showing English.
"""

from __future__ import annotations

import pytest

from generator.material import classify
from generator.material.wording import PATTERNS, finding_text
from tests.test_material_fixtures import CASES, pair


def all_messages() -> list[str]:
    return sorted({finding.message for name in sorted(CASES) for finding in classify(*pair(name)).findings})


MESSAGES = all_messages()


def test_the_fixtures_give_many_kinds_of_finding():
    assert len(MESSAGES) >= 30


@pytest.mark.parametrize("language", ["de", "fr", "es", "nl"])
def test_every_finding_of_the_fixtures_is_translated(language):
    untranslated = [message for message in MESSAGES if finding_text(message, language) == message]
    assert untranslated == []


def test_english_findings_are_shown_as_the_detector_wrote_them():
    assert all(finding_text(message, "en") is message for message in MESSAGES)


def test_quoted_words_of_the_statement_stay_as_written():
    message = "“30 days” is now “90 days”."
    assert finding_text(message, "de") == "“30 days” ist jetzt “90 days”."


def test_the_place_and_the_example_of_an_editorial_change_are_translated():
    message = ("Spelling, punctuation, capitalisation or an abbreviation changed in “Your rights” "
               "(e.g. “e-mail” → “email”); the words mean the same.")
    assert finding_text(message, "fr") == (
        "L’orthographe, la ponctuation, les majuscules ou une abréviation ont changé dans la section « Your rights » "
        "(p. ex. “e-mail” → “email”) ; les mots ont le même sens."
    )


def test_a_repeated_finding_translates_the_sentence_inside():
    message = "The limit now allows less. (3 clauses like this here; the first is quoted.)"
    assert finding_text(message, "nl") == "De beperking staat nu minder toe. (3 van zulke clausules hier; de eerste wordt geciteerd.)"


def test_legal_bases_and_listings_are_named_in_the_language():
    assert finding_text("The legal basis now names consent, contract.", "es") == \
        "La base jurídica menciona ahora consentimiento, contrato."
    assert finding_text("The clause now names Acme GmbH and Fernhill Ltd.", "de") == "Die Klausel nennt jetzt Acme GmbH und Fernhill Ltd."


def test_a_sentence_no_pattern_knows_stays_in_english():
    assert finding_text("A rule of a later release says something new.", "de") == "A rule of a later release says something new."


def test_every_pattern_reads_back_the_sentence_it_makes():
    import re

    samples = {"num": "3", "quote": "“x”", "old_quote": "“y”", "name": "“_ga”", "header": "“Sold or shared”", "where": " in “Cookies”", "example": " (e.g. “a” → “b”)",
               "kind": "e-mail address", "quantity": "period", "message": "The limit now allows less.",
               "bases": "consent", "old_bases": "contract"}
    for pattern in PATTERNS:
        names = re.findall(r"%\((\w+)\)s", pattern)
        english = pattern % {name: samples.get(name, "Acme") for name in names}
        assert finding_text(english, "de") != english, pattern
