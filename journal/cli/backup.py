"""`leadership-journal backup` and `leadership-journal restore SNAPSHOT`: snapshots from a
terminal. `backup` reads the journal only, so it works while the app is open; `restore` needs
the app closed (it takes the journal's write lock)."""

from __future__ import annotations

from pathlib import Path

import click

from journal.cli.options import db_option
from journal.domain.kinds import KIND_LABELS


def _label(snapshot) -> str:
    when = snapshot.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if snapshot.version is None:
        counts = "unreadable"
    else:
        counts = f"{snapshot.total:,} record{'' if snapshot.total == 1 else 's'}"
        people = snapshot.counts.get("person")
        if people is not None:
            counts += f", {people:,} {'person' if people == 1 else KIND_LABELS['person']}"
    return f"{when}  {snapshot.reason:<16} {counts:<30} {snapshot.path.name}"


@click.command("backup")
@db_option
@click.option("--list", "show_list", is_flag=True, help="List the snapshots instead.")
@click.pass_context
def backup_command(ctx: click.Context, show_list: bool) -> None:
    """Take a snapshot of the journal now (or list them with --list).

    Snapshots live in your data folder; the newest 30 are kept (the `snapshots.keep` setting).
    """
    from journal.cli.main import Failure, journal_path
    from journal.store import snapshots

    path = journal_path(ctx)
    if show_list:
        found = snapshots.list_snapshots(path)
        if not found:
            click.echo(f"No snapshots of {path} yet.")
        for snapshot in found:
            click.echo(_label(snapshots.describe(snapshot)))
        return
    if not path.exists():
        raise Failure(f"{path} does not exist yet, so there is nothing to back up")
    from journal.ops.snapshots import snapshot_now

    try:
        taken = snapshot_now(path)
    except OSError as error:
        raise Failure(f"could not write the snapshot: {error.strerror or error}") from None
    click.echo(f"Snapshot of {path} written to {taken}")


@click.command("restore")
@db_option
@click.argument("snapshot", metavar="SNAPSHOT")
@click.pass_context
def restore_command(ctx: click.Context, snapshot: str) -> None:
    """Restore the journal from SNAPSHOT (a path, or a name that `backup --list` shows).

    The journal's current contents are snapshotted first, so a restore can itself be undone.
    """
    from journal.cli.main import Failure, journal_path
    from journal.ops.snapshots import restore_file
    from journal.store import snapshots

    path = journal_path(ctx)
    chosen = Path(snapshot).expanduser()
    if not chosen.exists() and chosen.name == snapshot:
        try:
            chosen = snapshots.folder_for(path) / snapshot
        except OSError as error:
            raise Failure(f"no snapshot {snapshot}: the snapshot folder cannot be read "
                          f"({error.strerror or error})") from None
    if not chosen.is_file():
        raise Failure(f"no snapshot {snapshot}; `leadership-journal backup --list` shows them")
    try:
        before, journal = restore_file(path, chosen)
    except OSError as error:
        raise Failure(f"could not restore: {error.strerror or error}") from None
    with journal:
        total = sum(journal.counts().values())
    records = f"{total:,} record{'' if total == 1 else 's'}"
    click.echo(f"Restored {path} from {chosen.name} ({records}). What it held before is "
               f"in {before}")
