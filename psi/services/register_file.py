"""The register as a file: CSV for Swedish Excel (and JSON) out, CSV in, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlmodel import Session, select

from psi.domain import organisation as rules
from psi.domain.organisation import OrgFields, OrgInput
from psi.domain.spreadsheet import EXTRA_CELLS, CsvRow, header_key, read_csv, write_csv
from psi.domain.text import casefold_key
from psi.errors import FileProblem, InvalidInput, PsiError
from psi.models import Organisation
from psi.services.orgs import create_org, input_of, list_orgs
from psi.words import _, ngettext

COLUMNS = tuple(f.name for f in fields(OrgInput))
_ALIASES = {  # compared as psi.domain.spreadsheet.header_key: no case, accents or dots
    "name": ("namn", "organisation", "organisationsnamn"),
    "short": ("kortnamn", "kort namn", "förkortning", "short name"),
    "sector": ("sektor",),
    "status": ("medlemsstatus",),
    "orgnr": ("organisationsnummer", "org.nr", "orgnummer"),
    "municipality": ("kommun",),
    "joined": ("medlem sedan", "gick med", "joined on", "inträde", "inträdesdatum"),
    "left": ("lämnade", "utgick", "left on", "utträde", "utträdesdatum"),
    "website": ("webbplats", "hemsida", "webb", "webbadress"),
    "note": ("anteckning", "anteckningar", "kommentar", "notes"),
}
"""Each column of the register file and the other headers that name it: the Swedish ones
psi's reports print (Organisation, Sektor, Kommun, Medlem sedan) and those a member list
kept in Excel is likely to have (Namn, Org.nr, Inträde, Utträde ...)."""
ALIASES = {
    header_key(alias): column for column, names in _ALIASES.items() for alias in (column, *names)
}


def export_register(session: Session, file_format: str) -> str:
    """Every organisation, former ones too, as CSV (Swedish Excel) or JSON text."""
    typed = [input_of(view) for view in list_orgs(session, status="all")]
    if file_format == "json":
        return json.dumps([asdict(row) for row in typed], ensure_ascii=False, indent=2) + "\n"
    if file_format != "csv":
        raise InvalidInput(
            _("'{format}' is not an export format; use csv or json.").format(format=file_format)
        )
    return write_csv(COLUMNS, ([getattr(row, c) or "" for c in COLUMNS] for row in typed))


def read_text(path: Path) -> str:
    """A text file as Excel saves it: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(
            _("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror)
        ) from None
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
    numbers: dict[str, str] = {
        orgnr: name
        for name, orgnr in session.exec(select(Organisation.name, Organisation.orgnr))
        if orgnr
    }
    number_lines: dict[str, int] = {}
    seen: dict[str, int] = {}
    good: list[OrgFields] = []
    bad: list[str] = []
    for row in rows:
        try:
            if row.extra_cells:
                raise InvalidInput(_(EXTRA_CELLS))
            checked = rules.check_org(_typed(row))
            own_keys = {casefold_key(checked.name)}
            if checked.short:
                own_keys.add(casefold_key(checked.short))
            for key in sorted(own_keys):
                if key in existing:
                    raise InvalidInput(
                        _("'{name}' is already in the register").format(name=existing[key])
                    )
                if key in seen:
                    raise InvalidInput(
                        _("the name '{name}' is also on line {line}").format(
                            name=key, line=seen[key]
                        )
                    )
                seen[key] = row.line
            if checked.orgnr and checked.orgnr in numbers:
                raise InvalidInput(
                    _("{number} already belongs to '{name}'").format(
                        number=checked.orgnr, name=numbers[checked.orgnr]
                    )
                )
            if checked.orgnr and checked.orgnr in number_lines:
                raise InvalidInput(
                    _("the organisationsnummer {number} is also on line {line}").format(
                        number=checked.orgnr, line=number_lines[checked.orgnr]
                    )
                )
            if checked.orgnr:
                number_lines[checked.orgnr] = row.line
            good.append(checked)
        except PsiError as exc:
            bad.append(
                _("line {line}: {problem}").format(line=row.line, problem=str(exc).rstrip("."))
            )
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
            ngettext(
                "{bad} of {total} row in {file} is bad; nothing was imported. "
                "Fix it and import again:",
                "{bad} of {total} rows in {file} are bad; nothing was imported. "
                "Fix these rows and import again:",
                len(rows),
            ).format(bad=len(bad), total=len(rows), file=path.name),
            details=tuple(bad),
        )
    if not dry_run:
        for done, checked in enumerate(good, start=1):
            create_org(session, checked)
            if progress is not None:
                progress(done)
    return ImportResult(imported=len(good), dry_run=dry_run)
