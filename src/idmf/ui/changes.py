"""The GUI's end of the change notices (idmf.services.changes): a Qt signal on the GUI thread.

Each view that shows data makes one `ChangeRelay` and refreshes what a notice says changed. A notice
published on a worker thread (a download, an export) reaches the view on the GUI thread, since Qt queues
a signal emitted on another thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from idmf.services.changes import ChangeNotifier, Changes


class ChangeRelay(QObject):
    """Re-emits every change notice as `sig_changed(Changes)`; stops listening when it is destroyed."""

    sig_changed = Signal(object)  # idmf.services.changes.Changes

    def __init__(self, notifier: ChangeNotifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = notifier.subscribe(self._relay)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _relay(self, changes: Changes) -> None:
        if isValid(self):
            self.sig_changed.emit(changes)

    def stop(self) -> None:
        """Stop listening now (a view that closes before it is destroyed)."""
        self._unsubscribe()
