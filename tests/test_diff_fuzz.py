"""A fuzz test of the redline with a small fixed budget (the long run is ``bench/fuzz.py``).

Each example is a statement of the test's own making against a random mutation of it (and
sometimes both sides mutated): word edits, moves, duplicated, swapped and deleted sections,
renumbered headings, tables, footnotes, a version's own ``<del>``/``~~``, changed link targets,
code in list items, long lines with unclosed brackets, CRLF, unusual Unicode. Every example must
finish (well within a bound no engine that is quadratic anywhere would meet), give balanced HTML
in every rendering, read back to both versions, keep each side-by-side column to its own version
and show every move that changed.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.diff_support.checks import check_pair
from tests.diff_support.mutations import mutate, synthetic_statement

BUDGET = settings(max_examples=25, deadline=None, derandomize=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CONFIGS = {
    "default": {},
    "site": {"extensions": ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "def_list",
                            "pymdownx.details", "pymdownx.superfences"],
             "extension_configs": {"toc": {"permalink": True}}},
    "tilde": {"extensions": ["toc", "tables", "footnotes", "pymdownx.tilde"]},
}
#: A termination bound, not a speed measurement: the engine takes milliseconds on these inputs.
FINISHES = 30.0


@pytest.mark.parametrize("config", sorted(CONFIGS))
@BUDGET
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), both=st.booleans())
def test_any_mutation_finishes_balanced_and_reads_back_both_ways(config, seed, both):
    rng = random.Random(seed)
    old = synthetic_statement(rng, sections=rng.randint(2, 10))
    new, ops = mutate(old, rng)
    if both:
        old, _ = mutate(old, rng, most=3)
    started = time.perf_counter()
    _, failures, _ = check_pair(old, new, **CONFIGS[config])
    assert time.perf_counter() - started < FINISHES, ops
    assert failures == [], (ops, failures)
