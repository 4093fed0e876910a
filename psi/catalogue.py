"""How psi's catalogue of words is made and checked, with Babel's own tools.

    python -m psi.catalogue extract   # psi/locale/psi.pot: every message of the code and help
    python -m psi.catalogue update    # merge it into psi/locale/sv/LC_MESSAGES/psi.po
    python -m psi.catalogue compile   # psi.po -> psi.mo, which the wheel ships and gettext reads
    python -m psi.catalogue missing [--only PLACE]  # what has no Swedish yet, as a .po to fill in
    python -m psi.catalogue merge FILE.po ...       # take a filled-in .po's translations

`extract` runs `pybabel extract` over psi's code with the keywords in psi.words (`_`,
`ngettext`, `pgettext`, `N_`, `NC_` ...), then adds the commands' help (docstrings, option
help, examples), which are plain strings read from the command tree, and the command-line
parser's own words. `update` and `compile` are `pybabel update` and `pybabel compile`.
Translate by editing psi.po (Poedit or any text editor), then `compile`; the tests fail
while a message has no Swedish or psi.mo is older than psi.po.

Never imported by psi at run time.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from psi.words import DOMAIN, KEYWORDS, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
LANGUAGES = ("sv",)
"""The languages psi is translated into (English is the msgids)."""


def po_path(lang: str) -> Path:
    """The translation file of a language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    """The compiled catalogue of a language, which gettext reads."""
    return po_path(lang).with_suffix(".mo")


def _keyword_options() -> list[str]:
    options: list[str] = []
    for name, spec in KEYWORDS.items():
        if spec is None:
            options += ["-k", name]
            continue
        parts = [f"{index[0]}c" if isinstance(index, tuple) else str(index) for index in spec]
        options += ["-k", f"{name}:{','.join(parts)}"]
    return options


def _pybabel(*args: str) -> None:
    # From the project's folder, so that places read "psi/commands/org.py:12".
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "-q", *args],
        check=True,
        cwd=PACKAGE.parent,
    )


def help_texts() -> Iterator[tuple[str, str]]:
    """Every help text of the command tree, with where it is: (text, command path)."""
    from psi.help_words import english_texts

    yield from english_texts()


def extract(*, locations: bool = False) -> Catalog:
    """The template: every message in the code, the commands' help and the parser's words
    (`locations`: with the file and line of each, for a translator's list of what is left)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "code.pot"
        _pybabel(
            "extract",
            *(() if locations else ("--no-location",)),
            "--sort-output",
            "--no-wrap",
            "--project=psi",
            *_keyword_options(),
            "-o",
            str(path),
            PACKAGE.name,
        )
        template = read_po(io.BytesIO(path.read_bytes()))
    for message in template:
        # psi's messages name their values in braces; "50 % of" is no %-placeholder.
        message.flags.discard("python-format")
    for text, where in help_texts():
        if text not in template:
            template.add(text, auto_comments=[f"help: {where}"])
    from psi.help_words import PARSER_WORDS

    for text in PARSER_WORDS:
        if text not in template:
            template.add(text, auto_comments=["the command-line parser"])
    return template


def write_template(template: Catalog) -> None:
    """Write psi.pot (sorted, no line numbers, so its diff shows only real changes)."""
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as out:
        write_po(out, template, width=0, omit_header=False, sort_output=True, no_location=True)


def read_translation(lang: str) -> Catalog:
    """A language's psi.po."""
    with po_path(lang).open("rb") as source:
        return read_po(source, locale=lang, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    """The .mo bytes Babel makes of a catalogue (fuzzy entries left out, as gettext wants)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _translated(message: Message | None) -> bool:
    if message is None or message.fuzzy:
        return False
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(isinstance(form, str) and form.strip() for form in forms)


def untranslated(lang: str, *fragments: Path) -> Catalog:
    """The messages with no translation in the language's psi.po nor in the given .po files,
    with where each is (file and line, or the command whose help it is)."""
    done = [read_translation(lang)]
    for fragment in fragments:
        with fragment.open("rb") as source:
            done.append(read_po(source, locale=lang))
    left = Catalog(locale=lang, domain=DOMAIN, project="psi")
    for message in extract(locations=True):
        if message.id and not any(
            _translated(catalog.get(message.id, context=message.context)) for catalog in done
        ):
            left[message.id] = message
    return left


def _where(message: Message) -> str:
    return " ".join([f"{file}:{line}" for file, line in message.locations] + message.auto_comments)


def missing(argv: list[str]) -> int:
    """`missing [FRAGMENT.po ...] [--only TEXT ...]`: what has no Swedish yet, as a .po file
    to translate (only messages whose place contains one of the TEXTs: a file, a command)."""
    only = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--only"]
    fragments = [
        Path(arg)
        for i, arg in enumerate(argv)
        if arg.endswith(".po") and argv[i - 1 : i] != ["--only"]
    ]
    left = untranslated("sv", *fragments)
    for message in list(left):
        if message.id and only and not any(text in _where(message) for text in only):
            left.delete(message.id, context=message.context)
    write_po(sys.stdout.buffer, left, width=0, sort_output=True)
    count = sum(1 for message in left if message.id)
    print(f"{count} messages without Swedish.", file=sys.stderr)
    return 1 if count else 0


def merge(lang: str, fragments: list[Path]) -> int:
    """Take the translations of .po files made with `missing` into the language's psi.po
    (only for messages it has, and never over a translation it holds); how many were taken."""
    target = read_translation(lang)
    taken = 0
    for fragment in fragments:
        with fragment.open("rb") as source:
            for message in read_po(source, locale=lang):
                found = target.get(message.id, context=message.context) if message.id else None
                if found is not None and not _translated(found) and _translated(message):
                    found.string = message.string
                    found.flags.discard("fuzzy")
                    taken += 1
    write_translation(lang, target)
    return taken


def write_translation(lang: str, catalog: Catalog) -> None:
    """Write a language's psi.po as `pybabel update` writes it."""
    with po_path(lang).open("wb") as out:
        write_po(out, catalog, width=0, sort_output=True, no_location=True, ignore_obsolete=True)


def main(argv: list[str]) -> int:
    """`python -m psi.catalogue extract|update|compile|missing [FRAGMENT.po ...]`."""
    if argv[:1] == ["missing"]:
        return missing(argv[1:])
    if argv[:1] == ["merge"]:
        taken = merge("sv", [Path(name) for name in argv[1:]])
        print(f"Took {taken} translations into {po_path('sv')}; now compile.")
        return 0
    if argv[:1] == ["extract"]:
        write_template(extract())
        print(f"Wrote {TEMPLATE}.")
    elif argv[:1] == ["update"]:
        write_template(extract())
        for lang in LANGUAGES:
            _pybabel(
                "update",
                "--no-wrap",
                "--no-fuzzy-matching",
                "--ignore-obsolete",
                "-D",
                DOMAIN,
                "-i",
                str(TEMPLATE),
                "-d",
                str(LOCALE_DIR),
                "-l",
                lang,
            )
    elif argv[:1] == ["compile"]:
        for lang in LANGUAGES:
            _pybabel("compile", "--statistics", "-D", DOMAIN, "-d", str(LOCALE_DIR), "-l", lang)
    else:
        print(
            "Usage: python -m psi.catalogue extract|update|compile|missing|merge", file=sys.stderr
        )
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
