"""`psi coordinators` and `psi rotate YEAR` through the command line: the coordinator rotation."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from tests.conftest import Run, dump
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

EXAMPLE_CANDIDATES_2026 = [EXG, IDROTT, LAGRET]
TERM_KEYS = {
    "year",
    "organisation",
    "role",
    "consecutive_years",
    "decided_on",
    "decision_ref",
    "override_reason",
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
    assert "Rule overridden" in rows[0]
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
    assert [row[0] for row in ranked] == ["1", "2", "3"]
    assert ranked[0][-1] == "pending"
    assert ranked[1][-1] == "not asked"
    assert ranked[0][2:4] == ["Örebro", "2016-02-01"]
    table_text = "\n".join(" ".join(row) for row in ranked)
    for never in (BRON, ACTIVA, OFR, MOCKELN, REGION, NYSTART, AVSLUTAD, HOGSKOLAN, MSI):
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
    assert [c["rank"] for c in data["candidates"]] == [1, 2, 3]
    first = data["candidates"][0]
    assert first == {
        "rank": 1,
        "organisation": EXG,
        "municipality": "Örebro",
        "joined_on": "2016-02-01",
        "meetings_attended": 5,  # 3 stormöten and 2 AU meetings in 2025
        "inquiry": "pending",
    }
    assert data["candidates"][1]["inquiry"] is None
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


def test_rotate_2025_on_example_is_a_tie_the_au_decided(run: Run, example_db: Path) -> None:
    data = proposal(run, 2025)
    assert data["stays"] is None
    assert sorted(data["tied"]) == sorted([ACTIVA, MOCKELN])
    assert data["leaves"] == []
    assert data["missing"] == []
    text = ok(run, "rotate", "2025")
    assert "the AU must choose" in text
    assert f'--keep "{ACTIVA}"' in text
    assert f'--keep "{MOCKELN}"' in text


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
    assert candidate_names(run, 2026) == [EXG, LAGRET]


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
    assert [c["inquiry"] for c in data["candidates"]] == ["pending", "pending", "pending"]
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
    assert [c["organisation"] for c in data["candidates"]] == [IDROTT, LAGRET]
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
