"""History rules: git commits of a statement file become revisions and versions."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from generator.errors import InputError, ShallowCloneError
from generator.history import HistoryOptions, read_statement
from tests.conftest import statement_text

D = dt.date.fromisoformat
PATH = "statements/privacy.md"


def read(repo, **options):
    warnings: list[str] = []
    statement = read_statement(repo.path / PATH, options=HistoryOptions(**options), warn=warnings.append)
    return statement, warnings


def test_each_effective_date_is_one_version_oldest_first(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01")}, date="2024-05-01")
    statement, _ = read(repo)
    assert [v.key for v in statement.versions] == ["2024-01-01", "2024-06-01"]


def test_revisions_with_the_same_effective_date_form_one_version_with_the_last_text(repo):
    repo.commit(files={PATH: statement_text(body="First draft.\n")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(body="Final text.\n")}, date="2023-12-01")
    statement, _ = read(repo)
    (version,) = statement.versions
    assert len(version.revisions) == 2
    assert version.body.strip() == "Final text."


def test_published_defaults_to_the_first_commit_that_carried_the_effective_date(repo):
    repo.commit(files={PATH: statement_text(body="One.\n")}, date="2023-12-03")
    repo.commit(files={PATH: statement_text(body="Two.\n")}, date="2023-12-09")
    statement, _ = read(repo)
    assert statement.versions[0].published == D("2023-12-03")


def test_published_in_front_matter_wins_over_the_commit_date(repo):
    repo.commit(files={PATH: statement_text(published="2023-11-15")}, date="2023-11-01")
    statement, _ = read(repo)
    assert statement.versions[0].published == D("2023-11-15")


def test_a_revision_committed_after_publication_is_a_correction(repo):
    repo.commit(files={PATH: statement_text(body="We colect data.\n")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(body="We collect data.\n")}, date="2024-02-10")
    statement, _ = read(repo)
    version = statement.versions[0]
    assert [r.commit for r in version.corrections] == [repo.commits[1]]
    assert "colect" in version.published_text
    assert version.last_updated == D("2024-02-10")


def test_revisions_before_an_explicit_publication_date_are_not_corrections(repo):
    repo.commit(files={PATH: statement_text(published="2023-12-20", body="Draft.\n")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(published="2023-12-20", body="Final.\n")}, date="2023-12-10")
    statement, _ = read(repo)
    assert statement.versions[0].corrections == ()


def test_uncommitted_edits_are_a_draft_revision(repo):
    repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    repo.write(PATH, statement_text(effective="2024-09-01", body="Coming soon.\n"))
    statement, _ = read(repo)
    assert statement.versions[-1].key == "2024-09-01"
    assert statement.versions[-1].is_draft


def test_committed_only_leaves_the_draft_out(repo):
    repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    repo.write(PATH, statement_text(effective="2024-09-01"))
    statement, _ = read(repo, include_working_tree=False)
    assert [v.key for v in statement.versions] == ["2024-01-01"]
    assert not statement.versions[-1].is_draft


def test_renamed_files_are_followed(repo):
    repo.commit(files={"policies/privacy-policy.md": statement_text(effective="2023-01-01")}, date="2022-12-01")
    repo.git("mv", "policies/privacy-policy.md", "placeholder.md")
    (repo.path / "statements").mkdir()
    repo.git("mv", "placeholder.md", PATH)
    repo.commit("Move", date="2023-05-01")
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    statement, _ = read(repo)
    assert [v.key for v in statement.versions] == ["2023-01-01", "2024-01-01"]
    assert statement.versions[0].revisions[0].path == "policies/privacy-policy.md"


def test_unknown_front_matter_keys_are_kept_and_ignored(repo):
    text = "---\ntitle: Terms\neffective: 2024-01-01\nredirect_from:\n  - /tos/\nversions:\n  fpt: '*'\n---\n\nText.\n"
    repo.commit(files={PATH: text}, date="2023-12-01")
    statement, warnings = read(repo)
    assert statement.versions[0].extra["redirect_from"] == ["/tos/"]
    assert warnings == []


def test_effective_date_falls_back_to_a_body_line(repo):
    text = "---\ntitle: Terms\n---\n\nEffective date: February 1, 2024\n\nText.\n"
    repo.commit(files={PATH: text}, date="2023-12-01")
    statement, warnings = read(repo)
    assert statement.versions[0].effective == D("2024-02-01")
    assert statement.versions[0].revisions[0].effective_source == "body"
    assert warnings == []


def test_the_body_date_pattern_is_configurable(repo):
    text = "---\ntitle: Terms\n---\n\nIn force from 3 March 2024.\n"
    repo.commit(files={PATH: text}, date="2023-12-01")
    statement, _ = read(repo, effective_pattern=r"In force from (?P<date>[^.]+)\.")
    assert statement.versions[0].effective == D("2024-03-03")


def test_effective_date_falls_back_to_the_commit_date_with_a_warning(repo):
    repo.commit(files={PATH: "---\ntitle: Terms\n---\n\nNo date here.\n"}, date="2023-12-07")
    statement, warnings = read(repo)
    assert statement.versions[0].effective == D("2023-12-07")
    assert any("no effective date" in w for w in warnings)


def test_a_blank_effective_date_falls_back_like_a_missing_one(repo):
    repo.commit(files={PATH: "---\ntitle: Terms\neffective:\n---\n\nEffective date: May 2, 2024\n"}, date="2024-04-01")
    statement, _ = read(repo)
    assert statement.versions[0].effective == D("2024-05-02")


def test_an_effective_date_that_goes_backwards_warns_and_carries_on(repo):
    repo.commit(files={PATH: statement_text(effective="2024-06-01")}, date="2024-05-01")
    repo.commit(files={PATH: statement_text(effective="2024-03-01")}, date="2024-05-02")
    statement, warnings = read(repo)
    assert [v.key for v in statement.versions] == ["2024-03-01", "2024-06-01"]
    assert any("earlier than" in w for w in warnings)


def test_returning_to_an_earlier_effective_date_is_a_change_to_that_version(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body="A.\n")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01", body="B.\n")}, date="2024-05-01")
    repo.commit(files={PATH: statement_text(effective="2024-01-01", body="C.\n")}, date="2024-05-02")
    statement, warnings = read(repo)
    assert len(statement.versions[0].revisions) == 2
    assert any("went back" in w for w in warnings)


def test_a_file_missing_its_front_matter_for_a_while_warns_and_carries_on(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    repo.commit(files={PATH: "Just text, front-matter lost.\n"}, date="2024-02-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01")}, date="2024-05-01")
    statement, warnings = read(repo)
    assert [v.key for v in statement.versions] == ["2024-01-01", "2024-02-01", "2024-06-01"]
    assert any("no usable front-matter" in w for w in warnings)


def test_malformed_front_matter_in_an_old_commit_warns_and_carries_on(repo):
    repo.commit(files={PATH: "---\ntitle: [unclosed\n---\n\nText.\n"}, date="2023-11-01")
    repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    statement, warnings = read(repo)
    assert statement.versions[-1].key == "2024-01-01"
    assert warnings


def test_a_binary_blob_in_history_is_skipped_with_a_warning(repo):
    repo.commit(files={PATH: b"\x00\x01binary"}, date="2023-11-01")
    repo.commit(files={PATH: statement_text()}, date="2023-12-01")
    statement, warnings = read(repo)
    assert len(statement.versions) == 1
    assert any("binary" in w for w in warnings)


def test_outside_a_git_repository_the_working_tree_is_one_version_with_a_warning(tmp_path):
    (tmp_path / "statements").mkdir()
    (tmp_path / PATH).write_text(statement_text(), encoding="utf-8")
    warnings: list[str] = []
    statement = read_statement(tmp_path / PATH, warn=warnings.append)
    assert [v.key for v in statement.versions] == ["2024-01-01"]
    assert any("not in a git repository" in w for w in warnings)


def test_a_shallow_clone_is_refused_with_how_to_fetch_history(repo, tmp_path):
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01")}, date="2024-05-01")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)], check=True)
    with pytest.raises(ShallowCloneError, match="fetch-depth: 0"):
        read_statement(clone / PATH)


def test_a_repository_git_refuses_to_read_is_one_line_with_gits_own_fix(repo, monkeypatch):
    import os

    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("making a repository another user's needs root")
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)  # no safe.directory of the machine's
    for folder, _, files in os.walk(repo.path):
        for name in [folder, *(os.path.join(folder, f) for f in files)]:
            os.chown(name, 65534, 65534)
    with pytest.raises(InputError) as refused:
        read_statement(repo.path / PATH)
    message = str(refused.value)
    assert "\n" not in message
    assert "git cannot read the repository: detected dubious ownership" in message
    assert message.endswith(f"; git config --global --add safe.directory {repo.path}")


def test_a_file_in_a_bare_repositorys_folder_is_built_as_the_working_tree_with_a_warning(tmp_path):
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    (bare / "statements").mkdir()
    (bare / PATH).write_text(statement_text(), encoding="utf-8")
    warnings: list[str] = []
    statement = read_statement(bare / PATH, warn=warnings.append)
    assert [v.key for v in statement.versions] == ["2024-01-01"]
    assert any("not in a git repository" in w for w in warnings)


def test_history_is_read_with_three_git_commands_whatever_its_length(repo, monkeypatch):
    for month in range(1, 7):
        repo.commit(files={PATH: statement_text(effective=f"2024-{month:02d}-01")}, date=f"2024-{month:02d}-01")
    from generator import history

    commands: list[str] = []
    real = history._git
    monkeypatch.setattr(history, "_git", lambda args, *rest, **kw: (commands.append(args[0]), real(args, *rest, **kw))[1])
    statement, _ = read(repo)
    assert len(statement.versions) == 6
    assert commands == ["rev-parse", "log", "cat-file"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("privacy.md", "---\ntitle: [unclosed\n---\n", r"privacy\.md:2: front-matter is not valid YAML"),
        ("privacy.md", "---\neffective: 2024-01-01\n---\n\nText\n", r"privacy\.md:1: title: missing; add a line"),
        ("privacy.md", "---\ntitle: T\neffective: next week\n---\n", r"privacy\.md:3: effective: 'next week' is not a date; write the date as YYYY-MM-DD"),
        ("privacy.md", "---\ntitle: T\neffective: 2024-02-30\n---\n", r"privacy\.md:3: effective: .* is not a date"),
        ("privacy.md", b"---\ntitle: caf\xe9\n---\n", r"privacy\.md:2: is not valid UTF-8 .*; save the file with UTF-8"),
        ("privacy.md", b"\x89PNG\r\n\x1a\n\x00\x00", r"privacy\.md:1: is a binary file"),
        ("privacy.md", "", r"privacy\.md:1: is empty"),
        ("privacy.md", "No front-matter at all.\n", r"privacy\.md:1: no front-matter; start the file with '---'"),
        ("privacy.md", "---\ntitle: T\nmaterial: true\n---\n", r"privacy\.md:3: material: true needs a summary"),
        ("Privacy Policy.md", statement_text(), r"'Privacy Policy\.md' cannot be a statement id"),
        ("..md", statement_text(), r"cannot be a statement id"),
    ],
)
def test_bad_input_in_the_working_tree_is_one_line_naming_file_line_and_fix(repo, name, content, expected):
    path = f"statements/{name}"
    repo.write(path, content)
    with pytest.raises(InputError, match=expected) as info:
        read_statement(repo.path / path)
    assert "\n" not in str(info.value)
