"""The GitHub workflows as shipped: what they run, with which token, on which branch.

The workflow files are parsed as YAML and their jobs asserted one property each; the comment
script of statements-report.yml is run in Chromium against a recorded GitHub API.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from tests.conftest import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
#: one browser for the whole session, whichever modules run
pytest_plugins = ["tests.browser_support.fixtures"]

MAIN = WORKFLOWS / "statements.yml"
REPORT = WORKFLOWS / "statements-report.yml"

#: Released tags of the actions the workflows use, by commit.
PINS = {
    "actions/checkout": ("11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"),
    "actions/setup-python": ("a26af69be951a213d495a4c3e4e4022e16d87065", "v5.6.0"),
    "actions/upload-artifact": ("ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2"),
    "actions/download-artifact": ("d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0"),
    "actions/upload-pages-artifact": ("56afc609e74202658d3ffba0e8f6dda462b719fa", "v3.0.1"),
    "actions/deploy-pages": ("d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e", "v4.0.5"),
    "actions/github-script": ("60a0d83039c74a4aee543508d2ffcb1c3799cdea", "v7.0.1"),
}

def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def jobs() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path in (MAIN, REPORT):
        for name, job in load(path)["jobs"].items():
            yield path.name, name, job


def job_params() -> list[Any]:
    return [pytest.param(job, id=f"{file}:{name}") for file, name, job in jobs()]


# --- every job -------------------------------------------------------------------------------


@pytest.mark.parametrize("job", job_params())
def test_every_action_is_pinned_to_the_commit_of_a_released_tag(job):
    for step in job.get("steps", []):
        if "uses" not in step:
            continue
        action, _, ref = step["uses"].partition("@")
        assert action in PINS, f"{action}: not a known action"
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{step['uses']}: pin a commit, not a tag or branch"
        assert ref == PINS[action][0], f"{step['uses']}: not the commit of {PINS[action][1]}"


def test_each_pin_names_its_tag_in_a_comment():
    for path in (MAIN, REPORT):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses:\s*([\w./-]+)@([0-9a-f]{40})\b(.*)", line)
            if match and match[1] in PINS and match[2] == PINS[match[1]][0]:
                assert match[3].strip() == f"# {PINS[match[1]][1]}", line


@pytest.mark.parametrize("job", job_params())
def test_no_pip_cache_that_needs_files_a_copied_workflow_lacks(job):
    for step in job.get("steps", []):
        if str(step.get("uses", "")).startswith("actions/setup-python"):
            options = step.get("with", {})
            assert "cache" not in options or "cache-dependency-path" in options, step


@pytest.mark.parametrize("job", job_params())
def test_no_expression_is_interpolated_into_a_shell_script(job):
    for step in job.get("steps", []):
        assert "${{" not in step.get("run", ""), f"pass it through env: {step.get('name') or step['run'][:60]}"


def test_no_workflow_runs_on_pull_request_target():
    for path in (MAIN, REPORT):
        assert "pull_request_target" not in load(path)["on"]


# --- the check and its comment -----------------------------------------------------------------


def test_the_check_job_has_a_read_only_token():
    check = load(MAIN)["jobs"]["check"]
    assert check["permissions"] == {"contents": "read"}
    assert load(MAIN)["permissions"] == {"contents": "read"}
    checkout = next(s for s in check["steps"] if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["persist-credentials"] is False


def test_the_check_job_uploads_its_report_and_posts_nothing():
    steps = load(MAIN)["jobs"]["check"]["steps"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["name"] == "statement-check" and upload["if"] == "always()"
    text = yaml.safe_dump(steps)
    assert "gh pr comment" not in text and "gh api" not in text and "github-script" not in text


def test_the_check_installs_the_generator_the_base_pins():
    steps = load(MAIN)["jobs"]["check"]["steps"]
    install = next(s for s in steps if s.get("name", "").startswith("Install the generator"))
    assert 'git show "origin/$BASE_REF:requirements.txt"' in install["run"]
    assert install["env"]["BASE_REF"] == "${{ github.base_ref }}"


def test_the_comment_is_posted_by_a_workflow_run_job_that_never_checks_out_the_pull_request():
    report = load(REPORT)
    assert report["on"] == {"workflow_run": {"workflows": ["statements"], "types": ["completed"]}}
    assert report["permissions"] == {}
    (name, comment), = report["jobs"].items()
    assert comment["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "github.event.workflow_run.event == 'pull_request'" in comment["if"]
    uses = [s.get("uses", "").partition("@")[0] for s in comment["steps"]]
    assert uses == ["actions/download-artifact", "actions/github-script"]
    assert all("run" not in s for s in comment["steps"])  # no shell, no checkout: nothing of the pull request runs
    download = comment["steps"][0]["with"]
    assert download["run-id"] == "${{ github.event.workflow_run.id }}"


# --- publishing --------------------------------------------------------------------------------


def test_build_deploy_and_notify_happen_from_main_only():
    workflow = load(MAIN)
    on_main = "github.ref == 'refs/heads/main'"
    assert on_main in workflow["jobs"]["build"]["if"] and on_main in workflow["jobs"]["deploy"]["if"]
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    # notify needs deploy without always(): a manual run from another branch skips it with them
    assert workflow["jobs"]["notify"]["needs"] == "deploy"
    assert "always()" not in workflow["jobs"]["notify"].get("if", "")
    assert workflow["on"]["push"] == {"branches": ["main"]}


def test_notify_pushes_the_ledger_to_its_own_branch_never_to_main():
    job = load(MAIN)["jobs"]["notify"]
    branch = job["env"]["STATEMENTS_LEDGER_BRANCH"]
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert branch not in ("main", "master") and "statement notify --push --ledger-branch \"$STATEMENTS_LEDGER_BRANCH\"" in scripts
    assert "git push" not in scripts  # the push is the command's, probed before anything is sent
    assert job["permissions"] == {"contents": "write"}
    assert job["concurrency"] == {"group": "statements-notify", "cancel-in-progress": False}


def test_the_generator_is_installed_pinned_to_this_release():
    version = re.search(r'^version = "([^"]+)"', (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]
    assert load(MAIN)["env"]["STATEMENTS_PACKAGE"] == f"statements-generator=={version}"


# --- the comment script, run against a recorded API ------------------------------------------------

HARNESS = """
async ({script, files, comments, pr, headSha}) => {
  const calls = [];
  const fs = {readFileSync: (p) => { const name = p.split('/').pop(); if (!(name in files)) throw new Error('ENOENT'); return files[name]; }};
  const require = (m) => m === 'fs' ? fs : {join: (...parts) => parts.join('/')};
  const process = {env: {REPORT_DIR: '/report'}};
  const core = {setFailed: (m) => calls.push(['failed', m]), info: (m) => calls.push(['info', m]), warning: (m) => calls.push(['warning', m])};
  const repo = {owner: 'fernhill', repo: 'statements'};
  const github = {
    paginate: async (fn, args) => comments,
    rest: {
      pulls: {get: async ({pull_number}) => ({data: {...pr, number: pull_number}})},
      issues: {
        listComments: 'listComments',
        updateComment: async (args) => calls.push(['update', args.comment_id, args.body]),
        createComment: async (args) => calls.push(['create', args.issue_number, args.body]),
      },
    },
  };
  const context = {repo, payload: {workflow_run: {head_sha: headSha}}};
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction('require', 'process', 'github', 'context', 'core', script)(require, process, github, context, core);
  return calls;
}
"""

BOT = {"login": "github-actions[bot]", "type": "Bot"}
MARKER = "<!-- statement-check -->"


def comment_script() -> str:
    steps = load(REPORT)["jobs"]["comment"]["steps"]
    return next(s for s in steps if s.get("uses", "").startswith("actions/github-script"))["with"]["script"]


@pytest.fixture
def post(request):
    """Run the comment script in Chromium; returns the API calls it made."""
    page = request.getfixturevalue("page")

    def run(*, files: dict[str, str], comments: list[dict[str, Any]] = (), head: str = "abc123", checked: str = "abc123"):
        return page.evaluate(HARNESS, {
            "script": comment_script(), "files": files, "comments": list(comments),
            "pr": {"head": {"sha": head}}, "headSha": checked,
        })

    return run


REPORT_TEXT = MARKER + "\n## ✅ Statement check passed\n\nThanks @octocat\n"


@pytest.mark.browser
def test_the_comment_script_updates_only_the_bots_own_report(post):
    comments = [
        {"id": 1, "user": {"login": "mallory", "type": "User"}, "body": MARKER + "\nnot the bot"},
        {"id": 2, "user": BOT, "body": MARKER + "\nthe bot's earlier report"},
        {"id": 3, "user": BOT, "body": "another bot comment"},
    ]
    calls = post(files={"pull-request": "7\n", "statement-check.md": REPORT_TEXT}, comments=comments)
    assert [c[:2] for c in calls] == [["update", 2]]
    assert "@\u200bocto" in calls[0][2]


@pytest.mark.browser
def test_the_comment_script_creates_a_comment_when_only_others_carry_the_marker(post):
    comments = [{"id": 1, "user": {"login": "mallory", "type": "User"}, "body": MARKER + "\nnot the bot"}]
    calls = post(files={"pull-request": "7", "statement-check.md": REPORT_TEXT}, comments=comments)
    assert [c[:2] for c in calls] == [["create", 7]]


@pytest.mark.browser
def test_the_comment_script_refuses_a_number_that_is_not_the_checked_commits_pull_request(post):
    calls = post(files={"pull-request": "7", "statement-check.md": REPORT_TEXT}, head="def456", checked="abc123")
    assert [c[0] for c in calls] == ["warning"]  # nothing posted
    for bad in ("7; rm -rf /", "-1", "", "0x10"):
        calls = post(files={"pull-request": bad, "statement-check.md": REPORT_TEXT})
        assert calls == [["failed", "the artifact names no pull request"]]


@pytest.mark.browser
def test_the_comment_script_refuses_a_report_without_the_marker(post):
    calls = post(files={"pull-request": "7", "statement-check.md": "## hello\n" + MARKER + "\n"})
    assert calls == [["failed", "the report does not start with the statement-check marker"]]

