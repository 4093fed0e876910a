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
from psi.domain.invitation import Method, Occasion, Sent, occasions
from psi.domain.meeting import Kind, MeetingFacts, MeetingStatus, YearCounts
from psi.domain.minutes import Agenda, changed_passages, retie_decision, split_notes, tie_decision
from psi.domain.planning import TimeSlot
from psi.domain.text import (
    casefold_key,
    check_line,
    has_binary_characters,
    optional_line,
    swedish_sort_key,
)
from psi.errors import InvalidInput, NotFound, RuleViolation
from psi.models import (
    ActionItem,
    Attendance,
    Contact,
    Decision,
    Invitation,
    Meeting,
    MeetingCorrection,
    Organisation,
)
from psi.services import get_or_missing, stored_id
from psi.services.orgs import find_org
from psi.services.settings import default_place
from psi.services.views import json_as
from psi.words import NC_, _


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


def _agenda_text(items: Sequence[str]) -> str | None:
    cleaned = [check_line(item, what=NC_("what", "agenda item"), limit=300) for item in items]
    return "\n".join(cleaned) or None


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


def add_meeting(
    session: Session, new: NewMeeting, *, also: bool = False
) -> tuple[MeetingView, str | None]:
    """`psi meeting add`: a planned meeting; also says why its day is not a working day.
    A second meeting of the kind that day (not cancelled) is refused unless `also`."""
    if not also:
        same_day = session.exec(
            select(Meeting.id, Meeting.title)
            .where(
                Meeting.kind == new.kind.value,
                Meeting.day == new.day,
                Meeting.status != MeetingStatus.CANCELLED.value,
            )
            .order_by(col(Meeting.id))
        ).all()
        rules.check_not_twice(new.kind, new.day, [(int(i), t) for i, t in same_day if i])
    co_organiser = new.co_organiser
    if co_organiser is None and new.kind is Kind.STORMOTE:
        from psi.domain.planning import REGIONAL_UTVECKLING

        co_organiser = REGIONAL_UTVECKLING
    place = new.place or default_place(session)
    row = Meeting(
        uid=f"{uuid.uuid4()}@{UID_DOMAIN}",
        kind=new.kind.value,
        title=optional_line(new.title, what=NC_("what", "title"), limit=200)
        or rules.DEFAULT_TITLES[new.kind],
        day=new.day,
        start_time=new.slot.start if new.slot else None,
        end_time=new.slot.end if new.slot else None,
        place=optional_line(place, what=NC_("what", "place"), limit=200),
        link=_link(new.link),
        co_organiser=optional_line(co_organiser, what=NC_("what", "co-organiser"), limit=200),
        status=MeetingStatus.PLANNED.value,
        agenda=_agenda_text(new.agenda),
        created_at=datetime.now(UTC),
        updated_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return view_of(row), why_not_free(new.day)


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting with this number, or NotFound."""
    return get_or_missing(
        session,
        Meeting,
        meeting_id,
        _("There is no meeting {number}; see `psi meeting list`.").format(number=meeting_id),
    )


def _touch(row: Meeting, *, calendar: bool = True) -> None:
    """The meeting changed; `calendar`: in what its calendar event shows, so the event's
    SEQUENCE goes up and calendar clients update it rather than keep the old one."""
    if calendar:
        row.sequence += 1
    row.updated_at = datetime.now(UTC)


@dataclass(frozen=True)
class Corrected:
    """A change of a meeting: the meeting after it, what changed in words (empty: nothing),
    and whether the changes were recorded as corrections (its protokoll was justerat)."""

    meeting: MeetingView
    changes: list[str]
    recorded: bool
    warnings: list[str] = field(default_factory=list)


def _record_corrections(
    session: Session, row: Meeting, reason: str | None, changes: Sequence[str]
) -> bool:
    """After justering (a reason given by `correction_reason`), each change as a correction."""
    if reason is None:
        return False
    for change in changes:
        session.add(
            MeetingCorrection(
                meeting_id=stored_id(row),
                made_at=datetime.now(UTC),
                reason=reason,
                change=rules.correction_text(change),
            )
        )
    return True


def _finish_correction(
    session: Session,
    row: Meeting,
    reason: str | None,
    changes: Sequence[str],
    *,
    calendar: bool,
    warnings: Sequence[str] = (),
) -> Corrected:
    """The end of every change of a meeting's record: touched (`calendar`: the event changed
    too), each change recorded as a correction after justering (`reason` given), written."""
    _touch(row, calendar=calendar)
    session.add(row)
    recorded = _record_corrections(session, row, reason, changes)
    session.flush()
    return Corrected(view_of(row), list(changes), recorded, list(warnings))


def _time_text(start: time | None, end: time | None) -> str | None:
    if start is None:
        return None
    return f"{start:%H:%M}-{end:%H:%M}" if end else f"{start:%H:%M}"


def move_meeting(
    session: Session,
    meeting_id: int,
    day: date,
    slot: TimeSlot | None = None,
    *,
    reason: str | None = None,
    today: date | None = None,
) -> tuple[Corrected, date]:
    """`psi meeting move`: a new date (and time); the calendar event is updated, not
    duplicated. A held meeting's day and time can be corrected too (not to a day after today);
    after its justering, with a reason, recorded as a correction. Warns of odd dates."""
    row = get_meeting(session, meeting_id)
    status = MeetingStatus(row.status)
    if status is MeetingStatus.HELD:
        rules.check_held_day(meeting_id, day, today or date.today())
    else:
        rules.check_can_change(status, "moved")
    before = row.day
    start, end = (slot.start, slot.end) if slot is not None else (row.start_time, row.end_time)
    changes = [
        change
        for change in (
            rules.field_change("date", str(row.day), str(day), quoted=False),
            rules.field_change(
                "time",
                _time_text(row.start_time, row.end_time),
                _time_text(start, end),
                quoted=False,
            ),
        )
        if change
    ]
    if not changes:
        return Corrected(view_of(row), [], False), before
    checked = _reason(row, reason)
    warnings = rules.date_warnings(Kind(row.kind), before, day) if day != before else []
    row.day = day
    row.start_time, row.end_time = start, end
    return _finish_correction(
        session, row, checked, changes, calendar=True, warnings=warnings
    ), before


def _reason(row: Meeting, reason: str | None) -> str | None:
    """The reason a change of a held meeting needs once its protokoll is justerat."""
    if row.status != MeetingStatus.HELD.value:
        return None
    return rules.correction_reason(stored_id(row), row.adjusted_on, reason)


def edit_meeting(
    session: Session,
    meeting_id: int,
    *,
    title: str | None = None,
    place: str | None = None,
    link: str | None = None,
    co_organiser: str | None = None,
    agenda: Sequence[str] | None = None,
    reason: str | None = None,
) -> Corrected:
    """`psi meeting edit`: title, place, link, co-organiser or agenda of a planned meeting;
    title, place, link and co-organiser of a held one too (after justering with a reason,
    recorded as a correction)."""
    row = get_meeting(session, meeting_id)
    status = MeetingStatus(row.status)
    if status is not MeetingStatus.HELD:
        rules.check_can_change(status, "edited")
    if all(value is None for value in (title, place, link, co_organiser, agenda)):
        raise InvalidInput(_("Nothing to change: give --title, --place, --link, --with or --item."))
    if status is MeetingStatus.HELD and agenda is not None:
        raise RuleViolation(
            _(
                "Meeting {number} has been held, and its decisions and notes are recorded "
                "under its agenda's items, so the agenda stays; correct them with psi meeting "
                "decision {number} or psi meeting notes {number}."
            ).format(number=meeting_id)
        )
    new = {
        "title": row.title if title is None else check_line(title, what=NC_("what", "title")),
        "place": row.place
        if place is None
        else optional_line(place, what=NC_("what", "place"), limit=200),
        "link": row.link if link is None else _link(link),
        "co-organiser": (
            row.co_organiser
            if co_organiser is None
            else optional_line(co_organiser, what=NC_("what", "co-organiser"), limit=200)
        ),
        "agenda": row.agenda if agenda is None else _agenda_text(agenda),
    }
    old = {
        "title": row.title,
        "place": row.place,
        "link": row.link,
        "co-organiser": row.co_organiser,
        "agenda": row.agenda,
    }
    changes = [
        change for key in old if (change := rules.field_change(key, old[key], new[key])) is not None
    ]
    if not changes:
        return Corrected(view_of(row), [], False)
    checked = _reason(row, reason)
    row.title = new["title"] or row.title
    row.place, row.link = new["place"], new["link"]
    row.co_organiser, row.agenda = new["co-organiser"], new["agenda"]
    return _finish_correction(session, row, checked, changes, calendar=True)


def cancel_meeting(session: Session, meeting_id: int, reason: str) -> MeetingView:
    """`psi meeting cancel`: kept in the record, exported to calendars as cancelled."""
    row = get_meeting(session, meeting_id)
    rules.check_can_change(MeetingStatus(row.status), "cancelled")
    row.cancel_reason = check_line(reason, what=NC_("what", "reason"), limit=500)
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


def reinstate_meeting(session: Session, meeting_id: int) -> MeetingView:
    """`psi meeting reinstate`: a cancelled meeting planned again: the same meeting and
    calendar UID, its SEQUENCE raised so calendars restore the event; the reason goes."""
    row = get_meeting(session, meeting_id)
    rules.check_can_reinstate(MeetingStatus(row.status), meeting_id)
    row.status = MeetingStatus.PLANNED.value
    row.cancel_reason = None
    _touch(row)
    session.add(row)
    session.flush()
    return view_of(row)


def _present(session: Session, meeting_id: int) -> dict[int, Attendance]:
    rows = session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)).all()
    return {row.organisation_id: row for row in rows}


def _names(session: Session, present: dict[int, int | None]) -> dict[str, str | None]:
    """Who came by name: organisation -> contact person (or None)."""
    orgs = dict(
        session.exec(
            select(Organisation.id, Organisation.name).where(col(Organisation.id).in_(present))
        ).all()
    )
    people = [c for c in present.values() if c is not None]
    contacts = dict(
        session.exec(select(Contact.id, Contact.name).where(col(Contact.id).in_(people))).all()
        if people
        else []
    )
    return {
        orgs[org]: (contacts.get(contact) if contact is not None else None)
        for org, contact in present.items()
    }


def correct_attendance(
    session: Session,
    meeting_id: int,
    *,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    reason: str | None = None,
) -> Corrected:
    """`psi meeting attend` / `unattend`: who came to a held meeting, corrected. `add` as
    `--attended` takes it (ORG or ORG:PERSON; an organisation already there gets the person);
    an organisation in `remove` must be there."""
    row = get_meeting(session, meeting_id)
    rules.check_has_record(MeetingStatus(row.status), meeting_id, "attendance")
    rows = _present(session, meeting_id)
    before = {org: attendance.contact_id for org, attendance in rows.items()}
    after = dict(before)
    added: set[int] = set()
    for text in add:
        org_id, contact_id = _attendee(session, text)
        if org_id in after and contact_id is None:
            contact_id = after[org_id]  # "ORG" alone keeps the person recorded for it
        after[org_id] = contact_id
        added.add(org_id)
    for text in remove:
        org = find_org(session, text)
        org_id = stored_id(org)
        if org_id in added:
            raise InvalidInput(
                _("{organisation} is both added and removed; give it once.").format(
                    organisation=org.name
                )
            )
        if org_id not in before:
            raise NotFound(
                _(
                    "{organisation} is not recorded as present at meeting {number}; "
                    "see who is with psi meeting show {number}."
                ).format(organisation=org.name, number=meeting_id)
            )
        after.pop(org_id, None)
    change = rules.attendance_change(_names(session, before), _names(session, after))
    if change is None:
        return Corrected(view_of(row), [], False)
    checked = _reason(row, reason)
    for org_id, attendance in rows.items():
        if org_id not in after:
            session.delete(attendance)
        elif after[org_id] != attendance.contact_id:
            attendance.contact_id = after[org_id]
            session.add(attendance)
    for org_id, contact_id in after.items():
        if org_id not in rows:
            session.add(
                Attendance(meeting_id=meeting_id, organisation_id=org_id, contact_id=contact_id)
            )
    return _finish_correction(session, row, checked, [change], calendar=False)


def correct_decisions(
    session: Session,
    meeting_id: int,
    *,
    add: Sequence[str] = (),
    change: Sequence[tuple[int, str]] = (),
    remove: Sequence[int] = (),
    reason: str | None = None,
) -> Corrected:
    """`psi meeting decision`: a held meeting's decisions, corrected. `change` and `remove`
    name decisions by their number in the meeting (as `psi meeting show` lists them, before
    this change); `add` is worded as `psi meeting held --decision` takes it, and a changed
    text may name another item ("6: ...") or keep the one it was under."""
    row = get_meeting(session, meeting_id)
    rules.check_has_record(MeetingStatus(row.status), meeting_id, "decisions")
    if not (add or change or remove):
        raise InvalidInput(
            _('Nothing to change: give --add "5: TEXT", --change N TEXT or --remove N.')
        )
    agenda = agenda_of(row)
    decisions = list(
        session.exec(
            select(Decision)
            .where(Decision.meeting_id == meeting_id)
            .order_by(col(Decision.position), col(Decision.id))
        ).all()
    )
    numbers = [number for number, _text in change] + list(remove)
    for number in numbers:
        if not 1 <= number <= len(decisions):
            if decisions:
                message = _(
                    "Meeting {number} has no decision {decision}; it has decisions 1–{last} "
                    "(see psi meeting show {number})."
                )
            else:
                message = _(
                    "Meeting {number} has no decision {decision}; it has no decisions "
                    "(see psi meeting show {number})."
                )
            raise NotFound(message.format(number=meeting_id, decision=number, last=len(decisions)))
    if len(set(numbers)) < len(numbers):
        raise InvalidInput(_("A decision is named twice; change or remove each one once."))

    def shown(text: str, place: int | None) -> str:
        return _decision_view(agenda, text, place, 0).shown

    changes: list[str] = []
    edits: list[tuple[Decision, int | None, str]] = []
    for number, text in change:
        decision = decisions[number - 1]
        place, body = retie_decision(text, agenda, decision.agenda_item)
        sentence = rules.decision_sentence(body)
        described = rules.decision_change(
            number, shown(decision.text, decision.agenda_item), shown(sentence, place)
        )
        if described:
            changes.append(described)
            edits.append((decision, place, sentence))
    for number in sorted(remove):
        decision = decisions[number - 1]
        described = rules.decision_change(number, shown(decision.text, decision.agenda_item), None)
        assert described is not None
        changes.append(described)
    new = [
        (place, rules.decision_sentence(text))
        for place, text in (tie_decision(typed, agenda) for typed in add)
    ]
    count = len(decisions) - len(remove)
    for offset, (place, sentence) in enumerate(new, start=1):
        described = rules.decision_change(count + offset, None, shown(sentence, place))
        assert described is not None
        changes.append(described)
    if not changes:
        return Corrected(view_of(row), [], False)
    checked = _reason(row, reason)
    for decision, place, sentence in edits:
        decision.text, decision.agenda_item = sentence, place
        session.add(decision)
    for number in remove:
        session.delete(decisions[number - 1])
    last = max((d.position for d in decisions), default=0)
    for offset, (place, sentence) in enumerate(new, start=1):
        session.add(
            Decision(
                meeting_id=meeting_id, position=last + offset, text=sentence, agenda_item=place
            )
        )
    return _finish_correction(session, row, checked, changes, calendar=False)


def replace_notes(
    session: Session, meeting_id: int, text: str | None, *, reason: str | None = None
) -> Corrected:
    """`psi meeting notes`: a held meeting's notes replaced (checked as `psi meeting held
    --minutes` checks them), or removed (`text` None)."""
    row = get_meeting(session, meeting_id)
    rules.check_has_record(MeetingStatus(row.status), meeting_id, "notes")
    agenda = agenda_of(row)
    notes = check_note_long(text) if text is not None else None
    split_notes(notes, agenda, strict=True)
    passages = changed_passages(row.minutes, notes, agenda) if agenda.items else ["replaced"]
    if (row.minutes or "").split() == (notes or "").split():
        passages = []
    change = rules.notes_change(passages, before=bool(row.minutes), after=bool(notes))
    if change is None:
        return Corrected(view_of(row), [], False)
    checked = _reason(row, reason)
    row.minutes = notes
    return _finish_correction(session, row, checked, [change], calendar=False)


def adjust_meeting(
    session: Session,
    meeting_id: int,
    on: date | None,
    *,
    today: date | None = None,
) -> tuple[MeetingView, date | None, date | None]:
    """`psi meeting adjusted`: the day the protokoll was justerat (None: clear a justering
    recorded by mistake, while no correction depends on it). The meeting, the day before and
    the day after."""
    row = get_meeting(session, meeting_id)
    before = row.adjusted_on
    if on is None:
        corrections = session.exec(
            select(func.count())
            .select_from(MeetingCorrection)
            .where(MeetingCorrection.meeting_id == meeting_id)
        ).one()
        rules.check_can_unadjust(meeting_id, before, int(corrections))
    else:
        rules.check_adjusted_on(
            meeting_id, MeetingStatus(row.status), row.day, on, today or date.today()
        )
    if on != before:
        row.adjusted_on = on
        _touch(row, calendar=False)
        session.add(row)
        session.flush()
    return view_of(row), before, on


def agenda_of(row: Meeting) -> Agenda:
    """The meeting's own items, numbered as its kallelse numbers them."""
    return Agenda.of(Kind(row.kind), view_of(row).agenda)


def _attendee(session: Session, text: str) -> tuple[int, int | None]:
    """`ORG` or `ORG:PERSON` (a contact person of that organisation) as ids."""
    org_text, _colon, person = text.partition(":")
    org = find_org(session, org_text)
    if not person.strip():
        return stored_id(org), None
    key = casefold_key(person)
    contacts = session.exec(select(Contact).where(Contact.organisation_id == org.id)).all()
    match = [c for c in contacts if casefold_key(c.name) == key]
    if not match:
        raise NotFound(
            _(
                "{organisation} has no contact person called '{person}'; add one with "
                'psi contact add "{organisation}" "{person}", or give only the organisation.'
            ).format(organisation=org.name, person=person.strip())
        )
    return stored_id(org), stored_id(match[0])


MINUTES_MAX = 100_000


def check_note_long(text: str) -> str:
    """Minutes text: kept as written, but not empty and not beyond the limit."""
    value = text.strip()
    if not value:
        raise InvalidInput(_("The minutes file is empty."))
    if has_binary_characters(value):
        raise InvalidInput(
            _(
                "The minutes file holds a NUL or other control character, so it is not plain "
                "text; save the minutes as text (Markdown or .txt) and try again."
            )
        )
    if len(value) > MINUTES_MAX:
        raise InvalidInput(
            _("The minutes are {length} characters; at most {limit} fit.").format(
                length=len(value), limit=MINUTES_MAX
            )
        )
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
        text=check_line(text, what=NC_("what", "action"), limit=1000),
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
    item = _get_action(session, action_id)
    if item.done_on is not None:
        raise RuleViolation(
            _("Action item {number} was already done on {date}.").format(
                number=action_id, date=item.done_on
            )
        )
    item.done_on = on
    session.add(item)
    session.flush()
    row = session.exec(_action_query().where(col(ActionItem.id) == action_id)).one()
    return _action_view(*row)


def _get_action(session: Session, action_id: int) -> ActionItem:
    return get_or_missing(
        session,
        ActionItem,
        action_id,
        _("There is no action item {number}; see `psi action list`.").format(number=action_id),
    )


def _action_of(session: Session, action_id: int) -> ActionView:
    row = session.exec(_action_query().where(col(ActionItem.id) == action_id)).one()
    return _action_view(*row)


def get_action(session: Session, action_id: int) -> ActionView:
    """One action item, or NotFound."""
    _get_action(session, action_id)
    return _action_of(session, action_id)


def edit_action(
    session: Session,
    action_id: int,
    *,
    text: str | None = None,
    owner: str | None = None,
    due: date | None = None,
) -> tuple[ActionView, list[str]]:
    """`psi action edit`: an action item's text, owner or due date; what changed, in words."""
    if text is None and owner is None and due is None:
        raise InvalidInput(_("Nothing to change: give --text, --owner or --due."))
    item = _get_action(session, action_id)
    changed = []
    if text is not None:
        new_text = check_line(text, what=NC_("what", "action"), limit=1000)
        if new_text != item.text:
            item.text = new_text
            changed.append("text")
    if owner is not None:
        org_id = stored_id(find_org(session, owner))
        if org_id != item.owner_id:
            item.owner_id = org_id
            changed.append("owner")
    if due is not None and due != item.due_on:
        item.due_on = due
        changed.append("due date")
    if changed:
        session.add(item)
        session.flush()
    return _action_of(session, action_id), changed


def remove_action(session: Session, action_id: int) -> ActionView:
    """`psi action remove`: an action item entered by mistake, deleted; what it was."""
    item = _get_action(session, action_id)
    view = _action_of(session, action_id)
    session.delete(item)
    session.flush()
    return view


def reopen_action(session: Session, action_id: int) -> ActionView:
    """`psi action reopen`: a done action item open again (its done date goes)."""
    item = _get_action(session, action_id)
    if item.done_on is None:
        raise RuleViolation(
            _(
                "Action item {number} is not done, so there is nothing to reopen; "
                "mark it done with psi action done {number}."
            ).format(number=action_id)
        )
    item.done_on = None
    session.add(item)
    session.flush()
    return _action_of(session, action_id)


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
    number: int = 0
    """The decision's number in the meeting (1: the first), as `--change N` names it."""

    @property
    def shown(self) -> str:
        """ "§ 5 Budget: Mötet beslutade att ...", or the sentence alone under Övriga frågor."""
        return f"§ {self.item} {self.item_title}: {self.text}" if self.item else self.text


def _decision_view(agenda: Agenda, text: str, place: int | None, number: int) -> DecisionView:
    # An item beyond the agenda (one edited away) is shown under Övriga frågor.
    if place is None or place > len(agenda.items):
        return DecisionView(text, None, None, None, number)
    return DecisionView(text, place, agenda.number(place), agenda.items[place - 1], number)


@dataclass(frozen=True)
class CorrectionView:
    """A change of a held meeting's record after its justering: when, what and why."""

    made_at: datetime
    change: str
    reason: str

    @property
    def day(self) -> date:
        """The local day it was made."""
        moment = self.made_at if self.made_at.tzinfo else self.made_at.replace(tzinfo=UTC)
        return moment.astimezone().date()


@dataclass(frozen=True)
class InvitationView:
    """A kallelse sent by e-mail (psi meeting invite --send): when, a request (the kallelse
    or its update) or a cancellation, the calendar event's SEQUENCE, and to how many."""

    sent_at: datetime
    """In UTC."""
    method: Method
    sequence: int
    recipients: int
    """Addresses the mail server accepted."""
    refused: int
    """Addresses it refused."""
    occasion: Occasion
    """What it was: the first kallelse, the update, the same again, or the cancellation."""


def invitations_of(session: Session, meeting_id: int) -> list[InvitationView]:
    """The kallelser sent for a meeting, oldest first."""
    rows = session.exec(
        select(Invitation)
        .where(Invitation.meeting_id == meeting_id)
        .order_by(col(Invitation.sent_at), col(Invitation.id))
    ).all()
    runs = [
        Sent(
            row.sent_at if row.sent_at.tzinfo else row.sent_at.replace(tzinfo=UTC),
            Method(row.method),
            row.sequence,
            row.recipients,
        )
        for row in rows
    ]
    return [
        InvitationView(
            sent_at=run.sent_at,
            method=run.method,
            sequence=run.sequence,
            recipients=run.recipients,
            refused=row.refused,
            occasion=occasion,
        )
        for run, row, occasion in zip(runs, rows, occasions(runs), strict=True)
    ]


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
    adjusted_on: date | None = None
    """The day the protokoll was justerat; later changes are corrections."""
    corrections: list[CorrectionView] = field(default_factory=list)
    invitations: list[InvitationView] = field(default_factory=list)
    """The kallelser sent by e-mail, oldest first."""


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
        .order_by(col(Decision.position), col(Decision.id))
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
        decisions=[
            _decision_view(agenda_of(row), text, place, number)
            for number, (text, place) in enumerate(decisions, start=1)
        ],
        minutes=row.minutes,
        actions=[_action_view(*action) for action in actions],
        open_before=open_actions_before(session, row),
        next_meeting=view_of(following) if following else None,
        adjusted_on=row.adjusted_on,
        corrections=[
            CorrectionView(c.made_at, c.change, c.reason)
            for c in session.exec(
                select(MeetingCorrection)
                .where(MeetingCorrection.meeting_id == meeting_id)
                .order_by(col(MeetingCorrection.made_at), col(MeetingCorrection.id))
            )
        ],
        invitations=invitations_of(session, meeting_id),
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
