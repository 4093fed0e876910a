"""The kallelse (agenda) and protokoll (minutes) of a meeting: contexts for their templates."""

from __future__ import annotations

from typing import Any

from psi.reports.render import PARTNERSHIP, format_weekday
from psi.services.meetings import ActionView, MeetingDetail, MeetingView
from psi.words import MEETING_BODY, NC_, term, words

# The word for each document in its file name.
DOCUMENTS = {"agenda": NC_("file name", "agenda"), "minutes": NC_("file name", "minutes")}


def _meeting(view: MeetingView, lang: str) -> dict[str, Any]:
    return {
        "title": view.title,
        "kind": view.kind,
        "date": view.day,
        "weekday": format_weekday(view.day, lang),
        "week": view.week,
        "time": view.time_text.replace("-", "–"),
        "place": view.place,
        "link": view.link,
        "co_organiser": view.co_organiser,
        "cancelled": view.status == "cancelled",
        "cancel_reason": view.cancel_reason,
    }


def _action(action: ActionView) -> dict[str, Any]:
    return {"text": action.text, "owner": action.owner, "due": action.due.isoformat()}


def document_context(detail: MeetingDetail, lang: str) -> dict[str, Any]:
    """The plain context both the agenda and the minutes templates read."""
    minutes = detail.minutes or ""
    return {
        "partnership": PARTNERSHIP,
        "body": term(lang, MEETING_BODY, detail.meeting.kind),
        "meeting": _meeting(detail.meeting, lang),
        "held": detail.meeting.status == "held",
        "items": detail.meeting.agenda,
        "open_items": [_action(action) for action in detail.open_before],
        "attended": [f"{org} ({person})" if person else org for org, person in detail.attended],
        "decisions": detail.decisions,
        "actions": [_action(action) for action in detail.actions],
        "minutes": [part.strip() for part in minutes.split("\n\n") if part.strip()],
        "next_meeting": _meeting(detail.next_meeting, lang) if detail.next_meeting else None,
    }


def default_filename(document: str, detail: MeetingDetail, lang: str, suffix: str) -> str:
    """`kallelse-2026-03-10-au.pdf`, `minutes-2026-03-10-au.pdf` and so on."""
    stem = words(lang).pgettext("file name", DOCUMENTS[document])
    return f"{stem}-{detail.meeting.day.isoformat()}-{detail.meeting.kind}.{suffix}"
