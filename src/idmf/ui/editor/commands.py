"""Undo commands: one QUndoCommand per change to the assessment, acting on the controller, never on widgets."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtGui import QUndoCommand

from idmf.ui.editor.controller import EditorController, same_answer

# Consecutive text saves of one question this close together are one undo step (a typing burst with pauses).
MERGE_WINDOW_S = 8.0
_MERGE_ID = 0x1D4F


class SetAnswerCommand(QUndoCommand):
    """Set one answer from `old_json` to `new_json`; undo puts the old answer back."""

    def __init__(self, controller: EditorController, question_id: str, old_json: Any, new_json: Any,
                 mergeable: bool = False) -> None:
        label = controller.form.question(question_id).label
        super().__init__(f"Edit “{label[:50]}”")
        self.controller = controller
        self.question_id = question_id
        self.old_json = old_json
        self.new_json = new_json
        self.mergeable = mergeable
        self.made_at = time.monotonic()
        self._pushed = False
        self.sealed = False  # set once the user left the field: later typing there is a new undo step

    def redo(self) -> None:
        """Store the new answer; a failed first save makes the command obsolete (the stack drops it)."""
        # The first redo is the user's own edit, already on screen; a later redo should show where it happened.
        ok = self.controller.apply(self.question_id, self.new_json, reveal=self._pushed)
        if not ok and not self._pushed:
            self.setObsolete(True)
        self._pushed = True

    def undo(self) -> None:
        """Store the old answer again, and show the question it changed."""
        self.controller.apply(self.question_id, self.old_json, reveal=True)

    def id(self) -> int:  # noqa: A003 - Qt override
        """Text edits of any question share one merge id (mergeWith checks the question); sealed steps never merge."""
        return _MERGE_ID if self.mergeable and not self.sealed else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Fold a later save of the same text question into this step (it is already stored)."""
        if not isinstance(other, SetAnswerCommand) or other.question_id != self.question_id:
            return False
        if other.isObsolete():
            return False  # its save failed: nothing of it is stored, so nothing to fold in
        if other.made_at - self.made_at > MERGE_WINDOW_S:
            return False
        self.new_json = other.new_json
        self.made_at = other.made_at
        if same_answer(self.old_json, self.new_json):
            self.setObsolete(True)  # typed and deleted again: nothing left to undo
        return True


class AppliedAnswersCommand(QUndoCommand):
    """Answers already changed together elsewhere (edits accepted from a Word file), as one undo step: undo puts
    every old answer back, redo stores the new ones again. Pushing it stores nothing (they are stored)."""

    def __init__(self, controller: EditorController, text: str, changes: dict[str, tuple[Any, Any]]) -> None:
        super().__init__(text)
        self.controller = controller
        self.changes = changes  # question id → (old JSON, new JSON)
        self._pushed = False

    def redo(self) -> None:
        """Store the new answers again (not on the push: they are already stored)."""
        if self._pushed:
            for number, (question_id, (_old, new)) in enumerate(self.changes.items()):
                self.controller.apply(question_id, new, reveal=number == 0)
        self._pushed = True

    def undo(self) -> None:
        """Store every old answer again, and show the first question it changed."""
        for number, (question_id, (old, _new)) in enumerate(self.changes.items()):
            self.controller.apply(question_id, old, reveal=number == 0)
