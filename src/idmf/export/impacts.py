"""Step 4's impact blocks: each protected characteristic, People Experiencing Deprivation and every further
inclusion-health group the user added — name, description, the three impact boxes, prompt and narrative."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from idmf.domain.answer_text import RATINGS, group_name
from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank
from idmf.export import anchors, answers, docxkit, styles
from idmf.export.blocks import FULL_WIDTH, RenderContext, fixed_text, guidance, heading, help_prompt, mark_missing
from idmf.export.links import impact_links
from idmf.forms.schema import Question


def _ticks(ctx: RenderContext, label: str, answer: ImpactAnswer, anchor: str) -> None:
    table = docxkit.new_table(ctx.doc, [FULL_WIDTH / 3] * 3, title=f"{label}: impact",
                              description="☒ marks each impact ticked: " + ", ".join(t for _, t in RATINGS) + ".")
    for cell, (_, text) in zip(docxkit.add_row(table, header=True), RATINGS):
        docxkit.shade(cell, styles.SHADE_HEAD)
        paragraph = docxkit.paragraph_in(cell, styles.CELL_HEAD)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docxkit.add_text(paragraph, text)
    for cell, (name, _) in zip(docxkit.add_row(table), RATINGS):
        paragraph = docxkit.paragraph_in(cell, styles.CELL)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        docxkit.add_tick(paragraph, getattr(answer, name))
    for row in table.rows:  # the boxes stay with the name above and the prompt below
        for cell in row.cells:
            docxkit.keep_with_next(cell.paragraphs)
    anchors.mark(ctx.doc, anchor + anchors.TICKS, [table.rows[-1]._tr])


def impact_block(ctx: RenderContext, question: Question, answer: ImpactAnswer | None, *, label: str,
                 description: str, prompt: str, where: str, anchor: str, named: bool = False) -> None:
    """One characteristic or group: its name (a heading), who it covers, ☒/☐ positive/negative/neutral,
    the prompt and the narrative, with what is missing said plainly. `anchor`: the bookmark name its parts
    (ticks, narrative) extend; `named`: the name is part of the answer (a further group's), bookmarked too."""
    answer = answer or ImpactAnswer()
    title = heading(ctx, label, ctx.level)
    if named:
        anchors.mark(ctx.doc, anchor, [title._p])
    if description:
        fixed_text(ctx, (description,))
    _ticks(ctx, label, answer, anchor)
    help_prompt(ctx, prompt, question.id)
    if not answer.ratings():
        mark_missing(ctx.doc, "Not answered – no impact ticked")
    with anchors.marked(ctx.doc, anchor + anchors.NARRATIVE):
        if not is_blank(answer.narrative):
            answers.write_answer(ctx.doc, answer.narrative, where, label)
        elif answer.ratings():
            mark_missing(ctx.doc, "Not answered – no narrative")
    impact_links(ctx, answer, where)  # outside the narrative's bookmark: links are not edited in Word


def impact_question(ctx: RenderContext, question: Question) -> None:
    """A fixed impact block (a protected characteristic, deprivation)."""
    impact_block(ctx, question, ctx.value(question), label=question.heading, description=question.description,
                 prompt=question.help, where=f"answer '{question.id}'", anchor=anchors.parts(question.id))
    guidance(ctx, question.guidance)


def group_catalogue(ctx: RenderContext, question: Question) -> None:
    """Each inclusion-health group the user added, assessed like a protected characteristic (none: nothing,
    as the template's further groups are optional)."""
    groups: list[GroupImpact] = list(ctx.value(question) or [])
    if groups and question.print_label:
        heading(ctx, question.heading, ctx.level)
    inner = ctx.deeper() if groups and question.print_label else ctx
    catalogue = {entry.id: entry for entry in question.catalogue}
    for number, group in enumerate(groups, start=1):
        entry = catalogue.get(group.catalogue_id or "")
        impact_block(inner, question, group.impact, label=group_name(number, group.name), description="",
                     prompt=entry.help if entry else "", where=f"group {number} of '{question.id}'",
                     anchor=anchors.name(question.id, f"{anchors.GROUP}{number}"), named=True)
