"""The use cases behind the commands; each runs inside the caller's one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from psi.errors import NotFound

if TYPE_CHECKING:
    from sqlmodel import Session


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


_Stored = TypeVar("_Stored")


def get_or_missing(session: Session, model: type[_Stored], key: int, missing: str) -> _Stored:
    """The row of `model` numbered `key`, or NotFound saying `missing` (where to look)."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(missing)
    return row
