"""docs/lint.md lists every check with its citation and recognised phrasings, as the catalogue has them."""

from __future__ import annotations

from generator.lint import CHECKS
from generator.lint.docs import END, START, checks_markdown
from tests.conftest import REPO_ROOT

DOC = REPO_ROOT / "docs" / "lint.md"


def test_the_list_of_checks_in_docs_is_the_catalogues():
    text = DOC.read_text(encoding="utf-8")
    written = text.split(START, 1)[1].split(END, 1)[0].strip()

    assert written == checks_markdown().strip(), "run: python -m generator.lint.docs"


def test_every_check_is_documented_with_its_citation():
    text = DOC.read_text(encoding="utf-8")

    for check in CHECKS:
        assert f"#### `{check.id}` — {check.title}" in text
        assert f"*{check.citation}*" in text
