"""Tables whose rows come from the answer: the Step 6 action plan (and any other repeatable table)."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from idmf.domain.answer_text import cell_text
from idmf.export import anchors, answers, docxkit, styles
from idmf.export.blocks import FULL_WIDTH, KEEP_LIMIT, NOT_ANSWERED, RenderContext, mark_missing, skipped, wording
from idmf.forms.printed import column_heading
from idmf.forms.schema import ColumnType, Question

# Relative column widths by cell type: dates are narrow, long text wide.
_WEIGHT = {ColumnType.DATE: 1.0, ColumnType.PERSON: 1.6, ColumnType.SHORT_TEXT: 1.6, ColumnType.LONG_TEXT: 2.6}
_MIN_DATE_CM = 3.0  # "(DD/MM/YYYY)" in bold 10 pt with cell margins


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
    if skipped(ctx, question):
        return
    wording(ctx, question)
    headings = [column_heading(c) for c in question.columns]
    table = docxkit.new_table(ctx.doc, _widths(question), title=question.label,
                              description=f"One row per entry, with the columns {', '.join(headings)}.")
    for cell, text in zip(docxkit.add_row(table, header=True), headings):
        docxkit.shade(cell, styles.SHADE_HEAD)
        docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), text)
    rows = list(ctx.value(question) or [])
    for number, row in enumerate(rows, start=1):
        size = sum(len(str(v)) for v in row.values() if v)
        for cell, column in zip(docxkit.add_row(table, keep=size < KEEP_LIMIT), question.columns):
            text = cell_text(row.get(column.id))
            if not text:
                mark_missing(cell, style=styles.CELL)
            elif column.type == ColumnType.DATE:
                paragraph = docxkit.paragraph_in(cell, styles.CELL)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                docxkit.add_text(paragraph, text)
            else:
                answers.write_answer(cell, text, f"row {number} of '{question.id}'", style=styles.CELL)
    missing = [] if rows else [mark_missing(ctx.doc, f"{NOT_ANSWERED} – no rows")._p]
    # The whole table, heading row included, so rows added in Word after the last are read back as this answer.
    anchors.mark(ctx.doc, anchors.name(question.id), [table._tbl, *missing])

