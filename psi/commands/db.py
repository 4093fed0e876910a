"""`psi db`: where the database is, backups and checks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from psi import console
from psi.commands._common import location
from psi.errors import DatabaseProblem

app = typer.Typer(
    help="Find, back up and check the database.",
    epilog="Example: psi db backup",
    no_args_is_help=True,
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
            help="The backup file to write; beside the database, with the time in its name, if left out."
        ),
    ] = None,
) -> None:
    """Copy the database to a backup file, safely even while someone else writes to it."""
    from psi import storage

    where = location(ctx)
    target = (
        file if file is not None else storage.backup_path(where, "backup") if where.path else None
    )
    if target is None:
        raise DatabaseProblem("Backups are made of SQLite files; for PostgreSQL use pg_dump.")
    written = storage.backup_sqlite(where, target)
    console.success(f"Backed up to {written}.")


@app.command("check", epilog="Example: psi db check")
def check(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
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
        console.print_fields(
            [("Database", result.location), ("Schema", f"{result.revision} (newest {result.head})")]
        )
    if not result.ok:
        raise DatabaseProblem(
            f"The check found {len(result.problems)} problem(s); restore a backup with "
            "a copy from `psi db backup`, or report them.",
            details=result.problems,
        )
    if not as_json:
        console.success("Integrity check passed.")
