"""What only a PostgreSQL server shows: copying a register between the two engines.

The whole suite runs on PostgreSQL too when PSI_TEST_POSTGRES_URL names a server database
(every test that uses a database is parametrised by engine, see tests/conftest.py):

    PSI_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/psi_test pytest -m postgresql

These tests start from a SQLite file and use a second, server database beside it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from psi.errors import ExitCode
from tests.conftest import POSTGRES_URL, PostgresServer, Run, dump, postgres_server

pytestmark = [
    pytest.mark.skipif(not POSTGRES_URL, reason="set PSI_TEST_POSTGRES_URL to a server database"),
    pytest.mark.postgresql,
]


@pytest.fixture
def postgres() -> Iterator[str]:
    """A new, empty server database, dropped afterwards."""
    server = postgres_server()
    url = server.create()
    yield url
    server.drop(url)


def test_the_example_register_works_on_postgresql(run: Run, db_path: Path, postgres: str) -> None:
    assert run("--db", postgres, "init", "--example").exit_code == 0
    listed = json.loads(run("--db", postgres, "org", "list", "--json").stdout)
    assert "Örebro Föreningsråd" in {org["name"] for org in listed}
    assert run("--db", postgres, "rotate", "2026", "--appoint", "exempelgården").exit_code == 0
    audit = json.loads(run("--db", postgres, "audit", "--json").stdout)
    assert audit[-1]["command"].startswith("psi rotate")


def test_db_copy_from_sqlite_to_postgresql_and_back(
    run: Run, db_path: Path, example_db: Path, postgres: str, tmp_path: Path
) -> None:
    assert run("db", "copy", "--to", postgres).exit_code == 0
    assert dump(postgres, typed=True) == dump(example_db, typed=True)
    back = tmp_path / "tillbaka.sqlite3"
    assert run("--db", postgres, "db", "copy", "--to", str(back)).exit_code == 0
    assert dump(back) == dump(example_db)
    # The server's id counters continue after the copied rows.
    assert run("--db", postgres, "org", "add", "Efter kopian", "--sector", "other").exit_code == 0


def test_db_backup_of_a_server_is_a_sqlite_file_psi_opens(
    run: Run, db_path: Path, postgres: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run("--db", postgres, "init", "--example").exit_code == 0
    named = tmp_path / "server-kopia.sqlite3"
    assert run("--db", postgres, "db", "backup", str(named)).exit_code == 0
    assert dump(named, typed=True) == dump(postgres, typed=True)
    assert run("--db", str(named), "db", "check").exit_code == 0
    # Without a file: in the user data folder, named after the database, kept to the setting.
    assert run("--db", postgres, "config", "set", "backups-kept", "1").exit_code == 0
    for _ in range(2):
        result = run("--db", postgres, "db", "backup")
        assert result.exit_code == 0, result.output
        time.sleep(1.05)  # the name carries the second
    kept = list((tmp_path / "data" / "psi").glob("*.backup-*.sqlite3"))
    assert len(kept) == 1
    assert kept[0].name.startswith(PostgresServer.name(postgres))
    # And back onto the server, the way `psi db restore` points to for a server.
    assert run("--db", postgres, "org", "add", "Efter kopian", "--sector", "other").exit_code == 0
    back = run("--db", str(named), "db", "copy", "--to", postgres, "--replace", "--yes")
    assert back.exit_code == 0, back.output
    assert "Efter kopian" not in json.dumps(dump(postgres, typed=True), default=str)
    # What the server held is saved first, as a SQLite file in the user data folder.
    saved = list((tmp_path / "data" / "psi").glob("*.before-copy-*.sqlite3"))
    assert len(saved) == 1 and str(saved[0]) in back.stdout
    assert "Efter kopian" in json.dumps(dump(saved[0]), ensure_ascii=False)
    refused = run("--db", postgres, "db", "restore", str(named), "--yes")
    assert refused.exit_code == ExitCode.DATABASE
    assert "db copy --to" in refused.stderr


def test_an_import_of_5000_rows_works_on_a_server_and_copies_there_and_back(
    run: Run, db_path: Path, empty_db: Path, postgres: str, tmp_path: Path
) -> None:
    # One import is one audit entry; 5 000 organisations describe about 1.4 million
    # characters, more than the VARCHAR(1000000) the audit log had before 0009.
    big = tmp_path / "stor.csv"
    rows = "".join(f"Importförening {n:05d};civil-society;;Örebro\n" for n in range(5000))
    big.write_text("name;sector;short;municipality\n" + rows, encoding="utf-8")
    assert run("--db", postgres, "init").exit_code == 0
    on_server = run("--db", postgres, "org", "import", str(big))
    assert on_server.exit_code == 0, on_server.output
    assert len(dump(postgres)["organisation"]) == 5000
    on_file = run("org", "import", str(big))
    assert on_file.exit_code == 0, on_file.output
    second = postgres_server().create()
    try:
        assert run("db", "copy", "--to", second).exit_code == 0
        assert dump(second, typed=True) == dump(empty_db, typed=True)
        back = tmp_path / "tillbaka.sqlite3"
        assert run("--db", second, "db", "copy", "--to", str(back)).exit_code == 0
        assert dump(back) == dump(empty_db)
    finally:
        postgres_server().drop(second)
