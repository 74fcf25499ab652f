"""`leadership-journal search`: text and JSON output, kinds and limits, exit codes, read-only."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.store.journal import open_journal


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    with open_journal(path) as journal:
        zoe = journal.create("person", name="Zoë Girard", team="Storage")
        journal.create("feedback_draft", recipient_id=zoe.id,
                       situation="During the failover drill",
                       behavior="You wrote the rollback runbook before anyone asked.")
        journal.create("decision_record", title="Keep the runbook in the repo",
                       context="Runbooks drift when they live in a wiki.")
    return path


def test_text_groups_results_by_kind_and_exits_0(capsys, path) -> None:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run(capsys, "--db", str(path), "search", "runbook")
    assert code == 0 and err == ""
    assert "Feedback drafts (1)" in out and "Decision records (1)" in out
    assert "Zoë Girard" in out and "rollback runbook" in out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # read only


def test_json_lists_every_result_with_its_marks(capsys, path) -> None:
    code, out, _ = run(capsys, "--db", str(path), "search", "zoe", "--json")
    assert code == 0
    results = json.loads(out)
    person = next(r for r in results if r["kind"] == "person")
    assert person["title"] == "Zoë Girard" and person["typo"] is False
    start, end = person["marks"][0]
    assert person["snippet"][start:end] == "Zoë"
    assert {"kind", "id", "title", "date", "snippet", "marks", "typo"} <= set(person)


def test_kind_and_limit(capsys, path) -> None:
    code, out, _ = run(capsys, "--db", str(path), "search", "runbook", "--kind",
                       "decision_record", "--json")
    assert code == 0 and [r["kind"] for r in json.loads(out)] == ["decision_record"]
    code, out, _ = run(capsys, "--db", str(path), "search", "runbook", "--limit", "1",
                       "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_a_typo_in_a_name(capsys, path) -> None:
    code, out, _ = run(capsys, "--db", str(path), "search", "Girrad", "--json")
    assert code == 0 and json.loads(out)[0]["typo"] is True


def test_nothing_found_exits_1(capsys, path) -> None:
    code, out, err = run(capsys, "--db", str(path), "search", "qqzx")
    assert (code, out, err) == (1, "", "")
    code, out, _ = run(capsys, "--db", str(path), "search", "qqzx", "--json")
    assert code == 1 and json.loads(out) == []


@pytest.mark.parametrize("argv", [
    ["search"], ["search", '"*(-'], ["search", "x", "--kind", "snooze"],
    ["search", "x", "--limit", "0"], ["search", "x", "--limit", "many"]])
def test_usage_mistakes_exit_2(capsys, path, argv) -> None:
    code, out, err = run(capsys, "--db", str(path), *argv)
    assert code == 2 and out == "" and err.startswith("leadership-journal: ")


def test_syntax_characters_are_words(capsys, path) -> None:
    for query in ['"runbook', "runbook*", "-runbook", "NEAR(runbook", "runbook)", "AND runbook"]:
        code, out, err = run(capsys, "--db", str(path), "search", "--json", "--", query)
        assert err == "" and code in (0, 1), query


def test_a_missing_journal_exits_1(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "search", "x")
    assert code == 1 and "does not exist" in err and not (tmp_path / "none.sqlite3").exists()
