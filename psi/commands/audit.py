"""`psi audit`: who changed what, and when."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson
from psi.domain.dates import parse_optional_date
from psi.words import NC_, _, pgettext

EPILOG = "Example: psi audit --since 2026-11-01 --full"

LINE_WIDTH = 80
"""The table's rows fit in this many columns where they can."""
COMMAND_MAX = 24
"""The longest command the table shows in full; `--full` shows it all."""
CHANGES_MIN = 50
"""The table keeps at least this much room for the changes."""
VALUE_MAX = 20
"""The longest text (a name, a note) the table quotes in full in a change."""


def audit(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="Only changes from this date, YYYY-MM-DD.")
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="Every change of each entry on its own line, instead of one line."
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """List the audit log: every writing command, when, by which user, and what it changed.

    Changes read as "short name: – → NIF" ("–" is no value); amounts in kronor. The table
    shows what fits on a line; --full shows everything, --json the stored data."""
    from psi.audit import change_words, entry_words, list_entries, organisation_names
    from psi.services.views import to_json

    day = parse_optional_date(since, what=NC_("what", "date"))
    with session(ctx, write=False) as db:
        entries = list_entries(db, day)
        names = organisation_names(db) if entries and not as_json else {}
    if as_json:
        console.print_json(to_json(entries))
        return
    if not entries:
        console.say(_("The audit log is empty for that period."))
        return
    if full:
        for e in entries:
            console.say(f"{e.at.strftime('%Y-%m-%d %H:%M')}  {e.user}  {e.command}")
            for change in e.changes:
                console.say(f"    {change_words(change, names)}")
        return
    user_width = max(len(e.user) for e in entries)
    commands = [_cut(e.command.removeprefix("psi "), COMMAND_MAX) for e in entries]
    command_width = max(len(command) for command in commands)
    room = max(LINE_WIDTH - len("2026-11-01 14:03") - user_width - command_width - 6, CHANGES_MIN)
    rows = [
        [
            e.at.strftime("%Y-%m-%d %H:%M"),
            e.user,
            command,
            entry_words(e.changes, names, room, VALUE_MAX),
        ]
        for e, command in zip(entries, commands, strict=True)
    ]
    headers = [
        pgettext("table heading", "When"),
        pgettext("table heading", "User"),
        pgettext("table heading", "Command"),
        pgettext("table heading", "Changes"),
    ]
    console.print_table(headers, rows)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
