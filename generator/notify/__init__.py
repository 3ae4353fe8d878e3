"""Notifications: when a version is published or takes effect, tell the channels, exactly once.

The pipeline::

    statements ──due_events()──▶ events ──channels' wants()──▶ deliveries ──ledger──▶ due ──send──▶ ledger

* :mod:`.events` — :class:`Event` with a stable id and a versioned JSON payload (``"schema": 1``).
* :mod:`.channels` — webhook (Standard Webhooks), e-mail (SMTP), command (JSON on stdin).
* :mod:`.ledger` — the append-only JSON-lines record of every delivery, committed to git.
* :mod:`.runner` — :func:`plan_deliveries` and :func:`run_notifications`.
* :mod:`.config` — :class:`NotifyConfig`, the ``notify`` options of the ``statements`` plugin.
* :mod:`.command_line` — the ``statement notify`` click command.

Errors: misconfiguration raises :class:`generator.errors.NotifyError` before anything is sent; a
delivery that fails is reported in the :class:`Report` and retried by the next run, never raised.
"""

from __future__ import annotations

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
from .events import SCHEMA, Event, build_event, due_events, event_id
from .ledger import Ledger, LedgerRecord, commit_ledger
from .runner import Delivery, DeliveryResult, Plan, Report, plan_deliveries, run_notifications

__all__ = [
    "EVENT_PUBLISHED",
    "EVENT_EFFECTIVE",
    "EVENT_TYPES",
    "SCHEMA",
    "NotifyConfig",
    "WebhookChannelConfig",
    "EmailChannelConfig",
    "CommandChannelConfig",
    "load_notify_config",
    "Event",
    "event_id",
    "build_event",
    "due_events",
    "Ledger",
    "LedgerRecord",
    "commit_ledger",
    "Channel",
    "ChannelContext",
    "Delivered",
    "WebhookChannel",
    "EmailChannel",
    "CommandChannel",
    "Delivery",
    "Plan",
    "DeliveryResult",
    "Report",
    "plan_deliveries",
    "run_notifications",
]
