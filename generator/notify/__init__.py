"""Notifications: when a version is published or takes effect, tell the channels, exactly once.

The pipeline::

    statements ──due_events()──▶ events ──channels' wants()──▶ deliveries ──ledger──▶ due ──send──▶ ledger

* :mod:`.events` — :class:`Event` with a stable id and a versioned JSON payload (``"schema": 1``).
* :mod:`.channels` — webhook (Standard Webhooks), e-mail (SMTP), command (JSON on stdin).
* :mod:`.ledger` — the append-only JSON-lines record of every delivery, committed to git.
* :mod:`.store` — where the ledger lives (the working tree or a branch of its own) and pushing it.
* :mod:`.runner` — :func:`plan_deliveries`, :func:`run_notifications`, :func:`resend`, :func:`send_test`.
* :mod:`.config` — :class:`NotifyConfig`, the ``notify`` options of the ``statements`` plugin.
* :mod:`.command_line` — the ``statement notify`` click command.

Errors: misconfiguration raises :class:`generator.errors.NotifyError` before anything is sent;
:class:`LedgerLocked` (another run holds the ledger) and :class:`LedgerUnrecordable` (the ledger
cannot be pushed) also stop a run before anything is sent. A delivery that fails is reported in the
:class:`Report` and retried by the next run, never raised.

The names below are imported on first use: the plugin's configuration needs :mod:`.config` alone,
and building a site must not load the HTTP, SMTP and template machinery of the channels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .channels import Channel, ChannelContext, CommandChannel, Delivered, EmailChannel, WebhookChannel
    from .config import (
        EVENT_EFFECTIVE,
        EVENT_PUBLISHED,
        EVENT_TYPES,
        CommandChannelConfig,
        EmailChannelConfig,
        NotifyConfig,
        WebhookChannelConfig,
        load_notify_config,
    )
    from .events import EVENT_TEST, SCHEMA, Event, build_event, due_events, event_id, test_event
    from .ledger import Ledger, LedgerLocked, LedgerRecord, commit_ledger
    from .runner import (
        Delivery,
        DeliveryResult,
        Plan,
        Report,
        plan_deliveries,
        resend,
        run_notifications,
        send_test,
    )
    from .store import LedgerStore, LedgerUnrecordable

_WHERE = {
    "config": (
        "EVENT_PUBLISHED", "EVENT_EFFECTIVE", "EVENT_TYPES", "NotifyConfig", "WebhookChannelConfig",
        "EmailChannelConfig", "CommandChannelConfig", "load_notify_config",
    ),
    "events": ("EVENT_TEST", "SCHEMA", "Event", "event_id", "build_event", "due_events", "test_event"),
    "ledger": ("Ledger", "LedgerRecord", "LedgerLocked", "commit_ledger"),
    "store": ("LedgerStore", "LedgerUnrecordable"),
    "channels": ("Channel", "ChannelContext", "Delivered", "WebhookChannel", "EmailChannel", "CommandChannel"),
    "runner": (
        "Delivery", "Plan", "DeliveryResult", "Report", "plan_deliveries", "run_notifications", "resend", "send_test",
    ),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}

__all__ = [name for names in _WHERE.values() for name in names]


__getattr__, __dir__ = lazy_exports(__name__, _MODULE, globals())
