"""Sample design reviews, decision records, roadmap proposals and conflicts."""

from __future__ import annotations

from journal.sample.writer import Writer


def write_decisions(w: Writer, p: dict[str, int]) -> None:
    # Numbered in the order they were decided, as a team's docs/adr folder would have them.
    timeserver = w.add(
        "decision_record", 600, status="deprecated", decided_on=w.day(600), adr_number=1,
        title="Run our own stratum-1 time servers",
        context="Cloud time sources drifted during a provider incident.",
        decision="Operate GPS-backed time servers in both data centres.",
        consequences="Deprecated: the provider's time service has been reliable for two years, "
                     "and the hardware is at end of life.")
    upgrade = w.add(
        "decision_record", 140, status="accepted", decided_on=w.day(140), adr_number=3,
        title="Use logical replication for the payments database major-version upgrade",
        context="The upgrade must not take checkout down for more than a minute; an in-place "
                "upgrade needs a maintenance window of about forty minutes at our size.",
        decision="Build the new cluster beside the old one, replicate logically, and switch "
                 "writers over with a short pause.",
        consequences="Double storage for about two weeks; sequences and large objects need "
                     "manual handling; we keep the old cluster for a week as the way back.")
    redis = w.add(
        "decision_record", 400, status="superseded", decided_on=w.day(400), adr_number=2,
        title="Keep user sessions in Redis with append-only persistence",
        context="Sessions were lost on every Redis restart.",
        decision="Turn on append-only persistence and keep Redis as the session store.",
        consequences="Restarts keep sessions; failover across regions still loses them.")
    postgres = w.add(
        "decision_record", 45, status="accepted", decided_on=w.day(45), adr_number=4,
        title="Store user sessions in the regional Postgres clusters",
        context="Cross-region failover still logs everyone out, and Redis is the only stateful "
                "service we run that has no restore drill.",
        decision="Move sessions to a table in each regional Postgres cluster with a TTL sweeper.",
        consequences="One less stateful system to operate; session reads add about a millisecond; "
                     "the database team owns session storage from now on.")
    w.journal.update("decision_record", redis, superseded_by_id=postgres)
    acme = w.add("decision_record", 12, status="proposed", adr_number=5,
                 title="Issue short-lived edge certificates through our internal ACME service",
                 context="Manual yearly rotation caused two outages when a certificate expired.",
                 decision="Seven-day certificates issued and renewed automatically by the "
                          "proxies.",
                 consequences="The ACME service becomes critical for the edge; we need an "
                              "alert on renewal failures well before expiry.")

    for record, role, name in [
        (timeserver, "decision_maker", "Meera Pillai"),
        (redis, "decision_maker", "Sigrún Jónsdóttir"),
        (upgrade, "decision_maker", "Kenji Watanabe"),
        (upgrade, "consulted", "Diego Hernández"),
        (upgrade, "informed", "Hana Novák"),
        (postgres, "decision_maker", "Meera Pillai"),
        (postgres, "consulted", "Kenji Watanabe"),
        (postgres, "consulted", "Priya Raghunathan"),
        (postgres, "informed", "Ingrid Halvorsen"),
        (acme, "decision_maker", "Zoë Lefèvre"),
        (acme, "consulted", "محمد الحربي"),
    ]:
        w.add("decision_person", 12, decision_record_id=record, person_id=p[name], role=role)

    w.add("design_review", 46, title="Move session storage from Redis to regional Postgres",
          author_id=p["Kenji Watanabe"],
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
          author_id=p["Zoë Lefèvre"],
          reviewed_on=w.day(3),
          problem="We cannot see which clients cause connection storms until after the fact.",
          alternatives="Sampled flow logs from the load balancers; packet captures on demand.",
          failure_modes="Probe overhead on busy nodes; a kernel upgrade breaking the probes.",
          reversibility="Fully reversible: the probes unload without a restart.",
          operational_cost="A new agent on every edge node and about 40 GB of logs a day.",
          decision="Pilot on two nodes once the security question is answered.")
    # Gap: reviewed three weeks ago, decided, but no decision record linked (rule 2).
    w.add("design_review", 21, title="Shard the metrics store by tenant",
          author_id=p["Lin Wei"],
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
def write_roadmap(w: Writer) -> None:
    w.add("roadmap_proposal", 30, proposed_on=w.day(30), frame="slo", status="accepted",
          title="Faster payments failover",
          numbers="Checkout used 38% of its 30-day error budget in the first nine days of the "
                  "month; two thirds of that came from failovers taking over four minutes.",
          one_sentence="Cutting failover time to one minute keeps checkout inside its error "
                       "budget even in a bad month.",
          details="Lower DNS TTLs on the writer endpoint, pre-warm the replica's caches, and "
                  "rehearse the failover quarterly.")
    w.add("roadmap_proposal", 50, proposed_on=w.day(50), frame="toil", status="proposed",
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


def write_conflicts(w: Writer, p: dict[str, int]) -> None:
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
          status="escalated",
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
