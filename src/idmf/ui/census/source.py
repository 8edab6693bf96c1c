"""Getting census figures into the cache: download from Nomis (off the GUI thread, with Cancel) or import files."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from idmf.census.nomis_settings import NomisSettings
from idmf.services.census import CensusService, DownloadResult
from idmf.ui import messages
from idmf.ui.tasks import describe_error, run_in_background

EMPTY_TEXT = ("There are no census figures on this computer yet. Download them from the Office for National "
              "Statistics (Nomis) if you are online (a few minutes, once), or import the ONS census files "
              "if you have them saved. After that the profiles work offline.")
FILE_FILTER = "ONS census or lookup files (*.csv);;All files (*)"


class _Progress(QObject):
    """Carries the worker's progress calls to the GUI thread (a queued signal: the receiver lives here)."""

    moved = Signal(int, int, str)


class DataSource(QWidget):
    """The buttons that fill or refresh the census cache, with a progress bar and Cancel while downloading."""

    sig_loaded = Signal(str)  # a one-line summary of what was stored

    def __init__(self, service: CensusService, settings: Callable[[], NomisSettings], parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings  # read when a download starts, so tests and preferences can point elsewhere
        self._cancel: threading.Event | None = None
        self._failed_tables: list[str] = []  # the tables the last download could not fetch
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self._build()

    def _build(self) -> None:
        self.download_button = QPushButton("Download from ONS (Nomis)…")
        self.download_button.setAccessibleName("Download census figures from ONS (Nomis)")
        self.import_button = QPushButton("Import census files…")
        self.import_button.setAccessibleName("Import census files saved on this computer")
        self.retry_button = QPushButton("Retry failed tables")
        self.retry_button.setAccessibleName("Download again only the census tables that failed")
        self.retry_button.hide()
        self.cancel_button = QPushButton("Cancel download")
        self.cancel_button.setAccessibleName("Cancel the census download")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Census download progress")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Census data status")
        buttons = QHBoxLayout()
        for widget in (self.download_button, self.retry_button, self.import_button, self.cancel_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        self._running(False)
        self.status.hide()
        self.download_button.clicked.connect(lambda: self.start_download())
        self.retry_button.clicked.connect(lambda: self.start_download(self._failed_tables))
        self.import_button.clicked.connect(self.choose_files)
        self.cancel_button.clicked.connect(self.cancel)

    def _running(self, running: bool) -> None:
        self.download_button.setEnabled(not running)
        self.retry_button.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.bar.setVisible(running)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def start_download(self, tables: list[str] | None = None) -> None:
        """Fetch every table (or only `tables`) from Nomis on a worker thread; each table that arrives whole is
        stored, a failed one keeps its previous figures and can be retried."""
        self._cancel = cancel = threading.Event()
        settings, progress = self.settings(), self._progress.moved.emit
        self.bar.setRange(0, 0)
        self._running(True)
        self._say("Connecting to ONS (Nomis)…")
        run_in_background(self, lambda: self.service.download(settings, cancel, progress, tables or None),
                          on_success=self._loaded, on_failure=self._failed, label="Downloading census figures…")

    def cancel(self) -> None:
        """Ask the download to stop at its next step; nothing already saved is changed."""
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self._say("Cancelling the download…")

    def _moved(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self._say(f"{text} ({done} of {total})")

    def _loaded(self, result: DownloadResult) -> None:
        self._running(False)
        self._failed_tables = list(result.failed)
        self.retry_button.setVisible(bool(result.failed))
        self._say(result.summary)
        self.sig_loaded.emit(result.summary)

    def _failed(self, message: str, _exc: BaseException) -> None:
        self._running(False)
        self._say(message)

    def choose_files(self) -> None:
        """Ask for the ONS bulk CSV files and lookups, and import them all together."""
        paths, _ = QFileDialog.getOpenFileNames(self, "Import census files", str(Path.home()), FILE_FILTER)
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import files (one transaction: one unreadable file means none is stored) and say what happened."""
        try:
            lines = self.service.import_files(paths)
        except Exception as exc:  # noqa: BLE001 - any failure is shown in plain words; the cache is unchanged
            messages.warning(self, "Census files not imported", describe_error(exc))
            return
        summary = "Imported " + "; ".join(lines)
        self._say(summary)
        self.sig_loaded.emit(summary)
