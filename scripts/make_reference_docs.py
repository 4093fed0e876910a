"""Build templates/reference.docx and templates/reference.odt from pandoc's defaults.

The defaults are US Letter without page numbers; psi's documents are A4, Swedish, with
page numbers in the footer, like the PDFs. Run once after upgrading pandoc:

    python scripts/make_reference_docs.py
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pypandoc

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

DOCX_SECTION = (
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdPsiFooter"/>'
    '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1474" w:right="1361" w:bottom="1361" w:left="1361" '
    'w:header="709" w:footer="567" w:gutter="0"/></w:sectPr>'
)
DOCX_FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
)

# psi's own styles: "Keep" for a block that stays on one page ("::: keep", the signature
# block), tables at 9.5 pt, and a definition list's term as plain text over its indented
# description (the follow-up's Bedömningsgrunder).
KEEP_STYLE = (
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Keep">\n'
    '    <w:name w:val="Keep" />\n    <w:basedOn w:val="BodyText" />\n    <w:qFormat />\n'
    "    <w:pPr>\n      <w:keepNext />\n      <w:keepLines />\n    </w:pPr>\n  </w:style>\n  "
)
DOCX_STYLE_EDITS = (
    (
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact">',
        KEEP_STYLE + '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact">',
    ),
    (
        '<w:name w:val="Table" />\n    <w:basedOn w:val="TableNormal" />\n    <w:semiHidden />\n'
        "    <w:unhideWhenUsed />\n    <w:qFormat />\n",
        '<w:name w:val="Table" />\n    <w:basedOn w:val="TableNormal" />\n    <w:semiHidden />\n'
        "    <w:unhideWhenUsed />\n    <w:qFormat />\n"
        '    <w:rPr>\n      <w:sz w:val="19" />\n      <w:szCs w:val="19" />\n    </w:rPr>\n',
    ),
    (
        '      <w:keepLines />\n      <w:spacing w:after="0" />\n    </w:pPr>\n'
        "    <w:rPr>\n      <w:b />\n    </w:rPr>\n",
        '      <w:keepLines />\n      <w:spacing w:before="0" w:after="0" />\n    </w:pPr>\n',
    ),
    (
        '<w:name w:val="Definition" />\n    <w:basedOn w:val="Normal" />\n',
        '<w:name w:val="Definition" />\n    <w:basedOn w:val="Normal" />\n'
        '    <w:pPr>\n      <w:ind w:left="720" />\n    </w:pPr>\n',
    ),
)
ODT_KEEP_STYLE = (
    '<style:style style:name="Keep"\n    style:display-name="Keep" style:family="paragraph"\n'
    '    style:parent-style-name="Text_20_body" style:class="text">\n'
    '      <style:paragraph-properties fo:keep-with-next="always"\n'
    '      fo:keep-together="always" />\n    </style:style>\n    '
)


def _default(name: str) -> bytes:
    pandoc = pypandoc.get_pandoc_path()
    return subprocess.run(
        [pandoc, "--print-default-data-file", name], capture_output=True, check=True
    ).stdout


def _rewrite(data: bytes, edits: dict[str, str], extra: dict[str, str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename in edits:
                content = edits[item.filename].encode("utf-8")
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(item, content, compress_type=compress)
        for name, text in extra.items():
            target.writestr(name, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def make_docx() -> bytes:
    """A4, 10.5 pt, Swedish, page numbers centred in the footer; psi's own styles."""
    data = _default("reference.docx")
    parts = zipfile.ZipFile(io.BytesIO(data))
    document = parts.read("word/document.xml").decode()
    document = re.sub(r"<w:sectPr>.*?</w:sectPr>", DOCX_SECTION, document, flags=re.S)
    if "xmlns:r=" not in document:
        document = document.replace(
            "<w:document ",
            '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    styles = parts.read("word/styles.xml").decode()
    styles = styles.replace('<w:sz w:val="24" />', '<w:sz w:val="21" />', 1)
    styles = styles.replace('<w:szCs w:val="24" />', '<w:szCs w:val="21" />', 1)
    styles = styles.replace('w:val="en-US"', 'w:val="sv-SE"', 1)
    for before, after in DOCX_STYLE_EDITS:
        if before not in styles:
            raise SystemExit(
                f"pandoc's reference.docx changed; update DOCX_STYLE_EDITS: {before!r}"
            )
        styles = styles.replace(before, after, 1)
    rels = parts.read("word/_rels/document.xml.rels").decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdPsiFooter" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
        'Target="footer1.xml"/></Relationships>',
    )
    types = parts.read("[Content_Types].xml").decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footer1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    )
    return _rewrite(
        data,
        {
            "word/document.xml": document,
            "word/styles.xml": styles,
            "word/_rels/document.xml.rels": rels,
            "[Content_Types].xml": types,
        },
        {"word/footer1.xml": DOCX_FOOTER},
    )


def make_odt() -> bytes:
    """A4 with 2.4 cm margins, page numbers in the footer, and the Keep style."""
    data = _default("reference.odt")
    styles = zipfile.ZipFile(io.BytesIO(data)).read("styles.xml").decode()
    styles = re.sub(r'fo:page-width="[^"]*"', 'fo:page-width="21cm"', styles)
    styles = re.sub(r'fo:page-height="[^"]*"', 'fo:page-height="29.7cm"', styles)
    for side in ("top", "bottom", "left", "right"):
        styles = re.sub(rf'fo:margin-{side}="1in"', f'fo:margin-{side}="2.4cm"', styles)
    styles = re.sub(
        r"(<style:master-page [^>]*?)/>",
        r'\1><style:footer><text:p text:style-name="Footer">'
        r'<text:page-number text:select-page="current">1</text:page-number>'
        r"</text:p></style:footer></style:master-page>",
        styles,
        count=1,
    )
    first = '<style:style style:name="First_20_paragraph"'
    if first not in styles:
        raise SystemExit("pandoc's reference.odt changed; update where the Keep style goes")
    styles = styles.replace(first, ODT_KEEP_STYLE + first, 1)
    return _rewrite(data, {"styles.xml": styles}, {})


if __name__ == "__main__":
    (TEMPLATES / "reference.docx").write_bytes(make_docx())
    (TEMPLATES / "reference.odt").write_bytes(make_odt())
    print("wrote", TEMPLATES / "reference.docx", TEMPLATES / "reference.odt")
