"""The coordinators' six duties, the AU's criteria, and the one rule that says how each stands.

The follow-up report (a finished year: met, partly met, not met) and `psi status` (a
running year: met, on track, behind) both call `assess`, so they never disagree.

Every duty is judged against the year as it was adopted: AU meetings cancelled still
count as planned, and cancelled or carried activities stay on the list, so cancelling or
carrying can never raise a verdict. A year still running is judged against the part of it
that has passed. The thresholds are the AU's (`Criteria`): psi proposes them and the AU
can change each with `psi config`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from psi.domain.text import plain_digits
from psi.errors import InvalidInput
from psi.words import _

if TYPE_CHECKING:
    from psi.domain.membership import Member


class Verdict(StrEnum):
    """How a duty stands."""

    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"
    ON_TRACK = "on track"
    BEHIND = "behind"


DUTY_KEYS = ("au", "stormoten", "dialogue", "recruitment", "msi", "communication")
"""The six duties in the order of the decision document."""


@dataclass(frozen=True)
class Criteria:
    """What the AU asks of each duty; the defaults are psi's proposal."""

    au_share: int = 80
    """Per cent of the year's planned AU meetings that are held."""
    coordinator_attendance: int = 50
    """Per cent of the AU meetings held that each coordinator attends."""
    stormoten_min: int = 2
    stormoten_max: int = 4
    dialogue_entries: int = 4
    """Entries in the log about the dialogue with the members."""
    activities_share: int = 50
    """Per cent of the year's activity list done."""
    recruitment_contacts: int = 3
    """Recruitment contacts, when no new member joined."""
    msi_contacts: int = 2
    """Log entries about MSI plus meetings held with MSI."""
    posts_per_quarter: int = 1
    """Posts on the website or social media in each quarter."""


DEFAULT_CRITERIA = Criteria()

CRITERIA_SETTINGS: dict[str, tuple[str, ...]] = {
    "criterion-au-meetings": ("au_share",),
    "criterion-coordinator-attendance": ("coordinator_attendance",),
    "criterion-stormoten": ("stormoten_min", "stormoten_max"),
    "criterion-member-dialogue": ("dialogue_entries",),
    "criterion-activities": ("activities_share",),
    "criterion-recruitment": ("recruitment_contacts",),
    "criterion-msi": ("msi_contacts",),
    "criterion-posts-per-quarter": ("posts_per_quarter",),
}
"""Each `psi config` key of a criterion and the fields of Criteria it sets."""

PERCENT_SETTINGS = {
    "criterion-au-meetings",
    "criterion-coordinator-attendance",
    "criterion-activities",
}


def criterion_text(key: str, criteria: Criteria = DEFAULT_CRITERIA) -> str:
    """A criterion's value as `psi config` shows it: `80 %`, `2-4`, `3`."""
    values = [getattr(criteria, name) for name in CRITERIA_SETTINGS[key]]
    if key in PERCENT_SETTINGS:
        return f"{values[0]} %"
    return "-".join(str(v) for v in values)


def parse_criterion(key: str, text: str) -> tuple[int, ...]:
    """The numbers a criterion's setting holds; a range `2-4` for the stormöten."""
    names = CRITERIA_SETTINGS[key]
    cleaned = text.replace("%", "").replace("\u2013", "-").strip()
    parts = [p.strip() for p in cleaned.split("-")] if len(names) == 2 else [cleaned]
    if len(parts) != len(names) or not all(plain_digits(p) for p in parts):
        example = "2-4" if len(names) == 2 else ("80 %" if key in PERCENT_SETTINGS else "3")
        raise InvalidInput(
            _("'{text}' is not a value for {key}; write it like {example}.").format(
                text=text, key=key, example=example
            )
        )
    numbers = tuple(int(p) for p in parts)
    limit = 100 if key in PERCENT_SETTINGS else 1000
    if any(n > limit for n in numbers) or (len(numbers) == 2 and numbers[0] > numbers[1]):
        if len(numbers) == 2:
            refused = _(
                "'{text}' is out of range for {key}: use numbers from 0 to {limit}, the smaller first."
            )
        else:
            refused = _("'{text}' is out of range for {key}: use numbers from 0 to {limit}.")
        raise InvalidInput(refused.format(text=text, key=key, limit=limit))
    return numbers


def criteria_from(settings: Mapping[str, str | None]) -> Criteria:
    """The criteria the AU has set (`psi config`), psi's proposal for the rest."""
    values: dict[str, int] = {}
    for key, names in CRITERIA_SETTINGS.items():
        text = settings.get(key)
        if text:
            values.update(zip(names, parse_criterion(key, text), strict=True))
    return Criteria(**values)


def changed_criteria(criteria: Criteria) -> list[str]:
    """The settings of the criteria the AU changed from psi's proposal."""
    changed = {
        f.name
        for f in fields(Criteria)
        if getattr(criteria, f.name) != getattr(DEFAULT_CRITERIA, f.name)
    }
    return [key for key, names in CRITERIA_SETTINGS.items() if changed & set(names)]


@dataclass(frozen=True)
class CoordinatorAttendance:
    """How many of the AU meetings held (with attendance recorded) a coordinator attended."""

    organisation: str
    attended: int
    recorded: int


@dataclass(frozen=True)
class YearFacts:
    """The counts a year's duties are judged on, as of a day in or after the year."""

    au_planned: int
    """AU meetings on the year's plan: held, still planned and cancelled."""
    au_due: int
    """Of those, the ones dated on or before the day."""
    au_held: int
    stormoten_held: int
    stormoten_with_regional_utveckling: int
    stormoten_planned: int
    """Stormöten still planned (not held, not cancelled)."""
    member_dialogue_entries: int
    activities_listed: int
    """The whole activity list, cancelled and carried activities included."""
    activities_done: int
    recruitment_entries: int
    members_joined: int
    msi_entries: int
    msi_meetings_held: int
    website_posts: int
    social_media_posts: int
    quarters_with_posts: int
    """Quarters with at least the criterion's posts (of those passed)."""
    quarters_passed: int
    """Quarters of the year wholly passed: 4 for a finished year."""
    coordinators: tuple[CoordinatorAttendance, ...] = ()
    member_kallelser: int = 0
    """Stormöten whose kallelse psi e-mailed to the members in the year (psi meeting invite
    --send; `kallelser_to_members`): each counts as a contact with the members, beside the
    log's entries."""


@dataclass(frozen=True)
class Check:
    """One thing a duty's rule asks for: how many were done, how many the year asks for,
    and how many it asks for by the day judged (fewer while the year runs)."""

    count: int
    target: int
    due: int
    upper: int | None = None
    upper_count: int | None = None
    """What the upper limit is checked against, when it is not `count`."""

    @property
    def over(self) -> bool:
        """More than the rule's upper limit."""
        counted = self.count if self.upper_count is None else self.upper_count
        return self.upper is not None and counted > self.upper

    @property
    def met(self) -> bool:
        """As much as the year asks for, and not over its upper limit."""
        return self.count >= self.target and not self.over

    @property
    def on_pace(self) -> bool:
        """As much as the part of the year passed asks for."""
        return self.count >= self.due and not self.over

    @property
    def half(self) -> bool:
        """At least half of what the year asks for."""
        return self.count * 2 >= self.target


@dataclass(frozen=True)
class Duty:
    """One of the six duties: its checks, the coordinators below the attendance asked for
    (duty 1 only), and the verdict."""

    number: int
    key: str
    checks: tuple[Check, ...]
    verdict: Verdict
    absent: tuple[CoordinatorAttendance, ...] = ()


def verdict_of(checks: tuple[Check, ...], running: bool) -> Verdict:
    """Met when every check is met; else for a running year on track or behind, and for a
    finished one partly met (each check at least half way, or over an upper limit) or not met."""
    if all(c.met for c in checks):
        return Verdict.MET
    if any(c.over for c in checks):
        # Past an upper limit the year cannot be met any more; at best it is partly met.
        if all(c.half for c in checks):
            return Verdict.PARTLY
        return Verdict.BEHIND if running else Verdict.NOT_MET
    if running:
        return Verdict.ON_TRACK if all(c.on_pace for c in checks) else Verdict.BEHIND
    return Verdict.PARTLY if all(c.half for c in checks) else Verdict.NOT_MET


def _lowered(verdict: Verdict) -> Verdict:
    """One step down, for a duty met in numbers but not by both coordinators."""
    return {Verdict.MET: Verdict.PARTLY, Verdict.ON_TRACK: Verdict.BEHIND}.get(verdict, verdict)


def quarter_of(day: date) -> int:
    """The quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def quarters_passed(year: int, today: date) -> int:
    """How many quarters of `year` have wholly passed by `today` (4 once the year is over)."""
    ends = (date(year, 3, 31), date(year, 6, 30), date(year, 9, 30), date(year, 12, 31))
    return sum(1 for end in ends if today >= end)


def share_of(percent: int, count: int) -> int:
    """`percent` per cent of `count`, rounded up: 80 % of 11 meetings is 9."""
    return math.ceil(percent * count / 100 - 1e-9)


def _at_least_one(percent: int) -> int:
    """What a share asks of an empty plan or list: one, unless the share asked is 0 %."""
    return 1 if percent > 0 else 0


def due_by(target: int, share_of_year: float) -> int:
    """What is asked for by the part of the year passed, rounded to the nearest whole."""
    return math.floor(target * min(1.0, share_of_year) + 0.5)


def _check(
    count: int,
    target: int,
    share_of_year: float,
    upper: int | None = None,
    upper_count: int | None = None,
) -> Check:
    return Check(count, target, due_by(target, share_of_year), upper, upper_count)


def absent_coordinators(facts: YearFacts, criteria: Criteria) -> tuple[CoordinatorAttendance, ...]:
    """The coordinators that attended fewer of the AU meetings held than the criterion asks."""
    return tuple(
        c
        for c in facts.coordinators
        if c.recorded and c.attended * 100 < criteria.coordinator_attendance * c.recorded
    )


def assess(
    facts: YearFacts, share_of_year: float = 1.0, criteria: Criteria = DEFAULT_CRITERIA
) -> list[Duty]:
    """Judge the six duties; share_of_year < 1 for a year still running."""
    f, c, share = facts, criteria, share_of_year
    running = share < 1
    au = Check(
        f.au_held,
        share_of(c.au_share, f.au_planned) if f.au_planned else _at_least_one(c.au_share),
        # With nothing planned, the plan itself is due: planning later meetings is progress.
        share_of(c.au_share, f.au_due) if f.au_planned else _at_least_one(c.au_share),
    )
    stormoten = _check(
        f.stormoten_with_regional_utveckling,
        c.stormoten_min,
        share,
        upper=c.stormoten_max,
        upper_count=f.stormoten_held,
    )
    dialogue = _check(f.member_dialogue_entries + f.member_kallelser, c.dialogue_entries, share)
    activities = _check(
        f.activities_done,
        share_of(c.activities_share, f.activities_listed)
        if f.activities_listed
        else _at_least_one(c.activities_share),
        share,
    )
    recruitment = _check(
        max(f.recruitment_entries, c.recruitment_contacts)
        if f.members_joined
        else f.recruitment_entries,
        c.recruitment_contacts,
        share,
    )
    msi = _check(f.msi_entries + f.msi_meetings_held, c.msi_contacts, share)
    quarters = Check(
        f.quarters_with_posts,
        4 if c.posts_per_quarter else 0,
        f.quarters_passed if c.posts_per_quarter else 0,
    )
    absent = absent_coordinators(f, c)
    au_verdict = verdict_of((au,), running)
    return [
        Duty(1, "au", (au,), _lowered(au_verdict) if absent else au_verdict, absent),
        Duty(2, "stormoten", (stormoten,), verdict_of((stormoten,), running)),
        Duty(3, "dialogue", (dialogue, activities), verdict_of((dialogue, activities), running)),
        Duty(4, "recruitment", (recruitment,), verdict_of((recruitment,), running)),
        Duty(5, "msi", (msi,), verdict_of((msi,), running)),
        Duty(6, "communication", (quarters,), verdict_of((quarters,), running)),
    ]


@dataclass(frozen=True)
class KallelseReach:
    """One organisation a kallelse (or its update) reached through one of its contact
    persons: the meeting and its kind, the day it went out, the organisation's membership,
    and whether the organisation coordinated that year."""

    meeting: int
    kind: str
    """The meeting's kind (psi.domain.meeting.Kind)."""
    day: date
    organisation: Member
    coordinator: bool = False


def kallelser_to_members(sent: Iterable[KallelseReach]) -> int:
    """How many stormöten's kallelser reached the members: the stormöten whose kallelse (or
    its update) reached at least one organisation that was a member on the day it went out
    and is not one of the year's coordinators. A meeting counts once, however often its
    kallelse went out.

    Only a stormöte is the members' own meeting: the AU's kallelse reaches members too (its
    seats are members), and an MSI dialogue's or another meeting's may, but neither is a
    dialogue with the members. A stormöte's kallelse that reached only the coordinating
    organisations (`--to coordinators`) is the coordination writing to itself: not counted.
    The register keeps who a kallelse reached, not whom it was addressed to, so the kind of
    meeting and those reached decide."""
    from psi.domain.meeting import Kind
    from psi.domain.membership import member_on

    return len(
        {
            reach.meeting
            for reach in sent
            if reach.kind == Kind.STORMOTE
            and not reach.coordinator
            and member_on(reach.organisation, reach.day)
        }
    )
