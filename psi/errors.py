"""The exit codes of psi and the exceptions that map to them, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code psi uses; the README documents the same table."""

    OK = 0
    INTERNAL = 1
    USAGE = 2
    NOT_FOUND = 3
    INVALID = 4
    CONFLICT = 5
    RULE = 6
    DATABASE = 7
    FILE = 8
    MAIL = 9
    ABORTED = 130
    PIPE = 141  # 128 + SIGPIPE: the reader of the output went away, as a shell reports for cat


class PsiError(Exception):
    """A user-facing error: one line of text and an exit code, with optional detail lines."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(PsiError):
    """Something named on the command line does not exist."""

    exit_code = ExitCode.NOT_FOUND


class InvalidInput(PsiError):
    """A value the user typed is malformed or out of range."""

    exit_code = ExitCode.INVALID


class Conflict(PsiError):
    """The change clashes with what the register already holds."""

    exit_code = ExitCode.CONFLICT


class RuleViolation(PsiError):
    """The change breaks a rule of the assignment."""

    exit_code = ExitCode.RULE


class DatabaseProblem(PsiError):
    """The database is missing, from a newer psi, locked or damaged."""

    exit_code = ExitCode.DATABASE


class FileProblem(PsiError):
    """A file to read or write cannot be used."""

    exit_code = ExitCode.FILE


class MailProblem(PsiError):
    """The mail server cannot be reached, refuses the login, or refuses the message."""

    exit_code = ExitCode.MAIL


class Aborted(PsiError):
    """The user said no at a confirmation prompt, or nobody could answer it."""

    exit_code = ExitCode.ABORTED
