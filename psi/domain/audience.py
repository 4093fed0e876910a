"""Who is asked: the groups psi addresses (members, the AU, the coordinators, the prospects),
and the one line of addresses a coordinator pastes into Bcc.

A target typed after `--to` is a group, in English or Swedish (`members`, `medlemmar`), or
else an organisation (full name, short name or prefix, looked up by the service). The
addresses are written one after the other, separated by `; `, which Outlook's and Gmail's
address fields both accept; each address once, whatever its case.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from psi.domain.choices import choice_key, choice_table
from psi.domain.contact import is_email
from psi.domain.membership import Member, member_in
from psi.domain.organisation import Status
from psi.domain.text import casefold_key, clean, swedish_sort_key
from psi.errors import InvalidInput
from psi.words import _


class Group(StrEnum):
    """A group of organisations whose contact persons psi addresses."""

    MEMBERS = "members"
    AU = "au"
    COORDINATORS = "coordinators"
    PROSPECTS = "prospects"


_ALIASES: dict[str, Group] = {
    "member": Group.MEMBERS,
    "medlemmar": Group.MEMBERS,
    "medlemmarna": Group.MEMBERS,
    "medlem": Group.MEMBERS,
    "arbetsutskottet": Group.AU,
    "arbetsutskott": Group.AU,
    "coordinator": Group.COORDINATORS,
    "samordnare": Group.COORDINATORS,
    "samordnarna": Group.COORDINATORS,
    "prospect": Group.PROSPECTS,
    "intresserade": Group.PROSPECTS,
    "intresserad": Group.PROSPECTS,
    "tänkbara medlemmar": Group.PROSPECTS,
}
"""The other words for each group, Swedish ones first of all (`medlemmar` is `members`)."""

DEFAULT_GROUP = Group.MEMBERS
"""Who is addressed when no target is given."""

SEPARATOR = "; "
"""Between two addresses: what Outlook's and Gmail's To, Cc and Bcc fields both read."""


@dataclass(frozen=True)
class Recipient:
    """A contact person psi addresses."""

    contact_id: int
    name: str
    email: str
    """As stored (psi stores addresses trimmed and in lower case)."""
    organisation: str


def group_of(text: str) -> Group | None:
    """The group a typed word names (`members`, `medlemmar`, `AU`, `samordnare` ...), or None
    when it names none (it is then an organisation's name)."""
    table = choice_table(tuple(Group), aliases=_ALIASES)
    found = table.get(choice_key(text))
    return None if found is None else Group(found)


def parse_targets(values: Sequence[str]) -> tuple[list[Group], list[str]]:
    """The groups among the typed targets, and the rest as organisation queries; each once,
    in the order typed. A blank target is InvalidInput."""
    groups: list[Group] = []
    queries: list[str] = []
    seen: set[str] = set()
    for value in values:
        text = clean(value)
        if not text:
            raise InvalidInput(
                _(
                    "--to takes a group (members, au, coordinators, prospects) or an "
                    "organisation's name."
                )
            )
        group = group_of(text)
        if group is not None:
            if group not in groups:
                groups.append(group)
        elif casefold_key(text) not in seen:
            seen.add(casefold_key(text))
            queries.append(text)
    return groups, queries


def sendable(email: str | None) -> bool:
    """Whether an address can be written into an address line as it is: an e-mail address as
    psi stores it (no space, no `;`, `,`, `<` or `"` that would end it or start a name)."""
    return email is not None and is_email(email)


def _order(recipient: Recipient) -> tuple[str, str, str, int]:
    return (
        swedish_sort_key(recipient.organisation),
        swedish_sort_key(recipient.name),
        recipient.email.casefold(),
        recipient.contact_id,
    )


def unique_recipients(people: Iterable[Recipient]) -> list[Recipient]:
    """Each address once (in any case), in order of organisation, then name; an address that
    cannot stand in an address line is left out. Of two people sharing an address, the first
    in that order is kept."""
    chosen: list[Recipient] = []
    seen: set[str] = set()
    for person in sorted(people, key=_order):
        key = person.email.strip().casefold()
        if key in seen or not sendable(person.email.strip()):
            continue
        seen.add(key)
        chosen.append(person)
    return chosen


def address_line(recipients: Sequence[Recipient]) -> str:
    """The addresses on one line, `a@x.se; b@y.se`, for Outlook's and Gmail's Bcc field;
    each address once."""
    return SEPARATOR.join(person.email.strip() for person in unique_recipients(recipients))


# --- the working committee (AU) ------------------------------------------------------------------


class Standing(StrEnum):
    """Where an organisation on the AU stands towards PSI in the seat's year."""

    MEMBER = "member"
    """A member on at least one day of the year."""
    NOT_MEMBER = "not-member"
    """A prospect, a partner, or a member that joins later: seated, with a warning."""
    LEFT = "left"
    """A former member that left before the year: its seat is not carried into the year."""


def standing_in(membership: Member, year: int) -> Standing:
    """An organisation's standing in a year, as psi.domain.membership reads its dates."""
    if member_in(membership, year):
        return Standing.MEMBER
    if membership.status == Status.FORMER and (
        membership.left_on is None or membership.left_on.year < year
    ):
        return Standing.LEFT
    return Standing.NOT_MEMBER
