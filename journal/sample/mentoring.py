"""Sample mentorships, goals, check-ins and sessions."""

from __future__ import annotations

from typing import Any

from journal.sample.writer import Writer


# -- mentoring ---------------------------------------------------------------------------------
def _check_ins(w: Writer, goal: int, notes: list[tuple[int, str, str, str]]) -> None:
    for days_ago, health, progress, next_step in notes:
        w.add("check_in", days_ago, goal_id=goal, on_date=w.day(days_ago), health=health,
              progress=progress, next_step=next_step)


def write(w: Writer, p: dict[str, int]) -> None:
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


def _sessions(w: Writer, mentorship: int, sessions: list[dict[str, Any]]) -> None:
    for session in sessions:
        days_ago = session.pop("days_ago")
        w.add("mentoring_session", days_ago, mentorship_id=mentorship, on_date=w.day(days_ago),
              **session)


