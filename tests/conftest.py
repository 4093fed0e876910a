"""Shared fixtures: every CLI test gets a throwaway SQLite file through PSI_DB."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
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

# The suite reads psi's English messages, whatever the developer's locale; a test of the
# Swedish interface sets PSI_LANG=sv itself.
os.environ["PSI_LANG"] = "en"

Run = Callable[..., Result]
# Typer's test runner rebuilds the whole command tree on every invoke (about 70 ms, over
# thousands of invocations); build it once per app for the whole session. There is no public
# way: typer.testing.CliRunner.invoke takes a Typer app and always calls the module-level
# get_command it imported, so that name is replaced. Each test still gets a fresh run (the
# command tree holds no state of a run; psi's own state lives in ctx.obj).
_BUILT: dict[int, Any] = {}


def _built_once(typer_app: Any) -> Any:
    if id(typer_app) not in _BUILT:
        _BUILT[id(typer_app)] = get_command(typer_app)
    return _BUILT[id(typer_app)]


typer.testing._get_command = _built_once  # type: ignore[attr-defined]


SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
_UPDATE_SNAPSHOTS: list[bool] = [False]


def pytest_addoption(parser: pytest.Parser) -> None:
    """`pytest --snapshot-update` rewrites the snapshots instead of comparing with them."""
    parser.addoption(
        "--snapshot-update",
        action="store_true",
        help="Rewrite tests/snapshots/ from the rendered documents (then read the diff).",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Remember whether this run updates the snapshots."""
    _UPDATE_SNAPSHOTS[0] = bool(config.getoption("--snapshot-update", default=False))


def assert_snapshot(name: str, text: str) -> None:
    """Compare text with tests/snapshots/NAME; with --snapshot-update, rewrite it instead."""
    path = SNAPSHOTS / name
    if _UPDATE_SNAPSHOTS[0]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"No snapshot {path}; create it with --snapshot-update and review it."
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its snapshot; if intended: --snapshot-update"


POSTGRES_ENV = "PSI_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_ENV)
ENGINES = [
    "sqlite",
    *([pytest.param("postgresql", marks=pytest.mark.postgresql)] if POSTGRES_URL else []),
]
"""Every test that uses a database runs on SQLite, and also on PostgreSQL when
PSI_TEST_POSTGRES_URL names a server database psi may create databases beside."""

Db = Path | str
"""A test database: a SQLite file, or the URL of a PostgreSQL database."""


class PostgresServer:
    """Makes and drops one database per test on the server PSI_TEST_POSTGRES_URL names."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.admin = psycopg.connect(url, autocommit=True)
        self.count = 0

    def create(self, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`); its URL."""
        self.count += 1
        name = f"psi_test_{os.getpid()}_{self.count}"
        source = template or "template0"
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}" STRATEGY FILE_COPY')
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Remove a database made by `create`, whoever is still connected."""
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name(url)}" WITH (FORCE)')

    def copy(self, template: str, target: str) -> None:
        """Make `target` an exact copy of `template` (both made by `create`)."""
        self.drop(target)
        self.admin.execute(
            f'CREATE DATABASE "{self.name(target)}" TEMPLATE "{self.name(template)}" '
            "STRATEGY FILE_COPY"
        )

    @staticmethod
    def name(url: str) -> str:
        """The database name in a URL."""
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        assert name is not None
        return name


_SERVER: list[PostgresServer] = []


def postgres_server() -> PostgresServer:
    """The test server, connected once per session."""
    assert POSTGRES_URL is not None, f"set {POSTGRES_ENV}"
    if not _SERVER:
        _SERVER.append(PostgresServer(POSTGRES_URL))
    return _SERVER[0]


def new_database(engine: str, folder: Path) -> Db:
    """An empty database on the engine: a file name in `folder`, or a new server database."""
    if engine == "sqlite":
        return folder / "psi.sqlite3"
    return postgres_server().create()


def drop_database(db: Db) -> None:
    """Remove a server database when its test is done (files go with their folder)."""
    if isinstance(db, str):
        postgres_server().drop(db)


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine this test runs on: "sqlite" or "postgresql"."""
    name: str = request.param
    return name


@pytest.fixture
def db(engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Db]:
    """This test's database (not yet created), given to psi through PSI_DB."""
    database = new_database(engine, tmp_path)
    monkeypatch.setenv("PSI_DB", str(database))
    # Backups of a server database go to the user data folder: keep them in the test's.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PSI_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    yield database
    drop_database(database)


@pytest.fixture
def db_path(db: Db) -> Path:
    """This test's database as a SQLite file, for tests of what a file does (backups,
    permissions, a file that is not a database); skipped on PostgreSQL."""
    if not isinstance(db, Path):
        pytest.skip("a SQLite file's own behaviour")
    return db


def _invoker() -> Run:
    """A way to invoke psi in-process like a user would, on the database PSI_DB names."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def run(db: Db) -> Run:
    """Invoke psi in-process like a user would: run("org", "list", "--json")."""
    return _invoker()


@pytest.fixture
def empty_db(run: Run, db: Db) -> Db:
    """A new database at the newest schema, with no data."""
    return _initialised(run, db, "init")


@pytest.fixture
def example_db(run: Run, db: Db) -> Db:
    """A database holding the example register (`psi init --example`)."""
    return _initialised(run, db, "init", "--example")


_SERVER_TEMPLATES: dict[tuple[str, ...], str] = {}
_FILE_TEMPLATES: dict[tuple[str, ...], Path] = {}


def _initialised(run: Run, db: Db, *init: str) -> Db:
    """What `psi init ...` makes, as a copy of a database it made once in this session
    (hundreds of tests start from the example; each would otherwise build it again)."""
    if isinstance(db, Path):
        if init not in _FILE_TEMPLATES:
            result = run(*init)
            assert result.exit_code == 0, result.output
            assert not Path(f"{db}-wal").exists(), "psi left its WAL behind"
            template = Path(tempfile.mkdtemp(prefix="psi-template-")) / db.name
            shutil.copy(db, template)  # the file's mode too: psi makes it private
            _FILE_TEMPLATES[init] = template
            return db
        shutil.copy(_FILE_TEMPLATES[init], db)
        return db
    if init not in _SERVER_TEMPLATES:
        template = postgres_server().create()
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PSI_DB", template)
            result = run(*init)
        assert result.exit_code == 0, result.output
        _SERVER_TEMPLATES[init] = template
    postgres_server().copy(_SERVER_TEMPLATES[init], db)
    return db


def dump(db: Db, *, typed: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare a database before and after a command.

    `typed` reads through SQLAlchemy's column types (dates as dates, booleans as booleans),
    so a SQLite file and a server database holding the same register compare equal."""
    if isinstance(db, str):
        return _dump_typed(db)
    if typed:
        return _dump_typed(f"sqlite:///{db}")
    connection = sqlite3.connect(db)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: connection.execute(
                f'SELECT * FROM "{table}" ORDER BY {_order(table)}'
            ).fetchall()
            for table in tables
        }
    finally:
        connection.close()


def _order(table: str) -> str:
    # SQLite's counters of AUTOINCREMENT tables are one row a table, in the order the tables
    # were first written to, which a copy need not keep.
    return "name" if table == "sqlite_sequence" else "rowid"


_REFLECTED: dict[tuple[str, ...], Any] = {}


def _dump_typed(url: str) -> dict[str, list[tuple[Any, ...]]]:
    from sqlalchemy import MetaData, create_engine, inspect, select, text

    from psi.location import locate_db

    engine = create_engine(locate_db(url).url)
    try:
        with engine.connect() as connection:
            names = sorted(inspect(connection).get_table_names())
            revision = (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if "alembic_version" in names
                else None
            )
            # Reflecting a server's catalogue takes a second; databases at the same revision
            # with the same tables have the same columns, so reflect each kind once.
            key = (engine.dialect.name, str(revision), *names)
            if key not in _REFLECTED:
                metadata = MetaData()
                metadata.reflect(connection)
                _REFLECTED[key] = metadata
            tables = _REFLECTED[key].tables
            return {
                name: [
                    tuple(_in_utc(value) for value in row)
                    for row in connection.execute(
                        select(table).order_by(*(table.primary_key.columns or table.columns))
                    )
                ]
                for name, table in sorted(tables.items())
            }
    finally:
        engine.dispose()


def _in_utc(value: Any) -> Any:
    """A server's time with a zone as the naive UTC time SQLite holds; anything else as is."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def restore(template: Db, db: Db) -> None:
    """Make this test's database a copy of a record built once (see `record_once`)."""
    if isinstance(template, str):
        assert isinstance(db, str)
        postgres_server().copy(template, db)
        return
    source, target = sqlite3.connect(template), sqlite3.connect(db)
    try:
        source.backup(target)  # SQLite's backup API: the WAL is included
    finally:
        source.close()
        target.close()


def restored(recorded: tuple[Db, dict[str, int]], db: Db) -> dict[str, int]:
    """Make this test's database a copy of what a `record_once` fixture built; its numbers."""
    template, ids = recorded
    restore(template, db)
    return ids


def record_once(build: Callable[[Run, Path], dict[str, int]]) -> Any:
    """A module-scoped fixture that builds a record once with psi's own commands (as the `run`
    fixture runs them) in a database of its own, and gives that database and the numbers
    `build` returns; each test then starts from a copy (see `restored`). Assign it to a name in
    the test module, which becomes the fixture's name: `record_template = record_once(build)`.
    A server database is dropped when the module is done."""

    @pytest.fixture(scope="module")
    def recorded(
        engine: str, tmp_path_factory: pytest.TempPathFactory
    ) -> Iterator[tuple[Db, dict[str, int]]]:
        folder = tmp_path_factory.mktemp("record")
        database = new_database(engine, folder)
        invoke = _invoker()
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PSI_DB", str(database))
            patch.setenv("NO_COLOR", "1")
            patch.delenv("PSI_DEBUG", raising=False)
            result = invoke("init")
            assert result.exit_code == 0, result.output
            ids = build(invoke, folder)
        yield database, ids
        drop_database(database)

    return recorded


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the template files; drop the server databases they live in, and the admin connection."""
    for path in _FILE_TEMPLATES.values():
        shutil.rmtree(path.parent, ignore_errors=True)
    if _SERVER:
        for template in _SERVER_TEMPLATES.values():
            _SERVER[0].drop(template)
        _SERVER[0].admin.close()
