"""`psi status`: where the year stands and what to do next, from every part of the register."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from psi.domain.activity import ActivityStatus, count_activities
from psi.domain.money import amount_json
from psi.models import Organisation
from psi.services.activities import prospects
from psi.services.meetings import MeetingView, upcoming_meetings
from psi.services.yearly import YearReport, year_report

ROTATION_HINT_MONTH = 10
SILENT_PROSPECT_DAYS = 60


@dataclass(frozen=True)
class Status:
    """The overview of one year, and the hints that name the command to run."""

    report: YearReport
    next_year_pair: list[str]
    next_meetings: list[MeetingView]
    silent_prospects: list[str]
    overdue: int
    empty_register: bool
    hints: list[str] = field(default_factory=list)

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
                "warnings": budget.warnings,
            },
            "log": {
                "msi": sum(1 for e in r.log if e.kind == "msi"),
                "website": sum(1 for e in r.log if e.kind == "website"),
                "social_media": sum(1 for e in r.log if e.kind == "social-media"),
            },
            "hints": self.hints,
        }


def _hints(status: Status) -> list[str]:
    r = status.report
    year = r.year
    hints: list[str] = []
    if status.empty_register:
        return [
            "The register is empty. To look around: psi --db psi-example.sqlite3 init --example",
            "To load your member list: psi org import medlemmar.csv",
        ]
    if not r.coordinators:
        hints.append(f"No coordinators recorded for {year}: psi rotate {year}")
    if (
        r.today.month >= ROTATION_HINT_MONTH
        and r.today.year == year
        and len(status.next_year_pair) < 2
    ):
        hints.append(f"Next year's pair is not decided: psi rotate {year + 1}")
    if not r.meetings:
        hints.append(f"No meetings for {year}: psi meeting plan {year} --save")
    if status.overdue:
        hints.append("Overdue action items: psi action list --overdue")
    if not r.budget.grant:
        hints.append(f"No grant recorded for {year}: psi budget grant {year} 200000")
    for line in r.budget.warnings:
        hints.append(f"Budget: {line} (psi budget status {year})")
    kinds = {e.kind for e in r.log}
    if "msi" not in kinds:
        hints.append('No MSI dialogue logged this year: psi log add msi "TEXT" --org MSI')
    if not kinds & {"website", "social-media"}:
        hints.append('Nothing published this year: psi log add website "TEXT" --link URL')
    if "member-dialogue" not in kinds:
        hints.append(
            'No member dialogue logged this year: psi log add member-dialogue "TEXT" --org ORG'
        )
    if status.silent_prospects:
        hints.append(
            'Prospects not contacted for 60 days: psi log add recruitment "TEXT" --org NAME'
        )
    return hints


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
    return replace(status, hints=_hints(status))
