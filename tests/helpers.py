"""Plain helpers the test modules share (the fixtures are in conftest.py): run a command that
must succeed or must fail, read `--json` output, build meetings, read documents back.

A test module imports them from here, never from another test module."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

from psi.domain.duties import YearFacts
from psi.errors import ExitCode
from tests.conftest import Db, Run, dump

# --- commands that must succeed or fail -------------------------------------------------------


def ok(run: Run, *args: str, input: str | None = None, raw: bool = False) -> str:
    """Run a command that must succeed without a word on standard error; its standard output
    (UTF-8), with line endings as written when `raw` (CRLF kept), else as `\\n`."""
    result = run(*args, input=input)
    assert result.exit_code == ExitCode.OK, (args, result.exit_code, result.output)
    assert result.stderr == "", (args, result.stderr)
    text = result.stdout_bytes.decode("utf-8")
    return text if raw else text.replace("\r\n", "\n")


def assert_fails(
    run: Run, db: Db, code: ExitCode, *args: str, input: str | None = None, details: int = 0
) -> str:
    """Run a command that must fail: its exit code, no traceback, one `Error: ` line (`Fel: `
    in Swedish) on standard error (followed by exactly `details` detail lines), and the database as it was before.
    Returns standard error (`.splitlines()` for the detail lines)."""
    before = dump(db)
    result = run(*args, input=input)
    assert result.exit_code == code, (args, result.exit_code, result.output)
    assert "Traceback" not in result.output, args
    lines = result.stderr.splitlines()
    assert len(lines) == 1 + details, (args, result.stderr)
    assert lines[0].startswith(("Error: ", "Fel: ")), (args, result.stderr)
    assert dump(db) == before, args
    return result.stderr


def as_json(run: Run, *args: str) -> Any:
    """A command's `--json` output (`--json` is added after `args`), parsed."""
    return json.loads(ok(run, *args, "--json"))


# --- organisations, contacts, the rotation ----------------------------------------------------


def org_show(run: Run, name: str) -> dict[str, Any]:
    """`psi org show NAME --json`, parsed."""
    data: dict[str, Any] = as_json(run, "org", "show", name)
    return data


def org_list(run: Run, *options: str) -> list[dict[str, Any]]:
    """`psi org list --json` with options, parsed."""
    data: list[dict[str, Any]] = as_json(run, "org", "list", *options)
    return data


def org_names(run: Run, *options: str) -> list[str]:
    """The names `psi org list` shows with these options, in order."""
    return [org["name"] for org in org_list(run, *options)]


def contacts(run: Run, *args: str) -> list[dict[str, Any]]:
    """`psi contact list [ORG] --json`, parsed."""
    data: list[dict[str, Any]] = as_json(run, "contact", "list", *args)
    return data


def proposal(run: Run, year: int) -> dict[str, Any]:
    """`psi rotate YEAR --json`, parsed."""
    data: dict[str, Any] = as_json(run, "rotate", str(year))
    return data


def candidate_names(run: Run, year: int) -> list[str]:
    """The ranked newcomer candidates of a year's proposal."""
    return [c["organisation"] for c in proposal(run, year)["candidates"]]


# --- meetings ---------------------------------------------------------------------------------

ACTIVA = "Stiftelsen Activa"
OFR = "Örebro Föreningsråd"
NORR = "Exempelföreningen Norr (exempel)"
SODER = "Exempelföreningen Söder (exempel)"
MEETING_ADDED = re.compile(r"^Added meeting (\d+): ", re.MULTILINE)


def add_orgs(run: Run) -> None:
    """The organisations the meeting tests name: two coordinators and two look-alikes."""
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society", "--short", "Activa")
    ok(run, "org", "add", OFR, "--sector", "civil-society", "--short", "ÖFR")
    ok(run, "org", "add", NORR, "--sector", "civil-society")
    ok(run, "org", "add", SODER, "--sector", "civil-society")


def add_meeting(run: Run, kind: str, day: str, *options: str) -> int:
    """`psi meeting add KIND DATE ...`; the new meeting's number."""
    match = MEETING_ADDED.search(ok(run, "meeting", "add", kind, day, *options))
    assert match is not None
    return int(match.group(1))


def hold_meeting(run: Run, meeting_id: int, *options: str) -> None:
    """`psi meeting held ID ...`, which must succeed."""
    ok(run, "meeting", "held", str(meeting_id), *options)


def meeting_detail(run: Run, meeting_id: int) -> dict[str, Any]:
    """`psi meeting show ID --json`, parsed."""
    data: dict[str, Any] = as_json(run, "meeting", "show", str(meeting_id))
    return data


# --- files ------------------------------------------------------------------------------------


def write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    """Write a CSV file as a spreadsheet would: the given encoding (a BOM by default), line
    endings as typed (CRLF kept)."""
    path.write_bytes(text.encode(encoding))
    return path


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, read back with pypdf, on one line.

    Typst's hyphen glyph comes back as a soft hyphen (U+00AD) in some PDFs, both where a word
    was hyphenated at a line end and for a real hyphen inside a line (2025\\xad08\\xad27). So a
    hyphen or soft hyphen at a line end is a hyphenation break and goes, the remaining soft
    hyphens are hyphens, and whitespace (non-breaking spaces too) collapses to single spaces.
    """
    from pypdf import PdfReader

    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    text = re.sub(r"[\u00ad-][ \t]*\n", "", text).replace("\u00ad", "-")
    return " ".join(text.split())


def rendered(markdown: str) -> str:
    """What a Markdown reader shows of the text (pandoc, all its extensions but smart quotes)."""
    import pypandoc

    plain = pypandoc.convert_text(
        markdown, "plain", format="markdown-smart", extra_args=["--columns=10000", "--wrap=none"]
    )
    return " ".join(str(plain).split())


# A year whose six duties are all met by psi's proposed criteria, for the duty rules' tests.
MET_YEAR = YearFacts(
    au_planned=10,
    au_due=10,
    au_held=8,
    stormoten_held=3,
    stormoten_with_regional_utveckling=3,
    stormoten_planned=0,
    member_dialogue_entries=4,
    activities_listed=8,
    activities_done=4,
    recruitment_entries=3,
    members_joined=0,
    msi_entries=2,
    msi_meetings_held=0,
    website_posts=4,
    social_media_posts=4,
    quarters_with_posts=4,
    quarters_passed=4,
)


def swedish_plurals(singular: str, plural: str, values: dict[str, Any], *counts: str) -> list[str]:
    """A counted message in Swedish for 1 and for 2, as psi says it: `n` and the names in
    `counts` are the count, `values` the rest of its placeholders."""
    from psi.words import words

    return [
        words("sv")
        .ngettext(singular, plural, n)
        .format(**{**values, **dict.fromkeys(("n", *counts), n)})
        for n in (1, 2)
    ]
