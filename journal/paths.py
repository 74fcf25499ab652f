"""Where the journal, the sample journal, settings and logs live (platformdirs), and which
journal file a run uses: `--db PATH`, else `$LEADERSHIP_JOURNAL_DB`, else the default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from journal import APP_ID

ENV_DB = "LEADERSHIP_JOURNAL_DB"
JOURNAL_FILE = "journal.sqlite3"
SAMPLE_FILE = "sample-journal.sqlite3"


def _dirs():
    # Imported on first use: platformdirs costs a few ms that a `--version` need not pay.
    import platformdirs

    return platformdirs.PlatformDirs(APP_ID, appauthor=False)


def _linux_dir(variable: str, default: str) -> Path | None:
    """The folder platformdirs names on Linux, read from the XDG variable as it reads it.

    Start-up needs the data and config folders before the first paint, and importing
    platformdirs costs 3 to 4 ms of it; `tests/test_paths.py` checks that both agree. None where
    the answer is not plain (not Linux, or a HOME that is not an absolute path): ask platformdirs.
    """
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value) / APP_ID
    home = os.environ.get("HOME")
    if home is None or not os.path.isabs(home):
        return None
    return Path(home) / default / APP_ID


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def data_dir() -> Path:
    return _linux_dir("XDG_DATA_HOME", ".local/share") or Path(_dirs().user_data_dir)


def log_dir() -> Path:
    state = _linux_dir("XDG_STATE_HOME", ".local/state")
    return _private_dir(state / "log" if state else Path(_dirs().user_log_dir))


def config_dir() -> Path:
    return _private_dir(_linux_dir("XDG_CONFIG_HOME", ".config")
                        or Path(_dirs().user_config_dir))


def snapshots_dir() -> Path:
    """Where snapshots of journals are kept (one folder per journal inside it), made private."""
    return _private_dir(data_dir() / "snapshots")


def default_journal() -> Path:
    return data_dir() / JOURNAL_FILE


def sample_journal() -> Path:
    return data_dir() / SAMPLE_FILE


def resolve_journal(db: str | os.PathLike | None = None) -> Path:
    """The journal this run uses."""
    if db:
        return Path(db).expanduser().absolute()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser().absolute()
    return default_journal()
