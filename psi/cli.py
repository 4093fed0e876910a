"""The root of the `psi` command: command groups, global options, and error handling."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from importlib import import_module
from typing import Annotated, Any

import typer

# Typer vendors Click as typer._click; these have no public name in Typer.
from typer._click.core import Command
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._click.shell_completion import add_completion_class
from typer.core import TyperCommand, TyperGroup

from psi import __version__, console
from psi.commands._common import TYPED_KEY, AppState
from psi.completion import PsiBashComplete
from psi.errors import ExitCode, PsiError
from psi.help_words import install, parser_message
from psi.words import _

install()

DEBUG_ENV = "PSI_DEBUG"


def _debugging(ctx: Any) -> bool:
    root = ctx.find_root() if ctx is not None else None
    state = getattr(root, "obj", None)
    return bool(os.environ.get(DEBUG_ENV)) or (isinstance(state, AppState) and state.debug)


def _usage_error(exc: UsageError) -> typer.Exit:
    command = exc.ctx.command_path if exc.ctx is not None else "psi"
    message = parser_message(exc.format_message())
    console.error(_("{message} See `{command} --help`.").format(message=message, command=command))
    return typer.Exit(int(ExitCode.USAGE))


@dataclass(frozen=True, kw_only=True)
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
        module="init",
        summary="Create the database at the newest schema; an existing one is left as it is.",
        function="init",
        epilog="EPILOG",
    ),
    "status": Entry(
        module="status",
        summary="Where the year stands: coordinators, meetings, actions, activities, members, budget, duties.",
        function="status",
        epilog="EPILOG",
    ),
    "org": Entry(
        module="org", summary="Keep the register of member organisations, prospects and partners."
    ),
    "coordinators": Entry(
        module="rotate",
        summary="Show every year's coordinators, their roles and how long each had served by then.",
        function="coordinators",
        epilog="COORDINATORS_EPILOG",
    ),
    "rotate": Entry(
        module="rotate",
        summary="Propose YEAR's coordinators by the rotation rule, record inquiries, or appoint the pair.",
        function="rotate",
        epilog="ROTATE_EPILOG",
    ),
    "au": Entry(
        module="au",
        summary="Keep who sits on the working committee (AU) each year, and for which organisation.",
    ),
    "history": Entry(
        module="history",
        summary="Record Kulturnämnden's rotation decision and the AU's assessments of the way of working.",
    ),
    "meeting": Entry(
        module="meeting",
        summary="Plan and record AU meetings, stormöten and MSI dialogues; agendas, minutes, calendars.",
    ),
    "action": Entry(
        module="action", summary="Keep the action items of meetings: who does what, by when."
    ),
    "budget": Entry(
        module="budget",
        summary="Keep the grant, its split between the coordinators, spending and co-funding.",
    ),
    "plan": Entry(
        module="plan",
        summary="Keep the multi-year operations plan (verksamhetsplan) and its goals.",
    ),
    "activity": Entry(
        module="activity",
        summary="Keep the yearly activity list: what the members wish for, who does it, what came of it.",
    ),
    "log": Entry(
        module="log",
        summary="Log the member dialogue, recruitment, the MSI dialogue and website and social-media posts.",
    ),
    "contact": Entry(
        module="contact",
        summary="Keep the contact persons of the organisations, and erase them on request (GDPR).",
    ),
    "report": Entry(
        module="report",
        summary=(
            "Write the follow-up, the committee's decision draft and the everyday reports, "
            "as PDF, Word or Markdown."
        ),
    ),
    "config": Entry(
        module="config",
        summary="Set the partnership's name, region, committee, signer and report defaults.",
    ),
    "audit": Entry(
        module="audit",
        summary="List the audit log: every writing command, when, by which user, and what it changed.",
        function="audit",
        epilog="EPILOG",
    ),
    "db": Entry(module="db", summary="Find, back up and check the database."),
}


def load_command(name: str) -> Command:
    """The real command behind a top-level name, built from its module."""
    entry = COMMANDS[name]
    module = import_module(f"psi.commands.{entry.module}")
    if entry.function is None:
        command = typer.main.get_command(module.app)
    else:
        single = typer.Typer(add_completion=False)
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
        # Typer registers its shells while it builds the root command, just before this.
        add_completion_class(PsiBashComplete, PsiBashComplete.name)
        # `psi --help` lists these stand-ins (get_command returns them as they are), so the
        # list of commands costs no import; running a command resolves the real one.
        for name, entry in COMMANDS.items():
            self.commands.setdefault(name, _Placeholder(name, entry.summary))

    def load(self, name: str) -> Command:
        """The real command behind a top-level name, its module loaded on first use."""
        command = self.commands[name]
        if isinstance(command, _Placeholder):
            command = self.commands[name] = load_command(name)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        """The command to run (loaded), and what was typed after the global options, which
        the audit log records."""
        ctx.meta[TYPED_KEY] = list(args)
        name, command, rest = super().resolve_command(ctx, args)
        return name, (self.load(name) if name in COMMANDS else command), rest

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
        except (typer.Exit, typer.Abort, BrokenPipeError):
            raise
        except OSError as exc:
            if _debugging(ctx):
                raise
            # A path the operating system refuses (too long, no access, a folder...).
            problem = str(exc.strerror or exc)
            console.error(
                _("{problem} ({file}); check the file name and try again.").format(
                    problem=problem, file=exc.filename
                )
                if exc.filename
                else _("{problem}; check the file name and try again.").format(problem=problem)
            )
            raise typer.Exit(int(ExitCode.FILE)) from None
        except KeyboardInterrupt:
            console.error(_("Interrupted; nothing was written."))
            raise typer.Exit(int(ExitCode.ABORTED)) from None
        except Exception as exc:
            if _debugging(ctx) or _is_cli_exception(exc):
                raise
            if isinstance(exc, ValueError) and "null byte" in str(exc):
                console.error(
                    _("A value holds a NUL character, which no file name can; retype it.")
                )
                raise typer.Exit(int(ExitCode.INVALID)) from None
            console.error(
                _(
                    "psi failed unexpectedly ({problem}); nothing was written. "
                    "Run it again with --debug and report what it prints."
                ).format(problem=f"{type(exc).__name__}: {exc}")
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
