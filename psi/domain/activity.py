"""Rules for the operations plan, the yearly activity list and the dialogue log."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.choices import parse_choice
from psi.errors import InvalidInput, RuleViolation
from psi.words import ACTIVITY_STATUS, LOG_KIND, N_, NC_, _, interface_term, pgettext


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


_STATUS_ALIASES = {  # besides the catalogue's words (planerad, pågår, genomförd ...)
    "planerat": ActivityStatus.PLANNED,
    "pågående": ActivityStatus.ONGOING, "påbörjad": ActivityStatus.ONGOING,
    "klar": ActivityStatus.DONE, "genomfört": ActivityStatus.DONE,
    "inställt": ActivityStatus.CANCELLED,
    "flyttad": ActivityStatus.CARRIED, "flyttat": ActivityStatus.CARRIED,
}  # fmt: skip
_LOG_ALIASES = {  # besides the catalogue's words (medlemsdialog, hemsida, sociala medier ...)
    "webbplats": LogKind.WEBSITE, "webb": LogKind.WEBSITE, "annat": LogKind.OTHER,
}  # fmt: skip


def parse_activity_status(text: str) -> ActivityStatus:
    """An activity status by name or by its word in English or Swedish, in any case."""
    return parse_choice(
        text,
        ActivityStatus,
        what=NC_("what", "an activity status"),
        context=ACTIVITY_STATUS,
        aliases=_STATUS_ALIASES,
    )


def parse_log_kind(text: str) -> LogKind:
    """A log kind by name or by its Swedish word (`medlemsdialog`, `sociala medier`)."""
    return parse_choice(
        text, LogKind, what=NC_("what", "a log kind"), context=LOG_KIND, aliases=_LOG_ALIASES
    )


_CODE = re.compile(r"^[A-Za-zÅÄÖåäö]{1,4}[0-9]{1,3}[A-Za-z]?$")


def check_goal_code(text: str) -> str:
    """A goal code such as M1 or A12, in upper case."""
    value = text.strip()
    if not _CODE.match(value):
        raise InvalidInput(
            _("'{text}' is not a goal code; write it like M1, M2 or A10.").format(text=text)
        )
    return value.upper()


def check_plan_years(first: int, last: int) -> None:
    """A plan runs from its first to its last year, at most ten years."""
    if last < first:
        raise InvalidInput(
            _("The plan ends ({last}) before it starts ({first}); check --from and --to.").format(
                last=last, first=first
            )
        )
    if last - first > 9:
        raise InvalidInput(_("A plan covers at most ten years; split it into two plans."))


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
        raise RuleViolation(
            _("The activity is {status}, so it cannot become {target}.").format(
                status=interface_term(ACTIVITY_STATUS, current.value),
                target=interface_term(ACTIVITY_STATUS, target.value),
            )
        )


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


# --- corrections ------------------------------------------------------------------------------


def check_done_day(on: date, today: date) -> None:
    """An activity is done on a day that has come: recording the past in the future is refused."""
    if on > today:
        raise InvalidInput(
            _(
                "{day} is after today ({today}), so the activity cannot have been done then; "
                "give the day it was done with --on, or mark it done once it has happened."
            ).format(day=on, today=today)
        )


def check_reopen(activity_id: int, current: ActivityStatus, year: int) -> None:
    """Only a done or cancelled activity is reopened; a carried one is undone with its carry."""
    if current in (ActivityStatus.DONE, ActivityStatus.CANCELLED):
        return
    if current is ActivityStatus.CARRIED:
        raise RuleViolation(
            _(
                "Activity {number} was carried to {next_year}; undo the carry with "
                "psi activity carry {year} --undo, or work on its copy in {next_year}."
            ).format(number=activity_id, year=year, next_year=year + 1)
        )
    raise RuleViolation(
        _("Activity {number} is {status} already; reopen only a done or cancelled one.").format(
            number=activity_id, status=interface_term(ACTIVITY_STATUS, current.value)
        )
    )


def check_removable(
    activity_id: int, status: ActivityStatus, year: int, *, copy_id: int | None, force: bool
) -> None:
    """An activity entered by mistake can be removed, unless it was carried on (undo that carry
    first) or it is done (its outcome is part of the year's follow-up: --force)."""
    if copy_id is not None:
        raise RuleViolation(
            _(
                "Activity {number} was carried to {next_year} as activity {copy}; undo the "
                "carry first with psi activity carry {year} --undo, or remove activity {copy}."
            ).format(number=activity_id, next_year=year + 1, copy=copy_id, year=year)
        )
    if status is ActivityStatus.DONE and not force:
        raise RuleViolation(
            _(
                "Activity {number} is done, so its outcome is part of the year's follow-up; "
                "reopen it with psi activity reopen {number}, or add --force to remove it anyway."
            ).format(number=activity_id)
        )


def carry_is_early(year: int, today: date) -> bool:
    """Whether carrying the year's unfinished activities comes before its last month."""
    return today < date(year, 12, 1)


@dataclass(frozen=True)
class ActivityFacts:
    """What a carry copies of an activity and what a copy holds, to compare them."""

    title: str
    goal_id: int | None
    owner_id: int | None
    planned_on: date | None
    status: ActivityStatus
    done_on: date | None
    outcome: str | None
    cancel_reason: str | None
    requested_by: frozenset[int]


def carried_copy(original: ActivityFacts, *, keeps_goal: bool) -> ActivityFacts:
    """The copy a carry makes of an unfinished activity: planned, no date, its goal only when
    the goal's plan covers the new year, asked for by the same members."""
    return ActivityFacts(
        title=original.title,
        goal_id=original.goal_id if keeps_goal else None,
        owner_id=original.owner_id,
        planned_on=None,
        status=ActivityStatus.PLANNED,
        done_on=None,
        outcome=None,
        cancel_reason=None,
        requested_by=original.requested_by,
    )


_FACT_NAMES = {
    "title": NC_("activity field", "title"),
    "goal_id": NC_("activity field", "goal"),
    "owner_id": NC_("activity field", "owner"),
    "planned_on": NC_("activity field", "date"),
    "status": NC_("activity field", "status"),
    "done_on": NC_("activity field", "done date"),
    "outcome": NC_("activity field", "outcome"),
    "cancel_reason": NC_("activity field", "cancel reason"),
    "requested_by": NC_("activity field", "requested by"),
}
"""An activity's fields in words (English; psi.services.activities.fact_words translates them
with the catalogue's context "activity field")."""


def changed_facts(expected: ActivityFacts, actual: ActivityFacts) -> list[str]:
    """What differs between two states of an activity (in words), empty if nothing: what an
    edit changed, or what has happened to a carry's copy since the carry made it."""
    return [
        words
        for name, words in _FACT_NAMES.items()
        if getattr(expected, name) != getattr(actual, name)
    ]


def status_before_carry(recorded: str | None) -> ActivityStatus:
    """The status a carried original goes back to: the one recorded before the carry if it
    was planned or ongoing, else planned (what every activity starts as)."""
    if recorded in (ActivityStatus.PLANNED.value, ActivityStatus.ONGOING.value):
        return ActivityStatus(recorded)
    return ActivityStatus.PLANNED


NOTHING_TO_EDIT = N_(
    "Nothing to change; give one or more of --title, --goal, --plan, --owner, --when "
    'and --requested-by ("" clears the goal, owner, date or requesters).'
)


# --- the log ----------------------------------------------------------------------------------


def check_logged_day(on: date, today: date) -> None:
    """A log entry records what has happened, so its date has come: an entry dated after
    today (the past recorded in the future) is refused. Posts and meetings still to come are
    planned elsewhere (activities, meetings), so there is no --force."""
    if on > today:
        raise InvalidInput(
            _(
                "{day} is after today ({today}), so nothing can have been logged then; "
                "give the day it happened with --on, and plan what is to come with "
                "psi activity add."
            ).format(day=on, today=today)
        )


LOG_FIELD_WORDS = {
    "kind": NC_("log field", "kind"),
    "text": NC_("log field", "text"),
    "organisation_id": NC_("log field", "organisation"),
    "logged_on": NC_("log field", "date"),
    "link": NC_("log field", "link"),
}
"""A log entry's fields in words (English; `log_field_words` says them in the interface
language, with the catalogue's context "log field")."""

LOG_NOTHING_TO_EDIT = N_(
    "Nothing to change; give one or more of --kind, --text, --org, --on and --link "
    '("" clears the organisation or the link).'
)


@dataclass(frozen=True)
class LogFacts:
    """What a log entry records, to tell what an edit changed."""

    kind: LogKind
    text: str
    organisation_id: int | None
    logged_on: date
    link: str | None


def changed_log_fields(before: LogFacts, after: LogFacts) -> list[str]:
    """The fields (in words) that differ between two states of a log entry; empty if none."""
    return [
        words
        for name, words in LOG_FIELD_WORDS.items()
        if getattr(before, name) != getattr(after, name)
    ]


def log_field_words(changed: Iterable[str]) -> list[str]:
    """What `changed_log_fields` names, in the interface language."""
    known = set(LOG_FIELD_WORDS.values())
    return [pgettext("log field", word) if word in known else word for word in changed]
