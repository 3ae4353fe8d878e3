"""A light start: each command imports only what it uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
import pytest

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


def test_diff_of_plain_front_matter_loads_neither_pydantic_nor_jinja2(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", material=True, summary="Less.")}, date="2024-05-01")
    loaded = modules_after(["diff", "2024-01-01", "2024-06-01", "--format", "json"], in_repo.path)
    assert "generator.material.verdict" in loaded  # the diff was classified
    for name in ("pydantic", "generator.front_matter", "jinja2", "babel", "mkdocs.localization"):
        assert name not in loaded, name


def test_front_matter_to_coerce_is_read_by_the_pydantic_model(in_repo):
    text = statement_text(effective="2024-01-01", material='"yes"', summary="Less.")  # quoted: text, not YAML's boolean
    in_repo.commit(files={PATH: text}, date="2023-12-01")
    loaded = modules_after(["log", "--format", "json"], in_repo.path)
    assert "generator.front_matter" in loaded and "pydantic" in loaded


@pytest.fixture
def modules(tmp_path, monkeypatch):
    """A folder on sys.path for the test's modules; they and ``runs`` leave sys.modules afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]


RECORD = "import sys\nsys.modules.setdefault('runs', __import__('types').SimpleNamespace(names=[])).names.append(__name__)\n"


def runs() -> list[str]:
    return sys.modules["runs"].names if "runs" in sys.modules else []


def test_a_stand_in_is_bound_by_the_import_and_the_real_module_imported_on_first_use(modules):
    from generator.lazy import import_with_stand_ins

    (modules / "heavy.py").write_text(RECORD + "VALUE = 42\n")
    (modules / "light.py").write_text(RECORD + "import heavy\n\ndef use():\n    return heavy.VALUE\n")
    light = import_with_stand_ins("light", ["heavy"])
    assert runs() == ["light"] and "heavy" not in sys.modules  # bound in light, never run, withdrawn
    assert light.use() == 42 and runs() == ["light", "heavy"]
    import heavy

    assert light.use() == heavy.VALUE and runs() == ["light", "heavy"]  # imported once, the usual way


def test_importing_a_module_of_a_package_stood_in_for_is_done_again_without_stand_ins(modules):
    from generator.lazy import import_with_stand_ins

    (modules / "heavypkg").mkdir()
    (modules / "heavypkg" / "__init__.py").write_text(RECORD + "from .sub import VALUE\n")
    (modules / "heavypkg" / "sub.py").write_text(RECORD + "VALUE = object()\n")
    (modules / "light.py").write_text(RECORD + "import heavypkg.sub\n")
    light = import_with_stand_ins("light", ["heavypkg"])
    assert light.heavypkg.sub.VALUE is light.heavypkg.VALUE  # one copy of each module
    assert runs() == ["light", "light", "heavypkg", "heavypkg.sub"]  # light failed once, then ran as usual


def test_reading_a_stand_in_while_the_import_runs_imports_the_real_module(modules):
    from generator.lazy import import_with_stand_ins

    (modules / "heavy.py").write_text(RECORD + "VALUE = 42\n")
    (modules / "light.py").write_text(RECORD + "import heavy\nCOPY = heavy.VALUE\n")
    light = import_with_stand_ins("light", ["heavy"])
    assert light.COPY == 42 and sys.modules["heavy"].VALUE == 42 and runs() == ["light", "heavy"]


def test_a_function_stand_in_calls_the_real_function_and_imports_its_module_on_the_first_call(modules):
    from generator.lazy import FUNCTION, import_with_stand_ins

    (modules / "heavy.py").write_text(RECORD + "def double(x):\n    return 2 * x\n")
    (modules / "light.py").write_text(RECORD + "from heavy import double\n\ndef use(x):\n    return double(x)\n")
    light = import_with_stand_ins("light", {"heavy": {"double": FUNCTION}})
    assert runs() == ["light"] and "heavy" not in sys.modules  # bound in light, never run, withdrawn
    assert light.use(21) == 42 and runs() == ["light", "heavy"]
    assert light.use(1) == 2 and runs() == ["light", "heavy"]  # imported once


def test_a_type_argument_stand_in_is_a_forward_reference_and_the_module_is_imported_on_first_use(modules):
    import typing

    from generator.lazy import TYPE_ARGUMENT, import_with_stand_ins

    (modules / "heavy.py").write_text(RECORD + "class Thing:\n    pass\n")
    (modules / "light.py").write_text(
        RECORD + "import typing\nimport heavy\nT = typing.TypeVar('T')\n\n"
        "class Box(typing.Generic[T]):\n    pass\n\n"
        "class ThingBox(Box[heavy.Thing]):\n    def make(self):\n        return heavy.Thing()\n"
    )
    light = import_with_stand_ins("light", {"heavy": {"Thing": TYPE_ARGUMENT}})
    assert runs() == ["light"] and "heavy" not in sys.modules
    assert typing.get_args(light.ThingBox.__orig_bases__[0]) == (typing.ForwardRef("heavy.Thing"),)
    assert isinstance(light.ThingBox().make(), sys.modules["heavy"].Thing) and runs() == ["light", "heavy"]


def test_a_stand_in_for_a_module_of_the_package_being_imported_stays_bound_in_the_package(modules):
    from generator.lazy import import_with_stand_ins

    (modules / "pkg").mkdir()
    (modules / "pkg" / "__init__.py").write_text(RECORD + "from . import _heavy\n\ndef use():\n    return _heavy.VALUE\n")
    (modules / "pkg" / "_heavy.py").write_text(RECORD + "VALUE = 42\n")
    pkg = import_with_stand_ins("pkg", {"pkg._heavy": {}})
    assert runs() == ["pkg"] and "pkg._heavy" not in sys.modules
    assert pkg.use() == 42 and runs() == ["pkg", "pkg._heavy"]
    assert pkg._heavy is sys.modules["pkg._heavy"]  # the real module replaced the stand-in in the package


def test_diff_loads_neither_pathspec_nor_urllib_request_nor_uuid_nor_email(in_repo):
    config = in_repo.path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - pymdownx.superfences\n  - pymdownx.details\n", encoding="utf-8")
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01"), "mkdocs.yml": config.read_text(encoding="utf-8")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="# Privacy\n\nWe collect nothing.\n")}, date="2024-05-01")
    loaded = modules_after(["diff", "2024-01-01", "2024-06-01", "--format", "json"], in_repo.path)
    assert {"generator.material.verdict", "pymdownx.superfences", "pymdownx.util"} <= loaded  # classified, with pymdownx
    for name in ("pathspec", "typing_extensions", "urllib.request", "http.client", "ssl", "uuid", "platform", "email.message", "email.utils", "socket", "csv"):
        assert name not in loaded, name


def test_what_stood_in_for_works_when_used_later_in_the_process(in_repo):
    config = in_repo.path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  - pymdownx.superfences\nexclude_docs: |\n  *.tmp\n", encoding="utf-8",
    )
    script = (
        "import sys\n"
        "from generator.cli import cli\n"
        "import click\n"
        "from generator.project import load_command_config\n"
        "load_command_config('mkdocs.yml')\n"
        "assert not {'pathspec', 'urllib.request', 'uuid', 'email.message'} & set(sys.modules)\n"
        "import importlib.metadata\n"
        "print(importlib.metadata.metadata('Markdown')['Name'], bool(importlib.metadata.files('Markdown')))\n"
        "import importlib.resources._common as resources\n"
        "assert resources.tempfile.gettempdir() == sys.modules['tempfile'].gettempdir()\n"
        "import pymdownx.util\n"
        "print(pymdownx.util.url2pathname('a%20b'), pymdownx.util.path2url('a b'))\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.config import config_options as c\n"
        "config = load_config('mkdocs.yml')\n"
        "import pathspec.gitignore\n"
        "assert isinstance(config.exclude_docs, pathspec.gitignore.GitIgnoreSpec)\n"
        "print(config.exclude_docs.match_file('x.tmp'), config.exclude_docs.match_file('x.md'))\n"
        "print(click.UUID.convert('12345678-1234-4678-9234-567812345678', None, None).version)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run([sys.executable, "-c", script], cwd=in_repo.path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Markdown", "True", "a", "b", "a%20b", "True", "False", "4"]


def test_mkdocs_theme_works_after_the_light_loader_stood_in_for_its_modules(in_repo):
    script = (
        "from generator.project import load_command_config\n"
        "load_command_config('mkdocs.yml')\n"
        "import sys, jinja2, mkdocs.theme\n"
        "from mkdocs import localization\n"
        "from mkdocs.config import load_config\n"
        "config = load_config('mkdocs.yml')\n"
        "env = config.theme.get_env()\n"
        "try:\n"
        "    env.get_template('no-such.html')\n"
        "except jinja2.exceptions.TemplateNotFound:\n"
        "    print('not-found')\n"
        "assert mkdocs.theme.jinja2.Environment is sys.modules['jinja2'].Environment\n"
        "print(localization.parse_locale('de'), config.theme.name, env.get_template('main.html').name)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run([sys.executable, "-c", script], cwd=in_repo.path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["not-found", "de", "material", "main.html"]


def test_diff_pauses_the_collector_only_while_it_runs(in_repo, monkeypatch):
    import gc

    from click.testing import CliRunner

    import generator.project

    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="# Privacy\n\nWe collect nothing.\n")}, date="2024-05-01")
    load_project, collecting = generator.project.load_project, []

    def recording(*args, **kwargs):
        collecting.append(gc.isenabled())
        return load_project(*args, **kwargs)

    monkeypatch.setattr(generator.project, "load_project", recording)
    result = CliRunner().invoke(cli, ["diff", "2024-01-01", "2024-06-01", "--format", "json"], prog_name="statement")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["changes"]  # the diff ran …
    assert collecting == [False]  # … with the collector paused
    assert gc.isenabled()  # and restored
    assert gc.get_freeze_count() == 0  # nothing frozen in a process that goes on


def frozen_at_exit(args: list[str], cwd) -> tuple[int, int]:
    """The exit status of a ``statement`` process and how many objects the collector had been told to
    leave alone when it ended."""
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print(f'\\nFROZEN {gc.get_freeze_count()}', file=sys.stderr))\n"
        "from generator.cli import main\n"
        f"sys.argv = ['statement', *{args!r}]\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    result = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True)
    line = next(line for line in result.stderr.splitlines() if line.startswith("FROZEN "))
    return result.returncode, int(line.split()[1])


def test_a_diff_process_skips_the_collections_of_its_teardown_and_other_commands_do_not(in_repo):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    in_repo.commit(files={PATH: statement_text(effective="2024-06-01", body="# Privacy\n\nWe collect nothing.\n")}, date="2024-05-01")
    status, frozen = frozen_at_exit(["diff", "2024-01-01", "2024-06-01", "--format", "json"], in_repo.path)
    assert status == 0 and frozen > 0
    status, frozen = frozen_at_exit(["diff", "2024-01-01", "1999-01-01"], in_repo.path)
    assert status == 2 and frozen > 0  # an error ends the job too
    assert frozen_at_exit(["log", "--format", "json"], in_repo.path) == (0, 0)
    assert frozen_at_exit(["--help"], in_repo.path) == (0, 0)
