"""A quick start: the dashboard on screen before SQLAlchemy, pydantic and the forms are loaded.

Taken only when `first_screen` finds it certainly safe (see idmf.services.first_screen); the window then shows
the rows read with the standard library while a worker thread imports the services and reads the forms.
The database itself is opened afterwards on the GUI thread by the usual start-up code (same checks, same
messages), and the window's dashboard is handed the services (`MainWindow.attach_context`).
"""

from __future__ import annotations

import logging
import threading
from importlib import import_module

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal

from idmf.domain.summary import AssessmentSummary
from idmf.services.first_screen import first_screen_rows
from idmf.ui.main_window import KEY_ASSESSMENT

log = logging.getLogger(__name__)

NO_PAINT_MS = 300  # when the window has not painted by then, load the services all the same


def first_screen(database_url: str | None, settings: QSettings) -> list[AssessmentSummary] | None:
    """The dashboard's rows for a quick start, or None: start the usual way.

    The usual way also when the app reopens an assessment (the editor would replace the dashboard on screen)
    and when there are no assessments yet (the first-run panel offers New, which needs the services).
    """
    if settings.value(KEY_ASSESSMENT) is not None:
        return None
    rows = first_screen_rows(database_url)
    if rows is None:
        log.info("Starting the usual way (no quick first screen for this data file)")
    return rows or None


# What the GUI thread needs once the services are there (the main window's feature menus and the start-up
# code): imported here too, so the GUI thread does not stall on them. Importing creates no widgets.
_ALSO_IMPORTED = ("idmf.ui.backups.menu", "idmf.ui.backups.startup", "idmf.ui.backups.timer",
                  "idmf.ui.portfolio.menu", "idmf.ui.publishing.menu", "idmf.ui.review.menu",
                  "idmf.ui.signing.menu", "idmf.ui.about", "idmf.ui.announce", "idmf.ui.dashboard.importing",
                  "idmf.ui.dashboard.word_export")


def _load_services() -> object:
    """Import the services and read every form (off the GUI thread: nothing here touches the data)."""
    import idmf.services.context  # noqa: F401 - the import is the work
    from idmf.forms.loader import FormRegistry

    for name in _ALSO_IMPORTED:
        import_module(name)
    from idmf import __version__  # noqa: F401 - reads the installed metadata once (logged when the data opens)

    return FormRegistry()


class ServicesLoader(QObject):
    """Loads the services on a worker thread; `sig_loaded` brings the FormRegistry (or the exception) back."""

    sig_loaded = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin loading, once (the result arrives through the event loop)."""
        if self._thread is None and not self.cancelled:
            self._thread = threading.Thread(target=self._run, name="idmf-services-loader")
            self._thread.start()

    def start_after_first_paint(self, window: QObject) -> None:
        """Begin once `window` has painted and the event loop has handled what was queued by then (the first
        screen is not slowed by the loading's share of the interpreter), or after NO_PAINT_MS whatever
        happens: a window started minimised, or on a locked screen, is not painted at all."""
        window.installEventFilter(self)
        QTimer.singleShot(NO_PAINT_MS, self, self.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)
        return False

    def _run(self) -> None:
        try:
            result = _load_services()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which opens the usual way
            result = exc
        if not self.cancelled:
            self.sig_loaded.emit(result)

    def cancel(self) -> None:
        """The app is closing: drop the result and wait for the thread (an import cannot be interrupted)."""
        self.cancelled = True  # and never starts now
        if self._thread is not None:
            self._thread.join()
