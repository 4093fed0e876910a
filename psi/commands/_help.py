"""How the help of every command reads: `YEAR` and `TEXT`, not Typer's `{year}` and `<str>`.

Typer writes a required argument as `{year}` in the usage line and the type of every
parameter as `<str>`, `<int>`, `<bool>`, even after a flag, which takes no value.
`plain_help_style` makes every command's help read as a command line does: arguments in
capitals (`psi report followup YEAR`, `[YEAR]` when it may be left out, `ORGS...`), an
option's value as a word (`--on DATE` where the option declares a metavar, else `--note TEXT`,
`--meeting INTEGER`), and nothing after a flag or `--help`.

Typer builds its parameters itself (lazily, some of them: `--help`, the completion options),
so no psi command class can reach them all; the style is set on Typer's two parameter
classes instead, through the methods the help calls (`display_type_rich`, `get_usage_pieces`,
`display_name_raw`, the last one also naming an argument in an error: "Missing argument
'YEAR'."). tests/cli/test_help_and_consistency.py reads every command's help and fails if a
new Typer stops calling them.

Only typer is imported here: the root help needs this module.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperOption

_WORDS = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT", "bool": "BOOLEAN"}


def value_word(type_tag: str | None) -> str:
    """Typer's type tag as a word for the help: `<str>` -> TEXT, `<int>` -> INTEGER,
    `<list[str]>` -> TEXT, `<int,str>` -> INTEGER TEXT, `<a|b>` (a choice) -> [a|b]."""
    tag = (type_tag or "").strip().removeprefix("<").removesuffix(">")
    if tag.startswith("list[") and tag.endswith("]"):
        tag = tag[len("list[") : -1]
    if "|" in tag:
        return f"[{tag}]"
    return " ".join(_WORDS.get(part, part.upper()) for part in tag.split(",") if part)


def _argument_name(self: TyperArgument) -> str:
    """An argument's name in the help and in errors: its metavar, else its name in capitals."""
    return self.metavar or (self.name or "").upper()


def _argument_usage(self: TyperArgument, ctx: Any) -> list[str]:
    name = _argument_name(self)
    if not self.required:
        name = f"[{name}]"
    return [name + ("..." if self.nargs != 1 and not name.endswith("...") else "")]


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    return value_word(self.display_type(ctx)) or None


def _option_type(self: TyperOption, ctx: Any) -> str | None:
    if self.metavar is not None:
        return self.metavar
    if self.is_flag:
        return None  # a flag takes no value
    word = value_word(self.display_type(ctx))
    return word + ("..." if self.nargs != 1 else "") if word else None


def plain_help_style() -> None:
    """Make every command's help read as described in the module's docstring. Called by
    psi.help_words.install before the commands are built; calling it again changes nothing."""
    TyperArgument.display_name_raw = property(_argument_name)  # type: ignore[assignment,method-assign]
    TyperArgument.get_usage_pieces = _argument_usage  # type: ignore[method-assign]
    TyperArgument.display_type_rich = _argument_type  # type: ignore[assignment,method-assign]
    TyperOption.display_type_rich = _option_type  # type: ignore[method-assign]
