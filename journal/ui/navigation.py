"""Going Back: the pages a record was opened from (the Checklist, mostly), the bar with the one
button that returns there, and Alt+Left (View → Back), which does the same from anywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QPushButton

DEPTH = 20  # how many steps Back remembers


class BackBar(QFrame):
    """Shown while there is somewhere to go back to. `window` is the main window: it shows pages
    (`show_page(key, keep_history=True)`) and names them (`page_title(key)`)."""

    def __init__(self, window: Any):
        super().__init__()
        self.setObjectName("backBar")
        self.window_ = window
        self.history: list[str] = []  # page keys, the latest last
        self.back_action: QAction | None = None
        self.button = QPushButton()
        self.button.setObjectName("backButton")
        self.button.clicked.connect(self.go_back)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 0)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.hide()

    def action(self) -> QAction:
        """View → Back (Alt+Left), made when the menus are filled."""
        self.back_action = QAction(self.tr("&Back"), self.window_)
        self.back_action.setShortcuts([QKeySequence("Alt+Left")])
        self.back_action.triggered.connect(self.go_back)
        self.window_.addAction(self.back_action)  # works with the menu bar hidden too
        self.update_for(self.window_.current_page_key)
        return self.back_action

    def opened_from(self, key: str, target: str) -> None:
        """A record on page `target` was opened from page `key`."""
        if key != target:
            self.history = [*self.history[-(DEPTH - 1):], key]

    def clear(self) -> None:
        self.history.clear()

    def go_back(self) -> bool:
        """Return to the page a record was opened from, as it was left."""
        if not self.history:
            return False
        page = self.window_.show_page(self.history.pop(), keep_history=True)
        if hasattr(page, "came_back"):
            page.came_back()
        return True

    def update_for(self, current_key: str) -> None:
        target = self.history[-1] if self.history else None
        if target is not None and target != current_key:
            title = self.window_.page_title(target)
            self.button.setText(self.tr("← Back to %1").replace("%1", title))
            self.button.setToolTip(self.tr("Return where you were (Alt+Left)"))
            self.show()
        else:
            self.hide()
        if self.back_action is not None:
            self.back_action.setEnabled(target is not None)


def show_count(sidebar: QListWidget, row: int, title: str, count: int) -> None:
    """A number beside a page's name in the sidebar (the Checklist's open gaps)."""
    from PySide6.QtCore import Qt

    item = sidebar.item(row)
    item.setText(f"{title}  ({count:,})" if count > 0 else title)
    item.setData(Qt.ItemDataRole.AccessibleTextRole,
                 sidebar.tr("%1, %2 open gaps").replace("%1", title).replace("%2", str(count))
                 if count > 0 else title)
