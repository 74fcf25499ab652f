"""The checklist as one flat list: each rule as a heading row, its open gaps under it, then its
snoozed gaps under their own "Snoozed" heading; the hints last, apart from the rules.

A flat list rather than a tree: with uniform row heights a list view asks only for the rows on
screen, while a tree view walks every expanded row after each update (thousands of gaps in a big
journal, each a Python call). Headings fold and unfold their rows (`toggle`). A rule lists its
first `SHOWN` gaps, then a row that shows the rest when asked (`show_all`): a journal left alone
for years can hold thousands, and the first few hundred are what can be acted on today.

The model adapts one `Checklist` value and never owns data: `set_checklist` swaps it in one reset,
and only when something changed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

from journal.domain.checklist import Checklist, Finding
from journal.ui import theme
from journal.ui.checklist.text import (
    finding_text,
    gap_count,
    open_tip,
    rule_summary,
    rule_title,
    tr,
)

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a gap, snoozed gap or hint
SNOOZED_ROLE = Qt.ItemDataRole.UserRole + 2  # the Snoozed of a snoozed gap
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # a stable key, to find the same row after an update
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 4  # 0 a rule or the hints, 1 under it, 2 snoozed gaps
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

HEADINGS = ("rule", "hints", "snoozed_group")
SHOWN = 200  # gaps listed per rule until "show all"


class Row(NamedTuple):
    what: str  # "rule", "gap", "more", "snoozed_group", "snoozed", "hints", "hint"
    value: Any  # RuleResult, Finding, RuleResult, RuleResult, Snoozed, None, Finding
    key: tuple
    level: int


def _dot(color: str) -> QIcon:
    size = 12
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class Indent(QStyledItemDelegate):
    """Rows under a heading sit one step in, snoozed gaps two; every row has room to read."""

    STEP = 22

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.rect.adjust(self.STEP * (index.data(LEVEL_ROLE) or 0), 0, 0, 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 6)


class ChecklistModel(QAbstractListModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.checklist: Checklist | None = None
        self.rows: list[Row] = []
        self.expanded: dict[tuple, bool] = {}  # headings folded or not; unfolded by default
        self.showing_all: set[str] = set()  # rules whose every gap is listed
        self._icons: dict[str, QIcon] = {}
        self._keys: dict[tuple, int] | None = None

    # -- the data ----------------------------------------------------------------------------
    def set_checklist(self, checklist: Checklist | None) -> bool:
        """Show `checklist`; False (and no reset) when it shows the same as now."""
        if checklist == self.checklist:
            return False
        self.beginResetModel()
        self.checklist = checklist
        self.rows = self._build()
        self.endResetModel()
        return True

    @property
    def hints(self) -> tuple[Finding, ...]:
        return self.checklist.hints if self.checklist else ()

    def is_open(self, key: tuple) -> bool:
        return self.expanded.get(key, True)

    def toggle(self, row: int, unfold: bool | None = None) -> bool:
        """Fold or unfold the heading at `row` (`unfold`: force one way). False for a row that
        is not a heading, or already so."""
        if not 0 <= row < len(self.rows) or self.rows[row].what not in HEADINGS:
            return False
        key = self.rows[row].key
        wanted = not self.is_open(key) if unfold is None else unfold
        if wanted == self.is_open(key):
            return False
        self.expanded[key] = wanted
        self._rebuild()
        return True

    def show_all(self, row: int) -> bool:
        """List every gap of the rule whose "show all" row is `row`."""
        if not 0 <= row < len(self.rows) or self.rows[row].what != "more":
            return False
        self.showing_all.add(self.rows[row].value.rule.id)
        self._rebuild()
        return True

    def _rebuild(self) -> None:
        self.beginResetModel()
        self.rows = self._build()
        self.endResetModel()

    def _build(self) -> list[Row]:
        self._keys = None
        rows: list[Row] = []
        if self.checklist is None:
            return rows
        for result in self.checklist.rules:
            key = ("rule", result.rule.id)
            rows.append(Row("rule", result, key, 0))
            if not self.is_open(key):
                continue
            gaps = result.gaps
            if len(gaps) > SHOWN and result.rule.id not in self.showing_all:
                gaps = gaps[:SHOWN]
            rows += [Row("gap", g, ("gap", *g.snooze_key), 1) for g in gaps]
            if len(gaps) < len(result.gaps):
                rows.append(Row("more", result, ("more", result.rule.id), 1))
            if result.snoozed:
                group = ("snoozed_group", result.rule.id)
                rows.append(Row("snoozed_group", result, group, 1))
                if self.is_open(group):
                    rows += [Row("snoozed", s, ("snoozed", *s.gap.snooze_key), 2)
                             for s in result.snoozed]
        if self.hints:
            rows.append(Row("hints", None, ("hints",), 0))
            if self.is_open(("hints",)):
                rows += [Row("hint", h, ("hint", h.code, h.kind, h.uid), 1) for h in self.hints]
        return rows

    def row_of(self, key: tuple) -> int:
        """The row showing `key`, or -1."""
        if self._keys is None:
            self._keys = {row.key: i for i, row in enumerate(self.rows)}
        return self._keys.get(key, -1)

    def heading_of(self, row: int) -> int:
        """The heading a row sits under (a heading's own row for a heading)."""
        level = self.rows[row].level
        while row > 0 and self.rows[row].level >= level and level > 0:
            row -= 1
        return row

    # -- QAbstractListModel ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        what, value, key, level = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(what, value, key)
        if role == FINDING_ROLE:
            if what in ("gap", "hint"):
                return value
            return value.gap if what == "snoozed" else None
        if role == SNOOZED_ROLE:
            return value if what == "snoozed" else None
        if role == KEY_ROLE:
            return key
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(what, value)
        if role == Qt.ItemDataRole.DecorationRole and what in ("rule", "hints"):
            return self._icon(what, value)
        if role == Qt.ItemDataRole.FontRole and (what in HEADINGS or what == "more"):
            font = QFont(QApplication.font())
            if what in ("snoozed_group", "more"):
                font.setItalic(True)
            else:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and what in ("snoozed_group", "snoozed"):
            return QApplication.palette().placeholderText()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and what in HEADINGS:
            return tr("Expanded") if self.is_open(key) else tr("Collapsed")
        return None

    def _text(self, what: str, value: Any, key: tuple) -> str:
        if what in HEADINGS:
            arrow = "▾ " if self.is_open(key) else "▸ "
            if what == "rule":
                state = tr("holds") if value.holds else gap_count(len(value.gaps))
                return f"{arrow}{rule_title(value.rule)} — {state}"
            if what == "hints":
                return arrow + tr("Worth a look: patterns, not rules (%1)").replace(
                    "%1", str(len(self.hints)))
            return arrow + tr("Snoozed (%1)").replace("%1", str(len(value.snoozed)))
        if what == "more":
            return tr("Show all %1 gaps…").replace("%1", f"{len(value.gaps):,}")
        if what == "snoozed":
            return tr("%1 — back on %2: %3").replace("%1", finding_text(value.gap)).replace(
                "%2", value.until_on.isoformat()).replace("%3", value.reason)
        return finding_text(value)

    def _tooltip(self, what: str, value: Any) -> str:
        if what == "rule":
            return rule_summary(value.rule)
        if what == "hints":
            return tr("Habits the sessions show. They are not gaps and never count against a "
                      "rule.")
        if what == "snoozed_group":
            return tr("Gaps you set aside for a while. Each comes back on its day.")
        if what == "more":
            return tr("The first %1 are listed; click or press Enter to list them all.").replace(
                "%1", str(SHOWN))
        if what == "snoozed":
            return "\n".join((finding_text(value.gap), tr("Snoozed until %1: %2").replace(
                "%1", value.until_on.isoformat()).replace("%2", value.reason),
                open_tip(value.gap)))
        return f"{finding_text(value)}\n{open_tip(value)}"  # the whole sentence, if cut short

    def _icon(self, what: str, value: Any) -> QIcon:
        name = "hint" if what == "hints" else ("holds" if value.holds else "gaps")
        dark = theme.is_dark(QApplication.instance())
        key = f"{name}-{dark}"
        if key not in self._icons:
            colors = {"holds": ("#2e8b57", "#5cc28a"), "gaps": ("#c27400", "#f0a73a"),
                      "hint": ("#5b6b8c", "#9fb0d0")}
            self._icons[key] = _dot(colors[name][1 if dark else 0])
        return self._icons[key]
