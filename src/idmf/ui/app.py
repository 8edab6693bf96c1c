"""Start the desktop app: arguments, logging, the Qt application, the database, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from idmf.paths import APP_AUTHOR, APP_NAME, log_dir
from idmf.errors import (DatabaseBusyError, DatabaseDamagedError, DatabaseError, DatabaseFullError,
                         DatabaseNotAFileError, DatabaseTooNewError)
from idmf.ui import messages
from idmf.ui.main_window import MainWindow, open_settings
from idmf.ui.quick_start import ServicesLoader, first_screen
from idmf.ui.single_instance import SingleInstance

if TYPE_CHECKING:  # the services are imported when the data is opened: the first screen does not wait for them
    from idmf.forms.loader import FormRegistry
    from idmf.services.context import AppContext

log = logging.getLogger("idmf")

LOG_FILE = "idmf.log"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The app's own options; anything else (Qt's -style, -platform…) is left for Qt."""
    parser = argparse.ArgumentParser(prog="idmf", description="IDMF Desktop")
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: IDMF_DATABASE_URL, else the app's own SQLite file)")
    # Hidden: CI and IT departments check an installed or bundled app with it (see idmf.ui.self_test).
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    # Double-clicking a review file (.idmf) or an exported assessment starts the app with it.
    parser.add_argument("files", nargs="*", metavar="FILE", help="review files (.idmf) or exports to open")
    args, _qt_args = parser.parse_known_args(list(argv))
    if args.version:  # looked up only when asked: reading the installed version costs start-up time
        from idmf import __version__

        print(f"IDMF Desktop {__version__}")  # on stdout, as argparse's version action printed it
        parser.exit()
    return args


class _NoAnswerTextFormatter(logging.Formatter):
    """Tracebacks without the exception's message: validation errors can quote what the user typed."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached the full traceback text on the record; use ours, then put it back.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # noqa: N802 - logging API
        kind, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb))
        return f"Traceback (most recent call last):\n{frames}{kind.__name__} (message not logged)"


def configure_logging() -> Path:
    """Log to a rotating file in the user's log folder; returns its path.

    Only events and ids are logged, never answer text: assessments can hold sensitive information.
    """
    path = log_dir() / LOG_FILE
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(_NoAnswerTextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _install_excepthook(log_file: Path) -> None:
    """A bug in a slot must not vanish silently nor kill the window: log it and tell the user."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.critical("Unexpected error", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None and not issubclass(kind, KeyboardInterrupt):
            messages.critical(None, "IDMF Desktop", "Something unexpected went wrong. Your saved work is safe; "
                                 f"if this keeps happening, send the log file {log_file} to your support team.")

    sys.excepthook = hook


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with the names QSettings and the About box use."""
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName(APP_NAME)
    return app


def database_problem_text(exc: DatabaseError, log_file: Path) -> str:
    """What happened and what to do, for the start-up message box."""
    if isinstance(exc, (DatabaseBusyError, DatabaseFullError, DatabaseNotAFileError)):
        return str(exc)  # these say what to do themselves
    if isinstance(exc, DatabaseTooNewError):
        todo = "Install the latest version of IDMF Desktop, then open the app again."
    elif isinstance(exc, DatabaseDamagedError):
        todo = ("To put the backup back, close this message and run:  idmf-cli backup restore\n"
                "Then open IDMF Desktop again.")
    else:
        todo = ("Check that no other program is using the file and that the folder can be written to, then open "
                "IDMF Desktop again. If you use a database server, check the address and that the server is "
                f"running. If it keeps happening, send the log file {log_file} to your support team.")
    return f"{exc}\n\nWhat to do: {todo}"


class WaitNotice:
    """While the start-up check waits for another program to let go of the data file, a box says so."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None

    def __call__(self, message: str) -> None:
        self.box = messages.message_box(None, QMessageBox.Icon.Information, APP_NAME, message,
                                        QMessageBox.StandardButton.NoButton)
        self.box.show()
        QApplication.processEvents()  # drawn now: the wait that follows blocks the event loop

    def close(self) -> None:
        if self.box is not None:
            self.box.close()
            self.box.deleteLater()
            self.box = None


def open_context(database_url: str | None, log_file: Path, forms: FormRegistry | None = None) -> AppContext | None:
    """Open the database, or explain why not in a message box and return None.

    Busy (IDMF Desktop open elsewhere) and full-disk problems offer Retry: nothing was changed, and they pass.
    """
    from idmf.services.context import open_app
    from idmf.ui.backups.startup import offer_restore

    notice = WaitNotice()
    try:
        context = open_app(database_url, forms, on_wait=notice)
    except DatabaseDamagedError as exc:  # already moved aside: offer the newest good backup, then open again
        log.error("The start-up check found the database damaged")
        return open_context(database_url, log_file, forms) if offer_restore(exc, database_url) else None
    except (DatabaseBusyError, DatabaseFullError) as exc:
        log.error("Cannot open the database yet: %s", type(exc).__name__)
        answer = messages.warning(None, "IDMF Desktop cannot open your data yet", str(exc),
                                  QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                                  QMessageBox.StandardButton.Retry)
        return open_context(database_url, log_file, forms) if answer == QMessageBox.StandardButton.Retry else None
    except DatabaseError as exc:
        log.error("Cannot open the database: %s", type(exc).__name__)
        messages.critical(None, "IDMF Desktop cannot open your data", database_problem_text(exc, log_file))
        return None
    finally:
        notice.close()
    if context.storage_warning:
        messages.warning(None, "Where your data is kept", context.storage_warning)
    from idmf import __version__

    QApplication.setApplicationVersion(__version__)
    log.info("IDMF Desktop %s opened its data", __version__)
    return context


def claim_instance(arguments: list[str]) -> SingleInstance | None:
    """Become the running app, or hand `arguments` to the one already running and return None."""
    instance = SingleInstance()
    if instance.notify_running_instance(arguments):
        log.info("IDMF Desktop is already running for this data folder; it was asked to come forward")
        return None
    instance.become_primary()
    return instance


def bring_forward(window: MainWindow) -> None:
    """Show a window that may be minimised or behind others (a second start asked for it)."""
    window.show()
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.raise_()
    window.activateWindow()


def hand_over(window: MainWindow, arguments: list[str]) -> None:
    """A second start asked us to come forward, perhaps with files to open (it has already exited)."""
    bring_forward(window)
    files = parse_args(arguments).files
    if files and window.context is None:  # a quick start still loading: open them once it is ready
        window.sig_ready.connect(lambda: window.open_files(files), Qt.ConnectionType.SingleShotConnection)
    elif files:
        window.open_files(files)


def services_ready(window: MainWindow, context: AppContext) -> None:
    """What starts once the data is open: periodic backups, and colleagues' changes (team mode)."""
    from idmf.ui.backups.timer import install_backup_timer

    install_backup_timer(window)
    context.live.start()  # team mode: a colleague's submit, comment or approval refreshes your views


def start_quickly(args: argparse.Namespace, log_file: Path) -> MainWindow | None:
    """Show the dashboard before the services load, when that is safe (see idmf.ui.quick_start); else None."""
    if args.files:
        return None
    settings = open_settings()
    rows = first_screen(args.database, settings)
    if rows is None:
        return None
    window = MainWindow(None, settings=settings, first_rows=rows)
    window.loader = ServicesLoader(window)
    window.loader.sig_loaded.connect(lambda loaded: _finish_quick_start(window, loaded, args.database, log_file))
    window.loader.start_after_first_paint(window)
    window.show()
    return window


def _finish_quick_start(window: MainWindow, loaded: object, database_url: str | None, log_file: Path) -> None:
    """Open the data the usual way (same checks and messages) and hand the services to the window."""
    if window.loader.cancelled:
        return
    if isinstance(loaded, Exception):
        log.error("Loading the app's services failed: %s", type(loaded).__name__)
    context = open_context(database_url, log_file, loaded if not isinstance(loaded, Exception) else None)
    if context is None:
        window.loader.cancelled = True
        window.hide()
        QApplication.exit(1)
        return
    window.context_opened = context  # closed by main() even if the app quits before the next turn

    def attach() -> None:  # the next turn of the event loop: a click waits for one half, not both
        if not window.loader.cancelled:
            window.attach_context(context)
            services_ready(window, context)

    QTimer.singleShot(0, window, attach)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `idmf` GUI script; returns the exit status."""
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.self_test:
        from idmf.ui.self_test import run

        return run(argv)
    log_file = configure_logging()
    log.info("IDMF Desktop starting")
    app = create_application(argv)
    _install_excepthook(log_file)
    # Before the database: two windows on one file would each edit a stale copy of the same assessment.
    # The running app may have another working folder: hand it absolute paths.
    args.files = [str(Path(name).resolve()) for name in args.files]
    instance = claim_instance(args.files)
    if instance is None:
        return 0
    window = start_quickly(args, log_file)
    if window is None:
        context = open_context(args.database, log_file)
        if context is None:
            instance.close()
            return 1
        window = MainWindow(context)
        window.show()
        services_ready(window, context)
    instance.sig_activation_requested.connect(lambda arguments: hand_over(window, arguments))
    if args.files:
        QTimer.singleShot(0, lambda: window.open_files(args.files))  # once the window is on screen
    try:
        return app.exec()
    finally:
        loader = getattr(window, "loader", None)
        if loader is not None:
            loader.cancel()
        instance.close()
        opened = window.context or getattr(window, "context_opened", None)
        if opened is not None:
            opened.close()
        log.info("IDMF Desktop closed")
