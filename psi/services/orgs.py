"""The organisation register: add, find, list, show, edit, join, leave and remove."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from psi.domain import organisation as rules
from psi.domain.membership import status_on
from psi.domain.municipality import resolve_municipality, stored_municipality
from psi.domain.names import Named, find_named
from psi.domain.organisation import OrgFields, OrgInput, Sector, Status, parse_status_filter
from psi.domain.orgnr import normalise_orgnr, orgnr_group
from psi.domain.rotation import Role
from psi.domain.spreadsheet import EXTRA_CELLS, CsvRow, Table
from psi.domain.text import casefold_key, swedish_sort_key
from psi.errors import Conflict, InvalidInput, NotFound, PsiError
from psi.models import Attendance, Contact, CoordinatorTerm, Erasure, Organisation
from psi.services import stored_id
from psi.services.views import json_as
from psi.words import _, ngettext


@dataclass(frozen=True)
class OrgView:
    """An organisation as commands print it."""

    id: int
    name: str
    short: str | None
    sector: Sector
    status: Status
    orgnr: str | None
    municipality: str | None
    municipality_code: str | None
    joined: date | None
    left: date | None
    website: str | None
    note: str | None
    orgnr_group: str | None = field(init=False)
    """The kind of legal entity the organisationsnummer's first digit says."""

    def __post_init__(self) -> None:
        group = orgnr_group(self.orgnr) if self.orgnr else None
        object.__setattr__(self, "orgnr_group", group)

    @property
    def municipality_label(self) -> str:
        """The municipality as shown in tables, marked when outside the län."""
        place = stored_municipality(self.municipality, self.municipality_code)
        return "" if place is None else place.label


@dataclass(frozen=True)
class ContactView:
    """A contact person as commands print it."""

    id: int
    organisation: str
    name: str
    email: str | None
    phone: str | None
    role: str | None
    no_mail: bool = False
    """The person asked not to be mailed: psi never addresses them."""


@dataclass(frozen=True)
class OrgDetail:
    """Everything `psi org show` tells about one organisation."""

    org: OrgView = field(metadata=json_as(flatten=True))
    contacts: list[ContactView] = field(default_factory=list)
    erased_contacts: int = 0
    coordinated: list[tuple[int, Role]] = field(
        default_factory=list, metadata=json_as(items=("year", "role"))
    )
    meetings_attended: int = 0


def view_of(row: Organisation, today: date | None = None) -> OrgView:
    """The printable view of a stored organisation; with `today`, its status on that day (a
    former member is still a member up to its left date)."""
    return OrgView(
        id=stored_id(row),
        name=row.name,
        short=row.short,
        sector=Sector(row.sector),
        status=Status(row.status if today is None else status_on(row, today)),
        orgnr=row.orgnr,
        municipality=row.municipality,
        municipality_code=row.municipality_code,
        joined=row.joined_on,
        left=row.left_on,
        website=row.website,
        note=row.note,
    )


def fields_of(row: Organisation) -> OrgFields:
    """The checked values a stored organisation holds."""
    return OrgFields(
        name=row.name,
        sector=Sector(row.sector),
        status=Status(row.status),
        short=row.short,
        orgnr=row.orgnr,
        municipality=stored_municipality(row.municipality, row.municipality_code),
        joined_on=row.joined_on,
        left_on=row.left_on,
        website=row.website,
        note=row.note,
    )


def _store(row: Organisation, fields: OrgFields) -> None:
    row.name = fields.name
    row.name_key = casefold_key(fields.name)
    row.short = fields.short
    row.short_key = casefold_key(fields.short) if fields.short else None
    row.orgnr = fields.orgnr
    row.sector = fields.sector.value
    row.municipality = fields.municipality.name if fields.municipality else None
    row.municipality_code = fields.municipality.code if fields.municipality else None
    row.status = fields.status.value
    row.joined_on = fields.joined_on
    row.left_on = fields.left_on
    row.website = fields.website
    row.note = fields.note
    row.updated_at = datetime.now(UTC)


def _check_unique(session: Session, fields: OrgFields, exclude_id: int | None = None) -> None:
    keys = [casefold_key(fields.name)] + ([casefold_key(fields.short)] if fields.short else [])
    query = select(Organisation).where(
        or_(col(Organisation.name_key).in_(keys), col(Organisation.short_key).in_(keys))
    )
    for other in session.exec(query):
        if other.id == exclude_id:
            continue
        raise Conflict(
            _(
                "'{name}' is already in the register with that name or short name; "
                "choose another, or change it with `psi org edit`."
            ).format(name=other.name)
        )
    if fields.orgnr:
        holder = session.exec(
            select(Organisation).where(Organisation.orgnr == fields.orgnr)
        ).first()
        if holder is not None and holder.id != exclude_id:
            raise Conflict(
                _("The organisationsnummer {number} already belongs to '{name}'.").format(
                    number=fields.orgnr, name=holder.name
                )
            )


def create_org(session: Session, fields: OrgFields) -> Organisation:
    """Store a new organisation after checking that its names and number are free."""
    _check_unique(session, fields)
    now = datetime.now(UTC)
    row = Organisation(name="", name_key="", sector="", status="", created_at=now, updated_at=now)
    _store(row, fields)
    session.add(row)
    session.flush()
    return row


def add_org(session: Session, raw: OrgInput) -> OrgView:
    """`psi org add`: check the typed fields and store a new organisation."""
    fields = rules.check_org(raw)
    if fields.status not in rules.ADDABLE_STATUSES:
        raise InvalidInput(
            _(
                "A new organisation is a member, prospect or partner; "
                "record leaving later with `psi org leave`."
            )
        )
    return view_of(create_org(session, fields))


def _named_rows(session: Session) -> list[Named]:
    rows = session.exec(select(Organisation.id, Organisation.name, Organisation.short)).all()
    return [Named(id=row[0] or 0, name=row[1], short=row[2]) for row in rows]


def find_org(session: Session, query: str) -> Organisation:
    """The one organisation a typed name means, or NotFound listing the closest names."""
    lookup = find_named(query, _named_rows(session))
    if lookup.found is not None:
        row = session.get(Organisation, lookup.found.id)
        assert row is not None
        return row
    if lookup.ambiguous:
        names = "; ".join(item.label for item in lookup.ambiguous[:6])
        more = len(lookup.ambiguous) - 6
        if more > 0:
            raise NotFound(
                _(
                    "'{query}' matches several organisations: {names} and {more} more. "
                    "Type more of the name."
                ).format(query=query, names=names, more=more)
            )
        raise NotFound(
            _("'{query}' matches several organisations: {names}. Type more of the name.").format(
                query=query, names=names
            )
        )
    if lookup.suggestions:
        raise NotFound(
            _(
                "No organisation matches '{query}'. Did you mean: {names}? "
                "See `psi org list --status all`."
            ).format(query=query, names="; ".join(item.label for item in lookup.suggestions))
        )
    raise NotFound(
        _("No organisation matches '{query}'. See `psi org list --status all`.").format(query=query)
    )


def _matches(status: str, wanted: str) -> bool:
    if wanted == "all":
        return True
    if wanted == "active":
        return status != Status.FORMER
    return status == rules.parse_status(wanted)


def list_orgs(
    session: Session,
    *,
    sector: str | None = None,
    municipality: str | None = None,
    status: str = "active",
    today: date | None = None,
) -> list[OrgView]:
    """`psi org list`: the register with each status as of today, filtered on it, in Swedish
    alphabetical order."""
    wanted = parse_status_filter(status)
    day = today or date.today()
    query = select(Organisation)
    if sector:
        query = query.where(Organisation.sector == rules.parse_sector(sector).value)
    if municipality:
        place = resolve_municipality(municipality)
        query = query.where(
            Organisation.municipality_code == place.code
            if place.code
            else Organisation.municipality == place.name
        )
    views = [view_of(row, day) for row in session.exec(query).all()]
    chosen = [view for view in views if _matches(view.status, wanted)]
    return sorted(chosen, key=lambda view: swedish_sort_key(view.name))


def members_on(session: Session, day: date) -> list[OrgView]:
    """The organisations that were members on a day (`psi report members`), in Swedish order."""
    from psi.domain.membership import Membership, member_on

    orgs = list_orgs(session, status="all")
    return [o for o in orgs if member_on(Membership(o.status, o.joined, o.left), day)]


def contacts_of(session: Session, org: Organisation) -> list[ContactView]:
    """The contact persons of one organisation, by name."""
    rows = session.exec(select(Contact).where(Contact.organisation_id == org.id)).all()
    views = [contact_view(row, org.name) for row in rows]
    return sorted(views, key=lambda view: swedish_sort_key(view.name))


def contact_view(row: Contact, organisation: str) -> ContactView:
    """The printable view of a stored contact person."""
    return ContactView(
        stored_id(row), organisation, row.name, row.email, row.phone, row.role, bool(row.no_mail)
    )


def show_org(session: Session, query: str, today: date | None = None) -> OrgDetail:
    """`psi org show`: one organisation, its status as of today, its contact persons and
    coordinator years."""
    org = find_org(session, query)
    erased = session.exec(
        select(func.coalesce(func.sum(Erasure.records), 0)).where(Erasure.organisation_id == org.id)
    ).one()
    terms = session.exec(
        select(CoordinatorTerm.year, CoordinatorTerm.role)
        .where(CoordinatorTerm.organisation_id == org.id)
        .order_by(col(CoordinatorTerm.year))
    ).all()
    attended = session.exec(
        select(func.count()).select_from(Attendance).where(Attendance.organisation_id == org.id)
    ).one()
    return OrgDetail(
        meetings_attended=int(attended),
        org=view_of(org, today or date.today()),
        contacts=contacts_of(session, org),
        erased_contacts=int(erased),
        coordinated=[(year, Role(role)) for year, role in terms],
    )


EDITABLE = (
    "name",
    "short",
    "sector",
    "status",
    "orgnr",
    "municipality",
    "joined",
    "left",
    "website",
    "note",
)


def input_of(view: OrgView) -> OrgInput:
    """An organisation as it would be typed: the inverse of `check_org`, used by edit and export."""
    municipality = None
    if view.municipality is not None:
        municipality = view.municipality if view.municipality_code else f"other:{view.municipality}"
    return OrgInput(
        name=view.name,
        sector=view.sector.value,
        # A view may show a former member as still a member until its left date; as typed,
        # an organisation with a left date is former (check_org allows nothing else).
        status=Status.FORMER.value if view.left is not None else view.status.value,
        short=view.short,
        orgnr=view.orgnr,
        municipality=municipality,
        joined=view.joined.isoformat() if view.joined else None,
        left=view.left.isoformat() if view.left else None,
        website=view.website,
        note=view.note,
    )


def edit_org(session: Session, query: str, changes: dict[str, str]) -> tuple[OrgView, list[str]]:
    """`psi org edit`: change the given fields (an empty value clears an optional one)."""
    row = find_org(session, query)
    if not changes:
        raise InvalidInput(
            _("Nothing to change: give at least one option, e.g. --website www.example.se.")
        )
    before = fields_of(row)
    fields = rules.check_org(replace(input_of(view_of(row)), **changes))
    if fields.status is Status.FORMER and before.status is not Status.FORMER:
        raise InvalidInput(
            _("Use `psi org leave NAME --on DATE` to record that an organisation left.")
        )
    _check_unique(session, fields, exclude_id=row.id)
    changed = [name for name in EDITABLE if _differs(before, fields, name)]
    if changed:
        _store(row, fields)
        session.add(row)
        session.flush()
    return view_of(row), changed


_FIELD_OF = {"joined": "joined_on", "left": "left_on"}


def _differs(before: OrgFields, after: OrgFields, name: str) -> bool:
    attribute = _FIELD_OF.get(name, name)
    return bool(getattr(before, attribute) != getattr(after, attribute))


def join_org(session: Session, query: str, on: date) -> OrgView:
    """`psi org join`: a prospect, partner or former member becomes a member."""
    row = find_org(session, query)
    _store(row, rules.join(fields_of(row), on))
    session.add(row)
    session.flush()
    return view_of(row)


def leave_org(session: Session, query: str, on: date) -> OrgView:
    """`psi org leave`: the organisation becomes a former member; its history stays."""
    row = find_org(session, query)
    _store(row, rules.leave(fields_of(row), on))
    session.add(row)
    session.flush()
    return view_of(row)


def remove_org(session: Session, query: str) -> OrgView:
    """`psi org remove`: delete an entry made by mistake, never one that anything refers to."""
    row = find_org(session, query)
    view = view_of(row)
    session.delete(row)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(
            _(
                "{name} has contact persons or history, so it is never deleted; "
                'use `psi org leave "{name}"` instead.'
            ).format(name=view.name)
        ) from None
    return view


@dataclass(frozen=True)
class RowUpdate:
    """What one row of a file changes: an organisation's fields, or a new organisation."""

    line: int
    name: str
    """The organisation's name in the register (a new one's name from the file)."""
    changes: tuple[rules.FieldChange, ...] = ()
    added: OrgFields | None = None


@dataclass(frozen=True)
class UpdateResult:
    """What `psi org import --update` changed, or would change with --dry-run."""

    updates: list[RowUpdate]
    unchanged: int
    dry_run: bool
    row_word: str = "line"
    """What a row of the file is called in messages: "line" (CSV) or "object" (JSON)."""

    @property
    def changed(self) -> int:
        """How many organisations already in the register change."""
        return sum(1 for update in self.updates if update.added is None)

    @property
    def added(self) -> int:
        """How many organisations are added."""
        return sum(1 for update in self.updates if update.added is not None)


@dataclass
class _Planned:
    line: int
    fields: OrgFields
    row: Organisation | None  # None for a new organisation
    changes: tuple[rules.FieldChange, ...]


def _read_table(path: Path) -> tuple[Table, str]:
    """The file's rows: JSON when it ends in .json (as `--format json` exports), else CSV."""
    from psi.domain.spreadsheet import read_json_table, read_table
    from psi.services.register_file import ALIASES, read_text

    text = read_text(path)
    if path.suffix.casefold() == ".json":
        return read_json_table(text, ALIASES, required=("name",), name=path.name), "object"
    return read_table(text, ALIASES, required=("name",), name=path.name), "line"


def _at_row(word: str, line: int, problem: str) -> str:
    """A row's problem after where it is: `line 3: ...` (CSV) or `object 3: ...` (JSON)."""
    if word == "object":
        return _("object {line}: {problem}").format(line=line, problem=problem)
    return _("line {line}: {problem}").format(line=line, problem=problem)


def _at_cells(word: str, line: int, titles: list[str], problem: str) -> str:
    """A row's problem after where it is and the columns it is in, each as the file's own
    header names it: `line 3, column Sektor: ...`."""
    columns = ", ".join(titles)
    if word == "object":
        message = ngettext(
            "object {line}, column {columns}: {problem}",
            "object {line}, columns {columns}: {problem}",
            len(titles),
        )
    else:
        message = ngettext(
            "line {line}, column {columns}: {problem}",
            "line {line}, columns {columns}: {problem}",
            len(titles),
        )
    return message.format(line=line, columns=columns, problem=problem)


def _row_problem(word: str, line: int, table: Table, exc: PsiError) -> str:
    message = str(exc).rstrip(".")
    if isinstance(exc, rules.FieldProblem):
        titles = [table.columns.get(column, column) for column in exc.columns]
        return _at_cells(word, line, titles, message)
    return _at_row(word, line, message)


def _no_match(name: str, orgnr: str | None, rows: list[Organisation]) -> str:
    from psi.domain.names import closest

    named = [Named(id=row.id or 0, name=row.name, short=row.short) for row in rows]
    near = closest(name, named) if name.strip() else ()
    names = "; ".join(item.name for item in near)
    if orgnr and near:
        message = _(
            "no organisation in the register has the name '{name}' or the organisationsnummer "
            "{number} (did you mean {names}?); correct the name, or give --add-new to add it "
            "as a new organisation"
        )
    elif orgnr:
        message = _(
            "no organisation in the register has the name '{name}' or the organisationsnummer "
            "{number}; correct the name, or give --add-new to add it as a new organisation"
        )
    elif near:
        message = _(
            "no organisation in the register has the name '{name}' (did you mean {names}?); "
            "correct the name, or give --add-new to add it as a new organisation"
        )
    else:
        message = _(
            "no organisation in the register has the name '{name}'; correct the name, "
            "or give --add-new to add it as a new organisation"
        )
    return message.format(name=name, number=orgnr, names=names)


def _plan_row(
    csv_row: CsvRow,
    table: Table,
    registered: list[Organisation],
    *,
    add_new: bool,
) -> _Planned:
    """A row matched to its organisation (by organisationsnummer, else by name) and checked."""
    cells = {column: csv_row.cells.get(column, "") for column in table.columns}
    if csv_row.extra_cells:
        raise InvalidInput(_(EXTRA_CELLS))
    orgnr_cell = (cells.get("orgnr") or "").strip()
    try:
        orgnr = normalise_orgnr(orgnr_cell) if orgnr_cell else None
    except InvalidInput as exc:
        raise rules.FieldProblem(exc.message, ("orgnr",)) from None
    name = cells.get("name", "")
    match = next((row for row in registered if orgnr and row.orgnr == orgnr), None)
    if match is None:
        key = casefold_key(name)
        match = next((row for row in registered if row.name_key == key), None)
    if match is None:
        if not add_new:
            raise InvalidInput(_no_match(name, orgnr, registered))
        if "sector" not in cells:
            raise rules.FieldProblem(_("a new organisation needs its sector"), ("sector",))
        return _Planned(csv_row.line, rules.check_org(rules.input_from_cells(cells)), None, ())
    base = input_of(view_of(match))
    after = rules.check_org(rules.input_from_cells(cells, base))
    return _Planned(csv_row.line, after, match, rules.diff_org(fields_of(match), after))


def _unique_problems(
    planned: list[_Planned], registered: list[Organisation], table: Table, word: str
) -> list[str]:
    """Names, short names and organisationsnummer that two organisations would share once the
    file is applied; each blamed on the (later) row of the file that gives it."""
    changing = {stored_id(p.row) for p in planned if p.row is not None and p.changes}
    # Who holds a name or number: an organisation in the register (its name), or a new row
    # of the file (its line).
    names: dict[str, str | int] = {}
    numbers: dict[str, str | int] = {}
    for row in registered:
        if stored_id(row) in changing:
            continue
        for key in (row.name_key, row.short_key):
            if key:
                names[key] = row.name
        if row.orgnr:
            numbers[row.orgnr] = row.name
    problems: list[str] = []
    for item in planned:
        if item.row is not None and not item.changes:
            continue
        owner: str | int = item.line if item.row is None else item.row.name
        given = {casefold_key(item.fields.name): ("name", item.fields.name)}
        if item.fields.short:
            given.setdefault(casefold_key(item.fields.short), ("short", item.fields.short))
        for key, (column, text) in given.items():
            if names.get(key, owner) != owner:
                problem = _name_taken(text, names[key], word)
                title = table.columns.get(column, column)
                problems.append(_at_cells(word, item.line, [title], problem))
            names.setdefault(key, owner)
        number = item.fields.orgnr
        if number:
            if numbers.get(number, owner) != owner:
                problem = _number_taken(number, numbers[number], word)
                title = table.columns.get("orgnr", "orgnr")
                problems.append(_at_cells(word, item.line, [title], problem))
            numbers.setdefault(number, owner)
    return problems


def _name_taken(text: str, holder: str | int, word: str) -> str:
    """That a name is taken by an organisation (`holder` its name) or a new row (its line)."""
    if isinstance(holder, str):
        message = _("'{text}' is already the name or short name of '{name}'")
    elif word == "object":
        message = _("'{text}' is already the name or short name of the new row on object {line}")
    else:
        message = _("'{text}' is already the name or short name of the new row on line {line}")
    return message.format(text=text, name=holder, line=holder)


def _number_taken(number: str, holder: str | int, word: str) -> str:
    """That an organisationsnummer is taken by an organisation or a new row of the file."""
    if isinstance(holder, str):
        message = _("{number} is already the organisationsnummer of '{name}'")
    elif word == "object":
        message = _("{number} is already the organisationsnummer of the new row on object {line}")
    else:
        message = _("{number} is already the organisationsnummer of the new row on line {line}")
    return message.format(number=number, name=holder, line=holder)


def _stored_keys(fields: OrgFields) -> set[tuple[str, str]]:
    keys = {("name", casefold_key(fields.name))}
    if fields.short:
        keys.add(("short", casefold_key(fields.short)))
    if fields.orgnr:
        keys.add(("orgnr", fields.orgnr))
    return keys


def _in_order(changed: list[_Planned], word: str) -> list[_Planned]:
    """The updates in an order the database's unique columns allow, one at a time: a row
    that takes a name (or number) another row gives up comes after that row."""
    pending = list(changed)
    ordered: list[_Planned] = []
    while pending:
        held = {p.line: _stored_keys(fields_of(p.row)) for p in pending if p.row is not None}
        ready = [
            p
            for p in pending
            if not any(
                _stored_keys(p.fields) & keys for line, keys in held.items() if line != p.line
            )
        ]
        if not ready:
            lines = ", ".join(str(p.line) for p in pending)
            message = (
                _(
                    "The rows on objects {lines} swap names or numbers between organisations, "
                    "which cannot be done at once; give one of them a new name first, import, "
                    "then import the file again."
                )
                if word == "object"
                else _(
                    "The rows on lines {lines} swap names or numbers between organisations, "
                    "which cannot be done at once; give one of them a new name first, import, "
                    "then import the file again."
                )
            )
            raise Conflict(message.format(lines=lines))
        ordered += ready
        pending = [p for p in pending if p not in ready]
    return ordered


def update_register(
    session: Session,
    path: Path,
    *,
    add_new: bool = False,
    dry_run: bool = False,
) -> UpdateResult:
    """`psi org import --update`: correct the register from a file, all rows or none. Each row
    is matched to an organisation by organisationsnummer, else by name; a column the file
    leaves out is kept, an empty cell clears its field."""
    table, word = _read_table(path)
    registered = list(session.exec(select(Organisation)).all())
    planned: list[_Planned] = []
    bad: list[str] = []
    seen: dict[int, int] = {}
    for csv_row in table.rows:
        try:
            item = _plan_row(csv_row, table, registered, add_new=add_new)
        except PsiError as exc:
            bad.append(_row_problem(word, csv_row.line, table, exc))
            continue
        if item.row is not None:
            other = seen.setdefault(stored_id(item.row), csv_row.line)
            if other != csv_row.line:
                again = (
                    _("it is '{name}' again, as on object {other}")
                    if word == "object"
                    else _("it is '{name}' again, as on line {other}")
                ).format(name=item.row.name, other=other)
                bad.append(_at_row(word, csv_row.line, again))
                continue
        planned.append(item)
    if not bad:
        bad = _unique_problems(planned, registered, table, word)
    if bad:
        # The English keeps "rows ... are bad" for one row too (tests/cli/test_org_update).
        raise InvalidInput(
            ngettext(
                "{bad} of {total} rows in {file} are bad; nothing was changed. "
                "Fix these rows and import again:",
                "{bad} of {total} rows in {file} are bad; nothing was changed. "
                "Fix these rows and import again:",
                len(table.rows),
            ).format(bad=len(bad), total=len(table.rows), file=path.name),
            details=tuple(bad),
        )
    changed = [p for p in planned if p.row is not None and p.changes]
    added = [p for p in planned if p.row is None]
    updates = [RowUpdate(p.line, p.row.name, p.changes) for p in changed if p.row is not None]
    updates += [RowUpdate(p.line, p.fields.name, added=p.fields) for p in added]
    if not dry_run:
        for item in _in_order(changed, word):
            assert item.row is not None
            _store(item.row, item.fields)
            session.add(item.row)
            session.flush()
        for item in added:
            create_org(session, item.fields)
    else:
        _in_order(changed, word)  # a swap is refused by a dry run too
    unchanged = sum(1 for p in planned if p.row is not None and not p.changes)
    return UpdateResult(updates, unchanged, dry_run, word)
