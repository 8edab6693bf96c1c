"""The editor's door to the evidence service: links, the reason no mitigation is possible, and documents.

Widgets call `prepare()` before pushing a command: it saves pending typing first, so a field being typed in
never writes back links it loaded before the change (saving inside an undo step would push commands while the
stack is busy). Commands (commands.py) then call the methods below; any failure becomes a plain-English
message (`sig_failed`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from idmf.domain.answers import GroupImpact, ImpactAnswer
from idmf.domain.assessment import Assessment
from idmf.domain.documents import AttachedDocument, DocumentError
from idmf.errors import NotFoundError
from idmf.services.evidence import MITIGATION
from idmf.ui.editor.controller import failure_reason
from idmf.ui.editor.host import EditorHost
from idmf.ui.tasks import describe_error

log = logging.getLogger(__name__)

UNSAVED = ("Your last change is not saved yet, so this one was not made. Wait for “Saved” in the status bar, "
           "then try again.")


class ImpactRef(NamedTuple):
    """Which impact: a characteristic (row None) or an added group (its 1-based row); and its name in words."""

    question_id: str
    row: int | None
    name: str


def impact_of(item: Assessment, where: ImpactRef) -> ImpactAnswer:
    """The stored impact answer (an empty one when not answered, or when the group is gone)."""
    if where.row is None:
        return item.impact(where.question_id)
    groups = item.answers.get(where.question_id) or []
    if 1 <= where.row <= len(groups) and isinstance(groups[where.row - 1], GroupImpact):
        return groups[where.row - 1].impact
    return ImpactAnswer()


class EvidenceController(QObject):
    """Changes links and documents through `context.evidence`; True / the result when stored, else None/False."""

    sig_failed = Signal(str, object)  # why a change was not stored, in words; the ImpactRef (None: documents)

    def __init__(self, host: EditorHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host

    @property
    def service(self):
        return self.host.services.evidence

    def link(self, where: ImpactRef, kind: str, target: str, add: bool, restore: bool = False) -> str | None:
        """Link or unlink; returns the stored target (an old row's number becomes its new id), None on failure."""
        def change(item: Assessment) -> str:
            if not add:
                self.service.unlink(item, where.question_id, where.row, kind, target)
                return target
            self.service.link(item, where.question_id, where.row, kind, target, restore=restore)
            impact = impact_of(item, where)
            stored = impact.mitigated_by if kind == MITIGATION else [e.partition(":")[2] for e in impact.evidence]
            return stored[-1] if stored else target  # a new link is added last
        return self._run(change, where)

    def set_no_mitigation(self, where: ImpactRef, reason: str) -> bool:
        """Store why no mitigation is possible."""
        return self._run(lambda item: self.service.set_no_mitigation(item, where.question_id, where.row, reason),
                         where) is not None

    def attach_file(self, path: Path) -> AttachedDocument | None:
        """Attach a file from disk (refused in words when too big, empty, unreadable or already attached)."""
        return self._run(lambda item: self.service.attach_file(item, path))

    def attach(self, document: AttachedDocument) -> AttachedDocument | None:
        """Attach a document again (redo, or undoing its removal: same id, so links to it work again)."""
        return self._run(lambda item: self.service.attach(item, document.name, document.content, document.id))

    def remove(self, document_id: str) -> AttachedDocument | None:
        """Take a document away (links to it stay, shown as removed)."""
        return self._run(lambda item: self.service.remove(item, document_id))

    def prepare(self, where: ImpactRef | None = None) -> bool:
        """Before a user's change: save pending typing; False (and a message) when it could not be saved."""
        if self.host.flush():
            return True
        self.sig_failed.emit(UNSAVED, where)
        return False

    def _run(self, change: Callable[[Assessment], Any], where: ImpactRef | None = None) -> Any | None:
        try:
            return change(self.host.assessment)
        except Exception as exc:  # noqa: BLE001 - any failure reaches the user; nothing was changed
            log.warning("A link or document change failed: %s", type(exc).__name__)
            own_words = isinstance(exc, (DocumentError, NotFoundError))
            self.sig_failed.emit(describe_error(exc) if own_words else f"Not saved — {failure_reason(exc)}", where)
            return None

    def reveal(self, section_id: str, question_id: str | None = None) -> None:
        """Show where an undone or redone change happened, once the undo step is over (moving saves edits)."""
        def go() -> None:
            if isValid(self):
                try:
                    self.host.go_to(section_id, question_id)
                except KeyError:
                    self.host.go_to(section_id)
        QTimer.singleShot(0, go)
