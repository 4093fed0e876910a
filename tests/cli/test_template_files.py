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
