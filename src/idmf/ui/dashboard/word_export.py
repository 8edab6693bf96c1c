"""File → Export to Word…: choose where, build the document off the GUI thread, offer to open it."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from idmf.ui import messages
from idmf.ui.tasks import run_in_background

if TYPE_CHECKING:
    from idmf.services.context import AppContext

log = logging.getLogger(__name__)

HEADING = "Export to Word"
# Characters Windows refuses in file names, plus control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')

def default_file_name(title: str) -> str:
    """A safe .docx file name from an assessment's title."""
    stem = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .")[:100].strip() or "IDMF assessment"
    return f"{stem} - equality analysis.docx"


def _with_docx_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


def _failure_message(message: str, exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        # The usual cause on Windows: the previous export is still open in Word.
        return ("The Word document could not be saved there. If a file with that name is open in Word, "
                "close it and try again, or choose another name or folder.")
    return f"The Word document could not be made. {message}"


def _offer_to_open(parent: QWidget | None, path: Path) -> None:
    answer = messages.question(
        parent, HEADING, f"Saved “{path.name}” in {path.parent}.\n\nOpen it now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer == QMessageBox.StandardButton.Yes and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        messages.information(parent, HEADING, f"No program to open Word documents was found. "
                                                 f"The file is saved at {path}.")


def choose_path(parent: QWidget | None, title: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, HEADING, str(Path(folder) / default_file_name(title)), "Word document (*.docx)")
    return _with_docx_suffix(Path(chosen)) if chosen else None


def export_to_word(parent: QWidget | None, context: AppContext, assessment_id: int,
                   on_finished: Callable[[Path | None], None] | None = None) -> QObject | None:
    """Run the whole export dialogue for one assessment; returns the background task, or None if not started.

    `on_finished(path or None)` is called on the GUI thread once the export succeeded or failed.
    """
    path = choose_path(parent, context.assessments.get(assessment_id).title)
    if path is None:
        return None

    def succeeded(_result: object) -> None:
        log.info("Exported assessment %s to Word", assessment_id)
        if on_finished is not None:
            on_finished(path)
        _offer_to_open(parent, path)

    def failed(message: str, exc: BaseException) -> None:
        if on_finished is not None:
            on_finished(None)
        messages.warning(parent, HEADING, _failure_message(message, exc))

    return run_in_background(parent, lambda: context.documents.export_docx(assessment_id, path),
                             on_success=succeeded, on_failure=failed, label="Exporting to Word…")
