"""Seeded prose for generated journals: names from many cultures and notes of realistic length.

Sentences are assembled from fragments, so ten thousand notes do not repeat each other and the
journal's pages, search and exports see text shaped like the real thing (a line to a few
paragraphs, numbers, accents, right-to-left names).
"""

from __future__ import annotations

import random

# (given names, family names) per naming tradition; a person takes both from one tradition.
NAME_POOLS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("Amara", "Chinedu", "Ngozi", "Emeka", "Adaeze", "Tobenna"),
     ("Okafor", "Eze", "Nwosu", "Obi", "Okonkwo", "Adeyemi")),
    (("Kenji", "Yui", "Haruto", "Sakura", "Ren", "Aiko"),
     ("Watanabe", "Tanaka", "Suzuki", "Yamamoto", "Kobayashi", "Sato")),
    (("Zoë", "Loïc", "Hélène", "Mathéo", "Inès", "Benoît"),
     ("Lefèvre", "Dubois", "Girard", "Rousseau", "Mercier", "Bélanger")),
    (("Mateus", "João", "Luíza", "Thiago", "Beatriz", "Conceição"),
     ("Oliveira", "Gonçalves", "Araújo", "Costa", "Magalhães", "Simões")),
    (("Priya", "Arjun", "Lakshmi", "Vikram", "Ananya", "Karthik"),
     ("Raghunathan", "Iyer", "Subramanian", "Menon", "Pillai", "Krishnan")),
    (("Sigrún", "Þórður", "Guðrún", "Ólafur", "Ásdís", "Hjörtur"),
     ("Jónsdóttir", "Sigurðsson", "Einarsdóttir", "Ólafsson", "Magnúsdóttir", "Gunnarsson")),
    (("Omar", "Layla", "Karim", "Nour", "Rami", "Yasmin"),
     ("Haddad", "Khoury", "Nassar", "Saleh", "Mansour", "Aziz")),
    (("محمد", "فاطمة", "عبدالله", "نورة", "خالد", "ريم"),
     ("الحربي", "العتيبي", "القحطاني", "الشمري", "الدوسري", "الغامدي")),
    (("Wei", "Fang", "Jun", "Xiu", "Hao", "Mei"),
     ("Lin", "Chen", "Zhang", "Wang", "Liu", "Huang")),
    (("Tomasz", "Agnieszka", "Paweł", "Małgorzata", "Łukasz", "Zofia"),
     ("Kowalczyk", "Wiśniewska", "Wójcik", "Zieliński", "Szymańska", "Dąbrowski")),
    (("Aroha", "Tama", "Mere", "Rāwiri", "Hine", "Wiremu"),
     ("Ngata", "Parata", "Te Whatu", "Rangi", "Tūhoe", "Walker")),
    (("Diego", "Sofía", "Andrés", "Lucía", "Martín", "Ximena"),
     ("Hernández", "Castillo", "Muñoz", "Peña", "Ibáñez", "Núñez")),
    (("Yusuf", "Elif", "Emre", "Zeynep", "Barış", "Ayşe"),
     ("Demir", "Yılmaz", "Çelik", "Şahin", "Öztürk", "Aydın")),
    (("נועה", "יעל", "איתי", "תמר", "איתן", "שירה"),
     ("כהן", "לוי", "מזרחי", "פרץ", "ביטון", "פרידמן")),
    (("Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Efua"),
     ("Mensah", "Asante", "Boateng", "Owusu", "Appiah", "Darko")),
    (("Minh", "Linh", "Quân", "Thảo", "Đức", "Hương"),
     ("Nguyễn", "Trần", "Phạm", "Lê", "Hoàng", "Võ")),
    (("Ingrid", "Henrik", "Solveig", "Anders", "Kari", "Bjørn"),
     ("Halvorsen", "Lund", "Bakke", "Strand", "Hågensen", "Dahl")),
    (("Jae-won", "Min-ji", "Seo-yeon", "Dong-hyun", "Ha-eun", "Ji-ho"),
     ("Kim", "Park", "Choi", "Jung", "Kang", "Yoon")),
]

TEAMS = ("Platform", "Database reliability", "Edge networking", "Security engineering",
         "Observability", "Storage", "Identity", "Release engineering", "Data platform",
         "Payments infrastructure", "Network operations", "Developer experience",
         "Compute", "Messaging", "Search infrastructure", "Internal tools")

SERVICES = ("the payments primary", "the replica in the second zone", "the ingest consumers",
            "the edge proxies", "the token issuer", "the nightly backup job", "the deploy pipeline",
            "the alert router", "the metrics store", "the canary fleet", "the session table",
            "the job scheduler", "the object store gateway", "the search indexer",
            "the service mesh sidecars", "the DNS resolvers", "the message broker",
            "the feature-flag service", "the build cache", "the certificate renewer")
SYMPTOMS = ("fell several minutes behind", "returned errors for a slice of requests",
            "ran out of connections", "paged twice overnight", "slowed down without alerting",
            "filled its disk", "flapped between healthy and unhealthy",
            "kept restarting under memory pressure", "stopped picking up new config",
            "doubled its tail latency", "lost its leader election", "dropped a batch of writes")
WHEN = ("after the config change went out", "during the nightly batch window",
        "once the cache went cold", "right after the kernel patch", "under month-end load",
        "while the other region was draining", "during the release freeze",
        "as soon as the canary reached half the fleet", "after a dependency upgrade",
        "when the retry storm started", "during the failover rehearsal", "on a quiet Sunday")
PEOPLE_ROLES = ("she", "he", "they", "the on-call engineer", "my mentee", "the incident commander",
                "the service owner", "the partner team", "the reviewer", "the secondary")
ACTIONS = ("wrote a smaller reproducer before touching anything",
           "rolled the change back and watched the graphs settle",
           "added the missing panel to the service dashboard",
           "stated a hypothesis out loud before running the test",
           "asked the partner team for their side of the timeline",
           "moved the alert from paging to a ticket",
           "wrote the runbook step that had only lived in someone's head",
           "split the rollout into smaller stages with a pause between them",
           "compared the failing host with a healthy twin",
           "captured the evidence before restarting anything",
           "booked a follow-up to remove the temporary fix",
           "checked the change log for the hour before the first alert")
OUTCOMES = ("the error rate dropped back under the objective",
            "the page stopped firing for the rest of the week",
            "the next person on call did not need to ask anyone",
            "we saved about {n} minutes on the next incident",
            "the review went out within two days",
            "the team agreed on an owner in the same meeting",
            "the cost came down by roughly {n}%",
            "we burned {n}% less of the error budget than the month before",
            "nobody had to be woken up for it again",
            "the fix was smaller than anyone expected")
REFLECTIONS = ("Next time I want to ask for the timeline before the theory.",
               "I talked too much in the first ten minutes; silence would have taught more.",
               "Worth repeating at the next team meeting as an example.",
               "This should become a checklist step, not a memory.",
               "The hard part was social, not technical.",
               "I should have written the decision down the same day.",
               "It felt slow, but it was the first time the mentee drove end to end.",
               "We still have no one outside the team who knows this path.",
               "Good sign: the question came before the incident, not during it.",
               "Keep an eye on whether this repeats over the next month.")
NEXT_STEPS = ("Write the runbook section and ask someone else to follow it.",
              "Book a session with the partner team before the next change window.",
              "Pick one alert to delete and one to make actionable.",
              "Draft the decision record and circulate it on Monday.",
              "Rehearse the failover in staging with the mentee at the keyboard.",
              "Measure the baseline for a week before changing anything.",
              "Ask the service owner what they would need to see.",
              "Split the goal: the first half fits in two weeks.",
              "Schedule the game day outside the release freeze.",
              "Pair on the change, with the mentee driving.")
TOPICS = ("failover", "capacity plan", "alert hygiene", "backup restore", "certificate rotation",
          "access review", "cardinality budget", "connection pooling", "release freeze",
          "error budget policy", "on-call handover", "schema migration", "queue backlog",
          "load shedding", "cost report", "incident review", "runbook", "service catalogue")
VERBS = ("Automate", "Rehearse", "Document", "Own", "Cut", "Move", "Retire", "Measure", "Split",
         "Harden", "Simplify", "Migrate")
VAGUE = ("Looks good, great job!", "Needs work.", "Nice work on this.", "Great job!",
         "Could be better.")

# Bases for links in partner teams; the hosts follow the internal example.internal convention.
URL_BASES = ("https://grafana.example.internal/d/", "https://runbooks.example.internal/",
             "https://wiki.example.internal/spaces/sre/")


class Prose:
    """Seeded text generator. All randomness comes from the `random.Random` it is given."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def name(self) -> str:
        given, family = self.rng.choice(NAME_POOLS)
        return f"{self.rng.choice(given)} {self.rng.choice(family)}"

    def team(self) -> str:
        return self.rng.choice(TEAMS)

    def topic(self) -> str:
        return self.rng.choice(TOPICS)

    def _n(self, text: str) -> str:
        return text.replace("{n}", str(self.rng.randint(5, 80))) if "{n}" in text else text

    def sentence(self) -> str:
        r = self.rng
        shape = r.randrange(5)
        if shape == 0:
            text = f"{r.choice(SERVICES)} {r.choice(SYMPTOMS)} {r.choice(WHEN)}."
        elif shape == 1:
            text = f"{r.choice(PEOPLE_ROLES)} {r.choice(ACTIONS)}, and {r.choice(OUTCOMES)}."
        elif shape == 2:
            text = f"After {r.choice(PEOPLE_ROLES)} {r.choice(ACTIONS)}, {r.choice(OUTCOMES)}."
        elif shape == 3:
            text = r.choice(REFLECTIONS)
        else:
            text = (f"We looked at {r.choice(SERVICES)} again: it {r.choice(SYMPTOMS)} "
                    f"{r.randint(2, 14)} times in {r.randint(2, 9)} weeks.")
        text = self._n(text)
        return text[0].upper() + text[1:]

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def paragraphs(self, low: int, high: int) -> str:
        return "\n\n".join(self.sentences(2, 5) for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        return f"{self.rng.choice(VERBS)} the {self.topic()} for {self.rng.choice(SERVICES)}"

    def next_step(self) -> str:
        return self.rng.choice(NEXT_STEPS)

    def numbers(self) -> str:
        r = self.rng
        return (f"{r.randint(3, 60)}% of the monthly error budget went to {r.choice(TOPICS)} "
                f"problems; about {r.randint(2, 40)} hours a month of on-call time.")

    def links(self, slug: str) -> str:
        count = self.rng.randint(0, 3)
        return "\n".join(f"{self.rng.choice(URL_BASES)}{slug}-{i + 1}" for i in range(count))

    def vague(self) -> str:
        return self.rng.choice(VAGUE)
