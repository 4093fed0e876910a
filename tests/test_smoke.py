"""The first five minutes of the README, end to end."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run


def test_init_example_then_list(run: Run, db_path: Path) -> None:
    result = run("init", "--example")
    assert result.exit_code == 0, result.output
    assert db_path.exists()
    listed = run("org", "list", "--json")
    names = {org["name"] for org in json.loads(listed.stdout)}
    assert {"Stiftelsen Activa", "Möckelnföreningarna", "Örebro Föreningsråd"} <= names
