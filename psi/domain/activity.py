"""Rules for the operations plan, the yearly activity list and the dialogue log."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.choices import parse_choice
from psi.errors import InvalidInput, RuleViolation


class ActivityStatus(StrEnum):
    """Where an activity on the list stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    CANCELLED = "cancelled"
    CARRIED = "carried"


UNFINISHED = (ActivityStatus.PLANNED, ActivityStatus.ONGOING)


class LogKind(StrEnum):
    """What a log entry records: which of the coordinators' duties it serves."""

    MEMBER_DIALOGUE = "member-dialogue"
    RECRUITMENT = "recruitment"
    MSI = "msi"
    WEBSITE = "website"
    SOCIAL_MEDIA = "social-media"
    OTHER = "other"


def parse_activity_status(text: str) -> ActivityStatus:
    """An activity status by name, in any case."""
    return parse_choice(text, ActivityStatus, what="an activity status")


def parse_log_kind(text: str) -> LogKind:
    """A log kind by name, in any case (`social media` works too)."""
    return parse_choice(text, LogKind, what="a log kind")


_CODE = re.compile(r"^[A-Za-zÅÄÖåäö]{1,4}[0-9]{1,3}[A-Za-z]?$")


def check_goal_code(text: str) -> str:
    """A goal code such as M1 or A12, in upper case."""
    value = text.strip()
    if not _CODE.match(value):
        raise InvalidInput(f"'{text}' is not a goal code; write it like M1, M2 or A10.")
    return value.upper()


def check_plan_years(first: int, last: int) -> None:
    """A plan runs from its first to its last year, at most ten years."""
    if last < first:
        raise InvalidInput(
            f"The plan ends ({last}) before it starts ({first}); check --from and --to."
        )
    if last - first > 9:
        raise InvalidInput("A plan covers at most ten years; split it into two plans.")


def covers(first: int, last: int, year: int) -> bool:
    """Whether a plan running first..last covers the year."""
    return first <= year <= last


_MOVES: dict[ActivityStatus, tuple[ActivityStatus, ...]] = {
    ActivityStatus.PLANNED: (),
    ActivityStatus.ONGOING: (ActivityStatus.PLANNED,),
    ActivityStatus.DONE: (ActivityStatus.PLANNED, ActivityStatus.ONGOING),
    ActivityStatus.CANCELLED: (ActivityStatus.PLANNED, ActivityStatus.ONGOING),
    ActivityStatus.CARRIED: (ActivityStatus.PLANNED, ActivityStatus.ONGOING),
}


def check_move(current: ActivityStatus, target: ActivityStatus) -> None:
    """Only planned activities start; only unfinished ones are done, cancelled or carried."""
    if current not in _MOVES[target]:
        raise RuleViolation(f"The activity is {current.value}, so it cannot become {target.value}.")


@dataclass(frozen=True)
class ActivityCount:
    """How a year's activity list stands."""

    planned: int = 0
    ongoing: int = 0
    done: int = 0
    cancelled: int = 0
    carried: int = 0

    @property
    def total(self) -> int:
        """All activities on the list."""
        return self.planned + self.ongoing + self.done + self.cancelled + self.carried

    @property
    def share_done(self) -> float:
        """Done out of those not cancelled (0 for an empty list)."""
        counted = self.total - self.cancelled
        return self.done / counted if counted else 0.0


def count_activities(statuses: Iterable[ActivityStatus]) -> ActivityCount:
    """Count a list of activity statuses."""
    tally = dict.fromkeys(ActivityStatus, 0)
    for status in statuses:
        tally[status] += 1
    return ActivityCount(**{status.value: count for status, count in tally.items()})


def days_since(day: date | None, today: date) -> int | None:
    """Days from a date to today, or None when there is no date."""
    return None if day is None else (today - day).days
