"""Binding editor widgets to one record's fields, with the autosave pattern.

`RecordForm` fills widgets with signals blocked (so filling never schedules a save), and
schedules a save of the changed field on every edit. Saves name the form as the initiator, so
the form does not reload itself from the change it just made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.store.journal import Journal
from journal.ui.autosave import AutoSaver
from journal.ui.context import PageContext
from journal.ui.widgets.text import follow_text_direction

NO_DATE = QDate(1900, 1, 1)  # a QDateEdit's "no date" (shown as its special value text)


def read_widget(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDateEdit):
        date = widget.date()
        if date == widget.minimumDate() and widget.specialValueText():
            return None
        return date.toPython()
    raise TypeError(f"no reader for {type(widget).__name__}")


def write_widget(widget: QWidget, value: Any) -> None:
    with QSignalBlocker(widget):
        if isinstance(widget, QLineEdit):
            if widget.text() != (value or ""):
                widget.setText(value or "")
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value or 0))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QDateEdit):
            if value is None and widget.specialValueText():
                widget.setDate(widget.minimumDate())
            elif isinstance(value, dt.date):
                widget.setDate(QDate(value.year, value.month, value.day))
        else:
            raise TypeError(f"no writer for {type(widget).__name__}")


def clear_widget(widget: QWidget) -> None:
    """Empty a bound widget (text, a "no date"), its choices back to the first; without signals,
    so clearing never schedules a save."""
    with QSignalBlocker(widget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            widget.clear()
        elif isinstance(widget, QCheckBox):
            widget.setChecked(False)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(0 if widget.count() else -1)
        elif isinstance(widget, QDateEdit) and widget.specialValueText():
            widget.setDate(widget.minimumDate())


def changed_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.textChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    raise TypeError(f"no change signal for {type(widget).__name__}")


def optional_date_edit(parent: QWidget | None = None, none_text: str = "—") -> QDateEdit:
    """A date editor that can also say "no date" (its minimum shows `none_text`)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(NO_DATE)
    return edit


def wrapping_form() -> QFormLayout:
    """A form whose fields go under their labels when the pane is too narrow for both side by
    side (an editor beside its list in an 800-pixel window), instead of running off its edge."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def focus_into_view(widget: QWidget) -> None:
    """Give `widget` the focus and scroll every scroll area it sits in to show it (now, and once
    more after the layouts a page switch posted have run)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QScrollArea

    def reveal() -> None:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 8, 8)
            parent = parent.parentWidget()

    widget.setFocus()
    reveal()
    QTimer.singleShot(0, reveal)


class RecordForm(QObject):
    """Widgets bound to the fields of one record of `kind`.

    Call `load(record)` to show a record (or None to clear and disable), and `bind(field, widget)`
    once per field. `edited` is emitted with the field name after each scheduled save, so a page
    can refresh hints as the user types.
    """

    edited = Signal(str)
    created = Signal(object)  # the record a first edit stored (see start_new)

    def __init__(self, kind: str, journal: Journal, saver: AutoSaver,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.kind = kind
        self.journal = journal
        self.saver = saver
        self.record: Any = None
        self.pending: dict[str, Any] | None = None  # a new record's values, not stored yet
        self._widgets: dict[str, QWidget] = {}
        self._readers: dict[str, Callable[[], Any]] = {}

    def bind(self, field: str, widget: QWidget, reader: Callable[[], Any] | None = None) -> QWidget:
        self._widgets[field] = widget
        self._readers[field] = reader or (lambda w=widget: read_widget(w))
        changed_signal(widget).connect(lambda *_a, f=field: self._changed(f))
        widget.setEnabled(False)
        return widget

    def fields(self) -> tuple[str, ...]:
        """The fields bound, in the order they were bound."""
        return tuple(self._widgets)

    def widget(self, field: str) -> QWidget:
        return self._widgets[field]

    def value(self, field: str) -> Any:
        return self._readers[field]()

    def load(self, record: Any) -> None:
        self.saver.flush()  # what was typed for the previous record is written first
        self.record = record
        self.pending = None
        editable = record is not None and not self.journal.read_only
        for field, widget in self._widgets.items():
            if record is not None:
                write_widget(widget, getattr(record, field))
            else:
                clear_widget(widget)  # an empty editor never shows the previous record
            widget.setEnabled(editable)
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
                widget.setReadOnly(record is not None and self.journal.read_only)
                widget.setEnabled(record is not None)
            if isinstance(widget, QLineEdit) and not widget.hasFocus():
                widget.setCursorPosition(0)  # a long line shows its start, not its end

    def start_new(self, values: dict[str, Any]) -> None:
        """Show a new record that is not stored yet: `values` (the fields it starts with) fill
        the widgets and the rest are empty. Its first edit stores it, with what the widgets
        hold then, and `created` carries it; left untouched, nothing is ever written."""
        self.load(None)
        self.pending = dict(values)
        writable = not self.journal.read_only
        for field, widget in self._widgets.items():
            if field in values:
                write_widget(widget, values[field])
            widget.setEnabled(writable)

    def _create(self) -> None:
        values = {**self.pending, **{field: self.value(field) for field in self._widgets}}
        self.pending = None
        # One notification, sent once the form holds the record: the views see it as shown.
        with self.journal.batch(self):
            self.record = self.journal.create(self.kind, initiator=self, **values)
        self.created.emit(self.record)

    def _changed(self, field: str) -> None:
        if self.record is None and self.pending is not None:
            self._create()
            self.edited.emit(field)
            return
        if self.record is None:
            return
        kind, record_id = self.kind, self.record.id
        value = self.value(field)

        def save() -> None:
            updated = self.journal.update(kind, record_id, initiator=self, **{field: value})
            if self.record is not None and self.record.id == record_id:
                self.record = updated

        self.saver.schedule((kind, record_id, field), save)
        self.edited.emit(field)


class FormEditor(QWidget):
    """An editor of one record kind (`record_kind`) whose widgets save themselves through `form`, a
    `RecordForm` made when the first journal opens.

    Subclasses bind their widgets in `bind_fields`, pass the journal to anything else that needs
    it in `journal_set`, and show a record (None: nothing) in `load`.
    """

    record_kind = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.form: RecordForm | None = None

    def set_context(self, ctx: PageContext | None) -> None:
        self.ctx = ctx
        if ctx is not None:
            if self.form is None:
                self.form = RecordForm(self.record_kind, ctx.journal, ctx.saver, self)
                self.bind_fields(self.form)
            self.form.journal = ctx.journal
        self.journal_set(ctx)
        self.load(None)

    @property
    def record(self) -> Any:
        return self.form.record if self.form else None

    @property
    def writable(self) -> bool:
        return self.ctx is not None and not self.ctx.journal.read_only

    def reload_record(self) -> Any:
        """Another writer changed the open record: fill the form with its stored values and
        return it. None when nothing is open, or when it was deleted (the editor is emptied)."""
        if self.record is None or self.ctx is None:
            return None
        try:
            record = self.ctx.journal.get(self.record_kind, self.record.id)
        except JournalError:
            self.load(None)
            return None
        self.form.load(record)
        return record

    # -- what a list-and-editor page asks of its editor (journal.ui.kit.editor.RecordEditor) ----
    @property
    def initiator(self) -> object:
        """What this editor's saves name as their initiator: its form."""
        return self.form

    def refresh_from_store(self) -> None:
        self.reload_record()

    def related_changed(self, changes: Changes) -> None:
        """Records of kinds the page lists as related changed; nothing to do by default."""

    def field_widget(self, name: str) -> QWidget | None:
        """The widget that edits field `name` of the record, if this editor has one."""
        return self.form.widget(name) if self.form and name in self.form.fields() else None

    def focus_field(self, name: str | None) -> bool:
        """Put the cursor in the widget for field `name`, scrolled into view (the checklist opens
        a record there); with None, or a field this editor cannot focus now, the first widget.
        Returns whether the named field got the focus."""
        widget = self.field_widget(name) if name else None
        if widget is not None and widget.isEnabled():
            focus_into_view(widget)
            return True
        self.first_widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return False

    def first_widget(self) -> QWidget:
        """The widget Tab reaches first; by default the first bound one."""
        fields = self.form.fields() if self.form else ()
        return self.form.widget(fields[0]) if fields else self

    def bind_fields(self, form: RecordForm) -> None:
        """Bind the widgets that edit the record's fields (once, when the form is made)."""

    def journal_set(self, ctx: PageContext | None) -> None:
        """A journal was opened or closed; called before the editor is emptied."""

    def load(self, record: Any) -> None:
        raise NotImplementedError


def text_edit(name: str, placeholder: str = "", height: int = 64) -> QPlainTextEdit:
    """A multi-line field for a form in a scroll area: `height` tall, scrolling past twice that
    (the form stays one screen), Tab moving on, paragraphs following the writer's direction."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)
    follow_text_direction(edit)
    return edit


def scrolled(owner: QWidget, body: QWidget, *, stretch: bool = True) -> QScrollArea:
    """Put `body` in a frameless scroll area filling `owner`. With `stretch`, what is left over
    goes below the last field, not into stretched boxes."""
    if stretch:
        body.layout().addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll
