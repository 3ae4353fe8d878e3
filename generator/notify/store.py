"""Where the ledger lives, and getting it to the remote: the working tree, or a branch of its own.

Without ``ledger_branch`` the ledger is a file in the working tree, committed on the checked-out
branch. With ``ledger_branch: statements-ledger`` it lives on that branch alone, checked out in a
worktree inside the git folder (``.git/statements-notify/worktrees/<branch>``), so that it never
touches the branch holding the statements — which is usually protected, and would reject the
workflow's push *after* the notices went out.

Pushing (``statement notify --push``) is probed before anything is sent: a commit announcing the
run's due deliveries is pushed to the very branch the ledger goes to. If the remote refuses it
(protection, permissions, a network failure), nothing is sent and :class:`LedgerUnrecordable` says
why. ``git push --dry-run`` would not do: it never reaches the server's checks.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import NotifyError

__all__ = ["LedgerStore", "LedgerUnrecordable"]


class LedgerUnrecordable(NotifyError):
    """The ledger cannot be recorded where it must go, so nothing is sent (exit status 1)."""


def _run(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, input=stdin)


def _last_line(completed: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in (completed.stderr or completed.stdout).strip().splitlines() if line.strip()]
    # git's push errors end with a hint; the server's reason is in the "remote:" lines before it.
    remote = [line.removeprefix("remote:").strip() for line in lines if line.startswith("remote:") and line[7:].strip()]
    return remote[-1] if remote else lines[-1] if lines else f"status {completed.returncode}"


@dataclass(frozen=True)
class LedgerStore:
    """The ledger's place: ``root`` (the mkdocs.yml folder), the ``ledger`` path relative to it, the
    ``branch`` it lives on (None: the working tree) and the ``remote`` it is pushed to (None: not pushed)."""

    root: Path
    ledger: str
    branch: str | None = None
    remote: str | None = None

    # -- where things are -----------------------------------------------------------------------

    def _git(self, *args: str, cwd: Path | None = None, what: str | None = None, stdin: str | None = None) -> str:
        completed = _run(cwd or self.root, *args, stdin=stdin)
        if completed.returncode != 0:
            raise NotifyError(f"{what or 'git ' + args[0]} failed: {_last_line(completed)}", path=self.ledger)
        return completed.stdout.strip()

    @property
    def _top(self) -> Path:
        return Path(self._git("rev-parse", "--show-toplevel", what="finding the git repository"))

    @property
    def _git_dir(self) -> Path:
        return Path(self._git("rev-parse", "--path-format=absolute", "--git-common-dir", what="finding the git repository"))

    @property
    def worktree(self) -> Path | None:
        """The ledger branch's worktree (None without a ledger branch)."""
        if self.branch is None:
            return None
        return self._git_dir / "statements-notify" / "worktrees" / self.branch

    @property
    def relative(self) -> str:
        """The ledger's path inside the repository (and inside the ledger branch)."""
        return (self.root / self.ledger).resolve().relative_to(self._top.resolve()).as_posix()

    @property
    def path(self) -> Path:
        """The ledger file this run reads and appends."""
        worktree = self.worktree
        if worktree is None:
            return self.root / self.ledger
        return worktree / self.relative

    @property
    def _checkout(self) -> Path:
        return self.worktree or self.root

    # -- preparing ------------------------------------------------------------------------------

    def prepare(self, *, fetch: bool = True, record: bool = True) -> Path:
        """Make :attr:`path` ready to read and append; return it.

        With a ledger branch: fetch it (when pushing), create it if it exists nowhere (an orphan
        branch holding only ``.gitattributes``), check it out in the worktree, and — when
        ``record`` — commit lines an earlier run left uncommitted and merge what the remote has.
        """
        if self.branch is None:
            return self.path
        worktree = self.worktree
        assert worktree is not None
        remote_ref = None
        if self.remote is not None and fetch:
            fetched = _run(self.root, "fetch", "--quiet", self.remote, f"+refs/heads/{self.branch}:refs/remotes/{self.remote}/{self.branch}")
            missing = fetched.returncode != 0 and "couldn't find remote ref" in (fetched.stderr or "").lower()
            if fetched.returncode != 0 and not missing:
                raise LedgerUnrecordable(
                    f"cannot fetch the ledger branch '{self.branch}' from {self.remote}: {_last_line(fetched)}",
                    path=self.ledger, fix="check the remote and its credentials; nothing was sent",
                )
        for candidate in (f"refs/remotes/{self.remote or 'origin'}/{self.branch}",):
            if _run(self.root, "rev-parse", "--verify", "--quiet", candidate).returncode == 0:
                remote_ref = candidate
        local = f"refs/heads/{self.branch}"
        if _run(self.root, "rev-parse", "--verify", "--quiet", local).returncode != 0:
            start = remote_ref or self._orphan()
            self._git("branch", "--no-track", self.branch, start, what=f"creating the ledger branch '{self.branch}'")
        if not (worktree / ".git").exists():
            _run(self.root, "worktree", "prune")
            worktree.parent.mkdir(parents=True, exist_ok=True)
            self._git("worktree", "add", "--quiet", str(worktree), self.branch, what="checking out the ledger branch")
        if not record:
            return self.path
        self._commit_leftovers()
        if remote_ref is not None:
            merged = _run(worktree, "merge", "--quiet", "--no-edit", remote_ref)
            if merged.returncode != 0:
                _run(worktree, "merge", "--abort")
                raise LedgerUnrecordable(
                    f"the ledger branch '{self.branch}' cannot be merged with {remote_ref}: {_last_line(merged)}",
                    path=self.ledger, fix="merge it by hand; nothing was sent",
                )
        return self.path

    def _orphan(self) -> str:
        """A first commit for the ledger branch, sharing no history with the statements."""
        attributes = f"# Lines are only ever appended: a merge keeps both sides' lines.\n{self.relative} merge=union\n"
        blob = self._git("hash-object", "-w", "--stdin", stdin=attributes)
        tree = self._git("mktree", stdin=f"100644 blob {blob}\t.gitattributes\n")
        return self._git("commit-tree", tree, "-m", "Start the notification ledger", what="creating the ledger branch")

    def _commit_leftovers(self) -> None:
        from .ledger import commit_ledger

        if self.path.exists():
            commit_ledger(self._checkout, self.path)

    # -- recording ------------------------------------------------------------------------------

    def check(self) -> None:
        """Raise :class:`LedgerUnrecordable` when the ledger could not be committed here: not a git
        repository, or no identity to commit with. Runs before any delivery."""
        if _run(self.root, "rev-parse", "--show-toplevel").returncode != 0:
            raise LedgerUnrecordable(
                "the ledger cannot be committed, so nothing was sent: the folder is not in a git repository",
                path=self.ledger, fix="run in a git checkout, or leave out --commit and --push",
            )
        identity = _run(self.root, "var", "GIT_COMMITTER_IDENT")
        if identity.returncode != 0:
            raise LedgerUnrecordable(
                f"the ledger cannot be committed, so nothing was sent: git has no identity ({_last_line(identity)})",
                path=self.ledger, fix="set git config user.name and user.email",
            )

    def probe(self, message: str) -> None:
        """Push a commit announcing the run to where the ledger goes; raise :class:`LedgerUnrecordable` if refused.

        Does nothing unless pushing. Runs before any delivery, so that a refusal sends nothing.
        """
        if self.remote is None:
            return
        checkout = self._checkout
        # An empty commit made without the index, so that nothing staged in the checkout joins it.
        before = self._git("rev-parse", "HEAD", cwd=checkout)
        announcement = self._git(
            "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-F", "-", cwd=checkout, stdin=message,
            what="committing the run's announcement",
        )
        self._git("update-ref", "-m", "statement notify: announce the run", "HEAD", announcement, before, cwd=checkout)
        try:
            self.push()
        except NotifyError as exc:
            # Leave no trace of a run that did not happen.
            _run(checkout, "update-ref", "HEAD", before, announcement)
            raise LedgerUnrecordable(
                f"the ledger cannot be recorded, so nothing was sent: {exc.detail}",
                path=self.ledger,
                fix=(
                    "keep the ledger on a branch the workflow may push to (notify option 'ledger_branch' or "
                    "--ledger-branch, e.g. statements-ledger), or allow the push"
                ),
            ) from None

    def commit(self) -> str | None:
        """Commit the ledger (alone) where it lives; return the commit's sha, or None when unchanged."""
        from .ledger import commit_ledger

        return commit_ledger(self._checkout, self.path)

    def _target(self) -> str:
        if self.branch is not None:
            return self.branch
        completed = _run(self.root, "symbolic-ref", "--quiet", "--short", "HEAD")
        if completed.returncode != 0:
            raise NotifyError(
                "cannot push the ledger from a detached HEAD", path=self.ledger,
                fix="check out a branch, or keep the ledger on its own branch (--ledger-branch)",
            )
        return completed.stdout.strip()

    def push(self) -> None:
        """Push the ledger's branch to the remote (once more after merging, if the remote moved)."""
        if self.remote is None:
            return
        target = self._target()
        checkout = self._checkout
        for attempt in (1, 2):
            pushed = _run(checkout, "push", "--quiet", "--porcelain", self.remote, f"HEAD:refs/heads/{target}")
            if pushed.returncode == 0:
                return
            rejected_as_stale = "non-fast-forward" in pushed.stdout + pushed.stderr or "fetch first" in pushed.stdout + pushed.stderr
            if attempt == 2 or not rejected_as_stale:
                raise NotifyError(f"git push to {self.remote} {target} was refused: {_last_line(pushed)}", path=self.ledger)
            self._git("fetch", "--quiet", self.remote, target, cwd=checkout)
            merged = _run(checkout, "merge", "--quiet", "--no-edit", "FETCH_HEAD")
            if merged.returncode != 0:
                _run(checkout, "merge", "--abort")
                raise NotifyError(f"the ledger cannot be merged with {self.remote} {target}: {_last_line(merged)}", path=self.ledger)
