"""`statement check` judges a pull request by the base's policy, and runs nothing the pull request names.

Real git repositories: the base is `main`, the pull request a branch (or the working tree) on top of it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import MKDOCS_YML, GitRepo, statement_text, write_project

PATH = "statements/privacy.md"

BODY = """\
## Sharing

We do not sell your personal information.

## Retention

We keep server logs for 30 days.
"""

MATERIAL_BODY = BODY.replace("We do not sell", "We may sell")


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=True, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def published(in_repo: GitRepo) -> GitRepo:
    """main: the site configuration and one published version of the statement (effective 2024-01-01)."""
    in_repo.commit("Privacy statement", files={PATH: statement_text(effective="2024-01-01", body=BODY)}, date="2023-12-01")
    return in_repo


def pull_request(repo: GitRepo, plugin_options: str = "", *, effective: str = "2024-06-10", commit: bool = True) -> None:
    """A branch that declares a material version effective on ``effective`` and sets the plugin's options."""
    repo.git("checkout", "-q", "-b", "proposal")
    write_project(repo.path, plugin_options)
    repo.write(PATH, statement_text(effective=effective, material=True, summary="We may sell information.", body=MATERIAL_BODY))
    if commit:
        repo.commit("Short notice", date="2024-05-30")


# --- the base's policy applies ---------------------------------------------------------------


def test_a_pull_request_that_lowers_notice_days_while_shortening_the_notice_still_fails(published):
    pull_request(published, "notice_days: 5")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1, result.output
    assert "✗ notice: the material version takes effect on 2024-06-10, only 9 days" in result.output
    assert "readers get at least 30 days' notice" in result.output


def test_the_working_tree_is_judged_by_the_base_policy_too(published):
    pull_request(published, "notice_days: 5", commit=False)
    result = run("--as-of", "2024-06-01", "--base", "main")
    assert result.exit_code == 1, result.output
    assert "✗ notice" in result.output
    assert "notice 30 days" in result.output.splitlines()[0]


def test_a_policy_change_is_its_own_problem_that_names_the_line(published):
    pull_request(published, "notice_days: 5", effective="2024-09-01")  # enough notice either way
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1, result.output
    assert "policy change: notice_days: 30 → 5 — needs a person's approval" in result.output
    assert "mkdocs.yml: ✗ policy-change: the change sets the policy it is checked by: notice_days: 30 → 5" in result.output
    data = json.loads(run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal", "--format", "json").output)
    (problem,) = data["problems"]
    assert problem["rule"] == "policy-change" and problem["path"] == "mkdocs.yml"
    assert (Path("mkdocs.yml").read_text().splitlines()[problem["line"] - 1]).strip() == "notice_days: 5"
    assert data["policy"]["changes"] == [{"key": "notice_days", "old": 30, "new": 5, "line": problem["line"]}]


def test_a_change_to_the_material_rules_is_a_policy_change(published):
    pull_request(published, "material:\n  disable: [negation]", effective="2024-09-01")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1
    assert "policy change: material.disable: [] → ['negation']" in result.output


def test_a_change_to_the_markdown_extensions_is_a_policy_change(published):
    published.git("checkout", "-q", "-b", "proposal")
    (published.path / "mkdocs.yml").write_text(MKDOCS_YML.format(options="") + "  - abbr\n", encoding="utf-8")
    published.commit("Abbreviations", date="2024-05-30")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1
    assert "policy change: markdown_extensions:" in result.output and "'abbr'" in result.output


def test_the_pull_request_cannot_grant_itself_the_allowance(published):
    pull_request(published, "policy_changes: report\nnotice_days: 5", effective="2024-09-01")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1
    assert "✗ policy-change: the change sets the policy it is checked by: notice_days: 30 → 5" in result.output
    assert "policy_changes: 'fail' → 'report'" in result.output


def test_a_base_that_allows_policy_changes_reports_them_for_review_and_passes(published):
    write_project(published.path, "policy_changes: report")
    published.commit("Policy changes are reviewed in the pull request", date="2023-12-02")
    pull_request(published, "policy_changes: report\nnotice_days: 20", effective="2024-09-01")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 0, result.output
    assert "policy change: notice_days: 30 → 20 — allowed for review (policy_changes: report)" in result.output
    github = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal", "--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    assert "::warning file=mkdocs.yml,line=" in github.output
    assert "title=statement check%3A policy change for review::notice_days: 30 → 20" in github.output


def test_an_allowed_policy_change_still_does_not_apply_to_its_own_pull_request(published):
    write_project(published.path, "policy_changes: report")
    published.commit("Policy changes are reviewed in the pull request", date="2023-12-02")
    pull_request(published, "policy_changes: report\nnotice_days: 5")
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1
    assert "✗ notice" in result.output and "at least 30 days' notice" in result.output


def test_the_markdown_report_shows_the_policy_change(published, tmp_path):
    pull_request(published, "notice_days: 5", effective="2024-09-01")
    report = tmp_path / "report.md"
    run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal", "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert "**Policy change** (❌ a person must approve it)" in text
    assert "- notice&#95;days&#58; 30 → 5\n" in text  # plain text: nothing of a value is Markdown


def test_a_pull_request_that_adds_the_site_is_judged_by_the_plugins_defaults(repo, monkeypatch):
    repo.commit("README", files={"README.md": "Statements\n"}, date="2023-12-01")
    repo.git("checkout", "-q", "-b", "proposal")
    write_project(repo.path, "notice_days: 5")
    repo.write(PATH, statement_text(effective="2024-06-10", body=BODY))
    repo.commit("The site", date="2024-05-30")
    monkeypatch.chdir(repo.path)
    result = run("--as-of", "2024-06-01", "--base", "main", "--head", "proposal")
    assert result.exit_code == 1
    assert "policy: the plugin's defaults (mkdocs.yml does not exist at the base" in result.output
    assert "policy change: notice_days: 30 → 5" in result.output


def test_a_broken_mkdocs_yml_in_the_pull_request_is_bad_input_with_its_line(published):
    published.write("mkdocs.yml", MKDOCS_YML.format(options=":\n      notice_days: [1, 2") + "\n")
    result = run("--as-of", "2024-06-01", "--base", "main")
    assert result.exit_code == 2
    assert result.output.startswith("error: mkdocs.yml:") and "cannot read the YAML" in result.output


# --- nothing the pull request names runs -------------------------------------------------------


HOSTILE_MKDOCS_YML = """\
site_name: !!python/object/apply:os.system ["touch ran-yaml-tag"]
docs_dir: pages
theme:
  name: material
hooks:
  - hooks/probe_hook.py
plugins:
  - search
  - statements:
      notice_days: 30
markdown_extensions:
  - toc
  - probe_extension
  - probe_package.extension
"""


def write_probes(repo: GitRepo) -> None:
    """Modules that leave a file behind when anything imports them."""
    probe = "import pathlib\npathlib.Path(__file__).resolve().parents[{up}].joinpath('ran-{name}').write_text('ran')\n"
    repo.write("hooks/probe_hook.py", probe.format(up=1, name="hook"))
    repo.write("probe_extension.py", probe.format(up=0, name="extension"))
    repo.write("probe_package/__init__.py", probe.format(up=1, name="package"))
    repo.write("probe_package/extension.py", probe.format(up=1, name="package-extension"))


def ran(repo: GitRepo) -> list[str]:
    return sorted(p.name for p in repo.path.iterdir() if p.name.startswith("ran-"))


def test_check_runs_no_hook_extension_or_yaml_tag_named_by_the_pull_request(published):
    published.git("checkout", "-q", "-b", "proposal")
    write_probes(published)
    published.write("mkdocs.yml", HOSTILE_MKDOCS_YML)
    published.write(PATH, statement_text(effective="2024-09-01", material=True, summary="We may sell.", body=MATERIAL_BODY))
    published.commit("Hostile configuration", date="2024-05-30")
    statement = Path(sys.executable).with_name("statement")
    # As CI runs it: the installed command, in the checked-out pull request, and once more with the
    # repository first on sys.path (``python -c``), where a same-named module would shadow a package.
    commands = [
        [str(statement), "check", "--as-of", "2024-06-01", "--base", "main"],
        [sys.executable, "-c", "import sys; from generator.cli import main; sys.argv[0] = 'statement'; main()",
         "check", "--as-of", "2024-06-01", "--base", "main"],
    ]
    for command in commands:
        result = subprocess.run(command, cwd=published.path, capture_output=True, text=True, env=dict(os.environ))
        assert result.returncode == 1, result.stderr  # the policy change; never a crash
        assert "policy change: markdown_extensions:" in result.stdout
        assert ran(published) == []


def test_the_base_imports_its_extensions_from_installed_packages_never_from_the_repository(published):
    """A base that names a module of the repository: the pull request could have rewritten it."""
    published.write("mkdocs.yml", MKDOCS_YML.format(options="") + "  - probe_extension\n")
    published.write("probe_extension.py", "def makeExtension(**kwargs):\n    raise SystemExit('unreachable')\n")
    published.commit("A local extension", date="2023-12-02")
    published.git("checkout", "-q", "-b", "proposal")
    write_probes(published)
    published.commit("Rewritten extension", date="2024-05-30")
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from generator.cli import main; sys.argv[0] = 'statement'; main()",
         "check", "--as-of", "2024-06-01", "--base", "main"],
        cwd=published.path, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "markdown_extensions: 'probe_extension' cannot be imported from the installed packages" in result.stderr
    assert ran(published) == []


def test_a_virtual_environment_inside_the_repository_keeps_its_installed_packages(published, monkeypatch):
    """`python -m venv .venv` in the repository: what pip installed there is the interpreter's, not
    the pull request's — unless git tracks a file there, which a pull request could have added."""
    import importlib

    from generator import policy

    site_dir = published.path / ".venv" / "lib" / "site-packages"
    site_dir.mkdir(parents=True)
    (site_dir / "probe_installed_module.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(site_dir))
    monkeypatch.setattr(policy, "_interpreter_dirs", lambda: (site_dir.resolve(),))
    monkeypatch.chdir(published.path)
    policy._tracked_under.cache_clear()
    importlib.invalidate_caches()
    with policy.installed_packages_only(published.path):
        assert importlib.import_module("probe_installed_module").VALUE == 1
    sys.modules.pop("probe_installed_module", None)

    published.git("add", "-f", ".venv/lib/site-packages/probe_installed_module.py")
    policy._tracked_under.cache_clear()
    importlib.invalidate_caches()
    try:
        with policy.installed_packages_only(published.path), pytest.raises(ImportError):
            importlib.import_module("probe_installed_module")
    finally:
        sys.modules.pop("probe_installed_module", None)
        policy._tracked_under.cache_clear()


def test_the_bases_env_tag_is_read_and_the_heads_is_not(published, monkeypatch):
    write_project(published.path, "notice_days: !ENV [STATEMENTS_NOTICE_DAYS, 30]")
    published.commit("Notice from the environment", date="2023-12-02")
    monkeypatch.setenv("STATEMENTS_NOTICE_DAYS", "45")
    published.write(PATH, statement_text(effective="2024-07-01", material=True, summary="We may sell.", body=MATERIAL_BODY))
    result = run("--as-of", "2024-06-01", "--base", "main")
    assert result.exit_code == 1
    assert "at least 45 days' notice" in result.output
    assert "policy change" not in result.output


def test_a_python_name_tag_of_the_base_is_resolved_and_the_same_tag_in_the_head_is_no_change(published):
    fences = (
        "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
    )
    published.write("mkdocs.yml", MKDOCS_YML.format(options="") + fences)
    published.commit("Mermaid fences", date="2023-12-02")
    published.write(PATH, statement_text(effective="2024-09-01", material=True, summary="We may sell.", body=MATERIAL_BODY))
    result = run("--as-of", "2024-06-01", "--base", "main")
    assert result.exit_code == 0, result.output
    assert "policy change" not in result.output
