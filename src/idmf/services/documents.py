"""Files people carry between computers: assessments exported as JSON or Word, and imported back.

The Word format loads python-docx only when a document is written or read, so the app and the command
line start without it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from idmf.domain.assessment import Assessment, Status
from idmf.domain.limits import MAX_ASSESSMENT_BYTES, mb
from idmf.domain.summary import AssessmentSummary
from idmf.files import atomic_write, atomic_write_text, read_at_most
from idmf.interchange.jsonio import InterchangeError, parse_json
from idmf.services import signoffs
from idmf.services.assessments import AssessmentService
from idmf.services.publishing import FORMATS as PUBLISHING_FORMATS
from idmf.services.publishing import PublishingService
from idmf.services.signing import SigningService
from idmf.services.word_in import WordInService
from idmf.signing.verification import Outcome
from idmf.storage.store import Store

FORMATS = ("json", "docx", *PUBLISHING_FORMATS)
WRONG_FILE = "Choose the .json or .docx file that IDMF Desktop wrote."


def _read_json_file(path: Path) -> str:
    """A .json export's text, refused by its size before reading, and read no further than the limit."""
    if path.stat().st_size > MAX_ASSESSMENT_BYTES:
        raise InterchangeError(f"{path.name} is refused: it is {mb(path.stat().st_size)}, and an assessment "
                               f"export is at most {mb(MAX_ASSESSMENT_BYTES)}. {WRONG_FILE}")
    with open(path, "rb") as stream:
        data = read_at_most(stream, MAX_ASSESSMENT_BYTES)  # the file may grow while it is read
    if data is None:
        raise InterchangeError(f"{path.name} is refused: it holds more than {mb(MAX_ASSESSMENT_BYTES)}, the "
                               f"most an assessment export holds. {WRONG_FILE}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterchangeError(f"{path.name} is not a JSON export of an assessment (it is not text). "
                               f"{WRONG_FILE}") from None


def read_assessment_text(path: Path) -> str:
    """The assessment JSON held in a .docx export or a .json file; InterchangeError says what is wrong."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise InterchangeError(f"{path} is a folder or a device, not a file. {WRONG_FILE}")
    if not path.is_file():
        raise InterchangeError(f"The file {path} was not found.")
    if path.suffix.lower() == ".docx":
        from idmf.export.embed import (
            read_embedded_json,  # python-docx and lxml only when a Word file is read
        )

        return read_embedded_json(path)
    return _read_json_file(path)


class DocumentService:
    """Imports and exports assessment files for the GUI and the CLI alike."""

    def __init__(self, store: Store, assessments: AssessmentService, signing: SigningService) -> None:
        self.store = store
        self.assessments = assessments
        self.signing = signing
        self.publishing = PublishingService(store, assessments.changes, self)
        self.word_in = WordInService(store, assessments.changes)

    def existing_copy(self, path: Path) -> AssessmentSummary | None:
        """The version this file holds, if it is already in the database (nothing is imported)."""
        return self.assessments.existing_copy(read_assessment_text(path))

    def import_file(self, path: Path, as_copy: bool = False) -> Assessment:
        """Import a .json or .docx export as a Draft; DuplicateImportError when that version is here and not
        as_copy; a Word file whose answers were edited in Word is refused (WordEditsPending) unless its edits
        are accepted through `word_in`, and its Word comments come in as review comments."""
        if Path(path).suffix.lower() == ".docx" and Path(path).is_file():
            return self.word_in.bring_in(Path(path), as_copy=as_copy).assessment
        return self.assessments.import_json(read_assessment_text(path), as_copy=as_copy)

    def claim(self, path: Path) -> str | None:
        """What a file says its status is, which an import never takes over (None for a draft): "claims:
        Approved — not verified", or verified when a Word file carries a trusted sign-off."""
        path = Path(path)
        try:
            meta = parse_json(read_assessment_text(path)).get("assessment") or {}
            claimed = Status(meta.get("status", "draft"))
        except (ValueError, AttributeError, TypeError, InterchangeError):  # the import says what is wrong
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

    def export(self, assessment_id: int, fmt: str, out: Path, *, guidance: bool = False,
               for_publishing: bool = False) -> Path:
        """Write an assessment to `out` in one of FORMATS, atomically (the old file survives any failure).

        `guidance`: a draft's Word file also prints the app's guidance under each question;
        `for_publishing` withholds staff names and contact details (the web page and easy read only)."""
        fmt = fmt.lower()
        if fmt in PUBLISHING_FORMATS:
            return self.publishing.export(assessment_id, fmt, Path(out), for_publishing=for_publishing)
        if fmt == "json":
            return atomic_write_text(Path(out), self.assessments.export_json(assessment_id))
        if fmt == "docx":
            return self.export_docx(assessment_id, out, guidance)
        raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})")

    def signed_by(self, assessment_id: int) -> str:
        """The footer line of a signed-off version (who signed it off, for which committee, their key); ''."""
        return signoffs.signed_by(self.store, assessment_id)

    def part_b_document(self, assessment_id: int, exported_at: dt.datetime | None = None, guidance: bool = False):
        """The committee-ready Part B Word document in memory (the Word export and the committee pack): a
        signed-off version's is the very document that was signed; `guidance`: a draft also prints the app's
        guidance, marked as not part of the template."""
        from idmf.export.writer import (  # python-docx only when a document is written
            build_document,
            open_signed,
        )

        signed = self.store.signoffs.document(assessment_id)
        if signed is not None:
            return open_signed(signed)
        item = self.store.assessments.get(assessment_id)
        return build_document(item, self.store.form_for(item), exported_at=exported_at, guidance=guidance)

    def export_docx(self, assessment_id: int, out: Path, guidance: bool = False) -> Path:
        """The committee-ready Word document; a signed-off version's is the very document that was signed."""
        signed = self.store.signoffs.document(assessment_id)
        if signed is not None:
            return atomic_write(Path(out), lambda temp: temp.write_bytes(signed))
        doc = self.part_b_document(assessment_id, guidance=guidance)
        return atomic_write(Path(out), lambda temp: doc.save(str(temp)))
