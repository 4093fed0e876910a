"""Attendance with a contact person, and what forgetting that person leaves behind."""

from __future__ import annotations

import json
from pathlib import Path

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import add_meeting


def held_meeting(run: Run) -> str:
    return str(add_meeting(run, "au", "2026-11-17"))


def test_attendance_can_name_the_contact_person(run: Run, example_db: Path) -> None:
    meeting = held_meeting(run)
    result = run(
        "meeting",
        "held",
        meeting,
        "--attended",
        "exempelgården:anna exempelsson",
        "--attended",
        "activa",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(run("meeting", "show", meeting, "--json").stdout)
    assert {
        "organisation": "Föreningen Exempelgården (exempel)",
        "contact": "Anna Exempelsson",
    } in shown["attended"]
    assert {"organisation": "Stiftelsen Activa", "contact": None} in shown["attended"]
    assert (
        "Anna Exempelsson, Föreningen Exempelgården (exempel)"
        in run("meeting", "minutes", meeting).stdout
    )


def test_an_unknown_contact_person_is_refused_and_nothing_written(
    run: Run, example_db: Path
) -> None:
    meeting = held_meeting(run)
    before = dump(example_db)
    result = run("meeting", "held", meeting, "--attended", "exempelgården:Ingen Alls")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "psi contact add" in result.stderr
    assert dump(example_db) == before


def test_forgetting_a_person_keeps_the_attendance_but_not_the_person(
    run: Run, example_db: Path
) -> None:
    meeting = held_meeting(run)
    run("meeting", "held", meeting, "--attended", "exempelgården:Anna Exempelsson")
    assert run("contact", "forget", "anna.exempelsson@example.org", "--yes").exit_code == 0
    shown = json.loads(run("meeting", "show", meeting, "--json").stdout)
    assert shown["attended"] == [
        {"organisation": "Föreningen Exempelgården (exempel)", "contact": None}
    ]
    assert "Anna Exempelsson" not in json.dumps(dump(example_db), ensure_ascii=False, default=str)
