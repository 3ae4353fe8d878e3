"""git → revisions → versions.

The history of one statement file is read with three git commands, whatever its length: one
``git rev-parse`` finds the repository (and whether it is bare or a shallow clone), one
``git log`` over HEAD's first-parent chain (following renames) lists each commit's blob id, and
one ``git cat-file --batch`` reads every blob. Both grow linearly with the number of commits.

Rules (DESIGN.md, "Content model"):

* a revision's ``effective`` date comes from its front-matter, else from a body line such as
  ``Effective date: February 1, 2024``, else from its commit date;
* revisions with the same ``effective`` form one version; its text is the last revision;
* a revision committed after the version's ``published`` date is a correction;
* uncommitted edits are a draft revision (unless ``committed_only``);
* not a git repository: one version from the working tree, with a warning;
* a shallow clone: an error that says how to fetch the full history.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .errors import InputError, ShallowCloneError
from .guard import guard_markdown
from .model import STATEMENT_ID, Document, Revision, Statement, Version, parse_document, parse_human_date

__all__ = [
    "HistoryOptions", "read_statement", "read_statements", "read_revisions", "group_versions", "decode_text",
    "display_path", "read_working_text", "translation_of",
]

#: default pattern for an effective date written in the body (adopting existing repositories)
DEFAULT_EFFECTIVE_PATTERN = r"(?im)^\W*(?:effective|last\s+updated)(?:\s+date)?\s*[:\-–—]?\s*\**\s*(?P<date>.+?)\s*\**\s*$"

Warn = Callable[[str], None]


@dataclass(frozen=True)
class HistoryOptions:
    """How history is read."""

    #: include uncommitted edits of the working tree as a draft revision
    include_working_tree: bool = True
    #: regex with a ``date`` group, searched in the body when the front-matter has no ``effective``
    effective_pattern: str = DEFAULT_EFFECTIVE_PATTERN
    #: the git revision to read history from
    ref: str = "HEAD"
    #: statement id -> earlier paths of its file (absolute, or relative to the working directory),
    #: oldest first, whose histories come before the current file's: for a file that was moved in
    #: the same commit that rewrote it, where git sees a deletion and an addition, not a rename
    earlier_paths: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def decode_text(data: bytes, *, path: str | Path) -> str:
    """Decode a statement file; refuse binary and non-UTF-8 content with a one-line error."""
    if b"\x00" in data:
        raise InputError("is a binary file, not Markdown", path=path, line=1, fix="save the statement as UTF-8 Markdown text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x})", path=path, line=line,
            fix="save the file with UTF-8 encoding",
        ) from None
    return text.replace("\r\n", "\n")


def display_path(path: str | Path) -> str:
    """A path as the user would type it: relative to the working directory when below it."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


#: ``privacy.de.md``: the German text of ``privacy.md`` (the suffix convention of mkdocs-static-i18n)
TRANSLATION_SUFFIX = re.compile(r"^(?P<id>[^.]+)\.(?P<language>[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$")


def translation_of(path: str | Path) -> tuple[str, str] | None:
    """``(statement id, language)`` when ``path`` names a translation such as ``privacy.de.md``, else None."""
    path = Path(path)
    match = TRANSLATION_SUFFIX.match(path.stem) if path.suffix == ".md" else None
    if match and STATEMENT_ID.match(match["id"]):
        return match["id"], match["language"]
    return None


def _statement_id(path: Path) -> str:
    stem = path.stem
    translated = translation_of(path)
    if translated:  # a translation's revisions and versions belong to the statement it translates
        return translated[0]
    if not STATEMENT_ID.match(stem):
        raise InputError(
            f"'{path.name}' cannot be a statement id (it becomes part of the site's addresses)",
            path=path, line=1,
            fix="rename the file to lower-case letters, digits and '-', e.g. privacy.md",
        )
    return stem


def read_working_text(path: str | Path) -> str:
    """A statement file as it is now: a valid id, UTF-8 text, not empty — or a one-line error."""
    path = Path(path)
    display = display_path(path)
    _statement_id(path)
    text = decode_text(path.read_bytes(), path=display)
    if not text.strip():
        raise InputError("is empty", path=display, line=1, fix="write the statement with front-matter and text, or delete the file")
    return text


# --- git -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Commit:
    sha: str
    committed: dt.datetime
    author: str
    subject: str
    path: str
    blob: str | None  # None when the file was deleted


@dataclass(frozen=True)
class _Repository:
    """What ``git rev-parse`` says of the repository around a folder."""

    root: Path | None  # the top of the work tree; None for a bare repository
    bare: bool
    shallow: bool


#: git's own messages in English, whatever the user's locale: some are recognised below.
_GIT_ENV = {"LANGUAGE": "C", "LC_ALL": "C"}


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env={**os.environ, **_GIT_ENV})


def _message(done: subprocess.CompletedProcess[bytes]) -> str:
    """git's complaint on one line (it may span several, with a command to run on one of them)."""
    text = " ".join(done.stderr.decode("utf-8", "replace").split())
    return text.removeprefix("fatal: ") or f"exit status {done.returncode}"


def _open_repo(folder: Path) -> _Repository | None:
    """The repository ``folder`` is in, or None when it is in none (or git is not installed)."""
    try:
        done = _git(["rev-parse", "--is-bare-repository", "--is-shallow-repository", "--git-common-dir", "--show-toplevel"], folder)
    except OSError:  # no git, or no such folder
        return None
    lines = done.stdout.decode("utf-8", "surrogateescape").splitlines()
    if done.returncode != 0:
        if lines[:1] == ["true"]:  # bare: rev-parse stops at --show-toplevel
            return _Repository(None, bare=True, shallow=False)
        message = _message(done)
        if "not a git repository" in message or "cannot change to" in message:
            return None
        # e.g. "detected dubious ownership in repository at '…' To add an exception for this
        # directory, call: git config --global --add safe.directory …": git names the fix itself
        problem, _, fix = message.partition(" To add an exception for this directory, call: ")
        raise InputError(f"git cannot read the repository: {problem}", path=display_path(folder), fix=fix or None)
    bare, shallow, common, top = (lines + [""] * 4)[:4]
    if shallow not in ("true", "false"):  # git older than 2.15 echoes the option it does not know
        shallow = "true" if (folder / common / "shallow").exists() else "false"
    return _Repository(Path(top).resolve(), bare=bare == "true", shallow=shallow == "true")


def _log(root: Path, relpath: str, ref: str) -> list[_Commit]:
    """One ``git log`` call: first-parent commits touching ``relpath`` (renames followed), oldest first."""
    sep = "\x1f"
    done = _git(
        [
            "log", ref, "--first-parent", "--follow", "--raw", "--no-abbrev",
            "--format=" + sep.join(["\x1e%H", "%ct", "%cI", "%an", "%s"]), "--", relpath,
        ],
        root,
    )
    if done.returncode != 0:
        message = _message(done)
        if any(text in message for text in ("does not have any commits", "unknown revision", "bad revision")):
            return []
        raise InputError(f"git log failed: {message}", path=relpath) from None
    out = done.stdout.decode("utf-8", "replace")
    commits: list[_Commit] = []
    for record in out.split("\x1e"):
        if not record.strip():
            continue
        head, _, raw = record.partition("\n")
        sha, ts, iso, author, subject = (head.split(sep) + [""] * 5)[:5]
        committed = dt.datetime.fromisoformat(iso) if iso else dt.datetime.fromtimestamp(int(ts), dt.timezone.utc)
        blob, path = None, relpath
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            meta, _, paths = line.partition("\t")
            fields = meta.split()
            status = fields[4] if len(fields) > 4 else "M"
            names = paths.split("\t")
            path = names[-1]
            blob = None if status.startswith("D") else fields[3]
        commits.append(_Commit(sha, committed, author, subject, path, blob))
    commits.reverse()
    return commits


def _blobs(root: Path, ids: list[str]) -> dict[str, bytes]:
    """The contents of the blobs ``ids``, read by one ``git cat-file --batch``; a missing one is left out."""
    if not ids:
        return {}
    done = _git(["cat-file", "--batch"], root, stdin="".join(f"{blob}\n" for blob in ids).encode())
    if done.returncode != 0:
        raise InputError(f"git cat-file failed: {_message(done)}", path=display_path(root))
    out = done.stdout
    found: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3:  # "<id> missing"
            continue
        size = int(header[2])
        found[header[0].decode()] = out[pos:pos + size]
        pos += size + 1  # the contents, and the newline after them
    return found


def _earlier_commits(root: Path, statement_id: str, options: HistoryOptions, warn: Warn) -> list[_Commit]:
    """The commits of a statement's earlier paths (``earlier_paths``), each path's followed as usual, in order."""
    commits: list[_Commit] = []
    # keyed by the file's stem: ``privacy`` for the statement, ``privacy.de`` for its German text
    for earlier in options.earlier_paths.get(statement_id, ()):
        try:
            relpath = Path(earlier).resolve().relative_to(root).as_posix()
        except ValueError:
            warn(f"earlier_paths: {earlier} is outside the git repository {root}; ignored")
            continue
        found = _log(root, relpath, options.ref)
        if not any(c.blob for c in found):
            warn(f"earlier_paths: {relpath} has no history in {options.ref}; check the path (relative to mkdocs.yml)")
        commits.extend(found)
    return commits


def _unique(commits: list[_Commit]) -> list[_Commit]:
    """Each (commit, path) once: git may already have followed the current file into an earlier path."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for commit in commits:
        if (commit.sha, commit.path) not in seen:
            seen.add((commit.sha, commit.path))
            unique.append(commit)
    return unique


# --- revisions -------------------------------------------------------------------------------


def _effective_from_body(body: str, pattern: re.Pattern[str]) -> dt.date | None:
    for match in pattern.finditer(body[:20000]):
        found = parse_human_date(match.group("date"))
        if found:
            return found
    return None


def _revision(
    statement_id: str, path: str, text: str, *, commit: str | None, committed: dt.datetime,
    author: str, subject: str, pattern: re.Pattern[str], strict: bool, warn: Warn,
    guarded: dict[tuple[str, int], tuple[str, int]] | None = None,
) -> Revision:
    where = f"{path} @ {commit[:7]}" if commit else path
    try:
        document: Document = parse_document(text, path=path, strict=strict)
    except InputError:
        raise
    meta = document.meta
    if meta is None and not strict:
        warn(f"{where}: no usable front-matter; using the file name as title")
    for finding in guard_markdown(document.body)[1]:
        # the renderer makes such a paragraph harmless; the author should know it looks different
        line = document.body_line + finding.line - 1
        message = f"{path}:{line}{f' @ {commit[:7]}' if commit else ''}: {finding.describe()}"
        if guarded is None:
            warn(message)
        else:  # one warning per paragraph, however many revisions carry it: the newest's place
            key = (finding.construct, finding.count)
            guarded[key] = (message, guarded.get(key, ("", 0))[1] + 1)
    effective = meta.effective if meta else None
    source = "front-matter"
    if effective is None:
        effective = _effective_from_body(document.body, pattern)
        source = "body"
    if effective is None:
        effective = committed.date()
        source = "commit" if commit else "file"
        warn(f"{where}: no effective date in front-matter or text; using the {'commit' if commit else 'file'} date {effective}")
    return Revision(
        statement_id=statement_id, path=path, text=text, commit=commit, committed=committed,
        author=author, subject=subject, meta=meta, body=document.body, effective=effective,
        effective_source=source,  # type: ignore[arg-type]
    )


def read_revisions(
    path: str | Path, *, options: HistoryOptions = HistoryOptions(), warn: Warn | None = None,
) -> list[Revision]:
    """Every revision of a statement file, oldest first, ending with the working-tree draft if any."""
    path = Path(path)
    warn = warn or (lambda message: None)
    statement_id = _statement_id(path)
    pattern = re.compile(options.effective_pattern)
    display = display_path(path)
    revisions: list[Revision] = []
    guarded: dict[tuple[str, int], tuple[str, int]] = {}

    def working_tree(strict: bool, sink: dict[tuple[str, int], tuple[str, int]] = guarded) -> Revision | None:
        if not path.exists():
            return None
        text = read_working_text(path)
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        return _revision(
            statement_id, display, text, commit=None, committed=mtime, author="", subject="uncommitted edits",
            pattern=pattern, strict=strict, warn=warn, guarded=sink,
        )

    repo = _open_repo(path.parent.resolve())
    if repo is None or repo.bare:
        warn(f"{display}: not in a git repository; building the working tree as a single version")
        draft = working_tree(strict=True)
        if draft is None:
            raise InputError("does not exist", path=display)
        _warn_guarded(guarded, warn)
        return [draft]
    if repo.shallow:
        raise ShallowCloneError(
            "the repository is a shallow clone, so the statement's history is incomplete",
            path=display,
            fix="run 'git fetch --unshallow' (in GitHub Actions: actions/checkout with 'fetch-depth: 0')",
        )

    root = repo.root
    assert root is not None
    relpath = path.resolve().relative_to(root).as_posix()
    commits = _unique(_earlier_commits(root, path.stem, options, warn) + _log(root, relpath, options.ref))
    blobs = _blobs(root, list(dict.fromkeys(c.blob for c in commits if c.blob is not None)))
    for commit in commits:
        if commit.blob is None:
            continue
        where_ = f"{commit.path} @ {commit.sha[:7]}"
        data = blobs.get(commit.blob)
        if data is None:
            warn(f"{where_}: git has no object {commit.blob}; skipped")
            continue
        try:
            text = decode_text(data, path=where_)
        except InputError as exc:
            warn(f"{exc}; skipped")
            continue
        if not text.strip():
            warn(f"{where_}: empty file; skipped")
            continue
        try:
            revisions.append(
                _revision(
                    statement_id, commit.path, text, commit=commit.sha, committed=commit.committed,
                    author=commit.author, subject=commit.subject, pattern=pattern, strict=False, warn=warn,
                    guarded=guarded,
                )
            )
        except InputError as exc:  # pragma: no cover - non-strict parsing does not raise
            warn(f"{exc}; skipped")

    # The file as it is now must be valid, whatever its old revisions were.
    in_draft: dict[tuple[str, int], tuple[str, int]] = {}
    draft = working_tree(strict=True, sink=in_draft) if options.include_working_tree and options.ref == "HEAD" else None
    if draft is not None:
        if not revisions or draft.text != revisions[-1].text:
            revisions.append(draft)
            for key, (message, _) in in_draft.items():
                guarded[key] = (message, guarded.get(key, ("", 0))[1] + 1)
    elif revisions:
        parse_document(revisions[-1].text, path=display, strict=True)
    else:
        draft = working_tree(strict=True)
        if draft is None:
            raise InputError("does not exist", path=display)
        revisions.append(draft)
    _warn_guarded(guarded, warn)
    return revisions


def _warn_guarded(guarded: dict[tuple[str, int], tuple[str, int]], warn: Warn) -> None:
    for message, count in guarded.values():
        warn(message + (f" (in {count} revisions)" if count > 1 else ""))


def group_versions(statement_id: str, revisions: Iterable[Revision], *, warn: Warn | None = None) -> tuple[Version, ...]:
    """Group revisions by effective date into versions, oldest effective date first."""
    warn = warn or (lambda message: None)
    groups: dict[dt.date, list[Revision]] = {}
    latest: dt.date | None = None
    for revision in revisions:
        if latest is not None and revision.effective < latest and revision.effective not in groups:
            warn(
                f"{revision.path} @ {revision.short}: effective date {revision.effective} is earlier than "
                f"{latest}, which an earlier commit already used; it is listed in date order"
            )
        elif latest is not None and revision.effective < latest:
            warn(
                f"{revision.path} @ {revision.short}: effective date went back to {revision.effective}; "
                f"treated as a change to that version"
            )
        groups.setdefault(revision.effective, []).append(revision)
        latest = max(latest, revision.effective) if latest else revision.effective

    versions = []
    for effective in sorted(groups):
        revs = groups[effective]
        last_meta = next((r.meta for r in reversed(revs) if r.meta is not None), None)
        first_commit = revs[0].committed.date()
        published = next((r.meta.published for r in reversed(revs) if r.meta and r.meta.published), None) or first_commit
        # Revisions on or before the publication day prepare the version; later ones correct it.
        published_count = max(1, sum(1 for r in revs if r.committed.date() <= published))
        title = last_meta.title if last_meta else statement_id.replace("-", " ").title()
        versions.append(
            Version(
                statement_id=statement_id,
                title=title,
                effective=effective,
                published=published,
                material=bool(last_meta and last_meta.material),
                summary=last_meta.summary if last_meta else None,
                review=last_meta.review if last_meta else None,
                revisions=tuple(revs),
                published_count=published_count,
                extra=dict(last_meta.extra) if last_meta else {},
            )
        )
    return tuple(versions)


def read_statement(
    path: str | Path, *, options: HistoryOptions = HistoryOptions(), warn: Warn | None = None,
) -> Statement:
    """Read one statement file's whole history into a :class:`Statement`."""
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    path = Path(path)
    revisions = read_revisions(path, options=options, warn=collect)
    statement_id = revisions[-1].statement_id
    versions = group_versions(statement_id, revisions, warn=collect)
    display = revisions[-1].path if revisions[-1].is_draft else str(path)
    return Statement(id=statement_id, path=display, versions=versions, warnings=tuple(warnings))


def read_statements(
    folder: str | Path, *, options: HistoryOptions = HistoryOptions(), warn: Warn | None = None,
) -> tuple[Statement, ...]:
    """Read every ``*.md`` statement in ``folder``, sorted by id.

    Translations (``privacy.de.md``) are not statements of their own; :mod:`.translations` reads them.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("statements folder not found", path=folder, fix="create it, or set 'statements_dir' under the statements plugin")
    files = sorted(p for p in folder.glob("*.md") if p.is_file() and translation_of(p) is None)
    if not files:
        raise InputError("no statement files (*.md)", path=folder, fix="add a statement such as privacy.md")
    return tuple(read_statement(p, options=options, warn=warn) for p in files)
