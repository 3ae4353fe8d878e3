"""The lint engine: a statement's rendered blocks → sentences with their section → check results.

A statement is read the way the site renders it (``render.blocks_from_markdown``, with the site's
Markdown extensions), so every piece of evidence names the section it stands in and the anchor a
reader can follow. Each block is cut into sentences; a check's phrasings are matched sentence by
sentence, with the headings above and, for a list item or a table row, the sentence that
introduces the list as context ("You have the right to:" → "- receive your data in a structured,
commonly used and machine-readable format").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..model import as_date
from .model import Check, CheckResult, Evidence, LintContext, LintReport, Phrasing, REGIMES

__all__ = ["Passage", "LintDocument", "read_document", "find", "first", "run_checks", "select_checks", "lint_body", "excerpt"]

# Curly quotes, dashes and odd spaces folded one character for one, so positions stay the same.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
    "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})

# A sentence ends at . ! or ? followed by space and a capital, an opening quote or bracket — not
# after a common abbreviation (e.g., Ltd., Art., Cal. Civ. Code) or an initial.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|ltd|inc|co|corp|plc|llc|art|arts|no|nos|cal|civ|bus|prof|regs?|sec|st|mr|mrs|ms|dr|"
    r"u\.s|u\.k|vs|approx|incl|para|ch|p|pp|cf)\.|\b[A-Z]\.)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Passage:
    """One sentence of a block, with where it stands."""

    #: the sentence with quotes, dashes and spaces folded (what phrasings match)
    text: str
    section: tuple[str, ...]
    anchor: str | None
    #: the headings above, for list items and table rows the list's introduction, and the sentence before
    context: str
    kind: str
    #: index of the block in the document, for document order
    block: int
    #: the sentence as written (what evidence quotes)
    original: str = ""


@dataclass(frozen=True)
class LintDocument:
    """A statement body read for linting: its sentences in document order, and its plain text."""

    passages: tuple[Passage, ...]
    text: str
    body: str
    #: (pattern, passage index, where) → matched: checks share phrasings, so each search runs once
    memo: dict[tuple[int, int, bool], bool] = field(default_factory=dict, compare=False, repr=False)

    def search(self, pattern: re.Pattern[str], index: int, *, context: bool = False) -> bool:
        """Whether ``pattern`` occurs in the sentence at ``index`` (or in its context)."""
        key = (id(pattern), index, context)
        found = self.memo.get(key)
        if found is None:
            passage = self.passages[index]
            found = self.memo[key] = pattern.search(passage.context if context else passage.text) is not None
        return found


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start:match.start()].rstrip()
        if _ABBREVIATION.search(candidate):
            continue
        pieces.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    # a run-in label ("Contract. We use …") belongs to the sentence it introduces
    merged: list[str] = []
    for piece in pieces:
        if merged and len(merged[-1].split()) < 3:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def read_document(body: str, *, extensions: list | None = None, extension_configs: dict | None = None) -> LintDocument:
    """Render a statement body with the site's extensions and cut it into sentences with context."""
    from ..render import blocks_from_markdown

    blocks = blocks_from_markdown(body, extensions=extensions, extension_configs=extension_configs)
    passages: list[Passage] = []
    last_paragraph: dict[tuple[str, ...], str] = {}
    table_head: dict[int, str] = {}
    for index, block in enumerate(blocks):
        text = block.text.translate(_FOLD)
        if block.kind == "heading" or not text.strip():
            continue
        headings = " › ".join(block.section)
        intro = ""
        if block.kind == "item":
            intro = last_paragraph.get(block.section, "")
        elif block.kind == "row" and block.container:
            # the table element itself (head and body rows sit in different row groups)
            table = next((nid for nid, start in block.container if start.startswith("<table")), block.container[-1][0])
            if table not in table_head:
                table_head[table] = text
            intro = table_head[table] + " " + last_paragraph.get(block.section, "")
        else:
            last_paragraph[block.section] = text
        context = f"{headings} | {intro}".strip()
        previous = ""
        for sentence in _sentences(block.text) or [block.text]:
            # the sentence before, in the same paragraph, often names what this one is about
            folded = sentence.translate(_FOLD)
            passages.append(Passage(folded, block.section, block.anchor, f"{context} | {previous}", block.kind, index, sentence))
            previous = folded
    whole = "\n".join(p.text for p in passages)
    return LintDocument(tuple(passages), whole, body)


def _matches(document: LintDocument, phrasing: Phrasing, index: int, exclude: re.Pattern[str] | None) -> bool:
    passage = document.passages[index]
    if exclude is not None and any(exclude.search(h) for h in passage.section):
        return False
    if phrasing.sections is not None and not any(phrasing.sections.search(h) for h in passage.section):
        return False
    search = document.search
    for pattern in phrasing.text:
        if not search(pattern, index):
            return False
    for pattern in phrasing.near:
        if not (search(pattern, index) or search(pattern, index, context=True)):
            return False
    if phrasing.unless is not None and search(phrasing.unless, index):
        return False
    return True


def find(document: LintDocument, phrasings: Iterable[Phrasing], *, exclude: re.Pattern[str] | None = None) -> list[tuple[Phrasing, Passage]]:
    """Every (phrasing, sentence) that matches, phrasing by phrasing, each in document order."""
    hits = []
    for phrasing in phrasings:
        for index, passage in enumerate(document.passages):
            if _matches(document, phrasing, index, exclude):
                hits.append((phrasing, passage))
    return hits


def first(document: LintDocument, phrasings: Iterable[Phrasing], *, exclude: re.Pattern[str] | None = None) -> tuple[Phrasing, Passage] | None:
    """The best match: the first phrasing (the most explicit) that matches, at its first sentence."""
    for phrasing in phrasings:
        for index, passage in enumerate(document.passages):
            if _matches(document, phrasing, index, exclude):
                return phrasing, passage
    return None


def excerpt(text: str, limit: int = 240) -> str:
    """A sentence short enough to quote: cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def evidence(passage: Passage, document: LintDocument | None = None) -> Evidence:
    """Evidence for a sentence: its section, its words and, when the source is at hand, its line."""
    line = _line_of(document.body, passage.text) if document is not None else None
    return Evidence(passage.section, excerpt(passage.original or passage.text), passage.anchor, line)


def _line_of(body: str, sentence: str) -> int | None:
    words = re.findall(r"\w+", sentence)[:5]
    if not words:
        return None
    match = re.compile(r"[\W_]+".join(re.escape(w) for w in words), re.IGNORECASE).search(body)
    return body.count("\n", 0, match.start()) + 1 if match else None


def generic(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    """A check met by any one of its phrasings."""
    hit = first(document, check.phrasings, exclude=check.exclude_sections)
    if hit is None:
        return CheckResult(check, check.absent, f"Not found: {check.looks_for}")
    phrasing, passage = hit
    return CheckResult(
        check, "pass", f"Found {phrasing.name} in {_where(passage)}.", evidence(passage, document), phrasing.name,
    )


def _where(passage: Passage) -> str:
    return f"'{' › '.join(passage.section)}'" if passage.section else "the introduction"


def where(passage: Passage) -> str:
    """How a reason names a sentence's place: the section path in quotes, or the introduction."""
    return _where(passage)


def select_checks(regimes: Sequence[str] = REGIMES, ignore: Iterable[str] = ()) -> tuple[Check, ...]:
    """The checks of ``regimes`` (``all`` for every regime) plus the general ones, minus ``ignore``."""
    from .catalogue import CHECKS

    wanted = set(REGIMES) if not regimes or "all" in regimes else set(regimes)
    ignored = set(ignore)
    return tuple(c for c in CHECKS if (c.regime in wanted or c.regime == "general") and c.id not in ignored)


def run_checks(document: LintDocument, checks: Iterable[Check], context: LintContext) -> tuple[CheckResult, ...]:
    """Run each check on a document."""
    results = []
    for check in checks:
        evaluate = check.evaluate or generic
        results.append(evaluate(check, document, context))
    return tuple(results)


def lint_body(
    body: str, *, statement: str = "statement", version: str | None = None, regimes: Sequence[str] = REGIMES,
    ignore: Iterable[str] = (), context: LintContext | None = None, extensions: list | None = None,
    extension_configs: dict | None = None,
) -> LintReport:
    """Lint a statement's Markdown body for ``regimes`` (general checks always run)."""
    document = read_document(body, extensions=extensions, extension_configs=extension_configs)
    chosen = tuple(REGIMES) if not regimes or "all" in regimes else tuple(r for r in REGIMES if r in regimes)
    results = run_checks(document, select_checks(chosen, ignore), context or LintContext())
    return LintReport(statement, version, chosen, results)


def lint_version(statement: Any, version: Any, *, options: Any = None, config: Any = None, as_of: Any = None,
                 regimes: Sequence[str] | None = None, ignore: Iterable[str] | None = None,
                 markdown: Any = None) -> LintReport:
    """Lint one version of a statement with the project's options (``lint:``, ``notice_days``) and its git history.

    The Markdown extensions come from ``config`` (a loaded MkDocs config) or ``markdown``
    (``{"extensions": …, "extension_configs": …}``).
    """
    import datetime as dt

    from .model import HistoryFacts

    lint_options = getattr(options, "lint", None) if options is not None else None
    if regimes is None:
        regimes = list(lint_options.regimes) if lint_options is not None else list(REGIMES)
    if ignore is None:
        ignore = list(lint_options.ignore) if lint_options is not None else []
    committed = [v for v in statement.versions if not v.is_draft]
    last_commit = max((r.committed.date() for v in committed for r in v.revisions if r.commit), default=None)
    reviewed = as_date(version.extra.get("reviewed")) if getattr(version, "extra", None) else None
    facts = HistoryFacts(
        versions=tuple((v.effective, v.published) for v in committed), last_commit=last_commit, reviewed=reviewed,
    )
    context = LintContext(
        as_of=as_of or dt.date.today(),
        notice_days=int(options.notice_days) if options is not None else 30,
        effective=version.effective, history=facts,
    )
    md: dict[str, Any] = {}
    if markdown is not None:
        md = {"extensions": list(markdown.get("extensions") or []) or None, "extension_configs": dict(markdown.get("extension_configs") or {}) or None}
    elif config is not None:
        md = {"extensions": list(config.markdown_extensions) or None, "extension_configs": dict(config.mdx_configs) or None}
    report = lint_body(
        version.body, statement=statement.id, version=version.key, regimes=regimes, ignore=ignore, context=context, **md,
    )
    return _file_lines(report, version.text)


def _file_lines(report: LintReport, text: str) -> LintReport:
    """Evidence lines counted in the statement file (front-matter included), not in its body."""
    from dataclasses import replace

    from ..model import split_front_matter

    _, _, body_line = split_front_matter(text)
    if body_line == 1:
        return report
    results = tuple(
        replace(r, evidence=replace(r.evidence, line=r.evidence.line + body_line - 1))
        if r.evidence is not None and r.evidence.line else r
        for r in report.results
    )
    return replace(report, results=results)
