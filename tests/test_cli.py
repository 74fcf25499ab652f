"""The console script: exit codes, one-line errors, and refused files left untouched."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from journal import __version__
from journal.cli.main import main
from journal.store.journal import open_journal
from tests.conftest import sha256
from tests.test_store_file import REFUSED


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"leadership-journal {__version__}"


def test_info_text_and_json(journal_path, capsys):
    with open_journal(journal_path) as j:
        j.create("person", name="Zoë")
        j.create("person", name="محمد")
    assert main(["--db", str(journal_path), "info"]) == 0
    out = capsys.readouterr().out
    assert str(journal_path) in out and "Schema version" in out
    assert main(["--db", str(journal_path), "info", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["counts"]["person"] == 2
    assert facts["schema_version"] >= 2 and facts["size_bytes"] > 0
    assert facts["path"] == str(journal_path)


def test_info_uses_the_environment_variable(journal_path, monkeypatch, capsys):
    with open_journal(journal_path):
        pass
    monkeypatch.setenv("LEADERSHIP_JOURNAL_DB", str(journal_path))
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["path"] == str(journal_path)


def test_info_on_a_missing_file_says_so_and_creates_nothing(tmp_path, capsys):
    path = tmp_path / "nope.sqlite3"
    assert main(["--db", str(path), "info"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err
    assert not path.exists()


def test_usage_errors_exit_2_with_one_line(capsys):
    assert main(["no-such-command"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["info", "--bogus"]) == 2


def test_info_works_while_the_app_holds_the_journal(journal, journal_path, capsys):
    journal.create("person", name="Ana")
    assert main(["--db", str(journal_path), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["person"] == 1


@pytest.mark.parametrize("command", [["info"], ["info", "--json"], ["demo"]])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_files_untouched_by_every_command(case, command, tmp_path, capsys):
    make, _error = REFUSED[case]
    path = tmp_path / "refused.sqlite3"
    make(path)
    for extra in ("-wal", "-shm"):
        (tmp_path / f"refused.sqlite3{extra}").unlink(missing_ok=True)
    before = sha256(path)
    assert main(["--db", str(path), *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sha256(path) == before


def test_demo_refuses_a_journal_with_records(journal_path, capsys):
    with open_journal(journal_path) as j:
        j.create("person", name="Ana")
    before = sha256(journal_path)
    assert main(["--db", str(journal_path), "demo"]) == 1
    assert "already holds records" in capsys.readouterr().err
    assert sha256(journal_path) == before


def test_demo_refuses_a_locked_journal(journal, journal_path, capsys):
    assert main(["--db", str(journal_path), "demo"]) == 1
    assert "already open" in capsys.readouterr().err


def test_python_dash_m_and_console_script_are_the_same_program(tmp_path):
    result = subprocess.run([sys.executable, "-m", "journal", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip().endswith(__version__)
    result = subprocess.run([sys.executable, "-m", "journal", "--db", str(tmp_path / "x"),
                             "info"], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_info_does_not_call_a_writable_journal_read_only(journal_path, capsys):
    with open_journal(journal_path):
        pass
    assert main(["--db", str(journal_path), "info"]) == 0
    assert "read-only" not in capsys.readouterr().out
