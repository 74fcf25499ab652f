"""The 1:1 prep note as Markdown: the one wording that HTML, PDF and the app's view render.

The user's notes (1:1 notes, progress, session notes) are Markdown already and go in as written
(`block`: their headings ranked below the note's own, a code fence left open closed where the
note ends). Headings and list lines take the user's text flattened to one line and escaped
(`inline`), so a name or a title shows exactly what was typed and never makes a heading, a
table, a link or emphasis of its own.
"""

from __future__ import annotations

import datetime as dt
import re

from journal.domain.prep import PrepFacts, agenda, empty_note_agenda, one_line
from journal.domain.thresholds import Thresholds

_HEALTH = {"on_track": "on track", "at_risk": "at risk", "off_track": "off track"}


# What Markdown (with "extra": tables, attribute lists) reads as syntax inside a line.
# ("_" only at the edge of a word: snake_case shows no emphasis anywhere, and stays unescaped)
_INLINE = re.compile(r"([\\`*{}\[\]>#|]|(?<!\w)_|_(?!\w))")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")


# Markdown leaves viewers we do not control (the vault, a note saved as .md); some render raw
# HTML and follow any link. In the user's notes, outside code, a tag shows as typed and a link
# goes only to the web or to mail.
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_AUTOLINK = re.compile(r"<(?:(?:https?|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>]+)>", re.I)
_DESTINATION = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]+\]:\s*)(\S+)")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def _safe_destination(dest: str) -> str:
    import html

    seen = re.sub(r"[\t\n\r]", "", html.unescape(dest.strip("<>")).strip(
        "".join(map(chr, range(0x21))))).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", seen)
    return dest if scheme is None or scheme.group(1) in _SAFE_SCHEMES else "#blocked-link"


def _inert(text: str) -> str:
    """One line of the user's Markdown, outside code spans: links only to safe schemes, and
    `<` that does not start an autolink shown as typed."""
    text = _DESTINATION.sub(lambda m: m.group(1) + _safe_destination(m.group(2)), text)
    text = _DEFINITION.sub(lambda m: m.group(1) + _safe_destination(m.group(2)), text)
    out, last = [], 0
    for m in _AUTOLINK.finditer(text):
        out += [text[last:m.start()].replace("<", "&lt;"), m.group(0)]
        last = m.end()
    out.append(text[last:].replace("<", "&lt;"))
    return "".join(out)


def _inert_line(line: str) -> str:
    if line.startswith(("    ", "\t")):
        return line  # an indented code block: shown as typed already
    out, last = [], 0
    for m in _CODE_SPAN.finditer(line):
        out += [_inert(line[last:m.start()]), m.group(0)]
        last = m.end()
    out.append(_inert(line[last:]))
    return "".join(out)


def inline(text: str) -> str:
    """One line of the user's text, escaped: Markdown shows it exactly as typed."""
    flat = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _INLINE.sub(r"\\\1", flat)


def block(text: str) -> str:
    """The user's Markdown as written, kept inside its place in the note: its headings four
    levels down (under the note's ###), a line of --- or === after text not a heading, a code
    fence left open closed at the end, and no raw HTML or unsafe link outside code."""
    out: list[str] = []
    fence = ""
    after_text = False
    for line in text.strip().splitlines():
        opener = _FENCE.match(line)
        if fence:
            out.append(line)
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            continue
        if opener:
            fence = opener.group(1)
            # Its info string is no content where the fence is one; a renderer that does not
            # take the line as a fence shows it as text, so no tag there either.
            out.append(line[:opener.end()] + line[opener.end():].replace("<", "&lt;"))
            after_text = False
            continue
        line = _inert_line(line)
        if _ATX.match(line):
            line = _ATX.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + 3), line)
        elif after_text and _SETEXT.match(line):
            out.append("")
        out.append(line)
        after_text = bool(line.strip())
    if fence:
        out.append(fence)
    return "\n".join(out)


def title_of(facts: PrepFacts) -> str:
    return f"1:1 with {isolated(facts.person.name)} — {facts.today.isoformat()}"


def isolated(text: str) -> str:
    """`text` followed by a left-to-right mark when it holds right-to-left letters, so the
    date after an Arabic or Hebrew name stays after it instead of being drawn into its run."""
    import unicodedata

    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text):
        return f"{text}\u200e"
    return text


def _indented(text: str, prefix: str = "    ") -> list[str]:
    """The user's text as a block inside a list item: every line indented by four spaces,
    as Python-Markdown needs."""
    lines = block(text).splitlines()
    if not lines:
        return []
    # Blank lines around it: without the one after, the next item would continue this paragraph.
    return ["", *(f"{prefix}{line}" if line.strip() else "" for line in lines), ""]


def _ago(today: dt.date, day: dt.date) -> str:
    n = (today - day).days
    if n == 0:
        return "today"
    if n == 1:
        return "yesterday"
    return f"{n} days ago" if n > 0 else f"in {-n} days"


def prep_markdown(facts: PrepFacts, my_notes: str = "",
                  thresholds: Thresholds | None = None) -> str:
    """The whole note. `my_notes`: the user's notes for this 1:1, added at the end."""
    thresholds = thresholds or Thresholds()
    name = facts.person.name
    out = [f"# {inline(title_of(facts))}", ""]
    if facts.is_empty():
        out += [f"Nothing is recorded about {inline(name)} yet: no goals, feedback, sessions, "
                "partner teams or earlier 1:1s. That is fine for a first conversation.", "",
                "## Suggested agenda", ""]
        out += [f"{i}. {item}" for i, item in enumerate(empty_note_agenda(), 1)]
        out += ["", "Once it is over, mark the 1:1 held with a few notes: the next prep starts "
                "from there."]
        return _with_my_notes(out, my_notes)
    out += [_summary(facts), ""]
    out += ["## Suggested agenda", ""]
    out += [f"{i}. {inline(item)}" for i, item in enumerate(agenda(facts, thresholds), 1)]
    out += ["", _since_heading(facts), ""]
    if facts.earlier_events:
        out += [f"_{facts.earlier_events} earlier items are left out; the newest "
                f"{len(facts.events)} follow._", ""]
    if facts.events:
        for e in facts.events:
            out.append(f"- **{e.on.isoformat()}** · {inline(e.text)}")
            out += _indented(e.detail)
    else:
        out.append("Nothing was recorded in these four weeks." if facts.first_window
                   else "Nothing new has been recorded since then.")
    out.append("")
    _goals(facts, out)
    _drafts(facts, out)
    _sessions(facts, out)
    _conflicts_and_teams(facts, out)
    if facts.flags:
        out += ["## What the checklist flags", ""]
        out += [f"- {inline(flag)}" for flag in facts.flags]
        out.append("")
    if facts.last is not None and facts.last.notes.strip():
        out += [f"## Notes from the last 1:1 ({facts.last.held_on.isoformat()})", "",
                block(facts.last.notes), ""]
    return _with_my_notes(out, my_notes)


def _with_my_notes(out: list[str], my_notes: str) -> str:
    if my_notes.strip():
        out += ["", "## My notes for this 1:1", "", block(my_notes)]
    return "\n".join(out).rstrip() + "\n"


def _summary(facts: PrepFacts) -> str:
    parts = []
    if facts.person.team.strip():
        parts.append(f"Team: {inline(one_line(facts.person.team, 60))}")
    ship = facts.mentorship
    if ship is not None:
        mentor = "you" if ship.mentor_is_me else (inline(facts.mentor_name) or "nobody named yet")
        state = f"ended {ship.ended_on.isoformat()}" if ship.ended_on else (
            f"since {ship.started_on.isoformat()}" if ship.started_on else "")
        parts.append(f"Mentee, mentored by {mentor} ({ship.structure.replace('_', ' ')}, "
                     f"{state})")
    if facts.last is not None:
        parts.append(f"Last 1:1: {facts.last.held_on.isoformat()} "
                     f"({_ago(facts.today, facts.last.held_on)})")
    else:
        parts.append("No 1:1 recorded yet")
    return " · ".join(parts)


def _since_heading(facts: PrepFacts) -> str:
    b = facts.boundary
    if b.day is None:
        return "## Everything recorded so far"
    if facts.first_window:
        return "## The last four weeks (no 1:1 recorded yet)"
    if facts.last is not None and b.day == facts.last.held_on:
        return f"## Since the last 1:1 ({facts.last.held_on.isoformat()})"
    return f"## Since {(b.day + dt.timedelta(days=1)).isoformat()}"


def _goals(facts: PrepFacts, out: list[str]) -> None:
    active = [g for g in facts.goals if g.goal.status == "active"]
    if not active:
        return
    out += ["## Active goals", ""]
    for status in active:
        goal = status.goal
        target = f" (target {goal.target_on.isoformat()})" if goal.target_on else " (no target)"
        out += [f"### {inline(one_line(goal.outcome, 120)) or 'Untitled goal'}{target}", ""]
        if goal.success_signal.strip():
            out += [f"- **Success looks like:** {inline(one_line(goal.success_signal, 300))}"]
        if status.past_target_days:
            out.append(f"- **The target date passed {status.past_target_days} days ago.**")
        if status.due is not None:
            late = (f" — **{status.overdue_days} days overdue**" if status.overdue_days else "")
            out.append(f"- Next check-in due {status.due.isoformat()}{late}")
        if not status.latest:
            out.append("- No check-in yet.")
        for c in status.latest:
            out.append(f"- Check-in {c.on_date.isoformat()}, {_HEALTH.get(c.health, c.health)}")
            out += _indented(c.progress)
            if c.next_step.strip():
                out += [f"    Next step: {inline(one_line(c.next_step, 300))}", ""]
        out.append("")


def _drafts(facts: PrepFacts, out: list[str]) -> None:
    if not facts.drafts:
        return
    out += ["## Feedback waiting to be given", ""]
    for d in facts.drafts:
        out += [f"### {d.polarity.capitalize()}, drafted {d.created_at[:10]}", ""]
        for label, text in (("Situation", d.situation), ("Behavior", d.behavior),
                            ("Impact", d.impact)):
            shown = inline(one_line(text, 600)) if text.strip() else "_(not written yet)_"
            out.append(f"- **{label}:** {shown}")
        out.append("")


def _sessions(facts: PrepFacts, out: list[str]) -> None:
    if not facts.sessions:
        return
    out += ["## Recent sessions", ""]
    for s in facts.sessions:
        drove = "they drove" if s.driver == "mentee" else "you drove"
        incident = ", during an incident" if s.during_incident else ""
        out += [f"### {s.on_date.isoformat()} · {s.structure.replace('_', ' ')} "
                f"({drove}{incident})", ""]
        if s.notes.strip():
            out += [block(s.notes), ""]
        frame = [("What changed", s.what_changed), ("Smallest reproducer", s.smallest_reproducer),
                 ("Evidence", s.evidence), ("Hypothesis", s.hypothesis), ("Test", s.test)]
        written = [(label, text) for label, text in frame if text.strip()]
        for label, text in written:
            out.append(f"- **{label}:** {inline(one_line(text, 600))}")
        if written:
            out.append("")


def _conflicts_and_teams(facts: PrepFacts, out: list[str]) -> None:
    if facts.conflicts:
        out += ["## Open conflicts they are part of", ""]
        for part in facts.conflicts:
            c = part.conflict
            role = ("they make the decision" if part.role == "decision_maker"
                    else "they own part of it" + (f": {inline(one_line(part.responsibility, 200))}"
                                                  if part.responsibility.strip() else ""))
            out.append(f"- **{inline(one_line(c.title, 120)) or 'Untitled conflict'}** — {role}")
        out.append("")
    if facts.decisions:
        out += ["## Proposed decisions they are part of", ""]
        for part in facts.decisions:
            d = part.record
            number = f"ADR {d.adr_number}: " if d.adr_number is not None else ""
            roles = ", ".join(r.replace("_", " ") for r in part.roles)
            out.append(f"- **{number}{inline(one_line(d.title, 120)) or 'Untitled decision'}** — "
                       f"{roles}")
        out.append("")
    if facts.teams:
        out += ["## Teams they are the contact for", ""]
        for t in facts.teams:
            last = t.last_contact.isoformat() if t.last_contact else "never"
            calm = (t.last_calm_contact.isoformat() if t.last_calm_contact
                    else "never")
            out.append(f"- **{inline(one_line(t.team.name, 80))}** — last contact {last}; "
                       f"last outside an incident {calm}")
        out.append("")
