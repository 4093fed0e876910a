"""The root of the `psi` command: command groups, global options, and error handling."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from importlib import import_module
from typing import Annotated, Any

import typer
from typer._click.core import Command
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperCommand, TyperGroup

from psi import __version__, console
from psi.commands._common import TYPED_KEY, AppState, unanswered
from psi.errors import ExitCode, PsiError

DEBUG_ENV = "PSI_DEBUG"


def _debugging(ctx: Any) -> bool:
    root = ctx.find_root() if ctx is not None else None
    state = getattr(root, "obj", None)
    return bool(os.environ.get(DEBUG_ENV)) or (isinstance(state, AppState) and state.debug)


def _usage_error(exc: UsageError) -> typer.Exit:
    command = exc.ctx.command_path if exc.ctx is not None else "psi"
    console.error(f"{exc.format_message()} See `{command} --help`.")
    return typer.Exit(int(ExitCode.USAGE))


@dataclass(frozen=True)
class Entry:
    """A top-level command: where it lives, and the one line `psi --help` shows for it."""

    module: str
    summary: str
    function: str | None = None  # a single command; None for a group (the module's `app`)
    epilog: str | None = None  # the module attribute holding a single command's example


# Each command's module is imported only when that command runs (or its own help is
# asked for), so `psi --help` and every command start without loading all the others.
# A test checks each summary against the command's own help.
COMMANDS: dict[str, Entry] = {
    "init": Entry(
        "init",
        "Create the database at the newest schema; an existing one is left as it is.",
        "init",
        "EPILOG",
    ),
    "status": Entry(
        "status",
        "Where the year stands: coordinators, meetings, actions, activities, members, budget, "
        "duties.",
        "status",
        "EPILOG",
    ),
    "org": Entry("org", "Keep the register of member organisations, prospects and partners."),
    "coordinators": Entry(
        "rotate",
        "Show every year's coordinators, their roles and how long each had served by then.",
        "coordinators",
        "COORDINATORS_EPILOG",
    ),
    "rotate": Entry(
        "rotate",
        "Propose YEAR's coordinators by the rotation rule, record inquiries, or appoint the pair.",
        "rotate",
        "ROTATE_EPILOG",
    ),
    "meeting": Entry(
        "meeting",
        "Plan and record AU meetings, stormöten and MSI dialogues; agendas, minutes, calendars.",
    ),
    "action": Entry("action", "Keep the action items of meetings: who does what, by when."),
    "budget": Entry(
        "budget", "Keep the grant, its split between the coordinators, spending and co-funding."
    ),
    "plan": Entry("plan", "Keep the multi-year operations plan (verksamhetsplan) and its goals."),
    "activity": Entry(
        "activity",
        "Keep the yearly activity list: what the members wish for, who does it, what came of it.",
    ),
    "log": Entry(
        "log",
        "Log the member dialogue, recruitment, the MSI dialogue and website and social-media "
        "posts.",
    ),
    "contact": Entry(
        "contact",
        "Keep the contact persons of the organisations, and erase them on request (GDPR).",
    ),
    "report": Entry(
        "report",
        "Write the follow-up, the committee's decision draft and the everyday reports "
        "(Markdown or PDF).",
    ),
    "config": Entry(
        "config", "Set the partnership's name, region, committee, signer and report defaults."
    ),
    "audit": Entry(
        "audit",
        "List the audit log: every writing command, when, by which user, and what it changed.",
        "audit",
        "EPILOG",
    ),
    "db": Entry("db", "Find, back up and check the database."),
}


def load_command(name: str) -> Command:
    """The real command behind a top-level name, built from its module."""
    entry = COMMANDS[name]
    module = import_module(f"psi.commands.{entry.module}")
    if entry.function is None:
        command = typer.main.get_command(module.app)
    else:
        single = typer.Typer()
        epilog = getattr(module, entry.epilog) if entry.epilog else None
        single.command(name, epilog=epilog)(getattr(module, entry.function))
        command = typer.main.get_command(single)
    command.name = name
    return command


class _Placeholder(TyperCommand):
    """Stands in for a command not yet loaded, in the list `psi --help` prints."""

    def __init__(self, name: str, summary: str) -> None:
        super().__init__(name, help=summary)


class PsiGroup(TyperGroup):
    """The root group: loads a command's module when it is used, and turns every PsiError
    into one red line and its exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, entry in COMMANDS.items():
            self.commands.setdefault(name, _Placeholder(name, entry.summary))
        self._listing = False

    def get_command(self, ctx: Any, cmd_name: str) -> Command | None:
        """The command by name, loading its module on first use (not to list it in help)."""
        command = self.commands.get(cmd_name)
        if isinstance(command, _Placeholder) and not self._listing:
            command = self.commands[cmd_name] = load_command(cmd_name)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The root help, listing every command by its summary without loading it."""
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        """Parse the global options; a usage error is one line, like every other error."""
        try:
            return super().make_context(*args, **kwargs)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise _usage_error(exc) from None

    def invoke(self, ctx: Any) -> Any:
        """Run the command; map errors to exit codes in this one place."""
        # What was typed after the global options, for the audit log.
        ctx.meta[TYPED_KEY] = [*ctx._protected_args, *ctx.args]
        try:
            return self._mapped(ctx)
        except BrokenPipeError:  # also while printing an error to a closed standard error
            raise _closed_pipe() from None

    def _mapped(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            raise _usage_error(exc) from None
        except PsiError as exc:
            if _debugging(ctx):
                raise
            console.error(exc.message, exc.details)
            raise typer.Exit(int(exc.exit_code)) from None
        except typer.Abort:
            # A question asked with typer.confirm that got no answer (see _common.confirm).
            typer.echo()  # end the question's line
            error = unanswered("Nothing was changed.")
            console.error(error.message)
            raise typer.Exit(int(error.exit_code)) from None
        except (typer.Exit, BrokenPipeError):
            raise
        except OSError as exc:
            if _debugging(ctx):
                raise
            # A path the operating system refuses (too long, no access, a folder...).
            where = f" ({exc.filename})" if exc.filename else ""
            console.error(f"{exc.strerror or exc}{where}; check the file name and try again.")
            raise typer.Exit(int(ExitCode.FILE)) from None
        except KeyboardInterrupt:
            console.error("Interrupted; nothing was written.")
            raise typer.Exit(int(ExitCode.ABORTED)) from None
        except Exception as exc:
            if _debugging(ctx) or _is_cli_exception(exc):
                raise
            if isinstance(exc, ValueError) and "null byte" in str(exc):
                console.error("A value holds a NUL character, which no file name can; retype it.")
                raise typer.Exit(int(ExitCode.INVALID)) from None
            console.error(
                f"psi failed unexpectedly ({type(exc).__name__}: {exc}); nothing was written. "
                "Run it again with --debug and report what it prints."
            )
            raise typer.Exit(int(ExitCode.INTERNAL)) from None


def _closed_pipe() -> typer.Exit:
    """Stop quietly when the program reading the output has gone (`psi org list | head -1`),
    with the code a shell reports for other programs stopped so (128 + SIGPIPE)."""
    # What is still buffered would be flushed at exit and fail again, with a message from
    # Python: send it to the null device instead (the note on SIGPIPE in the signal module's
    # documentation). Captured output in tests has no file descriptor.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return typer.Exit(int(ExitCode.PIPE))


def _is_cli_exception(exc: Exception) -> bool:
    # Usage errors and the like belong to the command-line parser, which prints them itself.
    return type(exc).__module__.startswith(("typer", "click"))


app = typer.Typer(
    cls=PsiGroup,
    name="psi",
    help="The register and working tool of Partnerskapet för sociala innovationer (PSI).",
    epilog="Example: psi init --example && psi org list",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"psi {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_option: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database file or SQLAlchemy URL (sqlite:///…, postgresql://…); default: PSI_DB, "
            "else psi.sqlite3 in your user data folder.",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback on errors (also PSI_DEBUG=1).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and stop."
        ),
    ] = False,
) -> None:
    """The register and working tool of Partnerskapet för sociala innovationer (PSI)."""
    ctx.obj = AppState(db=db_option, debug=debug)


def main() -> None:
    """The `psi` console script."""
    if sys.platform == "win32":
        # Windows consoles default to a code page that cannot print å, ä, ö.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="replace")
    try:
        try:
            app()
        finally:
            # Short output is still buffered: a closed pipe shows here, not during exit.
            sys.stdout.flush()
    except BrokenPipeError:
        raise SystemExit(_closed_pipe().exit_code) from None
    except SystemExit as exc:
        # Click and Rich (help, a Rich table) end on a closed pipe themselves, with code 1.
        if isinstance(exc.__context__, BrokenPipeError):
            raise SystemExit(_closed_pipe().exit_code) from None
        raise
