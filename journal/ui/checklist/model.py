"""The checklist as a tree: the six rules, each with its open gaps and, apart, a "Snoozed" group;
then the hints, apart from the rules.

The model adapts one `Checklist` value and never owns data: `set_checklist` swaps it in one reset
(cheap: rows are read lazily as the view paints them), and only when something changed.

Index ids: a top-level row has internal id 0; a row under top-level row r has r + 1; a snoozed gap
under rule r's "Snoozed" group has SNOOZED_BASE + r.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from journal.domain.checklist import Checklist, Finding, RuleResult, Snoozed
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
SNOOZED_BASE = 100
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


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


class ChecklistModel(QAbstractItemModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.checklist: Checklist | None = None
        self._icons: dict[str, QIcon] = {}

    # -- the data ----------------------------------------------------------------------------
    def set_checklist(self, checklist: Checklist | None) -> bool:
        """Show `checklist`; False (and no reset) when it shows the same as now."""
        if checklist == self.checklist:
            return False
        self.beginResetModel()
        self.checklist = checklist
        self.endResetModel()
        return True

    @property
    def rules(self) -> tuple[RuleResult, ...]:
        return self.checklist.rules if self.checklist else ()

    @property
    def hints(self) -> tuple[Finding, ...]:
        return self.checklist.hints if self.checklist else ()

    def _top_rows(self) -> int:
        if self.checklist is None:
            return 0
        return len(self.rules) + (1 if self.hints else 0)

    def _children(self, top: int) -> int:
        if top < len(self.rules):
            result = self.rules[top]
            return len(result.gaps) + (1 if result.snoozed else 0)
        return len(self.hints)

    def _is_snoozed_group(self, top: int, row: int) -> bool:
        return top < len(self.rules) and bool(self.rules[top].snoozed) and \
            row == len(self.rules[top].gaps)

    # -- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < self._top_rows() else QModelIndex()
        pid = parent.internalId()
        if pid == 0:
            top = parent.row()
            return self.createIndex(row, 0, top + 1) if row < self._children(top) \
                else QModelIndex()
        if pid < SNOOZED_BASE and self._is_snoozed_group(pid - 1, parent.row()):
            top = pid - 1
            if row < len(self.rules[top].snoozed):
                return self.createIndex(row, 0, SNOOZED_BASE + top)
        return QModelIndex()

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        iid = index.internalId()
        if iid == 0:
            return QModelIndex()
        if iid < SNOOZED_BASE:
            return self.createIndex(iid - 1, 0, 0)
        top = iid - SNOOZED_BASE
        return self.createIndex(len(self.rules[top].gaps), 0, top + 1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if self.checklist is None:
            return 0
        if not parent.isValid():
            return self._top_rows()
        if parent.column() != 0:
            return 0
        pid = parent.internalId()
        if pid == 0:
            return self._children(parent.row())
        if pid < SNOOZED_BASE and self._is_snoozed_group(pid - 1, parent.row()):
            return len(self.rules[pid - 1].snoozed)
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- what a row is -------------------------------------------------------------------------
    def item(self, index: _Index) -> tuple[str, Any]:
        """("rule", RuleResult) | ("hints", None) | ("gap", Finding) | ("snoozed_group",
        RuleResult) | ("snoozed", Snoozed) | ("hint", Finding)."""
        iid = index.internalId()
        if iid == 0:
            if index.row() < len(self.rules):
                return "rule", self.rules[index.row()]
            return "hints", None
        if iid < SNOOZED_BASE:
            top = iid - 1
            if top >= len(self.rules):
                return "hint", self.hints[index.row()]
            result = self.rules[top]
            if index.row() < len(result.gaps):
                return "gap", result.gaps[index.row()]
            return "snoozed_group", result
        return "snoozed", self.rules[iid - SNOOZED_BASE].snoozed[index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.checklist is None:
            return None
        what, value = self.item(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(what, value)
        if role == FINDING_ROLE:
            if what in ("gap", "hint"):
                return value
            return value.gap if what == "snoozed" else None
        if role == SNOOZED_ROLE:
            return value if what == "snoozed" else None
        if role == KEY_ROLE:
            return _key(what, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(what, value)
        if role == Qt.ItemDataRole.DecorationRole and what in ("rule", "hints"):
            return self._icon(what, value)
        if role == Qt.ItemDataRole.FontRole and what in ("rule", "hints", "snoozed_group"):
            font = QFont(QApplication.font())
            if what == "snoozed_group":
                font.setItalic(True)
            else:
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and what in ("snoozed_group", "snoozed"):
            return QApplication.palette().placeholderText()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and what == "rule":
            return tr("Holds") if value.holds else gap_count(len(value.gaps))
        return None

    def _text(self, what: str, value: Any) -> str:
        if what == "rule":
            state = tr("holds") if value.holds else gap_count(len(value.gaps))
            return f"{rule_title(value.rule)} — {state}"
        if what == "hints":
            return tr("Worth a look: patterns, not rules (%1)").replace("%1", str(len(self.hints)))
        if what == "snoozed_group":
            return tr("Snoozed (%1)").replace("%1", str(len(value.snoozed)))
        if what == "snoozed":
            return tr("%1 — until %2: %3").replace("%1", finding_text(value.gap)).replace(
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
        if what == "snoozed":
            return tr("Snoozed until %1. %2").replace("%1", value.until_on.isoformat()).replace(
                "%2", open_tip(value.gap))
        return open_tip(value)

    def _icon(self, what: str, value: Any) -> QIcon:
        name = "hint" if what == "hints" else ("holds" if value.holds else "gaps")
        dark = theme.is_dark(QApplication.instance())
        key = f"{name}-{dark}"
        if key not in self._icons:
            colors = {"holds": ("#2e8b57", "#5cc28a"), "gaps": ("#c27400", "#f0a73a"),
                      "hint": ("#5b6b8c", "#9fb0d0")}
            self._icons[key] = _dot(colors[name][1 if dark else 0])
        return self._icons[key]


def _key(what: str, value: Any) -> tuple:
    if what in ("rule", "snoozed_group"):
        return (what, value.rule.id)
    if what == "hints":
        return (what,)
    if what == "snoozed":
        return (what, *value.gap.snooze_key)
    return (what, *value.snooze_key)


__all__ = ["FINDING_ROLE", "KEY_ROLE", "SNOOZED_ROLE", "ChecklistModel", "Snoozed"]
