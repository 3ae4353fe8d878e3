"""Plan and run deliveries: which (event, channel) pairs are due, and delivering them.

A delivery is *due* when its event has taken place by ``as_of``, the channel wants the event, and
the ledger holds no ``delivered`` or ``skipped`` line for the pair. Running delivers every due pair
and records each outcome in the ledger before the next one starts.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import NotifyError
from ..model import Statement
from .channels import Channel, ChannelContext, Delivered, Redactor, make_channel
from .config import NotifyConfig, load_notify_config
from .events import Classifier, Event, due_events
from .ledger import Ledger, LedgerRecord, now_utc

__all__ = ["Delivery", "Plan", "DeliveryResult", "Report", "plan_deliveries", "run_notifications"]

ResultOutcome = Literal["delivered", "failed", "skipped", "previewed"]
Mode = Literal["send", "dry-run", "baseline"]


@dataclass(frozen=True)
class Delivery:
    """One event for one channel, and whether the ledger already settles it."""

    event: Event
    channel: str
    channel_type: str
    settled: bool


@dataclass(frozen=True)
class Plan:
    """Everything a run would do, computed without sending anything."""

    as_of: dt.date
    root: Path
    config: NotifyConfig
    ledger: Path
    site_url: str | None
    site_name: str | None
    events: tuple[Event, ...]
    deliveries: tuple[Delivery, ...]
    warnings: tuple[str, ...] = ()

    @property
    def due(self) -> tuple[Delivery, ...]:
        """Deliveries still owed: not yet recorded as delivered or skipped."""
        return tuple(d for d in self.deliveries if not d.settled)

    @property
    def settled(self) -> tuple[Delivery, ...]:
        """Deliveries the ledger already records as delivered or skipped."""
        return tuple(d for d in self.deliveries if d.settled)


@dataclass(frozen=True)
class DeliveryResult:
    """What became of one due delivery in this run."""

    event: Event
    channel: str
    channel_type: str
    outcome: ResultOutcome
    attempts: int = 0
    detail: str | None = None
    error: str | None = None
    #: the file a dry run wrote instead of sending
    preview: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as printed by ``statement notify --format json``."""
        return {
            "event": self.event.id,
            "type": self.event.type,
            "statement": self.event.statement_id,
            "version": self.event.effective.isoformat(),
            "channel": self.channel,
            "channel_type": self.channel_type,
            "outcome": self.outcome,
            "attempts": self.attempts,
            "detail": self.detail,
            "error": self.error,
            "preview": str(self.preview) if self.preview else None,
        }


@dataclass(frozen=True)
class Report:
    """The outcome of a run; :attr:`exit_code` is the command's exit status."""

    as_of: dt.date
    mode: Mode
    ledger: Path
    results: tuple[DeliveryResult, ...]
    #: deliveries the ledger already settled before this run
    already: int
    warnings: tuple[str, ...] = ()
    outbox: Path | None = None
    #: the commit that recorded the ledger (``--commit``)
    commit: str | None = None

    def _count(self, outcome: ResultOutcome) -> tuple[DeliveryResult, ...]:
        return tuple(r for r in self.results if r.outcome == outcome)

    @property
    def delivered(self) -> tuple[DeliveryResult, ...]:
        """Deliveries sent and accepted in this run."""
        return self._count("delivered")

    @property
    def failed(self) -> tuple[DeliveryResult, ...]:
        """Deliveries that failed in this run; the next run tries them again."""
        return self._count("failed")

    @property
    def skipped(self) -> tuple[DeliveryResult, ...]:
        """Deliveries recorded as skipped (``--baseline``)."""
        return self._count("skipped")

    @property
    def previewed(self) -> tuple[DeliveryResult, ...]:
        """Deliveries written to the outbox instead of being sent (``--dry-run``)."""
        return self._count("previewed")

    @property
    def exit_code(self) -> int:
        """0 when nothing failed (or nothing was due), 1 when any delivery failed."""
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form of the whole report."""
        return {
            "as_of": self.as_of.isoformat(),
            "mode": self.mode,
            "ledger": str(self.ledger),
            "outbox": str(self.outbox) if self.outbox else None,
            "already_settled": self.already,
            "delivered": len(self.delivered),
            "failed": len(self.failed),
            "skipped": len(self.skipped),
            "previewed": len(self.previewed),
            "results": [result.to_dict() for result in self.results],
            "warnings": list(self.warnings),
            "commit": self.commit,
            "exit_code": self.exit_code,
        }


@dataclass(frozen=True)
class _Source:
    statements: tuple[Statement, ...]
    config: NotifyConfig
    root: Path
    as_of: dt.date
    site_url: str | None
    site_name: str | None
    warnings: list[str] = field(default_factory=list)

    @property
    def ledger(self) -> Path:
        return _under(self.root, self.config.ledger)


def _under(root: Path, path: str | Path) -> Path:
    path = Path(path)
    return path if path.is_absolute() else root / path


def _resolve(
    source: Any,
    config: NotifyConfig | None,
    as_of: dt.date | None,
    site_url: str | None,
    root: str | Path | None,
) -> _Source:
    site_name = None
    if hasattr(source, "statements") and hasattr(source, "options"):
        # A generator.project.Project
        statements = tuple(source.statements)
        config = config if config is not None else source.options.notify
        root = root if root is not None else source.root
        as_of = as_of or source.as_of
        mkdocs_config = source.config
        site_url = site_url if site_url is not None else _get(mkdocs_config, "site_url")
        site_name = _get(mkdocs_config, "site_name")
    else:
        statements = tuple(source)
    return _Source(
        statements=statements,
        config=config if config is not None else load_notify_config({}),
        root=Path(root) if root is not None else Path.cwd(),
        as_of=as_of or dt.date.today(),
        site_url=site_url,
        site_name=site_name,
    )


def _get(mapping: Any, key: str) -> Any:
    if isinstance(mapping, Mapping) or hasattr(mapping, "get"):
        return mapping.get(key)
    return getattr(mapping, key, None)


def _plan(source: _Source, classify: Classifier | None, channels: Iterable[Channel] | None = None) -> Plan:
    warnings = list(source.warnings)
    events = due_events(
        source.statements,
        source.as_of,
        since=source.config.since,
        site_url=source.site_url,
        classify=classify,
        warnings=warnings,
    )
    ledger = Ledger(source.ledger)
    settled = ledger.settled()
    warnings.extend(ledger.warnings)
    if channels is None:
        context = ChannelContext(source.root, {}, Redactor(), site_name=source.site_name)
        channels = [make_channel(channel, context) for channel in source.config.channels]
    channels = list(channels)
    deliveries = tuple(
        Delivery(event, channel.name, channel.type, (event.id, channel.name) in settled)
        for event in events
        for channel in channels
        if channel.wants(event)
    )
    if not channels:
        warnings.append("no notification channels are configured; add 'notify: channels:' under the statements plugin in mkdocs.yml")
    if not source.site_url and any(not d.settled for d in deliveries):
        warnings.append("site_url is not set in mkdocs.yml, so notifications carry no links; set site_url")
    return Plan(
        as_of=source.as_of,
        root=source.root,
        config=source.config,
        ledger=source.ledger,
        site_url=source.site_url,
        site_name=source.site_name,
        events=tuple(events),
        deliveries=deliveries,
        warnings=tuple(warnings),
    )


def plan_deliveries(
    source: Any,
    *,
    config: NotifyConfig | None = None,
    as_of: dt.date | None = None,
    site_url: str | None = None,
    root: str | Path | None = None,
    classify: Classifier | None = None,
) -> Plan:
    """Work out which deliveries are due, without sending or recording anything.

    ``source`` is a :class:`generator.project.Project` (its statements, ``options.notify``, root,
    ``as_of`` and ``site_url`` are used unless given here) or an iterable of statements (then
    ``config`` defaults to an empty ``notify`` configuration, ``root`` to the current folder and
    ``as_of`` to today). ``classify(statement, version)`` adds a verdict and findings to payloads.
    """
    return _plan(_resolve(source, config, as_of, site_url, root), classify)


def run_notifications(
    source: Any,
    *,
    config: NotifyConfig | None = None,
    as_of: dt.date | None = None,
    site_url: str | None = None,
    root: str | Path | None = None,
    classify: Classifier | None = None,
    dry_run: bool = False,
    baseline: bool = False,
    outbox: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[DeliveryResult], None] | None = None,
    today: dt.date | None = None,
) -> Report:
    """Deliver every due (event, channel) pair and record each outcome in the ledger.

    ``dry_run`` sends and records nothing: it writes what it would send into ``outbox`` (default:
    the ``outbox`` option). ``baseline`` sends nothing and records every due delivery as
    ``skipped``, for adopting the tool on a site whose readers were already told. Secrets come from
    ``environ`` (default ``os.environ``). Raises :class:`NotifyError` for misconfiguration, before
    anything is sent; a failed delivery is reported in the result, never raised.
    """
    if dry_run and baseline:
        raise NotifyError("--dry-run and --baseline exclude each other", fix="choose one")
    resolved = _resolve(source, config, as_of, site_url, root)
    today = today or dt.date.today()
    if not dry_run and resolved.as_of > today:
        raise NotifyError(
            f"--as-of {resolved.as_of.isoformat()} lies in the future; notices go out only for dates that have come",
            fix="add --dry-run to preview",
        )
    environ = os.environ if environ is None else environ
    redact = Redactor()
    context = ChannelContext(resolved.root, environ, redact, sleep, resolved.site_name)
    channels = {cfg.label: make_channel(cfg, context) for cfg in resolved.config.channels}
    mode: Mode = "dry-run" if dry_run else "baseline" if baseline else "send"
    ledger = Ledger(resolved.ledger)
    outbox_dir = _under(resolved.root, outbox if outbox is not None else resolved.config.outbox) if dry_run else None

    # The lock spans planning too, so a concurrent run cannot settle a pair after we read the ledger.
    with nullcontext() if dry_run else ledger.lock():
        plan = _plan(resolved, classify, channels.values())
        warnings = list(plan.warnings)
        if not baseline:
            for name in dict.fromkeys(d.channel for d in plan.due):
                try:
                    channels[name].check_environment()
                except NotifyError as exc:
                    if not dry_run:
                        raise
                    warnings.append(str(exc))
        results = []
        for delivery in plan.due:
            channel = channels[delivery.channel]
            if dry_run:
                result = _preview(channel, delivery, outbox_dir, redact)  # type: ignore[arg-type]
            elif baseline:
                result = DeliveryResult(delivery.event, channel.name, channel.type, "skipped", detail="baseline")
                ledger.append(_record(result))
            else:
                result = _send(channel, delivery, redact)
                # A failure to record propagates: the run stops, and the next one re-sends this event.
                ledger.append(_record(result))
            results.append(result)
            if progress is not None:
                progress(result)
    return Report(
        as_of=plan.as_of,
        mode=mode,
        ledger=plan.ledger,
        results=tuple(results),
        already=len(plan.settled),
        warnings=tuple(warnings),
        outbox=outbox_dir,
    )


def _send(channel: Channel, delivery: Delivery, redact: Redactor) -> DeliveryResult:
    try:
        outcome = channel.send(delivery.event)
    except Exception as exc:  # noqa: BLE001 - one broken channel must not stop the others
        outcome = Delivered(False, 1, error=redact(f"{type(exc).__name__}: {exc}"))
    return DeliveryResult(
        delivery.event,
        channel.name,
        channel.type,
        "delivered" if outcome.ok else "failed",
        attempts=outcome.attempts,
        detail=redact(outcome.detail),
        error=redact(outcome.error),
    )


def _preview(channel: Channel, delivery: Delivery, outbox: Path, redact: Redactor) -> DeliveryResult:
    try:
        path = channel.preview(delivery.event, outbox)
    except Exception as exc:  # noqa: BLE001 - e.g. a broken template: shown as a failure of the preview
        return DeliveryResult(
            delivery.event, channel.name, channel.type, "failed", error=redact(f"{type(exc).__name__}: {exc}")
        )
    return DeliveryResult(delivery.event, channel.name, channel.type, "previewed", preview=path)


def _record(result: DeliveryResult) -> LedgerRecord:
    event = result.event
    return LedgerRecord(
        event=event.id,
        type=event.type,
        statement=event.statement_id,
        version=event.effective.isoformat(),
        channel=result.channel,
        time=now_utc(),
        outcome=result.outcome,  # type: ignore[arg-type]
        attempts=result.attempts,
        detail=result.detail,
        error=result.error,
        payload_sha256=event.payload_sha256,
    )

