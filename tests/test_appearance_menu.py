"""View > Appearance is one choice of three, drawn as radio items (issue 10, #13)."""

from __future__ import annotations

from PySide6.QtGui import QActionGroup

from journal.ui import theme


def test_appearance_is_one_exclusive_choice(window):
    actions = window.appearance_actions
    groups = {action.actionGroup() for action in actions.values()}
    assert len(groups) == 1
    [group] = groups
    assert isinstance(group, QActionGroup)
    assert group.exclusionPolicy() == QActionGroup.ExclusionPolicy.Exclusive
    try:
        actions["dark"].trigger()
        assert [m for m, a in actions.items() if a.isChecked()] == ["dark"]
        actions["dark"].trigger()  # choosing the chosen one again keeps it chosen
        assert [m for m, a in actions.items() if a.isChecked()] == ["dark"]
        actions["light"].trigger()
        assert [m for m, a in actions.items() if a.isChecked()] == ["light"]
    finally:
        actions["system"].trigger()
        assert theme.MODES[0] == "system"
