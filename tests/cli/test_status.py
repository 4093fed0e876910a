"""psi status: one screen on where the year stands, and the hints that name the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from psi.domain import duties
from psi.services.yearly import year_facts
from tests.conftest import Run, dump
from tests.helpers import ACTIVA, MEETING_ADDED, as_json, hold_meeting, ok


def test_status_on_the_example_names_every_part(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    result = run("status", "2026")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for fragment in (
        "Coordinators: Örebro Föreningsråd (continuing)",
        "Action items:",
        "Activities:",
        "Members:",
        "Budget: grant 200\u00a0000\u00a0kr",
        "Duties:",
        "1. Plan and lead the working committee's meetings",
        "Meetings: 10 of 11 planned AU meetings have been held",
        "6. Information on the website and social media",
    ):
        assert fragment in out, fragment
    assert dump(example_db) == before  # it reads only


def test_status_json_has_every_section(run: Run, example_db: Path) -> None:
    data = json.loads(run("status", "2025", "--json").stdout)
    assert data["year"] == 2025
    assert data["share_of_year"] == 1.0
    assert {c["organisation"] for c in data["coordinators"]} == {
        "Stiftelsen Activa",
        "Örebro Föreningsråd",
    }
    assert data["budget"]["grant"]["ore"] == 20_000_000
    assert [d["number"] for d in data["duties"]] == [1, 2, 3, 4, 5, 6]
    assert {d["verdict"] for d in data["duties"]} <= {"met", "partly met", "not met"}
    for key in ("next_meetings", "action_items", "activities", "members", "log", "hints"):
        assert key in data


def test_status_and_followup_judge_the_duties_alike(run: Run, example_db: Path) -> None:
    status = json.loads(run("status", "2025", "--json").stdout)
    followup = run("report", "followup", "2025", "--lang", "en").stdout
    for duty in status["duties"]:
        row = next(
            line for line in followup.splitlines() if line.startswith(f"| {duty['number']}. ")
        )
        assert f"**{duty['verdict']}**" in row


def test_status_of_an_empty_register_says_how_to_start(run: Run, empty_db: Path) -> None:
    result = run("status")
    assert result.exit_code == 0
    assert "init --example" in result.stdout
    assert "psi org import" in result.stdout


def test_status_refuses_a_bad_year(run: Run, example_db: Path) -> None:
    result = run("status", "1800")
    assert result.exit_code == 4
    assert result.stderr.startswith("Error:")


def test_a_running_year_is_on_track_or_behind_never_not_met() -> None:
    facts = year_facts(2026, date(2026, 7, 1), [], [], [], _no_members(), duties.Criteria())
    running = duties.assess(facts, share_of_year=0.5)
    assert {d.verdict for d in running} <= {duties.Verdict.ON_TRACK, duties.Verdict.BEHIND}
    finished = duties.assess(facts, share_of_year=1.0)
    assert {d.verdict for d in finished} == {duties.Verdict.NOT_MET}


def _no_members() -> object:
    from psi.services.yearly import MemberCounts

    return MemberCounts(0, 0, 0, [], [], 0, 0)


def test_the_rotation_hint_appears_from_october(run: Run, example_db: Path) -> None:
    data = json.loads(run("status", str(date.today().year), "--json").stdout)
    hinted = any("psi rotate" in hint for hint in data["hints"])
    assert hinted == (date.today().month >= 10 and len(data["next_year_coordinators"]) < 2)


def _register_without_coordinators(run: Run) -> None:
    """A register that is not empty (one organisation) but records nothing else."""
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society")


def add_meeting(run: Run, kind: str, day: str, *options: str) -> int:
    """`psi meeting add KIND DATE ...` on any day (a weekend or holiday only warns); its number."""
    result = run("meeting", "add", kind, day, *options)
    assert result.exit_code == 0, result.output
    match = MEETING_ADDED.search(result.stdout)
    assert match is not None, result.stdout
    return int(match.group(1))


def _still_planned_hints(hints: list[str]) -> list[str]:
    return [hint for hint in hints if "still planned" in hint]


def test_a_past_meeting_still_planned_names_the_commands_that_settle_it(
    run: Run, empty_db: Path
) -> None:
    _register_without_coordinators(run)
    year = date.today().year - 1  # every day of last year is past, whatever day the test runs
    held = add_meeting(run, "au", f"{year}-03-10")
    cancelled = add_meeting(run, "stormote", f"{year}-05-20", "--title", "Vårens stormöte")
    data = as_json(run, "status", str(year))
    assert data["past_planned_meetings"] == [
        {"id": held, "day": f"{year}-03-10", "kind": "au", "title": "AU-möte"},
        {"id": cancelled, "day": f"{year}-05-20", "kind": "stormote", "title": "Vårens stormöte"},
    ]
    assert _still_planned_hints(data["hints"]) == [
        f"Meeting {held} on {year}-03-10 (AU-möte) is still planned: "
        f'record it with psi meeting held {held}, or psi meeting cancel {held} --reason "TEXT"',
        f"Meeting {cancelled} on {year}-05-20 (Vårens stormöte) is still planned: "
        f"record it with psi meeting held {cancelled}, "
        f'or psi meeting cancel {cancelled} --reason "TEXT"',
    ]
    # In the order a coordinator acts: who coordinates, the meetings, then the rest.
    hints = data["hints"]
    first_meeting = hints.index(_still_planned_hints(hints)[0])
    assert hints[first_meeting - 1].startswith("No coordinators recorded")
    assert hints[first_meeting + 2].startswith("No grant recorded")
    assert f"→ Meeting {held} on {year}-03-10 (AU-möte) is still planned" in ok(
        run, "status", str(year)
    )

    hold_meeting(run, held)
    data = as_json(run, "status", str(year))
    assert [m["id"] for m in data["past_planned_meetings"]] == [cancelled]
    assert [f"Meeting {cancelled} on" in hint for hint in _still_planned_hints(data["hints"])] == [
        True
    ]
    ok(run, "meeting", "cancel", str(cancelled), "--reason", "För få anmälda")
    data = as_json(run, "status", str(year))
    assert data["past_planned_meetings"] == []
    assert _still_planned_hints(data["hints"]) == []


def test_a_meeting_from_today_on_is_not_past(run: Run, empty_db: Path) -> None:
    _register_without_coordinators(run)
    today = date.today()
    add_meeting(run, "au", today.isoformat())
    add_meeting(run, "stormote", f"{today.year + 1}-03-10")
    for year in (today.year, today.year + 1):
        data = as_json(run, "status", str(year))
        assert data["past_planned_meetings"] == [], year
        assert _still_planned_hints(data["hints"]) == [], year


def test_many_past_planned_meetings_name_three_and_count_the_rest(run: Run, empty_db: Path) -> None:
    _register_without_coordinators(run)
    year = date.today().year - 1
    ids = [add_meeting(run, "au", f"{year}-{month:02}-10") for month in range(2, 7)]
    data = as_json(run, "status", str(year))
    assert [m["id"] for m in data["past_planned_meetings"]] == ids
    named, more = _still_planned_hints(data["hints"])[:3], _still_planned_hints(data["hints"])[3:]
    assert [hint.split(" on ")[0] for hint in named] == [f"Meeting {i}" for i in ids[:3]]
    assert more == [
        f"2 more past meetings are still planned in {year}: "
        f"psi meeting list {year} --status planned"
    ]
    hold_meeting(run, ids[0])
    hints = _still_planned_hints(as_json(run, "status", str(year))["hints"])
    assert hints[-1] == (
        f"1 more past meeting is still planned in {year}: psi meeting list {year} --status planned"
    )


def test_a_year_without_coordinators_says_to_rotate(run: Run, empty_db: Path) -> None:
    _register_without_coordinators(run)
    this = date.today().year
    hints = as_json(run, "status")["hints"]  # the current year by default
    assert hints[0] == f"No coordinators recorded for {this}: psi rotate {this}"
    assert f"→ No coordinators recorded for {this}: psi rotate {this}" in ok(run, "status")


def test_a_year_with_coordinators_has_no_coordinator_hint(run: Run, example_db: Path) -> None:
    hints = as_json(run, "status", "2025")["hints"]
    assert not any(hint.startswith("No coordinators") for hint in hints)


def test_a_year_with_one_coordinator_asks_for_the_second(run: Run, example_db: Path) -> None:
    # The example records Örebro Föreningsråd for 2026 and no newcomer yet.
    hints = json.loads(run("status", "2026", "--json").stdout)["hints"]
    assert (
        "2026 has one coordinator recorded; appoint the second: psi rotate 2026, then "
        "psi rotate 2026 --appoint ORG" in hints
    )
    complete = json.loads(run("status", "2025", "--json").stdout)["hints"]
    assert not any("one coordinator" in hint for hint in complete)
