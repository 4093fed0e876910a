"""Terminal output: Rich tables and colour on a terminal, plain text when piped or NO_COLOR."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console


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
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return True


def _line(stream: TextIO, text: str, style: str | None) -> None:
    if is_plain(stream):
        stream.write(text + "\n")
        return
    console = stdout() if stream is sys.stdout else stderr()
    console.print(text, style=style, markup=False)


def say(message: str, *, style: str | None = None) -> None:
    """Print one line of plain text (never read as Rich markup)."""
    _line(sys.stdout, message, style)


def success(message: str) -> None:
    """Print that a change was made, in green on a terminal."""
    say(message, style="green")


def _stderr_line(text: str, style: str | None) -> None:
    # Messages quote what was typed or read from a file: a control character or escape
    # sequence in it is shown escaped (\x1b, \u202e), never sent to the terminal.
    from psi.domain.text import escape_controls

    _line(sys.stderr, escape_controls(text), style)


def note(message: str) -> None:
    """Print an informative line to standard error (what a document took from the register)."""
    _stderr_line(message, "dim")


def warn(message: str) -> None:
    """Print a warning line to standard error, in yellow on a terminal."""
    _stderr_line(f"Warning: {message}", "yellow")


def error(message: str, details: Sequence[str] = ()) -> None:
    """Print an error line (and its detail lines) to standard error, in red on a terminal;
    control characters in them are shown escaped."""
    _stderr_line(f"Error: {message}", "bold red")
    for line in details:
        _stderr_line(f"  {line}", None)


def print_json(data: Any) -> None:
    """Print data as indented JSON, letters kept as they are (å, ä, ö)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None
) -> None:
    """A Rich table on a terminal; aligned plain columns when piped or NO_COLOR is set."""
    console = None if is_plain(sys.stdout) else stdout()
    if console is not None and not console.no_color:
        from rich.table import Table
        from rich.text import Text

        # Headings and title as Text, like the cells: "[erased]" is words, not Rich markup.
        table = Table(
            title=Text(title) if title else None, title_justify="left", header_style="bold"
        )
        for header in headers:
            table.add_column(Text(header))
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        return
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


def print_fields(pairs: Sequence[tuple[str, str]]) -> None:
    """Label-value lines, labels aligned, for `show` commands."""
    width = max((len(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        say(f"{label.ljust(width)}  {value}")


Advance = Callable[[int], None]


@contextmanager
def progress(description: str, total: int) -> Iterator[Advance]:
    """A progress bar on standard error while a terminal watches; nothing when piped."""
    if total < 200 or is_plain(sys.stderr):
        yield lambda _done: None
        return
    from rich.progress import Progress

    with Progress(console=stderr(), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done: bar.update(task, completed=done)


Step = Callable[[str], None]


@contextmanager
def steps(description: str, count: int, *, show: bool) -> Iterator[Step]:
    """A bar of `count` steps on standard error, when `show` and a terminal watches.

    Call the step function with what comes next ("reading the register"); each call after
    the first moves the bar on by one. Nothing is printed when piped.
    """
    if not show or is_plain(sys.stderr):
        yield lambda _name: None
        return
    from rich.progress import Progress

    with Progress(console=stderr(), transient=True) as bar:
        task = bar.add_task(description, total=count)
        started = False

        def step(name: str) -> None:
            nonlocal started
            bar.update(task, advance=1 if started else 0, description=f"{description}: {name}")
            started = True

        yield step
        bar.update(task, completed=count)
