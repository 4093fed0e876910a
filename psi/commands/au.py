"""`psi au`: who sits on the working committee (AU) each year, and for which organisation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import delete_when_confirmed, session
from psi.commands._options import AsJson, Year, YearOrThis, Yes, checked_year
from psi.completion import complete_organisation
from psi.words import _, ngettext, pgettext

if TYPE_CHECKING:
    from psi.services.au import SeatView

app = typer.Typer(
    help="Keep who sits on the working committee (AU) each year, and for which organisation.",
    epilog="Example: psi au list 2026",
    no_args_is_help=True,
    add_completion=False,
)

OrgArg = Annotated[
    str,
    typer.Argument(
        help="The organisation: full name, short name or prefix.",
        autocompletion=complete_organisation,
    ),
]
Person = Annotated[
    str | None,
    typer.Option(
        "--person",
        metavar="NAME",
        help="The contact person who sits for the organisation (see psi contact list ORG).",
    ),
]


def _warn_standing(view: SeatView) -> None:
    """A seat for an organisation that is not a member in the seat's year is kept, with a
    warning (a mistake is undone with psi au remove)."""
    from psi.domain.audience import Standing

    values = {"organisation": view.organisation, "year": view.year}
    if view.standing is Standing.LEFT and view.left_on is not None:
        text = _(
            "{organisation} left PSI on {date} and is not a member in {year}; if the seat is "
            'a mistake, remove it with psi au remove {year} "{organisation}".'
        ).format(date=view.left_on.isoformat(), **values)
    elif not view.member:
        text = _(
            "{organisation} is not a member of PSI in {year}; if the seat is a mistake, "
            'remove it with psi au remove {year} "{organisation}".'
        ).format(**values)
    else:
        return
    console.warn(text)


def _note_no_mail(view: SeatView) -> None:
    if view.person is not None and view.no_mail:
        console.note(
            _(
                "{name} asked for no mail, so psi leaves them out of the AU's invitations and "
                "address lists."
            ).format(name=view.person)
        )


@app.command("add", epilog='Example: psi au add 2026 exempelgården --person "Anna Exempelsson"')
def add(ctx: typer.Context, year: Year, org: OrgArg, person: Person = None) -> None:
    """Give an organisation a seat on the AU in a year, with the person who sits for it."""
    from psi.services import au

    with session(ctx) as db:
        view = au.add_seat(db, year, org, person)
    if view.person is None:
        text = _("{organisation} has a seat on the AU in {year}.")
    else:
        text = _("{organisation} has a seat on the AU in {year}, taken by {name}.")
    console.success(text.format(organisation=view.organisation, year=year, name=view.person))
    _warn_standing(view)
    _note_no_mail(view)


@app.command("list", epilog="Example: psi au list 2026 --json")
def list_(ctx: typer.Context, year: YearOrThis, as_json: AsJson = False) -> None:
    """List the AU of a year: the organisations, and who sits for each."""
    from psi.services import au
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        seats = au.list_seats(db, year)
    if as_json:
        console.print_json(to_json(seats))
        return
    if not seats:
        console.say(
            _(
                "No AU is recorded for {year}. Add its seats with psi au add {year} ORG "
                "--person NAME, or carry last year's over with psi au copy {last} {year}."
            ).format(year=year, last=year - 1)
        )
        return
    # The addresses are in --json and psi contact emails --to au; here, who and what to
    # follow up.
    rows = [[seat.organisation, seat.person or "–", _remark(seat)] for seat in seats]
    headers = [
        pgettext("table heading", "Organisation"),
        pgettext("table heading", "Person"),
        pgettext("table heading", "Note"),
    ]
    title = ngettext(
        "The AU of {year}: {n} organisation", "The AU of {year}: {n} organisations", len(seats)
    ).format(year=year, n=len(seats))
    console.print_table(headers, rows, title=title)


def _remark(seat: SeatView) -> str:
    """What the list says beside a seat: no mail, not a member, nobody named."""
    remarks = []
    if seat.person is None and seat.contact_persons:
        remarks.append(pgettext("au seat", "nobody named: mail goes to all its contact persons"))
    elif seat.person is None:
        remarks.append(pgettext("au seat", "no contact person"))
    elif seat.no_mail:
        remarks.append(pgettext("au seat", "asked for no mail"))
    elif not seat.email:
        remarks.append(pgettext("au seat", "no e-mail address"))
    if not seat.member:
        remarks.append(pgettext("au seat", "not a member"))
    return "; ".join(remarks)


@app.command("edit", epilog='Example: psi au edit 2026 bron --person "Erik Exempelsson"')
def edit(
    ctx: typer.Context,
    year: Year,
    org: OrgArg,
    person: Person = None,
    no_person: Annotated[
        bool, typer.Option("--no-person", help="Nobody named: the seat is the organisation's.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Change who sits on the AU for an organisation, or name nobody."""
    from psi.services import au
    from psi.services.views import to_json

    with session(ctx) as db:
        result = au.edit_seat(db, year, org, person, no_person=no_person)
    view = result.seat
    if as_json:
        console.print_json(to_json(view))
        return
    values = {"organisation": view.organisation, "year": year, "name": view.person}
    if not result.changed:
        console.say(
            _(
                "The seat of {organisation} on the AU in {year} already reads so; nothing changed."
            ).format(**values)
        )
        return
    if view.person is None:
        text = _("Nobody is named for {organisation} on the AU in {year} now.")
    else:
        text = _("{name} sits for {organisation} on the AU in {year} now.")
    console.success(text.format(**values))
    _note_no_mail(view)


@app.command("remove", epilog="Example: psi au remove 2026 lagret --yes")
def remove(ctx: typer.Context, year: Year, org: OrgArg, yes: Yes = False) -> None:
    """Take an organisation off the AU of a year (a seat recorded by mistake, or given up)."""
    from psi.services import au

    with session(ctx, write=False) as db:
        view = au.check_removal(db, year, org)
    values = {"organisation": view.organisation, "year": year}
    delete_when_confirmed(
        ctx,
        _("Remove {organisation} from the AU of {year}?").format(**values),
        lambda db: au.remove_seat(db, year, org),
        yes=yes,
    )
    console.success(_("Removed {organisation} from the AU of {year}.").format(**values))


@app.command("copy", epilog="Example: psi au copy 2026 2027")
def copy(
    ctx: typer.Context,
    from_year: Annotated[
        int,
        typer.Argument(
            metavar="FROM_YEAR", help="The year whose AU is carried over.", callback=checked_year
        ),
    ],
    to_year: Annotated[
        int,
        typer.Argument(
            metavar="TO_YEAR", help="The year that has no AU yet.", callback=checked_year
        ),
    ],
) -> None:
    """Carry a year's AU, with each seat's person, into a new year.

    Refused when the new year has seats; organisations that left PSI before it are left out.
    """
    from psi.services import au

    with session(ctx) as db:
        result = au.copy_seats(db, from_year, to_year)
    count = len(result.seats)
    console.success(
        ngettext(
            "Copied {n} seat on the AU from {year} to {next}; see psi au list {next}.",
            "Copied {n} seats on the AU from {year} to {next}; see psi au list {next}.",
            count,
        ).format(n=count, year=from_year, next=to_year)
    )
    if result.left_out:
        console.warn(
            ngettext(
                "Left out {names}, which left PSI before {next}.",
                "Left out {names}, which left PSI before {next}.",
                len(result.left_out),
            ).format(names="; ".join(result.left_out), next=to_year)
        )
