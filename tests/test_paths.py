"""The folders the app reads at start-up without platformdirs are the ones platformdirs names."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from journal import APP_ID, paths

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux fast path")

VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


def _expected() -> dict[str, Path]:
    dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
    return {"data": Path(dirs.user_data_dir), "config": Path(dirs.user_config_dir),
            "log": Path(dirs.user_log_dir)}


@pytest.mark.parametrize("xdg", ["unset", "empty", "absolute", "relative"])
@pytest.mark.parametrize("home", ["absolute", "relative", "unset"])
def test_linux_folders_match_platformdirs(tmp_path, monkeypatch, xdg, home):
    for variable in VARIABLES:
        if xdg == "unset":
            monkeypatch.delenv(variable, raising=False)
        else:
            value = {"empty": "", "absolute": str(tmp_path / variable.lower()),
                     "relative": "some/where"}[xdg]
            monkeypatch.setenv(variable, value)
    if home == "unset":
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", str(tmp_path / "home") if home == "absolute" else "home")
    try:
        expected = _expected()
    except RuntimeError:  # platformdirs cannot place a home that is not absolute
        expected = None
    if expected is None:
        with pytest.raises(RuntimeError):
            paths.data_dir()
        return
    assert paths.data_dir() == expected["data"]
    assert paths.config_dir() == expected["config"]
    assert paths.log_dir() == expected["log"]
    assert paths.config_dir().is_dir() and paths.log_dir().is_dir()


def test_start_up_does_not_import_platformdirs(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delitem(sys.modules, "platformdirs", raising=False)
    paths.data_dir(), paths.config_dir(), paths.log_dir()
    assert "platformdirs" not in sys.modules
