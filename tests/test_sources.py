"""The project's Python sources hold no control characters.

A regular expression's ``\\b`` written in a string that is not raw is a backspace (``\\x08``): the
pattern then looks for a character no statement holds and never matches, silently. Such a pattern
once switched a reading off without any test noticing, so every source file is checked here.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import REPO_ROOT

# Every C0 control character but tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _sources() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "*.py"], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):  # (not a git checkout: an unpacked release)
        listed = []
    return listed or sorted(str(p.relative_to(REPO_ROOT)) for p in REPO_ROOT.glob("**/*.py") if ".venv" not in p.parts)


@pytest.mark.parametrize("path", _sources())
def test_no_control_characters(path):
    text = (REPO_ROOT / path).read_text(encoding="utf-8")
    found = _CONTROL.search(text)
    assert found is None, (
        f"{path}, line {text.count(chr(10), 0, found.start()) + 1}: control character {found.group()!r} "
        "(a pattern's \\b in a string that is not raw?)"
    )
