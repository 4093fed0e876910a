"""Where the database lives: --db, else PSI_DB, else the user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from psi.words import _

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
    credentials, _at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url


def check_server_address(url: str) -> None:
    """Refuse a server address that would be misread, without ever repeating its password."""
    from psi.errors import InvalidInput

    _scheme, _sep, rest = url.partition("://")
    authority, _slash, database = rest.partition("/")
    credentials, _at, host_port = authority.rpartition("@")
    if "@" in credentials or "@" in database.split("?", 1)[0]:
        # An unencoded @ or / in a password moves the split, and the driver's error would
        # then show the rest of the password as the host name.
        # The codes are values: "%2F" in a message would read to gettext as a %-placeholder.
        raise InvalidInput(
            _(
                "The user name or password in the database address holds a character that must "
                "be percent-encoded: write @ as {at}, / as {slash}, : as {colon} and % as "
                "{percent}, e.g. {example}."
            ).format(
                at="%40",
                slash="%2F",
                colon="%3A",
                percent="%25",
                example="postgresql://psi:my%40pass@host/psi",
            )
        )
    host, colon, port = host_port.rpartition(":")
    if colon and host and not host.endswith("]") and not (port.isdigit() and 0 < int(port) < 65536):
        raise InvalidInput(
            _(
                "The port in the database address must be a number from 1 to 65535, not "
                "'{port}'; leave it out for PostgreSQL's 5432."
            ).format(port=port)
        )


ENGINES = ("sqlite", "postgresql", "postgres")
"""The databases psi works with, as a SQLAlchemy URL begins (before any `+driver`)."""


def check_engine(url: str) -> None:
    """Refuse an address of a database psi does not work with (mysql://, mssql:// ...)."""
    from psi.errors import InvalidInput

    scheme = url.partition("://")[0]
    if scheme.partition("+")[0].casefold() not in ENGINES:
        if scheme:
            message = _(
                "psi works with SQLite files and PostgreSQL only, not {scheme}:// addresses; "
                "give a file name (psi.sqlite3) or a PostgreSQL address "
                "(postgresql://user@host/psi)."
            )
        else:
            message = _(
                "psi works with SQLite files and PostgreSQL only; give a file name "
                "(psi.sqlite3) or a PostgreSQL address (postgresql://user@host/psi)."
            )
        raise InvalidInput(message.format(scheme=scheme))


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
    check_engine(value)
    check_server_address(value)
    if value.startswith(("postgresql://", "postgres://")):
        # psi installs psycopg 3 for PostgreSQL; SQLAlchemy's default would be psycopg2.
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return DbLocation(url=value, path=None)


SYNC_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("icloud~", "iCloud Drive"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("box sync", "Box"),
    ("pcloud drive", "pCloud"),
    ("cloudstorage", "cloud storage"),  # macOS: ~/Library/CloudStorage/OneDrive-..., Dropbox ...
)
"""Folder names (lower case, or their start) that sync services copy between computers."""

NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "afpfs", "9p", "davfs", "fuse.davfs2"}
)


def sync_service(path: Path) -> str | None:
    """The sync service whose folder holds `path` (OneDrive, Dropbox ...), if any."""
    for part in path.parts[:-1]:
        name = part.casefold()
        for folder, service in SYNC_FOLDERS:
            if name == folder or (folder in ("onedrive", "icloud~") and name.startswith(folder)):
                return service
    return None


def network_file_system(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The network file system type of the mount holding `path`, from (mount point, type)."""
    best: tuple[int, str] | None = None
    text = str(path)
    for point, kind in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            best = (len(point), kind)
    return best[1] if best is not None and best[1] in NETWORK_FILE_SYSTEMS else None


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        with Path("/proc/self/mounts").open(encoding="utf-8") as table:
            fields = [line.split() for line in table]
    except OSError:
        return []
    return [(row[1].replace("\\040", " "), row[2]) for row in fields if len(row) > 2]


def _on_windows_network_drive(path: Path) -> bool:
    if str(path).startswith("\\\\"):
        return True  # a UNC path: \\server\share
    try:
        import ctypes

        remote = 4  # DRIVE_REMOTE
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        return bool(kernel32.GetDriveTypeW(path.anchor) == remote)
    except (AttributeError, OSError):
        return False


def shared_place(path: Path) -> str | None:
    """Why a SQLite file at `path` may be damaged by sharing: a sync service or network drive,
    in the interface language (the place in "The database ... lies in {place}")."""
    import sys

    service = sync_service(path)
    if service == "cloud storage":
        return _("a cloud storage folder")
    if service is not None:
        return _("a {service} folder").format(service=service)
    if sys.platform == "win32":
        return _("a network drive") if _on_windows_network_drive(path) else None
    if sys.platform.startswith("linux"):
        kind = network_file_system(path, _linux_mounts())
        return _("a network drive ({kind})").format(kind=kind) if kind else None
    return None
