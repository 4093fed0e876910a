"""`psi meeting agenda` (kallelse) and `psi meeting minutes` (protokoll): Markdown and PDF.

The Markdown is compared with the files in tests/snapshots/; run `pytest --snapshot-update`
to rewrite them after a deliberate change, and read the diff before committing. The record
behind them is built with fixed dates, so the documents do not depend on today.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from psi.errors import ExitCode
from tests.conftest import Db, Run, assert_snapshot, record_once, restored
from tests.helpers import (
    ACTIVA,
    OFR,
    add_meeting,
    add_orgs,
    assert_fails,
    hold_meeting,
    ok,
    pdf_text,
    rendered,
)

MAIN_DAY = "2025-03-11"
NOTES = "Mötet gick igenom årets aktiviteter.\n\nBudgeten för år 2025 diskuterades."
INJECTION = 'Fält #_*$@<]\\ #read("secret.txt") | a | b |'
SECRET = "TOPSECRET-4711"


def paragraph_numbers(markdown: str) -> list[int]:
    """The § numbers of the protocol's paragraphs, in order."""
    return [int(n) for n in re.findall(r"^## § (\d+) ", markdown, re.MULTILINE)]


def build_main(run: Run, folder: Path) -> dict[str, int]:
    """A held AU meeting with agenda, attendance, notes, decisions and action items; an earlier
    AU meeting with one open and one done item; the next AU meeting."""
    add_orgs(run)
    earlier = add_meeting(run, "au", "2025-02-11", "--time", "13:00-15:00")
    hold_meeting(run, earlier, "--attended", "activa")
    ok(run, "action", "add", str(earlier), "Boka lokal till stormötet", "--owner", "ÖFR",
       "--due", "2025-03-01")  # fmt: skip
    out = ok(run, "action", "add", str(earlier), "Uppdatera webben", "--owner", "activa",
             "--due", "2025-02-20")  # fmt: skip
    done = re.search(r"Added action item (\d+) ", out)
    assert done is not None
    ok(run, "action", "done", done.group(1), "--on", "2025-02-19")
    meeting = add_meeting(
        run, "au", MAIN_DAY, "--time", "13:00-15:00", "--place", "Föreningarnas hus, Örebro",
        "--link", "https://meet.example.se/au", "--item", "Aktivitetslistan 2025",
        "--item", "Budget och årsplanering",
    )  # fmt: skip
    add_meeting(
        run, "au", "2025-04-08", "--time", "13:00-15:00", "--place", "Medborgarhuset, Kumla"
    )
    add_meeting(run, "stormote", "2025-03-20", "--time", "09:00-12:00")  # another kind: not next
    notes = folder / "anteckningar.txt"
    notes.write_text(NOTES + "\n", encoding="utf-8")
    hold_meeting(
        run, meeting, "--attended", "activa", "--attended", "ÖFR", "--minutes", str(notes),
        "--decision", "anta aktivitetslistan 2025",
        "--decision", "godkänna budgeten för år 2025 med ändringar",
    )  # fmt: skip
    ok(run, "action", "add", str(meeting), "Skicka kallelse till stormötet", "--owner", "activa",
       "--due", "2025-03-13")  # fmt: skip
    ok(run, "action", "add", str(meeting), "Sammanställa årsrapporten", "--owner", OFR,
       "--due", "2025-04-30")  # fmt: skip
    return {"main": meeting}


main_template = record_once(build_main)
"""The record behind the documents, built once."""


@pytest.fixture
def main(run: Run, db: Db, main_template: tuple[Db, dict[str, int]]) -> int:
    """This test's copy of the record; the number of the held AU meeting."""
    return restored(main_template, db)["main"]


# --- Markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_agenda_markdown_snapshot(run: Run, main: int, lang: str) -> None:
    markdown = ok(run, "meeting", "agenda", str(main), "--lang", lang)
    assert_snapshot(f"agenda-au.{lang}.md", markdown)
    numbered = re.findall(r"^(\d+)\. ", markdown, re.MULTILINE)
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]
    assert "Boka lokal till stormötet" in markdown  # open item of the earlier AU meeting
    assert "Uppdatera webben" not in markdown  # done
    assert "Skicka kallelse" not in markdown  # decided at this meeting, not before it


def test_agenda_swedish_content(run: Run, main: int) -> None:
    markdown = ok(run, "meeting", "agenda", str(main))
    assert markdown.startswith("# Kallelse: AU-möte\n")
    for line in (
        "- **Datum:** tisdag 11 mars 2025 (vecka 11)",
        "- **Tid:** 13:00–15:00",
        "- **Plats:** Föreningarnas hus, Örebro",
        "## Dagordning",
        "1. Mötets öppnande",
        "5. Aktivitetslistan 2025",
        "6. Budget och årsplanering",
        "7. Öppna åtgärdspunkter från tidigare möten",
        "10. Mötets avslutande",
    ):
        assert line in markdown.splitlines(), line


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_minutes_markdown_snapshot(run: Run, main: int, lang: str) -> None:
    markdown = ok(run, "meeting", "minutes", str(main), "--lang", lang)
    assert_snapshot(f"minutes-au.{lang}.md", markdown)
    numbers = paragraph_numbers(markdown)
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 8


def test_minutes_is_a_swedish_protocol(run: Run, main: int) -> None:
    markdown = ok(run, "meeting", "minutes", str(main))
    lines = markdown.splitlines()
    assert lines[0] == "# Protokoll: AU-möte"
    assert f"- **Närvarande:** {ACTIVA}, {OFR}" in lines
    assert "- **Datum:** tisdag 11 mars 2025 (vecka 11)" in lines
    headings = [line for line in lines if line.startswith("## § ")]
    assert headings[:4] == [
        "## § 1 Mötets öppnande",
        "## § 2 Val av mötesordförande, sekreterare och justerare",
        "## § 3 Godkännande av dagordningen",
        "## § 4 Föregående protokoll",
    ]
    assert headings[4:6] == ["## § 5 Aktivitetslistan 2025", "## § 6 Budget och årsplanering"]
    assert headings[-3:] == [
        f"## § {len(headings) - 2} Övriga frågor",
        f"## § {len(headings) - 1} Nästa möte",
        f"## § {len(headings)} Mötets avslutande",
    ]
    assert "1. Mötet beslutade att anta aktivitetslistan 2025." in lines
    assert "2. Mötet beslutade att godkänna budgeten för år 2025 med ändringar." in lines
    assert f"| Skicka kallelse till stormötet | {ACTIVA} | 2025-03-13 |" in lines
    assert f"| Sammanställa årsrapporten | {OFR} | 2025-04-30 |" in lines
    assert "Mötet gick igenom årets aktiviteter." in lines
    assert "Nästa möte hålls tisdag 8 april 2025 kl. 13:00–15:00, Medborgarhuset, Kumla." in lines
    assert lines.index("Vid protokollet") < lines.index("Justeras")
    assert "Utkast" not in markdown


def test_draft_minutes_and_cancelled_agenda_snapshots(run: Run, main: int) -> None:
    planned = add_meeting(run, "stormote", "2025-10-14", "--time", "09:00-12:00", "--place", "Kumla",
                  "--item", "Rekrytering av nya medlemmar")  # fmt: skip
    draft = ok(run, "meeting", "minutes", str(planned))
    assert_snapshot("minutes-stormote-draft.sv.md", draft)
    assert "Utkast" in draft and "ingen närvaro registrerad" in draft
    assert "- **I samverkan med:** Regional utveckling" in draft.splitlines()
    ok(run, "meeting", "cancel", str(planned), "--reason", "För få anmälda")
    cancelled = ok(run, "meeting", "agenda", str(planned))
    assert_snapshot("agenda-stormote-cancelled.sv.md", cancelled)
    assert "**Mötet är inställt:** För få anmälda" in cancelled


def test_markdown_to_a_file(run: Run, main: int, tmp_path: Path) -> None:
    shown = ok(run, "meeting", "minutes", str(main), "--lang", "en")
    target = tmp_path / "minutes.md"
    out = ok(run, "meeting", "minutes", str(main), "--lang", "en", "-o", str(target))
    assert f"Wrote {target}." in out
    assert target.read_text(encoding="utf-8") == shown


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_documents_with_output_file(run: Run, main: int, tmp_path: Path) -> None:
    agenda_pdf = tmp_path / "kallelse.pdf"
    minutes_pdf = tmp_path / "protokoll.pdf"
    ok(run, "meeting", "agenda", str(main), "--format", "pdf", "-o", str(agenda_pdf))
    ok(run, "meeting", "minutes", str(main), "--format", "pdf", "-o", str(minutes_pdf))
    agenda = pdf_text(agenda_pdf)
    assert "Kallelse: AU-möte" in agenda
    assert "Öppna åtgärdspunkter från tidigare möten" in agenda
    assert "Boka lokal till stormötet" in agenda
    assert "Välkomna!" in agenda
    minutes = pdf_text(minutes_pdf)
    assert "Protokoll: AU-möte" in minutes
    assert f"Närvarande: {ACTIVA}, {OFR}" in minutes
    assert "Mötet beslutade att godkänna budgeten för år 2025 med ändringar." in minutes
    assert "Sammanställa årsrapporten" in minutes
    assert "Vid protokollet" in minutes and "Justeras" in minutes
    for text in (agenda, minutes):
        assert {"å", "ä", "ö", "Ö"} <= set(text)
        assert "Partnerskapet för sociala innovationer" in text


def test_pdf_documents_default_file_names(
    run: Run, main: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = ok(run, "meeting", "agenda", str(main), "--format", "pdf")
    assert f"Wrote kallelse-{MAIN_DAY}-au.pdf." in out
    out = ok(run, "meeting", "minutes", str(main), "--format", "pdf")
    assert f"Wrote protokoll-{MAIN_DAY}-au.pdf." in out
    out = ok(run, "meeting", "minutes", str(main), "--format", "pdf", "--lang", "en")
    assert f"Wrote minutes-{MAIN_DAY}-au.pdf." in out
    assert "Kallelse: AU-möte" in pdf_text(tmp_path / f"kallelse-{MAIN_DAY}-au.pdf")
    swedish = pdf_text(tmp_path / f"protokoll-{MAIN_DAY}-au.pdf")
    assert "Mötet beslutade att anta aktivitetslistan 2025." in swedish
    english = pdf_text(tmp_path / f"minutes-{MAIN_DAY}-au.pdf")
    assert "Minutes: AU-möte" in english and "Present:" in english
    assert "Mötet beslutade att anta aktivitetslistan 2025." in english
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        f"kallelse-{MAIN_DAY}-au.pdf",
        f"minutes-{MAIN_DAY}-au.pdf",
        f"protokoll-{MAIN_DAY}-au.pdf",
    ]


# --- data never becomes markup ---------------------------------------------------------------


def test_injection_stays_text_in_markdown_and_pdf(
    run: Run, empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    ok(run, "org", "add", INJECTION, "--sector", "civil-society")
    earlier = add_meeting(run, "au", "2025-02-11", "--time", "13:00-15:00")
    ok(run, "action", "add", str(earlier), INJECTION, "--owner", INJECTION, "--due", "2025-03-01")
    meeting = add_meeting(run, "au", MAIN_DAY, "--time", "13:00-15:00", "--title", f"Möte {INJECTION}",
                  "--item", INJECTION, "--item", "Budget")  # fmt: skip
    notes = tmp_path / "notes.txt"
    notes.write_text(f"{INJECTION}\n\n# {INJECTION}\n\n- {INJECTION}\n", encoding="utf-8")
    hold_meeting(run, meeting, "--attended", INJECTION, "--decision", f"anta {INJECTION}",
         "--minutes", str(notes))  # fmt: skip
    ok(run, "action", "add", str(meeting), INJECTION, "--owner", INJECTION, "--due", "2025-04-01")

    agenda = ok(run, "meeting", "agenda", str(meeting))
    minutes = ok(run, "meeting", "minutes", str(meeting))
    for markdown in (agenda, minutes):
        assert "| a | b |" not in markdown
        assert '#read("secret.txt")' not in markdown.replace('\\#read("secret.txt")', "")
        assert "<]" not in markdown.replace("\\<\\]", "")
    shown_agenda = rendered(agenda)
    assert f"Kallelse: Möte {INJECTION}" in shown_agenda
    assert f"5. {INJECTION}" in shown_agenda
    assert f"{INJECTION} (ansvarig: {INJECTION}, klart senast 2025-03-01)" in shown_agenda
    shown_minutes = rendered(minutes)
    assert f"Protokoll: Möte {INJECTION}" in shown_minutes
    assert f"Närvarande: {INJECTION}" in shown_minutes
    assert f"§ 5 {INJECTION}" in shown_minutes
    assert f"Mötet beslutade att anta {INJECTION}." in shown_minutes
    assert shown_minutes.count(INJECTION) >= 9  # title, present, §, decision, 2 cells, 3 notes
    # The action table still has three columns: text, owner, due date.
    assert len(re.findall(r"^\|.*\| 2025-04-01 \|$", minutes, re.MULTILINE)) == 1

    for document, name in (("agenda", "kallelse.pdf"), ("minutes", "protokoll.pdf")):
        ok(run, "meeting", document, str(meeting), "--format", "pdf", "-o", name)
        text = pdf_text(tmp_path / name)
        assert SECRET not in text
        assert INJECTION in text, text
    minutes_text = pdf_text(tmp_path / "protokoll.pdf")
    assert f"Mötet beslutade att anta {INJECTION}." in minutes_text
    assert SECRET.encode() not in (tmp_path / "protokoll.pdf").read_bytes()


# --- refusals --------------------------------------------------------------------------------


def test_document_refusals(run: Run, main: int, db: Db, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    for document in ("agenda", "minutes"):
        for code, options in (
            (ExitCode.INVALID, ["--lang", "de"]),
            (ExitCode.INVALID, ["--format", "rtf"]),
            (ExitCode.INVALID, ["--format", "rtf", "--lang", "de"]),
        ):
            message = assert_fails(
                run, db, code, "meeting", document, str(main), *options, "-o", str(target)
            )
            assert f"'{options[-1]}'" in message or len(options) > 2
            assert not target.exists()
        assert_fails(run, db, ExitCode.NOT_FOUND, "meeting", document, "999")
        missing = tmp_path / "no-such-folder" / "doc.pdf"
        assert_fails(
            run, db, ExitCode.FILE, "meeting", document, str(main), "--format", "pdf", "-o",
            str(missing),
        )  # fmt: skip
        assert_fails(
            run, db, ExitCode.FILE, "meeting", document, str(main), "-o",
            str(tmp_path / "no-such-folder" / "doc.md"),
        )  # fmt: skip
        assert_fails(
            run, db, ExitCode.FILE, "meeting", document, str(main), "--templates",
            str(tmp_path / "no-templates"),
        )  # fmt: skip
