r"""A guard against Markdown that Python-Markdown would take minutes to parse.

Python-Markdown takes time quadratic in the size of a paragraph in three places:

* it scans forward from every "[" for its closing "]" (links, images, references, footnotes:
  several patterns each) and from every "](" for its closing ")"; unclosed, each scan runs to
  the end of the paragraph;
* its raw HTML parser (html.parser) scans from every "<tag" that no ">" follows to the end of
  the document;
* every inline match (emphasis, escape, entity, code, link) rebuilds the paragraph's string.

Thousands of such openers or matches in one paragraph take minutes. The guard estimates these
costs in one linear pass. Where they add up to more than a linear budget, it first makes the
openers that can never be closed inert (``\[``, ``\(``, ``&lt;``), which Python-Markdown renders
exactly as the unclosed openers; a paragraph still too costly is then passed through as its
literal text in a raw ``<p>`` (its Markdown markup shown as typed). Ordinary documents stay far
below every budget and are never touched; each paragraph the guard changes is reported.
"""

from __future__ import annotations

import bisect
import html as htmlmod
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .patterns import LazyPattern

__all__ = ["Neutralised", "guard_markdown"]

#: Budget of bracket scans per document (Python-level steps): its length plus this.
BRACKET_SLACK = 100_000
#: Budget of raw-HTML scans per document (C-level steps): this many times its length plus the slack.
TAG_FACTOR = 8
TAG_SLACK = 1_000_000
#: Budget of string rebuilding per document (characters copied): this many times its length plus the slack.
INLINE_FACTOR = 300
INLINE_SLACK = 1_000_000_000
#: Paragraphs shorter than this are never passed through as literal text.
LITERAL_MIN = 1000

_ESCAPABLE = "\\\\`*_{}\\[\\]()#+\\-.!<>:|\"'~^=&"
_BRACKET_TOKEN = LazyPattern(r"\\[" + _ESCAPABLE + r"]|`+|[\[\]()]")
_GUARD_FENCE = LazyPattern(r"^[ \t>]*(`{3,}|~{3,})")
_TAG_OPEN = LazyPattern(r"<[/]?[A-Za-z]")
_INLINE_MARK = LazyPattern(r"\\.|[*_`\[\]\\&<~^!]")  # an escape is one mark
# A line that starts an inline context of its own inside a paragraph-like run: an item, a row, a heading.
_UNIT_START = LazyPattern(r"\n(?=[ \t>]*(?:[*+-][ \t]|\d+[.)][ \t]|\||#))")


@dataclass(frozen=True)
class Neutralised:
    """A paragraph the guard changed: its first line (1-based, in the body), the construct, how many."""

    line: int
    construct: str  # "[" (unclosed brackets), "<" (unclosed tags) or "markup" (shown as literal text)
    count: int

    def describe(self) -> str:
        """One line for a warning, without the location."""
        if self.construct == "markup":
            return (f"a paragraph with {self.count} inline marks would take Python-Markdown minutes to parse; "
                    "shown as literal text; split it into paragraphs")
        return (f"{self.count} unclosed '{self.construct}' would take Python-Markdown minutes to parse; "
                f"made inert; close or escape them (\\{self.construct})")


_BLANK = re.compile(r"\n[ \t\r]*\n")


def _surely_cheap(text: str) -> bool:
    """Whether upper bounds of all three costs, found quickly, are within their budgets (most documents)."""
    ends = [m.start() for m in _BLANK.finditer(text)]
    ends.append(len(text))
    if "[" in text:
        bound = 0
        for opener in ("[", "]("):
            k = 0
            at = text.find(opener)
            while at >= 0:
                while ends[k] < at:
                    k += 1
                bound += ends[k] - at  # no scan from an opener goes past the end of its paragraph
                at = text.find(opener, at + 1)
        if bound > len(text) + BRACKET_SLACK:
            return False
    if "<" in text:
        last_close = text.rfind(">")
        if sum(len(text) - m.start() for m in _TAG_OPEN.finditer(text, last_close + 1)) > TAG_FACTOR * len(text) + TAG_SLACK:
            return False
    start = 0
    bound = 0
    for end in ends:
        if end - start >= LITERAL_MIN:
            bound += len(_INLINE_MARK.findall(text, start, end)) * (end - start)
        start = end
    return bound <= INLINE_FACTOR * len(text) + INLINE_SLACK


def _segments(text: str) -> list[tuple[int, int, int]]:
    """(start, end, first line) of each paragraph-like run of lines outside fenced code."""
    segments: list[tuple[int, int, int]] = []
    pos = 0
    start = -1
    first = 0
    fence: tuple[str, int] | None = None
    for number, line in enumerate(text.split("\n"), 1):
        end = pos + len(line)
        if fence is not None:
            stripped = line.strip(" \t>")
            if stripped.startswith(fence[0] * fence[1]) and not stripped.strip(fence[0]):
                fence = None
        else:
            m = _GUARD_FENCE.match(line) if ("`" in line or "~" in line) else None
            if m:
                if start >= 0:
                    segments.append((start, pos - 1, first))
                    start = -1
                fence = (m.group(1)[0], len(m.group(1)))
            elif line.strip():
                if start < 0:
                    start, first = pos, number
            elif start >= 0:
                segments.append((start, pos - 1, first))
                start = -1
        pos = end + 1
    if start >= 0:
        segments.append((start, len(text), first))
    return segments


def _bracket_scan(s: str) -> tuple[int, list[int], list[int], list[tuple[int, int]]]:
    """Estimated scan length of a paragraph's links; the "[" and the "(" after "]" never closed; its code spans."""
    tokens = [(m.start(), m.group(0)) for m in _BRACKET_TOKEN.finditer(s)]
    # code spans: a run of backticks closes at the next run of the same length
    following: dict[int, int] = {}
    pair: dict[int, int] = {}
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k][1]
        if tok[0] == "`":
            if len(tok) in following:
                pair[k] = following[len(tok)]
            following[len(tok)] = k
    cost = 0
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []
    spans: list[tuple[int, int]] = []
    n = len(s)
    k = 0
    while k < len(tokens):
        at, tok = tokens[k]
        c = tok[0]
        if c == "`":
            close = pair.get(k)
            if close is not None:
                spans.append((at, tokens[close][0] + len(tokens[close][1])))
                k = close + 1
                continue
        elif c == "[":
            brackets.append(at)
        elif c == "]":
            if brackets:
                cost += at - brackets.pop()
        elif c == "(":
            parens.append((at, at > 0 and s[at - 1] == "]"))
        elif c == ")":
            if parens:
                opened, link = parens.pop()
                if link:
                    cost += at - opened
        k += 1
    cost += sum(n - at for at in brackets)
    open_links = [at for at, link in parens if link]
    cost += sum(n - at for at in open_links)
    return cost, brackets, open_links, spans


def _inline_cost(s: str) -> int:
    """Characters Python-Markdown copies for a paragraph-like run: its inline marks times the length of their context."""
    if "\n" not in s:
        return len(_INLINE_MARK.findall(s)) * len(s)
    return sum(len(_INLINE_MARK.findall(unit)) * len(unit) for unit in _UNIT_START.split(s))


def _escape_at(s: str, positions: Iterable[int], replacement: dict[str, str]) -> str:
    out = []
    last = 0
    for at in sorted(positions):
        out.append(s[last:at])
        out.append(replacement[s[at]])
        last = at + 1
    out.append(s[last:])
    return "".join(out)


def _outside(positions: list[int], spans: list[tuple[int, int]]) -> list[int]:
    if not spans:
        return positions
    starts = [a for a, _ in spans]
    kept = []
    for at in positions:
        k = bisect.bisect_right(starts, at) - 1
        if k < 0 or at >= spans[k][1]:
            kept.append(at)
    return kept


# A build guards each text up to three times (reading the history, cutting it into blocks, planning
# its page); the result depends on the text alone and is immutable.
@lru_cache(maxsize=4096)
def guard_markdown(text: str) -> tuple[str, tuple[Neutralised, ...]]:
    """The Markdown with the constructs that Python-Markdown parses in quadratic time made harmless.

    Any document whose estimated parsing cost is linear (every ordinary document) comes back
    unchanged, with no findings. Otherwise, costliest paragraph first until the cost fits the
    budget: unclosed ``[``, ``](`` and ``<tag`` openers are escaped (which renders the same text),
    and a paragraph with more inline markup than can be parsed in time becomes a raw ``<p>`` with
    its literal text. Each changed paragraph is reported with its first line in ``text``.
    """
    if _surely_cheap(text):
        return text, ()
    segments = _segments(text)
    findings: list[Neutralised] = []
    replaced: dict[int, str] = {}  # segment index → its new text
    if "[" in text:
        heavy = []
        total = 0
        for index, (start, end, _) in enumerate(segments):
            s = text[start:end]
            if s.count("[") < 2:
                total += len(s) if "[" in s else 0
                continue
            cost, brackets, parens, spans = _bracket_scan(s)
            total += cost
            if cost > 2 * len(s):
                heavy.append((cost, index, brackets, parens, spans))
        budget = len(text) + BRACKET_SLACK
        for cost, index, brackets, parens, spans in sorted(heavy, key=lambda x: (-x[0], x[1])):
            if total <= budget:
                break
            start, end, line = segments[index]
            s = _escape_at(text[start:end], brackets + parens, {"[": "\\[", "(": "\\("})
            count = len(brackets) + len(parens)
            after, _, _, spans = _bracket_scan(s)
            if after > 2 * len(s):
                # nested brackets: no link syntax in this paragraph at all
                marks = _outside([m.start() for m in re.finditer(r"(?<!\\)[\[\]]", s)], spans)
                count += len(marks)
                s = _escape_at(s, marks, {"[": "\\[", "]": "\\]"})
                after = _bracket_scan(s)[0]
            replaced[index] = s
            total += after - cost
            findings.append(Neutralised(line, "[", count))
    if "<" in text:
        last_close = text.rfind(">")
        opens = [m.start() for m in _TAG_OPEN.finditer(text, last_close + 1)]
        if sum(len(text) - at for at in opens) > TAG_FACTOR * len(text) + TAG_SLACK:
            # html.parser scans from each "<tag" that no ">" follows to the end of the document
            starts = [seg[0] for seg in segments]
            per_segment: dict[int, list[int]] = {}
            for at in opens:
                index = bisect.bisect_right(starts, at) - 1
                if index >= 0 and at < segments[index][1]:
                    per_segment.setdefault(index, []).append(at - segments[index][0])
            for index, positions in per_segment.items():
                start, end, line = segments[index]
                s = replaced.get(index, text[start:end])
                if index in replaced:
                    positions = [m.start() for m in _TAG_OPEN.finditer(s) if ">" not in s[m.start():]]
                positions = _outside(positions, _bracket_scan(s)[3] if "`" in s else [])
                if positions:
                    replaced[index] = _escape_at(s, positions, {"<": "&lt;"})
                    findings.append(Neutralised(line, "<", len(positions)))
    # (paragraphs under LITERAL_MIN characters cost at most their square: they are left alone)
    costs = []
    total = 0
    for index, (start, end, _) in enumerate(segments):
        if end - start >= LITERAL_MIN and not text.startswith("<p>", start):  # (not a literal made before)
            cost = _inline_cost(replaced.get(index, text[start:end]))
            total += cost
            costs.append((cost, index))
    budget = INLINE_FACTOR * len(text) + INLINE_SLACK
    if total > budget:
        for cost, index in sorted(costs, key=lambda x: (-x[0], x[1])):
            if total <= budget:
                break
            start, end, line = segments[index]
            s = text[start:end]  # the author's text, not the escapes made above
            findings = [f for f in findings if f.line != line]
            findings.append(Neutralised(line, "markup", len(_INLINE_MARK.findall(s))))
            replaced[index] = "<p>" + htmlmod.escape(s, quote=False) + "</p>"
            total -= cost
    if not replaced:
        return text, ()
    out = []
    last = 0
    for index in sorted(replaced):
        start, end, _ = segments[index]
        out.append(text[last:start])
        out.append(replaced[index])
        last = end
    out.append(text[last:])
    return "".join(out), tuple(sorted(findings, key=lambda f: (f.line, f.construct)))


