"""What every command module shares: the database of this run and its one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import typer

from psi.domain.dates import parse_date
from psi.location import DbLocation, locate_db

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class AppState:
    """Global options of one psi run."""

    db: str | None = None
    debug: bool = False


def state(ctx: typer.Context) -> AppState:
    """The global options, set by the root callback."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def location(ctx: typer.Context) -> DbLocation:
    """The database this run works on: --db, else PSI_DB, else the default file."""
    return locate_db(state(ctx).db)


@contextmanager
def session(ctx: typer.Context, *, write: bool = True, create: bool = False) -> Iterator[Session]:
    """The command's one transaction: committed if the block ends well, else rolled back."""
    from psi import storage

    with storage.transaction(location(ctx), write=write, create=create) as db_session:
        yield db_session


def day_or_today(text: str | None, *, what: str = "date") -> date:
    """A typed date, or today when none was given."""
    return date.today() if text is None else parse_date(text, what=what)
