"""A templates folder brings only its own files into a document.

A templates folder is something people pass around, so nothing in it may reach outside it:
a template, style or picture whose real path (links followed) lies outside the folder is
refused, and a style sheet or a template's image is inlined only from a file in the folder.
Pandoc itself runs sandboxed (it reads no file but those named on its command line), so
these checks are what lets the folder's own pictures in, and the sandbox is what keeps
everything else out even where a check here misses a reference.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from pathlib import Path, PureWindowsPath
from typing import Any
from urllib.parse import unquote, urlsplit

from psi.errors import FileProblem
from psi.words import _

# url(...) in CSS: double-quoted, single-quoted or bare.
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s"']*))\s*\)""", re.IGNORECASE)


def inside(path: Path, folder: Path) -> Path:
    """`path` itself, after checking that its real path (links followed) lies inside `folder`."""
    if not path.resolve().is_relative_to(folder.resolve()):
        raise FileProblem(
            _(
                "{path} is a link to a file outside the templates folder {folder}; links must "
                "stay inside the folder, so copy the file into it instead."
            ).format(path=path, folder=folder)
        )
    return path


def template_file(folder: Path, pieces: list[str]) -> Path | None:
    """The template file at `pieces` (a name split at /) in `folder`, or None if there is none."""
    path = folder.joinpath(*pieces)
    if not path.is_file():
        return None
    return inside(path, folder)


def local_file(ref: str, base: Path, folder: Path, refused: str) -> Path | None:
    """The file in `folder` that a reference from a file in `base` names, if there is one.

    References that fetch nothing (data: URIs, fragments) and names of files that do not
    exist give None; the caller leaves those as they are. A reference to anything outside
    the folder (an absolute path, `..`, a URL, a link out) is refused with the message
    `refused`, whole (it names the reference and the folder).
    """
    outside = FileProblem(refused)
    try:
        parts = urlsplit(ref)
    except ValueError:  # a malformed URL, such as an unclosed [ in its host
        raise outside from None
    if parts.scheme.casefold() == "data" or not (parts.scheme or parts.netloc or parts.path):
        return None
    name = unquote(parts.path)
    lexical = Path(os.path.normpath(base.absolute() / name))
    rooted = name.startswith(("/", "\\")) or bool(PureWindowsPath(name).drive)
    # Any scheme but data: is a URL or a Windows drive (C:/...): never a file of the folder.
    if parts.scheme or parts.netloc or rooted or not lexical.is_relative_to(_absolute(folder)):
        raise outside
    if not lexical.is_file():
        return None
    return inside(lexical, folder)


def _absolute(folder: Path) -> Path:
    return Path(os.path.normpath(folder.absolute()))


def data_uri(path: Path) -> str:
    """The file's bytes as a data: URI, typed by its name."""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def inline_css(css: Path, folder: Path) -> str:
    """The style sheet's text with every url() of a file in `folder` made a data: URI.

    A url() of a file anywhere else is refused, and so is a `</style`, which would end the
    style element the sheet is placed in.
    """
    try:
        text = css.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FileProblem(
            _("The style sheet {sheet} is not UTF-8 text; save it as UTF-8.").format(sheet=css)
        ) from None
    except OSError as exc:
        raise FileProblem(
            _("Cannot read {path}: {reason}.").format(path=css, reason=exc.strerror)
        ) from None
    if "</style" in text.casefold():
        raise FileProblem(
            _("The style sheet {sheet} contains </style; remove it from the sheet.").format(
                sheet=css
            )
        )

    def replace(match: re.Match[str]) -> str:
        ref = next(group for group in match.groups() if group is not None)
        refused = _(
            "The style sheet {sheet} refers to {ref}, which is not a file inside the templates "
            "folder {folder}; put the file in the folder and refer to it by its name there."
        ).format(sheet=css, ref=ref, folder=folder)
        path = local_file(ref, css.parent, folder, refused)
        return f'url("{data_uri(path)}")' if path else match.group(0)

    return _CSS_URL.sub(replace, text)


def inline_images(node: Any, folder: Path) -> None:
    """Make each image of a pandoc document (its JSON) that is a file in `folder` a data: URI.

    An image from anywhere else is refused.
    """
    if isinstance(node, list):
        for item in node:
            inline_images(item, folder)
    elif isinstance(node, dict):
        if node.get("t") == "Image":
            target = node["c"][2]
            refused = _(
                "A template shows the image {ref}, which is not a file inside the templates "
                "folder {folder}; put the file in the folder and refer to it by its name there."
            ).format(ref=target[0], folder=folder)
            path = local_file(target[0], folder, folder, refused)
            if path is not None:
                target[0] = data_uri(path)
        for value in node.values():
            inline_images(value, folder)
