"""Assessment (+ its form) → committee-ready Word document.

The document follows the form definition: its sections become the numbered steps, its questions (in
order, conditional ones only when relevant) become blocks by field type, and its closing guidance
becomes "What Next?". The file is written atomically and carries the assessment's JSON inside it.
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
from docx.shared import Cm

from idmf.domain.answer_text import answer_text
from idmf.domain.assessment import Assessment
from idmf.domain.questions import DATA_SOURCES, ORGANISATION
from idmf.export import blocks, census, docxkit, embed, links, page, repeating, sanitize, styles, texts
from idmf.export.blocks import RenderContext
from idmf.forms.schema import FieldType, FormDefinition, Question, Section
from idmf.paths import resources_dir
from idmf.files import atomic_write

log = logging.getLogger("idmf.export")

CENSUS_AFTER = DATA_SOURCES  # the census profile follows this Step 2 question, as in the template
CENSUS_STEP = 2

_BLOCKS: dict[FieldType, Callable[[RenderContext, Question], None]] = {
    FieldType.GRID: blocks.grid_table,
    FieldType.IMPACT: blocks.impact_question,
    FieldType.SINGLE_CHOICE: blocks.choice_list,
    FieldType.MULTIPLE_CHOICE: blocks.choice_list,
    FieldType.TABLE: repeating.data_table,
    FieldType.GROUP_CATALOGUE: repeating.group_catalogue,
}


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


def _heading(ctx: RenderContext, text: str, level: int) -> None:
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, f"Heading {level}"), text, "a heading")


def _intro(ctx: RenderContext, text: str) -> None:
    for line in [t for t in text.split("\n") if t.strip()]:
        paragraph = docxkit.add_paragraph(ctx.doc, styles.INTRO)
        docxkit.add_text(paragraph, line, "the form's introduction")
        paragraph.paragraph_format.keep_with_next = True


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
            blocks.yes_no_table(ctx, yes_no)
            yes_no = []
        _BLOCKS.get(question.type, blocks.question_box)(ctx, question)
        if question.id == census_after:
            census.census_profile(ctx)
            placed = True
    if yes_no:
        blocks.yes_no_table(ctx, yes_no)
    return placed


def _step(ctx: RenderContext, section: Section) -> None:
    _heading(ctx, section.display_title, 1)
    _intro(ctx, section.intro)
    wants_census = section.step == CENSUS_STEP
    placed = _render_questions(ctx, section.questions, CENSUS_AFTER if wants_census else None)
    for group in section.groups:
        _heading(ctx, group.title, 2)
        _intro(ctx, group.intro)
        placed |= _render_questions(ctx, group.questions, CENSUS_AFTER if wants_census and not placed else None)
    if wants_census and not placed:
        census.census_profile(ctx)


def _unnumbered(ctx: RenderContext, section: Section, heading: bool) -> None:
    """Front matter and approval: a label | answer table (with a heading unless it is the front matter)."""
    if heading:
        _heading(ctx, section.display_title, 1)
        _intro(ctx, section.intro)
    questions = [q for q in section.all_questions() if ctx.assessment.is_relevant(ctx.form, q.id)]
    blocks.key_value_table(ctx, questions)


def _organisation(ctx: RenderContext) -> str:
    try:
        question = ctx.form.question(ORGANISATION)
    except KeyError:
        return ctx.assessment.organisation
    return answer_text(question, ctx.assessment.answers.get(ORGANISATION))


def _title_block(ctx: RenderContext) -> None:
    texts.render(ctx.doc, "title_block", organisation=_organisation(ctx), form_title=ctx.form.title,
                 subtitle=ctx.form.subtitle, title=ctx.assessment.title)
    page.draft_banner(ctx)
    if ctx.form.heat_note:
        texts.render(ctx.doc, "heat_note", note=ctx.form.heat_note)


def _closing(ctx: RenderContext) -> None:
    if not ctx.form.closing:
        return
    _heading(ctx, ctx.form.closing_title or "What Next?", 1)
    for number, text in enumerate(ctx.form.closing, start=1):
        paragraph = texts.render(ctx.doc, "closing_item", number=number, text=text)[0]
        paragraph.paragraph_format.left_indent = Cm(0.7)
        paragraph.paragraph_format.first_line_indent = -Cm(0.7)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.7))


def build_document(assessment: Assessment, form: FormDefinition, *, exported_at: dt.datetime | None = None,
                   reference: Path | None = None, fingerprint: str = "") -> DocumentObject:
    """The whole Word document for an assessment, in memory (fingerprint: its sign-off, for the footer)."""
    moment = exported_at or dt.datetime.now(dt.timezone.utc)
    ctx = RenderContext(open_reference(reference), form, sanitize.clean_assessment(assessment), moment,
                        fingerprint)
    page.header_and_footer(ctx)
    page.core_properties(ctx)
    _title_block(ctx)
    for index, section in enumerate(form.sections):
        if section.step is None:
            _unnumbered(ctx, section, heading=index > 0)
        else:
            _step(ctx, section)
    _closing(ctx)
    links.appendix(ctx)
    embed.embed_assessment(ctx.doc, assessment)
    return ctx.doc


def export_docx(assessment: Assessment, form: FormDefinition, path: Path, *,
                exported_at: dt.datetime | None = None, fingerprint: str = "") -> Path:
    """Write the assessment as a .docx at `path` atomically (the old file survives any failure)."""
    doc = build_document(assessment, form, exported_at=exported_at, fingerprint=fingerprint)
    return atomic_write(Path(path), lambda temp: doc.save(str(temp)))
