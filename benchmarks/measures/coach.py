"""The SBI coach on its own, without the editor: how long one draft takes to judge.

The coach runs on every pause in typing, so a whole draft (all three parts) must take well under
a frame. Its per-part cache is emptied before each draft, so every part is judged from scratch.
"""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks.registry import Context, Sample, measure, median
from journal.domain import coach as coach_module
from journal.domain.coach import PARTS, coach
from journal.store.journal import open_journal

DRAFT_TARGET = "< 5 ms"
_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "coach_corpus.tsv"
_DRAFTS = 400


def corpus_drafts(count: int, seed: int) -> list[tuple[str, str, str]]:
    """Drafts assembled from the labelled corpus: one Situation, one to three Behavior sentences
    and one or two Impact sentences, vague and specific mixed, as people write them."""
    by_part: dict[str, list[str]] = {part: [] for part in PARTS}
    for line in _CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            part, text, *_ = line.split("\t")
            by_part[part].append(text)
    rng = random.Random(seed)
    return [(rng.choice(by_part["situation"]),
             " ".join(rng.sample(by_part["behavior"], rng.randint(1, 3))),
             " ".join(rng.sample(by_part["impact"], rng.randint(1, 2))))
            for _ in range(count)]


def draft_times(drafts: list[tuple[str, str, str]]) -> list[float]:
    """Wall time in ms of coaching each draft with an empty cache."""
    import time

    coach(*drafts[0])  # the word lists are read and compiled once per process; not counted
    times = []
    for draft in drafts:
        coach_module._judge_part.cache_clear()
        start = time.perf_counter()
        coach(*draft)
        times.append((time.perf_counter() - start) * 1000)
    return times


@measure("coach.draft", target=DRAFT_TARGET)
def coach_draft(ctx: Context) -> Sample:
    """One draft built from the labelled corpus (issue 16), every rule exercised."""
    return Sample(median(draft_times(corpus_drafts(_DRAFTS, ctx.seed))))


@measure("coach.journal_draft", target=DRAFT_TARGET)
def coach_journal_draft(ctx: Context) -> Sample:
    """The feedback drafts of the generated journal, as the checklist and editor see them."""
    with open_journal(ctx.journal(), read_only=True) as journal:
        drafts = [(d.situation, d.behavior, d.impact)
                  for d in journal.list("feedback_draft")[:_DRAFTS]]
    return Sample(median(draft_times(drafts)))
