"""What the search index holds, declared once, and the SQL that builds and maintains it.

`INDEXED` names, for every record kind with text, the columns the index reads, how a result is
titled and which date makes it recent. Everything else is generated from it: the FTS5 table's
rows (one per record), the triggers that keep them current inside the transaction of each write,
and the fill of an existing journal. To index a new table or new text columns, edit `INDEXED`
(give a new kind an unused `code`) and append a migration that runs `rebuild_statements`: it
drops the search triggers and rows and makes them again from the declaration as it then is.

A record's row in the index has rowid `code << 40 | id`, so a write finds its row in one lookup,
a match names its record without a join, and the rows of one kind are one range of rowids (FTS5
reads only that part of each word's list when a list filters one kind). `head` holds the first
declared column (a name or title: a match there weighs more), `body` the other columns.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from journal.domain.kinds import (
    CHECK_IN,
    CONFLICT,
    CONFLICT_OWNER,
    DECISION_RECORD,
    DESIGN_REVIEW,
    FEEDBACK_DRAFT,
    GOAL,
    MENTORING_SESSION,
    MENTORSHIP,
    ONE_ON_ONE,
    PARTNER_CONTACT,
    PARTNER_TEAM,
    PERSON,
    REFLECTION,
    RETRO,
    RETRO_ITEM,
    ROADMAP_PROPOSAL,
    TABLES,
)
from journal.store.search_fold import TOKENIZER

INDEX_TABLE = "search_index"
ID_BITS = 40  # rowid = code << ID_BITS | id
ID_MASK = (1 << ID_BITS) - 1
CODES = 64


class Indexed(NamedTuple):
    """One kind of record in the index.

    `columns`: its text columns, the first being what names it (it weighs more in ranking).
    `title`: an SQL expression over the record as `r` giving the title a result shows (looked up
    when results are shown, so a renamed person's records show the new name at once).
    `day`: the column whose date makes a result recent (None: the day it was written).
    `title` and `day` are read from the record when results are ranked and shown.
    `code`: its number in the index's rowids, 1 to 63, never reused for another kind.
    """

    kind: str
    columns: tuple[str, ...]
    title: str
    day: str | None
    code: int

    @property
    def table(self) -> str:
        return TABLES[self.kind]


def _name(person_id: str) -> str:
    return f"(SELECT name FROM people WHERE id = {person_id})"


_MENTEE = "(SELECT p.name FROM mentorships m JOIN people p ON p.id = m.mentee_id WHERE m.id = {})"

INDEXED: tuple[Indexed, ...] = (
    Indexed(PERSON, ("name", "team", "notes"), "r.name", None, 1),
    Indexed(MENTORSHIP, ("notes",), _name("r.mentee_id"), "started_on", 2),
    Indexed(GOAL, ("outcome", "success_signal"),
            _MENTEE.format("r.mentorship_id") + " || ': ' || r.outcome", "started_on", 3),
    Indexed(CHECK_IN, ("progress", "next_step"),
            "(SELECT " + _MENTEE.format("g.mentorship_id") + " || ': ' || g.outcome "
            "FROM goals g WHERE g.id = r.goal_id)", "on_date", 4),
    Indexed(MENTORING_SESSION,
            ("notes", "what_changed", "smallest_reproducer", "evidence", "hypothesis", "test"),
            _MENTEE.format("r.mentorship_id"), "on_date", 5),
    Indexed(FEEDBACK_DRAFT, ("situation", "behavior", "impact"), _name("r.recipient_id"), None,
            6),
    Indexed(RETRO, ("subject", "notes"), "r.subject", "held_on", 7),
    Indexed(RETRO_ITEM, ("text",), "(SELECT subject FROM retros WHERE id = r.retro_id)", None,
            8),
    Indexed(REFLECTION, ("what_was_said", "paraphrase", "example", "useful", "action"),
            "coalesce(" + _name("r.giver_id") + ", '')", "received_on", 9),
    Indexed(PARTNER_TEAM, ("name", "depends_for", "dashboards", "runbooks", "notes"), "r.name",
            None, 10),
    Indexed(PARTNER_CONTACT, ("notes",),
            "(SELECT name FROM partner_teams WHERE id = r.team_id)", "on_date", 11),
    Indexed(DESIGN_REVIEW, ("title", "problem", "alternatives", "failure_modes", "reversibility",
                            "operational_cost", "compliance_security", "decision"),
            "r.title", "reviewed_on", 12),
    Indexed(DECISION_RECORD, ("title", "context", "decision", "consequences"), "r.title",
            "decided_on", 13),
    Indexed(ROADMAP_PROPOSAL, ("title", "numbers", "one_sentence", "details"), "r.title",
            "proposed_on", 14),
    Indexed(CONFLICT, ("title", "proposal_a", "proposal_b", "cost_of_delay_a", "cost_of_delay_b",
                       "decision", "tradeoff"), "r.title", "decided_on", 15),
    Indexed(CONFLICT_OWNER, ("responsibility",),
            "(SELECT title FROM conflicts WHERE id = r.conflict_id)", None, 16),
    Indexed(ONE_ON_ONE, ("notes",), f"'1:1 with ' || {_name('r.person_id')}", "held_on", 17),
)
BY_KIND: dict[str, Indexed] = {entry.kind: entry for entry in INDEXED}
BY_CODE: dict[int, Indexed] = {entry.code: entry for entry in INDEXED}
if len(BY_CODE) != len(INDEXED) or not all(0 < code < CODES for code in BY_CODE):
    raise ImportError("search_index.INDEXED: every kind needs its own code from 1 to 63")


def _values(entry: Indexed, row: str) -> tuple[str, str, str]:
    """(rowid, head, body) as SQL over the record named `row` (new, old, or a table alias)."""
    texts = [f"coalesce({row}.{column}, '')" for column in entry.columns]
    body = " || char(10) || ".join(texts[1:]) or "''"
    return f"({entry.code << ID_BITS} | {row}.id)", texts[0], body


def rowid_range(entry: Indexed) -> tuple[int, int]:
    """The first and last rowid the records of one kind can have in the index."""
    return entry.code << ID_BITS, (entry.code << ID_BITS) | ID_MASK


def _create_table() -> str:
    # Contentless (content=''): the words are indexed, the text itself is not copied (the
    # records hold it; a copy made the 1x journal 30 MB larger). So a row is removed by giving
    # the index its old words ('delete'), which the triggers have in `old`. No prefix indexes:
    # they doubled the index for a few ms on two-letter prefixes.
    return (f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5(head, body, content='', "
            f"tokenize=\"{TOKENIZER}\")")


def _triggers(entry: Indexed) -> list[str]:
    table, name = entry.table, f"{entry.table}_searched"
    rowid, head, body = _values(entry, "new")
    old_rowid, old_head, old_body = _values(entry, "old")
    insert = (f"INSERT INTO {INDEX_TABLE}(rowid, head, body) VALUES ({rowid}, {head}, {body});")
    delete = (f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, head, body) "
              f"VALUES ('delete', {old_rowid}, {old_head}, {old_body});")
    return [
        f"CREATE TRIGGER {name}_in AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_edit AFTER UPDATE OF {', '.join(entry.columns)} ON {table} "
        f"BEGIN {delete} {insert} END",
        f"CREATE TRIGGER {name}_out AFTER DELETE ON {table} BEGIN {delete} END",
    ]


def _fill(entry: Indexed) -> str:
    rowid, head, body = _values(entry, "r")
    return (f"INSERT INTO {INDEX_TABLE}(rowid, head, body) "
            f"SELECT {rowid}, {head}, {body} FROM {entry.table} AS r")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def rebuild_statements(conn: sqlite3.Connection) -> list[str]:
    """Drop the index, its triggers and rows, and make them again from `INDEXED`: for a
    migration. Tables and columns a journal of that version does not have yet are left out
    (the migration that adds them runs this again)."""
    statements = [f"DROP TRIGGER IF EXISTS {row[0]}" for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_searched_*'")]
    statements += [f"DROP TABLE IF EXISTS {INDEX_TABLE}", _create_table()]
    for entry in INDEXED:
        columns = _columns(conn, entry.table)
        present = tuple(c for c in entry.columns if c in columns)
        if not present:
            continue
        entry = entry._replace(columns=present)
        statements += _triggers(entry)
        statements.append(_fill(entry))
    statements.append(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('optimize')")
    return statements


def build_index(conn: sqlite3.Connection) -> None:
    """Migration 7: the index, its triggers, and the rows of every record already written."""
    for statement in rebuild_statements(conn):
        conn.execute(statement)
