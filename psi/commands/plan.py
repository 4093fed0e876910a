"""`psi plan`: the partnership's multi-year operations plan and its goals."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import delete_when_confirmed, session
from psi.commands._options import AsJson, Yes, checked_year
from psi.words import _, ngettext, pgettext

app = typer.Typer(
    help="Keep the multi-year operations plan (verksamhetsplan) and its goals.",
    epilog="Example: psi plan show --json",
    no_args_is_help=True,
    add_completion=False,
)
PlanArg = Annotated[str, typer.Argument(help="The plan's title (or its beginning).")]


@app.command(
    "add", epilog='Example: psi plan add "Verksamhetsplan 2024-2027" --from 2024 --to 2027'
)
def add(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The plan's title.")],
    first: Annotated[
        int, typer.Option("--from", help="First year the plan covers.", callback=checked_year)
    ],
    last: Annotated[
        int, typer.Option("--to", help="Last year the plan covers.", callback=checked_year)
    ],
) -> None:
    """Add an operations plan covering a span of years."""
    from psi.services.activities import add_plan

    with session(ctx) as db:
        plan = add_plan(db, title, first, last)
    console.success(
        _("Added the plan {plan} ({first}-{last}).").format(
            plan=plan.title, first=plan.first_year, last=plan.last_year
        )
    )


@app.command(
    "goal",
    epilog='Example: psi plan goal "Verksamhetsplan 2024-2027" M1 "Fler medlemmar i länets alla kommuner"',
)
def goal(
    ctx: typer.Context,
    plan: PlanArg,
    code: Annotated[str, typer.Argument(help="The goal's code, such as M1.")],
    text: Annotated[
        str | None, typer.Argument(help="What the goal says (to add a new goal).")
    ] = None,
    new_code: Annotated[
        str | None, typer.Option("--code", help="Give an existing goal this code instead.")
    ] = None,
    new_text: Annotated[
        str | None, typer.Option("--text", help="Give an existing goal this text instead.")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Add a goal to a plan, or correct one: --code renames its code, --text rewrites it.

    The codes are the plan's own: every plan numbers its goals M1, M2, ...
    """
    from psi.errors import InvalidInput
    from psi.services.activities import GoalRecord, add_goal, edit_goal
    from psi.services.views import to_json

    if text is not None and (new_code is not None or new_text is not None):
        raise InvalidInput(
            _(
                "Give either the new goal's text or --code/--text to change goal {code}; "
                'e.g. psi plan goal "{plan}" {code} --text "{text}".'
            ).format(code=code, plan=plan, text=text)
        )
    with session(ctx) as db:
        if new_code is None and new_text is None:
            if text is None:
                raise InvalidInput(
                    _(
                        'Say what goal {code} is, e.g. psi plan goal "{plan}" {code} "TEXT", '
                        "or change an existing one with --code NEW or --text TEXT."
                    ).format(code=code, plan=plan)
                )
            plan_row, goal_row = add_goal(db, plan, code, text)
            record = GoalRecord(plan_row.title, goal_row.code, goal_row.text)
            done = _("Added goal {code} to {plan}.")
        else:
            record = edit_goal(db, plan, code, new_code=new_code, text=new_text)
            done = _("Changed goal {code} of {plan}: {text}")
    if as_json:
        console.print_json(to_json(record))
        return
    console.success(done.format(code=record.code, plan=record.plan, text=record.text))


@app.command(
    "edit",
    epilog='Example: psi plan edit "Verksamhetsplan 2024-2027" --to 2028 --name "Verksamhetsplan 2024-2028"',
)
def edit(
    ctx: typer.Context,
    plan: PlanArg,
    name: Annotated[str | None, typer.Option("--name", help="The plan's new title.")] = None,
    first: Annotated[
        int | None,
        typer.Option("--from", help="The first year it covers.", callback=checked_year),
    ] = None,
    last: Annotated[
        int | None, typer.Option("--to", help="The last year it covers.", callback=checked_year)
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct a plan's title or years (its activities must stay inside them)."""
    from psi.services.activities import edit_plan, show_plan
    from psi.services.views import to_json

    with session(ctx) as db:
        row = edit_plan(db, plan, title=name, first=first, last=last)
        title, first_year, last_year = row.title, row.first_year, row.last_year
        view = show_plan(db, title) if as_json else None
    if view is not None:
        console.print_json(to_json(view))
        return
    console.success(
        _("The plan is now {plan} ({first}-{last}).").format(
            plan=title, first=first_year, last=last_year
        )
    )


@app.command("remove", epilog='Example: psi plan remove "Verksamhetsplan 2028-2031" --yes')
def remove(ctx: typer.Context, plan: PlanArg, yes: Yes = False) -> None:
    """Delete a plan entered by mistake, with its goals (not while activities use them)."""
    from psi.services.activities import check_plan_removal, remove_plan

    with session(ctx, write=False) as db:
        title = check_plan_removal(db, plan).title
    title, goals = delete_when_confirmed(
        ctx,
        _("Delete the plan {plan} and its goals?").format(plan=title),
        lambda db: remove_plan(db, title),
        yes=yes,
    )
    console.success(
        ngettext(
            "Deleted the plan {plan} and its {n} goal.",
            "Deleted the plan {plan} and its {n} goals.",
            goals,
        ).format(plan=title, n=goals)
    )


@app.command("show", epilog='Example: psi plan show "Verksamhetsplan 2024-2027"')
def show(
    ctx: typer.Context,
    plan: Annotated[str | None, typer.Argument(help="The plan; the only one if left out.")] = None,
    as_json: AsJson = False,
) -> None:
    """Show a plan's goals with their activities per year and how many are done."""
    from psi.services.activities import show_plan
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        view = show_plan(db, plan)
    if as_json:
        console.print_json(to_json(view))
        return
    console.say(f"{view.title} ({view.first_year}-{view.last_year})", style="bold")
    rows = []
    for item in view.goals:
        years = range(view.first_year, view.last_year + 1)
        cells = []
        for year in years:
            acts = item.activities.get(year, [])
            done = sum(1 for a in acts if a.status == "done")
            cells.append(f"{done}/{len(acts)}" if acts else "-")
        rows.append([item.code, item.text, *cells])
    headers = [
        pgettext("table heading", "Goal"),
        pgettext("table heading", "Text"),
        *(str(y) for y in range(view.first_year, view.last_year + 1)),
    ]
    if rows:
        console.print_table(headers, rows)
        console.say(_("Each year: activities done / on the list."))
    else:
        console.say(
            _('No goals yet. Add one: psi plan goal "{plan}" M1 TEXT').format(plan=view.title)
        )
    loose = sum(len(items) for items in view.without_goal.values())
    if loose:
        console.say(
            ngettext(
                "{n} activity in these years has no goal.",
                "{n} activities in these years have no goal.",
                loose,
            ).format(n=loose)
        )
