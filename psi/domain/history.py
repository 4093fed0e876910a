"""The committee's and the working committee's own decisions about the assignment.

The decision drafts state them as facts with dates: that the coordination rotates from a
year on (Kulturnämnden decided it during 2024, from 2025), and the working committee's
assessment of the way of working ("Bedömningen är att arbetssättet fungerar väl").
The origin (founded, and by whose decision) is two settings; an extension year (the same
pair once more) is recorded with the coordinators themselves (`psi rotate YEAR --extend`).

The rules here are pure: when a decision was made (a day, or only its year), that the
rotation was decided before the year it applies from and not in the future, the window in
which the AU assesses a year, and what the AU found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.choices import parse_choice
from psi.domain.dates import check_year, parse_date
from psi.domain.organisation import check_note
from psi.errors import InvalidInput, RuleViolation
from psi.words import HISTORY_KIND, NC_, _


class HistoryKind(StrEnum):
    """What a history entry records."""

    ROTATION = "rotation"
    """Kulturnämnden decided that the coordination rotates from the entry's year on."""
    ASSESSMENT = "assessment"
    """The working committee assessed the way of working (well, or not) for the year."""


def parse_history_kind(text: str) -> HistoryKind:
    """A history kind by its English name or a Swedish word (rotation, bedömning)."""
    return parse_choice(
        text,
        HistoryKind,
        what=NC_("what", "a kind of entry"),
        context=HISTORY_KIND,
    )


# --- when a decision was made ------------------------------------------------------------------


@dataclass(frozen=True)
class Decided:
    """When a decision was made: on a known day, or only in a known year (`day` None)."""

    year: int
    day: date | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.day.year != self.year:
            raise ValueError(f"a decision on {self.day} was not made in {self.year}")

    @property
    def text(self) -> str:
        """The day as YYYY-MM-DD, or the bare year: `2024-06-11` or `2024`."""
        return self.day.isoformat() if self.day is not None else str(self.year)

    @property
    def latest(self) -> date:
        """The latest day the decision can have been made: its day, else its year's last."""
        return self.day if self.day is not None else date(self.year, 12, 31)

    @property
    def earliest(self) -> date:
        """The earliest day the decision can have been made: its day, else its year's first."""
        return self.day if self.day is not None else date(self.year, 1, 1)


_YEAR = re.compile(r"[0-9]{4}")


def parse_decided(text: str) -> Decided:
    """A decision's date as typed: a day, YYYY-MM-DD, or a bare year, YYYY; else InvalidInput."""
    value = text.strip()
    if _YEAR.fullmatch(value):
        return Decided(check_year(int(value)))
    try:
        day = parse_date(value)
    except InvalidInput:
        raise InvalidInput(
            _("'{text}' is not a date or a year: write it like 2024 or 2024-06-11.").format(
                text=text
            )
        ) from None
    return Decided(check_year(day.year), day)


def check_rotation_decided(year: int, decided: Decided, today: date) -> None:
    """A rotation from `year` on was decided in `year` at the latest, and not after today;
    else RuleViolation."""
    if decided.year > year:
        raise RuleViolation(
            _(
                "A rotation from {year} on cannot have been decided in {decided_year}; "
                "give the date of the decision, made in {year} or before."
            ).format(year=year, decided_year=decided.year)
        )
    if decided.earliest > today:
        if decided.day is not None:
            raise RuleViolation(
                _(
                    "The decision date {day} is in the future; "
                    "record the decision once it has been made."
                ).format(day=decided.day)
            )
        raise RuleViolation(
            _("The year {year} has not begun; record the decision once it has been made.").format(
                year=decided.year
            )
        )


# --- the AU's assessment -----------------------------------------------------------------------


def assessment_window(year: int) -> date:
    """The first day on which the AU can assess a year's way of working: the first of the
    year before (the committee decides on a year during the year before it)."""
    return date(year - 1, 1, 1)


def check_assessment_day(year: int, day: date, today: date) -> None:
    """The AU assessed `year` on `day`: not in the future and not before the year before
    began; else RuleViolation."""
    if day > today:
        raise RuleViolation(
            _(
                "The assessment date {day} is in the future; "
                "record the assessment once the AU has made it."
            ).format(day=day)
        )
    first = assessment_window(year)
    if day < first:
        raise RuleViolation(
            _(
                "An assessment of {year} cannot have been made on {day}; "
                "it is made on {first} or later."
            ).format(year=year, day=day, first=first)
        )


@dataclass(frozen=True)
class Finding:
    """What the AU found: the way of working works well, or needs a change (the note says
    which)."""

    works_well: bool
    note: str | None = None


def assessment_finding(works_well: bool, needs_change: str | None) -> Finding:
    """The AU's finding from --works-well or --needs-change TEXT: exactly one of the two;
    else InvalidInput."""
    if works_well and needs_change is not None:
        raise InvalidInput(_("Give either --works-well or --needs-change TEXT, not both."))
    if works_well:
        return Finding(works_well=True)
    if needs_change is None:
        raise InvalidInput(
            _(
                "Say what the AU found: add --works-well, or --needs-change TEXT "
                "with what should change."
            )
        )
    note = check_note(needs_change)
    if not note:
        raise InvalidInput(
            _(
                "--needs-change is empty; say in quotes what should change, "
                'e.g. --needs-change "Fler stormöten".'
            )
        )
    return Finding(works_well=False, note=note)
