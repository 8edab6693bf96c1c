"""Blocks that repeat with the answer: inclusion-health groups the user added, and repeatable tables
(the Step 6 action plan, other contacts)."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from idmf.domain.answer_text import cell_text, group_name
from idmf.domain.answers import GroupImpact
from idmf.export import docxkit, styles
from idmf.export.blocks import (
    FULL_WIDTH,
    KEEP_LIMIT,
    NOT_ANSWERED,
    RenderContext,
    impact_block,
    label_cell,
    mark_missing,
    write_lines,
)
from idmf.forms.schema import ColumnType, Question

# Relative column widths by cell type: dates are narrow, long text wide.
_WEIGHT = {ColumnType.DATE: 1.0, ColumnType.PERSON: 1.6, ColumnType.SHORT_TEXT: 1.6, ColumnType.LONG_TEXT: 2.6}
_MIN_DATE_CM = 3.0  # "(DD/MM/YYYY)" in bold 10 pt with cell margins


def _label_paragraphs(ctx: RenderContext, question: Question) -> None:
    """The question's label and help as paragraphs kept with the table that follows."""
    star = " *" if question.heat else ""
    label = docxkit.add_paragraph(ctx.doc, styles.LABEL)
    docxkit.add_text(label, question.label + star, question.id)
    if question.help:
        for line in question.help.split("\n"):
            docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.HELP), line, f"help of '{question.id}'")


def group_catalogue(ctx: RenderContext, question: Question) -> None:
    """Each inclusion-health group the user added, assessed like a protected characteristic."""
    groups: list[GroupImpact] = list(ctx.value(question) or [])
    if not groups:
        table = docxkit.new_table(ctx.doc, [FULL_WIDTH])
        label_cell(docxkit.merged_row(table), question)
        mark_missing(docxkit.add_row(table)[0], f"{NOT_ANSWERED} – no further groups added")
        ctx.spacer()
        return
    _label_paragraphs(ctx, question)
    catalogue = {entry.id: entry for entry in question.catalogue}
    for number, group in enumerate(groups, start=1):
        entry = catalogue.get(group.catalogue_id or "")
        impact_block(ctx, question, group.impact, label=group_name(number, group.name), description="",
                     prompt=entry.help if entry else "", where=f"group {number} of '{question.id}'")


def _widths(question: Question) -> list[float]:
    weights = [_WEIGHT[c.type] for c in question.columns]
    widths = [FULL_WIDTH * w / sum(weights) for w in weights]
    short = [i for i, c in enumerate(question.columns) if c.type == ColumnType.DATE and widths[i] < _MIN_DATE_CM]
    if short and len(short) < len(widths):
        spare = sum(_MIN_DATE_CM - widths[i] for i in short)
        others = [i for i in range(len(widths)) if i not in short]
        for i in others:
            widths[i] -= spare * widths[i] / sum(widths[j] for j in others)
        for i in short:
            widths[i] = _MIN_DATE_CM
    return widths


def data_table(ctx: RenderContext, question: Question) -> None:
    """A repeatable table (the action plan): heading row repeated on every page, dates DD/MM/YYYY."""
    _label_paragraphs(ctx, question)
    table = docxkit.new_table(ctx.doc, _widths(question))
    for cell, column in zip(docxkit.add_row(table, header=True), question.columns):
        docxkit.shade(cell, styles.SHADE_HEAD)
        suffix = "\n(DD/MM/YYYY)" if column.type == ColumnType.DATE else ""
        docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), column.label + suffix)
    rows = list(ctx.value(question) or [])
    for number, row in enumerate(rows, start=1):
        size = sum(len(str(v)) for v in row.values() if v)
        for cell, column in zip(docxkit.add_row(table, keep=size < KEEP_LIMIT), question.columns):
            text = cell_text(row.get(column.id))
            if not text:
                mark_missing(cell)
            elif column.type == ColumnType.DATE:
                paragraph = docxkit.paragraph_in(cell, styles.CELL)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                docxkit.add_text(paragraph, text)
            else:
                write_lines(cell, text, f"row {number} of '{question.id}'", styles.CELL)
    if not rows:
        mark_missing(docxkit.merged_row(table), f"{NOT_ANSWERED} – no rows")
    ctx.spacer()
