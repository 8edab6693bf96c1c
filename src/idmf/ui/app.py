"""Start the desktop app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from idmf import __version__
from idmf.services.context import open_app
from idmf.storage.database import DatabaseError


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `idmf` GUI script."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("IDMF Desktop")
    app.setOrganizationName("IDMF")
    app.setApplicationVersion(__version__)
    try:
        context = open_app()
    except DatabaseError as exc:
        QMessageBox.critical(None, "IDMF Desktop cannot open your data", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle("IDMF Desktop")
    window.setCentralWidget(QLabel(f"{len(context.repository.list())} assessments"))
    window.show()
    return app.exec()
