"""The Step 4 links in the Word document: under each impact, what mitigates it and its evidence; at the end,
an appendix listing the attached documents (name, size, SHA-256) and which groups each action addresses."""

from __future__ import annotations

from docx.table import _Cell

from idmf.domain.answer_text import contradiction_note, no_mitigation_text
from idmf.domain.answers import ImpactAnswer
from idmf.domain.documents import size_text
from idmf.domain.link_text import action_label, evidence_label, groups_addressed, mitigation_labels
from idmf.domain.links import row_id
from idmf.domain.questions import ACTION_PLAN
from idmf.export import docxkit, styles
from idmf.export.blocks import FULL_WIDTH, RenderContext, mark_missing, write_lines

APPENDIX_TITLE = "Appendix: attached documents and the actions each group relies on"


def impact_links(ctx: RenderContext, cell: _Cell, answer: ImpactAnswer, where: str) -> None:
    """'Mitigated by: …', 'No mitigation possible: …' and 'Evidence: …' lines in an impact's narrative cell,
    after a note when the ticks contradict each other (they are printed as stored, never silently dropped)."""
    if note := contradiction_note(answer):  # marked like a gap: the reader must not miss it
        mark_missing(cell, note)
    lines = []
    if mitigations := mitigation_labels(ctx.assessment, answer):
        lines.append("Mitigated by: " + "; ".join(mitigations))
    if reason := no_mitigation_text(answer):
        lines.append(reason)
    if answer.evidence:
        lines.append("Evidence: " + "; ".join(evidence_label(ctx.assessment, e) for e in answer.evidence))
    for line in lines:
        write_lines(cell, line, where, styles.SMALL)


def appendix(ctx: RenderContext) -> None:
    """The appendix, when there is anything to list."""
    documents = ctx.assessment.documents
    addressed = groups_addressed(ctx.assessment, ctx.form)
    rows = [r for r in ctx.assessment.answers.get(ACTION_PLAN) or [] if isinstance(r, dict)]
    linked = [(n, r) for n, r in enumerate(rows, start=1) if row_id(r) in addressed]
    if not documents and not linked:
        return
    docxkit.add_text(docxkit.add_paragraph(ctx.doc, "Heading 1"), APPENDIX_TITLE, "a heading")
    if documents:
        _documents_table(ctx)
    if linked:
        table = docxkit.new_table(ctx.doc, [FULL_WIDTH * 0.55, FULL_WIDTH * 0.45])
        for cell, text in zip(docxkit.add_row(table, header=True), ("Action", "Groups whose impact it mitigates")):
            docxkit.shade(cell, styles.SHADE_HEAD)
            docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), text)
        for n, row in linked:
            action, groups = docxkit.add_row(table)
            write_lines(action, action_label(n, row), f"row {n} of the action plan", styles.CELL)
            write_lines(groups, "; ".join(addressed[row_id(row)]), f"row {n} of the action plan", styles.CELL)
        ctx.spacer()


def _documents_table(ctx: RenderContext) -> None:
    widths = [FULL_WIDTH * w for w in (0.08, 0.37, 0.12, 0.43)]
    table = docxkit.new_table(ctx.doc, widths)
    for cell, text in zip(docxkit.add_row(table, header=True), ("No.", "Document", "Size", "SHA-256 (to check a copy)")):
        docxkit.shade(cell, styles.SHADE_HEAD)
        docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), text)
    for n, document in enumerate(ctx.assessment.documents, start=1):
        cells = docxkit.add_row(table)
        for cell, text in zip(cells, (f"A{n}", document.name, size_text(document.size), document.sha256)):
            write_lines(cell, text, f"attached document {n}", styles.CELL if cell is not cells[3] else styles.SMALL)
    ctx.spacer()
