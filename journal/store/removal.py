"""Deleting records and putting them back exactly.

Nothing is deleted by a cascade: `deletion_plan` names everything a delete takes with it, `delete`
removes exactly that, and `restore` puts it back as it was (ids, uids and timestamps included).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from journal.domain.kinds import KIND_OF_TABLE, TABLES

if TYPE_CHECKING:
    from journal.store.journal import Journal


# Removal and DeletionPlan are plain classes, not dataclasses: this module is on the start-up
# path, where importing `dataclasses` and generating their methods costs about 2 ms.
class Removal:
    """What a delete took away, enough to put it back exactly (ids and uids included)."""

    __slots__ = ("rows", "unlinked")

    def __init__(self) -> None:
        self.rows: list[tuple[str, dict[str, Any]]] = []  # parents first
        self.unlinked: list[tuple[str, int, str, int]] = []  # kind, id, column, old value

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind, _ in self.rows:
            out[kind] = out.get(kind, 0) + 1
        return out


class DeletionPlan:
    """Everything deleting one record would touch, for a confirmation that names it."""

    __slots__ = ("deleted", "unlinked")

    def __init__(self, deleted: list[tuple[str, int]], unlinked: list[tuple[str, int, str]]):
        self.deleted = deleted  # the record first, then what goes with it
        self.unlinked = unlinked  # records that keep existing but lose a reference

    def __repr__(self) -> str:
        return f"DeletionPlan(deleted={self.deleted!r}, unlinked={self.unlinked!r})"

    def dependents(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for kind, _ in self.deleted[1:]:
            out[kind] = out.get(kind, 0) + 1
        return out



class Removing:
    """The deleting half of `Journal` (a mixin: it uses the journal's connection and feed)."""

    def deletion_plan(self: Journal, kind: str, record_id: int) -> DeletionPlan:
        self.get(kind, record_id)
        deleted: list[tuple[str, int]] = []
        unlinked: list[tuple[str, int, str]] = []
        self._plan(TABLES[kind], record_id, deleted, unlinked)
        gone = set(deleted)
        unlinked = [u for u in unlinked if (u[0], u[1]) not in gone]
        return DeletionPlan(deleted, unlinked)

    def _plan(self: Journal, table: str, record_id: int, deleted: list, unlinked: list) -> None:
        deleted.append((KIND_OF_TABLE[table], record_id))
        for child_table, column, required in self._children.get(table, ()):
            ids = [r[0] for r in self.conn.execute(
                f"SELECT id FROM {child_table} WHERE {column} = ? ORDER BY id", (record_id,))]
            for child_id in ids:
                if required:
                    if (KIND_OF_TABLE[child_table], child_id) not in deleted:
                        self._plan(child_table, child_id, deleted, unlinked)
                else:
                    unlinked.append((KIND_OF_TABLE[child_table], child_id, column))

    def delete(self: Journal, kind: str, record_id: int, initiator: object = None) -> Removal:
        """Delete a record and exactly what `deletion_plan` names. Returns what `restore` needs."""
        self._require_writable()
        plan = self.deletion_plan(kind, record_id)
        removal = Removal()
        with self._transaction():
            for k, rid, column in plan.unlinked:
                table = TABLES[k]
                old = self.conn.execute(f"SELECT {column} FROM {table} WHERE id = ?",
                                        (rid,)).fetchone()[0]
                removal.unlinked.append((k, rid, column, old))
                self.conn.execute(f"UPDATE {table} SET {column} = NULL WHERE id = ?", (rid,))
            for k, rid in plan.deleted:
                cursor = self.conn.execute(f"SELECT * FROM {TABLES[k]} WHERE id = ?", (rid,))
                names = [d[0] for d in cursor.description]
                removal.rows.append((k, dict(zip(names, cursor.fetchone(), strict=True))))
            for k, rid in reversed(plan.deleted):
                self.conn.execute(f"DELETE FROM {TABLES[k]} WHERE id = ?", (rid,))
        touched = set(plan.deleted) | {(k, rid) for k, rid, _ in plan.unlinked}
        self._publish(touched, initiator)
        return removal

    def restore(self: Journal, removal: Removal, initiator: object = None) -> None:
        """Put back what `delete` removed, with the same ids, uids and timestamps."""
        self._require_writable()
        with self._transaction():
            for kind, row in removal.rows:
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                self._execute(f"INSERT INTO {TABLES[kind]} ({columns}) VALUES ({marks})",
                              tuple(row.values()))
            for kind, rid, column, old in removal.unlinked:
                self._execute(f"UPDATE {TABLES[kind]} SET {column} = ? WHERE id = ?",
                              (old, rid))
        touched = {(k, row["id"]) for k, row in removal.rows}
        touched |= {(k, rid) for k, rid, _, _ in removal.unlinked}
        self._publish(touched, initiator)


def child_references(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, bool]]]:
    """parent table -> [(child table, column, column is NOT NULL)] from the schema itself."""
    children: dict[str, list[tuple[str, str, bool]]] = {}
    for table in TABLES.values():
        try:
            notnull = {r[1]: bool(r[3]) for r in conn.execute(f"PRAGMA table_info({table})")}
            for ref in conn.execute(f"PRAGMA foreign_key_list({table})"):
                children.setdefault(ref[2], []).append((table, ref[3], notnull[ref[3]]))
        except sqlite3.Error:
            continue
    return children


