"""The operations plan and its goals, the yearly activity list, the log and the prospects."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain import activity as rules
from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.dates import parse_optional_date
from psi.domain.membership import member_in
from psi.domain.organisation import check_note, normalise_website
from psi.domain.text import casefold_key, check_line
from psi.errors import Conflict, InvalidInput, NotFound, RuleViolation
from psi.models import Activity, ActivityRequest, Goal, LogEntry, OperationsPlan, Organisation
from psi.services import get_or_missing, stored_id
from psi.services.orgs import find_org
from psi.services.views import json_as
from psi.words import NC_, _, ngettext, pgettext


def add_plan(session: Session, title: str, first: int, last: int) -> OperationsPlan:
    """`psi plan add`: a multi-year operations plan."""
    rules.check_plan_years(first, last)
    name = check_line(title, what=NC_("what", "plan title"))
    titles = session.exec(select(OperationsPlan.title)).all()
    clash = next((t for t in titles if casefold_key(t) == casefold_key(name)), None)
    if clash is not None:
        raise Conflict(
            _("There is already a plan called '{plan}'; see `psi plan show`.").format(plan=clash)
        )
    row = OperationsPlan(title=name, first_year=first, last_year=last)
    session.add(row)
    session.flush()
    return row


def find_plan(session: Session, query: str | None) -> OperationsPlan:
    """A plan by title (any case, or a unique beginning); the only plan when none is named."""
    plans = session.exec(select(OperationsPlan).order_by(col(OperationsPlan.first_year))).all()
    if not plans:
        raise NotFound(
            _(
                "There is no operations plan yet; add one: "
                'psi plan add "Verksamhetsplan 2027-2030" --from 2027 --to 2030.'
            )
        )
    if query is None:
        if len(plans) > 1:
            raise NotFound(
                _("There are {count} plans; name one: {plans}.").format(
                    count=len(plans), plans="; ".join(p.title for p in plans)
                )
            )
        return plans[0]
    key = query.strip().casefold()
    hits = [p for p in plans if p.title.casefold() == key] or [
        p for p in plans if p.title.casefold().startswith(key)
    ]
    if len(hits) != 1:
        if hits:
            refused = _("'{query}' matches several plans; the plans are: {plans}.")
        else:
            refused = _("'{query}' is no plan; the plans are: {plans}.")
        raise NotFound(refused.format(query=query, plans="; ".join(p.title for p in plans)))
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
        raise Conflict(
            _(
                "{plan} already has a goal {code}: {text}; change it with "
                'psi plan goal "{plan}" {code} --text TEXT, or choose another code.'
            ).format(plan=plan.title, code=goal_code, text=existing.text)
        )
    goal = Goal(
        plan_id=stored_id(plan),
        code=goal_code,
        text=check_line(text, what=NC_("what", "goal"), limit=1000),
    )
    session.add(goal)
    session.flush()
    return plan, goal


def edit_plan(
    session: Session,
    query: str,
    *,
    title: str | None = None,
    first: int | None = None,
    last: int | None = None,
) -> OperationsPlan:
    """`psi plan edit`: correct a plan's title or years; the activities that use its goals
    must stay inside its years."""
    if title is None and first is None and last is None:
        raise InvalidInput(_("Nothing to change; give --name, --from or --to."))
    plan = find_plan(session, query)
    if title is not None:
        name = check_line(title, what=NC_("what", "plan title"))
        others = session.exec(select(OperationsPlan.title).where(OperationsPlan.id != plan.id))
        clash = next((t for t in others if casefold_key(t) == casefold_key(name)), None)
        if clash is not None:
            raise Conflict(
                _("There is already a plan called '{plan}'; choose another --name.").format(
                    plan=clash
                )
            )
        plan.title = name
    new_first = plan.first_year if first is None else first
    new_last = plan.last_year if last is None else last
    rules.check_plan_years(new_first, new_last)
    years = session.exec(
        select(Activity.year)
        .join(Goal, col(Activity.goal_id) == col(Goal.id))
        .where(Goal.plan_id == plan.id)
    ).all()
    outside = sorted({y for y in years if not rules.covers(new_first, new_last, y)})
    if outside:
        count = sum(1 for y in years if y in outside)
        listed = ", ".join(str(y) for y in outside)
        raise RuleViolation(
            ngettext(
                "{count} activity of {years} uses a goal of {plan}, which would then cover "
                "{first}-{last}; see it with psi activity list {year}, and give it another "
                "goal with psi activity edit ID --goal CODE --plan NAME first.",
                "{count} activities of {years} use goals of {plan}, which would then cover "
                "{first}-{last}; see them with psi activity list {year}, and give them another "
                "goal with psi activity edit ID --goal CODE --plan NAME first.",
                count,
            ).format(
                count=count,
                years=listed,
                plan=plan.title,
                first=new_first,
                last=new_last,
                year=outside[0],
            )
        )
    plan.first_year, plan.last_year = new_first, new_last
    session.add(plan)
    session.flush()
    return plan


@dataclass(frozen=True)
class GoalRecord:
    """A goal as `psi plan goal` shows it."""

    plan: str
    code: str
    text: str


def edit_goal(
    session: Session,
    plan_query: str,
    code: str,
    *,
    new_code: str | None = None,
    text: str | None = None,
) -> GoalRecord:
    """`psi plan goal PLAN CODE --code NEW --text TEXT`: rename a goal's code or change its
    text; the new code must be free in that plan. The activities keep the goal."""
    if new_code is None and text is None:
        raise InvalidInput(_("Nothing to change; give --code NEW or --text TEXT."))
    plan = find_plan(session, plan_query)
    goal_code = rules.check_goal_code(code)
    goal = session.exec(select(Goal).where(Goal.plan_id == plan.id, Goal.code == goal_code)).first()
    if goal is None:
        raise NotFound(
            _(
                '{plan} has no goal {code}; add it with psi plan goal "{plan}" {code} TEXT, '
                "or see psi plan show."
            ).format(plan=plan.title, code=goal_code)
        )
    if new_code is not None:
        renamed = rules.check_goal_code(new_code)
        if renamed != goal.code:
            taken = session.exec(
                select(Goal).where(Goal.plan_id == plan.id, Goal.code == renamed)
            ).first()
            if taken is not None:
                raise Conflict(
                    _("{plan} already has a goal {code}: {text}; choose another --code.").format(
                        plan=plan.title, code=renamed, text=taken.text
                    )
                )
            goal.code = renamed
    if text is not None:
        goal.text = check_line(text, what=NC_("what", "goal"), limit=1000)
    session.add(goal)
    session.flush()
    return GoalRecord(plan.title, goal.code, goal.text)


def check_plan_removal(session: Session, query: str) -> OperationsPlan:
    """Whether a plan may be removed: no activity uses its goals. The plan."""
    plan = find_plan(session, query)
    rows = session.exec(
        select(Activity.id, Activity.year)
        .join(Goal, col(Activity.goal_id) == col(Goal.id))
        .where(Goal.plan_id == plan.id)
        .order_by(col(Activity.year), col(Activity.id))
    ).all()
    if rows:
        years = sorted({year for _activity, year in rows})
        raise RuleViolation(
            ngettext(
                "{count} activity ({years}) uses a goal of {plan}; give it another goal with "
                'psi activity edit ID --goal CODE --plan NAME (or none with --goal ""), '
                "then remove the plan.",
                "{count} activities ({years}) use goals of {plan}; give them another goal with "
                'psi activity edit ID --goal CODE --plan NAME (or none with --goal ""), '
                "then remove the plan.",
                len(rows),
            ).format(count=len(rows), years=", ".join(str(y) for y in years), plan=plan.title)
        )
    return plan


def remove_plan(session: Session, query: str) -> tuple[str, int]:
    """`psi plan remove`: delete a plan entered by mistake, with its goals; not while
    activities use them. Its title and how many goals went with it."""
    plan = check_plan_removal(session, query)
    goals = session.exec(select(Goal).where(Goal.plan_id == plan.id)).all()
    for goal in goals:
        session.delete(goal)
    session.flush()
    session.delete(plan)
    session.flush()
    return plan.title, len(goals)


def goal_texts(session: Session, year: int | None = None) -> dict[str, str]:
    """Every goal's text by its code; with a year, the goals of the plans covering that year
    only (when two of them share a code, the goal the year's activities use, else the
    earlier plan's)."""
    if year is None:
        return {goal.code: goal.text for goal in session.exec(select(Goal))}
    rows = session.exec(
        select(Goal, OperationsPlan)
        .join(OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id))
        .order_by(col(OperationsPlan.first_year).desc(), col(OperationsPlan.id).desc())
    ).all()
    used = set(session.exec(select(Activity.goal_id).where(Activity.year == year)).all())
    texts: dict[str, str] = {}
    for goal, plan in rows:  # later plans first, so an earlier plan's text wins
        if rules.covers(plan.first_year, plan.last_year, year):
            texts[goal.code] = goal.text
    for goal, _plan in rows:
        if goal.id in used:
            texts[goal.code] = goal.text
    return texts


def goal_for_year(session: Session, code: str, year: int, plan: str | None = None) -> Goal:
    """The goal with this code in the plan that covers the year (the named plan's, with
    `plan`): goal codes belong to their plan, so M1 may be in several plans."""
    goal_code = rules.check_goal_code(code)
    if plan is not None:
        return _goal_in_plan(session, find_plan(session, plan), goal_code, year)
    rows = session.exec(
        select(Goal, OperationsPlan)
        .join(OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id))
        .where(Goal.code == goal_code)
        .order_by(col(OperationsPlan.first_year), col(OperationsPlan.id))
    ).all()
    if not rows:
        raise NotFound(_("No plan has a goal {code}; see `psi plan show`.").format(code=goal_code))
    covering = [
        (goal, plan) for goal, plan in rows if rules.covers(plan.first_year, plan.last_year, year)
    ]
    if len(covering) == 1:
        return covering[0][0]
    if covering:
        titles = "; ".join(plan.title for _goal, plan in covering)
        raise InvalidInput(
            _(
                "Goal {code} is in more than one plan covering {year} ({plans}); "
                'choose one with --plan, e.g. --plan "{example}".'
            ).format(code=goal_code, year=year, plans=titles, example=covering[-1][1].title)
        )
    spans = "; ".join(f"{plan.title} ({plan.first_year}-{plan.last_year})" for _goal, plan in rows)
    raise InvalidInput(
        _("Goal {code} belongs to {plans}, which does not cover {year}.").format(
            code=goal_code, plans=spans, year=year
        )
    )


def _goal_in_plan(session: Session, plan: OperationsPlan, code: str, year: int) -> Goal:
    if not rules.covers(plan.first_year, plan.last_year, year):
        raise InvalidInput(
            _(
                "{plan} covers {first}-{last}, not {year}; "
                "choose a plan that covers the year (see psi plan show)."
            ).format(plan=plan.title, first=plan.first_year, last=plan.last_year, year=year)
        )
    goals = session.exec(select(Goal).where(Goal.plan_id == plan.id).order_by(col(Goal.code)))
    by_code = {goal.code: goal for goal in goals}
    if code not in by_code and by_code:
        raise NotFound(
            _('{plan} has no goal {code} (its goals: {codes}); see psi plan show "{plan}".').format(
                plan=plan.title, code=code, codes=", ".join(by_code)
            )
        )
    if code not in by_code:
        raise NotFound(
            _(
                '{plan} has no goal {code} (its goals: none yet); see psi plan show "{plan}".'
            ).format(plan=plan.title, code=code)
        )
    return by_code[code]


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
    goal_text: str | None = None
    plan: str | None = None
    """The plan the goal belongs to: goal codes are numbered per plan."""


def _views(session: Session, rows: Sequence[Activity]) -> list[ActivityView]:
    ids = [row.id for row in rows]
    names = dict(session.exec(select(Organisation.id, Organisation.name)).all())
    goals = {
        goal.id: (goal.code, goal.text, title)
        for goal, title in session.exec(
            select(Goal, OperationsPlan.title).join(
                OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id)
            )
        )
    }
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
            goal=goals[row.goal_id][0] if row.goal_id in goals else None,
            owner=names.get(row.owner_id) if row.owner_id else None,
            goal_id=row.goal_id,
            planned_on=row.planned_on,
            status=ActivityStatus(row.status),
            done_on=row.done_on,
            outcome=row.outcome,
            cancel_reason=row.cancel_reason,
            requested_by=sorted(requests.get(stored_id(row), [])),
            carried_from=row.carried_from_id,
            goal_text=goals[row.goal_id][1] if row.goal_id in goals else None,
            plan=goals[row.goal_id][2] if row.goal_id in goals else None,
        )
        for row in rows
    ]


def add_activity(
    session: Session,
    year: int,
    title: str,
    *,
    goal: str | None = None,
    plan: str | None = None,
    owner: str | None = None,
    when: date | None = None,
    requested_by: Sequence[str] = (),
) -> ActivityView:
    """`psi activity add`: an activity on the year's list."""
    _check_when(when, year)
    if plan is not None and not goal:
        raise InvalidInput(_("--plan chooses whose goal --goal means; give --goal CODE with it."))
    goal_row = goal_for_year(session, goal, year, plan) if goal else None
    owner_row = find_org(session, owner) if owner else None
    askers = list(dict.fromkeys(_requester(session, name, year) for name in requested_by))
    row = Activity(
        year=year,
        title=check_line(title, what=NC_("what", "title"), limit=300),
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


def _check_when(when: date | None, year: int) -> None:
    if when is not None and when.year != year:
        raise InvalidInput(
            _("--when {day} is not in {year}; give a date in {year}.").format(day=when, year=year)
        )


def _requester(session: Session, name: str, year: int) -> int:
    org = find_org(session, name)
    if not member_in(org, year):
        raise RuleViolation(
            _(
                "{organisation} is not a member in {year}, "
                "so it cannot have asked for an activity as one."
            ).format(organisation=org.name, year=year)
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
    return get_or_missing(
        session,
        Activity,
        activity_id,
        _("There is no activity {number}; see `psi activity list`.").format(number=activity_id),
    )


def get_activity(session: Session, activity_id: int) -> ActivityView:
    """`psi activity show`: one activity."""
    return _views(session, [_get(session, activity_id)])[0]


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
    session: Session,
    activity_id: int,
    on: date,
    outcome: str | None = None,
    *,
    today: date | None = None,
) -> ActivityView:
    """`psi activity done`: the activity was carried out, with what came of it; not on a day
    that has not come yet."""
    rules.check_done_day(on, today or date.today())
    row = _move(session, activity_id, ActivityStatus.DONE)
    row.done_on = on
    row.outcome = check_note(outcome) if outcome else None
    session.flush()
    return _views(session, [row])[0]


def cancel_activity(session: Session, activity_id: int, reason: str) -> ActivityView:
    """`psi activity cancel`: it will not be done; the reason is kept."""
    row = _move(session, activity_id, ActivityStatus.CANCELLED)
    row.cancel_reason = check_line(reason, what=NC_("what", "reason"), limit=500)
    session.flush()
    return _views(session, [row])[0]


def reopen_activity(session: Session, activity_id: int) -> ActivityView:
    """`psi activity reopen`: a done or cancelled activity is planned again; its done date,
    outcome and cancel reason go."""
    row = _get(session, activity_id)
    rules.check_reopen(activity_id, ActivityStatus(row.status), row.year)
    row.status = ActivityStatus.PLANNED.value
    row.done_on = None
    row.outcome = None
    row.cancel_reason = None
    session.add(row)
    session.flush()
    return _views(session, [row])[0]


FACT_WORDS = {
    "title": NC_("activity field", "title"),
    "goal": NC_("activity field", "goal"),
    "owner": NC_("activity field", "owner"),
    "date": NC_("activity field", "date"),
    "status": NC_("activity field", "status"),
    "done date": NC_("activity field", "done date"),
    "outcome": NC_("activity field", "outcome"),
    "cancel reason": NC_("activity field", "cancel reason"),
    "requested by": NC_("activity field", "requested by"),
}
"""The words `rules.changed_facts` names an activity's fields with, for the translator."""


def fact_words(changed: Sequence[str]) -> list[str]:
    """What an edit changed (`rules.changed_facts`), in the interface language."""
    return [pgettext("activity field", word) if word in FACT_WORDS else word for word in changed]


@dataclass(frozen=True)
class ActivityEdit:
    """What `psi activity edit` changed, and the activity as it now is."""

    activity: ActivityView
    changed: list[str]


def edit_activity(
    session: Session,
    activity_id: int,
    *,
    title: str | None = None,
    goal: str | None = None,
    plan: str | None = None,
    owner: str | None = None,
    when: str | None = None,
    requested_by: Sequence[str] | None = None,
) -> ActivityEdit:
    """`psi activity edit`: correct the title, goal (of which plan), owner, planned date or the
    members that asked for it; None keeps a field, "" clears it. Checked like `add`."""
    if all(value is None for value in (title, goal, plan, owner, when, requested_by)):
        raise InvalidInput(_(rules.NOTHING_TO_EDIT))
    row = _get(session, activity_id)
    before = _facts(session, row)
    if title is not None:
        row.title = check_line(title, what=NC_("what", "title"), limit=300)
    if goal is not None or plan is not None:
        row.goal_id = _edited_goal(session, row, goal, plan)
    if owner is not None:
        row.owner_id = stored_id(find_org(session, owner)) if owner.strip() else None
    if when is not None:
        day = parse_optional_date(when, what=NC_("what", "planned date"))
        _check_when(day, row.year)
        row.planned_on = day
    session.add(row)
    if requested_by is not None:
        names = [name for name in requested_by if name.strip()]
        wanted = list(dict.fromkeys(_requester(session, name, row.year) for name in names))
        current = {
            r.organisation_id: r
            for r in session.exec(
                select(ActivityRequest).where(ActivityRequest.activity_id == row.id)
            )
        }
        for org_id, request in current.items():
            if org_id not in wanted:
                session.delete(request)
        for org_id in wanted:
            if org_id not in current:
                session.add(ActivityRequest(activity_id=activity_id, organisation_id=org_id))
    session.flush()
    changed = rules.changed_facts(before, _facts(session, row))
    return ActivityEdit(_views(session, [row])[0], changed)


def _edited_goal(session: Session, row: Activity, goal: str | None, plan: str | None) -> int | None:
    if goal is not None and not goal.strip():
        if plan is not None:
            raise InvalidInput(
                _('--goal "" clears the goal, so --plan has nothing to choose; leave it out.')
            )
        return None
    code = goal
    if code is None:  # --plan alone: the same code, in the named plan
        current = session.get(Goal, row.goal_id) if row.goal_id else None
        if current is None:
            raise InvalidInput(
                _(
                    "Activity {number} has no goal, so --plan has nothing to move; "
                    "give the goal too: --goal CODE --plan NAME."
                ).format(number=row.id)
            )
        code = current.code
    return stored_id(goal_for_year(session, code, row.year, plan))


def _facts(session: Session, row: Activity) -> rules.ActivityFacts:
    askers = session.exec(
        select(ActivityRequest.organisation_id).where(ActivityRequest.activity_id == row.id)
    ).all()
    return rules.ActivityFacts(
        title=row.title,
        goal_id=row.goal_id,
        owner_id=row.owner_id,
        planned_on=row.planned_on,
        status=ActivityStatus(row.status),
        done_on=row.done_on,
        outcome=row.outcome,
        cancel_reason=row.cancel_reason,
        requested_by=frozenset(askers),
    )


def check_removal(session: Session, activity_id: int, *, force: bool = False) -> ActivityView:
    """Whether an activity may be removed (see `remove_activity`); the activity."""
    row = _get(session, activity_id)
    copy_id = session.exec(select(Activity.id).where(Activity.carried_from_id == row.id)).first()
    rules.check_removable(
        activity_id, ActivityStatus(row.status), row.year, copy_id=copy_id, force=force
    )
    return _views(session, [row])[0]


def remove_activity(session: Session, activity_id: int, *, force: bool = False) -> ActivityView:
    """`psi activity remove`: delete an activity entered by mistake, with the requests for it.
    A carry's copy goes the same way, and its original is back as it was before the carry."""
    view = check_removal(session, activity_id, force=force)
    row = _get(session, activity_id)
    if row.carried_from_id is not None:
        original = _get(session, row.carried_from_id)
        before = _statuses_before_carry(session, {stored_id(original)})
        original.status = rules.status_before_carry(before.get(stored_id(original))).value
        session.add(original)
    _delete_activities(session, [row])
    return view


def _delete_activities(session: Session, rows: Sequence[Activity]) -> None:
    ids = [row.id for row in rows]
    for request in session.exec(
        select(ActivityRequest).where(col(ActivityRequest.activity_id).in_(ids))
    ):
        session.delete(request)
    session.flush()
    for row in rows:
        session.delete(row)
    session.flush()


def _statuses_before_carry(session: Session, ids: set[int]) -> dict[int, str]:
    """The status each carried activity had before its carry, as the audit log recorded it
    (psi keeps no other record of it); an activity the log says nothing of is left out."""
    from psi.models import AuditEntry

    found: dict[int, str] = {}
    entries = session.exec(
        select(AuditEntry.changes)
        .where(col(AuditEntry.changes).contains(f'"{ActivityStatus.CARRIED.value}"'))
        .order_by(col(AuditEntry.id).desc())
    )
    for text in entries:
        try:
            changes = json.loads(text)
        except ValueError:
            continue
        for change in changes if isinstance(changes, list) else []:
            if not isinstance(change, dict) or change.get("table") != "activity":
                continue
            key = change.get("id")
            status = (change.get("changes") or {}).get("status")
            if (
                key in ids
                and key not in found
                and isinstance(status, dict)
                and status.get("new") == ActivityStatus.CARRIED.value
            ):
                found[key] = str(status.get("old"))
        if len(found) == len(ids):
            break
    return found


@dataclass(frozen=True)
class CarryMove:
    """An unfinished activity a carry moves on, and whether its goal goes with it."""

    activity: ActivityView
    keeps_goal: bool


def _to_carry(session: Session, year: int) -> list[tuple[Activity, bool]]:
    rows = session.exec(
        select(Activity)
        .where(Activity.year == year, col(Activity.status).in_([s.value for s in rules.UNFINISHED]))
        .order_by(col(Activity.id))
    ).all()
    plans = {
        goal.id: plan
        for goal, plan in session.exec(
            select(Goal, OperationsPlan).join(
                OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id)
            )
        )
    }
    moves = []
    for row in rows:
        plan = plans.get(row.goal_id)
        keeps_goal = plan is not None and rules.covers(plan.first_year, plan.last_year, year + 1)
        moves.append((row, keeps_goal))
    return moves


def carry_preview(session: Session, year: int) -> list[CarryMove]:
    """`psi activity carry --dry-run`: what a carry of the year would move; reads only."""
    moves = _to_carry(session, year)
    views = _views(session, [row for row, _keeps in moves])
    return [CarryMove(view, keeps) for view, (_row, keeps) in zip(views, moves, strict=True)]


def carry_activities(
    session: Session, year: int, *, today: date | None = None, early: bool = False
) -> list[ActivityView]:
    """`psi activity carry`: unfinished activities of the year move on to the next one; not
    before the year's last month unless `early`."""
    moves = _to_carry(session, year)
    if moves and not early and rules.carry_is_early(year, today or date.today()):
        raise RuleViolation(
            ngettext(
                "{year} is not over, and {n} of its activities would move to {next_year}; "
                "see it with psi activity carry {year} --dry-run, carry from December on, "
                "or add --early to carry now.",
                "{year} is not over, and {n} of its activities would move to {next_year}; "
                "see them with psi activity carry {year} --dry-run, carry from December on, "
                "or add --early to carry now.",
                len(moves),
            ).format(year=year, n=len(moves), next_year=year + 1)
        )
    copies: list[Activity] = []
    for row, keeps_goal in moves:
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
    for (row, _keeps), copy in zip(moves, copies, strict=True):
        askers = session.exec(
            select(ActivityRequest.organisation_id).where(ActivityRequest.activity_id == row.id)
        ).all()
        for org_id in askers:
            session.add(ActivityRequest(activity_id=stored_id(copy), organisation_id=org_id))
    session.flush()
    return _views(session, copies)


def _carried(session: Session, year: int) -> list[tuple[Activity, Activity]]:
    """The year's carried activities with their copies in the next year, by number."""
    originals = {
        row.id: row
        for row in session.exec(
            select(Activity).where(
                Activity.year == year, Activity.status == ActivityStatus.CARRIED.value
            )
        )
    }
    copies = session.exec(
        select(Activity)
        .where(col(Activity.carried_from_id).in_(list(originals)))
        .order_by(col(Activity.id))
    ).all()
    return [(originals[copy.carried_from_id], copy) for copy in copies if copy.carried_from_id]


def undo_preview(session: Session, year: int) -> list[ActivityView]:
    """`psi activity carry --undo --dry-run`: the copies an undo would remove (after the same
    checks as the undo); reads only."""
    pairs = _carried(session, year)
    _check_untouched(session, year, pairs)
    return _views(session, [copy for _original, copy in pairs])


def undo_carry(session: Session, year: int) -> list[ActivityView]:
    """`psi activity carry --undo`: the copies the year's carry made are removed and the
    originals are back as they were, as long as nothing has happened to the copies since.
    The originals, as they now are."""
    pairs = _carried(session, year)
    _check_untouched(session, year, pairs)
    originals = [original for original, _copy in pairs]
    before = _statuses_before_carry(session, {stored_id(row) for row in originals})
    _delete_activities(session, [copy for _original, copy in pairs])
    for row in originals:
        row.status = rules.status_before_carry(before.get(stored_id(row))).value
        session.add(row)
    session.flush()
    return _views(session, originals)


def _check_untouched(session: Session, year: int, pairs: list[tuple[Activity, Activity]]) -> None:
    plans = {
        goal.id: plan
        for goal, plan in session.exec(
            select(Goal, OperationsPlan).join(
                OperationsPlan, col(Goal.plan_id) == col(OperationsPlan.id)
            )
        )
    }
    carried_on = set(
        session.exec(
            select(Activity.carried_from_id).where(
                col(Activity.carried_from_id).in_([copy.id for _original, copy in pairs])
            )
        ).all()
    )
    touched: list[str] = []
    for original, copy in pairs:
        facts = _facts(session, original)
        plan = plans.get(original.goal_id)
        keeps = plan is not None and rules.covers(plan.first_year, plan.last_year, year + 1)
        expected = rules.carried_copy(facts, keeps_goal=keeps)
        changed = rules.changed_facts(expected, _facts(session, copy))
        if copy.id in carried_on and "status" not in changed:
            changed.append("status")
        if changed:
            touched.append(f"{copy.id} ({', '.join(fact_words(changed))})")
    if touched:
        raise RuleViolation(
            _(
                "Not undone: the copies in {next_year} have changed since the carry "
                "(activity {changes}); remove the copies you do not want one by one "
                "with psi activity remove ID, which puts each original back."
            ).format(next_year=year + 1, changes="; ".join(touched))
        )


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
            _('The log text is empty; write what happened, e.g. "Möte med MSI om nätverket".')
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
