"""psi status: one screen on where the year stands, and the hints that name the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from psi.domain import duties
from psi.services.yearly import year_facts
from tests.conftest import Run, dump


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
        "1. The working committee's meetings",
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
    facts = year_facts([], [], [], _no_members())
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
