"""`psi report handover YEAR`, and the pointer to it from `psi status`.

The hand-over is written as of a day (the coming meetings, what is overdue), so every test
fixes that day: the service's `date.today()` is replaced by 2 December 2026, the day the
example register's last AU meeting of 2026 is still ahead and its stormöte of 26 November
is past but still planned. The Markdown on the example register is compared with
tests/snapshots/reports/handover-2026.{sv,en}.md (rewrite with `pytest --snapshot-update`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Self

import docx
import pytest
from sqlmodel import select

from psi import storage
from psi.domain.invitation import Method
from psi.location import locate_db
from psi.models import Invitation, LogEntry, Meeting, Organisation
from tests.conftest import Db, Run, assert_snapshot, dump
from tests.helpers import ACTIVA, OFR, as_json, ok, pdf_text

DAY = date(2026, 12, 2)
LANGS = ("sv", "en")
AU_DECEMBER = "2026-12-08"
HEADINGS = {
    "sv": [
        "## Första stegen",
        "## Samordnarna",
        "## Arbetsutskottet",
        "## Öppna åtgärdspunkter",
        "## Aktiviteter som återstår",
        "## Kommande möten",
        "## Ekonomi 2026",
        "## Rekrytering",
        "## Dialogen med Mötesplats social innovation",
        "## Beslut 2026",
        "## Inställningar",
    ],
    "en": [
        "## First steps",
        "## The coordinators",
        "## The working committee",
        "## Open action items",
        "## Activities still to do",
        "## Coming meetings",
        "## Money 2026",
        "## Recruitment",
        "## The dialogue with Mötesplats social innovation",
        "## Decisions 2026",
        "## Settings",
    ],
}


def on_day(monkeypatch: pytest.MonkeyPatch, day: date, module: str) -> None:
    """Make `date.today()` in a psi module return `day` (the rest of `date` unchanged)."""

    class Fixed(date):
        @classmethod
        def today(cls) -> Self:
            return cls(day.year, day.month, day.day)

    monkeypatch.setattr(f"{module}.date", Fixed)


@pytest.fixture
def handover_day(monkeypatch: pytest.MonkeyPatch) -> date:
    on_day(monkeypatch, DAY, "psi.services.handover")
    return DAY


def handover(run: Run, *options: str) -> str:
    return ok(run, "report", "handover", "2026", *options)


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("## ")]


def section(markdown: str, heading: str) -> str:
    start = markdown.index(f"\n{heading}")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else len(markdown)]


def row_of(markdown: str, first_cell: str) -> list[str]:
    """The cells of the table row whose first cell is `first_cell`."""
    for line in markdown.splitlines():
        if line.startswith(f"| {first_cell} |"):
            return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
    raise AssertionError(f"no row {first_cell!r}")


def december_au(run: Run) -> int:
    meetings = as_json(run, "meeting", "list", "2026")
    return int(next(m["id"] for m in meetings["meetings"] if m["date"] == AU_DECEMBER))


def two_coordinators(run: Run) -> None:
    """A register holding two organisations that coordinate 2026, and nothing else: two
    newcomers in its first year, outside the rule by its override (which warns)."""
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society")
    ok(run, "org", "add", OFR, "--sector", "civil-society")
    reason = ("--force", "--reason", "Det första året i registret")
    result = run("rotate", "2026", "--appoint", ACTIVA, "--appoint", OFR, *reason)
    assert result.exit_code == 0, result.output


def record_invitation(db: Db, meeting_id: int, method: Method, at: datetime, n: int) -> None:
    """An Invitation row as `psi meeting invite N --send` records one, for the meeting's
    calendar SEQUENCE of the moment."""
    with storage.transaction(locate_db(str(db))) as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        session.add(
            Invitation(
                meeting_id=meeting_id,
                sent_at=at,
                method=method.value,
                sequence=meeting.sequence,
                recipients=n,
                refused=0,
            )
        )


# --- the example register -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_handover_markdown_snapshot(
    run: Run, example_db: Db, handover_day: date, lang: str
) -> None:
    before = dump(example_db)
    markdown = handover(run, "--lang", lang)
    assert_snapshot(f"reports/handover-2026.{lang}.md", markdown)
    assert dump(example_db) == before  # it reads only
    for heading in HEADINGS[lang]:
        assert any(h.startswith(heading) for h in headings(markdown)), heading
    lines = markdown.splitlines()
    assert all(lines[i - 1] == "" for i, line in enumerate(lines) if i and line.startswith("#"))
    assert "Traceback" not in markdown and "psichart" not in markdown


def test_handover_2026_says_what_the_example_holds(
    run: Run, example_db: Db, handover_day: date
) -> None:
    markdown = handover(run)
    assert markdown.startswith("# Överlämning av samordningen 2026\n")
    assert "2 december 2026" in markdown.splitlines()[2]
    # 2027 is not appointed: who leaves and who joins is missing, with the command.
    coordinators = section(markdown, "## Samordnarna")
    assert row_of(coordinators, OFR) == [OFR, "fortsätter (2 år i följd)", "–"]
    assert "**\\[SAKNAS: samordnarna 2027: psi rotate 2027\\]**" in coordinators
    # The first steps, each from a fact: the overdue item, the stormöte still planned, the
    # AU meeting's kallelse, the AU of 2027, the grant of 2027, the unset settings.
    steps = section(markdown, "## Första stegen")
    au = december_au(run)
    for fact in (
        "1. Utse samordnarna för 2027: `psi rotate 2027`",
        "1 åtgärdspunkt är försenad: `psi action list --overdue`.",
        "möte 29 den 26 november 2026 (`psi meeting held 29`",
        f"Skicka kallelsen till möte {au} den 8 december 2026 (`psi meeting invite {au} --send`)",
        "`psi budget grant 2027 200000`",
        "Ställ in `meeting-place` och `rsvp-to`, som kallelser",
    ):
        assert fact in steps, fact
    # Open items with owners; the one past its due date marked.
    actions = section(markdown, "## Öppna åtgärdspunkter")
    assert (
        "Fråga kandidater om samordningen 2027 (exempel) | Örebro Föreningsråd | 2026-12-01 **försenad**"
        in actions
    )
    # Activities still to do, with who asked for them.
    activities = section(markdown, "## Aktiviteter som återstår")
    assert "| Medlemsenkät om önskade aktiviteter (exempel) | 2026 | planerad |" in activities
    assert "Exempelkooperativet Lagret (exempel) |" in activities
    assert "| Dialogmöte med MSI om nätverkets nästa steg (exempel) | 2026 | pågår |" in activities
    # The coming AU meeting, its kallelse not sent; the past stormöte still planned.
    meetings = section(markdown, "## Kommande möten")
    assert row_of(meetings, str(au))[1:] == [
        AU_DECEMBER, "13:00–15:00", "AU-möte", "AU-möte (exempel)", "planerat", "inte skickad",
    ]  # fmt: skip
    assert "- Möte 29, 2026-11-26: Stormöte, Stormöte: året som gått (exempel)" in meetings
    # The money: the budget service's figures; nothing allocated, so nothing committed.
    money = section(markdown, "## Ekonomi 2026")
    assert "Beviljade medel: 200\u00a0000\u00a0kr. Förbrukat: 62\u00a0600\u00a0kr." in money
    assert "Inte tilldelat någon samordnare: 200\u00a0000\u00a0kr." in money
    assert "**\\[SAKNAS: medlen 2027: psi budget grant 2027 200000\\]**" in money
    # Prospects with the last contact; MSI's last contact; the year's decisions with §.
    recruiting = section(markdown, "## Rekrytering")
    assert (
        "| Exempelföreningen Nystart (exempel) | Nora | 2 | 2026-01-15 (321 dagar sedan) **tyst** "
        "| Uppföljande samtal om medlemskap (exempel) |" in recruiting
    )
    assert "Senaste kontakt: 6 maj 2026 (210 dagar sedan)." in markdown
    decisions = section(markdown, "## Beslut 2026")
    assert (
        "| 2026-02-24 | Stormöte: vårens nätverksträff (exempel) | § 5 Aktivitetslistan 2026 "
        "| Mötet beslutade att anta aktivitetslistan 2026. |"
    ) in decisions
    settings = section(markdown, "## Inställningar")
    assert "| `signer` | Katarina Strömgren Sandh |" in settings
    assert "| `meeting-place` | **\\[SAKNAS: psi config set meeting-place VALUE\\]** |" in settings


def test_handover_of_2025_names_who_stays_and_who_leaves(
    run: Run, example_db: Db, handover_day: date
) -> None:
    """2026's terms say Örebro Föreningsråd stays and Stiftelsen Activa leaves; the newcomer
    of 2026 is not appointed in the example, so who joins is missing."""
    markdown = ok(run, "report", "handover", "2025")
    coordinators = section(markdown, "## Samordnarna")
    assert row_of(coordinators, ACTIVA) == [ACTIVA, "fortsätter (3 år i följd)", "–"]
    # A newcomer is in its first year by name: no count of years.
    assert row_of(coordinators, OFR) == [OFR, "samordningsnybörjare", "fortsätter"]
    assert f"Stannar: {OFR}. Lämnar: {ACTIVA}." in coordinators
    assert (
        "Ansluter: **\\[SAKNAS: samordningsnybörjaren 2026: psi rotate 2026 --appoint ORG\\]**"
        in coordinators
    )
    english = ok(run, "report", "handover", "2025", "--lang", "en")
    assert f"Stays: {OFR}. Leaves: {ACTIVA}. Joins: **\\[MISSING: the newcomer" in english
    assert row_of(section(english, "## The coordinators"), OFR)[1] == "newcomer"


def test_the_pdf_renders_and_reads_back(
    run: Run, example_db: Db, handover_day: date, tmp_path: Path
) -> None:
    for lang, facts in {
        "sv": (
            "Överlämning av samordningen 2026",
            "Första stegen",
            "[SAKNAS: samordnarna 2027: psi rotate 2027]",
            "AU-möte (exempel) planerat inte skickad",
            "Mötet beslutade att anta aktivitetslistan 2026.",
            "Beviljade medel: 200 000 kr.",
        ),
        "en": (
            "Hand-over of the coordination 2026",
            "[MISSING: the coordinators of 2027: psi rotate 2027]",
            "AU meeting AU-möte (exempel) planned not sent",
        ),
    }.items():
        target = tmp_path / f"handover.{lang}.pdf"
        handover(run, "--lang", lang, "--format", "pdf", "-o", str(target))
        text = pdf_text(target)
        for fact in facts:
            assert fact in text, (lang, fact)
        assert "2 december 2026" in text or "2 December 2026" in text  # the page header
        assert "\\" not in text and "**" not in text and ":::" not in text


def test_without_output_the_file_is_named_in_the_documents_language(
    run: Run, example_db: Db, handover_day: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert handover(run, "--format", "pdf") == "Wrote overlamning-2026.pdf.\n"
    assert handover(run, "--format", "pdf", "--lang", "en") == "Wrote handover-2026.pdf.\n"


@pytest.mark.parametrize("fmt", ["docx", "odt", "html"])
def test_the_editable_formats_render(
    run: Run, example_db: Db, handover_day: date, tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / f"overlamning.{fmt}"
    handover(run, "--format", fmt, "-o", str(target))
    assert target.stat().st_size > 0
    if fmt == "docx":
        document = docx.Document(str(target))
        texts = [p.text for p in document.paragraphs]
        assert texts[0] == "Överlämning av samordningen 2026"
        assert "Kommande möten" in texts
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert "inte skickad" in cells
        assert "Mötet beslutade att anta aktivitetslistan 2026." in cells


# --- the kallelse column ------------------------------------------------------------------------


def test_the_kallelse_column_shows_what_went_out(
    run: Run, example_db: Db, handover_day: date
) -> None:
    au = december_au(run)
    record_invitation(example_db, au, Method.REQUEST, datetime(2026, 11, 20, 9, 30, tzinfo=UTC), 6)
    markdown = handover(run)
    assert (
        row_of(section(markdown, "## Kommande möten"), str(au))[-1]
        == "skickad 2026-11-20 till 6 adresser"
    )
    assert "Skicka kallelsen" not in section(markdown, "## Första stegen")
    english = handover(run, "--lang", "en")
    assert (
        row_of(section(english, "## Coming meetings"), str(au))[-1]
        == "sent 2026-11-20 to 6 addresses"
    )
    # One address is one.
    record_invitation(example_db, au, Method.REQUEST, datetime(2026, 11, 21, 9, 30, tzinfo=UTC), 1)
    one = row_of(section(handover(run), "## Kommande möten"), str(au))[-1]
    assert one == "skickad 2026-11-21 till 1 adress"
    one = row_of(section(handover(run, "--lang", "en"), "## Coming meetings"), str(au))[-1]
    assert one == "sent 2026-11-21 to 1 address"


def test_a_meeting_changed_after_its_kallelse_owes_the_update(
    run: Run, example_db: Db, handover_day: date
) -> None:
    au = december_au(run)
    record_invitation(example_db, au, Method.REQUEST, datetime(2026, 11, 20, 9, 30, tzinfo=UTC), 6)
    ok(run, "meeting", "edit", str(au), "--place", "Föreningarnas hus, Örebro")
    markdown = handover(run)
    cell = row_of(section(markdown, "## Kommande möten"), str(au))[-1]
    assert cell == (
        "skickad 2026-11-20 till 6 adresser; mötet har ändrats sedan dess, "
        "uppdateringen är inte skickad"
    )
    assert f"Skicka uppdateringen till möte {au} den 8 december 2026" in markdown


def test_a_cancelled_meeting_owes_its_cancellation_until_it_is_sent(
    run: Run, example_db: Db, handover_day: date
) -> None:
    au = december_au(run)
    record_invitation(example_db, au, Method.REQUEST, datetime(2026, 11, 20, 9, 30, tzinfo=UTC), 6)
    ok(run, "meeting", "cancel", str(au), "--reason", "Flyttas till januari")
    owed = handover(run)
    row = row_of(section(owed, "## Kommande möten"), str(au))
    assert row[-2:] == [
        "inställt",
        "kallelsen skickad 2026-11-20 till 6 adresser, avbokningen inte skickad",
    ]
    assert f"Skicka avbokningen av möte {au} den 8 december 2026" in section(
        owed, "## Första stegen"
    )
    assert "inställelse" not in owed
    record_invitation(example_db, au, Method.CANCEL, datetime(2026, 11, 30, 8, 0, tzinfo=UTC), 6)
    markdown = handover(run)
    row = row_of(section(markdown, "## Kommande möten"), str(au))
    assert row[-1] == "avbokningen skickad 2026-11-30 till 6 adresser"
    assert "avbokningen av möte" not in section(markdown, "## Första stegen")
    assert "inställelse" not in markdown


# --- recruitment -------------------------------------------------------------------------------


def test_a_contact_logged_for_a_day_ahead_is_no_contact_yet(
    run: Run, example_db: Db, handover_day: date
) -> None:
    """An entry dated after the document's day (an import, a typo) moves neither the last
    contact, the days since, the count nor the note: they all come from the same entries."""
    nystart = "Exempelföreningen Nystart (exempel)"
    with storage.transaction(locate_db(str(example_db))) as session:
        org = session.exec(select(Organisation).where(Organisation.name == nystart)).one()
        session.add(
            LogEntry(
                logged_on=date(2026, 12, 20),
                kind="recruitment",
                organisation_id=org.id,
                text="Inbokat besök (exempel)",
            )
        )
    row = row_of(section(handover(run), "## Rekrytering"), nystart)
    assert row[2:] == [
        "2",
        "2026-01-15 (321 dagar sedan) **tyst**",
        "Uppföljande samtal om medlemskap (exempel)",
    ]
    assert "Inbokat besök" not in handover(run)


# --- a register with little in it ---------------------------------------------------------------


def test_missing_facts_are_marked_and_empty_sections_say_so(run: Run, empty_db: Db) -> None:
    two_coordinators(run)
    markdown = handover(run)
    assert headings(markdown)[0] == "## Första stegen"
    for heading in HEADINGS["sv"]:
        assert any(h.startswith(heading) for h in headings(markdown)), heading
    for gap in (
        "**\\[SAKNAS: samordnarna 2027: psi rotate 2027\\]**",
        "**\\[SAKNAS: arbetsutskottet 2027: psi au add 2027 ORG --person NAME\\]**",
        "**\\[SAKNAS: medlen 2027: psi budget grant 2027 200000\\]**",
        "**\\[SAKNAS: psi config set signer VALUE\\]**",
        "**\\[SAKNAS: psi config set meeting-place VALUE\\]**",
    ):
        assert gap in markdown, gap
    # The placeholders of the commands are psi's own (NAME, EMAIL, KEY VALUE), in Swedish too.
    assert "`psi contact add ORG NAME --email EMAIL`" in markdown
    assert "`psi config set KEY VALUE`" in markdown
    assert not re.search(r"\b(NAMN|ADRESS|NYCKEL|VÄRDE)\b", markdown)
    for empty in (
        "Inga förfrågningar om samordningen 2027 är registrerade.",
        "Inga kontaktpersoner är registrerade hos samordnarna",
        "Inga öppna åtgärdspunkter.",
        "Inga aktiviteter återstår",
        "Inga möten är registrerade från och med",
        "Inga beviljade medel är registrerade för 2026.",
        "Inga organisationer är registrerade som intresserade",
        "Ingen kontakt med MSI är registrerad",
        "Inga möten med MSI är registrerade för 2026 eller senare.",
        "Inga anteckningar om MSI 2026",
        "Inga beslut är registrerade från möten som hölls 2026.",
    ):
        assert empty in markdown, empty
    assert "| Stiftelsen Activa | samordningsnybörjare | – |" in markdown
    english = handover(run, "--lang", "en")
    assert "**\\[MISSING: the coordinators of 2027: psi rotate 2027\\]**" in english
    assert "No open action items." in english


def test_a_bad_year_is_refused(run: Run, example_db: Db) -> None:
    result = run("report", "handover", "1800")
    assert result.exit_code != 0
    assert result.stderr.startswith("Error:") and "Traceback" not in result.output


# --- the pointer from psi status ----------------------------------------------------------------

POINTER = "A coordinator leaves after 2026: hand over with psi report handover 2026"


@pytest.mark.parametrize(
    ("day", "year", "pointed"),
    [
        (date(2026, 9, 30), 2026, False),  # before October
        (date(2026, 10, 1), 2026, True),  # 2027 not appointed
        (date(2026, 12, 2), 2026, True),
        (date(2026, 12, 2), 2025, False),  # another year than today's
    ],
)
def test_status_points_to_the_handover_late_in_the_year(
    run: Run,
    example_db: Db,
    monkeypatch: pytest.MonkeyPatch,
    day: date,
    year: int,
    pointed: bool,
) -> None:
    on_day(monkeypatch, day, "psi.services.status")
    hints = as_json(run, "status", str(year))["hints"]
    assert any("psi report handover" in hint for hint in hints) is pointed
    text = ok(run, "status", str(year))
    assert (f"→ {POINTER}" in text) is (pointed and year == 2026)


def test_status_stops_pointing_once_the_pair_stays_on(
    run: Run, empty_db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extension year: the same pair once more, so nobody leaves and nothing is handed over."""
    on_day(monkeypatch, date(2026, 11, 2), "psi.services.status")
    two_coordinators(run)
    assert any("psi report handover 2026" in h for h in as_json(run, "status", "2026")["hints"])
    ok(run, "rotate", "2027", "--extend")
    assert not any("psi report handover" in h for h in as_json(run, "status", "2026")["hints"])


def test_the_pointer_in_swedish(run: Run, example_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    on_day(monkeypatch, date(2026, 11, 2), "psi.services.status")
    monkeypatch.setenv("PSI_LANG", "sv")
    text = ok(run, "status", "2026")
    assert "→ En samordnare lämnar efter 2026: lämna över med psi report handover 2026" in text
