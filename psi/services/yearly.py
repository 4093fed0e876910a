"""The facts of one year, gathered in one transaction: everything for the follow-up and
`psi status` (year_report), and for each other year report only what it shows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain import duties
from psi.domain.activity import ActivityStatus, LogKind, count_activities
from psi.domain.budget import elapsed_share
from psi.domain.followup import MoneyRemark, NextPair, Reach, money_remark, next_pair
from psi.domain.invitation import Method, local_day
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.membership import member_on
from psi.domain.planning import REGIONAL_UTVECKLING
from psi.models import (
    Attendance,
    Contact,
    CoordinatorTerm,
    Invitation,
    InvitationRecipient,
    Meeting,
    Organisation,
)
from psi.services.activities import (
    ActivityView,
    LogView,
    goal_texts,
    list_activities,
    list_log,
)
from psi.services.budget import BudgetStatus, ExpenseView, budget_status, list_expenses
from psi.services.meetings import ActionView, MeetingView, list_actions, list_meetings
from psi.services.rotation import CoordinatorView, coordinator_history
from psi.services.settings import all_settings

if TYPE_CHECKING:
    from psi.domain.decision import Assessment, DraftInput, Followup, RotationDecision


@dataclass(frozen=True)
class MemberCounts:
    """Members at the start and end of a year, who joined and who left."""

    at_start: int
    at_end: int
    now: int
    joined: list[str]
    left: list[str]
    prospects: int
    prospects_contacted: int


@dataclass(frozen=True)
class YearReport:
    """The facts of a year, from every part of the register."""

    year: int
    today: date
    settings: dict[str, str | None]
    coordinators: list[CoordinatorView]
    history: list[CoordinatorView]
    meetings: list[MeetingView]
    attendance_per_meeting: dict[int, int]
    attendance_per_org: dict[str, int]
    activities: list[ActivityView]
    log: list[LogView]
    members: MemberCounts
    budget: BudgetStatus
    open_actions: list[ActionView]
    share_of_year: float
    facts: duties.YearFacts
    criteria: duties.Criteria
    duties: list[duties.Duty]
    reach: Reach
    next_pair: NextPair
    money: MoneyRemark

    @property
    def is_empty(self) -> bool:
        """True when the register holds nothing at all for the year."""
        return not (
            self.coordinators or self.meetings or self.activities or self.log or self.budget.grant
        )


def _within(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


def _members_on(rows: Sequence[Organisation], day: date) -> list[Organisation]:
    return [row for row in rows if member_on(row, day)]


def _joined_and_left(
    rows: Sequence[Organisation], start: date, end: date
) -> tuple[list[str], list[str]]:
    """The names of the organisations that joined, and of those that left, between two days."""
    joined = sorted(row.name for row in rows if _within(row.joined_on, start, end))
    left = sorted(row.name for row in rows if _within(row.left_on, start, end))
    return joined, left


def _members(
    rows: Sequence[Organisation], year: int, today: date, contacted: set[str]
) -> MemberCounts:
    start, end = date(year, 1, 1), date(year, 12, 31)
    members_now = _members_on(rows, today)
    joined, left = _joined_and_left(rows, start, end)
    return MemberCounts(
        at_start=len(_members_on(rows, start)),
        at_end=len(_members_on(rows, end)),
        now=len(members_now),
        joined=joined,
        left=left,
        prospects=sum(1 for row in rows if row.status == "prospect"),
        prospects_contacted=len(contacted),
    )


def _attendance(session: Session, year: int) -> tuple[dict[int, int], dict[str, int]]:
    in_year = (col(Meeting.day) >= date(year, 1, 1)) & (col(Meeting.day) <= date(year, 12, 31))
    per_meeting = session.exec(
        select(Attendance.meeting_id, func.count())
        .join(Meeting, col(Attendance.meeting_id) == col(Meeting.id))
        .where(in_year)
        .group_by(col(Attendance.meeting_id))
    ).all()
    per_org = session.exec(
        select(Organisation.name, func.count())
        .select_from(Attendance)
        .join(Meeting, col(Attendance.meeting_id) == col(Meeting.id))
        .join(Organisation, col(Attendance.organisation_id) == col(Organisation.id))
        .where(in_year)
        .group_by(col(Organisation.name))
    ).all()
    return {m: int(n) for m, n in per_meeting}, {name: int(n) for name, n in per_org}


@dataclass(frozen=True)
class Present:
    """One organisation (and the person, when named) at one held meeting."""

    meeting_id: int
    kind: str
    organisation: str
    municipality_code: str | None
    contact_id: int | None


def _present(session: Session, year: int, orgs: Mapping[int | None, Organisation]) -> list[Present]:
    """Who attended the year's held meetings."""
    rows = session.exec(
        select(
            Attendance.meeting_id, Attendance.contact_id, Meeting.kind, Attendance.organisation_id
        )
        .join(Meeting, col(Attendance.meeting_id) == col(Meeting.id))
        .where(
            col(Meeting.day) >= date(year, 1, 1),
            col(Meeting.day) <= date(year, 12, 31),
            Meeting.status == MeetingStatus.HELD.value,
        )
    ).all()
    return [
        Present(meeting_id, kind, orgs[org_id].name, orgs[org_id].municipality_code, contact_id)
        for meeting_id, contact_id, kind, org_id in rows
    ]


def coordinator_attendance(
    present: Sequence[Present], coordinators: Sequence[str]
) -> tuple[duties.CoordinatorAttendance, ...]:
    """How many of the AU meetings held with attendance recorded each coordinator attended."""
    at_au: dict[int, set[str]] = {}
    for p in present:
        if p.kind == Kind.AU.value:
            at_au.setdefault(p.meeting_id, set()).add(p.organisation)
    return tuple(
        duties.CoordinatorAttendance(
            name, sum(1 for orgs in at_au.values() if name in orgs), len(at_au)
        )
        for name in coordinators
    )


def reach_of(
    present: Sequence[Present], members: Sequence[Organisation], meetings_held: int
) -> Reach:
    """Persons and organisations at the held meetings, and the kommuner members are in."""
    from psi.domain.municipality import KOMMUNER
    from psi.domain.organisation import Sector

    def kommuner(codes: set[str | None]) -> tuple[str, ...]:
        return tuple(sorted(KOMMUNER[code] for code in codes if code in KOMMUNER))

    return Reach(
        meetings_held=meetings_held,
        persons=len({p.contact_id for p in present if p.contact_id is not None}),
        organisations=len({p.organisation for p in present}),
        member_municipalities=kommuner({m.municipality_code for m in members}),
        municipalities_as_members=tuple(
            sorted(m.name for m in members if m.sector == Sector.MUNICIPALITY.value)
        ),
        meeting_municipalities=kommuner({p.municipality_code for p in present}),
    )


def quarters_with_posts(
    log: Sequence[LogView], year: int, today: date, per_quarter: int
) -> tuple[int, int]:
    """The quarters wholly passed by `today`, and how many of them have the posts asked for."""
    passed = duties.quarters_passed(year, today)
    posts = Counter(
        duties.quarter_of(entry.day)
        for entry in log
        if entry.kind in (LogKind.WEBSITE, LogKind.SOCIAL_MEDIA) and entry.day.year == year
    )
    return passed, sum(1 for q in range(1, passed + 1) if posts[q] >= max(per_quarter, 1))


def year_facts(
    year: int,
    today: date,
    meetings: list[MeetingView],
    activities: list[ActivityView],
    log: list[LogView],
    members: MemberCounts,
    criteria: duties.Criteria,
    coordinators: tuple[duties.CoordinatorAttendance, ...] = (),
    member_kallelser: int = 0,
) -> duties.YearFacts:
    """The counts the six duties are judged on, as of `today`; `member_kallelser`: the
    meetings whose kallelse was e-mailed to the members in the year."""

    def meetings_of(kind: Kind, *statuses: MeetingStatus) -> list[MeetingView]:
        wanted = {s.value for s in statuses}
        return [m for m in meetings if m.kind == kind.value and m.status in wanted]

    held_stormoten = meetings_of(Kind.STORMOTE, MeetingStatus.HELD)
    au_on_plan = meetings_of(Kind.AU, *MeetingStatus)
    kinds = Counter(entry.kind for entry in log)
    counts = count_activities(ActivityStatus(a.status) for a in activities)
    passed, with_posts = quarters_with_posts(log, year, today, criteria.posts_per_quarter)
    return duties.YearFacts(
        au_planned=len(au_on_plan),
        au_due=sum(1 for m in au_on_plan if m.day <= today),
        au_held=len(meetings_of(Kind.AU, MeetingStatus.HELD)),
        stormoten_held=len(held_stormoten),
        stormoten_with_regional_utveckling=sum(
            1
            for m in held_stormoten
            if (m.co_organiser or "").casefold() == REGIONAL_UTVECKLING.casefold()
        ),
        stormoten_planned=len(meetings_of(Kind.STORMOTE, MeetingStatus.PLANNED)),
        member_dialogue_entries=kinds[LogKind.MEMBER_DIALOGUE],
        activities_listed=counts.total,
        activities_done=counts.done,
        recruitment_entries=kinds[LogKind.RECRUITMENT],
        members_joined=len(members.joined),
        msi_entries=kinds[LogKind.MSI],
        msi_meetings_held=len(meetings_of(Kind.MSI, MeetingStatus.HELD)),
        website_posts=kinds[LogKind.WEBSITE],
        social_media_posts=kinds[LogKind.SOCIAL_MEDIA],
        quarters_with_posts=with_posts,
        quarters_passed=passed,
        coordinators=coordinators,
        member_kallelser=member_kallelser,
    )


def kallelser_sent(session: Session, year: int, orgs: Mapping[int | None, Organisation]) -> int:
    """How many stormöten's kallelser psi e-mailed to the members in the year (sent with
    psi meeting invite --send, the day they went out in the year); the rule is
    psi.domain.duties.kallelser_to_members."""
    # A day on either side: the year's bounds are local days, the times are stored in UTC.
    rows = session.exec(
        select(Invitation.meeting_id, Meeting.kind, Invitation.sent_at, Contact.organisation_id)
        .join(Meeting, col(Meeting.id) == col(Invitation.meeting_id))
        .join(InvitationRecipient, col(InvitationRecipient.invitation_id) == col(Invitation.id))
        .join(Contact, col(Contact.id) == col(InvitationRecipient.contact_id))
        .where(
            Invitation.method == Method.REQUEST.value,
            col(Invitation.sent_at) >= datetime(year - 1, 12, 31, tzinfo=UTC),
            col(Invitation.sent_at) < datetime(year + 1, 1, 2, tzinfo=UTC),
        )
    ).all()
    coordinating = set(
        session.exec(
            select(CoordinatorTerm.organisation_id).where(CoordinatorTerm.year == year)
        ).all()
    )
    sent = [
        duties.KallelseReach(meeting, kind, day, orgs[organisation], organisation in coordinating)
        for meeting, kind, sent_at, organisation in rows
        if (day := local_day(sent_at)).year == year and organisation in orgs
    ]
    return duties.kallelser_to_members(sent)


def meeting_count(session: Session) -> int:
    """How many meetings the register holds, all years (one indexed count)."""
    return int(session.exec(select(func.count()).select_from(Meeting)).one())


def year_report(session: Session, year: int, today: date | None = None) -> YearReport:
    """Gather a year's facts and judge its duties by the AU's criteria; reads only."""
    today = today or date.today()
    settings = all_settings(session)
    criteria = duties.criteria_from(settings)
    history = coordinator_history(session)
    coordinators = [c for c in history if c.year == year]
    meetings = list_meetings(session, year).meetings
    per_meeting, per_org = _attendance(session, year)
    activities = list_activities(session, year)
    log = list_log(session, year)
    contacted = {
        e.organisation for e in log if e.kind == LogKind.RECRUITMENT.value and e.organisation
    }
    orgs = session.exec(select(Organisation)).all()
    present = _present(session, year, {org.id: org for org in orgs})
    members = _members(orgs, year, today, contacted)
    share = elapsed_share(year, today)
    attendance = coordinator_attendance(present, [c.organisation for c in coordinators])
    by_id = {org.id: org for org in orgs}
    facts = year_facts(
        year,
        today,
        meetings,
        activities,
        log,
        members,
        criteria,
        attendance,
        member_kallelser=kallelser_sent(session, year, by_id),
    )
    budget = budget_status(session, year, today)
    held = sum(1 for m in meetings if m.status == MeetingStatus.HELD.value)
    return YearReport(
        year=year,
        today=today,
        settings=settings,
        coordinators=coordinators,
        history=history,
        meetings=meetings,
        attendance_per_meeting=per_meeting,
        attendance_per_org=per_org,
        activities=activities,
        log=log,
        members=members,
        budget=budget,
        open_actions=list_actions(session, open_only=True, today=today),
        share_of_year=share,
        facts=facts,
        criteria=criteria,
        duties=duties.assess(facts, share, criteria),
        reach=reach_of(present, _members_on(orgs, min(today, date(year, 12, 31))), held),
        next_pair=next_pair(
            year,
            [c.organisation for c in coordinators],
            [c.organisation for c in history if c.year == year + 1],
        ),
        money=money_remark(budget.grant, budget.spent, share),
    )


@dataclass(frozen=True)
class BudgetReport:
    """What `psi report budget` shows: the year's budget status and every expense."""

    year: int
    today: date
    settings: dict[str, str | None]
    budget: BudgetStatus
    expenses: list[ExpenseView]


def budget_report(session: Session, year: int, today: date | None = None) -> BudgetReport:
    """Gather the facts of a year's budget report; reads only."""
    today = today or date.today()
    return BudgetReport(
        year=year,
        today=today,
        settings=all_settings(session),
        budget=budget_status(session, year, today),
        expenses=list_expenses(session, year),
    )


@dataclass(frozen=True)
class ActivitiesReport:
    """What `psi report activities` shows: the year's activity list and the plan's goals."""

    year: int
    today: date
    settings: dict[str, str | None]
    activities: list[ActivityView]
    goals: dict[str, str]


def activities_report(session: Session, year: int, today: date | None = None) -> ActivitiesReport:
    """Gather the facts of a year's activity list; reads only."""
    return ActivitiesReport(
        year=year,
        today=today or date.today(),
        settings=all_settings(session),
        activities=list_activities(session, year),
        goals=goal_texts(session, year),
    )


def decision_input(session: Session, year: int, day: date) -> DraftInput:
    """Everything recorded that the decision draft for `year` may state on `day`; reads only.

    The domain (psi.domain.decision) decides what of it counts on the day.
    """
    from psi.domain.budget import Funding
    from psi.domain.decision import Appointed, DraftInput, GrantFact
    from psi.domain.rotation import CIVIL_SOCIETY, Role
    from psi.models import CoFunding, CoordinatorTerm, Grant

    orgs = session.exec(select(Organisation)).all()
    by_id = {org.id: org for org in orgs}
    terms = [
        Appointed(
            t.year,
            t.organisation_id,
            by_id[t.organisation_id].name,
            by_id[t.organisation_id].sector == CIVIL_SOCIETY,
            Role(t.role),
            t.extension,
            t.decided_on,
        )
        for t in session.exec(select(CoordinatorTerm).order_by(col(CoordinatorTerm.id))).all()
    ]
    grants = [
        GrantFact(g.amount_ore, g.decided_on, g.decision_ref)
        for g in session.exec(select(Grant).where(Grant.year == year).order_by(col(Grant.id)))
    ]
    freeing = session.exec(
        select(CoFunding)
        .where(CoFunding.year == year, CoFunding.kind == Funding.FREES_GRANT.value)
        .order_by(col(CoFunding.id))
    ).all()
    rotation, assessments = _history_decisions(session)
    return DraftInput(
        year=year,
        day=day,
        settings=all_settings(session),
        terms=terms,
        grants=grants,
        members=len(_members_on(orgs, day)),
        rotation=rotation,
        assessments=assessments,
        frees_grant=[(f.source, f.note) for f in freeing],
        followup=_latest_followup(session, day),
    )


def _history_decisions(
    session: Session,
) -> tuple[RotationDecision | None, list[Assessment]]:
    """The committee's decision to rotate (the one recorded) and the AU's assessments."""
    from psi.domain.decision import Assessment, RotationDecision
    from psi.domain.history import HistoryKind
    from psi.services.history import history_entries

    rotation = None
    assessments = []
    for entry in history_entries(session):
        if entry.kind is HistoryKind.ROTATION:
            rotation = RotationDecision(
                entry.year, entry.decided_on, entry.decided_year, entry.note
            )
        elif entry.decided_on is not None:
            assessments.append(Assessment(entry.decided_on, bool(entry.works_well), entry.note))
    return rotation, assessments


def _latest_followup(session: Session, day: date) -> Followup | None:
    """The follow-up of the last year finished by `day`, when the register holds a meeting
    held that year; None otherwise."""
    from psi.domain.decision import Followup

    year = day.year - 1
    held = session.exec(
        select(func.count())
        .select_from(Meeting)
        .where(
            Meeting.status == MeetingStatus.HELD.value,
            col(Meeting.day) >= date(year, 1, 1),
            col(Meeting.day) <= date(year, 12, 31),
        )
    ).one()
    if not held:
        return None
    report = year_report(session, year, today=date(year, 12, 31))
    below = tuple(d for d in report.duties if d.verdict is duties.Verdict.NOT_MET)
    return Followup(year, below)
