"""The audit log: every writing command's changes, gathered from the session as it flushes."""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Set
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from psi.domain import erasure
from psi.models import AuditEntry
from psi.services import stored_id

SKIPPED_COLUMNS = {"created_at", "updated_at", "name_key", "short_key"}


def os_user() -> str:
    """The operating-system user, on every platform."""
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _describe(obj: Any, action: str) -> dict[str, Any] | None:
    if isinstance(obj, AuditEntry):
        return None
    state = inspect(obj)
    table = obj.__tablename__
    key = state.identity[0] if state.identity else getattr(obj, "id", None)
    entry: dict[str, Any] = {"action": action, "table": table, "id": key}
    if action == "insert":
        entry["values"] = {
            attr.key: _plain(attr.value)
            for attr in state.attrs
            if attr.key not in SKIPPED_COLUMNS and attr.value is not None
        }
    elif action == "update":
        changed = {}
        for attr in state.attrs:
            history = attr.history
            if attr.key in SKIPPED_COLUMNS or not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            changed[attr.key] = {"old": _plain(old), "new": _plain(new)}
        if not changed:
            return None
        entry["changes"] = changed
    else:
        entry["values"] = {
            attr.key: _plain(attr.loaded_value)
            for attr in state.attrs
            if attr.key not in SKIPPED_COLUMNS
        }
    return entry


def track(session: Session) -> list[dict[str, Any]]:
    """Start collecting the session's changes; the returned list fills as it flushes."""
    collected: list[dict[str, Any]] = []

    @event.listens_for(session, "after_flush")
    def _after_flush(flushed: Any, _context: Any) -> None:
        for action, objects in (
            ("insert", flushed.new),
            ("update", flushed.dirty),
            ("delete", flushed.deleted),
        ):
            for obj in objects:
                description = _describe(obj, action)
                if description is not None:
                    collected.append(description)

    return collected


def record(session: Session, command: str, changes: list[dict[str, Any]]) -> None:
    """Write one audit entry for the command, when it changed anything."""
    if not changes:
        return
    redact = session.info.get("audit_redact")
    if isinstance(redact, erasure.Person):
        # An erasure's own entry says which rows and fields it changed, never what they held.
        changes = [_redacted(change, redact) for change in changes]
        command = erasure.scrub(command, redact)[0]
    session.add(
        AuditEntry(
            at=datetime.now(UTC),
            os_user=os_user()[:100],
            command=command[:2000],
            changes=json.dumps(changes, ensure_ascii=False, default=str),
        )
    )
    session.flush()


@dataclass(frozen=True)
class AuditView:
    """One audit entry as `psi audit` shows it."""

    id: int
    at: datetime
    user: str
    command: str
    changes: list[dict[str, Any]]


def list_entries(session: Session, since: date | None = None) -> list[AuditView]:
    """The audit log, oldest first, from a date on."""
    from sqlmodel import col, select

    query = select(AuditEntry)
    if since is not None:
        query = query.where(col(AuditEntry.at) >= datetime.combine(since, time(0), tzinfo=UTC))
    rows = session.exec(query.order_by(col(AuditEntry.at), col(AuditEntry.id))).all()
    return [
        AuditView(stored_id(r), r.at, r.os_user, r.command, json.loads(r.changes)) for r in rows
    ]


ERASED = erasure.MARKER


def _redacted(change: dict[str, Any], who: erasure.Person) -> dict[str, Any]:
    """An erasure's change as its audit entry keeps it: a deleted row's values and an edited
    field's old and new text are left out; an added row (the anonymous count) is kept."""
    entry = {"action": change["action"], "table": change["table"], "id": change["id"]}
    if change["action"] == "update":
        entry["changes"] = dict.fromkeys(change.get("changes", {}), ERASED)
    elif change["action"] == "insert":
        entry["values"] = _scrubbed(change.get("values", {}), who)[0]
    else:
        entry["values"] = ERASED
    return entry


def _scrubbed(value: Any, who: erasure.Person) -> tuple[Any, int]:
    """A JSON value with each mention of the person erased from every text in it."""
    if isinstance(value, str):
        return erasure.scrub(value, who)
    if isinstance(value, list):
        parts = [_scrubbed(item, who) for item in value]
        return [item for item, _ in parts], sum(count for _, count in parts)
    if isinstance(value, dict):
        total = 0
        result = {}
        for key, item in value.items():
            new_key, key_count = _scrubbed(key, who)
            new_item, item_count = _scrubbed(item, who)
            result[new_key] = new_item
            total += key_count + item_count
        return result, total
    return value, 0


_JSON_ESCAPE = re.compile(r'\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})')


def json_unescaped(text: str) -> str:
    """JSON text with its strings' escapes (\\n, \\", \\u00e5) written out, so that what a
    string holds can be searched for in the whole text."""
    if "\\" not in text:
        return text
    return _JSON_ESCAPE.sub(lambda m: str(json.loads(f'"{m.group(0)}"')), text)


Rows = Set[tuple[str, int]]
"""Rows named by table and id."""


def _scrubbed_changes(
    changes: str, who: erasure.Person, erased: Rows, kept: Rows
) -> tuple[str, int, str]:
    """The changes (JSON) with each mention erased value by value (so JSON's escapes hide
    nothing), every value of an erased row left out, and a kept row's (a namesake's) left
    as they are; the mentions, and what the entry touched: "erased", "kept" or ""."""
    tables = {f'"{table}"' for table, _ in erased | kept}
    if not any(table in changes for table in tables) and not erasure.mentions(
        json_unescaped(changes), who
    ):
        return changes, 0, ""  # the common case, without parsing the JSON
    try:
        data = json.loads(changes)
    except ValueError:
        return (*erasure.scrub(changes, who), "")
    if not isinstance(data, list):
        return (*erasure.scrub(changes, who), "")
    total, touched, result = 0, "", []
    for change in data:
        row = (change.get("table"), change.get("id")) if isinstance(change, dict) else None
        if row in erased:
            touched = "erased"
            field = "changes" if "changes" in change else "values"
            if change.get(field) != ERASED:
                total += 1
            result.append({**{k: change[k] for k in ("action", "table", "id")}, field: ERASED})
        elif row in kept:
            touched = touched or "kept"
            result.append(change)
        else:
            scrubbed, count = _scrubbed(change, who)
            total += count
            result.append(scrubbed)
    if not total:
        return changes, 0, touched
    return json.dumps(result, ensure_ascii=False, default=str), total, touched


ENTRY_TEXTS = ("command", "changes")
"""The fields `scrub_entry` scrubs; any other text field of an entry is plain text."""


def scrub_entry(
    command: str, changes: str, who: erasure.Person, erased: Rows, kept: Rows = frozenset()
) -> dict[str, tuple[str, int]]:
    """An audit entry's command and changes with a person erased: each mention of them, and
    everything the entry recorded about their erased rows (table and id), even their role;
    an entry about a kept namesake's row keeps what it says of them. The fields that change,
    with their new text and how many mentions each had."""
    changed: dict[str, tuple[str, int]] = {}
    new_changes, count, touched = _scrubbed_changes(changes, who, erased, kept)
    if count:
        changed["changes"] = (new_changes, count)
    new_command, count = (command, 0) if touched == "kept" else erasure.scrub(command, who)
    if touched == "erased":
        # The words typed for the erased row (its role too) go; the command's name stays.
        shortened = " ".join([*command.split()[:3], ERASED])
        if shortened != command:
            new_command, count = shortened, max(count, 1)
    if count:
        changed["command"] = (new_command, count)
    return changed
