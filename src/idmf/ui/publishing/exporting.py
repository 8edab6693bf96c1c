"""Where to save a publishing output, writing it off the GUI thread, and saying how it went."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from idmf.services.context import AppContext
from idmf.ui import messages
from idmf.ui.tasks import run_in_background

log = logging.getLogger(__name__)

WORD_FILTER, HTML_FILTER = "Word document (*.docx)", "Web page (*.html)"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')  # characters Windows refuses in file names


def file_name(title: str, what: str, suffix: str) -> str:
    """'<title> - <what><suffix>', safe on every system."""
    stem = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .")[:90].strip() or "IDMF assessment"
    return f"{stem} - {what}{suffix}"


def choose_path(parent: QWidget | None, heading: str, name: str, filters: tuple[str, ...]) -> Path | None:
    """Ask where to save (None when cancelled); the chosen filter's ending is added when the name lacks one."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, used = QFileDialog.getSaveFileName(parent, heading, str(Path(folder) / name), ";;".join(filters))
    if not chosen:
        return None
    path = Path(chosen)
    wanted = ".html" if used == HTML_FILTER else ".docx" if used == WORD_FILTER else path.suffix
    return path if path.suffix.lower() in (".docx", ".html", ".htm") else path.with_name(path.name + wanted)


def export_in_background(parent: QWidget | None, context: AppContext, heading: str, assessment_id: int, fmt: str,
                         path: Path, for_publishing: bool = False) -> QObject:
    """Write one output off the GUI thread; say where it went, or why it could not be made."""
    def succeeded(_result: object) -> None:
        log.info("Exported assessment %s as %s", assessment_id, fmt)
        messages.information(parent, heading, f"Saved “{path.name}” in {path.parent}.")

    def failed(message: str, exc: BaseException) -> None:
        if isinstance(exc, PermissionError):
            message = ("The file could not be saved there. If a file with that name is open in another program, "
                       "close it and try again, or choose another name or folder.")
        messages.warning(parent, heading, f"The file could not be made. {message}")

    return run_in_background(parent, lambda: context.documents.export(assessment_id, fmt, path,
                                                                      for_publishing=for_publishing),
                             on_success=succeeded, on_failure=failed, label=f"{heading}…")


def ask_for_publishing(parent: QWidget | None, heading: str) -> bool | None:
    """Whether to leave staff names and contact details out (True), keep them (False), or cancel (None)."""
    box = QMessageBox(QMessageBox.Icon.Question, heading,
                      "Is this copy for publishing on a website?\n\nA published copy leaves out staff names, "
                      "email addresses and phone numbers; roles stay.", parent=parent)
    leave_out = box.addButton("Leave names out", QMessageBox.ButtonRole.YesRole)
    keep = box.addButton("Keep names", QMessageBox.ButtonRole.NoRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(leave_out)
    box.exec()
    return True if box.clickedButton() is leave_out else False if box.clickedButton() is keep else None
