"""`leadership-journal adr export DIR` and `adr import DIR`: the journal's decision records as a
folder of ADR files (adr-tools or MADR 4 style), and such a folder read back in.

Exit codes: 0 done, 1 a refused folder or journal (one line on stderr), 2 usage mistakes.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import click

from journal.cli.options import db_option

STYLE_CHOICE = click.Choice(["adr-tools", "madr"])


@click.group("adr")
def adr_group() -> None:
    """Export decision records as ADR files, or import a folder of them."""


@adr_group.command("export")
@db_option
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=str))
@click.option("--style", type=STYLE_CHOICE, default="adr-tools", show_default=True,
              help="adr-tools: '# 1. Title', Date, Status, Context, Decision, Consequences. "
                   "madr: MADR 4 with YAML front matter and the people involved.")
@click.pass_context
def export_command(ctx: click.Context, folder: str, style: str) -> None:
    """Write one Markdown file per decision record into DIR (made if missing), named as the ADR
    tools name them (0001-use-wal-mode.md). Running it again updates the files in place; a file
    it did not write (see DIR/.leadership-journal-adr.json) is never overwritten or deleted."""
    from journal.cli.main import Failure, journal_path
    from journal.export.adr.folder import AdrFolderError, export_folder
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet, so it holds no decision records")
    with open_journal(path, read_only=True) as journal:
        try:
            result = export_folder(journal, folder, style)
        except AdrFolderError as error:
            raise Failure(str(error)) from None
        except OSError as error:
            raise Failure(f"could not write to {folder}: {error.strerror or error}") from None
    for name in result.removed:
        click.echo(f"removed  {name} (the record was renamed)")
    for name in result.written:
        click.echo(f"wrote    {name}")
    for name, why in result.kept:
        click.echo(f"left     {name} as it is: {why}", err=True)
    total = len(result.written) + len(result.unchanged)
    kept = f", {len(result.kept)} not written: see above" if result.kept else ""
    click.echo(f"{total} decision records in {result.folder} ({len(result.written)} written, "
               f"{len(result.unchanged)} unchanged{kept}, {style} style)")


@adr_group.command("import")
@db_option
@click.argument("folder", metavar="DIR", type=click.Path(path_type=str))
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.pass_context
def import_command(ctx: click.Context, folder: str, dry_run: bool) -> None:
    """Read a folder of ADR files (adr-tools or MADR style) into the journal. DIR may be the
    folder itself or a repository holding docs/adr, doc/adr or docs/decisions. Shows what it
    will create first; records already in the journal are not created twice, and files that
    cannot be read are named and skipped. Everything else is written in one transaction."""
    from journal.cli.main import Failure, journal_path
    from journal.export.adr.folder import AdrFolderError, adr_folder, apply_import, plan_import
    from journal.store.errors import InvalidRecord
    from journal.store.journal import open_journal

    try:
        adr_folder(folder)  # a missing or empty folder is one line, before any journal is made
    except AdrFolderError as error:
        raise Failure(str(error)) from None
    path = journal_path(ctx)
    read_only = dry_run
    with contextlib.ExitStack() as stack:
        if dry_run and not path.exists():  # plan against an empty journal, leaving none behind
            path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "empty.sqlite3"
            read_only = False
        journal = stack.enter_context(open_journal(path, read_only=read_only))
        try:
            plan = plan_import(journal, folder)
        except AdrFolderError as error:
            raise Failure(str(error)) from None
        verb = "would create" if dry_run else "create"
        for planned in plan.records:
            doc = planned.doc
            if planned.creates:
                number = f"{planned.expected:04d}" if planned.expected is not None else "next"
                click.echo(f"{verb}  {planned.file_name} -> ADR {number}: {doc.title}")
                for note in doc.notes:
                    click.echo(f"          ({note})")
            else:
                click.echo(f"already  {planned.file_name} (in the journal)")
        for name in plan.new_people:
            click.echo(f"{verb}  person {name}")
        for name, why in plan.broken:
            click.echo(f"skipped  {name}: {why}", err=True)
        if not dry_run and plan.to_create:
            try:
                apply_import(journal, plan)
            except InvalidRecord as error:  # rolled back whole: the journal is as it was
                raise Failure(f"nothing was imported: {error}") from None
    done = "Would import" if dry_run else "Imported"
    click.echo(f"{done} from {plan.folder}: {plan.summary()}")
    if plan.broken and not plan.records:
        raise click.exceptions.Exit(1)
