"""`psi status`: one screen that says where the year stands and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson, YearOrThis
from psi.domain.calendar import weekday_name
from psi.domain.money import format_amount
from psi.words import (
    COORDINATOR_ROLE,
    MEETING_KIND,
    VERDICT,
    _,
    interface_language,
    interface_term,
    words,
)

if TYPE_CHECKING:
    from psi.services.status import Status as StatusView
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
    # The hints in JSON stay in English, like every value there.
    hints = [
        hint_text(todo, detail, year, lang="en" if as_json else None) for todo, detail in view.todos
    ]
    if as_json:
        console.print_json({**to_json(view), "hints": hints})
        return
    r = view.report
    lang = interface_language()
    if view.empty_register:
        console.say(_("PSI {year}: nothing recorded yet.").format(year=year))
        for hint in hints:
            console.say(f"  → {hint}")
        return
    console.say(
        _("PSI {year} · {today} · {share} of the year passed").format(
            year=year, today=r.today.isoformat(), share=f"{r.share_of_year:.0%}"
        ),
        style="bold",
    )
    console.say(_coordinators_line(view, year))
    for m in view.next_meetings:
        values = {
            "day": m.day,
            "weekday": weekday_name(m.day),
            "week": m.week,
            "time": m.time_text,
            "kind": interface_term(MEETING_KIND, m.kind),
            "title": m.title,
            "place": m.place,
        }
        if m.place:
            line = _("Next: {day} {weekday} week {week} {time} {kind} {title}, {place}")
        else:
            line = _("Next: {day} {weekday} week {week} {time} {kind} {title}")
        console.say("  " + line.format(**values))
    done = {d.key: duty_done(d, r.facts, r.share_of_year < 1, lang) for d in r.duties}
    console.say(
        _("Meetings: {au}; {general} ({low}-{high} asked for).").format(
            au=done["au"],
            general=done["stormoten"],
            low=r.criteria.stormoten_min,
            high=r.criteria.stormoten_max,
        )
    )
    console.say(
        _("Action items: {open} open, {overdue} overdue.").format(
            open=len(r.open_actions), overdue=view.overdue
        )
    )
    for a in r.open_actions[:3]:
        overdue = a.overdue(r.today)
        if overdue:
            item = _("#{number} {text} ({owner}, due {due}) OVERDUE")
        else:
            item = _("#{number} {text} ({owner}, due {due})")
        console.say(
            "  " + item.format(number=a.id, text=a.text, owner=a.owner, due=a.due),
            style=console.WARNING_STYLE if overdue else None,
        )
    counts = count_activities(ActivityStatus(a.status) for a in r.activities)
    console.say(
        _(
            "Activities: {done} done, {ongoing} ongoing, {planned} planned "
            "({share} of the list done)."
        ).format(
            done=counts.done,
            ongoing=counts.ongoing,
            planned=counts.planned,
            share=f"{counts.share_done:.0%}",
        )
    )
    members = {
        "now": r.members.now,
        "joined": len(r.members.joined),
        "left": len(r.members.left),
        "year": year,
        "names": ", ".join(view.silent_prospects),
    }
    if view.silent_prospects:
        line = _(
            "Members: {now} now; {joined} joined and {left} left in {year}; "
            "prospects silent 60+ days: {names}."
        )
    else:
        line = _(
            "Members: {now} now; {joined} joined and {left} left in {year}; "
            "prospects silent 60+ days: none."
        )
    console.say(line.format(**members))
    b = r.budget
    console.say(
        _("Budget: grant {grant}, spent {spent}, remaining {remaining}.").format(
            grant=format_amount(b.grant),
            spent=format_amount(b.spent),
            remaining=format_amount(b.remaining),
        )
    )
    console.say(
        _("Log: {msi}; {communication}.").format(
            msi=done["msi"], communication=done["communication"]
        )
    )
    console.say(_("Duties:"))
    for d in r.duties:
        console.say(
            f"  {_MARK.get(d.verdict.value, ' ')} {d.number}. {duty_title(d.key, lang)}: "
            f"{interface_term(VERDICT, d.verdict.value)}",
            style=console.verdict_style(d.verdict.value),
        )
    for hint in hints:
        console.say(f"→ {hint}")


def _coordinators_line(view: StatusView, year: int) -> str:
    """The year's coordinators and next year's pair, or that they are not recorded yet."""
    pair = ", ".join(
        f"{c.organisation} ({interface_term(COORDINATOR_ROLE, c.role)})"
        for c in view.report.coordinators
    )
    following = ", ".join(view.next_year_pair)
    if pair and following:
        line = _("Coordinators: {pair}. {next_year}: {following}.")
    elif pair:
        line = _("Coordinators: {pair}. {next_year}: not decided.")
    elif following:
        line = _("Coordinators: none recorded. {next_year}: {following}.")
    else:
        line = _("Coordinators: none recorded. {next_year}: not decided.")
    return line.format(pair=pair, next_year=year + 1, following=following)


def hint_text(todo: Todo, detail: TodoDetail, year: int, *, lang: str | None = None) -> str:
    """What the year lacks, and the command that fills it; `detail` is what the todo is about
    (the budget alert, the meeting, how many more meetings). In the interface language, or in
    `lang`."""
    from psi.commands.budget import alert_text
    from psi.domain.budget import BudgetAlert
    from psi.services.meetings import MeetingView
    from psi.services.status import MoreMeetings, Todo

    t = words(lang or interface_language())
    if todo is Todo.PAST_PLANNED_MEETING and isinstance(detail, MeetingView):
        return t.gettext(
            "Meeting {number} on {day} ({title}) is still planned: "
            "record it with psi meeting held {number}, "
            'or psi meeting cancel {number} --reason "TEXT"'
        ).format(number=detail.id, day=detail.day.isoformat(), title=detail.title)
    if todo is Todo.MORE_PAST_PLANNED:
        more = detail.count if isinstance(detail, MoreMeetings) else 0
        return t.ngettext(
            "{n} more past meeting is still planned in {year}: "
            "psi meeting list {year} --status planned",
            "{n} more past meetings are still planned in {year}: "
            "psi meeting list {year} --status planned",
            more,
        ).format(n=more, year=year)
    if todo is Todo.BUDGET_WARNING and isinstance(detail, BudgetAlert):
        return t.gettext("Budget: {alert} (psi budget status {year})").format(
            alert=alert_text(detail, year), year=year
        )
    texts = {
        Todo.EMPTY_REGISTER: t.gettext(
            "The register is empty. To look around: psi --db psi-example.sqlite3 init --example"
        ),
        Todo.LOAD_MEMBERS: t.gettext("To load your member list: psi org import medlemmar.csv"),
        Todo.NO_COORDINATORS: t.gettext("No coordinators recorded for {year}: psi rotate {year}"),
        Todo.ONE_COORDINATOR: t.gettext(
            "{year} has one coordinator recorded; appoint the second: "
            "psi rotate {year}, then psi rotate {year} --appoint ORG"
        ),
        Todo.NEXT_PAIR: t.gettext("Next year's pair is not decided: psi rotate {next_year}"),
        Todo.HANDOVER: t.gettext(
            "A coordinator leaves after {year}: hand over with psi report handover {year}"
        ),
        Todo.NO_MEETINGS: t.gettext("No meetings for {year}: psi meeting plan {year} --save"),
        Todo.OVERDUE_ACTIONS: t.gettext("Overdue action items: psi action list --overdue"),
        Todo.NO_GRANT: t.gettext("No grant recorded for {year}: psi budget grant {year} 200000"),
        Todo.NO_MSI_DIALOGUE: t.gettext(
            'No MSI dialogue logged this year: psi log add msi "TEXT" --org MSI'
        ),
        Todo.NOTHING_PUBLISHED: t.gettext(
            'Nothing published this year: psi log add website "TEXT" --link URL'
        ),
        Todo.NO_MEMBER_DIALOGUE: t.gettext(
            'No member dialogue logged this year: psi log add member-dialogue "TEXT" --org ORG'
        ),
        Todo.SILENT_PROSPECTS: t.gettext(
            'Prospects not contacted for 60 days: psi log add recruitment "TEXT" --org NAME'
        ),
    }
    return texts.get(todo, "").format(year=year, next_year=year + 1)
