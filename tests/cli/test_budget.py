"""`psi budget grant/allocate/spend/expenses/remove-expense/import/funding/status`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import as_json, assert_fails, ok, write_csv

NBSP = "\u00a0"
ACTIVA = "Stiftelsen Activa"
FORENINGSRAD = "Örebro Föreningsråd"
MOCKELN = "Möckelnföreningarna"  # a coordinator in 2023 and 2024, not in 2025
SWEDISH_HEADER = "datum;organisation;belopp;kategori;anteckning"

# The example's 2025 expenses in öre: by organisation and by category.
SPENT_2025_BY_ORG = {ACTIVA: 4_625_000, FORENINGSRAD: 4_921_450}
SPENT_2025_BY_CATEGORY = {
    "personnel": 8_500_000,
    "venue": 380_000,
    "catering": 245_000,
    "communication": 298_000,
    "travel": 123_450,
}
SPENT_2025 = 9_546_450


def kr(text: str) -> str:
    """An amount as psi prints it: the spaces in `text` become non-breaking spaces."""
    return text.replace(" ", NBSP)


def status_json(run: Run, year: int) -> dict[str, Any]:
    """`psi budget status YEAR --json`, parsed."""
    data: dict[str, Any] = as_json(run, "budget", "status", str(year))
    return data


def expenses_json(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi budget expenses --json` with options, parsed."""
    data: list[dict[str, Any]] = as_json(run, "budget", "expenses", *options)
    return data


def ore(amounts: dict[str, dict[str, Any]]) -> dict[str, int]:
    """The öre of a name -> amount_json mapping."""
    return {name: amount["ore"] for name, amount in amounts.items()}


def assert_amount(amount: dict[str, Any], expected_ore: int, expected_text: str) -> None:
    """An amount in JSON: öre as an integer plus the Swedish text with non-breaking spaces."""
    assert amount == {"ore": expected_ore, "text": kr(expected_text)}
    assert type(amount["ore"]) is int


# --- the example -------------------------------------------------------------------------------


def test_example_status_2025_json(run: Run, example_db: Path) -> None:
    data = status_json(run, 2025)
    assert data["year"] == 2025
    assert_amount(data["grant"], 20_000_000, "200 000 kr")
    (grant,) = data["grants"]
    assert grant["source"] == "Kulturnämnden"
    assert "2024-06-11" in grant["ref"]
    assert_amount(grant["amount"], 20_000_000, "200 000 kr")
    assert ore(data["allocated"]) == {ACTIVA: 10_000_000, FORENINGSRAD: 10_000_000}
    assert_amount(data["allocated"][ACTIVA], 10_000_000, "100 000 kr")
    assert ore(data["spent_by_organisation"]) == SPENT_2025_BY_ORG
    assert ore(data["spent_by_category"]) == SPENT_2025_BY_CATEGORY
    assert sum(ore(data["spent_by_organisation"]).values()) == data["spent"]["ore"]
    assert sum(ore(data["spent_by_category"]).values()) == data["spent"]["ore"]
    assert_amount(data["spent"], SPENT_2025, "95 464,50 kr")
    assert_amount(data["remaining"], 20_000_000 - SPENT_2025, "104 535,50 kr")
    assert data["share_of_year_passed"] == 1.0
    assert data["co_funding"] == [
        {
            "source": "externa projektmedel",
            "amount": None,
            "note": "del av lönekostnad",
            "kind": "frees-grant",
            "id": 1,
        }
    ]
    assert data["warnings"] == []
    assert data["allocation_overrides"] == []


def test_example_status_2025_text(run: Run, example_db: Path) -> None:
    out = ok(run, "budget", "status", "2025")
    for text in (
        kr("200 000 kr"),
        "Kulturnämnden",
        kr("95 464,50 kr"),
        kr("104 535,50 kr"),
        "100%",
        ACTIVA,
        FORENINGSRAD,
        kr("100 000 kr"),
        kr("46 250 kr"),
        kr("49 214,50 kr"),
        "personnel",
        kr("85 000 kr"),
        "travel",
        kr("1 234,50 kr"),
    ):
        assert text in out, text
    assert "Traceback" not in out


def test_example_grant_2026(run: Run, example_db: Path) -> None:
    data = status_json(run, 2026)
    assert_amount(data["grant"], 20_000_000, "200 000 kr")
    (grant,) = data["grants"]
    assert "2025-08-27" in grant["ref"]
    assert grant["source"] == "Kulturnämnden"


def test_example_expenses_are_marked_as_examples(run: Run, example_db: Path) -> None:
    listed = expenses_json(run)
    assert len(listed) == 8
    assert all("(exempel)" in (expense["note"] or "") for expense in listed)


# --- grant -------------------------------------------------------------------------------------


def test_grant_for_a_new_year(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "budget",
        "grant",
        "2027",
        "250 000 kr",
        "--decided",
        "2026-08-26",
        "--ref",
        "Föredragnings-PM 2026-08-26",
    )
    assert "Recorded" in out
    assert kr("250 000 kr") in out
    data = status_json(run, 2027)
    assert data["grants"] == [
        {
            "source": "Kulturnämnden",
            "amount": {"ore": 25_000_000, "text": kr("250 000 kr")},
            "decided_on": "2026-08-26",
            "ref": "Föredragnings-PM 2026-08-26",
        }
    ]
    assert data["remaining"]["ore"] == 25_000_000


def test_correcting_a_grant_keeps_one_grant(run: Run, example_db: Path) -> None:
    ok(run, "budget", "grant", "2027", "250000", "--decided", "2026-08-26", "--ref", "PM")
    out = ok(run, "budget", "grant", "2027", "260 000")
    assert "Corrected" in out
    (grant,) = status_json(run, 2027)["grants"]
    assert grant["amount"]["ore"] == 26_000_000
    assert grant["decided_on"] == "2026-08-26"
    assert grant["ref"] == "PM"


def test_correcting_the_example_grant(run: Run, example_db: Path) -> None:
    assert "Corrected" in ok(run, "budget", "grant", "2025", "210000")
    data = status_json(run, 2025)
    assert data["grant"]["ore"] == 21_000_000
    assert len(data["grants"]) == 1


def test_the_largest_amounts_psi_takes_are_stored_whole(run: Run, example_db: Path) -> None:
    # PostgreSQL's INTEGER stops at 21 474 836,47 kr; amounts live in 64-bit columns (0008).
    ok(run, "budget", "grant", "2026", "999 999 999,99 kr")
    ok(run, "budget", "funding", "2026", "500 000 000", "--source", "Stora fonden")
    spend = ("budget", "spend", FORENINGSRAD, "99 999 999", "--on", "2026-03-10")
    assert run(*spend, "--category", "other").exit_code == 0
    data = status_json(run, 2026)
    assert data["grant"]["ore"] == 99_999_999_999
    spent = [e["amount"]["ore"] for e in expenses_json(run, "2026")]
    assert 9_999_999_900 in spent


def test_grants_from_two_sources_add_up(run: Run, example_db: Path) -> None:
    ok(run, "budget", "grant", "2025", "50 000", "--source", "Region Örebro län")
    data = status_json(run, 2025)
    assert data["grant"]["ore"] == 25_000_000
    assert {g["source"] for g in data["grants"]} == {"Kulturnämnden", "Region Örebro län"}


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("2027", "0"), ExitCode.INVALID),
        (("2027", "--", "-100"), ExitCode.INVALID),
        (("2027", "abc"), ExitCode.INVALID),
        (("2027", "1,234"), ExitCode.INVALID),
        (("2027", "200000", "--decided", "2026-02-30"), ExitCode.INVALID),
        (("2027", "200000", "--source", ""), ExitCode.INVALID),
        (("1800", "200000"), ExitCode.INVALID),
    ],
)
def test_grant_refusals(run: Run, example_db: Path, args: tuple[str, ...], code: ExitCode) -> None:
    assert_fails(run, example_db, code, "budget", "grant", *args)


def test_lowering_the_grant_below_the_allocations_is_not_silent(run: Run, example_db: Path) -> None:
    """Allocations may not add up to more than the grant unless forced with a reason; lowering
    the grant under them must be refused, or at least warned about."""
    before = dump(example_db)
    result = run("budget", "grant", "2025", "150000")
    if result.exit_code == ExitCode.RULE:
        assert dump(example_db) == before
        return
    assert result.exit_code == ExitCode.OK, result.output
    data = status_json(run, 2025)
    assert (
        result.stderr.startswith("Warning:") or data["warnings"] or data["allocation_overrides"]
    ), (result.stderr, data["warnings"])


# --- allocate ----------------------------------------------------------------------------------


def test_even_split_again_gives_the_same_amounts(run: Run, example_db: Path) -> None:
    before = status_json(run, 2025)["allocated"]
    out = ok(run, "budget", "allocate", "2025", "--even")
    assert ACTIVA in out
    assert FORENINGSRAD in out
    assert kr("100 000 kr") in out
    after = status_json(run, 2025)["allocated"]
    assert after == before
    assert ore(after) == {ACTIVA: 10_000_000, FORENINGSRAD: 10_000_000}


def test_explicit_allocation(run: Run, example_db: Path) -> None:
    out = ok(run, "budget", "allocate", "2026", FORENINGSRAD, "120 000")
    assert kr("120 000 kr") in out
    assert ore(status_json(run, 2026)["allocated"]) == {FORENINGSRAD: 12_000_000}


def test_explicit_allocation_replaces_the_previous_one(run: Run, example_db: Path) -> None:
    ok(run, "budget", "allocate", "2025", ACTIVA, "80000")
    assert ore(status_json(run, 2025)["allocated"]) == {ACTIVA: 8_000_000, FORENINGSRAD: 10_000_000}


def test_allocation_of_zero_takes_one_back(run: Run, example_db: Path) -> None:
    ok(run, "budget", "allocate", "2025", ACTIVA, "0")
    assert ore(status_json(run, 2025)["allocated"])[ACTIVA] == 0


def test_even_split_of_an_odd_grant_is_exact(run: Run, example_db: Path) -> None:
    ok(run, "budget", "grant", "2025", "200 000,01")
    ok(run, "budget", "allocate", "2025", "--even")
    allocated = ore(status_json(run, 2025)["allocated"])
    assert sum(allocated.values()) == 20_000_001
    assert sorted(allocated.values()) == [10_000_000, 10_000_001]


def test_allocate_to_a_non_coordinator_is_refused(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.RULE, "budget", "allocate", "2025", MOCKELN, "1000"
    )
    assert MOCKELN in line
    assert "coordinator" in line


def test_allocations_above_the_grant_are_refused(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.RULE, "budget", "allocate", "2025", ACTIVA, "150000"
    )
    assert kr("50 000 kr") in line
    assert "--force --reason" in line


def test_force_without_reason_is_refused(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "allocate", "2025", ACTIVA, "150000", "--force"
    )
    assert "--reason" in line


def test_force_with_a_blank_reason_is_refused(run: Run, example_db: Path) -> None:
    assert_fails(
        run,
        example_db,
        ExitCode.INVALID,
        "budget",
        "allocate",
        "2025",
        ACTIVA,
        "150000",
        "--force",
        "--reason",
        "  ",
    )


def test_force_with_reason_allows_allocations_above_the_grant(run: Run, example_db: Path) -> None:
    ok(
        run,
        "budget",
        "allocate",
        "2025",
        ACTIVA,
        "150000",
        "--force",
        "--reason",
        "Extra medel från regionen väntas",
    )
    data = status_json(run, 2025)
    assert ore(data["allocated"]) == {ACTIVA: 15_000_000, FORENINGSRAD: 10_000_000}
    assert data["allocation_overrides"] == [f"{ACTIVA}: Extra medel från regionen väntas"]
    assert "Extra medel från regionen väntas" in ok(run, "budget", "status", "2025")


def test_even_split_without_a_grant_is_refused(run: Run, example_db: Path) -> None:
    line = assert_fails(run, example_db, ExitCode.RULE, "budget", "allocate", "2027", "--even")
    assert "psi budget grant 2027" in line


def test_even_split_without_coordinators_is_refused(run: Run, example_db: Path) -> None:
    ok(run, "budget", "grant", "2027", "200000")
    assert_fails(run, example_db, ExitCode.RULE, "budget", "allocate", "2027", "--even")


@pytest.mark.parametrize(
    "args",
    [
        ("2025",),  # neither ORG AMOUNT nor --even
        ("2025", ACTIVA),  # no amount
        ("2025", ACTIVA, "1000", "--even"),  # both
        ("2025", ACTIVA, "--", "-5"),  # negative
        ("2025", ACTIVA, "abc"),
        ("2025", ACTIVA, "1 000 000 000"),
    ],
)
def test_allocate_refuses_bad_input(run: Run, example_db: Path, args: tuple[str, ...]) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "budget", "allocate", *args)


def test_allocate_to_an_unknown_org(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "budget", "allocate", "2025", "Finns inte", "100"
    )


# --- spend -------------------------------------------------------------------------------------


def test_spend_records_an_expense(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "budget",
        "spend",
        FORENINGSRAD,
        "1 234,50",
        "--on",
        "2025-03-10",
        "--category",
        "fika",
        "--note",
        "Fika AU",
        "--meeting",
        "1",
    )
    assert "Recorded expense" in out
    assert kr("1 234,50 kr") in out
    new = [e for e in expenses_json(run, "2025") if e["note"] == "Fika AU"]
    assert new == [
        {
            "id": new[0]["id"],
            "date": "2025-03-10",
            "organisation": FORENINGSRAD,
            "amount": {"ore": 123_450, "text": kr("1 234,50 kr")},
            "category": "catering",
            "note": "Fika AU",
            "meeting_id": 1,
        }
    ]
    assert status_json(run, 2025)["spent"]["ore"] == SPENT_2025 + 123_450


@pytest.mark.parametrize(
    ("word", "category"), [("lön", "personnel"), ("lokal", "venue"), ("resor", "travel")]
)
def test_spend_with_swedish_category_words(
    run: Run, example_db: Path, word: str, category: str
) -> None:
    ok(run, "budget", "spend", ACTIVA, "100", "--on", "2025-08-01", "--category", word)
    (new,) = [e for e in expenses_json(run, "2025") if e["date"] == "2025-08-01"]
    assert new["category"] == category


@pytest.mark.parametrize(
    ("args", "code"),
    [
        # not a coordinator that year
        ((MOCKELN, "100", "--on", "2025-03-01", "--category", "fika"), ExitCode.RULE),
        ((ACTIVA, "100", "--on", "2026-03-01", "--category", "fika"), ExitCode.RULE),
        # bad amounts
        ((ACTIVA, "abc", "--on", "2025-03-01", "--category", "fika"), ExitCode.INVALID),
        ((ACTIVA, "1,234", "--on", "2025-03-01", "--category", "fika"), ExitCode.INVALID),
        ((ACTIVA, "0", "--on", "2025-03-01", "--category", "fika"), ExitCode.INVALID),
        ((ACTIVA, "0,00 kr", "--on", "2025-03-01", "--category", "fika"), ExitCode.INVALID),
        ((ACTIVA, "--on", "2025-03-01", "--category", "fika", "--", "-5"), ExitCode.INVALID),
        # bad dates
        ((ACTIVA, "100", "--on", "2025-13-01", "--category", "fika"), ExitCode.INVALID),
        ((ACTIVA, "100", "--on", "10/3 2025", "--category", "fika"), ExitCode.INVALID),
        # bad category
        ((ACTIVA, "100", "--on", "2025-03-01", "--category", "beer"), ExitCode.INVALID),
        # unknown meeting and organisation
        (
            (ACTIVA, "100", "--on", "2025-03-01", "--category", "fika", "--meeting", "999"),
            ExitCode.NOT_FOUND,
        ),
        (("Finns inte", "100", "--on", "2025-03-01", "--category", "fika"), ExitCode.NOT_FOUND),
    ],
)
def test_spend_refusals(run: Run, example_db: Path, args: tuple[str, ...], code: ExitCode) -> None:
    assert_fails(run, example_db, code, "budget", "spend", *args)


def test_spend_by_a_non_coordinator_names_the_org_and_year(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run,
        example_db,
        ExitCode.RULE,
        "budget",
        "spend",
        MOCKELN,
        "100",
        "--on",
        "2025-03-01",
        "--category",
        "fika",
    )
    assert MOCKELN in line
    assert "2025" in line


def test_spend_with_a_bad_amount_shows_what_works(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run,
        example_db,
        ExitCode.INVALID,
        "budget",
        "spend",
        ACTIVA,
        "12 34",
        "--on",
        "2025-03-01",
        "--category",
        "fika",
    )
    assert "1 234,50" in line


def test_spend_for_a_meeting_number_too_large_for_the_database(run: Run, example_db: Path) -> None:
    """An unknown meeting, however large its number, is NOT_FOUND, not an internal error."""
    assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "budget",
        "spend",
        ACTIVA,
        "100",
        "--on",
        "2025-03-01",
        "--category",
        "fika",
        "--meeting",
        "99999999999999999999",
    )


# --- expenses ----------------------------------------------------------------------------------


def test_expenses_by_year(run: Run, example_db: Path) -> None:
    in_2025 = expenses_json(run, "2025")
    assert len(in_2025) == 6
    assert [e["date"] for e in in_2025] == sorted(e["date"] for e in in_2025)
    assert all(e["date"].startswith("2025-") for e in in_2025)
    assert sum(e["amount"]["ore"] for e in in_2025) == SPENT_2025
    assert len(expenses_json(run, "2026")) == 2
    assert expenses_json(run, "2031") == []


def test_expenses_filtered_by_org_and_category(run: Run, example_db: Path) -> None:
    by_activa = expenses_json(run, "--org", ACTIVA)
    assert len(by_activa) == 3
    assert {e["organisation"] for e in by_activa} == {ACTIVA}
    personnel = expenses_json(run, "--category", "personnel")
    assert len(personnel) == 3
    assert expenses_json(run, "--category", "lön") == personnel
    (travel,) = expenses_json(run, "2025", "--org", FORENINGSRAD, "--category", "resor")
    assert travel["amount"] == {"ore": 123_450, "text": kr("1 234,50 kr")}
    assert type(travel["amount"]["ore"]) is int
    assert travel["date"] == "2025-09-15"


def test_expenses_text(run: Run, example_db: Path) -> None:
    out = ok(run, "budget", "expenses", "2025")
    assert "6 expenses" in out
    assert kr("95 464,50 kr") in out
    assert kr("2 450 kr") in out
    assert "Fika, stormöte (exempel)" in out


def test_expenses_none_match(run: Run, example_db: Path) -> None:
    out = ok(run, "budget", "expenses", "2031")
    assert "No expenses match" in out
    assert "psi budget spend" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("--category", "beer"), ExitCode.INVALID),
        (("--org", "Finns inte"), ExitCode.NOT_FOUND),
        (("1800",), ExitCode.INVALID),
    ],
)
def test_expenses_refusals(
    run: Run, example_db: Path, args: tuple[str, ...], code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "budget", "expenses", *args)


# --- remove-expense ----------------------------------------------------------------------------


def test_remove_expense_with_yes(run: Run, example_db: Path) -> None:
    first = expenses_json(run)[0]
    out = ok(run, "budget", "remove-expense", str(first["id"]), "--yes")
    assert f"Deleted expense {first['id']}" in out
    assert first["id"] not in [e["id"] for e in expenses_json(run)]
    assert status_json(run, 2025)["spent"]["ore"] == SPENT_2025 - first["amount"]["ore"]


def test_remove_expense_after_confirming(run: Run, example_db: Path) -> None:
    first = expenses_json(run)[0]
    out = ok(run, "budget", "remove-expense", str(first["id"]), input="y\n")
    assert "Delete expense" in out
    assert len(expenses_json(run)) == 7


def test_remove_expense_answered_no_deletes_nothing(run: Run, example_db: Path) -> None:
    first = expenses_json(run)[0]
    assert_fails(
        run, example_db, ExitCode.ABORTED, "budget", "remove-expense", str(first["id"]), input="n\n"
    )
    assert len(expenses_json(run)) == 8


def test_remove_expense_unknown_id(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "budget", "remove-expense", "999", "--yes"
    )
    assert "999" in line


def test_remove_expense_id_too_large_for_the_database(run: Run, example_db: Path) -> None:
    """An unknown expense, however large its number, is NOT_FOUND, not an internal error."""
    assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "budget",
        "remove-expense",
        "99999999999999999999",
        "--yes",
    )


# --- import ------------------------------------------------------------------------------------


def test_import_swedish_headers_with_bom(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"{SWEDISH_HEADER}\r\n"
        f"2025-04-01;{ACTIVA};1 500;fika;Fika AU\r\n"
        f'2025-04-02;{FORENINGSRAD};"2 345,50 kr";lokal;Hyra\r\n',
    )
    assert "Imported 2 expenses." in ok(run, "budget", "import", str(file))
    new = {e["note"]: e for e in expenses_json(run, "2025")}
    assert new["Fika AU"]["amount"]["ore"] == 150_000
    assert new["Fika AU"]["category"] == "catering"
    assert new["Fika AU"]["organisation"] == ACTIVA
    assert new["Hyra"]["amount"] == {"ore": 234_550, "text": kr("2 345,50 kr")}
    assert new["Hyra"]["category"] == "venue"
    assert status_json(run, 2025)["spent"]["ore"] == SPENT_2025 + 150_000 + 234_550


def test_import_comma_separated_english_headers(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "expenses.csv",
        f"date,organisation,amount,category,note,meeting\n2025-04-01,{ACTIVA},1500,catering,x,1\n",
        encoding="utf-8",
    )
    assert "Imported 1 expense." in ok(run, "budget", "import", str(file))
    (new,) = [e for e in expenses_json(run) if e["note"] == "x"]
    assert new["meeting_id"] == 1


def test_import_windows_1252(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"{SWEDISH_HEADER}\n2025-04-01;{FORENINGSRAD};500;övrigt;Blommor åt värden\n",
        encoding="cp1252",
    )
    ok(run, "budget", "import", str(file))
    (new,) = [e for e in expenses_json(run) if e["note"] == "Blommor åt värden"]
    assert new["organisation"] == FORENINGSRAD
    assert new["category"] == "other"


def test_import_dry_run_writes_nothing(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"{SWEDISH_HEADER}\n2025-04-01;{ACTIVA};1 500;fika;a\n2025-04-02;{ACTIVA};100;lokal;b\n",
    )
    before = dump(example_db)
    out = ok(run, "budget", "import", str(file), "--dry-run")
    assert "All 2 rows are good" in out
    assert dump(example_db) == before


def test_import_with_two_bad_rows_writes_nothing_and_names_both_lines(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"{SWEDISH_HEADER}\n"
        f"2025-04-01;{ACTIVA};1 500;fika;bra\n"
        f"2025-04-02;{MOCKELN};100;lokal;inte samordnare\n"
        f"2025-04-03;{ACTIVA};100;lokal;också bra\n"
        f"2025-04-04;{ACTIVA};1,234;lokal;dåligt belopp\n"
        f"2025-04-05;{ACTIVA};200;resor;sista bra\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), details=2
    ).splitlines()
    assert "2 of 5 rows" in lines[0]
    assert "nothing was imported" in lines[0]
    assert lines[1].strip().startswith("line 3:")
    assert MOCKELN in lines[1]
    assert lines[2].strip().startswith("line 5:")
    assert "1,234" in lines[2]
    assert len(expenses_json(run)) == 8


def test_import_of_a_note_that_is_not_text_writes_nothing(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv", f"{SWEDISH_HEADER}\n2025-04-01;{ACTIVA};100;fika;a\x00b\n"
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), details=1
    ).splitlines()
    assert "line 2:" in lines[1] and "not text" in lines[1]


def test_import_bad_rows_also_fail_a_dry_run(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"{SWEDISH_HEADER}\n2025-04-01;{ACTIVA};100;fika;a\n2025-04-02;{ACTIVA};0;fika;b\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), "--dry-run", details=1
    ).splitlines()
    assert "line 3:" in lines[1]


def test_import_line_numbers_count_multiline_cells(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f'{SWEDISH_HEADER}\n2025-04-01;{ACTIVA};100;fika;"rad ett\nrad två"\n'
        f"2025-04-02;{ACTIVA};100;beer;x\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), details=1
    ).splitlines()
    assert lines[1].strip().startswith("line 4:")


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ("2025-13-01;{org};100;fika;x", "2025-13-01"),
        ("2025-04-01;Finns inte;100;fika;x", "Finns inte"),
        ("2025-04-01;{org};100;beer;x", "beer"),
        ("2025-04-01;{org};100;fika;x;extra", "more cells"),
    ],
)
def test_import_names_the_problem_of_a_bad_row(
    run: Run, example_db: Path, tmp_path: Path, cells: str, problem: str
) -> None:
    file = write_csv(tmp_path / "utgifter.csv", f"{SWEDISH_HEADER}\n{cells.format(org=ACTIVA)}\n")
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), details=1
    ).splitlines()
    assert "line 2:" in lines[1]
    assert problem in lines[1]


def test_import_unknown_meeting(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv",
        f"datum;organisation;belopp;kategori;möte\n2025-04-01;{ACTIVA};100;fika;999\n",
    )
    lines = assert_fails(
        run, example_db, ExitCode.INVALID, "budget", "import", str(file), details=1
    ).splitlines()
    assert "999" in lines[1]


def test_import_missing_column(run: Run, example_db: Path, tmp_path: Path) -> None:
    file = write_csv(
        tmp_path / "utgifter.csv", f"datum;organisation;belopp\n2025-04-01;{ACTIVA};100\n"
    )
    line = assert_fails(run, example_db, ExitCode.INVALID, "budget", "import", str(file))
    assert "category" in line


def test_import_missing_file(run: Run, example_db: Path, tmp_path: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.FILE, "budget", "import", str(tmp_path / "finns-inte.csv")
    )


# --- funding -----------------------------------------------------------------------------------


def test_funding_is_shown_in_status(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "budget",
        "funding",
        "2025",
        "45000",
        "--source",
        "Externa projektmedel",
        "--note",
        "Del av lönekostnaden",
    )
    assert kr("45 000 kr") in out
    data = status_json(run, 2025)
    assert data["co_funding"][-1] == {
        "source": "Externa projektmedel",
        "amount": {"ore": 4_500_000, "text": kr("45 000 kr")},
        "note": "Del av lönekostnaden",
        "kind": "coordination",
        "id": 2,
    }
    assert data["grant"]["ore"] == 20_000_000  # co-funding is not part of the grant
    text = ok(run, "budget", "status", "2025")
    assert "Externa projektmedel" in text
    assert kr("45 000 kr") in text


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("2025", "0", "--source", "X"), ExitCode.INVALID),
        (("2025", "abc", "--source", "X"), ExitCode.INVALID),
        (("2025", "100", "--source", ""), ExitCode.INVALID),
        (("2025", "100"), ExitCode.INVALID),
        (("2025", "100", "--source", "   "), ExitCode.INVALID),
        (("2025", "--source", "X", "--frees-grant", "--frees-grant", "--bogus"), ExitCode.USAGE),
    ],
)
def test_funding_refusals(
    run: Run, example_db: Path, args: tuple[str, ...], code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "budget", "funding", *args)


def test_the_same_co_funding_again_is_refused_and_a_note_tells_two_apart(
    run: Run, example_db: Path
) -> None:
    args = ("budget", "funding", "2027", "45000", "--source", "Externa projektmedel")
    ok(run, *args)
    line = assert_fails(run, example_db, ExitCode.CONFLICT, *args[:-1], "externa PROJEKTMEDEL")
    assert "2027 already records this co-funding from Externa projektmedel" in line
    ok(run, *args, "--note", "Andra halvåret")
    assert len(status_json(run, 2027)["co_funding"]) == 2


def test_co_funding_entered_by_mistake_is_removed_and_the_audit_log_keeps_it(
    run: Run, example_db: Path
) -> None:
    out = ok(run, "budget", "funding", "2027", "5000", "--source", "en gåva")
    assert out.startswith("Recorded co-funding 2: en gåva, ")
    line = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "budget", "remove-funding", "9", "--yes"
    )
    assert "There is no co-funding 9" in line
    assert_fails(run, example_db, ExitCode.ABORTED, "budget", "remove-funding", "2", input="n\n")
    assert ok(run, "budget", "remove-funding", "2", "--yes") == "Deleted co-funding 2.\n"
    assert status_json(run, 2027)["co_funding"] == []
    entry = as_json(run, "audit")[-1]
    assert entry["command"] == "psi budget remove-funding 2 --yes"
    assert entry["changes"][0]["values"]["source"] == "en gåva"


def test_money_that_frees_the_grant_is_recorded_without_an_amount(
    run: Run, example_db: Path
) -> None:
    out = ok(
        run, "budget", "funding", "2027", "--source", "externa projektmedel",
        "--note", "del av lönekostnad", "--frees-grant",
    )  # fmt: skip
    assert "externa projektmedel, amount not recorded, paying part of the region's cost" in out
    data = status_json(run, 2027)
    assert data["co_funding"] == [
        {
            "source": "externa projektmedel",
            "amount": None,
            "note": "del av lönekostnad",
            "kind": "frees-grant",
            "id": 2,
        }
    ]
    assert data["grant"]["ore"] == 0  # it is not part of any grant
    text = ok(run, "budget", "status", "2027")
    assert "Other money (2): externa projektmedel, amount not recorded" in text


def test_status_of_a_year_with_only_co_funding_shows_it(run: Run, example_db: Path) -> None:
    ok(run, "budget", "funding", "2031", "5000", "--source", "Externa projektmedel")
    out = ok(run, "budget", "status", "2031")
    assert "Externa projektmedel" in out


# --- status ------------------------------------------------------------------------------------


def test_status_of_a_year_with_nothing_says_how_to_start(run: Run, example_db: Path) -> None:
    out = ok(run, "budget", "status", "2031")
    assert "psi budget grant 2031" in out


def test_status_json_of_a_year_with_nothing(run: Run, empty_db: Path) -> None:
    data = status_json(run, 2031)
    assert data["grant"] == {"ore": 0, "text": kr("0 kr")}
    assert data["spent"]["ore"] == 0
    assert data["allocated"] == {}


def test_status_refuses_a_year_out_of_range(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "budget", "status", "1800")


def test_overspending_warns_on_stderr(run: Run, example_db: Path) -> None:
    ok(run, "budget", "spend", ACTIVA, "60 000", "--on", "2025-12-01", "--category", "lön")
    result = run("budget", "status", "2025")
    assert result.exit_code == ExitCode.OK, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1, result.stderr
    assert ACTIVA in warnings[0]
    assert FORENINGSRAD not in result.stderr
    assert "Warning" not in result.stdout
    assert kr("106 250 kr") in result.stdout
    data = status_json(run, 2025)
    assert data["warnings"] == [{"kind": "overspent", "organisation": ACTIVA, "amount": None}]
