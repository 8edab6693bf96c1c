"""Dialogs of the signing feature: making your signing identity, trusting one person after comparing
fingerprints side by side, and confirming the admin key of an organisation's trusted-signers list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QVBoxLayout, QWidget)

from idmf.review.workflow import default_person
from idmf.signing.cards import ROLE_LABELS, SIGNING_ROLES, Card, role_label
from idmf.signing.trustlist import TrustList
from idmf.ui.signing.fingerprints import CardPanel, fingerprint_label


def _text(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _role_box(roles, chosen: str, name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for role in roles:
        box.addItem(role_label(role).capitalize(), role)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


class IdentityDialog(QDialog):
    """Your name, role and organisation for a new key pair (the private key stays on this computer)."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your signing identity")
        self.name_edit = QLineEdit(default_person())
        self.name_edit.setAccessibleName("Your full name")
        self.role_box = _role_box(ROLE_LABELS, "lead", "Your role")
        self.organisation_edit = QLineEdit()
        self.organisation_edit.setAccessibleName("Your organisation")
        self.problem = _text("")
        self.problem.hide()
        form = QFormLayout()
        form.addRow("Full &name:", self.name_edit)
        form.addRow("&Role:", self.role_box)
        form.addRow("&Organisation:", self.organisation_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(_text("Everything you approve, review or submit is signed with your own key, so others can "
                               f"check it was you. The private key is kept in {where}; it never leaves this "
                               "computer. Your role is what your organisation's trusted-signers list says, not "
                               "what you choose here."))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, "Make my key"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def accept(self) -> None:
        """Close only with a name given."""
        if not self.name_edit.text().strip():
            self.problem.setText("Please give your full name, as colleagues know you.")
            self.problem.show()
            return
        super().accept()

    def values(self) -> tuple[str, str, str]:
        """(name, role, organisation) as entered."""
        return (self.name_edit.text().strip(), self.role_box.currentData(),
                self.organisation_edit.text().strip())


class CompareFingerprintsDialog(QDialog):
    """Your card and theirs side by side, as messaging apps do; trust only once both read the same."""

    def __init__(self, mine: Card | None, theirs: Card, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Trust {theirs.name}?")
        self.theirs = theirs
        side_by_side = QHBoxLayout()
        self.mine_panel, self.their_panel = CardPanel("Your key", mine), CardPanel(f"{theirs.name}'s key", theirs)
        side_by_side.addWidget(self.mine_panel)
        side_by_side.addWidget(self.their_panel)
        self.role_box = _role_box(SIGNING_ROLES, theirs.role if theirs.role in SIGNING_ROLES else "reviewer",
                                  "Trust them as")
        self.matches = QCheckBox(f"{theirs.name} read me the same fingerprint as shown under their key")
        self.matches.setAccessibleName("The fingerprints match")
        self.buttons = _buttons(self, "Trust")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.matches.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        form = QFormLayout()
        form.addRow("Trust them &as:", self.role_box)
        layout = QVBoxLayout(self)
        layout.addWidget(_text(f"Call {theirs.name} (on a number you already know, not one from the file) and read "
                               "your fingerprints to each other. Trust their key only if what they read matches "
                               "what you see here, every group."))
        layout.addLayout(side_by_side)
        layout.addLayout(form)
        layout.addWidget(self.matches)
        layout.addWidget(self.buttons)
        # A preferred width, not a minimum: the layout keeps both fingerprints whole whatever the font.
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.sizeHint().height())

    def role(self) -> str:
        return self.role_box.currentData()


class ImportListDialog(QDialog):
    """The list's organisation, people and admin key; a first list (or a new admin key) needs the admin
    fingerprint compared with the one the EDI team publishes."""

    def __init__(self, found: TrustList, needs_check: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import trusted-signers list")
        people = QListWidget()
        people.setAccessibleName("People on the list")
        for card in found.signers:
            people.addItem(f"{card.name} — {role_label(card.role)} — {card.fingerprint}")
        layout = QVBoxLayout(self)
        layout.addWidget(_text(f"The trusted-signers list of {found.organisation}, issued "
                               f"{found.issued_at.astimezone():%d/%m/%Y %H:%M}, with {len(found.signers)} people, "
                               f"signed by the admin key of {found.admin.name}:"))
        layout.addWidget(fingerprint_label(found.admin.fingerprint, "Admin key fingerprint"))
        self.matches = QCheckBox("This is the admin fingerprint my EDI team published")
        self.matches.setAccessibleName("The admin fingerprint matches")
        if needs_check:
            layout.addWidget(_text("Compare it with the fingerprint your EDI team publishes (on the intranet, or "
                                   "read out by them). Import only if every group matches."))
            layout.addWidget(self.matches)
        else:
            self.matches.setChecked(True)
            layout.addWidget(_text("It is signed by the same admin key as the list you have."))
        layout.addWidget(people, 1)
        self.buttons = _buttons(self, "Import")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.matches.isChecked())
        self.matches.toggled.connect(ok.setEnabled)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 24)


def ask_identity(parent: QWidget | None, where: str) -> tuple[str, str, str] | None:
    """Show an IdentityDialog; (name, role, organisation), or None when cancelled."""
    dialog = IdentityDialog(where, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_compare(parent: QWidget | None, mine: Card | None, theirs: Card) -> str | None:
    """Show a CompareFingerprintsDialog; the role to trust them as, or None when not trusted."""
    dialog = CompareFingerprintsDialog(mine, theirs, parent)
    return dialog.role() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_import(parent: QWidget | None, found: TrustList, needs_check: bool) -> bool:
    """Show an ImportListDialog; True when the user confirmed the list."""
    return ImportListDialog(found, needs_check, parent).exec() == QDialog.DialogCode.Accepted
