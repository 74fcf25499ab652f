"""Settings kept in the journal itself, so an exported or copied journal keeps them.

Each setting is declared here with its default (values are JSON); `Journal.setting(key)` answers
the default for a key never written. Checklist thresholds are `threshold.<name>` keys, declared by
`journal.domain.thresholds.Thresholds`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.store.changes import SETTINGS

if TYPE_CHECKING:
    from journal.store.journal import Journal

_NO_DEFAULT = object()


def declared_defaults() -> dict[str, Any]:
    """Every declared setting and its default."""
    from dataclasses import fields

    from journal.domain.thresholds import OWNER_NAME, Thresholds

    defaults: dict[str, Any] = {OWNER_NAME: ""}
    defaults.update({f"threshold.{f.name}": f.default for f in fields(Thresholds)})
    return defaults


class SettingsStore:
    """The settings half of `Journal` (a mixin)."""

    def setting(self: Journal, key: str, default: Any = _NO_DEFAULT) -> Any:
        """The stored value of `key`; else `default` when given; else the declared default."""
        import json

        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return json.loads(row[0])
        if default is not _NO_DEFAULT:
            return default
        return declared_defaults().get(key)

    def settings(self: Journal) -> dict[str, Any]:
        """The settings stored in this journal (declared defaults are not included)."""
        import json

        return {k: json.loads(v) for k, v in self.conn.execute("SELECT key, value FROM settings")}

    def set_setting(self: Journal, key: str, value: Any, initiator: object = None) -> None:
        import json

        self._require_writable()
        encoded = json.dumps(value, ensure_ascii=False)
        if self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone() == (
            encoded,
        ):
            return
        with self._transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, encoded))
        self._publish({(SETTINGS, 0)}, initiator)
