"""The People page names what the newer kinds make a person: 1:1s with the user and a part in a
decision record, in words (not "Named in a record", not "One on one")."""

from __future__ import annotations

import datetime as dt

from journal.domain import kinds
from journal.ui.people.person_page import RECORD_ROLE


def test_one_on_ones_and_decisions_are_named_in_words(window, qtbot):
    journal = window.journal
    ana = journal.create(kinds.PERSON, name="Ana")
    journal.create(kinds.ONE_ON_ONE, person_id=ana.id, held_on=dt.date(2026, 11, 2),
                   notes="Talked about the rota")
    decision = journal.create(kinds.DECISION_RECORD, title="Keep runbooks in the repo")
    journal.create(kinds.DECISION_PERSON, decision_record_id=decision.id, person_id=ana.id,
                   role="consulted")
    window.show_record(kinds.PERSON, ana.id)
    page = window.pages["people"]
    roles = page.editor.roles.text()
    assert "Named in a record" not in roles, roles
    assert "1:1" in roles and "decision" in roles.lower(), roles
    row = next(r for r in page.model.rows if r.id == ana.id)
    assert "Named in a record" not in page.spec().columns[1].text(row)
    timeline = page.editor.timeline
    whats = {timeline.topLevelItem(i).text(1): timeline.topLevelItem(i).data(0, RECORD_ROLE)[0]
             for i in range(timeline.topLevelItemCount())}
    assert "One on one" not in whats, whats
    assert whats.get("1:1") == kinds.ONE_ON_ONE, whats


def test_a_decision_they_took_part_in_is_on_their_timeline(journal):
    from journal.store.person_links import timeline

    bo = journal.create(kinds.PERSON, name="Bo Berg")
    decision = journal.create(kinds.DECISION_RECORD, title="Page on SLO burn")
    journal.create(kinds.DECISION_PERSON, decision_record_id=decision.id, person_id=bo.id,
                   role="decision_maker")
    entries = timeline(journal, bo.id)
    assert [(e.kind, e.id) for e in entries] == [(kinds.DECISION_RECORD, decision.id)]
