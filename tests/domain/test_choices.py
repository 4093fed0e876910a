"""The one parser for typed choices, and the CHECK constraints that hold the same choices."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import CheckConstraint, inspect
from sqlmodel import SQLModel

import psi.models
from psi import storage
from psi.domain.activity import ActivityStatus, LogKind, parse_activity_status, parse_log_kind
from psi.domain.budget import Category, Funding, parse_category
from psi.domain.choices import catalogue_words, choice_key, choice_table, parse_choice
from psi.domain.history import HistoryKind
from psi.domain.invitation import Method
from psi.domain.meeting import Kind, MeetingStatus, parse_kind, parse_meeting_status
from psi.domain.organisation import Sector, Status, parse_sector, parse_status
from psi.domain.rotation import Answer, Role
from psi.errors import InvalidInput
from psi.location import locate_db
from psi.models import one_of
from psi.words import (
    ACTIVITY_STATUS,
    BUDGET_CATEGORY,
    LOG_KIND,
    MEETING_KIND,
    MEETING_STATUS,
    SECTOR,
    TERMS,
    term,
)
from tests.conftest import Db


class Colour(StrEnum):
    """A small enum of the parser's own, with a hyphenated value."""

    RED = "red"
    SEA_GREEN = "sea-green"
    ORANGE = "orange"


SWEDISH = {"röd": Colour.RED, "sjögrön": Colour.SEA_GREEN, "orange": Colour.ORANGE}


# --- parse_choice -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("red", Colour.RED),
        ("sea-green", Colour.SEA_GREEN),
        ("RED", Colour.RED),
        ("Sea-Green", Colour.SEA_GREEN),
        ("  red ", Colour.RED),
        ("sea green", Colour.SEA_GREEN),
        ("sea_green", Colour.SEA_GREEN),
        ("SEA_GREEN", Colour.SEA_GREEN),
        ("\tsea green\n", Colour.SEA_GREEN),
    ],
)
def test_a_value_parses_exactly_in_any_case_and_spacing(text: str, expected: Colour) -> None:
    assert parse_choice(text, Colour, what="a colour") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("röd", Colour.RED),
        ("Röd", Colour.RED),
        ("RÖD", Colour.RED),
        ("rod", Colour.RED),  # typed without ö
        (unicodedata.normalize("NFD", "röd"), Colour.RED),  # o + combining diaeresis
        ("sjögrön", Colour.SEA_GREEN),
        ("Sjogron", Colour.SEA_GREEN),
        ("orange", Colour.ORANGE),
    ],
)
def test_an_alias_parses_with_or_without_accents(text: str, expected: Colour) -> None:
    assert parse_choice(text, Colour, what="a colour", aliases=SWEDISH) is expected


def test_without_aliases_the_swedish_word_is_refused() -> None:
    with pytest.raises(InvalidInput):
        parse_choice("röd", Colour, what="a colour")


@pytest.mark.parametrize(("text", "expected"), [("rëd", Colour.RED), ("ORANGÉ", Colour.ORANGE)])
def test_accents_on_a_value_do_not_matter(text: str, expected: Colour) -> None:
    assert parse_choice(text, Colour, what="a colour") is expected


@pytest.mark.parametrize(
    "text", ["", "   ", "blue", "reds", "re d", "seagreen", "sea--green", "r", "röd grön", "1"]
)
def test_an_unknown_word_is_refused_with_every_choice_named(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_choice(text, Colour, what="a colour", aliases=SWEDISH)
    assert caught.value.message == (
        f"'{text}' is not a colour; use one of: red, sea-green, orange."
    )


def test_the_message_keeps_what_was_typed_and_the_article_given() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_choice(" Blå ", Colour, what="an ink")
    assert caught.value.message == "' Blå ' is not an ink; use one of: red, sea-green, orange."


def test_a_value_wins_over_an_alias_that_folds_alike() -> None:
    aliases = {"Orange": Colour.RED, "ORANGE ": Colour.RED}
    assert parse_choice("orange", Colour, what="a colour", aliases=aliases) is Colour.ORANGE


def test_plain_words_parse_to_the_allowed_word() -> None:
    words = ("all", "active", "member-like")
    assert parse_choice("ALL", words, what="a filter") == "all"
    assert parse_choice("member like", words, what="a filter") == "member-like"
    assert parse_choice("alla", words, what="a filter", aliases={"alla": "all"}) == "all"
    with pytest.raises(InvalidInput) as caught:
        parse_choice("none", words, what="a filter")
    assert caught.value.message == "'none' is not a filter; use one of: all, active, member-like."


def test_one_string_is_not_a_list_of_choices() -> None:
    with pytest.raises(TypeError):
        parse_choice("a", "abc", what="a letter")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Social Media", "social-media"),
        ("social_media", "social-media"),
        ("  STORMÖTE ", "stormote"),
        (unicodedata.normalize("NFD", "Övrigt"), "ovrigt"),
        ("Årsmöte", "arsmote"),
    ],
)
def test_choice_key(text: str, key: str) -> None:
    assert choice_key(text) == key


# --- every domain parser is the one parser ----------------------------------------------------

PARSERS: list[tuple[type[StrEnum], Callable[[str], StrEnum], str]] = [
    (Sector, parse_sector, "a sector"),
    (Status, parse_status, "a status"),
    (Kind, parse_kind, "a meeting kind"),
    (MeetingStatus, parse_meeting_status, "a meeting status"),
    (Category, parse_category, "a category"),
    (ActivityStatus, parse_activity_status, "an activity status"),
    (LogKind, parse_log_kind, "a log kind"),
]


@pytest.mark.parametrize(
    ("enum", "parse", "what"), PARSERS, ids=lambda x: getattr(x, "__name__", x)
)
def test_each_parser_refuses_with_the_one_message(
    enum: type[StrEnum], parse: Callable[[str], StrEnum], what: str
) -> None:
    choices = ", ".join(member.value for member in enum)
    with pytest.raises(InvalidInput) as caught:
        parse("nonsense")
    assert caught.value.message == f"'nonsense' is not {what}; use one of: {choices}."


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (parse_kind, "Stormöte", Kind.STORMOTE),
        (parse_kind, unicodedata.normalize("NFD", "STORMÖTE"), Kind.STORMOTE),
        (parse_log_kind, "Social media", LogKind.SOCIAL_MEDIA),
        (parse_sector, "civil_society", Sector.CIVIL_SOCIETY),
        (parse_category, "Lön", Category.PERSONNEL),
        (parse_category, "lon", Category.PERSONNEL),
        (parse_category, "Övrigt", Category.OTHER),
        (parse_category, "ovrigt", Category.OTHER),
        (parse_category, "fika", Category.CATERING),
        (parse_category, " Resa ", Category.TRAVEL),
    ],
)
def test_the_domain_parsers_keep_their_words(
    parse: Callable[[str], StrEnum], text: str, expected: StrEnum
) -> None:
    assert parse(text) is expected


@given(st.sampled_from(PARSERS), st.data())
def test_every_value_parses_to_itself_in_any_case_and_spelling(
    parser: tuple[type[StrEnum], Callable[[str], StrEnum], str], data: st.DataObject
) -> None:
    enum, parse, _what = parser
    member = data.draw(st.sampled_from(list(enum)))
    flips = data.draw(st.lists(st.booleans(), min_size=len(member.value)))
    typed = "".join(
        char.upper() if flip else char for char, flip in zip(member.value, flips, strict=False)
    )
    hyphen = data.draw(st.sampled_from(["-", "_", " "]))
    typed = typed.replace("-", hyphen)
    padding = data.draw(st.sampled_from(["", " ", "  ", "\t"]))
    assert parse(member.value) is member
    assert parse(f"{padding}{typed}{padding}") is member
    assert parse_choice(member.value, enum, what="x") is member


@given(st.sampled_from(PARSERS), st.text(max_size=20))
def test_any_text_is_a_choice_or_refused_with_the_choices(
    parser: tuple[type[StrEnum], Callable[[str], StrEnum], str], text: str
) -> None:
    enum, parse, _what = parser
    try:
        parsed = parse(text)
    except InvalidInput as refused:
        assert ", ".join(member.value for member in enum) in refused.message
    else:
        assert parsed in list(enum)


# --- the catalogue's words: what psi prints can be typed back --------------------------------

CONTEXTS: list[tuple[str, type[StrEnum], Callable[[str], StrEnum]]] = [
    (MEETING_KIND, Kind, parse_kind),
    (MEETING_STATUS, MeetingStatus, parse_meeting_status),
    (ACTIVITY_STATUS, ActivityStatus, parse_activity_status),
    (LOG_KIND, LogKind, parse_log_kind),
    (SECTOR, Sector, parse_sector),
    (BUDGET_CATEGORY, Category, parse_category),
]
"""Each catalogue context whose values are typed, its enum, and the parser that reads it."""

CONTEXT_MEMBERS = [(context, member, parse) for context, enum, parse in CONTEXTS for member in enum]
CONTEXT_VALUES = [
    pytest.param(*value, id=f"{value[0]}:{value[1].value}") for value in CONTEXT_MEMBERS
]
SAME_IN_BOTH = {(SECTOR, "region"), (LOG_KIND, "msi")}
"""The values whose Swedish word is the English one."""


def without_accents(text: str) -> str:
    """The text typed on a keyboard without å, ä and ö (and without any other accent)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@pytest.mark.parametrize(("context", "enum", "parse"), CONTEXTS, ids=[c[0] for c in CONTEXTS])
def test_the_catalogue_has_a_word_for_every_value_of_a_typed_choice(
    context: str, enum: type[StrEnum], parse: Callable[[str], StrEnum]
) -> None:
    assert set(TERMS[context]) == {member.value for member in enum}


@pytest.mark.parametrize(("context", "member", "parse"), CONTEXT_VALUES)
def test_the_english_value_parses_in_any_case(
    context: str, member: StrEnum, parse: Callable[[str], StrEnum]
) -> None:
    for typed in (member.value, member.value.upper(), member.value.title()):
        assert parse(typed) is member, typed


@pytest.mark.parametrize(("context", "member", "parse"), CONTEXT_VALUES)
def test_the_swedish_word_parses_in_any_case_with_or_without_accents(
    context: str, member: StrEnum, parse: Callable[[str], StrEnum]
) -> None:
    swedish = term("sv", context, member.value)
    english = TERMS[context][member.value]
    # The Swedish catalogue is read (not the English fallback of a catalogue that is missing).
    assert (choice_key(swedish) == choice_key(english)) == ((context, member.value) in SAME_IN_BOTH)
    for typed in (
        swedish,
        swedish.upper(),
        swedish.lower(),
        swedish.capitalize(),
        without_accents(swedish),
        without_accents(swedish).upper(),
        unicodedata.normalize("NFD", swedish),
        unicodedata.normalize("NFD", swedish.upper()),
        f"  {swedish} ",
        swedish.replace(" ", "_"),
        swedish.replace(" ", "-"),
        swedish.replace("-", " "),
    ):
        assert parse(typed) is member, typed


@pytest.mark.parametrize(("context", "member", "parse"), CONTEXT_VALUES)
def test_the_english_display_word_parses(
    context: str, member: StrEnum, parse: Callable[[str], StrEnum]
) -> None:
    english = TERMS[context][member.value]
    for typed in (english, english.upper(), english.lower(), english.replace(" ", "_")):
        assert parse(typed) is member, typed


@pytest.mark.parametrize(("context", "member", "parse"), CONTEXT_VALUES)
def test_the_catalogue_words_are_the_english_and_the_swedish_word(
    context: str, member: StrEnum, parse: Callable[[str], StrEnum]
) -> None:
    assert catalogue_words(context, member.value) == (
        TERMS[context][member.value],
        term("sv", context, member.value),
    )


@pytest.mark.parametrize(("context", "enum", "parse"), CONTEXTS, ids=[c[0] for c in CONTEXTS])
def test_an_unknown_word_is_refused_listing_the_english_values(
    context: str, enum: type[StrEnum], parse: Callable[[str], StrEnum]
) -> None:
    for typed in ("möte", "nonsense", "", "övrigt övrigt"):
        with pytest.raises(InvalidInput) as caught:
            parse(typed)
        message = caught.value.message
        assert message.startswith(f"'{typed}' is not a")
        assert message.endswith(f"; use one of: {', '.join(m.value for m in enum)}.")
        assert "\n" not in message


@pytest.mark.parametrize("context", sorted(TERMS))
def test_no_two_values_of_a_context_share_a_word(context: str) -> None:
    """Within one context, a value, its English word and its Swedish word name it alone."""
    owner: dict[str, str] = {}
    for value in TERMS[context]:
        keys = {choice_key(value), *(choice_key(word) for word in catalogue_words(context, value))}
        for key in keys:
            assert owner.setdefault(key, value) == value, (context, key, owner[key], value)


def test_the_words_differ_with_the_context() -> None:
    # `övrigt` is a sector, a log kind and a budget category, each in its own parse.
    assert parse_sector("övrigt") is Sector.OTHER
    assert parse_log_kind("övrigt") is LogKind.OTHER
    assert parse_category("övrigt") is Category.OTHER
    assert parse_kind("övrigt") is Kind.OTHER
    # `planerat` is what psi prints for a meeting, `planerad` for an activity: both work.
    for parse, planned in (
        (parse_meeting_status, MeetingStatus.PLANNED),
        (parse_activity_status, ActivityStatus.PLANNED),
    ):
        assert parse("planerat") is planned
        assert parse("planerad") is planned


SWEDISH_WORDS: list[tuple[Callable[[str], StrEnum], str, StrEnum]] = [
    # The words issue 20 names, and the others the parsers know (catalogue and aliases).
    *[
        (parse_sector, word, sector)
        for sector, words in {
            Sector.CIVIL_SOCIETY: ("civilsamhälle", "civilsamhället"),
            Sector.MUNICIPALITY: ("kommun", "kommunal"),
            Sector.REGION: ("region", "regional"),
            Sector.STATE: ("stat", "statlig", "statlig myndighet", "myndighet"),
            Sector.ACADEMIA: ("akademi", "universitet", "högskola"),
            Sector.BUSINESS: ("näringsliv", "företag"),
            Sector.OTHER: ("övrigt", "annat"),
        }.items()
        for word in words
    ],
    *[
        (parse_status, word, status)
        for status, words in {
            Status.MEMBER: ("medlem",),
            Status.PROSPECT: ("intresserad", "intressent"),
            Status.PARTNER: ("partner", "samarbetspartner"),
            Status.FORMER: ("tidigare medlem", "tidigare", "före detta medlem", "utträdd"),
        }.items()
        for word in words
    ],
    *[
        (parse_kind, word, kind)
        for kind, words in {
            Kind.AU: ("au", "AU-möte", "arbetsutskottet", "arbetsutskott"),
            Kind.STORMOTE: ("stormöte", "Stormöte", "General meeting"),
            Kind.MSI: ("msi", "MSI-dialog", "dialogmöte", "MSI dialogue"),
            Kind.OTHER: ("övrigt", "Övrigt möte", "annat"),
        }.items()
        for word in words
    ],
    *[
        (parse_meeting_status, word, status)
        for status, words in {
            MeetingStatus.PLANNED: ("planerat", "planerad"),
            MeetingStatus.HELD: ("genomfört", "genomförd", "hållen", "hållet"),
            MeetingStatus.CANCELLED: ("inställt", "inställd"),
        }.items()
        for word in words
    ],
    *[
        (parse_activity_status, word, status)
        for status, words in {
            ActivityStatus.PLANNED: ("planerad", "planerat"),
            ActivityStatus.ONGOING: ("pågår", "pågående", "påbörjad"),
            ActivityStatus.DONE: ("genomförd", "genomfört", "klar"),
            ActivityStatus.CANCELLED: ("inställd", "inställt"),
            ActivityStatus.CARRIED: ("flyttad till nästa år", "flyttad", "flyttat"),
        }.items()
        for word in words
    ],
    *[
        (parse_log_kind, word, kind)
        for kind, words in {
            LogKind.MEMBER_DIALOGUE: ("medlemsdialog",),
            LogKind.RECRUITMENT: ("rekrytering",),
            LogKind.MSI: ("MSI",),
            LogKind.WEBSITE: ("hemsida", "webbplats", "webb"),
            LogKind.SOCIAL_MEDIA: ("sociala medier",),
            LogKind.OTHER: ("övrigt", "annat"),
        }.items()
        for word in words
    ],
    *[
        (parse_category, word, category)
        for category, words in {
            Category.PERSONNEL: ("lön, arvode", "lön", "arvode"),
            Category.VENUE: ("lokal",),
            Category.CATERING: ("fika och mat", "fika", "mat"),
            Category.COMMUNICATION: ("kommunikation",),
            Category.TRAVEL: ("resor", "resa"),
            Category.OTHER: ("övrigt", "annat"),
        }.items()
        for word in words
    ],
]


@pytest.mark.parametrize(
    ("parse", "word", "expected"),
    SWEDISH_WORDS,
    ids=[f"{parse.__name__}:{word}" for parse, word, _ in SWEDISH_WORDS],
)
def test_each_swedish_word_names_its_value(
    parse: Callable[[str], StrEnum], word: str, expected: StrEnum
) -> None:
    assert parse(word) is expected
    assert parse(without_accents(word).upper()) is expected


def test_a_catalogue_word_wins_over_an_alias_of_another_value() -> None:
    aliases = {"kommun": Sector.REGION, "landsting": Sector.REGION}
    assert parse_choice("kommun", Sector, what="a sector", context=SECTOR, aliases=aliases) is (
        Sector.MUNICIPALITY
    )
    assert parse_choice("landsting", Sector, what="a sector", context=SECTOR, aliases=aliases) is (
        Sector.REGION
    )


def test_without_a_context_the_catalogue_words_are_not_known() -> None:
    with pytest.raises(InvalidInput):
        parse_choice("civilsamhälle", Sector, what="a sector")


def test_a_word_two_values_share_names_neither() -> None:
    aliases = {"röd": Colour.RED, "Rod": Colour.ORANGE, "grön": Colour.SEA_GREEN}
    assert parse_choice("grön", Colour, what="a colour", aliases=aliases) is Colour.SEA_GREEN
    with pytest.raises(InvalidInput):
        parse_choice("röd", Colour, what="a colour", aliases=aliases)


def test_the_choice_table_holds_every_typed_form() -> None:
    table = choice_table([m.value for m in Kind], context=MEETING_KIND)
    assert table["stormote"] == "stormote"
    assert table["general-meeting"] == "stormote"
    assert table["au-mote"] == "au"
    assert table["ovrigt-mote"] == "other"
    assert "ovrigt" not in table  # an alias of parse_kind, not a catalogue word


@st.composite
def retyped(draw: st.DrawFn, word: str) -> str:
    """The word as someone might type it: any case per letter, accents added or dropped,
    either Unicode form, and `-`, `_` or a space between its parts."""
    chars: list[str] = []
    for char in without_accents(word) if draw(st.booleans()) else word:
        if char in " -_":
            chars.append(draw(st.sampled_from(" -_")))
            continue
        char = char.upper() if draw(st.booleans()) else char.lower()
        if char.isalpha() and draw(st.integers(0, 4)) == 0:
            char += draw(st.sampled_from(["\u0301", "\u0308", "\u030a", "\u0300"]))
        chars.append(char)
    form = draw(st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
    padding = draw(st.sampled_from(["", " ", "\t", "  "]))
    return padding + unicodedata.normalize(form, "".join(chars)) + padding


@given(st.sampled_from(SWEDISH_WORDS), st.data())
def test_any_casing_and_accents_of_a_known_word_parse_to_its_value(
    known: tuple[Callable[[str], StrEnum], str, StrEnum], data: st.DataObject
) -> None:
    parse, word, expected = known
    assert parse(data.draw(retyped(word))) is expected


@given(st.sampled_from(CONTEXT_MEMBERS), st.data())
def test_any_casing_and_accents_of_a_catalogue_word_parse_to_its_value(
    known: tuple[str, StrEnum, Callable[[str], StrEnum]], data: st.DataObject
) -> None:
    context, member, parse = known
    word = data.draw(st.sampled_from(catalogue_words(context, member.value)))
    assert parse(data.draw(retyped(word))) is member


@given(st.text())
def test_choice_key_is_idempotent(text: str) -> None:
    key = choice_key(text)
    assert choice_key(key) == key
    assert " " not in key and "_" not in key


SWEDISH_LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéü"


@given(st.text(alphabet=SWEDISH_LETTERS + SWEDISH_LETTERS.upper() + " -_,"))
def test_a_choice_key_folds_case_accents_and_separators_away(text: str) -> None:
    key = choice_key(text)
    assert choice_key(text.upper()) == key
    assert choice_key(text.lower()) == key
    assert choice_key(without_accents(text)) == key
    assert choice_key(unicodedata.normalize("NFD", text)) == key


WORD = st.text(alphabet=SWEDISH_LETTERS, min_size=1, max_size=8)
SEPARATORS = st.lists(st.sampled_from(" -_"), min_size=8, max_size=8)


@given(st.lists(WORD, min_size=1, max_size=4), SEPARATORS, SEPARATORS)
def test_a_space_an_underscore_and_a_hyphen_between_words_are_alike(
    words: list[str], first: list[str], second: list[str]
) -> None:
    def joined(separators: list[str]) -> str:
        return words[0] + "".join(
            sep + word for sep, word in zip(separators, words[1:], strict=False)
        )

    assert choice_key(joined(first)) == choice_key(joined(second))


# --- the CHECK constraints hold the domain's choices ------------------------------------------

CONSTRAINTS: dict[str, tuple[str, type[StrEnum]]] = {
    "ck_organisation_sector": ("sector", Sector),
    "ck_organisation_status": ("status", Status),
    "ck_coordinator_term_role": ("role", Role),
    "ck_inquiry_answer": ("answer", Answer),
    "ck_invitation_method": ("method", Method),
    "ck_meeting_kind": ("kind", Kind),
    "ck_meeting_status": ("status", MeetingStatus),
    "ck_expense_category": ("category", Category),
    "ck_activity_status": ("status", ActivityStatus),
    "ck_log_entry_kind": ("kind", LogKind),
    "ck_co_funding_kind": ("kind", Funding),
    "ck_history_entry_kind": ("kind", HistoryKind),
}
_IN = re.compile(r"^(\w+) IN \((.*)\)$")
_QUOTED = re.compile(r"'((?:[^']|'')*)'")


def _check_constraints() -> dict[str, tuple[str, CheckConstraint]]:
    assert psi.models.Organisation.__tablename__ in SQLModel.metadata.tables
    return {
        str(constraint.name): (table.name, constraint)
        for table in SQLModel.metadata.tables.values()
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    }


def test_every_check_constraint_is_tied_to_an_enum() -> None:
    assert sorted(_check_constraints()) == sorted(CONSTRAINTS)


@pytest.mark.parametrize("name", sorted(CONSTRAINTS))
def test_a_check_constraint_allows_exactly_its_enums_values(name: str) -> None:
    column, enum = CONSTRAINTS[name]
    table, constraint = _check_constraints()[name]
    match = _IN.match(str(constraint.sqltext))
    assert match is not None, constraint.sqltext
    assert match.group(1) == column
    assert _QUOTED.findall(match.group(2)) == [member.value for member in enum]
    # ... and the column is wide enough for the longest of them.
    length = getattr(SQLModel.metadata.tables[table].columns[column].type, "length", None)
    assert isinstance(length, int)
    assert max(len(member.value) for member in enum) <= length


def test_one_of_writes_the_sql_the_migrations_wrote() -> None:
    assert one_of("kind", Kind) == "kind IN ('au', 'stormote', 'msi', 'other')"
    assert one_of("answer", ["pending", "yes", "no"]) == "answer IN ('pending', 'yes', 'no')"
    assert one_of("word", ["it's"]) == "word IN ('it''s')"


def test_the_migrated_database_allows_exactly_the_enums_values(db: Db) -> None:
    engine = storage.open_engine(locate_db(str(db)), create=True)
    try:
        inspector = inspect(engine)
        found: dict[str, list[str]] = {}
        for table, constraint in _check_constraints().values():
            for reflected in inspector.get_check_constraints(table):
                if reflected["name"] == constraint.name:
                    found[str(constraint.name)] = _QUOTED.findall(reflected["sqltext"])
                    if engine.dialect.name == "sqlite":  # the text itself, byte for byte
                        assert reflected["sqltext"] == str(constraint.sqltext)
    finally:
        engine.dispose()
    assert found == {
        name: [member.value for member in enum] for name, (_column, enum) in CONSTRAINTS.items()
    }
