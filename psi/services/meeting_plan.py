"""Saving the year's meeting plan (`psi meeting plan --save`) into the record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from psi.domain.calendar import plan_uid
from psi.domain.meeting import MeetingStatus
from psi.domain.planning import PlannedMeeting, TimeSlot
from psi.models import Meeting
from psi.services.meetings import MeetingView, _default_place, _now, _optional_text, view_of


@dataclass(frozen=True)
class SavedPlan:
    """What `psi meeting plan --save` stored, and what was there already."""

    created: list[MeetingView]
    existing: int


def save_plan(
    session: Session, plan: Sequence[PlannedMeeting], slot: TimeSlot, place: str | None
) -> SavedPlan:
    """Store a plan as planned meetings; slots saved before are left as they are."""
    place = place or _default_place(session)
    keys = [meeting.key for meeting in plan]
    saved = set(session.exec(select(Meeting.plan_key).where(col(Meeting.plan_key).in_(keys))))
    created: list[Meeting] = []
    for planned in plan:
        if planned.key in saved:
            continue
        row = Meeting(
            uid=plan_uid(planned.key),
            plan_key=planned.key,
            kind=planned.kind,
            title=planned.title,
            day=planned.day,
            start_time=slot.start,
            end_time=slot.end,
            place=_optional_text(place, "place"),
            co_organiser=planned.co_organiser,
            status=MeetingStatus.PLANNED.value,
            agenda=f"Förberedelse av {planned.prepares.lower()}" if planned.prepares else None,
            created_at=_now(),
            updated_at=_now(),
        )
        session.add(row)
        created.append(row)
    session.flush()
    return SavedPlan(created=[view_of(row) for row in created], existing=len(saved))
