"""What the follow-up says besides the six duties: next year's pair, the money, the reach.

Pure rules over small values; the report words them (psi.reports.followup_words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

PACE_MARGIN = 0.15
"""How far spending may run from the share of the year passed and still be in pace."""


@dataclass(frozen=True)
class NextPair:
    """Next year's coordinators as recorded: who stays, who leaves, who joins."""

    year: int
    stays: tuple[str, ...]
    leaves: tuple[str, ...]
    joins: tuple[str, ...]
    """Newcomers appointed."""

    @property
    def complete(self) -> bool:
        """Both of next year's coordinators are appointed."""
        return len(self.stays) + len(self.joins) >= 2

    @property
    def decided(self) -> bool:
        """At least one of next year's coordinators is recorded."""
        return bool(self.stays or self.joins)


def next_pair(year: int, current: Sequence[str], coming: Sequence[str]) -> NextPair:
    """Who stays after `year`, who leaves and who joins, from the terms recorded.

    Who leaves is said only once next year has a recorded coordinator: before that the
    register does not know (the committee may extend the pair, as in 2024)."""
    stays = tuple(name for name in coming if name in current)
    joins = tuple(name for name in coming if name not in current)
    leaves = tuple(name for name in current if name not in coming) if coming else ()
    return NextPair(year + 1, stays, leaves, joins)


class Money(StrEnum):
    """What the follow-up says about the money."""

    NO_GRANT = "no-grant"
    UNSPENT = "unspent"
    OVERSPENT = "overspent"
    ALL_SPENT = "all-spent"
    IN_PACE = "in-pace"
    AHEAD = "ahead"
    """Spending runs ahead of the year (a running year)."""
    BEHIND = "behind"
    """Spending runs behind the year (a running year)."""


@dataclass(frozen=True)
class MoneyRemark:
    """The remark on the money: its kind, the grant, the spending and the shares."""

    kind: Money
    grant: int
    spent: int
    share_spent: float
    share_of_year: float

    @property
    def difference(self) -> int:
        """Grant minus spending (negative when overspent)."""
        return self.grant - self.spent


def money_remark(grant: int, spent: int, share_of_year: float) -> MoneyRemark:
    """Unspent, overspent or all spent for a finished year; the pace for a running one."""
    share_spent = spent / grant if grant > 0 else 0.0

    def remark(kind: Money) -> MoneyRemark:
        return MoneyRemark(kind, grant, spent, share_spent, share_of_year)

    if grant <= 0:
        return remark(Money.NO_GRANT)
    if spent > grant:
        return remark(Money.OVERSPENT)
    if share_of_year >= 1:
        return remark(Money.ALL_SPENT if spent == grant else Money.UNSPENT)
    # Rounded, so that exactly PACE_MARGIN off the pace is in pace whatever the numbers.
    ahead = round(share_spent - share_of_year, 9)
    if ahead > PACE_MARGIN:
        return remark(Money.AHEAD)
    if ahead < -PACE_MARGIN:
        return remark(Money.BEHIND)
    return remark(Money.IN_PACE)


@dataclass(frozen=True)
class Reach:
    """Whom the year's meetings reached, and where the members are."""

    meetings_held: int
    persons: int
    """Named persons recorded at the meetings held (each counted once)."""
    organisations: int
    """Organisations at the meetings held (each counted once)."""
    member_municipalities: tuple[str, ...]
    """The län's kommuner where member organisations are, by name."""
    municipalities_as_members: tuple[str, ...]
    """Kommuner that are members themselves, by the organisation's name."""
    meeting_municipalities: tuple[str, ...]
    """The län's kommuner of the organisations at the meetings held."""
