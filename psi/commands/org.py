"""`psi org`: the organisation register."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import confirm, day_or_today, session
from psi.commands._options import AsJson, DryRun, On, Yes
from psi.domain.orgnr import orgnr_group
from psi.errors import FileProblem, InvalidInput
from psi.files import write_private

if TYPE_CHECKING:
    from psi.services.orgs import OrgView

app = typer.Typer(
    help="Keep the register of member organisations, prospects and partners.",
    epilog="Example: psi org list --sector civil-society",
    no_args_is_help=True,
)

NameArg = Annotated[
    str, typer.Argument(help="The organisation: full name, short name or a unique prefix.")
]
SectorHelp = "civil-society, municipality, region, state, academia, business or other."
MunicipalityHelp = (
    "A kommun in Örebro län (any case, å/ä/ö optional: orebro), or other:NAME outside it."
)


@app.command(
    "add",
    epilog='Example: psi org add "Nora Idrottsförening" --sector civil-society --municipality nora --joined 2026-03-10',
)
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The organisation's full name, in quotes.")],
    sector: Annotated[str, typer.Option("--sector", "-s", help=SectorHelp)],
    short: Annotated[
        str | None, typer.Option(help="A short name to type instead (e.g. ÖFR).")
    ] = None,
    orgnr: Annotated[str | None, typer.Option(help="Organisationsnummer, NNNNNN-NNNN.")] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help=MunicipalityHelp)
    ] = None,
    joined: Annotated[str | None, typer.Option(help="Date it became a member, YYYY-MM-DD.")] = None,
    website: Annotated[str | None, typer.Option(help="Web address, e.g. www.example.se.")] = None,
    status: Annotated[str, typer.Option(help="member, prospect or partner.")] = "member",
    note: Annotated[str | None, typer.Option(help="A free-text note.")] = None,
) -> None:
    """Add an organisation to the register."""
    from psi.domain.organisation import OrgInput
    from psi.services import orgs

    raw = OrgInput(name, sector, status, short, orgnr, municipality, joined, None, website, note)
    with session(ctx) as db:
        view = orgs.add_org(db, raw)
    console.success(f"Added {view.name} ({view.sector}, {view.status}).")


def _row(view: OrgView) -> list[str]:
    return [
        view.name,
        view.short or "",
        view.sector,
        view.municipality_label,
        view.status,
        view.joined.isoformat() if view.joined else "",
    ]


@app.command("list", epilog="Example: psi org list --municipality orebro --status member")
def list_(
    ctx: typer.Context,
    sector: Annotated[
        str | None, typer.Option("--sector", "-s", help=f"Only this sector: {SectorHelp}")
    ] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help="Only this kommun.")
    ] = None,
    status: Annotated[
        str,
        typer.Option(help="member, prospect, partner, former, all, or active (all but former)."),
    ] = "active",
    as_json: AsJson = False,
) -> None:
    """List the register: every organisation that has not left, unless filtered."""
    from psi.services import orgs
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        views = orgs.list_orgs(db, sector=sector, municipality=municipality, status=status)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            "No organisations match. Add one with `psi org add` or load a list with `psi org import`."
        )
        return
    headers = ["Name", "Short", "Sector", "Municipality", "Status", "Joined"]
    console.print_table(headers, [_row(view) for view in views])
    console.say(f"{len(views)} organisation{'s' if len(views) != 1 else ''}.")


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
    pairs = [
        ("Name", org.name),
        ("Short name", org.short or "-"),
        ("Sector", org.sector),
        ("Status", org.status),
        ("Organisationsnummer", f"{org.orgnr} ({orgnr_group(org.orgnr)})" if org.orgnr else "-"),
        ("Municipality", org.municipality_label or "-"),
        ("Joined", org.joined.isoformat() if org.joined else "-"),
        ("Left", org.left.isoformat() if org.left else "-"),
        ("Website", org.website or "-"),
        ("Note", org.note or "-"),
    ]
    if detail.meetings_attended:
        pairs.append(("Meetings attended", str(detail.meetings_attended)))
    if detail.coordinated:
        years = ", ".join(f"{year} ({role})" for year, role in detail.coordinated)
        pairs.append(("Coordinated", years))
    console.print_fields(pairs)
    console.say("")
    if detail.contacts:
        rows = [[c.name, c.role or "", c.email or "", c.phone or ""] for c in detail.contacts]
        console.print_table(["Contact", "Role", "E-mail", "Phone"], rows)
    else:
        console.say(
            f'No contact persons. Add one with `psi contact add "{org.name}" NAME --email ...`.'
        )
    if detail.erased_contacts:
        console.say(f"{detail.erased_contacts} contact record(s) erased on request (GDPR).")


@app.command(
    "edit",
    epilog='Example: psi org edit "Örebro Föreningsråd" --short ÖFR --website www.example.se',
)
def edit(
    ctx: typer.Context,
    name: NameArg,
    new_name: Annotated[str | None, typer.Option("--name", help="A new full name.")] = None,
    short: Annotated[str | None, typer.Option(help='A new short name ("" clears it).')] = None,
    sector: Annotated[str | None, typer.Option("--sector", "-s", help=SectorHelp)] = None,
    orgnr: Annotated[str | None, typer.Option(help='Organisationsnummer ("" clears it).')] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", "-m", help=MunicipalityHelp)
    ] = None,
    joined: Annotated[str | None, typer.Option(help="Date it became a member, YYYY-MM-DD.")] = None,
    website: Annotated[str | None, typer.Option(help='Web address ("" clears it).')] = None,
    status: Annotated[str | None, typer.Option(help="member, prospect or partner.")] = None,
    note: Annotated[str | None, typer.Option(help='A free-text note ("" clears it).')] = None,
) -> None:
    """Change an organisation's details; an empty value ("") clears an optional one."""
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
    with session(ctx) as db:
        view, changed = orgs.edit_org(db, name, changes)
    if changed:
        console.success(f"Changed {', '.join(changed)} of {view.name}.")
    else:
        console.say(f"Nothing changed: {view.name} already had those values.")


@app.command("join", epilog='Example: psi org join "Nora Idrottsförening" --on 2026-03-10')
def join(
    ctx: typer.Context,
    name: NameArg,
    on: On = None,
) -> None:
    """Record that a prospect (or partner, or former member) became a member."""
    from psi.services import orgs

    day = day_or_today(on, what="joined date")
    with session(ctx) as db:
        view = orgs.join_org(db, name, day)
    console.success(f"{view.name} is a member from {day.isoformat()}.")


@app.command("leave", epilog='Example: psi org leave "Nora Idrottsförening" --on 2026-12-31')
def leave(
    ctx: typer.Context,
    name: NameArg,
    on: On = None,
) -> None:
    """Record that an organisation left the partnership; its history stays."""
    from psi.services import orgs

    day = day_or_today(on, what="left date")
    with session(ctx) as db:
        view = orgs.leave_org(db, name, day)
    if day > date.today():
        console.success(
            f"{view.name} leaves on {day.isoformat()}; it is a member until then, "
            "and stays in the register as former after."
        )
    else:
        console.success(
            f"{view.name} left on {day.isoformat()}; it stays in the register as former."
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
    confirm(f"Delete {target} from the register?", yes=yes, declined="Nothing was deleted.")
    with session(ctx) as db:
        view = orgs.remove_org(db, target)
    console.success(f"Deleted {view.name}.")


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
            "--add-new goes with --update; a plain `psi org import FILE` adds every row."
        )
    if not file.is_file():
        raise FileProblem(f"{file} is not a file; give the path of a .csv file.")
    if update:
        _update_from(ctx, file, add_new=add_new, dry_run=dry_run)
        return
    if file.suffix.casefold() == ".json":
        raise InvalidInput(
            f"A new register is imported from CSV; to correct the register from {file.name}, "
            f"type: psi org import {file} --update"
        )
    from psi.services import register_file

    rows = max(0, len(file.read_bytes().splitlines()) - 1)
    with session(ctx) as db, console.progress("Importing", rows) as advance:
        result = register_file.import_register(db, file, dry_run=dry_run, progress=advance)
    if dry_run:
        console.say(f"All {result.imported} rows are good; run without --dry-run to import them.")
    else:
        console.success(f"Imported {result.imported} organisations.")


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
            console.say(f"{item.name}: new ({fields.sector}, {fields.status})")
    if not result.updates:
        console.say(
            f"No changes: the {result.unchanged} organisation(s) in {file.name} are as "
            "the register has them."
        )
        return
    changed = _plural(result.changed, "organisation")
    added = _plural(result.added, "new organisation") if result.added else ""
    if dry_run:
        would = " and ".join(
            part
            for part in (
                f"{changed} would change" if result.changed else "",
                added and f"{added} would be added",
            )
            if part
        )
        console.say(
            f"{would}; {result.unchanged} stay as they are. Nothing was written; "
            "run without --dry-run to apply."
        )
    else:
        done = " and ".join(
            part
            for part in (f"updated {changed}" if result.changed else "", added and f"added {added}")
            if part
        )
        console.success(f"{done[0].upper()}{done[1:]}; {result.unchanged} unchanged.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@app.command("export", epilog="Example: psi org export -o medlemmar.csv")
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write; standard output if left out."),
    ] = None,
    file_format: Annotated[str, typer.Option("--format", help="csv (for Excel) or json.")] = "csv",
) -> None:
    """Export the whole register, former members too, as CSV for Excel or as JSON."""
    from psi.services import register_file

    if file_format not in ("csv", "json"):
        raise InvalidInput(
            f"'{file_format}' is not an export format; use --format csv or --format json."
        )
    with session(ctx, write=False) as db:
        text = register_file.export_register(db, file_format)
    if output is None:
        typer.echo(text, nl=False)
        return
    write_private(output, text)
    console.success(f"Wrote {output}.")


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
            "No prospects. Add one: psi org add NAME --sector civil-society --status prospect"
        )
        return
    rows = [
        [
            v.name,
            v.municipality or "",
            str(v.contacts),
            v.last_contact.isoformat() if v.last_contact else "never",
            str(v.days_since) if v.days_since is not None else "",
        ]
        for v in views
    ]
    console.print_table(
        ["Prospect", "Municipality", "Contacts", "Last contact", "Days since"], rows
    )
    console.say(
        'Log a contact: psi log add recruitment "TEXT" --org NAME. A prospect joins: psi org join NAME.'
    )
