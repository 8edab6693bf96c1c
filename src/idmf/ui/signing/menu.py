"""The signing feature's menu commands: File → Trusted signers… and Review → Verify a signed-off Word file…"""

from __future__ import annotations

from PySide6.QtGui import QAction

from idmf.ui.signing.trusted import show_trusted_signers
from idmf.ui.signing.verify import verify_word_file


def install_signing_actions(window) -> tuple[QAction, QAction]:
    """Add Trusted signers… to the File menu (above the backup commands) and Verify… to the Review menu."""
    trusted = QAction("&Trusted signers…", window)
    trusted.triggered.connect(lambda: show_trusted_signers(window))
    verify = QAction("&Verify a signed-off Word file…", window)
    verify.triggered.connect(lambda: verify_word_file(window))
    file_menu = window.menus["file"]
    before = getattr(window, "restore_backup_action", None)
    file_menu.insertAction(before if before in file_menu.actions() else None, trusted)
    review_menu = window.menus["review"]
    review_menu.addSeparator()
    review_menu.addAction(verify)
    window.trusted_signers_action, window.verify_action = trusted, verify
    return trusted, verify
