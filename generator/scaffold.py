"""``statement init``: start a statements site of your own in a new or existing git repository.

Every file comes from ``templates/init/``. The GitHub workflows are this repository's own
``.github/workflows/statements.yml`` and ``statements-report.yml`` (which posts the check's report),
copied into the package (a test keeps them equal), so a new site gets the workflows the project
itself runs.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import InputError

__all__ = ["ScaffoldFile", "Scaffold", "scaffold_files", "init_project", "GITIGNORE_TEMPLATE", "WORKFLOW_TEMPLATE"]

#: Where the packaged templates live, relative to the package.
TEMPLATE_DIR = "templates/init"
WORKFLOW_TEMPLATE = f"{TEMPLATE_DIR}/statements.yml"
REPORT_WORKFLOW_TEMPLATE = f"{TEMPLATE_DIR}/statements-report.yml"
GITIGNORE_TEMPLATE = f"{TEMPLATE_DIR}/gitignore"


@dataclass(frozen=True)
class ScaffoldFile:
    """One file ``init`` writes: its path relative to the new site's folder, and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class Scaffold:
    """What ``init`` did: the folder, the files written, whether it created the git repository."""

    root: Path
    files: tuple[str, ...]
    created_repository: bool


def _template(name: str) -> str:
    return resources.files("generator").joinpath(name).read_text(encoding="utf-8")


def _fill(text: str, values: dict[str, str]) -> str:
    # Plain placeholders, not Jinja: the workflow's ${{ … }} expressions must pass through untouched.
    for key, value in values.items():
        text = text.replace("{{ " + key + " }}", value)
    return text


def scaffold_files(*, site_name: str = "Privacy", today: dt.date | None = None) -> tuple[ScaffoldFile, ...]:
    """The files of a new site, in the order they are written."""
    today = today or dt.date.today()
    values = {"site_name": site_name, "today": today.isoformat(), "today_long": f"{today:%B} {today.day}, {today.year}"}
    return (
        ScaffoldFile("mkdocs.yml", _fill(_template(f"{TEMPLATE_DIR}/mkdocs.yml"), values)),
        ScaffoldFile("statements/privacy.md", _fill(_template(f"{TEMPLATE_DIR}/privacy.md"), values)),
        ScaffoldFile("docs/index.md", _fill(_template(f"{TEMPLATE_DIR}/index.md"), values)),
        ScaffoldFile(".gitignore", _template(GITIGNORE_TEMPLATE)),
        ScaffoldFile(".github/workflows/statements.yml", _template(WORKFLOW_TEMPLATE)),
        ScaffoldFile(".github/workflows/statements-report.yml", _template(REPORT_WORKFLOW_TEMPLATE)),
    )


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)


def _repository_top(folder: Path) -> Path | None:
    result = _git(folder, "rev-parse", "--show-toplevel")
    return Path(result.stdout.strip()).resolve() if result.returncode == 0 else None


def init_project(folder: str | Path = ".", *, today: dt.date | None = None) -> Scaffold:
    """Write a new site into ``folder`` (created if missing), making it a git repository if it is not one.

    Nothing is overwritten: when any file exists already, nothing is written and the error names it.
    """
    root = Path(folder)
    shown = root.as_posix().rstrip("/") or "."
    if root.exists() and not root.is_dir():
        raise InputError("is not a folder", path=shown, fix="name a new or existing folder for the site")
    top = _repository_top(root) if root.is_dir() else None
    if top is not None and top != root.resolve():
        raise InputError(
            f"is inside the git repository {top}, not at its top", path=shown,
            fix="run 'statement init' in the repository's top folder, where the workflow and mkdocs.yml belong",
        )
    files = scaffold_files(site_name=_site_name(root), today=today)
    for file in files:  # check everything before writing anything
        target = root / file.path
        if target.exists() or target.is_symlink():
            raise InputError(
                "already exists; statement init never overwrites a file", path=_join(shown, file.path),
                fix="move it aside, or run 'statement init NEW-FOLDER'",
            )
    root.mkdir(parents=True, exist_ok=True)
    created = False
    if top is None:
        # The workflow publishes the branch main.
        result = _git(root, "init", "-q", "-b", "main")
        if result.returncode != 0:
            raise InputError(f"git init failed: {result.stderr.strip()}", path=shown, fix="check that git is installed")
        created = True
    for file in files:
        target = root / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:  # "x": never replace a file that appeared meanwhile
            handle.write(file.text)
    return Scaffold(root=root, files=tuple(f.path for f in files), created_repository=created)


def _site_name(root: Path) -> str:
    name = root.resolve().name.replace("-", " ").replace("_", " ").strip()
    return name.title() if name else "Privacy"


def _join(folder: str, path: str) -> str:
    return path if folder == "." else f"{folder}/{path}"
