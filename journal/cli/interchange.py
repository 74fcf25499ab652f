"""`leadership-journal export` and `import`: the whole journal as JSON or a Markdown folder, and
back from JSON.

An import checks the whole file first and lists every problem with its JSON path; only a file
without problems is written, in one transaction, after a snapshot of the journal. A journal
that already holds records is only added to with --merge; --dry-run says what would be added.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), required=True,
              help="json: the interchange document; markdown: a folder (an Obsidian vault).")
@click.option("--output", "-o", "output", required=True, metavar="PATH",
              help="The JSON file, or the folder for Markdown (new, empty, or an earlier "
                   "export).")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: str) -> None:
    """Export the whole journal."""
    from journal.cli.main import Failure, journal_path
    from journal.export.vault import FolderInUse
    from journal.ops.interchange import export_json, export_markdown
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet; there is nothing to export")
    target = Path(output).expanduser()
    with open_journal(path, read_only=True) as journal:
        try:
            if fmt == "json":
                count = export_json(journal, target)
                click.echo(f"Exported {count:,} records to {target}")
            else:
                count = export_markdown(journal, target)
                click.echo(f"Exported {count:,} Markdown files to {target}")
        except FolderInUse as error:
            raise Failure(str(error)) from None
        except OSError as error:
            raise Failure(f"cannot write {target} ({error.strerror})") from None


@click.command("import")
@click.argument("file", metavar="FILE")
@click.option("--merge", is_flag=True, help="Add to a journal that already holds records.")
@click.option("--dry-run", is_flag=True, help="Check the file and say what would be added; "
                                              "write nothing.")
@click.pass_context
def import_command(ctx: click.Context, file: str, merge: bool, dry_run: bool) -> None:
    """Import a JSON export into the journal."""
    from journal.cli.main import Failure, journal_path
    from journal.ops.interchange import ImportRefused, plan_import, read_document, run_import
    from journal.store.errors import InvalidRecord
    from journal.store.journal import open_journal

    source = Path(file).expanduser()
    try:
        document = read_document(source)
    except ImportRefused as refused:
        for problem in refused.problems:
            click.echo(str(problem), err=True)
        raise Failure(f"{source} was not imported: {len(refused.problems):,} problem(s), listed "
                      "above; the journal was not changed") from None
    path = journal_path(ctx)
    plan = None
    if path.exists():  # decide from a read-only look: a refused import opens nothing for writing
        with open_journal(path, read_only=True) as journal:
            plan = plan_import(journal, document)
    if dry_run:
        lines = plan.summary() if plan else [f"{path} does not exist yet; all "
                                             f"{_count(document):,} records would be added."]
        click.echo("\n".join(["The file is fine. Nothing was written (--dry-run).", *lines]))
        return
    if plan is not None and not plan.journal_was_empty and plan.total_new and not merge:
        for line in plan.summary():
            click.echo(line, err=True)
        raise Failure(f"{path} already holds records; run again with --merge to add these")
    if plan is not None and plan.total_new == 0 and not plan.new_settings:
        click.echo("\n".join(plan.summary()))
        return
    with open_journal(path) as journal:
        plan = plan_import(journal, document)  # again: the journal may have changed meanwhile
        if not plan.journal_was_empty and plan.total_new and not merge:
            raise Failure(f"{path} already holds records; run again with --merge to add these")
        try:
            result = run_import(journal, plan)
        except InvalidRecord as error:
            raise Failure(f"{source} could not be written ({error}); the journal was not "
                          "changed") from None
    click.echo("\n".join(plan.summary()))
    if result.backup is not None:
        click.echo(f"Imported. A snapshot of the journal as it was before: {result.backup}")


def _count(document: dict) -> int:
    from journal.export.interchange import kind_specs

    return sum(len(document.get(s.array, ())) for s in kind_specs())
