"""``statement check``: the gate that keeps a material change from being published by accident.

It compares the statements of a *head* (the working tree, or ``--head REF``) with those of a *base*
(``--base REF``; by default the merge base of HEAD with the default branch) and applies the policy
to every version the head adds or changes:

``undeclared-material``
    a new version whose verdict is ``material`` must say ``material: true`` — or give a person's
    reason in ``review:`` why it is not;
``summary`` and ``notice``
    a version declared ``material: true`` needs a ``summary`` and an ``effective`` date at least
    ``notice_days`` after its publication (today, ``--as-of``, or a later ``published`` date);
``effective-order``
    a new version takes effect after every version already on the base;
``silent-change``
    an edit to a version that is already published (a correction) may be ``formatting`` or
    ``editorial`` only;
``statement-removed``
    a statement file on the base may not disappear;
``lint``
    with ``lint: {gate: true}``, a lint check (``statement lint``) that the base passed may not fail
    on the head. Lint checks that changed status are listed in every report, gate or not.
``translation-missing``
    on a site of several ``languages``, a material version under review needs its translation into
    every *required* language (``translations: {de: required, fr: optional}``; required unless
    named optional) by its publication date: a translation of a material version is material too;
``translation-stale``
    a correction of the original leaves a required translation made before it stale: correct the
    translation in the same change. Optional languages are reported, never a problem.

Exit status: 0 when the policy holds, 1 when it is violated, 2 for bad input or usage.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import click

from .commands import guard, language_option, parse_date
from .errors import ConfigError, InputError, ShallowCloneError
from .material import Classification, Finding, classify_diff
from .escape import markdown_text, no_mentions, plain, terminal_text
from .material.report import finding_markdown_lines, finding_text_lines
from .i18n import DEFAULT as DEFAULT_LANGUAGE, N_, N_plural
from .policy import PolicyChange
from . import i18n, json_text
from .report_language import Phrase, Word, default_language, say, say_plural, word

__all__ = ["Problem", "Review", "Report", "run_check", "default_base", "check", "POLICY_RULES"]

#: The policy's rules, by the name used in reports.
POLICY_RULES: dict[str, str] = {
    "undeclared-material": "a material change not declared with 'material: true' (and no 'review:' reason)",
    "summary": "a material version without a summary",
    "notice": "a material version that takes effect too soon after publication",
    "effective-order": "a new version that does not take effect after every version on the base",
    "silent-change": "a change to a published version that is more than editorial",
    "statement-removed": "a statement file that exists on the base was deleted",
    "policy-change": "a change to the policy the check applies (mkdocs.yml), which a person must approve",
    "lint": "with 'lint: {gate: true}': a lint check the base passed fails on the head",
    "translation-missing": "a material version without its translation into a required language by its publication date",
    "translation-stale": "a correction of the original that leaves a required translation made before it",
}

_DEFAULT_BRANCHES = ("origin/HEAD", "main", "master", "origin/main", "origin/master")


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One policy violation, with where to fix it."""

    rule: str
    statement: str
    version: str | None
    path: str
    line: int | None
    message: str
    findings: tuple[Finding, ...] = ()
    #: the message as a catalogue phrase, for a report in another language (``message`` is its English)
    phrase: Phrase | None = field(default=None, compare=False, repr=False)

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The message in ``language``."""
        return self.phrase.render(language) if self.phrase is not None else self.message

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "rule": self.rule, "statement": self.statement, "version": self.version, "path": self.path,
            "line": self.line, "message": self.message, "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Review:
    """One version the head adds or changes, with its verdict and the problems found."""

    statement: str
    path: str
    effective: str
    #: "new" (not on the base), "update" (on the base, not yet published), "correction" (published)
    change: str
    #: effective date of the version it was compared with (None for a statement's first version)
    compared_with: str | None
    declared_material: bool
    review: str | None
    summary: str | None
    classification: Classification | None
    problems: tuple[Problem, ...] = ()
    diff: Any = field(default=None, compare=False, repr=False)
    #: on a site of several languages: language -> {"status": translated|missing|stale, "requirement": required|optional}
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        """The detector's verdict, or ``first version`` when there is nothing to compare with."""
        return self.classification.verdict if self.classification else "first version"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (``translations`` only on a site of several languages)."""
        data = {
            "statement": self.statement, "path": self.path, "effective": self.effective, "change": self.change,
            "compared_with": self.compared_with, "declared_material": self.declared_material,
            "review": self.review, "summary": self.summary,
            "classification": self.classification.to_dict() if self.classification else None,
            "problems": [p.to_dict() for p in self.problems],
        }
        if self.translations:
            data["translations"] = {language: dict(entry) for language, entry in self.translations.items()}
        return data

    def translations_line(self, words: str = DEFAULT_LANGUAGE) -> str:
        """``de translated, fr missing (optional)``: how each translation keeps up with this version (in ``words``)."""
        optional = " " + i18n.gettext("(optional)", words)
        return ", ".join(
            f"{language} {word(entry['status'], words)}" + (optional if entry["requirement"] == "optional" else "")
            for language, entry in self.translations.items()
        )


@dataclass(frozen=True)
class Report:
    """The outcome of a check."""

    base: str
    base_commit: str
    head: str
    as_of: dt.date
    notice_days: int
    reviews: tuple[Review, ...]
    problems: tuple[Problem, ...]
    #: where the policy came from ("mkdocs.yml at the base (1a2b3c4)"), and what a change to it does
    policy_source: str = ""
    policy_mode: str = "fail"
    #: policy values the head changes (each one a ``policy-change`` problem when the mode is ``fail``)
    policy_changes: tuple[PolicyChange, ...] = ()
    config_path: str = "mkdocs.yml"
    #: the site's default language: the report's when ``--language`` is not given
    language: str = DEFAULT_LANGUAGE
    #: lint checks whose status differs between the base's newest version and the head's
    lint: tuple[Any, ...] = ()
    #: whether ``lint: {gate: true}`` made lint regressions problems
    lint_gate: bool = False

    @property
    def passed(self) -> bool:
        """True when no policy rule is violated."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "passed": self.passed, "base": self.base, "base_commit": self.base_commit, "head": self.head,
            "as_of": self.as_of.isoformat(), "notice_days": self.notice_days,
            "policy": {
                "source": self.policy_source, "policy_changes": self.policy_mode,
                "changes": [c.to_dict() for c in self.policy_changes],
            },
            "reviews": [r.to_dict() for r in self.reviews], "problems": [p.to_dict() for p in self.problems],
            "lint": [c.to_dict() for c in self.lint], "lint_gate": self.lint_gate,
        }


# --- git -------------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str | None:
    """Output of a git command, or None when it fails."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _commit(cwd: Path, ref: str) -> str | None:
    return _git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")


def default_base(cwd: Path) -> tuple[str, str]:
    """``(label, commit)`` of the merge base of HEAD with the default branch (origin/HEAD, else main or master)."""
    if _commit(cwd, "HEAD") is None:
        raise InputError(
            "no commit to compare with: HEAD does not exist (is this a git repository with at least one commit?)",
            fix="commit the statements first, or pass --base REF",
        )
    shallow = _git(cwd, "rev-parse", "--is-shallow-repository") == "true"
    for ref in _DEFAULT_BRANCHES:
        if _commit(cwd, ref) is None:
            continue
        merge_base = _git(cwd, "merge-base", "HEAD", ref)
        if merge_base:
            return f"merge base of HEAD and {ref}", merge_base
        if shallow:
            break
    if shallow:
        raise ShallowCloneError(
            "the repository is a shallow clone, so the merge base with the default branch cannot be found",
            fix="run 'git fetch --unshallow' (in GitHub Actions: actions/checkout with 'fetch-depth: 0')",
        )
    raise InputError(
        "cannot find the default branch to compare with: none of origin/HEAD, main, master, origin/main or "
        "origin/master exists or shares history with HEAD",
        fix="pass --base REF (e.g. --base origin/main), or fetch the default branch",
    )


def _files_at(cwd: Path, commit: str, folder: str) -> list[str]:
    """Names of the ``*.md`` files directly inside ``folder`` at ``commit``."""
    out = _git(cwd, "ls-tree", "--name-only", commit, "--", folder.rstrip("/") + "/")
    names = [Path(line).name for line in (out or "").splitlines()]
    return sorted(n for n in names if n.endswith(".md"))


# --- the check -------------------------------------------------------------------------------


def _key_line(text: str, key: str) -> int | None:
    """1-based line of a top-level front-matter key in a statement file's text."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return None
        if pattern.match(line):
            return number
    return None


def _line_of(text: str, needle: str | None) -> int | None:
    """1-based line where an excerpt of a finding starts, matched on its first words."""
    if not needle:
        return None
    words = re.findall(r"\w+", needle.lstrip("…"))[:6]
    if not words:
        return None
    pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.I)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


class _Checker:
    def __init__(self, *, root: Path, top: Path, options: Any, policy: Any, as_of: dt.date) -> None:
        self.root = root
        self.top = top
        self.options = options
        self.as_of = as_of
        self.notice_days = int(options.notice_days)
        # The base's extensions, as MkDocs would pass them to Python-Markdown for the build.
        self.md = {"extensions": list(policy.extensions), "extension_configs": dict(policy.extension_configs)}

    def rel(self, statement_id: str) -> str:
        path = (self.root / self.options.statements_dir / f"{statement_id}.md").resolve()
        try:
            return path.relative_to(self.top).as_posix()
        except ValueError:
            return path.as_posix()

    def compare(self, old_body: str, new_body: str) -> tuple[Any, Classification]:
        from . import diff as engine

        result = engine.diff_markdown(old_body, new_body, **self.md)
        return result, classify_diff(result, options=self.options, bodies=(old_body, new_body))

    def statement(self, head: Any, base: Any | None) -> list[Review]:
        path = self.rel(head.id)
        base_versions = {v.key: v for v in base.versions} if base else {}
        latest_base = max((v.effective for v in base.versions), default=None) if base else None
        reviews = []
        for version in head.versions:
            before = base_versions.get(version.key)
            if before is not None and before.text == version.text:
                continue
            if before is not None and before.published <= self.as_of:
                reviews.append(self.correction(head, version, before, path, latest_base))
            else:
                reviews.append(self.new_version(head, version, path, latest_base, "update" if before else "new"))
        return reviews

    def correction(self, statement: Any, version: Any, before: Any, path: str, latest_base: dt.date | None) -> Review:
        diff, classification = self.compare(before.body, version.body)
        problems = []
        if classification.at_least("substantive"):
            # The new version's date must pass the order rule, and the notice rule if it is material.
            suggested = max(latest_base or version.effective, version.effective) + dt.timedelta(days=1)
            if classification.is_material:
                suggested = max(suggested, self.as_of + dt.timedelta(days=self.notice_days))
            line = next((_line_of(version.text, f.new or f.old) for f in classification.findings if f.new or f.old), None)
            message = (
                N_("the version effective %(key)s is already published (since %(published)s), and this edit is "
                   "%(verdict)s, not a correction: a silent change to a published version; publish the change as a "
                   "new version: set 'effective: %(suggested)s' or later with 'material: true' and a summary")
                if classification.is_material else
                N_("the version effective %(key)s is already published (since %(published)s), and this edit is "
                   "%(verdict)s, not a correction: a silent change to a published version; publish the change as a "
                   "new version: set 'effective: %(suggested)s' or later")
            )
            phrase = say(message, key=version.key, published=version.published, verdict=Word(classification.verdict), suggested=suggested)
            problems.append(Problem(
                "silent-change", statement.id, version.key, path, line or _key_line(version.text, "effective"),
                phrase.english(), classification.findings, phrase,
            ))
        return Review(
            statement.id, path, version.key, "correction", before.key, version.material, version.review, version.summary,
            classification, tuple(problems), diff,
        )

    def new_version(self, statement: Any, version: Any, path: str, latest_base: dt.date | None, change: str) -> Review:
        previous = statement.previous(version)
        diff = classification = None
        if previous is not None:
            diff, classification = self.compare(previous.body, version.body)
        text = version.text
        problems: list[Problem] = []

        def problem(rule: str, key: str, phrase: Phrase, findings: Iterable[Finding] = ()) -> None:
            line = _key_line(text, key) or _key_line(text, "title") or 1
            problems.append(Problem(rule, statement.id, version.key, path, line, phrase.english(), tuple(findings), phrase))

        if classification is not None and classification.is_material and not version.material and not version.review:
            findings = [f for f in classification.findings if f.severity == "material"]
            problem(
                "undeclared-material", "material",
                say_plural(*N_plural(
                    "the version effective %(key)s changes the statement materially (%(num)d finding) but does not say "
                    "'material: true'; declare it with 'material: true' and a summary, or give a person's reason in "
                    "'review:' why it is not material",
                    "the version effective %(key)s changes the statement materially (%(num)d findings) but does not say "
                    "'material: true'; declare it with 'material: true' and a summary, or give a person's reason in "
                    "'review:' why it is not material",
                ), len(findings), key=version.key),
                findings,
            )
        if version.material:
            if not version.summary:
                problem("summary", "material", say(N_(
                    "the version effective %(key)s is declared material but has no summary; add 'summary: …' for "
                    "readers and notifications"), key=version.key))
        # One suggested date that satisfies every date rule at once (notice and order), so that
        # following one message never trips another.
        declared = next((r.meta.published for r in reversed(version.revisions) if r.meta and r.meta.published), None)
        published = max(self.as_of, declared) if declared else self.as_of  # publication is the merge, today at the earliest
        suggested = latest_base + dt.timedelta(days=1) if latest_base is not None else None
        if version.material:
            earliest = published + dt.timedelta(days=self.notice_days)
            suggested = max(earliest, suggested) if suggested else earliest
            if version.effective < earliest:
                gap = (version.effective - published).days
                timing = (
                    say_plural(*N_plural("only %(num)d day after it is published on %(published)s",
                                         "only %(num)d days after it is published on %(published)s"), gap, published=published)
                    if gap > 0 else say(N_("on the day it is published (%(published)s)"), published=published) if gap == 0
                    else say_plural(*N_plural("%(num)d day before it is published on %(published)s",
                                              "%(num)d days before it is published on %(published)s"), -gap, published=published)
                )
                problem(
                    "notice", "effective",
                    say_plural(*N_plural(
                        "the material version takes effect on %(key)s, %(timing)s; readers get at least %(num)d days' "
                        "notice, so set 'effective: %(suggested)s' or later",
                        "the material version takes effect on %(key)s, %(timing)s; readers get at least %(num)d days' "
                        "notice, so set 'effective: %(suggested)s' or later",
                    ), self.notice_days, key=version.key, timing=timing, suggested=suggested),
                )
        if latest_base is not None and version.effective <= latest_base:
            problem(
                "effective-order", "effective",
                say(N_("the new version's effective date %(key)s is not later than %(latest)s, the latest published "
                       "version's; set 'effective: %(suggested)s' or later"), key=version.key, latest=latest_base, suggested=suggested),
            )
        return Review(
            statement.id, path, version.key, change, previous.key if previous else None, version.material,
            version.review, version.summary, classification, tuple(problems), diff,
        )


    def translations(self, review: Review, statement: Any, translations: Any, languages: Any) -> Review:
        """The review with each translation's status, and a problem for each required one that falls behind.

        The detector judges the original only; a translation of a material version is material too,
        so it is due when the original is published (the merge, or a later declared ``published``).
        """
        import dataclasses

        from .config import translation_requirement

        version = statement.version(review.effective)
        if version is None:
            return review
        if review.change == "correction":
            published = version.published
        else:
            declared = next((r.meta.published for r in reversed(version.revisions) if r.meta and r.meta.published), None)
            published = max(self.as_of, declared) if declared else self.as_of
        statuses: dict[str, dict[str, str]] = {}
        problems = list(review.problems)
        for language in languages.others:
            translation = translations.get(language) if translations is not None else None
            status = translation.status(version.effective) if translation is not None else "missing"
            requirement = translation_requirement(self.options, language)
            statuses[language] = {"status": status, "requirement": requirement}
            if requirement != "required":
                continue
            path = (translation.path if translation is not None and translation.path else None) or _translation_path(review.path, language)
            if status == "missing" and version.material and published <= self.as_of:
                phrase = say(N_(
                    "the material version effective %(key)s is published on %(published)s without its translation into "
                    "'%(language)s', which readers in that language are owed with the same notice; add %(path)s with "
                    "'effective: %(key)s' in this change, or make it optional with 'translations: {%(language)s: optional}'"),
                    key=version.key, published=published, language=language, path=path)
                problems.append(Problem(
                    "translation-missing", statement.id, version.key, review.path,
                    _key_line(version.text, "effective") or 1, phrase.english(), (), phrase,
                ))
            elif status == "stale":
                paired = translation.version(version.effective) if translation is not None else None
                text = paired.text.text if paired is not None and paired.text is not None else ""
                corrected = version.corrections[-1].committed.date() if version.corrections else self.as_of
                phrase = say(N_(
                    "the translation into '%(language)s' of the version effective %(key)s was made before the original was "
                    "corrected on %(corrected)s, so it no longer says what the original says; correct %(path)s in the same "
                    "change, or make it optional with 'translations: {%(language)s: optional}'"),
                    language=language, key=version.key, corrected=corrected, path=path)
                problems.append(Problem(
                    "translation-stale", statement.id, version.key, path, _key_line(text, "effective") or 1,
                    phrase.english(), (), phrase,
                ))
        return dataclasses.replace(review, problems=tuple(problems), translations=statuses)


def _translation_path(original: str, language: str) -> str:
    """``statements/privacy.de.md`` for ``statements/privacy.md``."""
    return original[:-3] + f".{language}.md" if original.endswith(".md") else f"{original}.{language}"


def _read(root: Path, top: Path, options: Any, *, ref: str | None, names: list[str] | None, warn: Callable[[str], None]) -> dict[str, Any]:
    """Statements by id: at a commit (``ref``) or, with ``ref=None``, HEAD's history plus the working tree.

    Translations (``privacy.de.md``) are not statements: :func:`_read_translations` reads them.
    """
    from .history import read_statement, translation_of
    from .project import history_options

    folder = root / options.statements_dir
    if ref is None:
        files = sorted(p for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []
        history = history_options(root, options, include_working_tree=True, ref="HEAD")
    else:
        files = [folder / name for name in (names or [])]
        history = history_options(root, options, include_working_tree=False, ref=ref)
    files = [path for path in files if translation_of(path) is None]
    statements = {}
    for path in files:
        statement = read_statement(path, options=history, warn=warn)
        statements[statement.id] = statement
    return statements


def _site_languages(options: Any) -> Any:
    """The languages the base's policy names (``languages``), default first; None for one language."""
    from .translations import SiteLanguages

    codes = list(getattr(options, "languages", None) or [])
    return SiteLanguages(codes[0], tuple(codes[1:])) if len(codes) > 1 else None


def _read_translations(
    root: Path, options: Any, statements: dict[str, Any], languages: Any, *, ref: str | None, names: list[str] | None,
    warn: Callable[[str], None],
) -> dict[str, Any]:
    """Each statement's translations (``StatementTranslations``) by id, at ``ref`` or in the working tree."""
    from .history import translation_of
    from .project import history_options
    from .translations import read_translations

    folder = root / options.statements_dir
    if ref is None:
        history = history_options(root, options, include_working_tree=True, ref="HEAD")
        files = None  # the folder's translation files
    else:
        history = history_options(root, options, include_working_tree=False, ref=ref)
        files = {found: folder / name for name in (names or []) if (found := translation_of(name)) is not None}
    read = read_translations(folder, statements.values(), languages, options=history, warn=warn, files=files)
    return {entry.statement.id: entry for entry in read}


def run_check(
    config_file: str | Path = "mkdocs.yml", *, base: str | None = None, head: str | None = None,
    as_of: dt.date | None = None, statements: Iterable[str] = (), warn: Callable[[str], None] | None = None,
) -> Report:
    """Check the statements of ``head`` (default: the working tree) against ``base`` (default: the merge base).

    The policy is the base's: its mkdocs.yml is read from git as data, and the head's mkdocs.yml is
    only compared with it (see :mod:`generator.policy`). Neither file is loaded through MkDocs, so
    nothing a pull request names in it (hooks, plugins, YAML tags) runs.
    """
    from .policy import default_policy, policy_changes, read_policy

    warn = warn or (lambda message: None)
    config_path = Path(config_file)
    if not config_path.is_file():
        raise ConfigError("configuration file not found", path=config_path, fix="run in the folder with mkdocs.yml or pass --config-file")
    root = config_path.resolve().parent
    top_text = _git(root, "rev-parse", "--show-toplevel")
    if not top_text:
        raise InputError("is not in a git repository, so there is no published history to check against", path=config_file, fix="run 'git init' and commit the statements")
    top = Path(top_text).resolve()
    try:
        config_rel = config_path.resolve().relative_to(top).as_posix()
    except ValueError:
        raise InputError(
            f"is outside the git repository {top}, so its policy at the base cannot be read", path=config_file,
            fix="keep mkdocs.yml in the repository and pass its path with --config-file",
        ) from None
    if base is None:
        base_label, base_commit = default_base(root)
    else:
        found = _commit(root, base)
        if found is None:
            raise InputError(f"--base {base!r} is not a commit in this repository", fix="name a branch, tag or commit, e.g. --base origin/main (in CI, fetch it first)")
        base_label, base_commit = base, found
    head_commit = None
    if head is not None:
        head_commit = _commit(root, head)
        if head_commit is None:
            raise InputError(f"--head {head!r} is not a commit in this repository", fix="name a branch, tag or commit, or leave --head out to check the working tree")
    head_policy = read_policy(top, config_rel, commit=head_commit, trusted=False, label=head or "the working tree")
    base_policy = read_policy(top, config_rel, commit=base_commit, trusted=True, label=f"the base ({base_commit[:7]})")
    if base_policy is None:
        if head_policy is None:
            raise ConfigError("the statements plugin is not enabled", path=config_file, fix="add '- statements' under 'plugins:' in mkdocs.yml")
        base_policy = default_policy(f"the plugin's defaults ({config_rel} at the base does not enable it)")
    options = base_policy.options
    changes = policy_changes(base_policy, head_policy)
    folder = (root / options.statements_dir).resolve()
    try:
        relfolder = folder.relative_to(top).as_posix()
    except ValueError:
        relfolder = options.statements_dir
    as_of = as_of or options.as_of or dt.date.today()
    base_statements = _read(root, top, options, ref=base_commit, names=_files_at(root, base_commit, relfolder), warn=lambda m: None)
    if head_commit is None:
        head_statements = _read(root, top, options, ref=None, names=None, warn=warn)
    else:
        head_statements = _read(root, top, options, ref=head_commit, names=_files_at(root, head_commit, relfolder), warn=warn)
    wanted = set(statements)
    for name in wanted - set(head_statements) - set(base_statements):
        raise InputError(f"no statement '{name}'", fix="choose one of: " + ", ".join(sorted(head_statements)))

    languages = _site_languages(options)
    head_translations: dict[str, Any] = {}
    if languages is not None:
        head_names = None if head_commit is None else _files_at(root, head_commit, relfolder)
        head_translations = _read_translations(root, options, head_statements, languages, ref=head_commit, names=head_names, warn=warn)

    checker = _Checker(root=root, top=top, options=options, policy=base_policy, as_of=as_of)
    reviews: list[Review] = []
    problems: list[Problem] = []
    if base_policy.mode == "fail":
        for change in changes:
            phrase = say(N_(
                "the change sets the policy it is checked by: %(change)s; the check applies the base's policy "
                "(%(source)s), and a person must approve a policy change: merge it on its own past this check, or set "
                "'policy_changes: report' on the base to review policy changes in the pull request"),
                change=change.describe(), source=base_policy.source)
            problems.append(Problem("policy-change", "", None, config_rel, change.line, phrase.english(), (), phrase))
    for statement_id in sorted(set(head_statements) | set(base_statements)):
        if wanted and statement_id not in wanted:
            continue
        head_statement = head_statements.get(statement_id)
        if head_statement is None:
            phrase = say(N_(
                "the statement '%(id)s' exists on the base but was deleted, so its published versions would disappear "
                "from the site; restore the file (publish a new version to change its text)"), id=statement_id)
            problems.append(Problem("statement-removed", statement_id, None, checker.rel(statement_id), None, phrase.english(), (), phrase))
            continue
        for review in checker.statement(head_statement, base_statements.get(statement_id)):
            if languages is not None:
                review = checker.translations(review, head_statement, head_translations.get(statement_id), languages)
            reviews.append(review)
            problems.extend(review.problems)
    lint, gate = _lint(checker, base_statements, head_statements, {r.statement for r in reviews}, problems)
    return Report(
        base=base_label, base_commit=base_commit, head=head or "working tree", as_of=as_of,
        notice_days=checker.notice_days, reviews=tuple(reviews), problems=tuple(problems),
        policy_source=base_policy.source, policy_mode=base_policy.mode, policy_changes=changes,
        config_path=config_rel, lint=lint, lint_gate=gate,
        language=default_language(options, base_policy.text),
    )


def _lint(checker: _Checker, base: dict[str, Any], head: dict[str, Any], touched: set[str], problems: list[Problem]) -> tuple[tuple[Any, ...], bool]:
    """Lint checks that changed status in the statements under review; with the base's gate on, regressions are problems."""
    options = getattr(checker.options, "lint", None)
    if options is None or not touched:
        return (), False
    from .lint.gate import lint_changes, regressions

    changes = tuple(lint_changes(base, head, touched, options=checker.options, markdown=checker.md, as_of=checker.as_of))
    if options.gate:
        for change in regressions(changes):
            phrase = say(N_(
                "the lint check %(check)s (%(title)s, %(citation)s) passes on the base but fails on the head: %(reason)s "
                "Restore what the statement said, or leave the check out with 'lint: ignore'"),
                check=change.check_id, title=change.title, citation=change.citation, reason=change.reason)
            problems.append(Problem("lint", change.statement, None, checker.rel(change.statement), None, phrase.english(), (), phrase))
    return changes, bool(options.gate)


# --- output ----------------------------------------------------------------------------------


def format_text(report: Report, language: str = DEFAULT_LANGUAGE) -> str:
    """The report for a terminal, in ``language`` (rule names, keys and the statement's words stay as they are)."""
    from .material.wording import finding_text

    def _(message: str) -> str:
        return i18n.gettext(message, language)

    lines = [
        _("statement check: %(base)s (%(commit)s) → %(head)s, as of %(date)s, notice %(days)s days") % {
            "base": report.base, "commit": report.base_commit[:7], "head": report.head, "date": report.as_of,
            "days": report.notice_days,
        }
    ]
    lines.append(_("policy: %(source)s") % {"source": report.policy_source})
    for change in report.policy_changes:
        outcome = _("needs a person's approval") if report.policy_mode == "fail" else _("allowed for review (policy_changes: report)")
        lines.append("  " + _("policy change: %(change)s — %(outcome)s") % {"change": change.describe(), "outcome": outcome})
    if not report.reviews and not report.problems:
        lines.append(_("No statement version was added or changed."))
    for review in report.reviews:
        declared = _("declared material") if review.declared_material else _("not declared material")
        change = word(review.change, language)
        if review.compared_with:
            change = _("%(change)s against %(version)s") % {"change": change, "version": review.compared_with}
        lines.append(f"{review.statement} {review.effective} ({change}): {word(review.verdict, language)}, {declared}")
        if review.review and review.classification and review.classification.is_material and not review.declared_material:
            lines.append("  " + _("reviewed: %(reason)s") % {"reason": review.review})
        if review.translations:
            lines.append("  " + _("translations: %(statuses)s") % {"statuses": review.translations_line(language)})
        for problem in review.problems:
            lines.append(f"  ✗ {problem.rule}: {problem.text(language)}")
        if review.classification and review.classification.findings:
            lines.append("  " + _("findings:"))
            for finding in review.classification.findings:
                where = f" [{' › '.join(finding.section)}]" if finding.section else ""
                message = finding_text(finding.message, language)
                lines.append(f"    - {word(finding.severity, language)}: {finding.rule}{where}: {message}")
                lines.extend(finding_text_lines(finding, indent="      ", language=language))
    for problem in report.problems:
        if problem.version is None:
            lines.append(f"{problem.statement or problem.path}: ✗ {problem.rule}: {problem.text(language)}")
    if report.lint:
        from .lint.output import format_changes_text

        lines.append(_("lint checks that changed status (base → head):"))
        lines.extend(format_changes_text(report.lint))
    count = len(report.problems)
    lines.append(_("passed") if report.passed else i18n.ngettext("failed: %(num)d problem", "failed: %(num)d problems", count, language) % {"num": count})
    # A field never starts a line of its own (in a CI log, "::" there would be a workflow command)
    # and never sends a terminal a control sequence.
    return "\n".join(re.sub(r"[\r\n]+", " ", terminal_text(line)) for line in lines) + "\n"


def _escape_data(text: str) -> str:
    # GitHub's documented escaping: a newline can never start another workflow command ("::…").
    return terminal_text(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, language: str = DEFAULT_LANGUAGE) -> str:
    """GitHub Actions workflow commands: one ``::error`` per problem, a ``::notice`` per reviewed version (in ``language``)."""
    from .material.wording import finding_text

    lines = []
    for problem in report.problems:
        props = [f"file={_escape_property(problem.path)}"]
        if problem.line:
            props.append(f"line={problem.line}")
        props.append(f"title={_escape_property('statement check: ' + problem.rule)}")
        message = problem.text(language) + "".join(f"\n- {finding_text(finding.message, language)}" for finding in problem.findings)
        lines.append(f"::error {','.join(props)}::{_escape_data(message)}")
    if report.policy_mode != "fail":
        for change in report.policy_changes:
            props = [f"file={_escape_property(report.config_path)}"] + ([f"line={change.line}"] if change.line else [])
            props.append(f"title={_escape_property('statement check: policy change for review')}")
            lines.append(f"::warning {','.join(props)}::{_escape_data(change.describe())}")
    for review in report.reviews:
        if review.problems:
            continue
        text = f"{review.statement} {review.effective} ({word(review.change, language)}): {word(review.verdict, language)}"
        if review.declared_material:
            text += ", " + i18n.gettext("declared material", language)
        elif review.review and review.classification and review.classification.is_material:
            text += ", " + i18n.gettext("reviewed: %(reason)s", language) % {"reason": review.review}
        lines.append(f"::notice file={_escape_property(review.path)},title=statement check::{_escape_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")


#: First line of the Markdown report, so that a workflow can find and update its own comment.
REPORT_MARKER = "<!-- statement-check -->"


def format_markdown(report: Report, language: str = DEFAULT_LANGUAGE) -> str:
    """A Markdown report (verdicts, problems, findings and redlines) for a pull-request comment, in ``language``."""
    from . import diff as engine
    from .material.wording import finding_text

    def _(message: str) -> str:
        return i18n.gettext(message, language)

    icon = "✅" if report.passed else "❌"
    count = len(report.problems)
    heading = _("Statement check passed") if report.passed else i18n.ngettext(
        "Statement check failed (%(num)d problem)", "Statement check failed (%(num)d problems)", count, language,
    ) % {"num": count}
    out = [
        REPORT_MARKER,
        f"## {icon} {heading}",
        "",
        _("Compared `%(head)s` with %(base)s (`%(commit)s`), as of %(date)s; material changes need %(days)s days' notice.") % {
            "head": report.head, "base": report.base, "commit": report.base_commit[:7], "date": report.as_of,
            "days": report.notice_days,
        },
        "",
    ]
    if report.policy_changes:
        verdict = (_("❌ a person must approve it") if report.policy_mode == "fail"
                   else _("⚠️ allowed by the base's `policy_changes: report`: review it"))
        out += [_("**Policy change** (%(verdict)s); the check applied the policy of %(source)s:") % {
            "verdict": verdict, "source": _md(report.policy_source)}, ""]
        out += [f"- {_md(change.describe())}" for change in report.policy_changes]
        out.append("")
    if report.reviews:
        out += [_("| Statement | Version | Change | Verdict | Declared | Result |"), "|---|---|---|---|---|---|"]
        for review in report.reviews:
            declared = word("material", language) if review.declared_material else (_("reviewed") if review.review else "—")
            result = "❌ " + ", ".join(p.rule for p in review.problems) if review.problems else "✅"
            out.append(
                f"| {review.statement} | {review.effective} | {word(review.change, language)} | **{word(review.verdict, language)}** "
                f"| {declared} | {result} |"
            )
        out.append("")
    else:
        out += [_("No statement version was added or changed."), ""]
    for problem in report.problems:
        if problem.version is None:
            where = f"`{problem.path}:{problem.line}`" if problem.line else f"`{problem.path}`"
            out.append(f"- ❌ **{problem.rule}** ({where}): {_md(problem.text(language))}")
    if report.reviews:
        from .lint.output import format_changes_markdown

        out += [""] + format_changes_markdown(report.lint, gate=report.lint_gate)
    for review in report.reviews:
        out += ["", "### " + _("%(statement)s: version effective %(date)s (%(change)s)") % {
            "statement": review.statement, "date": review.effective, "change": word(review.change, language)}, ""]
        if review.summary:
            out += ["**" + _("Summary:") + "** " + _md(review.summary), ""]
        if review.review:
            out += ["**" + _("Review:") + "** " + _md(review.review), ""]
        if review.translations:
            marks = {"translated": "✅", "stale": "⚠️", "missing": "❌"}
            optional = " " + _("(optional)")
            out += ["**" + _("Translations:") + "** " + ", ".join(
                f"{marks.get(entry['status'], '')} `{_md(code)}` {word(entry['status'], language)}"
                + (optional if entry["requirement"] == "optional" else "")
                for code, entry in review.translations.items()
            ), ""]
        for problem in review.problems:
            where = f"`{problem.path}:{problem.line}`" if problem.line else f"`{problem.path}`"
            out.append(f"- ❌ **{problem.rule}** ({where}): {_md(problem.text(language))}")
        if review.problems:
            out.append("")
        if review.classification and review.classification.findings:
            out += ["**" + _("Findings") + "**", ""]
            for finding in review.classification.findings:
                where = (_(" in *%(section)s*") % {"section": _md(" › ".join(finding.section))}) if finding.section else ""
                message = finding_text(finding.message, language)
                out.append(f"- `{word(finding.severity, language)}` {finding.rule}{where}: {_md(message)}")
                out.extend(finding_markdown_lines(finding, language=language))
            out.append("")
        if review.diff is not None and not review.diff.is_empty and hasattr(engine, "render_markdown"):
            title = f"{review.statement}: {review.compared_with} → {review.effective}"
            redline = _("Redline")
            out += [f"<details><summary>{redline}</summary>", "", engine.render_markdown(review.diff, title=title, language=language).rstrip(), "", "</details>", ""]
    return "\n".join(out).rstrip() + "\n"


def _md(text: str) -> str:
    """Plain text for the report (a list item or a table cell): no HTML, no Markdown, no comment, no @mention.

    Summaries, reviews, section names and finding excerpts come from the pull request; GitHub would
    otherwise render an ``<img>`` to a tracking address, hide the rest after ``<!--``, or notify people.
    """
    return no_mentions(markdown_text(text))


# --- command ---------------------------------------------------------------------------------


@click.command()
@click.argument("statement_ids", nargs=-1, metavar="[ID]...")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help="Path of mkdocs.yml.")
@click.option("--base", metavar="REF", help="Compare with this commit (default: the merge base of HEAD with origin/HEAD, main or master).")
@click.option("--head", metavar="REF", help="Check this commit instead of the working tree.")
@click.option("--as-of", callback=parse_date, metavar="DATE", help="Check as if today were DATE (YYYY-MM-DD): counts the notice period from it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--report", "report_file", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write a Markdown report (for a pull-request comment) to FILE; with --format github the default is $GITHUB_STEP_SUMMARY.")
@language_option
@guard
def check(
    statement_ids: tuple[str, ...], config_file: str, base: str | None, head: str | None, as_of: dt.date | None, fmt: str,
    report_file: str | None, language: str | None = None,
) -> None:
    """Refuse undeclared material changes, short notice and silent changes to published versions.

    Exit status 0 when the policy holds, 1 when it is violated, 2 for bad input or usage.
    """
    warnings: list[str] = []
    report = run_check(config_file, base=base, head=head, as_of=as_of, statements=statement_ids, warn=warnings.append)
    for message in warnings:
        click.echo(f"warning: {message}", err=True)
    if fmt == "json":
        click.echo(json_text.dumps(report.to_dict()))
    elif fmt == "github":
        click.echo(format_github(report, language or report.language), nl=False)
    else:
        click.echo(format_text(report, language or report.language), nl=False)
    target = report_file or (os.environ.get("GITHUB_STEP_SUMMARY") if fmt == "github" else None)
    if target:
        mode = "w" if report_file else "a"  # the step summary collects every step's output
        with open(target, mode, encoding="utf-8") as handle:
            handle.write(format_markdown(report, language or report.language))
    sys.exit(0 if report.passed else 1)
