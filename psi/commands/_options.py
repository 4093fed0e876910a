"""The options and arguments that several commands share, each declared once.

Only typer and light psi modules are imported here: every command's help needs this module.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from psi.domain.dates import check_year

if TYPE_CHECKING:
    from psi.reports.render import DocumentRequest


def checked_year(value: int | None) -> int | None:
    """The year typed, checked while the command line is read (InvalidInput if out of range)."""
    return None if value is None else check_year(value)


def this_year() -> int:
    """The current year, for a year that may be left out."""
    return date.today().year


Year = Annotated[int, typer.Argument(help="The year, such as 2027.", callback=checked_year)]
"""A year the command is about."""

YearOrAll = Annotated[int | None, typer.Argument(help="Only this year.", callback=checked_year)]
"""A year to filter by; every year when left out (default None)."""

YearOrThis = Annotated[
    int,
    typer.Argument(
        help="The year; the current one if left out.",
        default_factory=this_year,
        callback=checked_year,
        show_default=False,
    ),
]
"""A year that is the current one when left out."""

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check every row but write nothing.")]
On = Annotated[str | None, typer.Option(help="Date, YYYY-MM-DD; today if left out.")]
"""The day something happened, parsed by the command (its error names what the date is)."""

# The document options; document_request turns them into one checked request.
Format = Annotated[
    str, typer.Option("--format", "-f", help="md (Markdown), pdf, docx (Word), odt or html.")
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="File to write; Markdown goes to standard output without it."
    ),
]
Lang = Annotated[str, typer.Option("--lang", help="sv (Swedish, the default) or en (English).")]
Templates = Annotated[
    Path | None,
    typer.Option("--templates", help="Folder with your own templates (also PSI_TEMPLATES)."),
]


def document_request(
    file_format: str, output: Path | None, lang: str, templates: Path | None
) -> DocumentRequest:
    """The document options checked once (language, format, templates folder, in that order)."""
    from psi.reports.render import DocumentRequest, check_format, check_language, user_templates

    language = check_language(lang)
    chosen = check_format(file_format)
    return DocumentRequest(
        file_format=chosen, output=output, lang=language, user_dir=user_templates(templates)
    )
