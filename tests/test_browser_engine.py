"""The browser's diff engine (assets/statements-diff.js) gives exactly what generator.diff gives.

Both engines get the same blocks (as the build writes them for the compare page); the inline
redline (with and without context), the side-by-side table and the stats must be equal character
for character. Cases: every ordered pair of the example's versions and of its correction, the diff
fixtures, and a sample of consecutive versions of GitHub's Terms of Service.
"""

from __future__ import annotations

import dataclasses
import itertools
import subprocess
from pathlib import Path

import pytest

from generator import diff as engine
from generator.compare import block_data
from generator.model import split_front_matter
from generator.render import blocks_from_markdown
from tests.browser_support.site import REPO_ROOT
from tests.conftest import CORPUS

pytestmark = pytest.mark.browser
pytest_plugins = ["tests.browser_support.fixtures"]

ENGINE_JS = REPO_ROOT / "generator" / "assets" / "statements-diff.js"
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "diff"

RUN_IN_BROWSER = """([old, neu]) => {
  const d = StatementsDiff.diffBlocks(old, neu);
  return [StatementsDiff.renderRedline(d, true), StatementsDiff.renderRedline(d, false),
          StatementsDiff.renderSideBySide(d, "Old", "New", "Both"), d.stats];
}"""


def body(text: str) -> str:
    return split_front_matter(text)[1]


def example_bodies() -> dict[str, str]:
    """Every committed state of the example statement, by commit."""
    log = subprocess.run(
        ["git", "log", "--format=%h", "--reverse", "--", "statements/privacy.md"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    return {
        sha: body(subprocess.run(["git", "show", f"{sha}:statements/privacy.md"], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout)
        for sha in log
    }


@pytest.fixture(scope="module")
def engine_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(ENGINE_JS))
    yield page
    page.close()


def python_result(old: str, new: str) -> list:
    d = engine.diff_markdown(old, new)
    stats = dataclasses.asdict(d.stats)
    stats["sections_touched"] = list(stats["sections_touched"])
    return [engine.render_redline(d, context=True), engine.render_redline(d, context=False),
            engine.render_side_by_side(d, old_label="Old", new_label="New", caption="Both"), stats]


def version_blocks(text: str) -> list[dict]:
    ids: dict[int, int] = {}
    return [block_data(b, ids) for b in blocks_from_markdown(text)]


def browser_result(page, old: str, new: str) -> list:
    # as the build writes them: each version's element ids counted from 1
    blocks = [version_blocks(text) for text in (old, new)]
    return page.evaluate(RUN_IN_BROWSER, blocks)


def assert_same(page, old: str, new: str) -> None:
    expected, got = python_result(old, new), browser_result(page, old, new)
    for name, e, g in zip(("redline", "redline without context", "side by side", "stats"), expected, got):
        assert g == e, name


EXAMPLE = example_bodies()


EXAMPLE_PAIRS = list(itertools.permutations(EXAMPLE, 2))


@pytest.mark.parametrize(("old", "new"), EXAMPLE_PAIRS, ids=[f"{a}..{b}" for a, b in EXAMPLE_PAIRS])
def test_every_pair_of_example_versions_gives_the_same_redline_in_the_browser(engine_page, old, new):
    assert_same(engine_page, EXAMPLE[old], EXAMPLE[new])


FIXTURE_FILES = sorted(p.name for p in FIXTURES.glob("*.md")) if FIXTURES.is_dir() else []


@pytest.mark.parametrize("name", [n for n in FIXTURE_FILES if n != "base.md"])
def test_each_diff_fixture_gives_the_same_redline_in_the_browser_both_ways(engine_page, name):
    base = body((FIXTURES / "base.md").read_text(encoding="utf-8"))
    other = body((FIXTURES / name).read_text(encoding="utf-8"))
    assert_same(engine_page, base, other)
    assert_same(engine_page, other, base)


CORPUS_FILES = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []
CORPUS_PAIRS = list(zip(CORPUS_FILES, CORPUS_FILES[1:]))[::6]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS_PAIRS, reason="the corpus ../shared/corpora/github-tos is not here")
@pytest.mark.parametrize(("old", "new"), CORPUS_PAIRS, ids=[f"{a.stem[:3]}..{b.stem[:3]}" for a, b in CORPUS_PAIRS])
def test_real_terms_of_service_revisions_give_the_same_redline_in_the_browser(engine_page, old: Path, new: Path):
    assert_same(engine_page, body(old.read_text(encoding="utf-8")), body(new.read_text(encoding="utf-8")))


def test_whitespace_is_pythons_not_javascripts(engine_page):
    # U+FEFF is whitespace to JavaScript but not to Python; U+001C is the other way round.
    old = "We keep \ufefflogs for 30\x1cdays.\n"
    new = "We keep \ufefflogs for 90\x1cdays.\n"
    assert_same(engine_page, old, new)


def test_characters_beyond_the_basic_plane_count_as_one(engine_page):
    old = "Emoji \U0001f600\U0001f600\U0001f600 stay in \U0001d4b3 text written here.\n"
    new = "Emoji \U0001f600 go from \U0001d4b3 prose written here.\n"
    assert_same(engine_page, old, new)


def test_many_repeated_blocks_take_the_same_linear_path_in_the_browser(engine_page):
    # 1500 equal list items against 1485: past the matcher's step budget, so repeated keys are junk
    # and replaced stretches are lined up greedily, on both sides alike.
    old = "# Rules\n\n" + "\n".join("- Same rule." for _ in range(1500)) + "\n\nEnd of the rules.\n"
    new = "# Rules\n\nA new first paragraph.\n\n" + "\n".join(
        "- Same rule." if k % 300 else f"- Changed rule {k}." for k in range(1490)
    ) + "\n\nEnd of the rules, amended.\n"
    assert_same(engine_page, old, new)


def test_a_passage_moved_and_edited_is_found_in_the_browser_too(engine_page):
    old = "Intro.\n\nWe share usage statistics with our analytics provider every month of the year.\n\nMiddle.\n\nMore text.\n\nEnd.\n"
    new = "Intro.\n\nMiddle.\n\nMore text.\n\nWe share usage statistics with our analytics provider every week of the year.\n\nEnd.\n"
    assert [c.kind for c in engine.diff_markdown(old, new).changes] == ["moved"]
    assert_same(engine_page, old, new)



# --- the cases of the redline on any input (tests/test_redline_robustness.py) -----------------------------

ROBUSTNESS_PAIRS = {
    "a version's own deletion in a modified passage": (
        "Our partners will <del>never</del> not receive your address for marketing.",
        "Our partners may receive your address."),
    "a version's own insertion and strike-out": (
        "Clause one keeps <ins>these three words</ins> in place, and <s>more</s> words follow here.",
        "Clause one keeps <ins>these words</ins> in place, and other words follow."),
    "a moved section whose number changed": (
        "\n\n".join(f"### {k}. Part {k}\n\nText of part {k} with enough words to stand as a block." for k in range(1, 7)),
        "\n\n".join(f"### {n}. Part {k}\n\nText of part {k} with enough words to stand as a block."
                    for k, n in zip([1, 3, 4, 5, 6, 2], [1, 3, 4, 5, 6, 7]))),
    "a link whose target changed": (
        "Read the [cookie policy](https://example.com/cookies) before you sign up.",
        "Read the [cookie policy](https://example.com/tracking) before you sign up."),
    "a link whose target and words changed": (
        "See [our policy](https://a.example/p) for details.\n\n- and [this item](https://a.example/i) here",
        "See [our new policy](https://b.example/p) for details.\n\n- and [this one item](https://b.example/i?x=1&y=2) here"),
    "a link in a list item with a nested paragraph": (
        "- See [cookie policy](https://a.example/p) here.\n\n    More text.",
        "- See [cookie policy](https://b.example/p?a=1&b=2) here.\n\n    More text, changed."),
    "code under a list item": (
        "<ul>\n<li>Keep records<pre>retention table</pre></li>\n</ul>\n",
        "<ul>\n<li>Keep all records<pre>retention table</pre></li>\n</ul>\n"),
    "a paragraph past the word-pair limit": (
        " ".join(f"word{k}" for k in range(1500)),
        " ".join(f"word{k}" for k in range(1500)).replace("word0 ", "first ").replace(" word750 ", " middle ")
        .replace(" word1499", " last")),
    "identical lines past the word-pair limit": (
        "We may share your data with partners.\n" * 1200,
        "They" + ("We may share your data with partners.\n" * 1200)[2:-len("partners.\n")] + "advertisers.\n"),
    "identical lines with a line inserted": (
        "We may share your data with partners.\n" * 1200,
        ("We may share your data with partners.\n" * 600) + "A new line.\n" + ("We may share your data with partners.\n" * 600)),
    "a moved paragraph whose typography changed": (
        "# A\n\nWe bill you for the upgraded plan immediately.\n\n# B\n\nOther words stand here.\n",
        "# A\n\n# B\n\nOther words stand here.\n\nWe bill you for the \u201cupgraded\u201d plan immediately\u200b.\n"),
    "a row whose cells map out of order": (
        "Keep.\n\n<table>\n<tr><td>use collect</td><td>location</td><td>use service third</td><td>may provider</td></tr>\n</table>\n",
        "<table>\n<tr><td>provider contact service third</td><td>will may</td></tr>\n</table>\n\nKeep.\n"),
    "words of two old cells meeting in one": (
        "<table>\n<tr><td><a href=\"#f\">F. Copyright &amp; Notice Policy</a></td><td>This section says how we answer a "
        "notice about your work.</td></tr>\n</table>\n",
        "<table>\n<tr><td>[F. <code>Copyright &amp; Notice Policy](#f) | This</code> section says how we answer a notice "
        "about your work.</td><td></td></tr>\n</table>\n"),
    "thousands of unclosed brackets": (
        "# Terms\n\nIntro words here.\n",
        "# Terms\n\nIntro words here.\n\n" + " ".join(f"[term{k % 7}" for k in range(3000)) + "\n"),
}


@pytest.mark.parametrize("name", sorted(ROBUSTNESS_PAIRS))
def test_the_robustness_cases_give_the_same_redline_in_the_browser_both_ways(engine_page, name):
    old, new = ROBUSTNESS_PAIRS[name]
    assert_same(engine_page, old, new)
    assert_same(engine_page, new, old)
