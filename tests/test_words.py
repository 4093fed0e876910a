"""The catalogue of words (psi.words): every word used has its Swedish, and it works as gettext."""

from __future__ import annotations

import gettext
import io
from enum import StrEnum
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo

import psi
from psi import words as catalogue
from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.budget import Category
from psi.domain.duties import Verdict
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.organisation import Sector
from psi.domain.rotation import Role
from psi.reports.render import LANGUAGES
from psi.words import (
    LOCALES,
    SWEDISH,
    TERMS,
    Message,
    Table,
    Translation,
    locale,
    term,
    two_forms,
    words,
)

ENUMS: dict[str, type[StrEnum]] = {
    catalogue.MEETING_KIND: Kind,
    catalogue.MEETING_BODY: Kind,
    catalogue.MEETING_STATUS: MeetingStatus,
    catalogue.ACTIVITY_STATUS: ActivityStatus,
    catalogue.LOG_KIND: LogKind,
    catalogue.COORDINATOR_ROLE: Role,
    catalogue.SECTOR: Sector,
    catalogue.BUDGET_CATEGORY: Category,
    catalogue.VERDICT: Verdict,
}

# Plural entries for the mechanism's tests (psi's documents have none yet).
PLURALS: dict[Message, Translation] = {
    "{n} meeting": ("{n} möte", "{n} möten"),
    ("attendance", "{n} organisation"): ("{n} organisation", "{n} organisationer"),
}


def _used() -> dict[Message, bool]:
    """Every msgid psi's code marks, as `pybabel extract` finds it: key -> whether plural."""
    keywords = {**DEFAULT_KEYWORDS, **catalogue.KEYWORDS}
    found: dict[Message, bool] = {}
    folder = Path(psi.__file__).parent
    for _file, _line, message, _comments, context in extract_from_dir(folder, keywords=keywords):
        msgid = message if isinstance(message, str) else str(message[0])
        found[msgid if context is None else (context, msgid)] = not isinstance(message, str)
    return found


def test_every_word_the_code_uses_has_its_swedish() -> None:
    used = _used()
    assert len(used) > 40
    missing = [key for key in used if key not in SWEDISH]
    assert missing == []
    for key, plural in used.items():
        swedish = SWEDISH[key]
        if plural:
            assert isinstance(swedish, tuple) and len(swedish) == 2, key
        else:
            assert isinstance(swedish, str) and swedish.strip(), key


def test_every_swedish_word_is_used() -> None:
    used = _used()
    assert [key for key in SWEDISH if key not in used] == []


def test_placeholders_are_kept_in_swedish() -> None:
    for key, swedish in SWEDISH.items():
        english = key if isinstance(key, str) else key[1]
        for form in (swedish,) if isinstance(swedish, str) else swedish:
            assert ("{year}" in english) == ("{year}" in form), key


@pytest.mark.parametrize("context", sorted(ENUMS))
def test_every_enum_value_has_its_words(context: str) -> None:
    values = {member.value for member in ENUMS[context]}
    assert set(TERMS[context]) == values
    for value in values:
        english = TERMS[context][value]
        assert term("sv", context, value) == SWEDISH[(context, english)]
        assert term("en", context, value) == english


def test_terms() -> None:
    assert term("sv", catalogue.MEETING_KIND, "au") == "AU-möte"
    assert term("en", catalogue.MEETING_KIND, "stormote") == "General meeting"
    assert term("sv", catalogue.MEETING_STATUS, "planned") == "planerat"
    assert term("sv", catalogue.ACTIVITY_STATUS, "planned") == "planerad"
    assert term("en", catalogue.ACTIVITY_STATUS, "planned") == "planned"
    assert term("sv", catalogue.VERDICT, Verdict.PARTLY) == "delvis uppfyllt"
    assert term("sv", catalogue.MEETING_BODY, Kind.AU) == "Arbetsutskottet"
    assert term("sv", catalogue.SECTOR, "civil-society") == "civilsamhälle"


def test_an_unknown_value_is_shown_as_it_is() -> None:
    assert term("sv", catalogue.MEETING_KIND, "picnic") == "picnic"
    assert term("sv", "no such context", "au") == "au"


def test_english_is_the_msgid_and_any_other_language_english() -> None:
    for lang in ("en", "fr", ""):
        assert words(lang).gettext("Attendance per meeting") == "Attendance per meeting"
        assert words(lang).pgettext("file name", "minutes") == "minutes"
    assert words("sv").gettext("Attendance per meeting") == "Närvaro per möte"
    assert words("sv").pgettext("file name", "minutes") == "protokoll"
    assert words("sv") is words("sv")


def test_a_missing_word_falls_back_to_the_english() -> None:
    sv = words("sv")
    assert sv.gettext("Not in the catalogue") == "Not in the catalogue"
    assert sv.pgettext("no context", "Members") == "Members"
    assert sv.ngettext("{n} thing", "{n} things", 1) == "{n} thing"
    assert sv.ngettext("{n} thing", "{n} things", 2) == "{n} things"


@pytest.mark.parametrize(("n", "form"), [(0, 1), (1, 0), (2, 1), (5, 1), (21, 1), (101, 1)])
def test_the_plural_rule(n: int, form: int) -> None:
    assert two_forms(n) == form


def test_ngettext_picks_the_plural_form() -> None:
    table = Table(PLURALS)
    assert table.ngettext("{n} meeting", "{n} meetings", 1).format(n=1) == "1 möte"
    assert table.ngettext("{n} meeting", "{n} meetings", 0).format(n=0) == "0 möten"
    assert table.ngettext("{n} meeting", "{n} meetings", 3).format(n=3) == "3 möten"
    one = table.npgettext("attendance", "{n} organisation", "{n} organisations", 1)
    many = table.npgettext("attendance", "{n} organisation", "{n} organisations", 7)
    assert (one, many) == ("{n} organisation", "{n} organisationer")
    # A plural entry is not a singular translation, and the other way round.
    assert table.gettext("{n} meeting") == "{n} meeting"
    assert Table({"one": "ett"}).ngettext("one", "many", 2) == "many"


def _compiled(messages: dict[Message, Translation]) -> gettext.GNUTranslations:
    """The table compiled the way Babel will compile psi's catalogue (a .mo file)."""
    compiled = Catalog(locale="sv_SE")
    for key, swedish in messages.items():
        context, msgid = (None, key) if isinstance(key, str) else key
        if isinstance(swedish, tuple):
            compiled.add((msgid, msgid + "s"), swedish, context=context)
        else:
            compiled.add(msgid, swedish, context=context)
    mo = io.BytesIO()
    write_mo(mo, compiled)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def test_a_compiled_catalogue_gives_the_same_words_as_the_table() -> None:
    """So gettext.translation can replace the table without a caller changing."""
    messages = {**SWEDISH, **PLURALS}
    table, mo = Table(messages), _compiled(messages)
    for key, swedish in messages.items():
        context, msgid = (None, key) if isinstance(key, str) else key
        if isinstance(swedish, tuple):
            for n in (0, 1, 2, 11):
                if context is None:
                    assert table.ngettext(msgid, msgid + "s", n) == mo.ngettext(
                        msgid, msgid + "s", n
                    )
                else:
                    assert table.npgettext(context, msgid, msgid + "s", n) == mo.npgettext(
                        context, msgid, msgid + "s", n
                    )
        elif context is None:
            assert table.gettext(msgid) == mo.gettext(msgid) == swedish
        else:
            assert table.pgettext(context, msgid) == mo.pgettext(context, msgid) == swedish
    assert table.gettext("Not there") == mo.gettext("Not there")


def test_locales() -> None:
    assert locale("sv") == "sv_SE"
    assert locale("en") == "en_GB"
    assert locale("de") == "en_GB"
    assert set(LANGUAGES) == set(LOCALES)
