"""A light start: each command imports only what it uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click

from generator.cli import LAZY_COMMANDS, cli
from tests.conftest import REPO_ROOT, statement_text

PATH = "statements/privacy.md"

#: Modules that belong to other commands than the one being run.
NOTIFICATION_STACK = ("httpx", "smtplib", "generator.notify.channels", "generator.notify.runner")


def modules_after(args: list[str], cwd) -> set[str]:
    """The modules loaded by one whole ``statement`` process run with ``args``."""
    script = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print('\\nMODULES ' + json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
        "from generator.cli import main\n"
        f"sys.argv = ['statement', *{args!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):]))


def test_help_loads_neither_the_notification_stack_nor_the_detector_nor_pydantic(tmp_path):
    loaded = modules_after(["--help"], tmp_path)
    for name in (*NOTIFICATION_STACK, "generator.check", "generator.material", "generator.notify.command_line", "pydantic", "mkdocs.config"):
        assert name not in loaded, name


def test_build_does_not_load_the_notification_stack(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    loaded = modules_after(["build", "-q", "--as-of", "2024-02-01"], in_repo.path)
    assert "generator.plugin" in loaded  # the build really ran
    for name in NOTIFICATION_STACK:
        assert name not in loaded, name


def test_lazy_commands_are_listed_with_their_own_help_line():
    context = click.Context(cli)
    for name, (_, _, line) in LAZY_COMMANDS.items():
        command = cli.get_command(context, name)
        assert command is not None
        assert (command.help or "").split("\n\n")[0].strip() == line


def test_lazy_commands_run_and_show_their_help():
    from click.testing import CliRunner

    for name in LAZY_COMMANDS:
        result = CliRunner().invoke(cli, [name, "--help"], prog_name="statement")
        assert result.exit_code == 0
        assert f"Usage: statement {name}" in result.output


def test_diff_reads_mkdocs_yml_without_loading_the_theme_or_any_plugin(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="# Privacy\n\nWe collect nothing.\n")}, date="2024-05-01")
    loaded = modules_after(["diff", "2024-01-01", "2024-06-01", "--format", "json"], in_repo.path)
    assert "generator.material.verdict" in loaded  # the diff was classified
    for name in ("generator.plugin", "mkdocs.config.defaults", "mkdocs.contrib.search", "material.plugins.search"):
        assert name not in loaded, name


def test_log_loads_neither_the_diff_engine_nor_the_detector(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    loaded = modules_after(["log", "--format", "json"], in_repo.path)
    assert "generator.history" in loaded  # the history was read
    for name in ("generator.plugin", "generator.diff.alignment", "generator.render", "generator.material.verdict", "generator.lint.catalogue"):
        assert name not in loaded, name
