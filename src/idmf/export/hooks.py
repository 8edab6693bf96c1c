"""The Word format for `idmf-cli export --format docx` and `idmf-cli import FILE.docx`.

Listed in idmf.cli.assessments (EXPORTERS["docx"], IMPORTERS[".docx"]); the GUI calls the same two
functions (off the GUI thread: they are plain blocking calls with no Qt).
"""

from __future__ import annotations

from pathlib import Path

from idmf.domain.assessment import Assessment
from idmf.services.context import AppContext


def export_docx_command(context: AppContext, assessment_id: int, out: Path) -> None:
    """Export stored assessment `assessment_id` to a Word file at `out`."""
    from idmf.export.writer import export_docx
    from idmf.review.signoff import display_fingerprint, signoff_for

    item = context.repository.get(assessment_id)
    signoff = signoff_for(context, assessment_id)
    fingerprint = display_fingerprint(signoff.fingerprint) if signoff else ""
    export_docx(item, context.assessments.form_for(item), out, fingerprint=fingerprint)


def import_docx_command(context: AppContext, path: Path, as_copy: bool) -> Assessment:
    """Import the assessment embedded in a Word file exported by IDMF Desktop."""
    from idmf.export.embed import read_embedded_json

    return context.assessments.import_json(read_embedded_json(path), as_copy=as_copy)
