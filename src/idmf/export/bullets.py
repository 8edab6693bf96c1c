"""Bullet lists in answers: a line that starts "- ", "• " or "* " becomes a real Word bullet (the numbering
of the reference document's bullet style) in the answer's own style; other lines stay plain paragraphs.

`export.answers.answer_line` calls this for every line of an answer.
"""

from __future__ import annotations

import re
from docx.oxml.ns import qn
from lxml import etree

from idmf.export import styles

BULLET = re.compile(r"^\s*[-•*]\s+(?=\S)")  # "- text", "• text", "  - indented text"
BULLET_STYLE = styles.BULLET


def bullet_numbering(part) -> str | None:
    """The numbering id behind the reference document's bullet style (None when it has none)."""
    for style in part.document.styles:
        if style.name == BULLET_STYLE:
            found = style.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
            return found.get(qn("w:val")) if found is not None else None
    return None


def bullet_text(line: str) -> str | None:
    """A bullet line's text without its "- " / "• " (None when the line is not a bullet)."""
    found = BULLET.match(line)
    return line[found.end():] if found else None


def make_bullet(paragraph, number: str) -> None:
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
