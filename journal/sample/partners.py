"""Sample partner teams and their contact logs."""

from __future__ import annotations

from journal.sample.writer import Writer


# -- partner teams -----------------------------------------------------------------------------
def write(w: Writer, p: dict[str, int]) -> None:
    payments = w.add(
        "partner_team", 200, name="Payments infrastructure", contact_id=p["Diego Hernández"],
        depends_for="They own the services that write to our payments database; every failover "
                    "we plan touches their traffic.",
        dashboards="https://grafana.example.internal/d/payments-db-overview\n"
                   "https://grafana.example.internal/d/checkout-slo",
        runbooks="https://runbooks.example.internal/payments/db-failover\n"
                 "https://runbooks.example.internal/payments/degraded-mode",
        notes="Monthly coffee with Diego, first Monday.")
    for days_ago, incident, kind, note in [
        (320, False, "coffee_chat", "First coffee with Diego: who pages whom when the payments "
                                    "database fails over."),
        (210, False, "joint_runbook", "Wrote the shared failover runbook together."),
        (95, False, "coffee_chat", "Monthly coffee: walked through the failover plan; they want a "
                                   "heads-up channel for game days."),
        (31, True, "incident", "Replica lag incident: Diego joined the bridge and watched "
                               "checkout errors."),
        (12, False, "design_review", "Reviewed the game day kickoff note together."),
    ]:
        w.add("partner_contact", days_ago, team_id=payments, person_id=p["Diego Hernández"],
              on_date=w.day(days_ago), during_incident=incident, contact_kind=kind, notes=note)

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
              on_date=w.day(days_ago), during_incident=True, contact_kind="incident", notes=note)

    # Gap: no contact with Storage in 130 days (rule 6, the threshold is 90 days).
    storage = w.add(
        "partner_team", 300, name="Storage", contact_id=p["Kwame Mensah"],
        depends_for="Object storage for base backups and WAL archives.",
        dashboards="https://grafana.example.internal/d/object-store-capacity",
        runbooks="https://runbooks.example.internal/storage/bucket-restore")
    w.add("partner_contact", 130, team_id=storage, person_id=p["Kwame Mensah"],
          on_date=w.day(130), contact_kind="coffee_chat",
          notes="Agreed the retention policy for WAL archives: 35 days.")

    # Gap: Network operations has no named point of contact (rule 6).
    netops = w.add(
        "partner_team", 60, name="Network operations",
        depends_for="Data-centre uplinks and the load balancers in front of the edge.",
        dashboards="https://grafana.example.internal/d/dc-uplinks",
        notes="Yusuf helps when asked but is not their named contact; their lead is changing.")
    w.add("partner_contact", 15, team_id=netops, person_id=p["Yusuf Demir"], on_date=w.day(15),
          contact_kind="other",
          notes="Asked about the uplink maintenance calendar for next quarter.")

    release = w.add(
        "partner_team", 250, name="Release engineering", contact_id=p["Hana Novák"],
        depends_for="The deploy pipeline and the freeze calendar.",
        runbooks="https://runbooks.example.internal/release/emergency-deploy")
    w.add("partner_contact", 11, team_id=release, person_id=p["Hana Novák"], on_date=w.day(11),
          contact_kind="coffee_chat", notes="Booked the game day slot outside the freeze.")

