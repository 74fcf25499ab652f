"""Queries behind the Reflections page's list of received feedback."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.store.journal import Journal


@dataclass(frozen=True, slots=True)
class ReflectionRow:
    id: int
    giver_id: int | None
    giver_name: str  # empty when nobody was named
    received_on: dt.date
    status: str
    what_was_said: str
    action: str
    step: int

    @property
    def search_text(self) -> str:
        return " ".join((self.giver_name, self.what_was_said, self.action)).casefold()


_SELECT = """
    SELECT r.id, r.giver_id, coalesce(p.name, ''), r.received_on, r.status, r.what_was_said,
           r.action, r.step
    FROM reflections r LEFT JOIN people p ON p.id = r.giver_id"""


def _row(raw: tuple) -> ReflectionRow:
    rid, giver_id, name, received_on, status, said, action, step = raw
    return ReflectionRow(rid, giver_id, name, dt.date.fromisoformat(received_on), status, said,
                         action, step)


def reflection_rows(journal: Journal) -> list[ReflectionRow]:
    """Every reflection, most recently received first."""
    return [_row(raw) for raw in
            journal.rows(f"{_SELECT} ORDER BY r.received_on DESC, r.id DESC")]


def reflection_row(journal: Journal, reflection_id: int) -> ReflectionRow | None:
    found = journal.rows(f"{_SELECT} WHERE r.id = ?", (reflection_id,))
    return _row(found[0]) if found else None
