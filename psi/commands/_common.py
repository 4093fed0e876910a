"""What every command module shares: the database of this run and its one transaction."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from psi import console
from psi.errors import Aborted
from psi.files import write_private
from psi.words import N_, NC_, _, ngettext

if TYPE_CHECKING:
    from sqlmodel import Session

    from psi.location import DbLocation
    from psi.reports.render import DocumentRequest
    from psi.services.audience import Reach

T = TypeVar("T")


@dataclass
class AppState:
    """Global options of one psi run."""

    db: str | None = None
    debug: bool = False
    warned_shared: bool = False


def state(ctx: typer.Context) -> AppState:
    """The global options, set by the root callback."""
    root = ctx.find_root()
    if not isinstance(root.obj, AppState):
        root.obj = AppState()
    return root.obj


def location(ctx: typer.Context) -> DbLocation:
    """The database this run works on: --db, else PSI_DB, else the default file."""
    from psi.location import locate_db

    where = locate_db(state(ctx).db)
    _warn_if_shared(state(ctx), where)
    return where


def _warn_if_shared(app_state: AppState, where: DbLocation) -> None:
    """Once per command: a SQLite file in a sync folder or on a network drive gets damaged."""
    from psi.location import shared_place

    if app_state.warned_shared or where.path is None:
        return
    app_state.warned_shared = True
    place = shared_place(where.path)
    if place is not None:
        console.warn(
            _(
                "The database {path} lies in {place}, which can damage a SQLite file; "
                "share a register on PostgreSQL (psi db copy --to postgresql://...) or move it "
                "to this computer (psi db copy --to ~/psi.sqlite3)."
            ).format(path=where.path, place=place)
        )


@contextmanager
def session(ctx: typer.Context, *, write: bool = True, create: bool = False) -> Iterator[Session]:
    """The command's one transaction: committed if the block ends well, else rolled back."""
    from psi import storage

    with storage.transaction(
        location(ctx), write=write, create=create, command=command_line(ctx)
    ) as db_session:
        yield db_session


TYPED_KEY = "psi.typed"
"""Where the root group keeps the words typed after the global options (ctx.meta)."""


def command_line(ctx: typer.Context) -> str:
    """The command as typed, for the audit log: `psi org add "Nya föreningen" --sector other`.

    Global options (--db, which may hold a password, and --debug) are left out.
    """
    typed = ctx.meta.get(TYPED_KEY)
    if typed:
        return " ".join(["psi", *(_quoted(word) for word in typed)])
    parts = [ctx.command_path]  # called outside the root group (a test's own context)
    for name, value in ctx.params.items():
        if value is None or value is False or value == [] or value == ():
            continue
        parts.append(f"{name}={value!r}" if value is not True else f"--{name}")
    return " ".join(parts)


def _quoted(word: str) -> str:
    if word and not any(c.isspace() or c in "\"'\\" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def day_or_today(text: str | None, *, what: str = NC_("what", "date")) -> date:
    """A typed date, or today when none was given."""
    from psi.domain.dates import parse_date

    return date.today() if text is None else parse_date(text, what=what)


def write_document(
    markdown: str,
    request: DocumentRequest,
    *,
    default_name: str,
    title: str,
    header: str = "",
    dated: date | None = None,
    charts: Mapping[str, Any] | None = None,
    slots: Mapping[str, str] | None = None,
) -> None:
    """Markdown to standard output or a file; PDF, Word, OpenDocument or HTML to a file
    (`default_name` if none given). A PDF's header shows `header` and `dated` (today if
    not given)."""
    from psi.reports.render import PARTNERSHIP, markdown_to_editable, markdown_to_pdf

    if request.file_format == "md" and request.output is None:
        typer.echo(markdown, nl=False)
        return
    target = request.output or Path(default_name)
    content: str | bytes
    if request.file_format == "md":
        content = markdown
    elif request.file_format != "pdf":
        content = markdown_to_editable(markdown, request, title=title)
    else:
        content = markdown_to_pdf(
            markdown,
            request,
            title=title,
            header=header or PARTNERSHIP,
            dated=dated,
            charts=charts,
            slots=slots,
        )
    write_private(target, content)
    console.success(_("Wrote {file}.").format(file=target))


NO_TERMINAL = N_("This command asks for confirmation; add --yes to run it without a terminal.")
NOTHING_DELETED = N_("Nothing was deleted.")


def unanswered(declined: str) -> Aborted:
    """The error for a confirmation that got no answer: at a terminal the user broke off
    (Ctrl-C, Ctrl-D), which counts as no; without one, nobody could answer, so say --yes."""
    try:
        at_terminal = sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        at_terminal = False
    return Aborted(declined if at_terminal else _(NO_TERMINAL))


def confirm(question: str, *, yes: bool, declined: str) -> None:
    """Ask a yes/no question (no by default) unless --yes was given; Aborted with `declined`
    ("Nothing was deleted.") on a no, or with the --yes hint when nobody can answer."""
    if yes:
        return
    try:
        agreed = _answered_yes(question)
    except typer.Abort:
        typer.echo()  # end the question's line
        raise unanswered(declined) from None
    if not agreed:
        raise Aborted(declined)


YES_WORDS = frozenset({"y", "yes", "j", "ja"})
NO_WORDS = frozenset({"", "n", "no", "nej"})


def _answered_yes(question: str) -> bool:
    """Ask until the answer is yes or no (Enter is no), in the interface language: `[y/N]`,
    `[j/N]` in Swedish; y, yes, j and ja mean yes in both."""
    choices = _("[y/N]")
    while True:
        answer = typer.prompt(f"{question} {choices}", default="", show_default=False)
        word = answer.strip().casefold()
        if word in YES_WORDS or word in NO_WORDS:
            return word in YES_WORDS
        typer.echo(_("Answer y for yes or n for no."))


def delete_when_confirmed(
    ctx: typer.Context, question: str, delete: Callable[[Session], T], *, yes: bool
) -> T:
    """Ask `question` (unless --yes), then delete in the command's one transaction; what
    `delete` returns. The record was found and shown in a read-only transaction before."""
    confirm(question, yes=yes, declined=_(NOTHING_DELETED))
    with session(ctx) as db:
        return delete(db)


# --- who of an audience gets no mail ---------------------------------------------------------

LEFT_OUT_SHOWN = 8
"""How many names a left-out line shows before `and N more` (--json lists them all)."""


def _some(names: Sequence[str], *, json_lists_all: bool) -> str:
    """Names joined by "; ", the first LEFT_OUT_SHOWN of them and how many more."""
    shown = "; ".join(names[:LEFT_OUT_SHOWN])
    more = len(names) - LEFT_OUT_SHOWN
    if more <= 0:
        return shown
    if json_lists_all:
        text = ngettext(
            "{names} and {n} more (--json lists all)",
            "{names} and {n} more (--json lists all)",
            more,
        )
    else:
        text = ngettext("{names} and {n} more", "{names} and {n} more", more)
    return text.format(names=shown, n=more)


def _people(pairs: Sequence[tuple[str, str]], *, json_lists_all: bool) -> str:
    return _some(
        [_("{name} at {organisation}").format(name=name, organisation=org) for org, name in pairs],
        json_lists_all=json_lists_all,
    )


def left_out_lines(found: Reach, *, json_lists_all: bool = False) -> list[str]:
    """Who of an audience gets no mail and why, one line per reason, for the coordinator to
    reach them another way (`json_lists_all`: the command's --json lists every name)."""
    lines = []
    if found.without_email:
        count = len(found.without_email)
        lines.append(
            ngettext(
                "{n} contact person has no e-mail address: {names}.",
                "{n} contact persons have no e-mail address: {names}.",
                count,
            ).format(n=count, names=_people(found.without_email, json_lists_all=json_lists_all))
        )
    if found.no_mail:
        count = len(found.no_mail)
        lines.append(
            ngettext(
                "{n} contact person asked for no mail and is left out: {names}.",
                "{n} contact persons asked for no mail and are left out: {names}.",
                count,
            ).format(n=count, names=_people(found.no_mail, json_lists_all=json_lists_all))
        )
    if found.organisations_without_contact:
        count = len(found.organisations_without_contact)
        lines.append(
            ngettext(
                "{n} organisation has no contact person: {names}. Add one with "
                "psi contact add ORG NAME --email EMAIL.",
                "{n} organisations have no contact person: {names}. Add them with "
                "psi contact add ORG NAME --email EMAIL.",
                count,
            ).format(
                n=count,
                names=_some(found.organisations_without_contact, json_lists_all=json_lists_all),
            )
        )
    return lines
