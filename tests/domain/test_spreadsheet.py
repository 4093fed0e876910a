"""CSV files as Swedish Excel reads and writes them, and formula-safe cells."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.spreadsheet import (
    BOM,
    CsvRow,
    Table,
    neutralise,
    read_csv,
    read_json_table,
    read_table,
    restore,
    write_csv,
)
from psi.errors import InvalidInput

# The same shape as the aliases psi uses for the register: folded header text -> column.
ALIASES = {
    "name": "name",
    "namn": "name",
    "organisation": "name",
    "sector": "sector",
    "sektor": "sector",
    "short": "short",
    "kortnamn": "short",
    "short name": "short",
    "joined": "joined",
    "medlem sedan": "joined",
    "note": "note",
    "anteckning": "note",
}
REQUIRED = ("name", "sector")
FORMULA_CHARS = ("=", "+", "-", "@")


def read(text: str) -> list[CsvRow]:
    return read_csv(text, ALIASES, REQUIRED)


# --- neutralise and restore -------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+46 19 123 45 67", "'+46 19 123 45 67"),
        ("-5", "'-5"),
        ("@anna", "'@anna"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("=", "'="),
        ("Nora IF", "Nora IF"),
        ("", ""),
        ("a=b", "a=b"),
        ("Örebro", "Örebro"),
        ("'quoted", "'quoted"),
        (" =x", " =x"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["=SUM(A1)", "+46", "-5", "@anna", "Nora IF", "", "'quoted", "'", "''", "a'=b", "\tx"],
)
def test_restore_undoes_neutralise(cell: str) -> None:
    assert restore(neutralise(cell)) == cell


@pytest.mark.parametrize("cell", ["'=1+1", "'+46 19 12 34 56"])
def test_restore_undoes_neutralise_for_text_starting_with_quote_and_formula(cell: str) -> None:
    # Text that itself begins with ' and then =, +, - or @ must survive an export and an import.
    assert restore(neutralise(cell)) == cell


# Any text, with the starts that matter (quotes, formula characters) drawn often.
any_cell = st.one_of(
    st.text(),
    st.tuples(
        st.sampled_from(["", "'", "''"]),
        st.sampled_from(["", *FORMULA_CHARS, "\t", "\r", " "]),
        st.text(max_size=10),
    ).map("".join),
)


@given(any_cell)
def test_restore_neutralise_round_trip(cell: str) -> None:
    assert restore(neutralise(cell)) == cell


@given(any_cell)
def test_neutralised_cells_never_start_a_formula(cell: str) -> None:
    assert not neutralise(cell).startswith(FORMULA_CHARS)


@given(st.sampled_from(FORMULA_CHARS), st.text())
def test_formula_cells_get_a_leading_quote(start: str, rest: str) -> None:
    assert neutralise(start + rest) == f"'{start}{rest}"


# --- write_csv --------------------------------------------------------------------------


def test_write_csv_format() -> None:
    text = write_csv(["name", "sector"], [["Nora IF", "civil-society"], ["Örebro", "region"]])
    assert text.startswith(BOM)
    assert text == "\ufeffname;sector\r\nNora IF;civil-society\r\nÖrebro;region\r\n"


def test_write_csv_only_header() -> None:
    assert write_csv(["name", "sector"], []) == "\ufeffname;sector\r\n"


def test_write_csv_neutralises_data_but_not_header() -> None:
    text = write_csv(["name", "note"], [["=HYPERLINK()", "-"]])
    assert text == "\ufeffname;note\r\n'=HYPERLINK();'-\r\n"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("a;b", '"a;b"'),
        ('sa "hej"', '"sa ""hej"""'),
        ("rad ett\nrad två", '"rad ett\nrad två"'),
        ("a,b", "a,b"),
    ],
)
def test_write_csv_quotes_when_needed(cell: str, written: str) -> None:
    assert write_csv(["note"], [[cell]]) == f"{BOM}note\r\n{written}\r\n"


def test_write_csv_lines_end_in_crlf() -> None:
    text = write_csv(["name", "sector"], [["A", "x"], ["B", "y"]])
    assert text.count("\r\n") == 3
    assert "\n" not in text.replace("\r\n", "")


# --- read_csv ---------------------------------------------------------------------------


def test_read_semicolon_file_with_bom() -> None:
    rows = read("\ufeffname;sector\r\nNora IF;civil-society\r\n")
    assert rows == [CsvRow(line=2, cells={"name": "Nora IF", "sector": "civil-society"})]


def test_read_comma_file() -> None:
    rows = read("name,sector\nNora IF,civil-society\nÖrebro,region\n")
    assert [row.cells for row in rows] == [
        {"name": "Nora IF", "sector": "civil-society"},
        {"name": "Örebro", "sector": "region"},
    ]
    assert [row.line for row in rows] == [2, 3]


def test_read_comma_file_with_bom() -> None:
    rows = read("\ufeffname,sector\r\nA,b\r\n")
    assert rows[0].cells == {"name": "A", "sector": "b"}


def test_comma_inside_a_semicolon_file_is_text() -> None:
    rows = read("name;sector;note\r\nNora IF;civil-society;a, b, c\r\n")
    assert rows[0].cells["note"] == "a, b, c"


def test_semicolon_inside_quotes_in_a_comma_file() -> None:
    rows = read('name,sector\n"A; B",x\n')
    assert rows[0].cells == {"name": "A; B", "sector": "x"}


def test_cells_are_stripped_and_restored() -> None:
    rows = read("name;sector;note\r\n  Nora IF  ; civil-society ;'=1+1\r\n")
    assert rows[0].cells == {"name": "Nora IF", "sector": "civil-society", "note": "=1+1"}


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        ("name;sector", {"name", "sector"}),
        ("Name;Sector", {"name", "sector"}),
        ("NAMN;SEKTOR", {"name", "sector"}),
        ("namn;sektor;kortnamn;medlem sedan", {"name", "sector", "short", "joined"}),
        ("Namn;Sektor;Medlem sedan;Anteckning", {"name", "sector", "joined", "note"}),
        ("namn;sektor;medlem_sedan", {"name", "sector", "joined"}),
        ("namn;sektor;Medlem_Sedan", {"name", "sector", "joined"}),
        (" namn ; sektor ;  medlem   sedan ", {"name", "sector", "joined"}),
        ("Organisation;Sektor;Short_Name", {"name", "sector", "short"}),
    ],
)
def test_header_aliases(header: str, columns: set[str]) -> None:
    count = header.count(";") + 1
    rows = read(f"{header}\r\n{';'.join(['v'] * count)}\r\n")
    assert set(rows[0].cells) == columns


def test_columns_in_any_order() -> None:
    rows = read("sektor;anteckning;namn\r\nregion;hej;Region Örebro län\r\n")
    assert rows[0].cells == {"name": "Region Örebro län", "sector": "region", "note": "hej"}


def test_empty_header_cells_are_ignored() -> None:
    rows = read("name;;sector;\r\nA;ignored;x;also ignored\r\n")
    assert rows[0].cells == {"name": "A", "sector": "x"}
    assert rows[0].extra_cells == 0


@pytest.mark.parametrize("header", ["name;sector;colour", "name;sector;Färg", "name,sector,xyz"])
def test_unknown_column_is_rejected(header: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read(f"{header}\r\nA;b;c\r\n")
    assert "Unknown column" in caught.value.message
    assert "name" in caught.value.message
    assert "sector" in caught.value.message


@pytest.mark.parametrize(
    ("header", "missing"),
    [
        ("name", "sector"),
        ("sector", "name"),
        ("note;short", "name, sector"),
        ("namn;note", "sector"),
    ],
)
def test_missing_required_column_is_rejected(header: str, missing: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read(f"{header}\r\nA\r\n")
    assert missing in caught.value.message


@pytest.mark.parametrize("text", ["", BOM, "   ", "\r\n\r\n", BOM + "\r\n", "\t\n"])
def test_empty_file_is_rejected(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        read(text)
    assert "empty" in caught.value.message


def test_header_only_gives_no_rows() -> None:
    assert read("name;sector\r\n") == []
    assert read("name;sector") == []


def test_last_line_without_line_break() -> None:
    rows = read("name;sector\r\nA;x")
    assert rows == [CsvRow(line=2, cells={"name": "A", "sector": "x"})]


def test_blank_lines_are_skipped_but_counted() -> None:
    text = "name;sector\r\n\r\nA;x\r\n;\r\n  ;  \r\n\r\nB;y\r\n\r\n"
    rows = read(text)
    assert [(row.line, row.cells["name"]) for row in rows] == [(3, "A"), (7, "B")]


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_numbers_with_any_line_ending(newline: str) -> None:
    text = newline.join(["name;sector", "A;x", "", "B;y", "C;z", ""])
    rows = read(text)
    assert [(row.line, row.cells["name"]) for row in rows] == [(2, "A"), (4, "B"), (5, "C")]


def test_line_numbers_after_a_quoted_multi_line_cell() -> None:
    text = 'name;sector;note\r\nA;x;"rad ett\r\nrad två\r\nrad tre"\r\nB;y;kort\r\n'
    rows = read(text)
    assert rows[0].cells["note"] == "rad ett\r\nrad två\r\nrad tre"
    assert [(row.line, row.cells["name"]) for row in rows[1:]] == [(5, "B")]


def test_line_number_of_a_row_with_a_multi_line_cell_is_where_it_begins() -> None:
    # A row is reported by the line it starts on, as an editor shows it: the row for A
    # starts on line 2 even though its note runs on to line 4.
    text = 'name;sector;note\r\nA;x;"rad ett\r\nrad två\r\nrad tre"\r\nB;y;kort\r\n'
    rows = read(text)
    assert [(row.line, row.cells["name"]) for row in rows] == [(2, "A"), (5, "B")]


@pytest.mark.parametrize(
    ("line", "extra"),
    [
        ("A;x", 0),
        ("A;x;", 0),
        ("A;x;;  ;", 0),
        ("A;x;y", 1),
        ("A;x;y;z", 2),
        ("A;x;;z", 1),
    ],
)
def test_extra_cells_are_counted(line: str, extra: int) -> None:
    rows = read(f"name;sector\r\n{line}\r\n")
    assert rows[0].extra_cells == extra
    assert rows[0].cells == {"name": "A", "sector": "x"}


def test_short_rows_give_only_their_cells() -> None:
    rows = read("name;sector;note\r\nA\r\n")
    assert rows[0].cells == {"name": "A"}


def test_written_file_reads_back() -> None:
    rows = [
        ["Nora IF", "civil-society", "=1+1"],
        ["Örebro Föreningsråd", "civil-society", "rad ett\nrad två"],
        ["Region Örebro län", "region", 'sa "hej"; ok'],
        ["-Minus", "other", "@home"],
    ]
    text = write_csv(["name", "sector", "note"], rows)
    read_back = read(text)
    assert [
        [row.cells["name"], row.cells["sector"], row.cells["note"]] for row in read_back
    ] == rows
    assert [row.line for row in read_back][2:] == [5, 6]


def test_written_file_read_with_windows_newlines_translated() -> None:
    text = write_csv(["name", "sector"], [["A", "x"], ["B", "y"]]).replace("\r\n", "\n")
    assert [row.cells["name"] for row in read(text)] == ["A", "B"]


# Cells as read_csv gives them back: no leading or trailing white space (it strips cells).
# Cells that begin with ' are left to test_restore_neutralise_round_trip.
cell_text = st.one_of(st.text(), st.text(alphabet=";,\"'\r\n\t =+-@aÅö\ufeff")).filter(
    lambda text: text == text.strip() and not text.startswith("'")
)


@given(
    st.lists(
        st.tuples(cell_text, cell_text, cell_text).filter(lambda row: any(row)),
        max_size=8,
    )
)
def test_write_then_read_round_trip(rows: list[tuple[str, str, str]]) -> None:
    text = write_csv(["name", "sector", "note"], rows)
    read_back = read(text)
    assert [
        (row.cells["name"], row.cells["sector"], row.cells["note"]) for row in read_back
    ] == rows
    assert all(row.extra_cells == 0 for row in read_back)
    lines = [row.line for row in read_back]
    assert lines == sorted(lines)
    assert len(set(lines)) == len(lines)


@given(st.lists(st.tuples(cell_text, cell_text).filter(lambda row: any(row)), max_size=8))
def test_comma_separated_file_reads_back(rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow(["namn", "sektor"])
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    read_back = read(buffer.getvalue())
    assert [(row.cells["name"], row.cells["sector"]) for row in read_back] == rows


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("name;sector\nNora IF;other\n" + "x" * (csv.field_size_limit() + 1) + ";other\n", 3),
        ("name;sector\n" + '"' + "rad\n" * 40_000 + '";other\n', 2),
        ("x" * (csv.field_size_limit() + 1) + ";sector\n", 1),
    ],
)
def test_a_cell_too_long_for_csv_is_invalid_input_naming_file_and_line(
    text: str, line: int
) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_csv(text, ALIASES, REQUIRED, name="medlemmar.csv")
    message = caught.value.message
    assert f"line {line} of medlemmar.csv" in message
    assert str(csv.field_size_limit()) in message
    assert "\n" not in message


# --- the columns a file has, and JSON read the same way ---------------------------------------


def test_read_table_gives_the_columns_as_typed() -> None:
    table = read_table("Namn;Sektor;Kortnamn\r\nA;civil-society;AA\r\n", ALIASES, REQUIRED)
    assert table.columns == {"name": "Namn", "sector": "Sektor", "short": "Kortnamn"}
    assert table.rows == [CsvRow(2, {"name": "A", "sector": "civil-society", "short": "AA"})]


def test_read_table_leaves_out_empty_header_cells() -> None:
    table = read_table("name;;sector\r\nA;x;civil-society\r\n", ALIASES, REQUIRED)
    assert table.columns == {"name": "name", "sector": "sector"}


def test_read_csv_is_read_table_rows() -> None:
    text = "name;sector\r\nA;civil-society\r\n\r\nB;academia\r\n"
    assert read_csv(text, ALIASES, REQUIRED) == read_table(text, ALIASES, REQUIRED).rows


def test_read_json_table() -> None:
    text = json.dumps(
        [
            {"name": "A", "sector": "civil-society", "short": None},
            {"namn": "B", "sector": "academia", "short": " BB ", "orgnr": 8024123450},
        ]
    )
    table = read_json_table(text, {**ALIASES, "orgnr": "orgnr"}, REQUIRED, name="m.json")
    assert table.columns == {"name": "name", "sector": "sector", "short": "short", "orgnr": "orgnr"}
    assert table.rows == [
        CsvRow(1, {"name": "A", "sector": "civil-society", "short": ""}),
        CsvRow(2, {"name": "B", "sector": "academia", "short": "BB", "orgnr": "8024123450"}),
    ]


def test_read_json_table_of_nothing() -> None:
    assert read_json_table("[]", ALIASES, REQUIRED) == Table(columns={}, rows=[])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "is not JSON"),
        ('{"name": "A"}', "is not a JSON list of objects"),
        ('["A"]', "is not a JSON list of objects"),
        ('[{"name": "A", "colour": "red"}]', "Unknown column 'colour'"),
        ('[{"name": "A", "sector": ["x"]}]', "Object 1 of m.json has a list or object"),
        ('[{"name": "A"}]', "The header lacks the column(s) sector"),
    ],
)
def test_read_json_table_refuses(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(message)):
        read_json_table(text, ALIASES, REQUIRED, name="m.json")
