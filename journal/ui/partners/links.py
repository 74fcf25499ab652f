"""Links from a dashboards or runbooks field, shown under it: http, https and file links open in
the system's browser or file viewer; any other text (a javascript: URL, a custom scheme, a plain
note) is shown as text and never handed to the system."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from journal.domain.partners import is_openable, links_in
from journal.ui.partners.words import tr


def open_link(link: str) -> bool:
    """Open `link` if it may be opened; False (and nothing happens) otherwise."""
    if not is_openable(link):
        return False
    return QDesktopServices.openUrl(QUrl(link.strip()))


class LinkList(QLabel):
    """The links of a field as a list: the openable ones clickable, the rest as plain text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)  # every click goes through open_link's check
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.linkActivated.connect(open_link)
        # A long URL has nowhere to wrap: let the label be narrower than it, not the editor wider.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.links: list[str] = []

    def set_text(self, text: str) -> None:
        self.links = links_in(text)
        lines = []
        not_opened = html.escape(tr("not a web or file link, so it is not opened"))
        for link in self.links:
            shown = html.escape(link)
            if is_openable(link):
                lines.append(f'<a href="{html.escape(link, quote=True)}">{shown}</a>')
            else:
                lines.append(f"{shown} <i>({not_opened})</i>")
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))

    def openable(self) -> list[str]:
        return [link for link in self.links if is_openable(link)]
