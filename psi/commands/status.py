"""`psi status`: one screen that says where the year stands and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson, YearOrThis
from psi.domain.calendar import weekday_sv
from psi.domain.money import format_amount

if TYPE_CHECKING:
    from psi.services.status import Todo, TodoDetail

EPILOG = "Example: psi status 2026"

_MARK = {"met": "✓", "on track": "→", "partly met": "~", "behind": "!", "not met": "✗"}


def status(
    ctx: typer.Context,
    year: YearOrThis,
    as_json: AsJson = False,
) -> None:
    """Where the year stands: coordinators, meetings, actions, activities, members, budget, duties."""
    from psi.domain.activity import ActivityStatus, count_activities
    from psi.reports.followup_words import duty_done, duty_title
    from psi.services.status import year_status
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        view = year_status(db, year)
    hints = [hint_text(todo, detail, year) for todo, detail in view.todos]
    if as_json:
        console.print_json({**to_json(view), "hints": hints})
        return
    r = view.report
    if view.empty_register:
        console.say(f"PSI {year}: nothing recorded yet.")
        for hint in hints:
            console.say(f"  → {hint}")
        return
    console.say(
        f"PSI {year} · {r.today.isoformat()} · {r.share_of_year:.0%} of the year passed",
        style="bold",
    )
    pair = ", ".join(f"{c.organisation} ({c.role})" for c in r.coordinators) or "none recorded"
    following = ", ".join(view.next_year_pair) or "not decided"
    console.say(f"Coordinators: {pair}. {year + 1}: {following}.")
    for m in view.next_meetings:
        console.say(
            f"  Next: {m.day} {weekday_sv(m.day)} v.{m.week} {m.time_text} {m.kind} {m.title}"
            + (f", {m.place}" if m.place else "")
        )
    done = {d.key: duty_done(d, r.facts, r.share_of_year < 1, "en") for d in r.duties}
    asked = f"{r.criteria.stormoten_min}-{r.criteria.stormoten_max}"
    console.say(f"Meetings: {done['au']}; {done['stormoten']} ({asked} asked for).")
    overdue = view.overdue
    console.say(f"Action items: {len(r.open_actions)} open, {overdue} overdue.")
    for a in r.open_actions[:3]:
        late = " OVERDUE" if a.overdue(r.today) else ""
        console.say(f"  #{a.id} {a.text} ({a.owner}, due {a.due}){late}")
    counts = count_activities(ActivityStatus(a.status) for a in r.activities)
    console.say(
        f"Activities: {counts.done} done, {counts.ongoing} ongoing, {counts.planned} planned "
        f"({counts.share_done:.0%} of the list done)."
    )
    silent = ", ".join(view.silent_prospects) or "none"
    console.say(
        f"Members: {r.members.now} now; {len(r.members.joined)} joined and {len(r.members.left)} left "
        f"in {year}; prospects silent 60+ days: {silent}."
    )
    b = r.budget
    console.say(
        f"Budget: grant {format_amount(b.grant)}, spent {format_amount(b.spent)}, "
        f"remaining {format_amount(b.remaining)}."
    )
    console.say(f"Log: {done['msi']}; {done['communication']}.")
    console.say("Duties:")
    for d in r.duties:
        console.say(
            f"  {_MARK.get(d.verdict.value, ' ')} {d.number}. {duty_title(d.key, 'en')}: "
            f"{d.verdict.value}"
        )
    for hint in hints:
        console.say(f"→ {hint}")


def hint_text(todo: Todo, detail: TodoDetail, year: int) -> str:
    """What the year lacks, and the command that fills it; `detail` is what the todo is about
    (the budget alert, the meeting, how many more meetings)."""
    from psi.commands.budget import alert_text
    from psi.domain.budget import BudgetAlert
    from psi.services.meetings import MeetingView
    from psi.services.status import MoreMeetings, Todo

    alert = alert_text(detail, year) if isinstance(detail, BudgetAlert) else ""
    meeting = (
        f"Meeting {detail.id} on {detail.day.isoformat()} ({detail.title}) is still planned: "
        f"record it with psi meeting held {detail.id}, "
        f'or psi meeting cancel {detail.id} --reason "TEXT"'
        if isinstance(detail, MeetingView)
        else ""
    )
    more = detail.count if isinstance(detail, MoreMeetings) else 0
    more_are = f"{more} more past meetings are" if more != 1 else "1 more past meeting is"
    texts = {
        Todo.EMPTY_REGISTER: "The register is empty. To look around: "
        "psi --db psi-example.sqlite3 init --example",
        Todo.LOAD_MEMBERS: "To load your member list: psi org import medlemmar.csv",
        Todo.NO_COORDINATORS: f"No coordinators recorded for {year}: psi rotate {year}",
        Todo.ONE_COORDINATOR: f"{year} has one coordinator recorded; appoint the second: "
        f"psi rotate {year}, then psi rotate {year} --appoint ORG",
        Todo.NEXT_PAIR: f"Next year's pair is not decided: psi rotate {year + 1}",
        Todo.NO_MEETINGS: f"No meetings for {year}: psi meeting plan {year} --save",
        Todo.PAST_PLANNED_MEETING: meeting,
        Todo.MORE_PAST_PLANNED: f"{more_are} still planned in {year}: "
        f"psi meeting list {year} --status planned",
        Todo.OVERDUE_ACTIONS: "Overdue action items: psi action list --overdue",
        Todo.NO_GRANT: f"No grant recorded for {year}: psi budget grant {year} 200000",
        Todo.BUDGET_WARNING: f"Budget: {alert} (psi budget status {year})",
        Todo.NO_MSI_DIALOGUE: 'No MSI dialogue logged this year: psi log add msi "TEXT" --org MSI',
        Todo.NOTHING_PUBLISHED: "Nothing published this year: "
        'psi log add website "TEXT" --link URL',
        Todo.NO_MEMBER_DIALOGUE: "No member dialogue logged this year: "
        'psi log add member-dialogue "TEXT" --org ORG',
        Todo.SILENT_PROSPECTS: "Prospects not contacted for 60 days: "
        'psi log add recruitment "TEXT" --org NAME',
    }
    return texts[todo]
