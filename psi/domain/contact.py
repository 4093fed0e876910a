"""Rules for contact persons: names, e-mail addresses and phone numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from psi.domain.organisation import check_entry_name
from psi.domain.text import check_line, clean
from psi.errors import InvalidInput

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,24}$")


@dataclass(frozen=True)
class ContactFields:
    """Checked values for a contact person."""

    name: str
    email: str | None = None
    phone: str | None = None
    role: str | None = None


def normalise_email(text: str) -> str:
    """An e-mail address, trimmed and in lower case, or InvalidInput."""
    value = text.strip().lower()
    if not _EMAIL.match(value) or len(value) > 254:
        raise InvalidInput(f"'{text}' is not an e-mail address; write it like anna@example.se.")
    return value


def normalise_phone(text: str) -> str:
    """A phone number of digits, spaces, dashes and an optional leading +, or InvalidInput."""
    value = clean(text)
    if not _PHONE.match(value):
        raise InvalidInput(
            f"'{text}' is not a phone number; write it like 019-123 45 67 or +46 19 123 45 67."
        )
    return value


def check_contact(
    name: str, email: str | None = None, phone: str | None = None, role: str | None = None
) -> ContactFields:
    """Check every typed field of a contact person."""
    return ContactFields(
        name=check_entry_name(name, what="contact's name"),
        email=normalise_email(email) if email and email.strip() else None,
        phone=normalise_phone(phone) if phone and phone.strip() else None,
        role=check_line(role, what="role", limit=100) if role and role.strip() else None,
    )


def looks_like_email(text: str) -> bool:
    """Whether a typed identifier is an e-mail address rather than a name."""
    return "@" in text
