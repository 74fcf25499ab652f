"""Issue 10 (#5): the window can be about 800 pixels wide and every page still reads: no editor
runs off its pane's right edge, filter boxes keep a readable width, and the greeting of a first
start has the focus on its "Open the sample journal" button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QTabWidget

from journal.ui.kit.parts import FILTER_CHARS
from journal.ui.pages import PAGES


def settle(qtbot, ms=60):
    qtbot.wait(ms)
    QApplication.processEvents()


def shown_views(window):
    """(name, page) for every page, and every tab of a page with tabs, each shown in turn."""
    for spec in PAGES:
        page = window.show_page(spec.key)
        tabs = getattr(page, "tabs", None)
        if isinstance(tabs, QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"{spec.key}/{tabs.tabText(index)}", page
        else:
            yield spec.key, page


def test_no_editor_runs_off_its_pane_at_800_by_600(sample_window, qtbot):
    sample_window.resize(800, 600)
    for name, page in shown_views(sample_window):
        settle(qtbot)
        assert sample_window.width() <= 800, name
        for area in page.findChildren(QScrollArea):
            if area.isVisible() and area.widget() is not None:
                needs = area.widget().minimumSizeHint().width()
                assert needs <= area.viewport().width(), (name, type(area.parent()).__name__)


def test_filter_boxes_keep_a_readable_width_at_800_by_600(sample_window, qtbot):
    sample_window.resize(800, 600)
    checked = []
    for name, page in shown_views(sample_window):
        settle(qtbot)
        search = getattr(page, "search", None)
        if isinstance(search, QLineEdit) and search.isVisible():
            chars = search.width() / search.fontMetrics().averageCharWidth()
            assert chars >= FILTER_CHARS, (name, search.width())
            checked.append(name)
    assert {"mentoring", "reflections", "people", "partners"} <= set(checked)


def test_the_greeting_has_the_focus_on_its_sample_button(window, qtbot):
    page = window.page("checklist")
    assert page.showing_welcome
    settle(qtbot)
    assert page.sample_button.hasFocus()
    assert not window.sidebar.hasFocus()  # no focus frame around "Checklist"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot)
    assert window.journal is not None and not page.showing_welcome


def test_editors_keep_a_readable_width_at_1920_by_1080(sample_window, qtbot):
    from journal.ui.kit.page import ListEditorPage

    sample_window.resize(1920, 1080)
    checked = []
    for name, page in shown_views(sample_window):
        settle(qtbot)
        pages = [page, *page.findChildren(ListEditorPage)]
        for kit_page in (p for p in pages if isinstance(p, ListEditorPage) and p.isVisible()):
            right, left = kit_page.md.right, kit_page.md.left
            assert right.width() <= right.fontMetrics().averageCharWidth() * 130, name
            assert left.width() + right.width() >= kit_page.splitter.width() - 12, name
            checked.append(name)
    assert len(checked) >= 7  # mentoring, reflections, partners, the four decision tabs, people


def test_the_prep_window_and_the_main_window_open_within_the_screen(sample_window, qtbot):
    from journal.ui.prep import open_prep
    from journal.ui.widgets.screen import FRAME

    available = sample_window.screen().availableGeometry()
    ctx = sample_window._context()
    person = sample_window.journal.rows("SELECT id FROM people WHERE name = 'Amara Okafor'")[0][0]
    prep = open_prep(sample_window, ctx, person)
    qtbot.waitExposed(prep)
    for shown in (prep, sample_window):
        assert shown.width() <= available.width(), type(shown).__name__
        assert shown.height() <= available.height() - FRAME, type(shown).__name__
    prep.close()


def test_restore_without_snapshots_shows_its_two_sentences_together(sample_window, qtbot):
    from journal.ui.due.restore import RestoreDialog

    dialog = RestoreDialog(sample_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    intro = dialog.layout().itemAt(0).widget()
    assert not dialog.found and dialog.empty.isVisible()
    for label in (intro, dialog.empty):  # each as tall as its lines, not half the window
        assert label.height() <= label.heightForWidth(label.width()) + 4
    assert dialog.height() < 420


def test_preferences_numbers_keep_a_numbers_width(sample_window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    from journal.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(sample_window._context(), sample_window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    boxes = dialog.findChildren(QSpinBox)
    assert boxes
    for box in boxes:  # "3 days" in a box of its size, not one as wide as the window
        assert box.width() <= box.sizeHint().width() + 2


def test_narrow_lists_hide_their_last_columns_not_the_name(sample_window, qtbot):
    from journal.ui.widgets.tables import NAME_CHARS

    page = sample_window.show_page("mentoring")
    table, header = page.table, page.table.horizontalHeader()
    sample_window.resize(800, 600)
    settle(qtbot)
    least = table.fontMetrics().averageCharWidth() * NAME_CHARS
    assert header.sectionSize(0) >= least  # the mentee's name, not "Ama…"
    assert table.isColumnHidden(header.count() - 1)  # "Last contact" makes way
    shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    sample_window.resize(1920, 1080)
    settle(qtbot)
    assert not any(table.isColumnHidden(c) for c in range(header.count()))  # room: all back


def test_the_checklist_is_not_as_wide_as_a_wide_screen(sample_window, qtbot):
    page = sample_window.show_page("checklist")
    sample_window.resize(1920, 1080)
    qtbot.waitUntil(lambda: getattr(page, "tree", None) is not None and page.tree.isVisible())
    settle(qtbot)
    tree = page.tree
    assert tree.width() <= tree.fontMetrics().averageCharWidth() * 150
    longest = max(tree.sizeHintForIndex(tree.model().index(row, 0)).width()
                  for row in range(tree.model().rowCount()))
    assert longest <= tree.viewport().width()  # and still as wide as its lines
    sample_window.resize(800, 600)
    settle(qtbot)
    assert tree.geometry().right() < page.width()


def test_boxes_of_choices_keep_their_size_and_place_in_a_wide_window(sample_window, qtbot):
    from PySide6.QtWidgets import QComboBox

    from journal.ui.kit.parts import COMBO_CHARS, chars_wide

    sample_window.resize(1920, 1080)
    for key in ("reflections", "people", "partners", "mentoring"):
        page = sample_window.show_page(key)
        settle(qtbot)
        for combo in (page.choice, page.sort_by):
            if isinstance(combo, QComboBox):
                assert combo.width() <= chars_wide(combo, COMBO_CHARS), key
                assert combo.x() < 120, key  # beside its "Show:", not pushed to the far right


def test_partner_teams_keep_when_to_talk_in_a_narrow_list(sample_window, qtbot):
    from journal.ui.pages.partners import STANDING_COLUMN, STRIP_COLUMN
    from journal.ui.widgets.tables import NAME_CHARS

    page = sample_window.show_page("partners")
    sample_window.resize(800, 600)
    settle(qtbot)
    table = page.table
    assert table.isColumnHidden(STRIP_COLUMN) and table.isColumnHidden(1)  # the contact's name
    assert not table.isColumnHidden(STANDING_COLUMN)
    width = table.horizontalHeader().sectionSize(STANDING_COLUMN)
    assert width >= table.fontMetrics().averageCharWidth() * NAME_CHARS  # not "⚠ in…"
