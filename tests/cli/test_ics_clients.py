"""Calendar files as Outlook and Google Calendar show them (`psi meeting ics`).

Those clients show neither URL nor STATUS:CANCELLED reliably, so the link of an online
meeting and its agenda stand in LOCATION and DESCRIPTION, and a cancelled meeting says so
in its SUMMARY and DESCRIPTION. Every file is parsed back with icalendar; the meetings lie
in 2099, so they can be cancelled.
"""

from __future__ import annotations

from pathlib import Path

import icalendar

from tests.conftest import Run
from tests.helpers import add_meeting, meeting_detail, ok

LINK = "https://meet.example.se/psi?room=au&pin=1234"
PLACE = "Föreningarnas hus, Örebro"


def exported(run: Run, meeting_id: int, target: Path) -> icalendar.Event:
    """`psi meeting ics -o TARGET`, parsed back; the meeting's event."""
    ok(run, "meeting", "ics", "-o", str(target))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    uid = meeting_detail(run, meeting_id)["uid"]
    events = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid]
    assert len(events) == 1, [str(e["UID"]) for e in calendar.walk("VEVENT")]
    return events[0]


def description_lines(event: icalendar.Event) -> list[str]:
    return str(event["DESCRIPTION"]).splitlines()


def test_online_meeting_has_the_link_as_location_and_in_the_description(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(
        run, "msi", "2099-02-17", "--time", "10:00-11:30", "--link", LINK,
        "--item", "Läget i projektet", "--item", "Nästa steg",
    )  # fmt: skip
    event = exported(run, meeting_id, tmp_path / "psi.ics")
    assert str(event["LOCATION"]) == LINK
    assert str(event["URL"]) == LINK
    assert str(event["SUMMARY"]) == "Dialogmöte med Mötesplats social innovation"
    lines = description_lines(event)
    assert f"Länk: {LINK}" in lines
    assert lines[lines.index("Dagordning:") + 1 :] == ["1. Läget i projektet", "2. Nästa steg"]
    assert str(event["STATUS"]) == "CONFIRMED"


def test_meeting_with_a_place_and_a_link_keeps_the_place_as_location(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(
        run, "au", "2099-03-10", "--time", "13:00-15:00", "--place", PLACE, "--link", LINK,
        "--item", "Aktivitetslistan", "--item", "Budget",
    )  # fmt: skip
    event = exported(run, meeting_id, tmp_path / "psi.ics")
    assert str(event["LOCATION"]) == PLACE
    assert str(event["URL"]) == LINK
    lines = description_lines(event)
    assert lines[0] == "AU-möte"
    assert f"Länk: {LINK}" in lines
    assert "1. Aktivitetslistan" in lines and "2. Budget" in lines


def test_meeting_without_a_link_has_no_link_line(run: Run, empty_db: Path, tmp_path: Path) -> None:
    meeting_id = add_meeting(run, "au", "2099-03-10", "--place", "Kumla")
    event = exported(run, meeting_id, tmp_path / "psi.ics")
    assert str(event["LOCATION"]) == "Kumla"
    assert "URL" not in event
    assert not any(line.startswith("Länk:") for line in description_lines(event))
    assert "Dagordning:" not in description_lines(event)


def test_cancelled_meeting_says_so_in_summary_and_description(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(
        run, "stormote", "2099-04-14", "--time", "13:00-16:00", "--link", LINK,
        "--item", "Rekrytering",
    )  # fmt: skip
    before = exported(run, meeting_id, tmp_path / "before.ics")
    assert str(before["SUMMARY"]) == "Stormöte"
    ok(run, "meeting", "cancel", str(meeting_id), "--reason", "För få anmälda")
    after = exported(run, meeting_id, tmp_path / "after.ics")
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert str(after["STATUS"]) == "CANCELLED"
    assert str(after["SUMMARY"]) == "INSTÄLLT: Stormöte"
    description = str(after["DESCRIPTION"])
    assert description.startswith("Mötet är inställt: För få anmälda\n")
    assert "Stormöte" in description_lines(after)
    assert f"Länk: {LINK}" in description_lines(after)
    assert "1. Rekrytering" in description_lines(after)
    assert str(after["LOCATION"]) == str(after["URL"]) == LINK


def test_commas_semicolons_and_line_breaks_round_trip(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    title = 'AU-möte; budget, plan och "övrigt" \\ annat'
    place = "Rum 3; plan 2, Föreningarnas hus, Örebro"
    item = "Budget; del 1, del 2"
    reason = "Lokalen, tyvärr; dubbelbokad"
    meeting_id = add_meeting(
        run, "au", "2099-05-11", "--time", "13:00-15:00", "--title", title,
        "--place", place, "--link", LINK, "--item", item, "--item", "Övrigt",
    )  # fmt: skip
    target = tmp_path / "psi.ics"
    event = exported(run, meeting_id, target)
    raw = target.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    assert "LOCATION:Rum 3\\; plan 2\\, Föreningarnas hus\\, Örebro\r\n" in unfolded
    assert "1. Budget\\; del 1\\, del 2\\n2. Övrigt" in unfolded
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == place
    assert f"1. {item}" in description_lines(event)
    ok(run, "meeting", "cancel", str(meeting_id), "--reason", reason)
    event = exported(run, meeting_id, target)
    assert str(event["SUMMARY"]) == f"INSTÄLLT: {title}"
    assert description_lines(event)[0] == f"Mötet är inställt: {reason}"
    assert description_lines(event)[1] == ""
    assert description_lines(event)[2] == title
