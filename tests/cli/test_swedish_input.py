"""Swedish words are accepted as input wherever English ones are (issue 20): the options and
arguments that name a sector, a meeting kind, a status, a log kind or a budget category, and
the headers and values of the CSV files psi imports."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from psi.domain.spreadsheet import header_key
from psi.errors import ExitCode
from psi.words import BUDGET_CATEGORY, SECTOR, term
from tests.conftest import Db, Run
from tests.helpers import as_json, assert_fails, ok, org_list, org_show, write_csv

ACTIVA = "Stiftelsen Activa"
SECTORS = "civil-society, municipality, region, state, academia, business, other"

# The Swedish headers of a member list: those psi's members report prints (Organisation,
# Sektor, Kommun, Medlem sedan) and those a list kept in Excel has.
SWEDISH_HEADERS = {
    "name": "Namn",
    "sector": "Sektor",
    "status": "Status",
    "short": "Kortnamn",
    "orgnr": "Org.nr",
    "municipality": "Kommun",
    "joined": "Inträde",
    "left": "Utträde",
    "website": "Webbplats",
    "note": "Anteckning",
}
SWEDISH_STATUSES = {
    "member": "medlem",
    "prospect": "intresserad",
    "partner": "samarbetspartner",
    "former": "tidigare medlem",
}


def register(run: Run, *global_options: str) -> dict[str, dict[str, Any]]:
    """Every organisation, former ones too, by name, without the database ids."""
    listed = as_json(run, *global_options, "org", "list", "--status", "all")
    return {org["name"]: {k: v for k, v in org.items() if k != "id"} for org in listed}


# --- options and arguments --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("civilsamhälle", "civil-society"),
        ("Civilsamhälle", "civil-society"),
        ("civilsamhalle", "civil-society"),
        ("kommun", "municipality"),
        ("region", "region"),
        ("stat", "state"),
        ("statlig myndighet", "state"),
        ("akademi", "academia"),
        ("näringsliv", "business"),
        ("övrigt", "other"),
    ],
)
def test_org_add_takes_a_swedish_sector(run: Run, example_db: Db, word: str, sector: str) -> None:
    out = ok(run, "org", "add", "Nya Föreningen", "--sector", word)
    assert f"Added Nya Föreningen ({sector}, member)." in out
    assert org_show(run, "Nya Föreningen")["sector"] == sector


def test_org_add_takes_a_swedish_status(run: Run, example_db: Db) -> None:
    ok(run, "org", "add", "Nya Föreningen", "-s", "civilsamhälle", "--status", "intresserad")
    assert org_show(run, "Nya Föreningen")["status"] == "prospect"


def test_org_edit_takes_a_swedish_sector(run: Run, example_db: Db) -> None:
    ok(run, "org", "edit", "activa", "--sector", "näringsliv")
    assert org_show(run, ACTIVA)["sector"] == "business"


@pytest.mark.parametrize(("word", "sector"), [("kommun", "municipality"), ("Stat", "state")])
def test_org_list_filters_on_a_swedish_sector(
    run: Run, example_db: Db, word: str, sector: str
) -> None:
    listed = org_list(run, "--sector", word)
    assert listed
    assert listed == org_list(run, "--sector", sector)
    assert {org["sector"] for org in listed} == {sector}


def test_an_unknown_sector_is_refused_on_one_line(run: Run, example_db: Db) -> None:
    error = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "add", "X", "--sector", "församling"
    )
    assert error == f"Error: 'församling' is not a sector; use one of: {SECTORS}.\n"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("stormöte", "stormote"),
        ("Stormöte", "stormote"),
        ("AU-möte", "au"),
        ("MSI-dialog", "msi"),
        ("övrigt", "other"),
    ],
)
def test_meeting_add_takes_a_swedish_kind(run: Run, example_db: Db, word: str, kind: str) -> None:
    ok(run, "meeting", "add", word, "2027-03-10")
    (meeting,) = as_json(run, "meeting", "list", "2027")["meetings"]
    assert meeting["kind"] == kind


def test_meeting_list_filters_on_a_swedish_kind_and_status(run: Run, example_db: Db) -> None:
    ok(run, "meeting", "add", "stormöte", "2027-03-10")
    ok(run, "meeting", "add", "au", "2027-03-17")
    in_swedish = as_json(
        run, "meeting", "list", "2027", "--kind", "stormöte", "--status", "planerat"
    )
    in_english = as_json(
        run, "meeting", "list", "2027", "--kind", "stormote", "--status", "planned"
    )
    assert in_swedish == in_english
    assert [m["kind"] for m in in_swedish["meetings"]] == ["stormote"]
    held = as_json(run, "meeting", "list", "--kind", "Arbetsutskottet", "--status", "genomfört")
    assert held["meetings"]
    assert held == as_json(run, "meeting", "list", "--kind", "au", "--status", "held")


def test_an_unknown_meeting_kind_is_refused_on_one_line(run: Run, example_db: Db) -> None:
    error = assert_fails(
        run, example_db, ExitCode.INVALID, "meeting", "add", "årsmöte", "2027-03-10"
    )
    assert error == (
        "Error: 'årsmöte' is not a meeting kind; use one of: au, stormote, msi, other.\n"
    )


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("medlemsdialog", "member-dialogue"),
        ("rekrytering", "recruitment"),
        ("MSI", "msi"),
        ("hemsida", "website"),
        ("sociala medier", "social-media"),
        ("Sociala_medier", "social-media"),
        ("övrigt", "other"),
    ],
)
def test_log_add_takes_a_swedish_kind(run: Run, example_db: Db, word: str, kind: str) -> None:
    before = {entry["id"] for entry in as_json(run, "log", "list")}
    ok(run, "log", "add", word, "Ringde om stormötet")
    (new,) = [entry for entry in as_json(run, "log", "list") if entry["id"] not in before]
    assert new["kind"] == kind


def test_log_list_filters_on_a_swedish_kind(run: Run, example_db: Db) -> None:
    listed = as_json(run, "log", "list", "--kind", "medlemsdialog")
    assert listed
    assert listed == as_json(run, "log", "list", "--kind", "member-dialogue")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("planerad", "planned"),
        ("Pågår", "ongoing"),
        ("genomförd", "done"),
        ("inställd", "cancelled"),
    ],
)
def test_activity_list_filters_on_a_swedish_status(
    run: Run, example_db: Db, word: str, status: str
) -> None:
    listed = as_json(run, "activity", "list", "--status", word)
    assert listed or status != "planned"
    assert listed == as_json(run, "activity", "list", "--status", status)
    assert {activity["status"] for activity in listed} <= {status}


def test_budget_spend_takes_the_category_words_of_the_swedish_report(
    run: Run, example_db: Db
) -> None:
    for category in ("personnel", "venue", "catering", "communication", "travel", "other"):
        word = term("sv", BUDGET_CATEGORY, category)  # "lön, arvode", "fika och mat" ...
        ok(run, "budget", "spend", ACTIVA, "100", "--on", "2025-08-01", "--category", word)
        (new,) = [
            e
            for e in as_json(run, "budget", "expenses", "2025")
            if e["note"] is None and e["date"] == "2025-08-01"
        ]
        assert new["category"] == category
        ok(run, "budget", "remove-expense", str(new["id"]), "--yes")


# --- files ------------------------------------------------------------------------------------


def test_org_import_takes_swedish_headers_and_values(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "medlemmar.csv",
        "Namn;Sektor;Status;Kommun;Org.nr;Inträde;Utträde\r\n"
        "Gamla Föreningen;civilsamhälle;tidigare medlem;Laxå;;2016-01-01;2024-12-31\r\n"
        "Nora kommun;Kommun;medlem;nora;;2018-05-01;\r\n"
        "Länsstyrelsen;Statlig myndighet;Intresserad;Örebro;;;\r\n",
    )
    assert "Imported 3 organisations." in ok(run, "org", "import", str(file))
    found = register(run)
    old = found["Gamla Föreningen"]
    assert (old["sector"], old["status"], old["joined"], old["left"]) == (
        "civil-society",
        "former",
        "2016-01-01",
        "2024-12-31",
    )
    assert (found["Nora kommun"]["sector"], found["Nora kommun"]["status"]) == (
        "municipality",
        "member",
    )
    assert (found["Länsstyrelsen"]["sector"], found["Länsstyrelsen"]["status"]) == (
        "state",
        "prospect",
    )


def test_org_import_names_a_swedish_value_it_refuses(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "medlemmar.csv",
        "Namn;Sektor\r\nA;civilsamhälle\r\nB;församling\r\n",
    )
    error = assert_fails(run, empty_db, ExitCode.INVALID, "org", "import", str(file), details=1)
    assert (
        error.splitlines()[1]
        .strip()
        .endswith(f"line 3: 'församling' is not a sector; use one of: {SECTORS}")
    )


def test_org_import_update_takes_swedish_headers_and_values(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "rättelser.csv",
        f"Namn;Sektor;Status;Utträde\r\n{ACTIVA};Näringsliv;Tidigare medlem;2026-06-30\r\n",
    )
    ok(run, "org", "import", str(file), "--update")
    activa = org_show(run, ACTIVA)
    assert (activa["sector"], activa["left"]) == ("business", "2026-06-30")


def test_budget_import_takes_the_swedish_report_words(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        "Datum;Organisation;Belopp;Kategori;Anteckning\r\n"
        f"2025-04-01;{ACTIVA};1 500;Fika och mat;Fika AU\r\n"
        f'2025-04-02;{ACTIVA};"2 000 kr";"lön, arvode";Arvode\r\n'
        f"2025-04-03;{ACTIVA};300;Övrigt;Porto\r\n",
    )
    assert "Imported 3 expenses." in ok(run, "budget", "import", str(file))
    new = {e["note"]: e["category"] for e in as_json(run, "budget", "expenses", "2025")}
    assert (new["Fika AU"], new["Arvode"], new["Porto"]) == ("catering", "personnel", "other")


def swedish_csv(english: str) -> str:
    """An exported register as a Swedish member list: Swedish headers, and each sector and
    status in the Swedish word psi's reports print."""
    rows = list(
        csv.DictReader(io.StringIO(english.removeprefix("\ufeff"), newline=""), delimiter=";")
    )
    assert rows
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([SWEDISH_HEADERS[column] for column in rows[0]])
    for row in rows:
        row["sector"] = term("sv", SECTOR, row["sector"])
        row["status"] = SWEDISH_STATUSES[row["status"]]
        writer.writerow(row.values())
    return "\ufeff" + buffer.getvalue()


def test_a_swedish_member_list_round_trips(run: Run, example_db: Db, tmp_path: Path) -> None:
    english = ok(run, "org", "export", raw=True)
    text = swedish_csv(english)
    assert "civilsamhälle" in text and "statlig myndighet" in text and "tidigare medlem" in text
    assert text.splitlines()[0] == "\ufeff" + ";".join(SWEDISH_HEADERS.values())
    file = tmp_path / "medlemmar.csv"
    file.write_bytes(text.encode("utf-8"))
    other = tmp_path / "other.sqlite3"
    ok(run, "--db", str(other), "init")
    assert "Imported" in ok(run, "--db", str(other), "org", "import", str(file))
    assert register(run, "--db", str(other)) == register(run)
    assert ok(run, "--db", str(other), "org", "export", raw=True) == english


# --- the headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Utträde", "uttrade"),
        ("Org.nr", "org nr"),
        ("org_nr", "org nr"),
        ("ORG-NR", "org nr"),
        ("  Medlem   sedan ", "medlem sedan"),
        ("Inträdes-datum", "intrades datum"),
    ],
)
def test_header_key(title: str, key: str) -> None:
    assert header_key(title) == key


def test_a_swedish_file_with_one_bad_row_is_refused_whole(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "m.csv",
        "Namn;Sektor;Status;Utträde\r\n"
        "X;civilsamhälle;tidigare medlem;2024-01-01\r\n"
        "Y;kommun;tidigare medlem;igår\r\n",
    )
    error = assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file), details=1)
    assert "line 3:" in error.splitlines()[1]
