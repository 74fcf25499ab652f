"""The retro editor: subject, kind, date and notes, and the Continue / Start / Stop buckets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.kinds import RETRO_ITEM
from journal.domain.records import RETRO_BUCKETS, RETRO_KINDS, Retro
from journal.ops.deleting import delete_record
from journal.store.errors import JournalError
from journal.store.retros import bucket_items, insert_item, move_item, place_items
from journal.ui import theme
from journal.ui.feedback.bucket_list import ITEM_ID, BucketList
from journal.ui.feedback.shared import tr
from journal.ui.forms import FormEditor, RecordForm
from journal.ui.widgets.text import follow_text_direction


def kind_label(kind: str) -> str:
    return {"project": tr("Project"), "sprint": tr("Sprint"), "rotation": tr("On-call rotation"),
            "other": tr("Other")}.get(kind, kind)


def bucket_title(bucket: str) -> str:
    return {"continue": tr("&Continue"), "start": tr("St&art"), "stop": tr("Sto&p")}[bucket]


def bucket_prompt(bucket: str) -> str:
    return {"continue": tr("What worked and should keep happening?"),
            "start": tr("What was missing and is worth adding?"),
            "stop": tr("What cost time or did harm?")}[bucket]


class RetroEditor(FormEditor):
    record_kind = "retro"

    follow_up_requested = Signal(str, int)  # "feedback" or "goal", retro item id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._last_bucket = "continue"
        self._build()

    def _build(self) -> None:
        self.subject = QLineEdit()
        self.subject.setObjectName("retroSubject")
        self.subject.setPlaceholderText(tr("What was it? e.g. “Q3 storage migration”"))
        self.kind = QComboBox()
        for value in RETRO_KINDS:
            self.kind.addItem(kind_label(value), value)
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        # The subject has a line of its own: in a narrow window it keeps room to be read.
        top = QGridLayout()
        for row, column, text, widget in ((0, 0, tr("S&ubject:"), self.subject),
                                          (1, 0, tr("&Kind:"), self.kind),
                                          (1, 2, tr("&Held on:"), self.held_on)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label, row, column)
            top.addWidget(widget, row, column + 1, 1, 4 if row == 0 else 1)
        top.setColumnStretch(4, 1)

        self.buckets: dict[str, BucketList] = {}
        columns = QHBoxLayout()
        for bucket in RETRO_BUCKETS:
            bucket_list = BucketList(bucket)
            bucket_list.setAccessibleName(bucket_title(bucket).replace("&", ""))
            bucket_list.setToolTip(tr("Enter adds an item · F2 edits · Alt+↑ / Alt+↓ moves · "
                                      "Delete removes"))
            bucket_list.text_committed.connect(
                lambda item, b=bucket: self._commit(b, item))
            bucket_list.move_requested.connect(self._move)
            bucket_list.order_dropped.connect(self._dropped)
            bucket_list.delete_requested.connect(self._delete_item)
            bucket_list.currentItemChanged.connect(lambda *_a, b=bucket: self._focus_bucket(b))
            bucket_list.focused.connect(lambda b=bucket: self._focus_bucket(b))
            title = QLabel(bucket_title(bucket))
            theme.style(title, "sectionHeading")
            title.setBuddy(bucket_list)
            prompt = QLabel(bucket_prompt(bucket))
            theme.style(prompt, "hint")
            prompt.setWordWrap(True)
            # Two lines for every prompt, so the three lists start at the same height.
            prompt.setMinimumHeight(prompt.fontMetrics().lineSpacing() * 2)
            prompt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            add = QPushButton(tr("Add item"))
            add.setToolTip(tr("Or press Enter in the list"))
            add.clicked.connect(lambda _c=False, bl=bucket_list: self._add(bl))
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(prompt)
            box.addWidget(bucket_list, 1)
            box.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
            columns.addLayout(box, 1)
            self.buckets[bucket] = bucket_list
            setattr(self, f"add_{bucket}", add)
            self._add_menu(bucket_list)

        self.to_feedback = QPushButton(tr("Turn into &feedback…"))
        self.to_feedback.setToolTip(tr("Start a feedback draft for someone from the chosen item"))
        self.to_feedback.clicked.connect(lambda: self._follow_up("feedback"))
        self.to_goal = QPushButton(tr("Turn into a &goal…"))
        self.to_goal.setToolTip(tr("Give someone you mentor a goal from the chosen item"))
        self.to_goal.clicked.connect(lambda: self._follow_up("goal"))
        actions = QHBoxLayout()
        actions.addWidget(QLabel(tr("Chosen item:")))
        actions.addWidget(self.to_feedback)
        actions.addWidget(self.to_goal)
        actions.addStretch(1)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(tr("Anything else worth remembering about it"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        follow_text_direction(self.notes)
        notes_label = QLabel(tr("N&otes"))
        notes_label.setBuddy(self.notes)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addLayout(actions)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes)
        order = [self.subject, self.kind, self.held_on, *self.buckets.values(),
                 self.to_feedback, self.to_goal, self.notes]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    def _add_menu(self, bucket_list: BucketList) -> None:
        """Right-click on an item offers what the keys and buttons do."""
        entries = ((tr("Turn into feedback…"), lambda: self._follow_up("feedback")),
                   (tr("Turn into a goal…"), lambda: self._follow_up("goal")),
                   (tr("Delete item"), lambda bl=bucket_list: self._delete_current(bl)))
        for text, slot in entries:
            action = QAction(text, bucket_list)
            action.triggered.connect(slot)
            bucket_list.addAction(action)
        bucket_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _delete_current(self, bucket_list: BucketList) -> None:
        item_id = bucket_list.current_id()
        if item_id is not None:
            self._delete_item(item_id)

    # -- journal and record ----------------------------------------------------------------------
    def bind_fields(self, form: RecordForm) -> None:
        form.bind("subject", self.subject)
        form.bind("retro_kind", self.kind)
        form.bind("held_on", self.held_on)
        form.bind("notes", self.notes)

    def load(self, record: Retro | None) -> None:
        if self.form is not None:
            self.form.load(record)
        self.reload_items()

    def refresh_from_store(self) -> None:
        if self.reload_record() is not None:
            self.reload_items()

    def reload_items(self, current: int | None = None) -> None:
        editable = self.record is not None and self.writable
        for bucket, bucket_list in self.buckets.items():
            items = (bucket_items(self.ctx.journal, self.record.id, bucket)
                     if self.record is not None else [])
            keep = current if current is not None else bucket_list.current_id()
            bucket_list.set_items(items, keep)
            bucket_list.set_editable(editable)
            bucket_list.setEnabled(self.record is not None)
            getattr(self, f"add_{bucket}").setEnabled(editable)
        self._show_chosen()
        self._update_follow_up()

    def select_item(self, item_id: int) -> bool:
        for bucket, bucket_list in self.buckets.items():
            if bucket_list.select_id(item_id):
                self._last_bucket = bucket
                bucket_list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def chosen_item_id(self) -> int | None:
        return self.buckets[self._last_bucket].current_id()

    # -- item edits ------------------------------------------------------------------------------
    def _add(self, bucket_list: BucketList) -> None:
        bucket_list.setFocus(Qt.FocusReason.OtherFocusReason)
        bucket_list.add_after_current()

    def _commit(self, bucket: str, item: QListWidgetItem) -> None:
        """Store what was typed into an item. The list is not rebuilt here: its editor may still
        be closing, so the item is updated in place."""
        if self.record is None or not self.writable:
            return
        bucket_list = self.buckets[bucket]
        item_id = item.data(ITEM_ID)
        text = " ".join(item.text().split())
        journal = self.ctx.journal
        try:
            if item_id is None:
                if text:
                    stored = insert_item(journal, self.record.id, bucket,
                                         bucket_list.stored_index(item), text, initiator=self)
                    bucket_list.set_item_id(item, stored.id, text)
            elif not text:
                # Emptying an item removes it; later, so its editor can finish closing first.
                QTimer.singleShot(0, lambda: self._delete_item(item_id))
            else:
                journal.update("retro_item", item_id, initiator=self, text=text)
                bucket_list.set_item_id(item, item_id, text)
        except JournalError as error:
            self.ctx.status(str(error))
            QTimer.singleShot(0, self.reload_items)
        self._update_follow_up()

    def _move(self, item_id: int, delta: int) -> None:
        if self.record is None or not self.writable:
            return
        move_item(self.ctx.journal, item_id, delta, initiator=self)
        self.reload_items()
        self.select_item(item_id)

    def _dropped(self, ids: list) -> None:
        if self.record is not None and self.writable:
            place_items(self.ctx.journal, ids, initiator=self)

    def _delete_item(self, item_id: int) -> None:
        if self.record is None or not self.writable:
            return
        journal = self.ctx.journal
        text = journal.get(RETRO_ITEM, item_id).text
        self.ctx.saver.flush()
        done = delete_record(journal, RETRO_ITEM, item_id, initiator=self)
        short = text if len(text) <= 40 else text[:39] + "…"

        def undo() -> None:
            done.undo()
            self.ctx.show_record(RETRO_ITEM, item_id)

        self.ctx.undo.push(tr("delete “%1”").replace("%1", short), undo)
        self.ctx.status(tr("Item deleted. Ctrl+Z brings it back."))
        self.reload_items()

    # -- follow-ups ------------------------------------------------------------------------------
    def _focus_bucket(self, bucket: str) -> None:
        self._last_bucket = bucket
        self._show_chosen()
        self._update_follow_up()

    def _show_chosen(self) -> None:
        """Only the chosen bucket (the one last used) shows its current item highlighted, so
        it is plain which item "Turn into…" takes; the others keep their place, unmarked."""
        for bucket, bucket_list in self.buckets.items():
            item = bucket_list.currentItem()
            if bucket != self._last_bucket:
                bucket_list.clearSelection()
            elif item is not None and not item.isSelected():
                item.setSelected(True)

    def _update_follow_up(self) -> None:
        has_item = self.record is not None and self.chosen_item_id() is not None
        for button in (self.to_feedback, self.to_goal):
            button.setEnabled(has_item and self.writable)

    def _follow_up(self, what: str) -> None:
        if not self.writable:
            return
        item_id = self.chosen_item_id()
        if item_id is not None:
            self.follow_up_requested.emit(what, item_id)
