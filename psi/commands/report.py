"""`psi report`: the follow-up, the decision draft and the everyday reports, in Markdown or PDF."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from psi import console
from psi.commands._common import session, write_document
from psi.domain.dates import check_year
from psi.errors import FileProblem

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.services.yearly import YearReport

app = typer.Typer(
    help="Write the follow-up, the committee's decision draft and the everyday reports (Markdown or PDF).",
    epilog="Example: psi report followup 2025 --format pdf",
    no_args_is_help=True,
)

YearArg = Annotated[int, typer.Argument(help="The year the report is about.")]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="md (Markdown), pdf, docx (Word), odt or html.")
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="File to write; Markdown goes to standard output without it."
    ),
]
LangOpt = Annotated[str, typer.Option("--lang", help="sv (Swedish, the default) or en (English).")]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder with your own templates (also PSI_TEMPLATES)."),
]
CHARTS = ("spending", "attendance")


def _deliver(
    name: str,
    stem: str,
    context: dict[str, Any],
    *,
    file_format: str,
    output: Path | None,
    lang: str,
    templates: Path | None,
    title: str,
    step: console.Step = lambda _name: None,
) -> None:
    from psi.reports.render import chart_slots, check_format, render_markdown, user_templates

    chosen = check_format(file_format)
    folder = user_templates(templates)
    slots = chart_slots(CHARTS) if chosen == "pdf" else {}
    step("writing the text")
    markdown = render_markdown(name, {**context, "chart_slots": slots}, lang=lang, user_dir=folder)
    if chosen != "md":
        step(f"making the {chosen.upper()}")
    write_document(
        markdown,
        chosen,
        output,
        default_name=f"{stem}.{chosen}",
        title=title,
        header=context["settings"].get("name") or "",
        lang=lang,
        user_dir=folder,
        charts=context.get("charts"),
        slots=slots,
    )


def _year_report(
    ctx: typer.Context,
    name: str,
    year: int,
    build: Callable[[Session, YearReport, str], dict[str, Any]],
    titles: tuple[str, str],
    *,
    file_format: str,
    output: Path | None,
    lang: str,
    templates: Path | None,
) -> None:
    """A report about one year: its facts and context gathered in one read-only transaction."""
    from psi.domain.summary import LARGE_REGISTER_MEETINGS
    from psi.services.yearly import meeting_count, year_report

    check_year(year)
    language = _language(lang)
    with ExitStack() as progress:
        with session(ctx, write=False) as db:
            large = meeting_count(db) > LARGE_REGISTER_MEETINGS
            count = 2 if file_format == "md" else 3
            step = progress.enter_context(console.steps(f"{name} {year}", count, show=large))
            step("reading the register")
            context = build(db, year_report(db, year), language)
        _deliver(
            name,
            f"{name}-{year}",
            context,
            file_format=file_format,
            output=output,
            lang=language,
            templates=templates,
            title=titles[0] if language == "sv" else titles[1],
            step=step,
        )


def _language(lang: str) -> str:
    from psi.reports.render import check_language

    return check_language(lang)


@app.command(
    "followup", epilog="Example: psi report followup 2025 --format pdf -o uppfoljning-2025.pdf"
)
def followup(
    ctx: typer.Context,
    year: YearArg,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """The working committee's follow-up of a year: the six duties, meetings, members, budget."""
    from psi.reports.contexts import followup_context

    titles = (f"Uppföljning {year}", f"Follow-up {year}")
    _year_report(
        ctx,
        "followup",
        year,
        lambda db, report, language: followup_context(report, language),
        titles,
        file_format=file_format,
        output=output,
        lang=lang,
        templates=templates,
    )


@app.command("decision", epilog="Example: psi report decision 2027 --format pdf")
def decision(
    ctx: typer.Context,
    year: YearArg,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """A draft of Kulturnämnden's decision document for a year, every fact from the register."""
    from psi.reports.contexts import decision_context
    from psi.services.rotation import propose

    def build(db: Session, report: YearReport, language: str) -> dict[str, Any]:
        return decision_context(report, propose(db, report.year), language)

    titles = (f"Samordning {year}", f"Coordination {year}")
    _year_report(
        ctx,
        "decision",
        year,
        build,
        titles,
        file_format=file_format,
        output=output,
        lang=lang,
        templates=templates,
    )


@app.command("budget", epilog="Example: psi report budget 2025 --format pdf")
def budget(
    ctx: typer.Context,
    year: YearArg,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """The year's grant, allocations, spending per organisation and category, and every expense."""
    from psi.reports.contexts import budget_context
    from psi.services.budget import list_expenses

    def build(db: Session, report: YearReport, language: str) -> dict[str, Any]:
        return budget_context(report, list_expenses(db, report.year), language)

    titles = (f"Budget {year}", f"Budget {year}")
    _year_report(
        ctx,
        "budget",
        year,
        build,
        titles,
        file_format=file_format,
        output=output,
        lang=lang,
        templates=templates,
    )


@app.command("members", epilog="Example: psi report members --year 2026 --format pdf")
def members(
    ctx: typer.Context,
    year: Annotated[
        int | None, typer.Option(help="Members at the end of this year; today if left out.")
    ] = None,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """The member register by sector and municipality, with counts."""
    from psi.domain.activity import Membership, member_on
    from psi.reports.contexts import members_context
    from psi.services.orgs import list_orgs
    from psi.services.settings import all_settings

    language = _language(lang)
    day = date.today()
    if year is not None:
        check_year(year)
        day = min(day, date(year, 12, 31))
    with session(ctx, write=False) as db:
        orgs = list_orgs(db, status="all")
        settings = all_settings(db)
    chosen = [o for o in orgs if member_on(Membership(o.status, o.joined, o.left), day)]
    context = members_context(chosen, settings, year, date.today(), language)
    stem = f"members-{year}" if year else f"members-{day.isoformat()}"
    _deliver(
        "members",
        stem,
        context,
        file_format=file_format,
        output=output,
        lang=language,
        templates=templates,
        title="Medlemmar" if language == "sv" else "Members",
    )


@app.command("activities", epilog="Example: psi report activities 2026")
def activities(
    ctx: typer.Context,
    year: YearArg,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """The year's activity list, grouped by the operations plan's goals."""
    from psi.reports.contexts import activities_context
    from psi.services.activities import goal_texts

    def build(db: Session, report: YearReport, language: str) -> dict[str, Any]:
        return activities_context(report, goal_texts(db), language)

    titles = (f"Aktivitetslista {year}", f"Activity list {year}")
    _year_report(
        ctx,
        "activities",
        year,
        build,
        titles,
        file_format=file_format,
        output=output,
        lang=lang,
        templates=templates,
    )


@app.command("rotation", epilog="Example: psi report rotation --format pdf")
def rotation(
    ctx: typer.Context,
    file_format: FormatOpt = "md",
    output: OutputOpt = None,
    lang: LangOpt = "sv",
    templates: TemplatesOpt = None,
) -> None:
    """The coordinator history, year by year, and the rotation proposal for next year."""
    from psi.reports.contexts import rotation_context
    from psi.services.rotation import coordinator_history, propose
    from psi.services.settings import all_settings

    language = _language(lang)
    next_year = date.today().year + 1
    with session(ctx, write=False) as db:
        history = coordinator_history(db)
        proposal = propose(db, next_year)
        settings = all_settings(db)
    context = rotation_context(history, proposal, settings, date.today(), language)
    _deliver(
        "rotation",
        "rotation",
        context,
        file_format=file_format,
        output=output,
        lang=language,
        templates=templates,
        title="Samordning" if language == "sv" else "Coordination",
    )


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
            f"Copy them with: psi report templates --copy DIR, then use --templates DIR or {TEMPLATES_ENV}=DIR."
        )
        return
    try:
        copy.mkdir(parents=True, exist_ok=True)
        kept = [name for name in names if (copy / name).exists()]
        for name in names:
            if name not in kept:
                shutil.copy2(source / name, copy / name)
    except OSError as exc:
        raise FileProblem(f"Cannot copy the templates to {copy}: {exc.strerror}.") from None
    console.success(f"Copied {len(names) - len(kept)} templates to {copy}.")
    if kept:
        console.say(f"Kept your own copies of: {', '.join(kept)}.")
