"""One parser for a typed choice: a word picked from a fixed set (a sector, a meeting kind...).

Every choice is compared the same way: in any case, with or without accents (`stormöte`
is `stormote`, however the ö is encoded), and with `_` or a space where the value has `-`
(`social media` is `social-media`). A choice may also have aliases, such as the Swedish
words for a budget category. A word that is none of them is refused with the one message
`'WORD' is not a THING; use one of: a, b, c.`
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar, overload

from psi.domain.text import fold
from psi.errors import InvalidInput

E = TypeVar("E", bound=StrEnum)


def choice_key(text: str) -> str:
    """The form in which a typed choice is compared: no case, no accents, `-` for `_` and space."""
    return fold(text).replace("_", "-").replace(" ", "-")


@lru_cache(maxsize=128)
def _lookup(values: tuple[str, ...], aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    table = {choice_key(word): value for word, value in aliases}
    table.update({choice_key(value): value for value in values})  # a value beats an alias
    return table


@overload
def parse_choice(
    text: str, choices: type[E], *, what: str, aliases: Mapping[str, E] | None = None
) -> E: ...


@overload
def parse_choice(
    text: str, choices: Sequence[str], *, what: str, aliases: Mapping[str, str] | None = None
) -> str: ...


def parse_choice(
    text: str,
    choices: type[StrEnum] | Sequence[str],
    *,
    what: str,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The choice the text names (an enum member or an allowed word), or InvalidInput."""
    # `what` is the thing with its article ("a sector"), for the message that refuses a word.
    if isinstance(choices, str):
        raise TypeError("parse_choice takes the allowed values, not one string")
    enum = choices if isinstance(choices, type) else None
    values = tuple(str(choice) for choice in choices)
    table = _lookup(values, tuple((word, str(value)) for word, value in (aliases or {}).items()))
    found = table.get(choice_key(text))
    if found is None:
        raise InvalidInput(f"'{text}' is not {what}; use one of: {', '.join(values)}.")
    return enum(found) if enum is not None else found
