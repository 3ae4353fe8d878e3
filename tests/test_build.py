"""`statement build` end to end: real git history in, a complete MkDocs site out."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import built_page as page, run, statement_text, write_project

PATH = "statements/privacy.md"




@pytest.fixture
def three_versions(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## Overview\n\nWe collect little.\n")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="## Overview\n\nWe collect a little more.\n")}, date="2024-05-01")
    in_repo.commit(
        files={PATH: statement_text(effective="2025-01-01", material=True, summary="We now share data.", body="## Overview\n\nWe share data.\n")},
        date="2024-11-01",
    )
    return in_repo


def test_build_publishes_every_version_at_its_permanent_address(three_versions):
    result = run("build", "--as-of", "2024-12-01")
    assert result.exit_code == 0, result.output
    site = three_versions.path / "site"
    for address in ("privacy", "privacy/2024-01-01", "privacy/2024-06-01", "privacy/2025-01-01", "privacy/history"):
        assert (site / address / "index.html").is_file(), address
    assert (site / "privacy/2024-06-01/changes/index.html").is_file()


def test_the_statement_address_shows_the_version_in_force_on_the_as_of_date(three_versions):
    run("build", "--as-of", "2024-07-01")
    html = page(three_versions.path / "site", "privacy")
    assert "We collect a little more." in html
    assert "In force" in html


def test_an_archived_version_links_to_the_version_that_superseded_it(three_versions):
    run("build", "--as-of", "2024-07-01")
    html = page(three_versions.path / "site", "privacy/2024-01-01")
    assert "no longer in force" in html
    assert 'href="../2024-06-01/"' in html


def test_an_upcoming_version_says_when_it_takes_effect(three_versions):
    run("build", "--as-of", "2024-12-01")
    html = page(three_versions.path / "site", "privacy/2025-01-01")
    assert "takes effect on" in html and "January 1, 2025" in html


def test_the_history_page_lists_dates_material_badge_and_summary(three_versions):
    run("build", "--as-of", "2025-02-01")
    html = page(three_versions.path / "site", "privacy/history")
    assert html.index("January 1, 2025") < html.index("June 1, 2024") < html.index("January 1, 2024")
    assert "Material" in html and "We now share data." in html


def test_a_version_published_after_the_as_of_date_is_not_on_the_site(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-09-01", published="2024-08-01")}, date="2024-05-01")
    run("build", "--as-of", "2024-06-01")
    assert not (in_repo.path / "site/privacy/2024-09-01").exists()


def test_the_home_page_lists_every_statement_with_its_effective_date(in_repo):
    in_repo.commit(
        files={
            PATH: statement_text(effective="2024-01-01"),
            "statements/cookies.md": statement_text(title="Cookie Policy", effective="2024-02-01"),
        },
        date="2023-12-01",
    )
    run("build", "--as-of", "2024-03-01")
    html = (in_repo.path / "site/index.html").read_text(encoding="utf-8")
    assert "Privacy Statement" in html and "Cookie Policy" in html
    assert "February 1, 2024" in html
    assert (in_repo.path / "site/cookies/2024-02-01/index.html").is_file()


def test_template_syntax_in_a_statement_is_text_never_evaluated(in_repo):
    body = "## Overview\n\nWrite {{ config.site_name }} and {% raw %} literally.\n"
    in_repo.commit(files={PATH: statement_text(body=body)}, date="2023-12-01")
    run("build", "--as-of", "2024-03-01")
    html = page(in_repo.path / "site", "privacy")
    assert "{{ config.site_name }}" in html and "{% raw %}" in html


def test_uncommitted_edits_are_shown_as_a_draft(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-01-01", body="## Overview\n\nEdited, not committed.\n"))
    run("build", "--as-of", "2024-03-01")
    html = page(in_repo.path / "site", "privacy")
    assert "Edited, not committed." in html and "Draft" in html


def test_committed_only_builds_without_uncommitted_edits(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-01-01", body="## Overview\n\nEdited, not committed.\n"))
    run("build", "--as-of", "2024-03-01", "--committed-only")
    assert "Edited, not committed." not in page(in_repo.path / "site", "privacy")


def test_feeds_and_versions_json_are_written(three_versions):
    run("build", "--as-of", "2025-02-01")
    site = three_versions.path / "site"
    data = json.loads((site / "privacy/versions.json").read_text())
    assert [v["effective"] for v in data["versions"]] == ["2024-01-01", "2024-06-01", "2025-01-01"]
    assert data["current"] == "2025-01-01"
    assert (site / "privacy/feed.xml").is_file() and (site / "feed.xml").is_file()


def test_search_indexes_the_statement_in_force_but_not_every_archived_copy(three_versions):
    run("build", "--as-of", "2025-02-01")
    index = json.loads((three_versions.path / "site/search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "privacy/" in locations
    assert "privacy/2024-01-01/" not in locations


def test_the_markdown_source_of_each_version_can_be_downloaded_exactly(three_versions):
    run("build", "--as-of", "2025-02-01")
    source = (three_versions.path / "site/privacy/2024-06-01/privacy-2024-06-01.md").read_text()
    assert source == statement_text(effective="2024-06-01", body="## Overview\n\nWe collect a little more.\n")


def test_a_plain_mkdocs_build_works_through_the_plugin_entry_point(three_versions):
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=three_versions.path, check=True)
    assert (three_versions.path / "site/privacy/history/index.html").is_file()


def test_outside_git_the_working_tree_is_built_with_a_warning(tmp_path, monkeypatch):
    write_project(tmp_path)
    (tmp_path / "statements").mkdir()
    (tmp_path / PATH).write_text(statement_text(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", "--as-of", "2024-03-01")
    assert result.exit_code == 0
    assert "not in a git repository" in result.stderr
    assert (tmp_path / "site/privacy/2024-01-01/index.html").is_file()


# --- bad input -------------------------------------------------------------------------------


def assert_one_line_error(result, pattern: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert re.search(pattern, lines[0]), lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("---\ntitle: [oops\n---\n", r"statements/privacy\.md:2: front-matter is not valid YAML"),
        ("---\neffective: 2024-01-01\n---\n", r"statements/privacy\.md:1: title: missing"),
        ("---\ntitle: T\neffective: 2024-13-01\n---\n", r"statements/privacy\.md:3: effective: .* is not a date"),
        (b"---\ntitle: \xff\n---\n", r"statements/privacy\.md:2: is not valid UTF-8"),
        (b"\x00\x01\x02", r"statements/privacy\.md:1: is a binary file"),
        ("", r"statements/privacy\.md:1: is empty"),
    ],
)
def test_bad_input_fails_with_one_line_and_leaves_the_previous_site_intact(in_repo, content, pattern):
    in_repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    assert run("build", "--as-of", "2024-03-01").exit_code == 0
    before = page(in_repo.path / "site", "privacy")
    in_repo.write(PATH, content)
    result = run("build", "--as-of", "2024-03-01")
    assert_one_line_error(result, pattern)
    assert page(in_repo.path / "site", "privacy") == before
    assert not [p for p in in_repo.path.iterdir() if p.name.startswith(".site")]


def test_a_statement_id_that_is_not_a_safe_path_segment_is_refused(in_repo):
    in_repo.commit(files={"statements/Our Policy.md": statement_text()}, date="2023-12-01")
    assert_one_line_error(run("build"), r"'Our Policy\.md' cannot be a statement id .*; rename the file")


def test_an_unknown_plugin_option_is_refused_naming_the_line_in_mkdocs_yml(in_repo):
    write_project(in_repo.path, "statments_dir: statements\n")
    in_repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    result = run("build")
    assert_one_line_error(result, r"mkdocs\.yml:\d+: unknown option 'statments_dir' of the statements plugin; remove it")


def test_an_invalid_plugin_option_value_is_refused(in_repo):
    write_project(in_repo.path, "as_of: someday\n")
    in_repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    assert_one_line_error(run("build"), r"mkdocs\.yml:\d+: as_of: 'someday' is not a date")


def test_a_shallow_clone_is_refused_with_how_to_fetch_history(three_versions, tmp_path, monkeypatch):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{three_versions.path}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    assert_one_line_error(run("build"), r"shallow clone.*git fetch --unshallow")


def test_a_missing_config_file_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert_one_line_error(run("build"), r"mkdocs\.yml: configuration file not found")


def test_an_invalid_as_of_date_is_a_usage_error(three_versions):
    result = run("build", "--as-of", "tomorrow")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_a_changes_page_carries_the_redline_as_html_not_as_escaped_text(three_versions):
    run("build", "--as-of", "2025-02-01")
    html = page(three_versions.path / "site", "privacy/2024-06-01/changes")
    assert "statements-fragment" not in html
    assert "<ins" in html and "<del" in html and "&lt;ins" not in html


def test_export_writes_the_redline_inline(three_versions, tmp_path):
    out = tmp_path / "export"
    assert run("export", "-o", str(out), "--as-of", "2025-02-01").exit_code == 0
    text = (out / "privacy/2024-06-01/changes/index.md").read_text()
    assert "statements-fragment" not in text and "<ins" in text


def test_the_statement_page_says_quietly_that_it_was_updated_for_banner_days(three_versions):
    run("build", "--as-of", "2024-06-20")
    assert "Updated on" in page(three_versions.path / "site", "privacy")
    assert "Updated on" not in page(three_versions.path / "site", "privacy/2024-06-01")
    run("build", "--as-of", "2024-08-15")
    assert "Updated on" not in page(three_versions.path / "site", "privacy")


def test_a_non_material_change_raises_no_site_wide_banner(three_versions):
    run("build", "--as-of", "2024-06-20")
    assert "statement-banner" not in page(three_versions.path / "site", "privacy/history")


def _broken_links(site: Path) -> list[tuple[str, str]]:
    """Relative links between built pages and files that lead nowhere (404.html uses root links)."""
    from urllib.parse import unquote, urlsplit

    broken = []
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        for href in re.findall(r'href="([^"#]+)', html_file.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:|^/", href):
                continue
            target = (html_file.parent / unquote(urlsplit(href).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(html_file.relative_to(site)), href))
    return broken


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_between_generated_pages_leads_somewhere(three_versions, directory_urls):
    config = three_versions.path / "mkdocs.yml"
    config.write_text(config.read_text() + f"use_directory_urls: {str(directory_urls).lower()}\n")
    assert run("build", "--as-of", "2025-02-01").exit_code == 0
    assert _broken_links(three_versions.path / "site") == []


def test_the_summary_says_when_uncommitted_edits_are_published_as_a_draft(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-01-01", body="## Overview\n\nEdited, not committed.\n"))
    result = run("build", "--as-of", "2024-03-01")
    assert result.exit_code == 0
    assert "Published uncommitted edits of statements/privacy.md as a draft" in result.output


def test_the_summary_says_nothing_of_drafts_when_everything_is_committed(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    result = run("build", "--as-of", "2024-03-01")
    assert result.exit_code == 0 and "draft" not in result.output


def test_with_ci_set_uncommitted_edits_are_never_published(in_repo, monkeypatch):
    monkeypatch.setenv("CI", "true")
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-01-01", body="## Overview\n\nEdited, not committed.\n"))
    result = run("build", "--as-of", "2024-03-01")
    assert result.exit_code == 0
    assert "CI is set: only committed text was published" in result.output
    html = page(in_repo.path / "site", "privacy")
    assert "Edited, not committed." not in html and "Draft" not in html


def test_a_theme_other_than_material_is_refused_with_one_line(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    config = in_repo.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("name: material", "name: readthedocs"), encoding="utf-8")
    result = run("build")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: mkdocs.yml:5: theme: 'readthedocs' is not supported; the statements plugin needs Material for "
        "MkDocs; set 'theme: {name: material}' in mkdocs.yml (pip install mkdocs-material)"
    ]
    assert not (in_repo.path / "site").exists()


def test_with_ci_set_a_plain_mkdocs_build_leaves_uncommitted_edits_out_too(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.write(PATH, statement_text(effective="2024-01-01", body="## Overview\n\nEdited, not committed.\n"))
    env = {**os.environ, "CI": "true"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=in_repo.path, env=env, check=True, capture_output=True)
    assert "Edited, not committed." not in page(in_repo.path / "site", "privacy")


def test_a_build_process_exits_without_the_collector_going_over_what_it_built(three_versions):
    # At exit the collector would go over every object the build left; frozen, they are the OS's.
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))\n"
        "from generator.cli import main\n"
        "sys.argv = ['statement', 'build', '-q', '--as-of', '2025-02-01']\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=three_versions.path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.rsplit("frozen at exit:", 1)[1]) > 10_000
    assert (three_versions.path / "site/privacy/index.html").is_file()


def test_a_process_that_goes_on_after_a_build_collects_as_usual(three_versions):
    import gc

    run("build", "--as-of", "2025-02-01")
    assert gc.get_freeze_count() == 0
