"""The coordinators' log: add (dated no later than today), edit and remove entries.

The log's other use cases (`add_log`, `list_log`) live in psi/services/activities.py; the
commands of `psi log` that write go through here, so every entry's date is checked once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from psi.domain.activity import (
    LOG_NOTHING_TO_EDIT,
    LogFacts,
    LogKind,
    changed_log_fields,
    check_logged_day,
)
from psi.domain.organisation import check_note, normalise_website
from psi.errors import InvalidInput
from psi.models import LogEntry, Organisation
from psi.services import get_or_missing, stored_id
from psi.services.activities import LogView, add_log
from psi.services.orgs import find_org
from psi.words import _

# --- use cases -------------------------------------------------------------------------------


def add_entry(
    session: Session,
    kind: LogKind,
    text: str,
    *,
    org: str | None = None,
    on: date,
    link: str | None = None,
    today: date | None = None,
) -> LogView:
    """`psi log add`: an entry of what happened, on a day that has come."""
    check_logged_day(on, today or date.today())
    return add_log(session, kind, text, org=org, on=on, link=link)


def _row(session: Session, entry_id: int) -> LogEntry:
    return get_or_missing(
        session,
        LogEntry,
        entry_id,
        _("There is no log entry {number}; see `psi log list`.").format(number=entry_id),
    )


def _view(session: Session, row: LogEntry) -> LogView:
    org = session.get(Organisation, row.organisation_id) if row.organisation_id else None
    return LogView(
        stored_id(row),
        row.logged_on,
        LogKind(row.kind),
        org.name if org else None,
        row.text,
        row.link,
    )


def _facts(row: LogEntry) -> LogFacts:
    return LogFacts(LogKind(row.kind), row.text, row.organisation_id, row.logged_on, row.link)


def get_entry(session: Session, entry_id: int) -> LogView:
    """One log entry, or NotFound."""
    return _view(session, _row(session, entry_id))


@dataclass(frozen=True)
class LogEdit:
    """What `psi log edit` changed (in words), and the entry as it now is."""

    entry: LogView
    changed: list[str]


def edit_entry(
    session: Session,
    entry_id: int,
    *,
    kind: LogKind | None = None,
    text: str | None = None,
    org: str | None = None,
    on: date | None = None,
    link: str | None = None,
    today: date | None = None,
) -> LogEdit:
    """`psi log edit`: correct an entry's kind, text, organisation, date or link, checked as
    `add` checks a new one; None keeps a field, "" clears the organisation or the link."""
    if all(value is None for value in (kind, text, org, on, link)):
        raise InvalidInput(_(LOG_NOTHING_TO_EDIT))
    row = _row(session, entry_id)
    before = _facts(row)
    if kind is not None:
        row.kind = kind.value
    if text is not None:
        row.text = check_note(text)
        if not row.text:
            raise InvalidInput(
                _(
                    "The log text cannot be empty; write what happened, or remove the entry "
                    "with psi log remove {number}."
                ).format(number=entry_id)
            )
    if org is not None:
        row.organisation_id = stored_id(find_org(session, org)) if org.strip() else None
    if on is not None:
        check_logged_day(on, today or date.today())
        row.logged_on = on
    if link is not None:
        row.link = normalise_website(link) if link.strip() else None
    changed = changed_log_fields(before, _facts(row))
    if changed:
        session.add(row)
        session.flush()
    else:
        session.expire(row)  # the same values again: nothing to write, nothing to audit
    return LogEdit(_view(session, row), changed)


def remove_entry(session: Session, entry_id: int) -> LogView:
    """`psi log remove`: delete an entry made by mistake."""
    row = _row(session, entry_id)
    view = _view(session, row)
    session.delete(row)
    session.flush()
    return view
