"""An open journal: reading and writing records, in transactions, with a change feed.

Every write runs inside one transaction and, once committed, tells the subscribers what changed
(`Changes`). Deleting and restoring live in `removal`, settings in `settings`, and opening a file
(creating, checking, locking, migrating) in `opener`; `Journal` joins them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.kinds import TABLES
from journal.store.changes import Changes
from journal.store.errors import (
    InvalidRecord,
    ReadOnlyJournal,
    RecordNotFound,
)
from journal.store.lock import WriterLock
from journal.store.removal import DeletionPlan, Removal, Removing, child_references
from journal.store.settings import SettingsStore

if TYPE_CHECKING:
    from journal.domain.records import Record
    from journal.store.codec import Codec

Listener = Callable[[Changes], None]

_CODECS: dict[str, Codec] = {}


def codec_for(kind: str) -> Codec:
    """The codec of a record kind, built on first use (start-up touches only a few kinds)."""
    codec = _CODECS.get(kind)
    if codec is None:
        # Imported here, not at the top: building the record dataclasses costs about 10 ms, and
        # the first paint (counts, schema checks) needs only table names, from `kinds`.
        from journal.domain.records import BY_KIND
        from journal.store.codec import Codec

        codec = _CODECS[kind] = Codec(BY_KIND[kind])
    return codec


def new_uid() -> str:
    import uuid  # not at start-up: uuid pulls in `platform`, and reading needs no new ids

    return str(uuid.uuid4())


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Journal(Removing, SettingsStore):
    """An open journal file. Use `open_journal` to get one; call `close` when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool,
                 lock: WriterLock | None, backup: Path | None = None):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self.backup_path = backup
        self._lock = lock
        self._listeners: list[Listener] = []
        self._batch_depth = 0
        self._batch_changes: set[tuple[str, int]] = set()
        self._batch_initiator: object = None
        self._savepoints = 0
        self._children = child_references(conn)

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        if self.conn is None:
            return
        with contextlib.suppress(sqlite3.Error):
            if not self.read_only:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        self.conn = None  # type: ignore[assignment]
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the change feed ---------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _publish(self, records: set[tuple[str, int]], initiator: object) -> None:
        if not records:
            return
        if self._batch_depth:
            self._batch_changes |= records
            return
        changes = Changes.of(records, initiator)
        for listener in list(self._listeners):
            listener(changes)

    @contextlib.contextmanager
    def batch(self, initiator: object = None) -> Iterator[Journal]:
        """Group several writes into one transaction and one notification."""
        self._require_writable()
        self._batch_depth += 1
        if self._batch_depth == 1:
            self._batch_initiator = initiator
        try:
            with self._transaction():
                yield self
        except BaseException:
            if self._batch_depth == 1:
                self._batch_changes = set()
            raise
        finally:
            self._batch_depth -= 1
        if self._batch_depth == 0:
            records, self._batch_changes = self._batch_changes, set()
            self._publish(records, self._batch_initiator)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:
            self._savepoints += 1
            name = f"sp_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyJournal(self.path, f"{self.path} is open read-only, so nothing can be "
                                             "changed. Copy it somewhere you can write to.")

    # -- reading -----------------------------------------------------------------------------
    def rows(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        """Plain rows for store modules' own queries (the UI never calls this)."""
        return self.conn.execute(sql, params).fetchall()

    def records(self, kind: str, sql_after_from: str = "", params: tuple | dict = ()) -> list:
        """Records of a kind selected by a WHERE/ORDER clause written in a store module."""
        codec = codec_for(kind)
        cursor = self.conn.execute(f"{codec.select} {sql_after_from}", params)
        return [codec.decode(row) for row in cursor]

    def get(self, kind: str, record_id: int) -> Any:
        found = self.records(kind, "WHERE id = ?", (record_id,))
        if not found:
            raise RecordNotFound(f"No {kind} with id {record_id}")
        return found[0]

    def get_by_uid(self, kind: str, uid: str) -> Any:
        found = self.records(kind, "WHERE uid = ?", (uid,))
        if not found:
            raise RecordNotFound(f"No {kind} with uid {uid}")
        return found[0]

    def list(self, kind: str, order_by: str = "id", **equals: Any) -> list:
        """Records of `kind` whose fields equal the given values, ordered by a field name."""
        codec = codec_for(kind)
        descending = order_by.startswith("-")
        column = order_by.lstrip("-")
        for name in (column, *equals):
            if name not in codec.columns:
                raise InvalidRecord(f"{kind} has no field {name!r}")
        where = " AND ".join(
            f"{name} IS NULL" if value is None else f"{name} = ?" for name, value in equals.items()
        )
        params = tuple(codec.encode_value(n, v) for n, v in equals.items() if v is not None)
        clause = (f"WHERE {where} " if where else "") + f"ORDER BY {column}"
        clause += " DESC" if descending else ""
        return self.records(kind, clause, params)

    def count(self, kind: str) -> int:
        """How many records of `kind` the journal holds: one row of `record_counts`, which
        triggers keep (schema 3), rather than count(*) over a whole index."""
        row = self.conn.execute("SELECT n FROM record_counts WHERE table_name = ?",
                                (TABLES[kind],)).fetchone()
        return row[0]

    def counts(self) -> dict[str, int]:
        by_table = dict(self.conn.execute("SELECT table_name, n FROM record_counts"))
        return {kind: by_table[table] for kind, table in TABLES.items()}

    def is_empty(self) -> bool:
        """True when the journal holds no records at all (settings do not count)."""
        found = self.conn.execute("SELECT 1 FROM record_counts WHERE n > 0 LIMIT 1").fetchone()
        return found is None

    # -- writing -----------------------------------------------------------------------------
    def create(self, kind: str, initiator: object = None, **values: Any) -> Any:
        self._require_writable()
        codec = codec_for(kind)
        row = self._encode(codec, values)
        stamp = now_utc()
        row.update(uid=values.get("uid") or new_uid(), created_at=stamp, updated_at=stamp)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self._transaction():
            cursor = self._execute(f"INSERT INTO {codec.table} ({columns}) VALUES ({marks})",
                                   tuple(row.values()))
            record_id = cursor.lastrowid
        self._publish({(kind, record_id)}, initiator)
        return self.get(kind, record_id)

    def create_many(self, kind: str, rows: Iterable[Mapping[str, Any]],
                    initiator: object = None) -> list[int]:
        """Insert many records of one kind with a single `executemany`; returns their ids in order.

        For bulk writers (imports, generated journals), where `create` per row is too slow. Each
        row is encoded and checked as `create` does it; a field a row leaves out takes the
        record's default. A row may also carry `uid`, `created_at` and `updated_at` (an import
        keeps its own, a generated history is dated in the past); missing ones are filled as
        `create` fills them. All rows go in or none do, and one `Changes` names them all.
        """
        self._require_writable()
        from dataclasses import fields

        codec = codec_for(kind)
        # A field a row leaves out takes the record's default, as the schema would.
        defaults = {f.name: f.default for f in fields(codec.cls) if f.name in codec.own}
        columns = [*codec.own, "uid", "created_at", "updated_at"]
        stamp = now_utc()
        encoded: list[tuple] = []
        for values in rows:
            given = dict(values)
            created = _timestamp(kind, given.pop("created_at", None) or stamp)
            updated = _timestamp(kind, given.pop("updated_at", None) or created)
            row = self._encode(codec, {**defaults, **given})
            encoded.append((*(row[name] for name in codec.own),
                            given.get("uid") or new_uid(), created, updated))
        if not encoded:
            return []
        sql = (f"INSERT INTO {codec.table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        with self._transaction():
            try:
                self.conn.executemany(sql, encoded)
            except sqlite3.IntegrityError as error:
                raise InvalidRecord(str(error)) from None
            # AUTOINCREMENT under the writer lock and inside one transaction hands out
            # consecutive ids, so the last one names them all.
            last = self.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?",
                                     (codec.table,)).fetchone()[0]
        ids = list(range(last - len(encoded) + 1, last + 1))
        self._publish({(kind, record_id) for record_id in ids}, initiator)
        return ids

    def update(self, kind: str, record_id: int, initiator: object = None, **values: Any) -> Any:
        """Change some fields. Writes nothing (and tells no one) when nothing differs."""
        self._require_writable()
        codec = codec_for(kind)
        current = self.get(kind, record_id)
        row = self._encode(codec, values)
        old = self._encode(codec, {name: getattr(current, name) for name in row})
        changed = {name: value for name, value in row.items() if old[name] != value}
        if not changed:
            return current
        changed["updated_at"] = now_utc()
        assignments = ", ".join(f"{name} = ?" for name in changed)
        with self._transaction():
            self._execute(f"UPDATE {codec.table} SET {assignments} WHERE id = ?",
                          (*changed.values(), record_id))
        self._publish({(kind, record_id)}, initiator)
        return self.get(kind, record_id)

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _encode(codec: Codec, values: dict[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(codec.own) - {"uid"}
        if unknown:
            raise InvalidRecord(f"{codec.cls.kind} has no field(s) {', '.join(sorted(unknown))}")
        try:
            return {name: codec.encode_value(name, value) for name, value in values.items()
                    if name != "uid"}
        except ValueError as error:
            raise InvalidRecord(f"{codec.cls.kind}: {error}") from None

    def _execute(self, sql: str, params: tuple) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.IntegrityError as error:
            raise InvalidRecord(str(error)) from None


def _timestamp(kind: str, value: Any) -> str:
    """A bookkeeping timestamp given by a bulk writer: ISO 8601, kept as written."""
    try:
        dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise InvalidRecord(f"{kind}: {value!r} is not an ISO 8601 timestamp") from None
    return str(value)



def kind_of(record: Record) -> str:
    return type(record).kind



def open_journal(path: Path | str, *, read_only: bool = False) -> Journal:
    """Open (or create) the journal at `path`; see `journal.store.opener.open_journal`."""
    # Opening builds on `Journal`, so it lives in its own module, imported when first needed.
    from journal.store.opener import open_journal as open_file

    return open_file(path, read_only=read_only)

__all__ = ["Journal", "Removal", "DeletionPlan", "open_journal", "now_utc"]
