"""People: anyone the journal mentions. Roles come from the records that point at a person."""

from __future__ import annotations

from journal.domain.names import name_order
from journal.domain.records import Person
from journal.store.journal import Journal


def people_by_name(journal: Journal) -> list[Person]:
    people = journal.records("person")
    people.sort(key=lambda p: (*name_order(p.name), p.id))
    return people


def person_choices(journal: Journal) -> list[tuple[int, str, str]]:
    """(id, name, team) of everyone, in people_by_name's order: what a picker lists. Plain
    tuples, as decoding 3,000 whole records took 6 ms of opening a page with a picker."""
    # Sorted here: SQLite calling name_key per row, with no index to use, took 15 ms for 3,000
    # people; Python's sort with the same key takes 5.
    rows = journal.rows("SELECT id, name, team FROM people")
    rows.sort(key=lambda row: (*name_order(row[1]), row[0]))
    return rows


def person_choice(journal: Journal, person_id: int) -> tuple[int, str, str] | None:
    """(id, name, team) of one person, as person_choices lists them; None when there is none."""
    found = journal.rows("SELECT id, name, team FROM people WHERE id = ?", (person_id,))
    return tuple(found[0]) if found else None


def unused_name(journal: Journal, base: str) -> str:
    """`base`, or `base 1`, `base 2`…: the first that no person is called yet."""
    taken = {name for (name,) in journal.rows("SELECT name FROM people WHERE name LIKE ?",
                                               (f"{base}%",))}
    return next(candidate for n in range(len(taken) + 1)
                if (candidate := f"{base} {n}" if n else base) not in taken)


def find_or_create_person(journal: Journal, name: str, initiator: object = None) -> Person:
    """The person with exactly this name (ignoring case and outer spaces), or a new one."""
    clean = " ".join(name.split())
    if not clean:
        raise ValueError("A person needs a name.")
    found = journal.records("person", "WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT 1", (clean,))
    if found:
        return found[0]
    return journal.create("person", initiator=initiator, name=clean)
