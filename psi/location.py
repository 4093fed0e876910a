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
    if value.startswith(("postgresql://", "postgres://")):
        # psi installs psycopg 3 for PostgreSQL; SQLAlchemy's default would be psycopg2.
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return DbLocation(url=value, path=None)
