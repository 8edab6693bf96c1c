"""Small WordprocessingML helpers python-docx does not offer: shading, fixed widths, repeated header
rows, table titles and descriptions (alt text), rows kept together, lists, links, fields and check boxes
(every property in schema order, see ooxml.py)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from idmf.domain.answer_text import tick
from idmf.export import styles
from idmf.export.ooxml import PPR, TBLPR, TCPR, insert_ordered
from idmf.export.sanitize import clean


def shade(cell: _Cell, fill: str) -> None:
    """Give a cell a background colour (hex RGB)."""
    element = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    insert_ordered(cell._tc.get_or_add_tcPr(), element, TCPR)


def valign_centre(cell: _Cell) -> None:
    """Centre a cell's content vertically."""
    insert_ordered(cell._tc.get_or_add_tcPr(), parse_xml(f'<w:vAlign {nsdecls("w")} w:val="center"/>'), TCPR)


def new_table(container, widths_cm: Sequence[float], *, title: str, description: str) -> Table:
    """An empty fixed-layout table with the IDMF style, the given column widths (cm) and its alt text
    (title and description: what a screen reader announces before reading the table)."""
    table = container.add_table(rows=0, cols=len(widths_cm))
    table._tbl.tblPr.style = style_id(table.part, styles.TABLE)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    tblpr = table._tbl.tblPr
    total = int(Cm(sum(widths_cm)).twips)
    insert_ordered(tblpr, parse_xml(f'<w:tblW {nsdecls("w")} w:w="{total}" w:type="dxa"/>'), TBLPR)
    sides = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{styles.BORDER}"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    insert_ordered(tblpr, parse_xml(f'<w:tblBorders {nsdecls("w")}>{sides}</w:tblBorders>'), TBLPR)
    insert_ordered(tblpr, parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'), TBLPR)
    for name, text in (("tblCaption", title), ("tblDescription", description)):
        element = OxmlElement(f"w:{name}")
        element.set(qn("w:val"), clean(text, "a table's title")[:255])
        insert_ordered(tblpr, element, TBLPR)
    return table


def add_row(table: Table, *, header: bool = False, keep: bool = True) -> list[_Cell]:
    """Append a row; `header` marks it as the table's heading row (announced by screen readers with each
    cell, repeated on every page), `keep` stops it splitting across pages."""
    row = table.add_row()
    trpr = row._tr.get_or_add_trPr()
    if keep:
        trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))
    return list(row.cells)


def merged_row(table: Table, **kwargs) -> _Cell:
    """Append a row whose cells are merged into one spanning the table."""
    cells = add_row(table, **kwargs)
    return cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]


def style_id(part, name: str) -> str:
    """The style id for a style name (python-docx looks it up by scanning every style on every use)."""
    part = part.package.main_document_part
    cache = getattr(part, "_idmf_style_ids", None)
    if cache is None:
        cache = {}
        for element in part.styles.element.findall(qn("w:style")):
            name_element = element.find(qn("w:name"))
            if name_element is not None:
                cache[name_element.get(qn("w:val")).lower()] = element.get(qn("w:styleId"))
        part._idmf_style_ids = cache
    try:
        return cache[name.lower()]
    except KeyError:
        raise KeyError(f"the reference document has no style named '{name}'") from None


def set_style(paragraph: Paragraph, name: str) -> Paragraph:
    """Apply a paragraph style by name, quickly."""
    paragraph._p.style = style_id(paragraph.part, name)
    return paragraph


def add_paragraph(container, style: str) -> Paragraph:
    """A new paragraph at the end of a document body, cell, header or footer."""
    return set_style(container.add_paragraph(), style)


def paragraph_in(container, style: str) -> Paragraph:
    """A cell's untouched only paragraph (used once), else a new paragraph, in the given style."""
    if isinstance(container, DocumentObject):  # a document body: always a new paragraph (no scan of the body)
        return add_paragraph(container, style)
    paragraphs = container.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].runs:
        return set_style(paragraphs[0], style)
    return add_paragraph(container, style)


def keep_with_next(paragraphs: Iterable[Paragraph]) -> None:
    """Keep paragraphs (and the table rows they sit in, in Word) with what follows."""
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True


def add_text(paragraph: Paragraph, text: str, where: str = "", style: str | None = None):
    """Add a run of sanitised text (newlines become line breaks) and return it."""
    run = paragraph.add_run(clean(text, where))
    if style:
        run._r.style = style_id(paragraph.part, style)
    return run


def add_tick(paragraph: Paragraph, checked: bool, label: str = "") -> None:
    """Add ☒ or ☐ (in the check-box font) and an optional label after it."""
    add_text(paragraph, tick(checked), style=styles.TICK)
    if label:
        add_text(paragraph, f" {label}")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Add a Word field (PAGE, NUMPAGES…) that Word and LibreOffice update when laying out."""
    def run_with(xml: str) -> None:
        """A run holding one field element."""
        run = paragraph.add_run()
        run._r.append(parse_xml(xml))

    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>')
    run_with(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>')
    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>')
    paragraph.add_run(placeholder)
    run_with(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>')


def right_tab(paragraph: Paragraph, position_cm: float) -> None:
    """A right-aligned tab stop (for text flush with the right margin)."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(position_cm), WD_TAB_ALIGNMENT.RIGHT)


def outline_level(paragraph: Paragraph, level: int) -> None:
    """Make a paragraph a heading of `level` (1-based) without its style: used for a question written in a
    table cell (the legal duties), so the navigation pane and screen readers still find it."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level - 1))
    insert_ordered(paragraph._p.get_or_add_pPr(), element, PPR)


def _num_of_style(part, style_name: str) -> tuple[object, str]:
    """The numbering part and the abstract list definition a list style uses."""
    numbering = part.package.main_document_part.numbering_part.element
    style = part.package.main_document_part.styles.element.xpath(
        f'w:style[@w:styleId="{style_id(part, style_name)}"]/w:pPr/w:numPr/w:numId')
    num_id = style[0].get(qn("w:val"))
    abstract = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:abstractNumId')[0].get(qn("w:val"))
    return numbering, abstract


def new_list(part, style_name: str) -> str:
    """A fresh numbering instance of a list style, so a numbered list starts again at 1; its numId."""
    numbering, abstract = _num_of_style(part, style_name)
    used = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = str(max(used, default=0) + 1)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return num_id


def list_item(container, style_name: str, num_id: str | None = None) -> Paragraph:
    """A paragraph of a bulleted or numbered list (in the given numbering instance, when one is given)."""
    paragraph = paragraph_in(container, style_name)
    if num_id is not None:
        num_pr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
        insert_ordered(paragraph._p.get_or_add_pPr(), num_pr, PPR)
    return paragraph


_URL = re.compile(r"https?://[^\s)]+")


def add_linked_text(paragraph: Paragraph, text: str, where: str = "") -> None:
    """Add text whose web addresses become working links (the same words, underlined and clickable)."""
    position = 0
    for match in _URL.finditer(text):
        if match.start() > position:
            add_text(paragraph, text[position:match.start()], where)
        _hyperlink(paragraph, match.group(0))
        position = match.end()
    if position < len(text):
        add_text(paragraph, text[position:], where)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(url)
    run.underline = True
    run.font.color.rgb = styles.NHS_BLUE
    link.append(run._r)
    paragraph._p.append(link)
