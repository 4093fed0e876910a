"""`psi log`: member dialogue, recruitment, MSI, website and social media."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, delete_when_confirmed, session
from psi.commands._options import AsJson, On, YearOrAll, Yes
from psi.completion import complete_log_kind, complete_organisation
from psi.domain.activity import parse_log_kind
from psi.domain.dates import parse_date
from psi.words import LOG_KIND, NC_, _, interface_term, pgettext

app = typer.Typer(
    help="Log the member dialogue, recruitment, the MSI dialogue and website and social-media posts.",
    epilog="Example: psi log list 2026 --kind msi",
    no_args_is_help=True,
    add_completion=False,
)
KindHelp = "member-dialogue, recruitment, msi, website, social-media or other."


@app.command(
    "add",
    epilog='Example: psi log add recruitment "Presenterade PSI på deras årsmöte" --org nystart --on 2026-03-12',
)
def add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=KindHelp, autocompletion=complete_log_kind)],
    text: Annotated[str, typer.Argument(help="What happened.")],
    org: Annotated[
        str | None,
        typer.Option(help="The organisation it concerns.", autocompletion=complete_organisation),
    ] = None,
    on: On = None,
    link: Annotated[str | None, typer.Option(help="A web address (the post, the article).")] = None,
) -> None:
    """Add an entry to the log (of what happened: dated today or earlier)."""
    from psi.services.log import add_entry

    log_kind = parse_log_kind(kind)
    day = day_or_today(on, what=NC_("what", "log date"))
    with session(ctx) as db:
        view = add_entry(db, log_kind, text, org=org, on=day, link=link)
    kind = interface_term(LOG_KIND, view.kind)
    line = (
        _("Logged {kind} on {day} with {organisation}.")
        if view.organisation
        else _("Logged {kind} on {day}.")
    )
    console.success(line.format(kind=kind, day=view.day, organisation=view.organisation))


@app.command("list", epilog="Example: psi log list 2026 --kind recruitment --json")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    kind: Annotated[
        str | None,
        typer.Option(help=f"Only this kind: {KindHelp}", autocompletion=complete_log_kind),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            help="Only entries about this organisation.", autocompletion=complete_organisation
        ),
    ] = None,
    as_json: AsJson = False,
) -> None:
    """List log entries by date."""
    from psi.services.activities import list_log
    from psi.services.views import to_json

    log_kind = parse_log_kind(kind) if kind else None
    with session(ctx, write=False) as db:
        views = list_log(db, year, kind=log_kind, org=org)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(_("No log entries match. Add one with psi log add KIND TEXT."))
        return
    rows = [
        [
            str(v.id),
            v.day.isoformat(),
            interface_term(LOG_KIND, v.kind),
            v.organisation or "",
            v.text,
            v.link or "",
        ]
        for v in views
    ]
    headings = [
        "#",
        pgettext("table heading", "Date"),
        pgettext("table heading", "Kind"),
        pgettext("table heading", "Organisation"),
        pgettext("table heading", "Text"),
        pgettext("table heading", "Link"),
    ]
    console.print_table(headings, rows)


IdArg = Annotated[int, typer.Argument(metavar="ID", help="The entry's number (see psi log list).")]


@app.command(
    "edit",
    epilog='Example: psi log edit 7 --kind msi --on 2026-03-12 --text "Dialogmöte med MSI"',
)
def edit(
    ctx: typer.Context,
    entry_id: IdArg,
    kind: Annotated[
        str | None, typer.Option(help=f"The kind: {KindHelp}", autocompletion=complete_log_kind)
    ] = None,
    text: Annotated[str | None, typer.Option(help="What happened.")] = None,
    org: Annotated[
        str | None,
        typer.Option(
            help='The organisation it concerns; "" for none.', autocompletion=complete_organisation
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="The date it happened, YYYY-MM-DD (today or earlier)."),
    ] = None,
    link: Annotated[str | None, typer.Option(help='A web address; "" for none.')] = None,
    as_json: AsJson = False,
) -> None:
    """Correct a log entry: kind, text, organisation, date or link."""
    from psi.domain.activity import log_field_words
    from psi.services.log import edit_entry
    from psi.services.views import to_json

    log_kind = parse_log_kind(kind) if kind is not None else None
    day = parse_date(on, what=NC_("what", "log date")) if on is not None else None
    with session(ctx) as db:
        result = edit_entry(db, entry_id, kind=log_kind, text=text, org=org, on=day, link=link)
    view = result.entry
    if as_json:
        console.print_json(to_json(view))
        return
    if not result.changed:
        console.say(
            _("Log entry {number} already reads so; nothing changed.").format(number=view.id)
        )
        return
    fields = log_field_words(result.changed)
    if len(fields) == 1 and view.organisation:
        line = _("Changed the {field} of log entry {number}: {kind} on {day} with {organisation}.")
    elif len(fields) == 1:
        line = _("Changed the {field} of log entry {number}: {kind} on {day}.")
    elif view.organisation:
        line = _(
            "Changed the {fields} and {last} of log entry {number}: {kind} on {day} "
            "with {organisation}."
        )
    else:
        line = _("Changed the {fields} and {last} of log entry {number}: {kind} on {day}.")
    console.success(
        line.format(
            field=fields[0],
            fields=", ".join(fields[:-1]),
            last=fields[-1],
            number=view.id,
            kind=interface_term(LOG_KIND, view.kind),
            day=view.day,
            organisation=view.organisation,
        )
    )


@app.command("remove", epilog="Example: psi log remove 7 --yes")
def remove(ctx: typer.Context, entry_id: IdArg, yes: Yes = False) -> None:
    """Delete a log entry made by mistake."""
    from psi.services.log import get_entry, remove_entry

    with session(ctx, write=False) as db:
        view = get_entry(db, entry_id)
    question = _("Delete log entry {number} ({kind} on {day}): {text}?").format(
        number=view.id,
        kind=interface_term(LOG_KIND, view.kind),
        day=view.day,
        text=_short(view.text),
    )
    delete_when_confirmed(ctx, question, lambda db: remove_entry(db, entry_id), yes=yes)
    console.success(_("Deleted log entry {number}.").format(number=view.id))


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
