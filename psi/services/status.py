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
from psi.domain.money import amount_json
from psi.models import Organisation
from psi.services.activities import prospects
from psi.services.meetings import MeetingView, upcoming_meetings
from psi.services.yearly import YearReport, year_report

ROTATION_HINT_MONTH = 10
SILENT_PROSPECT_DAYS = 60


@dataclass(frozen=True)
class Status:
    """The overview of one year, and what it still lacks."""

    report: YearReport
    next_year_pair: list[str]
    next_meetings: list[MeetingView]
    silent_prospects: list[str]
    overdue: int
    empty_register: bool
    todos: list[tuple[Todo, BudgetAlert | None]] = field(default_factory=list)

    def json_data(self) -> dict[str, Any]:
        """For `to_json`: the year's figures, gathered from every part of the report."""
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
            "duties": [
                {
                    "number": d.number,
                    "duty": d.title["en"],
                    "done": d.done["en"],
                    "verdict": d.verdict,
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
    NEXT_PAIR = "next-pair"
    NO_MEETINGS = "no-meetings"
    OVERDUE_ACTIONS = "overdue-actions"
    NO_GRANT = "no-grant"
    BUDGET_WARNING = "budget-warning"
    NO_MSI_DIALOGUE = "no-msi-dialogue"
    NOTHING_PUBLISHED = "nothing-published"
    NO_MEMBER_DIALOGUE = "no-member-dialogue"
    SILENT_PROSPECTS = "silent-prospects"


def _todos(status: Status) -> list[tuple[Todo, BudgetAlert | None]]:
    """What the year lacks, in the order a coordinator would see to it (with the budget alert it is about)."""
    r = status.report
    if status.empty_register:
        return [(Todo.EMPTY_REGISTER, None), (Todo.LOAD_MEMBERS, None)]
    kinds = {e.kind for e in r.log}
    next_pair_due = r.today.month >= ROTATION_HINT_MONTH and r.today.year == r.year
    checks = [
        (Todo.NO_COORDINATORS, not r.coordinators),
        (Todo.NEXT_PAIR, next_pair_due and len(status.next_year_pair) < 2),
        (Todo.NO_MEETINGS, not r.meetings),
        (Todo.OVERDUE_ACTIONS, status.overdue > 0),
        (Todo.NO_GRANT, not r.budget.grant),
    ]
    todos: list[tuple[Todo, BudgetAlert | None]] = [
        (todo, None) for todo, missing in checks if missing
    ]
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
    silent = [
        p.name
        for p in prospects(session, today)
        if p.days_since is None or p.days_since >= SILENT_PROSPECT_DAYS
    ]
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
