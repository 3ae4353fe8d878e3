"""Every user error is one line ``error: file:line: problem; fix``, in the project's words, exit status 2."""

from __future__ import annotations

import re

import pytest

from tests.conftest import GitRepo, run, statement_text, write_project

PATH = "statements/privacy.md"
ONE_LINE = re.compile(r"^error: [^\s:]+(?::\d+)?: [^\n]+; [^\n]+$")


def one_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert ONE_LINE.match(lines[0]), lines[0]
    assert "/tmp" not in lines[0] and "pytest-of" not in lines[0]  # the path as the user typed it, not absolute
    return lines[0]


@pytest.fixture
def committed(in_repo: GitRepo) -> GitRepo:
    in_repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    return in_repo


# --- statement front-matter --------------------------------------------------------------------


@pytest.mark.parametrize(
    "front, line",
    [
        ("title: Privacy\neffective 2024-01-01\nmaterial: false\n", 3),  # a key without its ':'
        ("title: [Privacy\neffective: 2024-01-01\n", 2),  # an unclosed bracket
        ('title: Privacy\nsummary: "unclosed\nmaterial: false\n', 3),  # an unclosed quote
        ("title: Privacy: Statement\neffective: 2024-01-01\n", 2),
        ("title: Privacy\neffective: 2024-01-01\n  bad: indent\n", 4),
    ],
)
def test_a_yaml_error_in_front_matter_points_at_the_line_to_fix(committed, front, line):
    committed.write(PATH, f"---\n{front}---\n\nText.\n")
    message = one_line(run("validate"))
    assert message.startswith(f"error: {PATH}:{line}: front-matter is not valid YAML")


def test_a_value_that_is_not_true_or_false_is_said_in_plain_words(committed):
    committed.write(PATH, "---\ntitle: Privacy\nmaterial: maybe\neffective: 2024-01-01\n---\n\nText.\n")
    assert one_line(run("validate")) == (
        f"error: {PATH}:3: material: 'maybe' is not true or false; write 'material: true' or 'material: false'"
    )


# --- mkdocs.yml --------------------------------------------------------------------------------


def test_mkdocs_yml_that_is_not_yaml_gives_one_line_with_its_line_and_relative_path(committed):
    (committed.path / "mkdocs.yml").write_text("site_name: X\ntheme:\n  name: material\n font: false\n", encoding="utf-8")
    assert one_line(run("build")).startswith("error: mkdocs.yml:4: not valid YAML (expected <block end>")


def test_an_unclosed_bracket_in_mkdocs_yml_points_at_its_start(committed):
    (committed.path / "mkdocs.yml").write_text("site_name: X\nnav: [\ntheme:\n  name: material\n", encoding="utf-8")
    assert one_line(run("log")).startswith("error: mkdocs.yml:2: not valid YAML")


def test_an_option_of_the_wrong_type_names_the_value_and_what_to_write(committed):
    write_project(committed.path, "notice_days: soon")
    assert one_line(run("build")) == (
        "error: mkdocs.yml:10: notice_days: 'soon' is not a whole number; write a whole number "
        "(see the README's configuration reference)"
    )


def test_a_sub_option_is_named_with_dots_not_mkdocs_wording(committed):
    write_project(committed.path, "material:\n  editorial_distance: x")
    message = one_line(run("build"))
    assert message == (
        "error: mkdocs.yml:11: material.editorial_distance: 'x' is not a whole number; write a whole number "
        "(see the README's configuration reference)"
    )
    assert "Sub-option" not in message and "<class" not in message


def test_a_notification_channel_error_keeps_its_own_fix_and_points_at_the_key(committed):
    write_project(committed.path, """
        notify:
          channels:
            - type: webhook
              url: https://hooks.example.test/
              secret_env: STATEMENTS_WEBHOOK_SECRET
              timeout: soon
    """)
    assert one_line(run("notify", "--dry-run")) == (
        "error: mkdocs.yml:15: notify.channels[0] (webhook 'webhook'): timeout: 'soon' is not a number of seconds; "
        "give a number of seconds greater than 0, e.g. 'timeout: 10'"
    )


def test_notification_channels_that_are_not_a_list_are_one_line_with_a_fix(committed):
    write_project(committed.path, "notify:\n  channels: 3")
    message = one_line(run("build"))
    assert message.startswith("error: mkdocs.yml:11: notify.channels: must be a list of channel mappings")
    assert "Sub-option" not in message


def test_an_unknown_sub_option_is_named_in_full(committed):
    write_project(committed.path, "notify:\n  ledgr: x.jsonl")
    assert one_line(run("log")) == (
        "error: mkdocs.yml:11: unknown option 'notify.ledgr'; remove it or correct its spelling "
        "(see the README's configuration reference)"
    )


def test_a_section_given_a_value_instead_of_options_says_how_to_write_it(committed):
    write_project(committed.path, "material: maybe")
    assert one_line(run("build")) == (
        "error: mkdocs.yml:10: material: must be a mapping of options; "
        "write its options indented below it, one 'key: value' per line"
    )
