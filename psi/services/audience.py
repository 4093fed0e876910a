"""Who is reached: the contact persons of a group (members, the AU, the coordinators, the
prospects) or of named organisations, with who is left out and why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, col, or_, select

from psi.domain.audience import DEFAULT_GROUP, Group, Recipient, parse_targets, sendable
from psi.domain.audience import unique_recipients as _unique
from psi.domain.organisation import Status
from psi.domain.text import swedish_sort_key
from psi.errors import NotFound
from psi.models import AuSeat, Contact, CoordinatorTerm, Organisation
from psi.services import stored_id
from psi.services.orgs import find_org, members_on
from psi.words import _


@dataclass(frozen=True)
class Reach:
    """Who gets mail, and who is left out (to follow up by other means)."""

    recipients: list[Recipient]
    """Contacts with an address who did not ask for no mail, each address once."""
    without_email: list[tuple[str, str]] = field(default_factory=list)
    """(organisation, person) without an e-mail address."""
    no_mail: list[tuple[str, str]] = field(default_factory=list)
    """(organisation, person) who asked not to be mailed."""
    organisations_without_contact: list[str] = field(default_factory=list)
    """Organisations reached that have no contact person to address."""

    @property
    def left_out(self) -> int:
        """How many persons and organisations are left out, together."""
        return len(self.without_email) + len(self.no_mail) + len(self.organisations_without_contact)

    def json_data(self) -> dict[str, object]:
        """For --json: each recipient's organisation, name and address; who is left out."""
        return {
            "recipients": [
                {"organisation": r.organisation, "name": r.name, "email": r.email}
                for r in self.recipients
            ],
            "without_email": [{"organisation": o, "name": n} for o, n in self.without_email],
            "no_mail": [{"organisation": o, "name": n} for o, n in self.no_mail],
            "organisations_without_contact": list(self.organisations_without_contact),
        }


@dataclass
class _Wanted:
    """What the targets ask for: every contact of some organisations, some contacts by id."""

    whole: set[int] = field(default_factory=set)
    persons: set[int] = field(default_factory=set)


def reach(session: Session, targets: Sequence[str], year: int) -> Reach:
    """The contact persons the targets (as typed after --to) reach: members (today's),
    the AU of `year` (a seat's person, else all its organisation's contacts), the
    coordinators of `year`, the prospects, or organisations by name. No targets: members.

    NotFound when the AU or the coordinators of the year are not recorded."""
    groups, queries = parse_targets(targets)
    if not groups and not queries:
        groups = [DEFAULT_GROUP]
    wanted = _Wanted()
    for group in groups:
        _add_group(session, wanted, group, year)
    for query in queries:
        wanted.whole.add(stored_id(find_org(session, query)))
    return _reach_of(session, wanted)


def contacts_reach(session: Session, contact_ids: Iterable[int]) -> Reach:
    """Those contact persons (invited before, say) still in the register, as `reach` sorts
    them; an erased one is no longer there, one who asked for no mail is left out."""
    return _reach_of(session, _Wanted(persons=set(contact_ids)))


def _add_group(session: Session, wanted: _Wanted, group: Group, year: int) -> None:
    if group is Group.MEMBERS:
        wanted.whole.update(view.id for view in members_on(session, date.today()))
    elif group is Group.PROSPECTS:
        ids = session.exec(
            select(Organisation.id).where(Organisation.status == Status.PROSPECT.value)
        ).all()
        wanted.whole.update(i for i in ids if i is not None)
    elif group is Group.COORDINATORS:
        ids = session.exec(
            select(CoordinatorTerm.organisation_id).where(CoordinatorTerm.year == year)
        ).all()
        if not ids:
            raise NotFound(
                _(
                    "No coordinators are recorded for {year}; see psi coordinators, "
                    "or name the organisations with --to ORG."
                ).format(year=year)
            )
        wanted.whole.update(ids)
    else:
        seats = session.exec(select(AuSeat).where(AuSeat.year == year)).all()
        if not seats:
            raise NotFound(
                _(
                    "No AU is recorded for {year}; add its seats with psi au add {year} ORG "
                    "--person NAME, or carry last year's over with psi au copy {last} {year}."
                ).format(year=year, last=year - 1)
            )
        for seat in seats:
            if seat.contact_id is None:
                wanted.whole.add(seat.organisation_id)
            else:
                wanted.persons.add(seat.contact_id)


def _reach_of(session: Session, wanted: _Wanted) -> Reach:
    rows: dict[int, tuple[Contact, str]] = {}
    if wanted.whole or wanted.persons:
        query = (
            select(Contact, Organisation.name)
            .join(Organisation)
            .where(
                or_(
                    col(Contact.organisation_id).in_(wanted.whole),
                    col(Contact.id).in_(wanted.persons),
                )
            )
        )
        rows.update((stored_id(c), (c, name)) for c, name in session.exec(query))
    # An address anyone who asked for no mail holds is never addressed, under any name.
    barred = {
        (email or "").strip().casefold()
        for email in session.exec(select(Contact.email).where(col(Contact.no_mail))).all()
        if email
    }
    people: list[Recipient] = []
    without: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for contact, organisation in rows.values():
        email = (contact.email or "").strip()
        if contact.no_mail or (email and email.casefold() in barred):
            refused.append((organisation, contact.name))
        elif not sendable(email):
            without.append((organisation, contact.name))
        else:
            people.append(Recipient(stored_id(contact), contact.name, email, organisation))
    reached = {contact.organisation_id for contact, _org in rows.values()}
    missing = sorted(
        (
            org.name
            for org in session.exec(
                select(Organisation).where(col(Organisation.id).in_(wanted.whole - reached))
            )
        )
        if wanted.whole - reached
        else [],
        key=swedish_sort_key,
    )
    return Reach(_unique(people), _sorted(without), _sorted(refused), missing)


def _sorted(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(pairs, key=lambda pair: (swedish_sort_key(pair[0]), swedish_sort_key(pair[1])))
