"""Work done while the user is not using the app (a few steps of up to ~100 ms each that would otherwise fall
inside something the user does: the first open of an assessment).

Each step runs in a turn of the event loop of its own, and only once no key, click or wheel has come for
QUIET_MS: a user typing in the dashboard's search box is never kept waiting by it. The input watch (an event
filter on the application) lives only while steps are left.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

QUIET_MS = 400  # no input for this long: the user is reading, not typing
_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.ShortcutOverride}


class IdleWork(QObject):
    """Runs steps one per loop turn, each once the user has been idle for QUIET_MS; then removes itself."""

    def __init__(self, steps: Sequence[Callable[[], None]]) -> None:
        app = QApplication.instance()
        super().__init__(app)
        self._steps = list(steps)
        self._last_input = 0.0
        self._done = False
        app.installEventFilter(self)
        QTimer.singleShot(0, self._next)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def stop(self) -> None:
        """Drop the steps left (the app, or a test, is done with what asked for them)."""
        if not self._done:
            self._done = True
            QApplication.instance().removeEventFilter(self)
            self.deleteLater()

    def _next(self) -> None:
        if self._done:
            return
        if not self._steps:
            self.stop()
            return
        waited_ms = (time.monotonic() - self._last_input) * 1000
        if waited_ms < QUIET_MS:  # the user is typing or clicking: try again once they pause
            QTimer.singleShot(int(QUIET_MS - waited_ms) + 1, self._next)
            return
        step = self._steps.pop(0)
        try:
            step()
        except Exception:  # noqa: BLE001 - idle work is an optimisation: what needs it does it again itself
            log.info("Idle step %s failed", getattr(step, "__name__", step), exc_info=True)
        QTimer.singleShot(0, self._next)
