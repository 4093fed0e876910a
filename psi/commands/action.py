"""`psi action`: the action items meetings decide on."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.commands._options import AsJson, On
from psi.domain.dates import parse_date

app = typer.Typer(
    help="Keep the action items of meetings: who does what, by when.",
    epilog="Example: psi action list --open",
    no_args_is_help=True,
)


@app.command(
    "add",
    epilog='Example: psi action add 12 "Boka lokal till stormötet" --owner "Örebro Föreningsråd" --due 2027-02-01',
)
def add(
    ctx: typer.Context,
    meeting_id: Annotated[int, typer.Argument(metavar="MEETING", help="The meeting's number.")],
    text: Annotated[str, typer.Argument(help="What is to be done.")],
    owner: Annotated[str, typer.Option(help="The organisation responsible.")],
    due: Annotated[str, typer.Option(help="Due date, YYYY-MM-DD.")],
) -> None:
    """Add an action item to a meeting."""
    from psi.services.meetings import add_action

    due_on = parse_date(due, what="due date")
    with session(ctx) as db:
        item = add_action(db, meeting_id, text, owner, due_on)
    console.success(f"Added action item {item.id} for {item.owner}, due {item.due}.")


@app.command("list", epilog="Example: psi action list --overdue")
def list_(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help="Only items not done.")] = False,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="Only open items past their due date.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """List action items by due date."""
    from psi.services.meetings import list_actions
    from psi.services.views import to_json

    today = date.today()
    with session(ctx, write=False) as db:
        items = list_actions(db, open_only=open_only, overdue=overdue, today=today)
    if as_json:
        console.print_json(to_json(items))
        return
    if not items:
        console.say(
            "No action items match. Add one with psi action add MEETING TEXT --owner ORG --due DATE."
        )
        return
    rows = [
        [
            str(i.id),
            i.due.isoformat(),
            i.owner,
            i.text,
            f"{i.meeting_day} {i.meeting}",
            f"done {i.done}" if i.done else ("overdue" if i.overdue(today) else "open"),
        ]
        for i in items
    ]
    console.print_table(["#", "Due", "Owner", "Action", "Meeting", "Status"], rows)


@app.command("done", epilog="Example: psi action done 7")
def done(
    ctx: typer.Context,
    action_id: Annotated[int, typer.Argument(metavar="ID", help="The action item's number.")],
    on: On = None,
) -> None:
    """Mark an action item as done."""
    from psi.services.meetings import finish_action

    day = day_or_today(on, what="date")
    with session(ctx) as db:
        item = finish_action(db, action_id, day)
    console.success(f"Action item {item.id} is done ({item.text}).")
