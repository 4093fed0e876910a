"""Long work shows a Rich progress bar on a terminal, and nothing extra when piped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from psi.cli import app
from tests.conftest import Db

TERMINAL = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}  # Rich then draws as on a terminal


def psi(*args: str, terminal: bool) -> Result:
    result = CliRunner().invoke(app, list(args), env=TERMINAL if terminal else None)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def many_orgs(tmp_path: Path) -> Path:
    rows = "".join(f"Förening nummer {n:03d};civil-society\n" for n in range(300))
    path = tmp_path / "register.csv"
    path.write_text("name;sector\n" + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("terminal", [True, False])
def test_an_import_shows_its_progress_on_a_terminal_only(
    empty_db: Db, many_orgs: Path, terminal: bool
) -> None:
    result = psi("org", "import", str(many_orgs), terminal=terminal)
    assert ("Importing" in result.stderr) is terminal
    if not terminal:
        assert result.stderr == ""
    assert "300" in result.stdout


@pytest.mark.parametrize("terminal", [True, False])
def test_db_copy_shows_its_progress_on_a_terminal_only(
    example_db: Db, tmp_path: Path, terminal: bool
) -> None:
    result = psi("db", "copy", "--to", str(tmp_path / "kopia.sqlite3"), terminal=terminal)
    assert ("Copying tables" in result.stderr) is terminal
    if not terminal:
        assert result.stderr == ""


@pytest.mark.parametrize("terminal", [True, False])
def test_a_report_over_a_large_register_shows_its_steps_on_a_terminal_only(
    example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    # The example's 29 meetings stand in for a large register.
    monkeypatch.setattr("psi.domain.summary.LARGE_REGISTER_MEETINGS", 10)
    target = tmp_path / "uppfoljning.pdf"
    result = psi(
        "report", "followup", "2025", "--format", "pdf", "-o", str(target), terminal=terminal
    )
    assert target.read_bytes().startswith(b"%PDF-")
    assert ("followup 2025: making the PDF" in result.stderr) is terminal
    if not terminal:
        assert result.stderr == ""


def test_a_report_over_a_normal_register_shows_no_bar(example_db: Db) -> None:
    result = psi("report", "followup", "2025", terminal=True)
    assert result.stderr == ""
    assert result.stdout.startswith("# Uppföljning")
