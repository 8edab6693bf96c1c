"""When an answer was changed elsewhere (the CLI, another window, a colleague on the team database) while
the user was editing it: show both texts and let the user choose, never silently overwriting either.

The text not kept goes to the clipboard, so even the losing side of the choice is not lost.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from idmf.domain.answer_text import answer_text
from idmf.domain.answers import AnswerError, parse_answer

log = logging.getLogger(__name__)

KEEP_MINE, USE_THEIRS = "mine", "theirs"


def readable(question, json_value: Any) -> str:
    """An answer in the Word document's words ('(no answer)' when empty; its JSON when it does not fit)."""
    try:
        text = answer_text(question, parse_answer(question, json_value))
    except (AnswerError, ValueError, TypeError):
        text = json_value if isinstance(json_value, str) else json.dumps(json_value, ensure_ascii=False, indent=1)
    return text or "(no answer)"


def ask_which(parent: QWidget | None, label: str, theirs: str, mine: str) -> str:
    """Ask which text to keep; KEEP_MINE or USE_THEIRS."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Changed elsewhere",
                      f"“{label}” was changed somewhere else (another window, the command line or a colleague) "
                      "while you were editing it.", parent=parent)
    box.setInformativeText("Keep your text to replace the other version, or use the other version instead of "
                           "yours. The text you do not keep is copied to the clipboard, so you can paste it back.")
    box.setDetailedText(f"The other version:\n{theirs}\n\nYour text:\n{mine}")
    keep = box.addButton("Keep my text", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Use the other version", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)  # closing the box must not throw away what the user typed
    box.exec()
    return KEEP_MINE if box.clickedButton() is keep else USE_THEIRS


class ConflictResolver(QObject):
    """Listens for save conflicts from the editor's controller and settles each one with the user."""

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._busy = False
        # Queued: the dialog must not open inside the save (or undo step) that found the conflict.
        editor.controller.sig_conflict.connect(self.resolve, Qt.ConnectionType.QueuedConnection)

    def resolve(self, question_id: str) -> None:
        """Reload the assessment, then keep the user's text or take the other version, as the user chooses."""
        field = self.editor.question_widget(question_id)
        if self._busy or field is None:
            return
        self._busy = True
        try:
            self._settle(question_id, field)
        finally:
            self._busy = False

    def _settle(self, question_id: str, field) -> None:
        controller, autosave = self.editor.controller, self.editor.autosave
        autosave.timer.stop()
        autosave.max_wait.stop()
        mine = field.value()
        controller.reload()
        theirs = controller.saved_json(question_id)
        question = controller.form.question(question_id)
        if theirs == mine:  # already settled (a retry during the dialog found the same conflict)
            autosave.dirty.pop(question_id, None)
            autosave.flush()
            return
        choice = ask_which(self.editor, question.label, readable(question, theirs), readable(question, mine))
        log.info("Save conflict on %r settled: %s", question_id, choice)
        QApplication.clipboard().setText(readable(question, theirs if choice == KEEP_MINE else mine))
        if choice == KEEP_MINE:
            autosave.mark_dirty(question_id)
            autosave.flush()
        else:
            autosave.dirty.pop(question_id, None)
            field.set_value(theirs)
        self.editor.refresh_all()
