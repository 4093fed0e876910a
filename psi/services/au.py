"""The working committee (AU): which organisations sit on it each year, and who for each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain.audience import Standing, standing_in
from psi.domain.text import casefold_key, clean, swedish_sort_key
from psi.errors import Conflict, InvalidInput, NotFound, RuleViolation
from psi.models import AuSeat, Contact, Organisation
from psi.services import stored_id
from psi.services.orgs import find_org
from psi.services.views import json_as
from psi.words import _, ngettext


@dataclass(frozen=True)
class SeatView:
    """A seat on the AU as commands print it."""

    year: int
    organisation: str
    person: str | None
    """The contact person who sits for the organisation; None when nobody is named (or the
    person was erased)."""
    email: str | None
    no_mail: bool
    """The person asked not to be mailed (psi's invitations leave them out)."""
    member: bool
    """Whether the organisation is a member of PSI in the seat's year."""
    standing: Standing = field(metadata=json_as(omit=True))
    left_on: date | None = field(default=None, metadata=json_as(omit=True))
    contact_persons: int = field(default=0, metadata=json_as(omit=True))
    """How many contact persons the organisation has (a seat naming nobody reaches them all)."""


def _view(
    seat: AuSeat, org: Organisation, person: Contact | None, contact_persons: int = 0
) -> SeatView:
    standing = standing_in(org, seat.year)
    return SeatView(
        year=seat.year,
        organisation=org.name,
        person=person.name if person else None,
        email=person.email if person else None,
        no_mail=bool(person.no_mail) if person else False,
        member=standing is Standing.MEMBER,
        standing=standing,
        left_on=org.left_on,
        contact_persons=contact_persons,
    )


def list_seats(session: Session, year: int) -> list[SeatView]:
    """`psi au list`: the AU of a year, by organisation."""
    query = (
        select(AuSeat, Organisation, Contact)
        .join(Organisation, col(Organisation.id) == AuSeat.organisation_id)
        .outerjoin(Contact, col(Contact.id) == AuSeat.contact_id)
        .where(AuSeat.year == year)
    )
    rows = session.exec(query).all()
    counts = dict(
        session.exec(
            select(Contact.organisation_id, func.count())
            .where(
                col(Contact.organisation_id).in_([seat.organisation_id for seat, _o, _p in rows])
            )
            .group_by(col(Contact.organisation_id))
        ).all()
    )
    views = [_view(seat, org, person, counts.get(org.id or 0, 0)) for seat, org, person in rows]
    return sorted(views, key=lambda view: swedish_sort_key(view.organisation))


def _seat(session: Session, year: int, org: Organisation) -> AuSeat | None:
    return session.exec(
        select(AuSeat).where(AuSeat.year == year, AuSeat.organisation_id == org.id)
    ).first()


def _person(session: Session, org: Organisation, name: str) -> Contact:
    """The contact person of that name at the organisation, or NotFound saying how to add
    them."""
    if not clean(name):
        raise InvalidInput(
            _(
                "--person needs the name of one of {organisation}'s contact persons; to name "
                "nobody, leave --person out (psi au edit: --no-person)."
            ).format(organisation=org.name)
        )
    rows = session.exec(select(Contact).where(Contact.organisation_id == org.id)).all()
    key = casefold_key(name)
    for row in rows:
        if casefold_key(row.name) == key:
            return row
    there = sorted((row.name for row in rows), key=swedish_sort_key)
    values = {"organisation": org.name, "name": clean(name), "names": ", ".join(there)}
    if there:
        text = _(
            "{organisation} has no contact person called '{name}'; its contact persons are "
            '{names}. Add the person first with psi contact add "{organisation}" "{name}".'
        )
    else:
        text = _(
            "{organisation} has no contact persons yet; add the person first with "
            'psi contact add "{organisation}" "{name}", or leave --person out.'
        )
    raise NotFound(text.format(**values))


def add_seat(session: Session, year: int, org_query: str, person: str | None = None) -> SeatView:
    """`psi au add`: an organisation on the AU in a year, with the contact person who sits
    for it. Conflict when it has a seat that year already."""
    org = find_org(session, org_query)
    if _seat(session, year, org) is not None:
        raise Conflict(
            _(
                "{organisation} already has a seat on the AU in {year}; change who sits with "
                'psi au edit {year} "{organisation}" --person NAME.'
            ).format(organisation=org.name, year=year)
        )
    contact = _person(session, org, person) if person is not None else None
    seat = AuSeat(
        year=year,
        organisation_id=stored_id(org),
        contact_id=stored_id(contact) if contact else None,
    )
    session.add(seat)
    session.flush()
    return _view(seat, org, contact)


def _existing(session: Session, year: int, org_query: str) -> tuple[AuSeat, Organisation]:
    org = find_org(session, org_query)
    seat = _seat(session, year, org)
    if seat is None:
        raise NotFound(
            _(
                "{organisation} has no seat on the AU in {year}; add one with "
                'psi au add {year} "{organisation}", or see psi au list {year}.'
            ).format(organisation=org.name, year=year)
        )
    return seat, org


@dataclass(frozen=True)
class SeatEdit:
    """What `psi au edit` did: the seat as it now is, and whether it changed."""

    seat: SeatView
    changed: bool


def edit_seat(
    session: Session, year: int, org_query: str, person: str | None, *, no_person: bool = False
) -> SeatEdit:
    """`psi au edit`: name another contact person for a seat, or nobody (`no_person`)."""
    if (person is None) == (not no_person):
        raise InvalidInput(
            _(
                "Give either --person NAME (who sits for the organisation) or --no-person "
                "(nobody named)."
            )
        )
    seat, org = _existing(session, year, org_query)
    contact = _person(session, org, person) if person is not None else None
    new_id = stored_id(contact) if contact else None
    changed = seat.contact_id != new_id
    if changed:
        seat.contact_id = new_id
        session.add(seat)
        session.flush()
    return SeatEdit(_view(seat, org, contact), changed)


def check_removal(session: Session, year: int, org_query: str) -> SeatView:
    """The seat `remove_seat` would delete, or NotFound."""
    seat, org = _existing(session, year, org_query)
    contact = session.get(Contact, seat.contact_id) if seat.contact_id is not None else None
    return _view(seat, org, contact)


def remove_seat(session: Session, year: int, org_query: str) -> SeatView:
    """`psi au remove`: take an organisation off the AU of a year."""
    seat, org = _existing(session, year, org_query)
    contact = session.get(Contact, seat.contact_id) if seat.contact_id is not None else None
    view = _view(seat, org, contact)
    session.delete(seat)
    session.flush()
    return view


@dataclass(frozen=True)
class SeatCopy:
    """What `psi au copy` carried into the new year, and which organisations it left out."""

    seats: list[SeatView]
    left_out: list[str]
    """Organisations that left PSI before the new year: their seats stay behind."""


def copy_seats(session: Session, from_year: int, to_year: int) -> SeatCopy:
    """`psi au copy`: carry a year's AU, with each seat's person, into another year; the
    seats of organisations that left PSI before it stay behind. Conflict when the other
    year has seats already."""
    if from_year == to_year:
        raise InvalidInput(
            _("Copy the AU from one year to another: psi au copy {year} {next}.").format(
                year=from_year, next=from_year + 1
            )
        )
    taken = list_seats(session, to_year)
    if taken:
        count = len(taken)
        raise Conflict(
            ngettext(
                "The AU of {year} has {n} seat already; change it with psi au add, edit "
                "and remove, or remove it first with psi au remove {year} ORG.",
                "The AU of {year} has {n} seats already; change them with psi au add, edit "
                "and remove, or remove them first with psi au remove {year} ORG.",
                count,
            ).format(year=to_year, n=count)
        )
    rows = session.exec(
        select(AuSeat, Organisation)
        .join(Organisation, col(Organisation.id) == AuSeat.organisation_id)
        .where(AuSeat.year == from_year)
    ).all()
    if not rows:
        raise NotFound(
            _(
                "No AU is recorded for {year}, so there is nothing to copy; add the seats with "
                "psi au add {next} ORG --person NAME."
            ).format(year=from_year, next=to_year)
        )
    left_out: list[str] = []
    for seat, org in rows:
        if standing_in(org, to_year) is Standing.LEFT:
            left_out.append(org.name)
            continue
        session.add(
            AuSeat(year=to_year, organisation_id=seat.organisation_id, contact_id=seat.contact_id)
        )
    if len(left_out) == len(rows):
        raise RuleViolation(
            _(
                "Every organisation on the AU of {year} left PSI before {next}; add the seats "
                "of {next} with psi au add {next} ORG --person NAME."
            ).format(year=from_year, next=to_year)
        )
    session.flush()
    return SeatCopy(list_seats(session, to_year), sorted(left_out, key=swedish_sort_key))
