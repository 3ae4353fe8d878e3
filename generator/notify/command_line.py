"""``statement notify``: deliver due notifications, record them, print what happened.

Exit status: 0 when every due delivery succeeded (or nothing was due), 1 when any failed (the others
are still delivered, and the failed ones are tried again next run) or the ledger could not be
written or committed, 2 on bad configuration (nothing is sent).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

import click
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import ConfigurationError
from rich.console import Console
from rich.text import Text

from ..errors import NotifyError, StatementError
from .events import Classifier
from .ledger import commit_ledger
from .runner import DeliveryResult, Report, run_notifications

__all__ = ["notify", "load_project", "default_classifier"]


def load_project(config_file: str | Path, as_of: dt.date | None) -> Any:
    """Load the project from mkdocs.yml with committed text only: drafts never notify."""
    from ..project import load_project as load

    return load(config_file, as_of=as_of, committed_only=True)


def default_classifier(options: Any, config: Any = None) -> Classifier | None:
    """The material-change detector as the site runs it: the plugin's options, the site's Markdown."""
    from .. import material

    markdown = {"extensions": config.markdown_extensions, "extension_configs": config.mdx_configs} if config else {}
    return material.classifier(options, **markdown)


_MARKS = {
    "delivered": ("✓ delivered", "green"),
    "failed": ("✗ failed", "red"),
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
    return text


def _summary(report: Report) -> Text:
    parts = []
    if report.mode == "dry-run":
        parts.append(f"{len(report.previewed)} would be sent (nothing sent, nothing recorded)")
    else:
        parts.append(f"{len(report.delivered)} delivered")
        parts.append(f"{len(report.failed)} failed")
        if report.mode == "baseline":
            parts.append(f"{len(report.skipped)} recorded as skipped without sending")
    if report.mode == "dry-run" and report.failed:
        parts.append(f"{len(report.failed)} could not be prepared")
    parts.append(f"{report.already} already recorded")
    text = Text(", ".join(parts) + ".", style="bold red" if report.failed else "bold")
    if report.failed and report.mode == "send":
        text.append(" Failed deliveries are tried again on the next run.", style="red")
    return text


@click.command("notify")
@click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml", show_default=True,
    help="The site's mkdocs.yml.",
)
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Pretend today is DATE (YYYY-MM-DD); later than today only with --dry-run.")
@click.option("--dry-run", is_flag=True, help="Send and record nothing; write what would be sent into the outbox.")
@click.option("--outbox", type=click.Path(file_okay=False), help="Folder for --dry-run output (default: the notify 'outbox' option).")
@click.option("--baseline", is_flag=True, help="Record every due delivery as skipped without sending (adopting an existing site).")
@click.option("--commit", "commit", is_flag=True, help="git add and git commit the ledger (only the ledger) after the run.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def notify(
    config_file: str,
    as_of: dt.datetime | None,
    dry_run: bool,
    outbox: str | None,
    baseline: bool,
    commit: bool,
    output_format: str,
) -> None:
    """Send notifications for published and effective versions, exactly once per channel.

    Each delivery is recorded in the ledger (notify option 'ledger'); a rerun sends nothing already
    delivered and retries what failed.
    """
    console = Console(highlight=False, soft_wrap=True)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    as_of_date = as_of.date() if as_of else None
    if commit and dry_run:
        _fail(errors, "--commit and --dry-run exclude each other; a dry run records nothing")
    try:
        # Notices follow the calendar: the plugin's 'as_of' (pinned for reproducible builds) does not apply.
        as_of_date = as_of_date or dt.date.today()
        project = load_project(config_file, as_of_date)
        text_output = output_format == "text"
        if text_output:
            mode = " (dry run)" if dry_run else " (baseline)" if baseline else ""
            console.print(Text(f"Notifications as of {as_of_date.isoformat()}{mode}", style="bold"))
        report = run_notifications(
            project,
            as_of=as_of_date,
            classify=default_classifier(project.options, project.config),
            dry_run=dry_run,
            baseline=baseline,
            # --outbox is relative to where the command runs; the option in mkdocs.yml to mkdocs.yml.
            outbox=Path(outbox).resolve() if outbox else None,
            progress=(lambda result: console.print(_line(result))) if text_output else None,
        )
    except (StatementError, ConfigurationError, ValidationError) as exc:
        _fail(errors, str(exc))
    except OSError as exc:
        # Most likely the ledger could not be written: stop, and let the next run re-send.
        errors.print(Text(f"error: {exc}; deliveries not recorded are sent again by the next run", style="red"))
        sys.exit(1)
    status = report.exit_code
    commit_error = None
    # Also after a run with nothing new: a ledger left uncommitted by an earlier run is picked up.
    if commit and report.ledger.exists():
        message = (
            f"Record notification deliveries as of {report.as_of.isoformat()}: "
            f"{len(report.delivered)} delivered, {len(report.failed)} failed, {len(report.skipped)} skipped"
        )
        try:
            report = replace(report, commit=commit_ledger(project.root, report.ledger, message))
        except NotifyError as exc:
            commit_error = f"the ledger is written but not committed: {exc}"
            status = 1
    if output_format == "json":
        data = report.to_dict()
        data["exit_code"] = status
        if commit_error:
            data["warnings"].append(commit_error)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        if not report.results:
            console.print("  nothing due")
        for warning in report.warnings:
            errors.print(Text(f"warning: {warning}", style="yellow"))
        console.print(_summary(report))
        if report.commit:
            console.print(f"Committed {report.ledger.name} as {report.commit[:7]}.")
        if commit_error:
            errors.print(Text(f"error: {commit_error}", style="red"))
    sys.exit(status)


def _fail(errors: Console, message: str) -> NoReturn:
    errors.print(Text(f"error: {message}", style="red"))
    sys.exit(2)
