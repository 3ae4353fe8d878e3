"""Lint on real text: the newest version of the GitHub Terms of Service corpus (skipped when absent).

Terms of service are not a privacy statement, so most privacy checks should fail on them; what this
asserts is that a real 40 KB document is read whole, every check answers, and every piece of
evidence quotes the document. No corpus text is copied here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.lint import CHECK_IDS, LintContext, lint_body
from generator.model import split_front_matter

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/github-tos"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "lineage.tsv").is_file(), reason="corpus ../shared/corpora/github-tos not present"),
]


@pytest.fixture(scope="module")
def latest() -> tuple[str, object]:
    path = sorted(CORPUS.glob("[0-9][0-9][0-9]_*.md"))[-1]
    _, body, _ = split_front_matter(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
    return body, lint_body(body, statement="github-tos", regimes=["all"], context=LintContext(notice_days=30))


def test_every_check_answers_with_a_reason(latest):
    _, report = latest

    assert [r.check.id for r in report.results] == list(CHECK_IDS)
    assert all(r.status in {"pass", "fail", "warn"} and r.reason for r in report.results)


def test_every_excerpt_is_quoted_from_the_document(latest):
    body, report = latest
    folded = " ".join(body.split())
    for result in report.results:
        if result.evidence is None or result.check.id == "ccpa.updated-12-months":
            continue
        words = re.findall(r"\w+", result.evidence.excerpt.replace("…", ""))[:6]
        assert re.search(r"[\W_]+".join(words), folded), (result.check.id, result.evidence.excerpt)


def test_the_privacy_rights_terms_of_service_do_not_state_fail(latest):
    _, report = latest
    statuses = {r.check.id: r.status for r in report.results}

    for check_id in ("gdpr.right-portability", "gdpr.right-restriction", "gdpr.complaint", "gdpr.automated-decisions",
                     "gdpr.withdraw-consent", "ccpa.sold-shared", "ccpa.do-not-sell-link", "caloppa.do-not-track"):
        assert statuses[check_id] == "fail", check_id


def test_the_effective_date_line_is_found_with_its_section(latest):
    body, report = latest
    result = next(r for r in report.results if r.check.id == "general.effective-date")

    assert result.status == "pass"
    assert result.evidence.excerpt.startswith("Effective date:")
    assert result.evidence.excerpt in body
