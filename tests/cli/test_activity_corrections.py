"""Correcting activities, plans and goals (issue 19): edit, remove, reopen, undo a carry, carry
only from the year's last month, no done dates in the future, goal codes that belong to their
plan. Each correction is audited; each refusal changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

PLAN = "Verksamhetsplan 2024-2027 (exempel)"
NEW_PLAN = "Verksamhetsplan 2027-2030"
OFR = "Örebro Föreningsråd"
BRON = "Exempelstiftelsen Bron (exempel)"
LAGRET = "Exempelkooperativet Lagret (exempel)"
IDROTT = "Idrottsföreningen Exempel (exempel)"
GUIDE = "Guide för nya medlemmar (exempel)"
TEMADAG = "Temadag om social innovation och civilsamhälle (exempel)"
DIALOG = "Dialogmöte med MSI om nätverkets nästa steg (exempel)"
ENKAT = "Medlemsenkät om önskade aktiviteter (exempel)"
STUDIERESA = "Studieresa till en annan region (exempel)"
M1_TEXT = "Fler medlemmar från länets alla kommuner (exempel)"
M2_TEXT = "Stormöten och aktiviteter som medlemmarna önskar (exempel)"


def activities(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi activity list --json` with options."""
    data: list[dict[str, Any]] = as_json(run, "activity", "list", *options)
    return data


def activity(run: Run, title: str, year: int | None = None) -> dict[str, Any]:
    """The one activity with this title (in this year)."""
    hits = [a for a in activities(run) if a["title"] == title and year in (None, a["year"])]
    assert len(hits) == 1, hits
    return hits[0]


def number(run: Run, title: str, year: int | None = None) -> str:
    """The activity's number, as typed on the command line."""
    return str(activity(run, title, year)["id"])


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


def two_plans_with_m1(run: Run) -> None:
    """A second plan covering 2027, which numbers its goals from M1 too."""
    ok(run, "plan", "add", NEW_PLAN, "--from", "2027", "--to", "2030")
    ok(run, "plan", "goal", NEW_PLAN, "M1", "Nya medlemmar i hela länet")


# --- activity edit ----------------------------------------------------------------------------


def test_edit_corrects_every_field(run: Run, example_db: Db) -> None:
    enkat = number(run, ENKAT)
    out = ok(
        run,
        "activity",
        "edit",
        enkat,
        "--title",
        "Medlemsenkät 2026",
        "--goal",
        "m1",
        "--owner",
        "bron",
        "--when",
        "2026-11-20",
        "--requested-by",
        "idrott",
        "--requested-by",
        "bron",
    )
    assert out.startswith(
        f"Changed the title, goal, owner, date and requested by of activity {enkat}"
    )
    edited = activity(run, "Medlemsenkät 2026")
    assert edited["goal"] == "M1" and edited["goal_text"] == M1_TEXT and edited["plan"] == PLAN
    assert (edited["owner"], edited["planned_on"]) == (BRON, "2026-11-20")
    assert edited["requested_by"] == [BRON, IDROTT]  # replaced: Lagret is gone
    assert edited["status"] == "planned"


def test_edit_with_empty_values_clears(run: Run, example_db: Db) -> None:
    enkat = number(run, ENKAT)
    shown = as_json(
        run,
        "activity",
        "edit",
        enkat,
        "--goal",
        "",
        "--owner",
        "",
        "--when",
        "",
        "--requested-by",
        "",
    )
    assert (shown["goal"], shown["goal_text"], shown["plan"]) == (None, None, None)
    assert (shown["owner"], shown["planned_on"], shown["requested_by"]) == (None, None, [])
    assert shown == as_json(run, "activity", "show", enkat)


def test_edit_the_same_values_changes_nothing(run: Run, example_db: Db) -> None:
    before = dump(example_db)
    out = ok(run, "activity", "edit", number(run, ENKAT), "--title", ENKAT)
    assert "nothing changed" in out
    assert dump(example_db) == before  # no audit entry either


def test_edit_without_options_names_them(run: Run, example_db: Db) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "activity", "edit", "1")
    for option in ("--title", "--goal", "--plan", "--owner", "--when", "--requested-by"):
        assert option in message


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--when", "2027-01-10"), ExitCode.INVALID),
        (("--when", "10/1"), ExitCode.INVALID),
        (("--title", " "), ExitCode.INVALID),
        (("--goal", "M9"), ExitCode.NOT_FOUND),
        (("--owner", "Ingen sådan"), ExitCode.NOT_FOUND),
        (("--requested-by", "bron", "--requested-by", "nystart"), ExitCode.RULE),
        (("--title", "Ny", "--plan", "Ingen plan"), ExitCode.NOT_FOUND),
    ],
)
def test_a_refused_edit_changes_nothing(
    run: Run, example_db: Db, options: tuple[str, ...], code: ExitCode
) -> None:
    assert_fails(run, example_db, code, "activity", "edit", number(run, ENKAT), *options)


def test_edit_is_audited(run: Run, example_db: Db) -> None:
    enkat = number(run, ENKAT)
    ok(run, "activity", "edit", enkat, "--title", "Enkät", "--requested-by", "bron")
    entry = last_audit(run)
    assert entry["command"] == f"psi activity edit {enkat} --title Enkät --requested-by bron"
    changes = {(c["action"], c["table"]) for c in entry["changes"]}
    assert changes == {
        ("update", "activity"),
        ("delete", "activity_request"),
        ("insert", "activity_request"),
    }
    [update] = [c for c in entry["changes"] if c["action"] == "update"]
    assert update["changes"]["title"] == {"old": ENKAT, "new": "Enkät"}


def test_unknown_activity_cannot_be_edited(run: Run, example_db: Db) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "activity", "edit", "999", "--title", "X")


# --- goal codes belong to their plan ----------------------------------------------------------


def test_plan_chooses_whose_goal_is_meant(run: Run, example_db: Db) -> None:
    two_plans_with_m1(run)
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "add", "2027", "X", "--goal", "M1"
    )
    assert "--plan" in message and NEW_PLAN in message and PLAN in message
    ok(run, "activity", "add", "2027", "Ny", "--goal", "M1", "--plan", "verksamhetsplan 2027")
    ok(run, "activity", "add", "2027", "Gammal", "--goal", "M1", "--plan", PLAN)
    new, old = activity(run, "Ny"), activity(run, "Gammal")
    assert (new["goal"], new["goal_text"], new["plan"]) == (
        "M1",
        "Nya medlemmar i hela länet",
        NEW_PLAN,
    )
    assert (old["goal"], old["goal_text"], old["plan"]) == ("M1", M1_TEXT, PLAN)
    # --plan alone moves the activity to the same code in the other plan.
    ok(run, "activity", "edit", str(old["id"]), "--plan", NEW_PLAN)
    assert activity(run, "Gammal")["plan"] == NEW_PLAN
    # Each plan shows its own activity.
    for title, expected in ((PLAN, set()), (NEW_PLAN, {"Ny", "Gammal"})):
        plan = as_json(run, "plan", "show", title)
        shown = {
            a["title"]
            for goal in plan["goals"]
            for year in goal["years"].values()
            for a in year["activities"]
        }
        assert shown & {"Ny", "Gammal"} == expected


def test_a_goal_where_one_plan_covering_the_year_has_it_needs_no_plan(
    run: Run, example_db: Db
) -> None:
    ok(run, "plan", "add", "Verksamhetsplan 2028-2031", "--from", "2028", "--to", "2031")
    ok(run, "plan", "goal", "Verksamhetsplan 2028-2031", "M1", "Något nytt")
    ok(run, "activity", "add", "2026", "Gammalt mål", "--goal", "M1")
    ok(run, "activity", "add", "2028", "Nytt mål", "--goal", "M1")
    assert activity(run, "Gammalt mål")["goal_text"] == M1_TEXT
    assert activity(run, "Nytt mål")["goal_text"] == "Något nytt"
    # A past year's activities keep their own plan's goal text.
    assert {a["goal_text"] for a in activities(run, "2025", "--goal", "M1")} == {M1_TEXT}


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--goal", "M1", "--plan", "Verksamhetsplan 2027"), ExitCode.NOT_FOUND),
        (("--goal", "M1", "--plan", "Ettårsplan"), ExitCode.INVALID),
        (("--plan", PLAN), ExitCode.INVALID),
    ],
)
def test_a_wrong_plan_is_refused(
    run: Run, example_db: Db, options: tuple[str, ...], code: ExitCode
) -> None:
    ok(run, "plan", "add", "Verksamhetsplan 2027-2030", "--from", "2027", "--to", "2030")
    ok(run, "plan", "add", "Ettårsplan", "--from", "2030", "--to", "2030")
    ok(run, "plan", "goal", "Ettårsplan", "M1", "Ett år")
    assert_fails(run, example_db, code, "activity", "add", "2027", "X", *options)


# --- activity remove --------------------------------------------------------------------------


def test_remove_deletes_the_activity_and_its_requests(run: Run, example_db: Db) -> None:
    enkat = number(run, ENKAT)
    out = ok(run, "activity", "remove", enkat, "--yes")
    assert out.startswith(f"Deleted activity {enkat}: {ENKAT}")
    assert ENKAT not in {a["title"] for a in activities(run)}
    entry = last_audit(run)
    assert entry["command"] == f"psi activity remove {enkat} --yes"
    assert {(c["action"], c["table"]) for c in entry["changes"]} == {
        ("delete", "activity"),
        ("delete", "activity_request"),
    }


def test_remove_asks_first(run: Run, example_db: Db) -> None:
    enkat = number(run, ENKAT)
    assert_fails(run, example_db, ExitCode.ABORTED, "activity", "remove", enkat)
    assert_fails(run, example_db, ExitCode.ABORTED, "activity", "remove", enkat, input="n\n")
    ok(run, "activity", "remove", enkat, input="y\n")
    assert ENKAT not in {a["title"] for a in activities(run)}


def test_a_done_activity_is_removed_only_with_force(run: Run, example_db: Db) -> None:
    temadag = number(run, TEMADAG)
    message = assert_fails(run, example_db, ExitCode.RULE, "activity", "remove", temadag, "--yes")
    assert f"psi activity reopen {temadag}" in message and "--force" in message
    ok(run, "activity", "remove", temadag, "--yes", "--force")
    assert TEMADAG not in {a["title"] for a in activities(run)}


def test_a_carried_activity_is_not_removed(run: Run, example_db: Db) -> None:
    guide_2025 = number(run, GUIDE, 2025)
    message = assert_fails(
        run, example_db, ExitCode.RULE, "activity", "remove", guide_2025, "--yes", "--force"
    )
    assert "psi activity carry 2025 --undo" in message


def test_removing_a_copy_puts_its_original_back(run: Run, example_db: Db) -> None:
    dialog = number(run, DIALOG)  # ongoing
    ok(run, "activity", "carry", "2026")
    copy = number(run, DIALOG, 2027)
    out = ok(run, "activity", "remove", copy, "--yes")
    assert f"activity {dialog} is back in 2026" in out
    assert activity(run, DIALOG, 2026)["status"] == "ongoing"
    assert activity(run, ENKAT, 2026)["status"] == "carried"  # the other copies stay


def test_unknown_activity_cannot_be_removed(run: Run, example_db: Db) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "activity", "remove", "999", "--yes")


# --- activity reopen --------------------------------------------------------------------------


def test_reopen_a_done_activity(run: Run, example_db: Db) -> None:
    temadag = number(run, TEMADAG)
    shown = as_json(run, "activity", "reopen", temadag)
    assert (shown["status"], shown["done_on"], shown["outcome"]) == ("planned", None, None)
    assert activity(run, TEMADAG) == shown
    entry = last_audit(run)
    assert entry["command"] == f"psi activity reopen {temadag} --json"
    [change] = entry["changes"]
    assert change["changes"]["status"] == {"old": "done", "new": "planned"}
    assert change["changes"]["outcome"] == {"old": "35 deltagare (exempel)", "new": None}


def test_reopen_a_cancelled_activity(run: Run, example_db: Db) -> None:
    resa = number(run, STUDIERESA)
    assert "planned again" in ok(run, "activity", "reopen", resa)
    reopened = activity(run, STUDIERESA)
    assert (reopened["status"], reopened["cancel_reason"]) == ("planned", None)


@pytest.mark.parametrize(("title", "year"), [(ENKAT, 2026), (DIALOG, 2026), (GUIDE, 2025)])
def test_only_done_or_cancelled_activities_reopen(
    run: Run, example_db: Db, title: str, year: int
) -> None:
    message = assert_fails(
        run, example_db, ExitCode.RULE, "activity", "reopen", number(run, title, year)
    )
    assert ("--undo" in message) is (title == GUIDE)


# --- carry: not before December, and undone --------------------------------------------------


def test_carry_before_december_is_refused_unless_early(run: Run, empty_db: Db) -> None:
    year = date.today().year + 1  # a year that has not even begun
    ok(run, "activity", "add", str(year), "Fika")
    ok(run, "activity", "add", str(year), "Workshop")
    message = assert_fails(run, empty_db, ExitCode.RULE, "activity", "carry", str(year))
    assert f"psi activity carry {year} --dry-run" in message and "--early" in message
    before = dump(empty_db)
    out = ok(run, "activity", "carry", str(year), "--dry-run")
    assert out.splitlines()[0].startswith(f"Would carry 2 activities from {year} to {year + 1}")
    assert "Fika" in out and "Workshop" in out
    assert dump(empty_db) == before
    assert "Carried 2 activities" in ok(run, "activity", "carry", str(year), "--early")
    assert {a["status"] for a in activities(run, str(year))} == {"carried"}


def test_carry_in_december_or_later_needs_no_early(run: Run, empty_db: Db) -> None:
    year = date.today().year - 1
    ok(run, "activity", "add", str(year), "Fika")
    assert "Carried 1 activity" in ok(run, "activity", "carry", str(year))


def test_undo_a_carry(run: Run, example_db: Db) -> None:
    originals = {a["title"]: a for a in activities(run, "2026")}
    before = dump(example_db, typed=True)
    ok(run, "activity", "carry", "2026")
    out = ok(run, "activity", "carry", "2026", "--undo")
    assert out.startswith("Undid the carry of 2026: 3 copies removed from 2027")
    assert activities(run, "2027") == []
    assert {a["title"]: a for a in activities(run, "2026")} == originals
    assert originals[DIALOG]["status"] == "ongoing"  # back as it was, not just planned
    after = dump(example_db, typed=True)
    assert {t: rows for t, rows in after.items() if t != "audit_entry"} == {
        t: rows for t, rows in before.items() if t != "audit_entry"
    }
    assert "Nothing to undo" in ok(run, "activity", "carry", "2026", "--undo")


def test_undo_a_carry_is_audited(run: Run, example_db: Db) -> None:
    ok(run, "activity", "carry", "2026")
    ok(run, "activity", "carry", "2026", "--undo")
    entry = last_audit(run)
    assert entry["command"] == "psi activity carry 2026 --undo"
    actions = [(c["action"], c["table"]) for c in entry["changes"]]
    assert actions.count(("delete", "activity")) == 3
    assert actions.count(("update", "activity")) == 3
    assert ("delete", "activity_request") in actions  # Enkät's copy was asked for by Lagret


def test_undo_dry_run_changes_nothing(run: Run, example_db: Db) -> None:
    ok(run, "activity", "carry", "2026")
    before = dump(example_db)
    out = ok(run, "activity", "carry", "2026", "--undo", "--dry-run")
    assert out.startswith("Would remove 3 copies from 2027")
    assert dump(example_db) == before


@pytest.mark.parametrize(
    "change",
    [
        ("start",),
        ("edit", "--title", "Ny titel"),
        ("edit", "--requested-by", "bron"),
        ("edit", "--when", "2027-02-01"),
    ],
)
def test_undo_is_refused_when_a_copy_changed(
    run: Run, example_db: Db, change: tuple[str, ...]
) -> None:
    ok(run, "activity", "carry", "2026")
    copy = number(run, ENKAT, 2027)
    ok(run, "activity", change[0], copy, *change[1:])
    message = assert_fails(run, example_db, ExitCode.RULE, "activity", "carry", "2026", "--undo")
    assert f"activity {copy} (" in message
    assert "psi activity remove ID" in message
    assert_fails(run, example_db, ExitCode.RULE, "activity", "carry", "2026", "--undo", "--dry-run")


def test_an_older_carry_is_undone_too(run: Run, example_db: Db) -> None:
    # The example carried the 2025 guide to 2026; nothing happened to the copy since.
    ok(run, "activity", "carry", "2025", "--undo")
    assert activity(run, GUIDE)["year"] == 2025
    assert activity(run, GUIDE)["status"] == "planned"


# --- done: not in the future ------------------------------------------------------------------


def test_done_after_today_is_refused(run: Run, example_db: Db) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "activity", "done", number(run, ENKAT), "--on", tomorrow
    )
    assert "after today" in message and "--on" in message
    ok(run, "activity", "done", number(run, ENKAT), "--on", date.today().isoformat())


# --- plan edit / goal / remove ----------------------------------------------------------------


def test_plan_edit_corrects_title_and_years(run: Run, example_db: Db) -> None:
    out = ok(run, "plan", "edit", PLAN, "--name", "Verksamhetsplan 2024-2028", "--to", "2028")
    assert "Verksamhetsplan 2024-2028 (2024-2028)" in out
    plan = as_json(run, "plan", "edit", "verksamhetsplan 2024", "--from", "2025")
    assert (plan["title"], plan["first_year"], plan["last_year"]) == (
        "Verksamhetsplan 2024-2028",
        2025,
        2028,
    )
    assert activity(run, ENKAT)["plan"] == "Verksamhetsplan 2024-2028"
    ok(run, "activity", "add", "2028", "Nu täcks 2028", "--goal", "M1")
    entry = last_audit(run)
    assert entry["command"] == 'psi activity add 2028 "Nu täcks 2028" --goal M1'


def test_plan_edit_is_audited(run: Run, example_db: Db) -> None:
    ok(run, "plan", "edit", PLAN, "--to", "2028")
    entry = last_audit(run)
    assert entry["command"] == f'psi plan edit "{PLAN}" --to 2028'
    [change] = entry["changes"]
    assert (change["action"], change["table"]) == ("update", "operations_plan")
    assert change["changes"] == {"last_year": {"old": 2027, "new": 2028}}


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (("--from", "2026"), ExitCode.RULE),  # the 2025 activities use its goals
        (("--to", "2025"), ExitCode.RULE),
        (("--from", "2028"), ExitCode.INVALID),  # after --to
        (("--name", " "), ExitCode.INVALID),
        ((), ExitCode.INVALID),
    ],
)
def test_a_refused_plan_edit_changes_nothing(
    run: Run, example_db: Db, options: tuple[str, ...], code: ExitCode
) -> None:
    message = assert_fails(run, example_db, code, "plan", "edit", PLAN, *options)
    if code is ExitCode.RULE:
        assert "psi activity edit ID --goal CODE --plan NAME" in message


def test_plan_edit_to_another_plans_title_is_a_conflict(run: Run, example_db: Db) -> None:
    ok(run, "plan", "add", NEW_PLAN, "--from", "2027", "--to", "2030")
    assert_fails(
        run, example_db, ExitCode.CONFLICT, "plan", "edit", NEW_PLAN, "--name", PLAN.upper()
    )


def test_plan_goal_renames_code_and_text(run: Run, example_db: Db) -> None:
    out = ok(run, "plan", "goal", PLAN, "M2", "--code", "A2", "--text", "Aktiviteter")
    assert "Changed goal A2" in out
    plan = as_json(run, "plan", "show")
    assert [(g["code"], g["text"]) for g in plan["goals"]][:2] == [
        ("A2", "Aktiviteter"),
        ("M1", M1_TEXT),
    ]
    enkat = activity(run, ENKAT)  # the activities keep their goal, under its new code
    assert (enkat["goal"], enkat["goal_text"]) == ("A2", "Aktiviteter")
    record = as_json(run, "plan", "goal", PLAN, "A2", "--text", "Aktiviteter som önskas")
    assert record == {"plan": PLAN, "code": "A2", "text": "Aktiviteter som önskas"}


def test_plan_goal_edit_is_audited(run: Run, example_db: Db) -> None:
    ok(run, "plan", "goal", PLAN, "M4", "--code", "M5")
    entry = last_audit(run)
    assert entry["command"] == f'psi plan goal "{PLAN}" M4 --code M5'
    [change] = entry["changes"]
    assert (change["action"], change["table"]) == ("update", "goal")
    assert change["changes"] == {"code": {"old": "M4", "new": "M5"}}


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("M1", "--code", "m2"), ExitCode.CONFLICT),  # a code the plan already has
        (("M9", "--text", "X"), ExitCode.NOT_FOUND),
        (("M1", "--code", "goal one"), ExitCode.INVALID),
        (("M1", "--text", " "), ExitCode.INVALID),
        (("M1", "Text", "--text", "X"), ExitCode.INVALID),
        (("M5",), ExitCode.INVALID),
        (("M1", "Något annat"), ExitCode.CONFLICT),  # adding a goal that exists
    ],
)
def test_a_refused_goal_change_changes_nothing(
    run: Run, example_db: Db, args: tuple[str, ...], code: ExitCode
) -> None:
    message = assert_fails(run, example_db, code, "plan", "goal", PLAN, *args)
    if args == ("M1", "Något annat"):
        assert "--text" in message


def test_the_same_code_in_another_plan_is_free(run: Run, example_db: Db) -> None:
    two_plans_with_m1(run)
    ok(run, "plan", "goal", NEW_PLAN, "M1", "--code", "M2")
    ok(run, "plan", "goal", NEW_PLAN, "M2", "--code", "M1")


def test_plan_remove(run: Run, example_db: Db) -> None:
    two_plans_with_m1(run)
    out = ok(run, "plan", "remove", NEW_PLAN, "--yes")
    assert out.startswith(f"Deleted the plan {NEW_PLAN} and its 1 goal.")
    assert as_json(run, "plan", "show")["title"] == PLAN  # the only plan again
    entry = last_audit(run)
    assert entry["command"] == f'psi plan remove "{NEW_PLAN}" --yes'
    assert {(c["action"], c["table"]) for c in entry["changes"]} == {
        ("delete", "goal"),
        ("delete", "operations_plan"),
    }


def test_a_plan_whose_goals_are_used_is_not_removed(run: Run, example_db: Db) -> None:
    message = assert_fails(run, example_db, ExitCode.RULE, "plan", "remove", PLAN, "--yes")
    assert "9 activities" in message and "psi activity edit" in message
    two_plans_with_m1(run)
    assert_fails(run, example_db, ExitCode.ABORTED, "plan", "remove", NEW_PLAN)
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "plan", "remove", "Ingen plan", "--yes")


# --- a past year keeps its own plan's goal texts ----------------------------------------------


def test_goal_texts_of_a_year_are_those_of_the_plans_covering_it(run: Run, example_db: Db) -> None:
    from psi import storage
    from psi.location import locate_db
    from psi.services.activities import goal_texts

    ok(run, "plan", "add", "Verksamhetsplan 2028-2031", "--from", "2028", "--to", "2031")
    ok(run, "plan", "goal", "Verksamhetsplan 2028-2031", "M1", "Något nytt")
    with storage.transaction(locate_db(str(example_db)), write=False) as session:
        assert goal_texts(session, 2025)["M1"] == M1_TEXT
        assert goal_texts(session, 2028) == {"M1": "Något nytt"}
        assert goal_texts(session)["M1"] in {M1_TEXT, "Något nytt"}  # every plan's, as before


def test_a_past_years_report_keeps_its_own_goal_text(run: Run, example_db: Db) -> None:
    ok(run, "plan", "add", "Verksamhetsplan 2028-2031", "--from", "2028", "--to", "2031")
    ok(run, "plan", "goal", "Verksamhetsplan 2028-2031", "M1", "Något nytt")
    headings = [
        line for line in ok(run, "report", "activities", "2025").splitlines() if line[:3] == "## "
    ]
    assert f"## M1: {M1_TEXT}" in headings
