"""Text rules shared by names, municipalities, sorting and messages."""

from __future__ import annotations

import unicodedata

from psi.errors import InvalidInput
from psi.words import NC_, _, pgettext

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


# Characters a reader cannot see: controls (C0, C1), format characters (bidirectional
# controls, zero-width characters, the soft hyphen, the byte order mark), line and paragraph
# separators, and lone surrogates (undecodable bytes in a command line or file name).
_UNSEEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Letters and marks that show as nothing, used to make names look alike.
_BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char, f"\\x{code:02x}")
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """The text with every control, invisible formatting and line-separator character written
    as an escape (`\\x1b`, `\\u202e`), so that a message stays one line of what it says."""
    return "".join(_escape(c) if unicodedata.category(c) in _UNSEEN else c for c in text)


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first character that changes how a name reads without being seen (a bidirectional
    control, a zero-width character, a soft hyphen...) and its position from 1; None if none."""
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) == "Cf" or char in _BLANK_LETTERS:
            return position, char
    return None


def describe_character(char: str) -> str:
    """A character by its code point and Unicode name: `U+202E RIGHT-TO-LEFT OVERRIDE`."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


LINE_MAX = 200
"""The longest one-line text psi takes unless a field says otherwise (names, titles)."""


def check_line(text: str, *, what: str = NC_("what", "name"), limit: int = LINE_MAX) -> str:
    """A cleaned one-line text (a name, title, place or reason), or InvalidInput when it is
    empty, too long or holds control characters.

    `what` names the field in English, marked `NC_("what", ...)` where it is given; the
    messages show it in the interface language, as a field's name."""
    field = pgettext("what", what)
    if has_control_characters(text):
        raise InvalidInput(
            _("The {what} holds a control character (tab or line break); remove it.").format(
                what=field
            )
        )
    value = clean(text)
    if not value:
        raise InvalidInput(
            _(
                'The {what} is empty; give the {what} in quotes, e.g. "Nora Idrottsförening".'
            ).format(what=field)
        )
    if len(value) > limit:
        raise InvalidInput(
            _("The {what} is {length} characters long; at most {limit} are allowed.").format(
                what=field, length=len(value), limit=limit
            )
        )
    return value


def optional_line(
    text: str | None, *, what: str = NC_("what", "name"), limit: int = LINE_MAX
) -> str | None:
    """As `check_line`, but a text left out or blank is None (a field that may be empty)."""
    return check_line(text, what=what, limit=limit) if text and text.strip() else None


def plain_digits(text: str) -> bool:
    """Only the digits 0-9 (`str.isdigit` also takes ² and other digits int() refuses)."""
    return text.isascii() and text.isdigit()
