"""The light loader of mkdocs.yml (commands that do not build) reads what MkDocs' own loader reads."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.project import CommandConfig, load_command_config, load_mkdocs_config, statements_options
from tests.conftest import REPO_ROOT, write_project


def both(config_file: Path) -> tuple[CommandConfig, object]:
    """The light loader's result and MkDocs' ``load_config``'s, for the same file."""
    return load_command_config(config_file), load_mkdocs_config(config_file)


def assert_same(config_file: Path) -> CommandConfig:
    light, full = both(config_file)
    assert light.config_file_path == full.config_file_path
    assert light.markdown_extensions == full.markdown_extensions
    assert light.mdx_configs == full.mdx_configs
    assert light.site_url == full.site_url
    assert light.docs_dir == full.docs_dir
    assert dict(statements_options(light)) == dict(statements_options(full))
    return light


def error_of(loader, config_file: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        loader(config_file)
    return str(caught.value)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_the_example_site_reads_the_same_with_both_loaders():
    light = assert_same(REPO_ROOT / "mkdocs.yml")
    assert "pymdownx.superfences" in light.markdown_extensions
    assert statements_options(light).languages == ["en", "de"]
    assert light.theme["name"] == "material"


def test_the_tests_project_reads_the_same_with_both_loaders(tmp_path):
    config = write_project(tmp_path, "notice_days: 14\nmaterial:\n  extra_risk_terms: [loyalty card]")
    light = assert_same(config)
    assert statements_options(light).notice_days == 14
    assert light.site_url == "https://statements.test/"


def test_env_tags_are_resolved_as_mkdocs_resolves_them(tmp_path, monkeypatch):
    monkeypatch.setenv("STATEMENTS_NOTICE", "45")
    monkeypatch.setenv("STATEMENTS_URL", "https://env.example.test")
    monkeypatch.setenv("STATEMENTS_PERMALINK", "Link here")
    (tmp_path / "pages").mkdir()
    config = write(tmp_path, "mkdocs.yml", """
        site_name: Env
        site_url: !ENV STATEMENTS_URL
        docs_dir: pages
        theme: material
        plugins:
          - statements:
              notice_days: !ENV STATEMENTS_NOTICE
              committed_only: !ENV [STATEMENTS_UNSET, true]
        markdown_extensions:
          - toc:
              permalink: !ENV STATEMENTS_PERMALINK
    """)
    light = assert_same(config)
    assert statements_options(light).notice_days == 45
    assert statements_options(light).committed_only is True
    assert light.site_url == "https://env.example.test/"
    assert light.mdx_configs["toc"] == {"permalink": "Link here"}


def test_inherit_merges_the_parent_file_as_mkdocs_does(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "shared").mkdir()
    write(tmp_path / "shared", "base.yml", """
        site_name: Base
        docs_dir: ../pages
        theme:
          name: material
          language: en
        plugins:
          - search
          - statements:
              notice_days: 60
        markdown_extensions:
          - admonition
          - toc:
              permalink: true
    """)
    config = write(tmp_path, "mkdocs.yml", """
        INHERIT: shared/base.yml
        site_name: Child
        docs_dir: pages
        markdown_extensions:
          - footnotes
    """)
    light = assert_same(config)
    assert statements_options(light).notice_days == 60
    assert "footnotes" in light.markdown_extensions
    assert light.theme["language"] == "en"


@pytest.mark.parametrize(
    "options",
    [
        "notice_days: soon",
        "material:\n  editorial_distance: x",
        "material: maybe",
        "notify:\n  ledgr: x.jsonl",
        "notice_dayz: 3",
        "notify:\n  channels: 3",
        "enabled: perhaps",
        "effective_pattern: '(unclosed'",
        "languages: [en, xx]",
    ],
)
def test_a_bad_plugin_option_is_the_same_one_line_error(tmp_path, options):
    config = write_project(tmp_path, options)
    full = error_of(load_mkdocs_config, config)
    assert error_of(load_command_config, config) == full
    assert full.startswith(f"{config}:1") and "; " in full  # the line of the option, and a fix


@pytest.mark.parametrize(
    "text",
    [
        "site_name: X\ntheme:\n  name: material\n font: false\n",  # not YAML
        "site_name: X\nnav: [\ntheme:\n  name: material\n",  # an unclosed bracket
        "site_name: X\ndocs_dir: pages\ntheme: material\nmarkdown_extensions:\n  - no_such_extension\nplugins:\n  - statements\n",
        "site_name: X\ndocs_dir: pages\ntheme: material\nsite_url: 3\nplugins:\n  - statements\n",
        "site_name: X\ndocs_dir: pages\ntheme: material\nplugins:\n  - statements: 3\n",
        "site_name: X\ndocs_dir: pages\ntheme: material\nplugins: search\n",
        "site_name: X\ndocs_dir: missing\ntheme: material\nplugins:\n  - statements\n",
        "INHERIT: nowhere.yml\nsite_name: X\n",
        "just text\n",
    ],
)
def test_a_bad_mkdocs_yml_is_the_same_one_line_error(tmp_path, text):
    (tmp_path / "pages").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert error_of(load_command_config, config) == error_of(load_mkdocs_config, config)


@pytest.mark.parametrize("plugins", ["  - search\n", "  - statements:\n      enabled: false\n"])
def test_a_config_without_the_plugin_enabled_is_refused_the_same_way(tmp_path, plugins):
    (tmp_path / "pages").mkdir()
    config = write(tmp_path, "mkdocs.yml", f"site_name: X\ndocs_dir: pages\ntheme: material\nplugins:\n{plugins}")
    light, full = both(config)
    with pytest.raises(ConfigError) as from_full:
        statements_options(full)
    with pytest.raises(ConfigError) as from_light:
        statements_options(light)
    assert str(from_light.value) == str(from_full.value)


def test_the_light_loader_imports_no_plugin_and_no_theme(tmp_path):
    import subprocess
    import sys

    config = write_project(tmp_path)
    script = (
        "import sys\n"
        "from generator.project import load_command_config\n"
        f"load_command_config({str(config)!r})\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    loaded = set(result.stdout.split())
    assert "generator.config" in loaded  # the plugin's options were validated
    for name in ("generator.plugin", "mkdocs.contrib.search", "material.plugins", "mkdocs.config.defaults"):
        assert not any(module == name or module.startswith(name + ".") for module in loaded), name


def test_relative_tags_resolve_against_the_same_folders(tmp_path):
    import os

    (tmp_path / "pages").mkdir()
    config = write(tmp_path, "mkdocs.yml", """
        site_name: Relative
        docs_dir: pages
        theme: material
        plugins:
          - statements
        markdown_extensions:
          - pymdownx.snippets:
              base_path: [!relative $config_dir/snippets, !relative $docs_dir/parts]
    """)
    light, full = both(config)
    light_paths = [os.fspath(p) for p in light.mdx_configs["pymdownx.snippets"]["base_path"]]
    full_paths = [os.fspath(p) for p in full.mdx_configs["pymdownx.snippets"]["base_path"]]
    assert light_paths == full_paths == [str(tmp_path / "snippets"), str(tmp_path / "pages" / "parts")]
