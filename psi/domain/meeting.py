"""Rules for the meeting record: kinds, status changes, decisions and the yearly counts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.choices import parse_choice
from psi.domain.planning import STORMOTEN_MAX, STORMOTEN_MIN
from psi.domain.text import clean
from psi.errors import InvalidInput, RuleViolation


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


def parse_kind(text: str) -> Kind:
    """A meeting kind from its name, in any case (`stormöte` works too)."""
    return parse_choice(text, Kind, what="a meeting kind")


def parse_meeting_status(text: str) -> MeetingStatus:
    """A meeting status from its name, in any case."""
    return parse_choice(text, MeetingStatus, what="a meeting status")


def decision_sentence(text: str) -> str:
    """A decision worded as the protocol says it: `Mötet beslutade att ...`."""
    value = clean(text)
    body = re.sub(r"^(mötet beslutade att\b|att\b)\s*", "", value, flags=re.IGNORECASE)
    body = re.sub(r"^att\b\s*", "", body, flags=re.IGNORECASE).rstrip(". ")
    if not any(char.isalnum() for char in body):
        raise InvalidInput('A decision is empty; write it like --decision "anta aktivitetslistan".')
    return f"Mötet beslutade att {body}."


def check_can_change(status: MeetingStatus, what: str) -> None:
    """Only a planned meeting can be moved, edited, cancelled or recorded as held."""
    if status is MeetingStatus.HELD:
        raise RuleViolation(f"The meeting has been held, so it cannot be {what}.")
    if status is MeetingStatus.CANCELLED:
        raise RuleViolation(f"The meeting is cancelled, so it cannot be {what}; add a new one.")


def check_can_hold(day: date, today: date) -> None:
    """A meeting can be recorded as held on or after its day, not before."""
    if day > today:
        raise RuleViolation(
            f"The meeting is on {day}, which has not come yet; move it first "
            "(psi meeting move ID DATE) if it was held earlier."
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
