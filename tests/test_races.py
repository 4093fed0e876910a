"""Two people running writing commands at the same moment: every rule still holds.

Each trial starts two real `psi` processes that have already imported psi and wait for a
signal file, so their transactions overlap as closely as two people's can. On SQLite the
write lock comes from BEGIN IMMEDIATE; on PostgreSQL from the advisory lock the storage
layer takes first in every writing transaction. 0 of TRIALS may break a rule.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from psi.errors import ExitCode
from tests.conftest import Db, Run

TRIALS = 10

RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    import psi.cli, psi.models, psi.storage  # everything slow, before the start signal
    import psi.commands.budget, psi.commands.contact, psi.commands.meeting
    import psi.services.budget, psi.services.contacts, psi.services.meetings

    go = Path(sys.argv[1])
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.0005)
    sys.argv = ["psi", *sys.argv[2:]]
    psi.cli.main()
    """
)


def race(folder: Path, db: Db, first: list[str], second: list[str]) -> list[int]:
    """Run two psi commands at the same moment; their exit codes."""
    script = folder / "racer.py"
    script.write_text(RACER, encoding="utf-8")
    go = folder / f"go-{time.monotonic_ns()}"
    env = {**os.environ, "PSI_DB": str(db)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(go), *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in (first, second)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    go.touch()
    codes = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        codes.append(proc.returncode)
    return codes


def test_two_allocations_at_once_never_exceed_the_grant(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    broken = 0
    for _ in range(TRIALS):
        for org in ("activa", "Örebro Föreningsråd"):
            assert run("budget", "allocate", "2025", org, "50000").exit_code == 0
        codes = race(
            tmp_path,
            example_db,
            ["budget", "allocate", "2025", "activa", "150000"],
            ["budget", "allocate", "2025", "Örebro Föreningsråd", "150000"],
        )
        assert sorted(codes) in ([0, ExitCode.RULE], [0, 0])
        status = json.loads(run("budget", "status", "2025", "--json").stdout)
        allocated = sum(amount["ore"] for amount in status["allocated"].values())
        broken += allocated > status["grant"]["ore"]
    assert broken == 0


def test_the_same_contact_added_twice_at_once_is_stored_once(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    doubled = 0
    for n in range(TRIALS):
        name = f"Dubbel Person {n}"
        codes = race(
            tmp_path,
            example_db,
            ["contact", "add", "activa", name],
            ["contact", "add", "activa", name],
        )
        assert sorted(codes) == [0, ExitCode.CONFLICT]
        contacts = json.loads(run("contact", "list", "activa", "--json").stdout)
        doubled += sum(row["name"] == name for row in contacts) != 1
    assert doubled == 0


def test_two_edits_of_a_meeting_at_once_each_raise_its_sequence(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    meeting = "26"  # a planned AU meeting in December 2026 in the example register
    lost = 0
    for n in range(TRIALS):
        before = json.loads(run("meeting", "show", meeting, "--json").stdout)
        codes = race(
            tmp_path,
            example_db,
            ["meeting", "edit", meeting, "--place", f"Rum {n}"],
            ["meeting", "edit", meeting, "--title", f"AU-möte {n}"],
        )
        assert codes == [0, 0]
        after = json.loads(run("meeting", "show", meeting, "--json").stdout)
        assert (after["place"], after["title"]) == (f"Rum {n}", f"AU-möte {n}")
        lost += after["sequence"] != before["sequence"] + 2
    assert lost == 0
