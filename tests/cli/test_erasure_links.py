"""`psi contact forget` of a person who sits on the AU or was sent invitations: the seat stays
with nobody named, the record of whom an invitation reached goes, and the erasure says both
before it asks and after it is done."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import select

from psi import storage
from psi.errors import Conflict, ExitCode
from psi.location import locate_db
from psi.models import Invitation, InvitationRecipient
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, ok

ANNA = ("Anna Exempelsson", "anna.exempelsson@example.org", "019-00 00 01")
ERIK = ("Erik Exempelsson", "erik.exempelsson@example.org")
GARDEN = "Föreningen Exempelgården (exempel)"
BRON = "Exempelstiftelsen Bron (exempel)"


def seat(run: Run, year: int, organisation: str) -> dict[str, Any]:
    seats: list[dict[str, Any]] = as_json(run, "au", "list", str(year))
    [found] = [s for s in seats if s["organisation"] == organisation]
    return found


def cells_mentioning(db: Db, *needles: str) -> list[tuple[str, Any]]:
    lowered = [needle.casefold() for needle in needles]
    return [
        (table, cell)
        for table, rows in dump(db).items()
        for row in rows
        for cell in row
        if any(needle in str(cell).casefold() for needle in lowered)
    ]


def contact_ids(db: Db) -> dict[str, int]:
    """Each contact person's number, by name."""
    return {row[2]: row[0] for row in dump(db)["contact"]}


def send_invitation(db: Db, *names: str) -> int:
    """Record, as `psi meeting invite 1 --send` does, that meeting 1's kallelse reached these
    contact persons; the invitation's number."""
    ids = contact_ids(db)
    with storage.transaction(locate_db(str(db)), command="test") as session:
        invitation = Invitation(
            meeting_id=1,
            sent_at=datetime.now(UTC),
            method="request",
            sequence=0,
            recipients=len(names),
            refused=0,
        )
        session.add(invitation)
        session.flush()
        assert invitation.id is not None
        for name in names:
            session.add(InvitationRecipient(invitation_id=invitation.id, contact_id=ids[name]))
        return invitation.id


def test_erasing_a_person_on_the_au_leaves_the_seat_unnamed(run: Run, example_db: Db) -> None:
    assert seat(run, 2026, GARDEN)["person"] == ANNA[0]
    out = ok(run, "contact", "forget", ANNA[1], "--yes")
    assert "Records that referred to the person:" in out
    [row] = [line for line in out.splitlines() if line.startswith("au_seat")]
    assert row.split("  ")[0] == "au_seat"
    assert row.split()[1] == "2"
    assert row.rstrip().endswith("kept, without the person")
    assert (
        "2 seats on the AU stay, with nobody named; name other persons with "
        "psi au edit YEAR ORG --person NAME."
    ) in out
    for year in (2025, 2026):
        shown = seat(run, year, GARDEN)
        assert (shown["person"], shown["email"], shown["no_mail"]) == (None, None, False)
    listed = ok(run, "au", "list", "2026")
    [line] = [line for line in listed.splitlines() if line.startswith(GARDEN)]
    assert "–" in line
    assert line.rstrip().endswith("no contact person")
    assert len(dump(example_db)["au_seat"]) == 12
    assert cells_mentioning(example_db, *ANNA) == []


def test_the_plan_names_the_seats_before_it_asks(run: Run, example_db: Db) -> None:
    before = dump(example_db)
    result = run("contact", "forget", ERIK[0], input="n\n")
    assert result.exit_code == ExitCode.ABORTED
    assert "Records that refer to the person by number:" in result.stdout
    [row] = [line for line in result.stdout.splitlines() if line.startswith("au_seat")]
    assert row.split()[1] == "1"
    assert dump(example_db) == before
    out = ok(run, "contact", "forget", ERIK[0], input="y\n")
    assert "1 seat on the AU stays, with nobody named" in out
    assert seat(run, 2026, BRON)["person"] is None


def test_a_person_on_no_seat_gets_no_such_lines(run: Run, example_db: Db) -> None:
    ok(run, "contact", "add", "activa", "Bo Ek", "--email", "bo@example.se")
    out = ok(run, "contact", "forget", "bo@example.se", "--yes")
    assert "Records that" not in out
    assert "seat" not in out


def test_erasing_a_person_deletes_the_record_that_an_invitation_reached_them(
    run: Run, example_db: Db
) -> None:
    invitation = send_invitation(example_db, ANNA[0], ERIK[0])
    out = ok(run, "contact", "forget", ANNA[1], "--yes")
    assert (
        "The record that 1 invitation reached the person is deleted; the invitation's count stays."
    ) in out
    [line] = [line for line in out.splitlines() if line.startswith("invitation_recipient")]
    assert line.rstrip().endswith("deleted with the person")
    after = dump(example_db)
    erik = contact_ids(example_db)[ERIK[0]]
    assert [(row[1], row[2]) for row in after["invitation_recipient"]] == [(invitation, erik)]
    [kept] = after["invitation"]
    assert kept[5] == 2  # recipients: how many it reached then, a count without names
    assert cells_mentioning(example_db, *ANNA) == []


def test_those_invited_before_are_reached_again_without_the_erased(
    run: Run, example_db: Db
) -> None:
    from psi.services.audience import contacts_reach

    ids = contact_ids(example_db)
    send_invitation(example_db, ANNA[0], ERIK[0], "Maria Exempeldotter")
    ok(run, "contact", "forget", ERIK[1], "--yes")
    with storage.transaction(locate_db(str(example_db)), write=False) as session:
        invited = session.exec(select(InvitationRecipient.contact_id)).all()
        found = contacts_reach(session, invited)
    assert sorted(invited) == sorted([ids[ANNA[0]], ids["Maria Exempeldotter"]])
    assert [r.email for r in found.recipients] == [ANNA[1]]
    assert found.no_mail == [("Exempelhögskolan (exempel)", "Maria Exempeldotter")]


def test_a_seat_given_to_the_person_after_the_plan_stops_the_erasure(
    run: Run, example_db: Db
) -> None:
    """The list shown is what is erased: a seat added between the question and the answer
    makes the erasure refuse, as a new mention does."""
    from psi.services import contacts

    where = locate_db(str(example_db))
    with storage.transaction(where, write=False) as session:
        plan = contacts.plan_erasure(session, ERIK[1])
    ok(run, "au", "add", "2027", "bron", "--person", ERIK[0])
    with pytest.raises(Conflict), storage.transaction(where) as session:
        contacts.erase_person(session, ERIK[1], expected=plan)
    assert seat(run, 2027, BRON)["person"] == ERIK[0]


def test_removing_the_seat_first_is_no_erasure(run: Run, example_db: Db) -> None:
    ok(run, "au", "remove", "2026", "bron", "--yes")
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "au", "edit", "2026", "bron", "--no-person")
    out = ok(run, "contact", "forget", ERIK[1], "--yes")
    assert "seat" not in out
    assert cells_mentioning(example_db, *ERIK) == []
