"""The detector's shortcuts give exactly what the plain computation gives.

Each shortcut saves work on the common case (a word or two edited in a block) and must never
change a verdict: comparing a block's words only where its text differs, aligning clauses without
difflib when no clause repeats, and looking up facts about words in a table.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.material import clauses, reading
from generator.material.clauses import Clause, _pair_region, align, split
from generator.material.reading import STOP, TOPICS, content_words, stem, topics_of
from generator.material.text import _WORD, Anchored, Word, key_of, key_of_folded, negative, same_words, words

# Letters that fold or change under lower case, joiners inside words, spaces and punctuation.
CHARACTERS = st.sampled_from(list("ab cA.-'@/:,;!?") + ["\u2019", "\u201c", "\u2014", "\u00a0", "\u200b", "İ", "ı", "ſ", "K", "1", " "])
TEXTS = st.text(CHARACTERS, max_size=16)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str]:
    """A text and the same text with up to three characters replaced, inserted or deleted."""
    text = draw(TEXTS)
    other = list(text)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        if action == "insert" or not other:
            other.insert(draw(st.integers(0, len(other))), draw(CHARACTERS))
        elif action == "replace":
            other[draw(st.integers(0, len(other) - 1))] = draw(CHARACTERS)
        else:
            del other[draw(st.integers(0, len(other) - 1))]
    return text, "".join(other)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(edited())
def test_same_words_agrees_with_comparing_whole_keys(pair):
    old, new = pair
    assert same_words(old, new) == (key_of(old) == key_of(new))


SENTENCES = [
    "We share data with partners.", "We keep logs for 30 days.", "You may opt out.", "We sell nothing.",
    "Contact us.", "We do not sell data.", "Data is kept.", "We share data with advertisers.",
]


def difflib_align(old: list[Clause], new: list[Clause]) -> list[tuple[Clause | None, Clause | None]]:
    """Alignment as it is defined: difflib's regions, each paired by shared words."""
    a, b = [c.key for c in old], [c.key for c in new]
    if a == b:
        return []
    if len(a) == 1 and len(b) == 1:
        return _pair_region(old, new)
    out: list[tuple[Clause | None, Clause | None]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=len(b) >= 200).get_opcodes():
        if tag != "equal":
            out.extend(_pair_region(old[i1:i2], new[j1:j2]))
    return out


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), max_size=6), st.lists(st.sampled_from(SENTENCES), max_size=6))
def test_clause_alignment_gives_difflibs_regions(old_texts, new_texts):
    old = [Clause.make(t) for t in old_texts]
    new = [Clause.make(t) for t in new_texts]

    def texts(pairs):
        return [(a.text if a else None, b.text if b else None) for a, b in pairs]

    assert texts(align(old, new)) == texts(difflib_align(old, new))


WORDS = st.one_of(
    st.sampled_from(["sharing", "collected", "use", "users", "opt-out", "the", "42", "retention", "third", "lawful", "replies"]),
    st.text(st.sampled_from(list("abcdeilnorstuy'-")), min_size=1, max_size=12),
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.frozensets(WORDS, max_size=12))
def test_facts_looked_up_per_word_are_the_facts_of_each_word(words):
    assert topics_of(words) == {
        name for word in words for name, starts in TOPICS.items()
        if any(word == s[:-1] if s.endswith("=") else word.startswith(s) for s in starts)
    }
    assert content_words(words) == {stem(w) for w in words if w not in STOP and not w.isdigit()}


@settings(max_examples=500, derandomize=True, deadline=None)
@given(TEXTS)
def test_words_cut_at_c_speed_are_the_patterns_matches(text):
    assert words(text) == [Word(m.group().lower(), m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


@settings(max_examples=500, derandomize=True, deadline=None)
@given(TEXTS)
def test_a_clauses_key_made_from_its_words_is_the_key_of_its_lower_case_text(text):
    clause = Clause.make(text)
    assert clause.key == key_of_folded(text)
    assert [w.norm for w in clause.words] == [w.lower() for w in _WORD.findall(text)]
    assert clause.norms == [w.norm for w in clause.words]
    assert clause.wordset == frozenset(clause.key.split())


def _split_always_scanning(text: str, **kwargs) -> list[tuple[str, bool, str]]:
    saved = clauses._may_cut
    clauses._may_cut = lambda _text: True
    try:
        return [(c.text, c.item, c.lead) for c in split(text, **kwargs)]
    finally:
        clauses._may_cut = saved


BOUNDARY_TEXTS = st.lists(
    st.sampled_from(list("aB1 .;:!?-*(\"") + ["e.g.", " Inc.", "\n", "\t", "\u00a0", "\u2022"]), max_size=24,
).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(BOUNDARY_TEXTS, st.booleans())
def test_a_text_without_a_space_after_a_stop_is_one_clause_without_scanning_it(text, item):
    got = [(c.text, c.item, c.lead) for c in split(text, item=item, lead="We collect:" if item else "")]
    assert got == _split_always_scanning(text, item=item, lead="We collect:" if item else "")


def _anchored_patterns() -> dict[str, Anchored]:
    """Every anchored pattern of the detector, by module and name."""
    import importlib
    import pkgutil

    import generator.material as package

    found = {}
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Anchored):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, dict):
                found.update((f"{info.name}.{name}[{key}]", item) for key, item in value.items() if isinstance(item, Anchored))
    from generator.material.config import compile_options

    for family in compile_options(None).families:
        if isinstance(family.pattern, Anchored):
            found[f"risk-term family {family.label}"] = family.pattern
    return found


ANCHORED = _anchored_patterns()
ASCII = st.characters(min_codepoint=32, max_codepoint=126)
CONTEXT = st.lists(st.sampled_from(list("aZ9 _-.,;:'@/(") + ["we ", "you ", "not ", "the data "]), max_size=12).map("".join)


def _spans(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


@st.composite
def near_matches(draw: st.DrawFn) -> tuple[str, str]:
    """An anchored pattern's name and a text holding one or two of its matches amid other text."""
    name = draw(st.sampled_from(sorted(ANCHORED)))
    pattern = ANCHORED[name].pattern
    made = draw(st.lists(st.from_regex(pattern, fullmatch=True, alphabet=ASCII), min_size=1, max_size=2))
    glue = [draw(CONTEXT) for _ in range(len(made) + 1)]
    text = glue[0] + "".join(m + g for m, g in zip(made, glue[1:]))
    return name, draw(st.sampled_from([text, text.upper(), text.title()]))


def test_the_detector_has_anchored_patterns_to_check():
    assert len(ANCHORED) >= 10


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(near_matches())
def test_an_anchored_pattern_finds_what_its_pattern_finds(case):
    name, text = case
    anchored = ANCHORED[name]
    plain = anchored.pattern.search(text)
    found = anchored.search(text)
    assert (found.span() if found else None) == (plain.span() if plain else None), name
    assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text)), name
    assert anchored.sub(" ", text) == anchored.pattern.sub(" ", text), name


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.sampled_from(sorted(ANCHORED)), TEXTS)
def test_an_anchored_pattern_searches_other_text_as_its_pattern_does(name, text):
    anchored = ANCHORED[name]
    assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text))


NEGATION_TEXTS = st.lists(
    st.sampled_from(["not", "No", "n't", "don't", "without", "nothing", "nor", "UNABLE", "cannot", "x", "'", "-", " ", "2", "é", "ſ"]),
    max_size=8,
).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(NEGATION_TEXTS)
def test_a_negating_run_is_found_as_each_run_of_letters_would_be_tested(text):
    runs = [m.lower() for m in re.findall(r"[A-Za-z']+", text)]
    assert (reading._NEGATING_RUN.search(text) is not None) == any(negative(w) and w != "without" for w in runs)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(NEGATION_TEXTS)
def test_a_text_without_an_apostrophe_is_searched_for_negations_as_any_text_is(text):
    pattern = reading._negating(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reading._NEGATING_RUN.finditer(text)]


ACTOR_TEXTS = st.lists(st.sampled_from(["we", "do", "not", "share", "your", "data", "-", "'", ",", " ", "  ", "a" * 30, "x1"]), max_size=60).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(ACTOR_TEXTS)
def test_the_first_twelve_words_are_read_from_the_start_as_from_the_whole_text(text):
    assert reading._first_ascii_words(text) == reading._ASCII_ACTOR_WORD.findall(text)[:12]


JUDGING_TEXTS = st.lists(st.sampled_from([
    "as", "where", "we", "the company", "may", "otherwise", "consider", "Deems", "are satisfied", "at", "our", "sole", "discretion",
    "business", "purposes", "needs", "x", "-", ".", "'", " ", "  ", "e.g.", "ſ",
]), max_size=12).map(" ".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(JUDGING_TEXTS)
def test_the_companys_own_judgement_is_looked_for_only_where_its_words_stand_and_found_as_its_pattern_finds_it(text):
    from generator.material.rules.context import OWN_JUDGEMENT, _own_judgement

    clause = Clause(" ".join(text.split()))
    assert _own_judgement(clause) == (OWN_JUDGEMENT.search(clause.text) is not None)


def _sentence_start_reading_forwards(text: str, at: int) -> int:
    start = 0
    for match in clauses._END.finditer(text, max(0, at - 4000), at):
        if not clauses._ABBREVIATION.search(text[max(0, match.start() - 7): match.start() + 1]):
            start = match.end()
    return start


STOP_TEXTS = st.lists(st.sampled_from(list("ab .!?;\n\t") + ["e.g.", " Inc.", "U.S.", "\u00a0"]), max_size=16).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(STOP_TEXTS, st.integers(0, 60))
def test_a_sentence_start_found_reading_backwards_is_the_last_stop_found_reading_forwards(text, at):
    at = min(at, len(text))
    assert clauses._sentence_start(text, at) == _sentence_start_reading_forwards(text, at)


# The sentence boundary as first written: a space after a stop, matched with look-behinds.
BOUNDARY_AS_WRITTEN = re.compile(r"(?<=[.!?;])\s+(?=[\"'(\[]?[A-Z0-9])|(?<=;)\s+|(?<=[:;.])\s+(?:[-*\u2022+]|\d{1,3}[.)])\s+")


@settings(max_examples=500, derandomize=True, deadline=None)
@given(BOUNDARY_TEXTS)
def test_the_boundary_written_from_its_stop_cuts_where_the_look_behind_form_cuts(text):
    assert [(m.span(1), m.group(1)) for m in clauses._BOUNDARY.finditer(text)] == [
        (m.span(), m.group()) for m in BOUNDARY_AS_WRITTEN.finditer(text)
    ]


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(near_matches(), st.sampled_from("\x1c\x1d\x1e\x1f"))
def test_an_anchored_pattern_searches_text_with_information_separators_as_its_pattern_does(case, separator):
    # A str pattern's \s matches the separators \x1c-\x1f, an ASCII one's does not: text holding
    # one is searched as usual.
    name, text = case
    text = text.replace(" ", separator)
    anchored = ANCHORED[name]
    plain = anchored.pattern.search(text)
    found = anchored.search(text)
    assert (found.span() if found else None) == (plain.span() if plain else None), name
    assert _spans(anchored.finditer(text)) == _spans(anchored.pattern.finditer(text)), name


ACTOR_TEXTS = st.lists(st.sampled_from(["We", "may", "you", "'", "-", "\u2019", " ", ",", "1", "é", "data", "(", "x" * 30]), max_size=40).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(ACTOR_TEXTS)
def test_the_first_words_taken_in_one_match_are_the_first_words_found(text):
    groups = reading._FIRST_WORDS.match(text, 0, 200).groups()
    assert list(filter(None, groups)) == reading._ACTOR_WORD.findall(text, 0, 200)[:10]


def test_a_pattern_searched_for_the_first_time_finds_in_a_text_searched_before_what_its_pattern_finds():
    # A pattern takes part in the texts' openings from its first search on: the openings kept for a
    # text searched before then must not hide its matches.
    text = "We keep logs; we share data with our partners and keep nothing else."
    first = Anchored(re.compile(r"\bkeep\w*", re.I), starts=("keep",))
    later = Anchored(re.compile(r"\bshar\w*|\bpartners?\b", re.I), starts=("shar", "partner"))
    assert _spans(first.finditer(text)) == _spans(first.pattern.finditer(text)) != []
    assert _spans(later.finditer(text)) == _spans(later.pattern.finditer(text)) != []
    assert _spans(first.finditer(text)) == _spans(first.pattern.finditer(text))


ASCII_ACTOR_TEXTS = st.lists(st.sampled_from(["We", "may", "YOU", "'", "-", " ", ",", "1", "data", "(", "x" * 30]), max_size=40).map("".join)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(ASCII_ACTOR_TEXTS, st.integers(0, 60))
def test_the_first_words_of_ascii_text_found_in_lower_case_are_its_first_words_in_lower_case(text, start):
    words = reading._ACTOR_WORD.findall(text, start, start + 200)[:10]
    assert reading._ASCII_ACTOR_WORD.findall(text[start:start + 200].lower())[:10] == [w.lower() for w in words]


PHRASE_TEXTS = st.lists(
    st.sampled_from(["not", "No", "limited", "to", "only", "later", "than", "whether", "or", "if", "matter", "without",
                     "limitation", "do", "n't", "we", "sell", " ", " ", "  ", "-", "'", ",", "_", "2", "é"]),
    max_size=12,
).map("".join)


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(PHRASE_TEXTS)
def test_a_clause_without_a_phrase_that_negates_nothing_in_its_key_is_negated_as_its_text_reads(text):
    # the key rules the phrases out only where it may: whatever it says, the answer is the plain one's
    key = key_of(text)
    words = frozenset(key.split())
    plain = reading._NEGATING_RUN.search(reading._NOT_NEGATION.pattern.sub(" ", text)) is not None
    has_negating = not reading._NEGATING.isdisjoint(words) or any(w.endswith("n't") for w in words)
    assert reading._negated_words(text, words, key) == (has_negating and plain)
