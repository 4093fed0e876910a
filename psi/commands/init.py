"""`psi init`: create the database, optionally with the example register."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import location, session

EPILOG = "Example: psi --db ~/psi-prova.sqlite3 init --example"


def init(
    ctx: typer.Context,
    example: Annotated[
        bool,
        typer.Option(
            "--example", help="Also load the partnership's documented history and example members."
        ),
    ] = False,
) -> None:
    """Create the database at the newest schema; an existing one is left as it is."""
    from psi import storage

    where = location(ctx)
    if storage.database_exists(where) and storage.has_schema(where):
        console.say(
            f"A psi database already exists at {where.display}; nothing was changed. "
            "To try the example, give a new file: psi --db psi-example.sqlite3 init --example"
        )
        return
    with session(ctx, create=True) as db:
        loaded = None
        if example:
            from psi.services.example import load_example

            loaded = load_example(db)
    console.success(f"Created the database at {where.display}.")
    if loaded is not None:
        console.say(
            f"Loaded the example: {loaded.organisations} organisations, {loaded.contacts} "
            f"contact persons, {loaded.coordinator_terms} coordinator terms (2015-2026), "
            f"{loaded.inquiries} inquiries, the grants of 2025 and 2026, {loaded.expenses} "
            f"expenses, {loaded.activities} activities, {loaded.log_entries} log entries and "
            f"{loaded.meetings} meetings. "
            "Everything marked (exempel) is invented."
        )
    console.say("Next: psi org list")
