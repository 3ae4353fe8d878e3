"""Markdown → HTML with the site's extensions, and HTML → blocks with section paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import render
from generator.render import (
    DEFAULT_EXTENSIONS,
    Block,
    blocks_from_html,
    blocks_from_markdown,
    blocks_from_versions,
    fold_key,
    render_html,
)

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
SITE_EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "def_list",
                   "pymdownx.details", "pymdownx.superfences"]
PERMALINKS = {"toc": {"permalink": True, "permalink_title": "Link to this section"}}


def kinds(blocks: list[Block]) -> list[str]:
    return [b.kind for b in blocks]


# --- render_html ---------------------------------------------------------------------------------


def test_default_extensions_are_the_sites():
    for name in ["toc", "tables", "attr_list", "md_in_html", "admonition", "footnotes", "def_list",
                 "pymdownx.superfences", "pymdownx.details", "pymdownx.tilde"]:
        assert name in DEFAULT_EXTENSIONS


def test_heading_ids_are_the_toc_extensions_slugs():
    html = render_html("## Data we collect\n\n## Data we collect\n\n### Your rights & choices")
    assert '<h2 id="data-we-collect">' in html
    assert '<h2 id="data-we-collect_1">' in html
    assert '<h3 id="your-rights-choices">' in html


def test_permalink_configuration_is_honoured():
    html = render_html("## Sharing", extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    assert 'class="headerlink"' in html and 'title="Link to this section"' in html


def test_one_document_does_not_leak_into_the_next():
    render_html("Text with a note.[^1]\n\n[^1]: The note.")
    assert "footnote" not in render_html("Plain text.")


def test_the_markdown_instance_is_reused_per_configuration():
    render_html("a")
    render_html("b")
    render_html("c", extensions=["toc"])
    keys = [k for k in render._CACHE if k[0] == tuple(DEFAULT_EXTENSIONS)]
    assert len(keys) == 1


# --- blocks_from_html ------------------------------------------------------------------------------


def test_blocks_are_headings_paragraphs_items_rows_quotes_and_code():
    html = render_html(
        "# Title\n\nIntro.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n```\ncode\n```\n"
    )
    assert kinds(blocks_from_html(html)) == ["heading", "paragraph", "item", "item", "row", "row", "quote", "code"]


def test_a_heading_knows_its_level_and_its_own_section():
    blocks = blocks_from_markdown("# Privacy\n\n## Sharing\n\nWe share.")
    heading = blocks[1]
    assert (heading.kind, heading.level, heading.section) == ("heading", 2, ("Privacy", "Sharing"))


def test_section_path_follows_heading_levels():
    blocks = blocks_from_markdown("# A\n\n## B\n\n### C\n\nx\n\n## D\n\ny")
    assert blocks[3].section == ("A", "B", "C")
    assert blocks[5].section == ("A", "D")


def test_anchor_is_the_nearest_heading_id_and_none_before_the_first_heading():
    blocks = blocks_from_markdown("Preamble.\n\n## Data we collect\n\nText.")
    assert blocks[0].anchor is None
    assert blocks[2].anchor == "data-we-collect"


def test_a_list_item_excludes_its_nested_list_which_follows_as_blocks():
    blocks = blocks_from_markdown("- parent\n    - child one\n    - child two\n- sibling")
    assert [b.text for b in blocks] == ["parent", "child one", "child two", "sibling"]
    assert "<ul>" not in blocks[0].html
    assert blocks[1].container_tags == ("ul", "li", "ul")


def test_block_html_is_the_blocks_own_balanced_element():
    blocks = blocks_from_markdown("We do *not* sell.\n\n- item")
    assert blocks[0].html == "<p>We do <em>not</em> sell.</p>"
    assert blocks[1].html == "<li>item</li>"


def test_text_strips_tags_unescapes_entities_and_collapses_whitespace():
    [block] = blocks_from_html("<p>Terms &amp; <em>conditions</em>\n   apply</p>")
    assert block.text == "Terms & conditions apply"


def test_permalink_anchors_are_not_part_of_a_headings_text():
    [block] = blocks_from_markdown("## Sharing", extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    assert block.text == "Sharing"
    assert "headerlink" not in block.html


def test_admonition_contents_are_blocks_inside_their_container():
    blocks = blocks_from_markdown('!!! note "Heads up"\n\n    We changed this.')
    assert [b.text for b in blocks] == ["Heads up", "We changed this."]
    assert blocks[1].container_tags == ("div",)


def test_comments_are_not_blocks():
    assert blocks_from_html("<!-- lint off --><p>x</p>") == blocks_from_html("<p>x</p>")


# --- keys ----------------------------------------------------------------------------------------------


def test_key_folds_quotes_dashes_and_whitespace():
    assert fold_key("We\u2019re \u201cfine\u201d \u2014 really") == fold_key("We're \"fine\" - really")
    assert fold_key("a\n  b") == "a b"


def test_key_folds_emphasis_and_list_markers():
    assert fold_key("- *not* sold") == fold_key("not sold")
    assert fold_key("rules:\n- one\n- two") == fold_key("rules:\n* one\n* two")


def test_key_keeps_case_and_numbers():
    assert fold_key("30 days") != fold_key("45 days")
    assert fold_key("We") != fold_key("we")


# --- the chunked renderer gives what Python-Markdown gives ---------------------------------------------------

TRICKY = [
    "para\n- not a list",
    "- a\n- b\n\n- c",
    "- a\n\n    indented continuation\n\nafter",
    "1. one\n2. two\n\ntext",
    "> quote\n\n> continues the quote",
    "Term\n\n: definition",
    "Text[^1]\n\n[^1]: note",
    "[ref]\n\n[ref]: https://example.com",
    "## Same\n\ntext\n\n## Same\n\n## Same_1",
    "```\ncode\n\n# not a heading\n```\n\n## Heading",
    "<!-- comment -->\n\nText after a comment.",
    "<div markdown>\n\n*inside*\n\n</div>",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "!!! note\n\n    body\n\ntext",
    "2*3*4 and snake_case and a_b_c",
    "*em* **strong** _u_ __uu__ `code & <x>` [link](https://e.com/?a=1&b=2) & > <",
    "trailing spaces  \nmake a break",
    "## C# and F#\n\n### Step #2 ##",
    "# Title {#custom}\n\n## Title",
    "setext\n=====\n\ntext\n---",
    "~~struck~~ and ~single",
    "![image](pic.png) and !bang",
    "Line one\nline two\n\n\n\nAfter blank lines\n   \nwith spaces",
    "&copy; 2024 &amp; &#169;",
    "- **Bold** item: text\n- *em* item\n- [link](x) item",
    "* star\n+ plus\n- dash",
]


@pytest.mark.parametrize("source", TRICKY)
@pytest.mark.parametrize("configs", [None, PERMALINKS], ids=["defaults", "permalinks"])
def test_chunked_rendering_equals_python_markdown(source: str, configs: dict | None):
    extensions = SITE_EXTENSIONS if configs else None
    whole = render_html(source, extensions=extensions, extension_configs=configs)
    chunked = render._render_chunked_html(source, extensions=extensions, extension_configs=configs)
    assert chunked is None or chunked == whole


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.md")))
def test_blocks_from_markdown_equal_blocks_of_the_rendered_html(name: str):
    source = (FIXTURES / name).read_text(encoding="utf-8")
    assert blocks_from_markdown(source) == blocks_from_html(render_html(source))


def test_the_fast_renderer_takes_plain_prose():
    source = (FIXTURES / "base.md").read_text(encoding="utf-8")
    assert render._render_chunked_html(source) == render_html(source)
    assert all(b.source is not None for b in blocks_from_markdown(source))


def test_a_block_knows_its_markdown_source_when_it_can():
    blocks = blocks_from_markdown("# T\n\nSome *text*.\n\n- one\n- two")
    assert [b.source for b in blocks] == ["# T", "Some *text*.", "- one", "- two"]


def test_a_heading_inside_a_list_item_counts_for_the_ids_after_it_when_the_list_was_seen_before():
    # The list chunk's blocks are items, but its heading takes "we_1": blocks kept from an earlier
    # text would skip that count and give the last heading "we_1" instead of the page's "we_2".
    render._SHARED.clear()
    earlier = "# we\n\nwe\n\n- we\n    - we\n- # we\n\n# we\n"
    later = "# we\n\ndata\n\n\nwe\n\n- we\n    - we\n- # we\n\n# we\n"
    blocks_from_markdown(earlier)
    headings = [b.anchor for b in blocks_from_markdown(later) if b.kind == "heading"]
    assert headings == [b.anchor for b in blocks_from_html(render_html(later)) if b.kind == "heading"] == ["we", "we_2"]


def test_unknown_extensions_render_the_whole_document_at_once():
    source = "Some text.\n\n## Heading"
    blocks = blocks_from_markdown(source, extensions=["toc", "smarty"])
    assert blocks == blocks_from_html(render_html(source, extensions=["toc", "smarty"]))
    assert all(b.source is None for b in blocks)


# --- property: chunked rendering equals Python-Markdown on generated documents ---------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["we", "data", "sell", "share", "days", "30", "Tea", "club", "notice"]
_INLINE = ["*em*", "**strong**", "_u_", "__uu__", "`code`", "[link](https://x.example/a?b=1&c=2)", "&", "<", ">",
           "#", "*", "_", "2*3*4", "snake_case", "\\*", "~~struck~~", "![img](p.png)", "&amp;", "'q'", '"dq"',
           "\u2014", "caf\u00e9", "(paren)", "x:y", "a|b", "{.c}", "<b>raw</b>"]
_word = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_INLINE))
_line = st.lists(_word, min_size=1, max_size=8).map(" ".join)
_lines = st.lists(_line, min_size=1, max_size=3)


@st.composite
def _markdown_block(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["heading", "para", "para", "list", "olist", "nested", "quote", "fence", "table",
                                 "comment", "hr", "setext", "trailing"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 4)) + " " + draw(_line)
    if kind == "para":
        return "\n".join(draw(_lines))
    if kind == "list":
        marker = draw(st.sampled_from(["-", "*", "+"]))
        return "\n".join(f"{marker} {line}" for line in draw(_lines))
    if kind == "olist":
        return "\n".join(f"{i + 1}. {line}" for i, line in enumerate(draw(_lines)))
    if kind == "nested":
        return f"- {draw(_line)}\n    - {draw(_line)}\n- {draw(_line)}"
    if kind == "quote":
        return "> " + draw(_line)
    if kind == "fence":
        return f"```\n{draw(_line)}\n\n{draw(_line)}\n```"
    if kind == "table":
        return f"| a | b |\n|---|---|\n| {draw(_line)} | x |"
    if kind == "comment":
        return "<!-- note -->"
    if kind == "hr":
        return "---"
    if kind == "setext":
        return draw(_line) + "\n" + draw(st.sampled_from(["===", "---"]))
    return draw(_line) + "  \n" + draw(_line)


_document = st.lists(
    st.tuples(_markdown_block(), st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"])), min_size=1, max_size=8
).map(lambda parts: "".join(block + sep for block, sep in parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_property_chunked_rendering_equals_python_markdown(source: str):
    chunked = render._render_chunked_html(source)
    if chunked is not None:
        assert chunked == render_html(source)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_property_blocks_from_markdown_equal_blocks_of_the_rendered_html(source: str):
    assert blocks_from_markdown(source) == blocks_from_html(render_html(source))
    assert blocks_from_markdown(source, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS) == blocks_from_html(
        render_html(source, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    )


# --- what is shared between versions gives what each version gives alone ----------------------------


def _fresh_blocks(source: str, **markdown) -> list[tuple]:
    """``source``'s blocks with nothing kept from earlier texts, with what equality leaves out (ids apart)."""
    render._SHARED.clear()
    return _described(blocks_from_markdown(source, **markdown))


def _described(blocks: list[Block]) -> list[tuple]:
    return [(b, b.container_tags, b.source) for b in blocks]


def test_a_heading_seen_in_an_earlier_version_gets_this_versions_id():
    before = "## Sharing\n\nWe share nothing.\n\n## Contact\n\nWrite to us."
    after = "## Contact\n\nCall us.\n\n## Sharing\n\nWe share nothing.\n\n## Contact\n\nWrite to us."
    render._SHARED.clear()
    shared = blocks_from_versions(before, after, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    assert [b.anchor for b in shared[1] if b.kind == "heading"] == ["contact", "sharing", "contact_1"]
    assert _described(shared[1]) == _fresh_blocks(after, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document, _document, st.randoms(use_true_random=False))
def test_property_versions_cut_together_equal_each_cut_alone(first: str, other: str, random):
    # a second version made of the first's blocks and some of another document, in another order
    parts = [p for p in (first + "\n\n" + other).split("\n\n") if p.strip()]
    second = "\n\n".join(random.sample(parts, k=len(parts)))
    render._SHARED.clear()
    together = blocks_from_versions(first, second, first, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    for source, blocks in zip((first, second, first), together):
        assert _described(blocks) == _fresh_blocks(source, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)


# --- a whole page from the chunks: the HTML and table of contents Python-Markdown makes ------------------


def _toc(tokens: list[dict]) -> list[tuple]:
    return [(t["level"], t["id"], t["name"], _toc(t["children"])) for t in tokens]


def _converted(source: str) -> tuple[str, list[tuple]]:
    import markdown

    md = markdown.Markdown(extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    return md.convert(source), _toc(md.toc_tokens)


@pytest.mark.parametrize("source", TRICKY + ["# Title\n\n<!-- fragment -->\n\n## Same\n\n## Same\n\n### *Emphasis* and `code` & more"])
def test_a_page_made_from_chunks_is_python_markdowns_html_and_table_of_contents(source: str):
    made = render.render_page(source, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    if made is not None:
        assert (made[0], _toc(made[1])) == _converted(source)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document, _document)
def test_property_a_page_made_from_chunks_is_python_markdowns_conversion(first: str, second: str):
    blocks_from_versions(first, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)  # chunks rendered before
    made = render.render_page(second, extensions=SITE_EXTENSIONS, extension_configs=PERMALINKS)
    if made is not None:
        assert (made[0], _toc(made[1])) == _converted(second)
