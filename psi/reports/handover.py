"""The context of `psi report handover YEAR`: plain dicts, lists and strings for the template.

Built from psi.services.handover's report the way psi.reports.contexts builds the others:
money the Swedish way (`200 000 kr`), enum values in the document's words (psi.words),
dates as ISO in tables and long in prose; the template only places them, and escapes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psi.domain.handover import Step
from psi.domain.invitation import local_day
from psi.domain.money import format_amount
from psi.domain.rotation import Role
from psi.reports.contexts import budget_section, coordinator, header
from psi.reports.render import format_date, format_names, format_number, format_time_span
from psi.services.handover import ComingMeeting, HandoverReport, MeetingDecision, SettingState
from psi.services.rotation import CoordinatorView
from psi.words import ACTIVITY_STATUS, INQUIRY_ANSWER, MEETING_KIND, MEETING_STATUS, term

STEPS_NAMED = 3
"""How many meetings a first step names one by one."""

KEEP_ROWS = 15
"""A table this long or shorter is kept on one page with the sentence that introduces it."""


def _pairs(
    current: Sequence[CoordinatorView], coming: Sequence[CoordinatorView], lang: str
) -> list[dict[str, Any]]:
    """One row per organisation coordinating in YEAR or YEAR+1: its role in each."""
    rows: dict[str, dict[str, Any]] = {}
    for key, terms in (("now", current), ("next", coming)):
        for c in terms:
            row = rows.setdefault(c.organisation, {"name": c.organisation, "now": "", "next": ""})
            row[key] = {**coordinator(c, lang), "newcomer": c.role is Role.NEWCOMER}
    return list(rows.values())


def _coordination(r: HandoverReport, lang: str) -> dict[str, Any]:
    pair, proposal = r.pair, r.proposal
    newcomer_needed = pair.decided and not any(c.role is Role.NEWCOMER for c in r.coming)
    return {
        "rows": _pairs(r.coordinators, r.coming, lang),
        "current": [c.organisation for c in r.coordinators],
        "stays": list(pair.stays),
        "leaves": list(pair.leaves),
        "joins": list(pair.joins),
        "decided": pair.decided,
        "complete": pair.complete,
        "newcomer_needed": newcomer_needed and not pair.complete,
        "rule_stays": proposal.stays or "",
        "rule_leaves": [name for name, _years in proposal.leaves],
        "candidates": [c.organisation for c in proposal.candidates[:5]],
        "inquiries": [
            {
                "organisation": i.organisation,
                "asked": i.asked_on.isoformat(),
                "answer": term(lang, INQUIRY_ANSWER, i.answer),
                "note": i.note or "",
            }
            for i in r.inquiries
        ],
        "contacts": [
            {
                "organisation": c.organisation,
                "name": c.name,
                "role": c.role or "",
                "email": c.email or "",
                "phone": c.phone or "",
            }
            for c in r.contacts
        ],
    }


def _kallelse(coming: ComingMeeting, lang: str) -> dict[str, Any]:
    last = coming.last
    return {
        "state": coming.kallelse.state.value,
        "sent": local_day(last.sent_at).isoformat() if last else "",
        "recipients": format_number(last.recipients, lang) if last else "",
        "count": last.recipients if last else 0,
        "refused": last.refused if last else 0,
        "due": coming.due,
    }


def _meeting_row(coming: ComingMeeting, lang: str) -> dict[str, Any]:
    m = coming.meeting
    return {
        "number": m.id,
        "date": m.day.isoformat(),
        "long_date": format_date(m.day, lang),
        "time": format_time_span(m.start, m.end),
        "kind": term(lang, MEETING_KIND, m.kind),
        "title": m.title,
        "status": term(lang, MEETING_STATUS, m.status),
        "place": m.place or m.link or "",
        "kallelse": _kallelse(coming, lang),
    }


def _decision_row(d: MeetingDecision, lang: str) -> dict[str, Any]:
    decision = d.decision
    return {
        "date": d.day.isoformat(),
        "meeting": d.title,
        "kind": term(lang, MEETING_KIND, d.kind),
        "number": d.meeting_id,
        "item": decision.item or "",
        "item_title": decision.item_title or "",
        "text": decision.text,
    }


def _settings_rows(states: Sequence[SettingState]) -> list[dict[str, Any]]:
    return [
        {"key": s.key, "value": s.value or "", "missing": s.needed and not s.value} for s in states
    ]


def _steps(r: HandoverReport, lang: str) -> list[dict[str, Any]]:
    """Each first step with the facts it names: the meetings, the counts, the settings."""
    due = [m for m in r.meetings if m.due]
    details: dict[Step, dict[str, Any]] = {
        Step.APPOINT: {"decided": r.pair.decided},
        Step.OVERDUE: {"n": len(r.overdue)},
        Step.PAST_PLANNED: {
            "meetings": [
                {"number": m.id, "date": format_date(m.day, lang), "title": m.title}
                for m in r.past_planned[:STEPS_NAMED]
            ],
            "more": max(0, len(r.past_planned) - STEPS_NAMED),
        },
        Step.KALLELSE: {
            "meetings": [
                {
                    "number": m.meeting.id,
                    "date": format_date(m.meeting.day, lang),
                    "title": m.meeting.title,
                    "state": m.kallelse.state.value,
                }
                for m in due[:STEPS_NAMED]
            ],
            "more": max(0, len(due) - STEPS_NAMED),
        },
        Step.AU_SEATS: {"copy_from": r.au_year if r.au else None},
        Step.NO_GRANT: {},
        Step.SETTINGS: {
            "names": [s.key for s in r.document_settings if s.needed and not s.value],
        },
        Step.SILENT_PROSPECTS: {"n": sum(1 for p in r.prospects if p.silent)},
    }
    return [{"key": step.value, **details[step]} for step in r.steps]


def handover_context(report: HandoverReport, lang: str) -> dict[str, Any]:
    """`psi report handover YEAR`: what the coordinator leaving after YEAR hands over."""
    r = report
    budget = r.budget
    lists: dict[str, Sequence[object]] = {
        "activities": r.activities,
        "meetings": r.meetings,
        "prospects": r.prospects,
        "decisions": r.decisions,
        "au": r.au,
        "actions": r.open_actions,
    }
    return {
        **header(r.year, r.today, r.settings),
        "keep": {key: len(rows) <= KEEP_ROWS for key, rows in lists.items()},
        "dated_on": r.today,
        "next_year": r.year + 1,
        "steps": _steps(r, lang),
        "coordination": _coordination(r, lang),
        "au": {
            "year": r.au_year,
            "is_next": r.au_next > 0,
            "seats": [
                {"organisation": s.organisation, "person": s.person or "", "email": s.email or ""}
                for s in r.au
            ],
        },
        "actions": [
            {
                "number": a.id,
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat(),
                "meeting": a.meeting_day.isoformat(),
                "overdue": a.overdue(r.today),
            }
            for a in r.open_actions
        ],
        "overdue": len(r.overdue),
        "activities": [
            {
                "number": a.id,
                "title": a.title,
                "year": a.year,
                "status": term(lang, ACTIVITY_STATUS, a.status),
                "owner": a.owner or "",
                "planned": a.planned_on.isoformat() if a.planned_on else "",
                "requested_by": format_names(a.requested_by, lang),
            }
            for a in r.activities
        ],
        "meetings": [_meeting_row(m, lang) for m in r.meetings],
        "past_planned": [
            {
                "number": m.id,
                "date": m.day.isoformat(),
                "kind": term(lang, MEETING_KIND, m.kind),
                "title": m.title,
            }
            for m in r.past_planned
        ],
        "budget": {
            **budget_section(budget, lang),
            "committed": format_amount(r.commitments.allocated_unspent),
            "unallocated": format_amount(max(r.commitments.unallocated, 0)),
            "over_allocated": format_amount(-r.commitments.unallocated)
            if r.commitments.unallocated < 0
            else "",
            "allocated_any": bool(budget.allocated),
            "next_grant": format_amount(r.next_grant) if r.next_grant else "",
        },
        "prospects": [
            {
                "name": p.prospect.name,
                "place": p.prospect.municipality or "",
                "contacts": p.contact.count,
                "last": p.contact.last.isoformat() if p.contact.last else "",
                "days": p.contact.days,
                "note": p.contact.note or "",
                "silent": p.silent,
            }
            for p in r.prospects
        ],
        "msi": {
            "last": format_date(r.msi.last_contact, lang),
            "days": (r.today - r.msi.last_contact).days if r.msi.last_contact else None,
            "meetings": [
                {
                    "number": m.id,
                    "date": m.day.isoformat(),
                    "title": m.title,
                    "status": term(lang, MEETING_STATUS, m.status),
                }
                for m in r.msi.meetings
            ],
            "log": [{"date": e.day.isoformat(), "text": e.text} for e in r.msi.log],
        },
        "decisions": [_decision_row(d, lang) for d in r.decisions],
        "document_settings": _settings_rows(r.document_settings),
    }
