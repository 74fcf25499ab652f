"""`leadership-journal due`: what is due or slipping, as text, JSON or an iCalendar file.
Reads only; the journal is opened read-only, so it works while the app is open."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from journal.cli.options import db_option
from journal.domain.due import DEFAULT_DAYS, MAX_DAYS, describe


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

    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet; start the app or run `leadership-journal "
                      "demo` to make one")
    today = dt.date.today()
    with open_journal(path, read_only=True) as journal:
        items = due_items(journal, today, days)
    if ics is not None:
        from journal.export.calendar import build_calendar, write_atomically

        try:
            write_atomically(ics, build_calendar(items, today))
        except OSError as error:
            raise Failure(f"could not write {ics}: {error.strerror}") from None
    if as_json:
        click.echo(json.dumps([{**i.as_dict(), "text": describe(i)} for i in items],
                              indent=2, ensure_ascii=False))
        return
    if not items:
        click.echo(f"Nothing due in the next {days} days.")
    for item in items:
        click.echo(f"{item.due_on.isoformat()}  {item.state:<7}  {describe(item)}")
    if ics is not None:
        click.echo(f"Wrote {len(items)} events to {ics}")
