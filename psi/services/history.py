"""`psi history`: the committee's rotation decision and the AU's assessments, as entries.

The decision draft reads them through `history_entries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from psi.domain import history as rules
from psi.domain.history import Decided, Finding, HistoryKind
from psi.domain.organisation import check_note
from psi.domain.text import optional_line
from psi.errors import Conflict, NotFound
from psi.models import HistoryEntry
from psi.services import stored_id
from psi.words import NC_, _


@dataclass(frozen=True)
class HistoryView:
    """One history entry: the committee's rotation decision or an AU assessment.

    `decided_on` is the day of the decision when known; `decided_year` is always its year.
    `works_well` is None for a rotation decision; `note` says what should change when an
    assessment found that the way of working does not work well.
    """

    kind: HistoryKind
    year: int
    decided_on: date | None
    decided_year: int
    works_well: bool | None
    ref: str | None
    note: str | None
    id: int

    @property
    def decided(self) -> Decided:
        """When the decision was made, as the domain's value."""
        return Decided(self.decided_year, self.decided_on)


class Outcome(StrEnum):
    """What recording the rotation decision did."""

    RECORDED = "recorded"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def view_of(row: HistoryEntry) -> HistoryView:
    """A stored entry as a view."""
    return HistoryView(
        kind=HistoryKind(row.kind),
        year=row.year,
        decided_on=row.decided_on,
        decided_year=row.decided_year,
        works_well=row.works_well,
        ref=row.ref,
        note=row.note,
        id=stored_id(row),
    )


def history_entries(session: Session) -> list[HistoryView]:
    """Every history entry, the oldest decision first (within a year, one known only by its
    year before those with a day; then in the order they were recorded)."""
    rows = session.exec(
        select(HistoryEntry).order_by(
            col(HistoryEntry.decided_year),
            col(HistoryEntry.decided_on).is_not(None),
            col(HistoryEntry.decided_on),
            col(HistoryEntry.id),
        )
    ).all()
    return [view_of(row) for row in rows]


def _ref(text: str | None) -> str | None:
    return optional_line(text, what=NC_("what", "reference"))


def _note(text: str | None) -> str | None:
    return (check_note(text) or None) if text else None


def record_rotation(
    session: Session,
    year: int,
    decided: Decided,
    *,
    ref: str | None = None,
    note: str | None = None,
    replace: bool = False,
    today: date | None = None,
) -> tuple[HistoryView, Outcome]:
    """`psi history rotation`: Kulturnämnden decided that the coordination rotates from
    `year` on. There is one such decision; `replace` puts a new one in its place."""
    rules.check_rotation_decided(year, decided, today or date.today())
    reference, text = _ref(ref), _note(note)
    row = session.exec(
        select(HistoryEntry)
        .where(HistoryEntry.kind == HistoryKind.ROTATION.value)
        .order_by(col(HistoryEntry.id))
    ).first()
    if row is not None and not replace:
        raise Conflict(
            _(
                "Kulturnämnden's rotation decision is already recorded as entry {number} "
                "(from {year}, decided {decided}); add --replace to replace it."
            ).format(
                number=row.id,
                year=row.year,
                decided=Decided(row.decided_year, row.decided_on).text,
            )
        )
    values = (year, decided.day, decided.year, reference, text)
    if row is None:
        row = HistoryEntry(
            kind=HistoryKind.ROTATION.value,
            year=year,
            decided_year=decided.year,
            created_at=datetime.now(UTC),
        )
        outcome = Outcome.RECORDED
    elif (row.year, row.decided_on, row.decided_year, row.ref, row.note) == values:
        return view_of(row), Outcome.UNCHANGED
    else:
        outcome = Outcome.REPLACED
    row.year, row.decided_on, row.decided_year, row.ref, row.note = values
    session.add(row)
    session.flush()
    return view_of(row), outcome


def record_assessment(
    session: Session,
    year: int,
    day: date,
    finding: Finding,
    *,
    ref: str | None = None,
    today: date | None = None,
) -> HistoryView:
    """`psi history assess`: the AU's assessment, made on `day`, of the way of working in
    `year`. One assessment of a year per day."""
    rules.check_assessment_day(year, day, today or date.today())
    reference = _ref(ref)
    same = session.exec(
        select(HistoryEntry).where(
            HistoryEntry.kind == HistoryKind.ASSESSMENT.value,
            HistoryEntry.year == year,
            HistoryEntry.decided_on == day,
        )
    ).first()
    if same is not None:
        raise Conflict(
            _(
                "The AU's assessment of {year} made on {day} is already recorded as entry "
                "{number}; to record it anew, remove that one first with "
                "`psi history remove {number}`."
            ).format(year=year, day=day, number=same.id)
        )
    row = HistoryEntry(
        kind=HistoryKind.ASSESSMENT.value,
        year=year,
        decided_on=day,
        decided_year=day.year,
        works_well=finding.works_well,
        ref=reference,
        note=finding.note,
        created_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    return view_of(row)


LARGEST_ID = 2**31 - 1
"""The largest number an id column holds on every engine (PostgreSQL's INTEGER)."""


def get_entry(session: Session, entry_id: int) -> HistoryView:
    """One history entry, or NotFound."""
    # A number no id column holds is simply not there (and is never sent to the database).
    row = session.get(HistoryEntry, entry_id) if 0 < entry_id <= LARGEST_ID else None
    if row is None:
        raise NotFound(
            _("There is no history entry {number}; see `psi history list`.").format(number=entry_id)
        )
    return view_of(row)


def remove_entry(session: Session, entry_id: int) -> HistoryView:
    """`psi history remove`: delete an entry recorded by mistake."""
    view = get_entry(session, entry_id)
    session.delete(session.get(HistoryEntry, entry_id))
    session.flush()
    return view
