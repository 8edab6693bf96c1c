"""File → Import assessment…: bring back an assessment from its JSON export or from a Word file the app exported.

An EDI partner or a committee secretary who only received the Word document can continue from it: the
.docx carries the assessment inside it. Nothing already in the database is ever replaced by an import.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from idmf.export.embed import read_embedded_json
from idmf.interchange import jsonio
from idmf.services.context import AppContext
from idmf.ui.tasks import describe_error

log = logging.getLogger(__name__)

HEADING = "Import assessment"
FILE_FILTER = "Assessments (*.docx *.json);;Word documents exported by IDMF Desktop (*.docx);;JSON exports (*.json)"
MAX_JSON_BYTES = 200 * 1024 * 1024  # far beyond any real assessment: a wrong file is refused before reading


def read_assessment_text(path: Path) -> str:
    """The assessment JSON held in a .docx export or a .json file; ValueError/OSError say what is wrong."""
    if path.suffix.lower() == ".docx":
        return read_embedded_json(path)
    if path.stat().st_size > MAX_JSON_BYTES:
        raise ValueError(f"{path.name} is far too large to be an assessment export. Choose the .json or .docx "
                         "file that IDMF Desktop wrote.")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{path.name} is not a JSON export of an assessment (it is not text). Choose the "
                         ".json or .docx file that IDMF Desktop wrote.") from None


def _existing_id(context: AppContext, text: str) -> int | None:
    """The id of the same assessment version if this database already holds it."""
    item = jsonio.loads(text, context.forms)
    return next((s.id for s in context.repository.versions(item.uid) if s.version_number == item.version_number),
                None)


def _ask_copy(parent: QWidget | None, existing: int) -> bool | None:
    """Already here: True to import a separate copy, False to open the one we have, None to cancel."""
    box = QMessageBox.question(
        parent, HEADING, "This assessment version is already in your list.\n\nOpen the one you have, or import "
        "a separate copy (a new assessment with the same answers)?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open)
    return {QMessageBox.StandardButton.Save: True, QMessageBox.StandardButton.Open: False}.get(box)


def import_file(parent: QWidget | None, context: AppContext, path: Path) -> int | None:
    """Import one file; returns the id to show (new, or the existing copy), None when refused or cancelled."""
    try:
        text = read_assessment_text(path)
        existing = _existing_id(context, text)
        if existing is not None:
            as_copy = _ask_copy(parent, existing)
            if as_copy is None or as_copy is False:
                return None if as_copy is None else existing
            return context.assessments.import_json(text, as_copy=True).id
        return context.assessments.import_json(text).id
    except Exception as exc:  # noqa: BLE001 - a broken file is a message, never a crash, and changes nothing
        log.warning("Import of a %s file failed: %s", path.suffix, type(exc).__name__)
        reason = str(exc) if isinstance(exc, ValueError) else describe_error(exc)  # our import errors are ValueErrors
        QMessageBox.warning(parent, HEADING, f"{path.name} could not be imported. {reason}\n\n"
                            "Nothing in your list was changed.")
        return None


def choose_and_import(parent: QWidget | None, context: AppContext) -> int | None:
    """Ask for a file, then import it (see import_file)."""
    name, _filter = QFileDialog.getOpenFileName(parent, HEADING, str(Path.home()), FILE_FILTER)
    return import_file(parent, context, Path(name)) if name else None
