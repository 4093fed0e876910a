"""The operations plan and its goals, the yearly activity list, the log and the prospects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain import activity as rules
from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.membership import member_in
from psi.domain.organisation import check_note, normalise_website
from psi.domain.text import casefold_key, check_line
from psi.errors import Conflict, InvalidInput, NotFound, RuleViolation
from psi.models import Activity, ActivityRequest, Goal, LogEntry, OperationsPlan, Organisation
from psi.services import stored_id
from psi.services.orgs import find_org
from psi.services.views import json_as


def add_plan(session: Session, title: str, first: int, last: int) -> OperationsPlan:
    """`psi plan add`: a multi-year operations plan."""
    rules.check_plan_years(first, last)
    name = check_line(title, what="plan title")
    titles = session.exec(select(OperationsPlan.title)).all()
    clash = next((t for t in titles if casefold_key(t) == casefold_key(name)), None)
    if clash is not None:
        raise Conflict(f"There is already a plan called '{clash}'; see `psi plan show`.")
    row = OperationsPlan(title=name, first_year=first, last_year=last)
    session.add(row)
    session.flush()
    return row


def find_plan(session: Session, query: str | None) -> OperationsPlan:
    """A plan by title (any case, or a unique beginning); the only plan when none is named."""
    plans = session.exec(select(OperationsPlan).order_by(col(OperationsPlan.first_year))).all()
    if not plans:
        raise NotFound(
            'There is no operations plan yet; add one: psi plan add "Verksamhetsplan 2027-2030" --from 2027 --to 2030'
        )
    if query is None:
        if len(plans) > 1:
            raise NotFound(
                f"There are {len(plans)} plans; name one: {'; '.join(p.title for p in plans)}."
            )
        return plans[0]
    key = query.strip().casefold()
    hits = [p for p in plans if p.title.casefold() == key] or [
        p for p in plans if p.title.casefold().startswith(key)
    ]
    if len(hits) != 1:
        names = "; ".join(p.title for p in plans)
        raise NotFound(
            f"'{query}' {'matches several plans' if hits else 'is no plan'}; the plans are: {names}."
        )
    return hits[0]


def add_goal(
    session: Session, plan_query: str, code: str, text: str
) -> tuple[OperationsPlan, Goal]:
    """`psi plan goal`: a goal of a plan, such as M1."""
    plan = find_plan(session, plan_query)
    goal_code = rules.check_goal_code(code)
    existing = session.exec(
        select(Goal).where(Goal.plan_id == plan.id, Goal.code == goal_code)
    ).first()
    if existing is not None:
        raise Conflict(f"{plan.title} already has a goal {goal_code}: {existing.text}")
    goal = Goal(
        plan_id=stored_id(plan), code=goal_code, text=check_line(text, what="goal", limit=1000)
    )
    session.add(goal)
    session.flush()
    return plan, goal


def goal_texts(session: Session) -> dict[str, str]:
    """Every goal's text by its code."""
    return {goal.code: goal.text for goal in session.exec(select(Goal))}


def goal_for_year(session: Session, code: str, year: int) -> Goal:
    """The goal with this code in the plan that covers the year."""
    goal_code = rules.check_goal_code(code)
    rows = session.exec(
        select(Goal, OperationsPlan)
        .join(OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id))
        .where(Goal.code == goal_code)
    ).all()
    if not rows:
        raise NotFound(f"No plan has a goal {goal_code}; see `psi plan show`.")
    covering = [
        (goal, plan) for goal, plan in rows if rules.covers(plan.first_year, plan.last_year, year)
    ]
    if len(covering) == 1:
        return covering[0][0]
    if covering:
        titles = "; ".join(plan.title for _, plan in covering)
        raise InvalidInput(
            f"Goal {goal_code} is in more than one plan covering {year} ({titles}); "
            "give the goals different codes with psi plan goal."
        )
    spans = "; ".join(f"{plan.title} ({plan.first_year}-{plan.last_year})" for _, plan in rows)
    raise InvalidInput(f"Goal {goal_code} belongs to {spans}, which does not cover {year}.")


@dataclass(frozen=True)
class ActivityView:
    """An activity as commands and reports show it."""

    id: int
    year: int
    title: str
    goal: str | None
    owner: str | None
    goal_id: int | None = field(metadata=json_as(omit=True))
    planned_on: date | None
    status: ActivityStatus
    done_on: date | None
    outcome: str | None
    cancel_reason: str | None
    requested_by: list[str] = field(default_factory=list)
    carried_from: int | None = None


def _views(session: Session, rows: Sequence[Activity]) -> list[ActivityView]:
    ids = [row.id for row in rows]
    names = dict(session.exec(select(Organisation.id, Organisation.name)).all())
    codes = dict(session.exec(select(Goal.id, Goal.code)).all())
    requests: dict[int, list[str]] = defaultdict(list)
    for activity_id, org_id in session.exec(
        select(ActivityRequest.activity_id, ActivityRequest.organisation_id).where(
            col(ActivityRequest.activity_id).in_(ids)
        )
    ):
        requests[activity_id].append(names[org_id])
    return [
        ActivityView(
            id=stored_id(row),
            year=row.year,
            title=row.title,
            goal=codes.get(row.goal_id) if row.goal_id else None,
            owner=names.get(row.owner_id) if row.owner_id else None,
            goal_id=row.goal_id,
            planned_on=row.planned_on,
            status=ActivityStatus(row.status),
            done_on=row.done_on,
            outcome=row.outcome,
            cancel_reason=row.cancel_reason,
            requested_by=sorted(requests.get(stored_id(row), [])),
            carried_from=row.carried_from_id,
        )
        for row in rows
    ]


def add_activity(
    session: Session,
    year: int,
    title: str,
    *,
    goal: str | None = None,
    owner: str | None = None,
    when: date | None = None,
    requested_by: Sequence[str] = (),
) -> ActivityView:
    """`psi activity add`: an activity on the year's list."""
    if when is not None and when.year != year:
        raise InvalidInput(f"--when {when} is not in {year}; give a date in {year}.")
    goal_row = goal_for_year(session, goal, year) if goal else None
    owner_row = find_org(session, owner) if owner else None
    askers = list(dict.fromkeys(_requester(session, name, year) for name in requested_by))
    row = Activity(
        year=year,
        title=check_line(title, what="title", limit=300),
        goal_id=stored_id(goal_row) if goal_row else None,
        owner_id=stored_id(owner_row) if owner_row else None,
        planned_on=when,
        status=ActivityStatus.PLANNED.value,
    )
    session.add(row)
    session.flush()
    for org_id in askers:
        session.add(ActivityRequest(activity_id=stored_id(row), organisation_id=org_id))
    session.flush()
    return _views(session, [row])[0]


def _requester(session: Session, name: str, year: int) -> int:
    org = find_org(session, name)
    if not member_in(org, year):
        raise RuleViolation(
            f"{org.name} is not a member in {year}, so it cannot have asked for an activity as one."
        )
    return stored_id(org)


def list_activities(
    session: Session,
    year: int | None = None,
    *,
    status: ActivityStatus | None = None,
    goal: str | None = None,
) -> list[ActivityView]:
    """`psi activity list`: the list by year and date, filtered."""
    query = select(Activity)
    if year is not None:
        query = query.where(Activity.year == year)
    if status is not None:
        query = query.where(Activity.status == status.value)
    if goal is not None:
        ids = session.exec(select(Goal.id).where(Goal.code == rules.check_goal_code(goal))).all()
        query = query.where(col(Activity.goal_id).in_(ids))
    rows = session.exec(
        query.order_by(col(Activity.year), col(Activity.planned_on).nulls_first(), col(Activity.id))
    ).all()
    return _views(session, rows)


def _get(session: Session, activity_id: int) -> Activity:
    row = session.get(Activity, activity_id)
    if row is None:
        raise NotFound(f"There is no activity {activity_id}; see `psi activity list`.")
    return row


def _move(session: Session, activity_id: int, target: ActivityStatus) -> Activity:
    row = _get(session, activity_id)
    rules.check_move(ActivityStatus(row.status), target)
    row.status = target.value
    session.add(row)
    return row


def start_activity(session: Session, activity_id: int) -> ActivityView:
    """`psi activity start`: planned becomes ongoing."""
    row = _move(session, activity_id, ActivityStatus.ONGOING)
    session.flush()
    return _views(session, [row])[0]


def finish_activity(
    session: Session, activity_id: int, on: date, outcome: str | None = None
) -> ActivityView:
    """`psi activity done`: the activity was carried out, with what came of it."""
    row = _move(session, activity_id, ActivityStatus.DONE)
    row.done_on = on
    row.outcome = check_note(outcome) if outcome else None
    session.flush()
    return _views(session, [row])[0]


def cancel_activity(session: Session, activity_id: int, reason: str) -> ActivityView:
    """`psi activity cancel`: it will not be done; the reason is kept."""
    row = _move(session, activity_id, ActivityStatus.CANCELLED)
    row.cancel_reason = check_line(reason, what="reason", limit=500)
    session.flush()
    return _views(session, [row])[0]


def carry_activities(session: Session, year: int) -> list[ActivityView]:
    """`psi activity carry`: unfinished activities of the year move on to the next one."""
    rows = session.exec(
        select(Activity).where(
            Activity.year == year, col(Activity.status).in_([s.value for s in rules.UNFINISHED])
        )
    ).all()
    plans = {
        goal.id: plan
        for goal, plan in session.exec(
            select(Goal, OperationsPlan).join(
                OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id)
            )
        )
    }
    copies: list[Activity] = []
    for row in rows:
        plan = plans.get(row.goal_id)
        keeps_goal = plan is not None and rules.covers(plan.first_year, plan.last_year, year + 1)
        copy = Activity(
            year=year + 1,
            title=row.title,
            goal_id=row.goal_id if keeps_goal else None,
            owner_id=row.owner_id,
            planned_on=None,
            status=ActivityStatus.PLANNED.value,
            carried_from_id=row.id,
        )
        row.status = ActivityStatus.CARRIED.value
        session.add(row)
        session.add(copy)
        copies.append(copy)
    session.flush()
    for row, copy in zip(rows, copies, strict=True):
        askers = session.exec(
            select(ActivityRequest.organisation_id).where(ActivityRequest.activity_id == row.id)
        ).all()
        for org_id in askers:
            session.add(ActivityRequest(activity_id=stored_id(copy), organisation_id=org_id))
    session.flush()
    return _views(session, copies)


@dataclass(frozen=True)
class GoalView:
    """A goal with its activities per year."""

    code: str
    text: str
    activities: dict[int, list[ActivityView]]

    def json_data(self) -> dict[str, Any]:
        """For `to_json`: the activities per year with how many of them are done."""
        return {
            "code": self.code,
            "text": self.text,
            "years": {
                year: {
                    "done": sum(1 for a in items if a.status is ActivityStatus.DONE),
                    "total": len(items),
                    "activities": items,
                }
                for year, items in self.activities.items()
            },
        }


@dataclass(frozen=True)
class PlanView:
    """`psi plan show`: a plan with its goals and their activities per year."""

    title: str
    first_year: int
    last_year: int
    goals: list[GoalView]
    without_goal: dict[int, list[ActivityView]] = field(metadata=json_as("activities_without_goal"))


def show_plan(session: Session, query: str | None = None) -> PlanView:
    """A plan, its goals, and each goal's activities per year with how many are done."""
    plan = find_plan(session, query)
    goals = session.exec(select(Goal).where(Goal.plan_id == plan.id).order_by(col(Goal.code))).all()
    in_years = [
        a for a in list_activities(session) if rules.covers(plan.first_year, plan.last_year, a.year)
    ]
    by_goal: dict[int | None, dict[int, list[ActivityView]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for activity in in_years:
        by_goal[activity.goal_id][activity.year].append(activity)
    return PlanView(
        title=plan.title,
        first_year=plan.first_year,
        last_year=plan.last_year,
        goals=[GoalView(g.code, g.text, dict(by_goal.get(g.id, {}))) for g in goals],
        without_goal=dict(by_goal.get(None, {})),
    )


@dataclass(frozen=True)
class LogView:
    """A log entry as commands show it."""

    id: int
    day: date = field(metadata=json_as("date"))
    kind: LogKind
    organisation: str | None
    text: str
    link: str | None


def add_log(
    session: Session,
    kind: LogKind,
    text: str,
    *,
    org: str | None = None,
    on: date,
    link: str | None = None,
) -> LogView:
    """`psi log add`: a dialogue, recruitment, MSI, website or social-media entry."""
    org_row = find_org(session, org) if org else None
    row = LogEntry(
        logged_on=on,
        kind=kind.value,
        organisation_id=stored_id(org_row) if org_row else None,
        text=check_note(text) or "",
        link=normalise_website(link) if link else None,
    )
    if not row.text:
        raise InvalidInput(
            'The log text is empty; write what happened, e.g. "Möte med MSI om nätverket".'
        )
    session.add(row)
    session.flush()
    return LogView(stored_id(row), on, kind, org_row.name if org_row else None, row.text, row.link)


def list_log(
    session: Session,
    year: int | None = None,
    *,
    kind: LogKind | None = None,
    org: str | None = None,
) -> list[LogView]:
    """`psi log list`: entries by date, filtered."""
    query = select(LogEntry, Organisation.name).outerjoin(
        Organisation, col(LogEntry.organisation_id) == col(Organisation.id)
    )
    if year is not None:
        query = query.where(
            col(LogEntry.logged_on) >= date(year, 1, 1),
            col(LogEntry.logged_on) <= date(year, 12, 31),
        )
    if kind is not None:
        query = query.where(LogEntry.kind == kind.value)
    if org:
        query = query.where(LogEntry.organisation_id == find_org(session, org).id)
    rows = session.exec(query.order_by(col(LogEntry.logged_on), col(LogEntry.id))).all()
    return [
        LogView(stored_id(r), r.logged_on, LogKind(r.kind), name, r.text, r.link)
        for r, name in rows
    ]


@dataclass(frozen=True)
class ProspectView:
    """A prospective member and how recruitment contact with it stands."""

    name: str
    municipality: str | None
    contacts: int = field(metadata=json_as("recruitment_contacts"))
    last_contact: date | None
    days_since: int | None


def prospects(session: Session, today: date) -> list[ProspectView]:
    """`psi org prospects`: prospects with their recruitment contacts, longest silence first."""
    rows = session.exec(
        select(
            Organisation.name,
            Organisation.municipality,
            func.count(col(LogEntry.id)),
            func.max(LogEntry.logged_on),
        )
        .select_from(Organisation)
        .outerjoin(
            LogEntry,
            (col(LogEntry.organisation_id) == col(Organisation.id))
            & (col(LogEntry.kind) == LogKind.RECRUITMENT.value),
        )
        .where(Organisation.status == "prospect")
        .group_by(col(Organisation.id))
    ).all()
    views = [
        ProspectView(name, place, int(count), last, rules.days_since(last, today))
        for name, place, count, last in rows
    ]
    return sorted(
        views, key=lambda v: (v.last_contact is not None, v.last_contact or date.min, v.name)
    )
