"""`psi org`: the organisation register."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, delete_when_confirmed, session
from psi.commands._options import AsJson, DryRun, On, Yes, format_for_file
from psi.completion import (
    complete_export_format,
    complete_org_status,
    complete_org_status_filter,
    complete_organisation,
    complete_sector,
)
from psi.domain.orgnr import orgnr_group
from psi.errors import FileProblem, InvalidInput
from psi.files import write_private
from psi.words import (
    COORDINATOR_ROLE,
    NC_,
    ORG_STATUS,
    SECTOR,
    _,
    interface_term,
    ngettext,
    pgettext,
)

if TYPE_CHECKING:
    from psi.services.orgs import OrgView

app = typer.Typer(
    help="Keep the register of member organisations, prospects and partners.",
    epilog="Example: psi org list --sector civil-society",
    no_args_is_help=True,
    add_completion=False,
)

NameArg = Annotated[
    str,
    typer.Argument(
        help="The organisation: full name, short name or a unique prefix.",
        autocompletion=complete_organisation,
    ),
]
SectorHelp = "civil-society, municipality, region, state, academia, business or other."
MunicipalityHelp = (
    "A kommun in Örebro län (any case, å/ä/ö optional: orebro), or other:NAME outside it."
)
MUNICIPALITY = "--municipality"


def sector_word(sector: str) -> str:
    """An organisation's sector (`civil-society` ...) in the interface language."""
    return interface_term(SECTOR, str(sector))


@contextmanager
def _municipality_as_typed(text: str | None) -> Iterator[None]:
    """A municipality the register does not know is refused with what to type on the command
    line (`--municipality nora`), not as a column of a file."""
    from psi.domain.municipality import resolve_municipality
    from psi.domain.organisation import FieldProblem

    try:
        yield
    except FieldProblem as exc:
        if exc.columns != ("municipality",) or text is None:
            raise
        try:
            resolve_municipality(text, option=MUNICIPALITY)
        except InvalidInput as worded:
            raise worded from None
        raise


@app.command(
    "add",
    epilog='Example: psi org add "Nora Idrottsförening" --sector civil-society --municipality nora --joined 2026-03-10',
)
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The organisation's full name, in quotes.")],
    sector: Annotated[
        str, typer.Option("--sector", "-s", help=SectorHelp, autocompletion=complete_sector)
    ],
    short: Annotated[
        str | None, typer.Option(help="A short name to type instead (e.g. ÖFR).")
    ] = None,
    orgnr: Annotated[str | None, typer.Option(help="Organisationsnummer, NNNNNN-NNNN.")] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help=MunicipalityHelp)
    ] = None,
    joined: Annotated[str | None, typer.Option(help="Date it became a member, YYYY-MM-DD.")] = None,
    website: Annotated[str | None, typer.Option(help="Web address, e.g. www.example.se.")] = None,
    status: Annotated[
        str,
        typer.Option(
            help="member, prospect or partner; member if left out.",
            show_default=False,
            autocompletion=complete_org_status,
        ),
    ] = "member",
    note: Annotated[str | None, typer.Option(help="A free-text note.")] = None,
) -> None:
    """Add an organisation to the register."""
    from psi.domain.organisation import OrgInput
    from psi.services import orgs

    raw = OrgInput(name, sector, status, short, orgnr, municipality, joined, None, website, note)
    with _municipality_as_typed(municipality), session(ctx) as db:
        view = orgs.add_org(db, raw)
    console.success(
        _("Added {name} ({sector}, {status}).").format(
            name=view.name,
            sector=sector_word(view.sector),
            status=interface_term(ORG_STATUS, view.status),
        )
    )


def _row(view: OrgView) -> list[str]:
    return [
        view.name,
        view.short or "",
        sector_word(view.sector),
        view.municipality_label,
        interface_term(ORG_STATUS, view.status),
        view.joined.isoformat() if view.joined else "",
    ]


@app.command("list", epilog="Example: psi org list --municipality orebro --status member")
def list_(
    ctx: typer.Context,
    sector: Annotated[
        str | None,
        typer.Option(
            "--sector",
            "-s",
            help=f"Only this sector: {SectorHelp}",
            autocompletion=complete_sector,
        ),
    ] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help="Only this kommun.")
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            help="member, prospect, partner, former, all, or active (all but former).",
            autocompletion=complete_org_status_filter,
        ),
    ] = "active",
    as_json: AsJson = False,
) -> None:
    """List the register: every organisation that has not left, unless filtered."""
    from psi.domain.municipality import resolve_municipality
    from psi.services import orgs
    from psi.services.views import to_json

    if municipality:
        resolve_municipality(municipality, option=MUNICIPALITY)
    with session(ctx, write=False) as db:
        views = orgs.list_orgs(db, sector=sector, municipality=municipality, status=status)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            _(
                "No organisations match. Add one with `psi org add` or load a list with "
                "`psi org import`."
            )
        )
        return
    headers = [
        pgettext("table heading", "Name"),
        pgettext("table heading", "Short"),
        pgettext("table heading", "Sector"),
        pgettext("table heading", "Municipality"),
        pgettext("table heading", "Status"),
        pgettext("table heading", "Joined"),
    ]
    console.print_table(headers, [_row(view) for view in views])
    console.say(
        ngettext("{n} organisation.", "{n} organisations.", len(views)).format(n=len(views))
    )


@app.command("show", epilog="Example: psi org show activa")
def show(ctx: typer.Context, name: NameArg, as_json: AsJson = False) -> None:
    """Show one organisation with its details and contact persons."""
    from psi.services import orgs
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        detail = orgs.show_org(db, name)
    if as_json:
        console.print_json(to_json(detail))
        return
    org = detail.org
    orgnr = f"{org.orgnr} ({pgettext('orgnr group', orgnr_group(org.orgnr))})" if org.orgnr else "-"
    pairs = [
        (pgettext("table heading", "Name"), org.name),
        (pgettext("table heading", "Short name"), org.short or "-"),
        (pgettext("table heading", "Sector"), sector_word(org.sector)),
        (pgettext("table heading", "Status"), interface_term(ORG_STATUS, org.status)),
        (pgettext("table heading", "Organisationsnummer"), orgnr),
        (pgettext("table heading", "Municipality"), org.municipality_label or "-"),
        (pgettext("table heading", "Joined"), org.joined.isoformat() if org.joined else "-"),
        (pgettext("table heading", "Left"), org.left.isoformat() if org.left else "-"),
        (pgettext("table heading", "Website"), org.website or "-"),
        (pgettext("table heading", "Note"), org.note or "-"),
    ]
    if detail.meetings_attended:
        pairs.append(
            (pgettext("table heading", "Meetings attended"), str(detail.meetings_attended))
        )
    if detail.coordinated:
        years = ", ".join(
            f"{year} ({interface_term(COORDINATOR_ROLE, role)})"
            for year, role in detail.coordinated
        )
        pairs.append((pgettext("table heading", "Coordinated"), years))
    console.print_fields(pairs)
    console.say("")
    if detail.contacts:
        from psi.commands.contact import mail_mark

        rows = [
            [c.name, c.role or "", c.email or "", c.phone or "", mail_mark(c.no_mail)]
            for c in detail.contacts
        ]
        headings = [
            pgettext("table heading", "Contact"),
            pgettext("table heading", "Role"),
            pgettext("table heading", "E-mail"),
            pgettext("table heading", "Phone"),
            pgettext("table heading", "Mail"),
        ]
        console.print_table(headings, rows)
    else:
        console.say(
            _(
                'No contact persons. Add one with `psi contact add "{name}" NAME --email ...`.'
            ).format(name=org.name)
        )
    if detail.erased_contacts:
        console.say(
            ngettext(
                "{n} contact record erased on request (GDPR).",
                "{n} contact records erased on request (GDPR).",
                detail.erased_contacts,
            ).format(n=detail.erased_contacts)
        )


@app.command(
    "edit",
    epilog='Example: psi org edit "Örebro Föreningsråd" --short ÖFR --website www.example.se',
)
def edit(
    ctx: typer.Context,
    name: NameArg,
    new_name: Annotated[str | None, typer.Option("--name", help="A new full name.")] = None,
    short: Annotated[str | None, typer.Option(help='A new short name ("" clears it).')] = None,
    sector: Annotated[
        str | None,
        typer.Option("--sector", "-s", help=SectorHelp, autocompletion=complete_sector),
    ] = None,
    orgnr: Annotated[str | None, typer.Option(help='Organisationsnummer ("" clears it).')] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help=MunicipalityHelp)
    ] = None,
    joined: Annotated[str | None, typer.Option(help="Date it became a member, YYYY-MM-DD.")] = None,
    website: Annotated[str | None, typer.Option(help='Web address ("" clears it).')] = None,
    status: Annotated[
        str | None,
        typer.Option(help="member, prospect or partner.", autocompletion=complete_org_status),
    ] = None,
    note: Annotated[str | None, typer.Option(help='A free-text note ("" clears it).')] = None,
) -> None:
    """Change an organisation's details; an empty value ("") clears an optional one."""
    from psi.domain.organisation import field_words
    from psi.services import orgs

    given = {
        "name": new_name,
        "short": short,
        "sector": sector,
        "orgnr": orgnr,
        "municipality": municipality,
        "joined": joined,
        "website": website,
        "status": status,
        "note": note,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    with _municipality_as_typed(municipality), session(ctx) as db:
        view, changed = orgs.edit_org(db, name, changes)
    fields = field_words(changed)
    if len(fields) == 1:
        console.success(_("Changed the {field} of {name}.").format(field=fields[0], name=view.name))
    elif fields:
        console.success(
            _("Changed the {fields} and {last} of {name}.").format(
                fields=", ".join(fields[:-1]), last=fields[-1], name=view.name
            )
        )
    else:
        console.say(_("Nothing changed: {name} already had those values.").format(name=view.name))


@app.command("join", epilog='Example: psi org join "Nora Idrottsförening" --on 2026-03-10')
def join(
    ctx: typer.Context,
    name: NameArg,
    on: On = None,
) -> None:
    """Record that a prospect (or partner, or former member) became a member."""
    from psi.services import orgs

    day = day_or_today(on, what=NC_("what", "joined date"))
    with session(ctx) as db:
        view = orgs.join_org(db, name, day)
    console.success(_("{name} is a member from {day}.").format(name=view.name, day=day.isoformat()))


@app.command("leave", epilog='Example: psi org leave "Nora Idrottsförening" --on 2026-12-31')
def leave(
    ctx: typer.Context,
    name: NameArg,
    on: On = None,
) -> None:
    """Record that an organisation left the partnership; its history stays."""
    from psi.services import orgs

    day = day_or_today(on, what=NC_("what", "left date"))
    with session(ctx) as db:
        view = orgs.leave_org(db, name, day)
    if day > date.today():
        console.success(
            _(
                "{name} leaves on {day}; it is a member until then, "
                "and stays in the register as former after."
            ).format(name=view.name, day=day.isoformat())
        )
    else:
        console.success(
            _("{name} left on {day}; it stays in the register as former.").format(
                name=view.name, day=day.isoformat()
            )
        )


@app.command("remove", epilog='Example: psi org remove "Nora Idrotsförening" --yes')
def remove(
    ctx: typer.Context,
    name: NameArg,
    yes: Yes = False,
) -> None:
    """Delete an entry made by mistake; one that anything refers to is never deleted."""
    from psi.services import orgs

    with session(ctx, write=False) as db:
        target = orgs.find_org(db, name).name
    view = delete_when_confirmed(
        ctx,
        _("Delete {name} from the register?").format(name=target),
        lambda db: orgs.remove_org(db, target),
        yes=yes,
    )
    console.success(_("Deleted {name}.").format(name=view.name))


@app.command(
    "import",
    epilog="Example: psi org import medlemmar.csv --update --dry-run",
)
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A CSV file: header row; ; or , between cells. With --update, also the JSON "
            "file `psi org export --format json` writes."
        ),
    ],
    dry_run: DryRun = False,
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Correct organisations already in the register from the file (matched by "
            "organisationsnummer, else by name); shows each change.",
        ),
    ] = False,
    add_new: Annotated[
        bool,
        typer.Option(
            "--add-new",
            help="With --update: add the rows that match no organisation, instead of refusing.",
        ),
    ] = False,
) -> None:
    """Import organisations from a CSV file, all rows or none.

    Columns: name and sector are required; short, status, orgnr, municipality, joined, left,
    website and note may follow (Swedish headers such as namn, sektor, kommun work too).

    With --update, the file corrects the register (say, one exported with `psi org export`
    and edited in Excel): each row is matched to an organisation by organisationsnummer, else
    by name; an empty cell clears its field and a column left out is kept. A row that matches
    nothing is refused unless --add-new. Status, joined and left change too, when they tell
    one story (a former member has a left date)."""
    if add_new and not update:
        raise InvalidInput(
            _("--add-new goes with --update; a plain `psi org import FILE` adds every row.")
        )
    if not file.is_file():
        raise FileProblem(
            _("{file} is not a file; give the path of a .csv file.").format(file=file)
        )
    if update:
        _update_from(ctx, file, add_new=add_new, dry_run=dry_run)
        return
    if file.suffix.casefold() == ".json":
        raise InvalidInput(
            _(
                "A new register is imported from CSV; to correct the register from {name}, "
                "type: psi org import {file} --update."
            ).format(name=file.name, file=file)
        )
    from psi.services import register_file

    rows = max(0, len(file.read_bytes().splitlines()) - 1)
    with session(ctx) as db, console.progress(_("Importing"), rows) as advance:
        result = register_file.import_register(db, file, dry_run=dry_run, progress=advance)
    if dry_run:
        console.say(_rows_are_good(result.imported))
    else:
        console.success(
            ngettext(
                "Imported {n} organisation.", "Imported {n} organisations.", result.imported
            ).format(n=result.imported)
        )


def _rows_are_good(count: int) -> str:
    """What a --dry-run import says when every row of the file passes."""
    return ngettext(
        "The {n} row is good; run without --dry-run to import it.",
        "All {n} rows are good; run without --dry-run to import them.",
        count,
    ).format(n=count)


def _update_from(ctx: typer.Context, file: Path, *, add_new: bool, dry_run: bool) -> None:
    """`psi org import FILE --update`: say each change, then what was (or would be) done."""
    from psi.domain.organisation import describe_changes
    from psi.services import orgs

    with session(ctx) as db:
        result = orgs.update_register(db, file, add_new=add_new, dry_run=dry_run)
    for item in result.updates:
        if item.added is None:
            console.say(f"{item.name}: {describe_changes(item.changes)}")
        else:
            fields = item.added
            console.say(
                _("{name}: new ({sector}, {status})").format(
                    name=item.name,
                    sector=sector_word(fields.sector),
                    status=interface_term(ORG_STATUS, fields.status),
                )
            )
    if not result.updates:
        console.say(
            ngettext(
                "No changes: the {n} organisation in {file} is as the register has it.",
                "No changes: the {n} organisations in {file} are as the register has them.",
                result.unchanged,
            ).format(n=result.unchanged, file=file.name)
        )
        return
    if dry_run:
        console.say(_would_update(result.changed, result.added, result.unchanged))
    else:
        console.success(_updated(result.changed, result.added, result.unchanged))


def _new_organisations(added: int) -> str:
    return ngettext("{n} new organisation", "{n} new organisations", added).format(n=added)


def _would_update(changed: int, added: int, unchanged: int) -> str:
    """What `psi org import --update --dry-run` would do, in one line."""
    if changed and added:
        line = ngettext(
            "{n} organisation would change and {added} would be added; {unchanged} stay as "
            "they are. Nothing was written; run without --dry-run to apply.",
            "{n} organisations would change and {added} would be added; {unchanged} stay as "
            "they are. Nothing was written; run without --dry-run to apply.",
            changed,
        )
    elif changed:
        line = ngettext(
            "{n} organisation would change; {unchanged} stay as they are. Nothing was "
            "written; run without --dry-run to apply.",
            "{n} organisations would change; {unchanged} stay as they are. Nothing was "
            "written; run without --dry-run to apply.",
            changed,
        )
    else:
        line = ngettext(
            "{n} new organisation would be added; {unchanged} stay as they are. Nothing was "
            "written; run without --dry-run to apply.",
            "{n} new organisations would be added; {unchanged} stay as they are. Nothing was "
            "written; run without --dry-run to apply.",
            added,
        )
    count = changed or added
    return line.format(n=count, added=_new_organisations(added), unchanged=unchanged)


def _updated(changed: int, added: int, unchanged: int) -> str:
    """What `psi org import --update` did, in one line."""
    if changed and added:
        line = ngettext(
            "Updated {n} organisation and added {added}; {unchanged} unchanged.",
            "Updated {n} organisations and added {added}; {unchanged} unchanged.",
            changed,
        )
    elif changed:
        line = ngettext(
            "Updated {n} organisation; {unchanged} unchanged.",
            "Updated {n} organisations; {unchanged} unchanged.",
            changed,
        )
    else:
        line = ngettext(
            "Added {n} new organisation; {unchanged} unchanged.",
            "Added {n} new organisations; {unchanged} unchanged.",
            added,
        )
    count = changed or added
    return line.format(n=count, added=_new_organisations(added), unchanged=unchanged)


EXPORT_FORMATS = ("csv", "json")
EXPORT_SUFFIXES = {".csv": "csv", ".json": "json"}


@app.command("export", epilog="Example: psi org export -o medlemmar.csv")
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="File to write; standard output if left out."
        ),
    ] = None,
    file_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="csv (for Excel) or json; if left out, the one the --output file name ends "
            "with, else csv.",
            show_default=False,
            autocompletion=complete_export_format,
        ),
    ] = None,
) -> None:
    """Export the whole register, former members too, as CSV for Excel or as JSON."""
    from psi.services import register_file

    typed = file_format.strip().casefold() if file_format is not None else None
    if typed is not None and typed not in EXPORT_FORMATS:
        raise InvalidInput(
            _("'{format}' is not an export format; use --format csv or --format json.").format(
                format=file_format
            )
        )
    chosen = format_for_file(typed, output, EXPORT_SUFFIXES, "csv")
    with session(ctx, write=False) as db:
        text = register_file.export_register(db, chosen)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_private(output, text)
    console.success(_("Wrote {file}.").format(file=output))


@app.command("prospects", epilog="Example: psi org prospects --json")
def prospects(
    ctx: typer.Context,
    as_json: AsJson = False,
) -> None:
    """List prospective members with their recruitment contacts and the days since the last."""
    from datetime import date

    from psi.services.activities import prospects as list_prospects
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        views = list_prospects(db, date.today())
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            _("No prospects. Add one: psi org add NAME --sector civil-society --status prospect")
        )
        return
    rows = [
        [
            v.name,
            v.municipality or "",
            str(v.contacts),
            v.last_contact.isoformat() if v.last_contact else _("never"),
            str(v.days_since) if v.days_since is not None else "",
        ]
        for v in views
    ]
    headings = [
        pgettext("table heading", "Prospect"),
        pgettext("table heading", "Municipality"),
        pgettext("table heading", "Contacts"),
        pgettext("table heading", "Last contact"),
        pgettext("table heading", "Days since"),
    ]
    console.print_table(headings, rows)
    console.say(
        _(
            'Log a contact: psi log add recruitment "TEXT" --org NAME. '
            "A prospect joins: psi org join NAME."
        )
    )
