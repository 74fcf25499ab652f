"""The pages of the main window: opening each on a fresh window, selecting a record in its list,
and the time from an edit to the change being visible.

Every page measure runs in this process on one offscreen QApplication. A page is opened on a
fresh MainWindow showing the Checklist (as after start-up), so the time includes importing the
page's modules the first time, building it and loading its rows. Measures that write use a private
copy of the journal, so the cached file stays as generated.
"""

from __future__ import annotations

import itertools
from typing import Any

from benchmarks import gui
from benchmarks.registry import Context, Sample, measure, median

OPEN_TARGET = "< 50 ms"
SELECT_TARGET = "< 50 ms"
EDIT_TARGET = "< 100 ms"
_EDITS = itertools.count(1)  # every edit writes new text, or the save would have nothing to do


def _journal(ctx: Context):
    """The journal the GUI measures open, with the app's settings kept in the scratch folder."""

    def prepare():
        gui.use_private_settings(ctx.workdir / "home")
        return gui.private_copy(ctx.journal(), ctx.workdir / "gui")

    return ctx.once("gui.journal", prepare)


def _runs(ctx: Context) -> int:
    return max(3, min(ctx.repeat, 10))  # a fresh window per run: ten are plenty for a median


def _open(ctx: Context, key: str) -> Sample:
    opening, _ = gui.page_open_times(_journal(ctx), key, _runs(ctx))
    return Sample(median(opening))


def _visible_ids(view: Any, id_role: int) -> list[int]:
    """Record ids in the order a view shows them (after its filter and sort)."""
    model = view.model()
    return [model.index(row, 0).data(id_role) for row in range(model.rowCount())]


def _select_each(ids: list[int], select, shown, steps: int = 4) -> list[float]:
    """Select `steps` records spread over `ids` (never the one already shown); ms each."""
    if len(ids) < 2:
        raise RuntimeError("the list needs at least two records to switch between")
    times = []
    for step in range(steps):
        target = ids[1 + (step * 37 + 11) % (len(ids) - 1)]
        if shown() == target:
            target = ids[0]
        times.append(gui.timed_ms(lambda t=target: select(t)))
        if shown() != target:
            raise RuntimeError(f"record {target} was selected but not shown")
    return times


# -- opening each page -----------------------------------------------------------------------
@measure("page.mentoring.open", target=OPEN_TARGET, gui=True)
def mentoring_open(ctx: Context) -> Sample:
    return _open(ctx, "mentoring")


@measure("page.feedback.open", target=OPEN_TARGET, gui=True)
def feedback_open(ctx: Context) -> Sample:
    return _open(ctx, "feedback")


@measure("page.reflections.open", target=OPEN_TARGET, gui=True)
def reflections_open(ctx: Context) -> Sample:
    return _open(ctx, "reflections")


@measure("page.partners.open", target=OPEN_TARGET, gui=True)
def partners_open(ctx: Context) -> Sample:
    return _open(ctx, "partners")


@measure("page.decisions.open", target=OPEN_TARGET, gui=True)
def decisions_open(ctx: Context) -> Sample:
    return _open(ctx, "decisions")


# -- selecting a record ----------------------------------------------------------------------
@measure("page.mentoring.switch_mentee", target=SELECT_TARGET, gui=True)
def mentoring_switch(ctx: Context) -> Sample:
    _, switching = gui.page_open_times(_journal(ctx), "mentoring", _runs(ctx),
                                       then=gui.switch_mentees)
    return Sample(median(switching))


def _select_in(md: Any) -> list[float]:
    """Select records in a page's list (its MasterDetail) until the editor beside it shows each."""
    from journal.ui.models.record_table import ID_ROLE

    return _select_each(_visible_ids(md.table, ID_ROLE), md.select,
                        lambda: md.editor.record.id if md.editor.record else None)


@measure("page.feedback.select_draft", target=SELECT_TARGET, gui=True)
def feedback_select_draft(ctx: Context) -> Sample:
    _, times = gui.page_open_times(_journal(ctx), "feedback", _runs(ctx),
                                   then=lambda page: _select_in(page.drafts.md))
    return Sample(median(times))


@measure("page.feedback.select_retro", target=SELECT_TARGET, gui=True)
def feedback_select_retro(ctx: Context) -> Sample:
    def select_retros(page: Any) -> list[float]:
        page.tabs.setCurrentIndex(1)
        gui.process_events()
        return _select_in(page.retros.md)

    _, times = gui.page_open_times(_journal(ctx), "feedback", _runs(ctx), then=select_retros)
    return Sample(median(times))


@measure("page.reflections.select", target=SELECT_TARGET, gui=True)
def reflections_select(ctx: Context) -> Sample:
    _, times = gui.page_open_times(_journal(ctx), "reflections", _runs(ctx),
                                   then=lambda page: _select_in(page.md))
    return Sample(median(times))


# -- from an edit to the change on screen ----------------------------------------------------
@measure("edit.feedback.coach", target=EDIT_TARGET, gui=True)
def feedback_coach(ctx: Context) -> Sample:
    """Typing a sentence into a draft's Behavior field, then the pause ending: the time from
    the coach starting to the panel showing the new hints. The pause itself (the editor waits
    until typing stops for sbi_editor.COACH_DELAY_MS) is deliberate and not counted."""

    def coach(page: Any) -> list[float]:
        editor = page.drafts.editor
        if editor.record is None:
            raise RuntimeError("no draft is open in the editor")
        behavior = editor.parts["behavior"]
        times = []
        for text in (" You always interrupt people.", " They seem lazy about reviews.",
                     " She walked the team through the rollback plan.", " He is never ready."):
            behavior.moveCursor(behavior.textCursor().MoveOperation.End)
            behavior.insertPlainText(text)  # as typed: the coach's timer restarts
            times.append(gui.timed_ms(editor.run_coach))  # what runs when the pause ends
            if len(editor.panel.messages()) != len(editor.hints):
                raise RuntimeError("the coach panel does not show the new hints")
        return times

    _, times = gui.page_open_times(_journal(ctx), "feedback", _runs(ctx), then=coach)
    return Sample(median(times))


@measure("edit.feedback.keystroke", target="< 16 ms", gui=True)
def feedback_keystroke(ctx: Context) -> Sample:
    """One character typed into a draft's Situation field, with everything it triggers at once
    (the autosave and coach timers restart; the text repaints): it must fit in one frame."""
    from PySide6.QtTest import QTest

    def type_keys(page: Any) -> list[float]:
        edit = page.drafts.editor.parts["situation"]
        edit.setFocus()
        gui.process_events()
        typed = "In the demo"
        before = len(edit.toPlainText())
        times = [gui.timed_ms(lambda ch=ch: QTest.keyClick(edit, ch)) for ch in typed]
        if len(edit.toPlainText()) != before + len(typed):
            raise RuntimeError("the keys did not reach the draft's Situation field")
        return times

    _, times = gui.page_open_times(_journal(ctx), "feedback", _runs(ctx), then=type_keys)
    return Sample(median(times))


@measure("edit.mentoring.check_in_saved", target=EDIT_TARGET, gui=True)
def check_in_saved(ctx: Context) -> Sample:
    """Changing a check-in's progress, then its save (the quiet spell ending, or focus leaving):
    the time from the save starting to the check-in list showing the new text."""
    from PySide6.QtCore import Qt

    def edit_check_ins(page: Any) -> list[float]:
        window = page.window()
        check_ins = page.detail.check_ins
        ids = gui.mentee_ids(page)
        times = []
        for step in range(3):
            page.md.show(ids[(step * 17 + 3) % len(ids)])
            gui.process_events()
            if check_ins.current() is None:
                continue  # this mentee's first goal has no check-ins yet
            text = f"Benchmark edit {next(_EDITS)}: walked through the runbook together."
            check_ins.progress.setPlainText(text)

            def shown(t=text) -> bool:
                index = check_ins.table.currentIndex().siblingAtColumn(2)
                return index.data(Qt.ItemDataRole.DisplayRole) == t

            times.append(gui.timed_until_ms(window.saver.flush, shown))
        if not times:
            raise RuntimeError("no mentee with a check-in to edit")
        return times

    _, times = gui.page_open_times(_journal(ctx), "mentoring", _runs(ctx), then=edit_check_ins)
    return Sample(median(times))
