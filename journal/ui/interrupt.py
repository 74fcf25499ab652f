"""Ctrl+C in the terminal the app was started from: it quits as File > Quit does, so what is
pending is saved first (and a question about unsaved changes is still asked).

Python runs a signal handler only between bytecodes, and while Qt waits for events no Python
runs at all. On POSIX the signal wakes Qt through a pipe (`signal.set_wakeup_fd` plus a
QSocketNotifier), so nothing polls; elsewhere a slow timer gives Python a turn now and then.
"""

from __future__ import annotations

import os
import signal
import sys

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget


class QuitOnInterrupt(QObject):
    """While it lives, SIGINT closes `window` (as its Quit command does). `uninstall()` puts the
    previous handler back."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self._previous = signal.signal(signal.SIGINT, self._interrupted)
        self._previous_fd: int | None = None
        self._pipe: tuple[int, int] | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        if sys.platform != "win32":
            read, write = os.pipe()
            os.set_blocking(read, False)
            os.set_blocking(write, False)
            self._pipe = (read, write)
            self._previous_fd = signal.set_wakeup_fd(write)
            self._notifier = QSocketNotifier(read, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        else:  # pragma: no cover - Windows: set_wakeup_fd takes sockets only
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: None)  # a Python turn, so the handler runs
            self._timer.start(250)

    def _interrupted(self, _signum: int, _frame: object) -> None:
        # Queued: the handler may run in the middle of any Python code, a save included.
        QTimer.singleShot(0, self.window.close)

    def _drain(self) -> None:
        try:
            while os.read(self._pipe[0], 64):
                pass
        except BlockingIOError:
            pass

    def uninstall(self) -> None:
        signal.signal(signal.SIGINT, self._previous)
        if self._pipe is not None:
            signal.set_wakeup_fd(self._previous_fd if self._previous_fd is not None else -1)
            self._notifier.setEnabled(False)
            for fd in self._pipe:
                os.close(fd)
            self._pipe = None
        if self._timer is not None:
            self._timer.stop()


def quit_on_interrupt(window: QWidget) -> QuitOnInterrupt:
    return QuitOnInterrupt(window)
