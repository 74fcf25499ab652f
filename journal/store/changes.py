"""What a write changed, as the store tells its listeners."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

SETTINGS = "setting"  # the kind named when a setting changes


class Changes(NamedTuple):
    """The (kind, id) of every record a write created, edited or removed.

    `initiator` is whatever the writer passed (usually the editor widget), so a view can skip the
    change it made itself. A NamedTuple rather than a dataclass: it is on the start-up path, and
    `dataclasses` with its generated methods costs about 2 ms there.
    """

    records: frozenset[tuple[str, int]] = frozenset()
    initiator: object = None

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for kind, _ in self.records)

    def touches(self, *kinds: str) -> bool:
        wanted = set(kinds)
        return any(kind in wanted for kind, _ in self.records)

    def ids(self, kind: str) -> set[int]:
        return {rid for k, rid in self.records if k == kind}

    @classmethod
    def of(cls, records: Iterable[tuple[str, int]], initiator: object = None) -> Changes:
        return cls(frozenset(records), initiator)
