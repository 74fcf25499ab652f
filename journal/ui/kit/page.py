"""`ListEditorPage`: a page built from a `ListSpec`, a list of one record kind beside its
editor. The page author declares; this class does the rest (see `journal.ui.kit`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from journal.store.changes import Changes
from journal.store.paging import ListQuery, statuses_of, words_of
from journal.ui.kit.master_detail import MasterDetail
from journal.ui.kit.parts import (
    COMBO_CHARS,
    EDITOR_CHARS,
    EmptyState,
    StatusChoice,
    StatusToggle,
    chars_wide,
    filter_edit,
)
from journal.ui.kit.spec import ListSpec
from journal.ui.models.paged_table import PagedTableModel
from journal.ui.pages.base import Page
from journal.ui.widgets.tables import fit_columns

# Settings keys, in the page's own group (the first two as the pages used before the kit, so a
# user's layout carries over).
SPLITTER, CHOICE, SORT_COLUMN, SORT_ORDER = "splitter", "statusFilter", "sortColumn", "sortOrder"
SELECTED, SELECTED_IN, SORT_BY = "selected", "selectedIn", "sortBy"


class ListEditorPage(Page):
    """A list of `spec().kind` records (filters above it, New below it) beside the editor of the
    chosen one, an empty state before the first record, Ctrl+N for new, Delete (with undo) on
    the list. It reloads on changes made elsewhere, refreshes only the row for the editor's own
    saves, and remembers the splitter, the sort, the choice filter and the chosen record.

    Subclasses implement `spec()`. They may override `new_record` (when "new" is more than one
    store call) and add to `on_changes`, `save_state`, `restore_state`.
    Parts for tests and subclasses: `editor`, `model`, `proxy`, `table`, `search`, `choice`,
    `sort_by` (None when not declared), `new_button`, `empty`, `stack`, `splitter`, `md` (the
    mechanics).
    """

    @classmethod
    def spec(cls) -> ListSpec:
        """The page, declared (built when the page is, so its texts are translated)."""
        raise NotImplementedError

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        spec = self.list_spec = self.spec()
        self.kinds = (spec.kind,)
        self.editor = spec.editor()
        self.model = list_model(spec, self)
        self.md = MasterDetail(self, kind=spec.kind, model=self.model, rows=None,
                               row=spec.query.one, editor=self.editor, describe=spec.describe,
                               widen=self._widen, widen_to_keep=spec.widen_to_keep)
        self.proxy, self.table = self.md.proxy, self.md.table
        self._selected: int | None = None  # remembered from the last session, until shown
        self._selected_in = ""
        self._build(spec)
        finished = getattr(self.editor, "finished", None)  # an editor's Done, if it has one
        if finished is not None:
            finished.connect(lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))

    def _build(self, spec: ListSpec) -> None:
        texts = spec.texts
        self.search = self.choice = self.sort_by = None
        top = QHBoxLayout()
        # A "Sort by" box goes on a second line with the choice filter, and so does a box of
        # choices under a search box (beside it, both were squeezed to a few letters in an
        # 800-pixel window); a check box ("Show ended") is short and stays beside the search.
        own_line = spec.choice is not None and (
            spec.choice.own_line or (spec.search is not None and not spec.choice.check_box))
        second = QHBoxLayout() if spec.sort_by is not None or own_line else top
        focusable: list[QWidget] = []
        if spec.search is not None:
            self.search = filter_edit(spec.search.placeholder, spec.search.accessible_name)
            self.search.textChanged.connect(self._filter_changed)
            if spec.search.label:
                label = QLabel(spec.search.label)
                label.setBuddy(self.search)
                top.addWidget(label)
            top.addWidget(self.search, 1)
            focusable.append(self.search)
        if spec.sort_by is not None:
            self.sort_by = narrow_combo(QComboBox())
            for text, column in spec.sort_by.choices:
                self.sort_by.addItem(text, column)
            label = QLabel(spec.sort_by.label)
            label.setBuddy(self.sort_by)
            second.addWidget(label)
            second.addWidget(self.sort_by, 1)
            second.addStretch(0)
            self.sort_by.currentIndexChanged.connect(self._sort_by_chosen)
            focusable.append(self.sort_by)
        if spec.choice is not None:
            if spec.choice.check_box:
                self.choice = StatusToggle(spec.choice.choices, spec.choice.show)
            else:
                self.choice = StatusChoice(spec.choice.choices, spec.choice.label,
                                           spec.choice.show)
            self.choice.choose(spec.choice.default)
            self.choice.changed.connect(self._choice_changed)
            # A check box is short: it stays beside the search box.
            line = top if spec.choice.check_box else second
            if self.choice.label is not None:
                line.addWidget(self.choice.label)
            alone = not (self.search and line is top) and spec.sort_by is None
            if alone and isinstance(self.choice, QComboBox):
                narrow_combo(self.choice)  # it stretches: wide when there is room
            line.addWidget(self.choice, 1 if alone else 0)
            if alone:
                line.addStretch(0)  # what its longest choice leaves stays on the right
            # Tab follows the eye: a check box beside the search box comes right after it.
            focusable.insert(1 if line is top and self.search else len(focusable), self.choice)
        filters = [row for row in ([top] if second is top else [top, second]) if row.count()]
        self.table.setObjectName(f"{spec.name}List")
        self.table.setAccessibleName(texts.list_name)
        self.table.sortByColumn(*spec.sort)
        fit_columns(self.table, dict(spec.widths), spec.stretch, spec.hide_first)
        self.md.build(
            filters=filters, no_match=texts.no_match,
            new_button=texts.new_button, new_tip=texts.new_tip, new_action=texts.new_action,
            new=self.new_record, nothing=texts.nothing, detail=self.editor,
            splitter=f"{spec.name}sSplitter", sizes=spec.sizes,
            empty=EmptyState(texts.empty_heading, texts.empty_body, texts.empty_button))
        self.layout().setContentsMargins(12, 8, 12, 8)
        # An editor's lines stop at a readable length in a wide window; the list takes the rest
        # (its longest column shows more), rather than text boxes 1,500 pixels wide.
        self.md.right.setMaximumWidth(chars_wide(self.md.right, EDITOR_CHARS))
        self.new_button, self.no_match = self.md.new_button, self.md.no_match
        self.splitter, self.empty, self.stack = self.md.splitter, self.md.empty, self.md.stack
        self.new_action, self.delete_action = self.md.new_action, self.md.delete_action
        self.md.focus_order(focusable, self.editor.first_widget())

    # -- data ------------------------------------------------------------------------------------
    def journal_changed(self) -> None:
        self._apply_filters()
        self.md.journal_changed()
        if self.ctx is not None and self._selected is not None:
            if self._selected_in == str(self.ctx.journal.path):
                self.md.select_loaded(self._selected)
            self._selected = None

    def current_id(self) -> int | None:
        return self.md.current_id()

    def on_changes(self, changes: Changes) -> None:
        spec = self.list_spec
        if self.ctx is None or not changes.touches(spec.kind, *spec.related):
            return
        related = bool(spec.related) and changes.touches(*spec.related)
        if related:
            self.editor.related_changed(changes)
        initiator = self.editor.initiator
        if (initiator is not None and changes.initiator is initiator
                and changes.kinds == {spec.kind}):
            # The editor's own save: refresh its row in place, so nothing moves while typing.
            self.md.refresh_rows(changes.ids(spec.kind))
            self.md.update_views()
            return
        self.md.reload_from_store(None if related else changes.ids(spec.kind))

    # -- filters ---------------------------------------------------------------------------------
    # They apply twice: in SQL to what the list loads (a batch at a time; once all of it is
    # loaded, the words stay in memory), and in the proxy to the rows loaded, where the record
    # open in the editor stays pinned whatever its status.
    def query(self) -> ListQuery:
        """The filters as the store's query."""
        return ListQuery(
            statuses=statuses_of(self.choice.statuses()) if self.choice else None,
            words=words_of(self.search.text()) if self.search else ())

    def _apply_filters(self) -> None:
        self.proxy.set_text(self.search.text() if self.search else "")
        self.proxy.set_statuses(self.choice.statuses() if self.choice else None)
        self.model.set_query(self.query())

    def _filter_changed(self, *_args: object) -> None:
        self._apply_filters()
        if self.ctx is not None:  # (restore_state sets the filters before a journal is open)
            self.md.open_first_if_none()

    def _choice_changed(self, *_args: object) -> None:
        self.proxy.set_pinned(None)  # an explicit choice of what to show wins over the pin
        self._filter_changed()

    def _sort_by_chosen(self, _index: int = 0) -> None:
        self.table.sortByColumn(self.sort_by.currentData(), Qt.SortOrder.AscendingOrder)

    def _widen(self, row: object) -> None:
        # The words typed hide a record most often; show every status only if that is not enough.
        if self.search is not None:
            self.search.clear()
        if self.choice is not None and not self.proxy.accepts(row):
            widest = next((key for key, statuses in self.list_spec.choice.choices
                           if statuses is None), None)
            if widest is not None:
                self.choice.choose(widest)

    # -- actions ---------------------------------------------------------------------------------
    def new_record(self) -> None:
        """New (the button, the empty state's button, Ctrl+N): make a record, show it, and put
        the cursor in its `new_field`."""
        if not self.md.writable():
            return
        record = self.list_spec.new(self.ctx.journal)
        self.show_record(self.list_spec.kind, record.id, self.list_spec.new_field)
        # The name filled in ("New person") is chosen, so what is typed replaces it.
        field_widget = getattr(self.editor, "field_widget", None)
        widget = field_widget(self.list_spec.new_field) if field_widget and \
            self.list_spec.new_field else None
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def show_record(self, kind: str, record_id: int, field: str | None = None) -> None:
        """Select and show a record (widening the filters if they hide it); with `field`, put
        the cursor in that field's widget (the checklist points at what is missing)."""
        if kind != self.list_spec.kind or self.ctx is None:
            return
        if not self.md.show(record_id):
            return
        if field is not None:
            self.editor.focus_field(field)
        else:
            # The cursor goes with the record (from Ctrl+K, a link, a person picker): on its row
            # in the list, not wherever Qt puts it on the page shown (the filter box).
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- state -----------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(SPLITTER, self.splitter.saveState())
        if self.choice is not None:
            settings.setValue(CHOICE, self.choice.currentData())
        if self.sort_by is not None:
            settings.setValue(SORT_BY, self.sort_by.currentIndex())
        header = self.table.horizontalHeader()
        settings.setValue(SORT_COLUMN, header.sortIndicatorSection())
        settings.setValue(SORT_ORDER, header.sortIndicatorOrder().value)
        current = self.current_id()
        if current is not None and self.ctx is not None:
            settings.setValue(SELECTED, current)
            settings.setValue(SELECTED_IN, str(self.ctx.journal.path))
        else:
            settings.remove(SELECTED)
            settings.remove(SELECTED_IN)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
        if self.choice is not None:
            self.choice.choose(settings.value(CHOICE, self.list_spec.choice.default))
        sort_by = _int(settings.value(SORT_BY))
        if self.sort_by is not None and sort_by is not None:
            self.sort_by.setCurrentIndex(sort_by)
        column = _int(settings.value(SORT_COLUMN))
        order = _int(settings.value(SORT_ORDER))
        if column is not None and 0 <= column < len(self.list_spec.columns) and order in (0, 1):
            self.table.sortByColumn(column, Qt.SortOrder(order))
        self._selected = _int(settings.value(SELECTED))
        self._selected_in = str(settings.value(SELECTED_IN, ""))


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A box that asks for a few letters' width at least, not for its longest choice, so the
    list beside the editor can be narrow (in an 800-pixel window); it stretches when it can,
    up to about three dozen letters."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.setMaximumWidth(chars_wide(combo, COMBO_CHARS))  # not 900 pixels in a wide window
    return combo


def list_model(spec: ListSpec, parent: QObject | None = None) -> PagedTableModel:
    """The model of a spec's list, on its own (the page makes one; tests check it alone)."""
    query = spec.query
    return PagedTableModel(list(spec.columns), page=query.page, one=query.one,
                           exists=query.exists, orders=query.orders, parent=parent,
                           batch=query.batch)


def _int(value: object) -> int | None:
    """A number read back from QSettings (an INI file gives it back as text)."""
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
