"""Light, dark or the system's look, and the few style touches the app adds on top."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

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

# The few style touches, by role. Each is set on the widgets of that role alone (`style`), not on
# the whole app: a style sheet on the QApplication sends every widget, every table cell and every
# size hint included, through Qt's style-sheet style, which made pages open 1.5 to 2.5 times
# slower (docs/performance.md). `%(h1)d` and `%(side)d` are point sizes taken from the app font.
_ROLE_SHEETS = {
    "pageHeading": "QLabel { font-size: %(h1)dpt; font-weight: 600; }",
    "sectionHeading": "QLabel { font-weight: 600; }",
    "hint": "QLabel { color: palette(placeholder-text); }",
    "banner": ".QFrame { background: palette(alternate-base); "
              "border-bottom: 1px solid palette(mid); }",
    "sidebar": """
        QListView { border: none; background: palette(window); font-size: %(side)dpt;
                    outline: 0; }
        QListView::item { padding: 6px 12px; border: none; }
        QListView::item:focus { padding: 4px 10px; border: 2px solid palette(text); }
        QListView::item:selected {
            background: palette(highlight); color: palette(highlighted-text); }""",
    "savedIndicator": "QLabel { color: palette(placeholder-text); padding: 0 8px; }",
    # Right-aligned by the sheet, not setAlignment: that needs PySide6's `Qt` namespace, whose
    # ~130 enums take about 10 ms to build, and counts are on the first page painted.
    "count": "QLabel { qproperty-alignment: 'AlignRight | AlignVCenter'; }",
}
ROLES = tuple(_ROLE_SHEETS)
_ROLE_PROPERTY = "themeRole"

_system_palette: QPalette | None = None
_system_style: str | None = None


def is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply(app: QApplication, mode: str) -> None:
    """Switch the whole app to `mode` (one of MODES); 'system' restores what the platform gave."""
    if mode in ("light", "dark"):
        from journal.ui.style import journal_style, watch_focus

        _remember_the_platform_look(app)
        app.setStyle(journal_style("Fusion"))
        watch_focus(app)
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
    _restyle(app)


def style(widget: QWidget, role: str) -> None:
    """Give `widget` the look of `role` (one of ROLES). Its object name becomes the role unless
    it has one, so tests and accessibility tools can find it."""
    if not widget.objectName():
        widget.setObjectName(role)
    widget.setProperty(_ROLE_PROPERTY, role)
    widget.setStyleSheet(_sheet(role))


def role_of(widget: QWidget) -> str | None:
    role = widget.property(_ROLE_PROPERTY)
    return role if isinstance(role, str) else None


def _sheet(role: str) -> str:
    base = _base_point_size()
    return _ROLE_SHEETS[role] % {"h1": base + 6, "side": base + 1}


def _base_point_size() -> int:
    size = QApplication.font().pointSize()
    return size if size > 0 else 10


def _restyle(app: QApplication) -> None:
    """Set each styled widget's sheet again: the palette colours in it are resolved when a
    sheet is set, so a new palette needs new sheets."""
    for widget in app.allWidgets():
        role = role_of(widget)
        if role is not None:
            widget.setStyleSheet(_sheet(role))


def _remember_the_platform_look(app: QApplication) -> None:
    """Keep the platform's style name and palette, the first time the app leaves them.

    Not at start-up: reading the style's name makes PySide6 create its QStyle wrapper (about
    4 ms before the first paint), and most people never leave the system look. palette()
    returns a copy; QPalette's copy constructor would make PySide6 build its `Qt` namespace
    (about 10 ms).
    """
    global _system_palette, _system_style
    if _system_palette is not None:
        return
    _system_palette = app.palette()
    _system_style = app.style().name()
