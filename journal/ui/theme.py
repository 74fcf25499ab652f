"""Light, dark or the system's look, and the few style touches the app adds on top."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

MODES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#26282b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1d1f21",
    QPalette.ColorRole.AlternateBase: "#2b2d30",
    QPalette.ColorRole.ToolTipBase: "#2b2d30",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8b8f94",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#303236",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb0ff",
    QPalette.ColorRole.Mid: "#3a3d41",
    QPalette.ColorRole.Dark: "#151617",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f4f4f5",
    QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f8fa",
    QPalette.ColorRole.Text: "#1f2328",
    QPalette.ColorRole.PlaceholderText: "#6e7781",
    QPalette.ColorRole.Button: "#f6f8fa",
    QPalette.ColorRole.ButtonText: "#1f2328",
    QPalette.ColorRole.Highlight: "#2f6fce",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#0b5cad",
}

_STYLE = """
QLabel#pageHeading { font-size: %(h1)dpt; font-weight: 600; }
QLabel#sectionHeading { font-weight: 600; }
QLabel#hint { color: palette(placeholder-text); }
QFrame#banner { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
QListView#sidebar { border: none; background: palette(window); font-size: %(side)dpt; }
QListView#sidebar { outline: 0; }
QListView#sidebar::item { padding: 6px 12px; border: none; }
QListView#sidebar::item:selected {
    background: palette(highlight); color: palette(highlighted-text); }
QLabel#savedIndicator { color: palette(placeholder-text); padding: 0 8px; }
QLabel[count="true"] { qproperty-alignment: 'AlignRight | AlignVCenter'; }
"""

_system_palette: QPalette | None = None
_system_style: str | None = None


def is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply(app: QApplication, mode: str) -> None:
    """Switch the whole app to `mode` (one of MODES); 'system' restores what the platform gave."""
    if mode in ("light", "dark"):
        _remember_the_platform_look(app)
        app.setStyle(QStyleFactory.create("Fusion"))
        palette = QPalette()
        for role, color in (_DARK if mode == "dark" else _LIGHT).items():
            palette.setColor(role, QColor(color))
        disabled = QColor("#7a7d82") if mode == "dark" else QColor("#9aa0a6")
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
        app.setPalette(palette)
    elif _system_palette is not None:  # the platform's look was left once: bring it back
        if _system_style:
            app.setStyle(QStyleFactory.create(_system_style))
        app.setPalette(_system_palette)
    _set_style_sheet(app)


def _remember_the_platform_look(app: QApplication) -> None:
    """Keep the platform's style name and palette, the first time the app leaves them.

    Not at start-up: reading the style's name makes PySide6 create its QStyle wrapper (about
    4 ms before the first paint), and most people never leave the system look. The name is read
    with the style sheet cleared, because a style sheet wraps the style in one with no name.
    palette() returns a copy; QPalette's copy constructor would make PySide6 build its `Qt`
    namespace (about 10 ms).
    """
    global _system_palette, _system_style
    if _system_palette is not None:
        return
    if app.styleSheet():
        app.setStyleSheet("")
    _system_palette = app.palette()
    _system_style = app.style().name()


def _set_style_sheet(app: QApplication) -> None:
    base = app.font().pointSize()
    base = base if base > 0 else 10
    app.setStyleSheet(_STYLE % {"h1": base + 6, "side": base + 1})
