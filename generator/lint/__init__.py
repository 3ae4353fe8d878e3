"""``statement lint``: does the statement say what the law requires it to say?

Checks per regime (GDPR Art. 13/14, CCPA/CPRA, CalOPPA, plus general checks), each explained: what
it looks for, the provision it comes from, and — when it passes — the section and the words that
satisfy it. The stages: ``catalogue`` (the checks, as data), ``engine`` (blocks → sentences →
results), ``output`` (text, JSON, GitHub annotations, the preview panel, the PR report), ``config``
(the plugin's ``lint:`` option) and ``command`` (the click command).

The public API is importable from here; modules load on first use so that the ``statement``
command stays quick to start.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CHECKS", "CHECK_IDS", "Check", "CheckResult", "Evidence", "LintContext", "LintReport", "HistoryFacts", "REGIMES",
    "lint_body", "lint_version", "select_checks",
]

_HOME = {
    "CHECKS": "catalogue", "CHECK_IDS": "catalogue",
    "Check": "model", "CheckResult": "model", "Evidence": "model", "LintContext": "model", "LintReport": "model",
    "HistoryFacts": "model", "REGIMES": "model",
    "lint_body": "engine", "lint_version": "engine", "select_checks": "engine",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        import importlib

        module = importlib.import_module(f".{_HOME[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
