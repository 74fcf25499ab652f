"""The app shell as a user meets it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.pages import PAGES


def test_new_journal_greets_with_the_sample_one_click_away(window, qtbot):
    page = window.page("checklist")
    assert page.showing_welcome
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert window.is_sample
    assert "Sample journal" in window.windowTitle()
    assert window.banner.isVisible()
    assert not window.page("checklist").showing_welcome


def test_every_page_reachable_by_shortcut_and_by_click(window, qtbot):
    for index, spec in enumerate(PAGES, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key == spec.key
        assert window.stack.currentWidget().isVisible()
    for row, spec in enumerate(PAGES):
        item = window.sidebar.item(row)
        rect = window.sidebar.visualItemRect(item)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key == spec.key


def test_geometry_splitter_and_last_page_are_remembered(window, qtbot, journal_path):
    from journal.ui.app import settings_store
    from journal.ui.main_window import MainWindow

    window.resize(720, 560)  # inside the 800x600 offscreen screen
    window.show_page("decisions")  # a page narrow enough to leave the splitter where it is put
    window.splitter.setSizes([200, 516])
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] == 200)
    sizes = window.splitter.sizes()
    window.close()

    again = MainWindow(settings_store(), home_path=journal_path)
    qtbot.addWidget(again)
    assert settings_store().value("window/page") == "decisions"
    again.show_page("decisions")  # as start-up shows the last page
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (720, 560)
    assert again.splitter.sizes() == sizes


def test_an_edit_is_stored_after_the_debounce(window, qtbot):
    from journal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window._context(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.owner, "Alex Rivera")
    assert window.saved_indicator.text() == "Editing…"
    assert "owner_name" not in window.journal.settings()  # not yet: still typing
    qtbot.waitUntil(lambda: window.journal.setting("owner_name") == "Alex Rivera", timeout=3000)
    assert window.saved_indicator.text() == "Saved"


def test_pending_edits_are_flushed_when_the_window_closes(window, qtbot, journal_path):
    from journal.store.journal import open_journal
    from journal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window._context(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.spins["feedback_stale_days"].setValue(21)
    assert window.saver.has_pending
    window.close()
    assert window.journal is None
    with open_journal(journal_path) as j:
        assert j.setting("threshold.feedback_stale_days") == 21


def test_a_refused_file_is_explained_and_the_current_journal_stays(window, tmp_path,
                                                                   monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import sha256

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "not-a-journal.sqlite3"
    bad.write_bytes(b"PK\x03\x04 this is a zip file, not a journal")
    before = sha256(bad)
    current = window.journal
    assert not window.try_open(bad)
    assert window.journal is current
    assert shown and "not an SQLite database" in shown[0]
    assert sha256(bad) == before


def test_read_only_journal_says_so_and_disables_editing(qtbot, journal_path, monkeypatch):
    from journal.store.journal import open_journal
    from journal.ui.app import create_app, settings_store
    from journal.ui.main_window import MainWindow
    from journal.ui.preferences import PreferencesDialog

    with open_journal(journal_path) as j:
        j.create("person", name="Ana")
    create_app()
    win = MainWindow(settings_store(), home_path=journal_path)
    qtbot.addWidget(win)
    win.set_journal(open_journal(journal_path, read_only=True))
    win.show()
    assert "read-only" in win.windowTitle()
    assert win.banner.isVisible() and "read-only" in win.banner_text.text()
    dialog = PreferencesDialog(win._context(), win)
    qtbot.addWidget(dialog)
    assert not dialog.owner.isEnabled()
    win.close()


def test_second_window_on_the_same_journal_is_told(window, journal_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from journal.store.errors import JournalLocked
    from journal.store.journal import open_journal

    try:
        open_journal(journal_path)
    except JournalLocked as error:
        assert "already open" in str(error)
    else:  # pragma: no cover
        raise AssertionError("a second writer was let in")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    window.open_sample()
    assert not window.try_open(journal_path) or window.journal.path == journal_path


def test_about_dialog_names_version_and_path(window, qtbot):
    from journal import __version__
    from journal.ui.dialogs import AboutDialog

    dialog = AboutDialog(window.journal, window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(type(window.banner_text)))
    assert __version__ in texts and str(window.journal.path) in texts


def test_app_starts_paints_and_quits_when_asked(tmp_path, private_dirs):
    """The start-up path a user takes (and the one benchmarks time), in a real process."""
    import os
    import subprocess
    import sys

    path = tmp_path / "fresh.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT="1")
    result = subprocess.run([sys.executable, "-m", "journal", "--db", str(path)], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert path.exists() and path.stat().st_size > 0


def test_unexpected_errors_are_logged_and_shown_calmly(window, monkeypatch):
    import sys

    from journal.ui import app as app_module

    shown = []
    monkeypatch.setattr("journal.ui.dialogs.show_unexpected_error",
                        lambda parent, log_path: shown.append(log_path))
    old_hook = sys.excepthook
    log_path = app_module.setup_logging()
    try:
        app_module.install_crash_net()
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
    assert shown == [str(log_path)]
    assert "boom in a slot" in log_path.read_text()
    assert oct(log_path.stat().st_mode & 0o777) == "0o600"


def test_start_up_leaves_slow_imports_for_later(tmp_path, private_dirs):
    """What docs/performance.md cut from start-up stays cut: these modules are not imported
    before the first paint (-X importtime lists every import of the process)."""
    import os
    import subprocess
    import sys

    from journal.store.journal import open_journal

    path = tmp_path / "kept.sqlite3"
    with open_journal(path) as journal:
        journal.create("person", name="Ana")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT="1")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "journal", "--db",
                             str(path)], env=env, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:") and line.count("|") == 2}
    # The listing is what it seems: the Checklist's own imports are in it (importtime leaves
    # out a module loaded by importlib.import_module, as the pages are, but not its imports).
    assert "journal.ui.widgets.intro" in imported
    slow = {"dataclasses", "platformdirs", "click", "journal.domain.records", "logging.handlers",
            "journal.cli.main", "sqlite_utils", "markdown", "nh3"}
    assert not slow & imported


def test_menus_get_their_actions_right_after_the_first_paint(qtbot, journal_path, private_dirs):
    """Start-up builds the menus' titles, paints, then adds the actions (as `run` does)."""
    from PySide6.QtCore import Qt

    from journal.store.journal import open_journal
    from journal.ui.app import after_first_paint, create_app, settings_store
    from journal.ui.main_window import MainWindow

    create_app()
    win = MainWindow(settings_store(), home_path=journal_path, actions_later=True)
    qtbot.addWidget(win)
    win.set_journal(open_journal(journal_path))
    page = win.show_page("checklist")
    titles = [action.text() for action in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert all(not action.menu().actions() for action in win.menuBar().actions())
    after_first_paint(page, win.add_menu_actions)
    win.show()
    qtbot.waitUntil(lambda: win.menu_actions_added)
    assert [a.text() for a in win.menuBar().actions()[0].menu().actions() if a.text()][:2] == [
        "&New journal…", "&Open journal…"]
    assert not win.back_action.isEnabled() and not win.undo_action.isEnabled()
    qtbot.keyClick(win, "2", modifier=Qt.KeyboardModifier.ControlModifier)
    assert win.current_page_key == "feedback"
    win.add_menu_actions()  # a second call adds nothing
    # View: the pages, a separator, Back, a separator, Appearance.
    assert len(win.page_actions) == len(PAGES)
    assert len(win.menuBar().actions()[2].menu().actions()) == len(PAGES) + 4
    win.saver.flush()
    win.journal.close()
    win.journal = None
