"""`leadership-journal checklist`: the six rules and their gaps, for a terminal or a script.

Reads only (the journal is opened read-only). Exit codes: 0 every rule holds, 1 a gap is open (or
the journal cannot be read), 2 usage mistakes such as a malformed --as-of. The JSON form is
documented in docs/checklist.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import click

from journal.domain.checklist import Checklist, as_json

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_day(value: str | None) -> dt.date | None:
    """The --as-of day, or a UsageError that says in one line what was wrong."""
    if value is None:
        return None
    try:
        if not _ISO_DAY.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"--as-of wants a day written YYYY-MM-DD (such as 2026-03-31), "
                               f"not {value!r}") from None


@click.command("checklist")
@click.option("--json", "as_json_output", is_flag=True, help="Print the documented JSON form.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="Judge the rules on this day instead of today.")
@click.pass_context
def checklist_command(ctx: click.Context, as_json_output: bool, as_of: str | None) -> None:
    """Show which checklist rules hold and the gaps where they do not.

    Exits 0 when every rule holds and 1 when any gap is open, so it can run from cron or a
    shell prompt. Snoozed gaps are listed apart and do not count.
    """
    day = parse_day(as_of)
    from journal.cli.main import Failure, journal_path
    from journal.store.checklist_run import compute
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet; start the app or run `leadership-journal "
                      "demo` to make one")
    with open_journal(path, read_only=True) as journal:
        result = compute(journal, day)
    if as_json_output:
        click.echo(json.dumps(as_json(result), indent=2, ensure_ascii=False))
    else:
        click.echo(as_text(result))
    if not result.all_hold:
        raise click.exceptions.Exit(1)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def as_text(checklist: Checklist) -> str:
    """Rules in order, each with its open gaps, then what is snoozed, then the hints."""
    held = sum(r.holds for r in checklist.rules)
    lines = [f"Checklist on {checklist.today.isoformat()}: {held} of {len(checklist.rules)} "
             f"rules hold, {_count(checklist.open_gaps, 'open gap', 'open gaps')}."]
    for result in checklist.rules:
        lines.append("")
        state = "holds" if result.holds else _count(len(result.gaps), "gap", "gaps")
        if result.snoozed:
            state += f", {len(result.snoozed)} snoozed"
        lines.append(f"{result.rule.title}: {state}")
        for gap in result.gaps:
            lines.append(f"  - {gap.message()}  [{gap.kind} {gap.id}]")
        for s in result.snoozed:
            lines.append(f"  ~ {s.gap.message()}  [{s.gap.kind} {s.gap.id}; snoozed until "
                         f"{s.until_on.isoformat()}: {s.reason}]")
    if checklist.hints:
        lines += ["", "Worth a look (patterns, not rules):"]
        lines += [f"  * {h.message()}  [{h.kind} {h.id}]" for h in checklist.hints]
    return "\n".join(lines)
