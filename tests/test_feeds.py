"""Atom feeds (RFC 4287) and versions.json, as the build publishes them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from xml.etree import ElementTree as ET

import feedparser
import pytest

from generator.history import read_statement
from generator.pages import PlanOptions, plan_site
from tests.conftest import statement_text

PATH = "statements/privacy.md"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def plan(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-06-01", body="## Overview\n\nMore.\n")}, date="2024-05-01")
    repo.commit(
        files={PATH: statement_text(effective="2024-09-01", published="2024-07-15", material=True, summary="We now sell data.")},
        date="2024-07-15",
    )
    statement = read_statement(repo.path / PATH)
    options = PlanOptions(as_of=dt.date(2024, 8, 1), site_url="https://statements.test/", site_name="Test")
    return plan_site([statement], options)


def asset(plan, path):
    return next(a.content for a in plan.assets if a.path == path)


def test_the_statement_feed_is_valid_atom_with_one_entry_per_version(plan):
    feed = feedparser.parse(asset(plan, "privacy/feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 3


def test_feed_entries_have_the_elements_rfc_4287_requires(plan):
    root = ET.fromstring(asset(plan, "privacy/feed.xml").encode())
    for element in ("id", "title", "updated", "author"):
        assert root.find(ATOM + element) is not None, element
    for entry in root.findall(ATOM + "entry"):
        for element in ("id", "title", "updated", "summary"):
            assert entry.find(ATOM + element) is not None, element
        assert entry.find(ATOM + "link[@rel='alternate']") is not None


def test_material_versions_are_categorised_and_link_to_their_redline(plan):
    feed = feedparser.parse(asset(plan, "privacy/feed.xml"))
    newest = feed.entries[0]
    assert "material" in {tag.term for tag in newest.tags}
    assert newest.link == "https://statements.test/privacy/2024-09-01/changes/"
    assert newest.summary == "We now sell data."
    assert "material" not in {tag.term for tag in feed.entries[1].tags}


def test_entry_ids_are_stable_across_builds_and_site_urls(repo, plan):
    statement = read_statement(repo.path / PATH)
    other = plan_site([statement], PlanOptions(as_of=dt.date(2025, 1, 1), site_url="https://elsewhere.test/"))
    ids = lambda p: [e.id for e in feedparser.parse(asset(p, "privacy/feed.xml")).entries]  # noqa: E731
    assert ids(plan) == ids(other)


def test_the_site_wide_feed_lists_every_statement(plan):
    feed = feedparser.parse(asset(plan, "feed.xml"))
    assert not feed.bozo
    assert len(feed.entries) == 3


def test_versions_json_lists_every_version_with_hash_commit_and_urls(repo, plan):
    data = json.loads(asset(plan, "privacy/versions.json"))
    assert data["schema"] == 1 and data["statement"] == "privacy"
    assert data["current"] == "2024-06-01"
    newest = data["versions"][-1]
    assert newest["status"] == "upcoming" and newest["material"] is True
    assert newest["commit"] == repo.commits[-1]
    text = (repo.path / PATH).read_text(encoding="utf-8")
    assert newest["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert newest["urls"] == {
        "version": "https://statements.test/privacy/2024-09-01/",
        "changes": "https://statements.test/privacy/2024-09-01/changes/",
        "source": "https://statements.test/privacy/2024-09-01/privacy-2024-09-01.md",
    }


def test_a_material_version_announced_but_not_yet_in_force_raises_the_upcoming_banner(plan):
    (banner,) = plan.banners
    assert banner.kind == "upcoming" and "September 1, 2024" in banner.text


def test_the_changed_banner_ends_banner_days_after_the_effective_date(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01", material=True, summary="New.")}, date="2023-12-01")
    statement = read_statement(repo.path / PATH)
    inside = plan_site([statement], PlanOptions(as_of=dt.date(2024, 1, 20), banner_days=30))
    after = plan_site([statement], PlanOptions(as_of=dt.date(2024, 2, 15), banner_days=30))
    assert [b.kind for b in inside.banners] == ["changed"]
    assert after.banners == ()


def test_of_two_upcoming_material_versions_the_banner_names_the_next_to_take_effect(repo):
    repo.commit(files={PATH: statement_text(effective="2024-01-01")}, date="2023-12-01")
    repo.commit(files={PATH: statement_text(effective="2024-09-01", published="2024-07-01", material=True,
                                            summary="We now sell data.")}, date="2024-07-01")
    repo.commit(files={PATH: statement_text(effective="2024-12-01", published="2024-07-20", material=True,
                                            summary="We keep data longer.", body="## Retention\n\nTen years.\n")},
                date="2024-07-20")
    statement = read_statement(repo.path / PATH)
    (banner,) = plan_site([statement], PlanOptions(as_of=dt.date(2024, 8, 1))).banners
    assert banner.kind == "upcoming" and banner.version.key == "2024-09-01"
    assert "September 1, 2024" in banner.text
