"""Lists remember their measured column widths only until what was measured changes."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QTableView

from journal.ui.models.record_table import Column, RecordTableModel
from journal.ui.widgets.tables import fit_columns, record_table


def _row(row_id: int, word: str):
    return SimpleNamespace(id=row_id, word=word, text="…")


def _table(qtbot):
    model = RecordTableModel([Column("Word", lambda r: r.word), Column("Text", lambda r: r.text)])
    view = record_table()
    qtbot.addWidget(view)
    view.setModel(model)
    fit_columns(view, {})
    return view, model


def _qt_width(view, column=0):
    return QTableView.sizeHintForColumn(view, column)


def test_a_remembered_width_is_qts_own_and_follows_the_rows(qtbot):
    view, model = _table(qtbot)
    model.set_rows([_row(i, "ab") for i in range(5)])
    narrow = view.sizeHintForColumn(0)
    assert narrow == _qt_width(view)

    model.set_rows([_row(i, "a much longer word") for i in range(5)])  # a reset
    wide = view.sizeHintForColumn(0)
    assert wide == _qt_width(view) and wide > narrow

    model.update_row(_row(2, "x"))  # one row changed in place (dataChanged)
    model.update_row(_row(9, "an even longer word than before"))  # a row added
    assert view.sizeHintForColumn(0) == _qt_width(view) > wide

    view.show()  # shown, it measures from the rows on screen
    qtbot.waitExposed(view)
    assert view.sizeHintForColumn(0) == _qt_width(view)
    font = view.font()
    font.setPointSize(font.pointSize() * 2)
    view.setFont(font)
    assert view.sizeHintForColumn(0) == _qt_width(view)


def test_a_new_model_is_measured_afresh(qtbot):
    view, model = _table(qtbot)
    model.set_rows([_row(1, "ab")])
    narrow = view.sizeHintForColumn(0)
    other = RecordTableModel([Column("Word", lambda r: r.word)])
    other.set_rows([_row(1, "a much longer word")])
    view.setModel(other)
    assert view.sizeHintForColumn(0) == _qt_width(view) > narrow
    model.set_rows([_row(1, "the old model no longer matters to the view")])
    assert view.sizeHintForColumn(0) == _qt_width(view)


def test_nothing_changed_means_no_rows_read_again(qtbot):
    class Counting(RecordTableModel):
        reads = 0

        def data(self, index, role=0):
            Counting.reads += 1
            return super().data(index, role)

    model = Counting([Column("Word", lambda r: r.word)])
    view = record_table()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_rows([_row(i, "ab") for i in range(50)])
    width = view.sizeHintForColumn(0)
    assert Counting.reads > 0
    before = Counting.reads
    assert view.sizeHintForColumn(0) == width
    assert Counting.reads == before
