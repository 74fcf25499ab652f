"""`--db` before or after the command, an empty `--db`, and `info` on an empty file
(issue 10, #15 and #16)."""

from __future__ import annotations

import json

import pytest

from journal.cli.main import main
from journal.store.journal import open_journal


@pytest.fixture
def made(journal_path):
    with open_journal(journal_path) as j:
        j.create("person", name="Ana")
    return journal_path


def test_db_after_the_command_works_as_before_it(made, capsys):
    assert main(["info", "--db", str(made), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(made)
    assert main(["info", f"--db={made}"]) == 0
    assert str(made) in capsys.readouterr().out


def test_coach_reads_a_draft_with_db_after_the_command(made, capsys):
    with open_journal(made) as j:
        draft = j.create("feedback_draft", recipient_id=j.list("person")[0].id,
                         situation="In the review", behavior="You asked", impact="It helped")
    main(["coach", "--draft", str(draft.id), "--db", str(made)])
    assert "no feedback draft" not in capsys.readouterr().err


def test_demo_takes_db_after_the_command(tmp_path, capsys):
    target = tmp_path / "sample.sqlite3"
    assert main(["demo", "--db", str(target)]) == 0
    assert str(target) in capsys.readouterr().out


@pytest.mark.parametrize("command", ["info", "demo", "coach", "due", "backup", "restore",
                                     "search", "adr export", "adr import"])
def test_each_commands_help_shows_db(command, capsys):
    assert main([*command.split(), "--help"]) == 0
    assert "--db PATH" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--db", "", "info"], ["info", "--db", ""], ["--db=", "info"],
                                  ["info", "--db", "  "], ["--db", ""]])
def test_an_empty_db_is_refused_in_one_line(argv, capsys, private_dirs):
    assert main(argv, start_app=lambda _db: pytest.fail("the app must not start")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--db" in err and "empty" in err
    assert not any(private_dirs.rglob("*.sqlite3"))  # the default journal was not made


def test_info_on_an_empty_file_says_it_is_empty_and_how_to_start(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert main(["--db", str(empty), "info"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is empty" in err and "does not exist" not in err
    assert "demo" in err and f"--db {empty}" in err
    assert empty.stat().st_size == 0  # still untouched
