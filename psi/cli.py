"""The root of the `psi` command: command groups, global options, and error handling."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from psi import __version__, console
from psi.commands import (
    action,
    activity,
    audit,
    budget,
    config,
    contact,
    db,
    init,
    log,
    meeting,
    org,
    plan,
    report,
    rotate,
    status,
)
from psi.commands._common import AppState
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


class PsiGroup(TyperGroup):
    """The root group: turns every PsiError into one red line and its exit code."""

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


app.command("init", epilog=init.EPILOG)(init.init)
app.command("status", epilog=status.EPILOG)(status.status)
app.add_typer(org.app, name="org")
app.command("coordinators", epilog=rotate.COORDINATORS_EPILOG)(rotate.coordinators)
app.command("rotate", epilog=rotate.ROTATE_EPILOG)(rotate.rotate)
app.add_typer(meeting.app, name="meeting")
app.add_typer(action.app, name="action")
app.add_typer(budget.app, name="budget")
app.add_typer(plan.app, name="plan")
app.add_typer(activity.app, name="activity")
app.add_typer(log.app, name="log")
app.add_typer(contact.app, name="contact")
app.add_typer(report.app, name="report")
app.add_typer(config.app, name="config")
app.command("audit", epilog=audit.EPILOG)(audit.audit)
app.add_typer(db.app, name="db")


def main() -> None:
    """The `psi` console script."""
    if sys.platform == "win32":
        # Windows consoles default to a code page that cannot print å, ä, ö.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8", errors="replace")
    app()
