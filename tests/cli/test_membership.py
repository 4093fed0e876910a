"""One membership rule through the command line: `org list`, `org show`, `status`, the member
report, the rotation and the activity list agree on who is a member, at the edges.

An organisation is a member up to and including its left date. `psi org leave` records the
status `former` at once, so a leave date still to come used to drop the organisation from
`org list` while `status` still counted it. The commands read today's date, so these tests
pick their dates relative to it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run
from tests.helpers import as_json, candidate_names, ok, org_list, org_names, org_show

BRON = "Exempelstiftelsen Bron (exempel)"
AVSLUTAD = "Exempelföreningen Avslutad (exempel)"
# psi/data/example.json: 39 members (every one joined by 2025-03-15, none with a left date),
# and one former member, Avslutad.
MEMBERS_IN_EXAMPLE = 39


def status_members(run: Run, year: int | None = None) -> dict[str, Any]:
    """The `members` part of `psi status --json`."""
    data: dict[str, Any] = as_json(run, "status", *([str(year)] if year else []))["members"]
    return data


def member_report(run: Run, *options: str) -> str:
    """`psi report members` as English Markdown."""
    return ok(run, "report", "members", "--lang", "en", *options)


def leave_bron(run: Run, on: date | None) -> None:
    """`psi org leave Bron`, on the day given or (without --on) today."""
    ok(run, "org", "leave", "Bron", *(["--on", on.isoformat()] if on else []))


# --- a leave date still to come ---------------------------------------------------------------


@pytest.mark.parametrize("days_ahead", [1, 30])
def test_a_future_leave_date_keeps_it_a_member_until_that_day(
    run: Run, example_db: Path, days_ahead: int
) -> None:
    on = date.today() + timedelta(days_ahead)
    said = ok(run, "org", "leave", "Bron", "--on", on.isoformat())
    assert f"leaves on {on.isoformat()}; it is a member until then" in said
    assert BRON in org_names(run)
    assert BRON in org_names(run, "--status", "active")
    members = {org["name"]: org for org in org_list(run, "--status", "member")}
    assert (members[BRON]["status"], members[BRON]["left"]) == ("member", on.isoformat())
    assert BRON not in org_names(run, "--status", "former")
    table = ok(run, "org", "list", "--status", "member")
    assert "Exempelstiftelsen Bron" in table
    assert f"{MEMBERS_IN_EXAMPLE} organisations." in table
    assert (org_show(run, "Bron")["status"], org_show(run, "Bron")["left"]) == (
        "member",
        on.isoformat(),
    )
    assert status_members(run)["now"] == MEMBERS_IN_EXAMPLE
    assert BRON in member_report(run)
    assert f"{MEMBERS_IN_EXAMPLE} member organisations." in member_report(run)


def test_leaving_today_keeps_it_a_member_for_the_rest_of_today(run: Run, example_db: Path) -> None:
    # The left date is the last day of membership.
    leave_bron(run, None)
    assert org_show(run, "Bron")["left"] == date.today().isoformat()
    assert BRON in org_names(run, "--status", "member")
    assert status_members(run)["now"] == MEMBERS_IN_EXAMPLE
    assert BRON in member_report(run)


def test_a_past_leave_date_makes_it_a_former_member(run: Run, example_db: Path) -> None:
    leave_bron(run, date.today() - timedelta(1))
    assert BRON not in org_names(run)
    assert BRON not in org_names(run, "--status", "member")
    assert org_names(run, "--status", "former") == sorted([AVSLUTAD, BRON])
    assert org_show(run, "Bron")["status"] == "former"
    assert status_members(run)["now"] == MEMBERS_IN_EXAMPLE - 1
    assert BRON not in member_report(run)


@pytest.mark.parametrize("days_ahead", [-1, 0, 1, 30])
def test_org_list_and_status_count_the_same_members(
    run: Run, example_db: Path, days_ahead: int
) -> None:
    leave_bron(run, date.today() + timedelta(days_ahead))
    listed_members = org_list(run, "--status", "member")
    assert {org["status"] for org in listed_members} == {"member"}
    assert len(listed_members) == status_members(run)["now"]
    assert len(listed_members) + len(org_names(run, "--status", "former")) == MEMBERS_IN_EXAMPLE + 1


def test_an_export_keeps_a_future_leave_as_recorded(run: Run, example_db: Path) -> None:
    on = date.today() + timedelta(30)
    leave_bron(run, on)
    rows = {row["name"]: row for row in json.loads(ok(run, "org", "export", "--format", "json"))}
    assert (rows[BRON]["status"], rows[BRON]["left"]) == ("former", on.isoformat())


# --- 31 December and 1 January ----------------------------------------------------------------


def test_leaving_on_31_december_is_a_member_at_the_end_of_that_year(
    run: Run, example_db: Path
) -> None:
    # Avslutad left on 2024-12-31: the rotation counted it a member in 2024, the member
    # report of 2024 did not.
    assert AVSLUTAD in candidate_names(run, 2024)
    assert AVSLUTAD in member_report(run, "--year", "2024")
    assert AVSLUTAD not in member_report(run, "--year", "2025")
    assert AVSLUTAD not in candidate_names(run, 2025)
    assert status_members(run, 2024)["left"] == [AVSLUTAD]


def test_a_future_leave_on_31_december_still_lets_it_coordinate_that_year(
    run: Run, example_db: Path
) -> None:
    year = date.today().year
    ok(run, "org", "leave", "Lagret", "--on", f"{year}-12-31")
    lagret = "Exempelkooperativet Lagret (exempel)"
    assert lagret in candidate_names(run, year)
    assert lagret not in candidate_names(run, year + 1)
    assert lagret in org_names(run, "--status", "member")


def _asks(run: Run, year: int, org: str) -> int:
    result = run("activity", "add", str(year), f"Önskad aktivitet {year}", "--requested-by", org)
    return result.exit_code


def test_a_requester_that_left_on_1_january_was_a_member_that_year(
    run: Run, example_db: Path
) -> None:
    leave_bron(run, date(2026, 1, 1))
    assert _asks(run, 2026, "Bron") == ExitCode.OK
    assert _asks(run, 2027, "Bron") == ExitCode.RULE


def test_a_requester_that_left_on_31_december_was_not_a_member_the_next_year(
    run: Run, example_db: Path
) -> None:
    leave_bron(run, date(2025, 12, 31))
    assert _asks(run, 2025, "Bron") == ExitCode.OK
    assert _asks(run, 2026, "Bron") == ExitCode.RULE


@pytest.mark.parametrize("joined", ["2026-01-01", "2026-12-31"])
def test_a_requester_is_a_member_from_the_year_it_joins(
    run: Run, example_db: Path, joined: str
) -> None:
    ok(run, "org", "add", "Nya Föreningen", "--sector", "civil-society", "--joined", joined)
    assert _asks(run, 2025, "Nya Föreningen") == ExitCode.RULE
    assert _asks(run, 2026, "Nya Föreningen") == ExitCode.OK
    assert _asks(run, 2027, "Nya Föreningen") == ExitCode.OK
