"""Swedish organisationsnummer: format, third digit, Luhn check digit and group."""

from __future__ import annotations

import re

from psi.errors import InvalidInput
from psi.words import NC_, _

_SHAPE = re.compile(r"^(?:16)?([0-9]{6})-?([0-9]{4})$")

GROUPS: dict[str, str] = {
    "2": NC_("orgnr group", "state, region or municipality"),
    "5": NC_("orgnr group", "limited company"),
    "7": NC_("orgnr group", "economic association"),
    "8": NC_("orgnr group", "non-profit association or foundation"),
    "9": NC_("orgnr group", "partnership"),
}
"""The kind of legal entity each first digit says, in English (the catalogue's context
"orgnr group", for a caller that shows it: `pgettext("orgnr group", ...)`)."""


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit for a string of digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def normalise_orgnr(text: str) -> str:
    """Check an organisationsnummer and return it as NNNNNN-NNNN, or raise InvalidInput."""
    compact = text.strip().replace(" ", "")
    match = _SHAPE.match(compact)
    if not match:
        raise InvalidInput(
            _(
                "'{text}' is not an organisationsnummer: write it as NNNNNN-NNNN, "
                "for example 232100-0164."
            ).format(text=text)
        )
    digits = match.group(1) + match.group(2)
    if int(digits[2]) < 2:
        raise InvalidInput(
            _(
                "'{text}' is not an organisationsnummer: its third digit must be 2 or more "
                "(a personnummer is not accepted)."
            ).format(text=text)
        )
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise InvalidInput(
            _(
                "'{text}' is not an organisationsnummer: the check digit is wrong; "
                "check for a typing error."
            ).format(text=text)
        )
    return f"{digits[:6]}-{digits[6:]}"


def orgnr_group(orgnr: str) -> str:
    """The kind of legal entity an organisationsnummer's first digit says."""
    return GROUPS.get(orgnr[0], NC_("orgnr group", "other"))
