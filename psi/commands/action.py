"""`psi action`: the action items meetings decide on."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, delete_when_confirmed, session
from psi.commands._options import AsJson, On, Yes
from psi.completion import complete_meeting, complete_organisation
from psi.domain.dates import parse_date
from psi.words import NC_, _, pgettext

if TYPE_CHECKING:
    from psi.services.meetings import ActionView

app = typer.Typer(
    help="Keep the action items of meetings: who does what, by when.",
    epilog="Example: psi action list --open",
    no_args_is_help=True,
    add_completion=False,
)


@app.command(
    "add",
    epilog='Example: psi action add 12 "Boka lokal till stormötet" --owner "Örebro Föreningsråd" --due 2027-02-01',
)
def add(
    ctx: typer.Context,
    meeting_id: Annotated[
        int,
        typer.Argument(
            metavar="MEETING", help="The meeting's number.", autocompletion=complete_meeting
        ),
    ],
    text: Annotated[str, typer.Argument(help="What is to be done.")],
    owner: Annotated[
        str,
        typer.Option(help="The organisation responsible.", autocompletion=complete_organisation),
    ],
    due: Annotated[str, typer.Option(help="Due date, YYYY-MM-DD.")],
) -> None:
    """Add an action item to a meeting."""
    from psi.services.meetings import add_action

    due_on = parse_date(due, what=NC_("what", "due date"))
    with session(ctx) as db:
        item = add_action(db, meeting_id, text, owner, due_on)
    console.success(
        _("Added action item {number} for {owner}, due {due}.").format(
            number=item.id, owner=item.owner, due=item.due
        )
    )


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
            _(
                "No action items match. Add one with psi action add MEETING TEXT --owner ORG "
                "--due DATE."
            )
        )
        return
    rows = [
        [
            str(i.id),
            i.due.isoformat(),
            i.owner,
            i.text,
            f"{i.meeting_day} {i.meeting}",
            _state(i, today),
        ]
        for i in items
    ]
    headers = [
        "#",
        pgettext("table heading", "Due"),
        pgettext("table heading", "Owner"),
        pgettext("table heading", "Action"),
        pgettext("table heading", "Meeting"),
        pgettext("table heading", "Status"),
    ]
    console.print_table(headers, rows)


def _state(item: ActionView, today: date) -> str:
    """`done 2027-02-01`, `overdue` or `open`, in the interface language."""
    if item.done:
        return pgettext("action item status", "done {date}").format(date=item.done)
    if item.overdue(today):
        return pgettext("action item status", "overdue")
    return pgettext("action item status", "open")


@app.command("done", epilog="Example: psi action done 7")
def done(
    ctx: typer.Context,
    action_id: Annotated[int, typer.Argument(metavar="ID", help="The action item's number.")],
    on: On = None,
) -> None:
    """Mark an action item as done."""
    from psi.services.meetings import finish_action

    day = day_or_today(on, what=NC_("what", "date"))
    with session(ctx) as db:
        item = finish_action(db, action_id, day)
    console.success(
        _("Action item {number} is done ({text}).").format(number=item.id, text=item.text)
    )


ActionIdArg = Annotated[int, typer.Argument(metavar="ID", help="The action item's number.")]


def _print_item(item: ActionView) -> None:
    from psi.services.views import to_json

    console.print_json(to_json(item))


@app.command(
    "edit",
    epilog='Example: psi action edit 7 --owner "Stiftelsen Activa" --due 2027-03-01',
)
def edit(
    ctx: typer.Context,
    action_id: ActionIdArg,
    text: Annotated[str | None, typer.Option(help="What is to be done, worded anew.")] = None,
    owner: Annotated[
        str | None,
        typer.Option(help="The organisation responsible.", autocompletion=complete_organisation),
    ] = None,
    due: Annotated[str | None, typer.Option(help="Due date, YYYY-MM-DD.")] = None,
    as_json: AsJson = False,
) -> None:
    """Correct an action item: its text, owner or due date."""
    from psi.services.meetings import edit_action

    due_on = None if due is None else parse_date(due, what=NC_("what", "due date"))
    with session(ctx) as db:
        item, changed = edit_action(db, action_id, text=text, owner=owner, due=due_on)
    if as_json:
        _print_item(item)
    elif changed:
        console.success(
            _changed_message(changed).format(
                number=item.id, text=item.text, owner=item.owner, due=item.due
            )
        )
    else:
        console.say(
            _("Action item {number} already reads so; nothing changed.").format(number=item.id)
        )


def _changed_message(changed: list[str]) -> str:
    """What `psi action edit` changed, one whole sentence for each set of fields."""
    fields = frozenset(changed)
    if fields == {"text"}:
        return _("Changed the text of action item {number}: {text} ({owner}, due {due}).")
    if fields == {"owner"}:
        return _("Changed the owner of action item {number}: {text} ({owner}, due {due}).")
    if fields == {"due date"}:
        return _("Changed the due date of action item {number}: {text} ({owner}, due {due}).")
    if fields == {"text", "owner"}:
        return _("Changed the text and owner of action item {number}: {text} ({owner}, due {due}).")
    if fields == {"text", "due date"}:
        return _(
            "Changed the text and due date of action item {number}: {text} ({owner}, due {due})."
        )
    if fields == {"owner", "due date"}:
        return _(
            "Changed the owner and due date of action item {number}: {text} ({owner}, due {due})."
        )
    return _(
        "Changed the text and owner and due date of action item {number}: {text} ({owner}, "
        "due {due})."
    )


@app.command("remove", epilog="Example: psi action remove 7 --yes")
def remove(ctx: typer.Context, action_id: ActionIdArg, yes: Yes = False) -> None:
    """Delete an action item entered by mistake (one that was done: psi action reopen)."""
    from psi.services.meetings import get_action, remove_action

    with session(ctx, write=False) as db:
        item = get_action(db, action_id)
    removed = delete_when_confirmed(
        ctx,
        _("Delete action item {number}: {text} ({owner}, due {due})?").format(
            number=item.id, text=item.text, owner=item.owner, due=item.due
        ),
        lambda db: remove_action(db, action_id),
        yes=yes,
    )
    console.success(
        _("Deleted action item {number}: {text}.").format(number=removed.id, text=removed.text)
    )


@app.command("reopen", epilog="Example: psi action reopen 7")
def reopen(ctx: typer.Context, action_id: ActionIdArg, as_json: AsJson = False) -> None:
    """Open a done action item again (marked done by mistake, or not done after all)."""
    from psi.services.meetings import reopen_action

    with session(ctx) as db:
        item = reopen_action(db, action_id)
    if as_json:
        _print_item(item)
        return
    console.success(
        _("Action item {number} is open again, due {due}: {text}.").format(
            number=item.id, due=item.due, text=item.text
        )
    )
