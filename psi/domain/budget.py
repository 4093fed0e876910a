"""Budget rules: the even split, the allocation ceiling, and the burn rate over the year."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from psi.domain.choices import parse_choice
from psi.errors import InvalidInput
from psi.words import BUDGET_CATEGORY, N_, NC_, _, pgettext


class Category(StrEnum):
    """What money was spent on."""

    PERSONNEL = "personnel"
    VENUE = "venue"
    CATERING = "catering"
    COMMUNICATION = "communication"
    TRAVEL = "travel"
    OTHER = "other"


class Funding(StrEnum):
    """What other money in a year pays for."""

    COORDINATION = "coordination"
    """Part of the coordinators' work, beside the committee's grant."""
    FREES_GRANT = "frees-grant"
    """Part of the region's own cost (a salary), which frees the committee's money for the
    grant: "Medlen kan avsättas på grund av att externa projektmedel finansierar del av
    lönekostnad." """


_ALIASES = {  # besides the catalogue's words (lokal, kommunikation, resor, övrigt ...)
    "lön": Category.PERSONNEL, "arvode": Category.PERSONNEL,
    "fika": Category.CATERING, "mat": Category.CATERING,
    "resa": Category.TRAVEL, "annat": Category.OTHER,
}  # fmt: skip
DEFAULT_SOURCE = "Kulturnämnden"


def parse_category(text: str) -> Category:
    """A category by its English name or a Swedish word (lön, lokal, fika, resor ...)."""
    return parse_choice(
        text, Category, what=NC_("what", "a category"), context=BUDGET_CATEGORY, aliases=_ALIASES
    )


def even_split(total: int, parts: int) -> list[int]:
    """Split öre into equal parts; the odd öre go to the first parts, so the sum is exact."""
    if parts <= 0:
        raise InvalidInput(_("There is nobody to split the grant between."))
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


class Alert(StrEnum):
    """Something about a year's money that a coordinator should see to."""

    OVER_GRANT = "over-grant"
    NO_ALLOCATION = "no-allocation"
    OVERSPENT = "overspent"
    ON_COURSE_TO_OVERRUN = "on-course-to-overrun"


@dataclass(frozen=True)
class BudgetAlert:
    """One alert: its kind, the organisation it is about, and by how many öre (over the grant)."""

    kind: Alert
    organisation: str | None = None
    amount: int = 0

    def json_data(self) -> dict[str, Any]:
        """`--json`: the kind, the organisation, and the amount over the grant (or null)."""
        from psi.domain.money import amount_json

        over = amount_json(self.amount) if self.kind is Alert.OVER_GRANT else None
        return {"kind": self.kind, "organisation": self.organisation, "amount": over}


def grant_alerts(grant: int, allocations: Mapping[Any, int], overridden: bool) -> list[BudgetAlert]:
    """An alert when the allocations exceed the grant, unless a reason was given for that."""
    over = over_allocation(grant, allocations)
    return [BudgetAlert(Alert.OVER_GRANT, amount=over)] if over and not overridden else []


def alerts(burns: Sequence[Burn], share: float) -> list[BudgetAlert]:
    """One alert per organisation that overspent or is on course to."""
    found = []
    for burn in burns:
        if burn.allocated == 0 and burn.spent > 0:
            found.append(BudgetAlert(Alert.NO_ALLOCATION, burn.organisation))
        elif burn.overspent:
            found.append(BudgetAlert(Alert.OVERSPENT, burn.organisation))
        elif burn.on_course_to_overrun and share < 1:
            found.append(BudgetAlert(Alert.ON_COURSE_TO_OVERRUN, burn.organisation))
    return found


# --- corrections ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpenseFacts:
    """What an expense records, to tell what an edit changed."""

    organisation_id: int
    amount: int
    spent_on: date
    category: Category
    note: str | None
    meeting_id: int | None


_EXPENSE_WORDS = {
    "organisation_id": NC_("expense field", "organisation"),
    "amount": NC_("expense field", "amount"),
    "spent_on": NC_("expense field", "date"),
    "category": NC_("expense field", "category"),
    "note": NC_("expense field", "note"),
    "meeting_id": NC_("expense field", "meeting"),
}
"""An expense's fields in words (English; `expense_field_words` says them in the interface
language, with the catalogue's context "expense field")."""

NOTHING_TO_EDIT = N_(
    "Nothing to change; give one or more of --amount, --on, --category, --note, --org and "
    '--meeting ("" clears the note or the meeting).'
)


def changed_expense_fields(before: ExpenseFacts, after: ExpenseFacts) -> list[str]:
    """The fields (in words) that differ between two states of an expense; empty if none."""
    return [
        words
        for name, words in _EXPENSE_WORDS.items()
        if getattr(before, name) != getattr(after, name)
    ]


def expense_field_words(changed: Iterable[str]) -> list[str]:
    """What `changed_expense_fields` names, in the interface language."""
    known = set(_EXPENSE_WORDS.values())
    return [pgettext("expense field", word) if word in known else word for word in changed]
