"""`psi budget`: the committee's grant, its split, spending and co-funding."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, delete_when_confirmed, session
from psi.commands._options import AsJson, DryRun, On, TakesNegativeNumbers, Year, YearOrAll, Yes
from psi.completion import complete_category, complete_meeting, complete_organisation
from psi.domain.budget import parse_category
from psi.domain.dates import parse_date, parse_optional_date
from psi.domain.money import format_amount, parse_amount, parse_positive_amount
from psi.errors import FileProblem, InvalidInput
from psi.words import (
    BUDGET_CATEGORY,
    NC_,
    _,
    interface_language,
    interface_term,
    ngettext,
    pgettext,
    term,
    words,
)

if TYPE_CHECKING:
    from psi.domain.budget import BudgetAlert
    from psi.services.budget import BudgetStatus, CoFundingView

app = typer.Typer(
    help="Keep the grant, its split between the coordinators, spending and co-funding.",
    epilog="Example: psi budget status 2026",
    no_args_is_help=True,
    add_completion=False,
)

AmountArg = Annotated[
    str, typer.Argument(help="Amount in kronor: 200000, 200 000 kr, 1 234,50 ...")
]
CategoryHelp = (
    "personnel (lön, arvode), venue (lokal), catering (fika, mat), communication, travel or other."
)


@app.command(
    "grant",
    cls=TakesNegativeNumbers,
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
    decided_on = parse_optional_date(decided, what=NC_("what", "decision date"))
    with session(ctx) as db:
        row, created = set_grant(
            db, year, ore, source=source, decided_on=decided_on, decision_ref=ref
        )
        excess = allocation_excess(db, year)
    if created:
        line = _("Recorded the grant for {year} from {source}: {amount}.")
    else:
        line = _("Corrected the grant for {year} from {source}: {amount}.")
    console.success(line.format(year=year, source=row.source, amount=format_amount(ore)))
    if excess:
        console.warn(
            _(
                "the allocations for {year} now exceed the grants by {amount}; "
                "adjust them with psi budget allocate {year}."
            ).format(year=year, amount=format_amount(excess))
        )


@app.command(
    "allocate",
    cls=TakesNegativeNumbers,
    epilog='Example: psi budget allocate 2026 --even   or   psi budget allocate 2026 "Örebro Föreningsråd" 120000',
)
def allocate(
    ctx: typer.Context,
    year: Year,
    org: Annotated[
        str | None,
        typer.Argument(help="The coordinating organisation.", autocompletion=complete_organisation),
    ] = None,
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
        raise InvalidInput(
            _("Give either ORG AMOUNT or --even: psi budget allocate {year} --even.").format(
                year=year
            )
        )
    if org and amount is None:
        raise InvalidInput(
            _('Give the amount too: psi budget allocate {year} "{org}" 100000.').format(
                year=year, org=org
            )
        )
    shares = {org: parse_amount(amount)} if org and amount is not None else None
    if shares and min(shares.values()) < 0:
        raise InvalidInput(_("An allocation cannot be negative; give 0 to take one back."))
    with session(ctx) as db:
        result = allocate_grant(db, year, shares, even=even, force=force, reason=reason)
    for name, ore in result.items():
        console.success(
            _("{name}: {amount} for {year}.").format(
                name=name, amount=format_amount(ore), year=year
            )
        )


@app.command(
    "spend",
    cls=TakesNegativeNumbers,
    epilog='Example: psi budget spend "Örebro Föreningsråd" "1 234,50" --on 2026-03-10 --category catering --note Fika',
)
def spend(
    ctx: typer.Context,
    org: Annotated[
        str,
        typer.Argument(
            help="The coordinating organisation that paid.", autocompletion=complete_organisation
        ),
    ],
    amount: AmountArg,
    category: Annotated[str, typer.Option(help=CategoryHelp, autocompletion=complete_category)],
    on: On = None,
    note: Annotated[str | None, typer.Option(help="What it was.")] = None,
    meeting: Annotated[
        int | None,
        typer.Option(help="The meeting it was for (its number).", autocompletion=complete_meeting),
    ] = None,
) -> None:
    """Record an expense paid from the grant."""
    from psi.services.budget import spend as record

    ore = parse_positive_amount(amount)
    day = day_or_today(on, what=NC_("what", "expense date"))
    kind = parse_category(category)
    with session(ctx) as db:
        view = record(db, org, ore, on=day, category=kind, note=note, meeting_id=meeting)
    console.success(
        _("Recorded expense {number}: {organisation}, {amount}, {category}.").format(
            number=view.id,
            organisation=view.organisation,
            amount=format_amount(view.amount),
            category=interface_term(BUDGET_CATEGORY, view.category),
        )
    )


@app.command("expenses", epilog="Example: psi budget expenses 2026 --category venue")
def expenses(
    ctx: typer.Context,
    year: YearOrAll = None,
    org: Annotated[
        str | None,
        typer.Option(help="Only this organisation.", autocompletion=complete_organisation),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(help=f"Only this category: {CategoryHelp}", autocompletion=complete_category),
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
            _(
                "No expenses match. Record one with psi budget spend ORG AMOUNT --on DATE "
                "--category CAT."
            )
        )
        return
    rows = [
        [
            str(v.id),
            v.day.isoformat(),
            v.organisation,
            format_amount(v.amount),
            interface_term(BUDGET_CATEGORY, v.category),
            v.note or "",
        ]
        for v in views
    ]
    headings = [
        "#",
        pgettext("table heading", "Date"),
        pgettext("table heading", "Organisation"),
        pgettext("table heading", "Amount"),
        pgettext("table heading", "Category"),
        pgettext("table heading", "Note"),
    ]
    console.print_table(headings, rows)
    total = format_amount(sum(v.amount for v in views))
    console.say(
        ngettext(
            "{n} expense, {total} in all.", "{n} expenses, {total} in all.", len(views)
        ).format(n=len(views), total=total)
    )


@app.command(
    "edit-expense",
    epilog='Example: psi budget edit-expense 14 --amount "1 450" --category fika --note "Fika AU"',
)
def edit_expense(
    ctx: typer.Context,
    expense_id: Annotated[int, typer.Argument(metavar="ID", help="The expense's number.")],
    amount: Annotated[str | None, typer.Option(help="The amount in kronor.")] = None,
    on: Annotated[
        str | None, typer.Option(metavar="DATE", help="The date of the expense, YYYY-MM-DD.")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help=CategoryHelp, autocompletion=complete_category)
    ] = None,
    note: Annotated[str | None, typer.Option(help='What it was; "" for none.')] = None,
    org: Annotated[
        str | None,
        typer.Option(
            help="The coordinating organisation that paid.", autocompletion=complete_organisation
        ),
    ] = None,
    meeting: Annotated[
        str | None,
        typer.Option(
            help='The meeting it was for (its number); "" for none.',
            autocompletion=complete_meeting,
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct an expense: amount, date, category, note, organisation or meeting.

    Checked as psi budget spend checks a new expense.
    """
    from psi.domain.budget import expense_field_words
    from psi.services.budget import edit_expense as edit
    from psi.services.views import to_json

    ore = parse_positive_amount(amount) if amount is not None else None
    day = parse_date(on, what=NC_("what", "expense date")) if on is not None else None
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
        console.say(_("Expense {number} already reads so; nothing changed.").format(number=view.id))
        return
    fields = expense_field_words(result.changed)
    facts = {
        "number": view.id,
        "organisation": view.organisation,
        "amount": format_amount(view.amount),
        "category": interface_term(BUDGET_CATEGORY, view.category),
        "day": view.day,
    }
    if len(fields) == 1:
        line = _(
            "Changed the {field} of expense {number}: {organisation}, {amount}, {category}, {day}."
        ).format(field=fields[0], **facts)
    else:
        line = _(
            "Changed the {fields} and {last} of expense {number}: {organisation}, {amount}, "
            "{category}, {day}."
        ).format(fields=", ".join(fields[:-1]), last=fields[-1], **facts)
    console.success(line)


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
    question = _("Delete expense {number}: {organisation}, {amount} on {day}?").format(
        number=view.id,
        organisation=view.organisation,
        amount=format_amount(view.amount),
        day=view.day,
    )
    delete_when_confirmed(ctx, question, lambda db: remove(db, expense_id), yes=yes)
    console.success(_("Deleted expense {number}.").format(number=view.id))


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
        raise FileProblem(
            _("{file} is not a file; give the path of a .csv file.").format(file=file)
        )
    with session(ctx, write=not dry_run) as db:
        count = import_expenses(db, file)
    if dry_run:
        console.say(
            ngettext(
                "The {n} row is good; run without --dry-run to import it.",
                "All {n} rows are good; run without --dry-run to import them.",
                count,
            ).format(n=count)
        )
    else:
        console.success(
            ngettext("Imported {n} expense.", "Imported {n} expenses.", count).format(n=count)
        )


@app.command(
    "funding",
    cls=TakesNegativeNumbers,
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
            _(
                'Say where the money comes from: psi budget funding {year} --source "externa '
                'projektmedel".'
            ).format(year=year)
        )
    ore = parse_positive_amount(amount) if amount is not None else None
    kind = Funding.FREES_GRANT if frees_grant else Funding.COORDINATION
    with session(ctx) as db:
        view = add_funding(db, year, ore, source, note, kind)
    console.success(
        _("Recorded co-funding {number}: {funding} for {year}.").format(
            number=view.id, funding=funding_text(view), year=year
        )
    )


@app.command("remove-funding", epilog="Example: psi budget remove-funding 2 --yes")
def remove_funding(
    ctx: typer.Context,
    funding_id: Annotated[
        int, typer.Argument(metavar="ID", help="The co-funding's number (see psi budget status).")
    ],
    yes: Yes = False,
) -> None:
    """Delete co-funding entered by mistake."""
    from psi.services.budget import get_funding
    from psi.services.budget import remove_funding as remove

    with session(ctx, write=False) as db:
        year, view = get_funding(db, funding_id)
    question = _("Delete co-funding {number} of {year}: {funding}?").format(
        number=view.id, year=year, funding=funding_text(view)
    )
    delete_when_confirmed(ctx, question, lambda db: remove(db, funding_id), yes=yes)
    console.success(_("Deleted co-funding {number}.").format(number=view.id))


def funding_text(view: CoFundingView) -> str:
    """Other money in one line: `externa projektmedel, 45 000 kr, frees the grant (del av lönekostnad)`."""
    from psi.domain.budget import Funding

    size = format_amount(view.amount) if view.amount is not None else _("amount not recorded")
    what = (
        _("paying part of the region's cost, which frees the grant")
        if view.kind is Funding.FREES_GRANT
        else _("co-funding the coordination")
    )
    return f"{view.source}, {size}, {what}" + (f" ({view.note})" if view.note else "")


def _category_word(category: str) -> str:
    """A category in the status table: its Swedish word beside it in English (`venue
    (lokal)`, the word a Swedish receipt uses), the Swedish word alone in Swedish."""
    if interface_language() == "sv":
        return interface_term(BUDGET_CATEGORY, category)
    return f"{category} ({term('sv', BUDGET_CATEGORY, category)})"


def _status_tables(status: BudgetStatus) -> None:
    sources = "".join(f"  ({source})" for source, *_rest in status.grants)
    console.print_fields(
        [
            (pgettext("table heading", "Grant"), format_amount(status.grant) + sources),
            (pgettext("table heading", "Spent"), format_amount(status.spent)),
            (pgettext("table heading", "Remaining"), format_amount(status.remaining)),
            (pgettext("table heading", "Year passed"), f"{status.share_of_year:.0%}"),
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
        headings = [
            pgettext("table heading", "Organisation"),
            pgettext("table heading", "Allocated"),
            pgettext("table heading", "Spent"),
            pgettext("money", "Left"),
            pgettext("table heading", "At this pace"),
        ]
        console.print_table(headings, rows)
    if status.spent_by_category:
        rows = [[_category_word(c), format_amount(a)] for c, a in status.spent_by_category.items()]
        console.print_table(
            [pgettext("table heading", "Category"), pgettext("table heading", "Spent")], rows
        )
    for other in status.co_funding:
        console.say(
            _("Other money ({number}): {funding}").format(
                number=other.id, funding=funding_text(other)
            )
        )
    for reason in status.override_reasons:
        console.say(_("Allocation above the grant: {reason}").format(reason=reason))


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
            _(
                "No grant or expenses for {year} yet. Record the grant: "
                "psi budget grant {year} 200000"
            ).format(year=year)
        )
        return
    _status_tables(result)
    for alert in result.alerts:
        console.warn(alert_text(alert, year) + ".")


def alert_text(alert: BudgetAlert, year: int, *, lang: str | None = None) -> str:
    """A budget alert as one line for the terminal, with the command that helps; in the
    interface language, or in `lang`."""
    from psi.domain.budget import Alert

    t = words(lang or interface_language())
    texts = {
        Alert.OVER_GRANT: t.gettext(
            "the allocations exceed the grant by {amount}; adjust them with psi budget "
            "allocate {year}"
        ),
        Alert.NO_ALLOCATION: t.gettext("{organisation} has expenses but no allocation"),
        Alert.OVERSPENT: t.gettext("{organisation} has spent more than its allocation"),
        Alert.ON_COURSE_TO_OVERRUN: t.gettext(
            "{organisation} is on course to overrun its allocation by the end of the year"
        ),
    }
    return texts[alert.kind].format(
        amount=format_amount(alert.amount),
        year=year,
        organisation=alert.organisation or "",
    )
