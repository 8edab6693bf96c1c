"""Word blocks for each kind of question: question boxes, grids, impact blocks, YES/NO tables, option
lists and repeatable tables. Labels, help and choices all come from the form definition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from idmf.domain.answer_text import RATINGS, YES_NO_TEXT, answer_text
from idmf.domain.answers import ImpactAnswer, is_blank
from idmf.domain.assessment import Assessment
from idmf.domain.questions import NO, YES
from idmf.export import docxkit, styles
from idmf.export.sanitize import lines
from idmf.forms.schema import FormDefinition, Question

FULL_WIDTH = 17.0  # cm between the A4 margins of the reference document
NOT_ANSWERED = "Not answered"
KEEP_LIMIT = 1200  # characters; a longer row may break across pages rather than be clipped


@dataclass
class RenderContext:
    """What every block needs: the document being built, the form and the assessment."""

    doc: Document
    form: FormDefinition
    assessment: Assessment
    exported_at: dt.datetime
    fingerprint: str = ""  # printed in the footer of a signed-off version

    def value(self, question: Question) -> Any:
        """The typed answer to a question (None when unanswered)."""
        return self.assessment.answers.get(question.id)

    def spacer(self) -> None:
        """A small gap so two tables never run together."""
        docxkit.add_paragraph(self.doc, styles.SPACER)


def write_lines(cell: _Cell, text: str, where: str, style: str = styles.ANSWER) -> None:
    """One paragraph per line of (sanitised) text in a cell."""
    first, *rest = lines(text, where)
    docxkit.paragraph_in(cell, style).add_run(first)
    docxkit.append_lines(cell, rest, style)


def mark_missing(cell: _Cell, text: str = NOT_ANSWERED, style: str = styles.CELL) -> None:
    """The visible gap marker a reviewer looks for."""
    docxkit.add_text(docxkit.paragraph_in(cell, style), text, style=styles.NOT_ANSWERED)


def label_cell(cell: _Cell, question: Question, label: str | None = None, help_text: str | None = None) -> None:
    """A shaded heading cell: the question's label (with * for HEAT questions) and its help prompt."""
    docxkit.shade(cell, styles.SHADE_LABEL)
    star = " *" if question.heat else ""
    docxkit.add_text(docxkit.paragraph_in(cell, styles.LABEL), (label or question.label) + star, question.id)
    help_text = question.help if help_text is None else help_text
    if help_text:
        write_lines(cell, help_text, f"help of '{question.id}'", styles.HELP)
    docxkit.keep_with_next(cell.paragraphs)


def question_box(ctx: RenderContext, question: Question) -> None:
    """Label and help in a shaded row, the answer beneath (text, dates, people, simple choices)."""
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH])
    label_cell(docxkit.merged_row(table), question)
    text = answer_text(question, ctx.value(question))
    answer = docxkit.add_row(table, keep=0 < len(text) < KEEP_LIMIT)[0]
    if not text:
        mark_missing(answer)
    else:
        write_lines(answer, text, f"answer '{question.id}'")
    ctx.spacer()


def key_value_table(ctx: RenderContext, questions: Sequence[Question]) -> None:
    """Front matter and approval: label | answer rows."""
    table = docxkit.new_table(ctx.doc, [6.2, FULL_WIDTH - 6.2])
    for question in questions:
        label, value = docxkit.add_row(table)
        label_cell(label, question, help_text="")
        if question is not questions[-1]:
            docxkit.keep_with_next(label.paragraphs)
        text = answer_text(question, ctx.value(question))
        if not text:
            mark_missing(value)
        else:
            write_lines(value, text, f"answer '{question.id}'", styles.CELL)
    ctx.spacer()


def _centred_tick(cell: _Cell, checked: bool) -> None:
    paragraph = docxkit.paragraph_in(cell, styles.CELL)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docxkit.add_tick(paragraph, checked)
    docxkit.valign_centre(cell)


def grid_table(ctx: RenderContext, question: Question) -> None:
    """The who-is-impacted grid: one row per group, ☒ under the chosen answer."""
    first = 6.0
    table = docxkit.new_table(ctx.doc, [first] + [(FULL_WIDTH - first) / len(question.choices)] * len(question.choices))
    label_cell(docxkit.merged_row(table, header=True), question)
    heads = docxkit.add_row(table, header=True)
    for cell, choice in zip(heads[1:], question.choices):
        paragraph = docxkit.paragraph_in(cell, styles.CELL_HEAD)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docxkit.add_text(paragraph, choice.label)
    for cell in heads:
        docxkit.shade(cell, styles.SHADE_HEAD)
    answers = ctx.value(question) or {}
    for row in question.rows:
        cells = docxkit.add_row(table)
        docxkit.add_text(docxkit.paragraph_in(cells[0], styles.CELL), row.label)
        if row.id not in answers:
            mark_missing(cells[0], style=styles.SMALL)
        for cell, choice in zip(cells[1:], question.choices):
            _centred_tick(cell, answers.get(row.id) == choice.id)
    ctx.spacer()


def choice_list(ctx: RenderContext, question: Question) -> None:
    """Single or multiple choice as the template shows options: every choice with ☒ or ☐."""
    table = docxkit.new_table(ctx.doc, [1.1, FULL_WIDTH - 1.1])
    label_cell(docxkit.merged_row(table), question)
    value = ctx.value(question)
    chosen = set(value) if isinstance(value, list) else {value}
    for choice in question.choices:
        tick, text = docxkit.add_row(table)
        _centred_tick(tick, choice.id in chosen)
        docxkit.add_text(docxkit.paragraph_in(text, styles.CELL), choice.label)
        if choice.help:
            write_lines(text, choice.help, f"help of '{question.id}'", styles.HELP)
    if is_blank(value):
        mark_missing(docxkit.merged_row(table), "Not answered – no option ticked")
    _keep_rows_together(table, but_last=True)
    ctx.spacer()


def yes_no_table(ctx: RenderContext, questions: Sequence[Question]) -> None:
    """Consecutive YES/NO questions (the legal duties) as one table with YES and NO columns."""
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH - 4.2, 2.1, 2.1])
    heads = docxkit.add_row(table, header=True)
    for cell, text in zip(heads, ("", YES_NO_TEXT[YES], YES_NO_TEXT[NO])):
        docxkit.shade(cell, styles.SHADE_HEAD)
        paragraph = docxkit.paragraph_in(cell, styles.CELL_HEAD)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docxkit.add_text(paragraph, text)
    for question in questions:
        label, yes, no = docxkit.add_row(table)
        star = " *" if question.heat else ""
        docxkit.add_text(docxkit.paragraph_in(label, styles.CELL), question.label + star, question.id)
        if question.help:
            write_lines(label, question.help, f"help of '{question.id}'", styles.HELP)
        value = ctx.value(question)
        if value not in (YES, NO):
            mark_missing(label, "Not answered – neither YES nor NO chosen", styles.SMALL)
        _centred_tick(yes, value == YES)
        _centred_tick(no, value == NO)
    ctx.spacer()


def impact_block(ctx: RenderContext, question: Question, answer: ImpactAnswer | None, *, label: str,
                 description: str, prompt: str, where: str) -> None:
    """One characteristic or group: name, who it covers, ☒/☐ positive/negative/neutral, prompt, narrative."""
    answer = answer or ImpactAnswer()
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH / 3] * 3)
    head = docxkit.merged_row(table)
    label_cell(head, question, label=label, help_text="")
    if description:
        write_lines(head, description, f"description of '{question.id}'", styles.CELL)
    ticks = docxkit.add_row(table)
    for cell, (name, tick_label) in zip(ticks, RATINGS):
        docxkit.add_tick(docxkit.paragraph_in(cell, styles.CELL), getattr(answer, name), tick_label)
    if prompt:
        write_lines(docxkit.merged_row(table), prompt, f"help of '{question.id}'", styles.HELP)
    _keep_rows_together(table)
    narrative = docxkit.merged_row(table, keep=len(answer.narrative) < KEEP_LIMIT)
    if not answer.ratings():
        mark_missing(narrative, "Not answered – no impact ticked")
    if not is_blank(answer.narrative):
        write_lines(narrative, answer.narrative, where)
    elif answer.ratings():
        mark_missing(narrative, "Not answered – no narrative")
    from idmf.export.links import impact_links  # links.py builds on this module's helpers
    impact_links(ctx, narrative, answer, where)
    ctx.spacer()


def _keep_rows_together(table, but_last: bool = False) -> None:
    """Keep a short table on one page (Word and LibreOffice keep rows whose paragraphs keep with next)."""
    rows = list(table.rows)[:-1] if but_last else table.rows
    for row in rows:
        for cell in row.cells:
            docxkit.keep_with_next(cell.paragraphs)


def impact_question(ctx: RenderContext, question: Question) -> None:
    """A fixed impact block (a protected characteristic, deprivation)."""
    impact_block(ctx, question, ctx.value(question), label=question.label, description=question.description,
                 prompt=question.help, where=f"answer '{question.id}'")
