"""`prep`, `export` and `import` from the command line."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from journal.cli.main import main
from journal.sample import populate
from journal.store.journal import open_journal


@pytest.fixture
def sample_db(tmp_path):
    db = tmp_path / "sample.sqlite3"
    with open_journal(db) as journal:
        populate(journal)
    return db


def run(db, *args):
    return main(["--db", str(db), *args])


def test_prep_by_prefix_accent_free_word_or_id(sample_db, capsys):
    assert run(sample_db, "prep", "zoe") == 0
    out = capsys.readouterr().out
    assert out.startswith("# 1:1 with Zoë Lefèvre — ")
    assert "## Since the last 1:1" in out
    assert run(sample_db, "prep", "lefev") == 0
    assert "Zoë Lefèvre" in capsys.readouterr().out
    assert run(sample_db, "prep", "1") == 0
    assert "# 1:1 with Amara Okafor" in capsys.readouterr().out


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(sample_db, capsys):
    assert run(sample_db, "prep", "K") == 2
    err = capsys.readouterr().err
    assert "Kenji Watanabe" in err and "Kwame Mensah" in err


def test_nobody_and_bad_dates_are_one_clear_line(sample_db, capsys):
    assert run(sample_db, "prep", "Nobody Here") == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert run(sample_db, "prep", "Amara", "--since", "last week") == 2


def test_since_a_day(sample_db, capsys):
    import datetime as dt

    day = dt.date.today() - dt.timedelta(days=5)
    assert run(sample_db, "prep", "Amara", "--since", day.isoformat()) == 0
    assert f"## Since {day.isoformat()}" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_three_formats_into_files(sample_db, tmp_path, capsys, qapp):
    import datetime as dt

    today = dt.date.today().isoformat()
    assert run(sample_db, "prep", "zoe", "--format", "md", "--output", str(tmp_path)) == 0
    assert (tmp_path / f"1-1 with Zoë Lefèvre {today}.md").read_text().startswith("# 1:1")
    assert run(sample_db, "prep", "zoe", "--format", "html", "-o", str(tmp_path / "z.html")) == 0
    assert "<title>1:1 with Zoë Lefèvre" in (tmp_path / "z.html").read_text()
    assert run(sample_db, "prep", "zoe", "--format", "pdf", "--output", str(tmp_path)) == 0
    pdf = tmp_path / f"1-1 with Zoë Lefèvre {today}.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Zoë Lefèvre" in text


def test_export_json_and_markdown(sample_db, tmp_path, capsys):
    assert run(sample_db, "export", "--format", "json", "--output", str(tmp_path / "j.json")) == 0
    assert '"format": "leadership-journal"' in (tmp_path / "j.json").read_text()
    vault = tmp_path / "vault"
    assert run(sample_db, "export", "--format", "markdown", "--output", str(vault)) == 0
    diego = (vault / "People" / "Diego Hernández.md").read_text()
    assert diego.startswith("---\nkind: \"person\"\nuid: ")
    assert "[[Teams/Payments infrastructure|Payments infrastructure]]" in diego
    team = (vault / "Teams" / "Payments infrastructure.md").read_text()
    assert 'contact: "[[People/Diego Hernández|Diego Hernández]]"' in team
    decisions = list((vault / "Decisions").glob("*.md"))
    assert len(decisions) == 5 and any("superseded_by:" in p.read_text() for p in decisions)
    # Exporting again replaces the earlier export; a folder of other files is refused.
    assert run(sample_db, "export", "--format", "markdown", "--output", str(vault)) == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.txt").write_text("keep")
    assert run(sample_db, "export", "--format", "markdown", "--output", str(other)) == 1
    assert [p.name for p in other.iterdir()] == ["mine.txt"]
