"""Queries and ordered writes behind Continue / Start / Stop retros.

Items keep their order in a `position` column per (retro, bucket). Every insert or move rewrites
the positions of that bucket as 0, 1, 2… in one transaction, so the order stays dense and a crash
never leaves two items claiming the same place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from journal.domain.records import Mentorship, RetroItem
from journal.domain.search_text import folded
from journal.store.journal import Journal


@dataclass(frozen=True, slots=True)
class RetroRow:
    id: int
    subject: str
    retro_kind: str
    held_on: dt.date
    item_count: int

    @property
    def search_text(self) -> str:
        return folded(self.subject)


_SELECT = """
    SELECT r.id, r.subject, r.retro_kind, r.held_on,
           (SELECT count(*) FROM retro_items i WHERE i.retro_id = r.id)
    FROM retros r"""


def _row(raw: tuple) -> RetroRow:
    rid, subject, kind, held_on, count = raw
    return RetroRow(rid, subject, kind, dt.date.fromisoformat(held_on), count)


def retro_rows(journal: Journal) -> list[RetroRow]:
    """Every retro, most recent first."""
    return [_row(raw) for raw in journal.rows(f"{_SELECT} ORDER BY r.held_on DESC, r.id DESC")]


def retro_row(journal: Journal, retro_id: int) -> RetroRow | None:
    found = journal.rows(f"{_SELECT} WHERE r.id = ?", (retro_id,))
    return _row(found[0]) if found else None


def bucket_items(journal: Journal, retro_id: int, bucket: str) -> list[RetroItem]:
    """The items of one bucket in their order (ties, e.g. after an undo, broken by age)."""
    return journal.records("retro_item", "WHERE retro_id = ? AND bucket = ? ORDER BY position, id",
                           (retro_id, bucket))


def place_items(journal: Journal, ordered_ids: Sequence[int], initiator: object = None) -> None:
    """Give the listed items positions 0, 1, 2… in the order given, in one transaction."""
    with journal.batch(initiator):
        for position, item_id in enumerate(ordered_ids):
            journal.update("retro_item", item_id, initiator=initiator, position=position)


def insert_item(journal: Journal, retro_id: int, bucket: str, index: int, text: str,
                initiator: object = None) -> RetroItem:
    """Add an item at `index` in its bucket (clamped to the ends) and renumber the bucket."""
    ids = [item.id for item in bucket_items(journal, retro_id, bucket)]
    index = min(max(index, 0), len(ids))
    with journal.batch(initiator):
        item = journal.create("retro_item", initiator=initiator, retro_id=retro_id, bucket=bucket,
                              text=text, position=index)
        ids.insert(index, item.id)
        place_items(journal, ids, initiator)
    return journal.get("retro_item", item.id)


def move_item(journal: Journal, item_id: int, delta: int, initiator: object = None) -> int:
    """Move an item `delta` places within its bucket (clamped). Returns its new index."""
    item = journal.get("retro_item", item_id)
    ids = [i.id for i in bucket_items(journal, item.retro_id, item.bucket)]
    old = ids.index(item_id)
    new = min(max(old + delta, 0), len(ids) - 1)
    if new != old:
        ids.insert(new, ids.pop(old))
    place_items(journal, ids, initiator)
    return new


def active_mentorship(journal: Journal, mentee_id: int,
                      today: dt.date | None = None) -> Mentorship | None:
    """The mentee's current mentorship (started, not ended), newest first, or None."""
    day = (today or dt.date.today()).isoformat()
    found = journal.records(
        "mentorship",
        "WHERE mentee_id = ? AND started_on <= ? AND (ended_on IS NULL OR ended_on >= ?) "
        "ORDER BY started_on DESC, id DESC LIMIT 1", (mentee_id, day, day))
    return found[0] if found else None
