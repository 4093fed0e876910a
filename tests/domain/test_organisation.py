"""The fields of an organisation, their checks, and joining and leaving."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.municipality import Municipality
from psi.domain.organisation import (
    NAME_MAX,
    NOTE_MAX,
    SHORT_MAX,
    OrgFields,
    OrgInput,
    Sector,
    Status,
    check_entry_name,
    check_line,
    check_note,
    check_org,
    join,
    leave,
    normalise_website,
    parse_sector,
    parse_status,
)
from psi.errors import ExitCode, InvalidInput

NORA_IF = OrgInput(name="Nora Idrottsförening", sector="civil-society")


def test_minimal_organisation() -> None:
    assert check_org(NORA_IF) == OrgFields(
        name="Nora Idrottsförening", sector=Sector.CIVIL_SOCIETY, status=Status.MEMBER
    )


def test_full_organisation() -> None:
    fields = check_org(
        OrgInput(
            name="  Nora   Idrottsförening ",
            sector="Civil-Society",
            status="MEMBER",
            short=" NIF ",
            orgnr="8024123450",
            municipality="nora",
            joined="2026-03-10",
            left=None,
            website="www.example.se",
            note="  Ny kontaktperson\nfrån 2027  ",
        )
    )
    assert fields == OrgFields(
        name="Nora Idrottsförening",
        sector=Sector.CIVIL_SOCIETY,
        status=Status.MEMBER,
        short="NIF",
        orgnr="802412-3450",
        municipality=Municipality(name="Nora", code="1884"),
        joined_on=date(2026, 3, 10),
        left_on=None,
        website="https://www.example.se",
        note="Ny kontaktperson\nfrån 2027",
    )


@pytest.mark.parametrize(
    "raw",
    [
        OrgInput(name="Region Örebro län", sector="region", orgnr="232100-0164"),
        OrgInput(name="Stiftelsen Activa", sector="civil-society", short="Activa"),
        OrgInput(name="Mötesplats social innovation", sector="academia", status="partner"),
        OrgInput(name="Exempelföreningen Nystart", sector="civil-society", status="prospect"),
        OrgInput(
            name="Gamla föreningen",
            sector="civil-society",
            status="former",
            joined="2020-01-01",
            left="2025-12-31",
        ),
        OrgInput(name="Gamla föreningen", sector="other", status="former", left="2025-12-31"),
        OrgInput(
            name="Samma dag",
            sector="other",
            status="former",
            joined="2025-01-01",
            left="2025-01-01",
        ),
        OrgInput(name="Stockholmsföreningen", sector="business", municipality="other:Stockholm"),
        OrgInput(name="Örebro kommun", sector="municipality", municipality="1880"),
        OrgInput(
            name="Länsstyrelsen", sector="state", website="https://www.lansstyrelsen.se/orebro"
        ),
        OrgInput(name="X", sector="other"),
        OrgInput(name="N" * NAME_MAX, sector="other"),
        OrgInput(name="Kort", sector="other", short="S" * SHORT_MAX),
        OrgInput(name="Anteckning", sector="other", note="n" * NOTE_MAX),
        OrgInput(name="Idag", sector="other", joined="today"),
    ],
)
def test_valid_organisations(raw: OrgInput) -> None:
    fields = check_org(raw)
    assert fields.name == " ".join(raw.name.split())


@pytest.mark.parametrize(
    "raw",
    [
        OrgInput(
            name="Tomt", sector="other", status="", short="", orgnr="", municipality="  ", joined=""
        ),
        OrgInput(name="Tomt", sector="other", status="  ", left="", website=" ", note="   "),
    ],
)
def test_empty_optional_fields_are_none(raw: OrgInput) -> None:
    assert check_org(raw) == OrgFields(name="Tomt", sector=Sector.OTHER, status=Status.MEMBER)


def test_municipality_outside_the_lan() -> None:
    fields = check_org(replace(NORA_IF, municipality="other:Stockholm"))
    assert fields.municipality == Municipality(name="Stockholm", code=None)


@pytest.mark.parametrize(
    ("raw", "mentions"),
    [
        (replace(NORA_IF, name=""), "empty"),
        (replace(NORA_IF, name="   "), "empty"),
        (replace(NORA_IF, name="N" * (NAME_MAX + 1)), str(NAME_MAX)),
        (replace(NORA_IF, name="Nora\nIdrottsförening"), "control character"),
        (replace(NORA_IF, name="Nora\tIF"), "control character"),
        (replace(NORA_IF, name="Nora IF\r\n"), "control character"),
        (replace(NORA_IF, name="Nora\x00IF"), "control character"),
        (replace(NORA_IF, short="S" * (SHORT_MAX + 1)), str(SHORT_MAX)),
        (replace(NORA_IF, short="N\nIF"), "short name"),
        (replace(NORA_IF, sector="idrott"), "sector"),
        (replace(NORA_IF, sector=""), "sector"),
        (replace(NORA_IF, sector="civil society!"), "sector"),
        (replace(NORA_IF, status="member?"), "status"),
        (replace(NORA_IF, status="medlemmar"), "status"),
        (replace(NORA_IF, status="active"), "status"),
        (replace(NORA_IF, orgnr="802412-3451"), "check digit"),
        (replace(NORA_IF, orgnr="19121212-1212"), "organisationsnummer"),
        (replace(NORA_IF, municipality="Stockholm"), "other:"),
        (replace(NORA_IF, municipality="other:"), "other:"),
        (replace(NORA_IF, website="not a url"), "web address"),
        (replace(NORA_IF, website="ftp://example.se"), "web address"),
        (replace(NORA_IF, joined="10/3/2026"), "YYYY-MM-DD"),
        (replace(NORA_IF, joined="2026-3-10"), "joined date"),
        (replace(NORA_IF, joined="2026-02-30"), "YYYY-MM-DD"),
        (replace(NORA_IF, status="former", left="31.12.2026"), "left date"),
        (replace(NORA_IF, note="n" * (NOTE_MAX + 1)), str(NOTE_MAX)),
    ],
)
def test_each_bad_field_is_invalid_input(raw: OrgInput, mentions: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_org(raw)
    assert mentions in caught.value.message
    assert caught.value.exit_code is ExitCode.INVALID


@pytest.mark.parametrize(
    ("raw", "mentions"),
    [
        (
            replace(NORA_IF, status="former", joined="2026-03-10", left="2026-03-09"),
            "before it joined",
        ),
        (replace(NORA_IF, status="prospect", joined="2026-03-10"), "prospect"),
        (replace(NORA_IF, status="partner", joined="2026-03-10"), "partner"),
        (replace(NORA_IF, status="former"), "left"),
        (replace(NORA_IF, status="former", joined="2026-03-10"), "left"),
        (replace(NORA_IF, left="2026-12-31"), "former"),
        (replace(NORA_IF, status="member", joined="2026-01-01", left="2026-12-31"), "former"),
        (replace(NORA_IF, status="prospect", left="2026-12-31"), "former"),
        (replace(NORA_IF, status="partner", left="2026-12-31"), "former"),
    ],
)
def test_status_and_dates_must_agree(raw: OrgInput, mentions: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_org(raw)
    assert mentions in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("www.example.se", "https://www.example.se"),
        ("example.se", "https://example.se"),
        ("  www.example.se  ", "https://www.example.se"),
        ("https://www.example.se", "https://www.example.se"),
        ("http://www.example.se", "http://www.example.se"),
        ("HTTPS://WWW.EXAMPLE.SE", "HTTPS://WWW.EXAMPLE.SE"),
        ("https://nif.example.se/om-oss?x=1#a", "https://nif.example.se/om-oss?x=1#a"),
        ("www.regionorebrolan.se/sv/", "https://www.regionorebrolan.se/sv/"),
        ("https://www.örebro.se", "https://www.örebro.se"),
    ],
)
def test_normalise_website(text: str, expected: str) -> None:
    assert normalise_website(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "not a url",
        "",
        "example",
        "https://",
        "https://example",
        "ftp://example.se",
        "mailto://anna@example.se",
        "https://exa mple.se",
        "https://.example.se",
        "www.example .se",
        "https://www.example.se\nhttps://evil.example",
    ],
)
def test_bad_website_is_rejected(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_website(text)
    assert "web address" in caught.value.message


@given(st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){1,3}", fullmatch=True))
def test_bare_host_becomes_https(host: str) -> None:
    assert normalise_website(host) == f"https://{host}"
    assert normalise_website(normalise_website(host)) == f"https://{host}"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("civil-society", Sector.CIVIL_SOCIETY),
        ("Civil-Society", Sector.CIVIL_SOCIETY),
        ("CIVIL-SOCIETY", Sector.CIVIL_SOCIETY),
        ("civil_society", Sector.CIVIL_SOCIETY),
        ("civil society", Sector.CIVIL_SOCIETY),
        (" civil-society ", Sector.CIVIL_SOCIETY),
        ("municipality", Sector.MUNICIPALITY),
        ("Region", Sector.REGION),
        ("STATE", Sector.STATE),
        ("academia", Sector.ACADEMIA),
        ("Business", Sector.BUSINESS),
        ("other", Sector.OTHER),
    ],
)
def test_parse_sector(text: str, sector: Sector) -> None:
    assert parse_sector(text) is sector


def test_sectors_are_the_documented_ones() -> None:
    assert [sector.value for sector in Sector] == [
        "civil-society",
        "municipality",
        "region",
        "state",
        "academia",
        "business",
        "other",
    ]


@pytest.mark.parametrize("text", ["", "civil", "society", "kommunen", "civilsociety", "regions"])
def test_parse_sector_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_sector(text)
    assert "civil-society" in caught.value.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("member", Status.MEMBER),
        ("Member", Status.MEMBER),
        ("MEMBER", Status.MEMBER),
        (" prospect ", Status.PROSPECT),
        ("Partner", Status.PARTNER),
        ("FORMER", Status.FORMER),
    ],
)
def test_parse_status(text: str, status: Status) -> None:
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["", "all", "members", "medlemmar", "ex-member"])
def test_parse_status_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_status(text)
    assert "member, prospect, partner, former" in caught.value.message


@given(st.sampled_from(list(Sector)), st.lists(st.booleans(), min_size=20, max_size=20))
def test_parse_sector_any_case(sector: Sector, flips: list[bool]) -> None:
    typed = "".join(
        char.upper() if flip else char for char, flip in zip(sector.value, flips, strict=False)
    )
    assert parse_sector(typed) is sector


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nora IF", "Nora IF"),
        ("  Nora   IF  ", "Nora IF"),
        ("Å", "Å"),
        ("N" * NAME_MAX, "N" * NAME_MAX),
    ],
)
def test_check_line(text: str, expected: str) -> None:
    assert check_line(text) == expected


def test_check_line_uses_what_and_limit() -> None:
    with pytest.raises(InvalidInput) as caught:
        check_line("abcdef", what="short name", limit=5)
    assert "short name" in caught.value.message
    assert "6 characters" in caught.value.message
    with pytest.raises(InvalidInput) as caught:
        check_line("", what="role")
    assert "role" in caught.value.message


def test_check_note_keeps_line_breaks_and_trims() -> None:
    assert check_note("  rad ett\nrad två  ") == "rad ett\nrad två"
    assert check_note("kolumn\tkolumn\r\nrad") == "kolumn\tkolumn\r\nrad"


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x7f"])
def test_check_note_refuses_what_is_not_text(bad: str) -> None:
    # A NUL from a CSV cell: SQLite kept it, PostgreSQL refused it with a database error.
    with pytest.raises(InvalidInput) as caught:
        check_note(f"anteckning {bad} här")
    assert "not text" in caught.value.message


def member(
    status: Status = Status.MEMBER,
    joined_on: date | None = date(2026, 3, 10),
    left_on: date | None = None,
) -> OrgFields:
    return OrgFields(
        name="Nora IF",
        sector=Sector.CIVIL_SOCIETY,
        status=status,
        joined_on=joined_on,
        left_on=left_on,
    )


@pytest.mark.parametrize(
    "before",
    [
        member(status=Status.PROSPECT, joined_on=None),
        member(status=Status.PARTNER, joined_on=None),
        member(status=Status.FORMER, joined_on=date(2020, 1, 1), left_on=date(2024, 12, 31)),
        member(status=Status.FORMER, joined_on=None, left_on=date(2024, 12, 31)),
    ],
)
def test_join(before: OrgFields) -> None:
    after = join(before, date(2026, 5, 1))
    assert after.status is Status.MEMBER
    assert after.joined_on == date(2026, 5, 1)
    assert after.left_on is None
    assert after.name == before.name
    assert after.sector == before.sector


@pytest.mark.parametrize(
    ("before", "mentions"),
    [
        (member(), "already a member since 2026-03-10"),
        (member(joined_on=None), "already a member"),
    ],
)
def test_join_refuses_a_member(before: OrgFields, mentions: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        join(before, date(2026, 5, 1))
    assert mentions in caught.value.message
    assert "Nora IF" in caught.value.message


@pytest.mark.parametrize(
    ("before", "on"),
    [
        (member(), date(2026, 12, 31)),
        (member(), date(2026, 3, 10)),
        (member(joined_on=None), date(2026, 12, 31)),
        (member(status=Status.PROSPECT, joined_on=None), date(2026, 12, 31)),
        (member(status=Status.PARTNER, joined_on=None), date(2026, 12, 31)),
    ],
)
def test_leave(before: OrgFields, on: date) -> None:
    after = leave(before, on)
    assert after.status is Status.FORMER
    assert after.left_on == on
    assert after.joined_on == before.joined_on
    assert after.name == before.name


def test_leave_refuses_a_former_member() -> None:
    former = member(status=Status.FORMER, left_on=date(2026, 6, 30))
    with pytest.raises(InvalidInput) as caught:
        leave(former, date(2026, 12, 31))
    assert "already left on 2026-06-30" in caught.value.message


def test_leave_refuses_a_date_before_joining() -> None:
    with pytest.raises(InvalidInput) as caught:
        leave(member(), date(2026, 3, 9))
    assert "before it joined" in caught.value.message


def test_leave_then_join_again() -> None:
    left = leave(member(), date(2026, 12, 31))
    again = join(left, date(2027, 6, 1))
    assert again.status is Status.MEMBER
    assert again.joined_on == date(2027, 6, 1)
    assert again.left_on is None


def test_join_and_leave_do_not_change_the_input() -> None:
    before = member(status=Status.PROSPECT, joined_on=None)
    join(before, date(2026, 5, 1))
    leave(before, date(2026, 5, 1))
    assert before.status is Status.PROSPECT
    assert before.joined_on is None


@pytest.mark.parametrize(
    ("field", "typed", "what", "described", "position"),
    [
        ("name", "Stiftelsen \u202eavitcA", "name", "U+202E RIGHT-TO-LEFT OVERRIDE", 12),
        ("name", "Nora\u200b IF", "name", "U+200B ZERO WIDTH SPACE", 5),
        ("name", "\ufeffNora IF", "name", "U+FEFF ZERO WIDTH NO-BREAK SPACE", 1),
        ("short", "Ac\u00adtiva", "short name", "U+00AD SOFT HYPHEN", 3),
        ("short", "OFR\u2066", "short name", "U+2066 LEFT-TO-RIGHT ISOLATE", 4),
    ],
)
def test_names_refuse_invisible_characters(
    field: str, typed: str, what: str, described: str, position: int
) -> None:
    # Two entries that look alike but differ by an invisible character would both be
    # stored, and a person could not tell which one a command means.
    with pytest.raises(InvalidInput) as caught:
        check_org(replace(NORA_IF, **{field: typed}))
    message = caught.value.message
    assert described in message
    assert f"position {position}" in message
    assert f"retype the {what}" in message
    assert "\n" not in message
    assert typed not in message  # the character itself is never in the message


def test_check_entry_name_cleans_like_check_line() -> None:
    assert check_entry_name("  Nora   IF ") == check_line("  Nora   IF ") == "Nora IF"
    assert check_entry_name("Café 😀 – “citat”") == "Café 😀 – “citat”"
