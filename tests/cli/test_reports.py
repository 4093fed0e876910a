"""`psi report` (followup, decision, budget, members, activities, rotation, templates) and
`psi config`, through the command line.

The Markdown of every report on the example register is compared with the files in
tests/snapshots/reports/; run `pytest --snapshot-update` to rewrite them after a deliberate
change, and read the diff. Reports print today's date (and the rotation report proposes next
year's pair), so today's long date is replaced by a fixed token before comparing, and the
rotation report's proposal, which depends on the year we are in, is checked against
`psi rotate` instead of a snapshot.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from psi.domain.summary import LONG_LIST
from psi.errors import ExitCode
from psi.reports.render import builtin_templates, format_date
from tests.conftest import Run, assert_snapshot, dump
from tests.helpers import (
    add_meeting,
    as_json,
    assert_fails,
    hold_meeting,
    ok,
    pdf_text,
    proposal,
    rendered,
)

NB = "\u00a0"  # Swedish amounts: a non-breaking space between thousands and before kr
ACTIVA = "Stiftelsen Activa"
OFR = "Örebro Föreningsråd"
MOCKELN = "Möckelnföreningarna"
EXEMPELGARDEN = "Föreningen Exempelgården (exempel)"
SIGNER = "Katarina Strömgren Sandh"
TODAY_TOKEN = "<DAGENS DATUM>"
INJECTION = 'Fält #_*$@<]\\ #read("secret.txt") | a | b |'
SECRET = "TOPSECRET-REPORTS-5821"
LANGS = ("sv", "en")
# Each report on the example register: the command line after `psi report`.
REPORTS: dict[str, tuple[str, ...]] = {
    "followup-2025": ("followup", "2025"),
    "decision-2026": ("decision", "2026", "--date", "2025-08-27"),
    "decision-2025": ("decision", "2025", "--date", "2024-06-11"),
    "budget-2025": ("budget", "2025"),
    "members-2025": ("members", "--year", "2025"),
    "activities-2025": ("activities", "2025"),
    "rotation": ("rotation",),
}
DECISION_HEADINGS = {
    "sv": [
        "## Förslag till beslut",
        "## Sammanfattning",
        "## Ärendebeskrivning",
        "## Bedömning",
        "## Konsekvenser för miljö-, barn- och jämställdhetsperspektiven",
        "## Ekonomiska konsekvenser",
        "## Uppföljning",
        "## Beslutsunderlag",
    ],
    "en": [
        "## Proposed decision",
        "## Summary",
        "## Background",
        "## Assessment",
        "## Consequences for the environment, children and gender equality",
        "## Financial consequences",
        "## Follow-up",
        "## Basis for the decision",
    ],
}
# What each report's PDF must say, after the text is read back (see pdf_text).
PDF_FACTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("followup-2025", "sv"): (
        "Uppföljning av samordningsuppdraget 2025",
        "Uppföljning",
        f"{ACTIVA} fortsätter 3",
        f"{OFR} samordningsnybörjare 1",
        "11 av 11 planerade AU-möten har hållits",
        "Beviljade medel: 200 000 kr.",
        "Godkännande",
        "Ordförande i arbetsutskottet",
        f"{ACTIVA} 100 000 kr 46 250 kr 53 750 kr",
        "Medlemmar vid årets början: 38. Vid årets slut: 39.",
    ),
    ("followup-2025", "en"): (
        "Follow-up of the coordination assignment 2025",
        f"{ACTIVA} continuing 3",
        "11 of 11 planned AU meetings have been held",
        "200 000 kr",
        "Chair of the working committee",
        OFR,
    ),
    ("decision-2026", "sv"): (
        "Region Örebro län Kulturnämnden",
        "Datum: 27 augusti 2025",
        "Samordning av Partnerskapet för sociala innovationer 2026",
        "Kulturnämnden beslutar",
        "att under 2026 avsätta 200 000 kronor",
        "sedan 2015",
        "cirka 40 organisationer",
        f"{ACTIVA} frånträder nu uppdraget och {OFR} har kvar samordningsansvaret under 2026.",
        "Ärendebeskrivning",
        "Beslutsunderlag",
        f"{SIGNER} Kulturchef",
        "Skickas till:",
    ),
    ("decision-2026", "en"): (
        "Coordination of Partnerskapet för sociala innovationer 2026",
        "Date: 27 August 2025",
        "since 2015",
        "200 000 kronor",
        f"{ACTIVA} now steps down and {OFR} keeps the coordinating responsibility in 2026.",
        f"{SIGNER} Head of Culture",
    ),
    ("decision-2025", "sv"): (
        "Datum: 11 juni 2024",
        "Samordning av Partnerskapet för sociala innovationer 2025",
        f"ge {ACTIVA} och {MOCKELN} i uppdrag att samordna PSI ytterligare",
        "Medlen kan avsättas på grund av att externa projektmedel finansierar del av lönekostnad.",
    ),
    ("decision-2025", "en"): ("Coordination of Partnerskapet för sociala innovationer 2025",),
    ("budget-2025", "sv"): (
        "Budget och utfall 2025",
        f"{OFR} 100 000 kr 49 214,50 kr 50 785,50 kr",
        "Förbrukat: 95 464,50 kr. Kvar av de beviljade medlen: 104 535,50 kr.",
        "lön, arvode 85 000 kr",
    ),
    ("budget-2025", "en"): ("Budget and outcome 2025", f"{OFR} 100 000 kr 49 214,50 kr"),
    ("members-2025", "sv"): ("Medlemsregister 2025", "39 medlemsorganisationer.", OFR),
    ("members-2025", "en"): ("2025", OFR, "Region Örebro län"),
    ("activities-2025", "sv"): (
        "Aktivitetslista 2025",
        "Workshop om sociala innovationer i praktiken (exempel)",
        "5 aktiviteter: 3 genomförda",
    ),
    ("activities-2025", "en"): ("Activity list 2025", "Rekryteringsträff i norra länet (exempel)"),
    ("rotation", "sv"): ("Samordningsansvaret år för år", MOCKELN, OFR, "regionledd period"),
    ("rotation", "en"): ("The coordination year by year", MOCKELN, OFR),
}


# --- helpers ---------------------------------------------------------------------------------


def report(run: Run, name: str, *options: str) -> str:
    """The Markdown of one of REPORTS, with extra options."""
    if REPORTS[name][0] == "decision":
        return drafted(run, *REPORTS[name][1:], *options)
    return ok(run, "report", *REPORTS[name], *options)


def drafted(run: Run, *args: str) -> str:
    """`psi report decision ARGS`, which must succeed; standard error holds only the list of
    the facts it took from the register, one per line with the command that changes it."""
    result = run("report", "decision", *args)
    assert result.exit_code == ExitCode.OK, (args, result.exit_code, result.output)
    lines = result.stderr.splitlines()
    assert len(lines) == 10 and all(line.endswith(")") and " (psi " in line for line in lines), (
        result.stderr
    )
    return result.stdout_bytes.decode("utf-8")


def normalised(text: str, lang: str) -> str:
    """The report with today's long date ("24 november 2026") replaced by a fixed token."""
    return text.replace(format_date(date.today(), lang), TODAY_TOKEN)


def snapshot(name: str, text: str) -> None:
    """assert_snapshot under tests/snapshots/reports/."""
    assert_snapshot(f"reports/{name}", text)


def loose(text: str) -> str:
    """Text without hyphens: a real hyphen at a line end cannot be told from hyphenation."""
    return text.replace("-", "")


def lines_of(markdown: str) -> list[str]:
    return markdown.splitlines()


def headings(markdown: str) -> list[str]:
    """The `## ` headings, in order."""
    return [line for line in lines_of(markdown) if line.startswith("## ")]


def section(markdown: str, heading: str) -> str:
    """The text under a `## heading`, up to the next `## ` heading."""
    start = markdown.index(f"\n{heading}\n") + len(heading) + 2
    end = markdown.find("\n## ", start)
    return markdown[start : end if end != -1 else len(markdown)]


def table_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, split on the pipes that are not escaped."""
    assert line.startswith("|") and line.endswith("|"), line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def header_of(lines: list[str], index: int) -> str:
    """The header row of the Markdown table that holds lines[index]."""
    while not lines[index].startswith("|---"):
        index -= 1
    return lines[index - 1]


def duty_rows(markdown: str) -> list[list[str]]:
    """The rows of the six-duties table: number and title, done, verdict, rule."""
    return [table_cells(line) for line in lines_of(markdown) if re.match(r"^\| \d\. ", line)]


def write_secret(folder: Path) -> None:
    (folder / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")


# --- snapshots of every report on the example register ---------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", [n for n in REPORTS if n != "rotation"])
def test_report_markdown_snapshot(run: Run, example_db: Path, name: str, lang: str) -> None:
    markdown = report(run, name, "--lang", lang)
    args = REPORTS[name]
    # A decision draft is dated its --date in its title block; the others today, in the header.
    dated = date.fromisoformat(args[args.index("--date") + 1]) if "--date" in args else date.today()
    assert any(format_date(dated, lang) in line for line in markdown.splitlines()[1:5])
    snapshot(f"{name}.{lang}.md", normalised(markdown, lang))
    assert "psichart" not in markdown
    assert "SAKNAS" not in markdown and "MISSING" not in markdown
    assert "Traceback" not in markdown
    # A heading glued to the line before it is plain text to pandoc.
    lines = markdown.splitlines()
    assert all(lines[i - 1] == "" for i, line in enumerate(lines) if i and line.startswith("#"))


@pytest.mark.parametrize("lang", LANGS)
def test_rotation_history_snapshot(run: Run, example_db: Path, lang: str) -> None:
    markdown = report(run, "rotation", "--lang", lang)
    history, proposal = markdown.split("\n## ", 1)
    snapshot(f"rotation-history.{lang}.md", normalised(history, lang) + "\n")
    next_year = date.today().year + 1
    heading = "Rotationen" if lang == "sv" else "The rotation"
    assert proposal.startswith(f"{heading} {next_year}\n")
    rows = [table_cells(line) for line in lines_of(history) if re.match(r"^\| \d{4} \|", line)]
    assert [row[0] for row in rows] == [str(y) for y in range(2015, 2023)] + [
        "2023", "2023", "2024", "2024", "2025", "2025", "2026",
    ]  # fmt: skip
    if lang == "sv":
        assert rows[-3][:4] == ["2025", ACTIVA, "fortsätter", "3"]
        assert rows[-2][:4] == ["2025", OFR, "samordningsnybörjare", "1"]
        assert rows[-1][:4] == ["2026", OFR, "fortsätter", "2"]
        assert rows[0][:4] == ["2015", "Region Örebro län", "regionledd period", "1"]


def test_rotation_report_agrees_with_psi_rotate(run: Run, example_db: Path) -> None:
    """The proposal in the report is the one `psi rotate NEXT` makes; when only one
    coordinator of this year is recorded, psi rotate says the rule cannot tell who stays."""
    next_year = date.today().year + 1
    proposed = proposal(run, next_year)
    for lang in LANGS:
        markdown = report(run, "rotation", "--lang", lang)
        part = markdown.split("\n## ", 1)[1]
        said_stays = re.search(r"(?:stannar|the rotation rule) (.+?)(?: och | stays|\.)", part)
        if len(proposed["previous"]) == 2 and proposed["stays"]:
            assert said_stays is not None and said_stays.group(1) == proposed["stays"], part
        else:
            # `psi rotate` refuses to name who stays; the report must not claim the rule does.
            assert said_stays is None, (lang, part)


# --- the follow-up ---------------------------------------------------------------------------


def test_followup_2025_says_what_the_example_holds(run: Run, example_db: Path) -> None:
    markdown = report(run, "followup-2025")
    lines = lines_of(markdown)
    assert lines[0] == "# Uppföljning av samordningsuppdraget 2025"
    assert lines[2].startswith("Partnerskapet för sociala innovationer (PSI) · ")
    assert "Året pågår" not in markdown
    # Coordinators and roles.
    assert f"| {ACTIVA} | fortsätter | 3 |" in lines
    assert f"| {OFR} | samordningsnybörjare | 1 |" in lines
    # The six duties: what was done and a verdict for a finished year; the rules below.
    duties = duty_rows(markdown)
    assert [row[0].split(".")[0] for row in duties] == ["1", "2", "3", "4", "5", "6"]
    verdicts = [row[2] for row in duties]
    assert set(verdicts) <= {"**uppfyllt**", "**delvis uppfyllt**", "**inte uppfyllt**"}
    assert duties[0][1:3] == ["11 av 11 planerade AU-möten har hållits", "**uppfyllt**"]
    assert duties[1][1] == "3 stormöten har hållits, varav 3 i samverkan med Regional utveckling"
    assert duties[1][2] == "**uppfyllt**"
    assert "Regional utveckling" in duties[1][0]
    # The cancelled and the carried activity stay on the list: 3 of 5, not 3 of 3.
    assert duties[2][1] == (
        "1 anteckning om dialogen med medlemmarna; 3 av 5 aktiviteter på listan genomförda"
    )
    assert duties[2][2] == "**inte uppfyllt**"
    # Exempelföreningen Nyanlända (exempel) joined on 15 March 2025.
    assert duties[3][1:3] == ["1 rekryteringskontakt; 1 ny medlem", "**uppfyllt**"]
    assert duties[4][1] == "1 anteckning om MSI; 1 möte med MSI har hållits"
    assert duties[5][1:3] == [
        "inlägg under 2 av 4 kvartal; 1 på hemsidan och 1 i sociala medier",
        "**delvis uppfyllt**",
    ]
    assert (
        "1. Planera och hålla samman arbetsutskottets möten: uppfyllt när minst 80 % av årets "
        "planerade AU-möten hålls (inställda räknas som planerade), och varje samordnare deltar "
        "i minst 50 % av dem som hålls."
    ) in lines
    assert "Inga grunder är ändrade." in markdown
    # The summary, next year's pair, the money, the reach and the approval block.
    summary = lines[lines.index("## Sammanfattande bedömning") + 2]
    assert summary.startswith(
        "4 av de sex uppgifterna är uppfyllda, 1 är delvis uppfylld och 1 är inte uppfylld."
    )
    assert (
        f"Inför 2026: {OFR} har kvar samordningsansvaret och {ACTIVA} frånträder uppdraget."
        in summary
    )
    assert (
        "| Studieresa till en annan region (exempel) | inställd | För få anmälda (exempel) |  |"
        in lines
    )
    assert "Medlemmarna finns i 12 av länets 12 kommuner." in markdown
    assert "## Godkännande" in lines
    # Meetings and attendance.
    meetings = [table_cells(line) for line in lines if re.match(r"^\| 2025-\d\d-\d\d \|", line)]
    assert len([m for m in meetings if m[1] == "AU-möte"]) == 11
    stormoten = [m for m in meetings if m[1] == "Stormöte"]
    assert len(stormoten) == 3
    assert all(m[3] == "genomfört" and m[4] == "Regional utveckling" for m in stormoten)
    assert [m[5] for m in stormoten] == ["6", "6", "6"]
    assert f"| {ACTIVA} | 15 |" in lines and f"| {OFR} | 15 |" in lines
    # Activities, members, the MSI dialogue, website and social media.
    assert (
        "Aktivitetslistan 2025: totalt 5, genomförda 3, planerade eller pågående 0, inställda 1, "
        "flyttade till nästa år 1. Antal anteckningar om dialogen med medlemmarna: 1."
    ) in lines
    assert (
        "Medlemmar vid årets början: 38. Vid årets slut: 39. Nya medlemmar: Exempelföreningen "
        "Nyanlända (exempel). Utträden: inga. Rekryteringskontakter: 1 (organisationer: 1). "
        "Intresserade organisationer just nu: 2."
    ) in lines
    assert "Antal anteckningar om dialogen med MSI under 2025: 1." in lines
    assert "Inlägg på hemsidan: 1. Inlägg i sociala medier: 1." in lines
    # The budget: grant, allocation and spending per organisation and category, remaining.
    kr = f"{NB}kr"
    assert (
        f"Beviljade medel: 200{NB}000{kr}. Förbrukat: 95{NB}464,50{kr}. Kvar: 104{NB}535,50{kr}."
    ) in lines
    assert (
        f"Av de beviljade medlen på 200{NB}000{kr} användes 95{NB}464,50{kr} (48 %); "
        f"104{NB}535,50{kr} är outnyttjat."
    ) in lines
    assert f"| {ACTIVA} | 100{NB}000{kr} | 46{NB}250{kr} | 53{NB}750{kr} |" in lines
    assert f"| {OFR} | 100{NB}000{kr} | 49{NB}214,50{kr} | 50{NB}785,50{kr} |" in lines
    assert f"| lön, arvode | 85{NB}000{kr} |" in lines
    assert "## Öppna åtgärdspunkter" in lines and "Inga öppna åtgärdspunkter." in lines


def test_followup_english(run: Run, example_db: Path) -> None:
    markdown = report(run, "followup-2025", "--lang", "en")
    lines = lines_of(markdown)
    assert lines[0] == "# Follow-up of the coordination assignment 2025"
    assert f"| {ACTIVA} | continuing | 3 |" in lines
    assert f"| {OFR} | newcomer | 1 |" in lines
    duties = duty_rows(markdown)
    assert len(duties) == 6
    assert duties[0][1:3] == ["11 of 11 planned AU meetings have been held", "**met**"]
    assert "## Summary assessment" in lines and "## Approval" in lines
    assert "4 of the six duties are met, 1 is partly met and 1 is not met." in markdown
    assert {row[2] for row in duties} <= {"**met**", "**partly met**", "**not met**"}
    assert f"| {ACTIVA} | 100{NB}000{NB}kr | 46{NB}250{NB}kr | 53{NB}750{NB}kr |" in lines


def test_cancelling_or_carrying_never_raises_a_verdict(run: Run, empty_db: Path) -> None:
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society")
    days = ("2025-02-11", "2025-03-11", "2025-04-08", "2025-05-13", "2025-06-10")
    meetings = [add_meeting(run, "au", day) for day in days]
    for meeting in meetings[:3]:
        hold_meeting(run, meeting, "--attended", ACTIVA)
    for title in ("Workshop", "Studieresa", "Guide", "Nyhetsbrev"):
        ok(run, "activity", "add", "2025", title)
    ok(run, "activity", "done", "1", "--outcome", "20 deltagare")

    def duties() -> list[list[str]]:
        return duty_rows(report(run, "followup-2025"))

    before = duties()
    assert before[0][1:3] == ["3 av 5 planerade AU-möten har hållits", "**delvis uppfyllt**"]
    assert before[2][1].endswith("1 av 4 aktiviteter på listan genomförda")
    assert before[2][2] == "**inte uppfyllt**"
    # Cancelling what was not done, and carrying the rest, leaves every count and verdict.
    for meeting in meetings[3:]:
        ok(run, "meeting", "cancel", str(meeting), "--reason", "Få anmälda")
    ok(run, "activity", "cancel", "2", "--reason", "För få anmälda")
    ok(run, "activity", "carry", "2025")
    after = duties()
    assert after == before
    shown = report(run, "followup-2025")
    assert "| Studieresa | inställd | För få anmälda |  |" in lines_of(shown)
    assert "| Guide | flyttad till nästa år |  |  |" in lines_of(shown)


def test_the_au_sets_its_own_criteria_and_the_follow_up_says_so(run: Run, empty_db: Path) -> None:
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society")
    days = ("2025-02-11", "2025-03-11", "2025-04-08", "2025-05-13", "2025-06-10")
    meetings = [add_meeting(run, "au", day) for day in days]
    for meeting in meetings[:3]:
        hold_meeting(run, meeting, "--attended", ACTIVA)
    assert duty_rows(report(run, "followup-2025"))[0][2] == "**delvis uppfyllt**"
    ok(run, "config", "set", "criterion-au-meetings", "60 %")
    markdown = report(run, "followup-2025")
    assert duty_rows(markdown)[0][2] == "**uppfyllt**"
    assert (
        "Arbetsutskottet har ändrat: criterion-au-meetings till 60 % (förslaget var 80 %)."
    ) in markdown
    assert "minst 60 % av årets planerade AU-möten hålls" in markdown
    result = run("config", "set", "criterion-stormoten", "4-2")
    assert result.exit_code == ExitCode.INVALID
    assert "the smaller first" in result.stderr


def test_followup_of_a_running_year(run: Run, empty_db: Path) -> None:
    year = date.today().year
    ok(run, "org", "add", ACTIVA, "--sector", "civil-society")
    ok(run, "log", "add", "website", "Program publicerat", "--on", date.today().isoformat())
    markdown = ok(run, "report", "followup", str(year))
    duties = duty_rows(markdown)
    assert len(duties) == 6
    assert duties[5][1].endswith("; 1 på hemsidan och 0 i sociala medier")
    if date.today() < date(year, 12, 31):
        assert "*Året pågår:" in markdown
        assert "Genomfört hittills" in markdown
        assert {row[2] for row in duties} <= {
            "**uppfyllt**",
            "**i fas**",
            "**ligger efter**",
            "**delvis uppfyllt**",
        }
        english = ok(run, "report", "followup", str(year), "--lang", "en")
        assert {row[2] for row in duty_rows(english)} <= {"**met**", "**on track**", "**behind**"}


def test_followup_names_an_overridden_rotation_rule(run: Run, example_db: Path) -> None:
    reason = "Ingen samordningsnybörjare kunde ta uppdraget"
    result = run("rotate", "2026", "--appoint", MOCKELN, "--force", "--reason", reason)
    assert result.exit_code == 0, result.output
    markdown = ok(run, "report", "followup", "2026")
    assert f"Rotationsregeln frångicks för {MOCKELN}: {reason}" in lines_of(markdown)
    assert reason in ok(run, "report", "rotation")


@pytest.mark.parametrize(("setup", "year"), [("example", "2031"), ("empty", "2026")])
def test_followup_of_a_year_without_data(run: Run, tmp_path: Path, setup: str, year: str) -> None:
    ok(run, "init", *(["--example"] if setup == "example" else []))
    markdown = ok(run, "report", "followup", year)
    assert markdown.startswith(f"# Uppföljning av samordningsuppdraget {year}\n")
    assert (
        f"Registret innehåller inga uppgifter om samordning, möten, aktiviteter, logg eller "
        f"budget för {year}. Det finns därför inget att följa upp ännu."
    ) in lines_of(markdown)
    assert "## De sex uppgifterna" not in markdown
    english = ok(run, "report", "followup", year, "--lang", "en")
    assert (
        "The register holds nothing about coordination, meetings, activities, the log or the "
        f"budget for {year}, so there is nothing to follow up yet."
    ) in lines_of(english)
    target = tmp_path / "tom.pdf"
    ok(run, "report", "followup", year, "--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    assert "Det finns därför inget att följa upp ännu." in text
    assert "psichart" not in text and "Utgifter mot tilldelning" not in text


# --- a register grown past a normal year ---------------------------------------------------


def test_followup_of_a_year_with_many_meetings_shows_them_by_month(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    names = [f"Förening nummer {n:02d}" for n in range(LONG_LIST + 3)]
    for name in names:
        ok(run, "org", "add", name, "--sector", "civil-society")
    tuesdays = [date(2026, 1, 13) + timedelta(weeks=n) for n in range(LONG_LIST + 5)]
    ids = [add_meeting(run, "au", day.isoformat()) for day in tuesdays]
    hold_meeting(run, ids[0], *(f"--attended={name}" for name in names))  # 13 January
    hold_meeting(run, ids[1], f"--attended={names[0]}")  # 20 January
    ok(run, "meeting", "cancel", str(ids[2]), "--reason", "Sjukdom")  # 27 January
    markdown = ok(run, "report", "followup", "2026")
    assert "Året har 45 möten, för många att lista här" in markdown
    assert "`psi meeting list 2026`" in markdown
    rows = [line for line in lines_of(markdown) if line.startswith("| januari ")]
    assert rows == ["| januari | 2 | 0 | 0 | 0 | 2 | 1 | 22,0 |"]
    assert "| februari | 4 | 0 | 0 | 0 | 0 | 0 | – |" in lines_of(markdown)
    assert "2026-02-03" not in markdown  # no row per meeting
    per_org = section(markdown, "### 1–2. Arbetsutskottets möten och stormöten")
    assert "| Förening nummer 00 | 2 |" in per_org
    assert len([line for line in lines_of(per_org) if line.startswith("| Förening ")]) == LONG_LIST
    assert "Ytterligare 3 organisationer deltog i minst ett möte." in per_org
    english = ok(run, "report", "followup", "2026", "--lang", "en")
    assert "The year has 45 meetings, too many to list here" in english
    assert "| January | 2 | 0 | 0 | 0 | 2 | 1 | 22.0 |" in lines_of(english.replace("\\.", "."))
    assert "3 more organisations attended at least one meeting." in english
    target = tmp_path / "stor.pdf"
    ok(run, "report", "followup", "2026", "--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    assert "Året har 45 möten" in text and "januari" in text


# --- the decision draft ----------------------------------------------------------------------


def test_decision_2026_on_27_august_2025_states_seed_001(run: Run, example_db: Path) -> None:
    markdown = report(run, "decision-2026")
    lines = lines_of(markdown)
    assert lines[:5] == [
        "**Region Örebro län**\\",
        "Kulturnämnden",
        "",
        "Datum: 27 augusti 2025\\",
        "Diarienummer: " + "\\_" * 22,
    ]
    assert "# Samordning av Partnerskapet för sociala innovationer 2026" in lines
    assert headings(markdown) == DECISION_HEADINGS["sv"]
    proposal = section(markdown, "## Förslag till beslut")
    assert "Kulturnämnden beslutar\n\natt\n:   under 2026 avsätta 200" in proposal
    assert f"avsätta 200{NB}000{NB}kronor till civilsamhällsorganisationer inom" in proposal
    summary = section(markdown, "## Sammanfattning")
    assert "har funnits i Örebro län sedan 2015." in summary
    assert "Region Örebro län överlämnade 2023 det koordinerande ansvaret" in summary
    assert "Idag ingår cirka 40 organisationer" in summary
    assert f"avsätter 200{NB}000{NB}kronor till två civilsamhällsorganisationer" in summary
    background = section(markdown, "## Ärendebeskrivning")
    assert (
        "sedan 2015 efter beslut hos dåvarande Örebro läns landsting samt Regionförbundet. "
        "Region Örebro län har under många år haft det koordinerande ansvaret."
    ) in background
    duties = [line for line in lines_of(background) if line.startswith("- ")]
    assert len(duties) == 6
    assert duties[0] == "- planera och hålla samman Arbetsutskottets möten"
    assert "stormöten 2–4 gånger/år i samverkan med Regional utveckling" in duties[1]
    assert "Mötesplats social innovation" in duties[4]
    assert (
        f"{ACTIVA} och {MOCKELN} blev de två organisationer som tog sig an uppgiften under 2023."
    ) in background
    assert (
        "Kulturnämnden beslöt under 2024 att det fortlöpande samordningsansvaret skulle rotera."
    ) in background
    assert (
        f"Under 2025 har {ACTIVA} och {OFR} haft samordningsansvaret. {ACTIVA} frånträder nu "
        f"uppdraget och {OFR} har kvar samordningsansvaret under 2026."
    ) in background
    assert (
        "Bedömningen är att arbetssättet fungerar väl. Partnerskapets arbetsutskott behöver "
        "påbörja processen genom att tillfråga och utse den organisation som tillsammans med "
        f"{OFR} ska ges samordningsansvaret för 2026."
    ) in background
    assert section(markdown, "## Ekonomiska konsekvenser").strip() == (
        "Ryms inom kulturnämndens budget."
    )
    assert "Uppdraget följs upp av partnerskapets arbetsutskott." in markdown
    papers = section(markdown, "## Beslutsunderlag")
    assert (
        "- Föredragnings-PM kulturnämnden 2025-08-27 Samordning av Partnerskapet för sociala "
        "innovationer 2026"
    ) in lines_of(papers)
    assert markdown.endswith(
        f"{SIGNER}\\\nKulturchef\n\nSkickas till:\\\n(Ange vem/vilka beslutet ska skickas till)\n"
    )
    assert "SAKNAS" not in markdown


def test_decision_2025_on_11_june_2024_states_seed_000(run: Run, example_db: Path) -> None:
    markdown = report(run, "decision-2025")
    assert "Datum: 11 juni 2024\\" in lines_of(markdown)
    assert "Idag ingår cirka 40 organisationer" in markdown
    background = section(markdown, "## Ärendebeskrivning")
    assert (
        f"Kulturnämnden beslöt att under 2024 ge {ACTIVA} och {MOCKELN} i uppdrag att samordna "
        "PSI ytterligare. Kulturnämnden beslöt att se över uppdraget och rotera "
        "samordningsansvaret inför 2025."
    ) in background
    assert (
        "Region Örebro län har förankrat idén hos partnerskapets arbetsutskott och de två "
        "nuvarande samordnande organisationerna. Bedömningen är att arbetssättet fungerar väl. "
        "Partnerskapets arbetsutskott behöver påbörja processen genom att tillfråga och utse de "
        "organisationer som ska ges samordningsansvaret för 2025."
    ) in background
    # On 11 June 2024 the 2025 pair was not appointed: nobody is said to stay or to leave.
    assert "frånträder" not in markdown and "har utsett" not in markdown
    assert OFR not in markdown
    assert (
        "Ryms inom kulturnämndens budget. Medlen kan avsättas på grund av att externa "
        "projektmedel finansierar del av lönekostnad."
    ) in section(markdown, "## Ekonomiska konsekvenser")
    assert "- Föredragnings-PM kulturnämnden 2024-06-11 Samordning av" in markdown
    assert "SAKNAS" not in markdown


def test_decision_lists_each_fact_it_took_on_standard_error(run: Run, example_db: Path) -> None:
    result = run(*("report", *REPORTS["decision-2026"]))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert (
        f"the amount: 200{NB}000{NB}kronor (psi budget grant 2026 AMOUNT --decided 2025-08-27)"
        in lines
    )
    assert "the number of member organisations: 40 (psi org import FILE)" in lines
    assert (
        "the year the region handed the coordination to civil society: 2023 "
        '(psi rotate 2022 --other "Region Örebro län")'
    ) in lines
    assert f'who signs: {SIGNER} (psi config set signer "NAME")' in lines
    assert len(lines) == 10


def test_decision_dnr_and_send_to(run: Run, example_db: Path) -> None:
    markdown = report(
        run, "decision-2026", "--dnr", "KN 2025/123", "--send-to", "Regional utveckling"
    )
    assert "Diarienummer: KN 2025/123" in markdown
    assert markdown.endswith("Skickas till:\\\nRegional utveckling\n")


def test_decision_english(run: Run, example_db: Path) -> None:
    markdown = report(run, "decision-2026", "--lang", "en")
    assert "# Coordination of Partnerskapet för sociala innovationer 2026" in lines_of(markdown)
    assert headings(markdown) == DECISION_HEADINGS["en"]
    assert "since 2015" in markdown and f"200{NB}000{NB}kronor" in markdown
    assert (
        f"{ACTIVA} now steps down and {OFR} keeps the coordinating responsibility in 2026."
    ) in markdown
    assert "MISSING" not in markdown


def test_a_register_holding_only_2025_marks_every_history_fact(run: Run, empty_db: Path) -> None:
    for name, sector in ((ACTIVA, "civil-society"), (OFR, "civil-society")):
        ok(run, "org", "add", name, "--sector", sector)
    forced = run(
        "rotate", "2025", "--appoint", ACTIVA, "--appoint", OFR, "--force", "--reason", "x"
    )
    assert forced.exit_code == 0, forced.output
    markdown = drafted(run, "2026", "--date", "2025-08-27")
    shown = rendered(markdown)
    assert "[SAKNAS: året då regionen lämnade över samordningen till civilsamhället: " in shown
    assert 'psi rotate 2024 --other "Region Örebro län"' in shown
    assert (
        "[SAKNAS: nämndens beslut att samordningsansvaret ska rotera: psi history rotation" in shown
    )
    assert not re.search(r"överlämnade \d{4}", markdown)
    assert "under många år" not in markdown
    # The commands the markers name work: after them, the facts are there.
    ok(run, "org", "add", "Region Örebro län", "--sector", "region")
    ok(run, "rotate", "2024", "--other", "Region Örebro län")
    ok(run, "history", "rotation", "2025", "--decided", "2024")
    markdown = drafted(run, "2026", "--date", "2025-08-27")
    assert "Region Örebro län överlämnade 2025 det koordinerande ansvaret" in markdown
    assert "Kulturnämnden beslöt under 2024 att det fortlöpande" in markdown


def test_decision_on_an_empty_register_marks_every_gap(run: Run, empty_db: Path) -> None:
    markdown = drafted(run, "2026")
    assert headings(markdown) == DECISION_HEADINGS["sv"]
    shown = rendered(markdown)
    for gap in (
        "[SAKNAS: året då partnerskapet bildades: psi config set founded YEAR]",
        "[SAKNAS: vems beslut partnerskapet bildades efter: psi config set founded-by TEXT]",
        "[SAKNAS: året då regionen lämnade över samordningen till civilsamhället",
        "[SAKNAS: antalet medlemsorganisationer: psi org import FILE]",
        "[SAKNAS: nämndens beslut att samordningsansvaret ska rotera",
        '[SAKNAS: förra årets samordnare: psi rotate 2025 --appoint "ORG"]',
        "[SAKNAS: föredragnings-PM:et",
        '[SAKNAS: undertecknare: psi config set signer "NAME"]',
        "[SAKNAS: undertecknarens titel",
        "[SAKNAS: bedömning av arbetssättet",
    ):
        assert gap in shown, gap
    assert "**\\[SAKNAS: året då partnerskapet" in markdown  # bold, so a reader cannot miss it
    # Nothing invented: no year, no count, no names of organisations or people.
    for invented in (ACTIVA, OFR, MOCKELN, SIGNER, "Kulturchef", "cirka", "frånträder", "utsett"):
        assert invented not in markdown, invented
    assert not re.search(r"sedan \d{4}", markdown)
    assert not re.search(r"överlämnade \d{4}", markdown)
    english = drafted(run, "2026", "--lang", "en")
    assert english.count("MISSING") >= 6 and "SAKNAS" not in english


def test_decision_placeholder_goes_once_the_fact_is_set(
    run: Run, empty_db: Path, tmp_path: Path
) -> None:
    ok(run, "config", "set", "founded", "2015")
    markdown = drafted(run, "2026")
    assert "året då partnerskapet bildades" not in markdown
    assert markdown.count("har funnits i Örebro län sedan 2015") == 2
    assert "SAKNAS: undertecknare" in rendered(markdown)  # the other gaps stay
    ok(run, "config", "set", "signer", "Anna Andersson")
    ok(run, "config", "set", "signer-title", "Kulturdirektör")
    ok(run, "config", "set", "committee", "Regionstyrelsen")
    markdown = drafted(run, "2026")
    assert "Anna Andersson\\\nKulturdirektör\n" in markdown
    assert "Regionstyrelsen beslutar" in lines_of(markdown)
    assert "Ryms inom regionstyrelsens budget." in markdown
    target = tmp_path / "beslut.pdf"
    drafted(run, "2026", "--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    assert "sedan 2015" in text and "Anna Andersson Kulturdirektör" in text
    assert "[SAKNAS: föredragnings" in loose(text).replace("föredragningsPM", "föredragnings")


def test_decision_after_the_newcomer_is_appointed(run: Run, example_db: Path) -> None:
    ok(run, "rotate", "2026", "--appoint", "exempelgården")
    draft_2026 = drafted(run, "2026")
    assert (
        f"Bedömningen är att arbetssättet fungerar väl. Partnerskapets arbetsutskott har utsett "
        f"{EXEMPELGARDEN} att tillsammans med {OFR} ha samordningsansvaret för 2026."
    ) in draft_2026
    # Dated before the appointment, the draft still says the AU must appoint the newcomer.
    assert "har utsett" not in drafted(run, "2026", "--date", "2025-08-27")
    markdown = drafted(run, "2027")
    assert "# Samordning av Partnerskapet för sociala innovationer 2027" in lines_of(markdown)
    background = section(markdown, "## Ärendebeskrivning")
    assert (
        f"Under 2026 har {OFR} och {EXEMPELGARDEN} haft samordningsansvaret. {OFR} frånträder nu "
        f"uppdraget och {EXEMPELGARDEN} har kvar samordningsansvaret under 2027."
    ) in background
    assert (
        f"utse den organisation som tillsammans med {EXEMPELGARDEN} ska ges samordningsansvaret "
        "för 2027."
    ) in background
    # No decision paper is recorded for 2027 yet: a placeholder, not last year's paper.
    assert "2025-08-27" not in section(markdown, "## Beslutsunderlag")
    assert "SAKNAS: föredragnings-PM" in rendered(markdown)
    english = drafted(run, "2027", "--lang", "en")
    assert (
        f"{OFR} now steps down and {EXEMPELGARDEN} keeps the coordinating responsibility in 2027."
    ) in english


def test_decision_before_the_newcomer_is_appointed(run: Run, example_db: Path) -> None:
    """2026's newcomer is not recorded: `psi rotate 2027` says the rule cannot tell who stays,
    and Örebro Föreningsråd (2025 and 2026) is the one that has served longest."""
    markdown = drafted(run, "2027")
    background = section(markdown, "## Ärendebeskrivning")
    assert ". och " not in background, background  # a sentence that starts with "och"
    assert f"{OFR} har kvar samordningsansvaret under 2027" not in background, background
    assert "SAKNAS" in background, background


# --- the other reports -----------------------------------------------------------------------


def test_budget_members_and_activities_say_what_the_example_holds(
    run: Run, example_db: Path
) -> None:
    budget = lines_of(report(run, "budget-2025"))
    grant = (
        f"| Kulturnämnden | 200{NB}000{NB}kr | 2024-06-11 | Föredragnings-PM kulturnämnden "
        "2024-06-11 |"
    )
    assert grant in budget
    expense = f"| 2025-03-31 | {OFR} | 45{NB}000{NB}kr | lön, arvode | Arvode samordning jan-mars"
    assert f"{expense} (exempel) |" in budget
    assert len([line for line in budget if re.match(r"^\| 2025-\d\d-\d\d \|", line)]) == 6
    members = report(run, "members-2025")
    assert "39 medlemsorganisationer." in lines_of(members)
    assert "| civilsamhälle | 28 |" in lines_of(members)
    assert "Exempelföreningen Avslutad (exempel)" not in members  # left 2024-12-31
    assert "Exempelföreningen Nystart (exempel)" not in members  # a prospect
    assert "Mötesplats social innovation" not in members  # a partner
    activities = lines_of(report(run, "activities-2025"))
    assert (
        "5 aktiviteter: 3 genomförda, 0 planerade eller pågående, 1 inställda, 1 flyttade till "
        "nästa år."
    ) in activities
    goal = "## M4: Kunskapsutbyte med Mötesplats social innovation och andra regioner (exempel)"
    assert goal in activities
    trip = f"| Studieresa till en annan region (exempel) | {ACTIVA} | 2025-10-08 | inställd |"
    assert f"{trip}  | För få anmälda (exempel) |" in activities


def test_swedish_members_report_is_all_swedish(run: Run, example_db: Path) -> None:
    """Exempelmyndigheten lies in Stockholm, outside the län; the Swedish report says so in
    Swedish."""
    markdown = report(run, "members-2025")
    assert "Stockholm" in markdown
    assert "outside" not in markdown, [line for line in lines_of(markdown) if "outside" in line]


# --- output: files and PDFs ------------------------------------------------------------------


def test_markdown_to_a_file(run: Run, example_db: Path, tmp_path: Path) -> None:
    shown = report(run, "followup-2025")
    target = tmp_path / "uppfoljning.md"
    out = report(run, "followup-2025", "-o", str(target))
    assert out == f"Wrote {target}.\n"
    assert target.read_text(encoding="utf-8") == shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(REPORTS))
def test_every_report_as_pdf(
    run: Run, example_db: Path, tmp_path: Path, name: str, lang: str
) -> None:
    target = tmp_path / f"{name}.{lang}.pdf"
    out = report(run, name, "--lang", lang, "--format", "pdf", "-o", str(target))
    assert out == f"Wrote {target}.\n"
    text = pdf_text(target)
    for fact in PDF_FACTS[(name, lang)]:
        assert fact in text or loose(fact) in loose(text), (fact, text)
    assert {"å", "ä", "ö", "Ö"} <= set(text), text
    assert "Partnerskapet för sociala innovationer" in text
    args = REPORTS[name]
    dated = date.fromisoformat(args[args.index("--date") + 1]) if "--date" in args else date.today()
    assert format_date(dated, lang) in text  # the page header: a draft is dated its day
    assert "psichart" not in text and "\\" not in text and "**" not in text


def test_pdf_without_output_lands_in_the_working_folder(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = report(run, "followup-2025", "--format", "pdf")
    assert out == "Wrote uppfoljning-2025.pdf.\n"  # named in the document's language
    assert "Uppföljning av samordningsuppdraget 2025" in pdf_text(tmp_path / "uppfoljning-2025.pdf")
    out = report(run, "decision-2026", "--format", "pdf", "--lang", "en")
    assert out == "Wrote decision-2026.pdf.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [
        "decision-2026.pdf",
        "uppfoljning-2025.pdf",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_followup_pdf_draws_the_charts(
    run: Run, example_db: Path, tmp_path: Path, lang: str
) -> None:
    spending, attendance = {
        "sv": ("Utgifter mot tilldelning", "Närvaro per möte"),
        "en": ("Spending against allocation", "Attendance per meeting"),
    }[lang]
    markdown = report(run, "followup-2025", "--lang", lang)
    for absent in (spending, attendance, "psichart"):
        assert absent not in markdown
    target = tmp_path / "followup.pdf"
    report(run, "followup-2025", "--lang", lang, "--format", "pdf", "-o", str(target))
    text = pdf_text(target)
    assert spending in text and attendance in text
    # The bars' labels and numbers: spent / allocated per organisation, present per meeting.
    assert f"{ACTIVA} 46 250 kr / 100 000 kr" in text
    assert f"{OFR} 49 214,50 kr / 100 000 kr" in text
    chart = text[text.index(attendance) :]
    assert loose("2025-02-20 Stormöte: social innovation i föreningslivet (exempel) 6") in loose(
        chart
    )
    assert "psichart" not in text


# --- data never becomes markup ---------------------------------------------------------------


def test_hostile_text_stays_text_in_reports(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_secret(tmp_path)
    ok(run, "org", "add", INJECTION, "--sector", "civil-society", "--note", INJECTION,
       "--joined", "2025-03-01", "--municipality", "kumla")  # fmt: skip
    meeting = add_meeting(run, "other", "2025-06-17", "--title", f"Möte {INJECTION}")
    ok(run, "meeting", "held", str(meeting), "--attended", INJECTION, "--attended", ACTIVA)
    ok(run, "action", "add", str(meeting), INJECTION, "--owner", ACTIVA, "--due", "2026-01-31")
    ok(run, "budget", "funding", "2025", "1000", "--source", INJECTION, "--note", INJECTION)
    ok(run, "budget", "spend", ACTIVA, "500", "--on", "2025-06-17", "--category", "other",
       "--note", INJECTION)  # fmt: skip
    ok(run, "log", "add", "member-dialogue", INJECTION, "--org", INJECTION, "--on", "2025-06-18")
    ok(run, "activity", "add", "2025", f"Aktivitet {INJECTION}", "--owner", ACTIVA,
       "--requested-by", INJECTION)  # fmt: skip

    expected = {
        "followup-2025": (
            f"Möte {INJECTION}",  # the meetings table
            f"Nya medlemmar: Exempelföreningen Nyanlända (exempel), {INJECTION}.",
            f"Aktivitet {INJECTION} planerad {INJECTION}",  # the activity list: title, asked by
            f"{INJECTION}: 1 000 kr, medfinansierar samordningen ({INJECTION})",  # other money
            f"{INJECTION} {ACTIVA} 2026-01-31",  # open action item
        ),
        "members-2025": (f"{INJECTION} civilsamhälle Kumla 2025-03-01",),
        "budget-2025": (f"{ACTIVA} 500 kr övrigt {INJECTION}",),
        "activities-2025": (f"Aktivitet {INJECTION} {ACTIVA}",),
    }
    for name, facts in expected.items():
        markdown = report(run, name)
        assert "| a | b |" not in markdown, name
        assert '#read("secret.txt")' not in markdown.replace('\\#read("secret.txt")', ""), name
        assert "<]" not in markdown.replace("\\<\\]", ""), name
        # Every table keeps its columns: a row naming the organisation has as many cells as
        # the table's header.
        lines = lines_of(markdown)
        for index, line in enumerate(lines):
            if line.startswith("|") and "Fält" in line:
                header = header_of(lines, index)
                assert len(table_cells(line)) == len(table_cells(header)), (name, line)
        shown = " ".join(rendered(markdown).replace(NB, " ").split())
        assert INJECTION in shown, name
        target = tmp_path / f"{name}.pdf"
        report(run, name, "--format", "pdf", "-o", str(target))
        assert SECRET.encode() not in target.read_bytes(), name
        text = pdf_text(target)
        assert SECRET not in text, name
        for fact in facts:
            assert fact in text, (name, fact, text)
    followup = rendered(report(run, "followup-2025"))
    assert followup.count(INJECTION) >= 7


def test_hostile_settings_stay_text_in_the_decision(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_secret(tmp_path)
    ok(run, "config", "set", "signer", INJECTION)
    ok(run, "config", "set", "signer-title", "# Rubrik")
    markdown = report(run, "decision-2026")
    assert "\n# Rubrik" not in markdown
    shown = rendered(markdown)
    assert f"{INJECTION} # Rubrik" in shown
    report(run, "decision-2026", "--format", "pdf", "-o", "beslut.pdf")
    text = pdf_text(tmp_path / "beslut.pdf")
    assert f"{INJECTION} # Rubrik" in text and SECRET not in text


# --- templates -------------------------------------------------------------------------------


def builtin_names() -> list[str]:
    return sorted(
        p.name for p in builtin_templates().iterdir() if p.is_file() and p.name != "README.md"
    )


def test_templates_lists_the_templates(run: Run, empty_db: Path) -> None:
    lines = lines_of(ok(run, "report", "templates"))
    names = builtin_names()
    assert lines[: len(names)] == names
    for stem in ("followup", "decision", "budget", "members", "activities", "rotation"):
        for lang in LANGS:
            assert f"{stem}.{lang}.md.j2" in names
    assert "page.typ" in names
    assert "--templates DIR" in lines[-1] and "PSI_TEMPLATES" in lines[-1]


def test_templates_copy_keeps_edited_files(run: Run, empty_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mallar"
    out = ok(run, "report", "templates", "--copy", str(folder))
    names = builtin_names()
    assert f"Copied {len(names)} templates to {folder}." in out
    assert sorted(p.name for p in folder.iterdir()) == names
    for name in names:
        assert (folder / name).read_bytes() == (builtin_templates() / name).read_bytes()
    edited = folder / "followup.sv.md.j2"
    edited.write_text("# Min egen uppföljning\n", encoding="utf-8")
    (folder / "decision.sv.md.j2").unlink()
    out = ok(run, "report", "templates", "--copy", str(folder))
    assert f"Copied 1 template to {folder}." in out
    assert "Kept your own copies of:" in out and "followup.sv.md.j2" in out
    assert edited.read_text(encoding="utf-8") == "# Min egen uppföljning\n"
    assert (folder / "decision.sv.md.j2").is_file()


def test_own_templates_through_option_and_environment(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mallar"
    ok(run, "report", "templates", "--copy", str(folder))
    template = folder / "followup.sv.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nEGEN MALL\n", encoding="utf-8")
    assert "EGEN MALL" not in report(run, "followup-2025")
    assert "EGEN MALL" in report(run, "followup-2025", "--templates", str(folder))
    assert "EGEN MALL" not in report(run, "followup-2025", "--templates", str(folder), "--lang", "en")  # fmt: skip
    target = tmp_path / "egen.pdf"
    report(run, "followup-2025", "--templates", str(folder), "--format", "pdf", "-o", str(target))
    assert "EGEN MALL" in pdf_text(target)
    # A folder with one template only: the others come from psi.
    only = tmp_path / "bara-en"
    only.mkdir()
    (only / "followup.sv.md.j2").write_text(template.read_text(encoding="utf-8"), "utf-8")
    assert "Kulturnämnden beslutar" in report(run, "decision-2026", "--templates", str(only))
    monkeypatch.setenv("PSI_TEMPLATES", str(only))
    assert "EGEN MALL" in report(run, "followup-2025")
    assert "EGEN MALL" not in report(run, "budget-2025")


def test_template_refusals(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "trasig"
    bad.mkdir()
    (bad / "followup.sv.md.j2").write_text("# {{ year }}\n{{ no_such_value }}\n", "utf-8")
    for file_format in ("md", "pdf"):
        target = tmp_path / f"out.{file_format}"
        message = assert_fails(
            run, example_db, ExitCode.FILE, "report", "followup", "2025", "--templates", str(bad),
            "--format", file_format, "-o", str(target),
        )  # fmt: skip
        assert "no_such_value" in message
        assert not target.exists()
    (bad / "page.typ").write_text("#let broken = (\n", "utf-8")
    message = assert_fails(
        run, example_db, ExitCode.FILE, "report", "budget", "2025", "--templates", str(bad),
        "--format", "pdf", "-o", str(target),
    )  # fmt: skip
    assert "page.typ" in message and not target.exists()
    missing = tmp_path / "finns-inte"
    assert_fails(run, example_db, ExitCode.FILE, "report", "followup", "2025", "--templates",
                 str(missing))  # fmt: skip
    monkeypatch.setenv("PSI_TEMPLATES", str(missing))
    assert_fails(run, example_db, ExitCode.FILE, "report", "decision", "2026")


# --- config ----------------------------------------------------------------------------------


SETTING_KEYS = [
    "name", "short-name", "founded", "county", "region", "committee", "signer", "signer-title",
    "default-grant", "meeting-place",
]  # fmt: skip


def test_config_set_get_list(run: Run, empty_db: Path) -> None:
    values = as_json(run, "config", "list")
    assert [key for key in values if key in SETTING_KEYS] == SETTING_KEYS  # and maybe more
    assert values["founded"] is None and values["signer"] is None
    assert values["name"] == "Partnerskapet för sociala innovationer"
    assert values["default-grant"].replace(NB, " ") == "200 000 kr"
    assert ok(run, "config", "get", "signer") == "\n"
    assert ok(run, "config", "set", "signer", SIGNER) == f"signer = {SIGNER}\n"
    assert ok(run, "config", "get", "signer") == f"{SIGNER}\n"
    ok(run, "config", "set", "Signer-Title", "Kulturchef")
    assert ok(run, "config", "get", "SIGNER-TITLE") == "Kulturchef\n"
    ok(run, "config", "set", "founded", "2015")
    ok(run, "config", "set", "meeting-place", "Föreningarnas hus, Örebro")
    table = ok(run, "config", "list")
    for key in SETTING_KEYS:
        assert re.search(rf"^{re.escape(key)}\s", table, re.MULTILINE), key
    assert SIGNER in table and "Föreningarnas hus, Örebro" in table
    values = as_json(run, "config", "list")
    assert values["signer"] == SIGNER and values["founded"] == "2015"
    assert values["signer-title"] == "Kulturchef"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("200 000 kr", f"200{NB}000{NB}kr"), ("150000", f"150{NB}000{NB}kr"),
     ("1 234,50", f"1{NB}234,50{NB}kr")],
)  # fmt: skip
def test_config_default_grant_is_stored_formatted(
    run: Run, empty_db: Path, typed: str, stored: str
) -> None:
    assert ok(run, "config", "set", "default-grant", typed) == f"default-grant = {stored}\n"
    assert ok(run, "config", "get", "default-grant") == f"{stored}\n"


def test_config_default_grant_default_is_written_like_a_stored_one(
    run: Run, empty_db: Path
) -> None:
    """Before anything is set, default-grant shows the built-in 200 000 kr, written the way
    psi writes every amount (non-breaking spaces), as `config set` would store it."""
    default = as_json(run, "config", "list")["default-grant"]
    ok(run, "config", "set", "default-grant", "200 000 kr")
    stored = as_json(run, "config", "list")["default-grant"]
    assert stored == f"200{NB}000{NB}kr"
    assert default == stored, (default, stored)


def test_config_default_grant_reaches_the_decision(run: Run, empty_db: Path) -> None:
    ok(run, "config", "set", "default-grant", "150000")
    markdown = drafted(run, "2027")
    assert f"avsätta 150{NB}000{NB}kronor" in markdown


def test_config_refusals_write_nothing(run: Run, empty_db: Path) -> None:
    ok(run, "config", "set", "founded", "2015")
    before = dump(empty_db)
    for args in (
        ("config", "set", "nyckel", "1"),
        ("config", "get", "nyckel"),
        ("config", "set", "founded", "tjugo"),
        ("config", "set", "founded", "1800"),
        ("config", "set", "founded", "20150"),
        ("config", "set", "default-grant", "tvåhundratusen"),
        ("config", "set", "default-grant", "0"),
        ("config", "set", "signer", "   "),
    ):
        message = assert_fails(run, empty_db, ExitCode.INVALID, *args)
        assert "Traceback" not in message
    assert dump(empty_db) == before
    assert ok(run, "config", "get", "founded") == "2015\n"


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(REPORTS))
def test_bad_language_and_format(run: Run, example_db: Path, tmp_path: Path, name: str) -> None:
    target = tmp_path / "out.pdf"
    args = ("report", *REPORTS[name])
    message = assert_fails(run, example_db, ExitCode.INVALID, *args, "--lang", "de", "-o", str(target))  # fmt: skip
    assert "'de'" in message
    message = assert_fails(
        run, example_db, ExitCode.INVALID, *args, "--format", "rtf", "-o", str(target)
    )
    assert "'rtf'" in message
    assert not target.exists()


def test_a_decision_draft_that_cannot_be_written_is_one_error_line(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    # Found by the hostile test: the facts were listed before the file was written.
    target = tmp_path / "no-such-folder" / "sub" / "beslut.pdf"
    (tmp_path / "no-such-folder").write_text("a file, not a folder\n", encoding="utf-8")
    result = run("report", "decision", "2026", "--format", "pdf", "-o", str(target))
    assert result.exit_code != 0
    assert result.stderr.startswith("Error:") and len(result.stderr.splitlines()) == 1
