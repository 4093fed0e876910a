"""Issue 9: hostile text, dates, amounts and names in every argument of every command.

The command tree is read from the real app, so a command added later is covered without
touching this file. Every generated command line runs in-process against a copy of the
example register; whatever it is given, psi must end with success or one of the documented
exit codes, never with a traceback or an internal error, and the database must pass
`psi db check` afterwards.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import tempfile
import traceback
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, get_args

import pytest
import typer.main
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from typer.core import TyperGroup as Group
from typer.testing import CliRunner, Result

import psi
import psi.cli
from psi.errors import ExitCode
from psi.reports.render import builtin_templates
from tests.conftest import Db, PostgresServer, drop_database, new_database, postgres_server

# ---------------------------------------------------------------------------------------------
# The command tree, as the real app builds it
# ---------------------------------------------------------------------------------------------

SKIPPED_OPTIONS = frozenset(
    {"--help", "-h", "--install-completion", "--show-completion", "--version"}
)
# Parameters that name a file or folder (by name, by type, or by their help text): they only
# ever get paths inside the example's temporary folder, so that no command writes elsewhere.
FILE_PARAMETERS = frozenset({"output", "ics", "copy", "templates", "minutes", "file", "to"})
FILE_HELP = re.compile(r"\b(file|path|folder|directory)\b", re.IGNORECASE)
T = TypeVar("T")
DOCUMENTED = frozenset(int(code) for code in ExitCode) - {int(ExitCode.INTERNAL)}


@dataclass(frozen=True)
class Param:
    """One click parameter of a leaf command, reduced to what a command line needs."""

    name: str
    opts: tuple[str, ...]  # empty for a positional argument
    is_flag: bool
    multiple: bool
    required: bool
    kind: str  # "int", "path" or "text"


@dataclass(frozen=True, repr=False)
class Leaf:
    """A command that runs something (not a group), with its parameters."""

    path: tuple[str, ...]
    params: tuple[Param, ...]

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def __repr__(self) -> str:
        return f"<psi {self.name}>"


def _types_of(annotation: Any) -> set[Any]:
    found: set[Any] = set()
    stack = [annotation]
    while stack:
        item = stack.pop()
        inner = get_args(item)
        if inner:
            stack.extend(inner)
        else:
            found.add(item)
    return found


def _kind(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    types = _types_of(getattr(descriptor, "annotation", None))
    click_type = getattr(param, "type", None)
    click_name = str(getattr(click_type, "name", "")).lower()
    if (
        param.name in FILE_PARAMETERS
        or Path in types
        or click_name == "path"
        or FILE_HELP.search(str(getattr(param, "help", None) or ""))
    ):
        return "path"
    if int in types or click_name == "integer":
        return "int"
    return "text"


def _param(param: Any) -> Param:
    is_option = param.param_type_name == "option"
    opts = tuple(param.opts) + tuple(param.secondary_opts) if is_option else ()
    return Param(
        name=param.name,
        opts=opts,
        is_flag=bool(getattr(param, "is_flag", False)) and is_option,
        multiple=bool(param.multiple),
        required=bool(param.required),
        kind=_kind(param),
    )


def _leaves(command: Any, path: tuple[str, ...] = ()) -> list[Leaf]:
    if isinstance(command, Group):
        return [
            leaf
            for name in sorted(command.list_commands(None))  # type: ignore[arg-type]
            for leaf in _leaves(
                command.load(name)
                if isinstance(command, psi.cli.PsiGroup)
                else command.get_command(None, name),  # type: ignore[arg-type]
                (*path, name),
            )
        ]
    params = tuple(
        _param(param)
        for param in command.params
        if not SKIPPED_OPTIONS.intersection(getattr(param, "opts", ()))
    )
    return [Leaf(path, params)]


LEAVES = _leaves(typer.main.get_command(psi.cli.app))
# Commands that print, render or export what the register holds.
READERS = [
    leaf
    for leaf in LEAVES
    if {"as_json", "file_format", "output"} & {param.name for param in leaf.params}
]

# ---------------------------------------------------------------------------------------------
# Hostile values
# ---------------------------------------------------------------------------------------------

EXAMPLE = json.loads((Path(psi.__file__).parent / "data" / "example.json").read_text("utf-8"))
ORG_NAMES = sorted(
    {org["name"] for org in EXAMPLE["organisations"]}
    | {org["short"] for org in EXAMPLE["organisations"] if org.get("short")}
)
PEOPLE = sorted(
    {person["name"] for person in EXAMPLE["contacts"]}
    | {person["email"] for person in EXAMPLE["contacts"] if person.get("email")}
)
OTHER_NAMES = sorted(
    {plan["title"] for plan in EXAMPLE["plans"]}
    | {goal[0] for plan in EXAMPLE["plans"] for goal in plan["goals"]}
    | {meeting["title"] for meeting in EXAMPLE["meetings"] if meeting.get("title")}
    | {activity["title"] for activity in EXAMPLE["activities"]}
)
# Words psi knows, valid and nearly valid, by what they are for.
WORDS: dict[str, list[str]] = {
    "sector": ["civil-society", "municipality", "region", "state", "academia", "business", "other"],
    "status": ["member", "prospect", "partner", "former", "all", "active", "planned", "held"],
    "status2": ["cancelled", "ongoing", "done", "carried", "pending", "accepted", "declined"],
    "kind": ["au", "stormote", "stormöte", "msi", "other", "member-dialogue", "recruitment"],
    "kind2": ["website", "social-media", "AU", "möte"],
    "category": ["personnel", "venue", "catering", "communication", "travel", "other", "lön"],
    "category2": ["arvode", "lokal", "fika", "mat", "Fika"],
    "file_format": ["md", "pdf", "docx", "odt", "html", "csv", "json", "PDF", "txt"],
    "lang": ["sv", "en", "de", "SV", ""],
    "key": ["name", "short-name", "founded", "county", "region", "committee", "signer"],
    "key2": ["signer-title", "default-grant", "meeting-place", "nonexistent-key"],
    "municipality": ["orebro", "Örebro", "ÖREBRO", "1880", "1881", "other:Stockholm", "other:"],
    "municipality2": ["Kumla", "nora", "lindesberg", "LAXÅ", "laxa", "other: "],
    "au": ["2nd tuesday", "last thursday", "1st fredag", "5th friday", "0th monday", "every day"],
    "au2": [
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=DAILY",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=MONTHLY;BYDAY=9MO",
    ],
    "slot": ["13:00-15:00", "25:00-26:00", "15:00-13:00", "13:00", "9-10", "13.00-15.00"],
    "slot2": ["00:00-00:00", "23:59-00:01", "09:00-09:00"],
    "orgnr": ["802412-3450", "232100-0164", "000000-0000", "8024123450", "802412-345"],
    "orgnr2": ["19802412-3450", "802412-3451"],
    "email": ["anna@example.se", "@", "a@b", "not an e-mail", "ANNA.EXEMPELSSON@EXAMPLE.ORG"],
    "phone": ["019-123 45 67", "+46 19 00 00 01", "0", "phone"],
    "link": ["https://meet.example.se/psi", "www.example.se", "javascript:alert(1)", "http://"],
    "link2": ["ftp:", "https://", "mailto:x@y", "https://meet.example.se/psi?x=<b>"],
    "goal": ["M1", "M2", "M3", "M4", "m1", "M5"],
}
VOCABULARY = sorted({word for words in WORDS.values() for word in words})
MARKUP = [
    '#read("x")',
    '#read("/etc/passwd")',
    '#import "x.typ": *',
    "#panic()",
    "#pagebreak()",
    "#set page(width: 1pt, height: 1pt)",
    "*",
    "**",
    "_",
    "|",
    "| a | b |\n|---|---|",
    "`",
    "```",
    "$x$",
    "$$",
    "\\",
    "# Rubrik",
    "- lista",
    "1. punkt",
    "> citat",
    "[länk](javascript:alert(1))",
    "![bild](/etc/passwd)",
    "<script>alert(1)</script>",
    "<!--",
    "{{ 7*7 }}",
    "{% raw %}",
    "{#",
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\\begin{document}",
    "::: {.x}",
    "[^1]",
    "@cite",
    "~~x~~",
]
SQL = [
    "'; DROP TABLE organisation; --",
    "' OR '1'='1",
    '" OR ""="',
    "%",
    "_",
    "%_%",
    "Robert'); DROP TABLE meeting;--",
    "1; DELETE FROM expense",
    "\\' OR 1=1 --",
]
AMOUNTS = [
    "200 000 kr",
    "200000",
    "200000kr",
    "1 234,50",
    "1234.50",
    "-5",
    "0",
    "-0",
    "1,234",
    "1.234,56",
    "1,234.56",
    "1e9",
    "1E-9",
    "0,001",
    "0.005",
    "nan",
    "inf",
    "-inf",
    "kr",
    " kr",
    "200 000 SEK",
    "200:-",
    "99999999999999999999",
    "99999999999999999999,99",
    "١٢٣",  # Arabic-Indic digits
    "１２３",  # fullwidth digits
    "²",
    "1\u00a0234",
    "1\u202f234",
    "0x10",
    "1_000",
]
BAD_DATES = [
    "2026-02-30",
    "2026-02-29",
    "2024-02-29",
    "2026-13-01",
    "2026-00-10",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "31/12/2026",
    "12/31/2026",
    "2026/03/10",
    "10.03.2026",
    "20260310",
    "2026-3-1",
    " 2026-03-10 ",
    "2026-03-10T12:00",
    "2026-W10",
    "2026-W10-2",
    "10 mars 2026",
    "March 10, 2026",
    "idag",
    "igår",
    "imorgon",
    "today",
    "tomorrow",
    "yesterday",
    "+2026-03-10",
    "-2026-03-10",
]
CONTROL = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\u0301",
    "\U0001f600",
    "å",
    "Ö",
    "ß",
    "İ",
    "ﬀ",
]


def _fold(text: str) -> str:
    return "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )


def _variant(name: str, length: int, how: str) -> str:
    changed = {"as is": name, "lower": name.lower(), "upper": name.upper(), "fold": _fold(name)}
    return changed[how][:length]


@st.composite
def _pick(draw: st.DrawFn, *strategies: st.SearchStrategy[T]) -> T:
    return draw(strategies[draw(st.integers(0, len(strategies) - 1))])


def _one(*strategies: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """A value of one of the strategies, each equally likely (st.one_of flattens nested
    one_of's, which would weight each by its number of branches); shrinks towards the first.
    Deferred, so that its repr in a failure's report stays short."""
    return st.deferred(lambda: _pick(*strategies))


names = st.builds(
    _variant,
    st.sampled_from(ORG_NAMES + PEOPLE + OTHER_NAMES),
    st.integers(1, 80),
    st.sampled_from(["as is", "lower", "upper", "fold"]),
)
controls = st.lists(st.sampled_from(CONTROL), min_size=1, max_size=12).map("".join)
unicode_text = st.text(max_size=40)
long_text = st.builds(
    lambda piece: (piece * 10_000)[:10_000],
    st.sampled_from(["x", "å", "9", " ", "-", "\u202e", "\x00", "#", "Stiftelsen Activa "]),
)
# Long numbers and links, built when drawn (so that a failure's report stays short).
huge_numbers = st.sampled_from(
    [
        ("", "9", 5_000, ""),
        ("-", "9", 10_000, ""),
        ("0.", "0", 10_000, "1"),
        ("1", "0", 10_000, " kr"),
    ]
).map(lambda parts: parts[0] + parts[1] * parts[2] + parts[3])
long_links = st.integers(100, 5_000).map(lambda n: "https://" + "a" * n + ".se")
numbers = _one(
    st.integers().map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.floats().map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(
        lambda d: str(d).replace(".", ",")
    ),
    st.sampled_from(["99999999999999999999", "-99999999999999999999", "-1", "0", "1.5", "1,5"]),
    huge_numbers,
)
dates = _one(
    st.dates(date(2013, 1, 1), date(2029, 12, 31)).map(date.isoformat),
    st.dates().map(date.isoformat),
    st.builds(
        lambda day, fmt: day.strftime(fmt),
        st.dates(date(1900, 1, 1), date(2100, 12, 31)),
        st.sampled_from(["%d/%m/%Y", "%Y%m%d", "%d.%m.%Y", "%Y-%m-%d %H:%M", "%y-%m-%d", "%b %d"]),
    ),
    st.sampled_from(BAD_DATES),
)
amounts = _one(
    st.sampled_from(AMOUNTS),
    huge_numbers,
    st.builds(
        lambda n, sep, suffix: f"{n:,}".replace(",", sep) + suffix,
        st.integers(-(10**22), 10**22),
        st.sampled_from([" ", "\u00a0", ".", ",", ""]),
        st.sampled_from(["", " kr", "kr", ",50", ".50", ",5", ",999", " öre"]),
    ),
)
fixed = st.sampled_from(["", " ", "-", "--", "---", "-x", "--help", "=", "~", ".", "..", "/"])
atoms = _one(
    unicode_text,
    controls,
    fixed,
    long_text,
    numbers,
    dates,
    amounts,
    names,
    st.sampled_from(MARKUP),
    st.sampled_from(SQL),
    st.sampled_from(VOCABULARY),
)
hostile = _one(atoms, atoms, atoms, st.lists(atoms, min_size=2, max_size=3).map("".join))
plausible_ints = _one(st.integers(0, 40).map(str), st.integers(2013, 2030).map(str))
int_values = _one(plausible_ints, plausible_ints, plausible_ints, hostile)

# ---------------------------------------------------------------------------------------------
# Files and folders, always inside the example's temporary folder
# ---------------------------------------------------------------------------------------------

BUILTIN_TEMPLATES = builtin_templates()
TEMPLATE_NAMES = sorted(path.name for path in BUILTIN_TEMPLATES.iterdir() if path.is_file())
TEMPLATE_SNIPPETS = [
    "{{ undefined_value }}",
    "{{ 1/0 }}",
    "{{ 1 + 'a' }}",
    "{{ '%d' | format('x') }}",
    "{{ 'x' | int(base=1) }}",
    "{{ '' ~ none.x }}",
    "{% for %}",
    "{% include 'nothing.j2' %}",
    "{% extends 'page.typ' %}",
    "{{ 'x' * 3 }}",
    '#panic("x")',
    '#read("/etc/passwd")',
    '#import "nothing.typ"',
    "#let x = ",
    "#{",
    "{{",
    "}}",
]
CSV_HEADERS = [
    "name",
    "short",
    "sector",
    "status",
    "orgnr",
    "municipality",
    "joined",
    "left",
    "website",
    "note",
    "namn",
    "sektor",
    "kommun",
    "date",
    "organisation",
    "amount",
    "category",
    "meeting",
    "datum",
    "belopp",
    "kategori",
]


@dataclass(frozen=True)
class PathValue:
    """A file argument: a path inside the work folder, missing, a file, a folder, or a copy
    of the built-in templates with `content` added to the end of every one."""

    name: str
    kind: str  # "missing", "file", "dir" or "templates"
    content: bytes = b""
    files: tuple[tuple[str, bytes], ...] = ()
    relative: bool = False
    url: bool = False  # written as sqlite:///PATH, as --db and db copy --to also take

    def make(self, work: Path) -> str:
        path = work / "files" / self.name
        (work / "files").mkdir(exist_ok=True)
        try:
            if self.kind == "file":
                path.write_bytes(self.content)
            elif self.kind == "dir":
                path.mkdir()
                for file_name, content in self.files:
                    (path / file_name).write_bytes(content)
            elif self.kind == "templates":
                shutil.copytree(BUILTIN_TEMPLATES, path)
                for template in path.iterdir():
                    template.write_bytes(template.read_bytes() + self.content)
        except (OSError, ValueError):
            pass  # a name the file system refuses (NUL, too long) stays a missing path
        text = str(path.relative_to(work)) if self.relative else str(path)
        return f"sqlite:///{text}" if self.url else text


Token = str | PathValue


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _csv(header: list[str], rows: list[list[str]], separator: str) -> str:
    lines = [separator.join(header), *(separator.join(row) for row in rows)]
    return "\n".join(lines) + "\n"


small_hostile = _one(
    unicode_text, controls, fixed, numbers, dates, amounts, names, st.sampled_from(MARKUP + SQL)
)
csv_text = st.builds(
    _csv,
    st.lists(st.sampled_from(CSV_HEADERS), min_size=0, max_size=7),
    st.lists(st.lists(_one(small_hostile, st.sampled_from(VOCABULARY)), max_size=7), max_size=4),
    st.sampled_from([";", ",", "\t"]),
)
file_text = _one(csv_text, csv_text, hostile, st.sampled_from(TEMPLATE_SNIPPETS))
file_bytes = st.one_of(
    st.builds(_encode, file_text, st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])),
    st.binary(max_size=200),
    st.just(b"SQLite format 3\x00" + bytes(200)),
)
safe_name = st.text(
    st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]),
    min_size=1,
    max_size=30,
).filter(lambda name: name not in {".", ".."})
usual_names = st.builds(
    lambda stem, suffix: stem + suffix,
    safe_name,
    st.sampled_from(["", ".csv", ".pdf", ".md", ".ics", ".docx", ".txt", ".sqlite3"]),
)
file_names = _one(usual_names, usual_names, usual_names, st.just("x\x00y.csv"), st.just("n" * 300))
path_values: st.SearchStrategy[Token] = _one(
    st.builds(PathValue, file_names, st.just("missing"), relative=st.booleans(), url=st.booleans()),
    st.builds(PathValue, file_names, st.just("file"), file_bytes, relative=st.booleans()),
    st.builds(
        PathValue,
        file_names,
        st.just("dir"),
        files=st.lists(st.tuples(st.sampled_from(TEMPLATE_NAMES), file_bytes), max_size=3).map(
            tuple
        ),
        relative=st.booleans(),
    ),
    st.builds(
        PathValue,
        file_names,
        st.just("templates"),
        _one(
            st.sampled_from(TEMPLATE_SNIPPETS),
            st.sampled_from(TEMPLATE_SNIPPETS),
            st.sampled_from(MARKUP),
            hostile,
        ).map(str.encode),
        relative=st.booleans(),
    ),
    # Database URLs that reach nothing outside this machine (port 1 refuses at once).
    st.sampled_from(
        [
            "sqlite://",
            "sqlite:///:memory:",
            "postgresql://nobody@127.0.0.1:1/psi",
            "mysql://nobody@127.0.0.1:1/psi",
            "nosuchdriver://x",
            "sqlite:///",
        ]
    ),
)

# ---------------------------------------------------------------------------------------------
# Command lines
# ---------------------------------------------------------------------------------------------


# Plausible values for parameters by their name, drawn half the time, so that a command line
# gets past its first check more often and the hostile values reach deeper.
org_names = st.builds(
    _variant,
    st.sampled_from(ORG_NAMES),
    st.integers(3, 80),
    st.sampled_from(["as is", "lower", "upper", "fold"]),
)
example_dates = st.dates(date(2014, 1, 1), date(2028, 12, 31)).map(date.isoformat)
DATE_PARAMETERS = ["on", "joined", "decided", "due", "when", "since", "day", "left"]
ORG_PARAMETERS = ["org", "name", "owner", "attended", "asked", "declined", "accepted", "appoint"]
ORG_PARAMETERS += ["keep", "requested_by", "with_", "new_name", "short", "source", "who"]
HINTS: dict[str, st.SearchStrategy[str]] = {
    **{
        name: st.sampled_from(words + WORDS.get(f"{name}2", []))
        for name, words in WORDS.items()
        if not name.endswith("2")
    },
    "website": _one(st.sampled_from(WORDS["link"] + WORDS["link2"]), long_links),
    "link": _one(st.sampled_from(WORDS["link"] + WORDS["link2"]), long_links),
    "code": st.sampled_from(WORDS["goal"]),
    "amount": amounts,
    "plan": st.sampled_from(OTHER_NAMES),
    **dict.fromkeys(DATE_PARAMETERS, example_dates),
    **dict.fromkeys(
        ORG_PARAMETERS,
        _one(
            org_names,
            org_names,
            st.sampled_from(PEOPLE),
            st.builds("{}:{}".format, org_names, _one(st.sampled_from(PEOPLE), hostile)),
        ),
    ),
}


def _confined(value: str) -> str:
    # A text parameter might name a file this walk does not recognise: never an absolute one.
    return f".{value}" if value.startswith(("/", "~")) else value


def _values(param: Param) -> st.SearchStrategy[Token]:
    if param.kind == "path":
        return path_values
    if param.kind == "int":
        return int_values.map(_confined)
    hint = HINTS.get(param.name)
    return (hostile if hint is None else _one(hint, hostile)).map(_confined)


@st.composite
def command_lines(draw: st.DrawFn, leaf: Leaf) -> list[Token]:
    """The command's path, then its arguments and options, some left out, in any order."""
    arguments: list[Token] = []
    for param in (p for p in leaf.params if not p.opts):
        if not param.required and not draw(st.booleans()):
            break  # an optional argument left out: the ones after it go too
        count = draw(st.integers(1, 3)) if param.multiple else 1
        arguments.extend(draw(_values(param)) for _ in range(count))

    options: list[list[Token]] = []
    for param in (p for p in leaf.params if p.opts):
        if not param.required and not draw(st.booleans()):
            continue
        flag = draw(st.sampled_from(param.opts))
        if param.is_flag:
            options.append([flag])
            continue
        count = draw(st.integers(0, 3)) if param.multiple else 1
        for _ in range(max(count, 1) if param.required else count):
            value = draw(_values(param))
            if flag.startswith("--") and isinstance(value, str) and draw(st.booleans()):
                options.append([f"{flag}={value}"])
            else:
                options.append([flag, value])
    options = draw(st.permutations(options))
    flat_options = [token for group in options for token in group]
    if draw(st.booleans()):
        return [*leaf.path, *arguments, *flat_options]
    return [*leaf.path, *flat_options, "--", *arguments]


# ---------------------------------------------------------------------------------------------
# Running psi
# ---------------------------------------------------------------------------------------------

RUNNER = CliRunner()


def _psi(args: Sequence[str], *, input: str | None = None) -> Result:
    return RUNNER.invoke(psi.cli.app, list(args), input=input, catch_exceptions=True)


def _shown(args: Sequence[str]) -> str:
    """The command line as a user would type it (and as Python strings, for control
    characters), very long values shortened."""
    short = [arg if len(arg) <= 80 else f"{arg[:20]}…({len(arg)} chars)" for arg in args]
    return f"psi {shlex.join(short)}\nargv: {short!r}"


def _failure(args: Sequence[str], result: Result, problem: str) -> str:
    if result.exc_info is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(*result.exc_info))
    else:
        trace = ""
    return (
        f"{problem}\n{_shown(args)}\nexit code {result.exit_code}\n"
        f"stdout: {result.stdout[-2000:]!r}\nstderr: {result.stderr[-2000:]!r}\n{trace}"
    )


# `psi report decision` lists on standard error each fact it took from the register, one
# line each: "the amount: 200 000 kronor (psi budget grant 2026 AMOUNT --decided ...)".
DECISION_FACT = re.compile(r"[a-z][^:]*: .+ \(psi .+\)")


def _assert_clean_ending(args: Sequence[str], result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), _failure(
        args, result, "an exception escaped"
    )
    assert result.exit_code != ExitCode.INTERNAL, _failure(args, result, "internal error")
    assert result.exit_code in DOCUMENTED, _failure(args, result, "undocumented exit code")
    assert "Traceback" not in result.output, _failure(args, result, "a traceback was printed")
    if result.exit_code not in (ExitCode.OK, ExitCode.USAGE):
        first_line = result.stderr.splitlines()[0] if result.stderr else ""
        assert first_line.startswith("Error:"), _failure(
            args, result, "an error that does not start with 'Error:'"
        )
    if list(args[:2]) == ["report", "decision"] and result.exit_code == ExitCode.OK:
        # A written draft may list its facts, and nothing else: no error, no warning.
        others = [line for line in result.stderr.splitlines() if not DECISION_FACT.fullmatch(line)]
        assert not others, _failure(args, result, "a decision draft printed more than its facts")


@dataclass(frozen=True)
class Pristine:
    """The example register made once for a test function, and the folder it works in."""

    db: Db
    folder: Path


@pytest.fixture
def example_copy(engine: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pristine]:
    """The example register, made once for the test function in a folder of its own
    (on a server: a database of its own, which each example copies)."""
    monkeypatch.delenv("PSI_DEBUG", raising=False)
    monkeypatch.delenv("PSI_TEMPLATES", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    with tempfile.TemporaryDirectory(prefix="psi-hostile-") as name:
        folder = Path(name)
        # A server's backups go to the user data folder: keep them in this one.
        monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
        pristine = new_database(engine, folder)
        monkeypatch.setenv("PSI_DB", str(pristine))
        made = _psi(["init", "--example"])
        assert made.exit_code == 0, made.output
        if isinstance(pristine, Path):
            assert not Path(f"{pristine}-wal").exists()
        monkeypatch.chdir(folder)
        yield Pristine(pristine, folder)
        drop_database(pristine)


def test_the_walk_finds_every_command() -> None:
    found = {leaf.name for leaf in LEAVES}
    assert {"init", "org add", "meeting held", "budget spend", "db restore", "db check"} <= found
    assert len(found) == len(LEAVES) > 50
    assert all(
        not param.opts or not SKIPPED_OPTIONS & set(param.opts)
        for leaf in LEAVES
        for param in leaf.params
    )
    spend = next(leaf for leaf in LEAVES if leaf.name == "budget spend")
    assert {param.name: param.kind for param in spend.params}["meeting"] == "int"
    held = next(leaf for leaf in LEAVES if leaf.name == "meeting held")
    assert {param.name: param.kind for param in held.params}["minutes"] == "path"


HOSTILE_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def _run_on_a_copy(
    example: Pristine, monkeypatch: pytest.MonkeyPatch, lines: Sequence[tuple[list[Token], str]]
) -> None:
    """Run the command lines one after another on a fresh copy of the example register."""
    with tempfile.TemporaryDirectory(dir=example.folder) as folder:
        work = Path(folder)
        db: Db
        if isinstance(example.db, Path):
            db = work / "psi.sqlite3"
            shutil.copyfile(example.db, db)
        else:
            db = postgres_server().create(template=PostgresServer.name(example.db))
        monkeypatch.setenv("PSI_DB", str(db))
        monkeypatch.chdir(work)
        try:
            for tokens, answer in lines:
                args = [
                    token.make(work) if isinstance(token, PathValue) else token for token in tokens
                ]
                note(_shown(args))
                _assert_clean_ending(args, _psi(args, input=answer))
            check = _psi(["db", "check"])
            assert check.exit_code == 0, _failure(["db", "check"], check, "db check fails")
        finally:
            os.chdir(example.folder)
            drop_database(db)


answers = st.sampled_from(["n\n", "y\n"])


@pytest.mark.parametrize("leaf", LEAVES, ids=lambda leaf: leaf.name.replace(" ", "-"))
@settings(HOSTILE_SETTINGS, max_examples=40)
@given(data=st.data())
def test_hostile_arguments_end_cleanly(
    leaf: Leaf,
    data: st.DataObject,
    example_copy: Pristine,
    monkeypatch: pytest.MonkeyPatch,
    engine: str,
) -> None:
    tokens = data.draw(command_lines(leaf), label="command line")
    answer = data.draw(answers, label="answer at a prompt")
    # How a command line is read does not depend on the engine, and each example copies a
    # database (on a server, a second or more): there, one example in four is run. What
    # hostile values do once stored is the next test's, on every engine at full strength.
    if engine == "postgresql" and data.draw(st.integers(0, 3), label="run on the server") != 0:
        return
    _run_on_a_copy(example_copy, monkeypatch, [(tokens, answer)])


@settings(HOSTILE_SETTINGS, max_examples=100)
@given(data=st.data())
def test_hostile_values_stored_by_one_command_do_not_break_the_next(
    data: st.DataObject, example_copy: Pristine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What one command stored (a name, a note, a date), another prints, renders or exports.
    leaves = data.draw(st.lists(st.sampled_from(LEAVES), min_size=1, max_size=3), label="commands")
    leaves.append(data.draw(st.sampled_from(READERS), label="then"))
    lines = [
        (data.draw(command_lines(leaf), label=leaf.name), data.draw(answers, label="answer"))
        for leaf in leaves
    ]
    _run_on_a_copy(example_copy, monkeypatch, lines)
