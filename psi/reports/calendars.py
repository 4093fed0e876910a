"""Calendar files (ICS) of the meeting record and of a year's plan, from views.

The events' text is Swedish, like the documents for the members. Outlook and Google
Calendar show neither URL nor STATUS:CANCELLED reliably, so the description carries the
link and the numbered agenda, and a cancelled meeting says so in its summary and first
in its description.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from psi.domain.calendar import plan_uid
from psi.domain.meeting import MeetingStatus
from psi.domain.planning import PlannedMeeting, TimeSlot
from psi.reports.ics import CalendarEvent, Organizer, calendar_bytes

if TYPE_CHECKING:
    from psi.services.meetings import MeetingView

CALENDAR_NAME = "PSI – Partnerskapet för sociala innovationer"
CANCELLED_PREFIX = "INSTÄLLT: "


def _cancelled_line(reason: str | None) -> str:
    return f"Mötet är inställt: {reason}" if reason else "Mötet är inställt."


def _description(
    title: str,
    agenda: Sequence[str],
    co_organiser: str | None,
    *,
    link: str | None = None,
    cancelled: str | None = None,
) -> str:
    """The event's text: the cancellation first when there is one, the title, co-organiser
    and link, then the numbered agenda; blocks apart by an empty line."""
    blocks: list[list[str]] = []
    if cancelled:
        blocks.append([cancelled])
    about = [title]
    if co_organiser:
        about.append(f"I samverkan med {co_organiser}.")
    if link:
        about.append(f"Länk: {link}")
    blocks.append(about)
    if agenda:
        blocks.append(["Dagordning:", *(f"{n}. {item}" for n, item in enumerate(agenda, 1))])
    return "\n\n".join("\n".join(block) for block in blocks)


def event_of(view: MeetingView) -> CalendarEvent:
    """A stored meeting as a calendar event; a cancelled one says so in its summary and
    description, beside STATUS:CANCELLED, which many clients ignore on import."""
    cancelled = view.status == MeetingStatus.CANCELLED
    return CalendarEvent(
        uid=view.uid,
        title=f"{CANCELLED_PREFIX}{view.title}" if cancelled else view.title,
        day=view.day,
        start=view.start,
        end=view.end,
        place=view.place,
        link=view.link,
        description=_description(
            view.title,
            view.agenda,
            view.co_organiser,
            link=view.link,
            cancelled=_cancelled_line(view.cancel_reason) if cancelled else None,
        ),
        status=view.status,
        sequence=view.sequence,
    )


def invitation_calendar(view: MeetingView, method: str, organizer: Organizer) -> bytes:
    """The meeting's own event (its UID and SEQUENCE) as an invitation sent by e-mail:
    METHOD:REQUEST for the kallelse or its update, METHOD:CANCEL for a cancelled meeting,
    from `organizer`; no ATTENDEE."""
    return calendar_bytes([event_of(view)], None, method=method, organizer=organizer)


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
                [item.agenda] if item.agenda else [],
                item.co_organiser,
            ),
        )
        for item in plan
    ]
    return calendar_bytes(events, f"{CALENDAR_NAME} {year}")
