"""`leadership-journal coach`: the SBI coach from the command line, for a draft in the journal or
for text given as options. Reads only; the journal file is opened read-only.

Exit codes: 0 no hints, 1 hints (or a draft that does not exist), 2 usage mistakes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from journal.cli.options import db_option

if TYPE_CHECKING:
    from journal.domain.coach import Hint


@click.command("coach")
@db_option
@click.option("--situation", "situation", metavar="TEXT", help="When and where it happened.")
@click.option("--behavior", "behavior", metavar="TEXT", help="What the person did or said.")
@click.option("--impact", "impact", metavar="TEXT", help="What it changed.")
@click.option("--draft", "draft_id", type=int, metavar="ID",
              help="Coach a feedback draft from the journal instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the hints as JSON.")
@click.pass_context
def coach_command(ctx: click.Context, situation: str | None, behavior: str | None,
                  impact: str | None, draft_id: int | None, as_json: bool) -> None:
    """Point out vague, judging or advice-like wording in SBI feedback.

    Give any of --situation, --behavior and --impact (parts left out are not judged), or
    --draft ID to read a saved draft. Exits 1 when there is something to look at.
    """
    # The coach's rules and word lists load here, not when any command starts (16 ms).
    from journal.domain.coach import coach

    given = any(part is not None for part in (situation, behavior, impact))
    if draft_id is not None and given:
        raise click.UsageError("use --draft on its own, or give the parts; not both", ctx)
    if draft_id is None and not given:
        raise click.UsageError("give --situation, --behavior or --impact, or --draft ID", ctx)

    if draft_id is not None:
        situation, behavior, impact = _draft_parts(ctx, draft_id)
        hints = coach(situation, behavior, impact)
    else:
        hints = coach(situation, behavior, impact, judge_missing=False)

    if as_json:
        click.echo(json.dumps([hint_as_dict(h) for h in hints], indent=2, ensure_ascii=False))
    else:
        for hint in hints:
            click.echo(f"{hint.part}: {hint.rule}: {hint.message}")
    if hints:
        raise click.exceptions.Exit(1)


def hint_as_dict(hint: Hint) -> dict[str, object]:
    """The JSON shape of a hint: part, rule, message, start, end (null for a missing part)."""
    return {"part": hint.part, "rule": hint.rule, "message": hint.message,
            "start": hint.start, "end": hint.end}


def _draft_parts(ctx: click.Context, draft_id: int) -> tuple[str, str, str]:
    # Imported here, as in main.py, so `--help` and text-only coaching never touch the store.
    from journal.cli.main import Failure, journal_path, require_journal
    from journal.store.errors import RecordNotFound
    from journal.store.journal import open_journal

    path = journal_path(ctx)
    if not path.exists():
        raise Failure(f"{path} does not exist yet, so it holds no draft {draft_id}")
    require_journal(path)
    with open_journal(path, read_only=True) as journal:
        try:
            draft = journal.get("feedback_draft", draft_id)
        except RecordNotFound:
            raise Failure(f"there is no feedback draft with id {draft_id} in {path}") from None
    return draft.situation, draft.behavior, draft.impact
