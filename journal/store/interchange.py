"""Whole-journal reads and writes for export and import, by table and column, with uids in
place of row ids. What the columns are comes from the caller (the interchange schema); this
module only speaks SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from journal.domain.kinds import KIND_OF_TABLE
from journal.store.errors import InvalidRecord
from journal.store.journal import Journal

Progress = Callable[[int, int], None]  # (done, total) records
# Past this many records, the search index is filled in one pass after the insert rather than by
# its triggers row by row: at 1x (52,000 records) 1.9 s of triggers against 0.6 s for the pass.
BULK_INDEX_ROWS = 2_000


class Column(NamedTuple):
    """One exported field: its name in the document, its column, the table it refers to (for a
    reference, exported as the target's uid) and whether it is a yes/no flag."""

    name: str
    column: str
    references: str | None = None
    flag: bool = False


def uids_by_id(journal: Journal, table: str) -> dict[int, str]:
    return dict(journal.rows(f"SELECT id, uid FROM {table}"))


def ids_by_uid(journal: Journal, table: str) -> dict[str, int]:
    return dict(journal.rows(f"SELECT uid, id FROM {table}"))


def export_rows(journal: Journal, table: str, columns: Sequence[Column],
                uid_maps: dict[str, dict[int, str]]) -> list[dict[str, Any]]:
    """Every row of `table` in id order as a dict: uid, created_at, updated_at, then `columns`.
    `uid_maps` caches referenced tables' id -> uid across calls."""
    for c in columns:
        if c.references and c.references not in uid_maps:
            uid_maps[c.references] = uids_by_id(journal, c.references)
    names = ["uid", "created_at", "updated_at", *(c.name for c in columns)]
    select = ", ".join(["uid", "created_at", "updated_at", *(c.column for c in columns)])
    rows = journal.rows(f"SELECT {select} FROM {table} ORDER BY id")
    refs = [(i + 3, uid_maps[c.references]) for i, c in enumerate(columns) if c.references]
    flags = [i + 3 for i, c in enumerate(columns) if c.flag]
    if not refs and not flags:
        return [dict(zip(names, row, strict=True)) for row in rows]
    out = []
    for row in rows:
        values = list(row)
        for i, uid_of in refs:
            if values[i] is not None:
                values[i] = uid_of[values[i]]
        for i in flags:
            values[i] = bool(values[i])
        out.append(dict(zip(names, values, strict=True)))
    return out


class Batch(NamedTuple):
    """Records of one table to insert, as document dicts (references hold uids)."""

    table: str
    columns: Sequence[Column]
    rows: Sequence[dict[str, Any]]
    deferred: frozenset[str] = frozenset()  # reference columns set after every row is in


def adr_numbers_taken(journal: Journal) -> set[int]:
    """The ADR numbers decision records already carry (each is unique, schema 4)."""
    return {row[0] for row in journal.rows(
        "SELECT adr_number FROM decision_records WHERE adr_number IS NOT NULL")}


def existing_uids(journal: Journal, table: str) -> set[str]:
    return {row[0] for row in journal.rows(f"SELECT uid FROM {table}")}


def import_batches(journal: Journal, batches: Sequence[Batch], settings: dict[str, Any],
                   progress: Progress | None = None,
                   initiator: object = None) -> dict[str, list[int]]:
    """Insert every batch (in the order given, parents first) and add `settings`, all in one
    transaction: everything goes in or nothing does. Returns the ids added, by kind. Raises
    InvalidRecord when the database refuses a row.

    The rows go straight to SQL, not through `Journal.create_many`: the document was checked
    in full against the schema (types, enums, days, references) before this is called, and the
    tables' own constraints still hold. Encoding 50,000 records again took 0.5 s. The records
    are not announced one by one either: the caller says what changed (the app reloads)."""
    total = sum(len(b.rows) for b in batches)
    done = 0
    added: dict[str, list[int]] = {}
    id_maps: dict[str, dict[str, int]] = {}
    with journal.batch(initiator):
        for key, value in settings.items():
            journal.set_setting(key, value, initiator)
        bulk = total > BULK_INDEX_ROWS
        if bulk:  # the rebuild below makes these triggers again, with every row indexed
            for (name,) in journal.rows("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name GLOB '*_searched_in'"):
                journal.conn.execute(f"DROP TRIGGER {name}")
        links: list[tuple[str, str, int, str, str]] = []
        for batch in batches:
            for c in batch.columns:
                if c.references and c.references not in id_maps:
                    id_maps[c.references] = ids_by_uid(journal, c.references)
            getters = []
            for c in batch.columns:
                if c.references and c.name in batch.deferred:
                    getters.append(lambda r: None)
                elif c.references:
                    getters.append(lambda r, n=c.name, m=id_maps[c.references]: (
                        None if r[n] is None else m[r[n]]))
                elif c.flag:
                    getters.append(lambda r, n=c.name: 1 if r[n] else 0)
                else:
                    getters.append(lambda r, n=c.name: r[n])
            rows = [(r["uid"], r["created_at"], r["updated_at"], *(g(r) for g in getters))
                    for r in batch.rows]
            names = ["uid", "created_at", "updated_at", *(c.column for c in batch.columns)]
            sql = (f"INSERT INTO {batch.table} ({', '.join(names)}) "
                   f"VALUES ({', '.join('?' for _ in names)})")
            try:
                journal.conn.executemany(sql, rows)
            except sqlite3.IntegrityError as error:
                raise InvalidRecord(f"{batch.table}: {error}") from None
            # AUTOINCREMENT inside one transaction under the writer lock: consecutive ids.
            last = journal.rows("SELECT seq FROM sqlite_sequence WHERE name = ?",
                                (batch.table,))[0][0]
            ids = list(range(last - len(rows) + 1, last + 1))
            if batch.table not in id_maps:  # after the insert: records already here, and these
                id_maps[batch.table] = ids_by_uid(journal, batch.table)
            mine = id_maps[batch.table]
            for record, new_id in zip(batch.rows, ids, strict=True):
                mine[record["uid"]] = new_id
                for c in batch.columns:
                    if c.name in batch.deferred and record[c.name] is not None:
                        links.append((batch.table, c.column, new_id, c.references,
                                      record[c.name]))
            added[KIND_OF_TABLE[batch.table]] = ids
            done += len(ids)
            if progress:
                progress(done, total)
        for table, column, row_id, target, uid in links:
            # Straight to the column: an import keeps each record's updated_at as exported.
            journal.conn.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?",
                                 (id_maps[target][uid], row_id))
        if bulk:
            from journal.store.search_index import rebuild_statements

            for statement in rebuild_statements(journal.conn):
                journal.conn.execute(statement)
    return added
