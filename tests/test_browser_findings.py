"""The findings of a changes page as a reader sees them in Chromium.

Each finding shows the clause as it was and as it is now, the changed words marked (struck through
and underlined, on a coloured ground), worded as a fact. What the version itself declares leads the
page; the generator's own verdict and the severity of each finding appear only on a site built with
``public_assessment: true``. One small project (real git history) is built twice, once each way,
served on 127.0.0.1 and read in headless Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.browser_support.site import build_site, serve
from tests.conftest import GitRepo, statement_text, write_project

#: one browser for the whole session, whichever modules run
pytest_plugins = ["tests.browser_support.fixtures"]

PATH = "statements/privacy.md"
AS_OF = "2025-06-01"

BODY = """\
## Sharing

We do not sell your personal information.

## Retention

We keep server logs for 30 days.

## Contact

Write to privacy@orchard.example.
"""
MATERIAL = BODY.replace("We do not sell", "We may sell").replace("30 days", "90 days")
REVIEWED = MATERIAL.replace("privacy@orchard.example", "help@orchard.example")

#: Severity labels of the generator's verdict, as the public pages would print them.
LABELS = re.compile(r"\b(?:Material|Substantive|Editorial|Formatting)\b|assess", re.I)


def project(path: Path, options: str) -> GitRepo:
    path.mkdir(parents=True)
    repo = GitRepo(path)
    repo.git("init", "-q", "-b", "main")
    write_project(path, options)
    repo.write("pages/.gitkeep", "")
    repo.commit("Site", date="2023-12-01")
    repo.commit("First version", date="2023-12-02", files={PATH: statement_text(effective="2024-01-01", body=BODY)})
    repo.commit("Sell, keep longer", date="2024-07-01", files={PATH: statement_text(
        effective="2024-09-01", material=True, summary="We may now sell information and keep logs longer.", body=MATERIAL)})
    repo.commit("New contact address", date="2024-12-01", files={PATH: statement_text(
        effective="2025-01-01", review="only the address people write to changed", body=REVIEWED)})
    return repo


def served(tmp_path_factory: pytest.TempPathFactory, name: str, options: str) -> Iterator[Any]:
    repo = project(tmp_path_factory.mktemp(name) / "repo", options)
    server = serve(build_site(repo.path, tmp_path_factory.mktemp(name + "-site") / "site", as_of=AS_OF))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def declared_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The default site: declarations only."""
    yield from served(tmp_path_factory, "declared", "")


@pytest.fixture(scope="module")
def assessed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A site built with ``public_assessment: true``."""
    yield from served(tmp_path_factory, "assessed", "public_assessment: true")


def changes(page: Any, site: Any, effective: str) -> Any:
    page.goto(f"{site.url}privacy/{effective}/changes/")
    page.wait_for_load_state("load")
    return page


def finding(page: Any, rule: str) -> Any:
    return page.locator(f".statement-finding[data-rule={rule}]")


def marks(page: Any, selector: str) -> dict[str, str]:
    """How the marked words of an excerpt are drawn, against the words around them."""
    return page.eval_on_selector(selector, """element => {
        const style = getComputedStyle(element), around = getComputedStyle(element.parentElement);
        return {line: style.textDecorationLine, ground: style.backgroundColor, aroundGround: around.backgroundColor};
    }""")


@pytest.mark.browser
def test_a_finding_shows_the_old_and_new_clause_with_the_changed_words_marked(declared_site, page):
    changes(page, declared_site, "2024-09-01")
    quantities = finding(page, "quantities")
    assert quantities.is_visible()
    assert quantities.locator(".statement-finding__clauses dt").all_inner_texts() == ["Was", "Now"]
    assert quantities.locator(".statement-finding__old").inner_text() == "We keep server logs for 30 days."
    assert quantities.locator(".statement-finding__new").inner_text() == "We keep server logs for 90 days."
    assert quantities.locator(".statement-finding__old del").all_inner_texts() == ["30"]
    assert quantities.locator(".statement-finding__new ins").all_inner_texts() == ["90"]


@pytest.mark.browser
def test_the_marked_words_are_struck_out_and_underlined_on_a_ground_of_their_own(declared_site, page):
    changes(page, declared_site, "2024-09-01")
    deleted = marks(page, ".statement-finding[data-rule=commitments] .statement-finding__old del")
    inserted = marks(page, ".statement-finding[data-rule=commitments] .statement-finding__new ins")
    assert "line-through" in deleted["line"] and "underline" in inserted["line"]
    assert deleted["ground"] != deleted["aroundGround"] and inserted["ground"] != inserted["aroundGround"]
    assert page.locator(".statement-finding[data-rule=commitments] .statement-finding__old del").inner_text() == "do not"


@pytest.mark.browser
def test_findings_are_worded_as_facts_without_the_generators_verdict(declared_site, page):
    changes(page, declared_site, "2024-09-01")
    messages = page.locator(".statement-finding").all_inner_texts()
    assert any("“30 days” is now “90 days”." in text for text in messages)
    assert not [text for text in messages if LABELS.search(text)]
    assert page.locator(".statement-finding strong, .statement-assessment").count() == 0
    assert page.locator(".statement-findings").evaluate("e => [...e.querySelectorAll('[class]')].some(x => /--(material|substantive|editorial)/.test(x.className))") is False


@pytest.mark.browser
def test_the_declaration_leads_the_page_above_the_findings(declared_site, page):
    changes(page, declared_site, "2024-09-01")
    declaration = page.locator(".statement-declaration")
    assert declaration.inner_text() == "Declared a material change."
    assert declaration.bounding_box()["y"] < page.locator("#findings").bounding_box()["y"]


@pytest.mark.browser
def test_a_persons_review_leads_a_version_not_declared_material(declared_site, page):
    changes(page, declared_site, "2025-01-01")
    assert page.locator(".statement-declaration").inner_text() == (
        "Reviewed: not a material change — only the address people write to changed")
    contact = finding(page, "contact")
    assert contact.locator(".statement-finding__old del").inner_text() == "privacy@orchard.example"
    assert contact.locator(".statement-finding__new ins").inner_text() == "help@orchard.example"
    assert not LABELS.search(contact.inner_text())


@pytest.mark.browser
def test_with_public_assessment_the_verdict_follows_the_declaration(assessed_site, page):
    changes(page, assessed_site, "2024-09-01")
    verdicts = page.locator(".statement-header .statement-verdict").all_inner_texts()
    assert verdicts == ["Declared a material change.", "The generator's assessment: material."]


@pytest.mark.browser
def test_with_public_assessment_each_finding_carries_its_severity(assessed_site, page):
    changes(page, assessed_site, "2025-01-01")
    contact = finding(page, "contact")
    assert contact.locator("strong").first.inner_text() == "Substantive"
    assert "statement-finding--substantive" in contact.get_attribute("class")
    assert page.locator(".statement-header .statement-verdict").all_inner_texts()[0].startswith("Reviewed: not a material change")


@pytest.mark.browser
def test_the_sections_that_changed_read_as_a_list_with_a_space_after_each_comma(declared_site, page):
    changes(page, declared_site, "2024-09-01")
    assert page.locator(".statement-stats").inner_text().endswith(" removed, in Sharing, Retention.")
