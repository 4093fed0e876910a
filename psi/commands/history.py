"""`psi history`: the committee's rotation decision and the AU's assessments of the way of
working, as the decision draft states them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import confirm, session
from psi.commands._options import AsJson, Year, Yes
from psi.domain.dates import parse_date
from psi.domain.history import HistoryKind, assessment_finding, parse_decided

if TYPE_CHECKING:
    from psi.services.history import HistoryView

app = typer.Typer(
    help="Record Kulturnämnden's rotation decision and the AU's assessments of the way of working.",
    epilog="Example: psi history list",
    no_args_is_help=True,
)

Ref = Annotated[
    str | None, typer.Option(help="Reference to the decision, e.g. the minutes' paragraph.")
]


@app.command(
    "rotation",
    epilog='Example: psi history rotation 2025 --decided 2024 --ref "Kulturnämnden 2024"',
)
def rotation(
    ctx: typer.Context,
    year: Year,
    decided: Annotated[
        str,
        typer.Option(
            help="When Kulturnämnden decided it: a date, YYYY-MM-DD, or only the year, YYYY.",
            show_default=False,
        ),
    ],
    ref: Ref = None,
    note: Annotated[str | None, typer.Option(help="A note on the decision.")] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Replace the rotation decision already recorded with this one."
        ),
    ] = False,
) -> None:
    """Record Kulturnämnden's decision that the coordination rotates from YEAR on."""
    from psi.services.history import Outcome, record_rotation

    when = parse_decided(decided)
    with session(ctx) as db:
        view, outcome = record_rotation(db, year, when, ref=ref, note=note, replace=replace)
    if outcome is Outcome.UNCHANGED:
        console.say(f"Entry {view.id} already records this rotation decision; nothing was changed.")
        return
    text = _rotation_text(view)
    if outcome is Outcome.REPLACED:
        console.success(f"Replaced entry {view.id}: {text}.")
    else:
        console.success(f"Recorded entry {view.id}: {text}.")


@app.command(
    "assess",
    epilog='Example: psi history assess 2025 --works-well --on 2025-08-20 --ref "AU 2025-08-20 § 3"',
)
def assess(
    ctx: typer.Context,
    year: Year,
    on: Annotated[
        str, typer.Option(help="Date of the AU's assessment, YYYY-MM-DD.", show_default=False)
    ],
    works_well: Annotated[
        bool, typer.Option("--works-well", help="The AU found that the way of working works well.")
    ] = False,
    needs_change: Annotated[
        str | None,
        typer.Option(
            "--needs-change", help="The AU found that the way of working needs this change."
        ),
    ] = None,
    ref: Ref = None,
) -> None:
    """Record the AU's assessment of the way of working in YEAR."""
    from psi.services.history import record_assessment

    finding = assessment_finding(works_well, needs_change)
    day = parse_date(on, what="assessment date")
    with session(ctx) as db:
        view = record_assessment(db, year, day, finding, ref=ref)
    console.success(f"Recorded entry {view.id}: {_assessment_text(view)}.")


@app.command("list", epilog="Example: psi history list --json")
def list_(ctx: typer.Context, as_json: AsJson = False) -> None:
    """List every entry, the oldest decision first."""
    from psi.services.history import history_entries
    from psi.services.views import to_json

    with session(ctx, write=False) as db:
        views = history_entries(db)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say(
            "No history entries yet. Record the rotation decision with "
            "psi history rotation YEAR --decided WHEN, or an assessment with "
            "psi history assess YEAR --works-well --on DATE."
        )
        return
    rows = [
        [
            str(v.id),
            str(v.kind),
            str(v.year),
            v.decided.text,
            _yes_no(v.works_well),
            v.ref or "",
            v.note or "",
        ]
        for v in views
    ]
    console.print_table(["#", "Kind", "Year", "Decided", "Works well", "Ref", "Note"], rows)


@app.command("remove", epilog="Example: psi history remove 3 --yes")
def remove(
    ctx: typer.Context,
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's number.")],
    yes: Yes = False,
) -> None:
    """Remove an entry recorded by mistake."""
    from psi.services.history import get_entry, remove_entry

    with session(ctx, write=False) as db:
        view = get_entry(db, entry_id)
    if view.kind is HistoryKind.ROTATION:
        question = f"Remove entry {view.id}: {_rotation_text(view)}?"
    else:
        question = f"Remove entry {view.id}: {_assessment_text(view)}?"
    confirm(question, yes=yes, declined="Nothing was removed.")
    with session(ctx) as db:
        remove_entry(db, entry_id)
    console.success(f"Removed entry {view.id}.")


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "yes" if value else "no"


def _rotation_text(view: HistoryView) -> str:
    """The rotation decision as a clause: who decided what, and when."""
    if view.decided_on is not None:
        return (
            f"on {view.decided_on} Kulturnämnden decided that the coordination rotates "
            f"from {view.year} on"
        )
    return (
        f"during {view.decided_year} Kulturnämnden decided that the coordination rotates "
        f"from {view.year} on"
    )


def _assessment_text(view: HistoryView) -> str:
    """An assessment as a clause: when the AU assessed which year, and what it found."""
    if view.works_well:
        return (
            f"on {view.decided_on} the AU assessed that the way of working in {view.year} "
            "works well"
        )
    return (
        f"on {view.decided_on} the AU assessed that the way of working in {view.year} "
        f"needs a change: {view.note}"
    )
