"""Starting the desktop app: logging, the crash net, settings, the window, the first journal."""

from __future__ import annotations

import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from journal import APP_ID, APP_NAME, __version__
from journal.paths import config_dir, log_dir, resolve_journal, sample_journal
from journal.store.errors import JournalError
from journal.store.journal import open_journal
from journal.store.opening import needs_migration
from journal.ui import theme
from journal.ui.due.wiring import start_daily_jobs
from journal.ui.main_window import MainWindow
from journal.ui.pages import DEFAULT_PAGE, PAGES

EXIT_AFTER_PAINT = "LEADERSHIP_JOURNAL_EXIT_AFTER_PAINT"
log = logging.getLogger("journal")


def setup_logging() -> Path:
    import logging.handlers  # after the first paint: nothing before it needs a log file

    path = log_dir() / "leadership-journal.log"
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    os.chmod(path, 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_crash_net() -> None:
    """Errors that escape are logged and shown in a calm dialog; the app keeps running."""

    def hook(kind, value, tb) -> None:
        log_path = setup_logging()
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        from journal.ui.dialogs import show_unexpected_error

        try:
            show_unexpected_error(QApplication.activeWindow(), str(log_path))
        except Exception:  # the net itself must never throw
            log.exception("Could not show the error dialog")

    sys.excepthook = hook


def settings_store() -> QSettings:
    """The window's remembered layout (ui.ini), readable by the user alone: the file is made
    0600 before Qt first writes it (Qt's atomic save keeps the mode of the file it replaces),
    and MainWindow.save_layout puts the mode back after each sync it asks for."""
    path = config_dir() / "ui.ini"
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    return QSettings(str(path), QSettings.Format.IniFormat)



class _AfterFirstPaint(QObject):
    """Calls `callback` once, right after `widget` has painted for the first time."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]):
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so the paint in progress finishes first.
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Run `callback` once `widget` (which must be shown) has first painted. Work the first
    paint does not need waits for this: a zero-delay timer started after show() would run
    before the paint."""
    _AfterFirstPaint(widget, callback)


def create_app(*, icon: bool = True) -> QApplication:
    """The application object, named. `run` passes icon=False and sets the icon once the window
    has painted: loading Qt's SVG icon engine and drawing the icon costs a few ms of start-up,
    and a window manager takes a new icon at any time."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    if icon:
        set_window_icon(app)
    return app


def set_window_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    icon = Path(__file__).resolve().parent.parent / "resources" / "icon.svg"
    app.setWindowIcon(QIcon(str(icon)))


def open_first_journal(window: MainWindow, path: Path) -> bool:
    """Open the journal this run uses; if it is refused, say why and offer a way forward."""
    try:
        if needs_migration(path):
            from journal.ui.background import run_with_progress

            journal = run_with_progress(None, window.tr("Updating your journal to the new "
                                                        "format…"), lambda: open_journal(path))
        else:
            journal = open_journal(path)
        window.set_journal(journal)
        return True
    except (JournalError, OSError) as error:
        message = str(error) if isinstance(error, JournalError) else f"{path}: {error.strerror}"
    # Said in the terminal too, for whoever started the app from one (or from a script).
    print(f"leadership-journal: {' '.join(message.split())}", file=sys.stderr, flush=True)
    from PySide6.QtWidgets import QMessageBox  # only when the journal is refused

    set_window_icon(QApplication.instance())
    gc.enable()  # start-up ends here: the garbage collector was paused for it (see launcher)
    is_sample = path == sample_journal()
    title = (window.tr("Cannot open the sample journal") if is_sample
             else window.tr("Cannot open your journal"))
    while True:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=window)
        other = box.addButton(window.tr("Open another journal…"),
                              QMessageBox.ButtonRole.AcceptRole)
        # The sample is only offered when it is not the very file that was refused (a second
        # window on the sample would be refused again, for the same reason).
        sample = None if is_sample else box.addButton(window.tr("Open the sample journal"),
                                                      QMessageBox.ButtonRole.AcceptRole)
        box.addButton(window.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is other:
            window.open_journal_dialog()
            if window.journal is not None:
                return True
            continue
        if clicked is None or clicked is not sample:  # Quit, or the box was closed
            return False
        if window.open_sample():
            return True


def _quit_on_interrupt(window: MainWindow) -> None:
    from journal.ui.interrupt import quit_on_interrupt

    quit_on_interrupt(window)


def opening_page(settings: QSettings, journal: object) -> str:
    """Once the journal holds anything, it opens on the Checklist; before that, on the page it
    was left on (the Checklist greets an empty journal anyway)."""
    key = str(settings.value("window/page", DEFAULT_PAGE))
    if key not in {s.key for s in PAGES} or (journal is not None and not journal.is_empty()):
        return DEFAULT_PAGE
    return key


def run(db: str | None = None) -> int:
    app = create_app(icon=False)
    install_crash_net()
    settings = settings_store()
    theme.apply(app, str(settings.value("appearance", "system")))
    path = resolve_journal(db)
    window = MainWindow(settings, home_path=path, actions_later=True)
    if not open_first_journal(window, path):
        return 1
    page = window.show_page(opening_page(settings, window.journal))
    window.show()
    after_first_paint(page, window.add_menu_actions)
    # Ctrl+C in the terminal: File > Quit. Once the window is up (about 1.5 ms of start-up);
    # before then nothing is pending, and Python's own handler still stops the app.
    after_first_paint(page, lambda: _quit_on_interrupt(window))
    # The launcher pauses the garbage collector for start-up (see journal.launcher.start_app).
    after_first_paint(page, gc.enable)
    if os.environ.get(EXIT_AFTER_PAINT):
        # Start-up benchmarks measure up to the first paint, and stop there.
        after_first_paint(page, QApplication.quit)
    else:
        # The log file is opened once the window is on screen; an error before then still
        # reaches it through the crash net.
        after_first_paint(page, setup_logging)
        after_first_paint(page, lambda: start_daily_jobs(window))
    after_first_paint(page, lambda: set_window_icon(app))
    return app.exec()
