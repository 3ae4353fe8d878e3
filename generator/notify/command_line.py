"""``statement notify``: deliver due notifications, record them, print what happened.

Subcommands: ``statement notify resend EVENT_ID [--channel NAME]`` sends an event again (a new
ledger line, never an edit); ``statement notify test --channel NAME`` sends a marked test event
that is not recorded.

Exit status: 0 when every due delivery succeeded (or nothing was due); 1 when any failed or was
refused (the others are still delivered, and the failed ones are tried again next run), when the
ledger could not be written, committed or pushed, or when another run holds the ledger (nothing is
sent then); 2 on bad configuration (nothing is sent).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import ConfigurationError
from rich.console import Console
from rich.text import Text

from ..errors import StatementError

if TYPE_CHECKING:
    from .events import Classifier
    from .runner import DeliveryResult, Report

# The runner, the channels (httpx, smtplib, Jinja) and the ledger are imported when the command
# runs, not when ``statement`` registers it: other subcommands never pay for them.

__all__ = ["notify", "load_project", "default_classifier"]


def load_project(config_file: str | Path, as_of: dt.date | None) -> Any:
    """Load the project from mkdocs.yml with committed text only: drafts never notify."""
    from ..project import load_project as load

    return load(config_file, as_of=as_of, committed_only=True, light=True)


def default_classifier(options: Any, config: Any = None) -> Classifier | None:
    """The material-change detector as the site runs it: the plugin's options, the site's Markdown."""
    from .. import material

    markdown = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs} if config else {}
    return material.classifier(options, **markdown)


_MARKS = {
    "delivered": ("✓ delivered", "green"),
    "failed": ("✗ failed", "red"),
    "refused": ("✗ refused", "red"),
    "skipped": ("• skipped", "yellow"),
    "previewed": ("→ would send", "cyan"),
}


def _line(result: DeliveryResult) -> Text:
    label, style = _MARKS[result.outcome]
    event = result.event
    text = Text("  ")
    text.append(f"{label:<13}", style=style)
    text.append(f"{event.statement_id} {event.effective.isoformat()} {event.kind}")
    text.append(f" → {result.channel} ({result.channel_type})", style="bold")
    if result.outcome == "failed" and result.error:
        text.append(f"  {result.error}", style="red")
    elif result.preview is not None:
        text.append(f"  {result.preview}")
    elif result.detail:
        text.append(f"  {result.detail}")
    if result.attempts > 1:
        text.append(f" ({result.attempts} attempts)")
    if result.trigger:
        text.append(f" [{result.trigger}]")
    return text


def _summary(report: Report) -> Text:
    parts = []
    if report.mode == "dry-run":
        parts.append(f"{len(report.previewed)} would be sent (nothing sent, nothing recorded)")
    else:
        parts.append(f"{len(report.delivered)} delivered")
        parts.append(f"{len(report.failed)} failed")
        if report.refused:
            parts.append(f"{len(report.refused)} refused for good (not tried again)")
        if report.mode == "baseline":
            parts.append(f"{len(report.skipped)} recorded as skipped without sending")
    if report.mode == "dry-run" and report.failed:
        parts.append(f"{len(report.failed)} could not be prepared")
    parts.append(f"{report.already} already recorded")
    text = Text(", ".join(parts) + ".", style="bold red" if report.failed or report.refused else "bold")
    if report.failed and report.mode == "send":
        text.append(" Failed deliveries are tried again on the next run.", style="red")
    return text


_CONFIG_FILE = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml", show_default=True,
    help="The site's mkdocs.yml.",
)
_FORMAT = click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)


def _recording(func: Any) -> Any:
    """The options saying where the ledger goes: --commit, --push, --remote, --ledger-branch."""
    for option in reversed([
        click.option("--commit", "commit", is_flag=True, help="git add and git commit the ledger (only the ledger) after the run."),
        click.option(
            "--push", is_flag=True,
            help="Commit and push the ledger; a push is tried before anything is sent, and if it is refused nothing is sent.",
        ),
        click.option("--remote", default="origin", show_default=True, help="The remote --push pushes to."),
        click.option(
            "--ledger-branch", metavar="BRANCH",
            help="Keep the ledger on this branch of its own (default: the notify option 'ledger_branch'; none: the checked-out branch).",
        ),
    ]):
        func = option(func)
    return func


@click.group("notify", invoke_without_command=True)
@_CONFIG_FILE
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Pretend today is DATE (YYYY-MM-DD); later than today only with --dry-run.")
@click.option("--dry-run", is_flag=True, help="Send and record nothing; write what would be sent into the outbox.")
@click.option("--outbox", type=click.Path(file_okay=False), help="Folder for --dry-run output (default: the notify 'outbox' option).")
@click.option("--baseline", is_flag=True, help="Record every due delivery as skipped without sending (adopting an existing site).")
@_recording
@_FORMAT
@click.pass_context
def notify(
    ctx: click.Context,
    config_file: str,
    as_of: dt.datetime | None,
    dry_run: bool,
    outbox: str | None,
    baseline: bool,
    commit: bool,
    push: bool,
    remote: str,
    ledger_branch: str | None,
    output_format: str,
) -> None:
    """Send notifications for published and effective versions, exactly once per channel.

    Each delivery is recorded in the ledger (notify option 'ledger'); a rerun sends nothing already
    delivered and retries what failed.
    """
    if ctx.invoked_subcommand is not None:
        return
    console, errors = _consoles()
    if (commit or push) and dry_run:
        _fail(errors, "--commit and --dry-run exclude each other; a dry run records nothing")
    # Notices follow the calendar: the plugin's 'as_of' (pinned for reproducible builds) does not apply.
    as_of_date = as_of.date() if as_of else dt.date.today()
    text_output = output_format == "text"

    def run(project: Any) -> Report:
        from .runner import run_notifications

        if text_output:
            mode = " (dry run)" if dry_run else " (baseline)" if baseline else ""
            console.print(Text(f"Notifications as of {as_of_date.isoformat()}{mode}", style="bold"))
        return run_notifications(
            project,
            as_of=as_of_date,
            classify=default_classifier(project.options, project.config),
            dry_run=dry_run,
            baseline=baseline,
            # --outbox is relative to where the command runs; the option in mkdocs.yml to mkdocs.yml.
            outbox=Path(outbox).resolve() if outbox else None,
            progress=(lambda result: console.print(_line(result))) if text_output else None,
            commit=commit, push=push, remote=remote, ledger_branch=ledger_branch,
        )

    _finish(console, errors, _guarded(errors, config_file, as_of_date, run), output_format)


@notify.command("resend")
@click.argument("event_id")
@click.option("--channel", metavar="NAME", help="Only this channel (default: every channel that receives the event).")
@_CONFIG_FILE
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Pretend today is DATE (YYYY-MM-DD).")
@_recording
@_FORMAT
def resend_command(
    event_id: str, channel: str | None, config_file: str, as_of: dt.datetime | None, commit: bool, push: bool,
    remote: str, ledger_branch: str | None, output_format: str,
) -> None:
    """Send EVENT_ID again and record the attempt as a new ledger line (the ledger is never edited)."""
    console, errors = _consoles()
    as_of_date = as_of.date() if as_of else dt.date.today()
    text_output = output_format == "text"

    def run(project: Any) -> Report:
        from .runner import resend

        return resend(
            project, event_id, channel=channel, as_of=as_of_date,
            classify=default_classifier(project.options, project.config),
            progress=(lambda result: console.print(_line(result))) if text_output else None,
            commit=commit, push=push, remote=remote, ledger_branch=ledger_branch,
        )

    _finish(console, errors, _guarded(errors, config_file, as_of_date, run), output_format)


@notify.command("test")
@click.option("--channel", metavar="NAME", required=True, help="The channel to send the test event to.")
@_CONFIG_FILE
@_FORMAT
def test_command(channel: str, config_file: str, output_format: str) -> None:
    """Send a clearly marked test event to one channel; nothing is recorded in the ledger."""
    console, errors = _consoles()
    from .runner import send_test

    project = _load(errors, config_file, dt.date.today())
    try:
        result = send_test(project, channel)
    except StatementError as exc:
        _fail(errors, str(exc))
    if output_format == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        console.print(_line(result))
        console.print(Text(f"Test event {result.event.id} (not recorded in the ledger).", style="bold"))
    sys.exit(0 if result.outcome == "delivered" else 1)


def _consoles() -> tuple[Console, Console]:
    return Console(highlight=False, soft_wrap=True), Console(stderr=True, highlight=False, soft_wrap=True)


def _load(errors: Console, config_file: str, as_of: dt.date) -> Any:
    try:
        return load_project(config_file, as_of)
    except (StatementError, ConfigurationError, ValidationError) as exc:
        _fail(errors, str(exc))


def _guarded(errors: Console, config_file: str, as_of: dt.date, run: Any) -> Report:
    """Load the project and ``run`` it, turning every error into one line and its exit status."""
    from .ledger import LedgerLocked
    from .store import LedgerUnrecordable

    project = _load(errors, config_file, as_of)
    try:
        return run(project)
    except (LedgerLocked, LedgerUnrecordable) as exc:
        # Not bad input: nothing was sent, and the next run (or this one, retried) can go ahead.
        errors.print(Text(f"error: {exc}", style="red"))
        sys.exit(1)
    except (StatementError, ConfigurationError, ValidationError) as exc:
        _fail(errors, str(exc))
    except OSError as exc:
        # Most likely the ledger could not be written: stop, and let the next run re-send.
        errors.print(Text(f"error: {exc}; deliveries not recorded are sent again by the next run", style="red"))
        sys.exit(1)


def _finish(console: Console, errors: Console, report: Report, output_format: str) -> NoReturn:
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        if not report.results:
            console.print("  nothing due")
        for warning in report.warnings:
            errors.print(Text(f"warning: {warning}", style="yellow"))
        console.print(_summary(report))
        if report.commit:
            console.print(f"Committed {report.ledger.name} as {report.commit[:7]}.")
        if report.pushed:
            console.print(f"Pushed the ledger to {report.pushed}.")
        if report.commit_error:
            errors.print(Text(f"error: {report.commit_error}", style="red"))
    sys.exit(report.exit_code)


def _fail(errors: Console, message: str) -> NoReturn:
    errors.print(Text(f"error: {message}", style="red"))
    sys.exit(2)
