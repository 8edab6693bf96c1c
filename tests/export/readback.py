"""Read an exported .docx back the way a reviewer would: all text in reading order, tables, header, footer."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


class Exported:
    """An exported Word document opened with python-docx."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.doc = Document(str(path))
        body = self.doc.element.body
        self.paragraphs = [Paragraph(p, self.doc._body) for p in body.iter(qn("w:p"))]
        self.text = "\n".join(p.text for p in self.paragraphs)
        section = self.doc.sections[0]
        self.header = "\n".join(p.text for p in section.header.paragraphs)
        self.footer = "\n".join(p.text for p in section.footer.paragraphs)
        self.header_xml = section.header._element.xml
        self.footer_xml = section.footer._element.xml

    def headings(self, level: int | None = None) -> list[str]:
        """Texts of heading paragraphs (of one level, or all)."""
        names = {f"Heading {level}"} if level else {f"Heading {n}" for n in range(1, 4)}
        return [p.text for p in self.paragraphs if p.style is not None and p.style.name in names]

    def table_starting(self, text: str) -> Table:
        """The top-level table whose first cell's first line is `text` (a HEAT * allowed), else starts with it."""
        firsts = [(t, t.rows[0].cells[0].text.split("\n")[0]) for t in self.doc.tables if t.rows]
        for table, first in firsts:
            if first in (text, f"{text} *"):
                return table
        for table, first in firsts:
            if first.startswith(text):
                return table
        raise AssertionError(f"no table starts with {text!r}")

    def row_labelled(self, label: str) -> list[str]:
        """The cell texts of the first table row whose first cell is `label` (front matter, approval)."""
        for table in self.doc.tables:
            for row in table.rows:
                cells = [cell.text for cell in row.cells]
                if cells[0] == label:
                    return cells
        raise AssertionError(f"no row labelled {label!r}")

    def missing_markers(self) -> list[str]:
        """Runs styled as 'Not answered'."""
        return [r.text for p in self.paragraphs for r in p.runs
                if r.style is not None and r.style.name == "IDMF Not Answered"]


def row_texts(table: Table) -> list[list[str]]:
    """Cell texts row by row (merged cells repeat, as python-docx reports them)."""
    return [[cell.text for cell in row.cells] for row in table.rows]
