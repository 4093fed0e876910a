"""`psi contact`: contact persons at the member organisations (personal data)."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.errors import Aborted

app = typer.Typer(
    help="Keep the contact persons of the organisations, and erase them on request (GDPR).",
    epilog="Example: psi contact list activa",
    no_args_is_help=True,
)


@app.command(
    "add",
    epilog='Example: psi contact add "Örebro Föreningsråd" "Anna Andersson" --email anna@example.se --role ordförande',
)
def add(
    ctx: typer.Context,
    org: Annotated[str, typer.Argument(help="The organisation: full name, short name or prefix.")],
    name: Annotated[str, typer.Argument(help="The person's name, in quotes.")],
    email: Annotated[str | None, typer.Option(help="E-mail address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Phone number, e.g. 019-123 45 67.")] = None,
    role: Annotated[
        str | None, typer.Option(help="Role, e.g. ordförande or verksamhetsledare.")
    ] = None,
) -> None:
    """Add a contact person to an organisation."""
    from psi.services import contacts

    with session(ctx) as db:
        view = contacts.add_contact(db, org, name, email=email, phone=phone, role=role)
    console.success(f"Added {view.name} as a contact person at {view.organisation}.")


@app.command("list", epilog='Example: psi contact list "Örebro Föreningsråd"')
def list_(
    ctx: typer.Context,
    org: Annotated[str | None, typer.Argument(help="Only this organisation's contacts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List contact persons, of every organisation or of one."""
    from psi.services import contacts

    with session(ctx, write=False) as db:
        views = contacts.list_contacts(db, org)
    if as_json:
        console.print_json([view.to_json() for view in views])
        return
    if not views:
        console.say("No contact persons yet. Add one with `psi contact add ORG NAME --email ...`.")
        return
    rows = [[v.organisation, v.name, v.role or "", v.email or "", v.phone or ""] for v in views]
    console.print_table(["Organisation", "Name", "Role", "E-mail", "Phone"], rows)


@app.command("forget", epilog="Example: psi contact forget anna@example.se --yes")
def forget(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="The person's name or e-mail address.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a person's data everywhere (GDPR); only an anonymous count is kept."""
    from psi.services import contacts

    if not yes and not typer.confirm(
        f"Erase every record of {who}? This cannot be undone.", default=False
    ):
        raise Aborted("Nothing was erased.")
    with session(ctx) as db:
        result = contacts.forget_contact(db, who)
    console.success(
        f"Erased {result.records} record(s) at {result.organisations} organisation(s); "
        "only an anonymous count remains."
    )
