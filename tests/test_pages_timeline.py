"""The history page's timeline picture (generator/timeline.py): an accessible SVG made at build time."""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree as ET

import pytest

from generator.timeline import TimelinePoint, point_label, timeline_description, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"
D = dt.date.fromisoformat
AS_OF = D("2026-11-29")


def point(key: str, *, status: str = "archived", material: bool = False, added: int | None = 10, removed: int | None = 5, first: bool = False) -> TimelinePoint:
    return TimelinePoint(
        key=key, effective=D(key), url=f"../{key}/", status=status, material=material,
        words_added=None if first else added, words_removed=None if first else removed, first=first,
    )


EXAMPLE = [
    point("2024-03-01", first=True),
    point("2025-01-15", added=12, removed=9),
    point("2026-02-01", status="in-force", material=True, added=120, removed=40),
    point("2027-01-15", status="upcoming", material=True, added=60, removed=30),
]


def draw(points=EXAMPLE, orientation: str = "horizontal") -> ET.Element:
    return ET.fromstring(timeline_svg(points, as_of=AS_OF, title="Timeline of the Privacy Statement", orientation=orientation))


def links(svg: ET.Element) -> list[ET.Element]:
    return svg.findall(f"{SVG}a")


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_the_picture_is_named_and_described_for_screen_readers(orientation):
    svg = draw(orientation=orientation)
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    assert title.text == "Timeline of the Privacy Statement"
    assert "4 versions, 2 with a material change" in desc.text


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_each_version_is_a_link_to_its_page_in_newest_first_order(orientation):
    svg = draw(orientation=orientation)
    assert [a.get("href") for a in links(svg)] == ["../2027-01-15/", "../2026-02-01/", "../2025-01-15/", "../2024-03-01/"]


def test_each_link_is_named_with_date_status_and_size_of_the_change():
    labels = [a.get("aria-label") for a in links(draw())]
    assert labels[1] == "Version effective February 1, 2026, in force, material change, 120 words added, 40 removed"
    assert labels[3] == "Version effective March 1, 2024, archived, first version"


def test_each_link_has_a_title_for_a_tooltip():
    for a in links(draw()):
        assert a.find(f"{SVG}title").text == a.get("aria-label")


def test_material_changes_are_diamonds_and_other_changes_circles():
    svg = draw()
    shapes = {a.get("href"): a.find(f"{SVG}path[@class]") is not None for a in links(svg)}
    assert shapes == {"../2027-01-15/": True, "../2026-02-01/": True, "../2025-01-15/": False, "../2024-03-01/": False}


def stem_lengths(svg: ET.Element) -> dict[str, float]:
    lengths = {}
    for a in links(svg):
        stem = a.find(f"{SVG}line[@class='tl-stem']")
        if stem is not None:
            lengths[a.get("href")] = abs(float(stem.get("y1")) - float(stem.get("y2")))
    return lengths


def test_a_larger_change_has_a_longer_stem():
    lengths = stem_lengths(draw())
    assert lengths["../2026-02-01/"] > lengths["../2027-01-15/"] > lengths["../2025-01-15/"] > 0


def test_the_first_version_has_no_stem():
    assert "../2024-03-01/" not in stem_lengths(draw())


def test_the_size_of_each_change_is_written_next_to_it():
    sizes = [a.find(f"{SVG}text[@class='tl-size']").text for a in links(draw())]
    assert sizes == ["+60 \u221230", "+120 \u221240", "+12 \u22129", "first version"]


def test_an_upcoming_version_is_hollow_with_a_dashed_stem():
    upcoming = links(draw())[0]
    assert "tl-marker--upcoming" in upcoming.find(f"{SVG}path").get("class")
    assert upcoming.find(f"{SVG}line[@class='tl-stem']").get("stroke-dasharray")


def test_the_version_in_force_wears_a_ring():
    rings = [a.get("href") for a in links(draw()) if a.find(f"{SVG}circle[@class='tl-ring']") is not None]
    assert rings == ["../2026-02-01/"]


def test_today_is_marked_between_the_version_in_force_and_the_upcoming_one():
    svg = draw()
    today = float(svg.find(f".//{SVG}line[@class='tl-today']").get("x1"))
    x = {a.get("href"): float(a.find(f"{SVG}text[@class='tl-date']").get("x")) for a in links(svg)}
    assert x["../2026-02-01/"] < today < x["../2027-01-15/"]


def test_positions_follow_time():
    svg = draw()
    x = [float(a.find(f"{SVG}text[@class='tl-date']").get("x")) for a in links(svg)]
    gaps = [x[i] - x[i + 1] for i in range(3)]  # newest first: x decreases
    assert all(gap > 0 for gap in gaps)
    # 2025-01-15 → 2026-02-01 (382 days) is wider than 2026-02-01 → 2027-01-15 (348 days)
    assert gaps[1] > gaps[0]


def test_dates_close_together_get_their_labels_on_separate_rows():
    svg = draw([point("2024-03-01", first=True), point("2024-03-08"), point("2026-01-01")])
    rows = {a.get("href"): float(a.find(f"{SVG}text[@class='tl-date']").get("y")) for a in links(svg)}
    assert rows["../2024-03-01/"] != rows["../2024-03-08/"]
    assert rows["../2026-01-01/"] == rows["../2024-03-01/"]


def test_vertical_drawing_puts_the_newest_version_on_top_with_room_for_each_label():
    svg = draw(orientation="vertical")
    y = [float(a.find(f"{SVG}text[@class='tl-date']").get("y")) for a in links(svg)]
    assert y == sorted(y)
    assert min(b - a for a, b in zip(y, y[1:])) >= 30


def test_ids_start_with_the_given_prefix_so_two_pictures_can_share_a_page():
    markup = timeline_svg(EXAMPLE, as_of=AS_OF, title="T", id_prefix="timeline-privacy-vertical", orientation="vertical")
    assert set(re.findall(r'\sid="([^"]+)"', markup)) == {"timeline-privacy-vertical-title", "timeline-privacy-vertical-desc"}


def test_a_single_version_still_makes_a_picture():
    svg = draw([point("2024-03-01", status="in-force", first=True)])
    assert len(links(svg)) == 1
    assert float(svg.get("height")) > 0


def test_text_is_escaped():
    markup = timeline_svg(EXAMPLE, as_of=AS_OF, title="Terms & <Conditions>")
    assert "Terms &amp; &lt;Conditions&gt;" in markup


def test_the_description_lists_every_version_newest_first():
    text = timeline_description(EXAMPLE, as_of=AS_OF)
    assert text.index("January 15, 2027") < text.index("February 1, 2026") < text.index("March 1, 2024")
    assert "Today is November 29, 2026." in text


def test_a_version_without_a_measured_change_is_not_called_the_first():
    assert point_label(point("2025-01-15", added=None, removed=None)) == "Version effective January 15, 2025, archived, change"
