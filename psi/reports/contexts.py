"""Plain contexts (dicts, lists, strings) for the report templates, built from a YearReport.

Numbers are formatted here the Swedish way (`200 000 kr`) so that templates only place
text; a template never computes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from psi.domain.budget import CATEGORY_SV, Category
from psi.domain.duties import VERDICT_SV
from psi.domain.money import format_amount, format_kronor, parse_amount
from psi.domain.summary import MeetingAttendance, is_long, meetings_by_month, shorten
from psi.reports.render import format_date, format_month, format_number
from psi.services.rotation import CoordinatorView, ProposalView
from psi.services.yearly import YearReport

ROLE_SV = {
    "continuing": "fortsätter",
    "newcomer": "samordningsnybörjare",
    "other": "regionledd period",
}
STATUS_SV = {
    "planned": "planerad",
    "ongoing": "pågår",
    "done": "genomförd",
    "cancelled": "inställd",
    "carried": "flyttad till nästa år",
    "held": "genomfört",
}
KIND_SV = {"au": "AU-möte", "stormote": "Stormöte", "msi": "MSI-dialog", "other": "Övrigt möte"}
KIND_EN = {
    "au": "AU meeting",
    "stormote": "General meeting",
    "msi": "MSI dialogue",
    "other": "Other",
}
MEETING_STATUS_SV = {"planned": "planerat", "held": "genomfört", "cancelled": "inställt"}


def _coordinator(c: CoordinatorView, lang: str) -> dict[str, Any]:
    return {
        "name": c.organisation,
        "role": ROLE_SV.get(c.role, c.role) if lang == "sv" else c.role,
        "years": c.consecutive_years,
        "override": c.override_reason,
    }


def _settings(report: YearReport) -> dict[str, Any]:
    return {key.replace("-", "_"): value for key, value in report.settings.items()}


def _chart(title: str, bars: list[dict[str, Any]]) -> dict[str, Any]:
    return {"title": title, "bars": bars}


def _meeting_months(report: YearReport, lang: str) -> list[dict[str, Any]]:
    attended = report.attendance_per_meeting
    facts = [
        MeetingAttendance(m.day, m.kind, m.status, attended.get(m.id, 0)) for m in report.meetings
    ]
    return [
        {
            "month": format_month(date(report.year, month.month, 1), lang),
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


def _attendance_chart(report: YearReport, lang: str) -> dict[str, Any]:
    """One bar per held meeting; per month (organisations per meeting) when there are many."""
    attended = report.attendance_per_meeting
    held = [m for m in report.meetings if m.status == "held"]
    if is_long(held):
        return _chart(
            "Närvaro per möte, månadens genomsnitt"
            if lang == "sv"
            else "Attendance per meeting, monthly average",
            [
                {"label": m["month"], "value": m["average_value"], "text": m["average"]}
                for m in _meeting_months(report, lang)
                if m["held"]
            ],
        )
    return _chart(
        "Närvaro per möte" if lang == "sv" else "Attendance per meeting",
        [
            {
                "label": f"{m.day.isoformat()} {m.title}",
                "value": attended.get(m.id, 0),
                "text": str(attended.get(m.id, 0)),
            }
            for m in held
        ],
    )


def followup_context(report: YearReport, lang: str) -> dict[str, Any]:
    """The AU's follow-up of a year: coordinators, the six duties, the budget, open items.

    Long lists (a register grown past a normal year) are shortened: see psi.domain.summary.
    """
    budget = report.budget
    attended = report.attendance_per_meeting
    many_meetings = is_long(report.meetings)
    spending_rows = [
        {
            "name": burn.organisation,
            "allocated": format_amount(burn.allocated),
            "spent": format_amount(burn.spent),
            "left": format_amount(burn.allocated - burn.spent),
        }
        for burn in budget.burns
    ]
    activities = report.activities
    by_status: dict[str, int] = defaultdict(int)
    for activity in activities:
        by_status[activity.status] += 1
    log_counts: dict[str, int] = defaultdict(int)
    for entry in report.log:
        log_counts[entry.kind.replace("-", "_")] += 1
    return {
        "year": report.year,
        "today": report.today,
        "settings": _settings(report),
        "empty": report.is_empty,
        "running": report.share_of_year < 1,
        "coordinators": [_coordinator(c, lang) for c in report.coordinators],
        "overrides": [
            {"name": c.organisation, "reason": c.override_reason}
            for c in report.coordinators
            if c.override_reason
        ],
        "duties": [
            {
                "number": d.number,
                "title": d.title[lang],
                "done": d.done[lang],
                "rule": d.rule[lang],
                "verdict": VERDICT_SV[d.verdict] if lang == "sv" else d.verdict.value,
            }
            for d in report.duties
        ],
        "meeting_total": format_number(len(report.meetings), lang),
        "meeting_months": _meeting_months(report, lang) if many_meetings else [],
        "meetings": []
        if many_meetings
        else [
            {
                "date": m.day.isoformat(),
                "kind": (KIND_SV if lang == "sv" else KIND_EN).get(m.kind, m.kind),
                "title": m.title,
                "status": MEETING_STATUS_SV.get(m.status, m.status) if lang == "sv" else m.status,
                "with": m.co_organiser or "",
                "attended": attended.get(m.id, 0) if m.status == "held" else "",
            }
            for m in report.meetings
        ],
        **_shortened(
            "attendance_per_org",
            [
                {"name": name, "meetings": count}
                for name, count in sorted(
                    report.attendance_per_org.items(), key=lambda item: (-item[1], item[0])
                )
            ],
            lang,
        ),
        "activities": {
            "total": len(activities),
            "done": by_status["done"],
            "planned": by_status["planned"] + by_status["ongoing"],
            "cancelled": by_status["cancelled"],
            "carried": by_status["carried"],
            **_shortened(
                "requested",
                [
                    {
                        "title": a.title,
                        "by": ", ".join(a.requested_by),
                        "status": STATUS_SV.get(a.status, a.status) if lang == "sv" else a.status,
                    }
                    for a in activities
                    if a.requested_by
                ],
                lang,
            ),
        },
        "members": {
            "at_start": report.members.at_start,
            "at_end": report.members.at_end,
            "joined": report.members.joined,
            "left": report.members.left,
            "prospects": report.members.prospects,
            "contacted": report.members.prospects_contacted,
        },
        "log": {
            "msi": log_counts["msi"],
            "website": log_counts["website"],
            "social_media": log_counts["social_media"],
            "member_dialogue": log_counts["member_dialogue"],
            "recruitment": log_counts["recruitment"],
        },
        "budget": {
            "grant": format_amount(budget.grant),
            "has_grant": budget.grant > 0,
            "spent": format_amount(budget.spent),
            "remaining": format_amount(budget.remaining),
            "by_org": spending_rows,
            "by_category": [
                {
                    "category": CATEGORY_SV[Category(c)] if lang == "sv" else c,
                    "spent": format_amount(amount),
                }
                for c, amount in budget.spent_by_category.items()
            ],
            "co_funding": [
                {"source": source, "amount": format_amount(amount), "note": note or ""}
                for source, amount, note in budget.co_funding
            ],
            "warnings": budget.warnings,
            "overrides": budget.override_reasons,
        },
        **_shortened(
            "open_actions",
            [
                {
                    "text": a.text,
                    "owner": a.owner,
                    "due": a.due.isoformat(),
                    "meeting": a.meeting_day.isoformat(),
                }
                for a in report.open_actions
                if a.meeting_day.year <= report.year
            ],
            lang,
        ),
        "charts": {
            "spending": _chart(
                "Utgifter mot tilldelning" if lang == "sv" else "Spending against allocation",
                [
                    {
                        "label": b.organisation,
                        "value": b.spent / 100,
                        "compare": b.allocated / 100,
                        "text": f"{format_amount(b.spent)} / {format_amount(b.allocated)}",
                    }
                    for b in budget.burns
                ],
            ),
            "attendance": _attendance_chart(report, lang),
        },
    }


def _shortened(key: str, rows: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """`key` with the first rows of a long list, and `key_more` with how many are left out."""
    short = shorten(rows)
    return {key: short.shown, f"{key}_more": format_number(short.more, lang) if short.more else ""}


def _round_members(count: int) -> int:
    """Members rounded as the decision documents write them: to the nearest 5 (cirka 40)."""
    return max(5, 5 * round(count / 5)) if count else 0


def decision_context(report: YearReport, proposal: ProposalView, lang: str) -> dict[str, Any]:
    """Kulturnämndens decision draft for a year: every fact from the database, or a gap."""
    settings = _settings(report)
    grant = report.budget.grant
    if not grant and settings.get("default_grant"):
        grant = parse_amount(str(settings["default_grant"]))
    civil_years = sorted({c.year for c in report.history if c.role in ("newcomer", "continuing")})
    first_civil = civil_years[0] if civil_years else None
    rotation_years = sorted(
        {c.year for c in report.history if c.role == "continuing"}
        & {c.year for c in report.history if c.role == "newcomer"}
    )
    newcomers = [c.organisation for c in report.coordinators if c.role == "newcomer"]
    grants = report.budget.grants
    reference = next((ref for _, _, _, ref in grants if ref), None)
    return {
        "year": report.year,
        "settings": settings,
        "founded": settings.get("founded"),
        "members": _round_members(report.members.now),
        "amount": format_kronor(grant) if grant else None,
        "first_civil_year": first_civil,
        "first_pair": sorted(c.organisation for c in report.history if c.year == first_civil),
        "first_rotation_year": rotation_years[0] if rotation_years else None,
        "previous_year": report.year - 1,
        "previous_pair": [name for name, _ in proposal.previous],
        "leaves": [name for name, _ in proposal.leaves],
        "stays": proposal.stays,
        "newcomers": newcomers,
        "handover": proposal.handover,
        "co_funding": [source for source, _, _ in report.budget.co_funding],
        "reference": reference,
        "today": format_date(report.today, lang),
    }


def budget_context(report: YearReport, expenses: list[Any], lang: str) -> dict[str, Any]:
    """`psi report budget`: the year's grant, allocations, spending and every expense."""
    base = followup_context(report, lang)
    return {
        "year": report.year,
        "today": report.today,
        "settings": base["settings"],
        "budget": base["budget"],
        "grants": [
            {
                "source": source,
                "amount": format_amount(amount),
                "ref": ref or "",
                "decided": decided.isoformat() if decided else "",
            }
            for source, amount, decided, ref in report.budget.grants
        ],
        "expenses": [
            {
                "date": e.day.isoformat(),
                "organisation": e.organisation,
                "amount": format_amount(e.amount),
                "category": CATEGORY_SV[Category(e.category)] if lang == "sv" else e.category,
                "note": e.note or "",
            }
            for e in expenses
        ],
        "charts": {"spending": base["charts"]["spending"]},
    }


SECTOR_SV = {
    "civil-society": "civilsamhälle",
    "municipality": "kommun",
    "region": "region",
    "state": "statlig myndighet",
    "academia": "akademi",
    "business": "näringsliv",
    "other": "övrigt",
}


def _place(org: Any, lang: str) -> str:
    if not org.municipality:
        return "okänd" if lang == "sv" else "unknown"
    if org.municipality_code:
        return str(org.municipality)
    return f"{org.municipality} ({'utanför länet' if lang == 'sv' else 'outside the county'})"


def members_context(
    orgs: list[Any], settings: dict[str, str | None], year: int | None, today: Any, lang: str
) -> dict[str, Any]:
    """`psi report members`: the register by sector and municipality, with counts."""
    by_sector: dict[str, int] = defaultdict(int)
    by_place: dict[str, int] = defaultdict(int)
    for org in orgs:
        by_sector[SECTOR_SV.get(org.sector, org.sector) if lang == "sv" else org.sector] += 1
        by_place[_place(org, lang)] += 1
    return {
        "year": year,
        "today": today,
        "settings": {key.replace("-", "_"): value for key, value in settings.items()},
        "total": len(orgs),
        "by_sector": sorted(by_sector.items(), key=lambda item: (-item[1], item[0])),
        "by_place": sorted(by_place.items(), key=lambda item: (-item[1], item[0])),
        "members": [
            {
                "name": o.name,
                "sector": SECTOR_SV.get(o.sector, o.sector) if lang == "sv" else o.sector,
                "place": _place(o, lang) if o.municipality else "",
                "joined": o.joined.isoformat() if o.joined else "",
            }
            for o in orgs
        ],
    }


def activities_context(report: YearReport, goals: dict[str, str], lang: str) -> dict[str, Any]:
    """`psi report activities`: the year's activity list, grouped by goal."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in report.activities:
        key = a.goal or ""
        groups[key].append(
            {
                "title": a.title,
                "owner": a.owner or "",
                "planned": a.planned_on.isoformat() if a.planned_on else "",
                "status": STATUS_SV.get(a.status, a.status) if lang == "sv" else a.status,
                "outcome": a.outcome or a.cancel_reason or "",
                "requested_by": ", ".join(a.requested_by),
            }
        )
    base = followup_context(report, lang)
    return {
        "year": report.year,
        "today": report.today,
        "settings": base["settings"],
        "counts": base["activities"],
        "groups": [
            {"code": code, "goal": goals.get(code, ""), "activities": items}
            for code, items in sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
        ],
    }


def rotation_context(
    history: list[CoordinatorView],
    proposal: ProposalView,
    settings: dict[str, str | None],
    today: Any,
    lang: str,
) -> dict[str, Any]:
    """`psi report rotation`: every year's coordinators and the proposal for the next year."""
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for c in history:
        years[c.year].append(_coordinator(c, lang) | {"ref": c.decision_ref or ""})
    return {
        "today": today,
        "settings": {key.replace("-", "_"): value for key, value in settings.items()},
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
