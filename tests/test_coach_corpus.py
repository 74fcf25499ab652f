"""The coach against labelled feedback parts from infrastructure work (issue 16).

`tests/data/coach_corpus.tsv` holds the parts the rules were tuned on. Two held-out slices measure
how the rules generalise: `coach_heldout.tsv` was written with the first batch of the corpus,
before any rule existed, and `coach_heldout_d.tsv` (network, security, CI and cost work) after the
last round of tuning; neither was tuned on. Two more slices written in between were scored once and
then folded into the corpus (its comments give their first scores). Each row is
`part, text, flagged (yes/no), family`: "yes" parts are vague and must get a hint, "no" parts are
specific (what a camera or a transcript could have caught) and most hold a trigger word.

Run with `-s` to see the agreement printed, and the parts it gets wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from journal.domain.coach import PARTS, RULES, coach

DATA = Path(__file__).parent / "data"
MIN_AGREEMENT = 0.95
MAX_FALSE_FLAGS = 0.05


@dataclass(frozen=True)
class Row:
    part: str
    text: str
    vague: bool
    family: str


def load(name: str) -> list[Row]:
    rows = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        part, text, flagged, family = line.split("\t")
        assert part in PARTS and flagged in ("yes", "no"), f"{name}:{number}: {line!r}"
        rows.append(Row(part, text, flagged == "yes", family))
    return rows


def flagged(row: Row) -> bool:
    parts = dict.fromkeys(PARTS)
    parts[row.part] = row.text
    return bool(coach(**parts, judge_missing=False))


@dataclass(frozen=True)
class Score:
    rows: int
    agreement: float
    false_flags: float  # share of the specific ("no") parts that got a hint
    misses: float  # share of the vague ("yes") parts that got none
    wrong: list[Row]


def score(rows: list[Row]) -> Score:
    wrong = [row for row in rows if flagged(row) != row.vague]
    specific = [row for row in rows if not row.vague]
    vague = [row for row in rows if row.vague]
    return Score(
        rows=len(rows),
        agreement=1 - len(wrong) / len(rows),
        false_flags=sum(1 for row in wrong if not row.vague) / len(specific),
        misses=sum(1 for row in wrong if row.vague) / len(vague),
        wrong=wrong,
    )


def report(name: str, result: Score) -> None:
    print(f"\n{name}: {result.rows} parts, agreement {result.agreement:.1%}, specific parts "
          f"flagged {result.false_flags:.1%}, vague parts missed {result.misses:.1%}")
    for row in result.wrong:
        print(f"  {'missed' if row.vague else 'flagged'} {row.part} [{row.family}]: {row.text}")


HELD_OUT = ["coach_heldout.tsv", "coach_heldout_d.tsv"]


@pytest.mark.parametrize("name", ["coach_corpus.tsv", *HELD_OUT])
def test_agreement_with_the_labels(name: str) -> None:
    result = score(load(name))
    report(name, result)
    assert result.agreement >= MIN_AGREEMENT
    assert result.false_flags <= MAX_FALSE_FLAGS


def test_the_corpus_is_large_balanced_and_from_every_part() -> None:
    rows = load("coach_corpus.tsv")
    vague = sum(row.vague for row in rows)
    assert len(rows) >= 200
    assert 0.4 <= vague / len(rows) <= 0.6
    assert {row.part for row in rows} == set(PARTS)
    assert all(len(load(name)) >= 60 for name in HELD_OUT)


@pytest.mark.parametrize("name", HELD_OUT)
def test_no_held_out_text_is_in_the_corpus(name: str) -> None:
    tuned = {row.text for row in load("coach_corpus.tsv")}
    assert not tuned & {row.text for row in load(name)}


@pytest.mark.parametrize("rule", ["guessed_intent", "trait_not_act", "judged_verb",
                                  "verdict_as_behavior", "vague_effect", "time_span"])
def test_every_new_rule_is_used_by_the_corpus(rule: str) -> None:
    assert rule in RULES
    seen = set()
    for row in load("coach_corpus.tsv"):
        parts = dict.fromkeys(PARTS)
        parts[row.part] = row.text
        seen |= {hint.rule for hint in coach(**parts, judge_missing=False)}
    assert rule in seen


def test_the_score_can_fail() -> None:
    # A coach that flags everything, or nothing, is far from the labels.
    rows = load("coach_corpus.tsv")
    share_vague = sum(row.vague for row in rows) / len(rows)
    assert max(share_vague, 1 - share_vague) < MIN_AGREEMENT
