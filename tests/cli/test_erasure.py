"""`psi contact forget`: the erasure is complete (every table, the WAL, free pages, backups)
and its message says what it did and what remains."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import add_meeting, as_json, contacts, ok, org_show

NAME = "Greta Hemligsson"
EMAIL = "greta@example.se"
PHONE = "019-12 34 56"
PERSONAL = (NAME, EMAIL, PHONE)
ORG = "Glömskeföreningen"


def folded(text: str) -> str:
    """Text as the erasure matches it: any case, any run of white space (also as JSON writes
    a tab or a line break) as one space."""
    return " ".join(text.replace("\\t", " ").replace("\\n", " ").split()).casefold()


def phone_digits(text: str) -> str:
    return re.sub(r"[ \-]", "", text)


def traces(db: Db, *personal: str) -> list[tuple[str, str]]:
    """Every cell of every table that still holds the name, the e-mail or the phone."""
    found = []
    for table, rows in dump(db).items():
        for row in rows:
            for cell in row:
                text = str(cell)
                if any(folded(value) in folded(text) for value in personal) or any(
                    phone_digits(value) in phone_digits(text)
                    for value in personal
                    if value[:1].isdigit()
                ):
                    found.append((table, text))
    return found


def raw_traces(path: Path, *personal: str) -> list[str]:
    """The personal values found in the raw bytes of a SQLite file and its WAL (UTF-8, any
    case, any spacing): what a deleted row in a free page or an old WAL frame would leave."""
    data = b""
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if part.exists():
            data += part.read_bytes()
    text = folded(data.decode("utf-8", "replace"))
    digits = phone_digits(text)
    return [
        value
        for value in personal
        if folded(value) in text or (value[:1].isdigit() and phone_digits(value) in digits)
    ]


def build_person(run: Run, tmp_path: Path, name: str = NAME) -> str:
    """Greta at Glömskeföreningen, and her name (odd spacing and case), e-mail and phone in
    a decision, the minutes, an action item, a log entry, an activity and its outcome, an
    organisation's note and, through the commands typed, the audit log. The meeting's number."""
    ok(run, "org", "add", ORG, "--sector", "civil-society")
    ok(run, "contact", "add", "glömske", name, "--email", EMAIL, "--phone", PHONE)
    meeting = str(add_meeting(run, "au", "2026-11-17"))
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("GRETA  hemligsson berättade om höstens planer.\nRing 019-123456.\n")
    ok(
        run,
        "meeting",
        "held",
        meeting,
        "--attended",
        "glömske:greta hemligsson",
        "--minutes",
        str(minutes),
        "--decision",
        "ge Greta  Hemligsson i uppdrag att boka lokal",
    )
    ok(
        run,
        "action",
        "add",
        meeting,
        "greta  HEMLIGSSON mejlar Greta@Example.se",
        "--owner",
        "glömske",
        "--due",
        "2026-12-01",
    )
    ok(run, "log", "add", "member-dialogue", "Samtal med Greta\tHemligsson", "--org", "glömske")
    added = ok(
        run, "activity", "add", "2026", "Workshop med greta hemligsson", "--owner", "glömske"
    )
    activity = added.split("activity ", 1)[1].split(" ", 1)[0]
    ok(run, "activity", "done", activity, "--on", "2026-11-20", "--outcome", "Ring 019-12 34 56")
    ok(run, "org", "edit", "glömske", "--note", "Kontakt: Greta Hemligsson, 019-12 34 56")
    return meeting


def test_forget_erases_every_mention_and_keeps_the_rest_of_the_text(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    meeting = build_person(run, tmp_path)
    assert len(traces(empty_db, *PERSONAL)) > 8
    out = ok(run, "contact", "forget", EMAIL, "--yes")
    assert traces(empty_db, *PERSONAL) == []
    after = dump(empty_db)
    assert [row[3] for row in after["decision"]] == [
        "Mötet beslutade att ge [erased] i uppdrag att boka lokal."
    ]
    shown = as_json(run, "meeting", "show", meeting)
    assert shown["attended"] == [{"organisation": ORG, "contact": None}]
    assert "Erased Greta Hemligsson: 1 contact person at 1 organisation" in out
    assert "decisions" in out
    assert "action items" in out
    assert "log entries" in out
    assert "the audit log" in out
    assert "An anonymous count remains." in out
    assert "only an anonymous count remains" not in out
    # The audit log still parses, and says what the erasure did without saying whom.
    entries = as_json(run, "audit")
    assert entries[-1]["command"] == "psi contact forget [erased] --yes"
    assert {"action": "delete", "table": "contact", "id": 1, "values": "[erased]"} in entries[-1][
        "changes"
    ]
    assert org_show(run, "glömske")["erased_contacts"] == 1


def test_forget_lists_what_it_will_change_before_asking(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    build_person(run, tmp_path)
    before = dump(empty_db)
    result = run("contact", "forget", "greta  HEMLIGSSON", input="n\n")
    assert result.exit_code == ExitCode.ABORTED
    assert "Nothing was erased" in result.stderr
    assert dump(empty_db) == before
    listing = result.stdout.split("Erase all of this?")[0]
    lines = [" ".join(line.split()) for line in listing.splitlines()]
    assert "Greta Hemligsson Glömskeföreningen greta@example.se 019-12 34 56" in lines
    for table, field in [
        ("decision", "text"),
        ("meeting", "minutes"),
        ("action_item", "text"),
        ("log_entry", "text"),
        ("activity", "title"),
        ("activity", "outcome"),
        ("organisation", "note"),
        ("audit_entry", "command"),
        ("audit_entry", "changes"),
    ]:
        assert any(line.startswith(f"{table} ") and f" {field} " in f"{line} " for line in lines), (
            table,
            field,
            listing,
        )
    done = run("contact", "forget", "greta  HEMLIGSSON", input="y\n")
    assert done.exit_code == 0, done.output
    assert "Erased Greta Hemligsson" in done.stdout
    assert traces(empty_db, *PERSONAL) == []


def test_forget_leaves_nothing_in_the_file_or_its_wal_while_another_connection_is_open(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    ok(run, "init")
    # Another program has the file open the whole time: the WAL is then not removed when psi
    # closes, and keeps old copies of every page psi wrote.
    holder = sqlite3.connect(db_path)
    try:
        holder.execute("SELECT count(*) FROM contact").fetchone()
        build_person(run, tmp_path)
        assert raw_traces(db_path, *PERSONAL) != []
        out = ok(run, "contact", "forget", "Greta Hemligsson", "--yes")
        assert "hold no trace" in out
        assert raw_traces(db_path, *PERSONAL) == []
        assert holder.execute("SELECT count(*) FROM contact").fetchone() == (0,)
    finally:
        holder.close()


def test_forget_clears_free_pages_left_by_a_program_without_secure_delete(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    ok(run, "init")
    build_person(run, tmp_path)
    # A program without secure_delete (SQLite's default) once wrote and deleted a row that
    # named her: the bytes stay in a free page until something overwrites them.
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA secure_delete = OFF")
    with other:
        other.execute(
            "INSERT INTO log_entry (logged_on, kind, text) VALUES ('2026-01-01', 'other', ?)",
            (f"Utkast om {NAME.upper()} {'x' * 5000}",),
        )
    with other:
        other.execute("DELETE FROM log_entry WHERE kind = 'other'")
    other.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    ok(run, "contact", "forget", EMAIL, "--yes")
    assert traces(db_path, *PERSONAL) == []
    assert raw_traces(db_path, *PERSONAL) == []


def test_forget_says_when_the_wal_could_not_be_emptied(
    run: Run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(run, "init")
    build_person(run, tmp_path)
    from psi import storage

    monkeypatch.setattr(storage, "flush_wal", lambda _location: False)
    out = ok(run, "contact", "forget", EMAIL, "--yes")
    assert f"{db_path}-wal" in out
    assert "another program is reading the database; close it" in out
    assert "hold no trace" not in out


def psi_backups(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.backup-*.sqlite3"))


@pytest.fixture
def backups(run: Run, empty_db: Db, tmp_path: Path) -> Iterator[list[Path]]:
    """Greta in the register and in two backups psi named, beside a SQLite file or in the
    user data folder for a server; and one the user named (psi db backup FILE)."""
    build_person(run, tmp_path)
    ok(run, "db", "backup")
    ok(run, "log", "add", "other", "Greta Hemligsson tackade nej")
    import time

    time.sleep(1.05)  # the name carries the second
    ok(run, "db", "backup")
    ok(run, "db", "backup", str(tmp_path / "egen-kopia.sqlite3"))
    made = psi_backups(tmp_path)
    assert len(made) == 2
    for path in made:
        assert raw_traces(path, *PERSONAL) != []
    yield made


def test_forget_names_the_backups_that_still_hold_the_person(
    run: Run, empty_db: Db, backups: list[Path], tmp_path: Path
) -> None:
    out = ok(run, "contact", "forget", EMAIL, "--yes")
    assert traces(empty_db, *PERSONAL) == []
    assert (
        f"2 backups made by psi still hold the person: {backups[0]}, {backups[1]}; "
        "run again with --include-backups to erase them too." in " ".join(out.split("\n"))
    )
    assert "egen-kopia" not in out
    for path in backups:
        assert raw_traces(path, *PERSONAL) != []
    # Again, with the backups: the person is no longer in the register, but psi finds them
    # in the backups and erases them there.
    again = ok(run, "contact", "forget", EMAIL, "--include-backups", "--yes")
    assert f"Erased the person from 2 backups made by psi: {backups[0]}, {backups[1]}." in " ".join(
        again.split("\n")
    )
    for path in backups:
        assert raw_traces(path, *PERSONAL) == []
        assert traces(path, *PERSONAL) == []
    assert psi_backups(tmp_path) == backups  # erasing a backup made no new backup
    assert raw_traces(tmp_path / "egen-kopia.sqlite3", *PERSONAL) != []


def test_forget_with_include_backups_erases_them_at_once(
    run: Run, empty_db: Db, backups: list[Path], tmp_path: Path
) -> None:
    out = ok(run, "contact", "forget", "greta hemligsson", "--include-backups", "--yes")
    assert traces(empty_db, *PERSONAL) == []
    assert "Erased the person from 2 backups made by psi" in out
    assert "still hold" not in out
    for path in backups:
        assert raw_traces(path, *PERSONAL) == []
        shown = dump(path)
        assert shown["contact"] == []
        assert len(shown["erasure"]) == 1
    assert psi_backups(tmp_path) == backups


def test_a_person_nobody_holds_is_not_found(run: Run, empty_db: Db, backups: list[Path]) -> None:
    result = run("contact", "forget", "Ingen Alls", "--include-backups", "--yes")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert len(result.stderr.splitlines()) == 1


def test_a_name_shared_by_several_contacts_must_be_chosen(run: Run, empty_db: Db) -> None:
    ok(run, "org", "add", ORG, "--sector", "civil-society")
    ok(run, "org", "add", "Stiftelsen Activa", "--short", "activa", "--sector", "civil-society")
    ok(run, "contact", "add", "glömske", NAME, "--email", EMAIL)
    ok(run, "contact", "add", "activa", NAME, "--email", "greta.h@example.org")
    ok(run, "log", "add", "other", "Greta Hemligsson ringde", "--org", "activa")
    before = dump(empty_db)
    result = run("contact", "forget", NAME, "--yes")
    assert result.exit_code == ExitCode.CONFLICT
    (line,) = result.stderr.splitlines()
    assert f"at {ORG} ({EMAIL})" in line
    assert "at Stiftelsen Activa (greta.h@example.org)" in line
    assert "--org" in line
    assert "e-mail" in line
    assert dump(empty_db) == before

    out = ok(run, "contact", "forget", NAME, "--org", "activa", "--yes")
    assert "Erased Greta Hemligsson: 1 contact person at 1 organisation" in out
    assert "1 other contact person has the same name and was kept" in out
    people = contacts(run)
    assert [(p["name"], p["email"], p["organisation"]) for p in people] == [(NAME, EMAIL, ORG)]
    # The mention cannot tell the two apart: it is erased too.
    assert [row[4] for row in dump(empty_db)["log_entry"]] == ["[erased] ringde"]
    # What the audit log says of the other Greta's own row stays hers.
    entries = as_json(run, "audit")
    assert entries[2]["command"] == f'psi contact add glömske "{NAME}" --email {EMAIL}'
    assert entries[2]["changes"][0]["values"]["name"] == NAME
    assert entries[3]["command"] == "psi contact add [erased]"


def test_org_narrows_the_choice_and_must_match(run: Run, empty_db: Db) -> None:
    ok(run, "org", "add", ORG, "--sector", "civil-society")
    ok(run, "org", "add", "Stiftelsen Activa", "--short", "activa", "--sector", "civil-society")
    ok(run, "contact", "add", "glömske", NAME, "--email", EMAIL)
    before = dump(empty_db)
    result = run("contact", "forget", NAME, "--org", "activa", "--yes")
    assert result.exit_code == ExitCode.NOT_FOUND
    (line,) = result.stderr.splitlines()
    assert "Stiftelsen Activa" in line
    assert dump(empty_db) == before


def test_run_again_with_org_and_include_backups_erases_the_backups(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    ok(run, "org", "add", ORG, "--sector", "civil-society")
    ok(run, "org", "add", "Stiftelsen Activa", "--short", "activa", "--sector", "civil-society")
    ok(run, "contact", "add", "glömske", NAME, "--email", EMAIL)
    ok(run, "contact", "add", "activa", NAME, "--email", "greta.h@example.org", "--phone", PHONE)
    ok(run, "db", "backup")
    (backup,) = psi_backups(tmp_path)
    out = ok(run, "contact", "forget", NAME, "--org", "activa", "--yes")
    assert f"1 backup made by psi still holds the person: {backup}; run again" in out
    again = ok(run, "contact", "forget", NAME, "--org", "activa", "--include-backups", "--yes")
    assert f"Erased the person from 1 backup made by psi: {backup}." in again
    kept = [(row[2], row[3]) for row in dump(backup)["contact"]]
    assert kept == [(NAME, EMAIL)]  # the other Greta is still there, in the backup too
    assert raw_traces(backup, "greta.h@example.org", PHONE) == []
    # Without --include-backups, a contact that is no longer at the organisation is not found.
    result = run("contact", "forget", NAME, "--org", "activa", "--yes")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "--include-backups" in result.stderr


def test_the_register_changing_after_the_list_erases_nothing(
    run: Run, empty_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_person(run, tmp_path)

    def confirm_late(*_args: object, **_kwargs: object) -> bool:
        # Someone else writes a new mention while the user reads the list.
        assert ok(run, "log", "add", "other", "Greta Hemligsson igen").startswith("Logged")
        return True

    monkeypatch.setattr("psi.commands._common._answered_yes", confirm_late)
    before_list = run("contact", "forget", EMAIL)
    assert before_list.exit_code == ExitCode.CONFLICT
    assert "Run the command again" in before_list.stderr
    assert contacts(run)[0]["email"] == EMAIL


def test_every_text_column_of_every_table_is_searched() -> None:
    """A table or text column added later is covered without changing the erasure."""
    from typing import get_args

    from psi.services.contacts import _tables, _text_columns

    tables = _tables()
    assert len(tables) >= 20
    for cls in tables:
        texts = {
            name
            for name, field in cls.model_fields.items()
            if str in (field.annotation, *get_args(field.annotation))
            and not getattr(cls.__table__.c[name], "primary_key", False)  # type: ignore[attr-defined]
        }
        assert {column for _, column, _ in _text_columns(cls)} == texts, cls
