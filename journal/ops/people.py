"""Renaming, merging and deleting people, each returning what changed and how to undo it.

Records point at people by id, so a rename is one row and shows everywhere at once. A merge
re-points every reference of one person to the other, in one transaction, then deletes the
person left with none; its undo puts every reference back and the person with it (same id, uid
and timestamps). Delete removes only a person nothing refers to.
"""

from __future__ import annotations

from journal.domain.kinds import CONFLICT_OWNER, DECISION_PERSON, PERSON
from journal.domain.people import merged_text
from journal.ops.deleting import Undo
from journal.store.errors import InvalidRecord
from journal.store.journal import Journal
from journal.store.person_links import reference_count, references


class PersonInUse(InvalidRecord):
    """The person cannot be deleted on their own: records still refer to them."""


def rename_person(journal: Journal, person_id: int, name: str,
                  initiator: object = None) -> Undo:
    """Give the person a new name (one row: every record shows it at once)."""
    clean = " ".join(name.split())
    if not clean:
        raise InvalidRecord("A person needs a name.")
    old = journal.get(PERSON, person_id).name
    journal.update(PERSON, person_id, initiator=initiator, name=clean)

    def undo() -> None:
        journal.update(PERSON, person_id, initiator=initiator, name=old)

    return Undo(PERSON, person_id, frozenset({(PERSON, person_id)}), undo)


def merge_people(journal: Journal, keep_id: int, other_id: int,
                 initiator: object = None) -> Undo:
    """Make `other_id` and `keep_id` one person, `keep_id`: every record of either now refers
    to `keep_id`; the other's team and notes are kept where the kept person has none (notes are
    added below); the other person is deleted. Where both owned the same conflict, their two
    ownerships become one, the responsibilities written together; where both were named in the
    same role on one decision, their two links become one.

    Raises InvalidRecord, changing nothing, when the two are the same person or the merge would
    make someone their own mentor.
    """
    if keep_id == other_id:
        raise InvalidRecord("Choose two different people to merge.")
    keep, other = journal.get(PERSON, keep_id), journal.get(PERSON, other_id)
    clash = journal.rows(
        "SELECT count(*) FROM mentorships WHERE (mentee_id = ? AND mentor_id = ?) "
        "OR (mentee_id = ? AND mentor_id = ?)", (keep_id, other_id, other_id, keep_id))[0][0]
    if clash:
        raise InvalidRecord(f"{other.name} and {keep.name} mentor one another in the journal, so "
                            "they cannot be merged into one person.")
    repointed: list[tuple[str, int, str]] = []  # kind, id, column
    owner_edits: list[tuple[int, str]] = []  # kept ownership id, its responsibility before
    removals = []
    with journal.batch(initiator):
        for owner_id, conflict_id, responsibility in journal.rows(
                "SELECT id, conflict_id, responsibility FROM conflict_owners WHERE person_id = ? "
                "AND conflict_id IN (SELECT conflict_id FROM conflict_owners WHERE person_id = ?)",
                (other_id, keep_id)):
            kept_id, kept_text = journal.rows(
                "SELECT id, responsibility FROM conflict_owners WHERE conflict_id = ? AND "
                "person_id = ?", (conflict_id, keep_id))[0]
            owner_edits.append((kept_id, kept_text))
            journal.update(CONFLICT_OWNER, kept_id, initiator=initiator,
                           responsibility=merged_text(kept_text, responsibility))
            removals.append(journal.delete(CONFLICT_OWNER, owner_id, initiator=initiator))
        # Both named in the same role on one decision: the other's link is the same fact.
        for (link_id,) in journal.rows(
                "SELECT id FROM decision_people AS d WHERE person_id = ? AND EXISTS (SELECT 1 "
                "FROM decision_people AS k WHERE k.person_id = ? AND "
                "k.decision_record_id = d.decision_record_id AND k.role = d.role)",
                (other_id, keep_id)):
            removals.append(journal.delete(DECISION_PERSON, link_id, initiator=initiator))
        for ref in references(journal):
            for (record_id,) in journal.rows(
                    f"SELECT id FROM {ref.table} WHERE {ref.column} = ?", (other_id,)):
                journal.update(ref.kind, record_id, initiator=initiator,
                               **{ref.column: keep_id})
                repointed.append((ref.kind, record_id, ref.column))
        before = {"team": keep.team, "notes": keep.notes}
        journal.update(PERSON, keep_id, initiator=initiator,
                       team=keep.team or other.team, notes=merged_text(keep.notes, other.notes))
        removals.append(journal.delete(PERSON, other_id, initiator=initiator))

    def undo() -> None:
        with journal.batch(initiator):
            for removal in reversed(removals):
                journal.restore(removal, initiator=initiator)
            for kind, record_id, column in repointed:
                journal.update(kind, record_id, initiator=initiator, **{column: other_id})
            for kept_id, text in owner_edits:
                journal.update(CONFLICT_OWNER, kept_id, initiator=initiator, responsibility=text)
            journal.update(PERSON, keep_id, initiator=initiator, **before)

    changed = {(PERSON, keep_id), (PERSON, other_id), *((k, i) for k, i, _ in repointed)}
    changed |= {(CONFLICT_OWNER, kept_id) for kept_id, _ in owner_edits}
    for removal in removals:
        changed |= {(kind, row["id"]) for kind, row in removal.rows}
    return Undo(PERSON, keep_id, frozenset(changed), undo)


def delete_person(journal: Journal, person_id: int, initiator: object = None) -> Undo:
    """Delete a person nothing refers to. Raises PersonInUse (deleting nothing) otherwise."""
    person = journal.get(PERSON, person_id)
    count = reference_count(journal, person_id)
    if count:
        raise PersonInUse(f"{person.name} is named in {count} record(s), so deleting them would "
                          "take those records too. Merge them into someone else instead.")
    removal = journal.delete(PERSON, person_id, initiator=initiator)

    def undo() -> None:
        journal.restore(removal, initiator=initiator)

    return Undo(PERSON, person_id, frozenset({(PERSON, person_id)}), undo)
