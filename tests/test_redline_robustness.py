"""The redline on any input: bounded time, columns that never mix, moves that show their edits,
redlines that read back both ways, links and adjacent runs a reader can follow.

Every input here is made by the test itself; ``tests/test_redline_repro.py`` runs the stored
reproduction cases where they are present.
"""

from __future__ import annotations

import re
import time

import pytest

from generator import diff as engine
from generator.diff import diff_markdown, render_redline, render_side_by_side, render_text
from generator.diff.opcodes import _word_opcodes
from generator.diff.render_html import _alignment
from generator.guard import guard_markdown
from generator.history import HistoryOptions, read_statement
from generator.render import blocks_from_markdown, render_html
from tests.conftest import built_page, run, statement_text
from tests.diff_support.checks import check_pair
from tests.diff_support.readback import new_text, old_text, side_by_side_columns, text

DEL = '<del class="redline-del">'
INS = '<ins class="redline-ins">'
TILDE = {"extensions": ["toc", "tables", "pymdownx.tilde"]}
#: Not a speed measurement (that is bench/): a bound on termination, far above the engine's time and
#: far below the minutes the same inputs took before the guard and the anchors.
FINISHES = 60.0


def sentence(n: int, start: int = 0) -> str:
    return " ".join(f"word{k}" for k in range(start, start + n))


def unclosed_brackets(count: int) -> str:
    return " ".join(f"[term{k % 7}" for k in range(count))


def document(*paragraphs: str) -> str:
    return "# Terms\n\n" + "\n\n".join(paragraphs) + "\n"


# --- 6. bounded rendering -----------------------------------------------------------------------------


def test_a_paragraph_of_thousands_of_unclosed_brackets_is_made_inert_and_reported_with_its_line():
    text = document("Intro.", unclosed_brackets(5000), "After.")
    guarded, findings = guard_markdown(text)
    assert [(f.line, f.construct) for f in findings] == [(5, "[")]
    assert findings[0].count == 5000
    assert "\\[term0 \\[term1" in guarded


def test_brackets_made_inert_render_as_the_same_text():
    text = document(unclosed_brackets(5000))
    [_, paragraph] = blocks_from_markdown(text)
    assert paragraph.text == unclosed_brackets(5000)


def test_a_paragraph_with_more_inline_marks_than_can_be_parsed_is_shown_as_its_literal_text():
    marks = " ".join(f"*w{k}* `c{k}` &amp;" for k in range(30000))
    guarded, findings = guard_markdown(document("Intro.", marks))
    assert [f.construct for f in findings] == ["markup"]
    assert "<p>*w0* `c0` &amp;amp;" in guarded
    assert blocks_from_markdown(document("Intro.", marks))[2].text.startswith("*w0* `c0` &amp; *w1*")


def test_tags_that_are_never_closed_are_made_inert():
    text = document("Intro with a closed <b>tag</b>.", " ".join(f"<x{k} y" for k in range(3000)))
    guarded, findings = guard_markdown(text)
    assert [(f.line, f.construct) for f in findings] == [(5, "<")]
    assert "&lt;x0 y &lt;x1 y" in guarded and "<b>tag</b>" in guarded


def test_the_guard_changes_nothing_it_made_before():
    text = document(unclosed_brackets(5000), " ".join(f"*w{k}* &amp;" for k in range(40000)), "After.")
    guarded, findings = guard_markdown(text)
    assert len(findings) == 2
    assert guard_markdown(guarded) == (guarded, ())


def test_the_guard_leaves_an_ordinary_statement_untouched():
    text = document(
        "We may [share](https://example.com/share) your *data* with [partners][p] and [^1] <b>others</b>.",
        "A stray [ bracket, a `[code` span and an escaped \\[ one.",
        "- item [one](https://example.com/1)\n- item two",
        "```\n[[[[ not markup ]]]]\n```",
    ) + "\n[p]: https://example.com/p\n\n[^1]: A note.\n"
    assert guard_markdown(text) == (text, ())
    assert render_html(text) == render_html(text, extensions=None)


def test_a_diff_of_a_statement_with_thousands_of_unclosed_brackets_finishes_and_reads_back():
    old = document(sentence(40), "Closing words here.")
    new = document(sentence(40), unclosed_brackets(20000), "Closing words here.")
    started = time.perf_counter()
    seconds, failures, diff = check_pair(old, new)
    assert time.perf_counter() - started < FINISHES
    assert failures == []
    assert [c.kind for c in diff.changes] == ["added"]


def test_history_warns_with_file_and_line_where_the_guard_changed_a_paragraph(repo):
    body = "## Terms\n\nIntro.\n\n" + unclosed_brackets(5000) + "\n"
    repo.commit(files={"statements/privacy.md": statement_text(body=body)}, date="2023-12-01")
    warnings: list[str] = []
    read_statement(repo.path / "statements/privacy.md", options=HistoryOptions(), warn=warnings.append)
    # front-matter (4 lines) and a blank line come before the body; the paragraph is the body's line 5
    assert any(w.startswith("statements/privacy.md:10 @ ") and "unclosed '['" in w for w in warnings), warnings


def test_a_site_with_a_pathological_statement_builds_and_shows_its_text(in_repo):
    body = "## Terms\n\nIntro.\n\n" + unclosed_brackets(8000) + "\n"
    in_repo.commit(files={"statements/privacy.md": statement_text(body=body, effective="2024-01-01")}, date="2023-12-01")
    result = run("build", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "[term0 [term1 [term2" in built_page(in_repo.path / "site", "privacy")
    assert "statements/privacy.md:" in result.output and "unclosed '['" in result.output


# --- 7. word matching in bounded time, word by word however long the block ----------------------------


def test_one_paragraph_of_ten_thousand_identical_lines_with_its_first_and_last_words_changed():
    line = "We may share your data with partners.\n"
    old = line * 10000
    new = "They" + old[2:-len("partners.\n")] + "advertisers.\n"
    [change] = diff_markdown(old, new).changes
    assert (change.words_added, change.words_removed) == (2, 2)
    assert change.redline.count(DEL) == change.redline.count(INS) == 2


def test_a_paragraph_past_the_word_pair_limit_redlines_only_its_changed_words():
    words = sentence(1500)  # 1500 × 1500 word pairs: past WORD_PAIR_LIMIT
    new = words.replace("word0 ", "first ").replace(" word750 ", " middle ").replace(" word1499", " last")
    [change] = diff_markdown(words, new).changes
    assert (change.words_added, change.words_removed) == (3, 3)
    assert new_text(change.redline) == new and old_text(change.redline) == words


def test_anchored_word_opcodes_cover_both_sequences_in_order():
    a = [f"w{k % 40}" for k in range(3000)]
    b = a[:500] + ["new"] * 3 + a[500:2900] + ["end"]
    ops = _word_opcodes(a, b)
    assert ops[0][1] == 0 and ops[0][3] == 0 and ops[-1][2] == len(a) and ops[-1][4] == len(b)
    for (_, _, i2, _, j2), (_, i1, _, j1, _) in zip(ops, ops[1:]):
        assert (i2, j2) == (i1, j1)
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]


# --- 8. side by side: each column shows its own version ---------------------------------------------


def columns_match_their_versions(diff: engine.Diff) -> None:
    rows = side_by_side_columns(render_side_by_side(diff))
    for entry, (_, left, right) in zip(_alignment(diff), rows):
        if entry.change is not None and entry.change.kind == "modified":
            assert right == text(entry.change.new.html)
            assert left == text(entry.change.old.html)


def test_a_versions_own_deletion_inside_a_modified_passage_stays_in_the_old_column():
    old = "Our partners will <del>never</del> not receive your address for marketing."
    new = "Our partners may receive your address."
    diff = diff_markdown(old, new)
    columns_match_their_versions(diff)
    [(_, left, right)] = side_by_side_columns(render_side_by_side(diff))
    assert right == "Our partners may receive your address." and "never" in left


def test_a_versions_own_strikethrough_inside_a_modified_passage_stays_in_the_old_column():
    old = "If a clause is ~~void or un~~enforceable, the rest of these terms stays in force for all."
    new = "If a clause is void, the rest stays."
    diff = diff_markdown(old, new, **TILDE)
    columns_match_their_versions(diff)


# --- 9. a move that changed is shown changed ----------------------------------------------------------


def numbered_sections(order: list[int], numbers: list[int]) -> str:
    return "\n\n".join(f"### {n}. Part {k}\n\nText of part {k} with enough words to stand as a block." for k, n in zip(order, numbers)) + "\n"


def test_a_moved_section_whose_number_changed_is_moved_and_marked_as_changed():
    old = numbered_sections([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6])
    new = numbered_sections([1, 3, 4, 5, 6, 2], [1, 3, 4, 5, 6, 7])
    [heading] = [c for c in diff_markdown(old, new).changes if c.new is not None and c.new.kind == "heading"]
    assert heading.kind == "moved"
    assert f"{DEL}<span class=\"redline-sr\">deleted: </span>2. </del>" in heading.redline
    assert f"{INS}<span class=\"redline-sr\">inserted: </span>7. </ins>" in heading.redline


def test_a_moved_section_whose_number_stayed_is_a_pure_move():
    old = numbered_sections([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
    new = numbered_sections([1, 3, 4, 5, 2], [1, 3, 4, 5, 2])
    for change in diff_markdown(old, new).changes:
        assert change.kind == "moved" and DEL not in change.redline and INS not in change.redline


def test_a_moved_paragraph_whose_typography_changed_reads_back_to_its_old_text():
    para = "We bill you for the upgraded plan immediately."
    old = f"# A\n\n{para}\n\n# B\n\nOther words stand here.\n"
    moved = para.replace("immediately", "immediately\u200b")  # an invisible character on the way
    new = f"# A\n\n# B\n\nOther words stand here.\n\n{moved}\n"
    html = render_redline(diff_markdown(old, new))
    assert old_text(html) == " ".join(b.text for b in blocks_from_markdown(old))
    assert new_text(html) == " ".join(b.text for b in blocks_from_markdown(new))


# --- 10. redlines read back both ways -----------------------------------------------------------------


@pytest.mark.parametrize("mark", ["<del>{}</del>", "<ins>{}</ins>", "~~{}~~", "<s>{}</s>"])
def test_a_versions_own_marks_read_back_as_its_text_both_ways(mark):
    old = f"Clause one keeps {mark.format('these three words')} in place, and more words follow here."
    new = f"Clause one keeps {mark.format('these words')} in place, and other words follow."
    diff = diff_markdown(old, new, **TILDE)
    html = render_redline(diff)
    assert new_text(html) == blocks_from_markdown(new, **TILDE)[0].text
    assert old_text(html) == blocks_from_markdown(old, **TILDE)[0].text


#: A moved row that lost cells, whose third old cell shares words with the first new one: the third
#: cell's deleted words must not be pulled ahead of the second's (found by the long fuzz run).
ROW_OLD = ("We will not delete your content.\n\n<table>\n<tr><th>Security</th><th>Collect</th><th>Transfer</th>"
           "<th>Not</th></tr>\n<tr><td>use collect</td><td>location</td><td>use service third</td>"
           "<td>may provider</td></tr>\n</table>\n")
ROW_NEW = ("<table>\n<tr><th>Collect</th><th>Days</th></tr>\n<tr><td>provider contact service third</td>"
           "<td>will may</td></tr>\n</table>\n\nWe will not delete your content.\n")


@pytest.mark.parametrize(("old", "new"), [(ROW_OLD, ROW_NEW), (ROW_NEW, ROW_OLD)], ids=["lost-cells", "gained-cells"])
def test_a_row_whose_cells_map_out_of_order_reads_back_both_ways(old, new):
    seconds, failures, diff = check_pair(old, new)
    assert failures == []


#: A code span whose backticks straddle a cell separator: the new row has one cell fewer, and the
#: words of two old cells meet in one (found by a fuzz run).
STRADDLE_OLD = ("| Part | About |\n| --- | --- |\n| [F. Copyright & Notice Policy](#f-notice) | This section says how we "
                "answer a notice about your work. |\n")
STRADDLE_NEW = ("| Part | About |\n| --- | --- |\n| [F. `Copyright & Notice Policy](#f-notice) | This` section says how we "
                "answer a notice about your work. |\n")


@pytest.mark.parametrize(("old", "new"), [(STRADDLE_OLD, STRADDLE_NEW), (STRADDLE_NEW, STRADDLE_OLD)],
                         ids=["cells-merged", "cells-split"])
def test_words_of_two_old_cells_that_meet_in_one_stay_apart(old, new):
    seconds, failures, diff = check_pair(old, new, extensions=["tables"])
    assert failures == []


def test_the_redlines_own_runs_carry_their_class_and_a_versions_own_do_not():
    diff = diff_markdown("We <del>never</del> sell data to anyone.", "We <del>never</del> share data.")
    [change] = diff.changes
    assert DEL in change.redline and "<del>never</del>" in change.redline


def test_code_under_a_list_item_does_not_run_into_the_items_words():
    old = "<ul>\n<li>Keep records<pre>retention table</pre></li>\n</ul>\n"
    new = "<ul>\n<li>Keep all records<pre>retention table</pre></li>\n</ul>\n"
    [block] = blocks_from_markdown(old)
    assert block.text == "Keep records retention table"
    html = render_redline(diff_markdown(old, new))
    assert new_text(html) == "Keep all records retention table" and old_text(html) == "Keep records retention table"


# --- issue 10: what a reader sees in a redline --------------------------------------------------------


def test_a_link_whose_target_changed_keeps_its_words_and_says_where_it_pointed():
    old = "Read the [cookie policy](https://example.com/cookies) before you sign up."
    new = "Read the [cookie policy](https://example.com/tracking) before you sign up."
    [change] = diff_markdown(old, new).changes
    assert DEL not in change.redline and INS not in change.redline
    assert '<a href="https://example.com/tracking">cookie policy</a><span class="redline-note redline-link-changed">' \
           " (link changed; it pointed to https://example.com/cookies)</span>" in change.redline
    assert "cookie policy (link changed; it pointed to https://example.com/cookies)" in render_text(diff_markdown(old, new), color=False)


def test_a_link_whose_target_and_words_changed_marks_the_words_and_the_target():
    old = "See [our policy](https://a.example/p) for details."
    new = "See [our new policy](https://b.example/p) for details."
    [change] = diff_markdown(old, new).changes
    assert f"{INS}<span class=\"redline-sr\">inserted: </span>new </ins>" in change.redline
    assert "(link changed; it pointed to https://a.example/p)" in change.redline
    assert re.search(r'<a href="https://b\.example/p">our .*policy</a><span class="redline-note', change.redline)


def test_a_changed_link_target_is_escaped_in_its_note():
    old = "Write to [us](https://example.com/?a=1&b=2) today."
    new = "Write to [us](https://example.com/contact) today."
    [change] = diff_markdown(old, new).changes
    assert "pointed to https://example.com/?a=1&amp;b=2)" in change.redline


def test_a_guarded_paragraph_carried_by_many_revisions_is_reported_once_at_the_newest(repo):
    body = "## Terms\n\nIntro.\n\n" + unclosed_brackets(5000) + "\n"
    for effective, date in (("2024-01-01", "2023-12-01"), ("2024-03-01", "2024-02-01"), ("2024-06-01", "2024-05-01")):
        repo.commit(files={"statements/privacy.md": statement_text(effective=effective, body=body)}, date=date)
    warnings: list[str] = []
    read_statement(repo.path / "statements/privacy.md", options=HistoryOptions(), warn=warnings.append)
    (warning,) = [w for w in warnings if "unclosed '['" in w]
    assert warning.startswith(f"statements/privacy.md:10 @ {repo.commits[-1][:7]}: ")
    assert warning.endswith("(in 3 revisions)")
