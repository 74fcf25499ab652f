"""Settings declared in code with their defaults, stored in the journal."""

from journal.domain.thresholds import Thresholds
from journal.store.journal import open_journal
from journal.store.settings import declared_defaults


def test_an_unwritten_setting_answers_its_declared_default(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as journal:
        assert journal.setting("threshold.partner_contact_days") == 90
        assert journal.setting("owner_name") == ""
        assert journal.setting("no.such.key") is None
        assert journal.setting("threshold.partner_contact_days", 5) == 5  # the caller's wins
        assert journal.settings() == {}  # defaults are not written


def test_a_written_setting_wins_and_survives_reopening(tmp_path):
    path = tmp_path / "j.sqlite3"
    with open_journal(path) as journal:
        journal.set_setting("threshold.partner_contact_days", 60)
    with open_journal(path) as journal:
        assert journal.setting("threshold.partner_contact_days") == 60
        assert Thresholds.from_settings(journal.settings()).partner_contact_days == 60


def test_every_threshold_is_declared():
    declared = declared_defaults()
    for name, value in vars(Thresholds()).items():
        assert declared[f"threshold.{name}"] == value


def test_counts_of_records_read_as_words():
    from journal.domain.kinds import TABLES, counted

    assert counted("snooze", 1) == "1 snooze"
    assert counted("person", 1) == "1 person"
    assert counted("check_in", 3) == "3 check-ins"
    assert counted("one_on_one", 1) == "1 1:1"
    assert counted("decision_person", 2) == "2 people in decisions"
    for kind in TABLES:
        assert not counted(kind, 1).endswith("s") or kind == "one_on_one", kind
