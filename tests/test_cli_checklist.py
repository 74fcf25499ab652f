"""`leadership-journal checklist`: text, JSON, exit codes and --as-of; the file is only read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from journal.cli.main import main
from journal.ops.checklist import snooze
from journal.store.checklist_run import compute
from journal.store.journal import open_journal
from tests.conftest import sha256

RULE_IDS = ["mentoring", "design-reviews", "feedback", "roadmap", "conflicts", "partner-teams"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.sqlite3"
    open_journal(path).close()
    return path


@pytest.fixture
def with_gaps(tmp_path: Path) -> Path:
    """One team contacted on 2026-03-01 (calm) and nothing since; one review without a record."""
    path = tmp_path / "gaps.sqlite3"
    with open_journal(path) as journal:
        lead = journal.create("person", name="Kwame Mensah")
        storage = journal.create("partner_team", name="Storage", contact_id=lead.id)
        journal.create("partner_contact", team_id=storage.id, on_date=dt.date(2026, 3, 1))
    return path


def test_every_rule_holds_exit_0(capsys, empty):
    code, out, err = run(capsys, "--db", str(empty), "checklist", "--as-of", "2026-03-18")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Checklist on 2026-03-18: 6 of 6 rules hold, 0 open gaps."
    assert "Every mentee has a named mentor and a concrete goal: holds" in out


def test_json_when_every_rule_holds(capsys, empty):
    code, out, _ = run(capsys, "--db", str(empty), "checklist", "--json")
    data = json.loads(out)
    assert code == 0
    assert [r["id"] for r in data["rules"]] == RULE_IDS
    assert all(r["holds"] and r["gaps"] == [] and r["snoozed"] == [] for r in data["rules"])
    assert data["hints"] == []
    assert data["as_of"] == dt.date.today().isoformat()


@pytest.mark.parametrize(("as_of", "code"), [("2026-05-30", 0), ("2026-05-31", 1)])
def test_as_of_judges_that_day(capsys, with_gaps, as_of, code):
    """90 days after 2026-03-01 is 2026-05-30: the last day the team still counts as in touch."""
    got, out, _ = run(capsys, "--db", str(with_gaps), "checklist", "--as-of", as_of)
    assert got == code
    if code:
        assert "  - Storage: last contact outside an incident was 91 days ago  [partner_team 1]" \
            in out.splitlines()
        assert "A pre-incident relationship with each adjacent team: 1 gap" in out


def test_json_names_kind_id_and_message(capsys, with_gaps):
    code, out, _ = run(capsys, "--db", str(with_gaps), "checklist", "--json", "--as-of",
                       "2026-06-30")
    assert code == 1
    partners = json.loads(out)["rules"][-1]
    assert partners["id"] == "partner-teams" and partners["holds"] is False
    (gap,) = partners["gaps"]
    assert {k: gap[k] for k in ("kind", "id", "message")} == {
        "kind": "partner_team", "id": 1,
        "message": "Storage: last contact outside an incident was 121 days ago"}


def test_snoozed_gaps_are_listed_apart_and_do_not_count(capsys, with_gaps):
    with open_journal(with_gaps) as journal:
        (gap,) = compute(journal, dt.date(2026, 6, 30)).result("partner-teams").gaps
        snooze(journal, gap, dt.date(2026, 7, 15), "Their team is moving buildings")
    code, out, _ = run(capsys, "--db", str(with_gaps), "checklist", "--as-of", "2026-06-30")
    assert code == 0
    assert "A pre-incident relationship with each adjacent team: holds, 1 snoozed" in out
    assert "snoozed until 2026-07-15: Their team is moving buildings" in out
    code, out, _ = run(capsys, "--db", str(with_gaps), "checklist", "--json", "--as-of",
                       "2026-06-30")
    partners = json.loads(out)["rules"][-1]
    assert partners["gaps"] == [] and partners["snoozed"][0]["until"] == "2026-07-15"
    code, _, _ = run(capsys, "--db", str(with_gaps), "checklist", "--as-of", "2026-07-15")
    assert code == 1  # the snooze has ended


@pytest.mark.parametrize("bad", ["2026-13-01", "2026-02-30", "yesterday", "2026-3-1",
                                 "20260301", ""])
def test_a_malformed_day_is_one_line_and_exit_2(capsys, empty, bad):
    code, out, err = run(capsys, "--db", str(empty), "checklist", "--as-of", bad)
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert "--as-of" in err and "YYYY-MM-DD" in err


def test_an_unknown_option_is_a_usage_error(capsys, empty):
    code, _, err = run(capsys, "--db", str(empty), "checklist", "--everything")
    assert code == 2 and err.startswith("leadership-journal:")


def test_a_missing_journal_says_so(capsys, tmp_path):
    missing = tmp_path / "nope.sqlite3"
    code, out, err = run(capsys, "--db", str(missing), "checklist")
    assert code == 1 and out == "" and "does not exist" in err
    assert not missing.exists()


def test_the_sample_journal_text(capsys, tmp_path):
    path = tmp_path / "sample.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    before = sha256(path)
    code, out, _ = run(capsys, "--db", str(path), "checklist")
    assert code == 1
    assert "Zoë Lefèvre has no named mentor  [mentorship" in out
    assert "Worth a look (patterns, not rules):" in out
    assert "Feedback for Rafael Costa has waited" in out and "Rafael is on leave" in out
    assert sha256(path) == before  # read-only


def test_help_names_the_options(capsys):
    code, out, _ = run(capsys, "checklist", "--help")
    assert code == 0 and "--as-of" in out and "--json" in out
