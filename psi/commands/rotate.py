"""`psi rotate YEAR` and `psi coordinators`: the coordinator rotation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.commands._options import AsJson, On, Year
from psi.completion import complete_organisation
from psi.domain.dates import parse_optional_date
from psi.domain.rotation import Answer
from psi.errors import InvalidInput
from psi.words import COORDINATOR_ROLE, INQUIRY_ANSWER, NC_, _, interface_term, ngettext, pgettext

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
            help="Record ORG as YEAR's newcomer (twice in the hand-over year).",
            show_default=False,
            autocompletion=complete_organisation,
        ),
    ] = None,
    keep: Annotated[
        str | None,
        typer.Option(
            help="The coordinator of YEAR-1 that stays (when the AU must choose).",
            autocompletion=complete_organisation,
        ),
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
            autocompletion=complete_organisation,
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
        list[str] | None,
        typer.Option(
            help="Record that the AU asked ORG (answer pending).",
            autocompletion=complete_organisation,
        ),
    ] = None,
    declined: Annotated[
        list[str] | None,
        typer.Option(
            help="Record that ORG said no for YEAR.", autocompletion=complete_organisation
        ),
    ] = None,
    accepted: Annotated[
        list[str] | None,
        typer.Option(
            help="Record that ORG said yes for YEAR.", autocompletion=complete_organisation
        ),
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
            _(
                "--keep, --force, --reason, --replace, --decided and --ref go with --appoint ORG "
                "(--replace, --decided and --ref also with --extend or --other ORG)."
            )
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
    decided_on = parse_optional_date(appointing.decided, what=NC_("what", "decision date"))
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
            "--asked, --declined, --accepted": bool(asking.answers),
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
            _(
                "{option} records {year} outside the rotation rule, so it cannot be combined "
                "with {options}."
            ).format(option=outside.option, year=asking.year, options=", ".join(conflicts))
        )
    order = rotation.YearOrder(
        asking.year,
        decided_on=parse_optional_date(appointing.decided, what=NC_("what", "decision date")),
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


def _inquiry_recorded(name: str, year: int, answer: Answer) -> str:
    if answer is Answer.YES:
        text = _("Recorded the inquiry to {name} for {year}: yes.")
    elif answer is Answer.NO:
        text = _("Recorded the inquiry to {name} for {year}: no.")
    else:
        text = _("Recorded the inquiry to {name} for {year}: pending.")
    return text.format(name=name, year=year)


def _print_inquiries(year: int, recorded: list[tuple[str, Answer]]) -> None:
    for name, answer in recorded:
        console.success(_inquiry_recorded(name, year, answer))


def _term(name: str, role: str, *, extension: bool) -> str:
    """A coordinator in a list: the name, its role, and whether it was an extension year."""
    text = _("{name} ({role}, extension)") if extension else _("{name} ({role})")
    return text.format(name=name, role=interface_term(COORDINATOR_ROLE, role))


def _pair(terms: list[tuple[str, str]], *, extension: bool) -> str:
    return ", ".join(_term(name, role, extension=extension) for name, role in terms)


def _print_appointment(result: AppointResult) -> None:
    pair = _pair(list(result.terms), extension=result.extension)
    if not result.changed:
        console.say(
            _("{year} already has exactly this pair: {pair}. Nothing changed.").format(
                year=result.year, pair=pair
            )
        )
        return
    if result.extension:
        console.success(
            _("Recorded {year} as an extension year, {previous}'s pair once more: {pair}.").format(
                year=result.year, previous=result.year - 1, pair=pair
            )
        )
        return
    console.success(
        _("Recorded {year}'s coordinators: {pair}.").format(year=result.year, pair=pair)
    )
    for problem in result.overridden:
        console.warn(_("rule overridden: {problem}.").format(problem=problem))


def _served(name: str, years: int) -> str:
    """One of last year's coordinators with its run of years, in a list."""
    return ngettext("{name}, {n} consecutive year", "{name}, {n} consecutive years", years).format(
        name=name, n=years
    )


def _both(names: list[str]) -> dict[str, str]:
    """Two names (of a pair) for a message's {first} and {second}."""
    return {"first": ", ".join(names[:-1]), "second": names[-1]}


def _complete(p: ProposalView) -> bool:
    """Whether YEAR's coordinators are all recorded: then there is nothing to advise."""
    return bool(p.current) and not p.missing


def _first_steps(p: ProposalView) -> list[str]:
    year, before = p.year, p.year - 1
    if not p.previous and not p.handover:
        if _complete(p):
            return [
                _("{before} has no recorded coordinators to compare {year}'s pair with.").format(
                    before=before, year=year
                )
            ]
        return [
            _(
                "{before} has no recorded coordinators, so the rule has nothing to start "
                "from. Record them with: psi rotate {before} --appoint ORG --force --reason TEXT"
            ).format(before=before)
        ]
    if p.handover:
        if _complete(p):
            return [
                _(
                    "{before} had no civil-society coordinator: {year} was a hand-over "
                    "year, in which both coordinators may be newcomers."
                ).format(before=before, year=year)
            ]
        return [
            _(
                "{before} had no civil-society coordinator: {year} is a hand-over "
                "year, and both coordinators may be newcomers."
            ).format(before=before, year=year)
        ]
    served = "; ".join(_served(name, years) for name, years in p.previous)
    served_line = _("{year}: {coordinators}.").format(year=before, coordinators=served)
    if p.extension:
        return [
            served_line,
            _(
                "{year} is an extension year: the committee gave {before}'s pair the "
                "assignment once more, outside the rotation rule. The year counts as served."
            ).format(year=year, before=before),
        ]
    return [served_line, *_stays_and_leaves(p)]


def _inquiry_cell(answer: Answer | None) -> str:
    """A candidate's inquiry in the table: its answer, or that it was not asked."""
    if answer is None:  # no value of Answer, so its word is here rather than in TERMS
        return pgettext("inquiry answer", "not asked")
    return interface_term(INQUIRY_ANSWER, answer)


def _print_proposal(p: ProposalView) -> None:
    if p.outside_rotation and _complete(p):
        console.say(
            _("Coordinators of {year}, outside the rotation:").format(year=p.year), style="bold"
        )
        _print_current(p, 1)
        return
    steps = _first_steps(p)
    console.say(
        _("Rotation for {year}, from the coordinators of {before}:").format(
            year=p.year, before=p.year - 1
        ),
        style="bold",
    )
    for number, text in enumerate(steps, start=1):
        console.say(f"{number}. {text}")
    if _complete(p):
        _print_current(p, len(steps) + 1)
        return
    console.say(
        _(
            "{step}. Newcomer candidates: civil-society members in {year} that have "
            "never coordinated and have not declined, ranked by meetings attended in the two "
            "years before, then by length of membership:"
        ).format(step=len(steps) + 1, year=p.year)
    )
    if p.candidates:
        rows = [
            [
                str(c.rank),
                c.organisation,
                c.municipality or "",
                c.joined_on.isoformat() if c.joined_on else "",
                str(c.attended),
                _inquiry_cell(c.inquiry),
            ]
            for c in p.candidates
        ]
        headers = [
            "#",
            pgettext("table heading", "Organisation"),
            pgettext("table heading", "Municipality"),
            pgettext("table heading", "Member since"),
            pgettext("table heading", "Meetings"),
            pgettext("table heading", "Inquiry"),
        ]
        console.print_table(headers, rows)
    else:
        console.say(
            "   " + _("none: recruit a civil-society member first (psi org add, psi org join).")
        )
    if p.declined:
        console.say(
            "   "
            + _("Declined for {year}: {names}.").format(year=p.year, names=", ".join(p.declined))
        )
    _print_current(p, len(steps) + 2)


def _stays_and_leaves(p: ProposalView) -> list[str]:
    year, before = p.year, p.year - 1
    if len(p.previous) == 1:
        if _complete(p):
            return [
                _(
                    "Only one coordinator is recorded for {before}, so the rule cannot tell "
                    "who stayed."
                ).format(before=before)
            ]
        return [
            _(
                "Only one coordinator is recorded for {before}, so the rule cannot tell who "
                "stays; appoint {before}'s newcomer first: psi rotate {before} --appoint ORG"
            ).format(before=before)
        ]
    served = dict(p.previous)
    equal = [name for name, years in p.leaves if p.stays and years == served[p.stays]]
    if p.stays and equal:
        lines = [
            _(
                "Stays: {stays}. {first} and {second} have served equally long, "
                "and {year}'s recorded pair says who stayed."
            ).format(stays=p.stays, year=year, **_both([p.stays, *equal]))
        ]
    elif p.stays:
        lines = [
            _("Stays: {name}, the one with the fewest consecutive years.").format(name=p.stays)
        ]
    elif _complete(p):
        lines = [_("{first} and {second} have served equally long.").format(**_both(p.tied))]
    else:
        lines = [
            _(
                "Stays: the AU must choose, since {first} and {second} have served equally "
                'long (--keep "{first}" or --keep "{second}").'
            ).format(**_both(p.tied))
        ]
    lines.extend(
        ngettext(
            "Leaves: {name} ({n} consecutive year).",
            "Leaves: {name} ({n} consecutive years).",
            years,
        ).format(name=name, n=years)
        if name in equal
        else ngettext(
            "Leaves: {name}, which has served longest ({n} consecutive year).",
            "Leaves: {name}, which has served longest ({n} consecutive years).",
            years,
        ).format(name=name, n=years)
        for name, years in p.leaves
    )
    return lines


def _still_missing(missing: list[str], year: int) -> str:
    """What the year still lacks, and how to appoint it."""
    lacks = (missing.count("continuing"), missing.count("newcomer"))
    texts = {
        (1, 0): _("Still missing: continuing. Appoint with psi rotate {year} --appoint ORG."),
        (0, 1): _("Still missing: newcomer. Appoint with psi rotate {year} --appoint ORG."),
        (1, 1): _(
            "Still missing: continuing and newcomer. Appoint with psi rotate {year} --appoint ORG."
        ),
        (0, 2): _(
            "Still missing: newcomer and newcomer. Appoint with psi rotate {year} --appoint ORG."
        ),
    }
    text = texts.get(lacks)
    if text is None:
        roles = ", ".join(interface_term(COORDINATOR_ROLE, role) for role in missing)
        text = _("Still missing: {roles}. Appoint with psi rotate {year} --appoint ORG.")
        return text.format(roles=roles, year=year)
    return text.format(year=year)


def _print_current(p: ProposalView, step: int) -> None:
    year, before = p.year, p.year - 1
    if not p.current:
        console.say(
            _(
                "{step}. Nothing is recorded for {year} yet. Ask candidates with "
                "psi rotate {year} --asked ORG, then appoint with psi rotate {year} --appoint ORG."
            ).format(step=step, year=year)
        )
        return
    pair = _pair(list(p.current), extension=p.extension)
    console.say(_("{step}. Recorded for {year}: {pair}.").format(step=step, year=year, pair=pair))
    if not p.missing:
        if p.outside_rotation:
            console.say(
                "   "
                + _(
                    "{year} lies outside the rotation rule, which applies to civil-society "
                    "coordinators; nothing is missing."
                ).format(year=year)
            )
        else:
            console.say("   " + _("{year}'s pair is complete.").format(year=year))
        return
    console.say("   " + _still_missing(list(p.missing), year))
    if _same_pair_again(p):
        console.say(
            "   "
            + _(
                "If the committee gave {before}'s pair {year} once more, record it as an "
                "extension year instead: psi rotate {year} --extend --replace"
            ).format(before=before, year=year)
        )


def _same_pair_again(p: ProposalView) -> bool:
    """Whether YEAR holds YEAR-1's whole pair, not recorded as an extension year."""
    previous = {name for name, _years in p.previous}
    return len(previous) == 2 and {name for name, _role in p.current} == previous


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
            _("No coordinators are recorded yet. Record a year with: psi rotate YEAR --appoint ORG")
        )
        return
    rows = [
        [
            str(v.year),
            v.organisation,
            interface_term(COORDINATOR_ROLE, v.role),
            str(v.consecutive_years),
            pgettext("table cell", "yes") if v.extension else "",
            v.decision_ref or "",
            v.override_reason or "",
        ]
        for v in views
    ]
    console.print_table(
        [
            pgettext("table heading", "Year"),
            pgettext("table heading", "Organisation"),
            pgettext("table heading", "Role"),
            pgettext("table heading", "Years in a row"),
            pgettext("table heading", "Extension"),
            pgettext("table heading", "Decision"),
            pgettext("table heading", "Rule overridden"),
        ],
        rows,
    )
