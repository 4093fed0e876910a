"""`psi contact`: contact persons at the member organisations (personal data)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import command_line, confirm, location, session
from psi.commands._options import AsJson, Yes
from psi.errors import DatabaseProblem, InvalidInput

if TYPE_CHECKING:
    from psi.services.contacts import BackupErasure, ErasurePlan, FileCheck

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
    as_json: AsJson = False,
) -> None:
    """List contact persons, of every organisation or of one."""
    from psi.services import contacts
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        views = contacts.list_contacts(db, org)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say("No contact persons yet. Add one with `psi contact add ORG NAME --email ...`.")
        return
    rows = [[v.organisation, v.name, v.role or "", v.email or "", v.phone or ""] for v in views]
    console.print_table(["Organisation", "Name", "Role", "E-mail", "Phone"], rows)


OrgArg = Annotated[str, typer.Argument(help="The organisation: full name, short name or prefix.")]
NameArg = Annotated[str, typer.Argument(help="The person's name as recorded, in quotes.")]


@app.command(
    "edit",
    epilog='Example: psi contact edit bron "Erik Exempelson" --name "Erik Exempelsson" --phone ""',
)
def edit(
    ctx: typer.Context,
    org: OrgArg,
    name: NameArg,
    new_name: Annotated[str | None, typer.Option("--name", help="The corrected name.")] = None,
    role: Annotated[str | None, typer.Option(help='Role, e.g. ordförande; "" for none.')] = None,
    email: Annotated[str | None, typer.Option(help='E-mail address; "" for none.')] = None,
    phone: Annotated[str | None, typer.Option(help='Phone number; "" for none.')] = None,
    as_json: AsJson = False,
) -> None:
    """Correct a contact person: name, role, e-mail address or phone number."""
    from psi.services import contacts
    from psi.services.views import to_json

    with session(ctx) as db:
        result = contacts.edit_contact(
            db, org, name, new_name=new_name, email=email, phone=phone, role=role
        )
    view = result.contact
    if as_json:
        console.print_json(to_json(view))
        return
    if not result.changed:
        console.say(f"{view.name} at {view.organisation} already reads so; nothing changed.")
        return
    changed = result.changed
    words = changed[0] if len(changed) == 1 else f"{', '.join(changed[:-1])} and {changed[-1]}"
    console.success(f"Changed the {words} of {view.name} at {view.organisation}.")


@app.command("remove", epilog='Example: psi contact remove bron "Erik Exempelsson" --yes')
def remove(ctx: typer.Context, org: OrgArg, name: NameArg, yes: Yes = False) -> None:
    """Delete a contact person entered by mistake or no longer there.

    Refused when meetings record them as present. The audit log keeps what was deleted; to
    erase a person everywhere on request (GDPR), use psi contact forget.
    """
    from psi.services import contacts

    with session(ctx, write=False) as db:
        view = contacts.check_removal(db, org, name)
    confirm(
        f"Delete {view.name} as a contact person at {view.organisation}?",
        yes=yes,
        declined="Nothing was deleted.",
    )
    with session(ctx) as db:
        contacts.remove_contact(db, org, name)
    console.success(f"Deleted {view.name} as a contact person at {view.organisation}.")


TABLE_WORDS = {
    "action_item": "action items",
    "activity": "activities",
    "audit_entry": "the audit log",
    "contact": "other contact persons",
    "decision": "decisions",
    "log_entry": "log entries",
    "meeting": "meetings",
    "organisation": "organisations",
}
"""How the summary names a table; any other is named by its table name."""

SHARED_WORDS = {"name": "name", "email": "e-mail address", "phone": "phone number"}


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _it(paths: Sequence[Path]) -> str:
    return "it" if len(paths) == 1 else "them"


def _paths(paths: Sequence[Path]) -> str:
    return ", ".join(str(path) for path in paths)


@app.command(
    "forget",
    epilog="Example: psi contact forget anna@example.se --include-backups",
)
def forget(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="The person's name or e-mail address.")],
    org: Annotated[
        str | None,
        typer.Option(help="The organisation, when several contact persons share the name."),
    ] = None,
    include_backups: Annotated[
        bool,
        typer.Option("--include-backups", help="Erase the person from the backups psi made, too."),
    ] = False,
    yes: Yes = False,
) -> None:
    """Erase a person (GDPR): the contact, every mention, the file's old copies, on request backups.

    Lists every field it changes, keeps an anonymous count per organisation, and names
    the backups made by psi that still hold the person.
    """
    from psi.services import contacts

    where = location(ctx)
    if org is None and not yes:
        with session(ctx, write=False) as db:
            choices = contacts.namesake_organisations(db, who)
        org = _which(who, choices) if choices else None
    with session(ctx, write=False) as db:
        found = contacts.survey(db, where, who, org, include_backups=include_backups)
    expected = None
    if not yes:
        _print_plan(found.plan, done=False)
        if found.backups:
            console.say(
                f"{_plural(len(found.backups), 'backup', 'backups')} made by psi "
                f"{'holds' if len(found.backups) == 1 else 'hold'} the person: "
                f"{_paths(found.backups)}"
                + (
                    f"; {'it is' if len(found.backups) == 1 else 'they are'} erased too."
                    if include_backups
                    else f"; add --include-backups to erase {_it(found.backups)} too."
                )
            )
        confirm(
            "Erase all of this? This cannot be undone.", yes=False, declined="Nothing was erased."
        )
        expected = found.plan
    with session(ctx) as db:
        done = contacts.erase_person(db, who, org, expected=expected)
    if yes:
        _print_plan(done, done=True)
    check = contacts.clean_files(where, done.searched)
    backups = (
        contacts.erase_from_backups(found.backups, who, org, done.person, command_line(ctx))
        if include_backups
        else []
    )
    _report(done, check, found.backups, backups)


def _which(who: str, organisations: Sequence[str]) -> str | None:
    """Ask which of several people with the name is meant, by their organisation; None
    when nobody answers (the erasure then says to add --org)."""
    console.print_table(
        ["#", "Organisation"],
        [[str(number), name] for number, name in enumerate(organisations, start=1)],
        title=f"Several contact persons are called {who} (choose with --org ORG):",
    )
    try:
        answer: int = typer.prompt(f"Which one (1-{len(organisations)})?", type=int)
    except typer.Abort:
        typer.echo()  # end the question's line
        return None
    if not 1 <= answer <= len(organisations):
        raise InvalidInput(
            f"{answer} is not one of 1-{len(organisations)}; nothing was erased. "
            f'Run again with --org ORG, e.g. --org "{organisations[0]}".'
        )
    return organisations[answer - 1]


def _print_plan(plan: ErasurePlan, *, done: bool) -> None:
    from psi.domain.erasure import MARKER

    if plan.contacts:
        rows = [[c.name, c.organisation, c.email or "", c.phone or ""] for c in plan.contacts]
        console.print_table(
            ["Name", "Organisation", "E-mail", "Phone"],
            rows,
            title="Erased these contact persons:" if done else "Contact persons to erase:",
        )
    if plan.fields:
        console.print_table(
            ["Table", "Row", "Field", "Mentions"],
            [[f.table, f.row, f.field, str(f.mentions)] for f in plan.fields],
            title=(
                f"Replaced each mention with {MARKER} in these fields:"
                if done
                else f"Fields that mention the person; each mention becomes {MARKER}:"
            ),
        )
    if plan.is_empty:
        console.say(f"Nothing in the register holds {plan.who} any more.")


def _report(
    plan: ErasurePlan,
    check: FileCheck,
    held: Sequence[Path],
    backups: Sequence[BackupErasure],
) -> None:
    """The closing message: what was erased, and truthfully what remains and where."""
    # The audit log last: "in decisions, log entries and the audit log".
    order = sorted(
        dict.fromkeys(f.table for f in plan.fields), key=lambda t: (t == "audit_entry", t)
    )
    tables = [TABLE_WORDS.get(table, table.replace("_", " ")) for table in order]
    mentions = _plural(plan.mentions, "mention", "mentions")
    if plan.contacts:
        text = (
            f"Erased {plan.who}: {_plural(len(plan.contacts), 'contact person', 'contact persons')} "
            f"at {_plural(plan.organisations, 'organisation', 'organisations')}"
        )
        text += f", and {mentions} in {_listed(tables)}." if tables else "."
        console.success(text + " An anonymous count remains.")
    elif tables:
        console.success(f"Erased {mentions} of {plan.who} in {_listed(tables)}.")
    if plan.namesakes:
        kept = "; ".join(f"{c.name} at {c.organisation}" for c in plan.namesakes)
        shared = dict.fromkeys(SHARED_WORDS[field] for c in plan.namesakes for field in c.shares)
        count = len(plan.namesakes)
        console.say(
            f"{_plural(count, 'other contact person', 'other contact persons')} "
            f"{'has' if count == 1 else 'have'} the same {' or '.join(shared)} and "
            f"{'was' if count == 1 else 'were'} kept: {kept}."
        )
    if check.path is None:
        console.say(
            "On the server, old versions of the changed rows remain until PostgreSQL vacuums "
            "them, and in the server's own logs and backups."
        )
    else:
        if not check.wal_emptied:
            wal = () if check.wal is None else (check.wal,)
            console.say(
                f"Old copies remain in {_paths(check.holding or wal)} because another program "
                "is reading the database; close it and run this command again to empty them."
            )
        elif check.holding:
            console.say(f"{_paths(check.holding)} still hold traces psi could not erase.")
        if check.clean:
            rebuilt = " (the file was rebuilt to clear old free pages)" if check.vacuumed else ""
            console.say(
                f"The database file and its write-ahead log hold no trace of them{rebuilt}."
            )
    _report_backups(held, backups)


def _report_backups(held: Sequence[Path], backups: Sequence[BackupErasure]) -> None:
    if not backups:
        if held:
            count = len(held)
            console.say(
                f"{_plural(count, 'backup', 'backups')} made by psi still "
                f"{'holds' if count == 1 else 'hold'} the person: {_paths(held)}; "
                f"run again with --include-backups to erase {_it(held)} too."
            )
        else:
            console.say("No backup made by psi holds the person.")
    else:
        clean = [b.path for b in backups if b.clean]
        if clean:
            console.say(
                f"Erased the person from {_plural(len(clean), 'backup', 'backups')} made by psi: "
                f"{_paths(clean)}."
            )
        for backup in backups:
            if backup.problem is None and not backup.clean and backup.check is not None:
                console.say(f"{backup.path} still holds traces of the person after the erasure.")
    console.say(
        "Copies psi did not name itself (psi db backup FILE, copies made elsewhere) "
        "were not searched."
    )
    failed = [b for b in backups if b.problem is not None]
    if failed:
        reasons = "; ".join(f"{b.path}: {b.problem}" for b in failed)
        raise DatabaseProblem(
            f"The person was not erased from {_plural(len(failed), 'backup', 'backups')}: {reasons}"
        )
