"""Templates to Markdown, Markdown to PDF: the one pipeline for every report and document.

A report is a plain context (dicts, lists, strings, dates) rendered by a Jinja template
into Markdown. Every value a template prints is escaped for Markdown, so data never
becomes markup. The Markdown is turned into Typst by pandoc, with its raw pass-through
extensions off, placed in psi's page style, and compiled to PDF by the typst wheel.
On the way to pandoc (never in the Markdown psi writes) each table is sized by its content
and its numbers right-aligned, and a `::: keep` block is kept on one page.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psi.errors import FileProblem, InvalidInput
from psi.reports.layout import prepare_for_pandoc
from psi.words import LOCALES, _, locale, words

if TYPE_CHECKING:
    import jinja2

TEMPLATES_ENV = "PSI_TEMPLATES"
PARTNERSHIP = "Partnerskapet för sociala innovationer"
LANGUAGES = tuple(LOCALES)
FORMATS = ("md", "pdf", "docx", "odt", "html")
REFERENCE_DOCS = {"docx": "reference.docx", "odt": "reference.odt"}
HTML_STYLE = "report.css"
PAGE_STYLE = "page.typ"
PANDOC_MARKDOWN = (
    "markdown-raw_attribute-raw_html-raw_tex-tex_math_dollars-tex_math_single_backslash"
    "-citations-auto_identifiers-implicit_figures-smart"
)

# Characters that can start Markdown (or pandoc) markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]<>#|$@~^&])")
# Markers that only mean something at the start of a line: lists, quotes, headings.
# Pandoc's fancy lists also start at "a. ", "iv) ", "(b) " and "(1) ".
_LINE_START = re.compile(
    r"^(\s*)([-+>:=]|\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)](?=\s|$))", re.MULTILINE
)


class Markdown(str):
    """Markdown written by psi itself (never data), which the templates print as it is."""


@dataclass(frozen=True)
class DocumentRequest:
    """What the user asked of a document: its format, file, language and templates folder.

    Built once from the command's options, already checked (psi.commands._options).
    """

    file_format: str  # one of FORMATS
    output: Path | None  # None: Markdown to standard output, else a file named by the document
    lang: str  # one of LANGUAGES
    user_dir: Path | None  # the user's templates folder, if any


def gap(what: str, lang: str = "sv") -> Markdown:
    """A clearly marked placeholder for a fact the database lacks."""
    label = words(lang).gettext("MISSING")
    return Markdown(f"**\\[{label}: {escape_markdown(what)}\\]**")


def escape_markdown(value: Any) -> str:
    """Text as Markdown that shows exactly that text: every markup character escaped."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    text = _INLINE.sub(r"\\\1", str(value))
    return _LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def oneline(value: Any) -> str:
    """A value on one line, for table cells and headings."""
    return " ".join(str(value or "").split())


def check_language(lang: str) -> str:
    """`sv` or `en`, else InvalidInput."""
    value = lang.strip().casefold()
    if value not in LANGUAGES:
        raise InvalidInput(
            _("'{lang}' is not a report language; use --lang sv or --lang en.").format(lang=lang)
        )
    return value


def check_format(file_format: str, allowed: tuple[str, ...] = FORMATS) -> str:
    """One of the allowed output formats, else InvalidInput."""
    value = file_format.strip().casefold()
    if value not in allowed:
        raise InvalidInput(
            _("'{format}' is not a format here; use --format {formats} or {last}.").format(
                format=file_format, formats=", ".join(allowed[:-1]), last=allowed[-1]
            )
        )
    return value


def format_date(day: date | None, lang: str = "sv") -> str:
    """`10 mars 2026` in Swedish, `10 March 2026` in English."""
    if day is None:
        return ""
    from babel.dates import format_date as babel_format

    return str(babel_format(day, format="d MMMM y", locale=locale(lang)))


def format_number(value: float, lang: str = "sv", *, decimals: int = 0) -> str:
    """`1 949` and `10,5` in Swedish (non-breaking space), `1,949` and `10.5` in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = str(format_decimal(value, format=pattern, locale=locale(lang)))
    return text.replace("\u2212", "-")


def format_month(day: date, lang: str = "sv") -> str:
    """`mars` in Swedish, `March` in English."""
    from babel.dates import format_date as babel_format

    return str(babel_format(day, format="LLLL", locale=locale(lang)))


def format_weekday(day: date, lang: str = "sv") -> str:
    """`tisdag` in Swedish, `Tuesday` in English."""
    from babel.dates import format_date as babel_format

    return str(babel_format(day, format="EEEE", locale=locale(lang)))


def format_time_span(start: time | None, end: time | None = None) -> str:
    """`13:00–15:00` (an en dash), `13:00` without an end, empty without a start: the one way
    psi's documents write a meeting's time, in both languages (the words around it, "kl.",
    "at", are the template's)."""
    if start is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if end is not None else f"{start:%H:%M}"


def format_names(names: Sequence[str], lang: str = "sv") -> str:
    """`A, B och C` in Swedish, `A, B and C` in English, `A och B`, `A`; empty for no names."""
    if not names:
        return ""
    from babel.lists import format_list

    return str(format_list(list(names), locale=locale(lang)))


def builtin_templates() -> Path:
    """The templates shipped in the wheel (psi/templates), or the checkout's templates/."""
    shipped = Path(str(resources.files("psi"))) / "templates"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "templates"


def user_templates(option: Path | None) -> Path | None:
    """The user's templates folder: --templates, else PSI_TEMPLATES, else none."""
    value = option or (Path(os.environ[TEMPLATES_ENV]) if os.environ.get(TEMPLATES_ENV) else None)
    if value is None:
        return None
    folder = value.expanduser()
    if not folder.is_dir():
        raise FileProblem(
            _(
                "The templates folder {folder} does not exist; create it with "
                "`psi report templates --copy {folder}`."
            ).format(folder=folder)
        )
    return folder


def find_template(name: str, user_dir: Path | None) -> Path:
    """A template file by name: the user's copy if there is one, else the built-in one.

    The file's real path must lie in its folder: a link out of the folder is refused.
    """
    from psi.reports.confine import template_file

    for folder in (user_dir, builtin_templates()):
        path = None if folder is None else template_file(folder, [name])
        if path is not None:
            return path
    raise FileProblem(_("The template {name} is missing from psi's templates.").format(name=name))


def render_markdown(template: str, context: dict[str, Any], request: DocumentRequest) -> str:
    """Render `<template>.<lang>.md.j2` with the context; a missing value is an error.

    Templates render in Jinja's sandbox, which lets them show their data and nothing more:
    no Python internals, no changing the data, and no file from outside their folder.
    """
    import jinja2
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    lang = request.lang
    name = f"{template}.{lang}.md.j2"
    path = find_template(name, request.user_dir)
    environment = ImmutableSandboxedEnvironment(
        loader=_folder_loader(path.parent),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=escape_markdown,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_bytecode_cache(),
    )
    environment.filters["oneline"] = oneline
    environment.filters["longdate"] = lambda day: format_date(day, lang)
    environment.filters["weekday"] = lambda day: format_weekday(day, lang)
    environment.globals["gap"] = lambda what: gap(what, lang)
    try:
        return environment.get_template(name).render(**context)
    except SecurityError as exc:
        raise FileProblem(
            _(
                "The template {path} tries something a template may not do ({problem}); "
                "a template can only show the data it is given."
            ).format(path=path, problem=str(exc).rstrip("."))
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise FileProblem(
            _(
                "The template {path} uses {name}, which is not a template in {folder}; "
                "put that file in the same folder."
            ).format(path=path, name=exc.name, folder=path.parent)
        ) from None
    except jinja2.TemplateError as exc:
        raise FileProblem(
            _("The template {path} cannot be used: {problem}.").format(path=path, problem=exc)
        ) from None
    except UnicodeDecodeError:
        raise FileProblem(
            _("The template {path} is not UTF-8 text; save it as UTF-8.").format(path=path)
        ) from None
    except RecursionError:
        raise FileProblem(
            _(
                "The template {path} includes or extends itself without end; remove that loop."
            ).format(path=path)
        ) from None
    except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
        # A user's template can compute; what fails there is the template's fault.
        raise FileProblem(
            _("The template {path} fails while rendering: {problem}.").format(
                path=path, problem=exc
            )
        ) from None


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder, so a report skips Jinja's compiler.

    Jinja keys each entry by the template's path and checks it against a hash of the source,
    so an edited template is compiled afresh. Without a writable cache folder psi compiles
    every time, as before.
    """
    from jinja2 import FileSystemBytecodeCache
    from platformdirs import user_cache_dir

    class QuietCache(FileSystemBytecodeCache):
        """A cache that a full disk or a vanished folder only makes slower, never fails."""

        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            with suppress(OSError):
                super().dump_bytecode(bucket)

    folder = Path(user_cache_dir("psi", appauthor=False)) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietCache(str(folder))


def _folder_loader(folder: Path) -> jinja2.BaseLoader:
    """A Jinja loader for the templates in `folder`, refusing any whose real path is outside it."""
    import jinja2
    from jinja2.loaders import split_template_path

    from psi.reports.confine import template_file

    def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
        path = template_file(folder, split_template_path(name))
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8"), str(path), lambda: True
        except OSError as exc:
            raise FileProblem(
                _("Cannot read the template {path}: {reason}.").format(
                    path=path, reason=exc.strerror
                )
            ) from None

    return jinja2.FunctionLoader(load)


def markdown_to_typst(markdown: str) -> str:
    """Markdown to Typst markup by pandoc, escaping all text for Typst.

    Tables are sized by their content and keep-together blocks made unbreakable first
    (prepare_for_pandoc), and no text may start a list, heading or term where pandoc leaves
    Typst's markers unescaped (_protect_markers).
    """
    import pypandoc

    with _pandoc_warnings() as said:
        typst = str(
            pypandoc.convert_text(
                prepare_for_pandoc(markdown, "typst"),
                "typst",
                format=PANDOC_MARKDOWN,
                extra_args=["--sandbox"],
            )
        )
    _report_pandoc_warnings(said)
    return _protect_markers(typst)


# Where Typst starts a structure and pandoc escapes no marker: at the start of a content block
# (a table cell, a link's text) and right after a list, enum, term or heading marker. Pandoc
# escapes these markers at the start of a paragraph only, so a cell or item whose text begins
# "2. ", "- ", "+ ", "= " or "/ " would become a list, heading or term there (and a "/ "
# without a colon would not even compile).
_MARKER = re.compile(
    r"(?P<start>(?<!\\)\[[ \t]*|^[ \t]*(?:[-+/]|=+|\d+\.)[ \t]+)(?P<marker>\d+\.|=+|[-+/])(?=[ \t]|$)",
    re.MULTILINE,
)


def _protect_markers(typst: str) -> str:
    """Typst from pandoc with every marker that text put at a structure's start escaped."""
    return _MARKER.sub(_escape_typst_marker, typst)


def _escape_typst_marker(match: re.Match[str]) -> str:
    start, marker = match.group("start"), match.group("marker")
    if marker.endswith("."):
        return f"{start}{marker[:-1]}\\."  # 2. -> 2\.
    return f"{start}\\{marker}"  # - -> \-, == -> \==


def chart_slots(names: Sequence[str]) -> dict[str, str]:
    """A marker per chart, unguessable, for a template to place where the chart goes in a PDF."""
    nonce = secrets.token_hex(8)
    return {name: f"psichart{nonce}{index}" for index, name in enumerate(names)}


def _place_charts(
    typst_source: str, slots: Mapping[str, str], charts: Mapping[str, Any]
) -> tuple[str, dict[str, str]]:
    inputs: dict[str, str] = {}
    for name, marker in slots.items():
        chart = charts.get(name)
        call = ""
        if chart and chart.get("bars"):
            inputs[f"chart-{name}"] = json.dumps(chart, ensure_ascii=False)
            call = f'#psi-bar-chart(json(bytes(sys.inputs.at("chart-{name}"))))'
        typst_source = re.sub(rf"^{re.escape(marker)}$", call, typst_source, flags=re.MULTILINE)
    return typst_source, inputs


def markdown_to_pdf(
    markdown: str,
    request: DocumentRequest,
    *,
    title: str,
    header: str,
    dated: date | None = None,
    charts: Mapping[str, Any] | None = None,
    slots: Mapping[str, str] | None = None,
) -> bytes:
    """A PDF in psi's page style: A4, page numbers, a header with the partnership and date.

    Charts are data (labels and numbers, passed as JSON through sys.inputs) drawn by the
    page style's psi-bar-chart where the template placed their markers.
    """
    import typst

    style = find_template(PAGE_STYLE, request.user_dir)
    try:
        page_style = style.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FileProblem(
            _("The page style {path} is not UTF-8 text; save it as UTF-8.").format(path=style)
        ) from None
    body, chart_inputs = _place_charts(markdown_to_typst(markdown), slots or {}, charts or {})
    source = page_style + "\n" + body
    inputs = {
        **chart_inputs,
        "title": title,
        "header": header,
        "date": format_date(dated or date.today(), request.lang),
        "lang": request.lang,
    }
    # The document is compiled in an empty folder of its own, so it can read no other file.
    with tempfile.TemporaryDirectory(prefix="psi-pdf-") as folder:
        main = Path(folder) / "document.typ"
        main.write_text(source, encoding="utf-8")
        try:
            pdf = typst.compile(str(main), sys_inputs=inputs, root=folder)
        except RuntimeError as exc:
            raise FileProblem(
                _("The PDF could not be made with {path}: {problem}").format(
                    path=style, problem=exc
                )
            ) from None
    assert isinstance(pdf, bytes)
    return pdf


def markdown_to_editable(markdown: str, request: DocumentRequest, *, title: str) -> bytes:
    """Word, OpenDocument or self-contained HTML from the same Markdown, through pandoc.

    docx and odt take their look from reference.docx / reference.odt (the user's own in
    their templates folder, if there is one); HTML has its style sheet inlined. Pandoc runs
    sandboxed, so it reads no file but the reference document and the style: pictures come
    into the document only from the templates folder, inlined here as data: URIs.
    """
    import pypandoc

    from psi.reports.confine import inline_css

    file_format, lang, user_dir = request.file_format, request.lang, request.user_dir
    args = [
        "--sandbox",
        f"--metadata=lang={locale(lang).replace('_', '-')}",
        f"--metadata=pagetitle={title}",
    ]
    with tempfile.TemporaryDirectory(prefix="psi-doc-") as folder, _pandoc_warnings() as said:
        if file_format in REFERENCE_DOCS:
            args.append(f"--reference-doc={find_template(REFERENCE_DOCS[file_format], user_dir)}")
        else:
            css = find_template(HTML_STYLE, user_dir)
            style = Path(folder) / "style.html"
            style.write_text(
                f'<style type="text/css">\n{inline_css(css, css.parent)}</style>', encoding="utf-8"
            )
            # The style replaces pandoc's own, as --css would (which the sandbox cannot read).
            args += [
                "--standalone",
                "--embed-resources",
                f"--include-in-header={style}",
                "--metadata=document-css=false",
            ]
        target = Path(folder) / f"document.{file_format}"
        try:
            source, source_format = _images_inlined(
                prepare_for_pandoc(markdown, file_format), user_dir or builtin_templates()
            )
            pypandoc.convert_text(
                source,
                file_format,
                format=source_format,
                outputfile=str(target),
                extra_args=args,
            )
        except RuntimeError as exc:
            first = next(
                (line for line in str(exc).splitlines() if line.strip()), _("pandoc failed")
            )
            raise FileProblem(
                _("The {format} document could not be made: {problem}").format(
                    format=file_format, problem=first
                )
            ) from None
        document = target.read_bytes()
    _report_pandoc_warnings(said)
    return document


def _images_inlined(markdown: str, folder: Path) -> tuple[str, str]:
    """The document, and its pandoc format, with the folder's images inlined as data: URIs.

    Without `![` there is no image (data is escaped, so it never makes one), and the Markdown
    goes to pandoc as it is.
    """
    import pypandoc

    from psi.reports.confine import inline_images

    if "![" not in markdown:
        return markdown, PANDOC_MARKDOWN
    document = json.loads(
        pypandoc.convert_text(markdown, "json", format=PANDOC_MARKDOWN, extra_args=["--sandbox"])
    )
    inline_images(document, folder)
    return json.dumps(document, ensure_ascii=False), "json"


class _Collect(logging.Handler):
    """Keeps the messages pypandoc logs, instead of its own handler printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().strip())


@contextmanager
def _pandoc_warnings() -> Iterator[list[str]]:
    """Collect pandoc's warnings for one conversion.

    pypandoc otherwise adds a handler bound to the standard error of the moment it first
    runs, which prints a logging traceback once that stream is gone (as under a test
    runner) and a `[WARNING]` line in its own format.
    """
    logger = logging.getLogger("pypandoc")
    collect = _Collect()
    saved = (logger.handlers[:], logger.propagate)
    logger.handlers = [collect]
    logger.propagate = False
    try:
        yield collect.messages
    finally:
        logger.handlers, logger.propagate = saved


def _report_pandoc_warnings(messages: Sequence[str]) -> None:
    """Show pandoc's warnings (a resource it could not fetch, say) as one line each."""
    from psi.console import warn

    for message in dict.fromkeys(m for m in messages if m):
        warn(f"pandoc: {message.splitlines()[0]}")
