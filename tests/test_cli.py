"""`statement log`, `validate`, `export` and `serve` as a user runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import REPO_ROOT, run, statement_text

PATH = "statements/privacy.md"



@pytest.fixture
def history(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## A\n\nOne.\n")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## A\n\nOne!\n")}, date="2024-02-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="## A\n\nTwo.\n")}, date="2024-05-01")
    return in_repo


def test_log_lists_versions_with_dates_revisions_and_commits_as_json(history):
    result = run("log", "privacy", "--format", "json", "--as-of", "2024-07-01")
    assert result.exit_code == 0, result.output
    versions = json.loads(result.stdout)["versions"]
    assert [(v["effective"], v["revisions"], v["corrections"], v["status"]) for v in versions] == [
        ("2024-01-01", 2, 1, "archived"),
        ("2024-06-01", 1, 0, "in-force"),
    ]
    assert versions[0]["commits"] == history.commits[1:3]


def test_log_prints_a_table_by_default(history):
    result = run("log", "--as-of", "2024-07-01")
    assert result.exit_code == 0
    assert "2024-06-01" in result.stdout and "in-force" in result.stdout


@pytest.mark.parametrize("width", [80, 100, 160])
def test_log_stays_readable_with_many_commits_per_version(in_repo, monkeypatch, width):
    for number, effective in enumerate(["2024-01-01", "2024-06-01", "2025-01-01", "2025-06-01"]):
        for edit in range(6):
            body = f"## A\n\nVersion {number}, edit {edit}.\n"
            in_repo.commit(files={PATH: statement_text(effective=effective, body=body)}, date=f"{effective[:4]}-0{number % 2 + 1}-1{edit}")
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("log", "--as-of", "2025-07-01")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    rows = [line for line in lines if "20" in line and "│" in line]
    assert len(rows) == 4
    for row, status in zip(rows, ["archived", "archived", "archived", "in-force"]):
        cells = [cell.strip() for cell in row.strip("│ ").split("│")]
        assert cells[0][:4] in ("2024", "2025") and len(cells[0]) == 10 and len(cells[1]) == 10  # effective, published
        assert cells[2] == status
        assert cells[4].startswith("6")  # revisions
        assert "…" in cells[5] and cells[5].replace("…", "").split()[0] == in_repo.commits[1 + rows.index(row) * 6][:7]


def test_log_names_the_statements_when_the_id_is_unknown(history):
    result = run("log", "cookies")
    assert result.exit_code == 2
    assert "no statement 'cookies'; choose one of: privacy" in result.stderr


def test_validate_passes_a_valid_project(history):
    result = run("validate")
    assert result.exit_code == 0
    assert "1 statement valid" in result.stdout


def test_validate_reports_one_line_per_problem_and_exits_2(history):
    history.write(PATH, "---\ntitle: T\neffective: soon\n---\n")
    history.write("statements/cookies.md", "---\neffective: 2024-01-01\n---\n")
    result = run("validate")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: statements/cookies.md:1: title: missing; add a line such as 'title: Privacy Statement'",
        "error: statements/privacy.md:3: effective: 'soon' is not a date; write the date as YYYY-MM-DD, e.g. 'effective: 2025-03-01'",
    ]


def test_export_writes_the_site_plan_as_markdown_pages_and_data_files(history, tmp_path):
    out = tmp_path / "export"
    result = run("export", "-o", str(out), "--as-of", "2024-07-01")
    assert result.exit_code == 0, result.output
    page = (out / "privacy/2024-01-01/index.md").read_text()
    assert page.startswith("---\n") and "One!" in page
    assert (out / "privacy/versions.json").is_file()


def test_export_says_its_pages_carry_html_and_ships_the_styles_they_need(history, tmp_path):
    out = tmp_path / "export"
    result = run("export", "-o", str(out), "--as-of", "2024-07-01")
    assert result.exit_code == 0, result.output
    changes = (out / "privacy/2024-06-01/changes/index.md").read_text()
    assert '<div class="statement-header' in changes and "<del>" in changes
    assert "HTML blocks" in result.output and "plain Markdown" not in result.output
    assert (out / "assets/statements/statements.css").read_text() == (REPO_ROOT / "generator/assets/statements.css").read_text()


def test_the_export_folder_is_ignored_by_git():
    assert "/statements-export/" in (REPO_ROOT / ".gitignore").read_text().splitlines()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_the_statement_changes_and_shows_uncommitted_edits_as_a_draft(history):
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}", "--as-of", "2024-07-01"],
        cwd=history.path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/privacy/"
        assert wait_for(lambda: "Two." in fetch(url)), "the server did not come up"
        history.write(PATH, statement_text(effective="2024-06-01", body="## A\n\nTwo, edited.\n"))
        assert wait_for(lambda: "Two, edited." in fetch(url)), "no rebuild after the edit"
        assert "Draft" in fetch(url)
        history.commit("Edit", date="2024-06-15")
        assert wait_for(lambda: "Draft" not in fetch(url)), "no rebuild after the commit"
    finally:
        server.terminate()
        server.wait(timeout=10)
