"""`psi coordinators` and `psi rotate YEAR` through the command line: the coordinator rotation."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, assert_fails, candidate_names, ok, proposal

REGION = "Region Örebro län"
ACTIVA = "Stiftelsen Activa"
MOCKELN = "Möckelnföreningarna"
OFR = "Örebro Föreningsråd"
MSI = "Mötesplats social innovation"
EXG = "Föreningen Exempelgården (exempel)"
BRON = "Exempelstiftelsen Bron (exempel)"
IDROTT = "Idrottsföreningen Exempel (exempel)"
LAGRET = "Exempelkooperativet Lagret (exempel)"
HOGSKOLAN = "Exempelhögskolan (exempel)"
NYSTART = "Exempelföreningen Nystart (exempel)"
AVSLUTAD = "Exempelföreningen Avslutad (exempel)"

GRANNAR = "Exempelnätverket Grannar (exempel)"
NYANLANDA = "Exempelföreningen Nyanlända (exempel)"
STUDIEFORBUNDET = "Studieförbundet Exempel (exempel)"

# The 2026 newcomer candidates of the example: its civil-society members at the end of 2026
# that never coordinated, less Bron, which declined. Ranked by meetings attended in 2024-2025
# (Exempelgården 5, Idrottsföreningen 1, the rest none), then by the longest membership.
EXAMPLE_CANDIDATES_2026 = [
    EXG,  # 3 stormöten and 2 AU meetings in 2025
    IDROTT,  # the stormöte of May 2025
    STUDIEFORBUNDET,  # joined 2015-01-10
    "Exempelföreningen Seniorkraft (exempel)",  # 2015-07-13
    "Hembygdsföreningen Exempel (exempel)",  # 2015-10-19
    "Exempelföreningen Läxhjälp (exempel)",  # 2016-03-20
    "Exempelföreningen Gemenskap (exempel)",  # 2016-06-11
    "Exempelföreningen Föräldranätverket (exempel)",  # 2016-12-14
    "Exempelföreningen Fritid för alla (exempel)",  # 2017-08-21
    "Exempelkyrkans diakoni (exempel)",  # 2017-11-12
    "Exempelföreningen Matbanken (exempel)",  # 2018-01-22
    "Föreningen Exempelbygdens framtid (exempel)",  # 2018-04-13
    "Funktionsrättsföreningen Exempel (exempel)",  # 2019-06-23
    "Exempelföreningen Unga röster (exempel)",  # 2019-09-14
    "Pensionärsföreningen Exempel (exempel)",  # 2020-02-15
    "Exempelföreningen Grön omställning (exempel)",  # 2020-11-24
    "Exempelföreningen Nattvandrarna (exempel)",  # 2021-04-10
    "Exempelföreningen Integration (exempel)",  # 2021-07-16
    "Exempelföreningen Mötesplatsen (exempel)",  # 2022-09-11
    "Kvinnojouren Exempel (exempel)",  # 2022-12-17
    "Exempelkooperativet Arbete (exempel)",  # 2023-02-12
    LAGRET,  # 2023-05-04
    "Exempelföreningen Kulturhuset (exempel)",  # 2023-05-18
    NYANLANDA,  # joined 2025-03-15: a member at the end of 2026 all the same
]
EXAMPLE_RANKS_2026 = list(range(1, len(EXAMPLE_CANDIDATES_2026) + 1))
TERM_KEYS = {
    "year",
    "organisation",
    "role",
    "consecutive_years",
    "decided_on",
    "decision_ref",
    "override_reason",
    "extension",
}
PROPOSAL_KEYS = {
    "year",
    "previous",
    "stays",
    "tied",
    "leaves",
    "handover",
    "candidates",
    "declined",
    "current",
    "missing",
    "pending_inquiries",
    "extension",
    "outside_rotation",
}
CANDIDATE_KEYS = {
    "rank",
    "organisation",
    "municipality",
    "joined_on",
    "meetings_attended",
    "inquiry",
}

# The organisations of the hand-over scenario on an empty database.
HANDOVER_REGION = "Regionen Exempel"
CIVIL = [f"Förening {name}" for name in ("Alfa", "Beta", "Gamma", "Delta", "Epsilon", "Zeta")]
ALFA, BETA, GAMMA, DELTA, EPSILON, ZETA = CIVIL


# --- helpers ---------------------------------------------------------------------------------


def terms(run: Run) -> list[dict[str, Any]]:
    """`psi coordinators --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "coordinators")
    return data


def terms_in(run: Run, year: int) -> dict[str, dict[str, Any]]:
    """The coordinators of one year, by organisation name."""
    return {term["organisation"]: term for term in terms(run) if term["year"] == year}


def candidate(run: Run, year: int, name: str) -> dict[str, Any]:
    """One newcomer candidate of a year's proposal."""
    found: list[dict[str, Any]] = [
        c for c in proposal(run, year)["candidates"] if c["organisation"] == name
    ]
    assert len(found) == 1, found
    return found[0]


def columns(line: str) -> list[str]:
    """The cells of a plain-text table line (columns are two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


def table_rows(text: str) -> list[list[str]]:
    """Every line of plain output, split into cells."""
    return [columns(line) for line in text.splitlines() if line.strip()]


def add_civil(run: Run, name: str, joined: str = "2015-01-01") -> None:
    """Add a civil-society member."""
    ok(run, "org", "add", name, "--sector", "civil-society", "--joined", joined)


@pytest.fixture
def handover_db(run: Run, empty_db: Path) -> Path:
    """An empty register with a region and six civil-society members; 2022 the region's year."""
    ok(run, "org", "add", HANDOVER_REGION, "--sector", "region")
    for name in CIVIL:
        add_civil(run, name)
    result = run(
        "rotate", "2022", "--appoint", HANDOVER_REGION, "--force", "--reason", "Before the rule"
    )
    assert result.exit_code == ExitCode.OK, result.output
    return empty_db


@pytest.fixture
def tie_db(run: Run, handover_db: Path) -> Path:
    """The hand-over scenario with 2023's two newcomers recorded: 2024 is a tie."""
    ok(run, "rotate", "2023", "--appoint", ALFA, "--appoint", BETA)
    return handover_db


# --- psi coordinators ------------------------------------------------------------------------


def test_coordinators_json_on_example_tells_roles_and_years_in_a_row(
    run: Run, example_db: Path
) -> None:
    data = terms(run)
    assert all(set(term) == TERM_KEYS for term in data)
    region = [term for term in data if term["year"] <= 2022]
    assert [term["year"] for term in region] == list(range(2015, 2023))
    assert {term["organisation"] for term in region} == {REGION}
    assert {term["role"] for term in region} == {"other"}
    assert [term["consecutive_years"] for term in region] == list(range(1, 9))
    assert all(term["override_reason"] is None for term in data)

    y2023 = terms_in(run, 2023)
    assert {name: t["role"] for name, t in y2023.items()} == {
        ACTIVA: "newcomer",
        MOCKELN: "newcomer",
    }
    y2025 = terms_in(run, 2025)
    assert y2025[ACTIVA]["role"] == "continuing"
    assert y2025[ACTIVA]["consecutive_years"] == 3
    assert y2025[OFR]["role"] == "newcomer"
    assert y2025[OFR]["consecutive_years"] == 1
    assert y2025[OFR]["decision_ref"] == "Föredragnings-PM kulturnämnden 2024-06-11"
    y2026 = terms_in(run, 2026)
    assert list(y2026) == [OFR]
    assert y2026[OFR]["role"] == "continuing"
    assert y2026[OFR]["consecutive_years"] == 2
    assert [term["year"] for term in data] == sorted(term["year"] for term in data)


def test_coordinators_table_on_example(run: Run, example_db: Path) -> None:
    rows = table_rows(ok(run, "coordinators"))
    assert rows[0][:4] == ["Year", "Organisation", "Role", "Years in a row"]
    assert "Rule overridden" not in rows[0]  # no term of the example overrides the rule
    body = [row[:4] for row in rows[1:]]
    assert ["2015", REGION, "other", "1"] in body
    assert ["2022", REGION, "other", "8"] in body
    assert ["2025", ACTIVA, "continuing", "3"] in body
    assert ["2025", OFR, "newcomer", "1"] in body
    assert ["2026", OFR, "continuing", "2"] in body
    assert len(body) == 15


def test_coordinators_on_an_empty_register(run: Run, empty_db: Path) -> None:
    assert terms(run) == []
    text = ok(run, "coordinators")
    assert "No coordinators are recorded yet" in text
    assert "psi rotate YEAR --appoint ORG" in text


# --- psi rotate YEAR (the proposal) ----------------------------------------------------------


def test_rotate_2026_explains_who_stays_who_leaves_and_the_candidates(
    run: Run, example_db: Path
) -> None:
    text = ok(run, "rotate", "2026")
    lines = text.splitlines()
    assert lines[0] == "Rotation for 2026, from the coordinators of 2025:"
    assert f"Stays: {OFR}, the one with the fewest consecutive years." in text
    assert f"Leaves: {ACTIVA}, which has served longest (3 consecutive years)." in text
    assert f"{OFR}, 1 consecutive year" in text
    assert f"Declined for 2026: {BRON}." in text
    assert f"Recorded for 2026: {OFR} (continuing)." in text
    assert "Still missing: newcomer." in text

    ranked = [row for row in table_rows(text) if row[0].isdigit()]
    assert [row[1] for row in ranked] == EXAMPLE_CANDIDATES_2026
    assert [row[0] for row in ranked] == [str(rank) for rank in EXAMPLE_RANKS_2026]
    assert ranked[0][-1] == "pending"
    assert [row[-1] for row in ranked[1:]] == ["not asked"] * (len(ranked) - 1)
    assert ranked[0][2:4] == ["Örebro", "2016-02-01"]
    assert ranked[2][2:4] == ["Askersund", "2015-01-10"]
    assert ranked[-1][2:4] == ["Hällefors", "2025-03-15"]
    table_text = "\n".join(" ".join(row) for row in ranked)
    for never in (BRON, ACTIVA, OFR, MOCKELN, REGION, NYSTART, GRANNAR, AVSLUTAD, HOGSKOLAN, MSI):
        assert never not in table_text


def test_rotate_2026_json(run: Run, example_db: Path) -> None:
    data = proposal(run, 2026)
    assert set(data) == PROPOSAL_KEYS
    assert data["year"] == 2026
    assert data["previous"] == [
        {"organisation": OFR, "consecutive_years": 1},
        {"organisation": ACTIVA, "consecutive_years": 3},
    ]
    assert data["stays"] == OFR
    assert data["tied"] == []
    assert data["leaves"] == [{"organisation": ACTIVA, "consecutive_years": 3}]
    assert data["handover"] is False
    assert all(set(c) == CANDIDATE_KEYS for c in data["candidates"])
    assert [c["organisation"] for c in data["candidates"]] == EXAMPLE_CANDIDATES_2026
    assert [c["rank"] for c in data["candidates"]] == EXAMPLE_RANKS_2026
    first = data["candidates"][0]
    assert first == {
        "rank": 1,
        "organisation": EXG,
        "municipality": "Örebro",
        "joined_on": "2016-02-01",
        "meetings_attended": 5,  # 3 stormöten and 2 AU meetings in 2025
        "inquiry": "pending",
    }
    attended = [c["meetings_attended"] for c in data["candidates"]]
    assert attended == [5, 1] + [0] * (len(attended) - 2)
    # Among those that attended alike, the longest membership first.
    joined = [c["joined_on"] for c in data["candidates"][2:]]
    assert joined == sorted(joined)
    assert data["candidates"][-1]["joined_on"] == "2025-03-15"
    assert [c["inquiry"] for c in data["candidates"][1:]] == [None] * (len(attended) - 1)
    assert data["declined"] == [BRON]
    assert data["current"] == [{"organisation": OFR, "role": "continuing"}]
    assert data["missing"] == ["newcomer"]
    assert data["pending_inquiries"] == [EXG]


def test_rotate_2023_on_example_is_the_hand_over_year(run: Run, example_db: Path) -> None:
    data = proposal(run, 2023)
    assert data["handover"] is True
    assert data["previous"] == []
    assert data["stays"] is None
    assert data["leaves"] == []
    assert {c["organisation"] for c in data["current"]} == {ACTIVA, MOCKELN}
    assert data["missing"] == []
    text = ok(run, "rotate", "2023")
    assert "hand-over year" in text
    assert "2023's pair is complete." in text


def test_rotate_2025_on_example_the_recorded_pair_says_who_stayed(
    run: Run, example_db: Path
) -> None:
    # 2024's pair has served equally long (2023 and 2024); 2025's recorded pair holds Activa,
    # so Activa stayed and Möckelnföreningarna left. (This test used to expect an open tie
    # and --keep advice for a year whose pair is recorded: the old, wrong behaviour.)
    data = proposal(run, 2025)
    assert data["previous"] == [
        {"organisation": MOCKELN, "consecutive_years": 2},
        {"organisation": ACTIVA, "consecutive_years": 2},
    ]
    assert data["stays"] == ACTIVA
    assert data["tied"] == []
    assert data["leaves"] == [{"organisation": MOCKELN, "consecutive_years": 2}]
    assert data["missing"] == []
    text = ok(run, "rotate", "2025")
    assert f"Stays: {ACTIVA}." in text
    assert "2025's recorded pair says who stayed" in text
    assert f"Leaves: {MOCKELN} (2 consecutive years)." in text
    assert f"Recorded for 2025: {ACTIVA} (continuing), {OFR} (newcomer)." in text
    assert "2025's pair is complete." in text
    assert "the AU must choose" not in text
    assert "--keep" not in text


def test_rotate_a_year_whose_previous_year_is_empty(run: Run, example_db: Path) -> None:
    data = proposal(run, 2028)
    assert data["previous"] == []
    assert data["handover"] is False
    assert data["current"] == []
    text = ok(run, "rotate", "2028")
    assert "2027 has no recorded coordinators" in text
    assert "Nothing is recorded for 2028 yet." in text


@pytest.mark.parametrize(
    "args",
    [
        ["rotate", "2026"],
        ["rotate", "2026", "--json"],
        ["rotate", "2025"],
        ["rotate", "2023", "--json"],
        ["rotate", "2024"],
        ["rotate", "2022"],
        ["rotate", "2030"],
        ["coordinators"],
        ["coordinators", "--json"],
    ],
)
def test_proposal_and_history_write_nothing(run: Run, example_db: Path, args: list[str]) -> None:
    before = dump(example_db)
    ok(run, *args)
    assert dump(example_db) == before


# --- psi rotate YEAR --appoint ---------------------------------------------------------------


def test_appoint_the_2026_newcomer_keeps_orebro_foreningsrad(run: Run, example_db: Path) -> None:
    text = ok(
        run,
        "rotate",
        "2026",
        "--appoint",
        "Exempelgården",
        "--decided",
        "2025-11-20",
        "--ref",
        "AU 2025-11-20 § 4",
    )
    assert f"Recorded 2026's coordinators: {OFR} (continuing), {EXG} (newcomer)." in text
    y2026 = terms_in(run, 2026)
    assert set(y2026) == {OFR, EXG}
    assert y2026[OFR]["role"] == "continuing"
    assert y2026[OFR]["consecutive_years"] == 2
    assert y2026[EXG]["role"] == "newcomer"
    assert y2026[EXG]["consecutive_years"] == 1
    assert y2026[EXG]["decided_on"] == "2025-11-20"
    assert y2026[EXG]["decision_ref"] == "AU 2025-11-20 § 4"
    assert y2026[EXG]["override_reason"] is None
    assert ACTIVA not in y2026

    data = proposal(run, 2026)
    assert data["missing"] == []
    assert {c["organisation"] for c in data["current"]} == {OFR, EXG}
    assert EXG not in [c["organisation"] for c in data["candidates"]]
    assert "2026's pair is complete." in ok(run, "rotate", "2026")

    after = proposal(run, 2027)
    assert after["stays"] == EXG
    assert after["leaves"] == [{"organisation": OFR, "consecutive_years": 2}]


def test_appoint_without_decided_records_today(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", EXG)
    assert terms_in(run, 2026)[EXG]["decided_on"] == date.today().isoformat()


def test_repeating_the_appointment_changes_nothing(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", EXG, "--ref", "AU § 4")
    before = dump(example_db)
    text = ok(run, "rotate", "2026", "--appoint", EXG, "--ref", "AU § 4")
    assert "Nothing changed." in text
    assert dump(example_db) == before
    text = ok(run, "rotate", "2026", "--appoint", "Exempelgården", "--keep", OFR)
    assert "Nothing changed." in text
    assert dump(example_db) == before


def test_repeating_a_documented_appointment_changes_nothing(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    text = ok(run, "rotate", "2025", "--appoint", OFR, "--keep", ACTIVA)
    assert "Nothing changed." in text
    assert dump(example_db) == before


def test_a_different_newcomer_needs_replace(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", EXG)
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2026", "--appoint", IDROTT)
    assert "--replace" in line
    assert "2026 already has coordinators" in line

    text = ok(run, "rotate", "2026", "--appoint", IDROTT, "--replace")
    assert f"{IDROTT} (newcomer)" in text
    y2026 = terms_in(run, 2026)
    assert set(y2026) == {OFR, IDROTT}
    assert y2026[OFR]["role"] == "continuing"
    assert y2026[IDROTT]["role"] == "newcomer"
    assert candidate_names(run, 2026) == [c for c in EXAMPLE_CANDIDATES_2026 if c != IDROTT]


def test_replace_does_not_bypass_the_rule(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", EXG)
    assert_fails(run, example_db, ExitCode.RULE, "rotate", "2026", "--appoint", BRON, "--replace")
    assert set(terms_in(run, 2026)) == {OFR, EXG}


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        pytest.param(["--appoint", "activa"], [ACTIVA, "must leave"], id="must-leave"),
        pytest.param(
            ["--appoint", REGION],
            ["coordinated before", "not a civil-society organisation"],
            id="region-coordinated-before-and-not-civil-society",
        ),
        pytest.param(["--appoint", MOCKELN], ["coordinated before"], id="coordinated-before"),
        pytest.param(["--appoint", OFR], ["coordinated before"], id="the-continuing-one"),
        pytest.param(
            ["--appoint", HOGSKOLAN], ["not a civil-society organisation"], id="not-civil-society"
        ),
        pytest.param(["--appoint", MSI], ["not a civil-society", "not a member"], id="a-partner"),
        pytest.param(["--appoint", "Bron"], [BRON, "declined"], id="declined"),
        pytest.param(["--appoint", NYSTART], ["not a member in 2026", "prospect"], id="prospect"),
        pytest.param(["--appoint", AVSLUTAD], ["not a member in 2026"], id="former-member"),
        pytest.param(
            ["--appoint", EXG, "--keep", "activa"], [ACTIVA, "must leave"], id="keep-must-leave"
        ),
        pytest.param(
            ["--appoint", EXG, "--keep", MOCKELN],
            [MOCKELN, "did not coordinate in 2025"],
            id="keep-not-a-2025-coordinator",
        ),
        pytest.param(
            ["--appoint", EXG, "--keep", EXG],
            ["cannot be both kept on"],
            id="keep-the-newcomer",
        ),
        pytest.param(
            ["--appoint", EXG, "--appoint", IDROTT],
            ["only one newcomer joins in 2026"],
            id="two-newcomers-outside-hand-over",
        ),
    ],
)
def test_appointments_that_break_the_rule_are_refused(
    run: Run, example_db: Path, args: list[str], fragments: list[str]
) -> None:
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2026", *args)
    for fragment in fragments:
        assert fragment in line
    if "both kept on" not in line:  # the one refusal that --force cannot override
        assert "--force --reason" in line


def test_an_org_that_joined_after_the_year_is_refused(run: Run, example_db: Path) -> None:
    add_civil(run, "Senare Föreningen", joined="2027-02-01")
    assert "Senare Föreningen" not in candidate_names(run, 2026)
    line = assert_fails(
        run, example_db, ExitCode.RULE, "rotate", "2026", "--appoint", "Senare Föreningen"
    )
    assert "not a member in 2026" in line
    assert "Senare Föreningen" in candidate_names(run, 2027)


def test_an_org_that_left_during_the_year_is_refused(run: Run, example_db: Path) -> None:
    ok(run, "org", "leave", "Lagret", "--on", "2026-06-30")
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2026", "--appoint", "Lagret")
    assert "not a member in 2026" in line


def test_a_year_whose_previous_year_has_no_coordinators_is_refused(
    run: Run, example_db: Path
) -> None:
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2028", "--appoint", IDROTT)
    assert "2027 has no recorded coordinators" in line
    assert terms_in(run, 2028) == {}


def test_a_first_year_on_an_empty_register_is_refused(run: Run, empty_db: Path) -> None:
    add_civil(run, "Första Föreningen")
    line = assert_fails(run, empty_db, ExitCode.RULE, "rotate", "2026", "--appoint", "Första")
    assert "2025 has no recorded coordinators" in line


def test_keeping_someone_in_the_hand_over_year_is_refused(run: Run, handover_db: Path) -> None:
    line = assert_fails(
        run, handover_db, ExitCode.RULE, "rotate", "2023", "--appoint", ALFA, "--keep", BETA
    )
    assert "nobody can be kept on" in line


def test_a_refused_appointment_writes_its_inquiries_neither(run: Run, example_db: Path) -> None:
    assert_fails(
        run,
        example_db,
        ExitCode.RULE,
        "rotate",
        "2026",
        "--accepted",
        IDROTT,
        "--appoint",
        "activa",
    )
    assert candidate(run, 2026, IDROTT)["inquiry"] is None


def test_a_forced_impossible_pair_fails_cleanly(run: Run, example_db: Path) -> None:
    # ÖFR is already 2026's continuing coordinator, so it cannot also be recorded as the newcomer.
    before = dump(example_db)
    result = run("rotate", "2026", "--appoint", OFR, "--force", "--reason", "test")
    assert result.exit_code in (ExitCode.CONFLICT, ExitCode.RULE), result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error:")
    assert dump(example_db) == before


# --- --force --reason ------------------------------------------------------------------------


def test_force_without_reason_is_invalid_and_writes_nothing(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "rotate", "2026", "--appoint", "Bron", "--force"
    )
    assert "--reason" in line
    assert_fails(
        run,
        example_db,
        ExitCode.INVALID,
        "rotate",
        "2026",
        "--appoint",
        "Bron",
        "--force",
        "--reason",
        "   ",
    )


def test_force_with_reason_records_it_and_shows_it(run: Run, example_db: Path) -> None:
    reason = "Bron changed its mind at the AU meeting"
    result = run("rotate", "2026", "--appoint", "Bron", "--force", "--reason", reason)
    assert result.exit_code == ExitCode.OK, result.output
    assert f"Recorded 2026's coordinators: {OFR} (continuing), {BRON} (newcomer)." in result.stdout
    warnings = result.stderr.splitlines()
    assert warnings
    assert all(line.startswith("Warning: rule overridden:") for line in warnings)
    assert any("declined" in line for line in warnings)

    y2026 = terms_in(run, 2026)
    assert y2026[BRON]["role"] == "newcomer"
    assert y2026[BRON]["override_reason"] == reason
    assert y2026[OFR]["override_reason"] is None
    assert any(reason in row for row in table_rows(ok(run, "coordinators")) if BRON in row)


def test_force_overrides_the_one_that_must_leave(run: Run, example_db: Path) -> None:
    args = ["rotate", "2026", "--appoint", EXG, "--keep", ACTIVA, "--force", "--reason", "Paus"]
    line = assert_fails(run, example_db, ExitCode.RULE, *args)
    assert "--replace" in line
    result = run(*args, "--replace")
    assert result.exit_code == ExitCode.OK, result.output
    assert "must leave" in result.stderr
    y2026 = terms_in(run, 2026)
    assert set(y2026) == {ACTIVA, EXG}
    assert y2026[ACTIVA]["role"] == "continuing"
    assert y2026[ACTIVA]["consecutive_years"] == 4
    assert y2026[ACTIVA]["override_reason"] == "Paus"
    assert y2026[EXG]["override_reason"] == "Paus"


def test_force_cannot_skip_replace(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", EXG)
    line = assert_fails(
        run,
        example_db,
        ExitCode.RULE,
        "rotate",
        "2026",
        "--appoint",
        IDROTT,
        "--force",
        "--reason",
        "x",
    )
    assert "--replace" in line


# --- inquiries -------------------------------------------------------------------------------


def test_several_inquiries_at_once(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    text = ok(run, "rotate", "2026", "--asked", IDROTT, "--asked", "Lagret")
    assert f"Recorded the inquiry to {IDROTT} for 2026: pending." in text
    assert f"Recorded the inquiry to {LAGRET} for 2026: pending." in text
    after = dump(example_db)
    assert after["coordinator_term"] == before["coordinator_term"]
    assert after["organisation"] == before["organisation"]
    assert len(after["inquiry"]) == len(before["inquiry"]) + 2

    data = proposal(run, 2026)
    assert [c["organisation"] for c in data["candidates"]] == EXAMPLE_CANDIDATES_2026
    asked = {EXG, IDROTT, LAGRET}
    assert [c["inquiry"] for c in data["candidates"]] == [
        "pending" if c in asked else None for c in EXAMPLE_CANDIDATES_2026
    ]
    assert data["pending_inquiries"] == sorted([EXG, IDROTT, LAGRET])


def test_asked_declined_and_accepted_in_one_command(run: Run, example_db: Path) -> None:
    text = ok(
        run,
        "rotate",
        "2027",
        "--asked",
        IDROTT,
        "--declined",
        LAGRET,
        "--accepted",
        EXG,
        "--on",
        "2026-09-01",
        "--note",
        "AU meeting in September",
    )
    assert f"{IDROTT} for 2027: pending." in text
    assert f"{LAGRET} for 2027: no." in text
    assert f"{EXG} for 2027: yes." in text
    data = proposal(run, 2027)
    by_name = {c["organisation"]: c["inquiry"] for c in data["candidates"]}
    assert by_name[IDROTT] == "pending"
    assert by_name[EXG] == "yes"
    assert LAGRET not in by_name
    assert data["declined"] == [LAGRET]
    assert candidate(run, 2026, EXG)["inquiry"] == "pending"


def test_a_declined_org_drops_out_of_the_candidates(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--declined", "Exempelgården")
    data = proposal(run, 2026)
    assert [c["organisation"] for c in data["candidates"]] == EXAMPLE_CANDIDATES_2026[1:]
    assert data["candidates"][0]["organisation"] == IDROTT
    assert data["candidates"][0]["rank"] == 1
    assert data["declined"] == sorted([BRON, EXG])
    assert "Declined for 2026:" in ok(run, "rotate", "2026")
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2026", "--appoint", EXG)
    assert "declined" in line


def test_an_accepted_org_shows_yes(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--accepted", "Exempelgården")
    assert candidate(run, 2026, EXG)["inquiry"] == "yes"
    assert proposal(run, 2026)["pending_inquiries"] == []
    rows = [row for row in table_rows(ok(run, "rotate", "2026")) if EXG in row]
    assert rows
    assert rows[0][-1] == "yes"


def test_updating_an_answer_keeps_one_inquiry(run: Run, example_db: Path) -> None:
    count = len(dump(example_db)["inquiry"])
    ok(run, "rotate", "2026", "--accepted", "Bron")
    assert len(dump(example_db)["inquiry"]) == count
    assert candidate(run, 2026, BRON)["inquiry"] == "yes"
    assert proposal(run, 2026)["declined"] == []
    ok(run, "rotate", "2026", "--appoint", "Bron")
    assert terms_in(run, 2026)[BRON]["role"] == "newcomer"


def test_inquiry_about_an_unknown_org_writes_nothing(run: Run, example_db: Path) -> None:
    line = assert_fails(
        run,
        example_db,
        ExitCode.NOT_FOUND,
        "rotate",
        "2026",
        "--asked",
        IDROTT,
        "--declined",
        "Finns Inte Föreningen",
    )
    assert "Finns Inte Föreningen" in line
    assert candidate(run, 2026, IDROTT)["inquiry"] is None


def test_inquiry_with_a_bad_date_is_invalid(run: Run, example_db: Path) -> None:
    assert_fails(
        run, example_db, ExitCode.INVALID, "rotate", "2026", "--asked", IDROTT, "--on", "1/9/2025"
    )


# --- the hand-over year and ties on an empty register -----------------------------------------


def test_hand_over_year_takes_two_newcomers(run: Run, handover_db: Path) -> None:
    y2022 = terms_in(run, 2022)
    assert list(y2022) == [HANDOVER_REGION]
    assert y2022[HANDOVER_REGION]["override_reason"] == "Before the rule"

    data = proposal(run, 2023)
    assert data["handover"] is True
    assert data["missing"] == ["newcomer", "newcomer"]
    assert "hand-over year" in ok(run, "rotate", "2023")

    text = ok(run, "rotate", "2023", "--appoint", ALFA, "--appoint", BETA)
    assert f"{ALFA} (newcomer)" in text
    assert f"{BETA} (newcomer)" in text
    y2023 = terms_in(run, 2023)
    assert {name: t["role"] for name, t in y2023.items()} == {ALFA: "newcomer", BETA: "newcomer"}
    assert all(t["override_reason"] is None for t in y2023.values())
    assert proposal(run, 2023)["missing"] == []

    before = dump(handover_db)
    assert "Nothing changed." in ok(run, "rotate", "2023", "--appoint", BETA, "--appoint", ALFA)
    assert dump(handover_db) == before


def test_hand_over_year_before_the_region_year_is_recorded(run: Run, empty_db: Path) -> None:
    for name in (ALFA, BETA):
        add_civil(run, name)
    line = assert_fails(
        run, empty_db, ExitCode.RULE, "rotate", "2023", "--appoint", ALFA, "--appoint", BETA
    )
    assert "2022 has no recorded coordinators" in line


def test_hand_over_year_second_newcomer_added_as_the_cli_suggests(
    run: Run, handover_db: Path
) -> None:
    ok(run, "rotate", "2023", "--appoint", ALFA)
    text = ok(run, "rotate", "2023")
    assert "Still missing: newcomer." in text
    hint = re.search(r"Appoint with psi (rotate .*)\.$", text, flags=re.MULTILINE)
    assert hint is not None, text
    command = [BETA if word == "ORG" else word for word in shlex.split(hint.group(1))]
    result = run(*command)
    assert result.exit_code == ExitCode.OK, result.output
    y2023 = terms_in(run, 2023)
    assert {name: t["role"] for name, t in y2023.items()} == {ALFA: "newcomer", BETA: "newcomer"}


def test_hand_over_year_both_named_after_one_recorded(run: Run, handover_db: Path) -> None:
    ok(run, "rotate", "2023", "--appoint", ALFA)
    ok(run, "rotate", "2023", "--appoint", ALFA, "--appoint", BETA)
    assert set(terms_in(run, 2023)) == {ALFA, BETA}


def test_a_tie_needs_keep(run: Run, tie_db: Path) -> None:
    data = proposal(run, 2024)
    assert data["stays"] is None
    assert data["tied"] == [ALFA, BETA]
    line = assert_fails(run, tie_db, ExitCode.RULE, "rotate", "2024", "--appoint", GAMMA)
    assert "--keep" in line
    assert ALFA in line
    assert BETA in line


@pytest.mark.parametrize(("kept", "left"), [(ALFA, BETA), (BETA, ALFA)])
def test_a_tie_settled_with_keep(run: Run, tie_db: Path, kept: str, left: str) -> None:
    text = ok(run, "rotate", "2024", "--appoint", GAMMA, "--keep", kept)
    assert f"{kept} (continuing)" in text
    y2024 = terms_in(run, 2024)
    assert set(y2024) == {kept, GAMMA}
    assert y2024[kept]["consecutive_years"] == 2
    assert y2024[GAMMA]["role"] == "newcomer"
    assert left not in y2024
    after = proposal(run, 2025)
    assert after["stays"] == GAMMA
    assert after["leaves"] == [{"organisation": kept, "consecutive_years": 2}]


def test_keep_in_a_tie_must_be_one_of_the_pair(run: Run, tie_db: Path) -> None:
    line = assert_fails(
        run, tie_db, ExitCode.RULE, "rotate", "2024", "--appoint", GAMMA, "--keep", DELTA
    )
    assert "did not coordinate in 2023" in line


@pytest.mark.parametrize("tie_choice", [0, 1])
def test_five_years_of_rotation(run: Run, handover_db: Path, tie_choice: int) -> None:
    """2023-2027 by the CLI's own proposal: one stays, one newcomer, nobody past 2 years."""
    first = candidate_names(run, 2023)[:2]
    ok(run, "rotate", "2023", "--appoint", first[0], "--appoint", first[1])
    for year in range(2024, 2028):
        data = proposal(run, year)
        assert data["handover"] is False
        newcomer = data["candidates"][0]["organisation"]
        args = ["rotate", str(year), "--appoint", newcomer]
        if data["stays"] is None:
            assert len(data["tied"]) == 2
            args += ["--keep", data["tied"][tie_choice]]
        ok(run, *args)

    history = terms(run)
    pairs = {
        year: {t["organisation"] for t in history if t["year"] == year}
        for year in range(2023, 2028)
    }
    assert all(len(pair) == 2 for pair in pairs.values())
    for year in range(2024, 2028):
        kept = pairs[year] & pairs[year - 1]
        assert len(kept) == 1, (year, pairs)
        roles = {t["organisation"]: t["role"] for t in history if t["year"] == year}
        assert roles[next(iter(kept))] == "continuing"
        (newcomer,) = pairs[year] - kept
        assert roles[newcomer] == "newcomer"
        assert all(newcomer not in pairs[earlier] for earlier in range(2023, year))
    assert max(t["consecutive_years"] for t in history if t["year"] >= 2023) == 2
    assert all(t["override_reason"] is None for t in history if t["year"] >= 2023)
    served = set().union(*pairs.values())
    assert len(served) == 6
    assert set(CIVIL) == served


# --- malformed input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--appoint", "Finns Inte"],
        ["--appoint", EXG, "--keep", "Finns Inte"],
        ["--asked", "Finns Inte"],
        ["--accepted", "Finns Inte"],
    ],
)
def test_unknown_org_is_not_found(run: Run, example_db: Path, args: list[str]) -> None:
    line = assert_fails(run, example_db, ExitCode.NOT_FOUND, "rotate", "2026", *args)
    assert "Finns Inte" in line


@pytest.mark.parametrize(
    "args",
    [
        ["rotate", "1800"],
        ["rotate", "2101"],
        ["rotate", "1800", "--appoint", EXG],
        ["rotate", "1800", "--asked", EXG],
    ],
)
def test_a_year_psi_does_not_work_with_is_invalid(
    run: Run, example_db: Path, args: list[str]
) -> None:
    line = assert_fails(run, example_db, ExitCode.INVALID, *args)
    assert args[1] in line


@pytest.mark.parametrize("decided", ["2025-13-01", "20.11.2025", "tomorrow", "2025-11-2"])
def test_a_bad_decision_date_is_invalid(run: Run, example_db: Path, decided: str) -> None:
    line = assert_fails(
        run, example_db, ExitCode.INVALID, "rotate", "2026", "--appoint", EXG, "--decided", decided
    )
    assert "YYYY-MM-DD" in line


@pytest.mark.parametrize(
    "args",
    [
        ["--keep", "activa"],
        ["--force", "--reason", "x"],
        ["--reason", "x"],
        ["--replace"],
        ["--decided", "2025-11-20"],
        ["--ref", "AU § 4"],
        ["--keep", OFR, "--asked", IDROTT],
    ],
)
def test_appointment_options_without_appoint_are_invalid(
    run: Run, example_db: Path, args: list[str]
) -> None:
    line = assert_fails(run, example_db, ExitCode.INVALID, "rotate", "2026", *args)
    assert "--appoint" in line


# --- years outside the rule: extension years and coordinators outside civil society ----------

EXTEND_2024 = ("rotate", "2024", "--extend", "--decided", "2023-11-15")
KULTURNAMNDEN = "Kulturnämnden 2023-11-15"


def extend_2024(run: Run) -> None:
    """Make the example's 2024 an extension year, whether or not the example records it so."""
    ok(run, *EXTEND_2024, "--ref", KULTURNAMNDEN, "--replace")


def documented_history(run: Run) -> None:
    """The documented history, typed as the AU would on an empty register: the region's
    2022, the hand-over pair of 2023, the extension year 2024 and the rotation of 2025."""
    ok(run, "org", "add", REGION, "--sector", "region")
    for name in (ACTIVA, MOCKELN, OFR):
        add_civil(run, name)
    ok(run, "rotate", "2022", "--other", REGION)
    ok(run, "rotate", "2023", "--appoint", ACTIVA, "--appoint", MOCKELN)
    ok(run, *EXTEND_2024, "--ref", KULTURNAMNDEN)


def record_2025_alone(run: Run) -> None:
    """Record 2025's pair on a register without 2024 (which breaks the rule: --force)."""
    result = run("rotate", "2025", "--appoint", OFR, "--keep", ACTIVA, "--force", "--reason", "PM")
    assert result.exit_code == ExitCode.OK, result.output


def set_sql(db: Db, statement: str) -> None:
    """Change the database behind psi's back (to make data as an older psi left it)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db if isinstance(db, str) else f"sqlite:///{db}")
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def test_the_documented_history_typed_by_the_au(run: Run, empty_db: Path) -> None:
    documented_history(run)
    y2024 = terms_in(run, 2024)
    assert set(y2024) == {ACTIVA, MOCKELN}
    for term in y2024.values():
        assert term["role"] == "continuing"
        assert term["extension"] is True
        assert term["consecutive_years"] == 2
        assert term["decided_on"] == "2023-11-15"
        assert term["decision_ref"] == KULTURNAMNDEN
        assert term["override_reason"] is None
    assert proposal(run, 2024)["missing"] == []

    # 2025: the pair of 2024 served equally long, so the AU names who stays.
    data = proposal(run, 2025)
    assert data["stays"] is None
    assert sorted(data["tied"]) == sorted([ACTIVA, MOCKELN])
    line = assert_fails(run, empty_db, ExitCode.RULE, "rotate", "2025", "--appoint", OFR)
    assert f'--keep "{ACTIVA}"' in line
    text = ok(run, "rotate", "2025", "--appoint", OFR, "--keep", ACTIVA)
    assert f"Recorded 2025's coordinators: {ACTIVA} (continuing), {OFR} (newcomer)." in text
    assert "Warning" not in text
    assert all(t["override_reason"] is None for t in terms_in(run, 2025).values())

    after = proposal(run, 2025)
    assert after["stays"] == ACTIVA
    assert after["tied"] == []
    assert after["leaves"] == [{"organisation": MOCKELN, "consecutive_years": 2}]

    # 2026: Activa has served 2023-2025, three years in a row; Föreningsråd one.
    nxt = proposal(run, 2026)
    assert nxt["previous"] == [
        {"organisation": OFR, "consecutive_years": 1},
        {"organisation": ACTIVA, "consecutive_years": 3},
    ]
    assert nxt["stays"] == OFR
    assert nxt["leaves"] == [{"organisation": ACTIVA, "consecutive_years": 3}]


def test_extend_with_the_help_example_on_the_example(run: Run, example_db: Path) -> None:
    extend_2024(run)
    y2024 = terms_in(run, 2024)
    assert set(y2024) == {ACTIVA, MOCKELN}
    assert all(t["extension"] and t["role"] == "continuing" for t in y2024.values())
    assert all(not t["extension"] for t in terms(run) if t["year"] != 2024)
    assert terms_in(run, 2025)[ACTIVA]["consecutive_years"] == 3

    data = proposal(run, 2024)
    assert data["extension"] is True
    assert data["outside_rotation"] is False
    assert data["missing"] == []
    assert (data["stays"], data["tied"], data["leaves"]) == (None, [], [])
    assert sorted(c["organisation"] for c in data["current"]) == sorted([ACTIVA, MOCKELN])


def test_the_help_ends_with_the_extension_example(run: Run) -> None:
    result = run("rotate", "--help")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert text.endswith(
        'psi rotate 2024 --extend --decided 2023-11-15 --ref "Kulturnämnden 2023-11-15"'
    )
    assert "--extend" in text
    assert "--other" in text


def test_extend_without_decided_leaves_the_date_empty(run: Run, tie_db: Path) -> None:
    text = ok(run, "rotate", "2024", "--extend")
    assert text == (
        "Recorded 2024 as an extension year, 2023's pair once more: "
        f"{ALFA} (continuing, extension), {BETA} (continuing, extension).\n"
    )
    y2024 = terms_in(run, 2024)
    assert {t["decided_on"] for t in y2024.values()} == {None}
    assert {t["decision_ref"] for t in y2024.values()} == {None}


def test_repeating_an_extension_changes_nothing(run: Run, tie_db: Path) -> None:
    ok(run, "rotate", "2024", "--extend", "--ref", "KN § 3")
    before = dump(tie_db)
    text = ok(run, "rotate", "2024", "--extend", "--ref", "KN § 3")
    assert "Nothing changed." in text
    assert dump(tie_db) == before


def test_extend_is_audited(run: Run, tie_db: Path) -> None:
    ok(run, "rotate", "2024", "--extend", "--ref", "KN § 3")
    entries = as_json(run, "audit")
    last = entries[-1]
    assert last["command"] == 'psi rotate 2024 --extend --ref "KN § 3"'
    changed = [c for c in last["changes"] if c["table"] == "coordinator_term"]
    assert len(changed) == 2
    assert all(c["action"] == "insert" for c in changed)


def test_a_year_recorded_otherwise_becomes_an_extension_only_with_replace(
    run: Run, tie_db: Path
) -> None:
    ok(run, "rotate", "2024", "--appoint", GAMMA, "--keep", ALFA)
    line = assert_fails(run, tie_db, ExitCode.RULE, "rotate", "2024", "--extend")
    assert "2024 already has coordinators" in line
    assert "--replace" in line
    ok(run, "rotate", "2024", "--extend", "--replace")
    y2024 = terms_in(run, 2024)
    assert set(y2024) == {ALFA, BETA}
    assert all(t["extension"] for t in y2024.values())
    # ... and back to an appointment by the rule, again only with --replace.
    line = assert_fails(
        run, tie_db, ExitCode.RULE, "rotate", "2024", "--appoint", GAMMA, "--keep", ALFA
    )
    assert "(continuing, extension)" in line
    ok(run, "rotate", "2024", "--appoint", GAMMA, "--keep", ALFA, "--replace")
    assert {name: t["extension"] for name, t in terms_in(run, 2024).items()} == {
        ALFA: False,
        GAMMA: False,
    }


def test_a_year_an_older_psi_left_without_the_extension_flag(run: Run, example_db: Path) -> None:
    # A database made by an older `psi init --example` holds 2024 as two continuing terms.
    set_sql(example_db, "UPDATE coordinator_term SET extension = false WHERE year = 2024")
    data = proposal(run, 2024)
    assert data["extension"] is False
    assert data["missing"] == ["newcomer"]
    text = ok(run, "rotate", "2024")
    assert "psi rotate 2024 --extend --replace" in text
    ok(run, "rotate", "2024", "--extend", "--replace")
    assert proposal(run, 2024)["missing"] == []


@pytest.mark.parametrize(
    ("fixture", "args", "code", "fragments"),
    [
        pytest.param(
            "handover_db",
            ["rotate", "2023", "--extend"],
            ExitCode.RULE,
            ["2022 has no complete civil-society pair", f"{HANDOVER_REGION} (other)"],
            id="after-the-region",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2025", "--extend"],
            ExitCode.RULE,
            ["2024 has no complete civil-society pair", "recorded for 2024: nothing"],
            id="nothing-to-extend",
        ),
        pytest.param(
            "example_db",
            ["rotate", "2027", "--extend"],
            ExitCode.RULE,
            ["2026 has no complete civil-society pair", f"{OFR} (continuing)"],
            id="half-a-pair",
        ),
        pytest.param(
            "example_db",
            ["rotate", "2025", "--extend"],
            ExitCode.RULE,
            ["2025 already has coordinators", "--replace"],
            id="already-recorded",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--appoint", GAMMA],
            ExitCode.INVALID,
            ["--extend", "--appoint"],
            id="with-appoint",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--keep", ALFA],
            ExitCode.INVALID,
            ["--extend", "--keep"],
            id="with-keep",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--force", "--reason", "x"],
            ExitCode.INVALID,
            ["--force", "--reason"],
            id="with-force",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--other", HANDOVER_REGION],
            ExitCode.INVALID,
            ["--extend", "--other"],
            id="with-other",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--accepted", GAMMA],
            ExitCode.INVALID,
            ["--accepted"],
            id="with-an-inquiry",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--decided", "15.11.2023"],
            ExitCode.INVALID,
            ["YYYY-MM-DD"],
            id="bad-date",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--ref", "x" * 201],
            ExitCode.INVALID,
            ["decision reference", "at most 200"],
            id="ref-too-long",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "2024", "--extend", "--ref", "KN\n§ 3"],
            ExitCode.INVALID,
            ["decision reference"],
            id="ref-two-lines",
        ),
        pytest.param(
            "tie_db",
            ["rotate", "1800", "--extend"],
            ExitCode.INVALID,
            ["1800"],
            id="bad-year",
        ),
    ],
)
def test_extend_refusals_write_nothing(
    run: Run,
    request: pytest.FixtureRequest,
    fixture: str,
    args: list[str],
    code: ExitCode,
    fragments: list[str],
) -> None:
    db = request.getfixturevalue(fixture)
    line = assert_fails(run, db, code, *args)
    for fragment in fragments:
        assert fragment in line


def test_extending_a_pair_one_of_which_has_left_is_refused(run: Run, tie_db: Path) -> None:
    ok(run, "org", "leave", BETA, "--on", "2023-12-31")
    line = assert_fails(run, tie_db, ExitCode.RULE, "rotate", "2024", "--extend")
    assert f"{BETA} is not a member in 2024" in line


def test_other_works_on_a_register_holding_only_a_later_year(run: Run, empty_db: Path) -> None:
    """The decision draft's [SAKNAS] marker prints `psi rotate 2022 --other "Region Örebro
    län"`; it must work where only 2025 is recorded."""
    ok(run, "org", "add", REGION, "--sector", "region")
    for name in (ACTIVA, OFR):
        add_civil(run, name)
    record_2025_alone(run)
    before = terms(run)
    assert {t["year"] for t in before} == {2025}

    text = ok(run, "rotate", "2022", "--other", REGION)
    assert text == f"Recorded 2022's coordinators: {REGION} (other).\n"
    y2022 = terms_in(run, 2022)
    assert y2022[REGION] == {
        "year": 2022,
        "organisation": REGION,
        "role": "other",
        "consecutive_years": 1,
        "decided_on": None,
        "decision_ref": None,
        "override_reason": None,
        "extension": False,
    }
    assert [t for t in terms(run) if t["year"] == 2025] == before

    data = proposal(run, 2022)
    assert data["outside_rotation"] is True
    assert data["missing"] == []
    text = ok(run, "rotate", "2022")
    assert f"Recorded for 2022: {REGION} (other)." in text
    assert "outside the rotation" in text
    # 2023 is the hand-over year now that 2022 is recorded.
    assert proposal(run, 2023)["handover"] is True


def test_other_with_a_date_and_reference_for_several_years(run: Run, empty_db: Path) -> None:
    ok(run, "org", "add", REGION, "--sector", "region")
    ok(run, "org", "add", "Regionförbundet (exempel)", "--sector", "region")
    for year in range(2015, 2023):
        ok(run, "rotate", str(year), "--other", "region örebro", "--ref", "Regionens uppdrag")
    ok(
        run,
        "rotate",
        "2014",
        "--other",
        REGION,
        "--other",
        "Regionförbundet",
        "--decided",
        "2013-12-10",
    )
    data = terms(run)
    assert [t["consecutive_years"] for t in data if t["organisation"] == REGION] == list(
        range(1, 10)
    )
    assert {t["decision_ref"] for t in data if t["year"] >= 2015} == {"Regionens uppdrag"}
    assert {t["decided_on"] for t in data if t["year"] == 2014} == {"2013-12-10"}
    assert set(terms_in(run, 2014)) == {REGION, "Regionförbundet (exempel)"}


def test_repeating_other_changes_nothing(run: Run, example_db: Path) -> None:
    before = dump(example_db)
    text = ok(run, "rotate", "2022", "--other", REGION, "--other", "region örebro län")
    assert "Nothing changed." in text
    assert dump(example_db) == before


def test_another_organisation_outside_the_rotation_needs_replace(
    run: Run, example_db: Path
) -> None:
    line = assert_fails(run, example_db, ExitCode.RULE, "rotate", "2022", "--other", HOGSKOLAN)
    assert f"2022 already has coordinators: {REGION} (other)" in line
    ok(run, "rotate", "2022", "--other", HOGSKOLAN, "--replace")
    assert set(terms_in(run, 2022)) == {HOGSKOLAN}


@pytest.mark.parametrize(
    ("args", "code", "fragments"),
    [
        pytest.param(
            ["--other", ACTIVA],
            ExitCode.RULE,
            [ACTIVA, "civil-society organisation", f'psi rotate 2014 --appoint "{ACTIVA}"'],
            id="civil-society",
        ),
        pytest.param(
            ["--other", REGION, "--other", HOGSKOLAN, "--other", MSI],
            ExitCode.INVALID,
            ["at most two"],
            id="three",
        ),
        pytest.param(["--other", "Finns Inte"], ExitCode.NOT_FOUND, ["Finns Inte"], id="unknown"),
        pytest.param(
            ["--other", REGION, "--appoint", EXG],
            ExitCode.INVALID,
            ["--other", "--appoint"],
            id="with-appoint",
        ),
        pytest.param(
            ["--other", REGION, "--keep", EXG],
            ExitCode.INVALID,
            ["--other", "--keep"],
            id="with-keep",
        ),
        pytest.param(
            ["--other", REGION, "--force", "--reason", "x"],
            ExitCode.INVALID,
            ["--force"],
            id="with-force",
        ),
        pytest.param(
            ["--other", REGION, "--asked", EXG],
            ExitCode.INVALID,
            ["--asked"],
            id="with-an-inquiry",
        ),
        pytest.param(
            ["--other", REGION, "--decided", "2013-02-30"],
            ExitCode.INVALID,
            ["YYYY-MM-DD"],
            id="bad-date",
        ),
        pytest.param(
            ["--other", REGION, "--ref", "   "],
            ExitCode.INVALID,
            ["decision reference"],
            id="empty-ref",
        ),
    ],
)
def test_other_refusals_write_nothing(
    run: Run, example_db: Path, args: list[str], code: ExitCode, fragments: list[str]
) -> None:
    line = assert_fails(run, example_db, code, "rotate", "2014", *args)
    for fragment in fragments:
        assert fragment in line


# --- a year whose coordinators are all recorded -----------------------------------------------


@pytest.mark.parametrize(
    ("year", "recorded"),
    [
        (2022, f"Recorded for 2022: {REGION} (other)."),
        (
            2023,
            f"Recorded for 2023: {ACTIVA} (newcomer), {MOCKELN} (newcomer).",
        ),
        (
            2024,
            f"Recorded for 2024: {ACTIVA} (continuing, extension), "
            f"{MOCKELN} (continuing, extension).",
        ),
        (2025, f"Recorded for 2025: {ACTIVA} (continuing), {OFR} (newcomer)."),
    ],
)
def test_a_complete_year_says_so_plainly(
    run: Run, example_db: Path, year: int, recorded: str
) -> None:
    extend_2024(run)
    assert proposal(run, year)["missing"] == []
    text = ok(run, "rotate", str(year))
    assert recorded in text
    for advice in ("psi rotate", "psi org", "--appoint", "--keep", "--asked", "recruit"):
        assert advice not in text, (advice, text)
    assert "candidates" not in text
    assert "missing" not in text.replace("nothing is missing", "")
    if year == 2024:
        assert "2024 is an extension year" in text
        assert "2024's pair is complete." in text
    elif year == 2022:
        assert "2022 lies outside the rotation rule" in text
    else:
        assert f"{year}'s pair is complete." in text


def test_a_complete_year_without_the_year_before(run: Run, empty_db: Path) -> None:
    for name in (ACTIVA, OFR):
        add_civil(run, name)
    record_2025_alone(run)
    text = ok(run, "rotate", "2025")
    assert "2024 has no recorded coordinators to compare 2025's pair with." in text
    assert "psi rotate" not in text
    assert "2025's pair is complete." in text


# --- psi coordinators shows extension years ---------------------------------------------------


def test_coordinators_show_the_extension_year(run: Run, example_db: Path) -> None:
    extend_2024(run)
    data = terms(run)
    assert all(set(term) == TERM_KEYS for term in data)
    assert {t["year"] for t in data if t["extension"]} == {2024}
    rows = table_rows(ok(run, "coordinators"))
    header = rows[0]
    assert header[:5] == ["Year", "Organisation", "Role", "Years in a row", "Extension"]
    body = [row[:5] for row in rows[1:]]
    assert ["2024", ACTIVA, "continuing", "2", "yes"] in body
    assert ["2024", MOCKELN, "continuing", "2", "yes"] in body
    assert not any("yes" in row for row in rows[1:] if row[0] != "2024")
