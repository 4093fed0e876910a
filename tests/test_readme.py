"""The README's examples run as written: every psi command in it, in the README's order, on one
new database, the first command being the README's own `psi init --example`.

The README is read top to bottom. Its fenced code blocks marked `sh`, `bash` or `console` hold
the examples (a `text` block is not run). A `console` block is a terminal session: each line
starting with `$ ` is a command, and the lines after it up to the next are what it prints (its
standard output and error, as psi writes them when they are not a terminal), which must be
exactly what it prints now. Each command runs in-process (Typer's CliRunner) with the current
folder and HOME in a temporary folder, so the files the examples write (`-o medlemmar.csv`,
`psi db backup`) land there and later examples can read them. A line is read as a shell reads
it:

- a line ending in `\\` goes on on the next one; a `#` that starts a word outside quotes begins
  a comment;
- the line is split with `shlex.split`; `&&`, `||`, `;` and `|` separate commands, and only the
  commands starting with `psi` run (`pip`, `pytest`, `cp`, `export`, `head` ... do not);
  `NAME=value psi ...` sets the environment variable for that command; `> FILE` writes the
  command's standard output to FILE; a word starting with `~/` is in HOME;
- a synopsis runs in its shortest form: the optional parts in square brackets are left out
  (`psi org list [--json]` runs `psi org list`); outside them a command holds no placeholder
  (`FILE`, `ORG`, `YEAR` ...), but a real name, number or file;
- `cat > FILE <<'EOF'` followed by lines and a line `EOF` (a here-document) writes FILE, so the
  README shows how each file an example reads is made.

Three markers:

- `# refused (exit N): why` in the comment of a command's line: the example shows a refusal.
  The command must exit with code N (the README's table of exit codes, `psi.errors.ExitCode`),
  print an error line (`Error:`, or `Fel:` when it runs as `PSI_LANG=sv psi ...`) and leave
  the database as it was.
- `SQLite only` in the comment of a command's line: the command runs only when the test's
  database is a SQLite file (`psi db restore`); on PostgreSQL it is left out.
- `<!-- not run by tests/test_readme.py: why -->` on the line before a code block: its commands
  are not run (a PostgreSQL server, changing the user's shell set-up). Hidden when rendered.

Every other command must succeed (exit code 0). Commands that ask for confirmation carry
`--yes` in the README. The README's dates are written out, so the story holds on any day from
2026-12-01 (the last past day it records) on. Every psi command has an example that runs.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest
from typer.core import TyperGroup
from typer.main import get_command
from typer.testing import Result

from psi.cli import PsiGroup, app
from psi.errors import ExitCode
from psi.words import _
from tests.conftest import Db, Run, dump

README = Path(__file__).resolve().parent.parent / "README.md"

SHELL_BLOCKS = {"sh", "bash", "console", "shell"}
SKIP_BLOCK = re.compile(r"<!--\s*not run by tests/test_readme\.py\b")
REFUSED = re.compile(r"\brefused \(exit (\d+)\)")
SQLITE_ONLY = re.compile(r"\bSQLite only\b")
PLACEHOLDERS = {"FILE", "URL", "ORG", "YEAR", "DATE", "PLAN", "NAME", "TEXT", "N", "PATH", "DIR"}
PLACEHOLDERS |= {"EMAIL", "AMOUNT", "CAT", "PERSON", "KIND", "S", "M", "KEY", "VALUE"}
HEREDOC = re.compile(r"^cat\s+>\s*(\S+)\s+<<-?\s*(['\"]?)(\w+)\2\s*$")
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
OPERATORS = {"&&", "||", ";", "|"}


@dataclass(frozen=True)
class Step:
    """One thing the README does: run a psi command, or write a file (a here-document)."""

    line: int
    """The README's line where the command starts."""
    text: str
    """The command as the README writes it, for messages."""
    args: tuple[str, ...] = ()
    """The words after `psi`."""
    env: dict[str, str] = field(default_factory=dict)
    stdout_to: str | None = None
    refused: int | None = None
    """The exit code a refusal must give; None for a command that must succeed."""
    sqlite_only: bool = False
    writes: tuple[str, str] | None = None
    """A here-document: the file and what it holds."""
    shown: tuple[str, ...] | None = None
    """What a `console` block shows the command print; None outside one."""


def code_blocks(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """The shell code blocks to run: the README line number of each one's first line, its
    language and its lines."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = lines[index].strip()
        if not opening.startswith("```"):
            index += 1
            continue
        language = opening[3:].strip()
        end = index + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = lines[index + 1 : end]
        before = index - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        skipped = before >= 0 and SKIP_BLOCK.search(lines[before]) is not None
        if language in SHELL_BLOCKS and not skipped:
            yield index + 2, language, body
        index = end + 1


def split_comment(line: str) -> tuple[str, str]:
    """A line's code and its comment, as a shell splits them: `#` starting a word outside
    quotes."""
    quote: str | None = None
    escaped = False
    for position, char in enumerate(line):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (position == 0 or line[position - 1].isspace()):
            return line[:position], line[position + 1 :].strip()
    return line, ""


def steps_of(text: str) -> Iterator[Step]:
    """Every step of the README, in order."""
    for first, language, body in code_blocks(text):
        yield from (_session if language == "console" else _script)(first, body)


def _session(first: int, body: list[str]) -> Iterator[Step]:
    """The steps of a `console` block: each `$ ` line's command, with the lines shown after
    it (a line of several commands shows none, and is not checked)."""
    commands = [index for index, line in enumerate(body) if line.startswith("$ ")]
    assert body and commands[:1] == [0], f"README line {first}: a session starts with `$ `"
    for index, end in zip(commands, [*commands[1:], len(body)], strict=True):
        steps = list(_script(first + index, [body[index][2:]]))
        shown = tuple(body[index + 1 : end])
        assert len(steps) == 1 or not shown, (
            f"README line {first + index}: a session shows the output of one command a line"
        )
        yield from (replace(step, shown=shown if len(steps) == 1 else None) for step in steps)


def _script(first: int, body: list[str]) -> Iterator[Step]:
    """The steps of a `sh` block's lines."""
    index = 0
    while index < len(body):
        start = first + index
        code, comment = split_comment(body[index])
        index += 1
        while not comment and code.rstrip().endswith("\\") and index < len(body):
            more, comment = split_comment(body[index])
            code = code.rstrip()[:-1] + " " + more
            index += 1
        code = code.strip()
        heredoc = HEREDOC.match(code)
        if heredoc:
            content: list[str] = []
            while index < len(body) and body[index].strip() != heredoc.group(3):
                content.append(body[index])
                index += 1
            index += 1
            yield Step(start, code, writes=(heredoc.group(1), "\n".join(content) + "\n"))
            continue
        if code:
            yield from _commands(start, code, comment)


def _commands(line: int, code: str, comment: str) -> Iterator[Step]:
    refused = REFUSED.search(comment)
    segments: list[list[str]] = [[]]
    for word in shlex.split(code):
        if word in OPERATORS:
            segments.append([])
        else:
            segments[-1].append(word)
    commands = []
    for words in segments:
        env: dict[str, str] = {}
        while words and ASSIGNMENT.match(words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = _home(value)
        if words and words[0] == "psi":
            commands.append((env, words[1:]))
    if refused:
        assert len(commands) == 1, f"README line {line}: a refusal is one command on its line"
    for env, words in commands:
        args: list[str] = []
        stdout_to = None
        optional = 0
        iterator = iter(words)
        for word in iterator:
            if optional or word.startswith("["):
                optional += word.count("[") - word.count("]")
                continue
            if word in {">", ">>"}:
                stdout_to = _home(next(iterator))
                continue
            args.append(_home(word))
        yield Step(
            line,
            code,
            tuple(args),
            env,
            stdout_to,
            int(refused.group(1)) if refused else None,
            SQLITE_ONLY.search(comment) is not None,
        )


def _home(word: str) -> str:
    """A word as the shell gives it: `~/` is the home folder."""
    if word == "~" or word.startswith("~/"):
        return os.environ["HOME"] + word[1:]
    return word


SAMPLE = """\
```sh
python3 -m venv .venv && . .venv/bin/activate && psi init --example && psi org list
psi org list [--sector S] [--status member|former|all] [--json]   # the register
psi org add "Nora IF" --sector civil-society \\
    --municipality nora --joined 2026-03-10
psi org remove activa --yes   # refused (exit 5): the meetings refer to it
psi db restore kopia.sqlite3 --yes   # SQLite only
PSI_TEMPLATES=~/mallar psi report followup 2025 > uppföljning.md
psi org list | head -1
cat > anteckningar.txt <<'EOF'
§ 5
# a heading, not a comment
EOF
```
<!-- not run by tests/test_readme.py: needs a server -->
```sh
psi db copy --to postgresql://server/psi
```
```console
$ psi status 2026
PSI 2026
$ PSI_LANG=sv psi meeting show 999   # refused (exit 3): no such meeting
Fel: Det finns inget möte 999; se `psi meeting list`.
$ psi org list --json > register.json && psi --version
$ psi db path > where.txt
```
"""


def test_the_readme_is_read_by_the_rules_above() -> None:
    steps = list(steps_of(SAMPLE))
    assert [(step.line, shlex.join(step.args)) for step in steps] == [
        (2, "init --example"),
        (2, "org list"),
        (3, "org list"),
        (4, "org add 'Nora IF' --sector civil-society --municipality nora --joined 2026-03-10"),
        (6, "org remove activa --yes"),
        (7, "db restore kopia.sqlite3 --yes"),
        (8, "report followup 2025"),
        (9, "org list"),
        (10, ""),
        (20, "status 2026"),
        (22, "meeting show 999"),
        (24, "org list --json"),
        (24, "--version"),
        (25, "db path"),  # prints nothing on the terminal: its output goes to where.txt
    ]
    assert [step.refused for step in steps] == [None] * 4 + [5] + [None] * 5 + [3] + [None] * 3
    assert [step.sqlite_only for step in steps] == [False] * 5 + [True] + [False] * 8
    report = steps[6]
    assert report.env == {"PSI_TEMPLATES": f"{os.environ['HOME']}/mallar"}
    assert report.stdout_to == "uppföljning.md"
    assert steps[8].writes == ("anteckningar.txt", "§ 5\n# a heading, not a comment\n")
    # A session's command is checked against the lines after it; a line of two is not.
    assert [step.shown for step in steps[9:]] == [
        ("PSI 2026",),
        ("Fel: Det finns inget möte 999; se `psi meeting list`.",),
        None,
        None,
        (),
    ]
    assert steps[10].env == {"PSI_LANG": "sv"}


def _checked(run: Run, session: str) -> list[str]:
    """What is wrong with each command of a `console` block run on the example register."""
    problems = []
    for step in steps_of(f"```console\n{session}```\n"):
        with pytest.MonkeyPatch.context() as patch:
            for name, value in step.env.items():
                patch.setenv(name, value)
            error = _("Error: {message}").format(message="")
            problems.append(problem_of(step, run(*step.args), error))
    return problems


def test_a_session_is_checked_in_the_language_it_runs_in(run: Run, example_db: Db) -> None:
    assert _checked(
        run,
        "$ PSI_LANG=sv psi meeting show 999   # refused (exit 3)\n"
        "Fel: Det finns inget möte 999; se `psi meeting list`.\n"
        "$ psi meeting show 999   # refused (exit 3)\n"
        "Error: There is no meeting 999; see `psi meeting list`.\n"
        "$ PSI_LANG=sv psi org list --sector näringsliv\n"
        "Namn                                      Sektor      Kommun     Status  Inträde\n"
        "Exempelbolaget Socialt företag (exempel)  näringsliv  Degerfors  medlem  2022-06-20\n"
        "1 organisation.\n"
        "$ psi org list --json > register.json\n",
    ) == ["", "", "", ""]


def test_a_session_that_shows_other_than_psi_prints_fails(run: Run, example_db: Db) -> None:
    assert _checked(
        run,
        "$ psi meeting show 999   # refused (exit 3)\n"
        "Fel: Det finns inget möte 999; se `psi meeting list`.\n"
        "$ PSI_LANG=sv psi meeting show 999   # refused (exit 4)\n"
        "$ PSI_LANG=sv psi org list --sector näringsliv\n"
        "Namn                                      Sektor      Kommun     Status  Inträde\n"
        "$ PSI_LANG=sv psi org list --sector näringsliv\n",
    ) == [
        "output line 1 is 'Error: There is no meeting 999; see `psi meeting list`.', "
        "the README shows 'Fel: Det finns inget möte 999; se `psi meeting list`.'",
        "exit code 3, the README says 4",
        "output line 2 is 'Exempelbolaget Socialt företag (exempel)  näringsliv  Degerfors  "
        "medlem  2022-06-20', the README shows ''",
        "output line 1 is 'Namn                                      Sektor      Kommun     "
        "Status  Inträde', the README shows ''",
    ]


def psi_commands() -> set[tuple[str, ...]]:
    """Every command psi has, as the words that name it: `("org", "add")`."""
    found: set[tuple[str, ...]] = set()

    def walk(command: Any, path: tuple[str, ...]) -> None:
        if not isinstance(command, TyperGroup):
            found.add(path)
            return
        for name in command.list_commands(None):  # type: ignore[arg-type]
            if isinstance(command, PsiGroup):  # the root holds stand-ins until a command is used
                walk(command.load(name), (*path, name))
            else:
                walk(command.get_command(None, name), (*path, name))  # type: ignore[arg-type]

    walk(get_command(app), ())
    return found


def test_every_psi_command_has_an_example_in_the_readme() -> None:
    run = [step.args for step in steps_of(README.read_text(encoding="utf-8"))]
    missing = sorted(
        " ".join(path)
        for path in psi_commands()
        if not any(args[: len(path)] == path for args in run)
    )
    assert not missing, f"No example in README.md runs psi {', psi '.join(missing)}"


def problem_of(step: Step, result: Result, error: str) -> str:
    """What is wrong with what a step's command did, "" for nothing: its exit code, a refusal
    without an `error` line (`Error: `, in the language it ran in), or output other than its
    session shows (line by line, trailing spaces aside)."""
    expected = ExitCode.OK if step.refused is None else step.refused
    if result.exit_code != expected:
        return f"exit code {result.exit_code}, the README says {expected}"
    if step.refused is not None and not result.stderr.startswith(error):
        return f"a refusal without an `{error.strip()}` line"
    if step.shown is not None:  # a terminal shows standard error only, when output goes to a file
        printed = _lines((result.output if step.stdout_to is None else result.stderr).splitlines())
        shown = _lines(step.shown)
        for number, (got, wanted) in enumerate(zip_longest(printed, shown, fillvalue=""), 1):
            if got != wanted:
                return f"output line {number} is {got!r}, the README shows {wanted!r}"
    return ""


def _lines(lines: Iterable[str]) -> list[str]:
    """Lines as a terminal shows them: trailing spaces and empty lines at the end left out."""
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    return kept


def test_every_readme_example_runs_in_order(
    run: Run, db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every psi command in the README, in order, on one new database: each succeeds, or is
    refused with the exit code the README says."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("PSI_TEMPLATES", raising=False)
    monkeypatch.chdir(work)
    steps = list(steps_of(README.read_text(encoding="utf-8")))
    assert steps and steps[0].args == ("init", "--example"), "the README starts with the example"
    failures: list[str] = []
    for step in steps:
        if step.writes is not None:
            name, content = step.writes
            (work / name).write_text(content, encoding="utf-8")
            continue
        if step.sqlite_only and not isinstance(db, Path):
            continue
        placeholders = PLACEHOLDERS.intersection(step.args)
        if placeholders:
            failures.append(
                f"README line {step.line}: {step.text}\n  a placeholder: {placeholders}"
            )
            continue
        before = dump(db) if step.refused is not None else None
        with monkeypatch.context() as patch:
            for name, value in step.env.items():
                patch.setenv(name, value)
            error = _("Error: {message}").format(message="")  # "Fel: " under PSI_LANG=sv
            try:
                result = run(*step.args)
            except Exception as raised:  # a bug: report it with the README line
                failures.append(f"README line {step.line}: {step.text}\n  raised {raised!r}")
                continue
        if step.stdout_to is not None:
            (work / step.stdout_to).write_bytes(result.stdout_bytes)
        problem = problem_of(step, result, error)
        if not problem and step.refused is not None and dump(db) != before:
            problem = "a refusal that changed the database"
        if problem:
            failures.append(
                f"README line {step.line}: psi {shlex.join(step.args)}\n  {problem}\n"
                + "\n".join(f"  | {line}" for line in result.output.splitlines()[-8:])
            )
    assert not failures, f"{len(failures)} README examples fail:\n" + "\n".join(failures)
