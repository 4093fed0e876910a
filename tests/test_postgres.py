"""The register on a real PostgreSQL server, when PSI_TEST_POSTGRES_URL names an empty database.

    PSI_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/psi_test pytest tests/test_postgres.py

The whole suite does not run on PostgreSQL yet; this checks the migrations, the main
commands and psi db copy in both directions.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Run, dump

URL = os.environ.get("PSI_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not URL, reason="set PSI_TEST_POSTGRES_URL to an empty PostgreSQL database"
)


@pytest.fixture
def postgres(run: Run) -> str:
    """The server database, emptied of psi's tables (and its alembic_version) first."""
    assert URL is not None
    from sqlalchemy import MetaData, create_engine

    from psi.location import locate_db

    engine = create_engine(locate_db(URL).url)
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    engine.dispose()
    return URL


def test_the_example_register_works_on_postgresql(run: Run, postgres: str) -> None:
    assert run("--db", postgres, "init", "--example").exit_code == 0
    listed = json.loads(run("--db", postgres, "org", "list", "--json").stdout)
    assert "Örebro Föreningsråd" in {org["name"] for org in listed}
    for command in (
        ("rotate", "2026"),
        ("meeting", "list", "2026"),
        ("budget", "status", "2025"),
        ("status", "2026"),
        ("report", "followup", "2025"),
        ("report", "decision", "2026"),
        ("db", "check"),
    ):
        result = run("--db", postgres, *command)
        assert result.exit_code == 0, (command, result.output)
    assert run("--db", postgres, "rotate", "2026", "--appoint", "exempelgården").exit_code == 0
    assert (
        run("--db", postgres, "org", "add", "Serverföreningen", "--sector", "other").exit_code == 0
    )
    audit = json.loads(run("--db", postgres, "audit", "--json").stdout)
    assert audit[-1]["command"].startswith("psi org add")


def test_db_copy_from_sqlite_to_postgresql_and_back(
    run: Run, example_db: Path, postgres: str, tmp_path: Path
) -> None:
    assert run("db", "copy", "--to", postgres).exit_code == 0
    back = tmp_path / "tillbaka.sqlite3"
    assert run("--db", postgres, "db", "copy", "--to", str(back)).exit_code == 0
    assert dump(back) == dump(example_db)
    # The server's id counters continue after the copied rows.
    assert run("--db", postgres, "org", "add", "Efter kopian", "--sector", "other").exit_code == 0
