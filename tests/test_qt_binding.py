"""Facts about the installed Qt binding that the app relies on."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_nones_reference_count(qtbot):
    """PySide6 6.12.0 on Python 3.11 lost a reference to None per void call, so long sessions
    aborted; pyproject.toml keeps that version out. This fails if it ever comes back."""
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 50
