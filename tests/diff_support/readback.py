"""Reading a redline back, the way a reader (or a program) would.

* :func:`parse` builds a tree and fails on any end tag that closes an element another still holds
  open, or on an element left open: every rendering must be balanced HTML.
* :func:`new_text` drops the redline's deletions (``<del class="redline-del">``), its screen-reader
  markers and notes, and unwraps its insertions: the new version's text.
* :func:`old_text` does the reverse, reading each moved run where its "moved away" marker stands:
  the old version's text. A version's own ``<del>``/``<ins>`` (or ``~~…~~``) are text like any other.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track", "param"}
BLOCK_TAGS = {"br", "hr", "p", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
              "thead", "tbody", "blockquote", "pre", "dl", "dt", "dd", "details", "summary"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())


class TreeParser(HTMLParser):
    """Builds a tree and records every unbalanced end tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("", {})
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if len(self.stack) == 1 or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> while {[n.tag for n in self.stack[1:]]} open")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    parser = TreeParser()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors[:3]
    assert len(parser.stack) == 1, f"unclosed: {[n.tag for n in parser.stack[1:]]}"
    return parser.root


def _is_note(node: Node) -> bool:
    return bool(node.classes & {"redline-sr", "redline-note"})


def _is_deletion(node: Node) -> bool:
    return node.tag == "del" and "redline-del" in node.classes


def _is_insertion(node: Node) -> bool:
    return node.tag == "ins" and "redline-ins" in node.classes


def text(html: str) -> str:
    """Plain text of HTML without the redline's notes (block elements stand apart), whitespace collapsed."""
    out: list[str] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
                continue
            if _is_note(child):
                continue
            if child.tag in BLOCK_TAGS:
                out.append(" ")
            walk(child)
            if child.tag in BLOCK_TAGS:
                out.append(" ")

    walk(parse(html))
    return " ".join("".join(out).split())


def new_text(html: str | Node) -> str:
    """The new version's text from a redline (HTML, or its tree from :func:`parse`)."""
    out: list[str] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
                continue
            if _is_deletion(child) or _is_note(child) or "redline-moved-away" in child.classes:
                continue
            if child.tag in BLOCK_TAGS:
                out.append(" ")
            walk(child)
            if child.tag in BLOCK_TAGS:
                out.append(" ")

    walk(parse(html) if isinstance(html, str) else html)
    return " ".join("".join(out).split())


def old_text(html: str | Node) -> str:
    """The old version's text from a redline (HTML, or its tree from :func:`parse`)."""
    root = parse(html) if isinstance(html, str) else html
    moved: dict[str, list[str]] = {}

    def text_of(node: Node, out: list[str], *, collect: bool) -> None:
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
                continue
            if _is_insertion(child) or _is_note(child):
                continue
            if collect and child.tag in ("ul", "ol"):
                continue  # a nested list is its own blocks, not part of the moved item
            if child.tag in BLOCK_TAGS:
                out.append(" ")
            text_of(child, out, collect=collect)
            if child.tag in BLOCK_TAGS:
                out.append(" ")

    def gather(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                continue
            if "redline-moved" in child.classes:
                part: list[str] = []
                # a moved list item's nested lists are blocks of their own; a moved quote's are its text
                text_of(child, part, collect=child.tag in ("li", "dt", "dd"))
                moved.setdefault(child.attrs["data-move"], []).append("".join(part))
            gather(child)

    gather(root)
    out: list[str] = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                out.append(child)
                continue
            if "redline-moved-away" in child.classes:
                out.append(" " + " ".join(moved.pop(child.attrs["data-move"])) + " ")
                continue
            if "redline-moved" in child.classes:
                # the moved block's own text is counted where it stood; an item's nested lists are not its own
                if child.tag not in ("li", "dt", "dd"):
                    continue
                for sub in child.children:
                    if isinstance(sub, Node) and sub.tag in ("ul", "ol"):
                        out.append(" ")
                        walk(sub)
                        out.append(" ")
                continue
            if _is_insertion(child) or _is_note(child):
                continue
            if child.tag in BLOCK_TAGS:
                out.append(" ")
            walk(child)
            if child.tag in BLOCK_TAGS:
                out.append(" ")

    walk(root)
    assert not moved, f"moved runs without a place they left: {moved}"
    return " ".join("".join(out).split())


def side_by_side_columns(html: str | Node) -> list[tuple[str, str, str]]:
    """(row class, old column text, new column text) of each row of a side-by-side table."""
    rows = []

    def walk(node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                continue
            if child.tag == "tr" and len([c for c in child.children if isinstance(c, Node) and c.tag == "td"]) == 2:
                cells = [c for c in child.children if isinstance(c, Node) and c.tag == "td"]
                columns = []
                for cell in cells:
                    out: list[str] = []

                    def cell_text(node: Node) -> None:
                        for sub in node.children:
                            if isinstance(sub, str):
                                out.append(sub)
                            elif not _is_note(sub) and "redline-moved-away" not in sub.classes:
                                if sub.tag in BLOCK_TAGS:
                                    out.append(" ")
                                cell_text(sub)
                                if sub.tag in BLOCK_TAGS:
                                    out.append(" ")

                    cell_text(cell)
                    columns.append(" ".join("".join(out).split()))
                rows.append((child.attrs.get("class", ""), columns[0], columns[1]))
                continue
            walk(child)

    walk(parse(html) if isinstance(html, str) else html)
    return rows
