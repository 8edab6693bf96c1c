"""The board paper's cover sheet as a Word document, and the committee pack: the cover sheet followed by the
Part B as Appendix 1 in one file.

Same reference document, styles, header and footer (version, status, sign-off fingerprint) as the Part B
export; the fields come from cover_text.py.
"""

from __future__ import annotations

from copy import deepcopy

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import _Cell

from idmf.domain.publishing import Purpose
from idmf.export import docxkit, styles
from idmf.export.answers import write_answer
from idmf.export.blocks import FULL_WIDTH, RenderContext, mark_missing
from idmf.export.cover_text import APPENDIX_1, CoverSheet
from idmf.export.furniture import furnish

SUBJECT = "Board paper cover sheet"
LABEL_WIDTH = 5.2
NOT_GIVEN = "Not given"


def _label(cell: _Cell, text: str) -> None:
    # Plain cell text made bold: the label style keeps with the next paragraph, which would hold the whole
    # table together and push it onto the next page.
    docxkit.shade(cell, styles.SHADE_LABEL)
    docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL), text).bold = True


def _value(cell: _Cell, text: str, where: str) -> None:
    if text.strip():
        write_answer(cell, text, where, style=styles.CELL)
    else:
        mark_missing(cell, NOT_GIVEN)


def _purpose(cell: _Cell, chosen: Purpose | None) -> None:
    paragraph = docxkit.paragraph_in(cell, styles.CELL)
    for index, purpose in enumerate(Purpose):
        docxkit.add_tick(paragraph, purpose == chosen, purpose.label + ("    " if index < len(Purpose) - 1 else ""))
    if chosen is None:
        mark_missing(cell, "Not given – tick one")


def _fields(sheet: CoverSheet) -> list[tuple[str, str]]:
    return [("Meeting", sheet.meeting), ("Date of meeting", sheet.meeting_date),
            ("Report title", sheet.report_title), ("Paper reference", sheet.paper_reference),
            ("Agenda item", sheet.agenda_item), ("Presented by", sheet.presenter), ("Author(s)", sheet.authors),
            ("Executive sponsor", sheet.sponsor)]


def _later_fields(sheet: CoverSheet) -> list[tuple[str, str]]:
    return [("Recommendations", sheet.recommendations), ("Executive summary", sheet.executive_summary),
            ("Strategic objectives", sheet.strategic_objectives), ("Conflicts of interest", sheet.conflicts),
            ("Board Assurance Framework (BAF) risk", sheet.baf_risk), ("Appendices", "\n".join(sheet.appendices)),
            ("Who has been engaged", sheet.engaged), ("Assessment version and status", sheet.status)]


def _main_table(ctx: RenderContext, sheet: CoverSheet) -> None:
    table = docxkit.new_table(ctx.doc, [LABEL_WIDTH, FULL_WIDTH - LABEL_WIDTH], title="Cover sheet",
                              description="Meeting, report, people, purpose, recommendations and summary")
    for label, text in _fields(sheet):
        cells = docxkit.add_row(table)
        _label(cells[0], label)
        _value(cells[1], text, f"the cover sheet's {label}")
    cells = docxkit.add_row(table)
    _label(cells[0], "Primary purpose")
    _purpose(cells[1], sheet.purpose)
    for label, text in _later_fields(sheet):
        cells = docxkit.add_row(table, keep=len(text) < 600)
        _label(cells[0], label)
        _value(cells[1], text, f"the cover sheet's {label}")


def _implications(ctx: RenderContext, sheet: CoverSheet) -> None:
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, "Heading 2"), "Implications")
    table = docxkit.new_table(ctx.doc, [5.8, 1.8, FULL_WIDTH - 7.6], title="Implications",
                              description="Each implication, whether it is ticked, and the summary")
    heads = docxkit.add_row(table, header=True)
    for cell, text in zip(heads, ("Implication", "Ticked", "Summary")):
        docxkit.shade(cell, styles.SHADE_HEAD)
        docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), text)
    for label, ticked in sheet.implications:
        cells = docxkit.add_row(table, keep=False)
        docxkit.add_text(docxkit.paragraph_in(cells[0], styles.CELL), label)
        docxkit.add_tick(docxkit.paragraph_in(cells[1], styles.CELL), ticked, "Yes" if ticked else "No")
        if ticked and label.startswith("Equality"):
            write_answer(cells[2], sheet.equality_summary, "the equality summary", style=styles.CELL)


def render_cover_sheet(ctx: RenderContext, sheet: CoverSheet) -> None:
    """The cover sheet's title block, fields and Implications table in the document's body."""
    if sheet.organisation:
        docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.ORG), sheet.organisation)
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.TITLE), "Board paper cover sheet")
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.PROPOSAL), sheet.report_title or "Untitled assessment")
    if sheet.missing:
        docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.SMALL),
                         f"Still to be given: {', '.join(sheet.missing)} (File › Export › Board paper details…).")
    _main_table(ctx, sheet)
    _implications(ctx, sheet)


def build_cover_sheet(ctx: RenderContext, sheet: CoverSheet) -> DocumentObject:
    """A whole cover-sheet document: page furniture, then the cover sheet."""
    furnish(ctx, SUBJECT)
    render_cover_sheet(ctx, sheet)
    return ctx.doc


def prepend_cover_sheet(part_b: DocumentObject, ctx: RenderContext, sheet: CoverSheet) -> DocumentObject:
    """The committee pack: the cover sheet, a page break, 'Appendix 1 – …', then the Part B document as it is.

    The cover sheet is written on a fresh copy of the same reference document, so its styles are the Part B's;
    its paragraphs and tables are moved in front of the Part B body, whose header, footer, page set-up and
    embedded assessment stay as they are (so the pack imports and verifies like the Part B file).
    """
    render_cover_sheet(ctx, sheet)
    appendix = docxkit.add_paragraph(ctx.doc, "Heading 1")
    appendix.paragraph_format.page_break_before = True
    docxkit.add_text(appendix, APPENDIX_1)
    first = part_b.element.body[0]
    for element in list(ctx.doc.element.body):
        if element.tag != qn("w:sectPr"):
            first.addprevious(deepcopy(element))
    return part_b

