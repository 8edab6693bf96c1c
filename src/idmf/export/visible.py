"""The visible text of a Word document, as a sign-off signs it: the body's paragraphs and table cells in
reading order, normalised, with headers and footers left out (they carry the export date and page numbers).

Each paragraph is its text with white space collapsed (Unicode NFC); empty paragraphs are dropped; a table is
its rows of cells, each cell its own paragraphs (and tables). Runs marked hidden (directly or through their
style) are kept but marked, and pictures, objects and embedded documents appear as markers, so hiding or
adding something people would read changes the result; tracked deletions and field codes are not text. The
hash is the SHA-256 of the RFC 8785 canonical JSON of that structure (strings, lists and the one key "table",
for which RFC 8785 is exactly json.dumps with sorted keys and no spaces), so Word or LibreOffice re-saving an
unchanged document (splitting runs, adding bookmarks) leaves it as it was.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import unicodedata
import zipfile
from pathlib import Path
from typing import Union

from lxml import etree

from idmf.export.embed import DocxImportError, open_docx, read_docx_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
MAX_PART_BYTES = 50 * 1024 * 1024
_OFF = ("0", "false", "off")
_SKIPPED = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", W + "sectPr",
            W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr", W + "proofErr", W + "bookmarkStart",
            W + "bookmarkEnd", _MC + "Fallback"}
_MARKERS = {W + "drawing": "picture", W + "pict": "picture", W + "object": "object"}
# Documents without any of these (every export of the app) take the fast path: each paragraph's text in C.
_SPECIAL = (W + "vanish", W + "del", W + "moveFrom", _MC + "AlternateContent", *_MARKERS)
_TEXT = {W + "t": None, W + "tab": " ", W + "ptab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}

Block = Union[str, dict]


_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml"}


def _children(element: etree._Element, tag: str):
    """Children with `tag`, looking through content controls and custom XML wrapped around them."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _on(element: etree._Element | None) -> bool:
    return element is not None and element.get(W + "val", "1").lower() not in _OFF


class _Styles:
    """Which styles hide their text (w:vanish), following each style's basedOn chain."""

    def __init__(self, root: etree._Element | None) -> None:
        self._hidden: dict[str, bool | None] = {}
        self._based: dict[str, str] = {}
        self.names: dict[str, str] = {}  # style id → its name ("Heading1" → "heading 1")
        for style in (root.iter(W + "style") if root is not None else ()):
            sid = style.get(W + "styleId", "")
            named = style.find(W + "name")
            self.names[sid] = (named.get(W + "val", "") if named is not None else sid).lower()
            vanish = style.find(f"{W}rPr/{W}vanish")
            self._hidden[sid] = None if vanish is None else _on(vanish)
            based = style.find(W + "basedOn")
            if based is not None:
                self._based[sid] = based.get(W + "val", "")

    def any_hidden(self) -> bool:
        """Whether any style hides text."""
        return any(self._hidden.values())

    def hides(self, style_id: str | None) -> bool:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if self._hidden.get(style_id) is not None:
                return bool(self._hidden[style_id])
            style_id = self._based.get(style_id)
        return False


class _Reader:
    def __init__(self, styles: _Styles, simple: bool = False) -> None:
        self.styles = styles
        self.simple = simple and not styles.any_hidden()

    def blocks(self, container: etree._Element, paragraph_style: str | None = None) -> list[Block]:
        """Paragraphs and tables of a body, a cell or a content control, in order."""
        out: list[Block] = []
        for child in container:
            if child.tag == W + "p":
                text = self.paragraph(child)
                if text:
                    out.append(text)
            elif child.tag == W + "tbl":
                out.append({"table": [[self.blocks(cell) for cell in _children(row, W + "tc")]
                                      for row in _children(child, W + "tr")]})
            elif child.tag == W + "altChunk":
                out.append("⟦embedded document⟧")
            elif child.tag not in _SKIPPED:
                out.extend(self.blocks(child))  # sdt, sdtContent, customXml: their content is shown
        return out

    def paragraph(self, p: etree._Element) -> str:
        if self.simple:
            text = "".join(el.text or "" if (t := _TEXT[el.tag]) is None else t for el in p.iter(*_TEXT))
            return " ".join(unicodedata.normalize("NFC", text).split())
        style = p.find(f"{W}pPr/{W}pStyle")
        hidden = self.styles.hides(style.get(W + "val") if style is not None else None)
        parts: list[str] = []
        self._inline(p, parts, hidden)
        return " ".join(unicodedata.normalize("NFC", "".join(parts)).split())

    def _inline(self, element: etree._Element, parts: list[str], hidden: bool) -> None:
        for child in element:
            if child.tag == W + "r":
                self._run(child, parts, hidden)
            elif child.tag not in _SKIPPED:
                self._inline(child, parts, hidden)  # hyperlinks, insertions, fields, content controls

    def _run(self, run: etree._Element, parts: list[str], hidden: bool) -> None:
        props = run.find(W + "rPr")
        if props is not None:
            style = props.find(W + "rStyle")
            vanish = props.find(W + "vanish")
            hidden = _on(vanish) if vanish is not None else hidden or self.styles.hides(
                style.get(W + "val") if style is not None else None)
        text: list[str] = []
        for part in run:
            if part.tag == W + "t":
                text.append(part.text or "")
            elif part.tag in (W + "tab", W + "ptab"):
                text.append(" ")
            elif part.tag in (W + "br", W + "cr"):
                text.append("\n")
            elif part.tag == W + "noBreakHyphen":
                text.append("-")
            elif part.tag in _MARKERS:
                inside = [self.paragraph(p) for p in part.iter(W + "p")]
                text.append(f" ⟦{_MARKERS[part.tag]}{': ' + ' / '.join(t for t in inside if t) if any(inside) else ''}⟧ ")
        joined = "".join(text)
        parts.append(f"⟦hidden: {joined}⟧" if hidden and joined.strip() else joined)


def _target(archive: zipfile.ZipFile, rels_name: str, base: str, kind: str) -> str | None:
    try:
        root = etree.fromstring(archive.read(rels_name), _PARSER)
    except KeyError:
        return None
    for rel in root.iter(_REL + "Relationship"):
        if rel.get("Type", "").endswith("/" + kind) and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join(base, rel.get("Target", ""))).lstrip("/")
    return None


def _part(archive: zipfile.ZipFile, name: str | None, needed=lambda data: True) -> etree._Element | None:
    """A part of the package, parsed (None when it is absent, or when `needed(its bytes)` says it need not be)."""
    if name is None:
        return None
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise DocxImportError(f"The Word document's part {name} is too large to check.")
    data = read_docx_part(Path(archive.filename or "The Word document"), archive, info)  # the limits, as it inflates
    return etree.fromstring(data, _PARSER) if needed(data) else None


def _may_hide(styles: bytes) -> bool:
    """Whether a styles part can hide text: it names w:vanish, or is not in an ASCII-compatible encoding in
    which that could be seen (parsing Word's 350 KB of styles is most of the time a check takes)."""
    return b"vanish" in styles or styles[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in styles[:200]


def visible_blocks(source: Path | bytes) -> list[Block]:
    """The visible text of a .docx (a path or its bytes) as paragraphs and tables, in reading order."""
    body, reader = read_body(source)
    return reader.blocks(body)


def read_body(source: Path | bytes, always_styles: bool = False) -> tuple[etree._Element, "_Reader"]:
    """A .docx's parsed body and the reader that gives each of its paragraphs' visible text (`reader.paragraph`);
    `always_styles`: parse the styles part even when it hides nothing (to read paragraph styles' names)."""
    name = source.name if isinstance(source, Path) else "The Word document"
    try:
        with open_docx(Path(name) if isinstance(source, bytes) else source,
                       source if isinstance(source, bytes) else None) as archive:
            main = _target(archive, "_rels/.rels", "/", "officeDocument")
            document = _part(archive, main)
            if document is None or document.find(W + "body") is None:
                raise DocxImportError(f"{name} is not a Word document: it has no main document text.")
            folder = posixpath.dirname(main)
            rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
            styles = _part(archive, _target(archive, rels, "/" + folder, "styles"),
                           (lambda data: True) if always_styles else _may_hide)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, KeyError) as exc:
        raise DocxImportError(f"{name} cannot be read as a Word document ({exc}).") from None
    body = document.find(W + "body")
    simple = next(body.iter(*_SPECIAL), None) is None
    return body, _Reader(_Styles(styles), simple)


def canonical(blocks: list[Block]) -> bytes:
    """The RFC 8785 form of visible blocks (only strings, lists and the key "table": json.dumps's, sorted)."""
    return json.dumps(blocks, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def visible_text_sha256(source: Path | bytes) -> str:
    """SHA-256 (hex) of the RFC 8785 canonical JSON of a document's visible text."""
    return hashlib.sha256(canonical(visible_blocks(source))).hexdigest()
