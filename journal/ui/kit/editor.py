"""What a list-and-editor page asks of its editor (the widget on the right).

`journal.ui.forms.FormEditor` already does all of it for an editor of one record's fields: a
subclass binds its widgets in `bind_fields` and shows a record in `load`; `focus_field` focuses
the bound widget of a field, `initiator` is its form. Override what differs.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from journal.store.changes import Changes
from journal.ui.context import PageContext


class RecordEditor(Protocol):
    """The editor of one record, shown beside the list.

    `record` is the record shown (None: nothing). `initiator` is what the editor passes as the
    initiator of its own saves: the page refreshes only the list's row for those, so typing is
    never disturbed by a reload. An editor may also have a `finished` signal (a Done button):
    the page then puts the cursor back on its list.
    """

    record: Any
    initiator: object

    def set_context(self, ctx: PageContext | None) -> None:
        """A journal was opened (or closed: None). Show nothing until `load`."""

    def load(self, record: Any) -> None:
        """Show `record` (None: nothing)."""

    def refresh_from_store(self) -> None:
        """Another writer changed the record shown: show its stored values."""

    def related_changed(self, changes: Changes) -> None:
        """Records of the page's `related` kinds changed (say, people an editor offers)."""

    def focus_field(self, name: str | None) -> None:
        """Put the cursor in the widget of the record's field `name` (None: the first one),
        making it visible first (its step, its tab)."""

    def first_widget(self) -> QWidget:
        """The widget Tab reaches first in the editor (after the list and its New button)."""
