"""`psi audit`: who changed what, and when."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson
from psi.domain.dates import parse_optional_date

EPILOG = "Example: psi audit --since 2026-11-01"


def audit(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option(help="Only changes from this date, YYYY-MM-DD.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """List the audit log: every writing command, when, by which user, and what it changed."""
    from psi.audit import list_entries
    from psi.services.views import to_json

    day = parse_optional_date(since, what="date")
    with session(ctx, write=False) as db:
        entries = list_entries(db, day)
    if as_json:
        console.print_json(to_json(entries))
        return
    if not entries:
        console.say("The audit log is empty for that period.")
        return
    rows = []
    for e in entries:
        changes = e.changes
        summary = "; ".join(_summary(change) for change in changes[:3])
        if len(changes) > 3:
            summary += f"; and {len(changes) - 3} more"
        rows.append([e.at.strftime("%Y-%m-%d %H:%M"), e.user, e.command, summary])
    console.print_table(["When", "User", "Command", "Changes"], rows)


def _summary(change: dict[str, object]) -> str:
    head = f"{change['action']} {change['table']} {change.get('id')}"
    fields = change.get("changes")
    if isinstance(fields, dict):
        parts = [f"{name}: {value['old']!r} → {value['new']!r}" for name, value in fields.items()]
        return f"{head} ({', '.join(parts)})"
    return head
