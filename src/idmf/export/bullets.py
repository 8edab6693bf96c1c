"""Bullet lists in answers: a line that starts "- ", "• " or "* " becomes a real Word bullet (the reference
document's List Bullet numbering) in the answer's own style; other lines stay plain paragraphs.

Kept apart from blocks.py so the block layouts can change without touching how a list is written.
"""

from __future__ import annotations

import re
from typing import Sequence

from docx.oxml.ns import qn
from docx.table import _Cell
from lxml import etree

from idmf.export import docxkit

BULLET = re.compile(r"^\s*[-•*]\s+(?=\S)")  # "- text", "• text", "  - indented text"
BULLET_STYLE = "List Bullet"


def bullet_numbering(part) -> str | None:
    """The numbering id behind the template's List Bullet style (None when the template has none)."""
    for style in part.document.styles:
        if style.name == BULLET_STYLE:
            found = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            return found.get(qn("w:val")) if found is not None else None
    return None


def write_paragraphs(cell: _Cell, texts: Sequence[str], style: str) -> None:
    """One paragraph per line in a cell; bullet lines lose their "- " and get Word's bullet instead."""
    shown = [BULLET.sub("", text) for text in texts]
    first, *rest = shown
    docxkit.paragraph_in(cell, style).add_run(first)
    docxkit.append_lines(cell, rest, style)
    number = bullet_numbering(cell.part) if any(BULLET.match(t) for t in texts) else None
    if number is None:
        return
    paragraphs = cell._tc.findall(qn("w:p"))[-len(texts):]
    for paragraph, text in zip(paragraphs, texts):
        if BULLET.match(text):  # indented lines too: the template's deeper levels are numbered, not bulleted
            _make_bullet(paragraph, number)


def _make_bullet(paragraph, number: str) -> None:
    """Give a paragraph Word's numbering (numPr goes right after the paragraph style, as the schema orders it)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = etree.SubElement(paragraph, qn("w:pPr"))
        paragraph.insert(0, properties)
    numbering = etree.Element(qn("w:numPr"))
    etree.SubElement(numbering, qn("w:ilvl")).set(qn("w:val"), "0")
    etree.SubElement(numbering, qn("w:numId")).set(qn("w:val"), number)
    style = properties.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numbering)
    else:
        properties.insert(0, numbering)
