"""`psi config`: read and change the partnership's settings."""

from __future__ import annotations

from sqlmodel import Session, select

from psi.domain.settings import BY_KEY, SETTINGS, check_setting, not_a_setting
from psi.errors import InvalidInput
from psi.models import Setting


def all_settings(session: Session) -> dict[str, str | None]:
    """Every setting: the stored value, else its default (None when it has none)."""
    stored = {row.key: row.value for row in session.exec(select(Setting))}
    return {setting.key: stored.get(setting.key, setting.default) for setting in SETTINGS}


def get_setting(session: Session, key: str) -> str | None:
    """One setting's value."""
    name = key.strip().casefold()
    if name not in BY_KEY:
        raise InvalidInput(not_a_setting(key))
    return all_settings(session)[name]


def default_place(session: Session) -> str | None:
    """Where meetings are held unless told otherwise (the setting `meeting-place`)."""
    return get_setting(session, "meeting-place")


def set_setting(session: Session, key: str, value: str) -> tuple[str, str]:
    """Store a setting after checking it."""
    name, text = check_setting(key, value)
    row = session.get(Setting, name) or Setting(key=name, value=text)
    row.value = text
    session.add(row)
    session.flush()
    return name, text
