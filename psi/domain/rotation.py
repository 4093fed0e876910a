"""The coordinator rotation (decided 2024): one coordinator stays, one newcomer joins.

Each year two civil-society organisations coordinate PSI. The one of last year's pair
with the fewest consecutive years stays on; the one that has served longest leaves; a
*samordningsnybörjare* (an organisation that never coordinated) joins. In the hand-over
year, when last year had no civil-society coordinator, both may be newcomers.

Two kinds of year lie outside the rule. In an *extension year* the committee gives last
year's pair the assignment once more (2024); the year counts as served. Before the
hand-over, the region (or another organisation outside civil society) coordinated: such a
year's coordinators have the role `other`. Where last year's pair has served equally long,
the year's own recorded pair says who stayed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from psi.domain.membership import member_on
from psi.errors import InvalidInput, PsiError, RuleViolation
from psi.words import COORDINATOR_ROLE, SECTOR, _, interface_term


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
    extension: bool = False
    """The same pair as the year before, once more, by the committee's decision: outside
    the rule, but a served year all the same."""


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


def member_at_year_end(org: OrgFacts, year: int) -> bool:
    """Whether the organisation is still a member on 31 December of `year`, as that year's
    coordinators must be: one that joins during the year can serve, one that leaves cannot."""
    return member_on(org, date(year, 12, 31))


def membership_text(org: OrgFacts) -> str:
    """Why an organisation is or is not a member, in a few words."""
    if org.status == "former":
        if org.left_on:
            return _("it left on {day}").format(day=org.left_on)
        return _("it has left")
    if org.status == "prospect":
        return _("it is a prospect")
    if org.status == "partner":
        return _("it is a partner")
    if org.status != "member":
        return _("it is a {status}").format(status=org.status)
    return _("it joined on {day}").format(day=org.joined_on) if org.joined_on else _("a member")


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
    def extension(self) -> bool:
        """Whether the year is recorded as an extension year (last year's pair once more)."""
        return is_extension(self.current)

    @property
    def outside(self) -> bool:
        """Whether the year is recorded with coordinators outside the rotation only (the
        region's years before the hand-over)."""
        return is_outside(self.current)

    @property
    def missing(self) -> tuple[str, ...]:
        """What the year still lacks: a continuing coordinator and/or newcomers. A year
        recorded as an extension year or outside the rotation lacks nothing."""
        if self.extension or self.outside:
            return ()
        have_newcomers = sum(1 for term in self.current if term.role is Role.NEWCOMER)
        have_continuing = any(term.role is Role.CONTINUING for term in self.current)
        lacks: list[str] = []
        if not self.handover and not have_continuing:
            lacks.append("continuing")
        lacks.extend(["newcomer"] * max(0, self.newcomers_needed - have_newcomers))
        return tuple(lacks)


def is_extension(terms: Sequence[Term]) -> bool:
    """Whether a year's recorded terms make it an extension year."""
    return bool(terms) and all(term.extension for term in terms)


def is_outside(terms: Sequence[Term]) -> bool:
    """Whether a year's recorded terms are all outside the rotation (role `other`)."""
    return bool(terms) and all(term.role is Role.OTHER for term in terms)


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
        and member_at_year_end(org, year)
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
    previous, handover = _previous_pair(year, history, orgs)
    current = tuple(terms_in(history, year))
    stays, tied, leaves = _who_stays(previous, current)
    answers = _latest_answers(inquiries, year)
    declined = tuple(org_id for org_id, answer in answers.items() if answer is Answer.NO)
    return Proposal(
        year=year,
        previous=previous,
        stays=stays,
        tied=tied,
        leaves=leaves,
        handover=handover,
        candidates=_ranked_candidates(year, history, orgs, answers, attended or {}),
        declined=declined,
        current=current,
        newcomers_needed=2 if handover else 1,
    )


def _previous_pair(
    year: int, history: Sequence[Term], orgs: Sequence[OrgFacts]
) -> tuple[tuple[Served, ...], bool]:
    """`year - 1`'s civil-society coordinators, fewest years first, and whether `year` is the
    hand-over year (`year - 1` had coordinators, none from civil society)."""
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
    return previous, bool(previous_terms) and not civil_previous


def _who_stays(
    previous: Sequence[Served], current: Sequence[Term]
) -> tuple[int | None, tuple[int, ...], tuple[int, ...]]:
    """Of last year's pair: the one that stays, those tied for it, and those that leave.

    Where years served tie, the recorded next pair says who stayed: when the year's own
    recorded terms hold exactly one of the tied, that one stayed and the others left. In an
    extension year the whole pair stayed, outside the rule: nobody stays or leaves by it.
    """
    if len(previous) <= 1 or is_extension(current):
        return None, (), ()
    fewest = previous[0].years
    lowest = tuple(s.org_id for s in previous if s.years == fewest)
    leaves = tuple(s.org_id for s in previous if s.org_id not in lowest)
    if len(lowest) == 1:
        return lowest[0], (), leaves
    recorded = [org_id for org_id in lowest if org_id in {term.org_id for term in current}]
    if len(recorded) == 1:
        (stayed,) = recorded
        return stayed, (), (*(org_id for org_id in lowest if org_id != stayed), *leaves)
    return None, lowest, leaves


def _ranked_candidates(
    year: int,
    history: Sequence[Term],
    orgs: Sequence[OrgFacts],
    answers: Mapping[int, Answer],
    attended: Mapping[int, int],
) -> tuple[Candidate, ...]:
    names = {org.id: org.name for org in orgs}
    candidates = (
        Candidate(org.id, attended.get(org.id, 0), org.joined_on, answers.get(org.id))
        for org in orgs
        if eligible_newcomer(org, year, history, answers)
    )
    return tuple(sorted(candidates, key=lambda candidate: _rank_key(candidate, names)))


@dataclass(frozen=True)
class Appointment:
    """What the AU decided for a year: the newcomer(s), and the one kept on."""

    year: int
    newcomers: tuple[int, ...]
    keep: int | None


def _name(by_id: Mapping[int, OrgFacts], org_id: int) -> str:
    return (
        by_id[org_id].name if org_id in by_id else _("organisation {number}").format(number=org_id)
    )


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
    answers = _latest_answers(inquiries, year)
    problems = _start_problems(year, history, proposal)
    problems.extend(_pair_problems(appointment, proposal))
    for org_id in appointment.newcomers:
        problems.extend(_newcomer_problems(by_id[org_id], year, history, answers, proposal))
    problems.extend(_keep_problems(appointment, proposal, by_id))
    return problems


def _start_problems(year: int, history: Sequence[Term], proposal: Proposal) -> list[str]:
    problems: list[str] = []
    if not terms_in(history, year - 1):
        problems.append(
            _(
                "{before} has no recorded coordinators, so the rotation has nothing to start from"
            ).format(before=year - 1)
        )
    if len(proposal.previous) == 1 and not proposal.handover:
        problems.append(
            _(
                "{before} has only one recorded coordinator, so the rule cannot tell who stays; "
                "record {before}'s newcomer first"
            ).format(before=year - 1)
        )
    return problems


def _pair_problems(appointment: Appointment, proposal: Proposal) -> list[str]:
    year = appointment.year
    if not proposal.handover:
        if len(appointment.newcomers) > 1:
            return [
                _(
                    "only one newcomer joins in {year}; both may be new only in the hand-over year"
                ).format(year=year)
            ]
        return []
    problems: list[str] = []
    if appointment.keep is not None:
        problems.append(
            _(
                "{before} had no civil-society coordinator, so nobody can be kept on in {year}"
            ).format(before=year - 1, year=year)
        )
    if len(appointment.newcomers) > proposal.newcomers_needed:
        problems.append(
            _("{n} newcomers are too many: two join in {year}, the hand-over year").format(
                n=len(appointment.newcomers), year=year
            )
        )
    return problems


def _keep_problems(
    appointment: Appointment, proposal: Proposal, by_id: Mapping[int, OrgFacts]
) -> list[str]:
    keep = appointment.keep
    if keep is None or proposal.handover:
        return []
    name = _name(by_id, keep)
    before = appointment.year - 1
    if keep not in {served.org_id for served in proposal.previous}:
        return [
            _("{name} did not coordinate in {before}, so it cannot be kept on").format(
                name=name, before=before
            )
        ]
    if keep in proposal.leaves:
        return [
            _("{name} has served longest of {before}'s pair and must leave").format(
                name=name, before=before
            )
        ]
    return []


def _newcomer_problems(
    org: OrgFacts,
    year: int,
    history: Sequence[Term],
    answers: Mapping[int, Answer],
    proposal: Proposal,
) -> list[str]:
    problems: list[str] = []
    values = {"name": org.name, "year": year}
    if org.id in proposal.leaves:
        problems.append(_("{name} is the one that must leave in {year}").format(**values))
    elif has_coordinated(history, org.id, before=year):
        problems.append(_("{name} has coordinated before, so it is no newcomer").format(**values))
    if not is_civil_society(org):
        problems.append(
            _("{name} is not a civil-society organisation ({sector})").format(
                name=org.name, sector=interface_term(SECTOR, org.sector)
            )
        )
    if not member_at_year_end(org, year):
        problems.append(
            _("{name} is not a member in {year} ({membership})").format(
                membership=membership_text(org), **values
            )
        )
    if answers.get(org.id) is Answer.NO:
        problems.append(_("{name} declined to coordinate in {year}").format(**values))
    return problems


def appointed_terms(appointment: Appointment) -> list[Term]:
    """The terms an appointment records: the kept one continuing, the others newcomers."""
    terms = [Term(appointment.year, org_id, Role.NEWCOMER) for org_id in appointment.newcomers]
    if appointment.keep is not None:
        terms.insert(0, Term(appointment.year, appointment.keep, Role.CONTINUING))
    return terms


# The appointment: what `psi rotate YEAR --appoint ORG` decides, as a pure function of the
# recorded facts and the request. The service loads the facts and stores the decision.


@dataclass(frozen=True)
class YearFacts:
    """What the service loads for an appointment: every term, organisation and inquiry."""

    history: tuple[Term, ...]
    orgs: tuple[OrgFacts, ...]
    inquiries: tuple[Inquiry, ...] = ()

    def recorded(self, year: int) -> frozenset[Term]:
        """The terms already recorded for `year`."""
        return frozenset(terms_in(self.history, year))

    def name(self, org_id: int) -> str:
        """An organisation's name, for messages."""
        return _name({org.id: org for org in self.orgs}, org_id)


@dataclass(frozen=True)
class AppointmentRequest:
    """What the AU asks to record: YEAR, the newcomers named, --keep, --force, --reason, --replace."""

    year: int
    newcomers: tuple[int, ...]
    keep: int | None = None
    force: bool = False
    reason: str | None = None
    replace: bool = False


@dataclass(frozen=True)
class RuleBroken:
    """A refused request: the message the user reads and the kind of error it is."""

    message: str
    kind: type[PsiError] = RuleViolation

    def error(self) -> PsiError:
        """The exception the service raises for this refusal."""
        return self.kind(self.message)


@dataclass(frozen=True)
class AppointmentDecision:
    """An accepted request: the year's terms, what to add and remove, and any rule overridden."""

    appointment: Appointment
    terms: tuple[Term, ...]
    add: tuple[Term, ...]
    remove: tuple[Term, ...]
    overridden: tuple[str, ...] = ()
    override_reason: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the year gains a term it did not have."""
        return bool(self.add)


def override_refusal(force: bool, reason: str | None) -> RuleBroken | None:
    """--force without a --reason is refused: the reason is kept and shown in reports."""
    if force and not (reason and reason.strip()):
        return RuleBroken(
            _("--force needs --reason TEXT: the reason is kept and shown in reports."),
            InvalidInput,
        )
    return None


def decide_appointment(
    facts: YearFacts, request: AppointmentRequest
) -> AppointmentDecision | RuleBroken:
    """The terms an appointment request records by the rule (or overriding it with --force),
    or the rule it breaks."""
    refusal = override_refusal(request.force, request.reason) or _kept_and_new(facts, request)
    if refusal is not None:
        return refusal
    year = request.year
    others = [term for term in facts.history if term.year != year]
    proposal = propose(year, others, facts.orgs, facts.inquiries)
    keep = _kept_on(facts, request, proposal)
    if isinstance(keep, RuleBroken):
        return keep
    appointment = Appointment(year, _newcomers(facts, request, proposal), keep)
    problems = violations(appointment, facts.history, facts.orgs, facts.inquiries)
    if problems and not request.force:
        return RuleBroken(
            _("{problems}. To override the rule, add --force --reason TEXT.").format(
                problems="; ".join(problems)
            )
        )
    return _decision(facts, request, appointment, tuple(problems))


def _kept_and_new(facts: YearFacts, request: AppointmentRequest) -> RuleBroken | None:
    if request.keep is None or request.keep not in request.newcomers:
        return None
    return RuleBroken(
        _("{name} cannot be both kept on and a newcomer in {year}.").format(
            name=facts.name(request.keep), year=request.year
        )
    )


def _newcomers(
    facts: YearFacts, request: AppointmentRequest, proposal: Proposal
) -> tuple[int, ...]:
    named = tuple(dict.fromkeys(request.newcomers))
    if not proposal.handover or request.replace:
        return named
    # In the hand-over year the two newcomers may be appointed one at a time.
    recorded = [t.org_id for t in terms_in(facts.history, request.year) if t.role is Role.NEWCOMER]
    if len(set(recorded) | set(named)) > proposal.newcomers_needed:
        return named
    return tuple(dict.fromkeys([*recorded, *named]))


def _kept_on(
    facts: YearFacts, request: AppointmentRequest, proposal: Proposal
) -> int | RuleBroken | None:
    if request.keep is not None or proposal.handover:
        return request.keep
    year = request.year
    already = [t.org_id for t in terms_in(facts.history, year) if t.role is Role.CONTINUING]
    if already:
        return already[0]
    if proposal.tied:
        names = [facts.name(org_id) for org_id in proposal.tied]
        return RuleBroken(
            _(
                "{before}'s coordinators have served equally long, so the AU must choose who "
                'stays: add --keep "{first}" or --keep "{second}".'
            ).format(before=year - 1, first=", ".join(names[:-1]), second=names[-1])
        )
    return proposal.stays


def _with_roles(appointment: Appointment, orgs: Iterable[OrgFacts]) -> set[Term]:
    """The appointment's terms; an organisation outside civil society coordinates as `other`."""
    civil = {org.id for org in orgs if is_civil_society(org)}
    return {
        Term(t.year, t.org_id, t.role if t.org_id in civil else Role.OTHER)
        for t in appointed_terms(appointment)
    }


def _by_org(terms: Iterable[Term]) -> tuple[Term, ...]:
    return tuple(sorted(terms, key=lambda term: (term.org_id, term.role)))


def _decision(
    facts: YearFacts,
    request: AppointmentRequest,
    appointment: Appointment,
    problems: tuple[str, ...],
) -> AppointmentDecision | RuleBroken:
    wanted = _with_roles(appointment, facts.orgs)
    existing = facts.recorded(request.year)
    refusal = _already_recorded(facts, request.year, wanted, replace=request.replace)
    if refusal is not None:
        return refusal
    return AppointmentDecision(
        appointment=appointment,
        terms=_by_org(wanted),
        add=_by_org(wanted - existing),
        remove=_by_org(existing - wanted),
        overridden=problems,
        override_reason=request.reason.strip() if problems and request.reason else None,
    )


def term_text(name: str, term: Term) -> str:
    """A recorded term in a few words: the name, its role, and whether it was an extension."""
    role = interface_term(COORDINATOR_ROLE, term.role)
    if term.extension:
        return _("{name} ({role}, extension)").format(name=name, role=role)
    return _("{name} ({role})").format(name=name, role=role)


def _already_recorded(
    facts: YearFacts, year: int, wanted: set[Term], *, replace: bool
) -> RuleBroken | None:
    """Refused when `year` holds a term the request would not record, unless --replace."""
    existing = facts.recorded(year)
    if existing <= wanted or replace:
        return None
    pair = ", ".join(term_text(facts.name(t.org_id), t) for t in _by_org(existing))
    return RuleBroken(
        _("{year} already has coordinators: {pair}. Add --replace to record another pair.").format(
            year=year, pair=pair
        )
    )


# Years outside the rule: what `psi rotate YEAR --extend` and `psi rotate YEAR --other ORG`
# record. Neither applies the rotation rule; each checks only what the year must be.


@dataclass(frozen=True)
class YearDecision:
    """An accepted --extend or --other request: the year's terms, what to add and remove."""

    year: int
    terms: tuple[Term, ...]
    add: tuple[Term, ...]
    remove: tuple[Term, ...]

    @property
    def changed(self) -> bool:
        """Whether the year gains a term it did not have."""
        return bool(self.add)


def _year_decision(
    facts: YearFacts, year: int, wanted: set[Term], *, replace: bool
) -> YearDecision | RuleBroken:
    refusal = _already_recorded(facts, year, wanted, replace=replace)
    if refusal is not None:
        return refusal
    existing = facts.recorded(year)
    return YearDecision(
        year, _by_org(wanted), _by_org(wanted - existing), _by_org(existing - wanted)
    )


@dataclass(frozen=True)
class ExtensionRequest:
    """`psi rotate YEAR --extend`: YEAR-1's civil-society pair once more (--replace)."""

    year: int
    replace: bool = False


def extension_pair(facts: YearFacts, year: int) -> tuple[int, int] | RuleBroken:
    """The pair an extension of `year` keeps: `year - 1`'s two civil-society coordinators,
    both still members at the end of `year`; or why there is none to extend."""
    by_id = {org.id: org for org in facts.orgs}
    before = sorted(terms_in(facts.history, year - 1), key=lambda t: facts.name(t.org_id))
    civil = [t.org_id for t in before if t.org_id in by_id and is_civil_society(by_id[t.org_id])]
    if len(civil) != 2:
        if not before:
            text = _(
                "{before} has no complete civil-society pair to extend into {year} "
                "(recorded for {before}: nothing)."
            )
        else:
            text = _(
                "{before} has no complete civil-society pair to extend into {year} "
                "(recorded for {before}: {recorded})."
            )
        recorded = ", ".join(term_text(facts.name(t.org_id), t) for t in before)
        return RuleBroken(text.format(before=year - 1, year=year, recorded=recorded))
    for org_id in civil:
        if not member_at_year_end(by_id[org_id], year):
            org = by_id[org_id]
            return RuleBroken(
                _(
                    "{name} is not a member in {year} ({membership}), "
                    "so {before}'s pair cannot coordinate {year} once more."
                ).format(name=org.name, year=year, membership=membership_text(org), before=year - 1)
            )
    return civil[0], civil[1]


def decide_extension(facts: YearFacts, request: ExtensionRequest) -> YearDecision | RuleBroken:
    """The terms an extension year records (last year's pair, continuing, as an extension),
    or why it is refused."""
    pair = extension_pair(facts, request.year)
    if isinstance(pair, RuleBroken):
        return pair
    wanted = {Term(request.year, org_id, Role.CONTINUING, extension=True) for org_id in pair}
    return _year_decision(facts, request.year, wanted, replace=request.replace)


@dataclass(frozen=True)
class OutsideRequest:
    """`psi rotate YEAR --other ORG [--other ORG]`: coordinators outside the rotation."""

    year: int
    orgs: tuple[int, ...]
    replace: bool = False


MAX_COORDINATORS = 2


def decide_outside(facts: YearFacts, request: OutsideRequest) -> YearDecision | RuleBroken:
    """The terms a year outside the rotation records (role `other`), or why it is refused:
    a civil-society organisation coordinates by the rule, and a year has at most two."""
    by_id = {org.id: org for org in facts.orgs}
    named = tuple(dict.fromkeys(request.orgs))
    if not named:
        return RuleBroken(_("Name the organisation that coordinated: --other ORG."), InvalidInput)
    if len(named) > MAX_COORDINATORS:
        return RuleBroken(
            _("{n} organisations are too many: a year has at most two coordinators.").format(
                n=len(named)
            ),
            InvalidInput,
        )
    for org_id in named:
        org = by_id.get(org_id)
        if org is not None and is_civil_society(org):
            return RuleBroken(
                _(
                    "{name} is a civil-society organisation, and civil society coordinates "
                    'by the rotation rule: record it with psi rotate {year} --appoint "{name}".'
                ).format(name=org.name, year=request.year)
            )
    wanted = {Term(request.year, org_id, Role.OTHER) for org_id in named}
    return _year_decision(facts, request.year, wanted, replace=request.replace)
