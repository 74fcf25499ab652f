"""Sample feedback drafts, reflections and retros."""

from __future__ import annotations

from journal.sample.writer import Writer


# -- feedback ----------------------------------------------------------------------------------
def write_drafts(w: Writer, p: dict[str, int]) -> None:
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
    w.add("snooze", 10, rule="feedback_stale", record_kind="feedback_draft",
          record_uid=uid, until_on=w.day(-25),
          reason="Rafael is on leave; I will give it in person when he is back.")


def write_reflections(w: Writer, p: dict[str, int]) -> None:
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


def write_retros(w: Writer) -> None:
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


