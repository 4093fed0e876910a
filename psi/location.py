"""Where the database lives: --db, else PSI_DB, else the user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DB_ENV = "PSI_DB"
DB_FILENAME = "psi.sqlite3"


@dataclass(frozen=True)
class DbLocation:
    """A database address: the SQLAlchemy URL, and the file for SQLite files."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        """True for SQLite (a file or in memory)."""
        return self.url.startswith("sqlite")

    @property
    def display(self) -> str:
        """The path for a file, else the URL with any password hidden."""
        if self.path is not None:
            return str(self.path)
        return _hide_password(self.url)


def _hide_password(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url


def check_server_address(url: str) -> None:
    """Refuse a server address that would be misread, without ever repeating its password."""
    from psi.errors import InvalidInput

    _, _, rest = url.partition("://")
    authority, _, database = rest.partition("/")
    credentials, _, host_port = authority.rpartition("@")
    if "@" in credentials or "@" in database.split("?", 1)[0]:
        # An unencoded @ or / in a password moves the split, and the driver's error would
        # then show the rest of the password as the host name.
        raise InvalidInput(
            "The user name or password in the database address holds a character that must "
            "be percent-encoded: write @ as %40, / as %2F, : as %3A and % as %25, "
            "e.g. postgresql://psi:my%40pass@host/psi."
        )
    host, colon, port = host_port.rpartition(":")
    if colon and host and not host.endswith("]") and not (port.isdigit() and 0 < int(port) < 65536):
        raise InvalidInput(
            f"The port in the database address must be a number from 1 to 65535, not '{port}'; "
            "leave it out for PostgreSQL's 5432."
        )


def default_db_path() -> Path:
    """psi.sqlite3 in the platform's user data folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("psi", appauthor=False)) / DB_FILENAME


def locate_db(option: str | None) -> DbLocation:
    """Resolve the --db value, PSI_DB, or the default into a DbLocation."""
    value = option or os.environ.get(DB_ENV) or None
    if value is None:
        path = default_db_path()
        return DbLocation(url=f"sqlite:///{path}", path=path)
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        return DbLocation(url=f"sqlite:///{path}", path=path)
    if value.startswith("sqlite:///") and len(value) > len("sqlite:///"):
        raw = value[len("sqlite:///") :].split("?", 1)[0]
        path = Path(raw).expanduser().resolve()
        return DbLocation(url=f"sqlite:///{path}", path=path)
    check_server_address(value)
    if value.startswith(("postgresql://", "postgres://")):
        # psi installs psycopg 3 for PostgreSQL; SQLAlchemy's default would be psycopg2.
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return DbLocation(url=value, path=None)
