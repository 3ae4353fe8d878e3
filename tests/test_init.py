"""``statement init``: a new user starts a site of their own, in a new or an existing git repository."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest
import yaml

from generator.model import parse_document
from tests.conftest import REPO_ROOT, GitRepo, run

FILES = [
    "mkdocs.yml", "statements/privacy.md", "docs/index.md", ".gitignore",
    ".github/workflows/statements.yml", ".github/workflows/statements-report.yml",
]


@pytest.fixture
def new_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = run("init", "acme-privacy")
    assert result.exit_code == 0, result.output
    return tmp_path / "acme-privacy"


def test_init_then_commit_then_build_and_check_pass(new_site: Path, monkeypatch: pytest.MonkeyPatch):
    repo = GitRepo(new_site)
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Privacy statement")
    monkeypatch.chdir(new_site)

    built = run("build", "--strict")
    assert built.exit_code == 0, built.output
    page = (new_site / "site" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "Changes to this statement" in page
    assert (new_site / "site" / "privacy" / "history" / "index.html").is_file()

    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert "passed" in checked.output
    assert repo.git("status", "--porcelain") == ""  # site/ and its staging folders are ignored


def test_init_makes_a_new_git_repository_on_branch_main_with_every_file(new_site: Path):
    assert (new_site / ".git").is_dir()
    assert GitRepo(new_site).git("symbolic-ref", "--short", "HEAD") == "main"
    for name in FILES:
        assert (new_site / name).is_file(), name


def test_the_new_mkdocs_yml_uses_material_without_google_fonts_search_and_the_plugin(new_site: Path):
    text = (new_site / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert config["theme"] == {"name": "material", "font": False}
    assert config["plugins"][0] == "search"
    assert "statements" in config["plugins"][1]
    # The notification example is there to uncomment, not active.
    assert "# notify:" in text and "#     - type: webhook" in text and "notify" not in config["plugins"][1]["statements"]


def test_the_new_statement_has_front_matter_an_effective_date_line_and_a_changes_clause(new_site: Path):
    text = (new_site / "statements" / "privacy.md").read_text(encoding="utf-8")
    document = parse_document(text, path="statements/privacy.md", strict=True)
    today = dt.date.today()
    assert document.meta.title == "Privacy Statement"
    assert document.meta.effective == today
    assert f"Effective date: {today:%B} {today.day}, {today.year}" in document.body
    assert "## Changes to this statement" in document.body


def test_the_new_gitignore_covers_the_build_and_caches(new_site: Path):
    lines = (new_site / ".gitignore").read_text(encoding="utf-8").splitlines()
    for entry in ("/site/", "/.site.*/", "/statements-export/", "notifications/outbox/", "__pycache__/", ".cache/"):
        assert entry in lines


@pytest.mark.parametrize("name", ["statements.yml", "statements-report.yml"])
def test_the_packaged_workflow_is_the_projects_own_workflow(name: str):
    packaged = resources.files("generator").joinpath(f"templates/init/{name}").read_text(encoding="utf-8")
    own = (REPO_ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8")
    assert packaged == own, f"copy .github/workflows/{name} to generator/templates/init/{name}"


@pytest.mark.parametrize("name", ["statements.yml", "statements-report.yml"])
def test_init_writes_the_packaged_workflow(new_site: Path, name: str):
    written = (new_site / ".github" / "workflows" / name).read_text(encoding="utf-8")
    assert written == resources.files("generator").joinpath(f"templates/init/{name}").read_text(encoding="utf-8")


def test_init_prints_the_next_three_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    steps = lines[lines.index("Next:") + 1:]
    assert [s.strip()[:2] for s in steps] == ["1.", "2.", "3."]
    assert "statements/privacy.md" in steps[0] and "statement serve" in steps[1] and "statement build" in steps[2]


def test_init_works_in_an_existing_repository_and_keeps_its_history(repo: GitRepo, monkeypatch: pytest.MonkeyPatch):
    repo.commit("Readme", files={"README.md": "Our policies\n"})
    monkeypatch.chdir(repo.path)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert "the git repository" in result.output
    assert (repo.path / "mkdocs.yml").is_file()
    assert repo.git("log", "--format=%s") == "Readme"


def test_init_refuses_to_overwrite_a_file_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "site"
    (folder / "statements").mkdir(parents=True)
    (folder / "statements" / "privacy.md").write_text("Ours\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("init", "site")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: site/statements/privacy.md: already exists; statement init never overwrites a file; "
        "move it aside, or run 'statement init NEW-FOLDER'"
    ]
    assert (folder / "statements" / "privacy.md").read_text(encoding="utf-8") == "Ours\n"
    assert sorted(p.name for p in folder.iterdir()) == ["statements"]


def test_init_inside_a_repository_below_its_top_is_refused(repo: GitRepo, monkeypatch: pytest.MonkeyPatch):
    (repo.path / "sub").mkdir()
    monkeypatch.chdir(repo.path)
    result = run("init", "sub")
    assert result.exit_code == 2
    assert result.output.startswith("error: sub: is inside the git repository")
    assert not (repo.path / "sub" / "mkdocs.yml").exists()
