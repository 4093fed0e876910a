"""`psi meeting agenda` (kallelse) and `psi meeting minutes` (protokoll, or minnesanteckningar
for a dialogue meeting): Markdown and PDF.

The Markdown is compared with the files in tests/snapshots/; run `pytest --snapshot-update`
to rewrite them after a deliberate change, and read the diff before committing. The record
behind them is built with fixed dates, so the documents do not depend on today.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from psi.errors import ExitCode
from psi.reports.meeting_docs import notes_markdown, present, rsvp_day
from psi.reports.render import PANDOC_MARKDOWN, format_date
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
NOTES = (
    "§ 5\nMötet gick igenom årets aktiviteter:\n- Aktivitetslistan 2025\n- Budgeten\n\n"
    "## Budget och årsplanering\n"
    "1. Budgeten för år 2025 diskuterades.\n2. Webben ses över.\n\n"
    "Övriga frågor\n"
    "Anna Andersson, ordförande\nBo Berg, kassör"
)
PERSON = "Anna Andersson"
SIGNERS = ("--chair", "Cecilia Ceder", "--secretary", "Bo Berg", "--adjuster", "David Dahl",
           "--adjuster", "Eva Ek")  # fmt: skip
INJECTION = 'Fält #_*$@<]\\ #read("secret.txt") | a | b |'
SECRET = "TOPSECRET-4711"


def paragraph_numbers(markdown: str) -> list[int]:
    """The § numbers of the protocol's paragraphs, in order."""
    return [int(n) for n in re.findall(r"^## § (\d+) ", markdown, re.MULTILINE)]


def section(lines: list[str], heading: str) -> list[str]:
    """The non-empty lines under a heading, up to the next heading."""
    start = lines.index(heading) + 1
    end = next((n for n in range(start, len(lines)) if lines[n].startswith("#")), len(lines))
    return [line for line in lines[start:end] if line]


def build_main(run: Run, folder: Path) -> dict[str, int]:
    """A held AU meeting with agenda, attendance (one person named), notes, decisions and
    action items; an earlier AU meeting with one open and one done item; the next AU meeting."""
    add_orgs(run)
    ok(run, "contact", "add", "ÖFR", PERSON)
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
        run, meeting, "--attended", "activa", "--attended", f"ÖFR:{PERSON}", "--minutes", str(notes),
        "--decision", "5: anta aktivitetslistan 2025",
        "--decision", "Budget: godkänna budgeten för år 2025 med ändringar",
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


# --- the kallelse ----------------------------------------------------------------------------


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
    lines = markdown.splitlines()
    assert lines[0] == "# Kallelse till arbetsutskottets möte 11 mars 2025"
    assert "Arbetsutskottet för Partnerskapet för sociala innovationer" in lines
    for line in (
        "- **Datum:** tisdag 11 mars 2025 (vecka 11)",
        "- **Tid:** 13:00–15:00",
        "- **Plats:** Föreningarnas hus, Örebro",
        "- **Länk:** https://meet.example.se/au",
        "## Dagordning",
        "1. Mötets öppnande",
        "5. Aktivitetslistan 2025",
        "6. Budget och årsplanering",
        "7. Öppna åtgärdspunkter från tidigare möten",
        "10. Mötets avslutande",
        # The AU's members are expected: they say when they cannot come; nobody is guessed.
        "Förhinder meddelas senast tisdag 4 mars 2025 till ........................................",
        "Välkomna!",
    ):
        assert line in lines, line
    assert "Anmälan" not in markdown and ":" not in lines[0]


def test_agenda_says_how_to_answer(run: Run, main: int) -> None:
    stormote = add_meeting(run, "stormote", "2025-10-16", "--time", "09:00-12:00",
                           "--title", "Stormöte: social innovation")  # fmt: skip
    markdown = ok(run, "meeting", "agenda", str(stormote))
    lines = markdown.splitlines()
    assert lines[0] == "# Kallelse till stormöte 16 oktober 2025"  # no double colon
    assert "**Stormöte: social innovation**\\" in lines
    assert "Stormötet för Partnerskapet för sociala innovationer" in lines
    rsvp = "Anmälan senast torsdag 9 oktober 2025 till ........................................"
    assert rsvp in lines
    # Who takes the answers, and how long before (for the AU meeting on Tuesday 11 March, 10
    # days before is a Saturday, so the Friday before).
    ok(run, "config", "set", "rsvp-to", "Anna Andersson, anna@example.se")
    assert ok(run, "config", "set", "rsvp-days", "010") == "rsvp-days = 10\n"
    lines = ok(run, "meeting", "agenda", str(stormote)).splitlines()
    assert "Anmälan senast måndag 6 oktober 2025 till Anna Andersson, anna\\@example.se." in lines
    assert (
        "Förhinder meddelas senast fredag 28 februari 2025 till Anna Andersson, anna\\@example.se."
        in ok(run, "meeting", "agenda", str(main)).splitlines()
    )
    english = ok(run, "meeting", "agenda", str(stormote), "--lang", "en").splitlines()
    assert english[0] == "# Notice of the general meeting on 16 October 2025"
    assert "The general meeting of Partnerskapet för sociala innovationer" in english
    assert (
        "Please register by Monday 6 October 2025 with Anna Andersson, anna\\@example.se."
        in english
    )
    rendered_agenda = rendered(ok(run, "meeting", "agenda", str(stormote)))
    assert "till Anna Andersson, anna@example.se." in rendered_agenda


def test_rsvp_day_is_a_working_day_before_the_meeting() -> None:
    assert rsvp_day(date(2025, 3, 11), 7) == date(2025, 3, 4)
    assert rsvp_day(date(2025, 3, 11), 10) == date(2025, 2, 28)  # Saturday 1 March: Friday
    assert rsvp_day(date(2025, 6, 12), 7) == date(2025, 6, 5)
    assert rsvp_day(date(2025, 6, 13), 7) == date(2025, 6, 5)  # 6 June, national day: Thursday
    assert rsvp_day(date(2025, 3, 11), 0) == date(2025, 3, 11)


def test_rsvp_days_must_be_a_number_of_days(run: Run, main: int, db: Db) -> None:
    for value in ("61", "100", "sju", "1.5", "7 dagar"):
        message = assert_fails(run, db, ExitCode.INVALID, "config", "set", "rsvp-days", value)
        assert "number of days" in message


def test_a_cancelled_meeting_gets_no_kallelse_and_no_minutes(run: Run, main: int, db: Db) -> None:
    planned = add_meeting(run, "stormote", "2025-10-14", "--time", "09:00-12:00")
    ok(run, "meeting", "cancel", str(planned), "--reason", "För få anmälda")
    for lang in ("sv", "en"):
        message = assert_fails(
            run, db, ExitCode.RULE, "meeting", "agenda", str(planned), "--lang", lang
        )
        assert f"Meeting {planned} (Stormöte, 2025-10-14) is cancelled" in message
        assert "psi meeting ics 2025" in message and "psi meeting add" in message
    # Nor minutes of either kind, in any format.
    for extra in ((), ("--as", "notes"), ("--format", "pdf")):
        message = assert_fails(run, db, ExitCode.RULE, "meeting", "minutes", str(planned), *extra)
        assert f"Meeting {planned} (Stormöte, 2025-10-14) was cancelled, so it has no " in message


# --- the protokoll ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_minutes_markdown_snapshot(run: Run, main: int, lang: str) -> None:
    markdown = ok(run, "meeting", "minutes", str(main), "--lang", lang, *SIGNERS)
    assert_snapshot(f"minutes-au.{lang}.md", markdown)
    numbers = paragraph_numbers(markdown)
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 8


def test_minutes_is_a_swedish_protocol(run: Run, main: int) -> None:
    markdown = ok(run, "meeting", "minutes", str(main), *SIGNERS)
    lines = markdown.splitlines()
    assert lines[0] == "# Protokoll fört vid arbetsutskottets möte 11 mars 2025"
    assert "Arbetsutskottet för Partnerskapet för sociala innovationer" in lines
    assert "- **Datum:** tisdag 11 mars 2025 (vecka 11)" in lines
    present_at = lines.index("- **Närvarande:**")
    assert lines[present_at + 1 : present_at + 3] == [
        f"    - {PERSON}, {OFR}",
        f"    - {ACTIVA}",
    ]
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
    for line in (
        "Ordföranden förklarade mötet öppnat.",
        "Till mötesordförande valdes Cecilia Ceder och till sekreterare Bo Berg. Till justerare "
        "att jämte ordföranden justera protokollet valdes David Dahl och Eva Ek.",
        "Dagordningen godkändes.",
        "Föregående protokoll lades till handlingarna.",
        f"| Skicka kallelse till stormötet | {ACTIVA} | 2025-03-13 |",
        f"| Sammanställa årsrapporten | {OFR} | 2025-04-30 |",
        "Mötet gick igenom årets aktiviteter:",
        "Nästa möte hålls tisdag 8 april 2025 kl. 13:00–15:00, Medborgarhuset, Kumla.",
        "Ordföranden förklarade mötet avslutat.",
    ):
        assert line in lines, line
    assert "Ingen anteckning." not in markdown
    # Each § holds its own notes and ends with its decision; the rest is övriga frågor.
    assert section(lines, "## § 5 Aktivitetslistan 2025") == [
        "Mötet gick igenom årets aktiviteter:",
        "- Aktivitetslistan 2025",
        "- Budgeten",
        "Mötet beslutade att anta aktivitetslistan 2025.",
    ]
    assert section(lines, "## § 6 Budget och årsplanering") == [
        "1. Budgeten för år 2025 diskuterades.",
        "2. Webben ses över.",
        "Mötet beslutade att godkänna budgeten för år 2025 med ändringar.",
    ]
    assert section(lines, "## § 8 Övriga frågor") == [
        "Anna Andersson, ordförande\\",
        "Bo Berg, kassör",
    ]
    assert "Beslut" not in headings and "Anteckningar" not in markdown
    assert "Utkast" not in markdown and "Protokoll:" not in markdown


def test_the_signature_block(run: Run, main: int) -> None:
    lines = ok(run, "meeting", "minutes", str(main), *SIGNERS).splitlines()
    block = lines[lines.index("::: keep") :]
    assert block[-1] == ":::" and block.count(":::") == 1
    text = [line for line in block if line not in ("", "&nbsp;")]
    line = "." * 70 + "\\"
    assert text == [
        "::: keep",
        "Vid protokollet",
        line, "Bo Berg\\", "Sekreterare",
        "Justeras",
        line, "Cecilia Ceder\\", "Ordförande",
        line, "David Dahl\\", "Justerare",
        line, "Eva Ek\\", "Justerare",
        "Datum för justering: ........................",
        ":::",
    ]  # fmt: skip
    # Room to sign above every line.
    for index, row in enumerate(block):
        if row == line:
            assert block[index - 2 : index] == ["&nbsp;", ""], index
    # Without names: lines to fill in, one justerare.
    unnamed = ok(run, "meeting", "minutes", str(main))
    assert (
        "Till mötesordförande valdes ........................ och till sekreterare "
        "......................... Till justerare att jämte ordföranden justera protokollet "
        "valdes ........................."
    ) in unnamed.splitlines()
    assert unnamed.count("Justerare") == 1 and "Bo Berg\\" not in unnamed
    english = ok(run, "meeting", "minutes", str(main), "--lang", "en", "--adjuster", "Eva Ek")
    assert "Eva Ek was elected to check the minutes together with the chair." in english
    assert "Recorded by" in english and "Date checked: ........................" in english


def test_the_signature_block_renders(run: Run, main: int) -> None:
    shown = rendered(ok(run, "meeting", "minutes", str(main), *SIGNERS))
    assert ":::" not in shown and "keep" not in shown
    assert (
        f"Vid protokollet {'.' * 70} Bo Berg Sekreterare Justeras {'.' * 70} Cecilia Ceder "
        "Ordförande"
    ) in shown
    assert shown.endswith("Eva Ek Justerare Datum för justering: ........................")


def test_the_names_are_checked(run: Run, main: int, db: Db) -> None:
    for option, value, said in (
        ("--chair", " ", '--chair is empty; give a name, like --chair "Anna Andersson".'),
        ("--secretary", "Bo\tBerg", "control character"),
        ("--adjuster", "x" * 101, "at most 100"),
    ):
        message = assert_fails(
            run, db, ExitCode.INVALID, "meeting", "minutes", str(main), option, value
        )
        assert said in message, message


def test_present_lists_persons_with_their_organisation() -> None:
    attended = [
        ("Föreningen Exempelgården (exempel)", "Anna Exempelsson"),
        ("Region Örebro län", None),
        ("Stiftelsen Activa", None),
        (OFR, "Åsa Öberg"),
        (OFR, "Anna Andersson"),
    ]
    assert present(attended) == [
        f"Anna Andersson, {OFR}",
        "Anna Exempelsson, Föreningen Exempelgården (exempel)",
        f"Åsa Öberg, {OFR}",
        "Region Örebro län",
        "Stiftelsen Activa",
    ]


def test_draft_minutes_snapshot(run: Run, main: int) -> None:
    planned = add_meeting(run, "stormote", "2025-10-14", "--time", "09:00-12:00", "--place", "Kumla",
                  "--item", "Rekrytering av nya medlemmar")  # fmt: skip
    draft = ok(run, "meeting", "minutes", str(planned))
    assert_snapshot("minutes-stormote-draft.sv.md", draft)
    assert "Utkast" in draft and "ingen närvaro registrerad" in draft
    lines = draft.splitlines()
    assert lines[0] == "# Protokoll fört vid stormöte 14 oktober 2025"
    assert "Stormötet för Partnerskapet för sociala innovationer" in lines
    assert "- **I samverkan med:** Regional utveckling" in lines
    assert "Tid för nästa möte bestäms senare." in lines


def test_an_item_without_anything_recorded(run: Run, main: int) -> None:
    meeting = add_meeting(run, "au", "2025-05-13", "--item", "Lokalfrågan")
    hold_meeting(run, meeting, "--attended", "activa")
    lines = ok(run, "meeting", "minutes", str(meeting)).splitlines()
    assert lines[lines.index("## § 5 Lokalfrågan") + 2] == "Ingen anteckning."
    english = ok(run, "meeting", "minutes", str(meeting), "--lang", "en").splitlines()
    assert english[english.index("## § 5 Lokalfrågan") + 2] == "Nothing recorded."


# --- minnesanteckningar ----------------------------------------------------------------------


def msi_meeting(run: Run, tmp_path: Path) -> int:
    """A held MSI dialogue with notes, attendance and one agreed follow-up."""
    meeting = add_meeting(run, "msi", "2025-05-14", "--time", "10:00-11:00",
                          "--link", "https://meet.example.se/msi")  # fmt: skip
    notes = tmp_path / "msi.txt"
    notes.write_text("MSI berättade om sitt nya nätverk.\n- Lärande\n- Finansiering\n", "utf-8")
    hold_meeting(run, meeting, "--attended", f"ÖFR:{PERSON}", "--attended", "activa",
                 "--minutes", str(notes))  # fmt: skip
    ok(run, "action", "add", str(meeting), "Bjuda in MSI till stormötet", "--owner", "ÖFR",
       "--due", "2025-06-01")  # fmt: skip
    return meeting


def test_an_msi_dialogue_gets_minnesanteckningar(run: Run, main: int, tmp_path: Path) -> None:
    meeting = msi_meeting(run, tmp_path)
    markdown = ok(run, "meeting", "minutes", str(meeting), "--secretary", "Bo Berg")
    assert_snapshot("minutes-msi-notes.sv.md", markdown)
    lines = markdown.splitlines()
    assert lines[0] == (
        "# Minnesanteckningar från dialogmöte med Mötesplats social innovation 14 maj 2025"
    )
    for line in (
        "- **Datum:** onsdag 14 maj 2025 (vecka 20)",
        f"    - {PERSON}, {OFR}",
        "## Vad som togs upp",
        "MSI berättade om sitt nya nätverk.",
        "- Lärande",
        "## Uppföljning",
        f"| Bjuda in MSI till stormötet | {OFR} | 2025-06-01 |",
        "Antecknat av Bo Berg",
    ):
        assert line in lines, line
    for word in ("§", "Justeras", "justerare", "Vid protokollet", "Protokoll"):
        assert word not in markdown, word
    english = ok(run, "meeting", "minutes", str(meeting), "--lang", "en")
    assert english.startswith(
        "# Notes from the dialogue meeting with Mötesplats social innovation on 14 May 2025\n"
    )
    assert "## What was discussed" in english and "## Follow-up" in english
    # Its kallelse has no formal items, and those expected tell when they cannot come.
    agenda = ok(run, "meeting", "agenda", str(meeting)).splitlines()
    assert agenda[0] == "# Kallelse till dialogmöte med Mötesplats social innovation 14 maj 2025"
    assert "- **Länk:** https://meet.example.se/msi" in agenda
    assert [line for line in agenda if re.match(r"\d+\. ", line)] == [
        "1. Mötets öppnande", "2. Övriga frågor", "3. Nästa möte", "4. Mötets avslutande",
    ]  # fmt: skip
    assert any(line.startswith("Förhinder meddelas senast onsdag 7 maj 2025") for line in agenda)


def test_the_record_can_be_chosen(
    run: Run, main: int, db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = msi_meeting(run, tmp_path)
    for word in ("minutes", "protokoll", "Protocol"):
        forced = ok(run, "meeting", "minutes", str(meeting), "--as", word)
        assert forced.startswith(
            "# Protokoll fört vid dialogmöte med Mötesplats social innovation 14 maj 2025\n"
        )
        assert "## § 1 Mötets öppnande" in forced and "Justeras" in forced
    for word in ("notes", "minnesanteckningar"):
        notes = ok(run, "meeting", "minutes", str(main), "--as", word, "--chair", "Cecilia Ceder")
        assert notes.startswith("# Minnesanteckningar från arbetsutskottets möte 11 mars 2025\n")
        assert "§" not in notes and "Justeras" not in notes
        assert "- **Mötesledare:** Cecilia Ceder" in notes.splitlines()
        assert "- Mötet beslutade att anta aktivitetslistan 2025." in notes.splitlines()
    monkeypatch.chdir(tmp_path)
    assert "Wrote minnesanteckningar-2025-05-14-msi.pdf." in ok(
        run, "meeting", "minutes", str(meeting), "--format", "pdf"
    )
    assert "Wrote notes-2025-03-11-au.docx." in ok(
        run, "meeting", "minutes", str(main), "--as", "notes", "--format", "docx", "--lang", "en"
    )
    message = assert_fails(run, db, ExitCode.INVALID, "meeting", "minutes", str(meeting),
                           "--adjuster", "Eva Ek")  # fmt: skip
    assert "--as minutes" in message
    message = assert_fails(run, db, ExitCode.INVALID, "meeting", "minutes", str(main),
                           "--as", "referat")  # fmt: skip
    assert "'referat'" in message and "minutes, notes" in message


# --- the notes keep their lines ----------------------------------------------------------------


def ast(markdown: str) -> list[Any]:
    """The blocks pandoc reads from the Markdown, as psi's documents read it."""
    import pypandoc

    document = json.loads(pypandoc.convert_text(markdown, "json", format=PANDOC_MARKDOWN))
    blocks: list[Any] = document["blocks"]
    return blocks


def kinds(value: Any) -> set[str]:
    """Every element type in a piece of pandoc's AST."""
    found: set[str] = set()
    if isinstance(value, dict):
        if "t" in value:
            found.add(value["t"])
        for item in value.values():
            found |= kinds(item)
    elif isinstance(value, list):
        for item in value:
            found |= kinds(item)
    return found


def test_notes_keep_lines_and_lists() -> None:
    notes = notes_markdown(
        "Närvarande:\n- Anna Andersson, ordförande\n* Bo Berg, kassör\n\n"
        "1. Budgeten diskuterades.\n2) Webben ses över.\n\n"
        "Första raden\n   andra raden\nsista raden\r\n\r\n\n\nEtt stycke till."
    )
    blocks = ast(notes)
    assert [block["t"] for block in blocks] == [
        "Para", "BulletList", "OrderedList", "Para", "Para",
    ]  # fmt: skip
    assert len(blocks[1]["c"]) == 2 and len(blocks[2]["c"]) == 2
    assert kinds(blocks[3]) == {"Para", "Str", "Space", "LineBreak"}
    shown = rendered(notes)
    assert "Första raden andra raden sista raden" in shown
    assert "- Anna Andersson, ordförande - Bo Berg, kassör" in shown
    assert "1. Budgeten diskuterades. 2. Webben ses över." in shown
    assert notes_markdown(None) == notes_markdown("") == notes_markdown(" \n\n ") == ""


@pytest.mark.parametrize(
    "line",
    [
        "# rubrik",
        "<b>x</b>",
        "*x*",
        "_y_",
        "[länk](http://x.se)",
        "$x$",
        "`kod`",
        "a. inte en lista",
        "iv) inte heller",
        "(1) eller denna",
        "    indragen rad",
        "> citat",
        "---",
        "Term\n: definition",
        "| a | b |",
        "::: keep",
        "\\",
        "rad med snedstreck\\",
        "@ref och [@ref]",
        "![bild](x.png)",
    ],
)
def test_markup_in_the_notes_stays_text(line: str) -> None:
    shown = " ".join(line.split())
    allowed = {"Para", "Plain", "Str", "Space", "LineBreak", "BulletList", "OrderedList",
               "DefaultDelim", "Period", "Decimal"}  # fmt: skip
    for notes, expected, listed in (
        (line, shown, 0),
        (f"Före\n{line}\nEfter", f"Före {shown} Efter", 0),
        (f"- {line}", f"- {shown}", 1),
        (f"1. {line}", f"1. {shown}", 1),
    ):
        markdown = notes_markdown(notes)
        blocks = ast(markdown)
        assert kinds(blocks) <= allowed, (notes, kinds(blocks) - allowed)
        lists = [block for block in blocks if block["t"] in ("BulletList", "OrderedList")]
        assert len(lists) == listed, notes
        for block in lists:
            assert len(block["c"] if block["t"] == "BulletList" else block["c"][1]) == 1, notes
        assert rendered(markdown) == expected, notes


def test_notes_in_the_minutes_and_the_pdf(run: Run, main: int, tmp_path: Path) -> None:
    markdown = ok(run, "meeting", "minutes", str(main))
    lines = markdown.splitlines()
    start = lines.index("Mötet gick igenom årets aktiviteter:")
    assert lines[start : start + 4] == [
        "Mötet gick igenom årets aktiviteter:",
        "",
        "- Aktivitetslistan 2025",
        "- Budgeten",
    ]
    start = lines.index("1. Budgeten för år 2025 diskuterades.")
    assert lines[start + 1] == "2. Webben ses över."
    start = lines.index("Anna Andersson, ordförande\\")
    assert lines[start + 1] == "Bo Berg, kassör"
    target = tmp_path / "protokoll.pdf"
    ok(run, "meeting", "minutes", str(main), "--format", "pdf", "-o", str(target))
    text = "\n".join(pdf_pages(target))
    assert "Anna Andersson, ordförande\nBo Berg, kassör" in text


def test_markdown_to_a_file(run: Run, main: int, tmp_path: Path) -> None:
    shown = ok(run, "meeting", "minutes", str(main), "--lang", "en")
    target = tmp_path / "minutes.md"
    out = ok(run, "meeting", "minutes", str(main), "--lang", "en", "-o", str(target))
    assert f"Wrote {target}." in out
    assert target.read_text(encoding="utf-8") == shown


# --- PDF -------------------------------------------------------------------------------------


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, line by line (pypdf), soft hyphens as in pdf_text."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pages = []
    for page in reader.pages:
        text = re.sub(r"[\u00ad-][ \t]*\n", "", page.extract_text()).replace("\u00ad", "-")
        pages.append("\n".join(" ".join(line.split()) for line in text.splitlines()))
    return pages


def test_pdf_documents_with_output_file(run: Run, main: int, tmp_path: Path) -> None:
    agenda_pdf = tmp_path / "kallelse.pdf"
    minutes_pdf = tmp_path / "protokoll.pdf"
    ok(run, "meeting", "agenda", str(main), "--format", "pdf", "-o", str(agenda_pdf))
    ok(run, "meeting", "minutes", str(main), "--format", "pdf", "-o", str(minutes_pdf), *SIGNERS)
    agenda = pdf_text(agenda_pdf)
    assert "Kallelse till arbetsutskottets möte 11 mars 2025" in agenda
    assert "Öppna åtgärdspunkter från tidigare möten" in agenda
    assert "Boka lokal till stormötet" in agenda
    assert "Förhinder meddelas senast tisdag 4 mars 2025 till" in agenda
    assert "Välkomna!" in agenda
    minutes = pdf_text(minutes_pdf)
    assert "Protokoll fört vid arbetsutskottets möte 11 mars 2025" in minutes
    assert f"Närvarande: ‣ {PERSON}, {OFR} ‣ {ACTIVA}" in minutes
    assert "Mötet beslutade att godkänna budgeten för år 2025 med ändringar." in minutes
    assert "Sammanställa årsrapporten" in minutes
    assert "Vid protokollet" in minutes and "Justeras" in minutes
    today = format_date(date.today())
    for path, text in ((agenda_pdf, agenda), (minutes_pdf, minutes)):
        assert {"å", "ä", "ö", "Ö"} <= set(text)
        # The header: the partnership and the meeting's day, not the day it was printed.
        header = pdf_pages(path)[0].splitlines()[0]
        assert header == "Partnerskapet för sociala innovationer 11 mars 2025", header
        assert today not in text


@pytest.mark.parametrize("padding", range(0, 60, 4))
def test_the_signature_block_stays_on_one_page(
    run: Run, main: int, tmp_path: Path, padding: int
) -> None:
    """However long the minutes, the signatures are not split over two pages."""
    meeting = add_meeting(run, "au", "2025-05-13", "--time", "13:00-15:00")
    notes = tmp_path / "notes.txt"
    notes.write_text("\n\n".join(f"Stycke {n}." for n in range(padding + 1)), "utf-8")
    hold_meeting(run, meeting, "--attended", "activa", "--minutes", str(notes))
    target = tmp_path / "protokoll.pdf"
    ok(run, "meeting", "minutes", str(meeting), "--format", "pdf", "-o", str(target), *SIGNERS)
    pages = pdf_pages(target)
    block = {"Vid protokollet", "Bo Berg", "Sekreterare", "Justeras", "Cecilia Ceder",
             "Ordförande", "David Dahl", "Eva Ek", "Justerare", "Datum för justering"}  # fmt: skip
    lines = [{line.split(":")[0] for line in page.splitlines()} for page in pages]
    holding = [number for number, page in enumerate(lines) if page & block]
    assert len(holding) == 1, (padding, [sorted(page & block) for page in lines])
    assert block <= lines[holding[0]]


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
    assert "Kallelse till arbetsutskottets möte" in pdf_text(
        tmp_path / f"kallelse-{MAIN_DAY}-au.pdf"
    )
    swedish = pdf_text(tmp_path / f"protokoll-{MAIN_DAY}-au.pdf")
    assert "Mötet beslutade att anta aktivitetslistan 2025." in swedish
    english = pdf_text(tmp_path / f"minutes-{MAIN_DAY}-au.pdf")
    assert "Minutes of the working committee's meeting on 11 March 2025" in english
    assert "Present:" in english and "11 March 2025" in english
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
    ok(run, "contact", "add", INJECTION, f"Person {INJECTION}")
    ok(run, "config", "set", "rsvp-to", INJECTION)
    earlier = add_meeting(run, "au", "2025-02-11", "--time", "13:00-15:00")
    ok(run, "action", "add", str(earlier), INJECTION, "--owner", INJECTION, "--due", "2025-03-01")
    meeting = add_meeting(run, "au", MAIN_DAY, "--time", "13:00-15:00", "--title", f"Möte {INJECTION}",
                  "--item", f"Punkt {INJECTION}", "--item", "Budget")  # fmt: skip
    notes = tmp_path / "notes.txt"
    notes.write_text(f"{INJECTION}\n\n# {INJECTION}\n\n- {INJECTION}\n", encoding="utf-8")
    hold_meeting(run, meeting, "--attended", f"{INJECTION}:Person {INJECTION}",
                 "--decision", f"5: anta {INJECTION}", "--minutes", str(notes))  # fmt: skip
    ok(run, "action", "add", str(meeting), INJECTION, "--owner", INJECTION, "--due", "2025-04-01")

    agenda = ok(run, "meeting", "agenda", str(meeting))
    signers = ("--chair", INJECTION, "--secretary", INJECTION, "--adjuster", INJECTION)
    minutes = ok(run, "meeting", "minutes", str(meeting), *signers)
    notes_only = ok(run, "meeting", "minutes", str(meeting), "--as", "notes", "--chair", INJECTION,
                    "--secretary", INJECTION)  # fmt: skip
    for markdown in (agenda, minutes, notes_only):
        assert "| a | b |" not in markdown
        assert '#read("secret.txt")' not in markdown.replace('\\#read("secret.txt")', "")
        assert "<]" not in markdown.replace("\\<\\]", "")
    shown_agenda = rendered(agenda)
    assert f"Kallelse till arbetsutskottets möte 11 mars 2025 Möte {INJECTION} " in shown_agenda
    assert f"Förhinder meddelas senast tisdag 4 mars 2025 till {INJECTION}." in shown_agenda
    assert f"5. Punkt {INJECTION}" in shown_agenda
    assert f"{INJECTION} (ansvarig: {INJECTION}, klart senast 2025-03-01)" in shown_agenda
    shown_minutes = rendered(minutes)
    assert f"Protokoll fört vid arbetsutskottets möte 11 mars 2025 Möte {INJECTION} " in (
        shown_minutes
    )
    assert f"Närvarande: - Person {INJECTION}, {INJECTION}" in shown_minutes
    assert f"Till mötesordförande valdes {INJECTION} och till sekreterare {INJECTION}." in (
        shown_minutes
    )
    assert f"{INJECTION} Sekreterare" in shown_minutes
    assert f"{INJECTION} Justerare" in shown_minutes
    assert f"§ 5 Punkt {INJECTION}" in shown_minutes
    assert f"Mötet beslutade att anta {INJECTION}." in shown_minutes
    # title, 2 present, 3 in § 2, §, decision, 2 cells, 3 notes, 3 signatures
    assert shown_minutes.count(INJECTION) >= 16
    shown_notes = rendered(notes_only)
    assert f"# {INJECTION} - {INJECTION}" in shown_notes
    assert f"Mötesledare: {INJECTION}" in shown_notes and f"Antecknat av {INJECTION}" in shown_notes
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
