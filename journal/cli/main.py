"""The `leadership-journal` command. With no subcommand it starts the app.

User mistakes and refused files print one line on stderr: exit 2 for usage, 1 otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from journal import __version__
from journal.cli.options import DB_HELP, checked_db, db_option
from journal.paths import resolve_journal
from journal.store.errors import JournalError

PROG = "leadership-journal"


class Failure(click.ClickException):
    exit_code = 1


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", metavar="PATH", help=DB_HELP, callback=checked_db)
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Leadership Journal: mentoring, feedback and cross-team work, kept privately on this machine.

    With no command, opens the app.
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        start_app: Callable[[str | None], int] | None = ctx.obj.get("start_app")
        if start_app is None:
            raise Failure("the desktop app is not available in this build; use a command instead")
        ctx.exit(start_app(db))


def journal_path(ctx: click.Context) -> Path:
    return resolve_journal(ctx.find_root().obj.get("db"))


def require_journal(path: Path) -> None:
    """Refuse, in one line, a path that holds no journal yet: missing, or an empty file."""
    if not path.exists():
        raise Failure(f"{path} does not exist yet; start the app or run `{PROG} demo` to make one")
    if path.is_file() and path.stat().st_size == 0:
        raise Failure(f"{path} is empty (0 bytes), so it holds no journal yet; start the app "
                      f"with `{PROG} --db {path}` to make it a new journal, or run "
                      f"`{PROG} --db {path} demo` to fill it with the sample")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def info(ctx: click.Context, as_json: bool) -> None:
    """Show the journal's path, schema version, size and how many records of each kind it holds."""
    from journal.store.info import format_info, journal_info
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    require_journal(path)
    with open_journal(path, read_only=True) as journal:
        facts = journal_info(journal)
    click.echo(json.dumps(facts, indent=2) if as_json else format_info(facts))


@cli.command()
@db_option
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Write the sample journal into the chosen file (which must be new or empty)."""
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    with open_journal(path) as journal:
        if not journal.is_empty():
            raise Failure(f"{path} already holds records; the sample is only written into a new "
                          "or empty journal (choose another file with --db)")
        from journal.sample import populate

        populate(journal)
        total = sum(journal.counts().values())
    click.echo(f"Wrote the sample journal ({total} records) to {path}")


from journal.cli.coach import coach_command  # noqa: E402  (registered after `cli` exists)

cli.add_command(coach_command)
from journal.cli.adr import adr_group  # noqa: E402

cli.add_command(adr_group)
from journal.cli.due import due_command  # noqa: E402

cli.add_command(due_command)
from journal.cli.backup import backup_command, restore_command  # noqa: E402

cli.add_command(backup_command)
cli.add_command(restore_command)
from journal.cli.search import search_command  # noqa: E402

cli.add_command(search_command)
from journal.cli.prep import prep_command  # noqa: E402

cli.add_command(prep_command)
from journal.cli.interchange import export_command, import_command  # noqa: E402

cli.add_command(export_command)
cli.add_command(import_command)
from journal.cli.checklist import checklist_command  # noqa: E402

cli.add_command(checklist_command)


def main(argv: list[str] | None = None,
         start_app: Callable[[str | None], int] | None = None) -> int:
    """Run the command line; returns (and, as a console script, exits with) the exit code."""
    try:
        result = cli.main(args=argv, prog_name=PROG, standalone_mode=False,
                          obj={"start_app": start_app})
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.UsageError as error:
        click.echo(f"{PROG}: {error.format_message()}", err=True)
        code = 2
    except click.ClickException as error:
        click.echo(f"{PROG}: {error.format_message()}", err=True)
        code = error.exit_code
    except JournalError as error:
        click.echo(f"{PROG}: {error}", err=True)
        code = 1
    except click.Abort:
        click.echo(f"{PROG}: aborted", err=True)
        code = 1
    except OSError as error:  # a folder or file the system refuses: one line, not a traceback
        where = f"{error.filename}: " if error.filename else ""
        click.echo(f"{PROG}: {where}{error.strerror or error}", err=True)
        code = 1
    else:
        code = result if isinstance(result, int) else 0  # non-standalone click returns Exit codes
    return code
