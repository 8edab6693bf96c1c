"""Files people carry between computers: assessments exported as JSON or Word, and imported back.

The Word format loads python-docx only when a document is written or read, so the app and the command
line start without it.
"""

from __future__ import annotations

import json
from pathlib import Path

from idmf.domain.assessment import Assessment, Status
from idmf.domain.summary import AssessmentSummary
from idmf.files import atomic_write, atomic_write_text
from idmf.interchange.jsonio import InterchangeError
from idmf.services import signoffs
from idmf.services.assessments import AssessmentService
from idmf.services.signing import SigningService
from idmf.signing.verification import Outcome
from idmf.storage.store import Store

FORMATS = ("json", "docx")
MAX_JSON_BYTES = 200 * 1024 * 1024  # far beyond any real assessment: a wrong file is refused before reading


def read_assessment_text(path: Path) -> str:
    """The assessment JSON held in a .docx export or a .json file; InterchangeError says what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise InterchangeError(f"The file {path} was not found.")
    if path.suffix.lower() == ".docx":
        from idmf.export.embed import read_embedded_json  # python-docx and lxml only when a Word file is read

        return read_embedded_json(path)
    if path.stat().st_size > MAX_JSON_BYTES:
        raise InterchangeError(f"{path.name} is far too large to be an assessment export. Choose the .json or "
                               ".docx file that IDMF Desktop wrote.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InterchangeError(f"{path.name} is not a JSON export of an assessment (it is not text). Choose the "
                               ".json or .docx file that IDMF Desktop wrote.") from None


class DocumentService:
    """Imports and exports assessment files for the GUI and the CLI alike."""

    def __init__(self, store: Store, assessments: AssessmentService, signing: SigningService) -> None:
        self.store = store
        self.assessments = assessments
        self.signing = signing

    def existing_copy(self, path: Path) -> AssessmentSummary | None:
        """The version this file holds, if it is already in the database (nothing is imported)."""
        return self.assessments.existing_copy(read_assessment_text(path))

    def import_file(self, path: Path, as_copy: bool = False) -> Assessment:
        """Import a .json or .docx export as a Draft; DuplicateImportError when that version is here and not
        as_copy."""
        return self.assessments.import_json(read_assessment_text(path), as_copy=as_copy)

    def claim(self, path: Path) -> str | None:
        """What a file says its status is, which an import never takes over (None for a draft): "claims:
        Approved — not verified", or verified when a Word file carries a trusted sign-off."""
        path = Path(path)
        try:
            meta = json.loads(read_assessment_text(path)).get("assessment") or {}
            claimed = Status(meta.get("status", "draft"))
        except (ValueError, AttributeError, TypeError):
            return None
        if claimed == Status.DRAFT:
            return None
        checked = "not verified"
        if path.suffix.lower() == ".docx":
            result = signoffs.verify_docx(path, self.signing.trusted_roles, self.store)
            if result.outcome == Outcome.VERIFIED and result.signer is not None:
                checked = f"verified, signed off by {result.signer.name}"
            elif result.outcome == Outcome.UNTRUSTED:
                checked = "signed by someone you do not trust yet"
        return (f"The file says this assessment is “{claimed.label}”. An import never carries a status, so it is a "
                f"Draft here (claims: {claimed.label} — {checked}).")

    def export(self, assessment_id: int, fmt: str, out: Path) -> Path:
        """Write an assessment to `out` as 'json' or 'docx', atomically (the old file survives any failure)."""
        fmt = fmt.lower()
        if fmt == "json":
            return atomic_write_text(Path(out), self.assessments.export_json(assessment_id))
        if fmt == "docx":
            return self.export_docx(assessment_id, out)
        raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})")

    def export_docx(self, assessment_id: int, out: Path) -> Path:
        """The committee-ready Word document; a signed-off version's is the very document that was signed."""
        signed = self.store.signoffs.document(assessment_id)
        if signed is not None:
            return atomic_write(Path(out), lambda temp: temp.write_bytes(signed))
        from idmf.export.writer import export_docx  # python-docx only when a document is written

        item = self.store.assessments.get(assessment_id)
        return export_docx(item, self.store.form_for(item), Path(out))
