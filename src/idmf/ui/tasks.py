"""Run slow work (export, network) off the GUI thread and report back on the GUI thread.

The one way the app does background work, after Anki's `aqt.operations` pattern: the caller hands over
a plain function and two callbacks; the function runs on the global QThreadPool, and exactly one
callback is then called on the GUI thread, so callbacks may touch widgets freely.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressBar, QWidget
from shiboken6 import isValid

from idmf.errors import friendly
from idmf.ui import messages

log = logging.getLogger(__name__)

OnSuccess = Callable[[Any], None]
OnFailure = Callable[[str, BaseException], None]

# Relays of running tasks, so that a task started without a parent is not garbage-collected mid-flight.
_RUNNING: set["_Relay"] = set()


def describe_error(exc: BaseException) -> str:
    """A plain-English sentence for a failure (known core errors keep their own wording)."""
    known = friendly(exc) if isinstance(exc, Exception) else None
    if known:
        return known[0].upper() + known[1:]
    if isinstance(exc, MemoryError):
        return "The computer ran out of memory. Close other programs and try again."
    return (f"Something unexpected went wrong ({type(exc).__name__}). Try again; if it keeps happening, "
            "send the log file from the IDMF Desktop logs folder to your support team.")


class _Busy:
    """A busy cursor and an indeterminate bar in the main window's status bar while a task runs."""

    def __init__(self, parent: QWidget | None, label: str) -> None:
        self.bar: QProgressBar | None = None
        window = parent.window() if parent is not None else None
        if isinstance(window, QMainWindow):
            self.bar = QProgressBar()
            self.bar.setRange(0, 0)  # a range of 0..0 draws the "working" animation
            self.bar.setMaximumWidth(160)
            self.bar.setAccessibleName(label)
            self.bar.setFormat(label)
            window.statusBar().addWidget(self.bar)
            window.statusBar().showMessage(label)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    def stop(self) -> None:
        """Remove the indicator (its window may have been closed meanwhile)."""
        QApplication.restoreOverrideCursor()
        bar, self.bar = self.bar, None
        if bar is None or not isValid(bar):
            return
        window = bar.window()
        if isinstance(window, QMainWindow):
            window.statusBar().clearMessage()
            window.statusBar().removeWidget(bar)
        bar.deleteLater()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits its signals, so the slots run on the GUI thread.

    It has no Qt parent on purpose: closing the asking window must not delete it under a running task.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None, on_success: OnSuccess, on_failure: OnFailure | None,
                 label: str) -> None:
        super().__init__()
        self._parent = parent
        self._on_success, self._on_failure, self._label = on_success, on_failure, label
        self._busy = _Busy(parent, label)
        # Queued explicitly: the worker thread emits, this object's (GUI) thread runs the slot.
        self.succeeded.connect(self._succeed, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _succeed(self, result: Any) -> None:
        if self._finish():
            self._on_success(result)

    @Slot(object)
    def _fail(self, exc: BaseException) -> None:
        if not self._finish():
            return
        message = describe_error(exc)
        if self._on_failure is not None:
            self._on_failure(message, exc)
        else:
            messages.warning(self._parent, self._label.rstrip("…. ") or "IDMF Desktop", message)

    def _finish(self) -> bool:
        """Stop the busy indicator; False when the asking window has gone (so nobody is called back)."""
        self._busy.stop()
        _RUNNING.discard(self)
        self.deleteLater()
        gone = self._parent is not None and not isValid(self._parent)
        if gone:
            log.info("Background task finished after its window closed: %s", self._label)
        return not gone


class _Job(QRunnable):
    """The part that runs on a pool thread: call the function, report through the relay."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay, label: str) -> None:
        super().__init__()
        self._fn, self._relay, self._label = fn, relay, label

    def run(self) -> None:  # noqa: D401 - Qt override
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI, never vanish
            log.exception("Background task failed: %s", self._label)
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


def run_in_background(parent: QWidget | None, fn: Callable[[], Any], *, on_success: OnSuccess,
                      on_failure: OnFailure | None = None, label: str = "Working…") -> QObject:
    """Run `fn()` on a worker thread; then call on_success(result) or on_failure(message, exc) on the GUI thread.

    Without on_failure, a failure is shown in a warning box titled after `label`. `fn` must not touch
    widgets. If `parent` is closed before `fn` ends, neither callback is called. Returns the relay object.
    """
    relay = _Relay(parent, on_success, on_failure, label)
    _RUNNING.add(relay)
    QThreadPool.globalInstance().start(_Job(fn, relay, label))
    return relay
