"""Opening journals from the main window: the user's own, another file, the sample, a new one;
and what the title and the banner say about the journal shown. A mixin of `MainWindow`, which
provides `journal`, `home_path`, `settings`, `set_journal`, `show_page`, `_current_key` and
`menu_actions_added`."""

from __future__ import annotations

from pathlib import Path

# Classes only a menu command or dialog needs are reached through their module (QtWidgets.
# QMessageBox, ...): PySide6 creates each class on first use, and none is needed before the
# first paint.
from PySide6 import QtCore, QtGui, QtWidgets

from journal import APP_NAME
from journal.ops.journals import open_sample_journal
from journal.paths import sample_journal
from journal.store.errors import JournalError
from journal.store.journal import Journal, open_journal
from journal.store.opening import needs_migration


class JournalFiles:
    """File ▸ New, Open, Open sample, Back to my journal, Show location; the title; the
    banner over the sample or a read-only journal."""

    @property
    def is_sample(self) -> bool:
        return self.journal is not None and self.journal.path == sample_journal()

    def try_open(self, path: Path, *, sample: bool = False) -> bool:
        """Open the journal at `path`, or explain calmly why not and keep the current one."""
        if self.journal is not None and Path(path).resolve() == self.journal.path.resolve():
            return True
        def opener() -> Journal:
            return open_sample_journal(path) if sample else open_journal(path)

        try:
            if sample or needs_migration(path):
                # Writing the sample or migrating a big journal can take a while: off the UI
                # thread, with progress if it is slow.
                from journal.ui.background import run_with_progress

                label = (self.tr("Preparing the sample journal…") if sample
                         else self.tr("Updating this journal to the new format…"))
                journal = run_with_progress(self, label, opener)
            else:
                journal = opener()
        except JournalError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Cannot open this journal"), str(error))
            return False
        except OSError as error:
            QtWidgets.QMessageBox.warning(self, self.tr("Cannot open this journal"),
                                self.tr("%s could not be opened: %s") % (path, error.strerror))
            return False
        self.set_journal(journal)
        return True

    def open_sample(self) -> bool:
        """Open the sample journal; from the greeting or the checklist, on its Mentoring page,
        where the sample has the most to show."""
        if not self.try_open(sample_journal(), sample=True):
            return False
        if self._current_key == "checklist":
            self.show_page("mentoring")
        return True

    def back_to_my_journal(self) -> bool:
        return self.try_open(self.home_path)

    def new_journal_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("New journal"), str(self.home_path.parent / "journal.sqlite3"),
            self.tr("Leadership journals (*.sqlite3 *.db);;All files (*)"))
        if path:
            target = Path(path)
            if target.exists() and target.stat().st_size > 0:
                QtWidgets.QMessageBox.information(self, self.tr("Choose a new file"), self.tr(
                    "%s already exists. A new journal needs a new file name, so nothing in the "
                    "existing file is replaced.") % target)
                return
            self.try_open(target)

    def open_journal_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open journal"), str(self.home_path.parent),
            self.tr("Leadership journals (*.sqlite3 *.db);;All files (*)"))
        if path:
            self.try_open(Path(path))

    def show_location(self) -> None:
        if self.journal is None:
            return
        folder = QtCore.QUrl.fromLocalFile(str(self.journal.path.parent))
        if not QtGui.QDesktopServices.openUrl(folder):
            QtWidgets.QMessageBox.information(self, self.tr("Journal file"), str(self.journal.path))

    def _update_title(self) -> None:
        if self.journal is None:
            self.setWindowTitle(APP_NAME)
        elif self.is_sample:
            self.setWindowTitle(self.tr("Sample journal — %s") % APP_NAME)
        else:
            suffix = self.tr(" (read-only)") if self.journal.read_only else ""
            self.setWindowTitle(f"{self.journal.path.name}{suffix} — {APP_NAME}")
        if self.menu_actions_added:
            self.back_action.setEnabled(self.is_sample)

    def _update_banner(self) -> None:
        if self.is_sample:
            self.banner_text.setText(self.tr(
                "You are looking at the sample journal. It is a separate file: nothing you do "
                "here touches your own journal."))
            self.banner_button.setText(self.tr("Back to my journal"))
            # Out of the Tab chain: Tab past a page's last field wrapped round to it, and one
            # Space then left the sample unasked. Keyboard users have File > Back to my journal.
            # (Set here, not when built: the Qt namespace costs start-up about 10 ms.)
            self.banner_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
            self.banner_button.show()
            self.banner.show()
        elif self.journal is not None and self.journal.read_only:
            self.banner_text.setText(self.tr(
                "This journal is read-only: you can read everything, but changes cannot be "
                "saved. Copy the file somewhere you can write to, then open the copy."))
            self.banner_button.hide()
            self.banner.show()
        else:
            self.banner.hide()
