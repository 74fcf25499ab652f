"""The page kit: a list-and-editor page is a `ListSpec` plus an editor.

A page declares what differs (its record kind, columns, filters and sort, the store query its
rows come from, its texts, how a new record is made, its editor); `ListEditorPage` owns the
rest: the splitter, the list and its selection, paging, filtering (in SQL and in memory),
skipping the editor's own saves, delete with undo, Ctrl+N, the empty state, remembered state
(splitter, sort, choice filter and the chosen record, across restarts) and `show_record(kind,
record_id, field=None)`, which selects the record and calls the editor's `focus_field(field)`.

A complete page (store side: a row with `id`, `status`, `search_text`, and `rows`/`row` reading
them; for a list that can grow long, a `page(journal, query, offset, limit)` as in
`journal/store/reflections.py`, passed as `Query(page, one, exists, orders={...})`)::

    from journal.domain.kinds import PARTNER_TEAM
    from journal.store.partners import team_row, team_rows
    from journal.ui.kit import Choice, Column, ListEditorPage, ListSpec, Query, Search, Texts
    from journal.ui.partners.team_editor import TeamEditor, tr   # a FormEditor

    class PartnersPage(ListEditorPage):
        @classmethod
        def spec(cls) -> ListSpec:
            return ListSpec(
                kind=PARTNER_TEAM, name="partnerTeam", editor=TeamEditor,
                columns=[Column(tr("Team"), lambda r: r.name),
                         Column(tr("Health"), lambda r: r.health)],
                query=Query.whole(team_rows, team_row),
                new=lambda journal: journal.create(PARTNER_TEAM, name=""), new_field="name",
                describe=lambda row: tr("the team %1").replace("%1", row.name),
                search=Search(tr("Filter by name"), tr("Filter partner teams")),
                choice=Choice([("active", {"active"}), ("all", None)],
                              lambda key: {"active": tr("Active"), "all": tr("All")}[key],
                              tr("S&how:"), default="active"),
                texts=Texts(tr("Partner teams"), tr("The teams yours depends on…"),
                            tr("&Add a team"), tr("Choose a team…"), tr("Nothing matches."),
                            tr("&New team"), tr("Add a team (Ctrl+N)"), tr("&New team"),
                            tr("Partner teams")))

Then one line in `journal/ui/pages/__init__.py`'s PAGES:
`PageSpec("partners", "journal.ui.pages.partners", "PartnersPage", (PARTNER_TEAM,), "Partner
teams")`. The editor is a `journal.ui.forms.FormEditor` (bind widgets in `bind_fields`, show a
record in `load`), which already meets `RecordEditor`: `initiator`, `focus_field`,
`first_widget`, `refresh_from_store`, `related_changed`. Deleting elsewhere (a button in an
editor) uses `delete_with_undo(parent, ctx, kind, record_id, what)`; it is built on
`journal.ops.deleting.delete_record`, which returns the `Undo` the CLI can use as well.

More to declare when a page needs it (see `journal/ui/pages/mentoring.py` and
`journal/ui/feedback/drafts_tab.py`): `Search(..., label="F&ind:")`; a two-way `Choice(...,
check_box=True)` ("Show ended") beside the search box (a box of choices takes the line
under it); `SortBy(label, [(text,
column)])` for a "Sort by" box; `Column(..., font=...)` for bold or italic rows. A page overrides
`new_record` when "new" asks first (a dialog, a recipient) and `on_changes`/`show_record` when
its editor shows more than one kind. An editor with a `finished` signal (a Done button) sends
the cursor back to the list.
"""

from journal.ui.kit.deleting import delete_with_undo
from journal.ui.kit.editor import RecordEditor
from journal.ui.kit.page import ListEditorPage, list_model
from journal.ui.kit.parts import EmptyState, StatusChoice, StatusToggle, filter_edit
from journal.ui.kit.spec import Choice, ListSpec, Query, Search, SortBy, Texts
from journal.ui.models.record_table import Column

__all__ = ["Choice", "Column", "EmptyState", "ListEditorPage", "ListSpec", "Query",
           "RecordEditor", "Search", "SortBy", "StatusChoice", "StatusToggle", "Texts",
           "delete_with_undo", "filter_edit", "list_model"]
