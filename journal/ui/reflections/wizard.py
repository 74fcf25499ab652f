"""The reflection form: a step list on the left and one step at a time, with Back and Next.

Every field saves itself (RecordForm), and so does the step the user is on, so a reflection can
be left half-way and picked up later at the same place.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import REFLECTION_STATUSES, Reflection
from journal.domain.reflections import LAST_STEP, STEPS, clamp_step, needs_example, step_filled
from journal.store.errors import JournalError
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.forms import FormEditor, RecordForm
from journal.ui.reflections.steps import (
    example_reminder,
    status_label,
    step_prompt,
    step_title,
    tr,
)
from journal.ui.widgets.person_picker import PersonPicker
from journal.ui.widgets.text import follow_text_direction

_TEXT_FIELDS = ("what_was_said", "paraphrase", "example", "useful", "action")


class ReflectionWizard(FormEditor):
    finished = Signal()  # Done on the last step: the page puts the cursor back on its list

    record_kind = "reflection"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.step = 0
        self._build()

    # -- building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.step_list = QListWidget()
        self.step_list.setObjectName("reflectionSteps")
        self.step_list.setAccessibleName(tr("Steps"))
        for key, _ in STEPS:
            self.step_list.addItem(step_title(key))
        self.step_list.setMaximumWidth(200)
        # Wide enough for every step's title, so the list never scrolls sideways.
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setMinimumWidth(min(200, 28 + max(
            self.step_list.fontMetrics().horizontalAdvance(step_title(key))
            for key, _names in STEPS)))
        self.step_list.setSpacing(3)
        self.step_list.currentRowChanged.connect(self._step_clicked)

        self.giver = PersonPicker(allow_none=True, none_text=tr("Not named"))
        self.giver.person_chosen.connect(self._giver_chosen)
        self.giver.lineEdit().editingFinished.connect(self._giver_edited)
        self.received_on = QDateEdit()
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.fields: dict[str, QPlainTextEdit] = {}
        for name in _TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(name)
            edit.setTabChangesFocus(True)
            follow_text_direction(edit)
            self.fields[name] = edit
        self.status = QComboBox()
        for value in REFLECTION_STATUSES:
            self.status.addItem(status_label(value), value)
        self.reminder = QLabel(example_reminder())
        theme.style(self.reminder, "hint")
        self.reminder.setWordWrap(True)

        self.pages = QStackedWidget()
        self.first_field: list[QWidget] = []
        for key, _ in STEPS:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            title = QLabel(step_title(key))
            theme.style(title, "sectionHeading")
            prompt = QLabel(step_prompt(key))
            prompt.setWordWrap(True)
            layout.addWidget(title)
            layout.addWidget(prompt)
            if key == "source":
                form = QFormLayout()
                form.addRow(tr("&From:"), self.giver)
                form.addRow(tr("Recei&ved on:"), self.received_on)
                layout.addLayout(form)
                layout.addStretch(1)
                self.first_field.append(self.giver)
            elif key == "status":
                form = QFormLayout()
                form.addRow(tr("&Status:"), self.status)
                layout.addLayout(form)
                layout.addStretch(1)
                self.first_field.append(self.status)
            else:
                field = {"said": "what_was_said"}.get(key, key)
                layout.addWidget(self.fields[field], 1)
                if key == "example":
                    layout.addWidget(self.reminder)
                self.first_field.append(self.fields[field])
            self.pages.addWidget(page)

        self.position = QLabel()
        theme.style(self.position, "hint")
        self.back = QPushButton(tr("&Back"))
        self.back.clicked.connect(lambda: self.go_to(self.step - 1))
        self.next = QPushButton(tr("&Next"))
        self.next.clicked.connect(self._next_or_done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.position)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)

    # -- journal and record ----------------------------------------------------------------------
    def bind_fields(self, form: RecordForm) -> None:
        form.bind("received_on", self.received_on)
        for name, edit in self.fields.items():
            form.bind(name, edit)
        form.bind("status", self.status)
        form.edited.connect(lambda _f: self._update_marks())

    def journal_set(self, ctx: PageContext | None) -> None:
        self.giver.set_journal(ctx.journal if ctx else None)

    def load(self, record: Reflection | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.giver.set_person(record.giver_id if record else None)
        self.giver.setEnabled(record is not None and self.writable)
        self.go_to(clamp_step(record.step) if record else 0, remember=False)

    def refresh_from_store(self) -> None:
        record = self.reload_record()
        if record is None:
            return
        self.giver.set_person(record.giver_id)
        self._update_marks()

    def related_changed(self, _changes: object) -> None:
        self.giver.reload()  # people were added, renamed or deleted

    def first_widget(self) -> QWidget:
        return self.step_list

    def focus_field(self, name: str | None) -> None:
        """Go to the step that holds `name` (None: the first step) and focus its widget."""
        step = next((i for i, (_key, names) in enumerate(STEPS) if name in names), 0)
        self.go_to(step, remember=False)
        widget = {"giver_id": self.giver, "received_on": self.received_on,
                  "status": self.status}.get(name) or self.fields.get(name)
        (widget or self.first_field[step]).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- steps -----------------------------------------------------------------------------------
    def go_to(self, step: int, remember: bool = True) -> None:
        """Show one step. `remember` stores it as where the user is (through the saver)."""
        self.step = clamp_step(step)
        self.pages.setCurrentIndex(self.step)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(self.step)
        self.step_list.blockSignals(False)
        self.back.setEnabled(self.record is not None and self.step > 0)
        self.next.setEnabled(self.record is not None)
        self.next.setText(tr("&Done") if self.step == LAST_STEP else tr("&Next"))
        self.next.setToolTip(tr("Save and go back to the list") if self.step == LAST_STEP
                             else "")
        self.position.setText(tr("Step %1 of %2").replace("%1", str(self.step + 1)).replace(
            "%2", str(len(STEPS))))
        self._update_marks()
        if remember and self.record is not None:
            self.first_field[self.step].setFocus(Qt.FocusReason.OtherFocusReason)
            if self.writable:
                self._remember_step()

    def _next_or_done(self) -> None:
        if self.step < LAST_STEP:
            self.go_to(self.step + 1)
            return
        if self.ctx is not None:
            self.ctx.saver.flush()
            self.ctx.status(tr("Saved. You can come back to this reflection any time."))
        self.finished.emit()

    def _remember_step(self) -> None:
        record_id, step, form = self.record.id, self.step, self.form

        def save() -> None:
            updated = self.ctx.journal.update("reflection", record_id, initiator=form, step=step)
            if form.record is not None and form.record.id == record_id:
                form.record = updated

        self.ctx.saver.schedule(("reflection", record_id, "step"), save)

    def _step_clicked(self, row: int) -> None:
        if row >= 0 and row != self.step:
            self.go_to(row)

    def current_values(self) -> SimpleNamespace:
        """The reflection as the widgets show it now (saves may still be pending)."""
        values = {name: edit.toPlainText() for name, edit in self.fields.items()}
        return SimpleNamespace(received_on=self.received_on.date().toPython(),
                               status=self.status.currentData(), **values)

    def _update_marks(self) -> None:
        """A check mark on steps with something written: words, not colour alone."""
        shown = self.current_values() if self.record is not None else None
        for row, (key, _) in enumerate(STEPS):
            done = shown is not None and step_filled(shown, row)
            # The mark goes after the title, so the titles stay aligned whatever the font.
            item = self.step_list.item(row)
            item.setText(step_title(key) + ("  ✓" if done else ""))
            item.setToolTip(tr("Written") if done else tr("Nothing written yet"))
        self.reminder.setVisible(shown is not None and not shown.example.strip())
        if shown is not None and needs_example(shown):
            self.step_list.item(3).setToolTip(example_reminder())

    # -- the giver -------------------------------------------------------------------------------
    def _giver_chosen(self, person_id: int | None) -> None:
        if self.record is None or not self.writable or person_id == self.record.giver_id:
            return
        self.ctx.saver.flush()
        try:
            self.form.record = self.ctx.journal.update("reflection", self.record.id,
                                                       initiator=self.form, giver_id=person_id)
        except JournalError as error:
            self.ctx.status(str(error))

    def _giver_edited(self) -> None:
        if self.record is not None and self.giver.isEnabled():
            self._giver_chosen(self.giver.person_id())
