"""A templates folder runs no code and brings no file from outside itself into a document.

A templates folder is something people pass around, so each test here is an attack a
shared folder could make: a Jinja escape that runs a command, a symbolic link out of the
folder, and a style sheet, image or page style that would embed a file from elsewhere.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from typer.testing import Result

from psi.errors import ExitCode
from tests.conftest import Run
from tests.helpers import pdf_text

SECRET = "HEMLIG-NYCKEL-4711"
# A one-pixel PNG: a real image, so every writer embeds it as it would a logo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty templates folder, with secrets beside it (outside it)."""
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(PNG + SECRET.encode())
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "base.md.j2").write_text(f"# {SECRET}\n", encoding="utf-8")
    path = tmp_path / "mallar"
    path.mkdir()
    return path


def link(at: Path, target: Path) -> None:
    """A symbolic link, or skip where the platform does not let us make one."""
    try:
        at.symlink_to(target)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")


def leaked(path: Path) -> bool:
    """Whether SECRET is in the file: as it is, in a zip member, or inside a data: URI."""
    if not path.exists():
        return False
    blobs = [path.read_bytes()]
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            blobs += [archive.read(name) for name in archive.namelist()]
    for blob in list(blobs):
        text = blob.decode("utf-8", "replace")
        for payload in re.findall(r"data:[^,\s\"')]*,([^\s\"')<]+)", text):
            blobs.append(unquote(payload).encode())
            with contextlib.suppress(binascii.Error, ValueError):
                blobs.append(base64.b64decode(payload + "=" * (-len(payload) % 4)))
    if path.suffix == ".pdf" and SECRET in pdf_text(path):
        return True
    return any(SECRET.encode() in blob for blob in blobs)


def one_error(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), stderr
    assert "Traceback" not in stderr


def rotation(run: Run, folder: Path, fmt: str = "md", target: Path | None = None) -> Result:
    """`psi report rotation` with the folder's templates, to standard output or a file."""
    args = ["report", "rotation", "--templates", str(folder)]
    if target is not None:
        args += ["--format", fmt, "-o", str(target)]
    return run(*args)


# --- 1. Templates render in Jinja's sandbox ---------------------------------------------------

ESCAPES = {
    "globals": "{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n",
    "subclasses": (
        "{{% for c in ''.__class__.__mro__[1].__subclasses__() %}}"
        "{{% if c.__name__ == 'Popen' %}}{{{{ c(['touch', '{marker}']).wait() }}}}{{% endif %}}"
        "{{% endfor %}}\n"
    ),
}


@pytest.mark.skipif(shutil.which("touch") is None, reason="the payload runs `touch`")
@pytest.mark.parametrize("escape", sorted(ESCAPES))
def test_a_template_cannot_run_a_command(
    run: Run, example_db: Path, folder: Path, escape: str
) -> None:
    marker = folder.parent / "pwned"
    (folder / "rotation.sv.md.j2").write_text(ESCAPES[escape].format(marker=marker), "utf-8")
    result = run("report", "rotation", "--templates", str(folder))
    assert not marker.exists(), "the template ran a command"
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)
    assert "rotation.sv.md.j2" in result.stderr


def test_a_template_cannot_change_its_data(run: Run, example_db: Path, folder: Path) -> None:
    (folder / "rotation.sv.md.j2").write_text(
        "{{ years.append(1) }}{{ years | length }}\n", "utf-8"
    )
    result = run("report", "rotation", "--templates", str(folder))
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)


# --- 2. Links must stay inside the folder ----------------------------------------------------


@pytest.mark.parametrize("how", ["template", "include", "extends-sibling"])
def test_a_template_linked_from_outside_the_folder_is_refused(
    run: Run, example_db: Path, folder: Path, how: str
) -> None:
    main = folder / "rotation.sv.md.j2"
    if how == "template":
        link(main, folder.parent / "secret.txt")
    elif how == "include":
        main.write_text('# Rotation\n\n{% include "del.md.j2" %}\n', "utf-8")
        link(folder / "del.md.j2", folder.parent / "secret.txt")
    else:
        main.write_text('{% extends "base.md.j2" %}\n', "utf-8")
        link(folder / "base.md.j2", folder.parent / "other" / "base.md.j2")
    result = run("report", "rotation", "--templates", str(folder))
    assert SECRET not in result.stdout
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)
    assert "links must stay inside" in result.stderr


@pytest.mark.parametrize(
    ("name", "fmt"), [("page.typ", "pdf"), ("report.css", "html"), ("reference.docx", "docx")]
)
def test_a_style_linked_from_outside_the_folder_is_refused(
    run: Run, example_db: Path, folder: Path, name: str, fmt: str
) -> None:
    link(folder / name, folder.parent / "secret.txt")
    target = folder.parent / f"r.{fmt}"
    result = rotation(run, folder, fmt, target)
    assert not leaked(target)
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)
    assert name in result.stderr and "links must stay inside" in result.stderr


def test_links_inside_the_folder_and_a_linked_folder_work(
    run: Run, example_db: Path, folder: Path
) -> None:
    (folder / "delar").mkdir()
    (folder / "delar" / "rot.md.j2").write_text("# Egen rotation\n", "utf-8")
    link(folder / "rotation.sv.md.j2", Path("delar") / "rot.md.j2")
    link(folder.parent / "genväg", folder)
    result = run("report", "rotation", "--templates", str(folder.parent / "genväg"))
    assert result.exit_code == 0, result.output
    assert result.stdout == "# Egen rotation\n"


# --- 3. Only files from inside the folder are inlined ----------------------------------------

OUTSIDE = {
    "absolute": "{secret}",
    "parent": "../secret.png",
    "file-url": "file://{secret}",
}


@pytest.mark.parametrize("where", sorted(OUTSIDE))
def test_a_style_sheet_cannot_inline_a_file_from_outside(
    run: Run, example_db: Path, folder: Path, where: str
) -> None:
    ref = OUTSIDE[where].format(secret=folder.parent / "secret.png")
    (folder / "report.css").write_text(f'body {{ background: url("{ref}"); }}\n', "utf-8")
    target = folder.parent / "r.html"
    result = rotation(run, folder, "html", target)
    assert not leaked(target)
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)
    assert "report.css" in result.stderr


def test_a_style_sheet_cannot_inline_a_link_out_of_the_folder(
    run: Run, example_db: Path, folder: Path
) -> None:
    link(folder / "logga.png", folder.parent / "secret.png")
    (folder / "report.css").write_text("body { background: url(logga.png); }\n", "utf-8")
    target = folder.parent / "r.html"
    result = rotation(run, folder, "html", target)
    assert not leaked(target)
    assert result.exit_code == ExitCode.FILE, result.output
    assert "links must stay inside" in result.stderr


def test_a_style_sheet_inlines_a_picture_from_its_folder(
    run: Run, example_db: Path, folder: Path
) -> None:
    (folder / "logga.png").write_bytes(PNG)
    (folder / "report.css").write_text("body { background: url('logga.png'); }\n", "utf-8")
    target = folder.parent / "r.html"
    result = rotation(run, folder, "html", target)
    assert result.exit_code == 0, result.output
    html = target.read_text("utf-8")
    assert "url(data:image/png;base64," in html.replace("'", "").replace('"', "")
    assert "logga.png" not in html


@pytest.mark.parametrize("fmt", ["html", "docx", "odt"])
@pytest.mark.parametrize("where", sorted(OUTSIDE))
def test_a_template_cannot_inline_an_image_from_outside(
    run: Run, example_db: Path, folder: Path, where: str, fmt: str
) -> None:
    ref = OUTSIDE[where].format(secret=folder.parent / "secret.png")
    (folder / "rotation.sv.md.j2").write_text(f"# Rotation\n\n![Bild]({ref})\n", "utf-8")
    target = folder.parent / f"r.{fmt}"
    result = rotation(run, folder, fmt, target)
    assert not leaked(target)
    assert result.exit_code == ExitCode.FILE, result.output
    one_error(result.stderr)


@pytest.mark.parametrize("fmt", ["html", "docx", "odt"])
def test_an_image_is_not_taken_from_the_working_folder(
    run: Run, example_db: Path, folder: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    (folder / "rotation.sv.md.j2").write_text("# Rotation\n\n![Bild](secret.png)\n", "utf-8")
    target = folder.parent / f"r.{fmt}"
    result = rotation(run, folder, fmt, target)
    assert result.exit_code == 0, result.output
    assert not leaked(target)
    assert "secret.png" in result.stderr


@pytest.mark.parametrize("fmt", ["html", "docx", "odt"])
def test_an_image_from_the_folder_is_inlined(
    run: Run, example_db: Path, folder: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder.parent)
    (folder / "bilder").mkdir()
    (folder / "bilder" / "logga.png").write_bytes(PNG)
    (folder / "rotation.sv.md.j2").write_text("# Rotation\n\n![Logga](bilder/logga.png)\n", "utf-8")
    target = folder.parent / f"r.{fmt}"
    result = rotation(run, folder, fmt, target)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    if fmt == "html":
        assert 'src="data:image/png;base64,' in target.read_text("utf-8")
    else:
        with zipfile.ZipFile(target) as archive:
            assert PNG in [archive.read(name) for name in archive.namelist()]


def test_metadata_cannot_pull_in_a_style_sheet_from_outside(
    run: Run, example_db: Path, folder: Path
) -> None:
    secret = folder.parent / "secret.txt"
    (folder / "rotation.sv.md.j2").write_text(f"---\ncss: {secret}\n---\n\n# Rotation\n", "utf-8")
    target = folder.parent / "r.html"
    rotation(run, folder, "html", target)
    assert not leaked(target)


@pytest.mark.parametrize(
    "call", ['#read("{secret}")', '#read("../secret.txt")', '#image("{secret_png}")']
)
def test_the_page_style_cannot_read_a_file(
    run: Run, example_db: Path, folder: Path, call: str
) -> None:
    source = call.format(
        secret=folder.parent / "secret.txt", secret_png=folder.parent / "secret.png"
    )
    (folder / "page.typ").write_text(f"{source}\n", "utf-8")
    target = folder.parent / "r.pdf"
    result = rotation(run, folder, "pdf", target)
    assert not leaked(target)
    assert result.exit_code == ExitCode.FILE, result.output
