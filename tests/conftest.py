"""Shared fixtures: every CLI test gets a throwaway SQLite file through PSI_DB."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from hypothesis import settings
from typer.main import get_command
from typer.testing import CliRunner, Result

from psi.cli import app

# In CI the property tests run the same examples every time (derandomize), so a landing
# never depends on luck; locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

Run = Callable[..., Result]
# Typer's test runner rebuilds the whole command tree on every invoke (about 70 ms);
# build it once per app for the whole session.
_BUILT: dict[int, Any] = {}


def _built_once(typer_app: Any) -> Any:
    if id(typer_app) not in _BUILT:
        _BUILT[id(typer_app)] = get_command(typer_app)
    return _BUILT[id(typer_app)]


typer.testing._get_command = _built_once  # type: ignore[attr-defined]


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database path in a temporary folder, given to psi through PSI_DB (not yet created)."""
    path = tmp_path / "psi.sqlite3"
    monkeypatch.setenv("PSI_DB", str(path))
    monkeypatch.delenv("PSI_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return path


@pytest.fixture
def run(db_path: Path) -> Run:
    """Invoke psi in-process like a user would: run("org", "list", "--json")."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def empty_db(run: Run, db_path: Path) -> Path:
    """A new database at the newest schema, with no data."""
    result = run("init")
    assert result.exit_code == 0, result.output
    return db_path


@pytest.fixture
def example_db(run: Run, db_path: Path) -> Path:
    """A database holding the example register (`psi init --example`)."""
    result = run("init", "--example")
    assert result.exit_code == 0, result.output
    return db_path


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare a database before and after a command."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            for table in tables
        }
    finally:
        connection.close()
