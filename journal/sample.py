"""The sample journal, generated in code so that it always looks current.

`populate` writes a small but lived-in journal of a senior SRE, "Alex Rivera": mentees, goals,
check-ins, feedback, retros, partner teams, design reviews, decision records, roadmap proposals and
cross-team conflicts. Every date is counted back from `today`, so the sample never goes stale.

Some records are deliberately wrong in the ways the checklist looks for, so a new user sees what it
catches. Each one says which rule it trips in a comment starting with "Gap:"; the anti-patterns the
coach points out say "Anti-pattern:".

Writes go through the Journal API only (no SQL). Records are written with `create_many` because it
lets each record carry the time it was written (`created_at`): a draft that has waited six weeks
must look six weeks old.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from journal.store.journal import Journal

OWNER_NAME = "Alex Rivera"

# name, team, notes
PEOPLE: list[tuple[str, str, str]] = [
    ("Amara Okafor", "Platform", "Joined from the payments product team; strong instincts for "
     "what customers feel during an outage, still building confidence running the room."),
    ("Kenji Watanabe", "Database reliability", "Quiet in large meetings, very thorough in "
     "written reviews. Prefers to read the code before being walked through it."),
    ("Zoë Lefèvre", "Edge networking", "Moved over from the CDN vendor side. Knows the proxies "
     "better than anyone here; new to our change process."),
    ("Mateus Oliveira", "Observability", "Runs the alerting hygiene office hours on Thursdays."),
    ("Priya Raghunathan", "Security engineering", "Says yes to everything. Worth watching her "
     "load."),
    ("Ngozi Eze", "Database reliability", "Second year on call. Wants to go deeper on backups "
     "and restore drills."),
    ("Sigrún Jónsdóttir", "Platform", "Staff engineer; mentors Kenji. Best person for anything "
     "involving the scheduler."),
    ("Omar Haddad", "Edge networking", "Tech lead for the edge team; mentors Ngozi on the side."),
    ("محمد الحربي", "Security engineering", "Owns production access tooling. Writes the clearest "
     "postmortems on the security team."),
    ("Lin Wei", "Observability", "Owns the metrics pipeline. Very good at saying no politely."),
    ("Tomasz Kowalczyk", "Platform", "Fast under pressure; tends to be pulled into every page."),
    ("Aroha Ngata", "Database reliability", "Finished her mentorship with me this quarter; now "
     "the go-to for replica rebuilds."),
    ("Diego Hernández", "Payments infrastructure", "Point of contact for the payments database "
     "consumers. Prefers a short written note before any call."),
    ("Ingrid Halvorsen", "Identity", "Identity on-call lead. We have only ever spoken "
     "mid-incident."),
    ("Kwame Mensah", "Storage", "Runs the object storage fleet. Moved time zones in the spring."),
    ("Hana Novák", "Release engineering", "Owns the deploy pipeline and the freeze calendar."),
    ("Rafael Costa", "Data platform", "On parental leave until next month."),
    ("Meera Pillai", "Infrastructure leadership", "Director for infrastructure; the decision "
     "maker for cross-team priority calls."),
    ("Yusuf Demir", "Network operations", "Knows the data-centre uplinks by heart."),
    ("Sofía Castillo", "Developer experience", "Runs the internal developer portal; good partner "
     "for anything that needs a paved road."),
]


class _Writer:
    """Writes records dated in the past: `created_at` is the day the note would have been taken."""

    def __init__(self, journal: Journal, today: dt.date):
        self.journal = journal
        self.today = today
        self._minute = 0

    def day(self, days_ago: int) -> dt.date:
        return self.today - dt.timedelta(days=days_ago)

    def add(self, kind: str, days_ago: int, **fields: Any) -> int:
        # A moving minute keeps records written on the same day in the order they were written.
        self._minute = (self._minute + 7) % 600
        hour, minute = divmod(8 * 60 + self._minute, 60)
        stamp = f"{self.day(days_ago).isoformat()}T{hour:02d}:{minute:02d}:00.000Z"
        fields.update(created_at=stamp, updated_at=stamp)
        return self.journal.create_many(kind, [fields])[0]


def populate(journal: Journal, today: dt.date | None = None) -> None:
    """Write the sample journal into `journal` (meant for a new, empty one) in one transaction."""
    today = today or dt.date.today()
    w = _Writer(journal, today)
    with journal.batch():
        journal.set_setting("owner_name", OWNER_NAME)
        people = {name: w.add("person", 400, name=name, team=team, notes=notes)
                  for name, team, notes in PEOPLE}
        _mentoring(w, people)
        _feedback(w, people)
        _reflections(w, people)
        _retros(w)
        _partners(w, people)
        _decisions(w)
        _roadmap(w)
        _conflicts(w, people)


# -- mentoring ---------------------------------------------------------------------------------
def _check_ins(w: _Writer, goal: int, notes: list[tuple[int, str, str, str]]) -> None:
    for days_ago, health, progress, next_step in notes:
        w.add("check_in", days_ago, goal_id=goal, on_date=w.day(days_ago), health=health,
              progress=progress, next_step=next_step)


def _mentoring(w: _Writer, p: dict[str, int]) -> None:
    # Amara, mentored by me: the healthy example of goal-based mentoring.
    amara = w.add("mentorship", 150, mentee_id=p["Amara Okafor"], mentor_is_me=True,
                  structure="goal_based", started_on=w.day(150), cadence_days=7,
                  notes="Wants to be trusted as incident commander for the payments tier by "
                        "the end of the year. We meet Tuesdays; she brings the agenda.")
    game_day = w.add(
        "goal", 60, mentorship_id=amara, started_on=w.day(60), target_on=w.day(-30),
        outcome="Run the next failover game day for the payments Postgres cluster as incident "
                "commander, from the kickoff note to the written review.",
        success_signal="The failover finishes inside the five-minute recovery objective, the "
                       "room follows her calls without me stepping in, and the review goes out "
                       "within two working days.")
    _check_ins(w, game_day, [
        (52, "on_track", "Drafted the scenario: primary loses its disk mid-checkout. Diego agreed "
             "to have a payments engineer watching the synthetic transactions.",
         "Walk the runbook with Ngozi and mark every step that assumes tribal knowledge."),
        (38, "at_risk", "The runbook walk found four steps that only work from the old bastion. "
             "She is unsure whether to fix them first or play the game day with them as-is.",
         "Fix the two that would block a real failover; leave the others as findings."),
        (24, "on_track", "Bastion steps fixed and merged. Dry run in staging took eleven "
             "minutes, mostly waiting on DNS TTLs.",
         "Ask Zoë whether we can drop the TTL on the writer endpoint to 30 seconds for the day."),
        (10, "on_track", "TTL lowered, second dry run at four minutes. She ran the comms channel "
             "herself and kept the status page updates to the agreed template.",
         "Book the production slot with Hana and send the kickoff note."),
        (3, "on_track", "Production slot booked outside the release freeze. Kickoff note reviewed "
            "by Diego with one wording change.",
         "Rehearse the abort call: who says it and what happens next."),
    ])
    sessions: list[dict[str, Any]] = [
        dict(days_ago=45, structure="goal_based", driver="mentee",
             notes="Went through last quarter's failover postmortem line by line. She spotted "
                   "that nobody owned customer comms for the first twelve minutes."),
        dict(days_ago=31, structure="shadowing", driver="mentor", during_incident=True,
             notes="She shadowed me on the replica lag page. Afterwards we rebuilt the timeline "
                   "together and she wrote the first draft of the incident summary.",
             what_changed="The lag alert started after Tuesday's kernel patch on the database "
                          "hosts; nothing else was in the change log for that window.",
             smallest_reproducer="One pgbench run with sixteen clients against a patched staging "
                                 "replica shows lag climbing within two minutes; an unpatched "
                                 "replica stays flat.",
             evidence="iostat shows write latency doubled on the patched host, and the WAL "
                      "receiver spends most of its time waiting on fsync.",
             hypothesis="The new kernel changed the default I/O scheduler for the NVMe drives, "
                        "and the new one is slowing fsync for the WAL receiver.",
             test="Set the scheduler back on one staging replica and rerun the same load; if lag "
                  "stays flat there and climbs on its twin, the scheduler is the cause."),
        dict(days_ago=17, structure="goal_based", driver="mentee",
             notes="Practised the first five minutes of the game day out loud. Her status "
                   "updates got shorter and clearer each round."),
        dict(days_ago=4, structure="pairing", driver="mentee",
             notes="She drove the change to the failover script while I watched. I asked "
                   "questions instead of pointing at the bug; she found it on her own.",
             what_changed="The failover script now reads the replica list from the service "
                          "catalogue instead of a hard-coded file.",
             smallest_reproducer="Running the promote step against a catalogue entry with one "
                                 "replica marked as draining.",
             evidence="The script picked the draining replica as the new primary in the dry run "
                      "log.",
             hypothesis="The catalogue query does not filter on replica state, so draining "
                        "replicas are still candidates.",
             test="Add a state filter and rerun the dry run with the same catalogue snapshot."),
    ]
    _sessions(w, amara, sessions)

    # Kenji, mentored by Sigrún through pairing.
    # Anti-pattern: take-it-over, the mentor drove three of the four pairing sessions.
    kenji = w.add("mentorship", 120, mentee_id=p["Kenji Watanabe"],
                  mentor_id=p["Sigrún Jónsdóttir"], structure="pairing",
                  started_on=w.day(120), cadence_days=7,
                  notes="Sigrún asked me to keep an eye on how this is going; I am not the mentor.")
    scheduler = w.add(
        "goal", 110, mentorship_id=kenji, started_on=w.day(110), target_on=w.day(80),
        status="dropped",
        outcome="Migrate the backup scheduler from cron to the job platform.",
        success_signal="Nightly backups run from the job platform for two weeks with no misses.")
    _check_ins(w, scheduler, [
        (96, "off_track", "The job platform cannot run jobs that need host-local disks yet, and "
             "the backup jobs do. Nothing he can fix from our side.",
         "Drop this goal until the platform supports local volumes; pick the pool alerts "
             "instead."),
    ])
    pool = w.add(
        "goal", 70, mentorship_id=kenji, started_on=w.day(70), target_on=w.day(-20),
        outcome="Move connection-pool saturation alerts from paging to tickets by fixing the "
                "three services that cause most of them.",
        success_signal="Fewer than two pool-saturation pages a month, for four weeks in a row.")
    _check_ins(w, pool, [
        (49, "on_track", "Pulled ninety days of pages: three services cause 80% of them, all with "
             "pool sizes copied from a template written for a much smaller fleet.",
         "Propose new pool sizes for the billing API first; it is the noisiest."),
        (27, "at_risk", "Billing API fixed and quiet. The reporting service owner is pushing back; "
             "they worry larger pools will hurt the primary during month-end.",
         "Bring them the connection-count graph from last month-end and ask what they would need "
             "to see."),
        (6, "on_track", "Reporting agreed to a staged change with a rollback trigger. Pages are "
            "down from eleven last month to three so far this month.",
         "Roll out to the third service and start the four-week count."),
    ])
    _sessions(w, kenji, [
        dict(days_ago=40, structure="pairing", driver="mentor",
             notes="Sigrún wrote the pool-sizing change while Kenji watched."),
        dict(days_ago=26, structure="pairing", driver="mentor",
             notes="Sigrún drove the rollout; Kenji took notes on the canary checks."),
        dict(days_ago=19, structure="pairing", driver="mentee",
             notes="Kenji drove the reporting service change. Slow, careful, caught a missing "
                   "rollback flag."),
        dict(days_ago=8, structure="pairing", driver="mentor",
             notes="Sigrún took the keyboard again when the deploy queue was backed up."),
    ])

    # Gap: a mentee with no mentor (rule 1). Zoë asked for one; nobody has been named yet.
    zoe = w.add("mentorship", 40, mentee_id=p["Zoë Lefèvre"], structure="office_hours",
                started_on=w.day(40), cadence_days=14,
                notes="Comes to the platform office hours. Asked for a named mentor for the "
                      "change-process side of the job; Omar and I need to decide who.")
    certs = w.add(
        "goal", 35, mentorship_id=zoe, started_on=w.day(35), target_on=w.day(-40),
        outcome="Write the TLS certificate rotation runbook for the edge proxies and run it once "
                "in staging with someone else at the keyboard.",
        success_signal="A second engineer rotates the staging certificates from the runbook alone, "
                       "with no questions in the channel.")
    _check_ins(w, certs, [
        (20, "on_track", "First draft done. It covers the proxies but not the origin shields.",
         "Add the shield steps and ask Omar to review."),
        (5, "on_track", "Shield steps added; Omar's review asked for an explicit rollback section.",
         "Write the rollback section and book a staging slot."),
    ])

    # Gap: a mentee with no active goal (rule 1): the last one was achieved, nothing replaced it.
    mateus = w.add("mentorship", 180, mentee_id=p["Mateus Oliveira"], mentor_is_me=True,
                   structure="shadowing", started_on=w.day(180), cadence_days=14,
                   notes="Shadows me in design reviews to see how the rubric questions get asked.")
    handover = w.add(
        "goal", 170, mentorship_id=mateus, started_on=w.day(170), target_on=w.day(80),
        status="achieved",
        outcome="Own the on-call handover note for the observability rotation for one full "
                "rotation cycle.",
        success_signal="Incoming on-call engineers say the note is the first thing they read.")
    _check_ins(w, handover, [
        (120, "on_track", "Handover template rewritten around open risks instead of a list of "
              "every page.", "Ask two incoming engineers what they skipped."),
        (85, "on_track", "Both incoming engineers said they read it first. Done.",
         "Pick the next goal together."),
    ])
    _sessions(w, mateus, [
        dict(days_ago=30, structure="shadowing", driver="mentor",
             notes="Shadowed the metrics-sharding review. Afterwards he asked why I pushed so "
                   "hard on reversibility; good conversation about one-way doors."),
        dict(days_ago=12, structure="shadowing", driver="mentor",
             notes="Shadowed the flow-logs review. He wants to ask the failure-mode question "
                   "himself next time."),
    ])

    # Gap: three active goals at once (rule 1); focus is lost.
    priya = w.add("mentorship", 90, mentee_id=p["Priya Raghunathan"], mentor_is_me=True,
                  structure="goal_based", started_on=w.day(90), cadence_days=7,
                  notes="Ambitious. Our main topic is choosing what not to do.")
    for outcome, signal, started, target in [
        ("Threat-model the new secrets broker before its beta opens to other teams.",
         "The model is reviewed by the broker team and its top three findings have owners.",
         60, -25),
        ("Move the CI signing keys into the HSM-backed signing service.",
         "No signing key exists on a CI runner disk; the old path is removed, not just unused.",
         45, -45),
        ("Give the internal talk on build provenance and attestations.",
         "The talk is recorded and two teams ask for help adopting provenance afterwards.",
         20, -60),
    ]:
        goal = w.add("goal", started, mentorship_id=priya, outcome=outcome,
                     success_signal=signal, started_on=w.day(started), target_on=w.day(target))
        _check_ins(w, goal, [
            (started - 10, "on_track", "Scoped and started; first working session booked.",
             "Block two mornings a week for it."),
            (4, "at_risk", "Moving, but slower than planned because time is split three ways.",
             "Talk in the next 1:1 about pausing one of the three."),
        ])
    _sessions(w, priya, [
        dict(days_ago=14, structure="goal_based", driver="mentee",
             notes="Mapped her week on a whiteboard. Twelve hours went to requests nobody "
                   "would have missed if she had declined them."),
    ])

    # Ngozi, mentored by Omar.
    ngozi = w.add("mentorship", 100, mentee_id=p["Ngozi Eze"], mentor_id=p["Omar Haddad"],
                  structure="goal_based", started_on=w.day(100), cadence_days=14)
    # Gap: an active goal with no target date (rule 1).
    restore = w.add(
        "goal", 60, mentorship_id=ngozi, started_on=w.day(60),
        outcome="Become the second person who can restore a database shard from cold backup "
                "without the wiki open.",
        success_signal="She runs a full shard restore drill in staging, narrating each step, and "
                       "the restored shard passes the checksum comparison.")
    _check_ins(w, restore, [
        (30, "on_track", "Restored a small shard with the wiki open; noted three steps that were "
             "out of date.", "Fix the wiki, then try again with it closed."),
        (9, "on_track", "Second drill done from memory except for the checksum tool flags.",
         "Pick a date for the full drill."),
    ])
    _sessions(w, ngozi, [
        dict(days_ago=16, structure="pairing", driver="mentee",
             notes="Omar watched her restore drill and only spoke when asked."),
    ])

    # Lin, mentored by me in office hours.
    lin = w.add("mentorship", 130, mentee_id=p["Lin Wei"], mentor_is_me=True,
                structure="office_hours", started_on=w.day(130), cadence_days=7)
    # Gap: the goal's last check-in is more than five weeks old (rule 1).
    cardinality = w.add(
        "goal", 75, mentorship_id=lin, started_on=w.day(75), target_on=w.day(-15),
        outcome="Halve the series count of the request-latency metrics without losing the "
                "per-route SLO views.",
        success_signal="Series count down at least 50% on the metrics dashboard, and every SLO "
                       "panel still renders with the same numbers.")
    _check_ins(w, cardinality, [
        (61, "on_track", "Found the culprit: a user-agent label on the latency histogram.",
         "Check which dashboards use that label before dropping it."),
        (38, "at_risk", "Two dashboards use the label; their owners have not answered.",
         "Drop the label in staging and see who complains."),
    ])
    _sessions(w, lin, [
        dict(days_ago=37, structure="office_hours", driver="mentee",
             notes="Talked through how to get an answer from owners who do not reply: a dated "
                   "note saying what will happen and when, sent to their team channel."),
    ])

    # Tomasz, mentored by me.
    # Anti-pattern: hero-call mentoring, every session in the last weeks happened mid-incident.
    tomasz = w.add("mentorship", 110, mentee_id=p["Tomasz Kowalczyk"], mentor_is_me=True,
                   structure="goal_based", started_on=w.day(110), cadence_days=7)
    capacity = w.add(
        "goal", 50, mentorship_id=tomasz, started_on=w.day(50), target_on=w.day(-35),
        outcome="Write the capacity plan for the ingest tier ahead of the seasonal peak and "
                "rehearse it with the on-call team.",
        success_signal="The plan states the headroom target, the scale-up trigger and who pulls "
                       "it; the rehearsal finishes without anyone opening the old spreadsheet.")
    _check_ins(w, capacity, [
        (36, "on_track", "Pulled last year's peak: ingest ran at 82% of capacity for six hours.",
         "Model this year's peak from the growth curve."),
        (5, "at_risk", "Plan half written. Three pages in the last two weeks ate the time set "
            "aside for it.", "Protect Friday mornings; hand the pager to the secondary."),
    ])
    _sessions(w, tomasz, [
        dict(days_ago=33, structure="shadowing", driver="mentor", during_incident=True,
             notes="Pulled him into the queue backlog incident. He handled the customer "
                   "updates well."),
        dict(days_ago=20, structure="pairing", driver="mentee", during_incident=True,
             notes="Paired on the ingest partition rebalance during the page. We never got to "
                   "his plan."),
        dict(days_ago=7, structure="shadowing", driver="mentor", during_incident=True,
             notes="Another page, another session in the incident channel. I need to book time "
                   "with him when nothing is on fire."),
    ])

    # Aroha: reverse shadowing, ended after her goal was met.
    aroha = w.add("mentorship", 190, mentee_id=p["Aroha Ngata"], mentor_is_me=True,
                  structure="reverse_shadowing", started_on=w.day(190), ended_on=w.day(20),
                  cadence_days=14,
                  notes="Ended by agreement: she now teaches replica rebuilds to others.")
    rebuild = w.add(
        "goal", 180, mentorship_id=aroha, started_on=w.day(180), target_on=w.day(90),
        status="achieved",
        outcome="Lead a production replica rebuild with me only watching.",
        success_signal="The rebuild finishes within the maintenance window and I say nothing.")
    _check_ins(w, rebuild, [
        (150, "on_track", "Staging rebuild done with me watching; she paused once to ask about "
              "the base backup age.", "Schedule the production rebuild."),
        (95, "on_track", "Production rebuild done in 41 minutes. I said nothing the whole time.",
         "Write it up for the team."),
    ])
    _sessions(w, aroha, [
        dict(days_ago=96, structure="reverse_shadowing", driver="mentee",
             notes="I watched her run the production rebuild. Two small suggestions afterwards, "
                   "none during."),
    ])

    # محمد, mentored by Priya through pairing, mostly driving himself.
    mohammed = w.add("mentorship", 80, mentee_id=p["محمد الحربي"], mentor_id=p["Priya Raghunathan"],
                     structure="pairing", started_on=w.day(80), cadence_days=7)
    access = w.add(
        "goal", 55, mentorship_id=mohammed, started_on=w.day(55), target_on=w.day(-20),
        outcome="Automate the quarterly access review for production database roles.",
        success_signal="The next review is generated, sent to owners and closed without a "
                       "spreadsheet.")
    _check_ins(w, access, [
        (40, "on_track", "Role inventory exported from all clusters; 14% of grants belong to "
             "people who changed teams.", "Draft the owner notification."),
        (2, "on_track", "Owner notifications tested on the security team's own roles.",
         "Run it for the database reliability team next."),
    ])
    _sessions(w, mohammed, [
        dict(days_ago=22, structure="pairing", driver="mentee",
             notes="He drove; Priya only asked why the revocation step is not idempotent."),
        dict(days_ago=9, structure="pairing", driver="mentee",
             notes="He wrote the dry-run mode himself and demoed it."),
    ])


def _sessions(w: _Writer, mentorship: int, sessions: list[dict[str, Any]]) -> None:
    for session in sessions:
        days_ago = session.pop("days_ago")
        w.add("mentoring_session", days_ago, mentorship_id=mentorship, on_date=w.day(days_ago),
              **session)


# -- feedback ----------------------------------------------------------------------------------
def _feedback(w: _Writer, p: dict[str, int]) -> None:
    w.add("feedback_draft", 20, recipient_id=p["Amara Okafor"], polarity="reinforcing",
          status="delivered", delivered_on=w.day(18),
          situation="During the replica lag incident on the payments cluster last month.",
          behavior="You posted a status update every fifteen minutes, each one saying what we "
                   "knew, what we did not, and when the next update would come.",
          impact="Diego told me his team stopped pinging the channel for news, which let us "
                 "work without interruptions for the last hour.")
    w.add("feedback_draft", 34, recipient_id=p["Tomasz Kowalczyk"], polarity="corrective",
          status="delivered", delivered_on=w.day(30),
          situation="In the ingest backlog incident, after the partitions were rebalanced.",
          behavior="You restarted the consumers in the second region without saying so in the "
                   "channel.",
          impact="Two of us spent twenty minutes chasing a lag spike we thought was new. I would "
                 "rather have the announcement even when it feels obvious.")
    w.add("feedback_draft", 60, recipient_id=p["Omar Haddad"], polarity="corrective",
          status="dropped",
          situation="The edge change review two months ago.",
          behavior="You approved the rollout before the canary had finished.",
          impact="The canary would have caught the header bug that reached a tenth of the "
                 "traffic that afternoon. (Dropped: he changed the review template himself the "
                 "next week.)")
    w.add("feedback_draft", 3, recipient_id=p["Kenji Watanabe"], polarity="reinforcing",
          situation="The pool-sizing proposal you sent to the reporting team.",
          behavior="You led with last month-end's connection graph and asked what they needed to "
                   "see, instead of arguing for your numbers.",
          impact="They agreed in one meeting to something they had refused twice, and the "
                 "staged rollout was their idea.")
    # Gap: a draft missing Impact (rule 3).
    w.add("feedback_draft", 6, recipient_id=p["Lin Wei"], polarity="corrective",
          situation="Thursday's metrics pipeline planning meeting.",
          behavior="You accepted three new dashboard requests without checking them against the "
                   "cardinality budget.")
    # Gap: a draft that is only a vague label (rule 3); it also lacks Situation and Impact.
    w.add("feedback_draft", 2, recipient_id=p["Mateus Oliveira"], polarity="reinforcing",
          behavior="Looks good, great job!")
    # Gap: a complete draft left undelivered for 45 days (rule 3); feedback this late goes stale.
    w.add("feedback_draft", 45, recipient_id=p["Sigrún Jónsdóttir"], polarity="corrective",
          situation="The scheduler migration design review.",
          behavior="You answered the failure-mode questions for the team before Kenji, whose "
                   "design it was, could try.",
          impact="He stopped talking for the rest of the review, and the room never heard how "
                 "he had thought about partial failures, which was the best part of the doc.")
    # Snoozed on purpose: Rafael is on leave, so the draft waits for his return without nagging.
    held = w.add("feedback_draft", 50, recipient_id=p["Rafael Costa"], polarity="reinforcing",
                 situation="The warehouse backfill after the schema change.",
                 behavior="You wrote the backfill as resumable batches with a progress table, "
                          "before anyone asked.",
                 impact="When the job host was recycled halfway, it picked up where it stopped "
                        "and the dashboards were correct by morning.")
    uid = w.journal.get("feedback_draft", held).uid
    w.add("snooze", 10, rule="feedback_undelivered", record_kind="feedback_draft",
          record_uid=uid, until_on=w.day(-25))


def _reflections(w: _Writer, p: dict[str, int]) -> None:
    w.add("reflection", 70, giver_id=p["Meera Pillai"], received_on=w.day(70), status="done",
          step=5,
          what_was_said="Your design reviews feel like an exam. People prepare for you instead "
                        "of for the problem.",
          paraphrase="The way I ask the rubric questions makes authors defensive, so they "
                     "optimise for passing me rather than for a good design.",
          example="In the session storage review I asked about reversibility three times in a "
                  "row after the author had answered once.",
          useful="Whatever I intend, repeated questions read as distrust. The rubric is a "
                 "checklist for the author, not a test I run.",
          action="Send the rubric questions to authors a day ahead and ask each question once "
                 "in the room.")
    w.add("reflection", 25, giver_id=p["Kenji Watanabe"], received_on=w.day(25), status="acting",
          step=5,
          what_was_said="It is hard to get time with you unless something is broken.",
          paraphrase="I am available during incidents and hard to reach otherwise.",
          example="He asked for a review of the pool-sizing doc three times over two weeks.",
          useful="Sounds like Tomasz's sessions too. My calendar has no slack outside on-call.",
          action="Two open office-hour slots a week, kept even in busy weeks.")
    w.add("reflection", 8, giver_id=p["Omar Haddad"], received_on=w.day(8), status="open", step=2,
          what_was_said="The edge team reads your postmortem comments as blame.",
          paraphrase="Something in how I write postmortem comments lands as pointing at people.")
    w.add("reflection", 1, received_on=w.day(1), status="open", step=1,
          what_was_said="Anonymous survey comment: platform decisions arrive without warning.")


def _retros(w: _Writer) -> None:
    for days_ago, subject, kind, notes, items in [
        (90, "Payments replica rebuild", "project",
         "Aroha led it; I watched. Short retro over coffee with the three people involved.",
         [("continue", "Rehearsing in staging the week before, with the same on-call pair."),
          ("continue", "One narrator in the channel; everyone else stays quiet unless asked."),
          ("start", "Recording the base backup age before starting, not halfway through."),
          ("start", "Telling the payments team a day ahead instead of an hour ahead."),
          ("stop", "Copying commands from the wiki; script the risky ones.")]),
        (21, "Edge on-call rotation handover", "rotation",
         "Four weeks of on-call for the edge; two real incidents, a lot of noise.",
         [("continue", "Writing the handover note around open risks."),
          ("start", "Deleting one noisy alert per week of rotation."),
          ("stop", "Paging the whole team for certificate expiry warnings thirty days out."),
          ("stop", "Debugging in direct messages; it hides the timeline.")]),
        (5, "Platform sprint: scheduler upgrade", "sprint",
         "The upgrade landed one day late; nobody was paged.",
         [("continue", "Canary in one zone for a full day before the rest."),
          ("start", "Asking the mentee to drive the rollout, with the mentor watching."),
          ("stop", "Merging config changes on Friday afternoons.")]),
    ]:
        retro = w.add("retro", days_ago, subject=subject, retro_kind=kind,
                      held_on=w.day(days_ago), notes=notes)
        for position, (bucket, text) in enumerate(items):
            w.add("retro_item", days_ago, retro_id=retro, bucket=bucket, text=text,
                  position=position)


# -- partner teams -----------------------------------------------------------------------------
def _partners(w: _Writer, p: dict[str, int]) -> None:
    payments = w.add(
        "partner_team", 200, name="Payments infrastructure", contact_id=p["Diego Hernández"],
        depends_for="They own the services that write to our payments database; every failover "
                    "we plan touches their traffic.",
        dashboards="https://grafana.example.internal/d/payments-db-overview\n"
                   "https://grafana.example.internal/d/checkout-slo",
        runbooks="https://runbooks.example.internal/payments/db-failover\n"
                 "https://runbooks.example.internal/payments/degraded-mode",
        notes="Monthly coffee with Diego, first Monday.")
    for days_ago, incident, note in [
        (95, False, "Monthly coffee: walked through the failover plan; they want a heads-up "
                    "channel for game days."),
        (31, True, "Replica lag incident: Diego joined the bridge and watched checkout errors."),
        (12, False, "Reviewed the game day kickoff note together."),
    ]:
        w.add("partner_contact", days_ago, team_id=payments, person_id=p["Diego Hernández"],
              on_date=w.day(days_ago), during_incident=incident, notes=note)

    # Gap: the only contacts ever logged with Identity were during incidents (rule 6).
    identity = w.add(
        "partner_team", 150, name="Identity", contact_id=p["Ingrid Halvorsen"],
        depends_for="Login and token issuing for every internal tool; when they degrade, our "
                    "deploys stall.",
        dashboards="https://grafana.example.internal/d/identity-token-latency",
        runbooks="https://runbooks.example.internal/identity/token-outage")
    for days_ago, note in [
        (140, "Token issuer outage: Ingrid paged us because deploys were retrying logins."),
        (44, "Expired signing key on the staging issuer; joined their bridge for an hour."),
    ]:
        w.add("partner_contact", days_ago, team_id=identity, person_id=p["Ingrid Halvorsen"],
              on_date=w.day(days_ago), during_incident=True, notes=note)

    # Gap: no contact with Storage in 130 days (rule 6, the threshold is 90 days).
    storage = w.add(
        "partner_team", 300, name="Storage", contact_id=p["Kwame Mensah"],
        depends_for="Object storage for base backups and WAL archives.",
        dashboards="https://grafana.example.internal/d/object-store-capacity",
        runbooks="https://runbooks.example.internal/storage/bucket-restore")
    w.add("partner_contact", 130, team_id=storage, person_id=p["Kwame Mensah"],
          on_date=w.day(130), notes="Agreed the retention policy for WAL archives: 35 days.")

    # Gap: Network operations has no named point of contact (rule 6).
    netops = w.add(
        "partner_team", 60, name="Network operations",
        depends_for="Data-centre uplinks and the load balancers in front of the edge.",
        dashboards="https://grafana.example.internal/d/dc-uplinks",
        notes="Yusuf helps when asked but is not their named contact; their lead is changing.")
    w.add("partner_contact", 15, team_id=netops, person_id=p["Yusuf Demir"], on_date=w.day(15),
          notes="Asked about the uplink maintenance calendar for next quarter.")

    release = w.add(
        "partner_team", 250, name="Release engineering", contact_id=p["Hana Novák"],
        depends_for="The deploy pipeline and the freeze calendar.",
        runbooks="https://runbooks.example.internal/release/emergency-deploy")
    w.add("partner_contact", 11, team_id=release, person_id=p["Hana Novák"], on_date=w.day(11),
          notes="Booked the game day slot outside the freeze.")


# -- design reviews and decision records -------------------------------------------------------
def _decisions(w: _Writer) -> None:
    w.add("decision_record", 140, status="accepted", decided_on=w.day(140),
          title="Use logical replication for the payments database major-version upgrade",
          context="The upgrade must not take checkout down for more than a minute; an in-place "
                  "upgrade needs a maintenance window of about forty minutes at our size.",
          decision="Build the new cluster beside the old one, replicate logically, and switch "
                   "writers over with a short pause.",
          consequences="Double storage for about two weeks; sequences and large objects need "
                       "manual handling; we keep the old cluster for a week as the way back.")
    redis = w.add("decision_record", 400, status="superseded", decided_on=w.day(400),
                  title="Keep user sessions in Redis with append-only persistence",
                  context="Sessions were lost on every Redis restart.",
                  decision="Turn on append-only persistence and keep Redis as the session store.",
                  consequences="Restarts keep sessions; failover across regions still loses "
                               "them.")
    postgres = w.add(
        "decision_record", 45, status="accepted", decided_on=w.day(45),
        title="Store user sessions in the regional Postgres clusters",
        context="Cross-region failover still logs everyone out, and Redis is the only stateful "
                "service we run that has no restore drill.",
        decision="Move sessions to a table in each regional Postgres cluster with a TTL sweeper.",
        consequences="One less stateful system to operate; session reads add about a millisecond; "
                     "the database team owns session storage from now on.")
    w.journal.update("decision_record", redis, superseded_by_id=postgres)
    w.add("decision_record", 600, status="deprecated", decided_on=w.day(600),
          title="Run our own stratum-1 time servers",
          context="Cloud time sources drifted during a provider incident.",
          decision="Operate GPS-backed time servers in both data centres.",
          consequences="Deprecated: the provider's time service has been reliable for two years, "
                       "and the hardware is at end of life.")
    acme = w.add("decision_record", 12, status="proposed",
                 title="Issue short-lived edge certificates through our internal ACME service",
                 context="Manual yearly rotation caused two outages when a certificate expired.",
                 decision="Seven-day certificates issued and renewed automatically by the "
                          "proxies.",
                 consequences="The ACME service becomes critical for the edge; we need an "
                              "alert on renewal failures well before expiry.")

    w.add("design_review", 46, title="Move session storage from Redis to regional Postgres",
          reviewed_on=w.day(46), decision_record_id=postgres,
          problem="Cross-region failover logs every user out, and Redis has no restore drill.",
          alternatives="Redis with cross-region replication; a managed key-value store; "
                       "Postgres tables with a sweeper.",
          failure_modes="Sweeper falls behind and the table bloats; a Postgres failover now "
                        "also drops sessions for its duration.",
          reversibility="Two-way for a month: dual writes to both stores until the cutover is "
                        "trusted.",
          operational_cost="One sweeper job and one dashboard; retires a Redis cluster and its "
                           "on-call knowledge.",
          compliance_security="Session tokens stored hashed; the table is covered by the existing "
                              "database encryption and access review.",
          decision="Approved with dual writes for thirty days and a bloat alert on the table.")
    # Gap: an unanswered rubric question, compliance and security (rule 2).
    w.add("design_review", 3, title="Flow logs on edge nodes with eBPF",
          reviewed_on=w.day(3),
          problem="We cannot see which clients cause connection storms until after the fact.",
          alternatives="Sampled flow logs from the load balancers; packet captures on demand.",
          failure_modes="Probe overhead on busy nodes; a kernel upgrade breaking the probes.",
          reversibility="Fully reversible: the probes unload without a restart.",
          operational_cost="A new agent on every edge node and about 40 GB of logs a day.",
          decision="Pilot on two nodes once the security question is answered.")
    # Gap: reviewed three weeks ago, decided, but no decision record linked (rule 2).
    w.add("design_review", 21, title="Shard the metrics store by tenant",
          reviewed_on=w.day(21),
          problem="One tenant's cardinality spike slows queries for everyone.",
          alternatives="Per-tenant quotas on the shared store; a bigger cluster.",
          failure_modes="Hot shards when a large tenant grows; cross-tenant dashboards get "
                        "slower.",
          reversibility="Hard to reverse once dashboards depend on shard-local queries.",
          operational_cost="Six more nodes and a shard map to keep current.",
          compliance_security="Tenant isolation improves; no new data leaves the cluster.",
          decision="Shard by tenant, starting with the three largest tenants.")
    w.add("design_review", 13, title="Automatic certificate renewal for the edge",
          reviewed_on=w.day(13), decision_record_id=acme,
          problem="Yearly manual rotation has caused two outages.",
          alternatives="Calendar reminders and a checklist; a vendor certificate manager.",
          failure_modes="The ACME service is down when renewals are due; clock skew on nodes.",
          reversibility="Easy: the proxies can still load a manually issued certificate.",
          operational_cost="One more internal service on the critical path, with its own alert.",
          compliance_security="Private keys never leave the proxies; issuance is logged.",
          decision="Proceed with seven-day certificates and renewal at half-life.")


# -- roadmap and conflicts ---------------------------------------------------------------------
def _roadmap(w: _Writer) -> None:
    w.add("roadmap_proposal", 30, proposed_on=w.day(30), frame="slo",
          title="Faster payments failover",
          numbers="Checkout used 38% of its 30-day error budget in the first nine days of the "
                  "month; two thirds of that came from failovers taking over four minutes.",
          one_sentence="Cutting failover time to one minute keeps checkout inside its error "
                       "budget even in a bad month.",
          details="Lower DNS TTLs on the writer endpoint, pre-warm the replica's caches, and "
                  "rehearse the failover quarterly.")
    w.add("roadmap_proposal", 50, proposed_on=w.day(50), frame="toil",
          title="Self-service database role requests",
          numbers="The database team handled 212 access tickets last quarter, about six hours "
                  "a week, almost all of them routine.",
          one_sentence="Engineers get routine database access in minutes without waiting for "
                       "us, and we get six hours a week back.",
          details="Reuse the access review automation to grant and expire roles.")
    # Gap: no frame chosen (rule 4).
    w.add("roadmap_proposal", 9, proposed_on=w.day(9),
          title="New internal status page",
          numbers="Roughly 40 messages per incident ask for status in the main channel.",
          one_sentence="Everyone can see what is broken without asking the people fixing it.")
    # Gap: a cost frame with no number anywhere in it (rule 4).
    w.add("roadmap_proposal", 16, proposed_on=w.day(16), frame="cost",
          title="Expire old database snapshots",
          numbers="Snapshot storage keeps growing and is now a large part of the storage bill.",
          one_sentence="We stop paying to keep backups nobody could restore in time to matter.")
    # Gap: no one-sentence version (rule 4).
    w.add("roadmap_proposal", 4, proposed_on=w.day(4), frame="risk",
          title="Second region for the identity token issuer",
          numbers="Both identity outages this year stopped all deploys, for 47 and 85 minutes.",
          details="Active-passive to start; the signing keys are the hard part.")


def _conflicts(w: _Writer, p: dict[str, int]) -> None:
    decided = w.add(
        "conflict", 35, title="Database upgrade window versus the edge migration",
        proposal_a="Database reliability: take the payments upgrade in the first week of next "
                   "month, when traffic is lowest.",
        proposal_b="Edge networking: use that week to move the last region to the new proxies, "
                   "which needs the same on-call people.",
        cost_of_delay_a="The old version leaves vendor support in ten weeks; slipping a month "
                        "leaves no room for a second attempt.",
        cost_of_delay_b="The old proxies keep their manual certificate rotation for another "
                        "month.",
        decision_maker_id=p["Meera Pillai"], status="decided", decided_on=w.day(28),
        decision="The database upgrade takes the window; the edge migration moves two weeks "
                 "later.",
        tradeoff="We accept one more manual certificate rotation on the old proxies, with a "
                 "named owner and a reminder.")
    w.add("conflict_owner", 28, conflict_id=decided, person_id=p["Kenji Watanabe"],
          responsibility="Runs the database upgrade in the agreed window.")
    w.add("conflict_owner", 28, conflict_id=decided, person_id=p["Zoë Lefèvre"],
          responsibility="Owns the manual certificate rotation and the new edge migration date.")

    # Gap: an open conflict with no decision maker named (rule 5).
    w.add("conflict", 10, title="Who owns the alerting rules for shared databases",
          proposal_a="Observability: rules live with the metrics pipeline so they stay "
                     "consistent.",
          proposal_b="Database reliability: rules live with the database team, who are paged "
                     "by them.",
          cost_of_delay_a="Duplicate rules keep paging two teams for the same event.",
          cost_of_delay_b="Nobody tunes the noisy rules while ownership is unclear.")

    # Gap: decided, but neither the trade-off nor the owners were written down (rule 5).
    w.add("conflict", 24, title="Freeze exceptions for security patches",
          proposal_a="Security engineering: critical patches bypass the release freeze.",
          proposal_b="Release engineering: every exception goes through the freeze board.",
          cost_of_delay_a="A critical patch waits up to five days during a freeze.",
          cost_of_delay_b="Unreviewed changes during the busiest week of the year.",
          decision_maker_id=p["Meera Pillai"], status="decided", decided_on=w.day(18),
          decision="Critical patches may bypass the board with a second approver from release "
                   "engineering.")

    open_with_maker = w.add(
        "conflict", 6, title="Shared staging cluster capacity",
        proposal_a="Platform: reserve half of staging for load tests.",
        proposal_b="Developer experience: keep staging first-come for preview environments.",
        cost_of_delay_a="Load tests keep running in production shadow traffic.",
        cost_of_delay_b="Preview environments queue for hours during load tests.",
        decision_maker_id=p["Meera Pillai"])
    w.add("conflict_owner", 6, conflict_id=open_with_maker, person_id=p["Sofía Castillo"],
          responsibility="Brings the preview environment usage numbers to the decision meeting.")
