"""File → Trusted signers…: your signing identity, your organisation's trusted-signers list, and every signer
this database knows, with the trust it gives them; trusting one person after comparing fingerprints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from idmf.errors import IdmfError
from idmf.services.context import AppContext
from idmf.signing.cards import Card
from idmf.ui import messages
from idmf.ui.signing import dialogs
from idmf.ui.signing.fingerprints import CardPanel
from idmf.ui.signing.model import SIGNER_ROLE, SignersTableModel

HEADING = "Trusted signers"
LIST_FILTER = "Trusted-signers lists (*.idmf-trust *.json)"
CARD_FILTER = "Signer's cards (*.idmf-card.json *.json)"


def _button(text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


def ensure_identity(parent: QWidget | None, context: AppContext) -> bool:
    """Your signing identity, made now (asking your name) if this computer has none; False when cancelled."""
    if context.signing.my_cards():
        return True
    values = dialogs.ask_identity(parent, context.signing.keys.where())
    if values is None:
        return False
    try:
        context.signing.create_identity(*values)
    except IdmfError as exc:
        messages.warning(parent, "Your signing identity", str(exc))
        return False
    return True


class TrustedSignersDialog(QDialog):
    """Whose signatures count in this database, and yours."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(HEADING)
        self.context = context
        self.model = SignersTableModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Signers known here, with the trust given to each")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.mine_box, self.list_box = QGroupBox("Your signing identity"), QGroupBox("Your organisation's list")
        self.list_label = QLabel()
        self.list_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.mine_box, 1)
        top.addWidget(self.list_box, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._signer_buttons())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        QVBoxLayout(self.list_box).addWidget(self.list_label)
        self.list_box.layout().addStretch(1)
        self.list_box.layout().addWidget(_button("&Import list…", self.import_list))
        QVBoxLayout(self.mine_box)
        self.refresh()
        self._fit(self.fontMetrics().averageCharWidth() * 130, self.fontMetrics().height() * 30)

    def _fit(self, width: int, height: int) -> None:
        """Open at a comfortable size, never larger than the screen (small laptops at 125 % and large fonts)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.isValid():
            width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        self.resize(width, height)

    def _signer_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.trust_file_button = _button("Trust a &card file…", self.trust_card_file)
        self.trust_button = _button("&Trust selected…", self.trust_selected)
        self.untrust_button = _button("&Stop trusting selected", self.untrust_selected)
        for button in (self.trust_file_button, self.trust_button, self.untrust_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- showing ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the identity, the list and the signers as they are now."""
        self._show_identity()
        current = self.context.signing.current_list()
        self.list_label.setText("No trusted-signers list imported yet. Ask your EDI team for it." if current is None
                                else f"{current.organisation}, issued {current.issued_at.astimezone():%d/%m/%Y}, "
                                     f"signed by {current.admin_name}. Imported {current.imported_at.astimezone():%d/%m/%Y} "
                                     f"by {current.imported_by}.")
        self.model.set_signers(self.context.signing.signers())

    def _show_identity(self) -> None:
        layout = self.mine_box.layout()
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        cards = self.context.signing.my_cards()
        self.identity_panel = CardPanel("", cards[0] if cards else None)
        layout.addWidget(self.identity_panel)
        layout.addWidget(_button("&Save my card…", self.save_card) if cards
                         else _button("&Make my signing identity…", self.make_identity))

    def selected(self):
        """The signer on the selected row (None when no row is selected)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], SIGNER_ROLE) if rows else None

    # --- actions ----------------------------------------------------------------------------------------------
    def _do(self, work) -> bool:
        try:
            work()
        except (IdmfError, OSError) as exc:
            messages.warning(self, HEADING, str(exc))
            return False
        self.refresh()
        return True

    def make_identity(self) -> None:
        if ensure_identity(self, self.context):
            self.refresh()

    def save_card(self) -> None:
        mine = self.context.signing.my_cards()[0]
        suggested = str(Path.home() / f"{mine.name.replace(' ', '-').lower()}.idmf-card.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save my card", suggested, CARD_FILTER)
        if path and self._do(lambda: self.context.signing.export_card(Path(path))):
            messages.information(self, HEADING, f"Saved {Path(path).name}. Send it to your EDI team (or a "
                                    f"colleague), then read them your fingerprint: {mine.fingerprint}.")

    def import_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import trusted-signers list", str(Path.home()), LIST_FILTER)
        if not path:
            return
        try:
            found = self.context.signing.read_list(Path(path))
        except IdmfError as exc:
            messages.warning(self, HEADING, str(exc))
            return
        if dialogs.ask_import(self, found, self.context.signing.needs_admin_check(found)) and self._do(
                lambda: self.context.signing.import_list(Path(path), found.admin.fingerprint)):
            messages.information(self, HEADING, f"The list of {found.organisation} is now in force: "
                                    f"{len(found.signers)} people.")

    def _trust(self, card: Card) -> None:
        mine = self.context.signing.my_cards()
        role = dialogs.ask_compare(self, mine[0] if mine else None, card)
        if role is not None:
            self._do(lambda: self.context.signing.trust(card, role, card.fingerprint))

    def trust_card_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Trust a signer's card", str(Path.home()), CARD_FILTER)
        if path:
            try:
                card = self.context.signing.read_card(Path(path))
            except IdmfError as exc:
                messages.warning(self, HEADING, str(exc))
                return
            self._trust(card)

    def trust_selected(self) -> None:
        view = self.selected()
        if view is None:
            messages.information(self, HEADING, "Select a signer in the list first.")
            return
        self._trust(view.card)

    def untrust_selected(self) -> None:
        view = self.selected()
        if view is None or not view.vouched_role:
            messages.information(self, HEADING, "Select someone you trusted one by one. Trust from your "
                                    "organisation's list ends when a newer list leaves them out.")
            return
        self._do(lambda: self.context.signing.untrust(view.card.key_id))


def show_trusted_signers(window) -> TrustedSignersDialog:
    """Open the Trusted signers window (modeless, kept on the main window)."""
    dialog = TrustedSignersDialog(window.context, window)
    window.trusted_signers_dialog = dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
