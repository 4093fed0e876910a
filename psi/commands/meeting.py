"""`psi meeting`: plan the year, keep the record, write agendas, minutes and calendars."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import session, write_document
from psi.commands._options import (
    AsJson,
    Format,
    Lang,
    Output,
    Templates,
    YearOrAll,
    document_request,
)
from psi.domain.calendar import weekday_sv
from psi.domain.dates import parse_date
from psi.domain.meeting import parse_kind, parse_meeting_status
from psi.domain.minutes import Agenda
from psi.domain.planning import parse_time_slot

if TYPE_CHECKING:
    from psi.reports.meeting_docs import Signers
    from psi.reports.render import DocumentRequest
    from psi.services.meetings import MeetingList, MeetingView

app = typer.Typer(
    help="Plan and record AU meetings, stormöten and MSI dialogues; agendas, minutes, calendars.",
    epilog="Example: psi meeting plan 2027 --save --ics psi-2027.ics",
    no_args_is_help=True,
)

IdArg = Annotated[int, typer.Argument(help="The meeting's number (see psi meeting list).")]
TimeOpt = Annotated[str | None, typer.Option("--time", help="Start and end, HH:MM-HH:MM.")]
PlaceOpt = Annotated[str | None, typer.Option(help="Where it is held.")]


# `psi meeting plan` and `psi meeting ics` live in their own module, registered here so
# that they are listed first.
from psi.commands import meeting_plan  # noqa: E402, F401


@app.command(
    "add",
    epilog="Example: psi meeting add msi 2027-02-16 --time 10:00-11:30 --link https://meet.example.se/psi",
)
def add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="au, stormote, msi or other.")],
    day: Annotated[str, typer.Argument(metavar="DATE", help="The day, YYYY-MM-DD.")],
    slot: TimeOpt = None,
    title: Annotated[
        str | None, typer.Option(help="A title; a default for the kind if left out.")
    ] = None,
    place: PlaceOpt = None,
    link: Annotated[str | None, typer.Option(help="Online meeting link.")] = None,
    with_: Annotated[
        str | None, typer.Option("--with", help="Co-organiser (stormöten: Regional utveckling).")
    ] = None,
    item: Annotated[
        list[str] | None, typer.Option("--item", help="An agenda item (repeat for more).")
    ] = None,
) -> None:
    """Add a planned meeting to the record."""
    from psi.services.meetings import NewMeeting, add_meeting

    meeting_kind = parse_kind(kind)
    when = parse_date(day, what="meeting date")
    times = parse_time_slot(slot) if slot else None
    with session(ctx) as db:
        new = NewMeeting(
            meeting_kind,
            when,
            slot=times,
            title=title,
            place=place,
            link=link,
            co_organiser=with_,
            agenda=item or [],
        )
        view, not_free = add_meeting(db, new)
    console.success(
        f"Added meeting {view.id}: {view.title}, {weekday_sv(view.day)} {view.day} (week {view.week})."
    )
    if not_free:
        console.warn(
            f"{view.day} is not a working day ({not_free}); move it with psi meeting move {view.id} DATE."
        )


def _list_rows(meetings: list[MeetingView]) -> list[list[str]]:
    return [
        [
            str(m.id),
            m.day.isoformat(),
            weekday_sv(m.day),
            str(m.week),
            m.time_text,
            m.kind,
            m.title,
            m.place or "",
            m.status,
        ]
        for m in meetings
    ]


def _counts_line(listing: MeetingList, year: int) -> str:
    counts = listing.counts
    assert counts is not None
    verdict = "within" if counts.stormoten_within_assignment else "outside"
    return (
        f"{year}: {counts.stormoten} {'stormöte' if counts.stormoten == 1 else 'stormöten'} "
        f"({counts.stormoten_held} held, "
        f"{counts.stormoten_planned} planned), {verdict} the 2-4 the assignment asks for; "
        f"AU meetings held {counts.au_held} of {counts.au_planned} planned."
    )


@app.command("list", epilog="Example: psi meeting list 2026 --kind stormote")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    kind: Annotated[str | None, typer.Option(help="Only au, stormote, msi or other.")] = None,
    status: Annotated[str | None, typer.Option(help="Only planned, held or cancelled.")] = None,
    as_json: AsJson = False,
) -> None:
    """List meetings in date order; for a year, also the counts against the assignment."""
    from psi.services.meetings import list_meetings
    from psi.services.views import to_json

    meeting_kind = parse_kind(kind) if kind else None
    meeting_status = parse_meeting_status(status) if status else None
    with session(ctx, write=False) as db:
        listing = list_meetings(db, year, kind=meeting_kind, status=meeting_status)
    if as_json:
        data: dict[str, object] = {"meetings": to_json(listing.meetings)}
        if listing.counts is not None:
            counts = listing.counts
            data["counts"] = {
                "stormoten_held": counts.stormoten_held,
                "stormoten_planned": counts.stormoten_planned,
                "stormoten_within_2_to_4": counts.stormoten_within_assignment,
                "au_held": counts.au_held,
                "au_planned": counts.au_planned,
            }
        console.print_json(data)
        return
    if listing.meetings:
        headers = ["#", "Date", "Weekday", "Week", "Time", "Kind", "Title", "Place", "Status"]
        console.print_table(headers, _list_rows(listing.meetings))
    else:
        console.say(
            "No meetings. Plan the year with psi meeting plan YEAR --save, or psi meeting add."
        )
    if year is not None:
        console.say(_counts_line(listing, year))


@app.command("show", epilog="Example: psi meeting show 12")
def show(
    ctx: typer.Context,
    meeting_id: IdArg,
    as_json: AsJson = False,
) -> None:
    """Show one meeting: details, agenda, attendance, decisions and action items."""
    from psi.services.meetings import meeting_detail
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        detail = meeting_detail(db, meeting_id)
    if as_json:
        console.print_json(to_json(detail))
        return
    m = detail.meeting
    pairs = [
        ("Meeting", f"{m.id}: {m.title} ({m.kind})"),
        ("Date", f"{weekday_sv(m.day)} {m.day} (week {m.week}) {m.time_text}".rstrip()),
        ("Place", m.place or "-"),
        ("Link", m.link or "-"),
        ("With", m.co_organiser or "-"),
        ("Status", m.status + (f": {m.cancel_reason}" if m.cancel_reason else "")),
        ("Attended", ", ".join(org for org, _ in detail.attended) or "-"),
    ]
    console.print_fields(pairs)
    agenda = Agenda.of(m.kind, m.agenda)
    for label, lines in (
        ("Agenda", [f"§ {agenda.number(n)} {item}" for n, item in enumerate(m.agenda, start=1)]),
        ("Decisions", [decision.shown for decision in detail.decisions]),
        (
            "Action items",
            [
                f"#{a.id} {a.text} ({a.owner}, due {a.due}{', done' if a.done else ''})"
                for a in detail.actions
            ],
        ),
        (
            "Open items from earlier meetings",
            [f"#{a.id} {a.text} ({a.owner}, due {a.due})" for a in detail.open_before],
        ),
    ):
        if lines:
            console.say(f"{label}:")
            for line in lines:
                console.say(f"  - {line}")


@app.command(
    "edit",
    epilog='Example: psi meeting edit 12 --place "Föreningarnas hus, Örebro" --item "Aktivitetslistan 2027"',
)
def edit(
    ctx: typer.Context,
    meeting_id: IdArg,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    place: Annotated[str | None, typer.Option(help='A new place ("" clears it).')] = None,
    link: Annotated[str | None, typer.Option(help='A new online link ("" clears it).')] = None,
    with_: Annotated[
        str | None, typer.Option("--with", help='A new co-organiser ("" clears it).')
    ] = None,
    item: Annotated[
        list[str] | None, typer.Option("--item", help="Agenda items; replaces the agenda.")
    ] = None,
) -> None:
    """Change a planned meeting's title, place, link, co-organiser or agenda."""
    from psi.services.meetings import edit_meeting

    with session(ctx) as db:
        view = edit_meeting(
            db, meeting_id, title=title, place=place, link=link, co_organiser=with_, agenda=item
        )
    console.success(f"Changed meeting {view.id}: {view.title}, {view.day}.")


@app.command("move", epilog="Example: psi meeting move 12 2027-03-16 --time 13:00-15:00")
def move(
    ctx: typer.Context,
    meeting_id: IdArg,
    day: Annotated[str, typer.Argument(metavar="DATE", help="The new day, YYYY-MM-DD.")],
    slot: TimeOpt = None,
) -> None:
    """Move a planned meeting to another day (calendar imports update the event)."""
    from psi.services.meetings import move_meeting

    when = parse_date(day, what="meeting date")
    times = parse_time_slot(slot) if slot else None
    with session(ctx) as db:
        view, before, not_free = move_meeting(db, meeting_id, when, times)
    console.success(
        f"Moved meeting {view.id} from {before} to {weekday_sv(view.day)} {view.day} (week {view.week})."
    )
    if not_free:
        console.warn(f"{view.day} is not a working day ({not_free}).")


@app.command("cancel", epilog='Example: psi meeting cancel 12 --reason "För få anmälda"')
def cancel(
    ctx: typer.Context,
    meeting_id: IdArg,
    reason: Annotated[str, typer.Option(help="Why it is cancelled (kept in the record).")],
) -> None:
    """Cancel a planned meeting; it stays in the record and in calendars as cancelled."""
    from psi.services.meetings import cancel_meeting

    with session(ctx) as db:
        view = cancel_meeting(db, meeting_id, reason)
    console.success(f"Cancelled meeting {view.id} ({view.title}, {view.day}).")


@app.command(
    "held",
    epilog='Example: psi meeting held 12 --attended activa --attended ÖFR:"Anna Andersson" '
    '--minutes anteckningar.txt --decision "5: anta aktivitetslistan 2027"',
)
def held(
    ctx: typer.Context,
    meeting_id: IdArg,
    attended: Annotated[
        list[str] | None,
        typer.Option(
            "--attended",
            help="An organisation that came, or ORG:PERSON with its contact person (repeat).",
        ),
    ] = None,
    minutes: Annotated[
        Path | None,
        typer.Option(
            "--minutes",
            help="A text file with the notes; a line '§ 5' or an item's title starts that "
            "item's notes, '§ Övriga frågor' the rest.",
        ),
    ] = None,
    decision: Annotated[
        list[str] | None,
        typer.Option(
            "--decision",
            help="A decision, worded after 'Mötet beslutade att', after the number or title of "
            "its agenda item: '5: anta aktivitetslistan' ('Övriga frågor: ...' if none; repeat).",
        ),
    ] = None,
) -> None:
    """Record that a meeting took place: who came, the notes and what was decided."""
    from psi.services.meetings import hold_meeting

    text = None
    if minutes is not None:
        from psi.services.register_file import read_text

        text = read_text(minutes)
    with session(ctx) as db:
        view = hold_meeting(
            db, meeting_id, attended=attended or [], minutes=text, decisions=decision or []
        )
    console.success(
        f"Recorded meeting {view.id} as held, with {len(attended or [])} organisations and "
        f"{len(decision or [])} decisions. Write the minutes with psi meeting minutes {view.id}."
    )


def _document(
    ctx: typer.Context,
    document: str,
    meeting_id: int,
    request: DocumentRequest,
    *,
    record: str | None = None,
    signers: Signers | None = None,
) -> None:
    """Write the kallelse (`agenda`) or the record (`minutes`: a protokoll or notes)."""
    from psi.reports import meeting_docs
    from psi.reports.render import render_markdown
    from psi.services.meetings import meeting_detail
    from psi.services.settings import all_settings

    with session(ctx, write=False) as db:
        detail = meeting_detail(db, meeting_id)
        settings = all_settings(db)
    if document == "agenda":
        meeting_docs.check_can_invite(detail)
    else:
        meeting_docs.check_can_record(detail)
        document = meeting_docs.record_kind(detail.meeting.kind, record)
        meeting_docs.check_signers(document, signers)
    context = meeting_docs.document_context(
        detail, request.lang, document=document, settings=settings, signers=signers
    )
    write_document(
        render_markdown(document, context, request),
        request,
        default_name=meeting_docs.default_filename(
            document, detail, request.lang, request.file_format
        ),
        title=context["heading"],
        header=context["partnership"],
        dated=context.get("dated_on"),
    )


def _document_command(name: str, summary: str, example: str) -> None:
    """Add `psi meeting NAME ID`, a document about one meeting."""

    def command(
        ctx: typer.Context,
        meeting_id: IdArg,
        file_format: Format = "md",
        output: Output = None,
        lang: Lang = "sv",
        templates: Templates = None,
    ) -> None:
        _document(ctx, name, meeting_id, document_request(file_format, output, lang, templates))

    app.command(name, help=summary, epilog=f"Example: {example}")(command)


_document_command(
    "agenda",
    "Write the kallelse: when and where, how to answer, the dagordning with open action items.",
    "psi meeting agenda 12 --format pdf -o kallelse.pdf",
)


@app.command(
    "minutes",
    epilog='Example: psi meeting minutes 12 --format pdf --chair "Anna Andersson" '
    '--secretary "Bo Berg" --adjuster "Cecilia Ceder"',
)
def minutes(
    ctx: typer.Context,
    meeting_id: IdArg,
    chair: Annotated[
        str | None, typer.Option("--chair", help="Who chaired the meeting (mötesordförande).")
    ] = None,
    secretary: Annotated[
        str | None, typer.Option("--secretary", help="Who kept the minutes (sekreterare).")
    ] = None,
    adjuster: Annotated[
        list[str] | None,
        typer.Option(
            "--adjuster", help="A justerare, who checks the minutes with the chair (repeat)."
        ),
    ] = None,
    record: Annotated[
        str | None,
        typer.Option(
            "--as",
            help="minutes (a protokoll, with §§ and justering) or notes (minnesanteckningar); "
            "by default minutes for the AU and stormöten, notes for MSI dialogues and others.",
        ),
    ] = None,
    file_format: Format = "md",
    output: Output = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """Write the protokoll (present, numbered paragraphs, decisions, action items, signatures),
    or the minnesanteckningar of a dialogue meeting."""
    from psi.reports.meeting_docs import Signers, parse_record

    request = document_request(file_format, output, lang, templates)
    asked = None if record is None else parse_record(record)
    signers = Signers.checked(chair, secretary, adjuster or [])
    _document(ctx, "minutes", meeting_id, request, record=asked, signers=signers)
