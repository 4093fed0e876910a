"""Rules for the meeting record: kinds, status changes, decisions and the yearly counts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.calendar import why_not_free
from psi.domain.choices import parse_choice
from psi.domain.planning import STORMOTEN_MAX, STORMOTEN_MIN, in_break
from psi.domain.text import check_line, clean, swedish_sort_key
from psi.errors import Conflict, InvalidInput, RuleViolation
from psi.words import MEETING_KIND, MEETING_STATUS, N_, NC_, _, interface_term, ngettext, pgettext


class Kind(StrEnum):
    """What a meeting is."""

    AU = "au"
    STORMOTE = "stormote"
    MSI = "msi"
    OTHER = "other"


DECIDING = frozenset({Kind.AU, Kind.STORMOTE})
"""The bodies that decide, and so keep a protokoll; the other meetings keep minnesanteckningar."""
EXPECTED = frozenset({Kind.AU, Kind.MSI})
"""Where the members are expected (they send regrets), not invited (they register)."""


class MeetingStatus(StrEnum):
    """Where a meeting stands."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


DEFAULT_TITLES = {
    Kind.AU: "AU-möte",
    Kind.STORMOTE: "Stormöte",
    Kind.MSI: "Dialogmöte med Mötesplats social innovation",
    Kind.OTHER: "Möte",
}


_KIND_ALIASES = {  # besides the catalogue's words (AU-möte, Stormöte, MSI-dialog ...)
    "arbetsutskott": Kind.AU, "arbetsutskottet": Kind.AU,
    "dialogmöte": Kind.MSI,
    "övrigt": Kind.OTHER, "annat": Kind.OTHER,
}  # fmt: skip
_STATUS_ALIASES = {  # besides the catalogue's words (planerat, genomfört, inställt)
    "planerad": MeetingStatus.PLANNED,
    "hållen": MeetingStatus.HELD, "hållet": MeetingStatus.HELD,
    "genomförd": MeetingStatus.HELD,
    "inställd": MeetingStatus.CANCELLED,
}  # fmt: skip


def parse_kind(text: str) -> Kind:
    """A meeting kind from its name or its word in English or Swedish (`stormöte`)."""
    return parse_choice(
        text,
        Kind,
        what=NC_("what", "a meeting kind"),
        context=MEETING_KIND,
        aliases=_KIND_ALIASES,
    )


def parse_meeting_status(text: str) -> MeetingStatus:
    """A meeting status from its name or its Swedish word (`planerat`, `hållen`)."""
    return parse_choice(
        text,
        MeetingStatus,
        what=NC_("what", "a meeting status"),
        context=MEETING_STATUS,
        aliases=_STATUS_ALIASES,
    )


def decision_sentence(text: str) -> str:
    """A decision worded as the protocol says it: `Mötet beslutade att ...`."""
    value = clean(text)
    body = re.sub(r"^(mötet beslutade att\b|att\b)\s*", "", value, flags=re.IGNORECASE)
    body = re.sub(r"^att\b\s*", "", body, flags=re.IGNORECASE).rstrip(". ")
    if not any(char.isalnum() for char in body):
        raise InvalidInput(
            _('A decision is empty; write it like --decision "anta aktivitetslistan".')
        )
    return f"Mötet beslutade att {body}."


_CANNOT_CHANGE = {
    "moved": (
        N_("The meeting has been held, so it cannot be moved."),
        N_("The meeting is cancelled, so it cannot be moved; add a new one."),
    ),
    "edited": (
        N_("The meeting has been held, so it cannot be edited."),
        N_("The meeting is cancelled, so it cannot be edited; add a new one."),
    ),
    "cancelled": (
        N_("The meeting has been held, so it cannot be cancelled."),
        N_("The meeting is cancelled, so it cannot be cancelled; add a new one."),
    ),
    "recorded as held": (
        N_("The meeting has been held, so it cannot be recorded as held."),
        N_("The meeting is cancelled, so it cannot be recorded as held; add a new one."),
    ),
    "recorded as held again": (
        N_("The meeting has been held, so it cannot be recorded as held again."),
        N_("The meeting is cancelled, so it cannot be recorded as held again; add a new one."),
    ),
    "changed": (
        N_("The meeting has been held, so it cannot be changed."),
        N_("The meeting is cancelled, so it cannot be changed; add a new one."),
    ),
}
"""What cannot be done to a held or a cancelled meeting, as whole sentences for each."""


def check_can_change(status: MeetingStatus, what: str) -> None:
    """Only a planned meeting can be moved, edited, cancelled or recorded as held (`what`:
    "moved", "edited", "cancelled", "recorded as held" or "recorded as held again"; any
    other is said as "changed")."""
    held, cancelled = _CANNOT_CHANGE.get(what, _CANNOT_CHANGE["changed"])
    if status is MeetingStatus.HELD:
        raise RuleViolation(_(held))
    if status is MeetingStatus.CANCELLED:
        raise RuleViolation(_(cancelled))


def check_can_hold(day: date, today: date) -> None:
    """A meeting can be recorded as held on or after its day, not before."""
    if day > today:
        raise RuleViolation(
            _(
                "The meeting is on {day}, which has not come yet; move it first "
                "(psi meeting move ID DATE) if it was held earlier."
            ).format(day=day)
        )


@dataclass(frozen=True)
class MeetingFacts:
    """A meeting as the yearly counts see it."""

    kind: Kind
    status: MeetingStatus
    day: date
    co_organiser: str | None = None


@dataclass(frozen=True)
class YearCounts:
    """How the year's meetings stand against the assignment."""

    stormoten_held: int
    stormoten_planned: int
    au_held: int
    au_planned: int

    @property
    def stormoten(self) -> int:
        """Stormöten held or still planned (cancelled ones do not count)."""
        return self.stormoten_held + self.stormoten_planned

    @property
    def stormoten_within_assignment(self) -> bool:
        """Whether the year has the 2-4 stormöten the assignment asks for."""
        return STORMOTEN_MIN <= self.stormoten <= STORMOTEN_MAX


def year_counts(meetings: Iterable[MeetingFacts]) -> YearCounts:
    """Count stormöten and AU meetings, held and planned; cancelled ones are left out."""
    counts = {(kind, status): 0 for kind in Kind for status in MeetingStatus}
    for meeting in meetings:
        counts[(meeting.kind, meeting.status)] += 1
    return YearCounts(
        stormoten_held=counts[(Kind.STORMOTE, MeetingStatus.HELD)],
        stormoten_planned=counts[(Kind.STORMOTE, MeetingStatus.PLANNED)],
        au_held=counts[(Kind.AU, MeetingStatus.HELD)],
        au_planned=counts[(Kind.AU, MeetingStatus.PLANNED)] + counts[(Kind.AU, MeetingStatus.HELD)],
    )


# --- correcting the record of a held meeting --------------------------------------------------

EMPTY = "–"
"""How a correction shows a value that was not there (or is gone)."""
QUOTED_MAX = 600
"""The longest text a correction quotes in full; a longer one is cut with `…`."""
CORRECTION_MAX = 2000
"""The longest description of one correction (the column holds no more)."""

SUBJECTS = (
    "attendance",
    "decision",
    "notes",
    "title",
    "date",
    "time",
    "place",
    "link",
    "co-organiser",
)
"""What a correction can be about; its description begins with one of them (`decision 2: ...`)."""

_SUBJECT = re.compile(
    rf"^({'|'.join(re.escape(s) for s in SUBJECTS)})(?: (\d+))?: (.*)$", re.DOTALL
)


_NO_RECORD = {
    "attendance": (
        N_(
            "Meeting {number} is not recorded as held, so it has no attendance to correct; "
            "record it with psi meeting held {number} --attended ORG --decision TEXT."
        ),
        N_(
            "Meeting {number} is cancelled, so it has no attendance; if it took place after all, "
            "reinstate it with psi meeting reinstate {number} and record it as held."
        ),
    ),
    "decisions": (
        N_(
            "Meeting {number} is not recorded as held, so it has no decisions to correct; "
            "record it with psi meeting held {number} --attended ORG --decision TEXT."
        ),
        N_(
            "Meeting {number} is cancelled, so it has no decisions; if it took place after all, "
            "reinstate it with psi meeting reinstate {number} and record it as held."
        ),
    ),
    "notes": (
        N_(
            "Meeting {number} is not recorded as held, so it has no notes to correct; "
            "record it with psi meeting held {number} --attended ORG --decision TEXT."
        ),
        N_(
            "Meeting {number} is cancelled, so it has no notes; if it took place after all, "
            "reinstate it with psi meeting reinstate {number} and record it as held."
        ),
    ),
    "record": (
        N_(
            "Meeting {number} is not recorded as held, so it has no record to correct; "
            "record it with psi meeting held {number} --attended ORG --decision TEXT."
        ),
        N_(
            "Meeting {number} is cancelled, so it has no record; if it took place after all, "
            "reinstate it with psi meeting reinstate {number} and record it as held."
        ),
    ),
}
"""What a planned or a cancelled meeting has no record of, as whole sentences for each."""


def check_has_record(status: MeetingStatus, meeting_id: int, what: str) -> None:
    """Attendance, decisions and notes belong to a held meeting: RuleViolation for a planned
    one (record it as held first) or a cancelled one (reinstate it first). `what`:
    "attendance", "decisions" or "notes" (another, "record")."""
    planned, cancelled = _NO_RECORD.get(what, _NO_RECORD["record"])
    if status is MeetingStatus.PLANNED:
        raise RuleViolation(_(planned).format(number=meeting_id))
    if status is MeetingStatus.CANCELLED:
        raise RuleViolation(_(cancelled).format(number=meeting_id))


def check_held_day(meeting_id: int, day: date, today: date) -> None:
    """A held meeting's corrected day cannot lie after today."""
    if day > today:
        raise RuleViolation(
            _(
                "Meeting {number} has been held, so its day cannot be after today ({today}); "
                "give the day it took place."
            ).format(number=meeting_id, today=today)
        )


def correction_reason(meeting_id: int, adjusted_on: date | None, reason: str | None) -> str | None:
    """The reason to record with a change of a held meeting's record: None while the
    protokoll is not justerat (no correction is recorded then); once it is, the reason,
    required (RuleViolation without one)."""
    if adjusted_on is None:
        return None
    if reason is None or not reason.strip():
        raise RuleViolation(
            _(
                "The protokoll of meeting {number} was justerat on {day}, so a change "
                'needs a reason: add --reason "..." (the minutes show it as a correction).'
            ).format(number=meeting_id, day=adjusted_on)
        )
    return check_line(reason, what=NC_("what", "reason"), limit=500)


def check_adjusted_on(
    meeting_id: int, status: MeetingStatus, day: date, on: date, today: date
) -> None:
    """The justering of a held meeting's protokoll: on or after the meeting, not after today."""
    if status is not MeetingStatus.HELD:
        raise RuleViolation(
            _(
                "Meeting {number} is {status}, not held, so it has no protokoll to justera; "
                "record it first with psi meeting held {number}."
            ).format(number=meeting_id, status=interface_term(MEETING_STATUS, status.value))
        )
    if on < day:
        raise RuleViolation(
            _(
                "The protokoll cannot be justerat on {on}, before the meeting ({day}); "
                "give the day it was signed, like psi meeting adjusted {number} --on {day}."
            ).format(on=on, day=day, number=meeting_id)
        )
    if on > today:
        raise RuleViolation(
            _(
                "{on} has not come yet; record the justering on the day it is signed "
                "(psi meeting adjusted {number} --on DATE, today at the latest)."
            ).format(on=on, number=meeting_id)
        )


def check_can_unadjust(meeting_id: int, adjusted_on: date | None, corrections: int) -> None:
    """A justering recorded by mistake can be taken back while no correction depends on it."""
    if adjusted_on is None:
        raise RuleViolation(
            _("The protokoll of meeting {number} is not justerat; nothing to clear.").format(
                number=meeting_id
            )
        )
    if corrections:
        # The English keeps "correction(s)" in both forms (tests/cli/test_meeting_corrections).
        raise RuleViolation(
            ngettext(
                "The protokoll of meeting {number} has {n} correction(s) recorded since "
                "its justering on {day}, so the justering stays; give another date with "
                "psi meeting adjusted {number} --on DATE if it is wrong.",
                "The protokoll of meeting {number} has {n} correction(s) recorded since "
                "its justering on {day}, so the justering stays; give another date with "
                "psi meeting adjusted {number} --on DATE if it is wrong.",
                corrections,
            ).format(number=meeting_id, n=corrections, day=adjusted_on)
        )


def quote(text: str | None) -> str:
    """A text as a correction quotes it: 'Mötet beslutade att ...', `–` for none, cut when long."""
    if text is None or not text.strip():
        return EMPTY
    value = " ".join(text.split())
    if len(value) > QUOTED_MAX:
        value = value[: QUOTED_MAX - 1].rstrip() + "…"
    return f"'{value}'"


def field_change(
    subject: str, old: str | None, new: str | None, *, quoted: bool = True
) -> str | None:
    """`place: 'Kumla' → 'Örebro'` (`time: 13:00-15:00 → 14:00-16:00` unquoted), or None when
    the value is the same."""
    if (old or None) == (new or None):
        return None
    if quoted:
        return f"{subject}: {quote(old)} → {quote(new)}"
    return f"{subject}: {old or EMPTY} → {new or EMPTY}"


def decision_change(number: int, old: str | None, new: str | None) -> str | None:
    """`decision 2: 'Mötet beslutade att X.' → 'Mötet beslutade att Y.'`; an added decision
    comes from `–`, a removed one goes to `–`; None when the same."""
    return field_change(f"decision {number}", old, new)


def attendance_change(
    before: Mapping[str, str | None], after: Mapping[str, str | None]
) -> str | None:
    """Who came, before and after (organisation -> contact person or None), as one change:
    `attendance: + Stiftelsen Activa (Anna Andersson); − Örebro Föreningsråd`, or None."""
    parts = []
    for org in sorted(after.keys() - before.keys(), key=swedish_sort_key):
        person = after[org]
        parts.append(f"+ {org}" + (f" ({person})" if person else ""))
    for org in sorted(before.keys() - after.keys(), key=swedish_sort_key):
        parts.append(f"− {org}")
    for org in sorted(before.keys() & after.keys(), key=swedish_sort_key):
        if before[org] != after[org]:
            parts.append(f"{org}: {before[org] or EMPTY} → {after[org] or EMPTY}")
    return f"attendance: {'; '.join(parts)}" if parts else None


def notes_change(passages: Sequence[str], *, before: bool, after: bool) -> str | None:
    """The notes replaced: `notes: § 6, Övriga frågor` (the passages that changed),
    `notes: – → recorded` when there were none, `notes: removed`; None when the same."""
    if not before and not after:
        return None
    if not before:
        return "notes: added"
    if not after:
        return "notes: removed"
    return f"notes: {', '.join(passages)}" if passages else None


def correction_text(change: str) -> str:
    """One change as stored: on one line, at most CORRECTION_MAX characters."""
    value = " ".join(change.split())
    return value if len(value) <= CORRECTION_MAX else value[: CORRECTION_MAX - 1] + "…"


@dataclass(frozen=True)
class CorrectionParts:
    """A stored correction split for a document: its subject (one of SUBJECTS, or None for a
    text of another shape), the number of the decision, and the rest."""

    subject: str | None
    number: int | None
    detail: str


def correction_parts(change: str) -> CorrectionParts:
    """`decision 2: 'A' → 'B'` as ("decision", 2, "'A' → 'B'"), for a document to name the
    subject in its own language."""
    match = _SUBJECT.match(change)
    if match is None:
        return CorrectionParts(None, None, change)
    number = int(match.group(2)) if match.group(2) else None
    return CorrectionParts(match.group(1), number, match.group(3))


# --- dates that make no sense -----------------------------------------------------------------

A_KIND = {
    Kind.AU: NC_("a meeting kind", "an AU meeting"),
    Kind.STORMOTE: NC_("a meeting kind", "a stormöte"),
    Kind.MSI: NC_("a meeting kind", "an MSI dialogue"),
    Kind.OTHER: NC_("a meeting kind", "another meeting (kind other)"),
}
"""Each kind of meeting as a noun with its article (English; the catalogue's context
"a meeting kind" has it in the interface language)."""


def check_not_twice(kind: Kind, day: date, same_day: Sequence[tuple[int, str]]) -> None:
    """A second meeting of the same kind on one day is refused (Conflict), naming the meeting
    to change instead; `same_day` are the day's meetings of that kind, not cancelled."""
    if not same_day:
        return
    meeting_id, title = same_day[0]
    raise Conflict(
        _(
            "There is already {a_kind} on {day}: meeting {number} ({title}); change it "
            "with psi meeting edit {number} (or psi meeting move {number} DATE), or add "
            "--also if a second one that day is meant."
        ).format(
            a_kind=pgettext("a meeting kind", A_KIND[kind]),
            day=day,
            number=meeting_id,
            title=title,
        )
    )


def date_warnings(kind: Kind, before: date, after: date) -> list[str]:
    """What is odd about moving a meeting from `before` to `after`, each naming its rule: another
    year, a stormöte in the summer or Christmas break, a day that is not a working day."""
    warnings = []
    if after.year != before.year:
        warnings.append(
            _(
                "{day} is in {year}, not {old_year}: the meeting now counts for "
                "{year}, not {old_year}."
            ).format(day=after, year=after.year, old_year=before.year)
        )
    if kind is Kind.STORMOTE and in_break(after):
        summer = 5 <= after.month <= 9
        warnings.append(
            (
                _(
                    "{day} is in the summer break, when stormöten are not planned "
                    "(psi meeting plan keeps them out of it)."
                )
                if summer
                else _(
                    "{day} is in the Christmas break, when stormöten are not planned "
                    "(psi meeting plan keeps them out of it)."
                )
            ).format(day=after)
        )
    not_free = why_not_free(after)
    if not_free:
        warnings.append(
            _("{day} is not a working day ({reason}).").format(day=after, reason=not_free)
        )
    return warnings


def check_can_reinstate(status: MeetingStatus, meeting_id: int) -> None:
    """Only a cancelled meeting can be reinstated."""
    if status is MeetingStatus.PLANNED:
        raise RuleViolation(
            _("Meeting {number} is planned, not cancelled; nothing to reinstate.").format(
                number=meeting_id
            )
        )
    if status is MeetingStatus.HELD:
        raise RuleViolation(
            _(
                "Meeting {number} was held, not cancelled; correct its record with "
                "psi meeting attend, decision or notes instead."
            ).format(number=meeting_id)
        )
