"""`psi status`: where the year stands and what to do next, from every part of the register."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from psi.domain.activity import ActivityStatus, count_activities
from psi.domain.budget import BudgetAlert
from psi.domain.handover import handover_due, is_silent
from psi.domain.meeting import MeetingStatus
from psi.domain.money import amount_json
from psi.domain.rotation import Role
from psi.models import Organisation
from psi.services.activities import prospects
from psi.services.meetings import MeetingView, upcoming_meetings
from psi.services.yearly import YearReport, year_report

ROTATION_HINT_MONTH = 10
PAST_PLANNED_NAMED = 3
"""How many past meetings still planned the hints name one by one; the rest are counted."""


@dataclass(frozen=True)
class MoreMeetings:
    """The past meetings still planned that the hints do not name one by one."""

    count: int


TodoDetail = BudgetAlert | MeetingView | MoreMeetings | None
"""What a todo is about: the budget alert, the meeting, or how many more meetings."""


@dataclass(frozen=True)
class Status:
    """The overview of one year, and what it still lacks."""

    report: YearReport
    next_year_pair: list[str]
    next_meetings: list[MeetingView]
    silent_prospects: list[str]
    overdue: int
    empty_register: bool
    todos: list[tuple[Todo, TodoDetail]] = field(default_factory=list)

    @property
    def past_planned(self) -> list[MeetingView]:
        """The year's meetings dated before today that are still planned: the record does not
        say whether they were held or cancelled."""
        r = self.report
        return [m for m in r.meetings if m.status == MeetingStatus.PLANNED and m.day < r.today]

    def json_data(self) -> dict[str, Any]:
        """For `to_json`: the year's figures, gathered from every part of the report."""
        from psi.reports.followup_words import duty_done, duty_rule, duty_title

        r = self.report
        counts = count_activities(ActivityStatus(a.status) for a in r.activities)
        budget = r.budget
        return {
            "year": r.year,
            "today": r.today,
            "share_of_year": round(r.share_of_year, 4),
            "coordinators": [
                {"organisation": c.organisation, "role": c.role} for c in r.coordinators
            ],
            "next_year_coordinators": self.next_year_pair,
            "next_meetings": self.next_meetings,
            "past_planned_meetings": [
                {"id": m.id, "day": m.day, "kind": m.kind, "title": m.title}
                for m in self.past_planned
            ],
            "duties": [
                {
                    "number": d.number,
                    "key": d.key,
                    "duty": duty_title(d.key, "en"),
                    "done": duty_done(d, r.facts, r.share_of_year < 1, "en"),
                    "rule": duty_rule(d.key, r.criteria, "en"),
                    "verdict": d.verdict,
                    "coordinators_below_attendance": [
                        {"organisation": c.organisation, "attended": c.attended, "of": c.recorded}
                        for c in d.absent
                    ],
                }
                for d in r.duties
            ],
            "action_items": {
                "open": r.open_actions,
                "overdue": self.overdue,
            },
            "activities": {
                "done": counts.done,
                "ongoing": counts.ongoing,
                "planned": counts.planned,
                "share_done": round(counts.share_done, 4),
            },
            "members": {
                "now": r.members.now,
                "joined": r.members.joined,
                "left": r.members.left,
                "prospects_silent_60_days": self.silent_prospects,
            },
            "budget": {
                "grant": amount_json(budget.grant),
                "spent": amount_json(budget.spent),
                "remaining": amount_json(budget.remaining),
                "warnings": budget.alerts,
            },
            "log": {
                "msi": sum(1 for e in r.log if e.kind == "msi"),
                "website": sum(1 for e in r.log if e.kind == "website"),
                "social_media": sum(1 for e in r.log if e.kind == "social-media"),
            },
        }


class Todo(StrEnum):
    """Something the year still lacks; the command says which command fills it."""

    EMPTY_REGISTER = "empty-register"
    LOAD_MEMBERS = "load-members"
    NO_COORDINATORS = "no-coordinators"
    ONE_COORDINATOR = "one-coordinator"
    NEXT_PAIR = "next-pair"
    HANDOVER = "handover"
    NO_MEETINGS = "no-meetings"
    PAST_PLANNED_MEETING = "past-planned-meeting"
    MORE_PAST_PLANNED = "more-past-planned"
    OVERDUE_ACTIONS = "overdue-actions"
    NO_GRANT = "no-grant"
    BUDGET_WARNING = "budget-warning"
    NO_MSI_DIALOGUE = "no-msi-dialogue"
    NOTHING_PUBLISHED = "nothing-published"
    NO_MEMBER_DIALOGUE = "no-member-dialogue"
    SILENT_PROSPECTS = "silent-prospects"


def lacks_second_coordinator(report: YearReport) -> bool:
    """One civil-society coordinator recorded for the year, where the rotation asks for two
    (a year the region led alone has one, with the role `other`)."""
    roles = [c.role for c in report.coordinators]
    return len(roles) == 1 and roles[0] != Role.OTHER


def _todos(status: Status) -> list[tuple[Todo, TodoDetail]]:
    """What the year lacks, in the order a coordinator would see to it, each with what it is
    about (the meeting, the budget alert)."""
    r = status.report
    if status.empty_register:
        return [(Todo.EMPTY_REGISTER, None), (Todo.LOAD_MEMBERS, None)]
    kinds = {e.kind for e in r.log}
    next_pair_due = r.today.month >= ROTATION_HINT_MONTH and r.today.year == r.year
    current = [c.organisation for c in r.coordinators]
    first = [
        (Todo.NO_COORDINATORS, not r.coordinators),
        (Todo.ONE_COORDINATOR, lacks_second_coordinator(r)),
        (Todo.NEXT_PAIR, next_pair_due and len(status.next_year_pair) < 2),
        (Todo.HANDOVER, handover_due(r.year, r.today, current, status.next_year_pair)),
        (Todo.NO_MEETINGS, not r.meetings),
    ]
    todos: list[tuple[Todo, TodoDetail]] = [(todo, None) for todo, missing in first if missing]
    past = status.past_planned
    todos += [(Todo.PAST_PLANNED_MEETING, m) for m in past[:PAST_PLANNED_NAMED]]
    if len(past) > PAST_PLANNED_NAMED:
        todos.append((Todo.MORE_PAST_PLANNED, MoreMeetings(len(past) - PAST_PLANNED_NAMED)))
    checks = [
        (Todo.OVERDUE_ACTIONS, status.overdue > 0),
        (Todo.NO_GRANT, not r.budget.grant),
    ]
    todos += [(todo, None) for todo, missing in checks if missing]
    todos += [(Todo.BUDGET_WARNING, alert) for alert in r.budget.alerts]
    later = [
        (Todo.NO_MSI_DIALOGUE, "msi" not in kinds),
        (Todo.NOTHING_PUBLISHED, not kinds & {"website", "social-media"}),
        (Todo.NO_MEMBER_DIALOGUE, "member-dialogue" not in kinds),
        (Todo.SILENT_PROSPECTS, bool(status.silent_prospects)),
    ]
    return todos + [(todo, None) for todo, missing in later if missing]


def year_status(session: Session, year: int, today: date | None = None) -> Status:
    """Gather the overview of a year; reads only."""
    today = today or date.today()
    report = year_report(session, year, today)
    upcoming = upcoming_meetings(session, today, limit=3)
    silent = [p.name for p in prospects(session, today) if is_silent(p.last_contact, today)]
    organisations = session.exec(select(func.count()).select_from(Organisation)).one()
    status = Status(
        report=report,
        next_year_pair=[c.organisation for c in report.history if c.year == year + 1],
        next_meetings=upcoming,
        silent_prospects=silent,
        overdue=sum(1 for a in report.open_actions if a.overdue(today)),
        empty_register=int(organisations) == 0,
    )
    return replace(status, todos=_todos(status))
