"""The audit log: every writing command's changes, gathered from the session as it flushes."""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import event, inspect
from sqlmodel import Session

from psi.domain import erasure
from psi.domain.money import format_amount
from psi.domain.organisation import EMPTY, shown
from psi.models import AuditEntry, Organisation
from psi.services import stored_id
from psi.words import NC_, _, pgettext

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
    # A new row has no identity yet while the flush runs, but its primary key is set.
    key = state.identity[0] if state.identity else state.mapper.primary_key_from_instance(obj)[0]
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
        return [item for item, _count in parts], sum(count for _item, count in parts)
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
    tables = {f'"{table}"' for table, _id in erased | kept}
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


# --- the audit log in words -------------------------------------------------------------------
# What `psi audit` shows is in the interface language; what the entries store stays as it is.

TABLE_WORDS = {
    "action_item": NC_("audit table", "action item"),
    "activity": NC_("audit table", "activity"),
    "activity_request": NC_("audit table", "activity request"),
    "allocation": NC_("audit table", "allocation"),
    "attendance": NC_("audit table", "attendance"),
    "au_seat": NC_("audit table", "AU seat"),
    "audit_entry": NC_("audit table", "audit entry"),
    "budget_grant": NC_("audit table", "grant"),
    "co_funding": NC_("audit table", "co-funding"),
    "contact": NC_("audit table", "contact"),
    "coordinator_term": NC_("audit table", "coordinator term"),
    "decision": NC_("audit table", "decision"),
    "erasure": NC_("audit table", "erasure"),
    "expense": NC_("audit table", "expense"),
    "goal": NC_("audit table", "goal"),
    "history_entry": NC_("audit table", "history entry"),
    "inquiry": NC_("audit table", "inquiry"),
    "invitation": NC_("audit table", "invitation"),
    "invitation_recipient": NC_("audit table", "invitation recipient"),
    "log_entry": NC_("audit table", "log entry"),
    "meeting": NC_("audit table", "meeting"),
    "meeting_correction": NC_("audit table", "meeting correction"),
    "operations_plan": NC_("audit table", "plan"),
    "organisation": NC_("audit table", "organisation"),
    "setting": NC_("audit table", "setting"),
}
"""Each table's word for one of its rows (the catalogue's context "audit table"); a table
not named here is named by rule (`log_entry` -> log entry)."""

COLUMN_WORDS = {
    "activity_id": NC_("audit column", "activity"),
    "adjusted_on": NC_("audit column", "adjusted on"),
    "agenda": NC_("audit column", "agenda"),
    "agenda_item": NC_("audit column", "agenda item"),
    "amount_ore": NC_("audit column", "amount"),
    "answer": NC_("audit column", "answer"),
    "asked_on": NC_("audit column", "asked"),
    "at": NC_("audit column", "at"),
    "cancel_reason": NC_("audit column", "reason cancelled"),
    "carried_from_id": NC_("audit column", "carried from"),
    "category": NC_("audit column", "category"),
    "change": NC_("audit column", "change"),
    "changes": NC_("audit column", "changes"),
    "co_organiser": NC_("audit column", "co-organiser"),
    "code": NC_("audit column", "code"),
    "command": NC_("audit column", "command"),
    "contact_id": NC_("audit column", "contact"),
    "day": NC_("audit column", "date"),
    "decided_on": NC_("audit column", "decided"),
    "decided_year": NC_("audit column", "decided year"),
    "decision_ref": NC_("audit column", "decision"),
    "done_on": NC_("audit column", "done"),
    "due_on": NC_("audit column", "due"),
    "email": NC_("audit column", "email"),
    "end_time": NC_("audit column", "end"),
    "erased_on": NC_("audit column", "erased"),
    "extension": NC_("audit column", "extension"),
    "first_year": NC_("audit column", "first year"),
    "goal_id": NC_("audit column", "goal"),
    "invitation_id": NC_("audit column", "invitation"),
    "joined_on": NC_("audit column", "joined"),
    "key": NC_("audit column", "key"),
    "kind": NC_("audit column", "kind"),
    "last_year": NC_("audit column", "last year"),
    "left_on": NC_("audit column", "left"),
    "link": NC_("audit column", "link"),
    "logged_on": NC_("audit column", "date"),
    "made_at": NC_("audit column", "made at"),
    "meeting_id": NC_("audit column", "meeting"),
    "method": NC_("audit column", "method"),
    "minutes": NC_("audit column", "minutes"),
    "municipality": NC_("audit column", "municipality"),
    "name": NC_("audit column", "name"),
    "no_mail": NC_("audit column", "no mail"),
    "note": NC_("audit column", "note"),
    "organisation_id": NC_("audit column", "organisation"),
    "orgnr": NC_("audit column", "organisationsnummer"),
    "os_user": NC_("audit column", "os user"),
    "outcome": NC_("audit column", "outcome"),
    "override_reason": NC_("audit column", "reason"),
    "owner_id": NC_("audit column", "owner"),
    "phone": NC_("audit column", "phone"),
    "place": NC_("audit column", "place"),
    "plan_id": NC_("audit column", "plan"),
    "planned_on": NC_("audit column", "planned"),
    "position": NC_("audit column", "position"),
    "reason": NC_("audit column", "reason"),
    "recipients": NC_("audit column", "recipients"),
    "records": NC_("audit column", "records"),
    "refused": NC_("audit column", "refused"),
    "ref": NC_("audit column", "ref"),
    "role": NC_("audit column", "role"),
    "sector": NC_("audit column", "sector"),
    "sent_at": NC_("audit column", "sent"),
    "short": NC_("audit column", "short name"),
    "source": NC_("audit column", "source"),
    "spent_on": NC_("audit column", "date"),
    "start_time": NC_("audit column", "start"),
    "status": NC_("audit column", "status"),
    "text": NC_("audit column", "text"),
    "title": NC_("audit column", "title"),
    "uid": NC_("audit column", "calendar UID"),
    "value": NC_("audit column", "value"),
    "website": NC_("audit column", "website"),
    "works_well": NC_("audit column", "works well"),
    "year": NC_("audit column", "year"),
}
"""Each column's words (the catalogue's context "audit column"); a column not named here is
made readable by rule (`first_year` -> first year, `amount_ore` -> amount, `owner_id` ->
owner)."""

UNSHOWN_COLUMNS = {"id", "municipality_code", "plan_key", "sequence"}
"""Columns a change in words leaves out: the row's own number, and what follows from another
column (the municipality's code from its name)."""

_LABEL_COLUMNS = ("name", "title", "code", "text", "source")
_DATE_COLUMNS = ("day", "spent_on", "logged_on", "due_on", "planned_on", "asked_on", "year")
WORDS_MAX = 40
"""The longest text a change in words quotes in full; a longer one is cut with `…`."""


def column_words(column: str) -> str:
    """A column's name as a coordinator reads it: `short` -> short name, `amount_ore` ->
    amount, `organisation_id` -> organisation, `first_year` -> first year."""
    if column in COLUMN_WORDS:
        return pgettext("audit column", COLUMN_WORDS[column])
    return column.removesuffix("_ore").removesuffix("_id").replace("_", " ")


def table_words(table: str) -> str:
    """A table's name as the word for one of its rows: `log_entry` -> log entry."""
    if table in TABLE_WORDS:
        return pgettext("audit table", TABLE_WORDS[table])
    return table.replace("_", " ")


_CLOCK = re.compile(r"^(\d{2}:\d{2}):00(?:\.0+)?$")
_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]00:00|Z)?$")


def value_words(
    column: str, value: Any, names: Mapping[int, str] | None = None, limit: int = WORDS_MAX
) -> str:
    """A stored value as a coordinator reads it: `–` for none, text without quotes and on one
    line (cut at `limit`), an amount in öre as `4 500 kr`, an organisation by its name when
    `names` has it, yes or no, dates as YYYY-MM-DD and times as HH:MM."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return pgettext("audit value", "yes") if value else pgettext("audit value", "no")
    if isinstance(value, int) and column.endswith("_ore"):
        return format_amount(value)
    if isinstance(value, int) and column == "organisation_id" and names and value in names:
        return shown(names[value], limit)
    if isinstance(value, dict | list):
        return shown(json.dumps(value, ensure_ascii=False), limit)
    text = str(value)
    clock = _CLOCK.match(text)
    if clock:
        return clock.group(1)
    moment = _MOMENT.match(text)
    if moment:
        return f"{moment.group(1)} {moment.group(2)}"
    return shown(text, limit)


def _record(table: str, key: Any, names: Mapping[int, str], limit: int) -> str:
    """A row named by its table and number: `meeting 12`, an organisation by its name."""
    if table == "organisation" and isinstance(key, int) and key in names:
        return shown(names[key], limit)
    if table == "setting" and key is not None:
        return _("setting {key}").format(key=key)
    return table_words(table) if key is None else f"{table_words(table)} {key}"


def _label(values: Mapping[str, Any], names: Mapping[int, str], limit: int) -> list[str]:
    """What names a row in its values: its name or title, its organisation, amount and date."""
    parts = [
        value_words(column, values[column], names, limit)
        for column in _LABEL_COLUMNS
        if values.get(column) not in (None, "")
    ][:1]
    organisation = values.get("organisation_id")
    if organisation is not None:
        known = isinstance(organisation, int) and organisation in names
        parts.append(
            value_words("organisation_id", organisation, names, limit)
            if known
            else _("organisation {number}").format(number=organisation)
        )
    parts += [value_words(column, values[column]) for column in values if column.endswith("_ore")][
        :1
    ]
    if len(parts) < 2:
        parts += [
            value_words(column, values[column])
            for column in _DATE_COLUMNS
            if values.get(column) not in (None, "")
        ][:1]
    return parts


def change_words(
    change: Mapping[str, Any], names: Mapping[int, str] | None = None, limit: int = WORDS_MAX
) -> str:
    """One stored change in words: `added setting rsvp-days = 7`, `removed expense 10
    (Örebro Föreningsråd, 4 500 kr)`, `Stiftelsen Activa: short name: – → NIF`. `names` are
    the organisations' names by number, for the rows that point to one. Entries stored by
    any version of psi read, an erasure's too. Texts longer than `limit` are cut."""
    names = names or {}
    table = str(change.get("table", "row"))
    key = change.get("id")
    action = change.get("action")
    if action == "update":
        fields = change.get("changes")
        record = _record(table, key, names, limit)
        if not isinstance(fields, Mapping):
            return _("changed {record}").format(record=record)
        shown_fields = [name for name in fields if name not in UNSHOWN_COLUMNS] or list(fields)
        parts = []
        for name in shown_fields:
            value = fields[name]
            if isinstance(value, Mapping) and {"old", "new"} <= set(value):
                old = value_words(name, value["old"], names, limit)
                new = value_words(name, value["new"], names, limit)
                parts.append((column_words(name), f"{old} → {new}"))
            else:  # an erasure's entry keeps no values
                parts.append((column_words(name), value_words(name, value, names, limit)))
        if table == "setting" and shown_fields == ["value"]:
            return f"{record}: {parts[0][1]}"
        return f"{record}: {'; '.join(f'{column}: {text}' for column, text in parts)}"
    values = change.get("values")
    if action not in ("insert", "delete"):
        record = table_words(table) if key is None else f"{table_words(table)} {key}"
        return f"{action} {record}"
    added = action == "insert"
    if table == "setting" and isinstance(values, Mapping) and "key" in values:
        words = {
            "key": values["key"],
            "value": value_words("value", values.get("value"), limit=limit),
        }
        if added:
            return _("added setting {key} = {value}").format(**words)
        return _("removed setting {key} = {value}").format(**words)
    record = table_words(table) if key is None else f"{table_words(table)} {key}"
    label: list[str] = []
    if isinstance(values, Mapping):
        label = _label(values, names, limit)
    elif values is not None:  # an erasure's entry: the values are left out
        label = [value_words("values", values)]
    if label:
        text = _("added {record} ({details})") if added else _("removed {record} ({details})")
        return text.format(record=record, details=", ".join(label))
    return (_("added {record}") if added else _("removed {record}")).format(record=record)


def entry_words(
    changes: list[dict[str, Any]],
    names: Mapping[int, str] | None = None,
    width: int = 0,
    limit: int = WORDS_MAX,
) -> str:
    """An entry's changes in words on one line, `; ` between them, texts cut at `limit`; with
    a `width`, as many as fit in it (the first one at least, cut to fit), then `+N more`."""
    words = [change_words(change, names, limit) for change in changes]
    if not width:
        return "; ".join(words)
    line = ""
    for count, text in enumerate(words):
        rest = len(words) - count - 1
        more = "; " + _("+{n} more").format(n=rest) if rest else ""
        candidate = f"{line}; {text}" if line else text
        if len(candidate) + len(more) <= width:
            line = candidate
            continue
        if not line:  # even the first is too long: cut it
            room = max(width - len(more), 10)
            line = text if len(text) <= room else text[: room - 1].rstrip() + "…"
            return line + more
        return f"{line}; " + _("+{n} more").format(n=len(words) - count)
    return line


def organisation_names(session: Session) -> dict[int, str]:
    """Every organisation's name by its number, to name the rows an entry points to."""
    from sqlmodel import select

    return {
        stored_id_value: name
        for stored_id_value, name in session.exec(select(Organisation.id, Organisation.name))
        if stored_id_value is not None
    }
