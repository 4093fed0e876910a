"""`psi rotate YEAR` and `psi coordinators`: the coordinator rotation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.commands._options import AsJson, On, Year
from psi.domain.dates import parse_optional_date
from psi.domain.rotation import Answer
from psi.errors import InvalidInput

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.services.rotation import AppointResult, ProposalView

ROTATE_EPILOG = (
    'Example: psi rotate 2027 --asked "Exempelstiftelsen Bron" ; '
    'psi rotate 2027 --appoint "Exempelstiftelsen Bron" --decided 2026-11-20 --ref "AU 2026-11-20 § 4" ; '
    'psi rotate 2022 --other "Region Örebro län" ; '
    'psi rotate 2024 --extend --decided 2023-11-15 --ref "Kulturnämnden 2023-11-15"'
)
COORDINATORS_EPILOG = "Example: psi coordinators --json"


def rotate(
    ctx: typer.Context,
    year: Year,
    appoint: Annotated[
        list[str] | None,
        typer.Option(
            help="Record ORG as YEAR's newcomer (twice in the hand-over year).", show_default=False
        ),
    ] = None,
    keep: Annotated[
        str | None,
        typer.Option(help="The coordinator of YEAR-1 that stays (when the AU must choose)."),
    ] = None,
    extend: Annotated[
        bool,
        typer.Option(
            "--extend",
            help="Record YEAR as an extension year: YEAR-1's pair once more, by the "
            "committee's decision, outside the rule.",
        ),
    ] = False,
    other: Annotated[
        list[str] | None,
        typer.Option(
            help="Record ORG as YEAR's coordinator outside the rotation, such as the region "
            "before the hand-over (at most twice).",
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            help="Date of the decision, YYYY-MM-DD; with --appoint today if left out (left "
            "empty for a past year), with --extend or --other left empty."
        ),
    ] = None,
    ref: Annotated[
        str | None,
        typer.Option(help="Decision reference, e.g. the AU minutes' paragraph."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Record the appointment although it breaks the rule.")
    ] = False,
    reason: Annotated[
        str | None, typer.Option(help="Why the rule is overridden (needed with --force).")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a pair already recorded for YEAR.")
    ] = False,
    asked: Annotated[
        list[str] | None, typer.Option(help="Record that the AU asked ORG (answer pending).")
    ] = None,
    declined: Annotated[
        list[str] | None, typer.Option(help="Record that ORG said no for YEAR.")
    ] = None,
    accepted: Annotated[
        list[str] | None, typer.Option(help="Record that ORG said yes for YEAR.")
    ] = None,
    on: On = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the inquiries.")] = None,
    as_json: AsJson = False,
) -> None:
    """Propose YEAR's coordinators by the rotation rule, record inquiries, or appoint the pair.

    Without --appoint, --extend, --other or an inquiry option it writes nothing: it explains
    who stays, who leaves and why, and ranks the newcomer candidates; for a year whose
    coordinators are all recorded, it says who they are and in which roles.

    Outside the rule: --extend records YEAR-1's civil-society pair once more (an extension
    year, as 2024), and --other ORG records a coordinator outside civil society (the region's
    years before the hand-over).
    """
    asking = _Asking(year, _answers(asked, declined, accepted), on, note)
    appointing = _Appointing(appoint or [], keep, force, reason, replace, decided, ref)
    if extend or other:
        _outside_rule(ctx, _OutsideRule(extend, other or []), appointing, asking)
    elif appoint:
        _appoint(ctx, appointing, asking)
    elif appointing.has_options():
        raise InvalidInput(
            "--keep, --force, --reason, --replace, --decided and --ref go with --appoint ORG "
            "(--replace, --decided and --ref also with --extend or --other ORG)."
        )
    elif asking.answers:
        _record_inquiries(ctx, asking, as_json=as_json)
    else:
        _propose(ctx, year, as_json=as_json)


def _answers(
    asked: list[str] | None, declined: list[str] | None, accepted: list[str] | None
) -> list[tuple[str, Answer]]:
    return (
        [(org, Answer.PENDING) for org in asked or []]
        + [(org, Answer.NO) for org in declined or []]
        + [(org, Answer.YES) for org in accepted or []]
    )


@dataclass(frozen=True)
class _Asking:
    """The inquiries of one `psi rotate` run: --asked, --declined, --accepted, --on, --note."""

    year: int
    answers: list[tuple[str, Answer]]
    on: str | None
    note: str | None


@dataclass(frozen=True)
class _Appointing:
    """The appointment options of one `psi rotate` run: --appoint and what goes with it."""

    newcomers: list[str]
    keep: str | None
    force: bool
    reason: str | None
    replace: bool
    decided: str | None
    ref: str | None

    def has_options(self) -> bool:
        """Whether any option that only goes with --appoint was given."""
        given = (self.keep, self.force, self.reason, self.replace, self.decided, self.ref)
        return any(given)


def _propose(ctx: typer.Context, year: int, *, as_json: bool) -> None:
    """Print YEAR's proposal; writes nothing."""
    from psi.services import rotation
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        proposal = rotation.propose(db, year)
    if as_json:
        console.print_json(to_json(proposal))
    else:
        _print_proposal(proposal)


def _record_inquiries(ctx: typer.Context, asking: _Asking, *, as_json: bool) -> None:
    """Record the AU's inquiries; with --json, print the proposal as it stands after them."""
    from psi.services import rotation
    from psi.services.views import to_json

    with session(ctx, write=True) as db:
        recorded = _record(db, asking)
        proposal = rotation.propose(db, asking.year) if as_json else None
    _print_inquiries(asking.year, recorded)
    if proposal is not None:
        console.print_json(to_json(proposal))


def _appoint(ctx: typer.Context, appointing: _Appointing, asking: _Asking) -> None:
    """Record any inquiries and the appointment in one transaction: a refusal writes neither."""
    from psi.services import rotation

    year = asking.year
    decided_on = parse_optional_date(appointing.decided, what="decision date")
    with session(ctx, write=True) as db:
        recorded = _record(db, asking)
        order = rotation.AppointOrder(
            year,
            appointing.newcomers,
            keep=appointing.keep,
            decided_on=decided_on,
            decision_ref=appointing.ref,
            force=appointing.force,
            reason=appointing.reason,
            replace=appointing.replace,
        )
        result = rotation.appoint(db, order)
    _print_inquiries(year, recorded)
    _print_appointment(result)


@dataclass(frozen=True)
class _OutsideRule:
    """--extend or --other ORG: a year recorded outside the rotation rule."""

    extend: bool
    others: list[str]

    @property
    def option(self) -> str:
        """The option given, for messages."""
        return "--extend" if self.extend else "--other"

    def conflicts(self, appointing: _Appointing, asking: _Asking) -> list[str]:
        """The options given that do not go with it."""
        given = {
            "--other": self.extend and bool(self.others),
            "--appoint": bool(appointing.newcomers),
            "--keep": appointing.keep is not None,
            "--force": appointing.force,
            "--reason": appointing.reason is not None,
            "--asked, --declined or --accepted": bool(asking.answers),
        }
        return [option for option, present in given.items() if present]


def _outside_rule(
    ctx: typer.Context, outside: _OutsideRule, appointing: _Appointing, asking: _Asking
) -> None:
    """Record YEAR as an extension year or with coordinators outside the rotation, in one
    transaction; refused, and nothing written, when combined with the rule's options."""
    from psi.services import rotation

    conflicts = outside.conflicts(appointing, asking)
    if conflicts:
        raise InvalidInput(
            f"{outside.option} records {asking.year} outside the rotation rule, so it cannot "
            f"be combined with {' or '.join(conflicts)}."
        )
    order = rotation.YearOrder(
        asking.year,
        decided_on=parse_optional_date(appointing.decided, what="decision date"),
        decision_ref=appointing.ref,
        replace=appointing.replace,
    )
    with session(ctx, write=True) as db:
        result = (
            rotation.extend(db, order)
            if outside.extend
            else rotation.record_other(db, order, outside.others)
        )
    _print_appointment(result)


def _record(db: Session, asking: _Asking) -> list[tuple[str, Answer]]:
    from psi.services import rotation

    if not asking.answers:
        return []
    on = day_or_today(asking.on)
    return rotation.record_inquiries(db, asking.year, asking.answers, on=on, note=asking.note)


def _print_inquiries(year: int, recorded: list[tuple[str, Answer]]) -> None:
    for name, answer in recorded:
        console.success(f"Recorded the inquiry to {name} for {year}: {answer.value}.")


def _print_appointment(result: AppointResult) -> None:
    extension = ", extension" if result.extension else ""
    pair = ", ".join(f"{name} ({role}{extension})" for name, role in result.terms)
    if not result.changed:
        console.say(f"{result.year} already has exactly this pair: {pair}. Nothing changed.")
        return
    if result.extension:
        console.success(
            f"Recorded {result.year} as an extension year, {result.year - 1}'s pair once more: "
            f"{pair}."
        )
        return
    console.success(f"Recorded {result.year}'s coordinators: {pair}.")
    for problem in result.overridden:
        console.warn(f"rule overridden: {problem}.")


def _years(count: int) -> str:
    return f"{count} consecutive year{'s' if count != 1 else ''}"


def _complete(p: ProposalView) -> bool:
    """Whether YEAR's coordinators are all recorded: then there is nothing to advise."""
    return bool(p.current) and not p.missing


def _first_steps(p: ProposalView) -> list[str]:
    if not p.previous and not p.handover:
        if _complete(p):
            return [f"{p.year - 1} has no recorded coordinators to compare {p.year}'s pair with."]
        return [
            f"{p.year - 1} has no recorded coordinators, so the rule has nothing to start "
            f"from. Record them with: psi rotate {p.year - 1} --appoint ORG --force --reason TEXT"
        ]
    if p.handover:
        if _complete(p):
            return [
                f"{p.year - 1} had no civil-society coordinator: {p.year} was a hand-over "
                "year, in which both coordinators may be newcomers."
            ]
        return [
            f"{p.year - 1} had no civil-society coordinator: {p.year} is a hand-over "
            "year, and both coordinators may be newcomers."
        ]
    served = "; ".join(f"{name}, {_years(years)}" for name, years in p.previous)
    if p.extension:
        return [
            f"{p.year - 1}: {served}.",
            f"{p.year} is an extension year: the committee gave {p.year - 1}'s pair the "
            "assignment once more, outside the rotation rule. The year counts as served.",
        ]
    return [f"{p.year - 1}: {served}.", *_stays_and_leaves(p)]


def _print_proposal(p: ProposalView) -> None:
    if p.outside_rotation and _complete(p):
        console.say(f"Coordinators of {p.year}, outside the rotation:", style="bold")
        _print_current(p, 1)
        return
    steps = _first_steps(p)
    console.say(f"Rotation for {p.year}, from the coordinators of {p.year - 1}:", style="bold")
    for number, text in enumerate(steps, start=1):
        console.say(f"{number}. {text}")
    if _complete(p):
        _print_current(p, len(steps) + 1)
        return
    console.say(
        f"{len(steps) + 1}. Newcomer candidates: civil-society members in {p.year} that have "
        "never coordinated and have not declined, ranked by meetings attended in the two "
        "years before, then by length of membership:"
    )
    if p.candidates:
        rows = [
            [
                str(c.rank),
                c.organisation,
                c.municipality or "",
                c.joined_on.isoformat() if c.joined_on else "",
                str(c.attended),
                c.inquiry or "not asked",
            ]
            for c in p.candidates
        ]
        headers = ["#", "Organisation", "Municipality", "Member since", "Meetings", "Inquiry"]
        console.print_table(headers, rows)
    else:
        console.say("   none: recruit a civil-society member first (psi org add, psi org join).")
    if p.declined:
        console.say(f"   Declined for {p.year}: {', '.join(p.declined)}.")
    _print_current(p, len(steps) + 2)


def _stays_and_leaves(p: ProposalView) -> list[str]:
    if len(p.previous) == 1:
        if _complete(p):
            return [
                f"Only one coordinator is recorded for {p.year - 1}, so the rule cannot tell "
                "who stayed."
            ]
        return [
            f"Only one coordinator is recorded for {p.year - 1}, so the rule cannot tell who "
            f"stays; appoint {p.year - 1}'s newcomer first: psi rotate {p.year - 1} --appoint ORG"
        ]
    served = dict(p.previous)
    equal = [name for name, years in p.leaves if p.stays and years == served[p.stays]]
    if p.stays and equal:
        lines = [
            f"Stays: {p.stays}. {' and '.join([p.stays, *equal])} have served equally long, "
            f"and {p.year}'s recorded pair says who stayed."
        ]
    elif p.stays:
        lines = [f"Stays: {p.stays}, the one with the fewest consecutive years."]
    elif _complete(p):
        lines = [f"{' and '.join(p.tied)} have served equally long."]
    else:
        options = " or ".join(f'--keep "{name}"' for name in p.tied)
        lines = [
            f"Stays: the AU must choose, since {' and '.join(p.tied)} have served equally "
            f"long ({options})."
        ]
    lines.extend(
        f"Leaves: {name} ({_years(years)})."
        if name in equal
        else f"Leaves: {name}, which has served longest ({_years(years)})."
        for name, years in p.leaves
    )
    return lines


def _print_current(p: ProposalView, step: int) -> None:
    if not p.current:
        console.say(
            f"{step}. Nothing is recorded for {p.year} yet. Ask candidates with "
            f"psi rotate {p.year} --asked ORG, then appoint with psi rotate {p.year} --appoint ORG."
        )
        return
    extension = ", extension" if p.extension else ""
    pair = ", ".join(f"{name} ({role}{extension})" for name, role in p.current)
    console.say(f"{step}. Recorded for {p.year}: {pair}.")
    if not p.missing:
        if p.outside_rotation:
            console.say(
                f"   {p.year} lies outside the rotation rule, which applies to civil-society "
                "coordinators; nothing is missing."
            )
        else:
            console.say(f"   {p.year}'s pair is complete.")
        return
    console.say(
        f"   Still missing: {' and '.join(p.missing)}. Appoint with psi rotate {p.year} --appoint ORG."
    )
    if _same_pair_again(p):
        console.say(
            f"   If the committee gave {p.year - 1}'s pair {p.year} once more, record it as an "
            f"extension year instead: psi rotate {p.year} --extend --replace"
        )


def _same_pair_again(p: ProposalView) -> bool:
    """Whether YEAR holds YEAR-1's whole pair, not recorded as an extension year."""
    previous = {name for name, _ in p.previous}
    return len(previous) == 2 and {name for name, _ in p.current} == previous


def coordinators(
    ctx: typer.Context,
    as_json: AsJson = False,
) -> None:
    """Show every year's coordinators, their roles and how long each had served by then."""
    from psi.services import rotation
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        views = rotation.coordinator_history(db)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            "No coordinators are recorded yet. Record a year with: psi rotate YEAR --appoint ORG"
        )
        return
    rows = [
        [
            str(v.year),
            v.organisation,
            v.role,
            str(v.consecutive_years),
            "yes" if v.extension else "",
            v.decision_ref or "",
            v.override_reason or "",
        ]
        for v in views
    ]
    console.print_table(
        [
            "Year",
            "Organisation",
            "Role",
            "Years in a row",
            "Extension",
            "Decision",
            "Rule overridden",
        ],
        rows,
    )
