"""`psi plan`, `psi activity`, `psi log` and `psi org prospects` through the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import as_json, assert_fails, ok

PLAN = "Verksamhetsplan 2024-2027 (exempel)"
OFR = "Örebro Föreningsråd"
BRON = "Exempelstiftelsen Bron (exempel)"
LAGRET = "Exempelkooperativet Lagret (exempel)"
IDROTT = "Idrottsföreningen Exempel (exempel)"
NYSTART = "Exempelföreningen Nystart (exempel)"
GRANNAR = "Exempelnätverket Grannar (exempel)"
MSI = "Mötesplats social innovation"
GUIDE = "Guide för nya medlemmar (exempel)"
TEMADAG = "Temadag om social innovation och civilsamhälle (exempel)"
DIALOG = "Dialogmöte med MSI om nätverkets nästa steg (exempel)"
ENKAT = "Medlemsenkät om önskade aktiviteter (exempel)"
ACTIVITY_KEYS = {
    "id",
    "year",
    "title",
    "goal",
    "owner",
    "planned_on",
    "status",
    "done_on",
    "outcome",
    "cancel_reason",
    "requested_by",
    "carried_from",
    "goal_text",
    "plan",
}


def activities(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi activity list --json` with options."""
    data: list[dict[str, Any]] = as_json(run, "activity", "list", *options)
    return data


def activity(run: Run, title: str, year: int | None = None) -> dict[str, Any]:
    """The one activity with this title (in this year)."""
    hits = [a for a in activities(run) if a["title"] == title and year in (None, a["year"])]
    assert len(hits) == 1, hits
    return hits[0]


def log(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi log list --json` with options."""
    data: list[dict[str, Any]] = as_json(run, "log", "list", *options)
    return data


def done_total(plan: dict[str, Any]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per goal and year of `psi plan show --json`: (done, total)."""
    return {
        goal["code"]: {year: (v["done"], v["total"]) for year, v in goal["years"].items()}
        for goal in plan["goals"]
    }


# --- plan show on the example -----------------------------------------------------------------


def test_plan_show_example_json(run: Run, example_db: Path) -> None:
    plan = as_json(run, "plan", "show")
    assert plan["title"] == PLAN
    assert (plan["first_year"], plan["last_year"]) == (2024, 2027)
    assert [g["code"] for g in plan["goals"]] == ["M1", "M2", "M3", "M4"]
    assert done_total(plan) == {
        "M1": {"2025": (1, 2), "2026": (0, 1)},
        "M2": {"2025": (1, 1), "2026": (1, 2)},
        "M3": {"2025": (1, 1)},
        "M4": {"2025": (0, 1), "2026": (0, 1)},
    }
    m2_2026 = plan["goals"][1]["years"]["2026"]["activities"]
    assert {a["title"] for a in m2_2026} == {TEMADAG, ENKAT}
    assert set(m2_2026[0]) == ACTIVITY_KEYS
    assert plan["activities_without_goal"] == {}


def test_plan_show_example_text(run: Run, example_db: Path) -> None:
    out = ok(run, "plan", "show")
    assert out.splitlines()[0] == f"{PLAN} (2024-2027)"
    rows = {
        line.split()[0]: line.split()
        for line in out.splitlines()
        if line[:2] in {"M1", "M2", "M3", "M4"}
    }
    assert rows["M1"][-4:] == ["-", "1/2", "0/1", "-"]
    assert rows["M2"][-4:] == ["-", "1/1", "1/2", "-"]
    assert rows["M3"][-4:] == ["-", "1/1", "-", "-"]
    assert rows["M4"][-4:] == ["-", "0/1", "0/1", "-"]
    assert "done / on the list" in out


def test_plan_show_by_name_prefix_in_any_case(run: Run, example_db: Path) -> None:
    assert as_json(run, "plan", "show", "verksamhetsplan")["title"] == PLAN


# --- plan add / goal --------------------------------------------------------------------------


def test_plan_add_goal_and_show(run: Run, empty_db: Path) -> None:
    out = ok(run, "plan", "add", "Verksamhetsplan 2027-2030", "--from", "2027", "--to", "2030")
    assert "Verksamhetsplan 2027-2030 (2027-2030)" in out
    out = ok(run, "plan", "goal", "verksamhetsplan 2027", "m1", "Fler medlemmar")
    assert "M1" in out
    ok(run, "plan", "goal", "Verksamhetsplan 2027-2030", "M2", "Stormöten")
    plan = as_json(run, "plan", "show")
    assert plan["title"] == "Verksamhetsplan 2027-2030"
    assert (plan["first_year"], plan["last_year"]) == (2027, 2030)
    assert [(g["code"], g["text"], g["years"]) for g in plan["goals"]] == [
        ("M1", "Fler medlemmar", {}),
        ("M2", "Stormöten", {}),
    ]
    text = ok(run, "plan", "show")
    assert "2027" in text and "2030" in text and "Fler medlemmar" in text


def test_plan_show_without_goals_says_how_to_add_one(run: Run, empty_db: Path) -> None:
    ok(run, "plan", "add", "Tom plan", "--from", "2027", "--to", "2027")
    assert "psi plan goal" in ok(run, "plan", "show")


def test_plan_add_duplicate_is_a_conflict(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.CONFLICT, "plan", "add", PLAN, "--from", "2024", "--to", "2027"
    )


def test_plan_add_duplicate_in_another_case_is_a_conflict(run: Run, example_db: Path) -> None:
    # Plans are looked up in any case, so a title that differs only in case would make both
    # plans impossible to name: `psi plan show "<exact title>"` then "matches several plans".
    assert_fails(
        run,
        example_db,
        ExitCode.CONFLICT,
        "plan",
        "add",
        PLAN.upper(),
        "--from",
        "2028",
        "--to",
        "2030",
    )


def test_plan_add_duplicate_goal_is_a_conflict(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.CONFLICT, "plan", "goal", PLAN, "M1", "Något annat")
    assert_fails(run, example_db, ExitCode.CONFLICT, "plan", "goal", PLAN, "m1", "Något annat")


@pytest.mark.parametrize(
    ("first", "last"),
    [("2030", "2027"), ("2024", "2034"), ("1999", "2001"), ("2099", "2101")],
)
def test_plan_add_bad_years(run: Run, empty_db: Path, first: str, last: str) -> None:
    assert_fails(
        run, empty_db, ExitCode.INVALID, "plan", "add", "Plan", "--from", first, "--to", last
    )


def test_plan_add_empty_title(run: Run, empty_db: Path) -> None:
    assert_fails(
        run, empty_db, ExitCode.INVALID, "plan", "add", "  ", "--from", "2027", "--to", "2028"
    )


def test_plan_add_without_years_is_a_usage_error(run: Run, empty_db: Path) -> None:
    assert_fails(run, empty_db, ExitCode.USAGE, "plan", "add", "Plan", "--from", "2027")


@pytest.mark.parametrize("code", ["", "goal one", "M"])
def test_plan_goal_bad_code(run: Run, example_db: Path, code: str) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "plan", "goal", PLAN, code, "Text")


def test_plan_goal_empty_text(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "plan", "goal", PLAN, "M5", " ")


def test_plan_unknown_plan(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "plan", "goal", "Ingen sådan plan", "M5", "Text"
    )
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "plan", "show", "Ingen sådan plan")


def test_plan_show_without_any_plan(run: Run, empty_db: Path) -> None:
    message = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "plan", "show")
    assert "psi plan add" in message


def test_plan_show_with_two_plans_needs_a_name(run: Run, example_db: Path) -> None:
    ok(run, "plan", "add", "Verksamhetsplan 2028-2031", "--from", "2028", "--to", "2031")
    message = assert_fails(run, example_db, ExitCode.NOT_FOUND, "plan", "show")
    assert PLAN in message and "Verksamhetsplan 2028-2031" in message
    assert (
        as_json(run, "plan", "show", "Verksamhetsplan 2028")["title"] == "Verksamhetsplan 2028-2031"
    )
    assert as_json(run, "plan", "show", PLAN)["title"] == PLAN


def test_an_activity_shows_under_one_plan_only(run: Run, example_db: Path) -> None:
    # Two plans cover 2027 and both have a goal M1: --goal M1 alone is ambiguous and refused,
    # naming --plan; with a code only one plan has, the activity shows under that plan only.
    ok(run, "plan", "add", "Verksamhetsplan 2027-2030", "--from", "2027", "--to", "2030")
    ok(run, "plan", "goal", "Verksamhetsplan 2027-2030", "M1", "Nytt mål")
    ok(run, "plan", "goal", "Verksamhetsplan 2027-2030", "N1", "Ett till mål")
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2027", "Överlapp", "--goal", "M1"
    )
    assert "more than one plan" in message and "--plan" in message
    assert PLAN in message and "Verksamhetsplan 2027-2030" in message
    ok(run, "activity", "add", "2027", "Överlapp", "--goal", "N1")
    shown = 0
    for title in (PLAN, "Verksamhetsplan 2027-2030"):
        plan = as_json(run, "plan", "show", title)
        for goal in plan["goals"]:
            for year in goal["years"].values():
                shown += sum(1 for a in year["activities"] if a["title"] == "Överlapp")
    assert shown == 1


# --- activity add -----------------------------------------------------------------------------


def test_activity_add_with_everything(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "activity",
        "add",
        "2027",
        "Temadag om social innovation",
        "--goal",
        "m1",
        "--owner",
        "örebro fö",
        "--when",
        "2027-04-22",
        "--requested-by",
        "bron",
        "--requested-by",
        "lagret",
        "--requested-by",
        "Bron",
    )
    assert "Temadag om social innovation" in out
    [added] = activities(run, "2027")
    assert added == {
        "id": added["id"],
        "year": 2027,
        "title": "Temadag om social innovation",
        "goal": "M1",
        "owner": OFR,
        "planned_on": "2027-04-22",
        "status": "planned",
        "done_on": None,
        "outcome": None,
        "cancel_reason": None,
        "requested_by": [LAGRET, BRON],
        "carried_from": None,
        "goal_text": "Fler medlemmar från länets alla kommuner (exempel)",
        "plan": PLAN,
    }
    assert f"Added activity {added['id']} to 2027" in out
    plan = as_json(run, "plan", "show")
    assert done_total(plan)["M1"]["2027"] == (0, 1)


def test_activity_add_bare(run: Run, empty_db: Path) -> None:
    ok(run, "activity", "add", "2027", "Fika")
    [added] = activities(run)
    assert (added["goal"], added["owner"], added["planned_on"], added["requested_by"]) == (
        None,
        None,
        None,
        [],
    )


def test_activity_add_goal_of_a_plan_that_does_not_cover_the_year(
    run: Run, example_db: Path
) -> None:
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2028", "X", "--goal", "M1"
    )
    assert "2028" in message


def test_activity_add_unknown_goal(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "activity", "add", "2026", "X", "--goal", "M9"
    )


def test_activity_add_malformed_goal(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2026", "X", "--goal", "goal one"
    )


def test_activity_add_when_in_another_year(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2026", "X", "--when", "2027-01-01"
    )


def test_activity_add_malformed_when(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2026", "X", "--when", "2026-13-01"
    )


def test_activity_add_unknown_owner(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "activity", "add", "2026", "X", "--owner", "Ingen"
    )


def test_activity_add_unknown_requester(run: Run, example_db: Path) -> None:
    assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "activity",
        "add",
        "2026",
        "X",
        "--requested-by",
        "bron",
        "--requested-by",
        "Ingen",
    )


@pytest.mark.parametrize("requester", ["nystart", "MSI", "Exempelföreningen Avslutad"])
def test_activity_add_requester_must_be_a_member(
    run: Run, example_db: Path, requester: str
) -> None:
    # The spec: "the member organisations that asked for it"; a prospect, a partner or a
    # former member did not ask as a member.
    before = dump(example_db)
    result = run("activity", "add", "2026", "X", "--requested-by", requester)
    assert result.exit_code in (ExitCode.INVALID, ExitCode.RULE), result.output
    assert result.stderr.startswith("Error:")
    assert dump(example_db) == before


@pytest.mark.parametrize(("year", "title"), [("2026", " "), ("1999", "X"), ("2101", "X")])
def test_activity_add_bad_year_or_title(run: Run, example_db: Path, year: str, title: str) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "activity", "add", year, title)


# --- activity list ----------------------------------------------------------------------------


def test_activity_list_filters(run: Run, example_db: Path) -> None:
    assert len(activities(run)) == 9
    assert len(activities(run, "2025")) == 5
    assert {a["title"] for a in activities(run, "2026")} == {GUIDE, TEMADAG, DIALOG, ENKAT}
    assert {a["title"] for a in activities(run, "2026", "--status", "planned")} == {GUIDE, ENKAT}
    assert [a["title"] for a in activities(run, "--status", "Ongoing")] == [DIALOG]
    assert [a["title"] for a in activities(run, "--status", "carried")] == [GUIDE]
    assert {a["title"] for a in activities(run, "--goal", "m2", "2026")} == {TEMADAG, ENKAT}
    assert len(activities(run, "--goal", "M2")) == 3
    assert activities(run, "--goal", "M9") == []
    assert activities(run, "2030") == []
    assert all(set(a) == ACTIVITY_KEYS for a in activities(run))


def test_activity_list_is_ordered_by_year(run: Run, example_db: Path) -> None:
    years = [a["year"] for a in activities(run)]
    assert years == sorted(years)


def test_activity_list_text_ends_with_the_counts(run: Run, example_db: Path) -> None:
    out = ok(run, "activity", "list", "2025")
    assert out.splitlines()[-1] == (
        "5 activities: 3 done, 0 ongoing, 0 planned, 1 cancelled, 1 carried; 75% done."
    )
    out = ok(run, "activity", "list", "2026")
    assert out.splitlines()[-1] == (
        "4 activities: 1 done, 1 ongoing, 2 planned, 0 cancelled, 0 carried; 25% done."
    )
    assert BRON in ok(run, "activity", "list", "2025")


def test_activity_list_without_matches(run: Run, example_db: Path) -> None:
    assert "No activities match" in ok(run, "activity", "list", "2030")


@pytest.mark.parametrize("options", [("--status", "finished"), ("--goal", "goal one"), ("1999",)])
def test_activity_list_bad_filters(run: Run, example_db: Path, options: tuple[str, ...]) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "activity", "list", *options)


# --- start / done / cancel --------------------------------------------------------------------


def test_start_then_done_with_outcome(run: Run, example_db: Path) -> None:
    number = str(activity(run, ENKAT)["id"])
    assert "ongoing" in ok(run, "activity", "start", number)
    assert activity(run, ENKAT)["status"] == "ongoing"
    ok(run, "activity", "done", number, "--on", "2026-11-10", "--outcome", "41 svar")
    done = activity(run, ENKAT)
    assert (done["status"], done["done_on"], done["outcome"]) == ("done", "2026-11-10", "41 svar")
    plan = as_json(run, "plan", "show")
    assert done_total(plan)["M2"]["2026"] == (2, 2)


def test_done_straight_from_planned_defaults_to_today(run: Run, example_db: Path) -> None:
    before = date.today()
    ok(run, "activity", "done", str(activity(run, ENKAT)["id"]))
    done = activity(run, ENKAT)
    assert done["status"] == "done"
    assert before <= date.fromisoformat(done["done_on"]) <= date.today()
    assert done["outcome"] is None


def test_cancel_keeps_the_reason(run: Run, example_db: Path) -> None:
    number = str(activity(run, DIALOG)["id"])
    ok(run, "activity", "cancel", number, "--reason", "MSI har inte tid")
    cancelled = activity(run, DIALOG)
    assert (cancelled["status"], cancelled["cancel_reason"]) == ("cancelled", "MSI har inte tid")


def test_refused_transitions(run: Run, example_db: Path) -> None:
    temadag = str(activity(run, TEMADAG)["id"])  # done
    dialog = str(activity(run, DIALOG)["id"])  # ongoing
    guide_2025 = str(activity(run, GUIDE, 2025)["id"])  # carried
    assert_fails(run, example_db, ExitCode.RULE, "activity", "done", temadag)
    assert_fails(run, example_db, ExitCode.RULE, "activity", "start", temadag)
    assert_fails(run, example_db, ExitCode.RULE, "activity", "cancel", temadag, "--reason", "X")
    assert_fails(run, example_db, ExitCode.RULE, "activity", "start", dialog)
    assert_fails(run, example_db, ExitCode.RULE, "activity", "start", guide_2025)
    assert_fails(run, example_db, ExitCode.RULE, "activity", "done", guide_2025)
    ok(run, "activity", "cancel", dialog, "--reason", "Ingen tid")
    assert_fails(run, example_db, ExitCode.RULE, "activity", "cancel", dialog, "--reason", "Igen")
    assert_fails(run, example_db, ExitCode.RULE, "activity", "start", dialog)
    assert_fails(run, example_db, ExitCode.RULE, "activity", "done", dialog)


def test_done_twice(run: Run, example_db: Path) -> None:
    number = str(activity(run, ENKAT)["id"])
    ok(run, "activity", "done", number, "--on", "2026-11-10")
    message = assert_fails(
        run, example_db, ExitCode.RULE, "activity", "done", number, "--on", "2026-11-11"
    )
    assert "done" in message
    assert activity(run, ENKAT)["done_on"] == "2026-11-10"


@pytest.mark.parametrize(
    "args",
    [("start", "999"), ("done", "999"), ("cancel", "999", "--reason", "X")],
)
def test_unknown_activity(run: Run, example_db: Path, args: tuple[str, ...]) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "activity", *args)


def test_cancel_needs_a_reason(run: Run, example_db: Path) -> None:
    number = str(activity(run, ENKAT)["id"])
    assert_fails(run, example_db, ExitCode.USAGE, "activity", "cancel", number)
    assert_fails(run, example_db, ExitCode.INVALID, "activity", "cancel", number, "--reason", " ")


def test_done_with_a_malformed_date(run: Run, example_db: Path) -> None:
    number = str(activity(run, ENKAT)["id"])
    assert_fails(run, example_db, ExitCode.INVALID, "activity", "done", number, "--on", "22/4")


def test_activity_id_must_be_a_number(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.USAGE, "activity", "start", "fyra")


# --- carry ------------------------------------------------------------------------------------


def test_carry_example_2026(run: Run, example_db: Path) -> None:
    originals = {a["title"]: a for a in activities(run, "2026")}
    out = ok(run, "activity", "carry", "2026")
    assert "Carried 3 activities from 2026 to 2027" in out
    after = {a["title"]: a for a in activities(run, "2026")}
    assert {t: a["status"] for t, a in after.items()} == {
        GUIDE: "carried",
        TEMADAG: "done",
        DIALOG: "carried",
        ENKAT: "carried",
    }
    copies = {a["title"]: a for a in activities(run, "2027")}
    assert set(copies) == {GUIDE, DIALOG, ENKAT}
    for title, copy in copies.items():
        original = originals[title]
        assert copy["status"] == "planned"
        assert copy["year"] == 2027
        assert copy["carried_from"] == original["id"]
        assert copy["goal"] == original["goal"]
        assert copy["owner"] == original["owner"]
        assert copy["requested_by"] == original["requested_by"]
        assert (copy["done_on"], copy["outcome"], copy["cancel_reason"]) == (None, None, None)
    assert copies[ENKAT]["requested_by"] == [LAGRET]


def test_carry_twice_carries_nothing_the_second_time(run: Run, example_db: Path) -> None:
    ok(run, "activity", "carry", "2026")
    before = dump(example_db)
    out = ok(run, "activity", "carry", "2026")
    assert "Nothing to carry" in out
    assert dump(example_db) == before
    assert len(activities(run, "2027")) == 3


def test_carry_a_year_already_carried_in_the_example(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    assert "Nothing to carry" in ok(run, "activity", "carry", "2025")
    assert dump(example_db) == before


def test_carry_drops_a_goal_whose_plan_ends(run: Run, example_db: Path) -> None:
    ok(run, "plan", "add", "Ettårsplan", "--from", "2026", "--to", "2026")
    ok(run, "plan", "goal", "Ettårsplan", "E1", "Ett år")
    ok(run, "activity", "add", "2026", "Kort mål", "--goal", "E1", "--requested-by", "bron")
    assert activity(run, "Kort mål", 2026)["goal"] == "E1"
    out = ok(run, "activity", "carry", "2026")
    assert "Carried 4 activities" in out
    assert "Kort mål (its goal's plan does not cover the new year: no goal)" in out
    copy = activity(run, "Kort mål", 2027)
    assert (copy["goal"], copy["status"], copy["requested_by"]) == (None, "planned", [BRON])
    assert activity(run, ENKAT, 2027)["goal"] == "M2"
    assert activity(run, "Kort mål", 2026)["goal"] == "E1"


def test_carry_bad_year(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "activity", "carry", "1999")


# --- log --------------------------------------------------------------------------------------


def test_log_add_and_list(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "log",
        "add",
        "Recruitment",
        "Presenterade PSI",
        "--org",
        "grannar",
        "--on",
        "2026-11-02",
    )
    assert f"with {GRANNAR}" in out
    ok(
        run,
        "log",
        "add",
        "social media",
        "Inlägg",
        "--on",
        "2026-11-03",
        "--link",
        "www.example.se/psi",
    )
    ok(
        run,
        "log",
        "add",
        "Social_Media",
        "Ett till",
        "--on",
        "2026-11-04",
        "--link",
        "http://example.se",
    )
    entries = log(run, "2026")
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    by_text = {e["text"]: e for e in entries}
    assert by_text["Presenterade PSI"] == {
        "id": by_text["Presenterade PSI"]["id"],
        "date": "2026-11-02",
        "kind": "recruitment",
        "organisation": GRANNAR,
        "text": "Presenterade PSI",
        "link": None,
    }
    assert (by_text["Inlägg"]["kind"], by_text["Inlägg"]["link"]) == (
        "social-media",
        "https://www.example.se/psi",
    )
    assert by_text["Inlägg"]["organisation"] is None
    assert by_text["Ett till"]["link"] == "http://example.se"


def test_log_add_defaults_to_today(run: Run, example_db: Path) -> None:
    ok(run, "log", "add", "other", "Idag")
    [entry] = [e for e in log(run) if e["text"] == "Idag"]
    assert entry["date"] == date.today().isoformat()


def test_log_list_filters(run: Run, example_db: Path) -> None:
    assert len(log(run)) == 9
    assert len(log(run, "2025")) == 5
    assert len(log(run, "2026")) == 4
    assert log(run, "2024") == []
    assert [e["date"] for e in log(run, "--kind", "recruitment")] == ["2025-09-20", "2026-01-15"]
    assert len(log(run, "--kind", "social media")) == 2
    assert [e["organisation"] for e in log(run, "--org", "msi")] == [MSI, MSI]
    assert [e["date"] for e in log(run, "2026", "--kind", "msi", "--org", "MSI")] == ["2026-05-06"]
    assert log(run, "--org", "grannar") == []
    assert {e["kind"] for e in log(run)} == {
        "member-dialogue",
        "msi",
        "website",
        "recruitment",
        "social-media",
    }


def test_log_list_text(run: Run, example_db: Path) -> None:
    out = ok(run, "log", "list", "2025", "--kind", "website")
    assert "https://www.example.org/psi/program" in out
    assert "No log entries match" in ok(run, "log", "list", "2024")


@pytest.mark.parametrize(
    "args",
    [
        ("meeting", "Text"),
        ("msi", ""),
        ("msi", "   "),
        ("website", "Text", "--link", "inte en länk"),
        ("website", "Text", "--link", "https://"),
        ("msi", "Text", "--on", "2026-02-30"),
    ],
)
def test_log_add_invalid(run: Run, example_db: Path, args: tuple[str, ...]) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "log", "add", *args)


def test_log_add_unknown_org(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "log", "add", "msi", "Text", "--org", "Ingen")


def test_log_list_bad_filters(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "log", "list", "--kind", "meeting")
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "log", "list", "--org", "Ingen")


# --- org prospects / join ---------------------------------------------------------------------


def test_org_prospects_example(run: Run, example_db: Path) -> None:
    prospects = as_json(run, "org", "prospects")
    assert [p["name"] for p in prospects] == [GRANNAR, NYSTART]
    assert all(
        set(p) == {"name", "municipality", "recruitment_contacts", "last_contact", "days_since"}
        for p in prospects
    )
    grannar, nystart = prospects
    assert (grannar["recruitment_contacts"], grannar["last_contact"], grannar["days_since"]) == (
        0,
        None,
        None,
    )
    assert nystart["municipality"] == "Nora"
    assert (nystart["recruitment_contacts"], nystart["last_contact"]) == (2, "2026-01-15")
    assert nystart["days_since"] == (date.today() - date(2026, 1, 15)).days


def test_org_prospects_text(run: Run, example_db: Path) -> None:
    out = ok(run, "org", "prospects")
    lines = {line.split(" (exempel)")[0]: line for line in out.splitlines()}
    assert "never" in lines["Exempelnätverket Grannar"]
    nystart = lines["Exempelföreningen Nystart"].split()
    assert "2026-01-15" in nystart
    assert nystart[-1] == str((date.today() - date(2026, 1, 15)).days)


def test_org_prospects_counts_only_recruitment(run: Run, example_db: Path) -> None:
    ok(run, "log", "add", "member-dialogue", "Samtal", "--org", "grannar", "--on", "2026-10-01")
    ok(run, "log", "add", "recruitment", "Besök", "--org", "grannar", "--on", "2026-09-01")
    ok(run, "log", "add", "recruitment", "Mejl", "--org", "grannar", "--on", "2026-09-20")
    prospects = {p["name"]: p for p in as_json(run, "org", "prospects")}
    assert prospects[GRANNAR]["recruitment_contacts"] == 2
    assert prospects[GRANNAR]["last_contact"] == "2026-09-20"
    assert prospects[NYSTART]["recruitment_contacts"] == 2


def test_org_join_removes_a_prospect(run: Run, example_db: Path) -> None:
    ok(run, "org", "join", "nystart", "--on", "2026-11-01")
    assert [p["name"] for p in as_json(run, "org", "prospects")] == [GRANNAR]
    ok(run, "org", "join", "grannar", "--on", "2026-11-02")
    assert as_json(run, "org", "prospects") == []
    assert "No prospects" in ok(run, "org", "prospects")


def test_org_prospects_on_an_empty_register(run: Run, empty_db: Path) -> None:
    assert as_json(run, "org", "prospects") == []
