"""Calendar files (ICS) of the meeting record and of a year's plan, from views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from psi.domain.calendar import plan_uid
from psi.domain.planning import PlannedMeeting, TimeSlot
from psi.reports.ics import CalendarEvent, calendar_bytes

if TYPE_CHECKING:
    from psi.services.meetings import MeetingView

CALENDAR_NAME = "PSI – Partnerskapet för sociala innovationer"


def _description(title: str, agenda: Sequence[str], co_organiser: str | None) -> str:
    lines = [title]
    if co_organiser:
        lines.append(f"I samverkan med {co_organiser}.")
    if agenda:
        lines.append("Dagordning:")
        lines.extend(f"- {item}" for item in agenda)
    return "\n".join(lines)


def event_of(view: MeetingView) -> CalendarEvent:
    """A stored meeting as a calendar event."""
    return CalendarEvent(
        uid=view.uid,
        title=view.title,
        day=view.day,
        start=view.start,
        end=view.end,
        place=view.place,
        link=view.link,
        description=_description(view.title, view.agenda, view.co_organiser),
        status=view.status,
        sequence=view.sequence,
    )


def record_calendar(meetings: Sequence[MeetingView]) -> bytes:
    """`psi meeting ics`: the record's meetings, cancelled ones marked so."""
    return calendar_bytes([event_of(m) for m in meetings], CALENDAR_NAME)


def plan_calendar(
    plan: Sequence[PlannedMeeting], slot: TimeSlot, place: str | None, year: int
) -> bytes:
    """`psi meeting plan --ics`: the plan, with the UIDs the meetings get when saved."""
    events = [
        CalendarEvent(
            uid=plan_uid(item.key),
            title=item.title,
            day=item.day,
            start=slot.start,
            end=slot.end,
            place=place,
            description=_description(
                item.title,
                [f"Förberedelse av {item.prepares.lower()}"] if item.prepares else [],
                item.co_organiser,
            ),
        )
        for item in plan
    ]
    return calendar_bytes(events, f"{CALENDAR_NAME} {year}")
