"""What a newsletter tells: the rules that pick the meetings, activities and new members.

A newsletter is written on a day and looks `weeks` weeks ahead and as many weeks back:

- **coming meetings**: the meetings the members are invited to and register for (a stormöte,
  another open meeting: the kinds outside `EXPECTED`), not cancelled, on a day from the
  newsletter's day up to, not including, the same weekday `weeks` weeks later. An AU meeting
  and an MSI dialogue have a fixed circle who are expected, not invited, so they are no news
  to invite to;
- **coming activities**: activities of the activity list planned for a day in that same
  window that are still to be done as of the newsletter's day (not cancelled or carried, and
  not done by then);
- **done activities**: activities done on a day after the same weekday `weeks` weeks before
  the newsletter's day, up to and including that day, with their outcomes;
- **new members**: organisations that joined in that same past window (the caller gives the
  members on the newsletter's day).

The newsletter is written as of its day: a meeting or activity after that day counts as coming
even when the register has since recorded it held or done, so a newsletter written for a past
day (`--date`) says what it would have said then. Only a cancellation, which the register does
not date, takes a meeting or activity out. Both windows include the newsletter's day and are
`weeks` × 7 days long: newsletters written `weeks` weeks apart tell each done activity and
new member once, and miss none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, Protocol, TypeVar

from psi.domain.activity import ActivityStatus
from psi.domain.meeting import EXPECTED, Kind, MeetingStatus
from psi.errors import InvalidInput
from psi.words import _

DEFAULT_WEEKS = 6
MIN_WEEKS = 1
MAX_WEEKS = 52

OPEN_KINDS = frozenset(Kind) - EXPECTED
"""The meetings a newsletter invites to: those the members register for (stormöten and other
open meetings), not those a fixed circle is expected at (the AU, the MSI dialogue)."""


def check_weeks(weeks: int) -> int:
    """A number of weeks a newsletter can look ahead and back (1-52), else InvalidInput."""
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise InvalidInput(
            _(
                "--weeks {weeks} is not a number of weeks from {low} to {high}; "
                "give one like --weeks {default}."
            ).format(weeks=weeks, low=MIN_WEEKS, high=MAX_WEEKS, default=DEFAULT_WEEKS)
        )
    return weeks


@dataclass(frozen=True)
class Window:
    """The days from `first` to `last`, both included."""

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def coming_window(day: date, weeks: int) -> Window:
    """The `weeks` weeks from the newsletter's day on: [day, day + weeks), its 7 × weeks days
    written as the first and the last day included."""
    return Window(day, day + timedelta(weeks=weeks, days=-1))


def recent_window(day: date, weeks: int) -> Window:
    """The `weeks` weeks up to and including the newsletter's day: (day - weeks, day], its
    7 × weeks days written as the first and the last day included. The next newsletter, written
    `weeks` weeks later, starts the day after this one's day."""
    return Window(day - timedelta(weeks=weeks, days=-1), day)


class ScheduledMeeting(Protocol):
    """What the rules read of a meeting (psi.services.meetings.MeetingView has it)."""

    @property
    def kind(self) -> Kind:
        """au, stormote, msi or other."""

    @property
    def day(self) -> date:
        """The meeting's day."""

    @property
    def status(self) -> MeetingStatus:
        """planned, held or cancelled."""


class ListedActivity(Protocol):
    """What the rules read of an activity (psi.services.activities.ActivityView has it)."""

    @property
    def status(self) -> ActivityStatus:
        """planned, ongoing, done, cancelled or carried."""

    @property
    def planned_on(self) -> date | None:
        """The day it is planned for, if one is set."""

    @property
    def done_on(self) -> date | None:
        """The day it was done, for a done activity."""


class JoinedMember(Protocol):
    """What the rules read of a member (psi.services.orgs.OrgView has it)."""

    @property
    def joined(self) -> date | None:
        """The first day of membership, when known."""


MeetingT = TypeVar("MeetingT", bound=ScheduledMeeting)
ActivityT = TypeVar("ActivityT", bound=ListedActivity)
MemberT = TypeVar("MemberT", bound=JoinedMember)


def is_coming_meeting(meeting: ScheduledMeeting, coming: Window) -> bool:
    """An open meeting, not cancelled, on a day in the coming window."""
    return (
        meeting.kind in OPEN_KINDS
        and meeting.status is not MeetingStatus.CANCELLED
        and meeting.day in coming
    )


def done_by(activity: ListedActivity, day: date) -> bool:
    """Whether the activity was done on or before the day."""
    return activity.status is ActivityStatus.DONE and (
        activity.done_on is None or activity.done_on <= day
    )


def is_coming_activity(activity: ListedActivity, coming: Window) -> bool:
    """Planned for a day in the coming window, and still to be done on its first day."""
    return (
        activity.planned_on in coming
        and activity.status not in (ActivityStatus.CANCELLED, ActivityStatus.CARRIED)
        and not done_by(activity, coming.first)
    )


def is_done_activity(activity: ListedActivity, recent: Window) -> bool:
    """Done on a day in the recent window."""
    return activity.status is ActivityStatus.DONE and activity.done_on in recent


def is_new_member(member: JoinedMember, recent: Window) -> bool:
    """Joined on a day in the recent window."""
    return member.joined in recent


@dataclass(frozen=True)
class Selection(Generic[MeetingT, ActivityT, MemberT]):
    """What a newsletter tells, each list in the order a reader wants it: what is coming
    soonest first, what has happened latest first."""

    coming: Window
    recent: Window
    meetings: list[MeetingT]
    activities: list[ActivityT]
    done: list[ActivityT]
    joined: list[MemberT]

    @property
    def is_empty(self) -> bool:
        """Nothing to tell: no meeting, no activity, no new member."""
        return not (self.meetings or self.activities or self.done or self.joined)


def choose(
    day: date,
    weeks: int,
    meetings: Iterable[MeetingT],
    activities: Iterable[ActivityT],
    members: Iterable[MemberT],
) -> Selection[MeetingT, ActivityT, MemberT]:
    """The meetings, activities and new members a newsletter written on `day` tells about.

    `members` are the organisations that are members on `day`. Items on the same day keep
    the order they were given in (a meeting list's order by start time, say).
    """
    coming = coming_window(day, check_weeks(weeks))
    recent = recent_window(day, weeks)
    listed = list(activities)
    done = [a for a in listed if is_done_activity(a, recent)]
    joined = [m for m in members if is_new_member(m, recent)]
    return Selection(
        coming=coming,
        recent=recent,
        meetings=sorted((m for m in meetings if is_coming_meeting(m, coming)), key=_meeting_day),
        activities=sorted((a for a in listed if is_coming_activity(a, coming)), key=_planned),
        done=sorted(done, key=_done, reverse=True),
        joined=sorted(joined, key=_joined, reverse=True),
    )


def _meeting_day(meeting: ScheduledMeeting) -> date:
    return meeting.day


def _planned(activity: ListedActivity) -> date:
    assert activity.planned_on is not None  # every coming activity has its day
    return activity.planned_on


def _done(activity: ListedActivity) -> date:
    assert activity.done_on is not None  # every done activity chosen has its day
    return activity.done_on


def _joined(member: JoinedMember) -> date:
    assert member.joined is not None  # every new member chosen has its day
    return member.joined
