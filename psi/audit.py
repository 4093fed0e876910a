"""The audit log: every writing command's changes, gathered from the session as it flushes."""

from __future__ import annotations

import getpass
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from psi.models import AuditEntry

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
    if redact:
        changes = [
            {"action": c["action"], "table": c["table"], "id": c["id"], "values": ERASED}
            for c in changes
        ]
        command = _erase(command, redact)
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

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "user": self.user,
            "command": self.command,
            "changes": self.changes,
        }


def list_entries(session: Session, since: date | None = None) -> list[AuditView]:
    """The audit log, oldest first, from a date on."""
    from sqlmodel import col, select

    query = select(AuditEntry)
    if since is not None:
        query = query.where(col(AuditEntry.at) >= datetime.combine(since, time(0), tzinfo=UTC))
    rows = session.exec(query.order_by(col(AuditEntry.at), col(AuditEntry.id))).all()
    return [AuditView(r.id or 0, r.at, r.os_user, r.command, json.loads(r.changes)) for r in rows]


ERASED = "[erased]"


def _erase(text: str, values: set[str]) -> str:
    """Replace every value (in any case, and as JSON writes it) with [erased]."""
    forms = {form for v in values if v for form in (v, json.dumps(v, ensure_ascii=False)[1:-1])}
    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(re.escape(form), ERASED, text, flags=re.IGNORECASE)
    return text


def erase_person(session: Session, values: set[str]) -> int:
    """Replace a forgotten person's name, e-mail and phone everywhere in the audit log."""
    from sqlmodel import select

    touched = 0
    for entry in session.exec(select(AuditEntry)):
        changes, command = _erase(entry.changes, values), _erase(entry.command, values)
        if changes != entry.changes or command != entry.command:
            entry.changes, entry.command = changes, command
            session.add(entry)
            touched += 1
    return touched
