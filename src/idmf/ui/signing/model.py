"""The Trusted signers table: every signer this database knows, with the trust it gives them, as a Qt model."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from idmf.services.signing import SignerView
from idmf.signing.cards import role_label
from idmf.ui.rows import RowsTableModel

COL_NAME, COL_TRUSTED_AS, COL_FINGERPRINT, COL_HOW, COL_ORGANISATION = range(5)
HEADERS = ("Name", "Trusted as", "Fingerprint", "How", "Organisation")
SIGNER_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's SignerView

ModelIndex = QModelIndex | QPersistentModelIndex


def trusted_as(view: SignerView) -> str:
    """'EDI reviewer', or 'Not trusted' (never shown by colour alone); your own key says so."""
    roles = ", ".join(role_label(r) for r in sorted(view.trusted_roles))
    if view.mine:
        return roles or "Your own key (not on the list)"
    return roles or "Not trusted"


def how(view: SignerView) -> str:
    """Where the trust comes from, in words."""
    if view.mine and not view.trusted_roles:
        return "on this computer (you)"
    parts = []
    if view.list_role:
        parts.append("organisation's list")
    if view.vouched_role:
        parts.append(f"fingerprint compared by {view.vouched_by}")
    if not parts:
        parts.append("seen on a signed file")
    return "; ".join(parts) + (" (you)" if view.mine else "")


class SignersTableModel(RowsTableModel):
    """Signers, one per row, in the order the service gives them (by name)."""

    HEADERS = HEADERS

    def __init__(self, signers: Sequence[SignerView] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SignerView] = list(signers)

    def set_signers(self, signers: Sequence[SignerView]) -> None:
        """Show a new list."""
        self.beginResetModel()
        self._rows = list(signers)
        self.endResetModel()

    def signer(self, row: int) -> SignerView:
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self._rows[index.row()]
        if role == SIGNER_ROLE:
            return view
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (view.card.name, trusted_as(view), view.card.fingerprint, how(view),
                    view.card.organisation)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NAME:
            return f"Their card says: {view.card.describe()}"
        if role == Qt.ItemDataRole.FontRole and index.column() == COL_FINGERPRINT:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # groups line up to compare
            font.setPointSizeF(QApplication.font().pointSizeF())
            return font
        return None
