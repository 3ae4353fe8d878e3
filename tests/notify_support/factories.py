"""Build statements and versions directly, as the history reader would, for notification tests."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from typing import Any

import pytest

from generator.model import FrontMatter, Revision, Statement, Version
from generator.notify import NotifyConfig, load_notify_config

#: a syntactically valid Standard Webhooks secret, made up for the tests
WEBHOOK_SECRET = "whsec_" + base64.b64encode(b"statements-test-secret-0123456789").decode()
SMTP_PASSWORD = "s3cret-smtp-pa55word"


def _date(value: str | dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def version(
    effective: str,
    published: str | None = None,
    *,
    statement_id: str = "privacy",
    title: str = "Privacy Statement",
    material: bool = True,
    summary: str | None = "We now keep server logs for **90 days** instead of 30.",
    body: str | None = None,
    draft: bool = False,
) -> Version:
    """A version with one revision; ``draft`` makes that revision uncommitted."""
    effective_date = _date(effective)
    published_date = _date(published) if published else effective_date - dt.timedelta(days=30)
    body = body or f"## Overview\n\nText in force from {effective_date}.\n"
    meta: dict[str, Any] = {"title": title, "effective": effective_date, "material": material}
    if summary:
        meta["summary"] = summary
    text = "---\n" + "".join(f"{key}: {value}\n" for key, value in meta.items()) + "---\n\n" + body
    commit = None if draft else hashlib.sha1(text.encode()).hexdigest()
    revision = Revision(
        statement_id=statement_id,
        path=f"statements/{statement_id}.md",
        text=text,
        commit=commit,
        committed=dt.datetime.combine(published_date, dt.time(12), tzinfo=dt.timezone.utc),
        author="Legal Team",
        subject=f"{title}, effective {effective_date}",
        meta=FrontMatter.validate(meta),
        body=body,
        effective=effective_date,
    )
    return Version(
        statement_id=statement_id,
        title=title,
        effective=effective_date,
        published=published_date,
        material=material,
        summary=summary,
        review=None,
        revisions=(revision,),
        published_count=1,
    )


def statement(*versions: Version, statement_id: str = "privacy") -> Statement:
    """A statement holding ``versions`` (oldest first)."""
    return Statement(id=statement_id, path=f"statements/{statement_id}.md", versions=tuple(versions))


def privacy() -> Statement:
    """A first version from 2024 and a material update published 2025-02-01, effective 2025-03-01."""
    return statement(
        version("2024-03-01", "2024-02-20", material=False, summary=None),
        version("2025-03-01", "2025-02-01"),
    )


def notify_config(*channels: dict[str, Any], **options: Any) -> NotifyConfig:
    """A validated ``notify`` configuration with ``channels``."""
    return load_notify_config({"channels": list(channels), **options})


def environment(**extra: str) -> dict[str, str]:
    """The secrets the tests' channels name, plus ``extra``."""
    return {"STATEMENTS_WEBHOOK_SECRET": WEBHOOK_SECRET, "SMTP_USERNAME": "notifier", "SMTP_PASSWORD": SMTP_PASSWORD, **extra}


def webhook(url: str, **options: Any) -> dict[str, Any]:
    """A webhook channel mapping with fast retries (no real waiting in tests)."""
    return {
        "type": "webhook",
        "name": "ops",
        "url": url,
        "secret_env": "STATEMENTS_WEBHOOK_SECRET",
        "timeout": 2,
        "retries": 2,
        "backoff": 0.01,
        **options,
    }


def email_channel(port: int, **options: Any) -> dict[str, Any]:
    """An e-mail channel mapping for an SMTP server on 127.0.0.1."""
    return {
        "type": "email",
        "name": "subscribers",
        "host": "127.0.0.1",
        "port": port,
        "security": "none",
        "sender": "Fernhill Privacy <privacy@fernhill.test>",
        "to": ["updates@lists.fernhill.test"],
        "timeout": 5,
        **options,
    }


@pytest.fixture
def committer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A git identity for commits the code under test makes, as CI provides one."""
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Notifier")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "notifier@example.test")
