"""The hand-over of the coordination: when `psi status` points to it, whether a meeting's
kallelse went out, what of the money is committed, and the newcomer's first steps.

Every year one coordinator leaves and a newcomer joins (psi.domain.rotation). In the last
months of the year the one that leaves hands over with `psi report handover YEAR`; these
are the rules that document and `psi status` share. Pure functions over small values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.budget import Burn
from psi.domain.followup import next_pair
from psi.domain.invitation import KallelseState

HANDOVER_MONTH = 10
"""From 1 October `psi status` points to the hand-over, when a coordinator is leaving."""

KALLELSE_DAYS = 28
"""A planned meeting this many days ahead or nearer should have had its kallelse sent."""


def handover_due(year: int, today: date, current: Sequence[str], coming: Sequence[str]) -> bool:
    """Whether `psi status YEAR` points to the hand-over on `today`: in the last months of
    `year` (from 1 October), when one of the year's coordinators is not among next year's,
    or next year has none recorded yet. An extension year (the same pair once more) and a
    year without coordinators have nothing to hand over."""
    if today.year != year or today < date(year, HANDOVER_MONTH, 1) or not current:
        return False
    pair = next_pair(year, current, coming)
    return not pair.decided or bool(pair.leaves)


def kallelse_due(day: date, today: date, state: KallelseState) -> bool:
    """Whether a meeting's kallelse (or its update, or its cancellation) should go out now:
    the meeting is from today on, at most KALLELSE_DAYS ahead, and something is unsent."""
    return state.to_do and today <= day and (day - today).days <= KALLELSE_DAYS


@dataclass(frozen=True)
class Commitments:
    """The money of a year that is promised but not yet spent."""

    allocated_unspent: int
    """Allocated to the coordinators and not yet spent by them (öre); an organisation that
    spent more than its allocation commits nothing more."""
    unallocated: int
    """The grant not allocated to any coordinator (öre; negative when allocated beyond it)."""


def commitments(grant: int, burns: Sequence[Burn]) -> Commitments:
    """What psi can say is committed: the allocations not yet spent (psi records no orders
    or contracts), and what of the grant no allocation covers."""
    return Commitments(
        allocated_unspent=sum(max(b.allocated - b.spent, 0) for b in burns),
        unallocated=grant - sum(b.allocated for b in burns),
    )


def last_contact(days: Iterable[date | None], today: date) -> date | None:
    """The latest of the days up to today (a contact planned ahead is not one yet)."""
    return max((d for d in days if d is not None and d <= today), default=None)


@dataclass(frozen=True)
class Contacted:
    """How the contact with an organisation stands on a day, from its log entries."""

    count: int
    """The contacts logged up to the day."""
    last: date | None
    """The day of the last of them (last_contact), None when there is none."""
    days: int | None
    """Days from `last` to the day: never negative."""
    note: str | None
    """What the last of them says (of several on that day, the one logged last)."""


def contacted(entries: Iterable[tuple[date, str]], today: date) -> Contacted:
    """The contacts logged up to today, the last one's day, days since and note, all from the
    same entries: one logged for a day ahead is not a contact yet. `entries` are (day, text)
    in the order they were logged (by day, then as entered)."""
    past = [(day, text) for day, text in entries if day <= today]
    last = last_contact((day for day, _text in past), today)
    note = next((text for day, text in reversed(past) if day == last), None)
    return Contacted(len(past), last, None if last is None else (today - last).days, note)


class Step(StrEnum):
    """A first step for the newcomer, each derived from a fact of the register."""

    APPOINT = "appoint"
    """Next year's pair is not complete."""
    NO_GRANT = "no-grant"
    """No grant is recorded for next year."""
    AU_SEATS = "au-seats"
    """No AU seats are recorded for next year."""
    OVERDUE = "overdue"
    """Open action items are past their due date."""
    PAST_PLANNED = "past-planned"
    """Meetings dated before today are still planned."""
    KALLELSE = "kallelse"
    """A coming meeting's kallelse, update or cancellation is unsent."""
    SETTINGS = "settings"
    """Settings the documents need are not set."""
    SILENT_PROSPECTS = "silent-prospects"
    """Prospects have had no recruitment contact for SILENT_DAYS or more, or never."""


SILENT_DAYS = 60
"""A prospect with no recruitment contact for this many days is silent (as in psi status)."""


@dataclass(frozen=True)
class HandoverFacts:
    """The counts the first steps are derived from."""

    pair_complete: bool
    next_grant: int
    au_seats_next: int
    overdue: int
    past_planned: int
    kallelse_due: int
    unset_settings: int
    silent_prospects: int


def first_steps(facts: HandoverFacts) -> list[Step]:
    """The newcomer's first steps, in the order to take them; only those a fact calls for."""
    f = facts
    wanted = [
        (Step.APPOINT, not f.pair_complete),
        (Step.OVERDUE, f.overdue > 0),
        (Step.PAST_PLANNED, f.past_planned > 0),
        (Step.KALLELSE, f.kallelse_due > 0),
        (Step.AU_SEATS, f.au_seats_next == 0),
        (Step.NO_GRANT, f.next_grant <= 0),
        (Step.SETTINGS, f.unset_settings > 0),
        (Step.SILENT_PROSPECTS, f.silent_prospects > 0),
    ]
    return [step for step, needed in wanted if needed]


def is_silent(last: date | None, today: date) -> bool:
    """A prospect with no recruitment contact ever, or none for SILENT_DAYS days."""
    return last is None or (today - last).days >= SILENT_DAYS
