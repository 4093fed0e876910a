"""A user's template that is not UTF-8 text is a file error, not a crash (found by the hostile test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from psi.errors import ExitCode
from tests.conftest import Run


@pytest.mark.parametrize("name", ["members.sv.md.j2", "page.typ"])
def test_a_template_that_is_not_utf8_is_a_file_error(
    run: Run, example_db: Path, tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / name).write_bytes(b"\xff\xfe\x00 inte text")
    result = run(
        "report",
        "members",
        "--format",
        "pdf",
        "-o",
        str(tmp_path / "m.pdf"),
        "--templates",
        str(folder),
    )
    assert result.exit_code == ExitCode.FILE, result.output
    assert result.stderr.startswith("Error:") and "UTF-8" in result.stderr
    assert not (tmp_path / "m.pdf").exists()


def test_a_template_that_fails_while_rendering_is_a_file_error(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "rotation.sv.md.j2").write_text("{{ 1/0 }}\n", encoding="utf-8")
    result = run("report", "rotation", "--templates", str(folder))
    assert result.exit_code == ExitCode.FILE, result.output
    assert result.stderr.startswith("Error:") and "rotation.sv.md.j2" in result.stderr


def test_an_amount_with_thousands_of_digits_is_refused_cleanly(run: Run, example_db: Path) -> None:
    result = run("budget", "grant", "--", "2013", "9" * 5000)
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith("Error:") and len(result.stderr) < 400


def test_a_pandoc_warning_is_one_warning_line_and_the_document_is_written(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    # Found by the hostile test: pypandoc's own log handler printed a logging traceback.
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "rotation.sv.md.j2").write_text("# Rotation\n\n![Logga](saknas.png)\n", "utf-8")
    target = tmp_path / "r.html"
    result = run(
        "report", "rotation", "--format", "html", "-o", str(target), "--templates", str(folder)
    )
    assert result.exit_code == 0, result.output
    assert "Rotation" in target.read_text("utf-8")
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: pandoc: "), result.stderr
    assert "saknas.png" in warnings[0]
    assert "Traceback" not in result.stderr and "[WARNING]" not in result.stderr


@pytest.mark.parametrize(
    "body", ['{% include "rotation.sv.md.j2" %}\n', '{% extends "rotation.sv.md.j2" %}\n']
)
def test_a_template_that_includes_itself_is_a_file_error(
    run: Run, example_db: Path, tmp_path: Path, body: str
) -> None:
    # Found by the hostile test: a RecursionError reached the user as an internal error.
    folder = tmp_path / "mallar"
    folder.mkdir()
    (folder / "rotation.sv.md.j2").write_text(body, encoding="utf-8")
    result = run("report", "rotation", "--templates", str(folder))
    assert result.exit_code == ExitCode.FILE, result.output
    assert result.stderr.startswith("Error:") and "itself" in result.stderr


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mallar"
    folder.mkdir()
    template = folder / "rotation.sv.md.j2"
    template.write_text("# Första utgåvan {{ next.year }}\n", encoding="utf-8")
    first = run("report", "rotation", "--templates", str(folder))
    assert first.exit_code == 0, first.output
    assert "Första utgåvan" in first.stdout
    kept = list((tmp_path / "cache" / "psi" / "templates").iterdir())
    assert len(kept) == 1 and kept[0].stat().st_size > 0
    template.write_text("# Andra utgåvan {{ next.year }}\n", encoding="utf-8")
    second = run("report", "rotation", "--templates", str(folder))
    assert second.exit_code == 0, second.output
    assert "Andra utgåvan" in second.stdout and "Första" not in second.stdout


def test_a_cache_folder_that_cannot_be_made_only_makes_reports_slower(
    run: Run, example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    result = run("report", "rotation")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("#")
