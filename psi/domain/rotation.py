"""The coordinator rotation (decided 2024): one coordinator stays, one newcomer joins.

Each year two civil-society organisations coordinate PSI. The one of last year's pair
with the fewest consecutive years stays on; the one that has served longest leaves; a
*samordningsnybörjare* (an organisation that never coordinated) joins. In the hand-over
year, when last year had no civil-society coordinator, both may be newcomers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    """A coordinator's role in a year."""

    CONTINUING = "continuing"
    NEWCOMER = "newcomer"
    OTHER = "other"


class Answer(StrEnum):
    """An organisation's answer when the AU asks it to coordinate."""

    PENDING = "pending"
    YES = "yes"
    NO = "no"


CIVIL_SOCIETY = "civil-society"


@dataclass(frozen=True)
class Term:
    """One organisation coordinating in one year."""

    year: int
    org_id: int
    role: Role


@dataclass(frozen=True)
class OrgFacts:
    """What the rule needs to know about an organisation."""

    id: int
    name: str
    sector: str
    status: str
    joined_on: date | None = None
    left_on: date | None = None


@dataclass(frozen=True)
class Inquiry:
    """The AU asked an organisation to coordinate in a year."""

    year: int
    org_id: int
    answer: Answer
    asked_on: date | None = None
    note: str | None = None


def member_in(org: OrgFacts, year: int) -> bool:
    """Whether the organisation is a member for the whole of the year, by status and dates."""
    if org.status not in ("member", "former"):
        return False
    if org.joined_on is not None and org.joined_on > date(year, 12, 31):
        return False
    if org.status == "former" and org.left_on is None:
        return False
    return org.left_on is None or org.left_on >= date(year, 12, 31)


def membership_text(org: OrgFacts) -> str:
    """Why an organisation is or is not a member, in a few words."""
    if org.status == "former":
        return f"it left on {org.left_on}" if org.left_on else "it has left"
    if org.status != "member":
        return f"it is a {org.status}"
    return f"it joined on {org.joined_on}" if org.joined_on else "a member"


def terms_in(history: Iterable[Term], year: int) -> list[Term]:
    """The terms recorded for one year."""
    return [term for term in history if term.year == year]


def consecutive_years(history: Iterable[Term], org_id: int, year: int) -> int:
    """How many years in a row, ending with `year`, the organisation has coordinated."""
    years = {term.year for term in history if term.org_id == org_id}
    count = 0
    while year - count in years:
        count += 1
    return count


def has_coordinated(history: Iterable[Term], org_id: int, before: int | None = None) -> bool:
    """Whether the organisation coordinated in any year (before `before`, when given)."""
    return any(t.org_id == org_id and (before is None or t.year < before) for t in history)


@dataclass(frozen=True)
class Served:
    """A coordinator of the previous year and its run of consecutive years."""

    org_id: int
    years: int


@dataclass(frozen=True)
class Candidate:
    """A possible newcomer, with what ranks it."""

    org_id: int
    attended: int
    joined_on: date | None
    inquiry: Answer | None


@dataclass(frozen=True)
class Proposal:
    """The rule's proposal for a year, with the facts it rests on."""

    year: int
    previous: tuple[Served, ...]
    stays: int | None
    tied: tuple[int, ...]
    leaves: tuple[int, ...]
    handover: bool
    candidates: tuple[Candidate, ...]
    declined: tuple[int, ...]
    current: tuple[Term, ...]
    newcomers_needed: int = 1

    @property
    def missing(self) -> tuple[str, ...]:
        """What the year still lacks: a continuing coordinator and/or newcomers."""
        have_newcomers = sum(1 for term in self.current if term.role is Role.NEWCOMER)
        have_continuing = any(term.role is Role.CONTINUING for term in self.current)
        lacks: list[str] = []
        if not self.handover and not have_continuing:
            lacks.append("continuing")
        lacks.extend(["newcomer"] * max(0, self.newcomers_needed - have_newcomers))
        return tuple(lacks)


def _latest_answers(inquiries: Iterable[Inquiry], year: int) -> dict[int, Answer]:
    return {inquiry.org_id: inquiry.answer for inquiry in inquiries if inquiry.year == year}


def is_civil_society(org: OrgFacts) -> bool:
    """Only civil-society organisations take the coordination assignment."""
    return org.sector == CIVIL_SOCIETY


def eligible_newcomer(
    org: OrgFacts, year: int, history: Sequence[Term], answers: Mapping[int, Answer]
) -> bool:
    """A civil-society member in `year` that never coordinated and has not declined."""
    return (
        is_civil_society(org)
        and member_in(org, year)
        and not has_coordinated(history, org.id)
        and answers.get(org.id) is not Answer.NO
    )


def _rank_key(candidate: Candidate, names: Mapping[int, str]) -> tuple[int, date, str]:
    return (-candidate.attended, candidate.joined_on or date.min, names[candidate.org_id])


def propose(
    year: int,
    history: Sequence[Term],
    orgs: Sequence[OrgFacts],
    inquiries: Sequence[Inquiry] = (),
    attended: Mapping[int, int] | None = None,
) -> Proposal:
    """The proposal for `year` from the pair of `year - 1`, with ranked newcomer candidates."""
    by_id = {org.id: org for org in orgs}
    previous_terms = [t for t in terms_in(history, year - 1) if t.org_id in by_id]
    civil_previous = [t for t in previous_terms if is_civil_society(by_id[t.org_id])]
    previous = tuple(
        sorted(
            (
                Served(t.org_id, consecutive_years(history, t.org_id, year - 1))
                for t in civil_previous
            ),
            key=lambda served: (served.years, by_id[served.org_id].name),
        )
    )
    handover = bool(previous_terms) and not civil_previous
    stays: int | None = None
    tied: tuple[int, ...] = ()
    leaves: tuple[int, ...] = ()
    if len(previous) > 1:
        fewest = previous[0].years
        lowest = tuple(s.org_id for s in previous if s.years == fewest)
        if len(lowest) == 1:
            stays = lowest[0]
            leaves = tuple(s.org_id for s in previous if s.org_id != stays)
        else:
            tied = lowest
            leaves = tuple(s.org_id for s in previous if s.org_id not in lowest)
    answers = _latest_answers(inquiries, year)
    counts = attended or {}
    names = {org.id: org.name for org in orgs}
    candidates = sorted(
        (
            Candidate(org.id, counts.get(org.id, 0), org.joined_on, answers.get(org.id))
            for org in orgs
            if eligible_newcomer(org, year, history, answers)
        ),
        key=lambda candidate: _rank_key(candidate, names),
    )
    declined = tuple(org_id for org_id, answer in answers.items() if answer is Answer.NO)
    return Proposal(
        year=year,
        previous=previous,
        stays=stays,
        tied=tied,
        leaves=leaves,
        handover=handover,
        candidates=tuple(candidates),
        declined=declined,
        current=tuple(terms_in(history, year)),
        newcomers_needed=2 if handover else 1,
    )


@dataclass(frozen=True)
class Appointment:
    """What the AU decided for a year: the newcomer(s), and the one kept on."""

    year: int
    newcomers: tuple[int, ...]
    keep: int | None


def _name(by_id: Mapping[int, OrgFacts], org_id: int) -> str:
    return by_id[org_id].name if org_id in by_id else f"organisation {org_id}"


def violations(
    appointment: Appointment,
    history: Sequence[Term],
    orgs: Sequence[OrgFacts],
    inquiries: Sequence[Inquiry] = (),
) -> list[str]:
    """Every rule the appointment breaks, in words; an empty list means it follows the rule."""
    year = appointment.year
    by_id = {org.id: org for org in orgs}
    history = [term for term in history if term.year != year]
    proposal = propose(year, history, orgs, inquiries)
    previous_ids = {served.org_id for served in proposal.previous}
    answers = _latest_answers(inquiries, year)
    problems: list[str] = []
    if not terms_in(history, year - 1):
        problems.append(
            f"{year - 1} has no recorded coordinators, so the rotation has nothing to start from"
        )
    if len(proposal.previous) == 1 and not proposal.handover:
        problems.append(
            f"{year - 1} has only one recorded coordinator, so the rule cannot tell who stays; "
            f"record {year - 1}'s newcomer first"
        )
    if proposal.handover:
        if appointment.keep is not None:
            problems.append(
                f"{year - 1} had no civil-society coordinator, so nobody can be kept on in {year}"
            )
    elif len(appointment.newcomers) > 1:
        problems.append(
            f"only one newcomer joins in {year}; both may be new only in the hand-over year"
        )
    for org_id in appointment.newcomers:
        problems.extend(_newcomer_problems(by_id[org_id], year, history, answers, proposal))
    keep = appointment.keep
    if keep is not None and not proposal.handover:
        name = _name(by_id, keep)
        if keep not in previous_ids:
            problems.append(f"{name} did not coordinate in {year - 1}, so it cannot be kept on")
        elif keep in proposal.leaves:
            problems.append(f"{name} has served longest of {year - 1}'s pair and must leave")
    return problems


def _newcomer_problems(
    org: OrgFacts,
    year: int,
    history: Sequence[Term],
    answers: Mapping[int, Answer],
    proposal: Proposal,
) -> list[str]:
    problems: list[str] = []
    if org.id in proposal.leaves:
        problems.append(f"{org.name} is the one that must leave in {year}")
    elif has_coordinated(history, org.id, before=year):
        problems.append(f"{org.name} has coordinated before, so it is no newcomer")
    if not is_civil_society(org):
        problems.append(f"{org.name} is not a civil-society organisation ({org.sector})")
    if not member_in(org, year):
        problems.append(f"{org.name} is not a member in {year} ({membership_text(org)})")
    if answers.get(org.id) is Answer.NO:
        problems.append(f"{org.name} declined to coordinate in {year}")
    return problems


def appointed_terms(appointment: Appointment) -> list[Term]:
    """The terms an appointment records: the kept one continuing, the others newcomers."""
    terms = [Term(appointment.year, org_id, Role.NEWCOMER) for org_id in appointment.newcomers]
    if appointment.keep is not None:
        terms.insert(0, Term(appointment.year, appointment.keep, Role.CONTINUING))
    return terms
