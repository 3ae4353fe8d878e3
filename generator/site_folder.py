"""The folder ``statement build`` writes: built aside, swapped in whole, made of the previous site's files.

A build writes into a staging folder next to ``site/`` (``.site.building-<pid>``) and puts it in
place of ``site/`` only when the whole build succeeded, so a failed build never leaves a
half-written site. The site it replaces is not deleted but kept as ``.site.previous``, and the
next build stages in that folder: MkDocs writes each file over the one at the same address, and
afterwards every file the build did not write is removed, so the result is exactly what a build
into an empty folder gives.

Why: a site of 1,000 versions is 4,000 files in 2,000 folders, and making a file is not free. On
ext4 without a journal, each new file passes over every inode of its group freed in the last
seconds (``recently_deleted``), so a build that made a site's files right after the last build
deleted as many paid in proportion to both: a fifth of a no-change rebuild's CPU time, in the
kernel. Writing over an existing file makes no inode at all, on any file system.

A file counts as written when its inode, size, modification and change times differ from what
they were before the build (``ctime`` moves on every write and cannot be set by a program, so a
plugin that copies a file with its times is seen too). A previous site is used only when it looks
like one a build made: regular files with one link each and folders, with the modes a new file
and folder get; anything else (a symbolic link that a write would follow, a hard link a write would
change on the other side) and it is deleted and the build starts from an empty folder.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import shutil
import stat
from pathlib import Path
from typing import Iterator

__all__ = ["Staging", "previous_folder"]


def previous_folder(target: Path) -> Path:
    """Where the site that a build replaced waits for the next build: ``.site.previous`` next to ``site/``."""
    return target.parent / f".{target.name}.previous"


# What a file's metadata says about its last write: inode, size, modification and change times.
_Stamp = tuple[int, int, int, int]


def _stamp(status: os.stat_result) -> _Stamp:
    return (status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


class Staging:
    """The folder one build writes into, and its swap into place.

    ``prepare()`` makes it, from the previous site when there is one; ``written_over()`` is the
    context in which MkDocs builds into it; ``finish()`` removes what the build did not write and
    swaps it in; ``discard()`` removes it after a failure.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.parent / f".{target.name}.building-{os.getpid()}"
        #: the previous site's files (relative paths) and their stamps before the build
        self._files: dict[str, _Stamp] = {}
        #: its folders, parents before their children, with how many entries each held
        self._folders: dict[str, int] = {}
        #: whether the folder holds a previous site's files
        self.reused = False

    def prepare(self) -> None:
        """Take the previous site as the staging folder, when there is one that can be written over."""
        shutil.rmtree(self.path, ignore_errors=True)
        try:
            os.rename(previous_folder(self.target), self.path)
        except OSError:
            return  # none (a first build), or another build took it: MkDocs makes the folder
        found = _inventory(self.path)
        if found is None:
            shutil.rmtree(self.path, ignore_errors=True)
            return
        self._files, self._folders = found
        self.reused = True

    @contextlib.contextmanager
    def written_over(self) -> Iterator[None]:
        """While MkDocs builds: it does not empty the staging folder first (``finish`` removes what is left over).

        MkDocs empties ``site_dir`` at the start of every build that is not ``--dirty``
        (``mkdocs.utils.clean_directory``); that is skipped for this folder only.
        """
        if not self.reused:
            yield
            return
        from mkdocs import utils

        original = utils.clean_directory
        mine = os.path.abspath(self.path)

        def clean_directory(directory: str) -> None:
            if os.path.abspath(directory) != mine:
                original(directory)

        utils.clean_directory = clean_directory
        try:
            yield
        finally:
            utils.clean_directory = original

    def finish(self) -> None:
        """Remove what the build did not write, then put the folder in place of the site."""
        if self.reused:
            self._remove_unwritten()
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        if self.target.exists():
            self.target.rename(old)
        try:
            self.path.rename(self.target)
        except OSError:
            if old.exists():
                old.rename(self.target)
            raise
        if old.exists():
            try:
                old.rename(previous_folder(self.target))  # the next build writes over its files
            except OSError:  # another build left one meanwhile, or it cannot be moved
                shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the staging folder (after a failed build, or whatever is left after ``finish``)."""
        shutil.rmtree(self.path, ignore_errors=True)

    def _remove_unwritten(self) -> None:
        # Folders that may be left empty: those a removed file was in, and those empty before.
        emptied = {folder for folder, count in self._folders.items() if not count}
        for relative, before in self._files.items():
            path = os.path.join(self.path, relative)
            try:
                if _stamp(os.lstat(path)) == before:
                    os.unlink(path)
                    emptied.add(posixpath.dirname(relative))
            except FileNotFoundError:
                pass  # the build removed it itself
        for relative in reversed(self._folders):  # children first
            if relative in emptied:
                with contextlib.suppress(OSError):  # not empty: the build wrote into it
                    os.rmdir(os.path.join(self.path, relative))
                    emptied.add(posixpath.dirname(relative))


def _inventory(root: Path) -> tuple[dict[str, _Stamp], dict[str, int]] | None:
    """The files and folders under ``root`` (folders with their number of entries); None when
    anything there is not what a build makes."""
    mask = os.umask(0)
    os.umask(mask)
    file_mode, folder_mode = 0o666 & ~mask, 0o777 & ~mask
    files: dict[str, _Stamp] = {}
    folders: dict[str, int] = {}
    pending = [""]
    while pending:
        relative = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(root, relative)))
        except OSError:
            return None
        if relative:
            folders[relative] = len(entries)
        for entry in entries:
            name = f"{relative}/{entry.name}" if relative else entry.name
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                return None
            mode = status.st_mode
            if stat.S_ISDIR(mode) and stat.S_IMODE(mode) == folder_mode:
                pending.append(name)
            elif stat.S_ISREG(mode) and stat.S_IMODE(mode) == file_mode and status.st_nlink == 1:
                files[name] = _stamp(status)
            else:
                return None
    # Parents before children: a folder is listed before anything found inside it.
    return files, dict(sorted(folders.items(), key=lambda item: item[0].count("/")))
