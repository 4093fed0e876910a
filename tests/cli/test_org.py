"""`psi org add/list/show/edit/join/leave/remove` through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
from tests.helpers import assert_fails, ok, org_list, org_names, org_show

BOX_DRAWING = "│┃─━╭╮╰╯┏┓┗┛┡┩"
ORG_KEYS = {
    "id",
    "name",
    "short",
    "sector",
    "status",
    "orgnr",
    "municipality",
    "municipality_code",
    "joined",
    "left",
    "website",
    "note",
    "orgnr_group",
}
OREBRO_ORGS = {
    "Region Örebro län",
    "Örebro Föreningsråd",
    "Föreningen Exempelgården (exempel)",
    "Exempelhögskolan (exempel)",
    "Exempelföreningen Fritid för alla (exempel)",
    "Exempelkommunens arbetsmarknadsenhet (exempel)",
}
KUMLA_ORGS = [
    "Exempelkooperativet Arbete (exempel)",
    "Exempelstiftelsen Bron (exempel)",
    "Pensionärsföreningen Exempel (exempel)",
]
FORMER = "Exempelföreningen Avslutad (exempel)"
LAXA_MEMBERS = [
    "Exempelföreningen Integration (exempel)",
    "Exempelföreningen Seniorkraft (exempel)",
]
# psi/data/example.json: 43 organisations, of them 39 members, 2 prospects, 1 partner and
# 1 former member (Avslutad, left 2024-12-31); 42 have not left.
ALL_IN_EXAMPLE = 43
ACTIVE_IN_EXAMPLE = 42
MEMBERS_IN_EXAMPLE = 39


# --- org add ---------------------------------------------------------------------------------


def test_add_with_every_option_stores_normalised_values(run: Run, empty_db: Path) -> None:
    out = ok(
        run,
        "org",
        "add",
        "Nora Idrottsförening",
        "--sector",
        "civil-society",
        "--short",
        "NIF",
        "--orgnr",
        "2321000164",
        "--municipality",
        "orebro",
        "--joined",
        "2026-03-10",
        "--website",
        "www.example.se",
        "--status",
        "member",
        "--note",
        "Ny kontaktperson från 2027",
    )
    assert "Added Nora Idrottsförening (civil-society, member)." in out
    org = org_show(run, "NIF")
    assert org["name"] == "Nora Idrottsförening"
    assert org["short"] == "NIF"
    assert org["sector"] == "civil-society"
    assert org["status"] == "member"
    assert org["orgnr"] == "232100-0164"
    assert org["orgnr_group"] == "state, region or municipality"
    assert org["municipality"] == "Örebro"
    assert org["municipality_code"] == "1880"
    assert org["joined"] == "2026-03-10"
    assert org["left"] is None
    assert org["website"] == "https://www.example.se"
    assert org["note"] == "Ny kontaktperson från 2027"
    assert org["contacts"] == []
    assert org["erased_contacts"] == 0


def test_add_outside_the_lan_and_short_options(run: Run, empty_db: Path) -> None:
    ok(run, "org", "add", "Stockholms Stadsmission", "-s", "CIVIL-SOCIETY", "-m", "other:Stockholm")
    ok(run, "org", "add", "Kumla Kulturförening", "-s", "civil-society", "-m", "1881")
    ok(run, "org", "add", "Exempelpartnern", "-s", "business", "--status", "partner")
    stockholm = org_show(run, "Stockholms Stadsmission")
    assert stockholm["municipality"] == "Stockholm"
    assert stockholm["municipality_code"] is None
    assert stockholm["sector"] == "civil-society"
    assert stockholm["status"] == "member"
    kumla = org_show(run, "kumla kultur")
    assert (kumla["municipality"], kumla["municipality_code"]) == ("Kumla", "1881")
    assert org_show(run, "exempelpartnern")["status"] == "partner"
    table = ok(run, "org", "list")
    assert "Stockholm (outside the län)" in table


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(
            ["STIFTELSEN ACTIVA", "-s", "civil-society"], ExitCode.CONFLICT, id="name-case"
        ),
        pytest.param(["msi", "-s", "other"], ExitCode.CONFLICT, id="name-equals-short"),
        pytest.param(
            ["Ny förening", "-s", "other", "--short", "Möckelnföreningarna"],
            ExitCode.CONFLICT,
            id="short-equals-name",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--short", "ACTIVA"],
            ExitCode.CONFLICT,
            id="short-equals-short",
        ),
        pytest.param(
            ["Ny förening", "-s", "region", "--orgnr", "232100-0164"],
            ExitCode.CONFLICT,
            id="orgnr-duplicate",
        ),
        pytest.param(
            ["Ny förening", "-s", "region", "--orgnr", "2321000164"],
            ExitCode.CONFLICT,
            id="orgnr-duplicate-unhyphenated",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--orgnr", "232100-0165"],
            ExitCode.INVALID,
            id="orgnr-check-digit",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--orgnr", "121212-1212"],
            ExitCode.INVALID,
            id="orgnr-personnummer",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--orgnr", "12345"], ExitCode.INVALID, id="orgnr-shape"
        ),
        pytest.param(["Ny förening", "-s", "church"], ExitCode.INVALID, id="sector"),
        pytest.param(
            ["Ny förening", "-s", "other", "-m", "Uppsala"], ExitCode.INVALID, id="kommun"
        ),
        pytest.param(["Ny förening", "-s", "other", "-m", "other:"], ExitCode.INVALID, id="other-"),
        pytest.param(
            ["Ny förening", "-s", "other", "--joined", "2026-13-01"], ExitCode.INVALID, id="month"
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--joined", "10/3/2026"], ExitCode.INVALID, id="date"
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--joined", "2026-3-1"],
            ExitCode.INVALID,
            id="short-date",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--status", "prospect", "--joined", "2026-03-10"],
            ExitCode.INVALID,
            id="prospect-joined",
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--status", "former"], ExitCode.INVALID, id="former"
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--status", "sleeping"], ExitCode.INVALID, id="status"
        ),
        pytest.param(
            ["Ny förening", "-s", "other", "--website", "not a website"],
            ExitCode.INVALID,
            id="website",
        ),
        pytest.param(["   ", "-s", "other"], ExitCode.INVALID, id="empty-name"),
        pytest.param(["x" * 201, "-s", "other"], ExitCode.INVALID, id="long-name"),
        pytest.param(["Rad\nbrytning", "-s", "other"], ExitCode.INVALID, id="control-char"),
    ],
)
def test_add_refused(run: Run, example_db: Path, args: list[str], code: ExitCode) -> None:
    assert_fails(run, example_db, code, "org", "add", *args)


def test_add_without_sector_is_a_usage_error(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.USAGE, "org", "add", "Ny förening")
    assert "--sector" in message


def test_add_duplicate_name_message_names_the_existing_org(run: Run, example_db: Path) -> None:
    message = assert_fails(
        run, example_db, ExitCode.CONFLICT, "org", "add", "örebro föreningsråd", "-s", "other"
    )
    assert "Örebro Föreningsråd" in message


# --- org list --------------------------------------------------------------------------------


def test_list_hides_former_members_by_default(run: Run, example_db: Path) -> None:
    default = org_names(run)
    assert FORMER not in default
    assert len(default) == ACTIVE_IN_EXAMPLE
    assert org_names(run, "--status", "active") == default
    everything = org_names(run, "--status", "all")
    assert FORMER in everything
    assert len(everything) == ALL_IN_EXAMPLE
    assert FORMER not in ok(run, "org", "list")
    assert FORMER in ok(run, "org", "list", "--status", "all")


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("former", {FORMER}),
        ("partner", {"Mötesplats social innovation"}),
        (
            "prospect",
            {"Exempelföreningen Nystart (exempel)", "Exempelnätverket Grannar (exempel)"},
        ),
        ("PROSPECT", {"Exempelföreningen Nystart (exempel)", "Exempelnätverket Grannar (exempel)"}),
    ],
)
def test_list_by_status(run: Run, example_db: Path, status: str, expected: set[str]) -> None:
    assert set(org_names(run, "--status", status)) == expected


def test_list_members(run: Run, example_db: Path) -> None:
    members = org_list(run, "--status", "member")
    assert len(members) == MEMBERS_IN_EXAMPLE
    assert {org["status"] for org in members} == {"member"}


def test_list_by_sector(run: Run, example_db: Path) -> None:
    assert org_names(run, "--sector", "academia") == [
        "Exempelgymnasiet (exempel)",
        "Exempelhögskolan (exempel)",
    ]
    assert org_names(run, "-s", "state") == [
        "Exempelmyndigheten (exempel)",
        "Exempelmyndigheten Arbete (exempel)",
    ]
    assert org_names(run, "--sector", "civil-society", "--status", "former") == [FORMER]
    assert org_names(run, "--sector", "business") == ["Exempelbolaget Socialt företag (exempel)"]
    # Every sector has an organisation in the example; none of business has left.
    assert org_names(run, "--sector", "business", "--status", "former") == []
    assert "No organisations match" in ok(
        run, "org", "list", "--sector", "business", "--status", "former"
    )


@pytest.mark.parametrize("spelling", ["kumla", "Kumla", "KUMLA", "1881", "Kumla kommun"])
def test_list_by_municipality_ascii(run: Run, example_db: Path, spelling: str) -> None:
    assert org_names(run, "--municipality", spelling) == KUMLA_ORGS


@pytest.mark.parametrize(
    "spelling", ["orebro", "Örebro", "ÖREBRO", "örebro", "1880", "Örebro kommun"]
)
def test_list_by_municipality_with_swedish_letters(
    run: Run, example_db: Path, spelling: str
) -> None:
    assert set(org_names(run, "--municipality", spelling)) == OREBRO_ORGS


def test_list_by_municipality_outside_lan_and_former(run: Run, example_db: Path) -> None:
    assert org_names(run, "-m", "other:Stockholm") == ["Exempelmyndigheten (exempel)"]
    assert org_names(run, "-m", "laxa") == LAXA_MEMBERS
    assert org_names(run, "-m", "laxa", "--status", "former") == [FORMER]
    assert org_names(run, "-m", "laxa", "--status", "all") == [FORMER, *LAXA_MEMBERS]


def test_list_json_has_the_documented_keys(run: Run, example_db: Path) -> None:
    orgs = org_list(run)
    assert isinstance(orgs, list)
    assert len(orgs) == ACTIVE_IN_EXAMPLE
    for org in orgs:
        assert set(org) >= ORG_KEYS
    region = next(org for org in orgs if org["name"] == "Region Örebro län")
    assert region["orgnr"] == "232100-0164"
    assert region["municipality_code"] == "1880"


def test_list_json_empty_register(run: Run, empty_db: Path) -> None:
    assert org_list(run) == []


def test_list_sorts_swedish_letters_after_z(run: Run, empty_db: Path) -> None:
    for name in ["Öna", "Zeta", "Ärla", "Åby", "alfa", "Bäck", "Ödla"]:
        ok(run, "org", "add", name, "--sector", "other")
    expected = ["alfa", "Bäck", "Zeta", "Åby", "Ärla", "Ödla", "Öna"]
    assert org_names(run) == expected
    lines = ok(run, "org", "list").splitlines()
    table_names = [line.split()[0] for line in lines[1:-1]]
    assert table_names == expected


def test_list_is_plain_text_when_piped(run: Run, example_db: Path) -> None:
    out = ok(run, "org", "list")
    assert not set(out) & set(BOX_DRAWING)
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Short", "Sector", "Municipality", "Status", "Joined"]
    assert lines[-1] == f"{ACTIVE_IN_EXAMPLE} organisations."
    assert "\x1b[" not in out


def test_list_unknown_status_filter(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "org", "list", "--status", "gone")
    assert "gone" in message


def test_list_unknown_sector_and_municipality(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "org", "list", "--sector", "church")
    assert_fails(run, example_db, ExitCode.INVALID, "org", "list", "--municipality", "Uppsala")


# --- org show --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Örebro Föreningsråd", "Örebro Föreningsråd"),
        ("örebro föreningsråd", "Örebro Föreningsråd"),
        ("orebro foreningsrad", "Örebro Föreningsråd"),
        ("orebro fo", "Örebro Föreningsråd"),
        ("MSI", "Mötesplats social innovation"),
        ("msi", "Mötesplats social innovation"),
        ("motesplats", "Mötesplats social innovation"),
        ("activa", "Stiftelsen Activa"),
        ("stiftelsen act", "Stiftelsen Activa"),
        ("exempelgarden", "Föreningen Exempelgården (exempel)"),
        ("  Region   Örebro län ", "Region Örebro län"),
        ("moc", "Möckelnföreningarna"),
    ],
)
def test_show_finds_by_name_short_prefix_and_without_accents(
    run: Run, example_db: Path, query: str, expected: str
) -> None:
    assert org_show(run, query)["name"] == expected


def test_show_text(run: Run, example_db: Path) -> None:
    out = ok(run, "org", "show", "region")
    assert "Region Örebro län" in out
    assert "232100-0164 (state, region or municipality)" in out
    assert "No contact persons." in out
    out = ok(run, "org", "show", "exempelgården")
    assert "Anna Exempelsson" in out
    assert not set(out) & set(BOX_DRAWING)


def test_show_former_member(run: Run, example_db: Path) -> None:
    org = org_show(run, "avslutad")
    assert org["name"] == FORMER
    assert org["status"] == "former"
    assert org["left"] == "2024-12-31"


def test_show_ambiguous_prefix(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "show", "exempel")
    assert "several" in message
    assert "Exempelhögskolan (exempel)" in message
    assert "Exempelstiftelsen Bron (exempel) (Bron)" in message


def test_show_ambiguous_prefix_lists_every_match_when_few(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "show", "exempelf")
    assert "Exempelföreningen Nystart (exempel)" in message
    assert FORMER in message


def test_show_unknown_suggests_near_miss(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "show", "Stiftelsen Aktiva")
    assert "Did you mean" in message
    assert "Stiftelsen Activa" in message


def test_show_unknown_without_near_miss(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "show", "qqqqqqqq")
    assert "qqqqqqqq" in message


def test_show_json_includes_contacts(run: Run, example_db: Path) -> None:
    org = org_show(run, "Exempelgården")
    assert ORG_KEYS | {"contacts", "erased_contacts"} <= set(org)
    assert org["erased_contacts"] == 0
    assert len(org["contacts"]) == 1
    contact = org["contacts"][0]
    assert contact["name"] == "Anna Exempelsson"
    assert contact["email"] == "anna.exempelsson@example.org"
    assert contact["phone"] == "019-00 00 01"
    assert contact["role"] == "verksamhetsledare"
    assert contact["organisation"] == "Föreningen Exempelgården (exempel)"


def test_show_missing_database(run: Run, db_path: Path) -> None:
    result = run("org", "show", "activa")
    assert result.exit_code == ExitCode.DATABASE
    assert result.stderr.startswith("Error:")
    assert len(result.stderr.splitlines()) == 1
    assert not db_path.exists()


# --- org edit --------------------------------------------------------------------------------


def test_edit_changes_fields(run: Run, example_db: Path) -> None:
    out = ok(
        run,
        "org",
        "edit",
        "activa",
        "--website",
        "activa.example.se",
        "--note",
        "Ny anteckning",
        "--municipality",
        "ÖREBRO",
        "--orgnr",
        "802412-3450",
    )
    assert out.startswith("Changed ")
    assert "website" in out
    assert "note" in out
    org = org_show(run, "activa")
    assert org["website"] == "https://activa.example.se"
    assert org["note"] == "Ny anteckning"
    assert (org["municipality"], org["municipality_code"]) == ("Örebro", "1880")
    assert org["orgnr"] == "802412-3450"
    assert org["orgnr_group"] == "non-profit association or foundation"
    assert org["short"] == "Activa"
    assert org["sector"] == "civil-society"


def test_edit_empty_value_clears_optional_fields(run: Run, example_db: Path) -> None:
    ok(run, "org", "edit", "Exempelgården", "--website", "", "--note", "", "--municipality", "")
    ok(run, "org", "edit", "Exempelgården", "--short", "")
    org = org_show(run, "Föreningen Exempelgården")
    assert org["short"] is None
    assert org["website"] is None
    assert org["note"] is None
    assert org["municipality"] is None
    assert org["municipality_code"] is None
    assert org["joined"] == "2016-02-01"
    assert org["contacts"][0]["name"] == "Anna Exempelsson"


def test_edit_rename_then_find_by_new_name(run: Run, example_db: Path) -> None:
    out = ok(run, "org", "edit", "MSI", "--name", "Nationella mötesplatsen")
    assert "Nationella mötesplatsen" in out
    assert org_show(run, "nationella motesplatsen")["short"] == "MSI"
    assert org_show(run, "MSI")["name"] == "Nationella mötesplatsen"
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "show", "Mötesplats social innovation")


def test_edit_rename_in_another_case_of_its_own_name(run: Run, example_db: Path) -> None:
    ok(run, "org", "edit", "activa", "--name", "STIFTELSEN ACTIVA")
    assert org_show(run, "activa")["name"] == "STIFTELSEN ACTIVA"


def test_edit_nothing_to_change(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "org", "edit", "activa")
    assert "Nothing to change" in message


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--name", "örebro föreningsråd"], id="name"),
        pytest.param(["--name", "MSI"], id="name-is-short"),
        pytest.param(["--short", "msi"], id="short"),
        pytest.param(["--short", "Region Örebro län"], id="short-is-name"),
        pytest.param(["--orgnr", "232100-0164"], id="orgnr"),
    ],
)
def test_edit_conflicts(run: Run, example_db: Path, args: list[str]) -> None:
    assert_fails(run, example_db, ExitCode.CONFLICT, "org", "edit", "activa", *args)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--status", "former"], id="former"),
        pytest.param(["--sector", "church"], id="sector"),
        pytest.param(["--orgnr", "232100-0165"], id="orgnr"),
        pytest.param(["--municipality", "Uppsala"], id="kommun"),
        pytest.param(["--joined", "igår"], id="date"),
        pytest.param(["--name", ""], id="empty-name"),
    ],
)
def test_edit_invalid(run: Run, example_db: Path, args: list[str]) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "org", "edit", "Exempelgården", *args)


def test_edit_member_with_joined_date_to_prospect_is_invalid(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.INVALID, "org", "edit", "Exempelgården", "--status", "prospect"
    )


def test_edit_unknown_org(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "edit", "qqqqqq", "--note", "x")


def test_edit_equal_values_reports_nothing_changed(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    out = ok(run, "org", "edit", "activa", "--short", "Activa", "--sector", "civil-society")
    assert out.startswith("Nothing changed")
    assert "Stiftelsen Activa" in out
    out = ok(run, "org", "edit", "region", "--municipality", "orebro", "--orgnr", "2321000164")
    assert out.startswith("Nothing changed")
    out = ok(run, "org", "edit", "Exempelgården", "--website", "www.example.org/exempelgarden")
    assert out.startswith("Nothing changed")
    assert dump(example_db) == before


# --- org join / leave ------------------------------------------------------------------------


def test_join_prospect_becomes_member(run: Run, example_db: Path) -> None:
    out = ok(run, "org", "join", "Exempelföreningen Nystart", "--on", "2026-05-01")
    assert "is a member from 2026-05-01" in out
    org = org_show(run, "nystart")
    assert org["status"] == "member"
    assert org["joined"] == "2026-05-01"
    assert "Exempelföreningen Nystart (exempel)" in org_names(run, "--status", "member")
    assert "Exempelföreningen Nystart (exempel)" not in org_names(run, "--status", "prospect")


def test_join_former_member_again(run: Run, example_db: Path) -> None:
    ok(run, "org", "join", "avslutad", "--on", "2026-01-01")
    org = org_show(run, "avslutad")
    assert (org["status"], org["joined"], org["left"]) == ("member", "2026-01-01", None)


def test_leave_member_becomes_former(run: Run, example_db: Path) -> None:
    # A date already past: until its left date an organisation is still a member
    # (tests/cli/test_membership.py).
    out = ok(run, "org", "leave", "Bron", "--on", "2025-12-31")
    assert "left on 2025-12-31" in out
    org = org_show(run, "Bron")
    assert (org["status"], org["left"], org["joined"]) == ("former", "2025-12-31", "2018-09-15")
    assert "Exempelstiftelsen Bron (exempel)" not in org_names(run)
    assert "Exempelstiftelsen Bron (exempel)" in org_names(run, "--status", "all")
    assert "Exempelstiftelsen Bron (exempel)" in org_names(run, "--status", "former")
    assert "former" in ok(run, "org", "show", "bron")


def test_leave_before_joined(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "org", "leave", "Bron", "--on", "2018-01-01")


def test_join_existing_member(run: Run, example_db: Path) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "org", "join", "activa")
    assert "already a member" in message


def test_leave_twice(run: Run, example_db: Path) -> None:
    ok(run, "org", "leave", "Bron", "--on", "2026-12-31")
    message = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "leave", "Bron", "--on", "2027-01-31"
    )
    assert "already left" in message


@pytest.mark.parametrize("command", ["join", "leave"])
def test_join_leave_bad_date_and_unknown_org(run: Run, example_db: Path, command: str) -> None:
    assert_fails(run, example_db, ExitCode.INVALID, "org", command, "Nystart", "--on", "2026-02-30")
    assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "org", command, "qqqqqq", "--on", "2026-02-01"
    )


# --- org remove ------------------------------------------------------------------------------


def test_remove_with_yes(run: Run, empty_db: Path) -> None:
    ok(run, "org", "add", "Felregistrerad förening", "--sector", "other")
    ok(run, "org", "add", "Kvar", "--sector", "other")
    out = ok(run, "org", "remove", "felregistrerad", "--yes")
    assert "Deleted Felregistrerad förening." in out
    assert org_names(run, "--status", "all") == ["Kvar"]
    assert dump(empty_db)["organisation"][0][1] == "Kvar"
    assert_fails(run, empty_db, ExitCode.NOT_FOUND, "org", "show", "Felregistrerad förening")


def test_remove_confirmed_with_y(run: Run, example_db: Path) -> None:
    ok(run, "org", "add", "Felregistrerad förening", "--sector", "other")
    out = ok(run, "org", "remove", "Felregistrerad förening", input="y\n")
    assert "Deleted Felregistrerad förening." in out
    assert "Felregistrerad förening" not in org_names(run, "--status", "all")
    assert len(org_names(run, "--status", "all")) == ALL_IN_EXAMPLE


def test_remove_answered_no_aborts(run: Run, example_db: Path) -> None:
    ok(run, "org", "add", "Felregistrerad förening", "--sector", "other")
    assert_fails(run, example_db, ExitCode.ABORTED, "org", "remove", "Felregistrerad", input="n\n")
    assert org_show(run, "Felregistrerad förening")["name"] == "Felregistrerad förening"


def test_remove_org_with_contact_is_refused(run: Run, example_db: Path) -> None:
    message = assert_fails(
        run, example_db, ExitCode.CONFLICT, "org", "remove", "Exempelgården", "--yes"
    )
    assert "Föreningen Exempelgården (exempel)" in message
    assert len(org_show(run, "Exempelgården")["contacts"]) == 1


def test_remove_org_with_history_is_refused(run: Run, example_db: Path) -> None:
    """Region Örebro län coordinated 2015-2022 in the example: that history refers to it."""
    assert org_show(run, "region")["contacts"] == []
    assert_fails(run, example_db, ExitCode.CONFLICT, "org", "remove", "Region Örebro län", "--yes")
    assert org_show(run, "region")["name"] == "Region Örebro län"


def test_remove_unknown_org(run: Run, example_db: Path) -> None:
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "org", "remove", "qqqqqq", "--yes")
