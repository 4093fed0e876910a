"""`psi meeting plan --save` again (`--replace`), `--ics` with `--save`, and `psi meeting ics`
of an empty year, through the command line.

Calendar files are parsed back with icalendar. Meetings to be recorded as held lie in 2025
(in the past); the others in 2027.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import icalendar

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import (
    ACTIVA,
    add_meeting,
    add_orgs,
    as_json,
    assert_fails,
    hold_meeting,
    meeting_detail,
    ok,
)

PLACE = "Föreningarnas hus, Örebro"


def meetings(run: Run, year: str = "2027") -> list[dict[str, Any]]:
    """`psi meeting list YEAR --json`: the year's meetings."""
    data: list[dict[str, Any]] = as_json(run, "meeting", "list", year)["meetings"]
    return data


def by_date(run: Run, year: str = "2027") -> dict[str, dict[str, Any]]:
    """The year's meetings by date (the tests keep one meeting a day)."""
    listed = meetings(run, year)
    days = [m["date"] for m in listed]
    assert len(days) == len(set(days)), days
    return {m["date"]: m for m in listed}


def events(path: Path) -> dict[str, icalendar.Event]:
    """A calendar file parsed back: its events by UID."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def start_day(event: icalendar.Event) -> date:
    """The event's day (DTSTART in Europe/Stockholm)."""
    start = event.decoded("DTSTART")
    return start.date() if isinstance(start, datetime) else start


def detail(run: Run, meeting_id: int) -> dict[str, Any]:
    """`psi meeting show ID --json` without the next meeting (which a plan may change)."""
    data = meeting_detail(run, meeting_id)
    del data["next_meeting"]
    return data


def table_rows(output: str, first: str) -> list[list[str]]:
    """The rows of a plain table whose first cell is `first`, as cells."""
    return [
        re.split(r"\s{2,}", line.strip())
        for line in output.splitlines()
        if line.startswith(f"{first} ")
    ]


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


# --- saving again: what would change, and --replace ----------------------------------------


def test_saving_another_rule_shows_the_changes_and_writes_nothing(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    assert "Saved 14 planned meetings." in ok(run, "meeting", "plan", "2027", "--save")
    target = tmp_path / "plan.ics"
    message = assert_fails(
        run, empty_db, ExitCode.CONFLICT,
        "meeting", "plan", "2027", "--au", "2nd wednesday", "--save", "--ics", str(target),
    )  # fmt: skip
    assert "2027 already has 14 meetings saved from a plan, so nothing was saved" in message
    assert message.rstrip().endswith(
        f'psi meeting plan 2027 --au "2nd wednesday" --save --ics {target} --replace'
    )
    assert not target.exists()
    shown = run("meeting", "plan", "2027", "--au", "2nd wednesday", "--save").stdout
    assert "Changes to the 14 meetings saved before" in shown
    assert [
        "moved",
        str(by_date(run)["2027-03-09"]["id"]),
        "AU-möte",
        "2027-03-09",
        "2027-03-10",
    ] in (table_rows(shown, "moved"))
    assert "3 kept, 11 moved, 0 added, 0 removed; 0 changed by hand" in shown
    assert len(meetings(run)) == 14


def test_replace_moves_the_meetings_keeping_number_and_uid(run: Run, empty_db: Db) -> None:
    ok(run, "meeting", "plan", "2027", "--save", "--place", PLACE)
    before = by_date(run)
    march = before["2027-03-09"]
    out = ok(run, "meeting", "plan", "2027", "--au", "2nd wednesday", "--save", "--replace")
    assert "Saved the plan: 11 moved, 0 added, 0 removed, 3 kept, 0 left as edited." in out
    after = by_date(run)
    assert len(after) == 14, "not 22: the AU meetings were moved, not planned twice"
    moved = after["2027-03-10"]
    assert (moved["id"], moved["uid"], moved["sequence"]) == (march["id"], march["uid"], 1)
    assert (moved["place"], moved["start"], moved["end"]) == (PLACE, "13:00", "15:00")
    assert "2027-03-09" not in after
    stormoten = [m for m in after.values() if m["kind"] == "stormote"]
    assert [m["sequence"] for m in stormoten] == [0, 0, 0]
    assert {m["id"] for m in after.values()} == {m["id"] for m in before.values()}
    # Saving the same plan once more: nothing to change, nothing written.
    snapshot = dump(empty_db)
    again = ok(run, "meeting", "plan", "2027", "--au", "2nd wednesday", "--save")
    assert "Saved 0 planned meetings; 14 were saved before and left as they are." in again
    assert dump(empty_db) == snapshot


def test_replace_is_audited(run: Run, empty_db: Db) -> None:
    ok(run, "meeting", "plan", "2027", "--save")
    ok(run, "meeting", "plan", "2027", "--au", "2nd wednesday", "--replace")
    entry = last_audit(run)
    assert entry["command"] == 'psi meeting plan 2027 --au "2nd wednesday" --replace'
    days = {
        change["id"]: change["changes"]["day"]
        for change in entry["changes"]
        if change["action"] == "update" and "day" in change["changes"]
    }
    march = by_date(run)["2027-03-10"]["id"]
    assert days[march] == {"old": "2027-03-09", "new": "2027-03-10"}
    assert len(days) == 11


def test_replace_leaves_what_somebody_edited_moved_or_held(run: Run, empty_db: Db) -> None:
    add_orgs(run)
    ok(run, "meeting", "plan", "2025", "--save")
    saved = by_date(run, "2025")
    held, action, titled = saved["2025-01-14"], saved["2025-02-11"], saved["2025-03-11"]
    moved, cancelled = saved["2025-04-08"], saved["2025-05-13"]
    hold_meeting(run, held["id"], "--attended", ACTIVA)
    ok(
        run, "action", "add", str(action["id"]), "Boka lokal", "--owner", ACTIVA,
        "--due", "2025-03-01",
    )  # fmt: skip
    ok(run, "meeting", "edit", str(titled["id"]), "--title", "AU-möte om budgeten")
    ok(run, "meeting", "move", str(moved["id"]), "2025-04-10")
    ok(run, "meeting", "cancel", str(cancelled["id"]), "--reason", "För få")
    by_hand = add_meeting(run, "au", "2025-06-17")
    untouched = {m: detail(run, m) for m in (held["id"], action["id"], titled["id"])}
    untouched |= {m: detail(run, m) for m in (moved["id"], cancelled["id"], by_hand)}
    shown = run("meeting", "plan", "2025", "--au", "2nd wednesday", "--save").stdout
    left = {int(row[1]): row[-1] for row in table_rows(shown, "left")}
    assert left == {
        held["id"]: "held",
        action["id"]: "has action items",
        titled["id"]: "moved or edited",
        moved["id"]: "moved or edited",
        cancelled["id"]: "cancelled",
    }
    out = ok(run, "meeting", "plan", "2025", "--au", "2nd wednesday", "--save", "--replace")
    assert "5 left as edited" in out
    for number, shown_before in untouched.items():
        assert detail(run, number) == shown_before
    after = meetings(run, "2025")
    # The edited meetings stand for their month's slot: no second AU meeting beside them.
    # (The new plan adds an AU meeting to prepare stormöte 3 in October, 2 weeks before it.)
    au_months = [
        m["date"][:7]
        for m in after
        if m["kind"] == "au" and m["id"] != by_hand and "förberedelse" not in m["title"]
    ]
    assert len(au_months) == len(set(au_months)) == 11
    assert len(after) == 15 + 1


def test_fewer_stormoten_removes_untouched_ones_for_good(run: Run, empty_db: Db) -> None:
    ok(run, "meeting", "plan", "2027", "--stormoten", "4", "--save")
    before = {m["id"]: m for m in meetings(run)}
    shown = run("meeting", "plan", "2027", "--stormoten", "2", "--save").stdout
    assert any(line.startswith("removed") for line in shown.splitlines())
    out = ok(run, "meeting", "plan", "2027", "--stormoten", "2", "--save", "--replace")
    assert "removed" in out
    after = meetings(run)
    assert len([m for m in after if m["kind"] == "stormote"]) == 2
    gone = set(before) - {m["id"] for m in after}
    assert gone
    # A removed meeting's number is never given again.
    new = add_meeting(run, "msi", "2027-03-03")
    assert new > max(before)
    assert_fails(run, empty_db, ExitCode.NOT_FOUND, "meeting", "show", str(min(gone)))


def test_a_new_time_changes_the_saved_meetings_and_none_keeps_them(run: Run, empty_db: Db) -> None:
    ok(run, "meeting", "plan", "2027", "--save", "--time", "14:00-16:00")
    assert "Saved 0 planned meetings" in ok(run, "meeting", "plan", "2027", "--save")
    shown = run("meeting", "plan", "2027", "--save", "--time", "9:00-11:00").stdout
    assert "2027-03-09 14:00-16:00" in shown and "2027-03-09 09:00-11:00" in shown
    assert "14 moved" in shown  # "changed": the same day, another time
    ok(run, "meeting", "plan", "2027", "--save", "--time", "9:00-11:00", "--replace")
    assert {(m["start"], m["end"], m["sequence"]) for m in meetings(run)} == {("09:00", "11:00", 1)}


def test_a_slot_saved_before_under_another_uid_gets_a_uid_of_its_own(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    ok(run, "meeting", "plan", "2027", "--save")
    ok(run, "meeting", "plan", "2027", "--au", "2nd wednesday", "--replace")
    # Both rules at once: the 2nd tuesday slots come back beside the moved meetings.
    rule = "FREQ=MONTHLY;BYDAY=2TU,2WE"
    ok(run, "meeting", "plan", "2027", "--au", rule, "--replace")
    listed = meetings(run)
    assert "2027-03-09" in {m["date"] for m in listed} and "2027-03-10" in {
        m["date"] for m in listed
    }
    uids = [m["uid"] for m in listed]
    assert len(uids) == len(set(uids))
    target = tmp_path / "psi-2027.ics"
    ok(run, "meeting", "ics", "2027", "-o", str(target))
    assert set(events(target)) == set(uids)


def test_meetings_added_by_hand_are_never_touched(run: Run, empty_db: Db) -> None:
    by_hand = add_meeting(run, "au", "2027-03-16", "--time", "10:00-12:00")
    ok(run, "meeting", "plan", "2027", "--save")
    before = detail(run, by_hand)
    ok(run, "meeting", "plan", "2027", "--stormoten", "2", "--au", "1st monday", "--replace")
    assert detail(run, by_hand) == before


def test_replace_on_a_year_never_saved_saves_it(run: Run, empty_db: Db) -> None:
    assert "Saved 14 planned meetings." in ok(run, "meeting", "plan", "2027", "--replace")


# --- --ics with --save: the register, not the proposal ---------------------------------------


def test_ics_with_save_writes_the_register_after_a_move_and_a_cancel(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    ok(run, "meeting", "plan", "2027", "--save")
    saved = by_date(run)
    moved, cancelled = saved["2027-03-09"], saved["2027-04-13"]
    ok(run, "meeting", "move", str(moved["id"]), "2027-03-16")
    ok(run, "meeting", "cancel", str(cancelled["id"]), "--reason", "För få anmälda")
    by_hand = add_meeting(run, "msi", "2027-05-04")
    target = tmp_path / "plan-2027.ics"
    out = ok(run, "meeting", "plan", "2027", "--save", "--ics", str(target))
    assert f"Wrote the calendar file {target} from the record of 2027." in out
    written = events(target)
    assert len(written) == 15
    assert start_day(written[moved["uid"]]) == date(2027, 3, 16)
    assert int(written[moved["uid"]]["SEQUENCE"]) == 1
    gone = written[cancelled["uid"]]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert int(gone["SEQUENCE"]) == 1
    assert str(gone["SUMMARY"]).startswith("INSTÄLLT: ")
    assert meeting_detail(run, by_hand)["uid"] in written
    # The same file as `psi meeting ics` writes, but for the time stamps.
    record = tmp_path / "record.ics"
    ok(run, "meeting", "ics", "2027", "-o", str(record))
    assert {uid: start_day(e) for uid, e in events(record).items()} == {
        uid: start_day(e) for uid, e in written.items()
    }


def test_ics_with_replace_has_the_new_dates_and_sequences(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    ok(run, "meeting", "plan", "2027", "--save")
    march = by_date(run)["2027-03-09"]
    target = tmp_path / "plan.ics"
    ok(run, "meeting", "plan", "2027", "--au", "2nd wednesday", "--replace", "--ics", str(target))
    event = events(target)[march["uid"]]
    assert (start_day(event), int(event["SEQUENCE"])) == (date(2027, 3, 10), 1)
    assert str(event["STATUS"]) == "CONFIRMED"


def test_ics_without_save_is_still_the_proposal(run: Run, empty_db: Db, tmp_path: Path) -> None:
    ok(run, "meeting", "plan", "2027", "--save")
    moved = by_date(run)["2027-03-09"]
    ok(run, "meeting", "move", str(moved["id"]), "2027-03-16")
    target = tmp_path / "proposal.ics"
    before = dump(empty_db)
    ok(run, "meeting", "plan", "2027", "--ics", str(target))
    assert dump(empty_db) == before
    assert start_day(events(target)[moved["uid"]]) == date(2027, 3, 9)


# --- psi meeting ics on an empty year --------------------------------------------------------


def test_ics_of_an_empty_year_says_so_and_writes_no_file(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    add_meeting(run, "au", "2027-03-09")
    target = tmp_path / "psi-2030.ics"
    message = assert_fails(
        run, empty_db, ExitCode.NOT_FOUND, "meeting", "ics", "2030", "-o", str(target)
    )
    assert "There are no meetings in 2030" in message
    assert "psi meeting plan 2030 --save" in message and "psi meeting add" in message
    assert not target.exists()


def test_ics_of_an_empty_register_says_so(
    run: Run, empty_db: Db, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    message = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "meeting", "ics")
    assert "There are no meetings in the register" in message
    assert not list(tmp_path.glob("*.ics"))


# --- the planner: mellandagarna, klämdagar, rules that cannot occur --------------------------


def test_last_thursday_keeps_out_of_mellandagarna(run: Run, empty_db: Db) -> None:
    out = ok(run, "meeting", "plan", "2027", "--au", "last thursday")
    assert not table_rows(out, "2027-12-30")
    row = next(line for line in out.splitlines() if line.startswith("2027-12-23"))
    assert "moved from 2027-12-30 (mellandagarna)" in row


def test_kristi_himmelsfard_is_not_moved_onto_the_klamdag(run: Run, empty_db: Db) -> None:
    out = ok(run, "meeting", "plan", "2027", "--au", "1st thursday")
    assert not table_rows(out, "2027-05-07")
    row = next(line for line in out.splitlines() if line.startswith("2027-05-05"))
    assert "moved from 2027-05-06 (Kristi himmelsfärdsdag)" in row


def test_a_rule_that_cannot_occur_is_refused(run: Run, empty_db: Db, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    for rule, words in (
        ("FREQ=YEARLY;BYMONTH=13", "can never occur: BYMONTH=13 is outside 1-12"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "gives no AU meeting in 2027"),
        ("FREQ=YEARLY;BYMONTH=7", "outside July"),
    ):
        for save in ([], ["--save"]):
            message = assert_fails(
                run, empty_db, ExitCode.INVALID,
                "meeting", "plan", "2027", "--au", rule, *save, "--ics", str(target),
            )  # fmt: skip
            assert words in message, (rule, message)
            assert "2nd tuesday" in message
            assert not target.exists()


# --- the untouched check covers every table that refers to a meeting --------------------------


def test_every_table_that_refers_to_a_meeting_counts_as_recorded() -> None:
    from sqlmodel import SQLModel

    import psi.models  # noqa: F401  (the tables)
    from psi.services.meeting_plan import RECORDED_ABOUT

    referring = {
        table.name
        for table in SQLModel.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name == "meeting"
    }
    assert referring == {model.__tablename__ for _, model in RECORDED_ABOUT}
