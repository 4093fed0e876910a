"""CSV files as Swedish Excel writes and reads them: UTF-8 with BOM, `;`, a header row."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from psi.domain.text import fold
from psi.errors import InvalidInput
from psi.words import N_, _, ngettext

BOM = "\ufeff"


_FORMULA_LIKE = re.compile(r"^'*[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """Make a cell that a spreadsheet would run as a formula plain text, with a leading '.

    Quotes already in front of such a cell get one more, so that `restore` can undo it.
    """
    return f"'{cell}" if _FORMULA_LIKE.match(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise`, so that export followed by import gives back the same text."""
    if cell.startswith("'") and _FORMULA_LIKE.match(cell[1:]):
        return cell[1:]
    return cell


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A CSV text for Swedish Excel: BOM, `;` separators, CRLF lines, neutralised cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return BOM + buffer.getvalue()


@dataclass(frozen=True)
class CsvRow:
    """One data row: its line number in the file and its cells by canonical column name."""

    line: int
    cells: dict[str, str]
    extra_cells: int = 0


EXTRA_CELLS = N_("it has more cells than the header has columns")
"""What is wrong with a row that has `extra_cells` (a row's problem, after `line 3: `)."""


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def _unreadable(exc: csv.Error, line: int, name: str) -> InvalidInput:
    if "field limit" in str(exc):
        return InvalidInput(
            _(
                "A cell on line {line} of {file} is longer than {limit} characters, which no "
                "spreadsheet cell is; check that it is the CSV file you meant."
            ).format(line=line, file=name, limit=csv.field_size_limit())
        )
    return InvalidInput(
        _(
            "Line {line} of {file} cannot be read as CSV ({problem}); save it again as CSV "
            "from the spreadsheet."
        ).format(line=line, file=name, problem=exc)
    )


def _records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Each record of a CSV text with the line it starts on; a record the csv module cannot
    read (a cell over its size limit) is InvalidInput naming that line."""
    first_line = text.splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _unreadable(exc, start, name) from None
        yield start, cells
        start = reader.line_num + 1


@dataclass(frozen=True)
class Table:
    """A file's rows, and its columns: each canonical column name with its header as typed."""

    columns: dict[str, str]
    rows: list[CsvRow]


def read_csv(
    text: str, aliases: dict[str, str], required: Sequence[str], *, name: str = "the file"
) -> list[CsvRow]:
    """Parse a CSV text with `;` or `,`; map headers through aliases; check required columns.

    `name` is the file's name, for the messages."""
    return read_table(text, aliases, required, name=name).rows


_NOT_WORD = re.compile(r"[\W_]+")


def header_key(title: str) -> str:
    """The form in which a column's header is compared: no case, no accents, and any run of
    characters other than letters and digits (spaces, `_`, `.`, `-`) one space: `Org.nr` is
    `org nr`, `Utträde` is `uttrade`."""
    return _NOT_WORD.sub(" ", fold(title)).strip()


def _by_header_key(aliases: dict[str, str]) -> dict[str, str]:
    return {header_key(alias): column for alias, column in aliases.items()}


def _column(title: str, aliases: dict[str, str]) -> str | None:
    """The column a header names; `aliases` are keyed by `header_key`."""
    key = aliases.get(header_key(title))
    if key is None and title.strip():
        known = ", ".join(sorted(set(aliases.values())))
        raise InvalidInput(
            _("Unknown column '{title}' in the header; the columns are: {columns}.").format(
                title=title, columns=known
            )
        )
    return key


def _check_required(columns: Iterable[str | None], required: Sequence[str]) -> None:
    present = set(columns)
    missing = [name for name in required if name not in present]
    if missing:
        # The English keeps "column(s)" in both forms (tests/domain/test_spreadsheet.py).
        raise InvalidInput(
            ngettext(
                "The header lacks the column(s) {columns}.",
                "The header lacks the column(s) {columns}.",
                len(missing),
            ).format(columns=", ".join(missing))
        )


def read_table(
    text: str, aliases: dict[str, str], required: Sequence[str], *, name: str = "the file"
) -> Table:
    """As `read_csv`, with the columns the header names."""
    text = text.removeprefix(BOM)
    if not text.strip():
        raise InvalidInput(_("The file is empty; it needs a header row, for example name;sector."))
    records = _records(text, name)
    _start, header = next(records)
    keyed = _by_header_key(aliases)
    columns = [_column(title, keyed) for title in header]
    _check_required(columns, required)
    rows: list[CsvRow] = []
    for row_start, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            column: restore(cell.strip())
            for column, cell in zip(columns, cells, strict=False)
            if column is not None
        }
        extra = sum(1 for cell in cells[len(columns) :] if cell.strip())
        rows.append(CsvRow(line=row_start, cells=values, extra_cells=extra))
    titles = {
        column: title.strip() for column, title in zip(columns, header, strict=True) if column
    }
    return Table(columns=titles, rows=rows)


def read_json_table(
    text: str, aliases: dict[str, str], required: Sequence[str], *, name: str = "the file"
) -> Table:
    """A JSON list of objects (as `--format json` exports it) read like a CSV file: keys are
    columns (through the aliases), a null or missing value an empty cell, and each object's
    `line` its place in the list, from 1."""
    try:
        data = json.loads(text.removeprefix(BOM))
    except ValueError as exc:
        raise InvalidInput(
            _(
                "{file} is not JSON ({problem}); give the file `--format json` exported, or a "
                "CSV file."
            ).format(file=name, problem=exc)
        ) from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InvalidInput(
            _("{file} is not a JSON list of objects, as `--format json` writes.").format(file=name)
        )
    keyed = _by_header_key(aliases)
    titles: dict[str, str] = {}
    rows: list[CsvRow] = []
    for number, item in enumerate(data, start=1):
        values: dict[str, str] = {}
        for title, value in item.items():
            column = _column(str(title), keyed)
            if column is None:
                continue
            titles.setdefault(column, str(title))
            if isinstance(value, dict | list):
                raise InvalidInput(
                    _(
                        "Object {number} of {file} has a list or object as its {title}; "
                        "give text, a number or null."
                    ).format(number=number, file=name, title=title)
                )
            values[column] = "" if value is None else str(value).strip()
        rows.append(CsvRow(line=number, cells=values))
    if rows:
        _check_required(titles, required)
    return Table(columns=titles, rows=rows)
