"""ONS Census 2021 tables in the evidence base, laid out as teams paste them into the Word template:
count and % under the area name, the disclosure-control note, any quality caveat and the source line."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from idmf.domain.answer_text import date_text
from idmf.domain.evidence import CensusTable
from idmf.export import docxkit, styles, texts
from idmf.export.blocks import RenderContext, heading
from idmf.export.deprivation import deprivation_table
from idmf.forms.printed import CENSUS_PROFILE, CENSUS_SOURCE

CATEGORY_WIDTH, NUMBER_WIDTH = 8.6, 2.8


def _number_cell(cell: _Cell, text: str, *, bold: bool = False, style: str = styles.CELL) -> None:
    paragraph = docxkit.paragraph_in(cell, style)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    docxkit.add_text(paragraph, text).bold = bold or None


def _text_cell(cell: _Cell, text: str, *, bold: bool = False, style: str = styles.CELL) -> None:
    docxkit.add_text(docxkit.paragraph_in(cell, style), text, "a census table").bold = bold or None


def source_line(table: CensusTable) -> str:
    """'Source: ONS - 2021 Census (TSxxx)' unless the table carries its own source line."""
    return table.source or CENSUS_SOURCE.format(code=table.table_code)


def _headings(grid, table: CensusTable, england: bool) -> None:
    first = docxkit.add_row(grid, header=True)
    area = first[1].merge(first[2])
    _number_cell(area, table.area_name, style=styles.CELL_HEAD)
    if england:
        _number_cell(first[3], "England", style=styles.CELL_HEAD)
    second = docxkit.add_row(grid, header=True)
    labels = ["", "count", "%"] + (["%"] if england else [])
    for cell, text in zip(second, labels):
        _number_cell(cell, text, style=styles.CELL_HEAD)
    for cell in first + second:
        docxkit.shade(cell, styles.SHADE_HEAD)


def caption(table: CensusTable) -> str:
    """'Ethnic group (TS021) – Hinckley and Bosworth'."""
    return f"{table.title} ({table.table_code}) – {table.area_name}"


def census_table(ctx: RenderContext, table: CensusTable, level: int) -> None:
    """One census table with its caption (a heading), headings, total row, categories, note, caveat and source."""
    if table.deprivation:  # the deprivation figures kept beside the census tables have their own layout
        deprivation_table(ctx, table, level)
        return
    heading(ctx, caption(table), level)
    england = any(row.england_percent is not None for row in table.rows)
    compared = " and England's percentage" if england else ""
    grid = docxkit.new_table(
        ctx.doc, [CATEGORY_WIDTH] + [NUMBER_WIDTH] * (3 if england else 2), title=caption(table),
        description=f"ONS Census 2021: {table.universe.lower()} in {table.area_name} by {table.title.lower()}, "
                    f"with the count and percentage for each category{compared}. {source_line(table)}.")
    _headings(grid, table, england)
    total = docxkit.add_row(grid)
    _text_cell(total[0], f"Total: {table.universe}", bold=True)
    _number_cell(total[1], f"{table.total:,}", bold=True)
    _number_cell(total[2], "100.0", bold=True)
    if england:
        _number_cell(total[3], "100.0", bold=True)
    for row in table.rows:
        cells = docxkit.add_row(grid)
        _text_cell(cells[0], row.category)
        _number_cell(cells[1], f"{row.count:,}")
        _number_cell(cells[2], f"{row.percent:.1f}")
        if england:
            _number_cell(cells[3], "" if row.england_percent is None else f"{row.england_percent:.1f}")
    for row in grid.rows[:-1]:
        for cell in row.cells:
            docxkit.keep_with_next(cell.paragraphs)
    texts.render(ctx.doc, "census_notes", note=table.note, caveat=table.caveat, best_fit=table.built_from_best_fit,
                 area=table.area_name, source=source_line(table),
                 retrieved=date_text(table.retrieved) if table.retrieved else "", origin=table.origin,
                 notes=[n for n in table.notes if not (table.built_from_best_fit and n == table.notes[0])])


def census_profile(ctx: RenderContext) -> None:
    """Every census table attached to the assessment under the template's heading; nothing when none is
    attached (a team may have written its census figures into the answers, which a "none" note would contradict)."""
    tables = ctx.assessment.census_tables
    if not tables:
        return
    heading(ctx, CENSUS_PROFILE, ctx.level)
    for table in tables:
        census_table(ctx, table, ctx.level + 1)
