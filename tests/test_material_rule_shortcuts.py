"""The rules' shortcuts give exactly what reading the clause in full gives.

A rule looks at C speed for what a pattern cannot match without (an @, a digit, a word) before it
searches the pattern, and tells words apart by their letters before working out an edit distance.
Each look may only rule out what the full computation would rule out.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.material.form import _allowed, _typo
from generator.material.rules import contact
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
