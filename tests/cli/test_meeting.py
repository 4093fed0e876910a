"""`psi meeting plan/add/list/show/edit/move/cancel/held/ics` through the command line.

Every calendar file a command writes is parsed back with icalendar. The tests build their
own record on an empty database (the example's meetings change as the example grows):
meetings to be recorded as held lie in 2025, in the past; those that must stay in the
future lie in 2099. Refusals are checked case by case on one record, since a refused
command must leave the database as it was.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import holidays
import icalendar
import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump, record_once, restored
from tests.helpers import (
    ACTIVA,
    MEETING_ADDED,
    OFR,
    add_meeting,
    add_orgs,
    as_json,
    assert_fails,
    hold_meeting,
    meeting_detail,
    ok,
)

STOCKHOLM = "Europe/Stockholm"
REGIONAL_UTVECKLING = "Regional utveckling"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MEETING_KEYS = {
    "id",
    "uid",
    "kind",
    "title",
    "date",
    "iso_week",
    "start",
    "end",
    "place",
    "link",
    "co_organiser",
    "status",
    "cancel_reason",
    "agenda",
    "sequence",
}
DETAIL_KEYS = MEETING_KEYS | {
    "attended",
    "decisions",
    "minutes",
    "action_items",
    "open_items_from_earlier",
    "next_meeting",
    "adjusted_on",
    "corrections",
    "invitations",
}
PLAN_ROW = re.compile(r"^\d{4}-\d{2}-\d{2}  ")


def listed(run: Run, *options: str) -> dict[str, Any]:
    """`psi meeting list ... --json`, parsed."""
    data: dict[str, Any] = as_json(run, "meeting", "list", *options)
    return data


def calendar_events(path: Path) -> dict[str, icalendar.Event]:
    """Parse a written calendar file back, check what RFC 5545 and the spec ask; events by UID."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert STOCKHOLM in zones
    events = calendar.walk("VEVENT")
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), uids
    for event in events:
        assert "DTSTAMP" in event
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        if isinstance(start, datetime):
            assert start.tzinfo is not None
            assert getattr(start.tzinfo, "key", None) == STOCKHOLM
            assert event["DTSTART"].params["TZID"] == STOCKHOLM
            assert isinstance(end, datetime)
            assert end > start
    return dict(zip(uids, events, strict=True))


def local_start(event: icalendar.Event) -> datetime:
    """DTSTART, a datetime in Europe/Stockholm."""
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime)
    return start


def plan_rows(output: str) -> list[list[str]]:
    """The rows of the plan table: date, weekday, week, kind, title, note."""
    rows = []
    for line in output.splitlines():
        if PLAN_ROW.match(line):
            cells = re.split(r"\s{2,}", line.strip())
            rows.append(cells + [""] * (6 - len(cells)))
    return rows


def not_working_days(year: int) -> dict[date, str]:
    """Swedish public holidays and midsommar-, jul- and nyårsafton, by the holidays package."""
    calendar = holidays.country_holidays(
        "SE", years=year, include_sundays=False, categories=("public", "de_facto")
    )
    return dict(calendar.items())


# --- meeting plan ----------------------------------------------------------------------------


def test_plan_2027_table_has_weekdays_and_iso_weeks(run: Run, empty_db: Path) -> None:
    before = dump(empty_db)
    out = ok(run, "meeting", "plan", "2027")
    assert dump(empty_db) == before  # a proposal writes nothing
    assert "Meeting plan 2027 (13:00-15:00)" in out
    rows = plan_rows(out)
    assert len(rows) == 14
    assert "14 meetings; 0 moved off a holiday or weekend." in out
    blocked = not_working_days(2027)
    for day_text, weekday, week, kind, _title, _note in rows:
        day = date.fromisoformat(day_text)
        assert weekday == WEEKDAYS[day.weekday()]
        assert int(week) == day.isocalendar().week
        assert kind in {"AU meeting", "General meeting"}
        assert day.weekday() < 5 and day not in blocked
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert rows[0][:4] == ["2027-01-12", "Tuesday", "2", "AU meeting"]
    au = [date.fromisoformat(r[0]) for r in rows if r[3] == "AU meeting"]
    assert 7 not in {d.month for d in au}
    stormoten = [r for r in rows if r[3] == "General meeting"]
    assert [r[:3] for r in stormoten] == [
        ["2027-02-23", "Tuesday", "8"],
        ["2027-06-01", "Tuesday", "22"],
        ["2027-11-02", "Tuesday", "44"],
    ]
    assert all("with Regional utveckling" in r[5] for r in stormoten)
    for n, stormote in enumerate(stormoten, start=1):
        day = date.fromisoformat(stormote[0])
        preparing = [r for r in rows if r[5].startswith(f"prepares stormöte {n}")]
        assert len(preparing) == 1
        assert 7 <= (day - date.fromisoformat(preparing[0][0])).days <= 21


def test_plan_moves_meetings_off_holidays_and_says_why(run: Run, empty_db: Path) -> None:
    out = ok(
        run,
        "meeting",
        "plan",
        "2027",
        "--au",
        "last friday",
        "--stormoten",
        "4",
        "--time",
        "9:00-11:30",
    )
    assert "Meeting plan 2027 (09:00-11:30)" in out
    rows = plan_rows(out)
    assert len([r for r in rows if r[3] == "General meeting"]) == 4
    moved = {r[0]: r[5] for r in rows if r[5].startswith("moved from")}
    assert moved == {
        "2027-03-25": "moved from 2027-03-26 (Långfredagen)",
        "2027-06-24": "moved from 2027-06-25 (Midsommarafton)",
        # Not onto mellandagarna (27-30 December): back to the week before.
        "2027-12-23": "moved from 2027-12-31 (Nyårsafton)",
    }
    assert f"{len(rows)} meetings; 3 moved off a holiday or weekend." in out
    blocked = not_working_days(2027)
    for row in rows:
        day = date.fromisoformat(row[0])
        assert row[1] == WEEKDAYS[day.weekday()]
        assert int(row[2]) == day.isocalendar().week
        assert day.weekday() < 5 and day not in blocked


def test_plan_save_twice_does_not_duplicate(run: Run, empty_db: Path) -> None:
    place = "Föreningarnas hus, Örebro"
    out = ok(run, "meeting", "plan", "2027", "--save", "--place", place, "--time", "14:00-16:00")
    assert "Saved 14 planned meetings." in out
    saved = listed(run, "2027")["meetings"]
    assert len(saved) == 14
    assert {(m["status"], m["place"], m["start"], m["end"]) for m in saved} == {
        ("planned", place, "14:00", "16:00")
    }
    stormoten = [m for m in saved if m["kind"] == "stormote"]
    assert [m["co_organiser"] for m in stormoten] == [REGIONAL_UTVECKLING] * 3
    assert [m["title"] for m in stormoten] == ["Stormöte 1", "Stormöte 2", "Stormöte 3"]
    before = dump(empty_db)
    again = ok(run, "meeting", "plan", "2027", "--save", "--place", place, "--time", "14:00-16:00")
    assert "Saved 0 planned meetings; 14 were saved before" in again
    assert dump(empty_db) == before
    # A saved meeting that was moved is not planned again on its old day.
    ok(run, "meeting", "move", str(saved[0]["id"]), "2027-01-19")
    assert "Saved 0 planned meetings" in ok(run, "meeting", "plan", "2027", "--save")
    days = [m["date"] for m in listed(run, "2027")["meetings"]]
    assert len(days) == 14
    assert "2027-01-12" not in days and "2027-01-19" in days


def test_plan_refusals_write_nothing(run: Run, empty_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    for options in (
        ["--stormoten", "5"],
        ["--stormoten", "1"],
        ["--au", "every full moon"],
        ["--au", "FREQ=SOMETIMES"],
        ["--time", "15:00-13:00"],
        ["--time", "kl 13"],
    ):
        message = assert_fails(
            run, empty_db, ExitCode.INVALID, "meeting", "plan", "2027", *options, "--save",
            "--ics", str(target),
        )  # fmt: skip
        assert not target.exists(), options
        if options[0] == "--stormoten":
            assert "2-4" in message


def test_plan_ics_parsed_back(run: Run, empty_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan-2027.ics"
    before = dump(empty_db)
    out = ok(
        run, "meeting", "plan", "2027", "--ics", str(target), "--place", "Föreningarnas hus, Örebro"
    )
    assert f"Wrote the calendar file {target}." in out
    assert dump(empty_db) == before
    events = calendar_events(target)
    assert len(events) == 14
    by_day = {local_start(e).date(): e for e in events.values()}
    stormote = by_day[date(2027, 2, 23)]
    assert str(stormote["SUMMARY"]) == "Stormöte 1"
    assert str(stormote["LOCATION"]) == "Föreningarnas hus, Örebro"
    assert "I samverkan med Regional utveckling" in str(stormote["DESCRIPTION"])
    assert str(stormote["STATUS"]) == "CONFIRMED"
    assert local_start(stormote).time() == time(13, 0)
    assert local_start(stormote).astimezone(UTC).time() == time(12, 0)  # CET, UTC+1
    summer = by_day[date(2027, 6, 1)]
    assert local_start(summer).astimezone(UTC).time() == time(11, 0)  # CEST, UTC+2
    assert summer.decoded("DTEND").time() == time(15, 0)
    preparing = by_day[date(2027, 2, 9)]
    assert "Förberedelse av stormöte 1" in str(preparing["DESCRIPTION"])


def test_plan_ics_uids_are_the_uids_of_the_saved_meetings(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    planned = tmp_path / "plan.ics"
    recorded = tmp_path / "record.ics"
    ok(run, "meeting", "plan", "2027", "--save", "--ics", str(planned))
    out = ok(run, "meeting", "ics", "2027", "-o", str(recorded))
    assert f"Wrote 14 meetings to {recorded}." in out
    plan_events = calendar_events(planned)
    record_events = calendar_events(recorded)
    assert set(plan_events) == set(record_events)
    assert {m["uid"] for m in listed(run, "2027")["meetings"]} == set(plan_events)
    for uid, event in plan_events.items():
        assert local_start(record_events[uid]) == local_start(event)
        assert str(record_events[uid]["SUMMARY"]) == str(event["SUMMARY"])
        assert int(record_events[uid]["SEQUENCE"]) == 0
    # The same plan written again keeps its UIDs, so a re-import updates, not duplicates.
    again = tmp_path / "again.ics"
    ok(run, "meeting", "plan", "2027", "--ics", str(again))
    assert set(calendar_events(again)) == set(plan_events)


def test_plan_save_with_unwritable_ics_writes_nothing(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    """A failed command writes nothing: the calendar cannot be written, so no meetings either."""
    target = tmp_path / "no-such-folder" / "plan.ics"
    assert_fails(
        run, empty_db, ExitCode.FILE, "meeting", "plan", "2027", "--save", "--ics", str(target)
    )


# --- meeting add, list, show -----------------------------------------------------------------


def test_add_each_kind_then_list_and_show(run: Run, empty_db: Path) -> None:
    full = [
        "--time", "13:00-15:00", "--place", "Föreningarnas hus, Örebro",
        "--link", "https://meet.example.se/psi", "--item", "Aktivitetslistan 2027", "--item", "Budget",
    ]  # fmt: skip
    kinds = [
        ("au", "au", "AU-möte", None),
        ("stormote", "stormote", "Stormöte", REGIONAL_UTVECKLING),
        ("Stormöte", "stormote", "Stormöte", REGIONAL_UTVECKLING),
        ("msi", "msi", "Dialogmöte med Mötesplats social innovation", None),
        ("other", "other", "Möte", None),
    ]
    # The second stormöte that day is meant: --also.
    ids = [add_meeting(run, typed, "2027-03-09", *full, "--also") for typed, _, _, _ in kinds]
    listing = listed(run, "2027")
    assert [m["id"] for m in listing["meetings"]] == ids
    for meeting_id, (_, kind, title, co_organiser) in zip(ids, kinds, strict=True):
        data = meeting_detail(run, meeting_id)
        assert set(data) == DETAIL_KEYS
        assert {k: data[k] for k in MEETING_KEYS - {"uid"}} == {
            "id": meeting_id,
            "kind": kind,
            "title": title,
            "date": "2027-03-09",
            "iso_week": 10,
            "start": "13:00",
            "end": "15:00",
            "place": "Föreningarnas hus, Örebro",
            "link": "https://meet.example.se/psi",
            "co_organiser": co_organiser,
            "status": "planned",
            "cancel_reason": None,
            "agenda": ["Aktivitetslistan 2027", "Budget"],
            "sequence": 0,
        }
        assert data["attended"] == data["decisions"] == data["action_items"] == []
        assert listing["meetings"][ids.index(meeting_id)] == {k: data[k] for k in MEETING_KEYS}
    assert len({meeting_detail(run, i)["uid"] for i in ids}) == len(ids)
    for kind in ("au", "msi", "other"):
        assert len(listed(run, "2027", "--kind", kind)["meetings"]) == 1
    assert len(listed(run, "2027", "--kind", "stormote")["meetings"]) == 2
    text = ok(run, "meeting", "show", str(ids[1]))
    assert f"{ids[1]}: Stormöte (General meeting)" in text
    assert "Tuesday 2027-03-09 (week 10) 13:00-15:00" in text
    assert "Regional utveckling" in text and "Aktivitetslistan 2027" in text
    table = ok(run, "meeting", "list", "2027")
    row = next(line for line in table.splitlines() if line.startswith(f"{ids[0]} "))
    assert re.search(r"2027-03-09\s+Tuesday\s+10\s+13:00-15:00\s+AU meeting\s+AU-möte", row), row


def test_add_minimal_meeting_and_other_co_organiser(run: Run, empty_db: Path) -> None:
    minimal = add_meeting(run, "msi", "2027-02-16", "--link", "meet.example.se/psi")
    data = meeting_detail(run, minimal)
    assert (data["start"], data["end"], data["place"], data["agenda"]) == (None, None, None, [])
    assert data["link"] == "https://meet.example.se/psi"
    stormote = add_meeting(
        run, "stormote", "2027-04-13", "--with", "Region Örebro län", "--title", "Vår"
    )
    data = meeting_detail(run, stormote)
    assert (data["co_organiser"], data["title"]) == ("Region Örebro län", "Vår")


def test_add_on_a_holiday_warns_but_saves(run: Run, empty_db: Path) -> None:
    for day, why in (
        ("2027-12-24", "Julafton"),
        ("2027-06-25", "Midsommarafton"),
        ("2027-05-06", "Kristi himmelsfärdsdag"),
        ("2027-03-13", "lördag"),
    ):
        result = run("meeting", "add", "au", day)
        assert result.exit_code == ExitCode.OK, result.output
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("Warning:"), result.stderr
        assert why in lines[0] and day in lines[0]
        match = MEETING_ADDED.search(result.stdout)
        assert match is not None
        assert meeting_detail(run, int(match.group(1)))["date"] == day
    result = run("meeting", "add", "au", "2027-12-23")
    assert (result.exit_code, result.stderr) == (ExitCode.OK, "")
    assert len(listed(run, "2027")["meetings"]) == 5


def test_list_without_year_has_no_counts_and_is_in_date_order(run: Run, empty_db: Path) -> None:
    late = add_meeting(run, "au", "2027-03-09", "--time", "13:00-15:00")
    early = add_meeting(run, "msi", "2026-11-10")
    same_day_earlier = add_meeting(run, "other", "2027-03-09", "--time", "09:00-10:00")
    data = listed(run)
    assert [m["id"] for m in data["meetings"]] == [early, same_day_earlier, late]
    assert "counts" not in data
    assert "stormöten" not in ok(run, "meeting", "list")


def test_list_filters_by_kind_and_status(run: Run, empty_db: Path) -> None:
    au = add_meeting(run, "au", "2025-02-11")
    stormote = add_meeting(run, "stormote", "2025-03-20")
    cancelled = add_meeting(run, "au", "2025-04-08")
    hold_meeting(run, au)
    ok(run, "meeting", "cancel", str(cancelled), "--reason", "Sjukdom")
    assert [m["id"] for m in listed(run, "2025", "--kind", "au")["meetings"]] == [au, cancelled]
    assert [m["id"] for m in listed(run, "--status", "held")["meetings"]] == [au]
    assert [m["id"] for m in listed(run, "--status", "planned")["meetings"]] == [stormote]
    assert [m["id"] for m in listed(run, "--status", "cancelled")["meetings"]] == [cancelled]
    assert listed(run, "2025", "--kind", "msi", "--status", "held")["meetings"] == []


def test_list_year_counts_within_the_assignment(run: Run, empty_db: Path) -> None:
    held_stormote = add_meeting(run, "stormote", "2025-03-20")
    add_meeting(run, "stormote", "2025-05-20")
    add_meeting(run, "stormote", "2025-10-14")
    cancelled_stormote = add_meeting(run, "stormote", "2025-11-11")
    held_au = add_meeting(run, "au", "2025-02-11")
    add_meeting(run, "au", "2025-03-11")
    cancelled_au = add_meeting(run, "au", "2025-04-08")
    add_meeting(run, "stormote", "2026-03-10")  # another year: not counted
    hold_meeting(run, held_stormote)
    hold_meeting(run, held_au)
    ok(run, "meeting", "cancel", str(cancelled_stormote), "--reason", "För få anmälda")
    ok(run, "meeting", "cancel", str(cancelled_au), "--reason", "Sjukdom")
    last = ok(run, "meeting", "list", "2025").strip().splitlines()[-1]
    assert last == (
        "2025: 3 stormöten (1 held, 2 planned), within the 2-4 the assignment asks for; "
        "AU meetings held 1 of 2 planned."
    )
    assert listed(run, "2025")["counts"] == {
        "stormoten_held": 1,
        "stormoten_planned": 2,
        "stormoten_within_2_to_4": True,
        "au_held": 1,
        "au_planned": 2,
    }
    # The counts are of the whole year, whatever the list shows.
    filtered = ok(run, "meeting", "list", "2025", "--kind", "msi")
    assert filtered.strip().splitlines()[-1] == last


def test_list_year_counts_from_none_to_five_stormoten(run: Run, empty_db: Path) -> None:
    days = ["2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11", "2027-09-14"]
    for count in range(6):
        if count:
            add_meeting(run, "stormote", days[count - 1])
        out = ok(run, "meeting", "list", "2027")
        last = out.strip().splitlines()[-1]
        assert last.startswith(f"2027: {count} stormöte"), last
        verdict = "within" if 2 <= count <= 4 else "outside"
        assert f"{verdict} the 2-4 the assignment asks for" in last, last
        assert last.endswith("AU meetings held 0 of 0 planned."), last
        assert listed(run, "2027")["counts"]["stormoten_within_2_to_4"] is (verdict == "within")
        if not count:
            assert "No meetings." in out


# --- edit, move, cancel, ics -----------------------------------------------------------------


def test_move_updates_date_and_sequence_but_keeps_uid(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(run, "au", "2027-03-09", "--time", "13:00-15:00", "--place", "Kumla")
    other = add_meeting(run, "msi", "2027-03-10", "--time", "10:00-11:30")
    first = tmp_path / "first.ics"
    ok(run, "meeting", "ics", "2027", "-o", str(first))
    uid = meeting_detail(run, meeting_id)["uid"]
    before = calendar_events(first)
    assert int(before[uid]["SEQUENCE"]) == 0
    out = ok(run, "meeting", "move", str(meeting_id), "2027-03-16", "--time", "14:00-16:30")
    assert f"Moved meeting {meeting_id} from 2027-03-09 to Tuesday 2027-03-16 (week 11)." in out
    data = meeting_detail(run, meeting_id)
    assert (data["date"], data["start"], data["end"]) == ("2027-03-16", "14:00", "16:30")
    assert (data["uid"], data["sequence"], data["iso_week"]) == (uid, 1, 11)
    second = tmp_path / "second.ics"
    ok(run, "meeting", "ics", "2027", "-o", str(second))
    events = calendar_events(second)
    assert set(events) == set(before)
    moved = events[uid]
    assert int(moved["SEQUENCE"]) == 1
    assert local_start(moved).replace(tzinfo=None) == datetime(2027, 3, 16, 14, 0)
    assert moved.decoded("DTEND").time() == time(16, 30)
    assert str(moved["LOCATION"]) == "Kumla"
    assert int(events[meeting_detail(run, other)["uid"]]["SEQUENCE"]) == 0
    ok(run, "meeting", "move", str(meeting_id), "2027-03-23")
    data = meeting_detail(run, meeting_id)
    assert (data["date"], data["start"], data["sequence"]) == ("2027-03-23", "14:00", 2)


def test_move_to_a_holiday_warns_but_moves(run: Run, empty_db: Path) -> None:
    meeting_id = add_meeting(run, "au", "2027-12-14")
    result = run("meeting", "move", str(meeting_id), "2027-12-24")
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr.startswith("Warning:") and "Julafton" in result.stderr
    assert meeting_detail(run, meeting_id)["date"] == "2027-12-24"


def test_edit_changes_fields_and_calendar(run: Run, empty_db: Path, tmp_path: Path) -> None:
    meeting_id = add_meeting(
        run, "au", "2027-03-09", "--time", "13:00-15:00", "--item", "Gammal punkt"
    )
    out = ok(
        run, "meeting", "edit", str(meeting_id), "--title", "AU-möte om budgeten",
        "--place", "Medborgarhuset, Kumla", "--link", "https://meet.example.se/au",
        "--with", "Mötesplats social innovation",
        "--item", "Aktivitetslistan 2027", "--item", "Budget för år 2027",
    )  # fmt: skip
    assert f"Changed meeting {meeting_id}: AU-möte om budgeten, 2027-03-09." in out
    data = meeting_detail(run, meeting_id)
    assert data["title"] == "AU-möte om budgeten"
    assert data["place"] == "Medborgarhuset, Kumla"
    assert data["link"] == "https://meet.example.se/au"
    assert data["co_organiser"] == "Mötesplats social innovation"
    assert data["agenda"] == ["Aktivitetslistan 2027", "Budget för år 2027"]
    assert (data["date"], data["start"], data["sequence"]) == ("2027-03-09", "13:00", 1)
    target = tmp_path / "psi.ics"
    ok(run, "meeting", "ics", "-o", str(target))
    event = calendar_events(target)[data["uid"]]
    assert str(event["SUMMARY"]) == "AU-möte om budgeten"
    assert str(event["LOCATION"]) == "Medborgarhuset, Kumla"
    assert str(event["URL"]) == "https://meet.example.se/au"
    description = str(event["DESCRIPTION"])
    assert "Aktivitetslistan 2027" in description and "Budget för år 2027" in description
    assert "Gammal punkt" not in description
    assert (int(event["SEQUENCE"]), str(event["STATUS"])) == (1, "CONFIRMED")
    ok(run, "meeting", "edit", str(meeting_id), "--place", "", "--link", "")
    data = meeting_detail(run, meeting_id)
    assert (data["place"], data["link"], data["sequence"]) == (None, None, 2)


def test_cancel_keeps_reason_and_marks_calendar_cancelled(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(run, "stormote", "2027-04-13", "--time", "13:00-16:00")
    uid = meeting_detail(run, meeting_id)["uid"]
    out = ok(run, "meeting", "cancel", str(meeting_id), "--reason", "För få anmälda")
    assert f"Cancelled meeting {meeting_id}" in out
    data = meeting_detail(run, meeting_id)
    assert (data["status"], data["cancel_reason"], data["sequence"], data["uid"]) == (
        "cancelled",
        "För få anmälda",
        1,
        uid,
    )
    assert "cancelled: För få anmälda" in ok(run, "meeting", "show", str(meeting_id))
    target = tmp_path / "psi-2027.ics"
    ok(run, "meeting", "ics", "2027", "-o", str(target))
    event = calendar_events(target)[uid]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert listed(run, "2027")["counts"]["stormoten_planned"] == 0


def test_ics_default_file_names_and_all_day_events(
    run: Run, empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    add_meeting(run, "au", "2027-03-09", "--time", "13:00-15:00")
    add_meeting(
        run, "au", "2026-03-10", "--place", "Kumla", "--link", "https://meet.example.se/psi"
    )
    assert "Wrote 1 meeting to psi-2027.ics." in ok(run, "meeting", "ics", "2027")
    assert len(calendar_events(tmp_path / "psi-2027.ics")) == 1
    assert "Wrote 2 meetings to psi.ics." in ok(run, "meeting", "ics")
    events = calendar_events(tmp_path / "psi.ics")
    all_day = next(e for e in events.values() if e.decoded("DTSTART") == date(2026, 3, 10))
    assert all_day.decoded("DTEND") == date(2026, 3, 11)
    assert str(all_day["LOCATION"]) == "Kumla"
    assert str(all_day["URL"]) == "https://meet.example.se/psi"


def test_ics_to_unwritable_file_refused(run: Run, empty_db: Path, tmp_path: Path) -> None:
    add_meeting(run, "au", "2027-03-09")
    target = tmp_path / "missing" / "psi.ics"
    assert_fails(run, empty_db, ExitCode.FILE, "meeting", "ics", "2027", "-o", str(target))


# --- held ------------------------------------------------------------------------------------


def test_held_records_attendance_decisions_and_minutes(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    add_orgs(run)
    meeting_id = add_meeting(run, "au", "2025-03-11", "--time", "13:00-15:00")
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("Första stycket om året.\n\nAndra stycket: budgeten.\n", encoding="utf-8")
    out = ok(
        run, "meeting", "held", str(meeting_id), "--attended", "activa", "--attended", "orebro fo",
        "--attended", ACTIVA, "--minutes", str(notes),
        "--decision", "anta aktivitetslistan 2025",
        "--decision", "Mötet beslutade att godkänna budgeten.",
        "--decision", "att välja Örebro Föreningsråd till sammankallande",
    )  # fmt: skip
    assert f"Recorded meeting {meeting_id} as held" in out
    data = meeting_detail(run, meeting_id)
    assert (data["status"], data["sequence"]) == ("held", 1)
    assert sorted(a["organisation"] for a in data["attended"]) == [ACTIVA, OFR]
    assert [d["text"] for d in data["decisions"]] == [
        "Mötet beslutade att anta aktivitetslistan 2025.",
        "Mötet beslutade att godkänna budgeten.",
        "Mötet beslutade att välja Örebro Föreningsråd till sammankallande.",
    ]
    # Without agenda items, every decision is under övriga frågor.
    assert {(d["agenda_item"], d["agenda_title"]) for d in data["decisions"]} == {(None, None)}
    assert data["minutes"] == "Första stycket om året.\n\nAndra stycket: budgeten."
    text = ok(run, "meeting", "show", str(meeting_id))
    assert f"{ACTIVA}, {OFR}" in text
    assert "Mötet beslutade att anta aktivitetslistan 2025." in text
    assert listed(run, "2025")["counts"]["au_held"] == 1
    bare = add_meeting(run, "msi", "2025-05-06")
    hold_meeting(run, bare)
    data = meeting_detail(run, bare)
    assert (data["status"], data["attended"], data["decisions"], data["minutes"]) == (
        "held",
        [],
        [],
        None,
    )


def test_decisions_and_notes_are_tied_to_their_agenda_item(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    add_orgs(run)
    meeting_id = add_meeting(
        run, "au", "2025-03-11", "--item", "Aktivitetslistan 2025", "--item", "Budget 2025",
        "--item", "Budgetuppföljning",
    )  # fmt: skip
    notes = tmp_path / "anteckningar.txt"
    notes.write_text("§ 6\nBudgeten gicks igenom.\n## Övriga frågor\nInget.\n", "utf-8")
    ok(
        run, "meeting", "held", str(meeting_id), "--minutes", str(notes),
        "--decision", "5: anta aktivitetslistan 2025",
        "--decision", "§ 6 godkänna budgeten",
        "--decision", "budgetupp: följa upp i juni",
        "--decision", "Övriga frågor: tacka Activa",
        "--decision", "Budget 2025: ändra posten: lokaler",
    )  # fmt: skip
    data = meeting_detail(run, meeting_id)
    assert [(d["agenda_item"], d["agenda_title"], d["text"]) for d in data["decisions"]] == [
        (5, "Aktivitetslistan 2025", "Mötet beslutade att anta aktivitetslistan 2025."),
        (6, "Budget 2025", "Mötet beslutade att godkänna budgeten."),
        (7, "Budgetuppföljning", "Mötet beslutade att följa upp i juni."),
        (None, None, "Mötet beslutade att tacka Activa."),
        (6, "Budget 2025", "Mötet beslutade att ändra posten: lokaler."),
    ]
    shown = ok(run, "meeting", "show", str(meeting_id))
    assert "§ 5 Aktivitetslistan 2025" in shown
    assert "§ 6 Budget 2025: Mötet beslutade att godkänna budgeten." in shown
    # An MSI dialogue's kallelse numbers its first own item 2.
    msi = add_meeting(run, "msi", "2025-05-06", "--item", "Nätverket")
    hold_meeting(run, msi, "--decision", "2: bjuda in MSI")
    assert meeting_detail(run, msi)["decisions"][0]["agenda_item"] == 2


@pytest.mark.parametrize(
    ("decision", "notes", "said"),
    [
        (
            "anta listan",
            "",
            "The decision 'anta listan' names no item of the agenda "
            "(§ 5 Aktivitetslistan, § 6 Budget 2025, § 7 Budget 2026); begin it with the item's "
            'number, like --decision "5: anta listan", or with "Övriga frågor: "',
        ),
        (
            "8: anta listan",
            "",
            "'8: anta listan' names § 8, which is not an item of this meeting's agenda (§ 5–7)",
        ),
        ("§ 2 anta listan", "", "names § 2, which is not an item"),
        (
            "Budget: anta budgeten",
            "",
            "'Budget' begins more than one agenda item "
            "(§ 6 Budget 2025, § 7 Budget 2026); give the item's number instead.",
        ),
        ("5: anta listan", "§ 9\nText.", "The notes' line '§ 9' names § 9, which is not an item"),
        (
            "5: anta listan",
            "§ Lokalfrågan\nText.",
            "The notes' line '§ Lokalfrågan' names no item of this meeting's agenda (§ 5–7)",
        ),
        (
            "5: anta listan",
            "## Budget\nText.",
            "The notes' line '## Budget' begins more than one agenda item",
        ),
    ],
)
def test_a_decision_or_note_naming_no_item_is_refused(
    run: Run, empty_db: Path, tmp_path: Path, decision: str, notes: str, said: str
) -> None:
    add_orgs(run)
    meeting_id = add_meeting(run, "au", "2025-03-11", "--item", "Aktivitetslistan",
                             "--item", "Budget 2025", "--item", "Budget 2026")  # fmt: skip
    path = tmp_path / "notes.txt"
    path.write_text(notes or "Anteckning.", "utf-8")
    before = meeting_detail(run, meeting_id)
    message = assert_fails(
        run, empty_db, ExitCode.INVALID, "meeting", "held", str(meeting_id),
        "--attended", "activa", "--decision", decision, "--minutes", str(path),
    )  # fmt: skip
    assert said in message, message
    assert meeting_detail(run, meeting_id) == before


# --- refusals --------------------------------------------------------------------------------


def build_record(run: Run, folder: Path) -> dict[str, int]:
    """A planned past meeting, a held one, a cancelled one and a planned future one."""
    add_orgs(run)
    ids = {
        "planned": add_meeting(run, "au", "2025-03-11"),
        "held": add_meeting(run, "au", "2025-02-11"),
        "cancelled": add_meeting(run, "stormote", "2025-03-20"),
        "future": add_meeting(run, "au", "2099-03-10"),
    }
    hold_meeting(run, ids["held"], "--attended", "activa")
    ok(run, "meeting", "cancel", str(ids["cancelled"]), "--reason", "För få anmälda")
    return ids


record_template = record_once(build_record)
"""The record of the refusal tests, built once."""


@pytest.fixture
def record(run: Run, db: Db, record_template: tuple[Db, dict[str, int]]) -> dict[str, int]:
    """This test's copy of the record of the refusal tests; the meetings' numbers by role."""
    return restored(record_template, db)


def test_unknown_meeting_id(run: Run, record: dict[str, int], db: Db) -> None:
    for args in (
        ["show", "999"],
        ["show", "999", "--json"],
        ["move", "999", "2027-01-19"],
        ["edit", "999", "--title", "Nytt"],
        ["cancel", "999", "--reason", "Ingen lokal"],
        ["held", "999"],
        ["held", "0"],
    ):
        message = assert_fails(run, db, ExitCode.NOT_FOUND, "meeting", *args)
        assert args[1] in message


def test_invalid_input(run: Run, record: dict[str, int], db: Db) -> None:
    planned = str(record["planned"])
    for args in (
        ["add", "styrelse", "2027-03-09"],
        ["add", "au", "2027-02-30"],
        ["add", "au", "9/3/2027"],
        ["add", "au", "2027-3-9"],
        ["add", "au", "2027-03-09", "--time", "25:00-26:00"],
        ["add", "au", "2027-03-09", "--time", "15:00-13:00"],
        ["add", "au", "2027-03-09", "--time", "13:00"],
        ["add", "au", "2027-03-09", "--time", "13:60-15:00"],
        ["add", "au", "2027-03-09", "--link", "inte en länk"],
        ["add", "au", "2027-03-09", "--item", ""],
        ["move", planned, "2027-13-01"],
        ["move", planned, "2027-03-16", "--time", "16-15"],
        ["edit", planned],
        ["edit", planned, "--title", ""],
        ["cancel", planned, "--reason", " "],
        ["list", "--kind", "styrelse"],
        ["list", "--status", "postponed"],
        ["list", "1999"],
        ["ics", "1999"],
        ["plan", "1999"],
    ):
        assert_fails(run, db, ExitCode.INVALID, "meeting", *args)


def test_rule_refusals(run: Run, record: dict[str, int], db: Db) -> None:
    for which, args in (
        # A held meeting's record is corrected (test_meeting_corrections.py), but it is not
        # moved into the future, cancelled or given another agenda.
        ("held", ["move", "{id}", "2099-02-18"]),
        ("held", ["cancel", "{id}", "--reason", "Fel"]),
        ("held", ["edit", "{id}", "--item", "Nytt"]),
        ("held", ["held", "{id}", "--attended", "ÖFR", "--decision", "anta budgeten"]),
        ("cancelled", ["held", "{id}"]),
        ("cancelled", ["move", "{id}", "2025-03-27"]),
        ("cancelled", ["edit", "{id}", "--place", "Kumla"]),
        ("cancelled", ["cancel", "{id}", "--reason", "Igen"]),
        ("future", ["held", "{id}", "--attended", "activa", "--decision", "anta budgeten"]),
    ):
        filled = [arg.format(id=record[which]) for arg in args]
        message = assert_fails(run, db, ExitCode.RULE, "meeting", *filled)
        if which == "future":
            assert "2099-03-10" in message
    held = meeting_detail(run, record["held"])
    assert [a["organisation"] for a in held["attended"]] == [ACTIVA]
    assert held["decisions"] == []


def test_hold_with_unknown_attendee_writes_nothing(
    run: Run, record: dict[str, int], db: Db, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Anteckningar.", encoding="utf-8")
    meeting_id = str(record["planned"])
    for attended in (
        ["Ingen sådan förening"],
        ["activa", "Ingen sådan förening"],
        ["exempelföreningen"],  # matches two organisations
    ):
        options = [part for org in attended for part in ("--attended", org)]
        assert_fails(
            run, db, ExitCode.NOT_FOUND, "meeting", "held", meeting_id, *options,
            "--decision", "anta budgeten", "--minutes", str(notes),
        )  # fmt: skip
    data = meeting_detail(run, record["planned"])
    assert data["status"] == "planned"
    assert data["attended"] == [] and data["decisions"] == [] and data["minutes"] is None
    assert data["sequence"] == 0


def test_hold_and_cancel_argument_refusals(
    run: Run, record: dict[str, int], db: Db, tmp_path: Path
) -> None:
    planned = str(record["planned"])
    message = assert_fails(run, db, ExitCode.USAGE, "meeting", "cancel", planned)
    assert "--reason" in message
    missing = tmp_path / "finns-inte.txt"
    message = assert_fails(
        run, db, ExitCode.FILE, "meeting", "held", planned, "--minutes", str(missing),
        "--attended", "activa",
    )  # fmt: skip
    assert "finns-inte.txt" in message
    empty = tmp_path / "tom.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert_fails(run, db, ExitCode.INVALID, "meeting", "held", planned, "--minutes", str(empty))
    assert_fails(run, db, ExitCode.INVALID, "meeting", "held", planned, "--decision", " ")
    # A file that is not text: SQLite kept the NUL, PostgreSQL failed with a database error.
    binary = tmp_path / "protokoll.docx"
    binary.write_bytes(b"PK\x03\x04\x00\x00 Protokoll")
    message = assert_fails(
        run, db, ExitCode.INVALID, "meeting", "held", planned, "--minutes", str(binary)
    )
    assert "not plain text" in message
    assert meeting_detail(run, record["planned"])["status"] == "planned"


# --- the example register --------------------------------------------------------------------


def test_example_record_lists_and_exports(run: Run, example_db: Path, tmp_path: Path) -> None:
    """Whatever meetings the example holds, they list with the counts and export cleanly."""
    data = listed(run, "2025")
    assert set(data["counts"]) == {
        "stormoten_held",
        "stormoten_planned",
        "stormoten_within_2_to_4",
        "au_held",
        "au_planned",
    }
    assert "the 2-4 the assignment asks for" in ok(run, "meeting", "list", "2025")
    target = tmp_path / "example.ics"
    ok(run, "meeting", "ics", "-o", str(target))
    assert set(calendar_events(target)) == {m["uid"] for m in listed(run)["meetings"]}
