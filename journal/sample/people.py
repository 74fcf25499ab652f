"""The sample journal's people and its owner."""

from __future__ import annotations

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

