"""The newsletter's context: the coming meetings and activities, what was done, new members.

Dates, times and lists of names are written out here in the document's language ("torsdag
22 maj 2025", "09:00–12:00", "A, B och C") the way psi's other documents write them
(psi.reports.render), so that the templates only place text and the words around it ("kl.").
Every value is plain text: the template escapes it for Markdown, so no name becomes markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from psi.domain.text import plain_digits
from psi.reports.contexts import settings_section
from psi.reports.meeting_docs import DEFAULT_RSVP_DAYS, rsvp_day
from psi.reports.render import format_date, format_names, format_time_span, format_weekday
from psi.services.activities import ActivityView
from psi.services.meetings import MeetingView
from psi.services.newsletter import Newsletter
from psi.services.orgs import OrgView
from psi.words import ACTIVITY_STATUS, MEETING_KIND, term


def long_day(day: date, lang: str) -> str:
    """`torsdag 22 maj 2025` in Swedish, `Thursday 22 May 2025` in English."""
    return f"{format_weekday(day, lang)} {format_date(day, lang)}"


def sentence(text: str | None) -> str:
    """Text without the full stop it may end with (the template adds its own)."""
    return (text or "").strip().rstrip(".").rstrip()


def _signup(
    meeting: MeetingView, day: date, settings: Mapping[str, str | None], lang: str
) -> dict[str, str] | None:
    """Who takes the registrations, and by when (left out once that day has passed); None
    when no one is set (`psi config set rsvp-to`)."""
    to = sentence(settings.get("rsvp-to"))
    if not to:
        return None
    text = settings.get("rsvp-days")
    days = int(text) if text and plain_digits(text) else DEFAULT_RSVP_DAYS
    by = rsvp_day(meeting.day, days)
    return {"to": to, "by": long_day(by, lang) if by >= day else ""}


def _meeting(
    meeting: MeetingView, day: date, settings: Mapping[str, str | None], lang: str
) -> dict[str, Any]:
    return {
        "title": meeting.title,
        "kind": term(lang, MEETING_KIND, meeting.kind),
        "when": long_day(meeting.day, lang),
        "time": format_time_span(meeting.start, meeting.end),
        "place": meeting.place or "",
        "link": meeting.link or "",
        "co_organiser": meeting.co_organiser or "",
        "signup": _signup(meeting, day, settings, lang),
    }


def _activity(activity: ActivityView, lang: str) -> dict[str, Any]:
    a = activity
    return {
        "title": a.title,
        "when": long_day(a.planned_on, lang) if a.planned_on else "",
        "done_on": format_date(a.done_on, lang),
        "ongoing": a.status == "ongoing",
        "status": term(lang, ACTIVITY_STATUS, a.status),
        "owner": a.owner or "",
        "requested_by": format_names(a.requested_by, lang),
        "outcome": sentence(a.outcome),
    }


def _member(org: OrgView, lang: str) -> dict[str, Any]:
    return {
        "name": org.name,
        "place": org.municipality or "",
        "joined": format_date(org.joined, lang),
        "website": org.website or "",
    }


def newsletter_context(letter: Newsletter, lang: str) -> dict[str, Any]:
    """`psi report newsletter`: the news of the weeks around its day, for the members."""
    chosen = letter.chosen
    settings = settings_section(letter.settings)
    return {
        "settings": settings,
        "dated": format_date(letter.day, lang),
        "dated_on": letter.day,
        "weeks": letter.weeks,
        "coming_until": format_date(chosen.coming.last, lang),
        "recent_since": format_date(chosen.recent.first, lang),
        "meetings": [_meeting(m, letter.day, letter.settings, lang) for m in chosen.meetings],
        "activities": [_activity(a, lang) for a in chosen.activities],
        "done": [_activity(a, lang) for a in chosen.done],
        "joined": [_member(o, lang) for o in chosen.joined],
        "contact": sentence(letter.settings.get("rsvp-to")),
    }
