"""Budget rules: the even split, the allocation ceiling, and the burn rate over the year."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from psi.domain.choices import parse_choice
from psi.errors import InvalidInput


class Category(StrEnum):
    """What money was spent on."""

    PERSONNEL = "personnel"
    VENUE = "venue"
    CATERING = "catering"
    COMMUNICATION = "communication"
    TRAVEL = "travel"
    OTHER = "other"


_ALIASES = {  # typed without å, ä and ö too: `lon`, `ovrigt` (psi.domain.choices)
    "lön": Category.PERSONNEL, "arvode": Category.PERSONNEL,
    "lokal": Category.VENUE, "fika": Category.CATERING, "mat": Category.CATERING,
    "kommunikation": Category.COMMUNICATION, "resor": Category.TRAVEL, "resa": Category.TRAVEL,
    "övrigt": Category.OTHER,
}  # fmt: skip
DEFAULT_SOURCE = "Kulturnämnden"


def parse_category(text: str) -> Category:
    """A category by its English name or a Swedish word (lön, lokal, fika, resor ...)."""
    return parse_choice(text, Category, what="a category", aliases=_ALIASES)


def even_split(total: int, parts: int) -> list[int]:
    """Split öre into equal parts; the odd öre go to the first parts, so the sum is exact."""
    if parts <= 0:
        raise InvalidInput("There is nobody to split the grant between.")
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def over_allocation(grant: int, allocations: Mapping[Any, int]) -> int:
    """How many öre the allocations exceed the grant by (0 when within it)."""
    return max(0, sum(allocations.values()) - grant)


def elapsed_share(year: int, today: date) -> float:
    """How much of the year has passed: 0 before it starts, 1 after it ends."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return ((today - start).days + 1) / ((end - start).days + 1)


@dataclass(frozen=True)
class Burn:
    """An organisation's spending against its allocation, and where its pace leads."""

    organisation: str
    allocated: int
    spent: int
    projected: int

    @property
    def overspent(self) -> bool:
        """Spent more than allocated."""
        return self.spent > self.allocated

    @property
    def on_course_to_overrun(self) -> bool:
        """Not over yet, but at this pace the year ends above the allocation."""
        return not self.overspent and self.projected > self.allocated


def burn_rates(allocated: Mapping[str, int], spent: Mapping[str, int], share: float) -> list[Burn]:
    """Spending against allocation per organisation, projected linearly to the year's end."""
    names = sorted(set(allocated) | set(spent))
    result = []
    for name in names:
        used = spent.get(name, 0)
        projected = round(used / share) if share > 0 else used
        result.append(Burn(name, allocated.get(name, 0), used, projected))
    return result


def warnings(burns: Sequence[Burn], share: float) -> list[str]:
    """One line per organisation that overspent or is on course to."""
    lines = []
    for burn in burns:
        if burn.allocated == 0 and burn.spent > 0:
            lines.append(f"{burn.organisation} has expenses but no allocation")
        elif burn.overspent:
            lines.append(f"{burn.organisation} has spent more than its allocation")
        elif burn.on_course_to_overrun and share < 1:
            lines.append(
                f"{burn.organisation} is on course to overrun its allocation by the end of the year"
            )
    return lines
