"""What an organisation in the register is, and the rules its fields follow."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

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
from psi.words import N_, NC_, ORG_STATUS, SECTOR, _, pgettext

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


_SECTOR_ALIASES = {  # besides the catalogue's words (civilsamhälle, kommun, statlig myndighet ...)
    "civilsamhället": Sector.CIVIL_SOCIETY,
    "kommunal": Sector.MUNICIPALITY,
    "regional": Sector.REGION,
    "stat": Sector.STATE, "statlig": Sector.STATE, "myndighet": Sector.STATE,
    "universitet": Sector.ACADEMIA, "högskola": Sector.ACADEMIA,
    "företag": Sector.BUSINESS,
    "annat": Sector.OTHER,
}  # fmt: skip
_STATUS_ALIASES = {  # other words than the catalogue's (ORG_STATUS) that people use
    "medlem": Status.MEMBER,
    "intresserad": Status.PROSPECT, "intressent": Status.PROSPECT,
    "samarbetspartner": Status.PARTNER,
    "tidigare medlem": Status.FORMER, "tidigare": Status.FORMER,
    "före detta medlem": Status.FORMER, "utträdd": Status.FORMER,
}  # fmt: skip


def parse_sector(text: str) -> Sector:
    """A sector from its name or its Swedish word (`civilsamhälle`, `kommun`, `stat`)."""
    return parse_choice(
        text, Sector, what=NC_("what", "a sector"), context=SECTOR, aliases=_SECTOR_ALIASES
    )


def parse_status(text: str) -> Status:
    """A status from its name or a Swedish word (`medlem`, `intresserad`, `tidigare medlem`)."""
    return parse_choice(
        text, Status, what=NC_("what", "a status"), context=ORG_STATUS, aliases=_STATUS_ALIASES
    )


STATUS_FILTERS = ("active", "member", "prospect", "partner", "former", "all")
"""What `psi org list --status` takes: a status, `active` (all but former members) or `all`."""


def parse_status_filter(text: str) -> str:
    """A --status filter of `psi org list`, from its name or a Swedish word (`alla`, `medlem`)."""
    words = {word: str(status) for word, status in _STATUS_ALIASES.items()}
    words.update({"aktiva": "active", "aktuella": "active", "alla": "all"})
    return parse_choice(text, STATUS_FILTERS, what=NC_("what", "a status filter"), aliases=words)


def check_entry_name(text: str, *, what: str = NC_("what", "name"), limit: int = NAME_MAX) -> str:
    """A name that tells one entry from another: as `check_line`, and free of invisible
    characters (bidirectional controls, zero-width characters), which make two names that
    differ look alike.

    `what` names the field in English, marked `NC_("what", ...)` where it is given; the
    messages show it in the interface language, as `check_line` does."""
    value = check_line(text, what=what, limit=limit)
    hidden = hidden_character(text)
    if hidden is not None:
        position, char = hidden
        raise InvalidInput(
            _(
                "The {what} holds {character}, an invisible character, at position "
                "{position}; retype the {what} without it."
            ).format(
                what=pgettext("what", what),
                character=describe_character(char),
                position=position,
            )
        )
    return value


_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def normalise_website(text: str) -> str:
    """A website as an http(s) address; `www.example.se` becomes `https://www.example.se`."""
    value = text.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
        value = f"https://{value}"
    if not _URL.match(value):
        raise InvalidInput(
            _("'{text}' is not a web address; write it like https://www.example.se.").format(
                text=text
            )
        )
    return value


def check_note(text: str) -> str:
    """A free-text note: kept as typed (line breaks allowed), but not too long."""
    value = text.strip()
    if has_binary_characters(value):
        raise InvalidInput(
            _("The note holds a control character (such as NUL) that is not text; remove it.")
        )
    if len(value) > NOTE_MAX:
        raise InvalidInput(
            _("The note is {length} characters long; at most {limit} are allowed.").format(
                length=len(value), limit=NOTE_MAX
            )
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


def _short(text: str) -> str:
    return check_entry_name(text, what=NC_("what", "short name"), limit=SHORT_MAX)


class FieldProblem(InvalidInput):
    """InvalidInput about given fields of an organisation: `columns` names them as typed
    (OrgInput's names, the CSV columns), so that an import can say which cell is wrong."""

    def __init__(self, message: str, columns: tuple[str, ...]) -> None:
        super().__init__(message)
        self.columns = columns


def _column(column: str, check: Callable[[str], T], text: str) -> T:
    try:
        return check(text)
    except InvalidInput as exc:
        raise FieldProblem(exc.message, (column,)) from None


def _optional_column(column: str, text: str | None, check: Callable[[str], T]) -> T | None:
    return None if text is None or not text.strip() else _column(column, check, text)


def check_org(raw: OrgInput) -> OrgFields:
    """Check every typed field of an organisation; raise InvalidInput at the first bad one
    (a FieldProblem, which names the field)."""
    status = raw.status.strip() if raw.status else ""
    fields = OrgFields(
        name=_column("name", check_entry_name, raw.name),
        sector=_column("sector", parse_sector, raw.sector),
        status=_column("status", parse_status, status) if status else Status.MEMBER,
        short=_optional_column("short", raw.short, _short),
        orgnr=_optional_column("orgnr", raw.orgnr, normalise_orgnr),
        municipality=_optional_column("municipality", raw.municipality, resolve_municipality),
        joined_on=_column("joined", _date(NC_("what", "joined date")), raw.joined or ""),
        left_on=_column("left", _date(NC_("what", "left date")), raw.left or ""),
        website=_optional_column("website", raw.website, normalise_website),
        note=_optional_column("note", raw.note, check_note),
    )
    try:
        check_membership_dates(fields)
    except InvalidInput as exc:
        raise FieldProblem(exc.message, ("status", "joined", "left")) from None
    return fields


def _date(what: str) -> Callable[[str], date | None]:
    return lambda text: parse_optional_date(text, what=what)


_LEFT_DATE_OF = {
    Status.MEMBER: N_(
        "Only a former member has a left date, and this one is member; "
        "use `psi org leave NAME --on DATE` to record that it left."
    ),
    Status.PROSPECT: N_(
        "Only a former member has a left date, and this one is prospect; "
        "use `psi org leave NAME --on DATE` to record that it left."
    ),
    Status.PARTNER: N_(
        "Only a former member has a left date, and this one is partner; "
        "use `psi org leave NAME --on DATE` to record that it left."
    ),
}
_JOINED_DATE_OF = {
    Status.PROSPECT: N_(
        "A prospect has not joined, so it takes no joined date; "
        "use --status member, or `psi org join NAME --on DATE` later."
    ),
    Status.PARTNER: N_(
        "A partner has not joined, so it takes no joined date; "
        "use --status member, or `psi org join NAME --on DATE` later."
    ),
}


def check_membership_dates(fields: OrgFields) -> None:
    """The status and the joined and left dates must tell one story."""
    if fields.status is Status.FORMER and fields.left_on is None:
        raise InvalidInput(_("A former member needs the date it left; give it as left=YYYY-MM-DD."))
    if fields.status is not Status.FORMER and fields.left_on is not None:
        raise InvalidInput(_(_LEFT_DATE_OF[fields.status]))
    if fields.status in (Status.PROSPECT, Status.PARTNER) and fields.joined_on is not None:
        raise InvalidInput(_(_JOINED_DATE_OF[fields.status]))
    if fields.joined_on and fields.left_on and fields.left_on < fields.joined_on:
        raise InvalidInput(
            _("It cannot leave ({left}) before it joined ({joined}).").format(
                left=fields.left_on, joined=fields.joined_on
            )
        )


def join(fields: OrgFields, on: date) -> OrgFields:
    """The organisation after it becomes a member on the given date."""
    if fields.status is Status.MEMBER:
        if fields.joined_on:
            raise InvalidInput(
                _("{name} is already a member since {day}.").format(
                    name=fields.name, day=fields.joined_on
                )
            )
        raise InvalidInput(_("{name} is already a member.").format(name=fields.name))
    return replace(fields, status=Status.MEMBER, joined_on=on, left_on=None)


def leave(fields: OrgFields, on: date) -> OrgFields:
    """The organisation after it leaves the partnership on the given date."""
    if fields.status is Status.FORMER:
        raise InvalidInput(
            _("{name} already left on {day}.").format(name=fields.name, day=fields.left_on)
        )
    left = replace(fields, status=Status.FORMER, left_on=on)
    check_membership_dates(left)
    return left


TYPED_COLUMNS = tuple(f.name for f in dataclass_fields(OrgInput))
"""The columns of an organisation as typed (and as `psi org export` writes them)."""


def input_from_cells(cells: Mapping[str, str | None], base: OrgInput | None = None) -> OrgInput:
    """An organisation as a spreadsheet row types it: each column present in `cells` (an
    empty cell clears the field), each column left out as in `base` (or empty)."""
    typed = base or OrgInput(name="", sector="")
    given: dict[str, Any] = {
        column: cells[column] or None for column in TYPED_COLUMNS if column in cells
    }
    for required in ("name", "sector"):
        if required in given:
            given[required] = given[required] or ""
    return replace(typed, **given)


FIELD_WORDS = {
    "name": NC_("org field", "name"),
    "short": NC_("org field", "short name"),
    "sector": NC_("org field", "sector"),
    "status": NC_("org field", "status"),
    "orgnr": NC_("org field", "organisationsnummer"),
    "municipality": NC_("org field", "municipality"),
    "joined_on": NC_("org field", "joined"),
    "left_on": NC_("org field", "left"),
    "website": NC_("org field", "website"),
    "note": NC_("org field", "note"),
}
"""An organisation's fields (OrgFields' and the stored columns' names) in words (English;
`field_words` says them in the interface language, with the catalogue's context "org
field")."""

_TYPED_FIELD = {"joined": "joined_on", "left": "left_on"}


def field_words(names: Iterable[str]) -> list[str]:
    """An organisation's fields in the interface language, from their names in OrgFields or
    as typed (`joined`, `left`: what `psi org edit` reports changed)."""
    return [
        pgettext("org field", FIELD_WORDS[_TYPED_FIELD.get(name, name)])
        if _TYPED_FIELD.get(name, name) in FIELD_WORDS
        else name
        for name in names
    ]


EMPTY = "–"
"""How a field without a value is shown in a change."""

SHOWN_MAX = 40
"""The longest value a change shows in full; a longer one is cut with `…`."""


def shown(value: object, limit: int = SHOWN_MAX) -> str:
    """A field's value as a coordinator reads it: `–` for none, dates as YYYY-MM-DD, a
    municipality by its label, text on one line and cut at `limit` characters."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, Municipality):
        text = value.label
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class FieldChange:
    """One field that changes: its words (English, FIELD_WORDS), and the old and new values
    as shown."""

    field: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.field}: {self.old} → {self.new}"

    def described(self) -> str:
        """The change as the terminal shows it, the field's words in the interface language."""
        return f"{pgettext('org field', self.field)}: {self.old} → {self.new}"


def diff_org(before: OrgFields, after: OrgFields) -> tuple[FieldChange, ...]:
    """The fields that differ between two versions of an organisation, in register order."""
    return tuple(
        FieldChange(words, shown(getattr(before, name)), shown(getattr(after, name)))
        for name, words in FIELD_WORDS.items()
        if getattr(before, name) != getattr(after, name)
    )


def describe_changes(changes: tuple[FieldChange, ...]) -> str:
    """Changes on one line: `short name: – → NIF; municipality: Örebro → Kumla` (the fields'
    words in the interface language)."""
    return "; ".join(change.described() for change in changes)
