"""`psi history rotation/assess/list/remove`: the committee's rotation decision and the AU's
assessments of the way of working."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

KEYS = ["kind", "year", "decided_on", "decided_year", "works_well", "ref", "note", "id"]
TOMORROW = (date.today() + timedelta(days=1)).isoformat()
NEXT_YEAR = str(date.today().year + 1)


def entries(run: Run) -> list[dict[str, Any]]:
    """`psi history list --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "history", "list")
    return data


def audit(run: Run) -> list[dict[str, Any]]:
    """`psi audit --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "audit")
    return data


def entry_id(out: str) -> int:
    """The number in `Recorded entry N: ...`."""
    return int(out.split("entry ", 1)[1].split(":", 1)[0])


def rotation(run: Run, *args: str) -> int:
    """`psi history rotation ...`, which must succeed; the entry's number."""
    return entry_id(ok(run, "history", "rotation", *args))


def assess(run: Run, *args: str) -> int:
    """`psi history assess ...`, which must succeed; the entry's number."""
    return entry_id(ok(run, "history", "assess", *args))


# --- rotation ----------------------------------------------------------------------------------


def test_rotation_decided_during_a_year(run: Run, empty_db: Db) -> None:
    out = ok(run, "history", "rotation", "2025", "--decided", "2024", "--ref", "Kulturnämnden 2024")
    assert out.startswith("Recorded entry ")
    assert "during 2024 Kulturnämnden decided that the coordination rotates from 2025 on" in out
    (entry,) = entries(run)
    assert list(entry) == KEYS
    assert entry == {
        "kind": "rotation",
        "year": 2025,
        "decided_on": None,
        "decided_year": 2024,
        "works_well": None,
        "ref": "Kulturnämnden 2024",
        "note": None,
        "id": entry_id(out),
    }


def test_rotation_decided_on_a_day(run: Run, empty_db: Db) -> None:
    out = ok(run, "history", "rotation", "2025", "--decided", "2024-06-11", "--note", "Från 2025")
    assert "on 2024-06-11 Kulturnämnden decided that the coordination rotates from 2025 on" in out
    (entry,) = entries(run)
    assert (entry["decided_on"], entry["decided_year"]) == ("2024-06-11", 2024)
    assert (entry["ref"], entry["note"]) == (None, "Från 2025")


def test_rotation_decided_in_its_own_year_and_today(run: Run, empty_db: Db) -> None:
    this_year = str(date.today().year)
    rotation(run, this_year, "--decided", this_year)
    rotation(run, NEXT_YEAR, "--decided", "today", "--replace")
    (entry,) = entries(run)
    assert entry["decided_on"] == date.today().isoformat()


def test_rotation_is_audited(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024", "--ref", "Kulturnämnden 2024")
    last = audit(run)[-1]
    assert last["command"] == 'psi history rotation 2025 --decided 2024 --ref "Kulturnämnden 2024"'
    (change,) = last["changes"]
    assert (change["action"], change["table"], change["id"]) == ("insert", "history_entry", number)
    assert change["values"]["kind"] == "rotation"
    assert change["values"]["decided_year"] == 2024


def test_a_second_rotation_decision_is_refused(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024")
    line = assert_fails(
        run, empty_db, ExitCode.CONFLICT, "history", "rotation", "2026", "--decided", "2025"
    )
    assert f"already recorded as entry {number} (from 2025, decided 2024)" in line
    assert line.rstrip().endswith("add --replace to replace it.")


def test_the_same_rotation_decision_twice_is_refused_too(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024")
    line = assert_fails(
        run, empty_db, ExitCode.CONFLICT, "history", "rotation", "2025", "--decided", "2024"
    )
    assert "--replace" in line


def test_replace_puts_the_new_decision_in_the_old_ones_place(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024", "--ref", "Gammal", "--note", "Gammal")
    out = ok(run, "history", "rotation", "2025", "--decided", "2024-06-11", "--replace")
    assert out.startswith(f"Replaced entry {number}: on 2024-06-11 Kulturnämnden decided")
    (entry,) = entries(run)
    assert entry["id"] == number
    # The whole decision is replaced: what was not given again is gone.
    assert (entry["decided_on"], entry["ref"], entry["note"]) == ("2024-06-11", None, None)
    (change,) = audit(run)[-1]["changes"]
    assert (change["action"], change["table"], change["id"]) == ("update", "history_entry", number)
    assert change["changes"]["decided_on"] == {"old": None, "new": "2024-06-11"}
    assert change["changes"]["ref"] == {"old": "Gammal", "new": None}


def test_replace_with_another_year(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024")
    rotation(run, "2026", "--decided", "2025-03-01", "--replace")
    (entry,) = entries(run)
    assert (entry["year"], entry["decided_year"]) == (2026, 2025)


def test_replace_with_the_same_decision_changes_nothing(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024", "--ref", "Kulturnämnden 2024")
    before = dump(empty_db)
    out = ok(
        run,
        "history",
        "rotation",
        "2025",
        "--decided",
        "2024",
        "--ref",
        "Kulturnämnden 2024",
        "--replace",
    )
    assert "nothing was changed" in out
    assert dump(empty_db) == before  # no audit entry either


def test_replace_without_a_decision_records_one(run: Run, empty_db: Db) -> None:
    out = ok(run, "history", "rotation", "2025", "--decided", "2024", "--replace")
    assert out.startswith("Recorded entry ")
    assert len(entries(run)) == 1


def test_a_rules_refusal_with_replace_keeps_the_old_decision(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024")
    assert_fails(
        run,
        empty_db,
        ExitCode.RULE,
        "history",
        "rotation",
        "2025",
        "--decided",
        "2026",
        "--replace",
    )
    assert entries(run)[0]["decided_year"] == 2024


@pytest.mark.parametrize(
    "when", ["24", "2024-6-11", "2024/06/11", "hösten 2024", "", "2023-02-29", "20240611"]
)
def test_rotation_refuses_a_malformed_when(run: Run, empty_db: Db, when: str) -> None:
    line = assert_fails(
        run, empty_db, ExitCode.INVALID, "history", "rotation", "2025", "--decided", when
    )
    assert line.rstrip().endswith("write it like 2024 or 2024-06-11.")


@pytest.mark.parametrize(
    ("year", "when", "words"),
    [
        ("2025", "2026", "A rotation from 2025 on cannot have been decided in 2026"),
        ("2025", "2026-01-01", "cannot have been decided in 2026"),
        ("2100", TOMORROW, "is in the future"),
        ("2100", NEXT_YEAR, f"The year {NEXT_YEAR} has not begun"),
    ],
)
def test_rotation_refuses_a_decision_after_its_year_or_in_the_future(
    run: Run, empty_db: Db, year: str, when: str, words: str
) -> None:
    line = assert_fails(
        run, empty_db, ExitCode.RULE, "history", "rotation", year, "--decided", when
    )
    assert words in line


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["1999", "--decided", "1998"], ExitCode.INVALID),
        (["2025", "--decided", "1999"], ExitCode.INVALID),
        (["2025", "--decided", "2024", "--ref", "x" * 201], ExitCode.INVALID),
        (["2025", "--decided", "2024", "--ref", "AU\n§ 3"], ExitCode.INVALID),
        (["2025", "--decided", "2024", "--note", "x" * 2001], ExitCode.INVALID),
        (["2025", "--decided", "2024", "--note", "a\x00b"], ExitCode.INVALID),
        (["2025"], ExitCode.USAGE),
        (["--decided", "2024"], ExitCode.USAGE),
        (["tjugofem", "--decided", "2024"], ExitCode.USAGE),
    ],
)
def test_rotation_refuses_bad_input(
    run: Run, empty_db: Db, args: list[str], code: ExitCode
) -> None:
    assert_fails(run, empty_db, code, "history", "rotation", *args)


def test_an_empty_ref_or_note_is_none(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024", "--ref", "  ", "--note", "")
    (entry,) = entries(run)
    assert (entry["ref"], entry["note"]) == (None, None)


# --- assess ------------------------------------------------------------------------------------


def test_assess_works_well(run: Run, empty_db: Db) -> None:
    out = ok(
        run,
        "history",
        "assess",
        "2025",
        "--works-well",
        "--on",
        "2025-08-20",
        "--ref",
        "AU 2025-08-20 § 3",
    )
    assert "on 2025-08-20 the AU assessed that the way of working in 2025 works well." in out
    (entry,) = entries(run)
    assert entry == {
        "kind": "assessment",
        "year": 2025,
        "decided_on": "2025-08-20",
        "decided_year": 2025,
        "works_well": True,
        "ref": "AU 2025-08-20 § 3",
        "note": None,
        "id": entry_id(out),
    }


def test_assess_needs_change(run: Run, empty_db: Db) -> None:
    out = ok(
        run, "history", "assess", "2026", "--needs-change", "Fler stormöten", "--on", "2025-11-20"
    )
    assert "in 2026 needs a change: Fler stormöten." in out
    (entry,) = entries(run)
    assert (entry["works_well"], entry["note"], entry["ref"]) == (False, "Fler stormöten", None)
    assert (entry["decided_on"], entry["decided_year"]) == ("2025-11-20", 2025)


def test_assess_is_audited(run: Run, empty_db: Db) -> None:
    number = assess(run, "2025", "--works-well", "--on", "2025-08-20")
    last = audit(run)[-1]
    assert last["command"] == "psi history assess 2025 --works-well --on 2025-08-20"
    (change,) = last["changes"]
    assert (change["action"], change["table"], change["id"]) == ("insert", "history_entry", number)
    assert change["values"]["works_well"] is True


def test_several_assessments_of_a_year_on_different_days(run: Run, empty_db: Db) -> None:
    assess(run, "2025", "--works-well", "--on", "2024-11-20")
    assess(run, "2025", "--needs-change", "Fler möten", "--on", "2025-08-20")
    assess(run, "2026", "--works-well", "--on", "2025-08-20")  # the same day, another year
    assert [(e["year"], e["decided_on"]) for e in entries(run)] == [
        (2025, "2024-11-20"),
        (2025, "2025-08-20"),
        (2026, "2025-08-20"),
    ]


def test_the_same_year_and_day_twice_is_refused(run: Run, empty_db: Db) -> None:
    number = assess(run, "2025", "--works-well", "--on", "2025-08-20")
    line = assert_fails(
        run,
        empty_db,
        ExitCode.CONFLICT,
        "history",
        "assess",
        "2025",
        "--needs-change",
        "Annat",
        "--on",
        "2025-08-20",
    )
    assert f"already recorded as entry {number}" in line
    assert f"psi history remove {number}" in line


def test_remove_then_record_the_assessment_anew(run: Run, empty_db: Db) -> None:
    number = assess(run, "2025", "--works-well", "--on", "2025-08-20")
    ok(run, "history", "remove", str(number), "--yes")
    assess(run, "2025", "--needs-change", "Annat", "--on", "2025-08-20")
    (entry,) = entries(run)
    assert entry["note"] == "Annat"


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["2025", "--on", "2025-08-20"], ExitCode.INVALID, "add --works-well, or --needs-change"),
        (
            ["2025", "--works-well", "--needs-change", "x", "--on", "2025-08-20"],
            ExitCode.INVALID,
            "not both",
        ),
        (["2025", "--needs-change", " ", "--on", "2025-08-20"], ExitCode.INVALID, "is empty"),
        (["2025", "--works-well", "--on", "20/8 2025"], ExitCode.INVALID, "assessment date"),
        (["2025", "--works-well", "--on", "2025-02-30"], ExitCode.INVALID, "YYYY-MM-DD"),
        (["2025", "--works-well", "--on", TOMORROW], ExitCode.RULE, "is in the future"),
        (
            ["2025", "--works-well", "--on", "2023-12-31"],
            ExitCode.RULE,
            "made on 2024-01-01 or later",
        ),
        (
            ["2025", "--works-well", "--on", "2025-08-20", "--ref", "x" * 201],
            ExitCode.INVALID,
            "at most 200",
        ),
        (["1999", "--works-well", "--on", "2025-08-20"], ExitCode.INVALID, "not a year"),
    ],
)
def test_assess_refuses_bad_input(
    run: Run, empty_db: Db, args: list[str], code: ExitCode, words: str
) -> None:
    line = assert_fails(run, empty_db, code, "history", "assess", *args)
    assert words in line


def test_assess_is_made_today_unless_on_says_otherwise(run: Run, empty_db: Db) -> None:
    ok(run, "history", "assess", str(date.today().year), "--works-well")
    [entry] = as_json(run, "history", "list")
    assert entry["decided_on"] == date.today().isoformat()


# --- list --------------------------------------------------------------------------------------


def test_list_without_entries_says_how_to_record_one(run: Run, empty_db: Db) -> None:
    out = ok(run, "history", "list")
    assert "No history entries yet" in out
    assert "psi history rotation YEAR --decided WHEN" in out
    assert entries(run) == []


def test_list_shows_the_oldest_decision_first(run: Run, empty_db: Db) -> None:
    late = assess(run, "2025", "--works-well", "--on", "2025-08-20")
    day = assess(run, "2025", "--needs-change", "Fler möten", "--on", "2024-03-01")
    year_only = rotation(run, "2025", "--decided", "2024")
    earlier = assess(run, "2024", "--works-well", "--on", "2023-05-01")
    same_day = assess(run, "2024", "--works-well", "--on", "2024-03-01")
    assert [e["id"] for e in entries(run)] == [earlier, year_only, day, same_day, late]


def test_list_as_a_table(run: Run, empty_db: Db) -> None:
    rotation(run, "2025", "--decided", "2024", "--ref", "Kulturnämnden 2024")
    assess(run, "2025", "--works-well", "--on", "2025-08-20", "--ref", "AU 2025-08-20 § 3")
    assess(run, "2026", "--needs-change", "Fler stormöten", "--on", "2025-11-20")
    lines = ok(run, "history", "list").splitlines()
    assert lines[0].split() == ["#", "Kind", "Year", "Decided", "Works", "well", "Ref", "Note"]
    assert lines[1].split() == ["1", "rotation", "2025", "2024", "Kulturnämnden", "2024"]
    assert lines[2].split() == [
        "2",
        "assessment",
        "2025",
        "2025-08-20",
        "yes",
        "AU",
        "2025-08-20",
        "§",
        "3",
    ]
    assert lines[3].split() == ["3", "assessment", "2026", "2025-11-20", "no", "Fler", "stormöten"]


def test_list_on_the_example_register(run: Run, example_db: Db) -> None:
    assert isinstance(entries(run), list)


# --- history_entries, for the decision draft ---------------------------------------------------


def test_history_entries_gives_views_with_the_kind_as_an_enum(run: Run, empty_db: Db) -> None:
    from psi import storage
    from psi.domain.history import HistoryKind
    from psi.location import locate_db
    from psi.services.history import HistoryView, history_entries

    rotation(run, "2025", "--decided", "2024-06-11", "--ref", "Kulturnämnden 2024-06-11")
    assess(run, "2025", "--works-well", "--on", "2025-08-20")
    with storage.transaction(locate_db(str(empty_db)), write=False) as session:
        views = history_entries(session)
    first, second = views
    assert isinstance(first, HistoryView)
    assert first.kind is HistoryKind.ROTATION
    assert (first.year, first.decided_on, first.decided_year) == (2025, date(2024, 6, 11), 2024)
    assert (first.works_well, first.ref, first.note) == (None, "Kulturnämnden 2024-06-11", None)
    assert second.kind is HistoryKind.ASSESSMENT
    assert (second.works_well, second.decided_on) == (True, date(2025, 8, 20))
    assert isinstance(first.id, int) and first.id != second.id


# --- remove ------------------------------------------------------------------------------------


def test_remove_with_yes(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024")
    out = ok(run, "history", "remove", str(number), "--yes")
    assert out == f"Removed entry {number}.\n"
    assert entries(run) == []
    last = audit(run)[-1]
    assert last["command"] == f"psi history remove {number} --yes"
    (change,) = last["changes"]
    assert (change["action"], change["table"], change["id"]) == ("delete", "history_entry", number)
    assert change["values"]["decided_year"] == 2024


def test_remove_after_confirming(run: Run, empty_db: Db) -> None:
    number = assess(run, "2025", "--works-well", "--on", "2025-08-20")
    out = ok(run, "history", "remove", str(number), input="y\n")
    assert f"Remove entry {number}: on 2025-08-20 the AU assessed" in out
    assert entries(run) == []


def test_remove_answered_no_removes_nothing(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024")
    line = assert_fails(
        run, empty_db, ExitCode.ABORTED, "history", "remove", str(number), input="n\n"
    )
    assert "Nothing was removed." in line
    assert len(entries(run)) == 1


def test_remove_without_an_answer_asks_for_yes(run: Run, empty_db: Db) -> None:
    number = rotation(run, "2025", "--decided", "2024")
    line = assert_fails(run, empty_db, ExitCode.ABORTED, "history", "remove", str(number))
    assert "--yes" in line


@pytest.mark.parametrize("number", ["999", "0", "2147483648", "99999999999999999999"])
def test_remove_an_unknown_entry(run: Run, empty_db: Db, number: str) -> None:
    rotation(run, "2025", "--decided", "2024")
    line = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "history", "remove", number, "--yes")
    assert line == f"Error: There is no history entry {number}; see `psi history list`.\n"


# --- help --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["rotation", "assess", "list", "remove"])
def test_each_command_ends_with_its_example(run: Run, command: str) -> None:
    out = ok(run, "history", command, "--help")
    assert f"Example: psi history {command}" in out
