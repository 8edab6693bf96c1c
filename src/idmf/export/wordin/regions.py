"""A Word document's visible paragraphs in reading order, each with the answer bookmark it lies in, the table
cell it sits in, its style and the Word comments that start in it.

The text of each paragraph is the sign-off's own reading (visible.read_body: tracked insertions in, tracked
deletions out, hidden text marked); this module adds only where each paragraph is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from idmf.export.anchors import split
from idmf.export.visible import W, read_body

_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}
_TRACKED = (W + "ins", W + "del", W + "moveFrom", W + "moveTo")
_TWO_WAY = re.compile(r"\b(yes|no)\b", re.IGNORECASE)


@dataclass
class Item:
    """One visible paragraph (or one empty table cell, text '') where it is in the document."""

    text: str
    anchor: str | None = None  # the app's innermost bookmark around it ("idmf_pc_age__n"), None outside answers
    cell: tuple[int, int, int] | None = None  # (table number, row, column) of the innermost table
    style: str = ""  # the paragraph style's name, lower case ("heading 1")
    bold: bool = False  # every run of text bold (a question in a hand-filled document)
    comments: list[str] = field(default_factory=list)  # ids of the Word comments anchored here
    tracked: list[str] = field(default_factory=list)  # authors of tracked changes in it
    adopted: bool = False  # added in Word outside every answer, and given to the answer next to it
    struck: str = ""  # its words struck through ("YES / NO" with NO struck out)
    marked: str = ""  # its words highlighted or shaded ("YES / NO" with YES highlighted)

    @property
    def question_id(self) -> str | None:
        """The question whose answer this paragraph belongs to."""
        parsed = split(self.anchor) if self.anchor else None
        return parsed[0] if parsed else None

    @property
    def part(self) -> str:
        parsed = split(self.anchor) if self.anchor else None
        return parsed[1] if parsed else ""


class _Walk:
    def __init__(self, reader) -> None:
        self.reader = reader
        self.items: list[Item] = []
        self.open: list[tuple[str, str]] = []  # (bookmark id, name) in the order they opened
        self.names: dict[str, str] = {}
        self.tables = 0

    def anchor(self) -> str | None:
        mine = [name for _, name in self.open if split(name)]
        return mine[-1] if mine else None

    def container(self, element: etree._Element, cell: tuple[int, int, int] | None) -> None:
        for child in element:
            if child.tag == W + "p":
                self.paragraph(child, cell)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "bookmarkStart", W + "bookmarkEnd"):
                self.bookmark(child)
            elif child.tag in _WRAPPERS:
                self.container(child, cell)

    def table(self, tbl: etree._Element) -> None:
        number, self.tables = self.tables, self.tables + 1
        rows = [r for r in _children(tbl, W + "tr")]
        for r, row in enumerate(rows):
            for child in row:
                if child.tag in (W + "bookmarkStart", W + "bookmarkEnd"):
                    self.bookmark(child)
            for c, tc in enumerate(_children(row, W + "tc")):
                before = len(self.items)
                self.container(tc, (number, r, c))
                if not any(item.text for item in self.items[before:]):  # an empty cell still holds its place
                    self.items.append(Item("", self.anchor(), (number, r, c)))

    def bookmark(self, element: etree._Element) -> None:
        ident = element.get(W + "id", "")
        if element.tag == W + "bookmarkStart":
            name = self.names[ident] = element.get(W + "name", "")
            if split(name):  # the app's answers never overlap: a new one closes any left open
                self.open = [(i, n) for i, n in self.open if not split(n)]
            self.open.append((ident, name))
        else:  # LibreOffice may write one bookmark as two starts and one end: the end closes the name
            name = self.names.get(ident)
            self.open = [(i, n) for i, n in self.open if i != ident and (name is None or n != name)]

    def paragraph(self, p: etree._Element, cell) -> None:
        early, late = _marks(p)
        for mark in early:
            self.bookmark(mark)
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(W + "val", "") if style is not None else ""
        comments = [el.get(W + "id", "") for el in p.iter(W + "commentRangeStart", W + "commentReference")]
        style_name = self.reader.styles.names.get(style_id, style_id.lower())
        item = Item(self.reader.paragraph(p), self.anchor(), cell, style_name,
                    _all_bold(p), list(dict.fromkeys(comments)),
                    [el.get(W + "author", "") for el in p.iter(*_TRACKED)])
        if item.text.strip() and _TWO_WAY.search(item.text):
            item.struck, item.marked = _emphasis(p)
        if item.text or item.comments:
            self.items.append(item)
        for mark in late:
            self.bookmark(mark)


def _flag(props, tag: str) -> bool:
    element = props.find(W + tag) if props is not None else None
    return element is not None and element.get(W + "val", "1").lower() not in ("0", "false", "off", "none")


def _emphasis(p: etree._Element) -> tuple[str, str]:
    """The words of a paragraph struck through, and those highlighted or shaded (how people answer YES / NO)."""
    struck, marked = [], []
    for run in p.iter(W + "r"):
        if run.getparent().tag in (W + "del", W + "moveFrom"):
            continue
        text = "".join(t.text or "" for t in run.iter(W + "t"))
        props = run.find(W + "rPr")
        shade = props.find(W + "shd") if props is not None else None
        if _flag(props, "strike") or _flag(props, "dstrike"):
            struck.append(text)
        if _flag(props, "highlight") or (shade is not None and shade.get(W + "fill", "auto").lower()
                                         not in ("auto", "ffffff", "")):
            marked.append(text)
    return " ".join(struck), " ".join(marked)


def _marks(p: etree._Element) -> tuple[list, list]:
    """A paragraph's bookmark marks to apply before reading it and after. A start or end counts where the words
    are: LibreOffice writes the end of a bookmark that closes with a paragraph at the start of the next one, and
    a start after the last word means the bookmark begins with the next paragraph."""
    events = [el for el in p.iter(W + "bookmarkStart", W + "bookmarkEnd", W + "t", W + "tab")
              if el.tag != W + "t" or el.text]
    words = [n for n, el in enumerate(events) if el.tag in (W + "t", W + "tab")]
    early, late = [], []
    for n, el in enumerate(events):
        if el.tag == W + "bookmarkStart":
            (late if words and n > words[-1] else early).append(el)
        elif el.tag == W + "bookmarkEnd":
            (early if words and n < words[0] else late).append(el)
    return early, late


def _children(element: etree._Element, tag: str):
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


def _all_bold(p: etree._Element) -> bool:
    runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
    if not runs:
        return False
    for run in runs:
        bold = run.find(f"{W}rPr/{W}b")
        if bold is None or bold.get(W + "val", "1").lower() in ("0", "false", "off"):
            return False
    return True


def read_items(source: Path | bytes) -> list[Item]:
    """Every visible paragraph of a .docx (a path or its bytes) in reading order, with where it is."""
    body, reader = read_body(source, always_styles=True)
    walk = _Walk(reader)
    walk.container(body, None)
    return walk.items
