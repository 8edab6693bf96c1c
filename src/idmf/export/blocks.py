"""The building blocks every part of the document uses: the render context, headings, the template's
fixed text, a question's wording (heading, description, help) and text answers.

Headings carry Word's heading styles, one level per layer (step → group → question), so the navigation
pane and screen readers can move by them; space comes from the styles, never from empty paragraphs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from docx.document import Document
from docx.text.paragraph import Paragraph

from idmf.domain.answer_text import answer_text
from idmf.domain.answers import is_blank
from idmf.domain.assessment import Assessment
from idmf.export import anchors, answers, docxkit, styles
from idmf.export.sanitize import lines
from idmf.forms.schema import FormDefinition, Question
from idmf.forms.text import Bold, Bullets, TextBlock

FULL_WIDTH = styles.FULL_WIDTH
NOT_ANSWERED = "Not answered"
KEEP_LIMIT = 1200  # characters; a longer row may break across pages rather than be clipped
GUIDANCE_PREFIX = "IDMF Desktop guidance (not part of the template): "


@dataclass
class RenderContext:
    """What every block needs: the document being built, the form, the assessment, and where we are."""

    doc: Document
    form: FormDefinition
    assessment: Assessment
    exported_at: dt.datetime
    signed_by: str = ""  # a signed-off version's footer line: who signed it off and their key's fingerprint
    guidance: bool = False  # print the app's guidance too (drafts only)
    level: int = 2  # heading level of a question here: 2 under a step, 3 inside a group

    def value(self, question: Question) -> Any:
        """The typed answer to a question (None when unanswered)."""
        return self.assessment.answers.get(question.id)

    def deeper(self) -> "RenderContext":
        """The same context one heading level down (the questions of a group)."""
        return replace(self, level=self.level + 1)


def heading(ctx: RenderContext, text: str, level: int) -> Paragraph:
    """A heading paragraph in Word's own heading style of that level."""
    paragraph = docxkit.add_paragraph(ctx.doc, f"Heading {min(level, styles.HEADING_LEVELS)}")
    docxkit.add_text(paragraph, text, "a heading")
    return paragraph


def fixed_text(ctx: RenderContext, blocks: tuple[TextBlock, ...], style: str = styles.INTRO) -> list[Paragraph]:
    """The template's own text, verbatim: paragraphs, bold paragraphs and bulleted lists (kept with what follows)."""
    made: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Bullets):
            for item in block.bullets:
                made.append(docxkit.list_item(ctx.doc, styles.BULLET))
                docxkit.add_text(made[-1], item, "the template's text")
            continue
        made.append(docxkit.add_paragraph(ctx.doc, style))
        text = block.text if isinstance(block, Bold) else block
        docxkit.add_linked_text(made[-1], text, "the template's text")
        if isinstance(block, Bold):
            for run in made[-1].runs:
                run.bold = True
    docxkit.keep_with_next(made)
    return made


def guidance(ctx: RenderContext, text: str) -> None:
    """The app's own advice, printed only in drafts exported with guidance (marked as not the template's)."""
    if ctx.guidance and text:
        for line in lines(text, "the app's guidance"):
            if line.strip():
                paragraph = docxkit.add_paragraph(ctx.doc, styles.GUIDANCE)
                docxkit.add_text(paragraph, GUIDANCE_PREFIX + line, "the app's guidance")


def wording(ctx: RenderContext, question: Question, label: str | None = None) -> None:
    """A question as the template prints it: its heading, description and help prompt (and guidance)."""
    if question.print_label or label:
        heading(ctx, label or question.heading, ctx.level)
    if question.description:
        fixed_text(ctx, (question.description,))
    help_prompt(ctx, question.help, question.id)
    guidance(ctx, question.guidance)


def help_prompt(ctx: RenderContext, text: str, question_id: str) -> None:
    """The template's help prompt, in italics, one paragraph per line."""
    for line in lines(text, f"help of '{question_id}'") if text else []:
        if line.strip():
            docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.HELP), line, f"help of '{question_id}'")


def mark_missing(container, text: str = NOT_ANSWERED, style: str = styles.ANSWER) -> Paragraph:
    """The visible gap marker a reviewer looks for."""
    paragraph = docxkit.paragraph_in(container, style)
    docxkit.add_text(paragraph, text, style=styles.NOT_ANSWERED)
    return paragraph


def skipped(ctx: RenderContext, question: Question) -> bool:
    """An app-only question left empty is not printed at all (it is not part of the template)."""
    return question.app_only and is_blank(ctx.value(question))


def question_box(ctx: RenderContext, question: Question) -> None:
    """Heading, description and help, then the answer's words (text, dates, people, chosen options)."""
    if skipped(ctx, question):
        return
    wording(ctx, question)
    answer(ctx, question)


def answer(ctx: RenderContext, question: Question) -> None:
    """A question's answer in words (or the gap marker), bookmarked as that question's."""
    text = answer_text(question, ctx.value(question))
    with anchors.marked(ctx.doc, anchors.name(question.id)):
        if not text:
            mark_missing(ctx.doc)
        else:
            answers.write_answer(ctx.doc, text, f"answer '{question.id}'", question.label)


def front_field(ctx: RenderContext, question: Question) -> None:
    """A front-matter field: its label in bold, the answer beneath (the template's header fields)."""
    if skipped(ctx, question):
        return
    label = docxkit.add_paragraph(ctx.doc, styles.LABEL)
    docxkit.add_text(label, question.heading, question.id)
    guidance(ctx, question.guidance)
    answer(ctx, question)


def keep_rows_together(table, but_last: bool = False) -> None:
    """Keep a short table on one page (Word and LibreOffice keep rows whose paragraphs keep with next)."""
    rows = list(table.rows)[:-1] if but_last else table.rows
    for row in rows:
        for cell in row.cells:
            docxkit.keep_with_next(cell.paragraphs)
