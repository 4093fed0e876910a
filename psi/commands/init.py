"""`psi init`: create the database, optionally with the example register."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import location, session
from psi.words import _

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
            _(
                "A psi database already exists at {place}; nothing was changed. "
                "To try the example, give a new file: psi --db psi-example.sqlite3 init --example"
            ).format(place=where.display)
        )
        return
    with session(ctx, create=True) as db:
        loaded = None
        if example:
            from psi.services.example import load_example

            loaded = load_example(db)
    console.success(_("Created the database at {place}.").format(place=where.display))
    if loaded is not None:
        # The example's counts are many of each, always: one sentence, not a list of plurals.
        console.say(
            _(
                "Loaded the example: {organisations} organisations, {contacts} "
                "contact persons, {terms} coordinator terms (2015-2026), "
                "{inquiries} inquiries, the grants of 2025 and 2026, {expenses} "
                "expenses, {activities} activities, {log_entries} log entries and "
                "{meetings} meetings. "
                "Everything marked (exempel) is invented."
            ).format(
                organisations=loaded.organisations,
                contacts=loaded.contacts,
                terms=loaded.coordinator_terms,
                inquiries=loaded.inquiries,
                expenses=loaded.expenses,
                activities=loaded.activities,
                log_entries=loaded.log_entries,
                meetings=loaded.meetings,
            )
        )
    console.say(_("Next: psi org list"))
