"""Adding a mentee: the mentorship, and the mentee and mentor as people when they are new."""

from __future__ import annotations

import datetime as dt

from journal.domain.kinds import MENTORSHIP, PERSON
from journal.domain.records import Mentorship
from journal.ops.deleting import Undo
from journal.store.changes import Changes
from journal.store.journal import Journal
from journal.store.people import find_or_create_person


def add_mentee(journal: Journal, mentee: int | str, mentor: int | str | None,
               mentor_is_me: bool, *, structure: str, cadence_days: int,
               started_on: dt.date, initiator: object = None) -> Mentorship:
    """Store a new mentorship in one transaction. `mentee` and `mentor` are a person's id or a
    name; a name nobody has yet becomes a new person (only here, so a dialog that is cancelled
    leaves no one behind). Raises ValueError when the mentee would mentor themselves."""

    def person(who: int | str | None) -> int | None:
        if who is None or isinstance(who, int):
            return who
        return find_or_create_person(journal, who, initiator=initiator).id

    with journal.batch(initiator):
        mentee_id = person(mentee)
        mentor_id = None if mentor_is_me else person(mentor)
        if mentor_id is not None and mentor_id == mentee_id:
            raise ValueError("A mentee cannot mentor themselves.")
        return journal.create(MENTORSHIP, initiator=initiator, mentee_id=mentee_id,
                              mentor_id=mentor_id, mentor_is_me=mentor_is_me,
                              structure=structure, cadence_days=cadence_days,
                              started_on=started_on)


def add_mentee_undoable(journal: Journal, mentee: int | str, mentor: int | str | None,
                        mentor_is_me: bool, *, structure: str, cadence_days: int,
                        started_on: dt.date, initiator: object = None) -> Undo:
    """`add_mentee`, returning what it stored (the mentorship and any new people) and the undo
    that removes exactly that; the people who were in the journal before stay."""
    stored: set[tuple[str, int]] = set()

    def heard(changes: Changes) -> None:
        stored.update(changes.records)

    journal.subscribe(heard)
    try:
        mentorship = add_mentee(journal, mentee, mentor, mentor_is_me, structure=structure,
                                cadence_days=cadence_days, started_on=started_on,
                                initiator=initiator)
    finally:
        journal.unsubscribe(heard)
    new_people = sorted(rid for kind, rid in stored if kind == PERSON)

    def undo() -> None:
        with journal.batch(initiator):
            journal.delete(MENTORSHIP, mentorship.id, initiator=initiator)
            for person_id in new_people:
                journal.delete(PERSON, person_id, initiator=initiator)

    return Undo(MENTORSHIP, mentorship.id, frozenset(stored), undo)
