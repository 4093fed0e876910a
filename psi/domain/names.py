"""Finding an organisation by what a person types: full name, short name or a prefix."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from psi.domain.text import casefold_key, fold


@dataclass(frozen=True)
class Named:
    """Something that can be looked up by name: its id, full name and short name."""

    id: int
    name: str
    short: str | None = None

    @property
    def label(self) -> str:
        """The name with the short name in brackets, when there is one."""
        return f"{self.name} ({self.short})" if self.short else self.name


@dataclass(frozen=True)
class Lookup:
    """What a typed name matched: exactly one, several, or none with the closest names."""

    found: Named | None
    ambiguous: tuple[Named, ...] = ()
    suggestions: tuple[Named, ...] = ()


def _keys(item: Named) -> list[str]:
    return [item.name] + ([item.short] if item.short else [])


def _unique(items: Sequence[Named]) -> tuple[Named, ...]:
    seen: dict[int, Named] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


def find_named(query: str, candidates: Sequence[Named]) -> Lookup:
    """Match a typed name: exact (any case), without accents, a prefix, then a word inside.

    `Örebro Föreningsråd` is found by `örebro föreningsråd`, `orebro foreningsrad`,
    `orebro fo` and `föreningsråd`; the first step with exactly one hit wins.
    """
    exact = casefold_key(query)
    folded = fold(query)
    if not folded:
        return Lookup(found=None)
    steps: tuple[Callable[[str], bool], ...] = (
        lambda key: casefold_key(key) == exact,
        lambda key: fold(key) == folded,
        lambda key: fold(key).startswith(folded),
        lambda key: f" {folded}" in f" {fold(key)}",
    )
    for step in steps:
        hits = _unique([item for item in candidates if any(step(k) for k in _keys(item))])
        if len(hits) == 1:
            return Lookup(found=hits[0])
        if hits:
            return Lookup(found=None, ambiguous=hits)
    return Lookup(found=None, suggestions=closest(query, candidates))


def closest(query: str, candidates: Sequence[Named], limit: int = 3) -> tuple[Named, ...]:
    """The candidates whose names look most like the query, best first."""
    by_key: dict[str, Named] = {}
    for item in candidates:
        for key in _keys(item):
            by_key.setdefault(fold(key), item)
    target = fold(query)
    words = {fold(word) for word in query.split()}
    keys = difflib.get_close_matches(target, list(by_key), n=limit, cutoff=0.5)
    if not keys:
        keys = [key for key in by_key if words & set(key.split())][:limit]
    return _unique([by_key[key] for key in keys])
