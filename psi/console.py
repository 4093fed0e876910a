"""Terminal output: Rich tables and colour on a terminal, plain text when piped or NO_COLOR.

On a terminal every line fits its width: messages wrap at spaces (a word, a path or a URL
is broken only when it is longer than the line), and a table keeps its dates, times,
numbers, amounts, ids and statuses whole while names and free text wrap inside their
cells; when even that does not fit, each row is printed as a short block. Piped output
(or NO_COLOR) is plain: one line per message, aligned columns, never wrapped.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from psi.words import _

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.text import Text


def stdout() -> Console:
    """A console on the current standard output (looked up each time, for tests)."""
    from rich.console import Console

    # No emoji codes: an organisation named "Café :coffee:" is printed as typed.
    return Console(file=sys.stdout, highlight=False, soft_wrap=True, emoji=False)


def stderr() -> Console:
    """A console on the current standard error."""
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, soft_wrap=True, emoji=False)


def is_plain(stream: TextIO) -> bool:
    """Whether Rich would print plain text to the stream: no terminal, and none forced.

    Plain output is written directly, so a command whose output is piped (a script, or
    `--json`) never imports Rich (about 30 ms).
    """
    if os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE") == "1":
        return False
    return not _isatty(stream)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


# --- colours that carry a meaning ---------------------------------------------------------

ERROR_STYLE = "bold red"
WARNING_STYLE = "yellow"
SUCCESS_STYLE = "green"
NOTE_STYLE = "dim"

VERDICT_STYLES: dict[str, str] = {
    "met": SUCCESS_STYLE,
    "on track": SUCCESS_STYLE,
    "partly met": WARNING_STYLE,
    "behind": WARNING_STYLE,
    "not met": "red",
}
"""How a duty's verdict is coloured on a terminal: met and on track green, partly met and
behind yellow, not met red (the colours of success, warnings and errors)."""


def verdict_style(verdict: str) -> str | None:
    """The style to print a verdict in ("met", "partly met", "not met", "on track",
    "behind"), for `say(..., style=verdict_style(v))`; None for any other word."""
    return VERDICT_STYLES.get(str(verdict))


# --- lines ---------------------------------------------------------------------------------

_BULLET = re.compile(r" *(?:[^\w\s] )?(?:\d{1,2}\. )?")
"""A line's leading spaces, a one-character mark ("→ ", "✓ ", "- ") and a number ("2. ")
after them: the lines it wraps into start under its text."""


def wrap_words(text: str, width: int, *, hang: int | None = None) -> list[str]:
    """The text broken into lines of at most `width` cells, at ASCII spaces only.

    A non-breaking space (`200 000 kr`) keeps its neighbours together; a word longer than
    the line (a path, a URL) is cut only then. Each line of the text is wrapped on its
    own; the lines it wraps into are indented by `hang` cells (by default as far as its
    leading spaces and mark, when that leaves room).
    """
    from rich.cells import cell_len

    width = max(width, 1)
    out: list[str] = []
    for line in text.split("\n"):
        if cell_len(line) <= width:
            out.append(line)
            continue
        lead = _BULLET.match(line)
        indent = cell_len(lead.group()) if hang is None and lead else hang or 0
        prefix = " " * (indent if indent <= width // 2 else 0)
        start = len(line) - len(line.lstrip(" "))
        current, size = line[:start], start
        fresh = True  # nothing but indentation on the current line yet
        for spaces, word in re.findall(r"( *)([^ ]+)", line[start:]):
            need = cell_len(word) + (0 if fresh else len(spaces))
            if size + need <= width:
                current += word if fresh else spaces + word
                size += need
                fresh = False
                continue
            if not fresh:
                out.append(current)
                current, size, fresh = prefix, len(prefix), True
            for piece in _chop(word, width - size, width - len(prefix)):
                if size + cell_len(piece) > width and not fresh:
                    out.append(current)
                    current, size = prefix, len(prefix)
                current += piece
                size += cell_len(piece)
                fresh = False
        out.append(current.rstrip(" "))
    return out


def _chop(word: str, first: int, rest: int) -> list[str]:
    """A word cut into pieces: the first fits `first` cells (all of it if it fits), the
    others `rest` cells."""
    from rich.cells import cell_len

    if cell_len(word) <= max(first, 0):
        return [word]
    pieces: list[str] = []
    room = first if first > 0 else rest
    piece, size = "", 0
    for char in word:
        wide = cell_len(char)
        if size + wide > room and piece:
            pieces.append(piece)
            piece, size, room = "", 0, max(rest, 1)
        piece += char
        size += wide
    pieces.append(piece)
    return pieces


_BARS: list[Progress] = []
"""The progress bars on the screen now, innermost last: what is printed meanwhile goes
through the bar's console, which prints it above the bar."""


def _terminal(stream: TextIO) -> Console:
    """The console to print to a terminal stream with: the progress bar's while one is on
    the screen (the bar is then redrawn below the line, never glued to it)."""
    if _BARS and (stream is sys.stderr or _isatty(sys.stdout)):
        return _BARS[-1].console
    return stdout() if stream is sys.stdout else stderr()


def _line(stream: TextIO, text: str, style: str | None, hang: int | None = None) -> None:
    if is_plain(stream):
        stream.write(text + "\n")
        return
    from rich.text import Text

    console = _terminal(stream)
    if console.no_color and not _BARS:
        # NO_COLOR asks for plain output: one line per message, as when piped.
        stream.write(text + "\n")
        return
    lines = wrap_words(text, console.width, hang=hang)
    console.print(Text("\n".join(lines), style=style or ""), soft_wrap=True)


def say(message: str, *, style: str | None = None) -> None:
    """Print one line of plain text (never read as Rich markup); on a terminal it wraps at
    spaces to the terminal's width."""
    _line(sys.stdout, message, style)


def success(message: str) -> None:
    """Print that a change was made, in green on a terminal."""
    say(message, style=SUCCESS_STYLE)


def _stderr_line(text: str, style: str | None) -> None:
    # Messages quote what was typed or read from a file: a control character or escape
    # sequence in it is shown escaped (\x1b, \u202e), never sent to the terminal.
    from psi.domain.text import escape_controls

    _line(sys.stderr, escape_controls(text), style)


def note(message: str) -> None:
    """Print an informative line to standard error (what a document took from the register)."""
    _stderr_line(message, NOTE_STYLE)


def warn(message: str) -> None:
    """Print a warning line to standard error, in yellow on a terminal."""
    _stderr_line(_("Warning: {message}").format(message=message), WARNING_STYLE)


def error(message: str, details: Sequence[str] = ()) -> None:
    """Print an error line (and its detail lines) to standard error, in red on a terminal;
    control characters in them are shown escaped."""
    _stderr_line(_("Error: {message}").format(message=message), ERROR_STYLE)
    for line in details:
        _stderr_line(f"  {line}", None)


def print_json(data: Any) -> None:
    """Print data as indented JSON, letters kept as they are (å, ä, ö)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# --- tables --------------------------------------------------------------------------------

_NUMBERISH = re.compile(
    r"[-+−#§]?(?:v\.)?\d[\d\u00a0\u202f .,:/–-]*(?:[\u00a0\u202f ]?(?:kr|SEK|%|h|min))?"
)
"""A date, a time or a span of them, a number, an amount, an id, a percentage, a week:
`2027-03-10`, `2026-12-02 04:01`, `13:00-15:00`, `200 000 kr`, `-1 500,50 kr`, `#12`,
`25 %`, `v.50`, `232100-0164`."""
_NUMBER = re.compile(r"[-+−#]?\d[\d\u00a0\u202f ,.]*(?:[\u00a0\u202f ]?(?:kr|SEK|%))?")
"""A number or an amount (right-aligned in a table)."""

WHOLE_NUMBER = 24
"""A date, time, number or amount up to this many cells is kept whole."""
WHOLE_WORD = 20
"""A cell with no space up to this many cells (a status, a kind, a short name, an e-mail
address) is kept whole."""
WHOLE_PHRASE = 10
"""A cell up to this many cells is kept whole even with a space ("partly met")."""
WRAP_MIN = 10
"""The narrowest a wrapping column is made (or its natural width, when smaller): below
it most words would be cut. A table whose whole columns and wrapping columns at this
width do not fit the terminal is printed as blocks."""


@dataclass(frozen=True)
class _Column:
    header: str
    cells: list[str]
    whole: bool
    number: bool
    natural: int
    """The widest cell or heading, in cells."""
    minimum: int
    """The narrowest it may be made."""
    words: int
    """The width that breaks none of its words (at most `WHOLE_WORD`, and never less than
    `minimum`)."""
    mean: float
    """The mean width of its cells: a column of long texts is given more room."""


def _keeps_whole(cell: str, width: int) -> bool:
    if width <= WHOLE_PHRASE or (width <= WHOLE_NUMBER and _NUMBERISH.fullmatch(cell)):
        return True
    return width <= WHOLE_WORD and not any(char.isspace() for char in cell)


def _column(header: str, cells: list[str]) -> _Column:
    from rich.cells import cell_len

    def widest(text: str) -> int:
        return max((cell_len(line) for line in text.split("\n")), default=0)

    def longest_word(text: str) -> int:
        return max((cell_len(word) for word in re.split(r"[ \n]", text)), default=0)

    filled = [cell for cell in cells if cell.strip()]
    lines = [line for cell in filled for line in cell.split("\n")]
    whole = all(_keeps_whole(line, cell_len(line)) for line in lines)
    number = bool(filled) and all(_NUMBER.fullmatch(cell) for cell in filled)
    content = max((widest(cell) for cell in cells), default=0)
    heading = longest_word(header)
    natural = max(content, widest(header))
    minimum = max(content, heading) if whole else min(natural, max(WRAP_MIN, heading))
    word = max((longest_word(cell) for cell in cells), default=0)
    words = max(minimum, min(natural, word, WHOLE_WORD))
    mean = sum(widest(cell) for cell in cells) / len(cells) if cells else 0.0
    return _Column(header, cells, whole, number, natural, minimum, words, mean)


def _without_empty_columns(
    headers: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[list[str], list[list[str]]]:
    """The table without the columns that are empty in every row (their heading alone
    says nothing); a table without rows keeps its headings."""
    keep = [
        index
        for index in range(len(headers))
        if not rows or any(row[index].strip() for row in rows)
    ]
    return [headers[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _fit(columns: Sequence[_Column], room: int) -> list[int]:
    """Column widths within `room` cells: whole columns as wide as they need; the wrapping
    columns share what is left, first so that their words need not be cut (the narrow
    ones first), then each cell at a time to the column whose cells are longest for its
    width, up to its natural width."""
    wrapping = [c for c in columns if not c.whole]
    left = room - sum(c.minimum for c in columns if c.whole)
    widths = _level([c.minimum for c in wrapping], [c.words for c in wrapping], left)
    spare = left - sum(widths)
    while spare > 0:
        wider = [i for i, c in enumerate(wrapping) if widths[i] < c.natural]
        if not wider:
            break
        widest = max(wider, key=lambda i: wrapping[i].mean / widths[i])
        widths[widest] += 1
        spare -= 1
    shared = iter(widths)
    return [c.minimum if c.whole else next(shared) for c in columns]


def _level(lows: Sequence[int], highs: Sequence[int], room: int) -> list[int]:
    """Widths from `lows` raised toward `highs` to the highest common level that fits `room`."""

    def at(level: int) -> list[int]:
        return [max(low, min(high, level)) for low, high in zip(lows, highs, strict=True)]

    bottom, top = 0, max(highs, default=0)
    while bottom < top:
        middle = (bottom + top + 1) // 2
        if sum(at(middle)) <= room:
            bottom = middle
        else:
            top = middle - 1
    return at(bottom)


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None
) -> None:
    """A table: a Rich table on a terminal, aligned plain columns when piped or NO_COLOR is
    set. Columns empty in every row are left out.

    On a terminal a column whose every cell is short and has no space, or is a date, a
    time, a number or an amount, is kept whole; the others wrap inside their cells. The
    table is boxed when it fits unwrapped, lighter (no box) when its cells must wrap, and
    when even its whole columns and the narrowest wrapping columns (`WRAP_MIN`) do not fit
    the terminal, each row becomes a block: its first cells, then `Heading: value` lines.
    """
    headers, table = _without_empty_columns(headers, rows)
    console = None if is_plain(sys.stdout) else _terminal(sys.stdout)
    if console is None or console.no_color:
        _plain_table(headers, table, title)
        return
    columns = [_column(h, [row[i] for row in table]) for i, h in enumerate(headers)]
    width = console.width
    boxed = sum(c.natural for c in columns) + 3 * len(columns) + 1
    gaps = 2 * (len(columns) - 1)
    if columns and boxed <= width:
        _rich_table(console, columns, [c.natural for c in columns], title, boxed=True)
    elif sum(c.minimum for c in columns) + gaps <= width:
        _rich_table(console, columns, _fit(columns, width - gaps), title, boxed=False)
    else:
        _blocks(console, columns, title)


def _plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]], title: str | None) -> None:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [title] if title else []
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), *rows]
    ]
    # Plain text needs no Rich rendering, which cost about 0.2 ms a row (1 s for 5 000).
    sys.stdout.write("\n".join(lines) + "\n")


def _rich_table(
    console: Console,
    columns: Sequence[_Column],
    widths: Sequence[int],
    title: str | None,
    *,
    boxed: bool,
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def cell(text: str, width: int) -> Text:
        # Wrapped here, not by Rich, which would also break at the non-breaking spaces of
        # `200 000 kr`. Text, not markup: "[erased]" is words.
        return Text("\n".join(wrap_words(text, width, hang=0)))

    heading = Text("\n".join(wrap_words(title, console.width, hang=0))) if title else None
    if boxed:
        table = Table(title=heading, title_justify="left", header_style="bold")
    else:
        table = Table(
            title=heading,
            title_justify="left",
            header_style="bold",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            collapse_padding=True,
        )
    for column, width in zip(columns, widths, strict=True):
        table.add_column(
            cell(column.header, width),
            width=width,
            no_wrap=True,
            overflow="fold",
            justify="right" if column.number else "left",
        )
    for index in range(len(columns[0].cells) if columns else 0):
        table.add_row(*(cell(c.cells[index], w) for c, w in zip(columns, widths, strict=True)))
    console.print(table, soft_wrap=False)


def _lead_count(columns: Sequence[_Column]) -> int:
    """How many of the first cells make a block's first line: a short number (an id, a
    year) and the cell after it, when that is whole too; else the first cell."""
    first = columns[0]
    if len(columns) > 1 and first.number and first.natural <= 6 and columns[1].whole:
        return 2
    return 1


def _blocks(console: Console, columns: Sequence[_Column], title: str | None) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    width = console.width
    lead = _lead_count(columns)
    rest = columns[lead:]
    label_width = max((cell_len(c.header) + 1 for c in rest), default=0)
    room = width - 2 - label_width - 1
    stacked = room < WRAP_MIN  # too narrow beside the labels: values go under them
    out = Text()
    if title:
        out.append("\n".join(wrap_words(title, width, hang=0)) + "\n\n", style="bold")
    count = len(columns[0].cells)
    for index in range(count):
        first = "  ".join(c.cells[index] for c in columns[:lead] if c.cells[index].strip())
        out.append("\n".join(wrap_words(first, width, hang=2)), style="bold")
        for column in rest:
            value = column.cells[index]
            if not value.strip():
                continue
            label = f"{column.header}:"
            if stacked:
                out.append(f"\n  {label}")
                lines = wrap_words(value, width - 4, hang=0)
                out.append("".join(f"\n    {line}" for line in lines))
                continue
            lines = wrap_words(value, room, hang=0)
            out.append(f"\n  {label.ljust(label_width)} {lines[0]}")
            pad = " " * (2 + label_width + 1)
            out.append("".join(f"\n{pad}{line}" for line in lines[1:]))
        if index < count - 1:
            out.append("\n")
        out.append("\n")
    console.print(out, soft_wrap=True, end="")


def print_fields(pairs: Sequence[tuple[str, str]]) -> None:
    """Label-value lines, labels aligned, for `show` commands; on a terminal a long value
    wraps under itself, not under the label."""
    width = max((len(label) for label, _value in pairs), default=0)
    for label, value in pairs:
        _line(sys.stdout, f"{label.ljust(width)}  {value}", None, hang=width + 2)


# --- progress ------------------------------------------------------------------------------


@contextmanager
def _bar() -> Iterator[Progress]:
    """A transient Rich progress bar on standard error; what psi prints meanwhile goes
    above it (see `_terminal`), so the bar is never glued to a line and leaves none behind.
    Standard output is redirected to the bar only when it is the terminal too: piped, it
    stays the pipe's."""
    from rich.progress import Progress

    with Progress(
        console=stderr(),
        transient=True,
        redirect_stdout=_isatty(sys.stdout),
        redirect_stderr=True,
    ) as bar:
        _BARS.append(bar)
        try:
            yield bar
        finally:
            _BARS.remove(bar)


Advance = Callable[[int], None]


@contextmanager
def progress(description: str, total: int) -> Iterator[Advance]:
    """A progress bar on standard error while a terminal watches; nothing when piped."""
    if total < 200 or is_plain(sys.stderr):
        yield lambda _done: None
        return
    with _bar() as bar:
        task = bar.add_task(description, total=total)
        try:
            yield lambda done: bar.update(task, completed=min(done, total))
        finally:
            bar.update(task, completed=total)
            bar.refresh()


Step = Callable[[str], None]


@contextmanager
def steps(description: str, count: int, *, show: bool) -> Iterator[Step]:
    """A bar of `count` steps on standard error, when `show` and a terminal watches.

    Call the step function with what comes next ("reading the register"); each call after
    the first moves the bar on by one, so while the last step runs the bar stands at
    (count - 1) / count; it is full when the work is done, and then cleared. Nothing is
    printed when piped.
    """
    if not show or is_plain(sys.stderr):
        yield lambda _name: None
        return
    with _bar() as bar:
        task = bar.add_task(description, total=count)
        done = -1  # steps finished; the first call starts the first step

        def step(name: str) -> None:
            nonlocal done
            done = min(done + 1, count)
            bar.update(task, completed=done, description=f"{description}: {name}")

        try:
            yield step
        finally:
            bar.update(task, completed=count)
            bar.refresh()
