"""Autosave: there is no Save button. Edited questions are saved after a pause in typing (and about once a
second during long typing), when focus leaves them, when the page changes and when the editor closes. A failed
save keeps the question dirty and is retried.

Undo follows the writer: what was typed between two pauses is one undo step (saves during a burst are folded
into it), so Ctrl+Z takes back the last sentence or words typed, never the whole answer.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from idmf.ui.editor.commands import SetAnswerCommand
from idmf.ui.editor.controller import EditorController, same_answer
from idmf.ui.editor.fields.base import QuestionWidget

DEBOUNCE_MS = 1500  # "within about two seconds of you pausing" (README)
RETRY_MS = 4000  # after a failure: often enough to recover soon, rarely enough not to nag
MAX_WAIT_MS = 1000  # while typing, saved at least this often (a crash loses at most about a second of typing)


def question_widget_of(widget: QWidget | None) -> QuestionWidget | None:
    """The QuestionWidget a focused input belongs to (None for the step list, buttons, other windows)."""
    while widget is not None:
        if isinstance(widget, QuestionWidget):
            return widget
        widget = widget.parentWidget()
    return None


class Autosave(QObject):
    """Tracks which questions have unsaved edits and turns them into SetAnswerCommands at the right moments."""

    def __init__(self, controller: EditorController, undo_stack: QUndoStack,
                 widget_for: Callable[[str], QuestionWidget | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.undo_stack = undo_stack
        self._widget_for = widget_for
        self.dirty: dict[str, None] = {}  # an ordered set: saved in the order they were edited
        self.debounce_ms = DEBOUNCE_MS
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._pause)
        self.max_wait = QTimer(self)  # not restarted by each keystroke, unlike the pause timer
        self.max_wait.setSingleShot(True)
        self.max_wait.timeout.connect(self._while_typing)
        self._last_pause_save = -1e9  # time.monotonic() of the last timed save

    def watch(self, widget: QuestionWidget) -> None:
        """Follow a question widget's edits."""
        qid = widget.question.id
        # Lambdas, not functools.partial: PySide6 connects a partial of a method about 20 times more slowly
        # (measured alone: 0.09 ms against 0.005 ms a question).
        widget.sig_edited.connect(lambda qid=qid: self.mark_dirty(qid))
        widget.sig_finished.connect(lambda qid=qid: self.save_now(qid))

    def mark_dirty(self, question_id: str) -> None:
        """An edit while typing: save once the user pauses."""
        self.dirty[question_id] = None
        self.timer.start(self.debounce_ms)
        if not self.max_wait.isActive():  # a throttle: the first key after a quiet spell is saved at once
            since = (time.monotonic() - self._last_pause_save) * 1000
            self.max_wait.start(max(0, int(MAX_WAIT_MS - since)))

    def save_now(self, question_id: str) -> None:
        """A finished edit (a click, a choice, a row added): save at once."""
        self.dirty[question_id] = None
        self.save(question_id, seal=True)

    def is_dirty(self) -> bool:
        """Whether any edit is not saved yet."""
        return bool(self.dirty)

    def save(self, question_id: str, seal: bool = False) -> bool:
        """Save one question's current widget value as one undo step; True when it is stored.

        A save after a pause in typing may be folded into the previous step of the same question; `seal` (the
        user left the field, changed page, pressed Undo) ends that step, so later typing becomes a new one.
        """
        widget = self._widget_for(question_id)
        if widget is None or not isValid(widget):
            self.dirty.pop(question_id, None)
            return True
        new, old = widget.value(), self.controller.saved_json(question_id)
        if not same_answer(new, old):
            self.undo_stack.push(SetAnswerCommand(self.controller, question_id, old, new, widget.merge_edits))
        if same_answer(self.controller.saved_json(question_id), new):
            self.dirty.pop(question_id, None)
            if seal:
                self._seal(question_id)
            return True
        self.timer.start(RETRY_MS)  # stays dirty: try again later
        return False

    def _seal(self, question_id: str) -> None:
        top = self.undo_stack.command(self.undo_stack.index() - 1) if self.undo_stack.index() > 0 else None
        if isinstance(top, SetAnswerCommand) and top.question_id == question_id:
            top.sealed = True

    def _while_typing(self) -> None:
        """A save while the user keeps typing: folded into the burst's undo step."""
        self._last_pause_save = time.monotonic()
        for qid in list(self.dirty):
            self.save(qid)

    def _pause(self) -> None:
        """The user paused: save what is pending and end the undo step, so the next words are a step of their own."""
        self._last_pause_save = time.monotonic()
        self.max_wait.stop()
        for qid in list(self.dirty):
            self.save(qid, seal=True)

    def flush(self) -> bool:
        """Save every pending edit now and end its undo step; True when all of them were stored."""
        self.timer.stop()
        self.max_wait.stop()
        results = [self.save(qid, seal=True) for qid in list(self.dirty)]
        return all(results)

    def forget(self) -> None:
        """Drop what is pending without saving (the editor moves to another assessment, everything saved)."""
        self.timer.stop()
        self.max_wait.stop()
        self.dirty.clear()

    def on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a question saves it at once (focus moving inside the same question does not)."""
        if not isValid(self):
            return
        left = question_widget_of(old)
        if left is None or not isValid(left) or left.question.id not in self.dirty:
            return
        if new is not None and left.isAncestorOf(new):
            return
        self.save(left.question.id, seal=True)
