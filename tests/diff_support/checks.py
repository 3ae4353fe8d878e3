"""Every check the fuzz run (and the fuzz test) makes on one pair of versions.

:func:`check_pair` diffs two Markdown bodies, runs every renderer and returns the seconds it took
and the failures found, each as ``(class, detail)``:

* ``exception``: anything raised;
* ``unbalanced``: a rendering (redline with and without context, side by side, a change's own
  redline) that closes an element another still holds open, or leaves one open;
* ``readback-new`` / ``readback-old``: dropping the redline's deletions does not give the new text,
  or dropping its insertions the old text;
* ``side-by-side``: a column of the side-by-side table shows other text than its version's block;
* ``hidden-move``: a block moved and changed in its wording, shown without a mark.
"""

from __future__ import annotations

import time

from generator import diff as engine
from generator.diff.alignment import _wording
from generator.diff.markup import _strip_ids
from generator.diff.render_html import _alignment

from .readback import new_text, old_text, parse, side_by_side_columns, text

Failure = tuple[str, str]


def _first_difference(got: str, want: str) -> str:
    k = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
    return f"at {k}: got {got[max(0, k - 60):k + 60]!r} want {want[max(0, k - 60):k + 60]!r}"


def check_pair(old: str, new: str, **markdown: object) -> tuple[float, list[Failure], engine.Diff | None]:
    """Seconds for the diff and every renderer, the failures, and the diff (None if it raised)."""
    failures: list[Failure] = []
    start = time.perf_counter()
    try:
        diff = engine.diff_markdown(old, new, **markdown)  # type: ignore[arg-type]
        rendered = {
            "redline": engine.render_redline(diff, context=True),
            "redline without context": engine.render_redline(diff, context=False),
            "side by side": engine.render_side_by_side(diff),
        }
        engine.to_json(diff, statement="s", from_="a", to="b")
        engine.render_text(diff, color=False)
        engine.render_markdown(diff)
    except Exception as exc:  # noqa: BLE001 - a fuzz run counts every kind of failure
        return time.perf_counter() - start, [("exception", f"{type(exc).__name__}: {exc}")], None
    seconds = time.perf_counter() - start
    trees = {}
    for name, html in rendered.items():
        try:
            trees[name] = parse(html)
        except AssertionError as exc:
            failures.append(("unbalanced", f"{name}: {exc}"))
    for change in diff.changes:
        if change.kind in ("added", "removed", "modified", "moved"):
            try:
                parse(change.redline)
            except AssertionError as exc:
                failures.append(("unbalanced", f"change: {exc}"))
                break
    if failures:
        return seconds, failures, diff
    want_new = " ".join(" ".join(b.text for b in diff.new).split())
    want_old = " ".join(" ".join(b.text for b in diff.old).split())
    got = new_text(trees["redline"])
    if got != want_new:
        failures.append(("readback-new", _first_difference(got, want_new)))
    try:
        got = old_text(trees["redline"])
        if got != want_old:
            failures.append(("readback-old", _first_difference(got, want_old)))
    except AssertionError as exc:
        failures.append(("readback-old", str(exc)[:300]))
    rows = side_by_side_columns(trees["side by side"])
    for entry, (_, left, right) in zip(_alignment(diff), rows):
        change = entry.change
        if change is None or entry.moved_away is not None or change.kind not in ("modified", "moved"):
            continue
        if change.new is not None and right != text(change.new.html):
            failures.append(("side-by-side", f"new column: {_first_difference(right, text(change.new.html))}"))
            break
        if change.old is not None and left != text(_strip_ids(change.old.html)):
            failures.append(("side-by-side", f"old column: {_first_difference(left, text(change.old.html))}"))
            break
    for change in diff.changes:
        if change.kind == "moved" and change.old is not None and change.new is not None:
            if _wording(change.old.text) != _wording(change.new.text) and "redline-" not in change.redline.replace("redline-sr", ""):
                failures.append(("hidden-move", f"{change.old.text[:80]!r} → {change.new.text[:80]!r}"))
                break
    return seconds, failures, diff
