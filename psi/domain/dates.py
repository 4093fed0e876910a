"""Dates as people type them on the command line."""

from __future__ import annotations

import re
from datetime import date

from psi.errors import InvalidInput
from psi.words import NC_, _, pgettext


def parse_date(text: str, *, what: str = NC_("what", "date")) -> date:
    """Parse YYYY-MM-DD (or `today`), or raise InvalidInput saying how to write it.

    `what` names the date in English, marked `NC_("what", ...)` where it is given."""
    value = text.strip()
    if value.casefold() in {"today", "idag", "i dag"}:
        return date.today()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            _(
                "'{text}' is not a valid {what}: write it as YYYY-MM-DD, for example 2026-03-10."
            ).format(text=text, what=pgettext("what", what))
        ) from None


def parse_optional_date(text: str | None, *, what: str = NC_("what", "date")) -> date | None:
    """Like parse_date, but None or an empty string mean no date."""
    if text is None or not text.strip():
        return None
    return parse_date(text, what=what)


FIRST_YEAR = 2000
LAST_YEAR = 2100


def check_year(year: int) -> int:
    """A year psi can plan for, or InvalidInput."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidInput(
            _("{year} is not a year psi works with; give a year such as 2027.").format(year=year)
        )
    return year
