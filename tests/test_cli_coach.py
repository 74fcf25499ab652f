"""`leadership-journal coach`: output, JSON shape, exit codes, and reading a draft read-only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.store.journal import open_journal

GOOD = ["--situation", "In Tuesday's design review for the auth service",
        "--behavior", "You asked four questions about failure modes.",
        "--impact", "That surfaced the retry bug before it shipped."]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def journal_with_draft(tmp_path: Path) -> tuple[Path, int, int]:
    path = tmp_path / "journal.sqlite3"
    with open_journal(path) as journal:
        amara = journal.create("person", name="Amara")
        vague = journal.create("feedback_draft", recipient_id=amara.id, polarity="reinforcing",
                               situation="In meetings lately", behavior="Looks good.",
                               impact="It was great.")
        good = journal.create("feedback_draft", recipient_id=amara.id, polarity="reinforcing",
                              situation="In Tuesday's design review for the auth service",
                              behavior="You asked four questions about failure modes.",
                              impact="That surfaced the retry bug before it shipped.")
    return path, vague.id, good.id


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_hints_exits_0_and_prints_nothing(capsys) -> None:
    code, out, err = run(capsys, "coach", *GOOD)
    assert (code, out, err) == (0, "", "")


def test_hints_are_one_per_line_and_exit_1(capsys) -> None:
    code, out, err = run(capsys, "coach", "--behavior", "Looks good. You always push to main.")
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines == [
        'behavior: vague_label: "Looks good" says nothing the person can repeat or change; '
        "describe what they did.",
        'behavior: trait_language: "always" turns moments into a verdict on the person; '
        "describe one time it happened.",
    ]


def test_parts_not_given_are_not_called_missing(capsys) -> None:
    code, out, _ = run(capsys, "coach", "--behavior", "You asked four questions about failure "
                                                      "modes.")
    assert (code, out) == (0, "")


def test_an_empty_part_given_is_missing(capsys) -> None:
    code, out, _ = run(capsys, "coach", *GOOD, "--impact", "")
    assert code == 1
    assert out.startswith("impact: missing: ")


def test_json_shape(capsys) -> None:
    code, out, _ = run(capsys, "coach", "--json", "--situation", "In meetings lately",
                       "--impact", "It was unacceptable.")
    assert code == 1
    hints = json.loads(out)
    assert [(h["part"], h["rule"]) for h in hints] == [("situation", "no_occasion"),
                                                       ("impact", "no_effect")]
    for hint in hints:
        assert set(hint) == {"part", "rule", "message", "start", "end"}
        assert isinstance(hint["message"], str) and hint["message"]
    assert "In meetings lately"[hints[0]["start"]:hints[0]["end"]] == "lately"
    assert "It was unacceptable."[hints[1]["start"]:hints[1]["end"]] == "unacceptable"


def test_json_with_no_hints_is_an_empty_list(capsys) -> None:
    code, out, _ = run(capsys, "coach", "--json", *GOOD)
    assert code == 0 and json.loads(out) == []


def test_no_part_and_no_draft_is_a_usage_error(capsys) -> None:
    code, out, err = run(capsys, "coach")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "--draft" in err


def test_draft_together_with_parts_is_a_usage_error(capsys) -> None:
    code, _, err = run(capsys, "coach", "--draft", "1", "--behavior", "Looks good")
    assert code == 2 and "not both" in err


def test_bad_draft_id_is_a_usage_error(capsys) -> None:
    code, _, _ = run(capsys, "coach", "--draft", "seven")
    assert code == 2


def test_draft_from_the_journal(capsys, journal_with_draft) -> None:
    path, vague_id, good_id = journal_with_draft
    code, out, _ = run(capsys, "--db", str(path), "coach", "--draft", str(vague_id), "--json")
    assert code == 1
    assert [(h["part"], h["rule"]) for h in json.loads(out)] == [
        ("situation", "no_occasion"), ("behavior", "vague_label"), ("impact", "no_effect")]
    code, out, _ = run(capsys, "--db", str(path), "coach", "--draft", str(good_id))
    assert (code, out) == (0, "")


def test_draft_with_empty_parts_reports_them_missing(capsys, tmp_path) -> None:
    path = tmp_path / "j.sqlite3"
    with open_journal(path) as journal:
        person = journal.create("person", name="Sam")
        draft = journal.create("feedback_draft", recipient_id=person.id,
                               behavior="You asked four questions about failure modes.")
    code, out, _ = run(capsys, "--db", str(path), "coach", "--draft", str(draft.id))
    assert code == 1
    assert [line.split(":")[:2] for line in out.splitlines()] == [
        ["situation", " missing"], ["impact", " missing"]]


def test_unknown_draft_is_one_clear_line_and_exit_1(capsys, journal_with_draft) -> None:
    path, *_ = journal_with_draft
    code, out, err = run(capsys, "--db", str(path), "coach", "--draft", "999")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "999" in err and "no feedback draft" in err


def test_missing_journal_file_is_one_clear_line(capsys, tmp_path) -> None:
    path = tmp_path / "nothing-here.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "coach", "--draft", "1")
    assert code == 1 and err.count("\n") == 1
    assert not path.exists()


def test_coach_draft_leaves_the_journal_byte_for_byte_unchanged(capsys, journal_with_draft) -> None:
    path, vague_id, good_id = journal_with_draft
    before = sha256(path)
    for draft_id in (vague_id, good_id, 999):
        run(capsys, "--db", str(path), "coach", "--draft", str(draft_id))
    assert sha256(path) == before


def test_json_shows_the_second_look_rules(capsys) -> None:
    code, out, _ = run(capsys, "coach", "--json",
                       "--situation", "Throughout this quarter",
                       "--behavior", "You obviously didn't read the runbook. You have no sense "
                                     "of urgency. You froze. Your work on the plan was excellent.",
                       "--impact", "That created friction.")
    assert code == 1
    assert [(h["part"], h["rule"]) for h in json.loads(out)] == [
        ("situation", "time_span"),
        ("behavior", "guessed_intent"),
        ("behavior", "trait_not_act"),
        ("behavior", "judged_verb"),
        ("behavior", "verdict_as_behavior"),
        ("impact", "vague_effect"),
    ]


def test_specific_parts_with_trigger_words_exit_0(capsys) -> None:
    code, out, _ = run(capsys, "coach",
                       "--situation", "During the 02:00 failover on 12 March",
                       "--behavior", "You flipped `careless_mode` off and said \"obviously "
                                     "DNS\" at 02:04; you always posted the timeline within 10 "
                                     "minutes, on all 6 incidents this month.",
                       "--impact", "It set the cutover back by two days.")
    assert (code, out) == (0, "")
