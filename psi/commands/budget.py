"""`psi budget`: the committee's grant, its split, spending and co-funding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import confirm, session
from psi.commands._options import AsJson, DryRun, Year, YearOrAll, Yes
from psi.domain.budget import parse_category
from psi.domain.dates import parse_date, parse_optional_date
from psi.domain.money import format_amount, parse_amount, parse_positive_amount
from psi.errors import FileProblem, InvalidInput
from psi.words import BUDGET_CATEGORY, term

if TYPE_CHECKING:
    from psi.domain.budget import BudgetAlert
    from psi.services.budget import BudgetStatus, CoFundingView

app = typer.Typer(
    help="Keep the grant, its split between the coordinators, spending and co-funding.",
    epilog="Example: psi budget status 2026",
    no_args_is_help=True,
)

AmountArg = Annotated[
    str, typer.Argument(help="Amount in kronor: 200000, 200 000 kr, 1 234,50 ...")
]
CategoryHelp = (
    "personnel (lön, arvode), venue (lokal), catering (fika, mat), communication, travel or other."
)


@app.command(
    "grant",
    epilog='Example: psi budget grant 2027 200000 --decided 2026-08-26 --ref "Föredragnings-PM 2026-08-26"',
)
def grant(
    ctx: typer.Context,
    year: Year,
    amount: AmountArg,
    source: Annotated[str, typer.Option(help="Who grants it.")] = "Kulturnämnden",
    decided: Annotated[str | None, typer.Option(help="Date of the decision, YYYY-MM-DD.")] = None,
    ref: Annotated[
        str | None, typer.Option(help="Decision reference, e.g. the föredragnings-PM.")
    ] = None,
) -> None:
    """Record the year's grant (running it again corrects the amount)."""
    from psi.services.budget import allocation_excess, set_grant

    ore = parse_positive_amount(amount)
    decided_on = parse_optional_date(decided, what="decision date")
    with session(ctx) as db:
        row, created = set_grant(
            db, year, ore, source=source, decided_on=decided_on, decision_ref=ref
        )
        excess = allocation_excess(db, year)
    verb = "Recorded" if created else "Corrected"
    console.success(f"{verb} the grant for {year} from {row.source}: {format_amount(ore)}.")
    if excess:
        console.warn(
            f"the allocations for {year} now exceed the grants by {format_amount(excess)}; "
            f"adjust them with psi budget allocate {year}."
        )


@app.command(
    "allocate",
    epilog='Example: psi budget allocate 2026 --even   or   psi budget allocate 2026 "Örebro Föreningsråd" 120000',
)
def allocate(
    ctx: typer.Context,
    year: Year,
    org: Annotated[str | None, typer.Argument(help="The coordinating organisation.")] = None,
    amount: Annotated[str | None, typer.Argument(help="Its allocation in kronor.")] = None,
    even: Annotated[
        bool,
        typer.Option("--even", help="Split the grant equally between the year's coordinators."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Allow allocations above the grant.")
    ] = False,
    reason: Annotated[
        str | None, typer.Option(help="Why (needed with --force; kept and shown).")
    ] = None,
) -> None:
    """Allocate the grant to the year's coordinators."""
    from psi.services.budget import allocate as allocate_grant

    if even == bool(org):
        raise InvalidInput(f"Give either ORG AMOUNT or --even: psi budget allocate {year} --even")
    if org and amount is None:
        raise InvalidInput(f'Give the amount too: psi budget allocate {year} "{org}" 100000')
    shares = {org: parse_amount(amount)} if org and amount is not None else None
    if shares and min(shares.values()) < 0:
        raise InvalidInput("An allocation cannot be negative; give 0 to take one back.")
    with session(ctx) as db:
        result = allocate_grant(db, year, shares, even=even, force=force, reason=reason)
    for name, ore in result.items():
        console.success(f"{name}: {format_amount(ore)} for {year}.")


@app.command(
    "spend",
    epilog='Example: psi budget spend "Örebro Föreningsråd" "1 234,50" --on 2026-03-10 --category catering --note Fika',
)
def spend(
    ctx: typer.Context,
    org: Annotated[str, typer.Argument(help="The coordinating organisation that paid.")],
    amount: AmountArg,
    on: Annotated[str, typer.Option(help="Date of the expense, YYYY-MM-DD.")],
    category: Annotated[str, typer.Option(help=CategoryHelp)],
    note: Annotated[str | None, typer.Option(help="What it was.")] = None,
    meeting: Annotated[
        int | None, typer.Option(help="The meeting it was for (its number).")
    ] = None,
) -> None:
    """Record an expense paid from the grant."""
    from psi.services.budget import spend as record

    ore = parse_positive_amount(amount)
    day = parse_date(on, what="expense date")
    kind = parse_category(category)
    with session(ctx) as db:
        view = record(db, org, ore, on=day, category=kind, note=note, meeting_id=meeting)
    console.success(
        f"Recorded expense {view.id}: {view.organisation}, {format_amount(view.amount)}, {view.category}."
    )


@app.command("expenses", epilog="Example: psi budget expenses 2026 --category venue")
def expenses(
    ctx: typer.Context,
    year: YearOrAll = None,
    org: Annotated[str | None, typer.Option(help="Only this organisation.")] = None,
    category: Annotated[
        str | None, typer.Option(help=f"Only this category: {CategoryHelp}")
    ] = None,
    as_json: AsJson = False,
) -> None:
    """List expenses by date."""
    from psi.services.budget import list_expenses
    from psi.services.views import to_json

    kind = parse_category(category) if category else None
    with session(ctx, write=False) as db:
        views = list_expenses(db, year, org_query=org, category=kind)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            "No expenses match. Record one with psi budget spend ORG AMOUNT --on DATE --category CAT."
        )
        return
    rows = [
        [
            str(v.id),
            v.day.isoformat(),
            v.organisation,
            format_amount(v.amount),
            v.category,
            v.note or "",
        ]
        for v in views
    ]
    console.print_table(["#", "Date", "Organisation", "Amount", "Category", "Note"], rows)
    console.say(f"{len(views)} expenses, {format_amount(sum(v.amount for v in views))} in all.")


@app.command(
    "edit-expense",
    epilog='Example: psi budget edit-expense 14 --amount "1 450" --category fika --note "Fika AU"',
)
def edit_expense(
    ctx: typer.Context,
    expense_id: Annotated[int, typer.Argument(metavar="ID", help="The expense's number.")],
    amount: Annotated[str | None, typer.Option(help="The amount in kronor.")] = None,
    on: Annotated[str | None, typer.Option(help="The date of the expense, YYYY-MM-DD.")] = None,
    category: Annotated[str | None, typer.Option(help=CategoryHelp)] = None,
    note: Annotated[str | None, typer.Option(help='What it was; "" for none.')] = None,
    org: Annotated[
        str | None, typer.Option(help="The coordinating organisation that paid.")
    ] = None,
    meeting: Annotated[
        str | None, typer.Option(help='The meeting it was for (its number); "" for none.')
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct an expense: amount, date, category, note, organisation or meeting.

    Checked as psi budget spend checks a new expense.
    """
    from psi.services.budget import edit_expense as edit
    from psi.services.views import to_json

    ore = parse_positive_amount(amount) if amount is not None else None
    day = parse_date(on, what="expense date") if on is not None else None
    kind = parse_category(category) if category is not None else None
    with session(ctx) as db:
        result = edit(
            db,
            expense_id,
            org_query=org,
            amount=ore,
            on=day,
            category=kind,
            note=note,
            meeting=meeting,
        )
    view = result.expense
    if as_json:
        console.print_json(to_json(view))
        return
    if not result.changed:
        console.say(f"Expense {view.id} already reads so; nothing changed.")
        return
    console.success(
        f"Changed the {_and(result.changed)} of expense {view.id}: {view.organisation}, "
        f"{format_amount(view.amount)}, {view.category}, {view.day}."
    )


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


@app.command("remove-expense", epilog="Example: psi budget remove-expense 14 --yes")
def remove_expense(
    ctx: typer.Context,
    expense_id: Annotated[int, typer.Argument(metavar="ID", help="The expense's number.")],
    yes: Yes = False,
) -> None:
    """Delete an expense entered by mistake."""
    from psi.services.budget import get_expense
    from psi.services.budget import remove_expense as remove

    with session(ctx, write=False) as db:
        view = get_expense(db, expense_id)
    question = f"Delete expense {view.id}: {view.organisation}, {format_amount(view.amount)} on {view.day}?"
    confirm(question, yes=yes, declined="Nothing was deleted.")
    with session(ctx) as db:
        remove(db, expense_id)
    console.success(f"Deleted expense {view.id}.")


@app.command("import", epilog="Example: psi budget import utgifter-2026.csv --dry-run")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="CSV with date, organisation, amount, category, note, meeting.")
    ],
    dry_run: DryRun = False,
) -> None:
    """Import expenses from a spreadsheet (CSV), all rows or none."""
    from psi.services.budget import import_expenses

    if not file.is_file():
        raise FileProblem(f"{file} is not a file; give the path of a .csv file.")
    with session(ctx, write=not dry_run) as db:
        count = import_expenses(db, file)
    if dry_run:
        console.say(f"All {count} rows are good; run without --dry-run to import them.")
    else:
        console.success(f"Imported {count} expenses.")


@app.command(
    "funding",
    epilog='Example: psi budget funding 2025 --source "externa projektmedel" '
    '--note "del av lönekostnad" --frees-grant',
)
def funding(
    ctx: typer.Context,
    year: Year,
    amount: Annotated[
        str | None,
        typer.Argument(help="Amount in kronor (200000, 45 000 kr ...); leave out if not known."),
    ] = None,
    source: Annotated[
        str,
        typer.Option(
            help="Where the money comes from, as it reads mid-sentence: externa projektmedel."
        ),
    ] = "",
    note: Annotated[
        str | None, typer.Option(help="What it pays for, as it reads mid-sentence.")
    ] = None,
    frees_grant: Annotated[
        bool,
        typer.Option(
            "--frees-grant",
            help="It pays part of the region's own cost (a salary), which frees the "
            "committee's money for the grant; without it, it pays for the coordination.",
        ),
    ] = False,
) -> None:
    """Record other money in a year: beside the grant, or paying part of the region's cost."""
    from psi.domain.budget import Funding
    from psi.services.budget import add_funding

    if not source.strip():
        raise InvalidInput(
            f'Say where the money comes from: psi budget funding {year} --source "externa projektmedel".'
        )
    ore = parse_positive_amount(amount) if amount is not None else None
    kind = Funding.FREES_GRANT if frees_grant else Funding.COORDINATION
    with session(ctx) as db:
        view = add_funding(db, year, ore, source, note, kind)
    console.success(f"Recorded {funding_text(view)} for {year}.")


def funding_text(view: CoFundingView) -> str:
    """Other money in one line: `externa projektmedel, 45 000 kr, frees the grant (del av lönekostnad)`."""
    from psi.domain.budget import Funding

    size = format_amount(view.amount) if view.amount is not None else "amount not recorded"
    what = (
        "paying part of the region's cost, which frees the grant"
        if view.kind is Funding.FREES_GRANT
        else "co-funding the coordination"
    )
    return f"{view.source}, {size}, {what}" + (f" ({view.note})" if view.note else "")


def _status_tables(status: BudgetStatus) -> None:
    console.print_fields(
        [
            ("Grant", format_amount(status.grant) + "".join(f"  ({s})" for s, *_ in status.grants)),
            ("Spent", format_amount(status.spent)),
            ("Remaining", format_amount(status.remaining)),
            ("Year passed", f"{status.share_of_year:.0%}"),
        ]
    )
    if status.burns:
        rows = [
            [
                b.organisation,
                format_amount(b.allocated),
                format_amount(b.spent),
                format_amount(b.allocated - b.spent),
                format_amount(b.projected),
            ]
            for b in status.burns
        ]
        console.print_table(["Organisation", "Allocated", "Spent", "Left", "At this pace"], rows)
    if status.spent_by_category:
        rows = [
            [f"{c} ({term('sv', BUDGET_CATEGORY, c)})", format_amount(a)]
            for c, a in status.spent_by_category.items()
        ]
        console.print_table(["Category", "Spent"], rows)
    for other in status.co_funding:
        console.say(f"Other money: {funding_text(other)}")
    for reason in status.override_reasons:
        console.say(f"Allocation above the grant: {reason}")


@app.command("status", epilog="Example: psi budget status 2026 --json")
def status(
    ctx: typer.Context,
    year: Year,
    as_json: AsJson = False,
) -> None:
    """Show the year's grant, allocations, spending per organisation and category, and pace."""
    from psi.services.budget import budget_status
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        result = budget_status(db, year)
    if as_json:
        console.print_json(to_json(result))
        return
    if not result.grant and not result.spent and not result.co_funding:
        console.say(
            f"No grant or expenses for {year} yet. Record the grant: psi budget grant {year} 200000"
        )
        return
    _status_tables(result)
    for alert in result.alerts:
        console.warn(alert_text(alert, year) + ".")


def alert_text(alert: BudgetAlert, year: int) -> str:
    """A budget alert as one line for the terminal, with the command that helps."""
    from psi.domain.budget import Alert

    who = alert.organisation or ""
    texts = {
        Alert.OVER_GRANT: f"the allocations exceed the grant by {format_amount(alert.amount)}; "
        f"adjust them with psi budget allocate {year}",
        Alert.NO_ALLOCATION: f"{who} has expenses but no allocation",
        Alert.OVERSPENT: f"{who} has spent more than its allocation",
        Alert.ON_COURSE_TO_OVERRUN: f"{who} is on course to overrun its allocation by the end of "
        "the year",
    }
    return texts[alert.kind]
