"""Rows to dataclasses and back, one codec per record type, built once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store imports the record dataclasses only when it first needs one
    from journal.domain.records import Record


@lru_cache(maxsize=8192)
def iso_day(text: str | None) -> dt.date | None:
    """A stored ISO date as a date (None for none). Cached: the thousands of rows a list reads
    fall on a few hundred days, and parsing is most of a row's cost."""
    return dt.date.fromisoformat(text) if text else None


class Codec:
    def __init__(self, cls: type[Record]):
        self.cls = cls
        self.table = cls.table
        hints = typing.get_type_hints(cls)
        self.columns = [f.name for f in dataclasses.fields(cls)]
        self.own = [c for c in self.columns if c not in ("id", "uid", "created_at", "updated_at")]
        self.dates = {c for c in self.columns if hints[c] in (dt.date, dt.date | None)}
        self.flags = {c for c in self.columns if hints[c] is bool}
        self.select = f"SELECT {', '.join(self.columns)} FROM {self.table}"
        self._date_idx = [i for i, c in enumerate(self.columns) if c in self.dates]
        self._flag_idx = [i for i, c in enumerate(self.columns) if c in self.flags]

    def decode(self, row: tuple) -> Record:
        if self._date_idx or self._flag_idx:
            values = list(row)
            for i in self._date_idx:
                if values[i] is not None:
                    values[i] = dt.date.fromisoformat(values[i])
            for i in self._flag_idx:
                values[i] = bool(values[i])
            return self.cls(*values)
        return self.cls(*row)

    def encode_value(self, column: str, value: Any) -> Any:
        if column in self.dates:
            if value is None or value == "":
                return None
            if isinstance(value, dt.datetime):
                value = value.date()
            if isinstance(value, dt.date):
                return value.isoformat()
            return dt.date.fromisoformat(str(value)).isoformat()
        if column in self.flags:
            return 1 if value else 0
        return value
