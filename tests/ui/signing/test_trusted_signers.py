"""File → Trusted signers…: your identity, the organisation's list, and trusting one person after comparing
fingerprints side by side; every input named for screen readers; the table model tested without a view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from idmf.signing.identity import Identity
from idmf.ui.signing import dialogs
from idmf.ui.signing.dialogs import CompareFingerprintsDialog, IdentityDialog, ImportListDialog
from idmf.ui.signing.model import COL_FINGERPRINT, COL_HOW, COL_NAME, COL_TRUSTED_AS, SignersTableModel
from idmf.ui.signing.trusted import TrustedSignersDialog
from tests.people import ORGANISATION, publish
from tests.ui.review.test_needs_you_and_dialogs import unnamed


@pytest.fixture
def told(monkeypatch):
    said: list[tuple[str, str]] = []
    for kind in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *a, k=kind, **kw: said.append((k, text)))
    return said


def cell(model, row, column):
    return model.data(model.index(row, column))


def test_the_table_model_says_who_is_trusted_for_what_and_how(context, people):
    stranger = Identity.new("Sam Stranger", "reviewer")
    context.signing.remember(stranger.card)
    model = SignersTableModel(context.signing.signers())
    rows = {cell(model, r, COL_NAME): r for r in range(model.rowCount())}
    assert set(rows) == {"Committee Person", "Lead Person", "Reviewer Person", "Sam Stranger"}
    reviewer = rows["Reviewer Person"]
    assert cell(model, reviewer, COL_TRUSTED_AS) == "EDI reviewer"
    assert cell(model, reviewer, COL_HOW) == "organisation's list (you)"
    assert cell(model, reviewer, COL_FINGERPRINT) == people["Reviewer Person"].fingerprint
    assert (cell(model, rows["Sam Stranger"], COL_TRUSTED_AS), cell(model, rows["Sam Stranger"], COL_HOW)) == (
        "Not trusted", "seen on a signed file")


def test_the_dialog_shows_your_card_and_your_organisations_list(qtbot, context, people):
    dialog = TrustedSignersDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.identity_panel.fingerprint.text() == people["Lead Person"].fingerprint
    assert dialog.list_label.text().startswith(f"{ORGANISATION}, issued ")
    assert dialog.model.rowCount() == 3 and unnamed(dialog) == []


def test_a_first_identity_is_made_from_the_dialog(qtbot, context, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_identity", lambda _p, _where: ("Amira Patel", "lead", "UHL"))
    dialog = TrustedSignersDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.identity_panel.fingerprint is None
    dialog.make_identity()
    [card] = context.signing.my_cards()
    assert card.name == "Amira Patel" and dialog.identity_panel.fingerprint.text() == card.fingerprint


def test_the_identity_dialog_needs_a_name(qtbot):
    dialog = IdentityDialog("your system's credential store")
    qtbot.addWidget(dialog)
    dialog.name_edit.clear()
    dialog.accept()
    assert dialog.result() == 0 and "Please give your full name" in dialog.problem.text()
    qtbot.keyClicks(dialog.name_edit, "Amira Patel")
    dialog.accept()
    assert dialog.result() == 1 and dialog.values()[0] == "Amira Patel" and unnamed(dialog) == []


def test_importing_a_list_asks_to_compare_the_admin_fingerprint_first(qtbot, context, admin, tmp_path, monkeypatch,
                                                                     told):
    esi = Identity.new("Esi Mensah", "reviewer", ORGANISATION)
    path = publish(tmp_path, admin, [(esi.card, "reviewer")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown = []
    monkeypatch.setattr(dialogs, "ask_import", lambda _p, found, needs: shown.append((found.admin, needs)) or True)
    dialog = TrustedSignersDialog(context)
    qtbot.addWidget(dialog)
    dialog.import_list()
    assert shown == [(admin.card, True)]
    assert context.signing.trusted_roles(esi.key_id) == {"reviewer"}
    names = {cell(dialog.model, r, COL_NAME) for r in range(dialog.model.rowCount())}
    assert names == {"Esi Mensah", context.signing.my_cards()[0].name}  # you: your key was made on first use
    assert told[-1] == ("information", f"The list of {ORGANISATION} is now in force: 1 people.")


def test_the_import_list_dialog_imports_only_once_the_fingerprint_is_confirmed(qtbot, context, admin, tmp_path):
    esi = Identity.new("Esi Mensah", "reviewer", ORGANISATION)
    found = context.signing.read_list(publish(tmp_path, admin, [(esi.card, "reviewer")]))
    dialog = ImportListDialog(found, needs_check=True)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.matches.setFocus()
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Space)
    assert ok.isEnabled() and unnamed(dialog) == []


def test_trusting_someone_shows_both_fingerprints_side_by_side(qtbot, context, people):
    theirs = Identity.new("Sam Stranger", "reviewer", "Another Trust").card
    dialog = CompareFingerprintsDialog(people["Lead Person"], theirs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mine_panel.fingerprint.text() == people["Lead Person"].fingerprint
    assert dialog.their_panel.fingerprint.text() == theirs.fingerprint
    assert dialog.mine_panel.geometry().right() < dialog.their_panel.geometry().left()  # side by side
    trust = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not trust.isEnabled() and dialog.role() == "reviewer"
    dialog.matches.setFocus()
    qtbot.keyClick(dialog.matches, Qt.Key.Key_Space)
    assert trust.isEnabled() and unnamed(dialog) == []


def test_a_signer_seen_on_a_file_is_trusted_from_the_list(qtbot, context, people, monkeypatch, told):
    stranger = Identity.new("Sam Stranger", "reviewer")
    context.signing.remember(stranger.card)
    monkeypatch.setattr(dialogs, "ask_compare", lambda _p, mine, theirs: "reviewer" if theirs == stranger.card else None)
    dialog = TrustedSignersDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(r for r in range(dialog.model.rowCount()) if cell(dialog.model, r, COL_NAME) == "Sam Stranger")
    dialog.table.selectRow(row)
    dialog.trust_button.click()
    assert context.signing.trusted_roles(stranger.key_id) == {"reviewer"}
    row = next(r for r in range(dialog.model.rowCount()) if cell(dialog.model, r, COL_NAME) == "Sam Stranger")
    assert cell(dialog.model, row, COL_HOW) == "fingerprint compared by Lead Person"
    dialog.table.selectRow(row)
    dialog.untrust_button.click()
    assert context.signing.trusted_roles(stranger.key_id) == set()


def test_the_file_menu_opens_it(qtbot, context, people):
    from idmf.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.trusted_signers_action in window.menus["file"].actions()
    window.trusted_signers_action.trigger()
    assert isinstance(window.trusted_signers_dialog, TrustedSignersDialog)
    window.trusted_signers_dialog.close()
