"""The journal's schema as an ordered list of migrations.

The file records its own version twice: `PRAGMA user_version` (what the app checks on open, cheap
and readable by any SQLite tool) and sqlite-utils' `_sqlite_migrations` table (names and times of
each applied step). Each step runs in one transaction together with its bookkeeping, so a file is
never left half-migrated. Add new steps at the end; never edit a step that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from journal.store.search_index import build_index

APPLICATION_ID = 0x4C4A524E  # the bytes "LJRN"
MIGRATION_SET = "leadership-journal"

# Columns every record table starts with.
_COMMON = """
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def _date(col: str, required: bool = False) -> str:
    null = "NOT NULL" if required else ""
    iso = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
    return f"{col} TEXT {null} CHECK ({col} IS NULL OR {col} GLOB {iso})"


def _flag(col: str) -> str:
    return f"{col} INTEGER NOT NULL DEFAULT 0 CHECK ({col} IN (0, 1))"


def _enum(col: str, values: tuple[str, ...], default: str) -> str:
    listed = ", ".join(f"'{v}'" for v in values)
    return f"{col} TEXT NOT NULL DEFAULT '{default}' CHECK ({col} IN ({listed}))"


def _text(col: str) -> str:
    return f"{col} TEXT NOT NULL DEFAULT ''"


_STRUCTURES = ("goal_based", "shadowing", "reverse_shadowing", "pairing", "office_hours")

V1_TABLES = [
    f"""CREATE TABLE people ({_COMMON},
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        {_text("team")},
        {_text("notes")})""",
    f"""CREATE TABLE mentorships ({_COMMON},
        mentee_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        mentor_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_flag("mentor_is_me")},
        {_enum("structure", _STRUCTURES, "goal_based")},
        {_date("started_on", True)},
        {_date("ended_on")},
        cadence_days INTEGER NOT NULL DEFAULT 7 CHECK (cadence_days BETWEEN 1 AND 366),
        {_text("notes")},
        CHECK (NOT (mentor_is_me = 1 AND mentor_id IS NOT NULL)),
        CHECK (mentor_id IS NULL OR mentor_id != mentee_id))""",
    f"""CREATE TABLE goals ({_COMMON},
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE RESTRICT,
        {_text("outcome")},
        {_text("success_signal")},
        {_date("started_on", True)},
        {_date("target_on")},
        {_enum("status", ("active", "achieved", "dropped"), "active")})""",
    f"""CREATE TABLE check_ins ({_COMMON},
        goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE RESTRICT,
        {_date("on_date", True)},
        {_text("progress")},
        {_enum("health", ("on_track", "at_risk", "off_track"), "on_track")},
        {_text("next_step")})""",
    f"""CREATE TABLE mentoring_sessions ({_COMMON},
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE RESTRICT,
        {_date("on_date", True)},
        {_enum("structure", _STRUCTURES, "goal_based")},
        {_flag("during_incident")},
        {_enum("driver", ("mentor", "mentee"), "mentee")},
        {_text("notes")},
        {_text("what_changed")},
        {_text("smallest_reproducer")},
        {_text("evidence")},
        {_text("hypothesis")},
        {_text("test")})""",
    f"""CREATE TABLE feedback_drafts ({_COMMON},
        recipient_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        {_enum("polarity", ("reinforcing", "corrective"), "reinforcing")},
        {_text("situation")},
        {_text("behavior")},
        {_text("impact")},
        {_enum("status", ("draft", "delivered", "dropped"), "draft")},
        {_date("delivered_on")},
        CHECK (status != 'delivered' OR delivered_on IS NOT NULL))""",
    f"""CREATE TABLE retros ({_COMMON},
        {_text("subject")},
        {_enum("retro_kind", ("project", "sprint", "rotation", "other"), "project")},
        {_date("held_on", True)},
        {_text("notes")})""",
    f"""CREATE TABLE retro_items ({_COMMON},
        retro_id INTEGER NOT NULL REFERENCES retros(id) ON DELETE RESTRICT,
        {_enum("bucket", ("continue", "start", "stop"), "continue")},
        {_text("text")},
        position INTEGER NOT NULL DEFAULT 0)""",
    f"""CREATE TABLE reflections ({_COMMON},
        giver_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_date("received_on", True)},
        {_text("what_was_said")},
        {_text("paraphrase")},
        {_text("example")},
        {_text("useful")},
        {_text("action")},
        {_enum("status", ("open", "acting", "done"), "open")},
        step INTEGER NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 20))""",
    f"""CREATE TABLE partner_teams ({_COMMON},
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        {_text("depends_for")},
        contact_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_text("dashboards")},
        {_text("runbooks")},
        {_text("notes")})""",
    f"""CREATE TABLE partner_contacts ({_COMMON},
        team_id INTEGER NOT NULL REFERENCES partner_teams(id) ON DELETE RESTRICT,
        person_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_date("on_date", True)},
        {_flag("during_incident")},
        {_text("notes")})""",
    f"""CREATE TABLE decision_records ({_COMMON},
        {_text("title")},
        {_text("context")},
        {_text("decision")},
        {_text("consequences")},
        {_enum("status", ("proposed", "accepted", "deprecated", "superseded"), "proposed")},
        superseded_by_id INTEGER REFERENCES decision_records(id) ON DELETE RESTRICT,
        {_date("decided_on")},
        CHECK (superseded_by_id IS NULL OR superseded_by_id != id))""",
    f"""CREATE TABLE design_reviews ({_COMMON},
        {_text("title")},
        {_date("reviewed_on", True)},
        {_text("problem")},
        {_text("alternatives")},
        {_text("failure_modes")},
        {_text("reversibility")},
        {_text("operational_cost")},
        {_text("compliance_security")},
        {_text("decision")},
        decision_record_id INTEGER REFERENCES decision_records(id) ON DELETE RESTRICT)""",
    f"""CREATE TABLE roadmap_proposals ({_COMMON},
        {_text("title")},
        {_enum("frame", ("", "risk", "slo", "toil", "compliance", "cost"), "")},
        {_text("numbers")},
        {_text("one_sentence")},
        {_text("details")},
        {_date("proposed_on")})""",
    f"""CREATE TABLE conflicts ({_COMMON},
        {_text("title")},
        {_text("proposal_a")},
        {_text("proposal_b")},
        {_text("cost_of_delay_a")},
        {_text("cost_of_delay_b")},
        decision_maker_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_text("decision")},
        {_text("tradeoff")},
        {_enum("status", ("open", "decided"), "open")},
        {_date("decided_on")})""",
    f"""CREATE TABLE conflict_owners ({_COMMON},
        conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE RESTRICT,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        {_text("responsibility")},
        UNIQUE (conflict_id, person_id))""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
]

# Version 2: what the pages look up by, and snoozed checklist gaps.
V2_STEPS = [
    "CREATE INDEX people_by_name ON people(name COLLATE NOCASE)",
    "CREATE INDEX mentorships_by_mentee ON mentorships(mentee_id)",
    "CREATE INDEX mentorships_by_mentor ON mentorships(mentor_id)",
    "CREATE INDEX goals_by_mentorship ON goals(mentorship_id, status)",
    "CREATE INDEX check_ins_by_goal ON check_ins(goal_id, on_date)",
    "CREATE INDEX sessions_by_mentorship ON mentoring_sessions(mentorship_id, on_date)",
    "CREATE INDEX feedback_by_recipient ON feedback_drafts(recipient_id, status)",
    "CREATE INDEX feedback_by_status ON feedback_drafts(status, created_at)",
    "CREATE INDEX retro_items_by_retro ON retro_items(retro_id, bucket, position)",
    "CREATE INDEX retros_by_date ON retros(held_on)",
    "CREATE INDEX reflections_by_date ON reflections(received_on)",
    "CREATE INDEX reflections_by_giver ON reflections(giver_id)",
    "CREATE INDEX partner_teams_by_contact ON partner_teams(contact_id)",
    "CREATE INDEX partner_contacts_by_team ON partner_contacts(team_id, on_date)",
    "CREATE INDEX partner_contacts_by_person ON partner_contacts(person_id)",
    "CREATE INDEX reviews_by_date ON design_reviews(reviewed_on)",
    "CREATE INDEX reviews_by_record ON design_reviews(decision_record_id)",
    "CREATE INDEX records_superseded ON decision_records(superseded_by_id)",
    "CREATE INDEX conflicts_by_maker ON conflicts(decision_maker_id)",
    "CREATE INDEX conflict_owners_by_person ON conflict_owners(person_id)",
    f"""CREATE TABLE snoozes ({_COMMON},
        rule TEXT NOT NULL,
        record_kind TEXT NOT NULL,
        record_uid TEXT NOT NULL,
        {_date("until_on", True)},
        UNIQUE (rule, record_kind, record_uid))""",
]

# Version 3: how many rows each record table holds, kept by triggers in the same transaction as
# the write. The opening page shows these counts, and count(*) reads a whole index: its time grew
# with the journal (5 ms at 10x, more with a cold cache), this stays one lookup per table.
_COUNTED = [statement.split()[2] for statement in [*V1_TABLES, *V2_STEPS]
            if statement.startswith("CREATE TABLE") and "uid TEXT" in statement]
V3_STEPS = [
    """CREATE TABLE record_counts (
        table_name TEXT PRIMARY KEY,
        n INTEGER NOT NULL CHECK (n >= 0)) WITHOUT ROWID""",
    *(f"INSERT INTO record_counts SELECT '{t}', count(*) FROM {t}" for t in _COUNTED),
    *(f"""CREATE TRIGGER {t}_counted_in AFTER INSERT ON {t} BEGIN
            UPDATE record_counts SET n = n + 1 WHERE table_name = '{t}'; END"""
      for t in _COUNTED),
    *(f"""CREATE TRIGGER {t}_counted_out AFTER DELETE ON {t} BEGIN
            UPDATE record_counts SET n = n - 1 WHERE table_name = '{t}'; END"""
      for t in _COUNTED),
]

# Version 6: 1:1s, one record per conversation with a person. The prep for the next 1:1 starts
# from the last one. Counted in record_counts as version 3 counts the other record tables.
V6_STEPS = [
    f"""CREATE TABLE one_on_ones ({_COMMON},
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        {_date("held_on", True)},
        {_text("notes")})""",
    "CREATE INDEX one_on_ones_by_person ON one_on_ones(person_id, held_on)",
    "INSERT INTO record_counts VALUES ('one_on_ones', 0)",
    """CREATE TRIGGER one_on_ones_counted_in AFTER INSERT ON one_on_ones BEGIN
        UPDATE record_counts SET n = n + 1 WHERE table_name = 'one_on_ones'; END""",
    """CREATE TRIGGER one_on_ones_counted_out AFTER DELETE ON one_on_ones BEGIN
        UPDATE record_counts SET n = n - 1 WHERE table_name = 'one_on_ones'; END""",
]

# Version 5: a snoozed checklist gap keeps why it was snoozed, and the checklist's rules find
# their records through indexes: the last calm contact with each partner team is one seek, and
# the drafts, reviews, proposals and conflicts with something missing sit in small partial indexes
# (each rule's WHERE repeats the index's WHERE, so SQLite can use it).
V5_STEPS = [
    "ALTER TABLE snoozes ADD COLUMN reason TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX snoozes_by_end ON snoozes(until_on)",
    """CREATE INDEX sessions_by_structure
        ON mentoring_sessions(mentorship_id, structure, on_date)""",
    """CREATE INDEX partner_contacts_by_team_incident
        ON partner_contacts(team_id, during_incident, on_date)""",
    """CREATE INDEX reviews_unanswered ON design_reviews(reviewed_on)
        WHERE trim(problem) = '' OR trim(alternatives) = '' OR trim(failure_modes) = ''
           OR trim(reversibility) = '' OR trim(operational_cost) = ''
           OR trim(compliance_security) = ''""",
    """CREATE INDEX proposals_unframed ON roadmap_proposals(proposed_on)
        WHERE frame = '' OR numbers NOT GLOB '*[0-9]*' OR trim(one_sentence) = ''""",
]

Step = Callable[[sqlite3.Connection], None]

# Version 7: the search index (journal/store/search_index.py declares what it holds and
# generates its FTS5 table, the triggers that keep it current and its first fill).


def _run(statements: list[str]) -> Step:
    def step(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return step

# Version 4: partner teams and decisions (issue 11). What kind a partner contact was; who wrote a
# design review; a roadmap proposal's status; "escalated" conflicts; the people of a decision
# record as MADR names them; and each record's ADR number, kept for good once given, so that
# exported files keep their names. `imported_from` names the file a record was imported from.
CONTACT_KINDS = ("coffee_chat", "design_review", "joint_runbook", "incident", "other")
ADR_STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
PROPOSAL_STATUSES = ("draft", "proposed", "accepted", "declined", "done")
CONFLICT_STATUSES = ("open", "escalated", "decided")
DECISION_ROLES = ("decision_maker", "consulted", "informed")

V4_DECISION_RECORDS = f"""CREATE TABLE decision_records ({_COMMON},
        {_text("title")},
        {_text("context")},
        {_text("decision")},
        {_text("consequences")},
        {_enum("status", ADR_STATUSES, "proposed")},
        superseded_by_id INTEGER REFERENCES decision_records(id) ON DELETE RESTRICT,
        {_date("decided_on")},
        adr_number INTEGER CHECK (adr_number IS NULL OR adr_number >= 0),
        {_text("imported_from")},
        CHECK (superseded_by_id IS NULL OR superseded_by_id != id))"""
V4_CONFLICTS = f"""CREATE TABLE conflicts ({_COMMON},
        {_text("title")},
        {_text("proposal_a")},
        {_text("proposal_b")},
        {_text("cost_of_delay_a")},
        {_text("cost_of_delay_b")},
        decision_maker_id INTEGER REFERENCES people(id) ON DELETE RESTRICT,
        {_text("decision")},
        {_text("tradeoff")},
        {_enum("status", CONFLICT_STATUSES, "open")},
        {_date("decided_on")})"""
V4_TABLES = [
    f"""CREATE TABLE decision_people ({_COMMON},
        decision_record_id INTEGER NOT NULL REFERENCES decision_records(id) ON DELETE RESTRICT,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
        {_enum("role", DECISION_ROLES, "decision_maker")},
        UNIQUE (decision_record_id, role, person_id))""",
    # The highest ADR number ever given, so that a deleted record's number is never given again
    # (its undo puts it back under the same number).
    """CREATE TABLE adr_numbers (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        highest INTEGER NOT NULL DEFAULT 0)""",
]
V4_COUNTED = ["decision_people"]
V4_STEPS = [
    f"ALTER TABLE partner_contacts ADD COLUMN {_enum('contact_kind', CONTACT_KINDS, 'other')}",
    "UPDATE partner_contacts SET contact_kind = 'incident' WHERE during_incident = 1",
    "ALTER TABLE design_reviews ADD COLUMN "
    "author_id INTEGER REFERENCES people(id) ON DELETE RESTRICT",
    f"ALTER TABLE roadmap_proposals ADD COLUMN {_enum('status', PROPOSAL_STATUSES, 'draft')}",
    *V4_TABLES,
    "INSERT INTO adr_numbers (id, highest) VALUES (1, 0)",
    "INSERT INTO record_counts VALUES ('decision_people', 0)",
    """CREATE TRIGGER decision_people_counted_in AFTER INSERT ON decision_people BEGIN
        UPDATE record_counts SET n = n + 1 WHERE table_name = 'decision_people'; END""",
    """CREATE TRIGGER decision_people_counted_out AFTER DELETE ON decision_people BEGIN
        UPDATE record_counts SET n = n - 1 WHERE table_name = 'decision_people'; END""",
    "CREATE INDEX reviews_by_author ON design_reviews(author_id)",
    "CREATE INDEX decision_people_by_person ON decision_people(person_id)",
    "CREATE INDEX proposals_by_date ON roadmap_proposals(proposed_on)",
]
# Run after the rebuilds: the numbers of the records that exist, oldest decision first.
V4_NUMBERING = [
    """UPDATE decision_records SET adr_number = (
        SELECT n FROM (SELECT id, row_number() OVER (
            ORDER BY coalesce(decided_on, substr(created_at, 1, 10)), id) AS n
            FROM decision_records) AS numbered WHERE numbered.id = decision_records.id)""",
    "UPDATE adr_numbers SET highest = (SELECT coalesce(max(adr_number), 0) FROM decision_records)",
    "CREATE UNIQUE INDEX records_by_number ON decision_records(adr_number)",
    # A record written without a number takes the next one (the app, the CLI, an import of a
    # file whose number is taken); one written with a number keeps it.
    """CREATE TRIGGER decision_records_numbered AFTER INSERT ON decision_records BEGIN
        UPDATE decision_records SET adr_number = 1 + max(
            (SELECT highest FROM adr_numbers),
            (SELECT coalesce(max(adr_number), 0) FROM decision_records))
        WHERE id = NEW.id AND adr_number IS NULL;
        UPDATE adr_numbers SET highest = max(highest,
            (SELECT adr_number FROM decision_records WHERE id = NEW.id)); END""",
    """CREATE TRIGGER decision_records_renumbered AFTER UPDATE OF adr_number ON decision_records
        WHEN NEW.adr_number IS NOT NULL BEGIN
        UPDATE adr_numbers SET highest = max(highest, NEW.adr_number); END""",
    "CREATE INDEX conflicts_by_status ON conflicts(status)",
]


def rebuild_table(conn: sqlite3.Connection, table: str, create: str) -> None:
    """Replace `table` by the one `create` makes (same name), keeping every row with its id and
    uid, the AUTOINCREMENT high-water mark, and the table's indexes and triggers.

    SQLite's ALTER TABLE cannot change a CHECK constraint, so the table is made anew. This runs
    inside the migration's transaction, where `PRAGMA foreign_keys` cannot be turned off: with
    the checks deferred, the old rows go to a temporary table, the old table is dropped (which
    counts the rows that pointed at it as violations), and putting the same ids back into the new
    table of the same name settles every one of them before the commit checks.
    """
    kept = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type, name", (table,))]
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    conn.execute("PRAGMA defer_foreign_keys = ON")
    hold = f"_rebuild_{table}"
    conn.execute(f"CREATE TEMP TABLE {hold} AS SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(create)
    listed = ", ".join(columns)
    conn.execute(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM temp.{hold}")
    conn.execute(f"DROP TABLE temp.{hold}")
    if seq is not None:
        conn.execute("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?",
                     (seq[0], table))
    for sql in kept:
        conn.execute(sql)
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise sqlite3.IntegrityError(f"rebuilding {table} left a dangling reference")


def _v4(conn: sqlite3.Connection) -> None:
    _run(V4_STEPS)(conn)
    rebuild_table(conn, "decision_records", V4_DECISION_RECORDS)
    rebuild_table(conn, "conflicts", V4_CONFLICTS)
    _run(V4_NUMBERING)(conn)



# (version, name, step). The version is what PRAGMA user_version holds once the step is applied.
MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "0001_record_tables", _run(V1_TABLES)),
    (2, "0002_lookup_indexes_and_snoozes", _run(V2_STEPS)),
    (3, "0003_record_counts", _run(V3_STEPS)),
    (4, "0004_partners_and_decisions", _v4),
    (5, "0005_checklist_snooze_reasons_and_indexes", _run(V5_STEPS)),
    (6, "0006_one_on_ones", _run(V6_STEPS)),
    (7, "0007_search_index", build_index),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
