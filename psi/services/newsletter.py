"""`psi report newsletter`: the meetings, activities and new members a newsletter tells about.

The rules that choose them are in psi.domain.newsletter; this module reads the register
through the services that already list meetings, activities, members and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from psi.domain.dates import check_year
from psi.domain.newsletter import (
    MAX_WEEKS,
    Selection,
    check_weeks,
    choose,
    coming_window,
    recent_window,
)
from psi.errors import NotFound
from psi.services.activities import ActivityView, list_activities
from psi.services.meetings import MeetingView, list_meetings
from psi.services.orgs import OrgView, members_on
from psi.services.settings import all_settings
from psi.words import _, ngettext


@dataclass(frozen=True)
class Newsletter:
    """A newsletter's facts: its day, how far it looks, what it tells, and the settings."""

    day: date
    weeks: int
    chosen: Selection[MeetingView, ActivityView, OrgView]
    settings: dict[str, str | None]


def newsletter(session: Session, day: date, weeks: int) -> Newsletter:
    """What a newsletter written on `day` tells, looking `weeks` weeks ahead and back;
    NotFound when it would tell nothing."""
    check_weeks(weeks)
    check_year(day.year)
    coming = coming_window(day, weeks)
    meetings = [
        meeting
        for year in range(coming.first.year, coming.last.year + 1)
        for meeting in list_meetings(session, year).meetings
    ]
    # Every year's list: an activity may be done in a later year than the list it is on.
    chosen = choose(day, weeks, meetings, list_activities(session), members_on(session, day))
    if chosen.is_empty:
        raise NotFound(_nothing_to_tell(day, weeks))
    return Newsletter(day=day, weeks=weeks, chosen=chosen, settings=all_settings(session))


def _nothing_to_tell(day: date, weeks: int) -> str:
    last = coming_window(day, weeks).last.isoformat()
    first = recent_window(day, weeks).first.isoformat()
    if weeks >= MAX_WEEKS:
        return _(
            "Nothing to tell in the next {weeks} weeks: no stormöte, open meeting or activity is "
            "planned up to {last}, and no activity was done and no member joined since {first}; "
            "add them first (psi meeting add, psi activity add)."
        ).format(weeks=weeks, last=last, first=first)
    return ngettext(
        "Nothing to tell in the next week: no stormöte, open meeting or activity "
        "is planned up to {last}, and no activity was done and no member joined since "
        "{first}; try --weeks {longer}.",
        "Nothing to tell in the next {n} weeks: no stormöte, open meeting or activity "
        "is planned up to {last}, and no activity was done and no member joined since "
        "{first}; try --weeks {longer}.",
        weeks,
    ).format(n=weeks, last=last, first=first, longer=min(weeks * 2, MAX_WEEKS))
