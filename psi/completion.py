"""Shell completion of values: the words a choice takes, organisations and meetings.

Typer calls a completer with what is typed so far (`incomplete`; the organisations and
meetings also with the command line's context, `ctx`, found by that name) and shows each
value with the words beside it. Typer keeps only the values that begin with what was typed,
in its case: a value that fits in another case or without accents (`orebro` for `Örebro`)
is offered as typed, followed by the rest of the word, which every parser of psi takes.

The fixed choices need no database and import no SQLAlchemy. The organisations and meetings
are read from the database the command line names (--db, else PSI_DB, else the default
file), which is never created, upgraded or written: a database that is missing, older or
newer than this psi, or not psi's, completes nothing. A SQLite file is read with Python's
own sqlite3 module, a server database with psycopg (SQLAlchemy and SQLModel alone take longer
to load than a completion may take), read-only and with short timeouts.

Bash shows what a completer gives through PsiBashComplete, which psi.cli registers: every
`psi` run imports this module, so it imports nothing at its top that `psi --help` does not
load anyway (the choices' parser is loaded when a completer runs).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Any

# Typer's own bash completion, which psi.cli replaces with PsiBashComplete (no public name).
from typer._completion_classes import BashComplete

from psi import HEAD_REVISION, words

Completion = list[tuple[str, str]]
"""The values that fit, each with the words shown beside it ("" for none)."""

Entry = tuple[Sequence[str], str]
"""One thing to complete: the words it may be typed as, the one it is first (a short name
or a translated word after it), and the words shown beside that first one."""

TIMEOUT_S = 0.5
"""How long a completion waits for a locked file or a server before it completes nothing."""


def _as_typed(word: str, incomplete: str, key: Callable[[str], str]) -> str | None:
    if word.startswith(incomplete):
        return word
    head = word[: len(incomplete)]
    if len(head) == len(incomplete) and key(head) == key(incomplete):
        return incomplete + word[len(incomplete) :]
    return None


def _fitting(
    entries: Iterable[Entry], incomplete: str, key: Callable[[str], str] | None = None
) -> Completion:
    """Each entry's first word that begins with what was typed (compared by `key`, else as
    psi compares a typed choice), with the words shown beside it: its own words for the first
    word, else the first word (none when they differ from the value in case only)."""
    if key is None:
        from psi.domain.choices import choice_key

        key = choice_key
    found: Completion = []
    seen: set[str] = set()
    for typeable, shown in entries:
        for word in typeable:
            value = _as_typed(word, incomplete, key) if word else None
            if value is None:
                continue
            beside = shown if word == typeable[0] else typeable[0]
            if value not in seen:
                seen.add(value)
                found.append((value, "" if beside.casefold() == value.casefold() else beside))
            break
    return found


def _choice(enum: Callable[[], type[StrEnum]], context: str) -> Callable[[str], Completion]:
    """A completer of an enum's values, shown with their words in the interface language.
    A value is also offered as any word of the catalogue for it, in English or Swedish
    (`kommun` for the sector `municipality`), when only that word fits what was typed: the
    choice's parser takes them all (psi.domain.choices)."""

    def complete(incomplete: str) -> Completion:
        from psi.domain.choices import catalogue_words

        entries: list[Entry] = []
        for member in enum():
            value = str(member)
            shown = words.interface_term(context, value)
            entries.append(((value, shown, *catalogue_words(context, value)), shown))
        return _fitting(entries, incomplete)

    return complete


def _meeting_kind() -> type[StrEnum]:
    from psi.domain.meeting import Kind

    return Kind


def _meeting_status() -> type[StrEnum]:
    from psi.domain.meeting import MeetingStatus

    return MeetingStatus


def _activity_status() -> type[StrEnum]:
    from psi.domain.activity import ActivityStatus

    return ActivityStatus


def _log_kind() -> type[StrEnum]:
    from psi.domain.activity import LogKind

    return LogKind


def _sector() -> type[StrEnum]:
    from psi.domain.organisation import Sector

    return Sector


def _category() -> type[StrEnum]:
    from psi.domain.budget import Category

    return Category


complete_meeting_kind = _choice(_meeting_kind, words.MEETING_KIND)
complete_meeting_status = _choice(_meeting_status, words.MEETING_STATUS)
complete_activity_status = _choice(_activity_status, words.ACTIVITY_STATUS)
complete_log_kind = _choice(_log_kind, words.LOG_KIND)
complete_sector = _choice(_sector, words.SECTOR)
complete_category = _choice(_category, words.BUDGET_CATEGORY)


def complete_org_status(incomplete: str) -> Completion:
    """The statuses a new or edited organisation takes (`psi org leave` makes it former)."""
    from psi.domain.organisation import ADDABLE_STATUSES

    entries: list[Entry] = []
    for status in ADDABLE_STATUSES:
        shown = words.interface_term(words.ORG_STATUS, status)
        entries.append(((str(status), shown), shown))
    return _fitting(entries, incomplete)


FILTER_WORDS = {
    "active": words.N_("all but former members"),
    "all": words.N_("former members too"),
}
"""What the two --status filters of `psi org list` that are no status mean."""


def complete_org_status_filter(incomplete: str) -> Completion:
    """What `psi org list --status` takes: a status, `active` or `all`."""
    from psi.domain.organisation import STATUS_FILTERS

    entries: list[Entry] = []
    for name in STATUS_FILTERS:
        shown = (
            words._(FILTER_WORDS[name])
            if name in FILTER_WORDS
            else words.interface_term(words.ORG_STATUS, name)
        )
        typeable = (name,) if name in FILTER_WORDS else (name, shown)
        entries.append((typeable, shown))
    return _fitting(entries, incomplete)


FORMATS = {
    "md": words.N_("Markdown"),
    "pdf": words.N_("PDF"),
    "docx": words.N_("Word"),
    "odt": words.N_("OpenDocument"),
    "html": words.N_("web page"),
}
"""The formats a document is written in (psi.reports.render.FORMATS, in its order)."""

EXPORT_FORMATS = {"csv": words.N_("for Excel"), "json": words.N_("for scripts")}
"""The formats `psi org export` writes."""

LANGUAGES = {"sv": words.N_("Swedish"), "en": words.N_("English")}
"""The languages a document is written in (psi.words.LOCALES)."""


def _named(names: dict[str, str], incomplete: str) -> Completion:
    return _fitting((((name,), words._(shown)) for name, shown in names.items()), incomplete)


def complete_format(incomplete: str) -> Completion:
    """The formats a document is written in."""
    return _named(FORMATS, incomplete)


def complete_export_format(incomplete: str) -> Completion:
    """The formats the register is exported in."""
    return _named(EXPORT_FORMATS, incomplete)


def complete_language(incomplete: str) -> Completion:
    """The languages a document is written in."""
    return _named(LANGUAGES, incomplete)


# --- from the database ---------------------------------------------------------------------

Rows = list[tuple[Any, ...]]


def _database_option(ctx: Any) -> str | None:
    """The --db given before the command (the root command's parameter `db_option`); the root
    callback does not run during completion, so its parsed value is read from the context."""
    root = ctx.find_root() if ctx is not None else None
    value = root.params.get("db_option") if root is not None else None
    return value if isinstance(value, str) else None


def _read(ctx: Any, sql: str) -> Rows:
    """The rows of a query on the database at the newest schema; none when there is none."""
    from psi.location import locate_db

    revision = "SELECT version_num FROM alembic_version"
    try:
        location = locate_db(_database_option(ctx))
        if location.path is not None:
            return _read_file(location.path, revision, sql)
        return _read_server(location.url, revision, sql)
    except Exception:  # a completion never shows an error in the middle of a command line
        return []


def _read_file(path: Any, revision: str, sql: str) -> Rows:
    import sqlite3

    if not path.is_file() or path.stat().st_size == 0:
        return []
    # mode=rw opens the file without ever creating it (should it vanish after the check);
    # query_only refuses any write. A read-only connection (mode=ro) would leave the -wal and
    # -shm files of a WAL database behind; this one removes them when it closes, as psi does.
    connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=TIMEOUT_S)
    try:
        connection.execute("PRAGMA query_only = ON")
        if connection.execute(revision).fetchall() != [(HEAD_REVISION,)]:
            return []
        return list(connection.execute(sql).fetchall())
    finally:
        connection.close()


def _read_server(url: str, revision: str, sql: str) -> Rows:
    scheme, _sep, rest = url.partition("://")
    if scheme.partition("+")[2] not in ("psycopg", "psycopg2"):
        return []  # psi.location gives every PostgreSQL address psycopg, which psi installs
    # Imported by name: the driver is an extra (`pip install "psi[postgres]"`), without stubs.
    psycopg = importlib.import_module("psycopg")

    # libpq reads the address as SQLAlchemy does (percent-encoding, ?host=, ?sslmode= ...).
    # Its own settings: give up on an unreachable server, refuse any write, stop a slow query.
    with psycopg.connect(
        f"postgresql://{rest}",
        connect_timeout=2,  # whole seconds, and libpq takes no less than 2
        options=f"-c default_transaction_read_only=on -c statement_timeout={int(TIMEOUT_S * 1000)}",
    ) as connection:
        if connection.execute(revision).fetchall() != [(HEAD_REVISION,)]:
            return []
        return list(connection.execute(sql).fetchall())


# The tables and columns read here are psi.models' Organisation and Meeting (SQLModel is not
# loaded for a completion); tests/test_completion.py completes on the example database.
ORGANISATIONS = "SELECT name, short, status FROM organisation"
MEETINGS = "SELECT id, day, title FROM meeting"


def complete_organisation(ctx: Any, incomplete: str) -> Completion:
    """Organisations by full name or short name, former members last."""
    from psi.domain.text import fold, swedish_sort_key

    rows = sorted(
        _read(ctx, ORGANISATIONS),
        key=lambda row: (row[2] == "former", swedish_sort_key(str(row[0]))),
    )
    return _fitting(
        (((str(name), str(short or "")), str(short or "")) for name, short, _status in rows),
        incomplete,
        fold,
    )


def complete_meeting(ctx: Any, incomplete: str) -> Completion:
    """Meetings by number, with their date and title: the coming ones first, nearest first,
    then the past ones, latest first."""
    from datetime import date

    today = date.today()
    typed = incomplete.strip()
    meetings = []
    for number, day, title in _read(ctx, MEETINGS):
        held = date.fromisoformat(str(day)[:10])
        if str(number).startswith(typed):
            meetings.append((held < today, abs((held - today).days), number, f"{held} {title}"))
    return [(str(number), shown) for _past, _distance, number, shown in sorted(meetings)]


# --- bash's list of choices --------------------------------------------------------------

_SHELL_SPECIAL = re.compile(r"""([^\w@%+./,-])""")
"""What bash reads as more than a letter of a word: a space, a bracket, a quote, a `$`, and
the `:` and `=` where bash splits a word for completion."""

DESCRIBED_WIDTH = 79
"""The widest line a value and its words take in bash's list of choices (a longer value is
shown whole)."""


class PsiBashComplete(BashComplete):
    """Typer's bash completion, with what bash itself does not do: each value is quoted as
    one word of the command line (bash inserts a value as it is, and an organisation's name
    holds spaces and brackets), and when several values fit, each is listed with the words
    beside it (a meeting's date and title), which bash otherwise leaves out. The words come
    after two spaces, which no quoted value holds, so the part bash fills in when the values
    begin alike is always a part of the values."""

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        items: dict[str, str] = {}
        for item in self.get_completions(args, incomplete):
            items.setdefault(_SHELL_SPECIAL.sub(r"\\\1", item.value), item.help or "")
        if len(items) < 2 or not any(items.values()):
            return "\n".join(items)
        width = max(len(value) for value in items)
        return "\n".join(_described(value, width, shown) for value, shown in items.items())


def _described(value: str, width: int, shown: str) -> str:
    """A value in bash's list of choices, padded to `width`, with the words shown beside it."""
    beside = " ".join(shown.split())
    room = DESCRIBED_WIDTH - width - len("  ()")
    if not beside or room < len("…") + 1:
        return value
    return f"{value.ljust(width)}  ({beside if len(beside) <= room else beside[: room - 1] + '…'})"
