"""Issue 15: files psi writes are owner-only; user errors end with their documented codes;
error lines show control characters escaped; names refuse invisible characters; a
confirmation without a terminal says to add --yes."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from psi.errors import ExitCode, FileProblem
from psi.files import write_private
from tests.conftest import Db, Run, dump
from tests.helpers import assert_fails, ok

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
NO_TERMINAL = "This command asks for confirmation; add --yes to run it without a terminal."
TOO_LONG = "x" * (csv.field_size_limit() + 1)


def mode(path: Path) -> int:
    """A file's permission bits."""
    return stat.S_IMODE(path.stat().st_mode)


def psi_process(*args: str, **options: object) -> subprocess.Popen[bytes]:
    """psi as a user runs it, in a process of its own (PSI_DB is inherited)."""
    return subprocess.Popen([sys.executable, "-m", "psi", *args], **options)  # type: ignore[call-overload,no-any-return]


# --- 1. every file psi writes for the user is owner-only -------------------------------------


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most users have, under which a file is made readable by all (0644)."""
    before = os.umask(0o022)
    yield
    os.umask(before)


EXPORTS = {
    "org export csv": ("org", "export", "-o", "{out}"),
    "org export json": ("org", "export", "--format", "json", "-o", "{out}"),
    "meeting ics": ("meeting", "ics", "2025", "-o", "{out}"),
    "meeting plan --ics": ("meeting", "plan", "2027", "--ics", "{out}"),
    "meeting agenda md": ("meeting", "agenda", "12", "-o", "{out}"),
    "meeting minutes pdf": ("meeting", "minutes", "12", "--format", "pdf", "-o", "{out}"),
    "report members md": ("report", "members", "--year", "2025", "-o", "{out}"),
    "report members docx": (
        "report",
        "members",
        "--year",
        "2025",
        "--format",
        "docx",
        "-o",
        "{out}",
    ),
    "report followup pdf": ("report", "followup", "2025", "--format", "pdf", "-o", "{out}"),
}


@POSIX_ONLY
@pytest.mark.parametrize("args", list(EXPORTS.values()), ids=list(EXPORTS))
def test_exports_are_owner_only(
    run: Run, example_db: Db, tmp_path: Path, usual_umask: None, args: tuple[str, ...]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    fresh = folder / "fresh.out"
    ok(run, *(str(fresh) if word == "{out}" else word for word in args))
    assert mode(fresh) == 0o600
    # A file that was there before, readable by all, is replaced by an owner-only one.
    existing = folder / "existing.out"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o644)
    ok(run, *(str(existing) if word == "{out}" else word for word in args))
    assert mode(existing) == 0o600
    assert existing.read_bytes() != b"old"
    assert sorted(p.name for p in folder.iterdir()) == ["existing.out", "fresh.out"]


@POSIX_ONLY
def test_default_file_names_are_owner_only_too(
    run: Run, example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, usual_umask: None
) -> None:
    monkeypatch.chdir(tmp_path)
    ok(run, "meeting", "ics", "2025")
    ok(run, "meeting", "agenda", "12", "--format", "pdf")
    written = [path for path in tmp_path.iterdir() if path.suffix in (".ics", ".pdf")]
    assert len(written) == 2, written
    assert {mode(path) for path in written} == {0o600}


def test_write_private_writes_text_as_utf8_with_line_ends_as_given(tmp_path: Path) -> None:
    target = tmp_path / "medlemmar.csv"
    write_private(target, "namn;sektor\r\nÖrebro Föreningsråd;civil-society\n")
    assert target.read_bytes() == "namn;sektor\r\nÖrebro Föreningsråd;civil-society\n".encode()
    write_private(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_a_failed_write_leaves_the_earlier_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kallelse.pdf"
    target.write_bytes(b"the earlier file")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(FileProblem, match=r"Cannot write .*kallelse\.pdf: No space left on device"):
        write_private(target, b"x" * 100_000)
    assert target.read_bytes() == b"the earlier file"
    assert [path.name for path in tmp_path.iterdir()] == ["kallelse.pdf"]


def test_write_private_refuses_a_folder_and_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="Cannot write"):
        write_private(tmp_path, "text")
    with pytest.raises(FileProblem, match="Cannot write"):
        write_private(Path(), "text")
    with pytest.raises(FileProblem, match="no-such-folder"):
        write_private(tmp_path / "no-such-folder" / "x.md", "text")
    assert list(tmp_path.iterdir()) == []


@POSIX_ONLY
@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_reaches_a_pipe(run: Run, example_db: Db) -> None:
    process = psi_process("org", "export", "-o", "/dev/stdout", stdout=subprocess.PIPE)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == ExitCode.OK
    assert out.startswith("\ufeffname;".encode())


def test_a_symbolic_link_is_written_through(tmp_path: Path, usual_umask: None) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "psi.ics"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    write_private(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert mode(real) == 0o600


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("linked", [False, True])
def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path, linked: bool) -> None:
    # As `-o /dev/stdout` is: a device or pipe gets the bytes, keeps its mode, stays itself.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    if linked:
        (tmp_path / "link").symlink_to(fifo)
    write_private(tmp_path / "link" if linked else fifo, "till röret")
    reader.join(timeout=10)
    assert received == ["till röret".encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert mode(fifo) == 0o644


# --- 2. a CSV cell over the csv module's limit ------------------------------------------------


@pytest.mark.parametrize(
    ("args", "content"),
    [
        (("org", "import"), f"name;sector\nNora IF;other\n{TOO_LONG};other\n"),
        (
            ("budget", "import"),
            "date;organisation;amount;category\n"
            f"2025-03-01;Stiftelsen Activa;100;venue\n2025-03-02;Stiftelsen Activa;100;{TOO_LONG}\n",
        ),
    ],
    ids=["org", "budget"],
)
def test_a_huge_csv_cell_is_invalid_input(
    run: Run, example_db: Db, tmp_path: Path, args: tuple[str, ...], content: str
) -> None:
    file = tmp_path / "stor.csv"
    file.write_text(content, encoding="utf-8")
    stderr = assert_fails(run, example_db, ExitCode.INVALID, *args, str(file))
    assert "line 3 of stor.csv" in stderr


# --- 3. a closed pipe --------------------------------------------------------------------------


def _many_orgs(run: Run, folder: Path) -> None:
    rows = [f"Förening nummer {n:04};other" for n in range(2500)]
    file = folder / "many.csv"
    file.write_text("name;sector\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ok(run, "org", "import", str(file))


@pytest.mark.parametrize("args", [("org", "list"), ("org", "list", "--json")])
def test_output_into_a_closed_pipe_ends_quietly(
    run: Run, empty_db: Db, tmp_path: Path, args: tuple[str, ...]
) -> None:
    # `psi org list | head -1`: head reads a line and goes away while psi still writes.
    _many_orgs(run, tmp_path)
    process = psi_process(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    # As for cat or seq, the code depends on whether psi wrote again after the reader left
    # (Python's buffered writer may take a large write that the pipe cut short as done).
    assert process.wait(timeout=60) in (ExitCode.OK, ExitCode.PIPE)
    assert stderr == b""


@pytest.mark.parametrize(
    ("args", "rich"),
    [(("org", "list"), False), (("org", "list"), True), (("--help",), False)],
    ids=["plain table", "rich table", "help"],
)
def test_a_pipe_closed_before_anything_was_written(
    run: Run, example_db: Db, args: tuple[str, ...], rich: bool
) -> None:
    # Short output stays in Python's buffer until exit, where a closed pipe used to print
    # "Exception ignored ... BrokenPipeError"; Rich (tables, help) ended it with code 1.
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    if rich:
        env["FORCE_COLOR"] = "1"
    process = psi_process(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == ExitCode.PIPE
    assert stderr == b""


# --- 4. control characters from a file are shown escaped --------------------------------------


def test_escape_sequences_from_a_csv_file_are_shown_escaped(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    file = tmp_path / "färg.csv"
    file.write_text(
        "name;sector;municipality\n"
        "\x1b[31mRöd förening;other;orebro\n"
        "Blå förening;\x1b[31mother\x1b[0m;orebro\n"
        "Grön förening;other;\x1b]2:title\x07\u202eorebro\n",
        encoding="utf-8",
    )
    stderr = assert_fails(run, empty_db, ExitCode.INVALID, "org", "import", str(file), details=3)
    assert "\x1b" not in stderr
    assert "\x07" not in stderr
    assert "\u202e" not in stderr
    assert "'\\x1b[31mother\\x1b[0m' is not a sector" in stderr
    assert "\\x1b]2:title\\x07\\u202eorebro" in stderr


def test_an_escape_sequence_in_an_unknown_header_is_shown_escaped(
    run: Run, empty_db: Db, tmp_path: Path
) -> None:
    file = tmp_path / "rubrik.csv"
    file.write_text("name;sector;\x1b[2Jx\n", encoding="utf-8")
    stderr = assert_fails(run, empty_db, ExitCode.INVALID, "org", "import", str(file))
    assert "'\\x1b[2Jx'" in stderr
    assert "\x1b" not in stderr


# --- 5. names refuse invisible characters ------------------------------------------------------


def test_org_add_edit_and_import_refuse_a_right_to_left_override(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    look_alike = "Stiftelsen \u202eavitcA"
    stderr = assert_fails(
        run, example_db, ExitCode.INVALID, "org", "add", look_alike, "-s", "other"
    )
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in stderr
    assert "position 12" in stderr
    assert "\u202e" not in stderr
    assert_fails(run, example_db, ExitCode.INVALID, "org", "add", "Nora IF", "-s", "other",
                 "--short", "N\u200bIF")  # fmt: skip
    assert_fails(run, example_db, ExitCode.INVALID, "org", "edit", "activa", "--name", look_alike)
    assert_fails(run, example_db, ExitCode.INVALID, "org", "edit", "activa", "--short", "\ufeffSA")
    file = tmp_path / "lika.csv"
    file.write_text(f"name;sector\n{look_alike};other\n", encoding="utf-8-sig")
    stderr = assert_fails(run, example_db, ExitCode.INVALID, "org", "import", str(file), details=1)
    assert "line 2: The name holds U+202E RIGHT-TO-LEFT OVERRIDE" in stderr


def test_contact_add_refuses_a_zero_width_space(run: Run, example_db: Db) -> None:
    stderr = assert_fails(
        run, example_db, ExitCode.INVALID, "contact", "add", "activa", "Anna\u200b Ek"
    )
    assert "U+200B ZERO WIDTH SPACE" in stderr


# --- 6. a confirmation without a terminal -----------------------------------------------------


@pytest.fixture
def mistake(run: Run, example_db: Db) -> Db:
    """The example register with an organisation added by mistake."""
    ok(run, "org", "add", "Felregistrerad förening", "--sector", "other")
    return example_db


@pytest.mark.parametrize(
    "args",
    [
        ("org", "remove", "Felregistrerad förening"),
        ("budget", "remove-expense", "1"),
        ("contact", "forget", "Erik Exempelsson"),
    ],
)
def test_a_question_nobody_can_answer_asks_for_yes(
    run: Run, mistake: Db, args: tuple[str, ...]
) -> None:
    stderr = assert_fails(run, mistake, ExitCode.ABORTED, *args)
    assert stderr == f"Error: {NO_TERMINAL}\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("org", "remove", "Felregistrerad förening"), "Nothing was deleted."),
        (("budget", "remove-expense", "1"), "Nothing was deleted."),
    ],
)
def test_no_is_still_no(run: Run, mistake: Db, args: tuple[str, ...], said: str) -> None:
    stderr = assert_fails(run, mistake, ExitCode.ABORTED, *args, input="n\n")
    assert stderr == f"Error: {said}\n"


def test_yes_on_the_command_line_asks_nothing(run: Run, mistake: Db) -> None:
    result = run("org", "remove", "Felregistrerad förening", "--yes")
    assert result.exit_code == ExitCode.OK, result.output
    assert "?" not in result.stdout


@pytest.mark.parametrize(
    "args",
    [("org", "remove", "Felregistrerad förening"), ("contact", "forget", "Erik Exempelsson")],
)
def test_a_confirmation_with_stdin_from_dev_null(
    run: Run, mistake: Db, args: tuple[str, ...]
) -> None:
    before = dump(mistake)
    process = psi_process(
        *args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == ExitCode.ABORTED
    assert stderr.decode("utf-8") == f"Error: {NO_TERMINAL}\n"
    assert dump(mistake) == before


def test_a_table_on_a_terminal_shows_brackets_as_typed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The erasure preview's title says each mention becomes "[erased]"; Rich read it as
    # markup and printed "each mention becomes :" on a terminal.
    from psi import console

    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    console.print_table(["[Table]"], [["[bold]x"]], title="each mention becomes [erased]:")
    shown = capsys.readouterr().out
    assert "[erased]" in shown and "[Table]" in shown and "[bold]x" in shown
