"""The commands' help and the command-line parser's messages, in the interface language.

The help is written in English where each command is declared (docstrings, option help,
examples); those texts are the msgids (psi.catalogue collects them from the command tree).
`install` has each help page put into the interface language just before it is shown
(`translate_tree`), keeping the English beside it, so a second run in another language (the
tests run many in one process) starts from the English again. It also sets the plain words
for values of psi.commands._help (`--on DATE`, `YEAR`): psi.cli makes its help in one call.

The parser (Typer's copy of Click) writes its own words in English with the values inside
("No such option: --yaer"); `parser_message` finds which message it is and says it in the
interface language, with the same values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from psi.words import N_, _

_ENGLISH = "_psi_english"
_TEXTS = ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar")

# The parser's own words, as its help pages and messages show them.
USAGE = N_("Usage: ")
TITLES = {
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ABORTED_TEXT": N_("Aborted."),
    "DEPRECATED_STRING": N_("(deprecated) "),
    "ENVVAR_STRING": N_("[env var: {}]"),
}
HELP_OPTION = N_("Show this message and exit.")

# Each parser message: the pattern of its English text, and its msgid with the same names.
PARSER_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), msgid)
    for pattern, msgid in (
        (
            r"No such option: (?P<name>\S+?)\.? Did you mean (?P<guess>.+)\?",
            N_("No such option: {name}. Did you mean {guess}?"),
        ),
        (
            r"No such option: (?P<name>\S+) \(Possible options: (?P<guess>.+)\)",
            N_("No such option: {name} (did you mean one of {guess}?)"),
        ),
        (r"No such option: (?P<name>\S+)", N_("No such option: {name}")),
        (
            r"No such command '(?P<name>.+)'\. Did you mean (?P<guess>.+)\?",
            N_("No such command '{name}'. Did you mean {guess}?"),
        ),
        (r"No such command '(?P<name>.+)'\.", N_("No such command '{name}'.")),
        (r"Missing command\.", N_("Missing command.")),
        (r"Missing argument '(?P<name>.+)'\.", N_("Missing argument '{name}'.")),
        (r"Missing option '(?P<name>.+)'\.", N_("Missing option '{name}'.")),
        (r"Missing parameter: (?P<name>.+)", N_("Missing parameter: {name}")),
        (r"Option '(?P<name>.+)' requires an argument\.", N_("Option '{name}' requires a value.")),
        (
            r"Option '(?P<name>.+)' requires (?P<n>\d+) arguments\.",
            N_("Option '{name}' requires {n} values."),
        ),
        (
            r"Option '(?P<name>.+)' does not take a value\.",
            N_("Option '{name}' does not take a value."),
        ),
        (
            r"Got unexpected extra argument\(s\) \((?P<extra>.+)\)",
            N_("Unexpected extra words: {extra}."),
        ),
        (
            r"Got unexpected extra arguments? \((?P<extra>.+)\)",
            N_("Unexpected extra words: {extra}."),
        ),
        (
            r"Invalid value for (?P<name>'[^']+'(?: / '[^']+')*): (?P<problem>.+)",
            N_("Invalid value for {name}: {problem}"),
        ),
        (r"Invalid value: (?P<problem>.+)", N_("Invalid value: {problem}")),
        (r"'?(?P<value>.+?)'? is not a valid integer\.", N_("'{value}' is not a whole number.")),
        (r"Input should be a valid integer.*", N_("It must be a whole number.")),
        (r"'?(?P<value>.+?)'? is not a valid float\.", N_("'{value}' is not a number.")),
        (
            r"Value '(?P<value>.*)' is not a valid (?P<kind>\w+)\.",
            N_("'{value}' is not a valid {kind}."),
        ),
        (
            r"'(?P<value>.*)' is not one of (?P<choices>.+)\.",
            N_("'{value}' is not one of {choices}."),
        ),
    )
)
PARSER_WORDS = (USAGE, *TITLES.values(), HELP_OPTION, *(msgid for _p, msgid in PARSER_MESSAGES))
"""Every word of the parser psi translates, for the catalogue."""


def parser_message(text: str) -> str:
    """A message of the command-line parser in the interface language (as it is when it is
    none psi knows: better English than nothing)."""
    for pattern, msgid in PARSER_MESSAGES:
        found = pattern.fullmatch(text.strip())
        if found:
            values = {
                name: parser_message(value) if name == "problem" else value
                for name, value in found.groupdict().items()
            }
            return _(msgid).format(**values)
    return text


def translate_parser() -> None:
    """The parser's titles, defaults and usage line in the interface language."""
    from typer import rich_utils
    from typer._click import formatting

    for name, english in TITLES.items():
        setattr(rich_utils, name, _(english))
    if not getattr(formatting.HelpFormatter.write_usage, _ENGLISH, False):
        formatting.HelpFormatter.write_usage = _usage_in_words(  # type: ignore[method-assign]
            formatting.HelpFormatter.write_usage
        )


def _usage_in_words(write_usage: Callable[..., None]) -> Callable[..., None]:
    def write(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, _(USAGE) if prefix is None else prefix)

    setattr(write, _ENGLISH, True)
    return write


def install() -> None:
    """Make every help page read as psi's: in the interface language (Typer's two kinds of
    command put their help into words, and the parser its titles, just before the page is
    written), and with plain words for values (psi.commands._help). Called once by psi.cli,
    before the commands are built; calling it again changes nothing."""
    from typer.core import TyperCommand, TyperGroup

    from psi.commands._help import plain_help_style

    for kind in (TyperCommand, TyperGroup):
        if not getattr(kind.format_help, _ENGLISH, False):
            kind.format_help = _in_words(kind.format_help)  # type: ignore[method-assign]
    plain_help_style()


def _in_words(format_help: Callable[..., None]) -> Callable[..., None]:
    def write(self: Any, ctx: Any, formatter: Any) -> None:
        translate_parser()
        self.get_help_option(ctx)  # made once, with the names the context gives (-h too)
        translate_tree(self)
        try:
            format_help(self, ctx, formatter)
        finally:
            translate_tree(self, into=str)  # back to the English it is declared in

    setattr(write, _ENGLISH, True)
    return write


def translate_tree(command: Any, into: Callable[[str], str] = _) -> None:
    """A command, its options and its subcommands (those already loaded) with their help
    in the interface language (`into`: another way to say the English)."""
    for item in _items(command):
        for name, english in _english(item).items():
            setattr(item, name, into(english))


def _english(item: Any) -> dict[str, str]:
    """The item's help texts as written (in English), kept beside it the first time."""
    saved: dict[str, str] | None = getattr(item, _ENGLISH, None)
    if saved is None:
        saved = {
            name: flowing(text)
            for name in _TEXTS
            if isinstance(text := getattr(item, name, None), str) and text
        }
        setattr(item, _ENGLISH, saved)
    return saved


def flowing(text: str) -> str:
    """A help text as paragraphs that wrap at the terminal's width: the line breaks inside a
    paragraph of a docstring become spaces (Typer keeps them after the first paragraph, so a
    narrow terminal showed short broken lines)."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _items(command: Any) -> Iterator[Any]:
    yield command
    yield from getattr(command, "params", ())
    help_option = getattr(command, "_help_option", None)  # made when help is first shown
    if help_option is not None:
        yield help_option
    for sub in getattr(command, "commands", {}).values():
        yield from _items(sub)


def english_texts() -> Iterator[tuple[str, str]]:
    """Every help text of every command as written, with the command's path."""
    from typer.main import get_command

    from psi.cli import COMMANDS, app, load_command

    root = get_command(app)
    commands = [("psi", root)] + [(f"psi {name}", load_command(name)) for name in COMMANDS]
    for path, command in commands:
        for item in _items(command) if path != "psi" else _shallow(root):
            for text in _english(item).values():
                yield text, path


def _shallow(root: Any) -> Iterator[Any]:
    """The root, its options and the one-line summaries of its commands."""
    yield root
    yield from root.params
    yield from root.commands.values()
