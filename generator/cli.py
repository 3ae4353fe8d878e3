"""The ``statement`` command: build, serve, log, validate, diff, check, lint, notify, export.

Exit status: 0 success, 1 a policy violation or failed delivery (``check``, ``notify``),
2 bad input or usage — always with one line ``error: <file>:<line>: <problem>; <fix>``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from .lazy import TYPE_ARGUMENT, import_with_stand_ins

# click.types imports uuid for its UUID parameter type alone, which none of these commands takes:
# uuid imports platform and asks the system its name (about 10 M instructions, 3 % of --help). It is
# imported on first use instead; click reads uuid.UUID only as that type's generic argument.
import_with_stand_ins("click", {"uuid": {"UUID": TYPE_ARGUMENT}})

import click  # noqa: E402 - the import above made it

from .collector import end_of_process
from .commands import collector_paused, guard, language_option, parse_date, setup_logging
from .errors import StatementError

__all__ = ["main", "cli"]

CONFIG_HELP = "Path of mkdocs.yml."


config_option = click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, help=CONFIG_HELP)
as_of_option = click.option(
    "--as-of", callback=parse_date, metavar="DATE",
    help="Build as if today were DATE (YYYY-MM-DD): decides which version is in force.",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
verbose_option = click.option("-v", "--verbose", is_flag=True, help="Print MkDocs' progress too.")


#: Commands that live in their subsystem's module: name -> (module, attribute, the help line
#: ``statement --help`` shows). They are imported only when they run, so that ``--help`` and
#: ``build`` never load the notification stack or the CI gate (a test keeps the lines in step).
LAZY_COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": (
        "generator.check", "check",
        "Refuse undeclared material changes, short notice and silent changes to published versions.",
    ),
    "notify": (
        "generator.notify.command_line", "notify",
        "Send notifications for published and effective versions, exactly once per channel.",
    ),
    "lint": (
        "generator.lint.command", "lint",
        "Check that the statement says what GDPR, CCPA/CPRA and CalOPPA require it to say.",
    ),
}


class _Group(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:  # usage errors exit 2 already; keep it that way
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            import importlib

            module, attribute, _ = LAZY_COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's command list, with the lazy commands' help lines taken from LAZY_COMMANDS."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in LAZY_COMMANDS and name not in self.commands:
                rows.append((name, click.utils.make_default_short_help(LAZY_COMMANDS[name][2], limit)))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="statements-generator", prog_name="statement")
def cli() -> None:
    """Publish statements kept as Markdown in git as a versioned MkDocs site."""


# --- init ------------------------------------------------------------------------------------


@cli.command()
@click.argument("folder", required=False, default=".", metavar="[DIR]")
@guard
def init(folder: str) -> None:
    """Start a statements site in DIR (default: here): mkdocs.yml, a privacy statement, the workflow."""
    from .scaffold import init_project

    result = init_project(folder)
    where = "." if folder in (".", "./") else folder.rstrip("/")
    repository = "a new git repository" if result.created_repository else "the git repository"
    click.echo(f"Created in {repository} {where}/: " + ", ".join(result.files))
    steps = [
        "Write your statement in statements/privacy.md: replace the [bracketed] parts, keep the effective date.",
        "Preview it with 'statement serve' (http://127.0.0.1:8000), then commit: git add -A && git commit -m 'Privacy statement'",
        "Build the site with 'statement build' (into site/), or push to GitHub: the workflow checks pull requests and publishes main.",
    ]
    click.echo("Next:")
    if where != ".":
        steps[0] = f"cd {where}; then write" + steps[0][len("Write"):]
    for number, step in enumerate(steps, start=1):
        click.echo(f"  {number}. {step}")


# --- build -----------------------------------------------------------------------------------


def _load_for_build(config_file: str, as_of: dt.date | None, committed_only: bool, *, no_cache: bool = False, **overrides: Any):
    from . import plugin
    from .project import load_mkdocs_config, statements_options

    plugin.RUNTIME_OVERRIDES.clear()
    if as_of:
        plugin.RUNTIME_OVERRIDES["as_of"] = as_of
    if committed_only:
        plugin.RUNTIME_OVERRIDES["committed_only"] = True
    if no_cache:
        plugin.RUNTIME_OVERRIDES["cache"] = False
    config = load_mkdocs_config(config_file, **overrides)
    statements_options(config)  # refuse a config without the plugin
    return config


@cli.command()
@config_option
@as_of_option
@click.option("--committed-only", is_flag=True, help="Leave uncommitted edits out.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Output folder (default: site_dir of mkdocs.yml).")
@click.option("-s", "--strict", is_flag=True, help="Fail on warnings.")
@click.option("--no-cache", is_flag=True, help="Compute everything afresh; neither read nor write .cache/statements/.")
@quiet_option
@verbose_option
@guard
def build(
    config_file: str, as_of: dt.date | None, committed_only: bool, site_dir: str | None, strict: bool, no_cache: bool,
    quiet: bool, verbose: bool,
) -> None:
    """Build the site into site/ (replaced only when the whole build succeeds)."""
    from mkdocs.commands.build import build as mkdocs_build

    from .site_folder import Staging

    setup_logging(verbose, quiet)
    started = time.perf_counter()
    overrides: dict[str, Any] = {"strict": True} if strict else {}
    if site_dir:
        overrides["site_dir"] = site_dir
    config = _load_for_build(config_file, as_of, committed_only, no_cache=no_cache, **overrides)
    target = Path(config.site_dir)
    # Built aside and swapped in whole, over the files of the site before (see site_folder.py).
    staging = Staging(target)
    staging.prepare()
    config.site_dir = str(staging.path)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with staging.written_over():
                mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        staging.finish()
    finally:
        staging.discard()
    if not quiet:
        plugin = config.plugins["statements"]
        plan = plugin.plan
        parts = []
        for statement in plan.statements if plan else ():
            current = statement.current(plan.as_of)
            count = len(statement.versions)
            parts.append(f"{statement.id}: {count} version{'s' if count != 1 else ''}, in force {current.key if current else 'none'}")
        shown = os.path.relpath(target) if not target.is_absolute() or str(target).startswith(os.getcwd()) else str(target)
        click.echo(f"Built {shown}/ as of {plan.as_of if plan else as_of} ({'; '.join(parts)}) in {time.perf_counter() - started:.1f} s", err=True)
        drafts = [s.path for s in (plan.statements if plan else ()) if any(v.is_draft for v in s.versions)]
        if drafts:
            click.echo(
                f"Published uncommitted edits of {', '.join(drafts)} as a draft; commit them, or build with "
                "--committed-only to leave them out", err=True,
            )
        elif plugin.ci_committed_only:
            click.echo("CI is set: only committed text was published", err=True)


# --- serve -----------------------------------------------------------------------------------


@cli.command()
@config_option
@as_of_option
@click.option("--committed-only", is_flag=True, help="Leave uncommitted edits out.")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT", help="Address to serve on.")
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@verbose_option
@guard
def serve(config_file: str, as_of: dt.date | None, committed_only: bool, dev_addr: str, open_in_browser: bool, verbose: bool) -> None:
    """Preview the site with live reload; uncommitted edits show as a draft."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    setup_logging(verbose, False)
    logging.getLogger("mkdocs").setLevel(logging.DEBUG if verbose else logging.INFO)
    _load_for_build(config_file, as_of, committed_only)  # fail fast, with our one-line errors
    mkdocs_serve(config_file=config_file, livereload=True, dev_addr=dev_addr, open_in_browser=open_in_browser)


# --- log -------------------------------------------------------------------------------------


@cli.command(name="log")
@click.argument("statement_id", required=False, metavar="[ID]")
@config_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--committed-only", is_flag=True, help="Leave uncommitted edits out.")
@guard
def log_command(statement_id: str | None, config_file: str, as_of: dt.date | None, fmt: str, committed_only: bool) -> None:
    """List a statement's versions with dates, revisions and commits."""
    from .project import load_project

    setup_logging(False, fmt == "json")
    project = load_project(config_file, as_of=as_of, committed_only=committed_only, light=True)
    statements = [project.statement(statement_id)] if statement_id else list(project.statements)
    rows = []
    for statement in statements:
        current = statement.current(project.as_of)
        for version in statement.versions:
            rows.append(
                {
                    "statement": statement.id,
                    "effective": version.key,
                    "published": version.published.isoformat(),
                    "last_updated": version.last_updated.isoformat(),
                    "status": "draft" if version.is_draft else version.status(project.as_of, current),
                    "material": version.material,
                    "summary": version.summary,
                    "revisions": len(version.revisions),
                    "corrections": len(version.corrections),
                    "commits": [r.commit for r in version.revisions if r.commit],
                    "draft": version.is_draft,
                }
            )
    if fmt == "json":
        click.echo(json.dumps({"as_of": project.as_of.isoformat(), "versions": rows}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()  # the terminal's width (80 when not a terminal, or $COLUMNS)
    several = len(statements) > 1
    table = Table(title=f"Versions as of {project.as_of}", show_lines=False)
    columns = (["statement"] if several else []) + ["effective", "published", "status", "material", "revisions", "commits"]
    for column in columns:
        # Dates and status are what a reader scans for: never cut; commits give way first.
        table.add_column(column, no_wrap=column != "commits", overflow="fold" if column == "commits" else "ellipsis")
    for row in rows:
        table.add_row(
            *([row["statement"]] if several else []), row["effective"], row["published"], row["status"],
            "yes" if row["material"] else "",
            f"{row['revisions']}" + (f" ({row['corrections']} corr.)" if row["corrections"] else ""),
            _commit_range(row["commits"], row["draft"]),
        )
    console.print(table)


def _commit_range(commits: list[str], draft: bool) -> str:
    """A version's commits in a few characters: the first and the last (``statement log --format json`` has all)."""
    short = [c[:7] for c in commits]
    text = " ".join(short) if len(short) <= 2 else f"{short[0]} … {short[-1]}"
    return (text + (" +draft" if draft else "")).strip()


# --- validate --------------------------------------------------------------------------------


@cli.command()
@config_option
@guard
def validate(config_file: str) -> None:
    """Check mkdocs.yml and every statement file; exit 2 with one line per problem."""
    from .history import display_path, read_working_text
    from .model import parse_document
    from .project import load_mkdocs_config, statements_options

    setup_logging(False, True)
    config = load_mkdocs_config(config_file)
    options = statements_options(config)
    folder = Path(config.config_file_path).resolve().parent / options.statements_dir
    shown_folder = display_path(folder)
    problems: list[str] = []
    files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if not folder.is_dir():
        problems.append(f"{shown_folder}: statements folder not found; create it or set 'statements_dir'")
    elif not files:
        problems.append(f"{shown_folder}: no statement files (*.md); add one such as privacy.md")
    for path in files:
        shown = display_path(path)
        try:
            document = parse_document(read_working_text(path), path=shown)
            if document.meta and document.meta.effective is None:
                click.echo(f"warning: {shown}: no 'effective' date in front-matter; it will come from the text or the commit date", err=True)
        except StatementError as exc:
            problems.append(str(exc))
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        sys.exit(2)
    from .history import translation_of

    originals = [p for p in files if translation_of(p) is None]
    translated = [p for p in files if translation_of(p) is not None]
    counted = f"{len(originals)} statement{'s' if len(originals) != 1 else ''}"
    if translated:  # privacy.de.md is a translation of privacy.md, not a statement of its own
        counted += f" and {len(translated)} translation{'s' if len(translated) != 1 else ''}"
    click.echo(f"{counted} valid: " + ", ".join(p.name for p in originals + translated))


# --- diff ------------------------------------------------------------------------------------


def _resolve_side(statement: Any, label: str, as_of: dt.date, *, working: Any) -> tuple[str, str, str]:
    """Map FROM/TO (an effective date, previous, current, working) to (label, Markdown body, effective date)."""
    committed = [v for v in statement.versions if not v.is_draft]
    if label == "working":
        return "working", working, _working_effective(statement)
    if label == "current":
        version = statement.current(as_of)
        if version is None:
            raise StatementError(f"{statement.id} has no version in force on {as_of}", fix="name an effective date")
        return version.key, version.body, version.key
    if label == "previous":
        if not committed:
            raise StatementError(f"{statement.id} has no committed version", fix="commit the statement first")
        return committed[-1].key + " (committed)", _committed_body(committed[-1]), committed[-1].key
    version = statement.version(label)
    if version is None:
        raise StatementError(
            f"{statement.id} has no version effective '{label}'",
            fix="use an effective date from 'statement log', or previous, current, working",
        )
    return version.key, _committed_body(version) if version.is_draft else version.body, version.key


def _working_effective(statement: Any) -> str:
    """The effective date of the file as it is now: its draft revision's, else its last commit's."""
    revisions = [r for v in statement.versions for r in v.revisions]
    draft = next((r for r in revisions if r.is_draft), None)
    latest = draft or max(revisions, key=lambda r: r.committed)
    return latest.effective.isoformat()


def _committed_body(version: Any) -> str:
    committed = [r for r in version.revisions if not r.is_draft]
    return committed[-1].body if committed else version.body


@cli.command(name="diff")
@click.argument("args", nargs=-1, metavar="[ID] [FROM] [TO]")
@config_option
@as_of_option
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json", "markdown", "unified"]), default="text", show_default=True)
@click.option("--color/--no-color", default=None, help="Colour the text format (default: when writing to a terminal).")
@language_option
@guard
@collector_paused()
def diff_command(
    args: tuple[str, ...], config_file: str, as_of: dt.date | None, fmt: str, color: bool | None, language: str | None = None,
) -> None:
    """Show what changed between two versions (default: previous → working)."""
    from . import diff as engine
    from .material import classify_diff
    from .model import split_front_matter
    from .project import load_project

    setup_logging(False, True)
    project = load_project(config_file, as_of=as_of, light=True)
    ids = {s.id for s in project.statements}
    args = list(args)
    statement_id = args.pop(0) if args and args[0] in ids else None
    if len(args) > 2:
        raise click.UsageError("give at most ID, FROM and TO")
    statement = project.statement(statement_id)
    working_path = Path(statement.path)
    working_source = working_path.read_text(encoding="utf-8") if working_path.exists() else statement.versions[-1].text
    _, working_body, _ = split_front_matter(working_source)
    old_label, old_body, old_date = _resolve_side(statement, args[0] if args else "previous", project.as_of, working=working_body)
    new_label, new_body, new_date = _resolve_side(statement, args[1] if len(args) > 1 else "working", project.as_of, working=working_body)
    md = {"extensions": project.config.markdown_extensions, "extension_configs": project.config.mdx_configs}
    if fmt == "unified":
        click.echo(engine.render_unified(old_body, new_body, fromfile=f"{statement.id}@{old_label}", tofile=f"{statement.id}@{new_label}"), nl=False)
        return
    result = engine.diff_markdown(old_body, new_body, **md)
    if fmt == "json":
        # The schema's from/to are effective dates (generator/schemas/diff-1.schema.json).
        document = engine.to_json(result, statement=statement.id, from_=old_date, to=new_date)
        document["classification"] = classify_diff(result, options=project.options, bodies=(old_body, new_body)).to_dict()
        from .json_text import dumps

        click.echo(dumps(document))
    elif fmt == "html":
        click.echo(engine.render_redline(result, context=True))
    elif fmt == "markdown":
        click.echo(engine.render_markdown(result, title=f"{statement.title}: {old_label} → {new_label}", language=language or project.languages.default))
    else:
        from .escape import plain, terminal_text
        from .material.report import text_lines

        use_color = sys.stdout.isatty() if color is None else color
        header = f"{terminal_text(plain(statement.title))}: {old_label} → {new_label}\n"  # a title is text, never a control sequence
        click.echo(header + engine.render_text(result, color=use_color, language=language or project.languages.default), color=use_color)
        verdict = classify_diff(result, options=project.options, bodies=(old_body, new_body))
        click.echo("\n".join(["", *text_lines(verdict, language or project.languages.default)]))


# --- export ----------------------------------------------------------------------------------


@cli.command()
@config_option
@as_of_option
@click.option("-o", "--output", type=click.Path(file_okay=False), default="statements-export", show_default=True, help="Folder to write into.")
@guard
def export(config_file: str, as_of: dt.date | None, output: str) -> None:
    """Write the site plan for other static site generators: Markdown pages with HTML blocks, data files, styles."""
    from .plugin import ASSET_URI, ASSETS_DIR, cache_store, make_plan
    from .project import load_project

    setup_logging(False, False)
    project = load_project(config_file, as_of=as_of)
    plan = make_plan(
        project.statements, project.config, project.options, as_of=project.as_of, home=project.options.home,
        store=cache_store(project.config, project.options), translations=project.translations, languages=project.languages,
    )
    out = Path(output)
    for page in plan.pages:
        _write(out / page.path, page.source)
    for asset in plan.assets:
        _write(out / asset.path, asset.content)
    # The pages' HTML blocks (version header, redline, compare page) need the plugin's styles and script.
    for name in sorted(os.listdir(ASSETS_DIR)):
        _write(out / ASSET_URI / name, (ASSETS_DIR / name).read_text(encoding="utf-8"))
    click.echo(
        f"Exported {len(plan.pages)} pages and {len(plan.assets)} files to {out}/: Markdown with front-matter and "
        f"the site's HTML blocks (version facts, redlines), which need the md_in_html and attr_list extensions and "
        f"{ASSET_URI}/statements.css",
        err=True,
    )


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def main() -> None:
    """Console entry point."""
    try:
        cli(prog_name="statement")
    finally:
        end_of_process()


if __name__ == "__main__":  # pragma: no cover
    main()
