"""The database: where it lives, how it is opened, migrated, backed up and checked."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, select

from psi import storage
from psi.errors import DatabaseProblem, ExitCode
from psi.location import (
    DbLocation,
    default_db_path,
    locate_db,
    network_file_system,
    shared_place,
    sync_service,
)
from psi.models import Organisation
from tests.conftest import Db, Run, dump


def file_location(path: Path) -> DbLocation:
    return DbLocation(url=f"sqlite:///{path}", path=path)


def test_locate_prefers_option_then_env_then_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSI_DB", str(tmp_path / "env.sqlite3"))
    assert locate_db(str(tmp_path / "opt.sqlite3")).path == tmp_path / "opt.sqlite3"
    assert locate_db(None).path == tmp_path / "env.sqlite3"
    monkeypatch.delenv("PSI_DB")
    assert locate_db(None).path == default_db_path()
    assert default_db_path().name == "psi.sqlite3"


def test_locate_accepts_urls(tmp_path: Path) -> None:
    sqlite_url = locate_db(f"sqlite:///{tmp_path}/a.sqlite3")
    assert sqlite_url.path == tmp_path / "a.sqlite3"
    postgres = locate_db("postgresql://psi:secret@db.example.se/psi")
    assert postgres.path is None
    assert not postgres.is_sqlite
    assert "secret" not in postgres.display


def test_new_database_is_private_and_uses_wal_and_foreign_keys(
    db_path: Path, empty_db: Path
) -> None:
    if sys.platform != "win32":
        assert stat.S_IMODE(empty_db.stat().st_mode) == 0o600
    engine = storage.make_engine(file_location(empty_db))
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == storage.BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_head_revision_matches_the_migration_scripts() -> None:
    assert storage.known_revisions()[-1] == storage.HEAD_REVISION


def test_migrations_build_exactly_the_models(db: Db) -> None:
    location = locate_db(str(db))
    engine = storage.open_engine(location, create=True)
    try:
        with engine.connect() as connection:
            differences = compare_metadata(
                # SQLite has one INTEGER and loose types; a server has the types the models say.
                MigrationContext.configure(
                    connection, opts={"compare_type": not location.is_sqlite}
                ),
                SQLModel.metadata,
            )
        assert differences == []
    finally:
        engine.dispose()


def _insert_org(path: Path, name: str) -> None:
    now = datetime.now(UTC).isoformat(sep=" ")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO organisation (name, name_key, sector, status, created_at, updated_at) "
            "VALUES (?, ?, 'civil-society', 'member', ?, ?)",
            (name, name.casefold(), now, now),
        )
    connection.close()


@pytest.mark.parametrize("revision", storage.known_revisions())
def test_a_database_at_every_revision_upgrades_and_keeps_its_rows(
    tmp_path: Path, run: Run, db_path: Path, revision: str
) -> None:
    engine = storage.make_engine(file_location(db_path))
    storage.create_private_file(db_path)
    storage.migrate(engine, revision)
    engine.dispose()
    _insert_org(db_path, "Föreningen Gammal Data")
    result = run("org", "show", "gammal data", "--json")
    assert result.exit_code == 0, result.output
    assert "Föreningen Gammal Data" in result.stdout
    assert storage.check_database(file_location(db_path)).ok
    backups = list(db_path.parent.glob("psi.before-*.sqlite3"))
    assert len(backups) == (0 if revision == storage.HEAD_REVISION else 1)
    for backup in backups:
        assert "Föreningen Gammal Data" in str(dump(backup)["organisation"])


PROBE_MIGRATION = '''"""A later migration, made up by the test.

Revision ID: 9001
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("probe")
'''


def test_an_older_database_is_backed_up_then_upgraded(
    tmp_path: Path, run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("init")
    _insert_org(db_path, "Föreningen Före")
    # A psi one migration ahead of this database: the shipped scripts plus a real extra one.
    scripts = tmp_path / "migrations"
    shutil.copytree(storage.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9001_probe.py").write_text(
        PROBE_MIGRATION.format(head=storage.HEAD_REVISION), encoding="utf-8"
    )
    monkeypatch.setattr(storage, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(storage, "HEAD_REVISION", "9001")

    result = run("org", "list", "--json")

    assert result.exit_code == 0, result.output
    assert "Föreningen Före" in result.stdout
    after = dump(db_path)
    assert after["alembic_version"] == [("9001",)]
    assert "probe" in after
    backups = list(db_path.parent.glob("psi.before-9001-*.sqlite3"))
    assert len(backups) == 1
    saved = dump(backups[0])
    assert "probe" not in saved
    assert "Föreningen Före" in str(saved["organisation"])


def test_a_database_from_a_newer_psi_is_refused_and_untouched(
    run: Run, db_path: Path, empty_db: Path
) -> None:
    connection = sqlite3.connect(empty_db)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = empty_db.read_bytes()
    result = run("org", "list")
    assert result.exit_code == ExitCode.DATABASE
    assert "newer psi" in result.stderr
    assert empty_db.read_bytes() == before
    assert not list(empty_db.parent.glob("psi.before-*"))


def test_a_missing_database_says_to_run_init(run: Run, db_path: Path) -> None:
    result = run("org", "list")
    assert result.exit_code == ExitCode.DATABASE
    assert "psi init" in result.stderr
    assert not db_path.exists()


def test_a_foreign_sqlite_file_is_refused(run: Run, db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("CREATE TABLE recipes (id INTEGER)")
    connection.close()
    result = run("org", "list")
    assert result.exit_code == ExitCode.DATABASE
    assert "not made by psi" in result.stderr


def test_a_file_that_is_not_a_database_is_refused(run: Run, db_path: Path) -> None:
    db_path.write_text("hej, detta är ingen databas\n" * 200, encoding="utf-8")
    result = run("org", "list")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr.startswith("Error:")


def test_transaction_rolls_back_everything_on_error(empty_db: Db) -> None:
    location = locate_db(str(empty_db))
    now = datetime.now(UTC)
    with pytest.raises(RuntimeError), storage.transaction(location) as session:
        session.add(
            Organisation(
                name="Halvskrivet",
                name_key="halvskrivet",
                sector="other",
                status="member",
                created_at=now,
                updated_at=now,
            )
        )
        session.flush()
        raise RuntimeError("boom")
    with storage.transaction(location, write=False) as session:
        assert session.exec(select(Organisation)).all() == []


def test_init_creates_once_and_then_changes_nothing(run: Run, db_path: Path) -> None:
    first = run("init", "--example")
    assert first.exit_code == 0
    before = dump(db_path)
    again = run("init", "--example")
    assert again.exit_code == 0
    assert "nothing was changed" in again.stdout
    assert dump(db_path) == before


def test_a_failed_init_leaves_no_file(
    run: Run, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psi.services import example

    broken = {**example.example_data(), "organisations": [{"name": "", "sector": "civil-society"}]}
    monkeypatch.setattr(example, "example_data", lambda: broken)
    result = run("init", "--example")
    assert result.exit_code == ExitCode.INVALID
    assert not db_path.exists()


def test_db_path_prints_the_resolved_file(run: Run, db_path: Path, tmp_path: Path) -> None:
    assert run("db", "path").stdout.strip() == str(db_path)
    other = tmp_path / "annan.sqlite3"
    assert run("--db", str(other), "db", "path").stdout.strip() == str(other)


def test_db_backup_writes_a_consistent_private_copy(
    run: Run, db_path: Path, example_db: Path
) -> None:
    target = example_db.parent / "kopia.sqlite3"
    result = run("db", "backup", str(target))
    assert result.exit_code == 0, result.output
    assert dump(target) == dump(example_db)
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_db_backup_without_a_file_writes_beside_the_database(
    run: Run, db_path: Path, example_db: Path
) -> None:
    result = run("db", "backup")
    assert result.exit_code == 0, result.output
    backups = list(example_db.parent.glob("psi.backup-*.sqlite3"))
    assert len(backups) == 1
    assert dump(backups[0]) == dump(example_db)


def test_db_backup_refuses_to_overwrite(run: Run, db_path: Path, example_db: Path) -> None:
    target = example_db.parent / "finns.sqlite3"
    target.write_text("viktigt", encoding="utf-8")
    result = run("db", "backup", str(target))
    assert result.exit_code == ExitCode.FILE
    assert target.read_text(encoding="utf-8") == "viktigt"


def test_db_backup_of_a_missing_database(run: Run, db_path: Path) -> None:
    result = run("db", "backup", str(db_path.parent / "x.sqlite3"))
    assert result.exit_code == ExitCode.DATABASE


def test_db_check_passes_on_a_good_database(run: Run, example_db: Path) -> None:
    result = run("db", "check")
    assert result.exit_code == 0, result.output
    assert storage.HEAD_REVISION in result.stdout
    as_json = run("db", "check", "--json")
    assert '"ok": true' in as_json.stdout


def test_db_check_finds_broken_references(run: Run, db_path: Path, example_db: Path) -> None:
    connection = sqlite3.connect(example_db)
    with connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("UPDATE contact SET organisation_id = 9999")
    connection.close()
    result = run("db", "check")
    assert result.exit_code == ExitCode.DATABASE
    assert "organisation" in result.stderr


def test_storage_refuses_a_postgres_url_without_a_driver_or_server() -> None:
    location = DbLocation(url="postgresql://nobody@127.0.0.1:1/none", path=None)
    with pytest.raises(DatabaseProblem):
        storage.backup_sqlite(location, Path(os.devnull))


VALID = {
    ("organisation", "status"): "member",
    ("meeting", "status"): "planned",
    ("activity", "status"): "planned",
    ("meeting", "kind"): "au",
    ("log_entry", "kind"): "other",
    ("co_funding", "kind"): "frees-grant",
    ("history_entry", "kind"): "assessment",
    ("invitation", "method"): "request",
}
BY_COLUMN = {"sector": "other", "role": "other", "answer": "pending", "category": "other"}


def _value(table: str, column: Any) -> Any:
    from sqlalchemy import Boolean, Date, DateTime, Integer, Time

    if (table, column.name) in VALID:
        return VALID[(table, column.name)]
    if column.name in BY_COLUMN:
        return BY_COLUMN[column.name]
    kind = column.type
    if isinstance(kind, Boolean):
        return True
    if isinstance(kind, DateTime):
        return datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    if isinstance(kind, Date):
        return date(2025, 3, 10)
    if isinstance(kind, Time):
        return time(13, 0)
    if isinstance(kind, Integer):
        return 1
    text = f"{table}-{column.name}"
    length = getattr(kind, "length", None)
    return text[-length:] if length else text  # a server holds strings to their length


@pytest.mark.parametrize("revision", storage.known_revisions())
def test_a_database_with_rows_in_every_table_upgrades_with_all_rows_intact(
    run: Run, db: Db, revision: str
) -> None:
    from sqlalchemy import MetaData, insert, select

    location = locate_db(str(db))
    if isinstance(db, Path):
        storage.create_private_file(db)
    engine = storage.make_engine(location)
    storage.migrate(engine, revision)
    metadata = MetaData()
    metadata.reflect(engine)
    written: dict[str, dict[str, Any]] = {}
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            row = {column.name: _value(table.name, column) for column in table.columns}
            connection.execute(insert(table), [row])
            written[table.name] = row
    engine.dispose()
    assert written, "no tables at this revision"

    opened = run("org", "list")  # opening it upgrades it, after a backup
    assert opened.exit_code == 0, opened.output
    result = run("db", "check")
    assert result.exit_code == 0, result.output
    # The backup (a SQLite file, for a server too) holds the old schema and every row.
    folder, stem = storage.backup_folder(location), storage.backup_stem(location)
    backups = list(folder.glob(f"{stem}.before-*.sqlite3"))
    assert len(backups) == (0 if revision == storage.HEAD_REVISION else 1)
    for backup in backups:
        saved = dump(backup)
        assert saved["alembic_version"] == [(revision,)]
        assert {name for name, rows in saved.items() if len(rows) == 1} >= set(written)
    engine = storage.make_engine(location, write=False)
    try:
        newest = MetaData()
        newest.reflect(engine)
        with engine.connect() as connection:
            for name, row in written.items():
                stored = connection.execute(select(newest.tables[name])).mappings().all()
                assert len(stored) == 1, name
                for column, value in row.items():
                    got = stored[0][column]
                    if isinstance(value, datetime):
                        assert str(got).startswith("2025-03-10"), (name, column, got)
                    else:
                        assert str(got) == str(value) or got == value, (name, column, got, value)
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("postgresql://psi:Hemligt@Ord@127.0.0.1:5432/psi", "Ord"),
        ("postgresql://psi:Hem/ligt@127.0.0.1/psi", "ligt"),
        ("postgres://psi:a@b@c@db.example.se/psi", "b@c"),
    ],
)
def test_a_password_with_an_unencoded_character_is_never_shown(
    run: Run, db: Db, url: str, secret: str
) -> None:
    result = run("--db", url, "org", "list")
    assert result.exit_code == ExitCode.INVALID
    assert secret not in result.output
    assert "%40" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("port", ["99999", "abc", "0"])
def test_a_bad_port_in_a_server_address_is_invalid_input(run: Run, db: Db, port: str) -> None:
    result = run("--db", f"postgresql://psi:hemligt@127.0.0.1:{port}/psi", "org", "list")
    assert result.exit_code == ExitCode.INVALID
    assert f"not '{port}'" in result.stderr
    assert "hemligt" not in result.output


def _rollback_journal(path: Path, *statements: str) -> bytes:
    """Put a SQLite file in rollback-journal mode (run statements first); its bytes."""
    connection = sqlite3.connect(path)
    with connection:
        for statement in statements:
            connection.execute(statement)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    return path.read_bytes()


def _journal_mode(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        connection.close()


def test_a_newer_database_in_rollback_mode_is_refused_without_a_change(
    run: Run, db_path: Path, empty_db: Path
) -> None:
    before = _rollback_journal(empty_db, "UPDATE alembic_version SET version_num = '9999'")
    result = run("org", "list")
    assert result.exit_code == ExitCode.DATABASE
    assert empty_db.read_bytes() == before
    assert _journal_mode(empty_db) == "delete"
    assert not empty_db.with_name(empty_db.name + "-wal").exists()


@pytest.mark.parametrize(
    "statements",
    [("CREATE TABLE recipes (id INTEGER)",), ("PRAGMA user_version = 3",)],
    ids=["foreign tables", "no tables"],
)
def test_a_sqlite_file_that_is_not_psis_is_refused_without_a_change(
    run: Run, db_path: Path, statements: tuple[str, ...]
) -> None:
    before = _rollback_journal(db_path, *statements)
    for command in (("org", "list"), ("org", "add", "Ny", "--sector", "other")):
        result = run(*command)
        assert result.exit_code == ExitCode.DATABASE, result.output
        assert "psi" in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert db_path.read_bytes() == before
    assert _journal_mode(db_path) == "delete"
    assert not list(db_path.parent.glob("psi.before-*"))


def test_an_accepted_database_in_rollback_mode_is_put_into_wal(
    run: Run, db_path: Path, empty_db: Path
) -> None:
    _rollback_journal(empty_db)
    assert run("org", "list").exit_code == 0
    assert _journal_mode(empty_db) == "wal"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_database_made_in_an_existing_empty_file_is_private(run: Run, db_path: Path) -> None:
    db_path.touch(mode=0o644)
    db_path.chmod(0o644)
    assert run("init").exit_code == 0
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("OneDrive", "OneDrive"),
        ("OneDrive - Region Örebro län", "OneDrive"),
        ("Dropbox", "Dropbox"),
        ("Google Drive", "Google Drive"),
        ("CloudStorage", "cloud storage"),
        ("iCloud Drive", "iCloud Drive"),
        ("Nextcloud", "Nextcloud"),
    ],
)
def test_a_sync_folder_is_recognised_anywhere_in_the_path(
    tmp_path: Path, folder: str, service: str
) -> None:
    assert sync_service(tmp_path / folder / "PSI" / "psi.sqlite3") == service
    assert shared_place(tmp_path / folder / "psi.sqlite3") == f"a {service} folder"


def test_ordinary_folders_are_not_sync_folders(tmp_path: Path) -> None:
    for name in ("Dokument", "Dropboxen-gammal", "box", "psi"):
        assert sync_service(tmp_path / name / "psi.sqlite3") is None
    # The file's own name does not count, only the folders it lies in.
    assert sync_service(tmp_path / "Dropbox") is None


def test_a_network_mount_is_found_by_its_longest_mount_point() -> None:
    mounts = [("/", "ext4"), ("/mnt/share", "cifs"), ("/mnt/share/lokal", "ext4"), ("/n", "nfs4")]
    assert network_file_system(Path("/mnt/share/psi.sqlite3"), mounts) == "cifs"
    assert network_file_system(Path("/mnt/share/lokal/psi.sqlite3"), mounts) is None
    assert network_file_system(Path("/n/psi.sqlite3"), mounts) == "nfs4"
    assert network_file_system(Path("/nfs/psi.sqlite3"), mounts) is None
    assert network_file_system(Path("/home/a/psi.sqlite3"), mounts) is None


def test_a_database_in_a_sync_folder_is_warned_about_once_per_command(
    run: Run, db_path: Path, tmp_path: Path
) -> None:
    synced = tmp_path / "Dropbox" / "PSI" / "psi.sqlite3"
    for command in (("init", "--example"), ("org", "list"), ("db", "backup")):
        result = run("--db", str(synced), *command)
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
        assert len(warnings) == 1
        assert "Dropbox folder" in warnings[0] and "psi db copy --to" in warnings[0]
    assert "Warning" not in run("org", "list").stderr  # the test's own file, not synced


def test_flushing_the_wal_of_what_sqlite_cannot_open_says_so(tmp_path: Path) -> None:
    # After an erasure, a WAL that cannot be emptied is reported, not a crash after commit.
    folder = tmp_path / "psi.sqlite3"
    folder.mkdir()
    assert storage.flush_wal(DbLocation(url=f"sqlite:///{folder}", path=folder)) is False


# --- numbers are never given twice (0012) --------------------------------------------------------


def _tables_without_autoincrement(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        return sorted(
            name
            for name, sql in rows
            if name not in ("alembic_version", "setting", "sqlite_sequence")
            and "AUTOINCREMENT" not in sql.upper()
        )
    finally:
        connection.close()


MADE_BY_PSI_0011 = Path(__file__).parent / "data" / "example-made-by-psi-0011.sql"
"""`psi init --example` as the psi of schema 0011 made it (`sqlite3 FILE .dump`): its tables
are not AUTOINCREMENT, as every file made before 0012 is."""


def test_a_file_made_before_0012_upgrades_to_numbers_never_given_twice(
    run: Run, db_path: Path
) -> None:
    connection = sqlite3.connect(db_path)
    connection.executescript(MADE_BY_PSI_0011.read_text(encoding="utf-8"))
    connection.close()
    assert "organisation" in _tables_without_autoincrement(db_path)
    before = dump(db_path)
    assert run("org", "list").exit_code == 0  # opening it upgrades it
    assert _tables_without_autoincrement(db_path) == []
    after = dump(db_path)
    for table, rows in before.items():
        if table != "alembic_version":  # every row kept; new columns come last
            width = len(rows[0]) if rows else 0
            assert [row[:width] for row in after[table]] == rows, table
    # The upgrade turned foreign keys off to copy the tables, and on again.
    engine = storage.make_engine(file_location(db_path))
    try:
        with engine.connect() as checked:
            assert checked.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert checked.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", ["0001", "0008", "0011", storage.HEAD_REVISION])
def test_a_new_file_numbers_every_table_with_autoincrement_from_the_start(
    db_path: Path, revision: str
) -> None:
    """New files get AUTOINCREMENT when each table is made, so 0012 copies no table of theirs
    (copying every table made each new database four times slower to create)."""
    engine = storage.make_engine(file_location(db_path))
    storage.create_private_file(db_path)
    try:
        storage.migrate(engine, revision)
    finally:
        engine.dispose()
    assert _tables_without_autoincrement(db_path) == []


def test_a_removed_number_is_not_given_to_the_next_row(run: Run, example_db: Path) -> None:
    """`psi budget remove-expense 10` from the shell's history must not remove a newer one."""

    def spend(note: str) -> int:
        result = run("budget", "spend", "Örebro Föreningsråd", "100", "--on", "2026-03-10",
                     "--category", "fika", "--note", note)  # fmt: skip
        assert result.exit_code == 0, result.output
        return int(result.stdout.split("Recorded expense ", 1)[1].split(":", 1)[0])

    last = spend("Fika")
    assert run("budget", "remove-expense", str(last), "--yes").exit_code == 0
    assert spend("Fika igen") == last + 1
    added = run("org", "add", "Föreningen Tillfällig", "--sector", "civil-society")
    assert added.exit_code == 0, added.output
    org = run("org", "show", "Föreningen Tillfällig", "--json")
    first = int(json.loads(org.stdout)["id"])
    assert run("org", "remove", "Föreningen Tillfällig", "--yes").exit_code == 0
    assert run("org", "add", "Föreningen Efterträdaren", "--sector", "civil-society").exit_code == 0
    later = run("org", "show", "Föreningen Efterträdaren", "--json")
    assert int(json.loads(later.stdout)["id"]) == first + 1
