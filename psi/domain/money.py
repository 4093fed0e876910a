"""Money in whole öre: amounts as Swedes type them, and `200 000 kr` as Swedes read them."""

from __future__ import annotations

import re

from psi.errors import InvalidInput
from psi.words import _

NBSP = "\u00a0"
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_SHAPE = re.compile(r"^(-)?([0-9]+)(?:[.,]([0-9]{1,2}))?$")
_GROUPED = re.compile(r"^(-)?([0-9]{1,3}(?: [0-9]{3})+)(?:[.,]([0-9]{1,2}))?$")
LIMIT_ORE = 100_000_000_000
"""Amounts of a billion kronor or more are typing errors here."""


def parse_amount(text: str) -> int:
    """An amount typed in kronor as öre: `200 000 kr` -> 20000000. Raises InvalidInput."""
    value = _SPACES.sub(" ", text.strip()).casefold()
    for suffix in ("kronor", "kr.", "kr", "sek", ":-"):
        if value.endswith(suffix):
            value = value[: -len(suffix)].strip()
            break
    match = _SHAPE.match(value.replace(" ", "")) if " " not in value else _GROUPED.match(value)
    if not match:
        raise InvalidInput(
            _(
                "'{text}' is not an amount; write it like 200000, 200 000, 200 000 kr, "
                "1 234,50 or 1234.50."
            ).format(text=text)
        )
    sign, whole, fraction = match.groups()
    if len(whole.replace(" ", "").lstrip("0")) > 12:
        raise InvalidInput(_too_much(text[:40]))
    ore = int(whole.replace(" ", "")) * 100 + int((fraction or "0").ljust(2, "0"))
    if ore >= LIMIT_ORE:
        raise InvalidInput(_too_much(text))
    return -ore if sign else ore


def _too_much(text: str) -> str:
    return _(
        "'{text}' is more than psi handles (under 1 000 000 000 kr); check the digits "
        "and write it like 200 000 kr."
    ).format(text=text)


def parse_positive_amount(text: str) -> int:
    """Like parse_amount, but zero and negative amounts are refused."""
    ore = parse_amount(text)
    if ore <= 0:
        raise InvalidInput(
            _(
                "'{text}' must be more than 0 kr; write it like 200000, 200 000, 200 000 kr, "
                "1 234,50 or 1234.50."
            ).format(text=text)
        )
    return ore


def format_amount(ore: int) -> str:
    """Swedish style with non-breaking spaces: `200 000 kr`, `1 234,50 kr`, `-500 kr`.

    Written out rather than asked of Babel: the format is fixed, whatever the language, and
    loading Babel's Swedish locale data costs `psi status` a noticeable part of its time.
    The tests hold it equal to Babel's `sv_SE` formatting.
    """
    kronor, cents = divmod(abs(ore), 100)
    grouped = f"{kronor:,}".replace(",", NBSP)
    fraction = f",{cents:02d}" if cents else ""
    sign = "-" if ore < 0 else ""
    return f"{sign}{grouped}{fraction}{NBSP}kr"


def format_kronor(ore: int) -> str:
    """Whole kronor in words for documents: `200 000 kronor`."""
    return format_amount(ore).removesuffix(f"{NBSP}kr") + f"{NBSP}kronor"


def amount_json(ore: int) -> dict[str, int | str]:
    """An amount for JSON output: öre as an integer plus the formatted text."""
    return {"ore": ore, "text": format_amount(ore)}
