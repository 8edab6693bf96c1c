"""Undo steps for links and documents: one QUndoCommand per user action, calling the EvidenceController.

The first redo is the user's own action (already where they are looking); a later undo or redo shows where it
happened. A first redo that fails makes the command obsolete, so the stack drops it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QUndoCommand

from idmf.domain.documents import AttachedDocument
from idmf.ui.evidence.controller import EvidenceController, ImpactRef

STEP_4, STEP_2 = "impact", "evidence"  # the sections where links and documents are shown
MERGE_WINDOW_S = 8.0  # typing the reason with short pauses is one undo step (as for answers)
_MERGE_ID = 0x1D50


class _Step(QUndoCommand):
    """What every step here shares: the first redo is the user's; a failed first redo drops the step."""

    def __init__(self, controller: EvidenceController, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self._pushed = False

    def redo(self) -> None:
        """Do the change; on a later redo, show where it happened."""
        if not self._do() and not self._pushed:
            self.setObsolete(True)
        if self._pushed:
            self._reveal()
        self._pushed = True

    def undo(self) -> None:
        """Take the change back and show where it happened."""
        self._undo()
        self._reveal()

    def _do(self) -> bool:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _reveal(self) -> None:
        raise NotImplementedError


class LinkCommand(_Step):
    """Link an impact to an action or a piece of evidence, or unlink it; undo does the opposite."""

    def __init__(self, controller: EvidenceController, where: ImpactRef, kind: str, target: str, add: bool,
                 label: str) -> None:
        verb = "Link" if add else "Unlink"
        super().__init__(controller, f"{verb} “{label[:40]}” {'to' if add else 'from'} {where.name}")
        self.where, self.kind, self.target, self.add = where, kind, target, add

    def _do(self) -> bool:
        # Later redos put back exactly what was stored (an old row's number was given an id the first time).
        stored = self.controller.link(self.where, self.kind, self.target, self.add, restore=self._pushed)
        if stored is not None:
            self.target = stored
        return stored is not None

    def _undo(self) -> None:
        self.controller.link(self.where, self.kind, self.target, not self.add, restore=True)

    def _reveal(self) -> None:
        self.controller.reveal(STEP_4, self.where.question_id)


class NoMitigationCommand(_Step):
    """Set the reason no mitigation is possible; a typing burst with short pauses is one step."""

    def __init__(self, controller: EvidenceController, where: ImpactRef, old: str, new: str) -> None:
        super().__init__(controller, f"Edit why no mitigation is possible for {where.name}")
        self.where, self.old, self.new = where, old, new
        self.made_at = time.monotonic()
        self.sealed = False  # set when the user leaves the box: later typing is a new step

    def _do(self) -> bool:
        return self.controller.set_no_mitigation(self.where, self.new)

    def _undo(self) -> None:
        self.controller.set_no_mitigation(self.where, self.old)

    def _reveal(self) -> None:
        self.controller.reveal(STEP_4, self.where.question_id)

    def id(self) -> int:  # noqa: A003 - Qt override
        """Typing in one reason box merges (mergeWith checks which box); a sealed step never does."""
        return -1 if self.sealed else _MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Fold a later save of the same reason into this step (it is already stored)."""
        if not isinstance(other, NoMitigationCommand) or other.where[:2] != self.where[:2] or other.isObsolete():
            return False
        if other.made_at - self.made_at > MERGE_WINDOW_S:
            return False
        self.new, self.made_at = other.new, other.made_at
        if self.new == self.old:
            self.setObsolete(True)  # typed and deleted again: nothing left to undo
        return True


class AttachDocumentCommand(_Step):
    """Attach a file; undo removes it, redo attaches the same document again (same id: links to it work)."""

    def __init__(self, controller: EvidenceController, path: Path) -> None:
        super().__init__(controller, f"Attach “{Path(path).name[:50]}”")
        self.path = Path(path)
        self.document: AttachedDocument | None = None

    def _do(self) -> bool:
        if self.document is None:
            self.document = self.controller.attach_file(self.path)
            return self.document is not None
        return self.controller.attach(self.document) is not None

    def _undo(self) -> None:
        if self.document is not None:
            self.controller.remove(self.document.id)

    def _reveal(self) -> None:
        self.controller.reveal(STEP_2)


class RemoveDocumentCommand(_Step):
    """Remove an attached document; undo attaches it again with the same id, bytes and name."""

    def __init__(self, controller: EvidenceController, document: AttachedDocument) -> None:
        super().__init__(controller, f"Remove “{document.name[:50]}”")
        self.document = document

    def _do(self) -> bool:
        return self.controller.remove(self.document.id) is not None

    def _undo(self) -> None:
        self.controller.attach(self.document)

    def _reveal(self) -> None:
        self.controller.reveal(STEP_2)
