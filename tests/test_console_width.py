"""Tables and lines fit the terminal: at any width dates, times, numbers, amounts, ids and
statuses are whole, names and free text wrap inside their cells (or a row becomes a block
when the table cannot fit), messages wrap at spaces; piped or NO_COLOR output stays plain."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import pytest
from rich.console import Console

from psi import console
from tests.conftest import Db, Run
from tests.helpers import as_json, ok

NBSP = "\u00a0"
LONG_NAME = (
    "Föreningen för sociala innovationer och gemenskap i hela Örebro län med omnejd (exempel)"
)
assert len(LONG_NAME) >= 80

HEADERS = ["#", "Date", "Weekday", "Time", "Kind", "Title", "Place", "Amount", "Status", "Note"]
ROWS = [
    [
        "16",
        "2027-03-10",
        "onsdag",
        "13:00-15:00",
        "stormote",
        "Stormöte: vårens nätverksträff om social innovation (exempel)",
        "Exempelhuset, Storgatan 1, Örebro",
        f"200{NBSP}000{NBSP}kr",
        "planned",
        "",
    ],
    [
        "117",
        "2027-11-26",
        "fredag",
        "09:00-12:00",
        "au",
        "AU-möte",
        "",
        f"-1{NBSP}500,50{NBSP}kr",
        "cancelled",
        "",
    ],
]
WHOLE = ["16", "117", "2027-03-10", "2027-11-26", "13:00-15:00", "09:00-12:00", "planned"]
WHOLE += ["cancelled", f"200{NBSP}000{NBSP}kr", f"-1{NBSP}500,50{NBSP}kr", "stormote"]

Terminal = Callable[[int], None]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """Make psi print as to a terminal of a given width, without colour codes."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # console.is_plain: a terminal

    def at(width: int) -> None:
        monkeypatch.setenv("COLUMNS", str(width))

        def factory(stream: Callable[[], TextIO]) -> Callable[[], Console]:
            return lambda: Console(
                file=stream(),
                width=width,
                force_terminal=True,
                color_system=None,
                highlight=False,
                soft_wrap=True,
                emoji=False,
            )

        monkeypatch.setattr(console, "stdout", factory(lambda: sys.stdout))
        monkeypatch.setattr(console, "stderr", factory(lambda: sys.stderr))

    return at


def lines_of(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


def assert_fits(text: str, width: int, *, cut: bool = False) -> None:
    """Every line fits the width, and nothing was cut short with "…" (unless `cut`: the
    command shortens some values itself)."""
    from rich.cells import cell_len

    too_long = [line for line in lines_of(text) if cell_len(line) > width]
    assert not too_long, too_long
    assert cut or "…" not in text


def column_text(text: str, header: str, following: str) -> str:
    """The words of one column of a light (unboxed) table, read between its heading and the
    next one's, joined across the lines of each cell."""
    lines = lines_of(text)
    head = next(line for line in lines if re.search(rf"\b{re.escape(header)}\b", line))
    start, end = head.index(header), head.index(following)
    body = lines[lines.index(head) + 2 :]
    return " ".join(" ".join(line[start:end].split()) for line in body).strip()


# --- tables ----------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 160])
def test_dates_times_numbers_amounts_and_statuses_stay_whole(
    terminal: Terminal, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    terminal(width)
    console.print_table(HEADERS, ROWS, title="Meetings 2027")
    out = capsys.readouterr().out
    assert_fits(out, width)
    for value in WHOLE:
        assert value in out, (width, value)
    # The free text is all there, whatever the lines it took (a word longer than its
    # column is cut where the column ends).
    title = ROWS[0][5]
    if title not in out:
        assert column_text(out, "Title", "Place").replace(" ", "") == f"{title}AU-möte".replace(
            " ", ""
        )


@pytest.mark.parametrize("width", [80, 100, 160])
def test_a_long_organisation_name_wraps_inside_its_cell(
    terminal: Terminal, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    terminal(width)
    rows = [
        [LONG_NAME, "civil-society", "Örebro", "member", "2017-08-21"],
        ["Region Örebro län", "region", "Örebro", "member", ""],
    ]
    console.print_table(["Name", "Sector", "Municipality", "Status", "Joined"], rows)
    out = capsys.readouterr().out
    assert_fits(out, width)
    assert "2017-08-21" in out and "civil-society" in out
    if LONG_NAME in out:  # wide enough for a boxed table on one line
        assert width >= 120
        return
    name = column_text(out, "Name", "Sector")
    assert name == f"{LONG_NAME} Region Örebro län"


@pytest.mark.parametrize("width", [40, 80, 160])
def test_a_column_empty_in_every_row_is_left_out(
    terminal: Terminal, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    terminal(width)
    console.print_table(HEADERS, ROWS)
    out = capsys.readouterr().out
    assert "Note" not in out
    assert "Place" in out  # empty in one row only


def test_a_column_empty_in_every_row_is_left_out_when_piped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    console.print_table(HEADERS, ROWS)
    out = capsys.readouterr().out
    header, *body = lines_of(out)
    assert header.split() == [h for h in HEADERS if h != "Note"]
    assert len(body) == 2  # one line a row, never wrapped
    assert body[0].startswith("16   2027-03-10  onsdag")
    assert LONG_NAME not in out


def test_a_table_without_rows_keeps_its_headings(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal(80)
    console.print_table(["Date", "Text"], [])
    assert "Date" in capsys.readouterr().out


@pytest.mark.parametrize("width", [30, 40, 60])
def test_a_table_too_wide_for_the_terminal_becomes_blocks(
    terminal: Terminal, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    terminal(width)
    console.print_table(HEADERS, ROWS, title="Meetings 2027")
    out = capsys.readouterr().out
    assert_fits(out, width)
    lines = lines_of(out)
    assert lines[0] == "Meetings 2027"
    assert "16  2027-03-10" in lines and "117  2027-11-26" in lines
    assert "" in lines  # a blank line between rows
    for value in WHOLE[4:]:
        if value not in ("16", "117", "2027-03-10", "2027-11-26"):
            assert value in out, value
    # Every other value is there after its heading, wrapped under itself.
    block = out.split("117  2027-11-26")[0]
    assert re.search(r"^  Time: +13:00-15:00$", block, re.MULTILINE), block
    title = re.search(r"^  Title: +(.*?)\n  Place:", block, re.MULTILINE | re.DOTALL)
    assert title is not None, block
    assert " ".join(title.group(1).split()) == ROWS[0][5]
    assert "Note" not in out


def test_the_block_threshold_comes_from_the_measured_widths(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two narrow columns fit a narrow terminal as a table; nine do not.
    terminal(30)
    console.print_table(["#", "Date"], [["1", "2027-03-10"]])
    small = capsys.readouterr().out
    assert "┃ Date       ┃" in small and "│ 2027-03-10 │" in small
    console.print_table(HEADERS, ROWS)
    assert "16  2027-03-10" in lines_of(capsys.readouterr().out)


# --- messages --------------------------------------------------------------------------------

MESSAGE = (
    "The organisation Exempelföreningen Fritid för alla (exempel) has no contact person; "
    "add one with psi contact add, or see /home/anna/psi/medlemmar.csv, "
    f"budget 200{NBSP}000{NBSP}kr."
)


def assert_wrapped_at_spaces(text: str, message: str, width: int) -> None:
    lines = lines_of(text)
    assert len(lines) > 1
    assert_fits(text, width)
    assert " ".join(word for word in " ".join(lines).split(" ") if word) == message
    words = set(message.split(" "))
    for line in lines:
        for word in line.split(" "):
            assert not word or word in words, (word, lines)


@pytest.mark.parametrize("width", [40, 60])
def test_messages_wrap_at_spaces_without_splitting_words(
    terminal: Terminal, capsys: pytest.CaptureFixture[str], width: int
) -> None:
    terminal(width)
    console.say(MESSAGE)
    console.success(MESSAGE)
    out = capsys.readouterr().out
    first, second = out[: len(out) // 2], out[len(out) // 2 :]
    assert first == second
    assert_wrapped_at_spaces(first, MESSAGE, width)
    assert f"200{NBSP}000{NBSP}kr" in first  # a non-breaking space keeps its neighbours

    console.warn(MESSAGE)
    err = capsys.readouterr().err
    assert_wrapped_at_spaces(err, f"Warning: {MESSAGE}", width)
    console.error(MESSAGE, ["a detail line that is long enough to wrap at forty columns too"])
    err = capsys.readouterr().err
    assert err.startswith("Error: The organisation")
    assert_fits(err, width)


def test_a_word_longer_than_the_line_is_cut_only_then(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal(30)
    path = "/home/anna/dokument/psi/medlemsregistret-2027-slutgiltig.csv"
    console.say(f"Wrote {path}.")
    lines = lines_of(capsys.readouterr().out)
    assert lines[0] == "Wrote"
    assert "".join(lines[1:]) == f"{path}."
    assert all(len(line) == 30 for line in lines[1:-1])


def test_a_marked_line_wraps_under_its_text(
    terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal(40)
    console.say("→ Next year's pair is not decided: psi rotate 2027 --appoint ORG")
    console.print_fields([("Name", LONG_NAME), ("Org. number", "232100-0164")])
    lines = lines_of(capsys.readouterr().out)
    assert lines[0].startswith("→ Next") and lines[1].startswith("  ") and lines[1][2] != " "
    name = [line for line in lines if line.startswith("Name") or line.startswith(" " * 13)]
    assert " ".join(" ".join(name).split()[1:]) == LONG_NAME
    assert "Org. number  232100-0164" in lines


@pytest.mark.parametrize("how", ["piped", "NO_COLOR"])
def test_piped_or_no_color_output_keeps_one_line_per_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    if how == "NO_COLOR":
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    console.say(MESSAGE)
    console.error(MESSAGE, ["detail"])
    console.print_table(HEADERS, ROWS)
    captured = capsys.readouterr()
    out = lines_of(captured.out)
    assert out[0] == MESSAGE
    assert len(out) == 1 + 3  # the message, the heading and two rows
    assert captured.err == f"Error: {MESSAGE}\n  detail\n"


# --- colours ---------------------------------------------------------------------------------


def test_verdicts_are_coloured_like_success_warnings_and_errors() -> None:
    assert console.verdict_style("met") == console.verdict_style("on track") == "green"
    assert console.verdict_style("partly met") == console.verdict_style("behind") == "yellow"
    assert console.verdict_style("not met") == "red"
    assert console.verdict_style("planned") is None


# --- progress --------------------------------------------------------------------------------


@pytest.fixture
def bar_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Progress bars drawn on a terminal of 60 columns whose output is kept."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    screen = io.StringIO()
    monkeypatch.setattr(
        console,
        "stderr",
        lambda: Console(file=screen, width=60, force_terminal=True, color_system=None),
    )
    yield screen
    assert not console._BARS


def test_steps_end_full_even_when_fewer_steps_were_taken(bar_screen: io.StringIO) -> None:
    with console.steps("followup 2027", 3, show=True) as step:
        step("reading the register")
        step("writing the text")
        bar = console._BARS[-1]
        assert bar.tasks[0].completed == 1
        console.warn("a warning while the bar is on the screen")
    assert bar.tasks[0].completed == bar.tasks[0].total == 3
    assert bar.finished
    screen = bar_screen.getvalue()
    # The warning went above the bar, through the bar's console, on a line of its own.
    assert "\x1b[2KWarning: a warning while the bar is on the screen\n" in screen


def test_steps_end_and_clear_when_the_work_fails(bar_screen: io.StringIO) -> None:
    with pytest.raises(RuntimeError), console.steps("report", 3, show=True) as step:
        step("reading the register")
        raise RuntimeError
    with console.progress("Importing", 300) as advance:
        advance(10)
        bar = console._BARS[-1]
    assert bar.tasks[0].completed == 300


# --- the real commands -----------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 100, 160])
def test_meeting_and_org_lists_at_a_terminal_width(
    run: Run, example_db: Db, terminal: Terminal, width: int
) -> None:
    meetings = as_json(run, "meeting", "list", "2026")["meetings"]
    orgs = as_json(run, "org", "list")
    terminal(width)
    out = ok(run, "meeting", "list", "2026")
    assert_fits(out, width)
    for m in meetings:
        assert m["date"] in out and m["status"] in out
    assert "13:00-15:00" in out
    out = ok(run, "org", "list")
    assert_fits(out, width)
    names = [org["name"] for org in orgs]
    table = "\n".join(lines_of(out)[:-1])  # the count of organisations follows the table
    if not all(name in out for name in names):  # wrapped inside their cells
        assert column_text(table, "Name", "Short").replace(" ", "") == "".join(names).replace(
            " ", ""
        )
    assert all(org["joined"] in out for org in orgs if org["joined"])


def test_lists_become_blocks_on_a_narrow_terminal(
    run: Run, example_db: Db, terminal: Terminal
) -> None:
    meetings = as_json(run, "meeting", "list", "2026")["meetings"]
    terminal(40)
    out = ok(run, "meeting", "list", "2026")
    assert_fits(out, 40)
    lines = lines_of(out)
    for m in meetings:
        assert f"{m['id']}  {m['date']}" in lines
    out = ok(run, "status", "2026")
    assert_fits(out, 40)
    out = ok(run, "audit")
    assert_fits(out, 40, cut=True)


def test_the_audit_wraps_its_changes_not_its_time(
    run: Run, example_db: Db, terminal: Terminal
) -> None:
    ok(run, "org", "add", LONG_NAME, "--sector", "civil-society")
    ok(run, "org", "edit", LONG_NAME, "--short", "Lång")
    terminal(80)
    out = ok(run, "audit")
    assert_fits(out, 80, cut=True)  # psi audit shortens long values itself
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d  ", out, re.MULTILINE), out
    assert "Changes" in lines_of(out)[0]
