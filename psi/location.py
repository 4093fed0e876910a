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
    """Why a SQLite file at `path` may be damaged by sharing: a sync service or network drive."""
    import sys

    service = sync_service(path)
    if service is not None:
        return f"a {service} folder"
    if sys.platform == "win32":
        return "a network drive" if _on_windows_network_drive(path) else None
    if sys.platform.startswith("linux"):
        kind = network_file_system(path, _linux_mounts())
        return f"a network drive ({kind})" if kind else None
    return None
