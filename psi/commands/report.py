"""`psi report`: the follow-up, the decision draft and the everyday reports, as documents."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from psi import console
from psi.commands._common import day_or_today, session, write_document
from psi.commands._options import (
    Format,
    Lang,
    Output,
    Templates,
    Year,
    checked_year,
    document_request,
)
from psi.errors import FileProblem, InvalidInput
from psi.words import N_, NC_, _, interface_language, ngettext, words

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.reports.render import DocumentRequest

    # Reads a year's facts (only those its report shows) and builds the report's context.
    Build = Callable[[Session, int, str], dict[str, Any]]

app = typer.Typer(
    help="Write the follow-up, the committee's decision draft and the everyday reports, "
    "as PDF, Word or Markdown.",
    epilog="Example: psi report followup 2025 --format pdf",
    no_args_is_help=True,
    add_completion=False,
)

CHARTS = ("spending", "attendance")

# The word for each report in its default file name, in the document's language:
# `uppfoljning-2025.pdf` in Swedish, `followup-2025.pdf` in English.
FILE_NAMES = {
    "followup": NC_("file name", "followup"),
    "decision": NC_("file name", "decision"),
    "budget": NC_("file name", "budget"),
    "members": NC_("file name", "members"),
    "activities": NC_("file name", "activities"),
    "rotation": NC_("file name", "rotation"),
    "newsletter": NC_("file name", "newsletter"),
    "handover": NC_("file name", "handover"),
}


def file_stem(report: str, lang: str) -> str:
    """A report's word for its default file name, in the document's language."""
    return words(lang).pgettext("file name", FILE_NAMES[report])


def _deliver(
    name: str,
    stem: str,
    context: dict[str, Any],
    request: DocumentRequest,
    *,
    title: str,
    step: console.Step = lambda _name: None,
) -> None:
    from psi.reports.render import chart_slots, render_markdown

    chosen = request.file_format
    slots = chart_slots(CHARTS) if chosen == "pdf" else {}
    step(_("writing the text"))
    markdown = render_markdown(name, {**context, "chart_slots": slots}, request)
    if chosen != "md":
        step(_("making the {format}").format(format=chosen.upper()))
    write_document(
        markdown,
        request,
        default_name=f"{stem}.{chosen}",
        title=title,
        header=context.get("header") or context["settings"].get("name") or "",
        dated=context.get("dated_on"),
        charts=context.get("charts"),
        slots=slots,
    )


def _year_report(
    ctx: typer.Context,
    name: str,
    year: int,
    build: Build,
    title: str,
    request: DocumentRequest,
) -> None:
    """A report about one year: its facts and context gathered in one read-only transaction."""
    from psi.domain.summary import LARGE_REGISTER_MEETINGS
    from psi.services.yearly import meeting_count

    with ExitStack() as progress:
        with session(ctx, write=False) as db:
            large = meeting_count(db) > LARGE_REGISTER_MEETINGS
            count = 2 if request.file_format == "md" else 3
            step = progress.enter_context(console.steps(f"{name} {year}", count, show=large))
            step(_("reading the register"))
            context = build(db, year, request.lang)
        stem = f"{file_stem(name, request.lang)}-{year}"
        _deliver(name, stem, context, request, title=title, step=step)


def _year_command(name: str, build: Build, title: str, summary: str, example: str) -> None:
    """Add `psi report NAME YEAR`, a report about one year (its title a msgid with {year})."""

    def command(
        ctx: typer.Context,
        year: Year,
        file_format: Format = None,
        output: Output = None,
        lang: Lang = "sv",
        templates: Templates = None,
    ) -> None:
        request = document_request(file_format, output, lang, templates)
        heading = words(request.lang).gettext(title).format(year=year)
        _year_report(ctx, name, year, build, heading, request)

    app.command(name, help=summary, epilog=f"Example: {example}")(command)


def _followup(db: Session, year: int, language: str) -> dict[str, Any]:
    from psi.reports.contexts import followup_context
    from psi.services.yearly import year_report

    return followup_context(year_report(db, year), language)


def _budget(db: Session, year: int, language: str) -> dict[str, Any]:
    from psi.reports.contexts import budget_context
    from psi.services.yearly import budget_report

    return budget_context(budget_report(db, year), language)


def _activities(db: Session, year: int, language: str) -> dict[str, Any]:
    from psi.reports.contexts import activities_context
    from psi.services.yearly import activities_report

    return activities_context(activities_report(db, year), language)


_year_command(
    "followup",
    _followup,
    N_("Follow-up {year}"),
    "The working committee's follow-up of a year: the six duties, meetings, members, budget.",
    "psi report followup 2025 --format pdf -o uppfoljning-2025.pdf",
)


@app.command(
    "decision",
    epilog="Example: psi report decision 2026 --date 2025-08-27 --dnr KN 2025/123 --format pdf",
)
def decision(
    ctx: typer.Context,
    year: Year,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The draft as it stands on this day, YYYY-MM-DD (today if left out): only "
            "what was decided by then counts, and the draft is dated that day.",
        ),
    ] = None,
    dnr: Annotated[
        str | None, typer.Option(help="The diarienummer; a line to fill in if left out.")
    ] = None,
    send_to: Annotated[
        str | None,
        typer.Option(
            help="Who the decision is sent to (Skickas till); a line to fill in if left out."
        ),
    ] = None,
    file_format: Format = None,
    output: Output = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """A draft of Kulturnämnden's decision document for a year, every fact from the register.

    Each fact it takes from the register is listed on standard error with its value and
    the command that changes it, so that it can be checked before the draft is sent.
    """
    from psi.domain.decision import draft
    from psi.reports.contexts import decision_context, fact_label
    from psi.services.yearly import decision_input

    request = document_request(file_format, output, lang, templates)
    day = day_or_today(on)
    with session(ctx, write=False) as db:
        facts = draft(decision_input(db, year, day))
    context = decision_context(facts, request.lang, dnr=dnr, send_to=send_to)
    heading = words(request.lang).gettext(N_("Coordination {year}")).format(year=year)
    stem = f"{file_stem('decision', request.lang)}-{year}"
    _deliver("decision", stem, context, request, title=heading)
    # Only once the draft is written: a failure is one error line, as everywhere.
    language = interface_language()
    missing = _("MISSING")
    for fact in facts.facts:
        shown = f"[{missing}]" if fact.missing else _fact_text(fact.value)
        console.note(f"{fact_label(fact.key, language)}: {shown} ({fact.command})")


def _fact_text(value: object) -> str:
    if not isinstance(value, tuple):
        return str(value)
    if len(value) == 1:
        return str(value[0])
    return _("{names} and {last}").format(names=", ".join(value[:-1]), last=value[-1])


_year_command(
    "budget",
    _budget,
    N_("Budget {year}"),
    "The year's grant, allocations, spending per organisation and category, and every expense.",
    "psi report budget 2025 --format pdf",
)


@app.command("members", epilog="Example: psi report members 2026 --format pdf")
def members(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Argument(
            help="Members at the end of this year; today if left out.",
            callback=checked_year,
            show_default=False,
        ),
    ] = None,
    year_option: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="The same as YEAR, as earlier versions of psi took it.",
            callback=checked_year,
            hidden=True,
        ),
    ] = None,
    file_format: Format = None,
    output: Output = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """The member register by sector and municipality, with counts."""
    from psi.domain.membership import register_day
    from psi.reports.contexts import members_context
    from psi.services.orgs import members_on
    from psi.services.settings import all_settings

    if year is not None and year_option is not None and year != year_option:
        raise InvalidInput(_("Give the year once: psi report members {year}.").format(year=year))
    year = year if year is not None else year_option
    day = register_day(year, date.today())
    request = document_request(file_format, output, lang, templates)
    with session(ctx, write=False) as db:
        chosen = members_on(db, day)
        settings = all_settings(db)
    context = members_context(chosen, settings, year, date.today(), request.lang)
    stem = f"{file_stem('members', request.lang)}-{year or day.isoformat()}"
    title = words(request.lang).gettext("Members")
    _deliver("members", stem, context, request, title=title)


_year_command(
    "activities",
    _activities,
    N_("Activity list {year}"),
    "The year's activity list, grouped by the operations plan's goals.",
    "psi report activities 2026",
)


def _handover(db: Session, year: int, language: str) -> dict[str, Any]:
    from psi.reports.handover import handover_context
    from psi.services.handover import handover_report

    return handover_context(handover_report(db, year), language)


_year_command(
    "handover",
    _handover,
    N_("Hand-over {year}"),
    "The hand-over to next year's coordinators: who stays, leaves and joins, the AU, open "
    "items, activities, coming meetings and their kallelse, money, prospects, MSI, decisions.",
    "psi report handover 2026 --format pdf",
)


@app.command("rotation", epilog="Example: psi report rotation --format pdf")
def rotation(
    ctx: typer.Context,
    file_format: Format = None,
    output: Output = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """The coordinator history, year by year, and the rotation proposal for next year."""
    from psi.reports.contexts import rotation_context
    from psi.services.rotation import coordinator_history, propose
    from psi.services.settings import all_settings

    request = document_request(file_format, output, lang, templates)
    next_year = date.today().year + 1
    with session(ctx, write=False) as db:
        history = coordinator_history(db)
        proposal = propose(db, next_year)
        settings = all_settings(db)
    context = rotation_context(history, proposal, settings, date.today(), request.lang)
    title = words(request.lang).gettext("Coordination")
    _deliver("rotation", file_stem("rotation", request.lang), context, request, title=title)


def _weeks(weeks: int | None) -> int | None:
    """--weeks checked as it is parsed (1-52); None when left out (the default, resolved by
    the command): the rules load only when the option is used."""
    if weeks is None:
        return None
    from psi.domain.newsletter import check_weeks

    return check_weeks(weeks)


@app.command(
    "newsletter", epilog="Example: psi report newsletter --weeks 8 --format html -o nyheter.html"
)
def newsletter(
    ctx: typer.Context,
    weeks: Annotated[
        int | None,
        typer.Option(
            help="How many weeks it looks ahead (meetings, activities) and back (activities "
            "done, new members), 1-52; 6 if left out.",
            callback=_weeks,
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="The day it is written, YYYY-MM-DD (today if left out): what comes after it "
            "is coming, what came before it is news.",
        ),
    ] = None,
    file_format: Format = None,
    output: Output = None,
    lang: Lang = "sv",
    templates: Templates = None,
) -> None:
    """A short news text for the website, e-mail or social media: the coming stormöten, open
    meetings and activities, the activities done lately with their outcomes, and new members.

    AU meetings and MSI dialogues are left out: the members are not invited to them.

    Publishing it stays yours to do; then log it with psi log add website.
    """
    from psi.domain.newsletter import DEFAULT_WEEKS
    from psi.reports.newsletter import newsletter_context
    from psi.reports.render import format_date
    from psi.services.newsletter import newsletter as news_of

    request = document_request(file_format, output, lang, templates)
    day = day_or_today(on)
    with session(ctx, write=False) as db:
        letter = news_of(db, day, DEFAULT_WEEKS if weeks is None else weeks)
    context = newsletter_context(letter, request.lang)
    title = words(request.lang).gettext("Newsletter")
    stem = f"{file_stem('newsletter', request.lang)}-{day.isoformat()}"
    _deliver("newsletter", stem, context, request, title=title)
    text = f"{title} {format_date(day, request.lang)}"
    console.note(
        _('When it is published, log it: psi log add website "{text}" --link ADDRESS').format(
            text=text
        )
    )


def _copy_templates(source: Path, names: list[str], folder: Path) -> list[str]:
    """Copy the named templates into a folder; return those it kept (the user's own copies)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kept = [name for name in names if (folder / name).exists()]
        for name in names:
            if name not in kept:
                shutil.copy2(source / name, folder / name)
    except OSError as exc:
        raise FileProblem(
            _("Cannot copy the templates to {folder}: {reason}.").format(
                folder=folder, reason=exc.strerror
            )
        ) from None
    return kept


@app.command("templates", epilog="Example: psi report templates --copy ~/psi-mallar")
def templates_(
    copy: Annotated[
        Path | None, typer.Option("--copy", help="Copy the built-in templates into this folder.")
    ] = None,
) -> None:
    """List the built-in templates, or copy them to a folder to make your own."""
    from psi.reports.render import TEMPLATES_ENV, builtin_templates

    source = builtin_templates()
    names = sorted(p.name for p in source.iterdir() if p.is_file() and p.name != "README.md")
    if copy is None:
        for name in names:
            console.say(name)
        console.say(
            _(
                "Copy them with: psi report templates --copy DIR, then use --templates DIR or "
                "{variable}=DIR."
            ).format(variable=TEMPLATES_ENV)
        )
        return
    kept = _copy_templates(source, names, copy)
    copied = len(names) - len(kept)
    console.success(
        ngettext(
            "Copied {n} template to {folder}.", "Copied {n} templates to {folder}.", copied
        ).format(n=copied, folder=copy)
    )
    if kept:
        console.say(_("Kept your own copies of: {names}.").format(names=", ".join(kept)))
