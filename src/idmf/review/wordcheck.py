"""Verify a signed-off Word document: the fingerprint printed in its footer against the assessment
embedded in it (idmf.export.embed), and, when a database is at hand, against the recorded sign-off.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from lxml import etree

from idmf.review.errors import SignoffError
from idmf.review.signoff import Verification, display_fingerprint, signoff_by_uid, verify_fingerprint
from idmf.services.context import AppContext

MAX_PART_BYTES = 5 * 1024 * 1024  # a footer is a few kilobytes
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
# 64 hex digits, written plain or in groups ("ab12 cd34 …" / "ab12:cd34…").
_FINGERPRINT = re.compile(r"(?<![0-9a-f])(?:[0-9a-f]{4}[ :\-]?){15}[0-9a-f]{4}(?![0-9a-f])", re.IGNORECASE)


def _footer_texts(path: Path) -> list[str]:
    texts = []
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if re.fullmatch(r"word/footer\d*\.xml", info.filename) and info.file_size <= MAX_PART_BYTES:
                    root = etree.fromstring(archive.read(info), _PARSER)
                    texts.append("".join(t.text or "" for t in root.iter(f"{_W}t")))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError) as exc:
        raise SignoffError(f"{path.name} cannot be read as a Word document ({exc}).") from None
    return texts


def footer_fingerprint(path: Path) -> str | None:
    """The fingerprint printed in a Word file's footer, or None when there is none."""
    for text in _footer_texts(Path(path)):
        match = _FINGERPRINT.search(text)
        if match:
            return re.sub(r"[ :\-]", "", match.group(0)).lower()
    return None


def _embedded_document(path: Path) -> dict:
    from idmf.export.embed import read_embedded_json  # the export feature owns the embedding

    try:
        return json.loads(read_embedded_json(path))
    except json.JSONDecodeError:
        raise SignoffError(f"The assessment embedded in {path.name} is damaged (not valid JSON).") from None


def verify_docx(path: Path, context: AppContext | None = None) -> Verification:
    """Check a Word file's footer fingerprint against its embedded content (and the database's sign-off)."""
    path = Path(path)
    if not path.exists():
        raise SignoffError(f"The file {path} was not found.")
    printed = footer_fingerprint(path)
    if printed is None:
        return Verification(False, f"{path.name} has no fingerprint in its footer: only signed-off versions carry "
                                   "one (drafts are not signed).")
    document = _embedded_document(path)
    if not verify_fingerprint(document, printed):
        return Verification(False, f"NOT verified: the content inside {path.name} does not match the fingerprint "
                                   f"in its footer ({display_fingerprint(printed)}). The document has been "
                                   "changed since it was signed off.", printed)
    return _against_database(context, document, printed, path.name)


def _against_database(context: AppContext | None, document: dict, printed: str, name: str) -> Verification:
    meta = document.get("assessment") or {}
    ok = Verification(True, f"Verified: the content of {name} matches the fingerprint in its footer "
                            f"({display_fingerprint(printed)}).", printed, printed)
    if context is None:
        return ok
    signed = signoff_by_uid(context, str(meta.get("uid")), int(meta.get("version_number") or 0))
    if signed is None:
        return Verification(True, ok.message + " This database holds no sign-off for it to compare with.",
                            printed, printed)
    if signed.fingerprint != printed:
        return Verification(False, f"NOT verified: {name} is self-consistent, but its fingerprint differs from the "
                                   f"sign-off recorded on {signed.meeting_date:%d/%m/%Y} by {signed.committee}.",
                            signed.fingerprint, printed)
    return Verification(True, ok.message + f" It is the version signed off by {signed.committee} on "
                                           f"{signed.meeting_date:%d/%m/%Y} (approver: {signed.approver}).",
                        signed.fingerprint, printed)
