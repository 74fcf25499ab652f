"""What is due as an iCalendar file a calendar app imports (RFC 5545, through `icalendar`).

Only titles, dates and people's names go in, never notes. Each event's UID is derived from the
record's uid and what is due, so importing a newer file updates the events it already added
instead of doubling them; SEQUENCE grows with the time of export, so the newer file wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from journal import APP_ID, APP_NAME, __version__
from journal.domain.due import LATE, OVERDUE, DueItem, describe

_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def event_uid(item: DueItem) -> str:
    """Stable across runs: the same record and the same thing due give the same UID."""
    return f"{item.record_uid}.{item.what}@{APP_ID}"


def event_day(item: DueItem, today: dt.date) -> dt.date:
    """Overdue items sit on today (so they are seen), the rest on their own day."""
    return today if item.state in (OVERDUE, LATE) else item.due_on


def event_summary(item: DueItem) -> str:
    text = describe(item)
    if item.state in (OVERDUE, LATE):
        text += f" (due {item.due_on.isoformat()})"
    return text


def build_calendar(items: Iterable[DueItem], today: dt.date,
                   now: dt.datetime | None = None) -> bytes:
    from icalendar import Calendar, Event

    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    sequence = int((now - _EPOCH).total_seconds() // 60)
    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{APP_NAME}: due")
    for item in items:
        day = event_day(item, today)
        event = Event()
        event.add("uid", event_uid(item))
        event.add("dtstamp", now)
        event.add("sequence", sequence)
        event.add("summary", event_summary(item))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


CALENDAR_START = b"BEGIN:VCALENDAR"


class NotACalendar(ValueError):
    """The file named for the calendar exists and holds something else (the journal itself, say):
    it is never replaced."""


def check_replaceable(path: Path) -> None:
    """Refuse (NotACalendar) a file that exists and is not an iCalendar file: a calendar
    exported before is replaced, and so is an empty file, but nothing else is."""
    path = Path(path)
    if path.exists() and not path.is_file():  # a pipe, a device: never read, never replaced
        raise NotACalendar(f"{path} is not a regular file, so no calendar was written to it. "
                           "Choose a file name.")
    try:
        with open(path, "rb") as f:
            start = f.read(64)
    except FileNotFoundError:
        return
    except OSError:
        return  # writing it will say why
    if start and not start.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(CALENDAR_START):
        raise NotACalendar(f"{path} exists and is not a calendar file, so it was left as it "
                           "was. Choose another file name.")
