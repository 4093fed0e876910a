"""`psi log`: member dialogue, recruitment, MSI, website and social media."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import day_or_today, session
from psi.commands._options import AsJson, On, YearOrAll
from psi.domain.activity import parse_log_kind

app = typer.Typer(
    help="Log the member dialogue, recruitment, the MSI dialogue and website and social-media posts.",
    epilog="Example: psi log list 2026 --kind msi",
    no_args_is_help=True,
)
KindHelp = "member-dialogue, recruitment, msi, website, social-media or other."


@app.command(
    "add",
    epilog='Example: psi log add recruitment "Presenterade PSI på deras årsmöte" --org nystart --on 2026-03-12',
)
def add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help=KindHelp)],
    text: Annotated[str, typer.Argument(help="What happened.")],
    org: Annotated[str | None, typer.Option(help="The organisation it concerns.")] = None,
    on: On = None,
    link: Annotated[str | None, typer.Option(help="A web address (the post, the article).")] = None,
) -> None:
    """Add an entry to the log."""
    from psi.services.activities import add_log

    log_kind = parse_log_kind(kind)
    day = day_or_today(on)
    with session(ctx) as db:
        view = add_log(db, log_kind, text, org=org, on=day, link=link)
    console.success(
        f"Logged {view.kind} on {view.day}"
        + (f" with {view.organisation}." if view.organisation else ".")
    )


@app.command("list", epilog="Example: psi log list 2026 --kind recruitment --json")
def list_(
    ctx: typer.Context,
    year: YearOrAll = None,
    kind: Annotated[str | None, typer.Option(help=f"Only this kind: {KindHelp}")] = None,
    org: Annotated[str | None, typer.Option(help="Only entries about this organisation.")] = None,
    as_json: AsJson = False,
) -> None:
    """List log entries by date."""
    from psi.services.activities import list_log
    from psi.services.views import to_json

    log_kind = parse_log_kind(kind) if kind else None
    with session(ctx, write=False) as db:
        views = list_log(db, year, kind=log_kind, org=org)
    if as_json:
        console.print_json(to_json(views))
        return
    if not views:
        console.say("No log entries match. Add one with psi log add KIND TEXT.")
        return
    rows = [
        [str(v.id), v.day.isoformat(), v.kind, v.organisation or "", v.text, v.link or ""]
        for v in views
    ]
    console.print_table(["#", "Date", "Kind", "Organisation", "Text", "Link"], rows)
