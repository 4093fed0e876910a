"""The one place that talks to the database: engines, transactions, migrations, backups."""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, IntegrityError, SQLAlchemyError
from sqlmodel import Session

from psi import HEAD_REVISION as HEAD_REVISION  # re-exported: storage.HEAD_REVISION
from psi.errors import Conflict, DatabaseProblem, FileProblem, NotFound, PsiError
from psi.location import DbLocation
from psi.words import _

BUSY_TIMEOUT_MS = 30_000
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class SchemaState:
    """The revision a database is at, and what psi thinks of it."""

    revision: str | None
    is_head: bool
    known: bool


def _connect_sqlite_events(engine: Engine, *, write: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves, so a writing command takes the write lock at once.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Deleted rows are overwritten with zeros, so an erased person is not left in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        # No journal_mode here: switching to WAL changes the file, and a file is only changed
        # once psi knows it is its own at a schema it may write (see use_wal).
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(location: DbLocation, *, write: bool = True) -> Engine:
    """An engine for the location; SQLite gets foreign keys, WAL and a busy timeout."""
    try:
        if location.is_sqlite:
            engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _connect_sqlite_events(engine, write=write)
            return engine
        return create_engine(location.url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise DatabaseProblem(
            _(
                "The database driver '{driver}' is not installed; for PostgreSQL run "
                "pip install 'psycopg[binary]'."
            ).format(driver=exc.name)
        ) from None
    except SQLAlchemyError as exc:
        raise DatabaseProblem(
            _("'{address}' is not a database address: {problem}").format(
                address=location.display, problem=exc
            )
        ) from None


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (it will hold personal data)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(descriptor)
    except FileExistsError:
        if path.stat().st_size == 0:
            # An empty file made by someone else becomes the database: make it private too
            # (on Windows chmod only sets read-only, and the user's folder is private already).
            with suppress(OSError):
                path.chmod(0o600)
        return
    except OSError as exc:
        raise FileProblem(
            _("Cannot create {file}: {problem}.").format(file=path, problem=exc.strerror)
        ) from None


def database_exists(location: DbLocation) -> bool:
    """Whether the SQLite file exists (a server database is assumed to)."""
    return location.path is None or (location.path.exists() and location.path.stat().st_size > 0)


def _require_file(location: DbLocation) -> None:
    if not database_exists(location):
        raise DatabaseProblem(
            _(
                "No database at {place}. Create it with `psi init` "
                "(or `psi init --example` to look around), or point --db or PSI_DB at yours."
            ).format(place=location.display)
        )


def has_schema(location: DbLocation) -> bool:
    """Whether the database already holds a psi schema (of any version)."""
    engine = make_engine(location, write=False)
    try:
        return read_revision(engine) is not None
    except DatabaseError as exc:
        raise _database_problem(exc, location) from None
    finally:
        engine.dispose()


def read_revision(engine: Engine) -> str | None:
    """The Alembic revision stored in the database, or None for an empty database."""
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise DatabaseProblem(
                    _(
                        "This database was not made by psi (it has tables but no psi schema); "
                        "point --db at a psi database or a new file."
                    )
                )
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def known_revisions() -> list[str]:
    """Every revision the shipped migrations know, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def schema_state(engine: Engine) -> SchemaState:
    """Where the database's schema stands against this psi's migrations."""
    revision = read_revision(engine)
    if revision == HEAD_REVISION:
        return SchemaState(revision, is_head=True, known=True)
    return SchemaState(
        revision, is_head=False, known=revision is None or revision in known_revisions()
    )


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema up to a revision (the newest by default)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with (
        engine.connect() as connection,
        _foreign_keys_checked_at_the_end(connection),
        connection.begin(),
    ):
        # Two psi processes opening the same old server database upgrade it one after the
        # other; the second then finds it at the newest schema and has nothing to do.
        take_write_lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        _check_foreign_keys(connection)


@contextmanager
def _foreign_keys_checked_at_the_end(connection: Any) -> Iterator[None]:
    """On SQLite, foreign keys off while a migration copies tables into new ones (a table
    others refer to cannot be dropped and renamed with them on), then on again; the
    migration checks every reference before it commits. PostgreSQL needs none of this."""
    if connection.dialect.name != "sqlite":
        yield
        return
    # Outside any transaction, where SQLite honours the pragma.
    raw = connection.connection.driver_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(connection: Any) -> None:
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"The migration left rows pointing nowhere: {broken[:5]}")


WRITE_LOCK_KEY = 0x707369
"""The PostgreSQL advisory lock every writing psi transaction holds ("psi" in ASCII)."""


def take_write_lock(connection: Any) -> None:
    """Make this writing transaction wait for any other psi writer on the same server database.

    SQLite gets the same from BEGIN IMMEDIATE. On PostgreSQL, at READ COMMITTED, every rule
    checked before a write would otherwise race with another writer's; with the lock taken
    first, each statement after it sees everything the previous writer committed. The lock
    is released when the transaction ends, by commit or rollback.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def backup_folder(location: DbLocation) -> Path:
    """Where psi writes its own backups: beside a file, in the user data folder for a server."""
    if location.path is not None:
        return location.path.parent
    from psi.location import default_db_path

    return default_db_path().parent


def backup_stem(location: DbLocation) -> str:
    """The start of a backup's name: the file's name, or the server database and its host."""
    if location.path is not None:
        return location.path.stem
    from sqlalchemy.engine import make_url

    url = make_url(location.url)
    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"{url.database or 'psi'}-{url.host or 'server'}")


def backup_path(location: DbLocation, label: str) -> Path:
    """A new file name for a backup: `<stem>.<label>-<timestamp>.sqlite3`."""
    folder, stem = backup_folder(location), backup_stem(location)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}.{label}-{stamp}.sqlite3"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{stem}.{label}-{stamp}-{counter}.sqlite3"
    return candidate


def backup_database(location: DbLocation, target: Path) -> Path:
    """A backup file of the database: SQLite's own copy of a file, a SQLite copy of a server."""
    if location.path is not None:
        return backup_sqlite(location, target)
    engine = make_engine(location, write=False)
    try:
        revision = read_revision(engine)
        if revision is None:
            raise DatabaseProblem(
                _("No psi database at {place}; create it with `psi init`.").format(
                    place=location.display
                )
            )
        return backup_server(engine, target, revision)
    except DatabaseError as exc:
        raise _database_problem(exc, location) from None
    finally:
        engine.dispose()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Any]:
    """A reading connection that sees one moment of the database, across all its tables."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def backup_server(engine: Engine, target: Path, revision: str) -> Path:
    """Copy a server database, at its own schema revision, into a new SQLite file.

    The file gets the same revision's schema and every row, in one reading transaction, so
    it opens (and upgrades) like any psi database, and `psi db copy` can put it back.
    """
    from sqlalchemy import MetaData, insert, select

    target = _new_backup_target(target)
    partial = _partial(target)
    create_private_file(partial)
    copy = make_engine(DbLocation(url=f"sqlite:///{partial}", path=partial))
    try:
        migrate(copy, revision)
        tables = MetaData()
        tables.reflect(copy)
        with _snapshot(engine) as reading, copy.begin() as writing:
            for table in tables.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [dict(row) for row in reading.execute(select(table)).mappings()]
                for start in range(0, len(rows), COPY_BATCH):
                    writing.execute(insert(table), rows[start : start + COPY_BATCH])
    except BaseException:
        copy.dispose()
        _remove_database_files(partial)
        raise
    copy.dispose()
    return _complete(partial, target)


def _new_backup_target(target: Path) -> Path:
    target = target.expanduser().resolve()
    if target.exists():
        raise FileProblem(
            _("{file} already exists; name a new file for the backup.").format(file=target)
        )
    return target


def _partial(target: Path) -> Path:
    """Where a backup is written until it is whole; never named like a backup."""
    return target.with_name(f"{target.name}.partial-{os.getpid()}")


def _complete(partial: Path, target: Path) -> Path:
    """Give a whole backup its name, in one step (a killed psi leaves only a .partial file)."""
    try:
        partial.replace(target)
    except OSError as exc:
        _remove_database_files(partial)
        raise FileProblem(
            _("Cannot write {file}: {problem}.").format(file=target, problem=exc.strerror)
        ) from None
    return target


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup of one file into a new one, consistent during writes."""
    reading = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    writing = sqlite3.connect(target)
    try:
        with writing:
            reading.backup(writing)
    finally:
        writing.close()
        reading.close()


def backup_sqlite(location: DbLocation, target: Path) -> Path:
    """Copy the SQLite database with SQLite's online backup (consistent during writes)."""
    if location.path is None:
        raise DatabaseProblem(_("SQLite's own backup works on SQLite files only."))
    _require_file(location)
    if target.expanduser().resolve() == location.path:
        raise FileProblem(_("The backup cannot overwrite the database itself; name another file."))
    target = _new_backup_target(target)
    partial = _partial(target)
    create_private_file(partial)
    try:
        _sqlite_copy(location.path, partial)
    except sqlite3.Error as exc:
        _remove_database_files(partial)
        raise DatabaseProblem(_("The backup failed: {problem}.").format(problem=exc)) from None
    except BaseException:
        _remove_database_files(partial)
        raise
    return _complete(partial, target)


def own_backups(location: DbLocation, label: str | None = None) -> list[Path]:
    """The backups psi named itself for this database (see `backup_path`), oldest first:
    those with one label, or all. Only a whole name of that pattern counts, so a file the
    user named `psi.backup-before-audit.sqlite3` is never taken for one."""
    stem = backup_stem(location)
    labels = re.escape(label) if label is not None else r"[A-Za-z0-9-]+"
    own = re.compile(rf"{re.escape(stem)}\.{labels}-\d{{8}}-\d{{6}}(-\d+)?\.sqlite3")
    candidates = backup_folder(location).glob(f"{glob.escape(stem)}.*.sqlite3")
    found = [
        path
        for path in candidates
        if own.fullmatch(path.name) and path.is_file() and path != location.path
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def prune_backups(location: DbLocation, label: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups psi named itself with this label."""
    found = own_backups(location, label)
    removed = found[: max(0, len(found) - keep)]
    for path in removed:
        with suppress(OSError):
            path.unlink()
    return removed


def vacuum(location: DbLocation) -> bool:
    """Rebuild a SQLite file, so that no free page keeps an old row; False if busy."""
    if location.path is None:
        return True
    engine = make_engine(location)
    try:
        raw = engine.raw_connection()  # autocommit: VACUUM cannot run inside a transaction
        try:
            raw.cursor().execute("VACUUM")
        finally:
            raw.close()
    except (sqlite3.Error, DatabaseError):
        return False
    finally:
        engine.dispose()
    return True


@dataclass(frozen=True)
class Restored:
    """What `psi db restore` did with the database it replaced."""

    saved: Path | None
    """A backup of the database as it was, when it could be read."""
    damaged: Path | None
    """Where an unreadable database was moved aside, untouched."""


def restore_sqlite(location: DbLocation, source: Path) -> Restored:
    """Put a backup back. A readable database is backed up first, then replaced; a damaged
    one is moved aside as it is; a missing one is simply put back."""
    if location.path is None:
        raise DatabaseProblem(
            _(
                "psi db restore puts a backup back into a SQLite file; to put one back on a "
                "server, run psi --db BACKUP.sqlite3 db copy --to URL --replace."
            )
        )
    source = source.expanduser().resolve()
    if not source.is_file():
        raise FileProblem(
            _("{file} is not a file; give a backup made by psi db backup.").format(file=source)
        )
    if source == location.path:
        raise FileProblem(_("That is the database itself; give a backup file."))
    _check_backup(source)
    if not database_exists(location):
        _put_in_place(source, location.path)
        return Restored(saved=None, damaged=None)
    if not _readable_sqlite(location.path):
        damaged = _move_aside(location.path, backup_path(location, "damaged"))
        try:
            _put_in_place(source, location.path)
        except PsiError as exc:
            raise DatabaseProblem(
                _(
                    "The restore failed ({problem}); the damaged database was moved, "
                    "unchanged, to {file}."
                ).format(problem=exc.message, file=damaged)
            ) from None
        return Restored(saved=None, damaged=damaged)
    saved = backup_sqlite(location, backup_path(location, "before-restore"))
    try:
        _sqlite_copy(source, location.path)
    except sqlite3.Error as exc:
        raise DatabaseProblem(
            _(
                "The restore failed ({problem}); the database is unchanged, and saved at {file}."
            ).format(problem=exc, file=saved)
        ) from None
    return Restored(saved=saved, damaged=None)


def _check_backup(source: Path) -> None:
    """Refuse what is not a psi database this psi can open."""
    probe = make_engine(DbLocation(url=f"sqlite:///{source}", path=source), write=False)
    try:
        revision = read_revision(probe)
    except (DatabaseError, DatabaseProblem):
        raise FileProblem(_("{file} is not a psi database backup.").format(file=source)) from None
    finally:
        probe.dispose()
    if revision is None:
        raise FileProblem(_("{file} holds no psi database.").format(file=source))
    if revision != HEAD_REVISION and revision not in known_revisions():
        raise DatabaseProblem(
            _("{file} was made by a newer psi (schema {revision}); upgrade psi first.").format(
                file=source, revision=revision
            )
        )


def _readable_sqlite(path: Path) -> bool:
    """Whether SQLite can read the file's header and schema (False for a damaged file)."""
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return True


def _move_aside(path: Path, aside: Path) -> Path:
    """Rename a damaged database, with its WAL and shared-memory files, byte for byte.

    The file itself goes first: if it cannot be moved, nothing is; its WAL never stays
    behind without it being moved too (a stale one is moved aside before a restore)."""
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise FileProblem(
            _("Cannot move {file} aside: {problem}.").format(file=path, problem=exc.strerror)
        ) from None
    return aside


def _put_in_place(source: Path, path: Path) -> None:
    """Copy a backup to where no database is (any stale WAL moved away first)."""
    for suffix in ("-wal", "-shm", "-journal"):
        stale = path.with_name(path.name + suffix)
        if stale.exists():
            _move_aside(stale, stale.with_name(f"{stale.name}.stale-{os.getpid()}"))
    partial = _partial(path)
    create_private_file(partial)
    try:
        _sqlite_copy(source, partial)
    except sqlite3.Error as exc:
        _remove_database_files(partial)
        raise DatabaseProblem(
            _("The restore failed ({problem}); nothing was changed.").format(problem=exc)
        ) from None
    _complete(partial, path)


def ensure_schema(
    engine: Engine, location: DbLocation, *, backup_first: bool = True, create: bool = True
) -> SchemaState:
    """Upgrade an older database (after a backup beside it); refuse one from a newer psi.

    An empty database gets psi's schema only when asked to create one (`psi init`).
    """
    state = schema_state(engine)
    if state.is_head:
        return state
    if state.revision is None and not create:
        raise DatabaseProblem(
            _(
                "{place} holds no psi database. Create one there with `psi init`, "
                "or point --db or PSI_DB at yours."
            ).format(place=location.display)
        )
    if not state.known:
        raise DatabaseProblem(
            _(
                "The database at {place} was made by a newer psi (schema "
                "{revision}; this psi knows up to {newest}). Upgrade psi: "
                "pip install --upgrade psi. The database was not touched."
            ).format(place=location.display, revision=state.revision, newest=HEAD_REVISION)
        )
    if state.revision is not None and backup_first:
        target = backup_path(location, f"before-{HEAD_REVISION}")
        if location.path is not None:
            backup_sqlite(location, target)
        else:
            backup_server(engine, target, state.revision)
    migrate(engine)
    return schema_state(engine)


def open_engine(
    location: DbLocation, *, write: bool = True, create: bool = False, backup_first: bool = True
) -> Engine:
    """An engine on a database at the newest schema; a missing file is an error unless create."""
    if location.path is not None:
        if create:
            create_private_file(location.path)
        else:
            _require_file(location)
    engine = make_engine(location, write=write)
    try:
        ensure_schema(engine, location, backup_first=backup_first, create=create)
        use_wal(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise _database_problem(exc, location) from None
    except BaseException:
        engine.dispose()
        raise
    return engine


def flush_wal(location: DbLocation) -> bool:
    """Copy the WAL into the database file and empty it (after an erasure); False if busy.

    Old copies of erased rows live on in the WAL until this runs. A server keeps no such
    file of psi's, so there it is a no-op.
    """
    if location.path is None or not location.path.exists():
        return True
    try:
        connection = sqlite3.connect(location.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            busy, _log, _moved = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return not busy


def use_wal(engine: Engine) -> None:
    """Put a SQLite file psi has accepted into WAL mode (readers then never block a writer)."""
    if engine.dialect.name == "sqlite":
        # Outside any transaction (SQLite refuses the switch inside one): the raw connection
        # is in autocommit mode, see _connect_sqlite_events.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()
        finally:
            raw.close()


def _database_problem(exc: DatabaseError, location: DbLocation) -> DatabaseProblem:
    message = _without_password(_first_line(exc.orig if exc.orig is not None else exc), location)
    if "locked" in message or "busy" in message:
        return DatabaseProblem(
            _("The database is busy: another psi is writing to it. Try again in a moment.")
        )
    if "not a database" in message or "malformed" in message:
        return DatabaseProblem(
            _(
                "{place} is not a readable psi database ({problem}); "
                "restore a backup or point --db at another file."
            ).format(place=location.display, problem=message)
        )
    return DatabaseProblem(
        _("The database at {place} cannot be used: {problem}.").format(
            place=location.display, problem=message
        )
    )


def _without_password(message: str, location: DbLocation) -> str:
    """A driver's message with the address's password, should it quote it, hidden."""
    if location.path is not None:
        return message
    from sqlalchemy.engine import make_url

    try:
        password = make_url(location.url).password
    except (ValueError, SQLAlchemyError):
        return message
    return message.replace(str(password), "***") if password else message


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink()


@contextmanager
def transaction(
    location: DbLocation,
    *,
    write: bool = True,
    create: bool = False,
    command: str | None = None,
    backup_first: bool = True,
) -> Iterator[Session]:
    """One session in one transaction: commit on success, roll back on any error.

    With create, a missing SQLite file is made first, and removed again if anything fails.
    An older database is upgraded after a backup, unless backup_first is False (for a file
    that is itself a backup).
    """
    fresh = create and location.path is not None and not database_exists(location)
    try:
        with _session(
            location, write=write, create=create, command=command, backup_first=backup_first
        ) as session:
            yield session
    except BaseException:
        if fresh and location.path is not None:
            _remove_database_files(location.path)
        raise


@contextmanager
def _session(
    location: DbLocation, *, write: bool, create: bool, command: str | None, backup_first: bool
) -> Iterator[Session]:
    engine = open_engine(location, write=write, create=create, backup_first=backup_first)
    try:
        with Session(engine, expire_on_commit=False) as session:
            changes = _audit().track(session) if write else []
            try:
                if write:
                    take_write_lock(session.connection())
                yield session
                if write:
                    session.flush()
                    _audit().record(session, command or "psi", changes)
                    session.commit()
                else:
                    session.rollback()
            except OverflowError:
                session.rollback()
                raise _number_too_large() from None
            except IntegrityError as exc:
                session.rollback()
                raise Conflict(
                    _(
                        "The change clashes with what the register holds ({problem}); "
                        "nothing was written."
                    ).format(problem=_first_line(exc.orig))
                ) from None
            except DatabaseError as exc:
                session.rollback()
                if getattr(exc.orig, "sqlstate", None) == NUMERIC_OUT_OF_RANGE:
                    raise _number_too_large() from None
                raise _database_problem(exc, location) from None
            except BaseException:
                session.rollback()
                raise
    finally:
        engine.dispose()


def _audit() -> Any:
    """The audit module, loaded by writing commands only (reading ones never need it)."""
    from psi import audit

    return audit


NUMERIC_OUT_OF_RANGE = "22003"
"""PostgreSQL's SQLSTATE for a number its column cannot hold (SQLite raises OverflowError)."""


def _number_too_large() -> NotFound:
    # Amounts are capped well inside the columns, so what overflows is a record number.
    return NotFound(_("No record has a number that large; see the list command for the numbers."))


def _first_line(error: object) -> str:
    # PostgreSQL adds DETAIL and HINT lines; an error is one line.
    return next((line for line in str(error).splitlines() if line.strip()), "")


@dataclass(frozen=True)
class CheckResult:
    """What `psi db check` found."""

    location: str
    revision: str | None
    head: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when the database is whole and at the newest schema."""
        return not self.problems and self.revision == self.head


def check_database(location: DbLocation) -> CheckResult:
    """Integrity check, foreign-key check and schema version, writing nothing."""
    _require_file(location)
    engine = make_engine(location, write=False)
    try:
        revision = read_revision(engine)
        problems: list[str] = []
        if location.is_sqlite:
            with engine.connect() as connection:
                integrity = [
                    str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")
                ]
                if integrity != ["ok"]:
                    problems.extend(integrity)
                for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(
                        _("row {row} in {table} points to a missing {missing}").format(
                            row=row[1], table=row[0], missing=row[2]
                        )
                    )
        if revision != HEAD_REVISION:
            problems.append(
                _("schema {revision} is not the newest ({newest})").format(
                    revision=revision, newest=HEAD_REVISION
                )
            )
        return CheckResult(location.display, revision, HEAD_REVISION, tuple(problems))
    except DatabaseError as exc:
        raise _database_problem(exc, location) from None
    finally:
        engine.dispose()


COPY_BATCH = 2000


def register_tables() -> list[Any]:
    """psi's tables, parents before children."""
    from sqlmodel import SQLModel

    import psi.models  # noqa: F401  (the tables)

    return list(SQLModel.metadata.sorted_tables)


@dataclass(frozen=True)
class Copied:
    """What `psi db copy` did: rows per table, and the backup of a replaced target."""

    counts: dict[str, int]
    saved: Path | None


def rows_held(location: DbLocation) -> int:
    """How many rows of psi's tables a database holds, creating and changing nothing."""
    from sqlalchemy import func, select

    if location.path is not None and not database_exists(location):
        return 0
    engine = make_engine(location, write=False)
    try:
        if read_revision(engine) is None:
            return 0
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            return sum(
                connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in register_tables()
                if table.name in present
            )
    except DatabaseError as exc:
        raise _database_problem(exc, location) from None
    finally:
        engine.dispose()


def copy_database(
    source: DbLocation,
    target: DbLocation,
    *,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Copied:
    """Copy every table from one database to another (SQLite or PostgreSQL, either way).

    The target is made or upgraded to the newest schema first; one that already holds data
    is refused unless `replace`, and then backed up before it is overwritten. Row counts are
    compared afterwards, table by table.
    """
    from sqlalchemy import delete, func, insert, select

    if source.url == target.url:
        raise DatabaseProblem(
            _("The source and the target are the same database; give another --to.")
        )
    tables = register_tables()
    source_engine = open_engine(source, write=False)
    target_engine = open_engine(target, write=True, create=True)
    try:
        with _snapshot(source_engine) as reading, target_engine.begin() as writing:
            take_write_lock(writing)
            held = {
                t.name: writing.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables
            }
            if any(held.values()) and not replace:
                busy = ", ".join(f"{name} ({count})" for name, count in held.items() if count)
                raise Conflict(
                    _(
                        "The target already holds data: {tables}. Add --replace to overwrite it."
                    ).format(tables=busy)
                )
            saved = None
            if any(held.values()):
                saved = backup_database(target, backup_path(target, "before-copy"))
            for table in reversed(tables):
                writing.execute(delete(table))
            counts: dict[str, int] = {}
            for table in tables:
                rows = [dict(row) for row in reading.execute(select(table)).mappings()]
                for start in range(0, len(rows), COPY_BATCH):
                    writing.execute(insert(table), rows[start : start + COPY_BATCH])
                counts[table.name] = len(rows)
                if progress is not None:
                    progress(len(counts))
            copied = {
                t.name: writing.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables
            }
            if copied != counts:
                raise DatabaseProblem(
                    _("The copy is incomplete ({copied} != {counts}); nothing was written.").format(
                        copied=copied, counts=counts
                    )
                )
            if writing.dialect.name == "postgresql":
                _reset_sequences(writing, tables)
        return Copied(counts, saved)
    except DatabaseError as exc:
        raise _database_problem(exc, target) from None
    finally:
        source_engine.dispose()
        target_engine.dispose()


def _reset_sequences(connection: Any, tables: list[Any]) -> None:
    """After rows with their ids, PostgreSQL's id counters must continue after the largest."""
    for table in tables:
        if "id" in table.c and table.c.id.autoincrement:
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
            )
