"""The files psi writes for the user: readable by the owner only, and whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from psi.errors import FileProblem
from psi.words import _

PRIVATE = 0o600
# Windows opens a file descriptor in text mode unless told otherwise (LF would become CRLF).
_BINARY = getattr(os, "O_BINARY", 0)


def write_private(path: Path, data: str | bytes) -> None:
    """Write a file readable by its owner only (0600: it holds personal data), replacing any
    earlier one whole; text is written as UTF-8, line ends as given. FileProblem if it cannot
    be written.

    The content goes to a temporary file beside the target, which then takes its place: a
    write that fails leaves the earlier file as it was, never half a file. A device or a pipe
    (`-o /dev/stdout`) is written to directly. On Windows the mode is all but ignored; the file
    has the permissions of its folder.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.is_dir() or _is_special(path):  # a folder: refused as the user named it
            _write_in_place(path, content, private=False)
        else:
            # Through a link to the file it names, which is replaced (not the link).
            _replace(Path(os.path.realpath(path)) if path.is_symlink() else path, content)
    except OSError as exc:
        raise FileProblem(
            _("Cannot write {file}: {problem}.").format(file=path, problem=exc.strerror or exc)
        ) from None


def _is_special(path: Path) -> bool:
    """Whether the path is there and neither a regular file nor a folder (a device, a pipe)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _replace(target: Path, content: bytes) -> None:
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, PRIVATE)
    except OSError:
        # A folder psi may not add files to, or a name too long for the temporary one's:
        # write the file itself (an error then names the file the user gave).
        _write_in_place(target, content, private=True)
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _write_in_place(target: Path, content: bytes, *, private: bool) -> None:
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _BINARY, PRIVATE)
    with os.fdopen(descriptor, "wb") as stream:
        if private and stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            # os.open's mode applies only to a new file: an existing one keeps its own (often
            # readable by all) unless it is changed here. Someone else's file may refuse.
            with contextlib.suppress(OSError):
                target.chmod(PRIVATE)
        stream.write(content)
