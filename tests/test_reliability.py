"""Audit log, backups kept and restored, concurrent writers and crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from psi import storage
from psi.errors import ExitCode
from psi.location import DbLocation, locate_db
from tests.conftest import Db, Run, dump
from tests.helpers import as_json


def audit(run: Run) -> list[dict[str, object]]:
    """`psi audit --json`, parsed."""
    entries: list[dict[str, object]] = as_json(run, "audit")
    return entries


def test_every_writing_command_is_audited_with_old_and_new_values(run: Run, empty_db: Path) -> None:
    run("org", "add", "Revisionsföreningen i Nora", "--sector", "civil-society")
    run("--db", str(empty_db), "org", "edit", "revisions", "--website", "www.example.se")
    run("org", "list")  # reads only: no entry
    entries = audit(run)
    # As typed, without the global options (a --db URL may hold a password).
    assert [e["command"] for e in entries][-2:] == [
        'psi org add "Revisionsföreningen i Nora" --sector civil-society',
        "psi org edit revisions --website www.example.se",
    ]
    change = entries[-1]["changes"][0]  # type: ignore[index]
    assert change["action"] == "update"
    assert change["changes"]["website"] == {"old": None, "new": "https://www.example.se"}
    assert entries[-1]["user"]
    assert len(audit(run)) == len(entries)


def test_a_failed_command_leaves_no_audit_entry(run: Run, empty_db: Path) -> None:
    before = dump(empty_db)
    assert run("org", "add", "X", "--sector", "nonsense").exit_code == ExitCode.INVALID
    assert dump(empty_db) == before


def test_audit_since_filters_by_date(run: Run, empty_db: Path) -> None:
    run("org", "add", "Datumföreningen", "--sector", "other")
    assert audit(run)
    later = run("audit", "--since", "2999-01-01", "--json")
    assert json.loads(later.stdout) == []
    assert run("audit", "--since", "igår").exit_code == ExitCode.INVALID


def test_forget_erases_the_person_from_the_audit_log_too(run: Run, empty_db: Path) -> None:
    run("org", "add", "Glömskeföreningen", "--sector", "civil-society")
    run(
        "contact",
        "add",
        "glömske",
        "Greta Hemligsson",
        "--email",
        "greta@example.se",
        "--phone",
        "019-12 34 56",
    )
    assert "Greta Hemligsson" in json.dumps(audit(run), ensure_ascii=False)
    assert run("contact", "forget", "greta@example.se", "--yes").exit_code == 0
    everything = json.dumps(dump(empty_db), ensure_ascii=False, default=str)
    for personal in ("Greta Hemligsson", "greta@example.se", "019-12 34 56"):
        assert personal not in everything


def test_backups_named_by_psi_are_kept_to_the_setting(
    run: Run, db_path: Path, example_db: Path
) -> None:
    run("config", "set", "backups-kept", "2")
    for _ in range(4):
        assert run("db", "backup").exit_code == 0
        time.sleep(1.05)  # the name carries the second
    kept = sorted(example_db.parent.glob("psi.backup-*.sqlite3"))
    assert len(kept) == 2
    assert dump(kept[-1]) == dump(example_db)


def test_a_named_backup_is_never_pruned(run: Run, db_path: Path, example_db: Path) -> None:
    run("config", "set", "backups-kept", "1")
    mine = example_db.parent / "min-egen.sqlite3"
    run("db", "backup", str(mine))
    run("db", "backup")
    run("db", "backup", str(example_db.parent / "en-till.sqlite3"))
    assert mine.exists()


def test_restore_puts_a_backup_back_after_saving_the_current_state(
    run: Run, db_path: Path, example_db: Path
) -> None:
    copy = example_db.parent / "före.sqlite3"
    run("db", "backup", str(copy))
    saved_rows = dump(copy)
    run("org", "add", "Efter säkerhetskopian", "--sector", "other")
    result = run("db", "restore", str(copy), "--yes")
    assert result.exit_code == 0, result.output
    assert "Efter säkerhetskopian" not in json.dumps(dump(example_db), ensure_ascii=False)
    assert dump(example_db)["organisation"] == saved_rows["organisation"]
    before_restore = list(example_db.parent.glob("psi.before-restore-*.sqlite3"))
    assert len(before_restore) == 1
    assert "Efter säkerhetskopian" in json.dumps(dump(before_restore[0]), ensure_ascii=False)


def test_restore_refuses_what_is_not_a_backup(run: Run, db_path: Path, example_db: Path) -> None:
    junk = example_db.parent / "skräp.sqlite3"
    junk.write_text("inte en databas " * 100, encoding="utf-8")
    before = dump(example_db)
    assert run("db", "restore", str(junk), "--yes").exit_code == ExitCode.FILE
    assert (
        run("db", "restore", str(example_db.parent / "saknas.sqlite3"), "--yes").exit_code
        == ExitCode.FILE
    )
    assert run("db", "restore", str(junk), input="n\n").exit_code == ExitCode.ABORTED
    assert dump(example_db) == before


def test_a_named_backup_that_looks_like_psis_own_is_never_pruned(
    run: Run, db_path: Path, example_db: Path
) -> None:
    run("config", "set", "backups-kept", "1")
    mine = example_db.parent / "psi.backup-before-audit-2026.sqlite3"
    assert run("db", "backup", str(mine)).exit_code == 0
    for _ in range(2):
        assert run("db", "backup").exit_code == 0
        time.sleep(1.05)  # the name carries the second
    assert mine.exists()
    assert len(list(example_db.parent.glob("psi.backup-2*.sqlite3"))) == 1


def test_restore_works_when_the_database_is_missing(
    run: Run, db_path: Path, example_db: Path
) -> None:
    copy = example_db.parent / "kopia.sqlite3"
    run("db", "backup", str(copy))
    rows = dump(copy)
    for suffix in ("", "-wal", "-shm"):
        example_db.with_name(example_db.name + suffix).unlink(missing_ok=True)
    result = run("db", "restore", str(copy), "--yes")
    assert result.exit_code == 0, result.output
    assert "no database there before" in result.stdout
    assert dump(example_db) == rows
    assert run("db", "check").exit_code == 0


def test_restore_moves_a_damaged_database_aside_and_puts_the_backup_back(
    run: Run, db_path: Path, example_db: Path
) -> None:
    copy = example_db.parent / "kopia.sqlite3"
    run("db", "backup", str(copy))
    rows = dump(copy)
    storage.flush_wal(locate_db(str(example_db)))
    with example_db.open("r+b") as damaged:
        damaged.write(b"inte en databas" * 8)
    broken = example_db.read_bytes()
    assert run("org", "list").exit_code == ExitCode.DATABASE
    result = run("db", "restore", str(copy), "--yes")
    assert result.exit_code == 0, result.output
    aside = list(example_db.parent.glob("psi.damaged-*.sqlite3"))
    assert len(aside) == 1 and str(aside[0]) in result.stdout
    assert aside[0].read_bytes() == broken
    assert dump(example_db) == rows
    assert run("db", "check").exit_code == 0


def test_a_backup_has_its_name_only_once_it_is_whole(
    run: Run, db_path: Path, example_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A psi killed while copying must not leave a half file named like a backup: the copy is
    # written under another name and renamed when complete.
    seen: list[list[Path]] = []
    copy_whole = storage._sqlite_copy

    def watched(source: Path, target: Path) -> None:
        copy_whole(source, target)
        seen.append(list(example_db.parent.glob("psi.backup-*.sqlite3")))

    monkeypatch.setattr(storage, "_sqlite_copy", watched)
    assert run("db", "backup").exit_code == 0
    assert seen == [[]]
    assert len(list(example_db.parent.glob("psi.backup-*.sqlite3"))) == 1
    assert not list(example_db.parent.glob("*.partial-*"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_upgrade_leaves_no_empty_backup(tmp_path: Path, db_path: Path) -> None:
    # 15 upgrades of a 0008 database, each killed at a different moment.
    env = {**os.environ, "PSI_DB": str(db_path)}
    old = storage.make_engine(locate_db(str(db_path)))
    storage.migrate(old, "0008")
    old.dispose()
    template = db_path.read_bytes()
    for trial in range(15):
        for leftover in db_path.parent.glob("psi.*"):
            leftover.unlink()
        db_path.write_bytes(template)
        proc = subprocess.Popen(
            [sys.executable, "-m", "psi", "org", "list"], env=env, stdout=subprocess.DEVNULL
        )
        time.sleep(0.3 + trial * 0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for backup in db_path.parent.glob("psi.before-*.sqlite3"):
            assert backup.stat().st_size > 0
            problems = storage.check_database(locate_db(str(backup))).problems
            assert [p for p in problems if not p.startswith("schema 0008")] == []


WRITER = textwrap.dedent(
    """
    import sys
    from psi.domain.organisation import OrgInput
    from psi.location import locate_db
    from psi import storage
    from psi.services import orgs

    where, prefix, count = locate_db(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for n in range(count):
        with storage.transaction(where, command="test writer") as session:
            orgs.add_org(session, OrgInput(name=f"{prefix} {n:04d}", sector="other"))
    print("done")
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path, run: Run, empty_db: Db) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(empty_db), prefix, "200"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("Alfa", "Beta")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
        assert "locked" not in err
    names = {row[1] for row in dump(empty_db)["organisation"]}
    assert len(names) == 400
    assert len(dump(empty_db)["audit_entry"]) == 400
    assert storage.check_database(locate_db(str(empty_db))).ok


def test_two_psi_commands_writing_at_once_lose_nothing(tmp_path: Path, empty_db: Db) -> None:
    env = {**os.environ, "PSI_DB": str(empty_db)}
    adds = "[sys.executable, '-m', 'psi', 'org', 'add', '{} {}', '--sector', 'other']"
    procs = []
    for prefix in ("Gamma", "Delta"):
        loop = "; ".join(f"subprocess.run({adds.format(prefix, n)}, check=True)" for n in range(10))
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", f"import subprocess, sys; {loop}"],
                env=env,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "locked" not in err
    assert len(dump(empty_db)["organisation"]) == 20


def _writing(db: Db) -> bool:
    """Whether an import's transaction is open and has written rows into the database."""
    if isinstance(db, Path):
        # SQLite spills the open transaction's pages into the WAL as its cache fills.
        wal = db.with_name(db.name + "-wal")
        return wal.exists() and wal.stat().st_size > 0
    import psycopg

    with psycopg.connect(db, autocommit=True) as watcher:
        row = watcher.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND xact_start IS NOT NULL AND query ILIKE 'INSERT INTO organisation%'"
        ).fetchone()
    return row is not None and row[0] > 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_import_leaves_the_database_as_it_was(tmp_path: Path, example_db: Db) -> None:
    big = tmp_path / "stor.csv"
    rows = "".join(f"Importförening {n:05d};civil-society;;Örebro\n" for n in range(20000))
    big.write_text("name;sector;short;municipality\n" + rows, encoding="utf-8")
    before = dump(example_db)
    env = {**os.environ, "PSI_DB": str(example_db)}
    for _ in range(3):
        # An empty WAL, so that any growth is this import's open transaction.
        assert storage.flush_wal(locate_db(str(example_db)))
        proc = subprocess.Popen([sys.executable, "-m", "psi", "org", "import", str(big)], env=env)
        deadline = time.monotonic() + 60
        while not _writing(example_db):
            assert proc.poll() is None, "the import ended before it was seen writing"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        assert dump(example_db) == before
        check = subprocess.run(
            [sys.executable, "-m", "psi", "db", "check"], env=env, capture_output=True, text=True
        )
        assert check.returncode == 0, check.stderr


def test_db_copy_makes_an_identical_register(run: Run, example_db: Db, tmp_path: Path) -> None:
    target = tmp_path / "kopia.sqlite3"
    result = run("db", "copy", "--to", str(target))
    assert result.exit_code == 0, result.output
    source_rows, copied_rows = dump(example_db, typed=True), dump(target, typed=True)
    assert source_rows == copied_rows
    assert storage.check_database(DbLocation(url=f"sqlite:///{target}", path=target)).ok


def test_db_copy_refuses_a_target_with_data_unless_replace(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    target = tmp_path / "annan.sqlite3"
    assert run("--db", str(target), "init").exit_code == 0
    assert run("--db", str(target), "org", "add", "Redan här", "--sector", "other").exit_code == 0
    before = dump(target)
    refused = run("db", "copy", "--to", f"sqlite:///{target}")
    assert refused.exit_code == ExitCode.CONFLICT
    assert "--replace" in refused.stderr
    assert dump(target) == before
    declined = run("db", "copy", "--to", str(target), "--replace", input="n\n")
    assert declined.exit_code == ExitCode.ABORTED
    assert "A backup of it is made first" in declined.output
    assert dump(target) == before
    replaced = run("db", "copy", "--to", str(target), "--replace", input="y\n")
    assert replaced.exit_code == 0, replaced.output
    assert dump(target, typed=True)["organisation"] == dump(example_db, typed=True)["organisation"]
    saved = list(tmp_path.glob("annan.before-copy-*.sqlite3"))
    assert len(saved) == 1 and str(saved[0]) in replaced.stdout
    assert dump(saved[0]) == before
    # With --yes there is no question, and a second backup.
    assert run("db", "copy", "--to", str(target), "--replace", "--yes").exit_code == 0
    assert len(list(tmp_path.glob("annan.before-copy-*.sqlite3"))) == 2


def test_db_copy_onto_itself_is_refused(run: Run, example_db: Db) -> None:
    before = dump(example_db)
    assert run("db", "copy", "--to", str(example_db)).exit_code == ExitCode.DATABASE
    assert dump(example_db) == before
