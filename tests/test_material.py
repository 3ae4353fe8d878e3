"""The material-change detector: each rule on hand-built changes, verdicts, and its configuration.

Changes are built by hand here (blocks as the renderer makes them), so that each test shows one
rule at work; tests/test_material_fixtures.py runs whole statements through the diff engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from generator.material import VERDICTS, Classification, Finding, MaterialConfig, classify_diff
from generator.render import Block, fold_key

try:  # the diff engine's value objects, when it is installed; the detector only reads their fields
    from generator.diff import Change
except ImportError:  # pragma: no cover - the detector is duck-typed over these fields

    @dataclass(frozen=True)
    class Change:  # type: ignore[no-redef]
        kind: str
        section: tuple[str, ...]
        old: Any
        new: Any
        redline: str = ""


@dataclass(frozen=True)
class FakeDiff:
    old: tuple[Block, ...]
    new: tuple[Block, ...]
    changes: tuple[Change, ...]


def block(text: str, *, kind: str = "paragraph", section: tuple[str, ...] = ("Overview",), html: str | None = None, anchor: str | None = None) -> Block:
    tag = {"paragraph": "p", "item": "li", "heading": "h2"}.get(kind, "p")
    return Block(kind, 2 if kind == "heading" else 0, section, anchor, html or f"<{tag}>{text}</{tag}>", text, fold_key(text))


def modified(old: str, new: str, *, section: tuple[str, ...] = ("Overview",), kind: str = "paragraph", change: str = "modified", **extra: Any) -> Change:
    return Change(change, section, block(old, kind=kind, section=section, **extra), block(new, kind=kind, section=section, **extra), "")


def added(text: str, *, section: tuple[str, ...] = ("Overview",), kind: str = "paragraph") -> Change:
    return Change("added", section, None, block(text, kind=kind, section=section), "")


def removed(text: str, *, section: tuple[str, ...] = ("Overview",), kind: str = "paragraph") -> Change:
    return Change("removed", section, block(text, kind=kind, section=section), None, "")


def verdict_of(*changes: Change, options: Any = None, old: tuple[Block, ...] = (), new: tuple[Block, ...] = ()) -> Classification:
    if not new:
        new = tuple(c.new for c in changes if c.new is not None)
    if not old:
        old = tuple(c.old for c in changes if c.old is not None)
    return classify_diff(FakeDiff(old, new, tuple(changes)), options=options)


def rules(result: Classification) -> list[str]:
    return [f.rule for f in result.findings]


# --- verdict scale ---------------------------------------------------------------------------


def test_no_change_is_verdict_none():
    assert verdict_of().verdict == "none"


def test_a_formatting_change_alone_is_verdict_formatting():
    change = modified("We keep logs.", "We keep logs.", change="formatting", html="<p>We keep <em>logs</em>.</p>")
    result = verdict_of(change)
    assert result.verdict == "formatting"
    assert rules(result) == ["formatting"]


def test_a_pure_move_is_editorial_and_not_a_content_change():
    section = ("Security",)
    result = verdict_of(Change("moved", section, block("We encrypt data.", section=section), block("We encrypt data.", section=section), ""))
    assert result.verdict == "editorial"
    assert rules(result) == ["moved"]


def test_findings_come_most_severe_first_and_the_verdict_is_the_most_severe():
    result = verdict_of(
        modified("We recieve reports.", "We receive reports.", section=("Overview",)),
        modified("We keep logs for 30 days.", "We keep logs for 45 days.", section=("Logs",)),
    )
    assert result.verdict == "material"
    assert [f.severity for f in result.findings] == sorted((f.severity for f in result.findings), key=VERDICTS.index, reverse=True)


def test_classification_and_findings_are_plain_data_for_json():
    result = verdict_of(modified("We keep logs for 30 days.", "We keep logs for 45 days.", section=("Logs",)))
    data = result.to_dict()
    assert data["verdict"] == "material"
    assert data["findings"][0] == {
        "rule": "quantities", "severity": "material", "section": ["Logs"],
        "old": "We keep logs for 30 days.", "new": "We keep logs for 45 days.",
        "message": "“30 days” is now “45 days”.",
        "old_marks": [[17, 19]], "new_marks": [[17, 19]],
        "old_marked": "We keep logs for [-30-] days.", "new_marked": "We keep logs for {+45+} days.",
    }


# --- clause alignment --------------------------------------------------------------------------


def test_a_finding_quotes_the_same_clause_on_both_sides():
    old = "We run the service from Leeds. We do not sell your information. Support answers within a day."
    new = "We run the service from Leeds. We may sell your information. Support answers within a day."
    finding = verdict_of(modified(old, new)).findings[0]
    assert finding.old == "We do not sell your information."
    assert finding.new == "We may sell your information."


def test_a_negation_in_one_sentence_is_never_paired_with_another_sentence():
    old = "You may file a complaint with us. We answer quickly."
    new = "You may file a complaint with us. This service is provided at no cost to you. We answer quickly."
    assert "commitments" not in rules(verdict_of(modified(old, new)))


def test_a_long_clause_is_quoted_from_before_its_change_never_after_it():
    filler = " ".join(f"word{n}" for n in range(120))
    old = f"We keep logs for 30 days and {filler}."
    new = f"We keep logs for 90 days and {filler}."
    finding = verdict_of(modified(old, new)).findings[0]
    assert finding.old.startswith("We keep logs for 30 days") and finding.old.endswith("…")
    assert finding.marked("new", "<", ">").startswith("We keep logs for <90> days")


def test_a_sentence_moved_from_one_paragraph_to_another_is_editorial():
    result = verdict_of(
        modified("We host in Leeds. We encrypt backups.", "We host in Leeds."),
        modified("Support answers within a day.", "Support answers within a day. We encrypt backups."),
    )
    assert result.verdict == "editorial"
    assert rules(result) == ["moved"]


def test_a_sentence_split_in_two_is_editorial():
    result = verdict_of(modified("We do not sell it and we do not rent it.", "We do not sell it. We do not rent it."))
    assert result.verdict == "editorial"


def test_list_markers_in_a_block_are_formatting():
    result = verdict_of(modified("We collect: - your name; - your e-mail.", "We collect: * your name; * your e-mail.", change="formatting"))
    assert result.verdict == "formatting"


# --- form: editorial wherever it happens ---------------------------------------------------------


def test_a_spelling_fix_in_a_sharing_clause_is_editorial():
    result = verdict_of(modified("We recieve crash reports from our partners.", "We receive crash reports from our partners.", section=("Sharing",)))
    assert result.verdict == "editorial"
    assert rules(result) == ["editorial"]
    assert "“recieve” → “receive”" in result.findings[0].message


def test_punctuation_and_capitalisation_are_editorial():
    result = verdict_of(modified("We encrypt data, and log access.", "We encrypt Data; and log access", section=("Security",)))
    assert result.verdict == "editorial"


def test_an_article_added_is_editorial():
    assert verdict_of(modified("We encrypt data at rest.", "We encrypt the data at rest.", section=("Security",))).verdict == "editorial"


def test_a_different_short_word_is_not_a_typo():
    result = verdict_of(modified("Ask him for details.", "Ask her for details."))
    assert result.verdict == "substantive"
    assert rules(result) == ["content"]


def test_a_page_address_written_in_a_disputes_section_is_editorial():
    result = verdict_of(modified("Read the rules at help.acme.example/en/arbitration.", "Read the rules at docs.acme.example/arbitration.", section=("Disputes",)))
    assert result.verdict == "editorial"
    assert rules(result) == ["link-target"]


def test_a_renamed_product_is_editorial():
    result = verdict_of(modified("If you use Orchard Basic, the Basic Addendum applies.", "If you use Orchard Plus, the Plus Addendum applies."))
    assert result.verdict == "editorial"
    assert rules(result) == ["renaming"]


def test_a_new_name_for_a_recipient_is_not_a_renaming():
    result = verdict_of(modified("We share usage data with Mixpoint Analytics.", "We share usage data with Adcraft Analytics."))
    assert result.verdict == "material"


def test_an_abbreviation_written_out_is_editorial():
    assert verdict_of(modified("We rely on the EEA rules.", "We rely on the European Economic Area rules.")).verdict == "editorial"


def test_a_changed_number_is_never_a_typo():
    result = verdict_of(modified("We have 3 offices.", "We have 4 offices."))
    assert result.verdict == "substantive"


def test_the_editorial_distance_is_configurable():
    change = modified("We recieve crash reports.", "We receive crash reports.")
    assert verdict_of(change, options={"editorial_distance": 0}).verdict == "substantive"


def test_a_renumbered_heading_is_editorial():
    result = verdict_of(modified("3. Sharing", "4. Sharing", kind="heading", section=("4. Sharing",), change="formatting"))
    assert result.verdict == "editorial"
    assert rules(result) == ["renumbering"]


def test_a_renumbered_cross_reference_is_editorial():
    result = verdict_of(modified("See Section 3 for your choices.", "See Section 4 for your choices.", section=("Cookies",)))
    assert result.verdict == "editorial"


def test_a_link_target_that_changes_while_the_words_stay_is_editorial():
    old = block("Our cookie notice lists it.", section=("Cookies",), html='<p>Our <a href="https://orchard.example/cookies">cookie notice</a> lists it.</p>')
    new = block("Our cookie notice lists it.", section=("Cookies",), html='<p>Our <a href="https://orchard.example/legal/cookies">cookie notice</a> lists it.</p>')
    result = verdict_of(Change("formatting", ("Cookies",), old, new, ""))
    assert result.verdict == "editorial"
    assert rules(result) == ["link-target"]
    assert result.findings[0].new == "https://orchard.example/legal/cookies"


def test_a_heading_anchor_that_changes_while_the_words_stay_is_editorial():
    old = block("Sharing", kind="heading", section=("Sharing",), anchor="sharing", html='<h2 id="sharing">Sharing</h2>')
    new = block("Sharing", kind="heading", section=("Sharing",), anchor="who-we-share-with", html='<h2 id="who-we-share-with">Sharing</h2>')
    assert rules(verdict_of(Change("formatting", ("Sharing",), old, new, ""))) == ["link-target"]


def test_an_address_wrapped_in_its_own_mailto_link_is_formatting():
    old = block("Write to privacy@orchard.example.", section=("Contact",), html="<p>Write to privacy@orchard.example.</p>")
    new = block("Write to privacy@orchard.example.", section=("Contact",), html='<p>Write to <a href="mailto:privacy@orchard.example">privacy@orchard.example</a>.</p>')
    assert verdict_of(Change("formatting", ("Contact",), old, new, "")).verdict == "formatting"


def test_a_new_mailto_target_behind_the_same_words_is_a_contact_change():
    old = block("Write to us.", section=("Contact",), html='<p>Write to <a href="mailto:privacy@orchard.example">us</a>.</p>')
    new = block("Write to us.", section=("Contact",), html='<p>Write to <a href="mailto:help@orchard.example">us</a>.</p>')
    result = verdict_of(Change("formatting", ("Contact",), old, new, ""))
    assert result.verdict == "substantive"
    assert rules(result) == ["contact"]


def test_the_effective_date_written_in_the_text_is_editorial():
    result = verdict_of(modified("Effective date: March 1, 2025", "Effective date: June 1, 2025", section=()))
    assert result.verdict == "editorial"
    assert rules(result) == ["effective-date"]


def test_a_date_elsewhere_is_not_treated_as_the_effective_date():
    result = verdict_of(modified("The offer ends on March 1, 2025.", "The offer ends on June 1, 2026."))
    assert result.verdict == "substantive"


# --- no material-by-heading: a reworded passage is judged by what it says ---------------------


@pytest.mark.parametrize("heading", ["Information we collect", "Sharing", "Retention", "Your rights", "Security", "Contact"])
def test_a_reworded_passage_that_changes_no_practice_is_substantive_in_any_section(heading):
    result = verdict_of(modified("We look after it with care.", "We look after it with great care and attention.", section=(heading,)))
    assert result.verdict == "substantive"
    assert rules(result) == ["content"]


# --- polarity: restricting the company is not a new risk -----------------------------------------


def test_a_new_we_do_not_sell_sentence_is_not_material():
    result = verdict_of(added("We do not sell your personal information to anyone."))
    assert result.verdict == "substantive"
    assert rules(result) == ["commitments"]


def test_a_new_sentence_that_sells_is_material():
    result = verdict_of(added("We may sell your personal information to data brokers."))
    assert result.verdict == "material"


def test_a_removed_negation_is_material():
    result = verdict_of(modified("We do not sell your information.", "We may sell your information."))
    finding = result.findings[0]
    assert finding.rule == "commitments" and finding.severity == "material"
    assert finding.message == "The clause no longer says “not”."


def test_a_removed_limit_is_material():
    result = verdict_of(modified("We share it only with our host.", "We share it with our host."))
    assert any(f.rule == "commitments" and f.severity == "material" for f in result.findings)


def test_an_added_limit_is_substantive():
    result = verdict_of(modified("We share it with our host.", "We share it only with our host."))
    assert result.verdict == "substantive"


def test_will_weakened_to_may_is_material():
    result = verdict_of(modified("We will tell you by email before a change.", "We may tell you by email before a change."))
    assert "commitments" in rules(result) and result.verdict == "material"


def test_an_exception_added_to_a_limit_is_material():
    result = verdict_of(modified("We do not share your data with advertisers.", "We do not share your data with advertisers unless you use a free plan."))
    assert result.verdict == "material"


def test_a_limit_that_binds_fewer_people_is_material():
    result = verdict_of(modified("Acme may only access your files for support.", "Acme engineers may only access your files for support."))
    assert result.verdict == "material"
    assert "engineers" in result.findings[0].message


def test_a_reader_obligation_removed_is_not_a_company_commitment():
    result = verdict_of(removed("You must not sell other users' personal information."))
    assert result.verdict == "substantive"


# --- lists need list semantics ----------------------------------------------------------------


def intro_and_items(intro: str, items: list[str], section: tuple[str, ...]) -> tuple[Block, ...]:
    return (block(intro, section=section),) + tuple(block(i, kind="item", section=section) for i in items)


def test_a_new_entry_in_a_list_of_collected_information_is_material():
    section = ("Your account",)
    new = intro_and_items("When you sign up we collect:", ["your name;", "your phone number."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert rules(result)[0] == "collection"
    assert result.findings[0].message == "“your phone number.” is now listed among the information collected."


def test_a_new_entry_in_a_list_of_recipients_is_material():
    section = ("Service providers",)
    new = intro_and_items("We disclose information to:", ["our host;", "our ad partners."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert "listed among those who receive information" in result.findings[0].message


def test_a_new_entry_in_a_list_of_principles_under_a_sharing_heading_is_not_a_recipient():
    section = ("Sharing",)
    new = intro_and_items("Our framework follows these principles:", ["notice;", "accountability for onward transfer."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert "recipients" not in rules(result)


def test_a_new_entry_in_a_list_straight_under_a_collection_heading_is_collected_information():
    section = ("Information we collect",)
    new = (block("Information we collect", kind="heading", section=section),) + tuple(block(i, kind="item", section=section) for i in ["your name;", "your voice recordings."])
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert rules(result)[0] == "collection"


def test_a_new_entry_in_an_unrelated_list_is_not_a_list_finding():
    section = ("Features",)
    new = intro_and_items("The app lets you:", ["plan meals;", "print menus."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert result.verdict == "substantive"
    assert rules(result) == ["content"]


def test_a_removed_entry_in_a_list_of_rights_is_a_removed_right():
    result = verdict_of(removed("ask us to delete your information.", kind="item", section=("Your rights",)))
    assert "rights" in rules(result) and result.verdict == "material"


# --- rules of substance -------------------------------------------------------------------------


def test_a_changed_period_names_both_values():
    result = verdict_of(modified("We keep logs for thirty days.", "We keep logs for 45 days.", section=("Overview",)))
    assert result.findings[0].message == "“thirty days” is now “45 days”."


def test_a_changed_minimum_age_is_material():
    result = verdict_of(modified("The app is for people aged 13 or over.", "The app is for people aged 16 or over."))
    assert result.findings[0].rule == "quantities" and result.verdict == "material"


def test_a_new_transfer_mechanism_clause_is_material():
    assert verdict_of(added("We transfer your data to our office in Singapore under contracts we consider adequate.")).verdict == "material"


def test_a_right_made_conditional_is_material():
    result = verdict_of(modified("You can delete your account data at any time.", "You can delete your account data only by writing to us."))
    assert "rights" in rules(result) and result.verdict == "material"


def test_a_new_right_is_substantive():
    result = verdict_of(added("You can also download a copy of your data from your settings."))
    assert result.verdict == "substantive" and rules(result) == ["rights"]


def test_the_company_reserving_a_right_is_not_a_right_of_the_reader():
    assert "rights" not in rules(verdict_of(removed("We have the right to remove any content that breaks these rules.")))


def test_a_new_controller_name_is_material():
    section = ("Contact",)
    result = verdict_of(modified("Lumen Orchard Ltd., 7 Mill Row.", "Orchard Plate Holdings Ltd., 7 Mill Row.", section=section))
    finding = next(f for f in result.findings if f.rule == "controller")
    assert finding.message == "The company named is now Orchard Plate Holdings Ltd, not Lumen Orchard Ltd."


def test_a_new_postal_address_of_the_same_company_is_substantive():
    result = verdict_of(modified("Write to 7 Mill Row, Leeds LS1 4AP.", "Write to 9 Dock Road, Hull HU1 2AB.", section=("Contact",)))
    assert "contact" in rules(result) and result.verdict == "substantive"


def test_a_typo_level_change_to_an_e_mail_address_is_a_contact_change():
    result = verdict_of(modified("Email: privacy@orchard.example", "Email: privacy@orchad.example", section=("Contact",)))
    assert rules(result)[0] == "contact" and result.verdict == "substantive"


def test_a_new_governing_law_is_material():
    assert verdict_of(modified("These terms are governed by the laws of England.", "These terms are governed by the laws of Delaware.")).verdict == "material"


def test_a_new_sensitive_practice_is_material_and_its_negation_is_not():
    assert verdict_of(added("We use your precise location to show targeted advertising.")).verdict == "material"
    assert verdict_of(added("We never use your precise location for targeted advertising.")).verdict == "substantive"


def test_sensitive_data_is_a_practice_but_a_sensitive_topic_is_not():
    assert "practices" in rules(verdict_of(added("We collect sensitive personal information such as your health conditions.")))
    assert "practices" not in rules(verdict_of(added("Due to the sensitive nature of these plans, keep them to yourself.")))


def test_extra_risk_terms_are_configurable():
    change = added("We read your sourdough starter logs.")
    assert "practices" not in rules(verdict_of(change))
    assert "practices" in rules(verdict_of(change, options={"extra_risk_terms": ["sourdough"]}))


def test_an_all_capitals_risk_term_matches_only_that_word():
    assert "practices" in rules(verdict_of(modified("We plan meals.", "We plan meals with AI.")))
    assert "practices" not in rules(verdict_of(modified("We plan meals.", "We plan meals, said Kai.")))


# --- configuration -----------------------------------------------------------------------------


def test_the_material_options_have_sensible_defaults():
    config = MaterialConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert config.editorial_distance == 2 and config.disable == [] and len(config.sections) >= 5


def test_an_unknown_rule_name_is_refused():
    config = MaterialConfig()
    config.load_dict({"disable": ["negatoin"]})
    failed, _ = config.validate()
    assert failed and "negatoin" in str(failed[0][1])


def test_an_invalid_section_pattern_is_refused():
    config = MaterialConfig()
    config.load_dict({"extra_sections": ["(unclosed"]})
    failed, _ = config.validate()
    assert failed and "not a valid regular expression" in str(failed[0][1])


def test_a_disabled_rule_does_not_fire():
    change = modified("We will not contact you.", "We will contact you.")
    assert "commitments" in rules(verdict_of(change))
    assert "commitments" not in rules(verdict_of(change, options={"disable": ["commitments"]}))


def test_a_table_row_whose_rules_are_all_switched_off_is_still_a_change_of_substance():
    from generator.material import classify

    old = "# Cookies\n\n| Cookie | Set by | Purpose |\n|---|---|---|\n| session | Acme | Keeps you signed in |\n"
    new = old + "| _fbp | Meta Platforms | Measures how well our adverts work |\n"
    assert [(f.rule, f.severity) for f in classify(old, new).findings] == [("cookies", "material")]
    switched_off = classify(old, new, options={"disable": ["cookies"]})
    assert switched_off.verdict == "substantive"
    assert [f.rule for f in switched_off.findings] == ["content"]


def test_a_rule_name_of_earlier_releases_still_switches_its_rule_off():
    from generator.config import StatementsConfig

    config = StatementsConfig()
    config.load_dict({"material": {"disable": ["negation"]}})
    assert config.validate() == ([], [])
    result = verdict_of(modified("We will not contact you.", "We will contact you."), options=config)
    assert "commitments" not in rules(result)


def test_a_finding_is_a_frozen_value():
    finding = Finding("quantities", "material", ("Logs",), "30 days", "45 days", "“30 days” is now “45 days”.")
    with pytest.raises(AttributeError):
        finding.rule = "other"  # type: ignore[misc]


def test_a_finding_marks_its_changed_words_as_html_with_the_text_escaped():
    finding = Finding("quantities", "material", (), "<b>30</b> days", "<b>45</b> days", "m", ((3, 5),), ((3, 5),))
    assert finding.old_html == "&lt;b&gt;<del>30</del>&lt;/b&gt; days"
    assert finding.new_html == "&lt;b&gt;<ins>45</ins>&lt;/b&gt; days"


def test_a_sentence_split_into_entries_elsewhere_is_not_one_entry_that_says_less():
    sentence = "You may ask us for a copy of the personal information we hold about you, and ask us to correct or delete it."
    entries = ("ask for a copy of the personal information we hold about you;",
               "ask us to correct information that is inaccurate or incomplete;", "ask us to delete your information;")
    result = verdict_of(removed(sentence, section=("Access",)), *(added(e, section=("Your rights",), kind="item") for e in entries))
    assert not any(f.message.startswith("A clause stating a right or choice of the reader now says less") for f in result.findings)


# --- a statement in another language ---------------------------------------------------------

_SPANISH = (
    "Tratamos sus datos personales para prestar el servicio, gestionar su cuenta y cumplir nuestras "
    "obligaciones legales. Conservamos los datos mientras usted mantenga la cuenta y un año adicional. "
    "Puede ejercer sus derechos de acceso, rectificación, eliminación y oposición escribiendo a la "
    "dirección indicada al final de esta política, y presentar una reclamación ante la autoridad."
)


def test_a_statement_in_another_language_says_its_changes_could_not_be_read():
    old = _SPANISH
    new = _SPANISH.replace("un año adicional", "cinco años adicionales")
    result = verdict_of(modified(old, new))
    assert result.findings[0].message.startswith("The statement is not written in English")
    assert "material: true" in result.findings[0].message


def test_a_statement_in_english_is_not_told_it_is_not():
    result = verdict_of(modified("We answer questions about this statement by post.", "We answer questions about this statement by post or phone."))
    assert not any(f.message.startswith("The statement is not written in English") for f in result.findings)


# --- said again in its section ------------------------------------------------------------------

_SHARING = (
    "# Privacy\n\n## Sharing\n\nWe share your data with our payment provider to process payments. "
    "We do not share your data with advertisers.\n\n## Collection\n\nWe collect your name and e-mail address when you register.\n"
)


@pytest.mark.parametrize("before, after", [
    # a recipient the section names elsewhere, only added to those a clause shares with
    ("with our payment provider to", "with our payment provider and advertisers to"),
    # what the section rules out, now said the other way
    ("We do not share your data with advertisers.", "We do not share your data with advertisers. We share your data with advertisers."),
])
def test_what_a_section_says_elsewhere_does_not_make_a_new_recipient_said_again(before, after):
    from generator.material import classify

    assert classify(_SHARING, _SHARING.replace(before, after)).verdict == "material"

