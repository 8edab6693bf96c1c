"""The page furniture every publishing output shares with the Part B Word export: header (title, status),
footer (version, export date, app version) and the signed-off line (signer and key).

The Word outputs call the Part B export's own `page.header_and_footer`, and the web pages print the lines
that very function writes into a Word footer, so a change to the footer (a signer's name beside the
fingerprint, say) reaches every output at once.
"""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from docx.document import Document as DocumentObject

from idmf.domain.assessment import Assessment
from idmf.export import page
from idmf.export.blocks import RenderContext
from idmf.export.sanitize import clean_assessment
from idmf.export.writer import open_reference
from idmf.forms.schema import FormDefinition

_PAGE_NUMBERS = re.compile(r"\s*Page\s+\d+\s+of\s+\d+\s*")


def page_context(form: FormDefinition, assessment: Assessment, *, exported_at: dt.datetime | None = None,
                 signed_by: str = "", doc: DocumentObject | None = None) -> RenderContext:
    """What the Part B export's blocks and page furniture need, on a fresh reference document unless given one."""
    moment = exported_at or dt.datetime.now(dt.timezone.utc)
    return RenderContext(doc if doc is not None else open_reference(), form, clean_assessment(assessment), moment,
                         signed_by)


def furnish(ctx: RenderContext, subject: str) -> None:
    """Header, footer (with the signed-off line) and document properties, as on the Part B export."""
    page.header_and_footer(ctx)
    page.core_properties(ctx)
    ctx.doc.core_properties.subject = subject


def footer_lines(form: FormDefinition, assessment: Assessment, *, exported_at: dt.datetime | None = None,
                 signed_by: str = "") -> list[str]:
    """The Word footer's lines as plain text, page numbers left out (a web page has no pages)."""
    ctx = page_context(form, assessment, exported_at=exported_at, signed_by=signed_by)
    page.header_and_footer(ctx)
    lines = []
    for paragraph in ctx.doc.sections[0].footer.paragraphs:
        text = _PAGE_NUMBERS.sub(" ", paragraph.text).replace("\t", " ").strip()
        if text:
            lines.append(" ".join(text.split()))
    return lines


def is_draft(assessment: Assessment) -> bool:
    """The Part B export's own rule for the DRAFT marking (it reads only the assessment of its context)."""
    return page.is_draft(SimpleNamespace(assessment=assessment))  # type: ignore[arg-type]


def status_line(assessment: Assessment) -> str:
    """'Approved · version 2', or the draft marking the Part B export prints until approval."""
    label = assessment.status.label
    if is_draft(assessment):
        return f"DRAFT – NOT APPROVED (status: {label}) · version {assessment.version_number}"
    return f"{label} · version {assessment.version_number}"
