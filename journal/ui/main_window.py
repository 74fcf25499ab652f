"""The main window: a sidebar of areas, one page per area, menus, and the saved indicator."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

# Classes only a menu command or dialog needs are reached through their module (QtWidgets.
# QMessageBox, ...): PySide6 creates each class on first use, 0.4 to 1.5 ms apiece, and none of
# them is needed before the first paint.
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.paths import sample_journal
from journal.store.errors import JournalError
from journal.store.journal import Journal
from journal.ui import theme
from journal.ui.autosave import AutoSaver
from journal.ui.change_feed import ChangeFeed
from journal.ui.context import PageContext, UndoList
from journal.ui.due.wiring import add_menu_actions as add_due_actions
from journal.ui.navigation import BackBar, show_count
from journal.ui.pages import DEFAULT_PAGE, PAGES, PageSpec, spec_for_kind
from journal.ui.pages.base import Page
from journal.ui.search import install_search
from journal.ui.widgets.screen import resize_within_screen
from journal.ui.window_files import JournalFiles

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


def _key_sequences(shortcut: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The one key sequence `setShortcut(QKeySequence(shortcut))` would set, as a list.

    Actions take it through `setShortcuts(list)`: PySide6 picks among `setShortcut`'s overloads by
    building its whole `Qt` namespace (about 10 ms), which start-up otherwise never needs before
    the first paint. For a standard key, the first of the platform's bindings, as before.
    """
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)[:1]
    return [QKeySequence(shortcut)]


class MainWindow(JournalFiles, QMainWindow):
    journal_opened = Signal(object)  # Journal | None
    first_paint_with_data = Signal()

    def __init__(self, settings: QSettings, home_path: Path, *, actions_later: bool = False):
        """`actions_later`: the menus get their titles now and their actions (and so the
        keyboard shortcuts) when `add_menu_actions` is called; start-up calls it right after
        the first paint, which the twenty actions would delay by about 2 ms."""
        super().__init__()
        self.settings = settings
        self.home_path = home_path  # the user's own journal; "Back to my journal" returns here
        self.journal: Journal | None = None
        self.feed = ChangeFeed(self)
        self.saver = AutoSaver(self)
        self.undo_list = UndoList(self)
        self.pages: dict[str, Page] = {}
        self._slots: dict[str, QWidget] = {}
        self._current_key = DEFAULT_PAGE

        self._build_body()
        self._build_menus()
        if not actions_later:
            self.add_menu_actions()
        self._build_status_bar()
        resize_within_screen(self, 1100, 720)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._update_title()

    # -- building --------------------------------------------------------------------------------
    def _build_body(self) -> None:
        self.sidebar = QListWidget()
        theme.style(self.sidebar, "sidebar")
        self.sidebar.setAccessibleName(self.tr("Areas"))
        for index, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(spec.title())  # row i shows PAGES[i]
            keys = QKeySequence(f"Ctrl+{index}").toString(
                QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{spec.title()}  ({keys})")
            self.sidebar.addItem(item)
        self.sidebar.setMinimumWidth(150)
        self.sidebar.currentRowChanged.connect(self._sidebar_row_changed)
        self.sidebar.itemClicked.connect(lambda _item: self._sync_sidebar())

        self.stack = QStackedWidget()
        for spec in PAGES:
            slot = QWidget()
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots[spec.key] = slot
            self.stack.addWidget(slot)

        self.banner = QFrame()
        theme.style(self.banner, "banner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton()
        self.banner_button.clicked.connect(self.back_to_my_journal)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 8, 16, 8)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner.hide()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        self.back_bar = BackBar(self)
        right_layout.addWidget(self.back_bar)
        right_layout.addWidget(self.stack, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 920])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _action(self, text: str, slot,
                shortcut: QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(_key_sequences(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._menus = {name: bar.addMenu(title) for name, title in (
            ("file", self.tr("&File")), ("edit", self.tr("&Edit")), ("view", self.tr("&View")),
            ("help", self.tr("&Help")))}
        self.menu_actions_added = False

    def add_menu_actions(self) -> None:
        """Fill the menus (once)."""
        if self.menu_actions_added:
            return
        self.menu_actions_added = True
        file_menu = self._menus["file"]
        self.new_action = self._action(self.tr("&New journal…"), self.new_journal_dialog,
                                       "Ctrl+Shift+N")
        self.open_action = self._action(self.tr("&Open journal…"), self.open_journal_dialog,
                                        QKeySequence.StandardKey.Open)
        self.sample_action = self._action(self.tr("Open &sample journal"), self.open_sample)
        self.back_action = self._action(self.tr("&Back to my journal"), self.back_to_my_journal)
        self.location_action = self._action(self.tr("Show journal file &location"),
                                            self.show_location)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.new_action, self.open_action, None, self.sample_action,
                       self.back_action, None, self.location_action, None, quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        from journal.ui.prep import install_actions  # Prepare 1:1…, Export…, Import…
        install_actions(self)

        edit_menu = self._menus["edit"]
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_list.changed.connect(self._update_undo_action)
        edit_menu.addAction(self.undo_action)
        self.preferences_action = self._action(self.tr("&Preferences…"), self.show_preferences,
                                               QKeySequence.StandardKey.Preferences)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcuts(_key_sequences("Ctrl+,"))
        edit_menu.addSeparator()
        install_search(self, edit_menu)  # Ctrl+K
        edit_menu.addAction(self.preferences_action)

        view_menu = self._menus["view"]
        self.page_actions: dict[str, QAction] = {}
        for index, spec in enumerate(PAGES, start=1):
            action = self._action(spec.title(), lambda _c=False, k=spec.key: self.show_page(k),
                                  f"Ctrl+{index}")
            self.page_actions[spec.key] = action
            self.addAction(action)  # shortcuts work even with the menu bar hidden
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.back_bar.action())
        view_menu.addSeparator()
        appearance = view_menu.addMenu(self.tr("&Appearance"))
        labels = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                  "dark": self.tr("Dark")}
        self.appearance_actions: dict[str, QAction] = {}
        current = self.settings.value("appearance", "system")
        # One choice of three: an exclusive group, which menus draw as radio items.
        self.appearance_group = QtGui.QActionGroup(self)
        self.appearance_group.setExclusionPolicy(
            QtGui.QActionGroup.ExclusionPolicy.Exclusive)
        for mode in theme.MODES:
            action = self._action(labels[mode], lambda _c=False, m=mode: self.set_appearance(m))
            action.setCheckable(True)
            action.setChecked(mode == current)
            self.appearance_group.addAction(action)
            self.appearance_actions[mode] = action
            appearance.addAction(action)

        add_due_actions(self)
        help_menu = self._menus["help"]
        about = self._action(self.tr("&About Leadership Journal"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)
        self._update_title()
        self._update_undo_action()

    def _build_status_bar(self) -> None:
        self.saved_indicator = QLabel()
        theme.style(self.saved_indicator, "savedIndicator")
        self.statusBar().addPermanentWidget(self.saved_indicator)
        self._saved_fade = QTimer(self)
        self._saved_fade.setSingleShot(True)
        self._saved_fade.setInterval(2500)
        self._saved_fade.timeout.connect(lambda: self.saved_indicator.setText(""))
        self.saver.saving.connect(lambda: self._set_saved_text(self.tr("Editing…"), fade=False))
        self.saver.saved.connect(lambda: self._set_saved_text(self.tr("Saved")))
        self.saver.failed.connect(self._save_failed)

    def _set_saved_text(self, text: str, fade: bool = True) -> None:
        self.saved_indicator.setText(text)
        if fade:
            self._saved_fade.start()
        else:
            self._saved_fade.stop()

    def _save_failed(self, message: str) -> None:
        self._set_saved_text(self.tr("Not saved"), fade=False)
        self.statusBar().showMessage(message, 10000)

    # -- pages -----------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page for `key`, created (and its module imported) on first use."""
        page = self.pages.get(key)
        if page is None:
            spec = next(s for s in PAGES if s.key == key)
            page = spec.load()()
            page.setObjectName(f"page_{key}")
            self._slots[key].layout().addWidget(page)
            self.pages[key] = page
            self._wire_page(spec, page)
            self.settings.beginGroup(f"pages/{key}")
            page.restore_state(self.settings)
            self.settings.endGroup()
            page.set_context(self._context())
        return page

    def _wire_page(self, spec: PageSpec, page: Page) -> None:
        if hasattr(page, "open_sample_requested"):
            page.open_sample_requested.connect(self.open_sample)
        if hasattr(page, "go_to_page_requested"):
            page.go_to_page_requested.connect(self.show_page)
        if hasattr(page, "prepare_requested"):  # Prepare 1:1… with a person on the page
            from journal.ui.prep import open_prep
            page.prepare_requested.connect(lambda pid: open_prep(self, self._context(), pid))
        if hasattr(page, "open_gaps_changed"):
            row = PAGES.index(spec)
            page.open_gaps_changed.connect(
                lambda n, r=row: show_count(self.sidebar, r, PAGES[r].title(), n))
        if hasattr(page, "greeting_shown"):
            page.greeting_shown.connect(lambda _shown: self._sync_sidebar())

    def show_page(self, key: str, *, keep_history: bool = False) -> Page:
        """Choosing a page (sidebar, Ctrl+number) starts afresh: Back only returns from records
        opened elsewhere (`keep_history`)."""
        self.saver.flush()
        if not keep_history:
            self.back_bar.clear()
        page = self.page(key)
        self._current_key = key
        self.stack.setCurrentWidget(self._slots[key])
        self._sync_sidebar()
        self.back_bar.update_for(key)
        return page

    def page_title(self, key: str) -> str:
        return next(s for s in PAGES if s.key == key).title()

    def _sync_sidebar(self) -> None:
        """Highlight the page shown; nothing while the greeting shows, which is no area's page
        (a new user saw "Checklist" chosen under a welcome). The current row stays on the page
        either way: a list with no current row takes its first row on focus, and that would
        switch pages."""
        page = self.pages.get(self._current_key)
        greeting = bool(getattr(page, "showing_welcome", False))
        row = next(i for i, s in enumerate(PAGES) if s.key == self._current_key)
        self.sidebar.blockSignals(True)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        if greeting:
            self.sidebar.clearSelection()
        else:
            self.sidebar.item(row).setSelected(True)
        self.sidebar.blockSignals(False)

    @property
    def current_page_key(self) -> str:
        return self._current_key

    def _sidebar_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row].key)

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> bool:
        """Open a record on its page (PAGES says which), with the cursor in `field` where the
        page can. False, and nothing changes, while that page is still a placeholder."""
        from journal.ui.pages.base import AboutToComePage

        spec = spec_for_kind(kind)
        if spec is None or issubclass(spec.load(), AboutToComePage):
            return False
        self.back_bar.opened_from(self._current_key, spec.key)
        self.show_page(spec.key, keep_history=True).show_record(kind, record_id, field)
        return True

    def go_back(self) -> bool:
        return self.back_bar.go_back()

    def _context(self) -> PageContext | None:
        if self.journal is None:
            return None
        return PageContext(journal=self.journal, feed=self.feed, saver=self.saver,
                           undo=self.undo_list, show_record=self.show_record,
                           status=lambda text: self.statusBar().showMessage(text, 5000))

    # -- journals (opening them: JournalFiles) ---------------------------------------------------
    def set_journal(self, journal: Journal) -> None:
        """Show `journal`, closing the one shown before (after saving what is pending)."""
        self.saver.flush()
        old, self.journal = self.journal, journal
        self.undo_list.clear()
        self.back_bar.clear()
        self.feed.attach(journal)
        ctx = self._context()
        for page in self.pages.values():
            page.set_context(ctx)
        if old is not None and old is not journal:
            old.close()
        # The sidebar counts open gaps from the first moment, whichever page shows.
        self.page("checklist")
        self.back_bar.update_for(self._current_key)
        if journal.path != sample_journal():
            self.home_path = journal.path
            self.settings.setValue("journal/last", str(journal.path))
        self._update_title()
        self._update_banner()
        self.journal_opened.emit(journal)
        if journal.backup_path is not None:
            self.statusBar().showMessage(self.tr("Updated this journal to the current format; "
                                                 "a copy of the old one is at %s")
                                         % journal.backup_path, 15000)

    # -- small things ----------------------------------------------------------------------------
    def _update_undo_action(self) -> None:
        if not self.menu_actions_added:
            return
        label = self.undo_list.label()
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(self.tr("&Undo %s") % label if label else self.tr("&Undo"))

    def undo(self) -> None:
        self.saver.flush()
        try:
            if self.undo_list.undo():
                self.statusBar().showMessage(self.tr("Undone"), 3000)
        except (JournalError, ValueError) as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Cannot undo"), str(error))

    def set_appearance(self, mode: str) -> None:
        from PySide6.QtWidgets import QApplication

        theme.apply(QApplication.instance(), mode)
        self.settings.setValue("appearance", mode)
        for key, action in self.appearance_actions.items():
            action.setChecked(key == mode)

    def show_about(self) -> None:
        from journal.ui.dialogs import AboutDialog

        AboutDialog(self.journal, self).exec()

    def show_preferences(self) -> None:
        if self.journal is None:
            return
        from journal.ui.preferences import PreferencesDialog

        PreferencesDialog(self._context(), self).exec()

    # -- closing ---------------------------------------------------------------------------------
    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page", self._current_key)
        for key, page in self.pages.items():
            self.settings.beginGroup(f"pages/{key}")
            page.save_state(self.settings)
            self.settings.endGroup()
        self.settings.sync()
        with contextlib.suppress(OSError):  # readable by the user alone (see settings_store)
            os.chmod(self.settings.fileName(), 0o600)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.saver.flush():
            answer = QtWidgets.QMessageBox.question(
                self, self.tr("Some changes were not saved"),
                self.tr("Some changes could not be saved (the status bar says why). "
                        "Close anyway?"))
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_layout()
        if self.journal is not None:
            self.feed.attach(None)
            self.journal.close()
            self.journal = None
        event.accept()
