"""The coordinator history, the rotation proposal, inquiries and appointments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from psi.domain import rotation as rule
from psi.domain.decision import default_decided_on
from psi.domain.organisation import check_note
from psi.domain.rotation import Answer, Role
from psi.domain.text import check_line
from psi.models import CoordinatorTerm, Inquiry, Organisation
from psi.services import stored_id
from psi.services.meetings import attendance_counts
from psi.services.orgs import find_org
from psi.services.views import json_as
from psi.words import NC_


def _facts(session: Session) -> list[rule.OrgFacts]:
    rows = session.exec(select(Organisation)).all()
    return [
        rule.OrgFacts(
            id=stored_id(row),
            name=row.name,
            sector=row.sector,
            status=row.status,
            joined_on=row.joined_on,
            left_on=row.left_on,
        )
        for row in rows
    ]


def _history(session: Session) -> list[rule.Term]:
    rows = session.exec(select(CoordinatorTerm)).all()
    return [
        rule.Term(row.year, row.organisation_id, Role(row.role), extension=row.extension)
        for row in rows
    ]


def _inquiries(session: Session) -> list[rule.Inquiry]:
    rows = session.exec(select(Inquiry)).all()
    return [
        rule.Inquiry(row.year, row.organisation_id, Answer(row.answer), row.asked_on, row.note)
        for row in rows
    ]


@dataclass(frozen=True)
class CoordinatorView:
    """One coordinator in one year, as `psi coordinators` prints it."""

    year: int
    organisation: str
    role: Role
    consecutive_years: int
    decided_on: date | None
    decision_ref: str | None
    override_reason: str | None
    extension: bool = False
    """The year was an extension year: the same pair as the year before, once more."""


def coordinator_history(session: Session) -> list[CoordinatorView]:
    """`psi coordinators`: every recorded year with its coordinators, oldest first."""
    history = _history(session)
    rows = session.exec(
        select(CoordinatorTerm, Organisation.name)
        .join(Organisation)
        .order_by(col(CoordinatorTerm.year), col(CoordinatorTerm.role), col(Organisation.name))
    ).all()
    return [
        CoordinatorView(
            year=term.year,
            organisation=name,
            role=Role(term.role),
            consecutive_years=rule.consecutive_years(history, term.organisation_id, term.year),
            decided_on=term.decided_on,
            decision_ref=term.decision_ref,
            override_reason=term.override_reason,
            extension=term.extension,
        )
        for term, name in rows
    ]


@dataclass(frozen=True)
class CandidateView:
    """A ranked newcomer candidate with what ranks it."""

    rank: int
    organisation: str
    municipality: str | None
    joined_on: date | None
    attended: int = field(metadata=json_as("meetings_attended"))
    inquiry: Answer | None


_SERVED = ("organisation", "consecutive_years")


@dataclass(frozen=True)
class ProposalView:
    """`psi rotate YEAR`: the rule's proposal with names instead of ids."""

    year: int
    previous: list[tuple[str, int]] = field(metadata=json_as(items=_SERVED))
    stays: str | None
    tied: list[str]
    leaves: list[tuple[str, int]] = field(metadata=json_as(items=_SERVED))
    handover: bool
    candidates: list[CandidateView]
    declined: list[str]
    current: list[tuple[str, Role]] = field(metadata=json_as(items=("organisation", "role")))
    missing: list[str]
    pending: list[str] = field(default_factory=list, metadata=json_as("pending_inquiries"))
    extension: bool = False
    """YEAR is recorded as an extension year: YEAR-1's pair once more, outside the rule."""
    outside_rotation: bool = False
    """YEAR is recorded with coordinators outside the rotation only (role `other`)."""


def propose(session: Session, year: int) -> ProposalView:
    """The proposal for `year`, read from the database; writes nothing."""
    attended = attendance_counts(session, date(year - 2, 1, 1), date(year - 1, 12, 31))
    orgs = _facts(session)
    names = {org.id: org.name for org in orgs}
    municipalities = dict(session.exec(select(Organisation.id, Organisation.municipality)).all())
    inquiries = _inquiries(session)
    proposal = rule.propose(year, _history(session), orgs, inquiries, attended)
    served = {s.org_id: s.years for s in proposal.previous}
    return ProposalView(
        year=year,
        previous=[(names[s.org_id], s.years) for s in proposal.previous],
        stays=names[proposal.stays] if proposal.stays is not None else None,
        tied=[names[org_id] for org_id in proposal.tied],
        leaves=[(names[org_id], served[org_id]) for org_id in proposal.leaves],
        handover=proposal.handover,
        candidates=_candidate_views(proposal.candidates, names, municipalities),
        declined=sorted(names[org_id] for org_id in proposal.declined),
        current=[(names[t.org_id], t.role) for t in proposal.current],
        missing=list(proposal.missing),
        pending=_pending(inquiries, year, names),
        extension=proposal.extension,
        outside_rotation=proposal.outside,
    )


def _pending(inquiries: Sequence[rule.Inquiry], year: int, names: Mapping[int, str]) -> list[str]:
    return sorted(
        names[i.org_id] for i in inquiries if i.year == year and i.answer is Answer.PENDING
    )


def _candidate_views(
    candidates: Sequence[rule.Candidate],
    names: Mapping[int, str],
    municipalities: Mapping[int | None, str | None],
) -> list[CandidateView]:
    return [
        CandidateView(
            rank=rank,
            organisation=names[c.org_id],
            municipality=municipalities.get(c.org_id),
            joined_on=c.joined_on,
            attended=c.attended,
            inquiry=c.inquiry,
        )
        for rank, c in enumerate(candidates, start=1)
    ]


def record_inquiries(
    session: Session,
    year: int,
    answers: Sequence[tuple[str, Answer]],
    *,
    on: date,
    note: str | None = None,
) -> list[tuple[str, Answer]]:
    """`psi rotate YEAR --asked/--declined/--accepted`: record or update the AU's inquiries."""
    checked_note = check_note(note) if note else None
    recorded: list[tuple[str, Answer]] = []
    for query, answer in answers:
        org = find_org(session, query)
        row = session.exec(
            select(Inquiry).where(Inquiry.year == year, Inquiry.organisation_id == org.id)
        ).first()
        if row is None:
            row = Inquiry(
                year=year, organisation_id=stored_id(org), asked_on=on, answer=answer.value
            )
        row.answer = answer.value
        if checked_note:
            row.note = checked_note
        session.add(row)
        recorded.append((org.name, answer))
    session.flush()
    return recorded


@dataclass(frozen=True)
class AppointResult:
    """What `psi rotate YEAR --appoint`, `--extend` or `--other` recorded."""

    year: int
    terms: list[tuple[str, Role]]
    changed: bool
    overridden: list[str]
    extension: bool = False
    """The year was recorded as an extension year (`--extend`)."""


def _year_facts(session: Session) -> rule.YearFacts:
    return rule.YearFacts(
        tuple(_history(session)), tuple(_facts(session)), tuple(_inquiries(session))
    )


@dataclass(frozen=True)
class AppointOrder:
    """What `psi rotate YEAR --appoint ORG ...` asks for, with organisations as typed."""

    year: int
    newcomers: Sequence[str]
    keep: str | None = None
    decided_on: date | None = None
    decision_ref: str | None = None
    force: bool = False
    reason: str | None = None
    replace: bool = False


def appoint(session: Session, order: AppointOrder) -> AppointResult:
    """`psi rotate YEAR --appoint ORG`: record the year's pair, by the rule or with --force."""
    # Refused before the names are looked up, so a missing reason is reported first.
    early = rule.override_refusal(order.force, order.reason)
    if early is not None:
        raise early.error()
    decision_ref = _checked_ref(order.decision_ref)
    facts = _year_facts(session)
    request = rule.AppointmentRequest(
        order.year,
        tuple(stored_id(find_org(session, query)) for query in order.newcomers),
        keep=stored_id(find_org(session, order.keep)) if order.keep else None,
        force=order.force,
        reason=order.reason,
        replace=order.replace,
    )
    decision = rule.decide_appointment(facts, request)
    if isinstance(decision, rule.RuleBroken):
        raise decision.error()
    _store(
        session,
        decision.appointment.year,
        decision,
        _Decided(
            order.decided_on or default_decided_on(order.year, date.today()),
            decision_ref,
            decision.override_reason,
        ),
    )
    return AppointResult(
        year=order.year,
        terms=[(facts.name(t.org_id), t.role) for t in decision.terms],
        changed=decision.changed,
        overridden=list(decision.overridden),
    )


@dataclass(frozen=True)
class YearOrder:
    """What `psi rotate YEAR --extend` or `--other ORG` asks for: the year, the decision's
    date and reference as given (left empty when not given), and --replace."""

    year: int
    decided_on: date | None = None
    decision_ref: str | None = None
    replace: bool = False


def extend(session: Session, order: YearOrder) -> AppointResult:
    """`psi rotate YEAR --extend`: record YEAR-1's civil-society pair once more, continuing,
    as an extension year (the committee's decision, outside the rule)."""
    decision_ref = _checked_ref(order.decision_ref)
    facts = _year_facts(session)
    decision = rule.decide_extension(facts, rule.ExtensionRequest(order.year, order.replace))
    if isinstance(decision, rule.RuleBroken):
        raise decision.error()
    _store(session, order.year, decision, _Decided(order.decided_on, decision_ref))
    return _year_result(facts, decision, extension=True)


def record_other(session: Session, order: YearOrder, orgs: Sequence[str]) -> AppointResult:
    """`psi rotate YEAR --other ORG`: record coordinators outside the rotation (role
    `other`), such as the region's years before the hand-over."""
    decision_ref = _checked_ref(order.decision_ref)
    facts = _year_facts(session)
    named = tuple(stored_id(find_org(session, query)) for query in orgs)
    request = rule.OutsideRequest(order.year, named, order.replace)
    decision = rule.decide_outside(facts, request)
    if isinstance(decision, rule.RuleBroken):
        raise decision.error()
    _store(session, order.year, decision, _Decided(order.decided_on, decision_ref))
    return _year_result(facts, decision, extension=False)


def _year_result(
    facts: rule.YearFacts, decision: rule.YearDecision, *, extension: bool
) -> AppointResult:
    return AppointResult(
        year=decision.year,
        terms=[(facts.name(t.org_id), t.role) for t in decision.terms],
        changed=decision.changed,
        overridden=[],
        extension=extension,
    )


def _checked_ref(decision_ref: str | None) -> str | None:
    """The decision reference as one checked line (at most 200 characters), or None."""
    if decision_ref is None:
        return None
    return check_line(decision_ref, what=NC_("what", "decision reference"))


@dataclass(frozen=True)
class _Decided:
    """How the terms a command adds were decided: when, by which reference, and the reason
    the rule was overridden, if it was."""

    on: date | None
    ref: str | None
    override_reason: str | None = None


def _store(
    session: Session,
    year: int,
    changes: rule.AppointmentDecision | rule.YearDecision,
    decided: _Decided,
) -> None:
    """Remove and add a year's terms, in the command's one transaction (which the audit log
    records)."""
    if changes.remove:
        remove = {(t.org_id, t.role, t.extension) for t in changes.remove}
        rows = session.exec(select(CoordinatorTerm).where(CoordinatorTerm.year == year)).all()
        for row in rows:
            if (row.organisation_id, Role(row.role), row.extension) in remove:
                session.delete(row)
        session.flush()
    now = datetime.now(UTC)
    for term in changes.add:
        session.add(
            CoordinatorTerm(
                year=year,
                organisation_id=term.org_id,
                role=term.role.value,
                decided_on=decided.on,
                decision_ref=decided.ref,
                override_reason=decided.override_reason,
                extension=term.extension,
                created_at=now,
            )
        )
    session.flush()


def record_terms(session: Session, terms: Sequence[dict[str, Any]]) -> int:
    """Store documented history as it was decided (the example), without the rule's checks."""
    now = datetime.now(UTC)
    for entry in terms:
        org = find_org(session, entry["organisation"])
        session.add(
            CoordinatorTerm(
                year=int(entry["year"]),
                organisation_id=stored_id(org),
                role=Role(entry["role"]).value,
                decided_on=date.fromisoformat(entry["decided"]) if entry.get("decided") else None,
                decision_ref=entry.get("ref"),
                extension=bool(entry.get("extension", False)),
                created_at=now,
            )
        )
    session.flush()
    return len(terms)
