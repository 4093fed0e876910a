"""Contact persons: add, list, and forget (GDPR erasure)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session, select

from psi import audit
from psi.domain.contact import check_contact, looks_like_email, normalise_email
from psi.domain.text import casefold_key, swedish_sort_key
from psi.errors import Conflict, NotFound
from psi.models import Contact, Erasure, Organisation
from psi.services.orgs import ContactView, contact_view, find_org


def add_contact(
    session: Session,
    org_query: str,
    name: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    role: str | None = None,
) -> ContactView:
    """`psi contact add`: a contact person at an organisation."""
    org = find_org(session, org_query)
    fields = check_contact(name, email, phone, role)
    names = session.exec(select(Contact.name).where(Contact.organisation_id == org.id)).all()
    if casefold_key(fields.name) in {casefold_key(name) for name in names}:
        raise Conflict(f"{fields.name} is already a contact person at {org.name}.")
    assert org.id is not None
    row = Contact(
        organisation_id=org.id,
        name=fields.name,
        email=fields.email,
        phone=fields.phone,
        role=fields.role,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return contact_view(row, org.name)


def list_contacts(session: Session, org_query: str | None = None) -> list[ContactView]:
    """`psi contact list`: every contact person, or those of one organisation."""
    query = select(Contact, Organisation.name).join(Organisation)
    if org_query:
        org = find_org(session, org_query)
        query = query.where(Contact.organisation_id == org.id)
    views = [contact_view(contact, org_name) for contact, org_name in session.exec(query)]
    return sorted(views, key=lambda v: (swedish_sort_key(v.organisation), swedish_sort_key(v.name)))


@dataclass(frozen=True)
class Forgotten:
    """What `psi contact forget` erased: how many records, at how many organisations."""

    records: int
    organisations: int


def _matching(session: Session, who: str) -> list[Contact]:
    if looks_like_email(who):
        email = normalise_email(who)
        return list(session.exec(select(Contact).where(Contact.email == email)))
    key = casefold_key(who)
    rows = session.exec(select(Contact)).all()
    return [row for row in rows if casefold_key(row.name) == key]


def forget_contact(session: Session, who: str) -> Forgotten:
    """`psi contact forget`: erase a person's data everywhere, keeping only anonymous counts."""
    rows = _matching(session, who)
    if not rows:
        raise NotFound(
            f"No contact person is called or has the address '{who}'; see `psi contact list`."
        )
    emails = {row.email for row in rows if row.email}
    if len(emails) > 1:
        raise Conflict(
            f"{len(emails)} people called '{who}' have different e-mail addresses; "
            "give the e-mail address of the one to forget."
        )
    per_org = Counter(row.organisation_id for row in rows)
    today = date.today()
    for organisation_id, count in per_org.items():
        session.add(Erasure(erased_on=today, organisation_id=organisation_id, records=count))
    personal = {value for row in rows for value in (row.name, row.email, row.phone) if value}
    for row in rows:
        session.delete(row)
    session.flush()
    # This command's own audit entry must not keep what it erased either.
    session.info["audit_redact"] = personal
    audit.erase_person(session, personal)
    return Forgotten(records=len(rows), organisations=len(per_org))
