"""The budget: the committee's grant, its split, spending, co-funding and the year's status."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, select

from psi.domain import budget as rules
from psi.domain.budget import BudgetAlert, Burn, Category, Funding
from psi.domain.dates import parse_date
from psi.domain.money import format_amount, parse_positive_amount
from psi.domain.organisation import check_note
from psi.domain.text import check_line, fold, swedish_sort_key
from psi.errors import Conflict, InvalidInput, NotFound, PsiError, RuleViolation
from psi.models import Allocation, CoFunding, CoordinatorTerm, Expense, Grant, Meeting, Organisation
from psi.services import get_or_missing, stored_id
from psi.services.orgs import find_org
from psi.services.views import json_as
from psi.words import N_, NC_, _, ngettext


def set_grant(
    session: Session,
    year: int,
    amount: int,
    *,
    source: str = rules.DEFAULT_SOURCE,
    decided_on: date | None = None,
    decision_ref: str | None = None,
) -> tuple[Grant, bool]:
    """`psi budget grant`: record (or correct) the year's grant from a source."""
    name = check_line(source, what=NC_("what", "source"))
    row = session.exec(select(Grant).where(Grant.year == year, Grant.source == name)).first()
    created = row is None
    if row is None:
        row = Grant(year=year, amount_ore=amount, source=name)
    row.amount_ore = amount
    row.decided_on = decided_on or row.decided_on
    if decision_ref:
        row.decision_ref = check_line(decision_ref, what=NC_("what", "decision reference"))
    session.add(row)
    session.flush()
    return row, created


def grant_total(session: Session, year: int) -> int:
    """All grants for a year, in öre."""
    total = session.exec(
        select(func.coalesce(func.sum(Grant.amount_ore), 0)).where(Grant.year == year)
    ).one()
    return int(total)


def allocation_excess(session: Session, year: int) -> int:
    """How much the year's allocations exceed its grants, in öre (0 when within)."""
    return rules.over_allocation(grant_total(session, year), _allocations(session, year))


def coordinators_in(session: Session, year: int) -> dict[int, str]:
    """The organisations that coordinate in a year, by id."""
    rows = session.exec(
        select(Organisation.id, Organisation.name)
        .join(CoordinatorTerm, col(CoordinatorTerm.organisation_id) == col(Organisation.id))
        .where(CoordinatorTerm.year == year)
    ).all()
    return {
        org_id or 0: name for org_id, name in sorted(rows, key=lambda row: swedish_sort_key(row[1]))
    }


_NOT_COORDINATOR = {
    "allocation": N_(
        "{name} is not a coordinator in {year}, so it cannot receive an allocation; "
        "see `psi coordinators` (or record the year with `psi rotate {year} --appoint ORG`)."
    ),
    "expense": N_(
        "{name} is not a coordinator in {year}, so it cannot have expenses from the grant; "
        "see `psi coordinators` (or record the year with `psi rotate {year} --appoint ORG`)."
    ),
}


def _require_coordinator(session: Session, org: Organisation, year: int, what: str) -> None:
    """RuleViolation unless the organisation coordinates in the year (`what` it would get:
    an "allocation" or an "expense")."""
    if org.id not in coordinators_in(session, year):
        raise RuleViolation(_(_NOT_COORDINATOR[what]).format(name=org.name, year=year))


def _allocations(session: Session, year: int) -> dict[int, int]:
    rows = session.exec(select(Allocation).where(Allocation.year == year)).all()
    return {row.organisation_id: row.amount_ore for row in rows}


def allocate(
    session: Session,
    year: int,
    shares: dict[str, int] | None,
    *,
    even: bool = False,
    force: bool = False,
    reason: str | None = None,
) -> dict[str, int]:
    """`psi budget allocate`: give coordinators their share, or split the grant evenly."""
    if force and not (reason and reason.strip()):
        raise InvalidInput(
            _("--force needs --reason TEXT: the reason is kept and shown in reports.")
        )
    grant = grant_total(session, year)
    coordinators = coordinators_in(session, year)
    wanted: dict[int, int] = {}
    if even:
        if not grant:
            raise RuleViolation(
                _(
                    "{year} has no grant to split; record it first: psi budget grant {year} 200000."
                ).format(year=year)
            )
        if not coordinators:
            raise RuleViolation(
                _(
                    "{year} has no coordinators to split the grant between; see `psi coordinators`."
                ).format(year=year)
            )
        wanted = dict(zip(coordinators, rules.even_split(grant, len(coordinators)), strict=True))
    for query, amount in (shares or {}).items():
        org = find_org(session, query)
        _require_coordinator(session, org, year, "allocation")
        wanted[stored_id(org)] = amount
    merged = {**_allocations(session, year), **wanted}
    over = rules.over_allocation(grant, merged)
    if over and not force:
        raise RuleViolation(
            _(
                "The allocations would exceed {year}'s grant of {grant} by {over}; "
                "lower them, or add --force --reason TEXT."
            ).format(year=year, grant=format_amount(grant), over=format_amount(over))
        )
    for org_id, amount in wanted.items():
        row = session.exec(
            select(Allocation).where(Allocation.year == year, Allocation.organisation_id == org_id)
        ).first() or Allocation(year=year, organisation_id=org_id, amount_ore=amount)
        row.amount_ore = amount
        row.override_reason = reason.strip() if over and reason else None
        session.add(row)
    session.flush()
    names = dict(session.exec(select(Organisation.id, Organisation.name)).all())
    return {names[org_id]: amount for org_id, amount in wanted.items()}


@dataclass(frozen=True)
class ExpenseView:
    """An expense as commands print it."""

    id: int
    day: date = field(metadata=json_as("date"))
    organisation: str
    amount: int = field(metadata=json_as(money=True))
    category: Category
    note: str | None
    meeting_id: int | None


def _expense_view(row: Expense, organisation: str) -> ExpenseView:
    return ExpenseView(
        stored_id(row),
        row.spent_on,
        organisation,
        row.amount_ore,
        Category(row.category),
        row.note,
        row.meeting_id,
    )


def spend(
    session: Session,
    org_query: str,
    amount: int,
    *,
    on: date,
    category: Category,
    note: str | None = None,
    meeting_id: int | None = None,
) -> ExpenseView:
    """`psi budget spend`: an expense by a coordinator of that year."""
    org = find_org(session, org_query)
    row = Expense(
        spent_on=on, organisation_id=stored_id(org), amount_ore=amount, category=category.value
    )
    _fill_expense(session, row, org, amount, on, category, note, meeting_id)
    session.add(row)
    session.flush()
    return _expense_view(row, org.name)


def _fill_expense(
    session: Session,
    row: Expense,
    org: Organisation,
    amount: int,
    on: date,
    category: Category,
    note: str | None,
    meeting_id: int | None,
) -> None:
    """Check an expense's values as `spend` does (a coordinator of that year, a meeting that
    exists, a note that is text) and put them in the row: one check for spend and edit."""
    _require_coordinator(session, org, on.year, "expense")
    if meeting_id is not None and session.get(Meeting, meeting_id) is None:
        raise NotFound(
            _("There is no meeting {number}; see `psi meeting list`.").format(number=meeting_id)
        )
    row.spent_on = on
    row.organisation_id = stored_id(org)
    row.amount_ore = amount
    row.category = category.value
    row.note = (check_note(note) or None) if note else None
    row.meeting_id = meeting_id


def _expense_facts(row: Expense) -> rules.ExpenseFacts:
    return rules.ExpenseFacts(
        organisation_id=row.organisation_id,
        amount=row.amount_ore,
        spent_on=row.spent_on,
        category=Category(row.category),
        note=row.note,
        meeting_id=row.meeting_id,
    )


@dataclass(frozen=True)
class ExpenseEdit:
    """What `psi budget edit-expense` changed (in words), and the expense as it now is."""

    expense: ExpenseView
    changed: list[str]


def edit_expense(
    session: Session,
    expense_id: int,
    *,
    org_query: str | None = None,
    amount: int | None = None,
    on: date | None = None,
    category: Category | None = None,
    note: str | None = None,
    meeting: str | None = None,
) -> ExpenseEdit:
    """`psi budget edit-expense`: correct an expense's organisation, amount, date, category,
    note or meeting, checked as `spend` checks a new one; None keeps a field, and "" clears the
    note or the meeting."""
    if all(value is None for value in (org_query, amount, on, category, note, meeting)):
        raise InvalidInput(_(rules.NOTHING_TO_EDIT))
    row = _expense_row(session, expense_id)
    before = _expense_facts(row)
    org = find_org(session, org_query) if org_query is not None else None
    if org is None:
        org = session.get(Organisation, row.organisation_id)
        assert org is not None
    _fill_expense(
        session,
        row,
        org,
        amount if amount is not None else row.amount_ore,
        on or row.spent_on,
        category or Category(row.category),
        note if note is not None else row.note,
        _meeting_number(meeting) if meeting is not None else row.meeting_id,
    )
    changed = rules.changed_expense_fields(before, _expense_facts(row))
    if changed:
        session.add(row)
        session.flush()
    else:
        session.expire(row)  # the same values again: nothing to write, nothing to audit
    return ExpenseEdit(_expense_view(row, org.name), changed)


def list_expenses(
    session: Session,
    year: int | None = None,
    *,
    org_query: str | None = None,
    category: Category | None = None,
) -> list[ExpenseView]:
    """`psi budget expenses`: expenses by date, filtered."""
    query = select(Expense, Organisation.name).join(
        Organisation, col(Expense.organisation_id) == col(Organisation.id)
    )
    if year is not None:
        query = query.where(
            col(Expense.spent_on) >= date(year, 1, 1), col(Expense.spent_on) <= date(year, 12, 31)
        )
    if org_query:
        query = query.where(Expense.organisation_id == find_org(session, org_query).id)
    if category is not None:
        query = query.where(Expense.category == category.value)
    rows = session.exec(query.order_by(col(Expense.spent_on), col(Expense.id))).all()
    return [_expense_view(row, name) for row, name in rows]


def _expense_row(session: Session, expense_id: int) -> Expense:
    return get_or_missing(
        session,
        Expense,
        expense_id,
        _("There is no expense {number}; see `psi budget expenses`.").format(number=expense_id),
    )


def get_expense(session: Session, expense_id: int) -> ExpenseView:
    """One expense, or NotFound."""
    row = _expense_row(session, expense_id)
    org = session.get(Organisation, row.organisation_id)
    assert org is not None
    return _expense_view(row, org.name)


def remove_expense(session: Session, expense_id: int) -> ExpenseView:
    """`psi budget remove-expense`: delete an expense entered by mistake."""
    view = get_expense(session, expense_id)
    session.delete(_expense_row(session, expense_id))
    session.flush()
    return view


@dataclass(frozen=True)
class CoFundingView:
    """Other money in a year: where from, how much (None when not known), for what, and
    whether it pays for the coordination or frees the committee's money."""

    source: str
    amount: int | None = field(metadata=json_as(money=True))
    note: str | None
    kind: Funding
    id: int


def add_funding(
    session: Session,
    year: int,
    amount: int | None,
    source: str,
    note: str | None = None,
    kind: Funding = Funding.COORDINATION,
) -> CoFundingView:
    """`psi budget funding`: other money in a year, beside the grant or freeing it. The same
    entry again (source, amount, kind and note) is refused: a second contribution of the same
    size from the same source is told apart by its note."""
    row = CoFunding(
        year=year,
        source=check_line(source, what=NC_("what", "source")),
        amount_ore=amount,
        note=check_note(note) if note else None,
        kind=kind.value,
    )
    _check_not_recorded(session, row)
    session.add(row)
    session.flush()
    return _funding_view(row)


def _check_not_recorded(session: Session, new: CoFunding) -> None:
    """Conflict when the year already holds the same co-funding entry."""
    for old in session.exec(select(CoFunding).where(CoFunding.year == new.year)):
        same = (fold(old.source), old.amount_ore, old.kind, old.note or "") == (
            fold(new.source),
            new.amount_ore,
            new.kind,
            new.note or "",
        )
        if same:
            raise Conflict(
                _(
                    "{year} already records this co-funding from {source}; nothing was added. "
                    "A second contribution like it needs a --note that tells the two apart."
                ).format(year=new.year, source=old.source)
            )


def _funding_view(row: CoFunding) -> CoFundingView:
    return CoFundingView(row.source, row.amount_ore, row.note, Funding(row.kind), stored_id(row))


def _funding_row(session: Session, funding_id: int) -> CoFunding:
    return get_or_missing(
        session,
        CoFunding,
        funding_id,
        _("There is no co-funding {number}; see psi budget status YEAR.").format(number=funding_id),
    )


def get_funding(session: Session, funding_id: int) -> tuple[int, CoFundingView]:
    """A co-funding entry by its number, with its year."""
    row = _funding_row(session, funding_id)
    return row.year, _funding_view(row)


def remove_funding(session: Session, funding_id: int) -> CoFundingView:
    """`psi budget remove-funding`: delete co-funding entered by mistake (the audit log keeps
    what it was)."""
    row = _funding_row(session, funding_id)
    view = _funding_view(row)
    session.delete(row)
    session.flush()
    return view


EXPENSE_ALIASES = {  # the Swedish ones are the budget report's headings, and a few more
    fold(alias): column
    for column, names in {
        "date": ("datum", "spent on"),
        "organisation": ("organisation", "org", "organization"),
        "amount": ("belopp", "summa"),
        "category": ("kategori",),
        "note": ("anteckning", "kommentar", "beskrivning"),
        "meeting": ("möte", "meeting id", "mötesnummer"),
    }.items()
    for alias in (column, *names)
}


def import_expenses(session: Session, path: Path) -> int:
    """`psi budget import`: every row of the CSV, or none if any row is bad (the caller's
    transaction is rolled back on the error, and for a dry run)."""
    from psi.domain.spreadsheet import EXTRA_CELLS, read_csv
    from psi.services.register_file import read_text

    rows = read_csv(
        read_text(path),
        EXPENSE_ALIASES,
        required=("date", "organisation", "amount", "category"),
        name=path.name,
    )
    bad: list[str] = []
    good: list[ExpenseView] = []
    for row in rows:
        cells = row.cells
        try:
            if row.extra_cells:
                raise InvalidInput(_(EXTRA_CELLS))
            meeting = cells.get("meeting") or None
            good.append(
                spend(
                    session,
                    cells.get("organisation", ""),
                    parse_positive_amount(cells.get("amount", "")),
                    on=parse_date(cells.get("date", "")),
                    category=rules.parse_category(cells.get("category", "")),
                    note=cells.get("note") or None,
                    meeting_id=_meeting_number(meeting),
                )
            )
        except PsiError as exc:
            bad.append(
                _("line {line}: {problem}").format(line=row.line, problem=str(exc).rstrip("."))
            )
    if bad:
        raise InvalidInput(
            ngettext(
                "{bad} of {total} row in {file} is bad; nothing was imported. "
                "Fix it and import again:",
                "{bad} of {total} rows in {file} are bad; nothing was imported. "
                "Fix these rows and import again:",
                len(rows),
            ).format(bad=len(bad), total=len(rows), file=path.name),
            details=tuple(bad),
        )
    return len(good)


def _meeting_number(text: str | None) -> int | None:
    if not text:
        return None
    if not text.strip().isdigit():
        raise InvalidInput(
            _("'{text}' is not a meeting number; see `psi meeting list`.").format(text=text)
        )
    return int(text.strip())


@dataclass(frozen=True)
class BudgetStatus:
    """`psi budget status`: where a year's money stands."""

    year: int
    grants: list[tuple[str, int, date | None, str | None]] = field(
        metadata=json_as(money=True, items=("source", "amount", "decided_on", "ref"))
    )
    grant: int = field(metadata=json_as(money=True))
    allocated: dict[str, int] = field(metadata=json_as(money=True))
    spent_by_org: dict[str, int] = field(metadata=json_as("spent_by_organisation", money=True))
    spent_by_category: dict[Category, int] = field(metadata=json_as(money=True))
    spent: int = field(metadata=json_as(money=True))
    remaining: int = field(init=False, metadata=json_as(money=True))
    """Grant minus spending."""
    co_funding: list[CoFundingView]
    share_of_year: float = field(metadata=json_as("share_of_year_passed", digits=4))
    burns: list[Burn] = field(default_factory=list, metadata=json_as(omit=True))
    alerts: list[BudgetAlert] = field(default_factory=list, metadata=json_as("warnings"))
    override_reasons: list[str] = field(
        default_factory=list, metadata=json_as("allocation_overrides")
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "remaining", self.grant - self.spent)


def budget_status(session: Session, year: int, today: date | None = None) -> BudgetStatus:
    """Grant, allocation and spending per organisation and category, co-funding, burn rate."""
    grants = session.exec(select(Grant).where(Grant.year == year).order_by(col(Grant.source))).all()
    names = dict(session.exec(select(Organisation.id, Organisation.name)).all())
    allocations = session.exec(select(Allocation).where(Allocation.year == year)).all()
    allocated = {names[a.organisation_id]: a.amount_ore for a in allocations}
    by_org: dict[str, int] = defaultdict(int)
    by_category: dict[Category, int] = defaultdict(int)
    for expense in list_expenses(session, year):
        by_org[expense.organisation] += expense.amount
        by_category[expense.category] += expense.amount
    funding = session.exec(
        select(CoFunding).where(CoFunding.year == year).order_by(col(CoFunding.id))
    ).all()
    share = rules.elapsed_share(year, today or date.today())
    burns = rules.burn_rates(allocated, by_org, share)
    grant = sum(g.amount_ore for g in grants)
    overridden = any(a.override_reason for a in allocations)
    return BudgetStatus(
        year=year,
        grants=[(g.source, g.amount_ore, g.decided_on, g.decision_ref) for g in grants],
        grant=grant,
        allocated=allocated,
        spent_by_org=dict(by_org),
        spent_by_category={c: by_category[c] for c in Category if by_category.get(c)},
        spent=sum(by_org.values()),
        co_funding=[_funding_view(f) for f in funding],
        share_of_year=share,
        burns=burns,
        alerts=rules.grant_alerts(grant, allocated, overridden) + rules.alerts(burns, share),
        override_reasons=[
            f"{names[a.organisation_id]}: {a.override_reason}"
            for a in allocations
            if a.override_reason
        ],
    )
