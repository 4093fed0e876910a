# ruff: noqa: SIM905 - the word lists read best as text
"""The interface speaks the user's language: with PSI_LANG=sv no English word reaches the
terminal but command and option names; with PSI_LANG=en no Swedish word but the domain's."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from psi.cli import app
from psi.domain.settings import SETTINGS
from tests.conftest import Run
from tests.test_cli_basics import COMMANDS

ENGLISH = frozenset(
    "the and of with is are was were this that these those which what when where who "
    "whose from into your you been has have not or an by it its on to for if than then "
    "there their only also each every any one two three first last before after between "
    "without show list add remove change record records write writes print prints give "
    "given use uses meeting meetings member members year years date file folder name "
    "names number default planned held cancelled done ongoing carried error usage "
    "options arguments commands example help nothing found missing invalid".split()
)
"""English words a Swedish sentence never holds."""

SWEDISH = frozenset(
    "och inte som med är det för på har ska kan eller när från efter innan utan varje alla "
    "möte möten medlem medlemmar".split()
)
"""Swedish words an English sentence never holds (besides quoted words of the documents,
such as "Mötet beslutade att", and glosses such as "(Skickas till)")."""

ALLOWED_IN_SWEDISH = frozenset(
    "psi au msi gdpr pdf csv json ics md docx odt html markdown word opendocument sqlite "
    "postgresql url sqlalchemy typst pandoc utf bcc smtp starttls tls excel libreoffice "
    "id ok nr org".split()
)


def _prose(text: str) -> str:
    """The text a user reads as sentences: without commands, options, examples and values."""
    text = re.sub(r"(?m)^│ +[a-z][\w-]*(?= )", " ", text)  # the commands' names in their list
    text = re.sub(r"`[^`]*`", " ", text)  # command lines and names in backticks
    text = re.sub(r"Partnerskapet för sociala innovationer|Mötesplats social innovation", " ", text)
    text = re.sub(r"(?m)^.*\b(?:Example|Exempel): .*$", " ", text)  # the example lines
    text = re.sub(r"\bpsi(?: [a-z][a-z-]*)+", " ", text)  # psi meeting plan ...
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)  # --options, -o
    text = re.sub(r"\"[^\"]*\"|'[^']*'", " ", text)  # quoted values
    text = re.sub(r"\b[A-Z][A-Z_]{1,}\b", " ", text)  # YEAR, ID, PSI_DB: names of values
    return re.sub(r"\S*[/\\:.]\S*[/\\:.]\S*|\S+\.\w{2,4}\b", " ", text)  # paths, URLs, files


SETTING_KEYS = frozenset(part for setting in SETTINGS for part in setting.key.split("-"))
"""The names of `psi config` settings, which a user types as they are."""


def _words(text: str) -> set[str]:
    words = {word.casefold() for word in re.findall(r"[^\W\d_]+", _prose(text))}
    return words - SETTING_KEYS


HELP_IDS = [" ".join(path) or "psi" for path, _command in COMMANDS]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=HELP_IDS)
def test_help_is_swedish_under_a_swedish_locale(
    monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], command: object
) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    english = sorted((_words(result.stdout) & ENGLISH) - ALLOWED_IN_SWEDISH)
    assert english == [], f"psi {' '.join(path)} --help in Swedish still says {english}"
    assert "Exempel: psi" in result.stdout


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=HELP_IDS)
def test_help_is_english_otherwise(
    monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...], command: object
) -> None:
    monkeypatch.setenv("PSI_LANG", "en")
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    swedish = sorted(_words(result.stdout) & SWEDISH)
    assert swedish == [], f"psi {' '.join(path)} --help in English says {swedish}"


REFUSALS = [
    (("meeting", "show", "999"), "Det finns inget möte 999"),
    (("org", "show", "Finns Inte Förening"), "Finns Inte Förening"),
    (("meeting", "list", "--yaer", "2027"), "Flaggan --yaer finns inte"),
    (("rotate", "abc"), "Ogiltigt värde"),
]


@pytest.mark.parametrize(("args", "part"), REFUSALS, ids=[" ".join(a) for a, _p in REFUSALS])
def test_a_refusal_is_one_swedish_line(
    monkeypatch: pytest.MonkeyPatch, run: Run, example_db: object, args: tuple[str, ...], part: str
) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")
    result = run(*args)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fel: ") and part in lines[0], lines[0]
    english = sorted((_words(lines[0]) & ENGLISH) - ALLOWED_IN_SWEDISH)
    assert english == [], lines[0]
