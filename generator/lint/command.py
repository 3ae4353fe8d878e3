"""The ``statement lint`` command. Import-light: the engine and the project load inside the command."""

from __future__ import annotations

import datetime as dt
import sys

import click

from ..commands import guard, parse_date, setup_logging

__all__ = ["lint"]


@click.command()
@click.argument("statement_id", required=False, metavar="[ID]")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help="Path of mkdocs.yml.")
@click.option("--regime", "regimes", multiple=True, type=click.Choice(["gdpr", "ccpa", "caloppa", "all"]),
              help="Regime to check (repeatable; default: the plugin's 'lint: regimes', else all). General checks always run.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True)
@click.option("--as-of", callback=parse_date, metavar="DATE", help="Lint as if today were DATE (YYYY-MM-DD): the 12-month update check counts from it.")
@click.option("-v", "--verbose", is_flag=True, help="Say why each passing check passed, too.")
@guard
def lint(statement_id: str | None, config_file: str, regimes: tuple[str, ...], fmt: str, as_of: dt.date | None, verbose: bool) -> None:
    """Check that the statement says what GDPR, CCPA/CPRA and CalOPPA require it to say.

    Lints the newest version (uncommitted edits included). Exit status 0 when every check passes
    (warnings allowed), 1 when one fails, 2 for bad input or usage.
    """
    from ..history import display_path
    from ..project import load_project
    from .engine import lint_version
    from .output import format_github, format_json, format_text

    setup_logging(False, True)
    project = load_project(config_file, as_of=as_of, light=True)
    statement = project.statement(statement_id)
    version = statement.versions[-1]
    report = lint_version(
        statement, version, options=project.options, config=project.config, as_of=project.as_of,
        regimes=list(regimes) or None,
    )
    path = display_path(statement.path)
    if fmt == "json":
        click.echo(format_json(report), nl=False)
    elif fmt == "github":
        click.echo(format_github(report, path=path), nl=False)
    else:
        click.echo(format_text(report, path=path, verbose=verbose), nl=False)
    sys.exit(0 if report.passed else 1)
