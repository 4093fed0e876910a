"""Word, OpenDocument and HTML: the same Markdown through pandoc, real structures, nothing run."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from psi.errors import ExitCode
from tests.conftest import Run

HOSTILE = '#read("secret.txt") *fet* _kursiv_ $x$ @ref <b>html</b> ] \\ | a | b |'
REPORTS = [
    ("report", "followup", "2025"),
    ("report", "decision", "2026"),
    ("report", "budget", "2025"),
    ("report", "members", "--year", "2025"),
    ("report", "activities", "2025"),
    ("report", "rotation"),
    ("meeting", "agenda", "1"),
    ("meeting", "minutes", "1"),
]


def write(run: Run, tmp_path: Path, args: tuple[str, ...], fmt: str) -> Path:
    target = tmp_path / f"{'-'.join(args)}.{fmt}"
    result = run(*args, "--format", fmt, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    return target


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def odt_content(path: Path) -> str:
    return zipfile.ZipFile(path).read("content.xml").decode("utf-8")


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.external: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            fetched = name == "src" or (name == "href" and tag != "a")
            if fetched and value and re.match(r"^(https?:)?//", value):
                self.external.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(path: Path) -> _Html:
    parser = _Html()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("fmt", ["docx", "odt", "html"])
@pytest.mark.parametrize("args", REPORTS, ids=["-".join(a) for a in REPORTS])
def test_every_document_renders_in_every_editable_format(
    run: Run, example_db: Path, tmp_path: Path, args: tuple[str, ...], fmt: str
) -> None:
    write(run, tmp_path, args, fmt)


def test_the_decision_in_word_has_real_headings_and_the_key_facts(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    path = write(run, tmp_path, ("report", "decision", "2026"), "docx")
    document = docx.Document(str(path))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert "Samordning av Partnerskapet för sociala innovationer 2026" in headings
    for section in (
        "Förslag till beslut",
        "Sammanfattning",
        "Ärendebeskrivning",
        "Beslutsunderlag",
    ):
        assert section in headings
    text = docx_text(path)
    assert "200\u00a0000\u00a0kronor" in text
    assert "Katarina Strömgren Sandh" in text
    section = document.sections[0]
    assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1


def test_the_followup_in_word_has_real_tables(run: Run, example_db: Path, tmp_path: Path) -> None:
    path = write(run, tmp_path, ("report", "followup", "2025"), "docx")
    document = docx.Document(str(path))
    assert len(document.tables) >= 3
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Organisation", "Roll", "År i följd"]
    text = docx_text(path)
    assert "Stiftelsen Activa" in text
    assert "200\u00a0000\u00a0kr" in text


def test_the_followup_in_opendocument_has_headings_tables_and_figures(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    content = odt_content(write(run, tmp_path, ("report", "followup", "2025"), "odt"))
    assert "<text:h" in content
    assert "<table:table " in content
    assert "Uppföljning av samordningsuppdraget 2025" in content
    assert "Örebro Föreningsråd" in content
    assert "200\u00a0000\u00a0kr" in content


def test_html_is_one_self_contained_file_with_the_figures(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    path = write(run, tmp_path, ("report", "followup", "2025"), "html")
    page = parse_html(path)
    assert page.external == []
    assert "<link" not in path.read_text(encoding="utf-8")
    assert "style" in page.tags and "table" in page.tags
    text = " ".join(page.text)
    assert "Stiftelsen Activa" in text
    assert "200\u00a0000\u00a0kr" in text


def test_hostile_text_stays_text_in_every_format(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text("HEMLIGHETEN-4711", encoding="utf-8")
    assert (
        run("org", "add", HOSTILE, "--sector", "civil-society", "--joined", "2020-01-01").exit_code
        == 0
    )
    for fmt in ("docx", "odt", "html"):
        path = write(run, tmp_path, ("report", "members", "--year", "2025"), fmt)
        if fmt == "docx":
            text = docx_text(path)
        elif fmt == "odt":
            text = re.sub(r"<[^>]+>", "", odt_content(path))
            text = (
                text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", '"')
                .replace("&amp;", "&")
            )
        else:
            text = " ".join(parse_html(path).text)
            assert "<b>html</b>" not in path.read_text(encoding="utf-8")
        assert HOSTILE in " ".join(text.split()), fmt
        assert "HEMLIGHETEN-4711" not in path.read_bytes().decode("utf-8", "replace")


def test_a_users_own_reference_document_is_used(run: Run, example_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mallar"
    assert run("report", "templates", "--copy", str(folder)).exit_code == 0
    assert (folder / "reference.docx").exists() and (folder / "reference.odt").exists()
    own = docx.Document(str(folder / "reference.docx"))
    own.styles["Normal"].font.name = "Courier New"
    own.save(str(folder / "reference.docx"))
    target = tmp_path / "egen.docx"
    result = run(
        "report",
        "decision",
        "2026",
        "--format",
        "docx",
        "-o",
        str(target),
        "--templates",
        str(folder),
    )
    assert result.exit_code == 0, result.output
    assert docx.Document(str(target)).styles["Normal"].font.name == "Courier New"


def test_an_unknown_format_is_refused(run: Run, example_db: Path, tmp_path: Path) -> None:
    result = run("report", "followup", "2025", "--format", "rtf", "-o", str(tmp_path / "x.rtf"))
    assert result.exit_code == ExitCode.INVALID
    assert "docx" in result.stderr
