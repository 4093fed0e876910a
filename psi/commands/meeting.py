"""`psi meeting`: plan the year, keep the record, write agendas, minutes and calendars."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import left_out_lines, session, write_document
from psi.commands._options import (
    AsJson,
    Format,
    Lang,
    Output,
    Templates,
    YearOrAll,
    Yes,
    document_request,
)
from psi.completion import (
    complete_meeting,
    complete_meeting_kind,
    complete_meeting_status,
    complete_organisation,
)
from psi.domain.calendar import weekday_name
from psi.domain.dates import parse_date
from psi.domain.meeting import parse_kind, parse_meeting_status
from psi.domain.minutes import Agenda
from psi.domain.planning import parse_time_slot
from psi.words import (
    MEETING_KIND,
    MEETING_STATUS,
    NC_,
    _,
    interface_term,
    ngettext,
    pgettext,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.domain.invitation import Server
    from psi.reports.meeting_docs import Signers
    from psi.reports.render import DocumentRequest
    from psi.services.invitations import Prepared
    from psi.services.meetings import (
        ActionView,
        Corrected,
        InvitationView,
        MeetingList,
        MeetingView,
    )

app = typer.Typer(
    help="Plan and record AU meetings, stormöten and MSI dialogues; agendas, minutes, calendars.",
    epilog="Example: psi meeting plan 2027 --save --ics psi-2027.ics",
    no_args_is_help=True,
    add_completion=False,
)

IdArg = Annotated[
    int,
    typer.Argument(
        help="The meeting's number (see psi meeting list).", autocompletion=complete_meeting
    ),
]
TimeOpt = Annotated[str | None, typer.Option("--time", help="Start and end, HH:MM-HH:MM.")]
PlaceOpt = Annotated[str | None, typer.Option(help="Where it is held.")]
ReasonOpt = Annotated[
    str | None,
    typer.Option(
        "--reason",
        help="Why the record of a held meeting is changed; required once its protokoll is "
        "justerat (the minutes then show the change as a correction).",
    ),
]


# `psi meeting plan` and `psi meeting ics` live in their own module, registered here so
# that they are listed first.
from psi.commands import meeting_plan  # noqa: E402, F401


@app.command(
    "add",
    epilog="Example: psi meeting add msi 2027-02-16 --time 10:00-11:30 --link https://meet.example.se/psi",
)
def add(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(help="au, stormote, msi or other.", autocompletion=complete_meeting_kind),
    ],
    day: Annotated[str, typer.Argument(metavar="DATE", help="The day, YYYY-MM-DD.")],
    slot: TimeOpt = None,
    title: Annotated[
        str | None, typer.Option(help="A title; a default for the kind if left out.")
    ] = None,
    place: PlaceOpt = None,
    link: Annotated[str | None, typer.Option(help="Online meeting link.")] = None,
    with_: Annotated[
        str | None,
        typer.Option(
            "--with",
            help="Co-organiser (stormöten: Regional utveckling).",
            autocompletion=complete_organisation,
        ),
    ] = None,
    item: Annotated[
        list[str] | None, typer.Option("--item", help="An agenda item (repeat for more).")
    ] = None,
    also: Annotated[
        bool,
        typer.Option(
            "--also", help="Add it even though a meeting of the kind is on that day already."
        ),
    ] = False,
) -> None:
    """Add a planned meeting to the record (not a second one of the kind that day, unless
    --also)."""
    from psi.services.meetings import NewMeeting, add_meeting

    meeting_kind = parse_kind(kind)
    when = parse_date(day, what=NC_("what", "meeting date"))
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
        view, not_free = add_meeting(db, new, also=also)
    console.success(
        _("Added meeting {number}: {title}, {weekday} {date} (week {week}).").format(
            number=view.id,
            title=view.title,
            weekday=weekday_name(view.day),
            date=view.day,
            week=view.week,
        )
    )
    if not_free:
        console.warn(
            _(
                "{date} is not a working day ({why}); move it with psi meeting move {number} DATE."
            ).format(date=view.day, why=not_free, number=view.id)
        )


def _list_rows(meetings: list[MeetingView]) -> list[list[str]]:
    return [
        [
            str(m.id),
            m.day.isoformat(),
            weekday_name(m.day),
            str(m.week),
            m.time_text,
            interface_term(MEETING_KIND, m.kind),
            m.title,
            m.place or "",
            interface_term(MEETING_STATUS, m.status),
        ]
        for m in meetings
    ]


def _counts_line(listing: MeetingList, year: int) -> str:
    counts = listing.counts
    assert counts is not None
    if counts.stormoten_within_assignment:
        line = ngettext(
            "{year}: {n} stormöte ({held} held, {planned} planned), within the 2-4 the "
            "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
            "{year}: {n} stormöten ({held} held, {planned} planned), within the 2-4 the "
            "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
            counts.stormoten,
        )
    else:
        line = ngettext(
            "{year}: {n} stormöte ({held} held, {planned} planned), outside the 2-4 the "
            "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
            "{year}: {n} stormöten ({held} held, {planned} planned), outside the 2-4 the "
            "assignment asks for; AU meetings held {au_held} of {au_planned} planned.",
            counts.stormoten,
        )
    return line.format(
        year=year,
        n=counts.stormoten,
        held=counts.stormoten_held,
        planned=counts.stormoten_planned,
        au_held=counts.au_held,
        au_planned=counts.au_planned,
    )


@app.command("list", epilog="Example: psi meeting list 2026 --kind stormote")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    kind: Annotated[
        str | None,
        typer.Option(help="Only au, stormote, msi or other.", autocompletion=complete_meeting_kind),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only planned, held or cancelled.", autocompletion=complete_meeting_status
        ),
    ] = None,
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
        headers = [
            "#",
            pgettext("table heading", "Date"),
            pgettext("table heading", "Weekday"),
            pgettext("table heading", "Week"),
            pgettext("table heading", "Time"),
            pgettext("table heading", "Kind"),
            pgettext("table heading", "Title"),
            pgettext("table heading", "Place"),
            pgettext("table heading", "Status"),
        ]
        console.print_table(headers, _list_rows(listing.meetings))
    else:
        console.say(
            _("No meetings. Plan the year with psi meeting plan YEAR --save, or psi meeting add.")
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
    status = interface_term(MEETING_STATUS, m.status)
    when = _("{weekday} {date} (week {week}) {time}").format(
        weekday=weekday_name(m.day), date=m.day, week=m.week, time=m.time_text
    )
    pairs = [
        (
            pgettext("table heading", "Meeting"),
            f"{m.id}: {m.title} ({interface_term(MEETING_KIND, m.kind)})",
        ),
        (pgettext("table heading", "Date"), when.rstrip()),
        (pgettext("table heading", "Place"), m.place or "-"),
        (pgettext("table heading", "Link"), m.link or "-"),
        (pgettext("table heading", "With"), m.co_organiser or "-"),
        (
            pgettext("table heading", "Status"),
            status + (f": {m.cancel_reason}" if m.cancel_reason else ""),
        ),
        (
            pgettext("table heading", "Attended"),
            ", ".join(_attendee(org, person) for org, person in detail.attended) or "-",
        ),
    ]
    if detail.adjusted_on:
        pairs.append((pgettext("table heading", "Justerat"), detail.adjusted_on.isoformat()))
    console.print_fields(pairs)
    agenda = Agenda.of(m.kind, m.agenda)
    # Decisions carry their number, which --change and --remove name; the rest a dash.
    for heading, lines, numbered in (
        (
            _("Agenda:"),
            [f"§ {agenda.number(n)} {item}" for n, item in enumerate(m.agenda, start=1)],
            False,
        ),
        (_("Decisions:"), [f"{d.number}. {d.shown}" for d in detail.decisions], True),
        (_("Action items:"), [_action_line(a) for a in detail.actions], False),
        (
            _("Open items from earlier meetings:"),
            [_action_line(a, shows_done=False) for a in detail.open_before],
            False,
        ),
        (
            _("Corrections after the justering:"),
            [
                # The change is stored as written then (the minutes show it), not translated.
                _("{date} {change} (why: {reason})").format(
                    date=c.day, change=c.change, reason=c.reason
                )
                for c in detail.corrections
            ],
            False,
        ),
        (
            _("Sent by e-mail (psi meeting invite):"),
            _invitation_lines(detail.invitations),
            False,
        ),
    ):
        if lines:
            console.say(heading)
            for line in lines:
                console.say(f"  {line}" if numbered else f"  - {line}")


def _invitation_lines(invitations: list[InvitationView]) -> list[str]:
    """Each kallelse sent: when (local time), what it was (the kallelse, the changed one,
    the same again, the cancellation), to how many, and how many addresses were refused."""
    from psi.domain.invitation import Occasion

    words = {
        Occasion.FIRST: pgettext("sent by e-mail", "kallelse"),
        Occasion.UPDATE: pgettext("sent by e-mail", "changed kallelse"),
        Occasion.AGAIN: pgettext("sent by e-mail", "kallelse again"),
        Occasion.CANCEL: pgettext("sent by e-mail", "cancellation"),
    }
    lines = []
    for sent in invitations:
        what = words[sent.occasion]
        line = ngettext(
            "{time} {what} to {n} address", "{time} {what} to {n} addresses", sent.recipients
        ).format(time=f"{sent.sent_at.astimezone():%Y-%m-%d %H:%M}", what=what, n=sent.recipients)
        if sent.refused:
            line += " " + ngettext("({n} refused)", "({n} refused)", sent.refused).format(
                n=sent.refused
            )
        lines.append(line)
    return lines


def _action_line(item: ActionView, *, shows_done: bool = True) -> str:
    if shows_done and item.done:
        message = _("#{number} {text} ({owner}, due {due}, done)")
    else:
        message = _("#{number} {text} ({owner}, due {due})")
    return message.format(number=item.id, text=item.text, owner=item.owner, due=item.due)


def _attendee(org: str, person: str | None) -> str:
    return f"{org} ({person})" if person else org


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
        str | None,
        typer.Option(
            "--with",
            help='A new co-organiser ("" clears it).',
            autocompletion=complete_organisation,
        ),
    ] = None,
    item: Annotated[
        list[str] | None, typer.Option("--item", help="Agenda items; replaces the agenda.")
    ] = None,
    reason: ReasonOpt = None,
) -> None:
    """Change a meeting's title, place, link, co-organiser or agenda (a held meeting's too,
    but not its agenda)."""
    from psi.services.meetings import edit_meeting

    with session(ctx) as db:
        result = edit_meeting(
            db,
            meeting_id,
            title=title,
            place=place,
            link=link,
            co_organiser=with_,
            agenda=item,
            reason=reason,
        )
    view = result.meeting
    if result.changes:
        console.success(
            _("Changed meeting {number}: {title}, {date}.").format(
                number=view.id, title=view.title, date=view.day
            )
        )
    _corrected(result, reason, quiet=view.status != "held")


@app.command("move", epilog="Example: psi meeting move 12 2027-03-16 --time 13:00-15:00")
def move(
    ctx: typer.Context,
    meeting_id: IdArg,
    day: Annotated[str, typer.Argument(metavar="DATE", help="The new day, YYYY-MM-DD.")],
    slot: TimeOpt = None,
    reason: ReasonOpt = None,
) -> None:
    """Move a meeting to another day or time (calendar imports update the event); a held
    meeting's day and time can be corrected too, not to a day after today. Warns of a move
    into another year, a stormöte in the summer or Christmas break, or a day off."""
    from psi.services.meetings import move_meeting

    when = parse_date(day, what=NC_("what", "meeting date"))
    times = parse_time_slot(slot) if slot else None
    with session(ctx) as db:
        result, before = move_meeting(db, meeting_id, when, times, reason=reason)
    view = result.meeting
    if result.changes and view.day == before:
        console.success(
            _("Meeting {number} on {date} is now at {time}.").format(
                number=view.id, date=view.day, time=view.time_text
            )
        )
    elif result.changes:
        console.success(
            _("Moved meeting {number} from {before} to {weekday} {date} (week {week}).").format(
                number=view.id,
                before=before,
                weekday=weekday_name(view.day),
                date=view.day,
                week=view.week,
            )
        )
    for warning in result.warnings:
        console.warn(warning)
    _corrected(result, reason, quiet=view.status != "held")


def _corrected(result: Corrected, reason: str | None, *, quiet: bool = False) -> None:
    """Say what a change of a meeting did: nothing, or recorded as a correction, or (a reason
    given before any justering) that no correction was recorded."""
    view = result.meeting
    if not result.changes:
        console.say(_("Meeting {number} already reads so; nothing changed.").format(number=view.id))
        return
    if not quiet:
        # Each change as it is stored for the minutes (a correction), so not translated.
        for change in result.changes:
            console.say(f"  {change}")
    if result.recorded:
        console.say(
            _(
                "Recorded as a correction of the justerat protokoll; psi meeting minutes {number} "
                "shows it."
            ).format(number=view.id)
        )
    elif reason is not None and view.status == "held":
        console.warn(
            _(
                "The protokoll of meeting {number} is not justerat, so no correction was recorded "
                "and --reason was not kept (psi audit has the change)."
            ).format(number=view.id)
        )


def _print_detail(db: Session, meeting_id: int) -> None:
    from psi.services.meetings import meeting_detail
    from psi.services.views import to_json

    console.print_json(to_json(meeting_detail(db, meeting_id)))


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
    console.success(
        _("Cancelled meeting {number} ({title}, {date}).").format(
            number=view.id, title=view.title, date=view.day
        )
    )


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
            autocompletion=complete_organisation,
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
    # Two counts: each in a whole sentence of its own.
    organisations, decisions = len(attended or []), len(decision or [])
    said = (
        ngettext(
            "Recorded meeting {number} as held, with {n} organisation present.",
            "Recorded meeting {number} as held, with {n} organisations present.",
            organisations,
        ).format(number=view.id, n=organisations),
        ngettext("{n} decision was recorded.", "{n} decisions were recorded.", decisions).format(
            n=decisions
        ),
        _("Write the minutes with psi meeting minutes {number}.").format(number=view.id),
    )
    console.success(" ".join(said))


OrgArgs = Annotated[
    list[str],
    typer.Argument(
        metavar="ORG[:PERSON]...",
        help="Organisations (name, short name or a unique beginning), ORG:PERSON with its "
        "contact person.",
        autocompletion=complete_organisation,
    ),
]


@app.command(
    "attend",
    epilog='Example: psi meeting attend 12 activa ÖFR:"Anna Andersson" --reason "Glömd i protokollet"',
)
def attend(
    ctx: typer.Context,
    meeting_id: IdArg,
    orgs: OrgArgs,
    reason: ReasonOpt = None,
    as_json: AsJson = False,
) -> None:
    """Add organisations to who came to a held meeting (or name who came for one already
    there: ORG:PERSON)."""
    _attendance(ctx, meeting_id, add=orgs, remove=[], reason=reason, as_json=as_json)


@app.command("unattend", epilog='Example: psi meeting unattend 12 "Exempelföreningen Norr"')
def unattend(
    ctx: typer.Context,
    meeting_id: IdArg,
    orgs: Annotated[
        list[str],
        typer.Argument(
            metavar="ORG...",
            help="Organisations recorded by mistake.",
            autocompletion=complete_organisation,
        ),
    ],
    reason: ReasonOpt = None,
    as_json: AsJson = False,
) -> None:
    """Remove organisations recorded by mistake as present at a held meeting."""
    _attendance(ctx, meeting_id, add=[], remove=orgs, reason=reason, as_json=as_json)


def _attendance(
    ctx: typer.Context,
    meeting_id: int,
    *,
    add: list[str],
    remove: list[str],
    reason: str | None,
    as_json: bool,
) -> None:
    from psi.services.meetings import correct_attendance

    with session(ctx) as db:
        result = correct_attendance(db, meeting_id, add=add, remove=remove, reason=reason)
        if as_json:
            _print_detail(db, meeting_id)
    if not as_json:
        _said(result, reason)


def _said(result: Corrected, reason: str | None) -> None:
    if result.changes:
        view = result.meeting
        console.success(
            _("Corrected meeting {number} ({title}, {date}):").format(
                number=view.id, title=view.title, date=view.day
            )
        )
    _corrected(result, reason)


@app.command(
    "decision",
    epilog='Example: psi meeting decision 12 --change 2 "anta budgeten med ändringar" '
    '--reason "Fel belopp i protokollet"',
)
def decision(
    ctx: typer.Context,
    meeting_id: IdArg,
    add: Annotated[
        list[str] | None,
        typer.Option(
            "--add",
            help="A decision to add, as psi meeting held --decision takes it: '5: anta "
            "aktivitetslistan' (repeat).",
        ),
    ] = None,
    change: Annotated[
        tuple[int, str] | None,
        typer.Option(
            "--change",
            metavar="N TEXT",
            help="Decision N (its number in psi meeting show) worded anew; '6: ...' also moves "
            "it to another item.",
        ),
    ] = None,
    remove: Annotated[
        list[int] | None,
        typer.Option("--remove", metavar="N", help="Decision N removed (repeat)."),
    ] = None,
    reason: ReasonOpt = None,
    as_json: AsJson = False,
) -> None:
    """Correct the decisions of a held meeting: add, change or remove them."""
    from psi.services.meetings import correct_decisions

    with session(ctx) as db:
        result = correct_decisions(
            db,
            meeting_id,
            add=add or [],
            change=[change] if change and change[0] is not None else [],
            remove=remove or [],
            reason=reason,
        )
        if as_json:
            _print_detail(db, meeting_id)
    if not as_json:
        _said(result, reason)


@app.command(
    "notes",
    epilog='Example: psi meeting notes 12 anteckningar.txt --reason "Fel namn under § 6"',
)
def notes(
    ctx: typer.Context,
    meeting_id: IdArg,
    minutes: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="The text file with the notes, marked as for psi meeting held --minutes.",
            show_default=False,
        ),
    ] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the notes.")] = False,
    reason: ReasonOpt = None,
    as_json: AsJson = False,
) -> None:
    """Replace the notes of a held meeting with a file's text (or remove them: --clear)."""
    from psi.errors import InvalidInput
    from psi.services.meetings import replace_notes

    if minutes is not None and clear:
        raise InvalidInput(
            _("Give the notes file (psi meeting notes {number} FILE) or --clear, not both.").format(
                number=meeting_id
            )
        )
    if minutes is None and not clear:
        raise InvalidInput(
            _("Give the notes file (psi meeting notes {number} FILE) or --clear.").format(
                number=meeting_id
            )
        )
    text = None
    if minutes is not None:
        from psi.services.register_file import read_text

        text = read_text(minutes)
    with session(ctx) as db:
        result = replace_notes(db, meeting_id, text, reason=reason)
        if as_json:
            _print_detail(db, meeting_id)
    if not as_json:
        _said(result, reason)


@app.command("adjusted", epilog="Example: psi meeting adjusted 12 --on 2027-03-16")
def adjusted(
    ctx: typer.Context,
    meeting_id: IdArg,
    on: Annotated[
        str | None,
        typer.Option(
            help="The day the protokoll was justerat (signed), YYYY-MM-DD; today if left out."
        ),
    ] = None,
    clear: Annotated[
        bool,
        typer.Option("--clear", help="Take back a justering recorded by mistake."),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Record the day a held meeting's protokoll was justerat; from then on a change of its
    record needs --reason and is shown in the minutes as a correction."""
    from psi.commands._common import day_or_today
    from psi.errors import InvalidInput
    from psi.services.meetings import adjust_meeting

    if clear and on is not None:
        raise InvalidInput(_("Give --on DATE or --clear, not both."))
    day = None if clear else day_or_today(on, what=NC_("what", "justering date"))
    with session(ctx) as db:
        view, before, after = adjust_meeting(db, meeting_id, day)
        if as_json:
            _print_detail(db, meeting_id)
    if as_json:
        return
    if before == after:
        console.say(
            _("The protokoll of meeting {number} was justerat on {date}; nothing changed.").format(
                number=view.id, date=after
            )
        )
    elif after is None:
        console.success(
            _("Cleared the justering of meeting {number} (was {before}).").format(
                number=view.id, before=before
            )
        )
    elif before is None:
        console.success(
            _(
                "The protokoll of meeting {number} ({title}, {day}) was justerat on {date}; a "
                "later change needs --reason and is shown as a correction."
            ).format(number=view.id, title=view.title, day=view.day, date=after)
        )
    else:
        console.success(
            _(
                "The protokoll of meeting {number} ({title}, {day}) was justerat on {date} (was "
                "{before}); a later change needs --reason and is shown as a correction."
            ).format(number=view.id, title=view.title, day=view.day, date=after, before=before)
        )


@app.command("reinstate", epilog="Example: psi meeting reinstate 12")
def reinstate(ctx: typer.Context, meeting_id: IdArg, as_json: AsJson = False) -> None:
    """Undo a cancel: the meeting is planned again, with the same calendar event (import
    the calendar again and the event is restored, not doubled)."""
    from datetime import date

    from psi.services.meetings import reinstate_meeting

    with session(ctx) as db:
        view = reinstate_meeting(db, meeting_id)
        if as_json:
            _print_detail(db, meeting_id)
    if as_json:
        return
    console.success(
        _(
            "Meeting {number} ({title}, {weekday} {date}) is planned again; update calendars "
            "with psi meeting ics {year}."
        ).format(
            number=view.id,
            title=view.title,
            weekday=weekday_name(view.day),
            date=view.day,
            year=view.day.year,
        )
    )
    if view.day < date.today():
        console.warn(
            _(
                "{date} has passed: record it with psi meeting held {number}, or move it with "
                "psi meeting move {number} DATE (psi status lists past planned meetings)."
            ).format(date=view.day, number=view.id)
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
        file_format: Format = None,
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
    "invite",
    epilog="Example: psi meeting invite 33 --send",
)
def invite(
    ctx: typer.Context,
    meeting_id: IdArg,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            metavar="WHO",
            help="Whom to invite instead of the meeting's own audience (the members to a "
            "stormöte, the AU to its meetings): members, au, coordinators, prospects or an "
            "organisation (repeat). A changed meeting's update goes to those invited before, "
            "and to these too.",
            autocompletion=complete_organisation,
        ),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(
            "--send",
            help="Send it through the mail server set with psi config (smtp-host ...) and "
            "record it on the meeting; without it, a draft .eml is written.",
        ),
    ] = False,
    again: Annotated[
        bool,
        typer.Option(
            "--again", help="Send the kallelse again although the meeting has not changed."
        ),
    ] = False,
    yes: Yes = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The draft's file (kallelse-DATE-KIND.eml if left out).",
        ),
    ] = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """E-mail the kallelse to the meeting's audience, in Bcc: its text, its PDF and the
    meeting's calendar event (the update when the meeting changed, the cancellation when it
    is cancelled). Writes a draft .eml for Outlook or Thunderbird, or sends it with --send."""
    from psi.domain.invitation import Occasion, local_day, sender_from, server_from
    from psi.errors import InvalidInput
    from psi.reports.invitation import invitation
    from psi.services.invitations import prepare_invitation

    if send and output is not None:
        raise InvalidInput(
            _("--output names the draft's file, and --send writes none; leave out one of them.")
        )
    if output is not None and output.suffix and output.suffix.casefold() != ".eml":
        raise InvalidInput(
            _(
                "The draft is an e-mail message, which mail programs open as a .eml file; "
                "name it so: -o {file}."
            ).format(file=output.with_suffix(".eml").name)
        )
    request = document_request(None, None, lang, templates)
    with session(ctx, write=False) as db:
        prepared = prepare_invitation(db, meeting_id, to or [], again=again)
    if prepared.plan.occasion is Occasion.CANCEL and prepared.plan.to_audience:
        console.note(
            _(
                "psi has no record of a kallelse to meeting {number} sent with --send; the "
                "cancellation goes to the meeting's audience."
            ).format(number=meeting_id)
        )
    sender = sender_from(prepared.settings)
    server = server_from(prepared.settings) if send else None
    replaced = prepared.last_request
    message = invitation(
        prepared.detail,
        prepared.settings,
        request,
        prepared.plan,
        sender,
        draft_to=None if send else prepared.addresses,
        last_sent=local_day(replaced.sent_at) if replaced else None,
    )
    if server is None:
        _write_draft(prepared, message.as_bytes(), output, request.lang)
    else:
        _send(ctx, prepared, server, sender.address, message.as_bytes(), to or [], again, yes)
    # Said once the kallelse is made or sent, so that those left out are reached otherwise.
    _say_left_out(prepared)


def _say_left_out(prepared: Prepared) -> None:
    """Who in the audience gets nothing, and why: to reach them some other way."""
    for line in left_out_lines(prepared.left_out):
        console.warn(line)


def _write_draft(prepared: Prepared, message: bytes, output: Path | None, lang: str) -> None:
    from psi.domain.invitation import Occasion
    from psi.files import write_private
    from psi.reports.meeting_docs import default_filename

    target = output or Path(default_filename("agenda", prepared.detail, lang, "eml"))
    write_private(target, message)
    console.success(_("Wrote {file}.").format(file=target))
    n = len(prepared.recipients)
    if prepared.plan.occasion is Occasion.CANCEL:
        text = ngettext(
            "The cancellation goes to {n} address, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            "The cancellation goes to {n} addresses, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            n,
        )
    elif prepared.plan.occasion is Occasion.UPDATE:
        text = ngettext(
            "The changed kallelse goes to {n} address, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            "The changed kallelse goes to {n} addresses, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            n,
        )
    else:
        text = ngettext(
            "The kallelse goes to {n} address, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            "The kallelse goes to {n} addresses, in Bcc. Open the file in Outlook or "
            "Thunderbird and send it from there, or send it with psi meeting invite {number} "
            "--send, which also records it on the meeting.",
            n,
        )
    console.say(text.format(n=n, number=prepared.detail.meeting.id))


def _question(prepared: Prepared) -> str:
    from psi.domain.invitation import Occasion

    n = len(prepared.recipients)
    if prepared.plan.occasion is Occasion.CANCEL:
        text = ngettext(
            "Send the cancellation to {n} address?", "Send the cancellation to {n} addresses?", n
        )
    elif prepared.plan.occasion is Occasion.UPDATE:
        text = ngettext(
            "Send the changed kallelse to {n} address?",
            "Send the changed kallelse to {n} addresses?",
            n,
        )
    else:
        text = ngettext(
            "Send the kallelse to {n} address?", "Send the kallelse to {n} addresses?", n
        )
    return text.format(n=n)


def _password(server: Server) -> str | None:
    """The mail server's password: PSI_SMTP_PASSWORD, else asked without echo; none when no
    user is set. It goes to the server only."""
    from psi.errors import Aborted
    from psi.mail import PASSWORD_ENV, password_from_environment

    if not server.user:
        return None
    password = password_from_environment()
    if password:
        return password
    try:
        typed: str = typer.prompt(
            _("Password of {user} at {server}").format(user=server.user, server=server.host),
            hide_input=True,
        )
    except typer.Abort:
        typer.echo()
        raise Aborted(
            _(
                "The mail server needs the password of {user}; set {env}, or run the command "
                "at a terminal to type it. Nothing was sent."
            ).format(user=server.user, env=PASSWORD_ENV)
        ) from None
    return typed


def _send(
    ctx: typer.Context,
    prepared: Prepared,
    server: Server,
    sender: str,
    message: bytes,
    targets: list[str],
    again: bool,
    yes: bool,
) -> None:
    from collections.abc import Mapping, Sequence

    from psi.commands._common import confirm
    from psi.mail import send
    from psi.services.invitations import send_invitation

    confirm(_question(prepared), yes=yes, declined=_("Nothing was sent."))
    password = _password(server)

    def deliver(addresses: Sequence[str]) -> tuple[list[str], Mapping[str, str]]:
        delivery = send(server, password, sender, addresses, message)
        return delivery.accepted, delivery.refused

    with session(ctx) as db:
        sending = send_invitation(db, prepared, targets, deliver, again=again)
    number = prepared.detail.meeting.id
    for address, reply in sending.refused.items():
        console.warn(
            _("The mail server refused {address} ({reply}).").format(address=address, reply=reply)
        )
    n = len(sending.accepted)
    console.success(
        ngettext(
            "Sent to {n} address; psi meeting show {number} lists what was sent.",
            "Sent to {n} addresses; psi meeting show {number} lists what was sent.",
            n,
        ).format(n=n, number=number)
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
    file_format: Format = None,
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
