"""The 12 kommuner of Örebro län, and municipalities outside it."""

from __future__ import annotations

from dataclasses import dataclass

from psi.domain.text import clean, fold
from psi.errors import InvalidInput

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
        return self.name if self.in_lan else f"{self.name} (outside the län)"


def _strip_kommun(folded: str) -> str:
    for suffix in (" kommun", "s kommun"):
        if folded.endswith(suffix) and folded[: -len(suffix)] in _BY_FOLDED:
            return folded[: -len(suffix)]
    return folded


def resolve_municipality(text: str) -> Municipality:
    """Find a kommun by name (any case, with or without å/ä/ö) or SCB code, or `other:NAME`."""
    value = clean(text)
    if fold(value).startswith(OTHER_PREFIX):
        name = clean(value[len(OTHER_PREFIX) :])
        if not name:
            raise InvalidInput("'other:' needs a name after it, for example other:Stockholm.")
        try:
            return resolve_municipality(name)
        except InvalidInput:
            return Municipality(name=name, code=None)
    if value in KOMMUNER:
        return Municipality(name=KOMMUNER[value], code=value)
    code = _BY_FOLDED.get(_strip_kommun(fold(value)))
    if code is None:
        names = ", ".join(sorted(KOMMUNER.values()))
        raise InvalidInput(
            f"'{text}' is not a kommun in Örebro län ({names}); "
            f"for one outside the län write other:{value or 'NAME'}."
        )
    return Municipality(name=KOMMUNER[code], code=code)


def stored_municipality(name: str | None, code: str | None) -> Municipality | None:
    """Rebuild a Municipality from the two stored columns."""
    return None if name is None else Municipality(name=name, code=code)
