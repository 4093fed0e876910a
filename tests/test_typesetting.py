"""Typesetting of the PDF and Word documents (issue 18).

Tables are sized by their content and numbers right-aligned, by rewriting each pipe table's
separator row on the way to pandoc (psi.reports.layout.prepare_for_pandoc); no cell or item
text becomes Typst structure; a `::: keep` block stays on one page. The unit tests work on
the Markdown; a few rendering tests read a PDF, a Word and an OpenDocument file back.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.reports.layout import (
    MEASURES,
    PANDOC_COLUMNS,
    TableMeasure,
    cell_text,
    column_widths,
    layout_table,
    numeric_column,
    prepare_for_pandoc,
    split_row,
    text_width,
)
from psi.reports.render import (
    DocumentRequest,
    builtin_templates,
    escape_markdown,
    markdown_to_editable,
    markdown_to_pdf,
    markdown_to_typst,
)

NBSP = "\u00a0"
PDF = MEASURES["typst"]
WORD = MEASURES["docx"]


def table(header: Sequence[str], *rows: Sequence[str], separator: str | None = None) -> str:
    """A pipe table as the templates write it: `|---|` separators, data escaped."""
    lines = ["| " + " | ".join(header) + " |", separator or "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape_markdown(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def separator(markdown: str, writer: str = "typst") -> str:
    """The separator row prepare_for_pandoc writes for the (first) table in the Markdown."""
    lines = prepare_for_pandoc(markdown, writer).split("\n")
    return next(line for line in lines if re.fullmatch(r"\|(:?-+:?\|)+", line))


def dashes(row: str) -> list[int]:
    """Each separator cell's length, colons included, as pandoc counts it."""
    return [len(cell) for cell in row.strip("|").split("|")]


def aligned(row: str) -> list[str]:
    """Each separator cell's alignment: left, right, center or default."""
    names = {(True, False): "left", (False, True): "right", (True, True): "center"}
    return [
        names.get((cell.startswith(":"), cell.endswith(":")), "default")
        for cell in row.strip("|").split("|")
    ]


def shares(widths: Sequence[float]) -> list[float]:
    return [width / sum(widths) for width in widths]


# --- reading a pipe table row ------------------------------------------------------------


def test_split_row_splits_at_pipes_and_trims() -> None:
    assert split_row("| a | b c |  |") == ["a", "b c", ""]
    assert split_row("a | b") == ["a", "b"]
    assert split_row("   | indented | row |") == ["indented", "row"]


def test_split_row_keeps_escaped_pipes_and_code_spans_in_their_cell() -> None:
    assert split_row(r"| a \| b | c |") == [r"a \| b", "c"]
    assert split_row(r"| a \\| b |") == [r"a \\", "b"]
    assert split_row("| `x|y` | z |") == ["`x|y`", "z"]
    assert split_row("| ``a ` | b`` | c |") == ["``a ` | b``", "c"]
    assert split_row("| `open | c |") == ["`open", "c"]


def test_split_row_without_a_pipe_is_no_row() -> None:
    assert split_row("Just text") is None
    assert split_row(r"Escaped \| pipe only") is None


@given(st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=40))
def test_escaped_data_is_one_cell_and_reads_back_as_itself(value: str) -> None:
    cell = escape_markdown(" ".join(value.split()))
    assert split_row(f"| {cell} | next |") == [cell, "next"]
    assert cell_text(cell) == " ".join(value.split())


def test_cell_text_drops_markup_and_keeps_escaped_characters() -> None:
    assert cell_text("**uppfyllt**") == "uppfyllt"
    assert cell_text(r"\*not bold\* and \_x\_") == "*not bold* and _x_"
    assert cell_text("`psi rotate`") == "psi rotate"
    assert cell_text("a&nbsp;b") == f"a{NBSP}b"
    assert cell_text(r"\&nbsp;") == "&nbsp;"


# --- numbers and amounts -----------------------------------------------------------------


@pytest.mark.parametrize(
    "cells",
    [
        ["3", "15", "1"],
        [f"200{NBSP}000{NBSP}kr", f"95{NBSP}464,50{NBSP}kr", f"1{NBSP}234,50{NBSP}kr"],
        [f"100{NBSP}000{NBSP}kr", "", f"{escape_markdown('-500')}{NBSP}kr"],
        ["48 %", "100 %", "0 %"],
        ["1,949", "10.5", "2"],
        [f"1{NBSP}949", "10,5", "\u2013"],
        ["**12**", "", ""],
        ["2025", "2026"],
    ],
)
def test_a_column_of_numbers_and_amounts_is_numeric(cells: list[str]) -> None:
    assert numeric_column(cells)


@pytest.mark.parametrize(
    "cells",
    [
        ["", "", ""],
        ["3", "tre"],
        ["2025-01-14", "2025-02-11"],
        ["13:00–15:00"],
        ["3 av 5"],
        ["1. Planera"],
        [f"200{NBSP}000{NBSP}kr", "**\\[SAKNAS: belopp\\]**"],
        ["12 personer"],
    ],
)
def test_a_column_with_text_dates_or_nothing_is_not_numeric(cells: list[str]) -> None:
    assert not numeric_column(cells)


def test_numeric_columns_are_right_aligned_and_others_left_as_they_are() -> None:
    markdown = table(
        ["Organisation", "Tilldelat", "Datum", "Antal"],
        ["Stiftelsen Activa", f"100{NBSP}000{NBSP}kr", "2025-01-14", "3"],
        ["Örebro Föreningsråd", f"49{NBSP}214,50{NBSP}kr", "2025-02-11", ""],
    )
    assert aligned(separator(markdown)) == ["default", "right", "default", "right"]
    assert aligned(separator(markdown, "docx")) == ["default", "right", "default", "right"]


def test_an_alignment_the_template_chose_is_kept() -> None:
    markdown = table(
        ["Vänster", "Mitten", "Höger", "Siffror"],
        ["1", "2", "text", "4"],
        separator="|:---|:---:|---:|:--|",
    )
    assert aligned(separator(markdown)) == ["left", "center", "right", "left"]


# --- widths ------------------------------------------------------------------------------


def test_a_narrow_table_stays_narrow_for_typst_and_html() -> None:
    markdown = table(["Kategori", "Förbrukat"], ["lön, arvode", f"85{NBSP}000{NBSP}kr"])
    for writer in ("typst", "html"):
        row = separator(markdown, writer)
        assert len(row) <= PANDOC_COLUMNS, writer
    typst = markdown_to_typst(markdown)
    assert "columns: 2," in typst  # Typst sizes the columns by their content
    assert "align: (auto,right,)" in typst


def test_every_table_is_wide_for_word_and_opendocument() -> None:
    markdown = table(["Sektor", "Antal"], ["civilsamhälle", "28"], ["statlig myndighet", "2"])
    for writer in ("docx", "odt"):
        row = separator(markdown, writer)
        assert len(row) > PANDOC_COLUMNS, writer
        first, second = dashes(row)
        assert first > 2 * second


def test_a_wide_table_gets_widths_by_content_in_typst() -> None:
    long_text = "Arvode för samordning av nätverksträffar och stormöten under våren (exempel)"
    markdown = table(
        ["Datum", "Organisation", "Belopp", "Anteckning"],
        ["2025-03-31", "Örebro Föreningsråd", f"45{NBSP}000{NBSP}kr", long_text],
        ["2025-05-20", "Stiftelsen Activa", f"3{NBSP}800{NBSP}kr", "Lokalhyra"],
    )
    row = separator(markdown)
    assert len(row) > PANDOC_COLUMNS
    date, organisation, _amount, note = shares(dashes(row))
    assert note > organisation > date
    assert note > 0.4
    typst = markdown_to_typst(markdown)
    columns = re.search(r"columns: \(([^)]*)\)", typst)
    assert columns
    percent = [float(value.strip().rstrip("%")) for value in columns.group(1).split(",") if value]
    assert len(percent) == 4
    assert percent[3] > percent[1] > percent[0] and abs(sum(percent) - 100) < 0.1
    assert "align: (auto,auto,right,auto,)" in typst


def test_only_the_separator_row_changes() -> None:
    markdown = (
        "Text before.\n\n"
        + table(["A", "B"], ["ett " * 20, "2"], ["tre", "4"])
        + "\n\nText after.\n"
    )
    before, after = markdown.split("\n"), prepare_for_pandoc(markdown, "docx").split("\n")
    assert len(before) == len(after)
    changed = [index for index, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [3]


@pytest.mark.parametrize(
    "markdown",
    [
        # No table: a paragraph's line before it makes it text to pandoc.
        "Some text\n| A | B |\n|---|---|\n| 1 | 2 |\n",
        # Header and separator disagree on the number of columns.
        "| A | B | C |\n|---|---|\n| 1 | 2 |\n",
        # Not a separator row.
        "| A | B |\n| x | y |\n",
        # In fenced code.
        "```\n| A | B |\n|---|---|\n| 1 | 2 |\n```\n",
        "~~~~\n::: keep\n~~~\n| A | B |\n|---|---|\n~~~~\n",
    ],
)
def test_what_is_no_table_is_left_alone(markdown: str) -> None:
    for writer in MEASURES:
        assert prepare_for_pandoc(markdown, writer) == markdown


def test_tables_after_a_heading_or_inside_a_keep_block_are_laid_out() -> None:
    markdown = "## Rubrik\n| A | B |\n|---|---|\n| 1 | 2 |\n\n::: keep\n| C | D |\n|---|---|\n| x | 3 |\n:::\n"
    lines = prepare_for_pandoc(markdown, "docx").split("\n")
    assert len(lines[2]) > PANDOC_COLUMNS
    assert aligned(lines[2]) == ["right", "right"]
    assert len(lines[7]) > PANDOC_COLUMNS
    assert aligned(lines[7]) == ["default", "right"]


def cells(*columns: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """Header and rows from columns given top to bottom (the header first)."""
    header = [column[0] for column in columns]
    rows = [list(row) for row in zip(*(column[1:] for column in columns), strict=True)]
    return header, rows


def longest_word(values: Sequence[str], bold: bool = False) -> float:
    return max(
        text_width(word) * (1.12 if bold else 1.0)
        for value in values
        for word in cell_text(value).split(" ")
        if word
    )


MEMBERS = cells(
    ["Organisation", "Exempelkommunens arbetsmarknadsenhet (exempel)", "Stiftelsen Activa",
     "Exempelföreningen Föräldranätverket (exempel)", "Region Örebro län"],
    ["Sektor", "kommun", "civilsamhälle", "civilsamhälle", "region"],
    ["Kommun", "Örebro", "Stockholm (utanför länet)", "Lekeberg", "Örebro"],
    ["Medlem sedan", "2020-08-18", "2015-06-01", "2016-12-14", "2015-06-01"],
)  # fmt: skip
MEETINGS = cells(
    ["Datum", "2025-02-20", "2025-05-14", "2025-10-23", "2025-11-11"],
    ["Typ", "Stormöte", "MSI-dialog", "Stormöte", "AU-möte"],
    ["Möte", "Stormöte: social innovation i föreningslivet (exempel)",
     "Dialogmöte med Mötesplats social innovation (exempel)",
     "Stormöte: höstens nätverksträff (exempel)", "AU-möte (exempel)"],
    ["Status", "genomfört", "genomfört", "genomfört", "inställt"],
    ["I samverkan med", "Regional utveckling", "", "Regional utveckling", ""],
    ["Närvarande organisationer", "6", "3", "6", "2"],
)  # fmt: skip
DUTIES = cells(
    ["Uppgift", "1. Planera och hålla samman arbetsutskottets möten",
     "2. Planera och genomföra stormöten 2–4 gånger per år i samverkan med Regional utveckling",
     "3. Aktiv dialog med medlemmarna och aktiviteter som de önskar"],
    ["Genomfört under året", "11 av 11 planerade AU-möten har hållits",
     "3 stormöten har hållits, varav 3 i samverkan med Regional utveckling",
     "1 anteckning om dialogen med medlemmarna; 3 av 5 aktiviteter på listan genomförda"],
    ["Bedömning", "**uppfyllt**", "**uppfyllt**", "**inte uppfyllt**"],
)  # fmt: skip
SPARSE = cells(
    ["Aktivitet", "Nyhetsbrev varje kvartal (exempel)", "Guide för nya medlemmar (exempel)",
     "Workshop om sociala innovationer i praktiken (exempel)", "Studieresa (exempel)"],
    ["Resultat eller skäl", "Fyra nyhetsbrev med över tvåhundra läsare var (exempel)",
     "Skjuten till nästa år eftersom skribenten slutade (exempel)",
     "28 deltagare från 12 organisationer, mycket uppskattad (exempel)",
     "För få anmälda, ställdes in i god tid (exempel)"],
    ["Önskad av", "", "", "Exempelstiftelsen Bron (exempel), Föreningen Exempelgården (exempel)",
     ""],
)  # fmt: skip
SMALL = cells(["Sektor", "civilsamhälle", "statlig myndighet"], ["Antal", "28", "2"])


@pytest.mark.parametrize("measure", [PDF, WORD], ids=["pdf", "word"])
@pytest.mark.parametrize(
    "example", [MEMBERS, MEETINGS, DUTIES, SPARSE, SMALL], ids=lambda e: e[0][0]
)
def test_each_column_holds_its_longest_word(
    measure: TableMeasure, example: tuple[list[str], list[list[str]]]
) -> None:
    header, rows = example
    widths = column_widths(header, rows, measure)
    room = max(measure.line, sum(widths))
    for index, width in enumerate(widths):
        body = [row[index] for row in rows]
        need = max(longest_word(body), longest_word([header[index]], bold=True))
        # The share of the line the column gets holds the word and the padding.
        assert width / sum(widths) * room >= need + measure.padding - 1e-9, header[index]


def test_long_text_gets_the_room_and_short_columns_stay_short() -> None:
    header, rows = MEETINGS
    datum, typ, mote, status, samverkan, antal = shares(column_widths(header, rows, PDF))
    assert mote == max(datum, typ, mote, status, samverkan, antal)
    assert antal < mote / 1.5  # a column of counts gets its header's word, no more
    header, rows = DUTIES
    for measure in (PDF, WORD):
        task, done, verdict = shares(column_widths(header, rows, measure))
        assert verdict < task and verdict < done


def test_a_table_that_barely_fits_gets_its_longest_words() -> None:
    header, rows = MEETINGS  # six columns on Word's line: little more than the longest words
    widths = column_widths(header, rows, WORD)
    assert sum(widths) == pytest.approx(WORD.line)
    extra = {}
    for index, width in enumerate(widths):
        need = max(longest_word([row[index] for row in rows]), longest_word([header[index]], True))
        assert width >= need + WORD.padding - 1e-9, header[index]
        extra[header[index]] = width - need - WORD.padding
    assert max(extra, key=extra.__getitem__) == "Möte"  # the rest goes to the long names


def test_a_column_with_one_long_cell_does_not_take_all_the_room() -> None:
    header, rows = SPARSE
    _activity, result, wished = shares(column_widths(header, rows, PDF))
    assert result > wished  # four long cells outweigh one


def test_a_table_that_fits_gets_its_natural_proportions() -> None:
    header, rows = SMALL
    sector, count = column_widths(header, rows, PDF)
    assert sector == pytest.approx(text_width("statlig myndighet") + PDF.padding)
    assert count == pytest.approx(text_width("Antal") * 1.12 + PDF.padding)


def test_a_table_too_wide_for_any_line_shares_by_longest_words() -> None:
    words = ["Organisationsnummerförteckningen", "Samordningsnybörjarorganisationen"] * 3
    header = [f"K{index}" for index in range(len(words))]
    measure = TableMeasure(line=100, padding=2, every_table_wide=True)
    widths = column_widths(header, [words], measure)
    assert widths == pytest.approx([text_width(word) + 2 for word in words])


def test_a_very_long_word_is_capped_and_leaves_the_others_their_words() -> None:
    header, rows = (
        ["Länk", "Namn"],
        [["https://exempel.se/" + "a" * 120, "Föreningsrådet i Örebro"]],
    )
    link, name = column_widths(header, rows, PDF)
    assert link >= 0.45 * PDF.line + PDF.padding - 1e-9
    assert name >= text_width("Föreningsrådet") + PDF.padding - 1e-9
    assert link + name == pytest.approx(PDF.line)


@given(
    st.lists(
        st.lists(st.text(alphabet="abcdeåäöABC 0123456789-", max_size=60), min_size=3, max_size=3),
        min_size=1,
        max_size=8,
    )
)
def test_widths_are_positive_and_fill_the_line_when_text_wraps(rows: list[list[str]]) -> None:
    header = ["Första", "Andra", "Tredje"]
    for measure in (PDF, WORD):
        widths = column_widths(header, rows, measure)
        assert all(width >= measure.padding + 3 - 1e-9 for width in widths)
        row = layout_table(
            ["| A | B | C |", "|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows],
            measure,
        )
        assert all(length >= 3 for length in dashes(row))


# --- keep-together blocks ----------------------------------------------------------------

KEEP = "Före.\n\n::: keep\nVid protokollet\n\n.......\\\nSekreterare\n:::\n\nEfter.\n"


@pytest.mark.parametrize(
    ("writer", "fence"),
    [
        ("typst", '::: {.keep typst:breakable="false"}'),
        ("docx", '::: {.keep custom-style="Keep"}'),
        ("odt", '::: {.keep custom-style="Keep"}'),
        ("html", "::: {.keep}"),
    ],
)
def test_a_keep_block_gets_its_writers_attributes(writer: str, fence: str) -> None:
    out = prepare_for_pandoc(KEEP, writer)
    assert out == KEEP.replace("::: keep", fence)
    assert prepare_for_pandoc(KEEP.replace("::: keep", "::::: {.keep} :::::"), writer) == (
        KEEP.replace("::: keep", fence.replace(":::", ":::::", 1))
    )
    other = KEEP.replace("::: keep", "::: note")
    assert prepare_for_pandoc(other, writer) == other


def test_a_keep_block_is_an_unbreakable_block_in_typst() -> None:
    typst = markdown_to_typst(KEEP)
    assert "#block(breakable: false)[\nVid protokollet" in typst


# --- no cell or item text becomes Typst structure ----------------------------------------

MARKED = ["- Streck", "+ Plus", "= Lika med", "== Dubbel", "/ Snedstreck utan kolon", "2. Andra"]


def test_cell_text_starting_with_a_typst_marker_stays_text() -> None:
    markdown = table(["Cell", "Nästa"], *([value, value] for value in MARKED))
    typst = markdown_to_typst(markdown)
    for value in MARKED:
        marker, rest = value.split(" ", 1)
        escaped = f"{marker[:-1]}\\." if marker.endswith(".") else f"\\{marker}"
        assert f"[{escaped} {rest}], [{escaped} {rest}]," in typst, value


def test_list_items_starting_with_a_typst_marker_stay_text() -> None:
    items = "\n".join(f"{index}. {escape_markdown(value)}" for index, value in enumerate(MARKED, 1))
    bullets = "\n".join(f"- {escape_markdown(value)}" for value in MARKED)
    typst = markdown_to_typst(f"{items}\n\n{bullets}\n\n## {escape_markdown('- Rubrik')}\n")
    for value in MARKED:
        marker, rest = value.split(" ", 1)
        escaped = f"{marker[:-1]}\\." if marker.endswith(".") else f"\\{marker}"
        assert f"+ {escaped} {rest}\n" in typst, value
        assert f"- {escaped} {rest}\n" in typst, value
    assert "== \\- Rubrik" in typst


def test_markers_inside_text_are_left_alone() -> None:
    markdown = table(["A", "B"], ["a - b", "-"], ["x = y", "2."], ["--", "1,5"])
    typst = markdown_to_typst(markdown)
    assert "[a - b], [-]," in typst
    assert "[x = y], [2.]," in typst


# --- rendered documents ------------------------------------------------------------------

REQUEST = DocumentRequest(file_format="pdf", output=None, lang="sv", user_dir=None)
NAMES = [
    ("Exempelkommunens socialförvaltning", "Ljusnarsberg", "95 464,50 kr", "2025-03-31"),
    ("Föreningen Exempelgården", "Hällefors", "200 000 kr", "2025-10-23"),
    ("Exempelföreningen Nyanlända", "Lindesberg", "3", "2025-11-04"),
    ("Studieförbundet Vuxenskolan Örebro län", "Degerfors", "1 234,50 kr", "2025-12-09"),
]
NOTES = [
    "Arvode för samordning av nätverksträffar och stormöten under våren",
    "- Streck först i cellen, och en lång text som måste brytas på flera rader i cellen",
    "2. Andra punkten, inte en lista, och en lång text som måste brytas på flera rader",
    "/ Snedstreck utan kolon först i cellen",
]


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text as extracted, lines kept (a hyphenated word stays split), with
    hyphens that pypdf reads as soft hyphens restored and spaces made plain."""
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return [re.sub(r"[^\S\n]+", " ", page.replace("\u00ad", "-")) for page in pages]


def test_a_table_of_names_and_amounts_keeps_every_word_whole() -> None:
    rows = [
        (name, town, amount.replace(" ", NBSP), day, note)
        for (name, town, amount, day), note in zip(NAMES, NOTES, strict=True)
    ]
    markdown = "# Utgifter\n\n" + table(
        ["Organisation", "Kommun", "Belopp", "Datum", "Anteckning"], *rows
    )
    text = "\n".join(pdf_pages(markdown_to_pdf(markdown, REQUEST, title="t", header="h")))
    for name, town, amount, day in NAMES:
        for word in [*name.split(), town, day]:
            assert word in text, word
        assert amount in text, amount
    joined = " ".join(text.split())
    assert "- Streck först i cellen" in joined
    assert "2. Andra punkten" in joined
    assert "/ Snedstreck utan kolon" in joined
    assert "\u2022" not in text  # no list bullet
    # No line of the table ends in a hyphenated word.
    assert not re.search(r"\w-\n\w", text), text


def keep_document(keep: bool) -> str:
    """Thirty short paragraphs, then ten signature lines that reach over the first page's end."""
    body = "\n\n".join(f"Stycke {index} om partnerskapet." for index in range(1, 31))
    lines = "\n\n".join(f"Signaturrad {index}" for index in range(1, 11))
    block = f"::: keep\n{lines}\n:::" if keep else lines
    return f"# Prov\n\n{body}\n\n{block}\n"


def page_of(pages: Sequence[str], line: str) -> int:
    return next(number for number, page in enumerate(pages, 1) if line in page.splitlines())


def test_a_keep_block_near_a_page_end_lands_on_one_page() -> None:
    loose = pdf_pages(markdown_to_pdf(keep_document(False), REQUEST, title="t", header="h"))
    assert page_of(loose, "Signaturrad 1") < page_of(loose, "Signaturrad 10")  # it would split
    kept = pdf_pages(markdown_to_pdf(keep_document(True), REQUEST, title="t", header="h"))
    first = page_of(kept, "Signaturrad 1")
    assert all(page_of(kept, f"Signaturrad {index}") == first for index in range(2, 11))
    assert page_of(kept, "Stycke 30 om partnerskapet.") == first - 1


def document_part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def test_word_gets_content_widths_right_aligned_amounts_and_kept_signatures() -> None:
    rows = [(name, town, amount.replace(" ", NBSP), day) for name, town, amount, day in NAMES]
    markdown = (
        table(["Organisation", "Kommun", "Belopp", "Datum"], *rows)
        + "\n\n::: keep\nVid protokollet\n\n.......\\\nSekreterare\n:::\n"
    )
    request = DocumentRequest(file_format="docx", output=None, lang="sv", user_dir=None)
    document = document_part(
        markdown_to_editable(markdown, request, title="t"), "word/document.xml"
    )
    assert '<w:tblW w:type="pct" w:w="5000" />' in document
    grid = [int(value) for value in re.findall(r'<w:gridCol w:w="(\d+)"', document)]
    organisation, town, amount, day = grid
    assert organisation > town and organisation > amount and organisation > day
    assert document.count('<w:jc w:val="right" />') == 1 + len(NAMES)  # header and amounts
    assert document.count('<w:pStyle w:val="Keep" />') == 2
    styles = zipfile.ZipFile(builtin_templates() / "reference.docx").read("word/styles.xml")
    keep = re.search(rb'w:styleId="Keep">.*?</w:style>', styles, re.S)
    assert keep and b"<w:keepNext />" in keep.group(0) and b"<w:keepLines />" in keep.group(0)


def test_opendocument_keeps_signatures_together() -> None:
    request = DocumentRequest(file_format="odt", output=None, lang="sv", user_dir=None)
    content = document_part(markdown_to_editable(KEEP, request, title="t"), "content.xml")
    assert content.count('text:style-name="Keep"') == 2
    styles = zipfile.ZipFile(builtin_templates() / "reference.odt").read("styles.xml")
    keep = re.search(rb'style:name="Keep".*?</style:style>', styles, re.S)
    assert keep and b'fo:keep-with-next="always"' in keep.group(0)
    assert b'fo:keep-together="always"' in keep.group(0)
