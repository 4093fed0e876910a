"""`psi activity`: the yearly activity list (aktivitetslista)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.commands._options import AsJson, On, Year, YearOrAll
from psi.domain.activity import parse_activity_status
from psi.domain.dates import check_year, parse_optional_date

if TYPE_CHECKING:
    from psi.services.activities import ActivityView

app = typer.Typer(
    help="Keep the yearly activity list: what the members wish for, who does it, what came of it.",
    epilog="Example: psi activity list 2026 --status planned",
    no_args_is_help=True,
)
IdArg = Annotated[
    int, typer.Argument(metavar="ID", help="The activity's number (see psi activity list).")
]


def _rows(views: list[ActivityView]) -> list[list[str]]:
    return [
        [
            str(a.id),
            str(a.year),
            a.title,
            a.goal or "",
            a.owner or "",
            a.planned_on.isoformat() if a.planned_on else "",
            a.status,
            ", ".join(a.requested_by),
        ]
        for a in views
    ]


@app.command(
    "add",
    epilog="Example: psi activity add 2027 Workshop --goal M2 --owner bron --when 2027-04-22 --requested-by lagret",
)
def add(
    ctx: typer.Context,
    year: Year,
    title: Annotated[str, typer.Argument(help="What the activity is.")],
    goal: Annotated[str | None, typer.Option(help="The plan goal it serves, such as M1.")] = None,
    owner: Annotated[str | None, typer.Option(help="The organisation responsible.")] = None,
    when: Annotated[str | None, typer.Option(help="Planned date, YYYY-MM-DD.")] = None,
    requested_by: Annotated[
        list[str] | None,
        typer.Option("--requested-by", help="A member that asked for it (repeat)."),
    ] = None,
) -> None:
    """Add an activity to a year's list."""
    from psi.services.activities import add_activity

    day = parse_optional_date(when, what="planned date")
    with session(ctx) as db:
        view = add_activity(
            db, year, title, goal=goal, owner=owner, when=day, requested_by=requested_by or []
        )
    console.success(f"Added activity {view.id} to {year}: {view.title}.")


@app.command("list", epilog="Example: psi activity list 2026 --goal M1 --json")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    status: Annotated[
        str | None, typer.Option(help="Only planned, ongoing, done, cancelled or carried.")
    ] = None,
    goal: Annotated[str | None, typer.Option(help="Only activities for this goal code.")] = None,
    as_json: AsJson = False,
) -> None:
    """List activities by year and date."""
    from psi.domain.activity import ActivityStatus, count_activities
    from psi.services.activities import list_activities
    from psi.services.views import to_json

    wanted = parse_activity_status(status) if status else None
    with session(ctx, write=False) as db:
        views = list_activities(db, year, status=wanted, goal=goal)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say("No activities match. Add one with psi activity add YEAR TITLE.")
        return
    console.print_table(
        ["#", "Year", "Title", "Goal", "Owner", "Planned", "Status", "Asked for by"], _rows(views)
    )
    counts = count_activities(ActivityStatus(v.status) for v in views)
    console.say(
        f"{counts.total} activities: {counts.done} done, {counts.ongoing} ongoing, {counts.planned} planned, "
        f"{counts.cancelled} cancelled, {counts.carried} carried; {counts.share_done:.0%} done."
    )


@app.command("start", epilog="Example: psi activity start 4")
def start(ctx: typer.Context, activity_id: IdArg) -> None:
    """Mark a planned activity as ongoing."""
    from psi.services.activities import start_activity

    with session(ctx) as db:
        view = start_activity(db, activity_id)
    console.success(f"Activity {view.id} is ongoing: {view.title}.")


@app.command(
    "done",
    epilog='Example: psi activity done 4 --on 2026-04-22 --outcome "32 deltagare från 14 organisationer"',
)
def done(
    ctx: typer.Context,
    activity_id: IdArg,
    on: On = None,
    outcome: Annotated[str | None, typer.Option(help="What came of it.")] = None,
) -> None:
    """Mark an activity as done, with its outcome."""
    from psi.services.activities import finish_activity

    day = day_or_today(on, what="date")
    with session(ctx) as db:
        view = finish_activity(db, activity_id, day, outcome)
    console.success(f"Activity {view.id} is done: {view.title}.")


@app.command("cancel", epilog='Example: psi activity cancel 4 --reason "Ingen lokal"')
def cancel(
    ctx: typer.Context,
    activity_id: IdArg,
    reason: Annotated[str, typer.Option(help="Why it is cancelled (kept).")],
) -> None:
    """Cancel an activity; the reason is kept."""
    from psi.services.activities import cancel_activity

    with session(ctx) as db:
        view = cancel_activity(db, activity_id, reason)
    console.success(f"Activity {view.id} is cancelled: {view.title}.")


@app.command("carry", epilog="Example: psi activity carry 2026")
def carry(
    ctx: typer.Context,
    year: Year,
) -> None:
    """Copy the year's unfinished activities to the next year's list; mark the originals carried."""
    from psi.services.activities import carry_activities

    check_year(year + 1)  # the list the activities move to
    with session(ctx) as db:
        copies = carry_activities(db, year)
    if not copies:
        console.say(f"Nothing to carry: {year} has no planned or ongoing activities.")
        return
    console.success(f"Carried {len(copies)} activities from {year} to {year + 1}.")
    for view in copies:
        goal = "" if view.goal else " (its goal's plan does not cover the new year: no goal)"
        console.say(f"  {view.id}: {view.title}{goal}")
