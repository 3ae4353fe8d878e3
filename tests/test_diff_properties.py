"""Invariants of the diff engine over random documents and random edits (hypothesis).

* Dropping every ``<del class="redline-del">`` of the inline redline (and the screen-reader markers
  and notes) and unwrapping every ``<ins class="redline-ins">`` gives the new document's text; the
  reverse gives the old one (a moved run counted where its "moved away" marker stands).
* Identical versions give no change at all.
* Every redline, side-by-side table and change is well-formed, balanced HTML.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diff import diff_markdown, render_redline, render_side_by_side
from generator.render import blocks_from_markdown
from tests.diff_support.readback import new_text, old_text, parse

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["we", "collect", "your", "name", "address", "share", "sell", "never", "tea", "orders", "data", "days",
         "30", "45", "privacy", "club", "notes", "courier", "payment", "rights", "may", "not", "&", "a<b"]
MARKUP = ["*{0}*", "**{0}**", "`{0}`", "[{0}](https://example.com/{0})", "_{0}_"]

# --- random documents ---------------------------------------------------------------------------------


@st.composite
def _word(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(WORDS))
    if draw(st.integers(0, 7)) == 0 and word.isalnum():
        return draw(st.sampled_from(MARKUP)).format(word)
    return word


_words = st.lists(_word(), min_size=2, max_size=14)
_paragraph = st.builds(lambda words, width: {"kind": "p", "words": words, "width": width}, _words, st.sampled_from([0, 4, 7]))
_item = st.builds(lambda words, children: {"words": words, "children": children},
                  st.lists(_word(), min_size=1, max_size=6), st.lists(st.lists(_word(), min_size=1, max_size=4), max_size=2))
_list = st.builds(lambda items, marker: {"kind": "ul", "items": items, "marker": marker},
                  st.lists(_item, min_size=1, max_size=4), st.sampled_from(["-", "*"]))
_block = st.one_of(_paragraph, _paragraph, _list)
_section = st.builds(lambda title, blocks: {"title": title, "blocks": blocks},
                     st.lists(st.sampled_from(WORDS[:20]), min_size=1, max_size=3), st.lists(_block, min_size=1, max_size=3))
documents = st.lists(_section, min_size=1, max_size=5)


def to_markdown(document: list[dict]) -> str:
    parts = ["# Privacy"]
    for section in document:
        parts.append("## " + " ".join(section["title"]))
        for block in section["blocks"]:
            if block["kind"] == "p":
                words, width = block["words"], block["width"]
                if width:
                    lines = [" ".join(words[k:k + width]) for k in range(0, len(words), width)]
                    parts.append("\n".join(lines))
                else:
                    parts.append(" ".join(words))
            else:
                lines = []
                for item in block["items"]:
                    lines.append(f"{block['marker']} " + " ".join(item["words"]))
                    for child in item["children"]:
                        lines.append(f"    {block['marker']} " + " ".join(child))
                parts.append("\n".join(lines))
            # a paragraph between two lists keeps them apart
            parts.append("Next.")
    return "\n\n".join(parts) + "\n"


# --- random edits -----------------------------------------------------------------------------------------


def _edit(data: st.DataObject, document: list[dict]) -> None:
    sections = document
    section = data.draw(st.sampled_from(sections))
    block = data.draw(st.sampled_from(section["blocks"]))
    if block["kind"] == "p":
        words = block["words"]
    else:
        item = data.draw(st.sampled_from(block["items"]))
        words = item["words"]
    kind = data.draw(st.sampled_from([
        "replace word", "insert word", "delete word", "insert block", "delete block", "move block", "swap sections",
        "emphasis marker", "list marker", "rewrap", "add item", "delete item", "heading", "duplicate section",
        "delete section", "rewrite",
    ]))
    position = data.draw(st.integers(0, len(words) - 1))
    if kind == "replace word":
        words[position] = data.draw(_word())
    elif kind == "insert word":
        words.insert(position, data.draw(_word()))
    elif kind == "delete word" and len(words) > 1:
        del words[position]
    elif kind == "insert block":
        section["blocks"].insert(data.draw(st.integers(0, len(section["blocks"]))), data.draw(_block))
    elif kind == "delete block" and len(section["blocks"]) > 1:
        section["blocks"].remove(block)
    elif kind == "move block" and len(section["blocks"]) > 1:
        section["blocks"].remove(block)
        target = data.draw(st.sampled_from(sections))
        target["blocks"].insert(data.draw(st.integers(0, len(target["blocks"]))), block)
    elif kind == "swap sections" and len(sections) > 1:
        a, b = data.draw(st.sampled_from([(i, j) for i in range(len(sections)) for j in range(len(sections)) if i < j]))
        sections[a], sections[b] = sections[b], sections[a]
    elif kind == "emphasis marker":
        words[:] = [w.replace("*", "_") if w.startswith("*") and not w.startswith("**") else w for w in words]
    elif kind == "list marker" and block["kind"] == "ul":
        block["marker"] = "*" if block["marker"] == "-" else "-"
    elif kind == "rewrap" and block["kind"] == "p":
        block["width"] = data.draw(st.sampled_from([0, 3, 5, 9]))
    elif kind == "add item" and block["kind"] == "ul":
        block["items"].insert(data.draw(st.integers(0, len(block["items"]))), data.draw(_item))
    elif kind == "delete item" and block["kind"] == "ul" and len(block["items"]) > 1:
        block["items"].remove(item)
    elif kind == "heading":
        section["title"] = data.draw(st.lists(st.sampled_from(WORDS[:20]), min_size=1, max_size=3))
    elif kind == "duplicate section":
        sections.insert(data.draw(st.integers(0, len(sections))), copy.deepcopy(section))
    elif kind == "delete section" and len(sections) > 1:
        sections.remove(section)
    elif kind == "rewrite":
        words[:] = data.draw(_words)


def edited(data: st.DataObject, document: list[dict]) -> list[dict]:
    new = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 4))):
        _edit(data, new)
    return new


# --- reading a redline back (tests/diff_support/readback.py) ----------------------------------------------


def text_of_blocks(markdown: str) -> str:
    return " ".join(" ".join(b.text for b in blocks_from_markdown(markdown)).split())


# --- the properties --------------------------------------------------------------------------------------


@SETTINGS
@given(documents)
def test_identical_versions_give_no_change(document):
    source = to_markdown(document)
    assert diff_markdown(source, source).is_empty


@SETTINGS
@given(documents, st.data())
def test_dropping_deletions_gives_the_new_text(document, data):
    old, new = to_markdown(document), to_markdown(edited(data, document))
    assert new_text(render_redline(diff_markdown(old, new))) == text_of_blocks(new)


@SETTINGS
@given(documents, st.data())
def test_dropping_insertions_gives_the_old_text(document, data):
    old, new = to_markdown(document), to_markdown(edited(data, document))
    assert old_text(render_redline(diff_markdown(old, new))) == text_of_blocks(old)


@SETTINGS
@given(documents, st.data())
def test_every_rendering_is_balanced_html(document, data):
    old, new = to_markdown(document), to_markdown(edited(data, document))
    diff = diff_markdown(old, new)
    parse(render_redline(diff, context=True))
    parse(render_redline(diff, context=False))
    parse(render_side_by_side(diff))
    for change in diff.changes:
        parse(change.redline)


@SETTINGS
@given(documents, st.data())
def test_a_change_of_kind_formatting_never_changes_the_text(document, data):
    old, new = to_markdown(document), to_markdown(edited(data, document))
    for change in diff_markdown(old, new).changes:
        if change.kind == "formatting":
            assert change.old.key == change.new.key
