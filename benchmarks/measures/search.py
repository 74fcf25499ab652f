"""Search and people: a query over the whole journal, and the busiest person's page.

`search.query` is the slowest of a few typical queries (a word, two words, a word being typed,
a name, a name with a typo), each the median of its runs: what the Ctrl+K box and the CLI ask.
`people.busiest_person` opens, on the People page, the person with the longest timeline (the
mentee with the most check-ins and sessions), from another person: their roles, their timeline
built and shown.
"""

from __future__ import annotations

from benchmarks import gui
from benchmarks.measures.pages import OPEN_TARGET, _journal, _open, _runs
from benchmarks.registry import Context, Sample, measure, median, timings_ms
from journal.domain.kinds import PERSON
from journal.store.journal import open_journal
from journal.store.search import search

QUERIES = ("retry", "retry storm", "runb", "priya", "mrtin")


@measure("search.query", target="< 20 ms")
def search_query(ctx: Context) -> Sample:
    with open_journal(ctx.journal(), read_only=True) as journal:
        slowest = 0.0
        for query in QUERIES:
            search(journal, query)  # the first run reads the index's pages from disk
            slowest = max(slowest, median(timings_ms(lambda q=query: search(journal, q),
                                                     ctx.repeat)))
    return Sample(slowest)


def busiest_people(journal, count: int = 2) -> list[int]:
    """The people with the most check-ins and sessions in their mentorships as mentee, then
    records naming them: the longest timelines."""
    return [row[0] for row in journal.rows(
        """SELECT p.id,
                  (SELECT count(*) FROM check_ins c JOIN goals g ON g.id = c.goal_id
                   JOIN mentorships m ON m.id = g.mentorship_id WHERE m.mentee_id = p.id)
                + (SELECT count(*) FROM mentoring_sessions s JOIN mentorships m
                   ON m.id = s.mentorship_id WHERE m.mentee_id = p.id)
                + (SELECT count(*) FROM feedback_drafts f WHERE f.recipient_id = p.id) AS n
           FROM people p ORDER BY n DESC, p.id LIMIT ?""", (count,))]


@measure("page.people.open", target=OPEN_TARGET, gui=True)
def people_open(ctx: Context) -> Sample:
    return _open(ctx, "people")


@measure("people.busiest_person", target="< 50 ms", gui=True)
def busiest_person(ctx: Context) -> Sample:
    path = _journal(ctx)
    with open_journal(path, read_only=True) as journal:
        busiest, other = busiest_people(journal)
    times = []
    for _ in range(_runs(ctx)):
        with gui.main_window(path, "people") as window:
            window.show_record(PERSON, other)
            gui.process_events()
            times.append(gui.timed_ms(lambda: window.show_record(PERSON, busiest)))
            page = window.pages["people"]
            if page.current_id() != busiest or not page.editor.entries:
                raise RuntimeError("the busiest person's page did not show their timeline")
    return Sample(median(times))
