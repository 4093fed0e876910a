"""The options and arguments that several commands share, each declared once.

Only typer and light psi modules are imported here: every command's help needs this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand

from psi.completion import complete_format, complete_language
from psi.domain.dates import check_year
from psi.errors import InvalidInput
from psi.words import _

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
On = Annotated[
    str | None,
    typer.Option(metavar="DATE", help="Date, YYYY-MM-DD; today if left out."),
]
"""The day something happened, parsed by the command (its error names what the date is);
every `--on` that records when something happened is this one, and is today if left out."""

# The document options; document_request turns them into one checked request.
Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="md (Markdown), pdf, docx (Word), odt or html; if left out, the one the --output "
        "file name ends with, else md.",
        show_default=False,
        autocompletion=complete_format,
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="File to write; Markdown goes to standard output without it.",
    ),
]
Lang = Annotated[
    str,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="sv (Swedish, the default) or en (English).",
        autocompletion=complete_language,
    ),
]
Templates = Annotated[
    Path | None,
    typer.Option(
        "--templates", metavar="FOLDER", help="Folder with your own templates (also PSI_TEMPLATES)."
    ),
]

DOCUMENT_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".html": "html",
    ".htm": "html",
}
"""The file name endings of the document formats, and the format each one means."""


def format_for_file(
    typed: str | None, output: Path | None, suffixes: Mapping[str, str], default: str
) -> str:
    """The format a file is written in: the --format typed (already checked), else the one the
    --output file name ends with, else `default`. A --format that contradicts the file name
    (`-o m.csv --format json`) is refused with what to type instead (InvalidInput)."""
    named = suffixes.get(output.suffix.casefold()) if output is not None else None
    if typed is None:
        return named or default
    if output is not None and named is not None and named != typed:
        raise InvalidInput(
            _(
                "--output {file} names a {named} file, but the format is {typed}; "
                "use --format {named}, or --output {other_file}."
            ).format(
                file=output.name,
                named=named,
                typed=typed,
                other_file=output.with_suffix("." + typed).name,
            )
        )
    return typed


def document_request(
    file_format: str | None, output: Path | None, lang: str, templates: Path | None
) -> DocumentRequest:
    """The document options checked once (language, format, templates folder, in that order).
    The format is what --format says, else what the --output file name ends with, else md."""
    from psi.reports.render import DocumentRequest, check_format, check_language, user_templates

    language = check_language(lang)
    typed = check_format(file_format) if file_format is not None else None
    chosen = format_for_file(typed, output, DOCUMENT_SUFFIXES, "md")
    return DocumentRequest(
        file_format=chosen, output=output, lang=language, user_dir=user_templates(templates)
    )


_NEGATIVE = re.compile(r"-[0-9]")
"""How a negative number begins (`-500`, `-1 234,50`); no option of psi does."""


class TakesNegativeNumbers(TyperCommand):
    """A command some of whose values may be typed as negative numbers (`psi budget spend ORG
    -500`). The command-line parser would read `-500` as options (`No such option: -5`); here
    such a value reaches the command as typed, whose own check then says what it must be
    ("'-500' must be more than 0 kr; ..."). Use it as `@app.command(cls=TakesNegativeNumbers)`.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # A leading space keeps the parser from reading the value as an option; it is taken
        # off again once the values are parsed.
        negative = [arg for arg in args if _NEGATIVE.match(arg)]
        if not negative:
            return list(super().parse_args(ctx, args))
        marked = [f" {arg}" if arg in negative else arg for arg in args]
        try:
            rest: list[str] = super().parse_args(ctx, marked)
        except UsageError as exc:  # a word too many, say: show the values as they were typed
            for typed in negative:
                exc.message = exc.message.replace(f" {typed}", typed)
            raise
        for name, value in ctx.params.items():
            ctx.params[name] = _unmarked(value)
        return [_unmarked(arg) for arg in rest]


def _unmarked(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(" ") and _NEGATIVE.match(value[1:]):
        return value[1:]
    if isinstance(value, (list, tuple)):
        return type(value)(_unmarked(item) for item in value)
    return value
