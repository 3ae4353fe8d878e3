"""The rules' shortcuts give exactly what reading the clause in full gives.

A rule looks at C speed for what a pattern cannot match without (an @, a digit, a word) before it
searches the pattern, and tells words apart by their letters before working out an edit distance.
Each look may only rule out what the full computation would rule out.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.material.changes import ClauseChange
from generator.material.clauses import Clause
from generator.material.reading import topics_of
from generator.material import form
from generator.material.form import _allowed, _typo
from generator.material.rules import collection, contact, controller, purpose
from generator.material.rules.needs import Branch, any_match, may_match
from generator.material.text import distance

# Text around a match: ASCII and other letters, digits of other scripts, spaces and punctuation.
AROUND = st.lists(
    st.sampled_from(list("aZ9 _-.,;:'@+/(") + ["call ", "Tel. ", "Suite ", "\u0663", "\u00e4", "\u017f", "\u212a", "PHONE"]),
    max_size=10,
).map("".join)


@st.composite
def contact_texts(draw: st.DrawFn) -> tuple[str, str]:
    """A kind of contact detail and a text holding a match of its pattern amid other text."""
    kind = draw(st.sampled_from([name for name, _, _ in contact.KINDS]))
    pattern = next(p for name, p, _ in contact.KINDS if name == kind)
    alphabet = st.characters(min_codepoint=32, max_codepoint=126) if draw(st.booleans()) else st.characters(max_codepoint=0x3000)
    made = draw(st.from_regex(pattern, fullmatch=True, alphabet=alphabet))
    text = draw(AROUND) + made + draw(AROUND)
    return kind, draw(st.sampled_from([text, text.upper(), text.lower(), text.title()]))


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(contact_texts())
def test_a_text_a_contact_pattern_matches_is_never_ruled_out_before_the_search(case):
    kind, text = case
    _, pattern, may_be = next(k for k in contact.KINDS if k[0] == kind)
    if pattern.search(text):
        assert may_be(text), (kind, text)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(AROUND)
def test_a_contact_detail_is_looked_for_only_where_its_pattern_may_match(text):
    for _, pattern, may_be in contact.KINDS:
        assert may_be(text) or pattern.search(text) is None
    # the rule reads only a text with an @ or a digit (of any script)
    assert contact._candidate(text) == (re.search(r"[@\d]", text) is not None)


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(st.text(st.sampled_from(list("abcdeirst")), max_size=9), st.text(st.sampled_from(list("abcdeirst")), max_size=9), st.integers(1, 3))
def test_a_typo_is_told_by_letters_first_as_the_edit_distance_tells_it(a, b, limit):
    assert _typo(a, b, limit) == (distance(a, b, limit) <= _allowed(a, b, limit))


def _branches() -> dict[str, tuple[Branch, ...]]:
    """Every group of alternatives a rule searches only where a clause has the words they need."""
    import importlib
    import pkgutil

    import generator.material.rules as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        for name, value in vars(importlib.import_module(info.name)).items():
            if isinstance(value, tuple) and value and all(isinstance(item, Branch) for item in value):
                found[f"{info.name}.{name}"] = value
    return found


BRANCHES = _branches()
ASCII = st.characters(min_codepoint=32, max_codepoint=126)
GLUE = st.lists(st.sampled_from(list("aZ9 _-.,;:'@/(") + ["we ", "you ", "not ", "the data ", "e-mail "]), max_size=8).map("".join)


@st.composite
def branch_matches(draw: st.DrawFn) -> tuple[str, str]:
    """A group of alternatives and a text holding a match of one of them amid other text."""
    name = draw(st.sampled_from(sorted(BRANCHES)))
    branch = draw(st.sampled_from(BRANCHES[name]))
    made = draw(st.from_regex(branch.pattern.pattern, fullmatch=True, alphabet=ASCII))
    text = draw(GLUE) + made + draw(GLUE)
    return name, draw(st.sampled_from([text, text.upper(), text.title()]))


def test_the_rules_have_alternatives_to_check():
    assert {"retention._KEEPS", "recipients._SHARING", "purpose._USES_NEEDS"} <= {n.split("rules.")[1] for n in BRANCHES}


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(branch_matches())
def test_a_clause_an_alternative_matches_is_never_ruled_out_by_its_words(case):
    name, text = case
    branches = BRANCHES[name]
    clause = Clause.make(text)
    matched = any(b.pattern.pattern.search(text) for b in branches)
    assert not matched or may_match(branches, clause), (name, text)
    assert any_match(branches, clause) == matched, (name, text)
    for branch in branches:
        plain = branch.pattern.pattern.search(text)
        found = branch.pattern.search(text)
        assert (found.span() if found else None) == (plain.span() if plain else None), (name, text)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(BRANCHES)), AROUND)
def test_other_text_is_searched_as_the_alternatives_would_search_it(name, text):
    branches = BRANCHES[name]
    clause = Clause.make(text)
    matched = any(b.pattern.pattern.search(text) for b in branches)
    assert any_match(branches, clause) == matched
    assert not matched or may_match(branches, clause)


@st.composite
def company_texts(draw: st.DrawFn) -> str:
    """A text naming a company with its legal form ("Acme Widgets Ltd.", "Foo S.A.") amid other text."""
    made = draw(st.from_regex(controller._COMPANY, fullmatch=True, alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
    return draw(GLUE) + made + draw(st.sampled_from(["", ".", ". ", " and", ", x", "x"])) + draw(GLUE)


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(st.one_of(company_texts(), AROUND))
def test_a_clause_names_the_companies_its_text_names(text):
    assert controller._companies_of(Clause.make(text)) == controller.companies(text)


LEADS = st.lists(st.sampled_from(list("aZ9 .):(ivxIVXCMdl\u00e9\u00c9\u0663\u2003\t") + ["1.2", "ii", "Ab", "(a) "]), max_size=8).map("".join)


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(LEADS)
def test_a_leading_number_is_told_without_the_pattern_only_where_the_pattern_cannot_match(text):
    found, plain = form._numbered(text), form._LEADING_NUMBER.match(text)
    assert (found.group() if found else None) == (plain.group() if plain else None), text


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.text(st.sampled_from(list("aZ 0123456789.@-\u0663\u00e4")), max_size=12))
def test_a_digit_is_told_as_the_pattern_tells_it(text):
    assert contact._has_digit(text) == (re.search(r"\d", text) is not None)


EDIT_WORDS = st.lists(st.sampled_from(["we", "call", "us", "on", "020", "7946", "Suite", "4b", "a@b.example", "@", "x9", "-", "ä", "\u0663"]), max_size=7)


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(EDIT_WORDS, EDIT_WORDS)
def test_an_edited_clause_is_read_for_contact_details_as_its_new_text_would_be(old_words, new_words):
    old, new = Clause.make(" ".join(old_words) + "."), Clause.make(" ".join(new_words) + ".")
    change = ClauseChange.edited(old, new, ("Contact",), 0, "paragraph")
    if not contact._candidate(change.old_text):
        assert contact._new_candidate(change) == contact._candidate(change.new_text), (old.text, new.text)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(list("ab :;.\n") + ["From parents", "x" * 30]), max_size=8).map("".join))
def test_a_label_is_told_without_the_pattern_only_where_no_colon_can_end_it(text):
    found, plain = collection._label(text), collection._LABEL.match(text)
    assert (found.group() if found else None) == (plain.group() if plain else None), text


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(list("aeimprstv -") + list(purpose._FURTHER.starts)), max_size=6).map("".join))
def test_a_purpose_s_stem_is_found_by_one_search_where_a_word_begins_with_it(text):
    # (every match of the purposes' pattern begins at a word's start: the look may let through a
    # text the pattern does not match, never miss one it does)
    assert (purpose._FURTHER_STEMS.search(text) is not None) == any(re.search(rf"\b{stem}", text) for stem in purpose._FURTHER.starts)
    if purpose._FURTHER.search(text) is not None:
        assert purpose._FURTHER_STEMS.search(text.lower()) is not None, text


TOPIC_WORDS = st.lists(st.sampled_from(["we", "share", "data", "with", "partners", "retained", "opt-out", "Controller", "x9", "use", "users", "e-mail"]), max_size=8)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(TOPIC_WORDS, TOPIC_WORDS, st.sampled_from([(), ("Sharing",), ("Privacy", "Your rights")]))
def test_a_change_s_topics_are_its_words_topics_and_its_heading_s(old_words, new_words, section):
    change = ClauseChange.edited(Clause.make(" ".join(old_words)), Clause.make(" ".join(new_words)), section, 0, "paragraph")
    heading = topics_of(set(section[-1].lower().split())) if section else frozenset()
    assert change.topics == topics_of(change.vocabulary) | heading


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(list("aeElLuUrRvVcCaAiIxK9 _.*\u017f\u212a") + ["effective", "Last updated", "revised", "version", "Updated on", "Last changed", "amended", "in effect from", "Valid from", "last reviewed"]), max_size=5).map("".join))
def test_a_date_line_is_told_without_the_pattern_only_where_no_word_of_it_can_begin(text):
    assert form._dated(text) == (form.DATE_LINE.match(text) is not None), text


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"(?:[A-Za-z ,.-]{0,12})(?:de-identified|deidentified|anonymi[sz]ed|anonymous|aggregated?|pseudonymi[sz]ed|encrypted|hashed)(?:[A-Za-z ,.'-]{0,12})",
                     fullmatch=True), st.sampled_from([str, str.upper, str.title]))
def test_protective_words_are_found_in_a_clauses_words_as_in_its_text(text, case):
    # commitments reads the words an edit took out (lower case, one space apart) before the two
    # texts: a protective word of the text is one of its words'.
    from generator.material.rules import commitments
    from generator.material.text import words

    text = case(text)
    assert commitments._protections(" ".join(w.norm for w in words(text))) == commitments._protections(text)
