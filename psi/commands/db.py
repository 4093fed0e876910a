"""`psi db`: where the database is, backups and checks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from psi import console
from psi.commands._common import confirm, location, session
from psi.commands._options import AsJson, Yes
from psi.errors import DatabaseProblem
from psi.words import _, ngettext, pgettext

app = typer.Typer(
    help="Find, back up and check the database.",
    epilog="Example: psi db backup",
    no_args_is_help=True,
    add_completion=False,
)


@app.command("path", epilog="Example: psi db path")
def path(ctx: typer.Context) -> None:
    """Print where the database is (from --db, PSI_DB or the default folder)."""
    console.say(location(ctx).display)


@app.command("backup", epilog="Example: psi db backup ~/psi-backup-2026-12-31.sqlite3")
def backup(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The backup file to write; if left out, one with the time in its name beside the "
            "database (in your user data folder for a PostgreSQL database)."
        ),
    ] = None,
) -> None:
    """Copy the database to a backup file, safely even while someone else writes to it.

    A PostgreSQL database is backed up into a SQLite file, which psi opens like any other.

    Backups named by psi (no FILE given) are kept to the newest N: psi config set backups-kept N.
    """
    from psi import storage
    from psi.services.settings import get_setting

    where = location(ctx)
    with session(ctx, write=False) as db:
        keep = int(get_setting(db, "backups-kept") or 10)
    target = file if file is not None else storage.backup_path(where, "backup")
    written = storage.backup_database(where, target)
    console.success(_("Backed up to {file}.").format(file=written))
    if file is None:
        removed = storage.prune_backups(where, "backup", keep)
        if removed:
            console.say(
                ngettext(
                    "Removed {n} older backup; the newest {keep} are kept.",
                    "Removed {n} older backups; the newest {keep} are kept.",
                    len(removed),
                ).format(n=len(removed), keep=keep)
            )


@app.command("restore", epilog="Example: psi db restore psi.backup-20261201-090000.sqlite3")
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made by psi db backup.")],
    yes: Yes = False,
) -> None:
    """Put a backup back in place of the database; the current state is backed up first."""
    from psi import storage

    where = location(ctx)
    confirm(
        _("Replace {place} with {file}?").format(place=where.display, file=file),
        yes=yes,
        declined=_("Nothing was restored."),
    )
    restored = storage.restore_sqlite(where, file)
    console.success(_("Restored {file} to {place}.").format(file=file, place=where.display))
    if restored.saved is not None:
        console.say(_("The database as it was is saved at {file}.").format(file=restored.saved))
    elif restored.damaged is not None:
        console.say(
            _("The damaged database was moved aside, unchanged, to {file}.").format(
                file=restored.damaged
            )
        )
    else:
        console.say(_("There was no database there before."))


@app.command("check", epilog="Example: psi db check")
def check(
    ctx: typer.Context,
    as_json: AsJson = False,
) -> None:
    """Check the database's integrity and schema version, writing nothing."""
    from psi import storage

    result = storage.check_database(location(ctx))
    if as_json:
        console.print_json(
            {
                "database": result.location,
                "schema": result.revision,
                "newest": result.head,
                "ok": result.ok,
                "problems": list(result.problems),
            }
        )
    else:
        schema = _("{revision} (newest {head})").format(revision=result.revision, head=result.head)
        console.print_fields(
            [
                (pgettext("field", "Database"), result.location),
                (pgettext("field", "Schema"), schema),
            ]
        )
    if not result.ok:
        raise DatabaseProblem(
            ngettext(
                "The check found {n} problem; restore a backup with "
                "a copy from `psi db backup`, or report it.",
                "The check found {n} problems; restore a backup with "
                "a copy from `psi db backup`, or report them.",
                len(result.problems),
            ).format(n=len(result.problems)),
            details=result.problems,
        )
    if not as_json:
        console.success(_("Integrity check passed."))


@app.command(
    "copy",
    epilog="Example: psi db copy --to postgresql://psi@db.example.se/psi",
)
def copy(
    ctx: typer.Context,
    to: Annotated[str, typer.Option("--to", help="The target: a file path or an SQLAlchemy URL.")],
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Overwrite a target that already holds data (backed up first)."
        ),
    ] = False,
    yes: Yes = False,
) -> None:
    """Copy the whole register to another database (SQLite to PostgreSQL and back).

    A target that already holds data is only overwritten with --replace, after a backup of it
    (beside it, or in your user data folder for a server) and your confirmation.
    """
    from psi import storage
    from psi.location import locate_db

    target = locate_db(to)
    if replace and not yes:
        held = storage.rows_held(target)
        if held:
            confirm(
                ngettext(
                    "Replace the {n} row in {place} with this register? "
                    "A backup of it is made first.",
                    "Replace the {n} rows in {place} with this register? "
                    "A backup of it is made first.",
                    held,
                ).format(n=held, place=target.display),
                yes=yes,
                declined=_("Nothing was copied."),
            )
    tables = len(storage.register_tables())
    with console.progress(_("Copying tables"), tables * 100) as advance:
        copied = storage.copy_database(
            location(ctx), target, replace=replace, progress=lambda done: advance(done * 100)
        )
    counts = copied.counts
    rows = sum(counts.values())
    # A register has many tables: the count of rows decides the sentence's form.
    console.success(
        ngettext(
            "Copied {rows} row in {tables} tables to {place}.",
            "Copied {rows} rows in {tables} tables to {place}.",
            rows,
        ).format(rows=rows, tables=len(counts), place=target.display)
    )
    console.say(_("Row counts match in every table."))
    if copied.saved is not None:
        console.say(_("What the target held before is saved at {file}.").format(file=copied.saved))
