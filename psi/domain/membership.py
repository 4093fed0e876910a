"""Membership over time: whether an organisation is a member on a day and in a year.

The one rule for every part of psi that asks (the register's lists, the rotation, the
activity list, status and the reports). It reads an organisation's status and its two dates:

- Only a `member` or a `former` member can be a member on a day; a prospect or a partner
  never is, and a former member without a left date is not on any day (nothing says when).
- Both dates count as days of membership: it is a member from its joined date up to and
  including its left date, so `psi org leave X --on 2026-12-31` keeps X a member for the
  whole of 2026, and a joined and a left date on the same day make one day of membership.
  A missing joined date means a member since before the records; a missing left date, still
  a member.
- `psi org leave` records the status `former` at once, even for a leave date still to come;
  the dates decide, so such an organisation stays a member until its left date has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from psi.domain.organisation import Status


class Member(Protocol):
    """Anything that records a status and the two membership dates (a stored organisation,
    the rotation's facts, a `Membership`)."""

    @property
    def status(self) -> str:
        """member, prospect, partner or former."""

    @property
    def joined_on(self) -> date | None:
        """The first day of membership, when known."""

    @property
    def left_on(self) -> date | None:
        """The last day of membership, for a former member."""


@dataclass(frozen=True)
class Membership:
    """An organisation's membership as its status and dates record it."""

    status: str
    joined_on: date | None = None
    left_on: date | None = None


def member_on(membership: Member, day: date) -> bool:
    """Whether the organisation is a member on the day: from its joined date to its left
    date, both days included."""
    if membership.status not in (Status.MEMBER, Status.FORMER):
        return False
    if membership.status == Status.FORMER and membership.left_on is None:
        return False
    if membership.joined_on is not None and day < membership.joined_on:
        return False
    return membership.left_on is None or day <= membership.left_on


def member_in(membership: Member, year: int) -> bool:
    """Whether the organisation is a member on at least one day of the year.

    This is what "a member in a year" means everywhere: a member that joins on 30 December
    or leaves on 1 January was a member in that year, and could, for instance, have asked
    for one of that year's activities. A rule that needs more (the rotation needs a
    coordinator that is still a member on the year's last day) asks `member_on` for that day.
    """
    first = date(year, 1, 1)
    # Membership is one unbroken stretch of days, so the first day of the year that could
    # belong to it is the only one to ask about.
    day = max(first, membership.joined_on) if membership.joined_on else first
    return day.year == year and member_on(membership, day)


def status_on(membership: Member, day: date) -> str:
    """The status an organisation has on the day: a former member is still `member` up to
    and including its left date."""
    if membership.status == Status.FORMER and member_on(membership, day):
        return Status.MEMBER.value
    return membership.status


def register_day(year: int | None, today: date) -> date:
    """The day a member list shows: the end of the year asked for (today if it is still
    running or left out), since a list of a year not yet over can only show today."""
    return today if year is None else min(today, date(year, 12, 31))
