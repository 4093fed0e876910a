"""The committee's and the working committee's own decisions about the assignment.

The decision drafts state them as facts with dates: that the coordination rotates from a
year on (Kulturnämnden decided it during 2024, from 2025), and the working committee's
assessment of the way of working ("Bedömningen är att arbetssättet fungerar väl").
The origin (founded, and by whose decision) is two settings; an extension year (the same
pair once more) is recorded with the coordinators themselves (`psi rotate YEAR --extend`).
"""

from __future__ import annotations

from enum import StrEnum

from psi.domain.choices import parse_choice


class HistoryKind(StrEnum):
    """What a history entry records."""

    ROTATION = "rotation"
    """Kulturnämnden decided that the coordination rotates from the entry's year on."""
    ASSESSMENT = "assessment"
    """The working committee assessed the way of working (well, or not) for the year."""


def parse_history_kind(text: str) -> HistoryKind:
    """A history kind by its English name or a Swedish word (rotation, bedömning)."""
    return parse_choice(
        text, HistoryKind, what="a kind of entry", aliases={"bedömning": HistoryKind.ASSESSMENT}
    )
