"""`psi contact`: contact persons at the member organisations (personal data)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import (
    command_line,
    confirm,
    delete_when_confirmed,
    left_out_lines,
    location,
    session,
)
from psi.commands._options import AsJson, Yes, checked_year
from psi.completion import complete_organisation
from psi.errors import DatabaseProblem, InvalidInput, NotFound
from psi.words import NC_, _, ngettext, pgettext

if TYPE_CHECKING:
    from psi.services.contacts import BackupErasure, ErasurePlan, FileCheck, LinkChange

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
    no_mail: Annotated[
        bool,
        typer.Option(
            "--no-mail/--mail",
            help="The person asked not to be mailed: psi never addresses them.",
        ),
    ] = False,
) -> None:
    """Add a contact person to an organisation."""
    from psi.services import contacts

    with session(ctx) as db:
        view = contacts.add_contact(
            db, org, name, email=email, phone=phone, role=role, no_mail=no_mail
        )
    names = {"name": view.name, "organisation": view.organisation}
    if view.no_mail:
        console.success(
            _(
                "Added {name} as a contact person at {organisation}, who asked for no mail: "
                "psi leaves them out of every address list and invitation."
            ).format(**names)
        )
    else:
        console.success(_("Added {name} as a contact person at {organisation}.").format(**names))


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
    rows = [
        [v.organisation, v.name, v.role or "", v.email or "", v.phone or "", mail_mark(v.no_mail)]
        for v in views
    ]
    headers = [
        pgettext("table heading", "Organisation"),
        pgettext("table heading", "Name"),
        pgettext("table heading", "Role"),
        pgettext("table heading", "E-mail"),
        pgettext("table heading", "Phone"),
        pgettext("table heading", "Mail"),
    ]
    console.print_table(headers, rows)


def mail_mark(no_mail: bool) -> str:
    """The list's mark for a person who asked for no mail; nothing for the others."""
    return pgettext("contact mail", "no mail") if no_mail else ""


@app.command("emails", epilog="Example: psi contact emails --to au --to bron --year 2026")
def emails(
    ctx: typer.Context,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            metavar="WHO",
            help="Who: members (the default), au, coordinators, prospects, or an "
            "organisation; repeat for more.",
            show_default=False,
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option(
            help="The year whose AU and coordinators are meant; this year if left out.",
            callback=checked_year,
            show_default=False,
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Print the e-mail addresses of members, the AU, the coordinators or organisations.

    One line, separated by "; " as Outlook and Gmail read it: paste it into Bcc.

    Who asked for no mail is left out; notes on standard error name everyone left out.
    """
    from datetime import date

    from psi.domain.audience import address_line
    from psi.services.audience import reach
    from psi.services.views import to_json

    chosen = date.today().year if year is None else year
    with session(ctx, write=False) as db:
        found = reach(db, to or [], chosen)
    if as_json:
        console.print_json(to_json(found))  # a script gets the empty list, and who is left out
    elif not found.recipients:
        raise NotFound(
            _("Nobody to write to: no contact person reached has an e-mail address psi may use."),
            details=tuple(left_out_lines(found, json_lists_all=True)),
        )
    else:
        typer.echo(address_line(found.recipients))
    count = len(found.recipients)
    console.note(
        ngettext(
            "{n} address, for the Bcc field.", "{n} addresses, for the Bcc field.", count
        ).format(n=count)
    )
    for line in left_out_lines(found, json_lists_all=True):
        console.warn(line)


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
    no_mail: Annotated[
        bool | None,
        typer.Option(
            "--no-mail/--mail",
            help="--no-mail: the person asked not to be mailed, psi never addresses them; "
            "--mail: they get mail again.",
            show_default=False,
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """Correct a contact person: name, role, e-mail address, phone number, or mail wish."""
    from psi.services import contacts
    from psi.services.views import to_json

    with session(ctx) as db:
        result = contacts.edit_contact(
            db, org, name, new_name=new_name, email=email, phone=phone, role=role, no_mail=no_mail
        )
    view = result.contact
    if as_json:
        console.print_json(to_json(view))
        return
    names = {"name": view.name, "organisation": view.organisation}
    if not result.changed and not result.no_mail_changed:
        console.say(
            _("{name} at {organisation} already reads so; nothing changed.").format(**names)
        )
        return
    if result.changed:
        console.success(_changed_text(result.changed, view.name, view.organisation))
    if result.no_mail_changed and view.no_mail:
        console.success(
            _(
                "{name} at {organisation} asked for no mail: psi leaves them out of every "
                "address list and invitation."
            ).format(**names)
        )
    elif result.no_mail_changed:
        console.success(_("{name} at {organisation} gets mail from psi again.").format(**names))


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
        years = contacts.au_years(db, view.id)
    names = {"name": view.name, "organisation": view.organisation}
    delete_when_confirmed(
        ctx,
        _("Delete {name} as a contact person at {organisation}?").format(**names),
        lambda db: contacts.remove_contact(db, org, name),
        yes=yes,
    )
    if years:
        console.say(
            ngettext(
                "{name} sat for {organisation} on the AU in {years}; the seat stays, with "
                'nobody named: psi au edit {year} "{organisation}" --person NAME.',
                "{name} sat for {organisation} on the AU in {years}; the seats stay, with "
                'nobody named: psi au edit {year} "{organisation}" --person NAME.',
                len(years),
            ).format(years=", ".join(str(y) for y in years), year=years[-1], **names)
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
    if plan.links:
        console.print_table(
            [
                pgettext("table heading", "Table"),
                pgettext("table heading", "Rows"),
                pgettext("table heading", "Change"),
            ],
            [[link.table, str(link.rows), _link_change(link.deleted)] for link in plan.links],
            title=_("Records that referred to the person:")
            if done
            else _("Records that refer to the person by number:"),
        )
    if plan.is_empty:
        console.say(_("Nothing in the register holds {name} any more.").format(name=plan.who))


def _link_change(deleted: bool) -> str:
    if deleted:
        return pgettext("erasure link", "deleted with the person")
    return pgettext("erasure link", "kept, without the person")


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
    for link in plan.links:
        console.say(_link_text(link))
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


def _link_text(link: LinkChange) -> str:
    """What became of the rows that referred to the erased person, in one sentence."""
    if link.table == "au_seat":
        text = ngettext(
            "{n} seat on the AU stays, with nobody named; name another person with "
            "psi au edit YEAR ORG --person NAME.",
            "{n} seats on the AU stay, with nobody named; name other persons with "
            "psi au edit YEAR ORG --person NAME.",
            link.rows,
        )
    elif link.table == "attendance":
        text = ngettext(
            "{n} attendance record keeps the organisation as present, without the person.",
            "{n} attendance records keep the organisation as present, without the person.",
            link.rows,
        )
    elif link.table == "invitation_recipient":
        text = ngettext(
            "The record that {n} invitation reached the person is deleted; the invitation's "
            "count stays.",
            "The records that {n} invitations reached the person are deleted; the "
            "invitations' counts stay.",
            link.rows,
        )
    elif link.deleted:
        text = ngettext(
            "{n} row of {table} that referred to the person is deleted.",
            "{n} rows of {table} that referred to the person are deleted.",
            link.rows,
        )
    else:
        text = ngettext(
            "{n} row of {table} that referred to the person is kept, without the person.",
            "{n} rows of {table} that referred to the person are kept, without the person.",
            link.rows,
        )
    return text.format(n=link.rows, table=link.table)


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
