"""Deleting with a way back: a confirmation that names what goes with the record, then an
undo entry (Ctrl+Z) that restores all of it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from journal.store.errors import JournalError
from journal.ui.context import PageContext
from journal.ui.mentoring.labels import count_text, tr


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before deleting. Tests replace this function to answer for the user."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Cancel, parent)
    delete = box.addButton(tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def confirmation_text(what: str, dependents: dict[str, int]) -> str:
    """'Delete this goal? It has 12 check-ins; they will be deleted too. …'"""
    lines = [tr("Delete %1?").replace("%1", what)]
    if dependents:
        parts = [count_text(kind, n) for kind, n in dependents.items()]
        lines.append(tr("It has %1; they will be deleted too.").replace("%1", ", ".join(parts)))
    lines.append(tr("You can undo right after with Ctrl+Z."))
    return "\n\n".join(lines)


def delete_with_undo(ctx: PageContext, parent: QWidget, kind: str, record_id: int, what: str,
                     initiator: object = None) -> bool:
    """Confirm, delete `kind`/`record_id` and what depends on it, and push the undo. `what`
    names the record for the user ("this goal", "the session of 2026-11-03")."""
    journal = ctx.journal
    if journal.read_only:
        return False
    ctx.saver.flush()  # the undo should bring back the latest text, not an older one
    try:
        plan = journal.deletion_plan(kind, record_id)
    except JournalError:
        return False
    if not confirm(parent, tr("Delete"), confirmation_text(what, plan.dependents())):
        return False
    try:
        removal = journal.delete(kind, record_id, initiator=initiator)
    except JournalError as error:
        QMessageBox.warning(parent, tr("Cannot delete"), str(error))
        return False
    label = tr("delete %1").replace("%1", what)
    ctx.undo.push(label, lambda: journal.restore(removal))
    ctx.status(tr("Deleted %1. Ctrl+Z brings it back.").replace("%1", what))
    return True
