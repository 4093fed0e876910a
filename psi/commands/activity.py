"""`psi activity`: the yearly activity list (aktivitetslista)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import confirm, day_or_today, session
from psi.commands._options import AsJson, DryRun, On, Year, YearOrAll, Yes
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
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        help="The plan whose goal --goal means, when several plans covering the year have it.",
    ),
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
    plan: PlanOption = None,
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
            db,
            year,
            title,
            goal=goal,
            plan=plan,
            owner=owner,
            when=day,
            requested_by=requested_by or [],
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


@app.command("carry", epilog="Example: psi activity carry 2026 --dry-run")
def carry(
    ctx: typer.Context,
    year: Year,
    early: Annotated[
        bool, typer.Option("--early", help="Carry before the year's last month (December).")
    ] = False,
    undo: Annotated[
        bool,
        typer.Option(
            "--undo",
            help="Undo the year's carry: remove the copies, put the originals back as they were.",
        ),
    ] = False,
    dry_run: DryRun = False,
) -> None:
    """Copy the year's unfinished activities to the next year's list; mark the originals carried.

    From December on; before that only with --early. --dry-run shows what would move (or,
    with --undo, be undone). --undo takes a carry back as long as nothing has happened to
    its copies since.
    """
    check_year(year + 1)  # the list the activities move to
    if undo:
        _undo_carry(ctx, year, dry_run=dry_run)
        return
    if dry_run:
        _carry_preview(ctx, year)
        return
    from psi.services.activities import carry_activities

    with session(ctx) as db:
        copies = carry_activities(db, year, early=early)
    if not copies:
        console.say(f"Nothing to carry: {year} has no planned or ongoing activities.")
        return
    console.success(f"Carried {len(copies)} activities from {year} to {year + 1}.")
    for view in copies:
        goal = "" if view.goal else " (its goal's plan does not cover the new year: no goal)"
        console.say(f"  {view.id}: {view.title}{goal}")


def _copies(count: int) -> str:
    return f"{count} {'copy' if count == 1 else 'copies'}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _carry_preview(ctx: typer.Context, year: int) -> None:
    from psi.services.activities import carry_preview

    with session(ctx, write=False) as db:
        moves = carry_preview(db, year)
    if not moves:
        console.say(f"Nothing to carry: {year} has no planned or ongoing activities.")
        return
    console.say(f"Would carry {len(moves)} activities from {year} to {year + 1} (nothing changed):")
    for move in moves:
        goal = "" if move.keeps_goal or not move.activity.goal else " (its goal stays behind)"
        console.say(f"  {move.activity.id}: {move.activity.title}{goal}")


def _undo_carry(ctx: typer.Context, year: int, *, dry_run: bool) -> None:
    from psi.services.activities import undo_carry, undo_preview

    if dry_run:
        with session(ctx, write=False) as db:
            copies = undo_preview(db, year)
        if copies:
            console.say(
                f"Would remove {_copies(len(copies))} from {year + 1} and put the originals "
                f"in {year} back (nothing changed):"
            )
            for view in copies:
                console.say(f"  {view.id}: {view.title}")
            return
    else:
        with session(ctx) as db:
            originals = undo_carry(db, year)
        if originals:
            console.success(
                f"Undid the carry of {year}: {_copies(len(originals))} removed from {year + 1}, "
                "the originals are back."
            )
            for view in originals:
                console.say(f"  {view.id}: {view.title} ({view.status})")
            return
    console.say(f"Nothing to undo: no activity of {year} was carried to {year + 1}.")


@app.command("show", epilog="Example: psi activity show 4 --json")
def show(ctx: typer.Context, activity_id: IdArg, as_json: AsJson = False) -> None:
    """Show one activity, with its goal's text and plan."""
    from psi.services.activities import get_activity

    with session(ctx, write=False) as db:
        view = get_activity(db, activity_id)
    _print_one(view, as_json=as_json)


def _print_one(view: ActivityView, *, as_json: bool) -> None:
    from psi.services.views import to_json

    if as_json:
        console.print_json(to_json(view))
        return
    goal = f"{view.goal}: {view.goal_text} ({view.plan})" if view.goal else ""
    if view.status == "done":
        state = f"done {view.done_on}" + (f": {view.outcome}" if view.outcome else "")
    elif view.status == "cancelled":
        state = f"cancelled: {view.cancel_reason}"
    else:
        state = str(view.status)
    pairs = [
        ("Activity", f"{view.id} ({view.year})"),
        ("Title", view.title),
        ("Goal", goal or "-"),
        ("Owner", view.owner or "-"),
        ("Planned", view.planned_on.isoformat() if view.planned_on else "-"),
        ("Status", state),
        ("Asked for by", ", ".join(view.requested_by) or "-"),
    ]
    if view.carried_from is not None:
        pairs.append(("Carried from", f"activity {view.carried_from}"))
    console.print_fields(pairs)


@app.command(
    "edit",
    epilog='Example: psi activity edit 4 --title "Temadag om civilsamhället" --when 2027-05-20 --owner ""',
)
def edit(
    ctx: typer.Context,
    activity_id: IdArg,
    title: Annotated[str | None, typer.Option(help="The new title.")] = None,
    goal: Annotated[
        str | None, typer.Option(help='The plan goal it serves, such as M1; "" for none.')
    ] = None,
    plan: PlanOption = None,
    owner: Annotated[
        str | None, typer.Option(help='The organisation responsible; "" for none.')
    ] = None,
    when: Annotated[str | None, typer.Option(help='Planned date, YYYY-MM-DD; "" for none.')] = None,
    requested_by: Annotated[
        list[str] | None,
        typer.Option(
            "--requested-by",
            help='The members that asked for it (repeat); replaces the list; "" for none.',
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct an activity: title, goal, owner, planned date or who asked for it."""
    from psi.services.activities import edit_activity

    with session(ctx) as db:
        result = edit_activity(
            db,
            activity_id,
            title=title,
            goal=goal,
            plan=plan,
            owner=owner,
            when=when,
            requested_by=requested_by,
        )
    if as_json:
        _print_one(result.activity, as_json=True)
        return
    view = result.activity
    if result.changed:
        console.success(f"Changed the {_and(result.changed)} of activity {view.id}: {view.title}.")
    else:
        console.say(f"Activity {view.id} already reads so; nothing changed.")


@app.command("remove", epilog="Example: psi activity remove 4 --yes")
def remove(
    ctx: typer.Context,
    activity_id: IdArg,
    yes: Yes = False,
    force: Annotated[
        bool, typer.Option("--force", help="Remove it even though it is done.")
    ] = False,
) -> None:
    """Delete an activity entered by mistake, with who asked for it.

    A carried copy takes its original back to how it was before the carry.
    """
    from psi.services.activities import check_removal, remove_activity

    with session(ctx, write=False) as db:
        view = check_removal(db, activity_id, force=force)
    confirm(
        f"Delete activity {view.id} ({view.year}): {view.title}?",
        yes=yes,
        declined="Nothing was deleted.",
    )
    with session(ctx) as db:
        remove_activity(db, activity_id, force=force)
    back = f"; activity {view.carried_from} is back in {view.year - 1}" if view.carried_from else ""
    console.success(f"Deleted activity {view.id}: {view.title}{back}.")


@app.command("reopen", epilog="Example: psi activity reopen 4")
def reopen(ctx: typer.Context, activity_id: IdArg, as_json: AsJson = False) -> None:
    """Put a done or cancelled activity back on the list as planned (its outcome or reason goes)."""
    from psi.services.activities import reopen_activity

    with session(ctx) as db:
        view = reopen_activity(db, activity_id)
    if as_json:
        _print_one(view, as_json=True)
        return
    console.success(f"Activity {view.id} is planned again: {view.title}.")
