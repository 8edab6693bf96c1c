"""Answer text in the document: one paragraph per line, and tab-separated text pasted into an answer (from
Excel, Nomis or another Word table) as a real Word table.

`answer_line` is the one place where a line of an answer becomes a paragraph: a feature that formats answer
lines (bullets, say) changes only that function.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from idmf.domain.tabular import TabTable, split_pieces
from idmf.export import bullets, docxkit, styles
from idmf.export.sanitize import lines

MIN_COLUMN_CM = 1.6
_NUMBER = re.compile(r"^[-+]?[£$€]?\d[\d,]*(\.\d+)?%?$")
_W_P, _W_PPR, _W_STYLE, _W_R, _W_T, _W_TAB = (qn(f"w:{n}") for n in ("p", "pPr", "pStyle", "r", "t", "tab"))
_VAL, _SPACE = qn("w:val"), "{http://www.w3.org/XML/1998/namespace}space"


def _append(container, paragraph) -> None:
    """Add a paragraph element at the end of a body (before its section properties) or of a cell."""
    element = getattr(container, "_tc", None)
    if element is not None:
        element.append(paragraph)
        return
    body = container.element.body if hasattr(container, "element") else container._element
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(paragraph)
    else:
        body.append(paragraph)


def answer_line(container, line: str, style: str = styles.ANSWER) -> Paragraph:
    """One line of an answer as one paragraph (tabs kept as Word tabs; a "- " / "• " line a real Word bullet in
    the answer's style). Built with lxml directly: python-docx's own path is ~50x slower, which matters for
    100,000-character answers."""
    bullet = bullets.bullet_text(line)
    number = bullets.bullet_numbering(container.part) if bullet is not None else None
    line = bullet if number is not None else line
    paragraph = etree.Element(_W_P)
    etree.SubElement(etree.SubElement(paragraph, _W_PPR), _W_STYLE).set(_VAL, docxkit.style_id(container.part, style))
    if number is not None:
        bullets.make_bullet(paragraph, number)
    run = etree.SubElement(paragraph, _W_R)
    for index, part in enumerate(line.split("\t")):
        if index:
            etree.SubElement(run, _W_TAB)
        if part:
            text = etree.SubElement(run, _W_T)
            text.text = part
            text.set(_SPACE, "preserve")
    _append(container, paragraph)
    return Paragraph(paragraph, container)


def write_answer(container, text: str, where: str, label: str = "", style: str = styles.ANSWER) -> None:
    """An answer's (sanitised) text: its lines as paragraphs, blank lines left out (paragraph spacing
    separates paragraphs), and in the document body each pasted tab-separated table as a Word table."""
    cell = getattr(container, "_tc", None)
    placeholder = _placeholder(cell)
    for piece in split_pieces("\n".join(lines(text, where))):
        if isinstance(piece, TabTable) and cell is None:
            pasted_table(container, piece, label)
        elif isinstance(piece, TabTable):  # no tables inside table cells: the rows stay tab-separated lines
            for row in piece.rows:
                answer_line(container, "\t".join(row), style)
        elif piece.strip():
            answer_line(container, piece, style)
    if placeholder is not None and len(cell.findall(_W_P)) > 1:
        cell.remove(placeholder)  # a new cell's empty paragraph, now that the answer fills the cell


def _placeholder(cell):
    """A new table cell's one empty paragraph (Word requires a paragraph in every cell)."""
    if cell is None:
        return None
    paragraphs = cell.findall(_W_P)
    if len(paragraphs) == 1 and paragraphs[0].find(_W_R) is None:
        return paragraphs[0]
    return None


def _widths(table: TabTable) -> list[float]:
    longest = [max(len(row[i]) for row in table.rows) or 1 for i in range(table.width)]
    weights = [min(max(n, 4), 40) for n in longest]
    widths = [max(MIN_COLUMN_CM, styles.FULL_WIDTH * w / sum(weights)) for w in weights]
    scale = styles.FULL_WIDTH / sum(widths)
    return [w * scale for w in widths] if scale < 1 else widths


def heading_rows(table: TabTable) -> int:
    """How many first rows are headings: those above the first row holding a figure (Nomis pastes a title row
    and a "count / %" row above the figures); at least one, and never every row."""
    for index, row in enumerate(table.rows):
        if any(_NUMBER.match(cell.replace(" ", "")) for cell in row):
            return max(1, min(index, len(table.rows) - 1))
    return 1


def pasted_table(container, table: TabTable, label: str) -> None:
    """A pasted table as a Word table: its heading rows marked (and repeated), figures right-aligned."""
    about = f"the answer to “{label}”" if label else "an answer"
    headings = heading_rows(table)
    grid = docxkit.new_table(container, _widths(table), title=f"Table in {about}",
                             description=f"A table of {len(table.rows) - headings} rows and {table.width} columns "
                                         f"pasted into {about}, under {headings} heading row(s).")
    for number, row in enumerate(table.rows):
        header = number < headings
        cells = docxkit.add_row(grid, header=header)
        for cell, text in zip(cells, row):
            paragraph = docxkit.paragraph_in(cell, styles.CELL_HEAD if header else styles.CELL)
            if _NUMBER.match(text.replace(" ", "")) or (header and number and text in ("%", "count")):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                docxkit.add_text(paragraph, text, "a pasted table")
            if header:
                docxkit.shade(cell, styles.SHADE_HEAD)
