"""`psi meeting plan` and `psi meeting ics`: the year's plan, and the record as a calendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import Year, YearOrAll
from psi.commands.meeting import PlaceOpt, app
from psi.domain.calendar import weekday_sv
from psi.domain.planning import DEFAULT_AU_RULE, DEFAULT_STORMOTEN, DEFAULT_TIME, parse_time_slot
from psi.files import write_private

if TYPE_CHECKING:
    from psi.domain.planning import PlannedMeeting


def _plan_rows(plan: list[PlannedMeeting]) -> list[list[str]]:
    from psi.domain.calendar import iso_week

    rows = []
    for item in plan:
        note = []
        if item.moved_from:
            note.append(f"moved from {item.moved_from} ({item.moved_because})")
        if item.prepares:
            note.append(f"prepares {item.prepares.lower()}")
        if item.co_organiser:
            note.append(f"with {item.co_organiser}")
        rows.append(
            [
                item.day.isoformat(),
                weekday_sv(item.day),
                str(iso_week(item.day)),
                item.kind,
                item.title,
                "; ".join(note),
            ]
        )
    return rows


@app.command(
    "plan", epilog='Example: psi meeting plan 2027 --stormoten 3 --au "2nd tuesday" --save'
)
def plan(
    ctx: typer.Context,
    year: Year,
    stormoten: Annotated[
        int, typer.Option("--stormoten", help="How many stormöten (2-4).")
    ] = DEFAULT_STORMOTEN,
    au: Annotated[
        str, typer.Option("--au", help='AU rule: "2nd tuesday", "last thursday" or an RRULE.')
    ] = DEFAULT_AU_RULE,
    slot: Annotated[
        str, typer.Option("--time", help="Start and end of every meeting, HH:MM-HH:MM.")
    ] = DEFAULT_TIME,
    place: PlaceOpt = None,
    save: Annotated[
        bool, typer.Option("--save", help="Store the plan as planned meetings.")
    ] = False,
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Also write the plan as a calendar file.")
    ] = None,
) -> None:
    """Propose the year's AU meetings and stormöten on free working days.

    AU meetings follow the rule every month but July; stormöten are spread over the working
    year outside the summer and Christmas breaks, each prepared by an AU meeting 1-3 weeks
    before. Holidays, midsommarafton, julafton, nyårsafton and weekends are avoided.
    """
    from psi.domain.planning import plan_year

    times = parse_time_slot(slot)
    proposal = plan_year(year, stormoten=stormoten, au_rule=au)
    headers = ["Date", "Weekday", "Week", "Kind", "Title", "Note"]
    console.print_table(headers, _plan_rows(proposal), title=f"Meeting plan {year} ({times})")
    moved = sum(1 for item in proposal if item.moved_from)
    console.say(f"{len(proposal)} meetings; {moved} moved off a holiday or weekend.")
    if ics is not None:
        # The calendar is written first: if the file cannot be written, nothing is saved.
        from psi.reports.calendars import plan_calendar

        write_private(ics, plan_calendar(proposal, times, place, year))
        console.success(f"Wrote the calendar file {ics}.")
    if save:
        from psi.services.meeting_plan import save_plan

        with session(ctx) as db:
            saved = save_plan(db, proposal, times, place)
        console.success(
            f"Saved {len(saved.created)} planned meetings"
            + (
                f"; {saved.existing} were saved before and left as they are."
                if saved.existing
                else "."
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
    data, count = record_calendar(meetings), len(meetings)
    target = output or Path(f"psi-{year}.ics" if year else "psi.ics")
    write_private(target, data)
    console.success(f"Wrote {count} meetings to {target}.")
