"""The 12 kommuner of Örebro län, and municipalities outside it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from psi.domain.text import clean, fold
from psi.errors import InvalidInput
from psi.words import _

KOMMUNER: dict[str, str] = {
    "1814": "Lekeberg",
    "1860": "Laxå",
    "1861": "Hallsberg",
    "1862": "Degerfors",
    "1863": "Hällefors",
    "1864": "Ljusnarsberg",
    "1880": "Örebro",
    "1881": "Kumla",
    "1882": "Askersund",
    "1883": "Karlskoga",
    "1884": "Nora",
    "1885": "Lindesberg",
}
_BY_FOLDED = {fold(name): code for code, name in KOMMUNER.items()}
OTHER_PREFIX = "other:"


@dataclass(frozen=True)
class Municipality:
    """A municipality: its proper name, and its SCB code when it lies in Örebro län."""

    name: str
    code: str | None

    @property
    def in_lan(self) -> bool:
        """True for the 12 kommuner of Örebro län."""
        return self.code is not None

    @property
    def label(self) -> str:
        """How the register shows it: `Örebro`, or `Stockholm (outside the län)`."""
        return self.name if self.in_lan else _("{name} (outside the län)").format(name=self.name)


def _strip_kommun(folded: str) -> str:
    for suffix in (" kommun", "s kommun"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in _BY_FOLDED:
            return folded[: -len(suffix)]
    return folded


def closest_kommun(text: str) -> str | None:
    """The kommun a mistyped name most likely means (`noraa`, `Orebr`), if one is that close."""
    folded = _strip_kommun(fold(clean(text)))
    found = difflib.get_close_matches(folded, list(_BY_FOLDED), n=1, cutoff=0.75)
    return KOMMUNER[_BY_FOLDED[found[0]]] if found else None


def _typed(option: str | None, value: str) -> str:
    """What to type: the value, after the option when there is one (quoted if it holds
    spaces, as a shell needs)."""
    if option is None:
        return value
    quoted = f'"{value}"' if any(char.isspace() or char in "'\"" for char in value) else value
    return f"{option} {quoted}"


def resolve_municipality(text: str, *, option: str | None = None) -> Municipality:
    """Find a kommun by name (any case, with or without å/ä/ö) or SCB code, or `other:NAME`.

    An unknown name is refused with what to type instead: the kommun it most likely means, and
    `other:NAME` for a place outside the län; after `option` (`--municipality`) when given."""
    value = clean(text)
    if fold(value).startswith(OTHER_PREFIX):
        name = clean(value[len(OTHER_PREFIX) :])
        if not name:
            example = _typed(option, "other:Stockholm")
            raise InvalidInput(
                _("'other:' needs a name after it, for example {example}.").format(example=example)
            )
        try:
            return resolve_municipality(name)
        except InvalidInput:
            return Municipality(name=name, code=None)
    if value in KOMMUNER:
        return Municipality(name=KOMMUNER[value], code=value)
    code = _BY_FOLDED.get(_strip_kommun(fold(value)))
    if code is not None:
        return Municipality(name=KOMMUNER[code], code=code)
    outside = _typed(option, f"{OTHER_PREFIX}{value or 'NAME'}")
    likely = closest_kommun(value) if value else None
    # "Type" on the command line (after an option), "write" in a file's column.
    if likely is not None:
        if option:
            message = _(
                "'{text}' is not a kommun in Örebro län; did you mean {likely}? "
                "Type {typed}, or {outside} for a place outside the län."
            )
        else:
            message = _(
                "'{text}' is not a kommun in Örebro län; did you mean {likely}? "
                "Write {typed}, or {outside} for a place outside the län."
            )
        raise InvalidInput(
            message.format(
                text=text, likely=likely, typed=_typed(option, fold(likely)), outside=outside
            )
        )
    names = ", ".join(sorted(KOMMUNER.values()))
    if option:
        message = _(
            "'{text}' is not a kommun in Örebro län ({names}); "
            "for one outside the län type {outside}."
        )
    else:
        message = _(
            "'{text}' is not a kommun in Örebro län ({names}); "
            "for one outside the län write {outside}."
        )
    raise InvalidInput(message.format(text=text, names=names, outside=outside))


def stored_municipality(name: str | None, code: str | None) -> Municipality | None:
    """Rebuild a Municipality from the two stored columns."""
    return None if name is None else Municipality(name=name, code=code)
