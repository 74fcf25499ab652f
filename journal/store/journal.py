"""The one place that opens, checks, migrates, reads and writes a journal file.

Every write runs inside one transaction and, once committed, tells the subscribers what changed
(`Changes`). Nothing is deleted by a cascade: `deletion_plan` names everything a delete takes
with it, `delete` removes exactly that, and `restore` puts it back as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.kinds import KIND_OF_TABLE, TABLES
from journal.store import opening
from journal.store.changes import SETTINGS, Changes
from journal.store.errors import (
    InvalidRecord,
    JournalLocked,
    ReadOnlyJournal,
    RecordNotFound,
)
from journal.store.lock import LockBusy, WriterLock
from journal.store.paging import add_functions
from journal.store.schema import APPLICATION_ID, MIGRATION_SET, MIGRATIONS, SCHEMA_VERSION

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


class Journal:
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
        self._children = _child_references(conn)

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

    def deletion_plan(self, kind: str, record_id: int) -> DeletionPlan:
        self.get(kind, record_id)
        deleted: list[tuple[str, int]] = []
        unlinked: list[tuple[str, int, str]] = []
        self._plan(TABLES[kind], record_id, deleted, unlinked)
        gone = set(deleted)
        unlinked = [u for u in unlinked if (u[0], u[1]) not in gone]
        return DeletionPlan(deleted, unlinked)

    def _plan(self, table: str, record_id: int, deleted: list, unlinked: list) -> None:
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

    def delete(self, kind: str, record_id: int, initiator: object = None) -> Removal:
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

    def restore(self, removal: Removal, initiator: object = None) -> None:
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

    # -- settings ----------------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        import json
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def settings(self) -> dict[str, Any]:
        import json

        return {k: json.loads(v) for k, v in self.conn.execute("SELECT key, value FROM settings")}

    def set_setting(self, key: str, value: Any, initiator: object = None) -> None:
        import json

        self._require_writable()
        encoded = json.dumps(value, ensure_ascii=False)
        if self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone() == (
            encoded,
        ):
            return
        with self._transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, encoded))
        self._publish({(SETTINGS, 0)}, initiator)

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


def _child_references(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, bool]]]:
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


# -- opening ---------------------------------------------------------------------------------
def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = opening.connect_read_only(path)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    add_functions(conn)
    return conn


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _apply_migrations(conn: sqlite3.Connection, up_to: int | None = None) -> None:
    """Apply pending migrations in order (only those up to version `up_to`, when given)."""
    # sqlite-utils is imported here, not at start-up: opening an up-to-date journal never needs it.
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for version, name, step in MIGRATIONS:
        if up_to is not None and version > up_to:
            break

        def run(db: Database, step=step, version=version) -> None:
            step(db.conn)
            db.conn.execute(f"PRAGMA user_version = {int(version)}")

        migrations(name=name)(run)
    migrations.apply(Database(conn, execute_plugins=False))


def _create(path: Path) -> None:
    """Build a new journal in a temporary file beside `path`, then move it into place, so a crash
    never leaves a half-made file that a later start would refuse as foreign."""
    tmp = path.with_name(f".{path.name}.{new_uid()[:8]}.new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            _apply_migrations(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise


def open_journal(path: Path | str, *, read_only: bool = False) -> Journal:
    """Open (or create) the journal at `path`.

    A missing or zero-byte file becomes a new journal. Anything else must be one of our journals
    of this or an older schema; an older one is backed up beside itself and then migrated. A file
    that cannot be written opens read-only. Raises a `JournalError` subclass, having written
    nothing, when the file is refused or another process holds it.
    """
    path = Path(path).expanduser().absolute()
    if opening.is_new_file(path):
        if read_only:
            raise opening.NotAJournal(path, f"{path} does not exist yet, and a read-only journal "
                                            "cannot be created.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = _take_lock(path)
        try:
            if opening.is_new_file(path):
                _create(path)
        except BaseException:
            lock.release()
            raise
        return _open_existing(path, read_only=False, lock=lock)
    opening.check_header(path)
    read_only = read_only or not _writable(path)
    lock = None if read_only else _take_lock(path)
    try:
        return _open_existing(path, read_only=read_only, lock=lock)
    except BaseException:
        if lock:
            lock.release()
        raise


def _take_lock(path: Path) -> WriterLock:
    lock = WriterLock(path)
    try:
        lock.acquire()
    except LockBusy as busy:
        owner = f" (process {busy.owner_pid})" if busy.owner_pid else ""
        raise JournalLocked(path, f"{path} is already open in another Leadership Journal window "
                                  f"or command{owner}. Close that one first; two writers would "
                                  "overwrite each other's work.") from None
    return lock


def _open_existing(path: Path, *, read_only: bool, lock: WriterLock | None) -> Journal:
    conn = _connect(path, read_only)
    try:
        version = opening.check_contents(path, conn)
        backup = None
        if version < SCHEMA_VERSION:
            if read_only:
                raise ReadOnlyJournal(path, f"{path} was written by an older version of the app "
                                            "and needs updating, but it cannot be written here. "
                                            "Copy it somewhere you can write to, then open it.")
            backup = opening.backup_before_migration(path, conn, version)
            _apply_migrations(conn)
        return Journal(path, conn, read_only=read_only, lock=lock, backup=backup)
    except BaseException:
        conn.close()
        raise


def kind_of(record: Record) -> str:
    return type(record).kind


__all__ = ["Journal", "Removal", "DeletionPlan", "open_journal", "now_utc"]
