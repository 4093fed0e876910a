"""Correcting a meeting's record (issue 19): attendance, decisions and notes of a held
meeting, its place and time, the justering and the corrections after it; undoing a cancel;
no second meeting of a kind on one day; warnings for odd dates.

Each kind of correction has a test that makes it, a test that a refusal changed nothing
(`assert_fails` compares the whole database), and a test of its audit entry."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import Any

import icalendar
import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, assert_snapshot, dump, record_once, restored
from tests.helpers import (
    ACTIVA,
    NORR,
    OFR,
    add_meeting,
    add_orgs,
    as_json,
    assert_fails,
    hold_meeting,
    meeting_detail,
    ok,
)

PERSON = "Anna Andersson"
NOTES = "§ 5\nListan gicks igenom.\n\n§ 6\nBudgeten gicks igenom.\n"
FIRST = "Mötet beslutade att anta aktivitetslistan 2025."
SECOND = "Mötet beslutade att godkänna budgeten."
CORRECTED_AT = datetime(2025, 4, 20, 10, 0, tzinfo=UTC)


def build(run: Run, folder: Path) -> dict[str, int]:
    """A held AU meeting with agenda, attendance, two decisions and notes; a second held one
    whose protokoll is justerat; a cancelled stormöte; a planned AU meeting far ahead."""
    add_orgs(run)
    ok(run, "contact", "add", "ÖFR", PERSON)
    notes = folder / "anteckningar.txt"
    notes.write_text(NOTES, encoding="utf-8")
    ids = {}
    for name, day in (("held", "2025-03-11"), ("adjusted", "2025-04-08")):
        ids[name] = add_meeting(
            run, "au", day, "--time", "13:00-15:00", "--place", "Kumla",
            "--item", "Aktivitetslistan 2025", "--item", "Budget",
        )  # fmt: skip
        hold_meeting(
            run, ids[name], "--attended", "activa", "--minutes", str(notes),
            "--decision", "5: anta aktivitetslistan 2025", "--decision", "Budget: godkänna budgeten",
        )  # fmt: skip
    ok(run, "meeting", "adjusted", str(ids["adjusted"]), "--on", "2025-04-15")
    ids["cancelled"] = add_meeting(run, "stormote", "2025-10-14", "--time", "13:00-16:00")
    ok(run, "meeting", "cancel", str(ids["cancelled"]), "--reason", "För få anmälda")
    ids["planned"] = add_meeting(run, "au", "2099-03-10")
    return ids


record_template = record_once(build)


@pytest.fixture
def record(run: Run, db: Db, record_template: tuple[Db, dict[str, int]]) -> dict[str, str]:
    """This test's copy of the record; the meetings' numbers, as typed, by role."""
    return {name: str(number) for name, number in restored(record_template, db).items()}


def detail(run: Run, meeting: str) -> dict[str, Any]:
    return meeting_detail(run, int(meeting))


def attended(run: Run, meeting: str) -> list[tuple[str, str | None]]:
    return [(a["organisation"], a["contact"]) for a in detail(run, meeting)["attended"]]


def decisions(run: Run, meeting: str) -> list[tuple[int, int | None, str]]:
    return [(d["number"], d["agenda_item"], d["text"]) for d in detail(run, meeting)["decisions"]]


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


def audited(run: Run) -> set[tuple[str, str]]:
    """What the newest audit entry changed: (action, table) pairs."""
    return {(c["action"], c["table"]) for c in last_audit(run)["changes"]}


def warned(run: Run, *args: str) -> str:
    """Run a command that succeeds with a warning; the warning (standard error)."""
    result = run(*args)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stderr.startswith("Warning:"), result.stderr
    return " ".join(result.stderr.split())


# --- attendance -------------------------------------------------------------------------------


def test_attendance_of_a_held_meeting_is_corrected(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    sequence = detail(run, held)["sequence"]
    out = ok(run, "meeting", "attend", held, f"ÖFR:{PERSON}", "norr")
    assert f"Corrected meeting {held} (AU-möte, 2025-03-11):" in out
    assert f"attendance: + {NORR}; + {OFR} ({PERSON})" in out
    assert attended(run, held) == [(NORR, None), (ACTIVA, None), (OFR, PERSON)]
    out = ok(run, "meeting", "unattend", held, "norr")
    assert f"attendance: − {NORR}" in out
    assert attended(run, held) == [(ACTIVA, None), (OFR, PERSON)]
    # Attendance is not in the calendar event: its SEQUENCE stays.
    assert detail(run, held)["sequence"] == sequence
    assert f"{OFR} ({PERSON})" in ok(run, "meeting", "show", held)
    assert detail(run, held)["corrections"] == []  # not justerat: no correction


def test_attend_names_the_person_of_an_organisation_already_there(
    run: Run, record: dict[str, str], db: Db
) -> None:
    held = record["held"]
    out = ok(run, "meeting", "attend", held, f"ÖFR:{PERSON}")
    assert f"+ {OFR} ({PERSON})" in out
    before = dump(db)
    assert "nothing changed" in ok(run, "meeting", "attend", held, "activa", "ÖFR")
    assert dump(db) == before  # the person stays, and nothing is written
    data = as_json(run, "meeting", "unattend", held, "ÖFR")
    assert data["attended"] == [{"organisation": ACTIVA, "contact": None}]


@pytest.mark.parametrize(
    ("which", "args", "code", "said"),
    [
        ("held", ["attend", "{id}", "Ingen sådan"], ExitCode.NOT_FOUND, "Ingen sådan"),
        ("held", ["attend", "{id}", "ÖFR:Ingen Alls"], ExitCode.NOT_FOUND, "psi contact add"),
        ("held", ["attend", "{id}", "exempelföreningen"], ExitCode.NOT_FOUND, ""),
        ("held", ["unattend", "{id}", "ÖFR"], ExitCode.NOT_FOUND, "is not recorded as present"),
        ("planned", ["attend", "{id}", "ÖFR"], ExitCode.RULE, "psi meeting held"),
        ("cancelled", ["attend", "{id}", "ÖFR"], ExitCode.RULE, "psi meeting reinstate"),
        ("adjusted", ["attend", "{id}", "ÖFR"], ExitCode.RULE, "--reason"),
        ("held", ["attend", "999", "ÖFR"], ExitCode.NOT_FOUND, "999"),
        ("held", ["attend", "{id}"], ExitCode.USAGE, ""),
    ],
)
def test_a_refused_attendance_correction_changes_nothing(
    run: Run,
    record: dict[str, str],
    db: Db,
    which: str,
    args: list[str],
    code: ExitCode,
    said: str,
) -> None:
    filled = [arg.format(id=record[which]) for arg in args]
    message = assert_fails(run, db, code, "meeting", *filled)
    assert said in message


def test_an_attendance_correction_is_audited(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    ok(run, "meeting", "attend", held, "ÖFR")
    entry = last_audit(run)
    assert entry["command"] == f"psi meeting attend {held} ÖFR"
    assert ("insert", "attendance") in audited(run)
    ok(run, "meeting", "unattend", held, "activa")
    assert ("delete", "attendance") in audited(run)


# --- decisions --------------------------------------------------------------------------------


def test_decisions_are_added_changed_and_removed(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    shown = ok(run, "meeting", "show", held)
    assert f"  1. § 5 Aktivitetslistan 2025: {FIRST}" in shown
    assert f"  2. § 6 Budget: {SECOND}" in shown
    out = ok(
        run, "meeting", "decision", held, "--change", "2", "godkänna budgeten med ändringar",
        "--add", "Övriga frågor: tacka Activa",
    )  # fmt: skip
    assert (
        f"decision 2: '§ 6 Budget: {SECOND}' → "
        "'§ 6 Budget: Mötet beslutade att godkänna budgeten med ändringar.'"
    ) in out
    assert "decision 3: – → 'Mötet beslutade att tacka Activa.'" in out
    assert decisions(run, held) == [
        (1, 5, FIRST),
        (2, 6, "Mötet beslutade att godkänna budgeten med ändringar."),
        (3, None, "Mötet beslutade att tacka Activa."),
    ]
    # A changed decision may name another item; a removed one leaves the others numbered on.
    ok(run, "meeting", "decision", held, "--change", "3", "5: tacka Activa", "--remove", "1")
    assert decisions(run, held) == [
        (1, 6, "Mötet beslutade att godkänna budgeten med ändringar."),
        (2, 5, "Mötet beslutade att tacka Activa."),
    ]
    assert "nothing changed" in ok(
        run, "meeting", "decision", held, "--change", "2", "tacka Activa"
    )
    minutes = ok(run, "meeting", "minutes", held)
    assert FIRST not in minutes and "Mötet beslutade att tacka Activa." in minutes


@pytest.mark.parametrize(
    ("which", "options", "code", "said"),
    [
        ("held", ["--remove", "9"], ExitCode.NOT_FOUND, "has no decision 9; it has decisions 1–2"),
        ("held", ["--change", "3", "anta"], ExitCode.NOT_FOUND, "no decision 3"),
        ("held", [], ExitCode.INVALID, "--add"),
        ("held", ["--add", "anta listan"], ExitCode.INVALID, "names no item of the agenda"),
        ("held", ["--change", "1", "9: anta"], ExitCode.INVALID, "names § 9"),
        ("held", ["--change", "1", " "], ExitCode.INVALID, "empty"),
        ("held", ["--change", "1", "anta", "--remove", "1"], ExitCode.INVALID, "twice"),
        ("held", ["--change", "x", "anta"], ExitCode.USAGE, ""),
        ("planned", ["--add", "anta listan"], ExitCode.RULE, "not recorded as held"),
        ("adjusted", ["--remove", "1"], ExitCode.RULE, "justerat on 2025-04-15"),
    ],
)
def test_a_refused_decision_correction_changes_nothing(
    run: Run,
    record: dict[str, str],
    db: Db,
    which: str,
    options: list[str],
    code: ExitCode,
    said: str,
) -> None:
    message = assert_fails(run, db, code, "meeting", "decision", record[which], *options)
    assert said in message


def test_a_decision_correction_is_audited(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    ok(run, "meeting", "decision", held, "--change", "1", "anta listan", "--remove", "2")
    entry = last_audit(run)
    assert entry["command"] == f'psi meeting decision {held} --change 1 "anta listan" --remove 2'
    assert {("update", "decision"), ("delete", "decision")} <= audited(run)
    [update] = [c for c in entry["changes"] if c["table"] == "decision" and c["action"] == "update"]
    assert update["changes"]["text"] == {"old": FIRST, "new": "Mötet beslutade att anta listan."}


# --- notes ------------------------------------------------------------------------------------


def test_the_notes_are_replaced(run: Run, record: dict[str, str], tmp_path: Path) -> None:
    held = record["held"]
    path = tmp_path / "nya.txt"
    path.write_text(NOTES.replace("Budgeten gicks igenom.", "Budgeten antogs."), "utf-8")
    out = ok(run, "meeting", "notes", held, str(path))
    assert "notes: § 6" in out
    assert detail(run, held)["minutes"] == NOTES.strip().replace(
        "Budgeten gicks igenom.", "Budgeten antogs."
    )
    assert "Budgeten antogs." in ok(run, "meeting", "minutes", held)
    assert "notes: removed" in ok(run, "meeting", "notes", held, "--clear")
    assert detail(run, held)["minutes"] is None


def test_a_refused_notes_correction_changes_nothing(
    run: Run, record: dict[str, str], db: Db, tmp_path: Path
) -> None:
    held = record["held"]
    wrong = tmp_path / "fel.txt"
    wrong.write_text("§ 9\nText.", "utf-8")
    message = assert_fails(run, db, ExitCode.INVALID, "meeting", "notes", held, str(wrong))
    assert "names § 9" in message
    empty = tmp_path / "tom.txt"
    empty.write_text(" \n", "utf-8")
    assert_fails(run, db, ExitCode.INVALID, "meeting", "notes", held, str(empty))
    assert_fails(run, db, ExitCode.FILE, "meeting", "notes", held, str(tmp_path / "finns-inte"))
    message = assert_fails(run, db, ExitCode.INVALID, "meeting", "notes", held)
    assert "--clear" in message
    assert_fails(run, db, ExitCode.INVALID, "meeting", "notes", held, str(wrong), "--clear")
    assert_fails(run, db, ExitCode.RULE, "meeting", "notes", record["planned"], "--clear")
    assert_fails(run, db, ExitCode.RULE, "meeting", "notes", record["adjusted"], "--clear")


def test_a_notes_correction_is_audited(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    ok(run, "meeting", "notes", held, "--clear")
    entry = last_audit(run)
    assert entry["command"] == f"psi meeting notes {held} --clear"
    [change] = entry["changes"]
    assert change["table"] == "meeting" and change["changes"]["minutes"]["new"] is None


# --- place, time and day of a held meeting ----------------------------------------------------


def test_place_and_time_of_a_held_meeting_are_corrected(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    before = detail(run, held)
    ok(run, "meeting", "edit", held, "--place", "Örebro", "--title", "AU-möte i mars")
    out = ok(run, "meeting", "move", held, "2025-03-12", "--time", "14:00-16:00")
    assert "date: 2025-03-11 → 2025-03-12" in out and "time: 13:00-15:00 → 14:00-16:00" in out
    after = detail(run, held)
    assert (after["place"], after["title"], after["date"], after["start"]) == (
        "Örebro",
        "AU-möte i mars",
        "2025-03-12",
        "14:00",
    )
    assert (after["uid"], after["sequence"]) == (before["uid"], before["sequence"] + 2)
    assert after["status"] == "held" and after["decisions"] == before["decisions"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["move", "{id}", "2099-03-11"], "cannot be after today"),
        (["edit", "{id}", "--item", "Nytt"], "the agenda stays"),
        (["cancel", "{id}", "--reason", "Fel"], "has been held"),
    ],
)
def test_a_held_meeting_keeps_its_past_and_its_agenda(
    run: Run, record: dict[str, str], db: Db, args: list[str], said: str
) -> None:
    filled = [arg.format(id=record["held"]) for arg in args]
    assert said in assert_fails(run, db, ExitCode.RULE, "meeting", *filled)


def test_a_held_meetings_move_is_audited(run: Run, record: dict[str, str]) -> None:
    held = record["held"]
    ok(run, "meeting", "move", held, "2025-03-12")
    [change] = last_audit(run)["changes"]
    assert change["changes"]["day"] == {"old": "2025-03-11", "new": "2025-03-12"}


# --- the justering and the corrections after it -----------------------------------------------


def test_the_justering_is_recorded_and_checked(run: Run, record: dict[str, str], db: Db) -> None:
    held = record["held"]
    for on, said in (("2025-03-10", "before the meeting"), ("2099-01-01", "has not come yet")):
        assert said in assert_fails(run, db, ExitCode.RULE, "meeting", "adjusted", held, "--on", on)
    assert_fails(run, db, ExitCode.RULE, "meeting", "adjusted", record["planned"])
    assert_fails(run, db, ExitCode.INVALID, "meeting", "adjusted", held, "--on", "18/3")
    out = ok(run, "meeting", "adjusted", held)
    assert f"was justerat on {date.today()}" in out
    assert detail(run, held)["adjusted_on"] == date.today().isoformat()
    assert "Justerat" in ok(run, "meeting", "show", held)
    data = as_json(run, "meeting", "adjusted", held, "--on", "2025-03-18")
    assert data["adjusted_on"] == "2025-03-18"
    assert "Datum för justering: 18 mars 2025" in ok(run, "meeting", "minutes", held)
    assert "Cleared" in ok(run, "meeting", "adjusted", held, "--clear")
    assert detail(run, held)["adjusted_on"] is None
    assert last_audit(run)["command"] == f"psi meeting adjusted {held} --clear"


def test_after_justering_a_change_needs_a_reason_and_is_a_correction(
    run: Run, record: dict[str, str], db: Db
) -> None:
    adjusted = record["adjusted"]
    for args in (
        ["attend", adjusted, "ÖFR"],
        ["unattend", adjusted, "activa"],
        ["decision", adjusted, "--remove", "1"],
        ["notes", adjusted, "--clear"],
        ["edit", adjusted, "--place", "Örebro"],
        ["move", adjusted, "2025-04-09"],
    ):
        message = assert_fails(run, db, ExitCode.RULE, "meeting", *args)
        assert 'add --reason "..."' in message
    out = ok(run, "meeting", "attend", adjusted, "ÖFR", "--reason", "Glömd i protokollet")
    assert "Recorded as a correction" in out
    ok(run, "meeting", "edit", adjusted, "--place", "Örebro", "--reason", "Fel lokal")
    corrections = detail(run, adjusted)["corrections"]
    assert [(c["change"], c["reason"]) for c in corrections] == [
        (f"attendance: + {OFR}", "Glömd i protokollet"),
        ("place: 'Kumla' → 'Örebro'", "Fel lokal"),
    ]
    assert {"meeting_correction"} <= {c["table"] for c in last_audit(run)["changes"]}
    # A change that changes nothing needs no reason and records nothing.
    assert "nothing changed" in ok(run, "meeting", "attend", adjusted, "ÖFR")
    # With corrections recorded, the justering stays.
    message = assert_fails(run, db, ExitCode.RULE, "meeting", "adjusted", adjusted, "--clear")
    assert "2 correction(s)" in message


def test_a_reason_before_the_justering_records_no_correction(
    run: Run, record: dict[str, str]
) -> None:
    held = record["held"]
    said = warned(run, "meeting", "attend", held, "ÖFR", "--reason", "Glömd")
    assert "not justerat, so no correction was recorded" in said
    assert detail(run, held)["corrections"] == []


class _FixedClock(datetime):
    """`datetime` whose now() is CORRECTED_AT, for the service that stamps corrections."""

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _FixedClock:
        return cls.fromtimestamp(CORRECTED_AT.timestamp(), tz)


def correct_everything(run: Run, meeting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One correction of each kind, made on a fixed day."""
    monkeypatch.setattr("psi.services.meetings.datetime", _FixedClock)
    ok(run, "meeting", "attend", meeting, f"ÖFR:{PERSON}", "--reason", "Glömd i protokollet")
    ok(run, "meeting", "decision", meeting, "--change", "2", "godkänna budgeten med ändringar",
       "--reason", "Fel ordalydelse")  # fmt: skip
    ok(run, "meeting", "move", meeting, "2025-04-08", "--time", "14:00-16:00",
       "--reason", "Mötet började senare")  # fmt: skip


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_minutes_show_the_corrections(
    run: Run, record: dict[str, str], monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    adjusted = record["adjusted"]
    correct_everything(run, adjusted, monkeypatch)
    markdown = ok(run, "meeting", "minutes", adjusted, "--lang", lang, "--chair", "Cecilia Ceder",
                  "--secretary", "Bo Berg", "--adjuster", "David Dahl")  # fmt: skip
    assert_snapshot(f"minutes-corrections.{lang}.md", markdown)
    heading = "## Rättelser" if lang == "sv" else "## Corrections"
    assert markdown.count(heading) == 1
    assert markdown.rstrip().endswith("| Mötet började senare |")
    notes = ok(run, "meeting", "minutes", adjusted, "--as", "notes", "--lang", lang)
    assert heading in notes and "Fel ordalydelse" in notes


def test_minutes_with_corrections_as_pdf(
    run: Run, record: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.helpers import pdf_text

    adjusted = record["adjusted"]
    correct_everything(run, adjusted, monkeypatch)
    target = tmp_path / "protokoll.pdf"
    ok(run, "meeting", "minutes", adjusted, "--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    assert "Rättelser" in text and "Glömd i protokollet" in text
    assert "Datum för justering: 15 april 2025" in text


# --- reinstating a cancelled meeting ----------------------------------------------------------


def test_a_cancelled_meeting_is_reinstated(
    run: Run, record: dict[str, str], tmp_path: Path
) -> None:
    cancelled = record["cancelled"]
    before = detail(run, cancelled)
    said = warned(run, "meeting", "reinstate", cancelled)
    assert "2025-10-14 has passed" in said and "psi status" in said
    after = detail(run, cancelled)
    assert (after["status"], after["cancel_reason"], after["uid"], after["sequence"]) == (
        "planned",
        None,
        before["uid"],
        before["sequence"] + 1,
    )
    target = tmp_path / "psi.ics"
    ok(run, "meeting", "ics", "2025", "-o", str(target))
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    [event] = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == before["uid"]]
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CONFIRMED", after["sequence"])
    assert listed_stormoten(run) == 1


def listed_stormoten(run: Run) -> int:
    counts: dict[str, int] = as_json(run, "meeting", "list", "2025")["counts"]
    return counts["stormoten_planned"]


def test_a_future_meeting_is_reinstated_without_a_warning(run: Run, record: dict[str, str]) -> None:
    planned = record["planned"]
    ok(run, "meeting", "cancel", planned, "--reason", "Ingen lokal")
    assert "is planned again" in ok(run, "meeting", "reinstate", planned)
    assert as_json(run, "meeting", "show", planned)["status"] == "planned"


@pytest.mark.parametrize(
    ("which", "code"),
    [("planned", ExitCode.RULE), ("held", ExitCode.RULE), ("missing", ExitCode.NOT_FOUND)],
)
def test_only_a_cancelled_meeting_is_reinstated(
    run: Run, record: dict[str, str], db: Db, which: str, code: ExitCode
) -> None:
    assert_fails(run, db, code, "meeting", "reinstate", record.get(which, "999"))


def test_a_reinstatement_is_audited(run: Run, record: dict[str, str]) -> None:
    cancelled = record["cancelled"]
    run("meeting", "reinstate", cancelled)
    entry = last_audit(run)
    assert entry["command"] == f"psi meeting reinstate {cancelled}"
    [change] = entry["changes"]
    assert change["changes"]["status"] == {"old": "cancelled", "new": "planned"}
    assert change["changes"]["cancel_reason"] == {"old": "För få anmälda", "new": None}


# --- nothing twice by accident; odd dates -----------------------------------------------------


def test_a_second_meeting_of_the_kind_that_day_needs_also(
    run: Run, record: dict[str, str], db: Db
) -> None:
    planned = record["planned"]
    message = assert_fails(run, db, ExitCode.CONFLICT, "meeting", "add", "au", "2099-03-10")
    assert f"meeting {planned} (AU-möte)" in message and f"psi meeting edit {planned}" in message
    add_meeting(run, "msi", "2099-03-10")  # another kind that day is fine
    add_meeting(run, "au", "2099-03-10", "--also")
    assert last_audit(run)["command"] == "psi meeting add au 2099-03-10 --also"
    # A cancelled meeting does not stand in the way.
    add_meeting(run, "stormote", "2025-10-14")


@pytest.mark.parametrize(
    ("which", "day", "said"),
    [
        ("planned", "2098-03-11", "is in 2098, not 2099"),
        ("cancelled", "2025-07-08", "summer break"),
        ("cancelled", "2025-12-22", "Christmas break"),
        ("planned", "2099-12-24", "not a working day (Julafton)"),
    ],
)
def test_a_move_to_an_odd_date_warns_and_moves(
    run: Run, record: dict[str, str], which: str, day: str, said: str
) -> None:
    meeting = record[which]
    if which == "cancelled":  # a stormöte to move
        meeting = str(add_meeting(run, "stormote", "2099-05-12"))
        day = day.replace("2025", "2099")
    assert said in warned(run, "meeting", "move", meeting, day)
    assert detail(run, meeting)["date"] == day
