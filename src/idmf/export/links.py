"""The Step 4 links in the Word document: under each impact, what mitigates it and its evidence; at the end,
an appendix listing the attached documents (name, size, SHA-256) and which groups each action addresses."""

from __future__ import annotations

from docx.table import Table

from idmf.domain.answer_text import contradiction_note, no_mitigation_text
from idmf.domain.answers import ImpactAnswer
from idmf.domain.documents import size_text
from idmf.domain.link_text import action_label, evidence_label, groups_addressed, mitigation_labels
from idmf.domain.links import row_id
from idmf.domain.questions import ACTION_PLAN
from idmf.export import docxkit, styles
from idmf.export.blocks import FULL_WIDTH, RenderContext, heading, mark_missing

APPENDIX_TITLE = "Appendix: attached documents and the actions each group relies on"


def impact_links(ctx: RenderContext, answer: ImpactAnswer, where: str) -> None:
    """'Mitigated by: …', 'No mitigation possible: …' and 'Evidence: …' lines under an impact's narrative,
    after a note when the ticks contradict each other (they are printed as stored, never silently dropped)."""
    if note := contradiction_note(answer):  # marked like a gap: the reader must not miss it
        mark_missing(ctx.doc, note)
    lines = []
    if mitigations := mitigation_labels(ctx.assessment, answer):
        lines.append("Mitigated by: " + "; ".join(mitigations))
    if reason := no_mitigation_text(answer):
        lines.append(reason)
    if answer.evidence:
        lines.append("Evidence: " + "; ".join(evidence_label(ctx.assessment, e) for e in answer.evidence))
    for line in lines:
        docxkit.add_text(docxkit.add_paragraph(ctx.doc, styles.SMALL), line, where)


def appendix(ctx: RenderContext) -> None:
    """The appendix, when there is anything to list."""
    addressed = groups_addressed(ctx.assessment, ctx.form)
    rows = [r for r in ctx.assessment.answers.get(ACTION_PLAN) or [] if isinstance(r, dict)]
    linked = [(n, r) for n, r in enumerate(rows, start=1) if row_id(r) in addressed]
    if not ctx.assessment.documents and not linked:
        return
    heading(ctx, APPENDIX_TITLE, 1)
    if ctx.assessment.documents:
        heading(ctx, "Attached documents", 2)  # a heading each: two tables in a row would run together
        _documents_table(ctx)
    if linked:
        heading(ctx, "The groups each action mitigates", 2)
        table = _table(ctx, [FULL_WIDTH * 0.55, FULL_WIDTH * 0.45], ("Action", "Groups whose impact it mitigates"),
                       "Actions and the groups they address",
                       "Each action of the plan that a Step 4 impact is mitigated by, and those groups.")
        for n, row in linked:
            _cells(table, (action_label(n, row), "; ".join(addressed[row_id(row)])), f"row {n} of the action plan")


def _table(ctx: RenderContext, widths: list[float], heads: tuple[str, ...], title: str, description: str) -> Table:
    table = docxkit.new_table(ctx.doc, widths, title=title, description=description)
    for cell, text in zip(docxkit.add_row(table, header=True), heads):
        docxkit.shade(cell, styles.SHADE_HEAD)
        docxkit.add_text(docxkit.paragraph_in(cell, styles.CELL_HEAD), text)
    return table


def _cells(table: Table, texts: tuple[str, ...], where: str, small_last: bool = False) -> None:
    cells = docxkit.add_row(table)
    for cell, text in zip(cells, texts):
        style = styles.SMALL if small_last and cell is cells[-1] else styles.CELL
        docxkit.add_text(docxkit.paragraph_in(cell, style), text, where)


def _documents_table(ctx: RenderContext) -> None:
    table = _table(ctx, [FULL_WIDTH * w for w in (0.08, 0.37, 0.12, 0.43)],
                   ("No.", "Document", "Size", "SHA-256 (to check a copy)"), "Attached documents",
                   "Each document attached to this assessment, its size and SHA-256 to check a copy against.")
    for n, document in enumerate(ctx.assessment.documents, start=1):
        _cells(table, (f"A{n}", document.name, size_text(document.size), document.sha256),
               f"attached document {n}", small_last=True)
