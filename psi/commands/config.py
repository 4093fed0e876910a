"""`psi config`: the partnership's name, committee, signer and report defaults."""

from __future__ import annotations

from typing import Annotated

import typer

from psi import console
from psi.commands._common import session
from psi.commands._options import AsJson
from psi.domain.settings import BY_KEY
from psi.words import _, pgettext

app = typer.Typer(
    help="Set the partnership's name, region, committee, signer and report defaults.",
    epilog='Example: psi config set signer "Katarina Strömgren Sandh"',
    no_args_is_help=True,
    add_completion=False,
)
KeyArg = Annotated[str, typer.Argument(help=f"One of: {', '.join(BY_KEY)}.")]


@app.command("set", epilog="Example: psi config set signer-title Kulturchef")
def set_(
    ctx: typer.Context,
    key: KeyArg,
    value: Annotated[str, typer.Argument(help="The new value.")],
) -> None:
    """Change a setting."""
    from psi.services.settings import set_setting

    with session(ctx) as db:
        name, text = set_setting(db, key, value)
    console.success(f"{name} = {text}")


@app.command("get", epilog="Example: psi config get committee")
def get(ctx: typer.Context, key: KeyArg) -> None:
    """Print one setting."""
    from psi.services.settings import get_setting

    with session(ctx, write=False) as db:
        value = get_setting(db, key)
    console.say(value if value is not None else "")


@app.command("list", epilog="Example: psi config list --json")
def list_(
    ctx: typer.Context,
    as_json: AsJson = False,
) -> None:
    """List every setting with its value (or that it is not set)."""
    from psi.services.settings import all_settings

    with session(ctx, write=False) as db:
        values = all_settings(db)
    if as_json:
        console.print_json(values)
        return
    rows = [
        [key, value if value is not None else _("(not set)"), _(BY_KEY[key].help)]
        for key, value in values.items()
    ]
    headers = [
        pgettext("table heading", "Setting"),
        pgettext("table heading", "Value"),
        pgettext("table heading", "What it is"),
    ]
    console.print_table(headers, rows)
