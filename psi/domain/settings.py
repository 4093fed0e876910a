"""The partnership's settings: names, the committee, the signer, defaults for reports."""

from __future__ import annotations

from dataclasses import dataclass

from psi.domain.money import format_amount, parse_positive_amount
from psi.domain.text import check_line
from psi.errors import InvalidInput


@dataclass(frozen=True)
class Setting:
    """A setting: its key, what it is, and its value when nothing is set."""

    key: str
    help: str
    default: str | None


SETTINGS = (
    Setting("name", "The partnership's name", "Partnerskapet för sociala innovationer"),
    Setting("short-name", "Its short name", "PSI"),
    Setting("founded", "The year the partnership was founded", None),
    Setting(
        "founded-by",
        "Whose decision founded it, as it reads after 'efter beslut hos': "
        "dåvarande Örebro läns landsting samt Regionförbundet",
        None,
    ),
    Setting("county", "The county (län)", "Örebro län"),
    Setting("region", "The region that grants the money", "Region Örebro län"),
    Setting("committee", "The committee that decides", "Kulturnämnden"),
    Setting("signer", "Who signs the decision document", None),
    Setting("signer-title", "The signer's title", None),
    Setting(
        "default-grant", "The yearly grant, when a year has none recorded", "200\u00a0000\u00a0kr"
    ),
    Setting("meeting-place", "Where meetings are held unless told otherwise", None),
    Setting("backups-kept", "How many backups psi db backup keeps beside the database", "10"),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


def check_setting(key: str, value: str) -> tuple[str, str]:
    """A known key and a checked value (a year for founded, an amount for default-grant)."""
    name = key.strip().casefold()
    if name not in BY_KEY:
        raise InvalidInput(f"'{key}' is not a setting; the settings are: {', '.join(BY_KEY)}.")
    text = check_line(value, what=name, limit=300)
    if name == "founded" and not (text.isdigit() and 1900 <= int(text) <= 2100):
        raise InvalidInput(f"'{value}' is not a year; write it like 2015.")
    if name == "backups-kept" and not (text.isdigit() and 1 <= int(text) <= 1000):
        raise InvalidInput(f"'{value}' is not a number of backups; write a number from 1 to 1000.")
    if name == "default-grant":
        text = format_amount(parse_positive_amount(text))
    return name, text
