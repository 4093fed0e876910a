"""What every command module shares: the database of this run and its one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from psi import console
from psi.errors import FileProblem

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.location import DbLocation


@dataclass
class AppState:
    """Global options of one psi run."""

    db: str | None = None
    debug: bool = False


def state(ctx: typer.Context) -> AppState:
    """The global options, set by the root callback."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def location(ctx: typer.Context) -> DbLocation:
    """The database this run works on: --db, else PSI_DB, else the default file."""
    from psi.location import locate_db

    return locate_db(state(ctx).db)


@contextmanager
def session(ctx: typer.Context, *, write: bool = True, create: bool = False) -> Iterator[Session]:
    """The command's one transaction: committed if the block ends well, else rolled back."""
    from psi import storage

    with storage.transaction(
        location(ctx), write=write, create=create, command=command_line(ctx)
    ) as db_session:
        yield db_session


TYPED_KEY = "psi.typed"
"""Where the root group keeps the words typed after the global options (ctx.meta)."""


def command_line(ctx: typer.Context) -> str:
    """The command as typed, for the audit log: `psi org add "Nya föreningen" --sector other`.

    Global options (--db, which may hold a password, and --debug) are left out.
    """
    typed = ctx.meta.get(TYPED_KEY)
    if typed:
        return " ".join(["psi", *(_quoted(word) for word in typed)])
    parts = [ctx.command_path]  # called outside the root group (a test's own context)
    for name, value in ctx.params.items():
        if value is None or value is False or value == [] or value == ():
            continue
        parts.append(f"{name}={value!r}" if value is not True else f"--{name}")
    return " ".join(parts)


def _quoted(word: str) -> str:
    if word and not any(c.isspace() or c in "\"'\\" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def day_or_today(text: str | None, *, what: str = "date") -> date:
    """A typed date, or today when none was given."""
    from psi.domain.dates import parse_date

    return date.today() if text is None else parse_date(text, what=what)


def write_document(
    markdown: str,
    file_format: str,
    output: Path | None,
    *,
    default_name: str,
    title: str,
    lang: str,
    user_dir: Path | None,
    header: str = "",
    charts: Mapping[str, Any] | None = None,
    slots: Mapping[str, str] | None = None,
) -> None:
    """Markdown to standard output or a file; PDF, Word, OpenDocument or HTML to a file
    (`default_name` if none given)."""
    from psi.reports.render import PARTNERSHIP, markdown_to_editable, markdown_to_pdf

    if file_format == "md" and output is None:
        typer.echo(markdown, nl=False)
        return
    target = output or Path(default_name)
    try:
        if file_format == "md":
            target.write_text(markdown, encoding="utf-8")
        elif file_format != "pdf":
            target.write_bytes(
                markdown_to_editable(
                    markdown, file_format, title=title, lang=lang, user_dir=user_dir
                )
            )
        else:
            pdf = markdown_to_pdf(
                markdown,
                title=title,
                header=header or PARTNERSHIP,
                lang=lang,
                user_dir=user_dir,
                charts=charts,
                slots=slots,
            )
            target.write_bytes(pdf)
    except OSError as exc:
        raise FileProblem(f"Cannot write {target}: {exc.strerror}.") from None
    console.success(f"Wrote {target}.")
