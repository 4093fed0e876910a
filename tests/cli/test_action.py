"""`psi action add/list/done` through the command line, and open items on the next agenda."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, record_once, restored
from tests.helpers import (
    ACTIVA,
    OFR,
    add_meeting,
    add_orgs,
    as_json,
    assert_fails,
    hold_meeting,
    meeting_detail,
    ok,
)

ACTION_KEYS = {"id", "meeting_id", "meeting", "meeting_date", "text", "owner", "due", "done"}
ADDED = re.compile(r"^Added action item (\d+) for (.+), due (\d{4}-\d{2}-\d{2})\.$", re.MULTILINE)


def add_action(run: Run, meeting_id: int, text: str, owner: str, due: str) -> int:
    """`psi action add MEETING TEXT --owner ORG --due DATE`; the new item's number."""
    out = ok(run, "action", "add", str(meeting_id), text, "--owner", owner, "--due", due)
    match = ADDED.search(out)
    assert match is not None, out
    return int(match.group(1))


def actions(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi action list ... --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "action", "list", *options)
    return data


def texts(run: Run, *options: str) -> list[str]:
    """The texts of the listed action items, in order."""
    return [item["text"] for item in actions(run, *options)]


def agenda(run: Run, meeting_id: int) -> str:
    """The kallelse of a meeting, as Markdown."""
    return ok(run, "meeting", "agenda", str(meeting_id))


def build_meetings(run: Run, folder: Path) -> dict[str, int]:
    """Three AU meetings and a stormöte in 2025; the first held, with three action items."""
    add_orgs(run)
    ids = {
        "au1": add_meeting(run, "au", "2025-02-11", "--item", "Aktivitetslistan"),
        "au2": add_meeting(run, "au", "2025-03-11", "--item", "Budget"),
        "stormote": add_meeting(run, "stormote", "2025-03-20"),
        "au3": add_meeting(run, "au", "2025-04-08"),
    }
    hold_meeting(run, ids["au1"], "--attended", "activa")
    ids["lokal"] = add_action(run, ids["au1"], "Boka lokal till stormötet", OFR, "2025-03-01")
    ids["inbjudan"] = add_action(run, ids["au1"], "Skicka inbjudan", "activa", "2099-01-01")
    ids["webben"] = add_action(run, ids["au1"], "Uppdatera webben", "ÖFR", "2025-02-20")
    ok(run, "action", "done", str(ids["webben"]), "--on", "2025-02-19")
    return ids


meetings_template = record_once(build_meetings)
"""The meetings and action items, built once."""


@pytest.fixture
def meetings(run: Run, db: Db, meetings_template: tuple[Db, dict[str, int]]) -> dict[str, int]:
    """This test's copy of the meetings and action items; their numbers by name."""
    return restored(meetings_template, db)


def test_add_stores_owner_due_and_meeting(run: Run, meetings: dict[str, int]) -> None:
    out = ok(
        run, "action", "add", str(meetings["au2"]), "Ring Regional utveckling",
        "--owner", "orebro fo", "--due", "2025-03-31",
    )  # fmt: skip
    match = ADDED.search(out)
    assert match is not None, out
    assert match.groups()[1:] == (OFR, "2025-03-31")
    item = next(i for i in actions(run) if i["id"] == int(match.group(1)))
    assert set(item) == ACTION_KEYS
    assert item == {
        "id": int(match.group(1)),
        "meeting_id": meetings["au2"],
        "meeting": "AU-möte",
        "meeting_date": "2025-03-11",
        "text": "Ring Regional utveckling",
        "owner": OFR,
        "due": "2025-03-31",
        "done": None,
    }
    shown = meeting_detail(run, meetings["au2"])["action_items"]
    assert [a["text"] for a in shown] == ["Ring Regional utveckling"]


def test_list_all_open_and_overdue(run: Run, meetings: dict[str, int]) -> None:
    assert texts(run) == ["Uppdatera webben", "Boka lokal till stormötet", "Skicka inbjudan"]
    assert texts(run, "--open") == ["Boka lokal till stormötet", "Skicka inbjudan"]
    assert texts(run, "--overdue") == ["Boka lokal till stormötet"]
    assert texts(run, "--open", "--overdue") == ["Boka lokal till stormötet"]
    done = next(i for i in actions(run) if i["id"] == meetings["webben"])
    assert (done["done"], done["owner"]) == ("2025-02-19", OFR)
    table = ok(run, "action", "list")
    lines = {line.split()[0]: line for line in table.splitlines()[1:]}
    assert lines[str(meetings["lokal"])].rstrip().endswith("overdue")
    assert lines[str(meetings["inbjudan"])].rstrip().endswith("open")
    assert lines[str(meetings["webben"])].rstrip().endswith("done 2025-02-19")
    assert "2025-02-11 AU-möte" in lines[str(meetings["lokal"])]


def test_list_empty(run: Run, empty_db: Path) -> None:
    assert actions(run) == []
    assert "No action items match." in ok(run, "action", "list", "--overdue")


def test_done_then_done_again(run: Run, meetings: dict[str, int], db: Db) -> None:
    lokal = str(meetings["lokal"])
    assert f"Action item {lokal} is done (Boka lokal till stormötet)." in ok(
        run, "action", "done", lokal
    )
    item = next(i for i in actions(run) if i["id"] == meetings["lokal"])
    assert item["done"] == date.today().isoformat()
    assert texts(run, "--open") == ["Skicka inbjudan"]
    assert texts(run, "--overdue") == []
    message = assert_fails(run, db, ExitCode.RULE, "action", "done", lokal)
    assert "already done" in message
    assert_fails(run, db, ExitCode.RULE, "action", "done", str(meetings["webben"]))


def test_refusals(run: Run, meetings: dict[str, int], db: Db) -> None:
    au2 = str(meetings["au2"])
    for code, args in (
        (ExitCode.NOT_FOUND, ["done", "999"]),
        (ExitCode.NOT_FOUND, ["add", "999", "Boka lokal", "--owner", OFR, "--due", "2025-04-01"]),
        (ExitCode.NOT_FOUND, ["add", au2, "Boka lokal", "--owner", "Ingen sådan", "--due", "2025-04-01"]),
        (ExitCode.NOT_FOUND, ["add", au2, "Boka lokal", "--owner", "exempelföreningen", "--due", "2025-04-01"]),
        (ExitCode.INVALID, ["add", au2, "Boka lokal", "--owner", OFR, "--due", "2025-04-31"]),
        (ExitCode.INVALID, ["add", au2, "Boka lokal", "--owner", OFR, "--due", "1 april"]),
        (ExitCode.INVALID, ["add", au2, " ", "--owner", OFR, "--due", "2025-04-01"]),
        (ExitCode.INVALID, ["done", str(meetings["lokal"]), "--on", "2025-02-30"]),
        (ExitCode.USAGE, ["add", au2, "Boka lokal", "--due", "2025-04-01"]),
        (ExitCode.USAGE, ["add", au2, "Boka lokal", "--owner", OFR]),
        (ExitCode.USAGE, ["done", "sju"]),
    ):  # fmt: skip
        assert_fails(run, db, code, "action", *args)
    assert texts(run, "--open") == ["Boka lokal till stormötet", "Skicka inbjudan"]


def test_open_items_of_an_earlier_au_meeting_go_on_the_next_au_agenda(
    run: Run, meetings: dict[str, int]
) -> None:
    next_au = agenda(run, meetings["au2"])
    assert "Öppna åtgärdspunkter från tidigare möten" in next_au
    assert "Boka lokal till stormötet (ansvarig: Örebro Föreningsråd, klart senast 2025-03-01)" in (
        next_au
    )
    assert "Skicka inbjudan (ansvarig: Stiftelsen Activa, klart senast 2099-01-01)" in next_au
    assert "Uppdatera webben" not in next_au  # done
    open_before = meeting_detail(run, meetings["au2"])["open_items_from_earlier"]
    assert [a["id"] for a in open_before] == [meetings["lokal"], meetings["inbjudan"]]
    english = ok(run, "meeting", "agenda", str(meetings["au2"]), "--lang", "en")
    assert "Open action items from earlier meetings" in english
    assert "Skicka inbjudan (owner: Stiftelsen Activa, due 2099-01-01)" in english
    # Not on a stormöte's agenda, nor on the agenda of the meeting that decided them.
    for other in (meetings["stormote"], meetings["au1"]):
        text = agenda(run, other)
        assert "Boka lokal" not in text and "Skicka inbjudan" not in text
        assert "Öppna åtgärdspunkter" not in text
        assert meeting_detail(run, other)["open_items_from_earlier"] == []
    # Still open at the meeting after next; once done, gone.
    assert "Boka lokal till stormötet" in agenda(run, meetings["au3"])
    ok(run, "action", "done", str(meetings["lokal"]), "--on", "2025-03-05")
    assert "Boka lokal" not in agenda(run, meetings["au3"])
    assert "Skicka inbjudan" in agenda(run, meetings["au3"])


def test_open_items_of_a_stormote_go_on_the_next_stormote_agenda(
    run: Run, meetings: dict[str, int]
) -> None:
    later = add_meeting(run, "stormote", "2025-10-14")
    add_action(run, meetings["stormote"], "Sammanställ utvärderingen", ACTIVA, "2025-04-30")
    assert "Sammanställ utvärderingen" in agenda(run, later)
    assert "Sammanställ utvärderingen" not in agenda(run, meetings["au3"])
    assert "Boka lokal" not in agenda(run, later)


# --- correcting action items ------------------------------------------------------------------


def item(run: Run, item_id: int) -> dict[str, Any]:
    """One action item from `psi action list --json`."""
    [found] = [i for i in actions(run) if i["id"] == item_id]
    return found


def last_audit(run: Run) -> dict[str, Any]:
    """The newest entry of `psi audit --json`."""
    entries: list[dict[str, Any]] = as_json(run, "audit")
    return entries[-1]


def test_edit_corrects_text_owner_and_due(run: Run, meetings: dict[str, int]) -> None:
    lokal = meetings["lokal"]
    out = ok(run, "action", "edit", str(lokal), "--text", "Boka lokalen", "--owner", "activa",
             "--due", "2025-03-05")  # fmt: skip
    assert out.startswith(f"Changed the text and owner and due date of action item {lokal}")
    assert (item(run, lokal)["text"], item(run, lokal)["owner"], item(run, lokal)["due"]) == (
        "Boka lokalen",
        ACTIVA,
        "2025-03-05",
    )
    shown = as_json(run, "action", "edit", str(lokal), "--owner", "ÖFR")
    assert shown == item(run, lokal) and shown["owner"] == OFR
    assert "nothing changed" in ok(run, "action", "edit", str(lokal), "--owner", "ÖFR")


def test_remove_deletes_and_the_number_is_not_given_again(
    run: Run, meetings: dict[str, int]
) -> None:
    inbjudan = meetings["inbjudan"]
    assert "Deleted action item" in ok(run, "action", "remove", str(inbjudan), "--yes")
    assert inbjudan not in [i["id"] for i in actions(run)]
    new = add_action(run, meetings["au1"], "Ny punkt", "activa", "2025-05-01")
    assert new > max(meetings["lokal"], meetings["inbjudan"], meetings["webben"])


def test_reopen_a_done_item(run: Run, meetings: dict[str, int]) -> None:
    webben = meetings["webben"]
    assert "is open again" in ok(run, "action", "reopen", str(webben))
    assert item(run, webben)["done"] is None
    assert "Uppdatera webben" in texts(run, "--open")
    ok(run, "action", "done", str(webben), "--on", "2025-02-21")
    assert item(run, webben)["done"] == "2025-02-21"


def test_refused_corrections_change_nothing(run: Run, meetings: dict[str, int], db: Db) -> None:
    lokal = str(meetings["lokal"])
    for code, args in (
        (ExitCode.INVALID, ["edit", lokal]),
        (ExitCode.INVALID, ["edit", lokal, "--text", " "]),
        (ExitCode.INVALID, ["edit", lokal, "--due", "1/3"]),
        (ExitCode.NOT_FOUND, ["edit", lokal, "--owner", "Ingen sådan"]),
        (ExitCode.NOT_FOUND, ["edit", "999", "--text", "x"]),
        (ExitCode.NOT_FOUND, ["remove", "999", "--yes"]),
        (ExitCode.ABORTED, ["remove", lokal]),  # no terminal to answer: --yes is named
        (ExitCode.RULE, ["reopen", lokal]),  # not done
        (ExitCode.NOT_FOUND, ["reopen", "999"]),
    ):
        assert_fails(run, db, code, "action", *args)
    message = assert_fails(run, db, ExitCode.RULE, "action", "reopen", lokal)
    assert f"psi action done {lokal}" in message


def test_corrections_are_audited(run: Run, meetings: dict[str, int]) -> None:
    lokal, webben = meetings["lokal"], meetings["webben"]
    ok(run, "action", "edit", str(lokal), "--due", "2025-03-05")
    entry = last_audit(run)
    assert entry["command"] == f"psi action edit {lokal} --due 2025-03-05"
    assert entry["changes"] == [
        {
            "action": "update",
            "table": "action_item",
            "id": lokal,
            "changes": {"due_on": {"old": "2025-03-01", "new": "2025-03-05"}},
        }
    ]
    ok(run, "action", "reopen", str(webben))
    assert last_audit(run)["changes"][0]["changes"]["done_on"]["new"] is None
    ok(run, "action", "remove", str(lokal), "--yes")
    assert last_audit(run)["changes"][0]["action"] == "delete"
