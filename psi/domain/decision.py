"""What Kulturnämnden's decision draft for a year may state on a given day.

A draft is written as it stands on one day: only appointments, grants and decisions
recorded as decided on or before that day count, and a decision known only by its year
counts from 1 January of that year (a coordinator term without a date, from the start of
its own year). Each fact the draft states comes from the register, or is a `Fact` without
a value, which the document shows as [SAKNAS: ...] with the command that records it. A
fact that needs history the register lacks (the year the region handed the coordination
over needs the region's last year and the first civil-society pair) is never derived from
what happens to be recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from psi.domain import rotation as rule
from psi.domain.duties import Duty
from psi.domain.money import format_kronor, parse_amount


def default_decided_on(year: int, today: date) -> date | None:
    """When an appointment recorded without a date was decided: today for a year not yet
    past (a decision being made now), else unknown, so that it counts from the start of its
    year (history recorded after the fact must not look decided today)."""
    return today if year >= today.year else None


def known_on(day: date, decided_on: date | None, year: int) -> bool:
    """Whether a decision counts on `day`: by its date, else from 1 January of `year`."""
    return decided_on <= day if decided_on is not None else day >= date(year, 1, 1)


@dataclass(frozen=True)
class Fact:
    """A fact the draft states: what it is (`key`), its value (None when the register lacks
    it, shown as [SAKNAS]) and the command that records or changes it."""

    key: str
    value: str | int | tuple[str, ...] | None
    command: str

    @property
    def missing(self) -> bool:
        """The register lacks it."""
        return self.value is None or self.value == ()


@dataclass(frozen=True)
class Appointed:
    """One organisation coordinating in one year, as the draft needs it."""

    year: int
    org_id: int
    name: str
    civil_society: bool
    role: rule.Role
    extension: bool = False
    decided_on: date | None = None


@dataclass(frozen=True)
class GrantFact:
    """A recorded grant: its amount in öre, when it was decided and its reference."""

    amount: int
    decided_on: date | None
    ref: str | None


@dataclass(frozen=True)
class RotationDecision:
    """The committee's decision that the coordination rotates from `first_year` on."""

    first_year: int
    decided_on: date | None
    decided_year: int
    note: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The working committee's assessment of the way of working, made on a day."""

    decided_on: date
    works_well: bool
    note: str | None = None


@dataclass(frozen=True)
class DraftInput:
    """Everything recorded that a draft may use; `members` is the count on `day`. Terms come
    in the order they were recorded, and the draft names a pair in that order."""

    year: int
    day: date
    settings: Mapping[str, str | None]
    terms: Sequence[Appointed]
    grants: Sequence[GrantFact]
    members: int
    rotation: RotationDecision | None
    assessments: Sequence[Assessment]
    frees_grant: Sequence[tuple[str, str | None]]
    followup: Followup | None = None


@dataclass(frozen=True)
class Followup:
    """The latest finished year's follow-up: its year and the duties below partly met."""

    year: int
    below: tuple[Duty, ...]


@dataclass(frozen=True)
class Handover:
    """The region's last year and the first civil-society pair after it."""

    year: int
    region: str
    first_pair: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    """The facts of one draft, as they stand on its day."""

    year: int
    day: date
    settings: Mapping[str, str | None]
    amount: Fact
    members: Fact
    founded: Fact
    founded_by: Fact
    handover: Handover | None
    handover_fact: Fact
    rotation: RotationDecision | None
    rotation_fact: Fact
    extension: tuple[str, ...]
    """Last year's pair when last year was an extension year (the same pair once more)."""
    previous: Fact
    """Last year's civil-society pair; missing when it is not complete (two)."""
    previous_pair: tuple[str, ...]
    previous_needed: bool
    """Whether the draft tells last year's pair (not in the hand-over or after an extension)."""
    stays: str | None
    leaves: tuple[str, ...]
    newcomers: tuple[str, ...]
    assessment: Assessment | None
    works_well: bool | None
    """The way of working works well (True), needs change (False), or nothing says (None)."""
    followup: Followup | None
    frees_grant: tuple[tuple[str, str | None], ...]
    reference: Fact
    signer: Fact
    signer_title: Fact

    @property
    def facts(self) -> list[Fact]:
        """Every fact the draft takes from the register, in the order the draft states them."""
        return [
            self.amount,
            self.members,
            self.founded,
            self.founded_by,
            self.handover_fact,
            self.rotation_fact,
            self.previous,
            self.reference,
            self.signer,
            self.signer_title,
        ]


def round_members(count: int) -> int:
    """A member count as a writer of such a document rounds it: to the nearest 5 below 100
    (38-42 is "cirka 40"), to the nearest 10 from 100; a count under 10 as it is."""
    if count < 10:
        return count
    step = 5 if count < 100 else 10
    return step * round(count / step)


def draft(facts: DraftInput) -> Draft:
    """The draft's facts as they stand on `facts.day`."""
    year, day = facts.year, facts.day
    terms = [t for t in facts.terms if known_on(day, t.decided_on, t.year)]
    handover, handover_fact = _handover(terms, facts.settings)
    previous = tuple(t.name for t in terms if t.year == year - 1 and t.civil_society)
    stays, leaves = _who_stays(year, terms)
    extension = previous if any(t.extension for t in terms if t.year == year - 1) else ()
    rotation = facts.rotation if facts.rotation and _decided(facts.rotation, day) else None
    assessment, works_well = _assessment(facts, day)
    return Draft(
        year=year,
        day=day,
        settings=facts.settings,
        amount=_amount(facts, day),
        members=Fact("members", round_members(facts.members) or None, "psi org import FILE"),
        founded=_setting(facts.settings, "founded", "YEAR"),
        founded_by=_setting(facts.settings, "founded-by", "TEXT"),
        handover=handover,
        handover_fact=handover_fact,
        rotation=rotation,
        rotation_fact=Fact(
            "rotation",
            rotation.first_year if rotation else None,
            "psi history rotation YEAR --decided YEAR",
        ),
        extension=extension,
        previous=Fact(
            "previous",
            previous if len(previous) >= 2 else None,
            f'psi rotate {year - 1} --appoint "ORG"',
        ),
        previous_needed=not extension and not (handover is not None and handover.year == year),
        previous_pair=previous,
        stays=stays,
        leaves=leaves,
        newcomers=tuple(t.name for t in terms if t.year == year and t.role is rule.Role.NEWCOMER),
        assessment=assessment,
        works_well=works_well,
        followup=facts.followup,
        frees_grant=tuple(facts.frees_grant),
        reference=_reference(facts, day),
        signer=_setting(facts.settings, "signer", '"NAME"'),
        signer_title=_setting(facts.settings, "signer-title", '"TITLE"'),
    )


def _decided(decision: RotationDecision, day: date) -> bool:
    return known_on(day, decision.decided_on, decision.decided_year)


def _setting(settings: Mapping[str, str | None], key: str, placeholder: str) -> Fact:
    return Fact(key, settings.get(key) or None, f"psi config set {key} {placeholder}")


def _counted_grants(facts: DraftInput, day: date) -> list[GrantFact]:
    # A grant recorded without its date counts from the start of the year before its own,
    # when the committee decides the coming year's grant.
    return [g for g in facts.grants if known_on(day, g.decided_on, facts.year - 1)]


def _amount(facts: DraftInput, day: date) -> Fact:
    """The year's grant decided by the day, else the default grant setting."""
    command = f"psi budget grant {facts.year} AMOUNT --decided {day.isoformat()}"
    total = sum(g.amount for g in _counted_grants(facts, day))
    default = facts.settings.get("default-grant")
    if not total and default:
        total = parse_amount(default)
    return Fact("amount", format_kronor(total) if total else None, command)


def _reference(facts: DraftInput, day: date) -> Fact:
    refs = [g.ref for g in _counted_grants(facts, day) if g.ref]
    return Fact(
        "reference",
        refs[0] if refs else None,
        f'psi budget grant {facts.year} AMOUNT --ref "Föredragnings-PM ..."',
    )


def _handover(
    terms: Sequence[Appointed], settings: Mapping[str, str | None]
) -> tuple[Handover | None, Fact]:
    """The hand-over: the first civil-society year, known only when the year before it is
    recorded with the region's (or another non-civil-society) coordinator."""
    civil_years = sorted({t.year for t in terms if t.civil_society})
    region = settings.get("region") or "Region Örebro län"
    if not civil_years:
        command = (
            f'psi rotate YEAR --other "{region}"; psi rotate YEAR --appoint "ORG" --appoint "ORG"'
        )
        return None, Fact("handover", None, command)
    first = civil_years[0]
    before = [t for t in terms if t.year == first - 1 and not t.civil_society]
    if not before:
        return None, Fact("handover", None, f'psi rotate {first - 1} --other "{region}"')
    pair = tuple(t.name for t in terms if t.year == first and t.civil_society)
    handover = Handover(first, before[0].name, pair)
    return handover, Fact("handover", first, f'psi rotate {first - 1} --other "{region}"')


def _who_stays(year: int, terms: Sequence[Appointed]) -> tuple[str | None, tuple[str, ...]]:
    """Of last year's pair, who stays and who leaves by the rotation rule on these terms."""
    orgs = {
        t.org_id: rule.OrgFacts(
            t.org_id, t.name, rule.CIVIL_SOCIETY if t.civil_society else "other", "member"
        )
        for t in terms
    }
    history = [rule.Term(t.year, t.org_id, t.role, t.extension) for t in terms]
    proposal = rule.propose(year, history, list(orgs.values()))
    names = {org_id: org.name for org_id, org in orgs.items()}
    stays = names[proposal.stays] if proposal.stays is not None else None
    return stays, tuple(sorted(names[org_id] for org_id in proposal.leaves))


def _assessment(facts: DraftInput, day: date) -> tuple[Assessment | None, bool | None]:
    """The latest assessment made by the day, else what the latest follow-up supports."""
    made = [a for a in facts.assessments if a.decided_on <= day]
    if made:
        latest = max(made, key=lambda a: a.decided_on)
        return latest, latest.works_well
    if facts.followup is not None and not facts.followup.below:
        return None, True
    return None, None
