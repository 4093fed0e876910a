"""`psi meeting plan` and `psi meeting ics`: the year's plan, and the record as a calendar."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import command_line, session
from psi.commands._options import Year, YearOrAll
from psi.commands.meeting import PlaceOpt, app
from psi.domain.calendar import weekday_name
from psi.domain.planning import DEFAULT_AU_RULE, DEFAULT_STORMOTEN, DEFAULT_TIME, parse_time_slot
from psi.files import write_private
from psi.words import MEETING_KIND, _, interface_term, ngettext, pgettext

if TYPE_CHECKING:
    from psi.domain.planning import PlannedMeeting, TimeSlot
    from psi.services.meeting_plan import SavedPlan


def _plan_rows(plan: list[PlannedMeeting]) -> list[list[str]]:
    from psi.domain.calendar import iso_week
    from psi.domain.planning import moved_words

    rows = []
    for item in plan:
        note = []
        if item.moved_from:
            note.append(
                _("moved from {day} ({reason})").format(
                    day=item.moved_from, reason=moved_words(item.moved_because or "")
                )
            )
        if item.prepares:
            note.append(_("prepares {meeting}").format(meeting=item.prepares.lower()))
        if item.co_organiser:
            note.append(_("with {organiser}").format(organiser=item.co_organiser))
        rows.append(
            [
                item.day.isoformat(),
                weekday_name(item.day),
                str(iso_week(item.day)),
                interface_term(MEETING_KIND, item.kind),
                item.title,
                "; ".join(note),
            ]
        )
    return rows


@app.command(
    "plan",
    epilog='Example: psi meeting plan 2027 --stormoten 3 --au "2nd tuesday" --save',
)
def plan(
    ctx: typer.Context,
    year: Year,
    stormoten: Annotated[
        int, typer.Option("--stormoten", help="How many stormöten (2-4).")
    ] = DEFAULT_STORMOTEN,
    au: Annotated[
        str,
        typer.Option(
            "--au",
            metavar="RULE",
            help='AU rule: "2nd tuesday", "last thursday", "andra tisdagen", "sista torsdagen" '
            "or an RRULE.",
        ),
    ] = DEFAULT_AU_RULE,
    slot: Annotated[
        str | None,
        typer.Option(
            "--time",
            help=f"Start and end of every meeting, HH:MM-HH:MM ({DEFAULT_TIME} if not given; "
            "saving again keeps the saved meetings' times unless given).",
        ),
    ] = None,
    place: PlaceOpt = None,
    save: Annotated[
        bool, typer.Option("--save", help="Store the plan as planned meetings.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Saving again: move, add and remove the saved meetings nobody has edited, "
            "moved or held, as shown (implies --save).",
        ),
    ] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            help="Also write a calendar file: the plan, or with --save the year's meetings "
            "as saved.",
        ),
    ] = None,
) -> None:
    """Propose the year's AU meetings and stormöten on free working days.

    AU meetings follow the rule every month but July; stormöten are spread over the working
    year outside the summer and Christmas breaks, each prepared by an AU meeting 1-3 weeks
    before. Holidays, midsommarafton, julafton, nyårsafton, weekends and the days between
    Christmas and New Year are avoided, and a meeting is never moved onto a klämdag.

    Saving a year that has saved meetings shows what would change (kept, moved, added,
    removed) and makes the changes only with --replace, which changes only planned meetings
    nobody has edited, moved or held; meetings added by hand are never touched.
    """
    from psi.domain.planning import plan_year

    times = parse_time_slot(slot) if slot is not None else None
    shown = times or parse_time_slot(DEFAULT_TIME)
    proposal = plan_year(year, stormoten=stormoten, au_rule=au)
    headers = [
        pgettext("table heading", "Date"),
        pgettext("table heading", "Weekday"),
        pgettext("table heading", "Week"),
        pgettext("table heading", "Kind"),
        pgettext("table heading", "Title"),
        pgettext("table heading", "Note"),
    ]
    title = _("Meeting plan {year} ({time})").format(year=year, time=shown)
    console.print_table(headers, _plan_rows(proposal), title=title)
    moved = sum(1 for item in proposal if item.moved_from)
    console.say(
        ngettext(
            "{n} meeting; {moved} moved off a holiday or weekend.",
            "{n} meetings; {moved} moved off a holiday or weekend.",
            len(proposal),
        ).format(n=len(proposal), moved=moved)
    )
    if not (save or replace):
        if ics is not None:
            from psi.reports.calendars import plan_calendar

            write_private(ics, plan_calendar(proposal, shown, place, year))
            console.success(_("Wrote the calendar file {file}.").format(file=ics))
        return
    _save(ctx, year, proposal, times, place, replace=replace, ics=ics)


def _save(
    ctx: typer.Context,
    year: int,
    proposal: list[PlannedMeeting],
    times: TimeSlot | None,
    place: str | None,
    *,
    replace: bool,
    ics: Path | None,
) -> None:
    """Save the plan, and write the year's calendar from the record in the same transaction:
    if the file cannot be written, nothing is saved."""
    from psi.errors import Conflict
    from psi.services.meeting_plan import save_plan

    with session(ctx) as db:
        saved = save_plan(db, year, proposal, times, place, replace=replace)
        if not saved.applied:
            _print_diff(saved)
            raise Conflict(
                ngettext(
                    "{year} already has {n} meeting saved from a plan, so nothing was saved; "
                    "to make the changes above, type: {command} --replace",
                    "{year} already has {n} meetings saved from a plan, so nothing was saved; "
                    "to make the changes above, type: {command} --replace",
                    saved.before,
                ).format(year=year, n=saved.before, command=command_line(ctx))
            )
        if ics is not None:
            from psi.reports.calendars import record_calendar
            from psi.services.meetings import list_meetings

            write_private(ics, record_calendar(list_meetings(db, year).meetings))
    if saved.before and saved.diff.changes:
        _print_diff(saved)
    console.success(_saved_line(saved))
    if ics is not None:
        console.success(
            _("Wrote the calendar file {file} from the record of {year}.").format(
                file=ics, year=year
            )
        )


def _saved_line(saved: SavedPlan) -> str:
    diff = saved.diff
    if not saved.before:
        count = len(saved.created)
        return ngettext("Saved {n} planned meeting.", "Saved {n} planned meetings.", count).format(
            n=count
        )
    if not diff.changes:
        return ngettext(
            "Saved 0 planned meetings; {n} was saved before and left as it is.",
            "Saved 0 planned meetings; {n} were saved before and left as they are.",
            saved.before,
        ).format(n=saved.before)
    return _(
        "Saved the plan: {moved} moved, {added} added, {removed} removed, {kept} kept, "
        "{left} left as edited."
    ).format(
        moved=len(diff.moved),
        added=len(diff.added),
        removed=len(diff.removed),
        kept=len(diff.kept),
        left=len(diff.left),
    )


def _when(day: date, start: time | None, end: time | None) -> str:
    return f"{day} {start:%H:%M}-{end:%H:%M}" if start and end else str(day)


def _print_diff(saved: SavedPlan) -> None:
    """The changes a save makes (or would make), one row each; kept meetings are counted.
    Narrow enough for an 80-column terminal: one date a column, the time only if it changes."""
    from psi.domain.planning import edited_words, updated

    diff = saved.diff
    rows: list[list[str]] = []
    for old, new in diff.moved:
        after = updated(old, new, saved.slot)
        retimed = (old.start, old.end) != (after.start, after.end)
        before_text = _when(old.day, old.start, old.end) if retimed else str(old.day)
        after_text = _when(after.day, after.start, after.end) if retimed else str(after.day)
        change = (
            pgettext("plan change", "moved")
            if old.day != after.day
            else pgettext("plan change", "changed")
        )
        notes = [_("now {title}").format(title=after.title)] if after.title != old.title else []
        if after.agenda != old.agenda and new.prepares:
            notes.append(_("prepares {meeting}").format(meeting=new.prepares.lower()))
        elif after.agenda != old.agenda:
            notes.append(_("prepares none"))
        note = "; ".join(notes)
        rows.append([change, str(old.id), old.title, before_text, after_text, note])
    for new in diff.added:
        rows.append([pgettext("plan change", "added"), "", new.title, "", str(new.day), ""])
    for old in diff.removed:
        rows.append(
            [pgettext("plan change", "removed"), str(old.id), old.title, str(old.day), "", ""]
        )
    for old, _new in diff.left:
        why = edited_words(old.edited) if old.edited else ""
        left = pgettext("plan change", "left")
        rows.append([left, str(old.id), old.title, str(old.day), str(old.day), why])
    headings = [
        pgettext("table heading", "Change"),
        pgettext("table heading", "No."),
        pgettext("table heading", "Meeting"),
        pgettext("table heading", "Saved"),
        pgettext("table heading", "New"),
        pgettext("table heading", "Note"),
    ]
    title = ngettext(
        "Changes to the {n} meeting saved before",
        "Changes to the {n} meetings saved before",
        saved.before,
    ).format(n=saved.before)
    console.print_table(headings, rows, title=title)
    console.say(
        _(
            "{kept} kept, {moved} moved, {added} added, {removed} removed; "
            "{left} changed by hand, left as they are."
        ).format(
            kept=len(diff.kept),
            moved=len(diff.moved),
            added=len(diff.added),
            removed=len(diff.removed),
            left=len(diff.left),
        )
    )


@app.command("ics", epilog="Example: psi meeting ics 2027 -o psi-2027.ics")
def ics(
    ctx: typer.Context,
    year: YearOrAll = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; psi-YEAR.ics if left out.")
    ] = None,
) -> None:
    """Write the meetings as a calendar file for Outlook or Google Calendar."""
    from psi.reports.calendars import record_calendar
    from psi.services.meetings import list_meetings

    with session(ctx, write=False) as db:
        meetings = list_meetings(db, year).meetings
    if not meetings:
        from psi.errors import NotFound

        if year:
            message = _(
                "There are no meetings in {year}, so there is no calendar to write; plan the "
                "year with psi meeting plan {year} --save, or add one with psi meeting add au DATE."
            )
        else:
            message = _(
                "There are no meetings in the register, so there is no calendar to write; plan "
                "the year with psi meeting plan {this_year} --save, or add one with "
                "psi meeting add au DATE."
            )
        raise NotFound(message.format(year=year, this_year=date.today().year))
    data, count = record_calendar(meetings), len(meetings)
    target = output or Path(f"psi-{year}.ics" if year else "psi.ics")
    write_private(target, data)
    console.success(
        ngettext("Wrote {n} meeting to {file}.", "Wrote {n} meetings to {file}.", count).format(
            n=count, file=target
        )
    )
