"""On the way to pandoc: tables sized by their content, blocks kept together.

The Markdown psi writes (--format md) is never rewritten; `prepare_for_pandoc` rewrites a
copy for pandoc, per writer (Typst for PDFs, docx, odt, html).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# --- On the way to pandoc: tables sized by their content, blocks kept together ---------------
#
# Pandoc sizes a pipe table's columns by the dashes of its separator row (`|---|-:|`) once any
# line of the table is wider than its --columns (72 characters); below that it leaves the
# widths to the writer (Typst and browsers size such columns by their content; Word and
# LibreOffice get equal columns). So each table's separator row is rewritten before pandoc
# reads it: dashes in proportion to widths measured from the cells' text, `-:` for a column of
# numbers and amounts. The Markdown psi writes (--format md) is never rewritten.

PANDOC_COLUMNS = 72  # pandoc's default --columns, which psi does not change


@dataclass(frozen=True)
class TableMeasure:
    """A writer's line and a table cell's padding, in characters of average width.

    Every table is made full-width ("wide") for Word and OpenDocument, whose own sizing of
    a table without widths is equal columns; Typst and HTML size a table that fits by itself.
    """

    line: float
    padding: float
    every_table_wide: bool


# A4 with 2.4 cm margins: 459 pt of line. Tables are set at 9.5 pt (page.typ, and the Table
# style of reference.docx), where a character (text_width) is at most about 4.8 pt wide in
# the PDF's Libertinus and 5.75 pt in DejaVu Sans, which LibreOffice puts in for Word's
# Aptos (Aptos itself is narrower). A cell's inset is 6 pt a side in the PDF, 5.4 pt in Word.
# HTML's line of 52em at 15 px holds about 100.
MEASURES = {
    "typst": TableMeasure(line=95, padding=3, every_table_wide=False),
    "docx": TableMeasure(line=80, padding=2.5, every_table_wide=True),
    "odt": TableMeasure(line=80, padding=2.5, every_table_wide=True),
    "html": TableMeasure(line=100, padding=2.5, every_table_wide=False),
}

# What `::: keep` becomes for each writer: an unbreakable block in Typst, paragraphs in the
# Keep style (keep with next, keep lines together) in Word and OpenDocument, a div with the
# class `keep` in HTML (report.css keeps it on one printed page).
_KEEP_ATTRIBUTES = {
    "typst": '.keep typst:breakable="false"',
    "docx": '.keep custom-style="Keep"',
    "odt": '.keep custom-style="Keep"',
    "html": ".keep",
}
_KEEP_FENCE = re.compile(r"^(?P<fence>:{3,})[ \t]*(?:keep|\{[ \t]*\.keep[ \t]*\})[ \t]*:*[ \t]*$")
_CODE_FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
_SEPARATOR_CELL = re.compile(r"^[ \t]*(:?)-+(:?)[ \t]*$")


def prepare_for_pandoc(markdown: str, writer: str) -> str:
    """The Markdown as pandoc should read it for `writer` (typst, docx, odt or html).

    Each pipe table's separator row gets widths and alignments from the cells' content
    (layout_table), and each `::: keep` block the attributes that keep it on one page.
    Fenced code is left as it is.
    """
    measure = MEASURES[writer]
    lines = markdown.split("\n")
    out: list[str] = []
    code: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if code is not None:
            if line.strip().startswith(code) and not line.strip().strip(code[0]):
                code = None
            out.append(line)
            index += 1
            continue
        fence = _CODE_FENCE.match(line)
        if fence:
            code = fence.group("fence")
            out.append(line)
            index += 1
            continue
        keep = _KEEP_FENCE.match(line)
        if keep:
            out.append(f"{keep.group('fence')} {{{_KEEP_ATTRIBUTES[writer]}}}")
            index += 1
            continue
        end = _table_end(lines, index) if _block_start(lines, index) else None
        if end is None:
            out.append(line)
            index += 1
            continue
        table = lines[index:end]
        out.extend([table[0], layout_table(table, measure), *table[2:]])
        index = end
    return "\n".join(out)


def _block_start(lines: Sequence[str], index: int) -> bool:
    """Whether a table may start at this line: after a blank line, a heading or a div's fence."""
    before = lines[index - 1].strip() if index else ""
    return not before or before.startswith(("#", ":::"))


def _table_end(lines: Sequence[str], start: int) -> int | None:
    """The index after the pipe table that starts at `start`, if one does."""
    if start + 1 >= len(lines):
        return None
    header, separator = split_row(lines[start]), split_row(lines[start + 1])
    if not header or not separator or len(header) != len(separator):
        return None
    if not all(_SEPARATOR_CELL.match(cell) for cell in separator):
        return None
    end = start + 2
    while end < len(lines) and lines[end].strip() and split_row(lines[end]) is not None:
        end += 1
    return end


def split_row(line: str) -> list[str] | None:
    r"""A pipe table row's cells as written (escapes and code spans kept), or None without `|`.

    A `|` splits cells unless escaped (`\|`) or inside a code span, as pandoc reads them.
    """
    text = line.strip()
    cells: list[str] = []
    current: list[str] = []
    piped = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == "`":
            run = len(text[index:]) - len(text[index:].lstrip("`"))
            closing = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(text, index + run)
            if closing:
                current.append(text[index : closing.end()])
                index = closing.end()
                continue
            current.append(text[index : index + run])
            index += run
            continue
        if char == "|":
            piped = True
            if index:  # a leading pipe opens the row, it ends no cell
                cells.append("".join(current))
            current = []
            index += 1
            continue
        current.append(char)
        index += 1
    if not piped:
        return None
    if "".join(current).strip():  # no trailing pipe
        cells.append("".join(current))
    return [cell.strip() for cell in cells]


def layout_table(table: Sequence[str], measure: TableMeasure) -> str:
    """The separator row for a pipe table (its lines as written): widths and alignments.

    Widths come from column_widths. A column whose cells are all numbers or amounts (or
    blank) is right-aligned, unless the template chose an alignment. The dashes add up to
    more than pandoc's line when the table is to be wide, else stay within it.
    """
    header = split_row(table[0]) or []
    count = len(header)
    rows = [(split_row(line) or []) + [""] * count for line in table[2:]]
    rows = [row[:count] for row in rows]
    chosen = [_SEPARATOR_CELL.match(cell) for cell in split_row(table[1]) or []]
    aligns = []
    for column, match in enumerate(chosen):
        left, right = (bool(match.group(1)), bool(match.group(2))) if match else (False, False)
        if not left and not right and numeric_column([row[column] for row in rows]):
            right = True
        aligns.append((left, right))
    widths = column_widths(header, rows, measure)
    wide = measure.every_table_wide or any(len(line) > PANDOC_COLUMNS for line in table)
    # Wide: far more dashes than pandoc's line, for fine proportions. Narrow: a row shorter
    # than pandoc's line, so the table stays narrow (and if pandoc found it wide after all,
    # it would still have these proportions).
    budget = 2 * max(PANDOC_COLUMNS, int(measure.line)) if wide else PANDOC_COLUMNS // 2
    row = _separator(aligns, _dash_counts(widths, budget))
    if not wide and len(row) > PANDOC_COLUMNS:  # too many columns for proportions
        row = _separator(aligns, [1] * count)
    return row


def _separator(aligns: Sequence[tuple[bool, bool]], lengths: Sequence[int]) -> str:
    cells = [
        (":" if left else "") + "-" * max(1, length - left - right) + (":" if right else "")
        for (left, right), length in zip(aligns, lengths, strict=True)
    ]
    return "|" + "|".join(cells) + "|"


def _dash_counts(widths: Sequence[float], budget: int) -> list[int]:
    """Whole dash counts in proportion to the widths, each at least 3, about `budget` in all."""
    total = sum(widths) or 1.0
    return [max(3, round(budget * width / total)) for width in widths]


# A number or an amount as psi writes them: 3, 1 949, 1,949, 10,5, 95 464,50 kr, 48 %, -500 kr.
_NUMBER = re.compile(
    r"[-\u2212+]?(?:\d{1,3}(?:[ ,]\d{3})+|\d+)(?:[.,]\d+)?(?: ?(?:kr|kronor|SEK|tkr|%|st))?",
    re.IGNORECASE,
)
_BLANK_CELLS = {"", "-", "\u2013", "\u2014"}


def numeric_column(cells: Sequence[str]) -> bool:
    """Whether a column's cells (as written) are numbers or amounts, blanks aside, at least one."""
    values = [" ".join(cell_text(cell).replace("\u202f", " ").split()) for cell in cells]
    values = [value for value in values if value not in _BLANK_CELLS]
    return bool(values) and all(_NUMBER.fullmatch(value) for value in values)


def cell_text(cell: str) -> str:
    """A cell's text as a reader sees it: escapes resolved, emphasis and code marks dropped."""
    out: list[str] = []
    index = 0
    while index < len(cell):
        char = cell[index]
        if char == "\\" and index + 1 < len(cell):
            out.append(cell[index + 1])
            index += 2
            continue
        if cell.startswith("&nbsp;", index):
            out.append("\u00a0")
            index += len("&nbsp;")
            continue
        if char not in "*_`":
            out.append(char)
        index += 1
    return "".join(out)


# Widths of characters relative to an average lower-case letter, near enough for Libertinus,
# Aptos and DejaVu Sans alike: thin and narrow letters and punctuation, wide ones, capitals.
_THIN = set("il.,:;!'|\u00a0\u2009\u202f ")
_NARROW = set("fjrt()[]/-")
_WIDE = set("mwMW%@")


def text_width(text: str) -> float:
    """The width of a text in average characters."""
    width = 0.0
    for char in text:
        if char in _THIN:
            width += 0.5
        elif char in _NARROW:
            width += 0.7
        elif char in _WIDE:
            width += 1.5
        elif char.isupper():
            width += 1.35
        elif char.isdigit():
            width += 1.1
        else:
            width += 1.0
    return width


_BOLD = 1.12  # header cells are bold, and so is a cell written **...**
_MIN_CONTENT = 3.0  # no column narrower than three characters of text


@dataclass(frozen=True)
class _Cell:
    words: tuple[float, ...]  # the width of each unbreakable piece (split at spaces only)
    space: float  # the width of a space in this cell

    @property
    def longest(self) -> float:
        return max(self.words, default=0.0)

    @property
    def natural(self) -> float:
        return sum(self.words) + self.space * max(0, len(self.words) - 1)

    def lines(self, width: float) -> int:
        """How many lines the cell takes at this width of text, broken at spaces."""
        count, used = 1, 0.0
        for word in self.words:
            if used and used + self.space + word > width:
                count, used = count + 1, word
            else:
                used = used + self.space + word if used else word
        return count

    def width_for(self, lines: int) -> float:
        """The least width (to a twentieth of a character) at which the cell takes no more
        than this many lines."""
        low, high = self.longest, self.natural
        if self.lines(low) <= lines:
            return low
        while high - low > 0.05:
            middle = (low + high) / 2
            low, high = (low, middle) if self.lines(middle) <= lines else (middle, high)
        return high


def _measure_cell(cell: str, bold: bool) -> _Cell:
    factor = _BOLD if bold or "**" in cell else 1.0
    words = re.split(r"[ \t\n]+", cell_text(cell).strip())
    return _Cell(tuple(text_width(word) * factor for word in words if word), 0.5 * factor)


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], measure: TableMeasure
) -> list[float]:
    """Widths for a table's columns (in characters, padding included), from their content.

    Each column is at least as wide as its longest word, so names, dates and amounts are
    never split (a word longer than 45 % of the line aside). If every cell fits on one
    line, each column gets its natural width. Otherwise the line left after the longest
    words is spent where it saves the most lines of the table's height for each character:
    each step makes one row a line shorter, widening every column whose cell makes that
    row as tall as it is. What no row can use goes to the columns whose text still wraps,
    in proportion to what they lack.
    """
    table = [[_measure_cell(cell, True) for cell in header]]
    table += [[_measure_cell(cell, False) for cell in row] for row in rows]
    by_column = list(zip(*table, strict=True))
    cap = 0.45 * measure.line
    least = [min(cap, max(_MIN_CONTENT, *(cell.longest for cell in cells))) for cells in by_column]
    natural = [
        max(low, *(cell.natural for cell in cells))
        for low, cells in zip(least, by_column, strict=True)
    ]
    room = measure.line - measure.padding * len(header)
    if sum(natural) <= room:
        return [width + measure.padding for width in natural]
    if sum(least) >= room:
        return [width + measure.padding for width in least]
    widths = _spend(table, list(least), room - sum(least))
    spare = room - sum(widths)
    slack = [max(0.0, high - width) for high, width in zip(natural, widths, strict=True)]
    weights = slack if sum(slack) > 0 else widths
    return [
        width + spare * weight / sum(weights) + measure.padding
        for width, weight in zip(widths, weights, strict=True)
    ]


def _spend(table: Sequence[Sequence[_Cell]], widths: list[float], spare: float) -> list[float]:
    """Widen columns, a row's line at a time, while the spare width lasts (column_widths)."""
    lines = [[cell.lines(width) for cell, width in zip(row, widths, strict=True)] for row in table]
    while True:
        best: tuple[float, float, dict[int, float]] | None = None  # (-saved per char, cost, move)
        tried: set[tuple[tuple[int, float], ...]] = set()
        for row, counts in zip(table, lines, strict=True):
            tallest = max(counts)
            if tallest == 1:
                continue
            move = {
                index: max(widths[index], row[index].width_for(tallest - 1))
                for index, count in enumerate(counts)
                if count == tallest
            }
            key = tuple(sorted(move.items()))
            cost = sum(width - widths[index] for index, width in move.items())
            if key in tried or cost > spare or cost <= 0:
                continue
            tried.add(key)
            saved = 0
            for other, other_counts in zip(table, lines, strict=True):
                changed = [
                    other[index].lines(move[index]) if index in move else count
                    for index, count in enumerate(other_counts)
                ]
                saved += max(other_counts) - max(changed)
            candidate = (-saved / cost, cost, move)
            if saved > 0 and (best is None or candidate[:2] < best[:2]):
                best = candidate
        if best is None:
            return widths
        for index, width in best[2].items():
            spare -= width - widths[index]
            widths[index] = width
            for row, counts in zip(table, lines, strict=True):
                counts[index] = row[index].lines(width)
