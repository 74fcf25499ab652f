"""Files the app writes are readable by the user alone: ui.ini too (issue 10, #19)."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from journal.paths import config_dir
from journal.ui.app import settings_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_ui_ini_is_private_from_the_first_write(qtbot):
    old = os.umask(0o022)
    try:
        settings = settings_store()
        settings.setValue("appearance", "dark")
        settings.sync()
    finally:
        os.umask(old)
    assert _mode(config_dir() / "ui.ini") == 0o600


def test_closing_the_window_leaves_ui_ini_private(window):
    path = config_dir() / "ui.ini"
    os.chmod(path, 0o644)  # as an older version left it
    window.close()
    assert _mode(path) == 0o600
    assert settings_store().value("window/page") == "checklist"
