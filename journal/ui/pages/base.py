"""The base of every page in the main window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from journal.store.changes import Changes
from journal.ui import theme
from journal.ui.context import PageContext


class Page(QWidget):
    """A page shows one area of the journal.

    Subclasses set `kinds` (the record kinds they can open) and override `journal_changed`
    (a new journal was opened: rebuild), `on_changes` (records changed: refresh what shows them)
    and `show_record`. `ctx` is None until a journal is open.
    """

    kinds: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx: PageContext | None = None

    def set_context(self, ctx: PageContext | None) -> None:
        if self.ctx is not None:
            self.ctx.feed.changed.disconnect(self._relay_changes)
        self.ctx = ctx
        if ctx is not None:
            ctx.feed.changed.connect(self._relay_changes)
        self.journal_changed()

    def _relay_changes(self, changes: Changes) -> None:
        self.on_changes(changes)

    def journal_changed(self) -> None:
        """A journal was opened (or closed, when ctx is None): show its data."""

    def on_changes(self, changes: Changes) -> None:
        """Records changed somewhere; refresh what this page shows of them."""

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        """Select and show one record of a kind listed in `kinds`; with `field`, put the cursor
        in the widget that edits it where the page can (the checklist's gaps name one)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember splitter positions and the like (settings is in this page's group)."""

    def restore_state(self, settings: QSettings) -> None:
        """Restore what `save_state` wrote."""


class AboutToComePage(Page):
    """A page whose area a later release fills: says plainly what will live there."""

    def heading(self) -> str:
        return ""

    def body(self) -> str:
        return ""

    def __init__(self, parent: QWidget | None = None):
        # Imported here: PySide6 builds all ~130 enums of the `Qt` namespace on first use
        # (about 10 ms), and the opening page and main window paint without it.
        from PySide6.QtCore import Qt

        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        title = QLabel(self.heading())
        theme.style(title, "pageHeading")
        text = QLabel(self.body())
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setMaximumWidth(640)
        for label in (title, text):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
