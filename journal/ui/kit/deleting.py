"""Delete with undo, the one way every list deletes: ask (naming what goes with the record),
delete through `journal.ops.deleting`, and put the way back on the window's undo list. Undoing
restores the records and shows the restored one again, selected, on its page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from journal.domain.kinds import KIND_LABELS
from journal.ops.deleting import delete_record, dependents
from journal.store.errors import JournalError
from journal.ui.context import PageContext


def tr(text: str) -> str:
    return QCoreApplication.translate("Lists", text)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question, No by default (one place, so tests can answer it)."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def dependents_sentence(counts: dict[str, int]) -> str:
    """'its 3 items', '2 check-ins, 1 goal': what a delete takes along, for the question."""
    parts = []
    for kind, count in counts.items():
        if kind == "retro_item":
            parts.append(tr("its item") if count == 1 else tr("its %1 items").replace(
                "%1", str(count)))
        else:
            label = KIND_LABELS.get(kind, kind)
            if count == 1:  # the labels are plurals: "people", "goals", "check-ins"
                label = "person" if label == "people" else label.removesuffix("s")
            parts.append(f"{count} {tr(label)}")
    return ", ".join(parts)


def delete_with_undo(parent: QWidget, ctx: PageContext, kind: str, record_id: int,
                     what: str, initiator: object = None) -> bool:
    """Ask, naming `what` ("the retro “Launch”") and what goes with it; delete; offer undo
    (Ctrl+Z), which restores everything and selects the record again. True when deleted."""
    journal = ctx.journal
    if journal.read_only:
        return False
    try:
        taken = dependents(journal, kind, record_id)
    except JournalError:
        return False
    text = tr("Delete %1?").replace("%1", what)
    if taken:
        text += " " + tr("This also deletes %1.").replace("%1", dependents_sentence(taken))
    text += "\n\n" + tr("You can bring it back with Edit ▸ Undo (Ctrl+Z).")
    if not ask(parent, tr("Delete"), text):
        return False
    ctx.saver.flush()  # the undo brings back the latest text, not an older one
    try:
        done = delete_record(journal, kind, record_id, initiator=initiator)
    except JournalError as error:
        ctx.status(str(error))
        return False

    def undo() -> None:
        done.undo()
        ctx.show_record(done.kind, done.record_id)

    ctx.undo.push(tr("delete %1").replace("%1", what), undo)
    ctx.status(tr("Deleted %1. Ctrl+Z brings it back.").replace("%1", what))
    return True
