"""Light, dark and the system look: the role styles follow the palette, and no style sheet is
set on the whole app (it slowed every page down; docs/performance.md)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from journal.ui import theme


def _hint_colour(label: QLabel) -> str:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def _placeholder_colour() -> str:
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText).name()


def test_roles_follow_the_appearance(window, qtbot):
    app = QApplication.instance()
    hint = QLabel("a hint")
    qtbot.addWidget(hint)
    theme.style(hint, "hint")
    assert hint.objectName() == "hint" and theme.role_of(hint) == "hint"
    try:
        for mode in ("dark", "light", "dark"):
            window.set_appearance(mode)
            assert theme.is_dark(app) == (mode == "dark")
            assert _hint_colour(hint) == _placeholder_colour()
            assert window.appearance_actions[mode].isChecked()
        assert app.styleSheet() == ""
    finally:
        window.set_appearance("system")
    assert window.settings.value("appearance") == "system"


def test_a_role_keeps_a_name_it_already_has(qtbot):
    label = QLabel("12")
    qtbot.addWidget(label)
    label.setObjectName("count_goal")
    theme.style(label, "count")
    assert label.objectName() == "count_goal" and theme.role_of(label) == "count"


def test_headings_are_larger_than_the_text(window):
    heading = window.page("checklist").findChild(QLabel, "pageHeading")
    heading.ensurePolished()
    assert heading.font().pointSize() > QApplication.font().pointSize()
    assert window.sidebar.styleSheet() and QApplication.instance().styleSheet() == ""
