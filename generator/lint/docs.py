"""The list of checks in ``docs/lint.md``, written from the catalogue so that the two cannot drift.

``python -m generator.lint.docs`` rewrites the part of docs/lint.md between the ``checks`` markers;
a test fails when it is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .catalogue import CHECKS

__all__ = ["checks_markdown", "update"]

START = "<!-- checks:start (written by python -m generator.lint.docs) -->"
END = "<!-- checks:end -->"
_REGIMES = {"gdpr": "GDPR", "ccpa": "CCPA/CPRA", "caloppa": "CalOPPA", "general": "General (every regime)"}


def checks_markdown() -> str:
    """Every check: id, title, citation, what it looks for, and the phrasings it recognises."""
    out: list[str] = []
    regime = None
    for check in CHECKS:
        if check.regime != regime:
            regime = check.regime
            out += [f"### {_REGIMES[regime]}", ""]
        absent = "warns" if check.absent == "warn" else "fails"
        out += [
            f"#### `{check.id}` — {check.title}",
            "",
            f"*{check.citation}*. Looks for {check.looks_for}. When nothing is found it {absent}.",
            "",
            "Recognised phrasings:",
            "",
        ]
        for phrasing in check.phrasings:
            example = f": “{phrasing.example}”" if phrasing.example else ""
            out.append(f"- {phrasing.name}{example}")
        for note in check.notes:
            out.append(f"- {note}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def update(path: Path) -> bool:
    """Rewrite the checks section of ``path``; True when it changed."""
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    new = f"{head}{START}\n\n{checks_markdown()}\n{END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/lint.md")
    print(f"{target}: {'updated' if update(target) else 'up to date'}")
