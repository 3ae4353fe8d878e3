"""What a build derives from the versions — redlines, change summaries, verdicts, compare data —
each computed once per input and kept in the cache (:mod:`.cache`) for the next build.

The site plan (:mod:`.pages`) asks :class:`Derived` for these instead of diffing itself, so a
rebuild after one new version diffs one pair, classifies one pair and renders one version's
compare data; everything else is read back. A value from the cache and a value computed now are
the same data: both go through the same plain form, so a build with the cache is byte for byte a
build without it.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from .cache import Store, config_digest, digest, generator_digest
from .compare import version_blocks_document
from .model import Statement, Version

__all__ = ["ChangeSummary", "Derived"]


@dataclass(frozen=True)
class ChangeSummary:
    """What the changes page and the history show of a diff besides its redlines."""

    #: the diff's statistics by name: words_added, words_removed, formatting, sections_touched, …
    stats: Mapping[str, Any]
    #: the new version's headings, each with ``kind`` ("heading"), ``text`` and ``anchor``
    new: tuple[Mapping[str, Any], ...]
    #: nothing changed, not even formatting
    is_empty: bool

    @classmethod
    def of(cls, diff: Any) -> ChangeSummary:
        """The summary of a :class:`generator.diff.Diff`."""
        stats = dataclasses.asdict(diff.stats) if dataclasses.is_dataclass(diff.stats) else dict(vars(diff.stats))
        headings = [
            {"kind": block.kind, "text": block.text, "anchor": block.anchor} for block in diff.new if block.kind == "heading"
        ]
        # Through JSON's plain form (tuples become lists) so that a computed summary and one read
        # back from the cache are the same data.
        return cls.from_data(json.loads(json.dumps({"stats": stats, "new": headings, "is_empty": diff.is_empty})))

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {"stats": dict(self.stats), "new": [dict(h) for h in self.new], "is_empty": self.is_empty}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ChangeSummary:
        """The summary from :meth:`to_data`'s form."""
        stats, new, is_empty = data["stats"], data["new"], data["is_empty"]
        if not isinstance(stats, dict) or not isinstance(new, list) or not isinstance(is_empty, bool):
            raise ValueError("not a change summary")
        return cls(stats=stats, new=tuple(new), is_empty=is_empty)


class Derived:
    """Redlines, summaries, verdicts and compare data of a site, through the cache.

    ``engine`` is the diff engine module; ``diff_bodies(old, new)`` the build's memoised diff (with
    the site's Markdown extensions, which ``markdown`` names for the keys).
    """

    def __init__(
        self, engine: Any, diff_bodies: Callable[[str, str], Any], *, store: Store | None = None,
        markdown: Mapping[str, Any] | None = None,
    ) -> None:
        self.engine = engine
        self.diff_bodies = diff_bodies
        self.store = store or Store(None)
        self.markdown = dict(markdown or {})
        self._salt = digest(
            generator_digest(), config_digest(self.markdown.get("extensions"), self.markdown.get("extension_configs"))
        )

    def _key(self, kind: str, *parts: str) -> str:
        return digest(self._salt, kind, *parts)

    def summary(self, old: str, new: str) -> ChangeSummary:
        """Statistics and headings of the diff from ``old`` to ``new`` (Markdown bodies)."""
        return self.store.through(
            "summary", self._key("summary", old, new), lambda: ChangeSummary.of(self.diff_bodies(old, new)),
            encode=ChangeSummary.to_data, decode=ChangeSummary.from_data,
        )

    def redline(self, old: str, new: str, *, context: bool) -> str:
        """The inline redline (the whole text with ``context``, else only the changed passages)."""
        kind = "redline" if context else "redline-changes"
        return self.store.through(
            kind, self._key(kind, old, new),
            lambda: self.engine.render_redline(self.diff_bodies(old, new), context=context), decode=_text,
        )

    def side_by_side(self, old: str, new: str) -> str:
        """The side-by-side redline."""
        return self.store.through(
            "side-by-side", self._key("side-by-side", old, new),
            lambda: self.engine.render_side_by_side(self.diff_bodies(old, new)), decode=_text,
        )

    def compare_data(self, version: Version) -> str:
        """The compare page's data file of ``version``: its blocks as JSON text."""
        from .render import blocks_from_markdown

        def compute() -> str:
            blocks = blocks_from_markdown(version.body, **self.markdown)
            document = version_blocks_document(version, blocks)
            return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"

        key = self._key("compare", version.statement_id, version.key, version.title, version.body)
        return self.store.through("compare", key, compute, decode=_text)

    def classifier(self, classify: Callable[[Statement, Version], Any], options: Any) -> Callable[[Statement, Version], Any]:
        """``classify`` with its verdicts kept in the cache.

        ``options`` are what the verdict depends on besides the two texts (the detector's
        options, the effective-date pattern); they are part of the key.
        """
        salt = config_digest(options)
        seen: dict[str, Any] = {}  # the changes page, the history and the feeds ask for the same verdicts

        def classify_version(statement: Statement, version: Version) -> Any:
            previous = statement.previous(version)
            if previous is None:
                return classify(statement, version)
            key = self._key("verdict", salt, previous.body, version.body)
            if key not in seen:
                seen[key] = self.store.through(
                    "verdict", key, lambda: classify(statement, version), encode=_encode_verdict, decode=_decode_verdict,
                )
            return seen[key]

        return classify_version


def _text(data: Any) -> str:
    if not isinstance(data, str):
        raise ValueError("not text")
    return data


def _tuples(value: Any) -> Any:
    return tuple(_tuples(item) for item in value) if isinstance(value, list) else value


def _decode_verdict(data: Any) -> Any:
    from .material import Classification, Finding

    # A finding's constructor takes its fields; to_dict() may add derived keys (marked excerpts).
    names = {field.name for field in dataclasses.fields(Finding)}
    findings = tuple(
        Finding(**{key: _tuples(value) for key, value in finding.items() if key in names}) for finding in data["findings"]
    )
    return Classification(data["verdict"], findings)


def _encode_verdict(verdict: Any) -> Any:
    """The verdict's plain form, or None (not stored) when it would not read back as the same verdict."""
    try:
        data = json.loads(json.dumps(verdict.to_dict()))
        return data if _decode_verdict(data) == verdict else None
    except Exception:  # noqa: BLE001 - a verdict type this cache does not know: compute it every time
        return None
