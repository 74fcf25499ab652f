"""Sample 1:1s: the last conversation with a few people, so "Prepare 1:1" has a starting point."""

from __future__ import annotations

from journal.domain.kinds import ONE_ON_ONE
from journal.sample.writer import Writer

# name, days ago, notes
ONE_ON_ONES: list[tuple[str, int, str]] = [
    ("Amara Okafor", 42, "She wants the game day to be hers from the kickoff note on. Agreed she "
     "fixes only the bastion steps that would block a real failover."),
    ("Amara Okafor", 14, "Dry run went well. She asked how to call an abort without sounding "
     "unsure; we agreed to rehearse it before the day.\n\n- Ask Diego for a payments watcher\n"
     "- Review the status page template together"),
    ("Kenji Watanabe", 21, "Talked about speaking up earlier in design reviews. He prefers to "
     "send written questions the day before; Sigrún agreed to read them out."),
    ("Diego Hernández", 33, "Quarterly catch-up: payments wants two weeks' notice before any "
     "failover test."),
    ("Zoë Lefèvre", 9, "Still waiting for a named mentor. She would like someone who knows our "
     "change process well."),
]


def write(w: Writer, p: dict[str, int]) -> None:
    for name, days_ago, notes in ONE_ON_ONES:
        w.add(ONE_ON_ONE, days_ago, person_id=p[name], held_on=w.day(days_ago), notes=notes)
