"""Plan and run deliveries: which (event, channel) pairs are due, and delivering them.

A delivery is *due* when its event has taken place by ``as_of``, the channel wants the event, and
the ledger holds no ``delivered``, ``refused`` or ``skipped`` line for the pair. Running delivers
every due pair and records each outcome in the ledger before the next one starts.

Before anything is sent: every channel's environment is checked (missing secrets, a program that
does not exist: :class:`NotifyError`, nothing sent), and when the ledger is pushed, a push to its
branch is probed (:class:`LedgerUnrecordable`, nothing sent). While sending, the run keeps to its
``budget``; a channel whose receiver cannot be reached ``circuit_breaker`` times in a row is skipped
for the rest of the run; a channel whose receiver answered 410 Gone stays disabled until its
settings change.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..errors import NotifyError
from ..model import Statement
from .channels import Channel, ChannelContext, Delivered, Redactor, make_channel
from .channels.base import secret_looking_values
from .config import NotifyConfig, load_notify_config
from .events import Classifier, Event, due_events, test_event
from .ledger import Ledger, LedgerRecord, now_utc
from .store import LedgerStore

__all__ = [
    "Delivery", "Plan", "DeliveryResult", "Report", "plan_deliveries", "run_notifications", "resend", "send_test",
]

ResultOutcome = Literal["delivered", "failed", "refused", "skipped", "previewed"]
Mode = Literal["send", "dry-run", "baseline", "resend"]


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
    #: e-mail: address → outcome
    recipients: Mapping[str, str] | None = None
    #: ``resend`` for an attempt a person asked for
    trigger: str | None = None
    #: the receiver answered 410 Gone
    gone: bool = False
    #: False when nothing was attempted and nothing written (a disabled channel)
    recorded: bool = True

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
            "recipients": dict(self.recipients) if self.recipients else None,
            "trigger": self.trigger,
            "recorded": self.recorded,
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
    #: why the ledger could not be committed or pushed after delivering
    commit_error: str | None = None
    #: the branch and remote the ledger was pushed to (``--push``)
    pushed: str | None = None

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
    def refused(self) -> tuple[DeliveryResult, ...]:
        """Deliveries refused for good in this run (e-mail 5xx): recorded, not tried again."""
        return self._count("refused")

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
        """0 when nothing failed (or nothing was due), 1 when any delivery failed or was refused, or
        the ledger could not be committed or pushed."""
        return 1 if self.failed or self.refused or self.commit_error else 0

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
            "refused": len(self.refused),
            "skipped": len(self.skipped),
            "previewed": len(self.previewed),
            "results": [result.to_dict() for result in self.results],
            "warnings": list(self.warnings),
            "commit": self.commit,
            "commit_error": self.commit_error,
            "pushed": self.pushed,
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
    #: the site's languages and each statement's translations (by id): payloads name every translation
    languages: Any = None
    translations: Mapping[str, Any] = field(default_factory=dict)

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
    languages: Any = None
    translations: dict[str, Any] = {}
    if hasattr(source, "statements") and hasattr(source, "options"):
        # A generator.project.Project
        statements = tuple(source.statements)
        config = config if config is not None else source.options.notify
        root = root if root is not None else source.root
        as_of = as_of or source.as_of
        mkdocs_config = source.config
        site_url = site_url if site_url is not None else _get(mkdocs_config, "site_url")
        site_name = _get(mkdocs_config, "site_name")
        languages = getattr(source, "languages", None)
        translations = {entry.statement.id: entry for entry in getattr(source, "translations", ())}
    else:
        statements = tuple(source)
    return _Source(
        statements=statements,
        config=config if config is not None else load_notify_config({}),
        root=Path(root) if root is not None else Path.cwd(),
        as_of=as_of or dt.date.today(),
        site_url=site_url,
        site_name=site_name,
        languages=languages,
        translations=translations,
    )


def _get(mapping: Any, key: str) -> Any:
    if isinstance(mapping, Mapping) or hasattr(mapping, "get"):
        return mapping.get(key)
    return getattr(mapping, key, None)


def _plan(
    source: _Source, classify: Classifier | None, channels: Iterable[Channel] | None = None, ledger: Ledger | None = None
) -> Plan:
    warnings = list(source.warnings)
    events = due_events(
        source.statements,
        source.as_of,
        since=source.config.since,
        site_url=source.site_url,
        classify=classify,
        warnings=warnings,
        languages=source.languages,
        translations=source.translations,
    )
    ledger = ledger or Ledger(source.ledger)
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
        ledger=ledger.path,
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
    commit: bool = False,
    push: bool = False,
    remote: str = "origin",
    ledger_branch: str | None = None,
) -> Report:
    """Deliver every due (event, channel) pair and record each outcome in the ledger.

    ``dry_run`` sends and records nothing: it writes what it would send into ``outbox`` (default:
    the ``outbox`` option). ``baseline`` sends nothing and records every due delivery as
    ``skipped``, for adopting the tool on a site whose readers were already told. Secrets come from
    ``environ`` (default ``os.environ``). ``commit`` commits the ledger where it lives; ``push``
    also pushes it to ``remote`` — probed before anything is sent. ``ledger_branch`` (default: the
    ``ledger_branch`` option) keeps the ledger on a branch of its own.

    Raises :class:`NotifyError` for misconfiguration, before anything is sent;
    :class:`~.ledger.LedgerLocked` when another run holds the ledger and
    :class:`~.store.LedgerUnrecordable` when the ledger could not be pushed (nothing sent either
    way). A failed delivery is reported in the result, never raised.
    """
    if dry_run and baseline:
        raise NotifyError("--dry-run and --baseline exclude each other", fix="choose one")
    if dry_run and (commit or push):
        raise NotifyError("--commit and --push record the ledger; a dry run records nothing", fix="leave out --dry-run")
    resolved = _resolve(source, config, as_of, site_url, root)
    _refuse_future(resolved, today, dry_run)
    mode: Mode = "dry-run" if dry_run else "baseline" if baseline else "send"
    run = _Run(resolved, environ, sleep, ledger_branch, remote if push else None, commit or push)
    outbox_dir = _under(resolved.root, outbox if outbox is not None else resolved.config.outbox) if dry_run else None

    def select(plan: Plan, ledger: Ledger) -> list[tuple[Delivery, str | None]]:
        return [(delivery, None) for delivery in plan.due]

    def deliver(channel: Channel, delivery: Delivery, trigger: str | None, prior: Mapping[str, str]) -> DeliveryResult:
        if dry_run:
            return _preview(channel, delivery, outbox_dir, run.redact)  # type: ignore[arg-type]
        if baseline:
            return DeliveryResult(delivery.event, channel.name, channel.type, "skipped", detail="baseline")
        return _send(channel, delivery, run.redact, prior)

    return run.execute(mode, classify, select, deliver, progress, check=not baseline, outbox=outbox_dir)


def resend(
    source: Any,
    event_id: str,
    *,
    channel: str | None = None,
    config: NotifyConfig | None = None,
    as_of: dt.date | None = None,
    site_url: str | None = None,
    root: str | Path | None = None,
    classify: Classifier | None = None,
    environ: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[DeliveryResult], None] | None = None,
    today: dt.date | None = None,
    commit: bool = False,
    push: bool = False,
    remote: str = "origin",
    ledger_branch: str | None = None,
) -> Report:
    """Send event ``event_id`` again to every channel that receives it (or to ``channel`` only).

    Each attempt is a new ledger line marked ``"trigger": "resend"``: the ledger is appended,
    never edited. E-mail goes to every recipient again. Raises :class:`NotifyError` when no event
    with that id has taken place by ``as_of`` or the channel is unknown or does not receive it.
    """
    resolved = _resolve(source, config, as_of, site_url, root)
    _refuse_future(resolved, today, False)
    names = [cfg.label for cfg in resolved.config.channels]
    if channel is not None and channel not in names:
        raise NotifyError(
            f"no channel named '{channel}'", path=resolved.config.config_file_path,
            fix=f"use one of {', '.join(names)}" if names else "configure channels under 'notify:' first",
        )
    run = _Run(resolved, environ, sleep, ledger_branch, remote if push else None, commit or push)

    def select(plan: Plan, ledger: Ledger) -> list[tuple[Delivery, str | None]]:
        chosen = [d for d in plan.deliveries if d.event.id == event_id and (channel is None or d.channel == channel)]
        if not chosen:
            known = any(event.id == event_id for event in plan.events)
            problem = (
                f"channel '{channel}' does not receive event {event_id}" if known and channel
                else f"no channel receives event {event_id}" if known
                else f"no event {event_id} has taken place by {plan.as_of.isoformat()}"
            )
            raise NotifyError(problem, fix="'statement notify --dry-run --format json' lists the events and channels")
        return [(delivery, "resend") for delivery in chosen]

    def deliver(channel_: Channel, delivery: Delivery, trigger: str | None, prior: Mapping[str, str]) -> DeliveryResult:
        # A person asked: every recipient gets it again, whatever earlier attempts recorded.
        return replace(_send(channel_, delivery, run.redact, {}), trigger="resend")

    return run.execute("resend", classify, select, deliver, progress, check=True, outbox=None)


def send_test(
    source: Any,
    channel: str,
    *,
    config: NotifyConfig | None = None,
    site_url: str | None = None,
    root: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryResult:
    """Send a clearly marked test event (``"test": true``, type ``statement.test``) to ``channel``.

    Nothing is recorded: a test is not a notice. The event is made from the latest committed
    version of the first statement. Raises :class:`NotifyError` for an unknown channel, a
    project without versions, or a channel whose environment is incomplete.
    """
    resolved = _resolve(source, config, None, site_url, root)
    configs = {cfg.label: cfg for cfg in resolved.config.channels}
    if channel not in configs:
        names = ", ".join(configs)
        raise NotifyError(
            f"no channel named '{channel}'", path=resolved.config.config_file_path,
            fix=f"use one of {names}" if names else "configure channels under 'notify:' first",
        )
    versions = [(st, v) for st in resolved.statements for v in st.versions if not v.is_draft]
    if not versions:
        raise NotifyError("there is no committed version to make a test notice from", fix="commit a statement first")
    statement, version = versions[-1]
    event = test_event(
        statement, version, site_url=resolved.site_url,
        languages=resolved.languages, translations=resolved.translations.get(statement.id),
    )
    environ = os.environ if environ is None else environ
    redact = Redactor(secret_looking_values(environ))
    context = ChannelContext(resolved.root, environ, redact, sleep, resolved.site_name, as_of=resolved.as_of)
    target = make_channel(configs[channel], context)
    target.check_environment()
    return _send(target, Delivery(event, target.name, target.type, False), redact, {})


def _refuse_future(resolved: _Source, today: dt.date | None, dry_run: bool) -> None:
    today = today or dt.date.today()
    if not dry_run and resolved.as_of > today:
        raise NotifyError(
            f"--as-of {resolved.as_of.isoformat()} lies in the future; notices go out only for dates that have come",
            fix="add --dry-run to preview",
        )


_Select = Callable[[Plan, Ledger], "list[tuple[Delivery, str | None]]"]
_Deliver = Callable[[Channel, Delivery, "str | None", Mapping[str, str]], DeliveryResult]


class _Run:
    """One run's channels, ledger, lock and store; :meth:`execute` is the order things happen in."""

    def __init__(
        self, resolved: _Source, environ: Mapping[str, str] | None, sleep: Callable[[float], None],
        ledger_branch: str | None, remote: str | None, commit: bool,
    ):
        self.resolved = resolved
        self.environ = os.environ if environ is None else environ
        # Whatever looks like a secret in the environment never reaches output or the ledger.
        self.redact = Redactor(secret_looking_values(self.environ))
        self.context = ChannelContext(
            resolved.root, self.environ, self.redact, sleep, resolved.site_name, as_of=resolved.as_of
        )
        self.channels = {cfg.label: make_channel(cfg, self.context) for cfg in resolved.config.channels}
        branch = ledger_branch or resolved.config.ledger_branch
        self.store = LedgerStore(resolved.root, resolved.config.ledger, branch=branch, remote=remote)
        self.commit = commit

    def execute(
        self, mode: Mode, classify: Classifier | None, select: _Select, deliver: _Deliver,
        progress: Callable[[DeliveryResult], None] | None, *, check: bool, outbox: Path | None,
    ) -> Report:
        dry_run = mode == "dry-run"
        store = self.store
        ledger = Ledger(store.path)
        # The lock spans planning too, so a concurrent run cannot settle a pair after we read the ledger.
        with nullcontext() if dry_run else ledger.lock():
            if store.branch is not None:
                # A dry run reads the branch as it is; only a real run commits what an earlier one left.
                store.prepare(fetch=store.remote is not None, record=not dry_run)
            records = ledger.records()
            plan = _plan(self.resolved, classify, self.channels.values(), ledger)
            warnings = [self.redact(w) or "" for w in plan.warnings]
            chosen = select(plan, ledger)
            if check:
                for name in dict.fromkeys(d.channel for d, _trigger in chosen):
                    try:
                        self.channels[name].check_environment()
                    except NotifyError as exc:
                        if not dry_run:
                            raise
                        warnings.append(str(exc))
            disabled = _disabled(records, self.channels)
            for name, why in disabled.items():
                if any(d.channel == name for d, _trigger in chosen):
                    warnings.append(f"channel '{name}' is disabled: {why}")
            if chosen and not dry_run:
                try:
                    if self.commit:
                        store.check()
                    store.probe(_announcement(mode, plan.as_of, [d for d, _trigger in chosen]))
                except NotifyError as exc:
                    # git's messages may quote a remote address with a token in it.
                    raise type(exc)(self.redact(exc.detail) or "", path=exc.path, fix=exc.fix) from None
            budget = self.resolved.config.budget
            results = []
            for delivery, trigger in chosen:
                channel = self.channels[delivery.channel]
                if self.context.deadline is None and mode in ("send", "resend"):
                    self.context.deadline = time.monotonic() + budget
                result = self._one(channel, delivery, trigger, deliver, disabled, records, dry_run or mode == "baseline", budget)
                if result.gone:
                    disabled[channel.name] = _gone(now_utc())
                if result.recorded and not dry_run:
                    # A failure to record propagates: the run stops, and the next one re-sends this event.
                    ledger.append(_record(result, channel))
                results.append(result)
                if progress is not None:
                    progress(result)
            warnings.extend(self.redact(w) or "" for w in ledger.warnings if w not in warnings)
            report = Report(
                as_of=plan.as_of, mode=mode, ledger=plan.ledger, results=tuple(results), already=len(plan.settled),
                warnings=tuple(dict.fromkeys(warnings)), outbox=outbox,
            )
            if self.commit and not dry_run:
                report = self._record(report)
        return report

    def _one(
        self, channel: Channel, delivery: Delivery, trigger: str | None, deliver: _Deliver,
        disabled: dict[str, str], records: list[LedgerRecord], offline: bool, budget: float,
    ) -> DeliveryResult:
        def failed(error: str, recorded: bool = True) -> DeliveryResult:
            return DeliveryResult(delivery.event, channel.name, channel.type, "failed", error=error, trigger=trigger, recorded=recorded)

        if not offline:
            if channel.name in disabled:
                # Not recorded: nothing was attempted, and the notice stays due for when the channel is fixed.
                return failed(f"channel disabled: {disabled[channel.name]}", recorded=False)
            if channel.circuit.open:
                return failed(f"circuit open: {channel.circuit.failures} consecutive connection failures in this run; tried again next run")
            if self.context.remaining() == 0:
                return failed(f"the run's budget of {budget:g} s is spent; tried again next run")
        return deliver(channel, delivery, trigger, _prior(records, delivery))

    def _record(self, report: Report) -> Report:
        """Commit (and push) the ledger after the run; a failure is reported, never raised."""
        store = self.store
        if not store.path.exists():
            return report  # nothing was ever recorded: nothing to commit, no branch to create remotely
        try:
            sha = store.commit()
            store.push()
        except NotifyError as exc:
            return replace(report, commit_error=self.redact(f"the ledger is written but not recorded: {exc}"))
        pushed = f"{store.remote} {store.branch or 'HEAD'}" if store.remote else None
        return replace(report, commit=sha, pushed=pushed)


def _announcement(mode: Mode, as_of: dt.date, deliveries: list[Delivery]) -> str:
    """The message of the commit pushed before sending: what this run is about to deliver."""
    verb = "resending" if mode == "resend" else "recording" if mode == "baseline" else "sending"
    lines = [f"Notification run as of {as_of.isoformat()}: {verb} {len(deliveries)} due deliveries", ""]
    lines += [
        f"- {d.event.statement_id} {d.event.effective.isoformat()} {d.event.kind} → {d.channel} ({d.event.id})"
        for d in deliveries
    ]
    return "\n".join(lines) + "\n"


def _prior(records: list[LedgerRecord], delivery: Delivery) -> dict[str, str]:
    """What earlier attempts of this pair recorded per recipient, the latest word for each address."""
    prior: dict[str, str] = {}
    for record in records:
        if record.event == delivery.event.id and record.channel == delivery.channel and record.recipients:
            for address, status in record.recipients.items():
                if prior.get(address) != "delivered":
                    prior[address] = status
    return prior


def _disabled(records: list[LedgerRecord], channels: Mapping[str, Channel]) -> dict[str, str]:
    """Channels whose receiver answered 410 Gone with the settings they still have, and why."""
    disabled: dict[str, str] = {}
    for record in records:
        channel = channels.get(record.channel)
        if channel is None or record.channel_config != channel.fingerprint:
            continue
        if record.disabled:
            disabled[record.channel] = _gone(record.time)
        elif record.outcome == "delivered":
            disabled.pop(record.channel, None)
    return disabled


def _gone(time: str) -> str:
    return f"the receiver answered 410 Gone on {time}; change the channel's settings in mkdocs.yml (e.g. its url) to enable it again"


def _send(channel: Channel, delivery: Delivery, redact: Redactor, prior: Mapping[str, str] | None = None) -> DeliveryResult:
    try:
        outcome = channel.send(delivery.event, prior or {})
    except Exception as exc:  # noqa: BLE001 - one broken channel must not stop the others
        outcome = Delivered(False, 1, error=redact(f"{type(exc).__name__}: {exc}"))
    status: ResultOutcome = "delivered" if outcome.ok else "refused" if outcome.permanent else "failed"
    recipients = {address: redact(value) or "" for address, value in outcome.recipients.items()} if outcome.recipients else None
    return DeliveryResult(
        delivery.event,
        channel.name,
        channel.type,
        status,
        attempts=outcome.attempts,
        detail=redact(outcome.detail),
        error=redact(outcome.error),
        recipients=recipients,
        gone=outcome.gone,
    )


def _preview(channel: Channel, delivery: Delivery, outbox: Path, redact: Redactor) -> DeliveryResult:
    try:
        path = channel.preview(delivery.event, outbox)
    except Exception as exc:  # noqa: BLE001 - e.g. a broken template: shown as a failure of the preview
        return DeliveryResult(
            delivery.event, channel.name, channel.type, "failed", error=redact(f"{type(exc).__name__}: {exc}")
        )
    return DeliveryResult(delivery.event, channel.name, channel.type, "previewed", preview=path)


def _record(result: DeliveryResult, channel: Channel) -> LedgerRecord:
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
        recipients=result.recipients,
        trigger=result.trigger,
        channel_config=channel.fingerprint,
        disabled=True if result.gone else None,
    )
