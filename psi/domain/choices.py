"""One parser for a typed choice: a word picked from a fixed set (a sector, a meeting kind...).

Every choice is compared the same way: in any case, with or without accents (`stormöte`
is `stormote`, however the ö is encoded), and with `_` or a space where the value has `-`
(`social media` is `social-media`). Besides its value, a choice is known by:

- its words in the catalogue, when the parser names the catalogue's context (psi.words):
  the English word psi shows for the value (`General meeting` for `stormote`) and the
  Swedish one (`Stormöte`), so that whatever psi prints can be typed back;
- its aliases, the other words a user may type (`stat` for the sector `state`).

A value comes first, then the catalogue's words, then the aliases; a word that two values
share at the same rank is no word for either. A word that is none of them is refused with
the one message `'WORD' is not a THING; use one of: a, b, c.`
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import lru_cache
from typing import TypeVar, overload

from psi.domain.text import fold
from psi.errors import InvalidInput
from psi.words import TERMS, _, pgettext, term

E = TypeVar("E", bound=StrEnum)

CATALOGUE_LANGUAGES = ("sv",)
"""The languages whose catalogue words a choice is known by, besides the English ones."""

_FOLD_ROUNDS = 4


def choice_key(text: str) -> str:
    """The form in which a typed choice is compared: no case, no accents, `-` for `_` and space.

    Folding twice changes nothing: `choice_key(choice_key(x)) == choice_key(x)`."""
    key = text
    for _round in range(_FOLD_ROUNDS):  # a compatibility character can unfold into a new capital
        folded = fold(key)
        if folded == key:
            break
        key = folded
    return key.replace("_", "-").replace(" ", "-")


def catalogue_words(context: str, value: str) -> tuple[str, ...]:
    """The words the catalogue gives a value in its context: the English word psi shows
    (its msgid) and its translations; none for a value the context does not know."""
    english = TERMS.get(context, {}).get(value)
    if english is None:
        return ()
    return (english, *(term(lang, context, value) for lang in CATALOGUE_LANGUAGES))


Ranks = tuple[tuple[tuple[str, str], ...], ...]


@lru_cache(maxsize=256)
def _lookup(ranks: Ranks) -> dict[str, str]:
    """The choice key -> value table from ranked (word, value) pairs, the first rank first.

    A key that two values share within a rank is left out (it names neither), and a key an
    earlier rank holds is not taken by a later one."""
    table: dict[str, str] = {}
    for pairs in ranks:
        found: dict[str, set[str]] = {}
        for word, value in pairs:
            found.setdefault(choice_key(word), set()).add(value)
        for key, values in found.items():
            if key not in table and len(values) == 1:
                table[key] = next(iter(values))
    return table


def choice_table(
    values: Iterable[str],
    *,
    context: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Every typed form a choice knows, as its choice key -> the value it names."""
    ordered = tuple(values)
    catalogue = tuple(
        (word, value)
        for value in ordered
        for word in (catalogue_words(context, value) if context else ())
    )
    alias_pairs = tuple((word, str(value)) for word, value in (aliases or {}).items())
    return _lookup((tuple((value, value) for value in ordered), catalogue, alias_pairs))


@overload
def parse_choice(
    text: str,
    choices: type[E],
    *,
    what: str,
    context: str | None = None,
    aliases: Mapping[str, E] | None = None,
) -> E: ...


@overload
def parse_choice(
    text: str,
    choices: Sequence[str],
    *,
    what: str,
    context: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> str: ...


def parse_choice(
    text: str,
    choices: type[StrEnum] | Sequence[str],
    *,
    what: str,
    context: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The choice the text names (an enum member or an allowed word), or InvalidInput.

    `what` is the thing with its article ("a sector"), marked `NC_("what", ...)` where it is
    given, for the message that refuses a word (shown in the interface language); `context`
    the catalogue context of the values' words (psi.words.SECTOR ...), if any."""
    if isinstance(choices, str):
        raise TypeError("parse_choice takes the allowed values, not one string")
    enum = choices if isinstance(choices, type) else None
    values = tuple(str(choice) for choice in choices)
    found = choice_table(values, context=context, aliases=aliases).get(choice_key(text))
    if found is None:
        raise InvalidInput(
            # The values are what the user types; the Swedish message says its words work too.
            _("'{text}' is not {what}; use one of: {values}.").format(
                text=text, what=pgettext("what", what), values=", ".join(values)
            )
        )
    return enum(found) if enum is not None else found
