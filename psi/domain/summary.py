"""How a report keeps long lists readable: the first rows and a count, or a month table.

A normal year has a dozen or two meetings and a few dozen activities, and the follow-up
lists them all. A register that has grown (thousands of meetings, organisations or open
items) would make a report of hundreds of pages that nobody reads; past `LONG_LIST`
rows a report shows the first rows with how many more there are, and meetings by month.
The full lists stay one command away (`psi meeting list YEAR`, `psi action list --open`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

LONG_LIST = 40
"""The most rows a report lists before it summarises."""

LARGE_REGISTER_MEETINGS = 1000
"""Past this many meetings a report takes seconds, and shows its progress on a terminal."""

T = TypeVar("T")


@dataclass(frozen=True)
class Shortened(Generic[T]):
    """The rows a report shows, and how many it leaves out."""

    shown: list[T]
    more: int


def shorten(items: Sequence[T], limit: int = LONG_LIST) -> Shortened[T]:
    """The first `limit` items (in the order given) and the count of the rest."""
    if limit < 0:
        raise ValueError("limit must be zero or more")
    return Shortened(shown=list(items[:limit]), more=max(0, len(items) - limit))


@dataclass(frozen=True)
class MeetingAttendance:
    """What the month table needs of one meeting."""

    day: date
    kind: str
    status: str  # planned, held or cancelled
    attended: int  # organisations present (held meetings)


@dataclass
class MonthOfMeetings:
    """One month's meetings: how many of each kind (not cancelled), and attendance."""

    month: int
    by_kind: dict[str, int] = field(default_factory=dict)
    held: int = 0
    cancelled: int = 0
    attended: int = 0

    @property
    def average_attendance(self) -> float:
        """Organisations present per held meeting (0 without held meetings)."""
        return self.attended / self.held if self.held else 0.0


def meetings_by_month(meetings: Sequence[MeetingAttendance]) -> list[MonthOfMeetings]:
    """The months that have meetings, in calendar order (one year's meetings expected)."""
    months: dict[int, MonthOfMeetings] = {}
    for meeting in meetings:
        month = months.setdefault(meeting.day.month, MonthOfMeetings(meeting.day.month))
        if meeting.status == "cancelled":
            month.cancelled += 1
            continue
        month.by_kind[meeting.kind] = month.by_kind.get(meeting.kind, 0) + 1
        if meeting.status == "held":
            month.held += 1
            month.attended += meeting.attended
    return [months[number] for number in sorted(months)]


def is_long(items: Sequence[object], limit: int = LONG_LIST) -> bool:
    """Whether a list is past what a report lists row by row."""
    return len(items) > limit
