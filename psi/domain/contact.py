"""Rules for contact persons: names, e-mail addresses and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from psi.domain.organisation import check_entry_name
from psi.domain.text import check_line, clean
from psi.errors import InvalidInput, RuleViolation
from psi.words import N_, NC_, _, ngettext

_ATOM = r"[^@\s;,<>()\[\]\\\":]+"
_EMAIL = re.compile(rf"^{_ATOM}@{_ATOM}\.{_ATOM}$")
"""An address as psi stores it: no space, and none of the characters an address field reads
as the end of an address or the start of a display name or comment (`;` `,` `<` `"` ...), so
that it can stand in a list of addresses (psi contact emails) as it is."""
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{4,24}$")


@dataclass(frozen=True)
class ContactFields:
    """Checked values for a contact person."""

    name: str
    email: str | None = None
    phone: str | None = None
    role: str | None = None


def is_email(text: str) -> bool:
    """Whether a text is an e-mail address as psi stores it (trimmed, any case)."""
    return len(text) <= 254 and _EMAIL.match(text) is not None


def normalise_email(text: str) -> str:
    """An e-mail address, trimmed and in lower case, or InvalidInput."""
    value = text.strip().lower()
    if not is_email(value):
        raise InvalidInput(
            _("'{text}' is not an e-mail address; write it like anna@example.se.").format(text=text)
        )
    return value


def normalise_phone(text: str) -> str:
    """A phone number of digits, spaces, dashes and an optional leading +, or InvalidInput."""
    value = clean(text)
    if not _PHONE.match(value):
        raise InvalidInput(
            _(
                "'{text}' is not a phone number; write it like 019-123 45 67 or +46 19 123 45 67."
            ).format(text=text)
        )
    return value


def check_contact(
    name: str, email: str | None = None, phone: str | None = None, role: str | None = None
) -> ContactFields:
    """Check every typed field of a contact person."""
    return ContactFields(
        name=check_entry_name(name, what=NC_("what", "contact's name")),
        email=normalise_email(email) if email and email.strip() else None,
        phone=normalise_phone(phone) if phone and phone.strip() else None,
        role=check_line(role, what=NC_("what", "role"), limit=100)
        if role and role.strip()
        else None,
    )


def looks_like_email(text: str) -> bool:
    """Whether a typed identifier is an e-mail address rather than a name."""
    return "@" in text


# --- corrections ------------------------------------------------------------------------------

NOTHING_TO_EDIT = N_(
    "Nothing to change; give one or more of --name, --role, --email and --phone "
    '("" clears the role, e-mail address or phone number), or --no-mail or --mail.'
)
FIELD_WORDS = {
    "name": NC_("contact field", "name"),
    "email": NC_("contact field", "e-mail address"),
    "phone": NC_("contact field", "phone number"),
    "role": NC_("contact field", "role"),
}
"""A contact person's fields in words (English; the catalogue's context "contact field")."""


def edited_contact(
    current: ContactFields,
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    role: str | None = None,
) -> ContactFields:
    """A contact person's fields after an edit, checked as `check_contact` checks new ones:
    None keeps a field, "" clears the role, e-mail address or phone number; a name stays."""
    if all(value is None for value in (name, email, phone, role)):
        raise InvalidInput(_(NOTHING_TO_EDIT))
    if name is not None and not name.strip():
        raise InvalidInput(
            _(
                "A contact person keeps a name; give the new one with --name, or remove the "
                "person with psi contact remove ORG NAME."
            )
        )
    return check_contact(
        current.name if name is None else name,
        current.email if email is None else email,
        current.phone if phone is None else phone,
        current.role if role is None else role,
    )


def changed_fields(before: ContactFields, after: ContactFields) -> list[str]:
    """The fields (in words) that differ between two states of a contact; empty if none."""
    return [
        FIELD_WORDS[item.name]
        for item in fields(ContactFields)
        if getattr(before, item.name) != getattr(after, item.name)
    ]


def check_removable(name: str, organisation: str, meetings: Sequence[int]) -> None:
    """A contact person entered by mistake can be removed, unless meetings record them as
    present: removing them would change those records (who was there). A misspelt name is
    corrected with edit; a person who asks to be erased is erased everywhere with forget."""
    if not meetings:
        return
    numbers = sorted(meetings)
    values = {
        "name": name,
        "organisation": organisation,
        "numbers": ", ".join(str(number) for number in numbers[:5]),
        "more": len(numbers) - 5,
    }
    if len(numbers) > 5:
        text = _(
            "{name} is recorded as present at meetings {numbers} and {more} more, so removing "
            "them would change those records; correct the name with psi contact edit "
            '"{organisation}" "{name}" --name NAME, or erase the person everywhere (GDPR) with '
            'psi contact forget "{name}" --org "{organisation}".'
        )
    else:
        text = ngettext(
            "{name} is recorded as present at meeting {numbers}, so removing them would "
            'change that record; correct the name with psi contact edit "{organisation}" '
            '"{name}" --name NAME, or erase the person everywhere (GDPR) with '
            'psi contact forget "{name}" --org "{organisation}".',
            "{name} is recorded as present at meetings {numbers}, so removing them would "
            'change those records; correct the name with psi contact edit "{organisation}" '
            '"{name}" --name NAME, or erase the person everywhere (GDPR) with '
            'psi contact forget "{name}" --org "{organisation}".',
            len(numbers),
        )
    raise RuleViolation(text.format(**values))
