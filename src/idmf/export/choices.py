"""Tick-box tables as the template draws them: the Step 1 who-is-impacted grid, the numbered Step 5 options
with their "Tick one box" column, and the legal duties' YES / NO table. Every table has a heading row and a
title and description for screen readers."""

from __future__ import annotations

from typing import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from idmf.domain.answer_text import YES_NO_TEXT
from idmf.domain.answers import is_blank
from idmf.domain.questions import NO, YES
from idmf.export import anchors, docxkit, styles
from idmf.export.blocks import (FULL_WIDTH, RenderContext, help_prompt, keep_rows_together, mark_missing,
                                question_box, skipped, wording)
from idmf.forms.schema import Question


def _tick_cell(cell: _Cell, checked: bool, label: str = "") -> None:
    paragraph = docxkit.paragraph_in(cell, styles.CELL)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docxkit.add_tick(paragraph, checked, label)
    docxkit.valign_centre(cell)


def _heading_row(table, texts: Sequence[str], centred_from: int = 1) -> None:
    for index, (cell, text) in enumerate(zip(docxkit.add_row(table, header=True), texts)):
        docxkit.shade(cell, styles.SHADE_HEAD)
        paragraph = docxkit.paragraph_in(cell, styles.CELL_HEAD)
        if index >= centred_from:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            docxkit.add_text(paragraph, text)


def grid_table(ctx: RenderContext, question: Question) -> None:
    """The who-is-impacted grid: one row per group, ☒ in the template's column of the chosen answer.
    "Indirectly" and "Possibly" share the template's "Indirectly / Possibly" column; its tick names which."""
    wording(ctx, question)
    columns = question.printed_columns()
    first = 6.0
    headings = [heading for heading, _ in columns]
    table = docxkit.new_table(
        ctx.doc, [first] + [(FULL_WIDTH - first) / len(columns)] * len(columns), title=question.label,
        description=f"One row per group; ☒ marks the answer in the column {', '.join(headings)}.")
    _heading_row(table, ["", *headings])
    answers_by_row = ctx.value(question) or {}
    for row in question.rows:
        cells = docxkit.add_row(table)
        docxkit.add_text(docxkit.paragraph_in(cells[0], styles.CELL), row.label)
        if row.id not in answers_by_row:
            mark_missing(cells[0], style=styles.SMALL)
        chosen = answers_by_row.get(row.id)
        for cell, (_, choice_ids) in zip(cells[1:], columns):
            shared = len(choice_ids) > 1 and chosen in choice_ids
            _tick_cell(cell, chosen in choice_ids, question.choice_label(chosen) if shared else "")
    keep_rows_together(table, but_last=True)
    anchors.mark(ctx.doc, anchors.name(question.id), [table._tbl])


def choice_block(ctx: RenderContext, question: Question) -> None:
    """A choice question: the template's numbered options table when it has a tick column, else the
    chosen options' words as the answer."""
    if not question.tick_heading:
        question_box(ctx, question)
        return
    if skipped(ctx, question):
        return
    help_prompt(ctx, question.help, question.id)
    options_table(ctx, question)


def options_table(ctx: RenderContext, question: Question) -> None:
    """The options numbered 1, 2, 3… (Word numbering), each with its lead words in bold, and a tick column."""
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH - 2.6, 2.6], title=question.label,
                              description=f"The options numbered 1 to {len(question.choices)}; ☒ in the "
                                          f"“{question.tick_heading}” column marks the option chosen.")
    _heading_row(table, [question.label, question.tick_heading])
    docxkit.outline_level(table.rows[0].cells[0].paragraphs[0], ctx.level)  # the question, as a heading
    value = ctx.value(question)
    chosen = set(value) if isinstance(value, list) else {value}
    numbering = docxkit.new_list(ctx.doc.part, styles.NUMBERED)
    for choice in question.choices:
        text, tick = docxkit.add_row(table)
        paragraph = docxkit.list_item(text, styles.NUMBERED, numbering)
        if choice.lead:
            docxkit.add_text(paragraph, choice.lead).bold = True
        docxkit.add_text(paragraph, choice.label[len(choice.lead):], question.id)
        if choice.help:
            docxkit.add_text(docxkit.add_paragraph(text, styles.HELP), choice.help, f"help of '{question.id}'")
        _tick_cell(tick, choice.id in chosen)
    keep_rows_together(table, but_last=True)
    anchors.mark(ctx.doc, anchors.name(question.id), [table._tbl])
    if is_blank(value):
        mark_missing(ctx.doc, "Not answered – no option ticked")


def yes_no_table(ctx: RenderContext, questions: Sequence[Question]) -> None:
    """Consecutive YES/NO questions (the legal duties) as one table with YES and NO columns; each question's
    words are a heading inside its row, so screen readers can move from duty to duty."""
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH - 4.2, 2.1, 2.1], title="Legal duties: YES or NO",
                              description="One row per legal duty with its explanation; ☒ in the YES or NO "
                                          "column marks the answer.")
    _heading_row(table, ["", YES_NO_TEXT[YES], YES_NO_TEXT[NO]])
    for question in questions:
        label, yes, no = docxkit.add_row(table)
        paragraph = docxkit.paragraph_in(label, styles.CELL)
        docxkit.add_text(paragraph, question.heading, question.id)
        docxkit.outline_level(paragraph, ctx.level)
        for line in [question.help] if question.help else []:
            docxkit.add_text(docxkit.add_paragraph(label, styles.HELP), line, f"help of '{question.id}'")
        value = ctx.value(question)
        if value not in (YES, NO):
            mark_missing(label, "Not answered – neither YES nor NO chosen", styles.SMALL)
        _tick_cell(yes, value == YES)
        _tick_cell(no, value == NO)
        anchors.mark(ctx.doc, anchors.name(question.id), [table.rows[-1]._tr])

