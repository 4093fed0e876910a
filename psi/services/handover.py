"""`psi report handover YEAR`: everything the newcomer needs from the register, read in one
transaction: the coordinators and the AU, open items, activities, coming meetings and their
kallelse, the money, the prospects, the dialogue with MSI, the year's decisions, the settings.

The facts come from the services that already read them (rotation, meetings, activities,
budget); the AU seats, the invitations sent and the year's decisions are read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from psi.domain import handover as rules
from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.followup import NextPair, next_pair
from psi.domain.handover import Commitments, Contacted, Step
from psi.domain.invitation import KallelseState, Sent, kallelse_state
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.text import swedish_sort_key
from psi.models import AuSeat, Contact, Decision, Inquiry, Meeting, Organisation
from psi.services.activities import (
    ActivityView,
    LogView,
    ProspectView,
    list_activities,
    list_log,
    prospects,
)
from psi.services.budget import BudgetStatus, grant_total
from psi.services.contacts import list_contacts
from psi.services.meetings import (
    ActionView,
    DecisionView,
    InvitationView,
    MeetingView,
    invitations_of,
    list_actions,
    list_meetings,
    meeting_detail,
)
from psi.services.orgs import ContactView
from psi.services.rotation import CoordinatorView, ProposalView, coordinator_history, propose
from psi.services.yearly import budget_report

DOCUMENT_SETTINGS = (
    "name",
    "short-name",
    "county",
    "region",
    "committee",
    "signer",
    "signer-title",
    "founded",
    "founded-by",
    "meeting-place",
    "rsvp-to",
    "rsvp-days",
    "default-grant",
)
"""The settings psi's documents use, in the order the hand-over lists them."""

NEEDED_SETTINGS = frozenset(
    {"signer", "signer-title", "founded", "founded-by", "meeting-place", "rsvp-to"}
)
"""Those a document shows a gap or a blank line for while they are unset."""

MAIL_PREFIXES = ("smtp-", "mail-")
"""Settings for sending mail, listed too when psi has them."""


@dataclass(frozen=True)
class SeatView:
    """An organisation on the AU and the person who sits for it (None: nobody named)."""

    organisation: str
    person: str | None
    email: str | None


@dataclass(frozen=True)
class ComingMeeting:
    """A meeting from the document's day on, and where its kallelse stands."""

    meeting: MeetingView
    kallelse: KallelseState
    last: InvitationView | None
    """The invitation the state rests on: the last kallelse, or the cancellation."""
    due: bool
    """Its kallelse, update or cancellation should go out now (psi.domain.handover)."""


@dataclass(frozen=True)
class MeetingDecision:
    """A decision a meeting held in the year took, under its item (§) of the agenda."""

    meeting_id: int
    day: date
    kind: Kind
    title: str
    decision: DecisionView


@dataclass(frozen=True)
class ProspectState:
    """A prospective member and its recruitment contacts up to the document's day: how many,
    the last one's day, the days since and its note (psi.domain.handover.contacted)."""

    prospect: ProspectView
    contact: Contacted
    silent: bool


@dataclass(frozen=True)
class InquiryView:
    """The AU asked an organisation to coordinate next year: when, and its answer."""

    organisation: str
    asked_on: date
    answer: str
    note: str | None


@dataclass(frozen=True)
class MsiState:
    """The dialogue with Mötesplats social innovation: meetings, log entries, last contact."""

    meetings: list[MeetingView]
    """MSI meetings of the year and after, held, planned or cancelled."""
    log: list[LogView]
    """The year's MSI log entries."""
    last_contact: date | None
    """The last MSI meeting held or MSI entry logged, any year, up to the document's day."""


@dataclass(frozen=True)
class SettingState:
    """A setting the documents use: its value (None: unset) and whether a document needs it."""

    key: str
    value: str | None
    needed: bool


@dataclass(frozen=True)
class HandoverReport:
    """Everything `psi report handover YEAR` shows, as of `today`."""

    year: int
    today: date
    settings: dict[str, str | None]
    coordinators: list[CoordinatorView]
    """YEAR's coordinators."""
    coming: list[CoordinatorView]
    """YEAR+1's coordinators, as recorded so far."""
    pair: NextPair
    proposal: ProposalView
    """The rotation rule's proposal for YEAR+1."""
    inquiries: list[InquiryView]
    """Organisations asked to coordinate YEAR+1."""
    contacts: list[ContactView]
    """The contact persons of YEAR's and YEAR+1's coordinators."""
    au_year: int
    au: list[SeatView]
    """The AU of YEAR+1 when recorded, else of YEAR (au_year says which)."""
    au_next: int
    """How many AU seats YEAR+1 has recorded."""
    open_actions: list[ActionView]
    activities: list[ActivityView]
    """YEAR's activities planned, ongoing or carried, and YEAR+1's not yet done."""
    meetings: list[ComingMeeting]
    past_planned: list[MeetingView]
    """Meetings of YEAR and YEAR+1 dated before today and still planned."""
    budget: BudgetStatus
    commitments: Commitments
    next_grant: int
    prospects: list[ProspectState]
    msi: MsiState
    decisions: list[MeetingDecision]
    document_settings: list[SettingState]
    steps: list[Step]

    @property
    def overdue(self) -> list[ActionView]:
        """The open action items past their due date."""
        return [a for a in self.open_actions if a.overdue(self.today)]


def _seats(session: Session, year: int) -> list[SeatView]:
    rows = session.exec(
        select(Organisation.name, Contact.name, Contact.email)
        .select_from(AuSeat)
        .join(Organisation, col(AuSeat.organisation_id) == col(Organisation.id))
        .outerjoin(Contact, col(AuSeat.contact_id) == col(Contact.id))
        .where(AuSeat.year == year)
    ).all()
    seats = [SeatView(org, person, email) for org, person, email in rows]
    return sorted(seats, key=lambda s: swedish_sort_key(s.organisation))


def _coming_meetings(session: Session, year: int, today: date) -> list[ComingMeeting]:
    """The meetings of YEAR and YEAR+1 from today on, each with its kallelse."""
    meetings = [
        m
        for y in (year, year + 1)
        for m in list_meetings(session, y).meetings
        if m.day >= today and m.status != MeetingStatus.HELD
    ]
    coming = []
    for m in meetings:
        runs = [
            (Sent(i.sent_at, i.method, i.sequence, i.recipients), i)
            for i in invitations_of(session, m.id)
        ]
        state = kallelse_state(m.status, m.sequence, [run for run, _view in runs])
        last = next((view for run, view in runs if run == state.last), None)
        coming.append(ComingMeeting(m, state, last, rules.kallelse_due(m.day, today, state)))
    return coming


def _past_planned(session: Session, year: int, today: date) -> list[MeetingView]:
    return [
        m
        for y in (year, year + 1)
        for m in list_meetings(session, y, status=MeetingStatus.PLANNED).meetings
        if m.day < today
    ]


def _decisions(session: Session, year: int) -> list[MeetingDecision]:
    """The decisions of the meetings held in the year, by meeting date, numbered as their
    minutes number them (psi.services.meetings.meeting_detail)."""
    held = session.exec(
        select(Meeting.id)
        .where(
            Meeting.status == MeetingStatus.HELD.value,
            col(Meeting.day) >= date(year, 1, 1),
            col(Meeting.day) <= date(year, 12, 31),
            col(Meeting.id).in_(select(Decision.meeting_id)),
        )
        .order_by(col(Meeting.day), col(Meeting.start_time).nulls_first(), col(Meeting.id))
    ).all()
    found = []
    for meeting_id in held:
        assert meeting_id is not None
        detail = meeting_detail(session, meeting_id)
        m = detail.meeting
        found += [MeetingDecision(m.id, m.day, m.kind, m.title, d) for d in detail.decisions]
    return found


def _activities(session: Session, year: int) -> list[ActivityView]:
    """The year's activities still to do or carried on, and next year's not yet done."""
    open_now = (ActivityStatus.PLANNED, ActivityStatus.ONGOING, ActivityStatus.CARRIED)
    open_next = (ActivityStatus.PLANNED, ActivityStatus.ONGOING)
    return [a for a in list_activities(session, year) if a.status in open_now] + [
        a for a in list_activities(session, year + 1) if a.status in open_next
    ]


def _prospects(session: Session, today: date) -> list[ProspectState]:
    """The prospects, longest silence first; an entry logged for a day after today is no
    contact yet, for the date, the days since, the note and the count alike."""
    entries: dict[str, list[tuple[date, str]]] = {}
    for entry in list_log(session, kind=LogKind.RECRUITMENT):  # by date, then as entered
        if entry.organisation:
            entries.setdefault(entry.organisation, []).append((entry.day, entry.text))
    states = []
    for p in prospects(session, today):
        contact = rules.contacted(entries.get(p.name, []), today)
        states.append(ProspectState(p, contact, rules.is_silent(contact.last, today)))
    return sorted(
        states,
        key=lambda s: (s.contact.last is not None, s.contact.last or date.min, s.prospect.name),
    )


def _inquiries(session: Session, year: int) -> list[InquiryView]:
    rows = session.exec(
        select(Inquiry, Organisation.name)
        .join(Organisation, col(Inquiry.organisation_id) == col(Organisation.id))
        .where(Inquiry.year == year)
        .order_by(col(Inquiry.asked_on), col(Organisation.name))
    ).all()
    return [InquiryView(name, row.asked_on, row.answer, row.note) for row, name in rows]


def _msi(session: Session, year: int, today: date) -> MsiState:
    meetings = list_meetings(session, kind=Kind.MSI).meetings
    log = list_log(session, kind=LogKind.MSI)
    held = [m.day for m in meetings if m.status == MeetingStatus.HELD]
    return MsiState(
        meetings=[m for m in meetings if m.day.year >= year],
        log=[e for e in log if e.day.year == year],
        last_contact=rules.last_contact([*held, *(e.day for e in log)], today),
    )


def _document_settings(settings: dict[str, str | None]) -> list[SettingState]:
    keys = [*DOCUMENT_SETTINGS, *(k for k in settings if k.startswith(MAIL_PREFIXES))]
    return [
        SettingState(key, settings.get(key), key in NEEDED_SETTINGS)
        for key in keys
        if key in settings
    ]


def handover_report(session: Session, year: int, today: date | None = None) -> HandoverReport:
    """Gather what the coordinator leaving after `year` hands to the newcomer; reads only."""
    today = today or date.today()
    history = coordinator_history(session)
    current = [c for c in history if c.year == year]
    coming = [c for c in history if c.year == year + 1]
    pair = next_pair(year, [c.organisation for c in current], [c.organisation for c in coming])
    names = {c.organisation for c in current + coming}
    au_next = _seats(session, year + 1)
    au = au_next or _seats(session, year)
    money = budget_report(session, year, today)
    budget = money.budget
    meetings = _coming_meetings(session, year, today)
    past = _past_planned(session, year, today)
    open_actions = list_actions(session, open_only=True, today=today)
    recruiting = _prospects(session, today)
    document_settings = _document_settings(money.settings)
    next_grant = grant_total(session, year + 1)
    facts = rules.HandoverFacts(
        pair_complete=pair.complete,
        next_grant=next_grant,
        au_seats_next=len(au_next),
        overdue=sum(1 for a in open_actions if a.overdue(today)),
        past_planned=len(past),
        kallelse_due=sum(1 for m in meetings if m.due),
        unset_settings=sum(1 for s in document_settings if s.needed and not s.value),
        silent_prospects=sum(1 for p in recruiting if p.silent),
    )
    return HandoverReport(
        year=year,
        today=today,
        settings=money.settings,
        coordinators=current,
        coming=coming,
        pair=pair,
        proposal=propose(session, year + 1),
        inquiries=_inquiries(session, year + 1),
        contacts=[c for c in list_contacts(session) if c.organisation in names],
        au_year=year + 1 if au_next else year,
        au=au,
        au_next=len(au_next),
        open_actions=open_actions,
        activities=_activities(session, year),
        meetings=meetings,
        past_planned=past,
        budget=budget,
        commitments=rules.commitments(budget.grant, budget.burns),
        next_grant=next_grant,
        prospects=recruiting,
        msi=_msi(session, year, today),
        decisions=_decisions(session, year),
        document_settings=document_settings,
        steps=rules.first_steps(facts),
    )
