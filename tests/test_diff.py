"""The diff engine: what counts as which change, how redlines look, and the renderers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from generator.diff import alignment, opcodes
from generator.diff import (
    Change,
    Diff,
    diff_blocks,
    diff_markdown,
    render_markdown,
    render_redline,
    render_side_by_side,
    render_text,
    render_unified,
    to_json,
)
from generator.render import blocks_from_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
BASE = (FIXTURES / "base.md").read_text(encoding="utf-8")


def fixture(name: str) -> str:
    return (FIXTURES / f"{name}.md").read_text(encoding="utf-8")


def kinds(diff: Diff) -> list[str]:
    return [c.kind for c in diff.changes]


class _Balance(HTMLParser):
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track", "param"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def assert_balanced(html: str) -> None:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {parser.stack}"


# --- what counts as a change -----------------------------------------------------------------------


def test_identical_versions_have_no_change():
    diff = diff_markdown(BASE, BASE)
    assert diff.is_empty
    assert diff.changes == ()


def test_whitespace_that_does_not_change_the_html_is_no_change():
    spaced = BASE.replace("\n\n", "\n\n\n").replace("tea.", "tea.   ", 1).replace("## Sharing", "##   Sharing")
    assert diff_markdown(BASE, spaced).is_empty


def test_rewrapping_a_paragraph_is_formatting_only():
    rewrapped = BASE.replace("for loose-leaf tea and a\nmonthly tasting club.", "for loose-leaf tea\nand a monthly tasting club.")
    diff = diff_markdown(BASE, rewrapped)
    assert kinds(diff) == ["formatting"]
    assert diff.content_changes == ()


def test_switching_emphasis_markers_is_formatting_only():
    diff = diff_markdown(BASE, BASE.replace("*ask*", "_ask_"))
    assert kinds(diff) == ["formatting"]
    assert not diff.is_empty


def test_switching_list_markers_is_formatting_only():
    diff = diff_markdown(BASE, BASE.replace("\n- ", "\n* "))
    assert set(kinds(diff)) == {"formatting"}
    assert diff.stats.formatting == 4


def test_curly_quotes_for_straight_ones_are_formatting_only():
    curly = BASE.replace('("Harbourlight", "we")', "(\u201cHarbourlight\u201d, \u201cwe\u201d)")
    assert kinds(diff_markdown(BASE, curly)) == ["formatting"]


def test_a_one_word_negation_flip_is_one_modified_block_with_a_tight_redline():
    diff = diff_markdown(BASE, fixture("negation-flip"))
    [change] = diff.changes
    assert change.kind == "modified"
    assert change.section == ("Privacy Statement", "Sharing")
    assert re.sub(r'<span class="redline-sr">[^<]*</span>', "", change.redline).startswith(
        '<p>We <del class="redline-del">do not </del><ins class="redline-ins">may </ins>sell your personal data.'
    )
    assert (change.words_removed, change.words_added) == (2, 1)


def test_a_changed_number_is_redlined_alone():
    [change] = diff_markdown(BASE, fixture("number-change")).changes
    assert change.kind == "modified"
    assert '<del class="redline-del"><span class="redline-sr">deleted: </span>30 </del><ins class="redline-ins"><span class="redline-sr">inserted: </span>45 </ins>days' in change.redline


def test_a_rewritten_paragraph_is_one_modified_block_struck_out_and_replaced_whole():
    diff = diff_markdown(BASE, fixture("rewritten-paragraph"))
    [change] = diff.changes
    assert change.kind == "modified"
    assert change.redline.count('<del class="redline-del">') == 1 and change.redline.count('<ins class="redline-ins">') == 1
    assert change.redline.index("</del>") < change.redline.index('<ins class="redline-ins">')


def test_a_section_swap_is_only_moves():
    diff = diff_markdown(BASE, fixture("section-swap"))
    assert set(kinds(diff)) == {"moved"}
    assert diff.stats.added == diff.stats.removed == 0


def test_the_blocks_of_a_moved_section_are_one_move_in_a_row():
    diff = diff_markdown(BASE, fixture("section-swap"))
    moves = [c.move for c in diff.changes]
    assert len(set(moves)) == 1
    positions = [diff.new.index(c.new) for c in diff.changes]
    assert positions == list(range(positions[0], positions[0] + len(positions)))


def test_a_moved_and_edited_paragraph_is_a_move_with_a_redline():
    swapped = fixture("section-swap").replace("We do not sell your personal data.", "We never sell your personal data.")
    diff = diff_markdown(BASE, swapped)
    edited = [c for c in diff.changes if '<del class="redline-del">' in c.redline]
    assert [c.kind for c in edited] == ["moved"]
    assert "never" in edited[0].redline


def test_a_removed_section_is_one_removal_per_block():
    start, end = BASE.index("## Retention"), BASE.index("## Your rights")
    diff = diff_markdown(BASE, BASE[:start] + BASE[end:])
    assert kinds(diff) == ["removed", "removed"]
    assert diff.changes[0].section == ("Privacy Statement", "Retention")


def test_an_added_list_item_is_added():
    diff = diff_markdown(BASE, BASE.replace("- your name and delivery address;", "- your name and delivery address;\n- your phone number;"))
    [change] = diff.changes
    assert change.kind == "added"
    assert change.new.kind == "item"


def test_a_changed_link_target_is_modified_not_formatting():
    old = "Read the [cookie policy](https://example.com/cookies)."
    new = "Read the [cookie policy](https://example.com/tracking)."
    [change] = diff_markdown(old, new).changes
    assert change.kind == "modified"
    # the words stay; the redline says where the link used to point
    assert '<del class="redline-del">' not in change.redline and '<ins class="redline-ins">' not in change.redline
    assert "(link changed; it pointed to https://example.com/cookies)" in change.redline


def test_a_replaced_heading_in_place_is_modified():
    diff = diff_markdown(BASE, BASE.replace("## Retention", "## How long we keep data"))
    assert kinds(diff) == ["modified"]


def test_huge_replaced_regions_fall_back_to_whole_block_removals_and_additions(monkeypatch):
    monkeypatch.setattr(alignment, "REGION_PAIR_LIMIT", 1)
    old = "First paragraph about tea.\n\nSecond paragraph about coffee."
    new = "First paragraph about green tea.\n\nSecond paragraph about black coffee."
    assert sorted(kinds(diff_markdown(old, new))) == ["added", "added", "removed", "removed"]


def test_many_identical_blocks_are_lined_up_in_order_not_moved(monkeypatch):
    monkeypatch.setattr(alignment, "CROWD_STEPS", 100)
    monkeypatch.setattr(alignment, "CROWD_COPIES", 5)
    old = ["Same paragraph."] * 40
    new = list(old)
    new[7], new[30] = "Other paragraph seven.", "Other paragraph thirty."
    diff = diff_markdown("\n\n".join(old), "\n\n".join(new))
    assert kinds(diff) == ["modified", "modified"]


def test_a_paragraph_past_the_word_pair_limit_is_still_redlined_word_by_word(monkeypatch):
    # past the limit, words are aligned on anchors instead of difflib's search: only the two edits show
    monkeypatch.setattr(opcodes, "WORD_PAIR_LIMIT", 100)
    old = " ".join(f"w{i}" for i in range(40))
    new = old.replace("w0 ", "first ").replace(" w39", " last")
    [change] = diff_markdown(old, new).changes
    assert change.redline.count('<del class="redline-del">') == change.redline.count('<ins class="redline-ins">') == 2
    assert (change.words_added, change.words_removed) == (2, 2)


def test_changes_are_in_document_order_with_removals_where_they_stood():
    new = BASE.replace("## Contact", "## Contact us").replace("Harbourlight Tea Company is a cooperative", "Harbourlight is a cooperative")
    new = new.replace("When you visit the shop we also record the pages you viewed and the time of each visit.\n", "")
    diff = diff_markdown(BASE, new)
    assert [c.section[-1] for c in diff.changes] == ["Who we are", "Information we collect", "Contact us"]
    assert [c.kind for c in diff.changes] == ["modified", "removed", "modified"]


def test_diff_blocks_works_on_blocks_directly():
    diff = diff_blocks(blocks_from_markdown(BASE), blocks_from_markdown(fixture("number-change")))
    assert kinds(diff) == ["modified"]


# --- stats ------------------------------------------------------------------------------------------------


def test_stats_count_words_and_changes():
    new = fixture("negation-flip").replace("- your name and delivery address;", "- your name and delivery address;\n- your phone number;")
    stats = diff_markdown(BASE, new).stats
    assert (stats.modified, stats.added, stats.removed, stats.moved, stats.formatting) == (1, 1, 0, 0, 0)
    assert stats.words_added == 1 + 3
    assert stats.words_removed == 2


def test_sections_touched_are_top_level_sections_below_the_document_title():
    new = fixture("number-change").replace("privacy@harbourlight.example", "steward@harbourlight.example")
    assert diff_markdown(BASE, new).stats.sections_touched == ("Retention", "Contact")


def test_formatting_does_not_touch_a_section():
    assert diff_markdown(BASE, BASE.replace("*ask*", "_ask_")).stats.sections_touched == ()


# --- the inline redline ------------------------------------------------------------------------------------


def test_redline_marks_each_change_with_its_kind():
    html = render_redline(diff_markdown(BASE, fixture("negation-flip")))
    assert '<div class="redline-change redline-modified" data-kind="modified">' in html


def test_formatting_changes_carry_a_class_a_page_can_hide_and_no_inline_style():
    html = render_redline(diff_markdown(BASE, BASE.replace("*ask*", "_ask_")))
    assert "redline-formatting" in html
    assert "style=" not in html


def test_deletions_and_insertions_are_announced_to_screen_readers():
    html = render_redline(diff_markdown(BASE, fixture("negation-flip")))
    assert '<del class="redline-del"><span class="redline-sr">deleted: </span>' in html
    assert '<ins class="redline-ins"><span class="redline-sr">inserted: </span>' in html


def test_moved_blocks_say_where_they_came_from_and_the_old_place_says_where_they_went():
    html = render_redline(diff_markdown(BASE, fixture("section-swap")))
    assert "Moved from" in html and "Moved to" in html
    assert html.count('id="redline-moved-from-1"') == 1 and html.count('id="redline-moved-to-1"') == 1
    assert 'href="#redline-moved-from-1"' in html and 'href="#redline-moved-to-1"' in html


def test_a_removed_block_stands_where_it_was():
    start, end = BASE.index("## Retention"), BASE.index("## Your rights")
    html = render_redline(diff_markdown(BASE, BASE[:start] + BASE[end:]))
    assert html.index("Sharing") < html.index("server logs") < html.index("Your rights")


def test_a_removed_heading_gives_up_its_anchor():
    start, end = BASE.index("## Retention"), BASE.index("## Your rights")
    html = render_redline(diff_markdown(BASE, BASE[:start] + BASE[end:]))
    assert 'id="retention"' not in html


def test_list_items_are_marked_on_the_item_inside_their_list():
    new = BASE.replace("- your name and delivery address;", "- your name and delivery address;\n- your phone number;")
    html = render_redline(diff_markdown(BASE, new))
    assert '<li class="redline-change redline-added" data-kind="added"><ins class="redline-ins">' in html
    assert_balanced(html)
    assert re.search(r"<ul>(?:(?!</ul>).)*redline-added(?:(?!</ul>).)*</ul>", html, re.S)


def test_nested_lists_stay_inside_their_parent_item():
    old = "- parent\n    - child\n- sibling"
    new = "- parent\n    - child\n    - new child\n- sibling"
    html = render_redline(diff_markdown(old, new))
    assert_balanced(html)
    assert re.search(r"<li>parent\s*<ul>.*new child.*</ul>\s*</li>", html, re.S)


def test_without_context_only_changes_and_their_headings_are_shown():
    html = render_redline(diff_markdown(BASE, fixture("number-change")), context=False)
    assert "Retention" in html and "Privacy Statement" in html
    assert "Who we are" not in html and "tasting box" not in html


def test_statement_text_is_escaped_everywhere():
    old = "## A <b> & C\n\nUse `<script>` & more."
    new = "## A <b> & C\n\nUse `<script>` & less."
    diff = diff_markdown(old, new)
    for html in (render_redline(diff), render_side_by_side(diff), diff.changes[0].redline):
        assert "<script>" not in html
        assert_balanced(html)


def test_a_removed_table_row_stays_a_row_of_its_table():
    old = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |"
    new = "| a | b |\n|---|---|\n| 1 | 2 |\n| 5 | 6 |"
    html = render_redline(diff_markdown(old, new))
    assert_balanced(html)
    assert re.search(r"<tbody>.*<tr class=\"redline-change redline-removed\".*</tbody>", html, re.S)


def test_a_changed_table_row_is_redlined_cell_by_cell():
    old = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |"
    new = "| a | b |\n|---|---|\n| 1 | 2 |\n| 5 | 6 |"
    [change] = diff_markdown(old, new).changes
    assert change.redline.count("<td>") == 2
    assert re.search(r'<td><del class="redline-del">.*3</del><ins class="redline-ins">.*5</ins></td>', change.redline)


def test_a_diff_made_by_hand_still_renders():
    blocks = blocks_from_markdown("Some text.")
    change = Change("added", (), None, blocks[0], "<p><ins>Some text.</ins></p>")
    diff = Diff((), tuple(blocks), (change,), diff_markdown("", "Some text.").stats)
    assert "redline-added" in render_redline(diff)


# --- the other renderers -------------------------------------------------------------------------------------


def test_side_by_side_is_an_accessible_two_column_table():
    html = render_side_by_side(diff_markdown(BASE, fixture("negation-flip")))
    assert html.startswith('<table class="redline-sbs">')
    assert "<caption>" in html and html.count('<th scope="col">') == 2
    assert_balanced(html)


def test_side_by_side_shows_deletions_left_and_insertions_right():
    html = render_side_by_side(diff_markdown(BASE, fixture("negation-flip")))
    row = re.search(r'<tr class="redline-change redline-modified".*?</tr>', html, re.S).group(0)
    left, right = row.split("</td><td>")
    assert '<del class="redline-del">' in left and '<ins class="redline-ins">' not in left
    assert '<ins class="redline-ins">' in right and '<del class="redline-del">' not in right


def test_side_by_side_claims_no_anchors_of_the_page():
    html = render_side_by_side(diff_markdown(BASE, fixture("section-swap")))
    assert " id=" not in html


def test_json_has_the_documented_shape():
    document = to_json(diff_markdown(BASE, fixture("negation-flip")), statement="privacy", from_="2024-01-01", to="2025-01-01")
    assert (document["statement"], document["from"], document["to"]) == ("privacy", "2024-01-01", "2025-01-01")
    assert document["stats"]["modified"] == 1
    [change] = document["changes"]
    assert change["kind"] == "modified"
    assert change["section"] == ["Privacy Statement", "Sharing"]
    assert change["old"].startswith("We do not sell") and change["new"].startswith("We may sell")
    assert document["schema"] == 1
    json.dumps(document)


def test_json_says_where_a_moved_block_came_from():
    moved = diff_markdown(
        "## A\n\nOne paragraph that moves.\n\n## B\n\nStays.",
        "## A\n\n## B\n\nStays.\n\nOne paragraph that moves.",
    )
    [change] = to_json(moved, statement="privacy", from_="a", to="b")["changes"]
    assert (change["kind"], change["section"], change["moved_from"]) == ("moved", ["B"], ["A"])


def test_text_output_marks_words_with_brackets_without_colour():
    text = render_text(diff_markdown(BASE, fixture("negation-flip")), color=False)
    assert "§ Privacy Statement › Sharing" in text
    assert "[-do not-] {+may+}" in text
    assert "\x1b[" not in text


def test_text_output_uses_red_and_green_with_colour():
    text = render_text(diff_markdown(BASE, fixture("negation-flip")), color=True)
    assert "\x1b[31mdo not" in text and "\x1b[32mmay" in text


def test_markdown_comment_starts_with_stats_and_groups_by_section():
    md = render_markdown(diff_markdown(BASE, fixture("number-change")), title="Privacy: v1 → v2")
    lines = md.splitlines()
    assert lines[0].startswith("### Privacy")
    assert lines[2].startswith("**1 modified")
    assert "#### Privacy Statement › Retention" in md
    assert "<del>30</del>" in md and "<ins>45</ins>" in md


def test_markdown_comment_escapes_statement_text():
    md = render_markdown(diff_markdown("We use *cookies*.", "We use <b>*cookies*</b> & [x](y)."))
    assert "<b>" not in md and "[x]" not in md


def test_unified_diff_of_the_source():
    out = render_unified("a\nb\n", "a\nc\n", fromfile="privacy@1", tofile="privacy@2")
    assert out.splitlines()[:2] == ["--- privacy@1", "+++ privacy@2"]
    assert "-b" in out.splitlines() and "+c" in out.splitlines()
