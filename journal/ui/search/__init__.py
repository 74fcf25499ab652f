"""The Ctrl+K search box over the whole journal.

Only `install_search` is imported with the main window; the box itself (and the store's search
code) when it is first opened, so start-up pays for one action.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

SHORTCUT = "Ctrl+K"


def install_search(window, menu=None) -> QAction:
    """Give `window` (a MainWindow) its Ctrl+K action: it opens one search box, kept for the
    window's life, that opens records through `window.show_record`. `window.search_box()` is
    that box (None until first opened)."""
    action = QAction(window.tr("&Search the journal…"), window)
    action.setShortcuts([QKeySequence(SHORTCUT)])
    box: list = []

    def open_box() -> None:
        if window.journal is None:
            return
        if not box:
            from journal.ui.search.dialog import SearchDialog

            box.append(SearchDialog(lambda: window.journal, window.show_record, window))
            # Another journal opened while the box is kept: its results, not the last one's.
            window.journal_opened.connect(lambda _journal: box[0].journal_changed())
        box[0].start()

    action.triggered.connect(open_box)
    window.addAction(action)  # the shortcut works with the menu bar hidden too
    if menu is not None:
        menu.addAction(action)
    window.search_action = action
    window.search_box = lambda: box[0] if box else None
    return action
