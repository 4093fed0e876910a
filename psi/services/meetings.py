"""The meeting record: planning, adding, moving, cancelling, holding, and action items."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain import meeting as rules
from psi.domain.calendar import UID_DOMAIN, iso_week, why_not_free
from psi.domain.meeting import Kind, MeetingFacts, MeetingStatus, YearCounts
from psi.domain.minutes import Agenda, split_notes, tie_decision
from psi.domain.planning import TimeSlot
from psi.domain.text import casefold_key, check_line, has_binary_characters, swedish_sort_key
from psi.errors import InvalidInput, NotFound, RuleViolation
from psi.models import ActionItem, Attendance, Contact, Decision, Meeting, Organisation
from psi.services import stored_id
from psi.services.orgs import find_org
from psi.services.views import json_as


@dataclass(frozen=True)
class MeetingView:
    """A meeting as commands and documents show it."""

    id: int
    uid: str
    kind: Kind
    title: str
    day: date = field(metadata=json_as("date"))
    week: int = field(init=False, metadata=json_as("iso_week"))
    """The ISO week number."""
    start: time | None
    end: time | None
    place: str | None
    link: str | None
    co_organiser: str | None
    status: MeetingStatus
    cancel_reason: str | None
    agenda: list[str]
    sequence: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "week", iso_week(self.day))

    @property
    def time_text(self) -> str:
        """`13:00-15:00`, or empty when no time is set."""
        if self.start is None:
            return ""
        return f"{self.start:%H:%M}-{self.end:%H:%M}" if self.end else f"{self.start:%H:%M}"


def view_of(row: Meeting) -> MeetingView:
    """The printable view of a stored meeting."""
    return MeetingView(
        id=stored_id(row),
        uid=row.uid,
        kind=Kind(row.kind),
        title=row.title,
        day=row.day,
        start=row.start_time,
        end=row.end_time,
        place=row.place,
        link=row.link,
        co_organiser=row.co_organiser,
        status=MeetingStatus(row.status),
        cancel_reason=row.cancel_reason,
        agenda=[line for line in (row.agenda or "").splitlines() if line.strip()],
        sequence=row.sequence,
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _agenda_text(items: Sequence[str]) -> str | None:
    cleaned = [check_line(item, what="agenda item", limit=300) for item in items]
    return "\n".join(cleaned) or None


def _optional_text(text: str | None, what: str, limit: int = 200) -> str | None:
    return check_line(text, what=what, limit=limit) if text and text.strip() else None


def _link(text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    from psi.domain.organisation import normalise_website

    return normalise_website(text)


@dataclass(frozen=True)
class NewMeeting:
    """A meeting to add, as typed: only kind and day are required."""

    kind: Kind
    day: date
    slot: TimeSlot | None = None
    title: str | None = None
    place: str | None = None
    link: str | None = None
    co_organiser: str | None = None
    agenda: Sequence[str] = ()


def add_meeting(session: Session, new: NewMeeting) -> tuple[MeetingView, str | None]:
    """`psi meeting add`: a planned meeting; also says why its day is not a working day."""
    co_organiser = new.co_organiser
    if co_organiser is None and new.kind is Kind.STORMOTE:
        from psi.domain.planning import REGIONAL_UTVECKLING

        co_organiser = REGIONAL_UTVECKLING
    place = new.place or _default_place(session)
    row = Meeting(
        uid=f"{uuid.uuid4()}@{UID_DOMAIN}",
        kind=new.kind.value,
        title=_optional_text(new.title, "title") or rules.DEFAULT_TITLES[new.kind],
        day=new.day,
        start_time=new.slot.start if new.slot else None,
        end_time=new.slot.end if new.slot else None,
        place=_optional_text(place, "place"),
        link=_link(new.link),
        co_organiser=_optional_text(co_organiser, "co-organiser"),
        status=MeetingStatus.PLANNED.value,
        agenda=_agenda_text(new.agenda),
        created_at=_now(),
        updated_at=_now(),
    )
    session.add(row)
    session.flush()
    return view_of(row), why_not_free(new.day)


def _default_place(session: Session) -> str | None:
    from psi.services.settings import get_setting

    return get_setting(session, "meeting-place")


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting with this number, or NotFound."""
    row = session.get(Meeting, meeting_id)
    if row is None:
        raise NotFound(f"There is no meeting {meeting_id}; see `psi meeting list`.")
    return row


def _touch(row: Meeting) -> None:
    row.sequence += 1
    row.updated_at = _now()


def move_meeting(
    session: Session, meeting_id: int, day: date, slot: TimeSlot | None = None
) -> tuple[MeetingView, date, str | None]:
    """`psi meeting move`: a new date (and time); the calendar event is updated, not duplicated."""
    row = get_meeting(session, meeting_id)
    rules.check_can_change(MeetingStatus(row.status), "moved")
    before = row.day
    row.day = day
    if slot is not None:
        row.start_time, row.end_time = slot.start, slot.end
    _touch(row)
    session.add(row)
    session.flush()
    return view_of(row), before, why_not_free(day)


def edit_meeting(
    session: Session,
    meeting_id: int,
    *,
    title: str | None = None,
    place: str | None = None,
    link: str | None = None,
    co_organiser: str | None = None,
    agenda: Sequence[str] | None = None,
) -> MeetingView:
    """`psi meeting edit`: title, place, link, co-organiser or agenda of a planned meeting."""
    row = get_meeting(session, meeting_id)
    rules.check_can_change(MeetingStatus(row.status), "edited")
    if all(value is None for value in (title, place, link, co_organiser, agenda)):
        raise InvalidInput("Nothing to change: give --title, --place, --link, --with or --item.")
    if title is not None:
        row.title = check_line(title, what="title")
    if place is not None:
        row.place = _optional_text(place, "place")
    if link is not None:
        row.link = _link(link)
    if co_organiser is not None:
        row.co_organiser = _optional_text(co_organiser, "co-organiser")
    if agenda is not None:
        row.agenda = _agenda_text(agenda)
    _touch(row)
    session.add(row)
    session.flush()
    return view_of(row)


def cancel_meeting(session: Session, meeting_id: int, reason: str) -> MeetingView:
    """`psi meeting cancel`: kept in the record, exported to calendars as cancelled."""
    row = get_meeting(session, meeting_id)
    rules.check_can_change(MeetingStatus(row.status), "cancelled")
    row.cancel_reason = check_line(reason, what="reason", limit=500)
    row.status = MeetingStatus.CANCELLED.value
    _touch(row)
    session.add(row)
    session.flush()
    return view_of(row)


def hold_meeting(
    session: Session,
    meeting_id: int,
    *,
    attended: Sequence[str] = (),
    minutes: str | None = None,
    decisions: Sequence[str] = (),
    today: date | None = None,
) -> MeetingView:
    """`psi meeting held`: it took place; who came, the minutes and what was decided, each
    decision under the agenda item it names ("5: anta ...", "Budget: godkänna ...")."""
    row = get_meeting(session, meeting_id)
    rules.check_can_change(MeetingStatus(row.status), "recorded as held again")
    rules.check_can_hold(row.day, today or date.today())
    agenda = agenda_of(row)
    tied = [tie_decision(text, agenda) for text in decisions]
    sentences = [(item, rules.decision_sentence(text)) for item, text in tied]
    notes = check_note_long(minutes) if minutes else None
    split_notes(notes, agenda, strict=True)
    present = dict(_attendee(session, text) for text in attended)
    row.status = MeetingStatus.HELD.value
    row.minutes = notes
    _touch(row)
    session.add(row)
    for org_id, contact_id in present.items():
        session.add(
            Attendance(meeting_id=meeting_id, organisation_id=org_id, contact_id=contact_id)
        )
    for position, (item, sentence) in enumerate(sentences, start=1):
        session.add(
            Decision(meeting_id=meeting_id, position=position, text=sentence, agenda_item=item)
        )
    session.flush()
    return view_of(row)


def agenda_of(row: Meeting) -> Agenda:
    """The meeting's own items, numbered as its kallelse numbers them."""
    return Agenda.of(Kind(row.kind), view_of(row).agenda)


def _attendee(session: Session, text: str) -> tuple[int, int | None]:
    """`ORG` or `ORG:PERSON` (a contact person of that organisation) as ids."""
    org_text, _, person = text.partition(":")
    org = find_org(session, org_text)
    if not person.strip():
        return stored_id(org), None
    key = casefold_key(person)
    contacts = session.exec(select(Contact).where(Contact.organisation_id == org.id)).all()
    match = [c for c in contacts if casefold_key(c.name) == key]
    if not match:
        raise NotFound(
            f"{org.name} has no contact person called '{person.strip()}'; add one with "
            f'psi contact add "{org.name}" "{person.strip()}", or give only the organisation.'
        )
    return stored_id(org), stored_id(match[0])


MINUTES_MAX = 100_000


def check_note_long(text: str) -> str:
    """Minutes text: kept as written, but not empty and not beyond the limit."""
    value = text.strip()
    if not value:
        raise InvalidInput("The minutes file is empty.")
    if has_binary_characters(value):
        raise InvalidInput(
            "The minutes file holds a NUL or other control character, so it is not plain "
            "text; save the minutes as text (Markdown or .txt) and try again."
        )
    if len(value) > MINUTES_MAX:
        raise InvalidInput(f"The minutes are {len(value)} characters; at most {MINUTES_MAX} fit.")
    return value


@dataclass(frozen=True)
class ActionView:
    """An action item with its owner and meeting."""

    id: int
    meeting_id: int
    meeting: str
    meeting_day: date = field(metadata=json_as("meeting_date"))
    text: str
    owner: str
    due: date
    done: date | None

    def overdue(self, today: date) -> bool:
        """Open and past its due date."""
        return self.done is None and self.due < today


def _action_query() -> Any:
    return (
        select(ActionItem, col(Organisation.name), col(Meeting.title), col(Meeting.day))
        .join(Organisation, col(ActionItem.owner_id) == col(Organisation.id))
        .join(Meeting, col(ActionItem.meeting_id) == col(Meeting.id))
    )


def _action_view(item: ActionItem, owner: str, title: str, day: date) -> ActionView:
    return ActionView(
        stored_id(item), item.meeting_id, title, day, item.text, owner, item.due_on, item.done_on
    )


def add_action(session: Session, meeting_id: int, text: str, owner: str, due: date) -> ActionView:
    """`psi action add`: something to do after a meeting, with an owner and a due date."""
    meeting = get_meeting(session, meeting_id)
    org = find_org(session, owner)
    item = ActionItem(
        meeting_id=meeting_id,
        text=check_line(text, what="action", limit=1000),
        owner_id=stored_id(org),
        due_on=due,
    )
    session.add(item)
    session.flush()
    return _action_view(item, org.name, meeting.title, meeting.day)


def list_actions(
    session: Session, *, open_only: bool = False, overdue: bool = False, today: date | None = None
) -> list[ActionView]:
    """`psi action list`: action items by due date, optionally only open or overdue ones."""
    today = today or date.today()
    query = _action_query()
    if open_only or overdue:
        query = query.where(col(ActionItem.done_on).is_(None))
    if overdue:
        query = query.where(col(ActionItem.due_on) < today)
    rows = session.exec(query.order_by(col(ActionItem.due_on), col(ActionItem.id))).all()
    return [_action_view(*row) for row in rows]


def finish_action(session: Session, action_id: int, on: date) -> ActionView:
    """`psi action done`: the item is done."""
    item = session.get(ActionItem, action_id)
    if item is None:
        raise NotFound(f"There is no action item {action_id}; see `psi action list --open`.")
    if item.done_on is not None:
        raise RuleViolation(f"Action item {action_id} was already done on {item.done_on}.")
    item.done_on = on
    session.add(item)
    session.flush()
    row = session.exec(_action_query().where(col(ActionItem.id) == action_id)).one()
    return _action_view(*row)


def open_actions_before(session: Session, meeting: Meeting) -> list[ActionView]:
    """Open action items of earlier meetings of the same kind: they go on the next agenda."""
    query = _action_query().where(
        col(ActionItem.done_on).is_(None),
        col(Meeting.kind) == meeting.kind,
        col(Meeting.day) < meeting.day,
    )
    return [
        _action_view(*row)
        for row in session.exec(query.order_by(col(ActionItem.due_on), col(ActionItem.id)))
    ]


@dataclass(frozen=True)
class MeetingList:
    """`psi meeting list`: the meetings and the year's counts against the assignment."""

    meetings: list[MeetingView]
    counts: YearCounts | None


def list_meetings(
    session: Session,
    year: int | None = None,
    *,
    kind: Kind | None = None,
    status: MeetingStatus | None = None,
) -> MeetingList:
    """Meetings in date order, filtered; with a year, the counts of stormöten and AU meetings."""
    query = select(Meeting)
    if year is not None:
        query = query.where(
            col(Meeting.day) >= date(year, 1, 1), col(Meeting.day) <= date(year, 12, 31)
        )
    rows = session.exec(
        query.order_by(col(Meeting.day), col(Meeting.start_time).nulls_first(), col(Meeting.id))
    ).all()
    counts = None
    if year is not None:
        counts = rules.year_counts(
            MeetingFacts(Kind(r.kind), MeetingStatus(r.status), r.day, r.co_organiser) for r in rows
        )
    chosen = [
        view_of(row)
        for row in rows
        if (kind is None or row.kind == kind.value)
        and (status is None or row.status == status.value)
    ]
    return MeetingList(chosen, counts)


def upcoming_meetings(session: Session, today: date, *, limit: int) -> list[MeetingView]:
    """The next planned meetings from today on."""
    rows = session.exec(
        select(Meeting)
        .where(col(Meeting.day) >= today, Meeting.status == MeetingStatus.PLANNED.value)
        .order_by(col(Meeting.day), col(Meeting.start_time).nulls_first(), col(Meeting.id))
        .limit(limit)
    ).all()
    return [view_of(row) for row in rows]


@dataclass(frozen=True)
class DecisionView:
    """A decision as the record holds it, with the agenda item it is under (none: Övriga
    frågor), numbered as the meeting's kallelse numbers it."""

    text: str
    place: int | None = field(metadata=json_as(omit=True))
    """The item's place among the meeting's own items (1: the first)."""
    item: int | None = field(metadata=json_as("agenda_item"))
    item_title: str | None = field(metadata=json_as("agenda_title"))

    @property
    def shown(self) -> str:
        """ "§ 5 Budget: Mötet beslutade att ...", or the sentence alone under Övriga frågor."""
        return f"§ {self.item} {self.item_title}: {self.text}" if self.item else self.text


def _decision_view(agenda: Agenda, text: str, place: int | None) -> DecisionView:
    # An item beyond the agenda (one edited away) is shown under Övriga frågor.
    if place is None or place > len(agenda.items):
        return DecisionView(text, None, None, None)
    return DecisionView(text, place, agenda.number(place), agenda.items[place - 1])


@dataclass(frozen=True)
class MeetingDetail:
    """Everything recorded about one meeting."""

    meeting: MeetingView = field(metadata=json_as(flatten=True))
    attended: list[tuple[str, str | None]] = field(
        default_factory=list, metadata=json_as(items=("organisation", "contact"))
    )
    decisions: list[DecisionView] = field(default_factory=list)
    minutes: str | None = None
    actions: list[ActionView] = field(default_factory=list, metadata=json_as("action_items"))
    open_before: list[ActionView] = field(
        default_factory=list, metadata=json_as("open_items_from_earlier")
    )
    next_meeting: MeetingView | None = None


def meeting_detail(session: Session, meeting_id: int) -> MeetingDetail:
    """`psi meeting show`, and the facts behind the agenda and the minutes."""
    row = get_meeting(session, meeting_id)
    attended = session.exec(
        select(Organisation.name, Contact.name)
        .select_from(Attendance)
        .join(Organisation, col(Attendance.organisation_id) == col(Organisation.id))
        .outerjoin(Contact, col(Attendance.contact_id) == col(Contact.id))
        .where(Attendance.meeting_id == meeting_id)
    ).all()
    decisions = session.exec(
        select(Decision.text, Decision.agenda_item)
        .where(Decision.meeting_id == meeting_id)
        .order_by(col(Decision.position))
    ).all()
    actions = session.exec(
        _action_query().where(col(ActionItem.meeting_id) == meeting_id).order_by(col(ActionItem.id))
    ).all()
    following = session.exec(
        select(Meeting)
        .where(
            Meeting.kind == row.kind,
            col(Meeting.day) > row.day,
            Meeting.status != MeetingStatus.CANCELLED.value,
        )
        .order_by(col(Meeting.day), col(Meeting.id))
    ).first()
    return MeetingDetail(
        meeting=view_of(row),
        # In Swedish order here, not the server's collation (which differs between engines).
        attended=sorted(
            ((org, person) for org, person in attended), key=lambda row: swedish_sort_key(row[0])
        ),
        decisions=[_decision_view(agenda_of(row), text, place) for text, place in decisions],
        minutes=row.minutes,
        actions=[_action_view(*action) for action in actions],
        open_before=open_actions_before(session, row),
        next_meeting=view_of(following) if following else None,
    )


def attendance_counts(session: Session, since: date, until: date) -> dict[int, int]:
    """Held meetings each organisation attended between two dates (for the rotation ranking)."""
    rows = session.exec(
        select(Attendance.organisation_id, func.count())
        .join(Meeting, col(Attendance.meeting_id) == col(Meeting.id))
        .where(
            Meeting.status == MeetingStatus.HELD.value,
            col(Meeting.day) >= since,
            col(Meeting.day) <= until,
        )
        .group_by(col(Attendance.organisation_id))
    ).all()
    return {org_id: int(count) for org_id, count in rows}
