"""Assessment (+ its form) → committee-ready Word document, in the IDMF Part B template's words and order.

Title block, the template's opening lines and Step 1–6 overview, the front matter and HEAT note, then each
section under its template heading ("1. Aims" …, "Approval") with its questions in order (conditional ones
only when relevant, app-only ones only when answered), and "What Next?". The file is written atomically,
carries the assessment's JSON inside it, and is built to be accessible: language en-GB, a title, real
headings, no empty spacing paragraphs, tables with heading rows and alt text.
"""

from __future__ import annotations

import datetime as dt
import logging
from io import BytesIO
from pathlib import Path
from typing import Callable, Sequence

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from idmf.domain.answer_text import answer_text
from idmf.domain.assessment import Assessment
from idmf.domain.questions import DATA_SOURCES, ORGANISATION
from idmf.export import census, docxkit, embed, links, page, repeating, sanitize, styles, texts
from idmf.export.blocks import RenderContext, fixed_text, front_field, guidance, heading, question_box
from idmf.export.choices import choice_block, grid_table, yes_no_table
from idmf.export.impacts import group_catalogue, impact_question
from idmf.files import atomic_write
from idmf.forms.printed import overview_line, section_heading
from idmf.forms.schema import FieldType, FormDefinition, Question, Section
from idmf.paths import resources_dir

log = logging.getLogger("idmf.export")

CENSUS_AFTER = DATA_SOURCES  # the census profile follows this Step 2 question, as in the template
CENSUS_STEP = 2

_BLOCKS: dict[FieldType, Callable[[RenderContext, Question], None]] = {
    FieldType.GRID: grid_table,
    FieldType.IMPACT: impact_question,
    FieldType.SINGLE_CHOICE: choice_block,
    FieldType.MULTIPLE_CHOICE: choice_block,
    FieldType.TABLE: repeating.data_table,
    FieldType.GROUP_CATALOGUE: group_catalogue,
}


def open_signed(data: bytes) -> DocumentObject:
    """A signed-off version's Word document, exactly as it was signed (kept with its sign-off)."""
    return Document(BytesIO(data))


def open_reference(path: Path | None = None) -> DocumentObject:
    """The styled reference document with its specimen body removed (page set-up and styles kept)."""
    path = Path(path) if path else resources_dir() / styles.REFERENCE_NAME
    if path.is_file():
        doc = Document(str(path))
    else:
        log.warning("Word export: reference document %s is missing; using built-in styles.", path)
        buffer = BytesIO()
        styles.build_reference().save(buffer)
        doc = Document(BytesIO(buffer.getvalue()))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _render_questions(ctx: RenderContext, questions: Sequence[Question], census_after: str | None) -> bool:
    """Render relevant questions in order (YES/NO runs as one table); True when the census was placed."""
    placed = False
    yes_no: list[Question] = []
    for question in questions:
        if not ctx.assessment.is_relevant(ctx.form, question.id):
            continue
        if question.type == FieldType.YES_NO:
            yes_no.append(question)
            continue
        if yes_no:
            yes_no_table(ctx, yes_no)
            yes_no = []
        _BLOCKS.get(question.type, question_box)(ctx, question)
        if question.id == census_after:
            census.census_profile(ctx)
            placed = True
    if yes_no:
        yes_no_table(ctx, yes_no)
    return placed


def _section(ctx: RenderContext, section: Section) -> None:
    """A step or the approval: its template heading and intro, its questions, its groups."""
    heading(ctx, section_heading(section), 1)
    fixed_text(ctx, section.intro)
    guidance(ctx, section.guidance)
    census_after = CENSUS_AFTER if section.step == CENSUS_STEP else None
    placed = _render_questions(ctx, section.questions, census_after)
    for group in section.groups:
        heading(ctx, group.title, 2)
        fixed_text(ctx, group.intro)
        guidance(ctx, group.guidance)
        placed |= _render_questions(ctx.deeper(), group.questions, None if placed else census_after)
    if census_after and not placed:
        census.census_profile(ctx)


def _front_matter(ctx: RenderContext, section: Section) -> None:
    """The template's header fields (title, organisation, lead…): label and answer, no heading of their own."""
    fixed_text(ctx, section.intro)
    for question in section.all_questions():
        if ctx.assessment.is_relevant(ctx.form, question.id):
            front_field(ctx, question)


def _organisation(ctx: RenderContext) -> str:
    try:
        question = ctx.form.question(ORGANISATION)
    except KeyError:
        return ctx.assessment.organisation
    return answer_text(question, ctx.assessment.answers.get(ORGANISATION))


def _opening(ctx: RenderContext) -> None:
    """Title block, DRAFT banner, the template's two opening lines and its Step 1–6 overview."""
    texts.render(ctx.doc, "title_block", organisation=_organisation(ctx), form_title=ctx.form.title,
                 subtitle=ctx.form.subtitle, title=ctx.assessment.title)
    page.draft_banner(ctx)
    fixed_text(ctx, ctx.form.intro)
    steps = [s for s in ctx.form.sections if s.step is not None]
    if ctx.form.overview_title and steps:
        heading(ctx, ctx.form.overview_title, 1)
        for section in steps:
            label, rest = overview_line(section).split(":", 1)  # "Step 1:" in bold, as in the template
            texts.render(ctx.doc, "overview_step", label=f"{label}:", rest=rest)


def _closing(ctx: RenderContext) -> None:
    """'What Next?' and its numbered guidance (a Word numbered list)."""
    if not ctx.form.closing:
        return
    heading(ctx, ctx.form.closing_title or "What Next?", 1)
    numbering = docxkit.new_list(ctx.doc.part, styles.NUMBERED)
    for text in ctx.form.closing:
        docxkit.add_text(docxkit.list_item(ctx.doc, styles.NUMBERED, numbering), text, "the closing guidance")


def build_document(assessment: Assessment, form: FormDefinition, *, exported_at: dt.datetime | None = None,
                   reference: Path | None = None, signed_by: str = "", guidance: bool = False) -> DocumentObject:
    """The whole Word document for an assessment, in memory (signed_by: the footer line of a sign-off;
    guidance: also print the app's guidance, which only a draft does)."""
    moment = exported_at or dt.datetime.now(dt.timezone.utc)
    clean = sanitize.clean_assessment(assessment)
    ctx = RenderContext(open_reference(reference), form, clean, moment, signed_by)
    ctx.guidance = guidance and page.is_draft(ctx)
    page.header_and_footer(ctx)
    page.core_properties(ctx)
    _opening(ctx)
    for index, section in enumerate(form.sections):
        if index == 0 and section.step is None:
            _front_matter(ctx, section)
            if form.heat_note:
                texts.render(ctx.doc, "heat_note", note=form.heat_note)
        else:
            _section(ctx, section)
    _closing(ctx)
    links.appendix(ctx)
    embed.embed_assessment(ctx.doc, assessment)
    return ctx.doc


def export_docx(assessment: Assessment, form: FormDefinition, path: Path, *,
                exported_at: dt.datetime | None = None, signed_by: str = "", guidance: bool = False) -> Path:
    """Write the assessment as a .docx at `path` atomically (the old file survives any failure)."""
    doc = build_document(assessment, form, exported_at=exported_at, signed_by=signed_by, guidance=guidance)
    return atomic_write(Path(path), lambda temp: doc.save(str(temp)))
