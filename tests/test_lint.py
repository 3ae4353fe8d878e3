"""``statement lint``: the command, its formats, its options, and the checks that need git."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from tests.conftest import REPO_ROOT, run, statement_text, write_project

FULL_GDPR = """\
Effective date: March 1, 2026

Harbour & Pike Ltd, 3 Dock Road, Cardiff CF10 5AL, is the controller of your personal data.

## How we use your data

We use your order details to deliver your orders. The legal basis is our contract with you
(Art. 6(1)(b) GDPR). We analyse sales on the basis of our legitimate interest in improving our range.

## Sharing

We pass your address to the courier that delivers your order.

We store all data only within the European Union.

## Retention

We keep order records for six years.

## Your rights

You have the right to access, rectify and erase your personal data, to restrict its processing,
to data portability, and to object to processing based on legitimate interests. Where we rely on
consent, you can withdraw it at any time. You can lodge a complaint with a supervisory authority.

We do not make decisions based solely on automated processing.

## Data protection officer

We are not required to appoint a data protection officer and have not appointed one.

## Changes

We will email you at least 30 days before a material change to this policy takes effect.

## Contact

privacy@harbourpike.example
"""


def lint_json(*args: str) -> tuple[int, dict]:
    result = run("lint", "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def statuses(document: dict) -> dict[str, str]:
    return {c["id"]: c["status"] for c in document["checks"]}


def test_the_bundled_example_passes_every_gdpr_check(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)

    code, document = lint_json("--regime", "gdpr")

    gdpr = {c["id"]: c for c in document["checks"] if c["regime"] == "gdpr"}
    assert len(gdpr) == 17
    assert {i: c["status"] for i, c in gdpr.items() if c["status"] != "pass"} == {}
    assert all(c["evidence"]["section"] or c["evidence"]["excerpt"].startswith("Fernhill") for c in gdpr.values())
    assert code == 0


def test_json_has_the_promised_shape(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)}, date="2026-02-01")

    _, document = lint_json("--regime", "gdpr", "--as-of", "2026-03-01")

    assert set(document) == {"statement", "version", "checks"}
    assert (document["statement"], document["version"]) == ("privacy", "2024-01-01")
    for check in document["checks"]:
        assert set(check) == {"id", "regime", "status", "title", "citation", "evidence", "reason"}
        assert check["status"] in {"pass", "fail", "warn"}
        assert check["evidence"] is None or set(check["evidence"]) == {"section", "excerpt"}


def test_exit_status_is_0_when_every_check_passes(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=FULL_GDPR)}, date="2026-02-01")

    result = run("lint", "--regime", "gdpr", "--as-of", "2026-03-01")

    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("passed")


def test_exit_status_is_1_and_the_failure_says_what_is_missing_and_where_it_comes_from(in_repo):
    body = FULL_GDPR.replace("You can lodge a complaint with a supervisory authority.", "")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=body)}, date="2026-02-01")

    result = run("lint", "--regime", "gdpr", "--as-of", "2026-03-01")

    assert result.exit_code == 1
    assert "✗ gdpr.complaint: Right to lodge a complaint with a supervisory authority [GDPR Art. 13(2)(d)" in result.output
    assert "Not found: the right to complain to a data protection supervisory authority" in result.output


def test_a_passing_check_names_the_section_the_words_and_the_line(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=FULL_GDPR)}, date="2026-02-01")

    result = run("lint", "--regime", "gdpr", "--as-of", "2026-03-01")

    text = (in_repo.path / "statements/privacy.md").read_text().splitlines()
    match = re.search(r"✓ gdpr.retention: .*\n    Retention: “We keep order records for six years.” \(statements/privacy.md:(\d+)\)", result.output)
    assert match, result.output
    assert "six years" in text[int(match.group(1)) - 1]


def test_bad_input_exits_2_with_one_line(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)})

    result = run("lint", "cookies")

    assert result.exit_code == 2
    assert result.output == "error: no statement 'cookies'; choose one of: privacy\n"


def test_an_unknown_check_in_ignore_is_bad_input_naming_the_line(in_repo):
    write_project(in_repo.path, "lint:\n  ignore: [gdpr.dpa]")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)})

    result = run("lint")

    assert result.exit_code == 2
    assert re.fullmatch(r"error: mkdocs\.yml:\d+: lint\.ignore: unknown check 'gdpr\.dpa'; use an id listed in docs/lint\.md, .*\n",
                        result.output), result.output


def test_regimes_and_ignored_checks_come_from_the_plugin_option(in_repo):
    write_project(in_repo.path, "lint:\n  regimes: [caloppa]\n  ignore: [caloppa.do-not-track, general.changes]")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)})

    _, document = lint_json()

    ids = [c["id"] for c in document["checks"]]
    assert {i.split(".")[0] for i in ids} == {"caloppa", "general"}
    assert "caloppa.do-not-track" not in ids and "general.changes" not in ids


def test_the_regime_option_wins_over_the_plugin_option(in_repo):
    write_project(in_repo.path, "lint:\n  regimes: [caloppa]")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)})

    _, document = lint_json("--regime", "ccpa")

    assert {c["regime"] for c in document["checks"]} == {"ccpa", "general"}


def test_a_promise_of_less_notice_than_notice_days_fails(in_repo):
    write_project(in_repo.path, "notice_days: 60")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=FULL_GDPR)})

    _, document = lint_json("--regime", "gdpr")

    changes = next(c for c in document["checks"] if c["id"] == "general.changes")
    assert changes["status"] == "fail"
    assert "promises 30 days' notice" in changes["reason"] and "notice_days of 60" in changes["reason"]
    assert changes["evidence"]["section"] == "Changes"


def test_a_draft_is_linted_with_its_uncommitted_edits(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-03-01", body=FULL_GDPR)}, date="2026-02-01")
    in_repo.write("statements/privacy.md", statement_text(effective="2026-03-01", body=FULL_GDPR.replace("to data portability, ", "")))

    _, document = lint_json("--regime", "gdpr", "--as-of", "2026-03-01")

    assert statuses(document)["gdpr.right-portability"] == "fail"


def test_the_github_format_annotates_the_statement_file(in_repo):
    body = FULL_GDPR.replace("We do not make decisions based solely on automated processing.", "")
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(body=body)})

    result = run("lint", "--regime", "gdpr", "--format", "github")

    lines = result.output.splitlines()
    assert any(line.startswith("::error file=statements/privacy.md,line=1,title=statement lint%3A gdpr.automated-decisions (GDPR Art. 13(2)(f)%2C")
               for line in lines), result.output
    assert lines[-1].startswith("::notice file=statements/privacy.md,title=statement lint::privacy 2024-01-01 (GDPR + general checks): ")
    assert result.exit_code == 1


# --- ccpa.updated-12-months reads the history ---------------------------------------------------


def twelve_months(document: dict) -> dict:
    return next(c for c in document["checks"] if c["id"] == "ccpa.updated-12-months")


def test_a_version_published_within_12_months_passes_the_ccpa_update_check(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-01-15", body=FULL_GDPR)}, date="2026-01-05")

    _, document = lint_json("--regime", "ccpa", "--as-of", "2026-11-30")

    check = twelve_months(document)
    assert check["status"] == "pass"
    assert check["evidence"] == {"section": "History", "excerpt": "version effective 2026-01-15 published on 2026-01-05"}


def test_no_version_or_review_for_more_than_12_months_fails_the_ccpa_update_check(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2024-06-01", body=FULL_GDPR)}, date="2024-05-01")

    _, document = lint_json("--regime", "ccpa", "--as-of", "2026-11-30")

    check = twelve_months(document)
    assert check["status"] == "fail"
    assert "more than 12 months before 2026-11-30" in check["reason"]


def test_a_review_recorded_in_the_front_matter_counts_as_an_update(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2024-06-01", body=FULL_GDPR)}, date="2024-05-01")
    in_repo.write("statements/privacy.md", statement_text(effective="2024-06-01", reviewed="2026-09-01", body=FULL_GDPR))

    _, document = lint_json("--regime", "ccpa", "--as-of", "2026-11-30")

    check = twelve_months(document)
    assert check["status"] == "pass"
    assert check["evidence"]["excerpt"] == "reviewed on 2026-09-01 (front-matter 'reviewed')"


def test_a_later_correction_counts_as_an_update(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2024-06-01", body=FULL_GDPR)}, date="2024-05-01")
    in_repo.commit("Fix a typo", files={"statements/privacy.md": statement_text(effective="2024-06-01", body=FULL_GDPR + "\nThank you.\n")},
                   date="2026-03-02")

    _, document = lint_json("--regime", "ccpa", "--as-of", "2026-11-30")

    check = twelve_months(document)
    assert check["status"] == "pass"
    assert check["evidence"]["excerpt"] == "last committed change on 2026-03-02"


def test_the_effective_date_in_the_text_must_agree_with_the_front_matter(in_repo):
    in_repo.commit("Statement", files={"statements/privacy.md": statement_text(effective="2026-04-01", body=FULL_GDPR)})

    _, document = lint_json("--regime", "gdpr")

    check = next(c for c in document["checks"] if c["id"] == "general.effective-date")
    assert check["status"] == "warn"
    assert "2026-03-01" in check["reason"] and "2026-04-01" in check["reason"]


def test_every_pattern_of_the_catalogue_compiles():
    # The catalogue's patterns are compiled on first use; a broken one must fail here, not in a user's run.
    import re

    from generator.lint.catalogue import CHECKS

    for check in CHECKS:
        patterns = [check.exclude_sections]
        for phrasing in check.phrasings:
            patterns += [*phrasing.text, *phrasing.near, phrasing.sections, phrasing.unless]
        for pattern in patterns:
            if pattern is not None:
                assert isinstance(pattern.compiled(), re.Pattern), (check.id, pattern)
