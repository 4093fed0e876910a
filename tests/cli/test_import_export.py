"""`psi org import` and `psi org export`: CSV for Swedish Excel, JSON, and the round trip."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psi.domain.text import casefold_key, clean
from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import as_json, assert_fails, ok, write_csv

BOM = "\ufeff"
HEADER = "name;sector;status;short;orgnr;municipality;joined;left;website;note"
COLUMNS = HEADER.split(";")
# Every organisation of psi/data/example.json, the former member included.
ORGS_IN_EXAMPLE = 43


def text_of(path: Path) -> str:
    """A file's exact text (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def orgs(run: Run, *global_options: str) -> dict[str, dict[str, Any]]:
    """Every organisation, former ones too, by name."""
    return {
        org["name"]: org for org in as_json(run, *global_options, "org", "list", "--status", "all")
    }


def without_ids(register: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The register without the database ids, which differ between databases."""
    return {name: {k: v for k, v in org.items() if k != "id"} for name, org in register.items()}


def csv_rows(text: str) -> list[dict[str, str]]:
    """An exported CSV text parsed back into dicts."""
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=";"))


# --- import ----------------------------------------------------------------------------------


def test_import_semicolon_utf8_with_bom(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "medlemmar.csv",
        f"{HEADER}\r\n"
        "Nora Idrottsförening;civil-society;member;NIF;802412-3450;nora;2026-03-10;;"
        "www.example.se;Ny medlem\r\n"
        "Göteborgs Stadsmission;civil-society;partner;;;other:Göteborg;;;;\r\n"
        'Gamla Föreningen;civil-society;former;;;Laxå;2016-01-01;2024-12-31;;"Slutade; 2024"\r\n',
    )
    out = ok(run, "org", "import", str(file))
    assert "Imported 3 organisations." in out
    register = orgs(run)
    assert set(register) == {"Nora Idrottsförening", "Göteborgs Stadsmission", "Gamla Föreningen"}
    nora = register["Nora Idrottsförening"]
    assert nora["short"] == "NIF"
    assert nora["orgnr"] == "802412-3450"
    assert (nora["municipality"], nora["municipality_code"]) == ("Nora", "1884")
    assert nora["joined"] == "2026-03-10"
    assert nora["website"] == "https://www.example.se"
    assert nora["note"] == "Ny medlem"
    gbg = register["Göteborgs Stadsmission"]
    assert (gbg["status"], gbg["municipality"], gbg["municipality_code"]) == (
        "partner",
        "Göteborg",
        None,
    )
    old = register["Gamla Föreningen"]
    assert (old["status"], old["left"], old["note"]) == ("former", "2024-12-31", "Slutade; 2024")
    assert "Gamla Föreningen" not in ok(run, "org", "list")


def test_import_comma_separated_without_bom(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "list.csv",
        'name,sector,municipality,note\nAlfa AB,business,kumla,"Först, sedan"\nBeta,state,,\n',
        encoding="utf-8",
    )
    assert "Imported 2 organisations." in ok(run, "org", "import", str(file))
    register = orgs(run)
    assert register["Alfa AB"]["municipality"] == "Kumla"
    assert register["Alfa AB"]["note"] == "Först, sedan"
    assert register["Beta"]["sector"] == "state"
    assert register["Beta"]["status"] == "member"


def test_import_swedish_headers(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "medlemmar.csv",
        "Namn;Sektor;Kommun;Organisationsnummer;Medlem sedan;Webbplats;Anteckning;Kortnamn\n"
        "Örebro Schackklubb;civil-society;Örebro;802412-3450;2020-01-01;schack.example.se;Hej;ÖSK\n",
    )
    assert "Imported 1 organisation." in ok(run, "org", "import", str(file))
    org = orgs(run)["Örebro Schackklubb"]
    assert org["short"] == "ÖSK"
    assert (org["municipality"], org["municipality_code"]) == ("Örebro", "1880")
    assert org["orgnr"] == "802412-3450"
    assert org["joined"] == "2020-01-01"
    assert org["website"] == "https://schack.example.se"
    assert org["note"] == "Hej"


def test_import_windows_1252(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "gammal.csv",
        "namn;sektor;kommun;anteckning\r\n"
        "Åsbro Idrottsförening;civil-society;Laxå;Många år\r\n"
        "Ärla Ängsförening;civil-society;örebro;Ödmjuk\r\n",
        encoding="cp1252",
    )
    assert "Imported 2 organisations." in ok(run, "org", "import", str(file))
    register = orgs(run)
    assert set(register) == {"Åsbro Idrottsförening", "Ärla Ängsförening"}
    assert register["Åsbro Idrottsförening"]["municipality"] == "Laxå"
    assert register["Åsbro Idrottsförening"]["note"] == "Många år"
    assert register["Ärla Ängsförening"]["municipality"] == "Örebro"
    assert register["Ärla Ängsförening"]["note"] == "Ödmjuk"


def test_import_dry_run_writes_nothing(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "nya.csv", "name;sector\nNy förening;other\nAnnan förening;business\n"
    )
    before = dump(example_db)
    out = ok(run, "org", "import", str(file), "--dry-run")
    assert "All 2 rows are good" in out
    assert dump(example_db) == before
    assert "Ny förening" not in orgs(run)


def test_import_bad_rows_write_nothing_and_are_listed(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "nya.csv",
        "name;sector;orgnr\n"
        "Bra förening;other;\n"
        "Dålig sektor;church;\n"
        "Också bra;business;\n"
        "Dåligt nummer;other;232100-0165\n"
        "Sista bra;state;\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), details=2
    ).splitlines()
    assert "2 of 5 rows" in lines[0]
    assert "nothing was imported" in lines[0]
    assert lines[1].strip().startswith("line 3:")
    assert "church" in lines[1]
    assert lines[2].strip().startswith("line 5:")
    assert "232100-0165" in lines[2]
    assert "Bra förening" not in orgs(run)


def test_import_bad_rows_also_fail_a_dry_run(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "nya.csv", "name;sector\nBra;other\n;other\n")
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), "--dry-run", details=1
    ).splitlines()
    assert "line 3:" in lines[1]


def test_import_unknown_column(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "nya.csv", "name;sector;colour\nNy förening;other;blå\n")
    lines = assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file)).splitlines()
    assert "colour" in lines[0]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("name;short\nNy förening;NF\n", id="no-sector-column"),
    ],
)
def test_import_bad_header(run: Run, example_db: Path, tmp_path: Path, text: str) -> None:
    file = write_csv(tmp_path / "nya.csv", text)
    assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file))


def test_import_row_duplicating_an_existing_org(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "nya.csv",
        "name;sector;short;orgnr\n"
        "Ny förening;other;;\n"
        "STIFTELSEN ACTIVA;civil-society;;\n"
        "Annan förening;other;MSI;\n"
        "Tredje förening;other;;2321000164\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), details=3
    ).splitlines()
    assert "line 3:" in lines[1]
    assert "Stiftelsen Activa" in lines[1]
    assert "line 4:" in lines[2]
    assert "line 5:" in lines[3]
    assert "Region Örebro län" in lines[3]


def test_import_duplicates_within_the_file(run: Run, empty_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "nya.csv",
        "name;sector;orgnr\nAlfa;other;802412-3450\nBeta;other;\nALFA;business;\n"
        "Gamma;other;8024123450\n",
    )
    lines = assert_fails(
        run, empty_db, ExitCode.INVALID, "org", "import", str(file), details=2
    ).splitlines()
    assert "line 4:" in lines[1]
    assert "line 2" in lines[1]
    assert "line 5:" in lines[2]
    assert orgs(run) == {}


def test_import_missing_file(run: Run, example_db: Path, tmp_path: Path) -> None:
    lines = assert_fails(
        run, example_db, ExitCode.FILE, "org", "import", str(tmp_path / "finns-inte.csv")
    ).splitlines()
    assert "finns-inte.csv" in lines[0]


def test_import_a_folder(run: Run, example_db: Path, tmp_path: Path) -> None:
    assert_fails(run, example_db, ExitCode.FILE, "org", "import", str(tmp_path))


# --- export ----------------------------------------------------------------------------------


def test_export_csv_for_swedish_excel(run: Run, example_db: Path) -> None:
    text = ok(run, "org", "export", raw=True)
    assert text.startswith(BOM + HEADER + "\r\n")
    rows = csv_rows(text)
    assert len(rows) == ORGS_IN_EXAMPLE
    assert list(rows[0]) == COLUMNS
    by_name = {row["name"]: row for row in rows}
    former = by_name["Exempelföreningen Avslutad (exempel)"]
    assert (former["status"], former["left"], former["municipality"]) == (
        "former",
        "2024-12-31",
        "Laxå",
    )
    assert by_name["Exempelmyndigheten (exempel)"]["municipality"] == "other:Stockholm"
    assert by_name["Region Örebro län"]["orgnr"] == "232100-0164"
    assert by_name["Mötesplats social innovation"]["short"] == "MSI"


def test_export_to_a_file(run: Run, example_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "medlemmar.csv"
    out = ok(run, "org", "export", "-o", str(target))
    assert "Wrote" in out
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8") == ok(run, "org", "export", raw=True)


@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("https://evil.example","klicka")', "+46 19 123", "-1", "@SUM(A1)"],
)
def test_export_neutralises_formula_cells(run: Run, example_db: Path, note: str) -> None:
    ok(run, "org", "edit", "activa", f"--note={note}")
    ok(run, "org", "add", f"--note={note}", "--sector", "other", "--", "@Hemma")
    by_name = {row["name"]: row for row in csv_rows(ok(run, "org", "export", raw=True))}
    assert by_name["Stiftelsen Activa"]["note"] == "'" + note
    assert by_name["'@Hemma"]["note"] == "'" + note
    assert all(not row["note"].startswith(("=", "+", "-", "@")) for row in by_name.values())


def test_export_json(run: Run, example_db: Path) -> None:
    data = json.loads(ok(run, "org", "export", "--format", "json"))
    assert isinstance(data, list)
    assert len(data) == ORGS_IN_EXAMPLE
    for row in data:
        assert list(row) == COLUMNS
    by_name = {row["name"]: row for row in data}
    assert by_name["Exempelföreningen Avslutad (exempel)"]["status"] == "former"
    assert by_name["Exempelmyndigheten (exempel)"]["municipality"] == "other:Stockholm"
    assert by_name["Stiftelsen Activa"]["orgnr"] is None


def test_export_unknown_format(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "org", "export", "--format", "xlsx")


def test_export_to_a_missing_folder(run: Run, example_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "finns-inte" / "medlemmar.csv"
    assert_fails(run, example_db, ExitCode.FILE, "org", "export", "-o", str(target))
    assert not target.exists()


# --- round trip ------------------------------------------------------------------------------


def test_export_import_export_round_trip(run: Run, example_db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    second = tmp_path / "second.csv"
    other = tmp_path / "other.sqlite3"
    ok(run, "org", "edit", "activa", '--note==HYPERLINK("x")')
    ok(run, "org", "export", "-o", str(first))
    ok(run, "--db", str(other), "init")
    assert f"Imported {ORGS_IN_EXAMPLE} organisations." in ok(
        run, "--db", str(other), "org", "import", str(first)
    )
    ok(run, "--db", str(other), "org", "export", "-o", str(second))
    assert text_of(second) == text_of(first)
    assert orgs(run, "--db", str(other))["Stiftelsen Activa"]["note"] == '=HYPERLINK("x")'


def test_round_trip_keeps_a_note_that_starts_with_an_apostrophe(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    """A note typed as '=1+1 (apostrophe included) must come back as typed."""
    first = tmp_path / "first.csv"
    other = tmp_path / "other.sqlite3"
    ok(run, "org", "edit", "activa", "--note='=1+1")
    ok(run, "org", "export", "-o", str(first))
    ok(run, "--db", str(other), "init")
    ok(run, "--db", str(other), "org", "import", str(first))
    assert orgs(run, "--db", str(other))["Stiftelsen Activa"]["note"] == "'=1+1"
    assert ok(run, "--db", str(other), "org", "export", raw=True) == text_of(first)


def test_round_trip_with_a_short_name_equal_to_the_name(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    """`org add` accepts a short name that is the name itself; its export must import again."""
    first = tmp_path / "first.csv"
    other = tmp_path / "other.sqlite3"
    ok(run, "org", "add", "Alfa", "--sector", "other", "--short", "ALFA")
    ok(run, "org", "add", "Beta förening", "--sector", "other", "--short", "Beta förening")
    ok(run, "org", "export", "-o", str(first))
    ok(run, "--db", str(other), "init")
    assert "Imported 2 organisations." in ok(run, "--db", str(other), "org", "import", str(first))
    assert ok(run, "--db", str(other), "org", "export", raw=True) == text_of(first)


printable = st.text(
    st.characters(categories=("L", "M", "N", "P", "S"), include_characters=" "),
    min_size=1,
    max_size=30,
)
formula_start = st.sampled_from(["", "=", "+", "-", "@", "'", "'=", "'-", " "])
name = st.builds(lambda start, rest: start + rest, formula_start, printable).filter(
    lambda text: bool(clean(text))
)
note = st.builds(lambda start, rest: start + rest, formula_start, printable)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    entries=st.lists(
        st.tuples(name, note), min_size=1, max_size=3, unique_by=lambda e: casefold_key(e[0])
    )
)
def test_random_names_and_notes_survive_export_import_export(
    run: Run, entries: list[tuple[str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first_db = Path(folder) / "first.sqlite3"
        second_db = Path(folder) / "second.sqlite3"
        ok(run, "--db", str(first_db), "init")
        for entry_name, entry_note in entries:
            ok(
                run,
                "--db",
                str(first_db),
                "org",
                "add",
                "--sector",
                "other",
                f"--note={entry_note}",
                "--",
                entry_name,
            )
        stored = orgs(run, "--db", str(first_db))
        assert set(stored) == {clean(entry_name) for entry_name, _ in entries}
        exported = Path(folder) / "export.csv"
        ok(run, "--db", str(first_db), "org", "export", "-o", str(exported))
        ok(run, "--db", str(second_db), "init")
        ok(run, "--db", str(second_db), "org", "import", str(exported))
        again = ok(run, "--db", str(second_db), "org", "export", raw=True)
        assert again == text_of(exported)
        assert without_ids(orgs(run, "--db", str(second_db))) == without_ids(stored)


# --- import --update (the rest is in test_org_update.py) --------------------------------------


def test_export_then_update_is_a_round_trip(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = tmp_path / "medlemmar.csv"
    ok(run, "org", "export", "-o", str(file))
    before = dump(example_db)
    assert ok(run, "org", "import", str(file), "--update").startswith("No changes: the 43 ")
    assert dump(example_db) == before


def test_a_plain_import_of_an_export_still_refuses_every_row(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    file = tmp_path / "medlemmar.csv"
    ok(run, "org", "export", "-o", str(file))
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "import", str(file), details=ORGS_IN_EXAMPLE
    )
    assert "already in the register" in err


def test_a_json_export_is_read_only_with_update(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = tmp_path / "medlemmar.json"
    ok(run, "org", "export", "--format", "json", "-o", str(file))
    err = assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file))
    assert f"type: psi org import {file} --update" in err
    assert ok(run, "org", "import", str(file), "--update").startswith("No changes")
