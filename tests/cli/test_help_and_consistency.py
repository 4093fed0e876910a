"""Help that reads well, commands that work alike, and the errors a newcomer meets first.

- every command's help: no Typer type tags (`<str>`, `<bool>`), no `{year}` in a usage line,
  the completion options only in `psi --help`;
- `psi report members 2026` like the other reports; a file's format follows its name, and a
  --format that contradicts it is refused; every `--on` that says when something happened is
  today if left out; a report's default file name is in the document's language;
- a negative amount, a mistyped kommun, a database psi does not work with: one line each,
  saying what to type, and every refusal ends as a sentence does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import CliRunner

import psi.cli
from psi.cli import app
from psi.commands.report import FILE_NAMES, file_stem
from psi.domain.municipality import closest_kommun, resolve_municipality
from psi.errors import ExitCode, InvalidInput
from tests.conftest import Db, Run
from tests.helpers import as_json, assert_fails, ok

OFR = "Örebro Föreningsråd"
WIDE = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def _walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    if isinstance(command, TyperGroup):
        for name in command.list_commands(None):  # type: ignore[arg-type]
            yield from _walk(_child(command, name), (*path, name))


def _child(group: Any, name: str) -> Any:
    """A subcommand, loaded: the root group holds stand-ins until a command is used."""
    if isinstance(group, psi.cli.PsiGroup):
        return group.load(name)
    return group.get_command(None, name)


COMMANDS = list(_walk(get_command(app)))
PATHS = [path for path, _ in COMMANDS]
IDS = [" ".join(path) or "psi" for path in PATHS]


def help_of(*path: str) -> str:
    """`psi PATH --help` as a wide terminal without colour shows it."""
    result = CliRunner().invoke(app, [*path, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- help --------------------------------------------------------------------------------------

TYPE_TAG = re.compile(r"<(?:bool|str|int|float|path|file|directory|datetime|list\[[^\]]*\])>")
BRACED = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_help_shows_no_type_tags_and_no_braced_names(path: tuple[str, ...]) -> None:
    text = help_of(*path)
    assert not TYPE_TAG.search(text), (path, TYPE_TAG.findall(text))
    assert not BRACED.search(text), (path, BRACED.findall(text))
    assert not re.search(r"<\w+(?:,\w+)+>", text), path  # a tuple's types, <int,str>


@pytest.mark.parametrize("path", [p for p in PATHS if p], ids=[i for i in IDS if i != "psi"])
def test_only_the_root_help_offers_shell_completion(path: tuple[str, ...]) -> None:
    text = help_of(*path)
    assert "--install-completion" not in text
    assert "--show-completion" not in text


def test_the_root_help_offers_shell_completion() -> None:
    text = help_of()
    assert "--install-completion" in text
    assert "--show-completion" in text


def _usage(*path: str) -> str:
    return next(line for line in help_of(*path).splitlines() if "Usage:" in line).strip()


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        (("report", "followup"), "psi report followup [OPTIONS] YEAR"),
        (("report", "members"), "psi report members [OPTIONS] [YEAR]"),
        (("budget", "spend"), "psi budget spend [OPTIONS] ORG AMOUNT"),
        (("log", "list"), "psi log list [OPTIONS] [YEAR]"),
    ],
)
def test_a_usage_line_names_the_arguments_in_capitals(path: tuple[str, ...], usage: str) -> None:
    assert _usage(*path).endswith(usage)


def test_a_list_of_arguments_ends_with_dots() -> None:
    assert re.search(r"psi meeting attend \[OPTIONS\] \S+ \S+\.\.\.$", _usage("meeting", "attend"))


def _row(text: str, option: str) -> str:
    """The row of the help that declares `option`."""
    return next(line for line in text.splitlines() if re.match(rf"│[\s*]+{option}\s", line))


def test_a_flag_shows_no_value_and_an_option_the_kind_of_value() -> None:
    spend = help_of("budget", "spend")
    assert re.search(r"--on\s+DATE\s+Date", _row(spend, "--on"))
    assert re.search(r"--note\s+TEXT\s+What", _row(spend, "--note"))
    assert re.search(r"--meeting\s+INTEGER\s+The", _row(spend, "--meeting"))
    listed = help_of("org", "list")
    assert re.search(r"--json\s+Print JSON", _row(listed, "--json"))
    assert re.search(r"--help\s+(?:-h\s+)?Show", _row(listed, "--help"))
    followup = help_of("report", "followup")
    assert re.search(r"\*\s+YEAR\s+INTEGER\s+The year", followup)
    assert re.search(r"--output\s+-o\s+FILE\s", _row(followup, "--output"))


def test_a_missing_argument_is_named_as_the_help_names_it(run: Run) -> None:
    result = run("report", "followup")
    assert result.exit_code == ExitCode.USAGE
    assert "Missing argument 'YEAR'." in result.stderr


# --- psi report members YEAR ---------------------------------------------------------------------


def test_report_members_takes_the_year_as_the_other_reports_do(run: Run, example_db: Db) -> None:
    typed = ok(run, "report", "members", "2025")
    assert "Medlemsregister 2025" in typed
    assert ok(run, "report", "members", "--year", "2025") == typed  # as before, not in the help
    assert "--year" not in help_of("report", "members")
    assert "Medlemsregister" in ok(run, "report", "members")


def test_report_members_refuses_two_different_years(run: Run, example_db: Db) -> None:
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "report", "members", "2025", "--year", "2024"
    )
    assert err == "Error: Give the year once: psi report members 2025.\n"


# --- a file's format follows its name ----------------------------------------------------------


def test_export_follows_the_file_name(run: Run, example_db: Db, tmp_path: Path) -> None:
    as_csv, as_json_file, other = tmp_path / "m.csv", tmp_path / "m.JSON", tmp_path / "m.txt"
    ok(run, "org", "export", "-o", str(as_csv))
    ok(run, "org", "export", "-o", str(as_json_file))
    ok(run, "org", "export", "-o", str(other))
    names = [org["name"] for org in json.loads(as_json_file.read_text(encoding="utf-8"))]
    assert OFR in names
    assert as_csv.read_text(encoding="utf-8-sig").startswith("name")
    assert other.read_bytes() == as_csv.read_bytes()  # a name of no format: CSV, the default
    assert json.loads(ok(run, "org", "export", "--format", "json")) == json.loads(
        as_json_file.read_text(encoding="utf-8")
    )
    ok(run, "org", "export", "-o", str(as_csv), "--format", "csv")


def test_export_refuses_a_format_its_file_name_contradicts(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    target = tmp_path / "m.csv"
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "export", "-o", str(target), "--format", "json"
    )
    assert err == (
        "Error: --output m.csv names a csv file, but the format is json; use --format csv, "
        "or --output m.json.\n"
    )
    assert not target.exists()


def test_a_report_follows_its_file_name(run: Run, example_db: Db, tmp_path: Path) -> None:
    markdown = ok(run, "report", "members", "2025")
    ok(run, "report", "members", "2025", "-o", str(tmp_path / "m.md"))
    assert (tmp_path / "m.md").read_text(encoding="utf-8") == markdown
    ok(run, "report", "members", "2025", "-o", str(tmp_path / "m.html"))
    assert "<html" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_a_report_refuses_a_format_its_file_name_contradicts(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    target = tmp_path / "m.md"
    err = assert_fails(
        run,
        example_db,
        ExitCode.INVALID,
        "report",
        "members",
        "2025",
        "-o",
        str(target),
        "-f",
        "pdf",
    )
    assert err == (
        "Error: --output m.md names a md file, but the format is pdf; use --format md, "
        "or --output m.pdf.\n"
    )
    assert not target.exists()


# --- --on is when it happened, today if left out -----------------------------------------------

ON_OPTIONS = [
    (path, param)
    for path, command in COMMANDS
    for param in getattr(command, "params", [])
    if "--on" in getattr(param, "opts", []) and not path[-1].startswith("edit")
]


@pytest.mark.parametrize(
    ("path", "param"), ON_OPTIONS, ids=[" ".join(path) for path, _ in ON_OPTIONS]
)
def test_every_on_is_today_if_left_out(path: tuple[str, ...], param: Any) -> None:
    assert not param.required, path
    assert "today if left out" in param.help, path


def test_an_expense_is_dated_today_if_left_out(run: Run, empty_db: Db) -> None:
    year = str(date.today().year)
    ok(run, "org", "add", "Föreningen Prov", "--sector", "civil-society")
    appointed = run("rotate", year, "--appoint", "Föreningen Prov", "--force", "--reason", "test")
    assert appointed.exit_code == ExitCode.OK, appointed.output
    ok(run, "budget", "spend", "Föreningen Prov", "500", "--category", "fika")
    (expense,) = as_json(run, "budget", "expenses")
    assert expense["date"] == date.today().isoformat()


# --- a report's default file name is in the document's language --------------------------------

SWEDISH_STEMS = {
    "followup": "uppfoljning",
    "decision": "beslutsunderlag",
    "budget": "budget",
    "members": "medlemmar",
    "activities": "aktivitetslista",
    "rotation": "rotation",
    "handover": "overlamning",
    "newsletter": "nyhetsbrev",
}


def test_every_report_has_a_file_name() -> None:
    assert set(FILE_NAMES) == set(SWEDISH_STEMS)


@pytest.mark.parametrize("report", sorted(SWEDISH_STEMS))
def test_a_reports_file_name_in_each_language(report: str) -> None:
    assert file_stem(report, "en") == report
    assert file_stem(report, "sv") == SWEDISH_STEMS[report]
    assert file_stem(report, "sv").isascii()  # a file name anyone can type and mail


@pytest.mark.parametrize(("lang", "name"), [("sv", "uppfoljning-2025"), ("en", "followup-2025")])
def test_a_report_is_written_to_a_file_named_in_its_language(
    run: Run, example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, name: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    ok(run, "report", "followup", "2025", "--format", "html", "--lang", lang)
    assert [path.name for path in folder.iterdir()] == [f"{name}.html"]


# --- the errors a newcomer meets ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("budget", "spend", OFR, "-500", "--category", "fika"),
        ("budget", "spend", OFR, "-1 234,50 kr", "--on", "2025-03-01", "--category", "fika"),
        ("budget", "grant", "2027", "-200000"),
        ("budget", "funding", "2025", "-5", "--source", "externa projektmedel"),
        ("budget", "edit-expense", "1", "--amount", "-5"),
    ],
)
def test_a_negative_amount_reaches_the_amount_check(
    run: Run, example_db: Db, args: tuple[str, ...]
) -> None:
    amount = next(arg for arg in args if arg.startswith("-") and arg[1:2].isdigit())
    err = assert_fails(run, example_db, ExitCode.INVALID, *args)
    assert err.startswith(f"Error: '{amount}' must be more than 0 kr; write it like 200000")


def test_a_negative_allocation_says_how_to_take_one_back(run: Run, example_db: Db) -> None:
    err = assert_fails(run, example_db, ExitCode.INVALID, "budget", "allocate", "2025", OFR, "-5")
    assert err == "Error: An allocation cannot be negative; give 0 to take one back.\n"


def test_a_negative_number_as_a_word_too_many_is_shown_as_typed(run: Run, example_db: Db) -> None:
    err = assert_fails(
        run, example_db, ExitCode.USAGE, "budget", "spend", OFR, "500", "-5", "--category", "fika"
    )
    assert " -5" not in err.replace(": -5", "")
    assert "-5" in err


def test_a_note_may_begin_with_a_minus(run: Run, example_db: Db) -> None:
    ok(
        run,
        "budget",
        "spend",
        OFR,
        "50",
        "--on",
        "2025-03-01",
        "--category",
        "fika",
        "--note",
        "-5 grader",
    )
    notes = [e["note"] for e in as_json(run, "budget", "expenses", "2025")]
    assert "-5 grader" in notes


@pytest.mark.parametrize(
    "args",
    [
        ("org", "add", "Nora Skidklubb", "--sector", "civil-society", "--municipality", "noraa"),
        ("org", "add", "Nora Skidklubb", "--sector", "civil-society", "-m", "noraa"),
        ("org", "edit", OFR, "--municipality", "noraa"),
        ("org", "list", "--municipality", "noraa"),
    ],
)
def test_a_mistyped_kommun_says_what_to_type(
    run: Run, example_db: Db, args: tuple[str, ...]
) -> None:
    err = assert_fails(run, example_db, ExitCode.INVALID, *args)
    assert err == (
        "Error: 'noraa' is not a kommun in Örebro län; did you mean Nora? Type "
        "--municipality nora, or --municipality other:noraa for a place outside the län.\n"
    )


def test_a_place_outside_the_lan_is_told_to_use_other(run: Run, example_db: Db) -> None:
    err = assert_fails(run, example_db, ExitCode.INVALID, "org", "list", "--municipality", "Falun")
    assert err.endswith("for one outside the län type --municipality other:Falun.\n")
    err = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "list", "--municipality", "New York"
    )
    assert 'type --municipality "other:New York".' in err


@pytest.mark.parametrize(
    ("typed", "likely"),
    [
        ("noraa", "Nora"),
        ("Orebr", "Örebro"),
        ("orebo", "Örebro"),
        ("Kumlaa", "Kumla"),
        ("Lindsberg", "Lindesberg"),
        ("Karlskog", "Karlskoga"),
        ("hallefor", "Hällefors"),
        ("Stockholm", None),
        ("Göteborg", None),
        ("Falun", None),
        ("1881x", None),
    ],
)
def test_the_kommun_a_mistyped_name_most_likely_means(typed: str, likely: str | None) -> None:
    assert closest_kommun(typed) == likely


def test_in_a_file_the_suggestion_names_no_option() -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_municipality("noraa")
    assert caught.value.message == (
        "'noraa' is not a kommun in Örebro län; did you mean Nora? Write nora, or other:noraa "
        "for a place outside the län."
    )


@pytest.mark.parametrize(
    "url", ["mysql://psi@server/psi", "mssql+pyodbc://server/psi", "oracle://x@y/z"]
)
def test_a_database_psi_does_not_work_with_is_named(run: Run, url: str) -> None:
    result = run("--db", url, "org", "list")
    assert result.exit_code == ExitCode.INVALID
    scheme = url.partition("://")[0]
    assert result.stderr == (
        f"Error: psi works with SQLite files and PostgreSQL only, not {scheme}:// addresses; "
        "give a file name (psi.sqlite3) or a PostgreSQL address (postgresql://user@host/psi).\n"
    )


# --- every refusal ends as a sentence ----------------------------------------------------------

REFUSALS: list[Any] = [
    ("budget", "allocate", "2025"),
    ("budget", "allocate", "2025", OFR),
    ("budget", "allocate", "2031", "--even"),
    ("budget", "spend", OFR, "-500", "--category", "fika"),
    ("budget", "spend", OFR, "100", "--on", "2025-13-01", "--category", "fika"),
    ("budget", "spend", OFR, "100", "--category", "beer"),
    ("org", "add", "Ny", "--sector", "civil-society", "--municipality", "noraa"),
    ("org", "list", "--municipality", "Falun"),
    ("org", "export", "--format", "xml"),
    ("org", "export", "-o", "m.csv", "--format", "json"),
    ("report", "members", "2025", "--year", "2024"),
    ("report", "members", "2025", "-o", "m.md", "--format", "pdf"),
    ("report", "followup", "2025", "--format", "rtf"),
    ("report", "followup", "2025", "--lang", "de"),
    ("meeting", "plan", "2027", "--au", "femte tisdagen"),
    ("meeting", "plan", "2027", "--au", "FREQ=MONTHLY;BYDAY=9TU"),
    ("log", "add", "gossip", "text"),
    ("--db", "mysql://psi@server/psi", "org", "list"),
]


@pytest.mark.parametrize("args", REFUSALS, ids=[" ".join(args) for args in REFUSALS])
def test_a_refusal_is_one_sentence_ending_in_a_stop(
    run: Run, example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = run(*args)
    assert result.exit_code not in (ExitCode.OK, ExitCode.INTERNAL), result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert lines[0].rstrip()[-1] in ".?:", lines[0]
    assert list(folder.iterdir()) == []
