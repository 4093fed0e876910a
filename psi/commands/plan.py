"""`psi plan`: the partnership's multi-year operations plan and its goals."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson, checked_year

app = typer.Typer(
    help="Keep the multi-year operations plan (verksamhetsplan) and its goals.",
    epilog="Example: psi plan show --json",
    no_args_is_help=True,
)


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
    console.success(f"Added the plan {plan.title} ({plan.first_year}-{plan.last_year}).")


@app.command(
    "goal",
    epilog='Example: psi plan goal "Verksamhetsplan 2024-2027" M1 "Fler medlemmar i länets alla kommuner"',
)
def goal(
    ctx: typer.Context,
    plan: Annotated[str, typer.Argument(help="The plan's title (or its beginning).")],
    code: Annotated[str, typer.Argument(help="The goal's code, such as M1.")],
    text: Annotated[str, typer.Argument(help="What the goal says.")],
) -> None:
    """Add a goal to a plan."""
    from psi.services.activities import add_goal

    with session(ctx) as db:
        plan_row, goal_row = add_goal(db, plan, code, text)
    console.success(f"Added goal {goal_row.code} to {plan_row.title}.")


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
    headers = ["Goal", "Text", *(str(y) for y in range(view.first_year, view.last_year + 1))]
    if rows:
        console.print_table(headers, rows)
        console.say("Each year: activities done / on the list.")
    else:
        console.say(f'No goals yet. Add one: psi plan goal "{view.title}" M1 TEXT')
    loose = sum(len(items) for items in view.without_goal.values())
    if loose:
        console.say(f"{loose} activities in these years have no goal.")
