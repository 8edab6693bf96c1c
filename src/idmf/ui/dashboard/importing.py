"""File → Import assessment…: bring back an assessment from its JSON export or a Word file the app exported (with
the edits and comments made in Word, see review/word_edits_dialog.py), or import a Part B filled in Word.

An EDI partner or a committee secretary who only received the Word document can continue from it: the
.docx carries the assessment inside it. Nothing already in the database is ever replaced by an import.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from idmf.ui import messages
from idmf.ui.tasks import describe_error

if TYPE_CHECKING:
    from idmf.services.context import AppContext

log = logging.getLogger(__name__)

HEADING = "Import assessment"
FILE_FILTER = ("Assessments (*.docx *.json);;Word documents: exported by IDMF Desktop or a Part B filled in Word "
               "(*.docx);;JSON exports (*.json)")


def _ask_copy(parent: QWidget | None, existing: int) -> bool | None:
    """Already here: True to import a separate copy, False to open the one we have, None to cancel."""
    box = messages.question(
        parent, HEADING, "This assessment version is already in your list.\n\nOpen the one you have, or import "
        "a separate copy (a new assessment with the same answers)?",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open)
    return {QMessageBox.StandardButton.Save: True, QMessageBox.StandardButton.Open: False}.get(box)


WordEditsDone = Callable[[int, str, dict], None]  # (assessment id, undo text, {question id: (old, new)})


def _word_file(parent: QWidget | None, context: AppContext, path: Path,
               on_edits: WordEditsDone | None = None) -> int | None | bool:
    """A Word file with something beyond its data (edits made in Word, Word comments) or filled in Word without
    the app: brought in after the user chose which edits to keep; False when it is a plain export."""
    reading = context.word_in.read(path)
    if not (reading.handfilled or reading.edits or reading.comments or reading.not_placed):
        return False
    if reading.edits and not reading.handfilled:
        from idmf.ui.review.word_edits_dialog import WordEditsDialog

        dialog = WordEditsDialog(reading, path.name, parent)
        accepted = dialog.exec() == WordEditsDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()  # Qt deletes it once control is back in the event loop, never Python's collector
        if not accepted:
            return None
        reading.edits = chosen
    done = context.word_in.bring_in(path, accept_edits=True, reading=reading)
    if on_edits is not None and done.applied:
        values = {e.question_id: e.value for e in reading.edits}
        on_edits(done.assessment.id, f"Changes from {path.name}",
                 {qid: (done.replaced.get(qid), values.get(qid)) for qid in done.applied})
    messages.information(parent, HEADING, f"{path.name}: {done.summary()}.")
    return done.assessment.id


def import_file(parent: QWidget | None, context: AppContext, path: Path,
                on_edits: WordEditsDone | None = None) -> int | None:
    """Import one file; returns the id to show (new, or the existing copy), None when refused or cancelled.
    `on_edits` hears the answers a Word file's accepted edits changed (so the editor can offer to undo them)."""
    try:
        if path.suffix.lower() == ".docx":
            brought = _word_file(parent, context, path, on_edits)
            if brought is not False:
                return brought
        existing = context.documents.existing_copy(path)
        if existing is not None:
            as_copy = _ask_copy(parent, existing.id)
            if as_copy is None or as_copy is False:
                return None if as_copy is None else existing.id
        claim = context.documents.claim(path)
        imported = context.documents.import_file(path, as_copy=existing is not None).id
        if claim:  # a file never carries authority: say what it claimed and that it is a Draft here
            messages.information(parent, HEADING, claim)
        return imported
    except Exception as exc:  # noqa: BLE001 - a broken file is a message, never a crash, and changes nothing
        log.warning("Import of a %s file failed: %s", path.suffix, type(exc).__name__)
        messages.warning(parent, HEADING, f"{path.name} could not be imported. {describe_error(exc)}\n\n"
                            "Nothing in your list was changed.")
        return None


def choose_and_import(parent: QWidget | None, context: AppContext,
                      on_edits: WordEditsDone | None = None) -> int | None:
    """Ask for a file, then import it (see import_file)."""
    name, _filter = QFileDialog.getOpenFileName(parent, HEADING, str(Path.home()), FILE_FILTER)
    return import_file(parent, context, Path(name), on_edits) if name else None
