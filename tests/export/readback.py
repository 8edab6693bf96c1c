"""Read an exported .docx back the way a reviewer (or a screen reader) would: all text in reading order, the
headings and their levels, what sits under each heading, tables, header and footer."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ANSWER_STYLES = {"IDMF Answer", "IDMF Table Text"}


def heading_level(paragraph: Paragraph) -> int | None:
    """The heading level a reader's navigation uses: the paragraph's own outline level, else its style's."""
    ppr = paragraph._p.pPr
    own = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if own is not None:
        return int(own.get(qn("w:val"))) + 1
    style = paragraph.style
    while style is not None:
        spr = style.element.pPr
        level = spr.find(qn("w:outlineLvl")) if spr is not None else None
        if level is not None:
            return int(level.get(qn("w:val"))) + 1
        if style.name.startswith("Heading ") and style.name[8:].isdigit():
            return int(style.name[8:])
        style = style.base_style
    return None


class Exported:
    """An exported Word document opened with python-docx."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.doc = Document(str(path))
        body = self.doc.element.body
        self.paragraphs = [Paragraph(p, self.doc._body) for p in body.iter(qn("w:p"))]
        self.text = "\n".join(p.text for p in self.paragraphs)
        self.items: list[Paragraph | Table] = [
            Paragraph(e, self.doc._body) if e.tag == qn("w:p") else Table(e, self.doc._body)
            for e in body if e.tag in (qn("w:p"), qn("w:tbl"))]
        section = self.doc.sections[0]
        self.header = "\n".join(p.text for p in section.header.paragraphs)
        self.footer = "\n".join(p.text for p in section.footer.paragraphs)
        self.header_xml = section.header._element.xml
        self.footer_xml = section.footer._element.xml

    def headings(self, level: int | None = None) -> list[str]:
        """Texts of heading paragraphs, in tables too (of one level, or all)."""
        return [p.text for p in self.paragraphs if (lv := heading_level(p)) is not None and lv == (level or lv)]

    def outline(self) -> list[tuple[int, str]]:
        """(level, text) of every heading in reading order: what the navigation pane shows."""
        return [(lv, p.text) for p in self.paragraphs if (lv := heading_level(p)) is not None]

    def under(self, heading: str) -> list[Paragraph | Table]:
        """The body items after the heading `heading` (a HEAT * allowed) up to the next heading as high."""
        found, level = None, 0
        for index, item in enumerate(self.items):
            if isinstance(item, Paragraph) and item.text in (heading, f"{heading}*") \
                    and heading_level(item) is not None:
                found, level = index, heading_level(item)
                break
        if found is None:
            raise AssertionError(f"no heading {heading!r}")
        block = []
        for item in self.items[found + 1:]:
            if isinstance(item, Paragraph) and (lv := heading_level(item)) is not None and lv <= level:
                break
            block.append(item)
        return block

    def answer_under(self, heading: str) -> str:
        """The answer paragraphs' text directly under a heading (before any deeper heading)."""
        texts = []
        for item in self.under(heading):
            if isinstance(item, Paragraph) and heading_level(item) is not None:
                break
            if isinstance(item, Paragraph) and item.style.name == "IDMF Answer":
                texts.append(item.text)
        return "\n".join(texts)

    def table_under(self, heading: str) -> Table:
        """The first table after a heading."""
        for item in self.under(heading):
            if isinstance(item, Table):
                return item
        raise AssertionError(f"no table under {heading!r}")

    def table_titled(self, title: str) -> Table:
        """The table whose alt-text title is `title`."""
        for table in self.doc.tables:
            caption = table._tbl.tblPr.find(qn("w:tblCaption"))
            if caption is not None and caption.get(qn("w:val")) == title:
                return table
        raise AssertionError(f"no table titled {title!r}")

    def front_field(self, label: str) -> str:
        """The answer printed under a front-matter label."""
        for index, item in enumerate(self.items):
            if isinstance(item, Paragraph) and item.style.name == "IDMF Label" and item.text == label:
                texts = []
                for after in self.items[index + 1:]:
                    if not isinstance(after, Paragraph) or after.style.name != "IDMF Answer":
                        break
                    texts.append(after.text)
                return "\n".join(texts)
        raise AssertionError(f"no front-matter label {label!r}")

    def missing_markers(self) -> list[str]:
        """Runs styled as 'Not answered'."""
        return [r.text for p in self.paragraphs for r in p.runs
                if r.style is not None and r.style.name == "IDMF Not Answered"]


def row_texts(table: Table) -> list[list[str]]:
    """Cell texts row by row (merged cells repeat, as python-docx reports them)."""
    return [[cell.text for cell in row.cells] for row in table.rows]
