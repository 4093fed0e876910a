"""`psi org import FILE --update`: correct the register from a spreadsheet, all rows or none;
and the field-by-field difference it shows (psi/domain/organisation.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.domain.municipality import Municipality
from psi.domain.organisation import (
    FieldChange,
    OrgFields,
    OrgInput,
    Sector,
    Status,
    describe_changes,
    diff_org,
    input_from_cells,
    shown,
)
from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok, org_show, write_csv

HEADER = "name;sector;status;short;orgnr;municipality;joined;left;website;note"
ACTIVA = "Stiftelsen Activa"
REGION = "Region Örebro län"

# --- the field-by-field difference ------------------------------------------------------------

BASE = OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY)
OREBRO = Municipality("Örebro", "1880")
KUMLA = Municipality("Kumla", "1881")


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (BASE, ""),
        (
            OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY, short="NIF"),
            "short name: – → NIF",
        ),
        (
            OrgFields(name="Föreningen Y", sector=Sector.CIVIL_SOCIETY),
            "name: Föreningen X → Föreningen Y",
        ),
        (
            OrgFields(name="Föreningen X", sector=Sector.ACADEMIA),
            "sector: civil-society → academia",
        ),
        (
            OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY, orgnr="802412-3450"),
            "organisationsnummer: – → 802412-3450",
        ),
        (
            OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY, municipality=KUMLA),
            "municipality: – → Kumla",
        ),
        (
            OrgFields(
                name="Föreningen X",
                sector=Sector.CIVIL_SOCIETY,
                municipality=Municipality("Göteborg", None),
            ),
            "municipality: – → Göteborg (outside the län)",
        ),
        (
            OrgFields(
                name="Föreningen X", sector=Sector.CIVIL_SOCIETY, joined_on=date(2026, 3, 10)
            ),
            "joined: – → 2026-03-10",
        ),
        (
            OrgFields(
                name="Föreningen X",
                sector=Sector.CIVIL_SOCIETY,
                status=Status.FORMER,
                left_on=date(2026, 12, 31),
            ),
            "status: member → former; left: – → 2026-12-31",
        ),
        (
            OrgFields(
                name="Föreningen X", sector=Sector.CIVIL_SOCIETY, short="X", website="https://x.se"
            ),
            "short name: – → X; website: – → https://x.se",
        ),
    ],
)
def test_diff_names_each_changed_field_in_words(after: OrgFields, expected: str) -> None:
    assert describe_changes(diff_org(BASE, after)) == expected


def test_diff_back_and_forth() -> None:
    before = OrgFields(
        name="Föreningen X", sector=Sector.CIVIL_SOCIETY, short="NIF", municipality=OREBRO
    )
    after = OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY, municipality=KUMLA)
    assert diff_org(before, after) == (
        FieldChange("short name", "NIF", "–"),
        FieldChange("municipality", "Örebro", "Kumla"),
    )
    assert str(diff_org(after, before)[1]) == "municipality: Kumla → Örebro"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "–"),
        ("", "–"),
        ("NIF", "NIF"),
        (date(2026, 1, 2), "2026-01-02"),
        (Status.FORMER, "former"),
        (OREBRO, "Örebro"),
        ("två\nrader", "två rader"),
        ("x" * 40, "x" * 40),
        ("x" * 41, "x" * 39 + "…"),
    ],
)
def test_shown_values(value: object, expected: str) -> None:
    assert shown(value) == expected


def test_a_note_is_cut_in_the_difference() -> None:
    after = OrgFields(name="Föreningen X", sector=Sector.CIVIL_SOCIETY, note="lång " * 30)
    (change,) = diff_org(BASE, after)
    assert change.new.endswith("…")
    assert len(change.new) == 40


BASE_INPUT = OrgInput(name="A", sector="civil-society", short="AA", note="n")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({}, BASE_INPUT),
        ({"short": ""}, OrgInput(name="A", sector="civil-society", note="n")),
        ({"short": "B"}, OrgInput(name="A", sector="civil-society", short="B", note="n")),
        ({"name": ""}, OrgInput(name="", sector="civil-society", short="AA", note="n")),
        ({"note": None}, OrgInput(name="A", sector="civil-society", short="AA")),
        ({"colour": "red"}, BASE_INPUT),
    ],
)
def test_input_from_cells_keeps_columns_left_out(
    cells: dict[str, str | None], expected: OrgInput
) -> None:
    assert input_from_cells(cells, BASE_INPUT) == expected


def test_input_from_cells_without_a_base() -> None:
    assert input_from_cells({"name": "A"}) == OrgInput(name="A", sector="")


# --- the command ------------------------------------------------------------------------------


def export(run: Run, path: Path, *options: str) -> Path:
    ok(run, "org", "export", "-o", str(path), *options)
    return path


def audit(run: Run) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = as_json(run, "audit")
    return data


def edited(path: Path, old: str, new: str) -> Path:
    text = path.read_bytes().decode("utf-8-sig")
    assert old in text, old
    return write_csv(path, text.replace(old, new, 1))


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_an_unchanged_export_says_no_changes_and_changes_nothing(
    run: Run, example_db: Db, tmp_path: Path, file_format: str
) -> None:
    file = export(run, tmp_path / f"m.{file_format}", "--format", file_format)
    before = dump(example_db)
    out = ok(run, "org", "import", str(file), "--update")
    assert (
        out
        == f"No changes: the 43 organisations in m.{file_format} are as the register has them.\n"
    )
    assert dump(example_db) == before  # not even an audit entry


def test_a_dry_run_shows_the_changes_and_writes_nothing(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = export(run, tmp_path / "m.csv")
    edited(file, f"{ACTIVA};civil-society;member;Activa;", f"{ACTIVA};civil-society;member;NIF;")
    before = dump(example_db)
    out = ok(run, "org", "import", str(file), "--update", "--dry-run")
    assert f"{ACTIVA}: short name: Activa → NIF\n" in out
    assert "1 organisation would change; 42 stay as they are. Nothing was written" in out
    assert dump(example_db) == before


def test_changes_are_shown_field_by_field_and_applied(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = export(run, tmp_path / "m.csv")
    edited(file, f"{ACTIVA};civil-society;member;Activa;", f"{ACTIVA};civil-society;member;;")
    edited(
        file,
        f"{REGION};region;member;;232100-0164;Örebro;",
        f"{REGION};region;member;RÖL;232100-0164;Kumla;",
    )
    out = ok(run, "org", "import", str(file), "--update")
    assert f"{REGION}: short name: – → RÖL; municipality: Örebro → Kumla\n" in out
    assert f"{ACTIVA}: short name: Activa → –\n" in out
    assert "Updated 2 organisations; 41 unchanged." in out
    assert org_show(run, ACTIVA)["short"] is None
    region = org_show(run, "RÖL")
    assert (region["municipality"], region["municipality_code"]) == ("Kumla", "1881")
    # One audit entry, in words too.
    last = audit(run)[-1]
    assert last["command"].endswith("--update")
    assert {change["id"] for change in last["changes"]} == {
        org_show(run, ACTIVA)["id"],
        region["id"],
    }
    words = ok(run, "audit", "--full")
    assert f"    {REGION}: short name: – → RÖL; municipality: Örebro → Kumla" in words
    # The same file again: nothing left to change.
    assert ok(run, "org", "import", str(file), "--update").startswith("No changes")


def test_a_row_is_matched_by_organisationsnummer_before_its_name(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "m.csv", "namn;organisationsnummer\r\nRegion Örebro Län Ny;2321000164\r\n"
    )
    out = ok(run, "org", "import", str(file), "--update")
    assert f"{REGION}: name: {REGION} → Region Örebro Län Ny" in out
    assert org_show(run, "Region Örebro Län Ny")["orgnr"] == "232100-0164"


def test_swedish_headers_and_only_some_columns(run: Run, example_db: Db, tmp_path: Path) -> None:
    before = org_show(run, ACTIVA)
    file = write_csv(
        tmp_path / "m.csv",
        "Namn;Kortnamn;Kommun;Anteckning\r\nStiftelsen Activa;SA;kumla;Ny anteckning\r\n",
    )
    out = ok(run, "org", "import", str(file), "--update")
    assert f"{ACTIVA}: short name: Activa → SA; municipality: – → Kumla; note: " in out
    after = org_show(run, ACTIVA)
    assert (after["short"], after["municipality"], after["note"]) == (
        "SA",
        "Kumla",
        "Ny anteckning",
    )
    # The columns the file leaves out are kept.
    for kept in ("sector", "status", "orgnr", "joined", "website"):
        assert after[kept] == before[kept], kept


def test_a_windows_1252_file(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", f"namn;kommun\r\n{ACTIVA};Laxå\r\n", encoding="cp1252")
    assert f"{ACTIVA}: municipality: – → Laxå" in ok(run, "org", "import", str(file), "--update")


def test_membership_can_be_corrected_when_it_tells_one_story(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", f"name;status;left\r\n{ACTIVA};former;2026-06-30\r\n")
    out = ok(run, "org", "import", str(file), "--update")
    assert f"{ACTIVA}: status: member → former; left: – → 2026-06-30" in out
    shown_org = org_show(run, ACTIVA)
    assert shown_org["left"] == "2026-06-30"


def test_a_left_date_without_former_is_refused_naming_the_columns(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", f"namn;lämnade\r\n{ACTIVA};2026-06-30\r\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert "1 of 1 rows in m.csv are bad; nothing was changed." in err
    assert "line 2, columns status, joined, lämnade: Only a former member has a left date" in err


def test_one_bad_row_changes_nothing_and_names_row_and_column(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = export(run, tmp_path / "m.csv")
    edited(file, f"{ACTIVA};civil-society;member;Activa;", f"{ACTIVA};civil-society;member;NIF;")
    edited(
        file,
        f"{REGION};region;member;;232100-0164;Örebro;",
        f"{REGION};region;member;;232100-0164;Narnia;",
    )
    edited(file, "Möckelnföreningarna;civil-society;", "Möckelnföreningarna;ideell;")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=2
    )
    lines = err.splitlines()
    assert lines[0] == (
        "Error: 2 of 43 rows in m.csv are bad; nothing was changed. Fix these rows and import again:"
    )
    assert (
        lines[1].startswith("  line ") and ", column sector: 'ideell' is not a sector" in lines[1]
    )
    assert ", column municipality: 'Narnia' is not a kommun in Örebro län" in lines[2]


def test_a_bad_organisationsnummer_names_its_column(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", f"name;orgnr\r\n{ACTIVA};123\r\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert "line 2, column orgnr: " in err


def test_a_row_that_matches_nothing_is_refused_with_the_closest_name(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", "name;sector\r\nStiftelsen Aktiva;civil-society\r\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert "line 2: no organisation in the register has the name 'Stiftelsen Aktiva'" in err
    assert "did you mean Stiftelsen Activa" in err
    assert "--add-new" in err


def test_add_new_adds_the_rows_that_match_nothing(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "m.csv",
        f"name;sector;short\r\n{ACTIVA};civil-society;SA\r\nNora IF;civil-society;NIF\r\n",
    )
    out = ok(run, "org", "import", str(file), "--update", "--add-new")
    assert f"{ACTIVA}: short name: Activa → SA\nNora IF: new (civil-society, member)\n" in out
    assert "Updated 1 organisation and added 1 new organisation; 0 unchanged." in out
    assert org_show(run, "NIF")["name"] == "Nora IF"


def test_a_new_row_needs_its_sector(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", "name;short\r\nNora IF;NIF\r\n")
    err = assert_fails(
        run,
        example_db,
        ExitCode.INVALID,
        "org",
        "import",
        str(file),
        "--update",
        "--add-new",
        details=1,
    )
    assert "line 2, column sector: a new organisation needs its sector" in err


def test_add_new_goes_with_update(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", "name;sector\r\nNora IF;civil-society\r\n")
    err = assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file), "--add-new")
    assert "--add-new goes with --update" in err


def test_a_name_another_organisation_has_is_refused(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", f"name;short\r\n{REGION};activa\r\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert f"line 2, column short: 'activa' is already the name or short name of '{ACTIVA}'" in err


def test_an_organisationsnummer_another_organisation_has_is_refused(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", "name;orgnr\r\nMöckelnföreningarna;232100-0164\r\n")
    # Matched by its number, the row renames the region to a name another organisation has.
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert "line 2, column name: 'Möckelnföreningarna' is already the name or short name of" in err


def test_a_name_differing_only_in_case_matches_and_corrects_it(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(tmp_path / "m.csv", "name\r\nstiftelsen ACTIVA\r\n")
    out = ok(run, "org", "import", str(file), "--update")
    assert f"{ACTIVA}: name: {ACTIVA} → stiftelsen ACTIVA" in out


def test_the_same_organisation_twice_is_refused(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", f"name;short\r\n{ACTIVA};A1\r\nstiftelsen activa;A2\r\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--update", details=1
    )
    assert f"line 3: it is '{ACTIVA}' again, as on line 2" in err


def test_a_name_one_row_gives_up_another_may_take(run: Run, example_db: Db, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "m.csv",
        f"name;short;orgnr\r\n{ACTIVA};ACT;\r\nRegion Örebro län;Activa;232100-0164\r\n",
    )
    out = ok(run, "org", "import", str(file), "--update")
    assert "Updated 2 organisations" in out
    assert org_show(run, "Activa")["name"] == REGION


def test_two_rows_that_swap_names_are_refused(run: Run, example_db: Db, tmp_path: Path) -> None:
    ok(run, "org", "edit", REGION, "--short", "RÖL")
    file = write_csv(
        tmp_path / "m.csv",
        f"name;short;orgnr\r\n{ACTIVA};RÖL;\r\n{REGION};Activa;232100-0164\r\n",
    )
    err = assert_fails(run, example_db, ExitCode.CONFLICT, "org", "import", str(file), "--update")
    assert "swap names or numbers" in err


def test_import_help_documents_update(run: Run, empty_db: Db) -> None:
    out = ok(run, "org", "import", "--help")
    for option in ("--update", "--add-new", "--dry-run"):
        assert option in out
