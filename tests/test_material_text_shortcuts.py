"""The detector's text shortcuts give what their plain definitions give.

The word pattern is possessive (it never backtracks); ``similarity`` makes one set, not two; the
abbreviation pattern is only searched before a full stop that is not the eighth letter in a row;
clauses are merged from their parts' cuts.
``collapsed``, ``common_ends``, ``same_words`` and the inline-list test each take a faster road for
ASCII text (a text returned as it is, an exclusive or of two byte strings read as numbers, letters
and digits compared before any tokenising, a translated byte string looked at for a stop, a space
and a marker). Each is compared here with its plain definition on seeded random texts built from
the characters that decide them: spaces of every kind, stops and list markers, joiners inside
words, letters in both cases, and a few non-ASCII characters that fold or case-fold.
"""

from __future__ import annotations

import random
import re

import pytest

from generator.material.text import _ASCII_WORD_SPLIT, _WORD, _WORD_SPLIT, common_ends, collapsed, fold, same_words, similarity
from generator.material.clauses import _ABBREVIATION, Clause, _ends_abbreviation, merge
from generator.material.verdict import _INLINE_LIST, _inline_list

ALPHABET = (
    list("abcdeABCDE019") + [" "] * 6 + ["  ", "\t", "\n", "\u00a0", "\u200b"]
    + list(".,;:!?-*+()'@/") + ["1.", "2)", "\u2022", "\u2019", "\u201c", "\u2013", "\u00e9", "\u03a3", "\u0130", "\u00df"]
)


def _texts(seed: int, count: int, ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    pool = [c for c in ALPHABET if c.isascii()] if ascii_only else ALPHABET
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def _edited(rng: random.Random, text: str) -> str:
    """The text with a few characters replaced, inserted or deleted (pairs that share most of their length)."""
    chars = list(text)
    for _ in range(rng.randint(0, 3)):
        at = rng.randint(0, len(chars))
        roll = rng.random()
        if roll < 0.4 and at < len(chars):
            chars[at] = rng.choice(ALPHABET)
        elif roll < 0.7:
            chars.insert(at, rng.choice(ALPHABET))
        elif at < len(chars):
            del chars[at]
    return "".join(chars)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_collapsed_is_the_text_folded_with_single_spaces(ascii_only):
    for text in _texts(1, 3000, ascii_only):
        assert collapsed(text) == " ".join(fold(text).split()), repr(text)


def test_collapsed_cuts_at_every_ascii_space_and_keeps_other_control_characters():
    rng = random.Random(12)
    controls = [chr(c) for c in range(32)] + ["\x7f"]
    for _ in range(3000):
        text = "".join(rng.choice(["a", "B", "1", ".", " ", *controls]) for _ in range(rng.randint(0, 12)))
        assert collapsed(text) == " ".join(text.split()), repr(text)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_common_ends_are_the_longest_common_head_and_the_tail_that_does_not_overlap_it(ascii_only):
    rng = random.Random(2)
    for a in _texts(3, 3000, ascii_only):
        b = _edited(rng, a)
        if ascii_only and not b.isascii():
            b = b.encode("ascii", "ignore").decode()
        head, tail = common_ends(a, b)
        expected_head = 0
        while expected_head < min(len(a), len(b)) and a[expected_head] == b[expected_head]:
            expected_head += 1
        expected_tail = 0
        most = min(len(a), len(b)) - expected_head
        while expected_tail < most and a[len(a) - 1 - expected_tail] == b[len(b) - 1 - expected_tail]:
            expected_tail += 1
        assert (head, tail) == (expected_head, expected_tail), (a, b)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_same_words_compares_the_words_lower_case(ascii_only):
    rng = random.Random(4)
    for a in _texts(5, 3000, ascii_only):
        for b in (_edited(rng, a), a.upper(), a.replace(" ", "  "), _edited(rng, a.swapcase())):
            expected = _WORD.findall(fold(a).lower()) == _WORD.findall(fold(b).lower())
            assert same_words(a, b) == expected, (a, b)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_inline_list_shortcut_agrees_with_the_pattern(ascii_only):
    for text in _texts(6, 3000, ascii_only) + ["We collect: - your name - your e-mail", "Rules: 1. Be kind. 2) Be brief."]:
        for given in (text, collapsed(text)):
            assert _inline_list(given, collapsed(given)) == (_INLINE_LIST.search(given) is not None), repr(given)


#: The word pattern as first written: greedy, every repetition's place kept to backtrack to.
_PLAIN_WORD = re.compile(r"[^\W_]+(?:['@.\-+/:][^\W_]+)*")


@pytest.mark.parametrize("ascii_only", [True, False])
def test_the_possessive_word_patterns_find_the_greedy_patterns_words(ascii_only):
    for text in _texts(7, 3000, ascii_only) + ["don't e-mail privacy@acme.example a.b. x-/y 'a' -b- 1.2.3."]:
        assert _WORD.findall(text) == _PLAIN_WORD.findall(text), repr(text)
        plain_split = re.compile(f"({_PLAIN_WORD.pattern})").split(text)
        assert _WORD_SPLIT.split(text) == plain_split, repr(text)
        if text.isascii():
            assert _ASCII_WORD_SPLIT.split(text) == plain_split, repr(text)


def test_similarity_is_the_share_of_words_in_common():
    rng = random.Random(8)
    vocabulary = [f"w{n}" for n in range(12)]
    for _ in range(3000):
        a = frozenset(rng.sample(vocabulary, rng.randint(0, 8)))
        b = frozenset(rng.sample(vocabulary, rng.randint(0, 8)))
        assert similarity(a, b) == (len(a & b) / len(a | b) if a or b else 1.0), (a, b)


def test_the_abbreviation_shortcut_agrees_with_the_pattern():
    rng = random.Random(9)
    # abbreviations, words of every length, and letters that case-fold to ASCII ones (ſ, K, ı, İ)
    pieces = ["e.g", "i.e", "etc", "Inc", "u.s", "approx", "X", "a", "data", "informat", "policy", "7", "ab1",
              "\u017f", "\u212a", "\u0131", "\u0130", "_", "é", " ", " ", ".", ". ", "!", "?", ";", "(", "-"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    for text in texts + ["See e.g. this", "Acme Inc. and", "U.S. law", "Approx. 5", "in the EU. We"]:
        for stop in range(len(text)):
            expected = _ABBREVIATION.search(text[max(0, stop - 7): stop + 1]) is not None
            assert _ends_abbreviation(text, stop) == expected, (text, stop)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_a_merged_clause_is_the_clause_of_the_joined_text(ascii_only):
    rng = random.Random(13)
    texts = [" ".join(text.split()) for text in _texts(14, 3000, ascii_only)]
    texts = [text for text in texts if text] + ["\u0130stanbul \u03a3", "\u03a3A", "Σ", "x"]
    for _ in range(3000):
        parts = [Clause(rng.choice(texts), item=rng.random() < 0.5, lead="Lead:") for _ in range(rng.randint(1, 3))]
        merged = merge(parts)
        plain = Clause(" ".join(c.text for c in parts), parts[0].item, parts[0].lead, parts[0].heading)
        assert (merged.text, merged.item, merged.lead, merged.heading) == (plain.text, plain.item, plain.lead, plain.heading)
        assert (merged.key, merged.norms, merged.wordset) == (plain.key, plain.norms, plain.wordset), merged.text
        assert merged.words == plain.words, merged.text
