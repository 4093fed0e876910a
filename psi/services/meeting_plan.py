"""Saving the year's meeting plan (`psi meeting plan --save`) into the record, and saving it
again (`--replace`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from psi.domain.calendar import UID_DOMAIN, plan_uid
from psi.domain.meeting import MeetingStatus
from psi.domain.planning import (
    MeetingFacts,
    PlanDiff,
    PlannedMeeting,
    SavedMeeting,
    TimeSlot,
    edited_because,
    plan_diff,
)
from psi.domain.text import optional_line
from psi.models import (
    ActionItem,
    Attendance,
    Decision,
    Expense,
    Invitation,
    Meeting,
    MeetingCorrection,
)
from psi.services import stored_id
from psi.services.meetings import (
    MeetingView,
    edit_meeting,
    move_meeting,
    view_of,
)
from psi.services.settings import default_place
from psi.words import NC_

RECORDED_ABOUT: tuple[tuple[str, type[Any]], ...] = (
    (NC_("meeting record", "attendance"), Attendance),
    (NC_("meeting record", "decisions"), Decision),
    (NC_("meeting record", "action items"), ActionItem),
    (NC_("meeting record", "corrections"), MeetingCorrection),
    (NC_("meeting record", "expenses"), Expense),
    (NC_("meeting record", "invitations"), Invitation),
)
"""Every table that refers to a meeting: a meeting any of them names has been used, so a new
save leaves it alone (a test checks that no table referring to meetings is missing). The
words are English (`psi.domain.planning.edited_words` says them in the interface language)."""


@dataclass(frozen=True)
class SavedPlan:
    """What `psi meeting plan --save` did, or, refused, would do."""

    diff: PlanDiff
    before: int
    """How many meetings earlier saves of the year's plan had stored."""
    applied: bool
    """False when the year had saved meetings, the plan changes them and --replace was not
    given: nothing was written."""
    created: list[MeetingView]
    slot: TimeSlot | None = None
    """The time given for every meeting; None keeps the saved meetings' times."""


def saved_meetings(session: Session, year: int) -> list[SavedMeeting]:
    """The meetings earlier saves of the year's plan stored (plan key `YEAR/...`), each with
    why it is left alone, if it is (`edited_because`)."""
    rows = session.exec(
        select(Meeting).where(col(Meeting.plan_key).startswith(f"{year}/", autoescape=True))
    ).all()
    ids = [stored_id(row) for row in rows]
    recorded: dict[int, list[str]] = {}
    for what, table in RECORDED_ABOUT:
        used = session.exec(
            select(table.meeting_id).where(col(table.meeting_id).in_(ids)).distinct()
        ).all()
        for meeting_id in used:
            if meeting_id is not None:
                recorded.setdefault(meeting_id, []).append(what)
    saved = []
    for row in rows:
        assert row.plan_key is not None
        facts = MeetingFacts(
            key=row.plan_key,
            kind=row.kind,
            status=row.status,
            sequence=row.sequence,
            title=row.title,
            agenda=row.agenda,
            co_organiser=row.co_organiser,
            link=row.link,
            minutes=row.minutes is not None,
            adjusted=row.adjusted_on is not None,
            recorded=tuple(recorded.get(stored_id(row), ())),
        )
        saved.append(
            SavedMeeting(
                id=stored_id(row),
                key=row.plan_key,
                kind=row.kind,
                day=row.day,
                start=row.start_time,
                end=row.end_time,
                title=row.title,
                agenda=row.agenda,
                edited=edited_because(facts),
            )
        )
    return saved


def save_plan(
    session: Session,
    year: int,
    plan: Sequence[PlannedMeeting],
    slot: TimeSlot | None,
    place: str | None,
    *,
    replace: bool = False,
) -> SavedPlan:
    """Store a year's plan as planned meetings.

    The first save stores every slot. When earlier saves stored meetings of the year, the
    plan is compared with them (`plan_diff`): if nothing would change, nothing is written;
    otherwise the changes are made only with `replace`, and then only to meetings nobody has
    edited, moved or held: moved ones keep their number and calendar UID and get a higher
    sequence (through `move_meeting`, as `psi meeting move` does), removed ones are deleted.
    Meetings added by hand (no plan key) are never touched. `slot` None: new meetings get
    the default time, saved ones keep theirs.
    """
    from psi.domain.planning import DEFAULT_TIME, parse_time_slot

    saved = saved_meetings(session, year)
    diff = plan_diff(saved, plan, slot)
    if saved and diff.changes and not replace:
        return SavedPlan(diff, len(saved), applied=False, created=[], slot=slot)
    for old in diff.removed:
        session.delete(session.get(Meeting, old.id))
    session.flush()
    for old, new in diff.moved:
        # As `psi meeting move` and `psi meeting edit` do it: each raises the sequence, so
        # calendar clients update the event.
        move_meeting(session, old.id, new.day, slot)
        if (old.title, old.agenda) != (new.title, new.agenda):
            edit_meeting(
                session, old.id, title=new.title, agenda=[new.agenda] if new.agenda else []
            )
    for old, new in [*diff.kept, *diff.moved]:
        if old.key != new.key:  # the slot it now stands for; no calendar change
            row = session.get(Meeting, old.id)
            assert row is not None
            row.plan_key = new.key
            session.add(row)
    session.flush()
    created = _create(session, diff.added, slot or parse_time_slot(DEFAULT_TIME), place)
    return SavedPlan(diff, len(saved), applied=True, created=created, slot=slot)


def _create(
    session: Session, plan: Sequence[PlannedMeeting], slot: TimeSlot, place: str | None
) -> list[MeetingView]:
    place = place or default_place(session)
    # A meeting moved by an earlier save keeps the UID of the slot it was first saved for; a
    # new meeting for that slot gets a UID of its own.
    uids = {plan_uid(planned.key) for planned in plan}
    taken = set(session.exec(select(Meeting.uid).where(col(Meeting.uid).in_(uids))))
    created: list[Meeting] = []
    for planned in plan:
        uid = plan_uid(planned.key)
        row = Meeting(
            uid=uid if uid not in taken else f"{uuid.uuid4()}@{UID_DOMAIN}",
            plan_key=planned.key,
            kind=planned.kind,
            title=planned.title,
            day=planned.day,
            start_time=slot.start,
            end_time=slot.end,
            place=optional_line(place, what=NC_("what", "place"), limit=200),
            co_organiser=planned.co_organiser,
            status=MeetingStatus.PLANNED.value,
            agenda=planned.agenda,
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
        session.add(row)
        created.append(row)
    session.flush()
    return [view_of(row) for row in created]
