"""The mentee list, declared for the page kit: one row per mentorship, its columns and where
its rows come from. Overdue rows show the due date bold in a warning colour; ended ones are in
italics and hide until "Show ended" is ticked."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from journal.domain.names import name_order
from journal.domain.search_text import holds_prefixes
from journal.domain.thresholds import Thresholds
from journal.store.journal import Journal
from journal.store.mentoring import MenteeRow, mentee_rows
from journal.store.paging import ListQuery
from journal.ui.kit import Column, Query
from journal.ui.mentoring.labels import mentor_text, overdue_color, relative_day, tr

NAME, NEXT_DUE, LAST_CONTACT = range(3)
# Sort keys as ISO strings; "no date" sorts where it helps: a mentee with nothing due goes last,
# one never contacted comes first among "longest ago".
_NEVER_DUE = "9999-12-31"
_NEVER_MET = "0000-01-01"
STATUS_CHOICES = (("current", frozenset({"active"})), ("all", None))


def today() -> dt.date:
    """The day the list's "due" and "ago" are counted from."""
    return dt.date.today()


def _iso(day: dt.date | None, missing: str) -> str:
    return day.isoformat() if day else missing


@functools.cache
def _font(bold: bool) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(not bold)
    return font


def _name_tip(row: MenteeRow) -> str:
    parts = [row.mentee_name]
    if row.mentee_team:
        parts.append(row.mentee_team)
    parts.append(tr("Mentor: %1").replace("%1", mentor_text(row.mentor_is_me, row.mentor_name)))
    if row.ended_on:
        parts.append(tr("Mentorship ended on %1").replace("%1", row.ended_on.isoformat()))
    return "\n".join(parts)


def _due_text(row: MenteeRow) -> str:
    if row.ended:
        return tr("ended")
    if row.next_due is None:
        return tr("no active goal")
    return relative_day(row.next_due, today())


def _due_tip(row: MenteeRow) -> str:
    if row.next_due is None or row.ended:
        return ""
    if row.overdue_goals:
        return tr("Overdue: a check-in was due on %1").replace("%1", row.next_due.isoformat())
    return tr("Due on %1").replace("%1", row.next_due.isoformat())


def _italic_if_ended(row: MenteeRow) -> QFont | None:
    return _font(False) if row.ended else None


def columns() -> list[Column]:
    return [
        Column(tr("Mentee"), lambda r: r.mentee_name,
               sort=lambda r: name_order(r.mentee_name), tooltip=_name_tip,
               font=_italic_if_ended),
        Column(tr("Next check-in"), _due_text,
               sort=lambda r: f"{_iso(r.next_due, _NEVER_DUE)} {name_order(r.mentee_name)}",
               tooltip=_due_tip,
               foreground=lambda r: overdue_color() if r.overdue_goals else None,
               font=lambda r: _italic_if_ended(r) or (_font(True) if r.overdue_goals
                                                        else None)),
        Column(tr("Last contact"), lambda r: relative_day(r.last_contact, today()),
               sort=lambda r: f"{_iso(r.last_contact, _NEVER_MET)} {name_order(r.mentee_name)}",
               tooltip=lambda r: r.last_contact.isoformat() if r.last_contact else "",
               font=_italic_if_ended),
    ]


def date_column_width() -> int:
    """The date columns fit "30 days ago" in bold; the name takes the rest (a longer name
    elides, with the whole of it and the mentor in the tooltip)."""
    bold = QFont(QApplication.font())
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(tr("30 days ago")) + 20


def _grace(journal: Journal) -> int:
    return Thresholds.from_settings(journal.settings()).check_in_grace_days


def _page(journal: Journal, query: ListQuery, offset: int, limit: int) -> list[MenteeRow]:
    # Ended mentorships are read only when the filter shows them: most of a long-kept journal's
    # goals are theirs (12 ms of 17 at 10x).
    ended = query.statuses is None or "ended" in query.statuses
    rows = [row for row in mentee_rows(journal, today(), _grace(journal), ended=ended)
            if holds_prefixes(row.search_text, query.words)]
    return rows[offset:offset + limit]


def _one(journal: Journal, mentorship_id: int) -> MenteeRow | None:
    rows = mentee_rows(journal, today(), _grace(journal), mentorship_id)
    return rows[0] if rows else None


def mentee_query() -> Query:
    """Every mentee at once (a mentor keeps tens, not thousands), sorted in memory."""
    return Query(page=_page, one=_one, exists=lambda journal: journal.count("mentorship") > 0,
                 batch=1_000_000)
