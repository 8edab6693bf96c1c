"""The deprivation evidence table (IMD 2019) in the Word export: one row per local authority, with the key to
its columns, the 2019-boundaries caveat, the notes and the source line under it."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from idmf.domain.evidence import DEPRIVATION_HEADINGS, DEPRIVATION_KEY, CensusTable
from idmf.export import docxkit, styles
from idmf.export.blocks import RenderContext, heading

WIDTHS_CM = (6.2, 2.6, 2.6, 1.8, 3.0)


def _cell(cell, text: str, style: str, *, right: bool, bold: bool = False) -> None:
    paragraph = docxkit.paragraph_in(cell, style)
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docxkit.add_text(paragraph, text, "the deprivation table").bold = bold or None


def deprivation_table(ctx: RenderContext, table: CensusTable, level: int) -> None:
    """The table under its caption heading, then its key, caveat, notes and source in small print."""
    title = f"{table.title} \u2013 {table.area_name}"
    heading(ctx, title, level)
    grid = docxkit.new_table(ctx.doc, list(WIDTHS_CM), title=title,
                             description=f"English Indices of Deprivation 2019 for {table.area_name}: average score, "
                                         "rank, decile and share of small areas in England's most deprived 10 % for "
                                         f"each local authority. {table.source}.")
    cells = docxkit.add_row(grid, header=True)
    for n, (cell, text) in enumerate(zip(cells, DEPRIVATION_HEADINGS)):
        _cell(cell, text, styles.CELL_HEAD, right=n > 0)
        docxkit.shade(cell, styles.SHADE_HEAD)
    for figure in table.deprivation:
        for n, (cell, text) in enumerate(zip(docxkit.add_row(grid), figure.cells())):
            _cell(cell, text, styles.CELL, right=n > 0)
    for row in grid.rows[:-1]:
        for cell in row.cells:
            docxkit.keep_with_next(cell.paragraphs)
    small = []
    for text in (DEPRIVATION_KEY, table.caveat, *table.notes, table.source):
        small.append(docxkit.add_paragraph(ctx.doc, styles.SMALL))
        docxkit.add_text(small[-1], text, "the deprivation table")
    small[-1].runs[0].bold = True  # the source line, as under the census tables
    docxkit.keep_with_next(small[:-1])  # the notes stay together, on the page of the table's last row
