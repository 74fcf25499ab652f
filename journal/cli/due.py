"""`leadership-journal due`: what is due or slipping, as text, JSON or an iCalendar file.
Reads only (an older journal is first brought up to date); the journal is opened read-only, so
it works while the app is open."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from journal.cli.options import db_option
from journal.domain.due import DEFAULT_DAYS, MAX_DAYS, describe_in_full


@click.command("due")
@db_option
@click.option("--days", "days", type=click.IntRange(0, MAX_DAYS), default=DEFAULT_DAYS,
              show_default=True, help="How many days ahead to look.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Also write the items as an iCalendar file to import into a calendar.")
@click.pass_context
def due_command(ctx: click.Context, days: int, as_json: bool, ics: Path | None) -> None:
    """List check-ins, feedback, partner teams, design reviews and 1:1s due in the coming days
    (and what is overdue and still waiting on you)."""
    from journal.cli.main import Failure, journal_path
    from journal.store.due import due_items
    from journal.store.journal import open_journal

    if ics is not None and not ics.name:
        raise click.BadParameter("give the name of a file to write", ctx, param_hint="'--ics'")
    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet; start the app or run `leadership-journal "
                      "demo` to make one")
    from journal.store.opening import needs_migration

    today = dt.date.today()
    # An older journal is brought up to date (a snapshot first) the first time, as `search`
    # does; the app cannot have it open then, as the app would have updated it.
    with open_journal(path, read_only=not needs_migration(path)) as journal:
        items = due_items(journal, today, days)
    if ics is not None:
        from journal.export.calendar import NotACalendar, build_calendar, check_replaceable
        from journal.export.files import write_atomically

        try:
            check_replaceable(ics)
            write_atomically(ics, build_calendar(items, today), private=True)
        except NotACalendar as error:
            raise Failure(str(error)) from None
        except OSError as error:
            raise Failure(f"could not write {ics}: {error.strerror}") from None
    if as_json:
        click.echo(json.dumps([{**i.as_dict(), "text": describe_in_full(i)} for i in items],
                              indent=2, ensure_ascii=False))
        return
    if not items:
        click.echo("Nothing due today." if days == 0 else "Nothing due today or tomorrow."
                   if days == 1 else f"Nothing due in the next {days} days.")
    for item in items:
        click.echo(f"{item.due_on.isoformat()}  {item.state:<7}  {describe_in_full(item)}")
    if ics is not None:
        click.echo(f"Wrote {len(items)} event{'' if len(items) == 1 else 's'} to {ics}")
