"""The command line as a whole: help, version, start-up cost, and how errors reach the user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.core import TyperGroup as Group
from typer.main import get_command
from typer.testing import CliRunner

import psi.cli
from psi import __version__
from psi.cli import app
from psi.errors import ExitCode
from tests.conftest import Run

HEAVY = ("sqlmodel", "sqlalchemy", "alembic", "jinja2", "typst")
GENERATED_OPTIONS = {"--help", "--install-completion", "--show-completion"}


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command under `command`, loading lazily loaded ones (as running them would)."""
    yield path, command
    if isinstance(command, Group):
        for name in command.list_commands(None):  # type: ignore[arg-type]
            yield from walk(child(command, name), (*path, name))


def child(group: Any, name: str) -> Any:
    """A subcommand, loaded: the root group holds stand-ins until a command is used."""
    if isinstance(group, psi.cli.PsiGroup):
        return group.load(name)
    return group.get_command(None, name)  # type: ignore[arg-type]


COMMANDS = list(walk(get_command(app)))


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "psi" for p, _ in COMMANDS]
)
def test_every_command_has_help_ending_with_an_example(
    path: tuple[str, ...], command: object
) -> None:
    help_text = getattr(command, "help", None)
    assert help_text and help_text.strip(), f"psi {' '.join(path)} has no help"
    epilog = getattr(command, "epilog", None) or ""
    assert epilog.startswith("Example: psi"), f"psi {' '.join(path)} has no example"
    for param in getattr(command, "params", []):
        names = set(getattr(param, "opts", []))
        if names & GENERATED_OPTIONS:
            continue
        assert getattr(param, "help", None), f"psi {' '.join(path)}: {param.name} has no help"


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "psi" for p, _ in COMMANDS]
)
def test_help_runs_and_shows_the_example(path: tuple[str, ...], command: object) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example: psi" in result.stdout


def _modules_after(args: list[str], wanted: str = repr(HEAVY)) -> list[str]:
    code = (
        "import sys\n"
        f"sys.argv = ['psi', *{args!r}]\n"
        "from psi.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {wanted} if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return list(json.loads(result.stdout.strip().splitlines()[-1].replace("'", '"')))


def test_the_console_script_runs_without_the_cycle_collector() -> None:
    code = (
        "import atexit, gc, sys\n"
        "sys.argv = ['psi', '--version']\n"
        "atexit.register(lambda: print('collector on:', gc.isenabled()))\n"
        "from psi.__main__ import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "collector on: False"


@pytest.mark.parametrize(
    "args", [["--help"], ["org", "--help"], ["org", "add", "--help"], ["--version"]]
)
def test_help_imports_no_heavy_library(args: list[str]) -> None:
    assert _modules_after(args) == []


COMMAND_MODULES = "[m for m in sys.modules if m.startswith('psi.commands.') and m[13] != '_']"


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["--help"], []),
        (["--version"], []),
        (["org", "--help"], ["psi.commands.org"]),
        (["coordinators", "--help"], ["psi.commands.rotate"]),
        (["report", "followup", "--help"], ["psi.commands.report"]),
    ],
)
def test_only_the_command_asked_for_is_loaded(args: list[str], loaded: list[str]) -> None:
    assert _modules_after(args, COMMAND_MODULES) == loaded


@pytest.mark.parametrize("name", list(psi.cli.COMMANDS))
def test_each_summary_in_the_root_help_is_the_commands_own(name: str) -> None:
    command = psi.cli.load_command(name)
    assert command.name == name
    assert command.help is not None
    assert command.help.strip().splitlines()[0] == psi.cli.COMMANDS[name].summary


def _root_help(load_everything: bool) -> str:
    code = (
        "import typer.main, psi.cli\n"
        "group = typer.main.get_command(psi.cli.app)\n"
        f"if {load_everything}:\n"
        "    for name in psi.cli.COMMANDS:\n"
        "        group.load(name)\n"
        "group.main(['--help'], prog_name='psi')\n"
    )
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_root_help_is_the_same_before_and_after_the_commands_are_loaded() -> None:
    lazy = _root_help(load_everything=False)
    assert "rotate" in lazy and "Keep the register of member organisations" in lazy
    assert lazy == _root_help(load_everything=True)


def test_a_mistyped_command_is_still_suggested(run: Run) -> None:
    result = run("rotatee", "2026")
    assert result.exit_code == ExitCode.USAGE
    assert "Did you mean 'rotate'?" in result.stderr


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.stdout.strip() == f"psi {__version__}"


def test_python_dash_m_psi_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "psi", "--db", str(tmp_path / "m.sqlite3"), "init", "--example"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "psi", "--db", str(tmp_path / "m.sqlite3"), "org", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Örebro Föreningsråd" in listed.stdout
    assert "│" not in listed.stdout  # piped: plain text, no table borders


def test_a_user_error_is_one_line_without_traceback(run: Run, example_db: Path) -> None:
    result = run("org", "show", "finns inte alls")
    assert result.exit_code == ExitCode.NOT_FOUND
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in result.output


def test_debug_shows_the_exception(run: Run, example_db: Path) -> None:
    from psi.errors import NotFound

    with pytest.raises(NotFound):
        run("--debug", "org", "show", "finns inte alls")


def test_psi_debug_environment_variable(
    run: Run, example_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psi.errors import NotFound

    monkeypatch.setenv("PSI_DEBUG", "1")
    with pytest.raises(NotFound):
        run("org", "show", "finns inte alls")


def test_an_unexpected_failure_is_one_line_with_exit_code_1(
    run: Run, example_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from psi.services import orgs

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(orgs, "list_orgs", broken)
    result = run("org", "list")
    assert result.exit_code == ExitCode.INTERNAL
    assert "--debug" in result.stderr
    assert "Traceback" not in result.output


def test_usage_errors_keep_the_parsers_exit_code(run: Run, example_db: Path) -> None:
    result = CliRunner().invoke(app, ["org", "add", "Namnlös"])
    assert result.exit_code == ExitCode.USAGE


def test_exit_codes_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {int(code)} |" in readme, f"exit code {code.name} is not in the README"


@pytest.mark.parametrize("terminal", [False, True])
def test_names_are_printed_as_typed_never_as_emoji(empty_db: Path, terminal: bool) -> None:
    # Rich turned ":heart:" into ❤ in every message until its emoji codes were switched off.
    env = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"} if terminal else None
    runner = CliRunner()
    name = "Föreningen :heart: [bold]Hjärtat[/bold]"
    added = runner.invoke(app, ["org", "add", name, "--sector", "other"], env=env)
    assert added.exit_code == 0, added.output
    shown = runner.invoke(app, ["org", "show", name], env=env)
    assert shown.exit_code == 0, shown.output
    for output in (added.stdout, shown.stdout):
        assert name in output
        assert "❤" not in output


def test_a_piped_command_does_not_import_rich(tmp_path: Path) -> None:
    database = tmp_path / "p.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "psi", "--db", str(database), "init", "--example"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    code = (
        "import sys\n"
        f"sys.argv = ['psi', '--db', {str(database)!r}, 'org', 'list']\n"
        "from psi.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.startswith('rich'))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert "Örebro Föreningsråd" in result.stdout
    assert result.stderr == "[]"


# --- options shared by several commands are declared once (psi/commands/_options.py) -----------


def _params(opt: str) -> list[tuple[tuple[str, ...], Any]]:
    return [
        (path, param)
        for path, command in COMMANDS
        for param in getattr(command, "params", [])
        if opt in getattr(param, "opts", [])
    ]


JSON_OPTIONS = _params("--json")


@pytest.mark.parametrize(
    ("path", "param"), JSON_OPTIONS, ids=[" ".join(path) for path, _ in JSON_OPTIONS]
)
def test_every_json_option_has_the_one_help_text(path: tuple[str, ...], param: Any) -> None:
    from psi.commands._options import AsJson

    assert param.help == AsJson.__metadata__[0].help


def test_shared_options_have_one_help_text_everywhere() -> None:
    assert len(JSON_OPTIONS) >= 15
    for opt in ("--yes", "--dry-run"):
        found = _params(opt)
        assert len(found) >= 2, opt
        assert len({param.help for _, param in found}) == 1, opt


YEAR_PARAMS = [
    (path, param)
    for path, command in COMMANDS
    for param in getattr(command, "params", [])
    if param.name in ("year", "first", "last")
]


@pytest.mark.parametrize(
    ("path", "param"), YEAR_PARAMS, ids=[f"{' '.join(p)} {q.name}" for p, q in YEAR_PARAMS]
)
def test_every_year_rejects_an_out_of_range_year_with_the_same_message(
    run: Run, path: tuple[str, ...], param: Any
) -> None:
    typed = [] if param.param_type_name == "argument" else [param.opts[0]]
    result = run(*path, *typed, "1999")
    assert result.exit_code == ExitCode.INVALID, result.output
    assert result.stderr == "Error: 1999 is not a year psi works with; give a year such as 2027.\n"


def test_every_year_argument_is_found() -> None:
    assert len(YEAR_PARAMS) >= 20
