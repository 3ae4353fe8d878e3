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
        "rule": "quantity", "severity": "material", "section": ["Logs"],
        "old": "We keep logs for 30 days.", "new": "We keep logs for 45 days.",
        "message": "A period changed in “Logs”: “30 days” is now “45 days”.",
    }


# --- typo level ------------------------------------------------------------------------------


def test_a_spelling_fix_in_a_material_section_is_editorial():
    result = verdict_of(modified("We recieve crash reports.", "We receive crash reports.", section=("How we use information",)))
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


def test_a_typo_that_makes_a_risk_word_is_not_editorial():
    result = verdict_of(modified("We shore the load.", "We share the load."))
    assert result.verdict == "material"
    assert "risk-vocabulary" in rules(result)


def test_a_typo_level_change_to_an_e_mail_address_is_a_party_change():
    section = ("Contact",)
    result = verdict_of(modified("Email: privacy@orchard.example", "Email: privacy@orchad.example", section=section))
    assert result.verdict == "material"
    assert rules(result)[0] == "party"


def test_a_changed_number_is_never_a_typo():
    result = verdict_of(modified("We have 3 offices.", "We have 4 offices."))
    assert result.verdict == "substantive"


def test_the_editorial_distance_is_configurable():
    change = modified("We recieve crash reports.", "We receive crash reports.")
    assert verdict_of(change, options={"editorial_distance": 0}).verdict == "substantive"


# --- renumbering, links, dates, moves ---------------------------------------------------------


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


def test_a_new_mailto_target_behind_the_same_words_is_a_party_change():
    old = block("Write to us.", section=("Contact",), html='<p>Write to <a href="mailto:privacy@orchard.example">us</a>.</p>')
    new = block("Write to us.", section=("Contact",), html='<p>Write to <a href="mailto:help@orchard.example">us</a>.</p>')
    result = verdict_of(Change("formatting", ("Contact",), old, new, ""))
    assert result.verdict == "material"
    assert "party" in rules(result)


def test_the_effective_date_written_in_the_text_is_editorial():
    result = verdict_of(modified("Effective date: March 1, 2025", "Effective date: June 1, 2025", section=()))
    assert result.verdict == "editorial"
    assert rules(result) == ["effective-date"]


def test_a_date_elsewhere_is_not_treated_as_the_effective_date():
    result = verdict_of(modified("The offer ends on March 1, 2025.", "The offer ends on June 1, 2026."))
    assert result.verdict == "substantive"


# --- material sections -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["Information we collect", "How we use information", "Sharing", "Children", "Retention", "International transfers",
     "Your rights", "Security", "Contact", "Changes to this statement"],
)
def test_a_reworded_passage_in_a_material_section_is_material(heading):
    result = verdict_of(modified("We look after it with care.", "We look after it with great care and attention.", section=(heading,)))
    assert result.verdict == "material"
    assert rules(result) == ["material-section"]


def test_a_material_section_is_found_by_any_heading_of_the_section_path():
    section = ("Information we collect", "Device details")
    assert rules(verdict_of(modified("We look after it.", "We look after it carefully.", section=section))) == ["material-section"]


def test_the_same_rewording_outside_material_sections_is_substantive():
    result = verdict_of(modified("We look after it with care.", "We look after it with great care and attention.", section=("Overview",)))
    assert result.verdict == "substantive"
    assert "no risk term" in result.findings[0].message


def test_extra_sections_make_a_heading_material():
    change = modified("We look after it.", "We look after it carefully.", section=("Nearby Notes",))
    assert verdict_of(change, options={"extra_sections": [r"\bnearby\b"]}).verdict == "material"


def test_a_disabled_rule_does_not_fire():
    change = modified("We look after it.", "We look after it carefully.", section=("Security",))
    result = verdict_of(change, options={"disable": ["material-section"]})
    assert result.verdict == "substantive"


# --- risk vocabulary -------------------------------------------------------------------------


def test_a_risk_term_added_anywhere_is_material():
    result = verdict_of(modified("We improve the app.", "We improve the app and show targeted offers."))
    assert result.verdict == "material"
    finding = result.findings[0]
    assert finding.rule == "risk-vocabulary"
    assert "“targeted”" in finding.message and finding.section == ("Overview",)


def test_a_risk_term_removed_is_material():
    result = verdict_of(removed("We transfer data to our parent company."))
    assert "no longer mentions “transfer”" in result.findings[0].message


def test_word_forms_of_a_risk_term_are_one_term():
    result = verdict_of(modified("We sell nothing.", "We sold nothing, ever again."))
    assert "risk-vocabulary" not in rules(result)


def test_a_risk_term_that_only_moves_within_its_section_is_not_new():
    result = verdict_of(
        removed("We share reports with auditors."),
        added("Auditors receive reports we share."),
    )
    assert "risk-vocabulary" not in rules(result)


def test_extra_risk_terms_are_configurable():
    result = verdict_of(modified("We bake bread.", "We bake sourdough bread."), options={"extra_risk_terms": ["sourdough"]})
    assert rules(result)[0] == "risk-vocabulary"


def test_an_all_capitals_risk_term_matches_only_that_word():
    assert "risk-vocabulary" in rules(verdict_of(modified("We plan meals.", "We plan meals with AI.")))
    assert "risk-vocabulary" not in rules(verdict_of(modified("We plan meals.", "We plan meals, said Kai.")))


# --- negation --------------------------------------------------------------------------------


def test_a_removed_negation_is_material():
    result = verdict_of(modified("We do not sell your information.", "We may sell your information.", section=("Overview",)))
    finding = result.findings[0]
    assert finding.rule == "negation" and finding.severity == "material"
    assert "negation was removed" in finding.message
    assert "do not sell" in finding.message and "may sell" in finding.message


def test_will_not_becoming_will_is_a_removed_negation():
    result = verdict_of(modified("We will not contact you.", "We will contact you."))
    assert "negation" in rules(result)


def test_an_added_negation_is_material():
    result = verdict_of(modified("You can delete your account.", "You cannot delete your account."))
    assert "negation was added" in result.findings[0].message


def test_a_removed_limit_is_material():
    result = verdict_of(modified("We share it only with our host.", "We share it with our host."))
    assert any(f.rule == "negation" and "“only”" in f.message for f in result.findings)


# --- quantities ------------------------------------------------------------------------------


def test_a_changed_period_names_both_values():
    result = verdict_of(modified("We keep logs for thirty days.", "We keep logs for 45 days.", section=("Overview",)))
    assert result.findings[0].message == "A period changed in “Overview”: “thirty days” is now “45 days”."


def test_a_changed_minimum_age_is_material():
    result = verdict_of(modified("The app is for people aged 13 or over.", "The app is for people aged 16 or over."))
    assert "minimum or maximum age" in result.findings[0].message


def test_a_new_period_in_an_added_paragraph_is_reported():
    result = verdict_of(added("We keep backups for 12 months."))
    assert any(f.rule == "quantity" and "was added" in f.message for f in result.findings)


# --- lists, rights and obligations -------------------------------------------------------------


def intro_and_items(intro: str, items: list[str], section: tuple[str, ...]) -> tuple[Block, ...]:
    return (block(intro, section=section),) + tuple(block(i, kind="item", section=section) for i in items)


def test_a_new_entry_in_a_list_of_collected_information_is_material():
    section = ("Your account",)
    new = intro_and_items("When you sign up we collect:", ["your name;", "your phone number."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert rules(result)[0] == "list-item"
    assert "list of the information collected" in result.findings[0].message


def test_a_new_entry_in_a_list_of_recipients_is_material():
    section = ("Service providers",)
    new = intro_and_items("We disclose information to:", ["our host;", "our ad partners."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert "list of those who receive information" in result.findings[0].message


def test_a_new_entry_in_an_unrelated_list_is_not_a_list_finding():
    section = ("Features",)
    new = intro_and_items("The app lets you:", ["plan meals;", "print menus."], section)
    result = verdict_of(Change("added", section, None, new[-1], ""), new=new, old=new[:-1])
    assert "list-item" not in rules(result)
    assert result.verdict == "substantive"


def test_a_removed_entry_in_a_list_of_rights_is_a_removed_right():
    result = verdict_of(removed("ask us to delete your information.", kind="item", section=("Your rights",)))
    assert "rights-removed" in rules(result)


def test_a_weakened_obligation_is_a_removed_obligation():
    result = verdict_of(modified("We will tell you by email.", "We may tell you by email."))
    finding = next(f for f in result.findings if f.rule == "rights-removed")
    assert "obligation" in finding.message


# --- parties ---------------------------------------------------------------------------------


def test_a_new_controller_name_is_material():
    section = ("Contact",)
    result = verdict_of(modified("Lumen Orchard Ltd., 7 Mill Row.", "Orchard Plate Holdings Ltd., 7 Mill Row.", section=section))
    finding = next(f for f in result.findings if f.rule == "party")
    assert "company name changed from Lumen Orchard Ltd to Orchard Plate Holdings Ltd" in finding.message


def test_a_new_postal_address_is_material():
    result = verdict_of(modified("Write to 7 Mill Row, Leeds LS1 4AP.", "Write to 9 Dock Road, Hull HU1 2AB.", section=("Overview",)))
    assert "party" in rules(result) and result.verdict == "material"


# --- configuration -----------------------------------------------------------------------------


def test_the_material_options_have_sensible_defaults():
    config = MaterialConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert config.editorial_distance == 2 and config.disable == [] and len(config.sections) >= 10


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


def test_the_plugin_config_carries_the_material_options():
    from generator.config import StatementsConfig

    config = StatementsConfig()
    config.load_dict({"material": {"disable": ["negation"]}})
    assert config.validate() == ([], [])
    result = verdict_of(modified("We will not contact you.", "We will contact you."), options=config)
    assert "negation" not in rules(result)


def test_a_finding_is_a_frozen_value():
    finding = Finding("quantity", "material", ("Logs",), "30 days", "45 days", "A period changed.")
    with pytest.raises(AttributeError):
        finding.rule = "other"  # type: ignore[misc]
