"""`psi contact`: contact persons at the member organisations (personal data)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import command_line, confirm, delete_when_confirmed, location, session
from psi.commands._options import AsJson, Yes
from psi.completion import complete_organisation
from psi.errors import DatabaseProblem, InvalidInput
from psi.words import NC_, _, ngettext, pgettext

if TYPE_CHECKING:
    from psi.services.contacts import BackupErasure, ErasurePlan, FileCheck

app = typer.Typer(
    help="Keep the contact persons of the organisations, and erase them on request (GDPR).",
    epilog="Example: psi contact list activa",
    no_args_is_help=True,
    add_completion=False,
)


@app.command(
    "add",
    epilog='Example: psi contact add "Örebro Föreningsråd" "Anna Andersson" --email anna@example.se --role ordförande',
)
def add(
    ctx: typer.Context,
    org: Annotated[
        str,
        typer.Argument(
            help="The organisation: full name, short name or prefix.",
            autocompletion=complete_organisation,
        ),
    ],
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
    console.success(
        _("Added {name} as a contact person at {organisation}.").format(
            name=view.name, organisation=view.organisation
        )
    )


@app.command("list", epilog='Example: psi contact list "Örebro Föreningsråd"')
def list_(
    ctx: typer.Context,
    org: Annotated[
        str | None,
        typer.Argument(
            help="Only this organisation's contacts.", autocompletion=complete_organisation
        ),
    ] = None,
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
        console.say(
            _("No contact persons yet. Add one with `psi contact add ORG NAME --email ...`.")
        )
        return
    rows = [[v.organisation, v.name, v.role or "", v.email or "", v.phone or ""] for v in views]
    headers = [
        pgettext("table heading", "Organisation"),
        pgettext("table heading", "Name"),
        pgettext("table heading", "Role"),
        pgettext("table heading", "E-mail"),
        pgettext("table heading", "Phone"),
    ]
    console.print_table(headers, rows)


OrgArg = Annotated[
    str,
    typer.Argument(
        help="The organisation: full name, short name or prefix.",
        autocompletion=complete_organisation,
    ),
]
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
        console.say(
            _("{name} at {organisation} already reads so; nothing changed.").format(
                name=view.name, organisation=view.organisation
            )
        )
        return
    console.success(_changed_text(result.changed, view.name, view.organisation))


def _changed_text(changed: Sequence[str], name: str, organisation: str) -> str:
    """Which of a contact person's fields an edit changed (each field's word from
    psi.domain.contact.FIELD_WORDS)."""
    fields = [pgettext("contact field", word) for word in changed]
    texts = {
        1: _("Changed the {first} of {name} at {organisation}."),
        2: _("Changed the {first} and {second} of {name} at {organisation}."),
        3: _("Changed the {first}, {second} and {third} of {name} at {organisation}."),
        4: _("Changed the {first}, {second}, {third} and {fourth} of {name} at {organisation}."),
    }
    places = dict(zip(("first", "second", "third", "fourth"), fields, strict=False))
    return texts[len(fields)].format(name=name, organisation=organisation, **places)


@app.command("remove", epilog='Example: psi contact remove bron "Erik Exempelsson" --yes')
def remove(ctx: typer.Context, org: OrgArg, name: NameArg, yes: Yes = False) -> None:
    """Delete a contact person entered by mistake or no longer there.

    Refused when meetings record them as present. The audit log keeps what was deleted; to
    erase a person everywhere on request (GDPR), use psi contact forget.
    """
    from psi.services import contacts

    with session(ctx, write=False) as db:
        view = contacts.check_removal(db, org, name)
    names = {"name": view.name, "organisation": view.organisation}
    delete_when_confirmed(
        ctx,
        _("Delete {name} as a contact person at {organisation}?").format(**names),
        lambda db: contacts.remove_contact(db, org, name),
        yes=yes,
    )
    console.success(_("Deleted {name} as a contact person at {organisation}.").format(**names))


TABLE_WORDS = {
    "action_item": NC_("erased in", "action items"),
    "activity": NC_("erased in", "activities"),
    "activity_request": NC_("erased in", "activity requests"),
    "allocation": NC_("erased in", "allocations"),
    "attendance": NC_("erased in", "attendance"),
    "audit_entry": NC_("erased in", "the audit log"),
    "budget_grant": NC_("erased in", "grants"),
    "co_funding": NC_("erased in", "co-funding"),
    "contact": NC_("erased in", "other contact persons"),
    "coordinator_term": NC_("erased in", "coordinator terms"),
    "decision": NC_("erased in", "decisions"),
    "erasure": NC_("erased in", "erasures"),
    "expense": NC_("erased in", "expenses"),
    "goal": NC_("erased in", "goals"),
    "history_entry": NC_("erased in", "history entries"),
    "inquiry": NC_("erased in", "inquiries"),
    "log_entry": NC_("erased in", "log entries"),
    "meeting": NC_("erased in", "meetings"),
    "meeting_correction": NC_("erased in", "meeting corrections"),
    "operations_plan": NC_("erased in", "plans"),
    "organisation": NC_("erased in", "organisations"),
    "setting": NC_("erased in", "settings"),
}
"""How the summary names a table (in the catalogue's context "erased in"); any other is
named by its table name."""


def _table_words(table: str) -> str:
    english = TABLE_WORDS.get(table)
    return table.replace("_", " ") if english is None else pgettext("erased in", english)


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
        typer.Option(
            help="The organisation, when several contact persons share the name.",
            autocompletion=complete_organisation,
        ),
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
            count = len(found.backups)
            if include_backups:
                text = ngettext(
                    "{n} backup made by psi holds the person: {files}; it is erased too.",
                    "{n} backups made by psi hold the person: {files}; they are erased too.",
                    count,
                )
            else:
                text = ngettext(
                    "{n} backup made by psi holds the person: {files}; "
                    "add --include-backups to erase it too.",
                    "{n} backups made by psi hold the person: {files}; "
                    "add --include-backups to erase them too.",
                    count,
                )
            console.say(text.format(n=count, files=_paths(found.backups)))
        confirm(
            _("Erase all of this? This cannot be undone."),
            yes=False,
            declined=_("Nothing was erased."),
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
        ["#", pgettext("table heading", "Organisation")],
        [[str(number), name] for number, name in enumerate(organisations, start=1)],
        title=_("Several contact persons are called {name} (choose with --org ORG):").format(
            name=who
        ),
    )
    try:
        answer: int = typer.prompt(
            _("Which one (1-{last})?").format(last=len(organisations)), type=int
        )
    except typer.Abort:
        typer.echo()  # end the question's line
        return None
    if not 1 <= answer <= len(organisations):
        raise InvalidInput(
            _(
                "{answer} is not one of 1-{last}; nothing was erased. "
                'Run again with --org ORG, e.g. --org "{organisation}".'
            ).format(answer=answer, last=len(organisations), organisation=organisations[0])
        )
    return organisations[answer - 1]


def _print_plan(plan: ErasurePlan, *, done: bool) -> None:
    from psi.domain.erasure import MARKER

    if plan.contacts:
        rows = [[c.name, c.organisation, c.email or "", c.phone or ""] for c in plan.contacts]
        console.print_table(
            [
                pgettext("table heading", "Name"),
                pgettext("table heading", "Organisation"),
                pgettext("table heading", "E-mail"),
                pgettext("table heading", "Phone"),
            ],
            rows,
            title=_("Erased these contact persons:") if done else _("Contact persons to erase:"),
        )
    if plan.fields:
        title = (
            _("Replaced each mention with {marker} in these fields:")
            if done
            else _("Fields that mention the person; each mention becomes {marker}:")
        )
        console.print_table(
            [
                pgettext("table heading", "Table"),
                pgettext("table heading", "Row"),
                pgettext("table heading", "Field"),
                pgettext("table heading", "Mentions"),
            ],
            [[f.table, f.row, f.field, str(f.mentions)] for f in plan.fields],
            title=title.format(marker=MARKER),
        )
    if plan.is_empty:
        console.say(_("Nothing in the register holds {name} any more.").format(name=plan.who))


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
    tables = ", ".join(_table_words(table) for table in order)
    if plan.contacts:
        values = {
            "name": plan.who,
            # Three counts in one sentence: each counted word is its own plural.
            "contacts": ngettext(
                "{n} contact person", "{n} contact persons", len(plan.contacts)
            ).format(n=len(plan.contacts)),
            "organisations": ngettext(
                "{n} organisation", "{n} organisations", plan.organisations
            ).format(n=plan.organisations),
            "mentions": ngettext("{n} mention", "{n} mentions", plan.mentions).format(
                n=plan.mentions
            ),
            "tables": tables,
        }
        if tables:
            text = _(
                "Erased {name}: {contacts} at {organisations}, and {mentions} in {tables}. "
                "An anonymous count remains."
            )
        else:
            text = _("Erased {name}: {contacts} at {organisations}. An anonymous count remains.")
        console.success(text.format(**values))
    elif tables:
        console.success(
            ngettext(
                "Erased {n} mention of {name} in {tables}.",
                "Erased {n} mentions of {name} in {tables}.",
                plan.mentions,
            ).format(n=plan.mentions, name=plan.who, tables=tables)
        )
    if plan.namesakes:
        console.say(_namesakes_text(plan))
    if check.path is None:
        console.say(
            _(
                "On the server, old versions of the changed rows remain until PostgreSQL vacuums "
                "them, and in the server's own logs and backups."
            )
        )
    else:
        if not check.wal_emptied:
            wal = () if check.wal is None else (check.wal,)
            console.say(
                _(
                    "Old copies remain in {files} because another program is reading the "
                    "database; close it and run this command again to empty them."
                ).format(files=_paths(check.holding or wal))
            )
        elif check.holding:
            console.say(
                ngettext(
                    "{files} still holds traces psi could not erase.",
                    "{files} still hold traces psi could not erase.",
                    len(check.holding),
                ).format(files=_paths(check.holding))
            )
        if check.clean:
            if check.vacuumed:
                text = _(
                    "The database file and its write-ahead log hold no trace of them "
                    "(the file was rebuilt to clear old free pages)."
                )
            else:
                text = _("The database file and its write-ahead log hold no trace of them.")
            console.say(text)
    _report_backups(held, backups)


def _namesakes_text(plan: ErasurePlan) -> str:
    """The other contact persons kept because their own name, address or phone is the
    erased person's: how many, what they share, and who they are."""
    shares = {field for c in plan.namesakes for field in c.shares}
    shared = tuple(field for field in ("name", "email", "phone") if field in shares)
    count = len(plan.namesakes)
    texts = {
        ("name",): ngettext(
            "{n} other contact person has the same name and was kept: {kept}.",
            "{n} other contact persons have the same name and were kept: {kept}.",
            count,
        ),
        ("email",): ngettext(
            "{n} other contact person has the same e-mail address and was kept: {kept}.",
            "{n} other contact persons have the same e-mail address and were kept: {kept}.",
            count,
        ),
        ("phone",): ngettext(
            "{n} other contact person has the same phone number and was kept: {kept}.",
            "{n} other contact persons have the same phone number and were kept: {kept}.",
            count,
        ),
        ("name", "email"): ngettext(
            "{n} other contact person has the same name or e-mail address and was kept: {kept}.",
            "{n} other contact persons have the same name or e-mail address and were kept: {kept}.",
            count,
        ),
        ("name", "phone"): ngettext(
            "{n} other contact person has the same name or phone number and was kept: {kept}.",
            "{n} other contact persons have the same name or phone number and were kept: {kept}.",
            count,
        ),
        ("email", "phone"): ngettext(
            "{n} other contact person has the same e-mail address or phone number and was "
            "kept: {kept}.",
            "{n} other contact persons have the same e-mail address or phone number and were "
            "kept: {kept}.",
            count,
        ),
        ("name", "email", "phone"): ngettext(
            "{n} other contact person has the same name, e-mail address or phone number and "
            "was kept: {kept}.",
            "{n} other contact persons have the same name, e-mail address or phone number and "
            "were kept: {kept}.",
            count,
        ),
    }
    kept = "; ".join(
        _("{name} at {organisation}").format(name=c.name, organisation=c.organisation)
        for c in plan.namesakes
    )
    return texts[shared].format(n=count, kept=kept)


def _report_backups(held: Sequence[Path], backups: Sequence[BackupErasure]) -> None:
    if not backups:
        if held:
            console.say(
                ngettext(
                    "{n} backup made by psi still holds the person: {files}; "
                    "run again with --include-backups to erase it too.",
                    "{n} backups made by psi still hold the person: {files}; "
                    "run again with --include-backups to erase them too.",
                    len(held),
                ).format(n=len(held), files=_paths(held))
            )
        else:
            console.say(_("No backup made by psi holds the person."))
    else:
        clean = [b.path for b in backups if b.clean]
        if clean:
            console.say(
                ngettext(
                    "Erased the person from {n} backup made by psi: {files}.",
                    "Erased the person from {n} backups made by psi: {files}.",
                    len(clean),
                ).format(n=len(clean), files=_paths(clean))
            )
        for backup in backups:
            if backup.problem is None and not backup.clean and backup.check is not None:
                console.say(
                    _("{file} still holds traces of the person after the erasure.").format(
                        file=backup.path
                    )
                )
    console.say(
        _(
            "Copies psi did not name itself (psi db backup FILE, copies made elsewhere) "
            "were not searched."
        )
    )
    failed = [b for b in backups if b.problem is not None]
    if failed:
        reasons = "; ".join(f"{b.path}: {b.problem}" for b in failed)
        raise DatabaseProblem(
            ngettext(
                "The person was not erased from {n} backup: {reasons}",
                "The person was not erased from {n} backups: {reasons}",
                len(failed),
            ).format(n=len(failed), reasons=reasons)
        )
