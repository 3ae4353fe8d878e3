"""The history page's timeline picture: an inline SVG made at build time (no JavaScript).

Versions sit on a time axis at their effective dates. Each version after the first stands on a stem
whose height shows the size of its change (words added + removed, square-root scaled so a small
edit stays visible next to a rewrite); material changes are diamonds, other changes circles,
upcoming versions are hollow, and the version in force wears a ring. "Today" (the build's
``as_of`` date) is a dashed line. Every point is a link to its version, named for screen readers.

Two drawings of the same data are made: a horizontal one for wide screens and a vertical one
(newest on top, like the table under it) for phones; CSS shows one of them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal, Sequence
from xml.sax.saxutils import escape, quoteattr

from .i18n import DEFAULT, N_, format_date, gettext, ngettext

__all__ = ["TimelinePoint", "timeline_svg", "timeline_description", "point_label"]

Orientation = Literal["horizontal", "vertical"]


@dataclass(frozen=True)
class TimelinePoint:
    """One version on the timeline."""

    key: str
    effective: dt.date
    url: str
    status: str  # "in-force" | "archived" | "upcoming" | "draft"
    material: bool
    #: words added and removed against the previous version; None for the first version
    words_added: int | None = None
    words_removed: int | None = None
    #: the statement's first version (nothing before it to change)
    first: bool = False

    @property
    def words_changed(self) -> int | None:
        """Words added plus words removed; None for the first version or when not measured."""
        if self.words_added is None and self.words_removed is None:
            return None
        return (self.words_added or 0) + (self.words_removed or 0)


#: The label of the build's date on the timeline (a name, so that extraction finds it: not in an f-string).
_TODAY = N_("Today")
_STATUS = {"in-force": N_("in force"), "archived": N_("archived"), "upcoming": N_("upcoming"), "draft": N_("draft")}


def _status(status: str, language: str) -> str:
    return gettext(_STATUS[status], language) if status in _STATUS else status


def point_label(point: TimelinePoint, language: str = DEFAULT) -> str:
    """What a screen reader says for a point: date, status, kind and size of the change."""
    parts = [
        gettext("Version effective %(date)s", language) % {"date": format_date(point.effective, language)},
        _status(point.status, language),
    ]
    if point.first:
        parts.append(gettext("first version", language))
    else:
        parts.append(gettext("material change", language) if point.material else gettext("change", language))
        if point.words_changed is not None:
            added, removed = point.words_added or 0, point.words_removed or 0
            parts.append(ngettext("%(added)d word added, %(removed)d removed", "%(added)d words added, %(removed)d removed", added, language)
                         % {"added": added, "removed": removed})
    return ", ".join(parts)


def timeline_description(points: Sequence[TimelinePoint], *, as_of: dt.date, language: str = DEFAULT) -> str:
    """A text equivalent of the picture, newest version first (the order of the table under it)."""
    if not points:
        return gettext("No versions.", language)
    newest_first = sorted(points, key=lambda p: p.effective, reverse=True)
    material = sum(1 for p in newest_first if p.material and not p.first)
    items = []
    for point in newest_first:
        facts = [_status(point.status, language)]
        if point.first:
            facts.append(gettext("first version", language))
        elif point.words_changed is None:
            facts.append(gettext("material change", language) if point.material else gettext("change", language))
        elif point.material:
            facts.append(ngettext("material change, %(num)d word changed", "material change, %(num)d words changed", point.words_changed, language)
                         % {"num": point.words_changed})
        else:
            facts.append(ngettext("%(num)d word changed", "%(num)d words changed", point.words_changed, language) % {"num": point.words_changed})
        items.append(f"{format_date(point.effective, language)} ({', '.join(facts)})")
    return ngettext(
        "%(num)d version, %(material)d with a material change, newest first: %(items)s. Today is %(today)s.",
        "%(num)d versions, %(material)d with a material change, newest first: %(items)s. Today is %(today)s.",
        len(newest_first), language,
    ) % {"num": len(newest_first), "material": material, "items": "; ".join(items), "today": format_date(as_of, language)}


# --- geometry ----------------------------------------------------------------------------------


def _span(points: Sequence[TimelinePoint], as_of: dt.date) -> tuple[dt.date, dt.date]:
    days = [p.effective for p in points] + [as_of]
    start, end = min(days), max(days)
    pad = max(20, (end - start).days // 25)
    return start - dt.timedelta(days=pad), end + dt.timedelta(days=pad)


def _scale(start: dt.date, end: dt.date, lo: float, hi: float):
    total = (end - start).days or 1  # negative when the axis runs backwards (newest on top)
    return lambda day: lo + (hi - lo) * (day - start).days / total


def _stem(point: TimelinePoint, largest: int, shortest: float, longest: float) -> float:
    if point.words_changed is None:
        return 0.0
    if largest <= 0:
        return shortest
    return shortest + (longest - shortest) * math.sqrt(point.words_changed / largest)


def _lanes(positions: Sequence[float], min_gap: float) -> list[int]:
    """Greedy lanes so that labels closer than ``min_gap`` along the axis do not overlap."""
    lanes: list[int] = []
    last: dict[int, float] = {}
    for pos in positions:
        lane = 0
        while lane in last and pos - last[lane] < min_gap:
            lane += 1
        last[lane] = pos
        lanes.append(lane)
    return lanes


def _marker(point: TimelinePoint, x: float, y: float) -> str:
    classes = ["tl-marker", "tl-marker--material" if point.material and not point.first else "tl-marker--change"]
    if point.status == "upcoming" or point.status == "draft":
        classes.append("tl-marker--upcoming")
    cls = " ".join(classes)
    parts = []
    if point.status == "in-force":
        parts.append(f'<circle class="tl-ring" cx="{x:.1f}" cy="{y:.1f}" r="12" fill="none" stroke="currentColor" stroke-width="2"/>')
    if "tl-marker--material" in classes:
        s = 8.5
        path = f"M{x:.1f},{y - s:.1f} L{x + s:.1f},{y:.1f} L{x:.1f},{y + s:.1f} L{x - s:.1f},{y:.1f} Z"
        parts.append(f'<path class="{cls}" d="{path}" fill="currentColor" stroke="currentColor" stroke-width="2"/>')
    else:
        parts.append(f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="6.5" fill="currentColor" stroke="currentColor" stroke-width="2"/>')
    return "".join(parts)


def _size_text(point: TimelinePoint, language: str) -> str:
    if point.first:
        return gettext("first version", language)
    if point.words_changed is None:
        return ""
    return f"+{point.words_added or 0} \u2212{point.words_removed or 0}"


def timeline_svg(
    points: Sequence[TimelinePoint],
    *,
    as_of: dt.date,
    title: str,
    id_prefix: str = "timeline",
    orientation: Orientation = "horizontal",
    language: str = DEFAULT,
) -> str:
    """The timeline as an inline ``<svg>`` element (a string of markup).

    ``title`` names the picture; ids inside start with ``id_prefix`` so that several
    pictures can share a page.
    """
    ordered = sorted(points, key=lambda p: p.effective)
    if orientation == "vertical":
        body, width, height = _vertical(ordered, as_of, language)
    else:
        body, width, height = _horizontal(ordered, as_of, language)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return (
        f'<svg class="statement-timeline__svg statement-timeline__svg--{orientation}" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="group"'
        f' aria-labelledby="{title_id}" aria-describedby="{desc_id}" font-family="inherit">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(timeline_description(ordered, as_of=as_of, language=language))}</desc>'
        f"{body}</svg>"
    )


def _link(point: TimelinePoint, inner: str, language: str) -> str:
    label = point_label(point, language)
    status = point.status if point.status in _STATUS else "archived"
    return (
        f'<a class="tl-point tl-point--{status}" href={quoteattr(point.url)} aria-label={quoteattr(label)}>'
        f"<title>{escape(label)}</title>{inner}</a>"
    )


def _horizontal(points: Sequence[TimelinePoint], as_of: dt.date, language: str) -> tuple[str, int, int]:
    width, left, right = 760, 56, 56
    axis_y, shortest, longest = 150, 18, 90
    start, end = _span(points, as_of)
    x_of = _scale(start, end, left, width - right)
    largest = max((p.words_changed or 0 for p in points), default=0)
    lanes = _lanes([x_of(p.effective) for p in points], 92)
    height = axis_y + 32 + 18 * max(lanes, default=0)
    out = ['<g class="tl-axis" aria-hidden="true">']
    # Years as alternating bands, labelled at the top where no stem or label reaches.
    for year in range(start.year, end.year + 1):
        x0 = max(x_of(dt.date(year, 1, 1)), left - 20)
        x1 = min(x_of(dt.date(year + 1, 1, 1)), width - right + 20)
        if x1 <= x0:
            continue
        if year % 2 == 0:
            out.append(f'<rect class="tl-band" x="{x0:.1f}" y="0" width="{x1 - x0:.1f}" height="{axis_y}" fill="currentColor" opacity=".07"/>')
        if x1 - x0 >= 34:
            out.append(f'<text class="tl-year" x="{x0 + 5:.1f}" y="12" font-size="11">{year}</text>')
    out.append(f'<line x1="{left - 20}" y1="{axis_y}" x2="{width - right + 20}" y2="{axis_y}" stroke="currentColor" stroke-width="1.5"/>')
    today = x_of(as_of)
    out.append(
        f'<line class="tl-today" x1="{today:.1f}" y1="18" x2="{today:.1f}" y2="{axis_y + 6}" stroke="currentColor" stroke-dasharray="4 3"/>'
        f'<text class="tl-today-label" x="{today - 4:.1f}" y="28" text-anchor="end" font-size="11">{escape(gettext(_TODAY, language))}</text>'
    )
    out.append("</g>")
    for point, lane in reversed(list(zip(points, lanes))):
        x = x_of(point.effective)
        top = axis_y - _stem(point, largest, shortest, longest)
        inner = []
        if point.words_changed is not None:
            dash = ' stroke-dasharray="3 3"' if point.status in ("upcoming", "draft") else ""
            inner.append(f'<line class="tl-stem" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{top:.1f}" stroke="currentColor" stroke-width="3"{dash}/>')
        inner.append(_marker(point, x, top))
        inner.append(f'<text class="tl-size" x="{x:.1f}" y="{top - 15:.1f}" text-anchor="middle" font-size="12">{escape(_size_text(point, language))}</text>')
        label_y = axis_y + 22 + 18 * lane
        inner.append(f'<text class="tl-date" x="{x:.1f}" y="{label_y}" text-anchor="middle" font-size="12">{escape(format_date(point.effective, language, "medium"))}</text>')
        out.append(_link(point, "".join(inner), language))
    return "".join(out), width, height


def _vertical(points: Sequence[TimelinePoint], as_of: dt.date, language: str) -> tuple[str, int, int]:
    # Newest on top; positions follow time but keep a minimum gap so labels never collide.
    width, axis_x, shortest, longest, gap, top_pad = 340, 118, 14, 150, 40, 34
    start, end = _span(points, as_of)
    natural = len(points) * gap * 1.6 + 60
    y_of = _scale(end, start, top_pad, top_pad + max(natural, 160))
    marks = sorted([(y_of(p.effective), p) for p in points] + [(y_of(as_of), None)], key=lambda m: m[0])
    placed: list[tuple[float, TimelinePoint | None]] = []
    for y, point in marks:
        if placed and y - placed[-1][0] < (gap if point is not None and placed[-1][1] is not None else 26):
            y = placed[-1][0] + (gap if point is not None and placed[-1][1] is not None else 26)
        placed.append((y, point))
    height = int(placed[-1][0] + 30)
    largest = max((p.words_changed or 0 for p in points), default=0)
    out = ['<g class="tl-axis" aria-hidden="true">']
    out.append(f'<line x1="{axis_x}" y1="{top_pad - 20}" x2="{axis_x}" y2="{height - 8}" stroke="currentColor" stroke-width="1.5"/>')
    for y, point in placed:
        if point is None:
            out.append(
                f'<line class="tl-today" x1="{axis_x - 62}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="currentColor" stroke-dasharray="4 3"/>'
                f'<text class="tl-today-label" x="{width - 8}" y="{y - 4:.1f}" text-anchor="end" font-size="12">{escape(gettext(_TODAY, language))}</text>'
            )
    out.append("</g>")
    for y, point in placed:  # top to bottom: newest first
        if point is None:
            continue
        right = axis_x + _stem(point, largest, shortest, longest)
        inner = []
        if point.words_changed is not None:
            dash = ' stroke-dasharray="3 3"' if point.status in ("upcoming", "draft") else ""
            inner.append(f'<line class="tl-stem" x1="{axis_x}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="currentColor" stroke-width="3"{dash}/>')
        else:
            right = axis_x
        inner.append(_marker(point, right, y))
        inner.append(f'<text class="tl-date" x="{axis_x - 12}" y="{y + 4:.1f}" text-anchor="end" font-size="13">{escape(format_date(point.effective, language, "medium"))}</text>')
        inner.append(f'<text class="tl-size" x="{right + 16:.1f}" y="{y + 4:.1f}" font-size="12">{escape(_size_text(point, language))}</text>')
        out.append(_link(point, "".join(inner), language))
    return "".join(out), width, height
