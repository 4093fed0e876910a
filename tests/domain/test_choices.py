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
from psi.domain.choices import choice_key, parse_choice
from psi.domain.history import HistoryKind
from psi.domain.meeting import Kind, MeetingStatus, parse_kind, parse_meeting_status
from psi.domain.organisation import Sector, Status, parse_sector, parse_status
from psi.domain.rotation import Answer, Role
from psi.errors import InvalidInput
from psi.location import locate_db
from psi.models import one_of
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


# --- the CHECK constraints hold the domain's choices ------------------------------------------

CONSTRAINTS: dict[str, tuple[str, type[StrEnum]]] = {
    "ck_organisation_sector": ("sector", Sector),
    "ck_organisation_status": ("status", Status),
    "ck_coordinator_term_role": ("role", Role),
    "ck_inquiry_answer": ("answer", Answer),
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
