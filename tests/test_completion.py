"""Shell completion of values: organisations, meetings and the fixed choices (issue 20).

Completion is driven as a shell drives it: bash's completion function runs `psi` with
`_PSI_COMPLETE=complete_bash` (Typer's name for the instruction; Click's own is
`bash_complete`), the command line in `COMP_WORDS` and the number of the word being typed
in `COMP_CWORD`, and reads one value a line. The tests do that in a subprocess (where the
modules it loads can be counted), and in-process through Click's `ShellComplete` API, which
also gives each value's words (`help`), such as a meeting's date and title.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from psi import completion, storage
from psi.cli import app
from psi.completion import DESCRIBED_WIDTH, PsiBashComplete, _described
from psi.domain.activity import parse_log_kind
from psi.domain.budget import parse_category
from psi.domain.meeting import parse_kind, parse_meeting_status
from psi.domain.organisation import parse_sector, parse_status, parse_status_filter
from psi.location import locate_db
from psi.reports.render import FORMATS, LANGUAGES
from tests.conftest import Db, Run, dump
from tests.helpers import as_json, ok

HEAVY = ("sqlmodel", "sqlalchemy", "alembic", "jinja2", "typst")


@cache
def _root() -> Any:
    return get_command(app)


def complete(line: str) -> list[tuple[str, str]]:
    """The values and their words that completing the last word of `line` offers (a line
    ending in a space completes a new word), in-process, through Click's ShellComplete."""
    words = shlex.split(line)
    incomplete = "" if line.endswith(" ") else words.pop()
    shell = PsiBashComplete(_root(), {}, "psi", "_PSI_COMPLETE")
    return [(item.value, item.help or "") for item in shell.get_completions(words[1:], incomplete)]


def values(line: str) -> list[str]:
    """The values completing the last word of `line` offers, without their words."""
    return [value for value, _words in complete(line)]


_IN_A_SHELL = (
    "import sys\n"
    "sys.argv = ['psi']\n"
    "from psi.__main__ import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    f"print('loaded:', sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
)


def complete_in_bash(line: str, **env: str) -> tuple[list[str], list[str]]:
    """What psi prints when bash completes the last word of `line` (a line ending in a space
    completes a new word), and which heavy libraries that process loaded."""
    words = shlex.split(line)
    cword = len(words) if line.endswith(" ") else len(words) - 1
    environment = {
        **os.environ,
        "_PSI_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", _IN_A_SHELL],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=60,
    )
    assert done.stderr == ""
    *printed, loaded = done.stdout.splitlines()
    assert loaded.startswith("loaded: ")
    return [line for line in printed if line], json.loads(
        loaded.removeprefix("loaded: ").replace("'", '"')
    )


# --- organisations ---------------------------------------------------------------------------


def test_an_organisation_completes_by_its_full_name(example_db: Db, run: Run) -> None:
    register = as_json(run, "org", "list", "--status", "all")
    names = {org["name"] for org in register if org["name"].startswith("Ex")}
    shorts = {
        org["short"]
        for org in register
        if (org["short"] or "").startswith("Ex") and not org["name"].startswith("Ex")
    }
    found = complete("psi org show Ex")
    assert {value for value, _words in found} == names | shorts
    # A short name shows the full name beside it; a full name its short name, if any.
    assert ("Exempelgården", "Föreningen Exempelgården (exempel)") in found
    assert ("Exempelstiftelsen Bron (exempel)", "Bron") in found
    # Former members come last.
    assert found[-1] == ("Exempelföreningen Avslutad (exempel)", "")


def test_an_organisation_completes_by_its_short_name(example_db: Db) -> None:
    assert complete("psi org show MS") == [("MSI", "Mötesplats social innovation")]
    # The first word that fits is offered, once: the full name here, the short one beside it.
    assert complete("psi org show Mötesplats") == [("Mötesplats social innovation", "MSI")]


def test_an_organisation_typed_in_another_case_or_without_accents_completes_as_typed(
    example_db: Db, run: Run
) -> None:
    """Typer offers only values that begin with what was typed; the rest of the name follows
    what was typed, and psi finds the organisation by it."""
    assert values("psi org show kvinno") == ["kvinnojouren Exempel (exempel)"]
    assert values("psi org show mock") == ["mockelnföreningarna"]
    shown = as_json(run, "org", "show", "mockelnföreningarna")
    assert shown["name"] == "Möckelnföreningarna"


def test_every_option_and_argument_naming_an_organisation_completes_it(example_db: Db) -> None:
    kvinnojouren = ["Kvinnojouren Exempel (exempel)"]
    for line in (
        "psi org edit Kv",
        "psi contact add Kv",
        "psi contact list Kv",
        "psi contact forget anna --org Kv",
        "psi budget allocate 2026 Kv",
        "psi budget spend Kv",
        "psi budget expenses --org Kv",
        "psi budget edit-expense 1 --org Kv",
        "psi log add website text --org Kv",
        "psi log list --org Kv",
        "psi activity add 2026 Title --owner Kv",
        "psi activity edit 1 --requested-by Kv",
        "psi meeting add au 2027-01-12 --with Kv",
        "psi meeting held 12 --attended Kv",
        "psi meeting attend 12 MSI Kv",
        "psi meeting unattend 12 Kv",
        "psi action add 12 Text --owner Kv",
        "psi action edit 1 --owner Kv",
        "psi rotate 2027 --appoint Kv",
        "psi rotate 2027 --keep Kv",
        "psi rotate 2027 --other Kv",
        "psi rotate 2027 --asked Kv",
        "psi rotate 2027 --declined Kv",
        "psi rotate 2027 --accepted Kv",
    ):
        assert values(line) == kvinnojouren, line


def test_the_database_named_by_db_is_read_before_psi_db(
    example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSI_DB", str(tmp_path / "missing.sqlite3"))
    assert values("psi org show MS") == []
    assert values(f"psi --db {shlex.quote(str(example_db))} org show MS") == ["MSI"]


# --- meetings --------------------------------------------------------------------------------


def test_a_meeting_completes_by_its_number_with_its_date_and_title(
    example_db: Db, run: Run
) -> None:
    meetings = {
        str(meeting["id"]): meeting for meeting in as_json(run, "meeting", "list")["meetings"]
    }
    found = complete("psi meeting show 2")
    assert {value for value, _words in found} == {number for number in meetings if number[0] == "2"}
    for number, words in found:
        assert words == f"{meetings[number]['date']} {meetings[number]['title']}"
    # The coming meetings first, the nearest first; then the past ones, the latest first.
    today = date.today().isoformat()
    days = [words[:10] for _number, words in found]
    coming = [day for day in days if day >= today]
    assert days == sorted(coming) + sorted((day for day in days if day < today), reverse=True)


def test_every_meeting_number_completes(example_db: Db) -> None:
    for line in (
        "psi meeting edit 1",
        "psi meeting minutes 1",
        "psi meeting reinstate 1",
        "psi action add 1",
        "psi budget spend MSI 100 --meeting 1",
        "psi budget edit-expense 3 --meeting 1",
    ):
        assert set(values(line)) == {"1", *(str(n) for n in range(10, 20))}, line


# --- the fixed choices -----------------------------------------------------------------------


def test_a_meeting_kind_completes_with_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("psi meeting list --kind ") == [
        ("au", "AU meeting"),
        ("stormote", "General meeting"),
        ("msi", "MSI dialogue"),
        ("other", ""),
    ]
    assert values("psi meeting add st") == ["stormote"]
    monkeypatch.setenv("PSI_LANG", "sv")
    assert complete("psi meeting add ") == [
        ("au", "AU-möte"),
        ("stormote", "Stormöte"),
        ("msi", "MSI-dialog"),
        ("other", "Övrigt möte"),
    ]


def test_a_sector_completes_in_english_and_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("psi org list --sector s") == [("state", "")]
    # A Swedish word is offered when only it fits, with the value beside it.
    assert complete("psi org list -s kom") == [("kommun", "municipality")]
    monkeypatch.setenv("PSI_LANG", "sv")
    assert complete("psi org list --sector s") == [("state", "statlig myndighet")]
    assert complete("psi org add X --sector kom") == [("kommun", "municipality")]
    assert complete("psi org edit X -s civ") == [("civil-society", "civilsamhälle")]
    assert complete("psi org list --sector n") == [("näringsliv", "business")]


def test_the_formats_and_languages_are_the_documents_own() -> None:
    assert values("psi report followup 2026 --format ") == list(FORMATS)
    assert values("psi meeting agenda 12 -f p") == ["pdf"]
    assert complete("psi report members --lang ") == [("sv", "Swedish"), ("en", "English")]
    assert list(completion.LANGUAGES) == list(LANGUAGES)
    assert values("psi org export --format ") == ["csv", "json"]


def test_the_statuses_kinds_and_categories_complete() -> None:
    assert values("psi meeting list --status ") == ["planned", "held", "cancelled"]
    assert values("psi activity list --status c") == ["cancelled", "carried"]
    assert values("psi log add ") == [
        "member-dialogue",
        "recruitment",
        "msi",
        "website",
        "social-media",
        "other",
    ]
    assert values("psi log list --kind s") == ["social-media"]
    assert values("psi log edit 1 --kind w") == ["website"]
    assert values("psi budget expenses --category c") == ["catering", "communication"]
    assert values("psi org add X --status ") == ["member", "prospect", "partner"]
    assert values("psi org list --status a") == ["active", "all"]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_value_a_choice_completes_is_taken_by_its_parser(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSI_LANG", lang)
    parsers = {
        "psi meeting list --kind": parse_kind,
        "psi meeting list --status": parse_meeting_status,
        "psi log list --kind": parse_log_kind,
        "psi budget expenses --category": parse_category,
        "psi org list --sector": parse_sector,
        "psi org add X --status": parse_status,
        "psi org list --status": parse_status_filter,
    }
    for line, parse in parsers.items():
        every = values(f"{line} ")
        assert every, line
        typed = {value[:1] for value in every} | {word[:2] for _v, word in complete(f"{line} ")}
        for letters in typed:
            for value in values(f"{line} {letters}" if letters else f"{line} "):
                parse(value)  # raises InvalidInput for a word it does not take


# --- what completion must not do -------------------------------------------------------------


def test_a_fixed_choice_completes_without_loading_sqlalchemy() -> None:
    printed, loaded = complete_in_bash("psi meeting list --kind ")
    assert printed == [
        "au        (AU meeting)",
        "stormote  (General meeting)",
        "msi       (MSI dialogue)",
        "other",
    ]
    assert loaded == []
    printed, loaded = complete_in_bash("psi org list --sector s", PSI_LANG="sv")
    assert (printed, loaded) == (["state"], [])
    printed, loaded = complete_in_bash("psi report followup 2026 --lang ", PSI_LANG="sv")
    assert (printed, loaded) == (["sv  (svenska)", "en  (engelska)"], [])


def test_an_organisation_in_a_sqlite_file_completes_without_loading_sqlalchemy(
    example_db: Db,
) -> None:
    printed, loaded = complete_in_bash("psi org show MS")
    assert printed == ["MSI"]
    if isinstance(example_db, Path):
        assert loaded == []


def test_a_missing_database_completes_nothing_and_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "folder" / "psi.sqlite3"
    monkeypatch.setenv("PSI_DB", str(missing))
    assert values("psi org show ") == []
    assert values("psi meeting show ") == []
    assert complete_in_bash(f"psi --db {missing} org show ")[0] == []
    assert not missing.parent.exists()


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    files = sorted(item.name for item in path.parent.iterdir())
    return hashlib.sha256(path.read_bytes()).hexdigest(), files


def test_an_older_database_is_not_upgraded(db_path: Path) -> None:
    location = locate_db(str(db_path))
    storage.create_private_file(db_path)
    engine = storage.make_engine(location)
    try:
        storage.migrate(engine, "0011")
    finally:
        engine.dispose()
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute(
            "INSERT INTO organisation (name, name_key, short, sector, status, created_at, "
            "updated_at) VALUES ('Föreningen Gammal', 'foreningen gammal', 'FG', "
            "'civil-society', 'member', '2026-01-01', '2026-01-01')"
        )
    connection.close()
    before = _fingerprint(db_path)
    assert values("psi org show F") == []
    assert complete_in_bash("psi org show F")[0] == []
    assert _fingerprint(db_path) == before  # not upgraded, no backup, no WAL left behind


@pytest.mark.parametrize("revision", ["9999", None])
def test_a_newer_database_or_one_not_psis_completes_nothing(
    example_db: Db, db_path: Path, revision: str | None
) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        if revision is None:
            connection.execute("DROP TABLE alembic_version")
        else:
            connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()
    before = _fingerprint(db_path)
    assert values("psi org show MS") == []
    assert values("psi meeting show 1") == []
    assert _fingerprint(db_path) == before


def test_completion_writes_nothing(example_db: Db, run: Run) -> None:
    before = dump(example_db)
    fingerprint = _fingerprint(example_db) if isinstance(example_db, Path) else None
    assert values("psi org show MS") == ["MSI"]
    assert values("psi meeting show 12") == ["12"]
    assert complete_in_bash("psi meeting show 12")[0] == ["12"]
    assert dump(example_db) == before
    if isinstance(example_db, Path):
        assert _fingerprint(example_db) == fingerprint
    ok(run, "org", "show", "MSI")  # and psi still opens it as before


# --- bash ------------------------------------------------------------------------------------


def test_bash_gets_each_value_as_one_word_and_the_words_beside_several(example_db: Db) -> None:
    printed, _loaded = complete_in_bash("psi org show Exempelstiftelsen")
    assert printed == [r"Exempelstiftelsen\ Bron\ \(exempel\)"]
    # A name typed with a quoted space goes on completing.
    printed, _loaded = complete_in_bash(r"psi org show Exempelkommunen\ N")
    assert printed == [r"Exempelkommunen\ Norra\ \(exempel\)"]
    printed, _loaded = complete_in_bash("psi meeting show 1")
    assert "12  (2025-02-20 Stormöte: social innovation i föreningslivet (exempel))" in printed
    assert all(line.split("  (")[0].strip().startswith("1") for line in printed)


@pytest.mark.parametrize(
    ("value", "width", "shown", "line"),
    [
        ("au", 8, "AU meeting", "au        (AU meeting)"),
        ("stormote", 8, "General  meeting\n", "stormote  (General meeting)"),
        ("other", 8, "", "other"),
        ("12", 2, "x" * 100, "12  (" + "x" * (DESCRIBED_WIDTH - 7) + "…)"),
        ("x" * 76, 76, "words", "x" * 76),  # no room for a word beside it
    ],
)
def test_a_value_in_bashs_list_is_padded_and_its_words_fit_the_line(
    value: str, width: int, shown: str, line: str
) -> None:
    assert _described(value, width, shown) == line
    assert len(line) <= max(DESCRIBED_WIDTH, len(value))


def test_the_completion_module_loads_nothing_heavy() -> None:
    """Every `psi` run loads psi.completion (psi.cli registers its bash class), `psi --help`
    too: it loads no heavy library, nor the choices' parser, which a completer loads."""
    code = (
        "import sys\n"
        "import psi.completion\n"
        f"print(sorted(m for m in {(*HEAVY, 'psi.domain.choices')!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


@pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("bash") is None, reason="runs bash and a sh script"
)
def test_bashs_own_completion_function_gets_one_value_a_line(
    example_db: Db, tmp_path: Path
) -> None:
    """The script `psi --show-completion` prints for bash, run by bash on a command line
    whose last word is a name begun with a quoted space."""
    program = tmp_path / "bin" / "psi"
    program.parent.mkdir()
    start = "import sys; sys.argv = ['psi']; from psi.__main__ import main; main()"
    program.write_text(
        f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -c {shlex.quote(start)}\n",
        encoding="utf-8",
    )
    program.chmod(0o755)
    environment = {**os.environ, "PATH": f"{program.parent}{os.pathsep}{os.environ['PATH']}"}
    script = subprocess.run(
        [str(program)],
        env={**environment, "_PSI_COMPLETE": "source_bash"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    line = (
        f"{script}\n"
        "COMP_WORDS=(psi org show 'Exempelkommunen\\ ')\n"
        "COMP_CWORD=3\n"
        "_psi_completion psi\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", line],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.splitlines() == [
        r"Exempelkommunen\ Norra\ \(exempel\)",
        r"Exempelkommunen\ Södra\ \(exempel\)",
        r"Exempelkommunen\ Västra\ \(exempel\)",
    ]
