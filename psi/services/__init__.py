"""The use cases behind the commands; each runs inside the caller's one transaction."""

from __future__ import annotations

from typing import Protocol


class _Row(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Row) -> int:
    """The id of a row the database has given one; a row not yet flushed is a bug in psi."""
    if row.id is None:
        raise RuntimeError(
            f"{type(row).__name__} has no id yet: flush the session before using its id."
        )
    return row.id
