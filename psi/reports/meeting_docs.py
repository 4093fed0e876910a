"""The kallelse (agenda), protokoll (minutes) and minnesanteckningar (notes) of a meeting:
contexts for their templates.

A decision-making body (the AU, a stormöte) keeps a protokoll, with numbered paragraphs and
justering; a dialogue or information meeting (an MSI dialogue, another meeting) keeps
minnesanteckningar. The kind decides, unless the user asks for the other record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from psi.domain.choices import parse_choice
from psi.domain.meeting import DECIDING, DEFAULT_TITLES, EXPECTED, Kind, correction_parts
from psi.domain.minutes import Agenda, first_item_number, split_notes
from psi.domain.text import check_line, plain_digits, swedish_sort_key
from psi.errors import InvalidInput, RuleViolation
from psi.reports.render import (
    PARTNERSHIP,
    Markdown,
    escape_markdown,
    format_date,
    format_time_span,
)
from psi.services.meetings import ActionView, CorrectionView, MeetingDetail, MeetingView
from psi.words import MEETING_BODY, N_, NC_, _, term, words

# The word for each document in its file name.
DOCUMENTS = {
    "agenda": NC_("file name", "agenda"),
    "minutes": NC_("file name", "minutes"),
    "notes": NC_("file name", "notes"),
}

# What a record of a meeting can be: a protokoll or minnesanteckningar (`--as`).
MINUTES, NOTES = "minutes", "notes"
RECORDS = (MINUTES, NOTES)
RECORD_ALIASES = {"protokoll": MINUTES, "protocol": MINUTES, "minnesanteckningar": NOTES}

# The meeting as a heading names it: "Protokoll fört vid arbetsutskottets möte ...".
OCCASIONS = {
    Kind.AU: NC_("meeting occasion", "the working committee's meeting"),
    Kind.STORMOTE: NC_("meeting occasion", "the general meeting"),
    Kind.MSI: NC_("meeting occasion", "the dialogue meeting with Mötesplats social innovation"),
    Kind.OTHER: NC_("meeting occasion", "the meeting"),
}
HEADINGS = {
    "agenda": N_("Notice of {occasion} on {day}"),
    MINUTES: N_("Minutes of {occasion} on {day}"),
    NOTES: N_("Notes from {occasion} on {day}"),
}
BODY_OF = N_("{body} of {partnership}")

DEFAULT_RSVP_DAYS = 7


@dataclass(frozen=True)
class Signers:
    """Who the minutes name: the meeting's chair, its secretary and its justerare."""

    chair: str | None = None
    secretary: str | None = None
    adjusters: tuple[str, ...] = ()

    @classmethod
    def checked(
        cls, chair: str | None, secretary: str | None, adjusters: Sequence[str] = ()
    ) -> Signers:
        """The names as typed, each checked as one line (InvalidInput if not)."""
        return cls(
            chair=None if chair is None else _name(chair, "--chair", NC_("what", "chair's name")),
            secretary=(
                None
                if secretary is None
                else _name(secretary, "--secretary", NC_("what", "secretary's name"))
            ),
            adjusters=tuple(
                _name(name, "--adjuster", NC_("what", "justerare's name")) for name in adjusters
            ),
        )


def _name(text: str, option: str, what: str) -> str:
    if not text.strip():
        raise InvalidInput(
            _('{option} is empty; give a name, like {option} "Anna Andersson".').format(
                option=option
            )
        )
    return check_line(text, what=what, limit=100)


def parse_record(text: str) -> str:
    """`minutes` or `notes` from what was typed (`protokoll`, `minnesanteckningar` too)."""
    return parse_choice(text, RECORDS, what=NC_("what", "a kind of record"), aliases=RECORD_ALIASES)


def record_kind(kind: Kind, asked: str | None = None) -> str:
    """`minutes` (a protokoll) for the AU and a stormöte, else `notes`; or what was asked."""
    if asked is not None:
        return asked
    return MINUTES if kind in DECIDING else NOTES


def check_signers(record: str, signers: Signers | None) -> None:
    """Notes are not checked by a justerare: InvalidInput if one is named for them."""
    if record == NOTES and signers is not None and signers.adjusters:
        raise InvalidInput(
            _(
                "Minnesanteckningar have no justerare; leave out --adjuster, "
                "or write a protokoll with --as minutes."
            )
        )


def check_can_invite(detail: MeetingDetail) -> None:
    """A cancelled meeting gets no kallelse: RuleViolation, saying what to do instead."""
    meeting = detail.meeting
    if meeting.status == "cancelled":
        raise RuleViolation(
            _(
                "Meeting {number} ({title}, {date}) is cancelled, so it gets no kallelse; tell "
                "those invited with the calendar (psi meeting ics {year}), or add the new date "
                "with psi meeting add and write its kallelse."
            ).format(
                number=meeting.id, title=meeting.title, date=meeting.day, year=meeting.day.year
            )
        )


def check_can_record(detail: MeetingDetail) -> None:
    """A cancelled meeting has no protokoll or notes: RuleViolation, saying where its
    cancellation is kept instead."""
    meeting = detail.meeting
    if meeting.status == "cancelled":
        raise RuleViolation(
            _(
                "Meeting {number} ({title}, {date}) was cancelled, so it has no minutes; its "
                "cancellation and reason are in psi meeting show {number} and the calendar "
                "(psi meeting ics {year})."
            ).format(
                number=meeting.id, title=meeting.title, date=meeting.day, year=meeting.day.year
            )
        )


def rsvp_day(day: date, days_before: int) -> date:
    """The last day to answer: `days_before` days before the meeting, moved back to the
    working day before it when that is a weekend or holiday."""
    from psi.domain.calendar import why_not_free

    answer = day - timedelta(days=days_before)
    while answer < day and why_not_free(answer):
        answer -= timedelta(days=1)
    return answer


def _rsvp(view: MeetingView, settings: Mapping[str, str | None]) -> dict[str, Any]:
    text = settings.get("rsvp-days")
    days = int(text) if text and plain_digits(text) else DEFAULT_RSVP_DAYS
    return {
        "regrets": view.kind in EXPECTED,
        "by": rsvp_day(view.day, days),
        # The sentence ends with a full stop of its own.
        "to": (settings.get("rsvp-to") or "").rstrip(". ") or None,
    }


def _meeting(view: MeetingView) -> dict[str, Any]:
    return {
        "title": view.title,
        "kind": view.kind.value,
        "date": view.day,
        "week": view.week,
        "time": format_time_span(view.start, view.end),
        "place": view.place,
        "link": view.link,
        "co_organiser": view.co_organiser,
        "cancelled": view.status == "cancelled",
        "cancel_reason": view.cancel_reason,
    }


def _action(action: ActionView) -> dict[str, Any]:
    return {"text": action.text, "owner": action.owner, "due": action.due.isoformat()}


def present(attended: Sequence[tuple[str, str | None]]) -> list[str]:
    """Who was there: persons with their organisation ("Anna Andersson, Örebro
    Föreningsråd"), by name, then the organisations no person is recorded for."""
    persons = sorted(
        ((person, org) for org, person in attended if person),
        key=lambda pair: (swedish_sort_key(pair[0]), swedish_sort_key(pair[1])),
    )
    named = {org for org, person in attended if person}
    others = [org for org, person in attended if not person and org not in named]
    return [f"{person}, {org}" for person, org in persons] + list(dict.fromkeys(others))


# A line that is an item of a simple list: "- x", "* x", "+ x", "• x", or "1. x", "1) x".
_BULLET = re.compile(r"^[-*+•]\s+(?=\S)")
_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


def notes_markdown(text: str | None) -> Markdown:
    """The notes as psi's own Markdown: paragraphs stay paragraphs, lines stay lines (a hard
    line break), and simple lists ("- x", "* x", "1. x") become lists; everything else is
    text, escaped, so nothing in the notes becomes markup."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", "\n".join((text or "").splitlines())):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        run: list[str] = []  # the lines of the current text or list
        shape = ""  # what the run is: "text", "-" (a bullet list) or "1" (a numbered list)
        for line in lines:
            bullet, number = _BULLET.match(line), _NUMBER.match(line)
            if bullet:
                kind, item = "-", f"- {escape_markdown(line[bullet.end() :])}"
            elif number:
                kind, item = "1", f"{number.group(1)}. {escape_markdown(line[number.end() :])}"
            else:
                kind, item = "text", escape_markdown(line)
            if run and kind != shape:
                blocks.append(_join(run, shape))
                run = []
            run.append(item)
            shape = kind
        if run:
            blocks.append(_join(run, shape))
    return Markdown("\n\n".join(blocks))


def _join(lines: list[str], shape: str) -> str:
    # Lines of text end in a backslash, Markdown's hard line break, except the last.
    return ("\\\n" if shape == "text" else "\n").join(lines)


def document_context(
    detail: MeetingDetail,
    lang: str,
    *,
    document: str = "agenda",
    settings: Mapping[str, str | None] | None = None,
    signers: Signers | None = None,
) -> dict[str, Any]:
    """The plain context the agenda, minutes and notes templates read.

    `document` is `agenda`, `minutes` (a protokoll) or `notes` (minnesanteckningar);
    `settings` the partnership's settings (its name, who takes the answers to a kallelse).
    """
    settings = settings or {}
    signers = signers or Signers()
    catalogue = words(lang)
    view = detail.meeting
    partnership = settings.get("name") or PARTNERSHIP
    body = term(lang, MEETING_BODY, view.kind)
    occasion = catalogue.pgettext("meeting occasion", OCCASIONS[view.kind])
    heading = catalogue.gettext(HEADINGS[document]).format(
        occasion=occasion, day=format_date(view.day, lang)
    )
    return {
        "heading": heading,
        "partnership": partnership,
        "body": body,
        # Who holds the meeting: "Arbetsutskottet för Partnerskapet för sociala innovationer".
        "organiser": (
            catalogue.gettext(BODY_OF).format(body=body, partnership=partnership)
            if view.kind in DECIDING
            else partnership
        ),
        # The meeting's own title, where it says more than its kind's.
        "subtitle": None if view.title == DEFAULT_TITLES[view.kind] else view.title,
        "protocol": view.kind in DECIDING if document == "agenda" else document == MINUTES,
        "meeting": _meeting(view),
        "dated_on": view.day,
        "held": view.status == "held",
        "rsvp": _rsvp(view, settings),
        "items": view.agenda,
        # Each item with its own notes and decisions; what names no item is "other".
        **_by_item(detail, protocol=document != NOTES),
        "open_items": [_action(action) for action in detail.open_before],
        "present": present(detail.attended),
        "decisions": [decision.text for decision in detail.decisions],
        "actions": [_action(action) for action in detail.actions],
        "notes": notes_markdown(detail.minutes),
        "recorded": bool(detail.minutes or detail.decisions or detail.actions),
        "chair": signers.chair,
        "secretary": signers.secretary,
        "adjusters": list(signers.adjusters),
        "next_meeting": _meeting(detail.next_meeting) if detail.next_meeting else None,
        "adjusted_on": detail.adjusted_on,
        "corrections": [_correction(correction) for correction in detail.corrections],
    }


def _correction(correction: CorrectionView) -> dict[str, Any]:
    """A correction for the document: its day, what changed (as stored, and split so the
    template names the subject in its language: "decision", 2, "'A' → 'B'") and why."""
    parts = correction_parts(correction.change)
    return {
        "date": correction.day,
        "change": correction.change,
        "subject": parts.subject,
        "number": parts.number,
        "detail": parts.detail,
        "reason": correction.reason,
    }


def _by_item(detail: MeetingDetail, *, protocol: bool) -> dict[str, Any]:
    """`sections`: each agenda item, numbered as the document numbers it, with its notes and
    decisions; `other`: the notes and decisions that name no item (Övriga frågor)."""
    view = detail.meeting
    # The notes name items by the numbers of the meeting's kallelse, the document by its own.
    passages = split_notes(detail.minutes, Agenda.of(view.kind, view.agenda))
    first = first_item_number(protocol)
    sections = [
        {
            "number": first + place - 1,
            "title": title,
            "notes": notes_markdown(passages.by_item.get(place)),
            "decisions": [d.text for d in detail.decisions if d.place == place],
        }
        for place, title in enumerate(view.agenda, start=1)
    ]
    other = {
        "notes": notes_markdown(passages.other),
        "decisions": [d.text for d in detail.decisions if d.place is None],
    }
    return {
        "sections": sections,
        "other": other,
        "tied": any(section["notes"] or section["decisions"] for section in sections),
    }


def default_filename(document: str, detail: MeetingDetail, lang: str, suffix: str) -> str:
    """`kallelse-2026-03-10-au.pdf`, `protokoll-2026-03-10-au.pdf` and so on."""
    stem = words(lang).pgettext("file name", DOCUMENTS[document])
    return f"{stem}-{detail.meeting.day.isoformat()}-{detail.meeting.kind}.{suffix}"
