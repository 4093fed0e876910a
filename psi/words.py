"""The words psi shows in Swedish and English: one gettext catalogue, made with Babel.

English is the key. Each word or phrase is written in English where it is used (the
msgid); the Swedish is in psi/locale/sv/LC_MESSAGES/psi.po, compiled to psi.mo (see
psi.catalogue for how it is made and checked).

Two users of the catalogue:
- the terminal speaks the user's language: `_`, `ngettext`, `pgettext` translate into the
  interface language (Swedish under a Swedish locale, `PSI_LANG=sv|en` overrides);
- a document has its own `--lang`: `words(lang)` is that language's catalogue, whose
  `gettext`, `ngettext`, `pgettext` and `npgettext` return the translation:

    words("sv").gettext("Attendance per meeting")  # "Närvaro per möte"

A word whose translation depends on where it stands carries a context, gettext's msgctxt
(`planned` is "planerat" for a meeting, "planerad" for an activity). The value of an enum
(a meeting kind, a status, a sector ...) gets its word through `term(lang, context, value)`,
from the English words marked in TERMS.

A message with values names them: `_("There is no meeting {number}.").format(number=7)`,
so a translation may put them in its own order.
"""

from __future__ import annotations

import gettext
import os
import sys
from functools import cache
from pathlib import Path

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
"""Each document language and the locale its dates, numbers and catalogue follow."""

DOMAIN = "psi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANG_ENV = "PSI_LANG"

KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NC_": ((1, "c"), 2),
}
"""The functions whose texts `pybabel extract` collects (`-k N_ -k NC_:1c,2` ...)."""


def N_(message: str) -> str:
    """Mark an English text for the catalogue where it is not yet translated (a constant)."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark an English word with its context for the catalogue, for `term` to translate."""
    return message


MEETING_KIND = "meeting kind"
MEETING_BODY = "meeting body"
MEETING_STATUS = "meeting status"
ACTIVITY_STATUS = "activity status"
LOG_KIND = "log kind"
COORDINATOR_ROLE = "coordinator role"
SECTOR = "sector"
BUDGET_CATEGORY = "budget category"
VERDICT = "verdict"
FUNDING = "funding"
ORG_STATUS = "organisation status"
INQUIRY_ANSWER = "inquiry answer"
HISTORY_KIND = "history kind"

# The English word for each value of psi's enums, by context (an extractor needs literals).
TERMS: dict[str, dict[str, str]] = {
    MEETING_KIND: {
        "au": NC_("meeting kind", "AU meeting"),
        "stormote": NC_("meeting kind", "General meeting"),
        "msi": NC_("meeting kind", "MSI dialogue"),
        "other": NC_("meeting kind", "Other"),
    },
    MEETING_BODY: {
        "au": NC_("meeting body", "The working committee"),
        "stormote": NC_("meeting body", "The general meeting"),
        "msi": NC_("meeting body", "The dialogue meeting"),
        "other": NC_("meeting body", "The meeting"),
    },
    MEETING_STATUS: {
        "planned": NC_("meeting status", "planned"),
        "held": NC_("meeting status", "held"),
        "cancelled": NC_("meeting status", "cancelled"),
    },
    ACTIVITY_STATUS: {
        "planned": NC_("activity status", "planned"),
        "ongoing": NC_("activity status", "ongoing"),
        "done": NC_("activity status", "done"),
        "cancelled": NC_("activity status", "cancelled"),
        "carried": NC_("activity status", "carried"),
    },
    LOG_KIND: {
        "member-dialogue": NC_("log kind", "member-dialogue"),
        "recruitment": NC_("log kind", "recruitment"),
        "msi": NC_("log kind", "msi"),
        "website": NC_("log kind", "website"),
        "social-media": NC_("log kind", "social-media"),
        "other": NC_("log kind", "other"),
    },
    COORDINATOR_ROLE: {
        "continuing": NC_("coordinator role", "continuing"),
        "newcomer": NC_("coordinator role", "newcomer"),
        "other": NC_("coordinator role", "other"),
    },
    SECTOR: {
        "civil-society": NC_("sector", "civil-society"),
        "municipality": NC_("sector", "municipality"),
        "region": NC_("sector", "region"),
        "state": NC_("sector", "state"),
        "academia": NC_("sector", "academia"),
        "business": NC_("sector", "business"),
        "other": NC_("sector", "other"),
    },
    BUDGET_CATEGORY: {
        "personnel": NC_("budget category", "personnel"),
        "venue": NC_("budget category", "venue"),
        "catering": NC_("budget category", "catering"),
        "communication": NC_("budget category", "communication"),
        "travel": NC_("budget category", "travel"),
        "other": NC_("budget category", "other"),
    },
    FUNDING: {
        "coordination": NC_("funding", "co-funds the coordination"),
        "frees-grant": NC_("funding", "pays part of the region's cost, which frees the grant"),
    },
    VERDICT: {
        "met": NC_("verdict", "met"),
        "partly met": NC_("verdict", "partly met"),
        "not met": NC_("verdict", "not met"),
        "on track": NC_("verdict", "on track"),
        "behind": NC_("verdict", "behind"),
    },
    ORG_STATUS: {
        "member": NC_("organisation status", "member"),
        "prospect": NC_("organisation status", "prospect"),
        "partner": NC_("organisation status", "partner"),
        "former": NC_("organisation status", "former"),
    },
    INQUIRY_ANSWER: {
        "pending": NC_("inquiry answer", "pending"),
        "yes": NC_("inquiry answer", "yes"),
        "no": NC_("inquiry answer", "no"),
    },
    HISTORY_KIND: {
        "rotation": NC_("history kind", "rotation"),
        "assessment": NC_("history kind", "assessment"),
    },
}


@cache
def words(lang: str) -> gettext.NullTranslations:
    """The catalogue of a language: Swedish for `sv`, English (the msgids) for any other."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def interface_language() -> str:
    """The language the terminal speaks: `PSI_LANG`, else the user's locale; `sv` or `en`."""
    chosen = os.environ.get(LANG_ENV, "").strip()
    if chosen:
        return _language_of(chosen)
    # gettext's own order: the first of these that is set names the language.
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return _language_of(value.split(":")[0])
    return _language_of(_system_locale())


def _language_of(name: str) -> str:
    folded = name.casefold()
    return "sv" if folded.startswith(("sv", "swedish")) else "en"


def _system_locale() -> str:
    """Windows and macOS name the user's language outside the environment."""
    if sys.platform in ("win32", "darwin"):
        import locale

        return locale.getlocale()[0] or ""  # "Swedish_Sweden" on Windows, "sv_SE" on macOS
    return ""


def _(message: str) -> str:
    """A message in the interface language."""
    return words(interface_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """A message whose form depends on the number n, in the interface language."""
    return words(interface_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """A word in a context (a status of a meeting, not of an activity), in the interface
    language."""
    return words(interface_language()).pgettext(context, message)


def interface_term(context: str, value: str) -> str:
    """The word for an enum value in the interface language (a status in a table)."""
    return term(interface_language(), context, value)


def term(lang: str, context: str, value: str) -> str:
    """The word for an enum value (a meeting kind, a status ...); an unknown value as it is."""
    english = TERMS.get(context, {}).get(value)
    return value if english is None else words(lang).pgettext(context, english)


def locale(lang: str) -> str:
    """The locale of a document language (`sv_SE`, `en_GB`), for Babel's dates and numbers."""
    return LOCALES.get(lang, LOCALES["en"])
