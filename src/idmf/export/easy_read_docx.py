"""The easy-read summary as a Word document: large clear type (Arial 14 pt, headings 18 pt), one sentence a
line, bullet points as Word bullets, with the same header and footer (version, status, fingerprint) as the
Part B export."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.shared import Pt

from idmf.domain.publishing import BULLET, EasyRead
from idmf.export import docxkit, styles
from idmf.export.blocks import RenderContext
from idmf.export.furniture import furnish

SUBJECT = "Easy read summary of an equality analysis"
TITLE = "Easy read summary"
BODY_SIZE, HEADING_SIZE = Pt(14), Pt(18)
BULLET_STYLE = "List Bullet"


def _line(ctx: RenderContext, text: str) -> None:
    bullet = text.startswith(BULLET.strip())
    text = text[len(BULLET.strip()):].strip() if bullet else text
    paragraph = docxkit.add_paragraph(ctx.doc, BULLET_STYLE if bullet else styles.ANSWER)
    paragraph.paragraph_format.space_after = Pt(8)
    paragraph.paragraph_format.line_spacing = 1.3
    docxkit.add_text(paragraph, text, "the easy-read summary").font.size = BODY_SIZE


def build_easy_read(ctx: RenderContext, text: EasyRead) -> DocumentObject:
    """The whole easy-read document for one assessment."""
    furnish(ctx, SUBJECT)
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.TITLE), TITLE)
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.PROPOSAL), ctx.assessment.title or "Untitled assessment")
    for heading, body in text.parts():
        docxkit.add_text(docxkit.add_paragraph(ctx.doc, "Heading 1"), heading).font.size = HEADING_SIZE
        for line in (raw.strip() for raw in body.splitlines()):
            if line:
                _line(ctx, line)
    return ctx.doc
