"""Shared fixtures: real git repositories in a temporary folder, and a project around them."""

from __future__ import annotations

import os
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT.parent / "shared" / "corpora" / "github-tos"

MKDOCS_YML = """\
site_name: Test Statements
site_url: https://statements.test/
docs_dir: pages
theme:
  name: material
  font: false
plugins:
  - search
  - statements{options}
markdown_extensions:
  - toc:
      permalink: true
  - tables
  - attr_list
  - md_in_html
"""


def statement_text(
    *, title: str = "Privacy Statement", effective: str | None = "2024-01-01", body: str | None = None, **meta: object
) -> str:
    """A statement file with front-matter; ``body`` defaults to a small two-section text."""
    lines = ["---", f"title: {title}"]
    if effective is not None:
        lines.append(f"effective: {effective}")
    for key, value in meta.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        lines.append(f"{key}: {value}")
    lines.append("---")
    if body is None:
        body = "## Overview\n\nWe collect little.\n\n## Contact\n\nWrite to privacy@example.test.\n"
    return "\n".join(lines) + "\n\n" + textwrap.dedent(body).lstrip("\n")


@dataclass
class GitRepo:
    """A real git repository in a temporary folder, with dated commits."""

    path: Path
    commits: list[str] = field(default_factory=list)

    def git(self, *args: str, date: str | None = None) -> str:
        env = dict(os.environ)
        env.update(
            GIT_AUTHOR_NAME="Legal Team", GIT_AUTHOR_EMAIL="legal@example.test",
            GIT_COMMITTER_NAME="Legal Team", GIT_COMMITTER_EMAIL="legal@example.test",
            GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull,
        )
        if date:
            stamp = f"{date}T12:00:00+00:00" if len(date) == 10 else date
            env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        result = subprocess.run(["git", *args], cwd=self.path, env=env, capture_output=True, text=True, check=True)
        return result.stdout.strip()

    def write(self, relpath: str, content: str | bytes) -> Path:
        target = self.path / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return target

    def commit(self, message: str = "Update", *, date: str = "2024-01-01", files: dict[str, str | bytes] | None = None) -> str:
        for relpath, content in (files or {}).items():
            self.write(relpath, content)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        sha = self.git("rev-parse", "HEAD")
        self.commits.append(sha)
        return sha


@pytest.fixture(autouse=True)
def outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as on a developer's machine (CI=true makes a build leave drafts out); a test of
    the CI behaviour sets the variable itself."""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """An empty git repository on branch main."""
    path = tmp_path / "repo"
    path.mkdir()
    repository = GitRepo(path)
    repository.git("init", "-q", "-b", "main")
    return repository


def run(*args: str):
    """Run the ``statement`` command in-process; a traceback fails the test, exit codes are returned."""
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def built_page(site: Path, address: str) -> str:
    """The HTML of a built page by its address, e.g. ``privacy/history``."""
    return (site / address / "index.html").read_text(encoding="utf-8")


def write_project(folder: Path, plugin_options: str = "") -> Path:
    """mkdocs.yml (plugin ``statements`` with extra option lines) and an empty pages/ folder."""
    (folder / "pages").mkdir(exist_ok=True)
    options = ""
    if plugin_options:
        options = ":\n" + textwrap.indent(textwrap.dedent(plugin_options).strip("\n"), " " * 6)
    config = folder / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(options=options), encoding="utf-8")
    return config


@pytest.fixture
def project(repo: GitRepo) -> GitRepo:
    """A git repository with mkdocs.yml and pages/, committed; statements are added by the test."""
    write_project(repo.path)
    repo.write("pages/.gitkeep", "")
    repo.commit("Site configuration", date="2023-12-01")
    return repo


@pytest.fixture
def in_repo(project: GitRepo, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The project, with the working directory inside it (as a user runs the command)."""
    monkeypatch.chdir(project.path)
    return project
