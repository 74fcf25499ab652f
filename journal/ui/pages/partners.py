"""The Partner teams page: the teams yours depends on, each with its point of contact, a strip of
the last twelve months of contacts, and a mark when it is time to talk outside an incident."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from journal.domain.kinds import PARTNER_CONTACT, PARTNER_TEAM, PERSON
from journal.domain.partners import neglect_key
from journal.store.partners import TeamRow, any_teams, contact_days, team_page, team_row
from journal.ui.kit import Choice, Column, ListEditorPage, ListSpec, Query, Search, Texts
from journal.ui.partners.strip import StripDelegate
from journal.ui.partners.team_editor import TeamEditor
from journal.ui.partners.words import standing_short, standing_text, tr

STANDING_COLUMN, STRIP_COLUMN = 2, 3


def _strip_text(row: TeamRow) -> str:
    calm = sum(1 for m in row.strip if not m.during_incident)
    incident = len(row.strip) - calm
    return tr("%1 calm, %2 during incidents").replace("%1", str(calm)).replace(
        "%2", str(incident))


class PartnersPage(ListEditorPage):
    @classmethod
    def spec(cls) -> ListSpec:
        return ListSpec(
            kind=PARTNER_TEAM, name="partnerTeam", editor=TeamEditor,
            related=(PARTNER_CONTACT, PERSON),
            columns=[
                Column(tr("Team"), lambda r: r.name or tr("(no name yet)")),
                Column(tr("Contact"), lambda r: r.contact_name or tr("No one named"),
                       sort=lambda r: r.contact_name.casefold()),
                Column(tr("Calm contact"), lambda r: standing_short(r.standing),
                       sort=lambda r: neglect_key(r.standing),
                       tooltip=lambda r: standing_text(r.standing)),
                Column(tr("Last 12 months"), _strip_text, sort=lambda r: len(r.strip),
                       tooltip=_strip_text)],
            query=Query(team_page, team_row, any_teams,
                        orders={0: "name", 1: "contact", STANDING_COLUMN: "neglect",
                                STRIP_COLUMN: "strip"}),
            sort=(0, Qt.SortOrder.AscendingOrder), widths={0: 140, 1: 115, 3: 140},
            stretch=STANDING_COLUMN, sizes=(520, 560),
            hide_first=(STRIP_COLUMN, 1),  # the contact's name is in the editor too
            new=lambda journal: journal.create(PARTNER_TEAM, name=tr("New team")), new_field="name",
            describe=lambda row: (tr("the partner team “%1”").replace("%1", row.name)
                                  if row.name else tr("this partner team")),
            search=Search(tr("Filter by team, contact or words"), tr("Filter partner teams")),
            choice=Choice((("all", None), ("needs_contact", frozenset({"needs_contact"}))),
                          lambda key: {"all": tr("All teams"),
                                       "needs_contact": tr("Time to talk")}[key],
                          tr("S&how:"), default="all"),
            texts=Texts(
                empty_heading=tr("Partner teams"),
                empty_body=tr("The teams yours depends on, and the people there you can call. "
                              "Talk to them while nothing is broken: the first conversation "
                              "should not happen on an incident bridge. Log each contact and "
                              "the page shows who you have not talked to in a while."),
                empty_button=tr("&Add a partner team"),
                nothing=tr("Choose a team on the left, or press Ctrl+N to add one."),
                no_match=tr("Nothing matches. Clear the filter to see every team."),
                new_button=tr("&New team"), new_tip=tr("Add a partner team (Ctrl+N)"),
                new_action=tr("&New partner team"), list_name=tr("Partner teams")))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.strip_delegate = StripDelegate(90, self.table)
        self.table.setItemDelegateForColumn(STRIP_COLUMN, self.strip_delegate)
        self.neglected_button = QPushButton(tr("&Most neglected first"))
        self.neglected_button.setToolTip(tr("Sort the teams you have not talked to outside an "
                                            "incident for longest to the top"))
        self.neglected_button.clicked.connect(self.sort_most_neglected)
        self.md.left.layout().insertWidget(1, self.neglected_button, 0,
                                           Qt.AlignmentFlag.AlignLeft)

    def sort_most_neglected(self) -> None:
        self.table.sortByColumn(STANDING_COLUMN, Qt.SortOrder.AscendingOrder)

    def journal_changed(self) -> None:
        if self.ctx is not None:
            self.strip_delegate.threshold_days = contact_days(self.ctx.journal)
        super().journal_changed()
