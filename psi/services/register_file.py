"""The register as a file: CSV for Swedish Excel (and JSON) out, CSV in, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlmodel import Session, select

from psi.domain import organisation as rules
from psi.domain.organisation import OrgFields, OrgInput
from psi.domain.spreadsheet import CsvRow, read_csv, write_csv
from psi.domain.text import casefold_key, fold
from psi.errors import FileProblem, InvalidInput, PsiError
from psi.models import Organisation
from psi.services.orgs import create_org, input_of, list_orgs

COLUMNS = tuple(f.name for f in fields(OrgInput))
_ALIASES = {
    "name": ("namn", "organisation", "organisationsnamn"),
    "short": ("kortnamn", "forkortning", "short name"),
    "sector": ("sektor",),
    "status": (),
    "orgnr": ("organisationsnummer", "org nr", "orgnummer"),
    "municipality": ("kommun",),
    "joined": ("medlem sedan", "gick med", "joined on"),
    "left": ("lamnade", "utgick", "left on"),
    "website": ("webbplats", "hemsida", "webb"),
    "note": ("anteckning", "kommentar", "notes"),
}
ALIASES = {fold(alias): column for column, names in _ALIASES.items() for alias in (column, *names)}


def export_register(session: Session, file_format: str) -> str:
    """Every organisation, former ones too, as CSV (Swedish Excel) or JSON text."""
    typed = [input_of(view) for view in list_orgs(session, status="all")]
    if file_format == "json":
        return json.dumps([asdict(row) for row in typed], ensure_ascii=False, indent=2) + "\n"
    if file_format != "csv":
        raise InvalidInput(f"'{file_format}' is not an export format; use csv or json.")
    return write_csv(COLUMNS, ([getattr(row, c) or "" for c in COLUMNS] for row in typed))


def read_text(path: Path) -> str:
    """A text file as Excel saves it: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass(frozen=True)
class ImportResult:
    """What an import did, or would do with --dry-run."""

    imported: int
    dry_run: bool


def _typed(row: CsvRow) -> OrgInput:
    cells = {column: row.cells.get(column) or None for column in COLUMNS}
    return OrgInput(
        name=cells["name"] or "",
        sector=cells["sector"] or "",
        **{column: cells[column] for column in COLUMNS if column not in ("name", "sector")},
    )


def _problems(session: Session, rows: list[CsvRow]) -> tuple[list[OrgFields], list[str]]:
    existing = {
        key: name
        for name, name_key, short_key in session.exec(
            select(Organisation.name, Organisation.name_key, Organisation.short_key)
        )
        for key in (name_key, short_key)
        if key
    }
    numbers = {
        orgnr: name
        for name, orgnr in session.exec(select(Organisation.name, Organisation.orgnr))
        if orgnr
    }
    seen: dict[str, int] = {}
    good: list[OrgFields] = []
    bad: list[str] = []
    for row in rows:
        try:
            if row.extra_cells:
                raise InvalidInput("it has more cells than the header has columns")
            checked = rules.check_org(_typed(row))
            own_keys = {casefold_key(checked.name)}
            if checked.short:
                own_keys.add(casefold_key(checked.short))
            for key in sorted(own_keys):
                if key in existing:
                    raise InvalidInput(f"'{existing[key]}' is already in the register")
                if key in seen:
                    raise InvalidInput(f"the name '{key}' is also on line {seen[key]}")
                seen[key] = row.line
            if checked.orgnr and checked.orgnr in numbers:
                raise InvalidInput(f"{checked.orgnr} already belongs to '{numbers[checked.orgnr]}'")
            if checked.orgnr:
                numbers[checked.orgnr] = f"line {row.line}"
            good.append(checked)
        except PsiError as exc:
            bad.append(f"line {row.line}: {str(exc).rstrip('.')}")
    return good, bad


def import_register(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """`psi org import`: add every row of the CSV, or none if any row is bad."""
    rows = read_csv(read_text(path), ALIASES, required=("name", "sector"), name=path.name)
    good, bad = _problems(session, rows)
    if bad:
        raise InvalidInput(
            f"{len(bad)} of {len(rows)} rows in {path.name} are bad; nothing was imported. "
            "Fix these rows and import again:",
            details=tuple(bad),
        )
    if not dry_run:
        for done, checked in enumerate(good, start=1):
            create_org(session, checked)
            if progress is not None:
                progress(done)
    return ImportResult(imported=len(good), dry_run=dry_run)
