"""Lists and reports issue a fixed number of queries, and their queries use indexes."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from psi import storage
from psi.domain.activity import LogKind
from psi.domain.budget import Category
from psi.domain.meeting import Kind
from psi.domain.organisation import OrgInput
from psi.location import locate_db
from psi.services import activities, budget, meetings, orgs
from tests.conftest import Db, Run, drop_database, postgres_server

COMMANDS = [
    ("org", "list"),
    ("org", "show", "Örebro Föreningsråd"),
    ("org", "prospects"),
    ("contact", "list"),
    ("coordinators",),
    ("rotate", "2027"),
    ("meeting", "list", "2026"),
    ("meeting", "show", "1"),
    ("action", "list"),
    ("budget", "status", "2026"),
    ("budget", "expenses", "2026"),
    ("activity", "list", "2026"),
    ("log", "list", "2026"),
    ("plan", "show"),
    ("status", "2026"),
    ("report", "followup", "2026"),
    ("report", "budget", "2026"),
    ("report", "members"),
    ("report", "activities", "2026"),
    ("report", "decision", "2027"),
]
LARGE_TABLES = {"attendance", "expense", "log_entry", "meeting", "activity", "audit_entry"}


@contextmanager
def statements() -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def count(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def grow(db: Db, scale: int) -> None:
    """Add `scale` organisations, meetings with attendance, expenses, log entries, activities."""
    where = locate_db(str(db))
    with storage.transaction(where) as session:
        names = [
            orgs.add_org(
                session, OrgInput(name=f"Tillväxtförening {n:04d}", sector="civil-society")
            ).name
            for n in range(scale)
        ]
        for n in range(scale):
            day = date(2026, 1, 5) + timedelta(days=n % 300)
            new = meetings.NewMeeting(Kind.OTHER, day, title=f"Extra möte {n}")
            view, _ = meetings.add_meeting(session, new)
            meetings.hold_meeting(
                session, view.id, attended=names[n % len(names) : n % len(names) + 3], today=day
            )
            budget.spend(
                session,
                "Örebro Föreningsråd",
                100 + n,
                on=day,
                category=Category.OTHER,
                note=f"Extra {n}",
            )
            activities.add_log(session, LogKind.OTHER, f"Anteckning {n}", org=names[n], on=day)
            activities.add_activity(session, 2026, f"Extra aktivitet {n}", owner=names[n])


@pytest.fixture
def small_and_large(run: Run, example_db: Db, tmp_path: Path) -> Iterator[tuple[Db, Db]]:
    """The example register, and a copy of it grown by 150 of everything (on either engine)."""
    large: Db
    if isinstance(example_db, Path):
        large = tmp_path / "stor.sqlite3"
        large.write_bytes(example_db.read_bytes())
    else:
        large = postgres_server().create()
        postgres_server().copy(example_db, large)
    grow(large, 150)
    yield example_db, large
    drop_database(large)


def test_the_number_of_queries_does_not_grow_with_the_data(
    run: Run, small_and_large: tuple[Db, Db]
) -> None:
    small, large = small_and_large
    for command in COMMANDS:
        counts = []
        for path in (small, large):
            with statements() as seen:
                result = run("--db", str(path), *command)
            assert result.exit_code == 0, (command, result.output)
            counts.append(len(seen))
        assert counts[0] == counts[1], (
            f"psi {' '.join(command)}: {counts[0]} queries, then {counts[1]}"
        )


def _plan(connection: sqlite3.Connection, statement: str, parameters: Any) -> list[str]:
    values = parameters if isinstance(parameters, tuple | list) else ()
    rows = connection.execute(f"EXPLAIN QUERY PLAN {statement}", values).fetchall()
    return [str(row[-1]) for row in rows]


def test_queries_on_the_large_tables_use_an_index(
    run: Run, db_path: Path, small_and_large: tuple[Db, Db]
) -> None:
    """SQLite's query plans (EXPLAIN QUERY PLAN); PostgreSQL plans by its statistics."""
    _, large = small_and_large
    connection = sqlite3.connect(large)
    problems: list[str] = []
    checked = 0
    try:
        for command in COMMANDS:
            with statements() as seen:
                assert run("--db", str(large), *command).exit_code == 0
            for statement, parameters in seen:
                if (
                    not statement.lstrip().upper().startswith("SELECT")
                    or "sqlite_master" in statement
                ):
                    continue
                checked += 1
                for step in _plan(connection, statement, parameters):
                    match = re.match(r"SCAN (\w+)", step)
                    if match and match.group(1) in LARGE_TABLES and "INDEX" not in step:
                        problems.append(f"psi {' '.join(command)}: {step} in {statement[:120]}")
    finally:
        connection.close()
    assert checked > len(COMMANDS)
    assert problems == []
