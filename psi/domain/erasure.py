"""Rules for erasing a person (GDPR): who the person is, and where a text mentions them.

A name matches whatever its case, accents or spacing ("Greta  HEMLIGSSON", "greta
hemligsson", "Grèta Hemligsson"); an e-mail address whatever its case; a phone number
whatever its separators, and in the +46 form too. Each mention is replaced with MARKER and
the rest of the text is kept; a scrubbed text never matches again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from psi.domain.contact import looks_like_email
from psi.domain.text import casefold_key, clean
from psi.errors import Conflict
from psi.words import _

MARKER = "[erased]"
"""What a mention of an erased person becomes."""

_SENTINEL = "\x00"
# Marks and invisible characters that a match skips: the combining accents (after the
# letters are decomposed), and zero-width spaces, joiners, direction marks, soft hyphens.
_SKIPPED = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # what is not already one plain space
_PHONE_SEPARATORS = "[ \\-()./]*"
_MIN_PHONE_DIGITS = 5


@dataclass(frozen=True)
class Person:
    """What identifies a person in free text: their names, e-mail addresses and phones."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        """Every name, address and number, as given."""
        return (*self.names, *self.emails, *self.phones)

    def not_in(self, kept: Iterable[str | None]) -> Person:
        """This person less each value that one of the kept texts mentions (a namesake's own
        name, address or phone, which stays): what a search of the files can look for."""
        texts = [text for text in kept if text]

        def free(value: Person) -> bool:
            return not any(mentions(text, value) for text in texts)

        return Person(
            tuple(n for n in self.names if free(Person(names=(n,)))),
            tuple(e for e in self.emails if free(Person(emails=(e,)))),
            tuple(p for p in self.phones if free(Person(phones=(p,)))),
        )


def person(
    names: Iterable[str | None] = (),
    emails: Iterable[str | None] = (),
    phones: Iterable[str | None] = (),
) -> Person:
    """A Person from the values at hand, empty and repeated ones left out (the first kept)."""

    def unique(values: Iterable[str | None], key: Callable[[str], str]) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for value in values:
            if value is not None and key(value) and key(value) not in seen:
                seen[key(value)] = clean(value)
        return tuple(seen.values())

    return Person(unique(names, name_key), unique(emails, email_key), unique(phones, phone_key))


def merge(*people: Person) -> Person:
    """One Person holding every value of the given ones."""
    return person(
        (n for p in people for n in p.names),
        (e for p in people for e in p.emails),
        (t for p in people for t in p.phones),
    )


def typed_person(who: str) -> Person:
    """The person as typed on the command line: a name or an e-mail address."""
    return person(emails=[who]) if looks_like_email(who) else person(names=[who])


# --- folding ----------------------------------------------------------------------------------


def _fold_char(char: str) -> str:
    return unicodedata.normalize("NFKD", char.casefold())


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The text as a match sees it (see `fold_for_match`), and for each of its characters the
    position of the character in `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    masked = _marker_positions(text)
    position = 0
    while position < len(text):
        if position in masked:
            out.append(_SENTINEL)
            where.append(position)
            position += len(MARKER)
            continue
        for part in _fold_char(text[position]):
            if _SKIPPED.match(part):
                continue
            if part.isspace():
                if out and out[-1] == " ":
                    continue
                part = " "
            out.append(part)
            where.append(position)
        position += 1
    return "".join(out), where


def fold_for_match(text: str) -> str:
    """The text in the one form matches are made in: case folded, accents and invisible
    characters removed, every run of white space one space, each MARKER one NUL."""
    text = text.replace(MARKER, _SENTINEL)
    if text.isascii():  # the same, sooner: no accents to remove, no letter to decompose
        return _SPACES.sub(" ", text.lower())
    text = _SKIPPED.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return _SPACES.sub(" ", text)


def _marker_positions(text: str) -> set[int]:
    found: set[int] = set()
    start = text.find(MARKER)
    while start != -1:
        found.add(start)
        start = text.find(MARKER, start + len(MARKER))
    return found


def name_key(name: str) -> str:
    """The form under which two names are the same person's: any case, accent or spacing."""
    return fold_for_match(name).replace(_SENTINEL, "").strip()


def email_key(email: str) -> str:
    """The form under which two e-mail addresses are the same: trimmed, any case."""
    return fold_for_match(email).replace(_SENTINEL, "").strip()


def phone_key(phone: str) -> str:
    """A phone number's own digits: without separators, and without the 0 or +46 (0046) in
    front, so 019-12 34 56 and +46 19 12 34 56 are the same number."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return digits[2:] if digits.startswith("46") else "+" + digits
    if digits.startswith("0046"):
        return digits[4:]
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits[1:] if digits.startswith("0") else digits


def _phone_pattern(phone: str) -> re.Pattern[str] | None:
    key = phone_key(phone)
    digits = key.lstrip("+")
    if len(digits) < _MIN_PHONE_DIGITS:
        return None
    body = _PHONE_SEPARATORS.join(digits)
    if key.startswith("+"):
        prefix = r"(?:\+|00)" + _PHONE_SEPARATORS
    else:
        prefix = r"(?:(?:\+|00)" + _PHONE_SEPARATORS + "46" + _PHONE_SEPARATORS
        prefix += r"(?:\(0\)" + _PHONE_SEPARATORS + r")?|0" + _PHONE_SEPARATORS + ")"
    return re.compile(r"(?<!\d)" + prefix + body + r"(?!\d)")


# --- finding and scrubbing -----------------------------------------------------------------------

# A mention stands alone: no letter or digit right before it, and none right after it, but
# for a name the Swedish genitive s ("Greta Hemligssons förslag").
_BEFORE = r"(?<![^\W_])"
_AFTER = r"(?![^\W_])"
_AFTER_NAME = r"(?=s?(?![^\W_]))"


@lru_cache(maxsize=32)
def _text_patterns(who: Person) -> tuple[re.Pattern[str], ...]:
    """Patterns over folded text (see `fold_for_match`), longest first."""
    keyed = {(name_key(n), _AFTER_NAME) for n in who.names} | {
        (email_key(e), _AFTER) for e in who.emails
    }
    ordered = sorted((k for k in keyed if k[0]), key=lambda k: len(k[0]), reverse=True)
    return tuple(re.compile(_BEFORE + re.escape(key) + after) for key, after in ordered)


@lru_cache(maxsize=32)
def _phone_patterns(who: Person) -> tuple[re.Pattern[str], ...]:
    """Patterns over the text as it is written."""
    return tuple(p for p in (_phone_pattern(phone) for phone in who.phones) if p is not None)


@lru_cache(maxsize=32)
def _any_pattern(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that finds any of them (for the quick test)."""
    return re.compile("|".join(p.pattern for p in patterns)) if patterns else None


@lru_cache(maxsize=32)
def _literals(who: Person) -> tuple[str, ...]:
    """The folded names and addresses, which a mention must contain as they are."""
    keys = {name_key(n) for n in who.names} | {email_key(e) for e in who.emails}
    return tuple(key for key in keys if key)


def mentions(text: str, who: Person) -> bool:
    """Whether the text mentions the person (a quick test, for whole files too)."""
    if not text:
        return False
    literals = _literals(who)
    if literals:
        folded = fold_for_match(text)
        # A plain search for each key first (fast); the pattern only where one occurs.
        if any(key in folded for key in literals):
            names = _any_pattern(_text_patterns(who))
            if names is not None and names.search(folded):
                return True
    phones = _any_pattern(_phone_patterns(who))
    return phones is not None and phones.search(text) is not None


def find(text: str, who: Person) -> list[tuple[int, int]]:
    """Where the text mentions the person: start and end positions, in order, not overlapping."""
    if not mentions(text, who):
        return []
    spans: list[tuple[int, int]] = []
    folded, where = folded_with_positions(text)
    for pattern in _text_patterns(who):
        for match in pattern.finditer(folded):
            start, end = match.span()
            # The source characters of the match, and those after it that folded to nothing
            # (a combining accent, a zero-width space); white space folds to a space.
            following = where[end] if end < len(where) else len(text)
            spans.append((where[start], max(where[end - 1] + 1, following)))
    for pattern in _phone_patterns(who):
        spans.extend(match.span() for match in pattern.finditer(text))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def scrub(text: str, who: Person) -> tuple[str, int]:
    """The text with each mention of the person replaced with MARKER, and how many there were."""
    total = 0
    while True:
        spans = find(text, who)
        if not spans:
            return text, total
        total += len(spans)
        for start, end in reversed(spans):
            text = text[:start] + MARKER + text[end:]


def fit(text: str, limit: int | None) -> str:
    """A scrubbed text cut to a column's length (MARKER is longer than a short name)."""
    if limit is None or len(text) <= limit:
        return text
    return MARKER[:limit] if len(MARKER) >= limit else text[: limit - 1] + "…"


# --- choosing the contacts that are the person -----------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A contact person who may be the one to erase."""

    id: int
    name: str
    organisation: str
    email: str | None = None
    phone: str | None = None


def matches_who(candidate: Candidate, who: str) -> bool:
    """Whether a contact is called, or has the address, as typed."""
    if looks_like_email(who):
        return candidate.email is not None and email_key(candidate.email) == email_key(who)
    return name_key(candidate.name) == name_key(who)


def choose(
    candidates: Sequence[Candidate], who: str, known_emails: Iterable[str] = ()
) -> tuple[Candidate, ...]:
    """The contacts that are the one person typed, or Conflict naming them when they may be
    several people.

    Contacts with the typed e-mail address are one person. Contacts with the typed name are
    one person when they share one e-mail address; a name typed exactly (accents included)
    is preferred to one that matches only without accents, and a contact with an address
    already known to be the person's (from the register, when erasing a backup) to others.
    """
    chosen = [c for c in candidates if matches_who(c, who)]
    if looks_like_email(who) or len(chosen) <= 1:
        return tuple(chosen)
    exact = [c for c in chosen if casefold_key(c.name) == casefold_key(who)]
    chosen = exact or chosen
    known = {email_key(e) for e in known_emails}
    chosen = [c for c in chosen if c.email and email_key(c.email) in known] or chosen
    emails = {email_key(c.email) if c.email else None for c in chosen}
    if len(chosen) == 1 or (len(emails) == 1 and None not in emails):
        return tuple(chosen)
    listed = ", ".join(
        (
            _("{name} at {organisation} ({email})") if c.email else _("{name} at {organisation}")
        ).format(name=c.name, organisation=c.organisation, email=c.email)
        for c in chosen
    )
    raise Conflict(
        _(
            "{n} contact persons are called {name}: {listed}; "
            "add --org ORG, or give the e-mail address instead of the name."
        ).format(n=len(chosen), name=clean(who), listed=listed)
    )


def candidate_person(chosen: Iterable[Candidate]) -> Person:
    """What identifies the chosen contacts in free text."""
    chosen = list(chosen)
    return person((c.name for c in chosen), (c.email for c in chosen), (c.phone for c in chosen))
