"""Schema 4 (partners and decisions): the migration of a schema 3 journal, and ADR numbering."""

from __future__ import annotations

import os
import sqlite3

import pytest

from journal.domain.kinds import CONFLICT, DECISION_PERSON, DECISION_RECORD, PERSON, TABLES
from journal.store.errors import InvalidRecord
from journal.store.opener import apply_migrations, open_journal
from journal.store.schema import APPLICATION_ID, SCHEMA_VERSION

STAMP = "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'"


def _uid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _v3_journal(path) -> None:
    """A schema 3 journal with decision records that point at each other, a review and a
    conflict with an owner, the rows a table rebuild must keep."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    apply_migrations(conn, up_to=3)
    ins = conn.execute
    ins(f"INSERT INTO people (id, uid, created_at, updated_at, name) VALUES "
        f"(1, '{_uid(1)}', {STAMP}, 'Ana')")
    ins(f"""INSERT INTO decision_records (id, uid, created_at, updated_at, title, status,
            decided_on) VALUES (5, '{_uid(5)}', '2021-03-01T00:00:00Z', '2021-03-01T00:00:00Z',
            'Later', 'accepted', '2021-03-01'),
           (9, '{_uid(9)}', {STAMP}, 'Earlier', 'superseded', '2020-01-01')""")
    ins("UPDATE decision_records SET superseded_by_id = 5 WHERE id = 9")
    ins(f"""INSERT INTO design_reviews (uid, created_at, updated_at, title, reviewed_on,
            decision_record_id) VALUES ('{_uid(20)}', {STAMP}, 'Review', '2020-01-01', 9)""")
    ins(f"""INSERT INTO conflicts (id, uid, created_at, updated_at, title, decision_maker_id)
            VALUES (3, '{_uid(30)}', {STAMP}, 'Who owns it', 1)""")
    ins(f"""INSERT INTO conflict_owners (uid, created_at, updated_at, conflict_id, person_id)
            VALUES ('{_uid(31)}', {STAMP}, 3, 1)""")
    ins(f"""INSERT INTO partner_teams (id, uid, created_at, updated_at, name) VALUES
            (1, '{_uid(40)}', {STAMP}, 'Storage')""")
    ins(f"""INSERT INTO partner_contacts (uid, created_at, updated_at, team_id, on_date,
            during_incident) VALUES ('{_uid(41)}', {STAMP}, 1, '2020-01-01', 1),
            ('{_uid(42)}', {STAMP}, 1, '2020-02-01', 0)""")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.chmod(path, 0o600)


@pytest.fixture
def migrated(tmp_path):
    path = tmp_path / "v3.sqlite3"
    _v3_journal(path)
    with open_journal(path) as j:
        yield j


def test_a_schema_3_journal_migrates_keeping_ids_uids_and_links(migrated):
    j = migrated
    assert j.schema_version == SCHEMA_VERSION
    earlier, later = j.get(DECISION_RECORD, 9), j.get(DECISION_RECORD, 5)
    assert (earlier.uid, later.uid) == (_uid(9), _uid(5))
    assert earlier.superseded_by_id == 5
    # Numbered oldest decision first, and the numbers are never given twice.
    assert (earlier.adr_number, later.adr_number) == (1, 2)
    conflict = j.get(CONFLICT, 3)
    assert conflict.uid == _uid(30) and conflict.decision_maker_id == 1
    assert j.list("conflict_owner")[0].conflict_id == 3
    assert j.list("design_review")[0].decision_record_id == 9
    kinds = [c.contact_kind for c in j.list("partner_contact", order_by="on_date")]
    assert kinds == ["incident", "other"]  # a contact during an incident was an incident
    assert j.rows("PRAGMA foreign_key_check") == []
    assert j.rows("PRAGMA integrity_check") == [("ok",)]


def test_the_rebuilt_tables_keep_their_indexes_triggers_and_sequence(migrated):
    j = migrated
    names = {r[0] for r in j.rows("SELECT name FROM sqlite_master WHERE tbl_name IN "
                                  "('decision_records', 'conflicts')")}
    assert {"records_superseded", "conflicts_by_maker", "decision_records_counted_in",
            "decision_records_counted_out", "conflicts_counted_in", "conflicts_counted_out",
            "records_by_number"} <= names
    new = j.create(DECISION_RECORD, title="Newest")
    assert new.id == 10  # AUTOINCREMENT continues after the highest id ever used
    assert new.adr_number == 3
    assert j.counts() == {kind: j.rows(f"SELECT count(*) FROM {table}")[0][0]
                          for kind, table in TABLES.items()}


def test_new_statuses_are_accepted_and_unknown_ones_refused(migrated):
    j = migrated
    assert j.update(CONFLICT, 3, status="escalated").status == "escalated"
    assert j.update(DECISION_RECORD, 5, status="rejected").status == "rejected"
    with pytest.raises(InvalidRecord):
        j.update(CONFLICT, 3, status="stalled")


def test_a_deleted_records_number_is_not_given_again_so_undo_keeps_it(migrated):
    j = migrated
    newest = j.create(DECISION_RECORD, title="Newest")
    assert newest.adr_number == 3
    removal = j.delete(DECISION_RECORD, newest.id)
    another = j.create(DECISION_RECORD, title="Another")
    assert another.adr_number == 4
    j.restore(removal)
    assert j.get(DECISION_RECORD, newest.id).adr_number == 3
    # A record written with a number keeps it; a taken number is refused.
    assert j.create(DECISION_RECORD, title="Imported", adr_number=40).adr_number == 40
    assert j.create(DECISION_RECORD, title="Next").adr_number == 41
    with pytest.raises(InvalidRecord):
        j.create(DECISION_RECORD, title="Clash", adr_number=40)


def test_decision_people_are_counted_and_go_with_their_person(migrated):
    j = migrated
    record = j.create(DECISION_RECORD, title="With people")
    j.create(DECISION_PERSON, decision_record_id=record.id, person_id=1, role="consulted")
    assert j.count(DECISION_PERSON) == 1
    with pytest.raises(InvalidRecord):  # once per role
        j.create(DECISION_PERSON, decision_record_id=record.id, person_id=1, role="consulted")
    plan = j.deletion_plan(PERSON, 1)
    assert (DECISION_PERSON, 1) in plan.deleted
