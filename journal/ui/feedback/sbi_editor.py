"""The SBI editor: recipient, reinforcing or corrective, Situation / Behavior / Impact, delivery.

Text saves itself through `RecordForm`; the coach runs a moment after each keystroke and never
stands in the way of saving. Before a draft exists the editor is in "new" mode: the recipient is
the one thing a draft cannot be stored without, so choosing them is what creates it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain import coach
from journal.domain.kinds import PERSON
from journal.domain.records import FEEDBACK_KINDS, FEEDBACK_STATUSES, FeedbackDraft
from journal.store.changes import Changes
from journal.store.errors import JournalError
from journal.ui import theme
from journal.ui.context import PageContext
from journal.ui.feedback.coach_panel import CoachPanel
from journal.ui.feedback.shared import polarity_label, status_label, tr
from journal.ui.forms import FormEditor, RecordForm
from journal.ui.widgets.person_picker import PersonPicker
from journal.ui.widgets.text import follow_text_direction

COACH_DELAY_MS = 200
PARTS = ("situation", "behavior", "impact")


def utf16_offset(text: str, offset: int) -> int:
    """A Python string offset as a QTextCursor position (Qt counts UTF-16 code units, so every
    emoji or other character outside the BMP counts twice)."""
    offset = min(max(offset, 0), len(text))
    return len(text[:offset].encode("utf-16-le")) // 2


class SbiEditor(FormEditor):
    record_kind = "feedback_draft"

    create_requested = Signal(int, str)  # recipient id, polarity: make a new draft for them

    def __init__(self, coach_panel: CoachPanel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = coach_panel if coach_panel is not None else CoachPanel()
        self.pending_new = False
        self.hints: list = []
        self._build()
        self._coach_timer = QTimer(self)
        self._coach_timer.setSingleShot(True)
        self._coach_timer.setInterval(COACH_DELAY_MS)
        self._coach_timer.timeout.connect(self.run_coach)
        for edit in self.parts.values():
            edit.textChanged.connect(self._coach_timer.start)
        self.panel.hint_chosen.connect(self.select_hint)

    # -- building --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.picker = PersonPicker(self)
        self.picker.setObjectName("recipient")
        # As wide as there is room for, but asking for no more than a short name.
        self.picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(10)
        self.picker.person_chosen.connect(self._recipient_chosen)
        self.picker.lineEdit().editingFinished.connect(self._recipient_edited)
        self.polarity = QComboBox()
        for value in FEEDBACK_KINDS:
            self.polarity.addItem(polarity_label(value), value)
        who = QLabel(tr("&For:"))
        who.setBuddy(self.picker)
        kind = QLabel(tr("&Kind:"))
        kind.setBuddy(self.polarity)
        # The draft's id, for `leadership-journal coach --draft ID`: selectable, so it can be
        # copied, and quiet, as few people need it. It sits beside the Situation heading, where
        # the row has room to spare (in the top row it narrowed the list beside the editor).
        self.id_label = QLabel()
        self.id_label.setObjectName("draftId")
        theme.style(self.id_label, "hint")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.id_label.setToolTip(tr("This draft's id. Select it to copy it, for example for "
                                    "“leadership-journal coach --draft ID”."))
        top = QHBoxLayout()
        top.addWidget(who)
        top.addWidget(self.picker, 1)
        top.addSpacing(12)
        top.addWidget(kind)
        top.addWidget(self.polarity)
        self.new_prompt = QLabel(tr("Who is this feedback for? Type a name (new names are added "
                                    "to your people) and press Enter."))
        theme.style(self.new_prompt, "hint")
        self.new_prompt.setWordWrap(True)

        prompts = {
            "situation": (tr("&Situation"), tr("When and where: one specific moment, such as "
                                               "“in Tuesday's incident review”.")),
            "behavior": (tr("&Behavior"), tr("What they said or did, as a camera would have "
                                             "caught it. Leave out guesses about intent.")),
            "impact": (tr("&Impact"), tr("What it changed: for you, the team, users or the "
                                         "system.")),
        }
        self.parts: dict[str, QPlainTextEdit] = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        for row, part in enumerate(PARTS):
            label_text, placeholder = prompts[part]
            edit = QPlainTextEdit()
            edit.setObjectName(part)
            edit.setPlaceholderText(placeholder)
            edit.setTabChangesFocus(True)
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            edit.setMinimumHeight(64)
            follow_text_direction(edit)
            label = QLabel(label_text)
            theme.style(label, "sectionHeading")
            label.setBuddy(edit)
            self.parts[part] = edit
            if part == "situation":
                heading = QHBoxLayout()
                heading.addWidget(label)
                heading.addStretch(1)
                heading.addWidget(self.id_label)
                grid.addLayout(heading, row * 2, 0)
            else:
                grid.addWidget(label, row * 2, 0)
            grid.addWidget(edit, row * 2 + 1, 0)
            grid.setRowStretch(row * 2 + 1, 1)

        self.status = QComboBox()
        for value in FEEDBACK_STATUSES:
            self.status.addItem(status_label(value), value)
        self.status.activated.connect(lambda _i: self._set_status(self.status.currentData()))
        status_label_ = QLabel(tr("S&tatus:"))
        status_label_.setBuddy(self.status)
        self.delivered_on = QDateEdit()
        self.delivered_on.setCalendarPopup(True)
        self.delivered_on.setDisplayFormat("yyyy-MM-dd")
        self.delivered_on.setAccessibleName(tr("Delivered on"))
        self.delivered_on.dateChanged.connect(self._delivered_date_changed)
        self.on_label = QLabel(tr("on"))
        self.deliver_button = QPushButton(tr("Mark deli&vered"))
        self.deliver_button.setToolTip(tr("Delivered today; change the date if it was earlier."))
        self.deliver_button.clicked.connect(lambda: self._set_status("delivered", today=True))
        self.copy_button = QPushButton(tr("&Copy as message"))
        self.copy_button.setToolTip(tr("Puts the feedback on the clipboard as a few plain "
                                       "sentences, ready to paste into chat."))
        self.copy_button.clicked.connect(self.copy_as_message)
        # The status and its date on one line, what to do with the draft on the next: marking
        # it delivered shows the date in room kept for it, so no action widens the window.
        for widget in (self.on_label, self.delivered_on):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        status_line = QHBoxLayout()
        status_line.addWidget(status_label_)
        status_line.addWidget(self.status)
        status_line.addWidget(self.on_label)
        status_line.addWidget(self.delivered_on)
        status_line.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.deliver_button)
        actions.addStretch(1)
        actions.addWidget(self.copy_button)
        bottom = QVBoxLayout()
        bottom.addLayout(status_line)
        bottom.addLayout(actions)

        fields = QWidget()
        layout = QVBoxLayout(fields)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.new_prompt)
        layout.addLayout(grid, 1)
        layout.addLayout(bottom)
        # The coach beside the fields, in a splitter the user can drag (remembered by the page).
        # Under the fields until the editor is first laid out wide enough (resizeEvent): a
        # page built beside them would ask the window for their width and the coach's.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sbiSplitter")
        self.splitter.addWidget(fields)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([430, 260])
        self.panel.setMinimumWidth(180)
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The editor's least size is the stacked one (minimumSizeHint), whichever way the
        # coach sits now: a window never has to widen for it, and can narrow until it stacks.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.splitter)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        fields = self.splitter.widget(0).minimumSizeHint()
        coach = self.panel.minimumSizeHint().expandedTo(QSize(self.panel.minimumWidth(), 0))
        return QSize(max(fields.width(), coach.width()),
                     fields.height() + coach.height() + self.splitter.handleWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        # The coach sits beside the fields when both fit, under them in a narrow window.
        beside = (self.splitter.widget(0).minimumSizeHint().width()
                  + self.panel.minimumWidth() + 40)
        orientation = (Qt.Orientation.Horizontal if event.size().width() >= beside
                       else Qt.Orientation.Vertical)
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
        super().resizeEvent(event)
        self.setTabOrder(self.picker, self.polarity)
        self.setTabOrder(self.polarity, self.parts["situation"])
        self.setTabOrder(self.parts["situation"], self.parts["behavior"])
        self.setTabOrder(self.parts["behavior"], self.parts["impact"])
        self.setTabOrder(self.parts["impact"], self.status)
        self.setTabOrder(self.status, self.delivered_on)
        self.setTabOrder(self.delivered_on, self.deliver_button)
        self.setTabOrder(self.deliver_button, self.copy_button)

    # -- journal and record ----------------------------------------------------------------------
    def bind_fields(self, form: RecordForm) -> None:
        for part, edit in self.parts.items():
            form.bind(part, edit)
        form.bind("polarity", self.polarity)

    def first_widget(self) -> QWidget:
        return self.picker

    def related_changed(self, changes: Changes) -> None:
        if changes.touches(PERSON):
            self.refresh_people()

    def journal_set(self, ctx: PageContext | None) -> None:
        self.picker.set_journal(ctx.journal if ctx else None)

    def load(self, record: FeedbackDraft | None) -> None:
        """Show a draft (None: nothing). Filling the widgets never schedules a save."""
        self.pending_new = False
        if self.form is not None:
            self.form.load(record)
        self.new_prompt.hide()
        self.picker.set_person(record.recipient_id if record else None)
        self.id_label.setText(tr("Draft #%1").replace("%1", str(record.id)) if record else "")
        self.id_label.setVisible(record is not None)
        self._show_status(record)
        self._update_enabled()
        self._coach_timer.stop()
        self.run_coach()

    def start_new(self) -> None:
        """Ask for the recipient of a new draft; choosing one emits `create_requested`."""
        self.load(None)
        if not self.writable:
            return
        self.pending_new = True
        self.new_prompt.show()
        self.picker.setEnabled(True)
        self.polarity.setEnabled(True)
        with QSignalBlocker(self.polarity):
            self.polarity.setCurrentIndex(0)
        self.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh_people(self) -> None:
        self.picker.reload()

    def refresh_from_store(self) -> None:
        """Another writer changed the loaded draft: show its new values (typing is not lost: text
        equal to what is shown is never rewritten)."""
        record = self.reload_record()
        if record is None:
            return
        self.picker.set_person(record.recipient_id)
        self._show_status(record)
        self._update_enabled()

    def _update_enabled(self) -> None:
        has = self.record is not None
        editable = has and self.writable
        self.picker.setEnabled(editable or self.pending_new)
        self.polarity.setEnabled(editable or self.pending_new)
        self.status.setEnabled(editable)
        self.delivered_on.setEnabled(editable and self.status.currentData() == "delivered")
        self.deliver_button.setEnabled(editable and self.status.currentData() != "delivered")
        self.copy_button.setEnabled(has)

    def field_widget(self, name: str) -> QWidget | None:
        return self.parts.get(name) or {"status": self.status,
                                        "delivered_on": self.delivered_on}.get(name)

    def _show_status(self, record: FeedbackDraft | None) -> None:
        with QSignalBlocker(self.status), QSignalBlocker(self.delivered_on):
            self.status.setCurrentIndex(max(self.status.findData(record.status if record
                                                                 else "draft"), 0))
            day = record.delivered_on if record and record.delivered_on else dt.date.today()
            self.delivered_on.setDate(QDate(day.year, day.month, day.day))
        delivered = record is not None and record.status == "delivered"
        self.on_label.setVisible(delivered)
        self.delivered_on.setVisible(delivered)

    # -- edits outside the form ------------------------------------------------------------------
    def _recipient_chosen(self, person_id: int | None) -> None:
        if person_id is None:
            return
        if self.pending_new:
            self.pending_new = False
            self.new_prompt.hide()
            self.create_requested.emit(person_id, self.polarity.currentData())
        elif self.record is not None and person_id != self.record.recipient_id:
            self._write(recipient_id=person_id)

    def _recipient_edited(self) -> None:
        """Leaving the name field confirms a typed name, as Enter does; an emptied field goes
        back to the current recipient (a draft always has one)."""
        if not self.picker.isEnabled():
            return
        if not self.picker.typed_name():
            if self.record is not None:
                self.picker.set_person(self.record.recipient_id)
            return
        if self.pending_new or self.record is not None:
            self._recipient_chosen(self.picker.person_id())

    def _set_status(self, status: str, today: bool = False) -> None:
        if self.record is None or not self.writable:
            return
        if today:
            with QSignalBlocker(self.delivered_on):
                self.delivered_on.setDate(QDate.currentDate())
        day = self.delivered_on.date().toPython() if status == "delivered" else None
        self._write(status=status, delivered_on=day)

    def _delivered_date_changed(self, _date: QDate) -> None:
        if self.record is not None and self.record.status == "delivered":
            self._write(delivered_on=self.delivered_on.date().toPython())

    def _write(self, **values: object) -> None:
        self.ctx.saver.flush()  # typed text first, so the change below lands on the latest
        try:
            record = self.ctx.journal.update("feedback_draft", self.record.id,
                                             initiator=self.form, **values)
        except JournalError as error:
            self.ctx.status(str(error))
            return
        self.form.record = record
        self._show_status(record)
        self._update_enabled()

    # -- the coach -------------------------------------------------------------------------------
    def texts(self) -> dict[str, str]:
        return {part: edit.toPlainText() for part, edit in self.parts.items()}

    def run_coach(self) -> None:
        texts = self.texts()
        if self.record is None or not any(t.strip() for t in texts.values()):
            self.hints = []
            self.panel.show_intro()
        else:
            self.hints = coach.coach(texts["situation"], texts["behavior"], texts["impact"])
            self.panel.show_hints(self.hints)
        self._highlight()

    def _highlight(self) -> None:
        color = self.palette().color(QPalette.ColorRole.Link)
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(color)
        soft = QColor(color)
        soft.setAlpha(64)
        fmt.setBackground(soft)
        for part, edit in self.parts.items():
            text = edit.toPlainText()
            selections = []
            for hint in self.hints:
                if hint.part != part or hint.start is None or hint.end is None:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(utf16_offset(text, hint.start))
                cursor.setPosition(utf16_offset(text, hint.end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
            edit.setExtraSelections(selections)

    def select_hint(self, hint: object) -> None:
        """Put the cursor on the words a hint is about (or at the end of its part)."""
        edit = self.parts.get(hint.part)
        if edit is None:
            return
        text = edit.toPlainText()
        cursor = edit.textCursor()
        if hint.start is None or hint.end is None:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            cursor.setPosition(utf16_offset(text, hint.start))
            cursor.setPosition(utf16_offset(text, hint.end), QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- copy --------------------------------------------------------------------------------
    def message(self) -> str:
        texts = self.texts()
        name = ""
        if self.record is not None and self.ctx is not None:
            try:
                name = self.ctx.journal.get("person", self.record.recipient_id).name
            except JournalError:
                name = ""
        return coach.as_message(texts["situation"], texts["behavior"], texts["impact"], name,
                                self.polarity.currentData())

    def copy_as_message(self) -> None:
        if self.record is None:
            return
        QGuiApplication.clipboard().setText(self.message())
        if self.ctx is not None:
            self.ctx.status(tr("Copied. Paste it wherever you talk with them."))
