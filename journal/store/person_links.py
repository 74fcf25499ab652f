"""Everything that points at a person: their roles, the People list, and their timeline.

The references are read from the schema itself (every foreign key into `people`), so a table
another release adds (1:1s, say) is counted and shown without a change here; its role is
`domain.people.MENTIONED` until `domain.people.ROLES` names it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import NamedTuple

from journal.domain.kinds import (
    CHECK_IN,
    GOAL,
    KIND_OF_TABLE,
    MENTORING_SESSION,
    PERSON,
    TABLES,
)
from journal.domain.people import ROLE_ORDER, role_of
from journal.domain.search_text import folded, words
from journal.store.journal import Journal
from journal.store.people import person_choice
from journal.store.search import record_details, short
from journal.store.search_index import (
    BY_CODE,
    BY_KIND,
    ID_BITS,
    ID_MASK,
    INDEX_TABLE,
    rowid_range,
)


class Reference(NamedTuple):
    """A column of `table` that holds a person's id, and the role it gives them."""

    table: str
    column: str
    role: str

    @property
    def kind(self) -> str:
        return KIND_OF_TABLE[self.table]


def references(journal: Journal | sqlite3.Connection) -> list[Reference]:
    """Every column of every record table that refers to a person, in the schema's order."""
    conn = journal.conn if isinstance(journal, Journal) else journal
    found: list[Reference] = []
    for table in TABLES.values():
        for ref in conn.execute(f"PRAGMA foreign_key_list({table})"):
            if ref[2] == "people":
                found.append(Reference(table, ref[3], role_of(table, ref[3])))
    return found


def role_counts(journal: Journal, person_id: int) -> dict[str, int]:
    """role -> how many records give the person that role (roles with none left out), in
    ROLE_ORDER."""
    counts: dict[str, int] = {}
    for ref in references(journal):
        n = journal.rows(f"SELECT count(*) FROM {ref.table} WHERE {ref.column} = ?",
                         (person_id,))[0][0]
        if n:
            counts[ref.role] = counts.get(ref.role, 0) + n
    return {role: counts[role] for role in ROLE_ORDER if role in counts}


def reference_count(journal: Journal, person_id: int) -> int:
    """How many records refer to the person (a person with none can be deleted alone)."""
    return sum(role_counts(journal, person_id).values())


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One line of the People list: who, their team, what they are to the user (roles in
    ROLE_ORDER) and how many records refer to them."""

    id: int
    name: str
    team: str
    roles: tuple[str, ...]
    references: int

    @property
    def search_text(self) -> str:
        return folded(f"{self.name} {self.team}")

    @property
    def status(self) -> str:
        """For the list's filter: "referenced" or "alone" (nothing refers to them)."""
        return "referenced" if self.references else "alone"


def person_rows(journal: Journal) -> list[PersonRow]:
    """Everyone, by name, with their roles: one grouped count per reference, not one query per
    person."""
    by_person: dict[int, dict[str, int]] = {}
    for ref in references(journal):
        for person_id, n in journal.rows(
                f"SELECT {ref.column}, count(*) FROM {ref.table} WHERE {ref.column} IS NOT NULL "
                f"GROUP BY {ref.column}"):
            roles = by_person.setdefault(person_id, {})
            roles[ref.role] = roles.get(ref.role, 0) + n
    return [_row(raw, by_person.get(raw[0], {})) for raw in journal.rows(
        "SELECT id, name, team FROM people ORDER BY name_key(name), casefold(name), id")]


def person_row(journal: Journal, person_id: int) -> PersonRow | None:
    found = person_choice(journal, person_id)
    return _row(found, role_counts(journal, person_id)) if found else None


def _row(raw: tuple, roles: dict[str, int]) -> PersonRow:
    return PersonRow(raw[0], raw[1], raw[2],
                     tuple(role for role in ROLE_ORDER if roles.get(role)), sum(roles.values()))


# -- the timeline --------------------------------------------------------------------------------
class TimelineEntry(NamedTuple):
    """A record that mentions the person. `how`: the role the record gives them, "about" for a
    goal, check-in or session of their mentorship, "named" for text naming them in full.
    `title` leaves out the person's own name ("" when it was only that)."""

    kind: str
    id: int
    day: str
    title: str
    excerpt: str
    how: str


MENTIONS_LIMIT = 500  # records whose text names the person, at most (the newest kept)


def timeline(journal: Journal, person_id: int,
             kinds: frozenset[str] | None = None) -> list[TimelineEntry]:
    """Everything that mentions the person, newest first (ties: the later written first):
    records that point at them, what belongs to their mentorships, and records whose text holds
    their full name. `kinds` keeps only those kinds."""
    how: dict[tuple[str, int], str] = {}
    mentorships: set[int] = set()
    for ref in references(journal):
        for (record_id,) in journal.rows(
                f"SELECT id FROM {ref.table} WHERE {ref.column} = ?", (person_id,)):
            how.setdefault((ref.kind, record_id), ref.role)
            if ref.table == "mentorships":
                mentorships.add(record_id)
    if mentorships:
        marks = ", ".join("?" for _ in mentorships)
        ids = tuple(sorted(mentorships))
        for kind, sql in (
                (GOAL, f"SELECT id FROM goals WHERE mentorship_id IN ({marks})"),
                (MENTORING_SESSION,
                 f"SELECT id FROM mentoring_sessions WHERE mentorship_id IN ({marks})"),
                (CHECK_IN, "SELECT c.id FROM check_ins c JOIN goals g ON g.id = c.goal_id "
                           f"WHERE g.mentorship_id IN ({marks})")):
            for (record_id,) in journal.rows(sql, ids):
                how.setdefault((kind, record_id), "about")
    _through_links(journal, how)
    name = journal.rows("SELECT name FROM people WHERE id = ?", (person_id,))
    name = name[0][0] if name else ""
    for kind, record_id in _named_in_text(journal, name):
        how.setdefault((kind, record_id), "named")
    by_kind: dict[str, list[int]] = {}
    for kind, record_id in how:
        if (kinds is None or kind in kinds) and kind in BY_KIND:
            by_kind.setdefault(kind, []).append(record_id)
    entries = []
    for kind, ids in by_kind.items():
        for record_id, title, day, *texts in record_details(journal, BY_KIND[kind], ids):
            excerpt = next((" ".join(t.split()) for t in texts if t and t.strip()), "")
            entries.append(TimelineEntry(kind, record_id, day or "", _without(title or "", name),
                                         short(excerpt, 200), how[(kind, record_id)]))
    entries.sort(key=lambda e: (e.day, e.kind == PERSON, e.id), reverse=True)
    return entries


def _through_links(journal: Journal, how: dict[tuple[str, int], str]) -> None:
    """A reference from a link table that is not searched itself (a decision record's people)
    stands for the records it links the person to: those join the timeline."""
    for kind in {kind for kind, _ in how if kind not in BY_KIND}:
        table = TABLES[kind]
        ids = [record_id for k, record_id in list(how) if k == kind]
        for ref in journal.rows(f"PRAGMA foreign_key_list({table})"):
            target = KIND_OF_TABLE.get(ref[2])
            if ref[2] == "people" or target not in BY_KIND:
                continue
            marks = ", ".join("?" for _ in ids)
            for link_id, record_id in journal.rows(
                    f"SELECT id, {ref[3]} FROM {table} WHERE id IN ({marks})", tuple(ids)):
                if record_id is not None:
                    how.setdefault((target, record_id), how[(kind, link_id)])


def _without(title: str, name: str) -> str:
    """A title on the person's own timeline: their name is understood ("Ana: Own the
    rollout" is "Own the rollout", "1:1 with Ana" is "1:1"; a title that is only their name is
    empty)."""
    title = short(title)
    if title == name:
        return ""
    if name and title.startswith(f"{name}: "):
        return title[len(name) + 2:]
    if name and title.endswith(f" with {name}"):
        return title[:-len(name) - 6]
    return title


def _named_in_text(journal: Journal, name: str) -> list[tuple[str, int]]:
    """Records (not people) whose text holds the person's whole name as a phrase."""
    name_words = words(name)
    if not name_words:
        return []
    phrase = '"' + " ".join(name_words) + '"'
    first, last = rowid_range(BY_KIND[PERSON])
    rows = journal.rows(
        f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ? "
        f"AND rowid NOT BETWEEN {first} AND {last} ORDER BY rowid DESC LIMIT ?",
        (phrase, MENTIONS_LIMIT))
    return [(BY_CODE[rowid >> ID_BITS].kind, rowid & ID_MASK) for (rowid,) in rows
            if (rowid >> ID_BITS) in BY_CODE]


def timeline_kinds(entries: list[TimelineEntry]) -> list[str]:
    """The kinds a timeline holds, in the order of TABLES (for its filter)."""
    present = {entry.kind for entry in entries}
    return [kind for kind in TABLES if kind in present]


def person_named_by(journal: Journal, kind: str, record_id: int, name: str) -> int | None:
    """The person called `name` whom the record refers to (a goal, check-in or session through
    its mentorship): how a line that names someone about a record (a checklist gap, say) finds
    that person. None when the record names nobody by that name."""
    if kind == CHECK_IN:
        found = journal.rows("SELECT goal_id FROM check_ins WHERE id = ?", (record_id,))
        kind, record_id = GOAL, (found[0][0] if found else 0)
    if kind in (GOAL, MENTORING_SESSION):
        found = journal.rows(f"SELECT mentorship_id FROM {TABLES[kind]} WHERE id = ?",
                             (record_id,))
        kind, record_id = KIND_OF_TABLE["mentorships"], (found[0][0] if found else 0)
    for ref in references(journal):
        if ref.kind != kind:
            continue
        for (person_id,) in journal.rows(
                f"SELECT p.id FROM {ref.table} r JOIN people p ON p.id = r.{ref.column} "
                "WHERE r.id = ? AND p.name = ?", (record_id, name)):
            return person_id
    return None
