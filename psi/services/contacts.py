"""Contact persons: add, list, edit, remove, and forget (GDPR erasure: the register, its
files, backups)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, func, inspect
from sqlmodel import Session, SQLModel, col, select

from psi import audit, storage
from psi.domain import contact as rules
from psi.domain import erasure
from psi.domain.contact import ContactFields, check_contact, looks_like_email, normalise_email
from psi.domain.erasure import Candidate, Person
from psi.domain.text import casefold_key, clean, swedish_sort_key
from psi.errors import Conflict, InvalidInput, NotFound, PsiError
from psi.location import DbLocation
from psi.models import Attendance, AuditEntry, AuSeat, Contact, Erasure, Organisation
from psi.services import stored_id
from psi.services.orgs import ContactView, contact_view, find_org
from psi.words import N_, _


def add_contact(
    session: Session,
    org_query: str,
    name: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    role: str | None = None,
    no_mail: bool = False,
) -> ContactView:
    """`psi contact add`: a contact person at an organisation (`no_mail`: who asked for none)."""
    org = find_org(session, org_query)
    fields = check_contact(name, email, phone, role)
    names = session.exec(select(Contact.name).where(Contact.organisation_id == org.id)).all()
    if casefold_key(fields.name) in {casefold_key(name) for name in names}:
        raise Conflict(
            _("{name} is already a contact person at {organisation}.").format(
                name=fields.name, organisation=org.name
            )
        )
    row = Contact(
        organisation_id=stored_id(org),
        name=fields.name,
        email=fields.email,
        phone=fields.phone,
        role=fields.role,
        no_mail=no_mail,
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


# --- edit and remove ------------------------------------------------------------------------------


def _find_contact(session: Session, org_query: str, name: str) -> tuple[Contact, Organisation]:
    """The contact person of that name at the organisation, or NotFound naming who is there."""
    org = find_org(session, org_query)
    rows = session.exec(select(Contact).where(Contact.organisation_id == org.id)).all()
    key = casefold_key(name)
    for row in rows:
        if casefold_key(row.name) == key:
            return row, org
    there = sorted((row.name for row in rows), key=swedish_sort_key)
    if there:
        text = _(
            "{organisation} has no contact person called '{name}'; its contact persons are "
            '{names}. See psi contact list "{organisation}".'
        )
    else:
        text = _(
            "{organisation} has no contact person called '{name}' yet. "
            'See psi contact list "{organisation}".'
        )
    raise NotFound(text.format(organisation=org.name, name=clean(name), names=", ".join(there)))


def _fields(row: Contact) -> ContactFields:
    return ContactFields(row.name, row.email, row.phone, row.role)


@dataclass(frozen=True)
class ContactEdit:
    """What `psi contact edit` changed (in words), and the contact person as they now are."""

    contact: ContactView
    changed: list[str]
    no_mail_changed: bool = False
    """--no-mail or --mail changed whether the person gets mail."""


def edit_contact(
    session: Session,
    org_query: str,
    name: str,
    *,
    new_name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    role: str | None = None,
    no_mail: bool | None = None,
) -> ContactEdit:
    """`psi contact edit`: correct a contact person's name, role, e-mail address or phone,
    checked as `add` checks them; None keeps a field, "" clears the role, address or phone.
    `no_mail` True: the person asked for no mail; False: they get mail again."""
    if all(value is None for value in (new_name, email, phone, role, no_mail)):
        raise InvalidInput(_(rules.NOTHING_TO_EDIT))
    row, org = _find_contact(session, org_query, name)
    before = _fields(row)
    if all(value is None for value in (new_name, email, phone, role)):
        after = before
    else:
        after = rules.edited_contact(before, name=new_name, email=email, phone=phone, role=role)
    if casefold_key(after.name) != casefold_key(before.name):
        others = session.exec(
            select(Contact.name).where(Contact.organisation_id == org.id, col(Contact.id) != row.id)
        ).all()
        if casefold_key(after.name) in {casefold_key(other) for other in others}:
            raise Conflict(
                _(
                    "{name} is already a contact person at {organisation}; "
                    'see psi contact list "{organisation}".'
                ).format(name=after.name, organisation=org.name)
            )
    changed = rules.changed_fields(before, after)
    mail_changed = no_mail is not None and no_mail != bool(row.no_mail)
    if changed or mail_changed:
        row.name, row.email, row.phone, row.role = after.name, after.email, after.phone, after.role
        if no_mail is not None:
            row.no_mail = no_mail
        session.add(row)
        session.flush()
    return ContactEdit(contact_view(row, org.name), changed, mail_changed)


def meetings_attended(session: Session, contact_id: int) -> list[int]:
    """The meetings that record the contact person as present, by number."""
    rows = session.exec(
        select(Attendance.meeting_id).where(Attendance.contact_id == contact_id)
    ).all()
    return sorted(set(rows))


def check_removal(session: Session, org_query: str, name: str) -> ContactView:
    """The contact person `remove_contact` would delete, or RuleViolation when meetings
    record them as present."""
    row, org = _find_contact(session, org_query, name)
    rules.check_removable(row.name, org.name, meetings_attended(session, stored_id(row)))
    return contact_view(row, org.name)


def remove_contact(session: Session, org_query: str, name: str) -> ContactView:
    """`psi contact remove`: delete a contact person entered by mistake (or who has left the
    organisation). The audit log keeps what was deleted; `forget` erases a person."""
    view = check_removal(session, org_query, name)
    row = session.get(Contact, view.id)
    session.delete(row)
    session.flush()
    return view


def namesake_organisations(session: Session, who: str) -> list[str]:
    """The organisations to choose between when the name typed is several contact persons'
    (as `forget` tells them apart); empty when it is one person, or nobody."""
    typed = clean(who)
    if looks_like_email(typed):
        return []
    rows = _candidates(session, None)
    candidates = [
        Candidate(stored_id(row), row.name, name, row.email, row.phone) for row, name in rows
    ]
    candidates += _removed_candidates(session, None, (c.id for c in candidates))
    try:
        erasure.choose(candidates, typed)
    except Conflict:
        found = {c.organisation for c in candidates if erasure.matches_who(c, typed)}
        return sorted(found - {_(REMOVED_ORGANISATION)}, key=swedish_sort_key)
    return []


# --- forget: what would change ---------------------------------------------------------------------


@dataclass(frozen=True)
class ErasedContact:
    """A contact person an erasure removes (or keeps: a namesake)."""

    id: int
    name: str
    organisation: str
    email: str | None = None
    phone: str | None = None
    shares: tuple[str, ...] = ()
    """For a kept namesake: which of name, email and phone it shares with the erased person."""


@dataclass(frozen=True)
class FieldChange:
    """One field of one row that mentions the person: each mention becomes erasure.MARKER."""

    table: str
    row: str
    field: str
    mentions: int


@dataclass(frozen=True)
class LinkChange:
    """Rows of another table that refer to an erased contact person by number: the database
    deletes them with the person (`deleted`), or keeps them without the person."""

    table: str
    rows: int
    deleted: bool


@dataclass(frozen=True)
class ErasurePlan:
    """What `psi contact forget` erases (or erased) in one database."""

    who: str
    person: Person
    contacts: tuple[ErasedContact, ...] = ()
    fields: tuple[FieldChange, ...] = ()
    namesakes: tuple[ErasedContact, ...] = ()
    links: tuple[LinkChange, ...] = ()
    """The rows that refer to the erased contacts (attendance, AU seats, invitations)."""
    org_missed: bool = False
    """--org was given, and no contact person there is the one typed."""

    @property
    def organisations(self) -> int:
        """At how many organisations the erased contacts were."""
        return len({contact.organisation for contact in self.contacts})

    @property
    def mentions(self) -> int:
        """How many mentions are replaced, in every field together."""
        return sum(change.mentions for change in self.fields)

    @property
    def is_empty(self) -> bool:
        """True when the database holds nothing of the person."""
        return not self.contacts and not self.fields

    @property
    def searched(self) -> Person:
        """What the file checks look for: the person, less what a kept namesake also has."""
        return self.person.not_in(
            value for c in self.namesakes for value in (c.name, c.email, c.phone) if value
        )

    def same_changes(self, other: ErasurePlan) -> bool:
        """Whether two plans erase the same contacts and change the same fields."""
        return (
            {c.id for c in self.contacts} == {c.id for c in other.contacts}
            and self.fields == other.fields
            and self.links == other.links
        )


_Update = tuple[type[SQLModel], tuple[Any, ...], str, str]
"""A field to change: table class, primary key, attribute, new text."""


@dataclass
class _Work:
    """A plan, and what carrying it out takes: the rows to delete and the new texts."""

    plan: ErasurePlan
    rows: list[Contact]
    updates: list[_Update]


def _tables() -> list[type[SQLModel]]:
    """Every table class psi has, so a table added later is searched too."""
    import psi.models

    found = [
        value
        for value in vars(psi.models).values()
        if isinstance(value, type) and issubclass(value, SQLModel) and hasattr(value, "__table__")
    ]
    return sorted(found, key=lambda cls: str(getattr(cls, "__tablename__", cls.__name__)))


def _text_columns(cls: type[SQLModel]) -> list[tuple[str, str, int | None]]:
    """(attribute, column, length) of each text column of a table that is not its key."""
    columns = []
    for attr in inspect(cls).column_attrs:
        column = attr.columns[0]
        kind = getattr(column.type, "impl_instance", column.type)  # SQLModel's AutoString
        if isinstance(kind, String) and not column.primary_key:
            columns.append((attr.key, column.name, kind.length))
    return columns


_IDENTITY = ("name", "email", "phone")
"""A kept namesake's own fields, which are theirs and not the erased person's."""


def _candidates(session: Session, org_query: str | None) -> list[tuple[Contact, str]]:
    query = select(Contact, Organisation.name).join(Organisation)
    if org_query:
        query = query.where(Contact.organisation_id == find_org(session, org_query).id)
    return [(row, name) for row, name in session.exec(query)]


REMOVED_ORGANISATION = N_("an organisation no longer in the register")
"""How a contact person's organisation is named when it was removed (in the interface
language where it is used)."""


def _kept_text(value: Any) -> str | None:
    """A text the audit log kept, or None for no text or one an erasure changed."""
    return value if isinstance(value, str) and erasure.MARKER not in value else None


def _removed_candidates(
    session: Session, org_query: str | None, current: Iterable[int]
) -> list[Candidate]:
    """The contact persons deleted without an erasure (`psi contact remove`, or with their
    organisation), as the audit log keeps them: their name, address and phone are there until
    `forget` erases them, so `forget` finds them by any of these too."""
    import json

    org_id = find_org(session, org_query).id if org_query else None
    names = audit.organisation_names(session)
    present = set(current)
    found: dict[int, Candidate] = {}
    texts = session.exec(
        select(AuditEntry.changes).where(col(AuditEntry.changes).contains('"table": "contact"'))
    )
    for text in texts:
        try:
            changes = json.loads(text)
        except ValueError:
            continue
        for change in changes if isinstance(changes, list) else ():
            if not isinstance(change, dict) or (change.get("action"), change.get("table")) != (
                "delete",
                Contact.__tablename__,
            ):
                continue
            key, values = change.get("id"), change.get("values")
            if not isinstance(key, int) or key in present or not isinstance(values, dict):
                continue  # an erasure's own entry keeps no values
            org = values.get("organisation_id")
            if org_id is not None and org != org_id:
                continue
            name, email, phone = (_kept_text(values.get(f)) for f in _IDENTITY)
            organisation = names.get(org) if isinstance(org, int) else None
            found[key] = Candidate(
                key, name or "", organisation or _(REMOVED_ORGANISATION), email, phone
            )
    return list(found.values())


def _erased(row: Contact, organisation: str) -> ErasedContact:
    return ErasedContact(stored_id(row), row.name, organisation, row.email, row.phone)


def _work(session: Session, who: str, org_query: str | None, also: Person) -> _Work:
    typed = clean(who)
    if looks_like_email(typed):
        normalise_email(typed)  # an address typed wrong is an error, not a search
    rows = _candidates(session, org_query)
    by_id = {row.id: (row, name) for row, name in rows}
    candidates = [
        Candidate(stored_id(row), row.name, name, row.email, row.phone) for row, name in rows
    ]
    removed = _removed_candidates(session, org_query, (c.id for c in candidates))
    picked = erasure.choose([*candidates, *removed], typed, known_emails=also.emails)
    chosen_ids = {c.id for c in picked}
    chosen = [by_id[i] for i in sorted(chosen_ids) if i in by_id]
    who_person = erasure.merge(erasure.candidate_person(picked), erasure.typed_person(typed), also)
    display = chosen[0][0].name if chosen else typed
    if org_query and not picked:
        # A contact at that organisation was asked for; mentions of the name elsewhere may
        # be somebody else's.
        return _Work(ErasurePlan(display, who_person, org_missed=True), [], [])
    namesakes = _namesakes(session, chosen_ids, who_person)
    scope = _Scope(
        who_person, frozenset(chosen_ids), frozenset(namesake.id for namesake in namesakes)
    )
    fields: list[FieldChange] = []
    updates: list[_Update] = []
    for cls in _tables():
        found = _scan(session, cls, scope)
        fields.extend(change for change, _update in found)
        updates.extend(update for _change, update in found)
    plan = ErasurePlan(
        display,
        who_person,
        tuple(_erased(row, name) for row, name in chosen),
        tuple(fields),
        tuple(namesakes),
        tuple(_links(session, chosen_ids)),
    )
    return _Work(plan, [row for row, _org in chosen], updates)


def _links(session: Session, contact_ids: set[int]) -> list[LinkChange]:
    """The rows of every table that refer to the contacts by a foreign key, and what the
    database does to them when the contacts go (ON DELETE CASCADE deletes them, SET NULL
    keeps them without the person); a table added later is found too."""
    if not contact_ids:
        return []
    found = []
    for cls in _tables():
        if cls is Contact:
            continue
        for attr in inspect(cls).column_attrs:
            column = attr.columns[0]
            for key in column.foreign_keys:
                if key.column.table.name != Contact.__tablename__:
                    continue
                count = session.exec(
                    select(func.count())
                    .select_from(cls)
                    .where(col(getattr(cls, attr.key)).in_(contact_ids))
                ).one()
                if count:
                    deleted = (key.ondelete or "").upper() == "CASCADE"
                    found.append(LinkChange(str(cls.__tablename__), int(count), deleted))
    return found


def au_years(session: Session, contact_id: int) -> list[int]:
    """The years in which the contact person sits on the AU (a removal leaves those seats
    with nobody named)."""
    rows = session.exec(select(AuSeat.year).where(AuSeat.contact_id == contact_id)).all()
    return sorted(set(rows))


def _namesakes(session: Session, chosen_ids: set[int], who: Person) -> list[ErasedContact]:
    """Other contact persons whose own name, address or phone is the erased person's."""
    namesakes = []
    for other, name in session.exec(select(Contact, Organisation.name).join(Organisation)):
        shares = tuple(f for f in _IDENTITY if erasure.mentions(getattr(other, f) or "", who))
        if other.id not in chosen_ids and shares:
            namesakes.append(replace(_erased(other, name), shares=shares))
    return namesakes


_CHUNK = 500
"""Rows read and tested together: most hold nothing of the person, and one test of their
joined text (at C speed) clears them all."""


def _chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@dataclass(frozen=True)
class _Scope:
    """Who is erased, and which contact rows go whole or are a namesake's and stay."""

    who: Person
    erased_ids: frozenset[int]
    protected: frozenset[int]

    @property
    def erased_rows(self) -> set[tuple[str, int]]:
        """(table, id) of the contact rows deleted whole."""
        return {(str(Contact.__tablename__), i) for i in self.erased_ids}

    @property
    def kept_rows(self) -> set[tuple[str, int]]:
        """(table, id) of the namesakes' contact rows, which are kept."""
        return {(str(Contact.__tablename__), i) for i in self.protected}


def _scan(
    session: Session, cls: type[SQLModel], scope: _Scope
) -> list[tuple[FieldChange, _Update]]:
    """Each text field of a table that mentions the person, and its new text."""
    columns = _text_columns(cls)
    if not columns:
        return []
    table = str(getattr(cls, "__tablename__", cls.__name__))
    keys = [attr.key for attr in inspect(cls).column_attrs if attr.columns[0].primary_key]
    names = [column for _attr, column, _length in columns]
    attributes = {column: (attribute, length) for attribute, column, length in columns}
    query = select(
        *(getattr(cls, name) for name in [*keys, *(a for a, _column, _length in columns)])
    )
    found: list[tuple[FieldChange, _Update]] = []
    for chunk in _chunks(session.exec(query)):
        if not _may_mention(cls, chunk, scope):
            continue
        for row in chunk:
            key, values = tuple(row[: len(keys)]), dict(zip(names, row[len(keys) :], strict=True))
            if cls is Contact and key[0] in scope.erased_ids:
                continue  # deleted whole
            for column, (new, count) in _row_changes(cls, key, values, scope).items():
                attribute, length = attributes[column]
                change = FieldChange(table, ",".join(str(part) for part in key), column, count)
                found.append((change, (cls, key, attribute, erasure.fit(new, length))))
    return found


def _may_mention(cls: type[SQLModel], chunk: list[Any], scope: _Scope) -> bool:
    """Whether any row of the chunk may mention the person (one test of the joined text)."""
    joined = "\x00".join(str(value) for row in chunk for value in row if value)
    if erasure.mentions(audit.json_unescaped(joined), scope.who):
        return True
    tables = {f'"{name}"' for name, _id in scope.erased_rows | scope.kept_rows}
    return cls is AuditEntry and any(name in joined for name in tables)


def _row_changes(
    cls: type[SQLModel], key: tuple[Any, ...], values: dict[str, Any], scope: _Scope
) -> dict[str, tuple[str, int]]:
    """The new text and count of mentions of each field of one row that mentions the person."""
    changed: dict[str, tuple[str, int]] = {}
    if cls is AuditEntry:
        # JSON, scrubbed value by value; what it says of the erased rows goes whole.
        changed = audit.scrub_entry(
            values["command"], values["changes"], scope.who, scope.erased_rows, scope.kept_rows
        )
    for column, value in values.items():
        if column in changed or (cls is AuditEntry and column in audit.ENTRY_TEXTS):
            continue
        if cls is Contact and key[0] in scope.protected and column in _IDENTITY:
            continue  # a namesake's own name, address or phone
        new, count = erasure.scrub(value or "", scope.who)
        if count:
            changed[column] = (new, count)
    return changed


def plan_erasure(
    session: Session, who: str, org_query: str | None = None, *, also: Person | None = None
) -> ErasurePlan:
    """What `psi contact forget` would erase: the contacts, and each field that mentions them.

    Conflict when the name is several people's (choose with --org or the e-mail address).
    """
    return _work(session, who, org_query, also or Person()).plan


def erase_person(
    session: Session,
    who: str,
    org_query: str | None = None,
    *,
    expected: ErasurePlan | None = None,
    also: Person | None = None,
) -> ErasurePlan:
    """`psi contact forget`: delete the contacts, replace every mention in every table, keep
    an anonymous count per organisation; all in the session's one transaction.

    With `expected` (the plan shown to the user), Conflict if the register changed since.
    """
    work = _work(session, who, org_query, also or Person())
    if expected is not None and not work.plan.same_changes(expected):
        raise Conflict(
            _(
                "The register changed since the list above was made; nothing was erased. "
                "Run the command again to see the new list."
            )
        )
    per_org = Counter(row.organisation_id for row in work.rows)
    today = date.today()
    for organisation_id, count in per_org.items():
        session.add(Erasure(erased_on=today, organisation_id=organisation_id, records=count))
    for row in work.rows:
        session.delete(row)
    for cls, key, attribute, value in work.updates:
        target = session.get(cls, key)
        assert target is not None
        setattr(target, attribute, value)
        session.add(target)
    session.flush()
    # This command's own audit entry must not keep what it erased either.
    session.info["audit_redact"] = work.plan.person
    return work.plan


# --- forget: the files ----------------------------------------------------------------------------


_READ = 8 * 1024 * 1024
_OVERLAP = 64 * 1024
"""A file is read in parts of _READ bytes, each starting _OVERLAP bytes before the last one
ended, so a mention across the border (far shorter than that) is read whole in one part."""


def _file_mentions(path: Path, who: Person) -> bool:
    """Whether a file's raw bytes hold the person, at any schema: read as UTF-8 text (with
    JSON's escapes written out, for the audit log), matched as in the register."""
    try:
        with path.open("rb") as file:
            tail = b""
            while part := file.read(_READ):
                text = (tail + part).decode("utf-8", "replace")
                if erasure.mentions(audit.json_unescaped(text), who):
                    return True
                tail = part[-_OVERLAP:]
    except FileNotFoundError:
        return False
    except OSError:
        return True  # a file psi cannot read may still hold them: never claim it is clean
    return False


def _sqlite_files(path: Path) -> list[Path]:
    """A SQLite database file and its write-ahead log (and rollback journal), where present."""
    return [
        part
        for part in (path, *(path.with_name(path.name + end) for end in ("-wal", "-journal")))
        if part.exists()
    ]


def files_holding(location: DbLocation, who: Person) -> list[Path]:
    """The database's files whose bytes still hold the person (none for a server)."""
    if location.path is None or not who.values:
        return []
    return [part for part in _sqlite_files(location.path) if _file_mentions(part, who)]


@dataclass(frozen=True)
class FileCheck:
    """What an erasure left in a SQLite file and its WAL, after emptying the WAL."""

    path: Path | None
    wal_emptied: bool = True
    vacuumed: bool = False
    holding: tuple[Path, ...] = ()

    @property
    def wal(self) -> Path | None:
        """The file's write-ahead log."""
        return None if self.path is None else self.path.with_name(self.path.name + "-wal")

    @property
    def clean(self) -> bool:
        """True when neither the file nor its WAL holds the person."""
        return self.wal_emptied and not self.holding


def clean_files(location: DbLocation, who: Person) -> FileCheck:
    """After an erasure: empty the WAL, then read the file's bytes; if they still hold the
    person (a free page written without secure_delete), rebuild the file and look again."""
    if location.path is None:
        return FileCheck(None)
    emptied = storage.flush_wal(location)
    holding = files_holding(location, who)
    if holding and emptied and storage.vacuum(location):
        emptied = storage.flush_wal(location)
        return FileCheck(location.path, emptied, True, tuple(files_holding(location, who)))
    return FileCheck(location.path, emptied, False, tuple(holding))


def backups_holding(location: DbLocation, who: Person) -> list[Path]:
    """psi's backups of this database whose bytes (or their WAL's) hold the person."""
    if not who.values:
        return []
    return [
        path
        for path in storage.own_backups(location)
        if any(_file_mentions(part, who) for part in _sqlite_files(path))
    ]


@dataclass(frozen=True)
class Survey:
    """What `psi contact forget` finds before it asks: the plan, and the backups holding them."""

    plan: ErasurePlan
    backups: tuple[Path, ...]


def survey(
    session: Session,
    location: DbLocation,
    who: str,
    org_query: str | None = None,
    *,
    include_backups: bool = False,
) -> Survey:
    """The erasure's plan and psi's backups that hold the person; NotFound when nothing
    (the register, its files, psi's backups) holds them.

    With --org and no such contact there (erased before), only backups are searched, and
    only when asked to erase them: the name may be someone else's elsewhere.
    """
    plan = plan_erasure(session, who, org_query)
    if plan.org_missed:
        held = tuple(backups_holding(location, plan.person)) if include_backups else ()
        if not held:
            org = find_org(session, org_query or "").name
            raise NotFound(
                _(
                    "No contact person at {organisation} is called or has the address '{who}'; "
                    "see `psi contact list` (to erase them from psi's backups, add "
                    "--include-backups)."
                ).format(organisation=org, who=clean(who))
            )
        return Survey(plan, held)
    held = tuple(backups_holding(location, plan.searched))
    if plan.is_empty and not held and not files_holding(location, plan.searched):
        raise NotFound(
            _(
                "No contact person is called or has the address '{who}', and nothing in "
                "the register, its file or psi's backups mentions it; see `psi contact list`."
            ).format(who=clean(who))
        )
    return Survey(plan, held)


@dataclass(frozen=True)
class BackupErasure:
    """What erasing the person from one backup file did."""

    path: Path
    plan: ErasurePlan | None = None
    check: FileCheck | None = None
    problem: str | None = None

    @property
    def clean(self) -> bool:
        """True when the backup was erased and no longer holds the person."""
        return self.problem is None and self.check is not None and self.check.clean


def erase_from_backup(
    path: Path, who: str, org_query: str | None, also: Person, command: str
) -> BackupErasure:
    """Erase the person from one of psi's backup files (opened without backing it up again),
    empty its WAL, and read its bytes again."""
    where = DbLocation(url=f"sqlite:///{path}", path=path)
    try:
        with storage.transaction(where, command=command, backup_first=False) as session:
            plan = erase_person(session, who, org_query, also=also)
        return BackupErasure(path, plan, clean_files(where, plan.searched))
    except PsiError as exc:
        return BackupErasure(path, problem=exc.message)
    except (OSError, sqlite3.Error) as exc:
        # The register itself is already erased: one backup's trouble is reported with the
        # rest, never as a crash that hides what was done.
        return BackupErasure(path, problem=str(exc))


def erase_from_backups(
    paths: Iterable[Path],
    who: str,
    org_query: str | None,
    also: Person,
    command: str,
) -> list[BackupErasure]:
    """Erase the person from each backup file in turn."""
    return [erase_from_backup(path, who, org_query, also, command) for path in paths]
