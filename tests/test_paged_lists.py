"""Lists loaded a batch at a time: the store's pages (filters and orders in SQL) agree with the
lists' filters and sorts in memory, the paged model fetches more as asked, and the Feedback
page opens a long journal on its first batch yet still reveals any draft."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from journal.domain.search_text import holds_prefixes
from journal.store.feedback import draft_page, draft_rows
from journal.store.journal import open_journal
from journal.store.paging import ListQuery, words_of
from journal.store.reflections import reflection_page, reflection_rows
from journal.ui.feedback.draft_list import draft_model
from journal.ui.kit import list_model
from journal.ui.models.paged_table import BATCH
from journal.ui.models.record_table import RECORD_ROLE
from journal.ui.models.row_filter import RowFilterProxy
from journal.ui.pages.reflections import ReflectionsPage
from journal.ui.query_runner import QueryRunner

TODAY = dt.date(2026, 11, 25)
STATUSES = ("draft", "delivered", "dropped")
# Words and names with the cases casefold treats unlike ASCII folding: ß/SS, Σ/ς, the Kelvin
# sign, accents, plus an empty field.
PIECES = ["ana", "Ana", "STRASSE", "straße", "Ωmega", "ΣΊΣΥΦΟΣ", "σίσυφος", "\u212a", "k",
          "é", "É", "retry", "Retry bug", "the outage", ""]
text = st.lists(st.sampled_from(PIECES), max_size=3).map(" ".join)


def _fill(journal, drafts: list[tuple[str, str, str, str, str, int]]) -> None:
    """People by name, then drafts (recipient, status, situation, behavior, impact, days old)."""
    names = sorted({d[0] for d in drafts})
    people = dict(zip(names, journal.create_many("person", [{"name": n} for n in names]),
                      strict=True))
    journal.create_many("feedback_draft", [
        {"recipient_id": people[name], "status": status, "situation": s, "behavior": b,
         "impact": i, "delivered_on": "2026-11-01" if status == "delivered" else None,
         "created_at": f"{(TODAY - dt.timedelta(days=days)).isoformat()}T{days % 24:02d}:00:00Z"}
        for name, status, s, b, i, days in drafts])


draft_strategy = st.tuples(st.sampled_from(["Ana", "bo", "Émile", "ZOË", "straße Ali"]),
                           st.sampled_from(STATUSES), text, text, text,
                           st.integers(min_value=0, max_value=90))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts=st.lists(draft_strategy, max_size=25), typed=text,
       statuses=st.sampled_from([None, frozenset({"draft"}), frozenset({"delivered", "dropped"})]))
def test_the_filter_in_sql_keeps_what_the_filter_in_memory_keeps(tmp_path_factory, drafts,
                                                                   typed, statuses):
    journal = open_journal(tmp_path_factory.mktemp("j") / "j.sqlite3")
    try:
        _fill(journal, drafts)
        proxy = RowFilterProxy()  # the filter in memory, as the list applies it
        proxy.set_text(typed)
        proxy.set_statuses(statuses)
        in_memory = [r.id for r in draft_rows(journal, today=TODAY) if proxy.accepts(r)]
        query = ListQuery(statuses=statuses, words=words_of(typed))
        in_sql = [r.id for r in draft_page(journal, query, 0, 1000, today=TODAY)]
        assert sorted(in_sql) == sorted(in_memory)
    finally:
        journal.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts=st.lists(draft_strategy, min_size=1, max_size=25),
       column=st.sampled_from([0, 1]), descending=st.booleans(),
       statuses=st.sampled_from([None, frozenset({"draft"})]))
def test_sql_orders_the_drafts_as_the_list_sorts_them(tmp_path_factory, drafts, column,
                                                      descending, statuses):
    journal = open_journal(tmp_path_factory.mktemp("j") / "j.sqlite3")
    try:
        _fill(journal, drafts)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        model = draft_model()  # sorting in memory: every row loaded, then sort_rows
        model.set_rows([r for r in draft_rows(journal, today=TODAY)
                        if statuses is None or r.status in statuses])
        model.sort_rows(column, order)
        query = ListQuery(statuses=statuses, order={0: "name", 1: "age"}[column],
                          descending=descending)
        in_sql = [r.id for r in draft_page(journal, query, 0, 1000, today=TODAY)]
        if column == 0:  # names: ties keep the same order either way; compare the keys
            key = {r.id: r.recipient_name.casefold() for r in model.rows}
            assert [key[i] for i in in_sql] == [key[r.id] for r in model.rows]
        else:
            assert in_sql == [r.id for r in model.rows]
    finally:
        journal.close()


def test_reflection_pages_follow_the_lists_default_order(journal):
    ana = journal.create("person", name="Ana")
    for day in (3, 1, 2, 1):
        journal.create("reflection", giver_id=ana.id, received_on=TODAY - dt.timedelta(day),
                       what_was_said=f"said {day}")
    newest = ListQuery(order="received", descending=True)
    assert ([r.id for r in reflection_page(journal, newest, 0, 10)]
            == [r.id for r in reflection_rows(journal)])
    assert [r.id for r in reflection_page(journal, newest, 1, 2)] == [
        r.id for r in reflection_rows(journal)][1:3]
    found = reflection_page(journal, ListQuery(words=("said", "2")), 0, 10)
    assert [r.what_was_said for r in found] == ["said 2"]


# -- the model ---------------------------------------------------------------------------------
def _many_drafts(journal, count: int, name: str = "Ana") -> list[int]:
    """`count` drafts waiting to be delivered, a day apart, oldest first (at most 1,300)."""
    [person] = journal.create_many("person", [{"name": name}])
    return journal.create_many("feedback_draft", [
        {"recipient_id": person, "behavior": f"note {n}",
         "created_at": f"{dt.date(2023, 1, 1) + dt.timedelta(days=n)}T12:00:00Z"}
        for n in range(count)])


def test_the_paged_model_fetches_a_batch_at_a_time(journal, qtmodeltester):
    ids = _many_drafts(journal, 2 * BATCH + 50)
    model = draft_model()
    model.sort_rows(1, Qt.SortOrder.AscendingOrder)
    model.load(journal)
    assert model.rowCount() == BATCH and model.canFetchMore()
    newest_first = ids[::-1]
    assert [r.id for r in model.rows] == newest_first[:BATCH]
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH + 50 and not model.canFetchMore()
    assert [r.id for r in model.rows] == newest_first
    model.fetchMore()  # nothing left: nothing happens
    assert model.rowCount() == 2 * BATCH + 50
    model.load(journal)  # a reload keeps as many rows as were loaded
    assert model.rowCount() == 2 * BATCH + 50
    fresh = draft_model()
    fresh.load(journal)
    qtmodeltester.check(fresh)  # the tester fetches every batch itself
    assert fresh.rowCount() == 2 * BATCH + 50


def test_the_paged_model_keeps_a_record_and_loads_one_on_its_own(journal, qtmodeltester):
    ids = _many_drafts(journal, BATCH + 10)
    model = draft_model()
    model.sort_rows(1, Qt.SortOrder.AscendingOrder)
    model.load(journal)
    oldest = ids[0]
    assert model.row_of(oldest) < 0
    assert model.include(oldest).id == oldest
    assert model.row_of(oldest) == BATCH  # after the batch, until its own batch comes
    model.fetchMore()  # the rest, without a second copy of it
    assert sorted(r.id for r in model.rows) == sorted(ids)
    model.keep = lambda: oldest
    model.load(journal)
    assert model.row_of(oldest) >= 0
    model.set_query(ListQuery(statuses=frozenset({"delivered"})))
    assert [r.id for r in model.rows] == [oldest]  # kept, though the query does not bring it
    qtmodeltester.check(model)


def test_typing_queries_sql_only_while_paging(journal):
    _many_drafts(journal, 30)
    model = draft_model()
    model.load(journal)
    assert model.complete
    assert not model.set_query(ListQuery(statuses=frozenset({"draft"}), words=("note",)))
    small = draft_model()
    small.batch = 20  # the same 30 drafts are now more than a batch
    small.load(journal)
    assert not small.complete
    # Each word typed starts a word (the search index's rule): "2" finds 2 and 20 to 29.
    assert small.set_query(ListQuery(statuses=frozenset({"draft"}), words=("2",)))
    assert sorted(r.behavior for r in small.rows) == sorted(
        ["note 2", *(f"note {n}" for n in range(20, 30))])


def test_sorting_a_paged_list_queries_it_in_the_new_order(journal):
    ids = _many_drafts(journal, BATCH + 5)
    model = draft_model()
    model.sort_rows(1, Qt.SortOrder.AscendingOrder)
    model.load(journal)
    model.sort_rows(1, Qt.SortOrder.DescendingOrder)  # oldest first, from SQL
    assert model.query.descending and model.rowCount() == BATCH
    assert [r.id for r in model.rows] == ids[:BATCH]


def test_a_query_while_paging_runs_on_the_worker_and_its_rows_arrive(journal, qtbot,
                                                                      monkeypatch):
    monkeypatch.setattr(QueryRunner, "synchronous", False)
    ids = _many_drafts(journal, BATCH + 5)
    model = draft_model()
    model.sort_rows(1, Qt.SortOrder.AscendingOrder)
    model.load(journal)  # a load stays in place
    assert [r.id for r in model.rows] == ids[::-1][:BATCH]
    busy: list[bool] = []
    model.busy.connect(busy.append)
    with qtbot.waitSignal(model.requeried, timeout=5000):
        model.sort_rows(1, Qt.SortOrder.DescendingOrder)
        assert model.pending and [r.id for r in model.rows] == ids[::-1][:BATCH]  # old rows
        assert not model.canFetchMore()  # nothing is added to rows about to be replaced
    assert not model.pending and busy == [True, False]
    assert [r.id for r in model.rows] == ids[:BATCH]  # as the synchronous query gives them
    assert model.canFetchMore()


def test_a_query_overtaken_by_a_newer_one_is_dropped(journal, qtbot, monkeypatch):
    monkeypatch.setattr(QueryRunner, "synchronous", False)
    runner = QueryRunner()
    release = threading.Event()
    got: list[str] = []

    def slow(reader):
        release.wait(5)
        return "stale"

    runner.run(journal, slow, got.append)
    runner.run(journal, lambda reader: reader.read_only and "fresh", got.append)
    qtbot.waitUntil(lambda: got == ["fresh"], timeout=5000)
    assert not runner.pending
    release.set()
    qtbot.wait(200)  # the slow one finishes, and its result is dropped
    assert got == ["fresh"]

    _many_drafts(journal, BATCH + 5)
    model = draft_model()
    model.batch = 10
    model.load(journal)
    model.set_query(ListQuery(words=("7",)))
    model.set_query(ListQuery(words=("12",)))  # typed on before the first result came
    qtbot.waitUntil(lambda: not model.pending, timeout=5000)
    qtbot.wait(100)
    assert model.query.words == ("12",)
    same = draft_model()  # the same steps, queried in place
    same.runner.synchronous = True
    same.batch = 10
    same.load(journal)
    same.set_query(ListQuery(words=("12",)))
    assert [r.id for r in model.rows] == [r.id for r in same.rows]
    assert len(model.rows) == 10 and all("12" in r.behavior for r in model.rows)


def test_reflection_model_passes_the_model_tester_while_paging(journal, qtmodeltester):
    ana = journal.create("person", name="Ana")
    journal.create_many("reflection", [{"giver_id": ana.id, "received_on": "2026-01-02",
                                        "what_was_said": f"said {n}"} for n in range(250)])
    model = list_model(ReflectionsPage.spec())
    model.sort_rows(0, Qt.SortOrder.DescendingOrder)
    model.load(journal)
    assert model.rowCount() == BATCH and model.canFetchMore()
    qtmodeltester.check(model)


# -- the page ----------------------------------------------------------------------------------
def test_feedback_opens_on_the_first_batch_and_reveals_any_draft(window, qtbot):
    ids = _many_drafts(window.journal, 1000)
    [bo] = window.journal.create_many("person", [{"name": "Bo"}])
    [dropped] = window.journal.create_many("feedback_draft", [
        {"recipient_id": bo, "status": "dropped", "behavior": "an old one",
         "created_at": "2020-01-01T00:00:00Z"}])
    page = window.show_page("feedback")
    drafts = page.drafts
    assert drafts.model.rowCount() == BATCH and drafts.model.canFetchMore()
    assert drafts.current_id() == ids[-1]  # the youngest, opened at once
    assert not page.retros_built  # the Retros tab waits until it is shown

    oldest = ids[0]  # the last of 1,000: far beyond the first batch
    window.show_page("checklist")
    window.show_record("feedback_draft", oldest)
    assert drafts.current_id() == oldest and drafts.editor.record.id == oldest

    window.show_record("feedback_draft", dropped)  # hidden by the status filter as well
    assert drafts.status_filter.currentData() == "all"
    assert drafts.current_id() == dropped and drafts.editor.record.id == dropped

    # Scrolling to the end of the list fetches the next batch.
    drafts.status_filter.choose("draft")
    before = drafts.model.rowCount()
    drafts.table.scrollToBottom()
    qtbot.waitUntil(lambda: drafts.model.rowCount() > before)

    page.tabs.setCurrentIndex(1)
    assert page.retros_built


@pytest.mark.parametrize("typed", ["note 99", "NOTE 5", "zzz"])
def test_typing_in_a_long_list_filters_in_sql(window, qtbot, typed):
    _many_drafts(window.journal, 600)
    drafts = window.show_page("feedback").drafts
    assert not drafts.model.complete
    qtbot.keyClicks(drafts.filter, typed)
    assert drafts.model.query.words == words_of(typed)
    shown = [drafts.proxy.index(r, 0).data(RECORD_ROLE).id
             for r in range(drafts.proxy.rowCount())]
    words = words_of(typed)
    expected = [r.id for r in draft_rows(window.journal)  # newest first, as the list opens
                if holds_prefixes(r.search_text, words)]
    assert shown == expected[:BATCH]
    assert drafts.no_match.isVisible() == (not expected)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drafts=st.lists(draft_strategy, min_size=1, max_size=30),
       limit=st.integers(min_value=1, max_value=7))
def test_pages_put_together_are_the_whole_list(tmp_path_factory, drafts, limit):
    # The default order is read per status and merged; pages must cross from the waiting
    # drafts to the others without losing or repeating one.
    journal = open_journal(tmp_path_factory.mktemp("j") / "j.sqlite3")
    try:
        _fill(journal, drafts)
        whole = [r.id for r in draft_page(journal, ListQuery(order="age", descending=True),
                                          0, 1000, today=TODAY)]  # the SQL ORDER BY path
        for query in (ListQuery(), ListQuery(order="name")):
            pages = [r.id for offset in range(0, len(drafts), limit)
                     for r in draft_page(journal, query, offset, limit, today=TODAY)]
            assert pages == [r.id for r in draft_page(journal, query, 0, 1000, today=TODAY)]
            assert sorted(pages) == sorted(whole)
    finally:
        journal.close()


def test_a_long_list_says_searching_while_its_query_runs_on_the_worker(window, qtbot,
                                                                       monkeypatch):
    monkeypatch.setattr(QueryRunner, "synchronous", False)
    _many_drafts(window.journal, 600)
    drafts = window.show_page("feedback").drafts
    hint = drafts.md.no_match.text()
    drafts.filter.setText("zzz")
    assert drafts.model.pending
    drafts.md._show_busy()  # what the timer does when the query takes a while
    assert drafts.md.no_match.text() == "Searching…" and drafts.md.no_match.isVisibleTo(window)
    assert drafts.table.viewport().cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: not drafts.model.pending, timeout=5000)
    assert drafts.model.query.words == ("zzz",) and drafts.proxy.rowCount() == 0
    assert drafts.md.no_match.text() == hint and drafts.md.no_match.isVisibleTo(window)
    assert not drafts.table.viewport().testAttribute(Qt.WidgetAttribute.WA_SetCursor)


def test_a_list_may_still_search_an_sql_text_by_the_same_rule(journal):
    from journal.store.paging import where

    ana = journal.create("person", name="Zoë")
    journal.create("feedback_draft", recipient_id=ana.id, behavior="Retried the deploy")
    for typed, found in (("zoe retr", 1), ("etried", 0), ("ZOË DEPLOY", 1)):
        condition, params = where(ListQuery(words=words_of(typed)), "f.status",
                                  "p.name || ' ' || f.behavior")
        rows = journal.rows("SELECT f.id FROM feedback_drafts f JOIN people p "
                            f"ON p.id = f.recipient_id {condition}", tuple(params))
        assert len(rows) == found, typed
