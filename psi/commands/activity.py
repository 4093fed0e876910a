"""`psi activity`: the yearly activity list (aktivitetslista)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, delete_when_confirmed, session
from psi.commands._options import AsJson, DryRun, On, Year, YearOrAll, Yes
from psi.completion import complete_activity_status, complete_organisation
from psi.domain.activity import parse_activity_status
from psi.domain.dates import check_year, parse_optional_date
from psi.words import ACTIVITY_STATUS, N_, NC_, _, interface_term, ngettext, pgettext

if TYPE_CHECKING:
    from psi.services.activities import ActivityView

app = typer.Typer(
    help="Keep the yearly activity list: what the members wish for, who does it, what came of it.",
    epilog="Example: psi activity list 2026 --status planned",
    no_args_is_help=True,
    add_completion=False,
)
IdArg = Annotated[
    int, typer.Argument(metavar="ID", help="The activity's number (see psi activity list).")
]
NOTHING_TO_CARRY = N_("Nothing to carry: {year} has no planned or ongoing activities.")
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
            interface_term(ACTIVITY_STATUS, a.status),
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
    owner: Annotated[
        str | None,
        typer.Option(help="The organisation responsible.", autocompletion=complete_organisation),
    ] = None,
    when: Annotated[str | None, typer.Option(help="Planned date, YYYY-MM-DD.")] = None,
    requested_by: Annotated[
        list[str] | None,
        typer.Option(
            "--requested-by",
            help="A member that asked for it (repeat).",
            autocompletion=complete_organisation,
        ),
    ] = None,
) -> None:
    """Add an activity to a year's list."""
    from psi.services.activities import add_activity

    day = parse_optional_date(when, what=NC_("what", "planned date"))
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
    console.success(
        _("Added activity {number} to {year}: {title}.").format(
            number=view.id, year=year, title=view.title
        )
    )


@app.command("list", epilog="Example: psi activity list 2026 --goal M1 --json")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only planned, ongoing, done, cancelled or carried.",
            autocompletion=complete_activity_status,
        ),
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
        console.say(_("No activities match. Add one with psi activity add YEAR TITLE."))
        return
    headings = [
        "#",
        pgettext("table heading", "Year"),
        pgettext("table heading", "Title"),
        pgettext("table heading", "Goal"),
        pgettext("table heading", "Owner"),
        pgettext("table heading", "Planned"),
        pgettext("table heading", "Status"),
        pgettext("table heading", "Asked for by"),
    ]
    console.print_table(headings, _rows(views))
    counts = count_activities(ActivityStatus(v.status) for v in views)
    console.say(
        ngettext(
            "{total} activity: {done} done, {ongoing} ongoing, {planned} planned, "
            "{cancelled} cancelled, {carried} carried; {share} done.",
            "{total} activities: {done} done, {ongoing} ongoing, {planned} planned, "
            "{cancelled} cancelled, {carried} carried; {share} done.",
            counts.total,
        ).format(
            total=counts.total,
            done=counts.done,
            ongoing=counts.ongoing,
            planned=counts.planned,
            cancelled=counts.cancelled,
            carried=counts.carried,
            share=f"{counts.share_done:.0%}",
        )
    )


@app.command("start", epilog="Example: psi activity start 4")
def start(ctx: typer.Context, activity_id: IdArg) -> None:
    """Mark a planned activity as ongoing."""
    from psi.services.activities import start_activity

    with session(ctx) as db:
        view = start_activity(db, activity_id)
    console.success(
        _("Activity {number} is ongoing: {title}.").format(number=view.id, title=view.title)
    )


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

    day = day_or_today(on, what=NC_("what", "date"))
    with session(ctx) as db:
        view = finish_activity(db, activity_id, day, outcome)
    console.success(
        _("Activity {number} is done: {title}.").format(number=view.id, title=view.title)
    )


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
    console.success(
        _("Activity {number} is cancelled: {title}.").format(number=view.id, title=view.title)
    )


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
        console.say(_(NOTHING_TO_CARRY).format(year=year))
        return
    console.success(
        ngettext(
            "Carried {n} activity from {year} to {next_year}.",
            "Carried {n} activities from {year} to {next_year}.",
            len(copies),
        ).format(n=len(copies), year=year, next_year=year + 1)
    )
    for view in copies:
        line = f"{view.id}: {view.title}"
        if not view.goal:
            line = _(
                "{number}: {title} (its goal's plan does not cover the new year: no goal)"
            ).format(number=view.id, title=view.title)
        console.say(f"  {line}")


def _carry_preview(ctx: typer.Context, year: int) -> None:
    from psi.services.activities import carry_preview

    with session(ctx, write=False) as db:
        moves = carry_preview(db, year)
    if not moves:
        console.say(_(NOTHING_TO_CARRY).format(year=year))
        return
    console.say(
        ngettext(
            "Would carry {n} activity from {year} to {next_year} (nothing changed):",
            "Would carry {n} activities from {year} to {next_year} (nothing changed):",
            len(moves),
        ).format(n=len(moves), year=year, next_year=year + 1)
    )
    for move in moves:
        number, title = move.activity.id, move.activity.title
        line = f"{number}: {title}"
        if move.activity.goal and not move.keeps_goal:
            line = _("{number}: {title} (its goal stays behind)").format(number=number, title=title)
        console.say(f"  {line}")


def _undo_carry(ctx: typer.Context, year: int, *, dry_run: bool) -> None:
    from psi.services.activities import undo_carry, undo_preview

    if dry_run:
        with session(ctx, write=False) as db:
            copies = undo_preview(db, year)
        if copies:
            console.say(
                ngettext(
                    "Would remove {n} copy from {next_year} and put the original "
                    "in {year} back (nothing changed):",
                    "Would remove {n} copies from {next_year} and put the originals "
                    "in {year} back (nothing changed):",
                    len(copies),
                ).format(n=len(copies), year=year, next_year=year + 1)
            )
            for view in copies:
                console.say(f"  {view.id}: {view.title}")
            return
    else:
        with session(ctx) as db:
            originals = undo_carry(db, year)
        if originals:
            console.success(
                ngettext(
                    "Undid the carry of {year}: {n} copy removed from {next_year}, "
                    "the original is back.",
                    "Undid the carry of {year}: {n} copies removed from {next_year}, "
                    "the originals are back.",
                    len(originals),
                ).format(n=len(originals), year=year, next_year=year + 1)
            )
            for view in originals:
                status = interface_term(ACTIVITY_STATUS, view.status)
                console.say(f"  {view.id}: {view.title} ({status})")
            return
    console.say(
        _("Nothing to undo: no activity of {year} was carried to {next_year}.").format(
            year=year, next_year=year + 1
        )
    )


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
    if view.status == "done" and view.outcome:
        state = _("done {day}: {outcome}").format(day=view.done_on, outcome=view.outcome)
    elif view.status == "done":
        state = _("done {day}").format(day=view.done_on)
    elif view.status == "cancelled":
        state = _("cancelled: {reason}").format(reason=view.cancel_reason)
    else:
        state = interface_term(ACTIVITY_STATUS, view.status)
    pairs = [
        (pgettext("table heading", "Activity"), f"{view.id} ({view.year})"),
        (pgettext("table heading", "Title"), view.title),
        (pgettext("table heading", "Goal"), goal or "-"),
        (pgettext("table heading", "Owner"), view.owner or "-"),
        (
            pgettext("table heading", "Planned"),
            view.planned_on.isoformat() if view.planned_on else "-",
        ),
        (pgettext("table heading", "Status"), state),
        (pgettext("table heading", "Asked for by"), ", ".join(view.requested_by) or "-"),
    ]
    if view.carried_from is not None:
        pairs.append(
            (
                pgettext("table heading", "Carried from"),
                _("activity {number}").format(number=view.carried_from),
            )
        )
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
        str | None,
        typer.Option(
            help='The organisation responsible; "" for none.', autocompletion=complete_organisation
        ),
    ] = None,
    when: Annotated[str | None, typer.Option(help='Planned date, YYYY-MM-DD; "" for none.')] = None,
    requested_by: Annotated[
        list[str] | None,
        typer.Option(
            "--requested-by",
            help='The members that asked for it (repeat); replaces the list; "" for none.',
            autocompletion=complete_organisation,
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct an activity: title, goal, owner, planned date or who asked for it."""
    from psi.services.activities import edit_activity, fact_words

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
    changed = fact_words(result.changed)
    if len(changed) == 1:
        console.success(
            _("Changed the {field} of activity {number}: {title}.").format(
                field=changed[0], number=view.id, title=view.title
            )
        )
    elif changed:
        console.success(
            _("Changed the {fields} and {last} of activity {number}: {title}.").format(
                fields=", ".join(changed[:-1]), last=changed[-1], number=view.id, title=view.title
            )
        )
    else:
        console.say(
            _("Activity {number} already reads so; nothing changed.").format(number=view.id)
        )


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
    delete_when_confirmed(
        ctx,
        _("Delete activity {number} ({year}): {title}?").format(
            number=view.id, year=view.year, title=view.title
        ),
        lambda db: remove_activity(db, activity_id, force=force),
        yes=yes,
    )
    if view.carried_from:
        done = _("Deleted activity {number}: {title}; activity {original} is back in {year}.")
    else:
        done = _("Deleted activity {number}: {title}.")
    console.success(
        done.format(
            number=view.id, title=view.title, original=view.carried_from, year=view.year - 1
        )
    )


@app.command("reopen", epilog="Example: psi activity reopen 4")
def reopen(ctx: typer.Context, activity_id: IdArg, as_json: AsJson = False) -> None:
    """Put a done or cancelled activity back on the list as planned (its outcome or reason goes)."""
    from psi.services.activities import reopen_activity

    with session(ctx) as db:
        view = reopen_activity(db, activity_id)
    if as_json:
        _print_one(view, as_json=True)
        return
    console.success(
        _("Activity {number} is planned again: {title}.").format(number=view.id, title=view.title)
    )
