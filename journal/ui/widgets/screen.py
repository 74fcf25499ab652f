"""Windows that open no larger than the screen they open on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What the window manager's title bar and frame take, so the whole window shows.
FRAME = 40


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Give `window` this size, or less where its screen is smaller (an 800x600 screen showed
    only the top of a 780-pixel tall 1:1 window, its buttons below the bottom edge)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - FRAME // 4)
        height = min(height, available.height() - FRAME)
    window.resize(width, height)
