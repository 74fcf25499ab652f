"""Links between records shown as clickable text: a review's decision record, the record that
supersedes another, the records it supersedes. The text is read from the store each time it is
shown, so a renamed record shows its new name, and the link goes by id."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class RecordLinks(QLabel):
    """Zero or more records as links; activating one calls `open(kind, id)`."""

    def __init__(self, open_record: Callable[[str, int], None], empty: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.open_record = open_record
        self.empty = empty
        self.targets: list[tuple[str, int, str]] = []
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._activated)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_links(self, targets: Sequence[tuple[str, int, str]]) -> None:
        """`targets`: (kind, id, text) of each record linked."""
        self.targets = list(targets)
        if not self.targets:
            self.setText(html.escape(self.empty))
            return
        self.setText("<br>".join(f'<a href="record:{kind}:{rid}">{html.escape(text)}</a>'
                                 for kind, rid, text in self.targets))

    def _activated(self, href: str) -> None:
        scheme, kind, rid = href.split(":", 2)
        if scheme == "record" and rid.isdigit():
            self.open_record(kind, int(rid))

    def activate(self, index: int = 0) -> None:
        """Follow the `index`-th link (what a click does; for the keyboard and tests)."""
        kind, rid, _ = self.targets[index]
        self.open_record(kind, rid)
