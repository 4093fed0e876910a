"""`psi report newsletter`: the news of the weeks around a day, for the website and the members.

The Markdown on the example register, written for 20 April 2025, is compared with
tests/snapshots/reports/newsletter-2025-04-20.*.md (`pytest --snapshot-update` rewrites them):
that day the example has a stormöte coming (22 May), a workshop done (10 April) and a member
that joined (15 March), and an AU meeting and an MSI dialogue in the window that are left out.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from psi.errors import ExitCode
from psi.reports.render import format_date
from tests.conftest import Db, Run, assert_snapshot, dump
from tests.helpers import add_meeting, as_json, assert_fails, ok, pdf_text

DAY = "2025-04-20"
STORMOTE = "Stormöte: rekrytering och nya medlemmar (exempel)"
WORKSHOP = "Workshop om sociala innovationer i praktiken (exempel)"
NEW_MEMBER = "Exempelföreningen Nyanlända (exempel)"
HINT = 'When it is published, log it: psi log add website "{text}" --link ADDRESS'
SCRIPT = "Öppet hus <script>alert(1)</script> *fet* text"
ORG = "Föreningen <b>Fet</b> & *Kursiv* _under_"
ACTIVITY = "Julfika [länk](http://x.se) <img src=x> #rubrik"


def newsletter(run: Run, *args: str) -> str:
    """`psi report newsletter ARGS`, which must succeed with the publishing hint as its only
    line on standard error; its standard output."""
    result = run("report", "newsletter", *args)
    assert result.exit_code == ExitCode.OK, (args, result.output)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("When it is published, log it: "), lines
    return result.stdout_bytes.decode("utf-8")


# --- the example register ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_newsletter_snapshot(run: Run, example_db: Db, lang: str) -> None:
    markdown = newsletter(run, "--date", DAY, "--lang", lang)
    assert_snapshot(f"reports/newsletter-{DAY}.{lang}.md", markdown)
    assert STORMOTE in markdown and WORKSHOP in markdown and NEW_MEMBER in markdown
    # The AU meeting of 13 May and the MSI dialogue of 14 May are in the window, but the
    # members are not invited to them.
    assert "AU-möte" not in markdown and "Dialogmöte med Mötesplats" not in markdown
    assert "SAKNAS" not in markdown and "MISSING" not in markdown
    lines = markdown.splitlines()
    assert format_date(date(2025, 4, 20), lang) in lines[2]
    assert all(lines[i - 1] == "" for i, line in enumerate(lines) if i and line.startswith("#"))


def test_swedish_dates_times_and_sections(run: Run, example_db: Db) -> None:
    markdown = newsletter(run, "--date", DAY)
    assert "- **När:** torsdag 22 maj 2025 kl. 09:00–12:00" in markdown
    assert "- **Var:** Exempelhuset, Örebro" in markdown
    assert f"- **{WORKSHOP}**, 10 april 2025: 28 deltagare från 12 organisationer" in markdown
    assert f"- **{NEW_MEMBER}**, Hällefors, medlem sedan 15 mars 2025" in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Kommande möten", "## Det här har vi gjort", "## Nya medlemmar"]
    # No one takes the registrations in the example, so the newsletter says nothing of them.
    assert "Anmälan" not in markdown and "Hör av dig" not in markdown


def test_the_text_names_the_first_and_last_day_the_newsletter_covers(
    run: Run, example_db: Db
) -> None:
    """Six weeks from 20 April 2025 are 20 April to 31 May; six weeks back are 10 March to 20
    April (9 March is the newsletter six weeks earlier's day, and was told by it)."""
    markdown = newsletter(run, "--date", DAY)
    assert "det som händer fram till 31 maj 2025 och det som har hänt sedan 10 mars 2025." in (
        markdown
    )
    english = newsletter(run, "--date", DAY, "--lang", "en")
    assert "until 31 May 2025" in english and "since 10 March 2025" in english


def test_a_newsletter_every_few_weeks_tells_a_done_activity_once(run: Run, example_db: Db) -> None:
    """The workshop was done on 10 April 2025: the newsletter of that day tells it, the one six
    weeks later (22 May, the stormöte's day) does not tell it again."""

    def done_section(day: str) -> str:
        markdown = newsletter(run, "--date", day, "--weeks", "6")
        start = markdown.find("## Det här har vi gjort")
        return markdown[start : markdown.find("\n## ", start + 1)] if start != -1 else ""

    assert [WORKSHOP in done_section(day) for day in ("2025-04-10", "2025-05-22")] == [True, False]


def test_english_dates_and_times(run: Run, example_db: Db) -> None:
    markdown = newsletter(run, "--date", DAY, "--lang", "en")
    assert "- **When:** Thursday 22 May 2025, 09:00–12:00" in markdown
    assert f"- **{NEW_MEMBER}**, Hällefors, a member since 15 March 2025" in markdown


def test_empty_sections_are_left_out(run: Run, example_db: Db) -> None:
    # 1 April 2025, eight weeks: the workshop of 10 April is coming; nothing was done yet.
    markdown = newsletter(run, "--date", "2025-04-01", "--weeks", "8")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == ["## Kommande möten", "## På gång", "## Nya medlemmar"]
    assert f"- **{WORKSHOP}**, torsdag 10 april 2025. Ansvarig: Stiftelsen Activa." in markdown
    # Only what is coming: the greeting says nothing of what happened.
    markdown = newsletter(run, "--date", "2026-05-20", "--weeks", "2")
    assert "## Kommande möten" in markdown and "sedan" not in markdown.split("##")[0]


def test_the_hint_logs_the_publishing_with_a_command_that_works(run: Run, example_db: Db) -> None:
    result = run("report", "newsletter", "--date", DAY)
    text = "Nyhetsbrev 20 april 2025"
    assert result.stderr == HINT.format(text=text) + "\n"
    result = run("report", "newsletter", "--date", DAY, "--lang", "en")
    assert result.stderr == HINT.format(text="Newsletter 20 April 2025") + "\n"
    ok(run, "log", "add", "website", text, "--link", "https://example.org/nyheter")
    entries = as_json(run, "log", "list", str(date.today().year), "--kind", "website")
    assert text in [entry["text"] for entry in entries]


def test_a_cancelled_meeting_is_left_out(run: Run, example_db: Db) -> None:
    number = add_meeting(run, "other", "2025-05-06", "--title", "Inställd träff")
    assert "### Inställd träff" in newsletter(run, "--date", DAY)
    ok(run, "meeting", "cancel", str(number), "--reason", "För få anmälda")
    markdown = newsletter(run, "--date", DAY)
    assert "Inställd träff" not in markdown and STORMOTE in markdown


def test_registration_with_the_rsvp_setting(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "rsvp-to", "Anna Andersson, anna@ofr.se.")
    markdown = newsletter(run, "--date", DAY)
    assert (
        "- **Anmälan:** senast torsdag 15 maj 2025 till Anna Andersson, anna\\@ofr.se\n" in markdown
    )
    assert "Hör av dig till Anna Andersson, anna\\@ofr.se." in markdown
    # Past the last day to register, the newsletter only says where to.
    markdown = newsletter(run, "--date", "2025-05-20")
    assert "- **Anmälan:** till Anna Andersson, anna\\@ofr.se\n" in markdown
    english = newsletter(run, "--date", DAY, "--lang", "en")
    assert "- **Sign up:** by Thursday 15 May 2025 with Anna Andersson, anna\\@ofr.se" in english


def test_today_is_the_default_day(run: Run, empty_db: Db) -> None:
    today = date.today()
    ok(run, "org", "add", "Exempelföreningen Idag (exempel)", "--sector", "civil-society",
       "--joined", today.isoformat())  # fmt: skip
    soon = today + timedelta(days=10)
    soon += timedelta(days=(1 - soon.weekday()) % 7)  # a Tuesday, 10 to 16 days ahead
    add_meeting(run, "stormote", soon.isoformat(), "--time", "13:00-15:00", "--title", "Vårmöte")
    markdown = newsletter(run)
    assert markdown == newsletter(run, "--date", today.isoformat())
    assert format_date(today) in markdown.splitlines()[2]
    assert "### Vårmöte" in markdown and "Exempelföreningen Idag (exempel)" in markdown
    # Beyond the weeks asked for, the meeting is not told about.
    later = newsletter(run, "--weeks", "1")  # the meeting is 10 to 16 days ahead
    assert "Vårmöte" not in later and "Exempelföreningen Idag" in later


# --- documents ---------------------------------------------------------------------------------


def test_default_file_names_in_the_documents_language(
    run: Run, example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert newsletter(run, "--date", DAY, "--format", "pdf") == f"Wrote nyhetsbrev-{DAY}.pdf.\n"
    assert newsletter(run, "--date", DAY, "--format", "docx", "--lang", "en") == (
        f"Wrote newsletter-{DAY}.docx.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx")) == [
        f"newsletter-{DAY}.docx",
        f"nyhetsbrev-{DAY}.pdf",
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_pdf_text_reads_back(run: Run, example_db: Db, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "nyheter.pdf"
    assert newsletter(run, "--date", DAY, "--lang", lang, "-o", str(target)) == (
        f"Wrote {target}.\n"
    )
    text = pdf_text(target)
    facts = {
        "sv": ["Nytt från PSI", "torsdag 22 maj 2025 kl. 09:00–12:00", "Det här har vi gjort",
               "medlem sedan 15 mars 2025"],
        "en": ["News from PSI", "Thursday 22 May 2025, 09:00–12:00", "What we have done",
               "a member since 15 March 2025"],
    }[lang]  # fmt: skip
    for fact in [*facts, STORMOTE, WORKSHOP, NEW_MEMBER, "Partnerskapet för sociala innovationer"]:
        assert fact in text, (fact, text)
    assert format_date(date(2025, 4, 20), lang) in text  # the page header: the newsletter's day
    assert "\\" not in text and "**" not in text


def hostile_register(run: Run) -> None:
    """A meeting, a member and an activity whose names look like markup, all in the window."""
    ok(run, "config", "set", "rsvp-to", "<i>Anna</i> *Andersson*")
    add_meeting(run, "other", "2025-05-06", "--title", SCRIPT, "--place", "[Huset](javascript:x)",
                "--link", "https://meet.example.org/psi_jul?a=1&b=2")  # fmt: skip
    ok(run, "org", "add", ORG, "--sector", "civil-society", "--joined", "2025-04-01")
    ok(run, "activity", "add", "2025", ACTIVITY, "--when", "2025-05-02")


class Tags(HTMLParser):
    """The tags of an HTML body and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        elif self.in_body:
            self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.text.append(data)


def test_html_shows_markup_in_the_data_as_text(run: Run, example_db: Db, tmp_path: Path) -> None:
    hostile_register(run)
    target = tmp_path / "nyheter.html"
    newsletter(run, "--date", DAY, "-o", str(target))
    parser = Tags()
    parser.feed(target.read_text(encoding="utf-8"))
    # Only the template's own structure: headings, paragraphs, lists, bold labels and titles.
    assert set(parser.tags) <= {"h1", "h2", "h3", "p", "ul", "li", "strong"}, parser.tags
    text = " ".join("".join(parser.text).split())
    for value in (SCRIPT, ORG, ACTIVITY, "[Huset](javascript:x)", "<i>Anna</i> *Andersson*",
                  "https://meet.example.org/psi_jul?a=1&b=2"):  # fmt: skip
        assert value in text, (value, text)


def test_word_and_opendocument_open_with_the_data_as_text(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    import docx

    hostile_register(run)
    target = tmp_path / "nyheter.docx"
    newsletter(run, "--date", DAY, "-o", str(target))
    document = docx.Document(str(target))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Nytt från PSI" in text and STORMOTE in text
    for value in (SCRIPT, ORG, ACTIVITY):
        assert value in text, (value, text)
    odt = tmp_path / "nyheter.odt"
    newsletter(run, "--date", DAY, "-o", str(odt))
    with zipfile.ZipFile(io.BytesIO(odt.read_bytes())) as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert "Nytt från PSI" in content and "&lt;script&gt;" in content


def test_pdf_shows_markup_in_the_data_as_text(run: Run, example_db: Db, tmp_path: Path) -> None:
    hostile_register(run)
    target = tmp_path / "nyheter.pdf"
    newsletter(run, "--date", DAY, "-o", str(target))
    text = pdf_text(target)
    for value in (SCRIPT, ORG, ACTIVITY):
        assert value in text, (value, text)


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("weeks", ["0", "53", "-1", "1000000000"])
def test_weeks_out_of_range_are_refused(run: Run, example_db: Db, weeks: str) -> None:
    message = assert_fails(run, example_db, ExitCode.INVALID, "report", "newsletter", "--weeks",
                           weeks)  # fmt: skip
    assert f"--weeks {weeks} is not a number of weeks from 1 to 52" in message
    assert "--weeks 6" in message


def test_the_report_commands_load_no_newsletter_rules_until_the_newsletter_runs() -> None:
    """`psi report --help` and the other reports do not pay for the newsletter's rules (and the
    meeting and activity rules they load); the default --weeks is named in the help."""
    code = (
        "import sys\n"
        "import psi.commands.report\n"
        "print(sorted(m for m in sys.modules if m.startswith('psi.domain.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.strip().splitlines()[-1]
    assert "psi.domain.newsletter" not in loaded and "psi.domain.activity" not in loaded


def test_the_help_names_the_default_weeks(run: Run) -> None:
    from psi.domain.newsletter import DEFAULT_WEEKS

    result = run("report", "newsletter", "--help")
    text = " ".join(result.stdout.replace("│", " ").split())  # the help's lines, unwrapped
    assert f"1-52; {DEFAULT_WEEKS} if left out." in text


def test_weeks_left_out_are_the_default(run: Run, example_db: Db) -> None:
    assert newsletter(run, "--date", DAY) == newsletter(run, "--date", DAY, "--weeks", "6")


def test_weeks_that_are_no_number_are_refused(run: Run, example_db: Db) -> None:
    message = assert_fails(run, example_db, ExitCode.USAGE, "report", "newsletter", "--weeks", "x")
    assert "--weeks" in message


@pytest.mark.parametrize("day", ["2025-13-01", "20 april", "1999-04-20", "0001-01-01"])
def test_bad_days_are_refused(run: Run, example_db: Db, day: str, tmp_path: Path) -> None:
    target = tmp_path / "n.pdf"
    assert_fails(run, example_db, ExitCode.INVALID, "report", "newsletter", "--date", day,
                 "-o", str(target))  # fmt: skip
    assert not target.exists()


def test_bad_language_and_format(run: Run, example_db: Db, tmp_path: Path) -> None:
    target = tmp_path / "n.pdf"
    args = ("report", "newsletter", "--date", DAY, "-o", str(target))
    assert "'de'" in assert_fails(run, example_db, ExitCode.INVALID, *args, "--lang", "de")
    assert "'rtf'" in assert_fails(run, example_db, ExitCode.INVALID, *args, "--format", "rtf")
    assert not target.exists()


def test_nothing_to_tell_is_one_error_line(run: Run, empty_db: Db, tmp_path: Path) -> None:
    target = tmp_path / "n.html"
    before = dump(empty_db)
    message = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "report", "newsletter", "--date",
                           "2026-12-02", "-o", str(target))  # fmt: skip
    assert message == (
        "Error: Nothing to tell in the next 6 weeks: no stormöte, open meeting or activity is "
        "planned up to 2027-01-12, and no activity was done and no member joined since "
        "2026-10-22; try --weeks 12.\n"
    )
    assert not target.exists() and dump(empty_db) == before
    one = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "report", "newsletter", "--weeks", "1")
    assert one.startswith("Error: Nothing to tell in the next week: ") and "--weeks 2." in one
    most = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "report", "newsletter", "--weeks", "52")
    assert "in the next 52 weeks" in most and "psi meeting add, psi activity add" in most


def test_au_meetings_and_msi_dialogues_alone_are_nothing_to_tell(
    run: Run, empty_db: Db, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_meeting(run, "au", "2026-12-08")
    add_meeting(run, "msi", "2026-12-09")
    monkeypatch.setenv("PSI_LANG", "sv")
    message = assert_fails(run, empty_db, ExitCode.NOT_FOUND, "report", "newsletter", "--date",
                           "2026-12-02")  # fmt: skip
    assert message.startswith("Fel: Inget att berätta de närmaste 6 veckorna: ")
    assert message.endswith("försök med --weeks 12.\n")
