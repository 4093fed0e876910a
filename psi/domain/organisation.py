"""What an organisation in the register is, and the rules its fields follow."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import TypeVar

from psi.domain.choices import parse_choice
from psi.domain.dates import parse_optional_date
from psi.domain.municipality import Municipality, resolve_municipality
from psi.domain.orgnr import normalise_orgnr
from psi.domain.text import (
    check_line,
    describe_character,
    has_binary_characters,
    hidden_character,
)
from psi.errors import InvalidInput

NAME_MAX = 200
SHORT_MAX = 40
NOTE_MAX = 2000


class Sector(StrEnum):
    """The part of society an organisation belongs to."""

    CIVIL_SOCIETY = "civil-society"
    MUNICIPALITY = "municipality"
    REGION = "region"
    STATE = "state"
    ACADEMIA = "academia"
    BUSINESS = "business"
    OTHER = "other"


class Status(StrEnum):
    """Where an organisation stands towards the partnership."""

    MEMBER = "member"
    PROSPECT = "prospect"
    PARTNER = "partner"
    FORMER = "former"


T = TypeVar("T")

ADDABLE_STATUSES = (Status.MEMBER, Status.PROSPECT, Status.PARTNER)


def parse_sector(text: str) -> Sector:
    """A sector from its name, in any case."""
    return parse_choice(text, Sector, what="a sector")


def parse_status(text: str) -> Status:
    """A status from its name, in any case."""
    return parse_choice(text, Status, what="a status")


def check_entry_name(text: str, *, what: str = "name", limit: int = NAME_MAX) -> str:
    """A name that tells one entry from another: as `check_line`, and free of invisible
    characters (bidirectional controls, zero-width characters), which make two names that
    differ look alike."""
    value = check_line(text, what=what, limit=limit)
    hidden = hidden_character(text)
    if hidden is not None:
        position, char = hidden
        raise InvalidInput(
            f"The {what} holds {describe_character(char)}, an invisible character, at position "
            f"{position}; retype the {what} without it."
        )
    return value


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def normalise_website(text: str) -> str:
    """A website as an http(s) address; `www.example.se` becomes `https://www.example.se`."""
    value = text.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        value = f"https://{value}"
    if not _URL.match(value):
        raise InvalidInput(f"'{text}' is not a web address; write it like https://www.example.se.")
    return value


def check_note(text: str) -> str:
    """A free-text note: kept as typed (line breaks allowed), but not too long."""
    value = text.strip()
    if has_binary_characters(value):
        raise InvalidInput(
            "The note holds a control character (such as NUL) that is not text; remove it."
        )
    if len(value) > NOTE_MAX:
        raise InvalidInput(
            f"The note is {len(value)} characters long; at most {NOTE_MAX} are allowed."
        )
    return value


@dataclass(frozen=True)
class OrgFields:
    """Checked values for an organisation, ready to store."""

    name: str
    sector: Sector
    status: Status = Status.MEMBER
    short: str | None = None
    orgnr: str | None = None
    municipality: Municipality | None = None
    joined_on: date | None = None
    left_on: date | None = None
    website: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class OrgInput:
    """An organisation as typed: every field a string, None where not given."""

    name: str
    sector: str
    status: str | None = None
    short: str | None = None
    orgnr: str | None = None
    municipality: str | None = None
    joined: str | None = None
    left: str | None = None
    website: str | None = None
    note: str | None = None


def _optional(text: str | None, check: Callable[[str], T]) -> T | None:
    return None if text is None or not text.strip() else check(text)


def _short(text: str) -> str:
    return check_entry_name(text, what="short name", limit=SHORT_MAX)


def check_org(raw: OrgInput) -> OrgFields:
    """Check every typed field of an organisation; raise InvalidInput at the first bad one."""
    fields = OrgFields(
        name=check_entry_name(raw.name),
        sector=parse_sector(raw.sector),
        status=parse_status(raw.status) if raw.status and raw.status.strip() else Status.MEMBER,
        short=_optional(raw.short, _short),
        orgnr=_optional(raw.orgnr, normalise_orgnr),
        municipality=_optional(raw.municipality, resolve_municipality),
        joined_on=parse_optional_date(raw.joined, what="joined date"),
        left_on=parse_optional_date(raw.left, what="left date"),
        website=_optional(raw.website, normalise_website),
        note=_optional(raw.note, check_note),
    )
    check_membership_dates(fields)
    return fields


def check_membership_dates(fields: OrgFields) -> None:
    """The status and the joined and left dates must tell one story."""
    if fields.status is Status.FORMER and fields.left_on is None:
        raise InvalidInput("A former member needs the date it left; give it as left=YYYY-MM-DD.")
    if fields.status is not Status.FORMER and fields.left_on is not None:
        raise InvalidInput(
            f"Only a former member has a left date, and this one is {fields.status}; "
            "use `psi org leave NAME --on DATE` to record that it left."
        )
    if fields.status in (Status.PROSPECT, Status.PARTNER) and fields.joined_on is not None:
        raise InvalidInput(
            f"A {fields.status} has not joined, so it takes no joined date; "
            "use --status member, or `psi org join NAME --on DATE` later."
        )
    if fields.joined_on and fields.left_on and fields.left_on < fields.joined_on:
        raise InvalidInput(
            f"It cannot leave ({fields.left_on}) before it joined ({fields.joined_on})."
        )


def join(fields: OrgFields, on: date) -> OrgFields:
    """The organisation after it becomes a member on the given date."""
    if fields.status is Status.MEMBER:
        since = f" since {fields.joined_on}" if fields.joined_on else ""
        raise InvalidInput(f"{fields.name} is already a member{since}.")
    return replace(fields, status=Status.MEMBER, joined_on=on, left_on=None)


def leave(fields: OrgFields, on: date) -> OrgFields:
    """The organisation after it leaves the partnership on the given date."""
    if fields.status is Status.FORMER:
        raise InvalidInput(f"{fields.name} already left on {fields.left_on}.")
    left = replace(fields, status=Status.FORMER, left_on=on)
    check_membership_dates(left)
    return left
