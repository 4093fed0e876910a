"""Plain contexts (dicts, lists, strings) for the report templates, built from sections.

Each section builder takes the facts it shows (the budget, the meetings, the duties ...)
and returns a plain dict: the value of one context key (`budget_section`), or the keys
it adds to a context (`meetings_section`). A report composes the sections it shows; the
follow-up shows them all. Numbers are formatted here the Swedish way (`200 000 kr`) and
words come from the catalogue (psi.words), so that templates only place text; a template
never computes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from psi.domain.activity import ActivityStatus, count_activities
from psi.domain.budget import Burn
from psi.domain.decision import Draft
from psi.domain.duties import CRITERIA_SETTINGS, Criteria, changed_criteria, criterion_text
from psi.domain.money import format_amount
from psi.domain.summary import MeetingAttendance, is_long, meetings_by_month, shorten
from psi.reports.followup_words import (
    below_sentences,
    duty_done,
    duty_rule,
    duty_title,
    money_sentence,
    reach_sentences,
    rotation_sentence,
    verdict_sentence,
    verdict_word,
)
from psi.reports.render import format_date, format_month, format_number
from psi.services.activities import ActivityView, LogView
from psi.services.budget import BudgetStatus, ExpenseView
from psi.services.meetings import ActionView, MeetingView
from psi.services.rotation import CoordinatorView, ProposalView
from psi.services.yearly import (
    ActivitiesReport,
    BudgetReport,
    MemberCounts,
    YearReport,
)
from psi.words import (
    ACTIVITY_STATUS,
    BUDGET_CATEGORY,
    COORDINATOR_ROLE,
    FUNDING,
    MEETING_KIND,
    MEETING_STATUS,
    N_,
    SECTOR,
    term,
    words,
)

Settings = Mapping[str, str | None]
# Sections shared by the reports


def settings_section(settings: Settings) -> dict[str, Any]:
    """The settings, with keys a template can name (`default_grant` for `default-grant`)."""
    return {key.replace("-", "_"): value for key, value in settings.items()}


def header(year: int | None, today: date, settings: Settings) -> dict[str, Any]:
    """The keys every year report starts with: the year, today's date and the settings."""
    return {"year": year, "today": today, "settings": settings_section(settings)}


def _shortened(key: str, rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """`key` with the first rows of a long list, and `key_more` with how many are left out."""
    short = shorten(rows)
    return {key: short.shown, f"{key}_more": format_number(short.more, lang) if short.more else ""}


def _chart(title: str, bars: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": title, "bars": bars}


def coordinator(c: CoordinatorView, lang: str) -> dict[str, Any]:
    """One coordinator in one year: name, role, years in a row and any override."""
    return {
        "name": c.organisation,
        "role": term(lang, COORDINATOR_ROLE, c.role),
        "years": c.consecutive_years,
        "override": c.override_reason,
    }


def coordinators_section(coordinators: Sequence[CoordinatorView], lang: str) -> dict[str, Any]:
    """`coordinators` of the year and the `overrides` of the rotation rule, with reasons."""
    return {
        "coordinators": [coordinator(c, lang) for c in coordinators],
        "overrides": [
            {"name": c.organisation, "reason": c.override_reason}
            for c in coordinators
            if c.override_reason
        ],
    }


def duties_section(report: YearReport, lang: str) -> dict[str, Any]:
    """`duties`: the six duties, what was done, the verdict and the rule it is judged by."""
    running = report.share_of_year < 1
    return {
        "duties": [
            {
                "number": d.number,
                "title": duty_title(d.key, lang),
                "done": duty_done(d, report.facts, running, lang),
                "rule": duty_rule(d.key, report.criteria, lang),
                "verdict": verdict_word(d.verdict, lang),
                "verdict_key": d.verdict.value,
            }
            for d in report.duties
        ]
    }


def criteria_section(criteria: Criteria) -> dict[str, Any]:
    """`criteria`: each criterion's setting, its value and psi's proposal; `changed` ones."""
    rows = [
        {
            "key": key,
            "value": criterion_text(key, criteria),
            "proposal": criterion_text(key),
            "changed": key in changed_criteria(criteria),
        }
        for key in CRITERIA_SETTINGS
    ]
    return {"criteria": rows, "criteria_changed": [r for r in rows if r["changed"]]}


def summary_section(report: YearReport, lang: str) -> dict[str, Any]:
    """`summary`: the sammanfattande bedömning, in prose, from the verdicts and key figures."""
    r = report
    running = r.share_of_year < 1
    return {
        "verdicts": verdict_sentence(r.duties, running, lang),
        "below": below_sentences(r.duties, r.facts, running, lang),
        "money": money_sentence(r.money, r.year, lang),
        "rotation": rotation_sentence(r.next_pair, lang),
        "pair_complete": r.next_pair.complete,
        "passed": round(r.share_of_year * 100),
    }


# Meetings and attendance


def meeting_months(
    year: int, meetings: Sequence[MeetingView], attended: Mapping[int, int], lang: str
) -> list[dict[str, Any]]:
    """The year's meetings month by month: counts per kind, held, cancelled, attendance."""
    facts = [MeetingAttendance(m.day, m.kind, m.status, attended.get(m.id, 0)) for m in meetings]
    return [
        {
            "month": format_month(date(year, month.month, 1), lang),
            "au": month.by_kind.get("au", 0),
            "stormote": month.by_kind.get("stormote", 0),
            "msi": month.by_kind.get("msi", 0),
            "other": month.by_kind.get("other", 0),
            "held": month.held,
            "cancelled": month.cancelled,
            "average": format_number(month.average_attendance, lang, decimals=1)
            if month.held
            else "–",
            "average_value": month.average_attendance,
        }
        for month in meetings_by_month(facts)
    ]


def _meeting_row(meeting: MeetingView, attended: Mapping[int, int], lang: str) -> dict[str, Any]:
    held = meeting.status == "held"
    return {
        "date": meeting.day.isoformat(),
        "kind": term(lang, MEETING_KIND, meeting.kind),
        "title": meeting.title,
        "status": term(lang, MEETING_STATUS, meeting.status),
        "with": meeting.co_organiser or "",
        "attended": attended.get(meeting.id, 0) if held else "",
    }


def meetings_section(
    year: int, meetings: Sequence[MeetingView], attended: Mapping[int, int], lang: str
) -> dict[str, Any]:
    """`meeting_total`, and the `meetings` one by one, or by month (`meeting_months`) when many."""
    many = is_long(meetings)
    return {
        "meeting_total": format_number(len(meetings), lang),
        "meeting_months": meeting_months(year, meetings, attended, lang) if many else [],
        "meetings": [] if many else [_meeting_row(m, attended, lang) for m in meetings],
    }


def attendance_section(per_org: Mapping[str, int], lang: str) -> dict[str, Any]:
    """`attendance_per_org`: meetings attended per organisation, most first (shortened)."""
    ranked = sorted(per_org.items(), key=lambda item: (-item[1], item[0]))
    rows = [{"name": name, "meetings": count} for name, count in ranked]
    return _shortened("attendance_per_org", rows, lang)


def attendance_chart(
    year: int, meetings: Sequence[MeetingView], attended: Mapping[int, int], lang: str
) -> dict[str, Any]:
    """One bar per held meeting; per month (organisations per meeting) when there are many."""
    held = [m for m in meetings if m.status == "held"]
    t = words(lang)
    if is_long(held):
        return _chart(
            t.gettext("Attendance per meeting, monthly average"),
            [
                {"label": m["month"], "value": m["average_value"], "text": m["average"]}
                for m in meeting_months(year, meetings, attended, lang)
                if m["held"]
            ],
        )
    return _chart(
        t.gettext("Attendance per meeting"),
        [
            {
                "label": f"{m.day.isoformat()} {m.title}",
                "value": attended.get(m.id, 0),
                "text": str(attended.get(m.id, 0)),
            }
            for m in held
        ],
    )


def open_actions_section(actions: Sequence[ActionView], year: int, lang: str) -> dict[str, Any]:
    """`open_actions`: open items from meetings up to the year's end (shortened)."""
    rows = [
        {
            "text": a.text,
            "owner": a.owner,
            "due": a.due.isoformat(),
            "meeting": a.meeting_day.isoformat(),
        }
        for a in actions
        if a.meeting_day.year <= year
    ]
    return _shortened("open_actions", rows, lang)


# Activities, members and the log


def activities_section(activities: Sequence[ActivityView], lang: str) -> dict[str, Any]:
    """The activity list's counts by status, and the whole list with outcomes, the reasons
    for cancelling and who asked for each."""
    counts = count_activities(ActivityStatus(a.status) for a in activities)
    return {
        "total": counts.total,
        "done": counts.done,
        "planned": counts.planned + counts.ongoing,
        "cancelled": counts.cancelled,
        "carried": counts.carried,
        **_shortened("rows", [_activity_row(a, lang) for a in activities], lang),
    }


def members_section(members: MemberCounts) -> dict[str, Any]:
    """Members at the year's start and end, who joined and left, and the prospects."""
    return {
        "at_start": members.at_start,
        "at_end": members.at_end,
        "now": members.now,
        "joined": members.joined,
        "left": members.left,
        "prospects": members.prospects,
        "contacted": members.prospects_contacted,
    }


def log_section(log: Sequence[LogView]) -> dict[str, Any]:
    """How many log entries of each kind the duties are judged on."""
    counts: dict[str, int] = defaultdict(int)
    for entry in log:
        counts[entry.kind.replace("-", "_")] += 1
    keys = ("msi", "website", "social_media", "member_dialogue", "recruitment")
    return {key: counts[key] for key in keys}


# Money


def budget_section(budget: BudgetStatus, lang: str) -> dict[str, Any]:
    """The grant, spending per organisation and category, co-funding and warnings."""
    return {
        "grant": format_amount(budget.grant),
        "has_grant": budget.grant > 0,
        "spent": format_amount(budget.spent),
        "remaining": format_amount(budget.remaining),
        "by_org": [
            {
                "name": burn.organisation,
                "allocated": format_amount(burn.allocated),
                "spent": format_amount(burn.spent),
                "left": format_amount(burn.allocated - burn.spent),
            }
            for burn in budget.burns
        ],
        "by_category": [
            {"category": term(lang, BUDGET_CATEGORY, c), "spent": format_amount(amount)}
            for c, amount in budget.spent_by_category.items()
        ],
        "co_funding": [
            {
                "source": other.source,
                "amount": format_amount(other.amount)
                if other.amount is not None
                else words(lang).gettext("amount not recorded"),
                "note": other.note or "",
                "kind": term(lang, FUNDING, other.kind),
            }
            for other in budget.co_funding
        ],
        "overrides": budget.override_reasons,
    }


def spending_chart(burns: Sequence[Burn], lang: str) -> dict[str, Any]:
    """One bar per coordinator: spent against allocated."""
    return _chart(
        words(lang).gettext("Spending against allocation"),
        [
            {
                "label": b.organisation,
                "value": b.spent / 100,
                "compare": b.allocated / 100,
                "text": f"{format_amount(b.spent)} / {format_amount(b.allocated)}",
            }
            for b in burns
        ],
    )


def grants_section(budget: BudgetStatus) -> list[dict[str, Any]]:
    """Every grant of the year: source, amount, decision date and reference."""
    return [
        {
            "source": source,
            "amount": format_amount(amount),
            "ref": ref or "",
            "decided": decided.isoformat() if decided else "",
        }
        for source, amount, decided, ref in budget.grants
    ]


def expense_row(expense: ExpenseView, lang: str) -> dict[str, Any]:
    """One expense: date, organisation, amount, category and note."""
    return {
        "date": expense.day.isoformat(),
        "organisation": expense.organisation,
        "amount": format_amount(expense.amount),
        "category": term(lang, BUDGET_CATEGORY, expense.category),
        "note": expense.note or "",
    }


# The reports


def followup_context(report: YearReport, lang: str) -> dict[str, Any]:
    """The AU's follow-up of a year: coordinators, the six duties, the budget, open items.

    Long lists (a register grown past a normal year) are shortened: see psi.domain.summary.
    """
    r = report
    return {
        **header(r.year, r.today, r.settings),
        "empty": r.is_empty,
        "running": r.share_of_year < 1,
        "next_year": r.year + 1,
        "summary": summary_section(r, lang),
        **coordinators_section(r.coordinators, lang),
        **duties_section(r, lang),
        **criteria_section(r.criteria),
        **meetings_section(r.year, r.meetings, r.attendance_per_meeting, lang),
        **attendance_section(r.attendance_per_org, lang),
        "activities": activities_section(r.activities, lang),
        "members": members_section(r.members),
        "log": log_section(r.log),
        "budget": budget_section(r.budget, lang),
        "reach": reach_sentences(r.reach, lang),
        **open_actions_section(r.open_actions, r.year, lang),
        "charts": {
            "spending": spending_chart(r.budget.burns, lang),
            "attendance": attendance_chart(r.year, r.meetings, r.attendance_per_meeting, lang),
        },
    }


def budget_context(report: BudgetReport, lang: str) -> dict[str, Any]:
    """`psi report budget`: the year's grant, allocations, spending and every expense."""
    budget = report.budget
    return {
        **header(report.year, report.today, report.settings),
        "budget": budget_section(budget, lang),
        "grants": grants_section(budget),
        "expenses": [expense_row(e, lang) for e in report.expenses],
        "charts": {"spending": spending_chart(budget.burns, lang)},
    }


def _activity_row(activity: ActivityView, lang: str) -> dict[str, Any]:
    a = activity
    return {
        "title": a.title,
        "owner": a.owner or "",
        "planned": a.planned_on.isoformat() if a.planned_on else "",
        "status": term(lang, ACTIVITY_STATUS, a.status),
        "outcome": a.outcome or a.cancel_reason or "",
        "requested_by": ", ".join(a.requested_by),
    }


def activity_groups(
    activities: Sequence[ActivityView], goals: Mapping[str, str], lang: str
) -> list[dict[str, Any]]:
    """The activities grouped by the goal they serve, each under its own plan's text for it,
    by code; those without a goal last. (Two plans covering the year may both have an M1.)"""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for a in activities:
        text = a.goal_text if a.goal_text is not None else goals.get(a.goal or "", "")
        groups[(a.goal or "", text)].append(_activity_row(a, lang))
    return [
        {"code": code, "goal": text, "activities": items}
        for (code, text), items in sorted(
            groups.items(), key=lambda item: (item[0][0] == "", item[0][0], item[0][1])
        )
    ]


def activities_context(report: ActivitiesReport, lang: str) -> dict[str, Any]:
    """`psi report activities`: the year's activity list, grouped by goal."""
    return {
        **header(report.year, report.today, report.settings),
        "counts": activities_section(report.activities, lang),
        "groups": activity_groups(report.activities, report.goals, lang),
    }


FACT_LABELS: dict[str, str] = {
    "amount": N_("the amount"),
    "members": N_("the number of member organisations"),
    "founded": N_("the year the partnership was founded"),
    "founded-by": N_("whose decision founded the partnership"),
    "handover": N_("the year the region handed the coordination to civil society"),
    "rotation": N_("the committee's decision that the coordination rotates"),
    "previous": N_("last year's coordinators"),
    "reference": N_("the committee report the decision rests on"),
    "signer": N_("who signs"),
    "signer-title": N_("the signer's title"),
}


def fact_label(key: str, lang: str) -> str:
    """What a fact of the decision draft is, in the document's language."""
    return words(lang).gettext(FACT_LABELS[key])


def _gaps(draft: Draft, lang: str) -> dict[str, str]:
    """For each fact of the draft: the [SAKNAS] text saying what it is and what records it."""
    return {
        fact.key.replace("-", "_"): f"{fact_label(fact.key, lang)}: {fact.command}"
        for fact in draft.facts
    }


def _assessment_gap(draft: Draft, lang: str) -> str:
    """What the register says of the way of working, when it does not say it works well."""
    w = words(lang)
    command = f"psi history assess {draft.year - 1} --works-well --on DATE"
    if draft.assessment is not None and not draft.works_well:
        said = w.gettext("the working committee found on {day} that it needs change: {note}")
        text = said.format(
            day=format_date(draft.assessment.decided_on, lang), note=draft.assessment.note or ""
        )
    elif draft.followup is not None:
        text = w.gettext("the follow-up of {year} finds these duties not met: {duties}").format(
            year=draft.followup.year,
            duties=", ".join(duty_title(d.key, lang) for d in draft.followup.below),
        )
    else:
        text = w.gettext("no assessment and no follow-up of {year} is recorded").format(
            year=draft.day.year - 1
        )
    label = w.gettext("assessment of the way of working")
    return f"{label}: {text}; {command}"


def decision_context(
    draft: Draft, lang: str, *, dnr: str | None = None, send_to: str | None = None
) -> dict[str, Any]:
    """Kulturnämnden's decision draft for a year as it stands on its day: every fact from the
    register, or a [SAKNAS] saying what records it."""
    settings = settings_section(dict(draft.settings))
    handover = draft.handover
    return {
        "year": draft.year,
        "previous_year": draft.year - 1,
        "settings": settings,
        "dated": format_date(draft.day, lang),
        "dated_on": draft.day,
        "header": " · ".join(
            part for part in (settings.get("region"), settings.get("committee")) if part
        ),
        "dnr": dnr,
        "send_to": send_to,
        "amount": draft.amount.value,
        "members": draft.members.value,
        "founded": draft.founded.value,
        "founded_by": draft.founded_by.value,
        "handover": None
        if handover is None
        else {
            "year": handover.year,
            "region": handover.region,
            "first_pair": list(handover.first_pair),
        },
        "rotation": None
        if draft.rotation is None
        else {
            "first_year": draft.rotation.first_year,
            "decided_year": draft.rotation.decided_year,
            "note": draft.rotation.note or "",
        },
        "extension": list(draft.extension),
        "previous_pair": list(draft.previous_pair),
        "previous_needed": draft.previous_needed,
        "previous_complete": not draft.previous.missing,
        "stays": draft.stays,
        "leaves": list(draft.leaves),
        "newcomers": list(draft.newcomers),
        "works_well": draft.works_well,
        "frees_grant": [
            {"source": source, "note": note or ""} for source, note in draft.frees_grant
        ],
        "reference": draft.reference.value,
        "gaps": {**_gaps(draft, lang), "assessment": _assessment_gap(draft, lang)},
    }


def _place(org: Any, lang: str) -> str:
    if not org.municipality:
        return words(lang).pgettext("municipality", "unknown")
    if org.municipality_code:
        return str(org.municipality)
    outside = words(lang).gettext("outside the county")
    return f"{org.municipality} ({outside})"


def members_context(
    orgs: list[Any], settings: Settings, year: int | None, today: Any, lang: str
) -> dict[str, Any]:
    """`psi report members`: the register by sector and municipality, with counts."""
    by_sector: dict[str, int] = defaultdict(int)
    by_place: dict[str, int] = defaultdict(int)
    for org in orgs:
        by_sector[term(lang, SECTOR, org.sector)] += 1
        by_place[_place(org, lang)] += 1
    return {
        **header(year, today, settings),
        "total": len(orgs),
        "by_sector": sorted(by_sector.items(), key=lambda item: (-item[1], item[0])),
        "by_place": sorted(by_place.items(), key=lambda item: (-item[1], item[0])),
        "members": [
            {
                "name": o.name,
                "sector": term(lang, SECTOR, o.sector),
                "place": _place(o, lang) if o.municipality else "",
                "joined": o.joined.isoformat() if o.joined else "",
            }
            for o in orgs
        ],
    }


def rotation_context(
    history: list[CoordinatorView],
    proposal: ProposalView,
    settings: Settings,
    today: Any,
    lang: str,
) -> dict[str, Any]:
    """`psi report rotation`: every year's coordinators and the proposal for the next year."""
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for c in history:
        years[c.year].append(coordinator(c, lang) | {"ref": c.decision_ref or ""})
    return {
        "today": today,
        "settings": settings_section(settings),
        "years": [{"year": year, "coordinators": items} for year, items in sorted(years.items())],
        "next": {
            "year": proposal.year,
            "stays": proposal.stays,
            "leaves": [name for name, _ in proposal.leaves],
            "tied": proposal.tied,
            "candidates": [c.organisation for c in proposal.candidates[:5]],
            "current": [name for name, _ in proposal.current],
            "missing": proposal.missing,
            "incomplete": len(proposal.previous) == 1 and not proposal.handover,
        },
    }
