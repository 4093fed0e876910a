"""Text rules shared by names, municipalities and sorting."""

from __future__ import annotations

import unicodedata

_SWEDISH_TAIL = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}


def clean(text: str) -> str:
    """Trim and collapse every run of white space to one space."""
    return " ".join(text.split())


def has_control_characters(text: str) -> bool:
    """True when the text holds a control character (a tab, a newline, a NUL...)."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def has_binary_characters(text: str) -> bool:
    """True when a text that may span lines holds a control character other than a tab,
    a line break or a carriage return (a NUL says the file is not text; no database keeps
    it the same way: PostgreSQL refuses it)."""
    return any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in text)


def casefold_key(text: str) -> str:
    """The key under which two names count as the same regardless of case (and of how
    å, ä and ö are encoded: one character or a letter plus a combining mark)."""
    return unicodedata.normalize("NFC", clean(text).casefold())


def fold(text: str) -> str:
    """Case- and accent-insensitive form: `Örebro` and `orebro` fold alike."""
    decomposed = unicodedata.normalize("NFKD", casefold_key(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _sort_char(char: str) -> str:
    if char in _SWEDISH_TAIL:
        return _SWEDISH_TAIL[char]
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


def swedish_sort_key(text: str) -> str:
    """Sort key that puts å, ä and ö after z and é among the e, as a Swedish reader expects."""
    return "".join(_sort_char(char) for char in casefold_key(text))
