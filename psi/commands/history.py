"""`psi history`: the committee's rotation decision and the AU's assessments of the way of
working, as the decision draft states them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from psi import console
from psi.commands._common import confirm, day_or_today, session
from psi.commands._options import AsJson, On, Year, Yes
from psi.domain.history import HistoryKind, assessment_finding, parse_decided
from psi.words import HISTORY_KIND, NC_, _, interface_term, pgettext

if TYPE_CHECKING:
    from psi.services.history import HistoryView

app = typer.Typer(
    help="Record Kulturnämnden's rotation decision and the AU's assessments of the way of working.",
    epilog="Example: psi history list",
    no_args_is_help=True,
    add_completion=False,
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
        console.say(
            _("Entry {number} already records this rotation decision; nothing was changed.").format(
                number=view.id
            )
        )
        return
    text = _rotation_text(view)
    if outcome is Outcome.REPLACED:
        console.success(_("Replaced entry {number}: {entry}.").format(number=view.id, entry=text))
    else:
        console.success(_("Recorded entry {number}: {entry}.").format(number=view.id, entry=text))


@app.command(
    "assess",
    epilog='Example: psi history assess 2025 --works-well --on 2025-08-20 --ref "AU 2025-08-20 § 3"',
)
def assess(
    ctx: typer.Context,
    year: Year,
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
    on: On = None,
) -> None:
    """Record the AU's assessment of the way of working in YEAR."""
    from psi.services.history import record_assessment

    finding = assessment_finding(works_well, needs_change)
    day = day_or_today(on, what=NC_("what", "assessment date"))
    with session(ctx) as db:
        view = record_assessment(db, year, day, finding, ref=ref)
    console.success(
        _("Recorded entry {number}: {entry}.").format(number=view.id, entry=_assessment_text(view))
    )


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
            _(
                "No history entries yet. Record the rotation decision with "
                "psi history rotation YEAR --decided WHEN, or an assessment with "
                "psi history assess YEAR --works-well --on DATE."
            )
        )
        return
    rows = [
        [
            str(v.id),
            _kind_word(v.kind),
            str(v.year),
            v.decided.text,
            _yes_no(v.works_well),
            v.ref or "",
            v.note or "",
        ]
        for v in views
    ]
    headers = [
        "#",
        pgettext("table heading", "Kind"),
        pgettext("table heading", "Year"),
        pgettext("table heading", "Decided"),
        pgettext("table heading", "Works well"),
        pgettext("table heading", "Ref"),
        pgettext("table heading", "Note"),
    ]
    console.print_table(headers, rows)


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
    entry = _rotation_text(view) if view.kind is HistoryKind.ROTATION else _assessment_text(view)
    question = _("Remove entry {number}: {entry}?").format(number=view.id, entry=entry)
    confirm(question, yes=yes, declined=_("Nothing was removed."))
    with session(ctx) as db:
        remove_entry(db, entry_id)
    console.success(_("Removed entry {number}.").format(number=view.id))


def _kind_word(kind: HistoryKind) -> str:
    """An entry's kind in the table."""
    return interface_term(HISTORY_KIND, kind)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return pgettext("table cell", "yes") if value else pgettext("table cell", "no")


def _rotation_text(view: HistoryView) -> str:
    """The rotation decision as a clause: who decided what, and when."""
    if view.decided_on is not None:
        return _(
            "on {day} Kulturnämnden decided that the coordination rotates from {year} on"
        ).format(day=view.decided_on, year=view.year)
    return _(
        "during {decided} Kulturnämnden decided that the coordination rotates from {year} on"
    ).format(decided=view.decided_year, year=view.year)


def _assessment_text(view: HistoryView) -> str:
    """An assessment as a clause: when the AU assessed which year, and what it found."""
    if view.works_well:
        return _("on {day} the AU assessed that the way of working in {year} works well").format(
            day=view.decided_on, year=view.year
        )
    return _(
        "on {day} the AU assessed that the way of working in {year} needs a change: {change}"
    ).format(day=view.decided_on, year=view.year, change=view.note)
