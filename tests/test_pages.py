"""The reader's pages in the site plan: version header, history, compare page and its data.

Statements come from real git repositories; the plan is made with the real diff engine.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from generator import diff as diff_engine
from generator.cli import cli
from generator.compare import block_data
from generator.history import read_statement
from generator.pages import PlanOptions, plan_site
from generator.render import blocks_from_markdown
from tests.conftest import statement_text

PATH = "statements/privacy.md"
D = dt.date.fromisoformat

V1 = "## Overview\n\nWe collect little.\n\n## Contact\n\nWrite to privacy@example.test.\n"
V2 = "## Overview\n\nWe collect a little more.\n\n## Sharing\n\nWe share nothing.\n\n## Contact\n\nWrite to privacy@example.test.\n"
V3 = "## Overview\n\nWe collect a little more, and your location.\n\n## Sharing\n\nWe share nothing.\n\n## Contact\n\nWrite to privacy@example.test.\n"


@pytest.fixture
def three_versions(repo):
    """2024-01-01 (archived on 2024-07-01), 2024-06-01 (in force), 2025-01-01 (material, upcoming)."""
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body=V1)}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01", body=V2)}, date="2024-05-01")
    repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We now collect your location.", body=V3)},
        date="2024-11-01",
    )
    return repo


def plan(repo, as_of: str = "2024-12-01", site_url: str = ""):
    statement = read_statement(repo.path / PATH)
    return plan_site([statement], PlanOptions(as_of=D(as_of), site_url=site_url), diff=diff_engine)


def page(site_plan, path: str) -> str:
    found = next(p for p in site_plan.pages if p.path == path)
    return found.fill(found.markdown)  # the page as readers get it: ready-made HTML in place


def asset(site_plan, path: str) -> str:
    return next(a.content for a in site_plan.assets if a.path == path)


def header(markdown: str) -> str:
    start = markdown.index('<div class="statement-header')
    return markdown[start: markdown.index("</nav>\n</div>", start)]


# --- the version header ----------------------------------------------------------------------------


def test_the_header_shows_status_effective_and_last_updated(three_versions):
    top = header(page(plan(three_versions), "privacy/index.md"))
    assert "statement-chip--in-force" in top and ">In force<" in top
    assert re.search(r"<dt>Effective</dt><dd><time datetime=\"2024-06-01\">June 1, 2024</time>", top)
    assert "<dt>Last updated</dt>" in top


def test_the_header_links_what_changed_history_compare_and_the_markdown_source(three_versions):
    top = header(page(plan(three_versions), "privacy/2024-06-01/index.md"))
    assert 'href="changes/">What changed</a>' in top
    assert 'href="../history/">History (3 versions)</a>' in top
    assert 'href="../compare/?from=2024-01-01&amp;to=2024-06-01">Compare versions</a>' in top
    assert 'href="privacy-2024-06-01.md" type="text/markdown" download>Markdown source</a>' in top


def test_the_statement_address_links_to_the_permanent_address_of_the_version_it_shows(three_versions):
    top = header(page(plan(three_versions), "privacy/index.md"))
    assert 'href="2024-06-01/">Permanent link to this version</a>' in top


def test_a_version_page_does_not_link_to_itself_as_permanent(three_versions):
    assert "Permanent link to this version" not in header(page(plan(three_versions), "privacy/2024-06-01/index.md"))


def test_an_archived_version_names_the_version_that_replaced_it_and_what_changed(three_versions):
    top = header(page(plan(three_versions), "privacy/2024-01-01/index.md"))
    assert "This version is no longer in force" in top
    assert 'replaced on <time datetime="2024-06-01">June 1, 2024</time> by the <a href="../2024-06-01/">next version</a>' in top
    assert '(<a href="../2024-06-01/changes/">what changed</a>)' in top


def test_an_archived_version_two_steps_back_also_links_the_version_in_force(three_versions):
    top = header(page(plan(three_versions, as_of="2025-02-01"), "privacy/2024-01-01/index.md"))
    assert '<a href="../2025-01-01/">Read the version in force</a>' in top


def test_the_version_in_force_announces_the_upcoming_version_and_what_will_change(three_versions):
    top = header(page(plan(three_versions), "privacy/index.md"))
    assert "A new version takes effect on <time datetime=\"2025-01-01\">January 1, 2025</time>" in top
    assert '<a href="2025-01-01/">read it</a>' in top and '<a href="2025-01-01/changes/">see what will change</a>' in top


def test_an_upcoming_version_says_when_it_takes_effect_and_what_applies_until_then(three_versions):
    top = header(page(plan(three_versions), "privacy/2025-01-01/index.md"))
    assert "This version takes effect on" in top
    assert '<a href="../2024-06-01/">version effective June 1, 2024</a> is in force' in top
    assert ">What will change</a>" in top
    assert "<strong>What changes:</strong> We now collect your location." in top


def test_a_material_version_wears_a_material_chip(three_versions):
    assert "Material change" in header(page(plan(three_versions), "privacy/2025-01-01/index.md"))
    assert "Material change" not in header(page(plan(three_versions), "privacy/2024-06-01/index.md"))


def test_the_print_reference_carries_the_absolute_permanent_address_with_a_site_url(three_versions):
    markdown = page(plan(three_versions, site_url="https://statements.test/"), "privacy/index.md")
    assert 'data-statement-permalink>https://statements.test/privacy/2024-06-01/</a>' in markdown
    assert markdown.count("data-statement-permalink") == 2  # at the top and at the foot of the printout


# --- history ----------------------------------------------------------------------------------------


def test_the_history_page_draws_the_timeline_above_the_table(three_versions):
    markdown = page(plan(three_versions), "privacy/history/index.md")
    assert markdown.index("<svg") < markdown.index("<table")
    assert markdown.count('<svg class="statement-timeline__svg') == 2  # wide and upright drawings


def test_history_rows_show_the_words_added_and_removed_by_each_version(three_versions):
    site_plan = plan(three_versions)
    markdown = page(site_plan, "privacy/history/index.md")
    stats = diff_engine.diff_markdown(V2, V3).stats
    row = markdown[markdown.index('id="v2025-01-01"'):markdown.index('id="v2024-06-01"')]
    assert f"+{stats.words_added}</span>" in row and f"&minus;{stats.words_removed}</span>" in row


def test_history_rows_link_each_version_to_a_comparison_with_the_one_before(three_versions):
    markdown = page(plan(three_versions), "privacy/history/index.md")
    assert 'href="../compare/?from=2024-06-01&amp;to=2025-01-01">Compare' in markdown


def test_the_first_version_has_no_change_to_show(three_versions):
    markdown = page(plan(three_versions), "privacy/history/index.md")
    row = markdown[markdown.index('id="v2024-01-01"'):]
    assert "First version" in row and "What changed" not in row and "statement-row__size" not in row


# --- compare ---------------------------------------------------------------------------------------


def test_every_version_gets_a_blocks_file_next_to_the_compare_page(three_versions):
    paths = {a.path for a in plan(three_versions).assets}
    assert {"privacy/compare/2024-01-01.json", "privacy/compare/2024-06-01.json", "privacy/compare/2025-01-01.json"} <= paths


def test_a_blocks_file_holds_the_blocks_the_diff_engine_compares(three_versions):
    data = json.loads(asset(plan(three_versions), "privacy/compare/2024-06-01.json"))
    assert data["schema"] == 1 and data["statement"] == "privacy" and data["effective"] == "2024-06-01"
    ids: dict[int, int] = {}
    assert data["blocks"] == [block_data(b, ids) for b in blocks_from_markdown(V2)]


def test_a_blocks_file_is_the_same_in_every_build(three_versions):
    first = asset(plan(three_versions), "privacy/compare/2024-06-01.json")
    blocks_from_markdown("## Something else\n\n- a list\n- that uses up element ids\n")
    assert asset(plan(three_versions), "privacy/compare/2024-06-01.json") == first


def test_element_ids_in_a_blocks_file_count_from_one_in_document_order(three_versions):
    data = json.loads(asset(plan(three_versions), "privacy/compare/2024-06-01.json"))
    seen = [n for block in data["blocks"] for n in [c[0] for c in block["container"]] + [block["node"]] if n >= 0]
    assert sorted(set(seen)) == list(range(1, len(set(seen)) + 1))
    assert seen[0] == 1


def test_the_compare_page_preselects_the_version_in_force_and_the_one_before(three_versions):
    markdown = page(plan(three_versions), "privacy/compare/index.md")
    selects = re.findall(r'<select id="(compare-\w+)" name="\w+">(.*?)</select>', markdown, re.S)
    chosen = {name: re.search(r'value="([\d-]+)" selected', options).group(1) for name, options in selects}
    assert chosen == {"compare-from": "2024-01-01", "compare-to": "2024-06-01"}


def test_each_compare_select_has_a_label(three_versions):
    markdown = page(plan(three_versions), "privacy/compare/index.md")
    for ident in ("compare-from", "compare-to"):
        assert f'<label for="{ident}">' in markdown and f'<select id="{ident}"' in markdown


def test_the_compare_options_name_each_version_with_its_status_newest_first(three_versions):
    markdown = page(plan(three_versions), "privacy/compare/index.md")
    select = re.search(r'<select id="compare-from".*?</select>', markdown, re.S).group(0)
    assert re.findall(r">([^<]+)</option>", select) == ["January 1, 2025 (upcoming)", "June 1, 2024 (in force)", "January 1, 2024"]


def test_without_javascript_the_compare_page_links_every_changes_page(three_versions):
    markdown = page(plan(three_versions), "privacy/compare/index.md")
    noscript = markdown[markdown.index("<noscript>\n<p>"):]
    assert '<a href="../2025-01-01/changes/">' in noscript and '<a href="../2024-06-01/changes/">' in noscript


def test_the_navigation_lists_the_compare_page(three_versions):
    (section,) = plan(three_versions).nav
    assert {"Compare versions": "privacy/compare/index.md"} in section["Privacy Statement"]


# --- the built site ---------------------------------------------------------------------------------


def build(repo, monkeypatch, as_of: str = "2024-12-01"):
    from tests.conftest import write_project

    write_project(repo.path)
    monkeypatch.chdir(repo.path)
    result = CliRunner().invoke(cli, ["build", "--as-of", as_of, "--committed-only", "--quiet"])
    assert result.exit_code == 0, result.output
    return repo.path / "site"


def heading_ids(html: str) -> dict[str, str]:
    body = html[html.index('<article'):]
    return {
        re.sub(r"<[^>]+>|¶|&para;", "", text).strip(): ident
        for ident, text in re.findall(r'<h[2-6] id="([^"]+)">(.*?)</h[2-6]>', body, re.S)
    }


def test_a_heading_present_in_two_versions_has_the_same_id_in_both_pages(three_versions, monkeypatch):
    site = build(three_versions, monkeypatch)
    old = heading_ids((site / "privacy/2024-01-01/index.html").read_text(encoding="utf-8"))
    new = heading_ids((site / "privacy/2024-06-01/index.html").read_text(encoding="utf-8"))
    shared = set(old) & set(new)
    assert shared == {"Overview", "Contact"}
    assert {h: old[h] for h in shared} == {h: new[h] for h in shared} == {"Overview": "overview", "Contact": "contact"}


def test_each_section_heading_carries_a_link_to_itself(three_versions, monkeypatch):
    site = build(three_versions, monkeypatch)
    html = (site / "privacy/2024-06-01/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="sharing">Sharing<a class="headerlink" href="#sharing"', html)


def test_the_markdown_source_of_each_version_is_published_as_committed(three_versions, monkeypatch):
    site = build(three_versions, monkeypatch)
    statement = read_statement(three_versions.path / PATH)
    for version in statement.versions:
        source = site / f"privacy/{version.key}/privacy-{version.key}.md"
        assert source.read_text(encoding="utf-8") == version.text


def test_a_correction_shows_readers_its_date_and_redline_not_the_commit(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body=V1)}, date="2023-12-01")
    fixed = V1.replace("We collect little.", "We collect very little.")
    sha = repo.commit("WIP fix typo per Bob (ticket LEGAL-42)", files={PATH: statement_text(effective="2024-01-01", body=fixed)}, date="2024-02-03")
    site_plan = plan(repo, as_of="2024-03-01")
    markdown = page(site_plan, "privacy/2024-01-01/index.md")
    filled = next(p for p in site_plan.pages if p.path == "privacy/2024-01-01/index.md").source
    assert 'Corrected on <time datetime="2024-02-03">February 3, 2024</time></summary>' in markdown
    assert '<ins class="redline-ins">' in filled.split("Corrected on", 1)[1]
    assert "LEGAL-42" not in filled and sha[:7] not in filled and "commit" not in filled.split("Corrected on", 1)[1].lower()
    versions = json.loads(asset(site_plan, "privacy/versions.json"))
    assert sha in [r["commit"] for r in versions["versions"][0]["revisions"]]


def test_a_printed_changes_page_ends_with_its_permanent_address(three_versions):
    markdown = page(plan(three_versions, site_url="https://statements.test/"), "privacy/2024-06-01/changes/index.md")
    last = markdown.strip().splitlines()[-1]
    assert 'class="statement-print-only statement-print-foot"' in last
    assert "data-statement-permalink" in last and "privacy/2024-06-01/changes/" in last


def test_each_statement_has_a_sitemap_beside_its_feed(three_versions):
    site_plan = plan(three_versions, site_url="https://statements.test/")
    sitemap = asset(site_plan, "privacy/sitemap.xml")
    assert "<loc>https://statements.test/privacy/2024-06-01/changes/</loc>" in sitemap
    assert "<url>" not in asset(plan(three_versions), "privacy/sitemap.xml")  # sitemaps need absolute addresses
