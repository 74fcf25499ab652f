"""The page kit on its own: a small page declared with a ListSpec over people, driven as a user
would, and its models checked with qtmodeltester."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from journal.domain.kinds import PERSON
from journal.domain.search_text import folded
from journal.ops.deleting import delete_record
from journal.store.journal import Journal
from journal.ui.autosave import AutoSaver
from journal.ui.change_feed import ChangeFeed
from journal.ui.context import PageContext, UndoList
from journal.ui.forms import FormEditor, RecordForm
from journal.ui.kit import (
    Choice,
    Column,
    ListEditorPage,
    ListSpec,
    Query,
    Search,
    Texts,
    deleting,
    list_model,
)
from journal.ui.pages import PAGES, PageSpec


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    status: str  # the team, so the choice filter has something to choose

    @property
    def search_text(self) -> str:
        return folded(f"{self.name} {self.status}")


def person_rows(journal: Journal) -> list[PersonRow]:
    return [PersonRow(p.id, p.name, p.team) for p in journal.list(PERSON, order_by="id")]


def person_row(journal: Journal, person_id: int) -> PersonRow | None:
    return next((row for row in person_rows(journal) if row.id == person_id), None)


class PersonEditor(FormEditor):
    record_kind = PERSON

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name, self.team, self.notes = QLineEdit(self), QLineEdit(self), QPlainTextEdit(self)
        self.loads = 0

    def bind_fields(self, form: RecordForm) -> None:
        form.bind("name", self.name)
        form.bind("team", self.team)
        form.bind("notes", self.notes)

    def load(self, record: object) -> None:
        self.loads += 1
        self.form.load(record)


class PeoplePage(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=PERSON, name="person", editor=PersonEditor,
            columns=[Column("Name", lambda r: r.name), Column("Team", lambda r: r.status)],
            query=Query.whole(person_rows, person_row),
            new=lambda journal: journal.create(PERSON, name="New person"), new_field="name",
            describe=lambda row: row.name, search=Search("Filter", "Filter people"),
            choice=Choice([("all", None), ("core", {"core"})], str.title, "Show:", "all"),
            texts=Texts("No one yet", "Add people.", "Add", "Choose someone", "No match",
                        "New", "New person", "New person", "People"))


@pytest.fixture
def pages() -> list[PeoplePage]:
    """The pages a test made: the context's show_record reaches them, as the window's does."""
    return []


@pytest.fixture
def ctx(qtbot, journal, pages):
    feed, saver, undo = ChangeFeed(), AutoSaver(), UndoList()
    feed.attach(journal)
    context = PageContext(journal=journal, feed=feed, saver=saver, undo=undo,
                          show_record=lambda *args: [p.show_record(*args) for p in pages],
                          status=lambda _t: None)
    yield context
    saver.flush()
    feed.attach(None)


@pytest.fixture
def page(qtbot, ctx, pages):
    widget = PeoplePage()
    qtbot.addWidget(widget)
    pages.append(widget)
    widget.set_context(ctx)
    widget.show()
    return widget


def _people(journal: Journal, *names_and_teams: tuple[str, str]) -> list[int]:
    return [journal.create(PERSON, name=n, team=t).id for n, t in names_and_teams]


def test_models_pass_the_model_tester_through_filtering_and_sorting(page, ctx, qtmodeltester):
    _people(ctx.journal, ("Ana", "core"), ("Bo", "edge"), ("Cy", "core"))
    assert page.proxy.rowCount() == 3
    page.choice.choose("core")
    assert page.proxy.rowCount() == 2
    page.search.setText("cy")
    assert page.proxy.rowCount() == 1
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_a_paged_query_passes_the_model_tester_while_fetching(ctx, qtmodeltester):
    ctx.journal.create_many(PERSON, [{"name": f"P{n:03}"} for n in range(25)])
    spec = PeoplePage.spec()
    rows = person_rows

    def page_of(journal, query, offset, limit):
        return rows(journal)[offset:offset + limit]

    paged = ListSpec(**{**spec.__dict__, "query": Query(page_of, person_row,
                                                        lambda j: bool(rows(j)), batch=10)})
    model = list_model(paged)
    model.load(ctx.journal)
    assert model.rowCount() == 10 and model.canFetchMore()
    qtmodeltester.check(model)


def test_empty_state_then_ctrl_n_creates_and_focuses_the_new_field(page, ctx, qtbot):
    assert page.stack.currentWidget() is page.empty
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert ctx.journal.count(PERSON) == 1
    assert page.stack.currentWidget() is page.splitter
    assert page.editor.record.name == "New person" and page.editor.name.hasFocus()


def test_own_saves_refresh_the_row_and_leave_the_editor_alone(page, ctx, qtbot):
    [ana] = _people(ctx.journal, ("Ana", "core"))
    page.show_record(PERSON, ana)
    loads = page.editor.loads
    qtbot.keyClick(page.editor.name, Qt.Key.Key_End)  # a loaded line shows its start
    qtbot.keyClicks(page.editor.name, " Lima")
    ctx.saver.flush()
    assert page.editor.loads == loads  # not reloaded from its own save
    assert page.model.rows[page.model.row_of(ana)].name == "Ana Lima"
    ctx.journal.update(PERSON, ana, name="Ana L.")  # someone else's save: shown
    assert page.editor.name.text() == "Ana L."


def test_show_record_widens_the_filters_and_focuses_the_field(page, ctx):
    ana, bo = _people(ctx.journal, ("Ana", "core"), ("Bo", "edge"))
    page.choice.choose("core")
    page.search.setText("ana")
    page.show_record(PERSON, bo, field="notes")
    assert page.current_id() == bo and page.editor.record.id == bo
    assert page.search.text() == "" and page.choice.currentData() == "all"
    assert page.editor.notes.hasFocus()
    page.show_record(PERSON, ana, field="no such field")  # the first widget then
    assert page.editor.name.hasFocus()


def test_delete_asks_then_undo_restores_through_the_context(page, ctx, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(deleting, "ask", lambda _p, _t, text: asked.append(text) or True)
    [ana] = _people(ctx.journal, ("Ana", "core"))
    page.show_record(PERSON, ana)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "Ana" in asked[0]
    assert ctx.journal.count(PERSON) == 0 and page.stack.currentWidget() is page.empty
    assert ctx.undo.label() == "delete Ana"
    assert ctx.undo.undo()
    assert ctx.journal.get(PERSON, ana).name == "Ana"
    assert page.current_id() == ana and page.editor.record.id == ana  # chosen again


def test_state_survives_a_new_page(page, ctx, qtbot, tmp_path):
    _ana, bo, _cy = _people(ctx.journal, ("Ana", "core"), ("Bo", "core"), ("Cy", "edge"))
    page.choice.choose("core")
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    page.show_record(PERSON, bo)
    page.splitter.setSizes([250, 750])
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page.save_state(settings)
    settings.sync()

    again = PeoplePage()
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    again.set_context(ctx)
    assert again.choice.currentData() == "core"
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0, Qt.SortOrder.DescendingOrder)
    assert again.current_id() == bo and again.editor.record.id == bo
    assert again.splitter.saveState() == page.splitter.saveState()


def test_the_chosen_record_is_not_restored_in_another_journal(page, ctx, qtbot, tmp_path):
    [ana] = _people(ctx.journal, ("Ana", "core"))
    page.show_record(PERSON, ana)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    page.save_state(settings)
    settings.setValue("selectedIn", str(tmp_path / "other.sqlite3"))
    again = PeoplePage()
    qtbot.addWidget(again)
    again.restore_state(settings)
    again.set_context(ctx)
    assert again.current_id() == ana  # the first record, as any page opens: nothing else


def test_delete_record_returns_an_undo_that_restores_exactly(journal):
    person = journal.create(PERSON, name="Dana", team="core")
    given = journal.create("reflection", giver_id=person.id, received_on=dt.date(2026, 11, 2))
    done = delete_record(journal, PERSON, person.id)
    assert (done.kind, done.record_id) == (PERSON, person.id)
    assert done.changed == {(PERSON, person.id), ("reflection", given.id)}
    assert journal.count(PERSON) == 0
    assert journal.get("reflection", given.id).giver_id is None  # unlinked, not deleted
    done.undo()
    assert journal.get(PERSON, person.id) == person
    assert journal.get("reflection", given.id) == given


def test_a_page_registers_with_one_line_naming_its_title():
    spec = PageSpec("people", "tests.test_kit", "PeoplePage", (PERSON,), "People")
    assert spec.title() == "People" and issubclass(spec.load(), ListEditorPage)
    assert all(existing.title() for existing in PAGES)
