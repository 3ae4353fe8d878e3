"""The page templates' compiled modules: used while current, never served stale, same pages either way."""

from __future__ import annotations

import re

import jinja2
import pytest

from generator import pages, precompiled
from tests.conftest import run, statement_text
from tests.test_cache import files_of

PATH = "statements/privacy.md"


@pytest.fixture
def fresh_templates():
    """Page template environments made anew for the test (they are made once per process)."""
    pages._templates.cache_clear()
    yield
    pages._templates.cache_clear()


def _written_by(path) -> str:
    """The Jinja version a kept module was compiled by (its ``JINJA``)."""
    return re.search(r'^JINJA = "([^"]+)"$', path.read_text(encoding="utf-8"), re.M).group(1)


def test_the_compiled_modules_are_what_compiling_the_templates_gives_now(tmp_path):
    env = pages._templates()
    written = precompiled.write_modules(env, tmp_path / "compiled")
    assert written, "no page template found"
    for path in written:
        kept = precompiled.FOLDER / path.name
        assert kept.is_file(), f"{kept.name} is missing: run python -m generator.precompiled"
        # The templates and the environment's settings are checked under any Jinja; the code itself
        # only under the Jinja that wrote it (another release generates other code, and the loader
        # then compiles the templates from source: slower, never wrong).
        version = _written_by(kept)
        template = next(t for t in env.loader.list_templates() if precompiled.module_name(t) == kept.stem)
        source = (precompiled.TEMPLATES / template).read_text(encoding="utf-8")
        assert f'FINGERPRINT = "{precompiled.fingerprint(env, template, source, version)}"' in kept.read_text(encoding="utf-8"), (
            f"{kept.name} is out of date: run python -m generator.precompiled"
        )
        if version == jinja2.__version__:
            assert kept.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
                f"{kept.name} is out of date: run python -m generator.precompiled"
            )
    kept = {p.name for p in precompiled.FOLDER.glob("*.py")} - {"__init__.py"}
    assert kept == {p.name for p in written}, "a compiled module has no template: run python -m generator.precompiled"


def test_a_current_module_is_used_instead_of_compiling_the_template(fresh_templates, monkeypatch):
    if _written_by(precompiled.FOLDER / "changes_md.py") != jinja2.__version__:
        pytest.skip("the modules were compiled by another Jinja release: run python -m generator.precompiled")
    env = pages._templates()
    compiled = []
    monkeypatch.setattr(env, "compile", lambda *args, **kwargs: compiled.append(args[1]))
    template = env.get_template("changes.md")
    assert compiled == []
    assert template.root_render_func.__globals__["FINGERPRINT"] == precompiled.fingerprint(
        env, "changes.md", (precompiled.TEMPLATES / "changes.md").read_text(encoding="utf-8")
    )


def test_a_template_changed_since_it_was_compiled_is_compiled_from_its_source(fresh_templates, monkeypatch):
    env = pages._templates()
    loader = env.loader
    original = loader.get_source

    def edited(environment, name):
        source, filename, uptodate = original(environment, name)
        return (source + "EDITED {{ 1 + 1 }}\n" if name == "home.md" else source), filename, uptodate

    monkeypatch.setattr(loader, "get_source", edited)
    assert env.get_template("home.md").render(rows=[]).rstrip().endswith("EDITED 2")


def test_another_setting_of_the_environment_is_another_fingerprint():
    env = pages._templates()
    source = (precompiled.TEMPLATES / "home.md").read_text(encoding="utf-8")
    other = env.overlay(trim_blocks=False)
    assert precompiled.fingerprint(other, "home.md", source) != precompiled.fingerprint(env, "home.md", source)


def test_each_language_runs_the_compiled_code_with_its_own_environment(fresh_templates):
    english, german = pages._templates("en"), pages._templates("de")
    for env in (english, german):
        assert env.get_template("version_footer.html").root_render_func.__globals__["environment"] is env


def test_a_site_is_byte_identical_with_compiled_modules_or_compiled_templates(in_repo, tmp_path, monkeypatch, fresh_templates):
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01", body="## Overview\n\nWe collect little.\n")}, date="2023-12-01")
    in_repo.commit(
        files={PATH: statement_text(effective="2024-06-01", material=True, summary="We share more.", body="## Overview\n\nWe share more.\n")},
        date="2024-05-01",
    )
    in_repo.commit(
        files={PATH: statement_text(effective="2024-06-01", material=True, summary="We share more.", body="## Overview\n\nWe share much more.\n")},
        date="2024-07-01",
    )
    sites = []
    for name in ("modules", "templates"):
        if name == "templates":
            pages._templates.cache_clear()
            monkeypatch.setattr(precompiled, "_compiled", lambda template: None)
        result = run("build", "--as-of", "2024-12-01", "--no-cache", "-d", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        sites.append(files_of(tmp_path / name))
    assert sites[0] == sites[1]
