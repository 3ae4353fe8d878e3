"""Material-change detection: rules that turn a :class:`~generator.diff.Diff` into findings and a verdict.

The stages, one module each:

- :mod:`.clauses` — the aligner: changed blocks cut into sentences and list items, aligned old ↔ new;
- :mod:`.changes` — one clause change (an edited pair, an inserted or removed clause) and its excerpts;
- :mod:`.reading` — how a clause reads: its topics, who acts, whether it allows or restricts;
- :mod:`.form` — changes of form (links, spelling, renaming, renumbering, dates): editorial anywhere;
- :mod:`.rules` — the rules of substance, one module per family of privacy law;
- :mod:`.verdict` — the walk over a diff and the verdict;
- :mod:`.config` — the ``material:`` options; :mod:`.findings` — the value objects.

Verdicts, least to most severe:

=============== =====================================================================
``none``        the text did not change
``formatting``  only spacing, emphasis, list markers or other markup changed
``editorial``   a change of form: spelling, punctuation, a link or page address, a renamed
                product or term, renumbering, the date line, a passage moved unchanged
``substantive`` wording changed in substance, but nothing a reader must be told of
``material``    what is collected, why, who receives it, how long it is kept, where it goes,
                the reader's rights, the controller, the legal basis or dispute resolution
                changed — or a limit or commitment was removed or weakened
=============== =====================================================================

``docs/material-rules.md`` describes each rule with an example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from ..diff import Diff
    from ..model import Statement, Version
    from .config import DEFAULT_RISK_TERMS, DEFAULT_SECTIONS, JUDGING_RULES, RULES, MaterialConfig
    from .findings import VERDICTS, Classification, Finding

# Exports are imported on first use: the plugin's configuration schema needs ``MaterialConfig``
# only, and loading mkdocs.yml must not load the rules (and their patterns) and the diff engine.
_EXPORTS = {
    "DEFAULT_RISK_TERMS": "config", "DEFAULT_SECTIONS": "config", "JUDGING_RULES": "config", "RULES": "config",
    "MaterialConfig": "config", "VERDICTS": "findings", "Classification": "findings", "Finding": "findings",
}

__all__ = [
    "VERDICTS",
    "RULES",
    "JUDGING_RULES",
    "Finding",
    "Classification",
    "MaterialConfig",
    "classify_diff",
    "classify",
    "classifier",
    "DEFAULT_SECTIONS",
    "DEFAULT_RISK_TERMS",
]


def classify_diff(diff: "Diff", *, options: Any = None, bodies: tuple[str, str] | None = None) -> "Classification":
    """The verdict and findings for a diff.

    ``options``: the plugin's StatementsConfig, a MaterialConfig, a dict or None. ``bodies``: the two
    Markdown bodies, when known, so that a change of source that renders the same (a blank line, a
    comment) is reported as formatting rather than as no change.
    """
    from .config import compile_options
    from .verdict import Detector, source_only

    if not diff.changes and bodies is not None:
        return source_only(*bodies)
    return Detector(diff, compile_options(options)).run()


def classify(
    old_body: str, new_body: str, *, options: Any = None,
    extensions: list | None = None, extension_configs: dict | None = None,
) -> "Classification":
    """Diff two Markdown bodies with the diff engine and classify the result."""
    from .. import diff as engine

    result = engine.diff_markdown(old_body, new_body, extensions=extensions, extension_configs=extension_configs)
    return classify_diff(result, options=options, bodies=(old_body, new_body))


def classifier(
    options: Any = None, *, extensions: list | None = None, extension_configs: dict | None = None,
    diff: Callable[[str, str], Any] | None = None,
) -> Callable[["Statement", "Version"], Classification | None]:
    """A function giving each version's classification against its predecessor (None for a first version).

    Results are kept per pair of texts, so the changes page, the history page and the feeds
    share one computation. ``diff(old_body, new_body)``, when given, supplies the diff (a build
    passes its memoised one, so each pair of versions is diffed once for pages and verdicts).
    """
    cache: dict[tuple[str, str], Classification] = {}

    def classify_version(statement: "Statement", version: "Version") -> Classification | None:
        previous = statement.previous(version)
        if previous is None:
            return None
        # (the texts themselves: a str keeps its hash, and both stay alive in the statement anyway)
        key = (previous.body, version.body)
        found = cache.get(key)
        if found is None:
            if diff is not None:
                found = classify_diff(diff(previous.body, version.body), options=options, bodies=(previous.body, version.body))
            else:
                found = classify(previous.body, version.body, options=options, extensions=extensions, extension_configs=extension_configs)
            cache[key] = found
        return found

    return classify_version


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
