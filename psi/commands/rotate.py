"""`psi rotate YEAR` and `psi coordinators`: the coordinator rotation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.domain.dates import check_year, parse_optional_date
from psi.domain.rotation import Answer
from psi.errors import InvalidInput

if TYPE_CHECKING:
    from psi.services.rotation import AppointResult, ProposalView

ROTATE_EPILOG = (
    'Example: psi rotate 2027 --asked "Exempelstiftelsen Bron" ; '
    'psi rotate 2027 --appoint "Exempelstiftelsen Bron" --decided 2026-11-20 --ref "AU 2026-11-20 § 4"'
)
COORDINATORS_EPILOG = "Example: psi coordinators --json"


def rotate(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year to propose or appoint coordinators for.")],
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
    decided: Annotated[
        str | None, typer.Option(help="Date of the AU's decision, YYYY-MM-DD; today if left out.")
    ] = None,
    ref: Annotated[
        str | None, typer.Option(help="Decision reference, e.g. the AU minutes' paragraph.")
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
    on: Annotated[
        str | None, typer.Option(help="Date of the inquiry, YYYY-MM-DD; today if left out.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the inquiries.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the proposal as JSON.")] = False,
) -> None:
    """Propose YEAR's coordinators by the rotation rule, record inquiries, or appoint the pair.

    Without --appoint or an inquiry option it writes nothing: it explains who stays, who
    leaves and why, and ranks the newcomer candidates.
    """
    from psi.services import rotation

    check_year(year)
    answers = (
        [(org, Answer.PENDING) for org in asked or []]
        + [(org, Answer.NO) for org in declined or []]
        + [(org, Answer.YES) for org in accepted or []]
    )
    writing = bool(answers or appoint)
    if not appoint and (keep or force or reason or replace or decided or ref):
        raise InvalidInput(
            "--keep, --force, --reason, --replace, --decided and --ref go with --appoint ORG."
        )
    decided_on = parse_optional_date(decided, what="decision date")
    with session(ctx, write=writing) as db:
        recorded = (
            rotation.record_inquiries(db, year, answers, on=day_or_today(on), note=note)
            if answers
            else []
        )
        result = None
        if appoint:
            result = rotation.appoint(
                db,
                year,
                appoint,
                keep=keep,
                decided_on=decided_on,
                decision_ref=ref,
                force=force,
                reason=reason,
                replace=replace,
            )
        proposal = rotation.propose(db, year)
    for name, answer in recorded:
        console.success(f"Recorded the inquiry to {name} for {year}: {answer.value}.")
    if result is not None:
        _print_appointment(result)
        return
    if as_json:
        console.print_json(proposal.to_json())
        return
    if not recorded:
        _print_proposal(proposal)


def _print_appointment(result: AppointResult) -> None:
    pair = ", ".join(f"{name} ({role})" for name, role in result.terms)
    if not result.changed:
        console.say(f"{result.year} already has exactly this pair: {pair}. Nothing changed.")
        return
    console.success(f"Recorded {result.year}'s coordinators: {pair}.")
    for problem in result.overridden:
        console.warn(f"rule overridden: {problem}.")


def _years(count: int) -> str:
    return f"{count} consecutive year{'s' if count != 1 else ''}"


def _print_proposal(p: ProposalView) -> None:
    steps: list[str] = []
    if not p.previous and not p.handover:
        steps.append(
            f"{p.year - 1} has no recorded coordinators, so the rule has nothing to start "
            f"from. Record them with: psi rotate {p.year - 1} --appoint ORG --force --reason TEXT"
        )
    elif p.handover:
        steps.append(
            f"{p.year - 1} had no civil-society coordinator: {p.year} is a hand-over "
            "year, and both coordinators may be newcomers."
        )
    else:
        served = "; ".join(f"{name}, {_years(years)}" for name, years in p.previous)
        steps.append(f"{p.year - 1}: {served}.")
        steps.extend(_stays_and_leaves(p))
    console.say(f"Rotation for {p.year}, from the coordinators of {p.year - 1}:", style="bold")
    for number, text in enumerate(steps, start=1):
        console.say(f"{number}. {text}")
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
        return [
            f"Only one coordinator is recorded for {p.year - 1}, so the rule cannot tell who "
            f"stays; appoint {p.year - 1}'s newcomer first: psi rotate {p.year - 1} --appoint ORG"
        ]
    if p.stays:
        lines = [f"Stays: {p.stays}, the one with the fewest consecutive years."]
    else:
        options = " or ".join(f'--keep "{name}"' for name in p.tied)
        lines = [
            f"Stays: the AU must choose, since {' and '.join(p.tied)} have served equally "
            f"long ({options})."
        ]
    lines.extend(
        f"Leaves: {name}, which has served longest ({_years(years)})." for name, years in p.leaves
    )
    return lines


def _print_current(p: ProposalView, step: int) -> None:
    if not p.current:
        console.say(
            f"{step}. Nothing is recorded for {p.year} yet. Ask candidates with "
            f"psi rotate {p.year} --asked ORG, then appoint with psi rotate {p.year} --appoint ORG."
        )
        return
    pair = ", ".join(f"{name} ({role})" for name, role in p.current)
    console.say(f"{step}. Recorded for {p.year}: {pair}.")
    if p.missing:
        console.say(
            f"   Still missing: {' and '.join(p.missing)}. Appoint with psi rotate {p.year} --appoint ORG."
        )
    else:
        console.say(f"   {p.year}'s pair is complete.")


def coordinators(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show every year's coordinators, their roles and how long each had served by then."""
    from psi.services import rotation

    with session(ctx, write=False) as db:
        views = rotation.coordinator_history(db)
    if as_json:
        console.print_json([view.to_json() for view in views])
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
            v.decision_ref or "",
            v.override_reason or "",
        ]
        for v in views
    ]
    console.print_table(
        ["Year", "Organisation", "Role", "Years in a row", "Decision", "Rule overridden"], rows
    )
